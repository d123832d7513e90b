"""Who said what: direct, partial and reported speech with cue and resolved speaker."""

from __future__ import annotations

from spacy.tokens import Doc

from .base import State, component

VERSION = "newsledger.quotes.v1"


@component("quotes", VERSION, needs=("article", "entities", "names", "times"),
           sets=("quotes", "speakers"))
def extract_quotes(doc: Doc, state: State) -> None:
    """Fill ``state.quotes`` and ``state.speakers``. (Filled in by the attribution work, issue 4.)"""
    state.quotes = []
