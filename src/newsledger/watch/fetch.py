"""Polite HTTP for watch: conditional GET, a per-host delay, robots.txt, timeouts, retries with
backoff, a size limit enforced while the body streams in (compressed bodies included, so a gzip
bomb stops at the limit), and a redirect limit. Every failure is a :class:`SourceError` whose
``kind`` says what went wrong."""

from __future__ import annotations

import threading
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from .. import __version__
from ..errors import SourceError

USER_AGENT = f"newsledger/{__version__} (news ledger watcher; honours robots.txt)"
DEFAULT_MAX_BYTES = 5_000_000
DEFAULT_TIMEOUT_S = 20.0
DEFAULT_DELAY_S = 1.0
MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 500_000
# Statuses worth asking again after a pause; anything else 4xx/5xx is an answer.
RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass
class Response:
    """A fetched body (decoded from gzip/deflate) or a 304."""

    url: str                    # after redirects
    status: int
    body: bytes = b""
    etag: str | None = None
    last_modified: str | None = None
    content_type: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class FetchOptions:
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT_S
    delay: float = DEFAULT_DELAY_S        # between two requests to one host
    retries: int = 2                      # more tries after the first, for timeouts and 5xx
    backoff: float = 1.0                  # first pause; doubles each retry
    robots: bool = True
    user_agent: str = USER_AGENT


class _Inflater:
    """gzip/deflate decoding that never produces more than ``limit`` bytes, however small the
    compressed input (zlib's ``max_length``), so a bomb is caught at the limit."""

    def __init__(self, encoding: str, limit: int) -> None:
        self.limit = limit
        self.out = bytearray()
        enc = encoding.strip().lower()
        if enc in ("", "identity"):
            self.z = None
        elif enc in ("gzip", "x-gzip", "deflate"):
            self.z = zlib.decompressobj(47 if enc != "deflate" else zlib.MAX_WBITS)
        else:
            raise SourceError(f"the server sent Content-Encoding {encoding!r}, which newsledger "
                              "does not decode (expected gzip or deflate)", "http")

    def feed(self, chunk: bytes) -> None:
        if self.z is None:
            self.out += chunk
        else:
            # At most one byte past the limit: input left over then is a body over it.
            self.out += self.z.decompress(chunk, self.limit + 1 - len(self.out))
        if len(self.out) > self.limit:
            raise SourceError(f"the body is larger than the limit of {self.limit:,} bytes "
                              "(decoded); raise --max-bytes if this source is trusted",
                              "too_large")


@dataclass
class Fetcher:
    """One HTTP client shared by a poll (use as a context manager)."""

    options: FetchOptions = field(default_factory=FetchOptions)
    transport: httpx.BaseTransport | None = None   # tests inject one; default: the network
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        o = self.options
        self.client = httpx.Client(
            headers={"User-Agent": o.user_agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(o.timeout, connect=min(o.timeout, 10.0)),
            follow_redirects=True, max_redirects=MAX_REDIRECTS, transport=self.transport)
        self._last: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}
        self._lock = threading.Lock()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.client.close()

    # -- politeness -----------------------------------------------------------------------------

    def _wait_turn(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            last = self._last.get(host)
            wait = 0.0 if last is None else last + self.options.delay - time.monotonic()
            self._last[host] = time.monotonic() + max(wait, 0.0)
        if wait > 0:
            self.sleep(wait)

    def allowed(self, url: str) -> bool:
        """Does the host's robots.txt let our User-Agent fetch ``url``? (No robots.txt, or one
        that cannot be read, allows everything; a 401/403 on it disallows everything, as
        urllib.robotparser does.)"""
        if not self.options.robots:
            return True
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}".lower()
        if key not in self._robots:
            parser: RobotFileParser | None = RobotFileParser()
            try:
                resp = self._get(key + "/robots.txt", None, None, ROBOTS_MAX_BYTES, tries=1)
                if resp.status in (401, 403):
                    parser.disallow_all = True  # type: ignore[union-attr]
                elif resp.status >= 400:
                    parser = None
                else:
                    parser.parse(  # type: ignore[union-attr]
                        resp.body.decode("utf-8", "replace").splitlines())
            except SourceError:
                parser = None
            self._robots[key] = parser
        parser = self._robots[key]
        return parser is None or parser.can_fetch(self.options.user_agent, url)

    # -- fetching -------------------------------------------------------------------------------

    def get(self, url: str, etag: str | None = None,
            last_modified: str | None = None) -> Response:
        """GET ``url`` conditionally; a 304 comes back as ``not_modified``. Raises SourceError
        for robots.txt refusals, HTTP errors (after retries for 5xx/429), timeouts, redirect
        loops and bodies over the size limit."""
        if urlsplit(url).scheme not in ("http", "https"):
            raise SourceError(f"{url!r} is not an http(s) URL", "source")
        if not self.allowed(url):
            raise SourceError(f"robots.txt of {urlsplit(url).netloc} disallows {url}; "
                              "newsledger honours it", "robots")
        resp = self._get(url, etag, last_modified, self.options.max_bytes,
                         tries=1 + self.options.retries)
        if resp.status >= 400:
            raise SourceError(f"HTTP {resp.status} for {url}", "http")
        return resp

    def _get(self, url: str, etag: str | None, last_modified: str | None, limit: int,
             tries: int) -> Response:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        pause = self.options.backoff
        for attempt in range(tries):
            last_try = attempt == tries - 1
            self._wait_turn(url)
            try:
                resp = self._once(url, headers, limit)
            except SourceError as exc:
                if exc.kind not in ("timeout", "network") or last_try:
                    raise
            else:
                if resp.status not in RETRY_STATUSES or last_try:
                    return resp
            self.sleep(pause)
            pause *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def _once(self, url: str, headers: dict[str, str], limit: int) -> Response:
        try:
            with self.client.stream("GET", url, headers=headers) as r:
                if r.status_code == 304 or r.status_code >= 400:
                    return Response(str(r.url), r.status_code,
                                    etag=r.headers.get("etag"),
                                    last_modified=r.headers.get("last-modified"))
                declared = r.headers.get("content-length")
                encoding = r.headers.get("content-encoding", "")
                if declared and declared.isdigit() and not encoding and int(declared) > limit:
                    raise SourceError(f"{url} is {int(declared):,} bytes, over the limit of "
                                      f"{limit:,}; raise --max-bytes if this source is trusted",
                                      "too_large")
                inflate = _Inflater(encoding, limit)
                for chunk in r.iter_raw():
                    inflate.feed(chunk)
                return Response(str(r.url), r.status_code, bytes(inflate.out),
                                r.headers.get("etag"), r.headers.get("last-modified"),
                                r.headers.get("content-type", ""))
        except httpx.TooManyRedirects:
            raise SourceError(f"{url} redirects more than {MAX_REDIRECTS} times (a loop?)",
                              "redirects") from None
        except httpx.TimeoutException:
            raise SourceError(f"{url} did not answer within {self.options.timeout:g} s "
                              "(timeout)", "timeout") from None
        except httpx.HTTPError as exc:
            raise SourceError(f"cannot fetch {url}: {exc.__class__.__name__}: {exc}",
                              "network") from None
