"""Entities (extract/actors/entities.py): a short form resolves to the full name, before or after."""

from __future__ import annotations

from newsledger import extract
from tests.conftest import check_record


def test_short_form_resolves_to_full_name_before_or_after() -> None:
    text = ("Kirby declined to comment on Monday. Later, White House National Security Council "
            "spokesperson John Kirby said the talks would go on. Kirby added nothing more.")
    rec = extract(text, published="2024-05-10")
    check_record(rec)
    persons = [e for e in rec.entities if e.label == "PERSON"]
    assert persons and {e.name for e in persons} == {"John Kirby"}
    assert all(not e.span.text.lower().startswith("the ") for e in rec.entities)
