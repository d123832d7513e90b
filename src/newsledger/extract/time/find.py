"""Finding time expressions: regex rules over the raw text, each yielding a typed candidate.

Every rule is one ``re`` pattern scanned once over the text (linear), with a small check on its
surroundings where a word is ambiguous ("May" the modal, "2000 people" the count, "We"). The
candidates are then reduced to non-overlapping spans, leftmost-longest. Resolution to TIMEX3 values
is ``time.resolve``'s job; this module only says *what kind* of expression sits where, with its
parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from .words import (AMBIGUOUS_MONTHS, HOLIDAY_NOT_BEFORE, HOLIDAY_SURNAMES, HOLIDAYS, LONG_ADJ,
                    MONTHS, NOW_NOT_BEFORE, NUMBER_WORDS, RX_DAY_PART, RX_FULL_MONTH, RX_MONTH,
                    RX_NUM, RX_TZ, RX_UNIT, RX_WEEKDAY, RX_WEEKDAY_ANY, SETS, TENS, WEEKDAYS,
                    WEEKDAYS_ANY, alt)


@dataclass
class Cand:
    """A found expression before resolution: where it is, which rule found it, and its parts."""

    start: int
    end: int
    kind: str
    g: dict[str, str | None] = field(default_factory=dict)
    prio: int = 0
    cut: int | None = None  # where an optional trailing signal word ("after") begins


I = re.IGNORECASE
B = r"(?<![\w'’/-])"  # left word boundary that also refuses the inside of "ex-Monday", "'90"
E = r"(?![\w-])(?!['’](?!s\b)\w)"  # right boundary refusing "12-weekly", allowing "Friday's"

# Words before a bare month name or year that make it a date ("in May", "since 2014").
DATE_CUES = frozenset([
    "in", "since", "until", "till", "by", "from", "to", "through", "during", "before", "after",
    "of", "early", "late", "mid", "last", "next", "this", "and", "or", "between", "throughout",
    "around", "end", "beginning", "start", "middle", "the", "'s", "’s",
])
# Words before a number that make it a quantity, not a year ("some 2000", "more than 2000").
COUNT_CUES = frozenset([
    "about", "some", "nearly", "around", "almost", "over", "than", "least", "approximately",
    "roughly", "estimated", "total", "just", "only",
])
COUNT_AFTER = frozenset([
    "km", "kg", "tons", "tonnes", "miles", "meters", "metres", "feet", "dollars", "euros",
    "shekels", "pounds", "percent", "per", "times",
])
COUNT_NOUNS = frozenset([
    "people", "children", "men", "women", "police", "personnel", "staff", "cattle",
])
NOT_PLURAL = frozenset([
    "is", "was", "has", "as", "this", "its", "his", "us", "yes", "thus", "does", "says",
    "news", "plus", "vs", "less", "whereas", "perhaps",
])

_WORD_BEFORE = re.compile(r"([\w'’]+)[\s,]*$")
_WORD_AFTER = re.compile(r"^[\s]*([\w'’]+)")


def word_before(text: str, i: int) -> str:
    m = _WORD_BEFORE.search(text[max(0, i - 30):i])
    return m.group(1).lower() if m else ""


def word_after(text: str, i: int) -> str:
    m = _WORD_AFTER.match(text[i:i + 30])
    return m.group(1) if m else ""


def sentence_start(text: str, i: int) -> bool:
    """True when only spaces, quotes or brackets separate ``i`` from a sentence or line start."""
    j = i - 1
    while j >= 0 and text[j] in " \t\"'“‘(":
        j -= 1
    return j < 0 or text[j] in ".!?\n:;"


Check = Callable[[str, re.Match[str]], bool]


@dataclass(frozen=True)
class Rule:
    """One pattern. ``on``: the lower-case first words it can start with ("#" = a digit)."""

    kind: str
    on: frozenset[str]
    rx: re.Pattern[str]
    check: Check | None = None


def _first_words(phrases: Any) -> set[str]:
    return {re.split(r"[^\w]+", p.lower())[0] for p in phrases}


TRIGGERS: dict[str, set[str]] = {
    "MON": set(MONTHS), "WD": set(WEEKDAYS_ANY), "WDF": set(WEEKDAYS),
    "WDS": {w + "s" for w in WEEKDAYS}, "DIG": {"#"}, "APOS": {"'"}, "THE": {"the"},
    "RELW": {"last", "next", "this", "coming", "previous", "past"},
    "RELDAY": {"today", "tonight", "yesterday", "tomorrow", "the", "last", "this"},
    "RELUNIT": {"earlier", "later", "this", "last", "next", "the", "coming", "past"},
    "UNITPOS": {"the", "beginning", "start", "end", "middle", "close"},
    "ANCHOR": {"the", "next", "following", "previous", "preceding", "same"}, "THAT": {"that"},
    "QUARTER": {"the", "first", "second", "third", "fourth", "last", "latest", "most"},
    "QN": {"q1", "q2", "q3", "q4"},
    "SEASON": {"this", "last", "next", "spring", "summer", "autumn", "winter", "fall"},
    "NOW": {"now"}, "OVERNIGHT": {"overnight"},
    "DAWN": {"dawn", "daybreak", "dusk", "nightfall"}, "UNITEND": {"year", "month", "quarter"},
    "ALL": {"all"}, "FISCAL": {"fiscal", "fy"},
    "REF": {"recently", "lately", "currently", "presently", "nowadays", "these", "present", "the"},
    "RELM": {"last", "next", "this"},
    "INTHE": {"earlier", "later"}, "HALF": {"the", "first", "second", "latter"},
    "UNITS_PL": {"years", "decades", "months", "weeks", "days", "hours", "minutes"},
    "EVERY": {"every", "each"}, "PER": {"per", "a"}, "SETW": set(SETS),
    "NUM": _first_words(NUMBER_WORDS) | set(TENS) | {"#"},
    "FREQ": {"once", "twice", "thrice"} | _first_words(NUMBER_WORDS) | set(TENS) | {"#"},
    "DUR": {"the"} | _first_words(NUMBER_WORDS) | set(TENS) | {"#"},
    "DURBARE": {"recent", "the", "coming"}, "LONGADJ": _first_words(LONG_ADJ),
    "NOON": {"noon", "midday", "midnight"}, "HOLI": _first_words(HOLIDAYS),
}


def on(spec: str) -> frozenset[str]:
    return frozenset().union(*(TRIGGERS[k] for k in spec.split()))


def _cap_month_ok(text: str, m: re.Match[str], need_cue: bool) -> bool:
    """A month name is a month when capitalised, or next to digits; May/March/August need more."""
    mon = m.group("mon")
    low = mon.lower().rstrip(".")
    if not mon[0].isupper():
        return False
    if low in AMBIGUOUS_MONTHS and need_cue:
        return word_before(text, m.start()) in DATE_CUES
    return True


def _month_day_ok(text: str, m: re.Match[str]) -> bool:
    mon = m.group("mon")
    d = int(m.group("d"))
    if not 1 <= d <= 31:
        return False
    if mon[0].isupper() or m.group("y"):
        return True
    # lower-case "may 10": only with an ordinal suffix ("may 10th") - "may 10 people" is a modal.
    return mon.lower() not in AMBIGUOUS_MONTHS or bool(re.search(r"\d(?:st|nd|rd|th)", m.group(0)))


def _day_month_ok(text: str, m: re.Match[str]) -> bool:
    d = int(m.group("d"))
    if not 1 <= d <= 31:
        return False
    mon = m.group("mon")
    if mon[0].isupper() or m.group("y"):
        return True
    return mon.lower() not in AMBIGUOUS_MONTHS


def _month_year_ok(text: str, m: re.Match[str]) -> bool:
    return m.group("mon")[0].isupper() or m.group("mon").lower() not in AMBIGUOUS_MONTHS


def _month_ok(text: str, m: re.Match[str]) -> bool:
    if m.group("rel"):
        return m.group("mon")[0].isupper()
    if text[max(0, m.start() - 1):m.start()] == "-":
        mid = text[max(0, m.start() - 4):m.start()].lower() == "mid-"
        return mid and m.group("mon")[0].isupper()
    return _cap_month_ok(text, m, need_cue=True)


def _year_ok(text: str, m: re.Match[str]) -> bool:
    """A four-digit number is a year unless its surroundings make it a count or a code."""
    y = int(m.group("y"))
    if not 1800 <= y <= 2100:
        return False
    before = word_before(text, m.start())
    after = word_after(text, m.end())
    if text[max(0, m.start() - 1):m.start()] == "-" and \
            text[max(0, m.start() - 4):m.start()].lower() != "mid-" and \
            not re.search(r"(?:^|[^\d-])(?:1[89]|20)\d\d-$", text[max(0, m.start() - 6):m.start()]):
        return False  # "555-2014" is a number; "mid-2014" and "2013-2014" are years
    if text[max(0, m.start() - 1):m.start()] in ("#", "№") or before in ("no", "number", "page"):
        return False
    if before in COUNT_CUES:
        return False
    low_after = after.lower()
    if low_after in COUNT_AFTER:
        return False
    plural = low_after in COUNT_NOUNS or (
        after[:1].islower() and low_after.endswith("s") and low_after not in NOT_PLURAL
        and not low_after.endswith(("'s", "’s")))
    # "2000 people" is a count ... but "the 2014 elections", "in 2014 elections" are years, and
    # so is the second of "the 2020 and 2022 elections" (a year just before the "and")
    if plural and before in ("and", "or") and re.search(
            r"(?:^|[^\w$£€,.])(?:1[89]|20)\d\d,?\s+(?:and|or)\s+$",
            text[max(0, m.start() - 12):m.start()]):
        return True
    return not (plural and (before not in DATE_CUES or before in ("and", "or")))


def _weekday_ok(text: str, m: re.Match[str]) -> bool:
    # "Friday" the person (Robinson Crusoe) is too rare in news to matter; refuse only names
    # glued to a capitalised word before ("Black Friday" is a holiday: leave it to the reader).
    before = text[max(0, m.start() - 12):m.start()]
    return not re.search(r"\b(?:Black|Good|Bloody|Super|Cyber|Ash|Palm|Holy)\s+$", before)


def _relday_ok(text: str, m: re.Match[str]) -> bool:
    # "BBC Radio 4's Today programme": a capitalised "Today" inside a sentence is a name.
    w = m.group("w")
    return not (w == "Today" and not sentence_start(text, m.start()))


# What follows a sentence-initial "Now," when it only leads into talk, not into the present.
_NOW_FILLER_NEXT = frozenset({
    "let", "let's", "let’s", "here", "here's", "here’s", "what", "why", "how", "if", "look",
    "listen", "imagine", "remember", "back", "then", "of", "obviously", "to", "for", "okay",
    "ok", "well", "the question", "the point", "the thing", "the problem", "i", "you", "over",
})


def _now_ok(text: str, m: re.Match[str]) -> bool:
    """ "now" is the writer's present, except as discourse filler: "Now, the question is ...",
    "And now, ...", "now that ...", "now and then", and "Peace Now" (a capitalised name)."""
    if word_after(text, m.end()).lower() in NOW_NOT_BEFORE:
        return False
    at_start = sentence_start(text, m.start())
    if m.group(0)[0].isupper() and not at_start:
        return False
    if text[m.end():m.end() + 3].lstrip(" \t")[:1] in (",", "—", "–"):
        if at_start:
            # "Now, he mostly paints in grey": the present set against a past just told; but
            # "Now, let's ...", "Now, the question is", "Now, if ..." lead into talk.
            nxt = re.match(r"[\s,—–]*([\w'’]+)(?:\s+([\w'’]+))?", text[m.end():m.end() + 40])
            words = [w.lower() for w in nxt.groups() if w] if nxt else []
            return not (words and (words[0] in _NOW_FILLER_NEXT
                                   or " ".join(words[:2]) in _NOW_FILLER_NEXT))
        prev = _WORD_BEFORE.search(text[max(0, m.start() - 30):m.start()])
        if prev and prev.group(1).lower() in ("and", "but", "so", "well", "yet", "even") \
                and sentence_start(text, max(0, m.start() - 30) + prev.start(1)):
            return False
    return True


def _set_adj_ok(text: str, m: re.Match[str]) -> bool:
    # "Daily Mail", "The Weekly Standard": a capitalised set word inside a sentence is a name.
    w = m.group(0)
    return not w[0].isupper() or sentence_start(text, m.start())


def _holiday_ok(text: str, m: re.Match[str]) -> bool:
    if word_after(text, m.end()).lower() in HOLIDAY_NOT_BEFORE:
        return False
    if m.group(0) in HOLIDAY_SURNAMES and not sentence_start(text, m.start()):
        prev = re.search(r"([\w'’]+)\s+$", text[max(0, m.start() - 30):m.start()])
        return not (prev and prev.group(1)[0].isupper())  # "Mohammed Eid", "Espen Barth Eid"
    return True


def _time_colon_ok(text: str, m: re.Match[str]) -> bool:
    """"10:30" alone is a time only after a time cue or before a zone (not a score or a verse)."""
    if m.group("tz"):
        return True
    if not (0 <= int(m.group("h")) <= 23 and 0 <= int(m.group("mi")) <= 59):
        return False
    if len(m.group("h")) == 2:
        return True  # "13:00 here in London", "08:14" (zero-padded): a 24-hour clock time
    return word_before(text, m.start()) in ("at", "around", "about", "by", "until", "till",
                                            "from", "before", "after", "since", "to", "and")


def _clock_ok(text: str, m: re.Match[str]) -> bool:
    h = int(m.group("h"))
    mi = int(m.group("mi") or 0)
    return 1 <= h <= 12 and 0 <= mi <= 59 if m.group("ap") else 0 <= h <= 23 and 0 <= mi <= 59


def _military_ok(text: str, m: re.Match[str]) -> bool:
    return int(m.group("h")) <= 23 and int(m.group("mi")) <= 59


def _dur_ok(text: str, m: re.Match[str]) -> bool:
    num = m.group("num").lower()
    unit = m.group("unit").lower()
    if unit in ("second", "sec", "min") and not num[:1].isdigit():
        return False  # "a second round", "twenty second" (an ordinal), "a min" (minimum)
    return not (num in ("a", "an") and "-" in m.group("sep"))  # "a-day" is not English


def _relunit_ok(text: str, m: re.Match[str]) -> bool:
    rel = m.group("rel").lower()
    u = m.group("u").lower()
    if rel == "the":
        # "the week", "the year" alone are too often not a date ("the day" even less)
        return u == "weekend" or bool(m.group("pre"))
    # "the past fall" is rare; "the past spring"/"coming spring" are usually other senses
    return not (u in ("fall", "spring")
                and rel in ("the past", "the last", "past", "coming", "the coming"))


def _rx(p: str, flags: int = I) -> re.Pattern[str]:
    return re.compile(p, flags)


# The full stop of an abbreviated month ("3 Sept.", "4 Jan."), not a sentence's ("19 June.").
ABBR_DOT = r"(?:(?:(?<=\b[a-z]{3})|(?<=\bsept))(?<!\bmay)\.)?"
AP = r"(?P<ap>[ap]\.\s?m\.?|[ap]m|[AP]\.\s?M\.?|[AP]M)(?![\w])"
TZ = r"(?:\s+(?P<tz>" + RX_TZ + r"(?:[+-]\d{1,2}(?::?\d{2})?)?)(?![\w]))?"
PART = r"(?:\s+(?P<part>" + RX_DAY_PART + r"))?"
REL_WD = r"(?:(?P<rel>last|next|this\s+coming|this\s+past|this|coming|previous|past)\s+)?"

RULES: list[Rule] = [
    # --- explicit calendar dates -------------------------------------------------------------
    Rule("date", on("MON WD"), _rx(
        B + r"(?:(?P<wd>" + RX_WEEKDAY_ANY + r")\.?,?\s+(?:the\s+)?)?(?P<mon>" + RX_MONTH
        + r")\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?(?![\d:]|\.\d|,\d{3})"
        r"(?:(?:\s*,\s*|\s+|\s+of\s+)(?P<y>\d{4})(?!\d))?(?![\w])(?!-[^\W\d])"
        r"(?!['’](?!s\b)\w)"), _month_day_ok),
    Rule("date", on("WD DIG THE"), _rx(
        r"(?:" + B + r"|(?<=\d[-–]))(?:(?P<wd>" + RX_WEEKDAY_ANY + r")\.?,?\s+)?(?P<the>the\s+)?"
        r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?:\s+(?:of\s+)?|-)(?P<mon>" + RX_MONTH + r")\b"
        + ABBR_DOT +
        r"(?:(?:,?\s+|-)(?P<y>\d{4})(?!\d))?"), _day_month_ok),
    Rule("date", on("DIG"), _rx(
        B + r"(?P<d>\d{1,2})(?:st|nd|rd|th)?(?=\s*(?:and|or|to|-|–)\s*\d{1,2}(?:st|nd|rd|th)?"
        r"\s+(?:of\s+)?(?P<mon>" + RX_MONTH + r")\b\.?(?:,?\s+(?P<y>\d{4})(?!\d))?)"),
        _day_month_ok),
    Rule("month", on("MON"), _rx(
        B + r"(?P<mon>" + RX_MONTH + r")\.?,?\s+(?:of\s+)?(?P<y>\d{4})(?!\d)"), _month_year_ok),
    Rule("iso", on("DIG"), _rx(
        B + r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)"
        r"(?:T(?P<h>\d{2}):(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?")),
    Rule("numeric", on("DIG"), _rx(
        B + r"(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
        r"(?![\d/.]\d)")),
    # "October last year", "April of that year", "March the same year": a month in a year said
    # relative to publication or to the last year written
    Rule("month_of", on("MON"), _rx(
        B + r"(?P<mon>" + RX_FULL_MONTH + r"|Sept?\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.|Aug\.)"
        r"(?:\s+of)?\s+(?P<yr>last|this|next|that|the\s+same|the\s+following|the\s+previous)"
        r"\s+year" + E), lambda text, m: m.group("mon")[0].isupper()),
    Rule("month", on("MON RELM"), _rx(
        r"(?<![\w'’])(?:(?P<rel>last|next|this)\s+)?(?P<mon>" + RX_FULL_MONTH
        + r"|Sept?\.|Oct\.|Nov\.|Dec\.|Jan\.|Feb\.|" r"Aug\.)" + r"(?![\w-])"), _month_ok),
    Rule("year", on("DIG"), _rx(
        r"(?<![\w$£€,./:#])(?P<y>\d{4})(?![\w%]|[.,]\d|[-/]\d{1,2}[-/])"), _year_ok),
    Rule("decade", on("DIG APOS"), _rx(
        r"(?:(?<![\w'’-])|(?<=mid-))(?:(?P<c>1\d|20)(?P<d>\d)0s|[’'](?P<d2>\d)0s)" + E)),
    # --- weekdays, relative days, relative periods ------------------------------------------
    Rule("weekday", on("RELW WDF"), _rx(
        B + REL_WD + r"(?P<wd>" + RX_WEEKDAY + r")" + E + PART), _weekday_ok),
    Rule("weekday_set", on("WDS"), _rx(B + r"(?P<wd>" + RX_WEEKDAY + r")s" + E)),
    Rule("relday", on("RELDAY"), _rx(
        B + r"(?P<w>today|tonight|yesterday|tomorrow|the\s+day\s+before\s+yesterday|"
        r"the\s+day\s+after\s+tomorrow|last\s+night|this\s+(?:morning|afternoon|"
        r"evening))" + E + PART), _relday_ok),
    # "on the 12th": a day of the month being told (not "the 12th floor", "the 12th century")
    Rule("monthday", on("THE"), _rx(
        r"(?:(?<=\bon\s)|(?<=\bby\s)|(?<=\buntil\s)|(?<=\bsince\s)|(?<=\bfrom\s)|"
        r"(?<=\bbefore\s)|(?<=\bafter\s))the\s+(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)"
        r"(?=\s*[,.;:!?)—–]|\s*$|\s+(?:at|and|when|or|to|as|but|in|with|until)\b)")),
    # "Overnight, rockets hit ...", "... struck overnight." (not "an overnight curfew")
    Rule("overnight", on("OVERNIGHT"), _rx(
        B + r"(?<!\ban\s)(?<!\bthe\s)overnight" + E
        + r"(?=\s*[,.;:!?)—–]|\s*$|\s+(?:on|into|in|from|to|and|as|when|while|after|"
        r"before|but|with|at|near|across|around|along|local|the|a|his|her|their|it|they|"
        r"he|she|we|israel\w*|palestinian\w*|russia\w*|ukrain\w*)\b)")),
    Rule("relunit", on("RELUNIT"), _rx(
        B + r"(?P<pre>earlier\s+|later\s+)?(?P<rel>this\s+past|this|last|next|the\s+previous|"
        r"the\s+current|the\s+following|the\s+past|the\s+coming|the\s+last|the\s+next|the|"
        r"coming|past)\s+(?P<u>week|month|year|weekend|quarter|fortnight|spring|summer|"
        r"autumn|fall|winter|decade|century)" + E + r"(?P<half>\s+and\s+a\s+half)?"),
        _relunit_ok),
    Rule("unitpos", on("UNITPOS"), _rx(
        B + r"(?P<the>the\s+)?(?P<pos>beginning|start|end|middle|close)\s+of\s+"
        r"(?:(?P<rel>the|this|last|next)\s+)?(?P<u>week|month|year|decade)" + E)),
    Rule("anchor", on("ANCHOR"), _rx(
        B + r"(?:the\s+)?(?P<rel>next|following|previous|preceding|same)\s+"
        r"(?P<u>day|morning|afternoon|evening|night)" + E)),
    Rule("anchor", on("THAT"), _rx(
        B + r"that\s+(?P<u>day|morning|afternoon|evening|night)" + E)),
    # "who at that time was ...": the time last written in the paragraph (else not tagged)
    Rule("that_time", on("THAT"), _rx(r"(?<=\bat\s)that\s+time" + E + r"(?!\s+of\b)")),
    Rule("anchor_unit", on("THAT THE"), _rx(
        B + r"(?:that|the\s+same)\s+(?P<u>week|weekend|month|year)" + E)),
    Rule("relunit", on("INTHE"), _rx(
        B + r"(?P<pre>earlier|later)\s+in\s+(?P<rel>the)\s+(?P<u>week|month|year)" + E)),
    Rule("anchor_ba", on("THE"), _rx(
        B + r"the\s+(?P<u>day|night)\s+(?P<r>before|after)(?=\s*[,.;:!?)—–]|\s*$)")),
    Rule("daypart", on("THE"), _rx(
        r"(?:(?<=\bin\s)|(?<=\bby\s)|(?<=\bduring\s)|(?<=\binto\s)|"
        r"(?<=\bthrough\s))the\s+(?P<u>morning|afternoon|evening|night)" + E + r"(?!\s+of\b)")),
    # "at dawn", "before dusk" (not "the dawn of a new era": no article allowed)
    Rule("daypart", on("DAWN"), _rx(
        r"(?:(?<=\bat\s)|(?<=\bbefore\s)|(?<=\bafter\s)|(?<=\buntil\s)|(?<=\bby\s)|"
        r"(?<=\bfrom\s))(?P<u>dawn|daybreak|dusk|nightfall)" + E)),
    # "by year-end", "at the year's end", "month-end figures"
    Rule("unitpos", on("UNITEND"), _rx(
        B + r"(?P<u>year|month|quarter)(?:-|['’]s\s+)(?P<pos>end)" + E)),
    Rule("quarter", on("QUARTER"), _rx(
        B + r"(?:the\s+)?(?P<q>first|second|third|fourth|last|latest|most\s+recent)"
        r"(?:\s+|-(?!last))quarter"
        r"(?:\s+of\s+(?:(?P<y>\d{4})|(?P<yrel>this|last|next)\s+year))?" + E)),
    Rule("half", on("HALF"), _rx(
        B + r"(?:the\s+)?(?P<h>first|second|latter)\s+half\s+of\s+(?:(?P<y>\d{4})(?!\d)|"
        r"(?P<yrel>the|this|last|next)\s+year" + E + r")")),
    Rule("quarter", on("QN"), _rx(B + r"Q(?P<qn>[1-4])(?:\s+(?P<y>\d{4})(?!\d))?" + E, 0)),
    Rule("season", on("SEASON"), _rx(
        B + r"(?:(?P<rel>this|last|next)\s+)?(?P<s>spring|summer|autumn|winter|fall)"
        r"(?:\s+of)?\s+(?P<y>\d{4})(?!\d)")),
    Rule("season", on("SEASON"), _rx(
        B + r"(?P<rel>this|last|next)\s+(?P<s>spring|summer|autumn|winter|fall)" + E)),
    Rule("ref", on("NOW"), _rx(B + r"(?P<w>now)" + E), _now_ok),
    Rule("century", on("DIG THE"), _rx(
        B + r"(?:the\s+)?(?P<n>\d{1,2})(?:st|nd|rd|th)[\s-]+" r"century" + E)),
    Rule("fiscal", on("FISCAL"), _rx(B + r"(?:fiscal|FY)\s*(?:year\s+)?(?P<y>\d{4})(?!\d)")),
    Rule("ref", on("REF"), _rx(
        B + r"(?<!most\s)(?<!more\s)(?P<w>recently|lately|currently|presently|nowadays)" + E
        + r"|(?:(?<=\bin\s)|(?<=\bfor\s))"
        r"the\s+(?P<w2>past|future|near\s+future|distant\s+future)" + E
        + r"(?!\s+(?:few|two|three|several|\d|week|month|year|day|decade))"
        # "for the foreseeable future" (also misspelt, and inside quotes: for "the ...")
        + r"|(?:(?<=\bfor\s)|(?<=\bfor\s[\"“])|(?<=\bin\s))the\s+for[e]?seeable\s+future" + E
        + r"(?!\s+(?:few|two|three|several|\d|week|month|year|day|decade))")),
    # "these days", "at present", "at the moment", "until the present": the writer's present
    Rule("ref", on("REF"), _rx(
        B + r"these\s+days" + E + r"(?!\s+(?:of|before|after|when|that)\b)"
        r"|(?<=\bat\s)present" + E + r"(?!\s+(?:a|an|the|its|his|her|their|to|in)\b)"
        r"|(?<=\bat\s)the\s+moment" + E
        + r"(?!\s+(?:of|when|that|he|she|it|they|we|i|you|the|a|this)\b)"
        r"|(?:(?<=\buntil\s)|(?<=\bto\s)|(?<=\binto\s)|(?<=\bin\s))the\s+present" + E
        + r"(?!\s+[a-z])")),
    Rule("pastref", on("UNITS_PL"), _rx(
        B + r"(?P<u>years|decades|months|weeks|days)\s+ago" + E)),
    # --- sets -----------------------------------------------------------------------------
    Rule("set_every", on("EVERY"), _rx(
        B + r"(?P<q>every|each)\s+(?:(?P<num>" + RX_NUM + r"|other)\s+)?"
        r"(?P<u>" + RX_UNIT + r"|" + RX_WEEKDAY + r"|morning|night|evening|"
        r"afternoon|weekend)" + E)),
    Rule("set_freq", on("FREQ"), _rx(
        B + r"(?:once|twice|thrice|(?:" + RX_NUM + r")\s+times)\s+(?:a|per|each|"
        r"every)\s+(?P<u>day|week|month|year|hour)" + E)),
    Rule("set_per", on("PER"), _rx(
        B + r"(?:per|a)\s+(?P<u>day|week|month|year)" + E
        + r"(?!\s+(?:ago|later|earlier|before|after|old|long|of|or|and)\b)")),
    Rule("set_adj", on("SETW"), _rx(B + alt(list(SETS)) + E), _set_adj_ok),
    # --- durations ------------------------------------------------------------------------
    Rule("dur", on("DUR"), _rx(
        B + r"(?P<the>the\s+(?:last|past|next|coming|first|previous|following|final|"
        r"latest|preceding|remaining)\s+)?"
        r"(?:(?P<lo>" + RX_NUM + r")(?:\s+(?:or|to)\s+|(?<=\d)[-–](?=\d)))?(?P<num>" + RX_NUM + r")(?P<half>\s+and\s+a\s+"
        r"half)?(?P<sep>[\s-]+|(?<=\d))(?P<unit>" + RX_UNIT + r")(?![\w’]|'\w|-(?!old\b))"
        r"(?P<half2>\s+and\s+a\s+half)?"
        + r"(?P<old>-old" + E + r")?(?:\s+(?P<rel>ago|later|earlier|on|before|"
        r"after|from\s+now)" + E + r")?"), _dur_ok),
    Rule("dur_bare", on("UNITS_PL"), _rx(
        r"(?:(?<=\bfor\s)|(?<=\bwithin\s)|(?<=\bafter\s)|(?<=\blasting\s)|"
        r"(?<=\bover\s)|(?<=\btook\s)|(?<=\btakes\s)|(?<=\blasted\s)|(?<=\blasts\s)|"
        r"(?<=\bspent\s)|(?<=\bwaited\s))(?P<unit>minutes|hours|days|weeks|months|years|"
        r"decades)" + E
        + r"(?!\s+(?:of|ago|before|after|later|earlier)\b)")),
    Rule("dur_bare", on("UNITS_PL"), _rx(
        B + r"(?P<unit>hours|days|weeks|months|years|minutes)(?="
        r"\s+(?:later|earlier|before|after)\b)")),
    # "in the years since ...", "in the months before the war": a vague stretch of time
    Rule("dur_bare", on("THE"), _rx(
        r"(?:(?<=\bin\s)|(?<=\bover\s)|(?<=\bduring\s))the\s+(?P<unit>days|weeks|months|years|"
        r"decades)(?=\s+(?:since|before|after|prior|leading)\b)")),
    Rule("dur_bare", on("DURBARE"), _rx(
        B + r"(?P<pre>recent|the\s+coming|the\s+past|the\s+last|the\s+next|"
        r"the\s+following|the\s+previous|coming)\s+(?P<unit>hours|days|weeks|months|"
        r"years|decades)" + E)),
    Rule("dur_all", on("ALL"), _rx(
        B + r"all\s+(?P<unit>day|week|month|year|weekend)" + E + r"(?!\s+(?:long|of)\b)")),
    Rule("dur_adj", on("LONGADJ"), _rx(B + alt(list(LONG_ADJ)) + E)),
    # --- times of day ---------------------------------------------------------------------
    Rule("clock", on("DIG"), _rx(
        B + r"(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2})(?::[0-5]\d)?)?\s*" + AP + TZ, 0), _clock_ok),
    # "3:07:35" without a zone or a.m./p.m. after it: a race or clip time (a duration)
    Rule("race_time", on("DIG"), _rx(
        B + r"(?<!:)(?P<h>\d{1,2}):(?P<mi>[0-5]\d):(?P<s>[0-5]\d)(?![\d:.,]\d|[\d:])"
        r"(?!\s*(?:[ap]\.?\s?m\b|" + RX_TZ + r"\b))", 0)),
    Rule("clock", on("DIG"), _rx(
        B + r"(?<!:)(?P<h>\d{1,2}):(?P<mi>\d{2})(?::[0-5]\d)?(?![\d:])" + TZ, 0),
        _time_colon_ok),
    # "13.20 BST" (British style): a dot clock only with a zone, else it is a decimal number
    Rule("clock", on("DIG"), _rx(
        B + r"(?P<h>[012]?\d)\.(?P<mi>[0-5]\d)\s+(?P<tz>" + RX_TZ + r")(?![\w])", 0), _military_ok),
    Rule("clock", on("DIG"), _rx(
        B + r"(?P<h>[012]\d)(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|hrs|Z|local\s+time)"
        r"(?![\w])", 0), _military_ok),
    Rule("noon", on("NOON"), _rx(B + r"(?P<w>noon|midday|midnight)" + E + TZ)),
    Rule("oclock", on("NUM"), _rx(B + r"(?P<num>" + RX_NUM + r")\s+o['’]clock" + E)),
    Rule("holiday", on("HOLI"), _rx(B + alt(HOLIDAYS) + E, 0), _holiday_ok),
]


def _set_per_ok(text: str, m: re.Match[str]) -> bool:
    """ "500 trucks a day": "a day" is a rate only after a count or a plural noun."""
    if m.group(0).lower().startswith("per"):
        return True
    before = word_before(text, m.start())
    if before[:1].isdigit() or before in ("times", "once", "twice"):
        return True
    if before in COUNT_NOUNS:
        return True
    return (before.endswith("s") and before not in NOT_PLURAL
            and not before.endswith(("'s", "’s"))
            and before not in ("days", "weeks", "months", "years", "hours"))


_TOKEN = re.compile(r"\w+|['’]")
# Which rules can start at a token, by its lower-case form ("#" for any digit-initial token).
_BY_WORD: dict[str, list[int]] = {}
for _i, _r in enumerate(RULES):
    for _w in _r.on:
        _BY_WORD.setdefault(_w, []).append(_i)
for _v in _BY_WORD.values():
    _v.sort()
_APOS = ("'", "’")


def candidates(text: str) -> Iterator[Cand]:
    """Every rule's matches that pass the rule's check, in no particular order.

    Rules are tried only where a token they can start with occurs, so the cost is one tokenising
    pass plus a few anchored matches per time-like word, not a full scan per rule.
    """
    for tok in _TOKEN.finditer(text):
        w = tok.group(0)
        key = "#" if w[0].isdigit() else "'" if w in _APOS else w.lower()
        rules = _BY_WORD.get(key)
        if not rules:
            continue
        pos = tok.start()
        for prio in rules:
            rule = RULES[prio]
            m = rule.rx.match(text, pos)
            if m is None or m.end() == m.start():
                continue
            check = _set_per_ok if rule.kind == "set_per" else rule.check
            if check is not None and not check(text, m):
                continue
            g = m.groupdict()
            cut = None
            if g.get("rel") is not None and rule.kind == "dur":
                cut = m.start("rel")
                while cut > m.start() and text[cut - 1].isspace():
                    cut -= 1
            start = m.start()
            if rule.kind == "date" and g.get("the") and not g.get("wd") and not re.search(
                    r"\d(?:st|nd|rd|th)|\sof\s", m.group(0)):
                start = m.start("d")  # "the 7 October attacks": "the" belongs to "attacks"
            yield Cand(start, m.end(), rule.kind, g, prio, cut)


def select(cands: list[Cand]) -> list[Cand]:
    """Non-overlapping candidates, leftmost-longest; earlier rules win ties."""
    cands.sort(key=lambda c: (c.start, -(c.end - c.start), c.prio))
    out: list[Cand] = []
    last_end = -1
    for c in cands:
        if c.start >= last_end:
            out.append(c)
            last_end = c.end
    return out


def find(text: str) -> list[Cand]:
    """The time expressions of ``text``, as candidates in text order."""
    return select(list(candidates(text)))
