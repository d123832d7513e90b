"""The language of an article's readable text (langdetect; its profiles ship in the package).

Only the body is read (boilerplate and repeated captions are left out) and only its first
:data:`PREFIX_CHARS` characters, so identification stays fast on long pages. The answer is
conservative: a text with too few letters, or one the detector is not confident about (a short
or mixed text, e.g. English quoting a sentence of Arabic), gives ``None``, which the pipeline
reads as English.
"""

from __future__ import annotations

import re
import threading

from langdetect import DetectorFactory
from langdetect.detector_factory import PROFILES_DIRECTORY
from langdetect.lang_detect_exception import LangDetectException

# How much of the readable text is read, how many letters it needs, and how sure the detector
# must be before a language is named.
PREFIX_CHARS = 5_000
MIN_LETTERS = 40
MIN_PROBABILITY = 0.9

# English prose is recognised without langdetect (whose pure-Python n-gram sampling cost about
# 7 ms per article, 10% of the whole extraction of a short post): a body of at least
# PLAIN_MIN_LETTERS letters, nearly all of them ASCII, where English function words make up at
# least PLAIN_MIN_SHARE of the words. News in English scores 0.25-0.55 (NPR, BBC and Ukraine
# samples, 1,200 articles, all "en" by langdetect too); French, Spanish, German or Italian prose
# shares a few short words ("a", "in") and scores under 0.1. Anything else goes to langdetect.
PLAIN_MIN_LETTERS = 200
PLAIN_MIN_SHARE = 0.25
_FUNCTION_WORDS = frozenset(
    "the of and to a in is that for on was with as at by it he she his her said from be are "
    "were has have had not this which but they their an will who been would or its after than "
    "more about we i you".split())
_ASCII_WORD = re.compile(r"[A-Za-z]+")
_LETTER = re.compile(r"[^\W\d_]")

_lock = threading.Lock()
_factory: DetectorFactory | None = None


def _detector_factory() -> DetectorFactory:
    """langdetect's profiles, loaded once per process; seeded so answers are deterministic."""
    global _factory
    with _lock:
        if _factory is None:
            DetectorFactory.seed = 0
            factory = DetectorFactory()
            factory.load_profile(PROFILES_DIRECTORY)
            factory.seed = 0
            _factory = factory
        return _factory


def load_profiles() -> None:
    """Load langdetect's profiles now (about 0.7 s), not when the first article needs them: a
    worker does it at start-up (``pipeline.warm_up``)."""
    _detector_factory()


def readable_text(text: str, skip: list[tuple[int, int]] | None = None,
                  limit: int = PREFIX_CHARS) -> str:
    """The first ``limit`` characters of ``text`` outside the ``skip`` ranges (boilerplate)."""
    if not skip:
        return text[:limit]
    parts, pos, size = [], 0, 0
    for s, e in sorted(skip):
        if s > pos:
            piece = text[pos:s]
            parts.append(piece)
            size += len(piece)
            if size >= limit:
                break
        pos = max(pos, e)
    else:
        parts.append(text[pos:])
    return "\n".join(parts)[:limit]


def plainly_english(body: str) -> bool:
    """Is ``body`` unmistakably English prose (see PLAIN_MIN_SHARE)? False means "ask langdetect",
    not "not English"."""
    words = _ASCII_WORD.findall(body)
    ascii_letters = sum(map(len, words))
    letters = ascii_letters if body.isascii() else len(_LETTER.findall(body))
    if letters < PLAIN_MIN_LETTERS or ascii_letters < 0.98 * letters:
        return False  # short, or quoting another script: langdetect weighs it
    common = sum(w.lower() in _FUNCTION_WORDS for w in words)
    return common >= PLAIN_MIN_SHARE * len(words)


def detect_language(text: str, skip: list[tuple[int, int]] | None = None) -> str | None:
    """The ISO 639-1 code of ``text``'s language ("en", "ru", "ar", "fr", …), or None when the
    readable text is too short (under :data:`MIN_LETTERS` letters) or the detector's best guess
    has a probability under :data:`MIN_PROBABILITY`. ``skip`` ranges (boilerplate) are not read."""
    body = readable_text(text, skip)
    if plainly_english(body):  # over 200 letters, so over MIN_LETTERS too
        return "en"
    if sum(ch.isalpha() for ch in body) < MIN_LETTERS:
        return None
    detector = _detector_factory().create()
    detector.append(body)
    try:
        best = detector.get_probabilities()
    except LangDetectException:
        return None
    if not best or best[0].prob < MIN_PROBABILITY:
        return None
    return best[0].lang.split("-")[0]  # "zh-cn" → "zh"


__all__ = ["MIN_LETTERS", "MIN_PROBABILITY", "PREFIX_CHARS", "detect_language", "load_profiles",
           "plainly_english", "readable_text"]
