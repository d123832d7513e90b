"""Resolving durations, clock times and sets ("six weeks", "10:30 a.m.", "every day") to TIMEX3.

Durations that name a point counted from publication ("three days ago", "two days from now")
become DATEs. Durations anchored on a narrated event ("two days later", "about a month earlier",
"a week before.") stay DURATIONs on the quantity (TimeML's convention; "later" is a signal, not
part of the value); the day they land on still anchors the narrative after them. A race or clip
time "3:07:35" is a DURATION (PT3H7M35S), never a clock time.
"""

from __future__ import annotations

import re

from .calendar import Ctx, Resolved, clause_final, dur_value, shift
from .find import Cand
from .words import DAY_PARTS, LONG_ADJ, SETS, WEEKDAYS, number_value, unit_code


# Words before "in" that make "in two weeks" a span of time, not a date ahead: "the first time in
# two years", "the highest in a decade", "once in ten years", "done in two weeks" (past tense).
_IN_SPAN = re.compile(r"(?:\b(?:time|first|once|only|ever|last|since|all|total|alone|away|"
                      r"\w+est)\s+|\b(?:the\s+)?same\s+)in\s+$", re.IGNORECASE)
_IN_BEFORE = re.compile(r"\bin\s+$", re.IGNORECASE)


def _in_future(c: Cand, x: Ctx, n: float | None, code: str) -> Resolved | None:
    """ "in two weeks", "in three days" (after "in", not in a past clause): that date ahead."""
    if x.past or n is None or x.pub is None or code.startswith("T") or n != int(n):
        return None
    window = x.text[max(0, c.start - 40):c.start]
    if not _IN_BEFORE.search(window) or _IN_SPAN.search(window):
        return None
    if not (x.future or clause_final(x.text, c.end)):
        # "in two weeks of talks" is a span; "... in two weeks." or "will ... in two weeks" a date
        return None
    v, day = shift(x.pub, n, code)
    return Resolved("DATE", v, anchors=day is not None, day=day)


def _dur(c: Cand, x: Ctx) -> Resolved | None:
    g = c.g
    n = number_value(g["num"])  # type: ignore[arg-type]
    if g.get("lo"):  # "four or five hours", "3-4 days": a range, unspecified
        return Resolved("DURATION", dur_value(None, unit_code(g["unit"])))  # type: ignore[arg-type]
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
        end = c.cut if c.cut is not None else c.end
        if rel in ("later", "earlier") or final and rel in ("on", "before", "after"):
            # "two days later", "about a month earlier": TimeML's anchored duration, a DURATION
            # on the quantity only (the signal word is left out, as "after" is). The day it
            # lands on still anchors the narrative that follows ("... at 10 a.m.").
            sign = -1 if rel in ("earlier", "before") else 1
            base = x.anchor if x.anchor is not None else (x.pub if sign < 0 else None)
            day = None
            if base is not None and n is not None and not code.startswith("T"):
                day = shift(base, sign * n, code)[1]
            return Resolved("DURATION", dur_value(n, code), end=end, anchors=day is not None,
                            day=day)
        # the rel word is a signal of something else ("two days after the attack"): trim it.
        return Resolved("DURATION", dur_value(n, code), end=end)
    if not rel and not g.get("the") and not g.get("old"):
        ahead = _in_future(c, x, n, code)
        if ahead is not None:
            return ahead
    return Resolved("DURATION", dur_value(n, code))


def _race_time(c: Cand, x: Ctx) -> Resolved | None:
    """ "3:07:35" (a marathon, a clip): hours, minutes and seconds elapsed."""
    h, mi, sec = (int(str(c.g[k])) for k in ("h", "mi", "s"))
    parts = "".join(f"{n}{u}" for n, u in ((h, "H"), (mi, "M"), (sec, "S")) if n)
    return Resolved("DURATION", "PT" + (parts or "0S"))


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


# Resolver per candidate kind (see find.RULES), merged into resolve's table.
DUR_KINDS = {
    "dur": _dur, "race_time": _race_time, "dur_bare": _dur_bare, "dur_adj": _dur_adj, "dur_all": _dur_all,
    "clock": _clock, "noon": _noon, "oclock": _oclock, "set_every": _set_every,
    "set_freq": _set_unit, "set_per": _set_unit, "set_adj": _set_adj,
}
