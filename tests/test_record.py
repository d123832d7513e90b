"""The record model: round-trips, span verification, the shipped JSON Schema."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.errors import RecordError
from newsledger.record import (APPROX, METRICS, QUOTE_KINDS, SOURCE_ROLES, TIME_TYPES, Block, Check,
                               Entity, ErrorEntry, Figure, Quote, Record, Source, Span, Speaker,
                               TimeExpr, json_schema)


@st.composite
def records(draw: st.DrawFn) -> Record:
    text = draw(st.text(min_size=1, max_size=200))
    n = len(text)

    def span() -> Span:
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return Span.of(text, a, b)

    def speaker() -> Speaker:
        return Speaker(draw(st.none() | st.just(None)) or span(),
                       draw(st.none() | st.text(max_size=20)))

    nums = st.none() | st.integers(-10**6, 10**9) | st.floats(0, 1e9, allow_nan=False)
    figures = [Figure(span(), draw(nums), draw(nums), draw(nums), draw(st.sampled_from(APPROX)),
                      draw(st.none() | st.just("pound")), draw(st.none() | st.text(max_size=30)),
                      draw(st.sampled_from(METRICS)),
                      draw(st.booleans()) and speaker() or None,
                      [span() for _ in range(draw(st.integers(0, 2)))],
                      draw(st.none() | st.just("2024-05-10")), draw(st.none() | st.just("Gaza")),
                      draw(st.none() | st.booleans()))
               for _ in range(draw(st.integers(0, 3)))]
    return Record(
        id=draw(st.text(min_size=1, max_size=10)), text=text,
        published=draw(st.none() | st.just("2024-05-10")),
        title=draw(st.none() | st.text(max_size=20)),
        byline=draw(st.lists(st.text(max_size=10), max_size=2)),
        blocks=[Block(draw(st.sampled_from(["title", "body", "caption"])), 0, n,
                      draw(st.none() | st.integers(0, 3)))],
        quotes=[Quote(draw(st.sampled_from(QUOTE_KINDS)), span(),
                      draw(st.booleans()) and span() or None, speaker())
                for _ in range(draw(st.integers(0, 3)))],
        figures=figures,
        times=[TimeExpr(span(), draw(st.sampled_from(TIME_TYPES)),
                        draw(st.none() | st.just("2024-05-10")), draw(st.none() | st.just("END")))],
        sources=[Source(span(), "CNN", draw(st.sampled_from(SOURCE_ROLES)))],
        entities=[Entity(span(), "PERSON", "John Kirby")],
        checks=[Check("sum", draw(st.booleans()), list(range(len(figures))), "note")],
        errors=[ErrorEntry("ingest", "bad", draw(st.none() | st.integers(1, 10)))],
    )


@settings(max_examples=60, deadline=None)
@given(records())
def test_round_trip_through_json_is_lossless(rec: Record) -> None:
    rec.verify()
    rec.validate()
    again = Record.from_dict(json.loads(rec.to_json()))
    assert again == rec
    assert again.to_dict() == rec.to_dict()


def test_verify_names_the_bad_span() -> None:
    rec = Record(id="x", text="Kirby said so.",
                 entities=[Entity(Span(0, 5, "Biden"), "PERSON", "Joe Biden")])
    with pytest.raises(RecordError, match=r"entities\[0\]\.span"):
        rec.verify()


def test_verify_rejects_span_outside_text() -> None:
    rec = Record(id="x", text="short", times=[TimeExpr(Span(3, 50, "rt"), "DATE", None)])
    with pytest.raises(RecordError, match="bad span"):
        rec.verify()


def test_verify_rejects_check_pointing_at_missing_figure() -> None:
    rec = Record(id="x", text="t", checks=[Check("sum", True, [0])])
    with pytest.raises(RecordError, match="out of range"):
        rec.verify()


def test_validate_rejects_unknown_enum_value() -> None:
    rec = Record(id="x", text="abc", quotes=[Quote("rumour", Span.of("abc", 0, 1))])
    with pytest.raises(RecordError, match="quotes/0/kind"):
        rec.validate()


def test_from_dict_rejects_other_schema() -> None:
    with pytest.raises(RecordError, match="newsledger.record/1"):
        Record.from_dict({"schema": "other/9", "id": "x"})


def test_failed_record_is_valid_and_says_why() -> None:
    rec = Record.from_error("line-3", "ingest", "line 3: not JSON", 3, url="http://x")
    rec.validate()
    assert rec.failed and rec.errors[0].line == 3 and rec.url == "http://x"


def test_schema_enums_match_the_model() -> None:
    props = json_schema()["properties"]
    assert props["quotes"]["items"]["properties"]["kind"]["enum"] == list(QUOTE_KINDS)
    assert props["figures"]["items"]["properties"]["metric"]["enum"] == list(METRICS)
    assert props["figures"]["items"]["properties"]["approx"]["enum"] == list(APPROX)
    assert props["sources"]["items"]["properties"]["role"]["enum"] == list(SOURCE_ROLES)
