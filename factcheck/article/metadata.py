"""Article metadata from the page's own markup: JSON-LD, OpenGraph and meta tags, <time>, <link rel>.

JSON-LD is read within bounds: a block larger than ``MAX_JSON_LD`` characters or nested deeper than
``MAX_JSON_DEPTH`` levels is skipped (with a reason logged), and its objects are flattened without
recursion, so a hostile block costs the page its metadata at worst, never its text.
"""

from __future__ import annotations

import json
import logging
import re
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import trafilatura

from factcheck.article.links import absolute
from factcheck.quantities.calendar import MONTHS

__all__ = [
    "MAX_JSON_DEPTH",
    "MAX_JSON_LD",
    "iso_date",
    "page_metadata",
    "plausible_author",
    "site_from_title",
    "fallback_title",
    "trafilatura_metadata",
]

log = logging.getLogger("factcheck.article")

MAX_JSON_LD = 1_000_000  # characters of one JSON-LD block
MAX_JSON_DEPTH = 64  # nesting levels of one JSON-LD block


def trafilatura_metadata(page: Any) -> dict[str, str]:
    """trafilatura's guesses at title, byline and date, for pages whose markup does not state them.

    ``page`` is markup or a parsed tree that trafilatura may change (give it a copy)."""
    try:
        # A date guessed from free text (a "© 2026" footer) is worse than none.
        found = trafilatura.extract_metadata(
            page, extensive=False, date_config={"extensive_search": False, "original_date": True}
        )
    except Exception:  # a guess we can do without
        return {}
    values = {key: getattr(found, key, None) for key in ("title", "author", "date")}
    return {key: value for key, value in values.items() if isinstance(value, str) and value.strip()}


_ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "reviewnewsarticle",
    "backgroundnewsarticle",
    "techarticle",
    "scholarlyarticle",
    "liveblogposting",
    "socialmediaposting",
    "report",
    "posting",
}


def _types(node: dict[str, Any]) -> set[str]:
    value = node.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1].lower() for v in values if isinstance(v, str)}


def _too_deep(raw: str, limit: int) -> bool:
    """Whether the JSON text ``raw`` nests arrays and objects deeper than ``limit`` (one linear scan)."""
    depth, in_string, escaped = 0, False, False
    for ch in raw:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _flatten(value: Any) -> list[dict[str, Any]]:
    """Every object in a JSON value, nested ones included, in document order (no recursion)."""
    nodes: list[dict[str, Any]] = []
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, list):
            stack.extend(reversed(item))
        elif isinstance(item, dict):
            nodes.append(item)
            stack.extend(v for v in reversed(list(item.values())) if isinstance(v, dict | list))
    return nodes


def _json_ld_nodes(doc: Any) -> list[dict[str, Any]]:
    """Every object of every JSON-LD block, @graph and nesting flattened; oversized blocks skipped."""
    nodes: list[dict[str, Any]] = []
    for script in doc.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        raw = (script.text or "").strip()
        if len(raw) > MAX_JSON_LD or _too_deep(raw, MAX_JSON_DEPTH):
            log.warning("article: a JSON-LD block was skipped: larger or deeper than its limits")
            continue
        raw = re.sub(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$", "", raw)
        try:
            nodes.extend(_flatten(json.loads(raw, strict=False)))
        except (ValueError, RecursionError):
            continue
    return nodes


def _names(value: Any, by_id: dict[str, dict[str, Any]]) -> list[str]:
    """Names of a JSON-LD person/organisation value: a string, an object, an @id reference or a list."""
    if isinstance(value, list):
        return [name for item in value for name in _names(item, by_id)]
    if isinstance(value, dict):
        if "name" not in value and isinstance(value.get("@id"), str):
            value = by_id.get(value["@id"], value)
        name = value.get("name")
        return _names(name, by_id) if name is not None and not isinstance(name, dict) else []
    if isinstance(value, str) and value.strip() and not value.startswith(("http://", "https://")):
        return [value.strip()]
    return []


def _first_text(value: Any) -> str | None:
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, dict):
        value = value.get("@id") or value.get("url") or value.get("@value")
    return value.strip() if isinstance(value, str) and value.strip() else None


def _json_ld_metadata(doc: Any) -> dict[str, str]:
    nodes = _json_ld_nodes(doc)
    # Bare {"@id": ...} references must not shadow the node they point to.
    by_id = {n["@id"]: n for n in nodes if isinstance(n.get("@id"), str) and len(n) > 1}
    articles = [n for n in nodes if _types(n) & _ARTICLE_TYPES]
    found: dict[str, str] = {}
    for node in sorted(articles, key=lambda n: "headline" not in n):
        candidates = {
            "title": _first_text(node.get("headline") or node.get("name")),
            "author": ", ".join(dict.fromkeys(_names(node.get("author"), by_id))) or None,
            "published": _first_text(node.get("datePublished") or node.get("dateCreated")),
            "site_name": next(iter(_names(node.get("publisher"), by_id)), None),
            "canonical_url": _first_text(node.get("mainEntityOfPage") or node.get("url")),
        }
        for key, value in candidates.items():
            if value and key not in found:
                found[key] = value
    site = next((n for n in nodes if "website" in _types(n) and _names(n, by_id)), None)
    if site and "site_name" not in found:
        found["site_name"] = _names(site, by_id)[0]
    return found


def _meta_tags(doc: Any) -> dict[str, str]:
    tags: dict[str, str] = {}
    for meta in doc.iter("meta"):
        name = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or meta.get("datetime") or "").strip()
        if name and content:
            tags.setdefault(name, content)
    return tags


_DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "article:published",
    "datepublished",
    "publishdate",
    "publish-date",
    "pubdate",
    "date",
    "dc.date.issued",
    "dc.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "parsely-pub-date",
    "sailthru.date",
)
_AUTHOR_META = (
    "author",
    "article:author",
    "dc.creator",
    "citation_author",
    "parsely-author",
    "sailthru.author",
)
_DATE_FORMATS = (
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B %Y",
    "%d %b %Y",
    "%Y/%m/%d",
    "%Y-%m-%d %H:%M:%S",
    "%Y%m%d",
    "%d.%m.%Y",
)


def _read_moment(value: str) -> datetime | None:
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    try:
        return parsedate_to_datetime(value)
    except (ValueError, TypeError, IndexError):
        pass
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern)
        except ValueError:
            continue
    return None


def iso_date(value: str | None) -> str | None:
    """A date or date-time in ISO 8601 ("2026-04-25" or "2026-04-25T08:00:00+00:00"), if readable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    moment = _read_moment(value)
    if moment is not None:
        return moment.isoformat() if re.search(r"\d:\d\d", value) else moment.date().isoformat()
    match = re.search(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b", value)
    return "-".join(match.groups()) if match else None


def page_metadata(doc: Any, url: str | None) -> dict[str, str]:
    """Title, author, date, site name and canonical URL from the page's own markup."""
    ld = _json_ld_metadata(doc)
    meta = _meta_tags(doc)

    def first(*values: str | None) -> str | None:
        return next((v.strip() for v in values if v and v.strip()), None)

    def xpath_first(query: str) -> str | None:
        found = doc.xpath(query)
        return str(found[0]).strip() if found else None

    rel_author = xpath_first("//a[contains(concat(' ', @rel, ' '), ' author ')]/text()")
    meta_author = first(*(meta.get(k) for k in _AUTHOR_META if not meta.get(k, "").startswith("http")))
    time_value = first(
        *(
            xpath_first(f"({q})[1]/@datetime")
            for q in ("//article//time[@datetime]", "//main//time[@datetime]", "//time[@datetime]")
        )
    )
    rel_canonical = xpath_first(
        "//link[contains(concat(' ', translate(@rel, 'CANONICAL', 'canonical'), ' '), ' canonical ')]/@href"
    )
    canonical = first(rel_canonical, meta.get("og:url"), ld.get("canonical_url"))
    published = next(
        (
            d
            for d in map(iso_date, [ld.get("published"), *(meta.get(k) for k in _DATE_META), time_value])
            if d
        ),
        None,
    )
    found = {
        "title": first(ld.get("title"), meta.get("og:title"), meta.get("twitter:title")),
        "author": first(ld.get("author"), meta_author, rel_author),
        "published": published,
        "site_name": first(meta.get("og:site_name"), ld.get("site_name"), meta.get("application-name")),
        "canonical_url": absolute(canonical, url),
        "base": absolute(xpath_first("//base/@href"), url),
    }
    return {k: re.sub(r"^by\s+", "", v, flags=re.I) if k == "author" else v for k, v in found.items() if v}


def plausible_author(name: str | None) -> str | None:
    """trafilatura's byline guess, unless it is a date or a number ("April 28, 2026 · 7 min read")."""
    if not name or re.search(r"\d", name) or any(w in MONTHS for w in name.lower().split()):
        return None
    return name.strip()


def site_from_title(doc: Any) -> str | None:
    """The site name as the last part of "Headline | Site" in <title>, when it is short."""
    titles = doc.xpath("//title/text()")
    parts = re.split(r"\s+[|–—·-]\s+", str(titles[0]).strip()) if titles else []
    if len(parts) >= 2 and 0 < len(parts[-1].split()) <= 4:
        return parts[-1]
    return None


def fallback_title(doc: Any) -> str | None:
    for query in ("//h1", "//title"):
        for el in doc.xpath(query):
            text = re.sub(r"\s+", " ", el.text_content()).strip()
            if text:
                return text
    return None
