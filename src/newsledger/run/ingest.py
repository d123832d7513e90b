"""Files into the ledger: read articles (or ready-made records), extract, store, refresh.

Inputs are ``.txt``/``.html`` articles, JSONL batches of articles (``.jsonl``/``.jsonl.gz``,
read with :func:`newsledger.ingest.batch.read_batch`), or JSONL files of records (the output of
``newsledger extract BATCH -o records.jsonl``), which are stored without extracting again.
Articles already stored with the same text are skipped before extraction, so re-running an
interrupted ingest only extracts what is missing.

Identity: a batch line's own ``id`` is authoritative (live-blog posts share one page URL but are
different articles); a line without one gets an id from its text (``sha1-…``, not the line
number, which would collide across batches) and is matched by URL too; a single file's id is its
name, and it is matched by URL too (two saved copies of one page are versions).

Batches of articles take the same raw-lines path as ``newsledger extract BATCH``
(:func:`newsledger.run.local.json_lines`): the parent reads raw lines and skips stored ones from
a cheap look at each line's id and text, and the workers do everything else (decoding, layout,
extraction) and send back each record as its JSON line, so no Article or pickled Record crosses
between processes. Single files go through :func:`extract_records` (articles in, records out,
same order). Either extractor can be replaced (tests pass one without NLP).
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InputError, NewsledgerError
from ..ingest import check_published, content_id, from_any
from ..ingest.article import Article
from ..ingest.decode import decode_text
from ..ingest.batch import (DEFAULT_MAX_CHARS, BadLine, is_batch_path, object_id, open_lines,
                            read_batch)
from ..record import SCHEMA_ID, Record
from ..ledger.api import IngestStats, Ledger
from .local import Line, LineJob, Output

Extractor = Callable[[Iterable["Article | BadLine"]], Iterator[Record]]
LineExtractor = Callable[[Iterable[Line], LineJob], Iterator[Output]]


def extract_records(articles: Iterable[Article | BadLine], workers: int = 1) -> Iterator[Record]:
    """Records for articles, in input order (a BadLine becomes an error record), on ``workers``
    local processes (newsledger.run.records; 1 runs in this process)."""
    from . import records

    return records(articles, workers=workers)


def extract_json_lines(lines: Iterable[Line], job: LineJob, workers: int = 1) -> Iterator[Output]:
    """Record JSON lines for raw batch lines, in input order, on ``workers`` local processes
    (:func:`newsledger.run.local.json_lines`; 1 runs in this process)."""
    from .local import json_lines

    return json_lines(lines, job, workers=workers)


def peek_line(n: int, raw: bytes) -> tuple[str, str, str | None] | None:
    """(id, text, url) of an article batch line, read without building the Article, for the
    "already stored?" check; None when that needs more than a JSON parse (an HTML line, a bad
    line): such a line is extracted, and the store still refuses a duplicate."""
    try:
        obj = json.loads(raw)
    except ValueError:  # not JSON, or not UTF-8 (UnicodeDecodeError is a ValueError)
        return None
    if not isinstance(obj, dict):
        return None
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        return None
    aid = object_id(obj, n)
    url = obj.get("url")
    return (content_id(text) if aid.startswith("line-") else aid, text,
            url if isinstance(url, str) and url else None)


def count_items(path: str | Path) -> int:
    """How many items the progress bar will count for a file: 1 for an article, one a
    non-blank line for a batch of articles or records (blank lines are skipped, in both)."""
    p = str(path)
    if not is_batch_path(p):
        return 1
    with open_lines(p) as fh:
        return sum(1 for line in fh if line.strip())


def _is_records_file(path: str) -> bool:
    """Does this batch hold records (``"schema": "newsledger.record/1"``) rather than articles?"""
    with open_lines(path) as fh:
        for raw in fh:
            if raw.strip():
                try:
                    obj = json.loads(raw)
                except (ValueError, UnicodeDecodeError):
                    return False
                return isinstance(obj, dict) and obj.get("schema") == SCHEMA_ID
    return False


def _records_from(path: str) -> Iterator[Record]:
    with open_lines(path) as fh:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            try:
                yield Record.from_dict(json.loads(raw))
            except (ValueError, KeyError, TypeError, NewsledgerError) as exc:
                yield Record.from_error(f"line-{n}", "ingest",
                                    f"{path}: line {n}: not a newsledger record ({exc})", n)


def _read_article_file(path: str, published: str | None, strict: bool = False,
                       warn: Callable[[str], None] | None = None) -> Article:
    p = Path(path)
    if not p.is_file():
        raise InputError(f"No such file: {path!r}. Check the path.")
    data = p.read_bytes()
    if p.suffix == ".gz":
        data = gzip.decompress(data)
    decoded = decode_text(data, path, strict=strict)
    warning = decoded.warning(path)
    if warning and warn is not None:
        warn(warning)
    text = decoded.text
    if not text.strip():
        raise InputError(f"{path!r} is empty: there is no article to ingest.")
    art = from_any(text, published=published)
    if art.id.startswith("sha1-"):
        art.id = p.name.split(".")[0]  # a file's name is a better id than its hash
    return art


def ingest_paths(ledger: Ledger, paths: Iterable[str | Path], *,
                 published: str | None = None, max_chars: int = DEFAULT_MAX_CHARS,
                 extract: Extractor | None = None,
                 extract_lines: LineExtractor | None = None,
                 on_progress: Callable[[int], None] | None = None,
                 on_warning: Callable[[str], None] | None = None,
                 refresh: bool = True, strict: bool = False) -> IngestStats:
    """Extract and store every article in ``paths``; returns what happened.

    ``extract_lines`` turns raw batch lines into record JSON lines in order (default
    :func:`extract_json_lines` in this process); ``extract`` turns articles into records in order
    (default :func:`extract_records`): single files always go through it, and batches do too when
    only ``extract`` is given. Stored articles with unchanged text are skipped before either. Each
    article is one transaction. A text
    file with bytes that are not UTF-8 is read with them replaced (``on_warning`` says how many
    and where), or, ``strict``, fails."""
    published = check_published(published)
    extractor = extract or extract_records
    # A caller that replaces only the Article extractor gets it for batches too.
    line_extractor = extract_lines or (None if extract else extract_json_lines)
    job = LineJob(published=published, max_chars=max_chars)
    advance = on_progress or (lambda n: None)
    warn = on_warning or (lambda m: None)
    stats = IngestStats()

    def not_stored(items: Iterable[Article | BadLine], single: bool = False
                   ) -> Iterator[Article | BadLine]:
        for it in items:
            if isinstance(it, Article):
                if published and not it.published:
                    it.published, it.published_from = published, "given"
                if it.id.startswith("line-"):
                    it.id = content_id(it.text)
                by_url = single or _derived_id(it.id)
                if ledger.status_of(it.id, it.text, it.url, match_url=by_url) == "unchanged":
                    stats.unchanged += 1
                    advance(1)
                    continue
            yield it

    def fresh_lines(fh: Iterable[bytes]) -> Iterator[Line]:
        for n, raw in enumerate(fh, start=1):
            if not raw.strip():
                continue
            seen = peek_line(n, raw)
            if seen is not None:
                aid, text, url = seen
                if ledger.status_of(aid, text, url, match_url=_derived_id(aid)) == "unchanged":
                    stats.unchanged += 1
                    advance(1)
                    continue
            yield n, raw

    def from_json(out: Output) -> Record:
        return _fix_line_id(Record.from_dict(json.loads(out.json)))

    def records() -> Iterator[Record]:
        for path in map(str, paths):
            if is_batch_path(path):
                if _is_records_file(path):
                    yield from (_fix_line_id(r) for r in _records_from(path))
                    continue
                with open_lines(path) as fh:
                    if line_extractor is not None:
                        yield from map(from_json, line_extractor(fresh_lines(fh), job))
                    else:
                        yield from extractor(not_stored(read_batch(fh, max_chars=max_chars)))
            else:
                try:
                    art = _read_article_file(path, published, strict=strict, warn=warn)
                except InputError as exc:
                    yield Record.from_error(Path(path).name, "ingest", str(exc))
                    continue
                singles.add(art.id)
                yield from extractor(not_stored([art], single=True))

    def each(rec: Record, status: str) -> None:
        if status == "failed":
            warn(rec.errors[0].message if rec.errors else f"record {rec.id!r} has no text")
        advance(1)

    singles: set[str] = set()
    done = ledger.ingest_records(records(), refresh=refresh, on_record=each,
                                 match_url=lambda r: r.id in singles or _derived_id(r.id))
    for k in ("new", "new_version", "unchanged", "failed", "figures", "series_refreshed"):
        setattr(stats, k, getattr(stats, k) + getattr(done, k))
    stats.failures = done.failures
    return stats


def _derived_id(aid: str) -> bool:
    """An id made from the text (not given by the source): then the URL identifies too."""
    return aid.startswith("sha1-")


def _fix_line_id(rec: Record) -> Record:
    if rec.id.startswith("line-") and rec.text:
        rec.id = content_id(rec.text)
    return rec


def stats_line(stats: IngestStats, db: str) -> str:
    return (f"{stats.seen} article(s): {stats.new} new, {stats.new_version} new version(s), "
            f"{stats.unchanged} unchanged, {stats.failed} failed; {stats.figures} figure(s) "
            f"stored, {stats.series_refreshed} series refreshed in {db}")


def as_dict(stats: IngestStats) -> dict[str, Any]:
    return {**stats.to_dict(), "seen": stats.seen}
