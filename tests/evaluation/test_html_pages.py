"""HTML pages (``tests/eval/html_eval.py``): floors on the synthetic pages of tests/data/html (no
network, no ../shared), and on trafilatura's own evaluation corpus when its mirror is on this
machine (slow; skipped otherwise)."""

from __future__ import annotations

import sys

import pytest

from tests.conftest import EVAL

sys.path.insert(0, str(EVAL))

from html_eval import emit, load, mirror, run_trafilatura, score

# Measured 2026-12-03 (PYTHONPATH=src python tests/eval/html_eval.py --corpus fixtures): every
# score 1.0 on the seven pages. The gold was written before the first run, which (like main's
# ingest today) gave byline 0.571 (a desk and an outlet taken from the author metadata, a name
# glued to its outlet line missed) and body blocks 5 of 8 ("Reporting from …, X said" read as a
# credit); trafilatura's defaults get byline 0.571 too. One error costs 0.143 of title, byline or
# date and 0.125 of body blocks; the floors allow none.
FIXTURE_FLOORS = {"body_f1": 0.98, "title": 0.99, "byline": 0.99, "date": 0.99, "body_blocks": 0.99}


def test_fixture_pages_meet_their_floors() -> None:
    pages = load("fixtures")
    assert pages is not None and len(pages) >= 7
    res = score(pages, emit(pages))
    low = {k: round(res[k], 3) for k, floor in FIXTURE_FLOORS.items() if res[k] < floor - 1e-9}
    assert not low, (f"below the floors {FIXTURE_FLOORS}: {low}; run "
                     "tests/eval/html_eval.py --corpus fixtures --show ours")


@pytest.mark.slow
@pytest.mark.skipif(mirror() is None, reason="trafilatura's repository mirror is absent")
def test_trafilatura_corpus_sample_at_least_as_good_as_trafilatura() -> None:
    """On a fixed sample of trafilatura's corpus, newsledger's ingest is no worse than
    trafilatura's defaults on any of body, title, byline and date."""
    pages = load("trafilatura", 120)
    assert pages
    ours, theirs = score(pages, emit(pages)), score(pages, run_trafilatura(pages))
    worse = {k: (round(ours[k], 3), round(theirs[k], 3)) for k in ("body_f1", "title", "byline", "date")
             if ours[k] < theirs[k] - 1e-9}
    assert not worse, f"below trafilatura's defaults (ours, theirs): {worse}"
