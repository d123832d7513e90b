"""The ledger digest: the same content gives the same hash whatever the ingest order, and any
change in content changes it."""

from __future__ import annotations

from newsledger.ledger import Ledger
from newsledger.ledger.digest import ledger_digest
from newsledger.ledger.synthetic import make_record


def _recs() -> list:  # type: ignore[type-arg]
    # Same dates everywhere: the order of points within a day comes from the tie-break.
    return [make_record(f"a{i}", "2024-05-01",
                        [(100 + i % 2, "killed", "Gaza", "the health ministry", True)],
                        outlet=("AP", "BBC")[i % 2], wire="AP" if i % 3 == 0 else None)
            for i in range(8)]


def test_digest_ignores_ingest_order_and_keys(ledger_db: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    with Ledger(ledger_db) as a:
        a.ingest_records(_recs())
        da = ledger_digest(a.store)
    with Ledger(tmp_path / "reversed.sqlite") as b:
        b.ingest_records(list(reversed(_recs())))
        db = ledger_digest(b.store)
    assert da == db
    assert da["tables"]["articles"] == 8 and da["tables"]["figures"] == 8


def test_digest_moves_with_content(ledger_db: str) -> None:
    with Ledger(ledger_db) as led:
        led.ingest_records(_recs())
        before = ledger_digest(led.store)["digest"]
        led.ingest_records([make_record("a1", "2024-05-01",
                                        [(250, "killed", "Gaza", "the health ministry", True)],
                                        outlet="BBC")])  # a new version of a1
        assert ledger_digest(led.store)["digest"] != before
