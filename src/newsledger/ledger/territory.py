"""Which Palestinian health ministry a claim is from, decided by the place the figure counts.

"Palestinian health ministry" usually means Gaza's in Gaza news (``aliases.json`` maps it to
"Gaza health ministry"), but the ministry in Ramallah counts the West Bank's dead. A figure placed
in the West Bank (the territory or a town in it, ``places_within`` in ``series.json``) whose
claimant was written without "Gaza" or "Hamas" is the Ramallah ministry's: its toll never joins
the Gaza line, and the Gaza ministry's territory is no fallback place for it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..lexicons import series_vocabulary
from ..record import Figure

GAZA_MINISTRY = "Gaza health ministry"
RAMALLAH_MINISTRY = "Palestinian health ministry in Ramallah"  # canonical in aliases.json
WEST_BANK = "West Bank"
_GAZA_WORDS = re.compile(r"\b(?:gaza|hamas)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _west_bank_places() -> frozenset[str]:
    within = series_vocabulary().get("places_within", {}).get(WEST_BANK, [])
    return frozenset([WEST_BANK.lower()] + [str(p).lower() for p in within])


def in_west_bank(place: str | None) -> bool:
    """Is a canonical place the West Bank or a town in it ("Jenin", "Nur Shams")?"""
    return bool(place) and str(place).strip().lower() in _west_bank_places()


def claimant_for_place(claimant: str | None, place: str | None, fig: Figure) -> str | None:
    """The canonical claimant, with the Gaza ministry read as the Ramallah one for a West Bank
    count unless the claimant as written names Gaza or Hamas."""
    if claimant != GAZA_MINISTRY or not in_west_bank(place):
        return claimant
    # As written: the mention, else a name that is not the canonical one the aliases made.
    written = fig.claimant.mention.text if fig.claimant and fig.claimant.mention else (
        fig.claimant.name if fig.claimant and fig.claimant.name != GAZA_MINISTRY else "")
    if not written and fig.claimant is not None:
        return claimant  # only the canonical name is known: nothing says which ministry
    return claimant if _GAZA_WORDS.search(written or "") else RAMALLAH_MINISTRY
