"""The Dask runner (run/dask.py): a 2-worker LocalCluster gives the single-process records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.ingest import from_text
from newsledger.ingest.batch import BadLine
from newsledger.pipeline import run_articles
from tests.conftest import check_record
from tests.run.test_run import batch_lines, write_batch

distributed = pytest.importorskip("distributed")


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    from newsledger.run.dask import local_cluster

    cluster = local_cluster(2, memory_limit="1GiB", silence_logs=40)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_local_cluster_records_equal_single_process(client) -> None:  # type: ignore[no-untyped-def]
    from newsledger.run.dask import records

    arts: list = [from_text(json.loads(line)["text"], id=json.loads(line)["id"],
                            published="2024-05-10") for line in batch_lines(13)]
    arts.insert(3, BadLine(4, "line-4", "line 4: not JSON", {}))
    one = list(run_articles(arts))
    dist = list(records(iter(arts), client, chunk_size=3, window=3))
    assert [r.id for r in dist] == [a.id for a in arts]
    assert [r.to_dict() for r in dist] == [r.to_dict() for r in one]
    for r in dist:
        if not r.failed:
            check_record(r)
    assert len(client.nthreads()) == 2


def test_cli_dask_address(client, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    batch = write_batch(tmp_path / "b.jsonl", 6)
    out = tmp_path / "out.jsonl"
    r = CliRunner().invoke(app, ["extract", str(batch), "-o", str(out),
                                 "--dask", client.scheduler.address])
    assert r.exit_code == 0, r.output
    ids = [json.loads(line)["id"] for line in out.read_text("utf-8").splitlines()]
    assert ids == [f"a{i:04d}" for i in range(6)]


@pytest.mark.slow  # waits out Dask's connect timeout (10 s)
def test_cli_dask_unreachable_scheduler_is_a_clean_error(tmp_path: Path) -> None:
    batch = write_batch(tmp_path / "b.jsonl", 2)
    r = CliRunner().invoke(app, ["extract", str(batch), "-o", str(tmp_path / "o.jsonl"),
                                 "--dask", "tcp://127.0.0.1:9"])
    assert r.exit_code == 2
    assert "Dask scheduler" in r.output


def _digest(db: str) -> dict:  # type: ignore[type-arg]
    r = CliRunner().invoke(app, ["ledger", "digest", "--db", db])
    assert r.exit_code == 0, r.output
    return json.loads(r.output)  # type: ignore[no-any-return]


@pytest.mark.slow  # starts two LocalClusters of two workers, each loading the model (~60 s)
def test_ingest_dask_local_equals_a_single_sqlite_ingest(ledger_db: str, tmp_path: Path) -> None:
    """`ingest --dask local`: the workers extract, this process stores (into PostgreSQL, or
    SQLite); the ledger's digest is that of one in-process ingest into SQLite."""
    batch = write_batch(tmp_path / "b.jsonl", 9, bad_at=4)
    single = str(tmp_path / "single.sqlite")
    r = CliRunner().invoke(app, ["ingest", str(batch), "--db", single, "-w", "1", "-q"])
    assert r.exit_code == 0, r.output
    r = CliRunner().invoke(app, ["ingest", str(batch), "--db", ledger_db, "--dask", "local",
                                 "-w", "2", "-q", "-f", "json"])
    assert r.exit_code == 0, r.output
    stats = json.loads(r.output.strip().splitlines()[-1])
    assert (stats["new"], stats["failed"]) == (8, 1)
    want, got = _digest(single), _digest(ledger_db)
    assert want["tables"]["articles"] == 8 and want["tables"]["figures"] > 0
    assert got == want
    # Again: every article is found stored before it reaches the cluster.
    r = CliRunner().invoke(app, ["ingest", str(batch), "--db", ledger_db, "--dask", "local",
                                 "-w", "2", "-q", "-f", "json"])
    assert json.loads(r.output.strip().splitlines()[-1])["unchanged"] == 8
    assert _digest(ledger_db) == want
