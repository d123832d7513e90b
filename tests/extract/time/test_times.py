"""Times: TIMEX3 expressions found on the raw text and resolved with the news default."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsledger
from newsledger.evaluate import locate, score
from newsledger.extract.time.extractor import check_published, find_times
from newsledger.ingest.article import Article
from newsledger.pipeline import run_articles
from tests.conftest import SHARED as CONFTEST_SHARED
from tests.conftest import check_record

PUB = date(2024, 5, 10)  # a Friday


def shared_dir() -> Path | None:
    """``../shared`` (or NEWSLEDGER_SHARED, see tests/conftest.py), if present."""
    return CONFTEST_SHARED if (CONFTEST_SHARED / "gold").is_dir() else None


def triples(text: str, pub: date | None = PUB) -> list[tuple[str, str, str | None, str | None]]:
    return [(t.span.text, t.type, t.value, t.mod) for t in find_times(text, pub)]


# (sentence, expected [(span text, type, value, mod)]) with publication date Friday 2024-05-10.
CASES = [
    # bare weekdays look back; the publication weekday is that day
    ("The White House said Friday that talks failed.", [("Friday", "DATE", "2024-05-10", None)]),
    ("On Monday, Hamas said it accepted.", [("Monday", "DATE", "2024-05-06", None)]),
    ("On Thursday night the cabinet voted.", [("Thursday night", "DATE", "2024-05-09TNI", None)]),
    ("Officials met Saturday morning.", [("Saturday morning", "DATE", "2024-05-04TMO", None)]),
    ("They met last Friday.", [("last Friday", "DATE", "2024-05-03", None)]),
    ("They will meet next Tuesday.", [("next Tuesday", "DATE", "2024-05-14", None)]),
    ("The deal was green-lit last week.", [("last week", "DATE", "2024-W18", None)]),
    ("At the beginning of the week, Israel moved.",
     [("the beginning of the week", "DATE", "2024-W19", "START")]),
    ("Prices rose earlier this month.", [("earlier this month", "DATE", "2024-05", None)]),
    ("He visited last year.", [("last year", "DATE", "2023", None)]),
    ("Yesterday was calm, and tonight is tense.",
     [("Yesterday", "DATE", "2024-05-09", None), ("tonight", "DATE", "2024-05-10TNI", None)]),
    ("Shelling continued last night.", [("last night", "DATE", "2024-05-09TNI", None)]),
    # month-days without a year: most recent past occurrence
    ("Hamas's October 7 attack on Israel", [("October 7", "DATE", "2023-10-07", None)]),
    ("a truce in late November", [("late November", "DATE", "2023-11", "END")]),
    ("Fighting resumed in mid-January.", [("mid-January", "DATE", "2024-01", "MID")]),
    ("It began in early 2024.", [("early 2024", "DATE", "2024", "START")]),
    ("by the end of last year", [("the end of last year", "DATE", "2023", "END")]),
    # explicit dates in common formats
    ("released on May 10, 2024.", [("May 10, 2024", "DATE", "2024-05-10", None)]),
    ("Istanbul, Turkey, April 24, 2024.", [("April 24, 2024", "DATE", "2024-04-24", None)]),
    ("It was signed on 3 March 2022.", [("3 March 2022", "DATE", "2022-03-03", None)]),
    ("Posted 2023-12-01 by staff.", [("2023-12-01", "DATE", "2023-12-01", None)]),
    ("Dated 12/25/2023.", [("12/25/2023", "DATE", "2023-12-25", None)]),
    ("Dated 25.12.2023.", [("25.12.2023", "DATE", "2023-12-25", None)]),
    ("On Wednesday, Oct. 11, troops massed.", [("Wednesday, Oct. 11", "DATE", "2023-10-11", None)]),
    ("In September 2023 the talks stalled.", [("September 2023", "DATE", "2023-09", None)]),
    ("talks on May 10-11 in Cairo", [("May 10", "DATE", "2024-05-10", None)]),
    ("at 2024-05-10T10:30:00Z", [("2024-05-10T10:30:00Z", "TIME", "2024-05-10T10:30", None)]),
    ("the 10th of May", [("the 10th of May", "DATE", "2024-05-10", None)]),
    # years
    ("freed in the 2011 Shalit prisoner deal", [("2011", "DATE", "2011", None)]),
    ("held since 2014, as well as", [("2014", "DATE", "2014", "ON_OR_AFTER")]),
    ("in 2014 and 2015 respectively", [("2014", "DATE", "2014", None),
                                       ("2015", "DATE", "2015", None)]),
    ("the 2014 elections", [("2014", "DATE", "2014", None)]),
    ("conflicts of the 1990s", [("1990s", "DATE", "199", None)]),
    # times of day
    ("at 10:30 a.m. local time on Friday",
     [("10:30 a.m. local time", "TIME", "2024-05-10T10:30", None),
      ("Friday", "DATE", "2024-05-10", None)]),
    ("On Monday at 6 p.m., sirens sounded.",
     [("Monday", "DATE", "2024-05-06", None), ("6 p.m.", "TIME", "2024-05-06T18:00", None)]),
    ("Sirens sounded at 10 a.m. Friday.", [("10 a.m. Friday", "TIME", "2024-05-10T10:00", None)]),
    ("Sirens sounded Monday, 6 p.m. local time.",
     [("Monday, 6 p.m. local time", "TIME", "2024-05-06T18:00", None)]),
    ("The curfew starts at midnight.", [("midnight", "TIME", "2024-05-10T24:00", None)]),
    # durations
    ("an initial 12-week truce", [("12-week", "DURATION", "P12W", None)]),
    ("rather than the six weeks in the framework", [("six weeks", "DURATION", "P6W", None)]),
    ("after the truce was over a month old", [("a month", "DURATION", "P1M", None)]),
    ("during a weeklong truce", [("weeklong", "DURATION", "P1W", None)]),
    ("what we've seen in the last 24 hours", [("the last 24 hours", "DURATION", "PT24H", None)]),
    ("over the past two weeks", [("the past two weeks", "DURATION", "P2W", None)]),
    ("for more than three years", [("more than three years", "DURATION", "P3Y", "MORE_THAN")]),
    ("nearly 48 hours", [("nearly 48 hours", "DURATION", "PT48H", "LESS_THAN")]),
    ("a 20-year-old student", [("20-year-old", "DURATION", "P20Y", None)]),
    ("in recent weeks", [("recent weeks", "DURATION", "PXW", None)]),
    ("two and a half years", [("two and a half years", "DURATION", "P2.5Y", None)]),
    ("The war has gone on for months.", [("months", "DURATION", "PXM", None)]),
    # relative to the publication date
    ("He was arrested three days ago.", [("three days ago", "DATE", "2024-05-07", None)]),
    ("It happened two years ago.", [("two years ago", "DATE", "2022", None)]),
    # sets
    ("Every day the crossing is closed", [("Every day", "SET", "P1D", None)]),
    ("a weekly briefing", [("weekly", "SET", "P1W", None)]),
    ("500 trucks a day", [("a day", "SET", "P1D", None)]),
    ("protests every Friday", [("every Friday", "SET", "XXXX-WXX-5", None)]),
    ("twice a week", [("twice a week", "SET", "P1W", None)]),
    # possessives, month with last/next, clock and day parts, references
    ("Saturday's rally drew crowds.", [("Saturday", "DATE", "2024-05-04", None)]),
    ("The war began last October.", [("last October", "DATE", "2023-10", None)]),
    ("It's just gone 13:00 here in London.", [("13:00", "TIME", "2024-05-10T13:00", None)]),
    ("The protest began on Wednesday morning and was dispelled by the evening.",
     [("Wednesday morning", "DATE", "2024-05-08TMO", None),
      ("the evening", "DATE", "2024-05-08TEV", None)]),
    ("She enlisted on Monday, hours before she learned of it.",
     [("Monday", "DATE", "2024-05-06", None), ("hours", "DURATION", "PTXH", None)]),
    ("All week the allies pleaded.", [("All week", "DURATION", "P1W", None)]),
    ("during the 7 October attacks", [("7 October", "DATE", "2023-10-07", None)]),
    ("It opened more than a decade ago.",
     [("more than a decade ago", "DATE", "201", "BEFORE")]),
    ("Forces have recently moved south.", [("recently", "DATE", "PAST_REF", None)]),
    ("It has in the past met resistance.", [("the past", "DATE", "PAST_REF", None)]),
    ("Profit rose in fiscal 1990.", [("fiscal 1990", "DATE", "FY1990", None)]),
    ("wars of the mid-1990s", [("mid-1990s", "DATE", "199", "MID")]),
    ("in the first half of 2023", [("the first half of 2023", "DATE", "2023-H1", None)]),
    ("in the third quarter of 2023", [("the third quarter of 2023", "DATE", "2023-Q3", None)]),
    ("They had tea in the morning.", [("the morning", "TIME", "TMO", None)]),
    ("Then, 2 1/2 years after his death", [("2 1/2 years", "DURATION", "P2.5Y", None)]),
    ("the 20th century", [("the 20th century", "DATE", "19", None)]),
    ("this past weekend", [("this past weekend", "DATE", "2024-W18-WE", None)]),
    ("On Friday, Oct. 6, troops massed.", [("Friday, Oct. 6", "DATE", "2023-10-06", None)]),
    ("serving some 350,000 people a day", [("a day", "SET", "P1D", None)]),
    ("whether it’s a month or more", [("a month", "DURATION", "P1M", None)]),
    ("The laws date from the last century.", [("the last century", "DATE", "19", None)]),
    ("from the 1500s to the 1990s", [("1500s", "DATE", "15", None), ("1990s", "DATE", "199", None)]),
    ("in the second quarter of this year",
     [("the second quarter of this year", "DATE", "2024-Q2", None)]),
    ("from 2014-2018", [("2014", "DATE", "2014", None), ("2018", "DATE", "2018", None)]),
    ("They met earlier in the week.", [("earlier in the week", "DATE", "2024-W19", None)]),
    ("wars in the last decade and a half",
     [("the last decade and a half", "DURATION", "P15Y", None)]),
    # holidays: found, not resolved
    ("the official 76th Independence Day ceremony", [("Independence Day", "DATE", None, None)]),
]

# Narrative anchoring: a relative expression after a day-precise date in the same paragraph.
ANCHORED = [
    # "two days later" is an anchored duration: DURATION on the quantity (see README, Times)
    ("On March 3, troops entered the town. Two days later, they withdrew.",
     [("March 3", "DATE", "2024-03-03", None), ("Two days", "DURATION", "P2D", None)]),
    ("The strike came on Oct. 17, 2023. The next day, protests spread.",
     [("Oct. 17, 2023", "DATE", "2023-10-17", None), ("The next day", "DATE", "2023-10-18", None)]),
    ("On January 5 the envoy landed; a week later he left.",
     [("January 5", "DATE", "2024-01-05", None), ("a week", "DURATION", "P1W", None)]),
    ("In 2005, Israel withdrew. The following year, Hamas won.",
     [("2005", "DATE", "2005", None), ("The following year", "DATE", "2006", None)]),
    ("In March 2020, it began. That month, the virus spread.",
     [("March 2020", "DATE", "2020-03", None), ("That month", "DATE", "2020-03", None)]),
    # another paragraph: no anchor; still the same duration
    ("On March 3, troops entered.\nTwo days later, they withdrew.",
     [("March 3", "DATE", "2024-03-03", None), ("Two days", "DURATION", "P2D", None)]),
    # "after" followed by an event is a duration with a signal, not an anchored date
    ("Two days after the strike, talks resumed.", [("Two days", "DURATION", "P2D", None)]),
]

# "now" as discourse filler or conjunction: no time expression (shared with test_times_timeml)
NOW_FILLERS = [
    "Now, the question is who pays for it.",
    "And now, a word on the markets.",
    "Now that the war is over, talks resume.",
    "It happens every now and then.",
    "Peace Now said the settlement grew.",
    "It is a now-defunct group.",
]

# Sentences that must yield no time expression at all.
NEGATIVES = [
    "We urge the Israelis to open up that crossing.",
    "We're watching this with concern.",
    "It may take a while, and it may not happen.",
    "May God protect them.",
    "Protesters plan to march on the embassy.",
    "March forward, the commander said.",
    "The day the war began changed everything.",
    # "now" as discourse filler or conjunction (TimeML tags only the temporal "now")
    *NOW_FILLERS,
    "Israel has ordered some 100,000 Palestinians to evacuate.",
    "The ministry says 34,000 people have been killed.",
    "Two hundred and seventy-one soldiers have been killed.",
    "About 2000 people gathered, and 2000 troops were deployed.",
    "It appears localized near the crossing with the forces they had put in at the beginning.",
    "The truce talks are in a second round.",
    "The Yom Kippur War changed the region.",
    "He read the Daily Mail and The Weekly Standard.",
    "It remains at 2,000- and 500-pound bombs.",
    "Call 555-1234 for details.",
    "The score was 3:1 in the final.",
    "It was delayed three times, most recently on the eve of the vote.",
    "He spoke for a long time.",
    "She has more recently attended funerals.",
    "He told BBC Radio 4's Today programme it was grim.",
    "Coverage is 24/7 on the site.",
    "Call 555-2014 for details.",
    "Mohammed Eid wiped tears from his face.",
    "A strike hit the Eid family home.",
    "The week was hard, the year harder.",
    "They scored in the first half of the match.",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_cases(text: str, expected: list) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize("text,expected", ANCHORED)
def test_narrative_anchoring(text: str, expected: list) -> None:
    assert triples(text) == expected


@pytest.mark.parametrize("text", NEGATIVES)
def test_negatives(text: str) -> None:
    assert triples(text) == []


def test_offsets_are_on_the_original_text() -> None:
    text = "“On Thursday night,”\u00a0he said,\r\nthe\u00a0cabinet met on\u00a0May 9, 2024."
    found = find_times(text, PUB)
    assert [t.span.text for t in found] == ["Thursday night", "May 9, 2024"]
    for t in found:
        assert text[t.span.start:t.span.end] == t.span.text


def test_without_a_publication_date_relative_values_stay_unresolved() -> None:
    got = triples("On Monday, May 6, 2024 and on Friday; October 7; six weeks; last week.", None)
    assert got == [("Monday, May 6, 2024", "DATE", "2024-05-06", None),
                   ("Friday", "DATE", None, None), ("October 7", "DATE", None, None),
                   ("six weeks", "DURATION", "P6W", None), ("last week", "DATE", None, None)]


def test_check_published() -> None:
    today = date(2026, 1, 1)
    assert check_published(PUB, "2024-05-10", today) == (PUB, None)
    assert check_published(None, None, today) == (None, None)
    pub, msg = check_published(None, "10 May", today)
    assert pub is None and msg and "not an ISO date" in msg
    pub, msg = check_published(date(2999, 1, 1), "2999-01-01", today)
    assert pub is None and msg and "far future" in msg
    pub, msg = check_published(date(1, 1, 1), "0001-01-01", today)
    assert pub is None and msg and "before 1800" in msg


@pytest.mark.parametrize("pub", [date(1, 1, 1), date(9999, 12, 31)])
def test_extreme_publication_dates_do_not_raise(pub: date) -> None:
    text = ("On Monday, last week, next year, in two weeks, 3 days ago, a decade ago, "
            "next Friday, the 1990s, May 5, the following year.")
    found = find_times(text, pub)
    assert len(found) >= 9


def _record(text: str, published: str | None, valid: bool = True) -> newsledger.Record:
    rec = next(run_articles([Article(id="t", text=text, published=published)]))
    rec.verify()
    if valid:  # a malformed `published` breaks the record schema itself (not the times' doing)
        rec.validate()
    assert not [e for e in rec.errors if "failed" in e.message], rec.errors
    return rec


@pytest.mark.parametrize("published,fragment", [
    (None, "no publication date"), ("not a date", "not an ISO date"),
    ("2999-01-01", "far future"),
])
def test_bad_publication_dates_give_errors_not_exceptions(published: str | None,
                                                          fragment: str) -> None:
    rec = _record("On Monday, May 6, 2024, talks began. On Friday they ended.", published,
                  valid=published != "not a date")
    assert [(t.span.text, t.value) for t in rec.times] == [("Monday, May 6, 2024", "2024-05-06"),
                                                          ("Friday", None)]
    assert any(e.stage == "times" and fragment in e.message for e in rec.errors)


@pytest.mark.parametrize("text,expected", [
    ("Talks will resume on Monday.", "2024-05-13"),
    ("Talks resumed on Monday.", "2024-05-06"),
    ("Israel is set to reopen the crossing on Sunday.", "2024-05-12"),
    ("The election will be held on November 5.", "2024-11-05"),
    ("The attack on November 5 killed three.", "2023-11-05"),
    ("Over the weekend, 34 aid trucks entered Gaza.", "2024-W18-WE"),
    ("The deadline is on May 25.", "2024-05-25"),
    ("The attack on May 25 killed three.", "2023-05-25"),
    ("Talks collapsed in June.", "2023-06"),
    ("Protests will be held over the weekend.", "2024-W19-WE"),
])
def test_future_tense_looks_forward(text: str, expected: str) -> None:
    rec = _record(text, "2024-05-10")
    assert [t.value for t in rec.times] == [expected]


def test_pipeline_record_and_skipped_captions() -> None:
    rec = newsledger.extract("Title line\n\nThe cabinet met on Thursday night, officials said.\n",
                             published="2024-05-10")
    rec.verify()
    rec.validate()
    assert [(t.span.text, t.value) for t in rec.times] == [("Thursday night", "2024-05-09TNI")]


def test_ten_thousand_weekdays() -> None:
    text = "Monday " * 10_000
    found = find_times(text, PUB)
    assert len(found) == 10_000
    assert {t.value for t in found} == {"2024-05-06"}


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("Mayon Friday 2024-0517/.: a.m. weeks ago last"
                                             " \n,’'")), max_size=120))
def test_never_raises_and_spans_hold(text: str) -> None:
    found = find_times(text, PUB)
    prev_end = -1
    for t in found:
        assert 0 <= t.span.start < t.span.end <= len(text)
        assert text[t.span.start:t.span.end] == t.span.text
        assert t.span.start >= prev_end
        prev_end = t.span.end
        assert t.type in ("DATE", "TIME", "DURATION", "SET")


SHARED = shared_dir()


@pytest.mark.shared
@pytest.mark.skipif(SHARED is None, reason="../shared (seed and gold) is absent")
def test_seed_gold_times() -> None:
    assert SHARED is not None
    gold = json.loads((SHARED / "gold" / "seed.gold.json").read_text("utf-8"))
    text = (SHARED / "seeds" / "000_083e98938a0e4d70.txt").read_text("utf-8")
    rec = newsledger.extract(text, published=gold["published"])
    rec.verify()
    rec.validate()
    assert not [e for e in rec.errors if "failed" in e.message]
    spans = []
    for g in gold["dates"]:
        loc = locate(text, g["text"])
        assert loc is not None, g
        spans.append(loc)
    s = score(list(range(len(gold["dates"]))), rec.times, lambda i: spans[i],
              lambda t: (t.span.start, t.span.end),
              {"type": lambda i, t: gold["dates"][i]["type"] == t.type,
               "value": lambda i, t: gold["dates"][i]["value"] == t.value,
               "mod": lambda i, t: "mod" not in gold["dates"][i]
               or gold["dates"][i]["mod"] == t.mod})
    # Measured 2026-12-03 on commit dc9b137: all 21 gold times found, type, value and mod all
    # right (1.0). The seed was fixed on, so the floors allow one error of 21 (0.048).
    assert s.fn <= 1, s.misses
    assert s.tp >= 20
    assert s.field_accuracy("type") >= 0.95, s.summary()
    assert s.field_accuracy("value") >= 0.95, s.summary()
    assert s.field_accuracy("mod") >= 0.95, s.summary()


# Ranges: the ends of "from X to Y" / "between X and Y" agree (published Friday 2024-05-10).
@pytest.mark.parametrize("text,expected", [
    ("The curfew runs from March to July.", [("March", "2024-03"), ("July", "2024-07")]),
    ("The drought lasted from October to March.", [("October", "2023-10"), ("March", "2024-03")]),
    ("Fighting raged from April 20 to June 2.", [("April 20", "2024-04-20"),
                                                 ("June 2", "2024-06-02")]),
    ("Rains fell between November and February 2023.", [("November", "2022-11"),
                                                         ("February 2023", "2023-02")]),
    ("He served from May 2019 to June.", [("May 2019", "2019-05"), ("June", "2019-06")]),
    ("The war ran from 2014 until 2018.", [("2014", "2014"), ("2018", "2018")]),
    # negatives: no range ("to" joins other things), or a fixed end that must not move
    ("Talks collapsed in June and resumed in March.", [("June", "2023-06"), ("March", "2024-03")]),
    ("I will leave from this May to Oct 2020.", [("this May", "2024-05"), ("Oct 2020", "2020-10")]),
])
def test_ranges_keep_their_ends_in_order(text: str, expected: list) -> None:
    rec = _record(text, "2024-05-10")
    assert [(t.span.text, t.value) for t in rec.times] == expected
    assert all(t.mod is None for t in rec.times)  # "until" closing a range is not a bound


@pytest.mark.parametrize("text,expected", [
    ("He said it was postponing the handover planned for Sunday.", "2024-05-12"),
    ("The vote scheduled for Monday will test the coalition.", "2024-05-13"),
    ("The vote scheduled for Monday was cancelled.", "2024-05-06"),  # told in the past
    ("The talks that were planned ended on Monday.", "2024-05-06"),
])
def test_planned_for_a_day_looks_forward(text: str, expected: str) -> None:
    rec = _record(text, "2024-05-10")
    assert [t.value for t in rec.times] == [expected]


@pytest.mark.parametrize("text,expected", [
    ("Updated 4:52 PM GMT+1, June 14, 2025", [("4:52 PM GMT+1, June 14, 2025", "2025-06-14T16:52")]),
    ("Updated 5:47 AM EDT, Fri April 25, 2025",
     [("5:47 AM EDT, Fri April 25, 2025", "2025-04-25T05:47")]),
    ("The siren sounded at 06:40 GMT-3 on Tuesday.", [("06:40 GMT-3", "2024-05-07T06:40"),
                                                      ("Tuesday", "2024-05-07")]),
])
def test_stamps_with_zone_offsets(text: str, expected: list) -> None:
    rec = _record(text, "2024-05-10")
    assert [(t.span.text, t.value) for t in rec.times] == expected


@pytest.mark.parametrize("text,expected", [
    ("Wed 9 Jul 2025 13.20 BST", [("Wed 9 Jul 2025 13.20 BST", "2025-07-09T13:20")]),
    ("Issued on: 14/10/2025 - 10:32", [("14/10/2025 - 10:32", "2025-10-14T10:32")]),
    ("August 18, 2025 10:47 PM 3 min read", [("August 18, 2025 10:47 PM", "2025-08-18T22:47")]),
    ("The talks lasted 3 minutes.", [("3 minutes", "PT3M")]),
    ("Inflation was 13.20 percent.", []),  # a decimal, not a clock: no zone after it
])
def test_page_stamp_styles(text: str, expected: list) -> None:
    rec = _record(text, "2024-05-10")
    assert [(t.span.text, t.value) for t in rec.times] == expected


def _tv(text: str, published: str) -> list[tuple[str, str | None]]:
    rec = newsledger.extract(text, published=published)
    check_record(rec)
    return [(t.span.text, t.value) for t in rec.times]


@pytest.mark.parametrize("sentence, expected", [
    # the future seen from a past report: the next Wednesday (published Tuesday 2025-10-14)
    ("Al-Qahera News reported that a Qatari delegation would join the talks on Wednesday.",
     ("Wednesday", "2025-10-15")),
    # a counterfactual past and a habitual past keep looking back
    ("The delegation would have joined the talks on Wednesday, officials said.",
     ("Wednesday", "2025-10-08")),
    ("On Wednesday the guards would open the gate for an hour.", ("Wednesday", "2025-10-08")),
])
def test_would_under_a_reporting_verb_looks_ahead(sentence: str,
                                                  expected: tuple[str, str]) -> None:
    assert expected in _tv("A headline about the talks\n\n" + sentence + "\n", "2025-10-14")


def test_page_stamps_with_a_full_date_and_clock_are_one_time() -> None:
    got = _tv("A headline\nMaria Kovalenko — Wednesday, 7 May 2025, 08:14\n\n"
              "The talks resumed, officials said.\n", "2025-05-07")
    assert ("Wednesday, 7 May 2025, 08:14", "2025-05-07T08:14") in got
    got = _tv("A headline\nOctober 14, 2025 at 6:30 a.m. EDT\n\nThe talks resumed, officials said.\n",
              "2025-10-14")
    assert ("October 14, 2025 at 6:30 a.m. EDT", "2025-10-14T06:30") in got
    # "on Friday at 10 a.m." in a sentence is not a stamp: no year, the parts stay as they were
    got = _tv("A headline\n\nThe talks resume on Friday at 10 a.m., officials said.\n", "2025-10-14")
    assert not any(t == "Friday at 10 a.m." for t, _ in got)
    # a single-digit "3:16" without a cue is a verse or a score, not a clock
    assert not any(t == "3:16" for t, _ in _tv("A headline\n\nHe quoted John 3:16 in the speech.\n",
                                               "2025-10-14"))


# --- issue 16: tense, scheduling, anaphoric years, statements, durations (synthetic sentences) --

@pytest.mark.parametrize("text,published,expected", [
    # future tense and infinitives of planning look forward
    ("Ministers will attend the summit in Lisbon in July.", "2023-04-10", ("July", "2023-07")),
    # a scheduled event outside a past clause looks forward ...
    ("Ministers are preparing for the summit in Lisbon in July.", "2023-04-10",
     ("July", "2023-07")),
    ("The board set out plans for a new vote in June.", "2024-03-07", ("June", "2024-06")),
    # ... and inside one looks back
    ("The summit in Lisbon in July was a failure, ministers said.", "2023-04-10",
     ("July", "2022-07")),
    ("The vote has already been delayed twice, most recently on Wednesday.", "2024-03-08",
     ("Wednesday", "2024-03-06")),
    # deadlines: "by", "until (at least)"
    ("The council pledged to approve the budget by July.", "2024-03-20", ("July", "2024-07")),
    ("A court ordered him held in custody until at least 17 October.", "2024-08-20",
     ("17 October", "2024-10-17")),
    ("The rebels had taken the port by July.", "2024-03-20", ("July", "2023-07")),
    # planning told in the past, the planned day still ahead
    ("The city banned a march that had been planned for Sunday.", "2023-10-21",
     ("Sunday", "2023-10-22")),
    ("The vote scheduled for Monday was cancelled.", "2024-05-10", ("Monday", "2024-05-06")),
    # fixture notation: a zoned clock time next to a weekday
    ("Kick-off is at 15:00 GMT Saturday.", "2024-03-07", ("15:00 GMT Saturday",
                                                          "2024-03-09T15:00")),
    ("The blast shook the city at 03:00 GMT Saturday.", "2024-03-07",
     ("03:00 GMT Saturday", "2024-03-02T03:00")),
])
def test_tense_and_scheduling_choose_the_direction(text: str, published: str,
                                                   expected: tuple[str, str]) -> None:
    assert expected in _tv("A headline\n\n" + text + "\n", published)


@pytest.mark.parametrize("text,expected", [
    # "the end of the year" reads the tense against where the year stands
    ("Exports slumped at the end of the year, the agency said.", "2023"),
    ("Exports will recover by the end of the year, the agency said.", "2024"),
    ("At the start of the year, exports slumped.", "2024"),
])
def test_end_of_the_year_reads_the_tense(text: str, expected: str) -> None:
    got = _tv("A headline\n\n" + text + "\n", "2024-02-10")
    assert [v for t, v in got if "of the year" in t] == [expected]


def test_end_of_the_year_late_in_the_year() -> None:
    got = _tv("A headline\n\nThe factory will close at the start of the year.\n", "2024-11-10")
    assert ("the start of the year", "2025") in got


@pytest.mark.parametrize("text,expected", [
    ("Fares rose sharply, above all in 1998.\n\nIn April of that year, two lines closed.",
     ("April of that year", "1998-04")),
    ("The dispute has run since 2011.\n\nThe council sold the land the same year.",
     ("the same year", "2011")),
    ("The dispute has run since 2011.\n\nThat year, the council sold the land.",
     ("That year", "2011")),
    ("The mill opened in 1950.\n\nThe following year, it burned down.",
     ("The following year", "1951")),
    ("Sales were 40% above March last year.", ("March last year", "2023-03")),
    ("The author, who at that time lived abroad, wrote the 2010 novel first.", None),
    ("The 2010 novel was written abroad, where at that time he taught.", ("that time", "2010")),
])
def test_anaphoric_years_follow_the_last_year_written(text: str,
                                                      expected: tuple[str, str] | None) -> None:
    got = triples(text)
    if expected is None:
        assert not any(t == "that time" for t, *_ in got)
    else:
        assert (expected[0], "DATE", expected[1], None) in got


@pytest.mark.parametrize("text,expected", [
    # the statement's own day: "said on Tuesday that yesterday ..." is Monday
    ("The mayor said on Tuesday that yesterday's flood closed the bridge.",
     ("yesterday", "2023-12-18")),
    ("In a post on Wednesday, the charity said until two days ago the shelter was open.",
     ("two days ago", "2023-12-18")),
    # a time hanging from the verb itself is the report's, counted from publication
    ("On Wednesday, the river rose, the mayor said today.", ("today", "2023-12-21")),
    # an embedded post's trailer dates the line above it
    ("Today we opened the clinic.\n\n— Clinic (@clinic) December 18, 2023\n\nToday it rained.",
     ("Today", "2023-12-18")),
    # and a date line over a post dates the line below
    ("Posted 18 December 2023\nToday we opened the clinic.", ("Today", "2023-12-18")),
])
def test_statements_and_posts_anchor_to_their_own_date(text: str,
                                                       expected: tuple[str, str]) -> None:
    got = _tv("A headline\n\n" + text + "\n", "2023-12-21")
    assert expected == next((t, v) for t, v in got if t == expected[0])


def test_a_quoted_statement_speaks_from_its_own_day() -> None:
    got = _tv('A headline\n\nOn Tuesday, the council said in a statement: "Yesterday the dam held. '
              'Today we open the gates."\n\nToday the river is calm.\n', "2024-05-10")
    assert [v for t, v in got if t in ("Yesterday", "Today")] == [
        "2024-05-06", "2024-05-07", "2024-05-10"]
    # a quotation without a dated introduction keeps the publication day
    got = _tv('A headline\n\nThe council said: "Today we open the gates."\n', "2024-05-10")
    assert ("Today", "2024-05-10") in got


def test_only_the_post_is_dated_by_its_trailer() -> None:
    got = _tv("A headline\n\nToday we opened the clinic.\n\n— Clinic (@clinic) December 18, 2023"
              "\n\nToday it rained.\n", "2023-12-21")
    assert [v for t, v in got if t == "Today"] == ["2023-12-18", "2023-12-21"]


@pytest.mark.parametrize("text,expected", [
    ("On March 3 the ferry sank. About a month earlier, it had failed a test.",
     ("About a month", "DURATION", "P1M", "APPROX")),
    ("On March 3 the ferry sank. A day earlier, it had failed a test.",
     ("A day", "DURATION", "P1D", None)),
    ("On March 3 the ferry sank; the crew had left a week before.",
     ("a week", "DURATION", "P1W", None)),
    # "ago" counts from publication: a date
    ("The ferry sank two days ago.", ("two days ago", "DATE", "2024-05-08", None)),
])
def test_anchored_durations_stay_durations(text: str, expected: tuple) -> None:
    assert expected in triples(text)


def test_an_anchored_duration_still_places_a_clock_time() -> None:
    got = triples("On March 3 the ferry sank. Two days later at 10 a.m. it was raised.")
    assert ("10 a.m.", "TIME", "2024-03-05T10:00", None) in got


@pytest.mark.parametrize("text,expected", [
    ("She won the marathon in 3:07:35 on Sunday.", ("3:07:35", "DURATION", "PT3H7M35S", None)),
    ("The clip runs 0:04:10.", ("0:04:10", "DURATION", "PT4M10S", None)),
    ("The clock read 10:30:15 GMT.", ("10:30:15 GMT", "TIME", "2024-05-10T10:30", None)),
])
def test_race_times_are_durations_not_clock_times(text: str, expected: tuple) -> None:
    got = triples(text)
    assert expected in got
    assert not any(t == "07:35" for t, *_ in got)


@pytest.mark.parametrize("text,expected", [
    ("It took minutes to clear the road.", ("minutes", "DURATION", "PTXM", None)),
    ("The talks lasted hours.", ("hours", "DURATION", "PTXH", None)),
    ("Aid has been cut for months.", ("months", "DURATION", "PXM", None)),
    ("Prices rose in recent weeks.", ("recent weeks", "DURATION", "PXW", None)),
    ("In the years since the flood, the town grew.", ("the years", "DURATION", "PXY", None)),
    ("The queue has formed for a number of weeks.",
     ("a number of weeks", "DURATION", "PXW", None)),
])
def test_vague_units_have_timex3_normal_forms(text: str, expected: tuple) -> None:
    assert expected in triples(text)


@pytest.mark.parametrize("text,tagged", [
    ("The army now controls the town.", True),
    ("The farm was flooded in spring. Now, the fields are dry.", True),
    ("Now, let's look at the markets.", False),
    ("Now, the question is who pays.", False),
    ("The troops will stay for the foreseeable future.", True),
])
def test_now_and_the_future(text: str, tagged: bool) -> None:
    got = [t for t, *_ in triples(text)]
    assert bool(got) == tagged, got


@pytest.mark.timeout(60)
@pytest.mark.parametrize("text", [
    "Hospitals running out of fuel until September.",
    "Talks to end the strike by July.",
    "Crowds waiting at the border since Monday, with more due on Friday.",
])
def test_tense_walks_end_at_a_verbless_root(text: str) -> None:
    """The walk up the parse stops at the root: spaCy makes a new Token object on each access, so
    `tok.head is tok` never holds; a loop guarded by it spun forever on a noun-rooted headline
    with a non-finite clause (the times4 hang in the NPR batch test)."""
    rec = _record("A headline\n\n" + text + "\n", "2024-05-10")
    assert rec.times
