"""Sources (extract/sources.py): cited outlets and reports, wire and photo credits, bylines."""

from __future__ import annotations

import pytest

from newsledger import extract
from tests.conftest import check_record


def sources(text: str) -> set[tuple[str, str]]:
    rec = extract(text, published="2024-05-10")
    check_record(rec)
    return {(s.name, s.role) for s in rec.sources}


@pytest.mark.parametrize("sentence, expected", [
    ("According to CNN, the talks collapsed on Monday evening.", ("CNN", "cited")),
    ("According to a Lebanese report, Israel is planning a new operation.",
     ("a Lebanese report", "cited")),
    ("The official said so in comments to Al Araby TV published by the group.",
     ("Al Araby TV", "cited")),
    ("Haaretz reported that the cabinet met late into the night.", ("Haaretz", "cited")),
    ("A senior official told the Wall Street Journal that no deal was near.",
     ("Wall Street Journal", "cited")),
    ("The figures were first reported by Channel 12 on Sunday evening.", ("Channel 12", "cited")),
    ("Speaking to the BBC, one mother said she had not slept for days.", ("BBC", "cited")),
    ("In an interview with Haaretz, the minister defended the plan.", ("Haaretz", "cited")),
    ("The launch came as drills were held, according to state media KCNA.", ("KCNA", "cited")),
    ("Valdorian state media, citing officials, reported that the cabinet would meet.",
     ("Valdorian state media", "cited")),
    ("Iranian state TV said the talks would resume in Oman.", ("Iranian state TV", "cited")),
    # outlet-shaped names nobody listed: a domain, a -TV channel, a paper word, a news agency
    ("Borealis.news reports: the pipeline was hit by divers.", ("Borealis.news", "cited")),
    ("During an appearance on Valdorian broadcaster NORD-TV, the former spy chief doubted it.",
     ("NORD-TV", "cited")),
    ("The strike was planned for weeks, as the Kessel Reporter noted on Friday.",
     ("Kessel Reporter", "cited")),
    ("According to a statement published on the rebel-run Marib news agency, two ships were hit.",
     ("Marib", "cited")),
    ("A statement from the rebels was carried by the group-controlled Sheba news agency.",
     ("Sheba", "cited")),
    # entertainment trade outlets (data/media.txt)
    # an outlet citing its own sources; a newspaper's investigation
    ("The Kessel Tribune, citing two officials, reported that the talks had stalled.",
     ("The Kessel Tribune", "cited")),
    ("An investigation by the Kessel Tribune found that 40 ships were hit.",
     ("Kessel Tribune", "cited")),
    # an outlet named before the kind of outlet it is; the kind is not part of its name
    ("The Kurier newspaper reported that two people died in the blast.", ("Kurier", "cited")),
    ("According to the pro-Kremlin daily Izvestia, the talks had failed.", ("Izvestia", "cited")),
    ("Deadline reports that the actor's departure had nothing to do with the row.",
     ("Deadline", "cited")),
    ("The studio wrote in a statement to Variety that it had zero tolerance for hate.",
     ("Variety", "cited")),
])
def test_cited_sources(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in sources(sentence)


@pytest.mark.parametrize("sentence", [
    "According to the ministry, 40 people were killed in the strike.",
    "Israel said the crossing would reopen soon, but gave no date.",
    "The hospital was hit twice, witnesses said on Monday.",
    # an organisation whose name has a media word is no outlet when it merely speaks
    "The Sudan Doctors Network said in a statement that women were among the dead.",
    "The Government Press Office said the visit would go ahead.",
    "Israeli officials said the cabinet would meet on Tuesday.",
    # a nation's media at large names no outlet
    "French media said a witness saw a man entering the consulate.",
    "Israeli media, citing officials, reported that the cabinet would meet.",
    # a report named by no outlet
    "Sales brought in $10,000 per person, according to the report.",
    # a company whose name has a media word, speaking for itself
    "The producers, Kestrel Media Group, wrote that they had zero tolerance for hate.",
    # told nothing: the outlet got no comment
    "The spokesman did not offer further comment to Reuters news agency.",
    # a body citing its own data is no outlet
    "The army, citing its own data, said 30 drones were shot down overnight.",
    # a kind of outlet is no name
    "The Israeli newspaper reported that two people died in the blast.",
    "State TV reported that two people died in the blast.",
    # a sentence opening is no part of a paper's name
    "When officials met on Monday, Times were hard, the minister said.",
])
def test_not_cited_sources(sentence: str) -> None:
    assert not [s for s in sources(sentence) if s[1] == "cited"]


def test_credits_and_byline() -> None:
    text = ("A headline about the war in the south\n\nBy Jane Roe\n\n"
            "Smoke rises over the city on May 9, 2024. (Jane Doe/Flash90)\n\n"
            "A man walks past rubble in the city on May 8, 2024. (AP Photo/Sam Lee)\n\n"
            "GAZA CITY (AP) — Strikes hit the city overnight, officials said on Friday.\n\n"
            "Reuters and AFP contributed to this report.\n")
    got = sources(text)
    assert {("Jane Roe", "byline"), ("Flash90", "photo_credit"),
            ("The Associated Press", "photo_credit"), ("Reuters", "wire_credit"),
            ("AFP", "wire_credit")} <= got
    # Photographers are people, not sources.
    assert not {n for n, _ in got} & {"Jane Doe", "Sam Lee"}


def test_nothing_from_a_repeated_caption_or_boilerplate() -> None:
    cap = "Troops near the border fence on May 7, 2024. (Israel Defense Forces/AFP)"
    text = (f"Headline of a story about the border\n\n{cap}\n{cap}\n\n"
            "The army said it had widened the operation on Friday night.\n\n"
            "Most Popular\nFollow us on Twitter\n")
    rec = extract(text)
    check_record(rec)
    names = [s.name for s in rec.sources]
    assert names.count("AFP") == 1 and names.count("Israel Defense Forces") == 1
    dup = [b for b in rec.blocks if b.duplicate_of is not None][0]
    assert not [s for s in rec.sources if dup.start <= s.span.start < dup.end]


def test_seed_has_every_gold_source(seed_record, seed_gold) -> None:  # type: ignore[no-untyped-def]
    got = {(s.name.lower(), s.role) for s in seed_record.sources}
    for g in seed_gold["sources"]:
        assert (g["name"].lower(), g["role"]) in got, g


def _roles(text: str, role: str) -> set[str]:
    return {n for n, r in sources(text) if r == role}


@pytest.mark.parametrize("credit, expected", [
    ("Reuters contributed to this report.", {"Reuters"}),
    ("Associated Press writer Sam Doe in Lagos, Nigeria, contributed to this report.",
     {"The Associated Press"}),
    ("CNN's Hanna Ito in Tokyo contributed to this report.", {"CNN"}),
    ("Source: Al Jazeera and news agencies", {"Al Jazeera"}),
    ("The Kessel Tribune contributed to this report.", {"Kessel Tribune"}),
    # the people in a credit line are reporters and editors, not sources
    ("Reporting by Olena Petrenko in Kyiv; Additional reporting by Dmitry Volkov; "
     "Editing by Sarah Lang and Tom Hale", set()),
    ("Jane Roe contributed reporting.", set()),
])
def test_wire_credit_lines_name_outlets_only(credit: str, expected: set[str]) -> None:
    text = ("A headline about the war in the east\n\n"
            "Strikes hit the city overnight, officials said on Friday.\n\n" + credit + "\n")
    assert _roles(text, "wire_credit") == expected


@pytest.mark.parametrize("lines, expected", [
    ("Image source, Getty Images\nImage caption, Relatives rallied in Tel Aviv on Saturday",
     {"Getty Images"}),
    ("Soldiers watch a broadcast in Seoul on April 25, 2025. Kim Jae-hwan/AFP/Getty Images",
     {"AFP", "Getty Images"}),
    ("A man walks past rubble on May 8, 2024. (AP Photo/Sam Lee)", {"The Associated Press"}),
    ("Image caption, Aid lorries have been entering Gaza since the truce began", set()),
])
def test_photo_credits_from_caption_styles(lines: str, expected: set[str]) -> None:
    text = ("A headline about the war in the south\n\n" + lines +
            "\n\nStrikes hit the city overnight, officials said on Friday.\n")
    assert _roles(text, "photo_credit") == expected


@pytest.mark.parametrize("para, expected", [
    ("Seoul, South Korea (CNN) — North Korea fired two missiles on Friday, officials said.",
     {"CNN"}),
    ("KYIV, March 3 (Reuters) - Russian drones struck the city, officials said on Monday.",
     {"Reuters"}),
    ("Prime Minister Benjamin Netanyahu (Likud) — the leader said on Monday he would stay.", set()),
])
def test_dateline_wire_credit(para: str, expected: set[str]) -> None:
    assert _roles("A headline about the war\n\n" + para + "\n", "wire_credit") == expected


def test_a_byline_outlet_is_not_an_author() -> None:
    text = ("A headline about the war in the east\n\nBy Min-ji Kwon and Daniel Ortiz, CNN\n\n"
            "Strikes hit the city overnight, officials said on Friday.\n")
    assert _roles(text, "byline") == {"Min-ji Kwon", "Daniel Ortiz"}


def test_capitalised_credit_and_comma_photo_credit() -> None:
    text = ("Gaza ceasefire holds as first aid convoys cross\n\n"
            "Palestinians walk past destroyed buildings on October 13, 2025. © Omar al-Qattaa, AFP\n\n"
            "Gaza City (Palestinian Territories) (AFP) – Aid crossed on Tuesday, state media said.\n\n"
            "(FRANCE 24 with AFP)\n")
    got = sources(text)
    assert {("AFP", "photo_credit"), ("AFP", "wire_credit"), ("France 24", "wire_credit")} <= got
    assert not {n for n, _ in got} & {"Omar al-Qattaa", "Omar al-Qattaa, AFP"}


@pytest.mark.parametrize("sentence, cited", [
    ("Al-Qahera News, which is close to Egyptian intelligence, said 120 trucks entered.",
     {"Al-Qahera News"}),
    ("Haaretz, the left-leaning daily, reported that the cabinet met.", {"Haaretz"}),
    # a clause after a non-outlet does not make it one
    ("The ministry, which runs the hospitals, said 40 people were killed.", set()),
])
def test_outlet_then_apposition_then_verb(sentence: str, cited: set[str]) -> None:
    assert _roles(sentence, "cited") == cited


def test_by_outlet_with_agency_and_dash_separated_photo_credit() -> None:
    text = ("Syria's new leaders hold first talks with EU envoy\n\nBy Euronews with AP\n\n"
            "Palestinians at a food point on Monday.Credit...Bashar Taleb/Agence France-Presse — "
            "Getty Images\n\nThe envoy met the leader in Damascus on Tuesday, officials said.\n\n"
            "Additional sources • AFP\n")
    got = sources(text)
    assert {("The Associated Press", "wire_credit"), ("AFP", "wire_credit"),
            ("Agence France-Presse", "photo_credit"), ("Getty Images", "photo_credit")} <= got
    assert not [n for n, r in got if r == "byline"]  # an outlet is no author
    assert "Bashar Taleb" not in {n for n, _ in got}


def test_heldout4_credit_styles() -> None:
    """ToI live-blog byline with a desk, a bare (AFP) caption, a /TASS/ dateline, and an author
    bio naming an outlet at the end (not a source)."""
    text = ("Drone hits open area near the border\nBy Noa Levin and ToI Staff\n"
            "3 June 2025, 10:42 am\n\n"
            "Trucks wait at the Kerem Shalom crossing in southern Gaza on 10 March 2025 (AFP)\n\n"
            "MOSCOW, May 3. /TASS/. Russia's foreign minister held a call on Saturday.\n\n"
            "According to Xinhua, Wang said China supports all efforts conducive to peace.\n\n"
            "Noa Levin is The Times of Israel's northern correspondent. She previously worked "
            "for Reuters.\n")
    got = sources(text)
    assert ("Noa Levin", "byline") in got
    assert ("AFP", "photo_credit") in got
    assert ("TASS", "wire_credit") in got
    assert ("Xinhua", "cited") in got
    assert not any(n == "Reuters" for n, _ in got)
    assert not any("Staff" in n for n, _ in got)


@pytest.mark.parametrize("sentence, expected", [
    # an agency's descriptor between its name and the verb (issue 14)
    ("The Tass news agency cited the defence ministry as saying that drones were downed.",
     ("Tass", "cited")),
    ("The official Wafa news agency quoted him as saying the talks had failed.",
     ("Wafa", "cited")),
    ("The RIA state news agency reported that the bridge was closed.", ("RIA", "cited")),
    ("According to Israeli news outlet Channel 12, the cabinet will meet on Sunday.",
     ("Channel 12", "cited")),
])
def test_cited_agencies_with_descriptors(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in sources(sentence)


def test_a_cited_outlet_counts_at_every_mention() -> None:
    text = ("Haaretz reported that the cabinet met on Monday.\n\n"
            "The talks went on late, Haaretz reported later.")
    rec = extract(text, published="2024-05-10")
    check_record(rec)
    assert len([s for s in rec.sources if s.name == "Haaretz" and s.role == "cited"]) == 2


@pytest.mark.parametrize("sentence, expected", [
    ("A nurse at the clinic tells Reuters that the generators ran out.", ("Reuters", "cited")),
    ("In a statement to Reuters, the lawmaker denied the report.", ("Reuters", "cited")),
    ("In a message to Reuters, the adviser called the claim absurd.", ("Reuters", "cited")),
    ("In a long piece last week, Financial Times accused the firm of fraud.",
     ("Financial Times", "cited")),
    ("The Associated Press and other groups have documented the use of the shells.",
     ("The Associated Press", "cited")),
    ("The senator said in his CNN interview that the plan was dead.", ("CNN", "cited")),
    ("The senator said the plan was dead in an interview on CBS News in June.",
     ("CBS News", "cited")),
    ("According to Lebanese state media, the dead included two farmers.",
     ("Lebanese state media", "cited")),
    ("In an interview with Russian newspaper Vostok Pravdy, the general said the war went well.",
     ("Vostok Pravdy", "cited")),
    ("Sosna Dolna, a regional Polish news outlet, has reported the blast first.",
     ("Sosna Dolna", "cited")),
    ("An adviser told Russia's TASS/TRANS news agency the bodies were found.",
     ("TASS/TRANS", "cited")),
])
def test_cited_outlets_in_more_forms(sentence: str, expected: tuple[str, str]) -> None:
    assert expected in sources(sentence)


def test_an_outlet_noun_needs_a_name_and_an_opening_is_not_one() -> None:
    got = sources("The Kessel Herald, a local newspaper, closed. According to officials, "
                  "the mayor, a former journalist, resigned.")
    assert ("officials", "cited") not in got and ("According", "cited") not in got


def test_relay_keeps_both_outlet_and_speaker() -> None:
    """"X cited Y as saying": the outlet is the source, Y the speaker; both are kept."""
    rec = extract("The Tass news agency cited the Valdorian defence ministry as saying that "
                  "three drones were downed overnight.", published="2024-05-10")
    check_record(rec)
    assert ("Tass", "cited") in {(s.name, s.role) for s in rec.sources}


def test_publishing_outlet_is_no_source_of_its_own_article() -> None:
    text = "A doctor told the Kessel Tribune that the ward had no power since Monday."
    cited = {(s.name, s.role) for s in extract(text, published="2024-05-10").sources}
    assert ("Kessel Tribune", "cited") in cited
    rec = extract(text, published="2024-05-10", outlet="Kessel Tribune")
    check_record(rec)
    assert not [s for s in rec.sources if s.role == "cited"]


def test_a_trade_outlet_counts_at_every_mention() -> None:
    text = ("According to Variety, the actor was dropped on Tuesday. The studio later wrote in a "
            "statement to Variety that it had zero tolerance for hate.")
    rec = extract(text, published="2024-05-10")
    assert [s.span.start for s in rec.sources if s.name == "Variety"] == \
        [text.index("Variety"), text.rindex("Variety")]


def test_one_mention_is_one_source() -> None:
    """A name found both as an outlet and as an entity with a media word is cited once."""
    rec = extract("Rebel-run Al-Masirah TV said the tanker was hit twice.", published="2024-05-10")
    check_record(rec)
    assert [s.name for s in rec.sources if s.role == "cited"] == ["Al-Masirah TV"]


def test_a_dateline_inside_a_paragraph_cites_the_wire() -> None:
    text = ("Ministers met on Monday. OSLO (Reuters) - Norway's finance minister said exports "
            "would rise. KYIV, March 3 (AP) — Ukraine said drones hit the port.")
    rec = extract(text, published="2024-03-04")
    check_record(rec)
    cited = {s.name for s in rec.sources if s.role == "cited"}
    assert "Reuters" in cited and "The Associated Press" in cited


def test_a_paragraphs_own_dateline_is_a_wire_credit_not_a_citation() -> None:
    rec = extract("OSLO (Reuters) - Norway's finance minister said exports would rise.",
                  published="2024-03-04")
    assert [s.role for s in rec.sources if s.name == "Reuters"] == ["wire_credit"]


@pytest.mark.parametrize("outlet", ["Kessel Radio (live page)", "Kessel Radio News",
                                    "the Kessel Radio"])
def test_the_own_outlet_written_another_way_is_no_cited_source(outlet: str) -> None:
    text = "The mayor told Kessel Radio on Monday that the bridge would reopen."
    rec = extract(text, published="2024-03-04", outlet=outlet)
    assert not [s for s in rec.sources if s.role == "cited"]
    other = extract(text, published="2024-03-04", outlet="Borland Times")
    assert [s.name for s in other.sources if s.role == "cited"] == ["Kessel Radio"]


def test_outlets_sponsoring_a_poll_are_cited() -> None:
    rec = extract("Most voters now disapprove, according to the latest CNN/ABC News/Marist "
                  "poll. A Reuters/Ipsos survey found the same. The Smith/Jones report disagreed.",
                  published="2024-03-04")
    check_record(rec)
    cited = {s.span.text for s in rec.sources if s.role == "cited"}
    assert cited == {"CNN", "ABC News", "Reuters"}


@pytest.mark.parametrize("sentence,name", [
    ("Officials met lobbyists, the Brana news portal pointed out in an earlier article.",
     "Brana"),
    ("Lena Holm would not rule out a vote when asked on Sunday on CNN.", "CNN"),
])
def test_more_ways_of_citing_an_outlet(sentence: str, name: str) -> None:
    rec = extract(sentence, published="2024-03-04")
    assert name in {s.name for s in rec.sources if s.role == "cited"}


def test_an_agency_that_is_no_news_agency_is_not_cited() -> None:
    rec = extract("Coal use is minor, according to the International Energy Agency. Troops moved, "
                  "according to the Borland Press Agency.", published="2024-03-04")
    cited = {s.name for s in rec.sources if s.role == "cited"}
    assert "International Energy Agency" not in cited
    assert "Borland Press Agency" in cited


def test_a_known_outlet_cited_by_name_and_date_in_parentheses() -> None:
    rec = extract("\"The border will stay shut,\" the minister said. (Telegraph, March 3, 2019)\n\n"
                  "Earlier work reached the same view (Holmberg, 2017). \"Prices rose,\" one trader "
                  "said. (The Guardian, 2021)", published="2024-03-04")
    check_record(rec)
    cited = {(s.span.text, s.name) for s in rec.sources if s.role == "cited"}
    assert ("Telegraph", "The Telegraph") in cited
    assert ("The Guardian", "The Guardian") in cited
    assert not any("Holmberg" in t for t, _ in cited)  # a scholar's citation is no outlet
