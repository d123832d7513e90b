"""A figure's place: a running total whose sentence names none takes the article's place, or its
claimant's seat written as a possessive; a per-event count does not (issue 15)."""

from __future__ import annotations

from tests.extract.figures.test_figures import run


def test_running_total_takes_the_article_place() -> None:
    rec = run("Shelling continued in Valdoria overnight, and more strikes hit homes in Valdoria on "
              "Monday.\n\nThe regional health office says 7,412 people have been killed since the "
              "war began.")
    f = next(f for f in rec.figures if f.value == 7412)
    assert f.cumulative is True
    assert f.place == "Valdoria"


def test_no_article_place_when_two_places_share_it() -> None:
    rec = run("Strikes hit homes in Valdoria on Monday. Shelling hit homes in Kessel on Tuesday. "
              "Fighting spread across Marnia.\n\nThe regional health office says 7,412 people "
              "have been killed since the war began.")
    f = next(f for f in rec.figures if f.value == 7412)
    assert f.place is None


def test_per_event_count_does_not_take_the_article_place() -> None:
    rec = run("Shelling continued in Valdoria overnight, and strikes hit homes in Valdoria.\n\n"
              "A hospital spokesman said 14 people were killed when a shell struck a market.")
    f = next(f for f in rec.figures if f.value == 14)
    assert f.place is None


def test_the_claimant_seat_written_as_a_possessive() -> None:
    rec = run("Gaza's health ministry says 7,412 people have been killed since the war began.")
    f = next(f for f in rec.figures if f.value == 7412)
    assert f.place == "Gaza"
