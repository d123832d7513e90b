"""Shared pieces of attribution: the pending item, offset and pair indexes, headline subjects.

Used by ``quotes`` (direct and partial quotes) and ``reported`` (indirect speech, according-to,
headline forms); both read one spaCy Doc with character offsets into the article text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...record import Speaker
from ..document import Document
from .quotemarks import QuotePair
from . import furniture

# Layout blocks where headline grammar applies (dropped subjects, "US: …").
HEAD_BLOCKS = frozenset({"title", "dek"})


@dataclass
class Found:
    """A quote before its speaker is resolved (speakers resolve in document order)."""

    kind: str
    start: int
    end: int
    cue: Token | None = None
    cue_span: tuple[int, int] | None = None
    subject: Token | SpacySpan | None = None
    pair: QuotePair | None = None
    para: int = -1
    speaker: Speaker | None = None
    inherit: bool = False


class Index:
    """Character offset → token, in O(log n); sentence bounds from the article's Document (its
    sentences indexed once for every extractor) when given one, else from ``doc``."""

    def __init__(self, doc: Doc, document: Document | None = None):
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self._document = document if document is not None and document.doc is doc else None
        self._sents: list[int] | None = None

    def at(self, char: int) -> int:
        """Index of the token that contains or follows ``char``."""
        return bisect.bisect_right(self.starts, char) - 1

    def sent_start(self, char: int) -> int:
        """Start offset of the sentence containing ``char`` (sentences indexed once)."""
        if self._sents is None:
            self._sents = self._document.sentence_starts if self._document is not None else \
                [s.start_char for s in self.doc.sents]
        k = bisect.bisect_right(self._sents, char) - 1
        return self._sents[k] if k >= 0 else 0

    def sent_end(self, char: int) -> int:
        if self._sents is None:
            self.sent_start(char)
        assert self._sents is not None
        k = bisect.bisect_right(self._sents, char)
        return self._sents[k] if k < len(self._sents) else len(self.doc.text)

    def between(self, start: int, end: int) -> range:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return range(lo, hi)


def strip(text: str, start: int, end: int, chars: str = " \t\n\r\u00a0") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


class Pairs:
    """Disjoint quote pairs sorted by position, with O(log n) overlap queries."""

    def __init__(self, pairs: list[QuotePair]):
        self.pairs = sorted(pairs, key=lambda p: p.open)
        self.opens = [p.open for p in self.pairs]

    def overlapping(self, start: int, end: int) -> list[QuotePair]:
        lo = max(0, bisect.bisect_right(self.opens, start) - 1)
        hi = bisect.bisect_left(self.opens, end + 1)
        return [p for p in self.pairs[lo:hi] if p.open <= end and start <= p.close]

    def inside(self, pos: int) -> bool:
        return bool(self.overlapping(pos, pos))


def own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)


def headline_subject(doc: Doc, para: tuple[int, int, str], verb: Token) -> Token | None:
    """Headlines drop the subject of "says": "Hamas rethinking strategy, says …" → Hamas."""
    first = max(0, verb.i - 40)
    # Not in a live page's prefix ("Russia-Ukraine war live: …"): it names no speaker.
    floor = furniture.trim(doc.text, para[0], para[1], head=True)[0] if para[1] > para[0] \
        else para[0]
    for t in doc[first:verb.i]:
        if t.pos_ == "PROPN" and floor <= t.idx < para[1]:
            head = t
            while head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.i < verb.i:
                head = head.head
            return head
    return None


