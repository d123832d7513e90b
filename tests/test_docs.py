"""The README documents every command, every record field and every registered component."""

from __future__ import annotations

import re

import typer.main

from newsledger.cli import app
from newsledger.extract import COMPONENTS
from newsledger.record import json_schema
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_opens_with_install_and_test_commands() -> None:
    blocks = re.findall(r"```bash\n(.+?)\n```", README, flags=re.DOTALL)
    assert len(blocks) >= 2
    assert "pip install" in blocks[0] and "newsledger extract examples/" in blocks[0]
    commands = [line.strip() for line in blocks[1].splitlines() if line.strip()]
    # the quick run, then the slow and browser tests it leaves out
    assert commands == [".venv/bin/python -m pytest",
                        '.venv/bin/python -m pytest -m "slow or browser"'], commands
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    for command in commands:
        assert re.search(rf"^run_pytest {re.escape(command)}$", ci, flags=re.MULTILINE), \
            f".ci/run must run the README's test command {command!r}"
    assert ".venv/bin/lint-imports" in ci


def test_quick_run_leaves_out_slow_and_browser_tests() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")  # no tomllib on 3.10
    assert re.search(r"^addopts = .*-m 'not slow and not browser'", pyproject, flags=re.MULTILINE)
    assert re.search(r"^timeout = [1-9]", pyproject, flags=re.MULTILINE)
    test_extra = re.search(r"^test = \[(.*?)\]", pyproject, flags=re.MULTILINE | re.DOTALL)
    assert test_extra and "pytest-timeout" in test_extra.group(1) \
        and "import-linter" in test_extra.group(1)


def test_every_command_is_documented() -> None:
    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        assert f"newsledger {name}" in README, name
        for sub in getattr(cmd, "commands", {}):
            assert f"newsledger {name} {sub}" in README, f"{name} {sub}"


def test_every_record_field_is_documented() -> None:
    for field in json_schema()["properties"]:
        assert f"`{field}`" in README, field


def test_every_component_is_documented_with_its_declarations() -> None:
    rows = {line.split("|")[1].strip(" `"): line for line in README.splitlines()
            if line.startswith("| `") and "newsledger." in line}
    for info in COMPONENTS.values():
        row = rows.get(info.short)
        assert row is not None and f"`{info.version}`" in row, info.short
        cells = [c.strip() for c in row.split("|")[3:6]]
        model, reads, sets = ({w.strip() for w in c.split(",") if w.strip() not in ("", "–")}
                              for c in cells)
        assert model == set(info.model), (info.short, model)
        assert reads == set(info.needs) and sets == set(info.sets), info.short


def test_command_table_names_only_real_options() -> None:
    """Each option the README's command table lists exists on that command (a renamed flag
    left in the table sends users to "No such option")."""
    group = typer.main.get_command(app)
    rows = [line for line in README.splitlines() if line.startswith("| `newsledger ")]
    assert rows
    for row in rows:
        words = row.split("|")[1].strip(" `").replace("[list]", "list").split()[1:]
        cmd = group
        for word in words:
            cmd = cmd.commands[word]  # type: ignore[attr-defined]
        opts = {o for p in cmd.params for o in (*p.opts, *p.secondary_opts)}
        for flag in re.findall(r"(--?[a-z][a-z0-9-]*)", row.split("|")[2]):
            assert flag in opts, f"{' '.join(words)}: the README lists {flag}, the CLI has {sorted(opts)}"
