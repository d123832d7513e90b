"""Past one machine: the same chunked, ordered, bounded run on a ``dask.distributed`` cluster.

Each worker loads the pipeline once (a worker plugin does it at start-up; ``get_nlp`` caches it
per process), chunks of articles are submitted a few at a time, and records come back in input
order. ``address`` is a scheduler address (``tcp://host:8786``), ``"local"`` for a LocalCluster
on this machine, or an existing ``distributed.Client``. See docs/scale.md for a real cluster.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from ..errors import PipelineError, param
from ..record import Record
from .local import DEFAULT_CHUNK, Item, balanced_chunks, default_workers, extract_chunk, in_order

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


def records(items: Iterable[Item], address: Any = "local", chunk_size: int = DEFAULT_CHUNK,
            fast: bool | None = None, window: int | None = None,
            n_workers: int | None = None) -> Iterator[Record]:
    """One Record per item, in input order, computed on a Dask cluster.

    At most ``window`` chunks (default: two per worker thread) are in flight, so neither this
    process nor the scheduler ever holds the whole input."""
    client, owned = _connect(address, n_workers)
    try:
        plugin = LoadPipeline(fast)
        if hasattr(client, "register_plugin"):
            client.register_plugin(plugin)
        else:  # distributed < 2023.9
            client.register_worker_plugin(plugin)
        threads = sum(client.nthreads().values()) or 1
        window = window or 2 * threads
        futures = (client.submit(_extract, chunk, fast, pure=False)
                   for chunk in balanced_chunks(items, threads, chunk_size))
        yield from in_order(futures, window)
    finally:
        for thing in owned:
            thing.close()
