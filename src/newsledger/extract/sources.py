"""Sources: outlets and reports the article cites, wire credits, photo credits and the byline."""

from __future__ import annotations

import re
from bisect import bisect_right

from spacy.tokens import Doc

from ..lexicons import media_canonical, media_names, media_re, media_re_nocase
from ..ingest.credits import caption_credit, dateline_wire
from ..record import Source, Span
from .registry import State, component
from ..actors import alias_table

VERSION = "newsledger.sources.v1"

# A word that makes an organisation name a news outlet ("Al Araby TV", "Channel 12").
_MEDIA_WORD = re.compile(
    r"\b(TV|Television|News|Times|Post|Journal|Radio|Agency|Channel|Press|Network|Broadcasting|"
    r"Herald|Tribune|Gazette|Telegraph|Guardian|Independent|Daily|Magazine|Newspaper|Media|"
    r"Wire|Online|Pravda|Today|Chronicle|Observer|Express|Mail|Monitor|Kan|Ynet|Axios)\b")
# Media words that also name ordinary organisations ("Sudan Doctors Network", "Press Office"):
# such a name is an outlet only when it reports or publishes, not when it merely "said".
_WEAK_MEDIA_WORD = re.compile(r"\b(?:Network|Media|Press|Agency|Daily|Wire|Online|Monitor|Today|"
                              r"Express|Mail|Independent|Observer)\b")
# What may stand between an outlet's name and its verb: "Tass news agency cited", "the RIA state
# news agency reported", "the Kan public broadcaster said".
_AFTER_NAME = (r"(?:\s+(?:state(?:-run|-owned)?\s+|official\s+|public\s+|semi-official\s+)?"
               r"(?:news agency|news outlet|news site|news portal|news website|portal|agency|newspaper|broadcaster|daily|channel|"
               r"TV|television|radio|website))?")
_PUBLISH_AFTER = re.compile(_AFTER_NAME + r"\s*(?:,\s*)?(?:has |had |have |also )?(?:reported|reports|published|"
                            r"broadcast|aired|revealed|quoted|cited|wrote)\b")
# A nation's state media or broadcaster as a source: "Iranian state TV said", "Lebanese state
# media reported", "Russian television reported". A nation's media at large ("French media said",
# "Israeli press reported") names no outlet and is no source.
_NATIONAL_MEDIA = re.compile(
    r"\b[A-Z][a-z]+(?:an|ian|ese|i|ish|ch|ic)\s+(?:state(?:-run)?\s+(?:media|television|TV|radio|"
    r"press|outlets|newspapers)|television|TV|radio)\b(?=(?:\s*,\s*citing\b[^,.]{1,80},)?\s*"
    r"(?:has |had |have |also )?(?:reported|reports|said|says|quoted|cited|published|broadcast|"
    r"aired|revealed)\b)")
# Words describing an outlet before its name: "state media KCNA", "the official news agency WAFA".
_OUTLET_DESCRIPTOR = re.compile(
    r"(?:(?:[A-Z][a-z]+(?:an|ian|ese|i|ish|ch|ic)|[A-Z][a-z]+['’]s|"
    r"[A-Za-z][\w]*-(?:controlled|run|owned|backed|affiliated|linked|based|aligned)|pro-[A-Z][\w]*|"
    r"the|a|its|state|state-run|state-owned|official|local|semi-official|independent|"
    r"news|media|agency|outlet|broadcaster|newspaper|daily|television|TV|radio|channel)\s+)+")
# A report named by who or what published it ("a Lebanese report", "local media reports", "a
# state TV report"); "the report", "a new report" name no outlet.
_REPORT_WORDS = (r"(?:[A-Z][\w’'-]+|local media|media|news|newspaper|television|TV|press|"
                 r"state media|state-run|state)")
_REPORT = (r"(?:an?|the)\s+(?:(?:local|leaked|new|recent|earlier|separate|intelligence)\s+){0,2}"
           + _REPORT_WORDS + r"\s+(?:" + _REPORT_WORDS + r"\s+){0,2}"
           r"(?:report|reports|newspaper|daily|outlet|broadcaster|media|news agency)\b")
_REPORT_RE = re.compile(_REPORT)
_CITE_BEFORE = re.compile(
    r"\b(?:[Aa]ccording to|told|tells|telling|[Ii]n comments to|[Ii]n remarks to|"
    r"[Ii]n a (?:statement|message|comment|letter|post) to|[Ii]n an interview with|[Ii]n an interview to|"
    r"[Ss]peaking to|spoke to|[Ss]peaking with|quoted by|cited by|reported by|published by|"
    r"broadcast by|aired (?:on|by)|a report (?:by|in|from|on)|reports? (?:by|in|from)|"
    r"(?:investigation|analysis|article|story|interview|scoop|exclusive) (?:by|in|from|with)|"
    r"published (?:on|in)|posted on|carried by|run by|shown on|"
    r"interviewed by|(?:writing|wrote) in(?!\s+an?\s)|an op-ed in)\s+")
_CITE_AFTER = re.compile(  # used with .match(text, pos): anchored at pos
    _AFTER_NAME + r"(?:\s+and\s+other\s+(?:organi[sz]ations|groups|outlets|media|agencies))?"
    r"\s*(?:,\s*)?(?:has |had |have |also )?(?:reported|reports|said|says|quoted|cited|citing|"
    r"published|broadcast|aired|revealed|cites|quotes|claimed|claims|accused|accuses|noted|notes|"
    r"stated|states|wrote|writes|documented|alleged|alleges|confirmed|learned|obtained|"
    r"pointed out|points out)\b")
# A known outlet named as the place of an interview or a wire ("his CNN interview", "told the
# Associated Press news agency") is cited whatever verb governs the sentence.
_OUTLET_NOUN_AFTER = re.compile(r"\s+(?:news agency|interview|report|reporting|investigation)\b")
# "on CBS News" after an interview or an appearance within the sentence: a broadcast cited.
_ON_AIR_BEFORE = re.compile(r"\b(?:interview|interviewed|appear(?:ed|ing|ance)|said|says|told|"
                            r"speaking|spoke|asked)\b[^.;]{0,80}\bon\s+"
                            r"(?:(?:the|[A-Z][a-z]+(?:an|ian|ese|i|ish|ch|ic)|"
                            r"state|public|broadcaster|channel|network|station|TV|television|radio)"
                            r"\s+){0,3}$")
# A name shaped like an outlet's, known or not: a news site's domain ("Modernity.news"), a channel
# written with -TV ("WELT-TV"), a paper's name ending in a paper word ("The Hollywood Reporter",
# "Kessel Tribune"), a name before "news agency" ("Saba news agency"). Cited only in the contexts
# a known outlet is. The name's words are capitalised; a sentence opening is not one of them.
_OPENERS = (r"(?!(?:The|A|An|When|As|In|On|At|But|And|According|While|After|Before|Since|If|"
            r"Although|Though|Yet|So|Then|Meanwhile|However|Also|Earlier|Later|Last|This|That|"
            r"Its|His|Her|Their|Our|State|Local|National|Official)\s)")
_NAME_WORD = r"[A-Z][\w’']*(?:-[A-Z][\w’']*)*"
# "the Israeli newspaper", "State TV": a kind of outlet, not a name.
_NOT_DEMONYM = r"(?![A-Z][a-z]+(?:an|ian|ese|i|ish|ch|ic)\s|(?:State|Local|National|Official)\s)"
_OUTLET_SHAPE = re.compile(
    r"(?<![\w.@/-])(?:"
    r"[A-Z][\w-]*\.(?:news|tv|media)(?![\w.-])"
    r"|[A-Z][A-Za-z0-9]*-TV(?![\w-])"
    r"|(?:The\s+)?" + _OPENERS + r"(?:" + _NAME_WORD + r"\s+){1,3}(?:Reporter|Times|Post|Herald|"
    r"Tribune|Gazette|Journal|Chronicle|Courier|Dispatch|Inquirer|Telegraph)(?![\w-])"
    r"|" + _OPENERS + r"(?:" + _NAME_WORD + r"\s+){0,2}" + _NOT_DEMONYM + _NAME_WORD
    + r"\s+(?:news agency|News Agency|newspaper|daily|broadcaster|TV channel|news site|"
    r"news outlet|news portal|news website|tabloid|weekly|magazine)(?![\w-])"
    r")")
# "did not comment to Reuters", "declined to respond to CNN": the outlet is told nothing.
_NO_COMMENT_BEFORE = re.compile(r"\b(?:not|n['’]t|declined to|refused to|no)\b[^.;]{0,40}\b"
                                r"(?:comment|respond|reply|response|answer)[^.;]{0,25}\bto\s+"
                                r"(?:the\s+)?$")
# A wire story's dateline inside a paragraph ("… wake up. UNITED NATIONS (Reuters) - French
# President …"): a summarised agency story, cited; a paragraph's own dateline is a wire credit.
_INLINE_DATELINE = re.compile(
    r"(?<=[.!?][ \t])[A-Z][A-Z'.-]+(?:[ \t]+[A-Z][A-Z'.-]+){0,3}"
    r"(?:,[ \t]+[A-Z][a-z]{2,8}\.?[ \t]+\d{1,2})?[ \t]+\((?P<wire>[A-Z][\w .&-]{1,30})\)[ \t]*[-–—][ \t]")
# A poll named by its sponsors ("the NPR/PBS NewsHour/Marist poll", "a Reuters/Ipsos survey"):
# each outlet among them is cited for it.
_POLL_PART = r"[A-Z][\w&.'’-]*(?:[ \t]+[A-Z][\w&.'’-]*){0,2}"
_SPONSORED_POLL = re.compile(rf"(?<![\w/])({_POLL_PART}(?:/{_POLL_PART})+)[ \t]+(?:poll|survey)\b")
# "… sanctions." (Telegraph, July 18, 2019)": an opinion piece citing the outlet it quotes, by
# name and date in parentheses. Only a known outlet counts ("(Kessel, 2019)" is a scholar).
_PAREN_CITATION = re.compile(r"\((?P<name>[A-Z][\w’'&.-]*(?: [A-Z][\w’'&.-]*){0,4}),\s*"
                             r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s*)?\d{4}\)")
# An organisation, not an outlet, though its name has a media word ("Spyglass Media Group").
_COMPANY_TAIL = re.compile(r"\b(?:Group|Holdings|Company|Corporation|Corp|Inc|Ltd|LLC|Studios|"
                           r"Entertainment|Foundation|Institute|Association|Union|Office)\.?$")


def _outlet_names(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """The outlet names in ``text[lo:hi]``: known ones (``data/media.txt``) and outlet-shaped
    ones that overlap no known one, in text order."""
    known = [_slashed(text, m.start(), m.end()) for m in media_re().finditer(text, lo, hi)]
    out = list(known)
    for m in _OUTLET_SHAPE.finditer(text, lo, hi):
        if not any(a < m.end() and m.start() < b for a, b in known):
            out.append(_shape_span(text, m.start(), m.end()))
    return sorted(out)


_KIND_TAIL = re.compile(r"\s+(?:news agency|News Agency|newspaper|daily|broadcaster|TV channel|"
                        r"news site|news outlet|news portal|news website|tabloid|weekly|magazine)$")


def _shape_span(text: str, start: int, end: int) -> tuple[int, int]:
    """An outlet-shaped name without the kind of outlet after it: "Saba news agency" → "Saba"."""
    m = _KIND_TAIL.search(text, start, end)
    return (start, m.start()) if m else (start, end)


# An unknown name that the text itself describes as an outlet: "Kurier Lubelski, a regional Polish
# news outlet"; the outlet noun makes the capitalised name an outlet.
_DESCRIBED_OUTLET = re.compile(
    r"(?<![\w’'-])((?:[A-Z][\w’'-]+\s+){0,3}[A-Z][\w’'-]+),\s+(?:a|an|the)\s+[^,.;]{0,60}?\b"
    r"(?:news outlet|newspaper|news agency|broadcaster|radio station|TV channel|television channel|"
    r"news site|news website|tabloid|daily)\b")
# An outlet noun introducing an unknown name: "Russian newspaper Krasnaya Zvezda".
_NOUN_THEN_NAME = re.compile(
    r"(?:[A-Z][a-z]+(?:an|ian|ese|i|ish|ch|ic)\s+|[A-Z][a-z]+['’]s\s+)?(?:state\s+|state-run\s+|"
    r"official\s+|local\s+|regional\s+|independent\s+)*(?:newspaper|news agency|broadcaster|"
    r"news outlet|news site|daily|tabloid|TV channel|radio station)\s+"
    r"((?:[A-Z][\w’'-]+\s+){0,2}[A-Z][\w’'-]+)")
# "Al-Qahera News, which is close to the services, said": an outlet, a clause, then the verb
_APPOSED_CITE = re.compile(r",\s+(?:which|that|a|an|the)\b[^,.;]{1,80},\s*(?:has |had |have |also )?"
                           r"(?:reported|reports|said|says|quoted|cited|published|broadcast|aired|"
                           r"revealed)\b")
_CREDIT_LINE = re.compile(
    r"^(?:With |Additional reporting by |Reporting by |Compiled by )?(?P<who>.+?)\s+"
    r"(?:contributed|contributing)(?: reporting)?(?: to)?(?: (?:this|the) (?:report|story|article))?"
    r"|^(?:Additional |Extra )?[Rr]eporting (?:by|from) (?P<who2>.+?)[.;]?$")
_NAME_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|abu|ibn|bin|bint|de|da|di|du|van|von|der|la|le)"
                            r"(?:-|$)")
_ORG_HINT = re.compile(r"\b(Forces|Force|Army|Ministry|Office|Agency|Press|Photo|Images|Pool|"
                       r"Service|Handout|Government|Police|Unit|Spokesperson|News|TV|Media|"
                       r"Council|Committee|Department|Authority|Red Cross|Crescent)\b")


def _expand(name: str) -> str:
    """Wire abbreviations to the name the ledger groups by ("AP" → "The Associated Press")."""
    key = name.lower().strip()
    if key in {"ap", "ap photo", "associated press"}:
        return alias_table().get(key, name)
    return name


def _add(out: list[Source], seen: set[tuple[str, str, int]], text: str, start: int, end: int,
         role: str, name: str | None = None) -> None:
    # Trim spaces and punctuation so the span is exactly the name.
    while start < end and text[start] in " \t\n,.;:([\"“":
        start += 1
    while end > start and text[end - 1] in " \t\n,.;:)]\"”":
        end -= 1
    if text[start:start + 4] == "the " and end - start > 4:
        start += 4  # "the Kessel Tribune" is named "Kessel Tribune"; "The Associated Press" keeps it
    elif text[start:start + 4] == "The " and text[start:end].lower() not in media_canonical() and \
            text[start + 4:end].lower() in media_canonical():
        start += 4  # "The Tass news agency" opening a sentence: the outlet is "Tass"
    if start >= end:
        return
    name = _expand(name or text[start:end])
    # A cited outlet counts at every mention (each says where a claim came from); credits once.
    key = (name.lower(), role, start if role == "cited" else -1)
    if key in seen:
        return
    seen.add(key)
    out.append(Source(Span.of(text, start, end), name, role))


def _without_overlaps(found: list[Source]) -> list[Source]:
    """The cited sources with no two spans overlapping (the longer, then the earlier found, is
    kept); credits and bylines as they are."""
    def order(k: int) -> tuple[int, int, int]:
        span = found[k].span
        return span.start, span.start - span.end, k

    cited = sorted((k for k, x in enumerate(found) if x.role == "cited"), key=order)
    drop: set[int] = set()
    reach = -1
    for k in cited:
        if found[k].span.start < reach:
            drop.add(k)
        else:
            reach = found[k].span.end
    return [x for k, x in enumerate(found) if k not in drop]


def _media_at(doc: Doc, text: str, pos: int, ent_by_start: dict[int, tuple[int, int, str]]
              ) -> tuple[int, int] | None:
    """The outlet or report name starting at ``pos``, if one does."""
    m = media_re().match(text, pos)
    if m:
        return _slashed(text, m.start(), m.end())
    m = _OUTLET_SHAPE.match(text, pos)
    if m:
        return _shape_span(text, m.start(), m.end())
    d = _OUTLET_DESCRIPTOR.match(text, pos)
    if d:
        m = media_re().match(text, d.end())
        if m:
            return _slashed(text, m.start(), m.end())
        m = _OUTLET_SHAPE.match(text, d.end())
        if m:
            return _shape_span(text, m.start(), m.end())
    m = _NOUN_THEN_NAME.match(text, pos)
    if m:
        return m.start(1), m.end(1)
    m = _NATIONAL_MEDIA_NAME.match(text, pos)
    if m:
        return m.start(), m.end()
    m = _REPORT_RE.match(text, pos)
    if m:
        return m.start(), m.end()
    ent = ent_by_start.get(pos)
    if ent is None and text[pos:pos + 4].lower() == "the ":
        ent = ent_by_start.get(pos + 4)
    if ent and ent[2] == "ORG" and set(_MEDIA_WORD.findall(text[ent[0]:ent[1]])) - {"Agency"}:
        # ("according to the International Energy Agency": "Agency" alone makes no outlet)
        return pos, ent[1]
    m = re.compile(r"(?:the\s+)?Channel \d+").match(text, pos)
    if m:
        return m.start(), m.end()
    return None


def _slashed(text: str, start: int, end: int) -> tuple[int, int]:
    """A wire written with its partner ("TASS/TRANS") is one name."""
    m = re.compile(r"/[A-Z][A-Za-z]+(?![\w-])").match(text, end)
    return (start, m.end()) if m else (start, end)


# A nation's state media or broadcaster after "according to" or "told": "according to Lebanese
# state media".
_NATIONAL_MEDIA_NAME = re.compile(
    r"[A-Z][a-z]+(?:an|ian|ese|i|ish|ch|ic)\s+(?:state(?:-run)?\s+(?:media|television|TV|radio|"
    r"outlets|newspapers)|television|TV|radio)\b")


def _credit_line(text: str, start: int, seg: str, out: list[Source],
                 seen: set[tuple[str, str, int]]) -> None:
    """Outlets credited by a credit line. The people in it ("Reporting by Jane Roe; Editing by
    ...", "Associated Press writer Sam Doe contributed") are reporters, not sources: only known
    outlets and names with a media word ("The Kessel Tribune") are kept."""
    hits = list(media_re().finditer(seg))
    for m in hits:
        _add(out, seen, text, start + m.start(), start + m.end(), "wire_credit")
    for m in media_re_nocase().finditer(seg):  # "(FRANCE 24 with AFP)"
        if not any(h.start() <= m.start() < h.end() for h in hits):
            nm = re.sub(r"^the\s+", "", m.group(0), flags=re.IGNORECASE)
            _add(out, seen, text, start + m.start(), start + m.end(), "wire_credit",
                 media_canonical().get(nm.lower(), nm))
            hits.append(m)
    m = _CREDIT_LINE.match(seg.strip())
    if not m:
        return
    who = m.group("who") or m.group("who2") or ""
    base = start + seg.find(who)
    for part in re.finditer(r"[^,;]+?(?=[,;]|\s+and\s+|$)", who):
        nm = re.sub(r"^(?:and|the)\s+", "", part.group(0).strip(), flags=re.IGNORECASE)
        nm = re.split(r"\s+(?:in|from)\s+", nm)[0]
        if not nm or not _MEDIA_WORD.search(nm) or any(h.start() <= seg.find(nm) < h.end()
                                                         for h in hits):
            continue
        if not nm[:1].isupper() or media_re().search(nm):
            continue  # "news agencies"; "Associated Press writer ..." is credited above
        i = who.find(nm, part.start())
        _add(out, seen, text, base + i, base + i + len(nm), "wire_credit")


def _photo_credits(text: str, start: int, end: int, out: list[Source],
                   seen: set[tuple[str, str, int]]) -> None:
    line = text[start:end].rstrip()
    at = caption_credit(line)
    if at is None:
        return
    cstart, inner = start + at[0], line[at[0]:at[1]]
    # "Name/AFP/Getty Images"; "© Name, AFP"; "Name/Agence France-Presse — Getty Images"
    pieces = list(re.finditer(r"[^/,—–]+", inner))
    parts = [m.group(0) for m in pieces]
    offs = [(cstart + m.start(), cstart + m.end()) for m in pieces]
    for i, (p, (s, e)) in enumerate(zip(parts, offs)):
        p_clean = p.strip()
        if not p_clean:
            continue
        if re.search(r"\bPhoto\b", p_clean) and i == 0:
            agency = re.sub(r"\s*\bPhoto\b.*", "", p_clean)
            _add(out, seen, text, s, s + len(agency), "photo_credit", agency)
            continue
        words = p_clean.split()
        looks_person = (2 <= len(words) <= 4 and words[0][:1].isupper()
                        and all(w[:1].isupper() or _NAME_PARTICLE.match(w) for w in words)
                        and not _ORG_HINT.search(p_clean) and len(parts) > 1
                        and p_clean not in media_names())
        if looks_person:
            continue  # the photographer; the agency is the other part
        if p_clean.lower() in {"file", "illustrative", "screenshot", "handout"}:
            continue
        _add(out, seen, text, s, e, "photo_credit")


@component("sources", VERSION, model=("entities", "tags", "lemma", "parse"),
           needs=("article", "document", "entities", "names"), sets=("sources",))
def extract_sources(doc: Doc, state: State) -> None:
    text = state.text
    art = state.article
    out: list[Source] = []
    seen: set[tuple[str, str, int]] = set()
    ent_by_start = {e.start_char: (e.start_char, e.end_char, e.label_) for e in doc.ents}

    for b in state.document.kept_blocks:  # bylines and credits too: they credit agencies
        seg = text[b.start:b.end]
        if b.kind == "byline":
            # "By Euronews with AP": the agency after "with" is credited for the story
            wm = re.match(r"^(?:By|BY|by)\s.*?\swith\s+(.+)$", seg.strip())
            if wm:
                off = b.start + seg.find(wm.group(1))
                for m in media_re().finditer(wm.group(1)):
                    _add(out, seen, text, off + m.start(), off + m.end(), "wire_credit")
            for name in art.byline:
                i = seg.find(name)
                if i >= 0:
                    _add(out, seen, text, b.start + i, b.start + i + len(name), "byline", name)
        elif b.kind == "credit":
            _credit_line(text, b.start, seg, out, seen)
        elif b.kind == "caption":
            _photo_credits(text, b.start, b.end, out, seen)
        elif b.kind in ("body", "dateline"):
            wire = dateline_wire(seg)
            if wire:
                _add(out, seen, text, b.start + wire[0], b.start + wire[1], "wire_credit")

    # Cited outlets and reports, in the running text only (captions describe photos).
    body = [(b.start, b.end) for b in art.blocks if b.kind in ("body", "dek", "title")]
    if not art.blocks:
        body = [(0, len(text))]
    for s, e in body:
        seg = text[s:e]
        for m in _CITE_BEFORE.finditer(seg):
            hit = _media_at(doc, text, s + m.end(), ent_by_start)
            if hit and not _NO_COMMENT_BEFORE.search(text[max(s, hit[0] - 120):hit[0]]):
                _add(out, seen, text, hit[0], hit[1], "cited")
        for a, z in _outlet_names(text, s, e):
            before = text[max(s, a - 120):a]
            if _NO_COMMENT_BEFORE.search(before):
                continue
            if _CITE_AFTER.match(text, z, e) or _APPOSED_CITE.match(text, z, e) or \
                    _OUTLET_NOUN_AFTER.match(text, z, e) or _ON_AIR_BEFORE.search(before):
                _add(out, seen, text, a, z, "cited")
        for m in _DESCRIBED_OUTLET.finditer(seg):
            first = m.group(1).split()[0]
            if first in ("The", "A", "An", "According", "In", "On"):
                continue  # a sentence opening, not a name
            _add(out, seen, text, s + m.start(1), s + m.end(1), "cited")
        for m in _NATIONAL_MEDIA.finditer(seg):
            _add(out, seen, text, s + m.start(), s + m.end(), "cited")
        for m in _SPONSORED_POLL.finditer(seg):
            at = s + m.start(1)
            for part in m.group(1).split("/"):
                lead = re.match(r"(?:The|A|An)\s+", part)  # "A Reuters/Ipsos survey"
                skip = lead.end() if lead else 0
                known = media_re().match(part, skip)
                if known is not None and known.start() == skip:
                    _add(out, seen, text, at + skip, at + len(part), "cited")
                at += len(part) + 1
        for m in _PAREN_CITATION.finditer(seg):
            name = m.group("name")
            known = media_canonical().get(name.lower()) or media_canonical().get(f"the {name}".lower())
            if known is not None:
                _add(out, seen, text, s + m.start("name"), s + m.end("name"), "cited", known)
        for m in _INLINE_DATELINE.finditer(seg):
            if media_re().fullmatch(m.group("wire")):
                _add(out, seen, text, s + m.start("wire"), s + m.end("wire"), "cited")
    # One pass over the entities (not one per block: that is quadratic on long live pages).
    starts = [s for s, _ in body]
    for ent in doc.ents:
        if ent.label_ != "ORG" or not _MEDIA_WORD.search(ent.text) or \
                _COMPANY_TAIL.search(ent.text) and ent.text.lower() not in media_canonical():
            continue
        i = bisect_right(starts, ent.start_char) - 1
        weak = not _MEDIA_WORD.search(_WEAK_MEDIA_WORD.sub("", ent.text))
        after = _PUBLISH_AFTER if weak else _CITE_AFTER
        if i >= 0 and ent.end_char <= body[i][1] and after.match(text, ent.end_char):
            _add(out, seen, text, ent.start_char, ent.end_char, "cited")
    # One mention is one source: "Al-Masirah TV" found as a name and as an entity is one.
    out = _without_overlaps(out)
    # The publishing outlet is no source of its own article ("told NPR" in an NPR story).
    own = _outlet_key(art.outlet or "")
    if own:
        out = [x for x in out if x.role != "cited" or _outlet_key(x.name) != own]
    state.sources = out


def _outlet_key(name: str) -> str:
    """An outlet's name for comparing one outlet written two ways: "BBC News (live page)",
    "the BBC" and "BBC" are one; "NPR" and "NPR News" too."""
    key = re.sub(r"\([^()]*\)", " ", name.lower())
    key = re.sub(r"^\s*the\s+", "", key).strip()
    return re.sub(r"\s+(?:news|online|live)$", "", key).strip()
