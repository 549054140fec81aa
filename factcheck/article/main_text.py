"""The main text of a page: trafilatura's reading, completed from the page's own structure.

trafilatura (run once, on a copy of the tree the page was parsed into) is good at leaving chrome out,
but now and then it drops a body paragraph, a list or a table, or flattens a short page into one
paragraph. The structural reading (``structure``) only ever adds to what trafilatura kept:

- paragraphs it skipped between two paragraphs it kept are put back in place;
- when it kept less than half of the content element's prose, the rest of that prose is added around
  what it kept;
- a paragraph it flattened or damaged is replaced by the page's own paragraphs that hold its words.

What it removes is only what the page itself marks as chrome (the same paragraph read in a nav, footer
or sidebar) and bare furniture labels ("Advertisement"). The comparison works on exact keys and on a
window around its position, so the cost stays linear in the number of paragraphs.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import trafilatura

from factcheck.article.reading import TRAFILATURA, Block, read_blocks

__all__ = ["merge", "trafilatura_reading"]

_WINDOW = 8  # paragraphs around the expected position searched for a paragraph held in a longer one
_REPAIR_BUDGET = 400_000  # paragraph comparisons spent on repairs at most, whatever the page's size


# Paragraphs that are only a label of page furniture ("Advertisement", "Share this article").
# Paragraphs that are only a label of page furniture ("Advertisement", "Share this article").
_CHROME_LABEL = re.compile(
    r"^(?:advertisements?|ads?|sponsored(?: content)?|skip advertisement"
    r"|story continues below(?: advertisement)?"
    r"|continue reading(?: below)?|scroll to continue(?: with content)?"
    r"|share(?: this(?: article| story| post)?)?|related(?: articles| posts| stories| content)?|read more"
    r"|recommended(?: for you)?)[.:!]?$"
)


def trafilatura_reading(tree: Any) -> list[Block]:
    """trafilatura's main text of ``tree`` (which it may change: give it a copy), as paragraphs."""
    try:
        document = trafilatura.bare_extraction(
            tree,
            include_links=True,
            include_tables=True,
            include_comments=False,
            include_images=False,
            as_dict=False,
        )
    except (Exception, RecursionError):  # trafilatura fails on some pages; the structural reading remains
        return []
    body = getattr(document, "body", None)
    return read_blocks(body, TRAFILATURA) if body is not None else []


def _key(block: Block) -> str:
    return block.key


def merge(found: list[Block], plain: list[Block], chrome: list[Block]) -> list[Block]:
    """trafilatura's paragraphs (``found``) completed from the structural reading (``plain``) of the
    content element; ``chrome`` holds the paragraphs the page marks as chrome."""
    found = [b for b in found if not _CHROME_LABEL.match(_key(b))]
    plain = [b for b in plain if not _CHROME_LABEL.match(_key(b))]
    plain_keys = {_key(b) for b in plain}
    chrome_keys = {_key(b) for b in chrome} - plain_keys
    found = [b for b in found if _key(b) not in chrome_keys]
    prose = [b for b in plain if b.link_density < 0.5]
    if not found:
        return prose or plain
    found = _rejoin(found, plain)
    found = _repair(found, plain, {k for k in chrome_keys if len(k) >= 12})
    sparse = sum(len(b.text) for b in found) < 0.5 * sum(len(b.text) for b in prose)
    return _complete(found, plain, everywhere=sparse)


def _rejoin(found: list[Block], plain: list[Block]) -> list[Block]:
    """Consecutive trafilatura paragraphs that are the pieces of one page paragraph (cut where a link or an
    inline element starts: "... 칼럼니스트" + "name@example.org") become that paragraph again."""
    whole = {"".join(_key(b).split()): b for b in plain}
    out: list[Block] = []
    i = 0
    while i < len(found):
        joined, match = "", None
        for j in range(i, min(len(found), i + _WINDOW)):
            joined += "".join(_key(found[j]).split())
            if j > i and joined in whole:
                match = (j, whole[joined])
        if match is None:
            out.append(found[i])
            i += 1
        else:
            out.append(match[1])
            i = match[0] + 1
    return out


def _repair(found: list[Block], plain: list[Block], chrome_keys: set[str]) -> list[Block]:
    """Replace trafilatura paragraphs that differ from the page's own paragraphs.

    Its fallback extractor can flatten a whole page into one paragraph (chrome included), and now and
    then it loses a word or a table cell; the page's own paragraphs are then the better reading.
    """
    plain_keys = [_key(b) for b in plain]
    known = set(plain_keys)
    repaired: list[Block] = []
    spent = 0
    for block in found:
        key = _key(block)
        if key in known:
            repaired.append(block)
            continue
        spent += len(plain_keys) + len(chrome_keys)
        if spent > _REPAIR_BUDGET:
            repaired.append(block)
            continue
        polluted = any(c in key for c in chrome_keys)
        inside, pos = [], 0
        for i, plain_key in enumerate(plain_keys):
            at = key.find(plain_key, pos) if plain_key else -1
            if at >= 0:
                inside.append(i)
                pos = at + len(plain_key)
        share = sum(len(plain_keys[i]) for i in inside) / max(1, len(key))
        if inside and (polluted or (len(inside) >= 3 and share >= 0.8)):
            repaired.extend(plain[inside[0] : inside[-1] + 1])
            continue
        if polluted:
            continue
        repaired.append(_fuller(key, plain, plain_keys) or block)
    return repaired


def _fuller(key: str, plain: list[Block], plain_keys: list[str]) -> Block | None:
    """A plain paragraph holding every word of ``key`` and not much more: the same paragraph, undamaged."""
    words = Counter(key.split())
    size = sum(words.values())
    for block, plain_key in zip(plain, plain_keys, strict=True):
        other = plain_key.split()
        if size >= 0.6 * len(other) and not words - Counter(other):
            return block
    return None


def _complete(found: list[Block], plain: list[Block], *, everywhere: bool) -> list[Block]:
    """Put plain paragraphs that trafilatura skipped back among its own: those between two it kept, or
    (``everywhere``, when it kept too little) every prose paragraph, each after its plain neighbour."""
    found_keys = [_key(b) for b in found]
    first_at: dict[str, int] = {}
    for j, key in enumerate(found_keys):
        first_at.setdefault(key, j)

    def held_near(key: str, at: int) -> int | None:
        if len(key.split()) < 4:  # a label ("Space", "Share") is held in too many paragraphs to place one
            return None
        for j in range(max(0, at - 2), min(len(found), at + _WINDOW)):
            if key and key in found_keys[j]:
                return j
        return None

    # Where each plain paragraph sits among trafilatura's, walking both in order.
    placed: list[int | None] = []
    cursor = 0
    for block in plain:
        key = _key(block)
        hit = first_at.get(key)
        if hit is None:
            hit = held_near(key, cursor)
        placed.append(hit)
        cursor = max(cursor, hit) if hit is not None else cursor
    later = [False] * (len(plain) + 1)  # whether a placed paragraph follows position i
    for i in range(len(plain) - 1, -1, -1):
        later[i] = later[i + 1] or placed[i] is not None
    inserts: dict[int, list[Block]] = {}
    before: int | None = None
    for i, block in enumerate(plain):
        if placed[i] is not None:
            before = placed[i] if before is None else max(before, placed[i] or 0)
            continue
        if block.link_density >= 0.5:
            continue
        # Only gaps inside the body count, unless trafilatura kept too little: what lies before its first
        # or after its last kept paragraph is most often chrome that it dropped on purpose.
        inside = before is not None and later[i + 1] and len(block.text.split()) >= 4
        if (everywhere or inside) and held_near(_key(block), before or 0) is None:
            inserts.setdefault(-1 if before is None else before, []).append(block)
    merged = list(inserts.get(-1, []))
    for j, block in enumerate(found):
        merged.append(block)
        merged.extend(inserts.get(j, []))
    return merged
