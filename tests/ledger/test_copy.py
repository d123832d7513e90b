"""Copying a ledger between backends: row for row, keys kept, digest unchanged, both ways."""

from __future__ import annotations

import pytest

from newsledger.errors import StoreError
from newsledger.ledger import Ledger
from newsledger.ledger.copy import copy_ledger
from newsledger.ledger.digest import ledger_digest
from newsledger.ledger.synthetic import make_record


def _fill(led: Ledger) -> None:
    led.ingest_records([make_record(f"a{i}", f"2024-05-0{1 + i % 4}",
                                    [(100 + i % 3, "killed", "Gaza", "the health ministry",
                                      True)], outlet=("AP", "BBC")[i % 2],
                                    wire="AP" if i % 3 == 0 else None) for i in range(9)])
    led.ingest_records([make_record("a1", "2024-05-02", [(180, "killed", "Gaza",
                                                          "the health ministry", True)])])


def test_copy_there_and_back_keeps_everything(ledger_db: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    first = tmp_path / "first.sqlite"
    with Ledger(first) as led:
        _fill(led)
        want = ledger_digest(led.store)
        series = led.series()
        sid = series[0]["id"]
        points = led.points(sid)
        article = led.article("a1")
        hits = led.search("killed")
    assert series[0]["flags"]["echo"] + series[0]["flags"]["corroboration"] > 0  # flags to move
    with Ledger(first, readonly=True) as src, Ledger(ledger_db) as dst:
        counts = copy_ledger(src.store, dst.store)
        assert counts["articles"] == 10 and counts["figures"] == 10
        assert ledger_digest(dst.store) == want
        assert dst.series() == series
        assert dst.points(sid) == points          # same ids, flags, origins
        assert dst.article("a1") == article        # versions and keys as they were
        assert sorted(h["article_id"] for h in dst.search("killed")) == \
            sorted(h["article_id"] for h in hits)
        # the copy goes on like the original: new rows get fresh keys
        assert dst.add(make_record("z", "2024-06-01", [(5, "killed", "Gaza", "medics",
                                                        True)])) == "new"
    back = tmp_path / "back.sqlite"
    with Ledger(ledger_db, readonly=True) as src, Ledger(back) as dst:
        copy_ledger(src.store, dst.store)
        assert ledger_digest(dst.store) == ledger_digest(src.store)


def test_copy_refuses_a_destination_with_articles(ledger_db: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Ledger(tmp_path / "src.sqlite") as src, Ledger(ledger_db) as dst:
        _fill(src)
        _fill(dst)
        with pytest.raises(StoreError, match="already holds articles"):
            copy_ledger(src.store, dst.store)


def test_copy_moves_the_watch_state(ledger_db: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from newsledger.ledger.watchlist import Item, Watchlist

    first = tmp_path / "first.sqlite"
    with Ledger(first) as led:
        _fill(led)
        w = Watchlist(led.store)
        w.add_source("https://a.test/rss", "feed_url")
        w.offer("https://a.test/rss", [Item("https://a.test/rss", "u1", "f1"),
                                       Item("https://a.test/rss", "u2", "f2")])
        (one, two) = w.due("https://a.test/rss")
        w.done(one, article_id="a1", content_hash="h1", etag='"e"', last_modified=None,
               changed=True)
        w.failed(two, "http", "HTTP 503")
        want = (w.sources(), w.errors(), w.due("https://a.test/rss"), w.changed_since("2000"))
    with Ledger(first, readonly=True) as src, Ledger(ledger_db) as dst:
        counts = copy_ledger(src.store, dst.store)
        assert (counts["watch_sources"], counts["watch_items"], counts["watch_errors"]) == (1, 2, 1)
        w = Watchlist(dst.store)
        assert (w.sources(), w.errors(), w.due("https://a.test/rss"),
                w.changed_since("2000")) == want
        # The copy is watched on: a new error gets a fresh key after the copied one.
        w.polled("https://a.test/rss", error="HTTP 500", kind="http")
        assert [e["message"] for e in w.errors()] == ["HTTP 500", "HTTP 503"]
    # A destination that already watches something is not empty.
    with Ledger(first, readonly=True) as src, Ledger(ledger_db) as dst, \
            pytest.raises(StoreError, match="already holds"):
        copy_ledger(src.store, dst.store)
