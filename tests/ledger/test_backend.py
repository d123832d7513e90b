"""The logic both stores share (ledger/backend.py): one SQL text, each backend's dialect."""

from __future__ import annotations

from newsledger.ledger import Ledger
from newsledger.ledger.backend import Filters, point_filter, unmark
from newsledger.ledger.postgres import PostgresStore
from newsledger.ledger.store import SQLiteStore


def test_shared_sql_runs_on_each_backend_with_its_placeholder(ledger_db: str) -> None:
    with Ledger(ledger_db) as led:
        store = led.store
        with store.transaction() as db:
            store.execute("INSERT INTO meta(key, value) VALUES (?, ?)", ("probe", "a%b?"), db)
        # Rows are read by column name on both backends; "?" inside a value is left alone.
        row = store.execute("SELECT value AS v FROM meta WHERE key = ?", ("probe",)).fetchone()
        assert row["v"] == "a%b?"
        # No arguments: a "%" in the SQL is not taken for a placeholder.
        assert store.execute("SELECT COUNT(*) AS n FROM meta WHERE value LIKE 'a%'"
                             ).fetchone()["n"] == 1
        assert store.has_table("meta") and not store.has_table("no_such_table")


def test_point_filter_in_each_dialect() -> None:
    f = Filters(since="2024-01-01", outlet="BBC")
    for store in (SQLiteStore, PostgresStore):
        outlet = store.OUTLET_CLAUSE.replace("?", store.MARK)
        where, args = point_filter("s1", f, store.MARK, outlet)
        assert where.count(store.MARK) == len(args) == 3
        assert args == ["s1", "2024-01-01", "BBC"]
    assert "?" not in point_filter("s1", f, "%s", "lower(a.outlet) = lower(%s)")[0]


def test_unmark_gives_plain_text_and_hit_offsets() -> None:
    text, hits = unmark("the \x02toll\x03 rose to \x0234\x03")
    assert text == "the toll rose to 34"
    assert [text[a:b] for a, b in hits] == ["toll", "34"]
