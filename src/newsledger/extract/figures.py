"""Figures as claims: value or range, what is counted, who claims it, hedges, as of when."""

from __future__ import annotations

from spacy.tokens import Doc

from .base import State, component

VERSION = "newsledger.figures.v1"


@component("figures", VERSION, needs=("article", "times", "quotes", "speakers"),
           sets=("figures",))
def extract_figures(doc: Doc, state: State) -> None:
    """Fill ``state.figures``. (Filled in by the figures work, issue 8.)"""
    state.figures = []
