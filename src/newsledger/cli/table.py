"""`--format table`: a readable summary of a record, with the span of everything found."""

from __future__ import annotations

from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..record import Record, Span


def _sp(s: Span | None, width: int = 70) -> str:
    if s is None:
        return ""
    t = s.text.replace("\n", " ")
    # Article text may hold "[truce]"-like brackets: escape so rich shows them, not styles them.
    return escape((t[: width - 1] + "…" if len(t) > width else t) + f"  [{s.start}:{s.end}]")


def print_table(rec: Record, out: IO[str]) -> None:
    console = Console(file=out, width=160, highlight=False, soft_wrap=False)
    console.print(f"[bold]{escape(rec.id)}[/]  {escape(rec.title or '')}  "
                  f"published={rec.published}  outlet={escape(rec.outlet or '')}  "
                  f"byline={escape(', '.join(rec.byline))}")
    for e in rec.errors:
        console.print(f"[red]error[/] ({e.stage}{', line ' + str(e.line) if e.line else ''}): "
                      f"{escape(e.message)}")
    if rec.quotes:
        t = Table("kind", "speaker", "cue", "content", title="quotes")
        for q in rec.quotes:
            t.add_row(q.kind, escape(q.speaker.name or "?"), escape(q.cue.text) if q.cue else "",
                      _sp(q.content))
        console.print(t)
    if rec.figures:
        t = Table("value", "approx", "metric", "counts", "claimant", "as of", "span",
                  title="figures")
        for f in rec.figures:
            ranged = f.low is not None and f.high is not None and f.low != f.high
            val = f"{f.low:g}–{f.high:g}" if ranged \
                else f"{f.value:g}" if f.value is not None else "?"
            t.add_row(val, f.approx, f.metric, escape(f.counts or ""),
                      escape(f.claimant.name or "?") if f.claimant else "", f.as_of or "",
                      _sp(f.span, 40))
        console.print(t)
    if rec.times:
        t = Table("type", "value", "mod", "span", title="times")
        for x in rec.times:
            t.add_row(x.type, x.value or "?", x.mod or "", _sp(x.span, 50))
        console.print(t)
    if rec.sources:
        t = Table("role", "name", "span", title="sources")
        for s in rec.sources:
            t.add_row(s.role, escape(s.name), _sp(s.span, 50))
        console.print(t)
    if rec.checks:
        t = Table("kind", "holds", "figures", "note", title="checks")
        for c in rec.checks:
            t.add_row(c.kind, str(c.holds), ",".join(map(str, c.figures)), c.note)
        console.print(t)
    console.print(f"{len(rec.entities)} entities, {len(rec.blocks)} blocks")
