"""Who said what: direct, partial and reported speech with cue and resolved speaker.

Direct and partial quotes come from paired quotation marks (``quotemarks``); each is attached to
a cue verb around it (before, after, across a dash or colon) or, failing that, continues the
previous speaker's quote (floating quotes). Reported speech (``indirect``) is a cue verb of the
lexicon with a clause complement; "according to X" gives ``according_to``. Speakers are resolved
by :class:`~newsledger.extract.speakers.Speakers`, left on ``state.speakers`` for later extractors.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..record import Quote, Speaker, Span
from .base import State, component
from .cues import (is_cue, is_passive, is_reduced_participle, left_person, lemma_of, lexicon,
                   subject_of)
from .quotemarks import QuotePair, pair_quotes, top_level
from .speakers import Speakers, mention_span

VERSION = "newsledger.quotes.v1"

_SENT_END = re.compile(r"[.!?](?=\s|$)")
_DASH = re.compile(r"^\s*[—–-]{1,2}\s*")
_COLON_HEAD = re.compile(
    r"^\s*(?P<who>(?:[A-Z][\w.’'&-]*\.?)(?:\s+(?:[A-Z][\w.’'&-]*|of|the|and|for|al-\w+)){0,5})"
    r"\s*:\s+(?P<rest>\S.*)$", re.S)
_HEAD_BLOCKS = frozenset({"title", "dek"})
# Content of reported speech should not carry the complementiser or the closing full stop.
_LEAD_STRIP = frozenset({"that"})
_MAX_CUE_DISTANCE = 40  # tokens between a quote mark and its cue verb


@dataclass
class _Found:
    """A quote before its speaker is resolved (speakers resolve in document order)."""

    kind: str
    start: int
    end: int
    cue: Token | None = None
    cue_span: tuple[int, int] | None = None
    subject: Token | SpacySpan | None = None
    pair: QuotePair | None = None
    para: int = -1
    speaker: Speaker | None = None
    inherit: bool = False


class _Index:
    """Character offset → token, in O(log n)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.starts = [t.idx for t in doc]
        self._sents: list[int] | None = None

    def at(self, char: int) -> int:
        """Index of the token that contains or follows ``char``."""
        return bisect.bisect_right(self.starts, char) - 1

    def sent_start(self, char: int) -> int:
        """Start offset of the sentence containing ``char`` (sentences indexed once)."""
        if self._sents is None:
            self._sents = [s.start_char for s in self.doc.sents]
        k = bisect.bisect_right(self._sents, char) - 1
        return self._sents[k] if k >= 0 else 0

    def sent_end(self, char: int) -> int:
        if self._sents is None:
            self.sent_start(char)
        assert self._sents is not None
        k = bisect.bisect_right(self._sents, char)
        return self._sents[k] if k < len(self._sents) else len(self.doc.text)

    def between(self, start: int, end: int) -> range:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return range(lo, hi)


def _strip(text: str, start: int, end: int, chars: str = " \t\n\r\u00a0") -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _paragraphs(state: State) -> list[tuple[int, int, str]]:
    """(start, end, block kind) of every block an extractor may read."""
    art = state.article
    if art.blocks:
        return [(b.start, b.end, b.kind) for b in art.blocks
                if b.kind not in ("boilerplate", "byline", "credit") and b.duplicate_of is None]
    out = []
    pos = 0
    for line in state.text.split("\n"):
        if line.strip():
            out.append((pos, pos + len(line), "body"))
        pos += len(line) + 1
    return out


def _is_direct(text: str, pair: QuotePair, para_start: int, cue_before: bool) -> bool:
    """Direct: the quote stands as its own sentence or is introduced by a cue and a comma or
    colon; partial: it is a phrase inside the writer's sentence."""
    # Only the few characters before the mark matter (bounded, so many quotes stay linear).
    before = text[max(para_start, pair.open - 200):pair.open].rstrip()
    if not before and pair.open - para_start > 200:
        before = text[para_start:pair.open].rstrip()
    content = text[pair.start:min(pair.end, pair.start + 400)].strip() if \
        pair.end - pair.start > 400 else text[pair.start:pair.end].strip()
    if not content:
        return False
    first = content[0]
    upper = first.isupper() or not first.isalpha()
    after = text[pair.close + 1:pair.close + 3]
    if content[-1] not in ".,!?;:\u2026—–-" and after[:1] == " " and after[1:2].islower():
        return False  # the writer's sentence runs on: "“Many signs” show Ukraine is …"
    if not before:
        return True
    last = before[-1]
    if last in ".!?:\u2026\"”’":
        return upper or len(content.split()) > 6
    if last in ",—–-" and upper:
        return True
    if cue_before and upper:
        return True
    # A multi-sentence quote is a direct quote even when run into the sentence.
    return bool(upper and re.search(r"[.!?]\s+[A-Z]", content))


def _frame_after(text: str, pair: QuotePair, limit: int) -> tuple[int, int]:
    """Text after the closing mark up to the next quote or the end of the sentence."""
    start = pair.close + 1
    m = _SENT_END.search(text, start, limit)
    return start, (m.start() if m else limit)


def _frame_before(text: str, pair: QuotePair, floor: int) -> tuple[int, int]:
    """Text between the start of the sentence (or the previous quote) and the opening mark."""
    end = pair.open
    start = floor
    for m in _SENT_END.finditer(text, floor, end):
        start = m.end()
    return start, end


def _cue_in(idx: _Index, start: int, end: int, last: bool) -> Token | None:
    """The cue verb nearest the quote in a frame; after a quote, a cue the tagger took for a
    noun still counts when it ends the clause ("…,” the guard orders.")."""
    toks = [idx.doc[i] for i in idx.between(start, end)]
    if last:
        toks = toks[::-1][:_MAX_CUE_DISTANCE]
    else:
        toks = toks[:_MAX_CUE_DISTANCE]
    for t in toks:
        if is_cue(t, "quote") or (not last and t.pos_ == "NOUN" and t.i + 1 < len(idx.doc)
                                  and idx.doc[t.i + 1].is_punct and t.i > 0
                                  and idx.doc[t.i - 1].pos_ in ("NOUN", "PROPN")
                                  and lemma_of(t) in lexicon().quote):
            return t
    return None


class _Pairs:
    """Disjoint quote pairs sorted by position, with O(log n) overlap queries."""

    def __init__(self, pairs: list[QuotePair]):
        self.pairs = sorted(pairs, key=lambda p: p.open)
        self.opens = [p.open for p in self.pairs]

    def overlapping(self, start: int, end: int) -> list[QuotePair]:
        lo = max(0, bisect.bisect_right(self.opens, start) - 1)
        hi = bisect.bisect_left(self.opens, end + 1)
        return [p for p in self.pairs[lo:hi] if p.open <= end and start <= p.close]

    def inside(self, pos: int) -> bool:
        return bool(self.overlapping(pos, pos))


def _speaker_token(cue: Token, pair: QuotePair | None,
                   para: tuple[int, int, str] | None = None,
                   inverted: bool = True) -> Token | None:
    if para is not None and para[2] in _HEAD_BLOCKS and not _own_subject(cue):
        # Headlines drop and share subjects: "White House says …, urges …, calls …".
        return _headline_subject(cue.doc, para, cue)
    subj = subject_of(cue)
    if subj is not None and pair is not None and pair.open <= subj.idx <= pair.close \
            and subj.idx + len(subj.text) <= pair.close + 1:
        subj = None  # the parse took a word of the quote as the subject
    if subj is not None and para is not None and not para[0] <= subj.idx < para[1]:
        subj = None  # the parse ran over a layout break (headline into deck)
    if subj is None and para is not None and para[2] in _HEAD_BLOCKS:
        return _headline_subject(cue.doc, para, cue)
    if subj is None and not _own_subject(cue):
        subj = left_person(cue, para[0] if para is not None else 0)
        if subj is not None and pair is not None and pair.open <= subj.idx <= pair.close:
            subj = None
    if subj is None and cue.pos_ == "NOUN" and cue.i > 0:
        # A cue mis-tagged as a noun: "…,” the guard orders." — the noun before it.
        prev = cue.doc[cue.i - 1]
        if prev.pos_ in ("NOUN", "PROPN") and (pair is None or prev.idx > pair.close):
            return prev
    if subj is None and inverted and lemma_of(cue) in lexicon().quote:
        # "…,” said the minister, …" or "…,” the minister said": nearest noun beside the cue.
        doc = cue.doc
        for j in range(cue.i + 1, min(len(doc), cue.i + 4)):
            t = doc[j]
            if t.pos_ in ("PROPN", "NOUN") or t.lower_ in ("he", "she", "it", "they"):
                head = t
                while head.dep_ == "compound" and head.head.i > head.i:
                    head = head.head
                return head
            if t.pos_ not in ("DET", "ADJ", "ADV"):
                break
    return subj


def _attach_direct(doc: Doc, idx: _Index, text: str, pair: QuotePair, para: tuple[int, int, str],
                   prev_close: int, next_open: int) -> _Found:
    """A direct or partial quote with the cue around it."""
    pstart, pend, kind = para
    content = _strip(text, pair.start, pair.end)
    # Cue before the quote ("Kirby said: “…”"), only right next to it.
    bstart, bend = _frame_before(text, pair, max(pstart, prev_close))
    before_cue = _cue_in(idx, bstart, bend, last=True)
    if before_cue is not None:
        gap = text[before_cue.idx + len(before_cue.text):pair.open]
        if len(gap) > 80 or re.search(r"[.!?;]", gap):
            before_cue = None
    direct = _is_direct(text, pair, pstart, before_cue is not None)
    found = _Found("direct" if direct else "partial", *content, pair=pair)
    if not direct:
        cue = _governing_cue(doc, idx, pair, para)
        if cue is not None:
            found.cue = cue if is_cue(cue, "quote") else None
            found.subject = _speaker_token(cue, pair, para)
        else:
            found.subject = _in_words(doc, idx, text, pair, para)
        return found
    astart, aend = _frame_after(text, pair, min(pend, next_open))
    after_text = text[astart:aend]
    after_cue = _cue_in(idx, astart, aend, last=False)
    content_end = text[pair.start:pair.end].rstrip()[-1:] if pair.end > pair.start else ""
    if after_cue is not None and content_end in ".!?" and (any(
            c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > after_cue.i for c in after_cue.children)
            or len(idx.between(astart, after_cue.idx)) > 5):
        after_cue = None  # a new sentence with its own content: "… bombs.” She added that …"
    if before_cue is not None and after_cue is not None and \
            text[before_cue.idx:pair.open].rstrip()[-1:] in (":", ","):
        after_cue = None  # "flyers that say: “…”" — the cue that introduces the quote wins
    if after_cue is not None and (content_end in ",!?—–-…" or (aend - astart) < 120):
        found.cue = after_cue
        found.subject = _speaker_token(after_cue, pair, para)
        return found
    if before_cue is not None:
        found.cue = before_cue
        found.subject = _speaker_token(before_cue, pair, para)
        return found
    dash = _DASH.match(after_text)
    if dash and after_text[dash.end():dash.end() + 1].isupper():
        i = idx.at(astart + dash.end())
        if 0 <= i < len(doc):
            tok = doc[i]
            while tok.head.i != tok.i and tok.dep_ in ("compound", "flat") and tok.head.i > tok.i:
                tok = tok.head
            found.subject = tok
            return found
    head = text[bstart:bend]
    m = re.search(r"(?:^|\n)\s*([A-Z][^:\n]{1,60}):\s*$", head)
    if m:
        s, e = _strip(text, bstart + m.start(1), bstart + m.end(1))
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is not None and len(span) <= 8 and any(t.pos_ == "PROPN" for t in span):
            found.subject = span
            return found
    # No cue of its own: a speech verb in the sentence just before it, in this paragraph, names
    # the speaker ("Sherrington called on the UK to act. “They need actions, not words.”").
    floor = max(pstart, prev_close)
    toks = [doc[i] for i in idx.between(floor, pair.open)][::-1][:_MAX_CUE_DISTANCE]
    for prior in [t for t in toks if is_cue(t, "quote")][:3]:
        subj = _speaker_token(prior, pair, para, inverted=False)
        if subj is not None and subj.lower_ not in ("they", "them", "we", "i", "you"):
            found.subject = subj
            return found
    found.inherit = True
    return found


_IN_WORDS = re.compile(r"\b[Ii]n (?:(?P<pron>his|her|their|its) (?:own )?words|the words of)\s*,?\s*$")


def _governing_cue(doc: Doc, idx: _Index, pair: QuotePair,
                   para: tuple[int, int, str]) -> Token | None:
    """The cue verb governing a partial quote: walk up the parse from the quoted words, within
    the quote's paragraph; a stance verb ("believes", "refused") also governs."""
    i = idx.at(pair.start)
    if i < 0 or i >= len(doc):
        return None
    tok = doc[i]
    if tok.idx < pair.start:
        tok = doc[i + 1] if i + 1 < len(doc) else tok
    # The quoted phrase's top token: climb while the head is still inside the quote.
    steps = 0
    while tok.head.i != tok.i and pair.start <= tok.head.idx < pair.end and steps < 60:
        tok = tok.head
        steps += 1
    node = tok.head
    steps = 0
    stance: Token | None = None
    # A speech verb anywhere up the chain wins over a nearer stance verb: in "X said that Moscow
    # would consider it “an act of terrorism”" the words are X's.
    while steps < 30 and para[0] <= node.idx < para[1]:
        if not (pair.open <= node.idx <= pair.close):
            if is_cue(node, "quote"):
                return node
            if stance is None and is_cue(node, "stance"):
                stance = node
        if node.head.i == node.i:
            break
        node = node.head
        steps += 1
    return stance


def _in_words(doc: Doc, idx: _Index, text: str, pair: QuotePair,
              para: tuple[int, int, str]) -> Token | SpacySpan | None:
    """"…, in his words, “…”" / "in the words of X, “…”": the speaker the phrase names."""
    head = text[max(para[0], pair.open - 80):pair.open]
    m = _IN_WORDS.search(head)
    if not m:
        return None
    base = pair.open - len(head)
    if m.group("pron"):
        i = idx.at(base + m.start("pron"))
        return doc[i] if 0 <= i < len(doc) else None
    return None


def _content_of(verb: Token, lex_object: bool) -> tuple[int, int] | None:
    """Token range [i, j) of the reported content of a cue verb, or None."""
    doc = verb.doc
    comp = None
    after = [c for c in verb.children if c.i > verb.i]
    for c in after:
        if c.dep_ == "ccomp":
            comp = c
            break
    if comp is None:
        # "claimed to have accepted …"; "which Biden warned would lead …" (modal xcomp).
        for c in after:
            if c.dep_ == "xcomp" and any(a.dep_ == "aux" and (a.lower_ == "to" or a.tag_ == "MD")
                                         for a in c.children):
                comp = c
                break
    if comp is None:
        # "said in a statement that …": the clause hangs on the noun of the prepositional phrase.
        for c in after:
            if c.dep_ != "prep" or c.i - verb.i > 6:
                continue
            for pobj in c.children:
                for acl in pobj.children:
                    if acl.dep_ in ("acl", "relcl", "ccomp") and any(
                            m.dep_ == "mark" and m.lower_ == "that" for m in acl.children):
                        comp = acl
                        break
    if comp is None and lex_object and not _negated(verb):
        for c in after:
            if c.dep_ == "dobj" and c.pos_ not in ("PRON",):
                comp = c
                break
    if comp is None and lemma_of(verb) in lexicon().prep:
        # "accused the UK of helping …": the of/for phrase is the claim; for "blamed the
        # weakening on falling revenues" the object belongs to it too.
        for c in after:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "on") and any(
                    g.dep_ in ("pcomp", "pobj") for g in c.children):
                comp = c
                break
    if comp is not None:
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
        lo = max(lo, verb.i + 1)
        return lo, _cut_appended(doc, comp, lo, hi)
    # "…, Hamas official X claimed Friday": the clause before the subject is the content.
    before = [c for c in verb.children if c.i < verb.i and c.dep_ == "ccomp"]
    if before:
        c = before[0]
        return c.left_edge.i, c.right_edge.i + 1
    return None


def _negated(verb: Token) -> bool:
    """"doesn’t confirm or deny operations": a refusal to speak reports nothing."""
    heads = [verb] + ([verb.head] if verb.dep_ == "conj" else [])
    return any(c.dep_ == "neg" for h in heads for c in h.children)


def _cut_appended(doc: Doc, comp: Token, lo: int, hi: int) -> int:
    """End the content before an attribution appended after a comma inside it
    ("… could shift, with Biden saying …"): that is another speaker's claim."""
    for t in doc[lo:min(hi, lo + 200)]:
        if t.i == comp.i or not is_cue(t, "clause") or subject_of(t) is None:
            continue
        node = t
        while node.dep_ in ("pcomp", "pobj") and lo <= node.head.i < hi:
            node = node.head  # up to the preposition: "with Biden saying …"
        start = node.left_edge.i
        if start > lo and doc[start - 1].text in (",", ";", "—", "–"):
            return start - 1
    return hi


def _trim_tokens(doc: Doc, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and (doc[lo].lower_ in _LEAD_STRIP or doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    while hi > lo and (doc[hi - 1].is_punct or doc[hi - 1].is_space) and doc[hi - 1].text not in \
            ("”", "’", "\"", ")", "]"):
        hi -= 1
    return lo, hi


def _reported(doc: Doc, state: State, direct: list[_Found], used_cues: set[int],
              paragraphs: list[tuple[int, int, str]]) -> list[_Found]:
    """Indirect speech: a cue verb with a clause (or, for "confirm"-like verbs, an object)."""
    text = state.text
    lex = lexicon()
    directs = _Pairs([f.pair for f in direct if f.kind == "direct" and f.pair is not None])
    partials = {f.pair.open: f.pair for f in direct if f.kind == "partial" and f.pair is not None}
    all_pairs = _Pairs([f.pair for f in direct if f.pair is not None])
    para_starts = [p[0] for p in paragraphs]
    in_direct = directs.inside

    def readable(pos: int) -> tuple[int, int, str] | None:
        k = bisect.bisect_right(para_starts, pos) - 1
        if k >= 0 and paragraphs[k][0] <= pos < paragraphs[k][1]:
            return paragraphs[k]
        return None

    out: list[_Found] = []
    for tok in doc:
        # A cue that introduced a direct quote may also report a clause of its own ("told
        # Reuters the market was confused: “…”"); the overlap checks below drop duplicates.
        if not (is_cue(tok, "clause") or is_cue(tok, "prep")):
            continue
        para = readable(tok.idx)
        if para is None or in_direct(tok.idx) or is_passive(tok) or is_reduced_participle(tok):
            continue
        rng = _content_of(tok, lemma_of(tok) in lex.object)
        if rng is None:
            continue
        lo, hi = _trim_tokens(doc, *rng)
        if hi <= lo:
            continue
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        # The parser may run a sentence over a layout break (headline into deck): clip.
        start, end = max(start, para[0]), min(end, para[1])
        start, end = _strip(text, start, end, " \t\n\r,.;:\u00a0")
        if end - start < 2:
            continue
        if in_direct(start) or in_direct(end - 1):
            continue
        inner = all_pairs.overlapping(start, end)
        if any(start <= p.open and p.close <= end and p.open not in partials for p in inner):
            continue  # the clause is a direct quote already attributed
        if any(start <= p.open and p.close <= end + 3 and p.open in partials
               and (p.close - p.open) * 10 >= (end - start) * 6 for p in inner):
            continue  # the clause is essentially a partial quote, kept as that
        subj = subject_of(tok) if para[2] not in _HEAD_BLOCKS or _own_subject(tok) else None
        if subj is not None and (start <= subj.idx < end or not para[0] <= subj.idx < para[1]):
            subj = None
        if subj is None and para[2] in _HEAD_BLOCKS:
            subj = _headline_subject(doc, para, tok)
        if subj is None and not _own_subject(tok):
            subj = left_person(tok, para[0])
        if subj is None:
            continue
        if subj.lower_ == "it" and any(c.dep_ == "expl" for c in tok.children):
            continue
        out.append(_Found("indirect", start, end, cue=tok, subject=subj))
    return out


def _own_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i for c in verb.children)


def _headline_subject(doc: Doc, para: tuple[int, int, str], verb: Token) -> Token | None:
    """Headlines drop the subject of "says": "Hamas rethinking strategy, says …" → Hamas."""
    first = max(0, verb.i - 40)
    for t in doc[first:verb.i]:
        if t.pos_ == "PROPN" and para[0] <= t.idx < para[1]:
            head = t
            while head.dep_ == "compound" and head.head.pos_ == "PROPN" and head.head.i < verb.i:
                head = head.head
            return head
    return None


_ACCORDING = re.compile(r"\b[Aa]ccording to\b")


def _according(doc: Doc, idx: _Index, state: State, direct: list[_Found],
               paragraphs: list[tuple[int, int, str]]) -> list[_Found]:
    text = state.text
    pairs = _Pairs([f.pair for f in direct if f.kind == "direct" and f.pair is not None])
    out = []
    for pstart, pend, _ in paragraphs:
        for m in _ACCORDING.finditer(text, pstart, pend):
            if pairs.inside(m.start()):
                continue
            ti = idx.at(m.end() - 1)  # the token "to"
            if ti < 0 or ti >= len(doc) or doc[ti].lower_ != "to":
                continue
            to = doc[ti]
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None)
            if pobj is None and ti + 1 < len(doc):
                pobj = doc[ti + 1]
                while pobj.dep_ == "compound" and pobj.head.i > pobj.i:
                    pobj = pobj.head
            if pobj is None:
                continue
            who = mention_span(pobj)
            s0, s1 = max(idx.sent_start(to.idx), pstart), min(idx.sent_end(to.idx), pend)
            phrase_start = m.start()
            phrase_end = who.end_char
            # Extend the phrase over the rest of a long name ("the ministry in Gaza").
            rest = text[phrase_end:s1]
            comma = re.match(r"[^,.;]*", rest)
            if comma and len(comma.group(0)) < 60:
                phrase_end_full = phrase_end + len(comma.group(0))
            else:
                phrase_end_full = phrase_end
            before = text[s0:phrase_start].strip(" ,\n")
            after = text[phrase_end_full:s1].strip(" ,.\n")
            if len(before) >= len(after):
                c0, c1 = s0, phrase_start
            else:
                c0, c1 = phrase_end_full, s1
            c0, c1 = _strip(text, c0, c1, " \t\n,.;:—–\u00a0")
            if c1 - c0 < 3:
                continue
            if any(max(0, min(c1, p.close) - max(c0, p.open)) * 2 > c1 - c0
                   for p in pairs.overlapping(c0, c1)):
                continue  # "“…,” X said, according to RT": the quote is X's, RT only relays it
            out.append(_Found("according_to", c0, c1, cue_span=(m.start(), m.end()),
                              subject=who))
    return out


def _colon_headlines(doc: Doc, state: State, paragraphs: list[tuple[int, int, str]],
                     taken: list[tuple[int, int]]) -> list[_Found]:
    """Headline attribution by colon: "US: Ongoing op doesn’t amount to major offensive"."""
    text = state.text
    out = []
    for pstart, pend, kind in paragraphs:
        if kind not in _HEAD_BLOCKS:
            continue
        m = _COLON_HEAD.match(text[pstart:pend])
        if not m or m.group("rest")[:1] in "“\"‘'«„":
            continue
        s, e = pstart + m.start("who"), pstart + m.end("who")
        c0, c1 = _strip(text, pstart + m.start("rest"), pend, " \t\n.\u00a0")
        if any(a < c1 and c0 < b for a, b in taken):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        out.append(_Found("indirect", c0, c1, subject=span))
    return out


@component("quotes", VERSION, needs=("article", "entities", "names", "times"),
           sets=("quotes", "speakers"))
def extract_quotes(doc: Doc, state: State) -> None:
    """Fill ``state.quotes`` (document order) and ``state.speakers``."""
    text = state.text
    art = state.article
    paragraphs = _paragraphs(state)
    idx = _Index(doc)
    pairs_all = top_level(pair_quotes(text, [(s, e) for s, e, _ in paragraphs]))
    speakers = Speakers(doc, state.names, skip=art.is_skipped,
                        quoted=[(p.open, p.close) for p in pairs_all], sent_start=idx.sent_start)
    state.speakers = speakers
    para_starts = [p[0] for p in paragraphs]

    found: list[_Found] = []
    by_para: dict[int, list[QuotePair]] = {}
    for p in pairs_all:
        k = bisect.bisect_right(para_starts, p.open) - 1
        if k >= 0:
            by_para.setdefault(k, []).append(p)
    for k, plist in sorted(by_para.items()):
        para = paragraphs[k]
        for n, p in enumerate(plist):
            prev_close = plist[n - 1].close + 1 if n else para[0]
            next_open = plist[n + 1].open if n + 1 < len(plist) else para[1]
            # A multi-paragraph quote ends in a later paragraph: read its cue there.
            last_para = bisect.bisect_right(para_starts, p.close) - 1
            if last_para != k:
                para_end = paragraphs[last_para]
                next_open = para_end[1]
                para = (para[0], para_end[1], para[2])
            f = _attach_direct(doc, idx, text, p, para, prev_close, next_open)
            f.para = k
            if f.end > f.start:
                found.append(f)
            para = paragraphs[k]
    used = {f.cue.i for f in found if f.cue is not None and f.kind == "direct"}
    reported = _reported(doc, state, found, used, paragraphs)
    according = _according(doc, idx, state, found, paragraphs)
    taken = [(f.start, f.end) for f in found + reported + according]
    heads = _colon_headlines(doc, state, paragraphs, taken)
    items = found + reported + according + heads

    # Resolve speakers in document order so that "he" finds the speaker before it.
    def where(f: _Found) -> int:
        if f.cue is not None:
            return f.cue.idx
        if f.subject is not None:
            return f.subject.idx if isinstance(f.subject, Token) else f.subject.start_char
        return f.start

    for f in sorted(items, key=where):
        if f.subject is not None:
            f.speaker = speakers.resolve(doc, f.subject)
        elif f.kind in ("direct", "partial") and f.inherit:
            continue
        else:
            f.speaker = Speaker()
    _floating(found, paragraphs)
    quotes: list[Quote] = []
    for f in sorted(items, key=lambda f: (f.start, f.end)):
        if art.is_skipped(f.start, f.end):
            continue
        cue = None
        if f.cue is not None:
            cue = Span.of(text, f.cue.idx, f.cue.idx + len(f.cue.text))
        elif f.cue_span is not None:
            cue = Span.of(text, *f.cue_span)
        speaker = f.speaker or Speaker()
        conf = 0.9 if f.cue is not None or f.cue_span is not None else 0.6
        quotes.append(Quote(f.kind, Span.of(text, f.start, f.end), cue, speaker, conf))
    state.quotes = quotes
    speakers.set_quotes(quotes)


def _floating(found: list[_Found], paragraphs: list[tuple[int, int, str]]) -> None:
    """Quotes with no cue continue a speaker: the previous quote in the paragraph, the next one
    in it, or (at the start of a paragraph) the last quote of the paragraph before."""
    by_para: dict[int, list[_Found]] = {}
    for f in found:
        by_para.setdefault(f.para, []).append(f)
    last_named: tuple[int, Speaker] | None = None
    for k in sorted(by_para):
        group = by_para[k]
        for n, f in enumerate(group):
            if f.speaker is not None or not f.inherit:
                continue
            prev = next((g for g in reversed(group[:n]) if g.speaker and g.speaker.name), None)
            nxt = next((g for g in group[n + 1:] if g.speaker and g.speaker.name and not g.inherit),
                       None)
            src = prev or nxt
            if src is None and last_named is not None and last_named[0] == k - 1 and n == 0:
                src_speaker: Speaker | None = last_named[1]
            else:
                src_speaker = src.speaker if src else None
            f.speaker = Speaker(None, src_speaker.name) if src_speaker else Speaker()
        named = [g for g in group if g.kind == "direct" and g.speaker and g.speaker.name]
        if named:
            last_named = (k, named[-1].speaker)  # type: ignore[arg-type]
