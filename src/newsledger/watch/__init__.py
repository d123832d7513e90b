"""Watch: keep a ledger current from feeds, pages and folders (``newsledger watch``).

``sources.py`` says what a SOURCE argument is, ``feeds.py`` reads RSS/Atom (feedparser) and JSON
Feed, ``fetch.py`` is the polite HTTP client, ``state.py`` names what is remembered (the rows are
kept in the ledger by ``newsledger.ledger.watchlist``), ``poll.py`` runs one poll of every
source and the loop. This layer sits above ``run`` and ``ledger``: it extracts and stores through
them.
"""

from __future__ import annotations

from .feeds import Entry, Feed, parse_feed
from .fetch import USER_AGENT, Fetcher, FetchOptions, Response
from .poll import Poller, PollStats, watch
from .sources import Source, resolve, resolve_all

__all__ = ["USER_AGENT", "Entry", "Feed", "FetchOptions", "Fetcher", "PollStats", "Poller",
           "Response", "Source", "parse_feed", "resolve", "resolve_all", "watch"]
