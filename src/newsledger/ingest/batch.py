"""Batch input: JSON Lines (optionally gzipped), one article a line, read as a stream.

A bad line never stops the batch: it becomes a :class:`BadLine` that the pipeline turns into a
record with ``errors`` (naming the line), and reading goes on.
"""

from __future__ import annotations

import gzip
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from ..errors import InputError, NewsledgerError
from ..record import ErrorEntry
from . import check_published, clean_text, from_html, from_text
from .article import Article

DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own default max_length


@dataclass
class BadLine:
    """A batch line that could not become an Article, and why."""

    line: int
    id: str
    message: str
    meta: dict[str, Any]


def is_batch_path(path: str) -> bool:
    return path.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


def open_lines(path: str | Path) -> IO[bytes]:
    """Open a batch file as bytes (so invalid UTF-8 is caught per line, not per file)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"No such file: {str(p)!r}. Check the path, or pass - to read stdin.")
    if p.suffix == ".gz":
        return gzip.open(p, "rb")  # type: ignore[return-value]
    return open(p, "rb")


def article_from_obj(obj: Any, line: int, max_chars: int = DEFAULT_MAX_CHARS) -> Article | BadLine:
    """One parsed batch object as an Article, or a BadLine saying what is wrong with it."""
    if not isinstance(obj, dict):
        return BadLine(line, f"line-{line}", f"line {line}: expected a JSON object, found "
                       f"{type(obj).__name__}", {})
    meta = {k: clean_text(v)[0] for k in ("url", "outlet", "title")
            if isinstance(v := obj.get(k), str) and v}
    aid = object_id(obj, line)
    text, html = obj.get("text"), obj.get("html")
    content = text if isinstance(text, str) and text.strip() else html
    if not isinstance(content, str) or not content.strip():
        return BadLine(line, aid, f"line {line}: no article content: expected a non-empty "
                       "'text' or 'html' field", meta)
    if len(content) > max_chars:
        return BadLine(line, aid, f"line {line}: the article is {len(content):,} characters, over "
                       f"the limit of {max_chars:,}; split it, or raise the limit (max_chars in "
                       "Python, --max-chars on the command line)", meta)
    # A malformed optional field loses only itself: `published` is then treated as absent
    # (the page's own dateline, or the run's --published, may still give the date), with a
    # warning in the record's errors.
    published = obj.get("published") or None
    warning = None
    try:
        check_published(published)
    except InputError as exc:
        warning = ErrorEntry("ingest", f"line {line}: {exc} It was ignored.", line)
        published = None
    try:
        if content is text:
            art = from_text(content, id=aid, published=published, **meta)
        else:
            art = from_html(content, id=aid, published=published,
                            **{k: v for k, v in meta.items() if k != "title"})
    except NewsledgerError as exc:
        return BadLine(line, aid, f"line {line}: {exc}", meta)
    for w in art.warnings:
        w.line = line
    if warning is not None:
        art.warnings.insert(0, warning)
    return art


def object_id(obj: dict[str, Any], line: int) -> str:
    """The id of a batch object's record (cleaned as its text is: see ``clean_text``)."""
    return clean_text(str(obj.get("id") or f"line-{line}"))[0]


def parse_line(n: int, raw: bytes, max_chars: int = DEFAULT_MAX_CHARS) -> Article | BadLine:
    """Batch line ``n`` (raw bytes) as an Article, or a BadLine saying what is wrong with it."""
    if not raw.strip():
        return BadLine(n, f"line-{n}", f"line {n}: empty line", {})
    try:
        s = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return BadLine(n, f"line-{n}", f"line {n}: not valid UTF-8 ({exc.reason} at byte "
                       f"{exc.start}); re-encode the file as UTF-8", {})
    try:
        obj = json.loads(s)
    except json.JSONDecodeError as exc:
        # json's messages may end in "at" ("Invalid control character at"): say it once.
        msg = exc.msg[:-3] if exc.msg.endswith(" at") else exc.msg
        return BadLine(n, f"line-{n}", f"line {n}: not JSON ({msg} at column {exc.colno})", {})
    return article_from_obj(obj, n, max_chars)


def line_id(n: int, raw: bytes) -> str:
    """The id the record of batch line ``n`` will carry, without building the Article (cheap
    enough for --resume to skip lines before any work is sent to a worker)."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except ValueError:  # not JSON, or not UTF-8 (UnicodeDecodeError is a ValueError)
        return f"line-{n}"
    return object_id(obj, n) if isinstance(obj, dict) else f"line-{n}"


def read_batch(stream: IO[bytes], max_chars: int = DEFAULT_MAX_CHARS
               ) -> Iterator[Article | BadLine]:
    """Articles (or BadLines) from a JSONL byte stream, in order, one line at a time; blank
    lines are skipped (they are not articles, nor failures)."""
    for n, raw in enumerate(stream, start=1):
        if raw.strip():
            yield parse_line(n, raw, max_chars)


def read_batch_text(s: str) -> Iterator[Article | BadLine]:
    return read_batch(io.BytesIO(s.encode("utf-8")))
