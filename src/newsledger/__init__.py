"""newsledger: who said what, which figures, which sources, and when, from war and diplomacy news.

Public API::

    from newsledger import extract, extract_many, Record, Ledger
    rec = extract(text, published="2024-05-10")

Importing the package is cheap: the pipeline (spaCy and the extractors) loads on the first use of
:func:`extract` or :func:`extract_many`, the ledger on the first use of :class:`Ledger`.
"""

from __future__ import annotations as _annotations

import typing as _typing

from .errors import (InputError, LexiconError, NewsledgerError, PipelineError, RecordError,
                     SourceError, StoreError)
from .record import (Block, Check, Entity, ErrorEntry, Figure, Quote, Record, Source, Span, Speaker,
                     TimeExpr)

if _typing.TYPE_CHECKING:  # pragma: no cover - for type checkers only; loaded lazily below
    from .ledger import Ledger
    from .pipeline import extract, extract_many

__version__ = "0.1.0"

# Names loaded on first use (PEP 562), so that `newsledger --help` and `import newsledger` do not
# pay for spaCy.
_LAZY = {"extract": "pipeline", "extract_many": "pipeline", "Ledger": "ledger"}


def __getattr__(name: str) -> _typing.Any:
    if name in _LAZY:
        from importlib import import_module

        module = import_module(f".{_LAZY[name]}", __name__)
        # Importing the pipeline imports the ``newsledger.extract`` package, which Python then
        # sets as this package's ``extract``: put the functions back in its place.
        for other, where in _LAZY.items():
            if where == _LAZY[name]:
                globals()[other] = getattr(module, other)
        return globals()[name]
    raise AttributeError(f"module 'newsledger' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_LAZY))


__all__ = [
    "Block", "Check", "Entity", "ErrorEntry", "Figure", "InputError", "Ledger", "LexiconError",
    "NewsledgerError",
    "PipelineError", "Quote", "Record", "RecordError", "Source", "SourceError", "Span", "Speaker", "StoreError",
    "TimeExpr", "__version__", "extract", "extract_many",
]
