"""HTML and plain text to an Article: main text, paragraphs, metadata and links."""

from __future__ import annotations

import re

from factcheck.article.parse import parse_html, parse_text
from factcheck.models import Article
from factcheck.web.decoding import decode_text, media_type

__all__ = ["looks_like_html", "parse_article", "parse_html", "parse_text"]

_HTML_START = re.compile(
    r"^\s*(?:<!doctype html|<html|<head|<body|<article|<main|<div|<p[\s>]|<section|<h1)", re.I
)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text)) or bool(re.search(r"</(?:p|div|article|body)>", text[:20000], re.I))


def parse_article(
    text_or_html: str | bytes, url: str | None = None, content_type: str | None = None
) -> Article:
    """An Article from HTML or plain text, decided by the content type, else by a look at the text.

    Bytes are decoded with the ``charset`` of ``content_type`` (an HTTP Content-Type header) when it
    has one, else as the document declares, else by detection.
    """
    media, charset = media_type(content_type)
    if isinstance(text_or_html, bytes):
        is_html = not media or "html" in media or "xml" in media
        text = decode_text(text_or_html, charset, "html" if is_html else "text")[0]
        if not media:
            is_html = looks_like_html(text)
    else:
        text = text_or_html
        is_html = "html" in media or "xml" in media if media else looks_like_html(text)
    return parse_html(text, url) if is_html else parse_text(text, url)
