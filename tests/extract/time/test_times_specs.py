"""Regression on the Microsoft Recognizers-Text English DateTime specs (MIT, in ../shared/data).

The specs are short sentences with a reference date and gold spans/values. Not every case fits
newsledger (meeting scheduling, "3 days starting from next Monday" ranges); the cases that pass are
listed by index in ``tests/data/times_specs_pass.json`` (indices and a hash of the spec file, never
its text) and must keep passing. Regenerate the list and print the pass rate with::

    PYTHONPATH=src python tests/extract/time/test_times_specs.py [--update]

A case passes when newsledger finds exactly as many expressions as the gold, each overlapping a
gold span, with a value that agrees: equal to the gold TIMEX, to one of its resolved candidates
(past or future, since the news default picks the past one), or to its underspecified pattern
("XXXX-10-07" agrees with "2023-10-07", "XXXX-WXX-5" with any Friday), or with the same time of day.

Two encodings differ between the specs and TimeML, and the comparison accepts both (never by spec
string, only by what the values mean):

- TimeML gives a relative date the granularity of its unit ("two months ago" -> 2018-08, "in two
  weeks" -> 2018-W29) where the specs give a day; such a value agrees when the spec's day lies in
  it and the spec text is relative ("ago", "in", "later", "earlier", "from now").
- The specs write a span as one range ("from 2014 to 2018" -> (2014-01-01,2018-01-01,P4Y),
  "15th century" -> (1400-01-01,1500-01-01,P100Y)); TimeML writes one period ("14") or the two
  dates it joins. One of our values agrees when its period is exactly the range; two or more of
  ours inside the range's text agree when the first starts the range and the last starts where
  the range ends (the specs' end is the first day of the last period, or the last day named).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

# This file also runs as a script (above), so it finds the repository and ../shared itself, the
# same way as tests/conftest.py: NEWSLEDGER_SHARED, else ../shared next to the repository.
ROOT = Path(__file__).resolve().parents[3]
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", ROOT.parent / "shared"))
PASS_FILE = ROOT / "tests" / "data" / "times_specs_pass.json"
SPEC = Path("data") / "recognizers-text-specs-en" / "DateTime" / "English" / "DateTimeModel.json"


def spec_path() -> Path | None:
    p = SHARED / SPEC
    return p if p.is_file() else None


def _pattern_agrees(ours: str, timex: str) -> bool:
    """Does a fully resolved value fit an underspecified TIMEX ("XXXX-10-07", "XXXX-WXX-5")?"""
    m = re.fullmatch(r"XXXX-WXX-(\d)(T.*)?", timex)
    if m:
        v = re.fullmatch(r"(\d{4}-\d{2}-\d{2})(T.*)?", ours)
        return bool(v) and date.fromisoformat(v.group(1)).isoweekday() == int(m.group(1)) \
            and (v.group(2) or "") == (m.group(2) or "")
    if "X" in timex and len(timex) == len(ours):
        return all(t == "X" or t == o for t, o in zip(timex, ours))
    return False


def _period(v: str) -> tuple[date, date] | None:
    """The days a TIMEX3 calendar value covers, as [start, end) ("2018-08", "2018-W29", "14")."""
    try:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", v)
        if m:
            d = date(int(m[1]), int(m[2]), int(m[3]))
            return d, d + timedelta(days=1)
        m = re.fullmatch(r"(\d{4})-(\d{2})", v)
        if m:
            y, mo = int(m[1]), int(m[2])
            return date(y, mo, 1), date(y + mo // 12, mo % 12 + 1, 1)
        m = re.fullmatch(r"(\d{4})-W(\d{2})", v)
        if m:
            d = date.fromisocalendar(int(m[1]), int(m[2]), 1)
            return d, d + timedelta(days=7)
        m = re.fullmatch(r"(\d{4})-Q([1-4])", v)
        if m:
            y, q = int(m[1]), int(m[2])
            return date(y, 3 * q - 2, 1), (date(y + 1, 1, 1) if q == 4 else date(y, 3 * q + 1, 1))
        m = re.fullmatch(r"\d{2,4}", v)
        if m:
            span = 10 ** (4 - len(v))  # "2018" a year, "201" a decade, "14" a century
            y = int(v) * span
            return date(max(y, 1), 1, 1), date(y + span, 1, 1)
    except ValueError:
        return None
    return None


_RELATIVE = re.compile(r"\b(?:ago|in|later|earlier|from\s+now|hence)\b", re.IGNORECASE)


def _day_in(ours: str, day: str | None) -> bool:
    p = _period(ours)
    if p is None or not day or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", day):
        return False
    return p[0] <= date.fromisoformat(day) < p[1]


def _is_range(gold_values: list[dict[str, Any]]) -> bool:
    return any((gv.get("timex") or "").startswith("(") and gv.get("start") and gv.get("end")
               for gv in gold_values)


def range_agrees(ours: list[str | None], gold_values: list[dict[str, Any]]) -> bool:
    """One period equal to the spec's range, or several dates from its start to its end."""
    if any(v is None for v in ours):
        return False
    ps = [_period(v) for v in ours if v is not None]
    if any(p is None for p in ps):
        return False
    for gv in gold_values:
        if not ((gv.get("timex") or "").startswith("(") and gv.get("start") and gv.get("end")):
            continue
        try:
            gs, ge = date.fromisoformat(gv["start"][:10]), date.fromisoformat(gv["end"][:10])
        except ValueError:
            continue
        first, last = ps[0], ps[-1]
        assert first is not None and last is not None
        if len(ps) == 1 and first == (gs, ge):
            return True
        if len(ps) > 1 and first[0] == gs and ge in (last[0], last[1] - timedelta(days=1)):
            return True
    return False


def _time_part(v: str) -> str | None:
    i = v.find("T")
    return v[i:] if i >= 0 and not v.startswith("P") else None


def value_agrees(ours: str | None, gold_values: list[dict[str, Any]]) -> bool:
    if ours is None:
        return False
    if _is_range(gold_values) and range_agrees([ours], gold_values):
        return True
    for gv in gold_values:
        timex = gv.get("timex") or ""
        cands = {timex, gv.get("value"), gv.get("start") if gv.get("type") != "daterange" else None}
        # TimeML writes whole hours as "T16:00", the specs as "T16"
        if re.search(r"T\d{2}$", timex) and ours == timex + ":00":
            return True
        if ours in cands or _pattern_agrees(ours, timex):
            return True
        # a clock time: the gold gives only the time of day ("T10:30")
        if timex.startswith("T") and _time_part(ours) in (timex, timex + ":00"):
            return True
        # gold date-times as "2016-11-07 10:30:00"
        v = gv.get("value") or ""
        if " " in v and ours.replace("T", " ") + ":00" == v:
            return True
    return False


def run_case(case: dict[str, Any]) -> bool:
    from newsledger.extract.time.extractor import find_times

    ref = date.fromisoformat(case["Context"]["ReferenceDateTime"][:10])
    found = find_times(case["Input"], ref)
    gold = case.get("Results", [])
    used: set[int] = set()
    for g in gold:
        gs, ge = g["Start"], g["End"] + 1
        hit = [i for i, t in enumerate(found) if t.span.start < ge and gs < t.span.end]
        if not hit or used.intersection(hit):
            return False
        used.update(hit)
        values = g.get("Resolution", {}).get("values", [])
        if len(hit) > 1:
            # a range written as two dates ("from 2014 to 2018"): each of ours inside its text
            if not (all(gs <= found[i].span.start and found[i].span.end <= ge for i in hit)
                    and range_agrees([found[i].value for i in hit], values)):
                return False
            continue
        ours = found[hit[0]].value
        if value_agrees(ours, values):
            continue
        if ours and _RELATIVE.search(g.get("Text", "")) and any(
                _day_in(ours, gv.get("value") or gv.get("start")) for gv in values
                if gv.get("type") == "date"):
            continue  # TimeML granularity: "two months ago" -> 2018-08 holds 2018-08-17
        return False
    return len(used) == len(found)


def load_cases(p: Path) -> list[dict[str, Any]]:
    return json.loads(p.read_text("utf-8-sig"))  # type: ignore[no-any-return]


def file_hash(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def evaluate(p: Path) -> tuple[list[int], int, dict[str, list[int]]]:
    """Passing indices, number of cases with a reference date, and per-type [passed, total]."""
    cases = load_cases(p)
    passing: list[int] = []
    total = 0
    by_type: dict[str, list[int]] = {}
    for i, c in enumerate(cases):
        if not c.get("Context", {}).get("ReferenceDateTime"):
            continue
        total += 1
        ok = run_case(c)
        kinds = {r.get("TypeName", "?") for r in c.get("Results", [])} or {"(none)"}
        for k in kinds:
            cell = by_type.setdefault(k, [0, 0])
            cell[0] += ok
            cell[1] += 1
        if ok:
            passing.append(i)
    return passing, total, by_type


SPEC_FILE = spec_path()


@pytest.mark.shared
@pytest.mark.skipif(SPEC_FILE is None, reason="../shared/data (Recognizers-Text specs) is absent")
def test_passing_specs_still_pass() -> None:
    assert SPEC_FILE is not None
    stored = json.loads(PASS_FILE.read_text("utf-8"))
    if stored["sha256"] != file_hash(SPEC_FILE):
        pytest.skip("the spec file changed; regenerate tests/data/times_specs_pass.json")
    cases = load_cases(SPEC_FILE)
    broken = [i for i in stored["passing"] if not run_case(cases[i])]
    assert not broken, f"spec cases that passed before now fail: {broken}"


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT / "src"))
    p = spec_path()
    if p is None:
        sys.exit("../shared/data is absent")
    passing, total, by_type = evaluate(p)
    print(f"DateTimeModel.json: {len(passing)}/{total} cases with a reference date pass "
          f"({100 * len(passing) / total:.1f}%)")
    for k, (ok, n) in sorted(by_type.items(), key=lambda kv: -kv[1][1]):
        print(f"  {k:28s} {ok:4d}/{n:4d}")
    if "--update" in sys.argv:
        PASS_FILE.parent.mkdir(exist_ok=True)
        PASS_FILE.write_text(json.dumps({"file": str(SPEC), "sha256": file_hash(p),
                                         "passing": passing}) + "\n", "utf-8")
        print(f"wrote {PASS_FILE}")
