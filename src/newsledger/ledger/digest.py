"""A ledger's digest: one hash of everything it stores, the same on every backend.

Two ledgers have the same digest when they hold the same articles, versions, records, figures,
series, flags, quotes, sources and entities, whatever row keys the database handed out and in
whatever order writers stored the articles (rows are named by article id, version and index,
not by key). Ingest times and refresh times are left out: they say when, not what.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from .store import Store

_SKIP = {"pk", "id", "article_pk", "ingested_at", "refreshed_at"}


def _canonical(row: dict[str, Any]) -> str:
    return json.dumps({k: (v.hex() if isinstance(v, (bytes, memoryview)) else v)
                       for k, v in row.items() if k not in _SKIP},
                      sort_keys=True, ensure_ascii=False, default=str)


def ledger_digest(store: Store) -> dict[str, Any]:
    """``{"digest": sha256 hex, "tables": {table: rows}}`` of a ledger's content."""
    art: dict[int, list[Any]] = {}
    for r in store.dump("articles"):
        art[r["pk"]] = [r["article_id"], r["version"]]
    fig: dict[int, list[Any]] = {}
    figures = list(store.dump("figures"))
    for r in figures:
        fig[r["id"]] = art[r["article_pk"]] + [r["idx"]]
    passages = {r["id"]: art[r["article_pk"]] + [r["start"], r["end"]]
                for r in store.dump("passages")}
    lines: dict[str, list[str]] = {}

    def add(table: str, row: dict[str, Any]) -> None:
        lines.setdefault(table, []).append(_canonical(row))

    for r in store.dump("articles"):
        r["article"] = art[r["pk"]]
        r["supersedes"] = art.get(r["supersedes"]) if r["supersedes"] is not None else None
        add("articles", r)
    for table in ("records", "passages", "quotes", "sources", "entities"):
        for r in store.dump(table):
            r["article"] = art[r["article_pk"]]
            add(table, r)
    for r in figures:
        r["figure"] = fig[r["id"]]
        r["origin_id"] = fig.get(r["origin_id"]) if r["origin_id"] is not None else None
        r["passage_id"] = passages.get(r["passage_id"]) if r["passage_id"] is not None else None
        flags = json.loads(r["flags"]) if r["flags"] else []
        for f in flags:  # related points by name; their order is by key, so sorted by name
            f["related"] = sorted(fig.get(x, [x]) for x in f.get("related", []))
        r["flags"] = flags
        for note_free in flags:  # notes name the origin point by key
            note_free.pop("note", None)
        add("figures", r)
    for r in store.dump("series"):
        r["series"] = r["id"]
        r["latest_figure"] = fig.get(r["latest_figure"]) if r["latest_figure"] is not None \
            else None
        add("series", r)
    h = hashlib.sha256()
    counts = {}
    for table in sorted(lines):
        rows = sorted(lines[table])
        counts[table] = len(rows)
        h.update(table.encode() + b"\n")
        for line in rows:
            h.update(line.encode("utf-8", "surrogatepass") + b"\n")
    return {"digest": h.hexdigest(), "tables": counts}
