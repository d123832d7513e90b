"""Audit a ledger built from real articles: the checks of issue 6's "done means".

    newsledger ingest ../shared/data/bbc_live_posts.jsonl.gz ../shared/data/npr_articles.jsonl.gz \
        --db real.sqlite
    PYTHONPATH=src python benchmarks/ledger_check.py real.sqlite

Prints (JSON): totals; the Gaza killed series claimed by the Gaza health ministry with its first
and last points; for every cumulative series, falls between consecutive points that carry neither
``revision_down`` nor ``conflict`` (must be none); and echoes vs independent points.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from newsledger.ledger import Ledger
from newsledger.ledger.series import unflagged_falls


def main(path: str) -> dict[str, Any]:
    with Ledger(path, readonly=True) as led:
        stats = led.stats()
        series = led.series()
        out: dict[str, Any] = {"stats": stats, "series": len(series),
                               "points": sum(s["points"] for s in series)}
        gaza = [s for s in led.series("killed", claimant="Gaza health ministry")
                if s["place"] == "Gaza"]
        out["gaza_killed_by_health_ministry"] = [
            {"id": s["id"], "points": s["points"], "latest": s["latest_value"],
             "latest_date": s["latest_date"], "flags": s["flags"]} for s in gaza]
        if gaza:
            pts = led.points(gaza[0]["id"], claimant="Gaza health ministry")
            out["gaza_points_sample"] = [
                {k: p[k] for k in ("id", "date", "value", "approx", "outlet", "article_id")}
                | {"flags": [f["flag"] for f in p["flags"]]} for p in pts[:3] + pts[-3:]]
        falls = []
        for s in series:
            if not s["cumulative"]:
                continue
            pts = led.points(s["id"])
            bad = unflagged_falls(pts)
            # per claimant too (the view a reader filters to)
            for c, _ in s["claimants"]:
                sub = [p for p in pts if (p["claimant"] or "(unattributed)") == c]
                bad += unflagged_falls(sub)
            if bad:
                falls.append({"series": s["id"], "unflagged_falls": bad[:5], "n": len(bad)})
        out["cumulative_series_with_unflagged_falls"] = falls
        echo = sum(s["flags"]["echo"] for s in series)
        out["echo_points"] = echo
        out["independent_points"] = out["points"] - echo
        out["independent_origins"] = sum(s["origins"] for s in series)
        out["flag_totals"] = {k: sum(s["flags"][k] for s in series)
                              for k in series[0]["flags"]} if series else {}
    return out


if __name__ == "__main__":
    print(json.dumps(main(sys.argv[1] if len(sys.argv) > 1 else "newsledger.sqlite"), indent=1))
