"""Quality gate: attribution scores on the seed and the offsets-only dev gold stay above floors.

Skips when ../shared (articles and seed) is absent, as in a fresh clone. Every floor sits below the
score measured with tests/eval/quotes_eval.py by a margin: 0.02, or what one more error costs on
a small group when that is more (every set here was fixed on, so a floor at the measured score
would fail on the first trade of one case for another). Never raise a floor above a measurement.
"""

from __future__ import annotations

import sys

import pytest

from tests.conftest import EVAL

sys.path.insert(0, str(EVAL))

import quotes_eval  # noqa: E402

if not (quotes_eval.SHARED / "data").is_dir() or not (quotes_eval.SHARED / "seeds").is_dir():
    pytest.skip("../shared is absent: no articles to evaluate on", allow_module_level=True)

# Measured 2026-12-03 on commit dc9b137 (P / R / speaker accuracy; tp fp fn):
#   seed      direct+partial 1.000 / 1.000 / 1.000 (14 0 0)   indirect 0.783 / 1.000 / 1.000 (18 5 0)
#   dev       direct+partial 1.000 / 0.978 / 0.956 (45 0 1)   indirect 0.974 / 0.925 / 1.000 (37 1 3)
#   heldout   direct+partial 1.000 / 0.889 / 1.000 (16 0 2)   indirect 0.952 / 0.909 / 0.950 (20 1 2)
#   heldout2  direct+partial 0.944 / 1.000 / 0.941 (51 3 0)   indirect 0.844 / 0.826 / 0.921 (38 7 8)
#   heldout3  direct+partial 0.969 / 0.969 / 0.968 (31 1 1)   indirect 0.792 / 0.864 / 0.947 (19 5 3)
# Each floor is at or below measured - max(0.02, one error): seed direct+partial was pinned at
# 1.0 and is now 0.92 (one error of 14 costs 0.071); heldout direct+partial P 0.95 -> 0.94 and
# R 0.85 -> 0.83 (one more false positive of 17 predictions, or miss of 18 quotes, costs 0.056).
# Blind set 2: first run 0.941/0.941/0.792 and 0.792/0.826/0.632 (quotes_eval.py has the table);
# blind set 3: first run 0.929/0.812/0.692 and 0.696/0.727/0.625. Both were fixed on since.
FLOORS = {
    # group: (precision, recall, speaker accuracy)
    "seed": {"direct+partial": (0.92, 0.92, 0.92), "indirect": (0.7, 0.88, 0.88)},
    "dev": {"direct+partial": (0.95, 0.9, 0.8), "indirect": (0.9, 0.8, 0.85)},
    "heldout": {"direct+partial": (0.94, 0.83, 0.85), "indirect": (0.85, 0.8, 0.85)},
    "heldout2": {"direct+partial": (0.9, 0.9, 0.88), "indirect": (0.78, 0.78, 0.87)},
    "heldout3": {"direct+partial": (0.92, 0.92, 0.9), "indirect": (0.7, 0.8, 0.88)},
}


@pytest.mark.parametrize("name", ["seed", "dev", "heldout", "heldout2", "heldout3"])
def test_floors(name: str) -> None:
    if name == "seed":
        scores = quotes_eval.seed_scores()
    else:
        gold = {"dev": quotes_eval.GOLD, "heldout": quotes_eval.HELDOUT,
                "heldout2": quotes_eval.HELDOUT2, "heldout3": quotes_eval.HELDOUT3}[name]
        scores = quotes_eval.dev_scores(gold=gold)
    for group, (p, r, spk) in FLOORS[name].items():
        s = scores[group]
        assert s.precision >= p, (name, group, s.summary())
        assert s.recall >= r, (name, group, s.summary())
        assert s.field_accuracy("speaker") >= spk, (name, group, s.summary())
