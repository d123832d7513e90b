"""Layout of scraped plain text: which lines are title, dek, byline, captions, body, credits, boilerplate.

The text itself is never changed; blocks are offsets into it. The rules are general ones about how
news pages scrape to text (short unpunctuated lines above the body are headlines, a line ending in a
parenthesised credit is a caption, "X contributed to this report." is a credit line, …), not rules
about one outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..record import Block

_TERMINAL = tuple(".?!”\"’:…)")
# Headlines and decks are short; a longer unpunctuated unit is body text (a flattened article).
_MAX_HEAD = 250
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")

_BOILERPLATE = re.compile(
    r"^(?:most popular|most read|most viewed|read more:?|read more\b.*|related(?: articles| stories| coverage| topics)?:?|"
    r"advertisement|advert|sponsored|share(?: this)?(?: article| story| page)?:?|share on \w+|"
    r"subscribe\b.*|sign up\b.*|get (?:our|the) .{0,40}newsletter.*|.{0,60}newsletter\b.{0,60}|"
    r"follow us\b.*|follow .{0,40} on (?:twitter|x|facebook|instagram|telegram)\b.*|click here\b.*|"
    r"copyright\b.*|©.*|all rights reserved.*|listen to this article.*|comments?|print|email|"
    r"facebook|twitter|whatsapp|telegram|linkedin|reddit|tweet|copy link|"
    r"image source,.*|image caption,.*|media caption,.*|skip (?:to|past) .*|loading\.*|trending.*|"
    r"you may also like.*|recommended(?: for you)?:?|more from .*|more on this story.*|"
    r"topics?:.*|tags?:.*|filed under:?.*|this story has been shared.*|view comments|"
    r"join our .*|download (?:our|the) app.*|watch:.{0,80}|watch live.*|live updates?|"
    r"back to top|top stories|latest news|editor'?s picks?|don'?t miss.*|continue reading.*|"
    r"we want to hear from you.*|support (?:our|independent) journalism.*|"
    r"this article (?:was|has been) (?:updated|amended|corrected).*)$",
    re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:(?:With |Additional reporting by |Reporting by |Compiled by )?[^.]{2,120}?\s+"
    r"contributed(?: reporting)?(?: to)?(?: (?:this|the) (?:report|story|article))?\.?|"
    r"(?:Additional |Extra )?[Rr]eporting (?:by|from) [^.]{2,160}\.?|"
    r"[—–-]\s*(?:Reuters|AP|AFP|Agencies|The Associated Press|Associated Press|dpa)\.?|"
    r"\((?:Reuters|AP|AFP|Agencies|dpa)\)|"
    r"(?:Writing|Editing) by [^.]{2,160}\.?)$")
_CAPTION_END = re.compile(r"[.!?”\"’]\s*\(([^()]{2,80})\)\s*$")
_CAPTION_CREDITY = re.compile(
    r"\(\s*(?:[^()]*(?:/|Photo|Getty|Images|AFP|Reuters|AP|Flash90|Pool|Handout|"
    r"Forces|Office|Spokesperson|Unit|Press|via|courtesy|Courtesy|EPA|Anadolu|Xinhua|"
    r"Sputnik|TASS|Shutterstock|screenshot|Screenshot|Telegram|X|Twitter|Facebook))[^()]*\)\s*$")
_CAPTION_START = re.compile(r"^(?:File(?: photo)?|Photo|Image|Caption|Pictured|Illustrative|"
                            r"Above|Top|Left|Right|In this (?:photo|image|file photo))\s*[:,—–-]",
                            re.IGNORECASE)
_BYLINE = re.compile(r"^(?:[Bb]y|BY|Words by|Written by)\s+(?P<names>[A-Z][^\n]{1,150})$")
_BIO = re.compile(
    r"^(?P<name>(?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+)\s+(?:is|was|covers|reports)\s+"
    r"(?:a|an|the|The|[A-Z][\w’' ]+?['’]s)\b.{0,200}?\b(?:correspondent|reporter|editor|chief|"
    r"writer|journalist|producer|analyst|columnist|contributor|host|anchor|fellow|"
    r"bureau|staff|covers|contributing)\b.*$")
_TIMESTAMP = re.compile(
    r"^(?:(?:Posted|Published|Updated|Last updated|First published)\s*(?:at|on)?:?\s*)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|UTC|ET|EST|EDT|CET|IDT|local time)?"
    r"(?:\s+\w{3,9}\s+\d{1,2}(?:,? \d{4})?)?|"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|ET|EST|EDT|CET|IDT)?)?"
    r"|\d+\s+(?:minutes?|hours?|days?)\s+ago)\s*$", re.IGNORECASE)
_DATELINE_PREFIX = re.compile(
    r"^[A-Z][A-Z .,'’-]{2,40}(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,\s*\d{4})?)?\s*"
    r"(?:\((?P<wire>AP|Reuters|AFP|dpa|UPI|TASS|Xinhua|Bloomberg|ANSA|EFE|[A-Z][\w ]{1,30})\)\s*)?[—–-]")


def dateline_wire(paragraph: str) -> tuple[int, int] | None:
    """Offsets of the wire agency in a dateline opening a paragraph ("GAZA CITY (AP) —")."""
    m = _DATELINE_PREFIX.match(paragraph)
    if m and m.group("wire"):
        return m.start("wire"), m.end("wire")
    return None


@dataclass
class Unit:
    """A paragraph-like piece of the text: one line, or hard-wrapped lines joined."""

    start: int
    end: int
    text: str


def units(text: str) -> list[Unit]:
    """Non-empty lines as units; a hard-wrapped paragraph (lines not ending a sentence, next line
    starting in lower case) is one unit."""
    out: list[Unit] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            s = pos + (len(body) - len(body.lstrip()))
            e = pos + len(body.rstrip())
            prev = out[-1] if out else None
            contiguous = prev is not None and "\n\n" not in text[prev.end:s].replace("\r", "") \
                and text[prev.end:s].count("\n") == 1
            # Hard wraps come from long lines; a short one ("Most Popular") is a line of its own.
            if prev and contiguous and len(prev.text) >= 40 \
                    and not prev.text.endswith(_TERMINAL) and stripped[:1].islower():
                out[-1] = Unit(prev.start, e, text[prev.start:e])
            else:
                out.append(Unit(s, e, text[s:e]))
        pos += len(line)
    return out


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def is_boilerplate(s: str) -> bool:
    return len(s) <= 200 and bool(_BOILERPLATE.match(s.strip()))


def is_credit(s: str) -> bool:
    return len(s) <= 250 and bool(_CREDIT.match(s.strip()))


def is_caption(s: str) -> bool:
    s = s.strip()
    if len(s) > 600:
        return False
    if _CAPTION_END.search(s) and _CAPTION_CREDITY.search(s):
        return True
    return bool(_CAPTION_START.match(s)) and bool(re.search(r"\([^()]{2,80}\)\s*$", s))


def is_timestamp(s: str) -> bool:
    return len(s) <= 80 and bool(_TIMESTAMP.match(s.strip()))


def byline_names(s: str) -> list[str] | None:
    """Author names if ``s`` is a byline or author bio line, else None."""
    s = s.strip()
    m = _BYLINE.match(s)
    if m and len(s) <= 160:
        names = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*\|\s*", m.group("names"))
        out = []
        for n in names:
            n = re.split(r"\s+(?:in|for|at)\s+|\s*[—–-]\s*", n.strip())[0].strip(" .")
            if n and n[:1].isupper() and 1 <= len(n.split()) <= 4:
                out.append(n)
        return out or None
    m = _BIO.match(s)
    if m and len(s) <= 300:
        return [m.group("name")]
    return None


def looks_like_body(s: str) -> bool:
    """A sentence-like paragraph: ends in sentence punctuation and has some words."""
    s = s.strip()
    return _words(s) >= 6 and s.endswith(_TERMINAL) and not is_caption(s)


def layout(text: str) -> tuple[list[Block], str | None, list[str]]:
    """Blocks for ``text``, with the title and byline names they reveal."""
    us = units(text)
    kinds: list[str] = [""] * len(us)
    byline: list[str] = []
    body_started = False
    credit_seen = False
    for i, u in enumerate(us):
        s = u.text
        if is_boilerplate(s):
            kinds[i] = "boilerplate"
        elif is_credit(s):
            kinds[i] = "credit"
            credit_seen = True
        elif is_caption(s):
            kinds[i] = "caption"
        elif is_timestamp(s):
            kinds[i] = "dateline"
        elif not body_started and (names := byline_names(s)):
            kinds[i] = "byline"
            byline.extend(n for n in names if n not in byline)
        elif credit_seen and len(s) <= 80 and not s.endswith(_TERMINAL):
            kinds[i] = "boilerplate"  # trailing page furniture after the credit line
        elif body_started or looks_like_body(s) or len(s) > _MAX_HEAD:
            kinds[i] = "body"
            body_started = True
        else:
            kinds[i] = "head"  # decided below: title or dek
    heads = [i for i, k in enumerate(kinds) if k == "head"]
    title: str | None = None
    if heads:
        last = heads[-1]
        u = us[last]
        dek_like = len(heads) >= 2 and (len(u.text) > 110 or "; " in u.text
                                        or u.text.rstrip().endswith("."))
        for i in heads:
            kinds[i] = "title"
        if dek_like:
            kinds[last] = "dek"
        titles = [i for i in heads if kinds[i] == "title"]
        if titles:
            title = us[titles[-1]].text.strip()

    blocks: list[Block] = []
    first_seen: dict[str, int] = {}
    for i, (u, k) in enumerate(zip(us, kinds)):
        dup = None
        key = u.text.strip()
        if len(key) >= 20 and key in first_seen:
            dup = first_seen[key]
            k = blocks[dup].kind
        elif len(key) >= 20:
            first_seen[key] = len(blocks)
        blocks.append(Block(k, u.start, u.end, dup))
    return blocks, title, byline


_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"])}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_DATE_MDY = re.compile(r"\b([A-Z][a-z]{2,8})\.?\s+(\d{1,2}),\s+(\d{4})\b")
_DATE_DMY = re.compile(r"\b(\d{1,2})\s+([A-Z][a-z]{2,8})\.?,?\s+(\d{4})\b")
_DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?!\d)")


def _mk(y: str, m: int | None, d: str) -> str | None:
    from datetime import date

    if m is None:
        return None
    try:
        return date(int(y), m, int(d)).isoformat()
    except ValueError:
        return None


def find_date(s: str) -> str | None:
    """The first explicit full date (with year) in ``s``, as ISO, or None."""
    best: tuple[int, str] | None = None
    for rx, order in ((_DATE_MDY, "mdy"), (_DATE_DMY, "dmy"), (_DATE_ISO, "ymd")):
        for m in rx.finditer(s):
            if order == "mdy":
                iso = _mk(m.group(3), _MONTHS.get(m.group(1).lower()), m.group(2))
            elif order == "dmy":
                iso = _mk(m.group(3), _MONTHS.get(m.group(2).lower()), m.group(1))
            else:
                iso = _mk(m.group(1), int(m.group(2)), m.group(3))
            if iso and (best is None or m.start() < best[0]):
                best = (m.start(), iso)
            break
    return best[1] if best else None


def dateline_date(text: str, blocks: list[Block]) -> str | None:
    """A publication date stated on the page: a timestamp or byline line, or a body dateline
    ("JERUSALEM, May 10, 2024 (Reuters) —"). Captions are not used: photos are often older."""
    for b in blocks:
        seg = text[b.start:b.end]
        if b.kind in ("dateline", "byline"):
            d = find_date(seg)
            if d:
                return d
        if b.kind == "body":
            m = _DATELINE_PREFIX.match(seg)
            if m:
                d = find_date(m.group(0))
                if d:
                    return d
            break  # only the first body paragraph can carry the dateline
    return None
