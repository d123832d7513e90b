"""Near-copy detection for the ledger: word shingles and a small MinHash signature per passage.

An ``echo`` is the same figure repeated from copied text. Copies are rarely exact (an outlet
trims a wire paragraph, adds a clause), so the ledger compares the *passage* around a figure (its
sentence) by the Jaccard similarity of word 4-gram shingles, estimated
with a 32-value MinHash signature that is stored beside the passage (128 bytes) so that no article
text has to be re-read to compare two points.
"""

from __future__ import annotations

import re
import zlib

import numpy as np

from ..record import Block

SHINGLE = 4          # words per shingle
PERMUTATIONS = 32    # signature length; 32 gives a Jaccard estimate within about ±0.09
NEAR_COPY = 0.5      # estimated Jaccard at or above which two passages are near-copies
WINDOW = 300         # characters either side of a figure when the text has no layout blocks

_PRIME = np.uint64(4294967311)  # smallest prime above 2**32
_rng = np.random.RandomState(20240510)  # fixed: signatures must be comparable across runs
_A = _rng.randint(1, 2**32 - 1, size=PERMUTATIONS, dtype=np.uint64)
_B = _rng.randint(0, 2**32 - 1, size=PERMUTATIONS, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def shingles(text: str, k: int = SHINGLE) -> set[str]:
    """Lower-cased word k-grams; a text shorter than k words is one shingle."""
    words = _WORD.findall(text.lower())
    if len(words) <= k:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + k]) for i in range(len(words) - k + 1)}


_WORD_HASH: dict[str, int] = {}  # word -> CRC32; words recur across passages
_MIX = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F], dtype=np.uint64)


def signature(text: str) -> bytes | None:
    """The MinHash signature of ``text``'s word 4-gram shingles, as bytes (None: no words).

    Shingles are hashed from per-word CRC32s mixed with fixed odd constants (vectorised), so
    signatures are stable across processes and runs."""
    words = _WORD.findall(text.lower())
    if not words:
        return None
    cache = _WORD_HASH
    if len(cache) > 500_000:
        cache.clear()
    for w in words:
        if w not in cache:
            cache[w] = zlib.crc32(w.encode("utf-8"))
    wh = np.array([cache[w] for w in words], dtype=np.uint64)
    k = min(SHINGLE, len(wh))
    n = len(wh) - k + 1
    h = np.zeros(n, dtype=np.uint64)
    for j in range(k):
        h = (h * np.uint64(31) + wh[j:j + n] * _MIX[j]) & np.uint64(0xFFFFFFFF)
    h = np.unique(h)
    # (a*h + b) mod p, both factors < 2**32 so the product fits in uint64.
    perm = (h[:, None] * _A[None, :] + _B[None, :]) % _PRIME
    return perm.min(axis=0).astype(np.uint32).tobytes()


def similarity(a: bytes | None, b: bytes | None) -> float:
    """Estimated Jaccard similarity of two signatures (0.0 when either is missing)."""
    if not a or not b or len(a) != len(b):
        return 0.0
    x = np.frombuffer(a, dtype=np.uint32)
    y = np.frombuffer(b, dtype=np.uint32)
    return float(np.count_nonzero(x == y)) / len(x)


def jaccard(a: str, b: str) -> float:
    """Exact Jaccard similarity of two texts' shingles (for tests and small checks)."""
    sa, sb = shingles(a), shingles(b)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


# A sentence starts after ". " + capital, after "word.Capital" (flattened paragraphs), or a line.
_SENT_START = re.compile(r"(?:[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])"
                         r"|[a-z]{2}[.!?](?=[A-Z][a-z])|\n)")
_SENT_END = re.compile(r"[.!?][\"”’')\]]*(?=\s|$)|\n")


def passage_bounds(text: str, blocks: list[Block], start: int, end: int) -> tuple[int, int]:
    """The passage a figure at ``[start, end)`` sits in: its sentence (within its layout block,
    at most ``WINDOW`` characters either side). Copied figures travel in copied sentences ("At
    least 34,971 people have been killed in Gaza, the health ministry says."), while the posts
    or articles around them differ, so the sentence is what is compared."""
    lo = max(0, start - WINDOW)
    hi = min(len(text), end + WINDOW)
    for b in blocks:
        if b.start <= start < b.end:
            lo, hi = max(lo, b.start), min(hi, max(b.end, end))
            break
    last = None
    for m in _SENT_START.finditer(text, lo, min(len(text), start + 2)):
        if m.end() <= start:  # the look-ahead may read the span's first letters
            last = m
    if last is not None:
        lo = last.end()
    m = _SENT_END.search(text, end, hi)
    if m is not None:
        hi = m.end() if text[m.start()] != "\n" else m.start()
    return lo, hi
