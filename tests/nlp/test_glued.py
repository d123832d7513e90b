"""Sentences glued by scraping (nlp/glued.py): "claims.Supplying" splits, "U.S." does not."""

from __future__ import annotations

import pytest

from newsledger import extract
from newsledger.pipeline import get_nlp


def tokens(text: str) -> list[str]:
    return [t.text for t in get_nlp().make_doc(text)]


def test_a_stop_between_a_word_and_a_capitalised_word_splits() -> None:
    assert tokens("the council voted.Turning to trade") == [
        "the", "council", "voted", ".", "Turning", "to", "trade"]
    assert tokens("you know?Marta said") == ["you", "know", "?", "Marta", "said"]


@pytest.mark.parametrize("word", ["U.S.", "e.g.", "Example.news", "3.5", "J.K.", "X.Borland"])
def test_abbreviations_domains_decimals_and_initials_stay_whole(word: str) -> None:
    assert word in tokens(f"the {word} line")


def test_glued_sentences_become_two_and_spans_stay_exact() -> None:
    text = ("The port reopened on Monday, officials said.Shipping firms said the route was "
            "safe again.")
    doc = get_nlp()(text)
    assert len(list(doc.sents)) == 2
    extract(text, published="2024-05-10").verify()


def test_a_closing_quote_glued_to_the_next_sentence_splits() -> None:
    assert tokens('where we go?"She adds') == ["where", "we", "go", "?", '"', "She", "adds"]
    assert tokens("too late,”Lena said") == ["too", "late", ",", "”", "Lena", "said"]


def test_a_quote_glued_to_its_reporting_sentence_keeps_the_speaker() -> None:
    text = ('Mira Olsen runs the shelter. "Where will the families sleep tonight?"She adds that '
            'her agency is sending blankets to the camp.')
    rec = extract(text, published="2024-05-10")
    rec.verify()
    adds = [q for q in rec.quotes if q.cue is not None and q.cue.text == "adds"]
    assert adds and adds[0].speaker.name == "Mira Olsen"
