"""Canonical names (actors.py): titles stripped, the alias table, a resolver that never invents."""

from __future__ import annotations

import pytest

from newsledger.actors import NameResolver, canonical_actor, clean, join_abbreviations, strip_titles


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


def test_a_surname_matches_past_its_particle() -> None:
    r = NameResolver()
    r.add_person("Yusuf al-Hakimi")
    r.add_person("Greta van der Berg")
    assert r.person("Hakimi") == "Yusuf al-Hakimi"
    assert r.person("al-Hakimi") == "Yusuf al-Hakimi"
    assert r.person("Berg") == "Greta van der Berg"


def test_a_bare_public_figure_surname_expands_unless_the_article_names_another() -> None:
    r = NameResolver()
    assert r.person("Putin") == "Vladimir Putin"
    r.add_person("Anna Putin")
    assert r.person("Putin") == "Anna Putin"  # the article's own person comes first
    assert NameResolver().person("Kessler") == "Kessler"  # nobody known: as written


def test_typographic_apostrophes_find_the_alias() -> None:
    assert canonical_actor("Israel’s army") == canonical_actor("Israel's army") == \
        "Israel Defense Forces"


def test_an_outlet_listed_with_its_article_is_media_without_it() -> None:
    from newsledger.actors import is_media

    assert is_media("The Economist") and is_media("Economist")
    assert not is_media("Norway")


@pytest.mark.parametrize("written, joined", [
    ("U. S. Secretary of State", "U.S. Secretary of State"),
    ("U. K", "U.K."),
    ("the U. N. agency", "the U.N. agency"),
    ("U.S. forces", "U.S. forces"),
    ("George W. Bush", "George W. Bush"),
])
def test_spaced_abbreviations_are_joined(written: str, joined: str) -> None:
    assert join_abbreviations(written) == joined
