"""A rich progress bar on stderr, written once for every long-running command."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

from rich.progress import (BarColumn, MofNCompleteColumn, Progress, ProgressColumn, SpinnerColumn,
                           Task, TextColumn, TimeElapsedColumn, TimeRemainingColumn)
from rich.text import Text

from .app import err_console


class RateColumn(ProgressColumn):
    """Items per second (rich's own speed column counts bytes)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text("" if speed is None else f"{speed:,.1f}/s")


@contextmanager
def progress_bar(label: str, total: int | None = None, enabled: bool = True
                 ) -> Iterator[Callable[[int], None]]:
    """Yield ``advance(n)``; shows rate and ETA when ``total`` is known. Disabled → no output."""
    if not enabled:
        yield lambda n: None
        return
    columns = [SpinnerColumn(), TextColumn("[bold]{task.description}"), BarColumn(),
               MofNCompleteColumn(), RateColumn(),
               TimeElapsedColumn(), TimeRemainingColumn()]
    # A long estimate window: batch runners report records in bursts of a chunk at a time.
    with Progress(*columns, console=err_console, transient=False,
                  speed_estimate_period=120) as prog:
        task = prog.add_task(label, total=total)
        done = 0

        def advance(n: int) -> None:
            nonlocal done
            done += n
            if total is not None and done > total:  # never "18/16": the total was an estimate
                prog.update(task, total=done)
            prog.advance(task, n)

        yield advance
        if total is not None and done < total:  # fewer items than estimated: end at n/n
            prog.update(task, total=done)
