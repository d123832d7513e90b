"""The ledger's canonical claimants: variants merged, descriptions and counts never claimants."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsledger.errors import LexiconError
from newsledger.ledger import Ledger
from newsledger.ledger import claimants as cl
from newsledger.record import Figure, Record, Span, Speaker


@pytest.mark.parametrize("written", ["Ashraf al-Qudra", "Ashraf al-Qidra", "Ashraf Al Qudra",
                                     "Ashraf Al-Qidra", "ashraf AL-QUDRA"])
def test_transliteration_variants_merge(written: str) -> None:
    assert cl.canonical(written) == "Ashraf al-Qudra"


def test_vowel_variants_merge_only_for_known_people() -> None:
    # An unknown person keeps the spelling written (one particle spelling), never another's.
    assert cl.canonical("Khalil Al Hayya") == "Khalil al-Hayya"
    assert cl.canonical("Ashraf Qadri") != "Ashraf al-Qudra"


@pytest.mark.parametrize("written", ["11 Palestinians", "22-year-old Palestinian",
                                     "a 22-year-old Palestinian", "army", "the army", "country",
                                     "The country", "witnesses", "local sources", "Hamas-run",
                                     "the Conservative MP", "PM", "Hamas - Israeli authorities",
                                     "relatives and Latin Patriarchate", "dozens of doctors",
                                     "Israeli media", "It", "the statement", "yesterday"])
def test_descriptions_and_counts_are_no_claimant(written: str) -> None:
    assert cl.canonical(written) is None


def test_repeated_word_and_aliases() -> None:
    assert cl.canonical("health ministry ministry") == "Gaza health ministry"
    assert cl.canonical("The Israel Defence Force") == "Israel Defense Forces"
    assert cl.canonical("Palestinian Red Crescent charity") == "Palestine Red Crescent Society"
    # Real names stay; an office whose holder is not said is no claimant.
    assert cl.canonical("Daniel Hagari") == "Daniel Hagari"
    assert cl.canonical("Israel's prime minister") is None
    # a ministry whose domain is said stays
    assert cl.canonical("Varesian defence ministry") == "Varesian defence ministry"


@pytest.mark.parametrize("written", ["Norland's Prime Minister", "the Varesian health minister",
                                     "Varesian health minister", "UN Office", "the UN Office",
                                     "Norland Authority ministry", "Varesian defence ministry body"])
def test_offices_and_cut_short_offices_are_no_claimant(written: str) -> None:
    assert cl.canonical(written) is None


_ARTICLE = ("Senator Bernadette Quayle said the strikes must stop. Later Quayle added that 30 "
            "had died. Norland's Prime Minister Tomas Brandvik rejected the call. The UN Office "
            "for the Coordination of Humanitarian Affairs said 5 shelters were hit. The Varesian "
            "health minister gave no figure.")


@pytest.mark.parametrize("written,expected", [
    ("Quayle", "Bernadette Quayle"),                 # a surname takes the article's full name
    ("Norland's Prime Minister", "Tomas Brandvik"),  # an office takes its holder, named after it
    ("UN Office", "UN Office for the Coordination of Humanitarian Affairs"),  # table's full name
    ("the Varesian health minister", None),          # an office nobody is named for
    ("Hamas", "Hamas"),                              # a known actor stays as it is
    ("11 Palestinians", None),
])
def test_claimant_completed_from_its_article(written: str, expected: str | None) -> None:
    assert cl.in_article(written, None, _ARTICLE) == expected


def test_surname_stays_when_the_article_names_two_people_so() -> None:
    text = "Bernadette Quayle and Oskar Quayle spoke. Quayle said 40 died."
    assert cl.in_article("Quayle", None, text) == "Quayle"
    # A capitalised word opening a sentence is no given name when the article writes it in
    # lower case too; a name opening a sentence is one.
    assert cl.in_article("Quayle", None, "Soon Quayle said 40 died, and soon more.") == "Quayle"
    assert cl.in_article("Quayle", None, "Bernadette Quayle spoke. Quayle said 40 died.") \
        == "Bernadette Quayle"


def test_canonical_is_idempotent() -> None:
    for name in ("Ashraf Al-Qidra", "Wafa news agency", "Gaza's Hamas-run health ministry",
                 "Daniel Hagari", "Israel Defense Force"):
        c = cl.canonical(name)
        assert c is not None and cl.canonical(c) == c


def test_mention_is_used_when_no_name() -> None:
    assert cl.canonical(None, "Hamas officials") == "Hamas"
    assert cl.canonical(None, None) is None


def test_user_table_extends_and_bad_file_says_what_to_do(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "mine.json"
    f.write_text(json.dumps({"names": {"Gaza civil defence": ["Civil Defence in Gaza",
                                                              "Gaza's civil defence agency"]},
                             "not_claimants": ["Bystanders Group"]}), "utf-8")
    assert cl.canonical("Civil Defence in Gaza") == "Civil Defence in Gaza"
    monkeypatch.setenv(cl.USER_TABLE_ENV, str(f))
    assert cl.canonical("Civil Defence in Gaza") == "Gaza civil defence"
    assert cl.canonical("Bystanders Group") is None
    assert cl.canonical("Ashraf Al Qudra") == "Ashraf al-Qudra"  # the package table still holds
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", "utf-8")
    monkeypatch.setenv(cl.USER_TABLE_ENV, str(bad))
    with pytest.raises(LexiconError, match="NEWSLEDGER_CLAIMANTS"):
        cl.canonical("Anyone")


def _record(aid: str, text: str, fig: str, who: str | None, published: str) -> Record:
    s = text.index(fig)
    c = Speaker(None, who) if who else None
    f = Figure(Span.of(text, s, s + len(fig)), float(fig.replace(",", "")), claimant=c,
               metric="killed", counts="people killed in Gaza", place="Gaza", cumulative=True,
               as_of=published)
    return Record(id=aid, text=text, published=published, figures=[f])


def test_ledger_stores_canonical_claimants_and_lists_them(tmp_path: Path) -> None:
    recs = [_record("a", "At least 15,000 people were killed, Ashraf al-Qudra said.", "15,000",
                    "Ashraf al-Qudra", "2023-12-01"),
            _record("b", "At least 15,500 people were killed, Ashraf Al-Qidra said.", "15,500",
                    "Ashraf Al-Qidra", "2023-12-02"),
            _record("c", "At least 16,000 people were killed, 11 Palestinians said.", "16,000",
                    "11 Palestinians", "2023-12-03")]
    with Ledger(tmp_path / "l.sqlite") as led:
        led.ingest_records(recs)
        rows, none = led.claimants()
        assert none == 1
        assert [(r["claimant"], r["points"]) for r in rows] == [("Ashraf al-Qudra", 2)]
        assert sorted(v for v, _ in rows[0]["variants"]) == ["Ashraf Al-Qidra",
                                                             "Ashraf al-Qudra"]
        sid = led.series()[0]["id"]
        # Filtering by any spelling finds the canonical claimant's points.
        assert len(led.points(sid, claimant="Ashraf Al Qudra")) == 2
        assert led.points(sid, claimant="army") == []


def test_ledger_stores_and_lists_the_claimant_completed_from_the_article(tmp_path: Path) -> None:
    text = "Senator Bernadette Quayle spoke on Monday. At least 15,000 people died, Quayle said."
    with Ledger(tmp_path / "l.sqlite") as led:
        led.ingest_records([_record("a", text, "15,000", "Quayle", "2023-12-01")])
        rows, none = led.claimants()
        assert none == 0
        assert [(r["claimant"], r["points"]) for r in rows] == [("Bernadette Quayle", 1)]
        assert rows[0]["variants"] == [["Quayle", 1]]


def _fig(text: str, number: str, who: str | None = None) -> Figure:
    s = text.index(number)
    f = Figure(Span.of(text, s, s + len(number)), 1.0, metric="killed")
    if who:
        f.claimant = Speaker(None, who)
    return f


def test_description_completed_with_where_the_article_places_it() -> None:
    text = ("Strikes have killed more than 7,000 people, according to health officials in the "
            "Hamas-controlled Gaza Strip.")
    assert cl.canonical("health officials") is None
    assert cl.claimant_in_article(_fig(text, "7,000", "health officials"), text) \
        == "Gaza health ministry"
    text = "Strikes have killed more than 7,000 people, according to health officials in Norland."
    assert cl.claimant_in_article(_fig(text, "7,000", "health officials"), text) is None


@pytest.mark.parametrize("text,expected", [
    ("About 900 people have been killed, according to the Gaza Ministry of Health, bringing "
     "the toll to 8,000.", "Gaza health ministry"),
    ("More than 10,000 people have died, Gaza's Ministry of Health reported on Monday.",
     "Gaza health ministry"),
    # only a local authority the series table knows; anyone else stays unattributed
    ("More than 10,000 people have died, the army said.", None),
    ("More than 10,000 people have died.", None),
])
def test_figure_with_no_claimant_takes_the_authority_its_sentence_names(
        text: str, expected: str | None) -> None:
    number = "8,000" if "8,000" in text else "10,000"
    assert cl.claimant_in_article(_fig(text, number), text) == expected


@pytest.mark.parametrize("text,who,expected", [
    ("New figures come from the Hamas-run health ministry in Gaza. It says 18,205 people have "
     "been killed.", "It", "Gaza health ministry"),
    ("New figures come from the health ministry. Officials there say the toll is 17,700.",
     "Officials there", "Gaza health ministry"),
    # nothing named before, or another paragraph: stays unattributed
    ("It says 18,205 people have been killed.", "It", None),
    ("New figures come from the health ministry.\nIt says 18,205 people have been killed.",
     "It", None),
    ("The army spoke to reporters. It says 18,205 people have been killed.", "It", None),
])
def test_pronoun_claimant_takes_the_authority_named_before(text: str, who: str,
                                                           expected: str | None) -> None:
    number = "18,205" if "18,205" in text else "17,700"
    assert cl.claimant_in_article(_fig(text, number, who), text) == expected


@pytest.mark.parametrize("text,number", [
    # another count stands between the figure and the attribution: the attribution is its
    ("Since the attacks that killed more than 1,200 people, the army has killed 21,000 more, "
     "according to the Gaza Ministry of Health.", "1,200"),
    # another speaker's verb governs the figure
    ("The raid, which officials say killed 1,200 people, came as the war went on, according to "
     "the Gaza Ministry of Health.", "1,200"),
])
def test_the_sentences_authority_skips_a_figure_claimed_otherwise(text: str, number: str) -> None:
    assert cl.claimant_in_article(_fig(text, number), text) is None
    if "21,000" in text:  # the count right before the attribution keeps it
        assert cl.claimant_in_article(_fig(text, "21,000"), text) == "Gaza health ministry"


@pytest.mark.parametrize("written", [
    "the Hamas-run health authority", "the Gaza Strip's health ministry",
    "the Ministry of Health in the Hamas-run Gaza Strip", "the health ministry in Hamas-run Gaza",
    "Gaza's health authorities", "health officials in Gaza", "the ministry of health in Gaza",
])
def test_written_forms_of_the_gaza_health_ministry_merge(written: str) -> None:
    assert cl.canonical(written) == "Gaza health ministry"


@pytest.mark.parametrize("written", [
    "Hamas officials", "Hamas authorities", "the Hamas government media office",
    "the Hamas-run government", "Hamas-run local authorities", "Hamas-run authority",
])
def test_other_hamas_bodies_stay_apart_from_the_ministry(written: str) -> None:
    assert cl.canonical(written) not in (None, "Gaza health ministry")
