"""Copying a ledger to another backend (SQLite file ⇄ PostgreSQL), row for row.

Every table moves with its keys, so point ids, article keys and flag links stay what they were;
the destination must be empty. Columns that point forward (a series' latest point, a point's
origin) are filled in after all rows are in, so no foreign key is ever broken on the way. What
``newsledger watch`` remembers (its sources, items and errors) moves too, so a watched ledger
goes on being watched where it was copied to.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..errors import StoreError
from .schema import LATE_COLUMNS, TABLES, WATCH_TABLES
from .store import Store

# Keys of the meta table that belong to one database: a SQLite listing cache, the version
# (each store writes its own).
_LOCAL_META = {"schema_version", "series_listing"}


def copy_ledger(src: Store, dst: Store) -> dict[str, int]:
    """Copy every row of ``src`` into the empty ledger ``dst``; returns rows copied per table."""
    if dst.counts()["articles"] or next(dst.dump("watch_sources"), None) is not None:
        raise StoreError("The destination ledger already holds articles or watched sources; "
                         "copy into a new, empty ledger (another file or database).")
    late: dict[str, list[tuple[Any, Any]]] = {f"{t}.{c}": [] for t, c in LATE_COLUMNS}
    out = {}
    for table, key in TABLES:
        cols = [c for t, c in LATE_COLUMNS if t == table]

        def rows(table: str = table, key: str = key, cols: list[str] = cols
                 ) -> Iterator[dict[str, Any]]:
            for r in src.dump(table):
                if table == "meta" and r["key"] in _LOCAL_META:
                    continue
                for c in cols:
                    if r[c] is not None:
                        late[f"{table}.{c}"].append((r[key], r[c]))
                    r[c] = None
                yield r

        out[table] = dst.load(table, rows())
    for (table, col) in LATE_COLUMNS:
        dst.set_column(table, col, late[f"{table}.{col}"])
    for table, _ in WATCH_TABLES:
        if src.has_table(table):  # an older ledger opened read-only may have none
            out[table] = dst.load(table, src.dump(table))
    return out
