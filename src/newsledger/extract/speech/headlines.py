"""Headline and dek attribution by a tail: "Talks to resume on Sunday, mediators say",
"Ukraine will not cede territory, says Zelensky", "Russia fired 40 missiles overnight - officials".

Headline grammar drops words the parser needs, so these forms are read from the block text: the
claim is everything before the tail, the speaker the short phrase in it. A tail phrase must name
or describe an agent (a named entity, or an agent noun such as "officials", "report"), hold no
verb ("…, says talks are back to square one" is no tail), and not be the site's own name.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..document import Paragraph
from .attribution import HEAD_BLOCKS, Found, strip
from .cues import _can_speak
from ...actors import is_media
from ..actors.nonnames import _non_speakers

_CUE = r"(?P<cue>says?|said|warns?|warned|claims?|claimed|insists?|insisted|reports?|reported|" \
       r"tells|told|confirms?|confirmed|denies|denied|believes?|fears?|admits?|admitted)"
# "…, says Zelensky" / "…: says UN chief"
_INVERTED = re.compile(rf"^(?P<rest>.+?)[,:]\s+{_CUE}\s+(?P<who>[^,:;]{{2,60}}?)[\s.!?]*$", re.DOTALL)
# "…, mediators say"
_NORMAL = re.compile(rf"^(?P<rest>.+?),\s+(?P<who>[^,:;]{{2,60}}?)\s+{_CUE}[\s.!?]*$", re.DOTALL)
# "… - officials" (a spaced dash: "pro-Russian" and "2023-24" are no tails)
_DASH = re.compile(r"^(?P<rest>.+?)\s+[-–—]\s+(?P<who>[^-–—,:;]{2,40}?)[\s.!?]*$", re.DOTALL)
_MAX_WHO_WORDS = 6
_NAMED = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _agent(span: SpacySpan, dash: bool) -> bool:
    """A short phrase without a verb that can speak (after a dash: a name or an agent noun,
    never a count, a date or the outlet's own name)."""
    if len(span) == 0 or len(span) > _MAX_WHO_WORDS:
        return False
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ != "VBN" for t in span):
        return False
    root = span.root
    if any(t.like_num or t.ent_type_ in ("DATE", "TIME", "CARDINAL") for t in span):
        return False
    if dash:
        if is_media(span.text):
            return False  # "… - BBC News" is the site's title suffix
        return root.ent_type_ in _NAMED or (_can_speak(root) and root.pos_ != "PROPN")
    # With a verb of saying in the tail, any noun phrase speaks ("mediators", "negotiators"),
    # except the heads that never do ("the map says").
    return _can_speak(root) or root.pos_ in ("NOUN", "PROPN") and \
        root.lemma_.lower() not in _non_speakers()


def tail_headlines(doc: Doc, text: str, paragraphs: Sequence[Paragraph]) -> list[Found]:
    """Reported-speech items for head blocks ending in an attribution tail."""
    out: list[Found] = []
    for pstart, pend, kind in paragraphs:
        if kind not in HEAD_BLOCKS:
            continue
        block = text[pstart:pend]
        for rx, dash in ((_INVERTED, False), (_NORMAL, False), (_DASH, True)):
            m = rx.match(block)
            if m is None:
                continue
            rest = m.group("rest")
            if len(rest.split()) < 3 or rest.lstrip()[:1] in "“\"‘'«„":
                continue
            s, e = pstart + m.start("who"), pstart + m.end("who")
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or not _agent(span, dash):
                continue
            c0, c1 = strip(text, pstart + m.start("rest"), pstart + m.end("rest"),
                           " \t\n.,:\u00a0")
            cue = (pstart + m.start("cue"), pstart + m.end("cue")) if not dash else None
            out.append(Found("indirect", c0, c1, subject=span, cue_span=cue))
            break
    return out
