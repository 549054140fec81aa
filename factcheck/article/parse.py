"""Article extraction: the main text of a page without its chrome, its metadata and its links.

Pure functions, no I/O. ``parse_html`` runs trafilatura for the main text and checks it against a
plain reading of the page's ``<article>``/``<main>`` element with boilerplate removed: trafilatura is
good at dropping chrome but now and then drops a body paragraph, list or table, which the plain
reading then puts back. Text is built paragraph by paragraph from the same tree nodes that carry
the hyperlinks, so every link knows exactly where its anchor text stands in ``Article.text``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.etree as etree
import lxml.html
import trafilatura

from factcheck.chrome import chrome_kind
from factcheck.models import Article, Link
from factcheck.quantities.calendar import MONTHS
from factcheck.web.decoding import decode_text

PARAGRAPH_SEPARATOR = "\n\n"

# --- tree walking -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Spec:
    """How to read one kind of tree (trafilatura's XML or an HTML page) as paragraphs."""

    blocks: frozenset[str]  # elements that start and end a paragraph
    skip: frozenset[str]  # elements whose content is never text
    link: str  # hyperlink element and its target attribute
    href: str
    breaks: frozenset[str]  # line breaks: a space, though two in a row end the paragraph
    cells: frozenset[str]  # table cells: joined by " | " within their row


_TRAFILATURA = _Spec(
    blocks=frozenset(
        {
            "doc",
            "main",
            "p",
            "head",
            "list",
            "item",
            "quote",
            "code",
            "table",
            "row",
            "div",
            "note",
            "fw",
            "label",
        }
    ),
    skip=frozenset({"graphic", "comments"}),
    link="ref",
    href="target",
    breaks=frozenset({"lb"}),
    cells=frozenset({"cell"}),
)
_HTML = _Spec(
    blocks=frozenset(
        {
            "address",
            "article",
            "aside",
            "blockquote",
            "body",
            "caption",
            "center",
            "dd",
            "details",
            "dialog",
            "div",
            "dl",
            "dt",
            "fieldset",
            "figure",
            "footer",
            "form",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "html",
            "li",
            "main",
            "nav",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "tfoot",
            "thead",
            "tr",
            "ul",
        }
    ),
    skip=frozenset(
        {
            "script",
            "style",
            "noscript",
            "template",
            "svg",
            "math",
            "button",
            "select",
            "option",
            "input",
            "textarea",
            "iframe",
            "object",
            "embed",
            "canvas",
            "video",
            "audio",
            "head",
            "title",
            "meta",
            "link",
            "img",
            "picture",
            "source",
            "figcaption",
        }
    ),  # captions and credits are not the article's prose (trafilatura agrees)
    link="a",
    href="href",
    breaks=frozenset({"br"}),
    cells=frozenset({"td", "th"}),
)

# Characters that take no room on screen: dropped so that "6\u00ad8%" reads "68%".
_INVISIBLE = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
# Bullet glyphs some pages type into paragraphs; list items carry none, so neither do these.
_BULLET = re.compile(r"^(?:[•▪◦●‣∙·■□➤►✓✔]|[-*–](?=\s))\s*")


@dataclass
class _Block:
    """One paragraph: its text and its links as (href, start, end) within that text."""

    text: str
    links: list[tuple[str, int, int]] = field(default_factory=list)

    @property
    def link_density(self) -> float:
        linked = sum(end - start for _, start, end in self.links if start >= 0)
        return linked / max(1, len(self.text))


def _squash(raw: str) -> tuple[str, list[int]]:
    """Collapse whitespace runs to one space and strip; map every raw offset to its new offset."""
    out: list[str] = []
    index = [0] * (len(raw) + 1)
    for i, ch in enumerate(raw):
        index[i] = len(out)
        if ch in _INVISIBLE:
            continue
        if ch.isspace():
            if out and out[-1] != " ":
                out.append(" ")
        else:
            out.append(ch)
    if out and out[-1] == " ":
        out.pop()
    index[len(raw)] = len(out)
    return "".join(out), [min(i, len(out)) for i in index]


class _Reader:
    """Walks a tree and cuts it into paragraphs, remembering where each hyperlink's text lands."""

    def __init__(self, spec: _Spec) -> None:
        self.spec = spec
        self.blocks: list[_Block] = []
        self._parts: list[str] = []
        self._size = 0
        self._links: list[tuple[str, int, int]] = []
        self._generation = 0  # bumped at every paragraph break, to spot links that straddle one
        self._after_break = False

    def read(self, root: Any) -> list[_Block]:
        self._walk(root)
        self._flush()
        return self.blocks

    def _add(self, text: str | None) -> None:
        if text:
            self._parts.append(text)
            self._size += len(text)
            self._after_break = self._after_break and not text.strip()

    def _line_break(self) -> None:
        # Two line breaks in a row ("<br><br>") part paragraphs on pages that use no <p>.
        if self._after_break:
            self._flush()
        else:
            self._add(" ")
            self._after_break = True

    def _flush(self) -> None:
        self._generation += 1
        self._after_break = False
        raw = "".join(self._parts)
        self._parts, self._size = [], 0
        links, self._links = self._links, []
        text, index = _squash(raw)
        text = re.sub(r"(?: \|)+$", "", text)  # empty trailing table cells
        bullet = _BULLET.match(text)
        cut = bullet.end() if bullet else 0
        text = text[cut:]
        if not text:
            return
        spans = []
        for href, start, end in links:
            s, e = max(index[start] - cut, 0), max(index[end] - cut, 0)
            while s < e and text[s] == " ":
                s += 1
            while e > s and text[e - 1] == " ":
                e -= 1
            spans.append((href, s, e) if e > s else (href, -1, -1))
        self.blocks.append(_Block(text, spans))

    def _walk(self, el: Any) -> None:
        tag = el.tag.rsplit("}", 1)[-1].lower() if isinstance(el.tag, str) else ""
        if tag and tag not in self.spec.skip:
            is_block = tag in self.spec.blocks
            if is_block:
                self._flush()
            if tag in self.spec.breaks:
                self._line_break()
            if tag in self.spec.cells and "".join(self._parts).strip():
                self._add(" | ")
            start, generation = self._size, self._generation
            self._add(el.text)
            for child in el:
                self._walk(child)
            href = el.get(self.spec.href) if tag == self.spec.link else None
            if href is not None:
                same_paragraph = generation == self._generation
                self._links.append((href, start, self._size) if same_paragraph else (href, 0, 0))
            if is_block:
                self._flush()
        self._add(el.tail)


# --- boilerplate removal for the plain reading ----------------------------------------------------


def _is_chrome(el: Any) -> bool:
    """Whether an element is not the article's prose: page chrome, sidebars and related boxes, insets."""
    tag = el.tag if isinstance(el.tag, str) else ""
    in_article = any(a.tag == "article" for a in el.iterancestors())
    return chrome_kind(tag, el.get, in_article=in_article) is not None


def _strip_chrome(doc: Any, root: Any) -> list[_Block]:
    """Remove page chrome from ``doc`` in place; return the paragraphs it held.

    The content element and its ancestors are never chrome (a ``<body class="has-sidebar">`` is not a
    sidebar), nor is a wrapper inside it holding half of its text.
    """
    # Marks in the tree rather than Python identities: lxml hands out new proxy objects for a node.
    for el in (root, *root.iterancestors()):
        el.set("data-keep", "1")
    root.set("data-root", "1")
    half = len(root.text_content()) / 2
    removed: list[_Block] = []
    for el in list(doc.iter()):
        if not isinstance(el.tag, str) or el.get("data-keep"):
            continue
        ancestors = list(el.iterancestors())
        if any(a.get("data-chrome") for a in ancestors):
            continue
        if any(a.get("data-root") for a in ancestors) and len(el.text_content()) > half:
            continue
        if _is_chrome(el):
            el.set("data-chrome", "1")
            removed.extend(_Reader(_HTML).read(el))
    for el in doc.xpath("//*[@data-chrome]"):
        if el.getparent() is not None:
            el.drop_tree()
    return removed


def _content_root(doc: Any) -> Any:
    """The element holding the article: itemprop=articleBody, the largest <article>, <main>, or <body>."""
    for query in ("//*[@itemprop='articleBody']", "//article", "//main | //*[@role='main']"):
        found = doc.xpath(query)
        if found:
            return max(found, key=lambda el: len(el.text_content()))
    body = doc.find(".//body")
    return body if body is not None else doc


_QUOTES = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "\xa0": " "})


def _key(text: str) -> str:
    """Comparison form of a paragraph: case, quotes, dashes and spacing ignored."""
    text = text.casefold().translate(_QUOTES).replace("|", " ")  # table cells however they are joined
    return re.sub(r"\s+", " ", _BULLET.sub("", text.strip())).strip()


# Paragraphs that are only a label of page furniture ("Advertisement", "Share this article").
_CHROME_LABEL = re.compile(
    r"^(?:advertisements?|ads?|sponsored(?: content)?|skip advertisement"
    r"|story continues below(?: advertisement)?"
    r"|continue reading(?: below)?|scroll to continue(?: with content)?"
    r"|share(?: this(?: article| story| post)?)?|related(?: articles| posts| stories| content)?|read more"
    r"|recommended(?: for you)?)[.:!]?$"
)


def _merge(found: list[_Block], plain: list[_Block], chrome: list[_Block]) -> list[_Block]:
    """trafilatura's paragraphs (``found``), corrected by the plain reading of the content element.

    Paragraphs that the page marks as chrome are dropped; if trafilatura kept too little, the plain
    reading is used; its flattened or damaged paragraphs are replaced by the plain ones; paragraphs
    it skipped between two paragraphs it kept are put back in place.
    """
    found = [b for b in found if not _CHROME_LABEL.match(_key(b.text))]
    plain = [b for b in plain if not _CHROME_LABEL.match(_key(b.text))]
    plain_keys = {_key(b.text) for b in plain}
    chrome_keys = {_key(b.text) for b in chrome} - plain_keys
    found = [b for b in found if _key(b.text) not in chrome_keys]
    prose = sum(len(b.text) for b in plain if b.link_density < 0.5)
    if not found or sum(len(b.text) for b in found) < 0.5 * prose:
        return [b for b in plain if b.link_density < 0.5] if found or prose else plain
    found = _repair(found, plain, {k for k in chrome_keys if len(k) >= 12})
    return _fill_gaps(found, plain)


def _repair(found: list[_Block], plain: list[_Block], chrome_keys: set[str]) -> list[_Block]:
    """Replace trafilatura paragraphs that differ from the page's own paragraphs.

    Its fallback extractor can flatten a whole page into one paragraph (chrome included), and now and
    then it loses a word or a table cell; the page's own paragraphs are then the better reading.
    """
    plain_keys = [_key(b.text) for b in plain]
    known = set(plain_keys)
    repaired: list[_Block] = []
    for block in found:
        key = _key(block.text)
        if key in known:
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


def _fuller(key: str, plain: list[_Block], plain_keys: list[str]) -> _Block | None:
    """A plain paragraph holding every word of ``key`` and not much more: the same paragraph, undamaged."""
    words = Counter(key.split())
    size = sum(words.values())
    for block, plain_key in zip(plain, plain_keys, strict=True):
        other = plain_key.split()
        if size >= 0.6 * len(other) and not words - Counter(other):
            return block
    return None


def _fill_gaps(found: list[_Block], plain: list[_Block]) -> list[_Block]:
    """Put back plain paragraphs that trafilatura skipped between two paragraphs it kept."""
    found_keys = [_key(b.text) for b in found]
    everything = "\n".join(found_keys)
    # Where each plain paragraph sits among trafilatura's, walking both in order.
    placed: list[int | None] = []
    cursor = 0
    for block in plain:
        key = _key(block.text)
        hit = next((j for j in range(cursor, len(found)) if key and key in found_keys[j]), None)
        placed.append(hit)
        cursor = hit if hit is not None else cursor
    inserts: dict[int, list[_Block]] = {}
    for i, block in enumerate(plain):
        if placed[i] is not None or _key(block.text) in everything:
            continue
        before = [p for p in placed[:i] if p is not None]
        after = [p for p in placed[i + 1 :] if p is not None]
        # Only gaps inside the body count: what lies before its first or after its last kept
        # paragraph is most often chrome that trafilatura dropped on purpose.
        if before and after and block.link_density < 0.5 and len(block.text.split()) >= 4:
            inserts.setdefault(before[-1], []).append(block)
    merged: list[_Block] = []
    for j, block in enumerate(found):
        merged.append(block)
        merged.extend(inserts.get(j, []))
    return merged


# --- decoding and parsing -------------------------------------------------------------------------

_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)


def _parse_dom(markup: str) -> Any | None:
    try:
        return lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def _trafilatura(markup: str) -> Any | None:
    """trafilatura's reading of the main text as an XML tree (``<doc><main>...``).

    Without metadata: with it, trafilatura resolves links against the page's URL itself and gets
    relative ("../x") and fragment-only ones wrong; they are resolved here instead."""
    try:
        xml = trafilatura.extract(
            markup,
            output_format="xml",
            include_links=True,
            include_tables=True,
            include_comments=False,
            include_images=False,
            favor_recall=True,
        )
    except Exception:  # trafilatura fails on some malformed pages; the plain reading takes over
        return None
    if not xml:
        return None
    try:
        return etree.fromstring(xml.encode("utf-8"), etree.XMLParser(recover=True, huge_tree=True))
    except etree.XMLSyntaxError:
        return None


def _trafilatura_metadata(markup: str) -> dict[str, str]:
    """trafilatura's guesses at title, byline and date, for pages whose markup does not state them."""
    try:
        # A date guessed from free text (a "© 2026" footer) is worse than none.
        found = trafilatura.extract_metadata(
            markup, extensive=False, date_config={"extensive_search": False, "original_date": True}
        )
    except Exception:  # a guess we can do without
        return {}
    values = {key: getattr(found, key, None) for key in ("title", "author", "date")}
    return {key: value for key, value in values.items() if isinstance(value, str) and value.strip()}


# --- metadata ---------------------------------------------------------------------------------------

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


def _json_ld_nodes(doc: Any) -> list[dict[str, Any]]:
    """Every object of every JSON-LD block, @graph and nesting flattened."""
    nodes: list[dict[str, Any]] = []

    def visit(value: Any) -> None:
        if isinstance(value, list):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            nodes.append(value)
            for item in value.values():
                if isinstance(item, dict | list):
                    visit(item)

    for script in doc.xpath("//script[contains(translate(@type, 'LDJSON', 'ldjson'), 'ld+json')]"):
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*(?://\s*)?(?:<!--|<!\[CDATA\[)|(?://\s*)?(?:-->|\]\]>)\s*$", "", raw)
        try:
            visit(json.loads(raw, strict=False))
        except ValueError:
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


def _iso_date(value: str | None) -> str | None:
    """A date or date-time in ISO 8601 ("2026-04-25" or "2026-04-25T08:00:00+00:00"), if readable."""
    if not value or not value.strip():
        return None
    value = value.strip()
    moment = _read_moment(value)
    if moment is not None:
        return moment.isoformat() if re.search(r"\d:\d\d", value) else moment.date().isoformat()
    match = re.search(r"\b((?:19|20)\d\d)-(\d\d)-(\d\d)\b", value)
    return "-".join(match.groups()) if match else None


def _absolute(href: str | None, base: str | None) -> str | None:
    if not href or not href.strip():
        return None
    href = href.strip()
    try:
        resolved = urljoin(base, href) if base else href
        return resolved if urlsplit(resolved).scheme in ("http", "https") else None
    except ValueError:  # "http://[::1": a broken address is no link
        return None


def _page_metadata(doc: Any, url: str | None) -> dict[str, str]:
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
            for d in map(_iso_date, [ld.get("published"), *(meta.get(k) for k in _DATE_META), time_value])
            if d
        ),
        None,
    )
    found = {
        "title": first(ld.get("title"), meta.get("og:title"), meta.get("twitter:title")),
        "author": first(ld.get("author"), meta_author, rel_author),
        "published": published,
        "site_name": first(meta.get("og:site_name"), ld.get("site_name"), meta.get("application-name")),
        "canonical_url": _absolute(canonical, url),
        "base": _absolute(xpath_first("//base/@href"), url),
    }
    return {k: re.sub(r"^by\s+", "", v, flags=re.I) if k == "author" else v for k, v in found.items() if v}


_MONTHS = MONTHS


def _plausible_author(name: str | None) -> str | None:
    """trafilatura's byline guess, unless it is a date or a number ("April 28, 2026 · 7 min read")."""
    if not name or re.search(r"\d", name) or any(w in _MONTHS for w in name.lower().split()):
        return None
    return name.strip()


def _site_from_title(doc: Any) -> str | None:
    """The site name as the last part of "Headline | Site" in <title>, when it is short."""
    titles = doc.xpath("//title/text()")
    parts = re.split(r"\s+[|–—·-]\s+", str(titles[0]).strip()) if titles else []
    if len(parts) >= 2 and 0 < len(parts[-1].split()) <= 4:
        return parts[-1]
    return None


def _fallback_title(doc: Any) -> str | None:
    for query in ("//h1", "//title"):
        for el in doc.xpath(query):
            text = re.sub(r"\s+", " ", el.text_content()).strip()
            if text:
                return text
    return None


# --- assembling the article -------------------------------------------------------------------------


def _assemble(
    blocks: list[_Block], base: str | None, own_url: str | None
) -> tuple[str, list, list[Link], list[str]]:
    """Join paragraphs into the article text; links become absolute and positioned in that text.
    Links whose address cannot be read are left out, each with its reason (the last list)."""
    own = (own_url or "").split("#", 1)[0]
    parts: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    links: list[Link] = []
    dropped: list[str] = []
    offset = 0
    for block in blocks:
        if parts:
            offset += len(PARAGRAPH_SEPARATOR)
        for href, start, end in block.links:
            if href.strip().startswith("#"):
                continue  # in-page anchors (contents, footnote markers) lead nowhere new
            resolved = _absolute(href, base)
            if resolved is None and _absolute(href, None) is None and href.lower().startswith("http"):
                dropped.append(f"link {href[:100]!r}: not a valid URL")
            if resolved is None or (own and resolved.split("#", 1)[0] == own):
                continue
            if start < 0:
                links.append(Link(resolved, "", -1, -1))
            else:
                links.append(Link(resolved, block.text[start:end], offset + start, offset + end))
        paragraphs.append((offset, offset + len(block.text)))
        parts.append(block.text)
        offset += len(block.text)
    return PARAGRAPH_SEPARATOR.join(parts), paragraphs, links, dropped


def parse_html(html: str | bytes, url: str | None = None) -> Article:
    """Read a page: its main text as paragraphs, metadata and in-text hyperlinks.

    ``url`` is the address the page was fetched from; it resolves relative links when the page has
    neither <base> nor a canonical URL. ``Article.published`` is ISO 8601, a date-time when the page
    gives the time. Bytes are decoded as a browser would without an HTTP header (``web.decoding``);
    a fetched page comes here as the text the fetch layer decoded with its header.
    """
    markup = decode_text(html, None, "html")[0] if isinstance(html, bytes) else html
    markup = _XML_DECLARATION.sub("", markup, count=1)
    doc = _parse_dom(markup) if markup.strip() else None
    if doc is None:
        return Article(url=url, text="")
    metadata = _page_metadata(doc, url)
    extracted = _trafilatura(markup)
    main = extracted.find("main") if extracted is not None else None
    found = _Reader(_TRAFILATURA).read(main) if main is not None else []
    missing = {"title", "author", "published"} - set(metadata)
    guessed = _trafilatura_metadata(markup) if missing else {}
    title = metadata.get("title") or guessed.get("title") or _fallback_title(doc)

    root = _content_root(doc)
    chrome = _strip_chrome(doc, root)
    plain = _Reader(_HTML).read(root)
    blocks = _merge(found, plain, chrome)

    canonical = metadata.get("canonical_url")
    base = metadata.get("base") or canonical or url
    text, paragraphs, links, dropped = _assemble(blocks, base, canonical or url)
    return Article(
        url=url,
        text=text,
        title=title,
        author=metadata.get("author") or _plausible_author(guessed.get("author")),
        published=metadata.get("published") or _iso_date(guessed.get("date")),
        site_name=metadata.get("site_name") or _site_from_title(doc),
        canonical_url=canonical,
        paragraphs=tuple(paragraphs),
        links=tuple(links),
        dropped=tuple(dropped),
    )


# --- plain text ---------------------------------------------------------------------------------------

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


def parse_text(text: str, url: str | None = None) -> Article:
    """Read plain text: paragraphs at blank lines, bare URLs as links, title and "By ..." author guessed
    from the first lines."""
    blocks: list[_Block] = []
    for raw in _text_paragraphs(text):
        squashed, _ = _squash(raw)
        squashed = _BULLET.sub("", squashed)
        if squashed:
            blocks.append(_Block(squashed, _url_links(squashed)))
    body, paragraphs, links, dropped = _assemble(blocks, url, None)
    first = blocks[0].text if blocks else ""
    headline = len(blocks) > 1 and len(first) <= 200 and not first.endswith((".", "!", "?", ":"))
    title = first if headline else None
    author = next((m.group(1) for b in blocks[:6] if (m := _BYLINE.match(b.text))), None)
    return Article(
        url=url,
        text=body,
        title=title,
        author=author,
        paragraphs=tuple(paragraphs),
        links=tuple(links),
        dropped=tuple(dropped),
    )
