"""Time per character and peak memory of one long article, from 10 kB to 10 MB.

Run:  cd <worktree> && PYTHONPATH=src python benchmarks/scaling.py [--sizes 10k,100k,1M,10M]
      [--reps 1]

Each article is built from real, varied prose in ../shared/data: the NPR articles, the long
Ukraine articles and the BBC live posts, interleaved one after another and joined by blank lines
until the size is reached (10 MB is about twice the distinct text there is, so its second half
repeats the first, in the same varied order, each paragraph marked "Update 1: " so that it is
not a verbatim repeat, which the pipeline would skip as a duplicate block). Each size is extracted in a
fresh subprocess (the model loads before the clock starts), the whole `newsledger.extract` job on
one article, so its peak RSS is that article's alone. Prints seconds, microseconds per character
(with the ratio to the smallest size: linear time keeps it flat) and peak RSS. Nothing is
asserted: tests/extract/figures/test_extractor.py checks linearity by operation counts instead.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import resource
import subprocess
import sys
import time
from itertools import zip_longest
from pathlib import Path

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
FILES = ("npr_articles.jsonl.gz", "ukraine_semeval_articles.jsonl.gz", "bbc_live_posts.jsonl.gz")


def _texts(name: str) -> list[str]:
    with gzip.open(SHARED / "data" / name, "rt", encoding="utf-8") as fh:
        return [t for t in (json.loads(line).get("text") or "" for line in fh) if t.strip()]


def article(chars: int) -> str:
    """``chars`` characters of real prose: the three sources interleaved, cut at a line end."""
    sources = [_texts(n) for n in FILES]
    mixed = [t.strip() for group in zip_longest(*sources) for t in group if t]
    parts: list[str] = []
    size = 0
    rounds = 0
    while size < chars:
        # A later pass over the same articles marks each paragraph, so that no block repeats
        # verbatim (a verbatim repeat is marked duplicate_of and not extracted: too cheap).
        mark = f"Update {rounds}: " if rounds else ""
        rounds += 1
        for t in mixed:
            t = mark + t.replace("\n\n", f"\n\n{mark}") if mark else t
            parts.append(t)
            size += len(t) + 2
            if size >= chars:
                break
    text = "\n\n".join(parts)[:chars]
    cut = text.rfind("\n")
    return text[:cut + 1] if cut > chars // 2 else text


def _size(s: str) -> int:
    units = {"k": 1_000, "M": 1_000_000}
    return int(float(s[:-1]) * units[s[-1]]) if s[-1] in units else int(s)


def one(chars: int) -> dict[str, float]:
    """Extract one article of ``chars`` characters in this process."""
    from newsledger import extract

    text = article(chars)
    # Load the model and warm every lazy table on other real text (the last Ukraine articles),
    # so that the smallest size is not charged for start-up.
    extract("\n\n".join(_texts(FILES[1])[-3:]), published="2024-01-10")
    t0, c0 = time.perf_counter(), time.process_time()
    rec = extract(text, published="2024-01-10")
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    return {"chars": len(text), "wall": wall, "cpu": cpu,
            "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            "figures": len(rec.figures), "quotes": len(rec.quotes)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="10k,100k,1M,10M")
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one(args.one)))
        return
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        [str(Path(__file__).resolve().parents[1] / "src"), env.get("PYTHONPATH", "")])
    print(f"cores={os.cpu_count()}; load average {os.getloadavg()[0]:.1f}; "
          f"{args.reps} run(s) per size, the fastest kept")
    print(f"{'size':>10} {'chars':>11} {'wall s':>8} {'cpu s':>8} {'us/char':>8} "
          f"{'cpu us/char':>11} {'x smallest':>10} {'peak RSS':>10} {'figures':>8}")
    first = None
    for s in args.sizes.split(","):
        runs = []
        for _ in range(args.reps):
            out = subprocess.run([sys.executable, __file__, "--one", str(_size(s))],
                                 capture_output=True, text=True, env=env)
            if out.returncode != 0:
                print(f"{s}: failed\n{out.stderr[-2000:]}", file=sys.stderr)
                break
            runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
        if not runs:
            continue
        r = min(runs, key=lambda x: x["cpu"])
        per = 1e6 * r["cpu"] / r["chars"]
        first = first or per
        print(f"{s:>10} {r['chars']:>11,} {r['wall']:8.1f} {r['cpu']:8.1f} "
              f"{1e6 * r['wall'] / r['chars']:8.1f} {per:11.1f} {per / first:10.2f} "
              f"{r['rss_mib']:7.0f} MiB {r['figures']:8,}", flush=True)


if __name__ == "__main__":
    main()
