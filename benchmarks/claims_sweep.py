"""Sweep of claimant and speaker names over real posts: the unseen-news checks for attribution.

Run:  cd <worktree> && PYTHONPATH=src python benchmarks/claims_sweep.py [tolls|names] [N]

``tolls``: BBC live posts stating a Gaza health ministry toll (the selection of
tests/extract/figures/test_figures_tolls.py); counts posts yielding a ``killed`` figure ≥ 1,000
and posts where one has the claimant "Gaza health ministry".
``names``: the first N (default 800) BBC posts; prints the 60 most frequent quote speaker names
and figure claimant names, so junk names (pronouns, "statement", "This post") show up.
Needs ../shared; prints counts only, never article text beyond the names.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
from collections import Counter
from pathlib import Path

import newsledger

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.is_dir():
    SHARED = Path("/work/shared")
_NUM = re.compile(r"\b\d{1,3},\d{3}\b")
_KILL = re.compile(r"\b(?:killed|dead|died|death toll|deaths|killing)\b", re.IGNORECASE)
_MINISTRY = re.compile(r"health ministry|ministry of health", re.IGNORECASE)


def bbc_rows() -> list[dict]:
    with gzip.open(SHARED / "data" / "bbc_live_posts.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def _items(rows: list[dict]) -> list[dict]:
    return [{"id": r["id"], "text": r["text"], "published": r.get("published") or None}
            for r in rows]


def tolls() -> None:
    rows = [r for r in bbc_rows() if any(
        _MINISTRY.search(s) and _NUM.search(s) and _KILL.search(s)
        for s in re.split(r"(?<=[.!?])\s+", r["text"]))]
    yielded = claimed = 0
    others: Counter[str] = Counter()
    for rec in newsledger.extract_many(_items(rows)):
        killed = [f for f in rec.figures
                  if f.metric == "killed" and (f.value or f.low or 0) >= 1000]
        yielded += bool(killed)
        ok = any(f.claimant and f.claimant.name == "Gaza health ministry" for f in killed)
        claimed += ok
        if killed and not ok:
            others.update(str(f.claimant.name if f.claimant else None) for f in killed)
    print(f"toll posts {len(rows)}  yield killed>=1000 {yielded}  "
          f"claimant 'Gaza health ministry' {claimed} ({claimed / max(1, len(rows)):.1%})")
    print("claimants of killed>=1000 in posts without the ministry:", others.most_common(15))


def names(n: int) -> None:
    speakers: Counter[str] = Counter()
    claimants: Counter[str] = Counter()
    for rec in newsledger.extract_many(_items(bbc_rows()[:n])):
        speakers.update(q.speaker.name for q in rec.quotes if q.speaker and q.speaker.name)
        claimants.update(f.claimant.name for f in rec.figures if f.claimant and f.claimant.name)
    for title, counter in (("speakers", speakers), ("claimants", claimants)):
        print(f"== top 60 {title} (of {len(counter)} names, {sum(counter.values())} items)")
        print("; ".join(f"{k} {v}" for k, v in counter.most_common(60)))
        # Names that are likely descriptions or junk: no capital letter or a digit in them.
        odd = Counter({k: v for k, v in counter.items()
                       if k == k.lower() or any(ch.isdigit() for ch in k)})
        print(f"-- {title} without a capital or with a digit: {sum(odd.values())} items")
        print("; ".join(f"{k} {v}" for k, v in odd.most_common(40)))


if __name__ == "__main__":
    what = sys.argv[1] if len(sys.argv) > 1 else "tolls"
    if what == "tolls":
        tolls()
    else:
        names(int(sys.argv[2]) if len(sys.argv) > 2 else 800)
