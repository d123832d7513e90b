"""TimeML (TempEval-3) news conventions: vague references, quarters, ranges, days of the month,
"overnight", "in two weeks". Case tables with negatives; publication date Friday 2024-05-10.

Convention choices (TimeML/TimeBank, not the dev gold of tests/eval, which leaves PRESENT_REF
"now"/"currently" unannotated):
- the temporal "now", "currently", "nowadays", "these days", "at present", "at the moment" are
  DATE PRESENT_REF; "recently", "lately", "in the past" PAST_REF; "in the future" FUTURE_REF.
  "now" is *not* tagged as discourse filler: sentence-initial "Now," (also "And now,"), the
  conjunction "now that", "now and then", or capitalised inside a sentence ("Peace Now").
- "recent years" stays DURATION PXY (TimeBank's and the dev gold's reading).
- a range of numbers ("four or five hours", "3-4 days") is one DURATION with an unspecified
  number (PTXH), as the dev gold annotates it.
"""

from __future__ import annotations

import pytest

import newsledger
from tests.extract.time.test_times import NOW_FILLERS, triples  # publication date Friday 2024-05-10

CASES = [
    # vague references
    ("The economy is now growing.", [("now", "DATE", "PRESENT_REF", None)]),
    ("Now the army holds the town.", [("Now", "DATE", "PRESENT_REF", None)]),
    ("The army, for now, holds the town.", [("now", "DATE", "PRESENT_REF", None)]),
    ("He has lived there until now.", [("now", "DATE", "PRESENT_REF", None)]),
    ("There are no in-person meetings now in place.", [("now", "DATE", "PRESENT_REF", None)]),
    ("Right now there is no plan.", [("now", "DATE", "PRESENT_REF", None)]),
    ("Prices are currently high.", [("currently", "DATE", "PRESENT_REF", None)]),
    ("These days the city is quiet.", [("These days", "DATE", "PRESENT_REF", None)]),
    ("At present there is no deal.", [("present", "DATE", "PRESENT_REF", None)]),
    ("At the moment there is no deal.", [("the moment", "DATE", "PRESENT_REF", None)]),
    ("Nowadays nobody goes there.", [("Nowadays", "DATE", "PRESENT_REF", None)]),
    ("He has not been seen lately.", [("lately", "DATE", "PAST_REF", None)]),
    ("He recently visited Kyiv.", [("recently", "DATE", "PAST_REF", None)]),
    ("In the past, the army held the town.", [("the past", "DATE", "PAST_REF", None)]),
    ("In the future, talks may resume.", [("the future", "DATE", "FUTURE_REF", None)]),
    ("Prices rose in recent years.", [("recent years", "DURATION", "PXY", None)]),
    # newswire periods
    ("Prices rose over the past three years.", [("the past three years", "DURATION", "P3Y", None)]),
    ("He left two weeks ago.", [("two weeks ago", "DATE", "2024-W17", None)]),
    ("Earlier this month, the army advanced.", [("Earlier this month", "DATE", "2024-05", None)]),
    ("Profits fell in Q1.", [("Q1", "DATE", "2024-Q1", None)]),
    ("Q3 2023 was weak.", [("Q3 2023", "DATE", "2023-Q3", None)]),
    ("First-quarter profits fell.", [("First-quarter", "DATE", "2024-Q1", None)]),
    ("Profits fell in fiscal 2023.", [("fiscal 2023", "DATE", "FY2023", None)]),
    ("By mid-2023 the city grew.", [("mid-2023", "DATE", "2023", "MID")]),
    ("This summer will be hot.", [("This summer", "DATE", "2024-SU", None)]),
    ("Tuesday afternoon the council met.", [("Tuesday afternoon", "DATE", "2024-05-07TAF", None)]),
    ("The council meets every Monday.", [("every Monday", "SET", "XXXX-WXX-1", None)]),
    ("The council meets every Monday at 4 p.m.",
     [("every Monday at 4 p.m.", "SET", "XXXX-WXX-1T16:00", None)]),
    ("He leaves every day at 7:13 p.m.", [("every day at 7:13 p.m.", "SET", "T19:13", None)]),
    ("They met daily, and at 3 p.m. left.",
     [("daily", "SET", "P1D", None), ("3 p.m.", "TIME", "2024-05-10T15:00", None)]),
    # a day of the month: the latest one (a future clause would look ahead)
    ("The vote was on the 2nd, officials said.", [("the 2nd", "DATE", "2024-05-02", None)]),
    ("The vote was on the 12th.", [("the 12th", "DATE", "2024-04-12", None)]),
    # "in two weeks" at a clause end: the date ahead
    ("The vote is in two weeks.", [("two weeks", "DATE", "2024-W21", None)]),
    ("They will decide in three days.", [("three days", "DATE", "2024-05-13", None)]),
    # ranges of numbers
    ("It took four or five hours.", [("four or five hours", "DURATION", "PTXH", None)]),
    ("It took 3-4 days.", [("3-4 days", "DURATION", "PXD", None)]),
    ("Talks lasted two to three weeks.", [("two to three weeks", "DURATION", "PXW", None)]),
    # a day sharing the month of the date after it; a sentence's full stop is not the month's
    ("Talks were held on 18 and 19 June.",
     [("18", "DATE", "2024-06-18", None), ("19 June", "DATE", "2024-06-19", None)]),
    ("Talks were held on 18-19 June 2023.",
     [("18", "DATE", "2023-06-18", None), ("19 June 2023", "DATE", "2023-06-19", None)]),
    ("Talks were held on 3 Sept. and later.", [("3 Sept.", "DATE", "2023-09-03", None)]),
    ("Rain fell over the past fortnight.", [("the past fortnight", "DURATION", "P2W", None)]),
    # no date told in the paragraph: "the day before", "the next day" count from publication
    ("He was arrested the day before.", [("the day before", "DATE", "2024-05-09", None)]),
    ("The next day, protests spread.", [("The next day", "DATE", "2024-05-11", None)]),
    ("The following week, protests spread.",
     [("The following week", "DATE", "2024-W20", None)]),
    ("The target is set for year-end.", [("year-end", "DATE", "2024", "END")]),
    ("Net income rose 10% in the latest quarter.",
     [("the latest quarter", "DATE", "2024-Q1", None)]),
    ("The truce begins at dawn.", [("dawn", "TIME", "TMO", None)]),
    # fixed-date holidays resolve; culture-dependent ones are found but left unresolved
    ("On Christmas Day, the guns fell silent.", [("Christmas Day", "DATE", "2023-12-25", None)]),
    ("Armistice Day was marked in London.", [("Armistice Day", "DATE", "2023-11-11", None)]),
    ("Christmas was quiet in Bethlehem.", [("Christmas", "DATE", None, None)]),
    ("Israel marked Remembrance Day.", [("Remembrance Day", "DATE", None, None)]),
    # overnight: the night before publication
    ("Overnight, rockets hit the city.", [("Overnight", "DATE", "2024-05-09TNI", None)]),
    ("Rockets hit the city overnight.", [("overnight", "DATE", "2024-05-09TNI", None)]),
]

NEGATIVES = [
    *NOW_FILLERS,
    "These days of mourning ended.",
    "At the moment of the blast he fled.",
    "He was present at the talks.",
    "The present situation is dire.",
    "The most recently built wall fell.",
    "He was on the 12th floor.",
    "She finished 2nd in the race.",
    "An overnight curfew was imposed.",
    "He scored 18 and 19 points.",
    "It was the dawn of a new era.",
    "The year ended badly for him.",
    "The overnight talks failed.",
]

# "in N units" that is a span of time, not a date ahead.
SPANS = [
    ("It was the first time in two years.", [("two years", "DURATION", "P2Y", None)]),
    ("Prices hit the highest in a decade.", [("a decade", "DURATION", "P1DE", None)]),
    ("He returned in two weeks of talks.", [("two weeks", "DURATION", "P2W", None)]),
    ("In 10 days the vote takes place.", [("10 days", "DURATION", "P10D", None)]),
]


@pytest.mark.parametrize("text,expected", CASES + SPANS)
def test_timeml_cases(text: str, expected: list) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_timeml_negatives(text: str) -> None:
    assert triples(text) == []


def test_past_clause_in_two_weeks_is_a_duration() -> None:
    """With the parse, "finished ... in two weeks" is past: a span, not a date ahead."""
    rec = newsledger.extract("The army finished the job in two weeks.", published="2024-05-10")
    rec.verify()
    rec.validate()
    assert not rec.errors
    assert [(t.span.text, t.type, t.value) for t in rec.times] == \
        [("two weeks", "DURATION", "P2W")]


def test_future_clause_on_the_12th_looks_ahead() -> None:
    rec = newsledger.extract("The council will vote on the 12th.", published="2024-05-10")
    rec.verify()
    rec.validate()
    assert not rec.errors
    assert [(t.span.text, t.value) for t in rec.times] == [("the 12th", "2024-05-12")]


def test_without_publication_date_vague_refs_still_resolve() -> None:
    assert triples("Prices are currently high, but the vote is in two weeks.", None) == [
        ("currently", "DATE", "PRESENT_REF", None), ("two weeks", "DURATION", "P2W", None)]
