"""Who said what: direct, partial and reported speech with cue and resolved speaker.

Direct and partial quotes come from paired quotation marks (``quotemarks``); each is attached to
a cue verb around it (before, after, across a dash or colon) or, failing that, continues the
previous speaker's quote (floating quotes). Reported speech (``indirect``) is a cue verb of the
lexicon with a clause complement; "according to X" gives ``according_to``. Transcript turns
("NAME: …", module ``transcripts``) are direct quotes of the labelled speaker. Speakers are resolved
by :class:`~newsledger.extract.speech.speakers.Speakers`; what later extractors need (the quotes by
position, a resolver of their own) is handed on frozen in ``state.speakers`` (``handoff.py``).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...record import Quote, Speaker, Span
from ..document import Paragraph
from ..registry import State, component
from .cues import (is_cue, is_passive, is_reduced_participle, left_person, lemma_of, lexicon,
                   subject_of)
from .attribution import HEAD_BLOCKS, Found, Index, headline_subject, own_subject, strip
from ...actors import bare_word, is_media, known_actor
from .headlines import tail_headlines
from . import furniture
from .quotemarks import QuotePair, pair_quotes, top_level
from .transcripts import turns as transcript_turns
from . import reported as _reported_speech
from .handoff import Attributions
from .speakers import Speakers
from ... import lexicons

VERSION = "newsledger.quotes.v1"

# A sentence-final mark in plain text, for the frame of words around a quote mark. Not the Doc's
# sentences (Document.sentences): the frame is cut at the writer's punctuation in the text
# (abbreviations aside, see _sentence_ends) wherever the parser put its boundaries, and the two
# disagree around quote marks; trading one for the other changes which cue a quote gets.
_TEXT_SENT_END = re.compile(r"[.!?](?=\s|$)")
_DASH = re.compile(r"^\s*[—–-]{1,2}\s*")
# Naming words right before a quote: what follows is a name or label, nobody's words.
_NAMING = re.compile(r"\b(?:call[ -]?sign(?:s)?(?: is| was)?|(?:nick|code)[- ]?named|dubbed|"
                     r"known as|nicknamed|codenamed|code name(?: is| was)?|alias|a\.k\.a\.?|"
                     r"aka|named|titled|entitled|hashtag)\s*$", re.I)
_MAX_CUE_DISTANCE = 40  # tokens between a quote mark and its cue verb


def _not_a_quote(text: str, pair: QuotePair) -> bool:
    """Marks that quote no one: a nickname inside a name (Michael "Erik" Kurilla) or a letter
    designation (Combat "C")."""
    content = text[pair.start:pair.end]
    if sum(ch.isalnum() for ch in content[:4]) < 2 and len(content.strip(" ,.")) < 3:
        return True
    if _TOKEN_LIKE.match(content.strip(" ,.;:!?")):
        return True  # a handle, hashtag, id or date in marks: no one's words, whatever governs it
    if len(content.split()) <= 4 and content[:1].isupper() and _NAMING.search(
            text[max(0, pair.open - 40):pair.open]):
        return True  # a name given, not words quoted: 'whose call sign is "Spaniard"'
    if " " not in content.strip() and content[:1].isupper():
        before = text[max(0, pair.open - 30):pair.open].rstrip()
        after = text[pair.close + 1:pair.close + 30].lstrip()
        last = before.split()[-1] if before.split() else ""
        return bool(last[:1].isupper() and after[:1].isupper() and before == before.rstrip(",")
                    and text[pair.open - 1:pair.open] == " " and last.isalpha())
    return False


_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
# Tokens in quote marks that are nobody's words: handles, hashtags, ids, dates.
_TOKEN_LIKE = re.compile(rf"^(?:@\w+|#\w+|\d[\d\s,./-]*|{_MONTH}\s+\d{{1,2}}(?:,?\s+\d{{4}})?|"
                         rf"\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{4}})$")
_SMALL_WORDS = frozenset({"of", "the", "a", "an", "and", "in", "on", "to", "for", "at", "with",
                          "from", "by", "or", "&"})


def _not_words(content: str) -> bool:
    """Quote marks around no one's words when no speech cue governs them: a title in title case
    ("Game of Thrones", "Meet the Press")."""
    c = content.strip(" ,.;:!?")
    words = c.split()
    return len(words) >= 2 and words[0][:1].isupper() and all(
        w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha() for w in words) \
        and any(w[:1].isupper() for w in words[1:]) and not re.search(r"[.!?]\s", c)


_REOPEN = re.compile(r"[”\"]?\s*\n\s*[“\"]")


def _paragraph_pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """A quote running over paragraphs, each reopened with a quote mark ('…forces.¶“Recently…'),
    is one quote per paragraph: each paragraph is a statement of its own."""
    out: list[tuple[int, int]] = []
    a = start
    for m in _REOPEN.finditer(text, start, end):
        b = m.start()
        if b > a:
            out.append((a, b))
        a = m.end()
    if end > a:
        out.append((a, end))
    return out or [(start, end)]


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


# Words whose full stop does not end a sentence: "Capt. Blake Chaney", "U. S. officials".
_ABBREV = lexicons.word_set("name_abbreviations")


def _sentence_ends(text: str, start: int, end: int) -> list[int]:
    """Offsets just after each sentence-final mark in ``text[start:end]``."""
    out = []
    for m in _TEXT_SENT_END.finditer(text, start, end):
        i = m.start()
        if text[i] == ".":
            j = i
            while j > start and text[j - 1].isalpha():
                j -= 1
            word = text[j:i]
            if (len(word) == 1 and word.isupper()) or word.lower() in _ABBREV:
                continue
        out.append(m.end())
    return out


def _frame_after(text: str, pair: QuotePair, limit: int) -> tuple[int, int]:
    """Text after the closing mark up to the next quote or the end of the sentence."""
    start = pair.close + 1
    ends = _sentence_ends(text, start, min(limit, start + 600))
    return start, (ends[0] - 1 if ends else limit)


def _frame_before(text: str, pair: QuotePair, floor: int) -> tuple[int, int]:
    """Text between the start of the sentence (or the previous quote) and the opening mark."""
    end = pair.open
    ends = _sentence_ends(text, floor, end)
    return (ends[-1] if ends else floor), end


def _cue_in(idx: Index, start: int, end: int, last: bool) -> Token | None:
    """The cue verb nearest the quote in a frame; after a quote, a cue the tagger took for a
    noun still counts when it ends the clause ("…,” the guard orders.")."""
    toks = [idx.doc[i] for i in idx.between(start, end)]
    if last:
        toks = toks[::-1][:_MAX_CUE_DISTANCE]
    else:
        toks = toks[:_MAX_CUE_DISTANCE]
    for t in toks:
        if t.dep_ == "acl" and is_reduced_participle(t):
            continue  # "an editorial published yesterday: “…”" — the editorial did not speak
        if is_cue(t, "quote") or (not last and t.pos_ == "NOUN" and t.i + 1 < len(idx.doc)
                                  and idx.doc[t.i + 1].is_punct and t.i > 0
                                  and idx.doc[t.i - 1].pos_ in ("NOUN", "PROPN")
                                  and lemma_of(t) in lexicon().quote):
            return t
    return None


def _speaker_token(cue: Token, pair: QuotePair | None,
                   para: tuple[int, int, str] | None = None,
                   inverted: bool = True) -> Token | None:
    if para is not None and para[2] in HEAD_BLOCKS and not own_subject(cue):
        # Headlines drop and share subjects: "White House says …, urges …, calls …".
        return headline_subject(cue.doc, para, cue)
    if cue.lemma_.lower() in ("quote", "cite"):
        # "…,” the Times of Israel quoted him as saying: the quoted one speaks, not the paper.
        obj = next((c for c in cue.children if c.dep_ in ("dobj", "obj")), None)
        if obj is not None and any(c.lower_ == "as" for c in cue.subtree if c.i > obj.i):
            return obj
    if is_passive(cue):
        # "it can be claimed that …": no speaker, unless one is named by "by".
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
        return pobj
    subj = subject_of(cue)
    if subj is not None and pair is not None and pair.open <= subj.idx <= pair.close \
            and subj.idx + len(subj.text) <= pair.close + 1:
        subj = None  # the parse took a word of the quote as the subject
    if subj is not None and para is not None and not para[0] <= subj.idx < para[1]:
        subj = None  # the parse ran over a layout break (headline into deck)
    if subj is None and para is not None and para[2] in HEAD_BLOCKS:
        return headline_subject(cue.doc, para, cue)
    if subj is None and pair is not None and cue.i > 0:
        prev = cue.doc[cue.i - 1]
        if prev.idx < pair.close < prev.idx + len(prev.text) - 1:
            return prev  # 'enough,”Polyansky explained': the name glued to the closing mark
    if subj is None and not own_subject(cue):
        subj = left_person(cue, para[0] if para is not None else 0)
        if subj is not None and pair is not None and pair.open <= subj.idx <= pair.close:
            subj = None
    if subj is None and cue.pos_ == "NOUN" and cue.i > 0:
        # A cue mis-tagged as a noun: "…,” the guard orders." — the noun before it.
        prev = cue.doc[cue.i - 1]
        if prev.pos_ in ("NOUN", "PROPN") and (pair is None or prev.idx > pair.close):
            return prev
    if subj is None and inverted and lemma_of(cue) in lexicon().quote and (
            pair is None or pair.close > cue.idx or _only_frame(cue.doc.text, pair.close + 1,
                                                                 cue.idx)):
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


def _only_frame(text: str, start: int, end: int) -> bool:
    """Nothing but punctuation between a closing mark and the cue (an inverted frame, '…,” said
    the minister'): not "urges Egypt to … “…”", where the noun after the cue is its object."""
    return not text[start:end].strip(" ,\n\u00a0—–-")


def _attach_direct(doc: Doc, idx: Index, text: str, pair: QuotePair, para: tuple[int, int, str],
                   prev_close: int, next_open: int) -> Found:
    """A direct or partial quote with the cue around it."""
    pstart, pend, kind = para
    content = strip(text, pair.start, pair.end)
    # Cue before the quote ("Kirby said: “…”"), only right next to it.
    bstart, bend = _frame_before(text, pair, max(pstart, prev_close))
    before_cue = _cue_in(idx, bstart, bend, last=True)
    if before_cue is not None:
        gap = text[before_cue.idx + len(before_cue.text):pair.open]
        if len(gap) > 80 or re.search(r"[.!?;]", gap):
            before_cue = None
    direct = _is_direct(text, pair, pstart, before_cue is not None)
    if not direct and before_cue is not None and prev_close > pstart and \
            text[prev_close:pair.open].rstrip().endswith(",") and pair.open - prev_close < 80:
        direct = True  # the second half of a split quote: "“We will win,” he said, “and …”"
    found = Found("direct" if direct else "partial", *content, pair=pair)
    if not direct:
        cue = _governing_cue(doc, idx, pair, para)
        if cue is None and text[pair.start:pair.end].rstrip()[-1:] == ",":
            # '… there would be "many people coming," he says, …': a cue right after.
            astart = pair.close + 1
            after_cue = _cue_in(idx, astart, min(para[1], astart + 40), last=False)
            if after_cue is not None and len(idx.between(astart, after_cue.idx)) <= 4 and \
                    after_cue.tag_ in ("VBZ", "VBD", "VBP") and own_subject(after_cue):
                cue = after_cue
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
            c.dep_ in ("ccomp", "xcomp", "dobj") and c.i > after_cue.i and not (
                c.dep_ == "dobj" and lemma_of(after_cue) in _HEARER_VERBS)
            for c in after_cue.children)
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
        s, e = strip(text, bstart + m.start(1), bstart + m.end(1))
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


# Verbs whose object is the hearer, not new content: "“…!” Fetterman told one rally-goer."
_HEARER_VERBS = lexicons.word_set("hearer_verbs")

_IN_WORDS = re.compile(r"\b[Ii]n (?:(?P<pron>his|her|their|its) (?:own )?words|the words of)\s*,?\s*$")


def _governing_cue(doc: Doc, idx: Index, pair: QuotePair,
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


def _in_words(doc: Doc, idx: Index, text: str, pair: QuotePair,
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


@component("quotes", VERSION, model=("tags", "lemma", "parse", "entities"),
           needs=("article", "document", "entities", "names", "times"),
           sets=("quotes", "speakers"))
def extract_quotes(doc: Doc, state: State) -> None:
    """Fill ``state.quotes`` (document order) and ``state.speakers``."""
    text = state.text
    document = state.bind(doc)  # bound already when a component runs this
    paragraphs = document.paragraphs
    idx = Index(doc, document)
    pairs_all = top_level(pair_quotes(text, [(s, e) for s, e, _ in paragraphs]))
    speakers = Speakers(doc, state.names, skip=document.is_skipped,
                        quoted=[(p.open, p.close) for p in pairs_all], sent_start=idx.sent_start,
                        text=text)
    para_starts = document.paragraph_starts

    found: list[Found] = []
    by_para: dict[int, list[QuotePair]] = {}
    pairs_all = [p for p in pairs_all if not _not_a_quote(text, p)]
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
            if f.kind == "partial" and f.cue is None and f.subject is None and \
                    _not_words(text[f.start:f.end]):
                para = paragraphs[k]
                continue  # "Game of Thrones", "@handle", "May 3": no one's words
            if f.end > f.start:
                found.append(f)
            para = paragraphs[k]
    reported = _reported_speech.reported(doc, state, found)
    according = _reported_speech.according(doc, idx, state, found)
    # "…to come through," Kirby said, according to news agencies: the "according to" sources
    # the quote; a content that starts inside a direct quote is no claim of its own.
    directs = sorted((f.start, f.end) for f in found if f.kind == "direct")
    d_starts = [a for a, _ in directs]
    according = [a for a in according if not _starts_inside(a.start, directs, d_starts)]
    # "“…!” Fetterman told a rally-goer, according to an attendee’s post": the content would be
    # only the quote's own frame (its cue), which the "according to" sources.
    frames = [(f.end, f.cue.idx) for f in found if f.kind == "direct" and f.cue is not None
              and f.cue.idx >= f.end]
    according = [a for a in according
                 if not any(end <= a.start <= cue < a.end for end, cue in frames)]
    taken = [(f.start, f.end) for f in found + reported + according]
    heads = _reported_speech.colon_headlines(doc, state, taken)
    # A headline tail (", mediators say", ", says Zelensky", "- officials") is read from the
    # block text; it replaces what the parser made of the same headline.
    tails = tail_headlines(doc, text, paragraphs)
    if tails:
        spans = [(t.start, t.end) for t in tails]
        whos = [t.subject.start_char for t in tails if isinstance(t.subject, SpacySpan)]
        reported = [r for r in reported if not any(a < r.end and r.start < b for a, b in spans)
                    and not any(r.start <= w < r.end for w in whos)]
        heads = [h for h in heads if not any(a < h.end and h.start < b for a, b in spans)]
    items = found + reported + according + heads + tails
    items = _without_furniture(text, items, paragraphs, para_starts)
    # Transcript turns ("DANIEL ESTRIN: That is…") carry neither quote marks nor cue verbs.
    items += transcript_turns(text, paragraphs, state.names,
                              [(f.start, f.end) for f in found])

    # Resolve speakers in document order so that "he" finds the speaker before it.
    def where(f: Found) -> int:
        if f.cue is not None:
            return f.cue.idx
        if f.subject is not None:
            return f.subject.idx if isinstance(f.subject, Token) else f.subject.start_char
        return f.start

    for f in sorted(items, key=where):
        if f.subject is not None:
            f.speaker = speakers.resolve(doc, relayed_subject(f) or f.subject)
        elif f.kind in ("direct", "partial") and f.inherit:
            continue
        else:
            f.speaker = Speaker()
    _floating(found, paragraphs, reported + according)
    speakers.link_descriptions([f.speaker for f in sorted(items, key=where) if f.speaker])
    _partials_in_reported(found, reported + according)
    quotes: list[Quote] = []
    for f in sorted(items, key=lambda f: (f.start, f.end)):
        if document.is_skipped(f.start, f.end):
            continue
        cue = None
        if f.cue is not None:
            cue = Span.of(text, f.cue.idx, f.cue.idx + len(f.cue.text))
        elif f.cue_span is not None:
            cue = Span.of(text, *f.cue_span)
        speaker = f.speaker or Speaker()
        if speaker.name in speakers.renamed:
            speaker = Speaker(speaker.mention, speakers.renamed[speaker.name])
        if speaker.name in speakers.descriptions:
            # A description is no name (the mention keeps it), unless the alias table or
            # data/claimants.json canonicalise it: "Israeli officials" → "Israel".
            speaker = Speaker(speaker.mention, known_actor(speaker.name))
        if speaker.mention is not None and f.kind == "direct" and \
                f.start <= speaker.mention.start < f.end:
            # The speaker can't be named inside their own words: a mention there ("… apply to
            # the U. S." read as a sentence of its own) is a parse off a broken sentence.
            speaker = Speaker()
        conf = confidence(f, speaker)
        if conf > 0.85 and f.cue is not None and _inside_other(f, items):
            # A cue inside another attribution's content ("claimed that Russia has … and
            # threatened …") is parsed off a reported clause: its subject is often not the one
            # speaking, so the name is less sure.
            conf = 0.85
        pieces = _paragraph_pieces(text, f.start, f.end) if f.kind == "direct" else \
            [(f.start, f.end)]
        for a, b in pieces:
            quotes.append(Quote(f.kind, Span.of(text, a, b), cue, speaker, conf))
    state.quotes = quotes
    state.speakers = Attributions.of(quotes, speakers)


def relayed_subject(f: Found) -> Token | None:
    """"Maersk has denied that …, the Reuters news agency reports": an outlet relaying what
    another said is the source, not the speaker; the subject of the relayed speech verb is (the
    outlet stays cited through the sources extractor). None when ``f`` is no such relay."""
    cue, subj = f.cue, f.subject
    if f.kind != "indirect" or cue is None or not isinstance(subj, Token) or cue.idx < f.end:
        return None
    if not is_media(" ".join(t.text for t in subj.subtree)):
        return None
    for c in cue.children:
        if c.dep_ == "ccomp" and f.start <= c.idx < f.end and is_cue(c, "quote"):
            inner = next((t for t in c.children if t.dep_ == "nsubj" and t.i < c.i), None)
            if inner is not None and inner.idx >= f.start:
                return inner
    return None


def _without_furniture(text: str, items: list[Found], paragraphs: Sequence[Paragraph],
                       para_starts: Sequence[int]) -> list[Found]:
    """Reported speech cut short of live-page furniture (a "… live:" headline prefix, "What we
    know on day N", greetings, timestamps); an item that is all furniture is dropped. Quotes in
    marks are bounded by their marks and left alone."""
    out = []
    for f in items:
        if f.kind not in ("direct", "partial"):
            k = bisect.bisect_right(para_starts, f.start) - 1
            head = k >= 0 and paragraphs[k][2] in HEAD_BLOCKS
            f.start, f.end = furniture.trim(text, f.start, f.end, head=head)
            if f.end - f.start < 2:
                continue
        out.append(f)
    return out


def confidence(f: Found, speaker: Speaker) -> float:
    """How sure the attribution is, from the evidence for its speaker: the name written in the
    mention at the cue is strongest; a pronoun or description resolved to an earlier name, or a
    speaker carried over from a neighbouring quote, is weaker; no name at all is an abstention."""
    cued = f.cue is not None or f.cue_span is not None
    if speaker.name is None:
        return 0.5 if cued else 0.4  # abstained: right only when nobody is named
    if not any(ch.isupper() for ch in speaker.name):
        # "the military said", "an army statement": an institution named by its kind, kept as
        # written; which one it is rests on context the name does not carry.
        return 0.6
    mention = speaker.mention.text.lower() if speaker.mention is not None else ""
    # ("al-Sarea" is written as "Sarea": the particle is no part of the evidence)
    words = [bare_word(w) for w in re.findall(r"[\w’'-]+", speaker.name.lower()) if len(w) > 2]
    # A name word written capitalised in the mention ("Sarea"), not a kind word ("the court" for
    # "Supreme Court" is resolved, not written).
    original = speaker.mention.text if speaker.mention is not None else ""
    written = bool(mention) and any(m[:1].isupper() for w in words
                                    for m in re.findall(rf"(?i)\b{re.escape(w)}", original))
    if written:
        if _far_from_cue(f):
            # Forty characters or more between the words and their cue: a clause or another
            # quote stands between them, and the subject found is wrong more often (the
            # reliability table of tests/eval/attribution_eval.py: 0.92 right, not 0.97).
            return 0.85
        return 0.95 if cued else 0.85  # "Kirby said", "…, said Ines Moreau"
    if mention:
        return 0.8 if cued else 0.7  # "he said", "the ministry said": resolved to a name
    return 0.75  # carried over from the quote before or after it


def _far_from_cue(f: Found, gap: int = 40) -> bool:
    """Whether more than ``gap`` characters lie between the content and its cue."""
    if f.cue is not None:
        at, to = f.cue.idx, f.cue.idx + len(f.cue.text)
    elif f.cue_span is not None:
        at, to = f.cue_span
    else:
        return False
    return at - f.end > gap or f.start - to > gap


def _inside_other(f: Found, items: list[Found]) -> bool:
    """Whether f's cue lies in the content of another attribution with a cue of its own."""
    at = f.cue.idx if f.cue is not None else f.start
    return any(g is not f and (g.cue is not None or g.cue_span is not None) and
               g.start <= at < g.end and not (g.start <= f.start and f.end <= g.end and
                                               g.kind in ("direct", "partial"))
               for g in items)


def _starts_inside(pos: int, spans: list[tuple[int, int]], starts: list[int]) -> bool:
    k = bisect.bisect_right(starts, pos) - 1
    return k >= 0 and spans[k][0] < pos < spans[k][1]


def _partials_in_reported(found: list[Found], reports: list[Found]) -> None:
    """A partial quote with no cue of its own inside reported content is the reporter's source's
    wording: "“Two more terrorists” were also killed, according to the IDF"."""
    # Key on offsets only: two reports with the same span must not fall through to comparing Found.
    spans = sorted(((r.start, r.end, r) for r in reports if r.speaker and r.speaker.name),
                   key=lambda t: (t[0], t[1]))
    for f in found:
        if f.kind != "partial":
            continue
        # A cue of its own with no subject, itself inside the report ("… refrains from
        # responding with full force and exercises "restraint"", after "the diplomat
        # emphasized that"), is part of the reported words, not another speaker's cue.
        own = f.cue.idx if f.cue is not None and f.subject is None else None
        # A report whose cue stands between the partial's cue and the partial is nearer: in
        # "X, responding to a warning by Y that … "full-scale invasion"", the words are Y's.
        nearer = f.cue.idx if f.cue is not None and own is None else None
        if f.speaker and f.speaker.name and nearer is None:
            continue
        best = None
        for s0, s1, r in spans:
            if s0 > f.start:
                break
            if own is not None and not s0 <= own < s1:
                continue
            if nearer is not None and not (r.cue is not None and nearer < r.cue.idx < s0):
                continue
            if s0 <= f.start and f.end <= s1 + 2 and (best is None or s1 - s0 < best[1] - best[0]):
                best = (s0, s1, r)
        if best is not None:
            f.speaker = Speaker(None, best[2].speaker.name)  # type: ignore[union-attr]


def _floating(found: list[Found], paragraphs: Sequence[Paragraph],
              reports: Sequence[Found] = ()) -> None:
    """Quotes with no cue continue a speaker: the previous quote in the paragraph, the next one
    in it, or (at the start of a paragraph) the last quote of the paragraph before, or its last
    reported speech when that comes after its quotes ("Europe, Michel said, is working … EU
    sanctions, he said, …" then a paragraph that is only a quote)."""
    by_para: dict[int, list[Found]] = {}
    for f in found:
        by_para.setdefault(f.para, []).append(f)
    starts = [p[0] for p in paragraphs]
    reported_last: dict[int, Found] = {}
    for r in reports:
        k = bisect.bisect_right(starts, r.start) - 1
        if r.speaker is not None and r.speaker.name and (
                k not in reported_last or reported_last[k].start < r.start):
            reported_last[k] = r
    last_named: tuple[int, Speaker] | None = None
    for k in sorted(by_para):
        group = by_para[k]
        before = reported_last.get(k - 1)
        if before is not None and before.speaker is not None and (
                last_named is None or last_named[0] != k - 1 or not any(
                    g.start > before.start for g in by_para.get(k - 1, []))):
            last_named = (k - 1, Speaker(None, before.speaker.name))
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
