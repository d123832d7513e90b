"""Workflows: read files, run the pipeline on all local cores or a Dask cluster, feed the ledger.

``records(items, workers=N)`` yields one Record per Article (or BadLine) in input order, with
bounded memory, using N local processes; ``newsledger.run.dask.records`` does the same on a
``dask.distributed`` cluster; ``newsledger.run.ingest.ingest_paths`` reads files (articles,
batches, record files) into a ledger; ``resume`` finds where an interrupted run stopped.
"""

from __future__ import annotations

from .local import LineJob, Output, default_workers, json_lines, pool, records

__all__ = ["LineJob", "Output", "default_workers", "json_lines", "pool", "records"]
