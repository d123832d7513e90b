"""The names watch remembers items by."""

from __future__ import annotations

from pathlib import Path

from newsledger.watch.state import article_id_for, body_hash, file_fingerprint


def test_article_id_for_url_is_stable_and_readable() -> None:
    assert article_id_for("https://Harbor.test/world/story-1.html#top") == \
        "harbor.test/world/story-1.html"
    assert article_id_for("http://harbor.test/world/story-1.html") == \
        article_id_for("https://harbor.test/world/story-1.html")
    assert article_id_for("https://harbor.test/a?id=2") != article_id_for("https://harbor.test/a?id=3")


def test_hash_and_fingerprint(tmp_path: Path) -> None:
    assert body_hash(b"a") == body_hash(b"a") != body_hash(b"b")
    p = tmp_path / "a.txt"
    p.write_text("one", encoding="utf-8")
    before = file_fingerprint(p)
    p.write_text("one more", encoding="utf-8")
    assert file_fingerprint(p) != before
