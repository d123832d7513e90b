"""`newsledger ingest` and `newsledger ledger`: store articles, list series, show points, export.

Thin commands over :mod:`newsledger.ledger`: they parse options, call the library, and print.
``newsledger ledger [QUERY]`` lists series; ``ledger show SERIES`` lists one series' points;
``ledger export`` writes points as CSV, JSONL or Wikidata-style statements.
"""

from __future__ import annotations

import csv
import json
import sys
from enum import Enum
from pathlib import Path
from typing import IO, Any

import click
import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from ..errors import NewsledgerError
from .app import app, err_console, fail
from .progress import progress_bar

DB_HELP = "The ledger database (SQLite; created if missing)."


class ListFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class ExportFormat(str, Enum):
    csv = "csv"
    jsonl = "jsonl"
    wikidata = "wikidata"


class _LedgerGroup(TyperGroup):
    """`newsledger ledger [QUERY]` lists series: anything that is not a subcommand name is the
    query of the `list` subcommand (click cannot mix an optional group argument with
    subcommands)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if not args or (args[0] not in self.commands and args[0] not in ("--help", "-h")):
            args = ["list", *args]
        return super().parse_args(ctx, args)


ledger_app = typer.Typer(cls=_LedgerGroup, no_args_is_help=False, add_completion=False,
                         rich_markup_mode=None, pretty_exceptions_enable=False,
                         help="List figure series, show a series' points, export them.\n\n"
                              "`newsledger ledger [QUERY]` lists series whose name or id "
                              "contains QUERY.\n\n\b\nExample:\n"
                              "    newsledger ledger killed --db newsledger.sqlite\n"
                              "    newsledger ledger show killed:people:gaza:cumulative\n"
                              "    newsledger ledger export --format wikidata -o out.json")
app.add_typer(ledger_app, name="ledger")


def _open(db: Path, readonly: bool = True) -> Any:
    from ..ledger import Ledger

    if readonly and not db.exists():
        fail(f"No ledger at {str(db)!r}. Create one with `newsledger ingest FILE --db {db}`, "
             "or pass --db PATH.")
    try:
        return Ledger(db, readonly=readonly)
    except NewsledgerError as exc:
        fail(str(exc))


def _num(x: float | None) -> str:
    if x is None:
        return "?"
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,g}"


_APPROX = {"more_than": "> ", "at_least": "≥ ", "about": "~", "less_than": "< ", "up_to": "≤ ",
           "vague": "≈"}


def value_text(value: float | None, low: float | None, high: float | None,
               approx: str | None) -> str:
    """"> 34,000", "~1,200", "20–30"."""
    if low is not None and high is not None and (approx == "range" or value is None):
        return f"{_num(low)}–{_num(high)}"
    v = value if value is not None else low if low is not None else high
    return _APPROX.get(approx or "", "") + _num(v)


_FLAG_ABBR = {"echo": "echo", "corroboration": "corr", "update": "upd",
              "revision_down": "rev↓", "conflict": "confl", "outlier": "outl"}


def _flags_text(counts: dict[str, int]) -> str:
    return " ".join(f"{_FLAG_ABBR[k]} {n}" for k, n in counts.items() if n)


def _names(pairs: list[list[Any]], n: int = 3) -> str:
    more = len(pairs) - n
    return ", ".join(f"{k} ({c})" for k, c in pairs[:n]) + (f" +{more}" if more > 0 else "")


def _console(out: IO[str]) -> Console:
    return Console(file=out, highlight=False, soft_wrap=False,
                   width=None if out.isatty() else 200)


def _series_flat(s: dict[str, Any]) -> dict[str, Any]:
    return {"id": s["id"], "name": s["name"], "latest": value_text(
        s["latest_value"], s["latest_low"], s["latest_high"], s["latest_approx"]),
        "latest_value": s["latest_value"], "latest_date": s["latest_date"],
        "latest_claimant": s["latest_claimant"], "points": s["points"], "origins": s["origins"],
        "claimants": "; ".join(k for k, _ in s["claimants"]),
        "outlets": "; ".join(k for k, _ in s["outlets"]),
        **{f"n_{k}": v for k, v in s["flags"].items()}}


def _filters(since: str | None, until: str | None, claimant: str | None,
             outlet: str | None) -> dict[str, Any]:
    return {"since": since, "until": until, "claimant": claimant, "outlet": outlet}


SINCE = typer.Option(None, "--since", metavar="YYYY-MM-DD", help="Only points dated on or after.")
UNTIL = typer.Option(None, "--until", metavar="YYYY-MM-DD", help="Only points dated on or before.")
CLAIMANT = typer.Option(None, "--claimant",
                        help="Only points claimed by this actor (aliases apply: 'health "
                             "ministry' = 'Gaza health ministry').")
OUTLET = typer.Option(None, "--outlet", help="Only points from articles of this outlet.")


@app.command()
def ingest(
    files: list[str] = typer.Argument(..., metavar="FILE...",
                                      help="Articles (.txt, .html), batches (.jsonl, .jsonl.gz) "
                                           "or record files from `newsledger extract`."),
    db: Path = typer.Option(Path("newsledger.sqlite"), "--db", help=DB_HELP),
    published: str | None = typer.Option(None, "--published", metavar="YYYY-MM-DD",
                                         help="Publication date for articles that lack one."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    as_json: bool = typer.Option(False, "--json", help="Print the counts as JSON on stdout."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1,
                                       help="Processes extracting articles (default: all cores; "
                                            "1 runs in this process)."),
) -> None:
    """Extract articles and store them, with their figures, in the ledger.

    Each article is stored in one transaction; re-running stores nothing twice, and a changed
    text under the same id or URL becomes a new version.

    \b
    Example:
        newsledger ingest articles.jsonl.gz story.html --db newsledger.sqlite
    """
    from functools import partial

    from ..run.ingest import count_items, ingest_paths, stats_line
    from ..run import pool, records
    from ..run.local import sigterm_stops, stop
    from ..run.resume import choose_workers

    for f in files:
        if not Path(f).is_file():
            fail(f"No such file: {f!r}. Pass articles (.txt, .html) or batches (.jsonl[.gz]).")
    led = _open(db, readonly=False)
    ex = None
    try:
        total = sum(count_items(f) for f in files)
        n_workers = choose_workers(workers, total)
        # One pool for all the files: each worker loads the pipeline once, not once per file.
        ex = pool(n_workers) if n_workers > 1 else None
        extract = partial(records, workers=n_workers, executor=ex)
        with sigterm_stops(), progress_bar("ingesting", total=total, enabled=not quiet) \
                as advance:
            stats = ingest_paths(
                led, files, published=published, on_progress=advance, extract=extract,
                on_warning=lambda m: err_console.print(f"[yellow]warning:[/] {m}",
                                                       soft_wrap=True))
    except NewsledgerError as exc:
        fail(str(exc))
    except KeyboardInterrupt:  # Ctrl-C or SIGTERM: stop the workers now, keep what is stored
        if ex is not None:
            stop(ex, now=True)
            ex = None
        err_console.print("[yellow]interrupted:[/] every stored article is complete; run the "
                          "same command again to go on (stored articles are skipped)",
                          soft_wrap=True)
        raise typer.Exit(130) from None
    finally:
        if ex is not None:
            ex.shutdown(wait=False, cancel_futures=True)
        led.close()
    err_console.print(stats_line(stats, str(db)))
    if as_json:
        typer.echo(json.dumps({**stats.to_dict(), "seen": stats.seen}))
    if stats.seen == 0 or stats.failed == stats.seen:
        raise typer.Exit(1)


@ledger_app.command("list")
def list_series(
    query: str | None = typer.Argument(None, help="Only series whose name or id contains this."),
    db: Path = typer.Option(Path("newsledger.sqlite"), "--db", help=DB_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, csv or json."),
    since: str | None = SINCE, until: str | None = UNTIL, claimant: str | None = CLAIMANT,
    outlet: str | None = OUTLET,
    limit: int | None = typer.Option(None, "--limit", "-n", help="At most this many series."),
) -> None:
    """List figure series: latest value and date, points, claimants, outlets, flag counts.

    With filters, counts and latest values are over the matching points only.

    \b
    Example:
        newsledger ledger killed --claimant "health ministry" --since 2024-01-01
    """
    with _open(db) as led:
        try:
            rows = led.series(query, limit=limit, **_filters(since, until, claimant, outlet))
        except NewsledgerError as exc:
            fail(str(exc))
    out = sys.stdout
    if fmt == ListFormat.json:
        json.dump(rows, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif fmt == ListFormat.csv:
        flat = [_series_flat(s) for s in rows]
        w = csv.DictWriter(out, fieldnames=list(flat[0]) if flat else ["id"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(flat)
    else:
        t = Table("series", "latest", "as of", "points", "origins", "claimants", "outlets",
                  "flags", title=f"{len(rows)} series")
        for s in rows:
            t.add_row(f"{escape(s['name'])}\n[dim]{escape(s['id'])}[/]",
                      value_text(s["latest_value"], s["latest_low"], s["latest_high"],
                                 s["latest_approx"]),
                      s["latest_date"] or "", str(s["points"]), str(s["origins"]),
                      escape(_names(s["claimants"])), escape(_names(s["outlets"])),
                      _flags_text(s["flags"]))
        _console(out).print(t)


@ledger_app.command("show")
def show(
    series: str = typer.Argument(..., help="Series id, name, or a part of it matching one."),
    db: Path = typer.Option(Path("newsledger.sqlite"), "--db", help=DB_HELP),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, csv or json."),
    since: str | None = SINCE, until: str | None = UNTIL, claimant: str | None = CLAIMANT,
    outlet: str | None = OUTLET,
    limit: int | None = typer.Option(None, "--limit", "-n", help="At most this many points."),
) -> None:
    """Show one series' points in time order, with flags and provenance (article, span).

    \b
    Example:
        newsledger ledger show killed:people:gaza:cumulative --claimant "health ministry"
    """
    from ..ledger.export import csv_row, write_csv

    with _open(db) as led:
        s = led.find_series(series)
        if s is None:
            near = [x["id"] for x in led.series(series.split(":")[0], limit=5)]
            fail(f"No single series matches {series!r}. "
                 + (f"Close: {', '.join(near)}. " if near else "")
                 + "List them with `newsledger ledger`.")
        try:
            pts = led.points(s["id"], limit=limit, **_filters(since, until, claimant, outlet))
        except NewsledgerError as exc:
            fail(str(exc))
    out = sys.stdout
    if fmt == ListFormat.json:
        json.dump({"series": s, "points": pts}, out, ensure_ascii=False, indent=1)
        out.write("\n")
        return
    if fmt == ListFormat.csv:
        write_csv(((s, p) for p in pts), out)
        return
    t = Table("id", "date", "value", "claimant", "outlet", "flags", "article", "span",
              title=f"{escape(s['name'])}  [dim]{escape(s['id'])}[/]  {len(pts)} point(s)")
    for p in pts:
        row = csv_row(s, p)
        span = p["span_text"].replace("\n", " ")
        t.add_row(str(p["id"]), p["date"] or "?",
                  value_text(p["value"], p["low"], p["high"], p["approx"]),
                  escape(p["claimant"] or ""), escape(p["outlet"] or ""),
                  row["flags"].replace(";", "\n"),
                  escape(f"{p['article_id']}" + (f" v{p['article_version']}"
                                                 if p["article_version"] > 1 else "")),
                  escape(f"{span[:50]} [{p['span_start']}:{p['span_end']}]"))
    _console(out).print(t)


@ledger_app.command("export")
def export(
    db: Path = typer.Option(Path("newsledger.sqlite"), "--db", help=DB_HELP),
    fmt: ExportFormat = typer.Option(ExportFormat.csv, "--format", "-f",
                                     help="csv or jsonl (one row per point), or wikidata "
                                          "(statements as JSON)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not stdout."),
    series: list[str] | None = typer.Option(None, "--series", "-s",
                                            help="Only this series (repeatable)."),
    since: str | None = SINCE, until: str | None = UNTIL, claimant: str | None = CLAIMANT,
    outlet: str | None = OUTLET,
) -> None:
    """Export points with provenance and flags as CSV, JSONL or Wikidata-style statements.

    \b
    Example:
        newsledger ledger export --format wikidata -s killed:people:gaza:cumulative -o gaza.json
    """
    from ..ledger.export import WRITERS, iter_points

    with _open(db) as led:
        try:
            out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
        except OSError as exc:
            fail(f"Cannot write {str(output)!r}: {exc.strerror}. Choose another -o path.")
        try:
            n = WRITERS[fmt.value](iter_points(led, series or None,
                                               **_filters(since, until, claimant, outlet)), out)
        except NewsledgerError as exc:
            fail(str(exc))
        finally:
            if out is not sys.stdout:
                out.close()
    err_console.print(f"{n} point(s) exported as {fmt.value}")


@ledger_app.command("article")
def article(
    article_id: str = typer.Argument(..., help="The article id (as ingested)."),
    db: Path = typer.Option(Path("newsledger.sqlite"), "--db", help=DB_HELP),
    version: int | None = typer.Option(None, "--version", help="This version, not the latest."),
) -> None:
    """Print the stored record of one article as JSON (with its versions and figure ids).

    \b
    Example:
        newsledger ledger article 000_083e98938a0e4d70 --db newsledger.sqlite
    """
    with _open(db) as led:
        rec = led.article(article_id, version)
    if rec is None:
        fail(f"No article {article_id!r} in {str(db)!r}. Find ids with "
             "`newsledger ledger search WORDS`.")
    json.dump(rec, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


@ledger_app.command("search")
def search(
    words: str = typer.Argument(..., help="Full-text query (SQLite FTS5: words, \"phrases\", "
                                          "AND/OR/NOT)."),
    db: Path = typer.Option(Path("newsledger.sqlite"), "--db", help=DB_HELP),
    limit: int = typer.Option(20, "--limit", "-n", help="At most this many articles."),
) -> None:
    """Find stored articles by their text (full-text search).

    \b
    Example:
        newsledger ledger search '"health ministry" AND Rafah'
    """
    with _open(db) as led:
        try:
            hits = led.search(words, limit)
        except NewsledgerError as exc:
            fail(str(exc))
    t = Table("article", "published", "outlet", "snippet", title=f"{len(hits)} article(s)")
    for h in hits:
        t.add_row(escape(h["article_id"]), h["published"] or "", escape(h["outlet"] or ""),
                  escape((h["snippet"] or "").replace("\n", " ")))
    _console(sys.stdout).print(t)


@ledger_app.command("metadata")
def metadata(
    db: Path = typer.Option(Path("newsledger.sqlite"), "--db", help=DB_HELP),
) -> None:
    """Print Datasette metadata (table and column descriptions) for this ledger file.

    \b
    Example:
        newsledger ledger metadata --db news.sqlite > metadata.json
        datasette news.sqlite -m metadata.json
    """
    from ..ledger.meta import datasette_metadata

    json.dump(datasette_metadata(db.stem), sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
