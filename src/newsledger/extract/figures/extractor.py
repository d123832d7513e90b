"""Figures as claims: value or range, what is counted, who claims it, hedges, as of when.

Pipeline for one article: :func:`numbers.find_quantities` finds number expressions; those that are
dates, times, years, durations, ages, ordinals, idioms, labels ("Route 60") or list numbering are
dropped; :func:`counting.counted` reads the counted phrase and metric off the parse; the claimant
comes from the quotes extractor (a figure inside a quote's content takes its speaker); hedges come
from ``data/hedges.txt``; ``as_of`` from the times extractor or the publication date.
"""

from __future__ import annotations

import bisect
import re
from collections import OrderedDict
from collections.abc import Iterator
from typing import TYPE_CHECKING
from functools import lru_cache

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...record import Figure, Quote, Span, Speaker, TimeExpr
from ..document import RangeIndex
from . import claimants as figclaimants
from . import dating
from . import links as figlinks
from . import hedges as hedging
from ..registry import State, component
from .counting import Counted, counted, numeral_head, person_nouns, subgroup_nouns
from .forecast import forecast_cue
from .place import PlaceIndex, article_place, claimant_seat, figure_place
from .proportions import is_proportion
from ...actors import claimant_name, known_actor
from .numbers import Quantity, find_quantities
from ... import lexicons

if TYPE_CHECKING:  # the resolver the speech extractors hand on (state.speakers)
    from ..speech.speakers import Speakers

VERSION = "newsledger.figures.v1"

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_MONTH_BEFORE = re.compile(rf"\b{_MONTH}[ \t\u00a0]+$")
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?[ \t\u00a0]+(?:of[ \t\u00a0]+)?{_MONTH}\b")
_LIST_ITEM = re.compile(r"(?:^|\n)[ \t]*$")
_YEAR_CONTEXT = re.compile(r"\b(?:in|since|of|from|until|till|by|before|after|early|late|mid|"
                           r"the|year|summer|winter|spring|autumn|fall|between|and|to|'|’)[ \t-]*$",
                           re.IGNORECASE)
_CUMULATIVE = re.compile(
    r"\b(?:so far|to date|in total|overall|altogether|cumulative|total|death toll|toll|"
    r"since the (?:start|beginning|outbreak) of the (?:war|conflict|fighting|invasion)|"
    r"since the war (?:began|started|broke out)|since (?:the )?(?:7|7th|seventh) (?:of )?October|"
    r"since October (?:7|7th)|since the (?:7|7th|seventh) (?:of )?October|"
    r"since the (?:October|7 October) attack|since the conflict began|"
    r"since (?:[\w'’-]+ ){1,4}(?:began|started|launched|declared|invaded|broke out)|"
    r"since (?:early |mid-|late )?October\b|"
    r"(?:during|in|amid|throughout|by|over the course of) (?:the |its |Israel's |Israel’s |[\w-]+ ){0,3}"
    r"(?:war|offensive|campaign|bombardment|conflict|military operations)\b|"
    r"since (?:the )?(?:war|conflict|fighting|offensive|invasion) (?:began|started|broke out)|"
    r"in the (?:weeks|months|days) since)\b", re.IGNORECASE)
_SINGLE = re.compile(
    r"\b(?:(?:past|last|previous) (?:[\w-]+ )?(?:24|48|72|twenty-four|forty-eight|seventy-two) hours|"
    r"(?:past|last|previous) (?:two |three |four |few |several )?(?:day|days|night)|overnight|"
    r"in the (?:past|last) week|since (?:the|their|its) (?:last|previous) update|"
    r"in (?:a|an|the|one|this|that|two|three|separate|single) (?:[\w'’-]+ ){0,2}(?:air ?strike|strike|"
    r"attack|raid|bombing|blast|explosion|incident|shelling|shooting|stampede|crash)\b|"
    r"yesterday|today|this (?:morning|afternoon|evening)|on (?:Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday|Sunday)|this week|daily|each day|a day|per day|every day)\b", re.IGNORECASE)
# Events at a named place, with nothing saying "since"/"total": a count for those events.
# ("killed in strikes on Gaza" may be the war's toll; "in attacks in Al Nuseirat camp" is not.)
_EVENTS_AT = re.compile(r"\bin (?:[\w'’-]+ ){0,2}(?:air ?strikes|strikes|attacks|raids|bombings|"
                        r"explosions|clashes|shelling|bombardments?) (?:on|in|at|near|around) "
                        r"(?:[\w'’-]+ ){0,4}(?:camp|hospital|school|town|village|neighbou?rhood|"
                        r"district|building|market|shelter|compound|mosque|church|home|house|"
                        r"convoy|checkpoint)s?\b", re.IGNORECASE)
# An increment or a sub-period is not the running total: "a further 50 people", "another
# 120", "nine more", "since the fighting resumed", "since the truce ended".
_INCREMENT = re.compile(
    r"\b(?:a[ \t]+further|further|another|an[ \t]+additional|additional)\b|"
    r"\b\d[\d,]*[ \t]+more\b(?![ \t]+than)|"
    r"\bsince[ \t]+(?:the[ \t]+)?(?:fighting|war|hostilities|bombing|bombardment|strikes)[ \t]+"
    r"(?:resumed|restarted)\b|"
    r"\bsince[ \t]+the[ \t]+(?:truce|ceasefire|pause)[ \t]+(?:ended|collapsed|broke[ \t]+down|"
    r"expired)\b", re.IGNORECASE)
_ONE_EVENT = re.compile(
    r"\b(?:(?:a|an|the|one|this|that|yesterday's|yesterday’s)[ \t]+(?:[\w'’-]+[ \t]+){0,2}"
    r"(?:air ?strike|strike|attack|raid|blast|explosion|bombing|incident|stampede|crash|shelling|"
    r"shooting|collapse)\b|while[ \t]+(?:trying|waiting|seeking|queu\w*|collecting|fleeing)|"
    r"as[ \t]+(?:a[ \t]+)?crowds?[ \t]+(?:waited|gathered|queued)|waiting[ \t]+for[ \t]+aid|"
    r"overnight|last night)\b", re.IGNORECASE)
# Words every match of a scope pattern contains (read off each alternative of the pattern), so
# that a scope holding none of them is answered without running the pattern over it. Same flags
# as the patterns, so case folding is the same; shortest first, so that at each offset the
# shortest word is the one found (see Lookups.scope_has).
_ANCHORS = {
    _SINGLE: ("past", "last", "previous", "overnight", "update", "strike", "attack", "raid",
              "bombing", "blast", "explosion", "incident", "shelling", "shooting", "stampede",
              "crash", "yesterday", "today", "this", "day", "daily"),
    _CUMULATIVE: ("far", "date", "total", "overall", "altogether", "cumulative", "toll", "since",
                  "war", "offensive", "campaign", "bombardment", "conflict", "operations"),
    _EVENTS_AT: ("strikes", "attacks", "raids", "bombings", "explosions", "clashes", "shelling",
                 "bombardment"),
}
_ANCHOR_RES = {p: re.compile("(?=({}))".format("|".join(sorted(words, key=len))),
                             re.IGNORECASE)
               for p, words in _ANCHORS.items()}
def anchor_hits(text: str, low: str | None, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """``[(m.start(1), m.end(1)) for m in _ANCHOR_RES[pattern].finditer(text)]``: at each offset
    where a word of ``_ANCHORS[pattern]`` starts, the shortest one. From ``low`` (see
    :func:`newsledger.lexicons.lowered`) by str.find, word by word: the lookahead regex tries every word at every
    offset, a millisecond per article."""
    if not low:
        return [(m.start(1), m.end(1)) for m in _ANCHOR_RES[pattern].finditer(text)]
    found: dict[int, int] = {}
    for w in sorted(_ANCHORS[pattern], key=len):  # the regex's order: shortest first
        n = len(w)
        i = low.find(w)
        while i >= 0:
            found.setdefault(i, i + n)
            i = low.find(w, i + 1)
    return sorted(found.items())


_PRESENT = re.compile(r"\b(?:so far|to date|now|currently|as of|at least \S+ have)\b",
                      re.IGNORECASE)
_CLAIM_TIME = re.compile(r"\b(?:says?|said|reported|reports|announced|updated?|as of|by|"
                         r"statement)\b[^.;,]{0,8}$", re.IGNORECASE)
_SAYS = re.compile(r"\b(?:says|say|according to|reports|tells)\b", re.IGNORECASE)
_SCOPE_BEFORE = re.compile(r"\b(?:since|from|between|until|till|after|before|following|during|amid|"
                           r"ahead of|prior to)[ \t]+(?:the[ \t]+)?$",
                           re.IGNORECASE)


_UNSET = object()
# A scope that places the count away from the article's subject: no default place then.
_THERE_ELSEWHERE = re.compile(r"\b(?:abroad|worldwide|elsewhere|globally|across the world)\b",
                              re.IGNORECASE)


@lru_cache(maxsize=1)
def _idioms() -> re.Pattern[str]:
    phrases = list(lexicons.number_idioms())
    alt = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{alt})(?![\w-])", re.IGNORECASE)


class Lookups:
    """What each figure looks up, indexed once per article so that a figure costs the same
    whatever the length of its sentence or article (a comma list of 10,000 numbers in one
    sentence, a 10 MB article): the time spans (overlap test), the idioms (containment), the
    dated times by offset (for as-of), the quotes by cue offset (for the claimant) and, per
    sentence, its text and the sentence-wide tests of :func:`_as_of`. Each lookup answers exactly
    as the scan it replaces; ``ops`` counts the candidates the lookups examine (tests compare it
    across article sizes)."""

    def __init__(self, state: State) -> None:
        self.state = state
        text = state.text
        self.times: list[TimeExpr] = list(state.times or [])
        self.time_spans = RangeIndex((t.span.start, t.span.end) for t in self.times)
        self.idioms = [(m.start(), m.end()) for m in _idioms().finditer(text)]
        self.idiom_starts = [s for s, _ in self.idioms]
        # Dated times in text order of their start, with their rank in state.times (ties in
        # _as_of go to the earlier one there).
        dated = sorted((t.span.start, k) for k, t in enumerate(self.times)
                       if t.type in ("DATE", "TIME") and t.value)
        self.dated_starts = [s for s, _ in dated]
        self.dated_ranks = [k for _, k in dated]
        self.longest_time = max((t.span.end - t.span.start for t in self.times), default=0)
        self.quotes: list[Quote] = list(state.quotes or [])
        self.cue_rank: dict[int, int] = {}
        for k, qu in enumerate(self.quotes):
            if qu.cue is not None:
                self.cue_rank.setdefault(qu.cue.start, k)
        self._sentences: dict[tuple[int, int], str] = {}
        self._anchor_hits: dict[re.Pattern[str], tuple[list[int], list[int]]] = {}
        self._lower: str | None = None  # the text in lower case ("" when unusable): see lexicons.lowered
        # Least recently used last out: a list's shared scope stays while other figures pass.
        self._scopes: OrderedDict[tuple[re.Pattern[str], int], tuple[int, int | None]] = \
            OrderedDict()
        self._present: dict[tuple[int, int], tuple[bool, bool]] = {}
        self._framing: dict[tuple[int, int], list[tuple[TimeExpr, Token | None]]] = {}
        self._one_event: dict[tuple[int, int], bool] = {}
        self.ops = 0

    def in_idiom(self, start: int, end: int) -> bool:
        """``any(s <= start and end <= e for s, e in idioms)``: the matches of one regex do not
        overlap, so only the last one starting at or before ``start`` can hold the span."""
        k = bisect.bisect_right(self.idiom_starts, start) - 1
        self.ops += 1
        return k >= 0 and end <= self.idioms[k][1]

    def scope_has(self, pattern: re.Pattern[str], scope: str, lo: int, hi: int) -> bool:
        """``bool(pattern.search(scope))`` for ``scope == text[lo:hi]``, without rescanning: the
        figures of a long list share the end of their scope ("100, 101, …, 2099 people killed"),
        so the first match at or after a position, found once, answers every figure whose scope
        starts before it. Searching the text from ``lo + 1`` with ``endpos=hi`` sees exactly what
        a search of the slice sees there (``\b`` reads the character before ``pos``); the slice's
        own first position, where ``\b`` has nothing before it, is matched on the slice."""
        anchors = self._anchors(pattern)
        if anchors is not None:
            starts, ends = anchors
            k = bisect.bisect_left(starts, lo)
            while k < len(starts) and starts[k] < hi and ends[k] > hi:
                k += 1
            self.ops += 1
            if k == len(starts) or starts[k] >= hi:
                return False  # no word every match needs lies inside the scope
        if pattern.match(scope):
            return True
        p = lo + 1
        self.ops += 1
        key = (pattern, hi)
        got = self._scopes.get(key)
        if got is not None and got[0] <= p and (got[1] is None or p <= got[1]):
            self._scopes.move_to_end(key)
            return got[1] is not None
        if len(self._scopes) > 256:
            self._scopes.popitem(last=False)
        m = pattern.search(self.state.text, p, hi)
        self._scopes[key] = (p, m.start() if m else None)
        return m is not None

    def _anchors(self, pattern: re.Pattern[str]) -> tuple[list[int], list[int]] | None:
        """Where the words of ``_ANCHORS[pattern]`` occur in the text (start, end of the
        shortest at each start), found once per article."""
        if pattern not in _ANCHOR_RES:
            return None
        got = self._anchor_hits.get(pattern)
        if got is None:
            hits = anchor_hits(self.state.text, self._lowered(), pattern)
            got = self._anchor_hits[pattern] = ([a for a, _ in hits], [b for _, b in hits])
        return got

    def _lowered(self) -> str | None:
        if self._lower is None:
            self._lower = lexicons.lowered(self.state.text)
        return self._lower or None

    def sentence(self, sent: tuple[int, int]) -> str:
        got = self._sentences.get(sent)
        if got is None:
            if len(self._sentences) > 64:  # figures come in text order: old sentences are done
                self._sentences.clear()
                self._present.clear()
                self._one_event.clear()
            got = self._sentences[sent] = self.state.text[sent[0]:sent[1]]
        return got

    def present_words(self, sent: tuple[int, int]) -> tuple[bool, bool]:
        """(``_PRESENT`` matches the sentence, ``_SAYS`` matches it), once per sentence."""
        got = self._present.get(sent)
        if got is None:
            sentence = self.sentence(sent)
            got = self._present[sent] = (bool(_PRESENT.search(sentence)),
                                         bool(_SAYS.search(sentence)))
        return got

    def tells_one_event(self, sent: tuple[int, int]) -> bool:
        """``_ONE_EVENT`` matches the sentence: searched once per sentence, not per figure."""
        got = self._one_event.get(sent)
        if got is None:
            self.ops += 1
            got = self._one_event[sent] = bool(_ONE_EVENT.search(self.sentence(sent)))
        return got

    def dated_near(self, sent: tuple[int, int], lo: int, hi: int, reach: int) -> list[TimeExpr]:
        """The DATE/TIME expressions with a value starting in ``sent`` whose distance to
        ``[lo, hi)`` may be under ``reach``, in state.times order (the others never win)."""
        a = bisect.bisect_left(self.dated_starts, max(sent[0], lo - reach - self.longest_time))
        b = bisect.bisect_left(self.dated_starts, min(sent[1], hi + reach))
        self.ops += b - a + 1
        return [self.times[k] for k in sorted(self.dated_ranks[a:b])]

    def framing_times(self, sent: tuple[int, int], doc: Doc) -> list[tuple[TimeExpr, Token | None]]:
        """The sentence's calendar dates that may frame its figures, each with the verb it hangs
        on (:mod:`.dating`), found once per sentence."""
        got = self._framing.get(sent)
        if got is None:
            if len(self._framing) > 64:
                self._framing.clear()
            text = self.state.text
            got = self._framing[sent] = [
                (t, dating.attached_verb(t, doc))
                for t in self.dated_near(sent, sent[0], sent[1], 0)
                if t.value and t.value[:1].isdigit() and sent[0] <= t.span.start < sent[1]
                and not dating.opens_period(text, t.span.start)
                and not _SCOPE_BEFORE.search(text[max(0, t.span.start - 14):t.span.start])]
        return got

    def cue_quote(self, positions: set[int], after: int) -> Quote | None:
        """The first quote (in state.quotes order) whose cue starts at one of ``positions``
        after ``after``."""
        self.ops += len(positions)
        ranks = [self.cue_rank[p] for p in positions if p > after and p in self.cue_rank]
        return self.quotes[min(ranks)] if ranks else None


@component("figures", VERSION, model=("tags", "lemma", "parse", "entities"),
           needs=("article", "document", "times", "quotes", "speakers"),
           sets=("figures",))
def extract_figures(doc: Doc, state: State) -> None:
    """Fill ``state.figures`` with every counted figure in the article, in text order."""
    text = state.text
    document = state.bind(doc)  # bound already when a component runs this
    look = Lookups(state)
    sents = document.sentences
    found: list[tuple[Figure, Counted, tuple[int, int]]] = []
    places = PlaceIndex(state)
    # Our own speaker resolver (a copy of the quotes extractor's): it remembers what it resolves
    # for later figures, as a reader would, without touching what others see.
    resolver = state.speakers.resolver() if state.speakers is not None else None
    art_place: object = _UNSET
    asides: list[tuple[Figure, Quote]] = []  # figures left unclaimed as background
    for q in find_quantities(text):
        # Not in boilerplate, a repeat, a byline or a credit.
        if q.kind != "number" or document.is_unread(q.start, q.end):
            continue
        if _is_time(text, q, look.time_spans) or look.in_idiom(q.num_start, q.num_end):
            continue
        num = numeral_head(doc, q.num_start, q.num_end)
        if num is None or _is_label(num, q) or _is_code(text, q):
            continue
        c = counted(doc, num, (q.num_start, q.num_end), q.unit, (q.start, q.end))
        if not _is_countable(q, c, text) or is_proportion(text, q):
            continue  # "one out of every 200 Palestinians": a ratio counts no one
        sent = document.sentence_of(q.start) or (q.start, q.start + 1)
        if c.noun is num and found and found[-1][2] == sent and found[-1][1].noun is not None \
                and not num.lower_ == "of" and not any(ch.lower_ == "of" for ch in num.children):
            c = _borrow_noun(c, found[-1][1])
        fig = Figure(span=_figure_span(text, q, c, num), value=_num(q.value), low=_num(q.low),
                     high=_num(q.high), approx=q.approx, unit=q.unit, counts=c.text,
                     metric=c.metric)
        aside: list[Quote] = []
        fig.claimant = None if _is_spec(text, q) else _claimant(q, c, state, num, resolver, look,
                                                                 aside)
        if aside:
            asides.append((fig, aside[0]))
        k = bisect.bisect_left(sents, sent)
        prev_sent = sents[k - 1] if 0 < k < len(sents) and sents[k] == sent else None
        fig.place = figure_place(places, min(c.start, q.start), max(c.end, q.end), sent,
                                 prev_sent, fig.claimant.mention if fig.claimant else None,
                                 c.text)
        scope_text = text[min(c.start, q.start):max(c.end, q.end)]
        fig.cumulative = _cumulative(scope_text, look.sentence(sent), c, look,
                                     min(c.start, q.start), sent)
        if fig.place is None and fig.metric != "other":
            fig.place = claimant_seat(places, fig.claimant.mention if fig.claimant else None)
        if fig.place is None and fig.cumulative and fig.metric != "other" \
                and not _THERE_ELSEWHERE.search(c.text or ""):
            # A running total with no place of its own: the article's ("… killed there").
            if art_place is _UNSET:
                art_place = article_place(places, state.article.title)
            fig.place = art_place  # type: ignore[assignment]
        fig.as_of = _as_of(state, q, c, sent, fig, look)
        cue = forecast_cue(num, c.verbs, c.noun)
        if cue is not None:  # "thousands could die": what might happen, not what has
            fig.hedges.append(Span.of(text, cue.idx, cue.idx + len(cue)))
        found.append((fig, c, sent))
    _sourced_asides(state, found, asides)
    _relate_partitives(text, found)
    _relate_parts(text, found)
    figlinks.refer_back(text, found)
    _relate_bases(text, found)
    figclaimants.resolve(doc, text, found, sents, look.quotes)
    figlinks.share_claimants(text, found)
    _attach_hedges(text, found)
    state.figures = [f for f, _, _ in found]


_PART_AFTER = re.compile(r"^[^.;!?]{0,60}\b(?:including|of whom|of them|among them|among whom|"
                         r"of which)\b[^.;!?]{0,40}$", re.IGNORECASE)
_PART_BEFORE = re.compile(r"^[^.;!?]{0,40}\bamong\b[^.;!?]{0,20}$", re.IGNORECASE)
_TALLY_WORDS = re.compile(r"\b(?:total|toll|tally|number|figure|count)\b", re.IGNORECASE)


# "5,000 of them children", "30 of them are dead", "Of these, 13 were killed", "among them 5,000
# children": a part of a whole stated before.
_PARTITIVE_AFTER = re.compile(r"^[ \t]*(?:of|among)[ \t]+(?:them|whom|those|these|which)\b"
                              r"(?:[ \t]*,?[ \t]*(?:(?:were|are|being|was|is|mostly|mainly)"
                              r"[ \t]+)*([A-Za-z]+))?", re.IGNORECASE)
_PARTITIVE_BEFORE = re.compile(r"\b(?:of|among)[ \t]+(?:them|these|those|whom)"
                               r"(?:[ \t]+[a-z]+)?[ \t]*,?[ \t]*$", re.IGNORECASE)


def _relate_partitives(text: str, found: list[tuple[Figure, Counted, tuple[int, int]]]) -> None:
    """A part of a whole stated before ("15,000 people have been killed, 5,000 of them
    children"; "… 17 journalists. Of these, 13 were killed in Gaza") counts a subgroup of that
    whole: ``counts`` becomes "children among people killed" (or "among …" when the part names
    no noun of its own), so the ledger never reads it as the whole's total."""
    for k, (fig, c, sent) in enumerate(found):
        after = _PARTITIVE_AFTER.match(text[fig.span.end:fig.span.end + 60])
        before = _PARTITIVE_BEFORE.search(text[max(sent[0], fig.span.start - 40):fig.span.start])
        if not after and not before or k == 0 or fig.unit is not None:
            continue  # "40% of these": a share, a measure of its own
        whole = found[k - 1][0]
        if whole.metric == fig.metric == "other" or "other" not in (fig.metric, whole.metric) \
                and fig.metric != whole.metric:
            # "Of the 253 taken, 130 of them remain": a part that measures something else
            # (held, not abducted) is a count of its own.
            continue
        noun = None
        if after and after.group(1) and (after.group(1).lower() in subgroup_nouns()
                                         or after.group(1).lower() in person_nouns()):
            noun = after.group(1)
        elif c.noun is not None and not c.noun.like_num and c.noun.idx >= fig.span.start \
                and c.noun.lower_ not in ("them", "these", "those", "whom", "which"):
            noun = c.noun.text
        base = whole.counts or ""
        fig.counts = f"{noun} among {base}".strip() if noun else f"among {base}".strip()
        if fig.metric == "other":
            fig.metric = whole.metric


_BASE_GAP = re.compile(r"\b(?:from|out[ \t]+of)[ \t]*$", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:rose|risen|rising|rises|increased|jumped|climbed|grew|grown|fell|"
                     r"fallen|dropped|up|down|revised)\b", re.IGNORECASE)


def _relate_bases(text: str, found: list[tuple[Figure, Counted, tuple[int, int]]]) -> None:
    """The whole a count is taken from ("7,000 fighters have been killed, from an estimated
    20,000 the group had", "7 out of 20") is a population, not a count of the metric: it gets
    metric ``other``. A change ("rose from 15,000 to 16,000") keeps its metric."""
    for k in range(1, len(found)):
        fig, _, sent = found[k]
        prev, _, prev_sent = found[k - 1]
        if prev_sent != sent or prev.metric == "other" or fig.metric != prev.metric:
            continue
        gap = text[prev.span.end:fig.span.start]
        if _BASE_GAP.search(gap) and not _CHANGE.search(text[sent[0]:fig.span.start]):
            fig.metric = "other"


_PART_TIGHT = re.compile(r"^[ \t]*,?[ \t]*(?:including|among them|of whom|of them)[ \t]*$",
                         re.IGNORECASE)
def _relate_parts(text: str, found: list[tuple[Figure, Counted, tuple[int, int]]]) -> None:
    """A part ("including 6,000 children", "6,000 children are among the 15,000 killed") or a
    bare tally ("bringing the total to 15,899") counts what its neighbouring figure counts."""
    for k, (fig, c, sent) in enumerate(found):
        prev = found[k - 1][0] if k > 0 and found[k - 1][2] == sent else None
        if prev is not None and prev.metric != "other" and fig.metric != prev.metric \
                and fig.unit is None and c.noun is not None \
                and c.noun.lower_ in subgroup_nouns() \
                and _PART_TIGHT.match(text[prev.span.end:fig.span.start]):
            # "four people, including two children, and injured 151 more": the part is of the
            # figure right before it, whatever verb the parse hangs it on.
            fig.metric = prev.metric
            fig.counts = f"{c.noun.text} among {prev.counts or ''}".strip()
            continue
        if fig.metric != "other" or fig.unit is not None:
            continue
        nxt = found[k + 1][0] if k + 1 < len(found) and found[k + 1][2] == sent else None
        if prev is not None and prev.metric != "other" and (
                _PART_AFTER.match(text[prev.span.end:fig.span.start])
                or _TALLY_WORDS.search(fig.counts or "")):
            other = prev
        elif nxt is not None and nxt.metric != "other" \
                and _PART_BEFORE.match(text[fig.span.end:nxt.span.start]):
            other = nxt
        else:
            continue
        fig.metric = other.metric
        if _TALLY_WORDS.search(fig.counts or ""):
            fig.cumulative = True if fig.cumulative is None else fig.cumulative
        elif other.counts:
            fig.counts = f"{fig.counts or ''} among {other.counts}".strip()


def _borrow_noun(c: Counted, prev: Counted) -> Counted:
    """Ellipsis: "kill some 1,200 people … and kidnap 252" — 252 counts people too."""
    noun = prev.noun
    if noun is None or noun.like_num or noun.lower_ not in person_nouns():
        return c
    if any(t.pos_ in ("NOUN", "PROPN") and not t.like_num for t in c.tokens):
        return c  # it has a counted noun of its own ("the total number of people killed")
    return Counted(c.noun, c.tokens, c.verbs, f"{noun.text} {c.text or ''}".strip(), c.metric,
                   c.start, c.end)


def _num(x: float | None) -> float | None:
    if x is None:
        return None
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else float(x)  # type: ignore[return-value]


def _is_time(text: str, q: Quantity, times: RangeIndex) -> bool:
    """A number that is part of a date, a time of day or a year (times extractor, whose spans
    ``times`` indexes, or own guard)."""
    if times.overlaps(q.num_start, q.num_end):
        return True
    before = text[max(0, q.num_start - 12):q.num_start]
    after = text[q.end:q.end + 16]
    if _MONTH_BEFORE.search(before) or _MONTH_AFTER.match(text[q.num_end:q.num_end + 16]):
        return True
    if q.approx == "range" and _MONTH_AFTER.match(after):
        return True
    raw = text[q.num_start:q.num_end]
    if not q.words and re.fullmatch(r"1[89][0-9]{2}|20[0-9]{2}", raw) and q.unit is None:
        nxt = re.match(r"[ \t]+([A-Za-z]+)", text[q.num_end:q.num_end + 24])
        word = nxt.group(1).lower() if nxt else ""
        if word not in person_nouns() or _YEAR_CONTEXT.search(before):
            return True
    # List numbering: "1. ..." or "2) ..." at the start of a line.
    if not q.words and _LIST_ITEM.search(text[max(0, q.start - 8):q.start]) \
            and re.match(r"[.)][ \t]", text[q.num_end:q.num_end + 2]):
        return True
    return False


def _is_label(num: Token, q: Quantity) -> bool:
    """ "Resolution 2334", "Route 60", "Article 51", "Flight 93": a numeral after its head noun."""
    if q.words:
        return False
    head = num.head
    return (num.dep_ in ("nummod", "appos", "compound", "npadvmod") and head.i < num.i
            and head.pos_ in ("PROPN", "NOUN") and head.text[:1].isupper()
            and num.i - head.i <= 2)


_QUOTE_OPEN = "'\"‘“"
_QUOTE_CLOSE = "'\"’”"


def _is_code(text: str, q: Quantity) -> bool:
    """Phone numbers and codes ("call 0207 782 4104", "the emergency number '101'"): a numeral
    led by a zero, three or more digit groups run together with spaces or hyphens, or a bare
    numeral alone in quote marks are not counts."""
    if q.words:
        return False
    a, b = q.num_start, q.num_end
    lo, hi = max(1, a - 32), min(len(text) - 1, b + 32)  # a phone number is short: stay linear
    while a > lo and text[a - 1] in " -" and text[a - 2].isdigit():
        a -= 1
        while a > lo and text[a - 1].isdigit():
            a -= 1
    while b < hi and text[b] in " -" and text[b + 1].isdigit():
        b += 1
        while b < hi and text[b].isdigit():
            b += 1
    run = text[a:b]
    if re.fullmatch(r"\d+(?:[ -]\d+){2,}|0\d+(?:[ -]\d+)*", run):
        return True
    return a == q.num_start and b == q.num_end and 0 < a and b < len(text) \
        and text[a - 1] in _QUOTE_OPEN and text[b] in _QUOTE_CLOSE


def _is_countable(q: Quantity, c: Counted, text: str) -> bool:
    """Small number words ("one clear message", "two declared war goals") are figures only when
    they count people or something the metric list knows; numerals always are."""
    if not q.words or q.approx == "vague" or (q.value is not None and q.value >= 10):
        return True
    noun = c.noun
    if noun is None:
        return False
    if noun.lower_ in person_nouns() or noun.lemma_.lower() in person_nouns():
        return True
    return c.metric != "other" and not noun.like_num or (noun.like_num and c.metric != "other")


def _figure_span(text: str, q: Quantity, c: Counted, num: Token) -> Span:
    """The quantity, extended over the counted noun when it directly follows ("33 living
    hostages", "two Israeli civilians"), so the span reads as the figure."""
    end = q.end
    noun = c.noun
    if q.unit is None and noun is not None and noun.i != num.i and noun.idx >= q.end \
            and noun.idx - q.end <= 40:
        between = text[q.end:noun.idx]
        if "," not in between and "\n" not in between and "(" not in between:
            end = noun.idx + len(noun)
    return Span.of(text, q.start, end)


def _claimant(q: Quantity, c: Counted, state: State, num: Token | None = None,
              resolver: Speakers | None = None, look: Lookups | None = None,
              aside: list[Quote] | None = None) -> Speaker | None:
    """Who claims the figure, from the attribution work: a quote whose cue sits inside the
    figure's own counted phrase ("operatives Israel says it has killed") first, else the innermost
    quote whose content holds the figure (``state.speakers.claimant_for`` when the quotes
    extractor provides it). None when no attribution covers the figure."""
    quotes: list[Quote] = list(state.quotes or [])
    sp: Speaker | None = None
    own = {t.idx for t in c.tokens}
    look = look or Lookups(state)
    own_cue = look.cue_quote(own, q.num_end)
    if own_cue is not None:
        sp = own_cue.speaker
    if sp is None:
        best: Quote | None = None
        if state.speakers is not None:
            best = state.speakers.quote_for(q.num_start, q.num_end)
        else:
            for qu in quotes:
                if qu.content.start <= q.num_start and q.num_end <= qu.content.end and (
                        best is None or qu.content.end - qu.content.start
                        < best.content.end - best.content.start):
                    best = qu
        if best is not None and num is not None and _background(num, best):
            if aside is not None:
                aside.append(best)
            best = None  # "… since the attack in which Hamas killed 1,200": not the speaker's
        sp = best.speaker if best is not None else None
    if sp is None or (sp.name is None and sp.mention is None):
        # No attribution, or a quote whose speaker the text leaves unsaid ("“…,” Milley
        # believes"): the clause that governs the figure may still name its claimant.
        sp = _claiming_subject(c, resolver, num)
    if sp is None or (sp.name is None and sp.mention is None) or figlinks.self_reference(sp) \
            or (num is not None and figlinks.not_a_speaker(num.doc, sp)):
        return None
    return Speaker(sp.mention, claimant_name(sp.name, _mention_context(state.text, sp.mention)))


_RELATIVE = frozenset({"which", "that", "who", "whom", "whose"})
_BACKGROUND_MARKS = frozenset({"after", "when", "before", "as", "while", "during"})
# Prepositions of a temporal landmark: a clause describing the landmark is background.
_TEMPORAL_PREPS = frozenset({"since", "after", "following", "before", "until"})


def _past_simple(verb: Token) -> bool:
    """"Hamas killed", "1,200 people were killed": a narrated past event, not a running toll
    ("have been killed")."""
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and any(a.dep_ == "auxpass" and a.tag_ == "VBD"
                                      for a in verb.children) and \
        not any(a.dep_ == "aux" for a in verb.children)


def _sourced_asides(state: State, found: list[tuple[Figure, Counted, tuple[int, int]]],
                    asides: list[tuple[Figure, Quote]]) -> None:
    """"It comes weeks after the attack that killed more than 1,200 people and in which 240
    were taken hostage, according to X": when every figure in a trailing "according to" is
    background, the source is given for them (it sources nothing else); when the content also
    holds a claim of its own ("…, which killed 1,200, triggered an assault that has killed
    33,700, according to X"), the background stays unclaimed."""
    by_quote: dict[tuple[int, int], list[Figure]] = {}
    quotes: dict[tuple[int, int], Quote] = {}
    for fig, quote in asides:
        if quote.kind != "according_to" or quote.cue is None or quote.speaker.name is None or \
                quote.cue.start < fig.span.end:
            continue
        key = (quote.content.start, quote.content.end)
        by_quote.setdefault(key, []).append(fig)
        quotes[key] = quote
    if not by_quote:
        return
    starts = sorted(by_quote)
    claimed = set()
    for fig, _, _ in found:  # a figure of the content claimed by anyone: the quote has a claim
        k = bisect.bisect_right(starts, (fig.span.start, len(state.text) + 1)) - 1
        if k >= 0 and fig.claimant is not None and starts[k][0] <= fig.span.start and \
                fig.span.end <= starts[k][1]:
            claimed.add(starts[k])
    for key, figs in by_quote.items():
        if key in claimed:
            continue
        sp = quotes[key].speaker
        for fig in figs:
            fig.claimant = Speaker(sp.mention, claimant_name(
                sp.name, _mention_context(state.text, sp.mention)))


def _background(num: Token, quote: Quote) -> bool:
    """True when the figure sits in a clause nested inside the quote's content that narrates a
    past event with its own subject ("… following the attack in which Hamas killed about 1,200",
    "… after gunmen killed 30"): background the writer supplies, not part of the claim. A clause
    that holds the attribution itself ("strikes, which the ministry says killed 67") is not."""
    content = quote.content
    cue = quote.cue.start if quote.cue is not None else -1
    node = num
    clause = False
    for _ in range(40):  # bounded walk up the tree
        head = node.head
        if head.i == node.i:
            return False
        node = head
        lo, hi = node.left_edge.idx, node.right_edge.idx
        if lo < content.start or hi >= content.end:
            return False  # the clause reaches outside the content: it is the claim itself
        if clause and node.dep_ == "prep" and node.lower_ in _TEMPORAL_PREPS and \
                not lo <= cue <= hi:
            return True  # "since the 7 October attacks, which killed 1,200": the landmark
        if node.dep_ not in ("relcl", "advcl", "acl") or node.pos_ not in ("VERB", "AUX"):
            continue
        clause = True
        if node.dep_ == "acl":
            continue
        if lo <= cue <= hi or not _past_simple(node):
            continue
        subj = next((t for t in node.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.lower_ in _RELATIVE and _aside_on_subject(node):
            return True  # "the 7 October attack, which killed 1,200, triggered a war that …"
        if subj is None or subj.lower_ in _RELATIVE:
            continue  # "strikes which killed 67": the relative clause is the claim
        if node.dep_ == "advcl" and not any(
                m.dep_ in ("mark", "advmod") and m.lower_ in _BACKGROUND_MARKS
                for m in node.children):
            continue
        return True
    return False


def _aside_on_subject(relcl: Token) -> bool:
    """A relative clause set off by commas on the subject of another verb ("The attack, which
    killed 1,200, triggered an assault that has killed 33,700, according to the ministry"): an
    aside about the subject, not what the attribution reports, which is the other verb's clause."""
    noun = relcl.head
    for _ in range(4):  # "the raid on the town, which killed 140, set off …": inside the subject
        if noun.dep_ not in ("pobj", "prep") or noun.head.i == noun.i:
            break
        noun = noun.head
    if relcl.dep_ != "relcl" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i == relcl.i:
        return False
    left = relcl.left_edge.i
    return left > 0 and relcl.doc[left - 1].text == ","


@lru_cache(maxsize=1)
def _claim_verbs() -> frozenset[str]:
    return lexicons.claim_verbs()


def _claiming_subject(c: Counted, resolver: Speakers | None,
                      num: Token | None = None) -> Speaker | None:
    """The subject of a claiming verb that governs the figure ("Israel had demanded the release
    of 33 …"), resolved by the attribution work's speaker resolver; None without one. The claim
    carries through what the verb governs without a subject of its own ("Biden proposes to
    export 20 million tons", "the White House announced the deal to allow 20 trucks", "officials
    said the toll had exceeded 15,200"), never through a clause with another actor ("… after
    Hamas killed 1,200")."""
    if resolver is None:
        return None
    resolve = resolver.resolve
    # "Russia has admitted (that) 10,000 of their troops have been killed": the verb whose clause
    # holds the figure claims it too.
    heads = [v.head for v in c.verbs if v.dep_ == "ccomp" and v.head.i != v.i]
    for v in [*c.verbs, *heads]:
        if v.lemma_.lower() not in _claim_verbs():
            continue
        subj = next((t for t in v.children if t.dep_ == "nsubj"), None)
        if subj is not None:
            sp = resolve(v.doc, subj)
            if isinstance(sp, Speaker) and sp.name:
                return sp
    for verb in _governing_claims(num) if num is not None else ():
        subj = _claim_subject(verb)
        if subj is None:
            continue  # "… and urges Egypt to …" with no subject of its own: the verb above says
        sp = resolve(verb.doc, subj)
        if not isinstance(sp, Speaker):
            return None
        if sp.name or (sp.mention is not None and known_actor(sp.mention.text) is not None):
            return sp  # a body the table knows though the resolver leaves it unnamed
        return None
    return None


# Relations a claim carries through, from the figure up to the verb that claims it.
_CARRY = frozenset({"nummod", "compound", "quantmod", "dobj", "pobj", "prep", "nsubj",
                    "nsubjpass", "attr", "acomp", "xcomp", "ccomp", "acl", "advcl", "pcomp",
                    "oprd", "appos", "amod", "npadvmod", "advmod", "conj", "dative", "agent",
                    "punct", "dep"})
_CLAIM_REACH = 10  # tree steps from the figure to its claiming verb
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_GLUED = re.compile(r"[a-z]{3,}[A-Z]")  # "InjuredSevastopol": a heading run into the text


def _governing_claims(num: Token) -> Iterator[Token]:
    """The claiming verbs above the figure, nearest first, on a path that enters no clause with
    a subject of its own except as a reported clause ("said (that) the toll had exceeded …"),
    and crosses no line break (a heading glued to the next sentence is not part of it)."""
    node = prev = num
    claim_verbs = _claim_verbs()
    doc = num.doc  # never doc.text here: it joins the whole document at each call
    for _ in range(_CLAIM_REACH):
        head = node.head
        lo, hi = min(head.i, node.i), max(head.i, node.i)
        if head.i == node.i or node.dep_ not in _CARRY or \
                "\n" in doc[lo:hi].text_with_ws:
            return
        if node.pos_ in ("VERB", "AUX") and node is not num and node.dep_ != "ccomp" and \
                _own_clause(node, prev):
            return  # "… after Hamas killed 1,200": another actor's clause
        prev, node = node, head
        if node.pos_ in ("VERB", "AUX") and node.lemma_.lower() in claim_verbs:
            yield node


_EVENT_MARKS = _BACKGROUND_MARKS | {"since", "until", "because", "once", "whereas"}


def _own_clause(verb: Token, below: Token) -> bool:
    """A clause the claim does not reach: one with a subject other than the way up from the
    figure ("and the United States ordered 8,500 troops"), or a clause of time or cause even
    when the figure is its subject ("before the aircraft with aid worth $200 million
    landed"). A purpose clause whose subject is the figure is still the claim ("urges Egypt
    … so that hundreds can be approved")."""
    subjects = [t for t in verb.children if t.dep_ in _SUBJECTS]
    if any(t.i != below.i for t in subjects):
        return True
    return bool(subjects) and any(m.dep_ in ("mark", "advmod") and m.lower_ in _EVENT_MARKS
                                  for m in verb.children)


def _claim_subject(verb: Token) -> Token | SpacySpan | None:
    """The subject of a claiming verb: its own, a coordinated verb's ("It says … and urges"), or
    the name right before it when the parse lost it: a noun phrase after a dash ("hours after
    the ceasefire ended - officials in Gaza said"), capitalised words after a heading run into
    the text ("Treating the InjuredSevastopol Governor X put the toll at four")."""
    v = verb
    for _ in range(3):
        subj = next((t for t in v.children if t.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
        if v.dep_ != "conj" or v.head.i == v.i:
            break
        v = v.head
    doc = verb.doc
    if verb.i == 0 or any(t.dep_ in ("nsubjpass", "expl") for t in verb.children):
        return None
    # A capitalised run ending right before the verb, opened by a line break or a glued heading.
    k = verb.i - 1
    while k >= 0 and doc[k].pos_ == "PROPN" and not _GLUED.search(doc[k].text) and \
            k > verb.i - 7:
        k -= 1
    if verb.i - k >= 3 and k >= 0 and (doc[k].is_space and "\n" in doc[k].text
                                       or _GLUED.search(doc[k].text)):
        return doc[k + 1:verb.i]
    # A noun phrase right before the verb, opened by a dash or a line break.
    k = verb.i - 1
    while k >= 0 and k > verb.i - 6 and doc[k].text not in ("-", "–", "—") and \
            "\n" not in doc[k].text:
        k -= 1
    phrase = doc[k + 1:verb.i]
    if k < 0 or k == verb.i - 1 or doc[k].text in ("-", "–", "—") and not (
            k > 0 and doc[k - 1].whitespace_ and doc[k].whitespace_):
        return None  # no opening mark, or a hyphen inside a word
    if phrase[0].pos_ not in ("NOUN", "PROPN", "DET", "ADJ") or any(
            t.pos_ in ("VERB", "AUX", "PRON", "PUNCT") for t in phrase) or \
            not any(t.pos_ in ("NOUN", "PROPN") for t in phrase):
        return None
    return phrase


def _is_spec(text: str, q: Quantity) -> bool:
    """A hyphenated measure ("2,000- and 500-pound bombs") describes a kind of object; it is a
    specification, not a count anyone claims."""
    return q.unit is not None and bool(re.match(r"[ \t]*-", text[q.num_end:q.num_end + 3]))


def _mention_context(text: str, mention: Span | None) -> list[str]:
    """The mention with what follows it in the text ("Gaza's Ministry" + " of Health",
    "figures" + " from the Hamas-run health ministry"), longest first, for canonical names."""
    if mention is None:
        return []
    after = text[mention.end:mention.end + 80]
    m = re.match(r"(\s+(?:of|from|for|at|with|in)\s+(?:the\s+)?[\w'’-]+(?:\s+[\w'’-]+){0,5})",
                 after)
    out = [mention.text]
    if m:
        words = m.group(1).split()
        out = [mention.text + " " + " ".join(words[:k]) for k in range(len(words), 1, -1)] + out
    return out


def _cumulative(scope: str, sentence: str, c: Counted, look: Lookups | None = None,
                at: int = 0, sent: tuple[int, int] | None = None) -> bool | None:
    """``look`` and ``at`` (where ``scope`` starts in the text) let the scope tests reuse what
    the previous figure's scope found (``Lookups.scope_has``); without them the scope is searched.
    ``sent`` (``sentence``'s range) lets the sentence-wide test be answered once per sentence."""
    def has(pattern: re.Pattern[str]) -> bool:
        if look is None:
            return bool(pattern.search(scope))
        return look.scope_has(pattern, scope, at, at + len(scope))

    if has(_SINGLE) or has(_INCREMENT):
        return False
    if has(_CUMULATIVE):
        return True
    if has(_EVENTS_AT):
        return False  # "killed in attacks in Al Nuseirat camp": these events, not the war
    # "… have been killed" with no event or period named: the running total so far; but not
    # when the sentence tells of one event ("after an Israeli air strike", "while waiting for
    # aid", "where a blast has killed"): those are that event's dead.
    one_event = look.tells_one_event(sent) if look is not None and sent is not None \
        else bool(_ONE_EVENT.search(sentence))
    if one_event:
        return None
    if c.metric in ("killed", "injured") and any(
            any(a.lower_ in ("has", "have", "'ve", "’ve") for a in v.children) for v in c.verbs):
        return True
    return None


def _told_in_past(c: Counted) -> bool:
    """Is the count's clause in the simple past or past perfect ("stood at", "had been
    killed", "was"), with no present or present-perfect verb ("have been killed", "stands")?"""
    past = False
    for v in c.verbs:
        auxes = [a.lower_ for a in v.children if a.dep_ in ("aux", "auxpass")]
        if v.tag_ in ("VBZ", "VBP") or any(a in ("has", "have", "is", "are", "'ve", "’ve")
                                           for a in auxes):
            return False
        past = past or v.tag_ == "VBD" or any(a in ("had", "was", "were") for a in auxes)
    return past


_AS_OF_REACH = 60  # characters: a time further from the figure does not govern it


def _as_of(state: State, q: Quantity, c: Counted, sent: tuple[int, int], fig: Figure,
           look: Lookups | None = None) -> str | None:
    """The time expression governing the figure, else the publication date for a present-tense
    running total ("so far", "to date", "says … have been killed")."""
    text = state.text
    look = look or Lookups(state)
    lo, hi = min(c.start, q.start), max(c.end, q.end)
    # "In early December, when the toll stood at 16,200", "by 5 December 16,248 had been
    # killed": a total told in the past tense held at the time the sentence names.
    held_then = _told_in_past(c)
    cands: list[tuple[int, TimeExpr]] = []
    for t in look.dated_near(sent, lo, hi, _AS_OF_REACH):
        if t.type not in ("DATE", "TIME") or not t.value or not (sent[0] <= t.span.start < sent[1]):
            continue
        if not t.value[:1].isdigit():
            continue  # PAST_REF, PRESENT_REF, an undated "morning": not a calendar as-of date
        if _SCOPE_BEFORE.search(text[max(0, t.span.start - 14):t.span.start]) \
                or dating.opens_period(text, t.span.start):
            continue  # "since October 7", "since its update yesterday" is scope, kept in counts
        if any(tok.idx <= t.span.start < tok.idx + len(tok) for tok in c.tokens
               if tok.i != (c.noun.i if c.noun is not None else -1)):
            continue  # "hostages abducted on October 7": when they were taken, not as of when
        inside = lo <= t.span.start and t.span.end <= hi
        if fig.cumulative and not held_then \
                and not _CLAIM_TIME.search(text[max(0, t.span.start - 24):t.span.start]):
            continue  # a running total is as of when it was reported, not of its events
        cands.append((0 if inside else min(abs(t.span.start - hi), abs(lo - t.span.end)), t))
        if cands[-1][0] == 0:
            break  # nothing beats it, and the stable sort below would pick the first such one
    if cands:
        cands.sort(key=lambda x: x[0])
        if cands[0][0] == 0 or cands[0][0] < _AS_OF_REACH:
            return cands[0][1].value
    # Further away, a date still dates the figure when the grammar ties it to the figure's
    # clause or the one governing it ("Three days ago … officials said the toll had …").
    far = dating.governing_time(look.framing_times(sent, c.verbs[0].doc) if c.verbs else [],
                                c.verbs, skip_own=bool(fig.cumulative and not held_then),
                                sentence_start=sent[0])
    if far is not None:
        return far.value
    pub = state.published
    if pub is None:
        return None
    present_word, says = look.present_words(sent)
    present = present_word or (fig.claimant is not None and says) or any(
        v.tag_ in ("VBZ", "VBP") or any(a.lower_ in ("has", "have") for a in v.children)
        for v in c.verbs) or (not held_then and dating.told_in_present_above(c.verbs))
    if fig.cumulative and present:
        return pub.isoformat()
    if present and fig.metric in ("killed", "injured", "hostages_held", "displaced", "missing"):
        return pub.isoformat()
    return None


def _attach_hedges(text: str, found: list[tuple[Figure, Counted, tuple[int, int]]]) -> None:
    """Each hedge phrase qualifies one figure of its sentence (or, for a figure-less sentence about
    "these figures", the figures of the sentence before)."""
    by_sent: dict[tuple[int, int], list[int]] = {}
    for k, (_, _, sent) in enumerate(found):
        by_sent.setdefault(sent, []).append(k)
    sents = sorted(by_sent)
    for sent, idx in by_sent.items():
        spans = [(found[k][0].span.start, found[k][0].span.end) for k in idx]
        for h in hedging.find_hedges(text, sent[0], sent[1]):
            j = hedging.attach(h, spans)
            if j is not None:
                found[idx[j]][0].hedges.append(Span.of(text, h[0], h[1]))
    # Hedging sentences with no figure of their own ("The BBC cannot verify these figures.").
    for pos, sent in enumerate(sents):
        nxt_start = sent[1]
        nxt_end = sents[pos + 1][0] if pos + 1 < len(sents) else len(text)
        gap = text[nxt_start:nxt_end]
        m_end = re.search(r"[.!?](?:\s|$)", gap.strip()[:400] + " ")
        first = gap[:len(gap) - len(gap.lstrip())] + gap.strip()[:m_end.end() if m_end else 0]
        if not first.strip() or not hedging.refers_back(first):
            continue
        for h in hedging.find_hedges(text, nxt_start, nxt_start + len(first)):
            for k in by_sent[sent]:
                fig = found[k][0]
                if fig.claimant is not None or len(by_sent[sent]) == 1:
                    fig.hedges.append(Span.of(text, h[0], h[1]))


def subgroup(fig: Figure) -> bool:
    """True when the figure counts a subgroup (children, women, journalists …) of a toll."""
    words = set((fig.counts or "").lower().split())
    return bool(words & subgroup_nouns())
