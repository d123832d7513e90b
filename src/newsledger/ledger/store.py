"""The ledger's storage: one small interface (:class:`Store`) and its SQLite implementation.

Everything the ledger keeps goes through :class:`Store`; :func:`open_store` picks the backend
from ``--db``: a file path is :class:`SQLiteStore` (the embedded default), a ``postgresql://``
URL is :class:`~newsledger.ledger.postgres.PostgresStore` (one ledger for many machines). The
logic both share is :class:`~newsledger.ledger.backend.SQLBackend`; this module adds only what
SQLite does its own way (connection, locking, FTS5 search, the stored listing).

Crash safety and concurrency: each article is written in one ``BEGIN IMMEDIATE`` transaction
(article, record, passages, figures, quotes, sources, entities, series marked dirty), so a
``kill -9`` leaves either all of it or none. The database runs in WAL mode with a busy timeout,
so several ingest processes and readers can share it; series refreshes are serialised by the
same write lock.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

from ..errors import StoreError, param
from .backend import (
    HIT_OFF,
    HIT_ON,
    FigureRow,
    Filters,
    Prepared,
    SQLBackend,
    like_escape,
    no_gc,
    point_filter,
    series_row,
    statements,
    unmark,
)
from .schema import DDL, SCHEMA_VERSION

# Re-exported: the store interface's types and helpers, as they were imported before.
__all__ = ["BUSY_TIMEOUT_S", "FigureRow", "Filters", "Prepared", "SQLiteStore", "Store",
           "fts_words", "is_url", "ledger_exists", "like_escape", "open_store", "point_filter"]

BUSY_TIMEOUT_S = 60.0


class Store(Protocol):
    """What the ledger needs from a backend."""

    def status_of(self, article_id: str, url: str | None, content_hash: str) -> str: ...
    def put(self, prep: Prepared) -> str: ...
    def dirty_series(self) -> list[str]: ...
    def refresh_series(self, series_id: str,
                       compute: Callable[[list[dict[str, Any]], bool],
                                         tuple[list[dict[str, Any]], dict[str, Any]]]) -> None: ...
    def list_series(self, query: str | None, limit: int | None) -> list[dict[str, Any]]: ...
    def flag_inputs(self, series_id: str | None, filters: Filters) -> list[dict[str, Any]]: ...
    def series_rows(self, ids: list[str]) -> list[dict[str, Any]]: ...
    def summaries(self, filters: Filters) -> dict[str, dict[str, Any]]: ...
    def list_points(self, series_id: str, filters: Filters, limit: int | None,
                    offset: int) -> list[dict[str, Any]]: ...
    def get_record(self, article_id: str, version: int | None) -> dict[str, Any] | None: ...
    def search(self, query: str, limit: int, offset: int = 0) -> list[dict[str, Any]]: ...
    def counts(self) -> dict[str, int]: ...
    def dump(self, table: str) -> Iterator[dict[str, Any]]: ...
    def load(self, table: str, rows: Iterable[dict[str, Any]]) -> int: ...
    def set_column(self, table: str, column: str, pairs: list[tuple[Any, Any]]) -> None: ...
    def has_table(self, name: str) -> bool: ...
    def close(self) -> None: ...


# A listing row kept between calls: the row without its containers (placeholders keep the key
# order), claimants, outlets and flags. Dicts of plain values and tuples are not tracked by the
# cyclic GC, so a kept listing adds nothing to the full collections a long-lived process runs
# (kept as dicts of lists, it made one full collection cost ~80 ms).
_FrozenRow = tuple[dict[str, Any], tuple[tuple[Any, ...], ...], tuple[tuple[Any, ...], ...],
                   dict[str, Any]]


def _frozen(rows: list[dict[str, Any]]) -> list[_FrozenRow]:
    return [({**d, "claimants": None, "outlets": None, "flags": None},
             tuple(map(tuple, d["claimants"])), tuple(map(tuple, d["outlets"])), dict(d["flags"]))
            for d in rows]


def is_url(db: object) -> bool:
    """Does ``db`` name a database server (``postgresql://…``) rather than a SQLite file?"""
    return isinstance(db, str) and db.startswith(("postgresql://", "postgres://"))


def open_store(db: str | Path, readonly: bool = False) -> Store:
    """The store ``db`` names: a ``postgresql://`` URL opens :class:`~.postgres.PostgresStore`
    (psycopg imported only then), anything else is a SQLite file (the embedded default)."""
    if is_url(db):
        from .postgres import PostgresStore

        return PostgresStore(str(db), readonly=readonly)
    return SQLiteStore(db, readonly=readonly)


def ledger_exists(db: str | Path) -> bool:
    """Is there a ledger to read at ``db``? A URL is assumed to be (opening it tells)."""
    return is_url(db) or Path(db).is_file()


class SQLiteStore(SQLBackend):
    """The embedded default store: one SQLite file (WAL), Datasette-friendly."""

    MARK = "?"
    OUTLET_CLAUSE = "a.outlet = ? COLLATE NOCASE"
    LIKE = "LIKE"  # case-insensitive for ASCII
    WIRE_AGG = "group_concat(s.canonical, char(31))"
    NO_LIMIT = -1
    LOCK_ROW = ""  # BEGIN IMMEDIATE already holds the one write lock

    def __init__(self, path: str | Path, readonly: bool = False) -> None:
        self.path = Path(path)
        self.readonly = readonly
        try:
            if readonly:
                if not self.path.exists():
                    raise StoreError(f"No ledger at {str(self.path)!r}. Create one with "
                                     f"Ingest articles into {param('path')} first (a ledger opened for writing is "
                                     "created when missing).")
                uri = f"file:{self.path.resolve()}?mode=ro"
                self.db = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S,
                                          isolation_level=None, check_same_thread=False)
            else:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(str(self.path), timeout=BUSY_TIMEOUT_S,
                                          isolation_level=None, check_same_thread=False)
            self.db.row_factory = sqlite3.Row
            # The decoded full listing, and the database state it was read at (see _listing_copy).
            self._listing: list[_FrozenRow] | None = None
            self._listing_at: tuple[int, int] | None = None
            self._writes = 0  # commits made through this connection
            self.db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_S * 1000)}")
            self.db.execute("PRAGMA foreign_keys = ON")
            if not readonly:
                self._setup()
            else:
                self._check_version()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Cannot open the ledger {str(self.path)!r}: {exc}. Is it a "
                             f"newsledger SQLite file? Pass another {param('path')}.") from None

    # -- setup ----------------------------------------------------------------------------------

    def _setup(self) -> None:
        mode = self.db.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StoreError(f"Could not switch {str(self.path)!r} to WAL mode (got {mode}); "
                             "use a local file system for the ledger.")
        self.db.execute("PRAGMA synchronous = NORMAL")
        with self.transaction():
            for stmt in statements(DDL):
                self.db.execute(stmt)
            self.db.execute("INSERT OR IGNORE INTO meta(key, value) VALUES ('schema_version', ?)",
                            (str(SCHEMA_VERSION),))
        self._check_version()

    def _check_version(self) -> None:
        try:
            row = self.db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        except sqlite3.OperationalError:
            raise StoreError(f"{str(self.path)!r} is not a newsledger ledger (no meta table). "
                             f"Pass another {param('path')}.") from None
        if row is None or int(row[0]) != SCHEMA_VERSION:
            raise StoreError(f"Ledger {str(self.path)!r} has schema version "
                             f"{row[0] if row else None}, expected {SCHEMA_VERSION}. Re-ingest "
                             f"into a new ledger (another {param('path')}).")

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taking the write lock up front (no upgrade deadlocks)."""
        if self.readonly:
            raise StoreError("This ledger was opened read-only; open it with readonly=False "
                             "to write.")
        for attempt in range(5):
            try:
                self.db.execute("BEGIN IMMEDIATE")
                break
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) and "busy" not in str(exc) or attempt == 4:
                    raise StoreError(f"Cannot write to {str(self.path)!r}: {exc}. Another "
                                     "process holds it too long; retry later.") from None
                time.sleep(0.5 * (attempt + 1))
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")
        finally:
            # `PRAGMA data_version` does not change for this connection's own commits.
            self._writes += 1

    # -- writing --------------------------------------------------------------------------------

    def _index_text(self, db: Any, pk: int, title: str | None, text: str) -> None:
        db.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                   (pk, title or "", text))

    # -- reading --------------------------------------------------------------------------------

    def has_table(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                               (name,)).fetchone() is not None

    def list_series(self, query: str | None = None, limit: int | None = None
                    ) -> list[dict[str, Any]]:
        if not query:
            full = self._listing_copy()
            if full is not None:
                return full[:limit] if limit else full
        return self._series_select(query, limit)


    def _state(self) -> tuple[int, int]:
        """Moves whenever anyone commits to the file: other connections move
        ``data_version``, this one moves ``_writes``."""
        return (self.db.execute("PRAGMA data_version").fetchone()[0], self._writes)

    def _listing_copy(self) -> list[dict[str, Any]] | None:
        """The full listing, decoded at most once per database state; None when stale.

        Building ~2,000 dicts with their claimant/outlet lists is the whole cost of a listing
        (decoding the stored JSON or reading the summary rows cost about the same), so a
        long-lived reader (the web view asks for the listing on every page) keeps the decoded
        rows and hands out copies: each call gets its own dicts, lists and flag dicts, so a
        caller editing its rows cannot change what the next caller sees."""
        state = self._state()
        with no_gc():
            if self._listing is None or self._listing_at != state:
                rows = self._cached_listing()
                # Keep a copy only when asked twice at one state: a one-shot CLI listing
                # pays the decoding alone.
                again = self._listing_at == state
                self._listing = _frozen(rows) if rows is not None and again else None
                self._listing_at = state if rows is not None else None
                return rows  # freshly decoded: the caller's own
            return [{**b, "claimants": list(map(list, cl)), "outlets": list(map(list, ou)),
                     "flags": dict(fl)} for b, cl, ou, fl in self._listing]

    def _cached_listing(self) -> list[dict[str, Any]] | None:
        """The full series listing as one JSON value (written after each refresh, dropped by
        every series refresh): one read instead of thousands of rows. None when stale."""
        if self.db.execute("SELECT 1 FROM series WHERE dirty = 1 LIMIT 1").fetchone():
            return None
        row = self.db.execute("SELECT value FROM meta WHERE key = 'series_listing'").fetchone()
        if row is None:
            return None
        with no_gc():
            out: list[dict[str, Any]] = json.loads(row[0])
        return out

    def cache_listing(self, force: bool = True) -> None:
        """Write the listing cache (after a refresh, when no series is stale); without
        ``force``, only when there is none."""
        if not force and self.db.execute(
                "SELECT 1 FROM meta WHERE key = 'series_listing'").fetchone():
            return
        with self.transaction() as db:
            if db.execute("SELECT 1 FROM series WHERE dirty = 1 LIMIT 1").fetchone():
                return
            rows = [series_row(r) for r in db.execute(
                "SELECT * FROM series WHERE n_points > 0 ORDER BY n_points DESC, id")]
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('series_listing', ?)",
                       (json.dumps(rows, ensure_ascii=False),))

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Latest versions matching the FTS5 ``query``, best first. ``snippet`` is plain text;
        ``snippet_hits`` are the ``[start, end)`` offsets of the matched words in it."""
        rows = self._fts(
            "SELECT a.article_id, a.version, a.url, a.outlet, a.published, a.title, "
            f"snippet(articles_fts, 1, '{HIT_ON}', '{HIT_OFF}', '…', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH ? AND a.is_latest = 1 ORDER BY rank LIMIT ? OFFSET ?",
            (query, int(limit), max(0, int(offset))))
        out = []
        for r in rows:
            d = dict(r)
            d["snippet"], d["snippet_hits"] = unmark(d.get("snippet") or "")
            out.append(d)
        return out

    def search_count(self, query: str) -> int:
        """How many latest versions match the FTS5 ``query``."""
        rows = self._fts("SELECT COUNT(*) FROM articles_fts JOIN articles a ON "
                         "a.pk = articles_fts.rowid WHERE articles_fts MATCH ? AND "
                         "a.is_latest = 1", (query,))
        return int(rows[0][0])

    def _fts(self, sql: str, args: tuple[Any, ...]) -> list[sqlite3.Row]:
        query = str(args[0])
        try:
            if "\x00" in query:
                raise sqlite3.OperationalError("NUL character in query")
            return self.db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            raise StoreError(f"Bad full-text query {query[:200]!r}: {exc}. Use words, "
                             "\"phrases\", AND/OR/NOT (SQLite FTS5 syntax).") from None

    # -- copying --------------------------------------------------------------------------------

    def load(self, table: str, rows: Iterable[dict[str, Any]]) -> int:
        """Insert rows as :meth:`dump` gives them (keys kept) in one transaction; articles are
        indexed for full-text search as they come."""
        n = 0
        with self.transaction() as db:
            for row in rows:
                cols = list(row)
                names = ", ".join(f'"{c}"' for c in cols)
                verb = "INSERT OR REPLACE" if table == "meta" else "INSERT"
                db.execute(f"{verb} INTO {table}({names}) VALUES "
                           f"({', '.join('?' * len(cols))})", [row[c] for c in cols])
                if table == "articles":
                    self._index_text(db, row["pk"], row["title"], row["text"])
                n += 1
        return n


def fts_words(text: str, max_words: int = 16) -> str:
    """Plain words as an FTS5 query: each word a quoted string, all of them required, so
    "al-Shifa", "Israel's" or "NEAR(" are searched for, never parsed as query syntax."""
    words = text.replace("\x00", " ").split()[:max_words]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)

