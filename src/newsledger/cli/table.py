"""Tables for people: `extract --format table` (a readable summary of a record, with the span of
everything found) and the shared helpers of every table (width, numbers, columns by priority).

Tables fit the terminal: ``COLUMNS`` when set, else the terminal's width, else (a pipe or a file)
a wide page. When the width is short, the least useful columns go first and the rest wrap.
Numbers are written in full with thousands separators ("11,000,000", never "1.1e+07").
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import IO

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..record import Record, Span, Speaker

PIPE_WIDTH = 160  # output to a pipe or a file, with no COLUMNS: wide, but not unbounded


def out_width(out: IO[str], default: int = PIPE_WIDTH) -> int | None:
    """The width to lay tables out for: $COLUMNS, else the terminal's (None: rich asks it), else
    ``default``."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        return None if out.isatty() else default
    except (AttributeError, ValueError):
        return default


def console_for(out: IO[str], default: int = PIPE_WIDTH) -> Console:
    return Console(file=out, highlight=False, soft_wrap=False, width=out_width(out, default))


def num(x: float | None) -> str:
    """A number in full, with thousands separators: "11,000,000", "2.5", "?" for none."""
    if x is None:
        return "?"
    x = float(x)
    if x.is_integer():
        return f"{x:,.0f}"
    return f"{x:,.6f}".rstrip("0").rstrip(".")


_APPROX = {"more_than": "> ", "at_least": "≥ ", "about": "~", "less_than": "< ", "up_to": "≤ ",
           "vague": "≈"}


def value_text(value: float | None, low: float | None, high: float | None,
               approx: str | None) -> str:
    """"> 34,000", "~1,200", "20–30"."""
    if low is not None and high is not None and low != high and (approx == "range"
                                                                   or value is None):
        return f"{num(low)}–{num(high)}"
    v = value if value is not None else low if low is not None else high
    return _APPROX.get(approx or "", "") + num(v)


def who(speaker: Speaker | None) -> str:
    """A speaker's canonical name, else the mention as written, else "?"."""
    if speaker is None:
        return ""
    if speaker.name:
        return speaker.name
    if speaker.mention is not None and speaker.mention.text.strip():
        return " ".join(speaker.mention.text.split())
    return "?"


def fit(columns: Sequence[tuple[str, int, int]], width: int | None) -> list[str]:
    """The columns to show, in their order: ``(name, priority, width it needs)``, priority 0 the
    most important. Columns go, least important first, until the rest fit in ``width``."""
    if width is None:
        return [c[0] for c in columns]
    keep = list(columns)
    while len(keep) > 1 and sum(w + 3 for _, _, w in keep) + 1 > width:
        keep.remove(max(keep, key=lambda c: c[1]))
    return [c[0] for c in keep]


def folding(t: Table) -> Table:
    """Long words (series ids, URLs) break across lines rather than end in "…"."""
    for c in t.columns:
        c.overflow = "fold"
    return t


def _sp(s: Span | None, width: int = 70) -> str:
    if s is None:
        return ""
    t = s.text.replace("\n", " ")
    # Article text may hold "[truce]"-like brackets: escape so rich shows them, not styles them.
    return escape((t[: width - 1] + "…" if len(t) > width else t) + f"  [{s.start}:{s.end}]")


def print_table(rec: Record, out: IO[str]) -> None:
    console = console_for(out)
    narrow = console.width < 120
    console.print(f"[bold]{escape(rec.id)}[/]  {escape(rec.title or '')}  "
                  f"published={rec.published}  outlet={escape(rec.outlet or '')}  "
                  f"byline={escape(', '.join(rec.byline))}")
    for e in rec.errors:
        console.print(f"[red]error[/] ({e.stage}{', line ' + str(e.line) if e.line else ''}): "
                      f"{escape(e.message)}")
    if rec.quotes:
        t = Table("kind", "speaker", "cue", "content", title="quotes")
        for q in rec.quotes:
            t.add_row(q.kind, escape(who(q.speaker)), escape(q.cue.text) if q.cue else "",
                      _sp(q.content, 50 if narrow else 70))
        console.print(t)
    if rec.figures:
        # value (with its hedge: "≥ 4,312"), metric, claimant, span; as of and what it counts
        # go first when the width is short.
        cols = fit([("value", 0, 12), ("metric", 1, 14), ("claimant", 2, 16), ("span", 3, 24),
                    ("as of", 4, 10), ("counts", 5, 18)], console.width)
        t = Table(*cols, title="figures")
        for f in rec.figures:
            cells = {"value": value_text(f.value, f.low, f.high, f.approx), "metric": f.metric,
                     "claimant": escape(who(f.claimant)), "span": _sp(f.span, 40),
                     "as of": f.as_of or "", "counts": escape(f.counts or "")}
            t.add_row(*(cells[c] for c in cols))
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
