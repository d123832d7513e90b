"""`newsledger ingest` and `newsledger ledger …` through the real typer app."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from typer.testing import CliRunner

from newsledger.cli import app
from newsledger.ledger.synthetic import make_record

runner = CliRunner()


def write_records(path: Path) -> Path:
    recs = [
        make_record("ap1", "2024-05-01", [(34000, "killed", "Gaza",
                                           "the Hamas-run health ministry", True)],
                    outlet="AP", wire="AP", url="https://ap.example/1"),
        make_record("npr1", "2024-05-01", [(34000, "killed", "Gaza",
                                            "the Ministry of Health in Gaza", True)],
                    outlet="NPR", wire="AP"),
        make_record("bbc2", "2024-05-08", [(34700, "killed", "Gaza", "the health ministry", True),
                                           (128, "hostages_held", "Gaza", "Israel", True)],
                    outlet="BBC"),
    ]
    path.write_text("".join(r.to_json() + "\n" for r in recs), encoding="utf-8")
    return path


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    src = write_records(tmp_path / "records.jsonl")
    out = tmp_path / "l.sqlite"
    res = runner.invoke(app, ["ingest", str(src), "--db", str(out), "-q"])
    assert res.exit_code == 0, res.output
    return out


def test_ingest_reports_and_is_idempotent(tmp_path: Path, db: Path) -> None:
    src = tmp_path / "records.jsonl"
    res = runner.invoke(app, ["ingest", str(src), "--db", str(db), "-q", "--json"])
    assert res.exit_code == 0
    counts = json.loads(res.stdout.strip().splitlines()[-1])
    assert counts["unchanged"] == 3 and counts["new"] == 0 and counts["figures"] == 0


def test_ingest_default_db_in_cwd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    src = write_records(tmp_path / "r.jsonl")
    monkeypatch.chdir(tmp_path)
    res = runner.invoke(app, ["ingest", str(src), "-q"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "newsledger.sqlite").exists()


def test_ingest_missing_file_fails_cleanly(tmp_path: Path) -> None:
    res = runner.invoke(app, ["ingest", str(tmp_path / "nope.jsonl"), "--db",
                              str(tmp_path / "x.sqlite")])
    assert res.exit_code == 2 and "No such file" in res.output


def test_ingest_bad_lines_warn_and_go_on(tmp_path: Path) -> None:
    good = make_record("g1", "2024-05-01", [(5, "killed", "Gaza", "medics", False)])
    src = tmp_path / "mixed.jsonl"
    src.write_text(good.to_json() + "\n{not json\n", encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(src), "--db", str(tmp_path / "m.sqlite"), "-q"])
    assert res.exit_code == 0
    assert "warning" in res.output and "1 new" in res.output and "1 failed" in res.output


def test_list_table_json_csv(db: Path) -> None:
    res = runner.invoke(app, ["ledger", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "people killed in Gaza" in res.output and "hostages held in Gaza" in res.output
    assert "Gaza health ministry" in res.output
    res = runner.invoke(app, ["ledger", "killed", "--db", str(db), "--format", "json"])
    rows = json.loads(res.stdout)
    assert [r["id"] for r in rows] == ["killed:people:gaza:cumulative"]
    assert rows[0]["latest_value"] == 34700 and rows[0]["latest_date"] == "2024-05-08"
    assert rows[0]["points"] == 3 and rows[0]["origins"] == 2 and rows[0]["flags"]["echo"] == 1
    res = runner.invoke(app, ["ledger", "list", "--db", str(db), "-f", "csv"])
    got = list(csv.DictReader(io.StringIO(res.stdout)))
    assert {r["id"] for r in got} == {"killed:people:gaza:cumulative",
                                      "hostages_held:hostages:gaza:cumulative"}


def test_options_before_query(db: Path) -> None:
    res = runner.invoke(app, ["ledger", "--db", str(db), "-f", "json", "hostages"])
    assert res.exit_code == 0, res.output
    assert [r["id"] for r in json.loads(res.stdout)] == ["hostages_held:hostages:gaza:cumulative"]


def test_list_filters(db: Path) -> None:
    res = runner.invoke(app, ["ledger", "--db", str(db), "-f", "json", "--outlet", "NPR"])
    rows = json.loads(res.stdout)
    assert len(rows) == 1 and rows[0]["points"] == 1
    res = runner.invoke(app, ["ledger", "--db", str(db), "-f", "json", "--claimant", "Israel"])
    assert [r["id"] for r in json.loads(res.stdout)] == ["hostages_held:hostages:gaza:cumulative"]
    res = runner.invoke(app, ["ledger", "--db", str(db), "-f", "json", "--since", "2024-05-02"])
    assert sum(r["points"] for r in json.loads(res.stdout)) == 2
    res = runner.invoke(app, ["ledger", "--db", str(db), "--until", "yesterday"])
    assert res.exit_code == 2 and "not a date" in res.output


def test_show(db: Path) -> None:
    res = runner.invoke(app, ["ledger", "show", "people killed in Gaza", "--db", str(db)])
    assert res.exit_code == 0, res.output
    assert "echo" in res.output and "ap1" in res.output and "34,700" in res.output
    res = runner.invoke(app, ["ledger", "show", "killed:people:gaza:cumulative", "--db", str(db),
                              "-f", "json", "--claimant", "health ministry"])
    doc = json.loads(res.stdout)
    assert doc["series"]["id"] == "killed:people:gaza:cumulative"
    assert [p["article_id"] for p in doc["points"]] == ["ap1", "npr1", "bbc2"]
    res = runner.invoke(app, ["ledger", "show", "killed", "--db", str(db), "-f", "csv"])
    assert res.exit_code == 0 and res.stdout.count("\n") == 4
    res = runner.invoke(app, ["ledger", "show", "nothing like this", "--db", str(db)])
    assert res.exit_code == 2 and "No single series" in res.output


def test_export_formats(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "points.csv"
    res = runner.invoke(app, ["ledger", "export", "--db", str(db), "-f", "csv", "-o", str(out)])
    assert res.exit_code == 0 and "4 point(s)" in res.output
    assert len(list(csv.DictReader(out.open()))) == 4
    res = runner.invoke(app, ["ledger", "export", "--db", str(db), "-f", "jsonl",
                              "-s", "hostages_held:hostages:gaza:cumulative"])
    assert [json.loads(x)["value"] for x in res.stdout.splitlines()] == [128.0]
    res = runner.invoke(app, ["ledger", "export", "--db", str(db), "-f", "wikidata"])
    assert len(json.loads(res.stdout)["statements"]) == 4


def test_article_search_metadata(db: Path) -> None:
    res = runner.invoke(app, ["ledger", "article", "npr1", "--db", str(db)])
    assert json.loads(res.stdout)["id"] == "npr1"
    res = runner.invoke(app, ["ledger", "article", "zzz", "--db", str(db)])
    assert res.exit_code == 2
    res = runner.invoke(app, ["ledger", "search", "hostages", "--db", str(db)])
    # The matched word is shown (bold on a terminal), never wrapped in literal brackets.
    assert "bbc2" in res.output and "hostages" in res.output and "[hostages]" not in res.output
    # Text that is not FTS5 syntax is searched for as plain words, not an SQLite error.
    for words in ("al-Shifa", "Israel's", "NEAR(", "hostages AND"):
        res = runner.invoke(app, ["ledger", "search", words, "--db", str(db)])
        assert res.exit_code == 0, (words, res.output)
    res = runner.invoke(app, ["ledger", "metadata", "--db", str(db)])
    assert "figures" in json.loads(res.stdout)["databases"]["l"]["tables"]


def test_missing_db_is_a_clean_error(tmp_path: Path) -> None:
    res = runner.invoke(app, ["ledger", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 2 and "newsledger ingest" in res.output
    assert not (tmp_path / "none.sqlite").exists()


@pytest.mark.parametrize("cmd", [["ingest"], ["ledger"], ["ledger", "list"], ["ledger", "show"],
                                 ["ledger", "export"], ["ledger", "article"],
                                 ["ledger", "search"], ["ledger", "metadata"]])
def test_help_ends_with_example(cmd: list[str]) -> None:
    res = runner.invoke(app, [*cmd, "--help"])
    assert res.exit_code == 0, res.output
    usage_text = res.output.split("Options")[0]
    assert "Example:" in usage_text
    assert "newsledger " in usage_text.split("Example:")[1]


def test_ingest_text_file_with_real_extraction(tmp_path: Path) -> None:
    art = tmp_path / "story.txt"
    art.write_text("Talks resume in Cairo\n\nMediators met in Cairo on Monday, officials said. "
                   "The talks will resume next week.\n", encoding="utf-8")
    db = tmp_path / "t.sqlite"
    res = runner.invoke(app, ["ingest", str(art), "--db", str(db), "-q",
                              "--published", "2024-05-10"])
    assert res.exit_code == 0, res.output
    res = runner.invoke(app, ["ledger", "article", "story", "--db", str(db)])
    rec = json.loads(res.stdout)
    assert rec["published"] == "2024-05-10" and rec["text"].startswith("Talks resume")
    assert not [e for e in rec["errors"] if e["stage"] not in ("times",)]
    res = runner.invoke(app, ["ingest", str(art), "--db", str(db), "-q", "--json",
                              "--published", "2024-05-10"])
    assert json.loads(res.stdout.strip().splitlines()[-1])["unchanged"] == 1


def test_claimants_lists_canonical_claimants_with_counts_and_variants(tmp_path: Path) -> None:
    recs = [make_record("c1", "2023-12-01", [(15000, "killed", "Gaza", "Ashraf al-Qudra", True)]),
            make_record("c2", "2023-12-02", [(15500, "killed", "Gaza", "Ashraf Al-Qidra", True)]),
            make_record("c3", "2023-12-03", [(16000, "killed", "Gaza", "11 Palestinians", True),
                                             (128, "hostages_held", "Gaza", "the army", True)])]
    src = tmp_path / "r.jsonl"
    src.write_text("".join(r.to_json() + "\n" for r in recs), encoding="utf-8")
    db = tmp_path / "c.sqlite"
    assert runner.invoke(app, ["ingest", str(src), "--db", str(db), "-q"]).exit_code == 0
    res = runner.invoke(app, ["ledger", "claimants", "--db", str(db), "-f", "json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert [(c["claimant"], c["points"]) for c in out["claimants"]] == [("Ashraf al-Qudra", 2)]
    assert {v for v, _ in out["claimants"][0]["variants"]} == {"Ashraf al-Qudra",
                                                               "Ashraf Al-Qidra"}
    assert out["unattributed_points"] == 2
    res = runner.invoke(app, ["ledger", "claimants", "--db", str(db), "-m", "3"])
    assert res.exit_code == 0 and "Ashraf" not in res.stdout and "0 claimant(s)" in res.stdout
    res = runner.invoke(app, ["ledger", "claimants", "--db", str(db), "-f", "csv"])
    rows = list(csv.reader(io.StringIO(res.stdout)))
    assert rows[0] == ["claimant", "points", "series", "variants"] and rows[1][:3] == [
        "Ashraf al-Qudra", "2", "1"]
    res = runner.invoke(app, ["ledger", "claimants", "--db", str(tmp_path / "none.sqlite")])
    assert res.exit_code == 2


def test_postgres_url_or_file_everywhere_and_copy_between_them(ledger_db: str,
                                                                tmp_path: Path) -> None:
    """`--db` takes a SQLite file or a postgresql:// URL alike (ledger_db is each in turn);
    `ledger copy` moves the ledger to a file and back with the same digest."""
    src = write_records(tmp_path / "records.jsonl")
    res = runner.invoke(app, ["ingest", str(src), "--db", ledger_db, "-q", "-f", "json"])
    assert res.exit_code == 0, res.output
    assert json.loads(res.stdout.strip().splitlines()[-1])["new"] == 3
    password = urlsplit(ledger_db).password
    # messages show the URL without its password (which may equal the user name, as in CI)
    assert not password or f":{password}@" not in res.output
    listed = runner.invoke(app, ["ledger", "--db", ledger_db, "-f", "json"])
    assert listed.exit_code == 0, listed.output
    assert {s["id"] for s in json.loads(listed.stdout)} >= {"killed:people:gaza:cumulative"}
    digest = runner.invoke(app, ["ledger", "digest", "--db", ledger_db])
    assert digest.exit_code == 0, digest.output
    want = json.loads(digest.stdout)["digest"]
    copy = tmp_path / "copy.sqlite"
    res = runner.invoke(app, ["ledger", "copy", ledger_db, str(copy)])
    assert res.exit_code == 0, res.output
    assert res.stdout.count(want) == 2  # source and copy
    again = runner.invoke(app, ["ledger", "copy", str(copy), ledger_db])
    assert again.exit_code == 2 and "already holds articles" in again.output
    res = runner.invoke(app, ["ledger", "copy", str(tmp_path / "none.sqlite"), ledger_db])
    assert res.exit_code == 2 and "No ledger" in res.output
