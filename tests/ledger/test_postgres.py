"""The PostgreSQL store: URL handling, the query translation, and what only a server shows:
read-only sessions, several writers at once, serialised refreshes."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest

from newsledger.errors import StoreError
from newsledger.ledger import Ledger
from newsledger.ledger.digest import ledger_digest
from newsledger.ledger.postgres import redact, websearch_query
from newsledger.ledger.store import is_url, ledger_exists
from newsledger.ledger.synthetic import make_record
from tests.conftest import PG_SKIP, PG_URL, pg_schema_url

needs_pg = pytest.mark.skipif(not PG_URL, reason=PG_SKIP)


@pytest.fixture
def pg(request: pytest.FixtureRequest) -> Iterator[str]:
    yield from pg_schema_url(request.node.name)


def test_backend_is_chosen_by_the_db_string() -> None:
    assert is_url("postgresql://u@h/db") and is_url("postgres://h/db")
    assert not is_url("ledger.sqlite") and not is_url("postgresql.sqlite")
    assert ledger_exists("postgresql://u@h/db")
    assert redact("postgresql://news:s3cret@db.example.org:5433/news") == \
        "postgresql://news:***@db.example.org:5433/news"
    assert redact("postgresql://news@h/db") == "postgresql://news@h/db"


def test_fts5_queries_become_websearch_queries() -> None:
    assert websearch_query("ceasefire AND Rafah") == "ceasefire Rafah"
    assert websearch_query("Cairo OR Rafah") == "Cairo or Rafah"
    assert websearch_query("killed NOT Rafah") == "killed -Rafah"
    assert websearch_query('"al-Shifa" "Israel\'s"') == '"al-Shifa" "Israel\'s"'
    assert websearch_query("hosp* NEAR(a b) (x)") == "hosp a b x"
    assert websearch_query("title:Gaza \x00") == "Gaza"
    assert websearch_query("AND") == ""


def test_unreachable_server_is_a_store_error() -> None:
    with pytest.raises(StoreError, match="Cannot connect"):
        Ledger("postgresql://nobody:pw@127.0.0.1:1/none?connect_timeout=2")


@needs_pg
def test_readonly_needs_an_existing_ledger_and_refuses_writes(pg: str) -> None:
    with pytest.raises(StoreError, match="No ledger"):
        Ledger(pg, readonly=True)
    with Ledger(pg) as led:
        led.ingest_records([make_record("a", "2024-05-01", [(3, "killed", "Gaza", "medics",
                                                             False)])])
    with Ledger(pg, readonly=True) as ro:
        assert ro.stats()["articles"] == 1
        with pytest.raises(StoreError):
            ro.add(make_record("b", "2024-05-02", []))


@needs_pg
def test_nul_in_text_is_a_store_error_not_a_crash(pg: str) -> None:
    rec = make_record("nul", "2024-05-01", [])
    rec.text += "\x00"
    with Ledger(pg) as led, pytest.raises(StoreError, match="NUL"):
        led.add(rec)


def _records(n: int) -> list:  # type: ignore[type-arg]
    """Articles sharing series and dates, so order matters for ties and flags."""
    return [make_record(f"art-{i:03d}", f"2024-05-{1 + i % 5:02d}",
                        [(1000 + (i % 7) * 10, "killed", "Gaza", "the health ministry", True),
                         (20 + i % 3, "injured", ("Rafah", "Gaza")[i % 2], "medics", False)],
                        outlet=("AP", "BBC", "NPR")[i % 3], wire="AP" if i % 4 == 0 else None)
            for i in range(n)]


@needs_pg
def test_concurrent_writers_equal_one_writer(pg: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    recs = _records(60)
    with Ledger(tmp_path / "one.sqlite") as one:
        one.ingest_records(recs)
        want = ledger_digest(one.store)
    Ledger(pg).close()  # the schema, before the writers race to create it
    errors: list[BaseException] = []

    def writer(part: list) -> None:  # type: ignore[type-arg]
        try:
            with Ledger(pg) as led:
                led.ingest_records(part)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    # Three writers, overlapping and in opposite orders: each article is stored once.
    parts = [recs[:40], list(reversed(recs[20:])), recs[::2]]
    threads = [threading.Thread(target=writer, args=(p,)) for p in parts]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    with Ledger(pg, readonly=True) as led:
        got = ledger_digest(led.store)
        assert led.stats()["dirty_series"] == 0
    assert got["tables"] == want["tables"]
    assert got["digest"] == want["digest"]


@needs_pg
def test_a_reader_survives_a_dropped_connection(pg: str) -> None:
    import psycopg

    with Ledger(pg) as led:
        led.ingest_records([make_record("a", "2024-05-01", [(3, "killed", "Gaza", "medics",
                                                             False)])])
    with Ledger(pg, readonly=True) as ro:
        pid = ro.store.db.execute("SELECT pg_backend_pid() AS p").fetchone()["p"]
        with psycopg.connect(PG_URL, autocommit=True) as admin:  # what a server restart does
            admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
        assert ro.stats()["articles"] == 1  # the next call reconnects
        assert ro.store.db.execute("SELECT pg_backend_pid() AS p").fetchone()["p"] != pid
