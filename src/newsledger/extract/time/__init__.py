"""Time expressions: found in the text, then resolved to TIMEX3 values against the publication
date with news conventions (tense, scheduling, anchors within a paragraph)."""
