"""The blind scraped-page set (``tests/data/scraped``): layout, sources and times against gold.

Twenty synthetic pages (five batches), written for this repository in the scrape styles of other outlets (wire
datelines, AP photo credits, BBC "Image source/Image caption" pairs, live-blog stamps, related-link
lists, cookie banners), each with a gold file written before the tool was run on it. Gold names
places by text, not offsets: layout units by their opening words (in order), times by their text
(in order), sources by (name, role).

Run: ``PYTHONPATH=src python tests/eval/scraped_eval.py [--show] [--records DIR] [--split dev|heldout]`` — prints
layout block-kind accuracy, sources precision/recall (a source counts only with its role) and
times value F1 (a time counts only when span overlaps and the TIMEX3 value is equal).
``--records DIR`` scores saved ``newsledger extract --format json`` outputs (``NAME.json``)
instead of extracting in-process. ``tests/evaluation/test_scraped.py`` pins floors on the same numbers.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from newsledger.evaluate import locate, same_name, score

DATA = Path(__file__).resolve().parents[1] / "data" / "scraped"


def pages() -> list[tuple[str, str, dict[str, Any]]]:
    """(name, text, gold) for every page of the set."""
    out = []
    for g in sorted(DATA.glob("*.gold.json")):
        name = g.name[: -len(".gold.json")]
        out.append((name, (DATA / f"{name}.txt").read_text("utf-8"), json.loads(g.read_text("utf-8"))))
    return out


def _record(text: str, gold: dict[str, Any], records: Path | None, name: str) -> dict[str, Any]:
    if records is not None:
        d: dict[str, Any] = json.loads((records / f"{name}.json").read_text("utf-8"))
        return d
    import newsledger

    rec = newsledger.extract(text, published=gold["published"])
    rec.verify()
    rec.validate()
    return rec.to_dict()


def score_page(text: str, gold: dict[str, Any], rec: dict[str, Any],
               show: bool = False) -> dict[str, int]:
    """Counts for one page: layout right/total, sources tp/pred/gold, times value-tp/pred/gold."""
    n: dict[str, int] = {k: 0 for k in ("lay_ok", "lay_n", "src_tp", "src_pred", "src_gold",
                                        "tim_tp", "tim_pred", "tim_gold")}
    blocks = rec["blocks"]
    pos = 0
    for kind, prefix in gold["layout"]:
        at = locate(text, prefix, pos)
        assert at is not None and at[0] >= pos, f"gold layout prefix {prefix!r} not found in order"
        pos = at[0] + 1
        got = next((b["kind"] for b in blocks if b["start"] <= at[0] < b["end"]), None)
        n["lay_n"] += 1
        n["lay_ok"] += got == kind
        if show and got != kind:
            print(f"    layout {prefix!r}: gold {kind}, got {got}")
    pred = {(s["name"], s["role"]) for s in rec["sources"]}
    gold_src = [(s["name"], s["role"]) for s in gold["sources"]]
    hit = set()
    for gname, grole in gold_src:
        m = next((p for p in pred if p[1] == grole and p not in hit and same_name(gname, p[0])), None)
        if m:
            hit.add(m)
        elif show:
            print(f"    source MISS {gname!r} {grole}")
    if show:
        for p in sorted(pred - hit):
            print(f"    source EXTRA {p}")
    n["src_tp"], n["src_pred"], n["src_gold"] = len(hit), len(pred), len(gold_src)
    gt = []
    pos = 0
    for t in gold["times"]:
        at = locate(text, t["text"], pos)
        assert at is not None and at[0] >= pos, f"gold time {t['text']!r} not found in order"
        pos = at[1]
        gt.append({**t, "start": at[0], "end": at[1]})
    s = score(gt, rec["times"], lambda x: (x["start"], x["end"]),
              lambda t: (t["span"]["start"], t["span"]["end"]),
              {"value": lambda g, p: g["value"] == p["value"]})
    n["tim_tp"] = s.fields.get("value", [0, 0])[0]
    n["tim_pred"], n["tim_gold"] = len(rec["times"]), len(gt)
    if show:
        for x in s.misses:
            print(f"    time MISS {x['text']!r} {x['value']}")
        for t in s.extras:
            print(f"    time EXTRA {t['span']['text']!r} {t['value']}")
        # matched with a wrong value
        from newsledger.evaluate import match
        for i, j in match([(g["start"], g["end"]) for g in gt],
                          [(t["span"]["start"], t["span"]["end"]) for t in rec["times"]]):
            if gt[i]["value"] != rec["times"][j]["value"]:
                print(f"    time VALUE {gt[i]['text']!r} gold {gt[i]['value']} got "
                      f"{rec['times'][j]['span']['text']!r} {rec['times'][j]['value']}")
    return n


def _prf(tp: int, npred: int, ngold: int) -> tuple[float, float, float]:
    p = tp / npred if npred else 1.0
    r = tp / ngold if ngold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def split_of(gold: dict[str, Any]) -> str:
    """"dev" (the first six pages), "heldout" (three pages written after the fixes made on dev)
    or "heldout2" (three written after the heldout fixes), "heldout3" (three), "heldout4" (five,
    written after the heldout3 fixes: live blog, MEE, Ukrainska Pravda, TASS, Washington Post).
    Each batch was scored blind first and then fixed on, so none is blind any more: write new
    pages to measure generalisation."""
    return str(gold.get("split", "dev")).split(":")[0]


def evaluate(show: bool = False, records: Path | None = None,
             split: str | None = None) -> dict[str, float]:
    """Totals over the set (or one ``split``): layout accuracy, sources P/R/F1, times value
    P/R/F1."""
    tot: dict[str, int] = {}
    chosen = [p for p in pages() if split is None or split_of(p[2]) == split]
    for name, text, gold in chosen:
        if show:
            print(name)
        n = score_page(text, gold, _record(text, gold, records, name), show)
        for k, v in n.items():
            tot[k] = tot.get(k, 0) + v
    sp, sr, sf = _prf(tot["src_tp"], tot["src_pred"], tot["src_gold"])
    tp, tr, tf = _prf(tot["tim_tp"], tot["tim_pred"], tot["tim_gold"])
    return {"pages": len(chosen), "layout_accuracy": tot["lay_ok"] / tot["lay_n"],
            "layout_units": tot["lay_n"], "sources_p": sp, "sources_r": sr, "sources_f1": sf,
            "times_value_p": tp, "times_value_r": tr, "times_value_f1": tf}


if __name__ == "__main__":
    args = sys.argv[1:]
    rec_dir = Path(args[args.index("--records") + 1]) if "--records" in args else None
    which = args[args.index("--split") + 1] if "--split" in args else None
    res = evaluate("--show" in args, rec_dir, which)
    print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in res.items()},
                     indent=1))
