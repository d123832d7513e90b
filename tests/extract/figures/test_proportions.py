"""Proportions and rates are not counts: neither side of "one in every 300 residents" is a figure;
a part of a stated whole ("27 out of 35 clinics") still is (issue 15)."""

from __future__ import annotations

import pytest

from newsledger.extract.figures.numbers import find_quantities
from newsledger.extract.figures.proportions import is_proportion
from tests.extract.figures.test_figures import run


@pytest.mark.parametrize("text,surface", [
    ("An estimated one out of every 300 residents of the valley has been killed.", "one"),
    ("An estimated one out of every 300 residents of the valley has been killed.", "300"),
    ("One in 50 children in the camps is acutely malnourished, the agency says.", "50"),
    ("One in 50 children in the camps is acutely malnourished, the agency says.", "One"),
    ("The death rate reached 12 per 10,000 people a day.", "10,000"),
])
def test_ratio_numbers_are_proportions(text: str, surface: str) -> None:
    q = next(q for q in find_quantities(text) if text[q.num_start:q.num_end] == surface)
    assert is_proportion(text, q)


@pytest.mark.parametrize("text,surface", [
    ("Only 27 out of 35 clinics in the province are still working.", "27"),
    ("At least 70 people were killed in 3 villages, officials said.", "70"),
    ("The ministry says 7,412 people have been killed.", "7,412"),
])
def test_counts_are_not_proportions(text: str, surface: str) -> None:
    q = next(q for q in find_quantities(text) if text[q.num_start:q.num_end] == surface)
    assert not is_proportion(text, q)


def test_a_ratio_gives_no_figure_in_a_record() -> None:
    rec = run("An estimated one out of every 300 residents of the valley has been killed, "
              "the monitors said, and 2,100 people have been killed since March.")
    values = [f.value for f in rec.figures]
    assert 1 not in values and 300 not in values
    assert 2100 in values
