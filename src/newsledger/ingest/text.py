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
from .credits import dateline_prefix, is_caption
from ..lexicons import media_re, media_re_nocase, months, timezones, weekdays

_TERMINAL = tuple(".?!”\"’:…)")
# Headlines and decks are short; a longer unpunctuated unit is body text (a flattened article).
_MAX_HEAD = 250
_WORD = re.compile(r"\w+(?:[’'-]\w+)*")

_BOILERPLATE = re.compile(
    r"^(?:most popular|most read|most viewed|read more:?|read more\b.*|"
    r"related(?: articles?| stories| story| coverage| topics| content| links| reading| video)?:?|"
    r"advertisement|advert|sponsored|supported by|skip (?:ad|advertisement)|"
    r"share(?: this| the| full)?(?: article| story| page| post)?:?|share on \w+|"
    r"close(?: button)?|copy|copy/paste\b.{0,80}|embed\b.{0,60}|start a conversation|"
    r"post (?:a )?comments?|text size|"
    r"save(?: article| story)?|saved|bookmark|listen|close|menu|search|follow|"
    r"subscribe\b.*|sign up\b.*|get (?:our|the) .{0,40}newsletter.*|.{0,60}newsletter\b.{0,60}|"
    r"follow us\b.*|follow .{0,40} on (?:twitter|x|facebook|instagram|telegram)\b.*|click here\b.*|"
    r"copyright\b.*|©.*|all rights reserved.*|listen to this article.*|comments?|print|email|"
    r"facebook|twitter|whatsapp|telegram|linkedin|reddit|tweet|copy link|link copied!?|"
    r"\d+[ -]min(?:ute)?s?(?: read| listen)?|"
    r"media caption,.*|skip (?:to|past) .*|loading\.*|trending.*|"
    r"you may also like.*|recommended(?: for you)?:?|more from .*|more on this story.*|"
    r"topics?(?::.*)?|tags?(?::.*)?|gift (?:this )?article|filed under:?.*|this story has been shared.*|view comments|"
    r"suggested topics:?|key events:?|key developments:?|our standards:.*|"
    r".{0,40}\b(?:we|this (?:web)?site) uses? cookies\b.*|(?:accept|reject|manage)(?: all)? cookies.*|"
    r"cookie (?:settings|policy|preferences)|"
    r"join our .*|download (?:our|the) app.*|watch:.{0,80}|watch live.*|live updates?|"
    r"back to top|top stories|latest news|editor'?s picks?|don'?t miss.*|continue reading.*|"
    r"we want to hear from you.*|support (?:our|independent) journalism.*|"
    # "Also Read: <link>" or the bare label; "See also the program's terms." is a sentence
    r"(?:read also|see also|also read|read next)(?::.*)?|explore more\b.*|reuse this content|"
    r"go deeper(?::.*)?|why you can trust\b.{0,40}|"
    r"become a (?:member|subscriber|patron|supporter)\b.*|note from the (?:author|editor):?|"
    # "Support UP or become our patron!", "You will receive email alerts from this author."
    r"support \S+(?: \S+)? or become\b.*|(?:become|be) (?:our|a) patron\b.*|"
    r"you will (?:no longer )?receive email alerts\b.*|manage alert preferences\b.*|"
    # "Correction: An earlier version of this article misstated ..."
    r"corrections?:\s.{0,40}\b(?:earlier|previous|prior) version\b.*|"
    r"this article (?:was|has been) (?:updated|amended|corrected).*)$",
    re.IGNORECASE)
# Headers of link lists ("Related", "More on this story"): the lines right under one are links.
_LIST_HEAD = re.compile(
    r"^(?:most popular|most read|most viewed|read more:?|also read:?|read also:?|see also:?|"
    r"read next:?|more stories|related news|related(?: articles?| stories| coverage|"
    r"| topics| content| links| reading)?:?|you may also like.*|recommended(?: for you)?:?|"
    r"more from .*|more on this story.*|topics?:?|tags?:?|suggested topics:?|key events:?|"
    r"key developments:?|top stories|latest news|editor'?s picks?|trending.*|explore more\b.*|"
    r"more (?:on|about) (?:this|these) (?:topics?|stories)|"
    r".{0,60}newsletter\b.{0,60}|note from the (?:author|editor):?|sign up\b.*|subscribe\b.*)$",
    re.IGNORECASE)
# A promotion's header: the lines under it (pitch, button) are the promotion, however long.
_PROMO_HEAD = re.compile(r"^(?:.{0,60}newsletter\b.{0,60}|note from the (?:author|editor):?|"
                         r"sign up\b.*|subscribe\b.*|support (?:our|independent) journalism.*)$",
                         re.IGNORECASE)
_CREDIT = re.compile(
    r"^(?:(?:With |Additional reporting by |Reporting by |Compiled by )?[^.]{2,120}?\s+"
    r"contributed(?: reporting)?(?: to)?(?: (?:this|the) (?:report|story|article))?"
    r"(?: from [^.]{2,60})?\.?|"
    # "(With inputs from agencies)", "(With agency inputs)"
    r"\((?:[Ww]ith )?(?:[Ii]nputs? from [^()]{2,60}|[\w ]{2,30} inputs)\)|"
    r"(?:Additional |Extra )?[Rr]eporting (?:by|from) [^.]{2,160}\.?|"
    r"[—–-]\s*(?:Reuters|AP|AFP|Agencies|The Associated Press|Associated Press|dpa)\.?|"
    r"\((?:Reuters|AP|AFP|Agencies|dpa)\)|"
    r"(?:Writing|Editing) by [^.]{2,160}\.?|"
    # "(FRANCE 24 with AFP)", "(Al Jazeera and agencies)"
    r"\([A-Z][\w .'’-]{1,40}\s+(?:with|and)\s+(?:[A-Z][\w .,'’-]{1,40}|agencies|wires)\))$")
_IMAGE_LABEL = re.compile(r"^(?:Image|Photo|Picture|Video)s?:?$", re.IGNORECASE)
_CITY_LINE = re.compile(r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2}$")  # "ANKARA", "GAZA CITY"
_BYLINE = re.compile(r"^(?:[Bb]y|BY|Words by|Written by|Text by|Story by|Author)\s*:?\s+"
                     r"(?P<names>[A-Z][^\n]{1,150})$")
# A byline credited to a desk or to wires, not to people: a byline without names.
_DESK = re.compile(r"^(?:(?:the\s+)?(?:news\s*wires?|wires?|agencies|staff|news desk|web desk|"
                   r"online desk|editorial(?: team| board)?|live team|our correspondents?|"
                   r"[A-Z][\w ]{0,30} (?:staff|desk|team)))$", re.IGNORECASE)
# "Anna Korolenko in Kyiv and Peter Mills": names (each maybe with a place), no "By".
_NAMES_LINE = re.compile(
    r"^(?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+(?:\s+in\s+[A-Z][\w’' -]{1,30}?)?"
    r"(?:(?:,\s*|\s+and\s+)(?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+(?:\s+in\s+[A-Z][\w’' -]{1,30}?)?)*$")
_BIO = re.compile(
    r"^(?P<name>(?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+)\s+(?:is|was|covers|reports)\s+"
    r"(?:a|an|the|The|[A-Z][\w’' ]+?['’]s)\b.{0,200}?\b(?:correspondent|reporter|editor|chief|"
    r"writer|journalist|producer|analyst|columnist|contributor|host|anchor|fellow|researcher|"
    r"bureau|staff|covers|contributing)\b.*$")
_TIMESTAMP = re.compile(
    r"^(?:(?:Posted|Published|Updated|Last updated|First published)\s*(?:at|on)?:?\s*)?"
    r"(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|UTC|ET|EST|EDT|CET|IDT|local time)?"
    r"(?:\s+\w{3,9}\s+\d{1,2}(?:,? \d{4})?)?|"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4}|\d{4}-\d{2}-\d{2})"
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:GMT|BST|UTC|ET|EST|EDT|CET|IDT)?)?"
    r"|\d+\s+(?:minutes?|hours?|days?)\s+ago)\s*$", re.IGNORECASE)








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
                    and not prev.text.endswith(_TERMINAL) and stripped[:1].islower() \
                    and not _BYLINE.match(stripped):
                out[-1] = Unit(prev.start, e, text[prev.start:e])
            else:
                out.append(Unit(s, e, text[s:e]))
        pos += len(line)
    return out


def _words(s: str) -> int:
    return len(_WORD.findall(s))


# A republishing or syndication notice closing the page; longer than a menu line.
_FOOTER = re.compile(r"^.{0,300}\b(?:republish(?:ing)? (?:this|our) (?:content|article|story|"
                     r"material)|reprint (?:rights|permissions)|subscription options)\b.{0,200}$",
                     re.IGNORECASE)


# Login forms and account widgets ("Username", "Password", "Log in", "Welcome back, Guest", "My
# account | Sign out"): page furniture, never a title or a byline.
_ACCOUNT_WORD = (r"(?:user ?name|e-?mail(?: address)?|password|passwort|log ?in|log ?out|sign ?in|"
                 r"sign ?out|sign ?up|register|registration|my account|account|my profile|profile|"
                 r"create (?:an |your )?account|remember me|stay logged in|keep me logged in|"
                 r"forgot(?:ten)? (?:your )?(?:username|password)(?: or password)?\??|"
                 r"lost (?:your )?password\??|reset password|guest|member login|subscriber login|"
                 r"welcome(?: back)?,?(?: [\w.-]+)?!?|logged in as \S+|my news|"
                 r"settings|dashboard|or|and)")
_ACCOUNT = re.compile(rf"^{_ACCOUNT_WORD}(?:\s*[|/•·,:]?\s*{_ACCOUNT_WORD})*\s*[.!:]?$", re.IGNORECASE)


def is_account_furniture(s: str) -> bool:
    """A login form's or account widget's line ("Username", "Sign in | Register")."""
    s = s.strip()
    return len(s) <= 80 and bool(_ACCOUNT.match(s)) and s.lower() not in ("or", "and")


def is_boilerplate(s: str) -> bool:
    s = s.strip()
    if s and not any(ch.isalnum() for ch in s):
        return True  # a lone "|" or "•" left between two stamps
    return len(s) <= 200 and bool(_BOILERPLATE.match(s)) or bool(_FOOTER.match(s)) \
        or is_account_furniture(s)


# "Source: Al Jazeera and news agencies": a closing attribution of the whole story, to outlets.
# "Source: Ivan Fedorov, head of the regional administration, on Telegram" (Ukrainska Pravda's
# labelled paragraphs) names a person: that is the body's attribution, not a credit.
_SOURCE_CREDIT = re.compile(r"^(?:Additional )?[Ss]ources?\s*[:•·|]\s+(?P<who>[A-Z][^.]{1,100})"
                            r"(?:\.|agencies)?$")
_AGENCY_WORD = re.compile(r"\b(?:agenc(?:y|ies)|wires?|news|press|media|TV|radio)\b",
                          re.IGNORECASE)


# "Reporting from Deir el-Balah, Al Jazeera's Nida Ibrahim said …" is a correspondent's report in
# the body, not a credit line: a credit names who reported, it does not report speech.
_REPORTED_SPEECH = re.compile(r"\b(?:said|says|say|told|tells|added|adds|noted|notes|warned|warns|"
                              r"explained|described|reported that|reports that|according to)\b|[“”\"]",
                              re.IGNORECASE)


def is_credit(s: str) -> bool:
    s = s.strip()
    if len(s) > 250:
        return False
    if re.match(r"\(?(?:Additional |Extra )?[Rr]eporting (?:by|from)\b", s) \
            and _REPORTED_SPEECH.search(s):
        return False
    m = _SOURCE_CREDIT.match(s)
    if m:
        who = m.group("who")
        return bool(media_re().search(who) or media_re_nocase().search(who)
                    or _AGENCY_WORD.search(who))
    # "(Reporting by Jane Roe; Editing by Peter Kane)": Reuters prints its credit in brackets
    if s.startswith("(") and s.endswith(")") and re.match(r"\((?:Additional )?(?:Reporting|Writing|"
                                                          r"Editing) by\b", s, re.IGNORECASE):
        return bool(_CREDIT.match(s[1:-1]))
    return bool(_CREDIT.match(s))




_STAMP_LEAD = re.compile(r"^(?:(?:Posted|Published(?: date| on| at)?|Publish date|Date published|Updated|"
                         r"Last updated?|First published|Last modified|"
                         r"Issued|Modified|Created|Date)"
                         r"(?:\s+(?:on|at))?\s*:?\s*)", re.IGNORECASE)
_STAMP_TOKEN = re.compile(r"\d{1,2}[:.]\d{2}|\d{1,2}[/.]\d{1,2}[/.]\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,4}(?:st|nd|rd|th)?|[ap]\.?m\.?|"
                          r"(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?|at|on|time|[A-Za-z]+\.?", re.IGNORECASE)


_READ_TIME = re.compile(r"[\s|•·]*\d+[ -]min(?:ute)?s?\s+(?:read|listen)\s*$", re.IGNORECASE)


def _stamp_tokens(rest: str) -> bool:
    """Is ``rest`` only dates, clock times, weekdays and zone names ("4:52 PM GMT+1, June 14,
    2025", "Fri April 25, 2025")? The names come from the times lexicon."""
    rest = _READ_TIME.sub("", rest)
    if not _stamp_words(rest):
        # "Aug 6, 2025 - World", "Friday 14 March 2025 11:23, UK": a section or place label
        # after the stamp
        rest = re.sub(r"(?:,|\s[-–—|])\s*[A-Z][\w ]{0,15}$", "", rest)
    return _stamp_words(rest)


def _stamp_words(rest: str) -> bool:
    toks = [t for t in re.split(r"[\s,|•·]+|\s[-–—:]\s", rest) if t and t not in "-–—:"]
    if not toks or not any(ch.isdigit() for ch in rest):
        return False
    mons, days, zones = months(), weekdays(), timezones()
    for t in toks:
        m = _STAMP_TOKEN.fullmatch(t)
        if not m:
            return False
        w = t.lower().rstrip(".")
        if w.isalpha() and w not in mons and w not in days and w not in zones \
                and w not in ("at", "on", "time", "am", "pm", "a.m", "p.m", "update", "updated",
                              "published", "modified") \
                and not re.fullmatch(r"[ap]\.?m", w):
            return False
    return True




def is_timestamp(s: str) -> bool:
    s = s.strip()
    if len(s) > 80:
        return False
    if _TIMESTAMP.match(s):
        return True
    lead = _STAMP_LEAD.match(s)
    return _stamp_tokens(s[lead.end():] if lead else s)


def is_clock_stamp(s: str) -> bool:
    """A live-blog post stamp: a clock time first ("14:05 GMT", "10.42am")."""
    return is_timestamp(s) and bool(re.match(r"\d{1,2}[:.]\d{2}", s.strip()))


def byline_names(s: str) -> list[str] | None:
    """Author names if ``s`` is a byline or author bio line, else None."""
    s = s.strip()
    m = _BYLINE.match(s)
    if m and len(s) <= 160 and _DESK.match(m.group("names").strip(" .")) \
            and not re.search(r"\s(?:and|&)\s", m.group("names")):
        return []  # "Text by: NEWS WIRES": a byline, but no author to name
    if m and len(s) <= 160:
        names = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s+with\s+|\s*&\s*|\s*\|\s*", m.group("names"))
        # "By Noa Levin and ToI Staff": the desk is credited too, but only people are named
        names = [n for n in names if not _DESK.match(n.strip(" ."))] or names
        out = []
        for n in names:
            # "Sara Mansour in Beirut", "Jane Roe — Kyiv"; a hyphen inside a name ("Min-ji") stays.
            n = re.split(r"\s+(?:in|for|at)\s+|\s*[—–]\s*|\s+-\s+", n.strip())[0].strip(" .")
            n = _strip_outlet(n)
            if n and n[:1].isupper() and 1 <= len(n.split()) <= 4 and not _is_outlet(n) \
                    and not is_account_furniture(n):
                out.append(n)
        if not out and all(_is_outlet(n.strip(" .")) or is_account_furniture(n)
                           for n in names if n.strip()):
            return []  # "By Reuters": a byline, credited to an outlet
        return out or None
    m = _BIO.match(s)
    if m and len(s) <= 300:
        return [m.group("name")]
    return None


# A company, publisher or web address, not a person: legal forms ("GmbH", "e.V.", "Inc"),
# publishing words ("Verlag", "Media"), domains.
_ORGANISATION = re.compile(r"(?:\b(?:GmbH|AG|e\.? ?V|Verlag|Verlagsgruppe|Stiftung|Inc|Ltd|LLC|"
                           r"Media|Média|Online|Institut|Agentur)\b\.?|\bwww\b|"
                           r"\.(?:de|com|org|net)\b)", re.IGNORECASE)


def is_person_name(s: str) -> bool:
    """Could ``s`` (an author from page metadata) be a person? Not an outlet ("Reuters",
    "Channel Nine News"), a desk ("Live Team", "Web Desk"), an organisation ("Example Verlag
    GmbH") or account furniture ("Username")."""
    s = s.strip(" .")
    return bool(s) and not (_is_outlet(s) or _DESK.match(s) or is_account_furniture(s)
                            or _OUTLET_SHAPE.fullmatch(s) or _ORGANISATION.search(s))


def _is_outlet(s: str) -> bool:
    return bool(media_re().fullmatch(s.strip()))


def _strip_outlet(name: str) -> str:
    """"PETER KANE Associated Press" → "PETER KANE": an outlet written after the last author."""
    for m in media_re().finditer(name):
        if m.end() == len(name) and m.start() > 0:
            return name[:m.start()].rstrip(" ,")
    return name


_NAME_SHAPE = re.compile(r"^(?:[A-Z][\w’'.-]+\s+){1,3}[A-Z][\w’'-]+$")


_ROLE = re.compile(r"^[A-Z][\w ,&'’-]{0,40}\b(?:correspondent|reporter|editor|writer|journalist|"
                   r"producer|analyst|columnist|contributor|presenter|chief)\b[^.]{0,40}$",
                   re.IGNORECASE)


def role_line(s: str) -> bool:
    """A byline's second line giving the author's job: "Middle East correspondent @handle"."""
    return len(s.strip()) <= 80 and bool(_ROLE.match(s.strip()))


# An outlet the lexicon does not know, by the word its name ends in ("Channel Nine News").
_OUTLET_SHAPE = re.compile(r"^(?:The )?(?:[A-Z][\w&'’.-]*\s+){0,4}(?:News|Times|Post|Herald|Journal|"
                           r"Tribune|Radio|TV|Television|Press|Agency|Network|Gazette|Telegraph|"
                           r"Observer|Wire|Monitor|Ledger|Standard|Chronicle|Courier|Daily)"
                           r"(?=,|$)")


def outlet_line(s: str) -> bool:
    """A byline's second line naming the outlet and place: "BBC News, Jerusalem"."""
    s = s.strip()
    m = media_re().match(s) or _OUTLET_SHAPE.match(s)
    return bool(m) and len(s) <= 60 and (m.end() == len(s) or s[m.end()] == ",")


# "Lucy HarmonBBC News, Jerusalem": a name and the outlet line under it, glued by a scraper that
# dropped the line break between two spans.
_GLUED_NAME = re.compile(r"^((?:[A-Z][a-z’'-]+\s+){1,2}[A-Z][a-z’'-]*[a-z])(?=[A-Z])(.+)$")


def glued_byline(s: str) -> str | None:
    """The name of a name glued to its outlet line, or None."""
    m = _GLUED_NAME.match(s.strip())
    if m and outlet_line(m.group(2)) and not _is_outlet(m.group(1)):
        return m.group(1)
    return None


def name_line(s: str) -> bool:
    """A line that is just a person's name ("Lucy Harmon"), as bylines without "By" are."""
    s = s.strip()
    return bool(_NAME_SHAPE.match(s)) and not _is_outlet(s) and len(s) <= 40 \
        and not _DESK.match(s)


def looks_like_body(s: str) -> bool:
    """A sentence-like paragraph: ends in sentence punctuation and has some words."""
    s = s.strip()
    return _words(s) >= 6 and s.endswith(_TERMINAL) and not is_caption(s)


def _contiguous(text: str, a: Unit, b: Unit) -> bool:
    """Are units ``a`` and ``b`` on consecutive lines (no blank line between)?"""
    gap = text[a.end:b.start].replace("\r", "")
    return gap.count("\n") == 1 and not gap.strip()


def _stamped_segments(s: str) -> list[str] | None:
    """For a line of " / " or " | " separated parts, one a time stamp and the others short
    labels ("TOI World Desk / TIMESOFINDIA.COM / Updated: Jun 18, 2025"): the labels that name
    a desk or people (a byline), else []. None when the line is not such a line."""
    parts = [p.strip() for p in re.split(r"\s*\|\s*|\s+[/•—–]\s+", s.strip()) if p.strip()]
    if len(parts) < 2 or not any(is_timestamp(p) for p in parts):
        return None
    labels = [p for p in parts if not is_timestamp(p)]
    if any(_words(p) > 5 or p.endswith(_TERMINAL) for p in labels):
        return None
    return [p for p in labels if (_DESK.match(p) or name_line(p)) and not is_boilerplate(p)]


def _short_label(s: str) -> bool:
    return _words(s) <= 3 and len(s) <= 30 and not s.endswith(_TERMINAL)


def _restates(head: str, line: str) -> bool:
    """Does ``line`` repeat ``head`` ("Letters to the Editor: <the headline>")? Then it is the
    headline again, not a dek."""
    def norm(x: str) -> str:
        return " ".join(_WORD.findall(x.lower().replace("’", "'")))
    h = norm(head)
    return bool(h) and h in norm(line)


def _drop_kickers(text: str, us: list[Unit], kinds: list[str]) -> None:
    """Section labels above the headline are page furniture: a breadcrumb ("Home / World /
    Middle East" on consecutive lines) or a kicker ("Ukraine war" right above the title)."""
    for i in range(1, len(us) - 1):
        # "Share / AA / + / Text Size": a label inside a strip of furniture lines is furniture
        if kinds[i] == "head" and _short_label(us[i].text) and kinds[i - 1] == "boilerplate" \
                and kinds[i + 1] == "boilerplate" and _contiguous(text, us[i - 1], us[i]) \
                and _contiguous(text, us[i], us[i + 1]):
            kinds[i] = "boilerplate"
    i = 0
    while i < len(us):
        if kinds[i] != "head" or not _short_label(us[i].text):
            i += 1
            continue
        j = i
        while j + 1 < len(us) and kinds[j + 1] == "head" and _short_label(us[j + 1].text) \
                and _contiguous(text, us[j], us[j + 1]):
            j += 1
        kicker = j + 1 < len(us) and kinds[j + 1] == "head" and _contiguous(text, us[j], us[j + 1])
        if j > i or kicker:
            for k in range(i, j + 1):
                kinds[k] = "boilerplate"
        i = j + 1


def _next_meta(text: str, us: list[Unit], i: int) -> Unit | None:
    """The unit on the next line after ``i``, stepping over up to two furniture lines ("Follow
    NAME on X") on consecutive lines; None at a blank line or the end."""
    j = i
    while j + 1 < len(us) and _contiguous(text, us[j], us[j + 1]):
        j += 1
        if not is_boilerplate(us[j].text) or j - i > 2:
            return us[j] if not is_boilerplate(us[j].text) else None
    return None


def _meta_follows(text: str, us: list[Unit], i: int) -> bool:
    """Is unit ``i`` followed (page furniture aside) by a byline or a time stamp? Then a
    sentence-like line under the headline is the dek, not the first paragraph."""
    for u in us[i + 1:i + 6]:
        if is_boilerplate(u.text) or is_caption(u.text):
            continue
        return bool(byline_names(u.text) is not None or is_timestamp(u.text)
                    or name_line(u.text) or _NAMES_LINE.match(u.text.strip()))
    return False


def layout(text: str) -> tuple[list[Block], str | None, list[str]]:
    """Blocks for ``text``, with the title and byline names they reveal."""
    us = units(text)
    kinds: list[str] = [""] * len(us)
    byline: list[str] = []
    body_started = False
    credit_seen = False
    in_list = False  # on the lines right under a link-list header ("Related", "Key events")
    promo = False  # ... and the header is a promotion's ("Note from the author:")
    for i, u in enumerate(us):
        s = u.text
        joined = i > 0 and _contiguous(text, us[i - 1], u)
        in_list = in_list and joined
        if in_list and (len(s) <= 150 and not (s.endswith(_TERMINAL) and _words(s) >= 15)
                        or promo and len(s) <= 400):
            kinds[i] = "boilerplate"  # a link under a list header, or a promotion's pitch
        elif is_boilerplate(s):
            kinds[i] = "boilerplate"
            in_list = bool(_LIST_HEAD.match(s.strip()))
            promo = bool(_PROMO_HEAD.match(s.strip()))
        elif not body_started and kinds[i - 1:i] == ["byline"] and joined \
                and re.match(r"(?:Reporting|Reported) from [A-Z]", s):
            kinds[i] = "byline"  # "Reporting from Jerusalem and Cairo" under the names
        elif is_credit(s):
            kinds[i] = "credit"
            credit_seen = True
        elif is_caption(s) or (_IMAGE_LABEL.match(s.strip()) and i + 1 < len(us)
                               and _contiguous(text, u, us[i + 1]) and is_caption(us[i + 1].text)):
            kinds[i] = "caption"  # "Image:" over the caption it labels is part of it
        elif not body_started and _CITY_LINE.match(s.strip()) and i + 1 < len(us) \
                and looks_like_body(us[i + 1].text):
            kinds[i] = "dateline"  # "ANKARA" on its own line above the first paragraph
        elif not body_started and (segs := _stamped_segments(s)) is not None:
            kinds[i] = "byline" if segs else "dateline"  # "TOI Desk / SITE.COM / Updated: ..."
            byline.extend(p for p in segs if name_line(p) and p not in byline)
        elif body_started and byline and (m := _BIO.match(s)) and m.group("name") in byline:
            kinds[i] = "byline"  # the author's bio after the story
        elif is_timestamp(s):
            kinds[i] = "dateline"
            if is_clock_stamp(s) and (body_started or any(k in ("title", "head", "byline")
                                                          for k in kinds[:i])):
                body_started = True  # a live-blog post starts: its heading is body, not a title
        elif not body_started and (glued := glued_byline(s)) is not None:
            kinds[i] = "byline"
            if glued not in byline:
                byline.append(glued)
        elif not body_started and (names := byline_names(s)) is not None:
            kinds[i] = "byline"
            byline.extend(n for n in names if n not in byline)
        elif not body_started and (name_line(s) or _NAMES_LINE.match(s.strip())) \
                and (nx := _next_meta(text, us, i)) is not None \
                and (outlet_line(nx.text) or is_timestamp(nx.text) or role_line(nx.text)):
            # "Lucy Harmon" over "BBC News, Jerusalem"; "Anna Korolenko in Kyiv and Peter Mills"
            # over the time stamp
            kinds[i] = "byline"
            byline.extend(n for n in (byline_names("By " + s.strip()) or []) if n not in byline)
        elif kinds[i - 1:i] == ["byline"] and not body_started and joined \
                and (outlet_line(s) or role_line(s)):
            kinds[i] = "byline"
        elif credit_seen and len(s) <= 80 and not s.endswith(_TERMINAL):
            kinds[i] = "boilerplate"  # trailing page furniture after the credit line
        elif body_started or len(s) > _MAX_HEAD:
            kinds[i] = "body"
            body_started = True
        elif looks_like_body(s) and not ("head" in kinds[:i] and "byline" not in kinds[:i]
                                         and "dateline" not in kinds[:i]
                                         and _meta_follows(text, us, i)):
            kinds[i] = "body"
            body_started = True
        else:
            kinds[i] = "head"  # decided below: title or dek
    _drop_kickers(text, us, kinds)
    heads = [i for i, k in enumerate(kinds) if k == "head"]
    title: str | None = None
    if heads:
        last = heads[-1]
        u = us[last]
        prev = us[heads[-2]].text if len(heads) >= 2 else ""
        # A dek is a sentence-long summary: long, or in two clauses, or a full sentence, or
        # (unpunctuated, as many outlets print it) longer than the headline above it.
        dek_like = len(heads) >= 2 and (len(u.text) > 110 or "; " in u.text
                                        or u.text.rstrip().endswith(".")
                                        or (_words(u.text) >= 10 and len(u.text) > len(prev)
                                            and not _restates(prev, u.text)))
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
        if len(key) >= 20 and key in first_seen and (blocks[first_seen[key]].kind != "boilerplate"
                                                      or k == "boilerplate"):
            dup = first_seen[key]
            k = blocks[dup].kind
        elif len(key) >= 20:
            first_seen[key] = len(blocks)
        blocks.append(Block(k, u.start, u.end, dup))
    return blocks, title, byline


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
                iso = _mk(m.group(3), months().get(m.group(1).lower()), m.group(2))
            elif order == "dmy":
                iso = _mk(m.group(3), months().get(m.group(2).lower()), m.group(1))
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
            prefix = dateline_prefix(seg)
            if prefix:
                d = find_date(prefix)
                if d:
                    return d
            break  # only the first body paragraph can carry the dateline
    return None
