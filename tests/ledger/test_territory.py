"""The Ramallah ministry's West Bank tolls never join the Gaza ministry's line (ledger/territory.py).
Synthetic sentences with real territory names: place decides."""

from __future__ import annotations

from newsledger.ledger import territory
from newsledger.ledger.series import series_key
from newsledger.record import Figure, Span, Speaker


def fig(text: str, number: str, place: str | None, written: str) -> Figure:
    s = text.index(number)
    m = text.index(written)
    f = Figure(Span.of(text, s, s + len(number)), float(number.replace(",", "")),
               metric="killed", counts="people killed", place=place, cumulative=True)
    f.claimant = Speaker(Span.of(text, m, m + len(written)), written)
    return f


def test_a_west_bank_toll_is_the_ramallah_ministrys() -> None:
    text = ("The Palestinian health ministry says 412 people have been killed in the West Bank "
            "since October.")
    f = fig(text, "412", "West Bank", "Palestinian health ministry")
    assert territory.claimant_for_place("Gaza health ministry", "West Bank", f) == \
        territory.RAMALLAH_MINISTRY
    key = series_key(f, "2024-01-10", text)
    assert key is not None and key.place != "Gaza", key


def test_a_west_bank_town_counts_as_the_west_bank() -> None:
    text = "The Palestinian health ministry says 12 people were killed in Jenin."
    f = fig(text, "12", "Jenin", "Palestinian health ministry")
    assert territory.claimant_for_place("Gaza health ministry", "Jenin", f) == \
        territory.RAMALLAH_MINISTRY


def test_a_gaza_toll_keeps_the_gaza_ministry() -> None:
    text = "The Palestinian health ministry says 23,000 people have been killed in Gaza."
    f = fig(text, "23,000", "Gaza", "Palestinian health ministry")
    assert territory.claimant_for_place("Gaza health ministry", "Gaza", f) == \
        "Gaza health ministry"
    key = series_key(f, "2024-01-10", text)
    assert key is not None and key.place == "Gaza"


def test_a_claimant_written_with_gaza_stays_gazas_whatever_the_place() -> None:
    text = "The Hamas-run health ministry says 9 people were killed in the West Bank."
    f = fig(text, "9", "West Bank", "Hamas-run health ministry")
    assert territory.claimant_for_place("Gaza health ministry", "West Bank", f) == \
        "Gaza health ministry"


def test_no_place_keeps_the_claimant() -> None:
    text = "The Palestinian health ministry says 20,000 people have been killed."
    f = fig(text, "20,000", None, "Palestinian health ministry")
    assert territory.claimant_for_place("Gaza health ministry", None, f) == "Gaza health ministry"


def test_the_ramallah_ministry_is_a_canonical_claimant() -> None:
    from newsledger.ledger.claimants import canonical
    assert canonical(territory.RAMALLAH_MINISTRY) == territory.RAMALLAH_MINISTRY
    assert canonical("the Ramallah-based Palestinian health ministry") == territory.RAMALLAH_MINISTRY
    assert canonical("Palestinian health ministry") == "Gaza health ministry"  # Gaza news' usage


def test_the_canonical_name_does_not_count_as_written() -> None:
    # The extractor already made "the Palestinian Health Ministry" canonical: the mention decides.
    text = "15 Palestinians were killed in the West Bank, the Palestinian Health Ministry said."
    f = fig(text, "15", "West Bank", "the Palestinian Health Ministry")
    f.claimant = Speaker(f.claimant.mention, "Gaza health ministry")  # type: ignore[union-attr]
    assert territory.claimant_for_place("Gaza health ministry", "West Bank", f) == \
        territory.RAMALLAH_MINISTRY
    f.claimant = Speaker(None, "Gaza health ministry")
    assert territory.claimant_for_place("Gaza health ministry", "West Bank", f) == \
        "Gaza health ministry"
