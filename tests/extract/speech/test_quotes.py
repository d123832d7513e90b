"""Quotes: direct, partial, indirect and according-to attributions, with case tables and negatives."""

from __future__ import annotations

import pytest

from newsledger import extract
from newsledger.extract.speech.quotemarks import pair_quotes, top_level
from newsledger.record import Record


def run(text: str) -> Record:
    rec = extract(text, published="2024-05-10")
    rec.verify()
    rec.validate()
    failures = [e for e in rec.errors if e.stage == "quotes"]
    assert not failures, failures
    return rec


def found(rec: Record) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.content.text, q.speaker.name) for q in rec.quotes]


# -- quote-mark pairing ------------------------------------------------------------------------

PAIRING = [
    # text, expected top-level contents
    ("He said “yes” and “no”.", ["yes", "no"]),
    ("„Hallo“ and «bonjour» and ‘hi’ and \"hey\"", ["Hallo", "bonjour", "hi", "hey"]),
    ("The mediators’ proposal and Israel’s reply don’t match.", []),
    ("Rock ’n’ roll in the ’90s.", []),
    ("The students' union said 'no' today.", ["no"]),
    ("“a ‘b “c” d’ e”", ["a ‘b “c” d’ e"]),
    ("“unclosed and then “closed” here.", ["closed"]),
    ("“First paragraph\n“second paragraph,” she said.", ["First paragraph\n“second paragraph,"]),
    ("“Dropped paragraph\nNo quote here. “Later,” he said.", ["Later,"]),
    ('Spaced closer: "not enough. " Then "yes"', ["not enough. ", "yes"]),
    ('Glued closer: "only peace. "He left.', ["only peace. "]),
    ("”stray closer then “real”", ["real"]),
]


@pytest.mark.parametrize("text,expected", PAIRING)
def test_pairing(text: str, expected: list[str]) -> None:
    pairs = top_level(pair_quotes(text))
    assert [text[p.start:p.end] for p in pairs] == expected


# -- direct and partial quotes with speakers ---------------------------------------------------

DIRECT = [
    # text, (kind, content, speaker) that must be among the quotes
    ("White House spokesperson John Kirby spoke on Friday.\n\n“We are watching,” Kirby said.",
     ("direct", "We are watching,", "John Kirby")),
    ("“It is over,” said Foreign Minister Israel Katz on Monday.",
     ("direct", "It is over,", "Israel Katz")),
    ("Prime Minister Benjamin Netanyahu said: “We will not stop until victory.”",
     ("direct", "We will not stop until victory.", "Benjamin Netanyahu")),
    ("“The talks failed,” Antony Blinken, who visited Cairo on Monday, told reporters.",
     ("direct", "The talks failed,", "Antony Blinken")),
    ("“We will fight on.” — Volodymyr Zelensky",
     ("direct", "We will fight on.", "Volodymyr Zelensky")),
    ("Israeli Defence Minister Yoav Gallant visited troops.\n\n“We are ready,” he said.",
     ("direct", "We are ready,", "Yoav Gallant")),
    ('"We are done," said Ukrainian Foreign Minister Dmytro Kuleba.',
     ("direct", "We are done,", "Dmytro Kuleba")),
    ("White House spokesperson John Kirby briefed reporters.\n\n"
     "John Kirby: “We will not stop supporting Israel.”",
     ("direct", "We will not stop supporting Israel.", "John Kirby")),
    ("In a statement, the Gaza health ministry said: “The hospitals have run out of fuel.”",
     ("direct", "The hospitals have run out of fuel.", "Gaza health ministry")),
    ("“Do it like gentlemen,” the guard orders.",
     ("direct", "Do it like gentlemen,", None)),  # a description is no name (DESIGN)
    ("White House spokesperson John Kirby called the departure “deeply regrettable.”",
     ("partial", "deeply regrettable.", "John Kirby")),
    ("Jerusalem rejected the proposal for falling short of its “vital demands,” officials said.",
     ("partial", "vital demands,", "Jerusalem")),
    ("The so-called “peace plan” was published on Monday.",
     ("partial", "peace plan", None)),
    ("Moscow’s envoy to the UN, Vassily Nebenzia, said the claim was “an act of terrorism.”",
     ("partial", "an act of terrorism.", "Vassily Nebenzia")),
    ("NATO chief Jens Stoltenberg believes it is “very important to protect civilians”.",
     ("partial", "very important to protect civilians", "Jens Stoltenberg")),
    ('"We extend our condolences," Capt. Blake Chaney, the unit commander, said in a statement.',
     ("direct", "We extend our condolences,", "Blake Chaney")),
    ("“Two more fighters” were also killed, according to the Israel Defense Forces.",
     ("partial", "Two more fighters", "Israel Defense Forces")),
    ("“The aid is not enough,”Polyansky explained, adding that talks continue.",
     ("direct", "The aid is not enough,", "Polyansky")),
]


@pytest.mark.parametrize("text,item", DIRECT)
def test_direct_and_partial(text: str, item: tuple[str, str, str | None]) -> None:
    assert item in found(run(text))


def test_floating_quote_continues_previous_speaker() -> None:
    text = ("Senator Bernie Sanders spoke in Vermont on Friday.\n\n"
            "“This war must end,” Sanders said. “Children are dying.”\n\n"
            "“We cannot look away.”\n\n"
            "The senate adjourned.")
    got = found(run(text))
    assert ("direct", "This war must end,", "Bernie Sanders") in got
    assert ("direct", "Children are dying.", "Bernie Sanders") in got
    assert ("direct", "We cannot look away.", "Bernie Sanders") in got


def test_split_quote_keeps_one_speaker_and_no_reported_duplicate() -> None:
    rec = run("Israeli Prime Minister Benjamin Netanyahu spoke on Sunday. "
              "“We will win,” he said, “and we must.”")
    assert found(rec) == [("direct", "We will win,", "Benjamin Netanyahu"),
                          ("direct", "and we must.", "Benjamin Netanyahu")]


def test_multi_paragraph_quote_is_one_quote_per_paragraph() -> None:
    # A quote reopened in the next paragraph is read as one quote (one speaker, one cue) and
    # given out per paragraph, as the blind held-out annotations (heldout2, heldout3) count it.
    text = ("UN chief Antonio Guterres spoke in New York.\n\n"
            "“The situation is dire.\n\n“We need a ceasefire now,” Guterres said.")
    rec = run(text)
    direct = [q for q in rec.quotes if q.kind == "direct"]
    assert [q.content.text for q in direct] == ["The situation is dire.", "We need a ceasefire now,"]
    assert {q.speaker.name for q in direct} == {"Antonio Guterres"}
    assert len({q.cue.start for q in direct if q.cue}) == 1


# -- reported speech -----------------------------------------------------------------------------

INDIRECT = [
    ("The White House said Friday that the US does not believe the operation is major.",
     ("indirect", "the US does not believe the operation is major", "White House")),
    ("Hamas claimed to have accepted a truce agreement with Israel.",
     ("indirect", "to have accepted a truce agreement with Israel", "Hamas")),
    ("Israel has consistently said it will not accept a permanent ceasefire.",
     ("indirect", "it will not accept a permanent ceasefire", "Israel")),
    ("The Israel Defense Forces confirmed the deaths of 36 hostages.",
     ("indirect", "the deaths of 36 hostages", "Israel Defense Forces")),
    ("Sports brand Puma will end its deal with the team, the Financial Times has reported.",
     ("indirect", "Sports brand Puma will end its deal with the team", "Financial Times")),
    ("Netanyahu’s insistence that the war will go on has angered the families.",
     ("indirect", "the war will go on", "Benjamin Netanyahu")),
    ("The claim by Hamas that 30 people died could not be verified.",
     ("indirect", "30 people died", "Hamas")),
    ("Hamas, which runs Gaza, said 20 people were killed.",
     ("indirect", "20 people were killed", "Hamas")),
    ("A spokesman for the Israel Defense Forces, Daniel Hagari, said troops had entered.",
     ("indirect", "troops had entered", "Daniel Hagari")),
    ("Moscow has repeatedly accused the UK of helping Ukraine organize attacks.",
     ("indirect", "of helping Ukraine organize attacks", "Moscow")),
    ("According to the United Nations, 1.5 million people are displaced in Rafah.",
     ("according_to", "1.5 million people are displaced in Rafah", "United Nations")),
    ("More than 10,000 children have been killed, according to the Gaza health ministry.",
     ("according_to", "More than 10,000 children have been killed", "Gaza health ministry")),
    ("Ali Hassin was targeted in an attack near Sultaniyeh, the Israel Defense Forces claims "
     "in a post on X.",
     ("indirect", "Ali Hassin was targeted in an attack near Sultaniyeh", "Israel Defense Forces")),
    ("NATO Secretary General Jens Stoltenberg spoke in Vilnius. The Secretary General also "
     "said that more exercises were planned.",
     ("indirect", "more exercises were planned", "Jens Stoltenberg")),
]


@pytest.mark.parametrize("text,item", INDIRECT)
def test_reported_speech(text: str, item: tuple[str, str, str | None]) -> None:
    assert item in found(run(text))


def test_group_and_pronoun_speakers_resolve_to_the_organisation() -> None:
    text = ("Hamas said on Monday it had accepted the proposal.\n\n"
            "The terror group claimed in a statement that the talks were over.\n\n"
            "It said the delegation would not return to Cairo.")
    got = found(run(text))
    speakers = {s for k, _, s in got if k == "indirect"}
    assert speakers == {"Hamas"}, got
    assert any(c.startswith("the talks were over") for _, c, _ in got)


def test_headline_forms() -> None:
    text = ("Hamas rethinking strategy, says talks are back to square one\n\n"
            "US: Ongoing IDF op in Rafah doesn’t amount to major offensive\n\n"
            "The war continued on Friday in the south of the Gaza Strip, officials said.")
    got = found(run(text))
    assert ("indirect", "talks are back to square one", "Hamas") in got
    assert ("indirect", "Ongoing IDF op in Rafah doesn’t amount to major offensive", "US") in got


NEGATIVES = [
    "The army killed 30 fighters on Monday.",
    "The claim that he made was false.",
    'U.S. Army Gen. Michael "Erik" Kurilla visited the base.',
    "Asked what this means for the talks, the crowd fell silent.",
    "Israel could deny them a work permit in the future.",
    "Israel doesn’t usually confirm or deny operations like this.",
    "It is said to be a decision not related to calls for a boycott.",
    "The mediators’ proposal was sent to Cairo on the ’90s model.",
    "Troops entered the city and began searching houses.",
    "Many Israelis believe the only way to secure the country is military.",
    "",
    "   \n\n  ",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_negatives_yield_nothing(text: str) -> None:
    assert run(text).quotes == []


def test_repeated_caption_is_not_read_twice() -> None:
    caption = ("Soldiers patrol the border in a handout picture released on May 10, 2024, "
               "which the army said showed “routine activity.” (Israel Defense Forces/AFP)")
    text = ("Army patrols border amid tension\n\n" + caption + "\n" + caption + "\n\n"
            "The army said on Friday that the patrols would continue.\n")
    rec = run(text)
    dup = [b for b in rec.blocks if b.duplicate_of is not None]
    assert dup, "ingest should mark the repeated caption"
    for q in rec.quotes:
        assert not any(b.start <= q.content.start < b.end for b in dup), q
    assert sum(q.content.text == "routine activity." for q in rec.quotes) == 1


def test_seed_article_if_available(seed_text: str, seed_gold: dict) -> None:  # type: ignore[type-arg]
    from newsledger.evaluate import QUOTE_GROUPS, score_quotes, seed_quote_gold

    text, gold = seed_text, seed_gold
    rec = run(text)
    items = seed_quote_gold(gold, text)
    # Measured 2026-12-03 on commit dc9b137: direct+partial 14 of 14 found, speakers all right;
    # indirect 18 of 18, 18 speakers right. The seed was fixed on, so the floors allow one error
    # of 14 (0.071) on direct+partial, two of 18 on indirect speakers.
    dp = score_quotes(items, rec.quotes, QUOTE_GROUPS["direct+partial"])
    assert dp.fn <= 1 and dp.field_accuracy("speaker") >= 0.92, dp.summary()
    ind = score_quotes(items, rec.quotes, QUOTE_GROUPS["indirect"])
    right = ind.fields["speaker"][0]
    assert right >= 16, ind.summary()
    dup = [b for b in rec.blocks if b.duplicate_of is not None]
    assert not any(b.start <= q.content.start < b.end for q in rec.quotes for b in dup)


# -- attribution coverage: relative clauses, trailing verbs, documents as speakers -------------
# text, (kind, content, speaker name) that must be among the quotes found
COVERAGE = [
    ("Air strikes hit a market in Jabalia, which the health ministry in Gaza says killed 58 "
     "people.", ("indirect", "killed 58 people", "health ministry")),
    ("The raid on the camp, which the army said killed 12 fighters, drew wide condemnation.",
     ("indirect", "killed 12 fighters", None)),
    ("The convoy came under fire near the crossing, a spokesman for the UN agency has claimed.",
     ("indirect", "The convoy came under fire near the crossing", None)),
    ("The number of dead in the province has risen to 210, the regional council reports.",
     ("indirect", "The number of dead in the province has risen to 210", None)),
    ("Shelling has hit three towns in the region this week, according to the regional council.",
     ("according_to", "Shelling has hit three towns in the region this week", None)),
    ("The agency cites Foreign Minister Sergei Lavrov as saying the talks were over.",
     ("indirect", "the talks were over", "Sergei Lavrov")),
    ("Sergei Lavrov was quoted as saying the talks were over.",
     ("indirect", "the talks were over", "Sergei Lavrov")),
    ("The UN agency has issued its weekly situation report, which says aid deliveries fell.",
     # "UN agency" says whose body, not which one: a description, no name (issue 14)
     ("indirect", "aid deliveries fell", None)),
    ("A statement from the army said the raid was over.",
     ("indirect", "the raid was over", None)),
    ("Hamas said in a statement that the talks had failed. The statement also said the group "
     "would not return.", ("indirect", "the group would not return", "Hamas")),
]


@pytest.mark.parametrize("text,item", COVERAGE)
def test_attribution_coverage(text: str, item: tuple[str, str, str | None]) -> None:
    assert item in found(run(text))


# Documents and pronouns with nothing in the text to resolve them: the name stays null, never
# "This post", "statement" or "It".
UNNAMED = [
    "This post says 40 people died.",
    "The statement said the raid was over.",
    "A letter said the talks had failed.",
    "It said the raid was over.",
    "They said the raid was over.",
    "More than 150 countries said the war must end.",
]


@pytest.mark.parametrize("text", UNNAMED)
def test_documents_and_pronouns_without_issuer_have_no_name(text: str) -> None:
    quotes = run(text).quotes
    assert quotes, "the reported clause is still found"
    assert all(q.speaker.name is None for q in quotes), found(run(text))


def test_relative_clause_content_stops_at_the_main_clause() -> None:
    rec = run("The strike on the school, which the ministry said killed 31 people, drew wide "
              "condemnation.")
    assert all("condemnation" not in q.content.text for q in rec.quotes), found(rec)
