"""Time expressions (TIMEX3 DATE/TIME/DURATION/SET) resolved against the publication date."""

from __future__ import annotations

from spacy.tokens import Doc

from .base import State, component

VERSION = "newsledger.times.v1"


@component("times", VERSION, needs=("article",), sets=("times",))
def extract_times(doc: Doc, state: State) -> None:
    """Fill ``state.times``. (Filled in by the times work, issue 5.)"""
    state.times = []
