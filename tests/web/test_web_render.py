"""The pieces of the web view that need no server: span highlighting and chart layout."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.record import Record, Span
from newsledger.web.chart import ChartPoint, layout
from newsledger.web.highlight import Annotation, highlight, letters, render
from newsledger.web.store import sentence_around
from tests.web.web_fixtures import XSS_IMG, XSS_SCRIPT, gaza_records, xss_record

_TAG = re.compile(r"<[^>]*>")


class _Nesting(HTMLParser):
    """Fails on a close tag that does not match the innermost open one."""

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and "a" in self.stack:
            self.bad.append("nested <a>")
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1] != tag:
            self.bad.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()


def _check(text: str, anns: list[Annotation]) -> str:
    out = str(render(text, anns))
    p = _Nesting()
    p.feed(out)
    p.close()
    assert not p.bad and not p.stack, (p.bad, p.stack, out)
    # Every character comes out exactly once, in order, escaped.
    assert html.unescape(_TAG.sub("", out)) == text
    return out


def test_nested_and_crossing_spans_stay_well_formed() -> None:
    text = "abcdefghij"
    anns = [Annotation(0, 6, "quote", "q"), Annotation(4, 9, "figure", "f", href="/x"),
            Annotation(2, 3, "time", "t"), Annotation(8, 10, "source", "s"),
            Annotation(4, 9, "figure", "g", href="/y")]
    out = _check(text, anns)
    assert out.count('href="/x"') >= 1 and 'href="/y"' not in out  # no <a> inside <a>


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet="ab<>&\"' \n“”", min_size=1, max_size=40), st.data())
def test_any_spans_render_to_well_formed_escaped_html(text: str, data: st.DataObject) -> None:
    n = len(text)
    kinds = ["quote", "figure", "time", "source", "block", "speaker"]
    anns = []
    for _ in range(data.draw(st.integers(0, 6))):
        s = data.draw(st.integers(0, n - 1))
        e = data.draw(st.integers(s + 1, n))
        k = data.draw(st.sampled_from(kinds))
        anns.append(Annotation(s, e, k, f"hl-{k}", href="/p" if k == "figure" else None,
                               anchor=f"{k}-{s}"))
    _check(text, anns)


def test_record_highlights_carry_kind_speaker_and_anchor() -> None:
    rec = gaza_records()[0]
    body, labels = highlight(rec, {0: "/series/s#point-1"}, target_figure=0)
    out = str(body)
    assert '<a class="hl hl-figure target" id="fig-0" href="/series/s#point-1"' in out
    assert 'class="hl hl-quote q-direct c0" id="quote-0" data-speaker="A"' in out
    assert 'class="hl hl-time" id="time-0"' in out
    assert 'class="hl hl-source" id="src-0"' in out
    assert labels["John Smith"].letter == "A" and labels["John Smith"].count == 1


def test_highlight_escapes_text_and_attribute_values() -> None:
    rec = xss_record()
    out = str(highlight(rec)[0])
    assert "<script" not in out and "<img" not in out
    assert html.escape(XSS_SCRIPT, quote=False) in out
    # The claimant name lands in a title attribute: its quote must not end the attribute.
    assert 'onerror=alert(1)&gt;' in out and '"><img' not in out
    assert XSS_IMG not in out


def test_spans_outside_the_text_are_dropped_not_raised() -> None:
    rec = Record(id="r", text="short")
    from newsledger.record import TimeExpr

    rec.times.append(TimeExpr(Span(2, 99, "x"), "DATE", None))
    assert str(highlight(rec)[0]) == "short"


def test_letters_go_past_z() -> None:
    assert [letters(i) for i in (0, 25, 26, 27)] == ["A", "Z", "AA", "AB"]


def _pt(i: int, day: str | None, v: float | None, who: str | None = "A", **kw: object
        ) -> ChartPoint:
    return ChartPoint(str(i), day, v, claimant=who, **kw)  # type: ignore[arg-type]


def test_chart_has_one_mark_per_dated_valued_point() -> None:
    pts = [_pt(1, "2024-04-01", 10), _pt(2, "2024-04-02", 20, "B"), _pt(3, None, 5),
           _pt(4, "2024-04-03", None), _pt(5, "2024-04-03", None, low=3, high=9)]
    ch = layout(pts)
    assert [m.point.id for m in ch.marks] == ["1", "2", "5"]
    assert ch.skipped == 2
    assert "2 undated point(s)" in ch.summary
    bar = ch.marks[-1].bar
    assert bar is not None and bar[0] < bar[1]  # high is drawn above low
    # Claimants differ by colour AND shape AND letter.
    a, b = ch.legend[0], ch.legend[1]
    assert (a.colour, a.shape, a.letter) != (b.colour, b.shape, b.letter)
    assert a.shape != b.shape and a.letter != b.letter


def test_chart_orders_by_time_and_scales_values() -> None:
    ch = layout([_pt(1, "2024-05-01", 300), _pt(2, "2024-04-01", 100)])
    first, second = ch.marks
    assert first.point.id == "2" and first.x < second.x and first.y > second.y
    assert all(ch.top <= m.y <= ch.height - ch.bottom for m in ch.marks)


def test_chart_same_day_same_value_points_do_not_overlap() -> None:
    ch = layout([_pt(i, "2024-04-01", 50) for i in range(3)])
    assert len({m.x for m in ch.marks}) == 3


def test_chart_flags_become_badges_and_echo_is_hollow() -> None:
    ch = layout([_pt(1, "2024-04-01", 10, flags=["echo", "conflict"])])
    m = ch.marks[0]
    assert [b[2] for b in m.badges] == ["echo", "conflict"] and m.hollow
    assert "flags: echo, conflict" in m.label


def test_chart_without_drawable_points_explains_itself() -> None:
    ch = layout([_pt(1, None, 10)])
    assert ch.marks == [] and "No point" in ch.summary


def test_sentence_around_finds_the_sentence_of_the_span() -> None:
    text = "First one. The toll rose to 34,000 on Friday, officials said. Next sentence."
    s, e = text.index("34,000"), text.index("34,000") + 6
    assert sentence_around(text, s, e) == "The toll rose to 34,000 on Friday, officials said."
    long = "x " * 500 + "34 dead " + "y " * 500
    out = sentence_around(long, 1000, 1002, limit=100)
    assert "34 dead" in out and len(out) <= 102


_num = st.one_of(st.none(), st.floats(0, 1e9, allow_nan=False), st.integers(-5, 10**7))
_day = st.one_of(st.none(), st.dates().map(lambda d: d.isoformat()), st.just("not a date"),
                 st.sampled_from(["0001-01-01", "9999-12-31"]))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(_day, _num, _num, _num, st.sampled_from(["A", "B", None, "C"]),
                          st.lists(st.sampled_from(["echo", "update", "outlier", "x"]))),
                max_size=30))
def test_chart_layout_never_fails_and_stays_in_frame(rows: list[tuple]) -> None:  # type: ignore[type-arg]
    """Any points — undated, unparseable dates, year 1 or 9999, low above high, negative —
    lay out without raising, one mark per drawable point, inside the frame."""
    pts = [ChartPoint(str(i), d, v, lo, hi, claimant=c, flags=f)
           for i, (d, v, lo, hi, c, f) in enumerate(rows)]
    ch = layout(pts)
    drawable = [p for p in pts if p.day and p.day[:4].isdigit()
                and (p.value is not None or p.low is not None)]
    assert len(ch.marks) == len(drawable) and ch.skipped == len(pts) - len(drawable)
    for m in ch.marks:
        assert ch.top - 1 <= m.y <= ch.height - ch.bottom + 1
        if m.bar:
            assert ch.top - 1 <= m.bar[0] <= m.bar[1] + 0.2
    assert ch.summary
