"""Clauses joined by ";" are independent: a cue in one does not report the other ("Envoys leave
without a deal; aid agencies warn of a winter" is not what the agencies said)."""

from __future__ import annotations

import pytest

from newsledger.record import Record
from tests.conftest import extract_checked


def run(text: str) -> Record:
    return extract_checked(text)  # type: ignore[no-any-return]


def indirect(rec: Record) -> list[tuple[str, str | None]]:
    return [(q.content.text, q.speaker.name) for q in rec.quotes if q.kind == "indirect"]


HEAD = "Talks stall in the capital\n\n{}\n\nKESSEL (Wire) — Talks broke up on Thursday."

# A dek or sentence whose first clause must not become the content of the second clause's cue.
NEGATIVE = [
    "Envoys leave the capital without a deal; aid agencies warn of a catastrophic winter",
    "Shelling resumes in the north; relief groups warn of famine",
    "The border crossing stays shut; the United Nations warns of shortages",
    "Ministers met on Monday; officials warn of more delays",
]

# Reported speech that must still be found: (text, content, speaker)
POSITIVE = [
    ("Hamas rethinking strategy, says talks are back to square one",
     "talks are back to square one", "Hamas"),
    ("US: Ongoing IDF op in Rafah doesn’t amount to major offensive",
     "Ongoing IDF op in Rafah doesn’t amount to major offensive", "US"),
    ("Ministers met on Monday; officials said the talks had failed.",
     "the talks had failed", None),  # "officials" describes, it names nobody (DESIGN)
    ("The border stayed shut, officials said.", "The border stayed shut", None),
    ("Shelling resumed overnight; the ministry said the talks had stalled.",
     "the talks had stalled", None),
]


@pytest.mark.parametrize("dek", NEGATIVE)
def test_semicolon_clause_is_not_reported_content(dek: str) -> None:
    first = dek.split(";")[0]
    got = indirect(run(HEAD.format(dek)))
    assert not any(first.strip() in content for content, _ in got), got


@pytest.mark.parametrize("dek", NEGATIVE)
def test_semicolon_clause_in_body_is_not_reported_content(dek: str) -> None:
    first = dek.split(";")[0]
    got = indirect(run(dek + "."))
    assert not any(first.strip() in content for content, _ in got), got


@pytest.mark.parametrize("text,content,speaker", POSITIVE)
def test_reported_speech_still_found(text: str, content: str, speaker: str | None) -> None:
    got = indirect(run(text))
    assert any(c == content and (s is None if speaker is None else speaker in (s or ""))
               for c, s in got), got
