"""Hostile parameters on every route: the answer may be 200, 303, 400, 404 or 413, never 500."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.routing import Mount, Route

from newsledger.ledger import Ledger
from newsledger.ledger.synthetic import stream
from newsledger.web import create_app
from tests.conftest import PG_SKIP, PG_URL, pg_schema_url
from tests.web.web_fixtures import TestClient, gaza_records, xss_record

HOSTILE = [
    "\x00", "a\x00b", "%00", "99999999999999999999", "-1", "-99999999999999999999", "0", "²",
    "١٢", "1e9", "1.5", "x" * 50_000, "'", '"', "\"'", "%", "_", "%_%", "-", "--", "*", "a*",
    "(", ")", "(a", "AND", "OR", "NOT", "a AND", "NEAR(", "NEAR(a b", "a NEAR/2 b", "^a",
    "{a}", "a:b", ":", "al-Shifa", "Israel's", "k%d", "[health]", "\\", "/", "..", "../..",
    " ", "", "😀", "\u202e", "<script>", "2024-13-45", "9999-99-99",
]
QUERY_KEYS = ("q", "metric", "place", "claimant", "outlet", "since", "until", "page", "v",
              "point", "fig", "format", "stored", "scale")


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def fuzz_client(request: pytest.FixtureRequest,
                tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    if request.param == "sqlite":
        places: Iterator[str] = iter([str(tmp_path_factory.mktemp("fuzz") / "ledger.sqlite")])
    elif not PG_URL:
        pytest.skip(PG_SKIP)
    else:
        places = pg_schema_url("fuzz")
    db = next(places)
    with Ledger(db) as led:
        led.ingest_records(list(stream(40, n_series=12)) + gaza_records() + [xss_record()])
    app = create_app(db, allowed_hosts={"testserver"},
                     extractor=lambda text, **meta: xss_record())
    yield TestClient(app, raise_server_exceptions=False)
    next(places, None)  # drops the PostgreSQL schema


def _paths(app: Any) -> list[tuple[str, set[str]]]:
    """Every route's path template and methods (the Starlette app inside the Guard)."""
    out = []
    for r in app.routes:
        if isinstance(r, Route):
            out.append((r.path, set(r.methods or ())))
        elif isinstance(r, Mount):
            out.append((r.path + "/{path}", {"GET"}))
    return out


VALID = {"sid": "killed:people:gaza:cumulative", "aid": "a1", "fmt": "csv",
         "path": "style.css"}


def _fill(template: str, value: str | None = None, only: str | None = None) -> str:
    """The template with ``value`` in placeholder ``only`` (default: every one) and valid
    values elsewhere."""
    from urllib.parse import quote

    path = template
    for name, ok in VALID.items():
        v = value if value is not None and only in (None, name) else ok
        path = path.replace("{" + name + "}", quote(v, safe="")).replace(
            "{" + name + ":path}", quote(v, safe=""))
    return path


def _names(template: str) -> list[str]:
    return [n for n in VALID if "{" + n + "}" in template or "{" + n + ":path}" in template]


# Thousands of requests per backend: minutes on a loaded machine, so it runs with the slow
# tests (CI runs them) and may take longer than the default 300 s limit.
@pytest.mark.slow
@pytest.mark.timeout(1200)
def test_no_route_answers_500_to_hostile_parameters(fuzz_client: TestClient) -> None:
    c = fuzz_client
    routes = _paths(c.app.app)  # type: ignore[attr-defined]
    assert {p for p, _ in routes} >= {"/", "/articles", "/series/{sid}", "/article/{aid:path}",
                                      "/extract"}
    n, bad = 0, []

    def check(method: str, url: str, **kw: Any) -> None:
        nonlocal n
        r = c.request(method, url, **kw)
        n += 1
        if r.status_code >= 500:
            bad.append((method, url[:120], str(kw)[:120], r.status_code))

    for (template, methods), value in itertools.product(routes, HOSTILE):
        if "GET" in methods:
            for name in _names(template):
                check("GET", _fill(template, value, name))
            # Every query parameter, alone, on the route with valid path parameters.
            base = _fill(template)
            for key in QUERY_KEYS:
                check("GET", base, params={key: value})
        if "POST" in methods:
            check("POST", template, files={k: (None, value) for k in
                                          ("text", "published", "title", "outlet", "url",
                                           "store")})
    print(f"fuzz: {n} requests, {len(bad)} answered 5xx")
    assert n > 1000
    assert not bad, "\n".join(map(str, bad[:60]))
