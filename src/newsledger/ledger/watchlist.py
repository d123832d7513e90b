"""What ``newsledger watch`` remembers, in the ledger: sources, the items seen in them, errors.

Every statement on the ``watch_*`` tables is in this module (and the DDL in ``schema.py``), in
portable SQL (``INSERT … ON CONFLICT … DO UPDATE``, no ``INSERT OR …``, no SQLite functions),
run through the store's :meth:`~.backend.SQLBackend.execute` (``?`` placeholders, rows read by
column name), so it works on every backend: SQLite and PostgreSQL.

Crash safety: an item is recorded ``pending`` before its page is fetched and ``done`` only after
its article is stored; the article itself is stored idempotently (same id and text = unchanged),
so a ``kill -9`` between the two only means the item is checked once more on the next poll.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from .backend import SQLBackend

# After this many failed fetches in a row an item is given up on (state ``failed``) until the
# feed says it changed.
MAX_ATTEMPTS = 5


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


@dataclass
class Item:
    """One item of a source as remembered."""

    source: str
    item: str
    fingerprint: str | None = None
    title: str | None = None
    feed_published: str | None = None
    state: str = "pending"
    attempts: int = 0
    article_id: str | None = None
    content_hash: str | None = None
    etag: str | None = None
    last_modified: str | None = None


_ITEM_COLUMNS = ("source, item, fingerprint, title, feed_published, state, attempts, article_id, "
                 "content_hash, etag, last_modified")


class Watchlist:
    """The watch state of one ledger, over its store's connection."""

    def __init__(self, store: SQLBackend) -> None:
        self.store = store
        self.run = store.execute

    def _watched(self) -> bool:
        """Has this ledger watch tables? (An older ledger opened read-only has none: nothing
        is watched yet.)"""
        return self.store.has_table("watch_sources")

    # -- sources --------------------------------------------------------------------------------

    def add_source(self, source: str, kind: str) -> None:
        with self.store.transaction() as db:
            self.run("INSERT INTO watch_sources(source, kind, added_at) VALUES (?, ?, ?) "
                     "ON CONFLICT (source) DO UPDATE SET kind = excluded.kind",
                     (source, kind, now()), db)

    def validators(self, source: str) -> tuple[str | None, str | None]:
        row = self.run("SELECT etag, last_modified FROM watch_sources WHERE source = ?",
                       (source,)).fetchone()
        return (row["etag"], row["last_modified"]) if row else (None, None)

    def polled(self, source: str, *, error: str | None = None, kind: str = "source",
               title: str | None = None, etag: str | None = None,
               last_modified: str | None = None) -> None:
        """Record a poll of ``source``: success (with the validators to send next time; pass
        the old ones after a 304) or ``error`` (logged; validators kept)."""
        t = now()
        with self.store.transaction() as db:
            if error is None:
                self.run(
                    "UPDATE watch_sources SET last_poll = ?, last_ok = ?, last_error = NULL, "
                    "title = COALESCE(?, title), etag = ?, last_modified = ? WHERE source = ?",
                    (t, t, title, etag, last_modified, source), db)
            else:
                self.run("UPDATE watch_sources SET last_poll = ?, last_error = ? "
                         "WHERE source = ?", (t, error, source), db)
                self.run("INSERT INTO watch_errors(source, item, at, kind, message) "
                         "VALUES (?, NULL, ?, ?, ?)", (source, t, kind, error), db)

    def sources(self) -> list[dict[str, Any]]:
        """Every source with its last poll, item counts and error count, in the order added."""
        if not self._watched():
            return []
        rows = self.run(
            "SELECT s.source, s.kind, s.title, s.added_at, s.last_poll, s.last_ok, s.last_error, "
            "(SELECT COUNT(*) FROM watch_items i WHERE i.source = s.source) AS items, "
            "(SELECT COUNT(*) FROM watch_items i WHERE i.source = s.source "
            " AND i.state = 'done') AS stored, "
            "(SELECT COUNT(*) FROM watch_items i WHERE i.source = s.source "
            " AND i.state IN ('pending', 'error')) AS pending, "
            "(SELECT COUNT(*) FROM watch_errors e WHERE e.source = s.source) AS errors "
            "FROM watch_sources s ORDER BY s.added_at, s.source").fetchall()
        return [dict(r) for r in rows]

    def errors(self, source: str | None = None, limit: int = 50) -> list[dict[str, Any]]:
        if not self._watched():
            return []
        where, args = ("WHERE source = ?", (source,)) if source else ("", ())
        rows = self.run(
            f"SELECT source, item, at, kind, message FROM watch_errors {where} "
            "ORDER BY id DESC LIMIT ?", (*args, limit)).fetchall()
        return [dict(r) for r in rows]

    # -- items ----------------------------------------------------------------------------------

    def item(self, source: str, item: str) -> Item | None:
        row = self.run(f"SELECT {_ITEM_COLUMNS} FROM watch_items "
                       "WHERE source = ? AND item = ?", (source, item)).fetchone()
        return Item(**dict(row)) if row else None

    def offer(self, source: str, entries: list[Item]) -> int:
        """Record the items a source lists now, in one transaction: a new item, or one whose
        fingerprint changed (or that failed before), becomes ``pending``; returns how many are
        pending for this source after it."""
        t = now()
        with self.store.transaction() as db:
            for e in entries:
                self.run(
                    "INSERT INTO watch_items(source, item, fingerprint, title, feed_published, "
                    "state, attempts, first_seen) VALUES (?, ?, ?, ?, ?, 'pending', 0, ?) "
                    "ON CONFLICT (source, item) DO UPDATE SET "
                    "state = CASE WHEN watch_items.fingerprint IS NULL "
                    "  OR watch_items.fingerprint <> excluded.fingerprint "
                    "  THEN 'pending' ELSE watch_items.state END, "
                    "attempts = CASE WHEN watch_items.fingerprint IS NULL "
                    "  OR watch_items.fingerprint <> excluded.fingerprint "
                    "  THEN 0 ELSE watch_items.attempts END, "
                    "fingerprint = excluded.fingerprint, title = excluded.title, "
                    "feed_published = excluded.feed_published",
                    (source, e.item, e.fingerprint, e.title, e.feed_published, t), db)
            row = self.run("SELECT COUNT(*) AS n FROM watch_items WHERE source = ? AND "
                           "state IN ('pending', 'error')", (source,), db).fetchone()
        return int(row["n"])

    def due(self, source: str) -> list[Item]:
        """Items of ``source`` to fetch now (pending, or failed fewer than MAX_ATTEMPTS times),
        in the order first seen."""
        rows = self.run(
            f"SELECT {_ITEM_COLUMNS} FROM watch_items WHERE source = ? AND "
            "state IN ('pending', 'error') ORDER BY first_seen, item", (source,)).fetchall()
        return [Item(**dict(r)) for r in rows]

    def done(self, it: Item, *, article_id: str | None, content_hash: str | None,
             etag: str | None, last_modified: str | None, changed: bool) -> None:
        """The item is stored (or found unchanged): remember its hash and validators."""
        t = now()
        with self.store.transaction() as db:
            self.run(
                "UPDATE watch_items SET state = 'done', attempts = 0, "
                "article_id = COALESCE(?, article_id), content_hash = COALESCE(?, content_hash), "
                "etag = ?, last_modified = ?, last_checked = ?, "
                "last_changed = CASE WHEN ? = 1 THEN ? ELSE last_changed END "
                "WHERE source = ? AND item = ?",
                (article_id, content_hash, etag, last_modified, t, int(changed), t, it.source,
                 it.item), db)

    def failed(self, it: Item, kind: str, message: str) -> None:
        """The item could not be fetched or read: log it, retry next poll, up to MAX_ATTEMPTS."""
        t = now()
        with self.store.transaction() as db:
            self.run(
                "UPDATE watch_items SET attempts = attempts + 1, last_checked = ?, "
                "state = CASE WHEN attempts + 1 >= ? THEN 'failed' ELSE 'error' END "
                "WHERE source = ? AND item = ?", (t, MAX_ATTEMPTS, it.source, it.item), db)
            self.run("INSERT INTO watch_errors(source, item, at, kind, message) "
                     "VALUES (?, ?, ?, ?, ?)", (it.source, it.item, t, kind, message), db)

    def changed_since(self, since: str, limit: int = 200) -> list[dict[str, Any]]:
        """Items that became a new article or version at or after ``since`` (ISO), newest first."""
        if not self._watched():
            return []
        rows = self.run(
            "SELECT i.source, i.item, i.title, i.article_id, i.last_changed, i.feed_published "
            "FROM watch_items i WHERE i.last_changed >= ? "
            "ORDER BY i.last_changed DESC, i.item LIMIT ?", (since, limit)).fetchall()
        return [dict(r) for r in rows]
