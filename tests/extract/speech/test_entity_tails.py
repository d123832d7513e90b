"""A person's name at the end of an organisation entity (extract/speech/entity_tails.py)."""

from __future__ import annotations

from newsledger.extract.speech.entity_tails import person_tail, split_entities
from newsledger.pipeline import get_nlp

from . import speaker_of


def test_a_role_then_an_organisation_run_into_a_name_is_split() -> None:
    doc = get_nlp()("Norway's ambassador to the United Nations Halvard Brekke has reacted angrily to the vote.")
    ents = split_entities(doc)
    people = [e.text for e in ents if e.label_ == "PERSON"]
    assert "Halvard Brekke" in people
    assert not any("Brekke" in e.text for e in ents if e.label_ != "PERSON")


def test_an_organisation_with_no_role_before_it_stays_whole() -> None:
    doc = get_nlp()("The United Nations Development Programme opened an office in Juba.")
    assert all(person_tail(e) is None for e in doc.ents)


def test_the_named_holder_of_a_role_is_the_later_he() -> None:
    text = ("Norway's ambassador to the United Nations Halvard Brekke has reacted angrily to the "
            'vote on the resolution. "Today the council has failed the people of Sudan," he said.')
    assert speaker_of(text, "failed the people") == "Halvard Brekke"
