"""Hand-made records and an in-process client for the web tests (no extraction quality involved)."""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from typing import Any

from newsledger.record import Figure, Quote, Record, Source, Span, Speaker, TimeExpr

with warnings.catch_warnings():
    # Starlette 1.x warns that its TestClient's httpx backend will change; not our concern here.
    warnings.simplefilter("ignore")
    from starlette.testclient import TestClient  # noqa: F401

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'


def _at(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    i = -1
    for _ in range(nth + 1):
        i = text.index(needle, i + 1)
    return i, i + len(needle)


def record(id: str, text: str, *, published: str | None, outlet: str | None = None,
           title: str | None = None, figures: Sequence[dict[str, Any]] = (),
           quote: tuple[str, str, str] | None = None, times: Sequence[tuple[str, str]] = (),
           sources: Sequence[tuple[str, str]] = ()) -> Record:
    """A Record over ``text``; spans are located by their strings, so they are right by
    construction. ``figures``: dicts with ``at`` (the figure string) and Figure fields;
    ``quote``: (content, speaker mention, canonical name)."""
    figs = []
    for f in figures:
        f = dict(f)
        s, e = _at(text, f.pop("at"))
        claimant = f.pop("claimant", None)
        figs.append(Figure(Span.of(text, s, e), f.pop("value", None),
                           claimant=Speaker(None, claimant) if claimant else None, **f))
    quotes = []
    if quote:
        s, e = _at(text, quote[0])
        ms, me = _at(text, quote[1])
        quotes.append(Quote("direct", Span.of(text, s, e), None,
                            Speaker(Span.of(text, ms, me), quote[2])))
    tms = [TimeExpr(Span.of(text, *_at(text, t)), "DATE", v) for t, v in times]
    srcs = [Source(Span.of(text, *_at(text, n)), n, role) for n, role in sources]
    rec = Record(id=id, text=text, published=published, outlet=outlet, title=title,
                 figures=figs, quotes=quotes, times=tms, sources=srcs)
    rec.verify()
    rec.validate()
    return rec


def gaza_records() -> list[Record]:
    """Seven articles giving the Gaza death toll over a month, from two claimants and four
    outlets: a range, a repeat (echo), rises (update), a fall (revision down), two claimants
    disagreeing on the same day (conflict) and a tenfold-low value (outlier)."""
    out = []
    rows = [
        ("a1", "2024-04-01", "Wire A", 33000, None, None, "Gaza health ministry"),
        ("a2", "2024-04-10", "Paper B", 33400, None, None, "Gaza health ministry"),
        ("a3", "2024-04-10", "Paper C", 33400, None, None, "Gaza health ministry"),
        ("a4", "2024-04-20", "Wire A", None, 20000, 25000, "Israeli military"),
        ("a5", "2024-05-01", "Paper B", 34500, None, None, "Gaza health ministry"),
        ("a6", "2024-05-01", "Wire D", 21000, None, None, "Israeli military"),
        ("a7", "2024-04-25", "Paper C", 3300, None, None, "Gaza health ministry"),
    ]
    for aid, day, outlet, value, low, high, who in rows:
        if value is not None and outlet == "Wire D":
            fig = f"{value:,}"
            text = (f"A total of {fig} people have been killed in Gaza, the {who} said on "
                    f"Monday. “We will not stop,” Smith said.")
            f = {"at": fig, "value": float(value), "approx": "exact"}
        elif value is not None:
            fig = f"{value:,}"
            text = (f"More than {fig} people have been killed in Gaza, the {who} said on "
                    f"Monday. “We will not stop,” Smith said.")
            f = {"at": fig, "value": float(value), "low": float(value), "approx": "more_than"}
        else:
            fig = f"{low:,} to {high:,}"
            text = (f"Between {fig} people have been killed in Gaza, the {who} said on "
                    f"Monday. “We will not stop,” Smith said.")
            f = {"at": fig, "value": None, "low": float(low), "high": float(high),
                 "approx": "range"}
        f.update(metric="killed", place="Gaza", counts="people killed in Gaza", claimant=who,
                 as_of=day, cumulative=True)
        out.append(record(aid, text, published=day, outlet=outlet, title=f"Gaza update {aid}",
                          figures=[f], quote=("“We will not stop,”", "Smith", "John Smith"),
                          times=[("Monday", day)], sources=[(who, "cited")]))
    return out


def xss_record() -> Record:
    text = (f"{XSS_SCRIPT} Officials said 12 people were killed in Khan Younis. {XSS_IMG} "
            f"“{XSS_SCRIPT},” said Jane Roe.")
    return record("xss", text, published="2024-04-15", outlet=XSS_IMG, title=XSS_SCRIPT,
                  figures=[{"at": "12", "value": 12.0, "metric": "killed",
                            "place": "Khan Younis", "claimant": XSS_IMG, "as_of": "2024-04-15",
                            "cumulative": False}],
                  quote=(f"“{XSS_SCRIPT},”", "Jane Roe", XSS_IMG))
