"""Feeds into entries: RSS, Atom, JSON Feed; what is not a feed is refused with a reason."""

from __future__ import annotations

import json

import pytest

from newsledger.errors import SourceError
from newsledger.watch.feeds import parse_feed

RSS = b"""<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Post</title>
<item><title>One</title><link>https://harbor.test/one</link><pubDate>Tue, 01 Apr 2025 10:00:00 GMT</pubDate></item>
<item><title>Two</title><guid isPermaLink="false">tag:harbor,2</guid><description>Text of two.</description></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">
<title>Ridge</title><id>urn:ridge</id><updated>2025-04-02T00:00:00Z</updated>
<entry><title>A</title><id>urn:a</id><link href="https://ridge.test/a"/><updated>2025-04-02T09:00:00Z</updated>
<content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>"""


def test_rss_and_atom() -> None:
    feed = parse_feed(RSS, "rss")
    assert feed.title == "Harbor Post" and feed.problem is None
    one, two = feed.entries
    assert (one.key, one.link, one.published) == ("https://harbor.test/one",
                                                  "https://harbor.test/one", "2025-04-01")
    assert two.link is None and two.key == "tag:harbor,2"
    atom = parse_feed(ATOM, "atom")
    (a,) = atom.entries
    assert (a.link, a.published, a.content) == ("https://ridge.test/a", "2025-04-02", "<p>Body</p>")


def test_fingerprint_changes_with_the_entry() -> None:
    before = parse_feed(RSS, "rss").entries[0].fingerprint
    after = parse_feed(RSS.replace(b"<title>One", b"<title>One (updated)"), "rss").entries[0]
    assert after.fingerprint != before
    assert parse_feed(RSS, "rss").entries[0].fingerprint == before


def test_json_feed() -> None:
    doc = {"version": "https://jsonfeed.org/version/1.1", "title": "Delta",
           "items": [{"id": "1", "url": "https://delta.test/1", "title": "One",
                      "date_published": "2025-04-03T08:00:00Z"},
                     {"id": "2", "content_text": "Carried whole."}, "junk"]}
    feed = parse_feed(json.dumps(doc).encode(), "json")
    assert feed.title == "Delta"
    assert [(e.key, e.published, e.content) for e in feed.entries] == [
        ("https://delta.test/1", "2025-04-03", None), ("2", None, "Carried whole.")]


@pytest.mark.parametrize("body, words", [
    (b"<!doctype html><html><body><p>Hello</p></body></html>", "HTML page"),
    (b"{\"not\": \"a feed\"}", "not a JSON Feed"),
    (b"{broken", "not valid JSON"),
    (b"<?xml version='1.0'?><rss><channel><item><title>x</ti", "malformed XML"),
    (b"plain words", "not an RSS"),
])
def test_not_a_feed(body: bytes, words: str) -> None:
    with pytest.raises(SourceError) as exc:
        parse_feed(body, "src")
    assert exc.value.kind == "not_a_feed" and words in str(exc.value)


def test_malformed_xml_with_readable_entries_keeps_them() -> None:
    feed = parse_feed(RSS.replace(b"</channel></rss>", b"<item><title>bro"), "rss")
    assert len(feed.entries) == 2 and feed.problem and "malformed XML" in feed.problem
