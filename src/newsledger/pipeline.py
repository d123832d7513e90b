"""From Article to Record: one spaCy pass with our extractors, streamed in batches.

The model's components run first over a batch of articles (all of each text in full mode; the
selected sentences on the speed path), then the extractors run over each Doc in pipeline order.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError
from .extract.base import State
from .ingest import from_any
from .ingest.article import Article
from .ingest.batch import BadLine
from .nlp import fast_default, get_nlp, one_blas_thread
from .record import ErrorEntry, Record
from .run.selective import analyse, run_components


def _outside_skips(state: State) -> None:
    """Drop anything found in boilerplate or a repeated caption, whichever extractor found it,
    so nothing is counted twice (check indices are remapped to the kept figures)."""
    art = state.article
    if not art.skip_ranges():
        return

    def keep(span: Any) -> bool:
        return not art.is_skipped(span.start, max(span.end, span.start + 1))

    state.quotes = [q for q in state.quotes if keep(q.content)]
    state.times = [t for t in state.times if keep(t.span)]
    state.sources = [s for s in state.sources if keep(s.span)]
    state.entities = [e for e in state.entities if keep(e.span)]
    kept = [i for i, f in enumerate(state.figures) if keep(f.span)]
    if len(kept) != len(state.figures):
        new_index = {old: new for new, old in enumerate(kept)}
        state.figures = [state.figures[i] for i in kept]
        checks = []
        for c in state.checks:
            if all(i in new_index for i in c.figures):
                c.figures = [new_index[i] for i in c.figures]
                checks.append(c)
        state.checks = checks


def to_record(state: State) -> Record:
    """The Record a finished State describes."""
    _outside_skips(state)
    a = state.article
    errors = list(state.errors)
    if a.published is None:
        errors.insert(0, ErrorEntry(
            "times", "no publication date: relative dates were left unresolved. Pass "
            "--published YYYY-MM-DD (or a 'published' field) to resolve them."))
    rec = Record(id=a.id, text=a.text, url=a.url, outlet=a.outlet, published=a.published,
                 title=a.title, byline=list(a.byline), blocks=list(a.blocks),
                 quotes=state.quotes, figures=state.figures, times=state.times,
                 sources=state.sources, entities=state.entities, checks=state.checks,
                 errors=errors, extractors=list(state.extractors))
    return rec


def _analyse(nlp: Language, articles: list[Article], fast: bool) -> list[Doc]:
    """Docs with the model's annotations (no extractors yet), one per article, in order."""
    if fast:
        with one_blas_thread():
            return analyse(nlp, [a.text for a in articles], [a.skip_ranges() for a in articles])
    # Full mode: every component over the whole text, as ``nlp.pipe`` would. A text over spaCy's
    # max_length (which would raise, or need ~1 GB per 100k characters) is cut at line breaks.
    docs: list[Doc | None] = [None] * len(articles)
    whole = [i for i, a in enumerate(articles) if len(a.text) <= nlp.max_length]
    made = [nlp.make_doc(articles[i].text) for i in whole]
    run_components(nlp, made, [])
    for i, d in zip(whole, made):
        docs[i] = d
    for i, a in enumerate(articles):
        if docs[i] is None:
            docs[i] = analyse(nlp, [a.text], select=False)[0]
    return [d for d in docs if d is not None]


def _extract_docs(nlp: Language, articles: list[Article], fast: bool) -> Iterator[Record]:
    extractors = [proc for name, proc in nlp.pipeline if name.startswith("newsledger_")]
    for doc, article in zip(_analyse(nlp, articles, fast), articles):
        doc._.nl = State(article)
        for proc in extractors:
            doc = proc(doc)
        yield to_record(doc._.nl)


def run_articles(articles: Iterable[Article | BadLine], nlp: Language | None = None,
                 batch_size: int = 32, fast: bool | None = None) -> Iterator[Record]:
    """Records for articles in order; a BadLine becomes an error record in its place.

    ``fast`` (default: on, unless ``NEWSLEDGER_FAST=0``) takes the speed path: the parser and NER
    run only on the sentences that can hold what the extractors look for."""
    fast = fast_default() if fast is None else fast
    nlp = nlp or get_nlp(fast=fast)
    pending: list[Article | BadLine] = []

    def flush() -> Iterator[Record]:
        good = [a for a in pending if isinstance(a, Article)]
        recs = _extract_docs(nlp, good, fast)
        for item in pending:
            if isinstance(item, BadLine):
                yield Record.from_error(item.id, "ingest", item.message, item.line, **item.meta)
            else:
                yield next(recs)
        pending.clear()

    for item in articles:
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    if pending:
        yield from flush()


def extract(text_or_html: str, published: str | None = None, **meta: Any) -> Record:
    """The record of one article given as plain text or HTML.

    Example::

        rec = extract(open("story.txt").read(), published="2024-05-10")
        print([q.speaker.name for q in rec.quotes])
    """
    if not isinstance(text_or_html, str):
        raise InputError(f"extract() expects the article as str, found "
                         f"{type(text_or_html).__name__}; decode bytes as UTF-8 first.")
    article = from_any(text_or_html, published=published, **meta)
    return next(run_articles([article]))


def extract_many(items: Iterable[str | dict[str, Any] | Article], batch_size: int = 16
                 ) -> Iterator[Record]:
    """Records for many articles, streamed through ``nlp.pipe`` in input order.

    Items are texts, Articles, or batch-style dicts ``{"id", "text"|"html", "published"?, …}``;
    a bad item yields a record with ``errors`` and the stream goes on."""
    from .ingest.batch import article_from_obj

    def articles() -> Iterator[Article | BadLine]:
        for n, it in enumerate(items, start=1):
            if isinstance(it, Article):
                yield it
            elif isinstance(it, str):
                try:
                    yield from_any(it)
                except InputError as exc:
                    yield BadLine(n, f"item-{n}", f"item {n}: {exc}", {})
            else:
                yield article_from_obj(it, n)

    return run_articles(articles(), batch_size=batch_size)
