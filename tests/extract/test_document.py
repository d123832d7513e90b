"""The per-article Document (extract/document.py): paragraphs, sentences and the skip rule, computed
once, agree with the rules the extractors applied themselves before."""

from __future__ import annotations

import bisect
import random

import pytest
import spacy

from newsledger.errors import PipelineError
from newsledger.extract.document import Document, RangeIndex
from newsledger.extract.registry import State
from newsledger.ingest.article import Article
from newsledger.record import Block


def _article(parts: list[tuple[str, str, int | None]]) -> Article:
    """An article whose blocks are ``parts`` (kind, text, duplicate_of), one per line."""
    text, blocks, pos = "", [], 0
    for kind, s, dup in parts:
        blocks.append(Block(kind, pos, pos + len(s), dup))
        text += s + "\n"
        pos += len(s) + 1
    return Article(id="t", text=text, blocks=blocks)


ARTICLE = _article([
    ("title", "Talks end in Cairo", None),
    ("byline", "By Jane Roe, Reuters", None),
    ("body", "Officials said 12 tanks were destroyed. Talks ended on Monday.", None),
    ("caption", "A tank near the border, photographed on Monday", None),
    ("credit", "Photo: AP", None),
    ("body", "\u201cWe will not stop,\u201d he said.", None),
    ("caption", "A tank near the border, photographed on Monday", 3),
    ("boilerplate", "Sign up for our newsletter", None),
])
ALL_BOILERPLATE = _article([("boilerplate", "Cookie settings", None),
                            ("boilerplate", "Share this story", None)])
EMPTY = Article(id="e", text="")
NO_BLOCKS = Article(id="n", text="First line.\n\n   \nSecond line here.\n")


def _old_paragraphs(art: Article) -> list[tuple[int, int, str]]:
    """The quotes extractor's own rule before the Document."""
    if art.blocks:
        return [(b.start, b.end, b.kind) for b in art.blocks
                if b.kind not in ("boilerplate", "byline", "credit") and b.duplicate_of is None]
    out, pos = [], 0
    for line in art.text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line), "body"))
        pos += len(line) + 1
    return out


def _old_figure_skip(art: Article, start: int, end: int) -> bool:
    """The figures extractor's own rule before the Document."""
    skip = [(b.start, b.end) for b in art.blocks if b.kind in ("byline", "credit", "boilerplate")]
    return art.is_skipped(start, end) or any(s < end and start < e for s, e in skip)


def test_paragraphs_are_the_running_text_blocks_exactly() -> None:
    d = Document(ARTICLE)
    t = ARTICLE.text
    assert [(t[s:e], k) for s, e, k in d.paragraphs] == [
        ("Talks end in Cairo", "title"),
        ("Officials said 12 tanks were destroyed. Talks ended on Monday.", "body"),
        ("A tank near the border, photographed on Monday", "caption"),
        ("\u201cWe will not stop,\u201d he said.", "body")]
    assert list(d.paragraphs) == _old_paragraphs(ARTICLE)
    assert d.paragraph_starts == [s for s, _, _ in d.paragraphs]
    assert [b.kind for b in d.kept_blocks] == ["title", "byline", "body", "caption", "credit",
                                                "body"]


def test_paragraphs_of_a_text_without_blocks_are_its_non_blank_lines() -> None:
    d = Document(NO_BLOCKS)
    assert list(d.paragraphs) == [(0, 11, "body"), (17, 34, "body")] == _old_paragraphs(NO_BLOCKS)
    assert [NO_BLOCKS.text[s:e] for s, e, _ in d.paragraphs] == ["First line.", "Second line here."]


@pytest.mark.parametrize("art", [ARTICLE, ALL_BOILERPLATE, EMPTY, NO_BLOCKS])
def test_skip_rules_agree_with_the_linear_ones_everywhere(art: Article) -> None:
    d = Document(art)
    n = len(art.text)
    for start in range(-1, n + 2):
        assert d.is_skipped(start) == art.is_skipped(start), start
        for end in range(start - 1, n + 3):
            assert d.is_skipped(start, end) == art.is_skipped(start, end), (start, end)
            assert d.is_unread(start, end) == _old_figure_skip(art, start, end), (start, end)


def test_paragraph_at_is_the_block_holding_the_offset() -> None:
    d = Document(ARTICLE)
    for pos in range(-1, len(ARTICLE.text) + 1):
        want = next((p for p in _old_paragraphs(ARTICLE) if p[0] <= pos < p[1]), None)
        assert d.paragraph_at(pos) == want, pos


def test_empty_and_all_boilerplate_articles() -> None:
    e = Document(EMPTY)
    assert e.paragraphs == () and not e.skipped and not e.is_skipped(0) and not e.is_unread(0, 5)
    b = Document(ALL_BOILERPLATE)
    assert b.paragraphs == () and b.kept_blocks == ()
    assert b.skipped.ranges == ((0, 15), (16, 32))
    assert [i for i in range(len(ALL_BOILERPLATE.text)) if not b.is_skipped(i)] == [15, 32]
    assert b.is_skipped(10, 20) and b.is_unread(0, 33)  # the line breaks are in no block


def test_range_index_matches_the_linear_test_for_any_ranges() -> None:
    rng = random.Random(7)
    for _ in range(200):
        ranges = [(a, a + rng.randint(0, 12)) for a in (rng.randint(0, 40)
                                                        for _ in range(rng.randint(0, 6)))]
        idx = RangeIndex(ranges)
        assert bool(idx) == bool(ranges) and len(idx) == len(ranges)
        for start in range(-2, 55):
            for end in (None, start - 1, start, start + 1, start + 3, start + 20):
                e = start + 1 if end is None else end
                want = any(s < e and start < x for s, x in ranges)  # nested and empty ones too
                assert idx.overlaps(start, end) == want, (ranges, start, end)


def _old_sentence_of(sents: list[tuple[int, int]], pos: int) -> tuple[int, int]:
    """The figures extractor's own rule before the Document."""
    k = bisect.bisect_right(sents, (pos, len(sents) and 1 << 62)) - 1
    if 0 <= k < len(sents) and sents[k][0] <= pos < sents[k][1]:
        return sents[k]
    return pos, pos + 1


def _nlp() -> spacy.language.Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def test_sentences_are_the_docs_and_sentence_of_finds_them() -> None:
    nlp = _nlp()
    doc = nlp(ARTICLE.text)
    d = Document(ARTICLE, doc)
    assert d.sentences == tuple((s.start_char, s.end_char) for s in doc.sents)
    t = ARTICLE.text
    second = t.index("Talks ended")
    assert d.sentence_of(second + 5) == (second, second + len("Talks ended on Monday."))
    assert d.sentence_of(second - 1) is None  # the space between two sentences
    for pos in range(-1, len(t) + 2):
        got = d.sentence_of(pos)
        assert (got or (pos, pos + 1)) == _old_sentence_of(list(d.sentences), pos), pos
        assert got is None or got[0] <= pos < got[1]
    assert d.sentence_starts == [s.start_char for s in doc.sents]


def test_sentences_of_an_empty_doc() -> None:
    d = Document(EMPTY, _nlp()(""))
    assert d.sentences == () and d.sentence_of(0) is None


def test_state_document_is_always_there_and_bind_keeps_what_it_computed() -> None:
    st = State(ARTICLE)
    paras = st.document.paragraphs
    with pytest.raises(PipelineError, match="no Doc"):
        st.document.sentences  # noqa: B018 - the property raises
    doc = _nlp()(ARTICLE.text)
    d = st.bind(doc)
    assert d is st.document and d.doc is doc and d.paragraphs is paras
    assert st.bind(doc) is d  # binding the same Doc again changes nothing
    assert d.sentences
