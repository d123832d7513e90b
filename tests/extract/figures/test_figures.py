"""Figures as claims: value, counted object, metric, claimant, hedges, as-of; and what is not one."""

from __future__ import annotations

import json
import re

import pytest

import newsledger
from newsledger.actors import canonical_actor
from newsledger.evaluate import locate, score
from newsledger.extract.figures.extractor import extract_figures
from newsledger.extract.registry import state_of
from newsledger.pipeline import get_nlp
from newsledger.record import METRICS, Quote, Record, Span, Speaker

PUB = "2024-05-10"


def run(text: str) -> Record:
    rec = newsledger.extract(text, published=PUB)
    rec.verify()
    rec.validate()
    assert not [e for e in rec.errors if e.stage in ("figures", "checks")], rec.errors
    return rec


# sentence, figure surface (a prefix of the span), value, approx, metric, word the counts must hold
CASES = [
    ("Israel has ordered some 100,000 Palestinians to evacuate from eastern Rafah.",
     "some 100,000", 100000, "about", "evacuated", "evacuate"),
    ("Two hundred and seventy-one soldiers have been killed during the ground offensive.",
     "Two hundred and seventy-one", 271, "exact", "killed", "soldiers"),
    ("The ministry says 15,523 people have been killed in Gaza since the start of the war.",
     "15,523", 15523, "exact", "killed", "people"),
    ("Dr Ashraf Al-Qudra said 41,316 Palestinians have also been injured since 7 October.",
     "41,316", 41316, "exact", "injured", "Palestinians"),
    ("One more person is listed as missing since October 7.", "One more person", 1, "exact",
     "missing", "missing"),
    ("The bodies of 12 hostages have also been recovered.", "12", 12, "exact", "dead_bodies",
     "bodies"),
    ("Three hostages have been rescued by troops alive.", "Three hostages", 3, "exact",
     "hostages_rescued", "rescued"),
    ("Hamas released 110 hostages during the truce.", "110", 110, "exact", "hostages_released",
     "hostages"),
    ("Israel released 240 Palestinian prisoners.", "240", 240, "exact", "prisoners_released",
     "prisoners"),
    ("It is believed that 128 hostages remain in Gaza.", "128", 128, "exact", "hostages_held",
     "hostages"),
    ("Gunmen kidnapped 40 people from the village.", "40", 40, "exact", "abducted", "people"),
    ("More than 1.7 million people have been displaced in Gaza.", "More than 1.7 million",
     1.7e6, "more_than", "displaced", "people"),
    ("Police arrested 25 protesters in Jerusalem.", "25", 25, "exact", "arrested", "protesters"),
    ("About 100 aid trucks entered Gaza on Saturday.", "About 100", 100, "about", "aid_trucks",
     "trucks"),
    ("Hamas fired 3,000 rockets at Israel.", "3,000", 3000, "exact", "weapons", "rockets"),
    ("The army has deployed 300,000 reservists to the border.", "300,000", 300000, "exact",
     "troops", "reservists"),
    ("The plant produces 40 tonnes of flour a week.", "40 tonnes", 40, "exact", "other", "flour"),
    ("Between 20 and 25 people were killed in the strike.", "Between 20 and 25", None, "range",
     "killed", "people"),
    ("Dozens of people were injured in the blast.", "Dozens", None, "vague", "injured", "people"),
    ("Russia launched 24 Shahed drones at Kyiv.", "24", 24, "exact", "weapons", "drones"),
    # The metric comes from what is counted, not from words near it.
    ("Officials said more than 30 towns were struck by artillery.", "more than 30", 30,
     "more_than", "other", "towns"),
    ("Researchers released hundreds of research papers.", "hundreds", None, "vague", "other",
     "papers"),
    ("The UK will deploy 30 gigawatts of wind capacity by 2030.", "30 gigawatts", 30, "exact",
     "other", "wind"),
]


@pytest.mark.parametrize("text,surface,value,approx,metric,word", CASES)
def test_figure_cases(text: str, surface: str, value: float | None, approx: str, metric: str,
                      word: str) -> None:
    rec = run(text)
    figs = [f for f in rec.figures if f.span.text.startswith(surface)]
    assert figs, [f.span.text for f in rec.figures]
    f = figs[0]
    assert (f.value, f.approx, f.metric) == (value, approx, metric), f.to_dict()
    assert word.lower() in (f.counts or "").lower(), f.counts


def test_every_metric_has_a_case() -> None:
    covered = {c[4] for c in CASES}
    assert covered == set(METRICS), set(METRICS) - covered


NEGATIVES = [
    "The talks on May 10, 2024 ended without a deal.",
    "War broke out on October 7 last year.",
    "He arrived at 18:00 local time.",
    "Hamas demanded an initial 12-week truce rather than six weeks.",
    "What we've seen here in the last 24 hours is not an invasion.",
    "Prisoners freed in the 2011 Shalit deal were re-arrested.",
    "The 76th Independence Day ceremony was held at Mount Herzl.",
    "The talks are back to square one, the group said.",
    "Protesters outside the ceremony. (Yonatan Sindel/Flash90)",
    "No one was hurt, and one clear message was sent to both sides.",
    "Israel has two declared war goals.",
    "The F-16 jets and Covid-19 measures were discussed under Resolution 2334.",
    "A 32-year-old man was detained.",
    "Some three-quarters of the gases were released into the atmosphere.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_figures(text: str) -> None:
    rec = run(text)
    assert rec.figures == [], [f.span.text for f in rec.figures]


def test_coordinated_hyphenated_units_give_two_figures() -> None:
    rec = run("The White House confirmed a delay in the transfer of 2,000- and 500-pound bombs.")
    got = [(f.value, f.unit, f.metric) for f in rec.figures]
    assert got == [(2000, "pound", "other"), (500, "pound", "other")]
    assert all("bombs" in (f.counts or "") for f in rec.figures)


def test_subgroup_and_single_event_counts_are_told_apart() -> None:
    rec = run("The health ministry says 18,205 Palestinians have been killed in Gaza since "
              "7 October, including more than 5,350 children. It says 297 people were killed "
              "in the past 24 hours, and 49,645 people have been injured.")
    by_value = {f.value: f for f in rec.figures}
    assert by_value[18205].metric == "killed" and by_value[18205].cumulative is True
    assert by_value[5350].metric == "killed" and "children" in (by_value[5350].counts or "")
    assert by_value[297].metric == "killed" and by_value[297].cumulative is False
    assert "24 hours" in (by_value[297].counts or "")
    assert by_value[49645].metric == "injured"
    assert 24 not in by_value


def test_ministry_toll_carries_its_hedges() -> None:
    rec = run("The Hamas-run Gaza health ministry says more than 34,000 people in the Strip have "
              "been killed in the fighting so far, a figure that cannot be independently "
              "verified, does not distinguish between combatants and civilians.")
    f = rec.figures[0]
    assert [h.text for h in f.hedges] == ["cannot be independently verified",
                                          "does not distinguish between"]
    assert f.as_of == PUB and f.cumulative is True


def test_hedge_sentence_after_the_figure() -> None:
    rec = run("The ministry says 120 people were killed overnight. The BBC has verified the "
              "footage.")
    assert rec.figures and rec.figures[0].hedges == []  # verifying footage hedges nothing
    rec = run("The ministry says 120 people were killed overnight. The BBC has not been able "
              "to verify these figures.")
    assert [h.text for h in rec.figures[0].hedges] == ["not been able to verify"]
    rec = run("The ministry says 120 people were killed overnight. The BBC was unable to verify "
              "these figures.")
    assert [h.text for h in rec.figures[0].hedges] == ["was unable to verify"]


def test_no_claimant_without_attribution() -> None:
    rec = run("Two hundred and seventy-one soldiers have been killed during the ground offensive.")
    assert rec.figures[0].claimant is None


def _with_quotes(text: str, quotes: list[tuple[str, str, str]]) -> list:
    """Run the pipeline, then re-run figures with quotes as the quotes extractor would give them:
    (content substring, cue substring, speaker name)."""
    nlp = get_nlp()
    from newsledger.extract.registry import State
    from newsledger.ingest import from_any

    art = from_any(text, published=PUB)
    doc = nlp.make_doc(art.text)
    doc._.nl = State(art)
    doc = nlp(doc)
    st = state_of(doc)
    fake = []
    for content, cue, name in quotes:
        s = art.text.index(content)
        c = art.text.index(cue)
        m = art.text.index(name) if name in art.text else None
        fake.append(Quote("indirect", Span.of(art.text, s, s + len(content)),
                          Span.of(art.text, c, c + len(cue)),
                          Speaker(Span.of(art.text, m, m + len(name)) if m is not None else None,
                                  name)))
    st.quotes = fake
    extract_figures(doc, st)
    return st.figures


def test_claimant_from_the_quote_holding_the_figure() -> None:
    text = ("The Hamas-run Gaza health ministry says more than 34,000 people have been killed "
            "so far. Israel says it has killed 15,000 militants.")
    figs = _with_quotes(text, [
        ("more than 34,000 people have been killed so far", "says",
         "The Hamas-run Gaza health ministry"),
        ("it has killed 15,000 militants", "says it", "Israel")])
    assert [(f.value, f.claimant.name if f.claimant else None) for f in figs] == [
        (34000, "Gaza health ministry"), (15000, "Israel")]
    assert figs[0].claimant is not None and figs[0].claimant.mention is not None


def test_claimant_guard_when_quotes_missing() -> None:
    figs = _with_quotes("Some 1,200 people were killed on October 7.", [])
    assert figs and figs[0].claimant is None


# --- the seed article against its answer key ------------------------------------------------

SEED_METRICS = {  # the gold key has no metric; these are the closed-list readings of its counts
    "some 100,000 Palestinians": "evacuated", "2,000- and 500-pound bombs": "other",
    "500-pound": "other", "33 living hostages": "hostages_released",
    "some 1,200 people": "killed", "252": "abducted", "128 hostages": "hostages_held",
    "105 civilians": "hostages_released", "four hostages": "hostages_released",
    "Three hostages": "hostages_rescued", "12 hostages": "dead_bodies",
    "three mistakenly killed": "killed", "36 of those still held": "killed",
    "One more person": "missing", "two Israeli civilians": "hostages_held",
    "more than 34,000 people": "killed", "some 15,000 terror operatives": "killed",
    "some 1,000 terrorists": "killed", "Two hundred and seventy-one soldiers": "killed",
}
_SAME = {"dead": "death", "deaths": "death", "kidnapped": "abducted", "kidnap": "abducted"}
_STOP = {"the", "a", "an", "of", "in", "on", "to", "by", "and", "during", "since", "be", "still",
         "from", "before", "first", "stage", "weight"}


def counts_agree(gold: str | None, pred: str | None) -> bool:
    """At least half of the gold's content words (crudely stemmed) appear in the prediction."""
    def words(s: str | None) -> set[str]:
        found = re.findall(r"[a-z]+", (s or "").lower())
        return {_SAME.get(w, w)[:4] for w in found if w not in _STOP}
    g = words(gold)
    return bool(g) and len(g & words(pred)) / len(g) >= 0.5


@pytest.fixture(scope="module")
def seed(shared):  # type: ignore[no-untyped-def]
    gold = json.loads((shared / "gold" / "seed.gold.json").read_text("utf-8"))
    text = (shared / gold["file"]).read_text("utf-8")
    rec = run(text)
    return gold, rec


def _gold_spans(text: str, gold: list[dict]) -> list[tuple[int, int]]:
    out, after = [], 0
    for g in gold:
        loc = locate(text, g["text"], after)
        assert loc, g["text"]
        out.append(loc)
        after = loc[0]
    return out


def test_seed_all_gold_figures(seed) -> None:  # type: ignore[no-untyped-def]
    gold, rec = seed
    spans = _gold_spans(rec.text, gold["figures"])
    items = [dict(g, _span=s) for g, s in zip(gold["figures"], spans)]
    s = score(items, rec.figures, lambda g: g["_span"], lambda f: (f.span.start, f.span.end), {
        "value": lambda g, f: f.value == g["value"] or f.low == g["value"],
        "metric": lambda g, f: f.metric == SEED_METRICS[g["text"]],
        "counts": lambda g, f: counts_agree(g["counts"], f.counts),
        "hedged": lambda g, f: bool(f.hedges) == g["hedged"],
    })
    # Measured 2026-12-03 on commit dc9b137: all 19 gold figures, no extra, value, metric, counts
    # and hedged all right (1.0). The seed was fixed on, so the floors allow one error of 19.
    assert s.fn <= 1, s.misses
    assert s.fp <= 1, [f.span.text for f in s.extras]
    for name in ("value", "metric", "counts", "hedged"):
        assert s.field_accuracy(name) >= 0.94, (name, s.summary())


def test_seed_no_dates_years_durations_or_idioms(seed) -> None:  # type: ignore[no-untyped-def]
    _, rec = seed
    texts = [f.span.text for f in rec.figures]
    for bad in ("10", "24", "2014", "2015", "2011", "12-week", "six", "76", "one", "90", "2024"):
        assert not any(t == bad or t.startswith(bad + " ") and bad != "one" for t in texts), bad


def test_seed_ministry_toll_and_sum_check(seed) -> None:  # type: ignore[no-untyped-def]
    _, rec = seed
    toll = next(f for f in rec.figures if f.value == 34000)
    assert {h.text for h in toll.hedges} >= {"cannot be independently verified",
                                              "does not distinguish between"}
    sums = [c for c in rec.checks if c.kind == "sum"]
    assert len(sums) == 1 and sums[0].holds
    values = [rec.figures[i].value for i in sums[0].figures]
    assert values[0] == 252 and sorted(values[1:]) == [3, 4, 12, 105, 128]


def test_canonical_claimant_names() -> None:
    assert canonical_actor("the Hamas-run health ministry") == "Gaza health ministry"


CUMULATIVE = [
    # events at a named site are counted for those events; strikes "on Gaza" may be the toll
    ("At least 55 Palestinians have been killed in attacks in Al Nuseirat camp, the ministry "
     "said.", 55, False),
    ("Twelve people have been killed in strikes on a school in Gaza City.", 12, False),
    ("30,000 people have been killed in Israeli strikes on Gaza.", 30000, True),
    ("The ministry says 25,900 people have now been killed since Israel began its offensive.",
     25900, True),
    ("The ministry says 33,000 Palestinians have been killed during Israel's military campaign.",
     33000, True),
    ("The ministry says 210 Palestinians were killed in the past 24 hours.", 210, False),
    ("The ministry says 14 people were killed in an Israeli strike in Al Mawasi.", 14, False),
    ("The ministry says 67 people were killed in strikes on Rafah overnight.", 67, False),
    ("The ministry says nearly 300 people died each day.", 300, False),
    ("Gunmen killed 12 people.", 12, None),
]


@pytest.mark.parametrize("text,value,cumulative", CUMULATIVE)
def test_running_totals_told_apart_from_single_events(text: str, value: int,
                                                      cumulative: bool | None) -> None:
    rec = run(text)
    f = next(f for f in rec.figures if f.value == value)
    assert f.metric == "killed"
    assert f.cumulative is cumulative, f.to_dict()


@pytest.mark.parametrize("written,canonical", [
    ("the Hamas-run health ministry", "Gaza health ministry"),
    ("A spokesman for the Hamas-controlled health ministry in Gaza", "Gaza health ministry"),
    ("Hamas-run health ministry officials", "Gaza health ministry"),
    ("Gaza's Hamas run-health ministry", "Gaza health ministry"),
    ("the territory's Health Ministry", "Gaza health ministry"),
    ("IDF", "Israel Defense Forces"),
    ("Ministry", "Ministry"),  # a bare "Ministry" could be any ministry
    ("Israeli Foreign Ministry", "Israeli Foreign Ministry"),
    ("Ashraf al-Qudra", "Ashraf al-Qudra"),
])
def test_claimant_names(written: str, canonical: str) -> None:
    from newsledger.actors import claimant_name

    assert claimant_name(written) == canonical


def test_bad_input_never_raises() -> None:
    for text in ["1,2,3", "10^100 people were killed", "1e9 killed", "9" * 40 + " people died",
                 "٣٤ قتيلا", "½ of them", "", "killed " * 2000, "“" * 50 + "34,000" + "”" * 50]:
        rec = run(text)
        for f in rec.figures:
            assert f.value is None or abs(f.value) <= 1e15


def test_subgroup_helper() -> None:
    from newsledger.extract.figures.extractor import subgroup

    rec = run("The ministry says 15,000 people have been killed, including 6,000 children.")
    assert [subgroup(f) for f in rec.figures] == [False, True]


def test_seed_claimants(seed) -> None:  # type: ignore[no-untyped-def]
    from newsledger.evaluate import same_actor

    gold, rec = seed
    spans = _gold_spans(rec.text, gold["figures"])
    for g, (s, e) in zip(gold["figures"], spans):
        f = next(f for f in rec.figures if f.span.start < e and s < f.span.end)
        pred = f.claimant.name if f.claimant else None
        if g["claimant"] is None:
            assert pred is None, (g["text"], pred)
        else:
            assert pred is not None and same_actor(g["claimant"], pred), (g["text"], pred)


def test_as_of_is_never_a_non_calendar_time_value() -> None:
    from newsledger import extract

    rec = extract("The ministry said recently that 300 people had been killed in the city.",
                  published="2024-02-01")
    rec.verify()
    assert all(f.as_of is None or f.as_of[:1].isdigit() for f in rec.figures)


# -- claimant coverage: attributions the parser hangs oddly, and background clauses ----------
# sentence, figure value, expected canonical claimant (None: no one claims it)
CLAIMANTS = [
    # (a) reported speech inside a relative clause
    ("Air strikes hit a market in Jabalia, which the health ministry in Gaza says killed 58 "
     "people.", 58, "Gaza health ministry"),
    ("The shelling of the school, which the Hamas-run health ministry said killed 31 people, "
     "drew wide condemnation.", 31, "Gaza health ministry"),
    # (b) trailing attribution with a perfect or progressive verb, or a noun-like "reports"
    ("Shelling killed nine people near the port on Sunday, a spokesman for the Hamas-run health "
     "ministry has claimed.", 9, "Gaza health ministry"),
    ("The number of dead in the territory has risen to 22,100, the Hamas-run health ministry "
     "reports.", 22100, "Gaza health ministry"),
    ("The grim total keeps climbing - over 22,100 people have been killed in the territory, and "
     "many more hurt by shelling since the fighting started, the Hamas-run health ministry "
     "says.", 22100, "Gaza health ministry"),
    # (c) "according to" after the clause, even inside another speaker's reported words
    ("Shelling has killed at least 58 people across the territory in a day, according to the "
     "Hamas-run health ministry.", 58, "Gaza health ministry"),
    ("The senator said far too many civilians had died - roughly 16,000 since the war began, "
     "according to the Hamas-run health ministry.", 16000, "Gaza health ministry"),
    # (d) "cites X as saying", "was quoted as saying"
    ("AFP cites health ministry spokesman Ashraf al-Qudra as saying 52 people were killed.",
     52, "Ashraf al-Qudra"),
    ("Ashraf al-Qudra was quoted as saying 52 people were killed in the camp.",
     52, "Ashraf al-Qudra"),
    # (e) a document speaks for its issuer
    ("The Hamas-run health ministry has put out its daily casualty update, which says 23,500 "
     "people have been killed.", 23500, "Gaza health ministry"),
    ("A statement from Hamas said four hostages had been killed.", 4, "Hamas"),
    # (f) background clauses inside the claim are the writer's, not the speaker's
    ("The Hamas-run health ministry says 23,500 people have been killed since the war began "
     "after the attack in which gunmen killed about 1,100 people.", 1100, None),
    ("Over 23,500 people have been killed in Gaza since Israel began its offensive after Hamas "
     "gunmen killed 1,100 people, according to the Hamas-run health ministry.", 1100, None),
    ("The Hamas-run health ministry says 23,500 people have been killed since the war began "
     "after the attack in which gunmen killed about 1,100 people.", 23500,
     "Gaza health ministry"),
    ("Jets pounded the northern town overnight, which according to the Hamas-run health "
     "ministry killed at least 44 people.", 44, "Gaza health ministry"),
    ("Tanks shelled the camp, which the Hamas-run health ministry in Gaza say killed 44 "
     "people.", 44, "Gaza health ministry"),
    ("Separately, the Hamas-run health ministry has released new casualty figures - it says "
     "120 people were killed in the past day.", 120, "Gaza health ministry"),
    ("Gunmen shot at a convoy, while snipers killed five people near the clinic, a spokesman "
     "for the Hamas-run health ministry has said.", 5, "Gaza health ministry"),
    ("The toll has passed 26,000 since the 7 October attacks, which killed about 1,100 people, "
     "according to the Hamas-run health ministry.", 1100, None),
    # negatives: a document with no issuer, a pronoun with no antecedent, no attribution at all
    ("This post says 40 people died.", 40, None),
    ("It said 30 people had been killed in the strike.", 30, None),
    ("Strikes in Rafah killed 67 people overnight.", 67, None),
]


@pytest.mark.parametrize("text,value,claimant", CLAIMANTS)
def test_claimant_coverage(text: str, value: int, claimant: str | None) -> None:
    rec = run(text)
    fig = next(f for f in rec.figures if f.value == value)
    assert (fig.claimant.name if fig.claimant else None) == claimant, fig.to_dict()
    if fig.claimant is not None and fig.claimant.name is not None:
        assert fig.claimant.name.lower() not in ("it", "they", "this post", "statement")
