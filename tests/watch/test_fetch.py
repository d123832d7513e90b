"""The polite HTTP client: conditional GET, User-Agent, robots.txt, per-host delay, retries,
size limit while streaming (gzip bombs included), redirect limit. Transports are injected
(httpx.MockTransport): nothing touches the network."""

from __future__ import annotations

import gzip
import zlib

import httpx
import pytest

from newsledger.errors import SourceError
from newsledger.watch.fetch import USER_AGENT, Fetcher, FetchOptions, _Inflater

OPTS = FetchOptions(delay=0.0, retries=2, backoff=0.01, robots=False)


def reply(status: int, body: bytes = b"", headers: dict[str, str] | None = None
          ) -> httpx.Response:
    """A streamed response, as a server sends it (the body is read as it comes)."""
    return httpx.Response(status, stream=httpx.ByteStream(body), headers=headers)


def fetcher(handler, options: FetchOptions = OPTS, sleeps: list[float] | None = None) -> Fetcher:
    record = sleeps if sleeps is not None else []
    return Fetcher(options, transport=httpx.MockTransport(handler), sleep=record.append)


def test_conditional_get_and_user_agent() -> None:
    seen: list[httpx.Request] = []

    def handler(req: httpx.Request) -> httpx.Response:
        seen.append(req)
        if req.headers.get("if-none-match") == '"v1"':
            return reply(304, headers={"ETag": '"v1"'})
        return reply(200, b"<rss/>",
                              headers={"ETag": '"v1"', "Last-Modified": "Tue, 01 Apr 2025"})

    with fetcher(handler) as f:
        first = f.get("http://news.test/rss")
        assert (first.status, first.body, first.etag) == (200, b"<rss/>", '"v1"')
        again = f.get("http://news.test/rss", first.etag, first.last_modified)
    assert again.not_modified
    assert seen[1].headers["if-modified-since"] == "Tue, 01 Apr 2025"
    assert seen[0].headers["user-agent"] == USER_AGENT and "newsledger/" in USER_AGENT


def test_retries_5xx_with_backoff_but_not_404() -> None:
    calls = {"n": 0}

    def flaky(req: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        return reply(503 if calls["n"] < 3 else 200, b"ok")

    sleeps: list[float] = []
    with fetcher(flaky, sleeps=sleeps) as f:
        assert f.get("http://news.test/a").body == b"ok"
    assert calls["n"] == 3 and sleeps == [0.01, 0.02]  # the pause doubles
    calls["n"] = 0

    def missing(req: httpx.Request) -> httpx.Response:
        calls["n"] += 1
        return reply(404)

    with fetcher(missing) as f, pytest.raises(SourceError) as exc:
        f.get("http://news.test/gone")
    assert exc.value.kind == "http" and calls["n"] == 1


def test_timeouts_are_retried_then_reported() -> None:
    def slow(req: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=req)

    with fetcher(slow) as f, pytest.raises(SourceError) as exc:
        f.get("http://news.test/slow")
    assert exc.value.kind == "timeout"


def test_size_limit_while_streaming_and_gzip_bomb() -> None:
    small = FetchOptions(delay=0.0, retries=0, robots=False, max_bytes=10_000)
    bomb = gzip.compress(b"\0" * 50_000_000)  # ~50 KB that inflates to 50 MB

    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/bomb":
            return reply(200, bomb, {"Content-Encoding": "gzip"})
        if req.url.path == "/fine":
            return reply(200, gzip.compress(b"a" * 9_000),
                         {"Content-Encoding": "gzip"})
        return reply(200, b"x" * 20_000)

    with fetcher(handler, small) as f:
        assert f.get("http://news.test/fine").body == b"a" * 9_000
        for path in ("/bomb", "/big"):
            with pytest.raises(SourceError) as exc:
                f.get("http://news.test" + path)
            assert exc.value.kind == "too_large", path


def test_inflater_never_holds_more_than_the_limit() -> None:
    inf = _Inflater("gzip", 1000)
    with pytest.raises(SourceError):
        inf.feed(gzip.compress(b"\0" * 10_000_000))
    assert len(inf.out) == 1001  # one byte past the limit, not ten million
    raw = zlib.compress(b"hello")
    ok = _Inflater("deflate", 1000)
    ok.feed(raw)
    assert bytes(ok.out) == b"hello"


def test_redirect_loop() -> None:
    def loop(req: httpx.Request) -> httpx.Response:
        nxt = "/b" if req.url.path == "/a" else "/a"
        return reply(302, headers={"Location": nxt})

    with fetcher(loop) as f, pytest.raises(SourceError) as exc:
        f.get("http://news.test/a")
    assert exc.value.kind == "redirects"


def test_robots_txt_is_honoured() -> None:
    def handler(req: httpx.Request) -> httpx.Response:
        if req.url.path == "/robots.txt":
            return reply(200, b"User-agent: *\nDisallow: /private/\n")
        return reply(200, b"page")

    with fetcher(handler, FetchOptions(delay=0.0, robots=True)) as f:
        assert f.get("http://news.test/public/a").body == b"page"
        with pytest.raises(SourceError) as exc:
            f.get("http://news.test/private/b")
    assert exc.value.kind == "robots"


def test_per_host_delay() -> None:
    sleeps: list[float] = []
    with fetcher(lambda req: reply(200, b"x"),
                 FetchOptions(delay=5.0, robots=False), sleeps) as f:
        f.get("http://one.test/a")
        f.get("http://two.test/a")   # another host: no wait
        f.get("http://one.test/b")   # same host: waits
    assert len(sleeps) == 1 and 4.0 < sleeps[0] <= 5.0
