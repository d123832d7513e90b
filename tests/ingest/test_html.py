"""HTML ingest (ingest/html.py): trafilatura's article text becomes record.text, with metadata."""

from __future__ import annotations

import pytest

from newsledger import extract
from newsledger.errors import InputError
from newsledger.ingest import from_html, looks_like_html
from tests.conftest import check_record

PAGE = """<!DOCTYPE html>
<html><head>
<title>Aid convoy reaches northern Valdoria | Example News</title>
<meta property="og:title" content="Aid convoy reaches northern Valdoria">
<meta name="author" content="Maren Holt">
<meta property="article:published_time" content="2025-03-04T09:30:00Z">
<meta property="og:site_name" content="Example News">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article>
<h1>Aid convoy reaches northern Valdoria</h1>
<p>A convoy of 23 trucks carrying food and medicine reached the northern city of Kessel on Monday, the first to arrive in three weeks, the United Nations said.</p>
<p>“This is a start, but it is nowhere near enough,” said Ines Moreau, the UN envoy, speaking to reporters at the crossing on Tuesday morning.</p>
<p>According to the Kessel Tribune, more than 80,000 people have fled the eastern districts since the fighting began in October, many of them on foot.</p>
</article>
<footer>Copyright Example News. All rights reserved.</footer>
</body></html>"""


def test_html_gives_article_text_and_metadata() -> None:
    art = from_html(PAGE)
    assert "A convoy of 23 trucks" in art.text
    assert "Home" not in art.text and "Copyright" not in art.text
    assert art.title == "Aid convoy reaches northern Valdoria"
    assert art.byline == ["Maren Holt"]
    assert art.published == "2025-03-04" and art.published_from == "html"


def test_html_record_offsets_index_the_extracted_text() -> None:
    rec = extract(PAGE)
    check_record(rec)
    assert rec.text.startswith(("Aid convoy", "A convoy"))
    cited = [s for s in rec.sources if s.role == "cited"]
    assert cited and rec.text[cited[0].span.start:cited[0].span.end] == "Kessel Tribune"


def test_given_date_wins_over_html_metadata() -> None:
    assert from_html(PAGE, published="2025-03-05").published == "2025-03-05"


def test_page_without_article_text_is_an_input_error() -> None:
    with pytest.raises(InputError, match="No article text|no article body"):
        from_html("<html><body><nav>Home</nav></body></html>")


@pytest.mark.parametrize("s, expected", [
    ("<!DOCTYPE html><html>", True), ("  <html lang=en>", True), ("<p>Hi</p>", True),
    ("Israel <says> nothing", False), ("Plain text article.", False),
])
def test_html_sniffing(s: str, expected: bool) -> None:
    assert looks_like_html(s) is expected


MENU_PAGE = """<!DOCTYPE html>
<html><head><title>Shelling resumes near the crossing</title>
<meta property="article:published_time" content="2025-03-04T09:30:00Z"></head><body>
<header><form class="login"><label>Username</label><input name="u"><label>Password</label>
<input name="p" type="password"><button>Log in</button></form></header>
<article><h1>Shelling resumes near the crossing</h1>
<p>Updated 9:05 PM GMT, March 6, 2025</p>
<p>Shelling resumed near the main crossing on Monday, officials said, a day after a pause that had allowed the first aid convoy in weeks to pass.</p>
<p>Reporting from the crossing, Example News's Karim Osei said the convoy had turned back before reaching the gate.</p>
</article></body></html>"""


def test_page_date_metadata_wins_over_an_update_stamp_in_the_text() -> None:
    art = from_html(MENU_PAGE)
    assert art.published == "2025-03-04" and art.published_from == "html"


def test_login_form_gives_no_byline_and_reporting_from_stays_body() -> None:
    art = from_html(MENU_PAGE)
    assert "Username" not in art.byline and art.byline == []
    at = art.text.find("Reporting from the crossing")
    assert at >= 0  # trafilatura keeps the paragraph; the layout must read it as body
    block = art.block_at(at)
    assert block is not None and block.kind == "body"
