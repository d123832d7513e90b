"""newsledger: who said what, which figures, which sources, and when, from war and diplomacy news.

Public API::

    from newsledger import extract, extract_many, Record
    rec = extract(text, published="2024-05-10")
"""

from .errors import InputError, NewsledgerError, PipelineError, RecordError, StoreError
from .pipeline import extract, extract_many
from .record import (Block, Check, Entity, ErrorEntry, Figure, Quote, Record, Source, Span, Speaker,
                     TimeExpr)

__version__ = "0.1.0"

__all__ = [
    "Block", "Check", "Entity", "ErrorEntry", "Figure", "InputError", "NewsledgerError",
    "PipelineError", "Quote", "Record", "RecordError", "Source", "Span", "Speaker", "StoreError",
    "TimeExpr", "__version__", "extract", "extract_many",
]
