"""Named entities from spaCy with a canonical in-article name ("Kirby" → "John Kirby")."""

from __future__ import annotations

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...record import Entity, Span
from ..registry import State, component
from ..speech.cues import is_cue
from ...actors import NameResolver, clean, strip_titles

VERSION = "newsledger.entities.v1"

# Numbers, dates and money are figures' and times' business, not entities'.
KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT",
                         "LAW", "WORK_OF_ART"})


def _person_tagged_org(doc: Doc, e: SpacySpan, where: dict[str, list[int]] | None = None
                       ) -> bool:
    """"Oleksyi Arestovych" tagged ORG: a two- or three-word capitalised name whose last word
    stands alone elsewhere as the subject of a speech verb ("Arestovych claimed") is a person;
    organisations are not cited by their last word ("Watch said"). ``where`` (token indices by
    text, :func:`_token_index`) spares a scan of the whole Doc per entity."""
    words = e.text.split()
    if e.label_ != "ORG" or not 2 <= len(words) <= 3 or not all(
            w[:1].isupper() and w[1:].islower() and w.isalpha() for w in words):
        return False
    last = words[-1]
    tokens = (doc[i] for i in where.get(last, ())) if where is not None else iter(doc)
    return any(t.text == last and t.dep_ in ("nsubj", "nsubjpass") and not e.start <= t.i < e.end
               and is_cue(t.head, "quote") for t in tokens)


def _token_index(doc: Doc) -> dict[str, list[int]]:
    """Token indices by token text, in Doc order."""
    where: dict[str, list[int]] = {}
    for i, word in enumerate(t.text for t in doc):
        where.setdefault(word, []).append(i)
    return where


@component("entities", VERSION, model=("entities", "tags", "lemma", "parse"),
           needs=("article", "document"), sets=("entities", "names"))
def extract_entities(doc: Doc, state: State) -> None:
    text = state.text
    resolver = NameResolver()
    ents = [e for e in doc.ents if e.label_ in KEEP_LABELS
            and not state.document.is_skipped(e.start_char, e.end_char)]
    # First pass: every person's fullest form, wherever it appears ("Kirby" may come first).
    where = _token_index(doc) if any(e.label_ == "ORG" for e in ents) else {}
    for e in ents:
        if e.label_ == "PERSON" and len(e.text.split()) > 1:
            resolver.add_person(e.text)
        elif _person_tagged_org(doc, e, where):
            resolver.add_person(e.text)
    out = []
    for e in ents:
        start, end = e.start_char, e.end_char
        # A name never runs over a line break ("said on X.\nPalestinians"): keep its last line.
        brk = text.rfind("\n", start, end)
        if brk >= 0:
            start = brk + 1
        # Trim a leading determiner and a trailing possessive from the span itself.
        while start < end and text[start:end].lower().startswith("the "):
            start += 4
        if text[start:end].endswith(("’s", "'s")):
            end -= 2
        if start >= end:
            continue
        surface = text[start:end]
        if e.label_ == "PERSON":
            name = resolver.person(surface) or surface
        else:
            name = strip_titles(clean(surface)) or surface
        out.append(Entity(Span.of(text, start, end), e.label_, name))
    state.entities = out
    state.names = resolver
