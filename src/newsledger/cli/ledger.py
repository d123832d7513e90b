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
from typing import Any

import click
import typer
from rich.markup import escape
from rich.table import Table
from typer.core import TyperGroup

from ..errors import NewsledgerError
from .app import CONTEXT, app, db_option, err_console, fail
from .progress import progress_bar
from .table import console_for, fit, folding, num, value_text


class ListFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


class IngestFormat(str, Enum):
    text = "text"
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
                         context_settings=CONTEXT,
                         rich_markup_mode=None, pretty_exceptions_enable=False,
                         help="List figure series, show a series' points, export them.\n\n"
                              "`newsledger ledger [QUERY]` lists series whose name or id "
                              "contains QUERY.\n\n\b\nExample:\n"
                              "    newsledger ledger killed --db newsledger.sqlite\n"
                              "    newsledger ledger show killed:people:gaza:cumulative\n"
                              "    newsledger ledger export --format wikidata -o out.json")
app.add_typer(ledger_app, name="ledger")


def _open(db: str, readonly: bool = True) -> Any:
    from ..ledger import Ledger
    from ..ledger.store import ledger_exists

    if readonly and not ledger_exists(db):
        fail(f"No ledger at {str(db)!r}. Create one with `newsledger ingest FILE --db {db}`, "
             "or pass --db PATH.")
    try:
        return Ledger(db, readonly=readonly)
    except NewsledgerError as exc:
        fail(str(exc))


_FLAG_ABBR = {"echo": "echo", "corroboration": "corr", "update": "upd",
              "revision_down": "rev↓", "conflict": "confl", "outlier": "outl"}


def _flags_text(counts: dict[str, int]) -> str:
    return " ".join(f"{_FLAG_ABBR[k]} {n}" for k, n in counts.items() if n)


def _names(pairs: list[list[Any]], n: int = 3) -> str:
    more = len(pairs) - n
    return ", ".join(f"{k} ({c})" for k, c in pairs[:n]) + (f" +{more}" if more > 0 else "")


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
    db: str = db_option(),
    published: str | None = typer.Option(None, "--published", metavar="YYYY-MM-DD",
                                         help="Publication date for articles that lack one."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar."),
    fmt: IngestFormat = typer.Option(IngestFormat.text, "--format", "-f",
                                     help="text (a summary line on stderr) or json (the counts "
                                          "as JSON on stdout, too)."),
    as_json: bool = typer.Option(False, "--json", hidden=True,
                                 help="Deprecated: use --format json."),
    strict: bool = typer.Option(False, "--strict",
                                help="Refuse a text file with bytes that are not UTF-8 (default: "
                                     "replace them with U+FFFD and warn)."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1,
                                       help="Processes extracting articles (default: all cores; "
                                            "1 runs in this process); with --dask local, the "
                                            "cluster's workers."),
    dask: str | None = typer.Option(None, "--dask", metavar="ADDRESS|local",
                                    help="Extract on a dask.distributed cluster (scheduler "
                                         "address, or 'local' for a cluster on this machine); "
                                         "this process stores what the workers return."),
) -> None:
    """Extract articles and store them, with their figures, in the ledger.

    The database is created if missing. Each article is stored in one transaction; re-running
    stores nothing twice, and a changed text under the same id or URL becomes a new version.

    \b
    Example:
        newsledger ingest examples/ceasefire.txt --published 2025-03-07 --db newsledger.sqlite
        newsledger ingest articles.jsonl.gz story.html --db newsledger.sqlite -f json
        newsledger ingest posts.jsonl.gz --db postgresql://news@db/news --dask tcp://10.0.0.5:8786
    """
    from contextlib import ExitStack
    from functools import partial

    from ..run.ingest import count_items, ingest_paths, stats_line
    from ..run import pool, records
    from ..run.local import json_lines, sigterm_stops, stop
    from ..run.resume import choose_workers

    for f in files:
        if not Path(f).is_file():
            fail(f"No such file: {f!r}. Pass articles (.txt, .html) or batches (.jsonl[.gz]).")
    led = _open(db, readonly=False)
    ex = None
    cluster = ExitStack()
    try:
        total = sum(count_items(f) for f in files)
        if dask:
            from ..run import dask as on_dask

            # One client for all the files; the workers extract, this process stores.
            client = cluster.enter_context(on_dask.session(dask, workers))
            extract = partial(on_dask.records, address=client)
            extract_lines = partial(on_dask.json_lines, address=client)
        else:
            n_workers = choose_workers(workers, total)
            # One pool for all the files: each worker loads the pipeline once, not per file.
            ex = pool(n_workers) if n_workers > 1 else None
            extract = partial(records, workers=n_workers, executor=ex)
            # Batches take the raw-lines path of `extract BATCH`: workers parse and serialise.
            extract_lines = partial(json_lines, workers=n_workers, executor=ex)
        with sigterm_stops(), progress_bar("ingesting", total=total, enabled=not quiet) \
                as advance:
            stats = ingest_paths(
                led, files, published=published, on_progress=advance, extract=extract,
                extract_lines=extract_lines,
                strict=strict,
                on_warning=lambda m: err_console.print(f"[yellow]warning:[/] {escape(m)}",
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
        cluster.close()
        led.close()
    err_console.print(stats_line(stats, str(led.path)))  # a URL without its password
    if as_json or fmt == IngestFormat.json:
        typer.echo(json.dumps({**stats.to_dict(), "seen": stats.seen}))
    if stats.seen == 0 or stats.failed == stats.seen:
        raise typer.Exit(1)


@ledger_app.command("list")
def list_series(
    query: str | None = typer.Argument(None, help="Only series whose name or id contains this."),
    db: str = db_option(),
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
        console = console_for(out)
        # At 80 columns: series, latest, as of, points and claimants; the rest as width allows.
        cols = fit([("series", 0, 24), ("latest", 1, 10), ("as of", 2, 10), ("points", 4, 6),
                    ("claimants", 3, 14), ("flags", 5, 10), ("outlets", 6, 14),
                    ("origins", 7, 7)], console.width)
        t = folding(Table(*cols, title=f"{len(rows)} series"))
        for s in rows:
            cells = {"series": f"{escape(s['name'])}\n[dim]{escape(s['id'])}[/]",
                     "latest": value_text(s["latest_value"], s["latest_low"], s["latest_high"],
                                          s["latest_approx"]),
                     "as of": s["latest_date"] or "", "points": num(s["points"]),
                     "origins": num(s["origins"]), "claimants": escape(_names(s["claimants"])),
                     "outlets": escape(_names(s["outlets"])), "flags": _flags_text(s["flags"])}
            t.add_row(*(cells[c] for c in cols))
        console.print(t)


@ledger_app.command("show")
def show(
    series: str = typer.Argument(..., help="Series id, name, or a part of it matching one."),
    db: str = db_option(),
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
    console = console_for(out)
    cols = fit([("id", 5, 4), ("date", 0, 10), ("value", 1, 10), ("claimant", 2, 14),
                ("outlet", 4, 10), ("flags", 3, 10), ("article", 6, 12), ("span", 7, 24)],
               console.width)
    t = folding(Table(*cols, title=f"{escape(s['name'])}  [dim]{escape(s['id'])}[/]  "
                                   f"{len(pts)} point(s)"))
    for p in pts:
        row = csv_row(s, p)
        span = p["span_text"].replace("\n", " ")
        cells = {"id": str(p["id"]), "date": p["date"] or "?",
                 "value": value_text(p["value"], p["low"], p["high"], p["approx"]),
                 "claimant": escape(p["claimant"] or ""), "outlet": escape(p["outlet"] or ""),
                 "flags": row["flags"].replace(";", "\n"),
                 "article": escape(f"{p['article_id']}" + (f" v{p['article_version']}"
                                                           if p["article_version"] > 1 else "")),
                 "span": escape(f"{span[:50]} [{p['span_start']}:{p['span_end']}]")}
        t.add_row(*(cells[c] for c in cols))
    console.print(t)


@ledger_app.command("export")
def export(
    db: str = db_option(),
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
    db: str = db_option(),
    revision: int | None = typer.Option(None, "--revision", "-r", min=1, metavar="N",
                                        help="The article's stored version N (1 is the first), "
                                             "not the latest."),
) -> None:
    """Print the stored record of one article as JSON (with its versions and figure ids).

    \b
    Example:
        newsledger ledger article ceasefire --db newsledger.sqlite
        newsledger ledger article ceasefire --revision 1 --db newsledger.sqlite
    """
    with _open(db) as led:
        rec = led.article(article_id, revision)
    if rec is None:
        if revision is not None:
            fail(f"No version {revision} of article {article_id!r} in {str(db)!r}. Without "
                 "--revision the latest is shown, with its versions.")
        fail(f"No article {article_id!r} in {str(db)!r}. Find ids with "
             "`newsledger ledger search WORDS`.")
    json.dump(rec, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")


@ledger_app.command("search")
def search(
    words: str = typer.Argument(..., help="Full-text query (SQLite FTS5: words, \"phrases\", "
                                          "AND/OR/NOT)."),
    db: str = db_option(),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, csv or json."),
    limit: int = typer.Option(20, "--limit", "-n", help="At most this many articles."),
) -> None:
    """Find stored articles by their text (full-text search).

    WORDS is an SQLite FTS5 query; text that is not valid FTS5 syntax ("al-Shifa") is
    searched for as plain words, each of which must occur.

    \b
    Example:
        newsledger ledger search '"health ministry" AND Rafah'
    """
    with _open(db) as led:
        try:
            try:
                hits = led.search(words, limit)
            except NewsledgerError:
                # Not FTS5 syntax ("al-Shifa", "Israel's"): search for the words themselves.
                hits = led.search(words, limit, words=True)
        except NewsledgerError as exc:
            fail(str(exc))
    if fmt == ListFormat.json:
        json.dump(hits, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    if fmt == ListFormat.csv:
        w = csv.DictWriter(sys.stdout, fieldnames=["article_id", "published", "outlet",
                                                   "snippet"],
                           lineterminator="\n", extrasaction="ignore")
        w.writeheader()
        w.writerows(hits)
        return
    t = folding(Table("article", "published", "outlet", "snippet",
                      title=f"{len(hits)} article(s)"))
    for h in hits:
        t.add_row(escape(h["article_id"]), h["published"] or "", escape(h["outlet"] or ""),
                  _snippet_markup(h.get("snippet") or "", h.get("snippet_hits") or []))
    console_for(sys.stdout).print(t)


@ledger_app.command("claimants")
def claimants(
    db: str = db_option(),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, csv or json."),
    min_points: int = typer.Option(1, "--min-points", "-m", min=1,
                                   help="Only claimants with at least this many points."),
    limit: int = typer.Option(0, "--limit", "-n", min=0, help="At most this many (0: all)."),
) -> None:
    """List the ledger's canonical claimants with their point counts and the variants seen.

    Names are made canonical with newsledger/data/claimant_names.json (transliterations and
    spellings merged; descriptions such as "11 Palestinians" or "army" are no claimant); a JSON
    file of the same shape named by NEWSLEDGER_CLAIMANTS adds to it.

    \b
    Example:
        newsledger ledger claimants --db newsledger.sqlite --min-points 2
    """
    with _open(db) as led:
        try:
            rows, unattributed = led.claimants()
        except NewsledgerError as exc:
            fail(str(exc))
    rows = [r for r in rows if r["points"] >= min_points]
    if limit:
        rows = rows[:limit]
    if fmt == ListFormat.json:
        json.dump({"claimants": rows, "unattributed_points": unattributed}, sys.stdout,
                  ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    if fmt == ListFormat.csv:
        w = csv.writer(sys.stdout, lineterminator="\n")
        w.writerow(["claimant", "points", "series", "variants"])
        for r in rows:
            w.writerow([r["claimant"], r["points"], r["series"],
                        "; ".join(f"{v} ({n})" for v, n in r["variants"])])
        return
    t = folding(Table("claimant", "points", "series", "as written",
                      title=f"{len(rows)} claimant(s); {num(unattributed)} point(s) with none"))
    for r in rows:
        t.add_row(escape(r["claimant"]), num(r["points"]), num(r["series"]),
                  escape("; ".join(f"{v} ({n})" for v, n in r["variants"][:6])
                         + ("; …" if len(r["variants"]) > 6 else "")))
    console_for(sys.stdout).print(t)


def _snippet_markup(text: str, hits: list[list[int]]) -> str:
    """A search snippet as Rich markup: its text escaped, the matched words in bold."""
    out, at = [], 0
    for a, b in hits:
        out += [escape(text[at:a]), "[bold]", escape(text[a:b]), "[/bold]"]
        at = b
    out.append(escape(text[at:]))
    return "".join(out).replace("\n", " ")


@ledger_app.command("sources")
def sources(
    db: str = db_option(),
    fmt: ListFormat = typer.Option(ListFormat.table, "--format", "-f", help="table, csv or json."),
    errors: int = typer.Option(0, "--errors", "-e", min=0, metavar="N",
                               help="Also print the last N errors (source, item, message)."),
) -> None:
    """List the sources `newsledger watch` polls: last poll, items seen, stored, pending, errors.

    \b
    Example:
        newsledger ledger sources --db news.sqlite
        newsledger ledger sources --db news.sqlite --errors 20
    """
    from ..ledger.watchlist import Watchlist

    with _open(db) as led:
        try:
            watchlist = Watchlist(led.store)
        except NewsledgerError as exc:
            fail(str(exc))
        rows = watchlist.sources()
        recent = watchlist.errors(limit=errors) if errors else []
    out = sys.stdout
    if fmt == ListFormat.json:
        json.dump({"sources": rows, "errors": recent} if errors else rows, out,
                  ensure_ascii=False, indent=1)
        out.write("\n")
        return
    if fmt == ListFormat.csv:
        w = csv.DictWriter(out, fieldnames=list(rows[0]) if rows else ["source"],
                           lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        return
    console = console_for(out)
    cols = fit([("source", 0, 30), ("last poll", 1, 19), ("items", 2, 6), ("stored", 4, 6),
                ("pending", 5, 7), ("errors", 3, 6), ("last error", 6, 24), ("kind", 7, 9)],
               console.width)
    t = folding(Table(*cols, title=f"{len(rows)} watched source(s)"))
    for r in rows:
        cells = {"source": escape(r["source"]) + (f"\n[dim]{escape(r['title'])}[/]"
                                                  if r["title"] else ""),
                 "kind": r["kind"], "last poll": (r["last_poll"] or "never")[:19],
                 "items": num(r["items"]), "stored": num(r["stored"]),
                 "pending": num(r["pending"]), "errors": num(r["errors"]),
                 "last error": escape(r["last_error"] or "")}
        t.add_row(*(cells[c] for c in cols))
    console.print(t)
    for e in recent:
        console.print(f"{e['at']}  {escape(e['kind'])}  {escape(e['item'] or e['source'])}: "
                      f"{escape(e['message'])}", soft_wrap=True)


@ledger_app.command("metadata")
def metadata(
    db: str = db_option(),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not stdout."),
) -> None:
    """Print Datasette metadata (table and column descriptions) for this ledger file.

    \b
    Example:
        newsledger ledger metadata --db news.sqlite -o metadata.json
        datasette news.sqlite -m metadata.json
    """
    from ..ledger.meta import datasette_metadata

    text = json.dumps(datasette_metadata(Path(db).stem), ensure_ascii=False, indent=1) + "\n"
    if output is None:
        sys.stdout.write(text)
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        fail(f"Cannot write {str(output)!r}: {exc.strerror}. Choose another -o path.")


@ledger_app.command("copy")
def copy(
    src: str = typer.Argument(..., metavar="SRC", help="The ledger to copy: a SQLite file or a "
                                                       "postgresql:// URL."),
    dst: str = typer.Argument(..., metavar="DST", help="An empty or new ledger: a SQLite file "
                                                       "or a postgresql:// URL."),
) -> None:
    """Copy a ledger to another backend, row for row (SQLite to PostgreSQL or back).

    Point ids, article versions, series and flags arrive as they are; DST is created when
    missing and must hold no articles. Both digests are printed and must be equal.

    \b
    Example:
        newsledger ledger copy news.sqlite postgresql://news@db.example.org/news
        newsledger ledger copy postgresql://news@db.example.org/news backup.sqlite
    """
    from ..ledger import Ledger
    from ..ledger.copy import copy_ledger
    from ..ledger.digest import ledger_digest
    from ..ledger.store import ledger_exists

    if not ledger_exists(src):
        fail(f"No ledger at {src!r}. Pass an existing SQLite file or a postgresql:// URL as SRC.")
    try:
        with Ledger(src, readonly=True) as a, Ledger(dst) as b:
            counts = copy_ledger(a.store, b.store)
            before, after = ledger_digest(a.store), ledger_digest(b.store)
    except NewsledgerError as exc:
        fail(str(exc))
    shown = ", ".join(f"{n} {t}" for t, n in counts.items() if t != "meta")
    err_console.print(f"copied {shown} from {a.path} to {b.path}", soft_wrap=True,
                      highlight=False, markup=False)
    typer.echo(f"digest {before['digest']} (source)\ndigest {after['digest']} (copy)")
    if before["digest"] != after["digest"]:
        fail("The copy's digest differs from the source's: the copy is incomplete. Delete it "
             "and copy again.", code=1)


@ledger_app.command("digest")
def digest(db: str = db_option()) -> None:
    """Print one hash of everything the ledger stores, the same on SQLite and PostgreSQL.

    Two ledgers with equal digests hold the same articles, versions, figures, series and flags,
    whatever order they were ingested in (ingest and refresh times are left out).

    \b
    Example:
        newsledger ledger digest --db news.sqlite
        newsledger ledger digest --db postgresql://news@db.example.org/news
    """
    from ..ledger.digest import ledger_digest

    with _open(db) as led:
        d = ledger_digest(led.store)
    typer.echo(json.dumps(d))
