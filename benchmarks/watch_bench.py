"""Throughput of `newsledger watch --once` over a folder of BBC live posts against `newsledger
ingest` of the same posts, in one run.

    PYTHONPATH=src python benchmarks/watch_bench.py                # 300 posts, both layouts
    PYTHONPATH=src python benchmarks/watch_bench.py --posts 100 --layout jsonl

The first N posts of ../shared/data/bbc_live_posts.jsonl.gz are written to a temporary folder
(deleted afterwards; the text never enters the repository) as one ``posts.jsonl`` and/or as one
``.txt`` file per post. For each layout, in this process, with one worker each and the model
loaded beforehand (so neither pays for it): ``ingest_paths`` into a fresh ledger (what
``newsledger ingest`` runs), then one poll of a ``Poller`` over the folder into another fresh
ledger (what ``newsledger watch --once`` runs), then a second poll (nothing changed: what a
quiet poll costs). Prints a JSON summary on stdout; the ratio is watch time / ingest time.
Not a test: nothing asserts on timing.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from newsledger.ledger import Ledger
from newsledger.run.ingest import ingest_paths
from newsledger.watch import Fetcher, FetchOptions, Poller, resolve_all

ROOT = Path(__file__).resolve().parents[1]
CANDIDATES = [ROOT.parent / "shared" / "data", Path("/work/shared/data")]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def posts(n: int) -> list[dict[str, Any]]:
    for d in CANDIDATES:
        p = d / "bbc_live_posts.jsonl.gz"
        if p.is_file():
            with gzip.open(p, "rt", encoding="utf-8") as fh:
                out = []
                for line in fh:
                    if line.strip():
                        out.append(json.loads(line))
                    if len(out) == n:
                        return out
            return out
    sys.exit("../shared/data/bbc_live_posts.jsonl.gz is absent: nothing to measure")


def write_folder(folder: Path, rows: list[dict[str, Any]], layout: str) -> list[Path]:
    folder.mkdir(parents=True)
    if layout == "jsonl":
        p = folder / "posts.jsonl"
        with p.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps({k: r.get(k) for k in ("id", "url", "outlet", "published",
                                                           "title", "text")}) + "\n")
        return [p]
    files = []
    for r in rows:
        p = folder / f"{r['id']}.txt"
        p.write_text((r.get("title") or "") + "\n\n" + r["text"], encoding="utf-8")
        files.append(p)
    return files


def counts(db: Path) -> dict[str, int]:
    con = sqlite3.connect(db)
    out = {t: con.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
           for t in ("articles", "figures", "quotes")}
    con.close()
    return out


def run(layout: str, rows: list[dict[str, Any]], tmp: Path) -> dict[str, Any]:
    folder = tmp / f"posts-{layout}"
    files = write_folder(folder, rows, layout)
    ingest_db, watch_db = tmp / f"ingest-{layout}.sqlite", tmp / f"watch-{layout}.sqlite"
    t = time.perf_counter()
    with Ledger(ingest_db) as led:
        st = ingest_paths(led, files)
    ingest_s = time.perf_counter() - t
    log(f"{layout}: ingest {ingest_s:.1f} s ({st.new} new, {st.failed} failed)")
    with Ledger(watch_db) as led, Fetcher(FetchOptions(delay=0.0)) as fetcher:
        poller = Poller(led, resolve_all([str(folder)]), fetcher)
        t = time.perf_counter()
        first = poller.poll()
        watch_s = time.perf_counter() - t
        t = time.perf_counter()
        quiet = poller.poll()
        quiet_s = time.perf_counter() - t
    log(f"{layout}: watch --once {watch_s:.1f} s; {first.line()}")
    log(f"{layout}: quiet poll {quiet_s:.3f} s; {quiet.line()}")
    a, b = counts(ingest_db), counts(watch_db)
    return {"layout": layout, "posts": len(rows), "files": len(files),
            "ingest_s": round(ingest_s, 2), "watch_once_s": round(watch_s, 2),
            "ratio_watch_over_ingest": round(watch_s / ingest_s, 3),
            "ingest_posts_per_s": round(len(rows) / ingest_s, 1),
            "watch_posts_per_s": round(len(rows) / watch_s, 1),
            "quiet_poll_s": round(quiet_s, 3), "quiet_poll_checked": quiet.checked,
            "ledgers_equal_counts": a == b, "ingest_counts": a, "watch_counts": b}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--posts", type=int, default=300)
    ap.add_argument("--layout", choices=["jsonl", "txt", "both"], default="both")
    args = ap.parse_args()
    rows = posts(args.posts)
    from newsledger import extract

    extract("Warm-up: the model loads once, before anything is timed.")  # neither pays for it
    layouts = ["jsonl", "txt"] if args.layout == "both" else [args.layout]
    with tempfile.TemporaryDirectory(prefix="watch-bench-") as d:
        results = [run(layout, rows, Path(d)) for layout in layouts]
    print(json.dumps({"benchmark": "watch --once vs ingest, one worker, same process",
                      "results": results}, indent=1))


if __name__ == "__main__":
    main()
