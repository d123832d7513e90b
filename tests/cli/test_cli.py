"""The command line (cli/): the DESIGN.md contract, exit statuses, and clear one-line errors."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger import Record, __version__
from newsledger.cli import app
from tests.conftest import EXAMPLES, SEED, check_record, needs_shared

runner = CliRunner()
EXAMPLE = EXAMPLES / "ceasefire.txt"


def run(*args: str, input: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), input=input, catch_exceptions=False)


def test_version() -> None:
    r = run("--version")
    assert r.exit_code == 0 and __version__ in r.stdout


def test_extract_example_json_is_a_valid_record() -> None:
    r = run("extract", str(EXAMPLE), "--published", "2025-03-07")
    assert r.exit_code == 0, r.stderr
    rec = Record.from_dict(json.loads(r.stdout))
    check_record(rec)
    assert rec.id == "ceasefire" and rec.published == "2025-03-07"
    assert rec.text == EXAMPLE.read_text(encoding="utf-8")
    assert {s.role for s in rec.sources} >= {"byline", "wire_credit", "photo_credit", "cited"}


def test_extract_table_lists_what_was_found_with_spans() -> None:
    r = run("extract", str(EXAMPLE), "--format", "table")
    assert r.exit_code == 0
    assert "sources" in r.stdout and "Kessel Tribune" in r.stdout and "[" in r.stdout


def test_extract_stdin_and_output_file(tmp_path: Path) -> None:
    out = tmp_path / "rec.jsonl"
    r = run("extract", "-", "--format", "jsonl", "-o", str(out),
            input="“We will keep going,” the minister said on Sunday.\n")
    assert r.exit_code == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    check_record(Record.from_dict(json.loads(lines[0])))


@pytest.mark.parametrize("args, message", [
    (["extract", "no/such/file.txt"], "No such file"),
    (["extract", "report.pdf"], "Unknown input format"),
    (["extract", str(EXAMPLE), "--published", "10/05/2024"], "not a date"),
    (["extract", str(EXAMPLE), "--published", "2024-13-01"], "not a date"),
    (["extract", "no/such/batch.jsonl"], "No such file"),
])
def test_bad_invocations_exit_2_with_one_line_error(args: list[str], message: str,
                                                    tmp_path: Path) -> None:
    if args[1] == "report.pdf":
        (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
        args = ["extract", str(tmp_path / "report.pdf")]
    r = run(*args)
    assert r.exit_code == 2
    assert message in r.stderr and r.stderr.strip().count("\n") <= 2


def test_empty_and_binary_inputs_are_clear_errors(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02abc")
    (tmp_path / "latin.txt").write_bytes("caf\xe9".encode("latin-1"))
    assert "empty" in run("extract", str(tmp_path / "empty.txt")).stderr
    assert "binary" in run("extract", str(tmp_path / "bin.txt")).stderr
    assert "UTF-8" in run("extract", str(tmp_path / "latin.txt")).stderr


def test_batch_goes_on_past_bad_lines(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl.gz"
    good = {"id": "g1", "text": "The army said on Friday that 3 soldiers were wounded.",
            "published": "2024-05-10"}
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps(good) + "\n{broken\n" + json.dumps({**good, "id": "g2"}) + "\n")
    out = tmp_path / "out.jsonl"
    r = run("extract", str(src), "-o", str(out))
    assert r.exit_code == 0
    recs = [Record.from_dict(json.loads(x)) for x in out.read_text().splitlines()]
    assert [x.id for x in recs] == ["g1", "line-2", "g2"]
    assert recs[1].failed and recs[1].errors[0].line == 2
    assert "line 2" in r.stderr and "1 failed" in r.stderr
    for x in recs:
        check_record(x)


def test_batch_where_nothing_could_be_processed_exits_1(tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text("{nope\n[]\n")
    assert run("extract", str(src), "-o", str(tmp_path / "o.jsonl")).exit_code == 1


@needs_shared()
def test_seed_from_the_command_line_has_all_gold_sources(seed_gold: dict) -> None:  # type: ignore[type-arg]
    r = run("extract", str(SEED), "--published", "2024-05-10", "--format", "json")
    assert r.exit_code == 0
    rec = Record.from_dict(json.loads(r.stdout))
    check_record(rec)
    got = {(s.name.lower(), s.role) for s in rec.sources}
    missing = [g for g in seed_gold["sources"] if (g["name"].lower(), g["role"]) not in got]
    assert not missing


def test_every_command_help_has_an_example() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        assert "Example:" in (cmd.help or ""), f"`newsledger {name} --help` has no Example:"
        sub = getattr(cmd, "commands", {})
        for sname, scmd in sub.items():
            assert "Example:" in (scmd.help or ""), f"`newsledger {name} {sname}` lacks Example:"


def test_table_shows_brackets_in_text_literally(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("“We did not leave the [truce] talks,” [bold]Smith[/bold] said on Monday.\n")
    r = run("extract", str(src), "--format", "table")
    assert r.exit_code == 0 and "[truce]" in r.stdout


def test_serve_never_prints_a_database_password(monkeypatch: pytest.MonkeyPatch) -> None:
    import uvicorn

    import newsledger.ledger.store
    import newsledger.web

    monkeypatch.setattr(newsledger.ledger.store, "ledger_exists", lambda db: True)
    monkeypatch.setattr(newsledger.web, "create_app", lambda *a, **k: object())
    monkeypatch.setattr(uvicorn, "run", lambda *a, **k: None)
    result = runner.invoke(app, ["serve", "--db", "postgresql://reader:s3cret@db.example/ledger"])
    assert result.exit_code == 0, result.output
    assert "serving postgresql://reader:***@db.example/ledger" in result.output
    assert "s3cret" not in result.output
