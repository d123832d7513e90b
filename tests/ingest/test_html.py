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
