"""Word lists the layout rules share with the extractors, read from ``newsledger/data`` files.

Month, weekday and time-zone names come from ``data/times.json`` (the times lexicon) and outlet
names from ``data/media.txt`` (the sources list), so ingest and extract read one table each
instead of keeping copies. Only data files are read here: ingest never imports extract.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    return resources.files("newsledger").joinpath(f"data/{name}").read_text("utf-8")


@lru_cache(maxsize=1)
def times_lexicon() -> dict[str, Any]:
    return json.loads(_read("times.json"))  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def months() -> dict[str, int]:
    """Lower-case month names and abbreviations → month number."""
    lex = times_lexicon()
    return {**lex["months"], **lex["month_abbreviations"]}


@lru_cache(maxsize=1)
def weekdays() -> dict[str, int]:
    lex = times_lexicon()
    return {**lex["weekdays"], **lex["weekday_abbreviations"]}


@lru_cache(maxsize=1)
def timezones() -> frozenset[str]:
    """Lower-case single-word zone names ("gmt", "edt", "local")."""
    return frozenset(z.lower() for z in times_lexicon()["timezones"] if " " not in z)


@lru_cache(maxsize=1)
def media_names() -> tuple[str, ...]:
    """Outlet names as written (case-sensitive), longest first."""
    names = [ln.strip() for ln in _read("media.txt").splitlines()
             if ln.strip() and not ln.startswith("#")]
    return tuple(sorted(names, key=len, reverse=True))


@lru_cache(maxsize=1)
def media_re() -> re.Pattern[str]:
    """An outlet name, whole words only, optionally after "The"."""
    alts = "|".join(re.escape(n) for n in media_names())
    return re.compile(rf"(?:[Tt]he\s+)?(?:{alts})(?![\w-])")


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
