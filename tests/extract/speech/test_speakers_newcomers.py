"""Pronouns after a newly introduced person: the newcomer, not the previous speaker."""

from __future__ import annotations

import pytest

from . import speaker_of


@pytest.mark.parametrize("text,content,name", [
    # The paragraph introduces someone (name, age) after another person spoke: "he" is them.
    ('Marta Lindqvist, an organiser for the campaign, told the crowd: "We will not stop." '
     'Tobias Wrenfield, 31, travelled from Leeds for the march. "I came because my town '
     'voted for this," he said.', "my town voted", "Tobias Wrenfield"),
    # A newcomer introduced with no age, as the subject of the sentence.
    ('"Nothing will change," wrote Corvin Haldane in a post. Elspeth Marrow joined the '
     'campaign in May. She says the studios want to "silence everyone" who objects.',
     "silence everyone", "Elspeth Marrow"),
    # No newcomer in between: the previous speaker keeps the turn.
    ('Tobias Wrenfield travelled from Leeds. "It was a long trip," he said. The march went on '
     'past the station. "I would do it again," he said.', "do it again", "Tobias Wrenfield"),
])
def test_a_newcomer_takes_the_pronoun(text: str, content: str, name: str) -> None:
    assert speaker_of(text, content) == name


def test_an_outlet_described_in_apposition_is_no_newcomer() -> None:
    text = ('Ivo Santer, the regional police chief, said two people died. Kurier Wolny, a '
            'regional news outlet, tried to reach officials. "I cannot say more," he said.')
    assert speaker_of(text, "cannot say more") == "Ivo Santer"
