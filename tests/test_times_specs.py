"""Regression on the Microsoft Recognizers-Text English DateTime specs (MIT, in ../shared/data).

The specs are short sentences with a reference date and gold spans/values. Not every case fits
newsledger (meeting scheduling, "3 days starting from next Monday" ranges); the cases that pass are
listed by index in ``tests/data/times_specs_pass.json`` (indices and a hash of the spec file, never
its text) and must keep passing. Regenerate the list and print the pass rate with::

    PYTHONPATH=src python tests/test_times_specs.py [--update]

A case passes when newsledger finds exactly as many expressions as the gold, each overlapping a
gold span, with a value that agrees: equal to the gold TIMEX, to one of its resolved candidates
(past or future, since the news default picks the past one), or to its underspecified pattern
("XXXX-10-07" agrees with "2023-10-07", "XXXX-WXX-5" with any Friday), or with the same time of day.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any

import pytest

HERE = Path(__file__).resolve().parent
PASS_FILE = HERE / "data" / "times_specs_pass.json"
SPEC = Path("data") / "recognizers-text-specs-en" / "DateTime" / "English" / "DateTimeModel.json"


def spec_path() -> Path | None:
    for base in (HERE.parent.parent, HERE.parent.parent.parent):
        p = base / "shared" / SPEC
        if p.is_file():
            return p
    return None


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


def _time_part(v: str) -> str | None:
    i = v.find("T")
    return v[i:] if i >= 0 and not v.startswith("P") else None


def value_agrees(ours: str | None, gold_values: list[dict[str, Any]]) -> bool:
    if ours is None:
        return False
    for gv in gold_values:
        timex = gv.get("timex") or ""
        cands = {timex, gv.get("value"), gv.get("start") if gv.get("type") != "daterange" else None}
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
    from newsledger.extract.times import find_times

    ref = date.fromisoformat(case["Context"]["ReferenceDateTime"][:10])
    found = find_times(case["Input"], ref)
    gold = case.get("Results", [])
    if len(found) != len(gold):
        return False
    for g in gold:
        gs, ge = g["Start"], g["End"] + 1
        hit = [t for t in found if t.span.start < ge and gs < t.span.end]
        if not hit:
            return False
        if not value_agrees(hit[0].value, g.get("Resolution", {}).get("values", [])):
            return False
    return True


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
    sys.path.insert(0, str(HERE.parent / "src"))
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
