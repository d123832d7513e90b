"""HTML pages: trafilatura finds the article text and metadata, htmldate the publication date."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from ..errors import InputError


def extract_html(html: str, url: str | None = None) -> dict[str, Any]:
    """Article text, title, authors, date and site name of an HTML page.

    Raises InputError when the page holds no article text (trafilatura rejects it)."""
    import trafilatura

    # trafilatura's defaults (tables kept, no precision bias), as its own evaluation runs it: on
    # its corpus favor_precision cost more recall than it gained precision, and the layout rules
    # mark the page furniture it lets through as boilerplate anyway.
    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False)
    if doc is None:
        raise InputError(
            "No article text found in the HTML (trafilatura rejected the page). Expected an "
            "article page; pass the plain text instead if you have it.")
    data = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    text = data.get("text") or ""
    if len(text.split()) < 5:
        raise InputError(
            f"The HTML page has no article body (trafilatura found {len(text.split())} word(s): "
            f"{text.strip()[:40]!r}). Expected an article page; pass the plain text instead.")
    published = data.get("date")
    if not published:
        try:
            from htmldate import find_date

            published = find_date(html, url=url, original_date=True)
        except Exception:  # noqa: BLE001 - a date we cannot find is simply unknown
            published = None
    authors = [_AUTHOR_LEAD.sub("", a.strip()) for a in (data.get("author") or "").split(";")
               if a.strip()]
    title = headline(data.get("title"), data.get("sitename"), text)
    return {"text": text, "title": title, "byline": authors,
            "published": published, "outlet": data.get("sitename"),
            "url": url or data.get("url")}


# What some pages print before the author's name, kept by trafilatura: "View all posts by
# Daniel Lemire", "Par Stefan Häne", "Von Jan Koch".
_AUTHOR_LEAD = re.compile(r"^(?:view all posts by|posts by|posted by|written by|by|par|von|"
                          r"autor(?:in)?:?|author:?)\s+(?=\S)", re.IGNORECASE)


# Separators between a headline and the site's name or section in a page title: "Headline |
# Site", "Headline - Site", "Headline » Section". An en dash is left alone unless the site is
# named after it: in headlines it joins two clauses ("Welpen kaufen – Tipps zu jeder Rasse").
_SEP = re.compile(r"\s+(?:\||»|::|·|•|-)\s+")
_ANY_SEP = re.compile(r"\s+(?:\||»|::|·|•|-|–|—)\s+")
_SUFFIX_WORDS = 3  # "| The Japan Times", "- ERFOLG Magazin"


def _norm(s: str) -> str:
    s = unicodedata.normalize("NFKC", s).replace("’", "'")
    return re.sub(r"\s+", " ", s).strip().casefold()


def headline(title: str | None, sitename: str | None, text: str) -> str | None:
    """The headline in a page's title: the part that is also a line of the article text (the
    page's h1, when trafilatura kept it), else the title without a trailing site name or short
    section label ("Losing face: 6,000 masks stolen | The Japan Times")."""
    if not title:
        return title
    title = title.strip()
    lines = {_norm(line) for line in text.splitlines()[:15] if line.strip()}
    parts = _ANY_SEP.split(title)
    if len(parts) > 1 and _norm(title) not in lines:
        for part in parts:
            if len(part.split()) >= 2 and _norm(part) in lines:
                return part.strip()
    site = _norm(sitename or "")
    seps = list(_ANY_SEP.finditer(title))
    if site and seps and _norm(title[seps[-1].end():]) == site:
        return title[:seps[-1].start()].strip()
    seps = list(_SEP.finditer(title))
    if seps:
        last = seps[-1]
        suffix = title[last.end():].strip()
        # a site name ends in no sentence mark ("Dortmund - Gladbach live sehen!" is the headline)
        if len(suffix.split()) <= _SUFFIX_WORDS and not suffix.endswith(("!", "?", "…", '"', "”")) and \
                len(title[:last.start()].split()) >= 2:
            return title[:last.start()].strip()
    return title
