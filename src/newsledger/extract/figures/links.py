"""Links between the figures of one article, applied after each figure has been read on its own.

- A figure that goes on the previous figure's claim in the same sentence has its claimant
  ("put the death toll at four, with 144 injured, including 82 taken to hospitals").
- "At least 67,500 others have been injured …" right after "the ministry says 164 people were
  killed …": "others"/"more" continue the previous sentence's count, and its claim, when their own
  sentence attributes nothing.
- A bare number or a tally noun ("the figure of more than 1,200", "earlier reports saying it was
  'about 100'") counts what the figure it refers back to counts: the next figure when it is a part
  of it ("18 of 29 inbound missiles"), else the previous figure of its sentence, else the nearest
  earlier figure of (about) the same value.
- The outlet speaking of itself ("This post wrongly reported …", in a correction note) is no
  claimant: the figure is the outlet's own; nor is a mention with no noun in it ("blocking").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from ...record import Figure, Speaker
from .counting import Counted
from ... import lexicons

Found = list[tuple[Figure, Counted, tuple[int, int]]]

_GOES_ON = re.compile(r"^[^.;!?\n]{0,80}$")
_CONTINUES = re.compile(r"(?:,[ \t]*with|\band|\bincluding|\bof whom|\bamong|\bplus)\b",
                        re.IGNORECASE)
# A new attribution or a contrast between two figures: the second is not the first's claim.
_NEW_CLAIM = re.compile(r"\b(?:said|says|say|saying|according|told|tells|reported|reports|claimed|"
                        r"claims|added|estimated|but|while|whereas|although|however|though)\b",
                        re.IGNORECASE)
_ATTRIBUTION = re.compile(r"\b(?:said|says|say|according to|told|tells|reported|reports|claimed|"
                          r"claims|estimated|estimates|announced|confirmed)\b", re.IGNORECASE)
_CONTINUING_NOUNS = frozenset({"others", "more"})
_LOOK_BACK = 40  # figures: a restatement is near what it restates (and the pass stays linear)
_TALLY_NOUNS = lexicons.word_set("tally_nouns")
# "This post", "an earlier version of this article"; not "the post", which is as often someone
# else's ("a post on X … The post said").
_SELF = re.compile(r"^(?:(?:this|our)[ \t]+|(?:an|the)[ \t]+(?:earlier|previous|original)[ \t]+"
                   r"version[ \t]+of[ \t]+(?:this|our)[ \t]+)"
                   r"(?:post|article|story|report|page|piece|live[ \t]+page|blog)$", re.IGNORECASE)


def self_reference(claimant: Speaker | None) -> bool:
    """Whether the claimant is the outlet itself ("This post", "an earlier version of this
    article")."""
    return claimant is not None and claimant.mention is not None \
        and bool(_SELF.match(claimant.mention.text.strip()))


def not_a_speaker(doc: Doc, claimant: Speaker | None) -> bool:
    """A claimant mention with no noun or pronoun in it ("blocking", picked as the subject of "has
    warned" by a misparse) names no one."""
    if claimant is None or claimant.mention is None:
        return False
    span = doc.char_span(claimant.mention.start, claimant.mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and not any(
        t.pos_ in ("NOUN", "PROPN", "PRON", "X") for t in span)


def share_claimants(text: str, found: Found) -> None:
    for k in range(1, len(found)):
        fig, c, sent = found[k]
        prev, _, prev_sent = found[k - 1]
        if fig.claimant is not None or prev.claimant is None:
            continue
        if prev_sent == sent:
            between = text[prev.span.end:fig.span.start]
            if _GOES_ON.match(between) and _CONTINUES.search(between) \
                    and not _NEW_CLAIM.search(between):
                fig.claimant = prev.claimant
        elif c.noun is not None and c.noun.lower_ in _CONTINUING_NOUNS \
                and not _ATTRIBUTION.search(text[sent[0]:sent[1]]) \
                and not text[prev_sent[1]:sent[0]].count("\n\n"):
            fig.claimant = prev.claimant


def _bare(fig: Figure, c: Counted) -> bool:
    """A figure that names nothing it counts: a bare number or a tally noun."""
    if fig.metric != "other" or fig.unit is not None:
        return False
    noun = c.noun
    return noun is None or noun.like_num or noun.lemma_.lower() in _TALLY_NOUNS \
        or noun.pos_ == "NUM"


def refer_back(text: str, found: Found) -> None:
    for k, (fig, c, sent) in enumerate(found):
        if not _bare(fig, c):
            continue
        other: Figure | None = None
        nxt = found[k + 1][0] if k + 1 < len(found) else None
        if nxt is not None and nxt.metric != "other" \
                and re.fullmatch(r"[ \t]+of[ \t]+", text[fig.span.end:nxt.span.start]):
            other = nxt  # "18 of 29 inbound missiles": a part of the next count
        elif k > 0 and found[k - 1][2] == sent and found[k - 1][0].metric != "other":
            other = found[k - 1][0]
        elif fig.value is not None:
            earlier = [p for p, _, _ in reversed(found[max(0, k - _LOOK_BACK):k])
                       if p.metric != "other" and p.value and p.unit is None]
            value = fig.value
            other = next((p for p in earlier if p.value == value), None) or next(
                (p for p in earlier if abs((p.value or 0) - value) <= 0.1 * value), None)
        if other is None:
            continue
        fig.metric = other.metric
        fig.counts = other.counts
