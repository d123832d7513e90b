"""Synthetic records with figures, for tests, benchmarks and demos of the ledger.

Each article is a few sentences like "34,120 people have been killed in Gaza, the Hamas-run
health ministry said." with every span valid (``Record.verify()`` holds); no real article text.
"""

from __future__ import annotations

import random
from bisect import bisect_left
from collections.abc import Iterator
from datetime import date, timedelta

from ..record import Figure, Record, Source, Span, Speaker

METRICS = ("killed", "injured", "displaced", "hostages_held", "arrested", "missing")
SUBJECTS = {"killed": "people", "injured": "people", "displaced": "people",
            "hostages_held": "hostages", "arrested": "people", "missing": "people"}
VERBS = {"killed": "have been killed", "injured": "have been injured",
         "displaced": "have been displaced", "hostages_held": "are still held",
         "arrested": "have been arrested", "missing": "are missing"}
PLACES = ("Gaza", "the West Bank", "Ukraine", "Lebanon", "Israel", "Sudan", "Yemen", "Syria")
CLAIMANTS = ("the Hamas-run health ministry", "the Israeli military", "the UN",
             "Ukraine's military",
             "the Kremlin", "local officials", "the Red Cross", "Save the Children")
OUTLETS = ("AP", "Reuters", "BBC", "NPR", "Al Jazeera", "The Guardian", "CNN", "AFP")


def figure_sentence(value: int, metric: str, place: str, claimant: str) -> tuple[str, int, int,
                                                                                  int, int]:
    """A sentence and the offsets of its number and claimant."""
    num = f"{value:,}"
    sent = f"{num} {SUBJECTS[metric]} {VERBS[metric]} in {place}, {claimant} said. "
    c0 = sent.index(claimant)
    return sent, 0, len(num), c0, c0 + len(claimant)


def make_record(aid: str, published: str, figures: list[tuple[int, str, str, str, bool]],
                outlet: str | None = None, wire: str | None = None, filler: str = "",
                url: str | None = None) -> Record:
    """A record whose text states ``figures`` = [(value, metric, place, claimant, cumulative)]."""
    text = (f"GAZA ({wire}) — " if wire else "") + filler
    figs: list[Figure] = []
    sources: list[Source] = []
    if wire:
        sources.append(Source(Span.of(text, text.index(wire), text.index(wire) + len(wire)), wire,
                              "wire_credit"))
    for value, metric, place, claimant, cumulative in figures:
        base = len(text)
        sent, n0, n1, c0, c1 = figure_sentence(value, metric, place, claimant)
        text += sent
        figs.append(Figure(
            span=Span.of(text, base + n0, base + n1), value=float(value), metric=metric,
            counts=f"{SUBJECTS[metric]} {VERBS[metric].split()[-1]} in {place}",
            claimant=Speaker(Span.of(text, base + c0, base + c1), claimant), as_of=published,
            place=place.replace("the ", ""), cumulative=cumulative))
    return Record(id=aid, text=text, url=url, outlet=outlet, published=published,
                  title=f"Report {aid}", figures=figs, sources=sources)


def stream(n_articles: int, figures_per_article: int = 3, n_series: int = 48, seed: int = 7,
           start: date = date(2023, 10, 8), n_places: int = 0) -> Iterator[Record]:
    """``n_articles`` records, their figures spread (Zipf-like) over up to ``n_series``
    (metric, place, claimant) keys whose cumulative values mostly rise over time (with a few
    falls and odd values). ``n_places`` adds made-up places ("District 17") for many series."""
    rng = random.Random(seed)
    places = list(PLACES) + [f"District {k}" for k in range(n_places)]
    keys = [(m, p, c) for p in places for m in METRICS for c in CLAIMANTS][:max(1, n_series)]
    rng.shuffle(keys)
    # Zipf-like sizes: key r is chosen with weight 1/r (a few big series, a long tail).
    cum, total = [], 0.0
    for r in range(1, len(keys) + 1):
        total += 1.0 / r
        cum.append(total)
    level = {k: rng.randint(100, 20000) for k in keys}
    for i in range(n_articles):
        day = start + timedelta(days=i * 200 // max(1, n_articles))
        figs = []
        for _ in range(figures_per_article):
            k = keys[min(len(keys) - 1, bisect_left(cum, rng.random() * total))]
            level[k] += rng.randint(0, 60)
            v = level[k] if rng.random() > 0.02 else rng.randint(1, 50)
            figs.append((v, k[0], k[1], k[2], k[0] != "arrested"))
        wire = rng.choice(("AP", "Reuters", None, None, None))
        yield make_record(f"syn-{i:07d}", day.isoformat(), figs, outlet=rng.choice(OUTLETS),
                          wire=wire, filler=f"Update {i}. ", url=f"https://example.org/{i}")
