"""Time expressions (TIMEX3 DATE/TIME/DURATION/SET) resolved against the publication date.

``time.find`` finds candidates on the raw text, ``time.resolve`` turns each into a TIMEX3 value; this
module walks them in text order and adds what needs context: modifiers written before an expression
("late November", "more than six weeks", "since 2014"), the tense of the sentence (from the spaCy
parse, cheaply), the paragraph's narrative anchor ("On March 3 ... two days later"), and the day of
a clock time. It also checks the publication date: missing, malformed or far-future dates leave
relative values unresolved (``None``) instead of guessing.
"""

from __future__ import annotations

import bisect
import re
from datetime import date, timedelta

from spacy.tokens import Doc, Token

from ...record import ErrorEntry, Span, TimeExpr
from ..document import RangeIndex
from ..registry import State, component
from .find import Cand, find
from .words import DAY_PARTS, RX_MONTH, RX_TZ
from .resolve import TENSE_KINDS, Ctx, Resolved, resolve
from ... import lexicons

VERSION = "newsledger.times.v1"

# Publication dates further ahead of the clock than this are treated as wrong, not as the future.
FAR_FUTURE = timedelta(days=366)
EARLIEST_YEAR = 1800  # and before this, a publication date is a data error

_MOD_BEFORE = re.compile(
    r"(?:\b(?P<w>early|late|mid)[\s-]+|\b(?P<m>mid)-|\b(?P<p>(?:the\s+)?(?:very\s+)?(?:beginning|"
    r"start|end|middle|close|first\s+half|second\s+half|latter\s+half|latter\s+part|"
    r"early\s+part)\s+of)\s+)$", re.IGNORECASE)
_MODS = {"early": "START", "beginning": "START", "start": "START", "first half": "START",
         "early part": "START", "late": "END", "end": "END", "close": "END",
         "second half": "END", "latter half": "END", "latter part": "END", "mid": "MID",
         "middle": "MID"}
_APPROX_BEFORE = re.compile(
    r"\b(?P<a>about|around|approximately|roughly|some|nearly|almost|more\s+than|less\s+than|"
    r"fewer\s+than|at\s+least|at\s+most|up\s+to|under|just\s+over|just\s+under|upwards\s+of|"
    r"close\s+to|well\s+over)\s+$", re.IGNORECASE)
_APPROX = {"about": "APPROX", "around": "APPROX", "approximately": "APPROX", "roughly": "APPROX",
           "some": "APPROX", "nearly": "LESS_THAN", "almost": "LESS_THAN",
           "less than": "LESS_THAN", "fewer than": "LESS_THAN", "under": "LESS_THAN",
           "just under": "LESS_THAN", "close to": "APPROX", "more than": "MORE_THAN",
           "just over": "MORE_THAN", "upwards of": "MORE_THAN", "well over": "MORE_THAN",
           "at least": "EQUAL_OR_MORE", "at most": "EQUAL_OR_LESS", "up to": "EQUAL_OR_LESS"}
_AGO_MODS = {"MORE_THAN": "BEFORE", "EQUAL_OR_MORE": "ON_OR_BEFORE", "LESS_THAN": "AFTER",
             "EQUAL_OR_LESS": "ON_OR_AFTER"}
_SIGNAL_BEFORE = re.compile(r"\b(?P<s>since|before|after|until|till)\s+$", re.IGNORECASE)
_SIGNALS = {"since": "ON_OR_AFTER", "before": "BEFORE", "after": "AFTER",
            "until": "ON_OR_BEFORE", "till": "ON_OR_BEFORE"}
# Between a clock time and the date it belongs to ("10 a.m. on Friday", "Friday at 10 a.m.").
# "Friday 10 a.m.", "Monday, 6 p.m.", "14/10/2025 - 10:32" (a page stamp)
_TIGHT = re.compile(r"^[ \t]*(?:,|[ \t][-–—])?[ \t]*$")
# "October 14, 2025 at 6:30 a.m. EDT": a page stamp, a full date with its year, then the clock
_STAMP_AT = re.compile(r"^,?[ \t]+at[ \t]+$")
_FULL_DATE = re.compile(r"\b\d{4}$")
# "3 min read", "5 minute listen": a page's reading time, not a time in the story
_READ_TIME = re.compile(r"\s+(?:read|listen|watch)\b", re.IGNORECASE)  # used with .match(pos)
_GLUE = re.compile(r"^[\s,]*(?:on|at|of|\(|\)|,|\s)*(?:\s[-–—]\s*)?$", re.IGNORECASE)
_SET_AT = re.compile(r"^,?\s+at\s+$", re.IGNORECASE)
_ABSOLUTE = frozenset({"date", "iso", "numeric", "month", "year"})
# Any sentence-final mark or line break in a stretch of plain text. Not the Doc's sentences
# (Document.sentences): find_times runs without a Doc too, and here a line break always counts as
# a break, whatever the parser made of it.
_TEXT_SENTENCE_BREAK = re.compile(r"[.!?](?:\s|$)|\n")
_MODDABLE = frozenset({"date", "month", "year", "decade", "weekday", "relunit", "quarter",
                       "season", "relday", "iso", "numeric"})
# Verbs of saying and posting whose reported content counts "today" from their own day.
_STATEMENT_VERBS = frozenset({"say", "post", "write", "tweet", "tell", "announce", "add", "state",
                              "declare", "report", "claim", "warn", "insist"})
# Kinds counted from the speaker's "now": from a statement's own day when it has one.
_DEICTIC_KINDS = frozenset({"relday", "dur", "weekday", "relunit", "monthday"})
_FUTURE_AUX = frozenset({"will", "'ll", "’ll", "shall", "wo"})
_REPORT_VERBS = lexicons.word_set("report_verbs")
_FUTURE_HEADS = lexicons.word_set("future_heads")


def check_published(st_published: date | None, raw: str | None,
                    today: date | None = None) -> tuple[date | None, str | None]:
    """The publication date to resolve against, and an error message when it cannot be used."""
    if st_published is None:
        if raw:
            return None, (f"publication date {raw!r} is not an ISO date (expected YYYY-MM-DD); "
                          "relative dates were left unresolved. Give it as published='YYYY-MM-DD' "
                          "(Python) or --published YYYY-MM-DD (command line).")
        return None, None  # the pipeline reports a missing date itself
    today = today or date.today()
    if st_published.year < EARLIEST_YEAR:
        return None, (f"publication date {st_published.isoformat()} is before {EARLIEST_YEAR}; "
                      "relative dates were left unresolved. Check the 'published' field.")
    if st_published > today + FAR_FUTURE:
        return None, (f"publication date {st_published.isoformat()} is in the far future "
                      f"(after {(today + FAR_FUTURE).isoformat()}); relative dates were left "
                      "unresolved. Check the 'published' field.")
    return st_published, None


class _Tense:
    """What the spaCy parse says about the clause around a character offset: future or past
    tense, or a modal "may". A bisect and a short walk up the tree per expression."""

    def __init__(self, doc: Doc | None):
        self.doc = doc
        self.starts = [t.idx for t in doc] if doc is not None else []

    def is_modal(self, offset: int) -> bool:
        """Is the token starting at ``offset`` tagged as a modal verb ("may")?"""
        if self.doc is None or not self.starts or not self.doc.has_annotation("TAG"):
            return False
        i = bisect.bisect_left(self.starts, offset)
        return i < len(self.starts) and self.starts[i] == offset and self.doc[i].tag_ == "MD"

    def _verb(self, offset: int) -> Token:
        """The verb governing the token at ``offset`` (or the nearest head, four steps up)."""
        assert self.doc is not None
        tok = self.doc[max(0, bisect.bisect_right(self.starts, offset) - 1)]
        for _ in range(4):
            if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
                break
            tok = tok.head
        return tok

    def past(self, offset: int) -> bool:
        """Is the clause around ``offset`` explicitly in a past tense ("entered", "had left")?"""
        if self.doc is None or not self.starts or not self.doc.has_annotation("DEP"):
            return False
        tok = self._verb(offset)
        if tok.tag_ == "VBN" and tok.dep_ == "ROOT" and not any(
                ch.dep_ in ("aux", "auxpass") for ch in tok.children):
            return True  # a main verb tagged VBN with no auxiliary: a simple past ("ended")
        return tok.tag_ == "VBD" or any(ch.dep_ in ("aux", "auxpass") and ch.tag_ == "VBD"
                                        for ch in tok.children)

    def perfect(self, offset: int) -> bool:
        """Is the clause around ``offset`` in a present perfect ("has been delayed")?"""
        if self.doc is None or not self.starts or not self.doc.has_annotation("DEP"):
            return False
        tok = self._verb(offset)
        return tok.tag_ == "VBN" and any(ch.dep_ == "aux" and ch.lemma_ == "have"
                                         for ch in tok.children)

    def said_on(self, offset: int, marks: list[tuple[int, date]]) -> date | None:
        """The day of the statement whose reported content holds ``offset``: "In a post on
        Wednesday, she said until two days ago ..." counts "two days ago" from Wednesday.

        ``marks`` are the (offset, day) of day-precise dates before ``offset`` in the paragraph.
        The date must hang from the reporting verb (or its subject, "a post on Wednesday") and
        the expression from the verb's complement; "officials said today" is the report's own
        day, the publication's.
        """
        if self.doc is None or not self.starts or not marks or not self.doc.has_annotation("DEP"):
            return None
        tok = self.doc[max(0, bisect.bisect_right(self.starts, offset) - 1)]
        path = [tok]
        while path[-1].head.i != path[-1].i and len(path) < 8:  # spaCy Tokens: compare .i
            path.append(path[-1].head)
        for i, v in enumerate(path[1:], 1):
            # the content follows the verb and is more than a word hanging from it ("said
            # today" is when it was said; "said until two days ago, ..." what was said)
            if v.lemma_ in _STATEMENT_VERBS and v.pos_ in ("VERB", "AUX") and offset > v.idx \
                    and (i >= 2 or path[i - 1].dep_ in ("ccomp", "parataxis")):
                inner = path[i - 1]
                break
        else:
            return None
        sent = v.sent
        for mark, day in reversed(marks):
            if not sent.start_char <= mark < sent.end_char:
                continue
            m = self.doc[max(0, bisect.bisect_right(self.starts, mark) - 1)]
            if m.i < v.i and not any(t.pos_ in ("VERB", "AUX") for t in self.doc[m.i + 1:v.i]):
                return day  # "In a post on Wednesday, she said": no other verb in between
            up = m
            for _ in range(6):  # the date's way up must reach the verb, not through the content
                if up.i == inner.i:
                    break
                if up.i == v.i:
                    return day
                if up.head.i == up.i:
                    break
                up = up.head
        return None

    def future(self, offset: int) -> bool:
        """Is the clause around ``offset`` in the future ("will meet", "is set to meet")?"""
        if self.doc is None or not self.starts or not self.doc.has_annotation("DEP"):
            return False
        tok = self._verb(offset)
        if tok.tag_ == "VBN" and tok.dep_ in ("acl", "amod") and tok.lemma_ in _FUTURE_HEADS:
            # "the handover planned for Saturday", "a vote scheduled for Monday": forward, unless
            # the clause it sits in is told in the past ("the vote scheduled for Monday was held").
            gov = tok.head.head if tok.head.i != tok.i else tok
            # "was postponing" is reported speech in the present; "was cancelled" is past.
            return not (gov.tag_ == "VBD" or (gov.tag_ == "VBN" and any(
                ch.dep_ in ("aux", "auxpass") and ch.tag_ == "VBD" for ch in gov.children)))
        for _ in range(3):  # the verb, then the verb it complements or is conjoined to
            if tok.lower_ in _FUTURE_AUX or any(
                    ch.dep_ in ("aux", "auxpass") and ch.lower_ in _FUTURE_AUX
                    for ch in tok.children):
                return True
            # "reported that a delegation would join the talks on Wednesday": the future seen
            # from a past report. Only under a reporting verb: "people who would appear
            # overnight" is a habitual past, "would have met on Tuesday" a counterfactual one.
            auxes = [ch.lower_ for ch in tok.children if ch.dep_ in ("aux", "auxpass")]
            if "would" in auxes and not {"have", "'ve", "’ve"} & set(auxes) \
                    and tok.dep_ == "ccomp" and tok.head.lemma_ in _REPORT_VERBS:
                return True
            if tok.head.i == tok.i or tok.dep_ not in ("xcomp", "conj"):
                break
            if tok.dep_ == "xcomp" and tok.head.lemma_ in _FUTURE_HEADS:
                return True  # "is set to meet", "plans to travel", "is expected to vote"
            tok = tok.head
        return False


# A deadline or a lower bound before a date ("by July", "until 17 October", "no later than
# Friday"): what it bounds is usually still running, so the date is the coming one.
_DEADLINE = re.compile(
    r"\b(?:by|until|till|no\s+later\s+than)\s+(?P<least>at\s+least\s+)?"
    r"(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+|early\s+|late\s+|mid-?)?$",
    re.IGNORECASE)
# Words in the same clause, shortly before a date, that say it is scheduled: an event that is
# set for a date ("the Nato summit in Vilnius in July", "the vote on Monday") or a plan.
_SCHEDULED = re.compile(
    r"\b(?:summit|summits|election|elections|vote|referendum|conference|hearing|deadline|"
    r"talks|match|fixture|final|tournament|ceremony|inauguration|olympics|visit|trip|"
    r"plans?|planned|planning|scheduled|upcoming|forthcoming|slated|due(?!\s+to\s+(?!be\b)))\b"
    r"[^.;:!?\n]{0,60}$", re.IGNORECASE)
# A clock time with its zone next to a weekday ("15:00 GMT Saturday", "Saturday, 3pm ET"):
# fixture lists, kick-offs and broadcast times, which are written ahead of the event.
_ZONED_CLOCK_BEFORE = re.compile(
    r"\b\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?\s*)?" + RX_TZ + r"[,\s]+(?:on\s+)?$",
    re.IGNORECASE)
_ZONED_CLOCK_AFTER = re.compile(
    r",?\s+(?:at\s+)?\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?\s*)?" + RX_TZ
    + r"\b", re.IGNORECASE)
# "(had been) planned for Sunday": the time of the plan's event, whatever the tense of planning.
_PLANNED_FOR = re.compile(r"\b(?:planned|scheduled|slated|set|due)\s+(?:for|on)\s+$",
                          re.IGNORECASE)
_FORWARD_KINDS = frozenset({"date", "month", "weekday", "monthday", "holiday", "quarter"})


# What introduces a quotation with its own date: 'On Tuesday, the ministry said: "Yesterday ...'
_STATEMENT_CUE = re.compile(r"\b(?:said|says|posted|wrote|tweeted|told|added|stated|declared|"
                            r"announced|statement|post|message|video)\b", re.IGNORECASE)
_LAST_BREAK = re.compile(r".*[.!?](?:\s|$)", re.DOTALL)


def _quoted_on(text: str, para_start: int, offset: int,
               marks: list[tuple[int, date]]) -> date | None:
    """The day of the statement whose quotation holds ``offset``: the last day-precise date in
    the sentence that opens the quotation, when that sentence says who said it ("On Tuesday, the
    ministry said in a statement: "... Today we hold the line.""). Quotations are matched in the
    paragraph: curly quotes by pairs, straight ones by parity."""
    before = text[para_start:offset]
    q = before.rfind("“")
    if q < 0 or before.rfind("”") > q:
        q = before.rfind('"') if before.count('"') % 2 == 1 else -1
    if q < 0:
        return None
    intro = before[:q]
    brk = _LAST_BREAK.match(intro)
    lo = para_start + (brk.end() if brk else 0)
    if not _STATEMENT_CUE.search(text, lo, para_start + q):
        return None
    days = [day for m, day in marks if lo <= m < para_start + q]
    return days[-1] if days else None


def _leans_forward(text: str, c: Cand, tense: _Tense) -> bool:
    """Does the context point a date without a year ahead, though no "will" governs it?

    Deadlines ("by July", "until 17 October"), scheduled events and plans ("the summit in
    July", "plans for a June vote") and fixture notation ("15:00 GMT Saturday") are written
    about what is to come; a clause told in the past ("the summit in July was a success")
    still looks back. "until at least" bounds something still running: always ahead.
    """
    if c.kind not in _FORWARD_KINDS or text.startswith(("'s", "’s"), c.end):
        return False  # "by Saturday's strike": an event, not a deadline
    before = text[max(0, c.start - 80):c.start]
    d = _DEADLINE.search(before)
    if d and d.group("least"):
        return True
    if tense.doc is None or not tense.doc.has_annotation("DEP"):
        return False  # without a parse a past clause cannot be told apart: keep looking back
    if _PLANNED_FOR.search(before):
        # "a rally that had been planned for Sunday": planning is told in the past, the event
        # is still ahead. ("The vote scheduled for Monday was held" is future()'s case.)
        verb = tense._verb(c.start)
        if verb.lemma_ in _FUTURE_HEADS and verb.dep_ not in ("acl", "amod"):
            return True
    if (d or _SCHEDULED.search(before) or c.kind == "weekday" and (
            _ZONED_CLOCK_BEFORE.search(before) or _ZONED_CLOCK_AFTER.match(text, c.end))):
        # "has been delayed ... on Wednesday": a perfect tells what is done, too
        if tense.past(c.start) or tense.perfect(c.start):
            return False
        verb = tense._verb(c.start)
        if verb.dep_ in ("acl", "amod") and verb.head.i != verb.i:
            # "the vote scheduled for Monday was cancelled": the clause the noun sits in
            return not tense.past(verb.head.idx)
        return True
    return False


# A line that is only an embedded post's date: "— Jane Doe (@jdoe) August 13, 2017" under a
# post (it dates the lines above it), or "Posted 20 December 2023" over one (the line after).
_POST_TRAILER = re.compile(r"^\s*[—–-]\s*[^\n]{0,60}\(@\w+\)\s*(?P<date>[^\n]{6,40}?)\s*$")
_POST_HEADER = re.compile(r"^\s*(?:(?:posted|published|updated)(?:\s+on)?\s*:?\s*)?"
                          r"(?P<date>[^\n]{6,40}?)\s*$", re.IGNORECASE)


def _post_days(text: str, published: date | None) -> dict[int, date]:
    """Paragraph index -> the date an embedded post gives itself, for its "today", "two days
    ago". A trailer dates the non-empty line just above it; a header line (a full date with a
    year and nothing else) the non-empty line just below. Paragraphs are lines, as in
    find_times."""
    lines = text.split("\n")
    out: dict[int, date] = {}
    for i, line in enumerate(lines):
        found = _date_line(line, published)
        if found is None:
            continue
        step, day = found
        j = i + step
        while 0 <= j < len(lines) and not lines[j].strip():
            j += step
        if 0 <= j < len(lines) and _date_line(lines[j], published) is None:
            out[j] = day
    return out


def _date_line(line: str, published: date | None) -> tuple[int, date] | None:
    """(-1 for a trailer, 1 for a header, the day) when ``line`` is only a post's date."""
    if len(line) > 110 or not any(ch.isdigit() for ch in line):
        return None
    m = _POST_TRAILER.match(line)
    step = -1
    if m is None:
        m = _POST_HEADER.match(line)
        step = 1
    if m is None:
        return None
    cands = find(m.group("date"))
    if len(cands) != 1 or cands[0].kind not in ("date", "iso", "numeric") \
            or cands[0].end - cands[0].start != len(m.group("date")) \
            or not cands[0].g.get("y"):
        return None
    r = resolve(cands[0], Ctx(published, None, False, m.group("date")))
    return (step, r.day) if r is not None and r.day is not None else None


def _paragraph_bounds(text: str) -> list[int]:
    """Offsets where paragraphs start (every line break starts one). Not Document.paragraphs
    (layout blocks, which may span hard-wrapped lines and leave out skipped blocks): a date
    anchors only what follows it up to the next line break, and find_times runs on bare text."""
    return [0] + [m.end() for m in re.finditer(r"\n", text)]


def find_times(text: str, published: date | None, doc: Doc | None = None,
               skip: list[tuple[int, int]] | RangeIndex | None = None) -> list[TimeExpr]:
    """The time expressions of ``text`` with TIMEX3 values resolved against ``published``.

    ``doc`` (a spaCy Doc over the same text) lets the tense of a sentence choose between the last
    and the next "Friday"; without it every relative date looks back. ``skip`` lists character
    ranges to ignore (boilerplate, repeated captions): an expression starting inside one is not
    read. The extractor passes its Document's index of them.
    """
    # "Starts inside a skipped range", indexed; on the disjoint blocks the layout makes, the same
    # answer as the sorted-list bisect this replaced (and exact for nested ranges too).
    skipped = skip if isinstance(skip, RangeIndex) else RangeIndex(skip or ())
    tense = _Tense(doc)
    out: list[TimeExpr] = []
    para_starts = _paragraph_bounds(text)
    para = -1
    anchor: date | None = None
    # (end offset, day) of the last day-precise date, for clock times that follow it.
    last_day: tuple[int, date] | None = None
    last_value: str | None = None  # the last absolute DATE value, for "the following year"
    last_year: int | None = None  # the last year written, across paragraphs, for "that year"
    pending_clock: list[tuple[int, TimeExpr]] = []  # clock times waiting for a date after them
    marks: list[tuple[int, date]] = []  # (start, day) of the paragraph's day-precise dates
    post_days = _post_days(text, published)  # paragraph -> the date line of an embedded post
    for c in find(text):
        if skipped.overlaps(c.start):
            continue
        p = bisect.bisect_right(para_starts, c.start) - 1
        if p != para:
            para, anchor, last_day, last_value = p, None, None, None
            pending_clock.clear()
            marks.clear()
        if c.kind == "daypart" and (last_day is None or _TEXT_SENTENCE_BREAK.search(
                text, last_day[0], c.start)):
            # "tea in the morning": a day part is a day's only next to a dated clause; else it is
            # an undated time of day.
            part = "T" + DAY_PARTS[str(c.g["u"]).lower()]
            out.append(TimeExpr(Span.of(text, c.start, c.end), "TIME", part))
            continue
        if c.kind == "dur" and _READ_TIME.match(text, c.end):
            continue
        if c.g.get("mon") and str(c.g["mon"]).lower() == "may" and tense.is_modal(c.start):
            continue  # "May God help them": the parser reads it as a modal verb
        future = c.kind in TENSE_KINDS and (tense.future(c.start)
                                            or _leans_forward(text, c, tense))
        past = tense.past(c.start) if c.kind in TENSE_KINDS and not future else False
        ref = post_days.get(p, published)
        if c.kind in _DEICTIC_KINDS and marks and ref is not None and (
                c.kind != "dur" or str(c.g.get("rel") or "").lower() in ("ago", "from now")):
            ref = (tense.said_on(c.start, marks)
                   or _quoted_on(text, para_starts[p], c.start, marks) or ref)
        try:
            r = resolve(c, Ctx(ref, anchor, future, text, past, last_value, last_year))
        except (OverflowError, ValueError):  # arithmetic past year 1 or 9999: leave unresolved
            r = resolve(c, Ctx(None, None, future, text, past, None))
        if r is None:
            continue
        start, end = c.start, (r.end if r.end is not None else c.end)
        mod = r.mod
        start, mod = _prefix(text, c, r, start, mod)
        if c.kind in ("clock", "noon", "oclock") and out and out[-1].type == "SET" \
                and r.value and _SET_AT.match(text[out[-1].span.end:start]):
            # "every Monday at 4 p.m." -> XXXX-WXX-1T16:00; "every day at 7 p.m." -> T19:00
            prev = out[-1]
            pv = prev.value or ""
            merged = pv + r.value if pv.startswith("XXXX-WXX-") and pv[-1].isdigit() else (
                r.value if pv == "P1D" else None)
            if merged is not None:
                out[-1] = TimeExpr(Span.of(text, prev.span.start, end), "SET", merged, prev.mod)
                continue
        if c.kind in ("clock", "noon", "oclock"):
            day = None
            if last_day is not None and _GLUE.match(text[last_day[0]:start]):
                day = last_day[1]
                gap = text[last_day[0]:start]
                if ((_TIGHT.match(gap) or (_STAMP_AT.match(gap) and out
                                            and _FULL_DATE.search(out[-1].span.text)))
                        and out and out[-1].type == "DATE"
                        and out[-1].span.end == last_day[0] and r.value):
                    # "Friday 10 a.m.": one date-time expression
                    start = out.pop().span.start
            if day is None and r.value is not None:
                te = TimeExpr(Span.of(text, start, end), "TIME", None, mod)
                # resolved now against the anchor or the publication day; a following date
                # ("10 a.m. on Friday") may still claim it below.
                base = anchor or published
                te.value = (base.isoformat() + r.value) if base else None
                pending_clock.append((end, te))
                out.append(te)
                continue
            r.value = (day.isoformat() + r.value) if day and r.value else None
        te = TimeExpr(Span.of(text, start, end), r.type, r.value, mod)
        if r.day is not None and r.type == "DATE" and pending_clock and out \
                and out[-1] is pending_clock[-1][1] and _TIGHT.match(text[out[-1].span.end:start]) \
                and out[-1].value and r.value and "T" not in r.value:
            # "10 a.m. Friday": one date-time expression
            clock = out.pop()
            pending_clock.pop()
            assert clock.value is not None
            te = TimeExpr(Span.of(text, clock.span.start, end), "TIME",
                          r.day.isoformat() + clock.value[clock.value.index("T"):], clock.mod)
        if out and te.type == "DATE" and te.value:
            _range(text, out[-1], te)
        out.append(te)
        if c.kind in _ABSOLUTE and r.value:
            last_value = r.value
            if re.match(r"\d{4}(?:-|$)", r.value):
                last_year = int(r.value[:4])
        elif c.kind == "month_of" and r.value:
            last_year = int(r.value[:4])
        if r.day is not None:
            for cend, cte in pending_clock:
                if _GLUE.match(text[cend:start]) and cte.value:
                    cte.value = r.day.isoformat() + cte.value[cte.value.index("T"):]
            pending_clock.clear()
            last_day = (end, r.day)
            marks.append((start, r.day))
            if r.anchors:
                anchor = r.day
    return out


_RANGE_JOIN = re.compile(r"^\s*(?:to|and|through|till|until|thru|[-–—])\s*$", re.IGNORECASE)
_RANGE_OPEN = re.compile(r"\b(?:from|between)\s+$", re.IGNORECASE)
_YMD = re.compile(r"^(\d{4})-(\d{2})(?:-(\d{2}))?$")
_WRITTEN_YEAR = re.compile(r"\b\d{4}\b|['’]\d{2}\b")
_DEICTIC = re.compile(r"\b(?:this|next|last|coming|past|previous|following)\b", re.IGNORECASE)
_MONTH_WORD = re.compile(r"\b" + RX_MONTH + r"\b", re.IGNORECASE)


def _range(text: str, first: TimeExpr, second: TimeExpr) -> None:
    """Make the ends of a written range agree: "from March to May" is March to the May after it,
    "between October and May 2024" starts in October 2023. Each end on its own would be its most
    recent past occurrence, which can put the range backwards. Only an end naming a month without
    a written year moves; "until" inside "from ... until" is the range's end, not a bound."""
    if not _RANGE_JOIN.match(text[first.span.end:second.span.start]) \
            or not _RANGE_OPEN.search(text[max(0, first.span.start - 12):first.span.start]):
        return
    if second.mod in ("ON_OR_BEFORE", "BEFORE"):
        second.mod = None
    a, b = _YMD.match(first.value or ""), _YMD.match(second.value or "")
    if first.type != "DATE" or not a or not b \
            or not (_MONTH_WORD.search(first.span.text) and _MONTH_WORD.search(second.span.text)):
        return
    # "this May", "next March": a deictic end is fixed already, as a written year is.
    a_year = bool(_WRITTEN_YEAR.search(first.span.text) or _DEICTIC.search(first.span.text))
    b_year = bool(_WRITTEN_YEAR.search(second.span.text) or _DEICTIC.search(second.span.text))
    backwards = (b.group(2), b.group(3) or "00") < (a.group(2), a.group(3) or "00")
    if b_year and not a_year:
        first.value = f"{int(b.group(1)) - backwards:04d}" + (first.value or "")[4:]
    elif not b_year:
        second.value = f"{int(a.group(1)) + backwards:04d}" + (second.value or "")[4:]


def _prefix(text: str, c: Cand, r: Resolved, start: int, mod: str | None) -> tuple[int, str | None]:
    """Extend the span over a written modifier before it, and set ``mod`` from it."""
    window = text[max(0, start - 40):start]
    if r.type == "DATE" and c.kind in _MODDABLE and mod is None:
        m = _MOD_BEFORE.search(window)
        if m:
            word = (m.group("w") or m.group("m") or m.group("p")).lower()
            key = re.sub(r"^(?:the\s+)?(?:very\s+)?|\s+of$", "", word)
            key = re.sub(r"\s+", " ", key)
            if key in _MODS:
                return start - (len(window) - m.start()), _MODS[key]
        s = _SIGNAL_BEFORE.search(window)
        if s:
            return start, _SIGNALS[s.group("s").lower()]
    if c.kind == "dur" and not c.g.get("the") and mod is None:
        m = _APPROX_BEFORE.search(window)
        if m:
            key = _APPROX[re.sub(r"\s+", " ", m.group("a").lower())]
            if r.type == "DATE":  # "more than a decade ago" lies before the date it names
                key = _AGO_MODS.get(key, key) if (c.g.get("rel") or "").lower() == "ago" else key
            return start - (len(window) - m.start()), key
    return start, mod


@component("times", VERSION, model=("tags", "lemma", "parse"), needs=("article", "document"),
           sets=("times",))
def extract_times(doc: Doc, state: State) -> None:
    """Fill ``state.times`` with TIMEX3 expressions resolved against the publication date."""
    pub, problem = check_published(state.published, state.article.published)
    if problem:
        state.errors.append(ErrorEntry("times", problem))
    state.times = find_times(state.text, pub, doc, state.document.skipped)
