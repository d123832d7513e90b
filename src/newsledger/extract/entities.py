"""Named entities from spaCy with a canonical in-article name ("Kirby" → "John Kirby")."""

from __future__ import annotations

from spacy.tokens import Doc

from ..record import Entity, Span
from .base import State, component
from .names import NameResolver, clean, strip_titles

VERSION = "newsledger.entities.v1"

# Numbers, dates and money are figures' and times' business, not entities'.
KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "PRODUCT",
                         "LAW", "WORK_OF_ART"})


@component("entities", VERSION, needs=("article",), sets=("entities", "names"))
def extract_entities(doc: Doc, state: State) -> None:
    text = state.text
    resolver = NameResolver()
    ents = [e for e in doc.ents if e.label_ in KEEP_LABELS
            and not state.article.is_skipped(e.start_char, e.end_char)]
    # First pass: every person's fullest form, wherever it appears ("Kirby" may come first).
    for e in ents:
        if e.label_ == "PERSON" and len(e.text.split()) > 1:
            resolver.add_person(e.text)
    out = []
    for e in ents:
        start, end = e.start_char, e.end_char
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
