"""Attribution scores on an offsets-only gold file: quotes, speakers, figure claimants, sources.

Run:  cd <worktree> && PYTHONPATH=src python tests/eval/attribution_eval.py GOLD.json [--show]
Example: PYTHONPATH=src python tests/eval/attribution_eval.py tests/eval/quotes_heldout3.json

GOLD is either the attribution format ({"documents": [{"dataset", "id", "range", "items",
"figures", "sources"}]}, as tests/eval/quotes_*.json; "figures" and "sources" are optional) or
the figures format of tests/eval/figures_gold.json ({"files", "articles", "figures"}). Articles
are read from ../shared/data (or NEWSLEDGER_SHARED) by id; the gold stores offsets only.

Prints quote P/R/F1 (direct+partial, and all kinds), speaker-right among matched items, the
wrong-name rate (named but wrong / named), the abstention rate (gold names someone, the tool gives
null / gold named), figure claimant right where the gold names one (and the wrong-claimant rate),
cited-source recall and precision, and a reliability table: speaker right by confidence bucket.
"""

from __future__ import annotations

import gzip
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsledger import extract
from newsledger.actors import claimant_name
from newsledger.evaluate import (QUOTE_GROUPS, Score, in_range, load_offset_gold, match,
                                 same_actor, score_quotes)

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", HERE.parents[2] / "shared"))
# Confidence buckets of the reliability table: [low, high).
BUCKETS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


@dataclass
class Tally:
    """Everything the report prints, summed over documents."""

    quotes: dict[str, Score] = field(default_factory=lambda: {"direct+partial": Score(),
                                                              "all": Score()})
    speaker: list[int] = field(default_factory=lambda: [0, 0])  # right, matched
    named: list[int] = field(default_factory=lambda: [0, 0])  # wrong, named by the tool
    abstained: list[int] = field(default_factory=lambda: [0, 0])  # null, named by the gold
    buckets: dict[tuple[float, float], list[int]] = field(
        default_factory=lambda: {b: [0, 0] for b in BUCKETS})
    claimant: list[int] = field(default_factory=lambda: [0, 0, 0])  # right, wrong, gold named
    sources: list[int] = field(default_factory=lambda: [0, 0, 0])  # matched, gold, predicted
    notes: list[str] = field(default_factory=list)


def speaker_right(gold: dict[str, Any], name: str | None) -> bool:
    return same_actor(gold.get("speaker"), name, gold.get("speaker_alternatives", []))


def claimant_right(gold: dict[str, Any], name: str | None) -> bool:
    """A predicted claimant agrees with the gold one (or an alternative), directly, through the
    alias table, or through the ledger's claimant names."""
    alts = gold.get("claimant_alternatives", [])
    if name is None:
        return gold.get("claimant") is None
    if same_actor(gold.get("claimant"), name, alts):
        return True
    want = {claimant_name(x) for x in (gold.get("claimant"), *alts) if x}
    return claimant_name(name) in want


def documents(gold_path: Path) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """(article, gold document) pairs for either gold format."""
    gold = json.loads(gold_path.read_text("utf-8"))
    if isinstance(gold, dict) and "documents" in gold or isinstance(gold, list):
        return load_offset_gold(str(gold_path), str(SHARED / "data"))
    # figures format: figures by article id, articles in any of the listed files
    want = set(gold["articles"])
    rows: dict[str, dict[str, Any]] = {}
    for name in gold["files"].values():
        with gzip.open(SHARED / "data" / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("id") in want:
                    rows[row["id"]] = row
    dates = gold.get("published", {})
    out = []
    for aid in gold["articles"]:
        if aid not in rows:
            continue
        art = dict(rows[aid])
        art["published"] = art.get("published") or dates.get(aid)
        out.append((art, {"id": aid, "figures": [f for f in gold["figures"] if f["id"] == aid]}))
    return out


def score_document(article: dict[str, Any], doc: dict[str, Any], tally: Tally,
                   show: bool = False) -> None:
    text = article["text"]
    # The outlet as `newsledger batch` reads it from the line: "told the BBC" in a BBC story
    # is no source of that story.
    rec = extract(text, published=article.get("published") or None, id=article["id"],
                  outlet=article.get("outlet") or None)
    rec.verify()
    rng = doc.get("range")
    if "items" in doc:
        quotes = in_range(rec.quotes, rng)
        for group, s in tally.quotes.items():
            s.merge(score_quotes(doc["items"], quotes, QUOTE_GROUPS[group]))
        items = doc["items"]
        pairs = match([(g["start"], g["end"]) for g in items],
                      [(q.content.start, q.content.end) for q in quotes])
        for i, j in pairs:
            g, q = items[i], quotes[j]
            ok = speaker_right(g, q.speaker.name)
            tally.speaker[0] += ok
            tally.speaker[1] += 1
            if q.speaker.name is not None:
                tally.named[0] += not ok
                tally.named[1] += 1
            if g.get("speaker") is not None:
                tally.abstained[0] += q.speaker.name is None
                tally.abstained[1] += 1
            conf = q.confidence if q.confidence is not None else 0.0
            for lo, hi in BUCKETS:
                if lo <= conf < hi:
                    tally.buckets[(lo, hi)][0] += ok
                    tally.buckets[(lo, hi)][1] += 1
            if show and not ok:
                tally.notes.append(f"  SPK {article['id']} {g['kind']:9} {q.content.text[:50]!r}: "
                                   f"gold {g.get('speaker')!r} got {q.speaker.name!r} "
                                   f"conf {q.confidence}")
    if "figures" in doc:
        figs = in_range(rec.figures, rng, span=lambda f: f.span)
        gf = doc["figures"]
        for i, j in match([(g["start"], g["end"]) for g in gf],
                          [(f.span.start, f.span.end) for f in figs]):
            g, f = gf[i], figs[j]
            if g.get("claimant") is None:
                continue
            tally.claimant[2] += 1
            name = f.claimant.name if f.claimant else None
            if claimant_right(g, name):
                tally.claimant[0] += 1
            else:
                tally.claimant[1] += name is not None
                if show:
                    tally.notes.append(f"  CLM {article['id']} {f.span.text!r}: gold "
                                       f"{g['claimant']!r} got {name!r}")
    if "sources" in doc:
        cited = [s for s in in_range(rec.sources, rng, span=lambda s: s.span) if s.role == "cited"]
        gs = doc["sources"]
        pairs = match([(g["start"], g["end"]) for g in gs],
                      [(s.span.start, s.span.end) for s in cited])
        tally.sources[0] += len(pairs)
        tally.sources[1] += len(gs)
        tally.sources[2] += len(cited)
        if show:
            got = {i for i, _ in pairs}
            tally.notes.extend(f"  SRC-MISS {article['id']} {text[g['start']:g['end']]!r}"
                               for k, g in enumerate(gs) if k not in got)


def rate(a: int, b: int) -> str:
    return f"{a / b:.3f} ({a}/{b})" if b else "n/a (0/0)"


def report(t: Tally) -> str:
    lines = [f"{'quotes':16}{'tp':>5}{'fp':>5}{'fn':>5}{'P':>7}{'R':>7}{'F1':>7}"]
    for group, s in t.quotes.items():
        lines.append(f"{group:16}{s.tp:5}{s.fp:5}{s.fn:5}{s.precision:7.3f}{s.recall:7.3f}"
                     f"{s.f1:7.3f}")
    lines += [
        f"speaker right (matched, all kinds)   {rate(*t.speaker)}",
        f"wrong-name rate (wrong / named)      {rate(*t.named)}",
        f"abstention rate (null / gold named)  {rate(*t.abstained)}",
        f"claimant right (gold named)          {rate(t.claimant[0], t.claimant[2])}",
        f"wrong-claimant rate (gold named)     {rate(t.claimant[1], t.claimant[2])}",
        f"cited-source recall                  {rate(t.sources[0], t.sources[1])}",
        f"cited-source precision               {rate(t.sources[0], t.sources[2])}",
        "reliability (speaker right by confidence):",
    ]
    for (lo, hi), (ok, n) in t.buckets.items():
        lines.append(f"  [{lo:.1f}, {min(hi, 1.0):.1f}{']' if hi > 1 else ')'}  {rate(ok, n)}")
    return "\n".join(lines)


def evaluate(gold_path: Path, show: bool = False) -> Tally:
    tally = Tally()
    for article, doc in documents(gold_path):
        score_document(article, doc, tally, show)
    return tally


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("-")]
    if not args:
        print("usage: attribution_eval.py GOLD.json [--show]\n"
              "Example: PYTHONPATH=src python tests/eval/attribution_eval.py "
              "tests/eval/quotes_heldout3.json", file=sys.stderr)
        return 2
    tally = evaluate(Path(args[0]), "--show" in argv)
    print(f"gold {args[0]}")
    print(report(tally))
    for n in tally.notes:
        print(n)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
