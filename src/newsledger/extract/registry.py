"""The one registry of extractors: each declares its name, version, model needs, reads and sets.

Each extractor is a plain function ``fn(doc, state) -> None`` that reads ``state`` (the article and
what earlier extractors found) and sets its own fields on it. :func:`component` registers it:

- ``short`` and ``version``: ``"quotes"``, ``"newsledger.quotes.v1"`` (a record lists the versions
  that made it);
- ``model``: what it needs from the spaCy model (:data:`MODEL_NEEDS`: ``tags``, ``lemma``,
  ``parse``, ``entities``); the pipeline loads only what the extractors it runs declare;
- ``needs`` / ``sets``: fields of :class:`State` it reads and fills; :func:`check_order` refuses an
  order in which something is read before anything sets it. ``article`` and ``document`` (the
  computed-once paragraphs, sentences and skip rule of ``document.py``) are always there.

It is also a spaCy factory named ``newsledger_<short>``, so that a spaCy user can add it to a
pipeline of their own (``nlp.add_pipe("newsledger_quotes")``).
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc

from ..actors import NameResolver
from ..errors import PipelineError
from ..ingest.article import Article
# What an extractor may need from the spaCy model; the loader leaves out what none declares.
from ..nlp.model import NEEDS as MODEL_NEEDS
from ..record import Check, Entity, ErrorEntry, Figure, Quote, Source, TimeExpr
from .document import Document

if TYPE_CHECKING:  # the speech package imports this module
    from .speech.handoff import Attributions

# Fields of State an extractor may declare in `needs` / `sets`.
STATE_FIELDS = ("article", "document", "entities", "names", "sources", "times", "quotes",
                "speakers", "figures", "checks")
# Fields every State has from the start.
ALWAYS = ("article", "document")


@dataclass
class State:
    """What is known about one article while its extractors run; becomes the Record."""

    article: Article
    entities: list[Entity] = field(default_factory=list)
    # Canonical in-article names, built by the entities extractor (see newsledger.actors).
    names: NameResolver | None = None
    sources: list[Source] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    # What the speech extractors hand on (quotes by position, a speaker resolver of one's own):
    # a frozen value, see extract/speech/handoff.py.
    speakers: Attributions | None = None
    figures: list[Figure] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    errors: list[ErrorEntry] = field(default_factory=list)
    extractors: list[str] = field(default_factory=list)
    # The article's paragraphs, sentences and skip rule, computed once and read by every
    # extractor (extract/document.py); its sentences come from the Doc given to `bind`.
    document: Document = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.document = Document(self.article)

    def bind(self, doc: Doc) -> Document:
        """Give ``self.document`` the Doc the extractors run over (for its sentences); what it
        computed from the article alone is kept. The components call this before each extractor."""
        self.document = self.document.over(doc)
        return self.document

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def published(self) -> date | None:
        """The publication date as a ``date``, or None when unknown or malformed."""
        p = self.article.published
        if not p:
            return None
        try:
            return date.fromisoformat(p[:10])
        except ValueError:
            return None


Extractor = Callable[[Doc, State], None]



@dataclass(frozen=True)
class ComponentInfo:
    short: str  # "quotes"
    version: str  # "newsledger.quotes.v1"
    needs: tuple[str, ...]
    sets: tuple[str, ...]
    func: Extractor
    model: tuple[str, ...] = MODEL_NEEDS

    @property
    def factory(self) -> str:
        return f"newsledger_{self.short}"


COMPONENTS: dict[str, ComponentInfo] = {}

if not Doc.has_extension("nl"):
    Doc.set_extension("nl", default=None)


def state_of(doc: Doc) -> State:
    """The State attached to ``doc`` (its Document bound to ``doc``), creating a bare one for a
    Doc made from plain text."""
    st = doc._.nl
    if st is None:
        st = State(Article(id="doc", text=doc.text))
        doc._.nl = st
    st.bind(doc)
    return st  # type: ignore[no-any-return]


class _Component:
    """The callable spaCy runs. An extractor that raises costs only its own field, not the record."""

    def __init__(self, info: ComponentInfo):
        self.info = info

    def __call__(self, doc: Doc) -> Doc:
        st = state_of(doc)
        try:
            self.info.func(doc, st)
        except Exception as exc:  # noqa: BLE001 - one extractor's bug must not lose the article
            where = traceback.extract_tb(exc.__traceback__)[-1]
            st.errors.append(ErrorEntry(
                self.info.short,
                f"{self.info.version} failed: {type(exc).__name__}: {exc} "
                f"(at {where.filename.rsplit('/', 1)[-1]}:{where.lineno}); "
                "the other extractors' results are kept. Please report this with the article."))
        st.extractors.append(self.info.version)
        return doc


def component(short: str, version: str, *, model: tuple[str, ...],
              needs: tuple[str, ...] = ("article",),
              sets: tuple[str, ...]) -> Callable[[Extractor], Extractor]:
    """Register ``fn(doc, state)`` under ``short`` (and as the spaCy factory
    ``newsledger_<short>``), declaring what it needs from the model and the state and what it
    sets."""
    for f in (*needs, *sets):
        if f not in STATE_FIELDS:
            raise PipelineError(f"Component {short!r} declares unknown field {f!r}; "
                                f"expected one of {', '.join(STATE_FIELDS)}.")
    for m in model:
        if m not in MODEL_NEEDS:
            raise PipelineError(f"Component {short!r} declares unknown model need {m!r}; "
                                f"expected some of {', '.join(MODEL_NEEDS)}.")

    def deco(func: Extractor) -> Extractor:
        info = ComponentInfo(short, version, tuple(needs), tuple(sets), func, tuple(model))
        COMPONENTS[short] = info
        if not Language.has_factory(info.factory):
            Language.factory(info.factory, requires=["doc._.nl"], assigns=["doc._.nl"],
                             func=lambda nlp, name, _i=info: _Component(_i))
        return func

    return deco


def check_order(shorts: list[str]) -> None:
    """Raise PipelineError when a component runs before one that sets what it needs."""
    have = set(ALWAYS)
    for s in shorts:
        if s not in COMPONENTS:
            raise PipelineError(f"No component {s!r}. Available: {', '.join(COMPONENTS)}.")
        info = COMPONENTS[s]
        missing = [n for n in info.needs if n not in have]
        if missing:
            setters = {n: [c.short for c in COMPONENTS.values() if n in c.sets] for n in missing}
            raise PipelineError(
                f"Component {s!r} needs {missing} but nothing before it sets them; "
                f"add {setters} earlier in the pipeline.")
        have.update(info.sets)


def model_needs(shorts: tuple[str, ...] | list[str]) -> frozenset[str]:
    """What the given extractors together need from the spaCy model."""
    return frozenset(m for s in shorts for m in COMPONENTS[s].model)


def run(doc: Doc, shorts: tuple[str, ...] | list[str]) -> None:
    """Run the named extractors over ``doc`` in order (its State is ``doc._.nl``)."""
    for s in shorts:
        _Component(COMPONENTS[s])(doc)
