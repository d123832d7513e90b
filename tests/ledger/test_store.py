"""The ledger store: schema, one transaction per article, idempotence, versions, read API."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from newsledger.errors import StoreError
from newsledger.ledger import Ledger
from newsledger.ledger.meta import datasette_metadata
from newsledger.ledger.schema import TABLES as SCHEMA_TABLES
from newsledger.ledger.store import is_url
from newsledger.ledger.synthetic import make_record
from newsledger.record import Entity, Quote, Record, Source, Span, Speaker

TABLES = ("articles", "records", "passages", "series", "figures", "quotes", "sources", "entities",
          "meta")


def full_record(aid: str = "a1", value: int = 34000, url: str | None = "https://x.org/a1",
                extra: str = "") -> Record:
    rec = make_record(aid, "2024-05-10", [(value, "killed", "Gaza",
                                           "the Hamas-run health ministry", True)],
                      outlet="AP", wire="AP", filler=extra, url=url)
    t = rec.text
    i = t.index("said")
    rec.quotes.append(Quote("indirect", Span.of(t, 0, i), Span.of(t, i, i + 4),
                            Speaker(None, "Gaza health ministry")))
    g = t.index("Gaza", 8)
    rec.entities.append(Entity(Span.of(t, g, g + 4), "GPE", "Gaza"))
    rec.sources.append(Source(Span.of(t, g, g + 4), "Gaza", "cited"))
    rec.verify()
    rec.validate()
    return rec


def table_counts(db: str) -> dict[str, int]:
    """Rows per table, on either backend (through the store's own dump)."""
    with Ledger(db, readonly=True) as led:
        return {t: sum(1 for _ in led.store.dump(t)) for t in TABLES}


def rows(db: str, table: str) -> list[dict[str, object]]:
    with Ledger(db, readonly=True) as led:
        return list(led.store.dump(table))


def test_schema_wal_foreign_keys_and_indexes(tmp_path: Path) -> None:
    db = tmp_path / "l.sqlite"
    Ledger(db).close()
    con = sqlite3.connect(db)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master")}
    assert set(TABLES) <= names
    assert {"articles_fts", "flag_links", "figures_series", "figures_claimant"} <= names
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    fks = {r[2] for r in con.execute("PRAGMA foreign_key_list(figures)")}
    assert {"articles", "series", "passages"} <= fks
    for t in ("records", "quotes", "sources", "entities", "passages"):
        assert "articles" in {r[2] for r in con.execute(f"PRAGMA foreign_key_list({t})")}, t


def test_datasette_metadata_describes_every_table_and_column(tmp_path: Path) -> None:
    db = tmp_path / "news.sqlite"
    Ledger(db).close()
    meta = datasette_metadata("news")
    tables = meta["databases"]["news"]["tables"]
    con = sqlite3.connect(db)
    for t in ("articles", "records", "series", "figures", "quotes", "sources", "entities",
              "passages"):
        cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})")]
        documented = tables[t]["columns"]
        missing = [c for c in cols if c not in documented and c not in ("id", "article_pk", "idx")]
        assert not missing, f"{t}: undocumented columns {missing}"
        assert tables[t]["description"]


def test_article_stored_whole(ledger_db: str, tmp_path: Path) -> None:
    rec = full_record()
    with Ledger(ledger_db) as led:
        assert led.add(rec) == "new"
        led.refresh()
    c = table_counts(ledger_db)
    assert c["articles"] == c["records"] == 1
    assert c["figures"] == 1 and c["quotes"] == 1 and c["entities"] == 1
    assert c["sources"] == 2
    text = rows(ledger_db, "articles")[0]["text"]
    fig, = rows(ledger_db, "figures")
    assert text[fig["span_start"]:fig["span_end"]] == fig["span_text"] == "34,000"
    assert fig["claimant"] == "Gaza health ministry"
    assert [r["canonical"] for r in rows(ledger_db, "sources") if r["role"] == "wire_credit"] \
        == ["The Associated Press"]


def test_reingest_changes_nothing(ledger_db: str, tmp_path: Path) -> None:
    path = ledger_db
    rec = full_record()
    with Ledger(path) as led:
        led.ingest_records([rec])
    before = table_counts(path)
    dump1 = {t: rows(path, t) for t, _ in SCHEMA_TABLES}
    with Ledger(path) as led:
        stats = led.ingest_records([rec, Record.from_dict(rec.to_dict())])
    assert stats.unchanged == 2 and stats.new == 0 and stats.new_version == 0
    assert table_counts(path) == before
    assert {t: rows(path, t) for t, _ in SCHEMA_TABLES} == dump1


def test_changed_text_same_id_is_new_linked_version(ledger_db: str, tmp_path: Path) -> None:
    path = ledger_db
    with Ledger(path) as led:
        led.ingest_records([full_record("a1", 34000)])
        stats = led.ingest_records([full_record("a1", 34100, extra="Updated. ")])
        assert stats.new_version == 1
        rec = led.article("a1")
        assert rec["ledger"]["version"] == 2 and rec["ledger"]["supersedes"] is not None
        assert [v["version"] for v in rec["ledger"]["versions"]] == [1, 2]
        old = led.article("a1", version=1)
        assert "34,000" in old["text"] and old["ledger"]["is_latest"] is False
        s = led.series()[0]
        pts = led.points(s["id"])
        assert [p["value"] for p in pts] == [34100.0]  # only the latest version is current
        assert s["points"] == 1
    assert table_counts(path)["articles"] == 2


def test_changed_text_same_url_other_id_is_new_version(ledger_db: str, tmp_path: Path) -> None:
    with Ledger(ledger_db) as led:
        led.add(full_record("a1", 34000, url="https://x.org/story"))
        assert led.add(full_record("b7", 35000, url="https://x.org/story")) == "new_version"
        assert led.article("b7")["ledger"]["supersedes"] == led.article("a1")["ledger"][
            "article_pk"]
        # a different URL and id is simply another article
        assert led.add(full_record("c1", 35000, url="https://x.org/other")) == "new"


def test_article_roundtrip_is_the_record(ledger_db: str, tmp_path: Path) -> None:
    rec = full_record()
    with Ledger(ledger_db) as led:
        led.add(rec)
        got = led.article("a1")
    assert got is not None
    meta = got.pop("ledger")
    assert meta["figure_ids"] and meta["is_latest"] is True
    assert got == rec.to_dict()
    back = Record.from_dict(got)
    back.verify()
    back.validate()


def test_failed_record_is_counted_not_stored(ledger_db: str, tmp_path: Path) -> None:
    bad = Record.from_error("line-3", "ingest", "line 3: not JSON")
    with Ledger(ledger_db) as led:
        stats = led.ingest_records([bad, full_record()])
        assert stats.failed == 1 and stats.new == 1
        assert led.stats()["articles"] == 1


def test_search_full_text(ledger_db: str, tmp_path: Path) -> None:
    with Ledger(ledger_db) as led:
        led.add(full_record("a1", extra="Talks in Cairo stalled. "))
        led.add(full_record("a2", 35000, url=None, extra="Rafah crossing closed. "))
        hits = led.search("Rafah")
        assert [h["article_id"] for h in hits] == ["a2"]
        assert led.search("nothingmatcheshere") == []
        if is_url(ledger_db):  # websearch_to_tsquery reads any text: never a syntax error
            assert led.search('"unbalanced') == []
            assert [h["article_id"] for h in led.search('"Rafah crossing')] == ["a2"]
        else:
            with pytest.raises(StoreError):
                led.search('"unbalanced')
        assert [h["article_id"] for h in led.search("Cairo OR Rafah")] in (["a1", "a2"],
                                                                        ["a2", "a1"])
        assert [h["article_id"] for h in led.search("killed NOT Rafah")] == ["a1"]


def test_readonly_and_bad_files(tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        Ledger(tmp_path / "missing.sqlite", readonly=True)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(StoreError):
        Ledger(junk)
    path = tmp_path / "l.sqlite"
    with Ledger(path) as led:
        led.ingest_records([full_record()])
    with Ledger(path, readonly=True) as ro:
        assert ro.series()[0]["points"] == 1
        assert ro.points(ro.series()[0]["id"])[0]["outlet"] == "AP"
        with pytest.raises(StoreError):
            ro.add(full_record("zz"))
        assert ro.article("nope") is None


def test_filters_and_point_fields(ledger_db: str, tmp_path: Path) -> None:
    with Ledger(ledger_db) as led:
        led.ingest_records([
            make_record("a", "2024-05-01", [(34000, "killed", "Gaza", "the health ministry",
                                             True)], outlet="AP"),
            make_record("b", "2024-05-03", [(34100, "killed", "Gaza", "the IDF", True)],
                        outlet="BBC"),
            make_record("c", "2024-05-06", [(34200, "killed", "Gaza",
                                             "the Ministry of Health in Gaza", True)],
                        outlet="BBC"),
        ])
        sid = led.find_series("people killed in Gaza")["id"]
        assert sid == "killed:people:gaza:cumulative"
        assert led.find_series("killed:people") is not None
        assert led.find_series("no such series") is None
        assert len(led.points(sid)) == 3
        ministry = led.points(sid, claimant="Hamas-run health ministry")
        assert [p["article_id"] for p in ministry] == ["a", "c"]
        assert [p["article_id"] for p in led.points(sid, since="2024-05-02")] == ["b", "c"]
        assert [p["article_id"] for p in led.points(sid, until="2024-05-03")] == ["a", "b"]
        assert [p["article_id"] for p in led.points(sid, outlet="bbc")] == ["b", "c"]
        listed = led.series(claimant="gaza health ministry")
        assert listed[0]["points"] == 2 and listed[0]["latest_value"] == 34200
        assert led.series(since="2030-01-01") == []
        with pytest.raises(StoreError):
            led.series(since="last week")
        p = ministry[0]
        for key in ("value", "low", "high", "as_of", "claimant", "outlet", "article_id", "url",
                    "span", "flags", "title", "published", "hedges"):
            assert key in p
        rec = led.article(p["article_id"])
        assert rec["text"][p["span"]["start"]:p["span"]["end"]] == p["span"]["text"]
        assert led.point(p["id"])["id"] == p["id"]


def _fake_extract(items):  # type: ignore[no-untyped-def]
    """Articles to bare records without NLP (identity rules do not depend on extraction)."""
    from newsledger.ingest.batch import BadLine

    for a in items:
        if isinstance(a, BadLine):
            yield Record.from_error(a.id, "ingest", a.message, a.line)
        else:
            yield Record(id=a.id, text=a.text, url=a.url, outlet=a.outlet, published=a.published)


def test_ingest_identity_rules(ledger_db: str, tmp_path: Path) -> None:
    from newsledger.run.ingest import ingest_paths

    live = tmp_path / "live.jsonl"   # live-blog posts: one page URL, their own ids
    live.write_text("".join(json.dumps({"id": f"post-{i}", "url": "https://x.org/live",
                                        "text": f"Post number {i} from the live page."}) + "\n"
                            for i in range(3)), encoding="utf-8")
    a = tmp_path / "a.jsonl"         # no ids: line numbers must not collide across batches
    b = tmp_path / "b.jsonl"
    a.write_text(json.dumps({"text": "First batch, first line."}) + "\n", encoding="utf-8")
    b.write_text(json.dumps({"text": "Second batch, first line."}) + "\n", encoding="utf-8")
    snap1 = tmp_path / "snap1.jsonl"  # no ids, same URL, changed text: versions
    snap2 = tmp_path / "snap2.jsonl"
    snap1.write_text(json.dumps({"url": "https://x.org/story", "text": "Toll at 30."}) + "\n",
                     encoding="utf-8")
    snap2.write_text(json.dumps({"url": "https://x.org/story", "text": "Toll at 31."}) + "\n",
                     encoding="utf-8")
    with Ledger(ledger_db) as led:
        s = ingest_paths(led, [live, a, b, snap1, snap2], extract=_fake_extract)
        assert (s.new, s.new_version, s.unchanged) == (6, 1, 0)
        assert {led.article(f"post-{i}")["ledger"]["version"] for i in range(3)} == {1}
        s = ingest_paths(led, [live, a, b, snap1, snap2], extract=_fake_extract)
        assert (s.new, s.new_version, s.unchanged) == (0, 0, 7)
    arts = rows(ledger_db, "articles")
    assert not [a for a in arts if str(a["article_id"]).startswith("line-")]
    assert len([a for a in arts if a["url"] == "https://x.org/story" and a["is_latest"]]) == 1


def test_listing_cache_and_paging_follow_changes(ledger_db: str, tmp_path: Path) -> None:
    with Ledger(ledger_db) as led:
        led.ingest_records([make_record(f"a{i}", f"2024-05-{i + 1:02d}",
                                        [(1000 + i, "killed", "Gaza", "the health ministry",
                                          True)]) for i in range(6)])
        first = led.series()
        assert [s["points"] for s in first] == [6]
        sid = first[0]["id"]
        allp = led.points(sid)
        assert [p["id"] for p in led.points(sid, limit=2, offset=3)] == \
            [p["id"] for p in allp[3:5]]
        assert [p["id"] for p in led.points(sid, offset=4)] == [p["id"] for p in allp[4:]]
        led.add(make_record("b1", "2024-05-09", [(7, "injured", "Rafah", "medics", False)]))
        assert led.series()[0]["stale"] is True or len(led.series()) == 1  # not refreshed yet
        led.refresh()
        assert {s["id"] for s in led.series()} == {sid, "injured:people:rafah:per-event"}
        assert led.series(limit=1)[0]["id"] == sid
        assert led.points("no:such:series") == []


def test_search_plain_words_paging_and_clean_snippets(ledger_db: str, tmp_path: Path) -> None:
    with Ledger(ledger_db) as led:
        led.add(full_record("a1", extra="Strikes near al-Shifa hospital. Israel's army said. "))
        led.add(full_record("a2", 35000, url=None, extra="Rafah crossing closed. "))
        # Hyphens, apostrophes and FTS operators in plain words are text, not query syntax.
        for words in ("al-Shifa", "Israel's", "al-Shifa Israel's"):
            assert [h["article_id"] for h in led.search(words, words=True)] == ["a1"], words
        for words in ("NEAR(", "AND", "a OR", "(", "*", '"', "\x00", "x" * 50_000):
            assert isinstance(led.search(words, words=True), list)  # never raises
            assert led.search_count(words, words=True) >= 0
        assert led.search_count("Rafah", words=True) == 1
        assert led.search_count("killed", words=True) == 2
        first, second = (led.search("killed", 1, off, words=True) for off in (0, 1))
        assert len(first) == len(second) == 1 and first[0]["article_id"] != second[0]["article_id"]
        # Snippets are plain text with the hits' offsets, no "[word]" markers.
        hit = led.search("Rafah", words=True)[0]
        assert "[" not in hit["snippet"] and "\x02" not in hit["snippet"]
        assert [hit["snippet"][a:b] for a, b in hit["snippet_hits"]] == ["Rafah"]
        # Every stored article can be listed, newest first, with or without series points.
        assert {a["article_id"] for a in led.articles()} == {"a1", "a2"}
        assert len(led.articles(limit=1, offset=1)) == 1


def test_series_query_is_text_not_a_like_pattern(ledger_db: str, tmp_path: Path) -> None:
    with Ledger(ledger_db) as led:
        led.add(full_record("a1"))
        led.refresh()
        assert led.series("killed")
        for q in ("k%d", "k_lled", "%", "_", "\\"):
            assert led.series(q) == [], q
        assert led.series("x" * 50_000) == []


def test_latest_of_a_filtered_listing_is_dated_by_its_text(ledger_db: str) -> None:
    """The filtered summaries (SQL) pick the latest as the unfiltered summary does: a point with
    no as-of of its own is not the latest while one with an as-of exists."""
    undated = make_record("c", "2024-05-06", [(33900, "killed", "Gaza", "the health ministry",
                                               True)], outlet="BBC")
    undated.figures[0].as_of = None  # "the toll had passed 33,900": no date in its text
    with Ledger(ledger_db) as led:
        led.ingest_records([
            make_record("a", "2024-05-01", [(34000, "killed", "Gaza", "the health ministry",
                                             True)], outlet="AP"),
            make_record("b", "2024-05-03", [(34100, "killed", "Gaza", "the health ministry",
                                             True)], outlet="AP"),
            undated])
        whole = led.series()[0]
        filtered = led.series(claimant="gaza health ministry")[0]
        assert whole["points"] == filtered["points"] == 3
        assert whole["latest_value"] == filtered["latest_value"] == 34100
