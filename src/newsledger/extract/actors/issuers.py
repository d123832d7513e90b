"""Who speaks through a document: "its regular casualty update, which says …", "a statement from
the army said …", "the statement said …" after "Hamas said in a statement".

A document noun is never a speaker's name. :func:`document_owner` finds the issuer the text gives
(a possessor, a "by"/"from" phrase, the subject of the verb that issued it, or the last speaker
who spoke "in a statement") or reports that none is known (the name stays null).
:class:`Issuers` remembers which speaker last issued which kind of document in the article.
"""

from __future__ import annotations

from typing import Callable

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token
from ... import lexicons
from ...actors import is_media

# Nouns for what an issuer publishes; the document speaks for its owner.
DOCUMENT_NOUNS = lexicons.word_set("document_nouns")
_OWNER_PRONOUNS = frozenset({"its", "their", "his", "her"})
# Verbs by which a subject issues a document: "the ministry published its update".
_ISSUING = lexicons.word_set("issuing_verbs")
# How far back (characters) "the statement" may refer to a statement someone issued.
_WINDOW = 3000


def is_document(tok: Token) -> bool:
    return tok.lower_ in DOCUMENT_NOUNS or tok.lemma_.lower() in DOCUMENT_NOUNS


class Issuers:
    """The last issuer of each kind of document in one article, in document order."""

    def __init__(self) -> None:
        self._last: dict[str, tuple[int, str]] = {}

    def note(self, noun: Token, name: str) -> None:
        self._last[noun.lemma_.lower()] = (noun.idx, name)

    def note_cue(self, subject: Token, name: str) -> None:
        """"Hamas said in a statement …": Hamas issued a statement."""
        verb = subject.head
        for prep in verb.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "via", "through") and prep.i > verb.i:
                for pobj in prep.children:
                    if pobj.dep_ == "pobj" and is_document(pobj):
                        self.note(pobj, name)

    def last(self, noun: Token) -> str | None:
        hit = self._last.get(noun.lemma_.lower())
        if hit is None or not 0 <= noun.idx - hit[0] <= _WINDOW:
            return None
        return hit[1]


def document_owner(root: Token, span: SpacySpan, issuers: Issuers,
                   name_of: Callable[[SpacySpan], str | None],
                   mention: Callable[[Token], SpacySpan],
                   pronoun_owner: Callable[[Token], str | None]) -> str | None:
    """The issuer of the document ``root`` heads, or None when the text names none.

    ``name_of`` resolves a phrase to a name (the speaker resolver), ``mention`` widens a token
    to its phrase, ``pronoun_owner`` resolves "its"/"their" when no issuing verb is found."""
    for t in root.rights:
        # "a statement from the army", "a report by the UN agency".
        if t.dep_ == "prep" and t.lower_ in ("by", "from", "of") and t.i < span.end + 4:
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if pobj is not None and not is_document(pobj):
                name = name_of(mention(pobj))
                if name:
                    issuers.note(root, name)
                    return name
        # "a report in The Economist": the outlet that ran it (never a place: "a report in Gaza").
        if t.dep_ == "prep" and t.lower_ == "in" and t.i < span.end + 4:
            pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
            phrase = mention(pobj) if pobj is not None else None
            name = name_of(phrase) if phrase is not None else None
            if name and (is_media(name) or is_media(phrase.text)):
                issuers.note(root, name)
                return name
    for t in root.rights:
        # "a statement released by the US Attorney's Office": the agent of the issuing verb.
        if t.dep_ == "acl" and t.lemma_.lower() in _ISSUING_ANY and t.i < span.end + 3:
            prep = next((c for c in t.children if c.dep_ == "agent" or (
                c.dep_ == "prep" and c.lower_ == "by")), None)
            pobj = next((c for c in prep.children if c.dep_ == "pobj"), None) \
                if prep is not None else None
            if pobj is not None and not is_document(pobj):
                name = name_of(mention(pobj))
                if name:
                    issuers.note(root, name)
                    return name
    if root.dep_ == "dobj" and root.head.lemma_.lower() in _ISSUING_ANY and not any(
            t.dep_ == "poss" for t in root.children):
        # "Ismail Haniyeh has issued a statement confirming …": the issuing verb's subject.
        subj = next((c for c in root.head.children if c.dep_ == "nsubj"), None)
        if subj is None and root.head.dep_ == "conj":
            # "The military said …, and issued a statement": the first verb's subject.
            subj = next((c for c in root.head.head.children if c.dep_ == "nsubj"), None)
        # "The leader of Hamas, Ismail Haniyeh, has issued": the name in apposition.
        # (the parser may hang it on any noun of the phrase: "of Hamas, Ismail Haniyeh").
        appos = next((c for c in subj.subtree if c.dep_ == "appos" and c.pos_ == "PROPN" and (
            c.ent_type_ == "PERSON" or c.head.i == subj.i)), None) \
            if subj is not None and subj.pos_ != "PROPN" else None
        subj = appos if appos is not None else subj
        if subj is not None and subj.pos_ != "PRON":
            name = name_of(mention(subj))
            if name:
                issuers.note(root, name)
                return name
    for t in root.children:
        # "the IDF statement"; "the Gaza health ministry statement": a compound whose phrase
        # holds a proper noun names the issuer.
        if t.dep_ != "poss" and not (t.dep_ in ("compound", "nmod") and any(
                x.pos_ == "PROPN" for x in t.subtree)):
            continue
        if t.lower_ in _OWNER_PRONOUNS:
            # "The ministry has issued its update, which says …": the issuing verb's subject.
            verb = root.head
            owner = None
            if root.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in _ISSUING:
                subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
                if subj is not None and subj.lower_ not in _OWNER_PRONOUNS | {"it", "they"}:
                    owner = name_of(mention(subj))
            owner = owner or pronoun_owner(t)
        else:
            # "the ministry's update", "the IDF statement"; "US intelligence assessments": a
            # run of compounds before the document is one issuer ("US intelligence"), not "US".
            doc = root.doc
            run = t.dep_ == "compound" and root.i - t.i > 1 and all(
                doc[k].dep_ == "compound" for k in range(t.i, root.i))
            phrase = doc[t.i:root.i] if run else (
                doc[t.left_edge.i:t.i + 1] if t.pos_ != "PROPN" else None)
            owner = (name_of(phrase) if phrase is not None else None) or name_of(mention(t))
        if owner:
            issuers.note(root, owner)
            return owner
    # "a report" introduces a new document: never the one an earlier issuer put out.
    fresh = any(t.dep_ == "det" and t.lower_ in ("a", "an", "another") for t in root.children)
    found = (None if fresh else issuers.last(root)) or _recent_issuer(root, name_of, mention)
    if found is None and any(t.ent_type_ in _SOURCE_ENTS or t.lower_ in _SOURCE_WORDS
                             for t in span if t.i != root.i):
        # "a Lebanese report", "Israeli media reports": no issuer, but the phrase itself says
        # where it comes from; it stays the name, as written.
        words = [t.text for t in span if t.dep_ != "det"]
        if len(words) > 2 and span[-1].i == root.i and words[-2].lower() in _ISSUER_HEADS:
            # "Israeli government statistics": the government issued them; it is the name.
            words = words[:-1]
        found = " ".join(words) or None
    return found


_SOURCE_ENTS = frozenset({"NORP", "GPE", "ORG"})
_SOURCE_WORDS = frozenset({"media", "military", "army", "government", "official", "state"})
# Bodies that issue documents: "Israeli government figures" are the government's.
_ISSUER_HEADS = frozenset({"government", "ministry", "military", "army", "police"})
# How far back (tokens) "the statement" may look for the verb that issued it.
_ISSUE_REACH = 80


def _recent_issuer(root: Token, name_of: Callable[[SpacySpan], str | None],
                   mention: Callable[[Token], SpacySpan]) -> str | None:
    """"The White House issued a warning on Wednesday. … the statement said": the subject of the
    nearest issuing verb before the document noun (a bounded look-back)."""
    if root.lemma_.lower() not in ("statement", "announcement", "release", "document", "text",
                                   "post", "tweet"):
        return None
    doc = root.doc
    for k in range(root.i - 1, max(-1, root.i - _ISSUE_REACH), -1):
        v = doc[k]
        if v.pos_ != "VERB" or v.lemma_.lower() not in _ISSUING_ANY:
            continue
        if not any(c.dep_ in ("dobj", "ccomp") for c in v.children) and \
                v.lemma_.lower() not in ("tweet", "post"):
            continue
        subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.pos_ != "PRON":
            return name_of(mention(subj))
    return None


_ISSUING_ANY = _ISSUING | {"announce", "pledge", "unveil", "declare", "promise", "pass", "adopt",
                           "approve"}
