"""What a figure counts: the counted noun phrase with its scope, read off the dependency parse, and
its metric from the closed list (``record.METRICS``) via the lexicon ``data/metrics.json``.

"some 100,000 Palestinians to evacuate from eastern Rafah" → counts "Palestinians ordered to
evacuate from eastern neighborhoods of Rafah", metric ``evacuated``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from ... import lexicons

# Dependents of the counted noun that belong to what is counted ("Israeli civilians", "people in
# the Strip", "hostages abducted on October 7", "operatives Israel says it has killed").
_NOUN_LEFT = {"amod", "compound", "nmod", "nummod_x"}
_NOUN_RIGHT = {"prep", "acl", "relcl", "amod", "advmod"}
# Dependents of the governing verb that give the count's scope ("during the ground offensive").
_VERB_KEEP = {"prep", "agent", "advmod", "npadvmod", "xcomp", "acomp", "neg", "prt", "oprd",
              "dative"}
# Nouns that name a count rather than what is counted: "the death toll rose to 15,899".
_TALLY = {"number", "toll", "total", "tally", "figure", "count", "tolls", "numbers", "totals"}
_RISE = {"rise", "reach", "climb", "stand", "increase", "jump", "pass", "exceed", "surpass",
         "top", "hit", "soar", "grow", "be", "surge", "edge", "near", "cross"}
MAX_TOKENS = 16
_BRING = {"bring", "push", "take", "raise", "put", "lift", "send", "drive"}
# Other figures and attributions are not part of a count's scope.
_FIGURE_ENTS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}
# Dependents that introduce another count ("with 49,645 injured", "including 65 children").
_PART_PREPS = {"with", "including", "plus", "among", "besides", "excluding", "and", "while",
               "whereas", "bringing", "taking", "pushing", "raising"}
_SUBSET_PREPS = {"including", "excluding", "besides", "among", "like", "plus"}
# Verbs that relate a figure to another, not to an event: "the toll includes 15,000 operatives".
_RELATION_VERBS = {"include", "contain", "comprise", "exclude", "be"}
_DROP_ADVS = {"also", "however", "meanwhile", "too", "then", "now", "reportedly", "only", "just"}
_TRAILING_POS = {"CCONJ", "ADP", "DET", "AUX", "PART", "SCONJ", "PUNCT"}


@lru_cache(maxsize=1)
def lexicon() -> dict[str, Any]:
    return lexicons.metrics()


@lru_cache(maxsize=1)
def person_nouns() -> frozenset[str]:
    return frozenset(lexicon()["person_nouns"])


@lru_cache(maxsize=1)
def subgroup_nouns() -> frozenset[str]:
    return frozenset(lexicon()["subgroup_nouns"])


@lru_cache(maxsize=1)
def event_nouns() -> frozenset[str]:
    return frozenset(lexicon()["event_nouns"])


@lru_cache(maxsize=1)
def counted_nouns() -> frozenset[str]:
    return frozenset(lexicon()["counted_nouns"]) | person_nouns()


@lru_cache(maxsize=1)
def _rule_cues() -> dict[str, frozenset[str]]:
    cues: dict[str, set[str]] = {}
    for rule in lexicon()["rules"]:
        cues.setdefault(rule["metric"], set()).update(rule["any"], rule.get("with", ()))
    return {m: frozenset(c) for m, c in cues.items()}


def counts_kind(noun: Token | None, num: Token, metric: str) -> bool:
    """Whether ``noun`` is a kind of thing ``metric`` can count. A metric word in the clause
    ("a prisoner exchange") says nothing about "two delegations": only people, groups, bodies,
    trucks, weapons … take it; any other common noun ("delegations", "meetings", "days") is
    counted as ``other``. A bare numeral ("kidnap 252") or a proper noun/group name keeps it."""
    if metric == "other" or noun is None or noun.i == num.i:
        return True
    if noun.pos_ not in ("NOUN", "ADJ") or noun.ent_type_ in ("NORP", "PERSON", "ORG"):
        return True
    words = {noun.lower_, noun.lemma_.lower()}
    if noun.dep_ == "compound" and noun.head.i > noun.i:
        words |= {noun.head.lower_, noun.head.lemma_.lower()}  # "people" in "people hostage"
    return bool(words & counted_nouns()) or bool(words & _rule_cues().get(metric, frozenset()))


@dataclass
class Counted:
    """The counted phrase of one figure: its tokens, the noun, and the governing verbs."""

    noun: Token | None
    tokens: list[Token]
    verbs: list[Token]
    text: str | None
    metric: str
    start: int  # character extent of what the phrase covers in the text
    end: int


def tokens_in(doc: Doc, start: int, end: int) -> list[Token]:
    """Tokens overlapping ``[start, end)`` (spaCy's char_span: no Python loop over the doc)."""
    if end <= start:
        return []
    span = doc.char_span(start, end, alignment_mode="expand")
    return list(span) if span is not None else []


def numeral_head(doc: Doc, start: int, end: int) -> Token | None:
    """The token of the numeral in ``[start, end)`` whose head lies outside it."""
    toks = tokens_in(doc, start, end)
    if not toks:
        return None
    ids = {t.i for t in toks}
    for t in reversed(toks):
        if t.head.i not in ids or t.head.i == t.i:
            return t
    return toks[-1]


def _subtree(tok: Token, stop: set[int], limit: int) -> list[Token]:
    """``tok``'s subtree within its sentence, cut at clause boundaries and at ``limit`` tokens."""
    out: list[Token] = []
    for t in tok.subtree:
        if t.i in stop:
            continue
        out.append(t)
    out.sort(key=lambda t: t.i)
    # Keep a contiguous run from tok's side; stop at a comma/dash/parenthesis that opens an aside.
    run: list[Token] = []
    for t in out:
        if t.is_punct and t.text not in ("-", "'", "’") and t.i > tok.i:
            break
        if t.dep_ in ("cc", "conj") and t.i > tok.i and t.head.i <= tok.i:
            break
        run.append(t)
        if len(run) >= limit:
            break
    # A phrase cut short must not end on "and", "against the", "amid".
    while len(run) > 1 and (run[-1].pos_ in _TRAILING_POS or run[-1].dep_ in ("cc", "prep")):
        run.pop()
    return run


def _foreign(tok: Token, numeral_ids: set[int]) -> bool:
    """True for a dependent that carries another figure ("with 49,645 injured", "including 65
    children") or an attribution ("according to the ministry"): not this count's scope."""
    if tok.lower_ in ("according", "citing", "per"):
        return True
    if tok.lower_ not in _PART_PREPS:
        return False  # scope phrases keep their head; _scoped() cuts them before another figure
    return any(_is_other_figure(t, numeral_ids) for t in tok.subtree)


def _is_other_figure(t: Token, numeral_ids: set[int]) -> bool:
    return t.ent_type_ in _FIGURE_ENTS and t.like_num and t.i not in numeral_ids


def _scoped(tok: Token, stop: set[int], limit: int, numeral_ids: set[int]) -> list[Token]:
    """``_subtree`` cut before any other figure it contains ("since … in which 1,200 …")."""
    run = _subtree(tok, stop, limit)
    for k, t in enumerate(run):
        if _is_other_figure(t, numeral_ids):
            run = run[:k]
            break
    while len(run) > 1 and (run[-1].pos_ in _TRAILING_POS or run[-1].dep_ in ("cc", "prep")
                            or run[-1].pos_ in ("ADJ", "ADV") and run[-1].dep_ in ("amod",
                                                                                    "quantmod")):
        run.pop()
    return run if len(run) >= 2 or (run and run[0].i == tok.i and tok.pos_ != "ADP") else []


def _climb(noun: Token) -> tuple[Token | None, str]:
    """The verb governing ``noun`` and the role the noun plays for it (subj, obj, prep)."""
    cur = noun
    if noun.dep_ == "nummod" and noun.head.pos_ == "VERB":
        return noun.head, "obj"  # "… and kidnap 252": the parser hangs the number on the verb
    for _ in range(6):
        dep = cur.dep_
        if dep in ("conj", "appos", "compound") and cur.head.i != cur.i:
            # "took 253 people hostage": "people" is parsed as a compound of "hostage".
            cur = cur.head
            continue
        if dep in ("nsubj", "nsubjpass"):
            return cur.head, "subj"
        if dep in ("dobj", "attr", "oprd", "dative"):
            return cur.head, "obj"
        if dep == "pobj" and cur.head.dep_ in ("prep", "agent"):
            if cur.head.lower_ in _SUBSET_PREPS:
                return None, ""  # "including three mistakenly killed": a part, not the head's verb
            head = cur.head.head
            if head.pos_ in ("VERB", "AUX"):
                return head, "prep"
            if head.lemma_.lower() in event_nouns() or head.lower_ in event_nouns():
                return head, "nominal"
            return None, ""
        return None, ""
    return None, ""


def _participle(verb: Token) -> str:
    if verb.tag_ == "VBN":
        return verb.text
    table = lexicon()["participles"]
    return str(table.get(verb.lemma_.lower(), verb.text))


def _coordinated_counts(verb: Token) -> list[Token]:
    """Coordinated counts after ``verb`` whose trailing scope is shared: "killed and nearly
    68,000 wounded in the Strip" (a conjoined verb with its own count, or a conjoined numeral
    and its participle)."""
    out: list[Token] = []
    for c in verb.children:
        if c.dep_ != "conj":
            continue
        if c.pos_ == "VERB" and _counts_something(c):
            out.append(c)
        elif c.like_num and c.ent_type_ in _FIGURE_ENTS:
            out.append(c)
            out.extend(g for g in c.children if g.dep_ == "acl" and g.pos_ == "VERB")
    return out


def _counts_something(verb: Token) -> bool:
    """True for a coordinated verb with a count of its own ("and nearly 68,000 wounded"), whose
    trailing scope then covers both counts."""
    return any((c.like_num and c.ent_type_ in _FIGURE_ENTS)
               or any(g.dep_ == "nummod" for g in c.children)
               for c in verb.children if c.i < verb.i or c.dep_ in ("dobj", "npadvmod"))


def _sentence_end_within(tok: Token, n: int) -> int:
    """``min(tok.sent.end, tok.i + n)`` without ``tok.sent``, which walks the whole sentence
    (each figure of a 10,000-number list would walk it again): the first sentence start after
    ``tok`` within ``n`` tokens."""
    doc = tok.doc
    limit = min(len(doc), tok.i + n)
    for j in range(tok.i + 1, limit):
        if doc[j].is_sent_start:
            return j
    return limit


def _next_metric_verb(noun: Token, numeral_ids: set[int]) -> Token | None:
    """The first verb after ``noun`` in its sentence (within ten words, before any other figure
    or clause break) that signals a metric."""
    for t in noun.doc[noun.i + 1:_sentence_end_within(noun, 11)]:
        if t.i in numeral_ids:
            continue
        if t.like_num or t.text in (";", ":") or t.lower_ in ("according", "but", "while"):
            return None
        if t.pos_ == "VERB" and t.tag_ in ("VBN", "VBD") and classify([t], None) != "other":
            return t
    return None


def _agent(verb: Token, stop: set[int], numeral_ids: set[int]) -> list[Token]:
    """Who or what did it, for a count that is the verb's object: "Israeli snipers killed seven
    people" → "by Israeli snipers"; "strikes …, which the ministry says killed 67 people" → "by
    strikes in Rafah"."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    cur = verb
    # Through "the ministry says [killed]" and relative clauses to the antecedent.
    if subj is None and verb.dep_ in ("ccomp", "xcomp") and verb.head.dep_ == "relcl":
        cur = verb.head
    if subj is None or subj.tag_ in ("WDT", "WP"):
        if cur.dep_ == "relcl" or verb.dep_ == "relcl":
            rel = cur if cur.dep_ == "relcl" else verb
            subj = rel.head
            if subj.pos_ != "NOUN":
                return []  # "strikes in Rafah, which … killed": the parser may pick "Rafah"
        else:
            return []
    if subj.pos_ == "PRON" or subj.i in numeral_ids:
        return []
    # A pronoun's possessive goes ("its attack"); a name's stays with its "'s" ("Israel's
    # military campaign", "Hamas's attack"), so the phrase never reads "by's attack".
    run = [t for t in _scoped(subj, stop | {verb.i}, 6, numeral_ids)
           if t.i < verb.i and t.dep_ not in ("det", "relcl", "punct")
           and not (t.dep_ == "poss" and t.pos_ == "PRON")
           and t.head.i != verb.i or t.i == subj.i]
    kept = {t.i for t in run}
    run = [t for t in run if t.dep_ != "case" or t.head.i in kept]
    run = [t for t in run if not (t.dep_ in ("relcl", "acl") or t.head.dep_ == "relcl")]
    return run


def counted(doc: Doc, num: Token, span: tuple[int, int], unit: str | None,
            whole: tuple[int, int] | None = None) -> Counted:
    """The counted phrase of the numeral ``num`` (at ``span``; the whole expression with its
    approximator at ``whole``)."""
    w = whole or span
    numeral_ids = {t.i for t in tokens_in(doc, w[0], w[1])} - {num.head.i} \
        | {t.i for t in tokens_in(doc, span[0], span[1])}
    noun: Token | None = None
    if unit is not None:
        return _unit_counted(doc, num, span, numeral_ids)
    if num.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod") and num.head.i > num.i \
            and num.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ") \
            and num.head.i not in numeral_ids:
        noun = num.head
    else:
        # "dozens of people", "thousands of Palestinians": the noun is the pobj of "of".
        for c in num.rights:
            if c.dep_ == "prep" and c.lower_ == "of":
                pobj = [g for g in c.children if g.dep_ == "pobj"]
                if pobj and pobj[0].pos_ in ("NOUN", "PROPN") and num.lower_ in (
                        "dozens", "hundreds", "thousands", "millions", "scores", "tens", "dozen"):
                    noun = pobj[0]
        if noun is None:
            noun = num  # the number stands for what it counts: "kidnap 252", "36 of those"
    stop = set(numeral_ids) - {noun.i}
    tokens: list[Token] = []
    for c in noun.lefts:
        if c.dep_ in _NOUN_LEFT and c.i not in numeral_ids:
            tokens.extend(t for t in c.subtree if t.i not in numeral_ids and not t.is_punct)
    tokens.append(noun)
    if noun.dep_ == "compound" and noun.head.i > noun.i and noun.head.pos_ == "NOUN":
        tokens.append(noun.head)
    for c in noun.rights:
        if c.dep_ in _NOUN_RIGHT and c.i not in numeral_ids and not _foreign(c, numeral_ids):
            tokens.extend(_scoped(c, stop, MAX_TOKENS, numeral_ids))
    verbs: list[Token] = []
    # "Dozens of people were injured": the verb governs "Dozens", not "people".
    verb, role = _climb(noun if noun.head.i != num.i or noun.i < num.i else num)
    if verb is None and noun.i != num.i:
        verb, role = _climb(num)
    vtoks: list[Token] = []
    agent_toks: list[Token] = []
    of_head: Token | None = None
    if verb is not None:
        verbs.append(verb)
        if role == "nominal":
            # "the deaths of 36 of those": the noun the numeral depends on says what happened;
            # its own verb ("have been recovered", "confirmed") completes the phrase.
            of_head = verb
            vtoks = []
            v2, role2 = _climb(verb)
            if v2 is not None and v2.lemma_.lower() not in _RELATION_VERBS:
                verbs.append(v2)
                vtoks = [v2]
                role = role2
                verb = v2
        elif verb.lemma_.lower() in _RELATION_VERBS and role == "obj":
            vtoks = []
        else:
            vtoks = [verb]
            if role == "obj" and verb.lemma_.lower() not in _BRING:
                agent = _agent(verb, stop, numeral_ids)
                if agent:
                    agent_toks = agent
            for c in verb.children:
                since = c.dep_ == "advcl" and any(  # "since Israel began its offensive"
                    m.dep_ == "mark" and m.lower_ in ("since", "until", "till") for m in c.children)
                if (c.dep_ in _VERB_KEEP or since) and c.i not in {t.i for t in tokens} \
                        and not any(t.i == noun.i for t in c.subtree) \
                        and not _foreign(c, numeral_ids):
                    vtoks.extend(_scoped(c, stop, 8, numeral_ids))
                    if c.dep_ == "xcomp":
                        verbs.append(c)
            # "28,340 have been killed and nearly 68,000 wounded in the Strip since 7 October":
            # scope written after the last of coordinated verbs belongs to each.
            for cj in _coordinated_counts(verb):
                for c in cj.children:
                    if c.i > cj.i and c.dep_ in ("prep", "npadvmod") \
                            and c.lower_ not in _PART_PREPS and not _foreign(c, numeral_ids):
                        vtoks.extend(_scoped(c, stop, 8, numeral_ids))
        # "the death toll has risen to 15,899", "bringing the total to 15,899", "the number of
        # people killed has exceeded 15,200 people": what is counted is the tally noun phrase.
        tally = _tally_of(verb, noun)
        if tally is not None:
            tokens = [t for t in _subtree(tally, stop, MAX_TOKENS)
                      if t.dep_ not in ("det", "poss") or t.head.i != tally.i]
            vtoks = []
    # "the Gaza death toll of nearly 26,000": the numeral is the value of a tally noun.
    if noun.i == num.i and num.dep_ == "pobj" and num.head.lower_ == "of" \
            and num.head.head.lemma_.lower() in _TALLY:
        tally_noun = num.head.head
        tokens = [t for t in tally_noun.subtree if t.i < num.head.i
                  and t.dep_ not in ("det", "poss", "case") and not t.is_punct]
    # A parse that hangs the count on the wrong verb ("… attacks more than 33,000 Palestinians,
    # mainly women and children, have been killed"): the next metric verb of the clause counts.
    if classify(tokens + vtoks + verbs, None, noun) == "other" and (
            noun.lower_ in person_nouns() or noun.i == num.i):
        nxt = _next_metric_verb(noun, numeral_ids)
        if nxt is not None:
            verb, role, vtoks = nxt, "subj", [nxt]
            verbs.append(nxt)
    nxt_tok = noun.nbor(1) if noun.i + 1 < len(doc) else None
    if nxt_tok is not None and nxt_tok.lower_ in _HOSTAGE_AFTER and nxt_tok not in tokens:
        tokens.append(nxt_tok)  # "take 240 others hostage": the complement the parse lost
    words = _render(tokens, vtoks, verb, role, noun, numeral_ids, of_head, agent_toks)
    event = _event_antecedent(verb, numeral_ids) if verb is not None else None
    if event and event.split()[-1].lower() not in words.lower().split():
        words = f"{words} in {event}"
    all_toks = tokens + vtoks + ([of_head] if of_head is not None else [])
    if not all_toks:
        all_toks = [noun]
    done = [v for v in [verb, *(c for c in noun.rights if c.dep_ == "relcl")]
            if v is not None and _does_it(noun, v)]
    if done:
        # "five missiles that killed four people": the missiles did the killing, they are not
        # its victims; what they are comes from the rest of the phrase.
        inside = {t.i for v in done for t in v.subtree}
        metric = classify([t for t in all_toks + verbs if t.i not in inside] or [noun], unit, noun)
    else:
        metric = classify(all_toks + verbs, unit, noun)
    if not counts_kind(noun, num, metric):
        metric = "other"
    lo = min(t.idx for t in all_toks)
    hi = max(t.idx + len(t) for t in all_toks)
    return Counted(noun, tokens, verbs, words, metric, lo, hi)


_HOSTAGE_AFTER = {"hostage", "hostages", "captive", "captives"}
# Event nouns a relative clause can tell a count of: "the attack on 7 October, which saw Hamas
# operatives cross the border and kill 1,200 people".
_EVENT_HEADS = {"attack", "attacks", "strike", "strikes", "raid", "raids", "assault", "bombing",
                "bombings", "explosion", "blast", "offensive", "incursion", "shelling", "ambush",
                "massacre", "rampage", "operation", "invasion", "onslaught", "airstrike",
                "airstrikes"}


def _event_antecedent(verb: Token, numeral_ids: set[int]) -> str | None:
    """The event a count's clause is about when the clause is a relative clause on an event noun
    (through coordinated and complement verbs): "the attack on 7 October" in "the attack on 7
    October, which saw Hamas operatives cross the border and kill 1,200 people"."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "relcl" and cur.head.lower_ in _EVENT_HEADS:
            head = cur.head
            keep = [t for c in head.children if c.i < head.i and c.dep_ in ("det", "amod",
                                                                               "compound", "poss")
                    for t in c.subtree]
            keep.append(head)
            for c in head.rights:
                if c.dep_ == "prep" and c.i < cur.i:
                    keep.extend(t for t in c.subtree if not t.is_punct)
            if any(t.i in numeral_ids for t in keep) or len(keep) > 10:
                return None
            words = " ".join(t.text for t in sorted(keep, key=lambda t: t.i))
            return re.sub(r"\s+(['’]s)\b", r"\1", words)  # "Sunday's", not "Sunday 's"
        if cur.dep_ not in ("conj", "ccomp", "xcomp") or cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


# Verbs whose subject is what happens to, whatever their object: the ones who flee are counted.
_SUBJECT_UNDERGOES = lexicons.word_set("undergoing_verbs")


def _does_it(noun: Token, verb: Token) -> bool:
    """Whether the counted noun is the agent of a transitive verb that has its own object
    ("missiles that killed four people", "200 fighters wounded 30 soldiers"), not its victim."""
    if noun.i == verb.i or not any(c.dep_ == "dobj" for c in verb.children):
        return False
    if verb.lemma_.lower() in _SUBJECT_UNDERGOES:
        return False  # "80,000 residents fled the city", "300 soldiers lost their lives"
    if verb.dep_ == "relcl" and verb.head.i == noun.i:
        return any(c.dep_ == "nsubj" and c.lower_ in ("that", "which", "who")
                   for c in verb.children)
    return any(c.dep_ == "nsubj" and c.i == noun.i for c in verb.children)


def _tally_of(verb: Token, noun: Token) -> Token | None:
    """The "toll"/"number"/"total" a rising-toll verb relates the numeral to, if any."""
    if verb.lemma_.lower() not in _RISE and verb.lemma_.lower() not in _BRING \
            and verb.dep_ != "acl":
        return None
    if noun.i != noun.i or (not noun.like_num and noun.lower_ not in ("people", "persons",
                                                                      "palestinians", "deaths")):
        return None
    for c in verb.children:
        if c.dep_ in ("nsubj", "nsubjpass", "dobj") and c.i != noun.i \
                and (c.lemma_.lower() in _TALLY or any(g.lower_ == "toll" for g in c.lefts)):
            return c
    # "bringing the total number of people killed in Gaza to 28,100": the parser hangs "to 28,100"
    # on "killed"; the tally is up the chain.
    cur = verb.head
    for _ in range(3):
        if cur.lemma_.lower() in _TALLY and cur.i < noun.i:
            return cur
        if cur.head.i == cur.i:
            break
        cur = cur.head
    return None


@lru_cache(maxsize=1)
def _unit_words() -> frozenset[str]:
    """Words of the unit table (data/units.json) and scale words: part of the measure itself."""
    raw = lexicons.units()
    words = {w for key in raw.get("after", {}) for w in key.lower().split()}
    words |= {w.lower() for w in raw.get("scale", {})}
    return frozenset(words | {"per", "cent", "%", "worth", "sq", "square"})


def _unit_counted(doc: Doc, num: Token, span: tuple[int, int], numeral_ids: set[int]) -> Counted:
    """A measure ("500-pound bombs", "70% of the dead"): what is measured is the noun after the
    unit, or the "of" phrase after a percentage; the metric is always ``other``."""
    last = tokens_in(doc, span[0], span[1])
    nxt = last[-1].i + 1 if last else num.i + 1
    after: list[Token] = []
    # Past the unit and a converted unit in brackets ("300-kilometre (186-mile) range"), up to
    # the first word that is neither: what is measured, if it is a noun.
    for t in doc[nxt:nxt + 10]:
        if t.idx < span[1]:
            continue
        joined = t.text in ("-", "–") and not t.whitespace_ and not doc[t.i - 1].whitespace_
        if t.lower_ in _unit_words() or t.like_num or t.text in ("(", ")") or joined:
            continue  # "186-mile": a hyphen inside the measure; " - " ends it
        after.append(t)
        if len(after) == 3 or t.pos_ in ("VERB", "AUX") or t.is_punct:
            break
    if after and after[0].pos_ == "ADP" and after[0].lower_ not in ("of", "in"):
        after = []  # "2 kilometers into Polish airspace": where, not what is measured
    noun = next((t for t in after if t.pos_ in ("NOUN", "PROPN", "PRON")), None)
    toks: list[Token] = []
    if noun is not None and noun.i - num.i <= 10:
        toks = [t for c in noun.lefts if c.dep_ in ("amod", "compound") for t in c.subtree
                if t.lower_ not in _unit_words() and not t.like_num and t.idx >= span[1]
                and not t.is_punct]
        toks.append(noun)
        for c in noun.rights:
            # "70% of the dead", "$60 billion in assistance for Ukraine"
            if c.dep_ in ("prep", "relcl") and (c.dep_ == "relcl" or c.lower_ in ("of", "for",
                                                                               "to")):
                toks.extend(_subtree(c, numeral_ids, 8))
    text = " ".join(t.text for t in toks if t.i not in numeral_ids) or None
    lo = min((t.idx for t in toks), default=span[0])
    hi = max((t.idx + len(t) for t in toks), default=span[1])
    return Counted(noun, toks, [], text, "other", min(lo, span[0]), max(hi, span[1]))


def _render(tokens: list[Token], vtoks: list[Token], verb: Token | None, role: str,
            noun: Token, numeral_ids: set[int], of_head: Token | None = None,
            agent: list[Token] | None = None) -> str | None:
    """The counted phrase as words: the noun phrase, then the verb (as a participle when the noun
    is its object: "kill 1,200 people" → "people killed") and its scope."""
    seen: set[int] = set()
    nps = []
    for t in sorted(tokens, key=lambda t: t.i):
        if t.i not in seen:
            seen.add(t.i)
            nps.append(t)
    nps = [t for t in nps if t.i not in numeral_ids and t.lower_ not in _DROP_ADVS
           and (t.dep_ not in ("det", "poss", "quantmod") or t.i > noun.i)]
    # "36 of those still held": with the numeral gone, the phrase starts at "those".
    while nps and (nps[0].is_punct or nps[0].lower_ == "of"):
        nps = nps[1:]
    parts = [t.text for t in nps]
    if of_head is not None:
        # "the bodies of 12 hostages" → "bodies of hostages"
        parts = [of_head.text, "of", *parts]
    vparts: list[str] = []
    if vtoks and verb is not None:
        # The verb first ("people killed this morning"), then its scope in text order; modifiers
        # written before the verb ("mistakenly killed") keep their place.
        pre = [t for t in vtoks if t.i < verb.i and t.head.i == verb.i
               and t.dep_ in ("advmod", "neg")]
        pre_ids = {t.i for t in pre} | {verb.i}
        ordered = sorted(pre, key=lambda t: t.i) + [verb] + sorted(
            (t for t in vtoks if t.i not in pre_ids), key=lambda t: t.i)
        for t in ordered:
            if t.i in seen or t.is_punct or t.i in numeral_ids or t.lower_ in _DROP_ADVS:
                continue
            seen.add(t.i)
            if t.i == verb.i:
                vparts.append(_participle(verb) if role in ("obj", "nominal") else t.text)
            else:
                vparts.append(t.text)
    if agent and vparts:
        aparts = [t.text for t in sorted(agent, key=lambda t: t.i) if t.i not in seen]
        if aparts:
            vparts = vparts[:1] + ["by", *aparts] + vparts[1:]
    words = " ".join(p for p in parts + vparts if p)
    words = re.sub(r"\s+([,.;:’'])", r"\1", words).strip(" ,;:-—–")
    # A possessive marker whose owner was left out ("by's attack"): drop the orphan.
    words = re.sub(r"(^|\b(?:by|of|in|on|at|the|and|from|to|for|with)\b|[ ,])['’]s\b", r"\1",
                   words)
    words = re.sub(r"\s{2,}", " ", words).strip()
    words = re.sub(r"(?:\s+(?:in|on|at|of|to|by|and|or|the|a|an|from|with))+$", "",
                   words, flags=re.IGNORECASE)
    return words or None


def classify(tokens: list[Token], unit: str | None = None, noun: Token | None = None) -> str:
    """The metric of a counted phrase: the first lexicon rule its lemmas and words meet."""
    if unit is not None:
        return "other"
    lemmas = {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}
    text = " ".join(t.lower_ for t in sorted(set(tokens), key=lambda t: t.i))
    head: set[str] = set()
    if noun is not None:
        for t in [noun, *(c for c in noun.children if c.dep_ in ("compound", "amod"))]:
            head |= {t.lemma_.lower(), t.lower_}
    return classify_words(lemmas, text, head if noun is not None else None)


@lru_cache(maxsize=None)
def _phrase(cue: str) -> re.Pattern[str]:
    """A multi-word cue as a whole-word pattern, compiled once (``re``'s own cache holds 512
    patterns and was looked up, with an escape, for every cue of every figure)."""
    return re.compile(rf"\b{re.escape(cue)}\b")


def classify_words(lemmas: set[str], text: str, head: set[str] | None = None) -> str:
    def meets(cues: list[str]) -> bool:
        for c in cues:
            if " " in c:
                if _phrase(c).search(text):
                    return True
            elif c in lemmas:
                return True
        return False

    for rule in lexicon()["rules"]:
        if rule.get("head_only") and head is not None:
            if not any(c in head for c in rule["any"]):
                continue
        elif not meets(rule["any"]):
            continue
        if "with" in rule and not meets(rule["with"]):
            continue
        if "without" in rule and meets(rule["without"]):
            continue
        return str(rule["metric"])
    return "other"
