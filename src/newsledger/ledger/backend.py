"""What every SQL store shares: the ledger's reads and writes, written once for all backends.

:class:`SQLBackend` holds the logic that does not depend on the database (storing one record
with its versions, figures and series; recomputing a series' flags; listings, summaries, points,
records, counts, copying), in SQL both SQLite and PostgreSQL speak, with ``?`` placeholders.
A backend (:class:`~.store.SQLiteStore`, :class:`~.postgres.PostgresStore`) supplies only what
differs: its connection and transactions, its placeholder (``MARK``), a few dialect fragments
(class attributes below), how one write is locked and retried, full-text indexing and search.

Rows are read by column name (``sqlite3.Row`` and psycopg's dict rows both allow it), so the
shared code never depends on a backend's row type.
"""

from __future__ import annotations

import gc
import json
import re
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from ..record import Record
from .schema import TABLES, WATCH_TABLES

_FLAGS = ("echo", "corroboration", "update", "revision_down", "conflict", "outlier")
_BIGINT = 2**63  # the range of a stored integer, on both backends


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


@contextmanager
def no_gc() -> Iterator[None]:
    """Pause the cyclic GC while building thousands of small containers (no cycles are made):
    CPython would otherwise run full collections in the middle of a listing."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


POINT_COLUMNS = """
    f.id, f.series_id, f.value, f.low, f.high, f.approx, f.unit, f.counts, f.metric, f.place,
    f.cumulative, f.claimant, f.claimant_name, f.claimant_mention, f.hedges, f.as_of, f.date,
    f.span_start, f.span_end, f.span_text, f.origin_id, f.ord, f.flags,
    a.pk AS article_pk, a.article_id, a.version AS article_version, a.url, a.outlet, a.published,
    a.title
"""


def point_row(row: Any) -> dict[str, Any]:
    d = dict(row)
    d["hedges"] = json.loads(d["hedges"]) if d["hedges"] else []
    d["flags"] = json.loads(d["flags"]) if d["flags"] else []
    d["cumulative"] = None if d["cumulative"] is None else bool(d["cumulative"])
    d["span"] = {"start": d["span_start"], "end": d["span_end"], "text": d["span_text"]}
    return d


def series_row(row: Any) -> dict[str, Any]:
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


HIT_ON, HIT_OFF = "\x02", "\x03"  # snippet markers no article text holds


def unmark(snippet: str) -> tuple[str, list[list[int]]]:
    """An FTS snippet without its hit markers, and the hits' offsets in that plain text."""
    out: list[str] = []
    hits: list[list[int]] = []
    n = 0
    start = None
    for part in re.split(f"([{HIT_ON}{HIT_OFF}])", snippet):
        if part == HIT_ON:
            start = n
        elif part == HIT_OFF:
            if start is not None and n > start:
                hits.append([start, n])
            start = None
        elif part:
            out.append(part)
            n += len(part)
    return "".join(out), hits


def statements(ddl: str) -> list[str]:
    """Split the DDL into statements (no semicolons occur inside our statements)."""
    return [s.strip() + ";" for s in ddl.split(";\n") if s.strip()]


class SQLBackend:
    """The store logic both backends share; a subclass sets the dialect and opens ``db``.

    ``db`` is the backend's connection: ``execute(sql, args)`` returning rows readable by
    column name, and ``executemany(sql, rows)``. The subclass provides ``transaction()`` (one
    write transaction, yielding ``db``), ``search``/``search_count`` and ``load``."""

    db: Any
    readonly: bool

    # -- the dialect: what a backend overrides ---------------------------------------------------

    MARK = "?"  # the driver's placeholder; shared SQL is written with "?"
    OUTLET_CLAUSE = "a.outlet = ? COLLATE NOCASE"  # the outlet, ignoring case
    LIKE = "LIKE"  # the case-insensitive LIKE
    WIRE_AGG = "group_concat(s.canonical, char(31))"  # wire credits joined by U+001F
    NO_LIMIT: int | None = -1  # LIMIT for "no limit" with an OFFSET
    LOCK_ROW = ""  # appended to the SELECT of the series row a refresh recomputes

    def transaction(self) -> Any:  # pragma: no cover - every backend has its own
        raise NotImplementedError

    def _retrying(self, work: Callable[[], Any]) -> Any:
        """Run one write transaction (again, where the backend may abort it)."""
        return work()

    def _lock_article(self, db: Any, keys: list[str]) -> None:
        """Serialise writers of the same article id or URL (``keys``, sorted)."""

    def _index_text(self, db: Any, pk: int, title: str | None, text: str) -> None:
        """Make a new article searchable (where the index is not kept by the database)."""

    def _fits(self, text: str) -> bool:
        """Can this text be compared with stored text at all? (False: nothing matches.)"""
        return True

    def has_table(self, name: str) -> bool:  # pragma: no cover - every backend has its own
        """Does the ledger have this table (an older ledger may lack newer ones)?"""
        raise NotImplementedError

    # -- plumbing -------------------------------------------------------------------------------

    def _sql(self, sql: str) -> str:
        return sql if self.MARK == "?" else sql.replace("?", self.MARK)

    def execute(self, sql: str, args: Any = (), db: Any = None) -> Any:
        """One statement in the shared dialect (``?`` placeholders; rows read by column name),
        on ``db`` (a transaction's connection) or the store's own."""
        con = db or self.db
        # No arguments: no placeholders parsed (psycopg would read a LIKE pattern's "%").
        return con.execute(self._sql(sql), args) if args else con.execute(sql)

    def _where(self, series_id: str | None, filters: Filters) -> tuple[str, list[Any]]:
        return point_filter(series_id, filters, self.MARK, self._sql(self.OUTLET_CLAUSE))

    def close(self) -> None:
        self.db.close()

    # -- writing --------------------------------------------------------------------------------

    def _identity(self, db: Any, article_id: str, url: str | None) -> list[dict[str, Any]]:
        cols = "pk, article_id, version, is_latest, content_hash, url"
        rows = [dict(r) for r in self.execute(
            f"SELECT {cols} FROM articles WHERE article_id = ? ORDER BY pk", (article_id,), db)]
        if url:
            rows += [dict(r) for r in self.execute(
                f"SELECT {cols} FROM articles WHERE url = ? AND article_id != ? ORDER BY pk",
                (url, article_id), db)]
        return rows

    def status_of(self, article_id: str, url: str | None, content_hash: str) -> str:
        """``unchanged`` (stored as is), ``new_version`` (same id/URL, other text) or ``new``."""
        rows = self._identity(self.db, article_id, url)
        if any(r["content_hash"] == content_hash for r in rows):
            return "unchanged"
        return "new_version" if rows else "new"

    def put(self, prep: Prepared) -> str:
        """Store one record in one transaction; returns ``unchanged``/``new_version``/``new``."""
        return str(self._retrying(lambda: self._put(prep)))

    def _put(self, prep: Prepared) -> str:
        rec = prep.record
        url = rec.url if prep.match_url else None
        with self.transaction() as db:
            # sorted: two writers take them in the same order
            self._lock_article(db, sorted({"id:" + rec.id} | ({"url:" + url} if url else set())))
            rows = self._identity(db, rec.id, url)
            if any(r["content_hash"] == prep.content_hash for r in rows):
                return "unchanged"
            latest = [r for r in rows if r["is_latest"]]
            version = max((r["version"] for r in rows), default=0) + 1
            supersedes = max(latest, key=lambda r: r["version"])["pk"] if latest else None
            touched: set[str] = set()
            for r in latest:
                touched.update(x["series_id"] for x in self.execute(
                    "SELECT DISTINCT series_id FROM figures WHERE article_pk = ? AND "
                    "series_id IS NOT NULL", (r["pk"],), db))
            new_series: dict[str, Any] = {}
            for row in prep.figures:
                if row.series_id is not None:
                    new_series.setdefault(row.series_id, row)
            # Every series this article changes, in id order, before figures point at them
            # (foreign key; on a server, the row locks make a refresh wait for this writer).
            for sid in sorted(touched | set(new_series)):
                s = new_series.get(sid)
                if s is not None:
                    self.execute("INSERT INTO series(id, name, metric, subject, place, cumulative, "
                              "dirty) VALUES (?, ?, ?, ?, ?, ?, 1) "
                              "ON CONFLICT (id) DO UPDATE SET dirty = 1",
                              (sid, s.series_name, s.metric, s.subject, s.place,
                               int(s.cumulative)), db)
                else:
                    self.execute("UPDATE series SET dirty = 1 WHERE id = ?", (sid,), db)
            for r in latest:
                self.execute("UPDATE articles SET is_latest = 0 WHERE pk = ?", (r["pk"],), db)
                self.execute("UPDATE figures SET current = 0 WHERE article_pk = ?", (r["pk"],), db)
            pk = self.execute(
                "INSERT INTO articles(article_id, version, is_latest, supersedes, url, outlet, "
                "published, title, text, content_hash, ingested_at) "
                "VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING pk",
                (rec.id, version, supersedes, rec.url, rec.outlet, rec.published, rec.title,
                 rec.text, prep.content_hash, now()), db).fetchone()["pk"]
            self._index_text(db, pk, rec.title, rec.text)
            body = rec.to_dict()
            body.pop("text", None)  # the text lives once, in articles
            self.execute("INSERT INTO records(article_pk, schema, extractors, n_errors, errors, "
                      "json) VALUES (?, ?, ?, ?, ?, ?)",
                      (pk, rec.schema, json.dumps(rec.extractors), len(rec.errors),
                       json.dumps([e.to_dict() for e in rec.errors], ensure_ascii=False),
                       json.dumps(body, ensure_ascii=False)), db)
            self._put_figures(db, pk, prep)
            db.executemany(self._sql(
                "INSERT INTO quotes(article_pk, idx, kind, speaker, speaker_mention, cue, "
                "content_start, content_end, content_text, confidence) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
                [(pk, i, q.kind, q.speaker.name,
                  q.speaker.mention.text if q.speaker.mention else None,
                  q.cue.text if q.cue else None, q.content.start, q.content.end, q.content.text,
                  q.confidence) for i, q in enumerate(rec.quotes)])
            db.executemany(self._sql(
                "INSERT INTO sources(article_pk, idx, name, canonical, role, span_start, span_end)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)"),
                [(pk, i, s.name, prep.source_names[i] if i < len(prep.source_names) else s.name,
                  s.role, s.span.start, s.span.end) for i, s in enumerate(rec.sources)])
            db.executemany(self._sql(
                "INSERT INTO entities(article_pk, idx, label, name, span_start, span_end) "
                "VALUES (?, ?, ?, ?, ?, ?)"),
                [(pk, i, e.label, e.name, e.span.start, e.span.end)
                 for i, e in enumerate(rec.entities)])
            return "new_version" if rows else "new"

    def _put_figures(self, db: Any, pk: int, prep: Prepared) -> None:
        rec = prep.record
        passages: dict[tuple[int, int], int] = {}
        rows = []
        for row in prep.figures:
            fig = rec.figures[row.idx]
            pid = None
            if row.passage is not None:
                key = row.passage[:2]
                if key not in passages:
                    passages[key] = self.execute(
                        'INSERT INTO passages(article_pk, start, "end", sig) VALUES (?, ?, ?, ?) '
                        "RETURNING id", (pk, key[0], key[1], row.passage[2]), db
                    ).fetchone()["id"]
                pid = passages[key]
            rows.append(
                (pk, row.idx, row.series_id, fig.value, fig.low, fig.high, fig.approx, fig.unit,
                 fig.counts, fig.metric, row.place,
                 None if fig.cumulative is None else int(fig.cumulative), row.claimant,
                 fig.claimant.name if fig.claimant else None,
                 fig.claimant.mention.text if fig.claimant and fig.claimant.mention else None,
                 json.dumps([h.text for h in fig.hedges], ensure_ascii=False), fig.as_of,
                 row.date, fig.span.start, fig.span.end, fig.span.text, pid))
        db.executemany(self._sql(
            "INSERT INTO figures(article_pk, idx, series_id, current, value, low, high, "
            "approx, unit, counts, metric, place, cumulative, claimant, claimant_name, "
            "claimant_mention, hedges, as_of, date, span_start, span_end, span_text, "
            "passage_id) VALUES (?, ?, ?, 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
            "?, ?, ?)"), rows)

    # -- series refresh -------------------------------------------------------------------------

    def dirty_series(self) -> list[str]:
        return [r["id"] for r in self.execute("SELECT id FROM series WHERE dirty = 1 ORDER BY id")]

    def flag_inputs(self, series_id: str | None, filters: Filters,
                    db: Any = None) -> list[dict[str, Any]]:
        """The fields flag computation and summaries need, for one series or (filtered) all."""
        where, args = self._where(series_id, filters)
        rows = (db or self.db).execute(
            "SELECT f.id, f.series_id, f.value, f.low, f.high, f.approx, f.date, f.claimant, "
            "f.as_of, f.origin_id, f.flags, a.pk AS article, a.published, a.outlet, p.sig, "
            "a.article_id AS tie_id, a.version AS tie_version, f.idx AS tie_idx, "
            f"(SELECT {self.WIRE_AGG} FROM sources s WHERE s.article_pk = a.pk "
            " AND s.role = 'wire_credit') AS wire "
            "FROM figures f JOIN articles a ON a.pk = f.article_pk "
            f"LEFT JOIN passages p ON p.id = f.passage_id WHERE {where} "
            "ORDER BY f.series_id, f.ord, f.id", args).fetchall()
        out = []
        for r in rows:
            d = dict(r)
            d["wire"] = d["wire"].split("\x1f") if d["wire"] else []
            d["origin"] = d.pop("origin_id") or d["id"]
            d["flags"] = json.loads(d["flags"]) if d["flags"] else []
            d["sig"] = bytes(d["sig"]) if d["sig"] is not None else None
            d["tiebreak"] = (d.pop("tie_id"), d.pop("tie_version"), d.pop("tie_idx"))
            out.append(d)
        return out

    def refresh_series(self, series_id: str,
                       compute: Callable[[list[dict[str, Any]], bool],
                                         tuple[list[dict[str, Any]], dict[str, Any]]]) -> None:
        """Recompute one series' flags and summary inside one write transaction."""
        self._retrying(lambda: self._refresh(series_id, compute))

    def _refresh(self, series_id: str, compute: Callable[..., Any]) -> None:
        with self.transaction() as db:
            # Where rows lock, writers of this series wait until the new flags are in.
            row = self.execute(f"SELECT cumulative FROM series WHERE id = ?{self.LOCK_ROW}",
                            (series_id,), db).fetchone()
            if row is None:
                return
            pts = self.flag_inputs(series_id, Filters(), db)
            flagged, summary = compute(pts, bool(row["cumulative"]))
            db.executemany(self._sql(
                "UPDATE figures SET ord = ?, origin_id = ?, flags = ?, is_echo = ?, "
                "is_corroboration = ?, is_update = ?, is_revision_down = ?, is_conflict = ?, "
                "is_outlier = ? WHERE id = ?"),
                [(p["ord"], p["origin"] if p["origin"] != p["id"] else None,
                  json.dumps(p["flags"], ensure_ascii=False),
                  *(int(any(f["flag"] == n for f in p["flags"])) for n in _FLAGS), p["id"])
                 for p in sorted(flagged, key=lambda p: p["id"])])
            fl = summary["flags"]
            self.execute(
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
                 json.dumps(summary["outlets"], ensure_ascii=False), now(), series_id), db)
            # A stored full listing (SQLite keeps one) is stale now.
            self.execute("DELETE FROM meta WHERE key = 'series_listing'", (), db)

    # -- reading --------------------------------------------------------------------------------

    def list_series(self, query: str | None = None, limit: int | None = None
                    ) -> list[dict[str, Any]]:
        return self._series_select(query, limit)

    def _series_select(self, query: str | None = None, limit: int | None = None
                       ) -> list[dict[str, Any]]:
        """The listing straight from the ``series`` summary columns (the reference path)."""
        sql = "SELECT * FROM series WHERE n_points > 0"
        args: list[Any] = []
        if query and len(query) > 1000:
            return []  # longer than any series name or id (and than SQLite's LIKE limit)
        if query and not self._fits(query):
            query = query.replace("\x00", "")
        if query:
            # The query is text, not a pattern: "k%d" must not match "killed".
            pat = "%" + like_escape(query) + "%"
            sql += f" AND (name {self.LIKE} ? ESCAPE '\\' OR id {self.LIKE} ? ESCAPE '\\')"
            args += [pat, pat]
        sql += " ORDER BY n_points DESC, id"
        if limit:
            sql += " LIMIT ?"
            args.append(int(limit))
        with no_gc():
            return [series_row(r) for r in self.execute(sql, args)]

    def series_rows(self, ids: list[str]) -> list[dict[str, Any]]:
        ids = [i for i in ids if self._fits(i)]
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        return [series_row(r) for r in self.execute(
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
                "SELECT f.series_id AS sid, COUNT(*) AS n, "
                "COUNT(DISTINCT COALESCE(f.origin_id, f.id)) AS o, "
                + "".join(f"SUM(f.is_{k}) AS n_{k}, " for k in _FLAGS) +
                f"MIN(f.date) AS first_date {lean} GROUP BY f.series_id", args):
            out[r["sid"]] = {"points": r["n"], "origins": r["o"],
                             "flags": {k: int(r["n_" + k]) for k in _FLAGS},
                             "first_date": r["first_date"], "claimants": [], "outlets": [],
                             "latest_id": None, "latest_value": None, "latest_low": None,
                             "latest_high": None, "latest_approx": None, "latest_date": None,
                             "latest_claimant": None}
        if filters.claimant:
            for d in out.values():
                d["claimants"] = [[filters.claimant, d["points"]]]
        groups = [("a.outlet", "outlets", "(unknown)", base)]
        if not filters.claimant:
            groups.append(("f.claimant", "claimants", "(unattributed)", lean))
        for col, key, none, frm in groups:
            for r in self.db.execute(
                    f"SELECT f.series_id AS sid, COALESCE({col}, '{none}') AS k, COUNT(*) AS n "
                    f"{frm} GROUP BY f.series_id, k ORDER BY f.series_id, n DESC, k", args):
                out[r["sid"]][key].append([r["k"], r["n"]])
        for r in self.db.execute(
                "SELECT * FROM (SELECT f.series_id, f.id, f.value, f.low, f.high, f.approx, "
                "f.date, f.claimant, ROW_NUMBER() OVER (PARTITION BY f.series_id ORDER BY "
                "(f.as_of IS NULL), f.ord DESC) AS rn "
                f"{lean} AND f.is_outlier = 0 AND f.date IS NOT NULL AND "
                "COALESCE(f.value, f.low, f.high) IS NOT NULL AND "
                "COALESCE(f.approx, '') != 'vague') AS latest WHERE rn = 1", args):
            out[r["series_id"]].update({
                "latest_id": r["id"], "latest_value": r["value"], "latest_low": r["low"],
                "latest_high": r["high"], "latest_approx": r["approx"],
                "latest_date": r["date"], "latest_claimant": r["claimant"]})
        return out

    def list_points(self, series_id: str, filters: Filters, limit: int | None = None,
                    offset: int = 0) -> list[dict[str, Any]]:
        if not self._fits(series_id):
            return []
        where, args = self._where(series_id, filters)
        fresh = self.execute("SELECT dirty = 0 AS fresh FROM series WHERE id = ?",
                          (series_id,)).fetchone()
        if offset and not filters.any() and fresh and fresh["fresh"]:
            # A fresh series numbers its points 0..n-1 in `ord`: seek instead of skipping.
            where += f" AND f.ord >= {self.MARK}"
            args.append(int(offset))
            offset = 0
        sql = (f"SELECT {POINT_COLUMNS} FROM figures f JOIN articles a ON a.pk = f.article_pk "
               f"WHERE {where} ORDER BY f.ord, f.id")
        if limit is not None or offset:
            sql += f" LIMIT {self.MARK} OFFSET {self.MARK}"
            args += [int(limit) if limit is not None else self.NO_LIMIT, int(offset)]
        with no_gc():
            return [point_row(r) for r in self.db.execute(sql, args)]

    def get_point(self, figure_id: int) -> dict[str, Any] | None:
        if not -_BIGINT <= figure_id < _BIGINT:
            return None
        row = self.execute(f"SELECT {POINT_COLUMNS} FROM figures f JOIN articles a ON "
                        "a.pk = f.article_pk WHERE f.id = ?", (figure_id,)).fetchone()
        return point_row(row) if row else None

    def get_record(self, article_id: str, version: int | None = None) -> dict[str, Any] | None:
        if not self._fits(article_id):
            return None
        sql = ("SELECT a.pk, a.text, a.version, a.is_latest, a.supersedes, a.content_hash, "
               "a.ingested_at, r.json FROM articles a JOIN records r ON r.article_pk = a.pk "
               "WHERE a.article_id = ?")
        args: list[Any] = [article_id]
        if version is None:
            sql += " ORDER BY a.is_latest DESC, a.version DESC LIMIT 1"
        else:
            if not -_BIGINT <= int(version) < _BIGINT:
                return None
            sql += " AND a.version = ?"
            args.append(int(version))
        row = self.execute(sql, args).fetchone()
        if row is None:
            return None
        d: dict[str, Any] = json.loads(row["json"])
        d["text"] = row["text"]
        versions = [dict(r) for r in self.execute(
            "SELECT pk, article_id, version, is_latest, content_hash, ingested_at FROM articles "
            "WHERE article_id = ? OR pk = ? ORDER BY version", (article_id, row["supersedes"]))]
        d["ledger"] = {"article_pk": row["pk"], "version": row["version"],
                       "is_latest": bool(row["is_latest"]), "supersedes": row["supersedes"],
                       "content_hash": row["content_hash"], "ingested_at": row["ingested_at"],
                       "versions": versions,
                       "figure_ids": [r["id"] for r in self.execute(
                           "SELECT id FROM figures WHERE article_pk = ? ORDER BY idx",
                           (row["pk"],))]}
        return d

    def list_articles(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Latest article versions, newest published first, with their figure counts."""
        return [dict(r) for r in self.execute(
            "SELECT a.article_id, a.version, a.url, a.outlet, a.published, a.title, "
            "(SELECT COUNT(*) FROM figures f WHERE f.article_pk = a.pk) AS n_figures, "
            "(SELECT COUNT(*) FROM figures f WHERE f.article_pk = a.pk AND "
            "f.series_id IS NOT NULL) AS n_points "
            "FROM articles a WHERE a.is_latest = 1 "
            "ORDER BY a.published IS NULL, a.published DESC, a.article_id LIMIT ? OFFSET ?",
            (int(limit), max(0, int(offset)))).fetchall()]

    def claimant_counts(self) -> list[dict[str, Any]]:
        """Points of the latest article versions per (claimant as stored, as written, series):
        what :meth:`Ledger.claimants` groups into canonical claimants."""
        rows = self.execute(
            "SELECT f.claimant, f.claimant_name, f.claimant_mention, f.series_id, "
            "COUNT(*) AS points FROM figures f WHERE f.current = 1 AND f.series_id IS NOT NULL "
            "GROUP BY f.claimant, f.claimant_name, f.claimant_mention, f.series_id").fetchall()
        return [dict(r) for r in rows]

    def counts(self) -> dict[str, int]:
        out = {}
        for t in ("articles", "records", "figures", "quotes", "sources", "entities", "series"):
            out[t] = self.execute(f"SELECT COUNT(*) AS n FROM {t}").fetchone()["n"]
        out["current_articles"] = self.execute(
            "SELECT COUNT(*) AS n FROM articles WHERE is_latest = 1").fetchone()["n"]
        out["dirty_series"] = self.execute(
            "SELECT COUNT(*) AS n FROM series WHERE dirty = 1").fetchone()["n"]
        return out

    # -- copying --------------------------------------------------------------------------------

    def dump(self, table: str) -> Iterator[dict[str, Any]]:
        """Every row of one ledger table in key order, as plain column values."""
        key = dict(TABLES + WATCH_TABLES)[table]
        for r in self.execute(f'SELECT * FROM {table} ORDER BY "{key}"'):
            row = dict(r)
            row.pop("fts", None)  # PostgreSQL's search column, derived from the text
            if table == "passages" and row["sig"] is not None:
                row["sig"] = bytes(row["sig"])
            yield row

    def set_column(self, table: str, column: str, pairs: list[tuple[Any, Any]]) -> None:
        """``UPDATE table SET column = value WHERE key = k`` for many ``(k, value)`` pairs."""
        key = dict(TABLES)[table]
        with self.transaction() as db:
            db.executemany(self._sql(f'UPDATE {table} SET {column} = ? WHERE "{key}" = ?'),
                           [(v, k) for k, v in pairs])

    def load(self, table: str, rows: Iterable[dict[str, Any]]) -> int:  # pragma: no cover
        raise NotImplementedError
