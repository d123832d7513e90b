"""Live-blog and transcript furniture: words around the reporting that nobody says.

A live page's headline prefix ("Russia-Ukraine war live: …"), its running headings ("What we know
on day 472 of the invasion"), the host's greetings and sign-offs ("Welcome back to our live
coverage … I'm Yang Tian") and bare timestamps ("10.05 BST") are never inside a quote and never a
speaker. :func:`trim` cuts them off a quote's content; :func:`is_furniture` tells a line.
"""

from __future__ import annotations

import re

# "Russia-Ukraine war live: …", "Israel-Gaza war live updates: …", "Live: …"
_LIVE_PREFIX = re.compile(r"(?:[^:\n]{0,60}?\b)?[Ll]ive(?: updates| blog| coverage)?\s*:\s+")
_HEADING = (r"(?:What we know (?:on|so far|about)\b[^\n]*"
            r"|(?:Welcome (?:back )?to|Hello and welcome|Good (?:morning|afternoon|evening)\b|"
            r"Thanks? (?:you )?for (?:joining|following|reading)|That'?s all (?:from|for)\b|"
            r"(?:We'?re|We are) (?:pausing|ending|closing) (?:our|this)\b)[^\n]*"
            r"|I'?m [A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}(?:,[^\n]{0,60})?\.?)")
_STAMP = r"\d{1,2}[.:]\d{2}(?:\s*(?:[ap]\.?m\.?|BST|GMT|CET|CEST|EET|EEST|ET|EST|EDT|PT|UTC))?"
_FURNITURE_LINE = re.compile(rf"^\s*(?:{_HEADING}|{_STAMP})\s*$")
# Furniture starting a line (a timestamp only as the whole line), or a greeting running on after
# a heading in the same line.
_FURNITURE_START = re.compile(rf"(?:^|\n)[ \t]*(?:{_HEADING}|{_STAMP}(?=[ \t]*(?:\n|$)))"
                              r"|\bWelcome back to\b")


def is_furniture(line: str) -> bool:
    """A whole line that is a live-page heading, greeting, sign-off or timestamp."""
    return bool(_FURNITURE_LINE.match(line))


def trim(text: str, start: int, end: int, head: bool = False) -> tuple[int, int]:
    """``[start, end)`` without furniture: a "… live:" prefix at its start (in a headline,
    ``head``), and everything from the first furniture line inside it. ``start == end`` when
    nothing is left."""
    if head:
        m = _LIVE_PREFIX.match(text, start, end)
        if m is not None:
            start = m.end()
    if _FURNITURE_START.match("\n" + text[start:min(end, start + 200)]):
        return start, start  # the content is furniture itself
    m = _FURNITURE_START.search(text, start, end)
    if m is not None:
        cut = m.start()
        while cut > start and text[cut - 1] in " \t\n\r,;:-–—":
            cut -= 1
        end = max(start, cut)
    return start, end
