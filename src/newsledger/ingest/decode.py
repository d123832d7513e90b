"""Bytes of a text or HTML file to text: UTF-8, with a few bad bytes replaced (and said where).

A file that is mostly UTF-8 with a stray byte or two (a Latin-1 quote mark pasted into it) is
still an article: the bad bytes become U+FFFD and the caller is told how many and where, so it
can warn. Re-encoding the whole file from Latin-1 would garble its correct UTF-8 parts. Spans are
offsets into the decoded text, which is the text a record carries.
"""

from __future__ import annotations

import codecs
import threading
from dataclasses import dataclass, field

from ..errors import InputError


@dataclass
class Decoded:
    """The decoded text, and the byte offsets of the bytes that were not UTF-8."""

    text: str
    bad_offsets: list[int] = field(default_factory=list)

    @property
    def replaced(self) -> int:
        return len(self.bad_offsets)

    def warning(self, name: str, shown: int = 5) -> str | None:
        """"'a.txt': 2 byte(s) not UTF-8 replaced with U+FFFD (at byte 10, 57)", or None."""
        if not self.bad_offsets:
            return None
        first = ", ".join(map(str, self.bad_offsets[:shown]))
        more = ", …" if len(self.bad_offsets) > shown else ""
        return (f"{name!r}: {self.replaced} byte(s) not UTF-8 replaced with U+FFFD (at byte "
                f"{first}{more}); pass --strict to refuse such files.")


def decode_text(data: bytes, name: str, strict: bool = False) -> Decoded:
    """UTF-8 text of ``data`` (a BOM is dropped). Bytes that are not UTF-8 become U+FFFD, with
    their offsets; ``strict``: raise InputError at the first one instead."""
    bom = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    data = data[bom:]
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        if strict:
            raise InputError(
                f"{name!r} is not valid UTF-8 (byte {exc.start + bom}). Fix the bytes there, or "
                "re-encode the file as UTF-8 from the encoding it was really written in (`file -i` "
                "tells); without --strict they are replaced and the file is read.") from None
    _seen.bad = []
    text = data.decode("utf-8", errors=_HANDLER)
    bad, _seen.bad = _seen.bad, []
    return Decoded(text, [b + bom for b in bad])


# One pass over the bytes: an error handler that replaces each bad byte with U+FFFD and notes its
# offset (per thread, so workers decoding at once do not mix their notes).
_seen = threading.local()
_HANDLER = "newsledger-replace-and-note"


def _replace_and_note(exc: UnicodeError) -> tuple[str, int]:
    assert isinstance(exc, UnicodeDecodeError)
    _seen.bad.extend(range(exc.start, exc.end))
    return "\ufffd" * (exc.end - exc.start), exc.end


codecs.register_error(_HANDLER, _replace_and_note)
