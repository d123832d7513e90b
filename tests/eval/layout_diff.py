"""Before/after check of a layout change on the real dev articles in ``../shared/data``.

``python tests/eval/layout_diff.py dump OUT.json`` writes, for the first 300 articles of each
file, the block kinds (offsets and kinds only, never text) of ``title + text``;
``python tests/eval/layout_diff.py diff OLD.json NEW.json`` prints every unit whose kind changed,
with the first 70 characters of its line read from the data (on screen only). Nothing here is
written into the repository.
"""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[3] / "shared" / "data"
FILES = ("npr_articles.jsonl.gz", "bbc_live_posts.jsonl.gz", "ukraine_semeval_articles.jsonl.gz")


def articles(n: int = 300) -> list[tuple[str, str]]:
    out = []
    for f in FILES:
        p = DATA / f if DATA.exists() else Path("/work/shared/data") / f
        with gzip.open(p, "rt", encoding="utf-8") as fh:
            for k, line in enumerate(fh):
                if k >= n:
                    break
                d = json.loads(line)
                text = ((d.get("title") or "") + "\n\n" + (d.get("text") or "")).strip()
                out.append((f"{f}:{d.get('id', k)}", text))
    return out


def dump(path: str) -> None:
    from newsledger.ingest.text import layout

    res = {}
    for key, text in articles():
        blocks, _, _ = layout(text)
        res[key] = [(b.start, b.end, b.kind) for b in blocks]
    Path(path).write_text(json.dumps(res), "utf-8")


def diff(old: str, new: str) -> None:
    a, b = json.loads(Path(old).read_text()), json.loads(Path(new).read_text())
    texts = dict(articles())
    n = 0
    for key in a:
        oa = {(s, e): k for s, e, k in a[key]}
        for s, e, k in b[key]:
            if oa.get((s, e)) != k:
                n += 1
                print(f"{key} {oa.get((s, e))} -> {k}: {texts[key][s:e][:70]!r}")
    print(f"{n} changed units")


if __name__ == "__main__":
    if sys.argv[1] == "dump":
        dump(sys.argv[2])
    else:
        diff(sys.argv[2], sys.argv[3])
