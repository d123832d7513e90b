"""The speed path (nlp/selective.py: the model runs only on sentences an extractor can use) gives
the same records as the full pipeline. The fast components are in test_fastpipes.py, the loaded
model in test_model.py, huge articles in sections in tests/test_pipeline.py."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsledger.ingest import from_text
from newsledger.nlp import selective
from newsledger.nlp.selective import FULL, NONE, analyse, level, plan, sentences
from newsledger.pipeline import get_nlp, run_articles
from tests.conftest import EVAL, SHARED, check_record, needs_shared, shared_rows

ARTICLE = (
    "Gaza ceasefire talks stall as strikes continue\n\n"
    "By Jane Roe\n\n"
    "CAIRO (AP) — Israeli strikes killed at least 27 people in Rafah on Tuesday, the Gaza "
    "health ministry said. “We will not stop until the hostages are home,” Prime Minister "
    "Benjamin Netanyahu said in a statement. He added that the army would press on.\n\n"
    "It was quiet for a while. nothing moved in the streets and the wind was cold.\n\n"
    "The talks in Cairo ended without a deal, according to two officials who spoke on condition "
    "of anonymity. Hamas said the offer was not serious.\n\n"
    "there was little else to report from the camp that evening, and the crowd slowly left.\n"
)


@pytest.mark.parametrize("sentence,expected", [
    ("“We will fight on,” he said.", FULL),          # quote mark
    ("The toll rose to 34,000.", FULL),               # digit
    ("Dozens were wounded overnight.", FULL),         # number and time words
    ("He warned of a wider war.", FULL),              # cue word (inflected)
    ("Officials in Rafah denied it.", FULL),          # cue, name
    ("The family moved to al-Shati camp.", FULL),     # a name with an inner capital
    ("It was quiet and the wind was cold.", NONE),    # nothing an extractor looks for
    ("there was little else in the camp.", NONE),
    ("The streets were empty and dark.", NONE),       # capital only on a function word
])
def test_level_case_table(sentence: str, expected: int) -> None:
    assert level(sentence) == expected


def test_sentences_cover_text_and_do_not_split_before_lower_case() -> None:
    text = "The U. S. special forces may help. It was cold.\nNext line here."
    sents = sentences(text)
    assert "".join(text[s:e] for s, e in sents) == text
    assert not any(text[s:e].startswith("special") for s, e in sents)


def test_plan_pieces_are_contiguous_and_quoted_paragraphs_stay_whole() -> None:
    text = ("“It was a long night. Nobody slept at all in the shelter that we had. We waited "
            "for the morning,” she said.\n\nThe wind was cold and the streets were empty and "
            "silent for a long time after that, and nobody came out of the houses at all.\n")
    pieces = plan(text)
    assert pieces[0][0] == 0 and pieces[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(pieces, pieces[1:]))
    first = text.index("\n\n")
    assert all(lv == FULL for s, e, lv in pieces if s < first)  # the quoted paragraph
    assert any(lv == NONE for _s, _e, lv in pieces)  # the empty description


def test_plan_bounds_piece_size_on_a_huge_text() -> None:
    para = "The convoy moved south along the coast road and stopped at the checkpoint. " * 40
    text = (para + "\n\n") * 400  # ~1.2 MB
    pieces = plan(text, select=False)
    assert "".join(text[s:e] for s, e, _ in pieces) == text
    assert max(e - s for s, e, _ in pieces) <= 5 * selective.MAX_PIECE + len(para) + 2


def test_merged_doc_has_the_original_text_tokens_and_sentences() -> None:
    nlp = get_nlp(fast=True)
    doc = analyse(nlp, [ARTICLE])[0]
    ref = nlp.make_doc(ARTICLE)
    assert doc.text == ARTICLE
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in ref]
    sents = list(doc.sents)
    assert sum(len(s) for s in sents) == len(doc)
    # The unparsed stretch still has sentences of its own, not one per token.
    quiet = [s for s in sents if "quiet" in s.text]
    assert quiet and len(quiet[0]) > 3
    assert any(e.label_ == "PERSON" for e in doc.ents)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from([
    "He said. ", "“Quote,” she said. ", "It was cold. ", "The toll rose to 12. ", "\n\n", "\n",
    "U. S. ", "al-Shati ", "  ", "¿Qué? ", "nothing here. ", "Mr. Smith left. ", "’", "\t",
    "there was nothing at all to see in the dark and quiet street that night. ",
]), min_size=1, max_size=30))
def test_any_text_keeps_exact_offsets(parts: list[str]) -> None:
    text = "".join(parts)
    nlp = get_nlp(fast=True)
    doc = analyse(nlp, [text])[0]
    assert doc.text == text
    assert [(t.idx, t.text) for t in doc] == [(t.idx, t.text) for t in nlp.make_doc(text)]
    if len(doc):
        assert sum(len(s) for s in doc.sents) == len(doc)


def test_fast_and_full_records_are_identical_on_a_synthetic_article() -> None:
    art = from_text(ARTICLE, id="synthetic", published="2024-05-14")
    fast = next(run_articles([art], fast=True))
    full = next(run_articles([art], fast=False))
    check_record(fast)
    assert fast.to_dict() == full.to_dict()


def _eval_article_ids() -> set[str]:
    """Ids of the shared articles named anywhere in the evaluation sets."""
    found: set[str] = set()

    def walk(x: Any) -> None:
        if isinstance(x, str):
            found.add(x)
        elif isinstance(x, dict):
            for k, v in x.items():
                walk(k)
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    for p in EVAL.glob("*.json"):
        walk(json.loads(p.read_text("utf-8")))
    return found


@pytest.mark.shared
@pytest.mark.slow
@needs_shared()
def test_seed_and_eval_articles_give_identical_records_with_and_without_speed_path() -> None:
    """Identical records imply identical scores on the seed gold and every evaluation set."""
    wanted = _eval_article_ids()
    rows = []
    for name in ("npr_articles.jsonl.gz", "bbc_live_posts.jsonl.gz",
                 "ukraine_semeval_articles.jsonl.gz"):
        rows += [r for r in shared_rows(name) if r["id"] in wanted]
    rows = sorted(rows, key=lambda r: r["id"])[:16]
    seed = (SHARED / "seeds" / "000_083e98938a0e4d70.txt").read_text("utf-8")
    arts = [from_text(seed, id="seed", published="2024-05-10")]
    arts += [from_text(r["text"], id=r["id"], published=r.get("published") or None)
             for r in rows if r.get("text")]
    fast = list(run_articles(arts, fast=True))
    full = list(run_articles(arts, fast=False))
    for a, b in zip(fast, full):
        a.verify()
        a.validate()
        da, db = a.to_dict(), b.to_dict()
        differ = [k for k in da if da[k] != db[k]]
        assert not differ, f"{a.id}: the speed path changed {differ}"


# --- long punctuation runs (issue #18) -------------------------------------------------------

def _time(fn: Any) -> float:
    import time

    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


@pytest.mark.parametrize("ch", ["=", '"', "*", "_"])
def test_a_long_punctuation_run_is_tokenized_in_linear_time(ch: str) -> None:
    """spaCy's tokenizer alone takes ~1.5 s on 2,000 "=" and ~60 s on 8,000 (quadratic); a run
    is one token here, so 20,000 characters cost about ten times 2,000, not a hundred."""
    nlp = get_nlp()
    small = "Before it, " + ch * 2_000 + " after. Officials said 12 died."
    big = "Before it, " + ch * 20_000 + " after. Officials said 12 died."
    t_small = _time(lambda: selective.make_doc(nlp, small))
    t_big = _time(lambda: selective.make_doc(nlp, big))
    assert t_big < 30 * max(t_small, 0.005), (t_small, t_big)
    for text in (small, big):
        doc = selective.make_doc(nlp, text)
        assert doc.text == text
        assert all(text[t.idx:t.idx + len(t.text)] == t.text for t in doc)
        run = [t for t in doc if ch in t.text and len(t.text) > 1]
        assert len(run) == 1 and run[0].text == ch * (len(text) - len(small) + 2_000)
        # the text around the run is tokenized as usual
        assert [t.text for t in doc if t.i > run[0].i] == \
            [t.text for t in nlp.make_doc(text[run[0].idx + len(run[0].text) + 1:])]


def test_text_without_a_run_is_tokenized_as_spacy_does() -> None:
    nlp = get_nlp()
    for text in (ARTICLE, "a " + "=" * 49 + " b", "x" + "-" * 30 + "y", "", "=-" * 60):
        assert [(t.text, t.idx, t.whitespace_) for t in selective.make_doc(nlp, text)] == \
            [(t.text, t.idx, t.whitespace_) for t in nlp.make_doc(text)]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("fast", [True, False])
def test_fifty_thousand_quote_marks_finish_with_exact_spans(fast: bool) -> None:
    text = ("Officials said 12 people were killed on Monday.\n\n" + '"' * 50_000 + "\n\n"
            + "=" * 20_000 + "The army said 3 soldiers died, " + "!" * 5_000
            + " \"We will go on,\" the minister said.\n")
    rec = next(run_articles([from_text(text, id="runs", published="2024-05-10")], fast=fast))
    check_record(rec)
    assert rec.text == text
    assert {f["value"] for f in rec.to_dict()["figures"]} >= {12, 3}
