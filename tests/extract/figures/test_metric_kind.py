"""A metric word in the clause applies only to counts of the kind that metric counts: "two
delegations agreed on a prisoner exchange" is not a count of prisoners released; the detainees
"of" the exchange are."""

from __future__ import annotations

import pytest

from newsledger.extract.figures.counting import counted_nouns, event_nouns, lexicon
from newsledger.record import Record
from tests.extract.figures.test_figures import run  # extract, verify, validate, no failure


def metric_of(rec: Record, surface: str) -> str | None:
    for f in rec.figures:
        if f.span.text.startswith(surface):
            return f.metric
    return None


# sentence, figure surface, expected metric (positives: the counted noun is what the metric counts)
POSITIVE = [
    ("The mediator said the two delegations had agreed on a prisoner exchange of between 150 and "
     "200 detainees.", "between 150 and 200", "prisoners_released"),
    ("Officials said 14 countries had agreed to the release of 300 prisoners.", "300",
     "prisoners_released"),
    ("The army said 12 meetings were held after 40 soldiers were killed.", "40", "killed"),
    ("Gunmen killed 25 Syrians near the border, police said.", "25", "killed"),
    ("The ministry said 3,000 protesters were detained over 15 days.", "3,000", "arrested"),
    ("Rescuers said 120 bodies were recovered from 30 buildings.", "120", "dead_bodies"),
    ("Hamas released 24 hostages during 7 days of truce.", "24", "hostages_released"),
    ("The strikes killed 67 people and destroyed 40 homes, the ministry said.", "67", "killed"),
]

# sentence, figure surface: a count of something no metric counts, in a clause with a metric word
NEGATIVE = [
    ("Officials said 14 countries had agreed to the release of 300 prisoners.", "14"),
    ("The army said 12 meetings were held after 40 soldiers were killed.", "12"),
    ("Rescuers said 120 bodies were recovered from 30 buildings.", "30"),
    ("The strikes killed 67 people and destroyed 40 homes, the ministry said.", "40"),
    ("Some 12,000 injured were evacuated across 9 crossings.", "9"),
    ("Negotiators from 11 nations discussed the release of hostages.", "11"),
]


@pytest.mark.parametrize("text,surface,metric", POSITIVE)
def test_metric_of_counted_kind(text: str, surface: str, metric: str) -> None:
    assert metric_of(run(text), surface) == metric


@pytest.mark.parametrize("text,surface", NEGATIVE)
def test_other_kinds_are_other(text: str, surface: str) -> None:
    # Either not a figure at all (small number words of non-people are dropped) or metric other.
    assert metric_of(run(text), surface) in (None, "other")


def test_small_word_count_of_delegations_is_not_prisoners_released() -> None:
    rec = run("The mediator said the two delegations had agreed on a prisoner exchange.")
    assert all(f.metric != "prisoners_released" for f in rec.figures)


def test_kind_lists_are_data() -> None:
    data = lexicon()
    assert "delegation" not in counted_nouns() and "delegations" not in counted_nouns()
    assert set(data["counted_nouns"]) <= counted_nouns()
    assert "exchange" in event_nouns()
