"""The ledger: every figure over time across articles, with its sources and flags.

Python API (the CLI and the web view use only this)::

    from newsledger.ledger import Ledger

    with Ledger("newsledger.sqlite") as led:                # readonly=True for viewers
        stats = led.ingest_records(records)                 # Records or dicts; one transaction
                                                            # per article, then refresh()
        led.add(record, match_url=True) -> "new" | "new_version" | "unchanged"
                                    # same id (or same URL when match_url) + other text = version
        led.status_of(article_id, text, url=None)           # same, without writing
        led.refresh()                                       # recompute changed series' flags

        led.series(query=None, since=None, until=None, claimant=None, outlet=None, limit=None)
            -> [{"id", "name", "metric", "subject", "place", "cumulative", "points", "origins",
                 "latest_id", "latest_value", "latest_low", "latest_high", "latest_approx",
                 "latest_date", "latest_claimant", "first_date",
                 "claimants": [[name, n], ...], "outlets": [[name, n], ...],
                 "flags": {"echo": n, "corroboration": n, "update": n, "revision_down": n,
                           "conflict": n, "outlier": n}, "stale": bool}]
        led.find_series("killed:people:gaza:cumulative" | "people killed in Gaza" | substring)
        led.points(series_id, since=None, until=None, claimant=None, outlet=None,
                   limit=None, offset=0)
            -> [{"id", "series_id", "ord", "value", "low", "high", "approx", "unit", "counts",
                 "metric", "place", "cumulative", "claimant" (canonical), "claimant_name",
                 "claimant_mention", "hedges": [str], "as_of", "date" (as-of, else published),
                 "span": {"start", "end", "text"}, "span_start", "span_end", "span_text",
                 "origin_id" (point this one echoes back to, or None), "flags":
                 [{"flag": "echo|corroboration|update|revision_down|conflict|outlier",
                   "related": [point ids], "note": str}],
                 "article_pk", "article_id", "article_version", "url", "outlet", "published",
                 "title"}]                                  # time order
        led.point(point_id) -> one point dict
        led.article(article_id, version=None) -> Record dict (with "text") + "ledger":
            {"article_pk", "version", "is_latest", "supersedes", "versions", "figure_ids", ...}
        led.search("ceasefire AND Rafah", limit=20, offset=0)
            -> [{"article_id", "title", "snippet" (plain text), "snippet_hits": [[start, end]],
                 ...}]                                      # FTS5 syntax; bad syntax raises
        led.search("al-Shifa Israel's", words=True)        # plain words, each must occur
        led.search_count(query, words=False) -> n
        led.articles(limit=50, offset=0) -> [{"article_id", "title", "n_figures", "n_points",
                                              ...}]         # newest first, latest versions
        led.claimants() -> ([{"claimant", "points", "series", "variants": [[written, n], ...]}],
                            points_with_no_claimant)   # canonical (ledger/claimants.py)
        led.stats() -> {"articles": n, "figures": n, ...}

    from newsledger.run.ingest import ingest_paths    # files -> extract -> store (progress)
    from newsledger.ledger.export import iter_points, write_csv, write_jsonl, wikidata_statements

``Ledger("postgresql://user@host/db")`` opens the PostgreSQL store instead (psycopg 3, the
``postgres`` extra): the same API, one ledger shared by writers on many machines.
``ledger.copy.copy_ledger(src.store, dst.store)`` moves a ledger between backends and
``ledger.digest.ledger_digest(store)`` hashes its content (equal across backends and ingest
orders).

A Ledger holds one database connection: use one per thread, or take turns with a lock. Writers
in other processes are fine (WAL; row and advisory locks on PostgreSQL); a reader sees each
article whole or not at all.

Series ids look like ``killed:people:gaza:cumulative`` (metric:subject:place:kind). Flags are
relative to the whole series and stored; ``stale`` is true when a series changed since its flags
were computed (a read-only Ledger does not refresh). Storage goes through
:class:`~newsledger.ledger.store.Store`; :class:`~newsledger.ledger.store.SQLiteStore` (WAL,
Datasette-friendly, metadata in ``data/ledger_metadata.json``) is the default, and
:class:`~newsledger.ledger.postgres.PostgresStore` serves many machines; the logic they share is
written once, in :class:`~newsledger.ledger.backend.SQLBackend`.
"""

from __future__ import annotations

from .api import DEFAULT_DB, IngestStats, Ledger, content_hash, prepare
from .series import FLAGS, SeriesKey, series_key
from .store import Filters, SQLiteStore, Store

__all__ = ["DEFAULT_DB", "FLAGS", "Filters", "IngestStats", "Ledger", "SQLiteStore",
           "SeriesKey", "Store", "content_hash", "prepare", "series_key"]
