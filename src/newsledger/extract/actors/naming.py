"""Name cleaning: the last word on every speaker, figure claimant and cited-source name before the
record is written.

The resolvers find the right actor but often write it badly: with an honorific ("Prof Ames"),
a description ("the state-run Ames news agency"), page furniture ("Read Ames"), spaced
abbreviations ("U. S. Secretary of Defense Ames"), only a role ("the MP"), only a kind of body
("the Islamist militant group"), a town ("Khan Younis" never speaks), a truncation ("Islamic
Resistance" for "Islamic Resistance in Iraq") or two actors at once ("Ames and the Board").
:class:`ArticleNames` rewrites such a name from what the article itself says, or leaves it null
(wrong is worse than missing). Spans are never touched: only the ``name`` value is cleaned. The
word lists are ``data/naming.json``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc

from ... import lexicons
from ...actors import (
    NameResolver,
    alias_table,
    canonical_actor,
    is_media,
    join_abbreviations,
    known_actor,
    strip_titles,
)
from ...record import Entity, Speaker
from ..registry import State, component

VERSION = "newsledger.naming.v1"

# What each rule does to how sure an attribution is (a cap on the quote's confidence; None keeps
# it): a repaired spelling is as sure as before; a name found for a role, a description or a
# truncation rests on a second reading of the article, so it is less sure.
_CAPS: dict[str, float | None] = {
    "": None, "abbreviation": None, "furniture": None, "honorific": None, "descriptor": None,
    "titled person": None, "apposition": 0.85, "role": 0.8, "description": 0.8,
    "description nearby": 0.7, "truncation": 0.85,
}
# Confidence of an attribution left unnamed (as extract/speech/quotes.py gives an abstention).
_UNNAMED_CUED, _UNNAMED = 0.5, 0.4

_WORD = re.compile(r"[^\s]+")
_PERSON_LABELS = frozenset({"PERSON"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_BODY_LABELS = frozenset({"ORG", "WORK_OF_ART", "FAC", "PRODUCT"})


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    return lexicons.naming()


def word_list(kind: str) -> frozenset[str]:
    """One list of ``data/naming.json`` (lower case)."""
    return _lists()[kind]


@lru_cache(maxsize=1)
def _role_words() -> frozenset[str]:
    """Words that name a role: naming.json's and the one-word titles."""
    return word_list("role_words") | frozenset(t for t in lexicons.titles() if " " not in t)


@dataclass(frozen=True)
class Cleaned:
    """A cleaned name and the rule that changed it ("" when it was kept as it was)."""

    name: str | None
    rule: str = ""

    def confidence(self, old: float | None, cued: bool) -> float | None:
        """The attribution's confidence once its name is this one."""
        if self.name is None:
            return _UNNAMED_CUED if cued else _UNNAMED
        cap = _CAPS.get(self.rule)
        if cap is None or old is None:
            return old
        return min(old, cap)


def _key(word: str) -> str:
    return word.lower().rstrip(".,:;")


def _capitalised(word: str) -> bool:
    return word[:1].isupper() or word[:1].isdigit()


def _drop_front(words: list[str], vocab: frozenset[str], lower: bool = False) -> list[str]:
    """``words`` without the leading entries of ``vocab`` (up to three words each), as long as
    a capitalised word is left after them; with ``lower``, only entries written in lower case
    ("the state-run Ames" loses "state-run", "National News Agency" keeps its words)."""
    changed = True
    while changed and len(words) > 1:
        changed = False
        for n in (3, 2, 1):
            if len(words) > n and " ".join(_key(w) for w in words[:n]) in vocab and \
                    _capitalised(words[n]) and not (lower and any(w != w.lower()
                                                                  for w in words[:n])):
                words = words[n:]
                changed = True
                break
    return words


def _drop_back(words: list[str], vocab: frozenset[str]) -> list[str]:
    """``words`` without a trailing lower-case entry of ``vocab`` when a capitalised name stands
    before it (a modifier such as "Ames-run" is no name: "Ames-run health agency" stays)."""
    for n in (3, 2, 1):
        if len(words) <= n:
            continue
        tail, rest = words[-n:], words[:-n]
        if any(_capitalised(w) for w in tail) or " ".join(_key(w) for w in tail) not in vocab:
            continue
        last = rest[-1]
        if not _capitalised(last) or ("-" in last and last.rsplit("-", 1)[1].islower()):
            continue
        return rest
    return words


class ArticleNames:
    """Cleans the names given to one article's speakers, claimants and sources from what the
    article says (its text, its entities and its person names)."""

    def __init__(self, text: str, entities: list[Entity], resolver: NameResolver | None) -> None:
        self.text = text
        self.entities = entities
        self.labels: dict[str, set[str]] = {}
        for e in entities:
            for form in (e.span.text, e.name):
                self.labels.setdefault(form.lower(), set()).add(e.label)
        furniture = word_list("furniture_words")
        # Full person names, without names that are page furniture glued to a first name.
        self.persons = [p for p in (resolver.persons if resolver else [])
                        if _key(p.split()[0]) not in furniture]
        self._person_set = frozenset(self.persons)
        # Full names by their first and by their last word, for `person` without a scan.
        self._by_end_word: dict[str, list[str]] = {}
        for full in self.persons:
            fw = full.lower().split()
            for w in {fw[0], fw[-1]}:
                self._by_end_word.setdefault(w, []).append(full)
        self._memo: dict[str, Cleaned] = {}
        # Entities, persons and bodies (not outlets) in text order, to find the ones near a
        # mention in O(log n).
        self._in_order = sorted(entities, key=lambda e: e.span.start)
        self._starts = [e.span.start for e in self._in_order]
        people = [e for e in self._in_order if e.label == "PERSON"]
        self._person_starts = [e.span.start for e in people]
        self._person_names = [e.name for e in people]
        self._full_people = [e for e in people if len(e.name.split()) > 1]
        self._full_people_starts = [e.span.start for e in self._full_people]
        self._named_bodies = [e for e in self._in_order if e.label in ("ORG", "NORP", "GPE")]
        self._named_bodies_starts = [e.span.start for e in self._named_bodies]
        self._bodies = [e for e in self._in_order if e.label == "ORG" and not is_media(e.name)]
        self._body_starts = [e.span.start for e in self._bodies]

    @classmethod
    def of(cls, state: State) -> ArticleNames:
        return cls(state.text, state.entities, state.names)

    # -- what the article knows ---------------------------------------------------------------

    def known(self, name: str) -> bool:
        """A name the alias table, the claimant table or the state list knows as one actor."""
        low = name.lower()
        return low in alias_table() or canonical_actor(name) in alias_table().values() or \
            known_actor(name) is not None or low in word_list("states") or \
            low in word_list("speaking_capitals")

    def person(self, name: str) -> str | None:
        """The fullest person name in the article that ``name`` is part of (first or last
        words), or None."""
        parts = name.lower().split()
        if not parts:
            return None
        best = None
        for full in {*self._by_end_word.get(parts[0], ()), *self._by_end_word.get(parts[-1], ())}:
            fw = full.lower().split()
            part_of = len(fw) >= len(parts) and (fw[:len(parts)] == parts or
                                                 fw[-len(parts):] == parts)
            if part_of and (best is None or len(full) > len(best)):
                best = full
        return best

    # -- the rules ----------------------------------------------------------------------------

    def clean(self, name: str | None, at: int | None = None) -> Cleaned:
        """The name to write for ``name`` as a resolver gave it for a mention at ``at``."""
        if name is None:
            return Cleaned(None)
        if not name.strip():
            return Cleaned(None, "empty")
        if name not in self._memo:
            # The rules reread the whole text once per distinct name: a text is at most one
            # section of pipeline.HUGE_CHARS, so this stays linear in a huge input's length.
            self._memo[name] = self._clean(name)
        c = self._memo[name]
        if c.rule == "role" and c.name is not None and len(name.split()) < 2:
            # A one-word role ("the MP") has many holders in one story: the article's one
            # holder counts only if it is also the last person named before the mention ("the
            # MP" after "Bundestag member Ames" is Ames, whoever else is called an MP).
            return c if at is not None and self._last_person(at) == c.name else \
                Cleaned(None, "role")
        if c.rule == "description" and c.name is None and at is not None:
            # "… the Islamist militant group said": the body last named before it, when the
            # article ties the description to none.
            body = self._last_body(at)
            if body is not None:
                return Cleaned(body, "description nearby")
        return c

    def _near(self, starts: list[int], items: list[Entity], lo: int, hi: int) -> list[Entity]:
        """The entities of ``items`` (sorted by start, starts in ``starts``) starting in
        [lo, hi)."""
        return items[bisect.bisect_left(starts, lo):bisect.bisect_left(starts, hi)]

    def _last_body(self, at: int, window: int = 600) -> str | None:
        """The body (ORG, not an outlet) named last within ``window`` characters before ``at``."""
        k = bisect.bisect_left(self._body_starts, at) - 1
        if k < 0 or at - self._bodies[k].span.end > window:
            return None
        return self._bodies[k].name

    def for_mention(self, mention: str, start: int, end: int, cue: int | None) -> Cleaned:
        """A name for a speaker the resolver left unnamed, from its mention alone: the person
        written in apposition between the mention and the cue ("the Director, Federal Board,
        Ames Bolt said"), or the holder of the role the mention names ("the European Council
        president" → the article's "European Council President Ames Bolt")."""
        for e in self._near(self._starts, self._in_order, end + 1, end + 7):
            if e.label not in ("PERSON", "ORG"):
                continue
            if cue is not None and cue > end:
                fits = e.span.end <= cue and \
                    re.fullmatch(r",?\s+(?:the\s+)?", self.text[end:e.span.start]) is not None and \
                    re.fullmatch(r",?\s*", self.text[e.span.end:cue]) is not None
            else:  # "Ames's Prime Minister, Bo Bolt, was the first to …"
                fits = re.fullmatch(r",\s+", self.text[end:e.span.start]) is not None and \
                    self.text[e.span.end:e.span.end + 1] == ","
            if fits:
                return Cleaned(e.name, "apposition")
        words = re.sub(r"^(?:the|a|an)\s+", "", mention.strip(), flags=re.IGNORECASE).split()
        if not words:
            return Cleaned(None)
        owner = words[0].endswith(("'s", "’s")) and len(words) > 2
        role = words[1:] if owner else words
        if not self._role(role):
            return Cleaned(None)
        # With its owner ("Ames's prime minister") only the same words count: another
        # "Prime Minister Bo Bolt" in the story may be another country's.
        holder = self._holder(" ".join(words))
        if holder is not None and (len(role) > 1 or self._last_person(start) == holder):
            return Cleaned(holder, "role")
        return Cleaned(None)

    def _last_person(self, at: int) -> str | None:
        """The person named last before ``at``."""
        k = bisect.bisect_left(self._person_starts, at) - 1
        return self._person_names[k] if k >= 0 else None

    def _clean(self, name: str) -> Cleaned:
        rule = ""
        joined = join_abbreviations(name)
        if joined != name:
            name, rule = joined, "abbreviation"
        if self.known(name):
            return Cleaned(name, rule)
        if self._two_actors(name):
            return Cleaned(None, "conjunction")
        words = _WORD.findall(name)
        for kind, vocab in (("furniture", "furniture_words"), ("honorific", "honorifics")):
            kept = _drop_front(words, word_list(vocab))
            if kept != words:
                words, rule = kept, kind
                if kind == "furniture" and len(words) == 1:
                    # "Read Ames" was a link to Ames's story: Ames's full name, if given.
                    words = (self.person(words[0]) or words[0]).split()
        kept = _drop_back(words, word_list("descriptor_tails"))
        kept = _drop_front(self._without_owner(kept), word_list("descriptor_heads"), lower=True)
        if kept != words and not self._only_nationality(kept):
            words, rule = kept, "descriptor"
        name = " ".join(words)
        titled = self._titled_person(name)
        if titled is not None:
            return Cleaned(titled, "titled person")
        if self._place(name):
            return Cleaned(None, "place")
        if self.known(name) or self.person(name) == name:
            return Cleaned(name, rule)
        if self._role(words):
            holder = self._holder(name)
            return Cleaned(holder, "role")
        if self._description(words):
            return Cleaned(self._described_body(name), "description")
        longer = self._longer_form(name)
        if longer is not None:
            return Cleaned(longer, "truncation")
        return Cleaned(name, rule)

    def _two_actors(self, name: str) -> bool:
        """"Ames and the Federal Board": two actors, neither of them clearly the speaker. One
        entity of the article ("Bosnia and Herzegovina", "Ministry of Labour and Social
        Affairs") is one actor."""
        m = re.search(r"\s(?:and|&)\s+(?:the\s+)?", name)
        if m is None:
            return False
        left, right = name[:m.start()].strip(), name[m.end():].strip()
        if not (left[:1].isupper() and right[:1].isupper()):
            return False
        labels = self.labels.get(name.lower(), set())
        if labels and not labels & _PERSON_LABELS:
            return self._is_person(left) or self._is_person(right)
        return True

    def _is_person(self, name: str) -> bool:
        bare = " ".join(_drop_front(name.split(), word_list("honorifics")))
        return self.person(bare) is not None or "PERSON" in self.labels.get(bare.lower(), set())

    @staticmethod
    def _without_owner(words: list[str]) -> list[str]:
        """"Iran's state-run IRNA" → "state-run IRNA": the owner before a descriptor is no part
        of the body's name."""
        if len(words) > 2 and words[0].endswith(("'s", "’s")) and \
                " ".join(_key(w) for w in words[1:2]) in word_list("descriptor_heads"):
            return words[1:]
        return words

    def _only_nationality(self, words: list[str]) -> bool:
        """"Palestinian" left of "Palestinian news agency" is no name."""
        rest = " ".join(words).lower()
        return not words or self.labels.get(rest, set()) == {"NORP"} or \
            rest in word_list("states") or bool(self.labels.get(rest, set()) & _PLACE_LABELS) or \
            (len(words) == 1 and rest.endswith(("ian", "ese", "ish", "ean", "ani", "an", "i")) and
             rest not in self.labels)

    def _titled_person(self, name: str) -> str | None:
        """"U.S. Secretary of Defense Ames Bolt" → "Ames Bolt": a name that ends in a person's
        full name the article gives, after words that describe the person."""
        words = name.split()
        if len(words) < 3:
            return None
        stripped = strip_titles(name)
        if stripped != name and self.person(stripped) == stripped:
            return stripped
        for k in range(1, len(words) - 1):
            tail = " ".join(words[k:])
            if tail in self._person_set and words[k - 1].lower() not in ("and", "&", "or"):
                return tail
        # "Secretary of Defense Ames Bolt": the title's own "of" phrase comes before the name.
        m = re.fullmatch(r"(.*?\S)\s+(?:of|for)\s+(?:the\s+)?\S+\s+((?:\S+\s+){1,2}\S+)", name)
        if m and strip_titles(m.group(1) + " X") == "X" and all(
                _capitalised(w) and not w.isupper() for w in m.group(2).split()) and \
                not self.labels.get(m.group(2).lower(), set()) - _PERSON_LABELS:
            return m.group(2)
        return None

    @staticmethod
    def _role(words: list[str]) -> bool:
        """Only role words and abbreviations ("MP", "EC First VP"): a role, not who holds it."""
        roles = _role_words()
        keys = [_key(w) for w in words]
        has_role = any(k in roles for k in keys)
        return has_role and all(k in roles or (w.isupper() and len(w) <= 5)
                                for w, k in zip(words, keys))

    def _holder(self, role: str) -> str | None:
        """The one person the article names in ``role`` ("MP Ames Bolt", "Ames Bolt, a Green
        MP"), or None."""
        found: set[str] = set()
        pattern = re.compile(rf"\b{re.escape(role)}\b", re.IGNORECASE)
        for m in pattern.finditer(self.text):
            # persons starting just after the role, or ending at most 60 characters before it
            near = self._near(self._full_people_starts, self._full_people, m.start() - 200,
                              m.end() + 2)
            for e in near:
                after = 0 <= e.span.start - m.end() <= 1  # "MP Ames Bolt"
                before = 0 < m.start() - e.span.end <= 60 and re.fullmatch(  # "Ames Bolt, an MP"
                    r",\s+(?:who\s+is\s+)?(?:the|a|an)?\s*(?:[\w'’-]+\s+){0,4}",
                    self.text[e.span.end:m.start()]) is not None
                if after or before:
                    found.add(e.name)
        return found.pop() if len(found) == 1 else None

    def _description(self, words: list[str]) -> bool:
        """Only adjectives before a kind of body ("Islamist militant group")."""
        heads = word_list("description_heads")
        for n in (3, 2, 1):
            if len(words) > n - 1 and " ".join(_key(w) for w in words[-n:]) in heads:
                rest = words[:-n]
                return all(not _capitalised(w) or self.labels.get(_key(w)) == {"NORP"}
                           or _key(w) in word_list("descriptor_heads") for w in rest) and \
                    not any(_capitalised(w) for w in words[-n:])
        return False

    def _described_body(self, description: str) -> str | None:
        """The one body the article ties to ``description`` ("Hamas, the Islamist militant
        group", "the Islamist militant group Hamas"), or None."""
        found: set[str] = set()
        pattern = re.compile(rf"\b(?:the|an?)\s+{re.escape(description)}\b", re.IGNORECASE)
        for m in pattern.finditer(self.text):
            # bodies right after the description, or ending two characters before it
            for e in self._near(self._named_bodies_starts, self._named_bodies,
                                m.start() - 300, m.end() + 3):
                gap_after = self.text[m.end():e.span.start]
                gap_before = self.text[e.span.end:m.start()]
                tied = e.span.start >= m.end() and re.fullmatch(r",?\s", gap_after) or \
                    e.span.end <= m.start() and re.fullmatch(r",\s", gap_before)
                if tied and e.label != "NORP":
                    found.add(e.name)
        return found.pop() if len(found) == 1 else None

    def _place(self, name: str) -> bool:
        """A town, district, camp or region (tagged as a place only, not a state, not a seat of
        government), or a dateline written in capitals: places do not speak."""
        low = name.lower()
        if self.known(name) or is_media(name):
            return False
        if name.isupper() and len(name.split()) > 1 and re.compile(
                rf"(?m)^\s*{re.escape(name)}\s*(?:,|\(|—|–)").search(self.text):
            return True  # "KHAN YUNIS, Gaza Strip —": a dateline, whatever it was tagged
        labels = self.labels.get(low, set())
        if not labels or not (labels <= _PLACE_LABELS or labels == _PERSON_LABELS and
                              len(name.split()) > 1):
            return False
        # Written as a place somewhere ("in Ames", "near Ames"): the tagger alone takes some
        # bodies for places ("Oxfam") and some towns for persons ("Khan Younis"); a person
        # tagged so must also never be the subject of a speech verb.
        where = rf"\b(?:in|near|into|around|outside|inside|across)\s+(?:the\s+)?{re.escape(name)}" \
                rf"\b(?![’']s)"
        if labels <= _PLACE_LABELS:
            where = where.replace("(?:in|", "(?:in|at|from|towards?|")
        if re.compile(where).search(self.text) is None:
            return False
        return labels <= _PLACE_LABELS or re.compile(
            rf"\b{re.escape(name)}\s+(?:said|says|told|added|wrote|tweeted)\b"
        ).search(self.text) is None

    def _longer_form(self, name: str) -> str | None:
        """The one longer name of a body the article writes that ``name`` begins ("Islamic
        Resistance" → "Islamic Resistance in Iraq", "Times" → "Times of Israel"), or None.
        Persons, states and known actors are never lengthened."""
        words = name.split()
        if not 1 <= len(words) <= 3 or not all(_capitalised(w) for w in words) or \
                self.labels.get(name.lower(), set()) & (_PERSON_LABELS | {"NORP", "GPE"}) or \
                self.person(name) is not None:
            return None
        cap_run = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*"
        pattern = rf"\b{re.escape(name)}(?:\s+(?:of|in|for)\s+(?:the\s+)?{cap_run})+"
        forms = {m.group(0) for m in re.compile(pattern).finditer(self.text)}
        # Only a form the tagger takes for one body: "CBS News in June" is two things.
        forms = {f for f in forms if self.labels.get(f.lower(), set()) & _BODY_LABELS or
                 self.labels.get(f"the {f}".lower(), set()) & _BODY_LABELS}
        return forms.pop() if len(forms) == 1 else None


_LESS_SURE = 0.85
_OWNED = re.compile(r"^\S+['’]s\s+\S")


def less_sure(name: str | None, mention: str | None) -> bool:
    """Names that are right less often than their evidence says (the reliability table of
    tests/eval/attribution_eval.py): a body named by its owner ("Ames's office", "Ames's health
    ministry") is another article's "Prime Minister's Office", or a neighbour of the speaker; a
    mention written in capitals ("UNITED NATIONS") is a dateline or a heading, not a subject."""
    if name is None:
        return False
    return bool(_OWNED.match(name)) or (mention is not None and mention.isupper() and
                                        len(mention) > 5 and " " in mention.strip())


def clean_speaker(names: ArticleNames, speaker: Speaker, cue: int | None = None
                  ) -> tuple[Speaker, Cleaned]:
    """The speaker with its name cleaned (the mention as written is kept); ``cue`` is where its
    cue starts, for a name found between the mention and the cue."""
    m = speaker.mention
    c = names.clean(speaker.name, m.start if m else None)
    if m is not None and c.name is None:
        # Unnamed, or named by a place before the real subject ("In Ames, the Red Cross
        # said"): the mention itself may still say who it is.
        found = names.for_mention(m.text, m.start, m.end, cue)
        if found.name is not None:
            c = found
    if c.name == speaker.name:
        return speaker, c
    # An inferred claimant keeps how sure its inference was.
    return Speaker(speaker.mention, c.name, speaker.confidence if c.name else None), c


@component("naming", VERSION, model=(), needs=("article", "entities", "names", "quotes",
                                                "figures", "sources"),
           sets=("quotes", "figures", "sources"))
def clean_names(doc: Doc, state: State) -> None:
    """Clean every speaker, claimant and cited-source name of ``state`` in place."""
    names = ArticleNames.of(state)
    # A claimant mentioned where a quote's speaker is takes the quote's cleaned name (the quote
    # has a cue to read the mention against; the figure has not).
    by_mention: dict[tuple[int, int, str | None], str | None] = {}
    for q in state.quotes:
        before = q.speaker
        q.speaker, c = clean_speaker(names, q.speaker, q.cue.start if q.cue else None)
        if before.mention is not None:
            by_mention[(before.mention.start, before.mention.end, before.name)] = q.speaker.name
        if c.rule:
            q.confidence = c.confidence(q.confidence, q.cue is not None)
        if q.confidence is not None and q.confidence > _LESS_SURE and \
                less_sure(q.speaker.name, q.speaker.mention.text if q.speaker.mention else None):
            q.confidence = _LESS_SURE
    for f in state.figures:
        if f.claimant is None:
            continue
        m = f.claimant.mention
        key = (m.start, m.end, f.claimant.name) if m is not None else None
        if key is not None and key in by_mention:
            f.claimant = Speaker(m, by_mention[key], f.claimant.confidence)
        else:
            f.claimant, _ = clean_speaker(names, f.claimant)
    for s in state.sources:
        if s.role != "cited":
            continue  # credits and bylines are written as the page writes them
        # A source always has a name: only a better spelling replaces it.
        c = names.clean(s.name)
        if c.name is not None and c.rule in ("abbreviation", "honorific", "descriptor",
                                              "furniture", "truncation"):
            s.name = c.name
