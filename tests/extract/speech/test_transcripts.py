"""Transcript turns with title-case labels ("Dana Holm: …", "Holm: …") (synthetic texts)."""

from __future__ import annotations

from newsledger import extract

INTERVIEW = (
    "Dana Holm is a novelist who lives in Oslo. I visited her at home. This interview has been "
    "edited for length.\n\n"
    "Mark Brenner: When did you start writing?\n\n"
    "Dana Holm: During my army service. I was a terrible soldier and stories kept me sane.\n\n"
    "Brenner: And now?\n\n"
    "Mark Brenner [voiceover]: Holm told me she now writes mostly letters.\n\n"
    "Holm: Now I write to friends every day. It keeps me going.\n\n"
    "Note: This story was updated.")


def turns_of(text: str) -> dict[str, str | None]:
    rec = extract(text, published="2024-05-10")
    rec.verify()
    return {q.content.text: q.speaker.name for q in rec.quotes if q.kind == "direct"}


def test_title_case_labels_are_turns_of_the_named_people() -> None:
    got = turns_of(INTERVIEW)
    assert got.get("When did you start writing?") == "Mark Brenner"
    assert got.get("And now?") == "Mark Brenner"  # a surname label takes the full name
    assert got.get("Now I write to friends every day. It keeps me going.") == "Dana Holm"


def test_voiceover_and_notes_are_no_turns() -> None:
    got = turns_of(INTERVIEW)
    assert not any("writes mostly letters" in c for c in got)
    assert not any("story was updated" in c for c in got)


def test_headline_kickers_are_no_transcript() -> None:
    text = ("Zelensky: We will not give up the east\n\n"
            "Ukrainian President Volodymyr Zelensky said on Monday that the army would hold.\n\n"
            "Putin: Russia will press on\n\n"
            "Russian President Vladimir Putin said his troops would advance.")
    assert turns_of(text) == {}
