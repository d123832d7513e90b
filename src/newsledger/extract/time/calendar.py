"""Calendar arithmetic for TIMEX3 values, and the types the time resolvers share.

``Ctx`` is what a resolver knows about an expression's surroundings (publication date, the
paragraph's narrative anchor, the clause's tense); ``Resolved`` is what it returns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .words import SEASONS


@dataclass
class Resolved:
    type: str
    value: str | None
    mod: str | None = None
    end: int | None = None  # a new end when the rule's match was trimmed
    anchors: bool = False  # a day-precise date the following narrative may lean on
    day: date | None = None  # that day


@dataclass
class Ctx:
    pub: date | None
    anchor: date | None
    future: bool
    text: str
    past: bool = False  # the clause is explicitly in a past tense
    last_value: str | None = None  # the paragraph's last absolute DATE value ("2005", "2023-10")
    # The last year written out (or implied by an absolute date) anywhere before, across
    # paragraphs: what "that year", "the same year", "April of that year" refer to.
    last_year: int | None = None


def iso(d: date) -> str:
    return d.isoformat()


def week(d: date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def add_months(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def safe_date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def weekday_near(pub: date, wd: int, rel: str | None, future: bool) -> date:
    """The weekday ``wd`` (1 = Monday) meant relative to ``pub``."""
    back = (pub.isoweekday() - wd) % 7
    fwd = (wd - pub.isoweekday()) % 7
    if rel in ("next", "coming", "this coming"):
        return pub + timedelta(days=fwd or 7)
    if rel in ("last", "previous", "past", "this past"):
        return pub - timedelta(days=back or 7)
    if rel == "this":
        return pub + timedelta(days=wd - pub.isoweekday())
    if future:
        return pub + timedelta(days=fwd)
    return pub - timedelta(days=back)


# A month-day or month up to this many days after publication, in a clause not in the past tense,
# is the coming one ("the deadline on May 12" in a May 10 paper), not last year's.
NEAR_AHEAD_DAYS = 45


def month_day_year(pub: date, m: int, d: int, future: bool, past: bool = False) -> int:
    """The year of "October 7" without a year: most recent past (or next, when future)."""
    y = pub.year
    this = safe_date(y, m, d) or safe_date(y, m, 28)
    assert this is not None
    if future:
        return y if this >= pub else y + 1
    if this <= pub or (not past and (this - pub).days <= NEAR_AHEAD_DAYS):
        return y
    return y - 1


def month_year(pub: date, m: int, rel: str | None, future: bool, past: bool = False) -> int:
    if rel == "last":
        return pub.year if m < pub.month else pub.year - 1
    if rel == "next":
        return pub.year if m > pub.month else pub.year + 1
    if rel == "this":
        return pub.year
    if future:
        return pub.year if m >= pub.month else pub.year + 1
    if m <= pub.month or (not past and m == pub.month + 1):
        return pub.year
    return pub.year - 1


def clause_final(text: str, i: int) -> bool:
    """True when ``text[i:]`` starts (after spaces) with punctuation that ends a clause."""
    m = re.match(r"[ \t]*([,.;:!?)\]—–\"”’]|\n|$)", text[i:i + 5])
    return m is not None


def dur_value(n: float | None, code: str) -> str:
    """``P6W``, ``PT24H``, ``PXD`` from a number (None = unspecified) and a unit code."""
    t = code.startswith("T")
    u = code[1:] if t else code
    mult = 1
    if u[:-1].isdigit():  # fortnight = "2W"
        mult, u = int(u[:-1]), u[-1]
    if u in ("DE", "CE") and n is not None and n != int(n):
        u, mult = "Y", mult * (10 if u == "DE" else 100)  # "a decade and a half" = P15Y
    if n is None:
        num = "X"
    else:
        x = n * mult
        num = str(int(x)) if x == int(x) else f"{x:g}"
    return ("PT" if t else "P") + num + u


def shift(d: date, n: float, code: str) -> tuple[str, date | None]:
    """The value ``n`` units away from ``d`` (negative = earlier), at the unit's granularity."""
    k = int(n)
    if code == "D":
        r = d + timedelta(days=k)
        return iso(r), r
    if code == "W":
        r = d + timedelta(weeks=k)
        return week(r), None
    if code == "2W":
        r = d + timedelta(weeks=2 * k)
        return week(r), None
    if code == "M":
        y, m = add_months(d.year, d.month, k)
        return f"{y:04d}-{m:02d}", None
    if code == "Y":
        return f"{d.year + k:04d}", None
    if code == "DE":
        return f"{(d.year + 10 * k) // 10:03d}", None
    if code in ("TH", "TM", "TS"):
        return iso(d), d
    return iso(d), d



def unit_value(pub: date, u: str, k: int) -> str | None:
    """The week/month/year/weekend/quarter/season/decade ``k`` steps from the one of ``pub``."""
    if u == "week":
        return week(pub + timedelta(weeks=k))
    if u == "weekend":
        return week(pub + timedelta(weeks=k)) + "-WE"
    if u == "month":
        y, m = add_months(pub.year, pub.month, k)
        return f"{y:04d}-{m:02d}"
    if u == "year":
        return f"{pub.year + k:04d}"
    if u == "quarter":
        q = (pub.month - 1) // 3 + k
        y = pub.year + q // 4
        return f"{y:04d}-Q{q % 4 + 1}"
    if u == "decade":
        return f"{pub.year // 10 + k:03d}"
    if u == "century":
        return f"{pub.year // 100 + k:02d}"
    if u in SEASONS:
        return f"{pub.year + k:04d}-{SEASONS[u]}"
    return None
