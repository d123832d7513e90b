"""Extractors: spaCy components over one Doc, registered by name, each declaring needs and sets.

Importing this package registers them all. ``DEFAULT_COMPONENTS`` is the order they run in;
``base.check_order`` verifies that each runs after whatever sets what it needs.
"""

from . import checks, entities, figures, quotes, sources, times  # noqa: F401 - registration
from .base import COMPONENTS, ComponentInfo, State, check_order, component

DEFAULT_COMPONENTS: tuple[str, ...] = ("entities", "sources", "times", "quotes", "figures", "checks")

__all__ = ["COMPONENTS", "DEFAULT_COMPONENTS", "ComponentInfo", "State", "check_order", "component"]
