"""Hedges on figures: "a figure that cannot be independently verified", "It is believed that 128
hostages …", "reportedly". The lexicon (``data/hedges.txt``) says on which side of the phrase the
qualified figure sits; each hedge attaches to the nearest figure on that side in its sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from ... import lexicons

# A sentence without figures that hedges "these figures" qualifies the previous sentence's.
_BACK_REF = re.compile(r"\b(?:figures?|numbers?|tolls?|claims?|casualty|these|this|tally|data)\b",
                       re.IGNORECASE)


@lru_cache(maxsize=1)
def lexicon() -> tuple[tuple[re.Pattern[str], str, str | None], ...]:
    """(pattern, direction, needle) per phrase; the needle is the phrase's longest word in lower
    case, which a text must hold to match (None for a phrase with a non-ASCII letter)."""
    rows = []
    for phrase, direction in lexicons.hedges():
        words = [re.escape(w) for w in phrase.split()]
        pat = re.compile(r"\b" + r"[\s\u00a0]+".join(words) + r"\b", re.IGNORECASE)
        longest = max(phrase.split(), key=len).lower()
        rows.append((pat, direction, longest if longest.isascii() else None))
    # Longest phrase first so "could not be independently verified" wins over "unverified".
    rows.sort(key=lambda r: -len(r[0].pattern))
    return tuple(rows)


def find_hedges(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    """Hedge phrases in ``text[start:end]``: (start, end, direction), not overlapping."""
    found: list[tuple[int, int, str]] = []
    piece = text[start:end]
    # Most phrases are absent: a str.find for each one's longest word rules it out before its
    # regex runs (lexicons.lowered says when the lower case is a faithful stand-in).
    low = lexicons.lowered(piece)
    for pat, direction, needle in lexicon():
        if low and needle is not None and needle not in low:
            continue
        for m in pat.finditer(piece):
            s, e = start + m.start(), start + m.end()
            if any(s < fe and fs < e for fs, fe, _ in found):
                continue
            found.append((s, e, direction))
    return sorted(found)


def attach(hedge: tuple[int, int, str], figures: list[tuple[int, int]]) -> int | None:
    """Index into ``figures`` (spans in one sentence) of the figure the hedge qualifies."""
    s, e, direction = hedge
    before = [(s - fe, k) for k, (fs, fe) in enumerate(figures) if fe <= s]
    after = [(fs - e, k) for k, (fs, fe) in enumerate(figures) if fs >= e]
    inside = [k for k, (fs, fe) in enumerate(figures) if fs < e and s < fe]
    if inside:
        return inside[0]
    if direction == "before":
        return min(before)[1] if before else None
    if direction == "after":
        return min(after)[1] if after else None
    cands = before + after
    return min(cands)[1] if cands else None


def refers_back(sentence: str) -> bool:
    return bool(_BACK_REF.search(sentence))
