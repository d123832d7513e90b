"""Cost of attribution relative to the spaCy pass it shares, as a ratio in one invocation.

Run:  cd <worktree> && PYTHONPATH=src python benchmarks/attribution_cost.py [N_ARTICLES]

Parses N articles from ../shared/data (or the seed repeated, if absent) once with the spaCy model
alone, then times only the quotes extractor (pairing, cues, speakers) over the same Docs, with the
entities step that it needs run beforehand and not counted. Prints both times and the ratio.
"""

from __future__ import annotations

import gzip
import json
import sys
import time
from pathlib import Path

import spacy

from newsledger.extract.registry import State
from newsledger.extract.actors.entities import extract_entities
from newsledger.extract.speech.quotes import extract_quotes
from newsledger.ingest import from_any
from newsledger.nlp.model import MODEL

SHARED = Path(__file__).resolve().parents[2] / "shared"
if not SHARED.is_dir():
    SHARED = Path("/work/shared")


def texts(n: int) -> list[tuple[str, str | None]]:
    out: list[tuple[str, str | None]] = []
    for name in ("npr_articles.jsonl.gz", "bbc_live_posts.jsonl.gz",
                 "ukraine_semeval_articles.jsonl.gz"):
        path = SHARED / "data" / name
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k >= n // 3 + 1:
                    break
                row = json.loads(line)
                out.append((row["text"], row.get("published") or None))
    if not out:
        seed = (SHARED / "seeds" / "000_083e98938a0e4d70.txt").read_text("utf-8")
        out = [(seed, "2024-05-10")] * n
    return out[:n]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 60
    nlp = spacy.load(MODEL)
    arts = [from_any(t, published=p) for t, p in texts(n)]
    t0 = time.perf_counter()
    docs = list(nlp.pipe((a.text for a in arts), batch_size=16))
    t_spacy = time.perf_counter() - t0
    states = []
    for doc, art in zip(docs, arts):
        st = State(art)
        extract_entities(doc, st)
        states.append(st)
    t0 = time.perf_counter()
    n_quotes = 0
    for doc, st in zip(docs, states):
        extract_quotes(doc, st)
        n_quotes += len(st.quotes)
    t_quotes = time.perf_counter() - t0
    chars = sum(len(a.text) for a in arts)
    print(f"articles={len(arts)} chars={chars} quotes={n_quotes}")
    print(f"spaCy pass      {t_spacy:8.3f} s")
    print(f"attribution     {t_quotes:8.3f} s")
    print(f"ratio           {t_quotes / t_spacy:8.3%} of the spaCy pass (target <= 10%)")


if __name__ == "__main__":
    main()
