"""Transcript turns: "STEVE INSKEEP: We should just reset the map…" is a direct quote of the
labelled speaker, from after the label to the next label (or the end of the paragraph).

Broadcast transcripts (NPR, CNN) carry no quotation marks and no cue verbs, so the quote-mark and
cue-verb readers miss them. A label is an upper-case name of one to four words followed by a colon
and a capitalised word or a quote mark. A single-word label ("INSKEEP:") counts only when it is
part of a person name the article gives ("Steve Inskeep") or of an earlier two-word label, so that
"UPDATE: Russia says…" and "WCNSF: wounded child…" (acronym glosses) yield nothing.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from ...record import Speaker, Span
from ..document import Paragraph
from .attribution import Found
from ...actors import NameResolver

_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[\s.?!\"”:]))"
    r"((?:[A-Z][A-Z'’.\-]+ ){0,3}[A-Z][A-Z'’\-]{1,}):[ \t]+(?=[A-Z\"“])", re.M)
# Label-like words that introduce no speaker.
_NOT_NAMES = frozenset({"UPDATE", "BREAKING", "WATCH", "LIVE", "NOTE", "EXCLUSIVE", "READ",
                        "LISTEN", "VIDEO", "PHOTOS", "EDITOR'S NOTE", "EDITOR’S NOTE", "CORRECTION",
                        "UNIDENTIFIED PERSON", "Q", "A", "NPR", "BBC", "CNN", "AP", "UN", "US",
                        "UK", "EU", "NATO", "IDF", "WARNING", "ALERT", "AUDIO", "TRANSCRIPT"})
_MIN_TURN = 3  # characters of content: shorter turns are no quote


def _title(label: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in label.split())


def turns(text: str, paragraphs: Sequence[Paragraph], names: NameResolver,
          taken: list[tuple[int, int]]) -> list[Found]:
    """Direct quotes of transcript turns, skipping any whose content overlaps ``taken``."""
    labels: list[tuple[int, int, str]] = []  # label start, content start, speaker name
    known_multi: set[str] = set()
    for m in _LABEL.finditer(text):
        label = m.group(1).strip()
        if label in _NOT_NAMES or label.upper() != label:
            continue
        words = label.split()
        name = _title(label)
        if len(words) >= 2:
            known_multi.update(w for w in words)
            names.add_person(name)
        else:
            full = names.person(name)
            if label not in known_multi and (not full or full == name):
                continue
            name = _title(full) if full and full.isupper() else (full or name)
        labels.append((m.start(1), m.end(), name))
    if len(labels) < 2:
        return []  # one label is a gloss or a headline kicker, not a transcript
    out: list[Found] = []
    para_ends = sorted(e for _, e, _ in paragraphs)
    for n, (lab, start, name) in enumerate(labels):
        end = labels[n + 1][0] if n + 1 < len(labels) else len(text)
        k = bisect.bisect_right(para_ends, start)  # the paragraph the turn starts in
        pend = para_ends[k] if k < len(para_ends) else len(text)
        end = min(end, pend)
        while start < end and text[start] in "\"“":
            start += 1  # 'BABA: "It was…' — the content, not its opening mark
        while end > start and text[end - 1] in " \t\r\n\"“”":
            end -= 1
        if end - start < _MIN_TURN:
            continue
        if any(a < end and start < b for a, b in taken):
            continue
        label_end = lab + len(text[lab:start].split(":")[0])
        f = Found("direct", start, end, cue_span=(lab, label_end), inherit=True)
        f.speaker = Speaker(Span.of(text, lab, label_end), name)
        out.append(f)
    return out
