"""Local runner (run/local.py), restartable batches (run/resume.py) and the batch CLI options."""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.errors import InputError
from newsledger.ingest import from_text
from newsledger.ingest.batch import BadLine
from newsledger.pipeline import run_articles
from newsledger.record import Record
from newsledger.run import records
from newsledger.run.local import CHUNK_CHARS, LineJob, balanced_chunks, chunks, in_order, json_lines
from newsledger.run.resume import choose_workers, count_lines, drop_partial_line, resume_ids
from tests.conftest import ROOT, check_record

runner = CliRunner()

# Short made-up news items (no shared data needed), varied so records differ from line to line.
TEMPLATES = [
    "Officials in {place} said {n} people were killed on Monday. “We are overwhelmed,” a doctor "
    "at the main hospital told reporters.",
    "The army said it had struck {n} targets in {place} overnight, according to a statement.",
    "Talks resumed in {place}. The delegation, led by Foreign Minister Ana Ruiz, left after "
    "{n} hours.",
    "it was quiet in {place} that evening and nothing else happened.",
]
PLACES = ["Rafah", "Khan Younis", "Kharkiv", "Doha", "Cairo", "Jenin"]


def batch_lines(n: int) -> list[str]:
    out = []
    for i in range(n):
        text = TEMPLATES[i % len(TEMPLATES)].format(place=PLACES[i % len(PLACES)], n=i + 2)
        out.append(json.dumps({"id": f"a{i:04d}", "text": text, "published": "2024-05-10"}))
    return out


def write_batch(path: Path, n: int, bad_at: int | None = None) -> Path:
    lines = batch_lines(n)
    if bad_at is not None:
        lines[bad_at] = "{not json"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- resume helpers -------------------------------------------------------------------------

def test_count_lines_plain_gzip_and_missing_newline(tmp_path: Path) -> None:
    p = tmp_path / "b.jsonl"
    p.write_bytes(b"a\nb\nc")
    assert count_lines(str(p)) == 3
    p.write_bytes(b"a\nb\n")
    assert count_lines(str(p)) == 2
    p.write_bytes(b"a\n\n  \nb\n")  # blank lines are skipped by the batch reader: not counted
    assert count_lines(str(p)) == 2
    g = tmp_path / "b.jsonl.gz"
    with gzip.open(g, "wb") as fh:
        fh.write(b"x\n" * 1000)
    assert count_lines(str(g)) == 1000
    assert count_lines("-") is None
    assert count_lines(str(tmp_path / "missing.jsonl")) is None


@pytest.mark.parametrize("content,kept", [
    (b'{"id": "a"}\n{"id": "b"}\n{"id": "c', b'{"id": "a"}\n{"id": "b"}\n'),
    (b'{"id": "a"}\n', b'{"id": "a"}\n'),
    (b'{"id": "a', b""),
    (b"", b""),
])
def test_drop_partial_line_keeps_only_whole_lines(tmp_path: Path, content: bytes,
                                                  kept: bytes) -> None:
    p = tmp_path / "out.jsonl"
    p.write_bytes(content)
    drop_partial_line(p)
    assert p.read_bytes() == kept


def test_resume_ids_reads_whole_records_and_rejects_junk(tmp_path: Path) -> None:
    p = tmp_path / "out.jsonl"
    p.write_text('{"id": "a"}\n\n{"id": "b"}\n{"id": "c', encoding="utf-8")
    assert resume_ids(p) == {"a", "b"}
    assert resume_ids(tmp_path / "none.jsonl") == frozenset()
    p.write_text('{"id": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(InputError, match="line 2"):
        resume_ids(p)


def test_choose_workers_never_starts_more_than_the_batch_needs() -> None:
    assert choose_workers(4, 10) == 1
    assert choose_workers(4, 40) == 2  # chunks of at most 32 (DEFAULT_CHUNK)
    assert choose_workers(4, 200) == 4
    assert choose_workers(2, None) == 2
    assert choose_workers(None, None) >= 1


def test_nothing_to_extract_starts_no_worker_and_loads_no_pipeline(monkeypatch) -> None:
    # `extract --resume` of a finished run: every line is already in the output.
    import newsledger.pipeline
    import newsledger.run.local as local

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("started work for an empty input")

    monkeypatch.setattr(local, "pool", refuse)
    monkeypatch.setattr(newsledger.pipeline, "get_nlp", refuse)
    for workers in (1, 2):
        assert list(records([], workers=workers)) == []
        assert list(json_lines(iter([(1, b"  ")]), workers=workers)) == []


# --- ordering and bounded read-ahead (threads stand in for processes: no model needed) --------

def test_in_order_keeps_order_and_reads_ahead_at_most_a_window() -> None:
    pulled = []

    def items() -> Iterator[int]:
        for i in range(100):
            pulled.append(i)
            yield i

    def work(chunk: list[int]) -> list[int]:
        time.sleep(0.001 * (len(chunk) - chunk[0] % 3))  # finish out of order
        return [x * 2 for x in chunk]

    with ThreadPoolExecutor(3) as ex:
        out = in_order((ex.submit(work, c) for c in chunks(items(), 5)), window=2)
        first = next(out)
        assert first == 0
        assert len(pulled) <= 3 * 5  # two chunks in flight plus the one being read
        rest = list(out)
    assert [first, *rest] == [x * 2 for x in range(100)]


def test_chunks_are_lazy() -> None:
    def boom() -> Iterator[int]:
        yield 1
        yield 2
        raise AssertionError("read too far")

    it = chunks(boom(), 2)
    assert next(it) == [1, 2]


def test_balanced_chunks_keep_order_bound_read_ahead_and_shrink_at_the_end() -> None:
    pulled: list[int] = []
    sizes = [(i * 7919) % 5000 + 200 for i in range(400)]  # 200..5,199 characters, mixed

    def lines() -> Iterator[tuple[int, bytes]]:
        for i, n in enumerate(sizes, start=1):
            pulled.append(i)
            yield i, b"x" * n

    it = balanced_chunks(lines(), workers=2, size=32)
    first = next(it)
    # The read-ahead is bounded (4 chunks' worth per worker), however long the input.
    assert len(pulled) <= 4 * 2 * 32 + 1
    got = [first, *it]
    assert [n for c in got for n, _ in c] == list(range(1, 401))  # nothing lost, nothing moved
    assert all(1 <= len(c) <= 32 for c in got)
    chars = [sum(len(b) for _, b in c) for c in got]
    # Chunks stop at about CHUNK_CHARS (one item may overshoot), and the tail is cut finer so
    # that the workers finish together.
    assert max(chars) < CHUNK_CHARS + max(sizes)
    assert chars[-1] < CHUNK_CHARS / 4 and len(got[-1]) < len(got[0])


def test_balanced_chunks_of_a_short_input_still_use_every_worker() -> None:
    items = [(i, b"y" * 1000) for i in range(1, 11)]  # 10 kB: less than one full chunk
    got = list(balanced_chunks(iter(items), workers=2))
    assert len(got) >= 2 and [x for c in got for x in c] == items


# --- real workers ----------------------------------------------------------------------------

@pytest.mark.slow
def test_two_workers_give_the_single_process_records_in_order() -> None:
    arts: list = [from_text(json.loads(line)["text"], id=json.loads(line)["id"],
                            published="2024-05-10") for line in batch_lines(21)]
    arts.insert(5, BadLine(6, "line-6", "line 6: not JSON", {}))
    one = list(run_articles(arts))
    two = list(records(iter(arts), workers=2, chunk_size=4))
    assert [r.id for r in two] == [a.id for a in arts]
    assert [r.to_dict() for r in two] == [r.to_dict() for r in one]
    for r in two:
        if not r.failed:
            check_record(r)
    assert two[5].failed and "not JSON" in two[5].errors[0].message


@pytest.mark.slow
def test_json_lines_on_two_workers_match_one_process() -> None:
    raw = [line.encode("utf-8") for line in batch_lines(30)]
    raw[3], raw[11], raw[12] = b"{not json", b"   ", b'{"id": "bad-utf8", "text": "\xff"}'
    raw[20] = b'{"id": "x20", "text": "Officials said 7 people were killed."}'
    job = LineJob(published="2024-05-10")
    one = list(json_lines(enumerate(raw, start=1), job, workers=1))
    two = list(json_lines(enumerate(raw, start=1), job, workers=2, chunk_size=4))
    assert two == one and len(one) == 29  # the blank line is skipped, not a failure
    assert [i for i, o in enumerate(one) if o.error] == [3, 11]  # not JSON, bad UTF-8
    recs = [Record.from_dict(json.loads(o.json)) for o in one]
    assert recs[3].failed and "not JSON" in recs[3].errors[0].message
    assert recs[19].id == "x20" and recs[19].published == "2024-05-10"
    for r in recs:
        if not r.failed:
            check_record(r)


@pytest.mark.slow
def test_cli_workers_and_resume(tmp_path: Path) -> None:
    batch = write_batch(tmp_path / "b.jsonl", 40, bad_at=7)
    one, two = tmp_path / "one.jsonl", tmp_path / "two.jsonl"
    r = runner.invoke(app, ["extract", str(batch), "-o", str(one), "--workers", "1"])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["extract", str(batch), "-o", str(two), "--workers", "2"])
    assert r.exit_code == 0, r.output
    assert one.read_text("utf-8") == two.read_text("utf-8")
    lines = one.read_text("utf-8").splitlines()
    assert len(lines) == 40

    # An interrupted run: 12 whole lines and half of the 13th. --resume finishes the rest.
    part = tmp_path / "part.jsonl"
    part.write_text("\n".join(lines[:12]) + "\n" + lines[12][:50], encoding="utf-8")
    r = runner.invoke(app, ["extract", str(batch), "-o", str(part), "--resume", "--workers", "2"])
    assert r.exit_code == 0, r.output
    assert "12 already in the output" in r.output
    assert part.read_text("utf-8") == one.read_text("utf-8")
    for line in lines:
        rec = Record.from_dict(json.loads(line))
        if not rec.failed:
            check_record(rec)


def test_cli_resume_needs_an_output_file(tmp_path: Path) -> None:
    batch = write_batch(tmp_path / "b.jsonl", 3)
    r = runner.invoke(app, ["extract", str(batch), "--resume"])
    assert r.exit_code == 2
    assert "--resume needs" in r.output


@pytest.mark.slow
def test_ctrl_c_leaves_whole_lines_and_says_how_to_resume(tmp_path: Path) -> None:
    batch = write_batch(tmp_path / "b.jsonl", 400)
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsledger", "extract", str(batch), "-o", str(out),
         "--workers", "2"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env,
        start_new_session=True,  # Ctrl-C goes to the whole process group, workers included
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        while proc.poll() is None and (not out.exists() or out.stat().st_size == 0):
            time.sleep(0.2)
        if proc.poll() is not None:
            pytest.skip("the batch finished before it could be interrupted")
        os.killpg(proc.pid, signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == 130, err
    assert "--resume" in err and "interrupted" in err
    text = out.read_text("utf-8")
    assert text.endswith("\n")
    done = [json.loads(line)["id"] for line in text.splitlines()]
    assert 0 < len(done) < 400
    assert done == [f"a{i:04d}" for i in range(len(done))]  # a prefix, in input order
