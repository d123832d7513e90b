"""Transcript turns: "STEVE INSKEEP: We should just reset the map…" is a direct quote of the
labelled speaker, from after the label to the next label (or the end of the paragraph).

Broadcast transcripts (NPR, CNN) carry no quotation marks and no cue verbs, so the quote-mark and
cue-verb readers miss them. A label is an upper-case name of one to four words followed by a colon
and a capitalised word or a quote mark. A single-word label ("INSKEEP:") counts only when it is
part of a person name the article gives ("Steve Inskeep") or of an earlier two-word label, so that
"UPDATE: Russia says…" and "WCNSF: wounded child…" (acronym glosses) yield nothing.

Some outlets write labels in title case ("Etgar Keret: So I started…", later "Keret: …",
"Ari Shapiro [voiceover]: …"). Title case is also how headings and kickers look ("Note:",
"Read more:", "Zelensky: we will win"), so a title-case label counts only when it is a person the
article names (a full name of two or more words, or a surname of one), and only in three or more
turns by at least two different people.
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
# A title-case label: one to three capitalised words, an optional bracketed stage note.
_TITLE_LABEL = re.compile(
    r"(?:(?<=^)|(?<=[\s.?!\"”]))"
    r"((?:[A-Z][a-z'’\-]+ ){0,2}[A-Z][a-z'’\-]+)( \[[a-z ]+\])?:[ \t]+(?=[A-Z\"“])", re.M)
_MIN_TURN = 3  # characters of content: shorter turns are no quote


def _title(label: str) -> str:
    return " ".join(w[:1] + w[1:].lower() for w in label.split())


def _title_labels(text: str, names: NameResolver) -> list[tuple[int, int, str]]:
    """Title-case labels of people the article names, when two or more people take turns."""
    found: list[tuple[int, int, str]] = []
    for m in _TITLE_LABEL.finditer(text):
        label = m.group(1)
        if label.upper() in _NOT_NAMES:
            continue
        full = names.person(label)
        # Only a person the article itself names (not a guess from the public-figure list).
        if not full or full not in names.persons or len(full.split()) < 2:
            continue
        # "Ari Shapiro [voiceover]:" is the host narrating, reporting others' words: it ends
        # the turn before it and is no quote itself.
        found.append((m.start(1), m.end(), "" if m.group(2) else full))
    if len(found) < 3 or len({name for _, _, name in found}) < 2:
        return []
    return found


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
    labels = sorted(labels + _title_labels(text, names))
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
        if not name or end - start < _MIN_TURN:
            continue
        if any(a < end and start < b for a, b in taken):
            continue
        label_end = lab + len(text[lab:start].split(":")[0])
        f = Found("direct", start, end, cue_span=(lab, label_end), inherit=True)
        f.speaker = Speaker(Span.of(text, lab, label_end), name)
        out.append(f)
    return out
