"""Past one machine: the same chunked, ordered, bounded run on a ``dask.distributed`` cluster.

Each worker loads the pipeline once (a worker plugin does it at start-up; ``get_nlp`` caches it
per process), chunks of articles are submitted a few at a time, and records come back in input
order. ``address`` is a scheduler address (``tcp://host:8786``), ``"local"`` for a LocalCluster
on this machine, or an existing ``distributed.Client`` (:func:`session` makes one to share across
several calls, e.g. the files of one ``ingest``). See docs/scale.md for a real cluster.

``ingest --dask``: the workers extract (raw batch lines in, record JSON lines out, as
:func:`json_lines`), and the one parent process stores what they return, in input order, into
whatever ``--db`` names. The workers need no access to the ledger; the parent is the only writer,
so the ledger equals a single-process ingest of the same files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from ..errors import PipelineError, param
from ..record import Record
from .local import (
    DEFAULT_CHUNK,
    Item,
    Line,
    LineJob,
    Output,
    balanced_chunks,
    default_workers,
    extract_chunk,
    extract_lines,
    in_order,
)

T = TypeVar("T")
R = TypeVar("R")

try:
    from distributed import Client, LocalCluster
    from distributed.diagnostics.plugin import WorkerPlugin
except ImportError:  # the optional extra `dask` is not installed
    Client = LocalCluster = None  # type: ignore[assignment,misc]
    WorkerPlugin = object  # type: ignore[assignment,misc]


class LoadPipeline(WorkerPlugin):  # type: ignore[misc,valid-type]
    """Load the pipeline when a worker starts, so the first chunk does not pay for it."""

    name = "newsledger-pipeline"

    def __init__(self, fast: bool | None = None):
        self.fast = fast

    def setup(self, worker: Any) -> None:
        from ..pipeline import warm_up

        warm_up(self.fast)


def _extract(chunk: list[Item], fast: bool | None) -> list[Record]:
    # A module-level function: workers import it by name, so they need newsledger installed.
    return extract_chunk(chunk, fast)


def _extract_lines(chunk: list[Line], job: LineJob) -> list[Output]:
    return extract_lines(chunk, job)


def local_cluster(n_workers: int | None = None, **kwargs: Any) -> Any:
    """A LocalCluster of single-threaded worker processes (the pipeline is not thread-parallel)."""
    _require()
    opts: dict[str, Any] = {"n_workers": n_workers or default_workers(), "threads_per_worker": 1,
                            "processes": True, "dashboard_address": None}
    opts.update(kwargs)
    return LocalCluster(**opts)


def _require() -> None:
    if Client is None:
        raise PipelineError(f"{param('address')} needs dask.distributed, which is not installed. Install it "
                            "with `pip install 'newsledger[dask]'` (on every worker, too).")


def _connect(address: Any, n_workers: int | None) -> tuple[Any, list[Any]]:
    """The client to use, and what to close afterwards (only what we started)."""
    _require()
    if Client is not None and isinstance(address, Client):
        return address, []
    if address == "local":
        cluster = local_cluster(n_workers)
        client = Client(cluster)
        return client, [client, cluster]
    try:
        client = Client(address, timeout="10s")
    except OSError as exc:
        raise PipelineError(f"Could not reach the Dask scheduler at {address!r}: {exc}. Start one "
                            f"with `dask scheduler`, or pass {param('address')}\"local\".") from exc
    return client, [client]


@contextmanager
def session(address: Any = "local", n_workers: int | None = None,
            fast: bool | None = None) -> Iterator[Any]:
    """A client with the pipeline-loading plugin registered, for several runs in a row; closes
    only what it started (a LocalCluster for ``"local"``, its own client for an address)."""
    client, owned = _connect(address, n_workers)
    try:
        plugin = LoadPipeline(fast)
        if hasattr(client, "register_plugin"):
            client.register_plugin(plugin)
        else:  # distributed < 2023.9
            client.register_worker_plugin(plugin)
        yield client
    finally:
        for thing in owned:
            thing.close()


def _on_cluster(fn: Callable[[list[T], Any], list[R]], items: Iterable[T], arg: Any,
                address: Any, chunk_size: int, fast: bool | None, window: int | None,
                n_workers: int | None) -> Iterator[R]:
    """``fn(chunk, arg)`` over balanced chunks of ``items`` on the cluster, results in order."""
    with session(address, n_workers, fast) as client:
        threads = sum(client.nthreads().values()) or 1
        window = window or 2 * threads
        futures = (client.submit(fn, chunk, arg, pure=False)
                   for chunk in balanced_chunks(items, threads, chunk_size))
        yield from in_order(futures, window)


def records(items: Iterable[Item], address: Any = "local", chunk_size: int = DEFAULT_CHUNK,
            fast: bool | None = None, window: int | None = None,
            n_workers: int | None = None) -> Iterator[Record]:
    """One Record per item, in input order, computed on a Dask cluster.

    At most ``window`` chunks (default: two per worker thread) are in flight, so neither this
    process nor the scheduler ever holds the whole input."""
    yield from _on_cluster(_extract, items, fast, address, chunk_size, fast, window, n_workers)


def json_lines(lines: Iterable[Line], job: LineJob = LineJob(), address: Any = "local",
               chunk_size: int = DEFAULT_CHUNK, window: int | None = None,
               n_workers: int | None = None) -> Iterator[Output]:
    """One :class:`~.local.Output` (a record's JSON line) per raw batch line, in input order
    (blank lines skipped), computed on a Dask cluster: what ``ingest BATCH --dask`` runs."""
    lines = ((n, raw) for n, raw in lines if raw.strip())  # a blank line is no article
    yield from _on_cluster(_extract_lines, lines, job, address, chunk_size, job.fast, window,
                           n_workers)
