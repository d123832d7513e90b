"""Institutions named by their kind: "the military said", "an army statement", "the force says".

A lower-case description of a body stands for the institution the article names near it, the way
"the mayor" stands for the mayor the article names: "the military" after "the IDF", "the force"
after "the Hanover Police Department". Kinds have synonyms (an army is a military; a police force
is "the force"), and the alias table knows the forms of well-known bodies ("Israeli army" →
Israel Defense Forces), so a candidate fits when a word of the description's kind is among its
written words or the words of its canonical name's aliases. A qualifier in the description
("Israel's army", "the UN aid agency") must agree with the candidate. When nothing nearby fits,
the description names nobody: wrong is worse than missing.

Candidates are indexed once per article; each look-up scans a bounded number of them on either
side, so resolving many descriptions stays linear in the article.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...actors import alias_table, bare_word, canonical_actor, clean

# Words of one kind of body: a description by any of them may stand for a body named by another.
_MILITARY = frozenset({"military", "army", "forces", "idf", "defense", "defence", "armed"})
_POLICE = frozenset({"police", "constabulary", "force"})
KINDS: dict[str, frozenset[str]] = {
    "military": _MILITARY, "army": _MILITARY, "forces": _MILITARY,
    "police": _POLICE, "constabulary": _POLICE,
    # "the force said" is a police force in most news, an armed force in some.
    "force": _POLICE | _MILITARY,
}
# Heads that a body's own name may carry ("the ministry" → "Ministry of Health").
_HEADS = frozenset({"military", "army", "forces", "force", "police", "constabulary", "agency",
                    "ministry", "department", "office", "council", "court", "committee",
                    "commission", "government", "authority", "authorities", "service",
                    "navy", "guard", "command", "company", "alliance", "organisation",
                    "organization", "administration", "cabinet"})
# Nouns after a state or people that make one body of it: "Ukraine's military", "Hanover police".
_BODY_AFTER_PLACE = frozenset({"military", "army", "forces", "police", "navy", "government",
                               "authorities", "ministry", "cabinet"})
# How far a description looks for the body it stands for (characters): back, then ahead.
BACK = 1500
AHEAD = 600
# Candidates looked at on each side per look-up (bounds the cost on long articles).
_SCAN = 40


@dataclass(frozen=True)
class Body:
    """One naming of an institution in the article: where, its name, and the words that fit."""

    pos: int
    name: str
    words: frozenset[str]


@lru_cache(maxsize=1)
def _alias_words() -> dict[str, frozenset[str]]:
    """Canonical name → every word of its aliases (lower case, possessives and prefixes off)."""
    out: dict[str, set[str]] = {}
    for alias, canon in alias_table().items():
        out.setdefault(canon, set()).update(_words(alias))
    return {k: frozenset(v) for k, v in out.items()}


def _words(text: str) -> set[str]:
    return {bare_word(w.strip(".,;:")) for w in text.lower().replace("’", "'").split()}


def kind_words(head: str) -> frozenset[str]:
    """The words a body named by ``head`` may carry in its own name (``head`` itself at least)."""
    return KINDS.get(head, frozenset({head}))


def agrees(qualifier: str, words: frozenset[str]) -> bool:
    """Whether a qualifier ("Israeli", "Israel's", "UN") names the same owner as one of
    ``words``: equal, or one a demonym of the other ("israeli" ~ "israel")."""
    q = bare_word(qualifier.lower().replace("’", "'")).strip(".")
    if q in words:
        return True
    stem = q[:5]
    return len(stem) >= 4 and any(w.startswith(stem) for w in words if len(w) >= 4)


class Institutions:
    """The institutions an article names, by position (see the module docstring)."""

    def __init__(self, doc: Doc, skip=None) -> None:
        bodies: list[Body] = []
        for ent in doc.ents:
            if skip is not None and skip(ent.start_char, ent.end_char):
                continue
            if ent.label_ == "ORG":
                body = self._body(ent.start_char, clean(ent.text.rsplit("\n", 1)[-1]))
                if body is not None:
                    bodies.append(body)
            elif ent.label_ in ("NORP", "GPE") and ent.end < len(doc):
                # "the Israeli army's strategy", "Israel's military", "Hanover police".
                j = ent.end + (1 if doc[ent.end].text in ("'s", "’s") else 0)
                if j < len(doc) and doc[j].lower_ in _BODY_AFTER_PLACE:
                    phrase = doc[ent.start:j + 1].text  # not doc.text: it joins the whole doc
                    body = self._body(ent.start_char, clean(phrase))
                    if body is not None:
                        bodies.append(body)
        bodies.sort(key=lambda b: b.pos)
        self._bodies = bodies
        self._pos = [b.pos for b in bodies]
        # Candidates looked at (the cost test counts them).
        self.steps = 0

    @staticmethod
    def _body(pos: int, written: str) -> Body | None:
        if not written:
            return None
        canon = canonical_actor(written) or written
        words = _words(written) | _words(canon) | _alias_words().get(canon, frozenset())
        if not words & (_HEADS | _MILITARY | _POLICE):
            return None  # "Hamas", "Reuters": a body, but not one a kind description names
        return Body(pos, canon if canon in _alias_words() else written, frozenset(words))

    def find(self, pos: int, head: str, qualifiers: list[str] | tuple[str, ...] = ()) -> str | None:
        """The body a description with head noun ``head`` (and proper ``qualifiers``) at ``pos``
        stands for: the nearest fitting one named before it, else just after it; None if none."""
        want = kind_words(head)

        def fits(b: Body) -> bool:
            return bool(want & b.words) and all(agrees(q, b.words) for q in qualifiers)

        i = bisect.bisect_left(self._pos, pos)
        for b in reversed(self._bodies[max(0, i - _SCAN):i]):
            self.steps += 1
            if pos - b.pos > BACK:
                break
            if fits(b):
                return b.name
        for b in self._bodies[i:i + _SCAN]:
            self.steps += 1
            if b.pos - pos > AHEAD:
                break
            if b.pos > pos and fits(b):
                return b.name
        return None


def description_parts(span: SpacySpan) -> tuple[str, list[str]] | None:
    """(head, proper qualifiers) of a lower-case description of a body ("the military", "an army
    statement" → army, "Israel's army" → army, ["Israel's"]), or None when ``span`` is no such
    description (a person, a name)."""
    words = [t for t in span if t.pos_ not in ("DET", "PUNCT") and t.text not in ("'s", "’s")]
    heads = [t for t in words if t.lower_ in _HEADS]
    if not heads:
        return None
    head = heads[-1]
    qualifiers = [t.text for t in words if t.i != head.i and (
        t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG"))]
    return head.lower_, qualifiers
