"""Exit status as documented: 0 something processed, 1 nothing could be, 2 wrong invocation; and
the messages a newcomer meets (--resume without -o, text files with bad bytes)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.record import Record

from .test_ledger_cli import write_records

runner = CliRunner()


def run(*args: str) -> object:
    return runner.invoke(app, list(args))


# ---- 2: the invocation is wrong ---------------------------------------------------------------

@pytest.mark.parametrize("args", [
    ["extract", "no-such-file.txt"],
    ["extract", "a.txt", "--published", "yesterday"],
    ["extract", "a.pdf"],
    ["extract", "--no-such-flag", "a.txt"],
    ["ingest", "no-such-file.jsonl"],
    ["ledger", "--db", "none.sqlite"],
    ["ledger", "show", "x", "--db", "none.sqlite"],
    ["serve", "--db", "none.sqlite"],
    ["extract", "b.jsonl", "--resume"],
])
def test_wrong_invocation_exits_2(args: list[str], tmp_path: Path,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("a.txt").write_text("Officials said on Monday.\n", encoding="utf-8")
    Path("a.pdf").write_bytes(b"%PDF")
    Path("b.jsonl").write_text('{"id": "x", "text": "Officials said."}\n', encoding="utf-8")
    res = runner.invoke(app, args)
    assert res.exit_code == 2, (args, res.output)


def test_serve_without_db_looks_for_the_default(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["serve"])
    assert res.exit_code == 2 and "newsledger.sqlite" in res.output


def test_resume_without_output_says_what_to_pass(tmp_path: Path) -> None:
    src = tmp_path / "b.jsonl"
    src.write_text('{"id": "x", "text": "Officials said."}\n', encoding="utf-8")
    res = runner.invoke(app, ["extract", str(src), "--resume"])
    assert res.exit_code == 2
    assert "-o" in res.output and "--format table" not in res.output


# ---- 1: nothing could be processed ------------------------------------------------------------

@pytest.mark.parametrize("name, content", [("empty.txt", b""), ("blank.txt", b"  \n\n"),
                                           ("empty.html", b"")])
def test_an_empty_article_exits_1(tmp_path: Path, name: str, content: bytes) -> None:
    src = tmp_path / name
    src.write_bytes(content)
    res = runner.invoke(app, ["extract", str(src)])
    assert res.exit_code == 1, res.output
    assert "empty" in res.output


def test_an_empty_batch_exits_1(tmp_path: Path) -> None:
    src = tmp_path / "b.jsonl"
    src.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["extract", str(src), "-o", str(tmp_path / "o.jsonl")])
    assert res.exit_code == 1, res.output


def test_ingest_of_an_empty_file_exits_1(tmp_path: Path) -> None:
    src = tmp_path / "empty.txt"
    src.write_text("", encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(src), "--db", str(tmp_path / "l.sqlite"), "-q"])
    assert res.exit_code == 1, res.output


# ---- 0: something processed -------------------------------------------------------------------

def test_ingest_format_json_and_the_old_json_flag(tmp_path: Path) -> None:
    src = write_records(tmp_path / "r.jsonl")
    for i, flags in enumerate((["-f", "json"], ["--json"])):
        res = runner.invoke(app, ["ingest", str(src), "--db", str(tmp_path / f"{i}.sqlite"),
                                  "-q", *flags])
        assert res.exit_code == 0, res.output
        assert json.loads(res.stdout.strip().splitlines()[-1])["new"] == 3


def test_ledger_search_formats_and_article_revision(tmp_path: Path) -> None:
    src = write_records(tmp_path / "r.jsonl")
    db = str(tmp_path / "l.sqlite")
    assert runner.invoke(app, ["ingest", str(src), "--db", db, "-q"]).exit_code == 0
    res = runner.invoke(app, ["ledger", "search", "hostages", "--db", db, "-f", "json"])
    assert res.exit_code == 0 and [h["article_id"] for h in json.loads(res.stdout)] == ["bbc2"]
    res = runner.invoke(app, ["ledger", "search", "hostages", "--db", db, "-f", "csv"])
    assert res.stdout.splitlines()[0] == "article_id,published,outlet,snippet"
    res = runner.invoke(app, ["ledger", "article", "npr1", "--db", db, "--revision", "1"])
    assert res.exit_code == 0 and json.loads(res.stdout)["id"] == "npr1"
    res = runner.invoke(app, ["ledger", "article", "npr1", "--db", db, "-r", "7"])
    assert res.exit_code == 2 and "version 7" in res.output
    out = tmp_path / "m.json"
    res = runner.invoke(app, ["ledger", "metadata", "--db", db, "-o", str(out)])
    assert res.exit_code == 0 and "databases" in json.loads(out.read_text(encoding="utf-8"))


def test_a_text_file_with_bad_bytes_is_read_with_a_warning(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes("“We are out of food,” a resident told reporters in Caf".encode()
                    + b"\xe9 on Monday. Officials said 4,312 people were killed.\n")
    res = runner.invoke(app, ["extract", str(src), "--published", "2025-03-07"])
    assert res.exit_code == 0, res.output
    assert "1 byte(s) not UTF-8 replaced" in res.stderr and "at byte" in res.stderr
    rec = Record.from_json(res.stdout) if hasattr(Record, "from_json") else \
        Record.from_dict(json.loads(res.stdout))
    assert "Caf\ufffd on Monday" in rec.text
    spans = [q.content for q in rec.quotes] + [f.span for f in rec.figures] + \
        [t.span for t in rec.times]
    assert spans and all(rec.text[s.start:s.end] == s.text for s in spans)
    strict = runner.invoke(app, ["extract", str(src), "--strict"])
    assert strict.exit_code == 2 and "not valid UTF-8" in strict.output
    assert "iconv" not in strict.output and "latin1" not in strict.output


def test_ingest_warns_about_bad_bytes_and_strict_fails(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(b"Officials said on Monday that 4,312 people were killed in Caf\xe9.\n")
    res = runner.invoke(app, ["ingest", str(src), "--db", str(tmp_path / "l.sqlite"), "-q",
                              "-w", "1"])
    assert res.exit_code == 0 and "replaced with U+FFFD" in res.output, res.output
    res = runner.invoke(app, ["ingest", str(src), "--db", str(tmp_path / "s.sqlite"), "-q",
                              "--strict", "-w", "1"])
    assert res.exit_code == 1 and "not valid UTF-8" in res.output, res.output
