"""Entities and canonical names (extract/entities.py, extract/names.py)."""

from __future__ import annotations

import pytest

from newsledger import extract
from newsledger.actors import NameResolver, canonical_actor, clean, strip_titles

from .conftest import check_record


def test_short_form_resolves_to_full_name_before_or_after() -> None:
    text = ("Kirby declined to comment on Monday. Later, White House National Security Council "
            "spokesperson John Kirby said the talks would go on. Kirby added nothing more.")
    rec = extract(text, published="2024-05-10")
    check_record(rec)
    persons = [e for e in rec.entities if e.label == "PERSON"]
    assert persons and {e.name for e in persons} == {"John Kirby"}
    assert all(not e.span.text.lower().startswith("the ") for e in rec.entities)


@pytest.mark.parametrize("raw, expected", [
    ("President Joe Biden", "Joe Biden"),
    ("Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu"),
    ("White House National Security Council spokesperson John Kirby", "John Kirby"),
    ("Hamas senior official Khalil al-Hayya", "Khalil al-Hayya"),
    ("John Kirby", "John Kirby"),
    ("the president", "the president"),  # nothing after the title: left alone
])
def test_strip_titles(raw: str, expected: str) -> None:
    assert strip_titles(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("the US", "US"), ("Israel’s", "Israel"), ("  the  White House ", "White House"),
    ("Hamas's", "Hamas"),
])
def test_clean(raw: str, expected: str) -> None:
    assert clean(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("IDF", "Israel Defense Forces"), ("the Israeli military", "Israel Defense Forces"),
    ("Hamas-run health ministry", "Gaza health ministry"), ("the US", "United States"),
    ("Jerusalem", "Israel"), ("Some New Body", "Some New Body"), (None, None),
    # an owner in front does not change who the body is; an unknown one stays as written
    ("region's Hamas-run health ministry", "Gaza health ministry"),
    ("Gaza’s Hamas-run government media office", "Gaza government media office"),
    ("Putin's spokesman", "Putin's spokesman"),
])
def test_canonical_actor_uses_the_alias_table(raw: str | None, expected: str | None) -> None:
    assert canonical_actor(raw) == expected


def test_resolver_never_invents_a_name() -> None:
    r = NameResolver()
    r.add_person("John Kirby")
    assert r.person("Kirby") == "John Kirby"
    assert r.person("he") is None
    assert r.person("Smith") == "Smith"
