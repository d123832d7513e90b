"""The web view in a real browser: Playwright driving Debian's Chromium (no downloaded browsers).

CI installs the ``chromium`` apt package; Playwright is told its path and never fetches one.
The server runs in-process (uvicorn in a thread) on a free loopback port, over a ledger built
from hand-made records, so these tests do not depend on extraction quality. Screenshots of the
series and article pages are saved under ``test-artifacts/`` (gitignored), or in the folder
named by ``NEWSLEDGER_SCREENSHOTS`` (CI keeps that folder as a build artifact).
"""

from __future__ import annotations

import os
import re
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from newsledger.web import create_app
from tests.conftest import ROOT
from tests.web.web_fixtures import XSS_IMG, XSS_SCRIPT, gaza_records, xss_record

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(os.environ.get("NEWSLEDGER_SCREENSHOTS") or ROOT / "test-artifacts")
CHROME_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(),
                       reason="needs Debian's Chromium at /usr/bin/chromium "
                              "(apt-get install chromium)"),
]
sync_api = pytest.importorskip("playwright.sync_api",
                               reason="needs the playwright package (pip install playwright)")

SERIES = "killed:people:gaza:cumulative"


def _fake_extract(text: str, **meta: Any) -> Any:
    from tests.web.test_web import fake_extract

    return fake_extract(text, **meta)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from newsledger.ledger import Ledger

    db = tmp_path_factory.mktemp("web") / "ledger.sqlite"
    with Ledger(db) as led:
        led.ingest_records(gaza_records() + [xss_record()])
    app = create_app(db, extractor=_fake_extract)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    for _ in range(200):  # readiness, not timing: wait until uvicorn says it started
        if server.started:
            break
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)
    sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROME_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(params=[False])
def page(browser: Any, request: pytest.FixtureRequest) -> Iterator[Any]:
    # bypass_csp: with the Content-Security-Policy off, only escaping stands between a payload
    # and the page, so "no dialog" tests the escaping itself.
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=request.param)
    pg = ctx.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pg.on("pageerror", lambda e: errors.append(str(e)))
    # CSP violations (an inline style or script the policy blocks) are reported as console errors.
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.dialogs, pg.js_errors = dialogs, errors
    yield pg
    ctx.close()


def _series_url(base: str) -> str:
    return f"{base}/series/{SERIES.replace(':', '%3A')}"


def test_series_page_draws_one_mark_per_point(base_url: str, page: Any) -> None:
    page.goto(_series_url(base_url))
    marks = page.locator("#chart-wide a.mark")
    rows = page.locator("table.points tbody tr")
    assert rows.count() == 7
    assert marks.count() == 7
    # The range point (20,000–25,000) is drawn as a bar, and flags are visible as badges.
    assert page.locator("#chart-wide line.range").count() == 1
    # revision_down: the range after the ministry's toll; the outlier and the figure its own
    # range allows get none. Updates (a running total rising) get no badge.
    for flag, n in (("echo", 1), ("update", 0), ("revision_down", 1), ("conflict", 2),
                    ("outlier", 1)):
        assert page.locator(f"#chart-wide text.badge-{flag}").count() == n, flag
    # Two claimants: two legend entries with different shapes, not just colours.
    legend = page.locator("ul.legend[aria-label=Claimants] li")
    assert legend.count() == 2
    assert "circle" in legend.nth(0).inner_text() and "square" in legend.nth(1).inner_text()
    # Hover shows outlet, claimant, date and the sentence.
    marks.first.hover()
    tip = page.locator("#chart-tip")
    tip.wait_for(state="visible")
    text = tip.inner_text()
    assert "Wire A" in text and "Gaza health ministry" in text and "2024-04-01" in text
    assert "33,000 people have been killed" in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "series.png"), full_page=True)
    assert not page.js_errors, page.js_errors


def test_points_are_reachable_by_keyboard(base_url: str, page: Any) -> None:
    page.goto(_series_url(base_url))
    marks = page.locator("#chart-wide a.mark")
    # Tab from the skip link just before the chart lands on the first point (time order).
    page.locator("a.skip-chart").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('data-point')") == \
        marks.first.get_attribute("data-point")
    page.keyboard.press("ArrowRight")
    focused = page.evaluate("document.activeElement.getAttribute('data-point')")
    assert focused == marks.nth(1).get_attribute("data-point")
    assert page.locator("#chart-tip").is_visible()
    page.keyboard.press("End")
    assert page.evaluate("document.activeElement.getAttribute('data-point')") == \
        marks.last.get_attribute("data-point")
    # Every point has a text alternative.
    for i in range(marks.count()):
        assert "claimant:" in (marks.nth(i).get_attribute("aria-label") or "")


def test_clicking_a_point_lands_on_its_highlighted_span(base_url: str, page: Any) -> None:
    page.goto(_series_url(base_url))
    mark = page.locator("#chart-wide a.mark").nth(2)
    pid = mark.get_attribute("data-point")
    mark.click()
    page.wait_for_url(re.compile(r"/article/"))
    target = page.locator(f"#point-{pid}")
    assert target.count() == 1
    cls = target.get_attribute("class") or ""
    assert "hl-figure" in cls and "target" in cls
    assert page.evaluate("document.querySelector(':target') && document.querySelector("
                         "':target').id") == f"point-{pid}"
    assert re.fullmatch(r"[\d,]+( to [\d,]+)?", target.inner_text())
    # The figure links back to its series point.
    assert (target.get_attribute("href") or "").endswith(f"#point-{pid}")
    page.screenshot(path=str(ARTIFACTS / "article.png"), full_page=True)
    assert not page.js_errors, page.js_errors


def test_paste_text_shows_a_highlighted_quote(base_url: str, page: Any) -> None:
    page.goto(f"{base_url}/extract")
    page.fill("textarea[name=text]", "“We will not stop,” Smith said. Officials said 40 people "
                                     "were killed in Rafah.")
    page.click("button[type=submit]")
    quote = page.locator(".article-text .hl-quote")
    quote.first.wait_for()
    assert quote.first.inner_text() == "“We will not stop,”"
    assert quote.first.get_attribute("data-speaker") == "A"
    assert "John Smith" in page.locator(".record-col").inner_text()
    assert "not stored" in page.inner_text("main")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "extract.png"), full_page=True)


@pytest.mark.parametrize("page", [False, True], indirect=True, ids=["csp", "no-csp"])
def test_xss_payloads_render_as_text_and_never_run(base_url: str, page: Any) -> None:
    page.goto(f"{base_url}/article/xss")
    body = page.locator("#article-text").inner_text()
    assert XSS_SCRIPT in body and XSS_IMG in body
    assert XSS_SCRIPT in page.locator("h1").inner_text()
    assert page.locator("#article-text script, #article-text img, main img").count() == 0
    # The same payloads pasted into the extract page.
    page.goto(f"{base_url}/extract")
    page.fill("textarea[name=text]", f"{XSS_SCRIPT} {XSS_IMG} “We will not stop,” Smith said.")
    page.fill("input[name=title]", XSS_IMG)
    page.fill("input[name=outlet]", XSS_SCRIPT)
    page.click("button[type=submit]")
    page.locator(".article-text").wait_for()
    assert XSS_IMG in page.locator("h1").inner_text()
    # The series index lists the XSS claimant as text too.
    page.goto(base_url + "/")
    assert "onerror" in page.inner_text("main")
    assert page.dialogs == [], f"a payload ran: {page.dialogs}"
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    # Escaping, not only the CSP, stopped them: a payload that reached the DOM as markup and was
    # then blocked by the policy would show up as a console error.
    assert not page.js_errors, page.js_errors


def test_series_index_filters(base_url: str, page: Any) -> None:
    page.goto(base_url + "/")
    assert page.locator("table.data tbody tr").count() == 2
    page.select_option("select[name=place]", "Gaza")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"place=Gaza"))
    assert page.locator("table.data tbody tr").count() == 1
    page.fill("input[name=since]", "2024-04-15")
    page.click("form.filters button[type=submit]")
    page.wait_for_url(re.compile(r"since=2024-04-15"))
    row = page.locator("table.data tbody tr").first.inner_text()
    assert "\t4\t" in row  # four Gaza points on or after 15 April


def _context(browser: Any, width: int, **kw: Any) -> Any:
    ctx = browser.new_context(viewport={"width": width, "height": 900}, **kw)
    pg = ctx.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    pg.js_errors = errors
    return ctx, pg


@pytest.mark.parametrize("width", [1280, 390])
def test_series_page_fits_the_screen_and_its_chart_text_is_readable(
        base_url: str, browser: Any, width: int) -> None:
    ctx, pg = _context(browser, width)
    try:
        for url in (_series_url(base_url), base_url + "/"):
            pg.goto(url)
            # No sideways scroll: the document is no wider than the screen.
            assert pg.evaluate("document.documentElement.scrollWidth") <= width, url
        pg.goto(_series_url(base_url))
        shown = "#chart-compact" if width < 640 else "#chart-wide"
        hidden = "#chart-wide" if width < 640 else "#chart-compact"
        assert pg.locator(shown).is_visible() and not pg.locator(hidden).is_visible()
        # Tick labels and axis titles at least 9 CSS pixels tall on screen.
        heights = pg.evaluate(f"""[...document.querySelectorAll('{shown} .axis text')]
            .map(t => t.getBoundingClientRect().height)""")
        assert heights and min(heights) >= 9, heights
        # Every mark can be hit with a finger: its target is at least 18 px wide on screen.
        box = pg.locator(f"{shown} a.mark rect.hit").first.bounding_box()
        assert box is not None and box["width"] >= 18, box
        assert "Number of people killed" in (pg.locator(shown).text_content() or "")
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(ARTIFACTS / f"series-{width}.png"), full_page=True)
        assert not pg.js_errors, pg.js_errors
    finally:
        ctx.close()


def test_claimant_toggle_hides_and_shows_a_claimants_marks_and_line(base_url: str,
                                                                    page: Any) -> None:
    page.goto(_series_url(base_url))
    military = page.locator("#chart-wide a.mark[data-key=c1]")
    line = page.locator("#chart-wide polyline.claimant-line[data-key=c1]")
    assert military.count() == 2 and military.first.is_visible() and line.is_visible()
    button = page.locator("button.toggle[data-key=c1]")
    # "Israeli military" as written; the ledger's canonical claimant.
    assert "Israel Defense Forces" in button.inner_text()
    button.click()
    assert button.get_attribute("aria-pressed") == "false"
    assert not military.first.is_visible() and not line.is_visible()
    # The other claimant stays, and keyboard navigation skips the hidden marks.
    assert page.locator("#chart-wide a.mark[data-key=c0]").first.is_visible()
    assert military.first.get_attribute("tabindex") == "-1"
    button.click()
    assert button.get_attribute("aria-pressed") == "true" and military.first.is_visible()
    assert not page.js_errors, page.js_errors


def test_series_page_claimant_filter_shows_one_claimant(base_url: str, page: Any) -> None:
    page.goto(_series_url(base_url))
    page.select_option("select[name=claimant]", "Israel Defense Forces")
    page.click("form.series-filters button[type=submit]")
    page.wait_for_url(re.compile(r"claimant=Israel\+Defense"))
    assert page.locator("table.points tbody tr").count() == 2
    assert page.locator("#chart-wide a.mark").count() == 2


def test_flag_chip_shows_its_note_and_links_to_the_related_point(base_url: str,
                                                                 page: Any) -> None:
    page.goto(_series_url(base_url))
    chip = page.locator("details.flag-conflict").first
    note = chip.locator(".flag-note")
    assert not note.is_visible()
    chip.locator("summary").click()
    assert note.is_visible() and "claimant" in note.inner_text()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    chip.locator("xpath=ancestor::tr").screenshot(path=str(ARTIFACTS / "series-flag-note.png"))
    link = chip.locator("a[data-related]").first
    rid = link.get_attribute("data-related")
    link.click()
    page.wait_for_url(re.compile(rf"#row-{rid}$"))
    assert page.evaluate("document.querySelector(':target').id") == f"row-{rid}"
    # "How to read this" explains the badges.
    page.locator("details.howto summary").click()
    assert "revision down" in page.locator("details.howto").inner_text()


def test_a_tap_shows_the_tooltip_before_it_opens_the_point(base_url: str,
                                                           browser: Any) -> None:
    ctx, pg = _context(browser, 390, has_touch=True, is_mobile=True)
    try:
        url = _series_url(base_url)
        pg.goto(url)
        mark = pg.locator("#chart-compact a.mark").first
        mark.tap()
        tip = pg.locator("#chart-tip")
        tip.wait_for(state="visible")
        assert pg.url == url and "Claimant" in tip.inner_text()
        mark.tap()
        pg.wait_for_url(re.compile(r"/article/"))
        assert pg.locator(".hl-figure.target").count() == 1
        assert not pg.js_errors, pg.js_errors
    finally:
        ctx.close()


def test_skip_chart_link_jumps_to_the_table(base_url: str, page: Any) -> None:
    page.goto(_series_url(base_url))
    page.locator("a.skip-chart").focus()
    assert page.locator("a.skip-chart").is_visible()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"#points$"))


def test_png_download_draws_the_chart(base_url: str, page: Any) -> None:
    page.goto(_series_url(base_url))
    with page.expect_download() as info:
        page.click("button.dl-png")
    path = info.value.path()
    data = Path(path).read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 5_000
    assert info.value.suggested_filename.endswith(".png")
    assert not page.js_errors, page.js_errors
