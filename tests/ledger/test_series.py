"""Series keys and flags: grouping, canonical claimants, echo/corroboration/update/revision/
conflict/outlier, each naming its related points."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from newsledger.actors import canonical_actor
from newsledger.ledger import Ledger
from newsledger.ledger.series import (compute_flags, interval, place_of, series_key, subject_of,
                                      subject_of_figure, summarize, unflagged_falls)
from newsledger.ledger.similarity import jaccard, signature, similarity
from newsledger.ledger.synthetic import make_record
from newsledger.record import Figure, Span


@pytest.mark.parametrize("counts,metric,subject", [
    ("people killed in Gaza", "killed", "people"),
    ("Palestinians killed since October 7", "killed", "people"),
    ("soldiers killed during the ground offensive", "killed", "soldiers"),
    ("terror operatives killed in battle", "killed", "militants"),
    ("children killed in the strike", "killed", "children"),
    ("aid workers killed", "killed", "aid workers"),
    ("hostages remaining in Gaza", "hostages_held", "hostages"),
    (None, "hostages_held", "hostages"),        # metric default
    ("remaining in Gaza", "hostages_held", "hostages"),
    ("killed", "killed", "people"),             # nothing named: people
    ("deaths of food aid workers", "killed", "aid workers"),  # a weak word yields
    ("deaths of more of its soldiers", "killed", "soldiers"),
    ("deaths in Gaza", "killed", "people"),
    ("death toll", "killed", "people"),
    ("trucks of aid entering", "aid_trucks", "trucks"),
])
def test_subject_of(counts: str | None, metric: str, subject: str) -> None:
    assert subject_of(counts, metric) == subject


@pytest.mark.parametrize("span,unit,subject", [
    # A subgroup written with its own noun gets its own series, not the main toll's.
    ("More than 130 staff", None, "staff"),
    ("42 members", None, "members"),
    ("7 UN workers", None, "aid workers"),      # two-word subject phrase
    ("seven food aid workers", None, "aid workers"),  # a number word
    ("5 IDF soldiers", None, "soldiers"),
    # Nouns that are the main toll, or say nothing about what is counted: from `counts`.
    ("20,000 Palestinians", None, "people"),
    ("about 30,000 deaths", None, "people"),
    ("At least 126", None, "people"),
    ("15,899", None, "people"),
    ("30,000 more", None, "people"),
    ("2 million people", None, "people"),
    ("dozens of Palestinians", None, "people"),  # no digit: the counts phrase decides
    ("1,000 tonnes", "tonnes", "people"),       # a unit is not a subject
])
def test_subject_of_figure_prefers_the_noun_written_with_the_number(
        span: str, unit: str | None, subject: str) -> None:
    assert subject_of_figure(span, "people killed in Gaza", "killed", unit) == subject


@pytest.mark.parametrize("place,counts,expected", [
    ("Gaza", None, "Gaza"),
    ("the Gaza Strip", None, "Gaza"),
    ("Gaza Strip", None, "Gaza"),
    ("the occupied West Bank", None, "West Bank"),
    (None, "people killed in Gaza since October", "Gaza"),
    (None, "people killed in Gaza City", "Gaza City"),
    (None, "people killed on October 7", None),  # no place named
    (None, None, None),
    ("Kharkiv", None, "Kharkiv"),               # unknown places kept as written
    # A place after a locative word is where; a place that acts is not.
    (None, "people killed since Israel launched its offensive in Gaza", "Gaza"),
    (None, "people killed since Israel began its campaign", None),
    (None, "people killed since Israel's offensive began", None),
    (None, "people in southern Israel killed by Hamas", "Israel"),
    (None, "killed in Rafah and Gaza", "Rafah"),
])
def test_place_of(place: str | None, counts: str | None, expected: str | None) -> None:
    assert place_of(place, counts) == expected


def fig(metric: str = "killed", counts: str | None = "people killed in Gaza",
        place: str | None = "Gaza", cumulative: bool | None = True) -> Figure:
    return Figure(Span.of("34,000", 0, 6), 34000, metric=metric, counts=counts, place=place,
                  cumulative=cumulative)


def test_series_key() -> None:
    k = series_key(fig())
    assert k is not None and k.id == "killed:people:gaza:cumulative"
    assert k.name == "people killed in Gaza (cumulative)"
    assert series_key(fig(place="the Gaza Strip")) == k
    assert series_key(fig(cumulative=False)).id == "killed:people:gaza:per-event"
    assert series_key(fig(counts="soldiers killed", place=None)).id == \
        "killed:soldiers:anywhere:cumulative"
    assert series_key(fig(metric="other")) is None
    assert series_key(fig(metric="weapons", counts="rockets fired", place=None,
                          cumulative=False)).name == "weapons (per event)"
    assert series_key(fig(metric="hostages_held", counts="hostages held in Gaza")).name == \
        "hostages held in Gaza (cumulative)"


@pytest.mark.parametrize("metric,cumulative,as_of,published,expected", [
    ("killed", True, None, None, True),
    ("killed", False, "2024-05-10", "2024-05-10", False),       # the extractor decides
    # Unknown, even reported as of publication ("45 people have been killed in central Gaza"
    # after one strike): per event; the extractor marks the tolls it can tell (issue 15).
    ("killed", None, "2024-05-10", "2024-05-10", False),
    ("killed", None, "2024-05-07", "2024-05-10", False),        # killed on a given day
    ("killed", None, None, "2024-05-10", False),
    ("hostages_held", None, None, None, True),                  # a stock
    ("aid_trucks", None, "2024-05-10", "2024-05-10", False),
])
def test_cumulative_when_unknown(metric: str, cumulative: bool | None, as_of: str | None,
                                 published: str | None, expected: bool) -> None:
    f = fig(metric=metric, cumulative=cumulative)
    f.as_of = as_of
    assert series_key(f, published).cumulative is expected


@pytest.mark.parametrize("names,canonical", [
    (["Gaza health ministry", "Hamas-run health ministry", "Ministry of Health in Gaza",
      "the Hamas-run Health Ministry", "Gaza's health ministry"], "Gaza health ministry"),
    (["IDF", "Israeli military", "Israel Defense Forces", "the IDF", "Israeli army"],
     "Israel Defense Forces"),
    (["AP", "Associated Press", "The Associated Press"], "The Associated Press"),
])
def test_canonical_claimants(names: list[str], canonical: str) -> None:
    assert {canonical_actor(n) for n in names} == {canonical}


def test_pronoun_claimants_are_unattributed() -> None:
    # series.py places a figure by the ledger's canonical claimant (claimants.claimant_of).
    from newsledger.ledger.claimants import claimant_of
    from newsledger.record import Speaker

    f = fig()
    for junk in ("it", "It", "This post", "statement"):
        f.claimant = Speaker(None, junk)
        assert claimant_of(f) is None, junk
    f.claimant = Speaker(None, "Palestinian health officials")
    assert claimant_of(f) == "Gaza health ministry"
    f.claimant = None
    assert claimant_of(f) is None


def test_unknown_claimants_stay_apart() -> None:
    assert canonical_actor("Palestinian Red Crescent") != canonical_actor("Gaza health ministry")
    assert canonical_actor("Hamas") != canonical_actor("Gaza health ministry")


# --- flags on plain point dicts ---------------------------------------------------------------

_ids = iter(range(1, 10_000))


def pt(value: float | None, date: str | None, claimant: str | None = "MoH",
       outlet: str = "AP", article: int | None = None, wire: list[str] | None = None,
       sig: bytes | None = None, approx: str = "exact", **kw: Any) -> dict[str, Any]:
    i = next(_ids)
    return {"id": i, "value": value, "low": kw.get("low"), "high": kw.get("high"),
            "approx": approx, "date": date, "published": date, "claimant": claimant,
            "outlet": outlet, "article": article or i, "wire": wire or [], "sig": sig}


def flags_of(points: list[dict[str, Any]], cumulative: bool = True) -> dict[int, dict[str, Any]]:
    out = compute_flags(points, cumulative)
    return {p["id"]: {f["flag"]: f["related"] for f in p["flags"]} for p in out}


COPY = ("GAZA CITY (AP) — More than 34,000 Palestinians have been killed in the Gaza Strip since "
        "the war began, according to the territory's Health Ministry, which does not "
        "distinguish between civilians and combatants in its count.")


def test_echo_by_wire_credit_and_by_near_copy() -> None:
    a = pt(34000, "2024-05-01", outlet="The Associated Press")
    b = pt(34000, "2024-05-02", outlet="NPR", wire=["The Associated Press"])   # credits AP
    c = pt(34000, "2024-05-02", outlet="BBC", sig=signature(COPY))
    d = pt(34000, "2024-05-03", outlet="Guardian",
           sig=signature(COPY.replace("GAZA CITY (AP) — ", "")))               # near-copy of c
    f = flags_of([d, c, b, a])  # input order does not matter
    assert f[b["id"]] == {"echo": [a["id"]]}
    assert "echo" not in f[c["id"]] and f[c["id"]]["corroboration"] == [a["id"]]
    assert f[d["id"]] == {"echo": [c["id"]]}
    out = compute_flags([a, b, c, d], True)
    origins = {p["origin"] for p in out}
    assert origins == {a["id"], c["id"]}   # echoes count once
    assert summarize(out)["origins"] == 2


def test_no_echo_without_copy_or_wire_or_with_other_claimant() -> None:
    a = pt(34000, "2024-05-01", outlet="BBC", sig=signature(COPY))
    b = pt(34000, "2024-05-02", outlet="CNN",
           sig=signature("Gaza's health authorities put the death toll at 34,000 on Thursday "
                         "as Israeli strikes continued across Rafah and the centre."))
    c = pt(34000, "2024-05-02", claimant="UN", outlet="BBC", sig=signature(COPY))
    f = flags_of([a, b, c])
    assert "echo" not in f[b["id"]] and f[b["id"]]["corroboration"] == [a["id"]]
    assert "echo" not in f[c["id"]]           # same text, but another claimant
    # the same outlet repeating the same claimant's number is neither echo nor corroboration
    d = pt(34000, "2024-05-03", outlet="BBC")
    assert flags_of([a, d])[d["id"]] == {}


def test_update_revision_down_and_the_invariant() -> None:
    pts = [pt(30000, "2024-04-01"), pt(31250, "2024-04-05"), pt(30480, "2024-04-09"),
           pt(32000, "2024-04-12")]
    f = flags_of(pts)
    assert f[pts[1]["id"]] == {"update": [pts[0]["id"]]}
    assert f[pts[2]["id"]] == {"revision_down": [pts[1]["id"]]}
    assert f[pts[3]["id"]] == {"update": [pts[2]["id"]]}
    assert unflagged_falls(compute_flags(pts, True)) == []
    # per-event series: no trend flags
    assert all(not v for v in flags_of([dict(p) for p in pts], cumulative=False).values())


def test_a_lower_number_that_allows_the_earlier_one_is_a_restatement() -> None:
    a = pt(34735, "2024-05-06", approx="at_least")
    b = pt(34600, "2024-05-07", approx="more_than")  # allows 34,735: a restatement
    c = pt(34000, "2024-05-08")                       # a round thousand: 33,500–35,000
    d = pt(30000, "2024-05-09")                       # 29,500–31,000: a real fall
    e = pt(35100, "2024-05-10")
    out = {p["id"]: p for p in compute_flags([a, b, c, d, e], True)}
    assert out[b["id"]]["flags"] == [] and out[c["id"]]["flags"] == []
    [fd] = out[d["id"]]["flags"]
    # compared with the last point that was not a restatement
    assert fd["flag"] == "revision_down" and fd["related"] == [a["id"]]
    [fe] = out[e["id"]]["flags"]
    assert fe["flag"] == "update" and fe["related"] == [d["id"]]
    assert unflagged_falls(list(out.values())) == []


@pytest.mark.parametrize("value,approx,allowed", [
    (15000, "exact", (14500, 16000)),   # a round thousand: rounded or cut down
    (15523, "exact", (15523, 15523)),
    (500, "exact", (500, 500)),          # small numbers are what they say
    (34000, "more_than", (34000, float("inf"))),
])
def test_interval_reads_round_thousands_as_rounded(value: float, approx: str,
                                                   allowed: tuple[float, float]) -> None:
    assert interval({"value": value, "approx": approx}) == allowed


def test_conflict_within_one_day_only() -> None:
    a = pt(34000, "2024-05-01", claimant="Gaza health ministry")
    b = pt(20000, "2024-05-02", claimant="Israel Defense Forces")
    c = pt(10000, "2024-05-05", claimant="United Nations")
    d = pt(34000, "2024-05-02", claimant="Israel Defense Forces", approx="about")  # compatible
    f = flags_of([a, b, c, d])
    assert f[a["id"]]["conflict"] == [b["id"]]
    assert f[b["id"]]["conflict"] == [a["id"]]
    assert "conflict" not in f[c["id"]]
    assert "conflict" not in f[d["id"]]
    assert "revision_down" in f[c["id"]]  # falls 3 days later: a revision, not a conflict


def test_range_and_more_than_compatibility() -> None:
    a = pt(34000, "2024-05-01", claimant="A", approx="more_than")
    b = pt(None, "2024-05-01", claimant="B", approx="range", low=35000, high=36000)
    c = pt(None, "2024-05-01", claimant="C", approx="range", low=20000, high=25000)
    f = flags_of([a, b, c])
    assert "conflict" not in f[b["id"]] or c["id"] in f[b["id"]]["conflict"]
    assert a["id"] not in f[b["id"]].get("conflict", [])
    assert set(f[c["id"]]["conflict"]) == {a["id"], b["id"]}


def test_outlier_in_cumulative_series() -> None:
    vals = [30000, 30200, 30400, 27, 30600, 30800, 31000]
    pts = [pt(v, f"2024-04-{i + 1:02d}") for i, v in enumerate(vals)]
    f = flags_of(pts)
    odd = pts[3]["id"]
    assert "outlier" in f[odd] and len(f[odd]["outlier"]) >= 3
    assert [i for i, fl in f.items() if "outlier" in fl] == [odd]
    # the point after the outlier compares with the last sound one: an update, no revision
    assert f[pts[4]["id"]] == {"update": [pts[2]["id"]]}


def test_unattributed_points_are_judged_against_the_whole_series() -> None:
    # The ministry's toll, with stray unattributed numbers around it: a bare "22,438" that
    # matches the toll is no outlier, however odd the other unattributed points are.
    ministry = [pt(v, f"2024-01-{d:02d}") for v, d in ((21000, 1), (21500, 3), (22438, 5),
                                                        (23000, 7), (23500, 9))]
    stray = [pt(45, "2024-01-02", claimant=None), pt(100, "2024-01-04", claimant=None),
             pt(22438, "2024-01-05", claimant=None), pt(60, "2024-01-08", claimant=None)]
    f = flags_of(ministry + stray)
    assert "outlier" not in f[stray[2]["id"]]
    assert all("outlier" in f[p["id"]] for p in (stray[0], stray[1], stray[3]))
    assert all("outlier" not in f[p["id"]] for p in ministry)


def test_a_stray_subgroup_count_is_an_outlier_not_a_conflict() -> None:
    ministry = [pt(v, f"2024-01-{d:02d}", claimant="MoH") for v, d in (
        (21000, 1), (21500, 3), (22000, 5), (22500, 7), (23000, 9))]
    idf = pt(4, "2024-01-05", claimant="IDF")          # "four announced dead": a stray
    un = pt(9000, "2024-01-05", claimant="UN")         # a rival count: 2.4x lower, kept
    f = flags_of(ministry + [idf, un])
    assert "outlier" in f[idf["id"]] and "conflict" not in f[idf["id"]]
    assert idf["id"] not in f[ministry[2]["id"]].get("conflict", [])
    assert "outlier" not in f[un["id"]] and ministry[2]["id"] in f[un["id"]]["conflict"]


def test_outlier_per_event() -> None:
    vals = [3, 5, 4, 6, 2, 5, 4, 3, 90000]
    pts = [pt(v, f"2024-04-{i + 1:02d}", outlet=f"o{i}") for i, v in enumerate(vals)]
    f = flags_of(pts, cumulative=False)
    assert [i for i, fl in f.items() if "outlier" in fl] == [pts[-1]["id"]]


def test_undated_and_valueless_points_do_not_break() -> None:
    pts = [pt(None, None), pt(5, None), pt(None, "2024-01-01"), pt(7, "2024-01-02", claimant=None)]
    out = compute_flags(pts, True)
    assert len(out) == 4 and [p["ord"] for p in out] == [0, 1, 2, 3]
    assert summarize(out)["points"] == 4


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 100_000),
                          st.sampled_from(["A", "B", None]), st.sampled_from(["AP", "BBC"]),
                          st.sampled_from(["exact", "more_than", "about"])),
                min_size=1, max_size=40))
def test_flags_are_consistent(rows: list[tuple[int, int, str | None, str, str]]) -> None:
    pts = [pt(v, f"2024-01-{d % 28 + 1:02d}", claimant=c, outlet=o, approx=a)
           for d, v, c, o, a in rows]
    out = compute_flags(pts, True)
    ids = {p["id"] for p in out}
    assert len(out) == len(pts)
    for p in out:
        for f in p["flags"]:
            assert f["related"] or f["flag"] == "outlier"
            assert set(f["related"]) <= ids and p["id"] not in f["related"]
        assert p["origin"] in ids
    # cumulative values never fall without revision_down or conflict (outliers aside)
    assert unflagged_falls(out) == []


def test_a_fall_below_an_earlier_lower_bound_is_a_revision_whatever_came_before() -> None:
    """#18: "some 800,000" after "more than a million" is a revision, even when "up to 1.4
    million" (the reference for updates) came first; restating within bounds is not."""
    a = pt(1_400_000, "2024-03-01", approx="up_to")
    b = pt(1_000_000, "2024-03-02", approx="more_than")
    c = pt(800_000, "2024-03-03", approx="about")
    out = flags_of([a, b, c])
    assert "revision_down" not in out[b["id"]]
    assert out[c["id"]].get("revision_down") == [b["id"]]
    a2 = pt(1_400_000, "2024-03-01", approx="up_to")
    b2 = pt(1_000_000, "2024-03-02", approx="more_than")
    c2 = pt(1_050_000, "2024-03-03", approx="about")  # allows more than a million
    d2 = pt(None, "2024-03-04", approx="range", low=1_000_000, high=1_300_000)
    out = flags_of([a2, b2, c2, d2])
    assert not {"revision_down"} & (set(out[c2["id"]]) | set(out[d2["id"]]))
    # after a revision, the revised figure is the floor: 810,000 later is no second revision
    e = pt(810_000, "2024-03-04")
    out = flags_of([a, b, c, e])
    assert "revision_down" not in out[e["id"]]


_BOUNDED = st.one_of(
    st.tuples(st.sampled_from(["exact", "up_to", "at_least", "more_than", "less_than", "about"]),
              st.one_of(st.integers(620, 1_200).map(lambda k: k * 1000),
                        st.integers(620_000, 1_200_000))).map(lambda t: (t[0], t[1], None, None)),
    st.tuples(st.integers(620_000, 1_150_000), st.integers(1_000, 50_000)).map(
        lambda t: ("range", None, t[0], t[0] + t[1])))


@settings(max_examples=150, deadline=None)
@given(st.lists(_BOUNDED, min_size=1, max_size=4), _BOUNDED)
def test_a_value_below_the_lowest_value_earlier_points_allow_is_a_revision(
        earlier: list[tuple[str, int | None, int | None, int | None]],
        last: tuple[str, int | None, int | None, int | None]) -> None:
    """Mixed bounds (up to, at least, more than, less than, about, ranges, exact): in a
    consistent cumulative series (each point allows the lowest value the points before it
    allow), the next point is ``revision_down`` exactly when it is incompatible with that
    lowest value (its interval lies below it); a restatement within bounds gets no flag.
    (Values stay within a factor of two, so that no point is an outlier.)"""
    def make(k: int, a: tuple[str, int | None, int | None, int | None]) -> dict[str, Any]:
        approx, v, lo, hi = a
        return pt(v, f"2024-04-{k + 1:02d}", approx=approx, low=lo, high=hi, outlet=f"o{k}")

    pts = [make(k, a) for k, a in enumerate(earlier + [last])]
    ivs = [interval(p) for p in pts]
    assert all(iv is not None for iv in ivs)
    floor = -1.0
    for iv in ivs[:-1]:
        assume(iv[1] >= floor)  # type: ignore[index]  # the earlier points agree
        floor = max(floor, iv[0])  # type: ignore[index]
    out = flags_of(pts)
    assert all("outlier" not in f for f in out.values())
    assert all("revision_down" not in out[p["id"]] for p in pts[:-1])
    assert ("revision_down" in out[pts[-1]["id"]]) == (ivs[-1][1] < floor)  # type: ignore[index]


@pytest.mark.parametrize("text,figure,sentence", [
    ("Intro\nThe war goes on. At least 34,971 people have been killed, the ministry says. Next.",
     "At least 34,971 people", "At least 34,971 people have been killed, the ministry says."),
    ("Crossings closed.At least 5 people died. More later.", "5 people", "At least 5 people died."),
    ("U.S. officials said 5 people died in the strike. Then more.", "5 people",
     "U.S. officials said 5 people died in the strike."),
    ("No full stop anywhere 12 people killed", "12 people",
     "No full stop anywhere 12 people killed"),
])
def test_passage_is_the_sentence(text: str, figure: str, sentence: str) -> None:
    from newsledger.ledger.similarity import passage_bounds

    i = text.index(figure)
    lo, hi = passage_bounds(text, [], i, i + len(figure))
    assert text[lo:hi] == sentence


def test_similarity_estimates_jaccard() -> None:
    other = ("Ukraine said on Tuesday that Russian forces had launched a large drone attack on "
             "the Kharkiv region overnight, damaging power lines and a school building.")
    assert similarity(signature(COPY), signature(COPY)) == 1.0
    assert similarity(signature(COPY), signature(other)) < 0.2
    near = COPY.replace("since the war began", "since the war started")
    exact = jaccard(COPY, near)
    assert abs(similarity(signature(COPY), signature(near)) - exact) < 0.3
    assert signature("") is None and similarity(None, signature(COPY)) == 0.0


def test_flags_end_to_end_with_canonical_claimants(tmp_path: Path) -> None:
    recs = [
        make_record("ap1", "2024-05-01", [(34000, "killed", "Gaza",
                                           "the Hamas-run health ministry", True)],
                    outlet="AP", wire="AP"),
        make_record("npr1", "2024-05-01", [(34000, "killed", "Gaza",
                                            "the Ministry of Health in Gaza", True)],
                    outlet="NPR", wire="AP"),
        make_record("bbc1", "2024-05-02", [(34000, "killed", "the Gaza Strip",
                                            "Gaza's health ministry", True)], outlet="BBC",
                    filler="Live updates from the region as talks continue in Cairo. "),
        make_record("bbc2", "2024-05-08", [(34700, "killed", "Gaza", "the health ministry",
                                            True)], outlet="BBC"),
        make_record("idf1", "2024-05-08", [(13000, "killed", "Gaza", "the Israeli military",
                                            True)], outlet="Reuters"),
    ]
    with Ledger(tmp_path / "l.sqlite") as led:
        led.ingest_records(recs)
        [s] = led.series()
        assert s["id"] == "killed:people:gaza:cumulative"
        assert dict(s["claimants"]) == {"Gaza health ministry": 4, "Israel Defense Forces": 1}
        assert s["flags"]["echo"] == 1 and s["flags"]["corroboration"] == 1
        assert s["flags"]["update"] == 1 and s["flags"]["conflict"] == 2
        assert s["origins"] == 4
        pts = {p["article_id"]: p for p in led.points(s["id"])}
        assert pts["npr1"]["flags"][0]["related"] == [pts["ap1"]["id"]]
        assert pts["npr1"]["origin_id"] == pts["ap1"]["id"]
        assert {f["flag"] for f in pts["idf1"]["flags"]} >= {"conflict"}
        ministry = led.series(claimant="Hamas-run health ministry")[0]
        assert ministry["points"] == 4 and ministry["latest_value"] == 34700


def test_latest_is_the_newest_point_dated_by_its_text() -> None:
    # "the toll had exceeded 15,200", undated in its text: published last, yet not the latest
    a = pt(15000, "2023-12-01")
    b = pt(15523, "2023-12-03")
    c = pt(15200, "2023-12-05")
    for p, as_of in ((a, "2023-12-01"), (b, "2023-12-03"), (c, None)):
        p["as_of"] = as_of
    s = summarize(compute_flags([a, b, c], True))
    assert s["latest_id"] == b["id"], s
    # with no point dated by its text, the newest one is still the latest
    for p in (a, b):
        p["as_of"] = None
    assert summarize(compute_flags([a, b, c], True))["latest_id"] == c["id"]
