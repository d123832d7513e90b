"""The speed path: tokenize everything, but parse and tag only the sentences that can matter.

A sentence gets the full spaCy pipeline when it can hold an attribution, a figure or a time (a
cue word, a quote mark, a digit, a number or time word); NER alone when it can hold a name (a
capitalised word); nothing but the tokenizer otherwise, and nothing at all inside boilerplate.
Runs of sentences with the same level become separate Docs, analysed in length-sorted batches, and
are merged back with ``Doc.from_docs`` so that the extractors see one Doc whose text is the
article's text exactly, with the same tokens and ``token.idx`` offsets as ``nlp.make_doc(text)``.
Unparsed stretches get sentence starts from a rule splitter, so ``doc.sents`` covers the whole Doc.
The attribute ruler and lemmatizer run as exact array-based stand-ins (nlp/fastpipes.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

import numpy
from spacy.attrs import SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc

from .fastpipes import accelerated
from .. import lexicons

NONE, NER, FULL = 0, 1, 2

# A piece longer than this is cut at a line break: bounds the parser's memory on huge texts
# (a 5 MB article) without changing anything for ordinary articles, whose paragraphs are short.
MAX_PIECE = 20_000
# Pieces shorter than this are not worth a separate Doc (nor the lost context at the cut): they
# join their neighbour at the higher of the two levels.
MIN_PIECE = 100
# Characters per batch handed to each spaCy component.
BATCH_CHARS = 60_000

# Sentence ends: terminal punctuation (plus closing quotes/brackets) then whitespace, or a line
# break. The cut falls after the whitespace so that every piece starts at a token boundary and the
# tokenizer, which works on whitespace-separated chunks, gives the same tokens as on the whole text.
# Only before a capital, digit or opening quote: "U. S. special forces" is one sentence.
_SENT_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*[ \t]+(?=[\"'“‘(\[]*[A-Z0-9À-ÖØ-Þ])|[ \t]*\n\s*")
_LINE = re.compile(r"[^\n]*\n*")
_DOUBLE_QUOTE = re.compile(r"[\"“”«»„]")
_QUOTE = re.compile(r"[\"“”«»„]|(?<!\w)['‘]|['’](?!\w)")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")


_IRREGULAR = {"say": "said", "tell": "told", "write": "wrote written", "think": "thought",
              "feel": "felt", "seek": "sought", "pay": "paid", "speak": "spoke spoken",
              "plead": "pled", "hear": "heard", "give": "gave given", "make": "made",
              "find": "found", "hold": "held", "lead": "led", "keep": "kept", "put": "put"}


def inflections(lemma: str) -> set[str]:
    """Inflected forms of an English verb or noun lemma, generously (extra forms cost nothing)."""
    out = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "d", lemma + "ing",
           lemma + lemma[-1:] + "ed", lemma + lemma[-1:] + "ing"}
    if lemma.endswith("e"):
        out.add(lemma[:-1] + "ing")
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        out.update({lemma[:-1] + "ied", lemma[:-1] + "ies"})
    out.update(_IRREGULAR.get(lemma, "").split())
    return out


@lru_cache(maxsize=1)
def parse_cues() -> frozenset[str]:
    """Our own word list plus every inflection of the attribution cues the quote extractors use
    (data/cues.txt), so a cue added there is never skipped here."""
    words = set(lexicons.parse_words())
    for lemma in lexicons.cue_flags():
        words.update(inflections(lemma))
    return frozenset(words)


def sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Rule-based sentence ranges covering ``text[start:end]`` exactly (whitespace included)."""
    end = len(text) if end is None else end
    out = []
    pos = start
    for m in _SENT_END.finditer(text, start, end):
        if m.end() > pos:
            out.append((pos, m.end()))
            pos = m.end()
    if pos < end:
        out.append((pos, end))
    return out


# Whether NER-only pieces are cut out (more speed, a little less context for the neighbours).
NER_PIECES = False


def level(sentence: str) -> int:
    """FULL for a sentence that may hold an attribution, figure or time; NER for one that may
    hold a name; NONE otherwise."""
    if _QUOTE.search(sentence) or any(c.isdigit() for c in sentence):
        return FULL
    cues = parse_cues()
    named = False
    for w in _WORD.findall(sentence):
        low = w.lower()
        if low in cues:
            return FULL
        # A capital anywhere ("al-Shati", "McCain") unless the word is a function word ("The").
        if not named and low != w and low not in STOP_WORDS:
            named = True
    if named:
        return NER if NER_PIECES else FULL
    return NONE


def plan(text: str, skip: Sequence[tuple[int, int]] = (), select: bool = True
         ) -> list[tuple[int, int, int]]:
    """The pieces ``(start, end, level)`` that cover ``text`` in order."""
    if not text:
        return [(0, 0, FULL)]
    sents = sentences(text)
    if select:
        levels = [NONE if any(a <= s and e <= b for a, b in skip)  # boilerplate: nobody reads it
                  else level(text[s:e]) for s, e in sents]
        # A quotation can run over several sentences: a paragraph with a quote mark is parsed
        # whole, so the quote and its attribution keep their context.
        starts = [s for s, _e in sents]
        for m in _LINE.finditer(text):
            if m.end() > m.start() and _DOUBLE_QUOTE.search(text, m.start(), m.end()):
                # Sentences overlapping the line [m.start(), m.end()).
                for k in range(max(0, bisect_right(starts, m.start()) - 1),
                               bisect_left(starts, m.end())):
                    levels[k] = FULL
        if FULL not in levels:
            # An extractor may ask any Doc for its parse (noun_chunks): give it one.
            levels = [FULL] * len(sents)
    else:
        levels = [FULL] * len(sents)
    pieces: list[list[int]] = []
    for (s, e), lv in zip(sents, levels):
        if pieces:
            last = pieces[-1]
            size = last[1] - last[0]
            # Cut long runs at a line break (or anywhere, for a huge run-on paragraph).
            cut = size >= MAX_PIECE and (text[last[1] - 1] == "\n" or size >= 5 * MAX_PIECE)
            if not cut and (last[2] == lv or e - s < MIN_PIECE or size < MIN_PIECE):
                last[1], last[2] = e, max(last[2], lv)
                continue
        pieces.append([s, e, lv])
    return [(s, e, lv) for s, e, lv in pieces]


# A run of one punctuation character costs spaCy's tokenizer quadratic time (its prefix and suffix
# searches re-scan the run once per character: 8,000 "=" take seconds, 50,000 '"' do not finish).
# A run of RUN_CHARS or more identical characters (not letters, digits or whitespace) becomes one
# token of its own, made without the tokenizer; the text around it is tokenized as usual, and the
# pieces are joined with exact offsets. A text without such a run is tokenized exactly as before.
RUN_CHARS = 50
_RUN = re.compile(r"([^\w\s]|_)\1{%d,}" % (RUN_CHARS - 1))


def make_doc(nlp: Language, text: str) -> Doc:
    """``nlp.make_doc(text)``, in time linear in the length of punctuation runs (see RUN_CHARS);
    the Doc's text is ``text`` exactly."""
    if len(text) < RUN_CHARS or not _RUN.search(text):
        return nlp.make_doc(text)
    docs: list[Doc] = []
    pos = 0
    for m in _RUN.finditer(text):
        s, e = m.span()
        if s < pos:  # the space after the previous run started this one
            s = pos
        if s > pos:
            docs.append(nlp.make_doc(text[pos:s]))
        space = e < len(text) and text[e] == " "  # one space is the token's own, as spaCy does
        docs.append(Doc(nlp.vocab, words=[text[s:e]], spaces=[space]))
        pos = e + space
    if pos < len(text):
        docs.append(nlp.make_doc(text[pos:]))
    docs = [d for d in docs if len(d)]
    return docs[0] if len(docs) == 1 else Doc.from_docs(docs, ensure_whitespace=False)


def chars(doc: Doc) -> int:
    """Characters in a Doc, in constant time (``len(doc.text)`` joins every token anew)."""
    if not len(doc):
        return 0
    last = doc[-1]
    return last.idx + len(last.text_with_ws)


def same_text(doc: Doc, text: str) -> bool:
    """Does ``doc`` spell ``text``? Checked by length and a few tokens, not by rebuilding
    ``doc.text`` (which costs as much as iterating the whole Doc)."""
    n = len(doc)
    if chars(doc) != len(text) or (not n and text):
        return False
    return all(text[t.idx:t.idx + len(t.text)] == t.text
               for t in (doc[i] for i in {0, n // 4, n // 2, 3 * n // 4, n - 1} if 0 <= i < n))


def run_components(nlp: Language, full: list[Doc], ner: list[Doc],
                   accelerate: bool = False) -> None:
    """Apply the model's components: all of them to FULL pieces, only NER to NER pieces.

    ``accelerate`` swaps in the exact array-based stand-ins of nlp/fastpipes.py."""
    fast = accelerated(nlp) if accelerate else {}
    for name, proc in nlp.pipeline:
        if name.startswith("newsledger_"):
            continue
        docs = full + ner if name == "ner" else full
        if not docs:
            continue
        if name in fast:
            for d in docs:
                fast[name](d)
            continue
        docs = sorted(docs, key=len)  # similar lengths batch well in the parser
        if hasattr(proc, "pipe"):
            batch: list[Doc] = []
            size = 0
            for d in docs:
                batch.append(d)
                size += chars(d)
                if size >= BATCH_CHARS:
                    for _ in proc.pipe(batch, batch_size=len(batch)):
                        pass
                    batch, size = [], 0
            if batch:
                for _ in proc.pipe(batch, batch_size=len(batch)):
                    pass
        else:
            for d in docs:
                proc(d)


def _merge(text: str, plan_: list[tuple[int, int, int]], docs: list[Doc]) -> Doc:
    if len(docs) == 1:
        return docs[0]
    doc = Doc.from_docs(docs, ensure_whitespace=False, exclude=["tensor", "user_data"])
    # Unparsed pieces carry no sentence starts after the merge; give them the rule splitter's.
    starts = doc.to_array([SENT_START]).astype(numpy.int64)
    starts[starts > 1] = -1  # uint64 view of -1
    offset = 0
    for (s, e, lv), piece in zip(plan_, docs):
        n = len(piece)
        if lv != FULL and n:
            idx = [t.idx + s for t in piece]
            starts[offset:offset + n] = -1
            starts[offset] = 1
            j = 0
            for a, _b in sentences(text, s, e):
                while j < n and idx[j] < a:
                    j += 1
                if j < n:
                    starts[offset + j] = 1
        offset += n
    doc.from_array([SENT_START], starts.astype(numpy.uint64))
    return doc


def analyse(nlp: Language, texts: Sequence[str],
            skips: Sequence[Sequence[tuple[int, int]]] | None = None,
            select: bool = True) -> list[Doc]:
    """One analysed Doc per text (no newsledger components run yet).

    ``select=False`` gives every piece the full pipeline: used only to cut texts longer than
    ``nlp.max_length`` into pieces the parser can hold."""
    skips = skips or [() for _ in texts]
    plans = [plan(t, sk, select) for t, sk in zip(texts, skips)]
    pieces: list[list[Doc]] = []
    full: list[Doc] = []
    ner: list[Doc] = []
    for t, pl in zip(texts, plans):
        docs = [make_doc(nlp, t[s:e]) for s, e, _ in pl]
        pieces.append(docs)
        for d, (_s, _e, lv) in zip(docs, pl):
            (full if lv == FULL else ner if lv == NER else []).append(d)
    run_components(nlp, full, ner, accelerate=select)
    out = []
    for t, pl, docs in zip(texts, plans, pieces):
        doc = _merge(t, pl, docs)
        if not same_text(doc, t):  # never expected; keep offsets right whatever happens
            doc = make_doc(nlp, t)
            run_components(nlp, [doc], [], accelerate=select)
        out.append(doc)
    return out
