"""All local cores: records for a stream of articles from N worker processes, in input order.

Each worker loads the pipeline once and extracts whole chunks of articles. Only a few chunks are
in flight at a time (``window``), so memory stays bounded whatever the input size: the input
iterable is read lazily, and records come back in input order as soon as their chunk is done.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from typing import TYPE_CHECKING, Union

if TYPE_CHECKING:
    from ..ingest.article import Article
    from ..ingest.batch import BadLine
    from ..record import Record

Item = Union["Article", "BadLine"]

DEFAULT_CHUNK = 16


def default_workers() -> int:
    """The cores this process may use (its CPU affinity, not the machine's total)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    """Consecutive lists of at most ``size`` items, read lazily."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def extract_chunk(chunk: list[Item], fast: bool | None = None) -> list[Record]:
    """The records of one chunk, in order, using this process's cached pipeline."""
    from ..pipeline import run_articles

    return list(run_articles(chunk, fast=fast, batch_size=max(1, len(chunk))))


def _init_worker(fast: bool | None) -> None:
    # Ctrl-C reaches the whole process group: let the parent decide, so that it can stop the
    # workers and leave only complete lines behind.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from ..nlp import get_nlp

    get_nlp(fast=fast)  # load once, before the first chunk arrives


def in_order(futures: Iterable[Future[list[Record]]], window: int) -> Iterator[Record]:
    """Records of submitted chunks in submission order, keeping at most ``window`` in flight.

    ``futures`` is consumed lazily: each next() submits one more chunk."""
    pending: deque[Future[list[Record]]] = deque()
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
                               initializer=_init_worker, initargs=(fast,))


def records(items: Iterable[Item], workers: int | None = None, chunk_size: int = DEFAULT_CHUNK,
            fast: bool | None = None, window: int | None = None,
            executor: ProcessPoolExecutor | None = None) -> Iterator[Record]:
    """One Record per item (an Article, or a BadLine that becomes an error record), in order.

    ``workers`` defaults to all cores; 1 runs in this process. At most ``window`` chunks of
    ``chunk_size`` items are read ahead (default: two per worker). ``executor`` (from
    :func:`pool`) is used, and left open, instead of starting new workers.

    Example::

        from newsledger.ingest.batch import open_lines, read_batch
        from newsledger.run import records
        for rec in records(read_batch(open_lines("articles.jsonl.gz")), workers=4):
            print(rec.id, len(rec.quotes))
    """
    workers = default_workers() if workers is None else max(1, workers)
    if executor is not None:
        yield from in_order((executor.submit(extract_chunk, c, fast)
                             for c in chunks(items, chunk_size)), window or 2 * workers)
        return
    if workers == 1:
        from ..pipeline import run_articles

        yield from run_articles(items, fast=fast)
        return
    window = window or 2 * workers
    ex = pool(workers, fast)
    interrupted = False
    try:
        yield from in_order((ex.submit(extract_chunk, c, fast) for c in chunks(items, chunk_size)),
                            window)
    except KeyboardInterrupt:
        interrupted = True
        raise
    finally:
        if interrupted:
            # Do not wait for chunks in flight (a huge article could take minutes).
            for proc in list((getattr(ex, "_processes", None) or {}).values()):
                proc.terminate()
        ex.shutdown(wait=not interrupted, cancel_futures=True)
