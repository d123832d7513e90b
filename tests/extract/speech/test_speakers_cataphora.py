"""Speakers named after their words or through another's frame (extract/speech/speakers.py,
reported.py, quotes.py): a definite role introduced before its holder, a clause that completes a
warning by someone else, a dateline run into the sentence, "the group" after "a statement from"."""

from __future__ import annotations

import pytest

from newsledger import extract

from . import speaker_of


def test_a_definite_role_no_one_holds_is_the_person_named_next() -> None:
    text = ("OSLO – The Nordic Council president urged member states on Monday to share more "
            "power, saying that the winter was crucial for the grid.\n\nAstrid Kallevik, speaking "
            "to reporters after the session, said the plan would cut prices.")
    assert speaker_of(text, "the winter was crucial") == "Astrid Kallevik"


def test_a_definite_role_stays_unnamed_when_the_next_person_is_not_apposed() -> None:
    text = ("The council president urged member states on Monday to share more power. "
            "Astrid Kallevik said the plan would cut prices.")
    assert speaker_of(text, "to share more power") is None


def test_a_clause_completing_a_warning_is_the_warners() -> None:
    text = ("Mayor Tomas Brandt, responding to a warning by Fire Chief Lena Holm on Friday that "
            'the dry forests could burn within days, said: "We are ready."')
    assert speaker_of(text, "the dry forests could burn") == "Lena Holm"
    assert speaker_of(text, "We are ready") == "Tomas Brandt"


def test_a_partial_inside_anothers_warning_is_theirs() -> None:
    text = ("Mayor Tomas Brandt, responding to a warning by Fire Chief Lena Holm on Friday that "
            'the forests could face a "catastrophic fire season," said: "We are ready."')
    rec = extract(text, published="2024-01-01")
    partial = [q for q in rec.quotes if q.kind == "partial"]
    assert partial and partial[0].speaker.name == "Lena Holm"


def test_said_in_a_statement_that_is_still_the_speakers() -> None:
    text = "Mayor Tomas Brandt said in a statement that the bridge would reopen."
    assert speaker_of(text, "the bridge would reopen") == "Tomas Brandt"


def test_a_dateline_run_into_the_sentence_is_not_the_speaker() -> None:
    text = ("Markets fell on Monday. NEW DELHI (Reuters) - Indian Prime Minister Rohan Mehta "
            "accused Pakistan of a modern day piracy that was based on force.")
    assert speaker_of(text, "modern day piracy") == "Rohan Mehta"


@pytest.mark.parametrize("text,content,name", [
    ('"We will rebuild the bridge," the Transport Ministry said. In a statement from the '
     'Harbour Workers Union, referring to the strike, the group praised "the patience of our '
     'members."', "the patience of our members", "Harbour Workers Union"),
])
def test_the_group_is_the_organisation_named_earlier_in_its_sentence(
        text: str, content: str, name: str) -> None:
    assert speaker_of(text, content) == name


def test_an_organisation_inside_the_content_is_not_the_group() -> None:
    text = ("Twelve patients were evacuated on Sunday, the Harbour Medical Society announced. "
            "They were taken to the Northfield Clinic in Brana by ambulance, the group said.")
    assert speaker_of(text, "taken to the Northfield Clinic") != "Northfield Clinic"


@pytest.mark.parametrize("text,content,name", [
    # The group that has just spoken.
    ('The Ostland Front in a statement rejected the plan, saying it "ignores our demands". '
     '"We will not wait for truces that are broken," the Marxist militant group said.',
     "We will not wait", "Ostland Front"),
    # Nobody spoke before: a kind of group is no name.
    ('Talks resumed in Brana on Monday. "We will not wait for truces that are broken," the '
     'Marxist militant group said.', "We will not wait", None),
])
def test_a_kind_of_group_with_an_adjective_is_the_group_that_just_spoke(
        text: str, content: str, name: str | None) -> None:
    assert speaker_of(text, content) == name


def test_a_possessed_role_is_the_holder_named_next_as_the_role() -> None:
    text = ("Vardia's defence minister said the army has taken the port of Selm and will push on "
            "to the border. The minister, Oskar Brandvik, was accompanied by several generals.")
    assert speaker_of(text, "the army has taken") == "Oskar Brandvik"


def test_another_countrys_minister_named_next_is_not_the_holder() -> None:
    text = ("Vardia's defence minister said the army has taken the port of Selm. Borland's "
            "defence minister, Ilse Marten, disagreed.")
    assert speaker_of(text, "the army has taken") is None


def test_a_document_claiming_speaks_for_its_issuer() -> None:
    text = ("On Tuesday, the Vardian Red Cross Society released a video claiming to show the "
            "aftermath of a strike on the city hospital, which killed five people.")
    assert speaker_of(text, "the aftermath of a strike") == "Vardian Red Cross Society"
    rec = extract(text, published="2024-01-01")
    five = [f for f in rec.figures if f.span.text.startswith("five")]
    assert five and five[0].claimant is not None
    assert five[0].claimant.name == "Vardian Red Cross Society"


def test_a_document_with_no_named_issuer_names_nobody() -> None:
    text = "A video circulating online claimed to show the aftermath of a strike on the port."
    assert speaker_of(text, "the aftermath of a strike") is None
