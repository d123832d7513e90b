"""What a running total covers, read from the article around the figure: a territory's whole toll
or something smaller.

The figures extractor marks a count ``cumulative`` from its own clause ("have been killed", "so
far", "in total"). News often tells one event's or one town's dead the same way, and a toll's
series must hold territory-wide totals only. With the article's text at hand, the ledger reads
the figure's sentence and the one before it:

- :func:`is_partial` — a count of one locality, facility or region ("in the southern city", "in
  its shelters", "in central Gaza"), of one event or short period ("in the latest wave of
  strikes", "overnight", "over the past day", "since Friday", "since the fighting resumed"; a
  weekday is read as within the last week, so a war's first-week "since Saturday" is lost too),
  told in this sentence, or in the sentence before when this one names no place and no
  whole-war scope of its own ("… killed in the last two days. It says in total 390 people have
  died"): not the territory's running total, so the figure is per event.
- :func:`is_total` — the other way: a count the extractor left unknown whose clause names the
  whole war as its scope right after it ("… killed since the offensive began"), or the number
  right after "bringing the total death toll to", is a running total.
- :func:`is_authority_total` — an unknown count of the territory a local counting authority
  keeps the running total of ("more than 23,000 Palestinians killed, according to Gaza's health
  ministry", "Israel's offensive has left more than 11,000 dead"), told with no event, day, period
  or locality and not as one past event ("were killed", "died"): that authority's running total.
- :func:`other_territory` — a figure with no place of its own, next to a sentence naming another
  territory or a town in it ("in the occupied West Bank … Eleven Palestinians have been
  killed"): the claimant's own territory is no fallback place for it.
- :func:`place_stated` — whether the figure's clause names its place as where ("in southern
  Israel"), not as an actor ("in Israel's bombardment", "Israeli strikes"): a place the extractor
  took from elsewhere gives way to the claimant's own territory.
- :func:`possessed_subject` — "105 of its soldiers", "130 of my colleagues": the group the number
  is taken from is what it counts, not people at large; :func:`elided_subject` — a bare number
  ("around 200 have been killed") counts the kind its sentence named before it ("aid workers");
  :func:`is_base` — "from an estimated 20,000 the group had" is the whole a count is taken from.

Everything here is plain text matching on the record (the ledger takes records only).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import series_vocabulary
from ..record import Figure

# A locality, facility or part of a territory: one place's dead, not the territory's.
_LOCAL = re.compile(
    r"\b(?:(?:in|at|on|inside|near|around|across)[ \t]+(?:the[ \t]+|its[ \t]+|their[ \t]+|a[ \t]+)?"
    r"(?:[\w'’-]+[ \t]+){0,3}(?:city|town|village|camp|neighbou?rhood|district|hospital|school|"
    r"shelter|building|market|compound|complex|mosque|church|convoy|checkpoint)s?\b|"
    r"(?:in|at)[ \t]+(?:the[ \t]+)?(?:central|northern|southern|eastern|western|north|south|east|"
    r"west)(?:ern)?[ \t]+(?:part[ \t]+of[ \t]+)?(?:the[ \t]+)?(?:gaza|strip|enclave)\b|"
    r"(?:in|at)[ \t]+the[ \t]+(?:north|south|centre|center|east|west)[ \t]+of[ \t]+"
    r"(?:the[ \t]+)?(?:gaza|strip|enclave)\b)", re.IGNORECASE)
# One event or a short period.
_EVENT = re.compile(
    r"\b(?:(?:latest|recent|new|fresh|last)[ \t]+(?:wave|round|spate|barrage|series)[ \t]+of|"
    r"in[ \t]+(?:the[ \t]+)?(?:latest|recent)[ \t]+(?:air[ \t]?strikes?|strikes?|attacks?|raids?|"
    r"bombardment|shelling)|"
    r"in[ \t]+(?:a|an|the|one|two|three|several|separate|israeli|overnight)?[ \t]*"
    r"(?:[\w'’-]+[ \t]+){0,2}(?:air[ \t]?strikes?|strikes?|attacks?|raids?|bombings?|blasts?|"
    r"explosions?|shelling|incidents?|operation)[ \t]+(?:on|in|at|near|targeting)\b"
    # "killed in Israel's attacks on Gaza": a whole territory under attack is the war, not one
    r"(?![ \t]+(?:the[ \t]+)?(?:Gaza(?![ \t]+City)|strip|enclave|territory)\b)|"
    r"(?:a|an|the)[ \t]+(?:[\w'’-]+[ \t]+){0,2}(?:raid|operation|incursion)[ \t]+(?:on|in|into)\b|"
    r"overnight|last[ \t]+night|this[ \t]+(?:morning|afternoon|evening)|"
    r"(?:over|in|during)[ \t]+the[ \t]+(?:past|last|previous)[ \t]+(?:[\w-]+[ \t]+)?"
    r"(?:day|days|night|hours|week)|"
    r"(?:past|last|previous)[ \t]+(?:24|48|72|twenty-four|forty-eight)[ \t]+hours|"
    r"since[ \t]+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
    r"(?:over|during|at)[ \t]+the[ \t]+weekend|weekend[ \t]+(?:bombardment|strikes|air[ \t]?strikes|"
    r"attacks|raids|shelling)|"
    r"since[ \t]+(?:the[ \t]+)?(?:fighting|war|hostilities|bombing|bombardment|strikes)[ \t]+"
    r"(?:resumed|restarted)|since[ \t]+the[ \t]+(?:truce|ceasefire|pause)[ \t]+(?:ended|"
    r"collapsed|broke[ \t]+down|expired))\b",
    re.IGNORECASE)
# The whole war as the count's scope: a running total whatever else the sentence tells.
_WHOLE = re.compile(
    r"\b(?:since[ \t]+(?:the[ \t]+)?(?:7|7th|seventh)[ \t]+(?:of[ \t]+)?October|"
    r"since[ \t]+October|since[ \t]+the[ \t]+(?:war|conflict|fighting|start|beginning|outbreak)"
    r"(?![ \t]+(?:resumed|restarted))|"
    r"since[ \t]+(?:[\w'’-]+[ \t]+){1,4}(?:began|started|launched|broke[ \t]+out)|"
    r"(?:the|this|its)[ \t]+(?:war|conflict|offensive|military[ \t]+campaign)|"
    r"(?:overall|total|cumulative)[ \t]+(?:death[ \t]+)?toll)\b", re.IGNORECASE)
_SINCE = re.compile(
    r"\bsince[ \t]+(?:the[ \t]+)?(?:7|7th|seventh)[ \t]+(?:of[ \t]+)?October|"
    r"\bsince[ \t]+October|\bsince[ \t]+the[ \t]+(?:war|conflict|fighting|start|beginning|outbreak)"
    r"(?![ \t]+(?:resumed|restarted))|"
    r"\bsince[ \t]+(?:[\w'’-]+[ \t]+){1,4}(?:began|started|launched|broke[ \t]+out)\b",
    re.IGNORECASE)
# A number taken from a group someone has ("105 of its soldiers", "130 of my colleagues").
_OF_POSSESSED = re.compile(r"^[ \t]+of[ \t]+(?:my|our|his|her|its|their|the[ \t]+\w+'s)[ \t]+"
                           r"((?:[a-z][\w-]*[ \t]+)?[a-z][\w-]*)", re.IGNORECASE)
_POSSESSIVE_START = re.compile(r"^(?:my|our|his|her|its|their)[ \t]+([a-z][\w-]*)",
                               re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?][\"”’)]*(?=\s)|\n")


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]`` (plain punctuation; a paragraph break ends one)."""
    lo = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 600), start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end)
    return lo, (m.end() if m else len(text))


def previous_sentence(text: str, lo: int) -> str:
    """The sentence before the one starting at ``lo`` in the same paragraph ('' at its start)."""
    head = text[max(0, lo - 600):lo]
    if not head.strip() or head.rstrip(" \t").endswith("\n"):
        return ""
    body = head.rstrip()
    ends = list(_SENTENCE_END.finditer(body + " "))  # the last one ends the sentence before
    cut = ends[-2].end() if len(ends) >= 2 else 0
    para = body.rfind("\n")
    return head[max(cut, para + 1):]


def _clause(fig: Figure, text: str) -> str:
    """The figure's sentence from its start up to the next ';' or sentence end, the counted
    words included (a count's scope does not reach into the next clause)."""
    lo, hi = sentence_bounds(text, fig.span.start, fig.span.end)
    semi = text.find(";", fig.span.end, hi)
    return text[lo:semi if semi >= 0 else hi]


# "bringing the toll to", "the death toll stands at": the number is the running total told.
_TALLY_BEFORE = re.compile(r"\b(?:toll|total|tally)\b[^.;!?]{0,40}?\b(?:to|at|of|reached|passed|"
                           r"exceeded|is|was)[ \t]+(?:more[ \t]+than[ \t]+|at[ \t]+least[ \t]+|"
                           r"nearly[ \t]+|almost[ \t]+|over[ \t]+|some[ \t]+)?[\"“]?$",
                           re.IGNORECASE)


# A count of the wounded joined to the dead's: "and 64 injured", "and 120 others wounded".
_HURT_TOO = re.compile(r"^[^.;!?\d]{0,60}?\band[ \t]+\d[\d,]*[ \t]+(?:(?:other|more|people|"
                       r"others)[ \t]+)?(?:(?:were|have[ \t]+been|had[ \t]+been)[ \t]+)?"
                       r"(?:injured|wounded|hurt)\b", re.IGNORECASE)


def is_partial(fig: Figure, text: str | None) -> bool:
    """Does the text around a running total say it counts one locality, event or period?"""
    if not text or not (0 <= fig.span.start < fig.span.end <= len(text)):
        return False
    counts = fig.counts or ""
    if _LOCAL.search(counts):
        return True
    clause = _clause(fig, text)
    # What follows the number up to the next one is its own scope, and wins ("a thousand killed
    # since Friday, bringing the overall toll to 8,000"; "a total of 21 killed in a strike on
    # a camp").
    own = text[fig.span.end:fig.span.end + 160]
    # "21 killed and 64 injured in a strike on a camp": the wounded share the dead's scope.
    own = _HURT_TOO.sub(lambda m: " " * len(m.group()), own, count=1)
    own = own[:min([len(own)] + [m.start() for m in re.finditer(r"\d|[.;!?]", own)])]
    if _EVENT.search(own) or _LOCAL.search(own):
        return True
    if _WHOLE.search(clause):
        return False
    # "the death toll stands at 210" is this clause's total, whatever else the clause tells; it
    # may still be the total of the events the sentence before tells.
    tally = _TALLY_BEFORE.search(text[max(0, fig.span.start - 80):fig.span.start])
    if not tally and (_EVENT.search(clause) or _LOCAL.search(clause)):
        return True
    if not _names_place(clause):
        # "… killed in the last two days. It says in total 390 people have died": told of
        # the events the sentence before tells.
        lo, _ = sentence_bounds(text, fig.span.start, fig.span.end)
        before = previous_sentence(text, lo)
        return bool(before) and bool(_EVENT.search(before)) and not _WHOLE.search(before)
    return False


def is_total(fig: Figure, text: str | None) -> bool:
    """Does the text say a running-total metric's count the extractor left unknown, or read as
    one period's, is the total so far? The number right after "the toll/total … to/at"
    ("bringing its total death toll in the territory to more than 21,320") is, whatever the
    sentence tells before it; an unknown one is when its clause names the whole war as its scope
    ("since the offensive began") and no event or period."""
    if not text or not (0 <= fig.span.start < fig.span.end <= len(text)):
        return False
    if fig.metric not in series_vocabulary().get("running_total_metrics", ()):
        return False
    if _TALLY_BEFORE.search(text[max(0, fig.span.start - 80):fig.span.start]):
        return True
    if fig.cumulative is not None:
        return False
    # The scope must follow the number closely, with no other number between ("killed 1,200
    # people on 7 October" in a sentence about the war is that day's dead, not a total).
    clause = _clause(fig, text)
    after = clause[clause.find(fig.span.text) + len(fig.span.text):] \
        if fig.span.text in clause else ""
    since = _SINCE.search(after[:80])
    return since is not None and not re.search(r"\d", after[:since.start()]) \
        and not _EVENT.search(clause)


# One event, or one day, in the words that tell what the number counts ("An Israeli strike on a
# house killed 27", "killed on Tuesday", "on 7 October"): not a running total.
_ONE_EVENT = re.compile(
    r"(?i:\b(?:an?|one|the|this|that|another|single)[ \t]+(?:[\w'’-]+[ \t]+){0,3}(?:air[ \t]?"
    r"strike|strike|attack|raid|bombing|blast|explosion|incident|assault|shelling|massacre|"
    r"ambush)\b(?!s)|(?<!as of )\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|"
    r"\b(?:yesterday|today|tonight|overnight|last[ \t]+(?:week|night))\b|"
    # the circumstance of one incident ("killed while trying to collect aid", "when a
    # building collapsed")
    r"\b(?:while[ \t]+[a-z]+ing|when)\b)|"
    r"\bon[ \t]+(?:\d{1,2}[ \t]+[A-Z][a-z]+|[A-Z][a-z]+\.?[ \t]+\d{1,2})\b|"
    r"\bthat[ \t]+day\b|\bday\b")
# A past event told in the simple past ("27 people were killed", "died"), not a total so far.
_SIMPLE_PAST = re.compile(r"^[^.;!?\d]{0,40}?\b(?:were|was)[ \t]+(?:[a-z]+[ \t]+)?"
                          r"(?:killed|dead|injured|wounded|hurt)\b|"
                          r"^[^.;!?\d]{0,40}?(?<!have )(?<!has )(?<!had )(?<!having )\bdied\b",
                          re.IGNORECASE)


def is_authority_total(fig: Figure, text: str | None) -> bool:
    """Is a count the extractor could not tell (``cumulative`` unknown), of a running-total
    metric, that a territory's own counting authority gives for that territory, its running
    total? Yes when the words around the number (its clause, from the last comma before it to
    the next number) tell no single event, day or period and no locality, and the count is not
    told as one past event ("were killed", "died"). The caller checks the claimant and place."""
    if not text or not (0 <= fig.span.start < fig.span.end <= len(text)):
        return False
    if fig.cumulative is not None or \
            fig.metric not in series_vocabulary().get("running_total_metrics", ()):
        return False
    lo, hi = sentence_bounds(text, fig.span.start, fig.span.end)
    head = text[lo:fig.span.start]
    # The number's own clause: after the last comma, dash or "that" (a day told of the saying,
    # "said on Sunday that 12,200 …", is not the count's).
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(" - "), head.rfind("—"),
              head.rfind(" that "))
    before = head[cut + 1:] if cut >= 0 else head
    if re.match(r"[ \t]*(?:killing|leaving|wounding)\b", before, re.IGNORECASE):
        before = head  # "Warplanes struck the camp, killing 33": the main clause is the event
    if re.search(r"\bof[ \t]+the[ \t]+(?:[a-z]+[ \t]+){0,2}\d", head, re.IGNORECASE):
        return False  # "of the more than 10,000 killed, about 4,000 were children": a part
    # What follows, to the clause's end ("178 deaths and nearly 600 injuries in the renewed
    # bombardment Friday": the wounded's scope is the dead's too).
    own = text[fig.span.end:hi]
    nxt = re.search(r"[;]", own)
    own = own[:nxt.start()] if nxt else own
    words = before + " " + fig.span.text + " " + own
    if _ONE_EVENT.search(words) or _EVENT.search(words) or _LOCAL.search(words):
        return False
    if re.search(r"\b(?:other|another|remaining)[ \t]+$", before, re.IGNORECASE):
        return False  # "the other six": a part of a count told before
    # "Just since the collapse of the truce, more than 1,200 …": a period other than the war's
    sentence = head + own
    if re.search(r"\bsince[ \t]+(?:the|a|an|its|last|this)\b", sentence, re.IGNORECASE) \
            and not _SINCE.search(sentence):
        return False
    return not _SIMPLE_PAST.search(own)


@lru_cache(maxsize=1)
def _place_words() -> tuple[re.Pattern[str], dict[str, str]]:
    data = series_vocabulary()
    names: dict[str, str] = {}
    for canon, aliases in data["places"].items():
        for a in [canon.lower(), *aliases]:
            if len(a.split()) > 1 or a in ("gaza", "israel", "lebanon", "rafah", "jenin"):
                names[a.lower()] = canon
            elif a[:1].isalpha() and a not in ("strip", "enclave"):
                names[a.lower()] = canon
    alts = sorted(names, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:%s)(?![\w-])" % "|".join(map(re.escape, alts)),
                      re.IGNORECASE), names


def _names_place(words: str) -> bool:
    return bool(_place_words()[0].search(words or ""))


def other_territory(fig: Figure, text: str | None, territory: str) -> bool:
    """Is a figure with no place of its own told next to another territory, or a town of one
    ("in the occupied West Bank … Eleven Palestinians have been killed")? Then ``territory``
    (its claimant's) is no fallback place for it."""
    if not text or not (0 <= fig.span.start < fig.span.end <= len(text)):
        return False
    pattern, names = _place_words()
    lo, hi = sentence_bounds(text, fig.span.start, fig.span.end)
    near = previous_sentence(text, lo) + " " + text[lo:hi]
    found = {names[m.group(0).lower()] for m in pattern.finditer(near)}
    return bool(found) and territory not in found


# "from an estimated 20,000 the group had", "out of some 300": the whole a count is taken from.
_BASE_BEFORE = re.compile(r"\b(?:from|out[ \t]+of)[ \t]+(?:an?[ \t]+)?(?:estimated[ \t]+|total[ \t]+of[ \t]+)?"
                          r"(?:some[ \t]+|about[ \t]+|around[ \t]+|roughly[ \t]+)?$", re.IGNORECASE)
_CHANGE = re.compile(r"\b(?:rose|risen|rising|rises|increased|jumped|climbed|grew|grown|fell|"
                     r"fallen|dropped|up|down|revised)\b[^,;:]{0,40}$", re.IGNORECASE)


def is_base(fig: Figure, text: str | None) -> bool:
    """Is the number the whole a count is taken from ("7,000 fighters have been killed, from an
    estimated 20,000 the group had"), not a count of its own? A change ("rose from 15,000 to
    16,000") is no base."""
    if not text or not (0 <= fig.span.start < fig.span.end <= len(text)):
        return False
    lo, _ = sentence_bounds(text, fig.span.start, fig.span.end)
    before = text[lo:fig.span.start]
    return bool(_BASE_BEFORE.search(before[-40:])) and not _CHANGE.search(before)


def elided_subject(fig: Figure, text: str | None) -> str | None:
    """What a bare number counts when its clause names nothing after it ("aid workers have been
    targeted …, around 200 have been killed"): the last kind of person the sentence names
    before it (a subject of ``series.json``), or None."""
    if not text or not (0 <= fig.span.start < fig.span.end <= len(text)):
        return None
    after = text[fig.span.end:fig.span.end + 30]
    if not re.match(r"^[ \t]+(?:have|has|had|were|was|are|is)[ \t]", after):
        return None  # "200 aid workers", "200 of them": the noun is there
    if re.search(r"[A-Za-z]", re.sub(r"\b(?:more|less|fewer|than|at|least|about|around|nearly|"
                                     r"almost|some|over|up|to|roughly|an?|estimated)\b", "",
                                     fig.span.text, flags=re.IGNORECASE)):
        return None
    lo, _ = sentence_bounds(text, fig.span.start, fig.span.end)
    words = re.findall(r"[a-z][a-z'’-]*", text[lo:fig.span.start].lower())
    table = series_vocabulary()["subjects"]
    found = None
    for canon, names in table.items():
        for name in names:
            w = name.split()
            for i in range(len(words) - len(w) + 1):
                if words[i:i + len(w)] == w and (found is None or i >= found[0]):
                    found = (i, canon)
    return found[1] if found and found[1] != "people" else None


_LOCATIVE = r"(?:in|across|inside|throughout|within|into|at|on|near|around)"


def place_stated(place: str, fig: Figure, text: str | None) -> bool:
    """Does the figure's clause (or its counted words) name ``place`` as where, after a
    locative word and not as an actor ("in southern Israel", not "in Israel's bombardment" or
    "by Israeli strikes")? Without the text, the place stands."""
    if not text or not (0 <= fig.span.start < fig.span.end <= len(text)):
        return True
    names = [a for a, canon in _place_words()[1].items() if canon == place] or [place.lower()]
    alts = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    where = re.compile(rf"\b{_LOCATIVE}[ \t]+(?:the[ \t]+)?(?:occupied[ \t]+|southern[ \t]+|"
                       rf"northern[ \t]+|central[ \t]+|eastern[ \t]+|western[ \t]+)?(?:{alts})"
                       r"(?![\w-]|[ \t]*['’]s\b)", re.IGNORECASE)
    return any(not _TARGET.search(words[max(0, m.start() - 40):m.start()]) and
               not m.group(0).lower().startswith("into")
               for words in (_clause(fig, text), fig.counts or "") for m in where.finditer(words))


# A place named as what an attack hit ("the attack on Israel", "rockets fired at Israel"), or
# crossed into ("from Gaza into southern Israel"): the target, not where the counted died.
_TARGET = re.compile(r"\b(?:attacks?|strikes?|assaults?|raids?|invasion|incursions?|offensive|"
                     r"rockets?|missiles?|fired|launched)[ \t]*$", re.IGNORECASE)


def possessed_subject(fig: Figure, text: str | None) -> str | None:
    """The noun of the group a number is taken from ("105 of its soldiers" → "soldiers", "130
    of my colleagues" → "colleagues"), or None."""
    m = None
    if text and 0 <= fig.span.end <= len(text):
        m = _OF_POSSESSED.match(text[fig.span.end:fig.span.end + 60])
    if m is None:
        m = _POSSESSIVE_START.match((fig.counts or "").strip())
    if m is None:
        return None
    words = m.group(1).lower().split()
    # "of its aid workers": a two-word kind the vocabulary knows, else the first noun
    pair = " ".join(words[:2])
    known = {n for names in series_vocabulary()["subjects"].values() for n in names}
    return pair if len(words) == 2 and pair in known else words[0]
