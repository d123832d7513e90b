"""The command line: thin typer commands over the library (parse, validate, call, report).

Each command lives in its own module and registers itself on ``app``; library errors become a
one-line message on stderr and exit status 2.
"""

from __future__ import annotations

from .app import app, main

# Command modules register themselves on `app` when imported.
from . import extract as _extract  # noqa: E402,F401
from . import ledger as _ledger  # noqa: E402,F401
from . import serve as _serve  # noqa: E402,F401
from . import watch as _watch  # noqa: E402,F401

__all__ = ["app", "main"]
