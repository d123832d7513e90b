"""The Starlette application behind ``newsledger serve``: routes, templates, the store handle.

Pages: the series index (``/``), a series (``/series/{id}``, with CSV/JSON downloads), an
article from the ledger (``/article/{id}``), the sources ``newsledger watch`` polls and what is
new since a given time (``/sources``), and the extract page (``/extract``) that shows the
record of pasted or uploaded text. The ledger is opened read-only for the life of the server and
nothing is written unless the app was created with ``allow_store`` (``serve --allow-store``);
then storing from the extract page, when asked, opens a separate, short-lived writable handle on
the same configured file (see :mod:`newsledger.web.store`).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import threading
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from .. import __version__
from ..errors import NewsledgerError
from ..ledger.store import is_url
from ..record import Record
from . import chart as chart_mod
from .guard import BodyTooLarge, Guard, human_bytes, too_large
from .highlight import highlight

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "[::1]")
MAX_FILTER = 200     # characters of a search or filter value
MAX_ID = 1_000       # characters of a series or article id in a URL
MAX_VERSION = 1_000_000
MAX_PAGE = 10_000
PAGE_SIZE = 20       # article search results per page
ARTICLE_PAGE = 50    # rows of the article list
DEFAULT_MAX_UPLOAD = 2_000_000  # bytes: a long article is ~100 kB; this leaves ample room

Extractor = Callable[..., Record]
_SINCE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?$")


@dataclass
class Settings:
    db: str | Path | None  # a SQLite file or a postgresql:// URL
    max_upload: int = DEFAULT_MAX_UPLOAD
    allow_store: bool = False


def _env() -> Environment:
    env = Environment(loader=PackageLoader("newsledger.web", "templates"),
                      autoescape=select_autoescape(default=True, default_for_string=True))
    env.filters["num"] = chart_mod.fmt_num
    env.filters["urlpart"] = lambda s: quote(str(s), safe="")
    env.filters["safe_url"] = safe_url
    env.filters["figvalue"] = lambda f: chart_mod.fmt_value(chart_mod.ChartPoint(
        "", None, f.value, f.low, f.high))
    env.globals["version"] = __version__
    return env


class BadParam(Exception):
    """A request parameter that cannot mean anything: answered with 400, never 500."""


def text_param(request: Request, key: str, limit: int = MAX_FILTER) -> str:
    """A query parameter as stripped text; NUL characters or more than ``limit`` characters
    are a :class:`BadParam`."""
    v = request.query_params.get(key, "")
    if "\x00" in v:
        raise BadParam(f"The {key!r} parameter holds a NUL character.")
    if len(v) > limit:
        raise BadParam(f"The {key!r} parameter is longer than {limit} characters.")
    return v.strip()


def int_param(request: Request, key: str, lo: int, hi: int) -> int | None:
    """A query parameter as an int in ``[lo, hi]`` (None when absent or empty): only ASCII
    digits count ("²", "1e9", "-1" and "99999999999999999999" are a :class:`BadParam`)."""
    v = text_param(request, key, 24)
    if not v:
        return None
    if not (v.isascii() and v.isdigit()) or not lo <= int(v) <= hi:
        raise BadParam(f"The {key!r} parameter must be a whole number from {lo} to {hi}.")
    return int(v)


def path_id(request: Request, key: str) -> str | None:
    """A series or article id from the path; None when it cannot name one (NUL, too long)."""
    v = str(request.path_params.get(key, ""))
    return None if "\x00" in v or len(v) > MAX_ID or not v else v


def safe_url(url: str | None) -> bool:
    """Only http(s) URLs become links: a ``javascript:`` URL in a record must stay text."""
    return bool(url) and str(url).strip().lower().startswith(("http://", "https://"))


def _default_extract(text: str, **meta: Any) -> Record:
    from ..pipeline import extract

    return extract(text, **meta)


def _db_name(db: str | Path | None) -> str | None:
    """What pages call the ledger: the file's name, or the database's (never a password)."""
    if db is None:
        return None
    if is_url(db):
        return str(db).split("?")[0].rstrip("/").rsplit("/", 1)[-1] or "postgresql"
    return Path(db).name


def create_app(db: str | Path | None, *, max_upload: int = DEFAULT_MAX_UPLOAD,
               allow_store: bool = False, extractor: Extractor | None = None,
               allowed_hosts: set[str] | None = None) -> Guard:
    """The web app over the ledger at ``db`` (opened read-only), wrapped in :class:`Guard`.

    Nothing is ever written unless ``allow_store`` (``serve --allow-store``): only then does the
    extract page offer to store a record in ``db``.

    ``extractor`` replaces :func:`newsledger.extract` (tests inject hand-made records);
    ``allowed_hosts`` are the Host names served (default: loopback names; empty: any)."""
    settings = Settings(db if db is None or is_url(db) else Path(db), max_upload,
                        allow_store)
    view = None
    if settings.db is not None:
        from .store import LedgerView

        view = LedgerView.open(settings.db)
    extract_fn = extractor or _default_extract
    # One spaCy pipeline serves every request; a local server can afford to take turns.
    extract_lock = threading.Lock()

    def run_extract(text: str, **meta: Any) -> Record:
        with extract_lock:
            return extract_fn(text, **meta)

    env = _env()

    def page(request: Request, name: str, status: int = 200, **ctx: Any) -> HTMLResponse:
        ctx.setdefault("has_db", view is not None)
        ctx.setdefault("db_name", _db_name(settings.db))
        ctx.setdefault("allow_store", _can_store())
        html = env.get_template(name).render(request=request, **ctx)
        return HTMLResponse(html, status_code=status)

    def not_found(request: Request, what: str) -> HTMLResponse:
        return page(request, "error.html", 404, title="Not found", message=what)

    def need_view(request: Request) -> HTMLResponse | None:
        if view is None:
            return page(request, "error.html", 404, title="No ledger",
                        message="This server was started without --db, so there are no series "
                                "to show. The extract page still works.")
        return None

    async def index(request: Request) -> Response:
        if (r := need_view(request)) is not None:
            return r
        assert view is not None
        filters = {k: text_param(request, k) for k in
                   ("q", "metric", "place", "claimant", "outlet", "since", "until")}
        page_no = int_param(request, "page", 1, MAX_PAGE) or 1
        error = None
        try:
            rows = await run_in_threadpool(view.series, **filters)
        except NewsledgerError as exc:
            rows, error = [], str(exc).replace("--since", "From").replace("--until", "To")
        facets = await run_in_threadpool(view.facets)
        found = await run_in_threadpool(view.search_articles, filters["q"], PAGE_SIZE,
                                        (page_no - 1) * PAGE_SIZE) \
            if filters["q"] else ([], 0)
        articles, total = found
        return page(request, "index.html", 400 if error else 200, filters=filters, rows=rows,
                    facets=facets, active=any(filters.values()), error=error,
                    articles=articles, total=total,
                    pager=_pager(request, page_no, total))

    async def article_list(request: Request) -> Response:
        if (r := need_view(request)) is not None:
            return r
        assert view is not None
        page_no = int_param(request, "page", 1, MAX_PAGE) or 1
        rows, total = await run_in_threadpool(view.articles, ARTICLE_PAGE,
                                              (page_no - 1) * ARTICLE_PAGE)
        return page(request, "articles.html", articles=rows,
                    pager=_pager(request, page_no, total, ARTICLE_PAGE, "/articles"))

    async def series_of(request: Request) -> tuple[str | None, Any]:
        """The series id in the path and its summary (None when absent): the page and the
        chart download look it up alike."""
        assert view is not None
        sid = path_id(request, "sid")
        return sid, (await run_in_threadpool(view.series_info, sid) if sid else None)

    async def series(request: Request) -> Response:
        if (r := need_view(request)) is not None:
            return r
        sid, info = await series_of(request)
        if info is None or sid is None:
            shown = repr(sid) if sid else "with this id"
            return not_found(request, f"There is no series {shown} in this ledger. "
                                      "Pick one from the series index.")
        sel, scale = _chart_selection(request)
        points = await run_in_threadpool(view.points, sid, **sel)
        ctx = _series_context(info, points, scale)
        all_claimants = [c for c in info.claimants if not c.startswith("(")]
        return page(request, "series.html", info=info, points=points, sel=sel, scale=scale,
                    claimants=all_claimants, filtered=any(sel.values()),
                    svg_href=_chart_href(info.id, sel, scale),
                    scale_links={k: _page_href(info.id, sel, k) for k in chart_mod.SCALES},
                    **ctx)

    async def series_chart_svg(request: Request) -> Response:
        if (r := need_view(request)) is not None:
            return r
        sid, info = await series_of(request)
        if info is None or sid is None:
            return not_found(request, f"There is no series {(sid or '')[:200]!r} to draw.")
        sel, scale = _chart_selection(request)
        points = await run_in_threadpool(view.points, sid, **sel)
        ctx = _series_context(info, points, scale, page=False)
        body = env.get_template("_chart_svg.html").render(
            chart=ctx["chart"], info=info, source=ctx["source"], standalone=True,
            css=chart_mod.STANDALONE_CSS)
        fname = "chart-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in sid)[:80]
        return Response('<?xml version="1.0" encoding="utf-8"?>\n' + body,
                        media_type="image/svg+xml", headers={
                            "content-disposition": f'attachment; filename="{fname}.svg"'})

    async def series_download(request: Request) -> Response:
        if (r := need_view(request)) is not None:
            return r
        assert view is not None
        sid, fmt = path_id(request, "sid"), request.path_params["fmt"]
        info = await run_in_threadpool(view.series_info, sid) \
            if sid and fmt in ("csv", "json") else None
        if info is None or sid is None:
            return not_found(request, f"No download {fmt[:40]!r} for series "
                                      f"{(sid or '')[:200]!r}. "
                                      "Use points.csv or points.json of an existing series.")
        points = await run_in_threadpool(view.points, sid)
        rows = [p.export() for p in points]
        fname = "series-" + "".join(c if c.isalnum() or c in "-_" else "_" for c in sid)[:80]
        if fmt == "json":
            body = json.dumps({"series": info.export(), "points": rows}, ensure_ascii=False,
                              indent=1)
            return Response(body, media_type="application/json", headers={
                "content-disposition": f'attachment; filename="{fname}.json"'})
        buf = io.StringIO()
        cols = list(rows[0]) if rows else ["point_id"]
        w = csv.DictWriter(buf, fieldnames=cols)
        w.writeheader()
        for row in rows:
            w.writerow({k: _csv_cell(v) for k, v in row.items()})
        return Response(buf.getvalue(), media_type="text/csv; charset=utf-8", headers={
            "content-disposition": f'attachment; filename="{fname}.csv"'})

    async def article(request: Request) -> Response:
        if (r := need_view(request)) is not None:
            return r
        assert view is not None
        aid = path_id(request, "aid")
        v = int_param(request, "v", 0, MAX_VERSION)
        point, fig = text_param(request, "point", 40), int_param(request, "fig", 0, 100_000)
        found = await run_in_threadpool(view.article, aid, v) if aid else None
        if found is None:
            return not_found(request, f"There is no article {(aid or '')[:200]!r}"
                                      + (f" version {v}" if v is not None else "")
                                      + " in this ledger.")
        rec, links, anchors = found
        if request.query_params.get("format") == "json":
            return Response(rec.to_json(indent=1), media_type="application/json")
        # The reader came from a series point (?point=<id>) or a figure index (?fig=<i>).
        target = next((i for i, a in anchors.items() if a == f"point-{point}"), None) \
            if point else fig if fig is not None and fig < len(rec.figures) else None
        return _record_page(request, rec, links, target, stored=True, anchors=anchors)

    def _record_page(request: Request, rec: Record, links: dict[int, str],
                     target: int | None, stored: bool, anchors: dict[int, str] | None = None,
                     **extra: Any) -> HTMLResponse:
        anchors = anchors or {}
        body, labels = highlight(rec, links, target, anchors)
        anchors = {i: anchors.get(i, f"fig-{i}") for i in range(len(rec.figures))}
        return page(request, "article.html", rec=rec, body=body, labels=labels, links=links,
                    anchors=anchors, target=target, stored=stored, **extra)

    async def extract_form(request: Request) -> Response:
        return page(request, "extract.html", form={}, allow_store=_can_store(),
                    limit=human_bytes(settings.max_upload))

    def _can_store() -> bool:
        return settings.allow_store and settings.db is not None

    async def extract_post(request: Request) -> Response:
        try:
            form = await request.form(max_files=1, max_fields=10,
                                         max_part_size=settings.max_upload)
        except HTTPException as exc:
            if "size" in str(exc.detail).lower():
                return page(request, "error.html", 413, title="Upload too large",
                            message=too_large(None, settings.max_upload))
            return page(request, "error.html", 400, title="Bad form",
                        message=f"The form could not be read ({exc.detail}). Reload the extract "
                                "page and submit it again.")
        try:
            text = str(form.get("text") or "")
            upload = form.get("file")
            if isinstance(upload, UploadFile) and upload.filename:
                data = await upload.read(settings.max_upload + 1)
                if len(data) > settings.max_upload:
                    return page(request, "error.html", 413, title="Upload too large",
                                message=too_large(len(data), settings.max_upload))
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError as exc:
                    return _form_error(request, form, f"The file {upload.filename!r} is not UTF-8 "
                                       f"text (bad byte at {exc.start}). Save it as UTF-8 and "
                                       "upload it again, or paste its text.")
            meta = {k: str(form.get(k) or "").strip() or None
                    for k in ("published", "title", "outlet", "url")}
            if isinstance(upload, UploadFile) and upload.filename:
                # Like `newsledger extract FILE`: the file's name is the article id.
                stem = Path(upload.filename).stem
                meta["id"] = "".join(c if c.isalnum() or c in "-_." else "_" for c in stem)[:80] \
                    or None
            want_store = form.get("store") in ("on", "1", "yes", "true")
            fdict = {k: str(v) for k, v in form.items() if isinstance(v, str)}
        finally:
            await form.close()
        if len(text.encode("utf-8", "surrogatepass")) > settings.max_upload:
            return page(request, "error.html", 413, title="Upload too large",
                        message=too_large(len(text.encode("utf-8", "surrogatepass")),
                                          settings.max_upload))
        if not text.strip():
            return _form_error(request, fdict, "There is no text to read: paste an article or "
                                               "choose a .txt or .html file.")
        try:
            rec = await run_in_threadpool(run_extract, text, **meta)
        except NewsledgerError as exc:
            return _form_error(request, fdict, str(exc))
        note = None
        if want_store:
            if not _can_store():
                return _form_error(request, fdict, "This server does not store articles (it was "
                                   "started without --db, or without --allow-store).")
            from .store import store_records

            assert settings.db is not None
            try:
                await run_in_threadpool(store_records, settings.db, [rec])
            except NewsledgerError as exc:
                return _form_error(request, fdict, f"Could not store the record: {exc}")
            return RedirectResponse(f"/article/{quote(rec.id, safe='')}?stored=1",
                                    status_code=303)
        links = figure_search_links(rec) if view is not None else {}
        # The form comes back filled in under the record, so storing it is one tick away.
        fdict["text"] = text
        return _record_page(request, rec, links, None, stored=False, note=note,
                            allow_store=_can_store(), form=fdict,
                            limit=human_bytes(settings.max_upload))

    def _form_error(request: Request, form: Any, message: str) -> HTMLResponse:
        return page(request, "extract.html", 400, form=dict(form), error=message,
                    allow_store=_can_store(), limit=human_bytes(settings.max_upload))

    async def sources_page(request: Request) -> Response:
        # What `newsledger watch` polls, and what is new since a given time (default: a day).
        if (r := need_view(request)) is not None:
            return r
        assert view is not None
        since = text_param(request, "since", 40)
        if since and not _SINCE.match(since):
            raise BadParam(f"'since' {since!r} is not a time. Expected YYYY-MM-DD or "
                           "YYYY-MM-DDTHH:MM (UTC).")
        if not since:
            since = (datetime.now(timezone.utc) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")
        sources, changed = await run_in_threadpool(view.watched, since)
        return page(request, "sources.html", sources=sources, changed=changed, since=since)

    async def bad_param_handler(request: Request, exc: Exception) -> Response:
        return page(request, "error.html", 400, title="Bad request", message=str(exc))

    async def store_error_handler(request: Request, exc: Exception) -> Response:
        # A query the ledger refused (an unusable search): the reader's input, not our fault.
        return page(request, "error.html", 400, title="Bad request", message=str(exc)[:500])

    async def too_large_handler(request: Request, exc: Exception) -> Response:
        return page(request, "error.html", 413, title="Upload too large",
                    message=too_large(None, settings.max_upload))

    routes = [
        Route("/", index),
        Route("/articles", article_list),
        Route("/sources", sources_page),
        Route("/series/{sid}/points.{fmt}", series_download),
        Route("/series/{sid}/chart.svg", series_chart_svg),
        Route("/series/{sid}", series),
        # Ids are free text (a file name, a batch "id"): a "/" in one must not break its URL.
        Route("/article/{aid:path}", article),
        Route("/extract", extract_form, methods=["GET"]),
        Route("/extract", extract_post, methods=["POST"]),
        Mount("/static", StaticFiles(packages=[("newsledger.web", "static")]), name="static"),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        if view is not None:
            view.close()

    app = Starlette(routes=routes, exception_handlers={BodyTooLarge: too_large_handler,
                                                       BadParam: bad_param_handler,
                                                       NewsledgerError: store_error_handler},
                    lifespan=lifespan)
    app.state.view = view
    app.state.settings = settings
    hosts = allowed_hosts if allowed_hosts is not None else set(LOOPBACK_HOSTS)
    return Guard(app, settings.max_upload + 64_000, hosts)


def _chart_selection(request: Request) -> tuple[dict[str, str | None], str]:
    """The series page's and chart download's choice of points (claimant, since, until) and
    scale, checked the same way for both."""
    sel = {k: text_param(request, k) for k in ("claimant", "since", "until")}
    scale = text_param(request, "scale", 10) or "auto"
    if scale not in chart_mod.SCALES:
        raise BadParam(f"The 'scale' parameter must be one of {', '.join(chart_mod.SCALES)}.")
    return sel, scale


def _series_context(info: Any, points: list[Any], scale: str,
                    page: bool = True) -> dict[str, Any]:
    """The series page's charts (wide and phone layouts), source line and flag explanations."""
    subject = str(info.extra.get("subject") or "").replace("_", " ")
    metric = str(info.metric or "").replace("_", " ")
    y_title = f"Number of {subject} {metric}".replace("  ", " ").strip() \
        if subject else f"Number ({metric})"
    cps = [p.chart for p in points]
    wide = chart_mod.layout(cps, scale=scale, y_title=y_title)
    narrow = chart_mod.layout(cps, 400, 340, scale=scale, y_title=y_title, compact=True) \
        if page else None
    outlets = sorted({p.chart.outlet for p in points if p.chart.outlet})
    articles = len({p.article_id for p in points})
    source = (f"Source: {len(points)} figure(s) from {articles} article(s)"
              + (f" ({', '.join(outlets[:4])}{', …' if len(outlets) > 4 else ''})"
                 if outlets else "")
              + "; newsledger ledger, values as reported, not verified.")
    shown = {p.id for p in points}
    rows = {p.id: p for p in points}
    related: dict[str, list[dict[str, Any]]] = {}
    for p in points if page else ():
        for f in p.extra.get("flag_details") or ():
            items = []
            for rid in f["related"][:8]:
                q = rows.get(rid)
                items.append({"id": rid, "href": f"#row-{rid}" if rid in shown
                              else f"/series/{quote(info.id, safe='')}#row-{rid}",
                              "text": (f"{q.chart.day or '?'}: {q.value_text}"
                                       + (f" ({q.chart.claimant})" if q.chart.claimant else ""))
                              if q else f"point {rid}"})
            related[f"{p.id}:{f['flag']}"] = items
    return {"chart": wide, "chart_narrow": narrow, "source": source, "related": related,
            "flags": list(chart_mod.FLAG_BADGE), "badge": chart_mod.FLAG_BADGE}


def _page_href(sid: str, sel: dict[str, str], scale: str) -> str:
    q = [(k, v) for k, v in sel.items() if v] + ([("scale", scale)] if scale != "auto" else [])
    return f"/series/{quote(sid, safe='')}" + ("?" + urlencode(q) if q else "")


def _chart_href(sid: str, sel: dict[str, str], scale: str) -> str:
    q = [(k, v) for k, v in sel.items() if v] + ([("scale", scale)] if scale != "auto" else [])
    return f"/series/{quote(sid, safe='')}/chart.svg" + ("?" + urlencode(q) if q else "")


def _pager(request: Request, page_no: int, total: int, size: int = PAGE_SIZE,
           path: str = "/") -> dict[str, Any]:
    """Links to the previous and next page of results (same parameters otherwise)."""
    pages = max(1, -(-total // size))

    def href(n: int) -> str:
        q = [(k, v) for k, v in request.query_params.multi_items() if k != "page"]
        q += [("page", str(n))] if n > 1 else []
        return path + ("?" + urlencode(q) if q else "") + ("#articles" if path == "/" else "")

    return {"page": page_no, "pages": pages, "total": total,
            "first": (page_no - 1) * size + 1, "size": size,
            "prev": href(min(page_no, pages + 1) - 1) if page_no > 1 else None,
            "next": href(page_no + 1) if page_no < pages else None}


def _csv_cell(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        v = ";".join(str(x) for x in v)
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        # Article text is untrusted: a cell like "=HYPERLINK(…)" would run as a spreadsheet
        # formula. A leading apostrophe makes spreadsheets show it as text (OWASP advice).
        return "'" + v
    return v


def figure_search_links(rec: Record) -> dict[int, str]:
    """For a record not in the ledger: each figure links to the series index filtered to
    figures like it (same metric and place), since it has no point of its own."""
    out = {}
    for i, f in enumerate(rec.figures):
        q = {"metric": f.metric, "place": f.place or ""}
        out[i] = "/?" + urlencode({k: v for k, v in q.items() if v})
    return out
