"""Datasette metadata for a ledger file: table and column descriptions shipped as data."""

from __future__ import annotations

from typing import Any
from ..lexicons import ledger_metadata


def datasette_metadata(db_name: str = "newsledger") -> dict[str, Any]:
    """Metadata for ``datasette FILE -m metadata.json``; ``db_name`` is FILE's stem."""
    doc: dict[str, Any] = ledger_metadata()
    tables = doc.pop("tables")
    return {**doc, "databases": {db_name: {"tables": tables}}}
