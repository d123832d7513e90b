"""The language model: loading spaCy once per process with only what is needed (``model.py``),
and the selective speed path that parses only the sentences that can matter (``selective.py``,
with exact array-based stand-ins for two spaCy components in ``fastpipes.py``). Knows no
extractor: callers say what they need."""

from .model import MODEL, NEEDS, fast_default, get_model, load, one_blas_thread

__all__ = ["MODEL", "NEEDS", "fast_default", "get_model", "load", "one_blas_thread"]
