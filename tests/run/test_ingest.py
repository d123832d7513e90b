"""Ingest of article batches takes the raw-lines path: the parent skips stored lines from a cheap
look at each line, and only what is new reaches the extractor as raw bytes."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from pathlib import Path

from newsledger.ledger import Ledger
from newsledger.record import Record
from newsledger.run.ingest import ingest_paths, peek_line
from newsledger.run.local import Line, LineJob, Output


class FakeLines:
    """A line extractor without NLP that remembers which lines reached it."""

    def __init__(self) -> None:
        self.seen: list[int] = []

    def __call__(self, lines: Iterable[Line], job: LineJob) -> Iterator[Output]:
        for n, raw in lines:
            self.seen.append(n)
            item = job.article(n, raw)
            text = getattr(item, "text", None)
            if text is None:
                rec = Record.from_error(item.id, "ingest", item.message, n)  # type: ignore[union-attr]
            else:
                rec = Record(id=item.id, text=text, url=item.url,  # type: ignore[union-attr]
                             published=item.published)  # type: ignore[union-attr]
            assert isinstance(raw, bytes)  # raw bytes cross, not Articles
            yield Output(rec.to_json(), None)


def _batch(path: Path, rows: list[object], extra: str = "") -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + extra, encoding="utf-8")
    return path


def test_stored_lines_never_reach_the_extractor(tmp_path: Path) -> None:
    batch = _batch(tmp_path / "b.jsonl", [
        {"id": "a", "text": "First post."},
        {"text": "A post with no id."},
        {"id": "h", "html": "<html><body><article>" + "<p>An HTML post that has a body long "
         "enough to be read as an article, with a second sentence in it.</p>" * 4
         + "</article></body></html>"},
    ], extra="{not json\n")
    with Ledger(tmp_path / "l.sqlite") as led:
        first = FakeLines()
        s = ingest_paths(led, [batch], extract_lines=first)
        assert first.seen == [1, 2, 3, 4]
        assert (s.new, s.failed) == (3, 1)
        again = FakeLines()
        s = ingest_paths(led, [batch], extract_lines=again)
        # The text lines are skipped in the parent; the HTML line and the bad line need the
        # worker to know (the store then says the HTML post is unchanged).
        assert again.seen == [3, 4]
        assert (s.new, s.new_version, s.unchanged, s.failed) == (0, 0, 3, 1)


def test_a_changed_line_is_a_new_version(tmp_path: Path) -> None:
    with Ledger(tmp_path / "l.sqlite") as led:
        ingest_paths(led, [_batch(tmp_path / "1.jsonl", [{"id": "a", "text": "Toll at 30."}])],
                     extract_lines=FakeLines())
        fake = FakeLines()
        s = ingest_paths(led, [_batch(tmp_path / "2.jsonl", [{"id": "a", "text": "Toll at 31."}])],
                         extract_lines=fake)
        assert fake.seen == [1] and s.new_version == 1
        assert led.article("a")["ledger"]["version"] == 2


def test_peek_reads_id_text_and_url() -> None:
    assert peek_line(3, b'{"id": "x", "text": "Hi.", "url": "https://e.org/1"}') == (
        "x", "Hi.", "https://e.org/1")
    aid, text, url = peek_line(3, b'{"text": "Hi."}')  # type: ignore[misc]
    assert aid.startswith("sha1-") and url is None
    for bad in (b"{oops", b"[1, 2]", b'{"html": "<p>x</p>"}', b'{"text": "  "}', b"\xff\xfe"):
        assert peek_line(1, bad) is None


def test_the_default_path_extracts_for_real(tmp_path: Path) -> None:
    batch = _batch(tmp_path / "b.jsonl", [
        {"id": "p1", "published": "2024-03-01",
         "text": "The health ministry said 30 people were killed on Friday."},
    ], extra='{"id": "bad", "text": "\\ud800 cut emoji"}\n')
    with Ledger(tmp_path / "l.sqlite") as led:
        s = ingest_paths(led, [batch])
        assert (s.new, s.failed) == (2, 0)
        rec = led.article("p1")
        assert rec["figures"] and rec["figures"][0]["value"] == 30
        bad = led.article("bad")
        assert "\ufffd" in bad["text"] and bad["errors"]
