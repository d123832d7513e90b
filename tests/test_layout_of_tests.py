"""The tests mirror the package: every test folder stands for a folder of src/newsledger, except
the folders that hold evaluation (corpus floors, scripts and gold sets) and data."""

from __future__ import annotations

from tests.conftest import ROOT

TESTS = ROOT / "tests"
PACKAGE = ROOT / "src" / "newsledger"
# tests/evaluation: corpus-evaluation floors; tests/eval: the scripts and gold sets they run
# (cited by the README as `python tests/eval/...`); tests/data: small data files.
NOT_MIRRORED = {"evaluation", "eval", "data"}


def _test_folders() -> list[str]:
    out = []
    for d in sorted(p for p in TESTS.rglob("*") if p.is_dir()):
        rel = d.relative_to(TESTS)
        if rel.parts[0] in NOT_MIRRORED or "__pycache__" in rel.parts or \
                any(part.startswith(".") for part in rel.parts):
            continue
        out.append(rel.as_posix())
    return out


def test_every_test_folder_mirrors_a_package_folder() -> None:
    folders = _test_folders()
    assert "extract/speech" in folders  # the walk finds the nested folders
    missing = [f for f in folders if not (PACKAGE / f / "__init__.py").is_file()]
    assert not missing, f"test folders with no package folder of that name: {missing}"


def test_every_test_folder_is_a_package() -> None:
    """tests is a package (helpers are imported as ``tests.conftest``, ``tests.web.web_fixtures``),
    so each folder needs an __init__.py or its test modules would clash by base name."""
    folders = _test_folders() + ["evaluation"]
    missing = [f for f in folders if not (TESTS / f / "__init__.py").is_file()]
    assert not missing, missing
