"""Resolving found expressions to TIMEX3 values with the news default.

News is written looking back from the publication date: a bare weekday is the most recent such day
on or before publication, a month-day without a year is its most recent past occurrence, unless the
sentence is in the future tense (``future=True``). Expressions tied to the narrative ("two days
later", "the next day") resolve against ``anchor``, the last day-precise date of the paragraph.
Without a publication date relative values stay ``None``; explicit dates still resolve.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from .calendar import (Ctx, Resolved, add_months, dur_value, iso, month_day_year, month_year,
                       safe_date, unit_value, weekday_near)
from .durations import DUR_KINDS
from .find import Cand
from .words import DAY_PARTS, HOLIDAY_DATES, MONTHS, REFS, SEASONS, WEEKDAYS, WEEKDAYS_ANY

__all__ = ["TENSE_KINDS", "Ctx", "Resolved", "resolve"]

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
        y = month_day_year(x.pub, m, d, x.future, x.past)
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
    y = month_year(x.pub, m, rel, x.future, x.past)
    return Resolved("DATE", f"{y:04d}-{m:02d}")


def _month_of(c: Cand, x: Ctx) -> Resolved | None:
    m = MONTHS[str(c.g["mon"]).lower().rstrip(".")]
    yr = re.sub(r"\s+", " ", str(c.g["yr"]).lower())
    if yr in ("last", "this", "next"):
        if x.pub is None:
            return Resolved("DATE", None)
        y = x.pub.year + {"last": -1, "this": 0, "next": 1}[yr]
    else:  # "that year", "the same year", "the following year": after the last year written
        if x.last_year is None:
            return Resolved("DATE", None)
        y = x.last_year + {"the following": 1, "the previous": -1}.get(yr, 0)
    return Resolved("DATE", f"{y:04d}-{m:02d}")


def _year(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("DATE", f"{int(c.g['y']):04d}")  # type: ignore[arg-type]


def _decade(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    if g.get("c"):
        if g["d"] == "0" and g["c"] != "20":
            return Resolved("DATE", str(g["c"]))  # "the 1500s", "the 1900s": the century
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


def _relunit(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    rel = re.sub(r"\s+", " ", g["rel"].lower())  # type: ignore[union-attr]
    u = g["u"].lower()  # type: ignore[union-attr]
    if u == "century" and rel in ("the past", "the last", "past") and x.pub is not None:
        return Resolved("DATE", unit_value(x.pub, u, -1))  # "the last century" is a date
    if rel in ("the past", "the last", "the coming", "the next", "past", "coming") \
            and u not in ("weekend",) and u not in SEASONS:
        code = {"week": "W", "month": "M", "year": "Y", "quarter": "3M", "decade": "DE",
                "century": "CE", "fortnight": "2W"}[u]
        if code == "3M":
            return Resolved("DURATION", "P3M")
        return Resolved("DURATION", dur_value(1.5 if g.get("half") else 1, code))
    if rel in ("the previous", "the following"):
        k = -1 if rel == "the previous" else 1
        lv = x.last_value or ""
        if u == "year" and re.match(r"\d{4}", lv) and (x.anchor is None or len(lv) == 4):
            return Resolved("DATE", f"{int(lv[:4]) + k:04d}")  # "In 2005 ... The following year"
        if u == "year" and x.anchor is None and x.last_year is not None:
            return Resolved("DATE", f"{x.last_year + k:04d}")  # the year written paragraphs back
        if u == "month" and re.fullmatch(r"\d{4}-\d{2}", lv):
            y, m = add_months(int(lv[:4]), int(lv[5:]), k)
            return Resolved("DATE", f"{y:04d}-{m:02d}")
        base = x.anchor or x.pub
        if base is None:
            return Resolved("DATE", None)
        return Resolved("DATE", unit_value(base, u, -1 if rel == "the previous" else 1))
    if x.pub is None:
        return Resolved("DATE", None)
    if rel == "the" and u != "weekend":  # "earlier in the week"
        return Resolved("DATE", unit_value(x.pub, u, 0))
    if u == "weekend" and rel in ("the", "this"):
        # "over the weekend" early in the week is the one just past.
        k = -1 if rel == "the" and not x.future and (
            x.pub.isoweekday() <= 3 or x.past and x.pub.isoweekday() <= 5) else 0
        return Resolved("DATE", unit_value(x.pub, u, k))
    if u in SEASONS:
        k = {"this": 0, "last": -1, "this past": -1, "next": 1}.get(rel, 0)
        # "last summer" in May is the previous year's; in October it is this year's.
        season_start = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}[u]
        if rel in ("last", "this past") and x.pub.month > season_start + 2:
            k = 0
        if rel == "next" and x.pub.month < season_start:
            k = 0
        return Resolved("DATE", unit_value(x.pub, u, k))
    k = {"this": 0, "the current": 0, "last": -1, "this past": -1, "next": 1}.get(rel, 0)
    return Resolved("DATE", unit_value(x.pub, u, k))


def _monthday(c: Cand, x: Ctx) -> Resolved | None:
    """ "on the 12th": that day of the publication month, or of the month before (after, in a
    future clause) when the day has not come yet (has passed)."""
    d = int(str(c.g["d"]))
    if x.pub is None:
        return Resolved("DATE", None)
    y, m = x.pub.year, x.pub.month
    if x.future and d < x.pub.day:
        y, m = add_months(y, m, 1)
    elif not x.future and d > x.pub.day:
        y, m = add_months(y, m, -1)
    day = safe_date(y, m, d)
    if day is None:
        return Resolved("DATE", None)
    return Resolved("DATE", iso(day), anchors=True, day=day)


def _overnight(c: Cand, x: Ctx) -> Resolved | None:
    """ "overnight" in a news report is the night before publication (tonight's, if future)."""
    base = x.anchor or x.pub
    if base is None:
        return Resolved("DATE", None)
    day = base if x.future or x.anchor is not None else base - timedelta(days=1)
    return Resolved("DATE", iso(day) + "TNI")


def _century(c: Cand, x: Ctx) -> Resolved | None:
    n = int(c.g["n"])  # type: ignore[arg-type]
    return Resolved("DATE", f"{n - 1:02d}") if 1 <= n <= 22 else None


_POS = {"beginning": "START", "start": "START", "end": "END", "close": "END", "middle": "MID"}


def _unitpos(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    if x.pub is None:
        return Resolved("DATE", None, _POS[g["pos"].lower()])  # type: ignore[union-attr]
    rel = (g.get("rel") or "the").lower()
    u = str(g["u"]).lower()
    pos = _POS[str(g["pos"]).lower()]
    k = {"last": -1, "next": 1}.get(rel, 0)
    if rel == "the" and u in ("year", "month", "week", "quarter"):
        # "the end of (the) year" reads the tense: a past clause means the last one whose end
        # has come ("had hoped to finish by the end of the year", in February: last year's);
        # a future clause the next one whose start is still ahead.
        at = _position_day(x.pub, u, pos)
        if x.past and at > x.pub:
            k = -1
        elif x.future and at < x.pub:
            k = 1
    return Resolved("DATE", unit_value(x.pub, u, k), pos)


def _position_day(pub: date, u: str, pos: str) -> date:
    """The day on which the START/MID/END of ``pub``'s week, month, quarter or year falls."""
    if u == "week":
        first = pub - timedelta(days=pub.isoweekday() - 1)
        last = first + timedelta(days=6)
    elif u == "month":
        first = pub.replace(day=1)
        y, m = add_months(pub.year, pub.month, 1)
        last = date(y, m, 1) - timedelta(days=1)
    elif u == "quarter":
        q0 = (pub.month - 1) // 3 * 3 + 1
        first = date(pub.year, q0, 1)
        y, m = add_months(pub.year, q0, 3)
        last = date(y, m, 1) - timedelta(days=1)
    else:
        first, last = date(pub.year, 1, 1), date(pub.year, 12, 31)
    if pos == "START":
        return first
    if pos == "END":
        return last
    return first + (last - first) / 2


def _anchor(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    rel = (g.get("rel") or "same").lower()
    u = g["u"].lower()  # type: ignore[union-attr]
    k = {"next": 1, "following": 1, "previous": -1, "preceding": -1}.get(rel, 0)
    base = x.anchor
    if base is None and rel != "same" and c.kind == "anchor":
        base = x.pub  # no date told in the paragraph: "the next day" counts from publication
    if base is None:
        return Resolved("DATE", None)
    day = base + timedelta(days=k)
    suffix = "" if u == "day" else "T" + DAY_PARTS[u]
    return Resolved("DATE", iso(day) + suffix, anchors=True, day=day)


def _daypart(c: Cand, x: Ctx) -> Resolved | None:
    """ "by the evening", "in the afternoon": that part of the day being told (or published)."""
    base = x.anchor or x.pub
    if base is None:
        return Resolved("DATE", None)
    return Resolved("DATE", iso(base) + "T" + DAY_PARTS[str(c.g["u"]).lower()])


def _anchor_unit(c: Cand, x: Ctx) -> Resolved | None:
    """ "that week", "the same year": the week/month/year of the paragraph's last date."""
    u = str(c.g["u"]).lower()
    if u == "year" and x.last_year is not None:
        # "the same year", "that year": the last year written, even paragraphs back
        return Resolved("DATE", f"{x.last_year:04d}")
    if x.anchor is not None:
        return Resolved("DATE", unit_value(x.anchor, u, 0))
    lv = x.last_value or ""
    if u == "year" and re.match(r"\d{4}", lv):
        return Resolved("DATE", lv[:4])
    if u == "month" and re.match(r"\d{4}-\d{2}", lv):
        return Resolved("DATE", lv[:7])
    return Resolved("DATE", None)


def _that_time(c: Cand, x: Ctx) -> Resolved | None:
    """ "at that time": the paragraph's last absolute date; with none to point at, not a time
    worth a record (wrong is worse than missing)."""
    return Resolved("DATE", x.last_value) if x.last_value else None


def _anchor_ba(c: Cand, x: Ctx) -> Resolved | None:
    u = c.g["u"].lower()  # type: ignore[union-attr]
    k = -1 if c.g["r"].lower() == "before" else 1  # type: ignore[union-attr]
    base = x.anchor or x.pub  # without a date told in the paragraph: from publication
    if base is None:
        return Resolved("DATE", None)
    day = base + timedelta(days=k)
    return Resolved("DATE", iso(day) + ("TNI" if u == "night" else ""), anchors=True, day=day)


_QN = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4}


def _quarter(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    qw = re.sub(r"\s+", " ", str(g.get("q") or "").lower())
    if qw in ("latest", "most recent"):  # the last quarter reported: the one before publication's
        return Resolved("DATE", unit_value(x.pub, "quarter", -1) if x.pub else None)
    q = int(g["qn"]) if g.get("qn") else _QN[qw]  # type: ignore[arg-type]
    if g.get("y"):
        return Resolved("DATE", f"{int(g['y']):04d}-Q{q}")  # type: ignore[arg-type]
    if x.pub is None:
        return Resolved("DATE", None)
    if g.get("yrel"):  # "the second quarter of this/last/next year"
        k = {"this": 0, "last": -1, "next": 1}[str(g["yrel"]).lower()]
        return Resolved("DATE", f"{x.pub.year + k:04d}-Q{q}")
    cur = (x.pub.month - 1) // 3 + 1
    y = x.pub.year if q <= cur or x.future else x.pub.year - 1
    return Resolved("DATE", f"{y:04d}-Q{q}")


def _half(c: Cand, x: Ctx) -> Resolved | None:
    """ "the first half of 2023" -> 2023-H1; "the second half of last year" -> (year-1)-H2."""
    g = c.g
    h = 1 if str(g["h"]).lower() == "first" else 2
    if g.get("y"):
        return Resolved("DATE", f"{int(str(g['y'])):04d}-H{h}")
    if x.pub is None:
        return Resolved("DATE", None)
    k = {"last": -1, "next": 1}.get(str(g["yrel"]).lower(), 0)
    return Resolved("DATE", f"{x.pub.year + k:04d}-H{h}")


def _season(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    s = SEASONS[g["s"].lower()]  # type: ignore[union-attr]
    if g.get("y"):
        return Resolved("DATE", f"{int(g['y']):04d}-{s}")  # type: ignore[arg-type]
    return _relunit(Cand(c.start, c.end, "relunit", {"rel": g["rel"], "u": g["s"]}), x)


def _ref(c: Cand, x: Ctx) -> Resolved | None:
    """ "now", "currently", "recently", "the future": TimeML's vague references."""
    key = re.sub(r"\s+", " ", x.text[c.start:c.end].lower()) if x.text else ""
    return Resolved("DATE", REFS.get(key, "PRESENT_REF"))


def _fiscal(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("DATE", f"FY{c.g['y']}")


def _pastref(c: Cand, x: Ctx) -> Resolved | None:
    return Resolved("DATE", "PAST_REF")


def _holiday(c: Cand, x: Ctx) -> Resolved | None:
    """A fixed-date holiday ("Armistice Day") in its latest (or, future, next) year; the others
    are culture-dependent: found, deliberately not resolved."""
    key = re.sub(r"\s+", " ", x.text[c.start:c.end].lower().replace("’", "'")) if x.text else ""
    md = HOLIDAY_DATES.get(key)
    if md is None or x.pub is None:
        return Resolved("DATE", None)
    m, d = int(md[:2]), int(md[3:])
    day = safe_date(month_day_year(x.pub, m, d, x.future, x.past), m, d)
    if day is None:
        return Resolved("DATE", None)
    return Resolved("DATE", iso(day), anchors=True, day=day)


_KINDS = {
    "date": _date, "iso": _iso, "month_of": _month_of, "numeric": _numeric, "month": _month, "year": _year,
    "decade": _decade, "weekday": _weekday, "weekday_set": _weekday_set, "relday": _relday,
    "relunit": _relunit, "unitpos": _unitpos, "anchor": _anchor, "anchor_ba": _anchor_ba,
    "anchor_unit": _anchor_unit, "that_time": _that_time, "daypart": _daypart,
    "quarter": _quarter, "half": _half,
    "season": _season, "ref": _ref, "pastref": _pastref, "fiscal": _fiscal, "century": _century,
    "holiday": _holiday, "monthday": _monthday, "overnight": _overnight, **DUR_KINDS,
}

# Kinds whose year or direction depends on the tense of the sentence.
TENSE_KINDS = frozenset({"date", "month", "weekday", "quarter", "relunit", "monthday",
                         "unitpos", "overnight", "dur", "holiday"})
