"""What watch remembers, in the ledger: sources, items (pending → done / error → failed), errors."""

from __future__ import annotations

from newsledger.ledger import Ledger
from newsledger.ledger.watchlist import MAX_ATTEMPTS, Item, Watchlist


def test_items_become_pending_only_when_new_or_changed(ledger_db: str) -> None:
    with Ledger(ledger_db) as led:
        w = Watchlist(led.store)
        w.add_source("https://a.test/rss", "feed_url")
        w.add_source("https://a.test/rss", "feed_url")  # twice: one row
        assert w.offer("https://a.test/rss", [Item("https://a.test/rss", "u1", "f1"),
                                              Item("https://a.test/rss", "u2", "f2")]) == 2
        one, two = w.due("https://a.test/rss")
        w.done(one, article_id="a.test/u1", content_hash="h1", etag='"e"', last_modified=None,
               changed=True)
        w.done(two, article_id="a.test/u2", content_hash="h2", etag=None, last_modified=None,
               changed=True)
        # the same entries again: nothing due; a changed fingerprint: due, hash kept
        assert w.offer("https://a.test/rss", [Item("https://a.test/rss", "u1", "f1"),
                                              Item("https://a.test/rss", "u2", "f2b")]) == 1
        (again,) = w.due("https://a.test/rss")
        assert (again.item, again.content_hash) == ("u2", "h2")
        assert w.item("https://a.test/rss", "u1").etag == '"e"'  # type: ignore[union-attr]
        for _ in range(MAX_ATTEMPTS):
            w.failed(again, "http", "HTTP 500")
        assert w.due("https://a.test/rss") == []  # given up on
        w.polled("https://a.test/rss", error="HTTP 503", kind="http")
        (row,) = w.sources()
        assert (row["items"], row["stored"], row["pending"], row["errors"]) == \
            (2, 1, 0, MAX_ATTEMPTS + 1)
        assert row["last_error"] == "HTTP 503" and row["last_poll"]
        assert w.errors(limit=1)[0]["message"] == "HTTP 503"
        assert [c["item"] for c in w.changed_since("2000-01-01")] == ["u1", "u2"]
        assert w.changed_since("2999-01-01") == []


def test_a_ledger_without_watch_tables_reads_as_nothing_watched(ledger_db: str) -> None:
    with Ledger(ledger_db) as led:
        assert led.store.has_table("watch_sources")
        with led.store.transaction() as db:
            for t in ("watch_errors", "watch_items", "watch_sources"):
                led.store.execute(f"DROP TABLE {t}", (), db)
    with Ledger(ledger_db, readonly=True) as led:
        assert not led.store.has_table("watch_sources")
        w = Watchlist(led.store)
        assert w.sources() == [] and w.errors() == [] and w.changed_since("2000") == []
