"""Plain text to an Article: paragraphs at blank lines, bare URLs as links, title and byline guessed."""

from __future__ import annotations

import re
from collections.abc import Iterator

from factcheck.article.language import binary_share, drop_non_language
from factcheck.article.links import assemble
from factcheck.article.reading import Block, squash, strip_bullet
from factcheck.models import Article

__all__ = ["parse_text", "read_text"]

_LIST_LINE = re.compile(r"^\s*(?:[•▪◦●‣∙·■□➤►✓✔]|[-*–]\s|\d{1,2}[.)]\s)")
_BARE_URL = re.compile(r"https?://[^\s<>\"'()\[\]]+")
_BYLINE = re.compile(r"^By\s+([A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})")


def _text_paragraphs(text: str) -> Iterator[str]:
    """Blank lines part paragraphs. Text wrapped at a fixed width (no line over 100 characters) has its
    lines joined; otherwise each line is a paragraph of its own. List lines always stand alone."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    wrapped = max((len(line) for line in text.split("\n")), default=0) <= 100
    for chunk in re.split(r"\n[ \t]*\n", text):
        pending: list[str] = []
        for line in chunk.split("\n"):
            if _LIST_LINE.match(line) or (not wrapped and line.strip()):
                if pending:
                    yield " ".join(pending)
                pending = []
                yield line
            elif line.strip():
                pending.append(line)
        if pending:
            yield " ".join(pending)


def _url_links(paragraph: str) -> list[tuple[str, int, int]]:
    found = []
    for match in _BARE_URL.finditer(paragraph):
        href = match.group().rstrip(".,;:!?")
        found.append((href, match.start(), match.start() + len(href)))
    return found


def read_text(text: str, url: str | None = None) -> tuple[Article, str | None]:
    """The Article of plain text, and why it has no text when it has none (None when it has text)."""
    if not text.strip():
        return Article(url=url, text=""), "the document is empty"
    if binary_share(text[:65536]) > 0.05:
        return Article(url=url, text=""), "the document is binary data, not text"
    blocks: list[Block] = []
    for raw in _text_paragraphs(text):
        squashed, _ = squash(raw)
        squashed = strip_bullet(squashed)
        if squashed:
            blocks.append(Block(squashed, _url_links(squashed)))
    blocks = drop_non_language(blocks)
    body, paragraphs, links = assemble(blocks, url, None)
    first = blocks[0].text if blocks else ""
    headline = len(blocks) > 1 and len(first) <= 200 and not first.endswith((".", "!", "?", ":"))
    title = first if headline else None
    author = next((m.group(1) for b in blocks[:6] if (m := _BYLINE.match(b.text))), None)
    article = Article(
        url=url, text=body, title=title, author=author, paragraphs=tuple(paragraphs), links=tuple(links)
    )
    return article, None if body else "the document has no readable text"


def parse_text(text: str, url: str | None = None) -> Article:
    """Read plain text: paragraphs at blank lines, bare URLs as links, title and "By ..." author guessed
    from the first lines."""
    return read_text(text, url)[0]
