"""The structural reading of a page: its content element, with the page chrome taken out.

This is the fallback beside trafilatura's reading: it knows nothing of text statistics, only of the
page's own markup (``<article>``, ``itemprop=articleBody``, ``<main>``) and of the one chrome detector
(``factcheck.chrome``). One walk over the tree, never into a part already found to be chrome, so it is
linear in the size of the page.
"""

from __future__ import annotations

from typing import Any

from factcheck.article.reading import HTML, Block, read_blocks
from factcheck.chrome import chrome_kind

__all__ = ["content_root", "structural_reading"]


def content_root(doc: Any) -> Any:
    """The element holding the article: itemprop=articleBody, the largest <article>, <main>, or <body>."""
    for query in ("//*[@itemprop='articleBody']", "//article", "//main | //*[@role='main']"):
        found = doc.xpath(query)
        if found:
            return max(found, key=lambda el: len(el.text_content()))
    body = doc.find(".//body")
    return body if body is not None else doc


def _chrome_parts(doc: Any, root: Any) -> list[Any]:
    """The outermost chrome elements of ``doc``. The content element and its ancestors are never chrome
    (a ``<body class="has-sidebar">`` is not a sidebar), nor is a wrapper inside it that holds more than
    half of its text."""
    frame_elements = [root, *root.iterancestors()]  # held, so lxml hands out these same proxies below
    frame = {id(el) for el in frame_elements}
    half = len(root.text_content()) / 2
    found: list[Any] = []
    # (element, inside an <article>, inside the content element)
    stack: list[tuple[Any, bool, bool]] = [(doc, False, False)]
    while stack:
        el, in_article, in_root = stack.pop()
        if not isinstance(el.tag, str):
            continue
        tag = el.tag.lower()
        if id(el) not in frame and chrome_kind(tag, el.get, in_article=in_article) is not None:
            if not (in_root and len(el.text_content()) > half):
                found.append(el)
                continue
        in_article = in_article or tag == "article"
        in_root = in_root or el is root
        stack.extend((child, in_article, in_root) for child in reversed(el))
    del frame_elements
    return found


def structural_reading(doc: Any) -> tuple[list[Block], list[Block]]:
    """(paragraphs of the content element, paragraphs of the chrome taken out of the page).

    The chrome is removed from ``doc`` in place: give it a tree nobody else reads."""
    root = content_root(doc)
    chrome: list[Block] = []
    for el in _chrome_parts(doc, root):
        chrome.extend(read_blocks(el, HTML))
        if el.getparent() is not None:
            el.drop_tree()
    return read_blocks(root, HTML), chrome
