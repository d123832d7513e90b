"""The /sources page: when each watched source was last polled, and what is new since a time."""

from __future__ import annotations

from pathlib import Path

from newsledger.ledger import Ledger
from newsledger.ledger.watchlist import Item, Watchlist
from newsledger.web import create_app
from tests.web.web_fixtures import TestClient, record


def _ledger(db: Path) -> None:
    with Ledger(db) as led:
        led.add(record("harbor.test/a", "At least 40 people were killed, officials said.",
                       published="2025-04-01", title="Forty killed"))
        w = Watchlist(led.store)
        w.add_source("https://harbor.test/rss", "feed_url")
        w.add_source("https://broken.test/rss", "feed_url")
        w.offer("https://harbor.test/rss", [Item("https://harbor.test/rss",
                                                 "https://harbor.test/a", "f", "Forty <killed>")])
        (it,) = w.due("https://harbor.test/rss")
        w.done(it, article_id="harbor.test/a", content_hash="h", etag=None, last_modified=None,
               changed=True)
        w.polled("https://harbor.test/rss")
        w.polled("https://broken.test/rss", error="HTTP 500 for <https://broken.test/rss>",
                 kind="http")


def test_sources_page(tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    _ledger(db)
    c = TestClient(create_app(db, allowed_hosts={"testserver"}))
    r = c.get("/sources?since=2000-01-01")
    assert r.status_code == 200
    assert "https://harbor.test/rss" in r.text and "HTTP 500 for &lt;https://broken.test" in r.text
    assert '<a href="/article/harbor.test%2Fa">Forty &lt;killed&gt;</a>' in r.text
    later = c.get("/sources?since=2999-01-01T00:00")
    assert "Nothing new since then" in later.text
    assert c.get("/sources").status_code == 200  # default: the last day
    bad = c.get("/sources?since=yesterday")
    assert bad.status_code == 400 and "is not a time" in bad.text


def test_sources_page_without_watch(tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    Ledger(db).close()
    r = TestClient(create_app(db, allowed_hosts={"testserver"})).get("/sources")
    assert r.status_code == 200 and "No watched sources" in r.text
