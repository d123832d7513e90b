"""What a running total covers, read from the article: a territory's toll or something smaller.

Synthetic sentences about an invented place (Norland, its health ministry and its towns)."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.ledger import scope
from newsledger.ledger.series import series_key
from newsledger.record import Figure, Span, Speaker


def fig_in(text: str, number: str, counts: str = "people killed", place: str | None = None,
           claimant: str | None = None, **kw: Any) -> Figure:
    s = text.index(number)
    value = float("".join(ch for ch in number if ch.isdigit()) or 0)
    f = Figure(Span.of(text, s, s + len(number)), value, metric="killed", counts=counts,
               place=place, cumulative=True, **kw)
    if claimant:
        f.claimant = Speaker(None, claimant)
    return f


@pytest.mark.parametrize("text,number,counts", [
    # one town, facility or region
    ("The ministry says 21 people have been killed and 64 injured in the southern city.", "21",
     "people killed in the southern city"),
    ("The agency says at least 288 people in its shelters have been killed so far.", "288",
     "people in its shelters killed"),
    ("At least 45 people have been killed in central Gaza, a hospital spokesman said.", "45",
     "people killed in central Gaza"),
    # one event or a short period, in the same sentence
    ("Officials say at least 50 people have been killed in the latest wave of air strikes.",
     "50", "people killed"),
    ("The ministry says 30 people have been killed overnight.", "30", "people killed"),
    ("About a thousand people have been killed since Friday, the ministry says.",
     "About a thousand", "people killed since Friday"),
    ("About a thousand people have been killed since Friday, bringing the overall death toll "
     "to more than 8,000.", "About a thousand", "people killed since Friday"),
    ("The ministry says a total of 21 people have been killed in a strike on a camp in Rafah.",
     "21", "people killed"),
    ("The office says a total of 17 people have been killed and 52 injured in a strike on a "
     "tent camp near Kessel.", "17", "people killed"),
    ("Officials say 9 people were killed and 30 others wounded in an attack on a convoy.", "9",
     "people killed"),
    ("Officials said over 1,000 people were killed in the intensified weekend bombardment.",
     "over 1,000", "people killed"),
    ("The ministry says more than 300 people have been killed since the fighting resumed.",
     "more than 300", "people killed"),
    # the events told in the sentence before
    ("Strikes hit the north of Norland over the past day. Officials say at least 50 people "
     "have been killed.", "50", "people killed"),
    ("Nearly 400 people were killed in the last two days, the ministry says. It says in total "
     "390 people have died.", "390", "people died in total"),
])
def test_counts_of_one_place_or_event_are_partial(text: str, number: str, counts: str) -> None:
    assert scope.is_partial(fig_in(text, number, counts), text)


@pytest.mark.parametrize("text,number,counts", [
    ("The ministry says 20,000 people have been killed since 7 October.", "20,000",
     "people killed since 7 October"),
    # a per-period count told with the total: the total stays a total
    ("The ministry says 164 people were killed in the last day, bringing the total number of "
     "people killed in Norland to more than 28,100.", "more than 28,100",
     "total number of people killed in Norland"),
    ("The death toll in Norland has risen to 32,414, with 81 people killed in the last day.",
     "32,414", "death toll"),
    # an event told before, but this sentence names its own scope
    ("Strikes hit Rafah overnight. Since the war began, 25,000 people have been killed.",
     "25,000", "people killed since the war began"),
    ("More than 22,000 people have been killed, the health ministry says.", "22,000",
     "people killed"),
    ("More than 22,000 people have been killed and 50,000 injured since the war began in "
     "Norland.", "22,000", "people killed"),
])
def test_running_totals_stay_whole(text: str, number: str, counts: str) -> None:
    assert not scope.is_partial(fig_in(text, number, counts), text)


def test_partial_running_total_is_per_event_in_the_ledger() -> None:
    text = "Strikes hit the camp overnight. The ministry says 21 people have been killed."
    key = series_key(fig_in(text, "21", claimant="Gaza health ministry"), "2024-01-02", text)
    assert key is not None and not key.cumulative
    # Without the text (a caller that has none), the extractor's reading stands.
    key = series_key(fig_in(text, "21", claimant="Gaza health ministry"), "2024-01-02")
    assert key is not None and key.cumulative


def test_group_a_number_is_taken_from_is_its_subject() -> None:
    text = "The army says a total of 105 of its soldiers have been killed since the war began."
    f = fig_in(text, "105", "total killed since the war began")
    assert scope.possessed_subject(f, text) == "soldiers"
    key = series_key(f, None, text)
    assert key is not None and key.subject == "soldiers"
    text = "“More than 130 of my colleagues have been killed,” the chief says."
    f = fig_in(text, "More than 130", "my colleagues killed")
    key = series_key(f, None, text)
    assert key is not None and key.subject == "colleagues"


def test_elided_subject_is_the_kind_named_before() -> None:
    text = ("He says aid workers have often been targeted, pointing out that around 200 have been "
            "killed since the war began.")
    f = fig_in(text, "around 200", "killed since the war began")
    assert scope.elided_subject(f, text) == "aid workers"
    key = series_key(f, None, text)
    assert key is not None and key.subject == "aid workers"
    # A number with its noun keeps it.
    text = "Aid workers say 2,000 people have been killed since the war began."
    assert scope.elided_subject(fig_in(text, "2,000"), text) is None


def test_the_whole_a_count_is_taken_from_is_no_count() -> None:
    text = ("Up until now, officials say around 7,000 fighters have been killed, from an "
            "estimated 20,000 the group had before the war.")
    f = fig_in(text, "20,000", "the group had before the war killed")
    assert scope.is_base(f, text)
    assert series_key(f, None, text) is None
    # A change from one number to another is no base.
    text = "The toll rose from 15,000 to 16,000, the ministry says."
    assert not scope.is_base(fig_in(text, "15,000"), text)


def test_claimant_territory_is_no_fallback_next_to_another_territory() -> None:
    text = ("In the occupied West Bank, troops ended a three-day raid on a camp. Eleven "
            "Palestinians have been killed, the health ministry says.")
    f = fig_in(text, "Eleven", "Palestinians killed", claimant="Gaza health ministry")
    assert scope.other_territory(f, text, "Gaza")
    key = series_key(f, None, text)
    assert key is not None and key.place != "Gaza"
    text = "In Gaza, 22,000 people have been killed since the war began, the health ministry says."
    f = fig_in(text, "22,000", "people killed since the war began", claimant="Gaza health ministry")
    assert not scope.other_territory(f, text, "Gaza")
    key = series_key(f, None, text)
    assert key is not None and key.place == "Gaza" and key.cumulative


def test_previous_sentence_stays_in_its_paragraph() -> None:
    text = "Strikes hit the town overnight.\nThe ministry says 20,000 people have been killed."
    lo = text.index("The ministry")
    assert scope.previous_sentence(text, lo) == ""
    text = "First one. Strikes hit the town overnight. The ministry says 20 died."
    lo = text.index(" The ministry")
    assert scope.previous_sentence(text, lo).strip() == "Strikes hit the town overnight."


def test_claimant_territory_wins_over_a_place_named_as_an_actor() -> None:
    text = ("Palestinians have been killed in Israel's bombardment, the health ministry says: "
            "at least 12,700 Palestinians since the war began.")
    f = fig_in(text, "at least 12,700 Palestinians", "Palestinians killed in Israel's bombardment",
               place="Israel", claimant="Gaza health ministry")
    assert not scope.place_stated("Israel", f, text)
    key = series_key(f, None, text)
    assert key is not None and key.place == "Gaza"
    text = "The health ministry says 40 people have been killed in southern Israel since May."
    f = fig_in(text, "40", "people killed in southern Israel since May", place="Israel",
               claimant="Gaza health ministry")
    assert scope.place_stated("Israel", f, text)
    key = series_key(f, None, text)
    assert key is not None and key.place == "Israel"


def test_local_count_with_no_place_keeps_none() -> None:
    text = "The ministry says 21 people have been killed in the southern city."
    f = fig_in(text, "21", "people killed in the southern city", claimant="Gaza health ministry")
    key = series_key(f, None, text)
    assert key is not None and key.place is None and not key.cumulative


@pytest.mark.parametrize("text,number,cumulative,expected", [
    ("The ministry says 210 people were killed in the past 24 hours, bringing its total death "
     "toll in the territory to more than 21,320.", "more than 21,320", False, True),
    ("The ministry says more than 18,400 have been killed since the offensive began.",
     "more than 18,400", None, True),
    # a scope told of another number, or a day's dead in a sentence about the war: no total
    ("The ministry says 50,000 people have been injured since the offensive began, in addition "
     "to more than 18,400 killed.", "more than 18,400", None, False),
    ("The war began after Hamas attacked on 7 October, killing 1,200 people.", "1,200", None,
     False),
    ("The ministry says 210 people were killed in the past 24 hours, bringing its total death "
     "toll in the territory to more than 21,320.", "210", False, False),
    # an unknown count with an event in its clause stays unknown (per event)
    ("Since the war began, 45 people were killed in a strike on a school.", "45", None, False),
])
def test_whole_war_scope_or_tally_makes_a_total(text: str, number: str,
                                                cumulative: bool | None, expected: bool) -> None:
    f = fig_in(text, number)
    f.cumulative = cumulative
    assert scope.is_total(f, text) is expected


@pytest.mark.parametrize("text,number", [
    # a territory's counting authority, its own territory, no event: its running total
    ("Life there is a struggle, with more than 23,000 people killed and around 60,000 wounded, "
     "according to Gaza's health ministry.", "more than 23,000"),
    ("The offensive has left more than 11,000 Palestinians dead, according to the ministry.",
     "more than 11,000"),
    ("The ministry said on Sunday that 12,200 people had been killed in the attacks.", "12,200"),
])
def test_a_counting_authoritys_own_count_is_its_running_total(text: str, number: str) -> None:
    f = fig_in(text, number, claimant="Gaza health ministry")
    f.cumulative = None
    assert scope.is_authority_total(f, text)
    key = series_key(f, None, text)
    assert key is not None and key.place == "Gaza" and key.cumulative


@pytest.mark.parametrize("text,number", [
    # one event, one day, a locality, or a past event told in the simple past
    ("An air strike on a house killed 27 people, the ministry said.", "27"),
    ("The ministry said 45 people were killed.", "45"),
    ("The ministry says 30 people died on Tuesday.", "30"),
    ("The ministry says 19 people have been killed in the southern city.", "19"),
    ("The ministry says 61 people have been killed overnight.", "61"),
])
def test_a_counting_authoritys_event_count_stays_per_event(text: str, number: str) -> None:
    f = fig_in(text, number, claimant="Gaza health ministry")
    f.cumulative = None
    assert not scope.is_authority_total(f, text)
    key = series_key(f, None, text)
    assert key is not None and not key.cumulative


def test_only_a_local_authority_makes_an_unknown_count_a_total() -> None:
    text = "More than 8,000 people have been killed by the offensive, the aid group says."
    f = fig_in(text, "More than 8,000", claimant="Kessel Aid")
    f.cumulative = None
    key = series_key(f, None, text)
    assert key is not None and not key.cumulative


@pytest.mark.parametrize("text,number", [
    ("Just since the collapse of the truce, more than 1,200 people have been killed, the "
     "ministry says.", "more than 1,200"),
    ("Health officials reported 178 deaths in the renewed bombardment Friday.", "178"),
])
def test_a_counting_authoritys_count_of_a_shorter_period_stays_per_event(text: str,
                                                                        number: str) -> None:
    f = fig_in(text, number, claimant="Gaza health ministry")
    f.cumulative = None
    assert not scope.is_authority_total(f, text)


def test_a_counting_authoritys_count_dated_long_before_is_that_days() -> None:
    text = "The war began with an attack that killed more than 1,200 people, the ministry says."
    f = fig_in(text, "more than 1,200", claimant="Gaza health ministry", as_of="2023-10-07")
    f.cumulative = None
    assert scope.is_authority_total(f, text)  # the words alone tell no event
    key = series_key(f, "2024-01-10", text)
    assert key is not None and not key.cumulative
    f.as_of = "2024-01-09"
    key = series_key(f, "2024-01-10", text)
    assert key is not None and key.cumulative


@pytest.mark.parametrize("text,number,total", [
    # the day a claim holds is no event
    ("The ministry said strikes had killed nearly 6,000 people as of Tuesday.", "nearly 6,000",
     True),
    # "since" as an adverb of the war ("has since killed")
    ("The campaign has since killed more than 20,000 people, according to the ministry.",
     "more than 20,000", True),
    # a day told after the next count is the first count's too
    ("Health officials reported 178 deaths and nearly 600 injuries in the bombardment Friday.",
     "178", False),
])
def test_a_counting_authoritys_count_read_to_its_clauses_end(text: str, number: str,
                                                            total: bool) -> None:
    f = fig_in(text, number, claimant="Gaza health ministry")
    f.cumulative = None
    assert scope.is_authority_total(f, text) is total


@pytest.mark.parametrize("text,number", [
    ("The media office says 18 people have been killed while trying to collect aid.", "18"),
    ("The other six have been trampled to death, the media office says.", "six"),
])
def test_a_counting_authoritys_count_of_one_incident_or_a_part_stays_per_event(
        text: str, number: str) -> None:
    f = fig_in(text, number, claimant="Gaza health ministry")
    f.cumulative = None
    assert not scope.is_authority_total(f, text)


@pytest.mark.parametrize("text,number,total", [
    # a participle clause's count belongs to the main clause's event
    ("Warplanes struck the refugee camp early Sunday, killing at least 33 people, health "
     "officials said.", "at least 33", False),
    ("Israel launched an air and ground campaign, killing more than 27,000 people, according to "
     "the ministry.", "more than 27,000", True),
    # a part of a whole told before it in the sentence
    ("According to health officials, of the more than 10,000 people killed, about 4,000 were "
     "children.", "about 4,000", False),
])
def test_a_counting_authoritys_count_in_a_participle_or_a_part(text: str, number: str,
                                                              total: bool) -> None:
    f = fig_in(text, number, claimant="Gaza health ministry")
    f.cumulative = None
    assert scope.is_authority_total(f, text) is total
