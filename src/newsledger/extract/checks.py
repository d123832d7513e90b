"""Arithmetic the article itself implies: parts that sum to a total, subsets, falling tolls."""

from __future__ import annotations

from spacy.tokens import Doc

from .base import State, component

VERSION = "newsledger.checks.v1"


@component("checks", VERSION, needs=("article", "figures"), sets=("checks",))
def extract_checks(doc: Doc, state: State) -> None:
    """Fill ``state.checks``. (Filled in by the figures work, issue 8.)"""
    state.checks = []
