"""The pipeline (pipeline.py, extract/registry.py): registered components, order, isolation; huge
articles in sections."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

import newsledger
from newsledger import extract
from newsledger.errors import InputError, PipelineError
from newsledger.extract import COMPONENTS, DEFAULT_COMPONENTS
from newsledger.extract.registry import State, check_order, component
from newsledger.pipeline import get_nlp
from tests.conftest import check_record


def test_pipeline_is_loaded_once_and_has_every_component() -> None:
    nlp = get_nlp()
    assert get_nlp() is nlp
    for short in DEFAULT_COMPONENTS:
        assert f"newsledger_{short}" in nlp.pipe_names


def test_every_component_declares_needs_and_sets() -> None:
    for short, info in COMPONENTS.items():
        assert info.sets, short
        assert info.version == f"newsledger.{short}.v1" or info.version.startswith("newsledger.")
    check_order(list(DEFAULT_COMPONENTS))


def test_order_check_says_what_is_missing() -> None:
    with pytest.raises(PipelineError, match="needs .*figures.*add"):
        check_order(["entities", "checks"])
    with pytest.raises(PipelineError, match="No component 'nope'"):
        check_order(["nope"])


def test_component_declaring_unknown_field_is_rejected() -> None:
    with pytest.raises(PipelineError, match="unknown field 'colour'"):
        component("bogus", "newsledger.bogus.v1", model=(), sets=("colour",))


def test_a_failing_extractor_costs_only_its_own_field() -> None:
    def broken(doc: Doc, state: State) -> None:
        raise ValueError("boom")

    component("broken_for_test", "newsledger.broken_for_test.v1", model=(),
              sets=("checks",))(broken)
    from newsledger.pipeline import build

    nlp = build(components=(*DEFAULT_COMPONENTS, "broken_for_test"))
    from newsledger.ingest import from_text
    from newsledger.pipeline import run_articles

    rec = next(run_articles([from_text("Reuters reported that talks ended on Monday.",
                                       published="2024-05-10")], nlp=nlp))
    rec.verify()
    assert any("broken_for_test" in e.stage and "boom" in e.message for e in rec.errors)
    assert ("Reuters", "cited") in {(s.name, s.role) for s in rec.sources}
    COMPONENTS.pop("broken_for_test")


def test_record_names_the_extractors_that_made_it() -> None:
    rec = extract("The army said on Friday that it had struck 12 targets.", published="2024-05-10")
    check_record(rec)
    assert rec.extractors == [COMPONENTS[s].version for s in DEFAULT_COMPONENTS]


def test_missing_publication_date_is_said_in_errors() -> None:
    rec = extract("Officials said on Monday that the crossing was closed.")
    check_record(rec)
    assert not rec.failed and any(e.stage == "times" for e in rec.errors)


def test_extract_rejects_bytes_with_advice() -> None:
    with pytest.raises(InputError, match="decode bytes"):
        extract(b"bytes")  # type: ignore[arg-type]


def test_public_api_is_exactly_all() -> None:
    public = {n for n in dir(newsledger) if not n.startswith("_")}
    # Subpackages are reachable but not API; `extract` is the function, not the subpackage.
    modules = {"actors", "cli", "errors", "evaluate", "ingest", "lexicons", "nlp", "pipeline",
               "record", "ledger", "web", "run", "watch"}
    assert set(newsledger.__all__) - {"__version__"} == public - modules
    for name in newsledger.__all__:
        assert hasattr(newsledger, name)
    assert callable(newsledger.extract) and callable(newsledger.extract_many)


def test_nothing_is_kept_from_a_repeated_caption_whoever_found_it() -> None:
    from newsledger.ingest import from_text
    from newsledger.pipeline import to_record
    from newsledger.record import Figure, Span, TimeExpr

    cap = "Troops near the fence on May 7, 2024, as 12 tanks wait. (Israel Defense Forces/AFP)"
    text = f"A headline about the operation\n\n{cap}\n{cap}\n\nThe body sentence is long enough here."
    art = from_text(text)
    dup = next(b for b in art.blocks if b.duplicate_of is not None)
    first = art.blocks[dup.duplicate_of]
    i1, i2 = text.index("12 tanks"), text.index("12 tanks", dup.start)
    state = State(art, figures=[Figure(Span.of(text, i1, i1 + 8), 12),
                                Figure(Span.of(text, i2, i2 + 8), 12)],
                  times=[TimeExpr(Span.of(text, first.start, first.start + 5), "DATE", None),
                         TimeExpr(Span.of(text, dup.start, dup.start + 5), "DATE", None)])
    from newsledger.record import Check

    state.checks = [Check("sum", True, [0]), Check("sum", True, [1])]
    rec = to_record(state)
    rec.verify()
    assert len(rec.figures) == 1 and rec.figures[0].span.start == i1
    assert len(rec.times) == 1 and [c.figures for c in rec.checks] == [[0]]


def test_a_huge_article_is_extracted_in_sections_with_exact_spans(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from newsledger import pipeline
    from newsledger.ingest import from_text
    from newsledger.pipeline import run_articles
    from tests.nlp.test_selective import ARTICLE

    monkeypatch.setattr(pipeline, "HUGE_CHARS", 1500)
    monkeypatch.setattr(pipeline, "SECTION_CHARS", 1000)
    places = ["Rafah", "Jenin", "Kharkiv", "Doha", "Beirut", "Sumy"]
    text = "".join(ARTICLE.replace("27", str(27 + i)).replace("Rafah", p).replace("Cairo", p)
                   .replace("Jane Roe", f"Jane Roe {i}") for i, p in enumerate(places))
    cuts = pipeline._sections(text)
    assert len(cuts) > 2 and cuts[0][0] == 0 and cuts[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(cuts, cuts[1:]))
    art = from_text(text, id="huge", published="2024-05-14")
    rec = next(run_articles([art]))
    check_record(rec)  # every span, shifted back, matches the whole text
    assert rec.text == text and [b.to_dict() for b in rec.blocks] == \
        [b.to_dict() for b in art.blocks]
    assert all(0 <= i < len(rec.figures) for c in rec.checks for i in c.figures)
    # Each copy is self-contained, so cutting between copies loses nothing.
    monkeypatch.setattr(pipeline, "HUGE_CHARS", 10**6)
    whole = next(run_articles([art]))
    assert [q.content.to_dict() for q in rec.quotes] == [q.content.to_dict() for q in whole.quotes]
    assert [f.span.to_dict() for f in rec.figures] == [f.span.to_dict() for f in whole.figures]
    assert len(rec.quotes) >= 6 and len(rec.figures) >= 6


def test_an_article_in_another_language_gives_a_language_error_and_nothing_extracted() -> None:
    from tests.ingest.test_language import ARABIC, ENGLISH_WITH_ARABIC, RUSSIAN

    for text, code in ((RUSSIAN, "ru"), (ARABIC, "ar")):
        rec = extract(text, published="2024-05-10")
        check_record(rec)
        assert rec.text == text
        assert [(e.stage, e.message) for e in rec.errors] == [(
            "language", f"language '{code}' is not supported yet: only English articles are "
            "extracted; the text is kept, no quotes, figures, times, sources or entities were "
            "extracted")]
        assert not (rec.quotes or rec.figures or rec.times or rec.sources or rec.entities
                    or rec.checks or rec.extractors)
    # English quoting Arabic is extracted as ever
    rec = extract(ENGLISH_WITH_ARABIC, published="2024-05-10")
    check_record(rec)
    assert not rec.errors
    assert [f.value for f in rec.figures] == [200]
    assert rec.extractors


def test_languages_mix_in_a_batch_in_input_order() -> None:
    from newsledger import extract_many
    from tests.ingest.test_language import ENGLISH, RUSSIAN

    recs = list(extract_many([{"id": "en", "text": ENGLISH, "published": "2024-05-10"},
                              {"id": "ru", "text": RUSSIAN, "published": "2024-05-10"},
                              {"id": "en2", "text": ENGLISH, "published": "2024-05-10"}]))
    assert [r.id for r in recs] == ["en", "ru", "en2"]
    assert [bool(r.figures) for r in recs] == [True, False, True]
    assert [[e.stage for e in r.errors] for r in recs] == [[], ["language"], []]
    assert recs[0].to_dict() == recs[2].to_dict() | {"id": "en"}


@pytest.mark.slow
def test_a_huge_article_reports_its_sections_and_ordinary_ones_do_not() -> None:
    """Progress for one large file: each finished section of an article over HUGE_CHARS is
    reported as characters done, ending at the whole text; an ordinary article reports nothing."""
    from newsledger.pipeline import HUGE_CHARS, reporting_sections

    line = "Officials said 12 people were hurt in Kharkiv on Monday, and the river rose.\n\n"
    text = line * (HUGE_CHARS // len(line) + 400)
    seen: list[tuple[int, int]] = []
    with reporting_sections(lambda done, total: seen.append((done, total))):
        extract(line * 3, published="2024-01-10")
        assert seen == []
        rec = extract(text, published="2024-01-10")
    assert len(seen) >= 2
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert seen[-1] == (len(text), len(text))
    assert rec.text == text and rec.figures  # repeats of a paragraph are not re-extracted
    seen.clear()
    extract(text[:HUGE_CHARS * 2], published="2024-01-10")  # outside the block: nobody hears
    assert seen == []


def test_warm_up_loads_what_a_first_article_would() -> None:
    """A worker's start-up: the cached pipeline, and langdetect's profiles loaded."""
    from newsledger.ingest import language
    from newsledger.pipeline import get_nlp, warm_up

    nlp = warm_up(fast=True)
    assert nlp is get_nlp(fast=True)
    assert language._factory is not None
