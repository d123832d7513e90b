"""Shared fixtures: the shared-data folder (tests that need it skip without it) and record checks."""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSLEDGER_SHARED", ROOT.parent / "shared"))  # override for worktrees
SEED = SHARED / "seeds" / "000_083e98938a0e4d70.txt"
SEED_GOLD = SHARED / "gold" / "seed.gold.json"
EXAMPLES = ROOT / "examples"
EVAL = ROOT / "tests" / "eval"  # evaluation scripts and gold sets (run as scripts, see README)
DATA = ROOT / "tests" / "data"  # small data files kept with the tests


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not SHARED.is_dir(), reason="../shared is absent (a user's clone)")


def check_record(rec: Any) -> None:
    """Every record a test produces: spans match the text and the schema holds."""
    rec.verify()
    rec.validate()
    failures = [e for e in rec.errors if "failed:" in e.message]
    assert not failures, f"an extractor raised: {failures}"


def extract_checked(text: str, published: str = "2024-05-10", stage: str = "quotes") -> Any:
    """``newsledger.extract`` plus the checks every record gets, and no error in ``stage``."""
    from newsledger import extract

    rec = extract(text, published=published)
    rec.verify()
    rec.validate()
    assert not [e for e in rec.errors if e.stage == stage], rec.errors
    return rec


def shared_rows(name: str) -> Iterator[dict[str, Any]]:
    with gzip.open(SHARED / "data" / name, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield json.loads(line)


@pytest.fixture(scope="session")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip("../shared is absent")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, Any]:
    if not SEED_GOLD.exists():
        pytest.skip("../shared is absent")
    return json.loads(SEED_GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def seed_record(seed_text: str) -> Any:
    from newsledger import extract

    rec = extract(seed_text, published="2024-05-10", id="seed")
    check_record(rec)
    return rec


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").exists():
        pytest.skip("../shared is absent (development data is not part of the repository)")
    return SHARED


# The PostgreSQL server the store tests use besides SQLite (.ci/run starts one and sets this).
PG_URL = os.environ.get("NEWSLEDGER_TEST_PG", "")
PG_SKIP = ("no PostgreSQL server configured: set NEWSLEDGER_TEST_PG=postgresql://USER@HOST/DB "
           "(.ci/run starts one and sets it)")


def pg_schema_url(name: str) -> Iterator[str]:
    """A fresh schema in the test server, as a URL whose search_path is that schema; dropped
    afterwards. Each test gets its own, so tests never see each other's rows."""
    import uuid

    import psycopg

    schema = f"t_{name[:30].lower()}_{uuid.uuid4().hex[:10]}"
    schema = "".join(c if c.isalnum() or c == "_" else "_" for c in schema)
    with psycopg.connect(PG_URL, autocommit=True) as con:
        con.execute(f'CREATE SCHEMA "{schema}"')
    sep = "&" if "?" in PG_URL else "?"
    try:
        yield f"{PG_URL}{sep}options=-csearch_path%3D{schema}"
    finally:
        with psycopg.connect(PG_URL, autocommit=True) as con:
            con.execute(f'DROP SCHEMA "{schema}" CASCADE')


@pytest.fixture(params=["sqlite", "postgres"])
def ledger_db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Where a test's ledger lives: a new SQLite file, then a new PostgreSQL schema (skipped
    when no server is configured). Pass it as ``Ledger(ledger_db)`` or ``--db``."""
    if request.param == "sqlite":
        yield str(tmp_path / "l.sqlite")
        return
    if not PG_URL:
        pytest.skip(PG_SKIP)
    yield from pg_schema_url(request.node.name)
