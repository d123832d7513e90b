"""One poll of every watched source: read each feed (or folder), remember its items, fetch and
extract the new and changed ones, store them in the ledger, then refresh the series they touched.

An item is fetched when it is new, when the feed says it changed (its fingerprint), or when an
earlier fetch failed; the page is fetched conditionally (ETag / Last-Modified) and an equal body
is not extracted again. Storing goes through the ledger API (:meth:`Ledger.add`, and for folders
:func:`newsledger.run.ingest.ingest_paths`), which versions an article whose text changed and
skips one stored as is, so re-doing an item after a crash duplicates nothing. A failing source
or item is recorded on its source and the poll goes on.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError, NewsledgerError, SourceError
from ..ingest import check_published, from_any
from ..ingest.article import Article
from ..ingest.batch import BadLine
from ..ingest.decode import decode_text
from ..ledger.api import Ledger
from ..record import Record
from ..run.ingest import LineExtractor, extract_records, ingest_paths
from .feeds import Entry, Feed, parse_feed
from .fetch import Fetcher, Response
from .sources import FEED_FILE, FEED_URL, FOLDER, Source, folder_files
from .state import Item, Watchlist, article_id_for, body_hash, file_fingerprint, host_of

Extractor = Callable[[Iterable["Article | BadLine"]], Iterator[Record]]

_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.IGNORECASE)


@dataclass
class PollStats:
    """What one poll did."""

    number: int = 0
    sources: int = 0
    source_errors: int = 0
    checked: int = 0          # items fetched or read
    new: int = 0
    new_version: int = 0
    unchanged: int = 0        # fetched or read again, same text
    not_modified: int = 0     # 304
    item_errors: int = 0
    series_refreshed: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    errors: list[str] = field(default_factory=list)

    def line(self) -> str:
        """The status line printed after each poll."""
        stop = "; interrupted" if self.interrupted else ""
        return (f"poll {self.number}: {self.sources} source(s) ({self.source_errors} failed), "
                f"{self.checked} item(s) checked: {self.new} new, {self.new_version} new "
                f"version(s), {self.unchanged} unchanged, {self.not_modified} not modified, "
                f"{self.item_errors} error(s); {self.series_refreshed} series refreshed in "
                f"{self.seconds:.1f} s{stop}")


def _page_text(resp: Response) -> str:
    m = _CHARSET.search(resp.content_type or "")
    charset = m.group(1).lower() if m else "utf-8"
    if charset not in ("utf-8", "utf8"):
        try:
            return resp.body.decode(charset, "replace")
        except LookupError:
            pass
    return decode_text(resp.body, resp.url).text


class Poller:
    """Polls ``sources`` into ``ledger``. ``stop`` (set by a signal handler) ends a poll between
    two items; ``extract`` turns Articles into Records (default: the NLP pipeline, in this
    process), ``extract_lines`` raw batch lines into record JSON (see ``ingest_paths``)."""

    def __init__(self, ledger: Ledger, sources: list[Source], fetcher: Fetcher, *,
                 extract: Extractor | None = None,
                 extract_lines: LineExtractor | None = None,
                 stop: threading.Event | None = None,
                 on_warning: Callable[[str], None] | None = None) -> None:
        self.ledger = ledger
        self.sources = sources
        self.fetcher = fetcher
        self.extract: Extractor = extract or extract_records
        self.extract_lines = extract_lines
        self.stop = stop or threading.Event()
        self.warn = on_warning or (lambda m: None)
        self.watch = Watchlist(ledger.store)
        self.polls = 0
        for s in sources:
            self.watch.add_source(s.key, s.kind)

    # -- one poll -------------------------------------------------------------------------------

    def poll(self) -> PollStats:
        self.polls += 1
        st = PollStats(number=self.polls)
        t0 = time.monotonic()
        for src in self.sources:
            if self.stop.is_set():
                st.interrupted = True
                break
            st.sources += 1
            if src.kind == FOLDER:
                self._poll_folder(src, st)
            else:
                self._poll_feed(src, st)
        st.interrupted = st.interrupted or self.stop.is_set()
        # Series refresh is cheap and idempotent: a crash before it leaves series marked dirty,
        # and the next refresh does them.
        st.series_refreshed = self.ledger.refresh()
        st.seconds = time.monotonic() - t0
        return st

    def _source_error(self, src: Source, exc: SourceError | InputError, st: PollStats) -> None:
        kind = getattr(exc, "kind", "source")
        self.watch.polled(src.key, error=str(exc), kind=kind)
        st.source_errors += 1
        st.errors.append(f"{src.key}: {exc}")
        self.warn(f"{src.key}: {exc}")

    # -- feeds ----------------------------------------------------------------------------------

    def _read_feed(self, src: Source) -> tuple[Feed | None, Response | None]:
        if src.kind == FEED_FILE:
            try:
                body = Path(src.key).read_bytes()
            except OSError as exc:
                raise SourceError(f"cannot read {src.key}: {exc}", "source") from None
            return parse_feed(body, src.key), None
        etag, modified = self.watch.validators(src.key)
        # A due item the feed carried whole (no link) needs the feed's body again.
        if any(not it.item.startswith(("http://", "https://")) for it in self.watch.due(src.key)):
            etag = modified = None
        resp = self.fetcher.get(src.key, etag, modified)
        if resp.not_modified:
            return None, resp
        return parse_feed(resp.body, src.key), resp

    def _poll_feed(self, src: Source, st: PollStats) -> None:
        feed: Feed | None = None
        try:
            feed, resp = self._read_feed(src)
        except SourceError as exc:
            self._source_error(src, exc, st)
        else:
            if feed is not None:
                self.watch.offer(src.key, [Item(src.key, e.key, e.fingerprint, e.title,
                                                _feed_date(e.published)) for e in feed.entries])
            if resp is not None and resp.not_modified:
                etag, modified = self.watch.validators(src.key)
                self.watch.polled(src.key, etag=etag, last_modified=modified)
            elif feed is not None and feed.problem:
                # Its readable entries are taken, and the source says what is wrong with it;
                # no validators are kept, so the next poll reads it whole again.
                self._source_error(src, SourceError(feed.problem, "not_a_feed"), st)
            else:
                self.watch.polled(src.key, title=feed.title if feed else None,
                                  etag=resp.etag if resp else None,
                                  last_modified=resp.last_modified if resp else None)
        carried = {e.key: e for e in feed.entries} if feed else {}
        outlet = (feed.title if feed else None) or (host_of(src.key) if src.kind == FEED_URL
                                                     else None)
        for it in self.watch.due(src.key):
            if self.stop.is_set():
                return
            try:
                self._feed_item(it, carried.get(it.item), outlet, st)
            except (SourceError, NewsledgerError) as exc:
                kind = getattr(exc, "kind", "extract")
                self.watch.failed(it, kind, str(exc))
                st.item_errors += 1
                st.errors.append(f"{it.item}: {exc}")
                self.warn(f"{it.item}: {exc}")

    def _feed_item(self, it: Item, entry: Entry | None, outlet: str | None,
                   st: PollStats) -> None:
        st.checked += 1
        if it.item.startswith(("http://", "https://")):
            resp = self.fetcher.get(it.item, it.etag, it.last_modified)
            if resp.not_modified:
                st.not_modified += 1
                self.watch.done(it, article_id=None, content_hash=None, etag=it.etag,
                                last_modified=it.last_modified, changed=False)
                return
            digest = body_hash(resp.body)
            if digest == it.content_hash:
                st.unchanged += 1
                self.watch.done(it, article_id=None, content_hash=digest, etag=resp.etag,
                                last_modified=resp.last_modified, changed=False)
                return
            text, url, etag, modified = _page_text(resp), it.item, resp.etag, resp.last_modified
        else:
            if entry is None or not entry.content:
                raise SourceError(f"the feed no longer carries {it.item!r} and it has no link",
                                  "source")
            text, url, etag, modified = entry.content, None, None, None
            digest = body_hash(text.encode("utf-8", "surrogatepass"))
            if digest == it.content_hash:
                st.unchanged += 1
                self.watch.done(it, article_id=None, content_hash=digest, etag=None,
                                last_modified=None, changed=False)
                return
        if not text.strip():
            raise SourceError(f"{it.item} is empty: no article to extract", "extract")
        aid = article_id_for(url) if url else f"{host_of(it.source) or 'feed'}#{it.item}"
        art = from_any(text, id=aid, url=url, title=it.title if not url else None)
        if not art.outlet and outlet:
            art.outlet = outlet
        if not art.published and it.feed_published:
            art.published, art.published_from = it.feed_published, "given"
        rec = next(iter(self.extract([art])))
        if not rec.text:
            why = rec.errors[0].message if rec.errors else "no article text"
            raise SourceError(f"{it.item}: nothing to store ({why})", "extract")
        status = self.ledger.add(rec, match_url=True)
        setattr(st, status, getattr(st, status) + 1)
        self.watch.done(it, article_id=rec.id, content_hash=digest, etag=etag,
                        last_modified=modified, changed=status != "unchanged")

    # -- folders --------------------------------------------------------------------------------

    def _poll_folder(self, src: Source, st: PollStats) -> None:
        root = Path(src.key)
        if not root.is_dir():
            self._source_error(src, SourceError(f"the folder {src.key} is gone", "source"), st)
            return
        files = {str(p.relative_to(root)): p for p in folder_files(src.key)}
        self.watch.offer(src.key, [Item(src.key, name, file_fingerprint(p))
                                   for name, p in files.items()])
        self.watch.polled(src.key)
        for it in self.watch.due(src.key):
            if self.stop.is_set():
                return
            path = files.get(it.item)
            if path is None or not path.is_file():
                self.watch.failed(it, "source", f"{it.item} is no longer in {src.key}")
                continue
            st.checked += 1
            digest = body_hash(path.read_bytes())
            if digest == it.content_hash:
                st.unchanged += 1
                self.watch.done(it, article_id=None, content_hash=digest, etag=None,
                                last_modified=None, changed=False)
                continue
            try:
                done = ingest_paths(self.ledger, [path], extract=self.extract
                                    if self.extract is not extract_records else None,
                                    extract_lines=self.extract_lines, refresh=False,
                                    on_warning=self.warn)
            except NewsledgerError as exc:
                self.watch.failed(it, "extract", str(exc))
                st.item_errors += 1
                continue
            st.new += done.new
            st.new_version += done.new_version
            st.unchanged += done.unchanged
            if done.failed and not (done.new or done.new_version or done.unchanged):
                self.watch.failed(it, "extract", done.failures[0] if done.failures
                                  else f"nothing in {it.item} could be stored")
                st.item_errors += 1
                continue
            st.item_errors += done.failed
            self.watch.done(it, article_id=None, content_hash=digest, etag=None,
                            last_modified=None, changed=bool(done.new or done.new_version))


def _feed_date(value: str | None) -> str | None:
    try:
        return check_published(value)
    except InputError:
        return None


def watch(poller: Poller, *, interval: float, once: bool,
          on_poll: Callable[[PollStats], None] | None = None) -> list[PollStats]:
    """Poll until ``poller.stop`` is set (or once); returns every poll's stats. The wait between
    polls ends as soon as ``stop`` is set."""
    done: list[PollStats] = []
    while True:
        st = poller.poll()
        done.append(st)
        if on_poll is not None:
            on_poll(st)
        if once or poller.stop.is_set() or poller.stop.wait(max(interval, 0.0)):
            return done
