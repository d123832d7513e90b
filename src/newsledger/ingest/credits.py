"""Credit lines: photo credits in captions and wire agencies in datelines.

Layout (``ingest.text``) uses them to tell captions and datelines from body text; the sources
extractor uses them to find the credit's exact offsets. One grammar, read by both.
"""

from __future__ import annotations

import re

from ..lexicons import media_re

_WORD = re.compile(r"\w+(?:[’'-]\w+)*")


def _words(s: str) -> int:
    return len(_WORD.findall(s))


_CAPTION_END = re.compile(r"[.!?”\"’)]\s*\(([^()]{2,80})\)\s*$")
_CAPTION_UNPUNCT = re.compile(r"[\w’'\"”]\s+\(([^()]{2,80})\)\s*$")
_CAPTION_CREDITY = re.compile(
    r"\(\s*(?:[^()]*(?:/|Photo|Getty|Images|AFP|Reuters|AP|Flash90|Pool|Handout|"
    r"Forces|Office|Spokesperson|Unit|Press|via|courtesy|Courtesy|EPA|Anadolu|Xinhua|"
    r"Sputnik|TASS|Shutterstock|screenshot|Screenshot|Telegram|X|Twitter|Facebook))[^()]*\)\s*$")
# A caption ending in a bare slash credit, no brackets ("... in Seoul. Name/AFP/Getty Images").
_CAPTION_LABELLED = re.compile(
    r"[.!?”\"’)]\s+(?:Photograph|Photo|Picture|Pic|Image|Credit|Illustration)s?:\s*(?P<credit>[^.]{2,80}?)\s*$"
    r"|[.!?”\"’)]\s*Credit(?:\.\.\.|…)\s*(?P<credit3>[^.]{2,80}?)\s*$"
    r"|[.!?”\"’)]\s*©\s*(?P<credit2>[^.]{2,80}?)\s*$")
_CAPTION_BARE = re.compile(
    r"[.!?”\"’]\s+(?P<credit>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s*/\s*[A-Z][\w.'’-]*(?:\s+(?:via\s+)?[A-Z][\w.'’-]*){0,3})+)\s*$")
# BBC-style pairs: "Image source, Getty Images" then "Image caption, Relatives rallied ...".
_IMAGE_LINE = re.compile(r"^(?:Image|Photo|Picture|Video) (?:source|caption|credit),\s*\S",
                         re.IGNORECASE)
# A line that is only a credit: "Illustration: Name/Axios", "Photo: Reuters".
_CREDIT_ONLY = re.compile(r"^(?:Illustration|Photograph|Photo|Picture|Image|Pic)s?:\s*"
                          r"(?P<credit>[A-Z][^.]{1,80}?)\s*$")
_CAPTION_START = re.compile(r"^(?:File(?: photo)?|Photo|Image|Caption|Pictured|Illustrative|"
                            r"Above|Top|Left|Right|In this (?:photo|image|file photo))\s*[:,—–-]",
                            re.IGNORECASE)
_DATELINE_PREFIX = re.compile(
    r"^[A-Z][A-Z .,'’-]{2,40}(?:,\s*[A-Z][a-z]+\.?(?:\s+\d{1,2})?(?:,\s*\d{4})?)?\s*"
    r"(?:\((?P<wire>AP|Reuters|AFP|dpa|UPI|TASS|Xinhua|Bloomberg|ANSA|EFE|[A-Z][\w ]{1,30})\)\s*)?[—–-]")
# "Seoul, South Korea (CNN) —": a place in title case is a dateline only with a known outlet in
# the brackets (a bare "Name (Party) —" is not one).
_DATELINE_MIXED = re.compile(
    r"^[A-Z][\w.'’-]*(?:,?\s+[A-Z][\w.'’-]*){0,4}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2}(?:,\s*\d{4})?)?"
    r"(?:\s*\([A-Z][^()]{1,40}\))?"  # "Gaza City (Palestinian Territories) (AFP) –"
    r"\s*\((?P<wire>[^()]{2,40})\)\s*[—–-]")
# "MOSCOW, May 3. /TASS/.": the wire between slashes after the city and date.
_DATELINE_SLASH = re.compile(r"^[A-Z][A-Z .'’-]{2,40},\s*[A-Z][a-z]+\.?\s+\d{1,2}\.?\s*"
                             r"/(?P<wire>[A-Z][\w -]{1,20}?)/\.?")


def dateline_prefix(paragraph: str) -> str | None:
    """The dateline opening a paragraph ("JERUSALEM, May 10, 2024 (Reuters) —"), or None."""
    m = _DATELINE_PREFIX.match(paragraph)
    return m.group(0) if m else None


def dateline_wire(paragraph: str) -> tuple[int, int] | None:
    """Offsets of the wire agency in a dateline opening a paragraph ("GAZA CITY (AP) —",
    "KYIV, March 3 (Reuters) -", "Seoul, South Korea (CNN) —")."""
    m = _DATELINE_PREFIX.match(paragraph)
    if m and m.group("wire"):
        return m.start("wire"), m.end("wire")
    m = _DATELINE_SLASH.match(paragraph)
    if m:
        return m.start("wire"), m.end("wire")
    m = _DATELINE_MIXED.match(paragraph)
    if m and media_re().fullmatch(m.group("wire")):
        return m.start("wire"), m.end("wire")
    return None


def is_caption(s: str) -> bool:
    s = s.strip()
    if len(s) > 600:
        return False
    if _CAPTION_END.search(s) and _CAPTION_CREDITY.search(s):
        return True
    # "Trucks wait at the crossing on 10 March 2025 (AFP)": many outlets print captions without
    # a full stop; the bracket must then hold a credit (a slash, a photo word or an outlet).
    m = _CAPTION_UNPUNCT.search(s)
    if m and _words(s) >= 6 and (_CAPTION_CREDITY.search(s) or media_re().fullmatch(m.group(1))):
        return True
    if _IMAGE_LINE.match(s) or _CREDIT_ONLY.match(s) or (
            (_CAPTION_BARE.search(s) or _CAPTION_LABELLED.search(s)) and len(s) >= 40):
        return True
    return bool(_CAPTION_START.match(s)) and bool(re.search(r"\([^()]{2,80}\)\s*$", s))


def caption_credit(line: str) -> tuple[int, int] | None:
    """Offsets in ``line`` of a caption's photo credit: "(AP Photo/Name)", a bare trailing
    "Name/AFP/Getty Images", or the value of an "Image source, Getty Images" line."""
    m = re.match(r"^(?:Image|Photo|Picture|Video) (?:source|credit),\s*(.+?)\s*$", line,
                 re.IGNORECASE)
    if m:
        return m.start(1), m.end(1)
    m = re.search(r"\(([^()]{2,80})\)\s*$", line)
    if m:
        return m.start(1), m.end(1)
    m = _CREDIT_ONLY.match(line)
    if m:
        return m.start("credit"), m.end("credit")
    m = _CAPTION_LABELLED.search(line)
    if m:
        g = next(k for k in ("credit", "credit2", "credit3") if m.group(k))
        return m.start(g), m.end(g)
    m = _CAPTION_BARE.search(line)
    if m:
        return m.start("credit"), m.end("credit")
    m = re.search(r"(?:Photo|Image|Picture|Credit)s?:\s*(.+?)\s*$", line)
    if m:
        return m.start(1), m.end(1)
    return None
