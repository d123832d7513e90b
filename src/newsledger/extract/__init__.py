"""Extractors: what each article says, one registered component per concern.

``actors/`` finds named mentions (entities, canonical in-article names); ``sources.py`` the outlets
and agencies cited or credited; ``time/`` the time expressions, resolved; ``speech/`` who said what
(quotes, reported speech, speakers); ``figures/`` the counted figures with claimant, hedges, place
and as-of, and the arithmetic between them. Importing this package registers them all
(``registry.py``); ``DEFAULT_COMPONENTS`` is the order they run in, and ``registry.check_order``
verifies that each runs after whatever sets what it needs.
"""

import sys
from types import ModuleType
from typing import Any

from . import sources  # noqa: F401 - registration
from .actors import entities, naming  # noqa: F401 - registration
from .figures import checks, extractor  # noqa: F401 - registration
from .registry import COMPONENTS, ComponentInfo, State, check_order, component, model_needs
from .speech import quotes  # noqa: F401 - registration
from .time import extractor as _times  # noqa: F401 - registration

DEFAULT_COMPONENTS: tuple[str, ...] = ("entities", "sources", "times", "quotes", "figures", "naming",
                                       "checks")

__all__ = ["COMPONENTS", "DEFAULT_COMPONENTS", "ComponentInfo", "State", "check_order", "component",
           "model_needs"]


class _CallablePackage(ModuleType):
    """``newsledger.extract`` is both this package and the public function: whichever Python
    finds first under that name, ``newsledger.extract(text, published=…)`` extracts."""

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        from ..pipeline import extract

        return extract(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
