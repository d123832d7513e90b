"""Bad input stays linear (issue 14): a quote among hundreds of candidate names, or a pronoun
chain a hundred paragraphs long, costs candidate look-ups in proportion to its length. Counted
by the resolver's own step counter (``Attributions.steps``), not by wall time."""

from __future__ import annotations

from newsledger.ingest import from_any
from newsledger.pipeline import process_doc

_FIRST = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas"]
_LAST = ["Adler", "Brandt", "Castell", "Dorn", "Eckel", "Falk", "Gruber", "Hahn", "Imhof", "Jost",
         "Kober", "Lang", "Moser", "Noll", "Ortmann", "Pohl", "Quast", "Roth", "Sauer", "Thiel"]


def steps(text: str) -> int:
    doc = process_doc(from_any(text, published="2024-05-10"))
    attributions = doc._.nl.speakers
    assert attributions is not None
    return attributions.steps


def names_around_a_quote(n: int) -> str:
    """One paragraph: ``n`` people, each the subject of a sentence, around a quote of "he"."""
    people = [f"{_FIRST[k % 10]} {_LAST[(k // 10) % 20]}{'' if k < 200 else k}" for k in range(n)]
    before = " ".join(f"{p} arrived." for p in people[: n // 2])
    after = " ".join(f"{p} listened." for p in people[n // 2:])
    return f"{before} \"We will not sign this,\" he said. {after} She said talks would resume.\n"


def pronoun_chain(n: int) -> str:
    head = "Foreign minister Ines Moreau arrived on Monday.\n\n"
    return head + "".join(f"She said talks on point {k} had gone well.\n\n" for k in range(n))


def test_candidate_names_around_a_quote_cost_linear_work() -> None:
    small, big = steps(names_around_a_quote(50)), steps(names_around_a_quote(200))
    assert small > 0
    # four times the names: at most four times the look-ups (each look-up has a bounded window)
    assert big <= 4 * small + 50


def test_a_long_pronoun_chain_costs_linear_work() -> None:
    # each further hundred "she said" paragraphs costs what the hundred before did (a quadratic
    # resolver would cost more each time)
    a, b, c = (steps(pronoun_chain(n)) for n in (100, 200, 300))
    assert 0 < a < b < c
    assert c - b <= 1.1 * (b - a) + 50
    assert c <= 3.5 * a + 200
