"""Tables read well at 80 columns: columns dropped by priority, long ids folded, numbers in full
with thousands separators, a speaker with only a mention shows the mention."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.cli.table import fit, num, print_table, value_text, who
from newsledger.ledger.synthetic import make_record
from newsledger.record import Figure, Quote, Record, Span, Speaker

from .test_ledger_cli import write_records

runner = CliRunner()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    src = write_records(tmp_path / "records.jsonl")
    big = make_record("big1", "2024-05-09", [(11_000_000, "displaced", "Sudan",
                                              "the United Nations refugee agency UNHCR", True)],
                      outlet="Reuters")
    with src.open("a", encoding="utf-8") as fh:
        fh.write(big.to_json() + "\n")
    out = tmp_path / "l.sqlite"
    res = runner.invoke(app, ["ingest", str(src), "--db", str(out), "-q"])
    assert res.exit_code == 0, res.output
    return out


def _widths(text: str) -> list[int]:
    return [len(line) for line in text.splitlines()]


def test_numbers_in_full() -> None:
    assert num(11_000_000) == "11,000,000" and num(1.1e7) == "11,000,000"
    assert num(2.5) == "2.5" and num(None) == "?"
    assert value_text(34000, None, None, "more_than") == "> 34,000"
    assert value_text(None, 20, 30, "range") == "20–30"


def test_fit_drops_the_least_important_columns_first() -> None:
    cols = [("a", 0, 20), ("b", 2, 20), ("c", 1, 20), ("d", 3, 20)]
    assert fit(cols, None) == ["a", "b", "c", "d"]
    assert fit(cols, 80) == ["a", "b", "c"]
    assert fit(cols, 50) == ["a", "c"]
    assert fit(cols, 5) == ["a"]


@pytest.mark.parametrize("sub", [[], ["show", "killed:people:gaza:cumulative"],
                                 ["search", "hostages"]])
def test_ledger_tables_fit_80_columns(db: Path, sub: list[str],
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    res = runner.invoke(app, ["ledger", *sub, "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert max(_widths(res.stdout)) <= 80, res.stdout
    assert "e+" not in res.stdout


def test_ledger_list_at_80_columns_keeps_what_matters(db: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = runner.invoke(app, ["ledger", "--db", str(db)]).stdout
    assert "11,000,000" in out and "34,700" in out and "2024-05-08" in out
    assert "…" not in out  # ids are folded onto the next line, never cut
    head = out.splitlines()[2]
    assert "series" in head and "latest" in head and "outlets" not in head
    monkeypatch.setenv("COLUMNS", "200")
    wide = runner.invoke(app, ["ledger", "--db", str(db)]).stdout
    assert "outlets" in wide and "origins" in wide


def _record() -> Record:
    text = ("Officials said 11,000,000 people have fled. “We are out of food,” a resident told "
            "reporters. The ministry says 4,312 were killed.")
    i = text.index("11,000,000")
    q = text.index("We are")
    m = text.index("a resident")
    k = text.index("4,312")
    return Record(
        id="t", text=text, published="2025-03-07",
        quotes=[Quote("direct", Span.of(text, q, text.index(",”")),
                      speaker=Speaker(Span.of(text, m, m + len("a resident")), None))],
        figures=[Figure(Span.of(text, i, i + 10), 1.1e7, metric="displaced",
                        claimant=Speaker(None, "Officials")),
                 Figure(Span.of(text, k, k + 5), 4312.0, approx="at_least", metric="killed")])


def test_extract_table_at_80_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = io.StringIO()
    print_table(_record(), out)
    text = out.getvalue()
    assert max(_widths(text)) <= 80, text
    assert "11,000,000" in text and "1.1e+07" not in text and "≥ 4,312" in text
    assert "a resident" in text.split("figures")[0]  # the mention, not "?"


def test_who() -> None:
    text = "a resident said"
    assert who(Speaker(Span.of(text, 0, 10), None)) == "a resident"
    assert who(Speaker(None, "Ines Moreau")) == "Ines Moreau"
    assert who(Speaker(None, None)) == "?" and who(None) == ""
