"""All local cores: records for a stream of articles from N worker processes, in input order.

Each worker loads the pipeline once and extracts whole chunks of articles. Only a few chunks are
in flight at a time (``window``), so memory stays bounded whatever the input size: the input
iterable is read lazily, and records come back in input order as soon as their chunk is done.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from itertools import chain, islice
from typing import TYPE_CHECKING, Any, NamedTuple, TypeVar

from ..ingest.article import Article
from ..ingest.batch import DEFAULT_MAX_CHARS, BadLine, parse_line

if TYPE_CHECKING:
    from ..record import Record

Item = Article | BadLine
Line = tuple[int, bytes]  # a batch line: its number (from 1) and its raw bytes
T = TypeVar("T")
R = TypeVar("R")

# A chunk holds at most this many articles and about CHUNK_CHARS characters. Fewer, larger chunks
# give the speed path fuller batches (a worker on chunks of 16 spent 8% more CPU per article than
# on chunks of 32); the tail of a run is cut finer so that the workers finish together.
DEFAULT_CHUNK = 32
CHUNK_CHARS = 64_000


def default_workers() -> int:
    """The cores this process may use (its CPU affinity, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of at most ``size`` items, read lazily."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def weight(item: Any) -> int:
    """The characters an item will cost: an Article's text, a raw line's bytes; 1 for the rest."""
    text = getattr(item, "text", None)
    if isinstance(text, str):
        return len(text)
    if isinstance(item, tuple) and len(item) == 2 and isinstance(item[1], bytes):
        return len(item[1])
    return 1


def balanced_chunks(items: Iterable[T], workers: int, size: int = DEFAULT_CHUNK,
                    chars: int = CHUNK_CHARS) -> Iterator[list[T]]:
    """Consecutive chunks of at most ``size`` items and about ``chars`` characters, read lazily
    with a bounded read-ahead. Once the input runs out, what is left is cut into ever smaller
    chunks (guided self-scheduling), so that no worker sits idle while another finishes a big
    last chunk."""
    it = iter(items)
    buf: deque[tuple[T, int]] = deque()
    held, done = 0, False
    ahead_chars, ahead_items = 4 * workers * chars, 4 * workers * size
    floor = max(1, chars // 8)
    while True:
        while not done and held < ahead_chars and len(buf) < ahead_items:
            try:
                x = next(it)
            except StopIteration:
                done = True
                break
            w = weight(x)
            buf.append((x, w))
            held += w
        if not buf:
            return
        target = chars if not done else max(floor, min(chars, held // (2 * workers)))
        chunk: list[T] = []
        got = 0
        while buf and len(chunk) < size and (not chunk or got < target):
            x, w = buf.popleft()
            chunk.append(x)
            got += w
            held -= w
        yield chunk


def extract_chunk(chunk: list[Item], fast: bool | None = None) -> list[Record]:
    """The records of one chunk, in order, using this process's cached pipeline."""
    from ..pipeline import run_articles

    return list(run_articles(chunk, fast=fast, batch_size=max(1, len(chunk))))


@dataclass(frozen=True)
class LineJob:
    """How raw batch lines become records: the default publication date, the size limit, and
    whether to take the speed path. Sent to every worker with each chunk (it is tiny)."""

    published: str | None = None
    max_chars: int = DEFAULT_MAX_CHARS
    fast: bool | None = None

    def article(self, n: int, raw: bytes) -> Item:
        item = parse_line(n, raw, self.max_chars)
        if self.published and isinstance(item, Article) and not item.published:
            item.published, item.published_from = self.published, "given"
        return item


class Output(NamedTuple):
    """A record as its JSON line, and the first error message when extraction failed."""

    json: str
    error: str | None


def _output(rec: Record) -> Output:
    return Output(rec.to_json(), rec.errors[0].message if rec.failed and rec.errors else None)


def extract_lines(chunk: list[Line], job: LineJob) -> list[Output]:
    """JSON lines for a chunk of raw batch lines: the whole job of a worker (decoding, layout,
    HTML extraction, spaCy, extractors and serialising), so the parent only reads and writes."""
    from ..pipeline import run_articles

    items = [job.article(n, raw) for n, raw in chunk]
    return [_output(r) for r in run_articles(items, fast=job.fast,
                                             batch_size=max(1, len(items)))]


class Terminated(KeyboardInterrupt):
    """SIGTERM reached a process running a pool: raised in its main thread so that the run
    stops as on Ctrl-C (workers stopped, only complete output lines left)."""


_terminated = False
_PR_SET_PDEATHSIG = 1


def _on_sigterm(signum: int, frame: Any) -> None:
    global _terminated
    _terminated = True
    raise Terminated(f"signal {signum}")


class sigterm_stops:
    """While inside: SIGTERM raises :class:`Terminated` in the main thread (when this is the
    main thread and SIGTERM has its default action), so that pools are shut down, not orphaned."""

    def __enter__(self) -> sigterm_stops:
        self.old: Any = None
        try:
            if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
                self.old = signal.signal(signal.SIGTERM, _on_sigterm)
        except ValueError:  # not the main thread
            pass
        return self

    def __exit__(self, *exc: Any) -> None:
        if self.old is not None:
            signal.signal(signal.SIGTERM, self.old)


def die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux ``PR_SET_PDEATHSIG``;
    elsewhere nothing): a worker must not outlive a parent killed with ``kill -9``."""
    if not sys.platform.startswith("linux"):
        return
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


def stop(ex: ProcessPoolExecutor, now: bool) -> None:
    """Shut a pool down: ``now`` terminates its workers (chunks in flight are dropped, a huge
    article could take minutes), else waits for them."""
    if now:
        for proc in list((getattr(ex, "_processes", None) or {}).values()):
            proc.terminate()
    ex.shutdown(wait=not now, cancel_futures=True)


def _init_worker(fast: bool | None, parent: int | None = None) -> None:
    if parent is not None:
        die_with_parent(parent)
    # Ctrl-C reaches the whole process group: let the parent decide, so that it can stop the
    # workers and leave only complete lines behind.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..pipeline import warm_up

    warm_up(fast)  # load once, before the first chunk arrives


def in_order(futures: Iterable[Future[list[R]]], window: int) -> Iterator[R]:
    """Results of submitted chunks in submission order, keeping at most ``window`` in flight.

    ``futures`` is consumed lazily: each next() submits one more chunk."""
    pending: deque[Future[list[R]]] = deque()
    try:
        for fut in futures:
            pending.append(fut)
            while len(pending) >= window:
                yield from pending.popleft().result()
        while pending:
            yield from pending.popleft().result()
    finally:
        for fut in pending:
            fut.cancel()


def pool(workers: int | None = None, fast: bool | None = None) -> ProcessPoolExecutor:
    """A pool of worker processes, each loading the pipeline once; reusable across ``records``
    calls (e.g. one per input file) so that the start-up is paid once."""
    # spawn, not fork: the parent may be running threads (the progress bar), and a fresh
    # interpreter per worker is what a cluster worker gets too.
    return ProcessPoolExecutor(workers or default_workers(),
                               mp_context=multiprocessing.get_context("spawn"),
                               initializer=_init_worker, initargs=(fast, os.getpid()))


def _peeked(items: Iterable[T]) -> Iterator[T] | None:
    """``items`` as an iterator, or None when there are none: an empty input (``--resume`` of
    a finished run) then starts no worker and loads no pipeline."""
    it = iter(items)
    for first in it:
        return chain((first,), it)
    return None


def _on_pool(fn: Callable[..., list[R]], items: Iterable[T], arg: Any, workers: int,
             fast: bool | None, chunk_size: int, window: int | None,
             executor: ProcessPoolExecutor | None) -> Iterator[R]:
    """``fn(chunk, arg)`` over balanced chunks of ``items`` on a pool, results in input order."""
    # Four chunks per worker: while one worker is held up by a long article, the others keep
    # going for a while before in-order output makes them wait (finished chunks are small).
    window = window or 4 * workers
    ex = executor or pool(workers, fast)
    interrupted = False
    with sigterm_stops():
        try:
            yield from in_order((ex.submit(fn, c, arg)
                                 for c in balanced_chunks(items, workers, chunk_size)), window)
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (Terminated)
            interrupted = True
            raise
        finally:
            if executor is None:  # ours to stop; a caller's pool is left open
                # Interrupted (even where the consumer was when the signal came): do not wait
                # for chunks in flight.
                stop(ex, now=interrupted or _terminated)


def records(items: Iterable[Item], workers: int | None = None, chunk_size: int = DEFAULT_CHUNK,
            fast: bool | None = None, window: int | None = None,
            executor: ProcessPoolExecutor | None = None) -> Iterator[Record]:
    """One Record per item (an Article, or a BadLine that becomes an error record), in order.

    ``workers`` defaults to all cores; 1 runs in this process. At most ``window`` chunks of
    ``chunk_size`` items are read ahead (default: four per worker). ``executor`` (from
    :func:`pool`) is used, and left open, instead of starting new workers.

    Example::

        from newsledger.ingest.batch import open_lines, read_batch
        from newsledger.run import records
        for rec in records(read_batch(open_lines("articles.jsonl.gz")), workers=4):
            print(rec.id, len(rec.quotes))
    """
    workers = default_workers() if workers is None else max(1, workers)
    items = _peeked(items)
    if items is None:
        return
    if executor is None and workers == 1:
        from ..pipeline import run_articles

        yield from run_articles(items, fast=fast, batch_size=chunk_size)
        return
    yield from _on_pool(extract_chunk, items, fast, workers, fast, chunk_size, window, executor)


def json_lines(lines: Iterable[Line], job: LineJob = LineJob(), workers: int | None = None,
               chunk_size: int = DEFAULT_CHUNK, window: int | None = None,
               executor: ProcessPoolExecutor | None = None) -> Iterator[Output]:
    """One :class:`Output` (a record's JSON line) per raw batch line, in input order (blank
    lines are skipped).

    What ``newsledger extract BATCH -o OUT`` runs: the workers do everything from decoding the
    line to serialising the record, so the parent process only reads input and writes output and
    two workers get two cores' worth of work done.

    Example::

        from newsledger.ingest.batch import open_lines
        from newsledger.run.local import json_lines
        with open_lines("articles.jsonl.gz") as fh, open("out.jsonl", "w") as out:
            for o in json_lines(enumerate(fh, start=1), workers=2):
                out.write(o.json + "\n")
    """
    workers = default_workers() if workers is None else max(1, workers)
    lines = _peeked((n, raw) for n, raw in lines if raw.strip())  # a blank line is no article
    if lines is None:
        return
    if executor is None and workers == 1:
        from ..pipeline import run_articles

        items = (job.article(n, raw) for n, raw in lines)
        for rec in run_articles(items, fast=job.fast, batch_size=chunk_size):
            yield _output(rec)
        return
    yield from _on_pool(extract_lines, lines, job, workers, job.fast, chunk_size, window,
                        executor)
