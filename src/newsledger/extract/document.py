"""Paragraphs, sentences and skipped text of one article, computed once for every extractor."""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from itertools import accumulate

from spacy.tokens import Doc

from ..errors import PipelineError
from ..ingest.article import Article, is_skip_block
from ..record import Block

# (start, end, block kind) of a paragraph; kind is "body" for a line of a text without blocks.
Paragraph = tuple[int, int, str]

# Blocks that are page furniture rather than running text, besides the skipped ones: quotes and
# figures do not read them (the sources extractor does: bylines and credits name agencies).
NOT_RUNNING_TEXT = ("byline", "credit")


def is_unread_block(b: Block) -> bool:
    """A block no extractor reads as running text: skipped (boilerplate, a repeat), a byline or a
    credit."""
    return is_skip_block(b) or b.kind in NOT_RUNNING_TEXT


class RangeIndex:
    """Character ranges with an O(log n) overlap test.

    It answers exactly as ``any(s < end and start < e for s, e in ranges)`` whatever the ranges
    (unsorted, nested, empty): sorted by start, the ranges with ``s < end`` are a prefix, and one of
    them reaches past ``start`` when the prefix's largest end does.
    """

    __slots__ = ("_reach", "_starts", "ranges")

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        self.ranges: tuple[tuple[int, int], ...] = tuple(sorted(ranges))
        self._starts = [s for s, _ in self.ranges]
        self._reach = list(accumulate((e for _, e in self.ranges), max))

    def __bool__(self) -> bool:
        return bool(self.ranges)

    def __len__(self) -> int:
        return len(self.ranges)

    def overlaps(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` (default: the one character at ``start``) overlaps a range."""
        end = start + 1 if end is None else end
        k = bisect.bisect_left(self._starts, end)  # ranges [0, k) start before ``end``
        return k > 0 and self._reach[k - 1] > start


@dataclass(frozen=True, eq=False)
class Document:
    """One article's shared primitives, each computed the first time it is asked for.

    - ``paragraphs``: (start, end, block kind) of every block read as running text (not skipped,
      not a byline or credit), or the text's non-blank lines when it has no blocks;
    - ``sentences``: the Doc's sentences as (start_char, end_char); ``sentence_of`` in O(log n);
    - ``is_skipped``: the skip rule (boilerplate, repeated captions: ``is_skip_block``), indexed,
      answering exactly as the linear ``Article.is_skipped``;
    - ``is_unread``: the same for every block that is not running text (skipped, byline, credit).

    Built from the article by the State; ``State.bind`` gives it the Doc its sentences come from.
    """

    article: Article
    doc: Doc | None = None  # where the sentences come from; the components bind it

    # What is computed from the article alone, kept when the Document is bound to a Doc.
    _ARTICLE_ONLY = ("kept_blocks", "paragraphs", "paragraph_starts", "skipped", "unread")

    def over(self, doc: Doc) -> Document:
        """This Document with ``doc`` for its sentences (itself when already over ``doc``)."""
        if doc is self.doc:
            return self
        new = Document(self.article, doc)
        for name in self._ARTICLE_ONLY:
            if name in self.__dict__:
                new.__dict__[name] = self.__dict__[name]
        return new

    @property
    def text(self) -> str:
        return self.article.text

    # -- blocks and paragraphs --------------------------------------------------------------

    @cached_property
    def kept_blocks(self) -> tuple[Block, ...]:
        """The article's blocks minus the skipped ones (bylines and credits kept), in order."""
        return tuple(b for b in self.article.blocks if not is_skip_block(b))

    @cached_property
    def paragraphs(self) -> tuple[Paragraph, ...]:
        """(start, end, block kind) of every block read as running text, in order; for a text
        without blocks, each non-blank line as a "body" paragraph."""
        if self.article.blocks:
            return tuple((b.start, b.end, b.kind) for b in self.article.blocks
                         if not is_unread_block(b))
        out = []
        pos = 0
        for line in self.text.split("\n"):
            if line.strip():
                out.append((pos, pos + len(line), "body"))
            pos += len(line) + 1
        return tuple(out)

    @cached_property
    def paragraph_starts(self) -> list[int]:
        return [p[0] for p in self.paragraphs]

    def paragraph_at(self, pos: int) -> Paragraph | None:
        """The paragraph holding offset ``pos``, or None (outside every paragraph)."""
        k = bisect.bisect_right(self.paragraph_starts, pos) - 1
        if k >= 0 and self.paragraphs[k][0] <= pos < self.paragraphs[k][1]:
            return self.paragraphs[k]
        return None

    # -- sentences --------------------------------------------------------------------------

    @cached_property
    def sentences(self) -> tuple[tuple[int, int], ...]:
        """(start_char, end_char) of every sentence of the Doc, in order."""
        if self.doc is None:
            raise PipelineError("This Document has no Doc: sentences come from the Doc the "
                                "extractors run over (State.bind(doc), which the components do).")
        return tuple((s.start_char, s.end_char) for s in self.doc.sents)

    @cached_property
    def sentence_starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence_of(self, pos: int) -> tuple[int, int] | None:
        """The sentence holding offset ``pos``, or None (between sentences, or no sentences)."""
        k = bisect.bisect_right(self.sentence_starts, pos) - 1
        if k >= 0 and self.sentences[k][0] <= pos < self.sentences[k][1]:
            return self.sentences[k]
        return None

    # -- the skip rule ----------------------------------------------------------------------

    @cached_property
    def skipped(self) -> RangeIndex:
        """Boilerplate and repeated captions (``Article.skip_ranges``): no extractor reads them."""
        return RangeIndex(self.article.skip_ranges())

    def is_skipped(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` overlaps boilerplate or a repeated caption; the same answer
        as ``Article.is_skipped`` in O(log n)."""
        return self.skipped.overlaps(start, end)

    @cached_property
    def unread(self) -> RangeIndex:
        """Every block that is not running text: skipped, bylines and credits."""
        return RangeIndex((b.start, b.end) for b in self.article.blocks if is_unread_block(b))

    def is_unread(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` overlaps a block that is not running text."""
        return self.unread.overlaps(start, end)
