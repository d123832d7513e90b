"""Every word list and table in ``newsledger/data``, read once, typed and checked at load.

Two formats, one parser each:

- **word lists** (``.txt``): one entry a line, its fields split on white space (or on a tab where
  an entry may hold spaces: ``hedges.txt``); ``#`` starts a comment, blank lines are skipped;
- **tables** (``.json``): keys starting with ``_`` are comments.

A malformed entry raises :class:`~newsledger.errors.LexiconError` naming the file and line, at
the first use of that lexicon (``tests/test_lexicons.py`` loads every one). Extractors, ingest and
the ledger read their data here, never from the files themselves.
"""

from __future__ import annotations

import copy
import json
import re
from dataclasses import dataclass
from collections.abc import Sequence
from functools import lru_cache
from importlib import resources
from typing import Any

from .errors import LexiconError

# -- the two parsers ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Entry:
    """One entry of a word list: its line number (1-based) and its fields."""

    line: int
    fields: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.fields)


def read_text(name: str) -> str:
    """The text of ``data/<name>``."""
    try:
        return resources.files("newsledger").joinpath(f"data/{name}").read_text("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"data/{name}: cannot be read ({exc}); reinstall newsledger.") from exc


@lru_cache(maxsize=None)
def entries(name: str, sep: str | None = None) -> tuple[Entry, ...]:
    """The entries of the word list ``data/<name>``; fields split on ``sep`` (white space)."""
    out = []
    for n, line in enumerate(read_text(name).splitlines(), start=1):
        body = line.split("#", 1)[0]
        if not body.strip():
            continue
        fields = tuple(f.strip() for f in body.split(sep)) if sep else tuple(body.split())
        out.append(Entry(n, fields))
    return tuple(out)


def words(name: str) -> tuple[str, ...]:
    """A one-field word list (multi-word entries allowed) as written, in file order."""
    return tuple(e.text for e in entries(name))


def table(name: str) -> dict[str, Any]:
    """The JSON table ``data/<name>``, without its ``_`` comment keys at the top level (a copy of
    its own for each caller: callers derive their structures from it)."""
    return copy.deepcopy(_table(name))


@lru_cache(maxsize=None)
def _table(name: str) -> dict[str, Any]:
    try:
        data = json.loads(read_text(name))
    except json.JSONDecodeError as exc:
        raise LexiconError(f"data/{name}:{exc.lineno}: {exc.msg}; fix the JSON.") from None
    if not isinstance(data, dict):
        raise LexiconError(f"data/{name}:1: expected a JSON object, found {type(data).__name__}.")
    return {k: v for k, v in data.items() if not k.startswith("_")}


def _line_of(name: str, needle: str) -> int:
    """The line of ``data/<name>`` where ``needle`` (as JSON writes it) first appears."""
    text = read_text(name)
    at = text.find(json.dumps(needle, ensure_ascii=False)[1:-1])
    return text.count("\n", 0, at) + 1 if at >= 0 else 1


def _fail(name: str, entry: Entry | int, what: str) -> LexiconError:
    line = entry.line if isinstance(entry, Entry) else entry
    return LexiconError(f"data/{name}:{line}: {what}")


def _strings(name: str, value: Any, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(name, _line_of(name, where), f"{where!r} must be a list of strings.")
    return value


# -- word lists ---------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def cue_flags() -> dict[str, frozenset[str]]:
    """Speech cues (``cues.txt``): lower-case verb lemma → its flags (q, c, o, p, f)."""
    out: dict[str, frozenset[str]] = {}
    for e in entries("cues.txt"):
        lemma, *flags = e.fields
        bad = [f for f in flags if f not in _CUE_FLAGS]
        if bad:
            raise _fail("cues.txt", e, f"unknown flag(s) {bad} after {lemma!r}; expected some "
                        f"of {' '.join(_CUE_FLAGS)}.")
        out[lemma.lower()] = out.get(lemma.lower(), frozenset()) | frozenset(flags)
    return out


_CUE_FLAGS = ("q", "c", "o", "p", "f")
_HEDGE_DIRECTIONS = ("before", "after", "any")


@lru_cache(maxsize=1)
def hedges() -> tuple[tuple[str, str], ...]:
    """Hedging phrases (``hedges.txt``): (phrase, direction: before, after or any)."""
    out = []
    for e in entries("hedges.txt", sep="\t"):
        if len(e.fields) > 2:
            raise _fail("hedges.txt", e, "expected PHRASE<TAB>DIRECTION, found more tabs.")
        phrase = " ".join(e.fields[0].split())
        direction = e.fields[1] if len(e.fields) > 1 and e.fields[1] else "any"
        if direction not in _HEDGE_DIRECTIONS:
            raise _fail("hedges.txt", e, f"direction {direction!r} is not one of "
                        f"{', '.join(_HEDGE_DIRECTIONS)}.")
        out.append((phrase, direction))
    return tuple(out)


@lru_cache(maxsize=1)
def first_names() -> dict[str, str]:
    """Gendered given names (``first_names.txt``): lower-case name → "f" or "m"."""
    out: dict[str, str] = {}
    for e in entries("first_names.txt"):
        if len(e.fields) != 2 or e.fields[0] not in ("f", "m"):
            raise _fail("first_names.txt", e, f"expected 'f NAME' or 'm NAME', found {e.text!r}.")
        out[e.fields[1]] = e.fields[0]
    return out


def _lower_words(name: str) -> frozenset[str]:
    return frozenset(w.lower() for w in words(name))


def titles() -> tuple[str, ...]:
    """Role words dropped from the front of names (``titles.txt``), lower case."""
    return tuple(w.lower() for w in words("titles.txt"))


def postnominals() -> frozenset[str]:
    """Post-nominal letters and suffixes (``postnominals.txt``), as written."""
    return frozenset(words("postnominals.txt"))


def non_speakers() -> frozenset[str]:
    """Head nouns that cannot speak (``non_speakers.txt``), lower case."""
    return _lower_words("non_speakers.txt")


def claim_verbs() -> frozenset[str]:
    """Verbs whose subject claims the figure they govern (``claim_verbs.txt``)."""
    return frozenset(words("claim_verbs.txt"))


def number_idioms() -> tuple[str, ...]:
    """Phrases in which a number word is no figure (``number_idioms.txt``), lower case."""
    return tuple(w.lower() for w in words("number_idioms.txt"))


def parse_words() -> frozenset[str]:
    """Words that make a sentence worth parsing on the speed path (``parse_cues.txt``)."""
    return frozenset(f for e in entries("parse_cues.txt") for f in e.fields)


@lru_cache(maxsize=1)
def media_names() -> tuple[str, ...]:
    """Outlet names as written (case-sensitive), longest first (``media.txt``)."""
    return tuple(sorted(words("media.txt"), key=len, reverse=True))


@lru_cache(maxsize=1)
def media_re() -> re.Pattern[str]:
    """An outlet name, whole words only, optionally after "The"."""
    alts = first_char_alternation(media_names())
    # "(?:[Tt]he\s+)?(?:ALTS)" spelled as one alternation whose branches all start with a literal:
    # the same matches, and the regex engine skips every offset whose character starts no name.
    return re.compile(rf"(?:The\s+(?:{alts})|the\s+(?:{alts})|{alts})(?![\w-])")


# Characters that IGNORECASE matches to an ASCII letter although str.lower() does not map them
# to it (and the one whose lower case is two characters long).
_FOLD_ODD = ("\u0130", "\u0131", "\u017f", "\u212a")


def lowered(text: str) -> str:
    """``text.lower()`` when a case-insensitive regex for ASCII words finds in ``text`` exactly
    what a plain search finds in it, at the same offsets; "" otherwise (then use the regex)."""
    return "" if any(c in text for c in _FOLD_ODD) else text.lower()


def first_char_alternation(alternatives: Sequence[str]) -> str:
    """``"|".join(map(re.escape, alternatives))`` for a case-sensitive pattern, grouped by first
    character: the same matches (at each offset the first alternative that matches still wins,
    as only one group can match there), but each offset is tested against one group instead of
    every alternative (a 200-name list cost a fifth of a millisecond per sentence)."""
    if not all(alternatives):
        return "|".join(re.escape(a) for a in alternatives)
    groups: dict[str, list[str]] = {}
    for a in alternatives:
        groups.setdefault(a[0], []).append(a[1:])
    return "|".join(re.escape(first) + ("(?:" + "|".join(re.escape(r) for r in rests) + ")"
                                        if rests != [""] else "")
                    for first, rests in groups.items())


@lru_cache(maxsize=1)
def media_re_nocase() -> re.Pattern[str]:
    """An outlet name in any case ("FRANCE 24"), for credit lines written in capitals. Not for
    running text: "ap" or "kan" in lower case are ordinary words there."""
    alts = "|".join(re.escape(n) for n in media_names() if len(n) >= 4)
    return re.compile(rf"(?<![\w-])(?:the\s+)?(?:{alts})(?![\w-])", re.IGNORECASE)


@lru_cache(maxsize=1)
def media_canonical() -> dict[str, str]:
    """Lower-case outlet name → the name as the list writes it."""
    return {n.lower(): n for n in reversed(media_names())}


# -- tables -------------------------------------------------------------------------------------


@lru_cache(maxsize=1)
def aliases() -> dict[str, list[str]]:
    """Canonical actor → its aliases (``aliases.json``)."""
    data = table("aliases.json")
    for canon, names in data.items():
        _strings("aliases.json", names, canon)
    return data


@lru_cache(maxsize=1)
def public_figures() -> dict[str, list[str]]:
    """Full name → the surname forms news uses alone for that public figure
    (``public_figures.json``)."""
    data = table("public_figures.json")
    for full, forms in data.items():
        _strings("public_figures.json", forms, full)
    return data


@lru_cache(maxsize=1)
def claimant_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, canonical claimant) from ``claimants.json``; every pattern must compile."""
    out = []
    for name, pats in table("claimants.json").items():
        for p in _strings("claimants.json", pats, name):
            try:
                out.append((re.compile(p, re.IGNORECASE), name))
            except re.error as exc:
                raise _fail("claimants.json", _line_of("claimants.json", p),
                            f"pattern {p!r} for {name!r} is not a regular expression: {exc}."
                            ) from None
    return tuple(out)


@lru_cache(maxsize=1)
def claimant_names() -> dict[str, Any]:
    """The ledger's claimant table (``claimant_names.json``): ``names`` (canonical → written
    variants), ``not_claimants`` and ``roles`` (descriptions that name no actor)."""
    data = table("claimant_names.json")
    names = data.get("names")
    if not isinstance(names, dict):
        raise _fail("claimant_names.json", _line_of("claimant_names.json", "names"),
                    "'names' must be an object: canonical claimant -> list of variants.")
    for canon, variants in names.items():
        _strings("claimant_names.json", variants, canon)
    for key in ("not_claimants", "roles"):
        _strings("claimant_names.json", data.get(key), key)
    return data


def times() -> dict[str, Any]:
    """Month, weekday, holiday, unit and other time words (``times.json``)."""
    return table("times.json")


@lru_cache(maxsize=1)
def metrics() -> dict[str, Any]:
    """Metric rules and noun classes (``metrics.json``); every rule names a known metric."""
    from .record import METRICS

    data = table("metrics.json")
    for rule in data["rules"]:
        if rule.get("metric") not in METRICS:
            raise _fail("metrics.json", _line_of("metrics.json", str(rule.get("metric"))),
                        f"metric {rule.get('metric')!r} is not one of {', '.join(METRICS)}.")
    return data


def units() -> dict[str, Any]:
    """Units, scale words and time units written after numbers (``units.json``)."""
    return table("units.json")


def approximators() -> dict[str, Any]:
    """Words that make a figure approximate, by position (``approximators.json``)."""
    return table("approximators.json")


def vague_numbers() -> dict[str, Any]:
    """Vague quantity words and the range each stands for (``vague_numbers.json``)."""
    return table("vague_numbers.json")


def series_vocabulary() -> dict[str, Any]:
    """Subjects and places that name ledger series (``series.json``)."""
    return table("series.json")


@lru_cache(maxsize=1)
def word_lists() -> dict[str, frozenset[str]]:
    """The named word lists of ``words.json`` (content words the extractors match)."""
    return {k: frozenset(_strings("words.json", v, k)) for k, v in table("words.json").items()}


def word_set(name: str) -> frozenset[str]:
    """One named word list from ``words.json``."""
    lists = word_lists()
    if name not in lists:
        raise LexiconError(f"data/words.json has no list {name!r}; it has "
                           f"{', '.join(sorted(lists))}.")
    return lists[name]


@lru_cache(maxsize=1)
def naming() -> dict[str, frozenset[str]]:
    """The word lists of the name-cleaning stage (``naming.json``): honorifics, page furniture,
    descriptors before and after a body's name, kinds of body, role words, states and the
    capitals that speak for them; lower case."""
    return {k: frozenset(w.lower() for w in _strings("naming.json", v, k))
            for k, v in table("naming.json").items()}


def ledger_metadata() -> dict[str, Any]:
    """Datasette table and column descriptions (``ledger_metadata.json``)."""
    return table("ledger_metadata.json")


# -- views shared by ingest and extract ---------------------------------------------------------


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Lower-case month names and abbreviations → month number."""
    lex = times()
    return {**lex["months"], **lex["month_abbreviations"]}


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    lex = times()
    return {**lex["weekdays"], **lex["weekday_abbreviations"]}


@lru_cache(maxsize=1)
def timezones() -> frozenset[str]:
    """Lower-case single-word zone names ("gmt", "edt", "local")."""
    return frozenset(z.lower() for z in times()["timezones"] if " " not in z)


# Every lexicon, for the test that loads them all and for `newsledger` diagnostics.
ALL = (cue_flags, hedges, first_names, titles, postnominals, non_speakers, claim_verbs,
       number_idioms, parse_words, media_names, aliases, claimant_patterns, claimant_names, times,
       metrics, units, approximators, vague_numbers, series_vocabulary, ledger_metadata,
       word_lists, public_figures, naming)
