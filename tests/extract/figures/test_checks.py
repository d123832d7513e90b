"""Checks: parts summing to a total, subsets larger than their total, running totals going down."""

from __future__ import annotations

import pytest

import newsledger
from newsledger.extract.figures.checks import find_checks
from newsledger.record import Figure, Span, Speaker


def fig(text: str, value: float, metric: str, start: int, approx: str = "exact",
        cumulative: bool | None = None, claimant: str | None = None,
        counts: str = "people") -> Figure:
    s = str(int(value))
    return Figure(Span(start, start + len(s), s), value, value, value, approx, None, counts,
                  metric, Speaker(None, claimant) if claimant else None, [], None, None,
                  cumulative)


def test_seed_like_sum_holds() -> None:
    text = "x" * 2000
    figs = [fig(text, 252, "abducted", 0), fig(text, 128, "hostages_held", 100),
            fig(text, 105, "hostages_released", 200), fig(text, 4, "hostages_released", 300),
            fig(text, 3, "hostages_rescued", 400), fig(text, 12, "dead_bodies", 500),
            fig(text, 3, "killed", 600)]
    checks = find_checks(text, figs)
    assert [(c.kind, c.holds, c.figures) for c in checks] == [("sum", True, [0, 1, 2, 3, 4, 5])]


def test_no_sum_when_parts_do_not_add_up() -> None:
    text = "x" * 2000
    figs = [fig(text, 252, "abducted", 0), fig(text, 128, "hostages_held", 100),
            fig(text, 100, "hostages_released", 200)]
    assert [c for c in find_checks(text, figs) if c.kind == "sum"] == []


def test_no_sum_across_unrelated_metrics() -> None:
    text = "x" * 2000
    figs = [fig(text, 30, "killed", 0), fig(text, 10, "arrested", 100),
            fig(text, 20, "arrested", 200)]
    assert find_checks(text, figs) == []


CASES = [
    # text, holds
    ("The ministry says 15,000 people have been killed, including 6,000 children.", True),
    ("The ministry says 5,000 people have been killed, including 6,000 children.", False),
    ("More than 6,000 children are among the 15,000 people who have been killed.", True),
]


@pytest.mark.parametrize("text,holds", CASES)
def test_subset(text: str, holds: bool) -> None:
    rec = newsledger.extract(text, published="2024-01-01")
    rec.verify()
    rec.validate()
    subsets = [c for c in rec.checks if c.kind == "subset"]
    assert [c.holds for c in subsets] == [holds], [f.span.text for f in rec.figures]


def test_cumulative_going_down_is_flagged() -> None:
    text = "x" * 3000
    figs = [fig(text, 15899, "killed", 0, cumulative=True, claimant="Gaza health ministry"),
            fig(text, 15523, "killed", 1000, cumulative=True, claimant="Gaza health ministry")]
    checks = find_checks(text, figs)
    assert [(c.kind, c.holds, c.figures) for c in checks] == [("monotone", False, [0, 1])]


def test_cumulative_dated_earlier_is_not_a_revision() -> None:
    text = "x" * 1000 + " Three days ago officials said the toll had exceeded " + "x" * 500
    figs = [fig(text, 15899, "killed", 0, cumulative=True),
            fig(text, 15200, "killed", 1060, cumulative=True)]
    assert find_checks(text, figs) == []


def test_other_claimants_and_subgroups_are_separate_series() -> None:
    text = "x" * 3000
    figs = [fig(text, 15899, "killed", 0, cumulative=True, claimant="Gaza health ministry"),
            fig(text, 7000, "killed", 1000, cumulative=True, claimant="Israel"),
            fig(text, 6000, "killed", 2000, cumulative=True, claimant="Gaza health ministry",
                counts="children among people killed")]
    assert find_checks(text, figs) == []


def test_no_checks_without_figures() -> None:
    assert find_checks("", []) == []


def test_many_figures_stay_cheap() -> None:
    """Subset search is bounded per total, so a long article with many counts stays linear."""
    text = "x" * 200_000
    figs = [fig(text, 100 + k, "hostages_held", k * 150) for k in range(1000)]
    checks = find_checks(text, figs)
    assert all(c.kind in ("sum", "subset", "monotone") for c in checks)
