"""Synthetic feeds and article pages for the watch tests (written for these tests: no real
news), and a local HTTP server that serves them and changes between polls.

Places, people and numbers are invented. Every article carries a toll with a claimant so the
ledger makes series points from it; the wire stories are copied across outlets word for word
under the same wire credit, as syndication does, so their points must be flagged echoes.
"""

from __future__ import annotations

import gzip
import hashlib
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

PLACES = ["Varnholt", "Kessmere", "Oradel", "Tirrow", "Balemont", "Quenn", "Saldrith",
          "Morvaine", "Elstead", "Corrigan", "Pellamy", "Thrune", "Ashvale", "Dunmore",
          "Hollin", "Carrow", "Wexley", "Fenmarch", "Lisk", "Gorran"]
OUTLETS = [("harbor", "Harbor Post"), ("ridge", "Ridge Times"), ("delta", "Delta Courier")]
WIRE = "Meridian Press"
WIRE_STORIES = 4     # items 1..4 of every feed are the same four wire stories
ITEMS = 20


def story_text(place: str, killed: int, wounded: int, day: str, lead: str = "") -> list[str]:
    """Paragraphs of a short invented conflict report with a toll and a named claimant."""
    return [
        f"{lead}At least {killed:,} people have been killed in {place} since the fighting "
        f"began, the {place} health ministry said on {day}.",
        f"The ministry said {wounded:,} more people had been wounded and that the figures "
        "could not be independently verified.",
        f"\u201cThe shelling has not stopped for three nights,\u201d said Maren Ostrova, a "
        f"spokeswoman for the {place} civil defence agency. \u201cWe are asking for a pause "
        "so that the wounded can be moved.\u201d",
        "Talks between the two sides are due to resume next week, mediators said.",
    ]


def page_html(title: str, paragraphs: list[str], outlet: str, published: str | None,
              credit: str | None = None) -> bytes:
    meta = f'<meta property="article:published_time" content="{published}">' if published else ""
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
    credit_line = f"<p>({escape(credit)})</p>" if credit else ""
    return (f"<!doctype html><html><head><title>{escape(title)} | {escape(outlet)}</title>"
            f'<meta property="og:site_name" content="{escape(outlet)}">{meta}</head><body>'
            f"<nav>Home | World | Sport</nav><article><h1>{escape(title)}</h1>\n{body}"
            f"{credit_line}</article><footer>Copyright {escape(outlet)}</footer>"
            "</body></html>").encode("utf-8")


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    delay: float = 0.0
    gzip: bool = False
    location: str | None = None
    validators: bool = True


@dataclass
class Site:
    """Pages by path, served by a local HTTP server in a thread; tests change them between
    polls. ``hits`` lists (path, status) of every request."""

    pages: dict[str, Page] = field(default_factory=dict)
    hits: list[tuple[str, int]] = field(default_factory=list)
    modified: dict[str, str] = field(default_factory=dict)

    def put(self, path: str, body: bytes | str, **kw: Any) -> None:
        data = body.encode("utf-8") if isinstance(body, str) else body
        old = self.pages.get(path)
        if old is None or old.body != data:
            self.modified[path] = formatdate(time.time() + len(self.modified), usegmt=True)
        self.pages[path] = Page(data, **kw)

    def start(self) -> str:
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_GET(self) -> None:
                path = self.path.split("?")[0]
                page = site.pages.get(path)
                if page is None:
                    return self._send(404, b"not found", "text/plain")
                if page.delay:
                    time.sleep(page.delay)
                if page.location:
                    self.send_response(page.status)
                    self.send_header("Location", page.location)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    site.hits.append((path, page.status))
                    return None
                etag = '"' + hashlib.sha1(page.body).hexdigest()[:12] + '"'
                if page.validators and page.status == 200 and \
                        self.headers.get("If-None-Match") == etag:
                    site.hits.append((path, 304))
                    self.send_response(304)
                    self.send_header("ETag", etag)
                    self.end_headers()
                    return None
                body = gzip.compress(page.body) if page.gzip else page.body
                extra = {"Content-Encoding": "gzip"} if page.gzip else {}
                if page.validators:
                    extra.update({"ETag": etag, "Last-Modified": site.modified[path]})
                return self._send(page.status, body, page.content_type, extra)

            def _send(self, status: int, body: bytes, ctype: str,
                      extra: dict[str, str] | None = None) -> None:
                site.hits.append((self.path.split("?")[0], status))
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        host, port = self.server.server_address[:2]
        self.base = f"http://{host}:{port}"
        return self.base

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def fetched(self, path: str) -> int:
        """How many times ``path`` was answered with a body (200)."""
        return sum(1 for p, s in self.hits if p == path and s == 200)


def rss(title: str, link: str, items: list[dict[str, str]]) -> str:
    parts = [f'<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>'
             f"<title>{escape(title)}</title><link>{escape(link)}</link>"
             "<description>Invented news for tests</description>"]
    for it in items:
        parts.append(f"<item><title>{escape(it['title'])}</title><link>{escape(it['link'])}"
                     f"</link><guid>{escape(it['link'])}</guid>"
                     f"<pubDate>{it['pubDate']}</pubDate>"
                     + (f"<description>{escape(it['summary'])}</description>"
                        if it.get("summary") else "") + "</item>")
    parts.append("</channel></rss>")
    return "".join(parts)


class Newsroom:
    """Three outlets' RSS feeds of twenty items each, published over three polls, on a Site.

    Poll 1 publishes items 1–10 of every feed, poll 2 items 11–17, poll 3 items 18–20. Items
    1–4 are the four wire stories, the same text in every outlet. Between polls 1 and 2 the
    harbor item 6 is edited (toll updated in place, its feed entry updated); between polls 2 and
    3 the ridge item 12 is."""

    PUBLISHED = {1: 10, 2: 17, 3: 20}
    EDITS = {2: ("harbor", 6), 3: ("ridge", 12)}

    def __init__(self, site: Site) -> None:
        self.site = site
        self.edited: set[tuple[str, int]] = set()

    def _story(self, slug: str, n: int) -> tuple[str, list[str], str | None]:
        if n <= WIRE_STORIES:
            place = PLACES[n - 1]
            paras = story_text(place, 1000 * n + 137, 400 * n + 21, "Tuesday",
                               lead=f"{place.upper()}, April {n} ({WIRE}) - ")
            return f"Toll in {place} rises as shelling goes on", paras, WIRE
        o = [s for s, _ in OUTLETS].index(slug)
        place = PLACES[(n - 1) % len(PLACES)]
        killed = 50 + 97 * n + 13 * o
        if (slug, n) in self.edited:
            killed += 250
        paras = story_text(f"{place}", killed, 10 + 7 * n + o, "Monday")
        # Each outlet's own reporting on a place of its own: a subject of its own too.
        paras = [p.replace(place, f"{place} {['North', 'South', 'East'][o]}") for p in paras]
        return f"{place} {['North', 'South', 'East'][o]}: toll rises again", paras, None

    def publish(self, poll: int) -> None:
        if poll in self.EDITS:
            self.edited.add(self.EDITS[poll])
        last = self.PUBLISHED[poll]
        for slug, outlet in OUTLETS:
            items = []
            for n in range(1, last + 1):
                title, paras, credit = self._story(slug, n)
                link = f"{self.site.base}/{slug}/story-{n}.html"
                self.site.put(f"/{slug}/story-{n}.html",
                              page_html(title, paras, outlet, f"2025-04-{n:02d}", credit))
                updated = (slug, n) in self.edited
                items.append({"title": title + (" (updated)" if updated else ""), "link": link,
                              "pubDate": formatdate(1743465600 + 86400 * n, usegmt=True)})
            self.site.put(f"/{slug}/rss.xml", rss(outlet, f"{self.site.base}/{slug}/",
                                                  list(reversed(items))),
                          content_type="application/rss+xml")

    def feed_urls(self) -> list[str]:
        return [f"{self.site.base}/{slug}/rss.xml" for slug, _ in OUTLETS]
