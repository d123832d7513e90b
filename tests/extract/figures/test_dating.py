"""When a figure held, from the grammar (figures/dating.py): a date on the governing clause dates
the figure at any distance; a date in a 'since' phrase is a period start, never the as-of.
Published 2024-05-10 (a Friday; tests/extract/figures/test_figures.PUB)."""

from __future__ import annotations

import pytest

from newsledger.extract.figures.dating import opens_period
from tests.extract.figures.test_extractor import by_value


def test_a_relative_date_far_ahead_on_the_saying_verb_dates_the_figure() -> None:
    f = by_value("Two days ago - shortly after the talks in the northern city of Kessel broke "
                 "down - officials in Valdoria said the death toll had passed 8,400.", 8400)
    assert f.as_of == "2024-05-08", f.as_of


def test_a_weekday_on_the_saying_verb_dates_a_past_total() -> None:
    f = by_value("On Monday, after a long night of shelling across the eastern districts of "
                 "the province, the regional office said that 6,950 people had been killed.", 6950)
    assert f.as_of == "2024-05-06", f.as_of


def test_a_since_phrase_is_not_the_as_of() -> None:
    f = by_value("The regional office said 120 people have been killed since its update "
                 "yesterday, bringing the total to 7,412 people killed.", 7412)
    assert f.as_of != "2024-05-09", f.as_of
    # the total of a present-perfect count is as of its report
    assert f.as_of == "2024-05-10", f.as_of
    g = by_value("The regional office says 120 people have been killed since its update "
                 "yesterday.", 120)
    assert g.as_of != "2024-05-09", g.as_of


@pytest.mark.parametrize("before,expected", [
    ("killed since ", True),
    ("killed since its update ", True),
    ("killed since the last count on ", True),
    ("the office said on ", False),
    ("since then, the office said on ", False),
])
def test_opens_period(before: str, expected: bool) -> None:
    text = before + "Sunday"
    assert opens_period(text, len(before)) is expected



def test_a_total_after_a_past_count_is_not_made_present() -> None:
    # "were killed" is simple past: the total it brings is not dated by the report
    f = by_value("On Monday, the office said 120 people were killed, bringing the total to 7,412.",
                 7412)
    assert f.as_of in (None, "2024-05-06"), f.as_of
