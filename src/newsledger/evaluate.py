"""Scoring records against hand-made gold: one matcher for quotes, figures, times and sources.

Gold items name their place in the text by offsets (``start``/``end``) or, for the seed, by the text
they quote (``text``); predicted items carry spans. Items are matched one-to-one by span overlap,
best overlap first, and then compared field by field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any


@dataclass
class Score:
    """Counts for one kind of item, with per-field agreement over matched pairs."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    fields: dict[str, list[int]] = field(default_factory=dict)  # name -> [right, compared]
    misses: list[Any] = field(default_factory=list)
    extras: list[Any] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def field_accuracy(self, name: str) -> float:
        right, total = self.fields.get(name, [0, 0])
        return right / total if total else 1.0

    def add_field(self, name: str, ok: bool) -> None:
        cell = self.fields.setdefault(name, [0, 0])
        cell[0] += int(ok)
        cell[1] += 1

    def merge(self, other: Score) -> Score:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for k, (r, t) in other.fields.items():
            cell = self.fields.setdefault(k, [0, 0])
            cell[0] += r
            cell[1] += t
        self.misses.extend(other.misses)
        self.extras.extend(other.extras)
        return self

    def summary(self) -> dict[str, Any]:
        out: dict[str, Any] = {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                               "precision": round(self.precision, 3),
                               "recall": round(self.recall, 3), "f1": round(self.f1, 3)}
        for k in self.fields:
            out[f"{k}_accuracy"] = round(self.field_accuracy(k), 3)
        return out


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def locate(text: str, needle: str, after: int = 0) -> tuple[int, int] | None:
    """Offsets of ``needle`` in ``text`` (first at or after ``after``, else anywhere)."""
    i = text.find(needle, after)
    if i < 0:
        i = text.find(needle)
    return (i, i + len(needle)) if i >= 0 else None


def match(gold: Sequence[tuple[int, int]], pred: Sequence[tuple[int, int]],
          min_overlap: int = 1) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index) by span overlap, largest overlap first."""
    cands = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            ov = overlap(g, p)
            if ov >= min_overlap:
                cands.append((-ov, i, j))
    cands.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, i, j in cands:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            pairs.append((i, j))
    return sorted(pairs)


def score(gold: Sequence[Any], pred: Sequence[Any], gold_span: Callable[[Any], tuple[int, int]],
          pred_span: Callable[[Any], tuple[int, int]],
          compare: dict[str, Callable[[Any, Any], bool]] | None = None) -> Score:
    """Match ``gold`` to ``pred`` by span and count agreement on each ``compare`` field."""
    pairs = match([gold_span(g) for g in gold], [pred_span(p) for p in pred])
    s = Score(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    matched_g = {i for i, _ in pairs}
    matched_p = {j for _, j in pairs}
    s.misses = [g for i, g in enumerate(gold) if i not in matched_g]
    s.extras = [p for j, p in enumerate(pred) if j not in matched_p]
    for i, j in pairs:
        for name, fn in (compare or {}).items():
            s.add_field(name, fn(gold[i], pred[j]))
    return s


def same_name(gold: str | None, pred: str | None, alternatives: Sequence[str | None] = ()) -> bool:
    """Names agree ignoring case, determiners, possessives and spaces inside abbreviations ("U. S.
    forces" is "U.S. forces"); ``alternatives`` also count."""
    from .actors import clean, join_abbreviations

    def norm(x: str | None) -> str | None:
        return None if x is None else join_abbreviations(clean(x)).lower()

    options = {norm(gold)} | {norm(a) for a in alternatives}
    return norm(pred) in options


def same_actor(gold: str | None, pred: str | None, alternatives: Sequence[str | None] = ()) -> bool:
    """Like :func:`same_name`, and also equal once both map through the alias table that the
    ledger uses ("Jerusalem" = "Israel", "US" = "United States")."""
    if same_name(gold, pred, alternatives):
        return True
    from .actors import canonical_actor

    if pred is None:
        return False
    want = {canonical_actor(g) for g in (gold, *alternatives) if g is not None}
    return canonical_actor(pred) in want


# -- quotes ---------------------------------------------------------------------------------

QUOTE_GROUPS: dict[str, tuple[str, ...]] = {
    "direct": ("direct",), "partial": ("partial",), "direct+partial": ("direct", "partial"),
    "indirect_only": ("indirect",), "according_to": ("according_to",),
    # "indirect" groups all reported speech, as the seed's answer key does.
    "indirect": ("indirect", "according_to"), "all": ("direct", "partial", "indirect",
                                                      "according_to"),
}


def seed_quote_gold(gold: dict[str, Any], text: str) -> list[dict[str, Any]]:
    """The seed answer key's quotes and reported speech as offset items.

    ``quotes`` give the quoted ``text``; ``reported`` give ``content_starts`` (the first words of
    the reported clause), located in order. Kind of a reported item: ``according_to`` when its
    cue is "according to", else ``indirect``."""
    items: list[dict[str, Any]] = []
    pos = 0
    for q in gold.get("quotes", []):
        loc = locate(text, q["text"], pos)
        if loc is None:
            continue
        items.append({"kind": q["kind"], "start": loc[0], "end": loc[1],
                      "speaker": q.get("speaker"),
                      "speaker_alternatives": q.get("speaker_alternatives", [])})
    pos = 0
    for r in gold.get("reported", []):
        loc = locate(text, r["content_starts"], pos)
        if loc is None:
            continue
        pos = loc[1]
        kind = "according_to" if (r.get("cue") or "").lower() == "according to" else "indirect"
        items.append({"kind": kind, "start": loc[0], "end": loc[1], "speaker": r.get("speaker"),
                      "speaker_alternatives": r.get("speaker_alternatives", [])})
    return items


def score_quotes(gold: Sequence[dict[str, Any]], quotes: Sequence[Any],
                 kinds: Sequence[str]) -> Score:
    """Score predicted quotes (record.Quote objects) of ``kinds`` against offset gold items
    (``{kind, start, end, speaker, speaker_alternatives?}``) of the same kinds; the ``speaker``
    field compares names with :func:`same_actor`."""
    g = [x for x in gold if x["kind"] in kinds]
    p = [q for q in quotes if q.kind in kinds]
    return score(g, p, lambda x: (x["start"], x["end"]),
                 lambda q: (q.content.start, q.content.end),
                 {"speaker": lambda x, q: same_actor(x.get("speaker"), q.speaker.name,
                                                     x.get("speaker_alternatives", []))})


def load_offset_gold(gold_path: str, data_dir: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    """Pairs (article, gold document) for an offsets-only gold file (see
    ``tests/eval/quotes_gold.json``): articles are read from ``data_dir``'s ``.jsonl.gz`` files by
    id, so the gold never stores publishers' text. Raises FileNotFoundError when data is absent."""
    import gzip
    import json
    from pathlib import Path

    with open(gold_path, encoding="utf-8") as fh:
        gold = json.load(fh)
    docs = gold["documents"] if isinstance(gold, dict) else gold
    wanted: dict[str, set[str]] = {}
    for d in docs:
        wanted.setdefault(d["dataset"], set()).add(d["id"])
    articles: dict[tuple[str, str], dict[str, Any]] = {}
    for dataset, ids in wanted.items():
        with gzip.open(Path(data_dir) / dataset, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                if row.get("id") in ids:
                    articles[(dataset, row["id"])] = row
    return [(articles[(d["dataset"], d["id"])], d) for d in docs
            if (d["dataset"], d["id"]) in articles]


def in_range(items: Sequence[Any], rng: Sequence[int] | None,
             span: Callable[[Any], Any] = lambda q: q.content) -> list[Any]:
    """Predicted items whose span (default: a quote's content) starts inside the annotated
    range ``[start, end)``; pass ``span=lambda f: f.span`` for figures or times."""
    if not rng:
        return list(items)
    return [x for x in items if rng[0] <= span(x).start < rng[1]]
