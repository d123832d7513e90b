"""One poll of every source, against a local HTTP server: three outlets' feeds of twenty items
over three polls (new items, edited articles, wire copies), and bad sources that must not stop
the others."""

from __future__ import annotations

import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsledger.ledger import Ledger
from newsledger.ledger.watchlist import Watchlist
from newsledger.watch import Fetcher, FetchOptions, Poller, resolve_all
from tests.watch.fixtures import ITEMS, WIRE_STORIES, Newsroom, Site, page_html, rss

FAST = FetchOptions(delay=0.0, timeout=2.0, retries=1, backoff=0.01)


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.start()
    yield s
    s.stop()


def poll_once(db: Path | str, sources: list[str], options: FetchOptions = FAST):
    with Ledger(db) as led, Fetcher(options) as fetcher:
        return Poller(led, resolve_all(sources), fetcher).poll()


def ledger_counts(db: Path | str) -> dict[str, int]:
    """What the ledger holds, asked in SQL both backends speak."""
    led = Ledger(db, readonly=True)

    def rows(q: str) -> list[tuple]:
        return [tuple(dict(r).values()) for r in led.store.execute(q).fetchall()]

    def one(q: str) -> int:
        return int(rows(q)[0][0])

    counts = {
        "articles": one("SELECT COUNT(DISTINCT article_id) FROM articles"),
        "versions": one("SELECT COUNT(*) FROM articles"),
        "edited": one("SELECT COUNT(*) FROM articles WHERE version > 1"),
        "duplicates": one("SELECT COUNT(*) FROM (SELECT article_id, content_hash FROM articles "
                          "GROUP BY 1, 2 HAVING COUNT(*) > 1) AS d"),
        "latest_twice": one("SELECT COUNT(*) FROM (SELECT article_id FROM articles WHERE "
                            "is_latest = 1 GROUP BY 1 HAVING COUNT(*) > 1) AS d"),
        "echoes": one("SELECT COUNT(*) FROM figures WHERE current = 1 AND is_echo = 1"),
    }
    # The echoes there must be: every current series point of a wire copy after the first.
    copies = rows(
        "SELECT a.article_id, COUNT(f.id) FROM articles a JOIN figures f ON f.article_pk = a.pk "
        "WHERE a.is_latest = 1 AND f.series_id IS NOT NULL AND a.article_id LIKE '%/story-_.html'"
        " GROUP BY a.article_id")
    wire = [(aid, n) for aid, n in copies if int(aid.rsplit("-", 1)[1][0]) <= WIRE_STORIES]
    per_story: dict[str, list[int]] = {}
    for aid, n in wire:
        per_story.setdefault(aid.rsplit("/", 1)[1], []).append(n)
    counts["expected_echoes"] = sum(sum(ns) - ns[0] for ns in per_story.values())
    echoed = rows("SELECT a.article_id FROM figures f JOIN articles a ON a.pk = f.article_pk "
                  "WHERE f.is_echo = 1")
    counts["echo_outside_wire"] = sum(
        1 for (aid,) in echoed
        if not (re.fullmatch(r".*/story-\d\.html", aid) and int(aid[-6]) <= WIRE_STORIES))
    led.close()
    return counts


def test_three_feeds_three_polls(site: Site, ledger_db: str) -> None:
    news = Newsroom(site)
    db = ledger_db
    stats = []
    for poll in (1, 2, 3):
        news.publish(poll)
        stats.append(poll_once(db, news.feed_urls()))
    first, second, third = stats
    assert (first.new, first.new_version, first.source_errors, first.item_errors) == (30, 0, 0, 0)
    # Poll 2: 7 new items per feed and the edited harbor item; nothing else is fetched again.
    assert (second.new, second.new_version, second.checked) == (21, 1, 22)
    assert (third.new, third.new_version, third.checked) == (9, 1, 10)
    assert site.fetched("/harbor/story-1.html") == 1
    assert site.fetched("/harbor/story-6.html") == 2
    c = ledger_counts(db)
    assert c["articles"] == 3 * ITEMS
    assert (c["versions"], c["edited"]) == (3 * ITEMS + 2, 2)
    assert c["duplicates"] == 0 and c["latest_twice"] == 0
    assert c["expected_echoes"] >= 2 * WIRE_STORIES  # each wire story has points in 3 copies
    assert c["echoes"] == c["expected_echoes"]
    assert c["echo_outside_wire"] == 0
    # The state says when each feed was polled and what it holds.
    with Ledger(db, readonly=True) as led:
        rows = Watchlist(led.store).sources()
    assert [r["items"] for r in rows] == [ITEMS] * 3
    assert all(r["last_poll"] and r["last_error"] is None and r["pending"] == 0 for r in rows)
    # A fourth poll with nothing new: every feed answers 304 and no page is fetched.
    before = len(site.hits)
    again = poll_once(db, news.feed_urls())
    assert (again.new, again.new_version, again.checked) == (0, 0, 0)
    assert [s for p, s in site.hits[before:] if p != "/robots.txt"] == [304, 304, 304]


def test_bad_sources_are_recorded_and_the_others_go_on(site: Site, tmp_path: Path) -> None:
    good = [{"title": "Fine", "link": f"{site.base}/ok/story.html",
             "pubDate": "Tue, 01 Apr 2025 10:00:00 GMT"}]
    site.put("/ok/rss.xml", rss("Fine Feed", site.base, good), content_type="application/rss+xml")
    from tests.watch.fixtures import story_text
    site.put("/ok/story.html", page_html("Fine", story_text("Lisk", 321, 45, "Monday"),
                                         "Fine Feed", "2025-04-01"))
    site.put("/broken.xml", "<?xml version='1.0'?><rss><channel><item><title>x</ti", 
             content_type="application/rss+xml")
    site.put("/page.html", page_html("Not a feed", ["Just a page."], "X", None))
    site.put("/err500.xml", "oops", status=500, content_type="text/plain")
    site.put("/slow.xml", rss("Slow", site.base, []), delay=3.0)
    site.put("/loop.xml", b"", status=302, location="/loop2.xml")
    site.put("/loop2.xml", b"", status=302, location="/loop.xml")
    site.put("/bomb.xml", b"<rss>" + b" " * 20_000_000 + b"</rss>", gzip=True)
    site.put("/big.xml", b"<rss>" + b"x" * 300_000 + b"</rss>")
    names = ["/broken.xml", "/page.html", "/missing.xml", "/err500.xml", "/slow.xml",
             "/loop.xml", "/bomb.xml", "/big.xml"]
    db = tmp_path / "l.sqlite"
    st = poll_once(db, [site.base + n for n in names] + [site.base + "/ok/rss.xml"],
                   FetchOptions(delay=0.0, timeout=1.0, retries=1, backoff=0.01,
                                max_bytes=200_000))
    assert st.source_errors == len(names)
    assert st.new == 1  # the good feed went on
    with Ledger(db, readonly=True) as led:
        rows = {r["source"].removeprefix(site.base): r for r in Watchlist(led.store).sources()}
        kinds = {e["source"].removeprefix(site.base): e["kind"]
                 for e in Watchlist(led.store).errors()}
    assert rows["/ok/rss.xml"]["last_error"] is None and rows["/ok/rss.xml"]["stored"] == 1
    assert kinds == {"/broken.xml": "not_a_feed", "/page.html": "not_a_feed",
                     "/missing.xml": "http", "/err500.xml": "http", "/slow.xml": "timeout",
                     "/loop.xml": "redirects", "/bomb.xml": "too_large", "/big.xml": "too_large"}
    assert "HTML page" in rows["/page.html"]["last_error"]
    # 500 is retried (retries=1): asked twice; 404 is an answer: asked once.
    assert [s for p, s in site.hits if p == "/err500.xml"] == [500, 500]
    assert [s for p, s in site.hits if p == "/missing.xml"] == [404]


def test_a_failed_page_is_retried_next_poll_and_not_lost(site: Site, ledger_db: str) -> None:
    from tests.watch.fixtures import story_text
    items = [{"title": "A", "link": f"{site.base}/a.html", "pubDate": "Tue, 01 Apr 2025 10:00:00 GMT"}]
    site.put("/rss.xml", rss("F", site.base, items), content_type="application/rss+xml")
    site.put("/a.html", "down", status=503, content_type="text/plain")
    db = ledger_db
    st = poll_once(db, [site.base + "/rss.xml"])
    assert (st.new, st.item_errors) == (0, 1)
    site.put("/a.html", page_html("A", story_text("Hollin", 222, 33, "Monday"), "F", None))
    st = poll_once(db, [site.base + "/rss.xml"])  # the feed is a 304, the item is still due
    assert (st.new, st.item_errors) == (1, 0)
    with Ledger(db, readonly=True) as led:
        rec = led.article(f"{site.base.split('//')[1]}/a.html")
    # The page had no date: the feed's date is used.
    assert rec is not None and rec["published"] == "2025-04-01"


def test_folder_new_and_changed_files(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "one.txt").write_text("\n".join(story_text_lines("Fenmarch", 700)), encoding="utf-8")
    db = tmp_path / "l.sqlite"
    st = poll_once(db, [str(folder)])
    assert (st.new, st.checked) == (1, 1)
    st = poll_once(db, [str(folder)])
    assert st.checked == 0  # unchanged file: not read again
    (folder / "two.txt").write_text("\n".join(story_text_lines("Carrow", 800)), encoding="utf-8")
    (folder / "one.txt").write_text("\n".join(story_text_lines("Fenmarch", 950)), encoding="utf-8")
    (folder / ".partial.txt").write_text("half", encoding="utf-8")
    st = poll_once(db, [str(folder)])
    assert (st.new, st.new_version, st.checked) == (1, 1, 2)


def story_text_lines(place: str, killed: int) -> list[str]:
    from tests.watch.fixtures import story_text
    return [f"{place} toll rises", *story_text(place, killed, 12, "Monday")]


SRC = str(Path(__file__).resolve().parents[2] / "src")


def _watch_cmd(db: Path, urls: list[str]) -> list[str]:
    return [sys.executable, "-m", "newsledger", "watch", *urls, "--db", str(db), "--once",
            "--delay", "0", "--timeout", "5", "-q"]


def _run(db: Path, urls: list[str]) -> None:
    env = {**os.environ, "PYTHONPATH": SRC}
    subprocess.run(_watch_cmd(db, urls), env=env, check=True, capture_output=True, timeout=300)


def _stored(db: Path) -> int:
    try:
        con = sqlite3.connect(db, timeout=30)
        try:
            return int(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def _kill_after(db: Path, urls: list[str], stored: int) -> None:
    """Start `watch --once`, kill -9 it as soon as the ledger holds ``stored`` articles."""
    env = {**os.environ, "PYTHONPATH": SRC}
    proc = subprocess.Popen(_watch_cmd(db, urls), env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        while _stored(db) < stored and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()


def _snapshot(db: Path) -> dict[str, object]:
    con = sqlite3.connect(db)
    snap = {
        "articles": con.execute("SELECT article_id, version, is_latest, content_hash FROM "
                                "articles ORDER BY 1, 2").fetchall(),
        "figures": con.execute("SELECT a.article_id, a.version, f.idx, f.series_id, f.current, "
                               "f.is_echo FROM figures f JOIN articles a ON a.pk = f.article_pk "
                               "ORDER BY 1, 2, 3").fetchall(),
        "items": con.execute("SELECT source, item, state, content_hash FROM watch_items "
                             "ORDER BY 1, 2").fetchall(),
        "dirty": con.execute("SELECT COUNT(*) FROM series WHERE dirty = 1").fetchone()[0],
    }
    con.close()
    return snap


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_kill_9_mid_poll_and_restart_converge(site: Site, tmp_path: Path) -> None:
    """kill -9 in the middle of polls 1 and 2 (at two different points), then the same command
    again: the ledger ends exactly as after uninterrupted polls: nothing lost, nothing twice."""
    news = Newsroom(site)
    calm, crashed = tmp_path / "calm.sqlite", tmp_path / "crashed.sqlite"
    urls = news.feed_urls()
    for poll, kill_at in ((1, 7), (2, 36), (3, None)):
        news.publish(poll)
        _run(calm, urls)
        if kill_at is not None:
            _kill_after(crashed, urls, kill_at)
            assert 0 < _stored(crashed) < {1: 30, 2: 52}[poll]  # the kill landed mid-poll
        _run(crashed, urls)
    a, b = _snapshot(calm), _snapshot(crashed)
    assert len(a["articles"]) == 3 * ITEMS + 2  # type: ignore[arg-type]
    assert a == b
    assert a["dirty"] == 0


def test_local_feed_files_carrying_the_text(tmp_path: Path) -> None:
    """A JSON Feed file whose items carry their text (no link): stored without any fetch; an
    edited item becomes a new version, an unchanged one is not extracted again."""
    import json

    from tests.watch.fixtures import story_text

    def write(killed: int) -> None:
        tolls = {1: killed, 2: 222}  # only item-1's toll is updated in place
        items = [{"id": f"item-{k}", "title": f"Report {k}",
                  "content_text": "\n\n".join([f"Report {k}",
                                               *story_text(f"Thrune {k}", tolls[k], 9,
                                                           "Monday")]),
                  "date_published": f"2025-04-0{k}T08:00:00Z"}
                 for k in (1, 2)]
        if killed != 300:
            items[0]["date_modified"] = "2025-04-05T08:00:00Z"
        (tmp_path / "feed.json").write_text(json.dumps(
            {"version": "https://jsonfeed.org/version/1.1", "title": "Thrune Desk",
             "items": items}), encoding="utf-8")

    db = tmp_path / "l.sqlite"
    write(300)
    st = poll_once(db, [str(tmp_path / "feed.json")])
    assert (st.new, st.item_errors) == (2, 0)
    write(900)  # item-1's text and date_modified change; item-2 keeps its text
    st = poll_once(db, [str(tmp_path / "feed.json")])
    assert (st.new, st.new_version, st.checked) == (0, 1, 1)
    with Ledger(db, readonly=True) as led:
        rec = led.article("feed#item-1")
        assert rec is not None and rec["ledger"]["version"] == 2
        assert rec["published"] == "2025-04-01" and rec["outlet"] == "Thrune Desk"
