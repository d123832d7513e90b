"""Bad input never raises and attribution work grows linearly (operation counts, never timers)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.extract.speech import quotemarks
from newsledger.extract.speech.quotemarks import pair_quotes
from tests.conftest import extract_checked


def run(text: str) -> Any:
    return extract_checked(text)  # type: ignore[no-any-return]


SENTENCE = "Officials said the convoy reached the city and “the aid is not enough” for families. "


def test_fifty_kb_paragraph_with_unclosed_quote() -> None:
    text = "“" + SENTENCE * (50_000 // len(SENTENCE))
    assert len(text) >= 49_000 and "\n" not in text
    rec = run(text)
    assert any(q.kind == "indirect" for q in rec.quotes)


def test_quotes_nested_three_deep() -> None:
    text = ("Analyst Sarah Cohen said: “He told me ‘they shouted “never” at us’ twice.”\n\n"
            "“A ‘b “c ‘d’ e” f’ g,” Cohen added.")
    rec = run(text)
    direct = [q for q in rec.quotes if q.kind == "direct"]
    assert [q.content.text for q in direct] == [
        "He told me ‘they shouted “never” at us’ twice.", "A ‘b “c ‘d’ e” f’ g,"]
    assert {q.speaker.name for q in direct} == {"Sarah Cohen"}


def test_every_quote_style_mixed() -> None:
    text = ("„Eins“ and «deux» and ‹trois› and ‘four’ and \"five\" and “six” and 'seven', "
            "said Minister Anna Berg.\n\n「八」 and »neun« and ”stray and “open")
    rec = run(text)
    contents = {q.content.text for q in rec.quotes if q.kind in ("direct", "partial")}
    assert {"Eins", "deux", "four", "five", "six"} <= contents


def test_text_without_sentence_punctuation() -> None:
    words = ("the minister said the talks would go on and the army said nothing "
             "and “we wait” he said ")
    rec = run(words * 300)
    assert rec.quotes  # something is found, nothing raises


@settings(max_examples=40, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n“”‘’\"'«»„"), ), max_size=200))
def test_pairing_never_raises_and_pairs_are_well_formed(text: str) -> None:
    pairs = pair_quotes(text)
    for p in pairs:
        assert 0 <= p.open < p.close < len(text)
        assert p.start <= p.end


def _count_calls(monkeypatch: pytest.MonkeyPatch, module: Any, name: str) -> Callable[[], int]:
    calls = [0]
    real = getattr(module, name)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[0] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(module, name, counting)
    return lambda: calls[0]


@pytest.mark.parametrize("unit", [
    "“" + SENTENCE,  # many unclosed openers
    "“a ‘b “c ‘d’ e” f’ g” ",  # deep nesting
    "„x“ «y» ‘z’ \"w\" ”stray ",  # every style
    "no punctuation at all just words ",
])
def test_pairing_work_is_linear(monkeypatch: pytest.MonkeyPatch, unit: str) -> None:
    """Each quote mark is classified exactly once: work doubles when the text doubles."""
    counter = _count_calls(monkeypatch, quotemarks, "_role")
    pair_quotes(unit * 500)
    small = counter()
    pair_quotes(unit * 1000)
    large = counter() - small
    assert large == 2 * small


def test_attribution_work_is_linear(monkeypatch: pytest.MonkeyPatch) -> None:
    """Cue tests per token stay proportional to the text: doubling it at most doubles them."""
    from newsledger.extract.speech import cues, quotes

    counter = _count_calls(monkeypatch, quotes, "is_cue")
    unit = ("“We will keep going,” Minister Anna Berg said, adding that “the aid is not enough” "
            "and that the convoy would return, according to officials. ")
    run(unit * 40)
    small = counter()
    run(unit * 80)
    large = counter() - small
    assert small > 0
    assert large <= 2.2 * small
    assert cues.lexicon().quote  # the lexicon loaded from data/cues.txt


@settings(max_examples=15, deadline=None)
@given(st.lists(st.sampled_from([
    "“", "”", "‘", "’", "\"", "'", "«", "»", "„", " said ", " he ", "Kirby", " according to ",
    " the group ", ", ", ". ", "\n\n", "US: ", " — ", "Hamas", " claimed that ", "it", " the ",
]), max_size=60))
def test_attribution_never_raises_on_shuffled_pieces(pieces: list[str]) -> None:
    rec = run("".join(pieces))
    for q in rec.quotes:
        assert q.kind in ("direct", "partial", "indirect", "according_to")
        assert q.content.start < q.content.end



def test_two_reports_with_the_same_span_do_not_crash() -> None:
    """Two reports over one span once made sorting fall through to comparing objects."""
    from newsledger import extract

    text = ("More now on the envoy's letter to council members. Ana Ruiz wrote that every family "
            "in the valley faced danger as “no road is open” and no shelter was left as the "
            "clinics closed. Without fuel, and as the shelling goes on, Ruiz wrote that she was "
            "expecting order to \"break down soon, making even limited aid impossible\". Ruiz ended "
            "her letter by saying that the world had a duty \"to use all its weight to stop this\" "
            "and renewed her call for a truce.")
    rec = extract(text, published="2024-01-10")
    rec.verify()
    assert not [e for e in rec.errors if e.stage == "quotes"]
    assert any("Ruiz" in (q.speaker.name or "") for q in rec.quotes)
