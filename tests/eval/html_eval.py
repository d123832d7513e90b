"""HTML pages against trafilatura's own evaluation corpus: body, title, byline and date.

The pages and their gold come from trafilatura's repository (``tests/evaldata.json`` with
``tests/eval/*.html`` and ``tests/cache/*.html``), read from a bare git mirror and never copied
here: set ``NEWSLEDGER_TRAFILATURA_REPO`` (default ``/work/.mirror/adbar+trafilatura/repo``); when
it is absent the script says so and exits 0 (and the test that uses it skips).

Three systems in one run:

- ``trafilatura``: ``trafilatura.bare_extraction(html, with_metadata=True)``, its defaults;
- ``baseline``: newsledger's ingest (``from_html``, what a record's text, title, byline and
  published end up as) from another source tree, ``--baseline-src`` (default ``/work/main/src``),
  run in a subprocess so both versions of the package can be scored side by side;
- ``ours``: the same from this tree's ``src``.

Scores:

- body: snippet precision/recall/F1 as trafilatura's ``evaluate.py`` counts them (a "with" snippet
  found in the text is a true positive, a "without" snippet found is a false positive; whitespace
  normalised);
- title: exact match after normalising case, whitespace and quote marks, over pages with a gold title;
- byline: the set of author names equals the gold set (gold "A; B"; both split on ";", ",",
  "and", "&", full stops dropped), over pages with an author field — an empty gold wants no byline, so a menu word given as author is an error;
- date: the ``YYYY-MM-DD`` equals the gold (an empty gold wants none), over pages with a date field.

Run: ``PYTHONPATH=src python tests/eval/html_eval.py [--systems trafilatura,baseline,ours]
[--limit N] [--show ours] [--cache DIR] [--corpus fixtures]``. ``--corpus fixtures`` scores the
synthetic pages of ``tests/data/html`` instead (no mirror needed; "blocks" there is the share of
snippets that must be body and sit in a ``body`` block — a "Reporting from …, X said" paragraph
taken for a credit fails it). "read F1" is the body F1 on the text the extractors read (without
the blocks the layout marks boilerplate); for trafilatura it is its text. ``--show SYSTEM`` prints that system's title/byline/date misses.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import subprocess
import sys
import time
import unicodedata
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()
TREE_SRC = HERE.parents[2] / "src"
DEFAULT_REPO = "/work/.mirror/adbar+trafilatura/repo"
DEFAULT_BASELINE = "/work/main/src"


def mirror() -> str | None:
    """The trafilatura git directory, or None when it is not on this machine."""
    repo = os.environ.get("NEWSLEDGER_TRAFILATURA_REPO", DEFAULT_REPO)
    if not Path(repo).exists():
        return None
    try:
        subprocess.run(["git", "-C", repo, "rev-parse", "HEAD:tests/evaldata.json"],
                       check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError):
        return None
    return repo


def _git_show(repo: str, path: str) -> bytes:
    return subprocess.run(["git", "-C", repo, "show", f"HEAD:{path}"], check=True,
                          capture_output=True).stdout


def corpus(repo: str, limit: int | None = None) -> list[tuple[str, dict[str, Any], bytes]]:
    """(url, gold item, html bytes) for every annotated page whose file the mirror holds."""
    data = json.loads(_git_show(repo, "tests/evaldata.json"))
    listing = subprocess.run(["git", "-C", repo, "ls-tree", "-r", "-z", "--name-only", "HEAD",
                              "tests/cache", "tests/eval"], check=True,
                             capture_output=True).stdout.decode("utf-8").split("\0")
    where: dict[str, str] = {}
    for p in listing:
        if p:
            # trafilatura's resolve(): tests/cache wins over tests/eval
            name = p.split("/", 2)[2]
            if name not in where or p.startswith("tests/cache/"):
                where[name] = p
    # a stable shuffle, so ``--limit`` takes a mixed sample rather than one kind of page
    items = sorted(((url, item) for url, item in data.items() if item.get("file") in where),
                   key=lambda x: hashlib.sha1(x[0].encode("utf-8")).hexdigest())
    if limit:
        items = items[:limit]
    # one git process for all blobs
    req = "".join(f"HEAD:{where[item['file']]}\n" for _, item in items).encode("utf-8")
    out = subprocess.run(["git", "-C", repo, "cat-file", "--batch"], input=req, check=True,
                         capture_output=True).stdout
    pages, pos = [], 0
    for url, item in items:
        nl = out.index(b"\n", pos)
        size = int(out[pos:nl].split()[2])
        pages.append((url, item, out[nl + 1:nl + 1 + size]))
        pos = nl + 1 + size + 1
    return pages


FIXTURES = HERE.parents[1] / "data" / "html"


def fixture_pages() -> list[tuple[str, dict[str, Any], bytes]]:
    """The synthetic pages of ``tests/data/html`` in the corpus's shape (gold ``byline`` and
    ``published`` become ``author`` and ``date``)."""
    out = []
    for g in sorted(FIXTURES.glob("*.gold.json")):
        name = g.name[: -len(".gold.json")]
        gold = json.loads(g.read_text("utf-8"))
        item = dict(gold, file=name, author="; ".join(gold["byline"]), date=gold["published"] or "")
        out.append((name, item, (FIXTURES / f"{name}.html").read_bytes()))
    return out


def load(which: str, limit: int | None = None) -> list[tuple[str, dict[str, Any], bytes]] | None:
    """Pages of ``which`` ("trafilatura": its evaluation corpus, None when absent; "fixtures")."""
    if which == "fixtures":
        return fixture_pages()[:limit] if limit else fixture_pages()
    repo = mirror()
    return None if repo is None else corpus(repo, limit)


def _decode(raw: bytes) -> str:
    from trafilatura.utils import decode_file

    s = decode_file(raw)
    return s if isinstance(s, str) else s.decode("utf-8", "replace")


def run_trafilatura(pages: list[tuple[str, dict[str, Any], bytes]]) -> dict[str, dict[str, Any]]:
    from trafilatura import bare_extraction

    out = {}
    for url, _, raw in pages:
        try:
            doc = bare_extraction(raw, url=None, with_metadata=True)
        except Exception:  # noqa: BLE001 - a crash is a miss, as in trafilatura's own evaluation
            doc = None
        if doc is None:
            out[url] = {"text": None, "title": None, "byline": [], "published": None}
            continue
        out[url] = {"text": doc.text, "title": doc.title,
                    "byline": [a.strip() for a in (doc.author or "").split(";") if a.strip()],
                    "published": (doc.date or None)}
    return out


def emit(pages: list[tuple[str, dict[str, Any], bytes]]) -> dict[str, dict[str, Any]]:
    """What newsledger's ingest (on ``sys.path``) makes of each page."""
    from newsledger.errors import NewsledgerError
    from newsledger.ingest import from_html

    out = {}
    for url, item, raw in pages:
        try:
            art = from_html(_decode(raw))
        except NewsledgerError:
            out[url] = {"text": None, "title": None, "byline": [], "published": None, "body_ok": 0}
            continue
        # snippets that must be body: found, and inside a block of kind "body"
        body_ok = 0
        for snip in item.get("body", []):
            at = art.text.find(snip)
            blk = art.block_at(at) if at >= 0 else None
            body_ok += blk is not None and blk.kind == "body"
        # what the extractors read: the text without boilerplate blocks and repeated captions
        readable = "\n".join(art.text[b.start:b.end] for b in art.blocks
                              if b.kind != "boilerplate" and b.duplicate_of is None)
        out[url] = {"text": art.text, "title": art.title, "byline": list(art.byline),
                    "published": art.published, "body_ok": body_ok, "readable": readable}
    return out


def run_tree(src: str, which: str, limit: int | None) -> dict[str, dict[str, Any]]:
    """``emit`` run by a Python whose ``newsledger`` is the one under ``src``."""
    env = dict(os.environ, PYTHONPATH=src)
    cmd = [sys.executable, str(HERE), "--emit", "--corpus", which] + \
        (["--limit", str(limit)] if limit else [])
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, check=False)
    if res.returncode != 0:
        raise SystemExit(f"the ingest under {src} failed:\n{res.stderr[-2000:]}")
    got: dict[str, dict[str, Any]] = json.loads(res.stdout)
    return got


_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'",
                         "–": "-", "—": "-", "\xa0": " "})


def norm(s: str | None) -> str:
    if not s:
        return ""
    s = unicodedata.normalize("NFKC", s).translate(_QUOTES)
    return re.sub(r"\s+", " ", s).strip().casefold()


def _names(v: Any) -> frozenset[str]:
    """A byline as a set of names, so that the writing of a list does not count: gold and output
    are both split on ";", ",", "and", "und", "&", and full stops dropped ("R.C. Baker")."""
    joined = "; ".join(v) if isinstance(v, list) else (v or "")
    parts = re.split(r";|,|\s+(?:and|und|&)\s+", joined.replace(".", " "), flags=re.IGNORECASE)
    return frozenset(norm(p) for p in parts if norm(p))


def score(pages: list[tuple[str, dict[str, Any], bytes]], got: dict[str, dict[str, Any]],
          show: bool = False) -> dict[str, float]:
    tp = fp = fn = 0
    rtp = rfp = rfn = 0  # the same on the readable text (newsledger only)
    t_ok = t_n = b_ok = b_n = ba_ok = ba_n = d_ok = d_n = k_ok = k_n = 0
    for url, item, _ in pages:
        r = got[url]
        text = re.sub(r"\s+", " ", r["text"] or "")
        hit = sum(1 for w in item["with"] if re.sub(r"\s+", " ", w).strip() in text) if r["text"] else 0
        bad = sum(1 for w in item["without"] if re.sub(r"\s+", " ", w).strip() in text) if r["text"] else 0
        tp, fp, fn = tp + hit, fp + bad, fn + len(item["with"]) - hit
        read = re.sub(r"\s+", " ", r.get("readable", r["text"]) or "")
        rhit = sum(1 for w in item["with"] if re.sub(r"\s+", " ", w).strip() in read) if read else 0
        rbad = sum(1 for w in item["without"] if re.sub(r"\s+", " ", w).strip() in read) if read else 0
        rtp, rfp, rfn = rtp + rhit, rfp + rbad, rfn + len(item["with"]) - rhit
        if item.get("body"):
            k_n += len(item["body"])
            k_ok += r.get("body_ok", 0)
            if show and r.get("body_ok", 0) < len(item["body"]):
                print(f"  body   {item['file']}: {len(item['body']) - r.get('body_ok', 0)} "
                      "snippet(s) not in a body block")
        if item.get("title"):
            t_n += 1
            ok = norm(r["title"]) == norm(item["title"])
            t_ok += ok
            if show and not ok:
                print(f"  title  {item['file']}: gold {item['title']!r} got {r['title']!r}")
        if "author" in item:
            b_n += 1
            gold = _names(item["author"])
            ok = _names(r["byline"]) == gold
            b_ok += ok
            if gold:
                ba_n += 1
                ba_ok += ok
            if show and not ok:
                print(f"  byline {item['file']}: gold {item['author']!r} got {r['byline']!r}")
        if "date" in item:
            d_n += 1
            ok = (r["published"] or "")[:10] == (item["date"] or "")
            d_ok += ok
            if show and not ok:
                print(f"  date   {item['file']}: gold {item['date']!r} got {r['published']!r}")
    p = tp / (tp + fp) if tp + fp else 0.0
    rc = tp / (tp + fn) if tp + fn else 0.0
    rp = rtp / (rtp + rfp) if rtp + rfp else 0.0
    rr = rtp / (rtp + rfn) if rtp + rfn else 0.0
    return {"pages": len(pages), "body_p": p, "body_r": rc,
            "readable_f1": 2 * rp * rr / (rp + rr) if rp + rr else 0.0,
            "body_f1": 2 * p * rc / (p + rc) if p + rc else 0.0,
            "title": t_ok / t_n if t_n else 0.0, "title_n": t_n,
            "byline": b_ok / b_n if b_n else 0.0, "byline_n": b_n,
            "byline_named": ba_ok / ba_n if ba_n else 0.0, "byline_named_n": ba_n,
            "date": d_ok / d_n if d_n else 0.0, "date_n": d_n,
            "body_blocks": k_ok / k_n if k_n else 0.0, "body_blocks_n": k_n}


def evaluate(systems: tuple[str, ...] = ("trafilatura", "baseline", "ours"),
             limit: int | None = None, baseline_src: str = DEFAULT_BASELINE,
             show: str | None = None, cache: str | None = None, which: str = "trafilatura"
             ) -> dict[str, dict[str, float]] | None:
    """Scores per system on ``which`` corpus ("trafilatura" or "fixtures"), or None when the
    trafilatura mirror is absent. With ``cache`` (a folder), the trafilatura and baseline outputs
    are kept there and reused (``ours`` is always run)."""
    pages = load(which, limit)
    if pages is None:
        return None
    out = {}
    for name in systems:
        t0 = time.time()
        kept = Path(cache) / f"{which}-{name}-{limit or 'all'}.json" if cache and name != "ours" else None
        if kept is not None and kept.exists():
            got = json.loads(kept.read_text("utf-8"))
        elif name == "trafilatura":
            got = run_trafilatura(pages)
        elif name == "baseline":
            if not Path(baseline_src).exists():
                print(f"no baseline tree at {baseline_src}; skipped", file=sys.stderr)
                continue
            got = run_tree(baseline_src, which, limit)
        elif name == "ours":
            got = run_tree(str(TREE_SRC), which, limit)
        else:
            raise SystemExit(f"unknown system {name!r}: expected trafilatura, baseline or ours")
        if kept is not None and not kept.exists():
            kept.parent.mkdir(parents=True, exist_ok=True)
            kept.write_text(json.dumps(got), "utf-8")
        if show == name:
            print(f"{name} misses:")
        out[name] = score(pages, got, show=show == name)
        out[name]["seconds"] = round(time.time() - t0, 1)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--systems", default="trafilatura,baseline,ours")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--baseline-src", default=os.environ.get("NEWSLEDGER_BASELINE_SRC",
                                                              DEFAULT_BASELINE))
    ap.add_argument("--show", default=None, help="print this system's metadata misses")
    ap.add_argument("--cache", default=None,
                    help="folder keeping trafilatura and baseline outputs between runs")
    ap.add_argument("--corpus", default="trafilatura", choices=("trafilatura", "fixtures"),
                    help="trafilatura's evaluation pages (default) or tests/data/html")
    ap.add_argument("--emit", action="store_true", help=argparse.SUPPRESS)
    a = ap.parse_args(argv)
    if a.emit:
        pages = load(a.corpus, a.limit)
        assert pages is not None
        json.dump(emit(pages), sys.stdout)
        return 0
    res = evaluate(tuple(s.strip() for s in a.systems.split(",") if s.strip()), a.limit,
                   a.baseline_src, a.show, a.cache, a.corpus)
    if res is None:
        print("trafilatura's repository is not on this machine (set NEWSLEDGER_TRAFILATURA_REPO); "
              "nothing to score")
        return 0
    print(f"{'system':12} {'pages':>5} {'body P':>7} {'body R':>7} {'body F1':>7} {'title':>6} "
          f"{'byline':>6} {'named':>6} {'date':>6} {'blocks':>6} {'read F1':>7} {'secs':>6}")
    for name, s in res.items():
        print(f"{name:12} {s['pages']:5d} {s['body_p']:7.3f} {s['body_r']:7.3f} {s['body_f1']:7.3f} "
              f"{s['title']:6.3f} {s['byline']:6.3f} {s['byline_named']:6.3f} {s['date']:6.3f} "
              f"{s['body_blocks']:6.3f} {s['readable_f1']:7.3f} {s['seconds']:6.1f}")
    any_s = next(iter(res.values()), None)
    if any_s:
        print(f"(title over {any_s['title_n']} pages, byline {any_s['byline_n']} "
              f"({any_s['byline_named_n']} named), date {any_s['date_n']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
