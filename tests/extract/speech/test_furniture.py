"""Live-blog and transcript furniture (extract/speech/furniture.py) and marks around no one's
words: never inside a quote, never a speaker (issue 14)."""

from __future__ import annotations

import pytest

from newsledger import extract
from newsledger.extract.speech.furniture import is_furniture, trim


@pytest.mark.parametrize("line, expected", [
    ("What we know on day 301 of the invasion", True),
    ("Welcome back to our live coverage of the war.", True),
    ("I'm Mira Holt.", True),
    ("14.20 GMT", True),
    ("10.5 million people have fled their homes.", False),
    ("The talks will go on, the envoy said.", False),
])
def test_is_furniture(line: str, expected: bool) -> None:
    assert is_furniture(line) is expected


def test_trim_cuts_a_live_prefix_and_a_heading_inside() -> None:
    text = ("Valdoria war live: aid crisis far worse after the flood\n\n"
            "What we know on day 120 of the war Welcome back, I'm Mira Holt.")
    start, end = trim(text, 0, len(text), head=True)
    assert text[start:end] == "aid crisis far worse after the flood"
    assert trim(text, text.index("What"), len(text)) == (text.index("What"),) * 2


def test_trim_keeps_numbers_that_start_a_line() -> None:
    text = "officials said\n10.50 million people were displaced"
    assert trim(text, 0, len(text)) == (0, len(text))


def test_live_headline_prefix_is_no_quote_and_no_speaker() -> None:
    text = ("Valdoria war live: aid crisis 'far worse' after the flood, says UN relief chief\n\n"
            "What we know on day 120 of the war\n"
            "Welcome back to our live coverage. I'm Mira Holt.\n\n"
            "The UN relief chief said the crisis was growing.")
    rec = extract(text, published="2024-05-10")
    rec.verify()
    for q in rec.quotes:
        assert "live:" not in q.content.text and "What we know" not in q.content.text
        assert "Welcome" not in q.content.text
        assert q.speaker.name is None or "Valdoria" not in q.speaker.name


@pytest.mark.parametrize("sentence", [
    'The series "Harbour of Kings" was filmed in the old port.',
    'The minister appeared on "Face the Nation" on Sunday.',
    'The post was shared by "@valdoria_news" within minutes.',
    'Supporters used the tag "#FreeTheHarbour" all week.',
    'The ceasefire announced on "March 3" did not hold.',
    'The post, "785816454042124288", was later deleted.',
])
def test_titles_handles_ids_and_dates_are_not_quotes(sentence: str) -> None:
    rec = extract(sentence, published="2024-05-10")
    assert not [q for q in rec.quotes if q.kind in ("direct", "partial")]


def test_a_title_governed_by_a_speech_cue_stays_a_quote() -> None:
    rec = extract('The envoy called the plan "Dead On Arrival" after the meeting.',
                  published="2024-05-10")
    assert [q for q in rec.quotes if q.kind == "partial"]
