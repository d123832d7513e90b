"""The fast series listing (decoded once per database state, handed out as copies) must equal
the slow path that reads the ``series`` summary rows, and follow every change to the file."""

from __future__ import annotations

from pathlib import Path

from newsledger.ledger import Ledger
from newsledger.ledger.store import SQLiteStore
from newsledger.ledger.synthetic import make_record, stream


def _build(path: Path, n: int = 120) -> None:
    with Ledger(path) as led:
        led.ingest_records(stream(n, 4, n_series=400, n_places=3))


def test_listing_equals_the_summary_rows(tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    _build(db)
    for readonly in (False, True):
        store = SQLiteStore(db, readonly=readonly)
        slow = store._series_select()
        assert len(slow) > 10
        assert store.list_series() == slow  # first call: decoded from the file
        assert store.list_series() == slow  # second call: decoded again, and kept
        assert store.list_series() == slow  # later calls: copies of the kept rows
        # Same key order too: the CLI and web print these rows as JSON.
        assert [list(d) for d in store.list_series()] == [list(d) for d in slow]
        assert store.list_series(None, 5) == slow[:5]
        assert store.list_series("killed") == store._series_select("killed")
        assert [s["points"] for s in slow] == sorted((s["points"] for s in slow), reverse=True)
        store.close()


def test_callers_editing_rows_do_not_change_the_next_listing(tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    _build(db, 40)
    store = SQLiteStore(db, readonly=True)
    slow = store._series_select()
    store.list_series()
    for _ in range(3):  # edit the rows the listing was kept from, then copies of them
        rows = store.list_series()
        rows[0]["claimants"][0][1] = -1
        rows[0]["claimants"].append(["x", 1])
        rows[0]["outlets"].clear()
        rows[0]["flags"]["echo"] = -5
        rows[1]["name"] = "changed"
        rows.pop()
        assert store.list_series() == slow
    store.close()


def test_listing_follows_writes_from_this_and_other_connections(tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    rec = [(1000, "killed", "Gaza", "the health ministry", True)]
    with Ledger(db) as writer, Ledger(db, readonly=True) as reader:
        writer.ingest_records([make_record("a0", "2024-05-01", rec)])
        assert [s["points"] for s in reader.series()] == [1]
        assert [s["points"] for s in writer.series()] == [1]
        writer.ingest_records([make_record("a1", "2024-05-02",
                                           [(1200, "killed", "Gaza", "the health ministry",
                                             True)])])
        for led in (reader, writer):
            listing = led.series()
            assert [s["points"] for s in listing] == [2]
            assert listing == led.store._series_select()
        # Stored but not yet refreshed: the listing shows the stale summary, marked stale.
        writer.ingest_records([make_record("a2", "2024-05-03", rec)], refresh=False)
        for led in (reader, writer):
            listing = led.series()
            assert [(s["points"], s["stale"]) for s in listing] == [(2, True)]
            assert listing == led.store._series_select()
