"""The loaded model (nlp/model.py): the fast path leaves out only components no extractor reads."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from newsledger.extract import COMPONENTS, DEFAULT_COMPONENTS, model_needs
from newsledger.nlp.model import load, unused_components
from newsledger.pipeline import get_nlp


def test_fast_mode_keeps_every_component_an_extractor_reads() -> None:
    """Each extractor group that reads lemmas has an extractor declaring it, so the fast path
    keeps the lemmatizer; a pipeline of extractors that need no lemma leaves it out."""
    # ``import newsledger.extract as m`` would give the public function of that name (the
    # package is callable); the spec finds the package's folder.
    spec = importlib.util.find_spec("newsledger.extract")
    assert spec is not None and spec.origin is not None
    root = Path(spec.origin).resolve().parent
    declared = {info.short: set(info.model) for info in COMPONENTS.values()}
    for group in ("actors", "speech", "figures", "time"):
        source = "\n".join(p.read_text("utf-8") for p in (root / group).glob("*.py"))
        if "lemma_" in source:
            owners = [s for s, info in COMPONENTS.items()
                      if info.func.__module__.startswith(f"newsledger.extract.{group}.")]
            assert any("lemma" in declared[s] for s in owners), group
    assert "lemmatizer" not in unused_components(model_needs(DEFAULT_COMPONENTS))
    assert "lemmatizer" in get_nlp(fast=True).pipe_names
    assert unused_components(["tags", "parse"]) == ("lemmatizer",)
    assert "lemmatizer" not in load(fast=True, needs=("tags", "parse")).pipe_names
