"""Shared fixtures: where ../shared lives (tests that need it skip when it is absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
if not SHARED.exists():
    SHARED = Path("/work/shared")


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "gold").exists():
        pytest.skip("../shared is absent (development data is not part of the repository)")
    return SHARED
