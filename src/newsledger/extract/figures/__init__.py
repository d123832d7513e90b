"""Figures: numbers found and read (value, range, approximation), what they count, who claims them,
how they are hedged, where and as of when; and the arithmetic the article implies (checks)."""
