"""Who is who: canonical names of people, bodies and outlets (no spaCy; extract, ledger and
evaluation share it).

Within an article a short form resolves to the longest full name it is part of
(:class:`NameResolver`: "Kirby" → "John Kirby", titles and determiners dropped); across articles
:func:`canonical_actor` maps aliases from ``data/aliases.json`` ("IDF" → "Israel Defense Forces"),
:func:`claimant_name` gives the ledger's claimant ("a spokesman for the Hamas-run health ministry"
→ "Gaza health ministry", with ``data/claimants.json``), and :func:`is_media` tells outlets from
other bodies (``data/media.txt``). Names are never invented: an unknown stays as written or None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from . import lexicons
from .lexicons import media_names

_DETERMINERS = ("the ", "a ", "an ")
_POSSESSIVE = re.compile(r"[’']s?$")
_SPACE = re.compile(r"\s+")


@lru_cache(maxsize=1)
def titles() -> tuple[str, ...]:
    """Role words dropped from the front of names, longest first."""
    return tuple(sorted(set(lexicons.titles()), key=len, reverse=True))


@lru_cache(maxsize=1)
def alias_table() -> dict[str, str]:
    """Lower-case alias → canonical actor name."""
    table: dict[str, str] = {}
    for canon, aliases in lexicons.aliases().items():
        table[canon.lower()] = canon
        for a in aliases:
            table[a.lower()] = canon
    return table


@lru_cache(maxsize=1)
def postnominals() -> frozenset[str]:
    """Letters and suffixes after a name ("Cathryn McGahey KC", "Martin Luther King Jr")."""
    return lexicons.postnominals()


def strip_postnominals(name: str) -> str:
    """Drop trailing post-nominal letters so that "McGahey" finds "Cathryn McGahey KC"."""
    words = name.split()
    while len(words) > 2 and words[-1].rstrip(".,") in postnominals():
        words.pop()
        if words[-1].endswith(","):
            words[-1] = words[-1][:-1]
    return " ".join(words)


def clean(name: str) -> str:
    """Normalise spacing, drop a leading determiner and a trailing possessive."""
    name = _SPACE.sub(" ", name).strip(" ,.;:—–-\"“”‘’'")
    low = name.lower()
    for d in _DETERMINERS:
        if low.startswith(d) and len(name) > len(d):
            name = name[len(d):]
            break
    return _POSSESSIVE.sub("", name) if name.endswith(("’s", "'s", "s’", "s'")) else name


_SPACED_ABBREVIATION = re.compile(r"\b(?:[A-Z]\.\s?){1,3}[A-Z]\b\.?")


def join_abbreviations(name: str) -> str:
    """Spaced initials as one abbreviation: "U. S. Secretary" → "U.S. Secretary", "U. K" →
    "U.K." (some outlets space them; a title is only found in a name once its words are whole)."""
    return _SPACED_ABBREVIATION.sub(lambda m: ".".join(re.findall(r"[A-Z]", m.group(0))) + ".",
                                    name)


@lru_cache(maxsize=1)
def _titles_by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Each title's words, indexed by its first word: a name is checked word by word."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for t in titles():
        tw = tuple(t.split())
        index.setdefault(tw[0], []).append(tw)
    return {k: tuple(v) for k, v in index.items()}


@lru_cache(maxsize=8192)  # the same few names come back many times per article
def strip_titles(name: str) -> str:
    """Drop role words from the front: "White House spokesperson John Kirby" → "John Kirby"
    only when what is left still looks like a name (capitalised words)."""
    words = name.split()
    # Find the last title word; a person's name follows it ("Hamas senior official Khalil al-Hayya").
    best = -1
    low = tuple(w.lower() for w in words)
    index = _titles_by_first_word()
    for i, w in enumerate(low):
        for tw in index.get(w, ()):
            if low[i:i + len(tw)] == tw:
                best = max(best, i + len(tw) - 1)
    if best >= 0 and best < len(words) - 1:
        rest = words[best + 1:]
        if all(w[:1].isupper() or w.lower() in _PARTICLES or w.lower().startswith(_PREFIXES)
               for w in rest):
            return " ".join(rest)
    return name


_OWNER_PREFIX = re.compile(r"^(?:the\s+)?[\w-]+(?:'s|’s)\s+", re.IGNORECASE)


def canonical_actor(name: str | None) -> str | None:
    """The cross-article canonical name of an actor (for the ledger), or the cleaned name."""
    if not name:
        return None
    c = clean(name)
    table = alias_table()
    # "Israel’s army" and "Israel's army" are one form (typographic apostrophes vary by outlet).
    key = c.lower().replace("’", "'")
    found = table.get(key, table.get(name.lower().strip().replace("’", "'")))
    if found is None:
        # "the region's Hamas-run health ministry", "Gaza’s government media office": the
        # owner in front does not change who the body is.
        m = _OWNER_PREFIX.match(c)
        if m:
            found = table.get(key[m.end():])
    return found or c


class NameResolver:
    """Resolves name mentions within one article to the fullest form the article gives."""

    def __init__(self) -> None:
        self.persons: list[str] = []  # full person names seen, in order

    def add_person(self, name: str) -> str:
        # A name never runs over a line break: "said on X.\nPalestinians" is not "X. Palestinians".
        name = name.rsplit("\n", 1)[-1]
        name = strip_postnominals(strip_titles(clean(name)))
        if name and name not in self.persons:
            self.persons.append(name)
        return name

    def person(self, mention: str) -> str | None:
        """Full name for a person mention: a surname or first name resolves to the longest
        person name that contains it as a whole word; None for a pronoun or nothing known."""
        m = strip_titles(clean(mention))
        if not m or m.lower() in _PRONOUNS:
            return None
        parts = [bare_word(w) for w in m.lower().split() if w not in _PARTICLES] or \
            [bare_word(w) for w in m.lower().split()]
        best: str | None = None
        for full in self.persons:
            # A particle is not part of the match: "Sarea" is "Yahya al-Sarea", "Leyen" is
            # "Ursula von der Leyen" (particles written as words are dropped too).
            fw = [bare_word(w) for w in full.lower().split() if w not in _PARTICLES]
            if len(fw) < len(parts):
                continue
            # "Kirby" matches "John Kirby"; "al-Hayya" matches "Khalil al-Hayya" (case-insensitive).
            if fw[-len(parts):] == parts or fw[:len(parts)] == parts:
                if best is None or len(full) > len(best):
                    best = full
        if best is None and len(parts) == 1:
            # A bare surname the article never expands ("Putin said"): the public figure a
            # news reader knows by it (data/public_figures.json), never a guess between two.
            best = public_figure(m)
        return best or m

    def resolve(self, mention: str, label: str | None = None) -> str | None:
        """Canonical in-article name for any mention."""
        if label == "PERSON":
            return self.person(mention)
        m = clean(mention)
        if not m or m.lower() in _PRONOUNS:
            return None
        full = self.person(m) if label is None and m[:1].isupper() else None
        if full and full != m:
            return full
        return strip_titles(m) if label is None else m


# Lower-case parts of names ("Khalil al-Hayya", "Ursula von der Leyen").
_PARTICLES = lexicons.word_set("name_particles")
_PREFIXES = ("al-", "el-", "ad-", "as-", "an-", "ar-", "at-", "az-", "ash-", "abu-", "bin-")


def bare_word(word: str) -> str:
    """A lower-case name word without its particle prefix or possessive: "al-serr" → "serr"."""
    word = _POSSESSIVE.sub("", word) if word.endswith(("’s", "'s")) else word
    for p in _PREFIXES:
        if word.startswith(p) and len(word) > len(p) + 1:
            return word[len(p):]
    return word


@lru_cache(maxsize=1)
def _public_figures() -> dict[str, str]:
    """Lower-case surname → full name, for surnames that name one public figure only."""
    out: dict[str, str] = {}
    for full, forms in lexicons.public_figures().items():
        for f in forms:
            out[f.lower()] = full
    return out


def public_figure(mention: str) -> str | None:
    """The full name of a public figure news calls by surname alone ("Putin" → "Vladimir
    Putin"), from data/public_figures.json; None for anyone else."""
    return _public_figures().get(clean(mention).lower().replace("’", "'"))

_PRONOUNS = frozenset({
    "he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "us_pron", "his", "its",
    "their", "this", "that", "who", "which",
})


# -- claimants: the ledger's canonical actor for a speaker ------------------------------------

def known_actor(form: str) -> str | None:
    """A canonical actor for a written form, from the alias table or ``data/claimants.json``
    (spelling variants such as "Gaza's Hamas run-health ministry")."""
    canon = canonical_actor(form)
    if canon in alias_table().values():
        return canon
    f = re.sub(r"\s+", " ", form.strip())
    for pat, name in lexicons.claimant_patterns():
        if pat.fullmatch(f):
            return name
    m = _SPOKES.match(f)
    if m:
        return known_actor(m.group(1))
    return None


_SPOKES = re.compile(r"^(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:spokes(?:man|woman|person)|officials?|"
                     r"director(?:-general)?|head|chief|minister|statement|update|figures|data)"
                     r"\s+(?:for|of|from|at|by)\s+(.+)$", re.IGNORECASE)


def claimant_name(name: str | None, context: list[str] | None = None) -> str | None:
    """The ledger's canonical actor for a speaker name: "the Hamas-run health ministry" →
    "Gaza health ministry"; "a spokesman for the Hamas-run health ministry" speaks for the
    ministry, so it is the ministry too. Person names stay as they are."""
    for form in context or []:
        known = known_actor(form)
        if known is not None and (not name or known_actor(name) is None):
            return known
    if not name:
        return None
    canon = canonical_actor(name)
    if canon in alias_table().values():
        return canon
    known = known_actor(name)
    if known is not None:
        return known
    m = _SPOKES.match(name.strip())
    # "Hamas-run health ministry officials": the officials speak for the ministry.
    trimmed = re.sub(r"\s+(?:officials?|spokes(?:man|woman|person)|sources?|staff|statement|"
                     r"figures|data|update)$", "", name.strip(), flags=re.IGNORECASE)
    for cand in ([m.group(1)] if m else []) + [trimmed, name]:
        # "the Hamas-controlled health ministry in Gaza": drop a trailing place phrase too.
        for form in (cand, re.sub(r"\s+(?:in|of)\s+(?:the\s+)?(?:Gaza(?:\s+Strip)?|the Strip|"
                                  r"there|the territory)$", "", cand, flags=re.IGNORECASE)):
            inner = canonical_actor(form)
            if inner in alias_table().values() and (m or form != cand or cand != name):
                return inner
    return canon


# -- outlets --------------------------------------------------------------------------------------

_MEDIA_WORDS = re.compile(r"\b(?:TV|News|Times|Post|Journal|Radio|Channel|Press|Network|"
                          r"Broadcasting|Herald|Tribune|Gazette|Telegraph|Guardian|Daily|"
                          r"Magazine|Newspaper|Media|Agency|Reuters|AFP|BBC|CNN|NPR)\b")


@lru_cache(maxsize=1)
def _media_lower() -> frozenset[str]:
    return frozenset(m.lower() for m in media_names())


def is_media(name: str) -> bool:
    """Whether a name is a news outlet's ("Channel 12", "Reuters", a name in data/media.txt)."""
    low = name.lower()
    # "Economist" as tagged, for "The Economist" as listed: the article is part of the name.
    return bool(_MEDIA_WORDS.search(name)) or low in _media_lower() or \
        f"the {low}" in _media_lower()
