"""Exports: CSV and JSONL of points, Wikidata-style statements; provenance survives."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from newsledger.ledger import Ledger
from newsledger.ledger.export import (CSV_COLUMNS, iter_points, statement, write_csv, write_jsonl,
                                      write_wikidata)
from newsledger.ledger.synthetic import make_record
from newsledger.record import Span


@pytest.fixture()
def led(tmp_path: Path) -> Ledger:
    r1 = make_record("a", "2024-05-01", [(34000, "killed", "Gaza", "the health ministry", True),
                                         (120, "injured", "Rafah", "medics", False)],
                     outlet="AP", url="https://example.org/a")
    r1.figures[0].approx = "more_than"
    r1.figures[0].hedges = [Span.of(r1.text, r1.text.index("said"), r1.text.index("said") + 4)]
    r2 = make_record("b", "2024-05-04", [(34500, "killed", "Gaza", "the IDF", True)],
                     outlet="BBC", url=None)
    r2.figures[0].value = None
    r2.figures[0].low, r2.figures[0].high, r2.figures[0].approx = 34400, 34600, "range"
    for r in (r1, r2):
        r.verify()
        r.validate()
    ledger = Ledger(tmp_path / "l.sqlite")
    ledger.ingest_records([r1, r2])
    yield ledger
    ledger.close()


def test_csv_rows_carry_provenance(led: Ledger) -> None:
    buf = io.StringIO()
    n = write_csv(iter_points(led), buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert n == len(rows) == 3
    assert tuple(rows[0]) == CSV_COLUMNS
    for r in rows:
        text = led.article(r["article_id"])["text"]
        assert text[int(r["span_start"]):int(r["span_end"])] == r["span_text"]
    gaza = [r for r in rows if r["series_id"] == "killed:people:gaza:cumulative"]
    assert [r["claimant"] for r in gaza] == ["Gaza health ministry", "Israel Defense Forces"]
    assert gaza[0]["hedges"] == "said" and gaza[0]["url"] == "https://example.org/a"
    assert gaza[1]["flags"].startswith("update:")  # 34,400–34,600 after "more than 34,000"


def test_csv_respects_filters_and_series(led: Ledger) -> None:
    buf = io.StringIO()
    write_csv(iter_points(led, ["killed:people:gaza:cumulative"], claimant="IDF"), buf)
    rows = list(csv.DictReader(io.StringIO(buf.getvalue())))
    assert [r["article_id"] for r in rows] == ["b"]
    buf = io.StringIO()
    assert write_csv(iter_points(led, ["no:such:series"]), buf) == 0


def test_jsonl_is_the_point_api(led: Ledger) -> None:
    buf = io.StringIO()
    write_jsonl(iter_points(led), buf)
    lines = [json.loads(x) for x in buf.getvalue().splitlines()]
    assert len(lines) == 3
    by_id = {p["id"]: p for s in led.series() for p in led.points(s["id"])}
    for line in lines:
        name = line.pop("series_name")
        assert name and line == by_id[line["id"]]


def test_wikidata_statements(led: Ledger) -> None:
    buf = io.StringIO()
    assert write_wikidata(iter_points(led, ["killed:people:gaza:cumulative"]), buf) == 2
    doc = json.loads(buf.getvalue())
    a, b = doc["statements"]
    assert a["property"] == {"id": "P1120", "label": "number of deaths"}
    assert a["value"]["amount"] == "+34000"
    quals = {q["property"]["label"]: q["value"] for q in a["qualifiers"]}
    assert quals["point in time"]["time"] == "+2024-05-01T00:00:00Z"
    assert quals["claimant"] == "Gaza health ministry"
    assert quals["sourcing circumstances"] == "more than"
    assert quals["hedge"] == "said"
    refs = {r["property"]["id"]: r["value"] for r in a["references"][0]}
    assert refs["P854"] == "https://example.org/a" and refs["P248"] == "AP"
    assert refs["P1683"] == "34,000"
    assert b["value"] == {"amount": "+34500", "unit": "1", "lowerBound": "+34400",
                          "upperBound": "+34600"}
    assert "P854" not in {r["property"]["id"] for r in b["references"][0]}  # no URL known
    # a metric with no agreed Wikidata property keeps a label and no id
    s = {"id": "x", "name": "people displaced (cumulative)", "metric": "displaced",
         "subject": "people", "place": None}
    p = led.points("killed:people:gaza:cumulative")[0]
    assert statement(s, p)["property"] == {"id": None, "label": "number displaced"}
