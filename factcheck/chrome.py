"""Page chrome: the parts of a web page around its content, in one place for every stage that reads HTML.

Two kinds are told apart, because the article stage and the evidence stage treat them differently:

- ``"chrome"``: navigation, banners, footers, forms, cookie and newsletter boxes, share bars, hidden
  elements. Never content, neither of an article nor of a source page.
- ``"aside"``: complementary content beside the main text: sidebars, "related" and "recommended"
  boxes, asides outside the article. Not the article's prose; on a source page a box about *other*
  items than the page's own, which the evidence stage reads apart rather than as the page's figures.
- ``"inset"``: an ``<aside>`` inside the article (a pull quote, a key-facts box): not the article's
  running prose, but on a source page a part of the page's own content.

The test looks at the element alone (its tag, role, hidden state, class and id words); callers walk their
own trees (lxml or BeautifulSoup) and pass what they see. The words are general web vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Callable

__all__ = ["chrome_kind"]

_CHROME_TAGS = frozenset({"nav", "footer", "form", "dialog", "menu"})
_CHROME_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "search", "dialog", "alertdialog", "menu", "menubar", "toolbar"}
)
_ASIDE_ROLES = frozenset({"complementary"})
# Tags of the page's frame: whatever their classes say (<body class="cookie-consent-open">), not chrome.
_FRAME_TAGS = frozenset({"html", "body", "main", "article"})

# Words of a class or id (split at "-" and "_") that mark chrome wherever they stand in the name.
_CHROME_WORDS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "breadcrumb",
        "breadcrumbs",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "banner",
        "newsletter",
        "subscribe",
        "subscription",
        "signup",
        "cta",
        "promo",
        "promotion",
        "advert",
        "advertisement",
        "ad",
        "ads",
        "sponsor",
        "sponsored",
        "popup",
        "modal",
        "overlay",
        "masthead",
        "toolbar",
        "pagination",
        "pager",
        "paywall",
        "skiplink",
        "skip",
        "login",
        "signin",
        "footer",
        "byline",
        "comments",
        "comment",
        "meta",
        "tags",
        "author",
        "bio",
        "widget",
        "widgets",
        "trending",
        "disqus",
        "outbrain",
        "taboola",
    }
)
# Words that are also content words ("market-share", "social-media-users"): chrome only as a whole class
# name, or beside a word of the page's controls ("share-buttons", "social-icons", "share-bar").
_AMBIGUOUS_WORDS = frozenset({"share", "sharing", "social"})
_CONTROL_WORDS = frozenset(
    {"buttons", "button", "links", "icons", "icon", "bar", "tools", "box", "count", "list"}
)
# Whole class names that hide an element from sight.
_HIDDEN_CLASSES = frozenset({"sr-only", "visually-hidden", "screen-reader-text", "hidden", "site-header"})
# Words of complementary boxes.
_ASIDE_WORDS = frozenset(
    {
        "sidebar",
        "related",
        "recommended",
        "recommendations",
        "similar",
        "suggested",
        "alternatives",
        "popular",
        "also",
    }
)
_ASIDE_PHRASES = frozenset({"more-from", "more-stories", "read-next", "read-more", "up-next"})


def _names(attr: Callable[[str], str | None]) -> list[str]:
    return f"{attr('class') or ''} {attr('id') or ''}".lower().split()


def chrome_kind(tag: str, attr: Callable[[str], str | None], *, in_article: bool = False) -> str | None:
    """``"chrome"``, ``"aside"``, ``"inset"`` or None for one element: its ``tag`` name, its attributes
    through ``attr`` (name -> value or None), and whether it stands inside an ``<article>`` (whose own
    ``<header>`` holds its title and whose own ``<aside>`` is part of it)."""
    tag = tag.lower()
    if tag in _FRAME_TAGS:
        return None
    role = (attr("role") or "").lower()
    if tag in _CHROME_TAGS or role in _CHROME_ROLES or (tag == "header" and not in_article):
        return "chrome"
    if attr("hidden") is not None or (attr("aria-hidden") or "").lower() == "true":
        return "chrome"
    if re.search(r"display\s*:\s*none", attr("style") or "", re.I):
        return "chrome"
    names = _names(attr)
    if any(name in _HIDDEN_CLASSES for name in names):
        return "chrome"
    for name in names:
        words = [w for w in re.split(r"[-_]+", name) if w]
        if any(w in _CHROME_WORDS for w in words):
            return "chrome"
        if name in _AMBIGUOUS_WORDS or (
            any(w in _AMBIGUOUS_WORDS for w in words) and any(w in _CONTROL_WORDS for w in words)
        ):
            return "chrome"
    if role in _ASIDE_ROLES or (tag == "aside" and not in_article):
        return "aside"
    if tag == "aside":
        return "inset"
    for name in names:
        words = [w for w in re.split(r"[-_]+", name) if w]
        if any(w in _ASIDE_WORDS for w in words) or any(p in name for p in _ASIDE_PHRASES):
            return "aside"
    return None
