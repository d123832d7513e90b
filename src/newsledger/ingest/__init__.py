"""Ingest: turn text, HTML or batch lines into :class:`Article` objects (no model, no extractor).

``text.py`` reads the layout of scraped text (title, byline, captions, boilerplate), ``credits.py``
the credit lines it shares with the sources extractor, ``html.py`` the main text and metadata of
a page (trafilatura, htmldate), ``language.py`` the language of the readable text (langdetect),
``batch.py`` JSONL batch lines (a bad line becomes a BadLine).
"""

from __future__ import annotations

import hashlib
import re
from datetime import date
from typing import Any

from ..errors import InputError
from .article import Article
from .html import extract_html
from .language import detect_language
from .text import dateline_date, layout

_HTML_HINT = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[ >])",
                        re.IGNORECASE)


def looks_like_html(s: str) -> bool:
    return bool(_HTML_HINT.match(s[:2000]))


def content_id(text: str) -> str:
    """A stable id from the text itself, so re-runs give the same id."""
    return "sha1-" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def check_published(value: str | None) -> str | None:
    """ISO date string or None; raises InputError for a malformed date."""
    if value is None or value == "":
        return None
    v = str(value).strip()
    try:
        return date.fromisoformat(v[:10]).isoformat()
    except ValueError:
        raise InputError(
            f"Publication date {value!r} is not a date. Expected YYYY-MM-DD, e.g. 2024-05-10."
        ) from None


def from_text(text: str, *, id: str | None = None, published: str | None = None,
              title: str | None = None, url: str | None = None, outlet: str | None = None,
              byline: list[str] | None = None) -> Article:
    """An Article from plain text, kept exactly as given, with its layout blocks."""
    blocks, found_title, names = layout(text)
    art = Article(id=id or content_id(text), text=text, title=title or found_title,
                  byline=list(byline or names), outlet=outlet, url=url, blocks=blocks)
    art.language = detect_language(text, art.skip_ranges())
    pub = check_published(published)
    if pub:
        art.published, art.published_from = pub, "given"
    else:
        found = dateline_date(text, blocks)
        if found:
            art.published, art.published_from = found, "dateline"
    return art


def from_html(html: str, *, id: str | None = None, published: str | None = None,
              url: str | None = None, outlet: str | None = None,
              title: str | None = None) -> Article:
    """An Article from an HTML page: ``text`` is the extracted article text."""
    meta = extract_html(html, url=url)
    art = from_text(meta["text"], id=id, published=published, title=title or meta["title"],
                    url=url or meta["url"], outlet=outlet or meta["outlet"],
                    byline=meta["byline"] or None)
    if not art.published and meta["published"]:
        try:
            art.published, art.published_from = check_published(meta["published"]), "html"
        except InputError:
            pass
    return art


def from_any(content: str, **meta: Any) -> Article:
    """Text or HTML, told apart by a leading tag."""
    if looks_like_html(content):
        return from_html(content, **meta)
    return from_text(content, **meta)


__all__ = ["Article", "check_published", "content_id", "from_any", "from_html", "from_text",
           "looks_like_html"]
