"""Texts longer than the pipeline takes at once, cut where a sentence (or else a clause, or else a word)
ends, so that a long paragraph is read in pieces rather than refused, in time linear in its length."""

from __future__ import annotations

import re

# Where a piece may end, best first: after a sentence, a line, a clause, a word.
_BREAKS = (
    re.compile(r"[.!?…][\"'”’)\]]*\s+"),
    re.compile(r"\n+"),
    re.compile(r"[;:,]\s+"),
    re.compile(r"\s+"),
)


def pieces(text: str, limit: int) -> list[tuple[int, int]]:
    """``(start, end)`` offsets of consecutive pieces of ``text``, each at most ``limit`` characters, cut at
    the last sentence end (else line, clause or word break) inside the limit."""
    if limit <= 0:
        raise ValueError("limit must be positive")
    out: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window, limit // 2)]
            if ends:
                cut = ends[-1]
                break
        if cut <= 0:
            cut = limit  # no break at all in the second half: a hard cut
        out.append((start, start + cut))
        start += cut
    if start < n:
        out.append((start, n))
    return out
