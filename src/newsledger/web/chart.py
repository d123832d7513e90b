"""A value-over-time chart laid out server-side, for an inline SVG (no chart library, no build).

:func:`layout` turns points into geometry — marks, range bars, flag badges, axes, legend — and the
template ``_chart.html`` draws it, so every piece of text reaches the page through Jinja's
autoescaping. Claimants are told apart by colour *and* shape *and* a letter in the legend.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date

from .highlight import PALETTE, UNKNOWN_COLOUR, letters

FLAGS = ("echo", "corroboration", "update", "revision_down", "conflict", "outlier")
# One short visible badge per flag that changes how a point should be read; the legend, table
# and tooltip spell them out. Corroboration (an independent source agrees) and update (a running
# total rose, as running totals do) are the normal case, so they are listed in the tooltip and
# table but not drawn: a badge on most points tells nothing.
FLAG_BADGE = {"echo": "E", "revision_down": "↓", "conflict": "!", "outlier": "O"}
# When the largest value is more than this many times the 90th percentile, one value would
# flatten the rest against the zero line: the axis stops above the others (clipped marks are
# drawn at the top edge with an arrow and their value), or the reader picks a log scale.
CLIP_RATIO = 8.0
SCALES = ("auto", "linear", "log")
SHAPES = ("circle", "square", "triangle", "diamond", "cross", "star", "triangle-down", "hexagon")


@dataclass
class ChartPoint:
    """One figure in a series, as the chart needs it."""

    id: str
    day: str | None            # ISO date the value holds for (as_of, else published)
    value: float | None
    low: float | None = None
    high: float | None = None
    claimant: str | None = None
    outlet: str | None = None
    flags: list[str] = field(default_factory=list)
    sentence: str = ""
    href: str | None = None


@dataclass
class Mark:
    point: ChartPoint
    x: float
    y: float
    shape: str
    path: str
    colour: str
    letter: str
    bar: tuple[float, float] | None
    badges: list[tuple[float, str, str]]  # (dx, badge text, flag)
    label: str                            # aria-label and tooltip, one line
    hollow: bool
    key: str = ""                         # the claimant's legend key (toggles)
    clipped: bool = False                 # above the top of a clipped axis


@dataclass
class Line:
    key: str
    colour: str
    points: str                           # SVG polyline points, the claimant's in date order


@dataclass
class Tick:
    pos: float
    text: str


@dataclass
class LegendEntry:
    letter: str
    name: str
    colour: str
    shape: str
    path: str
    count: int
    key: str = ""


@dataclass
class Chart:
    width: int
    height: int
    left: int
    right: int
    top: int
    bottom: int
    marks: list[Mark]
    xticks: list[Tick]
    yticks: list[Tick]
    legend: list[LegendEntry]
    skipped: int              # points without a date or value (listed in the table only)
    summary: str              # the text alternative
    lines: list[Line] = field(default_factory=list)
    scale: str = "linear"     # linear, log, or clipped
    clipped: int = 0          # marks above a clipped axis
    y_title: str = ""
    x_title: str = "Date the figure held (as of; else published)"
    compact: bool = False


def shape_path(shape: str, r: float = 6.0) -> str:
    """An SVG path for ``shape`` centred on (0, 0), so a mark is ``translate(x y)`` + path."""
    if shape == "square":
        s = r * 0.85
        return f"M{-s:.1f},{-s:.1f}H{s:.1f}V{s:.1f}H{-s:.1f}Z"
    if shape in ("triangle", "triangle-down"):
        k = 1 if shape == "triangle" else -1
        return f"M0,{-r * k:.1f}L{r:.1f},{r * 0.8 * k:.1f}L{-r:.1f},{r * 0.8 * k:.1f}Z"
    if shape == "diamond":
        return f"M0,{-r:.1f}L{r:.1f},0L0,{r:.1f}L{-r:.1f},0Z"
    if shape == "x":
        a, b = r * 0.3, r * 0.85
        return (f"M{-b:.1f},{-b + a:.1f}L{-b + a:.1f},{-b:.1f}L0,{-a:.1f}L{b - a:.1f},{-b:.1f}"
                f"L{b:.1f},{-b + a:.1f}L{a:.1f},0L{b:.1f},{b - a:.1f}L{b - a:.1f},{b:.1f}"
                f"L0,{a:.1f}L{-b + a:.1f},{b:.1f}L{-b:.1f},{b - a:.1f}L{-a:.1f},0Z")
    if shape == "cross":
        a, b = r * 0.35, r
        return (f"M{-a:.1f},{-b:.1f}H{a:.1f}V{-a:.1f}H{b:.1f}V{a:.1f}H{a:.1f}V{b:.1f}"
                f"H{-a:.1f}V{a:.1f}H{-b:.1f}V{-a:.1f}H{-a:.1f}Z")
    if shape in ("star", "hexagon"):
        n, inner = (5, 0.45) if shape == "star" else (6, 1.0)
        pts = []
        for i in range(n * 2 if shape == "star" else n):
            ang = -math.pi / 2 + i * math.pi / (n if shape == "star" else n / 2)
            rr = r if (shape == "hexagon" or i % 2 == 0) else r * inner
            pts.append(f"{rr * math.cos(ang):.1f},{rr * math.sin(ang):.1f}")
        return "M" + "L".join(pts) + "Z"
    return f"M{-r:.1f},0A{r:.1f},{r:.1f} 0 1,0 {r:.1f},0A{r:.1f},{r:.1f} 0 1,0 {-r:.1f},0Z"


def fmt_num(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{v:,.0f}" if float(v).is_integer() else f"{v:,.2f}".rstrip("0").rstrip(".")


def fmt_short(v: float) -> str:
    """A tick label for the phone layout: "100k", "1.5M" (full numbers are in the table)."""
    for div, suffix in ((1e9, "bn"), (1e6, "M"), (1e3, "k")):
        if abs(v) >= div:
            return f"{v / div:,.1f}".rstrip("0").rstrip(".") + suffix
    return fmt_num(v)


def fmt_value(p: ChartPoint) -> str:
    if p.low is not None and p.high is not None and p.low != p.high:
        return f"{fmt_num(p.low)}–{fmt_num(p.high)}"
    return fmt_num(p.value if p.value is not None else p.low)


def _day(s: str | None) -> date | None:
    try:
        return date.fromisoformat((s or "")[:10])
    except ValueError:
        return None


def _nice_step(span: float, n: int = 5) -> float:
    raw = span / max(n, 1)
    if raw <= 0:
        return 1.0
    mag = 10 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if raw <= m * mag:
            return m * mag
    return 10 * mag


def _date_ticks(d0: date, d1: date, n: int = 6) -> list[date]:
    days = (d1 - d0).days
    if days <= 0:
        return [d0]
    if days > 120:  # month starts
        out: list[date] = []
        step = max(1, round(days / 30 / n))
        k = d0.year * 12 + d0.month - 1 + step  # months since year 0
        while k // 12 <= d1.year:
            d = date(k // 12, k % 12 + 1, 1)
            if d > d1:
                break
            out.append(d)
            k += step
        return out or [d0]
    step = max(1, round(days / n))
    return [date.fromordinal(d0.toordinal() + i) for i in range(0, days + 1, step)]


def _display_value(p: ChartPoint) -> float:
    v = p.value if p.value is not None else (p.low if p.high is None else
                                             (p.low + p.high) / 2 if p.low is not None
                                             else p.high)
    assert v is not None
    return float(v)


def _percentile(values: list[float], q: float) -> float:
    vs = sorted(values)
    return vs[min(len(vs) - 1, max(0, int(round(q * (len(vs) - 1)))))]


def layout(points: list[ChartPoint], width: int = 880, height: int = 360, *,
           scale: str = "auto", y_title: str = "", compact: bool = False) -> Chart:
    """Geometry for ``points``: x by day, y by value, one mark per dated, valued point, and one
    line per claimant through its points in date order (outliers left off the line).

    ``scale``: ``linear``, ``log``, or ``auto`` (linear, clipped when one value dwarfs the rest:
    see :data:`CLIP_RATIO`). ``compact`` is the phone layout: fewer ticks, room for larger text."""
    left, right, top, bottom = (62, 14, 24, 52) if compact else (80, 44, 28, 56)
    pw, ph = width - left - right, height - top - bottom
    drawable = [(p, _day(p.day)) for p in points]
    drawable = [(p, d) for p, d in drawable
                if d is not None and (p.value is not None or p.low is not None)]
    skipped = len(points) - len(drawable)

    # Claimants in order of first appearance: colour, shape and letter each.
    legend: dict[str | None, LegendEntry] = {}
    for p, _ in drawable:
        if p.claimant not in legend:
            if p.claimant is None:
                # Its own shape, used for nothing else: "unknown" must not look like a name.
                legend[None] = LegendEntry("?", "no claimant", UNKNOWN_COLOUR, "x",
                                           shape_path("x"), 0, "cu")
            else:
                i = sum(1 for k in legend if k is not None)
                shape = SHAPES[i % len(SHAPES)]
                legend[p.claimant] = LegendEntry(letters(i), p.claimant,
                                                 PALETTE[i % len(PALETTE)], shape,
                                                 shape_path(shape), 0, f"c{i}")
        legend[p.claimant].count += 1

    if not drawable:
        return Chart(width, height, left, right, top, bottom, [], [], [], list(legend.values()),
                     skipped, f"No point in this series has both a date and a value "
                              f"({skipped} point(s) listed in the table).", y_title=y_title,
                     compact=compact)

    days = [d for _, d in drawable]
    d0, d1 = min(days), max(days)
    # Pad the time axis so marks at either end are not drawn on the frame.
    pad = max(1, round((d1 - d0).days * 0.03))
    d0 = date.fromordinal(max(1, d0.toordinal() - pad))
    d1 = date.fromordinal(min(date.max.toordinal(), d1.toordinal() + pad))
    highs = [max(v for v in (p.value, p.low, p.high) if v is not None) for p, _ in drawable]
    lows = [min(v for v in (p.value, p.low, p.high) if v is not None) for p, _ in drawable]
    positive = [v for v in highs + lows if v > 0]
    mode = scale if scale in SCALES else "auto"
    if mode == "log" and not positive:
        mode = "linear"
    ceiling: float | None = None
    if mode == "auto":
        mode = "linear"
        if len(highs) >= 3:
            p90 = _percentile(highs, 0.9)
            if p90 > 0 and max(highs) > CLIP_RATIO * p90:
                ceiling = p90 * 1.25
                mode = "clipped"
    nticks = 4 if compact else 5
    if mode == "log":
        lo_exp = math.floor(math.log10(min(positive)))
        hi_exp = max(lo_exp + 1, math.ceil(math.log10(max(positive))))
        vmin, vmax = 10.0 ** lo_exp, 10.0 ** hi_exp
        step = 0.0
    else:
        vmin = min(0.0, min(lows))
        top_v = ceiling if ceiling is not None else max(highs)
        step = _nice_step((top_v - vmin) or 1.0, nticks)
        vmax = math.ceil(top_v / step) * step if top_v > 0 else step
        if vmax <= vmin:
            vmax = vmin + step

    def x_of(d: date) -> float:
        return left + pw * (d.toordinal() - d0.toordinal()) / (d1.toordinal() - d0.toordinal())

    def y_of(v: float) -> float:
        if mode == "log":
            lv = math.log10(v) if v > 0 else math.log10(vmin)
            frac = (lv - math.log10(vmin)) / (math.log10(vmax) - math.log10(vmin))
        else:
            frac = (v - vmin) / (vmax - vmin)
        return top + ph * (1 - min(1.0, max(0.0, frac)))

    # Points on the same day and value would hide each other: fan them out sideways a little.
    seen: dict[tuple[date, float], int] = {}
    marks: list[Mark] = []
    for p, d in sorted(drawable, key=lambda pd: (pd[1], pd[0].value or 0, pd[0].id)):
        v = _display_value(p)
        k = seen.get((d, v), 0)
        seen[(d, v)] = k + 1
        dx = (k + 1) // 2 * 7 * (1 if k % 2 else -1)
        clipped = mode == "clipped" and v > vmax
        x, y = x_of(d) + dx, y_of(v)
        bar = None
        if p.low is not None and p.high is not None and p.low != p.high:
            # Top of the bar first, whichever way round a bad record gives low and high.
            bar = (y_of(max(p.low, p.high)), y_of(min(p.low, p.high)))
        lg = legend[p.claimant]
        flags = [f for f in FLAGS if f in p.flags]
        drawn = [f for f in flags if f in FLAG_BADGE]
        badges = [(i * 10.0 - (len(drawn) - 1) * 5.0, FLAG_BADGE[f], f)
                  for i, f in enumerate(drawn)]
        label = (f"{fmt_value(p)} on {d.isoformat()} — claimant: {p.claimant or 'none named'}"
                 f" ({lg.letter}); outlet: {p.outlet or 'unknown'}"
                 + (f"; flags: {', '.join(f.replace('_', ' ') for f in flags)}" if flags else "")
                 + ("; above the top of the chart" if clipped else "")
                 + (f". “{p.sentence}”" if p.sentence else ""))
        marks.append(Mark(p, round(x, 1), round(y, 1), lg.shape, lg.path, lg.colour, lg.letter,
                          (round(bar[0], 1), round(bar[1], 1)) if bar else None, badges, label,
                          hollow="echo" in flags, key=lg.key, clipped=clipped))

    # One line per claimant, in date order, through its points that are not outliers or
    # echoes (an echo repeats an earlier report; an outlier is what the line should not follow).
    lines = []
    for lg in legend.values():
        own = [m for m in marks if m.key == lg.key
               and not {"outlier", "echo"} & set(m.point.flags)]
        own.sort(key=lambda m: (m.point.day or "", m.x))
        if len(own) >= 2 and lg.key != "cu":
            lines.append(Line(lg.key, lg.colour, " ".join(f"{m.x},{m.y}" for m in own)))

    yticks = []
    if mode == "log":
        e = math.log10(vmin)
        while e <= math.log10(vmax) + 1e-9:
            yticks.append(Tick(round(y_of(10.0 ** e), 1),
                               (fmt_short if compact else fmt_num)(10.0 ** e)))
            e += 1
    else:
        t = vmin
        while t <= vmax + step / 2:
            yticks.append(Tick(round(y_of(t), 1), (fmt_short if compact else fmt_num)(t)))
            t += step
    short = (d1 - d0).days <= 120
    xticks = [Tick(round(x_of(d), 1), d.strftime("%d %b" if compact else "%d %b %Y") if short
                   else d.strftime("%b %y" if compact else "%b %Y"))
              for d in _date_ticks(d0, d1, 3 if compact else 6)]
    vals = [m.point for m in marks]
    first, last = marks[0], marks[-1]
    n_clipped = sum(1 for m in marks if m.clipped)
    summary = (f"{len(marks)} point(s) from {first.point.day} to {last.point.day}; "
               f"values from {fmt_num(min(lows))} to {fmt_num(max(highs))}; "
               f"first {fmt_value(first.point)}, last {fmt_value(last.point)}; claimants: "
               + "; ".join(f"{e.letter} = {e.name} ({e.count})" for e in legend.values())
               + (f"; {skipped} undated point(s) in the table only" if skipped else "")
               + (f"; {n_clipped} point(s) above the top of the axis (clipped)"
                  if n_clipped else "")
               + ("; logarithmic scale" if mode == "log" else "")
               + f"; flagged: {sum(1 for p in vals if p.flags)}.")
    return Chart(width, height, left, right, top, bottom, marks, xticks, yticks,
                 list(legend.values()), skipped, summary, lines, mode, n_clipped, y_title,
                 compact=compact)


# The downloaded SVG carries its own look (the page's stylesheet does not travel with it).
STANDALONE_CSS = """
text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; fill: #444; }
.grid { stroke: #eee; } .base { stroke: #888; }
.axis-title { font-size: 12px; fill: #222; } .source { font-size: 10px; fill: #666; }
.claimant-line { fill: none; stroke-width: 1.5; opacity: .6; }
.shape { stroke-width: 1.5; } .hit { fill: none; }
.range, .range-cap { stroke-width: 2.5; opacity: .55; }
.ring { fill: none; stroke: #a4161a; stroke-width: 1.5; stroke-dasharray: 3 2; }
.flag-outlier .ring { stroke: #7b2cbf; }
.badge { font-size: 10px; font-weight: 700; fill: #222; }
.badge-conflict { fill: #a4161a; } .badge-outlier { fill: #7b2cbf; }
.clip-label { font-size: 10px; font-weight: 700; fill: #a4161a; }
"""
