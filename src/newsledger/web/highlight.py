"""Article text with what was found marked up from its spans, as well-formed, escaped HTML.

Annotations (quotes, figures, times, sources, speaker mentions, layout blocks) may nest or cross;
the renderer opens and closes elements at span boundaries and, where two spans cross, closes the
inner one and reopens it after, so the HTML stays well-formed and every character of the text is
emitted exactly once, escaped. Nothing here trusts the text: it only ever reaches the page through
``markupsafe.escape``.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import Markup, escape

from ..record import Record

# Okabe–Ito: distinguishable with the common colour-vision deficiencies. Colour is never the
# only carrier: every speaker and claimant also gets a letter label (and a shape on charts).
PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
           "#8C564B", "#BCBD22")  # no grey: grey means "unknown"
UNKNOWN_COLOUR = "#7F7F7F"

# Outer layers first: when two spans start together, the lower layer opens first (outside).
_LAYER = {"block": 0, "quote": 1, "cue": 2, "speaker": 2, "source": 3, "time": 3, "figure": 4}


@dataclass
class Annotation:
    """One span to mark: ``kind`` names the CSS class family; ``attrs`` go on the element."""

    start: int
    end: int
    kind: str
    classes: str
    attrs: dict[str, str] = field(default_factory=dict)
    href: str | None = None
    anchor: str | None = None  # id of the first fragment, so links can land on it

    @property
    def layer(self) -> int:
        return _LAYER.get(self.kind, 5)


@dataclass
class Label:
    """A legend entry for a person or body: letter, colour, and how many items carry it."""

    letter: str
    name: str
    colour: str
    cls: str          # CSS class carrying the colour (inline styles are barred by the CSP)
    count: int = 0


def letters(n: int) -> str:
    """A, B, …, Z, AA, AB, … for the n-th (0-based) label."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def speaker_labels(names: list[str | None]) -> dict[str | None, Label]:
    """A stable label per distinct name, in order of first appearance; None is "unknown"."""
    labels: dict[str | None, Label] = {}
    for name in names:
        if name not in labels:
            if name is None:
                labels[None] = Label("?", "unknown", UNKNOWN_COLOUR, "cu")
            else:
                i = sum(1 for k in labels if k is not None)
                labels[name] = Label(letters(i), name, PALETTE[i % len(PALETTE)],
                                     f"c{i % len(PALETTE)}")
        labels[name].count += 1
    return labels


def annotations(rec: Record, figure_links: dict[int, str] | None = None,
                target_figure: int | None = None, figure_anchors: dict[int, str] | None = None
                ) -> tuple[list[Annotation], dict[str | None, Label]]:
    """The annotations of a record and the speaker legend. ``figure_links`` maps figure index to
    the URL of its series point; ``target_figure`` is marked as the one the reader came for;
    ``figure_anchors`` overrides a figure's element id (default ``fig-<index>``)."""
    figure_links = figure_links or {}
    figure_anchors = figure_anchors or {}
    anns: list[Annotation] = []
    for i, b in enumerate(rec.blocks):
        if b.kind in ("title", "dek", "byline", "caption", "credit", "boilerplate", "dateline"):
            dup = " dup" if b.duplicate_of is not None else ""
            anns.append(Annotation(b.start, b.end, "block", f"blk blk-{b.kind}{dup}",
                                   {"data-block": b.kind}))
    labels = speaker_labels([q.speaker.name for q in rec.quotes])
    for i, q in enumerate(rec.quotes):
        lab = labels[q.speaker.name]
        who = q.speaker.name or "unknown speaker"
        attrs = {"data-speaker": lab.letter, "data-kind": q.kind,
                 "title": f"{q.kind} quote — {who}"}
        anns.append(Annotation(q.content.start, q.content.end, "quote",
                               f"hl hl-quote q-{q.kind} {lab.cls}", attrs,
                               anchor=f"quote-{i}"))
        if q.cue:
            anns.append(Annotation(q.cue.start, q.cue.end, "cue", "hl hl-cue",
                                   {"title": f"attribution cue — {who}"}))
        if q.speaker.mention:
            m = q.speaker.mention
            anns.append(Annotation(m.start, m.end, "speaker",
                                   f"hl hl-speaker {lab.cls}",
                                   {"data-speaker": lab.letter, "title": f"speaker — {who}"}))
    for i, fg in enumerate(rec.figures):
        claim = fg.claimant.name if fg.claimant and fg.claimant.name else "no claimant"
        val = _fmt_value(fg.value, fg.low, fg.high)
        cls = "hl hl-figure" + (" target" if i == target_figure else "")
        anns.append(Annotation(fg.span.start, fg.span.end, "figure", cls,
                               {"title": f"figure {val} · {fg.metric} · {claim}",
                                "data-figure": str(i)},
                               href=figure_links.get(i),
                               anchor=figure_anchors.get(i, f"fig-{i}")))
    for i, t in enumerate(rec.times):
        anns.append(Annotation(t.span.start, t.span.end, "time", "hl hl-time",
                               {"title": f"{t.type} {t.value or '?'}", "data-time": str(i)},
                               anchor=f"time-{i}"))
    for i, s in enumerate(rec.sources):
        anns.append(Annotation(s.span.start, s.span.end, "source", "hl hl-source",
                               {"title": f"source ({s.role}) — {s.name}", "data-source": str(i)},
                               anchor=f"src-{i}"))
    n = len(rec.text)
    anns = [a for a in anns if 0 <= a.start < a.end <= n]
    return anns, labels


def _fmt_value(value: float | None, low: float | None, high: float | None) -> str:
    if low is not None and high is not None and low != high:
        return f"{low:,.0f}–{high:,.0f}"
    v = value if value is not None else low
    return "?" if v is None else f"{v:,.0f}" if float(v).is_integer() else f"{v:,}"


def _open_tag(a: Annotation, first: bool, link: bool) -> str:
    tag = "a" if link else "span"
    parts = [f'<{tag} class="{escape(a.classes)}"']
    if first and a.anchor:
        parts.append(f' id="{escape(a.anchor)}"')
    if link:
        parts.append(f' href="{escape(a.href)}"')
    for k, v in a.attrs.items():
        parts.append(f' {k}="{escape(v)}"')
    return "".join(parts) + ">"


def render(text: str, anns: list[Annotation]) -> Markup:
    """``text`` as HTML with each annotation wrapped around its span (escaped, well-formed)."""
    order = sorted(range(len(anns)), key=lambda i: (anns[i].start, -anns[i].end, anns[i].layer))
    starts: dict[int, list[int]] = {}
    for i in order:
        starts.setdefault(anns[i].start, []).append(i)
    bounds = sorted({0, len(text)} | {a.start for a in anns} | {a.end for a in anns})
    out: list[str] = []
    stack: list[int] = []
    linked: list[bool] = []  # parallel to stack: did this fragment open as <a>?
    opened: set[int] = set()  # annotations that already emitted their first fragment
    pos = 0

    def push(i: int, first: bool) -> None:
        # HTML forbids <a> inside <a>: a figure overlapping another linked figure is a plain span.
        link = bool(anns[i].href) and not any(linked)
        out.append(_open_tag(anns[i], first, link))
        stack.append(i)
        linked.append(link)

    for b in bounds:
        if b > pos:
            out.append(str(escape(text[pos:b])))
            pos = b
        # Close everything ending here; anything above it on the stack that goes on is reopened.
        ending = [i for i in stack if anns[i].end <= b]
        if ending:
            lowest = min(stack.index(i) for i in ending)
            reopen = [i for i in stack[lowest:] if anns[i].end > b]
            for k in reversed(range(lowest, len(stack))):
                out.append("</a>" if linked[k] else "</span>")
            del stack[lowest:], linked[lowest:]
            for i in reopen:
                push(i, False)
        # A span that starts inside a shorter open one crosses it at the inner end; the
        # close-and-reopen above handles that, so it is simply opened here.
        for i in starts.get(b, []):
            push(i, i not in opened)
            opened.add(i)
    for k in reversed(range(len(stack))):
        out.append("</a>" if linked[k] else "</span>")
    return Markup("".join(out))


def highlight(rec: Record, figure_links: dict[int, str] | None = None,
              target_figure: int | None = None, figure_anchors: dict[int, str] | None = None
              ) -> tuple[Markup, dict[str | None, Label]]:
    """The record's text as highlighted HTML, and the speaker legend."""
    anns, labels = annotations(rec, figure_links, target_figure, figure_anchors)
    return render(rec.text, anns), labels
