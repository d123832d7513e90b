"""Every `Example:` command line in the help texts, and the README's runnable fenced `newsledger`
lines, run offline in a temporary folder holding the example article, a small batch made from it
and a ledger built from them (and from synthetic records with a Gaza toll series)."""

from __future__ import annotations

import gzip
import json
import re
import shlex
import shutil
from pathlib import Path

import click
import pytest
import typer.main
from typer.testing import CliRunner

from newsledger.cli import app
from tests.conftest import ROOT

from .test_ledger_cli import write_records

runner = CliRunner()

# Not runnable offline or in a test: a server that blocks, another tool, a remote cluster or
# database server, changing the user's shell set-up, and watching feeds on the web
# (tests/cli/test_watch.py runs watch against a local server).
SKIP = re.compile(r"^newsledger serve\b|--dask tcp://|postgresql://|--install-completion|"
                  r"^newsledger watch .*https?://")


def _help_examples() -> list[str]:
    out: list[str] = []

    def walk(cmd: click.Command) -> None:
        text = cmd.help or ""
        if "Example:" in text:
            for line in text.split("Example:", 1)[1].splitlines():
                if line.strip().startswith("newsledger "):
                    out.append(line.strip())
        for sub in getattr(cmd, "commands", {}).values():
            walk(sub)

    walk(typer.main.get_command(app))
    return out


_PLACEHOLDER = re.compile(r"[\[\]|…]|^[A-Z][A-Z_]+(\b|$)")


def _readme_examples() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    out = []
    for block in re.findall(r"```[a-z]*\n(.*?)```", readme, flags=re.DOTALL):
        for line in block.splitlines():
            line = line.strip()
            if not line.startswith("newsledger "):
                continue
            if any(_PLACEHOLDER.search(tok) for tok in shlex.split(line)):
                continue  # a synopsis, not a command line
            out.append(line)
    return out


def examples() -> list[str]:
    seen: dict[str, None] = {}
    for line in _help_examples() + _readme_examples():
        if not SKIP.search(line):
            seen.setdefault(line)
    return list(seen)


def test_the_examples_are_found() -> None:
    lines = examples()
    assert any(x.startswith("newsledger extract examples/ceasefire.txt") for x in lines)
    assert any(x.startswith("newsledger ledger export") for x in lines)
    assert len(lines) >= 12, lines


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("examples")
    (d / "examples").mkdir()
    shutil.copy(ROOT / "examples" / "ceasefire.txt", d / "examples" / "ceasefire.txt")
    text = (ROOT / "examples" / "ceasefire.txt").read_text(encoding="utf-8")
    with gzip.open(d / "articles.jsonl.gz", "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "wire-1", "text": text, "published": "2025-03-07"}) + "\n")
    paras = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[1:])
    (d / "story.html").write_text(f"<html><head><title>Truce talks</title></head><body>"
                                  f"<article>{paras}</article></body></html>", encoding="utf-8")
    records = write_records(d / "records-seed.jsonl")
    for db in ("newsledger.sqlite", "news.sqlite", "ledger.sqlite"):
        res = runner.invoke(app, ["ingest", str(records), "examples/ceasefire.txt", "--published",
                                  "2025-03-07", "--db", str(d / db), "-q", "-w", "1"])
        assert res.exit_code == 0, res.output
    return d


@pytest.mark.parametrize("line", examples())  # ~8 s in all: in the quick run
def test_example_runs(line: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(folder)
    args = shlex.split(line)[1:]
    if ">" in args:  # "… > metadata.json": the test takes stdout itself
        args = args[:args.index(">")]
    res = runner.invoke(app, args)
    assert res.exit_code == 0, f"{line}\n{res.output}"
