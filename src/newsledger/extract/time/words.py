"""The time lexicons (``data/times.json``) loaded once, plus the regex fragments built from them."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any
from ... import lexicons


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    return lexicons.times()


def alt(words: list[str] | Any) -> str:
    """A regex alternation of ``words``, longest first so that the longest spelling wins."""
    ws = sorted(set(words), key=lambda w: (-len(w), w))
    parts = (re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]") for w in ws)
    return "(?:" + "|".join(parts) + ")"


LEX = lexicon()
MONTHS: dict[str, int] = {**LEX["months"], **LEX["month_abbreviations"]}
FULL_MONTHS: dict[str, int] = LEX["months"]
AMBIGUOUS_MONTHS: frozenset[str] = frozenset(LEX["ambiguous_months"])
WEEKDAYS: dict[str, int] = LEX["weekdays"]
WEEKDAYS_ANY: dict[str, int] = {**LEX["weekdays"], **LEX["weekday_abbreviations"]}
DAY_PARTS: dict[str, str] = LEX["day_parts"]
NUMBER_WORDS: dict[str, int | None] = LEX["number_words"]
UNITS: dict[str, str] = LEX["units"]
UNIT_PLURALS: dict[str, str] = LEX["unit_plurals"]
LONG_ADJ: dict[str, str] = LEX["long_adjectives"]
SETS: dict[str, str] = LEX["sets"]
SEASONS: dict[str, str] = LEX["seasons"]
HOLIDAYS: list[str] = LEX["holidays"]
HOLIDAY_DATES: dict[str, str] = LEX["holiday_dates"]
HOLIDAY_NOT_BEFORE: frozenset[str] = frozenset(LEX["holiday_not_before"])
HOLIDAY_SURNAMES: frozenset[str] = frozenset(LEX["holiday_surnames"])
TIMEZONES: list[str] = LEX["timezones"]
REFS: dict[str, str] = LEX["refs"]
NOW_NOT_BEFORE: frozenset[str] = frozenset(LEX["now_not_before"])

TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")

# Regex fragments (used with re.IGNORECASE unless noted).
RX_MONTH = alt(list(MONTHS))
RX_FULL_MONTH = alt(list(FULL_MONTHS))
RX_WEEKDAY = alt(list(WEEKDAYS))
RX_WEEKDAY_ANY = alt(list(WEEKDAYS_ANY))
RX_DAY_PART = alt(list(DAY_PARTS))
RX_NUM_WORD = ("(?:" + alt(list(TENS)) + r"[\s-]" + alt(list(ONES)) + "|"
               + alt([w for w in NUMBER_WORDS]) + ")")
RX_NUM = r"(?:\d+(?:\s+1/2|½)|\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|" + RX_NUM_WORD + ")"
RX_UNIT = alt(list(UNITS) + list(UNIT_PLURALS))
RX_TZ = alt(TIMEZONES)


def number_value(s: str) -> float | None:
    """The value of a number as written ("12", "1,000", "six", "twenty-four"); None when vague."""
    w = re.sub(r"\s+", " ", s.strip().lower())
    if w and w[0].isdigit():
        half = re.fullmatch(r"(\d+)(?:\s+1/2|½)", w)
        if half:
            return int(half.group(1)) + 0.5
        try:
            return float(w.replace(",", ""))
        except ValueError:
            return None
    if w in NUMBER_WORDS:
        v = NUMBER_WORDS[w]
        return None if v is None else float(v)
    parts = re.split(r"[\s-]", w)
    if len(parts) == 2 and parts[0] in TENS and parts[1] in ONES:
        return float(NUMBER_WORDS[parts[0]] or 0) + float(NUMBER_WORDS[parts[1]] or 0)
    return None


def unit_code(word: str) -> str:
    """TIMEX3 unit code for a unit word in any number ("weeks" -> "W", "hours" -> "TH")."""
    w = word.lower()
    return UNITS[UNIT_PLURALS.get(w, w)]
