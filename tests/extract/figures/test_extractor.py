"""The figures extractor's rules for series hygiene (issue 15): partitives count a subgroup, a
total told in the past tense is dated when it held, one event's dead are not a running total,
and ``counts`` reads as a phrase."""

from __future__ import annotations

import pytest

from tests.extract.figures.test_figures import run


def by_value(text: str, value: float):  # type: ignore[no-untyped-def]
    rec = run(text)
    found = [f for f in rec.figures if f.value == value]
    assert found, (value, [(f.span.text, f.value) for f in rec.figures])
    return found[0]


@pytest.mark.parametrize("text,value,counts_start", [
    ("The regional office says 7,412 people have been killed in Valdoria, 2,900 of them children.",
     2900, "children among"),
    ("The regional office says 7,412 people have been killed in Valdoria, 3,100 of whom were "
     "women.", 3100, "women among"),
    ("Monitors say 41 reporters have been killed in the war. Of these, 29 were killed in Marnia.",
     29, "among"),
])
def test_partitives_count_a_subgroup_of_the_whole(text: str, value: float,
                                                  counts_start: str) -> None:
    f = by_value(text, value)
    assert (f.counts or "").startswith(counts_start), f.counts
    assert f.metric == "killed"


def test_a_past_total_is_dated_when_it_held_not_when_published() -> None:
    # Published 2024-05-10 (tests/extract/figures/test_figures.PUB): the total held in March.
    f = by_value("In early March, when the toll in Valdoria already stood at 6,050, the office "
                 "stopped naming the dead.", 6050)
    assert f.as_of is not None and f.as_of.startswith("2024-03"), f.as_of


def test_a_present_total_is_as_of_its_report() -> None:
    f = by_value("The regional office says 7,412 people have been killed in Valdoria since March.",
                 7412)
    assert f.as_of == "2024-05-10"


@pytest.mark.parametrize("text,value", [
    ("At least 38 people have been killed in northern Valdoria after an air strike on a market, "
     "a hospital spokesman said.", 38),
    ("The office says 21 people have been killed while waiting for aid in Kessel.", 21),
])
def test_one_events_dead_are_not_a_running_total(text: str, value: float) -> None:
    assert by_value(text, value).cumulative is not True


def test_counts_keep_a_named_possessive() -> None:
    f = by_value("The regional office says Marnia's shelling has killed 530 people in Valdoria.",
                 530)
    assert "by’s" not in (f.counts or "") and "by's" not in (f.counts or "")
    assert "Marnia's" in (f.counts or "") or "Marnia" not in (f.counts or ""), f.counts



def test_the_whole_a_count_is_taken_from_is_not_that_count() -> None:
    f = by_value("The army says around 3,000 fighters have been killed so far, from an estimated "
                 "9,000 the group had before the war.", 9000)
    assert f.metric == "other"


def test_a_change_from_one_total_to_another_keeps_its_metric() -> None:
    f = by_value("The office says 7,412 people have been killed, and the toll rose from 7,100 "
                 "to 7,412 in a week.", 7100)
    assert f.metric != "other" or f.counts is None


def test_background_figures_are_the_trailing_sources_when_it_sources_nothing_else() -> None:
    rec = run("The truce began on Friday. It comes weeks after the Vardian attack that killed "
              "more than 1,200 Borlanders and in which roughly 240 hostages were taken, "
              "according to Borland.")
    got = {f.span.text: (f.claimant.name if f.claimant else None) for f in rec.figures}
    assert got["more than 1,200 Borlanders"] == "Borland"
    assert got["roughly 240 hostages"] == "Borland"


def test_background_stays_unclaimed_beside_the_sources_own_claim() -> None:
    rec = run("The Vardian attack on southern Borland, which killed about 1,200 people, "
              "triggered a Borlander assault that has killed more than 33,700 Vardians, "
              "according to the Vardian health ministry.")
    got = {f.span.text: (f.claimant.name if f.claimant else None) for f in rec.figures}
    assert got["about 1,200 people"] is None
    assert got["more than 33,700 Vardians"] is not None
