"""Tests of extract/speech. ``speaker_of`` is the one helper several of them share."""

from __future__ import annotations

from newsledger import extract


def speaker_of(text: str, content: str) -> str | None:
    """The speaker name of the first quote whose content holds ``content`` (spans checked)."""
    rec = extract(text, published="2024-01-01")
    rec.verify()
    hits = [q for q in rec.quotes if content in q.content.text]
    assert hits, [q.content.text for q in rec.quotes]
    return hits[0].speaker.name
