"""When a figure held, read from the sentence's grammar rather than from distance.

- A date attached to the figure's clause or to a clause that governs it dates the figure, however
  far it stands: "Three days ago - hours after the ceasefire ended - officials in Gaza said the
  toll had exceeded 15,200" held three days before publication, not on the publication day.
- "since its update yesterday", "since the ministry's last count on Sunday": a date inside a
  'since' phrase opens the counted period; it is never the day the figure held.
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Doc, Token

from ...record import TimeExpr
from .counting import tokens_in

# 'since' and at most four words before the date: "since yesterday", "since its update
# yesterday", "since the last update on Sunday".
_SINCE = re.compile(r"\bsince[ \t]+(?:[\w'’-]+[ \t]+){0,4}$", re.IGNORECASE)
# How a clause hangs on the clause that governs it: "officials said [the toll had exceeded X]".
_GOVERNED = frozenset({"ccomp", "xcomp", "conj", "advcl", "parataxis"})
# How a date hangs on a verb: "Three days ago" (advmod), "Monday" (npadvmod), "on Friday" (prep).
_TIME_DEPS = frozenset({"npadvmod", "advmod", "tmod"})
_TIME_PREPS = frozenset({"on", "in", "at", "by"})


def opens_period(text: str, start: int) -> bool:
    """Does the time expression starting at ``start`` sit in a 'since X' phrase?"""
    return bool(_SINCE.search(text[max(0, start - 48):start]))


def attached_verb(t: TimeExpr, doc) -> Token | None:  # type: ignore[no-untyped-def]
    """The verb a time expression modifies ("said" for "Three days ago … said"), else None."""
    toks = tokens_in(doc, t.span.start, t.span.end)
    ids = {x.i for x in toks}
    roots = [x for x in toks if x.head.i not in ids]
    if len(roots) != 1:
        return None
    r = roots[0]
    head = r.head
    if r.dep_ == "pobj" and head.dep_ == "prep" and head.lower_ in _TIME_PREPS:
        head = head.head
    elif r.dep_ not in _TIME_DEPS:
        return None
    return head if head.pos_ in ("VERB", "AUX") else None


def clause_chain(verbs: Iterable[Token]) -> list[Token]:
    """The count's verb and the verbs of the clauses governing it, nearest first."""
    chain: list[Token] = []
    for v in verbs:
        while v not in chain:
            chain.append(v)
            if v.dep_ not in _GOVERNED or v.head is v:
                break
            v = v.head
        break  # the first verb is the count's own clause
    return chain


def governing_time(times: Iterable[tuple[TimeExpr, Token | None]], verbs: list[Token],
                   skip_own: bool = False, sentence_start: int | None = None
                   ) -> TimeExpr | None:
    """The dated time attached to the figure's clause or to a clause governing it (nearest
    clause first); ``times`` come with the verb each hangs on (:func:`attached_verb`). ``skip_own``: only a governing clause counts (a running total's own verb
    tells when its events happened, not when the total held). A time that opens the sentence
    (at ``sentence_start``) frames all of it: the parser may hang "Two days ago - after the talks
    broke down - officials said …" on the inner "broke", whose clause the main one governs."""
    if not verbs:
        return None
    doc = verbs[0].doc
    chain = clause_chain(verbs)
    best: tuple[int, TimeExpr] | None = None
    for t, head in times:
        if head is not None and head not in chain and sentence_start is not None \
                and not _between(doc, sentence_start, t.span.start).strip(" \t\n\"'“‘-–—"):
            for up in head.ancestors:
                if up in chain:
                    head = up
                    break
        if head is None or head not in chain:
            continue
        rank = chain.index(head)
        if skip_own and rank == 0:
            continue
        if best is None or rank < best[0]:
            best = (rank, t)
    return best[1] if best else None


def _between(doc: Doc, start: int, end: int) -> str:
    """``doc.text[start:end]`` (up to the whitespace before ``end``) without building the whole
    text: ``Doc.text`` joins every token, so reading it per figure made a long article quadratic."""
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return span.text if span is not None else ""


# Saying verbs: "says" tells when the claim was made, not the tense of what it claims.
_SAYING = frozenset({"say", "tell", "report", "announce", "add", "state", "claim"})


def told_in_present_above(verbs: list[Token]) -> bool:
    """Is a clause governing the count's own ("… have been killed since …, bringing the total to
    15,899") in the present or present perfect? Saying verbs do not count."""
    for v in clause_chain(verbs)[1:]:
        if v.lemma_.lower() in _SAYING:
            continue
        auxes = [a.lower_ for a in v.children if a.dep_ in ("aux", "auxpass")]
        if v.tag_ in ("VBZ", "VBP") or any(a in ("has", "have", "'ve", "’ve") for a in auxes):
            return True
    return False
