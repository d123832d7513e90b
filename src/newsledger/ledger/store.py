"""The ledger's storage: one small interface (:class:`Store`) and its SQLite implementation.

Everything the ledger keeps goes through :class:`Store`; :func:`open_store` picks the backend
from ``--db``: a file path is :class:`SQLiteStore` (the embedded default), a ``postgresql://``
URL is :class:`~newsledger.ledger.postgres.PostgresStore` (one ledger for many machines).

Crash safety and concurrency: each article is written in one ``BEGIN IMMEDIATE`` transaction
(article, record, passages, figures, quotes, sources, entities, series marked dirty), so a
``kill -9`` leaves either all of it or none. The database runs in WAL mode with a busy timeout,
so several ingest processes and readers can share it; series refreshes are serialised by the
same write lock.
"""

from __future__ import annotations

import gc
import json
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Protocol

from ..errors import StoreError, param
from ..record import Record
from .schema import DDL, SCHEMA_VERSION, TABLES

BUSY_TIMEOUT_S = 60.0


@dataclass
class FigureRow:
    """A figure ready to store: the record's figure plus what the ledger derived from it."""

    idx: int
    series_id: str | None
    series_name: str | None
    metric: str
    subject: str | None
    place: str | None
    cumulative: bool
    claimant: str | None
    date: str | None
    passage: tuple[int, int, bytes | None] | None


@dataclass
class Prepared:
    """One record and the derived rows :meth:`Store.put` writes with it."""

    record: Record
    content_hash: str
    figures: list[FigureRow] = field(default_factory=list)
    source_names: list[str] = field(default_factory=list)  # canonical name per record.sources
    match_url: bool = True  # is a stored article with the same URL an earlier version?


@dataclass
class Filters:
    """Point filters shared by every query: ISO dates inclusive, canonical claimant, outlet."""

    since: str | None = None
    until: str | None = None
    claimant: str | None = None
    outlet: str | None = None

    def any(self) -> bool:
        return any((self.since, self.until, self.claimant, self.outlet))


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
    def close(self) -> None: ...


@contextmanager
def _no_gc() -> Iterator[None]:
    """Pause the cyclic GC while building thousands of small containers (no cycles are made):
    CPython would otherwise run full collections in the middle of a listing."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


_POINT_COLUMNS = """
    f.id, f.series_id, f.value, f.low, f.high, f.approx, f.unit, f.counts, f.metric, f.place,
    f.cumulative, f.claimant, f.claimant_name, f.claimant_mention, f.hedges, f.as_of, f.date,
    f.span_start, f.span_end, f.span_text, f.origin_id, f.ord, f.flags,
    a.pk AS article_pk, a.article_id, a.version AS article_version, a.url, a.outlet, a.published,
    a.title
"""


def _point(row: sqlite3.Row) -> dict[str, Any]:
    d = dict(row)
    d["hedges"] = json.loads(d["hedges"]) if d["hedges"] else []
    d["flags"] = json.loads(d["flags"]) if d["flags"] else []
    d["cumulative"] = None if d["cumulative"] is None else bool(d["cumulative"])
    d["span"] = {"start": d["span_start"], "end": d["span_end"], "text": d["span_text"]}
    return d


def _series(row: sqlite3.Row) -> dict[str, Any]:
    d = dict(row)
    return {
        "id": d["id"], "name": d["name"], "metric": d["metric"], "subject": d["subject"],
        "place": d["place"], "cumulative": bool(d["cumulative"]),
        "points": d["n_points"], "origins": d["n_origins"],
        "latest_id": d["latest_figure"], "latest_value": d["latest_value"],
        "latest_low": d["latest_low"], "latest_high": d["latest_high"],
        "latest_approx": d["latest_approx"], "latest_date": d["latest_date"],
        "latest_claimant": d["latest_claimant"], "first_date": d["first_date"],
        "claimants": json.loads(d["claimants"]), "outlets": json.loads(d["outlets"]),
        "flags": {"echo": d["n_echo"], "corroboration": d["n_corroboration"],
                  "update": d["n_update"], "revision_down": d["n_revision_down"],
                  "conflict": d["n_conflict"], "outlier": d["n_outlier"]},
        "stale": bool(d["dirty"]),
    }


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


class SQLiteStore:
    """The embedded default store: one SQLite file (WAL), Datasette-friendly."""

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
            for stmt in _statements(DDL):
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

    def close(self) -> None:
        self.db.close()

    # -- writing --------------------------------------------------------------------------------

    def _identity(self, article_id: str, url: str | None) -> list[sqlite3.Row]:
        rows = self.db.execute(
            "SELECT pk, article_id, version, is_latest, content_hash, url FROM articles "
            "WHERE article_id = ?", (article_id,)).fetchall()
        if url:
            rows += self.db.execute(
                "SELECT pk, article_id, version, is_latest, content_hash, url FROM articles "
                "WHERE url = ? AND article_id != ?", (url, article_id)).fetchall()
        return rows

    def status_of(self, article_id: str, url: str | None, content_hash: str) -> str:
        """``unchanged`` (stored as is), ``new_version`` (same id/URL, other text) or ``new``."""
        rows = self._identity(article_id, url)
        if any(r["content_hash"] == content_hash for r in rows):
            return "unchanged"
        return "new_version" if rows else "new"

    def put(self, prep: Prepared) -> str:
        """Store one record in one transaction; returns ``unchanged``/``new_version``/``new``."""
        rec = prep.record
        with self.transaction() as db:
            rows = self._identity(rec.id, rec.url if prep.match_url else None)
            if any(r["content_hash"] == prep.content_hash for r in rows):
                return "unchanged"
            latest = [r for r in rows if r["is_latest"]]
            version = max((r["version"] for r in rows), default=0) + 1
            supersedes = max(latest, key=lambda r: r["version"])["pk"] if latest else None
            touched: set[str] = set()
            if latest:
                for r in latest:
                    touched.update(x[0] for x in db.execute(
                        "SELECT DISTINCT series_id FROM figures WHERE article_pk = ? AND "
                        "series_id IS NOT NULL", (r["pk"],)))
                    db.execute("UPDATE articles SET is_latest = 0 WHERE pk = ?", (r["pk"],))
                    db.execute("UPDATE figures SET current = 0 WHERE article_pk = ?", (r["pk"],))
            cur = db.execute(
                "INSERT INTO articles(article_id, version, is_latest, supersedes, url, outlet, "
                "published, title, text, content_hash, ingested_at) "
                "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
                (rec.id, version, supersedes, rec.url, rec.outlet, rec.published, rec.title,
                 rec.text, prep.content_hash, _now()))
            pk = cur.lastrowid
            db.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                       (pk, rec.title or "", rec.text))
            body = rec.to_dict()
            body.pop("text", None)  # the text lives once, in articles
            db.execute("INSERT INTO records(article_pk, schema, extractors, n_errors, errors, "
                       "json) VALUES (?, ?, ?, ?, ?, ?)",
                       (pk, rec.schema, json.dumps(rec.extractors), len(rec.errors),
                        json.dumps([e.to_dict() for e in rec.errors], ensure_ascii=False),
                        json.dumps(body, ensure_ascii=False)))
            self._put_figures(db, pk, prep, touched)
            db.executemany(
                "INSERT INTO quotes(article_pk, idx, kind, speaker, speaker_mention, cue, "
                "content_start, content_end, content_text, confidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(pk, i, q.kind, q.speaker.name,
                  q.speaker.mention.text if q.speaker.mention else None,
                  q.cue.text if q.cue else None, q.content.start, q.content.end, q.content.text,
                  q.confidence) for i, q in enumerate(rec.quotes)])
            db.executemany(
                "INSERT INTO sources(article_pk, idx, name, canonical, role, span_start, span_end)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(pk, i, s.name, prep.source_names[i] if i < len(prep.source_names) else s.name,
                  s.role, s.span.start, s.span.end) for i, s in enumerate(rec.sources)])
            db.executemany(
                "INSERT INTO entities(article_pk, idx, label, name, span_start, span_end) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(pk, i, e.label, e.name, e.span.start, e.span.end)
                 for i, e in enumerate(rec.entities)])
            if touched:
                db.executemany("UPDATE series SET dirty = 1 WHERE id = ?",
                               [(s,) for s in sorted(touched)])
            return "new_version" if rows else "new"

    def _put_figures(self, db: sqlite3.Connection, pk: int, prep: Prepared,
                     touched: set[str]) -> None:
        rec = prep.record
        passages: dict[tuple[int, int], int] = {}
        series: dict[str, FigureRow] = {}
        rows = []
        for row in prep.figures:
            fig = rec.figures[row.idx]
            pid = None
            if row.passage is not None:
                key = row.passage[:2]
                if key not in passages:
                    passages[key] = db.execute(
                        'INSERT INTO passages(article_pk, start, "end", sig) VALUES (?, ?, ?, ?)',
                        (pk, key[0], key[1], row.passage[2])).lastrowid
                pid = passages[key]
            if row.series_id is not None:
                series.setdefault(row.series_id, row)
            rows.append(
                (pk, row.idx, row.series_id, fig.value, fig.low, fig.high, fig.approx, fig.unit,
                 fig.counts, fig.metric, row.place,
                 None if fig.cumulative is None else int(fig.cumulative), row.claimant,
                 fig.claimant.name if fig.claimant else None,
                 fig.claimant.mention.text if fig.claimant and fig.claimant.mention else None,
                 json.dumps([h.text for h in fig.hedges], ensure_ascii=False), fig.as_of,
                 row.date, fig.span.start, fig.span.end, fig.span.text, pid))
        # The series row must exist before figures point at it (foreign key).
        db.executemany("INSERT INTO series(id, name, metric, subject, place, cumulative, dirty) "
                       "VALUES (?, ?, ?, ?, ?, ?, 1) ON CONFLICT(id) DO UPDATE SET dirty = 1",
                       [(sid, r.series_name, r.metric, r.subject, r.place, int(r.cumulative))
                        for sid, r in series.items()])
        touched.difference_update(series)
        db.executemany(
            "INSERT INTO figures(article_pk, idx, series_id, current, value, low, high, "
            "approx, unit, counts, metric, place, cumulative, claimant, claimant_name, "
            "claimant_mention, hedges, as_of, date, span_start, span_end, span_text, "
            "passage_id) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?)", rows)

    # -- series refresh -------------------------------------------------------------------------

    def dirty_series(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM series WHERE dirty = 1 ORDER BY id")]

    def flag_inputs(self, series_id: str | None, filters: Filters) -> list[dict[str, Any]]:
        """The fields flag computation and summaries need, for one series or (filtered) all."""
        where, args = self._where(series_id, filters)
        rows = self.db.execute(
            "SELECT f.id, f.series_id, f.value, f.low, f.high, f.approx, f.date, f.claimant, "
            "f.as_of, f.origin_id, f.flags, a.pk AS article, a.published, a.outlet, p.sig, "
            "a.article_id AS tie_id, a.version AS tie_version, f.idx AS tie_idx, "
            "(SELECT group_concat(s.canonical, char(31)) FROM sources s WHERE s.article_pk = a.pk "
            " AND s.role = 'wire_credit') AS wire "
            "FROM figures f JOIN articles a ON a.pk = f.article_pk "
            f"LEFT JOIN passages p ON p.id = f.passage_id WHERE {where} "
            "ORDER BY f.series_id, f.ord", args).fetchall()
        out = []
        for r in rows:
            d = dict(r)
            d["wire"] = d["wire"].split("\x1f") if d["wire"] else []
            d["origin"] = d.pop("origin_id") or d["id"]
            d["flags"] = json.loads(d["flags"]) if d["flags"] else []
            d["tiebreak"] = (d.pop("tie_id"), d.pop("tie_version"), d.pop("tie_idx"))
            out.append(d)
        return out

    def refresh_series(self, series_id: str,
                       compute: Callable[[list[dict[str, Any]], bool],
                                         tuple[list[dict[str, Any]], dict[str, Any]]]) -> None:
        """Recompute one series' flags and summary inside one write transaction."""
        with self.transaction() as db:
            row = db.execute("SELECT cumulative FROM series WHERE id = ?", (series_id,)).fetchone()
            if row is None:
                return
            pts = self.flag_inputs(series_id, Filters())
            flagged, summary = compute(pts, bool(row[0]))
            db.executemany(
                "UPDATE figures SET ord = ?, origin_id = ?, flags = ?, is_echo = ?, "
                "is_corroboration = ?, is_update = ?, is_revision_down = ?, is_conflict = ?, "
                "is_outlier = ? WHERE id = ?",
                [(p["ord"], p["origin"] if p["origin"] != p["id"] else None,
                  json.dumps(p["flags"], ensure_ascii=False),
                  *(int(any(f["flag"] == n for f in p["flags"]))
                    for n in ("echo", "corroboration", "update", "revision_down", "conflict",
                              "outlier")), p["id"]) for p in flagged])
            fl = summary["flags"]
            db.execute(
                "UPDATE series SET n_points = ?, n_origins = ?, n_echo = ?, n_corroboration = ?, "
                "n_update = ?, n_revision_down = ?, n_conflict = ?, n_outlier = ?, "
                "latest_figure = ?, latest_value = ?, latest_low = ?, latest_high = ?, "
                "latest_approx = ?, latest_date = ?, latest_claimant = ?, first_date = ?, "
                "claimants = ?, outlets = ?, dirty = 0, refreshed_at = ? WHERE id = ?",
                (summary["points"], summary["origins"], fl["echo"], fl["corroboration"],
                 fl["update"], fl["revision_down"], fl["conflict"], fl["outlier"],
                 summary["latest_id"], summary["latest_value"], summary["latest_low"],
                 summary["latest_high"], summary["latest_approx"], summary["latest_date"],
                 summary["latest_claimant"], summary["first_date"],
                 json.dumps(summary["claimants"], ensure_ascii=False),
                 json.dumps(summary["outlets"], ensure_ascii=False), _now(), series_id))
            db.execute("DELETE FROM meta WHERE key = 'series_listing'")

    # -- reading --------------------------------------------------------------------------------

    @staticmethod
    def _where(series_id: str | None, filters: Filters) -> tuple[str, list[Any]]:
        return point_filter(series_id, filters, "?", "a.outlet = ? COLLATE NOCASE")

    def list_series(self, query: str | None = None, limit: int | None = None
                    ) -> list[dict[str, Any]]:
        if not query:
            full = self._listing_copy()
            if full is not None:
                return full[:limit] if limit else full
        return self._series_select(query, limit)

    def _series_select(self, query: str | None = None, limit: int | None = None
                       ) -> list[dict[str, Any]]:
        """The listing straight from the ``series`` summary columns (the reference path)."""
        sql = "SELECT * FROM series WHERE n_points > 0"
        args: list[Any] = []
        if query and len(query) > 1000:
            return []  # longer than any series name or id (and than SQLite's LIKE limit)
        if query:
            # The query is text, not a pattern: "k%d" must not match "killed".
            pat = "%" + like_escape(query) + "%"
            sql += " AND (name LIKE ? ESCAPE '\\' OR id LIKE ? ESCAPE '\\')"
            args += [pat, pat]
        sql += " ORDER BY n_points DESC, id"
        if limit:
            sql += " LIMIT ?"
            args.append(int(limit))
        with _no_gc():
            return [_series(r) for r in self.db.execute(sql, args)]

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
        with _no_gc():
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
        with _no_gc():
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
            rows = [_series(r) for r in db.execute(
                "SELECT * FROM series WHERE n_points > 0 ORDER BY n_points DESC, id")]
            db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('series_listing', ?)",
                       (json.dumps(rows, ensure_ascii=False),))

    def series_rows(self, ids: list[str]) -> list[dict[str, Any]]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return [_series(r) for r in self.db.execute(
            f"SELECT * FROM series WHERE id IN ({marks})", ids)]

    def summaries(self, filters: Filters) -> dict[str, dict[str, Any]]:
        """Per-series counts, flag counts, claimants, outlets and latest point over the points
        matching ``filters`` (flags stay those computed over the whole series), in SQL."""
        where, args = self._where(None, filters)
        base = f"FROM figures f JOIN articles a ON a.pk = f.article_pk WHERE {where}"
        # Only the outlet needs the articles table; skip the join elsewhere when we can.
        lean = base if filters.outlet else f"FROM figures f WHERE {where}"
        out: dict[str, dict[str, Any]] = {}
        for r in self.db.execute(
                "SELECT f.series_id, COUNT(*), COUNT(DISTINCT COALESCE(f.origin_id, f.id)), "
                "SUM(f.is_echo), SUM(f.is_corroboration), SUM(f.is_update), "
                "SUM(f.is_revision_down), SUM(f.is_conflict), SUM(f.is_outlier), MIN(f.date) "
                f"{lean} GROUP BY f.series_id", args):
            out[r[0]] = {"points": r[1], "origins": r[2], "flags": dict(zip(
                ("echo", "corroboration", "update", "revision_down", "conflict", "outlier"),
                r[3:9])), "first_date": r[9], "claimants": [], "outlets": [],
                "latest_id": None, "latest_value": None, "latest_low": None,
                "latest_high": None, "latest_approx": None, "latest_date": None,
                "latest_claimant": None}
        if filters.claimant:
            for sid, d in out.items():
                d["claimants"] = [[filters.claimant, d["points"]]]
        groups = [("a.outlet", "outlets", "(unknown)", base)]
        if not filters.claimant:
            groups.append(("f.claimant", "claimants", "(unattributed)", lean))
        for col, key, none, frm in groups:
            for sid, name, n in self.db.execute(
                    f"SELECT f.series_id, COALESCE({col}, '{none}') AS k, COUNT(*) AS n {frm} "
                    "GROUP BY f.series_id, k ORDER BY f.series_id, n DESC, k", args):
                out[sid][key].append([name, n])
        for r in self.db.execute(
                "SELECT * FROM (SELECT f.series_id, f.id, f.value, f.low, f.high, f.approx, "
                "f.date, f.claimant, ROW_NUMBER() OVER (PARTITION BY f.series_id ORDER BY "
                "(f.as_of IS NULL), f.ord DESC) AS rn "
                f"{lean} AND f.is_outlier = 0 AND f.date IS NOT NULL AND "
                "COALESCE(f.value, f.low, f.high) IS NOT NULL AND "
                "COALESCE(f.approx, '') != 'vague') WHERE rn = 1", args):
            out[r[0]].update({"latest_id": r[1], "latest_value": r[2], "latest_low": r[3],
                              "latest_high": r[4], "latest_approx": r[5], "latest_date": r[6],
                              "latest_claimant": r[7]})
        return out

    def list_points(self, series_id: str, filters: Filters, limit: int | None = None,
                    offset: int = 0) -> list[dict[str, Any]]:
        where, args = self._where(series_id, filters)
        fresh = self.db.execute("SELECT dirty = 0 FROM series WHERE id = ?",
                                (series_id,)).fetchone()
        if offset and not filters.any() and fresh and fresh[0]:
            # A fresh series numbers its points 0..n-1 in `ord`: seek instead of skipping.
            where += " AND f.ord >= ?"
            args.append(int(offset))
            offset = 0
        sql = (f"SELECT {_POINT_COLUMNS} FROM figures f JOIN articles a ON a.pk = f.article_pk "
               f"WHERE {where} ORDER BY f.ord, f.id")
        if limit is not None or offset:
            sql += " LIMIT ? OFFSET ?"
            args += [int(limit) if limit is not None else -1, int(offset)]
        with _no_gc():
            return [_point(r) for r in self.db.execute(sql, args)]

    def get_point(self, figure_id: int) -> dict[str, Any] | None:
        row = self.db.execute(f"SELECT {_POINT_COLUMNS} FROM figures f JOIN articles a ON "
                              "a.pk = f.article_pk WHERE f.id = ?", (figure_id,)).fetchone()
        return _point(row) if row else None

    def get_record(self, article_id: str, version: int | None = None) -> dict[str, Any] | None:
        sql = ("SELECT a.pk, a.text, a.version, a.is_latest, a.supersedes, a.content_hash, "
               "a.ingested_at, r.json FROM articles a JOIN records r ON r.article_pk = a.pk "
               "WHERE a.article_id = ?")
        args: list[Any] = [article_id]
        if version is None:
            sql += " ORDER BY a.is_latest DESC, a.version DESC LIMIT 1"
        else:
            sql += " AND a.version = ?"
            args.append(int(version))
        row = self.db.execute(sql, args).fetchone()
        if row is None:
            return None
        d: dict[str, Any] = json.loads(row["json"])
        d["text"] = row["text"]
        versions = [dict(r) for r in self.db.execute(
            "SELECT pk, article_id, version, is_latest, content_hash, ingested_at FROM articles "
            "WHERE article_id = ? OR pk = ? ORDER BY version", (article_id, row["supersedes"]))]
        d["ledger"] = {"article_pk": row["pk"], "version": row["version"],
                       "is_latest": bool(row["is_latest"]), "supersedes": row["supersedes"],
                       "content_hash": row["content_hash"], "ingested_at": row["ingested_at"],
                       "versions": versions,
                       "figure_ids": [r[0] for r in self.db.execute(
                           "SELECT id FROM figures WHERE article_pk = ? ORDER BY idx",
                           (row["pk"],))]}
        return d

    def search(self, query: str, limit: int = 20, offset: int = 0) -> list[dict[str, Any]]:
        """Latest versions matching the FTS5 ``query``, best first. ``snippet`` is plain text;
        ``snippet_hits`` are the ``[start, end)`` offsets of the matched words in it."""
        rows = self._fts(
            "SELECT a.article_id, a.version, a.url, a.outlet, a.published, a.title, "
            f"snippet(articles_fts, 1, '{_HIT_ON}', '{_HIT_OFF}', '…', 12) AS snippet "
            "FROM articles_fts JOIN articles a ON a.pk = articles_fts.rowid "
            "WHERE articles_fts MATCH ? AND a.is_latest = 1 ORDER BY rank LIMIT ? OFFSET ?",
            (query, int(limit), max(0, int(offset))))
        out = []
        for r in rows:
            d = dict(r)
            d["snippet"], d["snippet_hits"] = _unmark(d.get("snippet") or "")
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

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Latest article versions, newest published first, with their figure counts."""
        rows = self.db.execute(
            "SELECT a.article_id, a.version, a.url, a.outlet, a.published, a.title, "
            "(SELECT COUNT(*) FROM figures f WHERE f.article_pk = a.pk) AS n_figures, "
            "(SELECT COUNT(*) FROM figures f WHERE f.article_pk = a.pk AND "
            "f.series_id IS NOT NULL) AS n_points "
            "FROM articles a WHERE a.is_latest = 1 "
            "ORDER BY a.published IS NULL, a.published DESC, a.article_id LIMIT ? OFFSET ?",
            (int(limit), max(0, int(offset)))).fetchall()
        return [dict(r) for r in rows]

    def claimant_counts(self) -> list[dict[str, Any]]:
        """Points of the latest article versions per (claimant as stored, as written, series):
        what :meth:`Ledger.claimants` groups into canonical claimants."""
        rows = self.db.execute(
            "SELECT f.claimant, f.claimant_name, f.claimant_mention, f.series_id, "
            "COUNT(*) AS points FROM figures f WHERE f.current = 1 AND f.series_id IS NOT NULL "
            "GROUP BY f.claimant, f.claimant_name, f.claimant_mention, f.series_id").fetchall()
        return [dict(r) for r in rows]

    # -- copying --------------------------------------------------------------------------------

    def dump(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one ledger table in key order, as plain column values."""
        key = dict(TABLES)[table]
        for row in self.db.execute(f'SELECT * FROM {table} ORDER BY "{key}"'):
            yield dict(row)

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
                    db.execute("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
                               (row["pk"], row["title"] or "", row["text"]))
                n += 1
        return n

    def set_column(self, table: str, column: str, pairs: list[tuple[Any, Any]]) -> None:
        """``UPDATE table SET column = value WHERE key = k`` for many ``(k, value)`` pairs."""
        key = dict(TABLES)[table]
        with self.transaction() as db:
            db.executemany(f'UPDATE {table} SET {column} = ? WHERE "{key}" = ?',
                           [(v, k) for k, v in pairs])

    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("articles", "records", "figures", "quotes", "sources", "entities", "series"):
            out[t] = self.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
        out["current_articles"] = self.db.execute(
            "SELECT COUNT(*) FROM articles WHERE is_latest = 1").fetchone()[0]
        out["dirty_series"] = self.db.execute(
            "SELECT COUNT(*) FROM series WHERE dirty = 1").fetchone()[0]
        return out


_HIT_ON, _HIT_OFF = "\x02", "\x03"  # snippet markers no article text holds


def _unmark(snippet: str) -> tuple[str, list[list[int]]]:
    """An FTS snippet without its hit markers, and the hits' offsets in that plain text."""
    out: list[str] = []
    hits: list[list[int]] = []
    n = 0
    start = None
    for part in re.split(f"([{_HIT_ON}{_HIT_OFF}])", snippet):
        if part == _HIT_ON:
            start = n
        elif part == _HIT_OFF:
            if start is not None and n > start:
                hits.append([start, n])
            start = None
        elif part:
            out.append(part)
            n += len(part)
    return "".join(out), hits


def point_filter(series_id: str | None, filters: Filters, mark: str,
                 outlet_clause: str) -> tuple[str, list[Any]]:
    """The WHERE clause (and its arguments) choosing current series points by series and
    filters, in a backend's placeholder ``mark``; ``outlet_clause`` compares the outlet ignoring
    case in that backend's own way. Shared by every store, so the two cannot drift apart."""
    where = ["f.current = 1", "f.series_id IS NOT NULL"]
    args: list[Any] = []
    if series_id is not None:
        where.append(f"f.series_id = {mark}")
        args.append(series_id)
    for clause, value in ((f"f.date >= {mark}", filters.since),
                          (f"f.date <= {mark}", filters.until),
                          (f"f.claimant = {mark}", filters.claimant),
                          (outlet_clause, filters.outlet)):
        if value:
            where.append(clause)
            args.append(value)
    return " AND ".join(where), args


def like_escape(text: str) -> str:
    """``text`` for a LIKE pattern with ``ESCAPE '\\'``: its ``%`` and ``_`` match themselves."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def fts_words(text: str, max_words: int = 16) -> str:
    """Plain words as an FTS5 query: each word a quoted string, all of them required, so
    "al-Shifa", "Israel's" or "NEAR(" are searched for, never parsed as query syntax."""
    words = text.replace("\x00", " ").split()[:max_words]
    return " ".join('"' + w.replace('"', '""') + '"' for w in words)


def _statements(ddl: str) -> list[str]:
    """Split the DDL into statements (no semicolons occur inside our statements)."""
    return [s.strip() + ";" for s in ddl.split(";\n") if s.strip()]
