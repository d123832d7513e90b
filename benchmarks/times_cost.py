"""Cost of the times extractor relative to the spaCy pass (a benchmark, not a test).

Runs the spaCy model (our extractors disabled) over a sample of articles, then the times extractor
over the same Docs, and prints both totals and their ratio. Uses ../shared/data when present (the
seed plus BBC and NPR articles), else a synthetic news-like text.

    PYTHONPATH=src python benchmarks/times_cost.py [N_ARTICLES]
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from itertools import islice
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sample(n: int) -> list[tuple[str, str]]:
    """(text, published) pairs."""
    for base in (ROOT.parent, ROOT.parent.parent):
        shared = base / "shared"
        if (shared / "data").is_dir():
            out = [((shared / "seeds" / "000_083e98938a0e4d70.txt").read_text("utf-8"),
                    "2024-05-10")]
            for name in ("npr_articles.jsonl.gz", "bbc_live_posts.jsonl.gz"):
                with gzip.open(shared / "data" / name, "rt", encoding="utf-8") as fh:
                    rows = (json.loads(line) for line in fh)
                    out += [(r["text"], (r["published"] or "2024-01-01")[:10])
                            for r in islice((r for r in rows if r.get("text")), n // 2)]
            return out[:n]
    text = ("On Monday, officials said the 12-week truce began on May 10, 2024. "
            "Talks resumed last week after six weeks of fighting. ") * 40
    return [(text, "2024-05-10")] * n


def main(n: int = 60) -> None:
    from newsledger.extract.registry import State
    from newsledger.extract.time.extractor import extract_times
    from newsledger.ingest.article import Article
    from newsledger.pipeline import get_nlp

    nlp = get_nlp()
    ours = [name for name in nlp.pipe_names if name.startswith("newsledger_")]
    arts = sample(n)
    chars = sum(len(t) for t, _ in arts)
    with nlp.select_pipes(disable=ours):
        list(nlp.pipe([arts[0][0]]))  # warm up
        t0 = time.perf_counter()
        docs = list(nlp.pipe([t for t, _ in arts], batch_size=16))
        t_spacy = time.perf_counter() - t0
    t0 = time.perf_counter()
    for doc, (text, pub) in zip(docs, arts):
        extract_times(doc, State(Article(id="bench", text=text, published=pub)))
    t_times = time.perf_counter() - t0
    print(f"{len(arts)} articles, {chars:,} characters")
    print(f"spaCy pass (model components): {t_spacy * 1000:9.1f} ms "
          f"({t_spacy * 1000 / len(arts):.1f} ms/article)")
    print(f"times extractor:               {t_times * 1000:9.1f} ms "
          f"({t_times * 1000 / len(arts):.2f} ms/article)")
    print(f"ratio times / spaCy: {100 * t_times / t_spacy:.1f}%")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 60)
