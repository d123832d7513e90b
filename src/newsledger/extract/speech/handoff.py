"""What the speech extractors hand on to later ones: quotes by position and a speaker resolver.

The quotes extractor leaves one :class:`Attributions` on ``state.speakers``. It is frozen: later
extractors look quotes up (:meth:`Attributions.quote_for`) and take a resolver of their own
(:meth:`Attributions.resolver`), a copy of the quotes extractor's as it stood when it finished, so
what one reader resolves (and remembers, for later pronouns) never changes what another sees.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ...record import Quote, Speaker
from .speakers import Speakers


@dataclass(frozen=True)
class Attributions:
    """The article's quotes (sorted by content start, longest first) and its speakers' memory."""

    quotes: tuple[Quote, ...]
    _speakers: Speakers = field(repr=False, compare=False)
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(q.content.start for q in self.quotes))

    @classmethod
    def of(cls, quotes: list[Quote], speakers: Speakers) -> Attributions:
        """Freeze what the quotes extractor found: a private copy of its resolver is kept."""
        ordered = sorted(quotes, key=lambda q: (q.content.start, -q.content.end))
        return cls(tuple(ordered), speakers.fork())

    def resolver(self) -> Speakers:
        """A speaker resolver for one later extractor's own use (a fresh copy each call)."""
        return self._speakers.fork()

    @property
    def steps(self) -> int:
        """Candidate antecedents the quotes extractor's resolver looked at (a cost measure)."""
        return self._speakers.steps

    def claimant_for(self, start: int, end: int) -> Speaker | None:
        """Speaker of the innermost quote whose content contains ``[start, end)``, or None."""
        best = self.quote_for(start, end)
        return best.speaker if best is not None else None

    def quote_for(self, start: int, end: int) -> Quote | None:
        """The innermost quote whose content contains ``[start, end)``, or None. An "according
        to X" placed after the span sources it even inside another speaker's words ("Harris
        said too many had died – around 15,000, according to the ministry")."""
        i = bisect.bisect_right(self._starts, start)
        best: Quote | None = None
        source: Quote | None = None
        # Walk back over quotes starting before `start`, but not past a few thousand characters
        # (no quote content is longer), so that many calls stay linear overall.
        for q in reversed(self.quotes[max(0, i - 50):i]):
            if q.content.start <= start and end <= q.content.end:
                if best is None or q.content.end - q.content.start < \
                        best.content.end - best.content.start:
                    best = q
                if q.kind == "according_to" and q.cue is not None and q.cue.start >= end and (
                        source is None or source.cue is None or q.cue.start < source.cue.start):
                    source = q
        if source is not None and best is not None and best.kind != "direct" and (
                best.cue is None or best.cue.start < start):
            return source
        return best
