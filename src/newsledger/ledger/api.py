"""The :class:`Ledger`: store records, keep series and flags fresh, answer queries.

This is the one object the CLI and the web view use; it derives what the store keeps (series key,
canonical claimant, as-of date, passage signature) from each record and leaves persistence to a
:class:`~newsledger.ledger.store.Store`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import StoreError
from ..actors import canonical_actor
from ..record import Figure, Record
from . import claimants as claimants_mod
from . import territory
from .series import claim_date, compute_flags, iso_date, place_of, series_key, summarize
from .similarity import passage_bounds, signature
from .store import FigureRow, Filters, Prepared, Store, fts_words, is_url, open_store

DEFAULT_DB = "newsledger.sqlite"


def content_hash(text: str) -> str:
    """SHA-256 of the article text: equal hashes mean the same version."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass
class IngestStats:
    """What an ingest did, article by article."""

    new: int = 0
    new_version: int = 0
    unchanged: int = 0
    failed: int = 0          # records with errors and no text: nothing to store
    figures: int = 0
    series_refreshed: int = 0
    failures: list[str] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.new + self.new_version + self.unchanged + self.failed

    def to_dict(self) -> dict[str, Any]:
        return {"new": self.new, "new_version": self.new_version, "unchanged": self.unchanged,
                "failed": self.failed, "figures": self.figures,
                "series_refreshed": self.series_refreshed}


def prepare(rec: Record) -> Prepared:
    """The rows the ledger derives from a record (pure: no database)."""
    prep = Prepared(record=rec, content_hash=content_hash(rec.text))
    sigs: dict[tuple[int, int], bytes | None] = {}
    pub = iso_date(rec.published)
    for i, fig in enumerate(rec.figures):
        key = series_key(fig, rec.published, rec.text)
        passage = None
        if key is not None and rec.text:
            lo, hi = passage_bounds(rec.text, rec.blocks, fig.span.start, fig.span.end)
            if (lo, hi) not in sigs:
                sigs[(lo, hi)] = signature(rec.text[lo:hi])
            passage = (lo, hi, sigs[(lo, hi)])
        prep.figures.append(FigureRow(
            idx=i, series_id=key.id if key else None, series_name=key.name if key else None,
            metric=fig.metric, subject=key.subject if key else None,
            place=key.place if key else fig.place, cumulative=bool(key and key.cumulative),
            claimant=territory.claimant_for_place(
                claimants_mod.claimant_in_article(fig, rec.text),
                key.place if key else place_of(fig.place, fig.counts), fig),
            date=claim_date(fig.as_of, pub, _mod_of(rec, fig)), passage=passage))
    prep.source_names = [canonical_actor(s.name) or s.name for s in rec.sources]
    return prep


def _mod_of(rec: Record, fig: Figure) -> str | None:
    """The TIMEX3 modifier of the time expression a month-long as-of came from ("early
    December": START), the nearest one with that value; None for a day or no as-of."""
    if not fig.as_of or iso_date(fig.as_of) is not None:
        return None
    near = [t for t in rec.times if t.value == fig.as_of]
    if not near:
        return None
    return min(near, key=lambda t: abs(t.span.start - fig.span.start)).mod


def _claimant_filter(claimant: str | None) -> str | None:
    """A claimant filter as the ledger stores it: canonical ("Ashraf Al Qudra" finds "Ashraf
    al-Qudra"); a description that is no claimant is kept as typed (it matches nothing)."""
    if not claimant:
        return None
    return claimants_mod.canonical(claimant) or claimant


def _compute(pts: list[dict[str, Any]], cumulative: bool
             ) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    for p in pts:
        p["outlet"] = canonical_actor(p["outlet"]) if p.get("outlet") else None
    flagged = compute_flags(pts, cumulative)
    return flagged, summarize(flagged)


def _merge_canonical(pairs: list[list[Any]]) -> list[list[Any]]:
    """[[outlet, n], …] with outlets made canonical ("AP" = "The Associated Press") and merged."""
    merged: dict[str, int] = {}
    for name, n in pairs:
        key = canonical_actor(name) or name if not str(name).startswith("(") else name
        merged[key] = merged.get(key, 0) + n
    return [[k, n] for k, n in sorted(merged.items(), key=lambda kv: (-kv[1], kv[0]))]


class Ledger:
    """Figures across articles, as series with flags. See the package docstring for the API."""

    def __init__(self, path: str | Path = DEFAULT_DB, readonly: bool = False,
                 store: Store | None = None) -> None:
        self.readonly = readonly
        self.store: Store = store if store is not None else open_store(path, readonly=readonly)
        # A file path, or a postgresql:// URL without its password (a Path would fold "//").
        self.path: str | Path = getattr(self.store, "path", path) if is_url(path) else Path(path)

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.store.close()

    # -- writing --------------------------------------------------------------------------------

    def status_of(self, article_id: str, text: str, url: str | None = None,
                  match_url: bool = True) -> str:
        """``unchanged`` when this exact text is stored under this id (or URL), ``new_version``
        when another text is, else ``new`` (lets ingest skip extraction of stored articles)."""
        return self.store.status_of(article_id, url if match_url else None, content_hash(text))

    def add(self, record: Record | dict[str, Any], match_url: bool = True) -> str:
        """Store one record in one transaction; returns ``new``, ``new_version`` or
        ``unchanged``. Series it touches are marked for :meth:`refresh`.

        An article is identified by its id, and by its URL when ``match_url``: pass False when
        ids are authoritative and pages share a URL (live blogs: one URL, many posts)."""
        rec = record if isinstance(record, Record) else Record.from_dict(record)
        prep = prepare(rec)
        prep.match_url = match_url
        return self.store.put(prep)

    def ingest_records(self, records: Iterable[Record | dict[str, Any]], refresh: bool = True,
                       on_record: Callable[[Record, str], None] | None = None,
                       match_url: bool | Callable[[Record], bool] = True) -> IngestStats:
        """Store records one transaction each (a record with no text is counted as failed), then
        refresh the series they touched. ``match_url``: see :meth:`add` (or a predicate)."""
        stats = IngestStats()
        for item in records:
            rec = item if isinstance(item, Record) else Record.from_dict(item)
            if not rec.text:
                stats.failed += 1
                stats.failures.append(rec.errors[0].message if rec.errors else
                                      f"record {rec.id!r} has no text")
                status = "failed"
            else:
                by_url = match_url(rec) if callable(match_url) else match_url
                status = self.add(rec, match_url=by_url)
                setattr(stats, status, getattr(stats, status) + 1)
                if status != "unchanged":
                    stats.figures += len(rec.figures)
            if on_record is not None:
                on_record(rec, status)
        if refresh:
            stats.series_refreshed = self.refresh()
        return stats

    def refresh(self, series_ids: Iterable[str] | None = None) -> int:
        """Recompute flags and summaries of the given (default: changed) series; returns how
        many were refreshed. Each series is one transaction."""
        if self.readonly:
            return 0
        ids = list(series_ids) if series_ids is not None else self.store.dirty_series()
        for sid in ids:
            self.store.refresh_series(sid, _compute)
        cache = getattr(self.store, "cache_listing", None)
        if cache is not None:
            cache(force=bool(ids))
        return len(ids)

    # -- reading --------------------------------------------------------------------------------

    def _filters(self, since: str | None, until: str | None, claimant: str | None,
                 outlet: str | None) -> Filters:
        for name, v in (("since", since), ("until", until)):
            if v and iso_date(v) is None:
                raise StoreError(f"--{name} {v!r} is not a date. Expected YYYY-MM-DD.")
        return Filters(iso_date(since), iso_date(until),
                       _claimant_filter(claimant), outlet or None)

    def series(self, query: str | None = None, *, since: str | None = None,
               until: str | None = None, claimant: str | None = None,
               outlet: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        """Series, most points first. Without filters this reads the stored summaries; with
        filters, counts and latest values are over the matching points only (flags stay
        relative to the whole series)."""
        f = self._filters(since, until, claimant, outlet)
        if not f.any():
            return self.store.list_series(query, limit)
        sums = self.store.summaries(f)
        q = (query or "").lower()
        out = [{**s, **sums[s["id"]]} for s in self.store.series_rows(sorted(sums))
               if not q or q in s["name"].lower() or q in s["id"].lower()]
        for s in out:
            s["outlets"] = _merge_canonical(s["outlets"])
        out.sort(key=lambda s: (-s["points"], s["id"]))
        return out[:limit] if limit else out

    def find_series(self, ref: str) -> dict[str, Any] | None:
        """A series by id, by name (case-insensitive), or by a substring matching one series."""
        rows = self.store.series_rows([ref])
        if rows:
            return rows[0]
        cands = self.store.list_series(ref, None)
        exact = [s for s in cands if s["name"].lower() == ref.lower()]
        if exact:
            return exact[0]
        return cands[0] if len(cands) == 1 else None

    def points(self, series_id: str, *, since: str | None = None, until: str | None = None,
               claimant: str | None = None, outlet: str | None = None,
               limit: int | None = None, offset: int = 0) -> list[dict[str, Any]]:
        """Points of one series in time order, with provenance and flags (see package doc)."""
        f = self._filters(since, until, claimant, outlet)
        return self.store.list_points(series_id, f, limit, offset)

    def point(self, point_id: int) -> dict[str, Any] | None:
        get = getattr(self.store, "get_point", None)
        return get(int(point_id)) if get else None

    def article(self, article_id: str, version: int | None = None) -> dict[str, Any] | None:
        """The stored record (``Record.to_dict()`` form, with ``text``) of an article's latest
        (or given) version, plus a ``ledger`` key: version, versions, figure ids."""
        return self.store.get_record(article_id, version)

    def search(self, query: str, limit: int = 20, offset: int = 0, *,
               words: bool = False) -> list[dict[str, Any]]:
        """Latest article versions whose title or text match an FTS5 query, best first; with
        ``words``, ``query`` is plain words (each must occur; no query syntax). ``snippet`` is
        plain text and ``snippet_hits`` the ``[start, end)`` of the matched words in it."""
        q = fts_words(query) if words else query
        if not q:
            return []
        return self.store.search(q, limit, offset)

    def search_count(self, query: str, *, words: bool = False) -> int:
        """How many articles :meth:`search` finds in all."""
        q = fts_words(query) if words else query
        count = getattr(self.store, "search_count", None)
        if not q:
            return 0
        return int(count(q)) if count else len(self.store.search(q, 1_000_000))

    def articles(self, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """Latest article versions, newest first (``n_figures``, ``n_points`` each)."""
        lister = getattr(self.store, "list_articles", None)
        return list(lister(limit, offset)) if lister else []

    def claimants(self) -> tuple[list[dict[str, Any]], int]:
        """Canonical claimants with their point counts, most first: ``[{"claimant", "points",
        "series", "variants": [[as written, n], ...]}]``, and how many points have none. Made
        canonical again from the names as written, so a claimant table edited since ingest
        (``NEWSLEDGER_CLAIMANTS``) counts."""
        lister = getattr(self.store, "claimant_counts", None)
        rows = lister() if lister else []
        return claimants_mod.listing(rows)

    def stats(self) -> dict[str, int]:
        return self.store.counts()
