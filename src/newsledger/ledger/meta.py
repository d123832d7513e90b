"""Datasette metadata for a ledger file: table and column descriptions shipped as data."""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def datasette_metadata(db_name: str = "newsledger") -> dict[str, Any]:
    """Metadata for ``datasette FILE -m metadata.json``; ``db_name`` is FILE's stem."""
    raw = resources.files("newsledger").joinpath("data/ledger_metadata.json").read_text("utf-8")
    doc: dict[str, Any] = json.loads(raw)
    tables = doc.pop("tables")
    return {**doc, "databases": {db_name: {"tables": tables}}}
