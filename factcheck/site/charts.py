"""The verdict charts: stacked bars and their words."""

from __future__ import annotations

from typing import Any

from factcheck.site.format import VERDICT_LABELS, VERDICT_ORDER


def verdict_segments(counts: dict[str, int]) -> list[dict[str, Any]]:
    """The parts of a stacked bar 0..100 wide: one per verdict that has claims."""
    total = sum(counts.values())
    parts, x = [], 0.0
    for verdict in VERDICT_ORDER:
        n = counts.get(verdict, 0)
        if n and total:
            width = 100.0 * n / total
            parts.append({"verdict": verdict, "count": n, "x": round(x, 3), "width": round(width, 3)})
            x += width
    return parts


def counts_text(counts: dict[str, int]) -> str:
    parts = [f"{n} {VERDICT_LABELS[v][1].lower()}" for v in VERDICT_ORDER if (n := counts.get(v, 0))]
    return ", ".join(parts) if parts else "no claims"
