"""What a SOURCE argument of ``newsledger watch`` is: a feed URL, a local feed file (RSS, Atom,
JSON Feed), an OPML file or a plain list of feed URLs (each becomes its own source), or a folder
of ``.txt``/``.html``/``.jsonl`` files."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

FEED_URL, FEED_FILE, FOLDER = "feed_url", "feed_file", "folder"
# Files a folder source ingests (anything else in it is left alone).
ARTICLE_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".jsonl.gz")


@dataclass(frozen=True)
class Source:
    """One watched source: ``key`` is what the ledger remembers it by (a URL or an absolute
    path)."""

    kind: str
    key: str


def _is_url(s: str) -> bool:
    return s.startswith(("http://", "https://"))


def _opml_urls(path: Path) -> list[str]:
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        raise InputError(f"{str(path)!r} looks like OPML but is not well-formed XML ({exc}). "
                         "Fix the file or list the feed URLs one a line.") from None
    return [o.get("xmlUrl", "").strip() for o in root.iter("outline")
            if _is_url(o.get("xmlUrl", "").strip())]


def _url_list(text: str) -> list[str] | None:
    """The URLs of a plain list (one a line, ``#`` comments), or None if it is not one."""
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    return lines if lines and all(_is_url(ln) and " " not in ln for ln in lines) else None


def resolve(arg: str) -> list[Source]:
    """The sources one SOURCE argument stands for; InputError when it is none of the kinds."""
    if _is_url(arg):
        return [Source(FEED_URL, arg)]
    p = Path(arg)
    if p.is_dir():
        return [Source(FOLDER, str(p.resolve()))]
    if not p.is_file():
        raise InputError(f"No such file, folder or URL: {arg!r}. A SOURCE is a feed URL "
                         "(http:// or https://), a feed file, an OPML file, a list of feed URLs "
                         "or a folder of articles.")
    head = p.read_bytes()[:4096].lstrip()
    if p.suffix.lower() == ".opml" or b"<opml" in head[:500].lower():
        urls = _opml_urls(p)
        if not urls:
            raise InputError(f"The OPML file {arg!r} lists no feed (no outline with an http(s) "
                             "xmlUrl).")
        return [Source(FEED_URL, u) for u in urls]
    if not head.startswith((b"<", b"{")):
        urls = _url_list(p.read_text(encoding="utf-8", errors="replace"))
        if urls is None:
            raise InputError(f"{arg!r} is neither a feed (XML or JSON Feed), an OPML file nor "
                             "a list of feed URLs one a line. To ingest an article file, put it "
                             "in a folder and watch the folder, or use `newsledger ingest`.")
        return [Source(FEED_URL, u) for u in urls]
    return [Source(FEED_FILE, str(p.resolve()))]


def resolve_all(args: list[str]) -> list[Source]:
    """Every source the arguments stand for, each once, in order."""
    seen: dict[str, Source] = {}
    for a in args:
        for s in resolve(a):
            seen.setdefault(s.key, s)
    return list(seen.values())


def folder_files(folder: str) -> list[Path]:
    """The article files of a folder (and its subfolders), in name order; hidden files and
    partial downloads (names starting with ``.``) are left out."""
    root = Path(folder)
    return sorted(p for p in root.rglob("*") if p.is_file()
                  and not any(part.startswith(".") for part in p.relative_to(root).parts)
                  and p.name.lower().endswith(ARTICLE_SUFFIXES))
