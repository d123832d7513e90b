"""A figure's place: a running total whose sentence names none takes the article's place (a
country or territory named at least twice, ``default_places`` in series.json), or its claimant's
seat written as a possessive; a per-event count does not (issue 15)."""

from __future__ import annotations

from tests.extract.figures.test_figures import run


def test_running_total_takes_the_article_place() -> None:
    rec = run("Shelling continued in Syria overnight, and more strikes hit homes in Syria on "
              "Monday.\n\nThe regional health office says 7,412 people have been killed since the "
              "war began.")
    f = next(f for f in rec.figures if f.value == 7412)
    assert f.cumulative is True
    assert f.place == "Syria"


def test_no_article_place_when_two_places_share_it() -> None:
    rec = run("Strikes hit homes in Syria on Monday. Shelling hit homes in Yemen on Tuesday. "
              "Fighting spread across Lebanon.\n\nThe regional health office says 7,412 people "
              "have been killed since the war began.")
    f = next(f for f in rec.figures if f.value == 7412)
    assert f.place is None


def test_per_event_count_does_not_take_the_article_place() -> None:
    rec = run("Shelling continued in Syria overnight, and strikes hit homes in Syria.\n\n"
              "A hospital spokesman said 14 people were killed when a shell struck a market.")
    f = next(f for f in rec.figures if f.value == 14)
    assert f.place is None


def test_the_claimant_seat_written_as_a_possessive() -> None:
    rec = run("Gaza's health ministry says 7,412 people have been killed since the war began.")
    f = next(f for f in rec.figures if f.value == 7412)
    assert f.place == "Gaza"


def test_one_passing_mention_is_no_article_place() -> None:
    rec = run("Officials compared the campaign with the fight in Lebanon.\n\nThe regional health "
              "office says 7,412 people have been killed since the war began.")
    f = next(f for f in rec.figures if f.value == 7412)
    assert f.place is None


def test_a_landmark_place_is_not_the_count_place() -> None:
    rec = run("The health office in Syria says 7,412 people have been killed since the 7 April "
              "attack on Yemen.")
    f = next(f for f in rec.figures if f.value == 7412)
    assert f.place != "Yemen"


def test_a_hyphen_joined_war_name_is_not_a_place() -> None:
    rec = run("In the Lebanon-Syria war, the health office says 7,412 people have been killed "
              "so far.")
    f = next(f for f in rec.figures if f.value == 7412)
    assert f.place not in ("Lebanon", "Syria")
