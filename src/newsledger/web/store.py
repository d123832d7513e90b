"""The web view's window on the ledger: read-only queries shaped for pages, and the one write path.

Everything goes through :class:`newsledger.ledger.Ledger`; this module only reshapes its answers
(series rows, chart points with their source sentence, article records with links from each
figure to its series point). The server's handle is read-only; :func:`store_records` opens a
separate writable handle for the one request that asked to store, and closes it.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

from ..record import Record
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
                "article_title": self.article_title,
                "span_text": self.span_text, "sentence": c.sentence,
                **{k: v for k, v in self.extra.items() if k != "flag_details"}}


# Words a reader may use for a metric besides its own name ("death toll" for killed).
METRIC_WORDS = {
    "killed": "killed dead death deaths toll killings fatalities casualties",
    "injured": "injured wounded injuries casualties",
    "dead_bodies": "bodies recovered dead",
    "missing": "missing",
    "hostages_held": "hostages held captives",
    "hostages_released": "hostages released freed",
    "hostages_rescued": "hostages rescued",
    "abducted": "abducted kidnapped",
    "prisoners_released": "prisoners released detainees freed",
    "displaced": "displaced displacement refugees",
    "evacuated": "evacuated evacuation",
    "arrested": "arrested arrests detained",
    "aid_trucks": "aid trucks",
    "troops": "troops soldiers deployed",
}


@lru_cache(maxsize=1)
def _aliases() -> dict[str, str]:
    """Canonical actor (lower case) → its known names, so "Israeli military" finds the series
    whose claimant is stored as "Israel Defense Forces"."""
    from ..actors import alias_table

    out: dict[str, list[str]] = {}
    for alias, canon in alias_table().items():
        out.setdefault(canon.lower(), []).append(alias)
    return {k: " ".join(v) for k, v in out.items()}


def series_words(s: dict[str, Any]) -> str:
    """Everything a series search matches against, lower case: name, id, metric (and words
    for it), subject, place, claimant names (and their aliases) and outlet names."""
    metric = str(s.get("metric") or "")
    parts = [str(s.get(k) or "") for k in ("name", "id", "subject", "place")]
    parts += [metric.replace("_", " "), METRIC_WORDS.get(metric, "")]
    claimants = _names(s.get("claimants"))
    parts += claimants + [_aliases().get(c.lower(), "") for c in claimants]
    parts += _names(s.get("outlets"))
    return " ".join(parts).lower()


FLAG_ORDER = ("echo", "corroboration", "update", "revision_down", "conflict", "outlier")


def _first(d: dict[str, Any], *keys: str) -> Any:
    for k in keys:
        if d.get(k) is not None:
            return d[k]
    return None


def _names(pairs: Any) -> list[str]:
    """``[[name, n], …]`` (or plain names) → names."""
    out = []
    for p in pairs or ():
        out.append(str(p[0]) if isinstance(p, (list, tuple)) else str(p))
    return out


class LedgerView:
    """Read-only page data over one ledger file; safe to share between request threads."""

    def __init__(self, ledger: Any) -> None:
        self.ledger = ledger
        # One sqlite connection serves every request thread: take turns.
        self._lock = threading.Lock()
        self._texts: OrderedDict[tuple[str, int | None], str] = OrderedDict()

    @classmethod
    def open(cls, path: Path) -> LedgerView:
        from ..ledger import Ledger

        return cls(Ledger(path, readonly=True))

    def close(self) -> None:
        with self._lock:
            self.ledger.close()

    # -- watched sources (newsledger watch) -----------------------------------------------------

    def watched(self, since: str, limit: int = 200) -> tuple[list[dict[str, Any]],
                                                             list[dict[str, Any]]]:
        """The sources `newsledger watch` polls (last poll, counts, last error) and the items
        stored as new articles or versions at or after ``since`` (ISO), newest first."""
        from ..ledger.watchlist import Watchlist

        with self._lock:
            w = Watchlist(self.ledger.store)
            return w.sources(), w.changed_since(since, limit)

    # -- series ---------------------------------------------------------------------------------

    def _row(self, s: dict[str, Any]) -> SeriesRow:
        flags = s.get("flags") or {}
        latest = ChartPoint("", None, s.get("latest_value"), s.get("latest_low"),
                            s.get("latest_high"))
        return SeriesRow(
            id=s["id"], label=s.get("name") or s["id"], metric=s.get("metric") or "other",
            place=s.get("place"), n_points=int(s.get("points") or 0),
            first_day=s.get("first_date"), last_day=s.get("latest_date"),
            latest=fmt_value(latest) if latest.value is not None or latest.low is not None
            else "—",
            claimants=_names(s.get("claimants")), outlets=_names(s.get("outlets")),
            n_flags=sum(int(v or 0) for k, v in flags.items() if k != "corroboration"),
            extra={"subject": s.get("subject"), "cumulative": s.get("cumulative"),
                   "origins": s.get("origins"), "flags": flags, "stale": s.get("stale")})

    def series(self, q: str = "", metric: str = "", place: str = "", claimant: str = "",
               outlet: str = "", since: str = "", until: str = "") -> list[SeriesRow]:
        """Series matching the filters, most points first. Bad dates raise StoreError."""
        with self._lock:
            rows = self.ledger.series(None, since=since or None, until=until or None,
                                      claimant=claimant or None, outlet=outlet or None)
        # Every word of the search must appear somewhere in the series' name, id, metric (or a
        # word for it), subject, place, claimants or outlets, so "killed gaza" finds "people
        # killed in Gaza (cumulative)", and so do "gaza health ministry" and "death toll".
        words = q.lower().split()
        out = []
        for s in rows:
            hay = series_words(s) if words else ""
            if any(w not in hay for w in words):
                continue
            if metric and (s.get("metric") or "") != metric:
                continue
            if place and (s.get("place") or "").lower() != place.lower():
                continue
            out.append(self._row(s))
        return out

    def search_articles(self, q: str, limit: int = 20, offset: int = 0
                        ) -> tuple[list[dict[str, Any]], int]:
        """Stored articles whose title or text hold every word of ``q`` (full-text search), one
        page of them, and how many there are in all.

        Each word is passed as a quoted FTS5 string, so what a reader types ("al-Shifa",
        "Israel's", "NEAR(") is searched for, never parsed as query syntax. Each hit has
        ``snippet_parts``: ``(text, is_hit)`` pieces to show with the hits marked."""
        if not q.split():
            return [], 0
        with self._lock:
            total = self.ledger.search_count(q, words=True)
            hits = list(self.ledger.search(q, limit, offset, words=True)) if total else []
        for h in hits:
            h["snippet_parts"] = snippet_parts(h.get("snippet") or "",
                                               h.get("snippet_hits") or [])
        return hits, total

    def articles(self, limit: int = 20, offset: int = 0) -> tuple[list[dict[str, Any]], int]:
        """One page of stored articles (latest versions, newest first) and how many in all."""
        with self._lock:
            total = int(self.ledger.stats().get("current_articles", 0))
            rows = self.ledger.articles(limit, offset) if total else []
        return rows, total

    def facets(self) -> dict[str, list[str]]:
        """The values the index's filter menus offer, from every series."""
        with self._lock:
            rows = self.ledger.series()
        sets: dict[str, set[str]] = {"metric": set(), "place": set(), "claimant": set(),
                                     "outlet": set()}
        for s in rows:
            for key in ("metric", "place"):
                if s.get(key):
                    sets[key].add(str(s[key]))
            sets["claimant"].update(n for n in _names(s.get("claimants"))
                                    if not n.startswith("("))
            sets["outlet"].update(n for n in _names(s.get("outlets")) if not n.startswith("("))
        return {k: sorted(v, key=str.lower) for k, v in sets.items()}

    def series_info(self, sid: str) -> SeriesRow | None:
        with self._lock:
            s = self.ledger.find_series(sid)
        # find_series also matches names and substrings; a URL names one series exactly.
        return self._row(s) if s is not None and s.get("id") == sid else None

    def _text(self, article_id: str, version: int | None) -> str:
        key = (article_id, version)
        if key in self._texts:
            self._texts.move_to_end(key)
            return self._texts[key]
        d = self.ledger.article(article_id, version)
        text = str(d.get("text") or "") if d else ""
        self._texts[key] = text
        if len(self._texts) > 4096:
            self._texts.popitem(last=False)
        return text

    def points(self, sid: str, claimant: str = "", since: str = "",
               until: str = "") -> list[PointRow]:
        """The series' points in time order (of one claimant, within dates, when given), each
        with its sentence, article link, value and claimant as written, and flag details.
        Bad dates raise StoreError."""
        with self._lock:
            pts = self.ledger.points(sid, claimant=claimant or None, since=since or None,
                                     until=until or None)
            texts = {(p["article_id"], p.get("article_version")):
                     self._text(p["article_id"], p.get("article_version")) for p in pts}
        out = []
        for p in pts:
            span = p.get("span") or {"start": p.get("span_start", 0), "end": p.get("span_end", 0),
                                     "text": p.get("span_text", "")}
            text = texts.get((p["article_id"], p.get("article_version")), "")
            sentence = sentence_around(text, span["start"], span["end"]) if text \
                else str(span.get("text") or "")
            names = {f.get("flag") for f in p.get("flags") or () if isinstance(f, dict)}
            flags = [f for f in FLAG_ORDER if f in names]
            pid = str(p["id"])
            href = article_href(p["article_id"], p.get("article_version"), pid)
            cp = ChartPoint(pid, _first(p, "date", "as_of", "published"), p.get("value"),
                            p.get("low"), p.get("high"),
                            claimant=_first(p, "claimant", "claimant_name"),
                            outlet=p.get("outlet"), flags=flags, sentence=sentence, href=href)
            notes = [f"{f.get('flag')}: {f.get('note')}" for f in p.get("flags") or ()
                     if isinstance(f, dict) and f.get("note")]
            details = [{"flag": f.get("flag"), "note": f.get("note") or "",
                        "related": [str(r) for r in f.get("related") or ()]}
                       for f in p.get("flags") or () if isinstance(f, dict)]
            details.sort(key=lambda f: FLAG_ORDER.index(f["flag"])
                         if f["flag"] in FLAG_ORDER else 99)
            written = " ".join(str(p.get("claimant_mention") or p.get("claimant_name")
                                   or "").split())
            out.append(PointRow(pid, cp, str(p["article_id"]), p.get("title"),
                                p.get("published"), p.get("as_of"), p.get("approx"),
                                str(span.get("text") or ""),
                                extra={"series_id": p.get("series_id"), "url": p.get("url"),
                                       "article_version": p.get("article_version"),
                                       "counts": p.get("counts"),
                                       "claimant_mention": p.get("claimant_mention"),
                                       "origin_id": p.get("origin_id"),
                                       "flag_notes": notes, "claimant_written": written,
                                       "flag_details": details}))
        return out

    # -- articles -------------------------------------------------------------------------------

    def article(self, article_id: str, version: int | None = None
                ) -> tuple[Record, dict[int, str], dict[int, str]] | None:
        """The stored record, links from each figure to its series point, and each figure's
        anchor id (``point-<id>`` when it is a ledger point)."""
        with self._lock:
            d = self.ledger.article(article_id, version)
            if d is None:
                return None
            meta = d.pop("ledger", {}) or {}
            rec = Record.from_dict(d)
            ids = list(meta.get("figure_ids") or [])
            points = {i: self.ledger.point(pid) for i, pid in enumerate(ids)
                      if i < len(rec.figures)}
        links: dict[int, str] = {}
        anchors: dict[int, str] = {}
        for i, p in points.items():
            if not p:
                continue
            anchors[i] = f"point-{p['id']}"
            if p.get("series_id"):
                links[i] = series_href(p["series_id"], str(p["id"]))
        return rec, links, anchors


def snippet_parts(text: str, hits: list[list[int]]) -> list[tuple[str, bool]]:
    """A search snippet as ``(text, is_hit)`` pieces, for the template to escape and mark."""
    out, at = [], 0
    for a, b in hits:
        if a >= at:
            out += [(text[at:a], False), (text[a:b], True)]
            at = b
    out.append((text[at:], False))
    return [(t, h) for t, h in out if t]


def series_href(series_id: str, point_id: str | None = None) -> str:
    return f"/series/{quote(series_id, safe='')}" + (f"#point-{point_id}" if point_id else "")


def article_href(article_id: str, version: int | None, point_id: str | None) -> str:
    q = {k: v for k, v in (("v", version), ("point", point_id)) if v is not None}
    return (f"/article/{quote(str(article_id), safe='')}" + ("?" + urlencode(q) if q else "")
            + (f"#point-{point_id}" if point_id else ""))


def store_records(path: Path, records: list[Record]) -> dict[str, Any]:
    """The one write path: a short-lived writable Ledger on the configured file, then closed."""
    from ..ledger import Ledger

    with Ledger(path) as led:
        stats = led.ingest_records(records)
    return dict(stats.to_dict())
