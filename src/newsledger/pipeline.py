"""From Article to Record: the model's pass, then the registered extractors in declared order.

The model's components run first over a batch of articles (all of each text in full mode; the
selected sentences on the speed path), then the extractors run over each Doc in pipeline order.
The model is loaded with only what the extractors declare they need (``extract.registry``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
import contextlib
import contextvars
import threading
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .errors import InputError
from .extract import DEFAULT_COMPONENTS
from .extract.registry import COMPONENTS, State, check_order, model_needs
from .ingest import from_any
from .ingest.article import Article
from .ingest.batch import BadLine
from .nlp.model import MODEL, fast_default, load, one_blas_thread
from .record import Block, ErrorEntry, Record
from .nlp.selective import analyse, make_doc, run_components


_lock = threading.Lock()
_cache: dict[tuple[str, tuple[str, ...], bool], Language] = {}


def build(model: str = MODEL, components: tuple[str, ...] = DEFAULT_COMPONENTS,
          fast: bool = False) -> Language:
    """A fresh pipeline: the spaCy model with what ``components`` need, then the components (as
    spaCy pipes ``newsledger_<short>``) in an order :func:`check_order` accepts."""
    check_order(list(components))
    nlp = load(model, fast, model_needs(components))
    for short in components:
        nlp.add_pipe(COMPONENTS[short].factory)
    return nlp


def get_nlp(model: str = MODEL, components: tuple[str, ...] = DEFAULT_COMPONENTS,
            fast: bool | None = None) -> Language:
    """The process-wide pipeline for this mode, built on first use."""
    fast = fast_default() if fast is None else fast
    key = (model, tuple(components), fast)
    with _lock:
        if key not in _cache:
            _cache[key] = build(model, key[1], fast)
        return _cache[key]


def _outside_skips(state: State) -> None:
    """Drop anything found in boilerplate or a repeated caption, whichever extractor found it,
    so nothing is counted twice (check indices are remapped to the kept figures)."""
    document = state.document
    if not document.skipped:
        return

    def keep(span: Any) -> bool:
        return not document.is_skipped(span.start, max(span.end, span.start + 1))

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
    errors = list(a.warnings) + list(state.errors)
    if a.published is None:
        errors.insert(len(a.warnings), ErrorEntry(
            "times", "no publication date: relative dates were left unresolved. Give the date "
            "to resolve them: published='YYYY-MM-DD' (Python), --published YYYY-MM-DD (command "
            "line) or a 'published' field (batch line)."))
    rec = Record(id=a.id, text=a.text, url=a.url, outlet=a.outlet, published=a.published,
                 title=a.title, byline=list(a.byline), blocks=list(a.blocks),
                 quotes=state.quotes, figures=state.figures, times=state.times,
                 sources=state.sources, entities=state.entities, checks=state.checks,
                 errors=errors, extractors=list(state.extractors))
    return rec


# The languages with a pipeline. An article identified as another language (``Article.language``;
# None, too short or unclear to tell, counts as English) is not analysed: its record keeps the
# text and layout blocks, with one ``errors`` entry saying why nothing was extracted.
SUPPORTED_LANGUAGES = frozenset({"en"})


def is_supported(article: Article) -> bool:
    return article.language is None or article.language in SUPPORTED_LANGUAGES


def unsupported_record(a: Article) -> Record:
    """The record of an article in a language with no pipeline: text and blocks, nothing found."""
    message = (f"language {a.language!r} is not supported yet: only English articles are "
               "extracted; the text is kept, no quotes, figures, times, sources or entities "
               "were extracted")
    return Record(id=a.id, text=a.text, url=a.url, outlet=a.outlet, published=a.published,
                  title=a.title, byline=list(a.byline), blocks=list(a.blocks),
                  errors=[*a.warnings, ErrorEntry("language", message)])


def _analyse(nlp: Language, articles: list[Article], fast: bool) -> list[Doc]:
    """Docs with the model's annotations (no extractors yet), one per article, in order."""
    if fast:
        with one_blas_thread():
            return analyse(nlp, [a.text for a in articles], [a.skip_ranges() for a in articles])
    # Full mode: every component over the whole text, as ``nlp.pipe`` would. A text over spaCy's
    # max_length (which would raise, or need ~1 GB per 100k characters) is cut at line breaks.
    docs: list[Doc | None] = [None] * len(articles)
    whole = [i for i, a in enumerate(articles) if len(a.text) <= nlp.max_length]
    made = [make_doc(nlp, articles[i].text) for i in whole]
    run_components(nlp, made, [])
    for i, d in zip(whole, made):
        docs[i] = d
    for i, a in enumerate(articles):
        if docs[i] is None:
            docs[i] = analyse(nlp, [a.text], select=False)[0]
    return [d for d in docs if d is not None]


# A text longer than HUGE_CHARS (a book, a month of a live page pasted as one "article") is
# extracted in sections of about SECTION_CHARS cut at paragraph breaks, and the section records
# are joined: time and memory stay linear in its length whatever any extractor does per Doc.
# Ordinary articles (even long ones) are far below this and are never cut.
SECTION_CHARS = 50_000
HUGE_CHARS = 100_000


def _sections(text: str) -> list[tuple[int, int]]:
    """Consecutive ranges covering ``text``, cut after a line break near every SECTION_CHARS."""
    out, start = [], 0
    while len(text) - start > SECTION_CHARS * 3 // 2:
        target = start + SECTION_CHARS
        cut = text.find("\n\n", target, target + SECTION_CHARS // 2)
        if cut < 0:
            cut = text.find("\n", target, target + SECTION_CHARS // 2)
        if cut < 0:
            cut = text.find(" ", target)
        if cut < 0:
            break
        while cut < len(text) and text[cut].isspace():
            cut += 1
        out.append((start, cut))
        start = cut
    out.append((start, len(text)))
    return out


# Who hears of each finished section of a huge article: ``(characters done, characters in all)``.
_on_section: contextvars.ContextVar[Callable[[int, int], None] | None] = \
    contextvars.ContextVar("newsledger_on_section", default=None)


@contextlib.contextmanager
def reporting_sections(callback: Callable[[int, int], None]) -> Iterator[None]:
    """Call ``callback(done, total)`` (characters) after each section of a huge article (over
    HUGE_CHARS) while the block runs: progress for one large file, which batch progress (one
    step per record) cannot show. Ordinary articles report nothing."""
    token = _on_section.set(callback)
    try:
        yield
    finally:
        _on_section.reset(token)


def _section_records(a: Article, records_of: Callable[[list[Article]], Iterator[Record]]
                     ) -> list[tuple[int, Record]]:
    parts = []
    report = _on_section.get()
    for s, e in _sections(a.text):
        parts.append((s, next(records_of([_section(a, s, e)]))))
        if report is not None:
            report(e, len(a.text))
    return parts


def _section(a: Article, s: int, e: int) -> Article:
    """The part ``[s, e)`` of an article as an article of its own, with only its own blocks
    (clipped): extractors scan an article's blocks, so keeping all of them in every section would
    make a huge article quadratic again. Its blocks never reach the record (``_join`` keeps the
    article's); ``duplicate_of`` is renumbered, and a repeat of a block in another section points
    at itself, which keeps it marked as a repeat."""
    n = e - s
    kept = [i for i, b in enumerate(a.blocks) if b.start < e and s < b.end]
    new = {old: k for k, old in enumerate(kept)}
    blocks = []
    for k, i in enumerate(kept):
        b = a.blocks[i]
        dup = None if b.duplicate_of is None else new.get(b.duplicate_of, k)
        blocks.append(Block(b.kind, max(b.start - s, 0), min(b.end - s, n), dup))
    return Article(id=a.id, text=a.text[s:e], published=a.published, title=a.title,
                   byline=list(a.byline), outlet=a.outlet, url=a.url, blocks=blocks,
                   published_from=a.published_from, notes=list(a.notes), language=a.language,
                   warnings=list(a.warnings))


def _shift(x: Any, by: int) -> Any:
    """A record's dict data with every span moved ``by`` characters."""
    if isinstance(x, dict):
        if {"start", "end", "text"} <= x.keys() and isinstance(x["start"], int):
            return {**x, "start": x["start"] + by, "end": x["end"] + by}
        return {k: _shift(v, by) for k, v in x.items()}
    if isinstance(x, list):
        return [_shift(v, by) for v in x]
    return x


def _join(article: Article, parts: list[tuple[int, Record]]) -> Record:
    """One record for the whole article from its sections' records."""
    whole = parts[0][1].to_dict()
    whole.update(text=article.text, blocks=[b.to_dict() for b in article.blocks])
    for key in ("quotes", "figures", "times", "sources", "entities", "checks", "errors"):
        whole[key] = []
    seen_errors: set[str] = set()
    for start, rec in parts:
        d = _shift(rec.to_dict(), start)
        base = len(whole["figures"])
        for c in d["checks"]:
            c["figures"] = [i + base for i in c["figures"]]
        for key in ("quotes", "figures", "times", "sources", "entities", "checks"):
            whole[key].extend(d[key])
        for err in d["errors"]:
            if err["message"] not in seen_errors:
                seen_errors.add(err["message"])
                whole["errors"].append(err)
    return Record.from_dict(whole)


# A tiny article that takes every extractor down its usual path once.
_WARM_TEXT = ('The ministry said 200 people were killed in Gaza on Monday, officials told '
              'reporters. "We will act," Smith said.')


def warm_up(fast: bool | None = None) -> Language:
    """Load now what the first article would load lazily (the model, the lexicons, the language
    profiles): a worker calls this at start-up, so its first chunk is not charged for it (about
    0.8 s per process)."""
    from .ingest.language import load_profiles

    fast = fast_default() if fast is None else fast
    nlp = get_nlp(fast=fast)
    load_profiles()
    for _ in run_articles([from_any(_WARM_TEXT, published="2024-01-10")], nlp=nlp, fast=fast):
        pass
    return nlp


def _run_extractors(nlp: Language, doc: Doc, article: Article) -> Doc:
    doc._.nl = State(article)
    for name, proc in nlp.pipeline:
        if name.startswith("newsledger_"):
            doc = proc(doc)
    return doc


def process_doc(article: Article, nlp: Language | None = None, fast: bool | None = None) -> Doc:
    """The analysed Doc of one ordinary-length article after every extractor, with the State
    (what each extractor found, ``doc._.nl``) attached: for inspecting or testing extractors."""
    fast = fast_default() if fast is None else fast
    nlp = nlp or get_nlp(fast=fast)
    return _run_extractors(nlp, _analyse(nlp, [article], fast)[0], article)


def _extract_docs(nlp: Language, articles: list[Article], fast: bool) -> Iterator[Record]:
    def records_of(batch: list[Article]) -> Iterator[Record]:
        for doc, art in zip(_analyse(nlp, batch, fast), batch):
            yield to_record(_run_extractors(nlp, doc, art)._.nl)

    # Ordinary articles are analysed as one batch; a huge one section by section, so that only
    # one section's Doc is alive at a time; one in a language with no pipeline not at all.
    ordinary = records_of([a for a in articles if len(a.text) <= HUGE_CHARS and is_supported(a)])
    for a in articles:
        if not is_supported(a):
            yield unsupported_record(a)
        elif len(a.text) <= HUGE_CHARS:
            yield next(ordinary)
        else:
            yield _join(a, _section_records(a, records_of))


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
