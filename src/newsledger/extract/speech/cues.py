"""The speech-cue lexicon (``data/cues.txt``) and the grammar around a cue verb: its subject and
its reported content, read off the spaCy dependency parse."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token
from ... import lexicons

# Relative pronouns: "Kirby, who said …" — the speaker is the noun the clause hangs on.
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Verbs share their subject with a verb they are coordinated with or subordinate to
# ("The US offered support but warned …", "…,” Kirby said, adding …").
_INHERIT_DEPS = frozenset({"conj", "advcl", "xcomp", "pcomp"})
# Verbs that take their subject after them in news prose: "…,” said Kirby.
_INVERTING = lexicons.word_set("inverting_cues")


@dataclass(frozen=True)
class Lexicon:
    quote: frozenset[str]  # lemmas that introduce direct or partial quotes
    clause: frozenset[str]  # lemmas whose clause complement is reported speech
    object: frozenset[str]  # lemmas whose direct object is reported content
    stance: frozenset[str]  # stance verbs: govern partial quotes, never introduce speech
    prep: frozenset[str]  # lemmas whose "of"/"for" complement is the reported content


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    flags = lexicons.cue_flags()

    def having(flag: str) -> frozenset[str]:
        return frozenset(lemma for lemma, fs in flags.items() if flag in fs)

    return Lexicon(having("q"), having("c"), having("o"), having("p"), having("f"))


@lru_cache(maxsize=1)
def _verb_lemmas() -> frozenset[str]:
    lex = lexicon()
    return lex.quote | lex.stance | lex.prep


def lemma_of(tok: Token) -> str:
    """The verb lemma, robust to the small model's occasional noun tags for "says"."""
    lem = tok.lemma_.lower()
    known = _verb_lemmas()
    if lem in known:
        return lem
    low = tok.lower_
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                         ("s", ""), ("d", ""), ("ing", "e")):
        if low.endswith(suffix):
            cand = low[: -len(suffix)] + repl
            if cand in known:
                return cand
    irregular = {"said": "say", "says": "say", "told": "tell", "wrote": "write",
                 "written": "write", "spoke": "speak", "read": "read"}
    return irregular.get(low, lem)


def is_cue(tok: Token, kind: str = "quote") -> bool:
    """True when ``tok`` is a verb of the lexicon (``kind``: quote, clause or object)."""
    if tok.pos_ not in ("VERB", "AUX") and not (tok.pos_ in ("NOUN", "PROPN")
                                                 and tok.lower_ in ("says", "said")) \
            and not _verb_as_noun(tok, kind):
        return False
    if tok.pos_ == "AUX" and tok.lower_ not in ("said", "says", "say"):
        return False
    return lemma_of(tok) in getattr(lexicon(), kind)


def _verb_as_noun(tok: Token, kind: str) -> bool:
    """"…, the health ministry reports.": the small model tags a closing "reports" as a noun, yet
    gives it a subject and a clause; with both it is the verb."""
    if tok.pos_ != "NOUN" or not tok.lower_.endswith("s") or \
            lemma_of(tok) not in getattr(lexicon(), kind):
        return False
    deps = {c.dep_ for c in tok.children}
    return "nsubj" in deps and "ccomp" in deps


_AUX_WORDS = frozenset({"has", "have", "had", "been", "is", "was", "are", "were", "'s", "’s",
                        "also", "now", "since", "later", "previously", "earlier"})


def _closing_subject(verb: Token) -> Token | None:
    """"…, inside the complex, a spokesperson for the ministry has claimed.": a clause-final
    speech verb without a subject of its own, right after ", NOUN PHRASE": the parser hung the
    phrase elsewhere (as an apposition), but it is the verb's subject."""
    doc = verb.doc
    if any(c.dep_ in _SUBJECT_DEPS for c in verb.children) or verb.i + 1 >= len(doc) or \
            not (doc[verb.i + 1].is_punct or doc[verb.i + 1].is_space) or \
            doc[verb.i + 1].text in (",", "“", "\""):
        return None
    j = verb.i - 1
    while j > 0 and doc[j].lower_ in _AUX_WORDS:
        j -= 1
    last = j
    while j > 0 and doc[j].text != "," and last - j < 12 and not doc[j].is_sent_start:
        j -= 1
    if doc[j].text != "," or last <= j:
        return None
    phrase = range(j + 1, last + 1)
    heads = [doc[k] for k in phrase if doc[k].head.i not in phrase or doc[k].head.i == k]
    if len(heads) != 1 or heads[0].pos_ not in ("NOUN", "PROPN") or not _can_speak(heads[0]) \
            or heads[0].dep_ in _SUBJECT_DEPS:
        return None
    return heads[0]


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The subject of a cue verb: its own, the noun a relative clause modifies, or the subject
    of the verb it is coordinated with or subordinate to."""
    # The subject nearest the verb: "The specifics of the proposal Hamas said …" → Hamas.
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    if subjects:
        before = [c for c in subjects if c.i < verb.i]
        child = before[-1] if before else subjects[0]
        if child.lower_ in _RELATIVE and verb.dep_ == "relcl":
            return verb.head
        return child
    # "which the ministry say killed 67": the parser made "say" an auxiliary of the verb
    # after it; the subject is that verb's subject nearest before "say".
    if verb.dep_ == "aux" and verb.head.i > verb.i:
        near = [c for c in verb.head.children if c.dep_ in _SUBJECT_DEPS and c.i < verb.i
                and c.lower_ not in _RELATIVE]
        return near[-1] if near else None
    closing = _closing_subject(verb)
    if closing is not None:
        return closing
    # "…, the health ministry reports.": the small model may read "ministry reports" as a noun
    # compound and leave the noun hanging on the verb as "compound": it is the subject.
    prev = verb.doc[verb.i - 1] if verb.i > 0 else None
    if prev is not None and prev.head.i == verb.i and prev.dep_ == "compound" and \
            prev.pos_ in ("NOUN", "PROPN") and verb.pos_ == "VERB":
        return prev
    # "…, said Kirby": the small model sometimes labels the inverted subject dobj/attr.
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if lemma_of(verb) not in _INVERTING:
        nxt = None  # only verbs of saying invert ("said Kirby"); "urged Israel" does not
    if nxt is not None and nxt.head == verb and nxt.dep_ in ("dobj", "attr", "npadvmod", "dep") \
            and nxt.pos_ == "PROPN":
        return nxt
    if nxt is not None and nxt.pos_ in ("PROPN",) and nxt.head.head == verb \
            and nxt.dep_ == "compound" and nxt.head.pos_ == "PROPN":
        return nxt.head
    if verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN") and verb.head.i < verb.i:
        # "a resolution calling for …", "a statement saying …" (not "the windshield explaining").
        return verb.head if _can_speak(verb.head) else None
    if depth < 3 and verb.dep_ in _INHERIT_DEPS and verb.head.i != verb.i:
        governor = verb.head
        hidden = _subordinate_subject(verb) if verb.dep_ == "conj" else None
        if hidden is not None:
            return hidden
        if verb.dep_ == "pcomp" and governor.lower_ in ("by", "after", "before", "while") \
                and governor.head.i != governor.i and lemma_of(verb) in _INVERTING:
            # (not "cites Lavrov as saying": there the object speaks)
            governor = governor.head  # "Pence continued … by saying": the subject of "continued"
        inherited = subject_of(governor, depth + 1)
        # Only an agent can speak: "the attack was successful …, claiming …" is a misparse.
        if inherited is not None and not _can_speak(inherited):
            return None
        return inherited
    return None


# Verbs whose object is addressed or accused, never the speaker ("urged Egypt to …",
# "accused Israel of …", "called on the US to …").
_TARGET_VERBS = lexicons.word_set("target_verbs")
# Verbs whose passive subject is the one accused ("X has been accused of …").
_ACCUSING_VERBS = lexicons.word_set("accusing_verbs")
# Subordinators the small parser drops, making the clause after them a conjunct.
_SUBORDINATORS = frozenset({"after", "before", "when", "as", "since", "because", "while",
                            "until", "once"})


def never_speaks(tok: Token) -> bool:
    """The object of accuse, blame, urge, ask, warn …, the "US" of "called on the US", the
    one accused in a passive ("X has been accused of …"): a role that is not the speaker."""
    head = tok.head
    if head.i == tok.i:
        return False
    if tok.dep_ in ("dobj", "obj", "dative", "iobj") and lemma_of(head) in _TARGET_VERBS:
        return True
    if tok.dep_ == "pobj" and head.lower_ in ("on", "upon") and head.head.i != head.i and \
            lemma_of(head.head) in ("call", "prevail"):
        return True
    return tok.dep_ == "nsubjpass" and lemma_of(head) in _ACCUSING_VERBS


def _subordinate_subject(verb: Token) -> Token | None:
    """"X has been accused of stoking anarchy after one of the commanders claimed …": the parser
    made "claimed" a conjunct of "accused", with no "and" between; its subject is the noun that
    "after" governs right before it, not the accused."""
    governor = verb.head
    doc = verb.doc
    if any(doc[k].dep_ == "cc" or doc[k].text in (";", ".") for k in range(governor.i + 1, verb.i)):
        return None
    prev = doc[verb.i - 1] if verb.i > 0 else None
    if prev is None or prev.pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return None
    node = prev
    for _ in range(6):  # climb the noun phrase to the preposition that governs it
        if node.dep_ == "pobj" and node.head.lower_ in _SUBORDINATORS:
            return node
        if node.head.i == node.i or node.head.i >= verb.i:
            return None
        node = node.head
    return None


# Common nouns that can be the subject of a speech verb (besides names and pronouns).
_AGENT_NOUNS = lexicons.word_set("agent_nouns")


def _can_speak(tok: Token) -> bool:
    if tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    return tok.lower_ in _AGENT_NOUNS or tok.lemma_.lower() in _AGENT_NOUNS


def is_passive(verb: Token) -> bool:
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def left_person(verb: Token, floor: int) -> Token | None:
    """A person named just before a cue the parser left without subject: "In a statement …,
    Gemma Sherrington, Interim CEO at Save the Children UK, said …"."""
    doc = verb.doc
    for j in range(verb.i - 1, max(-1, verb.i - 16), -1):
        t = doc[j]
        if t.idx < floor or t.text in {"“", "”", "\"", ".", ";", "!", "?"}:
            return None
        if t.ent_type_ == "PERSON" and (j + 1 >= len(doc) or doc[j + 1].ent_type_ != "PERSON"
                                        or doc[j + 1].ent_iob_ == "B"):
            return t
    return None


def is_reduced_participle(verb: Token) -> bool:
    """"Asked what this means, Kirby said …": a participle with no auxiliary reports nothing."""
    return verb.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
