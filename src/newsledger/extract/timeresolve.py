"""Resolving found expressions to TIMEX3 values with the news default.

News is written looking back from the publication date: a bare weekday is the most recent such day
on or before publication, a month-day without a year is its most recent past occurrence, unless the
sentence is in the future tense (``future=True``). Expressions tied to the narrative ("two days
later", "the next day") resolve against ``anchor``, the last day-precise date of the paragraph.
Without a publication date relative values stay ``None``; explicit dates still resolve.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from .timefind import Cand
from .timelex import (
    DAY_PARTS, LONG_ADJ, MONTHS, SEASONS, SETS, WEEKDAYS, WEEKDAYS_ANY, number_value, unit_code,
)


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


def month_day_year(pub: date, m: int, d: int, future: bool) -> int:
    """The year of "October 7" without a year: most recent past (or next, when future)."""
    y = pub.year
    this = safe_date(y, m, d) or safe_date(y, m, 28)
    assert this is not None
    if future:
        return y if this >= pub else y + 1
    return y if this <= pub else y - 1


def month_year(pub: date, m: int, rel: str | None, future: bool) -> int:
    if rel == "last":
        return pub.year if m < pub.month else pub.year - 1
    if rel == "next":
        return pub.year if m > pub.month else pub.year + 1
    if rel == "this":
        return pub.year
    if future:
        return pub.year if m >= pub.month else pub.year + 1
    return pub.year if m <= pub.month else pub.year - 1


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


def resolve(c: Cand, x: Ctx) -> Resolved | None:
    """The TIMEX3 type, value and mod of a candidate; None when it turns out not to be a time."""
    fn = _KINDS.get(c.kind)
    return fn(c, x) if fn else None


def _date(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    m = MONTHS[g["mon"].lower().rstrip(".")]  # type: ignore[union-attr]
    d = int(g["d"])  # type: ignore[arg-type]
    if g.get("y"):
        y = int(g["y"])  # type: ignore[arg-type]
    elif x.pub is None:
        return Resolved("DATE", None) if safe_date(2000, m, d) else None
    else:
        y = month_day_year(x.pub, m, d, x.future)
        wd = WEEKDAYS_ANY.get((g.get("wd") or "").lower())
        if wd:  # "Friday, Oct. 6": the year in which that day is a Friday, if a near one is
            for cand in (y, y - 1, y + 1):
                dd = safe_date(cand, m, d)
                if dd is not None and dd.isoweekday() == wd:
                    y = cand
                    break
    day = safe_date(y, m, d)
    if day is None:
        return None
    return Resolved("DATE", iso(day), anchors=True, day=day)


def _iso(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    day = safe_date(int(g["y"]), int(g["m"]), int(g["d"]))  # type: ignore[arg-type]
    if day is None:
        return None
    if g.get("h"):
        return Resolved("TIME", f"{iso(day)}T{g['h']}:{g['mi']}", anchors=True, day=day)
    return Resolved("DATE", iso(day), anchors=True, day=day)


def _numeric(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    a, b = int(g["a"]), int(g["b"])  # type: ignore[arg-type]
    y = int(g["y"])  # type: ignore[arg-type]
    if y < 100:
        y += 2000 if y < 70 else 1900
    # "/" is the American month/day order; "." the European day.month; a first part > 12 decides.
    if g["sep"] == "/" and a <= 12:
        m, d = a, b
    else:
        d, m = a, b
    day = safe_date(y, m, d)
    if day is None:
        return None
    return Resolved("DATE", iso(day), anchors=True, day=day)


def _month(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    m = MONTHS[g["mon"].lower().rstrip(".")]  # type: ignore[union-attr]
    if g.get("y"):
        return Resolved("DATE", f"{int(g['y']):04d}-{m:02d}")  # type: ignore[arg-type]
    if x.pub is None:
        return Resolved("DATE", None)
    rel = re.sub(r"\s+", " ", g["rel"].lower()) if g.get("rel") else None
    y = month_year(x.pub, m, rel, x.future)
    return Resolved("DATE", f"{y:04d}-{m:02d}")


def _year(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("DATE", f"{int(c.g['y']):04d}")  # type: ignore[arg-type]


def _decade(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    if g.get("c"):
        return Resolved("DATE", f"{g['c']}{g['d']}")
    d2 = int(g["d2"])  # type: ignore[arg-type]
    return Resolved("DATE", f"{'20' if d2 <= 2 else '19'}{d2}")


def _weekday(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    wd = WEEKDAYS[g["wd"].lower()]  # type: ignore[union-attr]
    part = g.get("part")
    if x.pub is None:
        return Resolved("DATE", None)
    rel = re.sub(r"\s+", " ", g["rel"].lower()) if g.get("rel") else None
    day = weekday_near(x.pub, wd, rel, x.future)
    if part:
        return Resolved("DATE", f"{iso(day)}T{DAY_PARTS[part.lower()]}", anchors=True, day=day)
    return Resolved("DATE", iso(day), anchors=True, day=day)


def _weekday_set(c: Cand, x: Ctx) -> Resolved | None:
    wd = WEEKDAYS[c.g["wd"].lower()]  # type: ignore[union-attr]
    return Resolved("SET", f"XXXX-WXX-{wd}")


_RELDAY = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "last night": -1,
           "the day before yesterday": -2, "the day after tomorrow": 2,
           "this morning": 0, "this afternoon": 0, "this evening": 0}


def _relday(c: Cand, x: Ctx) -> Resolved | None:
    w = re.sub(r"\s+", " ", c.g["w"].lower())  # type: ignore[union-attr]
    part = c.g.get("part")
    suffix = ""
    if w in ("tonight", "last night"):
        suffix = "TNI"
    elif w.startswith("this "):
        suffix = "T" + DAY_PARTS[w[5:]]
    if part:
        suffix = "T" + DAY_PARTS[part.lower()]
    if x.pub is None:
        return Resolved("DATE", None)
    day = x.pub + timedelta(days=_RELDAY[w])
    return Resolved("DATE", iso(day) + suffix, anchors=True, day=day)


def _unit_value(pub: date, u: str, k: int) -> str | None:
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


def _relunit(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    rel = re.sub(r"\s+", " ", g["rel"].lower())  # type: ignore[union-attr]
    u = g["u"].lower()  # type: ignore[union-attr]
    if u == "century" and rel in ("the past", "the last", "past") and x.pub is not None:
        return Resolved("DATE", _unit_value(x.pub, u, -1))  # "the last century" is a date
    if rel in ("the past", "the last", "the coming", "the next", "past", "coming") \
            and u not in ("weekend",) and u not in SEASONS:
        code = {"week": "W", "month": "M", "year": "Y", "quarter": "3M", "decade": "DE",
                "century": "CE"}[u]
        if code == "3M":
            return Resolved("DURATION", "P3M")
        return Resolved("DURATION", dur_value(1, code))
    if rel in ("the previous", "the following"):
        base = x.anchor or (x.pub if rel == "the previous" else None)
        if base is None:
            return Resolved("DATE", None)
        return Resolved("DATE", _unit_value(base, u, -1 if rel == "the previous" else 1))
    if x.pub is None:
        return Resolved("DATE", None)
    if u == "weekend" and rel in ("the", "this"):
        # "over the weekend" early in the week is the one just past.
        k = -1 if rel == "the" and x.pub.isoweekday() <= 3 and not x.future else 0
        return Resolved("DATE", _unit_value(x.pub, u, k))
    if u in SEASONS:
        k = {"this": 0, "last": -1, "this past": -1, "next": 1}.get(rel, 0)
        # "last summer" in May is the previous year's; in October it is this year's.
        season_start = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[u]
        if rel in ("last", "this past") and x.pub.month > season_start + 2:
            k = 0
        if rel == "next" and x.pub.month < season_start:
            k = 0
        return Resolved("DATE", _unit_value(x.pub, u, k))
    k = {"this": 0, "the current": 0, "last": -1, "this past": -1, "next": 1}.get(rel, 0)
    return Resolved("DATE", _unit_value(x.pub, u, k))


def _century(c: Cand, x: Ctx) -> Resolved | None:
    n = int(c.g["n"])  # type: ignore[arg-type]
    return Resolved("DATE", f"{n - 1:02d}") if 1 <= n <= 22 else None


_POS = {"beginning": "START", "start": "START", "end": "END", "close": "END", "middle": "MID"}


def _unitpos(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    if x.pub is None:
        return Resolved("DATE", None, _POS[g["pos"].lower()])  # type: ignore[union-attr]
    rel = (g.get("rel") or "the").lower()
    k = {"last": -1, "next": 1}.get(rel, 0)
    return Resolved("DATE", _unit_value(x.pub, g["u"].lower(), k),  # type: ignore[union-attr]
                    _POS[g["pos"].lower()])  # type: ignore[union-attr]


def _anchor(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    rel = (g.get("rel") or "same").lower()
    u = g["u"].lower()  # type: ignore[union-attr]
    k = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(rel, 0)
    base = x.anchor
    if base is None and k <= 0 and rel != "same" and c.kind == "anchor":
        base = x.pub if k < 0 else None
    if base is None:
        return Resolved("DATE", None)
    day = base + timedelta(days=k)
    suffix = "" if u == "day" else "T" + DAY_PARTS[u]
    return Resolved("DATE", iso(day) + suffix, anchors=True, day=day)


def _daypart(c: Cand, x: Ctx) -> Resolved | None:
    """ "by the evening", "in the afternoon": the part of the day being told, else of publication."""
    base = x.anchor or x.pub
    if base is None:
        return Resolved("DATE", None)
    return Resolved("DATE", iso(base) + "T" + DAY_PARTS[c.g["u"].lower()])  # type: ignore[union-attr]


def _anchor_ba(c: Cand, x: Ctx) -> Resolved | None:
    u = c.g["u"].lower()  # type: ignore[union-attr]
    k = -1 if c.g["r"].lower() == "before" else 1  # type: ignore[union-attr]
    if x.anchor is None:
        return Resolved("DATE", None)
    day = x.anchor + timedelta(days=k)
    return Resolved("DATE", iso(day) + ("TNI" if u == "night" else ""), anchors=True, day=day)


_QN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}


def _quarter(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    q = int(g["qn"]) if g.get("qn") else _QN[g["q"].lower()]  # type: ignore[union-attr, arg-type]
    if g.get("y"):
        return Resolved("DATE", f"{int(g['y']):04d}-Q{q}")  # type: ignore[arg-type]
    if x.pub is None:
        return Resolved("DATE", None)
    cur = (x.pub.month - 1) // 3 + 1
    y = x.pub.year if q <= cur or x.future else x.pub.year - 1
    return Resolved("DATE", f"{y:04d}-Q{q}")


def _season(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    s = SEASONS[g["s"].lower()]  # type: ignore[union-attr]
    if g.get("y"):
        return Resolved("DATE", f"{int(g['y']):04d}-{s}")  # type: ignore[arg-type]
    return _relunit(Cand(c.start, c.end, "relunit", {"rel": g["rel"], "u": g["s"]}), x)


def _ref(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    if g.get("w") and g["w"].lower() == "recently":
        return Resolved("DATE", "PAST_REF")
    if g.get("w2"):
        return Resolved("DATE", "PAST_REF" if g["w2"].lower() == "past" else "FUTURE_REF")
    return Resolved("DATE", "PRESENT_REF")


def _fiscal(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("DATE", f"FY{c.g['y']}")


def _pastref(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("DATE", "PAST_REF")


def _dur(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    n = number_value(g["num"])  # type: ignore[arg-type]
    if (g.get("half") or g.get("half2")) and n is not None:
        n += 0.5
    code = unit_code(g["unit"])  # type: ignore[arg-type]
    rel = (g.get("rel") or "").lower()
    rel = re.sub(r"\s+", " ", rel)
    if rel and not g.get("the") and not g.get("old"):
        final = clause_final(x.text, c.end)
        if rel == "ago" or rel == "from now":
            if x.pub is None or n is None:
                return Resolved("DATE", None if n is not None or x.pub is None else
                                ("PAST_REF" if rel == "ago" else "FUTURE_REF"))
            v, day = shift(x.pub, -n if rel == "ago" else n, code)
            return Resolved("DATE", v, anchors=day is not None, day=day)
        if rel in ("later", "earlier") or final and rel in ("on", "before", "after"):
            sign = -1 if rel in ("earlier", "before") else 1
            base = x.anchor if x.anchor is not None else (x.pub if sign < 0 else None)
            if base is None or n is None or code.startswith("T"):
                return Resolved("DATE", None)
            v, day = shift(base, sign * n, code)
            return Resolved("DATE", v, anchors=day is not None, day=day)
        # the rel word is a signal of something else ("two days after the attack"): trim it.
        end = c.cut if c.cut is not None else c.end
        return Resolved("DURATION", dur_value(n, code), end=end)
    return Resolved("DURATION", dur_value(n, code))


def _dur_bare(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("DURATION", dur_value(None, unit_code(c.g["unit"])))  # type: ignore[arg-type]


def _dur_all(c: Cand, x: Ctx) -> Resolved | None:
    u = c.g["unit"].lower()  # type: ignore[union-attr]
    return Resolved("DURATION", "P1WE" if u == "weekend" else dur_value(1, unit_code(u)))


def _dur_adj(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("DURATION", LONG_ADJ[x.text[c.start:c.end].lower()])


def _clock(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    h = int(g["h"])  # type: ignore[arg-type]
    mi = int(g.get("mi") or 0)
    ap = (g.get("ap") or "").lower()
    if ap.startswith("p") and h < 12:
        h += 12
    elif ap.startswith("a") and h == 12:
        h = 0
    t = f"T{h:02d}:{mi:02d}"
    return Resolved("TIME", t)  # the day is added by the caller, from the context


def _noon(c: Cand, x: Ctx) -> Resolved | None:
    w = c.g["w"].lower()  # type: ignore[union-attr]
    return Resolved("TIME", "T24:00" if w == "midnight" else "T12:00")


def _oclock(c: Cand, x: Ctx) -> Resolved | None:
    n = number_value(c.g["num"])  # type: ignore[arg-type]
    if n is None or not 1 <= n <= 12 or n != int(n):
        return None
    return Resolved("TIME", f"T{int(n):02d}:00")


def _set_every(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    u = g["u"].lower()  # type: ignore[union-attr]
    if u in WEEKDAYS:
        return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[u]}")
    if u in DAY_PARTS:
        return Resolved("SET", f"TXX{DAY_PARTS[u]}".replace("TXX", "T"))
    if u == "weekend":
        return Resolved("SET", "XXXX-WXX-WE")
    num = (g.get("num") or "").lower()
    n = 2.0 if num == "other" else number_value(num) if num else 1.0
    return Resolved("SET", dur_value(n, unit_code(u)))


def _set_unit(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("SET", dur_value(1, unit_code(c.g["u"])))  # type: ignore[arg-type]


def _set_adj(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("SET", SETS[x.text[c.start:c.end].lower()])


def _holiday(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("DATE", None)  # culture-dependent: found, deliberately not resolved


_KINDS = {
    "date": _date, "iso": _iso, "numeric": _numeric, "month": _month, "year": _year,
    "decade": _decade, "weekday": _weekday, "weekday_set": _weekday_set, "relday": _relday,
    "relunit": _relunit, "unitpos": _unitpos, "anchor": _anchor, "anchor_ba": _anchor_ba, "daypart": _daypart,
    "quarter": _quarter, "season": _season, "ref": _ref, "pastref": _pastref, "dur": _dur,
    "dur_bare": _dur_bare, "dur_adj": _dur_adj, "dur_all": _dur_all, "fiscal": _fiscal, "century": _century, "clock": _clock, "noon": _noon,
    "oclock": _oclock, "set_every": _set_every, "set_freq": _set_unit, "set_per": _set_unit,
    "set_adj": _set_adj, "holiday": _holiday,
}

# Kinds whose year or direction depends on the tense of the sentence.
TENSE_KINDS = frozenset({"date", "month", "weekday", "quarter", "relunit"})
