"""`newsledger extract`: one article (text, HTML or stdin) or a JSONL batch to records."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import IO

import typer
from rich.markup import escape

from ..errors import InputError, NewsledgerError
from ..ingest import check_published, from_any
from ..ingest.decode import decode_text
from ..ingest.batch import DEFAULT_MAX_CHARS, is_batch_path, line_id, open_lines
from ..record import Record
from ..run.local import LineJob, Output, json_lines, records
from ..run.resume import choose_workers, count_lines, drop_partial_line, resume_ids
from .app import app, err_console, fail
from .progress import progress_bar
from .table import print_table


class OutFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"
    table = "table"


class InFormat(str, Enum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"


_TEXT_SUFFIXES = {".txt", ".text", ".md", ""}
_HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def _input_kind(path: str, given: InFormat) -> str:
    if given != InFormat.auto:
        return given.value
    if path == "-":
        return "auto"
    if is_batch_path(path):
        return "jsonl"
    suffix = Path(path).suffix.lower()
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _TEXT_SUFFIXES or not suffix.isascii() or len(suffix) > 6:
        return "auto"
    raise InputError(
        f"Unknown input format {suffix!r} for {path!r}. Expected .txt, .html or .jsonl[.gz]; "
        "pass --input-format text|html|jsonl to say what it is.")


def _read_single(path: str, strict: bool = False) -> str:
    if path == "-":
        data = sys.stdin.buffer.read()
    else:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"No such file: {path!r}. Check the path, or pass - to read stdin.")
        data = p.read_bytes()
    if b"\x00" in data[:8192]:
        raise InputError(f"{path!r} looks binary, not text or HTML. Convert it to text first.")
    decoded = decode_text(data, "stdin" if path == "-" else path, strict=strict)
    warning = decoded.warning("stdin" if path == "-" else path)
    if warning:
        err_console.print(f"[yellow]warning:[/] {escape(warning)}", soft_wrap=True)
    return decoded.text


def _open_out(output: Path | None, append: bool = False) -> IO[str]:
    if output is None:
        return sys.stdout
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        return open(output, "a" if append else "w", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"Cannot write {str(output)!r}: {exc.strerror}. Choose another -o path.") \
            from None


@dataclass
class BatchRun:
    """How to run a batch: local processes (None: all cores) or a Dask cluster, and resuming."""

    workers: int | None = None
    dask: str | None = None
    resume: bool = False

    def workers_for(self, total: int | None) -> int:
        return choose_workers(self.workers, total)


def _batch_records(path: str, published: str | None, max_chars: int, workers: int | None = 1,
                   dask: str | None = None, skip_ids: frozenset[str] = frozenset(),
                   as_records: bool = False) -> Iterator[Record | Output]:
    """Records of a batch file in input order, on ``workers`` local processes or a Dask cluster;
    lines whose id is in ``skip_ids`` (already in the output, for --resume) are left out.

    Locally they come as JSON lines (:class:`Output`) made in the workers, unless ``as_records``
    (the table view needs the Record itself)."""
    stream = sys.stdin.buffer if path == "-" else open_lines(path)

    def lines() -> Iterator[tuple[int, bytes]]:
        for n, raw in enumerate(stream, start=1):
            if not raw.strip():
                continue  # a blank line is no article, and no failure either
            if skip_ids and line_id(n, raw) in skip_ids:
                continue
            yield n, raw

    job = LineJob(published=published, max_chars=max_chars)
    try:
        if dask or as_records:
            items = (job.article(n, raw) for n, raw in lines())
            if dask:
                from ..run.dask import records as dask_records

                yield from dask_records(items, dask, n_workers=workers)
            else:
                yield from records(items, workers=workers)
        else:
            yield from json_lines(lines(), job, workers=workers)
    finally:
        if stream is not sys.stdin.buffer:
            stream.close()


@app.command()
def extract(
    file: str = typer.Argument(..., metavar="FILE|-",
                               help="An article (.txt or .html), a batch (.jsonl or .jsonl.gz), "
                                    "or - for stdin."),
    published: str | None = typer.Option(None, "--published", metavar="YYYY-MM-DD",
                                         help="Publication date; relative dates resolve "
                                              "against it."),
    fmt: OutFormat = typer.Option(OutFormat.json, "--format", "-f",
                                  help="json (one record, indented), jsonl (one record a line) "
                                       "or table (a readable summary)."),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write here, not stdout."),
    input_format: InFormat = typer.Option(InFormat.auto, "--input-format",
                                          help="What FILE holds; auto goes by its name and "
                                               "content."),
    max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars",
                                  help="Batch lines longer than this become error records."),
    workers: int | None = typer.Option(None, "--workers", "-w", min=1,
                                       help="Processes for a batch (default: all cores; 1 runs "
                                            "in this process)."),
    dask: str | None = typer.Option(None, "--dask", metavar="ADDRESS|local",
                                    help="Run a batch on a dask.distributed cluster (scheduler "
                                         "address, or 'local' for a cluster on this machine)."),
    resume: bool = typer.Option(False, "--resume",
                                help="Append to -o OUT, skipping ids it already holds (after an "
                                     "interrupted run)."),
    strict: bool = typer.Option(False, "--strict",
                                help="Refuse a text file with bytes that are not UTF-8 (default: "
                                     "replace them with U+FFFD and warn)."),
    quiet: bool = typer.Option(False, "--quiet", "-q",
                               help="No progress bar (a batch with -o OUT, or one article over "
                                    "100,000 characters, shows one on stderr)."),
) -> None:
    """Extract quotes, figures, times, sources and entities from articles.

    A batch gives one record per input line, in input order; a bad line gives a record with
    `errors` and the batch goes on.

    \b
    Example:
        newsledger extract examples/ceasefire.txt --published 2025-03-07 --format table
        newsledger extract articles.jsonl.gz -o records.jsonl
        newsledger extract articles.jsonl.gz -o records.jsonl --workers 4 --resume
        newsledger extract articles.jsonl.gz -o records.jsonl --dask tcp://10.0.0.5:8786
    """
    try:
        pub = check_published(published)
        kind = _input_kind(file, input_format)
    except InputError as exc:
        fail(str(exc))
    if kind == "jsonl":
        _run_batch(file, pub, fmt, output, max_chars,
                   BatchRun(workers=workers, dask=dask, resume=resume), quiet=quiet)
        return
    if resume or dask:
        fail("--resume and --dask apply to a batch (.jsonl or .jsonl.gz); "
             f"{file!r} is a single article.")
    try:
        content = _read_single(file, strict=strict)
    except InputError as exc:
        fail(str(exc))
    if not content.strip():  # nothing could be processed: exit 1, not a wrong invocation
        fail(f"{file!r} is empty: there is no article to extract.", code=1)
    try:
        if kind == "html":
            from ..ingest import from_html

            article = from_html(content, published=pub)
        elif kind == "text":
            from ..ingest import from_text

            article = from_text(content, published=pub)
        else:
            article = from_any(content, published=pub)
        if file != "-":
            article.id = Path(file).stem if article.id.startswith("sha1-") else article.id
    except InputError as exc:
        fail(str(exc))
    from ..pipeline import HUGE_CHARS, reporting_sections, run_articles

    # A huge article is extracted section by section: show the characters done (stderr; off
    # with -q, and rich draws nothing when stderr is not a terminal).
    with progress_bar("extracting", total=len(article.text),
                      enabled=not quiet and len(article.text) > HUGE_CHARS) as advance:
        seen = 0

        def on_section(done: int, _total: int) -> None:
            nonlocal seen
            advance(done - seen)
            seen = done

        with reporting_sections(on_section):
            rec = next(run_articles([article]))
    out = _open_out(output)
    try:
        if fmt == OutFormat.table:
            print_table(rec, out)
        elif fmt == OutFormat.jsonl:
            out.write(rec.to_json() + "\n")
        else:
            out.write(rec.to_json(indent=2) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()


def _run_batch(file: str, pub: str | None, fmt: OutFormat, output: Path | None,
               max_chars: int, run: BatchRun | None = None, quiet: bool = False) -> None:
    run = run or BatchRun()
    done: frozenset[str] = frozenset()
    try:
        if run.resume:
            if output is None:
                raise InputError("--resume needs the records file of the interrupted run: "
                                 "pass it with -o OUT.jsonl, as in that run.")
            if fmt == OutFormat.table:
                raise InputError("--resume continues a records file (jsonl); it cannot "
                                 "continue --format table.")
            done = resume_ids(output)
        total = count_lines(file)
        if total is not None:
            total = max(0, total - len(done))
        workers = run.workers_for(total)
        results = _batch_records(file, pub, max_chars, workers, run.dask, done,
                                 as_records=fmt == OutFormat.table)
        out = _open_out(output, append=run.resume)
    except InputError as exc:
        fail(str(exc))
    n = failed = 0
    try:
        with progress_bar("extracting", total=total,
                          enabled=output is not None and not quiet) as advance:
            for res in results:
                n += 1
                error = res.error if isinstance(res, Output) else (
                    res.errors[0].message if res.failed and res.errors else None)
                if error is not None:
                    failed += 1
                    err_console.print(f"[yellow]warning:[/] {error}", soft_wrap=True)
                if isinstance(res, Output):
                    out.write(res.json + "\n")  # one write per line: lines stay whole
                elif fmt == OutFormat.table:
                    print_table(res, out)
                else:
                    out.write(res.to_json() + "\n")
                advance(1)
    except NewsledgerError as exc:  # a bad input file, an unreachable Dask scheduler, ...
        fail(str(exc))
    except KeyboardInterrupt:
        results.close()
        if out is not sys.stdout:
            out.close()
            drop_partial_line(output)  # type: ignore[arg-type]
        where = f" to {str(output)!r}" if output is not None else ""
        again = (f"newsledger extract {file} -o {output} --resume"
                 if output is not None and fmt != OutFormat.table else
                 "run again with -o OUT.jsonl; then --resume can continue an interrupted run")
        err_console.print(f"[yellow]interrupted:[/] {n} complete record(s) written{where}. "
                          f"To continue: {again}", soft_wrap=True)
        raise typer.Exit(130) from None
    finally:
        if out is not sys.stdout and not out.closed:
            out.close()
    skipped = f", {len(done)} already in the output" if done else ""
    err_console.print(f"{n} record(s), {n - failed} extracted, {failed} failed{skipped}"
                      + (" (their 'errors' say why)" if failed else ""))
    if (n == 0 and not done) or (n and failed == n):
        raise typer.Exit(1)
