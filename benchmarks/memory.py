"""Peak memory: one huge article, and a long batch through the local workers.

Run:  cd <worktree> && PYTHONPATH=src python benchmarks/memory.py [--mb 5] [--articles 100000]
      [--workers N] [--timeout 1800]

1. ``--mb`` MB of synthetic news text (varied sentences with names, quotes, figures and dates,
   in paragraphs) through ``newsledger.extract`` in a fresh process: wall time, peak RSS, counts.
2. A synthetic batch of ``--articles`` short articles (generated lazily, never held in memory)
   through ``newsledger extract BATCH --workers N``: peak RSS of the parent and of each worker,
   sampled every half second, and how RSS grew between the first and last tenth of the run (a
   bounded runner stays flat).

Nothing here reads ../shared: the texts are made up, so the numbers are reproducible anywhere.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"

PEOPLE = ["John Kirby", "Ana Ruiz", "Mohammed Salem", "Olena Kovalenko", "David Mencer",
          "Fatima Haddad", "Lt. Col. Peter Lerner", "Yulia Svyrydenko"]
PLACES = ["Rafah", "Khan Younis", "Kharkiv", "Doha", "Cairo", "Jenin", "Zaporizhzhia", "Beirut"]
ORGS = ["the Gaza health ministry", "the UN", "the Israeli military", "Ukraine's air force",
        "the Red Cross", "Hamas", "the Kremlin", "the World Food Programme"]
SENTENCES = [
    "{org} said at least {n} people had been killed in {place} since {day}.",
    "“We are doing everything we can,” {person} told reporters on {day}.",
    "{person} said the talks in {place} would resume next week, according to two officials.",
    "The convoy of {n} trucks reached {place} on {day} morning, {org} said.",
    "Residents described a night of heavy shelling; the streets were empty by dawn.",
    "{org} estimated that about {n},000 people had fled {place} in the past {m} days.",
    "“There is no safe place,” said {person}, adding that {n} shelters were full.",
    "it was quiet for a while and nobody came out of the houses.",
    "The figure could not be independently verified.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def paragraphs(rng: random.Random) -> Iterator[str]:
    while True:
        k = rng.randint(1, 4)
        yield " ".join(rng.choice(SENTENCES).format(
            org=rng.choice(ORGS), person=rng.choice(PEOPLE), place=rng.choice(PLACES),
            day=rng.choice(DAYS), n=rng.randint(2, 900), m=rng.randint(2, 30))
            for _ in range(k))


def article(chars: int, seed: int) -> str:
    rng = random.Random(seed)
    out, size = [], 0
    for p in paragraphs(rng):
        p = p[0].upper() + p[1:]
        out.append(p)
        size += len(p) + 2
        if size >= chars:
            break
    return "\n\n".join(out) + "\n"


def huge(mb: float, timeout: int) -> None:
    text = article(int(mb * 1_000_000), seed=1)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as fh:
        fh.write(text)
    code = (
        "import json, resource, sys, time\n"
        "from newsledger import extract\n"
        "text = open(sys.argv[1], encoding='utf-8').read()\n"
        "t = time.perf_counter()\n"
        "rec = extract(text, published='2024-05-10')\n"
        "print(json.dumps({'seconds': time.perf_counter() - t,\n"
        "  'rss_mib': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,\n"
        "  'quotes': len(rec.quotes), 'figures': len(rec.figures), 'times': len(rec.times),\n"
        "  'entities': len(rec.entities), 'errors': [e.message[:200] for e in rec.errors]}))\n")
    env = dict(os.environ, PYTHONPATH=str(SRC))
    print(f"1. one article of {len(text):,} characters ({mb} MB) through newsledger.extract")
    try:
        out = subprocess.run([sys.executable, "-c", code, fh.name], capture_output=True,
                             text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        print(f"   did not finish within {timeout} s")
        return
    finally:
        os.unlink(fh.name)
    if out.returncode != 0:
        print(f"   failed (exit {out.returncode}): {out.stderr[-1500:]}")
        return
    r = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"   {r['seconds']:.0f} s, peak RSS {r['rss_mib']:.0f} MiB; quotes {r['quotes']}, "
          f"figures {r['figures']}, times {r['times']}, entities {r['entities']}; "
          f"errors: {r['errors'] or 'none'}")


def batch(n: int, workers: int, timeout: int) -> None:
    import psutil

    tmp = Path(tempfile.mkdtemp())
    path = tmp / "batch.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        for i in range(n):
            fh.write(json.dumps({"id": f"s{i}", "text": article(random.Random(i).randint(300, 1500),
                                                                  seed=i),
                                 "published": "2024-05-10"}) + "\n")
    out = tmp / "out.jsonl"
    print(f"2. a batch of {n:,} synthetic articles, --workers {workers}")
    env = dict(os.environ, PYTHONPATH=str(SRC))
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "newsledger", "extract", str(path), "-o",
                             str(out), "--workers", str(workers)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    parent = psutil.Process(proc.pid)
    peak: dict[int, float] = {}
    series: list[float] = []
    try:
        while proc.poll() is None and time.perf_counter() - t0 < timeout:
            try:
                procs = [parent, *parent.children(recursive=True)]
                rss = {p.pid: p.memory_info().rss / 2**20 for p in procs}
            except psutil.Error:
                continue
            for pid, v in rss.items():
                peak[pid] = max(peak.get(pid, 0), v)
            series.append(max((v for pid, v in rss.items() if pid != proc.pid), default=0))
            time.sleep(0.5)
    finally:
        if proc.poll() is None:
            proc.terminate()
            print(f"   stopped after {timeout} s (the RSS figures cover the run so far)")
    wall = time.perf_counter() - t0
    done = sum(1 for _ in open(out, encoding="utf-8")) if out.exists() else 0
    workers_peak = sorted((v for pid, v in peak.items() if pid != proc.pid), reverse=True)
    tenth = max(1, len(series) // 10)
    print(f"   {done:,} records in {wall:.0f} s ({done / wall:.1f}/s); parent peak "
          f"{peak.get(proc.pid, 0):.0f} MiB; worker peaks (MiB): "
          f"{', '.join(f'{v:.0f}' for v in workers_peak[:workers + 1])}")
    if len(series) >= 20:
        first = max(series[tenth:2 * tenth])
        last = max(series[-tenth:])
        print(f"   largest worker RSS, second tenth of the run vs last tenth: {first:.0f} → "
              f"{last:.0f} MiB")
    print(f"   this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--articles", type=int, default=100_000)
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--timeout", type=int, default=1800)
    ap.add_argument("--skip", choices=["huge", "batch"])
    args = ap.parse_args()
    if args.skip != "huge":
        huge(args.mb, args.timeout)
    if args.skip != "batch":
        batch(args.articles, args.workers, args.timeout)


if __name__ == "__main__":
    main()
