"""Throughput of two source trees on the same articles, run alternately in one invocation.

Usage:  python benchmarks/compare_trees.py OLD_SRC NEW_SRC [--articles N] [--runs 3] [--shared ../shared]

Each run is a whole `python -m newsledger extract BATCH -o OUT --workers 1` process over the same
N articles (the first N of the NPR and BBC dev files, mixed), with PYTHONPATH set to one tree; the
trees take turns (old, new, old, new, …) so that a machine's drift hits both alike. Prints each
run's CPU seconds (user + sys, from the OS's accounting of the finished child) and the median
ratio NEW/OLD. Nothing is asserted: this is a measurement, not a test.
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
import tempfile
import time
from pathlib import Path


def _sample(shared: Path, n: int) -> list[str]:
    lines: list[str] = []
    for name in ("npr_articles.jsonl.gz", "bbc_live_posts.jsonl.gz"):
        with gzip.open(shared / "data" / name, "rt", encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k >= n // 2:
                    break
                lines.append(line.rstrip("\n"))
    return lines


def _run(src: str, batch: str, out: str) -> tuple[float, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    env = {**os.environ, "PYTHONPATH": src}
    subprocess.run([sys.executable, "-m", "newsledger", "extract", batch, "-o", out,
                    "--workers", "1"], env=env, check=True, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("old")
    ap.add_argument("new")
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--shared", default=str(Path(__file__).resolve().parents[2] / "shared"))
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        batch = str(Path(tmp) / "batch.jsonl")
        Path(batch).write_text("\n".join(_sample(Path(args.shared), args.articles)) + "\n",
                               encoding="utf-8")
        out = str(Path(tmp) / "out.jsonl")
        _run(args.new, batch, out)  # warm the file cache and bytecode of both trees
        _run(args.old, batch, out)
        ratios, rows = [], []
        for k in range(args.runs):
            if os.path.exists(out):
                os.remove(out)
            old_cpu, old_wall = _run(args.old, batch, out)
            os.remove(out)
            new_cpu, new_wall = _run(args.new, batch, out)
            ratios.append(new_cpu / old_cpu)
            rows.append((k + 1, old_cpu, new_cpu, old_wall, new_wall))
            print(f"run {k + 1}: old {old_cpu:.2f} s CPU ({old_wall:.2f} s wall), "
                  f"new {new_cpu:.2f} s CPU ({new_wall:.2f} s wall), new/old {ratios[-1]:.3f}")
        print(json.dumps({"articles": args.articles, "runs": args.runs,
                          "median_cpu_ratio_new_over_old": round(statistics.median(ratios), 4)}))


if __name__ == "__main__":
    main()
