"""What watch remembers about an item, and the names it remembers it by: the article id a page
URL becomes, a file's cheap fingerprint, the hash of a fetched body. The rows themselves are kept
by :class:`newsledger.ledger.watchlist.Watchlist`."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

from ..ledger.watchlist import Item, Watchlist

__all__ = ["Item", "Watchlist", "article_id_for", "body_hash", "file_fingerprint", "host_of"]


def article_id_for(url: str) -> str:
    """A page's article id: its URL without scheme and fragment (readable, and stable across
    polls, so an edited page becomes a new version of the same article)."""
    p = urlsplit(url)
    return p.netloc.lower() + (p.path or "/") + (f"?{p.query}" if p.query else "")


def host_of(url: str) -> str:
    return urlsplit(url).netloc.lower()


def body_hash(body: bytes) -> str:
    """Equal hashes: the same body, not extracted again."""
    return hashlib.sha256(body).hexdigest()


def file_fingerprint(path: Path) -> str:
    """Size and modification time: a file whose fingerprint is unchanged is not read again."""
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"
