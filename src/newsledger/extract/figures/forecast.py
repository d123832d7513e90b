"""Forecasts: a figure in a modal or hypothetical clause ("thousands could die", "the toll may
reach 40,000", "is expected to exceed 50,000") says what might happen, not what has. Such a
figure keeps its value, and the word that makes it a forecast ("could", "expected") is added to
its ``hedges``, so that the ledger keeps it out of the series of what happened (it has a series
of its own, see ``newsledger.ledger.series``).

The modal words are data (``words.json``: ``forecast_modals`` are auxiliaries, ``forecast_heads``
the lemmas of verbs and adjectives that govern a forecast: "expected to", "likely to").
"""

from __future__ import annotations

from spacy.tokens import Token

from ... import lexicons
from .counting import classify

MODALS = lexicons.word_set("forecast_modals")
HEADS = lexicons.word_set("forecast_heads")
# Verbs that move a tally: "the toll may reach 40,000", "is likely to rise to 40,000".
_TALLY_VERBS = frozenset({"reach", "rise", "climb", "exceed", "surpass", "top", "hit", "pass",
                          "double", "increase", "grow", "soar", "surge", "near"})
# How far up from the counted phrase's verb to look: "could die", "is expected to reach",
# "are likely to have died". Past a speech verb ("warned that …") the clause is another's.
_CLIMB = 3


def _governing_verb(num: Token) -> Token | None:
    """The first verb or auxiliary above the numeral (a few steps up)."""
    cur = num
    for _ in range(4):
        if cur.head.i == cur.i:
            return cur if cur.pos_ in ("VERB", "AUX") else None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def _tells_the_count(verb: Token, noun: Token | None) -> bool:
    """Does ``verb`` say what happens to the count: a tally verb ("reach"), a metric verb
    ("die", "killed"), or one that changes what the noun counts ("hostages" + "freed")?"""
    if verb.lemma_.lower() in _TALLY_VERBS or classify([verb]) != "other":
        return True
    return noun is not None and classify([verb, noun]) != classify([noun])


def forecast_cue(num: Token, verbs: list[Token], noun: Token | None = None) -> Token | None:
    """The token that makes the figure of ``num`` a forecast, or None: a modal auxiliary of the
    verb that tells what happens to the count ("thousands could die", "40 hostages would be
    freed", "the toll may reach 40,000"), or a forecasting head that verb is the complement of
    ("expected to reach 50,000", "likely to rise to 40,000")."""
    starts = list(verbs) or [v for v in (_governing_verb(num),) if v is not None]
    for verb in starts:
        if not _tells_the_count(verb, noun):
            # "an offensive would be a disaster for 1 million displaced people": the modal
            # is about something else; the count itself is not in doubt.
            continue
        cur = verb
        for _ in range(_CLIMB):
            for a in cur.children:
                if a.dep_ in ("aux", "auxpass") and a.lower_ in MODALS:
                    return a
            if cur.i != verb.i and cur.lemma_.lower() in HEADS:
                return cur
            if cur.dep_ in ("xcomp", "conj", "acomp") and cur.head.i != cur.i:
                cur = cur.head  # "expected to reach": reach is expected's complement
                continue
            break
    return None
