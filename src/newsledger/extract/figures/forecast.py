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

MODALS = lexicons.word_set("forecast_modals")
HEADS = lexicons.word_set("forecast_heads")
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


def forecast_cue(num: Token, verbs: list[Token]) -> Token | None:
    """The token that makes the figure of ``num`` a forecast, or None: a modal auxiliary of the
    verb that governs it ("thousands could die"), or a forecasting head it is the complement of
    ("expected to reach 50,000", "likely to rise to 40,000")."""
    starts = list(verbs) or [v for v in (_governing_verb(num),) if v is not None]
    for verb in starts:
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
