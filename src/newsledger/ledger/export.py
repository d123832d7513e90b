"""Exports of ledger points: CSV, JSON Lines, and Wikidata-style statements.

Every exported point keeps its provenance (article, URL, outlet, exact span) and its flags.
The Wikidata-style form follows the statement model (main value with bounds, qualifiers,
references) with property ids where Wikidata has a well-known one, and labels always, so that it
can be reviewed and mapped before anything is uploaded; it is not a QuickStatements batch.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from typing import IO, Any

from .api import Ledger
from .series import point_value

CSV_COLUMNS = (
    "series_id", "series_name", "point_id", "value", "low", "high", "approx", "unit", "date",
    "as_of", "claimant", "claimant_name", "outlet", "article_id", "article_version", "url",
    "published", "span_start", "span_end", "span_text", "hedges", "origin_id", "flags",
)

# Wikidata properties used (labels are always given beside the id).
_METRIC_PROPERTY = {
    "killed": ("P1120", "number of deaths"),
    "injured": ("P1339", "number of injured"),
    "missing": ("P1446", "number of missing"),
}
_POINT_IN_TIME = ("P585", "point in time")
_SOURCING = ("P1480", "sourcing circumstances")
_REFERENCE_URL = ("P854", "reference URL")
_STATED_IN = ("P248", "stated in")
_PUBLISHED = ("P577", "publication date")
_QUOTE = ("P1683", "quote")
_APPROX_WORDS = {"about": "circa", "more_than": "more than", "at_least": "at least",
                 "less_than": "less than", "up_to": "up to", "range": "range", "vague": "vague"}


def iter_points(ledger: Ledger, series_ids: Iterable[str] | None = None,
                **filters: Any) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    """(series, point) pairs for the given series (default: every series), in time order."""
    if series_ids is None:
        all_series = ledger.series(**filters)
    else:
        all_series = [s for s in (ledger.find_series(i) for i in series_ids) if s]
    for s in all_series:
        for p in ledger.points(s["id"], **filters):
            yield s, p


def flags_text(p: dict[str, Any]) -> str:
    """``echo:12;update:9,10``: each flag with the points it names."""
    return ";".join(f"{f['flag']}:{','.join(map(str, f['related']))}" for f in p["flags"])


def csv_row(s: dict[str, Any], p: dict[str, Any]) -> dict[str, Any]:
    return {
        "series_id": s["id"], "series_name": s["name"], "point_id": p["id"],
        "value": p["value"], "low": p["low"], "high": p["high"], "approx": p["approx"],
        "unit": p["unit"], "date": p["date"], "as_of": p["as_of"], "claimant": p["claimant"],
        "claimant_name": p["claimant_name"], "outlet": p["outlet"],
        "article_id": p["article_id"], "article_version": p["article_version"], "url": p["url"],
        "published": p["published"], "span_start": p["span_start"], "span_end": p["span_end"],
        "span_text": p["span_text"], "hedges": "; ".join(p["hedges"]),
        "origin_id": p["origin_id"], "flags": flags_text(p),
    }


def write_csv(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]], out: IO[str]) -> int:
    w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    w.writeheader()
    n = 0
    for s, p in pairs:
        w.writerow(csv_row(s, p))
        n += 1
    return n


def write_jsonl(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]], out: IO[str]) -> int:
    n = 0
    for s, p in pairs:
        out.write(json.dumps({"series_name": s["name"], **p}, ensure_ascii=False) + "\n")
        n += 1
    return n


def _amount(x: float | None) -> str | None:
    if x is None:
        return None
    return f"{x:+.0f}" if float(x).is_integer() else f"{x:+g}"


def _prop(p: tuple[str, str] | None, label: str | None = None) -> dict[str, Any]:
    return {"id": p[0], "label": p[1]} if p else {"id": None, "label": label}


def statement(s: dict[str, Any], p: dict[str, Any]) -> dict[str, Any]:
    """One point as a Wikidata-style statement (value, qualifiers, references)."""
    approx = p.get("approx") or "exact"
    value = {"amount": _amount(point_value(p)), "unit": "1"}
    if approx == "range" or p["low"] is not None or p["high"] is not None:
        value["lowerBound"] = _amount(p["low"])
        value["upperBound"] = _amount(p["high"])
    quals: list[dict[str, Any]] = []
    if p.get("date"):
        quals.append({"property": _prop(_POINT_IN_TIME),
                      "value": {"time": f"+{p['date']}T00:00:00Z", "precision": 11,
                                "from": "as_of" if p.get("as_of") else "published"}})
    if p.get("claimant"):
        quals.append({"property": _prop(None, "claimant"), "value": p["claimant"]})
    if approx != "exact":
        quals.append({"property": _prop(_SOURCING), "value": _APPROX_WORDS.get(approx, approx)})
    for h in p.get("hedges") or ():
        quals.append({"property": _prop(None, "hedge"), "value": h})
    refs = [v for v in (
        {"property": _prop(_REFERENCE_URL), "value": p["url"]} if p.get("url") else None,
        {"property": _prop(_STATED_IN), "value": p["outlet"]} if p.get("outlet") else None,
        {"property": _prop(_PUBLISHED), "value": p["published"]} if p.get("published") else None,
        {"property": _prop(_QUOTE), "value": p["span_text"]},
    ) if v is not None]
    return {
        "id": f"newsledger-point-{p['id']}",
        "subject": {"label": s["place"] or s["name"], "series": s["id"], "series_name": s["name"]},
        "property": _prop(_METRIC_PROPERTY.get(s["metric"]), f"number {s['metric']}"),
        "counts": s["subject"],
        "value": value,
        "qualifiers": quals,
        "references": [refs],
        "rank": "normal",
        "newsledger": {"point_id": p["id"], "article_id": p["article_id"],
                       "span": p["span"], "flags": p["flags"], "origin_id": p["origin_id"]},
    }


def wikidata_statements(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]]
                        ) -> dict[str, Any]:
    """``{"format": ..., "statements": [...]}`` for the given points."""
    return {"format": "newsledger.wikidata-statements/1",
            "note": "Wikidata statement model; properties without an id have no agreed "
                    "Wikidata property and need mapping before upload.",
            "statements": [statement(s, p) for s, p in pairs]}


def write_wikidata(pairs: Iterable[tuple[dict[str, Any], dict[str, Any]]], out: IO[str]) -> int:
    doc = wikidata_statements(pairs)
    json.dump(doc, out, ensure_ascii=False, indent=1)
    out.write("\n")
    return len(doc["statements"])


WRITERS = {"csv": write_csv, "jsonl": write_jsonl, "wikidata": write_wikidata}
