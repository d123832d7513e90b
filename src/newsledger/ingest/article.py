"""The Article: one input document after ingest, before any NLP."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..record import Block, ErrorEntry


def is_skip_block(b: Block) -> bool:
    """The skip rule: boilerplate and repeated captions are read by no extractor."""
    return b.kind == "boilerplate" or b.duplicate_of is not None


@dataclass
class Article:
    """Text plus what is known about it. ``text`` is kept exactly as given (offsets index it)."""

    id: str
    text: str
    published: str | None = None
    title: str | None = None
    byline: list[str] = field(default_factory=list)
    outlet: str | None = None
    url: str | None = None
    blocks: list[Block] = field(default_factory=list)
    # Where `published` came from: "given", "html", "dateline" or None; kept for error messages.
    published_from: str | None = None
    notes: list[str] = field(default_factory=list)
    # ISO 639-1 code of the readable text ("en", "ru", …; ``ingest.language``), or None when the
    # text is too short or unclear to tell; None is read as English.
    language: str | None = None
    # What was wrong with the input but did not stop it (cleaned characters, a malformed
    # optional field): copied into the record's ``errors``.
    warnings: list[ErrorEntry] = field(default_factory=list)

    def skip_ranges(self) -> list[tuple[int, int]]:
        """Character ranges no extractor should read: boilerplate and repeated captions."""
        return [(b.start, b.end) for b in self.blocks if is_skip_block(b)]

    def block_at(self, offset: int) -> Block | None:
        """The layout block containing ``offset``, if any."""
        for b in self.blocks:
            if b.start <= offset < b.end:
                return b
        return None

    def is_skipped(self, start: int, end: int | None = None) -> bool:
        """True when ``[start, end)`` overlaps boilerplate or a repeated caption (a linear scan;
        the extractors ask the indexed ``extract.document.Document.is_skipped`` instead)."""
        end = start + 1 if end is None else end
        return any(s < end and start < e for s, e in self.skip_ranges())
