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
    blocks = re.findall(r"```bash\n(.+?)\n```", README, flags=re.S)
    assert len(blocks) >= 2
    assert "pip install" in blocks[0] and "newsledger extract examples/" in blocks[0]
    assert "pytest" in blocks[1]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert blocks[1].strip() in ci, ".ci/run must run the README's test command"


def test_every_command_is_documented() -> None:
    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():  # type: ignore[attr-defined]
        assert f"newsledger {name}" in README, name
        for sub in getattr(cmd, "commands", {}):
            assert f"newsledger {name} {sub}" in README, f"{name} {sub}"


def test_every_record_field_is_documented() -> None:
    for field in json_schema()["properties"]:
        assert f"`{field}`" in README, field


def test_every_component_is_documented() -> None:
    for info in COMPONENTS.values():
        assert f"`{info.factory}`" in README and f"`{info.version}`" in README, info.short
