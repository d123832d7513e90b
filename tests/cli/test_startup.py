"""Commands that need no model start without importing spaCy (python -X importtime)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT


def _imports(args: list[str], cwd: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "newsledger", *args],
                       capture_output=True, text=True, cwd=cwd, env=env, timeout=120)
    return r.stderr


@pytest.mark.parametrize("args", [["--help"], ["ledger", "--help"], ["ledger", "list"]])
def test_commands_without_extraction_do_not_import_spacy(args: list[str], tmp_path: Path) -> None:
    if args == ["ledger", "list"]:
        from newsledger.ledger import Ledger
        from newsledger.ledger.synthetic import make_record

        db = tmp_path / "l.sqlite"
        with Ledger(db) as led:
            led.ingest_records([make_record("a1", "2024-05-10",
                                            [(34000, "killed", "Gaza", "Gaza health ministry", True)])])
        args = [*args, "--db", str(db)]
    err = _imports(args, tmp_path)
    loaded = {line.rsplit("|", 1)[-1].strip() for line in err.splitlines() if "|" in line}
    assert "newsledger" in loaded
    assert not {m for m in loaded if m.split(".")[0] in ("spacy", "thinc")}


def test_importing_the_package_loads_no_model() -> None:
    code = "import sys, newsledger; print('spacy' in sys.modules, callable(newsledger.extract))"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(ROOT / "src")}, timeout=120)
    assert r.stdout.split() == ["False", "True"], r.stderr
