"""Series and flags: which figures measure the same thing, and how each point relates to the rest.

A *series* is what a figure measures: metric + subject + place, cumulative, per-event or forecast
(claimant is not part of it, so that different claimants' counts of the same thing can conflict).
A cumulative series holds running totals only: per-event and unknown-kind counts, parts of a
whole, vague quantities and forecasts go elsewhere or nowhere (:func:`series_key`). Points are
ordered by the day their claim held (:func:`claim_date`). Subjects,
places and metric labels come from ``data/series.json``; claimants are the ledger's canonical ones
(:func:`newsledger.ledger.claimants.claimant_of`, also what picks a claimant's seat as a place).

Flags are computed per series from plain point dicts (no database here), each naming the
point(s) it relates to:

- ``echo``: same value and claimant as an earlier point, from a near-copy passage (MinHash) or an
  article carrying the same wire credit (or published by that wire). Echoes share their
  ``origin``: an outlet quoting a wire story counts as one origin, not many.
- ``corroboration``: an independent point (not an echo) repeats a value that an earlier point of
  another origin gave, from another outlet or another claimant.
- ``update`` / ``revision_down``: in a cumulative series, the value rises / falls against the
  previous point of the same claimant, or against the previous point of the series. Only a fall
  to a number the earlier point does not allow is a revision: "more than 34,600" after "at least
  34,735", or "15,000" (a round thousand, read as 14,500–16,000) after "15,523", is a
  restatement and gets no flag. A fall below the highest lower bound any earlier point set
  (since the last revision below it) is a revision too: "some 800,000" after "more than a
  million" is ``revision_down`` even when an "up to 1.4 million" came before. Points flagged ``outlier`` get no trend flag and are skipped as
  "previous".
- ``conflict``: another claimant gives an incompatible value for the same as-of date (±1 day);
  outliers neither raise nor receive conflicts.
- ``outlier``: inconsistent with its neighbours (cumulative: off the median of up to 3 points
  of the same claimant either side by a factor of more than 2; an unattributed point, or one of
  a claimant with fewer than 4 points in the series, off the median of any claimant's by a
  factor of more than 10; per-event: robust z-score of the log value above 3.5).
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from statistics import median
from typing import Any

from ..record import Figure
from . import scope, territory
from .claimants import claimant_in_article, claimant_of
from .similarity import NEAR_COPY, similarity
from ..lexicons import series_vocabulary, word_set

FLAGS = ("echo", "corroboration", "update", "revision_down", "conflict", "outlier")
OUTLIER_FACTOR = 2.0
# Against the whole series (other claimants' numbers), only a stray far off counts: a claimant's
# count may differ from another's for good reasons (that is a conflict, not an outlier).
STRAY_FACTOR = 10.0
OUTLIER_Z = 3.5
CONFLICT_DAYS = 1
_ECHO_LOOKBACK = 50      # earlier same-value points compared for near-copy text
_RELATED_MAX = 5         # related points named per corroboration flag
_WORDS = re.compile(r"[a-z][a-z'’-]*")


@lru_cache(maxsize=1)
def vocab() -> dict[str, Any]:
    data: dict[str, Any] = series_vocabulary()
    subj: list[tuple[tuple[str, ...], str]] = []
    for canon, words in data["subjects"].items():
        for w in words:
            subj.append((tuple(w.lower().split()), canon))
    data["_subject_table"] = dict(subj)
    data["_subject_longest"] = max(len(p) for p, _ in subj)
    places: dict[str, str] = {}
    for canon, aliases in data["places"].items():
        places[canon.lower()] = canon
        for a in aliases:
            places[a.lower()] = canon
    data["_places"] = places
    data["_weak"] = frozenset(data.get("weak_subjects", ()))
    data["_forecast_words"] = (word_set("forecast_modals") | word_set("forecast_heads")
                               | frozenset(data.get("forecast_words", ())))
    return data


@lru_cache(maxsize=65536)
def subject_of(counts: str | None, metric: str) -> str:
    """What is counted ("people", "soldiers", "hostages"…), from the words of ``counts``: the
    earliest subject phrase (longest at that position) wins."""
    v = vocab()
    if counts:
        words = _WORDS.findall(counts.lower())
        table, longest = v["_subject_table"], v["_subject_longest"]
        weak_found = None
        for i in range(len(words)):
            for n in range(min(longest, len(words) - i), 0, -1):
                canon = table.get(tuple(words[i:i + n]))
                if canon:
                    if n == 1 and words[i] in v["_weak"]:
                        weak_found = weak_found or canon  # "deaths of aid workers": read on
                        break
                    return str(canon)
        if weak_found:
            return str(weak_found)
    return str(v["metric_subject_default"].get(metric, "people"))


# A word after the number that says nothing about what is counted ("30,000 more", "5 percent").
_NOT_SUBJECTS = frozenset({"more", "others", "percent", "per", "cent", "times", "people's",
                           "days", "hours", "weeks", "months", "years", "in", "of", "and", "or",
                           "so", "far", "total", "overall", "each", "apiece", "alone"})
_SPAN_NOUN = re.compile(r"(?:\d[\d,.]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                        r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|dozen))"
                        r"(?:\s+(?:million|thousand|hundred|billion))?"
                        r"((?:\s+[A-Za-z][A-Za-z'’-]*){1,3})\s*$", re.IGNORECASE)


# "33,000 mainly civilians": what most of those counted were, not what is counted.
_CHARACTERISING = frozenset({"mainly", "mostly", "largely", "predominantly", "overwhelmingly"})


def subject_of_figure(span_text: str | None, counts: str | None, metric: str,
                      unit: str | None = None) -> str:
    """What a figure counts: the noun the number is written with when there is one ("130 staff"
    → "staff", "20,000 Palestinians" → "people"), so that a subgroup does not join the main toll's
    series; else from its ``counts`` phrase (:func:`subject_of`)."""
    m = _SPAN_NOUN.search(span_text or "") if not unit else None
    if m and m.group(1).split()[0].lower() in _CHARACTERISING:
        # "33,000 mainly civilians": all the dead, told what most of them were
        return str(vocab()["metric_subject_default"].get(metric, "people"))
    if m:
        words = _WORDS.findall(m.group(1).lower())
        table = vocab()["_subject_table"]
        for n in (2, 1):
            if len(words) >= n and tuple(words[-n:]) in table:
                return str(table[tuple(words[-n:])])
        if words and words[-1] not in _NOT_SUBJECTS and len(words[-1]) > 2:
            return words[-1]
    return subject_of(counts, metric)


_LOCATIVE = frozenset({"in", "across", "inside", "throughout", "within", "on", "at", "near",
                       "around", "into"})


_PLACE_MODIFIERS = frozenset({"the", "of", "southern", "northern", "eastern", "western", "central",
                              "occupied", "south", "north", "east", "west"})
_ACTOR_VERBS = frozenset({"began", "begun", "says", "said", "has", "have", "had", "is", "was",
                          "will", "would", "struck", "hit", "fought", "took", "sent", "made"})


def place_of(place: str | None, counts: str | None = None) -> str | None:
    """Canonical place of a figure: its ``place`` through the alias table, else one named in
    ``counts`` ("people killed in Gaza"), else None."""
    v = vocab()
    if place:
        p = re.sub(r"\s+", " ", place).strip(" .,").lower()
        for d in ("the ", "in "):
            p = p[len(d):] if p.startswith(d) else p
        return str(v["_places"].get(p, place.strip()))
    if counts:
        # "killed in Gaza since Israel began its offensive": a place after a locative word is
        # where; a bare mention may be an actor. Else the earliest place named.
        low = counts.lower()
        found = []
        for name in v["places_in_counts"]:
            for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", low):
                before = low[:m.start()].split()[-2:]
                locative = bool(before) and (before[-1] in _LOCATIVE or (
                    len(before) == 2 and before[0] in _LOCATIVE and before[1] in _PLACE_MODIFIERS))
                after = low[m.end():].split()[:1]
                if not locative and (low[m.end():m.end() + 2] in ("'s", "’s") or after and (
                        after[0] in _ACTOR_VERBS or after[0].endswith("ed"))):
                    continue  # "since Israel began its offensive": an actor, not a place
                found.append((not locative, m.start(), -len(name), name))
        if found:
            name = min(found)[3]
            return str(v["_places"].get(name, name.title()))
    return None


@dataclass(frozen=True)
class SeriesKey:
    metric: str
    subject: str
    place: str | None
    cumulative: bool
    # What might happen ("thousands could die"), kept apart from what has: never cumulative.
    forecast: bool = False

    @property
    def kind(self) -> str:
        return "forecast" if self.forecast else "cumulative" if self.cumulative else "per-event"

    @property
    def id(self) -> str:
        place = (self.place or "anywhere").lower().replace(" ", "-")
        return f"{self.metric}:{self.subject.replace(' ', '-')}:{place}:{self.kind}"

    @property
    def name(self) -> str:
        label = vocab()["metric_labels"].get(self.metric, self.metric)
        where = f" in {self.place}" if self.place else ""
        kind = self.kind.replace("-", " ")
        return f"{self.subject}{' ' + label if label else ''}{where} ({kind})"


def is_cumulative(fig: Figure, published: str | None = None) -> bool:
    """Whether a figure is a running total: as the extractor says, else by its metric (a stock
    such as hostages held). A running-total metric the extractor could not tell ("45 people
    have been killed in central Gaza" after a strike) is not: a per-event count in a toll's
    series is worse than a toll among per-event counts. ``published`` is kept for callers."""
    del published
    if fig.cumulative is not None:
        return bool(fig.cumulative)
    return fig.metric in vocab()["stock_metrics"]


def is_forecast(fig: Figure) -> bool:
    """A figure in a modal or hypothetical clause ("could die", "may reach", "expected to"): the
    figures extractor adds the modal word to its hedges."""
    words = vocab()["_forecast_words"]
    return any(h.text.strip().lower() in words for h in fig.hedges)


def is_part(fig: Figure, subject: str) -> bool:
    """A part of a whole told with it ("5,000 of them children" → counts "children among people
    killed"): a part naming no kind of its own ("among people killed"), or one of the same kind
    as its whole, is no total of anything."""
    counts = (fig.counts or "").strip().lower()
    if counts.startswith("among "):
        return True
    _, sep, whole = counts.partition(" among ")
    return bool(sep) and subject_of(whole, fig.metric) == subject


def series_key(fig: Figure, published: str | None = None,
               text: str | None = None) -> SeriesKey | None:
    """The series a figure belongs to; None when there is nothing to group it with: ``metric ==
    "other"``, a vague quantity ("dozens", "tens of millions": no point on a chart), or a part
    of a whole that names no kind of its own. With the article's ``text``, what the count
    covers is read around it (:mod:`newsledger.ledger.scope`): a running total of one town,
    event or period is per event; "105 of its soldiers" counts soldiers, "aid workers … around
    200 have been killed" aid workers; "from an estimated 20,000" is no count; the claimant's
    territory is no fallback place next to another territory."""
    if fig.metric == "other" or not fig.metric or fig.approx == "vague":
        return None
    if scope.is_base(fig, text):
        return None  # "from an estimated 20,000 the group had": a population, not a count
    subject = subject_of_figure(fig.span.text, fig.counts, fig.metric, fig.unit)
    owned = scope.possessed_subject(fig, text)
    if owned is not None:
        subject = str(vocab()["_subject_table"].get(tuple(owned.split()), owned))
    elif subject == "people":
        subject = scope.elided_subject(fig, text) or subject
    if is_part(fig, subject):
        return None
    forecast = is_forecast(fig)
    place = place_of(fig.place, fig.counts)
    home = claimant_place(territory.claimant_for_place(
        claimant_in_article(fig, text) if text else claimant_of(fig), place, fig))
    if place is None and not _LOCAL.search(fig.counts or ""):
        if home is not None and not scope.other_territory(fig, text, home):
            place = home
    elif home is not None and place is not None and place != home \
            and not scope.place_stated(place, fig, text):
        # A local authority's count placed elsewhere by words that name an actor ("killed in
        # Israel's bombardment") or by the article's headline: its own territory's.
        place = home
    # A territory's counting authority giving its own territory's count: its running total
    # unless the words tell one event (scope.is_authority_total).
    own_total = home is not None and place == home and not _long_before(fig.as_of, published) \
        and scope.is_authority_total(fig, text)
    cumulative = not forecast and (is_cumulative(fig, published) or scope.is_total(fig, text)
                                   or own_total) and not scope.is_partial(fig, text)
    return SeriesKey(fig.metric, subject, place, cumulative, forecast)


def _long_before(as_of: str | None, published: str | None, days: int = 7) -> bool:
    """Is a figure dated to a day more than ``days`` before publication ("killed 1,200 people on
    7 October", told months later)? A count of that day's event, not today's running total."""
    a, p = iso_date(as_of), iso_date(published)
    if a is None or p is None:
        return False
    return (date.fromisoformat(p) - date.fromisoformat(a)).days > days


# A count the text places in an unnamed locality ("killed in the southern Gazan city", "left
# 11 dead in the city"): one place's dead, not the claimant's territory's total.
_LOCAL = re.compile(r"\b(?:city|town|village|camp|neighbou?rhood|district|hospital|school|"
                    r"shelter|area|building|market)s?\b", re.IGNORECASE)


def claimant_place(claimant: str | None) -> str | None:
    """Where a claimant's figures are of when the text names no place: a local authority counts
    its own territory's dead ("Gaza health ministry" → Gaza; ``claimant_places`` in
    ``series.json``, canonical claimant names). None for any other claimant."""
    if claimant is None:
        return None
    place = vocab().get("claimant_places", {}).get(claimant)
    return str(place) if place else None


# The day a month-long as-of stands for, by its TIMEX3 modifier ("early December" → the 5th).
_MONTH_DAY = {"START": 5, "MID": 15, "END": 25}


def claim_date(as_of: str | None, published: str | None, mod: str | None = None) -> str | None:
    """The day a figure's claim held, for ordering a series: its as-of date; for a month
    ("early December" = ``2023-12`` with mod START) a day in it, approximate; for an ISO week its
    Thursday; else the publication date (a figure with no time of its own is as of its report)."""
    day = iso_date(as_of)
    if day is not None:
        return day
    m = re.match(r"^(\d{4})-(\d{2})$", as_of or "")
    if m and 1 <= int(m.group(2)) <= 12:
        return date(int(m.group(1)), int(m.group(2)), _MONTH_DAY.get(mod or "", 15)).isoformat()
    w = re.match(r"^(\d{4})-W(\d{2})$", as_of or "")
    if w and 1 <= int(w.group(2)) <= 53:
        try:
            return date.fromisocalendar(int(w.group(1)), int(w.group(2)), 4).isoformat()
        except ValueError:
            pass
    return iso_date(published)


def iso_date(s: str | None) -> str | None:
    """The ``YYYY-MM-DD`` a TIMEX3-ish value starts with, or None (weeks, months, junk)."""
    if not s or len(s) < 10:
        return None
    try:
        return date.fromisoformat(s[:10]).isoformat()
    except ValueError:
        return None


# --- point arithmetic --------------------------------------------------------------------------

def point_value(p: dict[str, Any]) -> float | None:
    """One number for a point: its value, else the middle of its range, else a bound."""
    if p.get("value") is not None:
        return float(p["value"])
    lo, hi = p.get("low"), p.get("high")
    if lo is not None and hi is not None:
        return (float(lo) + float(hi)) / 2
    return float(lo) if lo is not None else float(hi) if hi is not None else None


def interval(p: dict[str, Any]) -> tuple[float, float] | None:
    """The values a point allows ("more than 34,000" allows [34000, inf)). A round number
    stated as exact ("15,000 people") is read as rounded or cut down: [v - 500, v + 1000]."""
    v = point_value(p)
    if v is None or p.get("approx") == "vague":
        return None
    approx = p.get("approx") or "exact"
    lo, hi = p.get("low"), p.get("high")
    if approx == "range" and lo is not None and hi is not None:
        return float(lo), float(hi)
    if approx in ("more_than", "at_least"):
        return v, math.inf
    if approx in ("less_than", "up_to"):
        return 0.0, v
    if approx == "about":
        return v * 0.9, v * 1.1
    if v >= 1000 and v == int(v) and int(v) % 1000 == 0:
        # A round thousand stated as exact is rounded, or cut down ("15,000" for 15,523).
        return v - 500, v + 1000
    return v, v


def same_value(p: dict[str, Any], q: dict[str, Any]) -> bool:
    return (p.get("value"), p.get("low"), p.get("high")) == (q.get("value"), q.get("low"),
                                                            q.get("high")) \
        and point_value(p) is not None


def _days(a: str | None, b: str | None) -> int | None:
    if not a or not b:
        return None
    return abs((date.fromisoformat(a) - date.fromisoformat(b)).days)


def sort_key(p: dict[str, Any]) -> tuple[str, str, tuple[Any, ...], int]:
    """Time order of points: as-of date (or publication), then publication, then the store's
    ``tiebreak`` (article id, version, figure index: the same order whichever process stored
    the article first), then id."""
    return (p.get("date") or "9999-99-99", p.get("published") or "9999-99-99",
            tuple(p.get("tiebreak") or ()), int(p["id"]))


# --- flags -----------------------------------------------------------------------------------

def _wired(p: dict[str, Any], q: dict[str, Any]) -> bool:
    """Do p and q come from the same wire story: a shared wire credit, or one published by the
    wire the other credits."""
    pw, qw = set(p.get("wire") or ()), set(q.get("wire") or ())
    return bool(pw & qw) or (q.get("outlet") in pw) or (p.get("outlet") in qw)


def compute_flags(points: Iterable[dict[str, Any]], cumulative: bool
                  ) -> list[dict[str, Any]]:
    """Flags for the points of one series.

    Each point needs ``id``, ``value``/``low``/``high``/``approx``, ``date`` (ISO or None),
    ``published``, ``claimant``, ``outlet``, ``article`` (article key), ``wire`` (wire credits of
    its article) and ``sig`` (passage MinHash or None). Returns the points in time order, each
    with ``ord``, ``origin`` (id of the point it echoes back to, or its own) and ``flags``:
    ``[{"flag": name, "related": [ids], "note": str}]``.
    """
    pts = sorted((dict(p) for p in points), key=sort_key)
    for i, p in enumerate(pts):
        p["ord"] = i
        p["flags"] = []
        p["origin"] = p["id"]
        p["_v"] = point_value(p)
        p["_iv"] = interval(p)

    def add(p: dict[str, Any], flag: str, related: list[int], note: str) -> None:
        p["flags"].append({"flag": flag, "related": related, "note": note})

    # echo and corroboration: against earlier points with the same value.
    same: dict[tuple[Any, ...], list[dict[str, Any]]] = defaultdict(list)
    # per value: the first independent point of each (outlet, claimant), for corroboration
    reps: dict[tuple[Any, ...], dict[tuple[Any, Any], dict[str, Any]]] = defaultdict(dict)
    for p in pts:
        if p["_v"] is None:
            continue
        vkey = (p.get("value"), p.get("low"), p.get("high"))
        earlier = same[vkey]
        echo_of = None
        for q in reversed(earlier[-_ECHO_LOOKBACK:]):
            if q.get("claimant") != p.get("claimant") or q.get("article") == p.get("article"):
                continue
            if _wired(p, q):
                echo_of, why = q, "same wire credit"
            elif similarity(p.get("sig"), q.get("sig")) >= NEAR_COPY:
                echo_of, why = q, "near-copy text"
            else:
                continue
            break
        earlier.append(p)
        if echo_of is not None:
            p["origin"] = echo_of["origin"]
            add(p, "echo", [echo_of["id"]], f"{why}; origin point {echo_of['origin']}")
            continue
        mine = (p.get("outlet"), p.get("claimant"))
        seen_origins: set[int] = set()
        related: list[int] = []
        for key, q in reps[vkey].items():
            if key == mine or q["origin"] in seen_origins or q.get("article") == p.get("article"):
                continue
            seen_origins.add(q["origin"])
            related.append(q["id"])
            if len(related) >= _RELATED_MAX:
                break
        if related:
            add(p, "corroboration", related,
                f"same value from {len(related)}{'+' if len(related) >= _RELATED_MAX else ''}"
                " independent earlier report(s)")
        reps[vkey].setdefault(mine, p)

    _outliers(pts, cumulative, add)
    _conflicts(pts, add)
    if cumulative:
        _trend(pts, add)

    for p in pts:
        for k in ("_v", "_iv", "_day"):
            p.pop(k, None)
    return pts


def _conflicts(pts: list[dict[str, Any]], add: Any) -> None:
    """conflict: other claimants, as-of within ±1 day, incompatible values. Points are bucketed
    by (day, claimant) with bisectable bounds, so a busy day costs O(log n) per comparison."""
    days: dict[str, int] = {}
    buckets: dict[int, dict[str, tuple[list[tuple[float, int]], list[tuple[float, int]]]]] = \
        defaultdict(dict)
    dated = []
    for p in pts:
        d, c = p.get("date"), p.get("claimant")
        if not d or not c or p["_iv"] is None:
            continue
        if any(f["flag"] == "outlier" for f in p["flags"]):
            continue  # a stray number (a subgroup, one event) is not a rival claim
        if d not in days:
            days[d] = date.fromisoformat(d).toordinal()
        p["_day"] = days[d]
        by_hi, by_lo = buckets[p["_day"]].setdefault(c, ([], []))
        by_hi.append((p["_iv"][1], p["id"]))
        by_lo.append((p["_iv"][0], p["id"]))
        dated.append(p)
    for per_claimant in buckets.values():
        for by_hi, by_lo in per_claimant.values():
            by_hi.sort()
            by_lo.sort()
    for p in dated:
        lo, hi = p["_iv"]
        related: list[int] = []
        total = 0
        for day in range(p["_day"] - CONFLICT_DAYS, p["_day"] + CONFLICT_DAYS + 1):
            for c, (by_hi, by_lo) in buckets.get(day, {}).items():
                if c == p["claimant"]:
                    continue
                below = bisect_left(by_hi, (lo, -1))           # their high < my low
                above = bisect_right(by_lo, (hi, 1 << 62))     # their low > my high
                total += below + len(by_lo) - above
                related.extend(i for _, i in by_hi[:below][:_RELATED_MAX * 2])
                related.extend(i for _, i in by_lo[above:][:_RELATED_MAX * 2])
        if total:
            add(p, "conflict", sorted(set(related))[:_RELATED_MAX * 2],
                f"{total} point(s) from other claimants within ±{CONFLICT_DAYS} day")


def _disjoint(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return a[1] < b[0] or b[1] < a[0]


def _outliers(pts: list[dict[str, Any]], cumulative: bool, add: Any) -> None:
    if cumulative:
        # Neighbours are the same claimant's points: two claimants' running totals may differ
        # for good reasons (that is a conflict, not an outlier).
        # Unattributed points are no one claimant's series: their neighbours are the whole
        # series' points (else a bare "22,438 people" is judged against stray unattributed 45s).
        groups: dict[Any, list[tuple[dict[str, Any], float]]] = defaultdict(list)
        every: list[tuple[dict[str, Any], float]] = []
        for p in pts:
            # Only comparable points are neighbours: a vague "dozens" (no interval) is none.
            if p["_v"] is not None and p["_iv"] is not None:
                groups[p.get("claimant")].append((p, p["_v"]))
                every.append((p, p["_v"]))
        for who, vals in groups.items():
            # A claimant with too few points of its own here is judged against the whole series.
            pool = every if who is None or len(vals) < 4 else vals
            at = {id(p): i for i, (p, _) in enumerate(pool)}
            if len(pool) < 4:
                continue
            for p, v in vals:
                i = at[id(p)]
                around = pool[max(0, i - 3):i] + pool[i + 1:i + 4]
                m = median(x for _, x in around)
                lv, lm = math.log1p(max(v, 0.0)), math.log1p(max(m, 0.0))
                factor = OUTLIER_FACTOR if pool is vals else STRAY_FACTOR
                if abs(lv - lm) > math.log(factor) and abs(v - m) > 10:
                    add(p, "outlier", [q["id"] for q, _ in around],
                        f"{v:g} against a neighbour median of {m:g} "
                        + ("(all claimants)" if pool is every else "(same claimant)"))
        return
    vals = [(p, p["_v"]) for p in pts if p["_v"] is not None and p["_iv"] is not None]
    if len(vals) < 5:
        return
    logs = [math.log1p(max(v, 0.0)) for _, v in vals]
    med = median(logs)
    mad = median(abs(x - med) for x in logs) or 0.0
    if mad == 0:
        return
    for (p, _), lx in zip(vals, logs):
        z = 0.6745 * (lx - med) / mad
        if abs(z) > OUTLIER_Z:
            add(p, "outlier", [], f"robust z-score {z:.1f} in this series")


def _trend(pts: list[dict[str, Any]], add: Any) -> None:
    """update / revision_down against the previous non-outlier point (same claimant and any).

    A lower number that still allows the earlier one ("more than 34,600" after "at least
    34,735"; "15,000" after "15,523") is a restatement, not a revision: no flag, and the earlier
    point stays the one later points are compared with. Outliers get no trend flag."""
    prev_any: dict[str, Any] | None = None
    prev_by: dict[Any, dict[str, Any]] = {}
    # The floor: the earlier point with the highest lower bound (a cumulative count never falls,
    # so "more than a million" rules out 800,000 later, even after an "up to 1.4 million" that
    # stays the reference for updates); a revision below it becomes the new floor.
    floor_any: dict[str, Any] | None = None
    floor_by: dict[Any, dict[str, Any]] = {}
    for p in pts:
        v = p["_v"]
        if v is None or p["_iv"] is None or not p.get("date"):
            continue
        if any(f["flag"] == "outlier" for f in p["flags"]):
            continue
        conflicts = {r for f in p["flags"] if f["flag"] == "conflict" for r in f["related"]}
        own = prev_by.get(p.get("claimant"))
        falls = [q for q in (own, prev_any)
                 if q is not None and v < q["_v"] and q["id"] not in conflicts]
        floors = [q for q in (floor_by.get(p.get("claimant")), floor_any)
                  if q is not None and v < q["_v"] and q["id"] not in conflicts]
        fell_from = next((q for q in falls + floors if _disjoint(p["_iv"], q["_iv"])), None)
        if fell_from is not None:
            add(p, "revision_down", [fell_from["id"]],
                f"{v:g} after {fell_from['_v']:g}"
                + ("" if fell_from.get("claimant") == p.get("claimant") else " (other claimant)"))
        elif not falls:
            q = own or prev_any
            if q is not None and v > q["_v"]:
                add(p, "update", [q["id"]], f"{v:g} after {q['_v']:g}")
        # A compatible restatement does not replace the point it restates as the reference.
        if not _restates(p, prev_any):
            prev_any = p
        if not _restates(p, own):
            prev_by[p.get("claimant")] = p
        floor_any = _floor(p, floor_any)
        floor_by[p.get("claimant")] = _floor(p, floor_by.get(p.get("claimant")))


def _floor(p: dict[str, Any], floor: dict[str, Any] | None) -> dict[str, Any]:
    """The floor after p: p when it raises the lowest value the series allows, or when it falls
    below it (a revision: the earlier knowledge is superseded); else the floor stays."""
    if floor is None or p["_iv"][0] > floor["_iv"][0] or p["_iv"][1] < floor["_iv"][0]:
        return p
    return floor


def _restates(p: dict[str, Any], q: dict[str, Any] | None) -> bool:
    """Is p a lower number that still allows q's ("more than 34,600" after "at least 34,735")?"""
    return q is not None and p["_v"] < q["_v"] and not _disjoint(p["_iv"], q["_iv"])


def unflagged_falls(points: list[dict[str, Any]]) -> list[tuple[int, int]]:
    """(earlier id, later id) pairs where a cumulative value falls to a number the earlier point
    does not allow (in time order, as ``compute_flags`` returns them, outliers and compatible
    restatements skipped) and the later point has neither ``revision_down`` nor ``conflict``.
    Empty for a consistent series; used by tests and reports."""
    out = []
    prev = None
    for p in points:
        names = {f["flag"] for f in p["flags"]}
        v, iv = point_value(p), interval(p)
        if v is None or iv is None or not p.get("date") or "outlier" in names:
            continue
        if prev is not None and v < prev[1]:
            if not _disjoint(iv, prev[2]):
                continue  # a restatement: the earlier point stays the reference
            if not names & {"revision_down", "conflict"}:
                out.append((prev[0], p["id"]))
        prev = (p["id"], v, iv)
    return out


def summarize(points: list[dict[str, Any]]) -> dict[str, Any]:
    """Listing figures for a set of flagged points in time order: counts, latest, claimants…"""
    counts = {f: 0 for f in FLAGS}
    claimants: dict[str, int] = defaultdict(int)
    outlets: dict[str, int] = defaultdict(int)
    origins = set()
    latest = None
    latest_undated = None  # a point whose text gave no date of its own: latest only if none has
    first_date = None
    for p in points:
        names = {f["flag"] for f in p.get("flags") or ()}
        for n in names:
            counts[n] = counts.get(n, 0) + 1
        claimants[p.get("claimant") or "(unattributed)"] += 1
        outlets[p.get("outlet") or "(unknown)"] += 1
        origins.add(p.get("origin", p["id"]))
        if p.get("date"):
            first_date = first_date or p["date"]
            if "outlier" not in names and interval(p) is not None:
                # not an outlier, not a vague "dozens"; dated by its text (an as-of), not only by
                # its publication: "the toll had exceeded 15,200" may be days old
                if "as_of" in p and not p["as_of"]:
                    latest_undated = p
                else:
                    latest = p
    if latest is None:
        latest = latest_undated
    if latest is None and points:
        latest = points[-1]

    def top(d: dict[str, int]) -> list[list[Any]]:
        return [[k, n] for k, n in sorted(d.items(), key=lambda kv: (-kv[1], kv[0]))]

    return {
        "points": len(points), "origins": len(origins), "flags": counts,
        "latest_id": latest["id"] if latest else None,
        "latest_value": latest.get("value") if latest else None,
        "latest_low": latest.get("low") if latest else None,
        "latest_high": latest.get("high") if latest else None,
        "latest_approx": latest.get("approx") if latest else None,
        "latest_date": latest.get("date") if latest else None,
        "latest_claimant": latest.get("claimant") if latest else None,
        "first_date": first_date, "claimants": top(claimants), "outlets": top(outlets),
    }
