"""`newsledger watch` and `newsledger ledger sources` from the command line."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from tests.watch.fixtures import Site, page_html, rss, story_text

runner = CliRunner()
SRC = str(Path(__file__).resolve().parents[2] / "src")


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site()
    s.start()
    items = [{"title": "Toll rises", "link": f"{s.base}/story.html",
              "pubDate": "Tue, 01 Apr 2025 10:00:00 GMT"}]
    s.put("/rss.xml", rss("Harbor Post", s.base, items), content_type="application/rss+xml")
    s.put("/story.html", page_html("Toll rises", story_text("Wexley", 410, 37, "Monday"),
                                   "Harbor Post", "2025-04-01"))
    yield s
    s.stop()


def test_watch_once_then_ledger_sources(site: Site, ledger_db: str) -> None:
    db = ledger_db
    res = runner.invoke(app, ["watch", f"{site.base}/rss.xml", f"{site.base}/missing.xml",
                              "--db", str(db), "--once", "--delay", "0"])
    assert res.exit_code == 0, res.output
    assert "poll 1: 2 source(s) (1 failed)" in res.output and "1 new" in res.output
    res = runner.invoke(app, ["ledger", "sources", "--db", str(db), "-f", "json"])
    assert res.exit_code == 0, res.output
    rows = {r["source"]: r for r in json.loads(res.output)}
    assert rows[f"{site.base}/rss.xml"]["stored"] == 1
    assert "HTTP 404" in rows[f"{site.base}/missing.xml"]["last_error"]
    res = runner.invoke(app, ["ledger", "sources", "--db", str(db), "--errors", "5"])
    assert res.exit_code == 0 and "HTTP 404" in res.output


def test_bad_source_argument_exits_2(tmp_path: Path) -> None:
    res = runner.invoke(app, ["watch", str(tmp_path / "nothing-here"), "--db",
                              str(tmp_path / "l.sqlite"), "--once"])
    assert res.exit_code == 2 and "No such file, folder or URL" in res.output


@pytest.mark.slow  # a subprocess that loads the model: ~12 s
@pytest.mark.parametrize("sig, code", [(signal.SIGINT, 130), (signal.SIGTERM, 0)])
def test_signal_stops_cleanly(site: Site, tmp_path: Path, sig: int, code: int) -> None:
    db = tmp_path / "l.sqlite"
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsledger", "watch", f"{site.base}/rss.xml", "--db", str(db),
         "--interval", "3600", "--delay", "0"],
        env={**os.environ, "PYTHONPATH": SRC}, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not site.fetched("/story.html"):
            time.sleep(0.05)
        time.sleep(0.5)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == code, err
    assert "poll 1:" in err
