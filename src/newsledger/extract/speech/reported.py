"""Reported speech: a cue verb with a clause ("The White House said Friday that …"), the
"According to X, …" form, and headline attributions ("US: …", "Hamas …, says …")."""

from __future__ import annotations

import re

from spacy.symbols import VERB
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from .attribution import HEAD_BLOCKS, Found, Index, Pairs, headline_subject, own_subject, strip
from ..registry import State
from .cues import (is_cue, is_passive, is_reduced_participle, left_person, lemma_of, lexicon,
                   subject_of)
from .speakers import PERSON_ROLES, mention_span
from ..actors.issuers import is_document
from ... import lexicons

# Content of reported speech should not carry the complementiser or the closing full stop.
_LEAD_STRIP = frozenset({"that"})
_COLON_HEAD = re.compile(
    r"^\s*(?P<who>(?:[A-Z][\w.’'&-]*\.?)(?:\s+(?:[A-Z][\w.’'&-]*|of|the|and|for|al-\w+)){0,5})"
    r"\s*:\s+(?P<rest>\S.*)$", re.S)


_WH_OPENERS = frozenset({"how", "why", "whether", "if", "what", "where", "when", "who", "which"})


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
    if comp is None and lex_object and not _negated(verb) and not any(
            c.dep_ == "dative" for c in verb.children):  # "deny them a permit" is no claim
        for c in after:
            if c.dep_ == "dobj" and c.pos_ not in ("PRON",):
                comp = c
                break
    if comp is None and lemma_of(verb) in lexicon().prep:
        # "accused the UK of helping …": the of/for phrase is the claim; for "blamed the
        # weakening on falling revenues" the object belongs to it too.
        # The parser may hang the phrase on the object: "accused [Western powers of engaging …]".
        # Only with a gerund there: "accused the head of the agency" names no claim.
        objs = [c for c in after if c.dep_ == "dobj"]
        on_obj = [g for o in objs for g in o.children if g.i > o.i and g.dep_ == "prep"
                  and g.lower_ in ("of", "for") and any(k.dep_ == "pcomp" for k in g.children)]
        for c in after + on_obj:
            if c.dep_ == "prep" and c.lower_ in ("of", "for", "on") and any(
                    g.dep_ in ("pcomp", "pobj") for g in c.children):
                comp = c
                break
    if comp is None and verb.dep_ == "aux" and verb.head.i > verb.i:
        # "which the ministry say killed 67 people": "say" parsed as an auxiliary of "killed".
        head = verb.head
        hi = head.right_edge.i + 1
        if head.dep_ == "relcl":
            hi = _relative_end(doc, verb.i + 1, hi)
        return verb.i + 1, hi
    if comp is not None and comp.dep_ == "ccomp" and comp.left_edge.i == verb.i + 1 and \
            comp.left_edge.lower_ in _WH_OPENERS:
        # "reveals how the president thinks", "asked whether …": a topic or question, no claim.
        return None
    if comp is not None:
        lo, hi = comp.left_edge.i, comp.right_edge.i + 1
        lo = max(lo, verb.i + 1)
        if verb.dep_ == "relcl":
            hi = _relative_end(doc, lo, hi)
        return lo, _cut_appended(doc, comp, lo, hi)
    # "…, Hamas official X claimed Friday": the clause before the subject is the content.
    before = [c for c in verb.children if c.i < verb.i and c.dep_ == "ccomp"]
    if before:
        c = before[-1]  # the clause nearest the attribution: "…comes as … - N have died, X says"
        if not _semicolon_between(doc, c.right_edge.i + 1, _left_of_cue(verb)):
            return c.left_edge.i, c.right_edge.i + 1
    # "Hassin was targeted in an attack, the IDF claims in a post": the parser hangs the
    # attribution on the clause as a conjunct; the clause before the comma is the content.
    if verb.dep_ in ("conj", "parataxis") and verb.head.i < verb.i and \
            not any(c.dep_ == "cc" for c in verb.children):
        subj = subject_of(verb)
        if subj is not None and verb.head.i < subj.i < verb.i:
            first = subj.left_edge.i
            if first > 0 and doc[first - 1].text == "," and \
                    not any(doc[k].dep_ == "cc" for k in range(first, verb.i)) and \
                    not _semicolon_between(doc, verb.head.left_edge.i, first - 1):
                return verb.head.left_edge.i, first - 1
    return _trailing(verb)


def _left_of_cue(verb: Token) -> int:
    """First token of the cue's own clause: its subject's left edge, or the verb itself."""
    subj = subject_of(verb)
    if subj is not None and subj.i < verb.i:
        return min(subj.left_edge.i, verb.i)
    return verb.i


def _semicolon_between(doc: Doc, lo: int, hi: int) -> bool:
    """True when a semicolon separates tokens [lo, hi): clauses joined by ";" are independent,
    so "Envoys leave without a deal; aid agencies warn of …" reports nothing the agencies said
    about the envoys (the parser still hangs the first clause on "warn" as its ccomp)."""
    return any(doc[k].text == ";" for k in range(max(lo, 0), min(hi, len(doc))))


_CLAUSE_BREAKS = frozenset({"-", "–", "—", ":", ";"})
_OWN_OBJECTS = frozenset({"dobj", "ccomp", "xcomp", "attr", "acomp", "oprd", "dative", "conj",
                          "advcl", "pobj"})


def _trailing(verb: Token) -> tuple[int, int] | None:
    """"…, and thousands injured since the war began, the ministry says.": an attribution
    closing its sentence after a comma, which the parser did not link to the clause before it.
    The content runs back from the comma to the sentence start, or to a dash or colon."""
    doc = verb.doc
    subj = subject_of(verb)
    if subj is None or subj.i > verb.i or subj.head.i != verb.i:
        return None
    end = verb.right_edge.i + 1
    if end < len(doc) and not (doc[end].is_punct or doc[end].is_space or doc[end].is_sent_start):
        return None  # the verb has more to say after it: not a closing attribution
    if any(c.i > verb.i and c.dep_ in _OWN_OBJECTS for c in verb.children):
        return None  # "…, the US threatened tougher action": the verb has its own object
    first = subj.left_edge.i
    if first < 2 or doc[first - 1].text != ",":
        return None
    # Back to the sentence start by punctuation: the parser may split the sentence at the
    # attribution's own subject, so its sentence boundaries are no guide here.
    lo = max(0, first - 120)
    for k in range(first - 2, lo - 1, -1):
        t = doc[k].text
        if t in _CLAUSE_BREAKS or t in (".", "!", "?", "“", "”", "\"") or "\n" in t:
            lo = k + 1
            break
    if first - 1 - lo < 3:
        return None
    if doc[lo].pos_ == "ADP" and not any(doc[k].pos_ in ("VERB", "AUX")
                                         for k in range(lo, first - 1)):
        return None  # "In a speech Tuesday, Hochul warned of …": a setting, no clause
    return lo, first - 1


_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})


def _relative_end(doc: Doc, lo: int, hi: int) -> int:
    """"strikes, which the ministry said killed 45 people, drew condemnation": the content of a
    cue inside a relative clause ends where the main clause resumes (a comma, then a finite
    verb), even when the parser hung the main verb inside the clause."""
    for k in range(lo, min(hi, lo + 120) - 1):
        if doc[k].text in (",", "—", "–") and doc[k + 1].tag_ in _FINITE:
            return k
    return hi


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


# Nouns of saying whose "that" clause is the claim: "Netanyahu's insistence that …".
_SPEECH_NOUNS = lexicons.word_set("speech_nouns")
# Verbs whose subject makes the claim their object names: "Israel issued a declaration that …".
_UTTER_VERBS = lexicons.word_set("utter_verbs")


def _noun_content(noun: Token) -> tuple[int, int] | None:
    """Token range of the "that" clause of a noun of saying."""
    for c in noun.rights:
        if c.dep_ in ("acl", "ccomp", "relcl") and any(
                m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children):
            # "the claim that Israel hid it" (not "the claim that he made": no subject gap).
            if not any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
                return None
            return c.left_edge.i, c.right_edge.i + 1
    head = noun.head
    if noun.dep_ == "nsubj" and head.lemma_ == "be" and any(
            c.dep_ == "poss" for c in noun.children):
        # "Modi's message was that India stands with Ukraine": the copula's clause.
        for c in head.rights:
            if c.dep_ in ("ccomp", "attr") and any(
                    m.dep_ == "mark" and m.lower_ == "that" and m.i < c.i for m in c.children) \
                    and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children):
                return c.left_edge.i, c.right_edge.i + 1
    return None


def _noun_owner(noun: Token) -> Token | None:
    """Who makes the claim: the possessor ("Hamas's claim") or the "by" phrase."""
    for c in noun.children:
        if c.dep_ == "poss" and c.i < noun.i:
            return c
    for c in noun.rights:
        if c.dep_ == "prep" and c.lower_ == "by":
            return next((g for g in c.children if g.dep_ == "pobj"), None)
    head = noun.head
    if noun.dep_ == "dobj" and head.pos_ == "VERB" and head.lemma_.lower() in _UTTER_VERBS:
        subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.pos_ in ("PROPN", "NOUN", "PRON"):
            return subj
    return None


_MEDIUM_PREPS = frozenset({"in", "during", "through", "via", "with", "by", "on"})


def _framing_noun(verb: Token, lo: int) -> Token | None:
    """A noun of saying in the verb's prepositional phrase, just before the clause starting at
    token ``lo`` ("responding to a warning by X on Monday that …", which the parser hangs on the
    verb): the clause completes the noun. None when there is none."""
    doc = verb.doc
    if lo - verb.i > 15 or lo >= len(doc) or doc[lo].lower_ != "that":
        return None
    for k in range(lo - 1, verb.i, -1):
        t = doc[k]
        if t.text in ",;:" or is_cue(t, "clause"):
            return None
        if t.pos_ == "NOUN" and t.lemma_.lower() in _SPEECH_NOUNS and t.dep_ == "pobj" and \
                t.head.dep_ == "prep" and t.head.head.i == verb.i:
            # ("said in a statement that …" is the speaker's own statement: a medium, not a frame)
            return None if t.head.lower_ in _MEDIUM_PREPS else t
    return None


def idx_of(tok: Token, pos: int) -> Token | None:
    """The first token at or after character ``pos`` (in ``tok``'s doc, before ``tok``)."""
    for t in tok.doc[max(0, tok.i - 60):tok.i]:
        if t.idx >= pos and not t.is_space:
            return t
    return None


def _paragraph_opener(doc: Doc, first: Token | None, verb: Token, state: State) -> Token | None:
    """"Orlov, whose call sign is "Spaniard", said …" at a paragraph start, when the parser ran
    the sentence into the line above: the known person's surname opening the paragraph."""
    if first is None or first.pos_ != "PROPN" or first.i + 1 >= verb.i or \
            doc[first.i + 1].text != ",":
        return None
    full = state.names.person(first.text)
    if not full or " " not in full or any(t.text in ".;!?" for t in doc[first.i:verb.i]):
        return None
    return first


def reported(doc: Doc, state: State, direct: list[Found]) -> list[Found]:
    """Indirect speech: a cue verb with a clause (or, for "confirm"-like verbs, an object)."""
    text = state.text
    lex = lexicon()
    directs = Pairs([f.pair for f in direct if f.kind == "direct" and f.pair is not None])
    partials = {f.pair.open: f.pair for f in direct if f.kind == "partial" and f.pair is not None}
    all_pairs = Pairs([f.pair for f in direct if f.pair is not None])
    in_direct = directs.inside
    readable = state.document.paragraph_at

    out: list[Found] = []
    for tok in doc:
        noun_cue = tok.pos_ == "NOUN" and tok.lemma_.lower() in _SPEECH_NOUNS
        # A cue that introduced a direct quote may also report a clause of its own ("told
        # Reuters the market was confused: “…”"); the overlap checks below drop duplicates.
        position = not (noun_cue or is_cue(tok, "clause") or is_cue(tok, "prep"))
        if position and not _stated_position(tok):
            continue
        para = readable(tok.idx)
        if position and (para is None or para[2] in HEAD_BLOCKS):
            continue  # a headline's "thinks" is no stated position
        # "a video claiming to show …", "a statement saying that …": the document speaks
        # (for its issuer), though its verb is a reduced participle.
        by_document = not noun_cue and tok.dep_ == "acl" and tok.i > tok.head.i and \
            tok.head.pos_ == "NOUN" and is_document(tok.head)
        if para is None or in_direct(tok.idx) or (not noun_cue and (
                is_passive(tok) or (is_reduced_participle(tok) and not by_document))):
            continue
        if not noun_cue and lemma_of(tok) == "call" and not any(
                c.dep_ == "prep" and c.lower_ in ("on", "upon") for c in tok.children):
            continue  # only "X called on Y to …" reports a demand ("called it a lie" does not)
        rng = _noun_content(tok) if noun_cue else _content_of(tok, lemma_of(tok) in lex.object)
        if rng is None:
            continue
        lo, hi = _trim_tokens(doc, *rng)
        if hi <= lo:
            continue
        start, end = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        # The parser may run a sentence over a layout break (headline into deck): clip.
        start, end = max(start, para[0]), min(end, para[1])
        start, end = strip(text, start, end, " \t\n\r,.;:\u00a0")
        if end - start < 2:
            continue
        if in_direct(start) or in_direct(end - 1) or all_pairs.inside(start):
            continue  # the clause is (inside) a quote already taken
        inner = all_pairs.overlapping(start, end)
        if any(start <= p.open and p.close <= end and p.open not in partials for p in inner):
            continue  # the clause is a direct quote already attributed
        if any(start <= p.open and p.close <= end + 3 and p.open in partials
               and (p.close - p.open) * 10 >= (end - start) * 6 for p in inner):
            continue  # the clause is essentially a partial quote, kept as that
        framed = None if noun_cue else _framing_noun(tok, rng[0])
        if framed is not None:
            # "responding to a warning by X that …": the clause is the warning's, said by X
            # (or by nobody the text names), never by the one responding.
            subj = _noun_owner(framed)
            if subj is None:
                continue
            tok = framed
        elif noun_cue:
            subj = _noun_owner(tok)
        elif by_document:
            subj = tok.head
        else:
            subj = subject_of(tok) if para[2] not in HEAD_BLOCKS or own_subject(tok) else None
        relayed = _relayed(tok)
        if relayed is not None:
            subj = relayed  # "Tass cited the defence ministry as saying …": the ministry speaks
        if subj is not None and start <= subj.idx < end and subj.i < tok.i:
            # "…in Gaza, the Hamas-run health ministry in the territory says.": the parser hung
            # the closing subject inside the clause; the content ends at the comma before it.
            first = mention_span(subj).start
            if first > 0 and doc[first - 1].text == "," and doc[first - 1].idx > start:
                end = strip(text, start, doc[first - 1].idx, " \t\n\r,.;:\u00a0")[1]
        if subj is not None and (start <= subj.idx < end or not para[0] <= subj.idx < para[1]):
            subj = None
        if subj is None and para[2] in HEAD_BLOCKS:
            subj = headline_subject(doc, para, tok)
        if subj is None and not own_subject(tok):
            subj = left_person(tok, para[0])
        if subj is None:
            subj = _paragraph_opener(doc, idx_of(tok, para[0]), tok, state)
        if subj is None:
            continue
        if subj.lower_ == "it" and any(c.dep_ == "expl" for c in tok.children):
            continue
        lead = mention_span(subj).start - 1 if isinstance(subj, Token) else subj.start - 1
        if 0 <= lead and doc[lead].lower_ in ("what", "whatever") and subj.i < tok.i:
            continue  # "Here's what he told me he saw": a free relative, its object is a gap
        if subj.lower_ == "we" and lemma_of(tok) == "report":
            continue  # "we can report that …": the outlet's own narration, nobody's claim
        if relayed is not None and any(f.start == start and f.end == end for f in out[-3:]):
            continue  # "cited X as saying …": one report, read from both verbs
        out.append(Found("indirect", start, end, cue=tok, subject=subj))
    return out


# Verbs of belief, intention and position that report an actor's stance as reported speech
# ("X wants …", "officials fear …", "X believes that …"), only with a named or official subject.
_POSITION_VERBS = lexicons.word_set("position_verbs")
_POSITION_HOLDERS = lexicons.word_set("position_holders")
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _stated_position(verb: Token) -> bool:
    """A stated belief, intention or position of a named actor: "Hamas wants the truce to
    hold", "Officials fear that …", "The minister believes that …" (the minister as named
    before). Not "I think", "many believe", a negated or a question form."""
    # (cheap tests first: this runs on every token that is no cue)
    if verb.pos != VERB or verb.lemma_ not in _POSITION_VERBS or \
            verb.tag_ not in ("VBZ", "VBD", "VBP") or _negated(verb):
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subj is None or subj.i > verb.i or any(
            c.lower_ in ("many", "some", "most", "few", "all", "several", "other", "others")
            for c in subj.children):
        return False  # "Many Israelis believe …" is an opinion poll, not a stated position
    if not any(c.dep_ in ("ccomp", "xcomp") and c.i > verb.i and c.pos_ in ("VERB", "AUX")
               for c in verb.children):
        return False
    last = verb.doc[verb.right_edge.i]
    if last.text == "?":
        return False
    return subj.ent_type_ in _NAMED or subj.pos_ == "PROPN" or \
        subj.lower_ in _POSITION_HOLDERS or (
            subj.lower_ in PERSON_ROLES and any(d.lower_ == "the" for d in subj.children))


def _relayed(cue: Token) -> Token | None:
    """The object of "X cited/quoted Y as saying": Y is the speaker, X only relays (a source)."""
    verb = cue
    if lemma_of(verb) == "say" and verb.dep_ in ("pcomp", "advcl") and verb.head.i != verb.i:
        verb = verb.head.head if verb.head.lower_ == "as" else verb.head
    if lemma_of(verb) not in ("cite", "quote"):
        return None
    obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
    if obj is None or not any(t.lower_ == "as" and t.i > obj.i for t in verb.subtree):
        return None
    return obj


_ACCORDING = re.compile(r"\b[Aa]ccording to\b")
_RELATIVE_END = re.compile(r"(?:^|[\s,])(?:which|who|that)\s*,?$", re.IGNORECASE)


def _clause_end(text: str, start: int, limit: int) -> int:
    """End of a relative clause: the next comma or dash, or the sentence end."""
    m = re.compile(r",\s|\s[-–—]\s").search(text, start, limit)
    return m.start() if m else limit


# Sources that are records of someone's words, not speakers: "according to a translation of his
# remarks", "according to the transcript".
_RECORD_NOUNS = lexicons.word_set("record_nouns")


def _inner_speaker(doc: Doc, idx: Index, c0: int, c1: int) -> Token | None:
    """The subject of a cue verb inside the claim ("Putin accused …"), if the claim has one."""
    lo, hi = idx.at(c0), idx.at(max(c0, c1 - 1))
    if lo < 0 or hi < lo:
        return None
    for tok in doc[lo:hi + 1]:
        if is_cue(tok, "clause") or is_cue(tok, "prep"):
            subj = subject_of(tok)
            # A bare plural noun is rather a glued heading word ("Accusations … Putin accused").
            if subj is not None and c0 <= subj.idx < c1 and (subj.pos_ == "PROPN" or (
                    subj.pos_ == "NOUN" and any(c.dep_ in ("det", "poss") for c in subj.children))):
                return subj
    return None


def according(doc: Doc, idx: Index, state: State, direct: list[Found]) -> list[Found]:
    text = state.text
    pairs = Pairs([f.pair for f in direct if f.kind == "direct" and f.pair is not None])
    out = []
    for pstart, pend, _ in state.document.paragraphs:
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
            # "…, according to the IDF, which accuses …": what precedes is the claim.
            if _RELATIVE_END.search(before) and text[phrase_end:s1].strip(" ,.\n"):
                # "strikes in Rafah, which according to the ministry killed 67": the rest of
                # the relative clause (after the name as parsed) is the claim.
                c0, c1 = phrase_end, _clause_end(text, phrase_end, s1)
            elif len(before.split()) >= 3 or len(before) >= len(after) or \
                    after.lower().startswith(("which", "who", "whose", "where")):
                c0, c1 = s0, phrase_start
            else:
                c0, c1 = phrase_end_full, s1
            c0, c1 = strip(text, c0, c1, " \t\n,.;:—–\u00a0")
            if c1 - c0 < 3:
                continue
            if any(max(0, min(c1, p.close) - max(c0, p.open)) * 2 > c1 - c0
                   for p in pairs.overlapping(c0, c1)):
                continue  # "“…,” X said, according to RT": the quote is X's, RT only relays it
            subject: Token | SpacySpan = who
            if pobj.lemma_.lower() in _RECORD_NOUNS:
                # "Putin accused the West of …, according to a Kremlin translation of his
                # speech": the record only relays; the claim's own speaker says it.
                inner = _inner_speaker(doc, idx, c0, c1)
                if inner is not None:
                    subject = inner
            out.append(Found("according_to", c0, c1, cue_span=(m.start(), m.end()),
                              subject=subject))
    return out


def colon_headlines(doc: Doc, state: State, taken: list[tuple[int, int]]) -> list[Found]:
    """Headline attribution by colon: "US: Ongoing op doesn’t amount to major offensive"."""
    text = state.text
    out = []
    for pstart, pend, kind in state.document.paragraphs:
        if kind not in HEAD_BLOCKS:
            continue
        m = _COLON_HEAD.match(text[pstart:pend])
        if not m or m.group("rest")[:1] in "“\"‘'«„":
            continue
        s, e = pstart + m.start("who"), pstart + m.end("who")
        c0, c1 = strip(text, pstart + m.start("rest"), pend, " \t\n.\u00a0")
        if any(a < c1 and c0 < b for a, b in taken):
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        out.append(Found("indirect", c0, c1, subject=span))
    return out


