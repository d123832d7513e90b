"""Feeds into entries: RSS and Atom with feedparser, JSON Feed by hand (feedparser does not read
it). A body that is not a feed (an HTML page, broken XML with no entries) is a SourceError."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime, timezone
from time import struct_time
from typing import Any

import feedparser

from ..errors import SourceError


@dataclass
class Entry:
    """One feed entry: where the article is (``link``), or its text when the feed carries it."""

    key: str                      # the link, else the entry id
    link: str | None
    title: str | None
    published: str | None         # YYYY-MM-DD from the feed, if any
    content: str | None           # full text or HTML carried by the feed, if any
    fingerprint: str              # changes when the feed says the entry changed


@dataclass
class Feed:
    title: str | None
    entries: list[Entry]
    problem: str | None = None    # malformed XML whose readable entries are still used


def _date(t: struct_time | None) -> str | None:
    if not t:
        return None
    try:
        return datetime(*t[:6], tzinfo=timezone.utc).date().isoformat()
    except (TypeError, ValueError):
        return None


def _fingerprint(*parts: Any) -> str:
    h = hashlib.sha1(json.dumps(parts, default=str, ensure_ascii=False).encode("utf-8"))
    return h.hexdigest()[:16]


def parse_feed(body: bytes, where: str) -> Feed:
    """The entries of an RSS, Atom or JSON Feed document; SourceError (``not_a_feed``) when
    ``body`` is none of them."""
    head = body[:200].lstrip()
    if head.startswith(b"{"):
        return _json_feed(body, where)
    parsed = feedparser.parse(body, sanitize_html=False, resolve_relative_uris=True)
    if not parsed.get("version") and not parsed.entries:
        low = body[:2000].lower()
        if b"<html" in low or b"<!doctype html" in low:
            raise SourceError(f"{where} is an HTML page, not a feed: give the feed's URL "
                              "(often linked as <link rel=alternate type=application/rss+xml>)",
                              "not_a_feed")
        why = parsed.get("bozo_exception")
        raise SourceError(f"{where} is not an RSS, Atom or JSON feed"
                          + (f" ({why})" if why else ""), "not_a_feed")
    entries = []
    for e in parsed.entries:
        link = e.get("link") or None
        content = None
        if e.get("content"):
            content = e["content"][0].get("value") or None
        key = link or e.get("id")
        if not key:
            continue  # nothing to name it by: it could not be told apart from the next one
        entries.append(Entry(
            key=key, link=link, title=e.get("title"),
            published=_date(e.get("published_parsed") or e.get("updated_parsed")),
            content=content,
            fingerprint=_fingerprint(e.get("id"), link, e.get("title"), e.get("updated"),
                                     e.get("published"), e.get("summary"), content)))
    problem = None
    if parsed.get("bozo"):
        problem = (f"{where} is malformed XML ({parsed.get('bozo_exception')}); "
                   f"{len(entries)} readable entr{'y' if len(entries) == 1 else 'ies'} used")
        if not entries:
            raise SourceError(f"{where} is malformed XML with no readable entry "
                              f"({parsed.get('bozo_exception')})", "not_a_feed")
    return Feed(parsed.feed.get("title"), entries, problem)


def _json_feed(body: bytes, where: str) -> Feed:
    try:
        doc = json.loads(body)
    except ValueError as exc:
        raise SourceError(f"{where} is not valid JSON ({exc})", "not_a_feed") from None
    if not isinstance(doc, dict) or "jsonfeed.org" not in str(doc.get("version", "")) \
            or not isinstance(doc.get("items"), list):
        raise SourceError(f"{where} is JSON but not a JSON Feed (expected a \"version\" naming "
                          "jsonfeed.org and an \"items\" list)", "not_a_feed")
    entries = []
    for it in doc["items"]:
        if not isinstance(it, dict):
            continue
        link = it.get("url") or it.get("external_url") or None
        key = link or (str(it["id"]) if it.get("id") is not None else None)
        if not key:
            continue
        content = it.get("content_html") or it.get("content_text") or None
        pub = it.get("date_published") or it.get("date_modified")
        entries.append(Entry(
            key=key, link=link, title=it.get("title"),
            published=pub[:10] if isinstance(pub, str) and len(pub) >= 10 else None,
            content=content,
            fingerprint=_fingerprint(it.get("id"), link, it.get("title"),
                                     it.get("date_modified"), pub, content)))
    return Feed(doc.get("title"), entries)
