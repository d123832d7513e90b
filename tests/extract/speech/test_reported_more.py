"""Case tables for who-said-what patterns found on blind set 3: transcript turns, quotes that run
over reopened paragraphs, "X quoted him as saying", names after naming words, post-nominal
letters, claims made as the object of "issue"/"make", and records that only relay a speaker.
Each table has negatives: sentences that must yield no quote (or not that speaker)."""

from __future__ import annotations

import pytest

from newsledger.actors import NameResolver, strip_postnominals
from tests.conftest import extract_checked


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    rec = extract_checked(text)
    return [(q.kind, q.content.text, q.speaker.name) for q in rec.quotes]


TRANSCRIPT = ("NPR's Daniel Estrin reports from Jerusalem. STEVE INSKEEP: What is happening at "
              "the crossing today? DANIEL ESTRIN: The crossing opened again this morning. "
              "INSKEEP: And who is allowed to leave? ESTRIN: Only a few hundred people.")


def test_transcript_turns_are_direct_quotes_of_the_label() -> None:
    got = [(k, t, s) for k, t, s in _quotes(TRANSCRIPT) if k == "direct"]
    assert ("direct", "What is happening at the crossing today?", "Steve Inskeep") in got
    assert ("direct", "The crossing opened again this morning.", "Daniel Estrin") in got
    assert ("direct", "And who is allowed to leave?", "Steve Inskeep") in got
    assert ("direct", "Only a few hundred people.", "Daniel Estrin") in got


@pytest.mark.parametrize("text", [
    "UPDATE: Russia has launched new strikes on Kyiv overnight.",
    "The doctors coined a term, WCNSF: wounded child, no surviving family.",
    "WARNING: Graphic content. LIVE: Follow the latest updates here.",
    "Note the time: Ten o'clock is when the talks begin.",
])
def test_label_like_colons_are_no_turns(text: str) -> None:
    assert not [q for q in _quotes(text) if q[0] == "direct"]


def test_quote_reopened_in_next_paragraph_is_one_quote_per_paragraph() -> None:
    text = ("Commander Stanislav Orlov said: “We were volunteers at first.\n\n"
            "“Recently we managed to get separate status.”\n")
    got = [(t, s) for k, t, s in _quotes(text) if k == "direct"]
    assert ("We were volunteers at first.", "Stanislav Orlov") in got
    assert ("Recently we managed to get separate status.", "Stanislav Orlov") in got


def test_one_paragraph_quote_stays_whole() -> None:
    text = "“We were volunteers at first. Then we got separate status,” Stanislav Orlov said."
    got = [t for k, t, _ in _quotes(text) if k == "direct"]
    assert got == ["We were volunteers at first. Then we got separate status,"] or \
        got == ["We were volunteers at first. Then we got separate status"]


@pytest.mark.parametrize("text,speaker", [
    ("Defence Minister Yoav Gallant spoke on Sunday. “We have encircled the last strongholds,” "
     "the Times of Israel quoted him as saying.", "Yoav Gallant"),
    ("“The talks are over,” Reuters quoted Foreign Minister Sergei Lavrov as saying.",
     "Sergei Lavrov"),
])
def test_quoted_as_saying_speaks_for_the_object(text: str, speaker: str) -> None:
    got = [s for k, _, s in _quotes(text) if k == "direct"]
    assert got == [speaker]


def test_quoted_without_as_saying_keeps_the_subject() -> None:
    text = "“The talks are over,” Sergei Lavrov quoted from the letter."
    assert [s for k, _, s in _quotes(text) if k == "direct"] != ["letter"]


@pytest.mark.parametrize("text", [
    'Orlov, whose call sign is "Spaniard", joined the unit in 2022.',
    'The militia leader, known as "The Butcher", was seen in the town.',
    'The operation, code-named "Iron Swords", began on Saturday.',
    'The unit was dubbed "Wagner" by its founders.',
])
def test_names_after_naming_words_are_no_quotes(text: str) -> None:
    assert not _quotes(text)


def test_scare_quote_without_naming_word_is_still_read() -> None:
    # Negative of the rule above: a quoted phrase after an ordinary word is still a partial.
    got = _quotes('The minister said the army would use "all means available" to win.')
    assert any(k == "partial" and t == "all means available" for k, t, _ in got)


@pytest.mark.parametrize("name,expected", [
    ("Cathryn McGahey KC", "Cathryn McGahey"),
    ("Martin Luther King Jr.", "Martin Luther King"),
    ("Tom Tugendhat MP", "Tom Tugendhat"),
    ("Sergei Lavrov", "Sergei Lavrov"),
    ("Michael Kors", "Michael Kors"),
    ("Smith KC", "Smith KC"),  # two words: nothing dropped, "KC" might be the name itself
])
def test_postnominals(name: str, expected: str) -> None:
    assert strip_postnominals(name) == expected


def test_surname_finds_full_name_with_postnominal() -> None:
    names = NameResolver()
    names.add_person("Cathryn McGahey KC")
    assert names.person("McGahey") == "Cathryn McGahey"


@pytest.mark.parametrize("text,content,speaker", [
    ("Israel has now issued a declaration that Gazans should evacuate the north within 24 hours.",
     "Gazans should evacuate the north within 24 hours", "Israel"),
    ("Lawyers appealed to the Supreme Court on Monday. The court issued an order that the hearing "
     "be moved to Kyiv.", "the hearing be moved to Kyiv", "Supreme Court"),
])
def test_claim_nouns_as_objects_of_utterance_verbs(text: str, content: str, speaker: str) -> None:
    got = [(t, s) for k, t, s in _quotes(text) if k == "indirect"]
    assert got and got[0][0] == content
    assert got[0][1] is not None and speaker.lower() in got[0][1].lower()


@pytest.mark.parametrize("text", [
    "The army issued the order that it had received from Moscow.",
    "He gave an order that nobody could read.",
    "The ministry issued a statement on Monday.",
])
def test_claim_nouns_without_a_that_clause_yield_nothing(text: str) -> None:
    assert not [q for q in _quotes(text) if q[0] == "indirect"]


def test_record_relays_the_inner_speaker() -> None:
    text = ("Putin accused the West of seeking to weaken Russia, according to an official Kremlin "
            "translation of his speech.")
    got = [s for k, _, s in _quotes(text) if k == "according_to"]
    assert got and got[0] == "Vladimir Putin"


def test_according_to_a_source_keeps_the_source() -> None:
    text = "The army killed five fighters, according to the health ministry."
    got = [s for k, _, s in _quotes(text) if k == "according_to"]
    assert got and got[0] is not None and "ministry" in got[0].lower()


@pytest.mark.parametrize("text,content,speaker", [
    ("UN Secretary-General Antonio Guterres called on Israel to allow aid into Gaza.",
     "to allow aid into Gaza", "Antonio Guterres"),
    ("Russian President Vladimir Putin on Tuesday accused Western powers of engaging in nuclear "
     "blackmail.", "of engaging in nuclear blackmail", "Vladimir Putin"),
    ("Modi's message was that India stands with Ukraine.", "India stands with Ukraine", "Modi"),
    ("Ukraine's Ministry of Foreign Affairs met on Monday. The ministry's position is that the "
     "talks must continue.", "the talks must continue", "Ministry of Foreign Affairs"),
])
def test_demands_accusations_and_possessed_messages(text: str, content: str, speaker: str) -> None:
    got = [(t, s) for k, t, s in _quotes(text) if k == "indirect"]
    assert got and got[0][0] == content, got
    assert got[0][1] is not None and speaker.lower() in got[0][1].lower()


@pytest.mark.parametrize("text", [
    "She called the strike a war crime.",
    "The EU called for an immediate ceasefire.",
    "The minister accused the head of the agency.",
    "The message was that India stands with Ukraine.",  # no one owns the message
    "His message was clear.",
    "Former Advisor Reveals How Ukrainian President Thinks He's Omnipotent",
    "The minister explained why the talks had failed.",
    "As this week ends, we can report that some people are getting out.",
    "Here's what he told me he saw on the first day.",
])
def test_no_reported_speech(text: str) -> None:
    assert not [q for q in _quotes(text) if q[0] in ("indirect", "according_to")]


def test_free_relative_negative_keeps_plain_report() -> None:
    got = [(t, s) for k, t, s in _quotes("So what? Hamas said the talks failed.")
           if k == "indirect"]
    assert got == [("the talks failed", "Hamas")]


def test_surname_opening_a_paragraph_after_a_stray_line() -> None:
    text = ("Stanislav Orlov leads the unit.\n\nMost read in Football\n\n"
            'Orlov, whose call sign is "Spaniard", said they had been given approval.')
    got = [(t, s) for k, t, s in _quotes(text) if k == "indirect"]
    assert got == [("they had been given approval", "Stanislav Orlov")]


def test_long_transcript_stays_linear_and_labels_alternate() -> None:
    turns = "".join(f"STEVE INSKEEP: Question number {i}? DANIEL ESTRIN: Answer number {i}. "
                    for i in range(300))
    rec = extract_checked("NPR's Daniel Estrin reports. " + turns)
    direct = [q for q in rec.quotes if q.kind == "direct"]
    assert len(direct) == 600
    assert [q.speaker.name for q in direct[:2]] == ["Steve Inskeep", "Daniel Estrin"]
