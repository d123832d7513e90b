"""Where a figure happened: the place its sentence ties it to.

The ledger groups figure series by metric, subject and place, so a place is only given when the
sentence says so: a GPE/LOC entity inside the counted phrase after a place preposition ("killed in
Gaza"), else one elsewhere in the sentence after a place preposition ("… wounded by strikes on
Kharkiv"), after "the city/region/… of" ("the eastern Ukrainian city of Kharkiv" — whatever label
the NER gave the name), or before ", where" ("the Gaza Strip, where more than 1,500 …"). The
nearest such place wins; a place after the figure is preferred to one before it, which more often
belongs to another clause. The dateline is not used: wire stories are filed from one city about
events in another (a MOSCOW dateline over a strike on Crimea).

A running total whose sentence names no place takes the article's place (:func:`article_place`:
the country or territory, ``default_places`` in ``series.json``, that most of the article's
place-bound mentions name, at least twice, the title counting double), so that
"the ministry says 29,700 Palestinians have been killed since the war began" joins the Gaza toll
when the article is about Gaza; per-event counts do not, as their event may be elsewhere.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from functools import lru_cache

from ... import lexicons
from ...record import Entity, Span
from ..registry import State

# A place preposition right before the name, with at most "the" and one modifier between
# ("in southern Gaza", "across the occupied West Bank").
# "on" only after an attack word ("strikes on Kharkiv", not "called on Egypt"); "from" only after
# a participle ("evacuated from Sderot", not "workers from China", which is where they come from).
_PREP = re.compile(r"(?:\b(?:in|inside|across|throughout|within|at|near|into|over|outside|around|"
                   r"along)|\b(?:strikes?|attacks?|assaults?|raids?|bombardment|shelling|offensive|"
                   r"fire|advance|dropped|fired|launched|bombs|rockets|missiles|shells|drones)[ \t]+on|[a-z]{2}(?:ed|ing)[ \t]+from)"
                   r"[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+)?$", re.IGNORECASE)
# "the city of X", "Ukraine's western region of Lviv": the name is a place whatever its label.
_OF_PLACE = re.compile(r"\b(?:city|town|village|region|province|district|oblast|governorate|"
                       r"capital|port|camp|area|neighbou?rhood|suburb|county|state|territory|"
                       r"enclave|island|peninsula|siege|blockade|invasion|bombardment|bombing|"
                       r"shelling|occupation)[ \t]+of[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
# A clause boundary between figure and place: the place more likely belongs to the other clause
# ("… killed 23,800 Palestinians, since its attack on Israel").
_CLAUSE_BREAK = re.compile(r"[;—–]|,[ \t]*(?:since|after|when|which|who|that|following|before|as|"
                           r"while|according|but|and)\b", re.IGNORECASE)
_CLAUSE_PENALTY = 60
# A temporal landmark between the figure and a place: the place is the landmark's ("since the
# 7 October attack on Israel", "after Hamas's attacks on southern Israel"), not the count's.
_LANDMARK = re.compile(r"\b(?:since|after|following|in[ \t]+response[ \t]+to|"
                       r"in[ \t]+retaliation[ \t]+for)\b[^.;]*\b(?:attacks?|raids?|assault|"
                       r"incursion|invasion|offensive|massacre)\b[^.;]*$", re.IGNORECASE)
_FAR = 100  # characters between figure and place: beyond, the place is another clause's
_FROM = re.compile(r"\bfrom[ \t]+(?:the[ \t]+)?(?:[\w-]+[ \t]+)?$", re.IGNORECASE)
_FROM_PENALTY = 40  # "crossed from the Gaza Strip into southern Israel": the destination first
# A sentence that refers back to the previous one's place: "Its 2 million residents …".
_BACK_TO_PLACE = re.compile(r"^[\s\"“]*(?:Its|There|Here|The[ \t]+(?:city|town|village|territory|"
                            r"enclave|region|area|strip|camp|district))\b", re.IGNORECASE)
_CONTINUING = re.compile(r"^(?:others|more)\b", re.IGNORECASE)
# "the health ministry in Gaza", "officials in Kyiv": where the speaker sits, which is the place
# of its figures only when the sentence names no other ("strikes in Rafah, which the ministry in
# Gaza says killed 67").
_SEAT = re.compile(r"\b(?:ministry|office|officials?|authorities|spokes(?:man|woman|person)|"
                   r"government|agency|embassy|correspondent|reporter|bureau|headquarters)"
                   r"[ \t]+(?:in|at)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)
# "the southern Gazan city of Rafah": the name after "city of", even when NER missed it.
_OF_NAME = re.compile(r"\b(?:city|town|village|region|province|district|oblast|governorate|"
                      r"port|camp|neighbou?rhood|suburb|county|enclave|island|peninsula)[ \t]+of[ \t]+"
                      r"((?:al-|el-)?[A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+)?)")
_SPEAKS_AFTER = re.compile(r"^[ \t]+(?:(?:has|have)[ \t]+)?(?:said|says|say|reported|reports|"
                           r"announced|confirmed|claimed|estimated)\b", re.IGNORECASE)
_WHERE_AFTER = re.compile(r"^[ \t]*,?[ \t]*where\b", re.IGNORECASE)
# Demonyms the NER sometimes labels GPE ("the eastern Ukrainian city"): an adjective, not a place.
_DEMONYM = re.compile(r"^[A-Z][a-z]+(?:ian|ean|ese|ish|eli|ani)$")
_ADJ_BEFORE_NOUN = re.compile(r"^[ \t]+[a-z]")
_BEFORE_PENALTY = 25
_SEAT_PENALTY = 10_000  # characters: a place before the figure must be this much nearer to win


# "the Israel-Gaza war", "Russia-Ukraine talks": a name joined by a hyphen names a war or a
# relation, not where something happened.
_JOINED_AFTER = re.compile(r"^[-–][A-Z]")
_JOINED_BEFORE = re.compile(r"[A-Za-z][-–]$")


def _qualifies(text: str, e: Entity) -> bool:
    if _JOINED_AFTER.match(text[e.span.end:e.span.end + 2]) \
            or _JOINED_BEFORE.search(text[max(0, e.span.start - 2):e.span.start]):
        return False
    if _DEMONYM.match(e.name) or (e.name.endswith("an") and " " not in e.name
                                  and _ADJ_BEFORE_NOUN.match(text[e.span.end:e.span.end + 2])):
        return False  # "Ukrainian", "the southern Gazan city": adjectives
    before = text[max(0, e.span.start - 40):e.span.start]
    if _OF_PLACE.search(before):
        return e.label in ("GPE", "LOC", "ORG", "NORP", "FAC")
    if e.label not in ("GPE", "LOC"):
        return False
    return bool(_PREP.search(before) or _WHERE_AFTER.match(text[e.span.end:e.span.end + 12]))


class PlaceIndex:
    """The article's entities sorted by offset, so that each figure looks only at its own
    sentence's (linear time over an article, however many figures it has); each sentence's
    candidate places are found once and indexed by offset, so that a figure examines only the
    places near it (and the speakers' seats) however long its sentence. ``ops`` counts the
    candidates examined (tests compare it across article sizes)."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.ents = sorted(state.entities or [], key=lambda e: e.span.start)
        self.starts = [e.span.start for e in self.ents]
        self._memo: dict[tuple[int, int], _SentencePlaces] = {}
        self.ops = 0

    def places(self, sent: tuple[int, int]) -> _SentencePlaces:
        got = self._memo.get(sent)
        if got is None:
            if len(self._memo) > 64:  # figures come in text order: old sentences are done
                self._memo.clear()
            got = self._memo[sent] = _SentencePlaces(self.state.text, _find_candidates(self, sent))
            self.ops += len(got.cands) + 1
        return got

    def within(self, sent: tuple[int, int]) -> list[Entity]:
        k = bisect.bisect_left(self.starts, sent[0])
        out = []
        while k < len(self.ents) and self.ents[k].span.start < sent[1]:
            if self.ents[k].span.end <= sent[1]:
                out.append(self.ents[k])
            k += 1
        return out


def _find_candidates(index: PlaceIndex, sent: tuple[int, int]) -> list[Entity]:
    text = index.state.text
    cands = [e for e in index.within(sent) if _qualifies(text, e)]
    have = {e.span.start for e in cands}
    for m in _OF_NAME.finditer(text, sent[0], sent[1]):
        if m.start(1) not in have:
            cands.append(Entity(Span.of(text, m.start(1), m.end(1)), "GPE", m.group(1)))
    # "in Ukraine's western region of Lviv": the named region, not its country.
    specific = sorted(e.span.start for e in cands
                      if _OF_PLACE.search(text[max(0, e.span.start - 40):e.span.start]))

    def before_specific(e: Entity) -> bool:  # any(0 < s - e.span.end <= 40 for s in specific)
        k = bisect.bisect_right(specific, e.span.end)
        return k < len(specific) and specific[k] <= e.span.end + 40

    return [e for e in cands if not before_specific(e)]


class _SentencePlaces:
    """One sentence's candidate places, in candidate order, indexed by offset."""

    def __init__(self, text: str, cands: list[Entity]) -> None:
        self.cands = cands
        order = sorted(range(len(cands)), key=lambda k: cands[k].span.start)
        self.starts = [cands[k].span.start for k in order]
        self.order = order
        self.longest = max((e.span.end - e.span.start for e in cands), default=0)
        # A seat ("the ministry in Gaza") counts wherever it is in the sentence.
        self.seats = [k for k, e in enumerate(cands)
                      if _SEAT.search(text[max(0, e.span.start - 40):e.span.start])]
        # max(non-seats, key=start): the sentence's last place, for a next sentence referring back.
        seats = set(self.seats)
        back = [e for k, e in enumerate(cands) if k not in seats]
        self.last = max(back, key=lambda e: e.span.start) if back else None

    def near(self, lo: int, hi: int) -> list[Entity]:
        """The candidates that can be the place of a figure covering ``lo``..``hi``: within
        _FAR characters of it, or a seat; in candidate order (ties go to the earlier one)."""
        a = bisect.bisect_left(self.starts, lo - _FAR - self.longest)
        b = bisect.bisect_right(self.starts, hi + _FAR)
        ks = set(self.order[a:b])
        ks.update(self.seats)
        return [self.cands[k] for k in sorted(ks)]


def _candidates(index: PlaceIndex, sent: tuple[int, int]) -> list[Entity]:
    """The places the sentence names that may be a figure's (found once per sentence)."""
    return index.places(sent).cands


def figure_place(index: PlaceIndex, lo: int, hi: int, sent: tuple[int, int],
                 prev: tuple[int, int] | None = None, claim: Span | None = None,
                 counts: str | None = None) -> str | None:
    """The place of the figure whose number and counted phrase cover ``lo``..``hi`` in the
    sentence ``sent``: the nearest place the sentence ties to it. The seat of the claimant
    (``claim``: "officials in Gaza said …") only when nothing else is named. When the sentence
    names none, the previous sentence ``prev`` of the same paragraph gives its last place if this
    sentence refers back to it ("… the Gaza Strip. Its 2 million residents …", "… killed in Gaza.
    At least 67,500 others …"); else None."""
    text = index.state.text
    best: tuple[int, str] | None = None
    near = index.places(sent).near(lo, hi)
    index.ops += len(near) + 1
    for e in near:
        before = text[max(0, e.span.start - 40):e.span.start]
        if _SEAT.search(before):
            speaks = _SPEAKS_AFTER.match(text[e.span.end:e.span.end + 24])
            if not speaks and (claim is None or e.span.start - claim.end > 12
                               or claim.start > e.span.start):
                continue  # another speaker's seat: says nothing of where this figure is
            dist = _SEAT_PENALTY  # only when the sentence names no other place
        elif lo <= e.span.start and e.span.end <= hi:
            # inside the counted phrase, unless its scope clause ("…, since its attack on X")
            if _LANDMARK.search(text[lo:e.span.start]):
                continue  # "people killed since Hamas's attack on Israel": the landmark's place
            dist = _CLAUSE_PENALTY if _CLAUSE_BREAK.search(text[lo:e.span.start]) else 0
        elif _LANDMARK.search(text[hi:e.span.start] if e.span.start >= hi else ""):
            continue  # "… killed since the 7 October attack on Israel": the landmark's place
        elif e.span.start - hi > _FAR or lo - e.span.end > _FAR:
            continue  # "Protests broke out in Lebanon … in response to a blast … killing hundreds"
        elif e.span.start >= hi:
            dist = e.span.start - hi
            if _CLAUSE_BREAK.search(text[hi:e.span.start]):
                dist += _CLAUSE_PENALTY
        else:
            dist = max(0, lo - e.span.end) + _BEFORE_PENALTY
            if _CLAUSE_BREAK.search(text[e.span.end:lo]):
                dist += _CLAUSE_PENALTY
        if _FROM.search(before[-24:]):
            dist += _FROM_PENALTY
        if best is None or dist < best[0]:
            best = (dist, e.name)
    if best is not None:
        return best[1]
    if prev is None or "\n" in text[prev[0]:sent[0]] or not (
            _BACK_TO_PLACE.match(text[sent[0]:lo]) or _CONTINUING.match(counts or "")):
        return None
    back = [e for e in _candidates(index, prev)
            if not _SEAT.search(text[max(0, e.span.start - 40):e.span.start])]
    return max(back, key=lambda e: e.span.start).name if back else None


# "Gaza's Hamas-run health ministry": the claimant's seat, written as a possessive.
_POSSESSIVE = re.compile(r"^(?:'s|’s)\b")


def claimant_seat(index: PlaceIndex, claim: Span | None) -> str | None:
    """A place named in possessive form inside the claimant's mention ("Gaza's health
    ministry"): where the claimant sits, the place of its figures when the sentence names none."""
    if claim is None:
        return None
    text = index.state.text
    k = bisect.bisect_left(index.starts, claim.start)
    while k < len(index.ents) and index.ents[k].span.start < claim.end:
        e = index.ents[k]
        k += 1
        if e.label in ("GPE", "LOC") and not _DEMONYM.match(e.name) \
                and _POSSESSIVE.match(text[e.span.end:e.span.end + 3]):
            return e.name
    return None


def article_place(index: PlaceIndex, title: str | None) -> str | None:
    """The place the article is about: the one most of its place-bound mentions ("in Gaza",
    "the city of Rafah") name, a name the title also holds counting twice; None when no place
    has more than half the weight (an article about two places gives no default)."""
    text = index.state.text
    places = _default_places()
    weights: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    for e in index.ents:
        canon = places.get(e.name.lower().removeprefix("the "))
        if canon and _qualifies(text, e) \
                and not _SEAT.search(text[max(0, e.span.start - 40):e.span.start]):
            weights[canon] += 1
            mentions[canon] += 1
    if not weights:
        return None
    low_title = (title or "").lower()
    for name in list(weights):
        if re.search(rf"(?<!\w){re.escape(name.lower())}(?!\w)", low_title):
            weights[name] += 2
    top, n = weights.most_common(1)[0]
    # One passing "in Iraq" is no article's subject: two mentions at least, and most of them.
    return top if mentions[top] >= 2 and 2 * n > sum(weights.values()) else None


@lru_cache(maxsize=1)
def _default_places() -> dict[str, str]:
    """Alias → canonical name of the places a running total may take from its article
    (``series.json`` ``default_places``: countries and territories, not the towns where an
    article's events happen, which a war's toll does not count)."""
    vocab = lexicons.series_vocabulary()
    out: dict[str, str] = {}
    for canon in vocab.get("default_places", ()):
        out[canon.lower()] = canon
        for alias in vocab["places"].get(canon, ()):
            out[alias.lower().removeprefix("the ")] = canon
    return out
