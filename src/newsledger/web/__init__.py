"""The web view behind ``newsledger serve``: series charts, highlighted articles, extraction.

Starlette + Jinja2 pages rendered server-side; the chart is inline SVG laid out in Python
(:mod:`.chart`) with one small vendored script for tooltips and keyboard navigation. Nothing is
fetched from the internet and there is no build step.
"""

from __future__ import annotations

from .app import DEFAULT_MAX_UPLOAD, create_app

__all__ = ["DEFAULT_MAX_UPLOAD", "create_app"]
