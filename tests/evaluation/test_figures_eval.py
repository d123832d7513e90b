"""Quality gate: figures on hand-annotated real articles (tests/eval/figures_gold.json).

Skips without ../shared. Floors sit below the measured numbers by at least 0.02 (61 gold figures:
one error costs 0.016) so that a regression fails and a trade of one case for another does not;
claimant floors rest on the quotes extractor (state.quotes, state.speakers).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.conftest import EVAL

sys.path.insert(0, str(EVAL))

from figures_eval import evaluate, field_pr  # noqa: E402

# Measured 2026-12-03 on commit dc9b137 (tests/eval/figures_eval.py ../shared): P 1.0 R 1.0
# (61 tp), value P/R 1.0, counts P/R 0.869, metric P/R 1.0, claimant P 0.969 R 0.939.
FLOORS = {"precision": 0.95, "recall": 0.95, "value_precision": 0.95, "value_recall": 0.95,
          "counts_precision": 0.8, "counts_recall": 0.8, "metric_precision": 0.95,
          "metric_recall": 0.95, "claimant_precision": 0.85, "claimant_recall": 0.88}


@pytest.mark.shared
def test_figures_eval_floors(shared: Path) -> None:
    total, _, pairs = evaluate(shared)
    got = {**total.summary(), **field_pr(total, pairs)}
    low = {k: (got[k], v) for k, v in FLOORS.items() if got[k] < v}
    assert not low, f"below floor (measured, floor): {low}"


@pytest.mark.shared
def test_gold_file_stores_no_article_text() -> None:
    import json

    gold = json.loads((EVAL / "figures_gold.json").read_text("utf-8"))
    assert len(gold["figures"]) >= 40
    for g in gold["figures"]:
        assert set(g) <= {"id", "start", "end", "value", "low", "metric", "counts", "claimant",
                          "claimant_alternatives"}
        assert len(g["counts"]) < 80
