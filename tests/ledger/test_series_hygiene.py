"""Series hygiene (issue 15): a cumulative toll's series holds only that toll. Per-event and
subgroup counts, forecasts, vague quantities and another side's victims go elsewhere (or
nowhere); a figure is dated when its claim held; "latest" is the newest by that date; outliers
are judged against comparable points only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from newsledger.ledger import Ledger
from newsledger.ledger.series import claim_date, compute_flags, is_forecast, series_key
from newsledger.record import Figure, Record, Span, Speaker, TimeExpr

TOLL = "killed:people:valdoria:cumulative"
OFFICE = "the Valdoria health office"


def fig(text: str, surface: str, value: float | None, counts: str, *, approx: str = "exact",
        low: float | None = None, high: float | None = None, cumulative: bool | None = True,
        place: str | None = "Valdoria", as_of: str | None = None, hedge: str | None = None,
        claimant: str | None = OFFICE, metric: str = "killed") -> Figure:
    s = text.index(surface)
    f = Figure(Span.of(text, s, s + len(surface)), value, low if low is not None else value,
               high, approx, None, counts, metric, None, [], as_of, place, cumulative)
    if hedge:
        h = text.index(hedge)
        f.hedges.append(Span.of(text, h, h + len(hedge)))
    if claimant and claimant in text:
        c = text.index(claimant)
        f.claimant = Speaker(Span.of(text, c, c + len(claimant)), "Valdoria health office")
    return f


def record(aid: str, published: str, text: str, figures: list[Figure],
           times: list[TimeExpr] | None = None) -> Record:
    return Record(id=aid, text=text, published=published, title=f"Report {aid}",
                  outlet="Kessel Tribune", figures=figures, times=times or [])


def corpus() -> list[Record]:
    out = []
    for k, (day, value) in enumerate([("2024-03-01", 6010), ("2024-03-06", 6120),
                                      ("2024-03-08", 6302), ("2024-03-12", 6480),
                                      ("2024-03-15", 6555)]):
        t = f"{OFFICE} says {value:,} people have been killed in Valdoria since the war began."
        out.append(record(f"t{k}", day, t, [fig(t, f"{value:,}", value,
                                                "people killed in Valdoria since the war began",
                                                as_of=day)]))
    # One event's dead, told the same day as a toll.
    t = f"{OFFICE} says 14 people were killed in a strike on a market."
    out.append(record("e1", "2024-03-08", t, [fig(t, "14", 14, "people killed in a strike",
                                                  cumulative=False, as_of="2024-03-08")]))
    # A subgroup with its whole.
    t = f"{OFFICE} says 6,480 people have been killed, 2,700 of them children."
    out.append(record("s1", "2024-03-12", t, [
        fig(t, "6,480", 6480, "people killed", as_of="2024-03-12"),
        fig(t, "2,700", 2700, "children among people killed", cumulative=None,
            as_of="2024-03-12"),
        ]))
    t = f"{OFFICE} says 3,000 more people have been killed, 2,500 of them."
    out.append(record("s2", "2024-03-12", t, [
        fig(t, "2,500", 2500, "among people killed", cumulative=None, as_of="2024-03-12")]))
    # A forecast, a vague quantity, another side's victims.
    t = f"{OFFICE} warned that 20,000 people could die of hunger."
    out.append(record("f1", "2024-03-14", t, [fig(t, "20,000", 20000, "people die of hunger",
                                                  cumulative=None, hedge="could")]))
    t = f"{OFFICE} says thousands of people have been killed in Valdoria."
    out.append(record("v1", "2024-03-14", t, [fig(t, "thousands of people", None,
                                                  "people killed in Valdoria", approx="vague",
                                                  low=2000, high=9999)]))
    t = "Kessel says 1,130 Kesselites were killed in the raid of 7 October."
    out.append(record("i1", "2024-03-14", t, [fig(t, "1,130 Kesselites", 1130,
                                                  "Kesselites killed in the raid",
                                                  claimant=None, as_of="2023-10-07")]))
    t = "Marnia says 1,200 Israelis have been killed since the war began."
    out.append(record("i2", "2024-03-14", t, [fig(t, "1,200 Israelis", 1200,
                                                  "Israelis killed since the war began",
                                                  claimant=None, as_of="2024-03-14")]))
    # A historical reference in a later article: the toll held in early March.
    t = f"In early March, when the toll already stood at 6,050, {OFFICE} stopped naming the dead."
    early = t.index("early March")
    out.append(record("h1", "2024-04-20", t, [fig(t, "6,050", 6050, "toll", as_of="2024-03")],
                      [TimeExpr(Span.of(t, early, early + len("early March")), "DATE",
                                "2024-03", "START")]))
    return out


@pytest.fixture(scope="module")
def ledger(tmp_path_factory: pytest.TempPathFactory) -> Any:
    path = Path(tmp_path_factory.mktemp("hygiene")) / "l.sqlite"
    with Ledger(path) as led:
        led.ingest_records(corpus())
        yield led


def test_the_toll_series_holds_only_the_toll(ledger: Any) -> None:
    pts = ledger.points(TOLL)
    values = sorted(p["value"] for p in pts)
    assert values == [6010, 6050, 6120, 6302, 6480, 6480, 6555]
    assert not {14, 2700, 2500, 20000, 1130, 1200} & set(values)
    assert all(p["approx"] != "vague" for p in pts)


def test_the_others_go_to_series_of_their_own(ledger: Any) -> None:
    ids = {s["id"] for s in ledger.series()}
    assert "killed:people:valdoria:per-event" in ids       # the market strike
    assert "killed:children:valdoria:per-event" in ids     # the subgroup, named
    assert "killed:people:valdoria:forecast" in ids        # "could die"
    assert any(i.startswith("killed:israelis:") for i in ids)
    toll_like = [i for i in ids if i.startswith("killed:people:") and i.endswith(":cumulative")]
    assert toll_like == [TOLL]


def test_latest_is_the_newest_claim_not_the_newest_article(ledger: Any) -> None:
    s = next(s for s in ledger.series() if s["id"] == TOLL)
    assert (s["latest_value"], s["latest_date"]) == (6555, "2024-03-15")
    hist = next(p for p in ledger.points(TOLL) if p["value"] == 6050)
    assert hist["date"] == "2024-03-05"  # early March, not the 2024-04-20 publication


def test_no_outlier_or_revision_among_consistent_points(ledger: Any) -> None:
    for p in ledger.points(TOLL):
        names = {f["flag"] for f in p["flags"]}
        assert not names & {"outlier", "revision_down"}, (p["value"], p["flags"])


def test_claim_date() -> None:
    assert claim_date("2024-03-12", "2024-04-01") == "2024-03-12"
    assert claim_date("2024-03-12TMO", "2024-04-01") == "2024-03-12"
    assert claim_date("2024-03", "2024-04-01", "START") == "2024-03-05"
    assert claim_date("2024-03", "2024-04-01", "END") == "2024-03-25"
    assert claim_date("2024-03", "2024-04-01") == "2024-03-15"
    assert claim_date("2024-W10", "2024-04-01") == "2024-03-07"
    assert claim_date(None, "2024-04-01") == "2024-04-01"
    assert claim_date("PAST_REF", "2024-04-01") == "2024-04-01"
    assert claim_date("2024-13", None) is None


def test_forecast_and_vague_keys() -> None:
    t = "Officials warned that 20,000 people could die."
    f = fig(t, "20,000", 20000, "people die", hedge="could", claimant=None)
    assert is_forecast(f)
    k = series_key(f)
    assert k is not None and k.id.endswith(":forecast") and not k.cumulative
    assert k.name.endswith("(forecast)")
    t = "Officials say dozens of people have been killed."
    assert series_key(fig(t, "dozens", None, "people killed", approx="vague", low=24,
                          claimant=None)) is None


def test_outliers_are_judged_against_comparable_points_only() -> None:
    # A vague "dozens" among a claimant's totals is no neighbour: the totals stay unflagged and
    # the vague point is not judged.
    pts: list[dict[str, Any]] = []
    for k, v in enumerate([15523, 15899, 16248, 17177, 17700, 18205]):
        pts.append({"id": k + 1, "value": v, "low": v, "high": None, "approx": "exact",
                    "date": f"2023-12-{k + 3:02d}", "published": f"2023-12-{k + 3:02d}",
                    "claimant": "office", "outlet": "a", "article": k + 1, "wire": [],
                    "sig": None})
    for k in range(3):
        pts.append({"id": 20 + k, "value": None, "low": 24, "high": None, "approx": "vague",
                    "date": "2023-12-04", "published": "2023-12-04", "claimant": "office",
                    "outlet": "b", "article": 20 + k, "wire": [], "sig": None})

    flagged = compute_flags(pts, True)
    assert not [p["id"] for p in flagged if any(f["flag"] == "outlier" for f in p["flags"])]


ARTICLES = [
    ("a1", "2024-03-01", "The Syria health office says 6,010 people have been killed in Syria "
     "since the war began."),
    ("a2", "2024-03-06", "The Syria health office says 6,120 people have been killed in Syria "
     "since the war began, 2,400 of them children."),
    ("a3", "2024-03-08", "The Syria health office says at least 14 people were killed in an air "
     "strike on a market in Syria on Friday."),
    ("a4", "2024-03-09", "Doctors in Syria warned that thousands more could die of disease, and "
     "the Syria health office says the toll may reach 9,000 by the summer."),
    ("a5", "2024-03-12", "The Syria health office says 6,480 people have been killed in Syria "
     "since the war began. An estimated one out of every 300 residents of Syria has been killed."),
    ("a6", "2024-04-20", "In early March, when the death toll in Syria already stood at 6,050, "
     "the Syria health office stopped naming the dead."),
]


@pytest.mark.slow  # loads the model and extracts six articles
def test_a_ledger_of_extracted_articles_keeps_the_toll_clean(tmp_path: Path) -> None:
    """End to end: synthetic articles through the extractor into a ledger."""
    import newsledger

    recs = list(newsledger.extract_many(
        {"id": i, "text": t, "published": d} for i, d, t in ARTICLES))
    with Ledger(tmp_path / "e.sqlite") as led:
        led.ingest_records(recs)
        toll = "killed:people:syria:cumulative"
        values = sorted(p["value"] for p in led.points(toll))
        assert values == [6010, 6050, 6120, 6480], values
        s = next(s for s in led.series() if s["id"] == toll)
        assert (s["latest_value"], s["latest_date"]) == (6480, "2024-03-12")
        assert any(x["id"].endswith(":forecast") for x in led.series())


def test_a_local_authority_counts_its_own_territory() -> None:
    t = "The Gaza health ministry says 7,412 people have been killed since the war began."
    f = fig(t, "7,412", 7412, "people killed since the war began", place=None, claimant=None)
    c = t.index("The Gaza health ministry")
    f.claimant = Speaker(Span.of(t, c, c + len("The Gaza health ministry")),
                         "Gaza health ministry")
    assert series_key(f).id == "killed:people:gaza:cumulative"
    f.claimant = Speaker(Span.of(t, c, c + len("The Gaza health ministry")), "Kessel army")
    assert series_key(f).id == "killed:people:anywhere:cumulative"  # no seat known: no place


def test_an_unnamed_locality_does_not_take_the_claimant_place() -> None:
    t = "The Gaza health ministry says 21 people have been killed in the southern city."
    f = fig(t, "21", 21, "people killed in the southern city", place=None, claimant=None)
    c = t.index("The Gaza health ministry")
    f.claimant = Speaker(Span.of(t, c, c + len("The Gaza health ministry")),
                         "Gaza health ministry")
    assert series_key(f).place is None


def test_characterising_word_is_not_the_subject() -> None:
    from newsledger.ledger.series import subject_of_figure
    assert subject_of_figure("33,000 mainly civilians", "people killed", "killed") == "people"
    assert subject_of_figure("33,000 civilians", "civilians killed", "killed") == "civilians"


def test_a_characterised_count_is_all_the_dead_whatever_its_counts_words() -> None:
    from newsledger.ledger.series import subject_of_figure
    # the extractor's counts may hold only the characterising words
    assert subject_of_figure("33,000 mainly civilians", "mainly civilians killed",
                             "killed") == "people"
    assert subject_of_figure("300 civilians", "civilians killed", "killed") == "civilians"
