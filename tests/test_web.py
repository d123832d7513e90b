"""The web app in-process (Starlette TestClient): pages, escaping, read-only, limits, downloads."""

from __future__ import annotations

import csv
import io
import json
import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from newsledger.record import Record
from newsledger.web import create_app

from web_fixtures import XSS_IMG, XSS_SCRIPT, TestClient, gaza_records, record, xss_record

QUOTE_TEXT = "“We will not stop,” Smith said. Officials said 40 people were killed in Rafah."


def fake_extract(text: str, **meta: Any) -> Record:
    """Stands in for newsledger.extract: a quote and a figure located by their strings."""
    figs = [{"at": "40", "value": 40.0, "metric": "killed", "place": "Rafah"}] \
        if " 40 " in text else []
    quote = ("“We will not stop,”", "Smith", "John Smith") if "“We will not stop,”" in text \
        else None
    rec = record(meta.get("id") or "pasted-1", text, published=meta.get("published"),
                 title=meta.get("title"), outlet=meta.get("outlet"), figures=figs, quote=quote)
    rec.url = meta.get("url")
    return rec


def client(db: Path | None = None, **kw: Any) -> TestClient:
    kw.setdefault("extractor", fake_extract)
    return TestClient(create_app(db, **kw))


def article_text(page: str) -> str:
    m = re.search(r'<div class="article-text" id="article-text">(.*?)</div>', page, re.S)
    assert m, "no article text on the page"
    return m.group(1)


# --- extract page (no ledger needed) ---------------------------------------------------------

def test_extract_form_renders_with_upload_limit() -> None:
    r = client().get("/extract")
    assert r.status_code == 200
    assert 'enctype="multipart/form-data"' in r.text and "2.0 MB" in r.text
    assert 'name="store"' not in r.text  # no ledger configured: nothing to store into


def test_pasted_text_shows_its_record_highlighted() -> None:
    r = client().post("/extract", files={"text": (None, QUOTE_TEXT), "published": (None, "")})
    assert r.status_code == 200, r.text
    body = article_text(r.text)
    assert '<span class="hl hl-quote q-direct c0" id="quote-0"' in body
    assert "John Smith" in r.text and 'id="fig-0"' in body
    assert "not stored" in r.text


def test_uploaded_file_is_read_as_utf8() -> None:
    r = client().post("/extract", files={"file": ("story.txt", QUOTE_TEXT.encode(),
                                                  "text/plain")})
    assert r.status_code == 200 and 'id="quote-0"' in r.text


def test_upload_not_utf8_gets_a_clear_message() -> None:
    r = client().post("/extract", files={"file": ("story.txt", b"caf\xe9 40 killed",
                                                  "text/plain")})
    assert r.status_code == 400 and "not UTF-8" in r.text


def test_empty_submission_says_what_to_do() -> None:
    r = client().post("/extract", files={"text": (None, "   ")})
    assert r.status_code == 400 and "paste an article" in r.text


@pytest.mark.parametrize("how", ["file", "text"])
def test_upload_over_the_limit_is_refused_with_a_clear_message(how: str) -> None:
    big = "x" * 5_000
    files = {"file": ("big.txt", big.encode(), "text/plain")} if how == "file" \
        else {"text": (None, big)}
    r = client(max_upload=2_000).post("/extract", files=files)
    assert r.status_code == 413
    assert "at most 2 kB" in r.text and "newsledger extract FILE" in r.text


def test_body_far_over_the_limit_is_refused_before_reading() -> None:
    r = client(max_upload=2_000).post("/extract", content=b"x" * 200_000,
                                      headers={"content-type": "application/octet-stream"})
    assert r.status_code == 413 and "Upload too large" in r.text


def test_cross_site_post_is_refused() -> None:
    r = client().post("/extract", files={"text": (None, QUOTE_TEXT)},
                      headers={"origin": "http://evil.example"})
    assert r.status_code == 403 and "Cross-site" in r.text


def test_unknown_host_is_refused() -> None:
    r = client().get("/extract", headers={"host": "rebind.evil.example"})
    assert r.status_code == 400 and "Unknown host" in r.text


def test_pages_carry_a_strict_content_security_policy() -> None:
    r = client().get("/extract")
    csp = r.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert r.headers["x-content-type-options"] == "nosniff"


def test_pasted_xss_renders_as_text() -> None:
    text = f"{XSS_SCRIPT} {XSS_IMG} “We will not stop,” Smith said."
    r = client().post("/extract", files={"text": (None, text), "title": (None, XSS_IMG),
                                         "outlet": (None, XSS_SCRIPT)})
    assert r.status_code == 200
    assert "<script>alert" not in r.text and "<img src=x" not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in r.text


def test_javascript_url_is_not_a_link() -> None:
    r = client().post("/extract", files={"text": (None, QUOTE_TEXT),
                                         "url": (None, "javascript:alert(1)")})
    assert 'href="javascript:' not in r.text and "javascript:alert(1)" in r.text


def test_static_assets_are_served_from_the_package() -> None:
    c = client()
    assert "chart-svg" in c.get("/static/app.js").text
    assert ".hl-figure" in c.get("/static/style.css").text
