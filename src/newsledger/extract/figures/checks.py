"""Arithmetic the article itself implies: parts that sum to a total, subsets, falling tolls.

* ``sum``: a figure whose value the exact figures stated just after it add up to, from the same
  family of metrics (252 abducted = 105 released + 4 released + 3 rescued + 12 bodies + 128 held).
  Indices: the total first, then the parts.
* ``subset``: "15,000 people, including 6,000 children" / "6,000 children are among the 15,000":
  the part must not exceed the total. Indices: total, part.
* ``monotone``: a running total (``cumulative``) from the same claimant for the same metric must not
  be stated lower later in the article unless the text says it is older. Indices: earlier, later.
"""

from __future__ import annotations

import bisect
import re
from itertools import combinations

from spacy.tokens import Doc

from ...record import Check, Figure
from ..registry import State, component

VERSION = "newsledger.checks.v1"

# Which metrics can be parts of a total of a given metric.
_HOSTAGE = {"abducted", "hostages_held", "hostages_released", "hostages_rescued", "dead_bodies",
            "missing"}
FAMILIES: dict[str, set[str]] = {
    "abducted": _HOSTAGE, "hostages_held": _HOSTAGE,
    "killed": {"killed"}, "injured": {"injured"}, "displaced": {"displaced", "evacuated"},
    "arrested": {"arrested"}, "aid_trucks": {"aid_trucks"}, "troops": {"troops"},
}
MAX_PARTS_WINDOW = 8  # candidate parts looked at after a total (2**8 subsets at most: linear time)
MAX_GAP_CHARS = 1500
_SUBSET_AFTER = re.compile(r"^[^.;!?]{0,60}\b(?:including|of whom|of them|among them|"
                           r"among whom|of which)\b[^.;!?]{0,40}$", re.IGNORECASE)
_SUBSET_BEFORE = re.compile(r"^[^.;!?]{0,40}\b(?:among|of)\b[^.;!?]{0,20}$", re.IGNORECASE)
_OLDER = re.compile(r"\b(?:ago|earlier|previously|previous|had|last week|last month|"
                    r"at the time|initially|originally|before)\b", re.IGNORECASE)


@component("checks", VERSION, model=(), needs=("article", "figures"), sets=("checks",))
def extract_checks(doc: Doc, state: State) -> None:
    """Fill ``state.checks`` from ``state.figures``."""
    state.checks = find_checks(state.text, state.figures)


def find_checks(text: str, figures: list[Figure]) -> list[Check]:
    """All checks the figures of one article support, in the order of their first figure."""
    out: list[Check] = []
    out.extend(_sums(text, figures))
    out.extend(_subsets(text, figures))
    out.extend(_monotone(text, figures))
    return sorted(out, key=lambda c: (c.figures[0] if c.figures else 0, c.kind))


def _exact(f: Figure) -> bool:
    return f.value is not None and f.approx == "exact" and f.unit is None


def _line_paragraph_index(text: str, positions: list[int]) -> list[int]:
    """Index of the paragraph (blank-line or newline separated) holding each position.

    Not Document.paragraphs: "parts within two paragraphs of their total" counts breaks in the raw
    text (a run of blank lines is one break), whatever the layout made of them (a block may span
    hard-wrapped lines; skipped blocks between still count), and it needs only the figures."""
    breaks = [m.start() for m in re.finditer(r"\n\s*\n|\n", text)]
    return [bisect.bisect_left(breaks, p) for p in positions]


def _sums(text: str, figures: list[Figure]) -> list[Check]:
    out: list[Check] = []
    used: set[int] = set()
    paras = _line_paragraph_index(text, [f.span.start for f in figures])
    for t, total in enumerate(figures):
        if t in used or not _exact(total) or total.metric not in FAMILIES or total.value is None:
            continue
        family = FAMILIES[total.metric]
        # Parts are listed with the total or in the paragraph right after it.
        cands = [k for k in range(t + 1, len(figures))
                 if _exact(figures[k]) and figures[k].metric in family
                 and paras[k] - paras[t] <= 2
                 and figures[k].span.start - total.span.end <= MAX_GAP_CHARS
                 and (figures[k].value or 0) < total.value][:MAX_PARTS_WINDOW]
        best: tuple[int, ...] | None = None
        # Most parts first: an article that lists five parts means all five.
        for n in range(len(cands), 1, -1):
            for combo in combinations(cands, n):
                if sum(figures[k].value or 0 for k in combo) == total.value:
                    best = combo
                    break
            if best:
                break
        if best:
            used.update(best)
            parts = " + ".join(_fmt(figures[k].value) for k in best)
            out.append(Check("sum", True, [t, *best],
                             f"{_fmt(total.value)} ({total.counts or total.metric}) = {parts}"))
    return out


def _subsets(text: str, figures: list[Figure]) -> list[Check]:
    out: list[Check] = []
    for a in range(len(figures) - 1):
        b = a + 1
        fa, fb = figures[a], figures[b]
        if fa.unit or fb.unit or fa.metric != fb.metric and "other" not in (fa.metric, fb.metric):
            continue
        between = text[fa.span.end:fb.span.start]
        if len(between) > 80:
            continue
        if _SUBSET_AFTER.match(between):
            total, part = a, b  # "15,000 people, including 6,000 children"
        elif _SUBSET_BEFORE.match(between) and re.search(r"\bamong\b", between):
            total, part = b, a  # "6,000 children are among the 15,000 people"
        else:
            continue
        tv, pv = _upper(figures[total]), _lower(figures[part])
        if tv is None or pv is None:
            continue
        holds = pv <= tv
        out.append(Check("subset", holds, [total, part],
                         f"part {_fmt(pv)} {'≤' if holds else '>'} total {_fmt(tv)}"))
    return out


def _monotone(text: str, figures: list[Figure]) -> list[Check]:
    out: list[Check] = []
    series: dict[tuple[str, str | None, str], list[int]] = {}
    for k, f in enumerate(figures):
        if f.cumulative and f.value is not None and f.unit is None:
            name = f.claimant.name if f.claimant else None
            # "people" and "children" killed are different series; so are "operatives".
            head = (f.counts or "").split(" ")[0].lower()
            series.setdefault((f.metric, name, head), []).append(k)
    for idx in series.values():
        for a, b in zip(idx, idx[1:]):
            fa, fb = figures[a], figures[b]
            if fa.as_of and fb.as_of and fb.as_of < fa.as_of:
                continue  # the later mention is an older figure, dated as such
            sentence = text[max(0, fb.span.start - 200):fb.span.end + 80]
            if not (fa.as_of and fb.as_of) and _OLDER.search(sentence):
                continue
            va, vb = fa.value or 0, fb.value or 0
            # A rounded "more than 15,000" after "15,899" is not a revision downward.
            holds = vb >= va or fb.approx in ("more_than", "at_least", "about") and vb >= va * 0.95
            out.append(Check("monotone", holds, [a, b],
                             f"{fb.metric} {_fmt(vb)} stated after {_fmt(va)}"))
    return out


def _upper(f: Figure) -> float | None:
    return f.high if f.high is not None else f.value


def _lower(f: Figure) -> float | None:
    return f.low if f.low is not None else f.value


def _fmt(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"
