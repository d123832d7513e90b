"""Many figures stay linear (issue 14): the claimant rules of ``extract/figures/claimants.py``
look at a bounded neighbourhood of each figure, so ten times the figures, among hundreds of
candidate names, costs about ten times the steps. Counted by the steps ``claimants.resolve``
reports, not by wall time."""

from __future__ import annotations

import pytest

from newsledger.extract.figures import claimants
from newsledger.ingest import from_any
from newsledger.pipeline import process_doc

_FIRST = ["Anna", "Boris", "Clara", "Dmitri", "Elena", "Farid", "Greta", "Hugo", "Irina", "Jonas"]
_LAST = ["Adler", "Brandt", "Castell", "Dorn", "Eckel", "Falk", "Gruber", "Hahn", "Imhof", "Jost",
         "Kober", "Lang", "Moser", "Noll", "Ortmann", "Pohl", "Quast", "Roth", "Sauer", "Thiel"]
# 200 candidate names, cycled through the paragraphs.
_NAMES = [f"{f} {last}" for last in _LAST for f in _FIRST]


def report(n: int) -> str:
    """A headline, then paragraphs of five figures each (``n`` figures in all) whose claimants the
    module's rules look for: a described doctor named next, health authorities, the report, rescue teams
    no earlier claimant describes."""
    out = ["12 killed in Valdor strike, governor says\n\n",
           "A report in The Economist found the strikes had hit 40 towns.\n\n"]
    for k in range(n // 5):
        name, other = _NAMES[k % 200], _NAMES[(k * 7 + 3) % 200]
        out.append(
            f"The Valdor health ministry said {k + 5} people were killed on day {k}. "
            f"Another {k + 2} are missing, health authorities said. "
            f"A doctor at the clinic said there were {k % 9 + 2} surgeons left. "
            f"{name} told the agency the shelling went on. "
            f"The report put the damage at {k + 30} homes, {other} said. "
            f"Later, rescue teams in the north said {k + 4} houses had collapsed.\n\n")
    return "".join(out)


def steps(text: str, monkeypatch: pytest.MonkeyPatch) -> tuple[int, int]:
    """(steps taken by the claimant rules, figures found)."""
    seen: list[tuple[int, int]] = []
    real = claimants.resolve

    def counting(doc, text, found, sentences, quotes):  # type: ignore[no-untyped-def]
        seen.append((real(doc, text, found, sentences, quotes), len(found)))
        return seen[-1][0]

    monkeypatch.setattr(claimants, "resolve", counting)
    process_doc(from_any(text, published="2024-05-10"))
    assert len(seen) == 1
    return seen[0]


def test_ten_times_the_figures_cost_at_most_a_constant_factor_more_per_figure(
        monkeypatch: pytest.MonkeyPatch) -> None:
    small, n_small = steps(report(200), monkeypatch)
    big, n_big = steps(report(2000), monkeypatch)
    assert n_small >= 150 and n_big >= 9 * n_small  # the figures are found
    assert small > n_small  # the rules do look around the figures
    # per figure, the big article costs no more than the small one (a bounded neighbourhood);
    # a rule that scanned every earlier figure or quote would cost about ten times more
    assert big / n_big <= 1.5 * small / n_small
