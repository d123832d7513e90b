"""The ledger's claimants: one canonical name per actor, and no claimant where the text names none.

A figure's claimant as the extractor wrote it ("Gaza's Hamas-run health ministry", "Ashraf
Al-Qidra", "11 Palestinians") becomes the ledger's claimant here, when the figure is stored and
when a reader filters by claimant:

- actors the alias tables know are made canonical (:mod:`newsledger.actors`, ``aliases.json``,
  ``claimants.json``), and so are the written variants in ``data/claimant_names.json``: a name
  matches a variant ignoring case, accents, hyphens, spaces and a possessive, and a person's name
  also when only its vowels differ, so transliterations merge ("Ashraf al-Qidra", "Ashraf Al
  Qudra" → "Ashraf al-Qudra");
- descriptions and counts are no claimant: a name starting with a number or an age ("11
  Palestinians", "22-year-old Palestinian"), a listed common noun ("army", "country",
  "witnesses"), a phrase with no capital letter ("local sources"), a bare role ("the Conservative
  MP"), or two actors run together ("Hamas - Israeli authorities");
- a repeated word is written once ("health ministry ministry" → "health ministry", which the
  alias table knows);
- an office is no claimant ("Israel's prime minister", "the Palestinian health minister": who
  held it is not said), nor an organisation's unnamed office, ministry or body ("UN Office",
  "Palestinian Authority ministry", "Israeli defence ministry body").

With the article at hand (:func:`claimant_in_article`, at ingest), a claimant written short takes
the name the article gives it: a surname its full name ("Sanders" → "Bernie Sanders" when the
article writes "Senator Bernie Sanders", and only one such person), an office its holder named
right after it ("Israel's Prime Minister Benjamin Netanyahu"), an organisation cut short its full
name when the table knows it ("UN Office" → "UN Office for the Coordination of Humanitarian
Affairs").

Users extend the table with a JSON file of the same shape named by ``NEWSLEDGER_CLAIMANTS``.
:func:`listing` groups a ledger's claimants with their point counts and the variants seen.
"""

from __future__ import annotations

import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from .. import actors, lexicons
from ..errors import LexiconError
from ..record import Figure

USER_TABLE_ENV = "NEWSLEDGER_CLAIMANTS"

_NUMBER_WORDS = ("unnamed", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                 "eleven", "twelve", "dozen", "dozens", "hundred", "hundreds", "thousand",
                 "thousands", "several", "many", "some", "few", "most", "all", "both")
_COUNT = re.compile(r"^(?:\d|(?:%s)\b)" % "|".join(_NUMBER_WORDS), re.IGNORECASE)
_AGE = re.compile(r"\b(?:\d+|[a-z]+)[- ]years?[- ]old\b", re.IGNORECASE)
# Two actors run together, or a span that crossed a quote or a paragraph.
_JOINED = re.compile(r"\s(?:and|or|&|-|–|—)\s|[\n\"“”]", re.IGNORECASE)
_PARTICLE = re.compile(r"(?<=\S )(?:al|el|Al|El|AL|EL)[- ](?=[A-Z])")
_PARTICLE_WORDS = frozenset({"al", "el", "ad", "as", "an", "ar", "at", "az", "ash"})
_ADJECTIVE = re.compile(r"^[\w'’]+-(?:run|led|controlled|backed|based|affiliated)$", re.I)
# Heads of phrases that name a kind of source, not one actor ("Israeli media").
_GENERIC_HEADS = frozenset({"media", "reports", "sources", "witnesses", "residents", "medics",
                            "locals", "activists", "statistics", "figures", "data",
                            "officials", "agency", "body"})
_VOWELS = re.compile(r"[aeiouy]")
_REPEAT = re.compile(r"(.)\1+")


@dataclass(frozen=True)
class Table:
    """The claimant table: written forms → canonical name, descriptions that name nobody."""

    by_key: dict[str, str]
    by_skeleton: dict[str, str]        # persons only: vowel-free key → canonical
    not_claimants: frozenset[str]
    roles: frozenset[str]
    sources: tuple[str, ...] = field(default=())


@lru_cache(maxsize=1)
def _name_particles() -> frozenset[str]:
    return lexicons.word_set("name_particles")


def fold(name: str) -> str:
    """The matching key of a name: no case, accents, hyphens, spaces, leading "the" or
    trailing possessive ("The Israel Defence Force's" → "israeldefenceforce")."""
    s = unicodedata.normalize("NFKD", name.replace("’", "'"))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower().strip()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s?$", "", s)
    return re.sub(r"[^0-9a-z]", "", s)


def is_person_like(name: str) -> bool:
    """Two or more words, each capitalised or a name particle ("Ashraf al-Qudra")."""
    words = name.split()
    return len(words) >= 2 and all(
        w[:1].isupper() or w.lower() in _PARTICLE_WORDS or "-" in w and w.split("-")[0].lower()
        in _PARTICLE_WORDS for w in words) and not any(w.isupper() and len(w) > 1 for w in words)


def skeleton(name: str) -> str:
    """A person's name without particles and vowels ("Ashraf Al-Qidra" → "ashrfqdr"), so
    transliterations that differ only in vowels meet."""
    words = []
    for w in name.split():
        low = w.lower()
        if low in _PARTICLE_WORDS:
            continue
        head, _, tail = low.partition("-")
        words.append(tail if tail and head in _PARTICLE_WORDS else low)
    # Per word: its first letter, its consonants and a final vowel ("Qudra", "Qidra" and
    # "Qudrah" meet; "Qadri" does not).
    out = []
    for w in words:
        k = fold(w).rstrip("h") or fold(w)
        if k:
            end = k[-1] if len(k) > 1 and k[-1] in "aeiouy" else ""
            out.append(_REPEAT.sub(r"\1", k[0] + _VOWELS.sub("", k[1:])) + end)
    return " ".join(out)


def _add(table: dict[str, Any], names: dict[str, list[str]], skel: dict[str, str],
         keys: dict[str, str]) -> None:
    for canon, variants in names.items():
        for form in (canon, *variants):
            keys[fold(form)] = canon
            if is_person_like(form):
                skel[skeleton(form)] = canon


def _read_user_table(path: str) -> dict[str, Any]:
    try:
        data = json.loads(Path(path).read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise LexiconError(f"{USER_TABLE_ENV}={path!r}: the claimant table cannot be read "
                           f"({exc}). Expected a JSON file like newsledger/data/"
                           "claimant_names.json, or unset the variable.") from None
    ok = isinstance(data, dict) and isinstance(data.get("names", {}), dict) and all(
        isinstance(v, list) and all(isinstance(x, str) for x in v)
        for v in data.get("names", {}).values()) and all(
        isinstance(data.get(k, []), list) for k in ("not_claimants", "roles"))
    if not ok:
        raise LexiconError(f"{USER_TABLE_ENV}={path!r}: expected an object with 'names' "
                           "(canonical claimant -> list of variants) and optional "
                           "'not_claimants' and 'roles' lists of strings.")
    return data


@lru_cache(maxsize=4)
def _table_for(user_path: str) -> Table:
    base = lexicons.claimant_names()
    keys: dict[str, str] = {}
    skel: dict[str, str] = {}
    _add(base, base["names"], skel, keys)
    not_c = {s.lower() for s in base["not_claimants"]}
    roles = {s.lower() for s in base["roles"]}
    sources = ["newsledger/data/claimant_names.json"]
    if user_path:
        user = _read_user_table(user_path)
        _add(user, user.get("names", {}), skel, keys)
        not_c |= {str(s).lower() for s in user.get("not_claimants", [])}
        roles |= {str(s).lower() for s in user.get("roles", [])}
        sources.append(user_path)
    # The series vocabulary's pronouns and bare nouns were the ledger's first such list.
    not_c |= {str(s).lower() for s in lexicons.series_vocabulary().get("not_claimants", [])}
    return Table(keys, skel, frozenset(not_c), frozenset(roles), tuple(sources))


def table() -> Table:
    """The package's claimant table plus the user's (``NEWSLEDGER_CLAIMANTS``), if any."""
    return _table_for(os.environ.get(USER_TABLE_ENV, "").strip())


def tidy(name: str) -> str:
    """Spacing normalised, determiner and possessive dropped, a repeated word written once."""
    c = actors.clean(name)
    c = re.sub(r"\b(\w+)(?:\s+\1\b)+", r"\1", c, flags=re.IGNORECASE)
    return c


def is_description(name: str, tab: Table | None = None) -> bool:
    """Whether a written claimant describes or counts people rather than naming an actor."""
    tab = tab or table()
    c = tidy(name)
    low = c.lower()
    if not c or _COUNT.match(c) or _AGE.search(c) or _JOINED.search(c):
        return True
    if low in tab.not_claimants or low in tab.roles:
        return True
    if not any(ch.isupper() for ch in c):
        return True  # "local sources", "the charity": nobody named
    words = low.split()
    first = c.split()[0]
    if first[:1].islower() and first.lower() not in _name_particles() \
            and first.split("-")[0].lower() not in _PARTICLE_WORDS:
        return True  # "local Hamas-run authorities", "local man in Azzun": a description
    if _ADJECTIVE.match(c) or (words[-1] in _GENERIC_HEADS and len(words) <= 3):
        return True  # "Hamas-run"; "Iranian state media", "Palestinian media reports"
    # A role with no name after it ("Conservative MP", "The hospital boss", "Israel's prime
    # minister", "the Palestinian health minister"): an office, whose holder is not said.
    for role in tab.roles:
        rw = role.split()
        if words[-len(rw):] == rw and len(words) - len(rw) <= 2:
            return True
    # An organisation's unnamed office or ministry ("UN Office", "Palestinian Authority
    # ministry": which one is not said), or an unnamed body ("Israeli defence ministry body").
    raw = c.split()
    if words[-1] == "body" or len(words) == 2 and words[-1] == "office":
        return True
    return words[-1] == "ministry" and len(raw) > 1 and all(w[:1].isupper() for w in raw[:-1])


def _lookup(c: str, tab: Table) -> str | None:
    hit = tab.by_key.get(fold(c))
    if hit is None and is_person_like(c):
        hit = tab.by_skeleton.get(skeleton(c))
    return hit


def canonical(name: str | None, mention: str | None = None) -> str | None:
    """The ledger's claimant for a name (else the mention) as written, or None when it names
    no actor. Idempotent: a canonical name maps to itself."""
    form = name or mention
    if not form or not form.strip():
        return None
    tab = table()
    c = tidy(form)
    if not c or _COUNT.match(c) or _AGE.search(c):
        return None
    hit = _lookup(c, tab)
    if hit is not None:
        return hit
    known = actors.canonical_actor(c)
    if known in actors.alias_table().values():
        return known
    found = actors.known_actor(c)
    if found is not None:
        return found
    if is_description(c, tab):
        return None
    if is_person_like(c):
        # "Ashraf Al Qudra", "Ashraf Al-Qudra": one spelling of the particle.
        c = _PARTICLE.sub("al-", c)
        hit = _lookup(c, tab)
        if hit is not None:
            return hit
    return c


def claimant_of(fig: Figure) -> str | None:
    """The ledger's claimant of a figure: its canonical name, else its mention, made canonical
    (None when the text names no actor)."""
    if fig.claimant is None:
        return None
    mention = fig.claimant.mention.text if fig.claimant.mention else None
    return canonical(fig.claimant.name, mention)


# Words before a surname that are no part of a name ("Senator", "Lord", "US", "But").
_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "dame",
                         "baroness", "baron", "the", "but", "and", "as", "after", "when", "while",
                         "meanwhile", "however", "in", "on", "at", "if", "so", "then", "now",
                         "also", "yet", "for", "with", "by", "from", "to", "of", "said", "says",
                         "later", "earlier", "separately", "elsewhere", "today", "yesterday"})
_NAME_WORD = r"(?:[A-Z][\w'’-]*|(?:al|el|abu|bin|ibn|van|von|de|da)-?[A-Z]?[\w'’-]*)"
_ORG_TAIL = re.compile(r"^[ \t]+(?:for|of|on)[ \t]+(?:the[ \t]+)?[A-Z][\w'’-]*"
                       r"(?:[ \t]+(?:[A-Z][\w'’-]*|of|and|the|for|on|in))*")
_HOLDER = re.compile(rf"^,?[ \t]+({_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,3}})")


@lru_cache(maxsize=1)
def _title_words() -> frozenset[str]:
    return frozenset(w for t in lexicons.titles() for w in t.replace(".", "").split())


def _known(name: str, tab: Table) -> bool:
    return _lookup(name, tab) is not None or name in actors.alias_table().values()


def _fuller_in(written: str, text: str, tab: Table) -> str | None:
    """The name the article gives a claimant written short: an organisation's full name the
    table knows, or an office's holder named right after it."""
    office = is_description(written, tab)
    for m in re.finditer(rf"(?<![\w-]){re.escape(written)}(?![\w-])", text, re.IGNORECASE):
        rest = text[m.end():m.end() + 120]
        tail = _ORG_TAIL.match(rest)
        while tail is not None:
            full = text[m.start():m.end() + tail.end()]
            hit = _lookup(full, tab) or (actors.canonical_actor(full)
                                         if _known(actors.canonical_actor(full) or "", tab)
                                         else None)
            if hit:
                return hit
            # "UN Office for the Coordination of Humanitarian Affairs in Gaza": try shorter.
            cut = full.rsplit(" ", 1)[0] if " " in full[len(written):].strip() else None
            tail = _ORG_TAIL.match(cut[len(m.group(0)):]) if cut and cut != full else None
        holder = _HOLDER.match(rest) if office else None
        if holder and is_person_like(holder.group(1)):
            c = canonical(holder.group(1))
            if c is not None and not is_description(c, tab):
                return c
    return None


def _full_name(surname: str, text: str) -> str | None:
    """The one full name the article writes a surname with ("Senator Bernie Sanders" →
    "Bernie Sanders"); None when it writes none, or two different ones."""
    found: set[str] = set()
    stop = _HONORIFICS | _title_words()
    for m in re.finditer(rf"((?:{_NAME_WORD}[ \t]+){{1,3}}){re.escape(surname)}(?![\w-])", text):
        words = m.group(1).split()
        popped = False
        while words and (words[0].lower().strip(".") in stop or words[0].isupper()):
            words.pop(0)
            popped = True
        if not words or any(w.lower().strip(".") in stop for w in words):
            continue
        # A capitalised word opening a sentence ("Later Sanders said") is no given name when
        # the article also writes it in lower case, unless it is a known given name.
        opens = not popped and re.search(r"(?:^|[.!?\"“”\n])\s*$", text[:m.start()]) is not None
        first = words[0].lower()
        if opens and first not in lexicons.first_names() \
                and re.search(rf"(?<![\w-]){re.escape(first)}(?![\w-])", text) is not None:
            continue
        found.add(" ".join(words + [surname]))
    if len(found) != 1:
        return None
    full = found.pop()
    return full if is_person_like(full) else None


def in_article(name: str | None, mention: str | None, text: str | None) -> str | None:
    """The ledger's claimant for a name as written in an article, completed from the article's
    text: a surname takes the article's full name, an office its holder, an organisation cut
    short its full name; else :func:`canonical`."""
    canon = canonical(name, mention)
    written = tidy(name or mention or "")
    if not text or not written or (canon is not None and _known(canon, table())):
        return canon
    tab = table()
    if canon is None and (_COUNT.match(written) or _AGE.search(written)):
        return None
    fuller = _fuller_in(written, text, tab)
    if fuller is not None:
        return fuller
    if canon is not None and " " not in canon and canon[:1].isupper() and not canon.isupper() \
            and len(canon) > 2:
        full = _full_name(canon, text)
        if full is not None:
            return canonical(full) or canon
    return canon


# "health officials in the Hamas-run Gaza Strip": a description and where it sits.
_WHERE_TAIL = re.compile(r"^[ \t]+(?:in|of)[ \t]+(?:the[ \t]+)?(?:[\w'’]+-(?:run|controlled|ruled|"
                         r"governed|led)[ \t]+)?([A-Z][\w'’-]*(?:[ \t]+[A-Z][\w'’-]*)?)")
# An attribution the figure's sentence states when the figure got none.
_ACCORDING = re.compile(r"\baccording[ \t]+to[ \t]+((?:[\w'’-]+[ \t]*){1,8}?)(?=[,.;:—–\"”]|$)|"
                        r"((?:[\w'’-]+[ \t]+){1,6}?)(?:said|says|say|reported|reports|announced)\b",
                        re.IGNORECASE)


def _placed(written: str, text: str) -> str | None:
    """A description completed with where the article places it ("health officials" + "in the
    Hamas-run Gaza Strip" → "health officials in gaza strip"), made canonical if the tables
    know it."""
    for m in re.finditer(rf"(?<![\w-]){re.escape(written)}(?![\w-])", text, re.IGNORECASE):
        tail = _WHERE_TAIL.match(text[m.end():m.end() + 80])
        if tail is None:
            continue
        for where in (tail.group(1), tail.group(1).split()[0]):
            hit = actors.canonical_actor(f"{written} in {where}")
            if hit is not None and _known(hit, table()):
                return hit
    return None


def _stated_authority(fig: Figure, text: str) -> str | None:
    """For a figure with no claimant: the one local authority (``claimant_places`` in
    ``series.json``: "Gaza health ministry") its sentence attributes a claim to ("…, according
    to the Gaza Ministry of Health"). Anything else stays unattributed."""
    if not (0 <= fig.span.start < fig.span.end <= len(text)):
        return None
    places = lexicons.series_vocabulary().get("claimant_places", {})
    lo = max(text.rfind(". ", 0, fig.span.start), text.rfind("\n", 0, fig.span.start)) + 1
    hi = text.find(". ", fig.span.end)
    sentence = text[lo:hi if hi >= 0 else len(text)]
    at, end = fig.span.start - lo, fig.span.end - lo
    found = set()
    for m in _ACCORDING.finditer(sentence):
        # Another count between the figure and the attribution is what it attributes ("attacks
        # that officials say killed 1,200 people, the army has killed 21,000, according to the
        # ministry"), and so is a figure another speaker's verb governs before it.
        between = sentence[end:m.start()] if m.start() >= end else sentence[m.end():at]
        if re.search(r"\d", between) or m.start() >= end and \
                _OTHER_SPEAKER.search(sentence[max(0, at - 40):at]):
            continue
        phrase = (m.group(1) or m.group(2) or "").strip()
        words = phrase.split()
        # the longest tail of the phrase that names an authority ("the Gaza Ministry of Health")
        for k in range(len(words)):
            c = canonical(" ".join(words[k:]))
            if c is not None and c in places:
                found.add(c)
                break
    return found.pop() if len(found) == 1 else None


# "officials say killed …": the figure is claimed by the speaker right before it.
_OTHER_SPEAKER = re.compile(r"\b(?:say|says|said|claim|claims|claimed|believe|believes)\b"
                            r"[^,;]{0,25}$", re.IGNORECASE)


# Words that point back at the actor the sentence before names ("It says 18,205 …").
_BACK_REFERENCES = frozenset({"it", "they", "officials", "officials there", "the officials"})


@lru_cache(maxsize=1)
def _authority_names() -> tuple[re.Pattern[str], dict[str, str]]:
    places = lexicons.series_vocabulary().get("claimant_places", {})
    names = {k: v for k, v in actors.alias_table().items() if v in places and len(k) > 3}
    names.update({c.lower(): c for c in places})
    alts = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, alts)),
                      re.IGNORECASE), names


def _referred_authority(fig: Figure, text: str) -> str | None:
    """The one local authority the sentence before names, for a claimant written as a pronoun
    or a bare "officials" ("… figures from the Hamas-run health ministry in Gaza. It says
    18,205 …"); None when it names none or several."""
    if not (0 <= fig.span.start <= len(text)):
        return None
    lo = max(text.rfind(". ", 0, fig.span.start), text.rfind("\n", 0, fig.span.start))
    if lo < 0 or text[lo] == "\n":
        return None  # no sentence before in this paragraph
    start = max(text.rfind(". ", 0, lo), text.rfind("\n", 0, lo)) + 1
    pattern, names = _authority_names()
    found = {names[m.group(0).lower()] for m in pattern.finditer(text[start:lo + 1])}
    return found.pop() if len(found) == 1 else None


def claimant_in_article(fig: Figure, text: str | None) -> str | None:
    """:func:`claimant_of`, completed from the article's text (:func:`in_article`); a
    description completed with where the article places it; a pronoun or bare "officials" the
    one local authority the sentence before names; for a figure with none, the one local
    authority its sentence names as the source."""
    if fig.claimant is None:
        return _stated_authority(fig, text) if text else None
    mention = fig.claimant.mention.text if fig.claimant.mention else None
    found = in_article(fig.claimant.name, mention, text)
    if found is None and text:
        written = tidy(fig.claimant.name or mention or "")
        if written and not _COUNT.match(written):
            found = _placed(written, text)
        if found is None and written.lower() in _BACK_REFERENCES:
            found = _referred_authority(fig, text)
    return found


@dataclass
class Claimant:
    """One canonical claimant in a ledger: how many points, in how many series, as written how."""

    name: str
    points: int = 0
    series: set[str] = field(default_factory=set)
    variants: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def to_dict(self) -> dict[str, Any]:
        return {"claimant": self.name, "points": self.points, "series": len(self.series),
                "variants": [[v, n] for v, n in sorted(self.variants.items(),
                                                       key=lambda kv: (-kv[1], kv[0]))]}


def listing(rows: Iterable[dict[str, Any]]) -> tuple[list[dict[str, Any]], int]:
    """Claimants of a ledger from its figure rows (``claimant`` as stored, ``claimant_name``,
    ``claimant_mention``, ``series_id``, ``points``), made canonical again (so a table edited since ingest counts),
    most points first; and how many points have no claimant."""
    out: dict[str, Claimant] = {}
    none = 0
    for r in rows:
        n = int(r.get("points") or 1)
        # The stored claimant was completed from its article ("Sanders" → "Bernie Sanders"):
        # made canonical again, it stays so; with none stored, the written name is read again.
        canon = canonical(r["claimant"]) if r.get("claimant") else \
            canonical(r.get("claimant_name"), r.get("claimant_mention"))
        if canon is None:
            none += n
            continue
        c = out.setdefault(canon, Claimant(canon))
        c.points += n
        if r.get("series_id"):
            c.series.add(str(r["series_id"]))
        written = r.get("claimant_name") or r.get("claimant_mention")
        if written:
            c.variants[" ".join(str(written).split())] += n
    rows_out = [c.to_dict() for c in sorted(out.values(), key=lambda c: (-c.points, c.name))]
    return rows_out, none
