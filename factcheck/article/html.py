"""An HTML page to an Article: its main text without chrome, its metadata and its in-text links.

Pure functions, no I/O. The page is parsed once (lxml, without its depth limit, so deeply nested text
is kept); trafilatura reads a copy of that tree for the main text, the structural reading another
(``main_text`` merges them), and metadata comes from the markup (``metadata``). Text is built paragraph
by paragraph from the same tree nodes that carry the hyperlinks, so every link knows exactly where its
anchor text stands in ``Article.text``. Paragraphs that are not language (binary, encoded blobs, link
farms) are left out with a reason logged; a page with no text at all says why (``read_html``).
"""

from __future__ import annotations

import copy
import html as html_lib
import logging
import re
from html.parser import HTMLParser
from typing import Any

import lxml.etree as etree
import lxml.html

from factcheck.article.language import binary_share, drop_non_language
from factcheck.article.links import assemble
from factcheck.article.main_text import merge, trafilatura_reading
from factcheck.article.metadata import (
    fallback_title,
    iso_date,
    page_metadata,
    plausible_author,
    site_from_title,
    trafilatura_metadata,
)
from factcheck.article.reading import HTML
from factcheck.article.structure import structural_reading
from factcheck.models import Article
from factcheck.web.decoding import decode_text

__all__ = ["parse_html", "read_html"]

log = logging.getLogger("factcheck.article")

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# Characters of markup from which trafilatura's metadata guesses are not asked for: they cost as much
# as its extraction again, and more than linear time in the size of the page.
_GUESS_LIMIT = 1_000_000
_PARSER = lxml.html.HTMLParser(huge_tree=True)  # no depth or size limit: text 10,000 elements deep is text


class _Flattener(HTMLParser):
    """Markup to flat paragraphs without building a tree: for pages nested deeper than any tree parser
    goes (libxml2 stops at 2,048 levels). Block elements part paragraphs; scripts and styles are no text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._parts: list[str] = []
        self._skipping = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._parts).split())
        if text:
            self.paragraphs.append(text)
        self._parts = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in HTML.skip and tag not in _VOID:
            self._skipping += 1
        elif tag in HTML.blocks or tag == "br":
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in HTML.skip and tag not in _VOID:
            self._skipping = max(0, self._skipping - 1)
        elif tag in HTML.blocks:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skipping:
            self._parts.append(data)


_VOID = frozenset({"img", "input", "meta", "link", "source", "embed"})


def _flat_page(markup: str) -> str:
    reader = _Flattener()
    reader.feed(markup)
    reader.close()
    reader._flush()
    body = "".join(f"<p>{html_lib.escape(p)}</p>" for p in reader.paragraphs)
    return f"<html><body><article>{body}</article></body></html>"


def _parse_dom(markup: str) -> Any | None:
    try:
        doc = lxml.html.document_fromstring(markup, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None
    if any(e.type_name == "ERR_RESOURCE_LIMIT" for e in _PARSER.error_log):
        log.warning("article: the page nests its elements deeper than a tree can hold; read as flat text")
        return lxml.html.document_fromstring(_flat_page(markup), parser=_PARSER)
    return doc


def read_html(html: str | bytes, url: str | None = None) -> tuple[Article, str | None]:
    """The Article of a page, and why it has no text when it has none (None when it has text)."""
    markup = decode_text(html, None, "html")[0] if isinstance(html, bytes) else html
    markup = _XML_DECLARATION.sub("", markup, count=1)
    if not markup.strip():
        return Article(url=url, text=""), "the page is empty"
    if binary_share(markup[:65536]) > 0.05:
        return Article(url=url, text=""), "the page is binary data, not text"
    doc = _parse_dom(markup)
    if doc is None:
        return Article(url=url, text=""), "the page could not be parsed as HTML"
    metadata = page_metadata(doc, url)
    found = trafilatura_reading(copy.deepcopy(doc))
    missing = {"title", "author", "published"} - set(metadata)
    guessed = trafilatura_metadata(copy.deepcopy(doc)) if missing and len(markup) < _GUESS_LIMIT else {}
    title = metadata.get("title") or guessed.get("title") or fallback_title(doc)

    plain, chrome = structural_reading(doc)  # the last reader of ``doc``: it takes the chrome out
    blocks = drop_non_language(merge(found, plain, chrome))

    canonical = metadata.get("canonical_url")
    base = metadata.get("base") or canonical or url
    text, paragraphs, links = assemble(blocks, base, canonical or url)
    article = Article(
        url=url,
        text=text,
        title=title,
        author=metadata.get("author") or plausible_author(guessed.get("author")),
        published=metadata.get("published") or iso_date(guessed.get("date")),
        site_name=metadata.get("site_name") or site_from_title(doc),
        canonical_url=canonical,
        paragraphs=tuple(paragraphs),
        links=tuple(links),
    )
    reason = None if text else "the page has no readable text" if plain or found else "the page has no text"
    return article, reason


def parse_html(html: str | bytes, url: str | None = None) -> Article:
    """Read a page: its main text as paragraphs, metadata and in-text hyperlinks.

    ``url`` is the address the page was fetched from; it resolves relative links when the page has
    neither <base> nor a canonical URL. ``Article.published`` is ISO 8601, a date-time when the page
    gives the time. Bytes are decoded as a browser would without an HTTP header (``web.decoding``);
    a fetched page comes here as the text the fetch layer decoded with its header. A page without text
    gives an Article with empty text (``read_html`` says why).
    """
    return read_html(html, url)[0]
