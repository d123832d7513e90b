"""Number expressions: numerals, words (text2num), vague quantities, ranges, bounds, units, junk."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.extract.figures.numbers import find_quantities, parse_digits, parse_words

# text, expected [(surface, value, low, high, approx, unit, kind)]
CASES = [
    ("Israel has ordered some 100,000 Palestinians", [("some 100,000", 100000, None, None, "about", None, "number")]),
    ("Two hundred and seventy-one soldiers", [("Two hundred and seventy-one", 271, 271, 271, "exact", None, "number")]),
    ("between 20 and 25 people", [("between 20 and 25", None, 20, 25, "range", None, "number")]),
    ("20 to 25 people", [("20 to 25", None, 20, 25, "range", None, "number")]),
    ("20-25 people", [("20-25", None, 20, 25, "range", None, "number")]),
    ("more than 34,000 people", [("more than 34,000", 34000, 34000, None, "more_than", None, "number")]),
    ("at least 49,500 others", [("at least 49,500", 49500, 49500, None, "at_least", None, "number")]),
    ("up to 30 people", [("up to 30", 30, None, 30, "up_to", None, "number")]),
    ("fewer than 10 trucks", [("fewer than 10", 10, None, 10, "less_than", None, "number")]),
    ("nearly 1,000 people", [("nearly 1,000", 1000, None, None, "about", None, "number")]),
    ("an estimated 1.9 million people", [("an estimated 1.9 million", 1.9e6, None, None, "about", None, "number")]),
    ("a dozen", [("a dozen", 12, 12, 12, "about", None, "number")]),
    ("more than a dozen", [("more than a dozen", 12, 12, None, "more_than", None, "number")]),
    ("dozens of people", [("dozens", None, 24, None, "vague", None, "number")]),
    ("hundreds of people", [("hundreds", None, 200, 999, "vague", None, "number")]),
    ("tens of thousands of people", [("tens of thousands", None, 20000, 99999, "vague", None, "number")]),
    ("70% of the dead", [("70%", 70, 70, 70, "exact", "percent", "number")]),
    ("about 70 per cent", [("about 70 per cent", 70, None, None, "about", "percent", "number")]),
    ("$1.2bn in aid", [("$1.2bn", 1.2e9, 1.2e9, 1.2e9, "exact", "USD", "number")]),
    ("£5m", [("£5m", 5e6, 5e6, 5e6, "exact", "GBP", "number")]),
    ("2,000- and 500-pound bombs", [("2,000- and 500-pound", 2000, 2000, 2000, "exact", "pound", "number"),
                                    ("500-pound", 500, 500, 500, "exact", "pound", "number")]),
    ("a 12-week truce", [("12-week", 12, 12, 12, "exact", None, "duration")]),
    ("six weeks", [("six weeks", 6, 6, 6, "exact", None, "duration")]),
    ("a 32-year-old man", [("32-year-old", 32, 32, 32, "exact", None, "age")]),
    ("30 or more people", [("30 or more", 30, 30, None, "at_least", None, "number")]),
]

NOTHING = ["1,2,3", "10^100", "1e9", "9" * 40, "٣٤ killed", "½", "the 76th day", "A320", "3/4",
           "the 1990s", "at 18:00", "Covid-19 case", "F-16 jets", "", "no digits here at all"]


@pytest.mark.parametrize("text,expected", CASES)
def test_quantities(text: str, expected: list[tuple]) -> None:
    got = find_quantities(text)
    assert len(got) == len(expected), [text[q.start:q.end] for q in got]
    for q, (surface, value, low, high, approx, unit, kind) in zip(got, expected):
        assert text[q.start:q.end].startswith(surface) or text[q.start:q.end] == surface
        assert (q.value, q.low, q.high, q.approx, q.unit, q.kind) == (value, low, high, approx,
                                                                       unit, kind)


@pytest.mark.parametrize("text", NOTHING)
def test_junk_gives_no_number(text: str) -> None:
    assert [q for q in find_quantities(text) if q.kind == "number"] == []


def test_from_x_to_y_is_two_numbers_not_a_range() -> None:
    qs = find_quantities("the toll rose from 15,200 to 15,899")
    assert [(q.value, q.approx) for q in qs] == [(15200, "exact"), (15899, "exact")]


def test_parse_helpers() -> None:
    assert parse_words("Two hundred and seventy-one") == 271
    assert parse_words("a hundred") == 100
    assert parse_words("banana") is None
    assert parse_digits("34,000") == 34000
    assert parse_digits("1" * 40) is None


NUMBERISH = st.text(alphabet="0123456789,.-^e½٣ %$£ abotmhndrwiu", max_size=40)


@settings(max_examples=300, deadline=None)
@given(NUMBERISH)
def test_random_number_like_strings_never_raise(text: str) -> None:
    for q in find_quantities(text):
        assert 0 <= q.start <= q.num_start <= q.num_end <= q.end <= len(text)
        for v in (q.value, q.low, q.high):
            assert v is None or (v == v and abs(v) <= 1e15)
