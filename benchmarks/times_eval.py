"""Score the times extractor on hand-annotated real articles (tests/eval/times_gold.json).

Needs ../shared/data (the article texts are not in the repository). Prints, per split (dev = the
articles looked at while writing rules; heldout, heldout2, heldout3 = annotated blind, the first two then used for
fixes), TempEval-3 style numbers:
relaxed span F1 (any overlap, one-to-one, via ``newsledger.evaluate``), strict span F1 (same
offsets), and value F1 (a match counts only when the TIMEX3 value is also equal).

The "blind" split is tests/eval/times_blind.json (178 expressions in 26 BBC/NPR/semeval articles,
annotated by someone who never ran newsledger; `range` limits what is scored). First run, before
any time rule was changed for it, on commit 1ad7957: value F1 0.902, relaxed span F1 0.954
(strict span F1 0.902, 168 predicted for 178 gold). Then rules were written against its errors
(general ones, see README "Times: conventions"), so from here on the split is no longer blind: on
the times branch (issue 16) value F1 0.969, relaxed span F1 0.980 (strict 0.952, 173 predicted).

    PYTHONPATH=src python benchmarks/times_eval.py [--show]
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "eval" / "times_gold.json"
# Annotated by someone who never ran the tool; split "blind". Some articles carry `range` [a, b]:
# only that part is annotated, so predictions outside it are not scored.
BLIND = ROOT / "tests" / "eval" / "times_blind.json"
SPLITS = ("dev", "heldout", "heldout2", "heldout3", "blind", "all")


def shared_data() -> Path | None:
    env = os.environ.get("NEWSLEDGER_SHARED")  # as in tests/conftest.py
    if env and (Path(env) / "data").is_dir():
        return Path(env) / "data"
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "data").is_dir():
            return base / "shared" / "data"
    return None


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(show: bool = False) -> dict[str, dict[str, Any]]:
    import newsledger
    from newsledger.evaluate import Score, score

    data = shared_data()
    if data is None:
        raise SystemExit("../shared/data is absent: nothing to evaluate")
    articles = json.loads(GOLD.read_text("utf-8"))["articles"]
    if BLIND.exists():
        articles = articles + json.loads(BLIND.read_text("utf-8"))["articles"]
    texts: dict[str, str] = {}
    for name in {a["file"] for a in articles}:
        with gzip.open(data / name, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                texts[row["id"]] = row["text"]
    results: dict[str, dict[str, Any]] = {}
    records: dict[str, Any] = {}
    for split in SPLITS:
        total = Score()
        strict = value_ok = n_pred = n_gold = 0
        for art in articles:
            if split != "all" and art["split"] != split:
                continue
            text = texts[art["id"]]
            if hashlib.sha1(text.encode()).hexdigest() != art["sha1"]:
                raise SystemExit(f"{art['id']}: the article text changed; offsets are stale")
            if art["id"] not in records:
                records[art["id"]] = newsledger.extract(text, published=art["published"][:10])
            pred = records[art["id"]].times
            if art.get("range"):
                lo, hi = art["range"]
                pred = [t for t in pred if t.span.start < hi and t.span.end > lo]
            g = art["times"]
            s = score(g, pred, lambda x: (x["start"], x["end"]),
                      lambda t: (t.span.start, t.span.end),
                      {"value": lambda x, t: x["value"] == t.value,
                       "type": lambda x, t: x["type"] == t.type})
            total.merge(s)
            n_pred += len(pred)
            n_gold += len(g)
            gold_spans = {(x["start"], x["end"]) for x in g}
            strict += sum((t.span.start, t.span.end) in gold_spans for t in pred)
            value_ok += s.fields.get("value", [0, 0])[0]
            if show and split != "all":
                for x in s.misses:
                    print(f"  MISS  {art['id']}: {text[x['start']:x['end']]!r} {x['value']}")
                for t in s.extras:
                    print(f"  EXTRA {art['id']}: {t.span.text!r} {t.value}")
                by_span = {(x["start"], x["end"]): x for x in g}
                for t in pred:
                    for (a, b), x in by_span.items():
                        if a < t.span.end and t.span.start < b and x["value"] != t.value:
                            print(f"  VALUE {art['id']}: {t.span.text!r} {t.value} "
                                  f"(gold {x['value']})")
        results[split] = {
            "gold": n_gold, "predicted": n_pred,
            "relaxed_span_f1": round(total.f1, 3),
            "strict_span_f1": round(f1(strict, n_pred, n_gold)[2], 3),
            "value_f1": round(f1(value_ok, n_pred, n_gold)[2], 3),
            "type_accuracy": round(total.field_accuracy("type"), 3),
        }
    return results


if __name__ == "__main__":
    for split, r in evaluate(show="--show" in sys.argv).items():
        print(split, json.dumps(r))
