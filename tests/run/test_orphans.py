"""Workers die with their parent (issue #18): `kill -9` or SIGTERM of a batch run on two workers
leaves no process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import psutil
import pytest

from tests.run.test_crash import env, stored
from tests.run.test_run import write_batch

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="PR_SET_PDEATHSIG is Linux only")


def _descendants(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _alive(procs: list[psutil.Process]) -> list[psutil.Process]:
    out = []
    for p in procs:
        try:
            if p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
                out.append(p)
        except psutil.NoSuchProcess:
            pass
    return out


def _kill_when_busy(cmd: list[str], busy: object, sig: int) -> tuple[int | None, list]:
    """Start ``cmd``; once ``busy()`` (the workers have done work) send ``sig`` to the parent
    only; return its exit code and the processes it had started that are still alive after at
    most 20 s."""
    proc = subprocess.Popen(cmd, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    kids: list[psutil.Process] = []
    try:
        deadline = time.monotonic() + 180
        while proc.poll() is None and time.monotonic() < deadline:
            kids = _descendants(proc.pid)
            if len(kids) >= 2 and busy():  # type: ignore[operator]
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the run ended before it could be killed"
        kids = _descendants(proc.pid)
        os.kill(proc.pid, sig)
        proc.wait(timeout=30)
        deadline = time.monotonic() + 20
        while _alive(kids) and time.monotonic() < deadline:
            time.sleep(0.1)
        return proc.returncode, _alive(kids)
    finally:
        for p in _alive(kids):  # leave nothing behind even when the test fails
            p.kill()
        if proc.poll() is None:
            proc.kill()


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_kill_9_of_extract_leaves_no_worker(tmp_path: Path) -> None:
    batch = write_batch(tmp_path / "b.jsonl", 3000)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "newsledger", "extract", str(batch), "-o", str(out),
           "--workers", "2"]
    code, left = _kill_when_busy(cmd, lambda: out.exists() and out.stat().st_size > 0,
                                 signal.SIGKILL)
    assert code == -signal.SIGKILL
    assert not left, [p.cmdline() for p in left]


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_sigterm_of_ingest_stops_its_workers(tmp_path: Path) -> None:
    batch = write_batch(tmp_path / "b.jsonl", 3000)
    db = tmp_path / "l.sqlite"
    cmd = [sys.executable, "-m", "newsledger", "ingest", str(batch), "--db", str(db), "-q",
           "--workers", "2"]
    code, left = _kill_when_busy(cmd, lambda: stored(db) > 0, signal.SIGTERM)
    assert code == 130  # stopped as on Ctrl-C, not killed
    assert not left, [p.cmdline() for p in left]
