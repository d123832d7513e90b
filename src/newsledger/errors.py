"""One exception tree for newsledger; every message says what was expected, what was found, and what to do.

The library speaks its own terms: a message names a Python parameter as :func:`param` writes it
(``published=``); the command line shows the same message with its flag (``--published``, see
``newsledger.cli.app``).

    NewsledgerError
     ├── InputError         the input cannot be read: missing file, unknown format, bad date, bad batch line
     ├── RecordError        a record breaks its schema or a span does not match its text
     ├── PipelineError      the spaCy pipeline or a component is missing or misconfigured
     ├── LexiconError       a word list or table in newsledger/data is malformed (file:line)
     ├── StoreError         the ledger store cannot be opened, written or queried
     └── SourceError        a watched source cannot be fetched or read as a feed (watch)
"""

from __future__ import annotations


class NewsledgerError(Exception):
    """Base of every error newsledger raises on purpose."""


class InputError(NewsledgerError):
    """The input cannot be read as an article or batch."""


class RecordError(NewsledgerError):
    """A record breaks the schema or its spans do not match its text."""


class PipelineError(NewsledgerError):
    """The NLP pipeline or one of its components is missing or misconfigured."""


class LexiconError(NewsledgerError):
    """A word list or table shipped in ``newsledger/data`` is malformed (file and line named)."""


class StoreError(NewsledgerError):
    """The ledger store cannot be opened, written or queried."""


class SourceError(NewsledgerError):
    """A watched source (feed, page, folder) cannot be fetched or read; ``kind`` names what went
    wrong (``http``, ``timeout``, ``too_large``, ``not_a_feed``, ``robots``, …) for the record
    kept on that source."""

    def __init__(self, message: str, kind: str = "source") -> None:
        super().__init__(message)
        self.kind = kind


def param(name: str) -> str:
    """How an error message names a caller's parameter: ``param("published")`` → "`published=`"."""
    return f"`{name}=`"


__all__ = ["InputError", "LexiconError", "NewsledgerError", "PipelineError", "RecordError", "SourceError",
           "StoreError", "param"]
