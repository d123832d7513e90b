"""People named by their role: "the mayor", "Israel's Prime Minister", "the Russian leader".

A role is a description, never a name: it stands for the person the article names in that role
nearby ("Ihor Terekhov, the mayor," or "Mayor Ihor Terekhov"; "Russian President Vladimir Putin"
for "the Russian president" or "the Russian leader"), and for nobody when the article names none
or names two. Each look-up scans a bounded number of mentions, so many stay linear.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...actors import titles
from ... import lexicons

# Nouns naming a person by role: "the spokesperson said" refers back to a person.
PERSON_ROLES = lexicons.word_set("person_roles")
# Roles that say only that someone leads: "the Russian leader" is whoever the article introduced
# with a Russian title of office.
_GENERIC_ROLES = frozenset({"leader", "head", "chief", "boss", "strongman"})
# How far a role looks for its holder (characters): back, then ahead; mentions scanned at most.
BACK = 1500
AHEAD = 600
_SCAN = 30
# A mention: (position, name, kind), as the speaker resolver keeps them.
Mention = tuple[int, str, str]


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(w for t in titles() for w in t.split())


@lru_cache(maxsize=1)
def bare_title_words() -> frozenset[str]:
    """Words a title-only mention is made of ("the Secretary General", "the prime minister");
    single-word titles only, so that "Hamas" (from "Hamas official") is not one."""
    single = {t for t in titles() if " " not in t}
    return frozenset(single | PERSON_ROLES | {"prime", "vice", "deputy", "foreign", "defense",
                                              "defence", "interior", "national", "security",
                                              "senior", "state", "top", "chief"})


def possessed_role(span: SpacySpan) -> str | None:
    """The role in "Israel's Prime Minister" (a possessor, then title words only), else None."""
    cut = next((t.i for t in span if t.text in ("'s", "’s") or t.dep_ == "case"), None)
    if cut is None:
        return None
    rest = [t for t in span if t.i > cut]
    bare = bare_title_words()
    if not rest or not all(t.lower_ in bare for t in rest):
        return None
    return " ".join(t.text for t in rest)


def apposed_role(span: SpacySpan) -> bool:
    """Whether a proper name has a person's role in apposition ("X, Ukraine’s Minister of
    Defense, said"; "X, a spokesman for …")."""
    root = span.root
    if root.pos_ != "PROPN":
        return False
    roles = PERSON_ROLES | title_words()
    return any(c.dep_ == "appos" and c.lower_ in roles and c.i > span.end - 1 for c in root.rights)


def role_of_body(tok: Token) -> bool:
    """A capitalised title with an "of" and a body or place: "The Chairman of the U.S. Joint
    Chiefs of Staff" describes a person by role; neither the title nor the body is their name."""
    if not tok.text[:1].isupper() or tok.ent_type_ == "PERSON" or tok.pos_ not in (
            "PROPN", "NOUN"):
        return False
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ == "of" and any(
                g.dep_ == "pobj" and g.ent_type_ in ("ORG", "GPE") and not tok.ent_type_
                for g in c.children):
            return True
    return False


def qualifiers(span: SpacySpan) -> tuple[str, ...]:
    """The owners a role description names: "the Russian president" → ("Russian",)."""
    return tuple(t.text for t in span if t.i != span.root.i and t.pos_ != "DET" and (
        t.ent_type_ in ("NORP", "GPE") or t.pos_ == "PROPN" or t.text[:1].isupper())
        and t.text not in ("'s", "’s") and t.lower_ not in bare_title_words())


def _agrees(qualifier: str, context: str) -> bool:
    """"Russian" in "Russian President …"; "Russia's" ~ "Russian" (a shared stem)."""
    stem = qualifier.lower().replace("’", "'").split("'")[0][:5]
    return len(stem) >= 3 and stem in context


def role_holder(text: str, mentions: Sequence[Mention], positions: Sequence[int], pos: int,
                role: str, owners: Sequence[str] = (),
                end_of: Callable[[int, str], int] | None = None) -> tuple[str | None, int]:
    """(holder, mentions looked at) for "the ``role``" at ``pos``: the person named with that
    role just before or after their name, within reach; with ``owners`` ("Russian"), one whose
    title also names them. Holder "" when two people fit (ambiguous), None when nobody does."""
    lo = bisect.bisect_left(positions, pos - BACK)
    hi = bisect.bisect_right(positions, pos + AHEAD)
    before = re.compile(rf"\b{re.escape(role)}\s+$", re.I)
    after = re.compile(rf"^\s*,\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){{0,3}}"
                       rf"{re.escape(role)}\b", re.I)
    # "The minister, Yoav Gallant, was …" after "the defence minister said": a definite role
    # named in apposition refers back; its owners were given with the first mention.
    defined = re.compile(rf"\bthe\s+(?:[\w'’-]+\s+){{0,2}}{re.escape(role)}\s*,\s+$", re.I)
    generic = role.lower() in _GENERIC_ROLES and owners
    titled = re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(
        PERSON_ROLES | {"president", "minister", "chancellor", "king", "premier"}, key=len,
        reverse=True)) + r")\s+$", re.I)
    found: set[str] = set()
    steps = 0
    for p, name, kind in mentions[max(lo, hi - _SCAN):hi]:
        steps += 1
        if kind != "person" or p == pos:
            continue
        end = end_of(p, name) if end_of is not None else p + len(name)
        lead = text[max(0, p - 60):p]
        apposed = after.match(text[end:end + 60])
        fits = before.search(lead[-40:]) or apposed or (generic and titled.search(lead))
        # The owner must be in the title itself ("Borani President X", "X, the Borani
        # president"), not anywhere near.
        title = lead[-40:] + (apposed.group(0) if apposed else "")
        if (fits and all(_agrees(o, title.lower()) for o in owners)) or \
                defined.search(lead[-50:]):
            found.add(name)
    if not found:
        return None, steps
    return (next(iter(found)) if len(found) == 1 else ""), steps
