"""ASGI guards for a local server: request size limit, same-origin writes, security headers.

``newsledger serve`` listens on loopback, but any web page the user visits can still make their
browser POST to it, and a DNS-rebinding page can reach it under another host name. So: only
known Host names are served, a POST must come from a page of this server (Origin check; the
Referrer-Policy is ``same-origin``, since ``no-referrer`` makes browsers send ``Origin: null``
even for our own forms), bodies
over the limit are refused with a clear message before they are read, and every response carries
a Content-Security-Policy that forbids inline script — a second wall behind template escaping.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from markupsafe import escape

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
]


def human_bytes(n: int) -> str:
    if n >= 1_000_000:
        return f"{n / 1_000_000:.1f} MB"
    if n >= 1_000:
        return f"{n / 1_000:.0f} kB"
    return f"{n} bytes"


class BodyTooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"request body over {limit} bytes")
        self.limit = limit


def _page(status: int, title: str, message: str) -> bytes:
    return (f"<!doctype html><html lang=en><meta charset=utf-8><title>{escape(title)}</title>"
            f"<link rel=stylesheet href=/static/style.css><main class=page><h1>{escape(title)}</h1>"
            f"<p class=error role=alert>{escape(message)}</p><p><a href=/extract>Back to the "
            f"extract page</a> · <a href=/>Series</a></p></main></html>").encode()


async def _send_page(send: Send, status: int, title: str, message: str) -> None:
    body = _page(status, title, message)
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"text/html; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close"), *SECURITY_HEADERS]})
    await send({"type": "http.response.body", "body": body})


class Guard:
    """Wraps the app: host allow-list, same-origin POSTs, body size limit, security headers."""

    def __init__(self, app: ASGIApp, max_body: int, allowed_hosts: set[str]) -> None:
        self.app, self.max_body, self.allowed_hosts = app, max_body, allowed_hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1")
                   for k, v in scope.get("headers", [])}
        host = headers.get("host", "")
        hostname = host.rsplit(":", 1)[0] if not host.startswith("[") else host.split("]")[0] + "]"
        if self.allowed_hosts and hostname not in self.allowed_hosts:
            await _send_page(send, 400, "Unknown host",
                             f"This server answers to {', '.join(sorted(self.allowed_hosts))}, "
                             f"not {host!r}. Open it by one of those names.")
            return
        if scope["method"] not in ("GET", "HEAD"):
            origin = headers.get("origin")
            if origin is not None and origin.split("://", 1)[-1] != host:
                await _send_page(send, 403, "Cross-site request refused",
                                 f"A form from {origin!r} tried to post to this server. Only its "
                                 "own pages may submit; open the page here and submit it again.")
                return
            length = headers.get("content-length")
            if length and length.isdigit() and int(length) > self.max_body:
                await _send_page(send, 413, "Upload too large", too_large(int(length),
                                                                          self.max_body))
                return

        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            msg = await receive()
            if msg["type"] == "http.request":
                received += len(msg.get("body", b""))
                if received > self.max_body:
                    raise BodyTooLarge(self.max_body)
            return msg

        started = False

        async def send_with_headers(msg: Message) -> None:
            nonlocal started
            if msg["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in msg.get("headers", [])}
                msg["headers"] = list(msg.get("headers", [])) + [
                    h for h in SECURITY_HEADERS if h[0] not in names]
            await send(msg)

        try:
            await self.app(scope, limited_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _send_page(send, 413, "Upload too large", too_large(None, self.max_body))


def too_large(size: int | None, limit: int) -> str:
    found = f"is {human_bytes(size)}" if size is not None else "is larger than that"
    return (f"Uploads and pasted text may be at most {human_bytes(limit)}; this one {found}. "
            "Send one article at a time, or run `newsledger extract FILE` on the command line "
            "for big files (or restart the server with a larger --max-upload).")
