"""The speaker resolver left on ``state.speakers``: mentions to canonical names, quote claimants."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.extract.speech.speakers import Speakers, mention_span
from newsledger.ingest import from_any
from newsledger.pipeline import process_doc


def processed(text: str) -> Any:
    doc = process_doc(from_any(text, published="2024-05-10"))
    assert not [e for e in doc._.nl.errors if e.stage == "quotes"]
    return doc


def token(doc: Any, word: str, nth: int = 0) -> Any:
    hits = [t for t in doc if t.text == word]
    return hits[nth]


RESOLVE = [
    # text, word of the subject to resolve (nth occurrence), expected mention, expected name
    ("White House spokesperson John Kirby spoke on Friday. Later Kirby said the talks failed.",
     "Kirby", 1, "Kirby", "John Kirby"),
    ("White House spokesperson John Kirby spoke on Friday. He said the talks failed.",
     "He", 0, "He", "John Kirby"),
    ("Hamas said on Monday it accepted. The terror group said the talks failed.",
     "group", 0, "The terror group", "Hamas"),
    ("Hamas said on Monday that it had accepted the plan.", "it", 0, "it", "Hamas"),
    ("Israeli Prime Minister Benjamin Netanyahu said the war would go on.",
     "Netanyahu", 0, "Israeli Prime Minister Benjamin Netanyahu", "Benjamin Netanyahu"),
    ("Jerusalem swiftly rejected the proposal.", "Jerusalem", 0, "Jerusalem", "Jerusalem"),
    # Never invent a name: a pronoun with no antecedent stays unknown.
    ("He said the talks failed.", "He", 0, "He", None),
    ("We said the talks failed.", "We", 0, "We", None),
    ("The spokesperson said the talks failed.", "spokesperson", 0, "The spokesperson", None),
    # Outlets and places are not "the group"; documents speak for their author.
    ("Activists struck in New York, Fox News reported. The group said it would go on.",
     "group", 0, "The group", None),
    ("A report by Fox News said the group had struck.", "report", 0, "A report by Fox News",
     "Fox News"),
    ("Puma will end its deal, the Financial Times reported. The newspaper said so.",
     "newspaper", 0, "The newspaper", "Financial Times"),
]


@pytest.mark.parametrize("text,word,nth,mention,name", RESOLVE)
def test_resolve(text: str, word: str, nth: int, mention: str, name: str | None) -> None:
    doc = processed(text)
    speakers = doc._.nl.speakers.resolver()  # a resolver of our own, as later extractors get
    assert isinstance(speakers, Speakers)
    sp = speakers.resolve(doc, token(doc, word, nth))
    assert sp.mention is not None and sp.mention.text == mention
    assert doc.text[sp.mention.start:sp.mention.end] == mention
    assert sp.name == name


def test_resolve_accepts_a_span() -> None:
    doc = processed("UN Secretary-General Antonio Guterres said the crossing must reopen.")
    sp = doc._.nl.speakers.resolver().resolve(doc, doc.char_span(0, len("UN Secretary-General Antonio "
                                                              "Guterres"), alignment_mode="expand"))
    assert sp.name == "Antonio Guterres"


def test_mention_span_stops_at_relative_clause() -> None:
    doc = processed("Antony Blinken, who visited Cairo on Monday, said the talks failed.")
    assert mention_span(token(doc, "Blinken")).text == "Antony Blinken"


def test_claimant_for_a_figure_inside_reported_speech() -> None:
    text = ("The Hamas-run health ministry says more than 34,000 people have been killed. "
            "Troops found 12 tunnels.")
    doc = processed(text)
    speakers = doc._.nl.speakers
    i = text.index("34,000")
    claimant = speakers.claimant_for(i, i + len("34,000"))
    assert claimant is not None and claimant.name == "Hamas-run health ministry"
    j = text.index("12 tunnels")
    assert speakers.claimant_for(j, j + 2) is None
    assert speakers.quotes and all(q.content.start <= q.content.end for q in speakers.quotes)


def test_claimant_prefers_the_innermost_quote() -> None:
    text = ("The ministry said that Israel says it killed 1,000 fighters in the battle.")
    doc = processed(text)
    i = text.index("1,000")
    claimant = doc._.nl.speakers.claimant_for(i, i + 5)
    assert claimant is not None and claimant.name == "Israel"


def test_pronoun_gender_passes_over_people_of_the_other_gender() -> None:
    from newsledger import extract

    rec = extract("Foreign Minister Annalena Baerbock met Israeli Defence Minister Yoav Gallant "
                  "in Tel Aviv.\n\n“We need a ceasefire,” Gallant said.\n\n"
                  "“The suffering must end,” she said.\n\n“We will defend ourselves,” he added.")
    rec.verify()
    assert [q.speaker.name for q in rec.quotes] == ["Yoav Gallant", "Annalena Baerbock",
                                                   "Yoav Gallant"]


def test_pronoun_skips_subjects_buried_in_other_clauses() -> None:
    from newsledger import extract

    rec = extract("One of the few visitors is Florida resident Linda Nocera. Christians believe "
                  "Jesus was born here.\n\n“It is heart-wrenching,” she says.")
    assert [q.speaker.name for q in rec.quotes if q.kind == "direct"] == ["Linda Nocera"]


def test_a_description_later_given_a_name_takes_the_name() -> None:
    from newsledger import extract

    rec = extract("A woman in the southern city of Khan Younis has been telling us she fled "
                  "there. \"It is not secure,\" the woman, who gave her name only as Um Saleh, "
                  "said. She said she had tried.")
    assert [q.speaker.name for q in rec.quotes] == ["Um Saleh"] * 3


DOCUMENTS = [
    # text, word of the subject, nth, expected name (the issuer; None when the text gives none)
    ("The UN agency has issued its weekly report, which says aid fell.", "report", 0,
     "UN agency"),
    ("A statement from the army said the raid was over.", "statement", 0, None),
    ("The Kremlin's statement said the talks were over.", "statement", 0, "Kremlin"),
    ("Hamas said in a statement that the talks failed. The statement added that it would go on.",
     "statement", 1, "Hamas"),
    ("The army said three soldiers were wounded.", "army", 0, None),
    ("The statement said the raid was over.", "statement", 0, None),
    ("This post says 40 people died.", "post", 0, None),
    ("Hamas said in a letter that the talks failed. The statement said it would go on.",
     "statement", 0, None),  # a letter was issued, not a statement
]


@pytest.mark.parametrize("text,word,nth,name", DOCUMENTS)
def test_documents_speak_for_their_issuer(text: str, word: str, nth: int,
                                          name: str | None) -> None:
    doc = processed(text)
    sp = doc._.nl.speakers.resolver().resolve(doc, token(doc, word, nth))
    assert sp.name == name


NOT_NAMES = [
    # text, word of the subject, expected name: counts, events and times name nobody
    ("More than 150 countries said the war must end.", "countries", None),
    ("Two officials said the town was hit.", "officials", None),
    ("The appalling attack proves that the talks failed.", "attack", None),
    ("Yesterday said it all.", "Yesterday", None),
    ("It said the talks failed.", "It", None),
    ("At least 70 were killed, said the army.", "70", None),
    ("Seventy said they would not leave.", "Seventy", None),
    # controls: groups and organisations keep their names
    ("Residents said the town was hit.", "Residents", "Residents"),
    ("The UN said the town was hit.", "UN", "UN"),
    ("The US said the town was hit.", "US", "US"),
]


@pytest.mark.parametrize("text,word,name", NOT_NAMES)
def test_counts_events_and_pronouns_are_not_names(text: str, word: str,
                                                  name: str | None) -> None:
    doc = processed(text)
    assert doc._.nl.speakers.resolver().resolve(doc, token(doc, word)).name == name


@pytest.mark.parametrize("text,word,name", [
    ("Its closest ally, the United States, said the strikes must stop.", "ally", "United States"),
    ("The country's army, the IDF, said the raid was over.", "army", "IDF"),
    # no apposition: a relative clause names nobody
    ("The group, which runs the city, said the talks failed.", "group", None),
])
def test_description_takes_the_organisation_in_apposition(text: str, word: str,
                                                          name: str | None) -> None:
    doc = processed(text)
    assert doc._.nl.speakers.resolver().resolve(doc, token(doc, word)).name == name


@pytest.mark.parametrize("text,name", [
    # A run of compounds before the document is one issuer, not its first word.
    ("According to US intelligence assessments seen by CNN, Israel dropped 29,000 bombs.",
     "US intelligence"),
    ("The Gaza health ministry statement said 40 people died.", "Gaza health ministry"),
    ("An IDF statement said 12 rockets were fired.", "IDF"),
    # An intelligence service with a proper modifier is an institution, so it keeps its name.
    ("According to Ukrainian intelligence, Russia fired 40 missiles.", "Ukrainian intelligence"),
    ("Russian security services said 12 people were detained.", "Russian security services"),
    # ... but a person described by the service is no name.
    ("A senior intelligence official said 5 drones were downed.", None),
])
def test_document_and_institution_speakers(text: str, name: str | None) -> None:
    from newsledger import extract

    rec = extract(text, published="2024-01-01")
    [q] = rec.quotes
    assert q.speaker.name == name, (q.speaker.mention, q.speaker.name)
    rec.verify()
