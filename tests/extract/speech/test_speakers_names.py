"""Issue 14: a speaker's name is the proper name, not its descriptors, not a truncated piece of
it, and never a role description (synthetic sentences)."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger import extract


def speakers(text: str) -> list[Any]:
    rec = extract(text, published="2024-05-10")
    rec.verify()
    return [q.speaker.name for q in rec.quotes]


@pytest.mark.parametrize("text, name", [
    # descriptive modifiers before the proper name are not part of it
    ('The Kessel-based charity Brightwater said the camps "cannot hold" more families.',
     "Brightwater"),
    ('The Spanish El Pais reported that the ministers had agreed on "a common line".', "El Pais"),
    # an "of" and a capitalised continuation belong to the institution's name
    ("At least 40 people died, according to the Kessel Ministry of Water Affairs.",
     "Kessel Ministry of Water Affairs"),
])
def test_the_name_is_the_proper_name(text: str, name: str) -> None:
    assert name in speakers(text)


def test_a_role_description_takes_the_holder_the_article_names() -> None:
    text = ("Prime Minister Arno Velde visited the port on Monday. Later, Kessel's Prime Minister "
            'said the strike was "a tragic mistake" and promised an inquiry.')
    got = speakers(text)
    assert "Arno Velde" in got
    assert "Kessel's Prime Minister" not in got


def test_a_role_description_with_no_named_holder_is_no_name() -> None:
    got = speakers('Kessel\'s Prime Minister said the strike was "a tragic mistake".')
    assert got and all(n is None for n in got)


def test_a_title_of_a_body_is_neither_the_title_nor_the_body() -> None:
    text = ("Arno Velde added that the supply lines were cut. The Chairman of the Kessel Defence "
            "Council noted that nine countries pledged to send tanks.")
    got = speakers(text)
    assert "Chairman" not in got and "Kessel Defence Council" not in got


def test_a_description_ending_in_a_common_noun_is_no_name() -> None:
    got = speakers('"There is no safe zone," the Kessel Nations agency said on Friday.')
    assert got == [None]


def test_a_cue_inside_another_attribution_is_less_sure() -> None:
    text = ("Arno Velde claimed on Sunday that Kessel has enough shells and threatened to respond "
            "if its neighbour used them.")
    rec = extract(text, published="2024-05-10")
    outer = [q for q in rec.quotes if q.cue is not None and q.cue.text == "claimed"]
    inner = [q for q in rec.quotes if q.content.start > outer[0].content.start
             and q.cue is not None and outer[0].content.start <= q.cue.start < outer[0].content.end]
    assert all(q.confidence < 0.9 for q in inner)


def test_a_surname_that_is_also_a_noun_takes_the_full_name() -> None:
    text = ('"We waited all night," says the boy\'s aunt Nora Price. "The doctors are worried," '
            'Price says. "He will need months," Price tells reporters.')
    got = speakers(text)
    assert got.count("Nora Price") == 3


def test_they_after_an_unnamed_plural_subject_is_no_earlier_group() -> None:
    text = ("Kessel intelligence said the raid began at dawn. In a video today, members of the "
            "anti-Velde group posed in front of a road sign. They claimed: \"We have crossed the "
            "border again.\"")
    rec = extract(text, published="2024-05-10")
    q = next(q for q in rec.quotes if "crossed the border" in q.content.text)
    assert q.speaker.name is None


def test_a_speaker_is_never_named_inside_their_own_words() -> None:
    text = ('"The rule does not even apply to the U. S. " homeland, analyst Nora Price of the '
            'Kessel Institute told reporters.')
    rec = extract(text, published="2024-05-10")
    for q in rec.quotes:
        if q.kind == "direct" and q.speaker.mention is not None:
            assert not q.content.start <= q.speaker.mention.start < q.content.end
