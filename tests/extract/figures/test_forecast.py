"""Forecasts: a figure in a modal or hypothetical clause carries its modal word as a hedge, so the
ledger keeps it out of the series of what happened (issue 15)."""

from __future__ import annotations

import pytest

from tests.extract.figures.test_figures import run


def figure(text: str, surface: str):  # type: ignore[no-untyped-def]
    rec = run(text)
    found = [f for f in rec.figures if f.span.text.startswith(surface)]
    assert found, (surface, [f.span.text for f in rec.figures])
    return found[0]


@pytest.mark.parametrize("text,surface,word", [
    ("Doctors in Valdoria warned that thousands could die of hunger within weeks.",
     "thousands", "could"),
    ("Officials fear the number of dead may reach 12,000 before the winter, the agency said.",
     "12,000", "may"),
    ("Aid groups said 3,000 more patients might die if the clinic closes.", "3,000", "might"),
    ("The governor said 900 prisoners would be freed next month.", "900", "would"),
    ("The toll in the province is likely to rise to 8,000, the mayor said.", "8,000", "likely"),
])
def test_modal_figures_carry_their_modal_word(text: str, surface: str, word: str) -> None:
    f = figure(text, surface)
    assert word in [h.text.lower() for h in f.hedges]


@pytest.mark.parametrize("text,surface", [
    ("The regional health office says 7,412 people have been killed in Valdoria since March.",
     "7,412"),
    ("Rescuers said 40 bodies were recovered from the rubble on Sunday.", "40"),
    ("Floods killed at least 120 people in the northern districts last week, officials said.",
     "at least 120"),
])
def test_what_happened_carries_no_modal_word(text: str, surface: str) -> None:
    f = figure(text, surface)
    assert not [h for h in f.hedges if h.text.lower() in ("could", "may", "might", "would",
                                                          "will", "likely", "expected")]
