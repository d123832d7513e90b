"""One set of conventions across every command, checked on typer's click command tree: -h and
--help, -f/--format, -o/--output, one --db (same default, same help), --version only for the
tool, an Example: in every help, help that is true, and no short flag meaning two things."""

from __future__ import annotations

from collections.abc import Iterator

import click
import pytest
import typer.main
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.cli.app import DB_HELP

runner = CliRunner()
ROOT_CMD = typer.main.get_command(app)


def walk(cmd: click.Command = ROOT_CMD, path: tuple[str, ...] = ()
         ) -> Iterator[tuple[tuple[str, ...], click.Command]]:
    yield path, cmd
    for name, sub in getattr(cmd, "commands", {}).items():
        yield from walk(sub, (*path, name))


COMMANDS = list(walk())
IDS = [" ".join(("newsledger", *p)) for p, _ in COMMANDS]


def test_the_walk_finds_every_command_and_its_options() -> None:
    assert "--db" in {o for opt in _options(ROOT_CMD.commands["serve"])  # type: ignore[attr-defined]
                      for o in opt.opts}
    assert {"newsledger extract", "newsledger ingest", "newsledger serve", "newsledger ledger",
            "newsledger ledger list", "newsledger ledger show", "newsledger ledger export",
            "newsledger ledger article", "newsledger ledger search",
            "newsledger ledger metadata"} <= set(IDS)


def _options(cmd: click.Command, hidden: bool = False) -> list[click.Option]:
    # typer's parameters may come from its own copy of click: go by their kind, not their class
    return [p for p in cmd.params  # type: ignore[misc]
            if p.param_type_name == "option" and bool(getattr(p, "hidden", False)) == hidden]


@pytest.mark.parametrize(("path", "cmd"), COMMANDS, ids=IDS)
def test_help_options_and_example(path: tuple[str, ...], cmd: click.Command) -> None:
    for flag in ("-h", "--help"):
        res = runner.invoke(app, [*path, flag])
        assert res.exit_code == 0, (path, flag, res.output)
        assert "Usage:" in res.output and "Example:" in res.output, (path, flag)
        example = res.output.split("Example:", 1)[1]
        assert "newsledger " in example


@pytest.mark.parametrize(("path", "cmd"), COMMANDS, ids=IDS)
def test_format_output_db_and_version_naming(path: tuple[str, ...], cmd: click.Command) -> None:
    for opt in _options(cmd):
        names = set(opt.opts) | set(opt.secondary_opts)
        if opt.name in ("fmt", "format") or "--format" in names or "-f" in names:
            assert names == {"-f", "--format"}, (path, names)
        if opt.name == "output" or "--output" in names or "-o" in names:
            assert names == {"-o", "--output"}, (path, names)
        if "--db" in names:
            assert names == {"--db"} and opt.help == DB_HELP, (path, opt.help)
            assert str(opt.default) == "newsledger.sqlite" and not opt.required, path
        if "--version" in names:
            assert path == (), f"--version means the tool's version only, not in {path}"


def test_a_short_flag_means_one_thing_everywhere() -> None:
    meaning: dict[str, tuple[str, tuple[str, ...]]] = {}
    for path, cmd in COMMANDS:
        for opt in _options(cmd):
            longs = sorted(o for o in opt.opts if o.startswith("--"))
            for short in (o for o in opt.opts if not o.startswith("--")):
                if short in meaning:
                    assert meaning[short][0] == longs[0], (short, meaning[short], longs, path)
                else:
                    meaning[short] = (longs[0], path)


def test_read_only_commands_do_not_say_they_create_the_database() -> None:
    for path, cmd in COMMANDS:
        text = (cmd.help or "") + " ".join(o.help or "" for o in _options(cmd))
        if path != ("ingest",):
            assert "created if missing" not in text.lower(), path


def test_extract_example_uses_the_example_article_date() -> None:
    help_text = ROOT_CMD.commands["extract"].help or ""  # type: ignore[attr-defined]
    line = next(x for x in help_text.splitlines() if "examples/ceasefire.txt" in x)
    assert "--published 2025-03-07" in line


def test_completion_is_offered() -> None:
    res = runner.invoke(app, ["--help"])
    assert "--install-completion" in res.output


def test_ingest_json_is_a_hidden_alias_of_format_json() -> None:
    ingest = ROOT_CMD.commands["ingest"]  # type: ignore[attr-defined]
    assert [p.opts for p in _options(ingest, hidden=True)] == [["--json"]]
