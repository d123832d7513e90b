"""The web view's window on the ledger: read-only queries shaped for pages, and the one write path.

Everything goes through :class:`newsledger.ledger.Ledger`; this module only reshapes its answers
(series rows, chart points with their source sentence, article records with links from each
figure to its series point). The server's handle is read-only; :func:`store_records` opens a
separate writable handle for the one request that asked to store, and closes it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .chart import ChartPoint, fmt_value

_SENT_END = re.compile(r"[.!?…](?:[\"'”’)\]]*)\s+|\n\s*\n|\n")


def sentence_around(text: str, start: int, end: int, limit: int = 320) -> str:
    """The sentence (or line) of ``text`` holding ``[start, end)``, trimmed to ``limit`` chars."""
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    lo = max(0, start - limit)
    s = lo
    for m in _SENT_END.finditer(text, lo, start):
        s = m.end()
    hi = min(len(text), end + limit)
    m2 = _SENT_END.search(text, end, hi)
    e = m2.start() + 1 if m2 and text[m2.start()] in ".!?…" else (m2.start() if m2 else hi)
    out = " ".join(text[s:e].split())
    if len(out) > limit:
        # Keep the figure in view: centre the cut on it.
        mid = (start + end) // 2 - s
        a = max(0, min(len(out) - limit, mid - limit // 2))
        out = ("…" if a else "") + out[a:a + limit].strip() + ("…" if a + limit < len(out) else "")
    return out


@dataclass
class SeriesRow:
    id: str
    label: str
    metric: str
    place: str | None
    n_points: int
    first_day: str | None
    last_day: str | None
    latest: str
    claimants: list[str] = field(default_factory=list)
    outlets: list[str] = field(default_factory=list)
    n_flags: int = 0
    extra: dict[str, Any] = field(default_factory=dict)

    def export(self) -> dict[str, Any]:
        return {"id": self.id, "label": self.label, "metric": self.metric, "place": self.place,
                "n_points": self.n_points, "first_date": self.first_day,
                "last_date": self.last_day, "claimants": self.claimants, "outlets": self.outlets,
                **self.extra}


@dataclass
class PointRow:
    id: str
    chart: ChartPoint
    article_id: str
    figure_index: int
    article_title: str | None
    published: str | None
    as_of: str | None
    approx: str | None
    span_text: str
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def value_text(self) -> str:
        return fmt_value(self.chart)

    def export(self) -> dict[str, Any]:
        c = self.chart
        return {"point_id": self.id, "date": c.day, "value": c.value, "low": c.low,
                "high": c.high, "approx": self.approx, "claimant": c.claimant,
                "outlet": c.outlet, "flags": list(c.flags), "as_of": self.as_of,
                "published": self.published, "article_id": self.article_id,
                "article_title": self.article_title, "figure_index": self.figure_index,
                "span_text": self.span_text, "sentence": c.sentence, **self.extra}
