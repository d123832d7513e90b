"""Numbers as written in news: numerals, number words, vague quantities, ranges, bounds and units.

:func:`find_quantities` scans a text and returns :class:`Quantity` items with character offsets, a
value or bounds, an ``approx`` kind (the ``Figure.approx`` vocabulary) and a unit. Number words go
through the text2num library; this module only finds where they are. Junk ("1,2,3", "1e9", "10^100",
forty-digit strings, non-ASCII digits) yields no quantity rather than an absurd one, and every regex
here is linear (no nested unbounded repetition), so huge inputs cost linear time.

Deciding whether a quantity is a *figure* (not a date, a duration, an ordinal, an idiom) is the
figures extractor's business; this module only flags what it can see locally (``kind``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from text_to_num import text2num
from ... import lexicons

# A digit string longer than this is an identifier, a phone number or junk, not a count.
MAX_DIGITS = 15

_WORD_NUMS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty "
    "ninety hundred thousand million billion trillion"
).split()
_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "trillion"}
_W = "|".join(sorted(_WORD_NUMS, key=len, reverse=True))

# Digits: grouped thousands or a plain run, optional decimals. ASCII only on purpose: other
# scripts' digits are not parsed (no figure rather than a wrong one).
_DIGITS = (r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+|\.[ ][0-9](?=[ ](?:million|billion)\b))?")
# Words: "two hundred and seventy-one", "a hundred", "one more" (only the numeral part).
_WORDS = (rf"(?:\ba[ \t]+(?=(?:hundred|thousand|million|billion)\b))?"
          rf"\b(?:{_W})\b(?:(?:[ \t]+and[ \t]+|[ \t]*-[ \t]*|[ \t]+)(?:{_W})\b)*")
_CORE = re.compile(rf"(?P<d>(?<![\w.,^/]){_DIGITS})|(?P<w>{_WORDS})", re.IGNORECASE)
_SPACE = r"[ \t\u00a0]"
# Where a match of _CORE can start: a digit, or at a word boundary the first letter of a number
# word or of "a" (same flags). The regex then runs only there, not at every offset (see _scan).
_CORE_START = re.compile(r"[0-9]|\b[%s]" % "".join(sorted({w[0] for w in _WORD_NUMS} | {"a"})),
                         re.IGNORECASE)


def _scan(pattern: re.Pattern[str], starts: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` for a pattern that never matches empty and whose every match
    starts where ``starts`` matches: the same matches, with ``pattern`` tried only at those
    offsets (a long alternation tried at every offset cost milliseconds per article)."""
    pos = 0
    for c in starts.finditer(text):
        p = c.start()
        if p < pos:
            continue
        m = pattern.match(text, p)
        if m is not None:
            yield m
            pos = m.end()


@dataclass(frozen=True)
class Quantity:
    """A number expression in a text.

    ``start``/``end`` cover the whole expression (approximator, number, range, unit);
    ``num_start``/``num_end`` the numeral itself (the first one of a range)."""

    start: int
    end: int
    num_start: int
    num_end: int
    value: float | None
    low: float | None
    high: float | None
    approx: str = "exact"
    unit: str | None = None
    words: bool = False  # written in words ("four", "a dozen")
    kind: str = "number"  # number | duration | age | ordinal | time_of_day


@lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    return {"approximators": lexicons.approximators(), "vague_numbers": lexicons.vague_numbers(),
            "units": lexicons.units()}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    d = _data()
    vague = sorted((k for k in d["vague_numbers"] if not k.startswith("_")), key=len, reverse=True)
    before: list[str] = []
    for phrases in d["approximators"]["before"].values():
        before.extend(phrases)
    after_units = sorted(d["units"]["after"], key=len, reverse=True)
    time_words = sorted(d["units"]["time"], key=len, reverse=True)

    def alt(words: list[str]) -> str:
        return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))

    return {
        "vague": re.compile(rf"\b(?:{alt(vague)})\b", re.IGNORECASE),
        # Where "vague" can match (for _scan): a word boundary, then a first letter of a phrase.
        "vague_start": re.compile(r"\b[%s]" % "".join(sorted({re.escape(w[0]) for w in vague})),
                                  re.IGNORECASE),
        "approx_before": re.compile(rf"(?:^|(?<=[\s(\"“‘'—–-]))(?:{alt(before)}){_SPACE}+$",
                                    re.IGNORECASE),
        "unit_after": re.compile(rf"(?:{_SPACE}*-{_SPACE}*|{_SPACE}?)(?:{alt(after_units)})"
                                 r"(?![\w])", re.IGNORECASE),
        "time_after": re.compile(rf"(?:{_SPACE}*-{_SPACE}*|{_SPACE}+)(?:{alt(time_words)})"
                                 r"(?![\w])", re.IGNORECASE),
        "scale_after": re.compile(r"(?:[ \t\u00a0]?(?:thousand|million|billion|trillion)\b"
                                  r"|(?:k|m|mn|mln|bn|b|tn)\b)", re.IGNORECASE),
    }


def parse_words(s: str) -> float | None:
    """The value of number words ("Two hundred and seventy-one" → 271) via text2num, or None."""
    t = re.sub(r"\s+", " ", s.strip().lower().replace("-", " "))
    if t.startswith("a "):
        t = "one " + t[2:]
    try:
        return float(text2num(t, "en"))
    except (ValueError, TypeError):
        return None


def parse_digits(s: str) -> float | None:
    """The value of a numeral with thousands separators ("34,000" → 34000.0), or None for junk."""
    s = s.replace(". ", ".")  # "1. 9 million": a decimal point the scraper spaced out
    intpart = s.split(".", 1)[0].replace(",", "")
    if not intpart.isascii() or not intpart.isdigit() or len(intpart) > MAX_DIGITS:
        return None
    try:
        v = float(s.replace(",", ""))
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def _bad_digit_context(text: str, start: int, end: int) -> bool:
    """Digits glued to junk: "1,2,3", "1e9", "10^100", "76th", "3/4", "1990s", "A320"."""
    before = text[start - 1] if start > 0 else ""
    after = text[end:end + 2]
    if before and (before.isalnum() or before in "^/_"):
        return True
    if after[:1] in ("^", "/", "_") or (after[:1] == "," and after[1:2].isdigit()):
        return True
    if after[:1] in (".", ":") and after[1:2].isdigit():
        return True
    if before == ":" and start > 1 and text[start - 2].isdigit():
        return True
    # Model names and codes: "F-16", "Covid-19", "MQ-9".
    if before == "-" and start > 1 and text[start - 2].isalpha():
        return True
    return False


def _ordinal_suffix(text: str, end: int) -> bool:
    return bool(re.match(r"(?:st|nd|rd|th)\b", text[end:end + 3], re.IGNORECASE))


def _core_at(text: str, m: re.Match[str]) -> tuple[int, int, float | None, bool] | None:
    """(start, end, value, words) for a core match, extended by a scale word ("1.2 million")."""
    start, end = m.start(), m.end()
    if m.group("d"):
        if _bad_digit_context(text, start, end):
            return None
        value = parse_digits(m.group("d"))
        words = False
    else:
        raw = m.group("w")
        # Trim trailing "and"/hyphen the pattern cannot produce, and shrink until text2num accepts:
        # "two and three" is two numbers, not one.
        value = parse_words(raw)
        if value is None:
            parts = list(re.finditer(rf"\b(?:{_W})\b", raw, re.IGNORECASE))
            value = parse_words(parts[0].group()) if parts else None
            end = start + (parts[0].end() if parts else 0)
        words = True
        if raw.lower().startswith("a ") and value is None:
            return None
        half = re.search(r"\bhalf[ \t]+$", text[max(0, start - 8):start], re.IGNORECASE)
        if half and raw.lower().startswith("a ") and value is not None:
            value /= 2  # "half a million"
            start -= len(half.group())
        if re.match(r"[ \t]*-?[ \t]*(?:quarters?|thirds?|fifths?|sixths?|eighths?|tenths?|halves|"
                    r"half)\b", text[end:end + 12], re.IGNORECASE):
            return None  # "three-quarters", "two thirds": fractions, not counts
    if value is None:
        return None
    dz = re.match(r"[ \t]+dozen\b", text[end:end + 8], re.IGNORECASE)
    if words and dz and value < 100:
        value *= 12  # "two dozen"
        end += dz.end()
    sm = _patterns()["scale_after"].match(text, end)
    if sm and not (words and sm.group().strip().lower() in {"m", "k", "b"}):
        word = sm.group().strip().lower()
        scale = float(_data()["units"]["scale"].get(word, 1))
        after = text[sm.end():sm.end() + 1]
        if not (after.isalnum() or (word in {"m", "k", "b"} and after == "-")):
            value *= scale
            end = sm.end()
    if not math.isfinite(value) or value > 1e15:
        return None
    return start, end, value, words


def _approx_before(text: str, start: int) -> tuple[int, str] | None:
    window = text[max(0, start - 24):start]
    m = _patterns()["approx_before"].search(window)
    if not m:
        return None
    phrase = re.sub(r"\s+", " ", m.group().strip().lower())
    for kind, phrases in _data()["approximators"]["before"].items():
        if phrase in phrases:
            return start - (len(window) - m.start()), kind
    return None


def _vague_quantities(text: str) -> list[Quantity]:
    out = []
    table = _data()["vague_numbers"]
    for m in _scan(_patterns()["vague"], _patterns()["vague_start"], text):
        key = re.sub(r"\s+", " ", m.group().lower())
        value, low, high, approx = table[key]
        end = m.end()
        if key.endswith(" of"):
            end -= 3
        out.append(Quantity(m.start(), end, m.start(), end, value, low, high, approx, None, True))
    return out


def _unit_after(text: str, end: int) -> tuple[int, str | None, str]:
    """(new end, unit, kind) for what follows a numeral: a unit, a time word, or nothing."""
    p = _patterns()
    tm = p["time_after"].match(text, end)
    if tm:
        word = tm.group().lower()
        kind = "age" if "old" in word else ("time_of_day" if word.strip(" -") in
                                            {"am", "pm", "a.m.", "p.m.", "gmt", "bst", "utc",
                                             "o'clock"} else "duration")
        return tm.end(), None, kind
    um = p["unit_after"].match(text, end)
    if um:
        word = re.sub(r"^[\s\u00a0-]+", "", um.group()).lower()
        word = re.sub(r"\s+", " ", word)
        unit = _data()["units"]["after"].get(word)
        # A bare "m" after a spaced number is too ambiguous (metres, million, minutes).
        if unit and not (word == "m" and um.group().startswith((" ", "\u00a0"))):
            return um.end(), unit, "number"
    return end, None, "number"


def _currency_before(text: str, start: int) -> tuple[int, str] | None:
    table = _data()["units"]["currency_before"]
    for sym in sorted(table, key=len, reverse=True):
        s = start - len(sym)
        if s >= 0 and text[s:start].lower() == sym:
            return s, table[sym]
        s2 = s - 1
        if s2 >= 0 and text[s2:start].lower() == sym + " " and sym.isalpha():
            return s2, table[sym]
    return None


def _cores(text: str) -> list[tuple[int, int, float | None, bool]]:
    out = []
    for m in _scan(_CORE, _CORE_START, text):
        c = _core_at(text, m)
        if c is not None:
            if not c[3] and _ordinal_suffix(text, c[1]):
                continue
            nxt = text[c[1]:c[1] + 1]
            # Digits glued to letters ("1e9", "1990s", "7am") are kept only when the letters are a
            # unit or time word the later steps understand.
            if not c[3] and nxt.isalpha() and not (
                    _patterns()["unit_after"].match(text, c[1])
                    or _patterns()["time_after"].match(text, c[1])):
                continue
            out.append(c)
    return out


def find_quantities(text: str) -> list[Quantity]:
    """Every number expression in ``text``, in order, not overlapping.

    Ranges ("between 20 and 25", "20-25", "20 to 25") become one quantity; coordinated hyphenated
    units ("2,000- and 500-pound") become two quantities sharing the unit."""
    cores = _cores(text)
    vague = _vague_quantities(text)
    out: list[Quantity] = []
    i = 0
    taken_until = -1
    while i < len(cores):
        s, e, v, words = cores[i]
        if s < taken_until:
            i += 1
            continue
        nxt = cores[i + 1] if i + 1 < len(cores) else None
        q_start, q_end = s, e
        approx, low, high, value = "exact", v, v, v
        unit: str | None = None
        kind = "number"
        consumed = 1
        # A range: "between X and Y", "X to Y", "X-Y", "X or Y" (not "from X to Y": that is a change).
        if nxt is not None:
            gap = text[e:nxt[0]]
            pre = text[max(0, s - 8):s].lower()
            is_between = bool(re.search(r"\bbetween\s+$", pre)) and re.fullmatch(r"\s+and\s+", gap)
            is_to = (re.fullmatch(r"\s*(?:-|–|—|to|or)\s*", gap)
                     and not re.search(r"\bfrom\s+$", pre) and nxt[2] is not None
                     and v is not None and nxt[2] > v and words == nxt[3])
            if is_between or is_to:
                low, high, value = v, nxt[2], None
                approx = "range"
                q_end = nxt[1]
                if is_between:
                    q_start = s - len(re.search(r"between\s+$", pre).group())  # type: ignore[union-attr]
                consumed = 2
        # Unit or time word after the (last) numeral.
        new_end, unit, kind = _unit_after(text, q_end)
        if unit or kind != "number":
            q_end = new_end
        cur = _currency_before(text, q_start)
        if cur:
            q_start, unit = cur[0], cur[1]
        ap = _approx_before(text, q_start)
        if ap and approx == "exact":
            q_start, approx = ap
            low, high = _bounds(approx, value)
        elif ap and approx == "range":
            q_start = ap[0]
        if approx == "exact":
            after = re.match(r"[ \t]+(or more|and more|or so)\b", text[q_end:q_end + 12],
                             re.IGNORECASE)
            if after:
                approx = "at_least" if "more" in after.group(1).lower() else "about"
                low, high = _bounds(approx, value)
                q_end += after.end()
        out.append(Quantity(q_start, q_end, s, e, value, low, high, approx, unit, words, kind))
        taken_until = q_end
        i += consumed
    out = _distribute_units(text, out)
    return _merge_vague(text, out, vague)


def _bounds(approx: str, value: float | None) -> tuple[float | None, float | None]:
    if approx in ("more_than", "at_least"):
        return value, None
    if approx in ("less_than", "up_to"):
        return None, value
    if approx == "about":
        return None, None
    return value, value


def _distribute_units(text: str, qs: list[Quantity]) -> list[Quantity]:
    """"2,000- and 500-pound": the first numeral takes the unit of the second; its span runs to the
    shared unit, since that is where the text says what it measures."""
    out = list(qs)
    for k in range(len(out) - 1):
        a, b = out[k], out[k + 1]
        gap = text[a.num_end:b.num_start]
        if a.unit is None and a.kind == "number" and re.fullmatch(
                r"[ \t]*-[ \t]+(?:and|or|to)[ \t]+", gap) and (b.unit or b.kind != "number"):
            out[k] = replace(a, end=b.end, unit=b.unit, kind=b.kind)
    return out


def _merge_vague(text: str, qs: list[Quantity], vague: list[Quantity]) -> list[Quantity]:
    """Vague phrases win over the bare number words inside them ("a dozen", "tens of thousands"),
    and keep an approximator before them ("more than a dozen")."""
    if not vague:
        return qs
    result: list[Quantity] = []
    for vq in vague:
        inside = [q for q in qs if q.start < vq.end and vq.start < q.end]
        if any(not q.words for q in inside):
            continue
        start, approx, low, high, value = vq.start, vq.approx, vq.low, vq.high, vq.value
        for q in inside:
            if q.approx not in ("exact", "range") and q.start < vq.start:
                start, approx = q.start, q.approx
                low, high = _bounds(approx, vq.value)
        ap = _approx_before(text, vq.start)
        if ap is not None and start == vq.start:
            start, approx = ap
            low, high = _bounds(approx, value) if value is not None else (vq.low, vq.high)
        qs = [q for q in qs if q not in inside]
        result.append(replace(vq, start=start, value=value, low=low, high=high, approx=approx))
    return sorted(qs + result, key=lambda q: q.start)

