"""The attribution scorer (tests/eval/attribution_eval.py) on the existing dev gold: it runs on
both gold formats, and its numbers hold the issue-14 promises that the dev sets can check —
confidence means something (at >= 0.9 the speaker is right at least 97% of the time) and a wrong
name stays rare. Skips without ../shared."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import EVAL

sys.path.insert(0, str(EVAL))

import attribution_eval  # noqa: E402

if not (attribution_eval.SHARED / "data").is_dir():
    pytest.skip("../shared is absent: no articles to evaluate on", allow_module_level=True)

pytestmark = pytest.mark.slow

QUOTE_SETS = ("quotes_gold.json", "quotes_heldout.json", "quotes_heldout2.json",
              "quotes_heldout3.json")


@pytest.fixture(scope="module")
def quote_tallies() -> list[attribution_eval.Tally]:
    return [attribution_eval.evaluate(EVAL / name) for name in QUOTE_SETS]


def test_confident_speakers_are_right(quote_tallies: list[attribution_eval.Tally]) -> None:
    right = sum(t.buckets[(0.9, 1.01)][0] for t in quote_tallies)
    total = sum(t.buckets[(0.9, 1.01)][1] for t in quote_tallies)
    assert total >= 100
    assert right / total >= 0.97


def test_wrong_names_are_rare(quote_tallies: list[attribution_eval.Tally]) -> None:
    wrong = sum(t.named[0] for t in quote_tallies)
    named = sum(t.named[1] for t in quote_tallies)
    assert named and wrong / named <= 0.03


def test_scores_figure_claimants_from_the_figures_format() -> None:
    t = attribution_eval.evaluate(EVAL / "figures_gold.json")
    assert t.claimant[2] > 0
    assert t.claimant[1] / t.claimant[2] <= 0.05  # wrong claimants where the gold names one
    report = attribution_eval.report(t)
    assert "claimant right" in report and "reliability" in report
