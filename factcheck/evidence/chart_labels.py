"""Chart labels of an inline SVG: each figure of its <text> elements paired with the name of its bar."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bs4 import Tag

from factcheck.evidence.source_text import squash


def _text(el: Tag) -> str:
    return squash(el.get_text(" "))


def _class_words(el: Tag) -> set[str]:
    names: set[str] = set()
    for attr in ("class", "id"):
        value = el.get(attr)
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        names.update(item.lower() for item in items)
    return names | {w for name in names for w in re.split(r"[-_\s]+", name) if w}


@dataclass
class _SvgText:
    text: str
    x: float | None
    y: float | None
    group: Tag | None
    numeric: bool
    used: bool = False


_AXIS_CLASSES = {"axis", "tick", "ticks", "grid", "legend"}


def pair_svg_texts(svg: Tag) -> list[str]:
    """Chart labels "name: value" from an SVG's <text> elements.

    A number pairs with the one name of its own <g> group; else with the name on its bar: in a chart of
    horizontal bars (names one above the other) the nearest name by height, in one of vertical bars (names
    side by side) the nearest by x, within half the distance between two bars; else with the name just
    before it in the document."""
    items: list[_SvgText] = []
    for el in svg.find_all("text"):
        if any(_class_words(p) & _AXIS_CLASSES for p in [el, *el.parents] if isinstance(p, Tag)):
            continue  # axis ticks and legends are no data
        text = _text(el)
        if text:
            numeric = bool(re.fullmatch(r"[^A-Za-z]*\d[^A-Za-z]*", text))
            items.append(_SvgText(text, _num_attr(el, "x"), _num_attr(el, "y"), el.find_parent("g"), numeric))
    labels = []
    names = [i for i in items if not i.numeric]
    for item in names:
        joined = re.fullmatch(r"(.*[A-Za-z)].*?)\s+([$#~]?\d[\d.,]*\s*(?:%|x|pts|points))", item.text)
        if re.search(r"[:=]\s*\S*\d", item.text) or joined:
            # already "name: value", or name and value in one <text> ("GPT-5.5 74.0%")
            labels.append(f"{joined.group(1)}: {joined.group(2)}" if joined else item.text)
            item.used = True
    bar_axis, reach = _bar_axis([n for n in names if not n.used])
    for position, num in enumerate(items):
        if not num.numeric:
            continue
        free = [n for n in names if not n.used]
        group = [n for n in free if num.group is not None and n.group is num.group]
        partner = group[0] if len(group) == 1 else None
        mine = getattr(num, bar_axis) if bar_axis else None
        if partner is None and bar_axis and mine is not None:
            spots = [(abs(at - mine), n) for n in free if (at := getattr(n, bar_axis)) is not None]
            near = [(d, n) for d, n in spots if d <= reach]
            if near:
                partner = min(near, key=lambda dn: dn[0])[1]
        if partner is None and position and not items[position - 1].numeric and not items[position - 1].used:
            partner = items[position - 1]
        if partner is not None:
            partner.used = True
            labels.append(f"{partner.text}: {num.text}")
    return labels


def _bar_axis(names: list[_SvgText]) -> tuple[str, float]:
    """Along which coordinate the bars' names are spread ("y" for horizontal bars, "x" for vertical ones)
    and how far from its name a value label may stand: half the smallest gap between two names."""
    best = ("", 0.0)
    for axis, other in (("y", "x"), ("x", "y")):
        spots = sorted({round(v, 1) for n in names if (v := getattr(n, axis)) is not None})
        others = [v for n in names if (v := getattr(n, other)) is not None]
        if len(spots) < 2 or len(spots) < len(names):
            continue  # names sharing a position are not spread along this axis
        spread_other = max(others) - min(others) if others else 0.0
        gap = min(b - a for a, b in zip(spots, spots[1:], strict=False))
        if gap > 0 and (not best[0] or spread_other < gap):
            best = (axis, max(3.0, gap / 2))
    if not best[0] and len(names) == 1:
        return "y", 3.0  # one bar: its value sits on the name's row
    return best


def _num_attr(el: Tag, name: str) -> float | None:
    m = re.match(r"\s*(-?\d+(?:\.\d+)?)", str(el.get(name) or ""))
    return float(m.group(1)) if m else None
