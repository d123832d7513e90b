"""`newsledger watch`: keep a ledger current from feeds, pages and folders.

Thin over :mod:`newsledger.watch`: resolve the SOURCE arguments, open the ledger, poll (once or
every ``--interval`` seconds), print a status line per poll. The first SIGINT or SIGTERM ends
the poll after the current item (exit 130 after SIGINT, 0 after SIGTERM); a second one abandons the item at once (its
transaction is rolled back; the next run does it again).
"""

from __future__ import annotations

import signal
import threading
from pathlib import Path
from types import FrameType
from typing import Any

import typer
from rich.markup import escape

from ..errors import NewsledgerError
from .app import app, db_option, err_console, fail


class _Signals:
    """First SIGINT/SIGTERM: set ``stop`` (finish the current item). Second: KeyboardInterrupt."""

    def __init__(self, stop: threading.Event) -> None:
        self.stop = stop
        self.old: dict[int, Any] = {}
        self.first: int | None = None

    def _handle(self, signum: int, frame: FrameType | None) -> None:
        if self.stop.is_set():
            raise KeyboardInterrupt
        self.stop.set()
        self.first = signum
        err_console.print(f"[yellow]{signal.Signals(signum).name}:[/] stopping after the "
                          "current item (again to stop now)", soft_wrap=True)

    def __enter__(self) -> _Signals:
        for s in (signal.SIGINT, signal.SIGTERM):
            self.old[s] = signal.signal(s, self._handle)
        return self

    def __exit__(self, *exc: object) -> None:
        for s, h in self.old.items():
            signal.signal(s, h)


@app.command()
def watch(
    sources: list[str] = typer.Argument(..., metavar="SOURCE...",
                                        help="Feed URLs (RSS, Atom, JSON Feed), feed files, OPML "
                                             "files or lists of feed URLs, or folders of .txt, "
                                             ".html and .jsonl files."),
    db: str = db_option(),
    interval: float = typer.Option(900.0, "--interval", min=1.0, metavar="SECONDS",
                                   help="Seconds between polls (default: 900)."),
    once: bool = typer.Option(False, "--once", help="Poll every source once and exit (for cron "
                                                    "and tests)."),
    delay: float = typer.Option(1.0, "--delay", min=0.0, metavar="SECONDS",
                                help="Seconds between two requests to one host (default: 1)."),
    timeout: float = typer.Option(20.0, "--timeout", min=0.1, metavar="SECONDS",
                                  help="Seconds to wait for a server (default: 20)."),
    max_bytes: int = typer.Option(5_000_000, "--max-bytes", min=1000, metavar="BYTES",
                                  help="Largest feed or page read, after decompression "
                                       "(default: 5,000,000)."),
    no_robots: bool = typer.Option(False, "--ignore-robots",
                                   help="Do not read robots.txt (only for your own servers)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No warnings, only status lines."),
) -> None:
    """Keep the ledger current: poll feeds and folders, extract new and changed articles, store
    them.

    Each poll reads every source, fetches the items that are new or changed (conditional GET,
    robots.txt, a per-host delay), extracts and stores them: an edited page becomes a new
    version, and wire copies across outlets are flagged as echoes. What was seen is kept in the
    ledger, so a restart resumes. A bad source is recorded on that source (`newsledger ledger
    sources`) and the others go on. SIGINT or SIGTERM ends the poll after the current item (a
    second one abandons it: nothing is half-stored); exit status 130 after SIGINT, else 0.

    \b
    Example:
        newsledger watch https://example.org/world/rss.xml feeds.opml --db news.sqlite
        newsledger watch examples --db news.sqlite --once
    """
    from ..ledger import Ledger
    from ..watch import Fetcher, FetchOptions, Poller, resolve_all
    from ..watch import watch as run_watch

    try:
        resolved = resolve_all(sources)
    except NewsledgerError as exc:
        fail(str(exc))
    try:
        led = Ledger(db)
    except NewsledgerError as exc:
        fail(str(exc))
    stop = threading.Event()
    signals = _Signals(stop)
    options = FetchOptions(max_bytes=max_bytes, timeout=timeout, delay=delay,
                           robots=not no_robots)

    def warn(message: str) -> None:
        if not quiet:
            err_console.print(f"[yellow]warning:[/] {escape(message)}", soft_wrap=True)

    try:
        with led, Fetcher(options) as fetcher, signals:
            poller = Poller(led, resolved, fetcher, stop=stop, on_warning=warn)
            run_watch(poller, interval=interval, once=once,
                      on_poll=lambda st: err_console.print(escape(st.line()), soft_wrap=True))
    except KeyboardInterrupt:
        err_console.print("[yellow]interrupted:[/] the item in progress was abandoned (nothing "
                          "half-stored); the next run fetches it again", soft_wrap=True)
        raise typer.Exit(130) from None
    except NewsledgerError as exc:
        fail(str(exc))
    # SIGTERM is how a service manager asks a daemon to stop: a clean stop exits 0 then.
    if stop.is_set() and signals.first != signal.SIGTERM:
        raise typer.Exit(130)
