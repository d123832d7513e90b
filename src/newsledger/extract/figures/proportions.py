"""Proportions and rates are not counts: in "one out of every 200 Palestinians", "one in four
children" or "12 deaths per 10,000 people" neither number counts anyone, so neither is a figure.
(Percentages are measures with a unit and are kept, with metric ``other``.)

A part of a stated whole ("30 out of 36 hospitals") is a count and stays: only "every", a bare
"N in M" between two numbers, and "per" make a ratio.
"""

from __future__ import annotations

import re

from .numbers import Quantity

_NUM = (r"(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
        r"fifty|a[ \t]+hundred|hundred|a[ \t]+thousand|thousand)")
_S = r"[ \t\u00a0]+"
# The numerator: "one out of every 200", "one in every 200", "one in 200", "1 in 4".
_RATIO_AFTER = re.compile(rf"^{_S}(?:(?:out{_S})?of{_S}every|in{_S}every|in){_S}{_NUM}\b",
                          re.IGNORECASE)
# The denominator: "… out of every 200", "… in every 200", "one in 200", "per 10,000".
_RATIO_BEFORE = re.compile(rf"(?:\b(?:of|in){_S}every|\b{_NUM}{_S}in|\bper|\bfor{_S}every)"
                           rf"{_S}$", re.IGNORECASE)


def is_proportion(text: str, q: Quantity) -> bool:
    """True when the quantity ``q`` is either side of a ratio or the base of a rate."""
    if q.unit is not None:
        return False
    after = text[q.end:q.end + 40]
    before = text[max(0, q.start - 30):q.start]
    return bool(_RATIO_AFTER.match(after) or _RATIO_BEFORE.search(before))
