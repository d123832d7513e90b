"""Crash safety and concurrency with real processes: `kill -9` during a 1,000-article ingest,
then the same command again; and two ingest processes writing one database at once."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

import newsledger
from newsledger.ledger.synthetic import make_record
from newsledger.record import Entity, Quote, Span, Speaker

N = 1000
SRC = str(Path(newsledger.__file__).resolve().parents[1])


def heavy_record(i: int):  # type: ignore[no-untyped-def]
    """A synthetic record with enough rows (figures, quotes, entities) that storing it takes a
    measurable moment, so the kill lands mid-ingest."""
    figs = [(1000 + i * 10 + k, ("killed", "injured", "displaced")[k % 3],
             ("Gaza", "Rafah", "the West Bank")[k % 3], "the health ministry", True)
            for k in range(12)]
    rec = make_record(f"art-{i:04d}", f"2024-0{1 + i % 9}-{1 + i % 28:02d}", figs,
                      outlet=("AP", "BBC", "NPR")[i % 3], wire="AP" if i % 4 == 0 else None,
                      filler=f"Story {i}. " + "Background paragraph. " * 20,
                      url=f"https://example.org/{i}")
    t = rec.text
    for k in range(10):
        s = t.index("said", k * 40)
        rec.quotes.append(Quote("indirect", Span.of(t, max(0, s - 30), s),
                                Span.of(t, s, s + 4), Speaker(None, "Gaza health ministry")))
        rec.entities.append(Entity(Span.of(t, s, s + 4), "ORG", f"Org {k}"))
    return rec


@pytest.fixture(scope="module")
def records_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("crash") / "records.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(N):
            fh.write(heavy_record(i).to_json() + "\n")
    return path


def ingest_cmd(src: Path, db: Path | str) -> list[str]:
    return [sys.executable, "-m", "newsledger", "ingest", str(src), "--db", str(db), "-q",
            "--json"]


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = SRC + os.pathsep + e.get("PYTHONPATH", "")
    return e


def stored(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(con.execute("SELECT COUNT(*) FROM articles").fetchone()[0])
        finally:
            con.close()
    except sqlite3.Error:
        return 0  # not created yet


def assert_complete(db: Path, n: int) -> None:
    """Every article exactly once, and every article whole: its record, figures, quotes,
    entities and sources all there (nothing partial)."""
    con = sqlite3.connect(db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("SELECT COUNT(*), COUNT(DISTINCT article_id) FROM articles").fetchone() \
        == (n, n)
    rows = con.execute(
        "SELECT a.pk, r.json, "
        "(SELECT COUNT(*) FROM figures f WHERE f.article_pk = a.pk), "
        "(SELECT COUNT(*) FROM quotes q WHERE q.article_pk = a.pk), "
        "(SELECT COUNT(*) FROM entities e WHERE e.article_pk = a.pk), "
        "(SELECT COUNT(*) FROM sources s WHERE s.article_pk = a.pk) "
        "FROM articles a LEFT JOIN records r ON r.article_pk = a.pk").fetchall()
    assert len(rows) == n
    for pk, body, nf, nq, ne, ns in rows:
        assert body is not None, f"article {pk} has no record"
        rec = json.loads(body)
        assert (nf, nq, ne, ns) == (len(rec["figures"]), len(rec["quotes"]),
                                    len(rec["entities"]), len(rec["sources"])), pk
    assert con.execute("SELECT COUNT(*) FROM articles_fts").fetchone()[0] == n
    assert con.execute("SELECT COUNT(*) FROM series WHERE dirty = 1").fetchone()[0] == 0
    total = con.execute("SELECT COUNT(*) FROM figures WHERE series_id IS NOT NULL").fetchone()[0]
    assert con.execute("SELECT SUM(n_points) FROM series").fetchone()[0] == total
    con.close()


@pytest.mark.slow
def test_kill_9_mid_ingest_then_rerun(records_file: Path, tmp_path: Path) -> None:
    db = tmp_path / "crash.sqlite"
    proc = subprocess.Popen(ingest_cmd(records_file, db), env=env(),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while stored(db) < 50 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    assert proc.returncode == -signal.SIGKILL, "ingest ended before it could be killed"
    partial = stored(db)
    assert 0 < partial < N, partial

    again = subprocess.run(ingest_cmd(records_file, db), env=env(), capture_output=True,
                           text=True, timeout=120)
    assert again.returncode == 0, again.stderr
    counts = json.loads(again.stdout.strip().splitlines()[-1])
    assert counts["unchanged"] == partial and counts["new"] == N - partial
    assert_complete(db, N)


@pytest.mark.slow
def test_two_concurrent_ingests_do_not_corrupt(tmp_path: Path) -> None:
    lines = [heavy_record(i).to_json() + "\n" for i in range(300)]
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text("".join(lines[:200]), encoding="utf-8")     # overlap: 100..199 in both
    b.write_text("".join(lines[100:]), encoding="utf-8")
    db = tmp_path / "shared.sqlite"
    procs = [subprocess.Popen(ingest_cmd(p, db), env=env(), stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True) for p in (a, b)]
    outs = [p.communicate(timeout=120) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    counts = [json.loads(out.strip().splitlines()[-1]) for out, _ in outs]
    assert sum(c["new"] for c in counts) == 300
    assert sum(c["unchanged"] for c in counts) == 100
    assert_complete(db, 300)


@pytest.mark.slow
def test_two_concurrent_ingests_into_postgres_equal_one_sqlite_ingest(tmp_path: Path) -> None:
    """Two ingest processes writing one PostgreSQL ledger (overlapping inputs) store what one
    SQLite ingest of everything stores: the same digest."""
    from newsledger.ledger import Ledger
    from newsledger.ledger.digest import ledger_digest
    from tests.conftest import PG_SKIP, PG_URL, pg_schema_url

    if not PG_URL:
        pytest.skip(PG_SKIP)
    lines = [heavy_record(i).to_json() + "\n" for i in range(300)]
    a, b, every = tmp_path / "a.jsonl", tmp_path / "b.jsonl", tmp_path / "all.jsonl"
    a.write_text("".join(lines[:200]), encoding="utf-8")
    b.write_text("".join(reversed(lines[100:])), encoding="utf-8")  # meets a head-on
    every.write_text("".join(lines), encoding="utf-8")
    one = tmp_path / "one.sqlite"
    done = subprocess.run(ingest_cmd(every, one), env=env(), capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    with Ledger(one, readonly=True) as led:
        want = ledger_digest(led.store)
    places = pg_schema_url("crash")
    url = next(places)
    try:
        procs = [subprocess.Popen(ingest_cmd(p, url), env=env(), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for p in (a, b)]
        outs = [p.communicate(timeout=300) for p in procs]
        for p, (out, err) in zip(procs, outs):
            assert p.returncode == 0, err
        counts = [json.loads(out.strip().splitlines()[-1]) for out, _ in outs]
        assert sum(c["new"] for c in counts) == 300
        assert sum(c["unchanged"] for c in counts) == 100
        with Ledger(url, readonly=True) as led:
            assert led.stats()["dirty_series"] == 0
            got = ledger_digest(led.store)
        assert got == want
    finally:
        next(places, None)
