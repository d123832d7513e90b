"""Sentences glued by scraping: "… a report claims.Supplying energy …" is two sentences.

Scrapers that drop the space after a full stop leave "claims.Supplying", which spaCy's tokenizer
keeps as one token, so the parser sees no sentence end and the name tagger no capitalised word.
An infix rule splits a full stop (or ? or !) between a lower-case word of two or more letters and
a capitalised word, also with a closing quote mark between ('bringing into?"He adds'). It leaves alone "U.S." and initials (capitals before), "e.g." and domains such
as "Modernity.news" (lower case after), decimals (digits) and "X.Palestinians" (one letter before).
Splitting only adds token boundaries inside the text, so every span still matches its offsets.
"""

from __future__ import annotations

from spacy.language import Language
import re

GLUED_STOP = r"(?<=[a-z][a-z])[.?!](?=[A-Z][a-z])"
# The same with a closing quote mark between: 'into?"He adds' is the end of a quote, its mark
# and the next sentence; the stop and the mark each become a token of their own.
GLUED_QUOTE = r"(?<=[a-z][a-z])[.?!,](?=[\"”][A-Z][a-z])|(?<=[a-z][.?!,])[\"”](?=[A-Z][a-z])"


def split_glued_sentences(nlp: Language) -> None:
    """Add the glued-sentence infix to ``nlp``'s tokenizer (in place)."""
    current = nlp.tokenizer.infix_finditer
    pattern = getattr(getattr(current, "__self__", None), "pattern", None)
    if pattern is not None and GLUED_STOP in pattern:
        return
    ours = f"{GLUED_STOP}|{GLUED_QUOTE}"
    joined = f"{pattern}|{ours}" if pattern else ours
    nlp.tokenizer.infix_finditer = re.compile(joined).finditer
