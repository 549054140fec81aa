"""Hyperlinks of an article: made absolute, in-page and non-web ones left out, each placed in the text."""

from __future__ import annotations

import logging
from urllib.parse import urljoin, urlsplit

from factcheck.article.reading import Block
from factcheck.models import Link

__all__ = ["PARAGRAPH_SEPARATOR", "absolute", "assemble"]

log = logging.getLogger("factcheck.article")

PARAGRAPH_SEPARATOR = "\n\n"


def absolute(href: str | None, base: str | None) -> str | None:
    """``href`` resolved against ``base``, when it leads to an http(s) address."""
    if not href or not href.strip():
        return None
    href = href.strip()
    try:
        resolved = urljoin(base, href) if base else href
        scheme = urlsplit(resolved).scheme
    except ValueError:  # a malformed address ("http://[::1") is no link; the rest of the page stands
        log.warning("article: a link was left out: %r is not a valid URL", href[:100])
        return None
    return resolved if scheme in ("http", "https") else None


def assemble(
    blocks: list[Block], base: str | None, own_url: str | None
) -> tuple[str, list[tuple[int, int]], list[Link]]:
    """Join paragraphs into the article text; links become absolute and positioned in that text."""
    own = (own_url or "").split("#", 1)[0]
    parts: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    links: list[Link] = []
    offset = 0
    for block in blocks:
        if parts:
            offset += len(PARAGRAPH_SEPARATOR)
        for href, start, end in block.links:
            if href.strip().startswith("#"):
                continue  # in-page anchors (contents, footnote markers) lead nowhere new
            resolved = absolute(href, base)
            if resolved is None or (own and resolved.split("#", 1)[0] == own):
                continue
            if start < 0:
                links.append(Link(resolved, "", -1, -1))
            else:
                links.append(Link(resolved, block.text[start:end], offset + start, offset + end))
        paragraphs.append((offset, offset + len(block.text)))
        parts.append(block.text)
        offset += len(block.text)
    return PARAGRAPH_SEPARATOR.join(parts), paragraphs, links
