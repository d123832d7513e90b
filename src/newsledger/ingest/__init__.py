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
from ..record import ErrorEntry
from .article import Article
from .html import extract_html
from .language import detect_language
from .text import dateline_date, is_person_name, layout

_HTML_HINT = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<div|<p[ >])",
                        re.IGNORECASE)


def looks_like_html(s: str) -> bool:
    return bool(_HTML_HINT.match(s[:2000]))


# Characters no text extractor should see: lone surrogates (a JSON "\\ud800" decodes to one, and
# it cannot be encoded as UTF-8), NUL and the other C0 controls except tab, line feed and return.
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff]")
REPLACEMENT = "\ufffd"


def clean_text(s: str) -> tuple[str, int]:
    """``s`` with every lone surrogate and C0 control character (except tab, line feed and
    return) replaced by U+FFFD, one for one, so every other character keeps its offset; and how
    many were replaced."""
    if not _BAD_CHARS.search(s):
        return s, 0
    return _BAD_CHARS.subn(REPLACEMENT, s)


def cleaned_warning(n: int, what: str = "text") -> ErrorEntry:
    """The ``errors`` entry a cleaned record carries."""
    return ErrorEntry("ingest", f"the {what} held {n} invalid character(s) (lone surrogates or "
                      "control characters); each was replaced by U+FFFD, so offsets are "
                      "unchanged")


def _clean_meta(value: str | None) -> str | None:
    return None if value is None else clean_text(value)[0]


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
    """An Article from plain text, kept exactly as given (but for invalid characters, replaced
    one for one by U+FFFD: see :func:`clean_text`), with its layout blocks."""
    text, bad = clean_text(text)
    id, title, url, outlet = (_clean_meta(v) for v in (id, title, url, outlet))
    blocks, found_title, names = layout(text)
    art = Article(id=id or content_id(text), text=text, title=title or found_title,
                  byline=[clean_text(n)[0] for n in (byline or names)], outlet=outlet, url=url,
                  blocks=blocks)
    if bad:
        art.warnings.append(cleaned_warning(bad))
    art.language = detect_language(art.text, art.skip_ranges())
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
    html, bad = clean_text(html)
    meta = extract_html(html, url=_clean_meta(url))
    # Authors from the page's metadata, but only people: an outlet, a desk or a login widget's
    # "Username" given as author is no byline; then the byline lines in the text decide.
    people = [n for n in meta["byline"] if is_person_name(n)]
    art = from_text(meta["text"], id=id, published=published, title=title or meta["title"],
                    url=url or meta["url"], outlet=outlet or meta["outlet"],
                    byline=people or None)
    if bad:
        art.warnings.insert(0, cleaned_warning(bad, "HTML"))
    # The page's own date metadata (trafilatura, htmldate) beats a date read from the text: a
    # stamp in the text is as often the last update ("Updated 9:05 PM GMT, January 21") as the
    # publication; the text's dateline is the fallback when the page carries no date.
    if art.published_from != "given" and meta["published"]:
        try:
            found = check_published(meta["published"])
        except InputError:
            found = None
        if found:
            art.published, art.published_from = found, "html"
    return art


def from_any(content: str, **meta: Any) -> Article:
    """Text or HTML, told apart by a leading tag."""
    if looks_like_html(content):
        return from_html(content, **meta)
    return from_text(content, **meta)


__all__ = ["Article", "check_published", "clean_text", "content_id", "from_any", "from_html", "from_text",
           "looks_like_html"]
