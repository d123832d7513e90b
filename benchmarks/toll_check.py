"""Held-out check: the Gaza health ministry's tolls in a ledger against its official daily series.

    # the official series: a JSON file, or a git mirror that holds casualties_daily.json at HEAD
    PYTHONPATH=src python benchmarks/toll_check.py --official /path/to/casualties_daily.json \
        --db /tmp/news.sqlite
    PYTHONPATH=src python benchmarks/toll_check.py \
        --official /work/.mirror/TechForPalestine+palestine-datasets/repo --db /tmp/news.sqlite
    # no ledger yet: build one from ../shared/data (BBC live posts + NPR) with `newsledger ingest`
    PYTHONPATH=src python benchmarks/toll_check.py --official MIRROR --db /tmp/news.sqlite --build

The official series (TechForPalestine's ``casualties_daily.json``: per ``report_date`` the
ministry's ``killed_cum``) is read at run time and never copied anywhere.

**Which figures.** Every current figure the ledger holds as a Gaza killed total: all points of
``killed:people:gaza:cumulative`` ("checked series"), plus every point claimed by the Gaza health
ministry in any other ``killed:*`` series (listed by series; those in another ``killed:people``
cumulative series, ``anywhere`` or another place but the West Bank, are tolls gone astray and are
checked too; per-event, subgroup and West Bank ones are not). *The ministry's line* is ``killed:people:gaza:cumulative``
restricted to claimant "Gaza health ministry".

**Date rule.** A point dated D (its claim date as the ledger stores it: the as-of date, else the
publication date) matches when its value is within 2% of the official ``killed_cum`` reported for
D or for D-1 (news often reports the previous day's figure); the nearer of the two counts. When
neither day has a ``killed_cum`` (the ministry did not report), the latest ``killed_cum`` before D
is used (told apart in the output as ``fallback``). Points dated before the series' first day or
after its last are not checked (counted as ``undated_or_out_of_range``). The value compared is the
point's stated value (for a range, its middle), whatever its approximation ("more than 15,000").

**Numbers printed.**

- ``within_2pct``: share of checked points within 2%, for the ministry's line, for the checked
  series as a whole (the "total-like" figures: what the ledger holds as a running total), and for
  the ministry's points outside it.
- ``within_2pct_or_lagging_or_rounded_bound`` (secondary, never the headline): also counts a
  point within 2% of any official value of the 7 days up to D (a figure repeated after the
  ministry updated it), or a "more than"/"at least" bound X with the official value of D or D-1
  between 0.98·X and 1.10·X (a rounded-down lower bound: "more than 22,000" for 22,835).
- ``claimant_ministry``: of the checked series' points within 2% of the official value (the
  ministry's numbers), the share whose claimant is the Gaza health ministry (and, separately, the
  ministry or its spokesman Ashraf al-Qudra).
- ``toll_articles``: an article is a *toll article* when one of its sentences has a number of
  1,000 or more written in figures (the ministry's running total passed 1,000 on 2023-10-11; a
  day's or one strike's dead is almost always fewer), a word of death ("killed", "dead", "died", "deaths", "death toll"),
  "Gaza", and "health ministry" or "ministry of health". It *yields a toll* when it has a point in
  the checked series (and, stricter, one claimed by the ministry).
- the worst misses (largest relative error in the checked series) with their sentence, so one
  sees why: a date off, a per-event count, a subgroup, a wrong claimant.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
from bisect import bisect_right
from datetime import date, timedelta
from pathlib import Path
from typing import Any

SERIES = "killed:people:gaza:cumulative"
MINISTRY = "Gaza health ministry"
SPOKESMAN = "Ashraf al-Qudra"
TOLERANCE = 0.02
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
INPUTS = ("bbc_live_posts.jsonl.gz", "npr_articles.jsonl.gz")

_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
_BIG_NUMBER = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{4,}\b")
_DEATH = re.compile(r"\b(?:killed|dead|died|deaths|death toll)\b", re.IGNORECASE)
_GAZA = re.compile(r"\bGaza", re.IGNORECASE)
_MINISTRY = re.compile(r"\bhealth ministry\b|\bministry of health\b", re.IGNORECASE)


def load_official(source: str) -> dict[str, int]:
    """report_date → killed_cum from a JSON file or a git directory holding the file at HEAD."""
    if os.path.isdir(source):
        text = subprocess.run(["git", "-C", source, "show", "HEAD:casualties_daily.json"],
                              check=True, capture_output=True, text=True).stdout
    else:
        text = Path(source).read_text("utf-8")
    out = {}
    for row in json.loads(text):
        if row.get("killed_cum") is not None:
            out[str(row["report_date"])] = int(row["killed_cum"])
    return out


def official_for(day: str, official: dict[str, int], days: list[str]
                 ) -> tuple[list[int], str] | None:
    """The official values a point dated ``day`` may match (D, D-1), or the latest before D."""
    if not days or day < days[0] or day > days[-1]:
        return None
    prev = (date.fromisoformat(day) - timedelta(days=1)).isoformat()
    vals = [official[d] for d in (day, prev) if d in official]
    if vals:
        return vals, "same_or_previous_day"
    i = bisect_right(days, day)
    return [official[days[i - 1]]], "fallback"


def sentence_at(text: str, start: int, end: int) -> str:
    lo = 0
    for m in _SENTENCE_END.finditer(text, 0, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end)
    hi = m.end() if m else len(text)
    return " ".join(text[lo:hi].split())


def is_toll_article(text: str) -> bool:
    lo = 0
    for m in list(_SENTENCE_END.finditer(text)) + [None]:
        hi = m.end() if m else len(text)
        s = text[lo:hi]
        if _BIG_NUMBER.search(s) and _DEATH.search(s) and _GAZA.search(s) and _MINISTRY.search(s):
            return True
        lo = hi
    return False


def point_value(r: sqlite3.Row) -> float | None:
    if r["value"] is not None:
        return float(r["value"])
    if r["low"] is not None and r["high"] is not None:
        return (float(r["low"]) + float(r["high"])) / 2
    return None


def build(db: str) -> None:
    files = [str(DATA / f) for f in INPUTS]
    print(f"building {db} from {', '.join(files)} (several minutes)", file=sys.stderr)
    subprocess.run([sys.executable, "-m", "newsledger", "ingest", *files, "--db", db, "-q"],
                   check=True)


def check(db: str, official: dict[str, int], worst: int = 15) -> dict[str, Any]:
    days = sorted(official)
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    rows = con.execute(
        "SELECT f.id, f.series_id, f.value, f.low, f.high, f.approx, f.claimant, f.date, "
        "f.as_of, f.span_start, f.span_end, f.counts, f.flags, a.pk, a.article_id, a.published, "
        "a.outlet FROM figures f JOIN articles a ON a.pk = f.article_pk "
        "WHERE f.current = 1 AND a.is_latest = 1 AND (f.series_id = ? OR "
        "(f.claimant = ? AND f.series_id LIKE 'killed:%'))", (SERIES, MINISTRY)).fetchall()
    texts: dict[int, str] = {}

    def text_of(pk: int) -> str:
        if pk not in texts:
            texts[pk] = con.execute("SELECT text FROM articles WHERE pk = ?", (pk,)).fetchone()[0]
        return str(texts[pk])

    checked: list[dict[str, Any]] = []
    out_of_range = 0
    for r in rows:
        v = point_value(r)
        ref = official_for(r["date"], official, days) if r["date"] and v is not None else None
        if ref is None:
            out_of_range += 1
            continue
        vals, how = ref
        best = min(vals, key=lambda o: abs(v - o))
        err = (v - best) / best if best else float("inf")
        # Secondary, told apart: a figure that lags (the ministry's figure of up to a week
        # before, still repeated) or is a rounded lower bound ("more than 22,000" for 22,835).
        week = [official[d] for d in _days_back(r["date"], 7) if d in official]
        lagged = any(abs(v - o) <= TOLERANCE * o for o in week)
        bound = r["approx"] in ("more_than", "at_least") and any(
            v * (1 - TOLERANCE) <= o <= v * 1.10 for o in vals)
        checked.append({"lagged_or_bound": lagged or bound, "id": r["id"], "series": r["series_id"], "claimant": r["claimant"],
                        "date": r["date"], "as_of": r["as_of"], "published": r["published"],
                        "value": v, "approx": r["approx"], "official": best, "rule": how,
                        "error": err, "ok": abs(err) <= TOLERANCE, "pk": r["pk"],
                        "article": r["article_id"], "span": (r["span_start"], r["span_end"]),
                        "flags": [f["flag"] for f in json.loads(r["flags"] or "[]")]})

    def share(pts: list[dict[str, Any]], key: Any) -> dict[str, Any]:
        n = len(pts)
        k = sum(1 for p in pts if key(p))
        return {"n": n, "yes": k, "share": round(k / n, 3) if n else None}

    line = [p for p in checked if p["series"] == SERIES and p["claimant"] == MINISTRY]
    series = [p for p in checked if p["series"] == SERIES]
    # A ministry point in another running-total series is a toll gone astray; its per-event
    # points ("nine people were killed in strikes on Rafah") belong where they are.
    # (A subgroup's series, children, or the West Bank's, which the ministry in Ramallah counts
    # too, is where such a figure belongs: not checked.)
    strays = [p for p in checked if p["series"] != SERIES and p["series"].endswith(":cumulative")
              and p["series"].startswith("killed:people:") and ":west-bank:" not in p["series"]]
    matched = [p for p in series if p["ok"]]
    out: dict[str, Any] = {
        "points_considered": len(rows), "undated_or_out_of_range": out_of_range,
        "rule_used": {k: sum(1 for p in checked if p["rule"] == k)
                      for k in ("same_or_previous_day", "fallback")},
        "within_2pct": {
            "ministry_line": share(line, lambda p: p["ok"]),
            "checked_series_all_claimants": share(series, lambda p: p["ok"]),
            "checked_series_not_outlier": share(
                [p for p in series if "outlier" not in p["flags"]], lambda p: p["ok"]),
            "ministry_points_in_other_cumulative_series": share(strays, lambda p: p["ok"]),
        },
        "within_2pct_or_lagging_or_rounded_bound": {
            "ministry_line": share(line, lambda p: p["ok"] or p["lagged_or_bound"]),
            "checked_series_all_claimants": share(series,
                                                  lambda p: p["ok"] or p["lagged_or_bound"]),
        },
        "ministry_points_by_series": _count(p["series"] for p in checked
                                            if p["claimant"] == MINISTRY),
        "claimant_ministry": {
            "of_matching_points": share(matched, lambda p: p["claimant"] == MINISTRY),
            "ministry_or_spokesman": share(matched,
                                           lambda p: p["claimant"] in (MINISTRY, SPOKESMAN)),
            "claimants_of_matching_points": _count(p["claimant"] or "(none)" for p in matched),
        },
    }
    # Toll articles: every latest article, by the sentence rule above.
    have = {p["pk"] for p in series}
    have_ministry = {p["pk"] for p in series if p["claimant"] == MINISTRY}
    toll = [pk for pk, text in con.execute("SELECT pk, text FROM articles WHERE is_latest = 1")
            if is_toll_article(text)]
    out["toll_articles"] = {
        "n": len(toll),
        "yield_point_in_series": share(toll, lambda pk: pk in have)["share"],
        "yield_ministry_point": share(toll, lambda pk: pk in have_ministry)["share"],
    }
    misses = sorted((p for p in series + strays if not p["ok"]), key=lambda p: -abs(p["error"]))
    out["misses_by_series"] = _count(p["series"] for p in misses)
    out["worst_misses"] = [
        {k: p[k] for k in ("id", "series", "claimant", "date", "as_of", "published", "value",
                           "approx", "official", "flags", "article")}
        | {"error": f"{p['error']:+.1%}", "sentence": sentence_at(text_of(p["pk"]), *p["span"])}
        for p in misses[:worst]]
    con.close()
    return out


def _days_back(day: str, n: int) -> list[str]:
    d = date.fromisoformat(day)
    return [(d - timedelta(days=k)).isoformat() for k in range(n + 1)]


def _count(items: Any) -> dict[str, int]:
    d: dict[str, int] = {}
    for i in items:
        d[str(i)] = d.get(str(i), 0) + 1
    return dict(sorted(d.items(), key=lambda kv: -kv[1]))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--official", required=True,
                    help="casualties_daily.json, or a git directory with it at HEAD")
    ap.add_argument("--db", required=True, help="the ledger (SQLite) to check")
    ap.add_argument("--build", action="store_true",
                    help="first ingest ../shared/data BBC live posts and NPR articles into --db")
    ap.add_argument("--worst", type=int, default=15, help="how many worst misses to print")
    args = ap.parse_args(argv)
    if args.build:
        build(args.db)
    if not Path(args.db).exists():
        print(f"no ledger at {args.db}: build one with --build", file=sys.stderr)
        return 2
    print(json.dumps(check(args.db, load_official(args.official), args.worst), indent=1,
                     ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
