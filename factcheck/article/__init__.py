"""HTML and plain text to an Article: main text, paragraphs, metadata and links."""

from factcheck.article.parse import parse_html, parse_text

__all__ = ["parse_html", "parse_text"]
