"""Quality gate: attribution scores on the seed and the offsets-only dev gold stay above floors.

Skips when ../shared (articles and seed) is absent, as in a fresh clone. Floors are pinned a little
below the measured scores (see tests/eval/quotes_eval.py for the table).
"""

from __future__ import annotations

import sys

import pytest

from tests.conftest import EVAL

sys.path.insert(0, str(EVAL))

import quotes_eval  # noqa: E402

if not (quotes_eval.SHARED / "data").is_dir() or not (quotes_eval.SHARED / "seeds").is_dir():
    pytest.skip("../shared is absent: no articles to evaluate on", allow_module_level=True)

FLOORS = {
    # group: (precision, recall, speaker accuracy)
    "seed": {"direct+partial": (1.0, 1.0, 1.0), "indirect": (0.7, 0.88, 0.88)},
    "dev": {"direct+partial": (0.95, 0.9, 0.8), "indirect": (0.9, 0.8, 0.85)},
    "heldout": {"direct+partial": (0.95, 0.85, 0.85), "indirect": (0.85, 0.8, 0.85)},
    # Blind set 2: first run 0.941/0.941/0.792 and 0.792/0.826/0.632; after the fixes
    # 0.941/0.941/0.938 and 0.826/0.826/0.921 (quotes_eval.py has the full table).
    "heldout2": {"direct+partial": (0.9, 0.9, 0.88), "indirect": (0.78, 0.78, 0.87)},
    # Blind set 3: first run 0.929/0.812/0.692 and 0.696/0.727/0.625; after the fixes
    # 0.969/0.969/0.968 and 0.792/0.864/0.947.
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
