"""A body named by its kind ("the military", "an army statement", "the force") stands for the
institution the article names near it, or for nobody (synthetic sentences)."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger import extract
from newsledger.extract.speech.institutions import agrees, kind_words


def speaker_of(text: str, content_has: str) -> Any:
    rec = extract(text, published="2024-05-10")
    rec.verify()
    hits = [q for q in rec.quotes if content_has in q.content.text]
    assert hits, f"no quote holds {content_has!r}"
    return hits[0]


@pytest.mark.parametrize("text, content, name", [
    # named before, by another word of the same kind
    ("The Valdorian Defence Forces shelled the ridge on Monday. The military said the operation "
     "had achieved its aims.", "operation had achieved", "Valdorian Defence Forces"),
    # a document whose issuer is a kind word: the body named just after it
    ("An army statement said the brigade had left the town. The Israel Defense Forces gave no "
     "further detail.", "brigade had left", "Israel Defense Forces"),
    # a police force named by its department
    ("Officers of the Brennick Police Department cleared the square. Protesters had been warned "
     "several times, the force says.", "Protesters had been warned", "Brennick Police Department"),
    # an adjective of a place and a kind, through the alias table
    ("Israel’s army raided the hospital. In January, the army said it had dismantled the unit.",
     "dismantled the unit", "Israel Defense Forces"),
])
def test_a_kind_description_takes_the_body_the_article_names(text: str, content: str,
                                                              name: str) -> None:
    q = speaker_of(text, content)
    assert q.speaker.name == name or (q.speaker.name or "").replace("’", "'") == "Israel's army"


@pytest.mark.parametrize("text, content", [
    ("Troops withdrew from the town. The army said three soldiers were wounded.",
     "three soldiers were wounded"),
    ("Shelling resumed overnight; the ministry said the talks had stalled.", "talks had stalled"),
    # a body of another kind is not "the force"
    ("The Kessel Tribune reported the arrests. The protesters had been warned, the force says.",
     "protesters had been warned"),
])
def test_no_body_of_that_kind_named_is_no_name_at_low_confidence(text: str, content: str) -> None:
    q = speaker_of(text, content)
    assert q.speaker.name is None and q.speaker.mention is not None
    assert q.confidence < 0.9


def test_a_qualifier_must_agree_with_the_body() -> None:
    text = ("The Valdorian Defence Forces shelled the ridge. The Borani military said the ridge "
            "had been cleared.")
    q = speaker_of(text, "ridge had been cleared")
    assert q.speaker.name != "Valdorian Defence Forces"


def test_kinds_and_qualifiers() -> None:
    assert "army" in kind_words("military") and "police" in kind_words("force")
    assert kind_words("ministry") == frozenset({"ministry"})
    assert agrees("Israeli", frozenset({"israel", "defense", "forces"}))
    assert agrees("Israel’s", frozenset({"israel", "defense", "forces"}))
    assert not agrees("Russian", frozenset({"israel", "defense", "forces"}))


def test_an_apposed_body_after_a_prepositional_phrase_is_the_speaker() -> None:
    text = ("The UN aid agency for Palestinian refugees, UNRWA, says it has not received any aid "
            "this week.")
    assert speaker_of(text, "not received any aid").speaker.name == "UNRWA"


def test_an_outlet_relaying_another_speaker_is_not_the_speaker() -> None:
    text = "Kessel Shipping has denied that its vessel had been hit, the Reuters news agency reports."
    q = speaker_of(text, "Kessel Shipping has denied")
    assert q.speaker.name == "Kessel Shipping"
