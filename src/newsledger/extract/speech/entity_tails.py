"""A person's name at the end of an organisation the tagger ran together with it.

"Israel's ambassador to the United Nations Gilad Erdan has reacted …": the name tagger reads
"the United Nations Gilad Erdan" as one organisation, so the ambassador has no name and a later
"he said" finds nobody. The parser still hangs the name on the role noun ("ambassador" ←appos
"Erdan"), with its given name as a compound. Such an entity is two: the organisation (the role's
complement) and the person (the role's holder), who is then a subject like any other.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...actors import alias_table, clean
from .roles import PERSON_ROLES, title_words

# A person's name is at most this many words ("Gilad Erdan", "Maria Luisa de Souza").
_MAX_NAME_WORDS = 4


def person_tail(ent: SpacySpan) -> SpacySpan | None:
    """The PERSON span that ends ``ent`` (an ORG, GPE or NORP entity), or None. Only after a
    person's role, with the name in one of two parses: in apposition to the role, its given
    name a compound ("ambassador" ←appos "Erdan"); or as the role's complement, when the words
    before the last two are an organisation the alias table knows ("ambassador to [the United
    Nations] Halvard Brekke"). The name words are capitalised proper nouns."""
    if ent.label_ not in ("ORG", "GPE", "NORP", "FAC", "LOC"):
        return None
    root = ent.root
    head = root.head
    if root.i != ent.end - 1 or head.i >= ent.start:
        return None
    doc = ent.doc
    if root.dep_ == "appos" and _role(head):
        first = root.i
        while first - 1 > ent.start and doc[first - 1].dep_ in ("compound", "flat") and \
                doc[first - 1].head.i == root.i and doc[first - 1].pos_ == "PROPN":
            first -= 1
    elif root.dep_ == "pobj" and head.dep_ == "prep" and _role(head.head):
        first = ent.end - 2
        if clean(doc[ent.start:first].text).lower() not in alias_table():
            return None  # ("the Arab League Council": no known body before the last words)
    else:
        return None
    words = doc[first:ent.end]
    if not 2 <= len(words) <= _MAX_NAME_WORDS or first <= ent.start or not all(
            w.pos_ == "PROPN" and w.text[:1].isupper() and w.text[1:2].islower() for w in words):
        return None  # ("the UN Secretary-General": no name words, or all of it)
    return SpacySpan(doc, first, ent.end, label="PERSON")


def role_of(person: SpacySpan) -> Token | None:
    """The role noun a person's name completes ("ambassador to the UN Halvard Brekke"), if any:
    when that role is a subject, so is its holder."""
    root = person.root
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and _role(root.head.head):
        return root.head.head
    if root.dep_ == "appos" and _role(root.head):
        return root.head
    return None


def _role(tok: Token) -> bool:
    return tok.lower_ in PERSON_ROLES or tok.lower_ in title_words()


def split_entities(doc: Doc) -> list[SpacySpan]:
    """``doc.ents`` with each organisation that ends in a person's name split in two."""
    out: list[SpacySpan] = []
    for ent in doc.ents:
        tail = person_tail(ent)
        if tail is None:
            out.append(ent)
            continue
        out.append(SpacySpan(doc, ent.start, tail.start, label=ent.label_))
        out.append(tail)
    return out
