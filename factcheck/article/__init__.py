"""HTML, PDF and plain text to an Article: main text, paragraphs, metadata and links.

Modules: ``html`` (a page to an Article), ``main_text`` (trafilatura's reading completed from the page
structure), ``structure`` (the structural reading: content element, chrome out), ``reading`` (a tree
read as paragraphs with positioned links), ``metadata``, ``links``, ``plain_text``, ``pdf``,
``language`` (text that is not language).

``parse_article`` is the stage's entry point: it raises ``ArticleError``, whose message is one line
with the reason, when a document yields no article text (an empty page, binary data served as a page,
a damaged PDF). ``parse_html`` and ``parse_text`` return an Article with empty text instead.
"""

from __future__ import annotations

import re

from factcheck.article.html import parse_html, read_html
from factcheck.article.language import binary_bytes_share
from factcheck.article.pdf import PdfUnreadable, pdf_text
from factcheck.article.plain_text import parse_text, read_text
from factcheck.models import Article
from factcheck.web.decoding import decode_text, media_type

__all__ = ["ArticleError", "looks_like_html", "parse_article", "parse_html", "parse_text"]

_HTML_START = re.compile(
    r"^\s*(?:<!doctype html|<html|<head|<body|<article|<main|<div|<p[\s>]|<section|<h1)", re.I
)


class ArticleError(ValueError):
    """A document that yields no article text; the message says why, in one line."""


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text)) or bool(re.search(r"</(?:p|div|article|body)>", text[:20000], re.I))


def parse_article(
    text_or_html: str | bytes, url: str | None = None, content_type: str | None = None
) -> Article:
    """An Article from HTML, PDF or plain text, decided by the content type, else by a look at the text.

    Bytes are decoded with the ``charset`` of ``content_type`` (an HTTP Content-Type header) when it
    has one, else as the document declares, else by detection. Raises ``ArticleError`` when the
    document yields no text.
    """
    media, charset = media_type(content_type)
    if isinstance(text_or_html, bytes) and ("pdf" in media or text_or_html[:5] == b"%PDF-"):
        try:
            return _checked(read_text(pdf_text(text_or_html), url), url)
        except PdfUnreadable as exc:
            raise ArticleError(f"{url}: {exc}" if url else str(exc)) from exc
    if isinstance(text_or_html, bytes) and binary_bytes_share(text_or_html) > 0.05:
        message = "no article text: the document is binary data, not text"
        raise ArticleError(f"{url}: {message}" if url else message)
    if isinstance(text_or_html, bytes):
        is_html = not media or "html" in media or "xml" in media
        text = decode_text(text_or_html, charset, "html" if is_html else "text")[0]
        if not media:
            is_html = looks_like_html(text)
    else:
        text = text_or_html
        is_html = "html" in media or "xml" in media if media else looks_like_html(text)
    return _checked(read_html(text, url) if is_html else read_text(text, url), url)


def _checked(result: tuple[Article, str | None], url: str | None = None) -> Article:
    article, reason = result
    if not article.text:
        message = f"no article text: {reason or 'nothing to read'}"
        raise ArticleError(f"{url}: {message}" if url else message)
    return article
