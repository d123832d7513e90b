"""Phrases that name nobody: pronouns ("It", "They"), counts of people ("more than 150
countries", "two officials"), events, times and pictures ("the appalling attack", "yesterday",
"the map"). The speaker resolver never outputs these as a name (the lexicon of heads that cannot
speak is ``data/non_speakers.txt``)."""

from __future__ import annotations

from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from ... import lexicons

PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "his", "hers"})
GROUP_PRONOUNS = frozenset({"it", "its"})
PLURAL_PRONOUNS = frozenset({"they", "them", "their"})
# First and second person outside a quote point at the writer or the reader: unknowable here.
UNKNOWN_PRONOUNS = frozenset({"i", "me", "we", "us", "you", "one", "someone", "somebody",
                              "this", "that", "these", "those", "who", "which", "what"})
_PRONOUN_NAMES = PERSON_PRONOUNS | GROUP_PRONOUNS | PLURAL_PRONOUNS | UNKNOWN_PRONOUNS
_NAMED_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC"})
_COUNT_LABELS = frozenset({"CARDINAL", "QUANTITY", "PERCENT", "MONEY", "DATE", "TIME", "ORDINAL"})


@lru_cache(maxsize=1)
def _non_speakers() -> frozenset[str]:
    return lexicons.non_speakers()


def names_nobody(span: SpacySpan, ents: dict[int, SpacySpan]) -> bool:
    """A common-noun phrase that names nobody: its head cannot speak ("the map", "the appalling
    attack") or it is a count of speakers ("more than 150 countries", "two officials")."""
    root = span.root
    ent = ents.get(root.i)
    if ent is not None and ent.label_ in _NAMED_LABELS:
        return False
    if root.lemma_.lower() in _non_speakers() or root.lower_ in _non_speakers():
        return True
    if root.like_num or (ent is not None and ent.label_ in _COUNT_LABELS):
        return True  # "At least 70" (a bare count) is nobody's name
    if root.pos_ == "PROPN" or ent is not None:
        return False
    return any(t.like_num and t.head.i == root.i or t.dep_ == "quantmod" for t in span)


def pronoun(name: str | None) -> bool:
    """"It", "They", "this" as a resolved name (the "US" is a country, not "us")."""
    return name is not None and name.lower() in _PRONOUN_NAMES and not name.isupper()
