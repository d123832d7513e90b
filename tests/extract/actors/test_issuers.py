"""Documents speak for their issuer: which issuer the text names, and when it names none."""

from __future__ import annotations

from newsledger import extract


def speakers(text: str) -> dict[str, str | None]:
    rec = extract(text, published="2024-01-01")
    rec.verify()
    return {q.content.text: q.speaker.name for q in rec.quotes}


def test_a_report_in_an_outlet_is_the_outlet_speaking() -> None:
    got = speakers("Farm incomes have doubled, a report in The Northern Times said.")
    assert got["Farm incomes have doubled"] == "Northern Times"


def test_a_report_in_a_place_is_no_issuer() -> None:
    got = speakers("Farm incomes have doubled, a report in Vardia said.")
    assert got["Farm incomes have doubled"] is None


def test_a_new_report_is_not_the_last_issuers() -> None:
    text = ("Farm incomes have doubled, a report by the Northern Times said. "
            "Prices fell in May, a report said.")
    got = speakers(text)
    assert got["Farm incomes have doubled"] == "Northern Times"
    assert got["Prices fell in May"] is None


def test_the_report_is_the_last_issuers() -> None:
    text = ("Farm incomes have doubled, a report by the Northern Times said. "
            "Prices fell in May, the report said.")
    assert speakers(text)["Prices fell in May"] == "Northern Times"


def test_a_governments_statistics_are_the_governments() -> None:
    got = speakers("According to Vardian government statistics, 40 farms have closed.")
    assert got["40 farms have closed"] == "Vardian government"


def test_statistics_with_no_body_named_stay_a_description() -> None:
    got = speakers("According to Vardian statistics, 40 farms have closed.")
    assert got["40 farms have closed"] != "Vardian"
