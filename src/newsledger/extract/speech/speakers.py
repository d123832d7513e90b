"""Speaker resolution: from a subject as written ("he", "the terror group", "Kirby") to a name.

The quotes extractor builds one :class:`Speakers` per article; later extractors (figure claimants)
get a copy of their own through ``state.speakers`` (extract/speech/handoff.py). The interface is
small:

``speakers.resolve(doc, span_or_token) -> Speaker``
    The speaker a subject denotes: ``mention`` is the noun phrase as written (a spaCy Token is
    widened to its phrase), ``name`` the canonical in-article name, or None when it cannot be known.
    Pronouns and definite descriptions ("he", "it", "the group", "the spokesperson") resolve to the
    most recent fitting speaker or subject before them; titles are dropped; nothing is invented.

``mention_span(token) -> spacy Span`` (module function) widens a subject head to its phrase.
"""

from __future__ import annotations

import bisect
import copy
import itertools
import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...record import Speaker, Span
from .cues import is_cue, never_speaks
from .entity_tails import role_of, split_entities
from .institutions import Institutions, description_parts
from .roles import (PERSON_ROLES, apposed_role, bare_title_words, possessed_role, role_holder,
                    role_of_body, title_words)
from .roles import qualifiers as owners_of
from ..actors.issuers import DOCUMENT_NOUNS, Issuers, document_owner, is_document
from ..actors.nonnames import (GROUP_PRONOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, UNKNOWN_PRONOUNS,
                               names_nobody, pronoun)
from ...actors import NameResolver, canonical_actor, clean, is_media, strip_titles
from ... import lexicons

# Nouns that stand for an organisation or state when used with "the".
GROUP_NOUNS = lexicons.word_set("group_nouns")
# Heads of a phrase that can name an institution when a proper noun modifies them.
INSTITUTION_NOUNS = (GROUP_NOUNS - {"militants", "faction", "country", "state", "body"}) | frozenset({
    "charity", "bank", "institute", "university", "foundation", "embassy", "mission", "police",
    "command", "corps", "brigades", "wing", "parliament", "assembly", "commission", "guard",
    "press", "media", "fund", "centre", "center", "programme", "program", "house", "board",
    "paper", "daily", "station", "website", "magazine", "agency", "intelligence", "navy",
    "defence", "defense", "services", "prosecutor's", "prosecutors", "air force"})
_MEDIA_NOUNS = lexicons.word_set("media_nouns")
_DEFINITE_BEFORE = re.compile(r"\b(?:the|this|that)\s+$", re.I)
# "a report in The Economist", "an article by the Guardian": the outlet that ran a piece.
_RAN_IN = re.compile(r"\b(?:report|article|story|piece)\s+(?:in|by|from|published by)\s+"
                     r"(?:the\s+)?$", re.I)
_GENERIC_GROUP = lexicons.word_set("generic_group_nouns")
_PERSON_LABELS = frozenset({"PERSON"})
_GROUP_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "LOC"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_LEFT_DEPS = frozenset({"det", "compound", "amod", "poss", "nmod", "nummod", "quantmod", "case",
                        "punct", "npadvmod", "advmod", "predet", "prep", "pobj", "cc", "conj"})
_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "appos", "conj"})
_RIGHT_PREPS = frozenset({"of", "for", "at", "from", "in", "to"})


def is_institution(span: SpacySpan) -> bool:
    """A common-noun phrase that still names one body: an organisation noun with a proper
    modifier ("the Gaza health ministry", "Israeli military", "Russia's space agency"), not a
    description of people ("a senior Hezbollah official", "Israeli officials", "one man")."""
    root = span.root
    if root.lower_ not in INSTITUTION_NOUNS or root.tag_ in ("NNS", "NNPS") and \
            root.lower_ not in ("forces", "authorities", "services"):
        return False
    return any(t.i != root.i and (t.pos_ == "PROPN" or t.ent_type_ in _GROUP_LABELS)
               for t in span)


# A closing mark glued to the next word: 'device,”Polyansky'.
_GLUED = re.compile(r"[,.!?][”\"»’](?=[A-Z])")
# "the woman, who gave her name only as Um Saleh": the name the article gives the speaker.
_GAVE_NAME = re.compile(r"(?:gave (?:her|his|their) (?:first |full )?name (?:only )?as|"
                        r"identified (?:only |herself as |himself as )?as|named)\s+"
                        r"(?P<name>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3})")
# Possessed nouns that speak for their owner: "his office said" → "Rishi Sunak's office".
_OWNED_VOICES = lexicons.word_set("owned_voices")


@lru_cache(maxsize=1)
def _first_names() -> dict[str, str]:
    return lexicons.first_names()


def _unnamed_plural_subject_before(tok: Token) -> bool:
    """Whether the sentence before ``tok``'s has a plural common-noun subject that names no
    organisation, state or people ("members of the anti-Putin group", "protesters"): a "they"
    opening the next sentence means them, not a group named further back."""
    sent = tok.sent
    if tok.i - sent.start > 2 or sent.start == 0:
        return False
    prev = tok.doc[sent.start - 1].sent
    subj = next((t for t in prev.root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ != "NOUN" or subj.tag_ != "NNS":
        return False
    lo, hi = subj.left_edge.i, subj.right_edge.i + 1
    # ("anti-Putin" is tagged NORP but names no group: a stance, not a name)
    return not any(lo <= e.start and e.end <= hi and e.label_ in ("ORG", "GPE", "NORP") and
                   not e.text.lower().startswith(("anti", "pro-")) for e in tok.doc.ents)


def _name_end(span: SpacySpan) -> int:
    """Where the name ends: "the Gaza Ministry" followed by "of Health" ends after "Health" (an
    "of" and a capitalised continuation belong to the name of an institution)."""
    doc, end = span.doc, span.end
    # ("the Office of the United Nations High Commissioner …": "the" may open the complement)
    the = int(end + 2 < len(doc) and doc[end + 1].lower_ == "the")
    if end + 1 + the < len(doc) and doc[end].lower_ == "of" and \
            doc[end + 1 + the].text[:1].isupper() and doc[end - 1].lower_ in _INSTITUTION_HEADS:
        j = end + 1 + the
        while j < len(doc) and (doc[j].text[:1].isupper() or (
                doc[j].lower_ in ("and", "for", "of") and j + 1 < len(doc)
                and doc[j + 1].text[:1].isupper())):
            j += 1
        return doc[j - 1].idx + len(doc[j - 1].text)
    return span.end_char


# Heads of institution names that take an "of" complement: "Ministry of Health".
_INSTITUTION_HEADS = frozenset({"ministry", "department", "office", "council", "committee",
                                "commission", "bureau", "institute", "union", "federation",
                                "league", "board", "court", "secretary", "minister"})
# Common nouns that end a description of an organisation, not its name ("a U.N. agency").
_GENERIC_HEADS = frozenset({"agency", "body", "organization", "organisation", "watchdog"})


def _generic_description(words: list[str]) -> bool:
    """"United Nations agency": a proper name then a generic head, which says whose body but not
    which one. A possessive ("Russia's space agency") or a modifier ("U.N. relief agency") names
    one body and stays a name."""
    return len(words) > 1 and words[-1] in _GENERIC_HEADS and words[-2][:1].isupper() and \
        not any(w.endswith(("'s", "’s")) for w in words)
# Lower-case words that may sit inside a proper name ("Ministry of Health", "Bank for ...").
_NAME_CONNECTORS = frozenset({"of", "for", "and", "the", "de", "du", "des", "del", "al", "el",
                              "la", "le", "on", "in", "at", "bin", "ibn", "van", "von", "der",
                              "sans", "ad", "as", "ash", "abu", "da", "di"})


def _proper_tail(text: str) -> str:
    """The proper name at the end of a descriptive phrase: "UK-based charity Oxfam" → "Oxfam",
    "Spanish El Pais" → "El Pais" (an outlet from the lexicon ending the phrase). A name is its
    capitalised tail, not the common words describing it."""
    m = lexicons.media_re().search(text)
    if m and m.end() == len(text.rstrip()) and m.start() > 0:
        return text[m.start():]
    words = text.split()
    last = max((i for i, w in enumerate(words) if w[:1].islower() and
                w.lower().split("-")[0] not in _NAME_CONNECTORS), default=-1)
    if 0 <= last < len(words) - 1 and words[last + 1][:1].isupper():
        return " ".join(words[last + 1:])
    return text


def _salient(tok: Token) -> bool:
    """A subject (or the focus of "is X") of a main clause or of a speech verb: what a later
    "he" or "it" most likely refers to. Subjects deep in other clauses ("Christians believe
    Jesus was born") are not."""
    head = tok.head
    if tok.dep_ == "attr":
        return head.dep_ == "ROOT"
    if tok.dep_ == "appos" and head.dep_ in _SUBJECT_DEPS and head.pos_ == "NOUN":
        # "Israel's ambassador, Gilad Erdan, has reacted": the name in apposition to the
        # subject's role is the subject's name.
        return _salient(head)
    if tok.dep_ not in _SUBJECT_DEPS:
        return False
    if head.dep_ in ("ROOT", "conj") or is_cue(head, "quote"):
        return True
    return head.dep_ == "relcl"


# A dateline run into the sentence: "UNITED NATIONS (Reuters) - French President … said".
_DATELINE_TAIL = re.compile(r"\s*\([A-Z][\w .&'-]{1,30}\)\s*[-–—]\s*")


def _past_dateline(tok: Token, text: str) -> Token:
    """The subject after a dateline the parser took for the subject ("UNITED NATIONS (Reuters)
    - French President Emmanuel Macron accused …" → "Macron"), else ``tok``."""
    span = mention_span(tok)
    if not span.text.isupper():
        return tok
    tail = _DATELINE_TAIL.match(text, span.end_char, span.end_char + 40)
    if tail is None:
        return tok
    at = tail.end()
    return next((c for c in tok.rights if c.dep_ == "appos" and c.idx >= at), tok)


def mention_span(tok: Token) -> SpacySpan:
    """The noun phrase headed by ``tok`` as written: modifiers on its left, "of/for …" and name
    parts on its right, but not a relative clause or an apposition after a comma."""
    doc = tok.doc
    start = tok.i
    for t in reversed(list(tok.lefts)):
        if t.dep_ in _LEFT_DEPS and not (t.dep_ == "punct" and t.text in ",;:()—–"):
            start = min(start, t.left_edge.i)
        else:
            break
    # Never cross a comma, colon or quote mark on the left.
    for i in range(tok.i - 1, start - 1, -1):
        if doc[i].text in {",", ";", ":", "“", "”", "\"", "(", ")", "—", "–"} or "\n" in doc[i].text:
            start = i + 1
            break
    end = tok.i + 1
    for t in tok.rights:
        if t.i != end:
            break
        if t.dep_ in ("compound", "flat", "case") or (
                t.dep_ == "prep" and t.lower_ in _RIGHT_PREPS and tok.lower_ in PERSON_ROLES) or (
                t.dep_ == "prep" and t.lower_ in ("by", "from") and tok.lower_ in DOCUMENT_NOUNS):
            right = t.right_edge.i + 1
            if any(doc[j].text in {",", ";", "“", "”", "\""} for j in range(t.i, right)):
                break
            end = right
        else:
            break
    while start < end - 1 and (doc[start].is_punct or doc[start].is_space):
        start += 1
    return doc[start:end]


_AGE = re.compile(r",\s*(\d{1,3})\s*,")


def _aged(text: str, end: int) -> bool:
    """A name followed by an age in commas ("Pedro Kremer, 48, was raised …")."""
    m = _AGE.match(text, end, end + 8)
    return m is not None and 0 < int(m.group(1)) <= 110


def _title_of(span: SpacySpan) -> bool:
    """"The Chairman of the U.S. Joint Chiefs of Staff noted", parsed with "Chiefs" as the
    subject: the name sits in the complement of a title, so the subject is that role holder."""
    doc = span.doc
    k = span.start - 1
    while k > 0 and span.start - k <= 4 and (doc[k].pos_ in ("PROPN", "DET") or
                                               doc[k].text[:1].isupper()):
        k -= 1
    if k < 1 or doc[k].lower_ != "of":
        return False
    title = doc[k - 1]
    return title.text[:1].isupper() and title.lower_ in PERSON_ROLES | title_words() | _CHAIRS \
        and title.lower_ not in GROUP_NOUNS


_CHAIRS = frozenset({"chairman", "chairwoman", "chairperson"})


_MONTHS = frozenset({"april", "may", "june", "july", "august"})


def _month_as_given_name(ent: SpacySpan) -> str | None:
    """"August Hanning", tagged a date and a bare word: a month-like given name compounded
    with a capitalised surname (no day or year near it) names a person."""
    tok = ent.root
    if ent.label_ != "DATE" or len(ent) != 1 or tok.lower_ not in _MONTHS or tok.i + 1 >= len(
            ent.doc):
        return None
    nxt = ent.doc[tok.i + 1]
    if tok.dep_ != "compound" or tok.head.i != nxt.i or nxt.pos_ != "PROPN" or \
            not nxt.text[:1].isupper() or nxt.ent_type_ or not nxt.text[1:].islower():
        return None
    return f"{tok.text} {nxt.text}"


def _capitalised_noun(ent: SpacySpan) -> bool:
    """A one-word "entity" that is a common noun capitalised only because it opens the sentence
    ("Smoke was spotted", "Shelling resumed"): the tagger's guess, not a name."""
    tok = ent.root
    return len(ent) == 1 and tok.is_sent_start and tok.pos_ in ("NOUN", "VERB", "ADJ") and \
        tok.text[:1].isupper() and tok.text[1:].islower() and ent.label_ in ("ORG", "NORP")


def has_person(span: SpacySpan) -> bool:
    return any(t.ent_type_ == "PERSON" for t in span)


class Speakers:
    """Resolves subjects to canonical speakers within one article (see module docstring)."""

    def __init__(self, doc: Doc, names: NameResolver | None = None,
                 skip: Any = None, quoted: list[tuple[int, int]] | None = None,
                 sent_start: Any = None, text: str | None = None) -> None:
        self.doc = doc
        # doc.text joins every token anew: callers that hold the text pass it.
        self.text = doc.text if text is None else text
        self.names = names if names is not None else NameResolver()
        # Sentence start of an offset; injected by the quotes extractor (indexed once), else
        # spaCy's own (fine for occasional calls).
        self._sent_start = sent_start or (lambda pos: self._token_at(pos).sent.start_char)
        # (position, name, kind) of every resolved speaker, in the order they were resolved.
        self._history: list[tuple[int, str, str]] = []
        # Subjects that are named entities: fallback antecedents for pronouns.
        self._subjects: list[tuple[int, str, str]] = []
        self._cue_subjects: list[tuple[int, str, str]] = []
        # Every person/group entity mention (any role): antecedents for "his office".
        self._mentions: list[tuple[int, str, str]] = []
        self._ents_by_token: dict[int, SpacySpan] = {}
        quoted = sorted(quoted or [])
        q_starts = [a for a, _ in quoted]

        def in_quote(pos: int) -> bool:
            k = bisect.bisect_right(q_starts, pos) - 1
            return k >= 0 and quoted[k][0] <= pos <= quoted[k][1]

        for ent in split_entities(doc):
            if skip is not None and skip(ent.start_char, ent.end_char):
                continue
            given = _month_as_given_name(ent)
            if given is not None:
                self.names.add_person(given)  # "August Hanning": a month is his given name
                continue
            if _capitalised_noun(ent):
                continue  # "Smoke was spotted …": a common noun opening a sentence is nobody
            for t in ent:
                self._ents_by_token[t.i] = ent
            kind = "person" if ent.label_ in _PERSON_LABELS else (
                "group" if ent.label_ in _GROUP_LABELS else "")
            if not kind:
                continue
            if kind == "group" and ent.label_ == "ORG" and _aged(self.text, ent.end_char):
                kind = "person"  # "Younass Barkouch, 24, came from …": an age makes a person
            if kind == "person" and len(ent) > 1:
                self.names.add_person(ent.text)
            if in_quote(ent.start_char):
                continue  # people named inside a quote are not the ones "he" refers to
            name = self._entity_name(ent)
            if not name:
                continue
            if kind == "group" and is_media(name):
                kind = "media"
            # Mentions keep organisations apart from places: "the group" is never "New York".
            mkind = "org" if kind == "group" and ent.label_ in ("ORG", "NORP") else (
                "place" if kind == "group" else kind)
            self._mentions.append((ent.start_char, name, mkind))
            role = role_of(ent) if kind == "person" else None
            if _salient(ent.root) or (role is not None and _salient(role)):
                self._subjects.append((ent.start_char, name, kind))
                if is_cue(ent.root.head, "quote"):
                    # The subject of a speech verb is a speaker even when no quote came of it.
                    self._cue_subjects.append((ent.start_char, name, kind))
        # Surnames the tagger missed ("Nocera thinks …" after "Linda Nocera"): subjects too.
        surnames = {full.split()[-1]: full for full in self.names.persons if " " in full}
        given = _first_names()
        for t in doc:
            if t.pos_ != "PROPN" or t.dep_ not in _SUBJECT_DEPS or t.i in self._ents_by_token \
                    or in_quote(t.idx) or not _salient(t):
                continue
            if t.text in surnames:
                self._subjects.append((t.idx, surnames[t.text], "person"))
            elif t.lower_ in given and t.head.i > t.i:
                # "Noor, 18, wanted to see Bethlehem": a given name alone is a person.
                self._subjects.append((t.idx, t.text, "person"))
        self._subjects.sort()
        self._cue_subjects.sort()
        self._cue_subject_pos = [p for p, _, _ in self._cue_subjects]
        self._mentions.sort()
        self._mention_pos = [p for p, _, _ in self._mentions]
        self._subject_pos = [p for p, _, _ in self._subjects]
        self._genders: dict[str, str] = {}
        # Descriptions later given a name in the article: "woman in Khan Younis" → "Um Saleh".
        self.renamed: dict[str, str] = {}
        # Resolved "names" that are descriptions of people ("senior Hezbollah official").
        self.descriptions: set[str] = set()
        self._token_starts: list[int] | None = None
        self._first_mentions: dict[str, int] | None = None
        self.issuers = Issuers()
        # Bodies the article names, for "the military", "the force" (read-only, shared by forks).
        self.institutions = Institutions(doc, skip)
        # Candidate antecedents looked at: bounded per look-up, so linear in the article.
        self.steps = 0

    # -- public interface -------------------------------------------------------------------

    def _remember(self, pos: int, name: str, kind: str) -> None:
        # Outlets are cited, they are not "the group" or "it" of the story.
        if kind == "group" and is_media(name):
            kind = "media"
        self._history.append((pos, name, kind))

    def resolve(self, doc: Doc, target: Token | SpacySpan) -> Speaker:
        """The speaker ``target`` (a subject token or phrase) denotes; see the module docstring."""
        if isinstance(target, Token) and never_speaks(target):
            return Speaker()  # "urged Egypt to …", "X has been accused of …": not the speaker
        if isinstance(target, Token):
            target = _past_dateline(target, self.text)
        if isinstance(target, Token) and target.pos_ in ("NOUN", "PROPN"):
            conjuncts = [c for c in target.children if c.dep_ == "conj" and c.i > target.i
                         and c.pos_ in ("NOUN", "PROPN")]
            if conjuncts:
                return self._coordinated([target, *conjuncts])
        span = mention_span(target) if isinstance(target, Token) else target
        if len(span) == 0:
            return Speaker()
        start, end = span.start_char, span.end_char
        glued_at = _GLUED.search(self.text, start, end)
        if glued_at is not None:
            glued = glued_at.end() - 1
            # Scraped text glues the closing mark to the name: 'device,”Polyansky explained'.
            start = glued + 1
            piece = self.text[start:end]
            name = self.names.resolve(piece) if piece[:1].isupper() else None
            if pronoun(name):
                name = None
            kind = "person" if name in self.names.persons else "group"
            if name:
                self._remember(start, name, kind)
            return Speaker(Span.of(self.text, start, end), name)
        mention = Span.of(self.text, start, end)
        if isinstance(target, Token):
            tail = self.text[end:min(len(self.text), target.right_edge.idx + 200)]
            given = _GAVE_NAME.search(tail[:160]) if tail.startswith((",", " ,")) else None
            if given is not None:
                name = clean(given.group("name"))
                # "A woman in Khan Younis told us … the woman, who gave her name as Um Saleh":
                # the earlier description was this person all along.
                earlier, _ = self._name(span)
                if earlier and earlier != name:
                    self.renamed[earlier] = name
                self._history.append((start, name, "person"))
                return Speaker(mention, name)
        appos = self._apposed_person(span)
        if appos is not None:
            name = self._entity_name(appos)
            mention = Span.of(self.text, start, max(end, appos.end_char))
            if name:
                self._history.append((start, name, "person"))
            return Speaker(mention, name)
        group = self._apposed_group(span)
        if group is not None:
            # "its main ally, the United States, said": the organisation named in apposition.
            name = self._entity_name(group)
            if name:
                self._remember(start, name, "group")
            return Speaker(Span.of(self.text, start, max(end, group.end_char)), name)
        name, kind = self._name(span)
        if name and kind == "group" and apposed_role(span):
            # "Oleksii Reznikov, Ukraine’s Minister of Defense, said": whom the tagger called an
            # organisation has a person's role in apposition; a later "he" is them.
            kind = "person"
            name = self.names.add_person(name) or name
        if pronoun(name) or (name and names_nobody(span, self._ents_by_token)):
            name = None  # a pronoun, a map or "more than 150 countries" is never a name
        if name and isinstance(target, Token) and target.pos_ == "PRON" and \
                self._hearer_is(target.head, name):
            name = None  # "she told Laughlin that …": whoever "she" is, not Laughlin
        if name:
            if isinstance(target, Token):
                self.issuers.note_cue(target, name)  # "Hamas said in a statement"
            self._remember(span.start_char, name, kind)
            if kind == "person":
                self._note_gender(span.text, name)
        return Speaker(mention, name)

    def _hearer_is(self, verb: Token, name: str) -> bool:
        """Whether ``verb``'s hearer (the object of "told", "asked") is ``name``."""
        for c in verb.children:
            if c.dep_ in ("dobj", "dative") and c.pos_ == "PROPN":
                heard = self.names.resolve(mention_span(c).text)
                if heard == name or c.text in name.split():
                    return True
        return False

    def link_descriptions(self, speakers: list[Speaker]) -> None:
        """"A director of a medical charity has described … Richard Makepeace, from Medical Aid
        for Palestinians, told the BBC …": an indefinite description that speaks, followed by a
        newly named person who speaks, is that person (``renamed``). The person must open the
        very next sentence, or, when the description's head noun is in the person's phrase
        ("an expert warns … space expert Brandon J Weichert told"), one of the next few."""
        seen: set[str] = set()
        for sp in speakers:
            name, mention = sp.name, sp.mention
            if name is None or name not in self.descriptions or name in self.renamed or \
                    name in seen or mention is None:
                continue
            seen.add(name)
            first = self._token_at(mention.start)
            if first.lower_ not in ("a", "an") and not self._unheld_role(first, mention):
                continue
            found = self._named_speaker_after(first.i, name.lower().split()[-1])
            if found is not None:
                self.renamed[name] = found

    def _unheld_role(self, first: Token, mention: Span) -> bool:
        """"The European Council president urged … Charles Michel, speaking to reporters, said":
        a definite role that no one named before holds (it stayed a description) introduces
        the person the next sentence names, as an indefinite one does."""
        if first.lower_ != "the":
            return False
        root = self._token_at(mention.start).doc.char_span(mention.start, mention.end,
                                                             alignment_mode="expand")
        low = root.root.lower_ if root is not None else ""
        return low in PERSON_ROLES or low in title_words()

    def _holder(self, pos: int, role: str, qualifiers: tuple[str, ...] = ()) -> str | None:
        """The person the article names in ``role`` near ``pos`` (roles.py); "" if two do."""
        def end_of(p: int, name: str) -> int:
            ent = self._ents_by_token.get(self._token_at(p).i)
            return ent.end_char if ent is not None else p + len(name)

        found, steps = role_holder(self.text, self._mentions, self._mention_pos, pos, role,
                                   qualifiers, end_of)
        self.steps += steps
        return found

    def _outlet_of_report(self, pos: int, span: SpacySpan) -> str | None:
        """"according to the report" after "a report in The Economist": the outlet that ran
        the report named just before (only a news outlet, only "the", only one in reach)."""
        if not _DEFINITE_BEFORE.search(self.text, max(0, pos - 1), span.root.idx):
            return None
        i = bisect.bisect_left(self._mention_pos, pos)
        found: set[str] = set()
        for p, name, k in self._mentions[max(0, i - 40):i]:
            if k == "media" and p >= pos - 1500 and _RAN_IN.search(self.text, max(0, p - 40), p):
                found.add(name)
        return next(iter(found)) if len(found) == 1 else None

    def _institution(self, pos: int, span: SpacySpan) -> str | None:
        """The institution a lower-case description of a body stands for (institutions.py)."""
        parts = description_parts(span)
        if parts is None:
            return None
        before = self.institutions.steps
        found = self.institutions.find(pos, *parts)
        self.steps += self.institutions.steps - before
        return found

    def _first_mention(self) -> dict[str, int]:
        cached = self._first_mentions
        if cached is None:
            cached = {}
            for p, n, _ in self._mentions:
                cached.setdefault(n, p)
            self._first_mentions = cached
        return cached

    def _sentence_from(self, i: int) -> SpacySpan:
        """The article's sentence (paragraph breaks end one, whatever the parser made of them)
        that holds token ``i``, read forward from ``i``."""
        doc = self.doc
        cur = self._sent_start(doc[i].idx)
        j = i
        while j < len(doc) and j - i < 400 and self._sent_start(doc[j].idx) == cur and not (
                j > i and doc[j].is_space and "\n" in doc[j].text):
            j += 1
        self.steps += j - i  # tokens looked at (the bad-input test counts them)
        return doc[i:j]

    def _named_speaker_after(self, i: int, head_noun: str) -> str | None:
        doc = self.doc
        nxt = self._sentence_from(i).end
        for hop in range(4):
            while nxt < len(doc) and doc[nxt].is_space:
                nxt += 1
            if nxt >= len(doc):
                return None
            s = self._sentence_from(nxt)
            nxt = s.end
            for t in s:
                if t.dep_ not in _SUBJECT_DEPS or not is_cue(t.head, "quote"):
                    continue
                span = mention_span(t)
                ent = self._ents_by_token.get(t.i)
                if ent is None or ent.label_ != "PERSON":
                    break
                opens = span.start == s.start or doc[s.start].i in self._ents_by_token
                same_head = head_noun in {w.lower_ for w in span}
                # Without the head noun, the person must come with an apposition of their own
                # ("Richard Makepeace, from …, told"): "A woman said … Joe Biden said" is two.
                apposed = ent.end < len(doc) and doc[ent.end].text == ","
                if not (opens and (same_head or (hop == 0 and apposed))):
                    break
                # A person named earlier is someone else the story already knows.
                name = self._entity_name(ent)
                first = self._first_mention().get(name or "")
                return None if first is not None and first < ent.start_char else name
        return None

    def _known_person_before(self, tok: Token, floor: int) -> str | None:
        """A person the article already named, mentioned again earlier in the same sentence by a
        name the tagger missed ("Sunak’s arrival …, his office said" → "Rishi Sunak")."""
        doc = tok.doc
        for k in range(tok.i - 1, -1, -1):
            t = doc[k]
            if t.idx < floor:
                break
            if t.text[:1].isupper() and t.pos_ in ("PROPN", "NOUN"):
                # (the tagger may call a bare surname before "’s" a noun)
                hits = [p for p in self.names.persons if " " in p and p.split()[-1] == t.text]
                if len(hits) == 1:
                    return hits[0]
        return None

    def _apposed_person(self, span: SpacySpan) -> SpacySpan | None:
        """"Moscow’s deputy envoy to the UN, Dmitry Polyansky, said": the person named in
        apposition to a role description (the parser may hang it on any noun of the phrase)."""
        root = span.root
        if root.pos_ == "PROPN" or self._ents_by_token.get(root.i) is not None:
            return None
        doc = span.doc
        # The apposition directly follows the phrase: ", NAME," before the verb.
        j = span.end
        if j < len(doc) and doc[j].text == ",":
            j += 1
        role = root.lower_ in PERSON_ROLES or root.lower_ in title_words()
        for t in itertools.islice(root.subtree, 60):
            if t.dep_ == "appos" and t.i >= span.start:
                ent = self._ents_by_token.get(t.i)
                if ent is not None and ent.label_ == "PERSON":
                    return ent
                if role and t.pos_ == "PROPN" and (ent is None or ent.label_ not in (
                        "GPE", "LOC", "NORP")):
                    # The tagger sometimes calls a person in apposition to a role an ORG.
                    return mention_span(t)
        if j < len(doc):
            ent = self._ents_by_token.get(j)
            if ent is not None and ent.label_ == "PERSON" and ent.start == j \
                    and ent.end < len(doc) and doc[ent.end].text == ",":
                return ent
        return None

    def _apposed_group(self, span: SpacySpan) -> SpacySpan | None:
        """The organisation or state in apposition to a common-noun description."""
        root = span.root
        if root.pos_ != "NOUN" or root.i in self._ents_by_token:
            return None
        for t in root.rights:
            ent = self._ents_by_token.get(t.i)
            if t.dep_ == "appos" and ent is not None and ent.label_ in ("ORG", "GPE", "NORP") \
                    and t.i - span.end < 4:
                return ent
            if t.dep_ == "prep" and t.lower_ in ("for", "of", "in"):
                # "The UN aid agency for Palestinian refugees, UNRWA, says": the parser hangs
                # the name on the complement; it closes the subject, just before the verb.
                for a in itertools.islice(t.subtree, 12):
                    ent = self._ents_by_token.get(a.i)
                    if a.dep_ == "appos" and ent is not None and ent.label_ == "ORG" and \
                            ent.end + 1 < len(span.doc) and span.doc[ent.end].text == "," and \
                            span.doc[ent.end + 1].i == root.head.i:
                        return ent
        return None

    def _coordinated(self, heads: list[Token]) -> Speaker:
        """"Israel and Hamas said …": one speaker named by its parts, each as written."""
        spans = []
        for h in heads:
            sp = mention_span(h)
            # A conjunct's own left edge may reach back over "and"; keep from its determiner.
            spans.append(sp)
        first, last = spans[0], spans[-1]
        mention = Span.of(self.text, first.start_char, last.end_char)
        parts = [self._name(sp, owner=False)[0] for sp in spans]
        if not all(parts) or any(p in self.descriptions for p in parts):
            # ("a retired officer … and requested anonymity": descriptions joined are no name)
            return Speaker(mention, None)
        name = " and ".join(p for p in parts if p)
        self._history.append((first.start_char, name, "group"))
        return Speaker(mention, name)

    def remember(self, position: int, name: str, kind: str = "") -> None:
        """Record that ``name`` spoke at ``position`` (antecedent for later pronouns)."""
        self._history.append((position, name, kind or self._kind_of_name(name)))

    def fork(self) -> Speakers:
        """A copy whose memory (resolved mentions, genders, issuers, names) is its own; the Doc
        and the indexes built once per article are shared, read-only."""
        new = copy.copy(self)
        new._history = list(self._history)
        new._genders = dict(self._genders)
        new.renamed = dict(self.renamed)
        new.descriptions = set(self.descriptions)
        new.issuers = copy.deepcopy(self.issuers)
        new.names = copy.deepcopy(self.names)
        return new

    # -- internals --------------------------------------------------------------------------

    def _token_at(self, pos: int) -> Token:
        # Token starts are indexed once: many look-ups per article stay O(log n) each.
        starts = self._token_starts
        if starts is None:
            starts = self._token_starts = [t.idx for t in self.doc]
        return self.doc[max(0, bisect.bisect_right(starts, pos) - 1)]

    def _sentence_subject(self, pron: Token, sent_start: int) -> str | None:
        """"The ministry has released new figures - it says …": an organisation that is the
        subject earlier in the same sentence, though it is no named entity."""
        doc = pron.doc
        for k in range(pron.i - 1, max(-1, pron.i - 60), -1):
            t = doc[k]
            if t.idx < sent_start:
                break
            if t.dep_ in _SUBJECT_DEPS and t.pos_ in ("NOUN", "PROPN") and \
                    t.lower_ in GROUP_NOUNS:
                return self._name(mention_span(t), owner=False)[0]
        return None

    def _nearer_body(self, pron: Token, sent_start: int, found: str | None) -> str | None:
        """"raids by the Israeli military on hospitals it said …": an "it" whose antecedent was
        found outside the sentence's subjects, with another body named in between in the same
        sentence, is that nearer body; if the nearer one has no name, nobody (two candidates,
        no sure choice)."""
        contact = pron.i > 0 and pron.doc[pron.i - 1].pos_ == "NOUN"  # "clinics it said"
        if pron.head.dep_ != "relcl" and not contact:
            # Only in a relative clause ("hospitals it said …"): in "…, it noted" the bodies
            # before the pronoun are inside what it said.
            return found
        i = bisect.bisect_left(self._subject_pos, pron.idx)
        for p, name, k in reversed(self._subjects[max(0, i - 10):i]):
            self.steps += 1  # one candidate looked at (the bad-input test counts them)
            if p < sent_start:
                break
            if k == "group" and name == found:
                return found  # the sentence's own subject: the usual antecedent
        doc = pron.doc
        for k in range(pron.i - 1, max(-1, pron.i - 40), -1):
            self.steps += 1  # one candidate looked at (the bad-input test counts them)
            t = doc[k]
            if t.idx < sent_start:
                break
            ent = self._ents_by_token.get(k)
            # A body as a noun phrase of its own: not "NATO summit", "an Indonesian official".
            body = t.dep_ in _ARGUMENT_DEPS and (
                (ent is not None and ent.root.i == k and ent.label_ == "ORG") or
                (ent is None and t.pos_ == "NOUN" and t.lower_ in INSTITUTION_NOUNS))
            if not body:
                continue
            near = self._name(mention_span(t), owner=False)[0]
            if near is None or near == found or (found is not None and near in found):
                return found
            return None if near in self.descriptions or near.islower() else near
        return found

    def _pronoun_owner(self, pron: Token) -> str | None:
        """"its update": the organisation (or, for "his"/"her", the person) it refers to."""
        kind = "person" if pron.lower_ in ("his", "her") else "group"
        return self._antecedent(pron.idx, kind, sent_start=self._sent_start(pron.idx))

    def _kind_of_name(self, name: str) -> str:
        return "person" if name in self.names.persons else "group"

    def _entity_name(self, ent: SpacySpan) -> str | None:
        surface = ent.text.rsplit("\n", 1)[-1]  # never across a line break
        if ent.label_ in ("PERSON", ""):
            return self.names.person(surface) or clean(surface) or None
        if ent.label_ == "ORG" and len(ent) == 1:
            # A surname the tagger took for an organisation ("Arestovych claimed"): the person
            # it ends, when the article names one.
            full = self.names.person(surface)
            if full and " " in full and full.split()[-1] == clean(surface):
                return full
        return strip_titles(clean(surface)) or None

    def _antecedent(self, pos: int, kind: str, contains: str | None = None,
                    window: int = 4000, sent_start: int | None = None,
                    gender: str | None = None) -> str | None:
        """The entity subject of ``kind`` earlier in the same sentence; else the most recent
        speaker within a few paragraphs; else the most recent entity subject. With ``gender``
        ("f"/"m"), people known to be of the other gender are passed over."""
        if gender is not None:
            want = contains

            def fits(name: str) -> bool:
                g = self._gender(name)
                return (g is None or g == gender) and (
                    want is None or want in name.lower().split())

            return self._antecedent_where(pos, kind, fits, window, sent_start)
        i = bisect.bisect_left(self._subject_pos, pos)
        if sent_start is not None:
            for p, name, k in reversed(self._subjects[max(0, i - 40):i]):
                self.steps += 1  # one candidate looked at (the bad-input test counts them)
                if p < sent_start:
                    break
                if k == kind and (contains is None or contains in name.lower().split()):
                    return name
        best: tuple[int, str] | None = None
        j = bisect.bisect_left(self._cue_subject_pos, pos)
        # History is appended in document order; only its recent end can be in the window.
        recent = [*self._history[-40:], *self._cue_subjects[max(0, j - 40):j]]
        for p, name, k in recent:
            self.steps += 1  # one candidate looked at (the bad-input test counts them)
            if p < pos and pos - p <= window and k == kind and \
                    (contains is None or contains in name.lower().split()):
                if best is None or p > best[0]:
                    best = (p, name)
        if best is not None and pos - best[0] <= 1500:
            # A recent speaker is the most salient antecedent, unless a person is introduced
            # after it ("Younass Barkouch, 24, came from …. He said"): the newcomer.
            newer = self._introduced_between(best[0], pos, kind, lambda n: contains is None or
                                             contains in n.lower().split())
            return newer or best[1]
        for p, name, k in reversed(self._subjects[max(0, i - 40):i]):
            self.steps += 1  # one candidate looked at (the bad-input test counts them)
            if pos - p > window:
                break
            if k == kind and (contains is None or contains in name.lower().split()):
                if best is None or p > best[0]:
                    best = (p, name)
                break
        return best[1] if best else None

    def _antecedent_where(self, pos: int, kind: str, fits: Any, window: int,
                          sent_start: int | None) -> str | None:
        """:meth:`_antecedent` with a predicate on candidate names."""
        i = bisect.bisect_left(self._subject_pos, pos)
        if sent_start is not None:
            for p, name, k in reversed(self._subjects[max(0, i - 40):i]):
                self.steps += 1  # one candidate looked at (the bad-input test counts them)
                if p < sent_start:
                    break
                if k == kind and fits(name):
                    return name
        j = bisect.bisect_left(self._cue_subject_pos, pos)
        recent = [*self._history[-40:], *self._cue_subjects[max(0, j - 40):j]]
        self.steps += len(recent)
        best = max(((p, name) for p, name, k in recent
                    if p < pos and pos - p <= min(window, 1500) and k == kind and fits(name)),
                   default=None)
        if best is not None:
            return self._introduced_between(best[0], pos, kind, fits) or best[1]
        for p, name, k in reversed(self._subjects[max(0, i - 40):i]):
            self.steps += 1  # one candidate looked at (the bad-input test counts them)
            if pos - p > window:
                break
            if k == kind and fits(name):
                return name
        return None

    def _introduced_between(self, lo: int, pos: int, kind: str, fits: Any) -> str | None:
        """The last person first named as a sentence subject after ``lo`` and before ``pos``
        ("Pedro Kremer, 48, was raised in …"): a paragraph that introduces someone is about
        them, so its pronouns are theirs, not the previous speaker's. People only: a body named
        in passing is no new topic."""
        if kind != "person":
            return None
        first = self._first_mention()
        i = bisect.bisect_left(self._subject_pos, pos)
        for p, name, k in reversed(self._subjects[max(0, i - 20):i]):
            self.steps += 1  # one candidate looked at (the bad-input test counts them)
            if p <= lo:
                break
            if k == "person" and first.get(name) == p and " " in name and fits(name) and \
                    not self._apposed_body(p):
                return name
        return None

    def _apposed_body(self, pos: int) -> bool:
        """"Kurier Lubelski, a regional news outlet, …": the entity at ``pos`` is described as a
        body or an outlet, whatever the tagger's label."""
        ent = self._ents_by_token.get(self._token_at(pos).i)
        return ent is not None and any(
            c.dep_ == "appos" and c.lower_ in _MEDIA_NOUNS | GROUP_NOUNS for c in ent.root.children)

    def _gender(self, name: str) -> str | None:
        """"f"/"m" when the article or a common given name tells, else None."""
        if name in self._genders:
            return self._genders[name]
        first = name.split()[0].lower() if name.split() else ""
        return _first_names().get(first)

    def _note_gender(self, mention: str, name: str | None) -> None:
        if not name:
            return
        low = f" {mention.lower()} "
        if any(f" {w} " in low for w in ("mrs", "mrs.", "ms", "ms.", "spokeswoman", "queen",
                                           "chairwoman", "congresswoman", "madam")):
            self._genders[name] = "f"
        elif any(f" {w} " in low for w in ("mr", "mr.", "spokesman", "king", "prince",
                                             "chairman", "congressman", "sir")):
            self._genders[name] = "m"

    def _recent_speaker(self, pos: int, kind: str, window: int) -> str | None:
        for p, name, k in reversed(self._history[-40:]):
            self.steps += 1  # one candidate looked at (the bad-input test counts them)
            if p < pos and pos - p <= window and k == kind:
                return name
        return None

    def _recent_mention_where(self, pos: int, kind: str, fits: Any, floor: int = 0) -> str | None:
        i = bisect.bisect_left(self._mention_pos, pos)
        for p, name, k in reversed(self._mentions[max(0, i - 40):i]):
            self.steps += 1  # one candidate looked at (the bad-input test counts them)
            if p < floor:
                break
            if k == kind and fits(name):
                return name
        return None

    def _sentence_org(self, pos: int, subject: Token) -> str | None:
        """The one organisation (not a place, not an outlet) named between the start of the
        sentence and ``pos`` outside what ``subject``'s verb reports ("They were taken to the
        Emirates Hospital, the group said": the hospital is in the content); None when there is
        none or more than one."""
        verb = subject.head
        if subject.dep_ not in _SUBJECT_DEPS or verb.i < subject.i:
            return None
        said = [(c.left_edge.idx, c.right_edge.idx) for c in verb.children
                if c.dep_ in ("ccomp", "parataxis", "conj")]
        floor = self._sent_start(pos)
        i = bisect.bisect_left(self._mention_pos, pos)
        found: set[str] = set()
        for p, name, k in reversed(self._mentions[max(0, i - 20):i]):
            self.steps += 1  # one candidate looked at (the bad-input test counts them)
            if p < floor:
                break
            if k == "org" and not any(a <= p <= b for a, b in said):
                found.add(name)
        return next(iter(found)) if len(found) == 1 else None

    def _recent_mention(self, pos: int, kind: str, floor: int = 0) -> str | None:
        i = bisect.bisect_left(self._mention_pos, pos)
        for p, name, k in reversed(self._mentions[max(0, i - 40):i]):
            self.steps += 1  # one candidate looked at (the bad-input test counts them)
            if p < floor:
                break
            if k == kind:
                return name
        return None

    def _name(self, span: SpacySpan, owner: bool = True) -> tuple[str | None, str]:
        root = span.root
        low = root.lower_
        pos = span.start_char
        # "US" is a country, not the pronoun "us".
        if (root.pos_ == "PRON" or low in UNKNOWN_PRONOUNS) and not (
                len(root.text) > 1 and root.text.isupper()):
            ss = self._sent_start(root.idx)
            if low in PERSON_PRONOUNS:
                gender = "f" if low in ("she", "her", "hers") else "m"
                found = self._antecedent(pos, "person", sent_start=ss, gender=gender)
                if found is not None:
                    # "She said …" tells the gender: a later "he" is someone else.
                    self._genders.setdefault(found, gender)
                return found, "person"
            if low in GROUP_PRONOUNS:
                found = self._antecedent(pos, "group", sent_start=ss) or \
                    self._sentence_subject(root, ss)
                return self._nearer_body(root, ss, found), "group"
            if low in PLURAL_PRONOUNS:
                if _unnamed_plural_subject_before(root):
                    return None, "group"  # "Members of the group posed … They claimed:"
                return self._antecedent(pos, "group", window=1200), "group"
            return None, ""
        # A named entity inside the phrase: the person or organisation it names.
        ent = self._ents_by_token.get(root.i)
        if ent is None and len(span) == 1 and root.pos_ != "PROPN" and root.text[:1].isupper() \
                and low not in PERSON_ROLES | GROUP_NOUNS | title_words():
            # "Price says" where the tagger read the surname as the noun "price": the surname
            # of a person the article named in full is that person.
            known = self.names.resolve(root.text)
            if known and known in self.names.persons and known != root.text:
                return known, "person"
            # "Deadline reports that …" where the tagger read the outlet as the noun
            # "deadline": a capitalised outlet's name (data/media.txt) alone is the outlet.
            if is_media(root.text) and root.dep_ in ("nsubj", "nsubjpass"):
                return root.text, "group"
        if ent is not None and ent.label_ in _PERSON_LABELS:
            return self._entity_name(ent), "person"
        if ent is None and low in PERSON_ROLES | title_words():
            # "Hamas's leader in Gaza Yahya Sinwar": a role phrase ending in the person's name.
            last = self._ents_by_token.get(span[-1].i)
            if last is not None and last.label_ in _PERSON_LABELS and last.end == span.end and \
                    last.start > root.i and not (
                    last.root.dep_ == "pobj" and last.root.left_edge.i >= last.start):
                # (not "a woman in the city of Khan Younis": the name is the whole object)
                return self._entity_name(last), "person"
        if low in ("source", "sources") and not has_person(span):
            # "a source", "the source, who said …": an unnamed person, never a named one nearby.
            self.descriptions.add(clean(span.text))
            return clean(span.text) or None, "person"
        has_proper = any(t.pos_ == "PROPN" or t.ent_type_ in _GROUP_LABELS | _PERSON_LABELS
                         for t in span)
        if low in _MEDIA_NOUNS and ent is None and not has_proper and (any(
                t.dep_ == "det" and t.lower_ in ("the", "this", "that") and t.head == root
                for t in span) or _DEFINITE_BEFORE.search(self.text, max(0, pos - 6), pos)):
            # "the publication reports" after "a report in The Economist": the outlet just
            # named ("publication" is also a document word, whose issuer it would look for;
            # the tagger may read "publication reports" as one noun phrase, leaving "the" out).
            found = self._antecedent(pos, "media", contains=low) or \
                self._recent_speaker(pos, "media", window=600) or \
                self._recent_mention(pos, "media", floor=max(0, pos - 1500))
            if found:
                return found, "media"
        if owner and is_document(root) and ent is None and root.pos_ != "PROPN":
            # "its casualty update", "a statement from the army": the issuer speaks; a document
            # with no issuer in the text ("This post says") has no name.
            found = document_owner(root, span, self.issuers,
                                   lambda sp: self._name(sp, owner=False)[0], mention_span,
                                   self._pronoun_owner)
            if found and found.islower():
                # "an army statement", "the military investigation": the body the article
                # names, or nobody (never the kind word as a name).
                found = self._institution(pos, span)
            if found is None and low in ("report", "article", "story"):
                found = self._outlet_of_report(pos, span)
            return found, ("person" if found in self.names.persons else "group")
        if has_proper and low in _GENERIC_GROUP and span[0].lower_ == "the" and ent is None and \
                not any(t.pos_ == "PROPN" for t in span):
            # "the Islamist militant group said", "the Lebanese group": a kind of group with an
            # adjective, no name; the group that has just spoken, or nobody.
            found = self._recent_speaker(pos, "group", window=600)
            if found is None:
                self.descriptions.add(clean(span.text))
            return (found or clean(span.text) or None), "group"
        if not has_proper:
            det = next((t for t in span if t.dep_ in ("det", "poss") and t.head == root), None)
            definite = det is not None and det.lower_ in {"the", "this", "that"}
            if definite and (low in PERSON_ROLES or low in title_words()) and \
                    low not in GROUP_NOUNS:  # "the army" is not the title of an "Army Chief"
                holder = self._holder(pos, low, owners_of(span))
                if holder is not None:
                    return holder or None, "person"
                found = self._antecedent(pos, "person")
                return found, "person"
            if definite and low in _MEDIA_NOUNS:
                # "the newspaper said" right after "the Financial Times reported".
                found = self._antecedent(pos, "media", contains=low) or \
                    self._recent_speaker(pos, "media", window=600) or \
                    self._recent_mention(pos, "media", floor=max(0, pos - 1500))
                return found, "media"
            if definite and low in GROUP_NOUNS:
                found = self._antecedent(pos, "group", contains=low)
                if found is None and low in _GENERIC_GROUP:
                    # "In a statement from Hamas, …, the militant group praised …": the one
                    # organisation named earlier in the sentence, before older speakers.
                    found = self._sentence_org(pos, root)
                if found is None and low in _GENERIC_GROUP:
                    found = self._antecedent(pos, "group") or self._recent_mention(
                        pos, "org", floor=max(0, pos - 1500))
                if found is None and low in _GENERIC_GROUP:
                    # "the movement said" right after "Hamas said": the group that just spoke
                    # (never for "the ministry": another body's name is no guess for it).
                    found = self._recent_speaker(pos, "group", window=600)
                if found is None and low not in _GENERIC_GROUP:
                    # "The ICJ's rulings … The court ruled": an organisation just named whose
                    # full name holds the noun (through the alias table).
                    found = self._recent_mention_where(
                        pos, "org", lambda n: low in (canonical_actor(n) or n).lower().split(),
                        floor=max(0, pos - 1500))
                if found is None and low not in _GENERIC_GROUP:
                    # "the military", "the force" with no antecedent: the body of that kind the
                    # article names nearby, or no name (a kind word is nobody's name).
                    found = self._institution(pos, span)
                return found, "group"
            if det is not None and det.lower_ in ("his", "her", "its", "their"):
                rest = clean(self.text[det.idx + len(det.text):span.end_char])
                if low in _OWNED_VOICES:
                    # "his office said": the owner's office, named by the owner, preferably
                    # one named earlier in the same sentence ("Sunak’s arrival …, his office").
                    kind = "person" if det.lower_ in ("his", "her") else "org"
                    floor = self._sent_start(root.idx)
                    holder = self._recent_mention(det.idx, kind, floor=floor) \
                        or (self._known_person_before(det, floor) if kind == "person" else None) \
                        or self._antecedent(det.idx, kind)
                    if holder:
                        return f"{holder}'s {rest}", "group"
                if rest and not any(w[:1].isupper() for w in rest.split()):
                    self.descriptions.add(rest)  # "its military" with no owner: no name
                return (rest or None), "group"
        text = span.text
        words = [w.lower() for w in clean(text).split()]
        indefinite = span[0].lower_ in ("a", "an", "one", "another", "some")
        if words and all(w in bare_title_words() for w in words) and not indefinite:
            # ("A woman said" introduces someone new: never the person before it.)
            # A bare title standing for its holder: "The Secretary General also announced …".
            found = self._antecedent(pos, "person", sent_start=self._sent_start(root.idx))
            if found is not None or span[0].lower_ in ("the", "this"):
                return found, "person"
        if root.pos_ == "PROPN" or ent is not None:
            role = possessed_role(span)
            if role is not None:
                # "Israel's Prime Minister": a description of a role, never a name. The holder
                # the article names ("Prime Minister Benjamin Netanyahu"), or no name at all.
                holder = self._holder(pos, role)
                if not holder:
                    self.descriptions.add(clean(text))
                return (holder or clean(text) or None), "person"
            if role_of_body(root) or (root.dep_ in ("pobj", "appos") and root.head.i < span.start
                                       and role_of_body(root.head.head if root.dep_ == "pobj"
                                                         else root.head)) or _title_of(span):
                # "The Chairman of the Joint Chiefs of Staff noted": a role described, never the
                # body in its complement; the person the article just named, if any.
                self.descriptions.add(clean(text))
                return self._antecedent(pos, "person"), "person"
            text = self.text[span.start_char:_name_end(span)]
            text = _proper_tail(text)
            tail = clean(text).split()
            if _generic_description(tail):
                # "United Nations agency", "U.N. relief agency": a description ending in a
                # common noun; a name only where the alias table knows it.
                self.descriptions.add(clean(text))
            name = self.names.resolve(text)
            if name and name in self.names.persons:
                return name, "person"
            kind = "person" if (ent is not None and ent.label_ == "PERSON") else "group"
            if ent is None and len(span) == 1 and not root.text.isupper() and \
                    root.dep_ in _SUBJECT_DEPS and is_cue(root.head, "quote"):
                kind = "person"  # an unknown single name that speaks ("…, Issac says") is a person
            lead = 0
            while lead < len(span) - 1 and (span[lead].text == "-" or span[lead].pos_ == "DET" or (
                    span[lead].text[:1].islower() and span[lead].pos_ in ("ADJ", "ADV"))):
                lead += 1  # "the ever-insidious World Economic Forum" → the name alone
            if lead and any(t.pos_ != "DET" for t in span[:lead]):
                text = self.text[span[lead].idx:_name_end(span)]
            return (strip_titles(clean(text)) or None), kind
        name = clean(text)
        if has_proper and _generic_description(name.split()):
            self.descriptions.add(name)  # "the United Nations agency": which one is not said
        kind = "person" if low in PERSON_ROLES or low in title_words() else (
            "doc" if low in DOCUMENT_NOUNS else "group")  # a report is not "the group"
        possessed = any(t.dep_ == "case" and t.head.i < root.i for t in span)
        if kind == "person" and (span[0].lower_ in ("the", "this") or possessed) and \
                owners_of(span):
            # "the Russian president", "the Russian leader": the Russian the article titled so.
            holder = self._holder(pos, low, owners_of(span))
            if holder:
                return holder, "person"
        if name and not is_institution(span):
            # "a senior Hezbollah official", "one man", "Experts": a description, not a name.
            # It stays the antecedent of a later "he" and may be renamed ("…, who gave her name
            # as Um Saleh"); the quotes extractor outputs it as None (DESIGN: a name or null).
            self.descriptions.add(name)
        return (name or None), kind
