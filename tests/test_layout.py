"""Layout of scraped text (ingest/text.py): general rules on layouts written here, and the seed."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.ingest import from_text
from newsledger.ingest.text import byline_names, find_date, is_boilerplate, is_caption, units


def kinds(text: str) -> list[tuple[str, str]]:
    art = from_text(text)
    return [(b.kind, text[b.start:b.end][:30]) for b in art.blocks]


WIRE = """Israeli strikes hit southern Gaza as talks resume

By Jane Roe

GAZA CITY, Jan. 12, 2024 (AP) — Israeli airstrikes pounded the southern Gaza Strip on Friday, killing at least 20 people, hospital officials said.

“We have nowhere left to go,” said Amal Nasser, a mother of four.

Associated Press writer Sam Doe in Cairo contributed to this report.
"""

LIVE = """10:42 GMT

Israel's military says it has struck a rocket launcher in southern Lebanon.

The army said the launcher had been used in an attack on the north earlier in the day.
"""

NO_HEADLINE = """The United Nations said on Tuesday that aid deliveries into the enclave had fallen sharply in the past week.

Officials blamed the closure of two crossings. “It is not enough,” a spokesperson said.
"""


def test_wire_story_with_dateline() -> None:
    art = from_text(WIRE)
    got = [b.kind for b in art.blocks]
    assert got == ["title", "byline", "body", "body", "credit"]
    assert art.title == "Israeli strikes hit southern Gaza as talks resume"
    assert art.byline == ["Jane Roe"]
    assert art.published == "2024-01-12" and art.published_from == "dateline"


def test_given_date_wins_over_dateline() -> None:
    assert from_text(WIRE, published="2024-01-13").published == "2024-01-13"


def test_live_blog_post_with_timestamp() -> None:
    art = from_text(LIVE)
    assert [b.kind for b in art.blocks] == ["dateline", "body", "body"]
    assert art.title is None


def test_article_with_no_headline_starts_with_body() -> None:
    art = from_text(NO_HEADLINE)
    assert [b.kind for b in art.blocks] == ["body", "body"]
    assert art.title is None and art.byline == []


def test_text_is_kept_exactly() -> None:
    raw = "Headline here\r\n\r\n“Quoted,” he said.\u00a0Then   more.\n\n\n\nLast line of the story is here."
    art = from_text(raw)
    assert art.text == raw
    for b in art.blocks:
        assert raw[b.start:b.end].strip() == raw[b.start:b.end]


def test_repeated_caption_is_one_caption_marked_duplicate() -> None:
    cap = "Smoke rises over Khan Younis after a strike, January 10, 2024. (AP Photo/Jane Roe)"
    text = f"A headline for the story\n\n{cap}\n{cap}\n\nThe body of the story says what happened today.\n"
    art = from_text(text)
    caps = [b for b in art.blocks if b.kind == "caption"]
    assert len(caps) == 2
    assert caps[0].duplicate_of is None and caps[1].duplicate_of == art.blocks.index(caps[0])
    assert art.is_skipped(caps[1].start, caps[1].end)
    assert not art.is_skipped(caps[0].start, caps[0].end)


def test_boilerplate_and_credit_at_the_end() -> None:
    text = ("Body sentence that is long enough to count as the body.\n\n"
            "Reuters contributed to this report.\n\nMost Popular\nread more:\nShare this article\n")
    assert [b.kind for b in from_text(text).blocks] == \
        ["body", "credit", "boilerplate", "boilerplate", "boilerplate"]


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = ("The ministry said on Sunday that the number of people killed in the\n"
            "strikes had risen again, and that hospitals were running out of fuel.\n")
    assert len(from_text(text).blocks) == 1


@pytest.mark.parametrize("line, expected", [
    ("By Jacob Magid", ["Jacob Magid"]),
    ("By Jane Roe and Sam Doe", ["Jane Roe", "Sam Doe"]),
    ("By Jane Roe, Sam Doe and Ali Khan", ["Jane Roe", "Sam Doe", "Ali Khan"]),
    ("Jacob Magid is The Times of Israel's US bureau chief", ["Jacob Magid"]),
    ("Lena Park is a correspondent for the paper in Seoul", ["Lena Park"]),
    ("By the way, the talks failed.", None),
    ("Israel is a country in the Middle East", None),
])
def test_byline_names(line: str, expected: list[str] | None) -> None:
    assert byline_names(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("Troops in Rafah on May 7, 2024. (Israel Defense Forces)", True),
    ("A man walks past rubble. (AP Photo/Khalil Hamra)", True),
    ("Famiily members protest in Jerusalem, May 9, 2024. (Yonatan Sindel/Flash90)", True),
    ("The proposal (Arabic text here) differed in many ways from the offer.", False),
    ("He said the talks were over (for now).", False),
])
def test_caption_rule(line: str, expected: bool) -> None:
    assert is_caption(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Most Popular", True), ("read more:", True), ("Sign up for our daily newsletter", True),
    ("Share this article", True), ("Advertisement", True),
    ("Most of the hostages were freed.", False), ("Share prices fell sharply on Monday.", False),
])
def test_boilerplate_rule(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


@pytest.mark.parametrize("s, iso", [
    ("KESSEL, March 7, 2025 (AP)", "2025-03-07"), ("Updated 10 May 2024", "2024-05-10"),
    ("2024-05-10T10:00", "2024-05-10"), ("February 30, 2024", None), ("May 10", None),
])
def test_find_date(s: str, iso: str | None) -> None:
    assert find_date(s) == iso


def test_units_cover_every_nonblank_line() -> None:
    text = "a\n\n b \n\nc"
    assert [u.text for u in units(text)] == ["a", "b", "c"]


def test_seed_layout_matches_gold(seed_text: str, seed_gold: dict[str, Any]) -> None:
    gold = seed_gold["layout"]
    art = from_text(seed_text, published="2024-05-10")

    def seg(b: Any) -> str:
        return seed_text[b.start:b.end]

    titles = [seg(b) for b in art.blocks if b.kind == "title"]
    assert art.title in [gold["title"], *gold["title_alternatives"]]
    assert set(titles) == {gold["title"], *gold["title_alternatives"]}
    deks = [seg(b) for b in art.blocks if b.kind == "dek"]
    assert len(deks) == 1 and deks[0].startswith(gold["dek_starts"])
    assert art.byline == [gold["author"]]
    assert [seg(b) for b in art.blocks if b.kind == "byline"][0].startswith(
        gold["author_bio_starts"])
    caps = [b for b in art.blocks if b.kind == "caption"]
    firsts = [seg(b) for b in caps if b.duplicate_of is None]
    assert len(firsts) == len(gold["captions_start"])
    assert all(c.startswith(g) for c, g in zip(firsts, gold["captions_start"]))
    assert sum(1 for b in caps if b.duplicate_of is not None) == gold["duplicate_lines_dropped"]
    body = [seg(b) for b in art.blocks if b.kind == "body"]
    assert body[0].startswith(gold["body_starts"]) and body[-1].startswith(gold["body_ends"])
    assert [seg(b) for b in art.blocks if b.kind == "credit"] == [gold["credit_line"]]
    assert [seg(b) for b in art.blocks if b.kind == "boilerplate"] == gold["boilerplate"]
