"""A tree (an HTML page or trafilatura's XML) read as paragraphs, each hyperlink placed in its text.

The walk is iterative, so a page nested tens of thousands of elements deep is read whole, and it is
linear in the size of the tree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

__all__ = ["HTML", "TRAFILATURA", "Block", "Spec", "paragraph_key", "read_blocks", "squash", "strip_bullet"]


@dataclass(frozen=True)
class Spec:
    """How to read one kind of tree as paragraphs."""

    blocks: frozenset[str]  # elements that start and end a paragraph
    skip: frozenset[str]  # elements whose content is never text
    link: str  # hyperlink element and its target attribute
    href: str
    breaks: frozenset[str]  # line breaks: a space, though two in a row end the paragraph
    cells: frozenset[str]  # table cells: joined by " | " within their row


TRAFILATURA = Spec(
    blocks=frozenset(
        "doc main body p head list item quote code table row div note fw label".split()  # its XML vocabulary
    ),
    skip=frozenset({"graphic", "comments"}),
    link="ref",
    href="target",
    breaks=frozenset({"lb"}),
    cells=frozenset({"cell"}),
)
HTML = Spec(
    blocks=frozenset(
        "address article aside blockquote body caption center dd details dialog div dl dt fieldset figure "
        "footer form h1 h2 h3 h4 h5 h6 header hgroup hr html li main nav ol p pre section summary table "
        "tbody tfoot thead tr ul".split()
    ),
    # Captions and credits are not the article's prose (trafilatura agrees).
    skip=frozenset(
        "script style noscript template svg math button select option input textarea iframe object embed "
        "canvas video audio head title meta link img picture source figcaption".split()
    ),
    link="a",
    href="href",
    breaks=frozenset({"br"}),
    cells=frozenset({"td", "th"}),
)

# Characters that take no room on screen: dropped so that "6\u00ad8%" reads "68%".
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Bullet glyphs some pages type into paragraphs; list items carry none, so neither do these.
_BULLET = re.compile(r"^(?:[•▪◦●‣∙·■□➤►✓✔]|[-*–](?=\s))\s*")
_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


@dataclass
class Block:
    """One paragraph: its text and its links as (href, start, end) within that text (-1, -1: no place)."""

    text: str
    links: list[tuple[str, int, int]] = field(default_factory=list)

    @cached_property
    def key(self) -> str:
        return paragraph_key(self.text)

    @property
    def link_density(self) -> float:
        linked = sum(end - start for _, start, end in self.links if start >= 0)
        return linked / max(1, len(self.text))


def strip_bullet(text: str) -> str:
    return _BULLET.sub("", text)


def paragraph_key(text: str) -> str:
    """Comparison form of a paragraph: case, quotes, dashes, bullets and spacing ignored."""
    text = text.casefold().translate(_QUOTES).replace("|", " ")  # table cells however they are joined
    return " ".join(strip_bullet(text.strip()).split())


def _squash_slow(raw: str, positions: list[int]) -> tuple[str, dict[int, int]]:
    """``squash`` one character at a time, for text holding invisible characters."""
    out: list[str] = []
    index = [0] * (len(raw) + 1)
    for i, ch in enumerate(raw):
        index[i] = len(out)
        if ch in _INVISIBLE:
            continue
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    if out and out[-1] == " ":
        out.pop()
    index[len(raw)] = len(out)
    return "".join(out), {p: min(index[p], len(out)) for p in positions}


def squash(raw: str, positions: list[int] | tuple[int, ...] = ()) -> tuple[str, dict[int, int]]:
    """Collapse whitespace runs to one space and strip; map each of ``positions`` (offsets into ``raw``)
    to its offset in the result. Linear in the length of ``raw`` however many positions there are."""
    if any(ch in raw for ch in _INVISIBLE):
        return _squash_slow(raw, list(positions))
    text = " ".join(raw.split())
    mapping: dict[int, int] = {}
    size, pending_space, has_text, previous = 0, False, False, 0
    for p in sorted(set(positions)):
        segment = raw[previous:p]
        words = segment.split()
        if words:
            if has_text and (pending_space or segment[0].isspace()):
                size += 1
            size += len(" ".join(words))
            has_text, pending_space = True, segment[-1].isspace()
        elif segment:
            pending_space = True
        mapping[p] = min(size + (1 if pending_space and has_text else 0), len(text))
        previous = p
    return text, mapping


class _Reader:
    """Walks a tree and cuts it into paragraphs, remembering where each hyperlink's text lands."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.blocks: list[Block] = []
        self._parts: list[str] = []
        self._size = 0
        self._has_text = False
        self._links: list[tuple[str, int, int]] = []
        self._generation = 0  # bumped at every paragraph break, to spot links that straddle one
        self._after_break = False

    def _add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)
            self._size += len(text)
            stripped = bool(text.strip())
            self._has_text = self._has_text or stripped
            self._after_break = self._after_break and not stripped

    def _line_break(self) -> None:
        # Two line breaks in a row ("<br><br>") part paragraphs on pages that use no <p>.
        if self._after_break:
            self._flush()
        else:
            self._add(" ")
            self._after_break = True

    def _flush(self) -> None:
        self._generation += 1
        self._after_break = False
        if not self._has_text:
            self._parts, self._size, self._links = [], 0, []
            return
        raw = "".join(self._parts)
        self._parts, self._size, self._has_text = [], 0, False
        links, self._links = self._links, []
        text, index = squash(raw, [p for _, start, end in links for p in (start, end)])
        text = re.sub(r"(?: \|)+$", "", text)  # empty trailing table cells
        bullet = _BULLET.match(text)
        cut = bullet.end() if bullet else 0
        text = text[cut:]
        if not text:
            return
        spans = []
        for href, start, end in links:
            s, e = max(index[start] - cut, 0), max(index[end] - cut, 0)
            while s < e and text[s] == " ":
                s += 1
            while e > s and text[e - 1] == " ":
                e -= 1
            spans.append((href, s, e) if e > s else (href, -1, -1))
        self.blocks.append(Block(text, spans))

    def read(self, root: Any) -> list[Block]:
        spec = self.spec
        # (element, None) enters an element; (element, (start, generation, is_block)) leaves it.
        stack: list[tuple[Any, tuple[int, int, bool] | None]] = [(root, None)]
        while stack:
            el, leaving = stack.pop()
            tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
            if leaving is not None:
                start, generation, is_block = leaving
                href = (el.get(spec.href) or "") if tag == spec.link else None  # "": a link going nowhere
                if href is not None:
                    same_paragraph = generation == self._generation
                    self._links.append((href, start, self._size) if same_paragraph else (href, 0, 0))
                if is_block:
                    self._flush()
                self._add(el.tail)
                continue
            if not tag or tag in spec.skip:
                self._add(el.tail)
                continue
            is_block = tag in spec.blocks
            if is_block:
                self._flush()
            if tag in spec.breaks:
                self._line_break()
            if tag in spec.cells and self._has_text:
                self._add(" | ")
            stack.append((el, (self._size, self._generation, is_block)))
            self._add(el.text)
            stack.extend((child, None) for child in reversed(el))
        self._flush()
        return self.blocks


def read_blocks(root: Any, spec: Spec) -> list[Block]:
    """The paragraphs of the tree under ``root``, read as ``spec`` says."""
    return _Reader(spec).read(root)
