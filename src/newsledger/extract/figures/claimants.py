"""Claimants that reading each figure on its own leaves unset or unnamed, filled from what a
reader sees around it. Each rule adds a claim only the text makes; wrong is worse than missing.

- A nominal claim: "the ministry's figure of 4,300", "a report by the Kessel Institute found that
  … 46%": the possessor, or the report's author, claims the figure.
- A known body's spokesman left unnamed ("the Israeli military spokesman"): the body,
  when the alias table knows it ("Israel Defense Forces").
- A description named in the next sentence: "A doctor at the hospital says there are only four
  doctors … Amir Haddad tells Reuters …": the doctor is the person the next sentence opens with,
  when that name is new to the article (a person introduced right after their description).
- An institution described without its name near where it was named: "The Gaza health ministry
  said 12,200 … Another 4,000 are missing, health authorities said": "health authorities" is
  the claimant named just before whose name holds all of its describing words.
- "The report", "the publication" after an article that has named one outlet only ("a report
  in The Economist claims …, according to the report"): that outlet.
- A headline's role ("12 killed in Kharkiv strike, governor says"): the one speaker the article
  names with that role ("Kharkiv governor Oleh Synehubov said …"); none when it names several.
- A figure whose source the sentence names right after it ("questioned the death toll of nearly
  26,000 - saying it comes from the Hamas-run health ministry", "…, a figure provided by the
  Kessel Institute"): that source, a body the alias tables know, whoever relays the figure.
- The Gaza health ministry, written without "Gaza" or "Hamas" ("the Palestinian health ministry"),
  claiming a West Bank count (the territory or a town in it, ``places_within``): the ministry in
  Ramallah, which counts the West Bank's dead (the ledger's ``territory`` module reads records
  made before this rule the same way).
- A running total told with no attribution in its sentence ("Nearly 20,000 people have been
  killed in Gaza since the start of the war") after the article has given that series (same
  metric, subject and place) to one claimant ("the Hamas-run health ministry saying 100
  Palestinians were killed …"): that claimant, pointing at its mention there, with
  ``confidence`` :data:`INFERRED` (the article's attribution, not the clause's). None when the
  article gives the series to no one, to several claimants or to an unnamed one.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from spacy.tokens import Doc, Token

from ... import lexicons
from ...actors import alias_table, claimant_name
from ...lexicons import series_vocabulary
from ...record import Figure, Quote, Span, Speaker
from .counting import Counted

Found = list[tuple[Figure, Counted, tuple[int, int]]]

# A claim named by its author before the figure, in the figure's sentence.
_NAME = (r"[A-Z][\w’'-]*(?:[ \t]+(?:of[ \t]+|for[ \t]+|on[ \t]+)?(?:the[ \t]+)?"
         r"[A-Z][\w’'-]*){0,5}")
_REPORT_BY = re.compile(
    r"\b(?:[Aa]n?|[Tt]he)[ \t]+"
    r"(?:(?:new|recent|latest|annual|joint|separate|published|leaked)[ \t]+)*"
    r"(?:report|study|survey|poll|analysis|review|assessment|audit|census)[ \t]+(?:by|from)[ \t]+"
    r"(?:the[ \t]+)?(" + _NAME + r")\b[^.;!?\n]{0,80}?\b(?:found|finds|showed|shows|said|says|"
    r"estimated|estimates|concluded|concludes|revealed|reveals|suggested|suggests|put|puts)\b")
# Another attribution between the author's verb and the figure: the figure is someone else's.
_OTHER_CLAIM = re.compile(r"\b(?:said|says|say|saying|told|tells|according|reported|reports|"
                          r"claimed|claims|alleged|alleges)\b")
_TALLY = frozenset({"figure", "figures", "estimate", "estimates", "tally", "count", "toll",
                    "number", "numbers", "data", "statistics"})
# A description of one person: a determiner, then words, then a role.
_PERSON_DESCRIPTION = re.compile(
    r"^(?:an?|the|one)\s+(?:[\w’'-]+\s+){0,2}(?:doctor|nurse|surgeon|medic|paramedic|mayor|"
    r"governor|official|spokesman|spokeswoman|spokesperson|resident|witness|commander|soldier|"
    r"officer|teacher|father|mother|man|woman|survivor|volunteer|worker|journalist|director|"
    r"head|chief|manager|source|activist|farmer|driver|student|relative)\b", re.IGNORECASE)
# Words that say what kind of body speaks, not which one.
_GENERIC = frozenset({"the", "a", "an", "its", "their", "local", "senior", "top", "authorities",
                      "authority", "officials", "official", "ministry", "spokesman",
                      "spokeswoman", "spokesperson", "sources", "source", "officers",
                      "statement", "office", "department", "agency", "service", "services",
                      "government", "administration", "and", "of", "in", "for", "said", "says"})
_SPOKES = re.compile(r"\b(?:spokes(?:man|woman|person|people)|statement)$", re.IGNORECASE)
_LOOK_BACK = 8
_REACH = 300  # characters: how far before a figure its report may be named
_HEADLINE = 500  # characters: a first paragraph longer than this is no headline  # figures: an institution is named near its unnamed repetition


def resolve(doc: Doc, text: str, found: Found, sentences: tuple[tuple[int, int], ...],
            quotes: list[Quote]) -> int:
    """Fill the claimants the rules of this module give (see the module's docstring). Returns
    the steps taken (figures, quotes and neighbours looked at), so tests can check that the work
    grows in proportion to the article, not faster."""
    steps = 0
    for fig, _, sent in found:
        steps += 1
        if fig.claimant is None:
            fig.claimant = nominal_claimant(doc, text, fig, sent)
    steps += name_known_bodies(found)
    steps += name_from_next_sentence(text, found, sentences, quotes)
    steps += name_from_neighbour(found)
    steps += name_headline_role(text, found, quotes)
    steps += name_the_report(text, found)
    for fig, _, sent in found:
        source = named_source(text, fig, sent)
        if source is not None:
            fig.claimant = source
    steps += len(found)
    steps += name_west_bank_ministry(found)
    steps += name_from_article(text, found)
    return steps


GAZA_MINISTRY = "Gaza health ministry"
RAMALLAH_MINISTRY = "Palestinian health ministry in Ramallah"  # canonical in aliases.json
_GAZA_WORDS = re.compile(r"\b(?:gaza|hamas)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _west_bank_names() -> frozenset[str]:
    data = series_vocabulary()
    return frozenset({"west bank", *data["places"].get("West Bank", []),
                      *data.get("places_within", {}).get("West Bank", [])})


def _west_bank(place: str | None) -> bool:
    if not place:
        return False
    names = _west_bank_names()
    low = place.strip().lower()
    return low in names or low.removeprefix("the ") in names


def name_west_bank_ministry(found: Found) -> int:
    """A West Bank count claimed by the Gaza health ministry as the aliases read "the Palestinian
    health ministry": the Ramallah ministry's, unless the mention names Gaza or Hamas."""
    for fig, _, _ in found:
        cl = fig.claimant
        if cl is None or cl.name != GAZA_MINISTRY or cl.mention is None \
                or _GAZA_WORDS.search(cl.mention.text) or not _west_bank(fig.place):
            continue
        fig.claimant = Speaker(cl.mention, RAMALLAH_MINISTRY, cl.confidence)
    return len(found)


# "saying it comes from X", "a figure provided by X": where the figure comes from, named after it.
_COMES_FROM = re.compile(
    r"[^.;!?\n\d]{0,60}?\b(?:(?:it|this|that|the[ \t]+(?:figure|number|toll|tally|count|data))"
    r"[ \t]+(?:comes?|came|is|was)[ \t]+from|(?:a|the)[ \t]+(?:figure|number|toll|tally|count)s?"
    r"[ \t]+(?:provided|issued|compiled|released|published|given)[ \t]+by)[ \t]+"
    r"((?:the[ \t]+)?[\w'’-]+(?:[ \t]+[\w'’-]+){0,6})", re.IGNORECASE)


def named_source(text: str, fig: Figure, sent: tuple[int, int]) -> Speaker | None:
    """The body the sentence names as the figure's source right after it, when the alias tables
    know it (the longest known leading phrase of the words after "comes from"); else None."""
    del sent  # the pattern stops at the sentence end itself (a parse may split at " - ")
    m = _COMES_FROM.match(text, fig.span.end, min(len(text), fig.span.end + 200))
    if m is None:
        return None
    known = set(alias_table().values())
    words = m.group(1).split()
    for n in range(len(words), 0, -1):
        phrase = " ".join(words[:n])
        name = claimant_name(re.sub(r"^[Tt]he\s+", "", phrase))
        if name in known:
            start = m.start(1)
            return Speaker(Span.of(text, start, start + len(phrase)), name)
    return None


def nominal_claimant(doc: Doc, text: str, fig: Figure, sent: tuple[int, int]) -> Speaker | None:
    """The possessor of a tally noun the figure fills ("the ministry's figure of 4,300"), else the
    author of a report whose finding holds the figure ("a report by X found that … 46%")."""
    span = doc.char_span(fig.span.start, fig.span.end, alignment_mode="expand")
    if span is not None and len(span):
        node: Token = span.root
        for _ in range(3):  # "figure of [more than] 4,300": num → (pobj) of → (prep) figure
            if node.head.i == node.i:
                break
            node = node.head
            if node.lower_ in _TALLY and node.pos_ == "NOUN":
                poss = next((t for t in node.children if t.dep_ == "poss"), None)
                if poss is not None and poss.pos_ in ("PROPN", "NOUN"):
                    phrase = doc[poss.left_edge.i:poss.i + 1]
                    mention = Span.of(text, phrase.start_char, phrase.end_char)
                    # "the ministry's figure": a body by kind only is kept unnamed
                    named = any(t.pos_ == "PROPN" for t in phrase)
                    bare = re.sub(r"^[Tt]he\s+", "", mention.text)
                    return Speaker(mention, claimant_name(bare) if named else None)
                break
    best = None
    # The report is near its finding; the bound keeps a list of many figures linear.
    for m in _REPORT_BY.finditer(text, max(sent[0], fig.span.start - _REACH), fig.span.start):
        best = m
    if best is None or _OTHER_CLAIM.search(text, best.end(), fig.span.start):
        return None
    name = best.group(1)
    return Speaker(Span.of(text, best.start(1), best.end(1)), claimant_name(name) or name)


def name_known_bodies(found: Found) -> int:
    """An unnamed claimant whose mention is a known body's spokesman or statement ("the Israeli
    military spokesman", "a White House spokesperson") is that body; only bodies the alias table
    lists. Officials are left as they are: "US officials fear …" is as often the writer's
    framing of what they fear as their claim."""
    known = set(alias_table().values())
    for fig, _, _ in found:
        cl = fig.claimant
        if cl is None or cl.name or cl.mention is None or not _SPOKES.search(cl.mention.text):
            continue
        name = claimant_name(cl.mention.text)
        if name in known:
            fig.claimant = Speaker(cl.mention, name)
    return len(found)


def name_from_next_sentence(text: str, found: Found, sentences: tuple[tuple[int, int], ...],
                            quotes: list[Quote]) -> int:
    """A claimant described but not named ("A doctor at the hospital") takes the person the next
    sentence of its paragraph opens with as a speaker, if the article has not named that person
    before the description."""
    if not found:
        return 0
    by_mention: dict[int, Quote] = {}
    for q in quotes:
        if q.speaker.mention is not None and q.speaker.name:
            by_mention.setdefault(q.speaker.mention.start, q)
    starts = [a for a, _ in sentences]
    for fig, _, sent in found:
        cl = fig.claimant
        if cl is None or cl.name or cl.mention is None or \
                not _PERSON_DESCRIPTION.match(cl.mention.text):
            continue
        gap = re.compile(r"\s*").match(text, sent[1])
        assert gap is not None
        opening = gap.end()  # where the next sentence opens
        if "\n" in text[fig.span.end:opening].rstrip(" \t") or opening >= len(text):
            continue  # a new paragraph may be about someone else
        k = bisect.bisect_right(starts, opening) - 1
        if k < 0 or sentences[k][1] <= opening:
            continue
        nxt = sentences[k]
        q = by_mention.get(opening)
        if q is None or q.cue is None or not opening <= q.cue.start < nxt[1]:
            continue
        assert q.speaker.mention is not None and q.speaker.name is not None
        name = q.speaker.name
        words = name.split()
        if q.speaker.mention.text != name or len(words) < 2 or \
                not all(w[:1].isupper() or w.startswith(("al-", "el-")) for w in words):
            continue  # only a bare full name: "Health Minister X" is someone with a role of his own
        if words[-1] in text[:cl.mention.start]:
            continue  # named before: the description would have used the name
        fig.claimant = Speaker(cl.mention, name)
    return len(quotes) + len(found)


def _describing(words: str) -> set[str]:
    bare = words.lower().replace("’s", "").replace("'s", "")
    return {w for w in re.findall(r"[a-z][a-z-]+", bare) if w not in _GENERIC}


def name_from_neighbour(found: Found) -> int:
    """An institution described without a name ("health authorities") is the claimant named in
    the figures just before whose mention or name holds every describing word ("Gaza's health
    ministry"); a mention with no describing word ("officials") stays unnamed."""
    steps = 0
    for k, (fig, _, _) in enumerate(found):
        cl = fig.claimant
        if cl is None or cl.name or cl.mention is None or cl.mention.text[:1].isupper() and \
                not cl.mention.text.startswith(("The ", "A ", "An ")):
            continue
        if _PERSON_DESCRIPTION.match(cl.mention.text):
            continue  # a person is not an institution
        want = _describing(cl.mention.text)
        if not want:
            continue
        for prev, _, _ in reversed(found[max(0, k - _LOOK_BACK):k]):
            steps += 1
            pc = prev.claimant
            if pc is None or not pc.name or pc.mention is None:
                continue
            if want <= _describing(pc.mention.text + " " + pc.name):
                fig.claimant = Speaker(cl.mention, pc.name)
                break
    return steps + len(found)


_ROLE = re.compile(r"^(?:the\s+)?((?:[a-z]+\s+)?[a-z]+(?:\s+chief)?)$")


def name_headline_role(text: str, found: Found, quotes: list[Quote]) -> int:
    """A claimant in the article's first paragraph (its headline) written as a bare role in lower
    case ("governor", "UN aid chief" is not one: it has a name in it) takes the name of the one
    speaker the article gives with that role in its mention."""
    top = text.find("\n\n")
    if top < 0 or top > _HEADLINE:
        return 1
    steps = len(quotes)
    later = [q for q in quotes if q.speaker.name and q.speaker.mention is not None
             and q.speaker.mention.start >= top and q.speaker.mention.text != q.speaker.name]
    for fig, _, _ in found:
        steps += 1
        if fig.span.start >= top:
            break
        cl = fig.claimant
        if cl is None or cl.name or cl.mention is None:
            continue
        m = _ROLE.match(cl.mention.text.strip())
        if m is None:
            continue
        role = re.compile(r"\b" + re.escape(m.group(1)) + r"\b", re.IGNORECASE)
        steps += len(later)
        names = {q.speaker.name for q in later
                 if q.speaker.mention is not None and role.search(q.speaker.mention.text)}
        if len(names) == 1:
            fig.claimant = Speaker(cl.mention, names.pop())
    return steps


_THE_REPORT = re.compile(r"^(?:the|this|that)\s+(?:report|publication|outlet|newspaper|paper|"
                         r"daily|magazine|broadcaster|news agency|agency|channel|article)$",
                         re.IGNORECASE)


def name_the_report(text: str, found: Found) -> int:
    """An unnamed "the report" or "the publication" is the outlet the article has named before
    it, when it has named exactly one (a known outlet, ``data/media.txt``)."""
    names: set[str] = set()  # the outlets named before the position scanned to
    scanned = 0
    steps = len(found)
    for fig, _, _ in found:
        cl = fig.claimant
        if cl is None or cl.name or cl.mention is None or \
                not _THE_REPORT.match(cl.mention.text.strip()):
            continue
        if scanned < cl.mention.start:
            canon = lexicons.media_canonical()
            for m in lexicons.media_re().finditer(text, scanned, cl.mention.start):
                written = canon.get(re.sub(r"^the\s+", "", m.group(0).lower()), m.group(0))
                names.add(claimant_name(written) or written)
                steps += 1
            scanned = cl.mention.start
        if len(names) == 1:
            fig.claimant = Speaker(cl.mention, next(iter(names)))
    return steps


INFERRED = 0.6  # confidence of a claimant the article, not the figure's clause, gives
# An attribution in the figure's own sentence: the figure is someone's claim the reading above
# left unnamed, not the article's running total to complete. "have been reported killed",
# "are reported to have died" (passive, no agent) attribute nothing.
_SENTENCE_CLAIM = re.compile(
    r"\b(?:said|says|say|saying|told|tells|telling|according|claimed|claims|claiming|"
    r"estimated|estimates|announced|announces|confirmed|confirms|cited|citing|quoted|quoting|"
    r"figures?|data|statistics|tally|count)\b|"
    r"(?<!been )(?<!are )(?<!is )(?<!was )(?<!were )(?<!now )\breport(?:s|ed|ing)?\b",
    re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z'’-]*")
# Words the counted phrase may end on that say nothing about who is counted.
_NOT_NOUNS = frozenset({"more", "others", "other", "who", "which", "that", "them", "these",
                        "those", "total", "toll", "figure", "number", "count", "tally"})


@lru_cache(maxsize=1)
def _subject_words() -> dict[str, str]:
    """Lower-case subject word → its canonical subject (``series.json``)."""
    return {w.lower(): canon for canon, words in series_vocabulary()["subjects"].items()
            for w in words}


def _subject(fig: Figure, c: Counted) -> str:
    """What a figure counts, in ``series.json``'s subject words ("Palestinians" → people); the
    metric's default subject when the number names no noun ("18,400 who have been killed")."""
    data = series_vocabulary()
    table = _subject_words()
    noun = c.noun.lower_ if c.noun is not None and not c.noun.like_num else None
    if noun is not None and noun not in _NOT_NOUNS:
        # the number's own noun: a kind the table does not know ("generals",
        # "paratroopers") is a subject of its own, never people at large
        return str(table.get(noun, table.get(c.noun.lemma_.lower(), noun)))  # type: ignore[union-attr]
    for w in _WORD.findall((fig.counts or "").lower()):
        if w in table:
            return str(table[w])
    return str(data["metric_subject_default"].get(fig.metric, "people"))


def _place(fig: Figure) -> str | None:
    if fig.place is None:
        return None
    data = series_vocabulary()
    low = fig.place.lower()
    for canon, aliases in data["places"].items():
        if low == canon.lower() or low in aliases:
            return str(canon)
    return fig.place


def name_from_article(text: str, found: Found) -> int:
    """A running total whose sentence attributes nothing takes the one claimant the article
    gives for the same series (metric, subject, place), with :data:`INFERRED` confidence; its
    mention is that claimant's mention nearest before the figure (else the first after)."""
    claims: dict[tuple[str, str, str | None], dict[str | None, list[Span]]] = {}
    for fig, c, _ in found:
        cl = fig.claimant
        if cl is None or fig.metric == "other" or cl.confidence is not None:
            continue
        name = claimant_name(cl.name or (cl.mention.text if cl.mention else None))
        key = (fig.metric, _subject(fig, c), _place(fig))
        mentions = claims.setdefault(key, {}).setdefault(name, [])
        if cl.mention is not None:
            mentions.append(cl.mention)
    for fig, c, sent in found:
        if fig.claimant is not None or fig.cumulative is not True or fig.metric == "other" \
                or fig.approx == "vague":
            continue
        by_name = claims.get((fig.metric, _subject(fig, c), _place(fig)))
        if not by_name or len(by_name) != 1 or None in by_name:
            continue  # no one, several claimants, or one the text leaves unnamed
        if _SENTENCE_CLAIM.search(text, sent[0], sent[1]):
            continue
        name, mentions = next(iter(by_name.items()))
        if not mentions:
            continue
        before = [m for m in mentions if m.end <= fig.span.start]
        mention = before[-1] if before else mentions[0]
        fig.claimant = Speaker(mention, name, INFERRED)
    return 2 * len(found)
