"""Quotation-mark pairing: which marks open and close which quotes, in one linear pass.

Pairs are type-aware (“…” and „…“ and "…" are double, ‘…’ and '…' single, «…» and ‹…›
guillemets), nest to any depth, and may run over paragraphs by the news convention: a paragraph
that opens a quote without closing it continues when the next paragraph reopens one. U+2019 and
"'" inside or at the end of a word ("doesn’t", "mediators’") are apostrophes unless they close an
open single quote. A mark that finds no partner is dropped on its own; it never costs the rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

# Family of each mark: the closer must be of the same family as the opener.
_DOUBLE, _SINGLE, _GUILL = "double", "single", "guillemet"
_MARKS = re.compile("[\u201c\u201d\u201e\u201f\"\u2018\u2019\u201a\u201b'\u00ab\u00bb\u2039\u203a\u300c\u300d]")
_OPENERS = {"\u201c": _DOUBLE, "\u201e": _DOUBLE, "\u201f": _DOUBLE, "\u2018": _SINGLE,
            "\u201a": _SINGLE, "\u201b": _SINGLE, "\u00ab": _GUILL, "\u2039": _GUILL,
            "\u300c": _GUILL}
_CLOSERS = {"\u201d": _DOUBLE, "\u2019": _SINGLE, "\u00bb": _GUILL, "\u203a": _GUILL,
            "\u300d": _GUILL}
# Chars after which a straight quote reads as opening, and before which one reads as closing.
_OPEN_BEFORE = set(" \t\n\r([{<\u2014\u2013-/:;\u00a0")
_CLOSE_AFTER = set(" \t\n\r)]}>.,;:!?\u2014\u2013-/\u2026\u00a0")


@dataclass(frozen=True)
class QuotePair:
    """One quote: ``open``/``close`` are the mark offsets; content is ``text[open+1:close]``.

    ``pieces`` lists the (start, end) of each paragraph's part of a multi-paragraph quote.
    """

    open: int
    close: int
    family: str
    pieces: tuple[tuple[int, int], ...]

    @property
    def start(self) -> int:
        return self.open + 1

    @property
    def end(self) -> int:
        return self.close


@dataclass
class _Open:
    pos: int
    family: str
    first: int  # where the (possibly multi-paragraph) quote began
    pieces: list[tuple[int, int]]


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _role(text: str, i: int, ch: str, stack: list[_Open]) -> tuple[str, str] | None:
    """("open"|"close", family) for the mark at ``i``, or None when it is not a quote mark."""
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    open_families = {o.family for o in stack}
    if ch == "\u201c" and _DOUBLE in open_families and stack[-1].family == _DOUBLE \
            and stack[-1].pos != i and text[stack[-1].pos] == "\u201e":
        return "close", _DOUBLE  # German „…“
    if ch in _OPENERS:
        if ch in "\u2018\u201b" and _is_word(prev):
            return None  # a turned comma used as an apostrophe inside a word
        return "open", _OPENERS[ch]
    if ch in _CLOSERS:
        fam = _CLOSERS[ch]
        if fam == _SINGLE:
            # An apostrophe unless a single quote is open and this mark can end it.
            if _SINGLE not in open_families or (_is_word(prev) and _is_word(nxt)):
                return None
            if not prev.strip():
                return None
            return "close", fam
        if ch == "\u00bb" and _GUILL not in open_families and not _is_word(prev):
            return "open", _GUILL  # »…« (Danish/German style)
        return "close", fam
    if ch == "\u00ab" or ch == "\u00bb":
        return None
    if ch == '"':
        if _DOUBLE in open_families:
            # Close unless it plainly opens a nested quote (space before, word after).
            if prev.strip() or nxt in _CLOSE_AFTER or i + 1 >= len(text):
                return "close", _DOUBLE
            # Scraped text often spaces a closer off its sentence: 'security. "He's part of'.
            j = i - 1
            while j > 0 and text[j] in " \t\u00a0":
                j -= 1
            if j >= 0 and text[j] in ".,!?;:\u2026":
                return "close", _DOUBLE
            return "open", _DOUBLE
        if nxt.strip():
            return "open", _DOUBLE
        return None
    if ch == "'":
        if _SINGLE in open_families and prev.strip() and not (_is_word(prev) and _is_word(nxt)) \
                and not (prev in "sS" and nxt == " " and _later_single_closer(text, i)):
            return "close", _SINGLE
        if (prev in _OPEN_BEFORE or i == 0 or prev in "\u201c\"") and _is_word(nxt):
            return "open", _SINGLE
        return None
    return None


def _later_single_closer(text: str, i: int, window: int = 200) -> bool:
    """True when another single-quote closer follows soon in the same paragraph, so that a
    plural possessive ("the ministers' plan") is not taken as the end of the quote."""
    end = text.find("\n", i + 1)
    end = len(text) if end < 0 else min(end, i + window)
    j = i + 1
    while True:
        j = text.find("'", j, end)
        if j < 0:
            return False
        nxt = text[j + 1] if j + 1 < len(text) else " "
        if not _is_word(nxt):
            return True
        j += 1


def _ranges_or_lines(text: str, ranges: Iterable[tuple[int, int]] | None
                     ) -> list[tuple[int, int]]:
    """The given ranges sorted, else every non-empty line. Not Document.paragraphs (which the
    quotes extractor passes in): this module reads bare text, and a whitespace-only line is a
    paragraph here, as it always was for callers that give no ranges."""
    if ranges is not None:
        return sorted(ranges)
    out = []
    start = 0
    for m in re.finditer(r"\n", text):
        if m.start() > start:
            out.append((start, m.start()))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


def pair_quotes(text: str, paragraphs: Iterable[tuple[int, int]] | None = None,
                max_paragraphs: int = 12) -> list[QuotePair]:
    """All top-level and nested quote pairs in ``text``, sorted by opening offset.

    ``paragraphs`` are (start, end) ranges to read (default: the text's lines); text outside them
    is ignored. A quote may continue into the next paragraph only when that paragraph starts with
    an opening mark of the same family, for at most ``max_paragraphs`` paragraphs.
    Linear in the length of the text (each mark is pushed and popped at most once).
    """
    pairs: list[QuotePair] = []
    carry: _Open | None = None  # an unclosed outer quote waiting for the next paragraph
    carried = 0
    for pstart, pend in _ranges_or_lines(text, paragraphs):
        stack: list[_Open] = []
        first_mark = True
        lead = pstart
        while lead < pend and text[lead] in " \t\r\u00a0":
            lead += 1
        for m in _MARKS.finditer(text, pstart, pend):
            i = m.start()
            ch = text[i]
            role = _role(text, i, ch, stack)
            if role is None:
                first_mark = False
                continue
            kind, fam = role
            if kind == "open":
                if first_mark and i == lead and carry is not None and carry.family == fam:
                    # The next paragraph of a multi-paragraph quote.
                    carry.pieces.append((i + 1, i + 1))
                    stack.append(carry)
                    carry = None
                else:
                    stack.append(_Open(i, fam, i, [(i + 1, i + 1)]))
            else:
                # Close the innermost open quote of this family; openers above it were unmatched.
                k = len(stack) - 1
                while k >= 0 and stack[k].family != fam:
                    k -= 1
                if k >= 0:
                    o = stack[k]
                    del stack[k:]
                    pieces = o.pieces[:-1] + [(o.pieces[-1][0], i)]
                    pairs.append(QuotePair(o.first, i, fam, tuple(pieces)))
            first_mark = False
        if carry is not None:
            carry = None  # the previous paragraph's open quote was not continued: drop it
        # An outer quote left open at the end of a paragraph may continue in the next one.
        if stack and carried < max_paragraphs:
            o = stack[0]
            o.pieces[-1] = (o.pieces[-1][0], pend)
            carry = o
            carried += 1
        else:
            carried = 0
        if not stack:
            carried = 0
    pairs.sort(key=lambda p: p.open)
    return pairs


def top_level(pairs: list[QuotePair]) -> list[QuotePair]:
    """Pairs not contained in another pair (nested quotes belong to the quote around them)."""
    out: list[QuotePair] = []
    reach = -1
    for p in pairs:  # sorted by open
        if p.open > reach:
            out.append(p)
            reach = p.close
    return out
