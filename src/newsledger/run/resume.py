"""Restartable batch runs: how many lines a batch has, which ids an output already holds, and
cutting a half-written last line, so that an interrupted run can continue where it stopped."""

from __future__ import annotations

import gzip
import json
import math
from pathlib import Path

from ..errors import InputError
from .local import DEFAULT_CHUNK, default_workers

_BLOCK = 1 << 20


def count_lines(path: str) -> int | None:
    """Non-blank lines in a batch file (what the progress bar counts: blank lines are skipped);
    None for stdin or an unreadable file."""
    if path == "-":
        return None
    p = Path(path)
    try:
        fh = gzip.open(p, "rb") if p.suffix == ".gz" else open(p, "rb")
    except OSError:
        return None
    try:
        with fh:
            return sum(1 for line in fh if line.strip())
    except (OSError, EOFError):
        return None


def choose_workers(requested: int | None, total: int | None, chunk: int = DEFAULT_CHUNK) -> int:
    """Worker processes for a batch: as asked (default all cores), but no more than it has chunks,
    so that a handful of lines does not pay for starting and loading N pipelines."""
    n = requested or default_workers()
    if total is not None:
        n = min(n, max(1, math.ceil(total / chunk)))
    return n


def drop_partial_line(path: Path) -> None:
    """Cut a last line that has no newline (a write cut short), so the file holds whole lines."""
    try:
        with open(path, "rb+") as fh:
            size = fh.seek(0, 2)
            if size == 0:
                return
            pos = size
            while pos > 0:
                step = min(_BLOCK, pos)
                fh.seek(pos - step)
                block = fh.read(step)
                if pos == size and block.endswith(b"\n"):
                    return
                i = block.rfind(b"\n")
                if i >= 0:
                    fh.truncate(pos - step + i + 1)
                    return
                pos -= step
            fh.truncate(0)
    except FileNotFoundError:
        return


def resume_ids(path: Path) -> frozenset[str]:
    """Ids of the records already in ``path`` (after dropping a half-written last line)."""
    if not path.exists():
        return frozenset()
    drop_partial_line(path)
    ids: set[str] = set()
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                rid = json.loads(line).get("id")
            except (json.JSONDecodeError, UnicodeDecodeError, AttributeError):
                raise InputError(
                    f"{str(path)!r} line {n} is not a JSON record, so resuming cannot tell what is "
                    "done. Remove that line, or start again into a new output.") from None
            if isinstance(rid, str):
                ids.add(rid)
    return frozenset(ids)
