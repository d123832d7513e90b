"""What a SOURCE argument is."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsledger.errors import InputError
from newsledger.watch.sources import FEED_FILE, FEED_URL, FOLDER, folder_files, resolve, resolve_all


def test_kinds(tmp_path: Path) -> None:
    (tmp_path / "feeds.opml").write_text(
        '<?xml version="1.0"?><opml version="2.0"><body><outline text="News">'
        '<outline type="rss" xmlUrl="https://a.test/rss"/><outline xmlUrl="https://b.test/atom"/>'
        '<outline text="no url"/></outline></body></opml>', encoding="utf-8")
    (tmp_path / "list.txt").write_text("# my feeds\nhttps://a.test/rss\n\nhttps://c.test/feed\n",
                                       encoding="utf-8")
    (tmp_path / "local.xml").write_text("<rss version='2.0'><channel/></rss>", encoding="utf-8")
    (tmp_path / "in").mkdir()
    assert resolve("https://a.test/rss")[0].kind == FEED_URL
    assert [s.key for s in resolve(str(tmp_path / "feeds.opml"))] == ["https://a.test/rss",
                                                                     "https://b.test/atom"]
    assert resolve(str(tmp_path / "local.xml"))[0].kind == FEED_FILE
    assert resolve(str(tmp_path / "in"))[0].kind == FOLDER
    both = resolve_all([str(tmp_path / "feeds.opml"), str(tmp_path / "list.txt")])
    assert [s.key for s in both] == ["https://a.test/rss", "https://b.test/atom",
                                     "https://c.test/feed"]  # each once


def test_refusals(tmp_path: Path) -> None:
    (tmp_path / "story.txt").write_text("An article, not a list of feeds.", encoding="utf-8")
    with pytest.raises(InputError, match="neither a feed"):
        resolve(str(tmp_path / "story.txt"))
    with pytest.raises(InputError, match="No such file"):
        resolve(str(tmp_path / "missing"))
    (tmp_path / "empty.opml").write_text("<opml><body/></opml>", encoding="utf-8")
    with pytest.raises(InputError, match="lists no feed"):
        resolve(str(tmp_path / "empty.opml"))


def test_folder_files(tmp_path: Path) -> None:
    for name in ("a.txt", "b.html", "c.jsonl", "d.jsonl.gz", "notes.md", ".partial.txt",
                 "sub/e.txt", ".hidden/f.txt"):
        p = tmp_path / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(b"x")
    assert [p.relative_to(tmp_path).as_posix() for p in folder_files(str(tmp_path))] == [
        "a.txt", "b.html", "c.jsonl", "d.jsonl.gz", "sub/e.txt"]
