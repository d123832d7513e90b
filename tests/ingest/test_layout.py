"""Layout of scraped text (ingest/text.py): general rules on layouts written here, and the seed."""

from __future__ import annotations

from typing import Any

import pytest

from newsledger.ingest import from_text
from newsledger.ingest.credits import caption_credit, dateline_wire, is_caption
from newsledger.ingest.text import byline_names, find_date, is_boilerplate, is_timestamp, units


def kinds(text: str) -> list[tuple[str, str]]:
    art = from_text(text)
    return [(b.kind, text[b.start:b.end][:30]) for b in art.blocks]


WIRE = """Israeli strikes hit southern Gaza as talks resume

By Jane Roe

GAZA CITY, Jan. 12, 2024 (AP) — Israeli airstrikes pounded the southern Gaza Strip on Friday, killing at least 20 people, hospital officials said.

“We have nowhere left to go,” said Amal Nasser, a mother of four.

Associated Press writer Sam Doe in Cairo contributed to this report.
"""

LIVE = """10:42 GMT

Israel's military says it has struck a rocket launcher in southern Lebanon.

The army said the launcher had been used in an attack on the north earlier in the day.
"""

NO_HEADLINE = """The United Nations said on Tuesday that aid deliveries into the enclave had fallen sharply in the past week.

Officials blamed the closure of two crossings. “It is not enough,” a spokesperson said.
"""


def test_wire_story_with_dateline() -> None:
    art = from_text(WIRE)
    got = [b.kind for b in art.blocks]
    assert got == ["title", "byline", "body", "body", "credit"]
    assert art.title == "Israeli strikes hit southern Gaza as talks resume"
    assert art.byline == ["Jane Roe"]
    assert art.published == "2024-01-12" and art.published_from == "dateline"


def test_given_date_wins_over_dateline() -> None:
    assert from_text(WIRE, published="2024-01-13").published == "2024-01-13"


def test_live_blog_post_with_timestamp() -> None:
    art = from_text(LIVE)
    assert [b.kind for b in art.blocks] == ["dateline", "body", "body"]
    assert art.title is None


def test_article_with_no_headline_starts_with_body() -> None:
    art = from_text(NO_HEADLINE)
    assert [b.kind for b in art.blocks] == ["body", "body"]
    assert art.title is None and art.byline == []


def test_text_is_kept_exactly() -> None:
    raw = "Headline here\r\n\r\n“Quoted,” he said.\u00a0Then   more.\n\n\n\nLast line of the story is here."
    art = from_text(raw)
    assert art.text == raw
    for b in art.blocks:
        assert raw[b.start:b.end].strip() == raw[b.start:b.end]


def test_repeated_caption_is_one_caption_marked_duplicate() -> None:
    cap = "Smoke rises over Khan Younis after a strike, January 10, 2024. (AP Photo/Jane Roe)"
    text = f"A headline for the story\n\n{cap}\n{cap}\n\nThe body of the story says what happened today.\n"
    art = from_text(text)
    caps = [b for b in art.blocks if b.kind == "caption"]
    assert len(caps) == 2
    assert caps[0].duplicate_of is None and caps[1].duplicate_of == art.blocks.index(caps[0])
    assert art.is_skipped(caps[1].start, caps[1].end)
    assert not art.is_skipped(caps[0].start, caps[0].end)


def test_boilerplate_and_credit_at_the_end() -> None:
    text = ("Body sentence that is long enough to count as the body.\n\n"
            "Reuters contributed to this report.\n\nMost Popular\nread more:\nShare this article\n")
    assert [b.kind for b in from_text(text).blocks] == \
        ["body", "credit", "boilerplate", "boilerplate", "boilerplate"]


def test_hard_wrapped_paragraph_is_one_block() -> None:
    text = ("The ministry said on Sunday that the number of people killed in the\n"
            "strikes had risen again, and that hospitals were running out of fuel.\n")
    assert len(from_text(text).blocks) == 1


@pytest.mark.parametrize("line, expected", [
    ("By Jacob Magid", ["Jacob Magid"]),
    ("By Jane Roe and Sam Doe", ["Jane Roe", "Sam Doe"]),
    ("By Jane Roe, Sam Doe and Ali Khan", ["Jane Roe", "Sam Doe", "Ali Khan"]),
    ("Jacob Magid is The Times of Israel's US bureau chief", ["Jacob Magid"]),
    ("Lena Park is a correspondent for the paper in Seoul", ["Lena Park"]),
    ("By Min-ji Kwon and Daniel Ortiz, CNN", ["Min-ji Kwon", "Daniel Ortiz"]),
    ("By AMINA BELLO and PETER KANE Associated Press", ["AMINA BELLO", "PETER KANE"]),
    ("By Sara Mansour in Beirut and Tom Reed", ["Sara Mansour", "Tom Reed"]),
    ("By Reuters", []),  # a byline credited to an outlet: no author names
    ("Text by: NEWS WIRES", []),
    ("by Iryna Savchuk", ["Iryna Savchuk"]),
    ("By the way, the talks failed.", None),
    ("Israel is a country in the Middle East", None),
])
def test_byline_names(line: str, expected: list[str] | None) -> None:
    assert byline_names(line) == expected


@pytest.mark.parametrize("line, expected", [
    ("Troops in Rafah on May 7, 2024. (Israel Defense Forces)", True),
    ("A man walks past rubble. (AP Photo/Khalil Hamra)", True),
    ("Famiily members protest in Jerusalem, May 9, 2024. (Yonatan Sindel/Flash90)", True),
    ("The proposal (Arabic text here) differed in many ways from the offer.", False),
    ("He said the talks were over (for now).", False),
    ("Image source, Getty Images", True),
    ("Image caption, Relatives of hostages rallied in Tel Aviv on Saturday evening", True),
    ("Soldiers watch a broadcast at a station in Seoul. Kim Jae-hwan/AFP/Getty Images", True),
    ("Talks on the Israel/Gaza file resumed. Officials said so.", False),
    ("The source of the image was not disclosed, officials said.", False),
])
def test_caption_rule(line: str, expected: bool) -> None:
    assert is_caption(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Most Popular", True), ("read more:", True), ("Sign up for our daily newsletter", True),
    ("Share this article", True), ("Advertisement", True),
    ("Most of the hostages were freed.", False), ("Share prices fell sharply on Monday.", False),
    ("Save", True), ("Link Copied!", True), ("3 minute read", True), ("Accept cookies", True),
    ("We use cookies to improve your experience on our website.", True),
    ("Our Standards: The Thomson Reuters Trust Principles.", True), ("Suggested Topics:", True),
    ("Key events", True),
    ("Save the Children said 40 children were among the dead.", False),
    ("Volunteers handed out cookies to soldiers at the checkpoint.", False),
    ("Key events of the war are listed by the ministry on its site.", False),
    ("Also Read: Ministry asks for answers over the blast", True), ("Also Read", True),
    ("See also the assumptions of the training program, which are dated.", False),
])
def test_boilerplate_rule(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


@pytest.mark.parametrize("s, iso", [
    ("KESSEL, March 7, 2025 (AP)", "2025-03-07"), ("Updated 10 May 2024", "2024-05-10"),
    ("2024-05-10T10:00", "2024-05-10"), ("February 30, 2024", None), ("May 10", None),
])
def test_find_date(s: str, iso: str | None) -> None:
    assert find_date(s) == iso


@pytest.mark.parametrize("line, expected", [
    ("Updated 4:52 PM GMT+1, June 14, 2025", True), ("Updated 5:47 AM EDT, Fri April 25, 2025", True),
    ("Last updated: 18 November 2025, 14:05 GMT", True), ("Published On 22 Sep 2025", True),
    ("14:05 GMT", True), ("March 3, 2025 9:14 AM GMT", True),
    ("Published", False), ("Europe", False), ("Israel at war", False),
    ("May the talks succeed by 2025", False), ("Updated rules take effect on June 1, 2025.", False),
])
def test_timestamp_rule(line: str, expected: bool) -> None:
    assert is_timestamp(line) is expected


@pytest.mark.parametrize("para, wire", [
    ("KYIV, March 3 (Reuters) - Russian drones struck Kyiv.", "Reuters"),
    ("Seoul, South Korea (CNN) — North Korea fired two missiles.", "CNN"),
    ("GOMA, Congo (AP) — Heavy rains cut the roads.", "AP"),
    ("Prime Minister Benjamin Netanyahu (Likud) — a profile of the man.", None),
    ("The army (IDF) — which denied it — said nothing.", None),
])
def test_dateline_wire(para: str, wire: str | None) -> None:
    at = dateline_wire(para)
    assert (para[at[0]:at[1]] if at else None) == wire


@pytest.mark.parametrize("line, credit", [
    ("A man walks past rubble. (AP Photo/Khalil Hamra)", "AP Photo/Khalil Hamra"),
    ("Image source, Getty Images", "Getty Images"),
    ("Soldiers in Seoul on April 25, 2025. Kim Jae-hwan/AFP/Getty Images", "Kim Jae-hwan/AFP/Getty Images"),
    ("Smoke over the city, officials said.", None),
])
def test_caption_credit(line: str, credit: str | None) -> None:
    at = caption_credit(line)
    assert (line[at[0]:at[1]] if at else None) == credit


def layout_kinds(text: str) -> list[str]:
    return [b.kind for b in from_text(text).blocks]


def test_link_list_under_a_header_is_boilerplate_until_a_blank_line() -> None:
    text = ("A headline about the siege of the city\n\n"
            "The first paragraph of the story says what happened on Sunday.\n\n"
            "Related\nArmy says it retook a key bridge\nUN warns of famine as rains cut roads\n\n"
            "The war erupted in April 2023 and has killed tens of thousands of people.\n")
    assert layout_kinds(text) == ["title", "body", "boilerplate", "boilerplate", "boilerplate",
                                  "body"]


def test_a_sentence_under_the_title_before_the_byline_is_the_dek() -> None:
    text = ("Strikes hit the south as envoy arrives\n\n"
            "The envoy is due to meet the president; rockets were fired at the north.\n\n"
            "By Sara Mansour\n\n"
            "The envoy arrived at the airport and is expected to meet the president later today.\n")
    assert layout_kinds(text) == ["title", "dek", "byline", "body"]
    # without a byline or stamp after it, the same sentence is the first paragraph
    assert layout_kinds(text.replace("By Sara Mansour\n\n", "")) == ["title", "body", "body"]


def test_name_over_outlet_is_a_byline() -> None:
    text = ("Families wait for news as deal hangs in balance\n\nLucy Harmon\nBBC News, Jerusalem\n\n"
            "Families of hostages urged the government not to let the ceasefire collapse.\n")
    art = from_text(text)
    assert [b.kind for b in art.blocks] == ["title", "byline", "byline", "body"]
    assert art.byline == ["Lucy Harmon"]
    # a name line without an outlet under it is not a byline
    assert layout_kinds(text.replace("BBC News, Jerusalem", "in the city of Jerusalem")) != \
        ["title", "byline", "byline", "body"]


def test_live_blog_posts_keep_their_headings_as_body() -> None:
    text = ("Live: strikes in the south\n\nBy Tom Reed\n\nKey events\nEnvoy lands in Beirut airport\n\n"
            "14:05 GMT\nEnvoy lands in Beirut airport\n\nThe envoy has arrived at the airport, the agency said.\n\n"
            "12:30 GMT\nStrikes near the border\n\nIsraeli strikes hit two villages, the agency said.\n")
    art = from_text(text)
    assert [b.kind for b in art.blocks] == [
        "title", "byline", "boilerplate", "boilerplate", "dateline", "body", "body", "dateline",
        "body", "body"]
    # the heading repeats a Key events link: the link is skipped, the heading is read
    heading = art.blocks[5]
    assert heading.duplicate_of is None and not art.is_skipped(heading.start, heading.end)


def test_units_cover_every_nonblank_line() -> None:
    text = "a\n\n b \n\nc"
    assert [u.text for u in units(text)] == ["a", "b", "c"]


def test_seed_layout_matches_gold(seed_text: str, seed_gold: dict[str, Any]) -> None:
    gold = seed_gold["layout"]
    art = from_text(seed_text, published="2024-05-10")

    def seg(b: Any) -> str:
        return seed_text[b.start:b.end]

    titles = [seg(b) for b in art.blocks if b.kind == "title"]
    assert art.title in [gold["title"], *gold["title_alternatives"]]
    assert set(titles) == {gold["title"], *gold["title_alternatives"]}
    deks = [seg(b) for b in art.blocks if b.kind == "dek"]
    assert len(deks) == 1 and deks[0].startswith(gold["dek_starts"])
    assert art.byline == [gold["author"]]
    assert [seg(b) for b in art.blocks if b.kind == "byline"][0].startswith(
        gold["author_bio_starts"])
    caps = [b for b in art.blocks if b.kind == "caption"]
    firsts = [seg(b) for b in caps if b.duplicate_of is None]
    assert len(firsts) == len(gold["captions_start"])
    assert all(c.startswith(g) for c, g in zip(firsts, gold["captions_start"]))
    assert sum(1 for b in caps if b.duplicate_of is not None) == gold["duplicate_lines_dropped"]
    body = [seg(b) for b in art.blocks if b.kind == "body"]
    assert body[0].startswith(gold["body_starts"]) and body[-1].startswith(gold["body_ends"])
    assert [seg(b) for b in art.blocks if b.kind == "credit"] == [gold["credit_line"]]
    assert [seg(b) for b in art.blocks if b.kind == "boilerplate"] == gold["boilerplate"]


@pytest.mark.parametrize("line, expected", [
    ("Issued on: 14/10/2025 - 10:32", True), ("Modified: 14/10/2025 - 16:05", True),
    ("August 18, 2025 10:47 PM 3 min read", True), ("Wed 9 Jul 2025 13.20 BST", True),
    ("Issued a warning on Monday", False), ("Modified rules for 2025", False),
])
def test_more_stamp_styles(line: str, expected: bool) -> None:
    assert is_timestamp(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Firefighters work at the site in Lviv on Wednesday. Photograph: Roman Baluk/Reuters", True),
    ("Palestinians walk past destroyed buildings in Gaza City. © Omar al-Qattaa, AFP", True),
    ("Smoke rises over Saratov after an attack. (Illustrative purposes only) (Telegram)", True),
    ("The photograph was taken by a soldier and shared online, officials said.", False),
    ("He said the figure was 40 (not 50) (according to the ministry).", False),
])
def test_more_caption_styles(line: str, expected: bool) -> None:
    assert is_caption(line) is expected


def test_breadcrumb_and_kicker_are_furniture_not_titles() -> None:
    text = ("Home\nWorld\nMiddle East\n\nGaza ceasefire holds as first aid convoys cross\n\n"
            "The first convoys crossed into Gaza on Tuesday, state media said.\n")
    art = from_text(text)
    assert [b.kind for b in art.blocks] == ["boilerplate"] * 3 + ["title", "body"]
    assert art.title == "Gaza ceasefire holds as first aid convoys cross"
    kicker = "Ukraine war\nUkraine says it downed a record number of drones\n\nThe body of the story says so today.\n"
    assert layout_kinds(kicker) == ["boilerplate", "title", "body"]
    # two headline-length lines separated by a blank line stay titles (a headline and its
    # alternative), and a short headline alone is a title
    assert layout_kinds("Talks fail\n\nThe talks failed on Monday, officials said today.\n") == \
        ["title", "body"]


def test_names_over_a_stamp_are_a_byline() -> None:
    text = ("Ukraine says it downed a record number of drones\n\n"
            "Anna Korolenko in Kyiv and Peter Mills\nWed 9 Jul 2025 13.20 BST\n\n"
            "Russia launched 728 drones at Ukraine on Wednesday, the air force said.\n")
    art = from_text(text)
    assert [b.kind for b in art.blocks] == ["title", "byline", "dateline", "body"]
    assert art.byline == ["Anna Korolenko", "Peter Mills"]


def test_lower_case_by_line_is_not_glued_to_the_headline() -> None:
    text = ("Ukraine strikes Russian oil refinery in Saratov, General Staff says\nby Iryna Savchuk\n"
            "August 18, 2025 10:47 PM 3 min read\n\nUkrainian drones struck a refinery, it said.\n")
    art = from_text(text)
    assert [b.kind for b in art.blocks] == ["title", "byline", "dateline", "body"]
    assert art.byline == ["Iryna Savchuk"]


def test_promotion_under_its_header_is_boilerplate() -> None:
    text = ("A headline about the strikes in the south\n\nThe body of the story says what happened today.\n\n"
            "Note from the author:\nHi, this is Jane. I write about the war. If you value our reporting, "
            "please consider becoming a member.\nBecome a member\n")
    assert layout_kinds(text) == ["title", "body", "boilerplate", "boilerplate", "boilerplate"]


@pytest.mark.parametrize("line, expected", [
    ("Supported by", True), ("SKIP ADVERTISEMENT", True), ("Share full article", True),
    ("Close Button", True), ("Copy", True), ("Copy/paste the article video embed link below:", True),
    ("Start a Conversation", True), ("Post comment", True),
    ("Supported by the army, the militia advanced on the town.", False),
    ("Copy of the letter was seen by reporters on Monday.", False),
])
def test_more_furniture(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


def test_nyt_style_head_block() -> None:
    text = ("Israel Expands Gaza Offensive as Aid Trickles In\n\n"
            "The military said it had begun a new ground operation in the north, days after aid.\n\n"
            "Share full article\n\n"
            "Palestinians at a food distribution point on Monday.Credit...Bashar Taleb/Agence "
            "France-Presse — Getty Images\n\n"
            "By Aaron Whitfield and Rania Kassem\nReporting from Jerusalem and Cairo\n\n"
            "May 20, 2025\n\nIsrael’s military said on Tuesday that it had expanded its offensive.\n\n"
            "Yael Ben-Ami contributed reporting from Tel Aviv.\n\n"
            "Aaron Whitfield is a Times correspondent covering Israel and Gaza.\n")
    art = from_text(text)
    assert [b.kind for b in art.blocks] == [
        "title", "dek", "boilerplate", "caption", "byline", "byline", "dateline", "body",
        "credit", "byline"]
    assert art.byline == ["Aaron Whitfield", "Rania Kassem"]


def test_bio_after_the_story_only_for_a_known_author() -> None:
    text = ("A headline about the offensive in the north\n\nBy Jane Roe\n\n"
            "The army said on Tuesday that it had expanded its offensive in the north.\n\n"
            "Sam Doe is a correspondent who covered the war for the paper last year.\n")
    assert layout_kinds(text)[-1] == "body"  # not the byline's author: a body sentence
    assert layout_kinds(text.replace("Sam Doe is", "Jane Roe is"))[-1] == "byline"


@pytest.mark.parametrize("line, kind", [
    ("TOI World Desk / TIMESOFINDIA.COM / Updated: Jun 18, 2025, 09:41 IST", "byline"),
    ("World | Updated: Jun 18, 2025, 09:41 IST", "dateline"),
    ("Israel / Gaza / the talks failed on Monday.", "body"),
])
def test_segmented_stamp_lines(line: str, kind: str) -> None:
    text = ("A headline about the evacuation of students\n\n" + line +
            "\n\nIndia on Wednesday launched an operation to evacuate its nationals, it said.\n")
    assert layout_kinds(text)[1] == kind


@pytest.mark.parametrize("line, expected", [
    ("(With inputs from agencies)", True), ("Additional sources • AFP", True),
    ("Yael Ben-Ami contributed reporting from Tel Aviv.", True),
    ("(With inputs that were never published, he said)", False),
])
def test_more_credit_lines(line: str, expected: bool) -> None:
    from newsledger.ingest.text import is_credit
    assert is_credit(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Aug 6, 2025 - World", True), ("Friday 14 March 2025 11:23, UK", True),
    ("09.12.2024 - Update : 09.12.2024", True),
    ("Aug 6, 2025 - World leaders met in Paris to discuss the war", False),
    ("Version 2.1.3 - Update", False),
])
def test_stamps_with_a_section_label(line: str, expected: bool) -> None:
    assert is_timestamp(line) is expected


def test_name_role_stamp_image_label_block() -> None:
    text = ("Hostage talks resume in Doha as Israel cuts power to Gaza\n\n"
            "Helen Marsh\nMiddle East correspondent @helenmarsh\nFriday 14 March 2025 11:23, UK\n\n"
            "Image:\nDisplaced Palestinians in Jabalia on Thursday. Pic: Reuters\n\n"
            "Israeli and Hamas negotiators resumed indirect talks in Doha on Friday, officials said.\n")
    art = from_text(text)
    assert [b.kind for b in art.blocks] == ["title", "byline", "byline", "dateline", "caption",
                                            "caption", "body"]
    assert art.byline == ["Helen Marsh"]


def test_bare_city_line_and_pipe_byline() -> None:
    text = ("Turkey ready to help rebuild Syria, foreign minister says\n\n"
            "Erdem Kaya  |09.12.2024 - Update : 09.12.2024\n\nANKARA\n\n"
            "The foreign minister said on Monday that Ankara was ready to help, officials said.\n")
    art = from_text(text)
    assert [b.kind for b in art.blocks] == ["title", "byline", "dateline", "body"]
    assert art.byline == ["Erdem Kaya"]
    # an all-capitals line not followed by a paragraph is no dateline
    assert "dateline" not in layout_kinds("A headline about the talks in the city\n\nBREAKING\n")
    # nor is an all-capitals headline of four words or more
    assert layout_kinds("THE GREAT CLIMATE CON\n\nResidents are taking matters into their own "
                        "hands, officials said.\n")[0] == "title"


@pytest.mark.parametrize("line, expected", [
    ("Illustration: Nora Vex/Axios", "Nora Vex/Axios"), ("Photo: Reuters", "Reuters"),
    ("Photo: the army said it was hit.", None),
])
def test_credit_only_lines(line: str, expected: str | None) -> None:
    assert is_caption(line) is (expected is not None)
    if expected:
        at = caption_credit(line)
        assert at is not None and line[at[0]:at[1]] == expected


# --- heldout4 styles (ToI live blog, Middle East Eye, Ukrainska Pravda, TASS, Washington Post) ---

@pytest.mark.parametrize("line, expected", [
    ("Tags", True), ("Topics", True), ("Follow", True), ("6 min", True), ("Gift Article", True),
    ("|", True), ("* * *", True),
    ("Support UP or become our patron!", True),
    ("You will receive email alerts from this author. Manage alert preferences on your profile page",
     True),
    ("Correction: An earlier version of this article misstated the number of hostages released.",
     True),
    ("Middle East Eye delivers independent coverage of the region. To learn more about "
     "republishing this content and the associated fees, please fill out this form.", True),
    # sentences that only start like furniture
    ("Tags on the crates showed they came from a depot in the north.", False),
    ("Follow-up talks are expected next week, officials said.", False),
    ("6 min after the sirens, the first interceptors were launched.", False),
    ("Correction officers at the prison went on strike on Monday.", False),
    ("Support for the ceasefire has grown, a poll found.", False),
    ("The newspaper said it would republish the letter on Monday.", False),
])
def test_heldout4_furniture(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Published date: 12 March 2025 15:20 GMT", True),
    ("Last update: 12 March 2025 17:25 GMT", True),
    ("Published date of the report was not given.", False),
])
def test_heldout4_stamps(line: str, expected: bool) -> None:
    assert is_timestamp(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Trucks wait at the Kerem Shalom crossing in southern Gaza on 10 March 2025 (AFP)", True),
    ("Soldiers stand near the border with Lebanon on 4 March (Name Surname/Flash90)", True),
    # an unpunctuated line ending in a bracket that is no credit is not a caption
    ("Trucks wait at the Kerem Shalom crossing in southern Gaza (file)", False),
    ("Talks between Israel and Hamas resume in Cairo (update)", False),
])
def test_unpunctuated_caption_with_a_credit_bracket(line: str, expected: bool) -> None:
    assert is_caption(line) is expected


@pytest.mark.parametrize("para, wire", [
    ("MOSCOW, May 3. /TASS/. Russia's foreign minister held a call on Saturday.", "TASS"),
    ("BEIJING, May 3 /Xinhua/ -- China said on Saturday it supports peace talks.", "Xinhua"),
    ("MOSCOW, May 3. Russia's foreign minister held a call on Saturday.", None),
])
def test_slash_wire_dateline(para: str, wire: str | None) -> None:
    at = dateline_wire(para)
    assert (para[at[0]:at[1]] if at else None) == wire


def test_desk_and_person_byline_names_the_person() -> None:
    assert byline_names("By Noa Levin and ToI Staff") == ["Noa Levin"]
    assert byline_names("By ToI Staff") == []


def test_name_over_follow_line_over_stamp_is_a_byline() -> None:
    text = ("Gaza: Aid convoy turned back at the crossing, UN says\n"
            "Israeli authorities blocked 40 trucks carrying flour and medicine, UN officials said\n"
            "Lubna Haddad\nFollow Lubna Haddad on X\nPublished date: 12 March 2025 15:20 GMT\n|\n"
            "Last update: 12 March 2025 17:25 GMT\n\n"
            "Israeli authorities turned back a convoy of 40 aid trucks on Wednesday, the UN said.\n")
    art = from_text(text)
    assert [b.kind for b in art.blocks] == ["title", "dek", "byline", "boilerplate", "dateline",
                                            "boilerplate", "dateline", "body"]
    assert art.byline == ["Lubna Haddad"]
    # a name line followed by furniture and then the body (no stamp) is not a byline
    plain = text.replace("Published date: 12 March 2025 15:20 GMT\n|\nLast update: 12 March 2025 "
                         "17:25 GMT\n", "")
    assert from_text(plain).byline == []


def test_name_dash_stamp_line_is_a_byline() -> None:
    text = ("Russians attack Zaporizhzhia with guided bombs, injuring two\n"
            "Maria Kovalenko — Wednesday, 7 May 2025, 08:14\n\n"
            "Russian forces struck Zaporizhzhia with guided aerial bombs overnight, injuring two.\n")
    art = from_text(text)
    assert [b.kind for b in art.blocks] == ["title", "byline", "body"]
    assert art.byline == ["Maria Kovalenko"]


def test_source_label_naming_a_person_is_body_and_naming_agencies_is_a_credit() -> None:
    head = "A headline about the strikes\n\nRussian forces struck the city overnight, injuring two.\n\n"
    person = "Source: Ivan Fedorov, Head of the Oblast Military Administration, on Telegram\n"
    agencies = "Source: Al Jazeera and news agencies\n"
    assert layout_kinds(head + person)[-1] == "body"
    assert layout_kinds(head + agencies)[-1] == "credit"
    assert layout_kinds(head + "Additional sources • AFP\n")[-1] == "credit"


def test_unpunctuated_dek_longer_than_the_headline() -> None:
    text = ("World\nIsrael and Hamas negotiators resume talks in Cairo\n"
            "Negotiators are expected to discuss a phased release of hostages, officials said\n"
            "Listen to this article\n6 min\nGift Article\nShare\nBy Karen Holt\n"
            "October 14, 2025 at 6:30 a.m. EDT\n\n"
            "CAIRO — Israeli and Hamas negotiators resumed indirect talks in Cairo on Tuesday.\n")
    assert layout_kinds(text) == ["boilerplate", "title", "dek", "boilerplate", "boilerplate",
                                  "boilerplate", "boilerplate", "byline", "dateline", "body"]
    # a line restating the headline under a section label is the headline again, not a dek
    again = ("Offshore wind can be the next gold rush\n\n"
             "Letters to the Editor: Offshore wind can be the next gold rush\n\n"
             "To the editor: Just as the Pacific was critical to the miners, it is key again.\n")
    assert layout_kinds(again)[:2] == ["title", "title"]


def test_short_label_inside_a_furniture_strip_is_furniture() -> None:
    text = ("News\nIndia launches operation to evacuate students from Iran\n\nBy Jane Roe\n\n"
            "Share\nAA\n+\nText Size\n\n"
            "India launched an operation on Tuesday to evacuate its students from Iran.\n")
    art = from_text(text)
    assert art.title == "India launches operation to evacuate students from Iran"
    assert [b.kind for b in art.blocks][3:7] == ["boilerplate"] * 4


@pytest.mark.parametrize("line, expected", [
    ("Username", True), ("Password", True), ("Sign in | Register", True), ("My account", True),
    ("Welcome back, Guest", True), ("Log in Username", True), ("Forgot your password?", True),
    ("Log in to comment on this story about the war", False), ("Account of the siege", False),
    ("Register of deaths kept by the ministry", False),
])
def test_login_menus_and_account_widgets_are_boilerplate(line: str, expected: bool) -> None:
    assert is_boilerplate(line) is expected


def test_account_widget_is_never_a_title_or_byline() -> None:
    art = from_text("Army takes the town after weeks of fighting\nUsername\n10 March 2025\n\n"
                    "The army said on Monday that it had taken the town after weeks of fighting.\n")
    assert art.title == "Army takes the town after weeks of fighting"
    assert art.byline == []
    assert byline_names("By Username") == []


@pytest.mark.parametrize("para, credit", [
    (("Reporting from Deir el-Balah, Al Jazeera's Nida Ibrahim said the queues stretched for "
      "kilometres."), False),
    ("Reporting from the eastern bank, our correspondent told us: “It has not stopped.”", False),
    ("Reporting by Jane Roe in Kyiv; Editing by Peter Kane", True),
    ("(Reporting by Jane Roe; Editing by Peter Kane)", True),
    ("Additional reporting from Reuters.", True),
])
def test_reporting_from_with_speech_is_body_not_credit(para: str, credit: bool) -> None:
    from newsledger.ingest.text import is_credit

    assert is_credit(para) is credit


def test_reporting_from_paragraph_keeps_its_quote_and_credits_no_wire() -> None:
    from newsledger import extract

    text = ("Aid trucks wait at crossing as talks resume\n\nBy Samira Haddad\n\n"
            "Negotiators returned to Doha on Tuesday for a new round of talks, officials said.\n\n"
            "Reporting from Deir el-Balah, Al Jazeera's Nida Ibrahim said the queues of trucks "
            "stretched for several kilometres.\n")
    rec = extract(text, published="2025-02-11")
    para = text.index("Reporting from")
    assert rec.blocks and next(b.kind for b in rec.blocks if b.start <= para < b.end) == "body"
    assert not [s for s in rec.sources if s.role == "wire_credit"]
    assert any(q.content.start >= para for q in rec.quotes)
