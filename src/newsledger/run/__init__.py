"""Running the pipeline at scale: the speed path, all local cores, and a Dask cluster.

``records(items, workers=N)`` yields one Record per Article (or BadLine) in input order, with
bounded memory, using N local processes; ``newsledger.run.dask.records`` does the same on a
``dask.distributed`` cluster.
"""

from __future__ import annotations

from .local import LineJob, Output, default_workers, json_lines, pool, records

__all__ = ["LineJob", "Output", "default_workers", "json_lines", "pool", "records"]
