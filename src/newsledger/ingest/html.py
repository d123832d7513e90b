"""HTML pages: trafilatura finds the article text and metadata, htmldate the publication date."""

from __future__ import annotations

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
    authors = [a.strip() for a in (data.get("author") or "").split(";") if a.strip()]
    return {"text": text, "title": data.get("title"), "byline": authors,
            "published": published, "outlet": data.get("sitename"),
            "url": url or data.get("url")}
