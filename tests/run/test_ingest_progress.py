"""The ingest progress bar counts what it advances: its total is the number of advances."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from newsledger.ingest.article import Article
from newsledger.ingest.batch import BadLine
from newsledger.ledger import Ledger
from newsledger.record import Record
from newsledger.run.ingest import count_items, ingest_paths

from tests.cli.test_ledger_cli import write_records


def _fake_extract(items: Iterable[Article | BadLine]) -> Iterator[Record]:
    for it in items:
        if isinstance(it, BadLine):
            yield Record.from_error(it.id, "ingest", it.message, it.line)
        else:
            yield Record(id=it.id, text=it.text, published=it.published)


def test_total_equals_advances(tmp_path: Path) -> None:
    batch = tmp_path / "b.jsonl"
    batch.write_text('{"id": "a", "text": "One."}\n\n{nope\n{"id": "b", "text": "Two."}\n  \n',
                     encoding="utf-8")
    records = write_records(tmp_path / "r.jsonl")
    records.write_text(records.read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    single = tmp_path / "c.txt"
    single.write_text("Three.\n", encoding="utf-8")
    paths = [str(batch), str(records), str(single)]
    total = sum(count_items(p) for p in paths)
    for run in range(2):  # the second time, stored articles are skipped (and still counted)
        advanced: list[int] = []
        with Ledger(tmp_path / "l.sqlite") as led:
            ingest_paths(led, paths, extract=_fake_extract, on_progress=advanced.append)
        assert sum(advanced) == total, (run, sum(advanced), total)


def test_the_bar_never_shows_more_done_than_its_total(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsledger.cli import progress

    made: list[progress.Progress] = []

    class Recorded(progress.Progress):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(progress, "Progress", Recorded)
    seen: list[tuple[float, float | None]] = []
    with progress.progress_bar("x", total=2) as advance:
        for _ in range(3):
            advance(1)
            task = made[0].tasks[0]
            seen.append((task.completed, task.total))
    assert all(total is not None and done <= total for done, total in seen), seen
    with progress.progress_bar("y", total=5) as advance:
        advance(2)
    task = made[1].tasks[0]
    assert (task.completed, task.total) == (2, 2)  # fewer than estimated: it ends full
