"""Quality gate: times on hand-annotated BBC/NPR articles (tests/eval/times_gold.json, scored by
benchmarks/times_eval.py). Skips without ../shared/data."""

from __future__ import annotations

import importlib.util

import pytest

from tests.conftest import ROOT, SHARED


@pytest.fixture(scope="module")
def res() -> dict:
    """benchmarks/times_eval.py's scores on every split, computed once for both floors."""
    if not (SHARED / "data").is_dir():
        pytest.skip("../shared/data is absent")
    path = ROOT / "benchmarks" / "times_eval.py"
    spec = importlib.util.spec_from_file_location("times_eval", path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.evaluate()


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="../shared/data is absent")
def test_real_articles_eval_floor(res: dict) -> None:
    """Hand-annotated BBC/NPR articles (tests/eval/times_gold.json): keep value F1 above 0.9."""
    # Measured 2026-12-03 on commit dc9b137 (221 gold): relaxed span F1 0.982, value F1 0.973;
    # the floors sit 0.05 and 0.07 below.
    assert res["all"]["gold"] >= 100
    assert res["all"]["relaxed_span_f1"] >= 0.93, res
    assert res["all"]["value_f1"] >= 0.9, res


@pytest.mark.shared
@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "data").is_dir(), reason="../shared/data is absent")
def test_blind_set_floor(res: dict) -> None:
    """tests/eval/times_blind.json (annotated by someone who never ran the tool; `range` limits
    what is scored): first run value F1 0.902 (commit 1ad7957), then used for fixes."""
    # Measured 2026-12-03 on the times branch (178 gold): value F1 0.969, relaxed span F1 0.980;
    # the floors sit 0.03 below (a small set: one error costs about 0.006).
    assert res["blind"]["gold"] == 178
    assert res["blind"]["value_f1"] >= 0.94, res
    assert res["blind"]["relaxed_span_f1"] >= 0.95, res
