"""The figures extractor's per-figure lookups: indexed (same answers as the scans they replace)
and linear in the article, measured by counting the candidates the lookups examine (never time)."""

from __future__ import annotations

import gzip
import json
import random
import re
from types import SimpleNamespace
from typing import Any

import pytest

from tests.conftest import SHARED


def _collect(monkeypatch: pytest.MonkeyPatch) -> list[Any]:
    """Every Lookups and PlaceIndex the extractor makes from now on."""
    from newsledger.extract.figures import extractor, place

    made: list[Any] = []
    for cls in (extractor.Lookups, place.PlaceIndex):
        init = cls.__init__

        def wrapped(self: Any, state: Any, _init: Any = init) -> None:
            _init(self, state)
            made.append(self)

        monkeypatch.setattr(cls, "__init__", wrapped)
    return made


def _ops_per_char(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[float, int]:
    from newsledger import extract

    with monkeypatch.context() as m:
        made = _collect(m)
        rec = extract(text, published="2024-01-10")
    assert made, "the figures extractor made no lookups"
    return sum(x.ops for x in made) / len(text), len(rec.figures)


def _number_list(n: int) -> str:
    return ("The ministry in Gaza said the counts were "
            + ", ".join(str(100 + 7 * i) for i in range(n))
            + " people killed in Gaza and Rafah since the war began, as of Monday.\n")


def test_lookups_stay_linear_in_a_long_list_of_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    """A comma list of numbers in one sentence: each figure's place, as-of, claimant and scope
    lookups look only near it, so lookups per character stay flat as the list grows 4x (a rescan
    of the sentence per figure would grow them 4x)."""
    small, n_small = _ops_per_char(monkeypatch, _number_list(150))
    large, n_large = _ops_per_char(monkeypatch, _number_list(600))
    assert n_large > 3 * n_small > 0  # the figures are found in both
    assert large / small < 2.0, (small, large)


def _prose(chars: int) -> str:
    path = SHARED / "data" / "npr_articles.jsonl.gz"
    if not path.is_file():
        pytest.skip("../shared/data is absent")
    parts: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            parts.append(json.loads(line)["text"].strip())
            if sum(map(len, parts)) > chars:
                break
    return "\n\n".join(parts)[:chars]


@pytest.mark.slow
def test_lookups_stay_linear_in_long_prose(monkeypatch: pytest.MonkeyPatch) -> None:
    """Real articles joined into one: lookups per character at 40 kB within 2x of 10 kB."""
    small, _ = _ops_per_char(monkeypatch, _prose(10_000))
    large, _ = _ops_per_char(monkeypatch, _prose(40_000))
    assert large / small < 2.0, (small, large)


def _state(text: str) -> Any:
    return SimpleNamespace(text=text, times=[], quotes=[])


def test_scope_has_answers_as_a_search_of_the_scope() -> None:
    """The anchor index and the shared-scope memo answer exactly as ``pattern.search(scope)``,
    at slice edges too (a word cut by the scope's start or end)."""
    from newsledger.extract.figures.extractor import _ANCHORS, Lookups

    rng = random.Random(7)
    pieces = ["so far", "to date", "in total", "death toll", "since the war began",
              "during the war", "in the past 24 hours", "last night", "overnight", "on Monday",
              "in a strike", "in air strikes on Jabalia camp", "killed in attacks in the town",
              "12,000", "people", "subtotal", "warden", "Yesterday", "todays", "in the weeks since",
              "SINCE October 7", "over the course of the offensive", "a day", "per day,"]
    text = " ".join(rng.choice(pieces) for _ in range(400))
    path = SHARED / "data" / "npr_articles.jsonl.gz"
    if path.is_file():
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            text += "\n" + "\n".join(json.loads(line)["text"] for _, line in zip(range(5), fh))
    for pattern in _ANCHORS:
        look = Lookups(_state(text))
        checked = hits = 0
        # Figures of a list share one end or one start; others are anywhere.
        hi = rng.randrange(len(text) // 2, len(text))
        lo = rng.randrange(0, len(text) // 2)
        spans = [(a, hi) for a in sorted(rng.sample(range(max(0, hi - 3000), hi), 300))]
        spans += [(lo, b) for b in sorted(rng.sample(range(lo + 1, min(len(text), lo + 3000)),
                                                      300))]
        for _ in range(600):
            a = rng.randrange(len(text))
            spans.append((a, min(len(text), a + rng.randrange(1, 400))))
        for a, b in spans:
            want = bool(pattern.search(text[a:b]))
            assert look.scope_has(pattern, text[a:b], a, b) == want, (pattern.pattern[:30], a, b)
            checked += 1
            hits += want
        assert 0 < hits < checked  # both answers were exercised


def test_in_idiom_and_time_overlap_answer_as_the_scans() -> None:
    from newsledger.extract.figures.extractor import Lookups, _idioms
    from newsledger.record import Span, TimeExpr

    text = "one by one, two or three times, on Monday 3 March and once or twice 40 of them " * 5
    times = [TimeExpr(Span.of(text, m.start(), m.end()), "DATE", "2024-03-03", None)
             for m in re.finditer(r"Monday 3 March", text)]
    look = Lookups(SimpleNamespace(text=text, times=times, quotes=[]))
    idioms = [(m.start(), m.end()) for m in _idioms().finditer(text)]
    for a in range(len(text) - 3):
        for b in (a + 1, a + 3):
            assert look.in_idiom(a, b) == any(s <= a and b <= e for s, e in idioms)
            assert look.time_spans.overlaps(a, b) == any(
                t.span.start < b and a < t.span.end for t in times)


class _Scanned:
    """A regex stand-in that counts the characters it is asked to search."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.chars = pattern, 0

    def search(self, string: str, *args: Any) -> Any:
        self.chars += len(string)
        return self.pattern.search(string, *args)


def _list_work(monkeypatch: pytest.MonkeyPatch, n: int) -> tuple[int, int, int, int]:
    """(figures, characters the one-event test searched, words the metric rules read,
    characters of the list sentence) for a comma list of ``n`` numbers."""
    from newsledger import extract
    from newsledger.extract.figures import counting, extractor

    one_event = _Scanned(extractor._ONE_EVENT)
    read = [0]
    classify_words = counting.classify_words

    def counting_words(lemmas: set[str], text: str, head: set[str] | None = None) -> str:
        read[0] += len(lemmas) + len(text.split()) + len(head or ())
        return classify_words(lemmas, text, head)

    text = _number_list(n)
    with monkeypatch.context() as m:
        m.setattr(extractor, "_ONE_EVENT", one_event)
        m.setattr(counting, "classify_words", counting_words)
        rec = extract(text, published="2024-01-10")
    return len(rec.figures), one_event.chars, read[0], len(text)


def test_list_work_is_linear_in_the_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    """Per-sentence tests run once per sentence, and the metric rules read each figure's own
    words: in a comma list 4x as long, the one-event test searches the sentence once (a search
    per figure would read it 4x as often as it grows), and the rules read about the same number
    of words per figure."""
    n_small, scan_small, read_small, chars_small = _list_work(monkeypatch, 150)
    n_large, scan_large, read_large, chars_large = _list_work(monkeypatch, 600)
    assert n_large > 3 * n_small > 0
    assert scan_small > 0  # the test ran (the sentence names no event before "killed")
    assert scan_large / chars_large < 2 * scan_small / chars_small, (scan_small, scan_large)
    assert scan_large <= 2 * chars_large  # about once over the sentence, not once per figure
    assert read_large / n_large < 2 * read_small / n_small, (read_small, read_large)
