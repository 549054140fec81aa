"""The static claim site, rendered from the knowledge graph alone.

``build_site`` opens nothing itself: it reads the store it is given (``rdf.read_articles``,
``rdf.read_article``, ``rdf.read_documents``, the saved SPARQL queries) and writes a folder of plain
HTML pages, SVG charts inside them, and data downloads next to them. Every link is relative and ends
in ``.html``, so the folder works from ``file://`` and from any static host.

Re-rendering writes a file only when its bytes differ, and removes the files an earlier build wrote
that the graph no longer calls for (it keeps a list of them in ``.factcheck-site.json``); nothing else
in the folder is touched. Pages carry no build time, so an unchanged graph gives unchanged bytes.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef

from factcheck.csv_cells import inert
from factcheck.graph.mapping import (
    FC,
    GRAPH_PREFIX,
    PREFIXES,
    RATING,
    SCHEMA,
    article_graph_name,
    organization_iri,
    read_article,
    read_articles,
    read_documents,
    subject_iri,
)
from factcheck.graph.store import Store, StoreError
from factcheck.models import VERDICTS, Article, Claim, Evidence, FetchInfo, Link
from factcheck.quantities.finder import find_quantities
from factcheck.resources import resource_dir
from factcheck.site.manifest import MANIFEST, digest, manifest_text, read_manifest, removable

Progress = Callable[[str], None] | None

UNREVIEWED = "unreviewed"
#: Display order of verdicts; "unreviewed" is a claim stored without a review (ingest --no-verify).
VERDICT_ORDER = (*VERDICTS, UNREVIEWED)
#: An icon and a word for every verdict: pages never tell verdicts apart by colour alone.
VERDICT_LABELS = {
    "supported": ("✓", "Supported"),
    "contradicted": ("✗", "Contradicted"),
    "unverified": ("?", "Unverified"),
    "unsourced": ("∅", "Unsourced"),
    UNREVIEWED: ("·", "Not checked"),
}
_BOUND_SIGNS = {"=": "", "~": "≈", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}
PUBLISHER = "factcheck"


@dataclass
class SiteReport:
    """What a build did, as paths relative to the output folder (sorted)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def pages_written(self) -> int:
        return len(self.written)

    @property
    def pages_unchanged(self) -> int:
        return len(self.unchanged)


# -- small pure helpers -----------------------------------------------------------------------------

_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*")


def file_key(segment: str) -> str:
    """A file name stem for an IRI segment or id, made only of ``[a-z0-9._-]``.

    Such names need no escaping in a link and mean the same on every file system and host; anything
    else is written as its readable ASCII part plus a hash of the whole, which keeps names distinct.
    """
    if len(segment) <= 100 and _SAFE_NAME.fullmatch(segment):
        return segment
    readable = re.sub(r"[^a-z0-9]+", "-", unquote(segment).casefold()).strip("-")[:48].strip("-")
    digest = hashlib.sha256(segment.encode("utf-8")).hexdigest()[:10]
    return f"{readable}-{digest}" if readable else f"h-{digest}"


def safe_url(url: str | None) -> str | None:
    """``url`` if it may be rendered as a link: an absolute http(s) URL with a host, else None."""
    if not url or any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def external_link(url: str | None, text: str | None = None) -> Markup:
    """A link to ``url`` if it is http(s); otherwise its text, shown but not clickable."""
    label = text if text is not None else (url or "")
    href = safe_url(url)
    if href is None:
        return Markup(
            '<span class="not-a-link" title="not a web address: shown, not linked">{}</span>'
        ).format(label)
    return Markup('<a class="ext" href="{}" rel="nofollow noopener noreferrer">{}</a>').format(href, label)


def fmt_number(value: float | None) -> str:
    """A number as people write it: no trailing ".0", thousands separated."""
    if value is None:
        return ""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    text = repr(float(value))
    if "e" in text:
        return text
    whole, _, fraction = text.partition(".")
    return f"{int(whole):,}.{fraction}" if whole.lstrip("-") else text


def _with_unit(number: str, unit: str) -> str:
    if not unit or unit == "count":  # "300,000,000 phones shipped" reads better without "count"
        return number
    if unit == "%":
        return f"{number}%"
    if unit == "x":
        return f"{number}×"
    if unit == "USD" or unit.startswith("USD "):
        return f"${number}{unit[3:]}"
    return f"{number} {unit}"


def figure(claim: Claim) -> str:
    """The claimed figure in short: "82.7%", "> 90 years", "#2 of 115", "93/100", "2026-04-23"."""
    if claim.quantity.unit == "date" or (claim.quantity.date and claim.quantity.value is None):
        return claim.quantity.date or ""
    if claim.quantity.bound == "range":
        text = f"{fmt_number(claim.quantity.low)}–{fmt_number(claim.quantity.high)}"
        return _with_unit(text, claim.quantity.unit)
    number = fmt_number(claim.quantity.value)
    if claim.quantity.unit == "rank":
        text = f"#{number}" + (
            f" of {fmt_number(claim.quantity.scale)}" if claim.quantity.scale is not None else ""
        )
    elif claim.quantity.scale is not None:
        text = f"{number}/{fmt_number(claim.quantity.scale)}"
    else:
        text = _with_unit(number, claim.quantity.unit)
    sign = _BOUND_SIGNS.get(claim.quantity.bound, claim.quantity.bound)
    return f"{sign} {text}" if sign else text


def evidence_figure(ev: Evidence) -> str:
    return "" if ev.value is None else _with_unit(fmt_number(ev.value), ev.unit or "")


def emphasise_figure(quote: str, value: float | None) -> Markup:
    """``quote`` escaped, with the figures in it that equal ``value`` wrapped in ``<strong>``."""
    if value is None:
        return Markup(escape(quote))
    out, last = [], 0
    for q in find_quantities(quote, include_dates=False):
        numbers = [n for n in (q.value, q.low, q.high) if n is not None]
        if q.start >= last and any(abs(n - value) <= 1e-9 * max(1.0, abs(value)) for n in numbers):
            out.append(escape(quote[last : q.start]))
            out.append(Markup('<strong class="fig">{}</strong>').format(quote[q.start : q.end]))
            last = q.end
    out.append(escape(quote[last:]))
    return Markup("").join(out)


def json_for_script(data: Any) -> Markup:
    """JSON that can stand inside a ``<script>`` element whatever the strings in it hold."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, escaped)
    return Markup(text)


def verdict_of(claim: Claim) -> str:
    return claim.review.verdict if claim.review and claim.review.verdict else UNREVIEWED


def _date_part(iso: str | None) -> str:
    return (iso or "")[:10]


def _host(url: str | None) -> str:
    try:
        return (urlsplit(url or "").hostname or "").removeprefix("www.")
    except ValueError:
        return ""


# -- what the site shows, read from the graph -------------------------------------------------------


@dataclass
class ArticlePage:
    url: str
    key: str
    article: Article
    graph: str
    ingested_at: str | None
    claims: list[ClaimPage] = field(default_factory=list)
    documents: list[tuple[str | None, FetchInfo]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"articles/{self.key}.html"

    @property
    def title(self) -> str:
        return self.article.title or self.article.url or self.url

    @property
    def site(self) -> str:
        return self.article.site_name or _host(self.url) or "unknown site"

    @property
    def date(self) -> str:
        return _date_part(self.article.published)

    def counts(self) -> dict[str, int]:
        return _count(self.claims)


@dataclass
class ClaimPage:
    article: ArticlePage
    claim: Claim
    key: str

    @property
    def path(self) -> str:
        return f"claims/{self.article.key}/{self.key}.html"

    @property
    def verdict(self) -> str:
        return verdict_of(self.claim)

    @property
    def figure(self) -> str:
        return figure(self.claim)

    @property
    def anchor(self) -> str:
        return f"claim-{self.key}"

    @property
    def heading(self) -> str:
        about = " · ".join(x for x in (self.claim.subject, self.claim.metric) if x)
        return f"{self.figure} — {about}" if about else self.figure


@dataclass
class SubjectPage:
    key: str
    labels: Counter[str] = field(default_factory=Counter)
    claims: list[ClaimPage] = field(default_factory=list)

    @property
    def name(self) -> str:
        return sorted(self.labels.items(), key=lambda item: (-item[1], item[0]))[0][0]

    @property
    def path(self) -> str:
        return f"subjects/{self.key}.html"


@dataclass
class SourceDocument:
    article: ArticlePage
    info: FetchInfo
    by_host: bool  # the graph names no publisher; the host matches the source's other documents


@dataclass
class SourcePage:
    key: str
    name: str
    citing: list[ClaimPage] = field(default_factory=list)
    documents: list[SourceDocument] = field(default_factory=list)
    evidence: list[tuple[ClaimPage, Evidence]] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"sources/{self.key}.html"


@dataclass
class SavedQuery:
    key: str
    title: str
    description: str
    text: str
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    error: str | None = None

    @property
    def path(self) -> str:
        return f"queries/{self.key}.html"


def _count(claims: Iterable[ClaimPage]) -> dict[str, int]:
    counts = dict.fromkeys(VERDICT_ORDER, 0)
    for c in claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    return counts


def _iri_key(iri: str) -> str:
    return file_key(iri.rsplit("/", 1)[-1])


def source_path(name: str) -> str:
    """The page of the source (organisation) called ``name``."""
    return f"sources/{_iri_key(organization_iri(name))}.html"


def subject_path(name: str) -> str:
    """The page of a subject; spellings the graph joins into one subject share it."""
    return f"subjects/{_iri_key(subject_iri(name))}.html"


@dataclass
class SiteData:
    articles: list[ArticlePage]
    subjects: dict[str, SubjectPage]
    sources: dict[str, SourcePage]

    @property
    def claims(self) -> list[ClaimPage]:
        return [c for a in self.articles for c in a.claims]


def load_site_data(store: Store) -> SiteData:
    """Everything the pages show, read back from the store."""
    articles: list[ArticlePage] = []
    for summary in read_articles(store):
        url = summary["url"] or ""
        found = read_article(store, url)
        if found is None:
            continue
        article, claims = found
        graph = summary.get("graph") or article_graph_name(url)
        page = ArticlePage(
            url=url,
            key=file_key(graph.removeprefix(GRAPH_PREFIX)),
            article=article,
            graph=graph,
            ingested_at=summary.get("fetched_at"),
            documents=read_documents(store, url),
        )
        keys: set[str] = set()
        for claim in claims:
            key = file_key(claim.id)
            if key in keys:  # ids unique as text can still meet once made file names
                key = file_key(f"{claim.id}#{len(keys)}")
            keys.add(key)
            page.claims.append(ClaimPage(page, claim, key))
        articles.append(page)
    # Newest first; articles without a date after those with one; then by URL for a stable order.
    articles.sort(key=lambda a: a.url)
    articles.sort(key=lambda a: a.ingested_at or "", reverse=True)
    articles.sort(key=lambda a: a.article.published or "", reverse=True)  # stable: undated ones last
    return SiteData(articles, _subjects(articles), _sources(articles))


def _subjects(articles: Sequence[ArticlePage]) -> dict[str, SubjectPage]:
    subjects: dict[str, SubjectPage] = {}
    for a in sorted(articles, key=lambda a: a.url):
        for c in a.claims:
            if not c.claim.subject:
                continue
            key = _iri_key(subject_iri(c.claim.subject))
            entry = subjects.setdefault(key, SubjectPage(key))
            entry.labels[c.claim.subject] += 1
            entry.claims.append(c)
    return dict(sorted(subjects.items()))


def _sources(articles: Sequence[ArticlePage]) -> dict[str, SourcePage]:
    sources: dict[str, SourcePage] = {}

    def source(name: str) -> SourcePage:
        key = _iri_key(organization_iri(name))
        return sources.setdefault(key, SourcePage(key, name))

    ordered = sorted(articles, key=lambda a: a.url)
    for a in ordered:
        for c in a.claims:
            for name in dict.fromkeys(c.claim.sources):
                source(name).citing.append(c)
            for ev in c.claim.review.evidence if c.claim.review else []:
                if ev.source:
                    source(ev.source).evidence.append((c, ev))
        for publisher, info in a.documents:
            if publisher:
                source(publisher).documents.append(SourceDocument(a, info, by_host=False))
    # A document the graph names no publisher for (a 404, a robots.txt, a page nothing was read
    # from) is shown under every source whose other documents or evidence come from the same host.
    hosts: dict[str, set[str]] = defaultdict(set)
    for key, entry in sources.items():
        urls = [d.info.url for d in entry.documents] + [ev.url for _, ev in entry.evidence]
        for url in urls:
            if _host(url):
                hosts[_host(url)].add(key)
    for a in ordered:
        for publisher, info in a.documents:
            if not publisher:
                for key in sorted(hosts.get(_host(info.url), ())):
                    sources[key].documents.append(SourceDocument(a, info, by_host=True))
    for entry in sources.values():
        entry.documents.sort(key=lambda d: (d.by_host, d.info.url, d.info.fetched_at, d.article.url))
    return dict(sorted(sources.items(), key=lambda item: (item[1].name.casefold(), item[0])))


# -- the article text with its claims marked where they stand ---------------------------------------


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    claim: ClaimPage
    index: int  # which mention of the claim


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    size = len(article.text)
    spans = [(max(0, s), min(size, e)) for s, e in article.paragraphs if 0 <= s < e]
    if spans:
        return sorted(set(spans))
    return [(m.start(), m.end()) for m in re.finditer(r"\S[^\n]*(?:\n(?!\s*\n)[^\n]*)*", article.text)]


def mention_anchor(claim: ClaimPage, index: int) -> str:
    return f"m-{claim.key}-{index}"


def _marks(page: ArticlePage) -> list[_Mark]:
    size = len(page.article.text)
    marks = []
    for c in page.claims:
        spans = [(m.start, m.end) for m in c.claim.mentions] or [(c.claim.start, c.claim.end)]
        for i, (start, end) in enumerate(spans):
            if 0 <= start < end <= size:
                marks.append(_Mark(start, end, c, i))
    return marks


def _flag(mark: _Mark) -> Markup:
    icon, label = VERDICT_LABELS[mark.claim.verdict]
    return Markup(
        '<a class="flag v-{v}" id="{id}" href="#{target}" title="{title}">'
        '<span aria-hidden="true">{icon}</span> {label}<span class="sr-only">: {fig}</span></a>'
    ).format(
        v=mark.claim.verdict,
        id=mention_anchor(mark.claim, mark.index),
        target=mark.claim.anchor,
        title=f"{label}: {mark.claim.heading}",
        icon=icon,
        label=label.lower(),
        fig=mark.claim.heading,
    )


def _text(chunk: str) -> Markup:
    return Markup("<br>").join(escape(line) for line in chunk.split("\n"))


class _ParagraphHTML:
    """Builds one paragraph: text pieces, article links around them, flags held back out of links."""

    def __init__(self) -> None:
        self.parts: list[Markup] = []
        self.link: Link | None = None
        self.waiting: list[_Mark] = []

    def open_link(self, link: Link) -> None:
        href = safe_url(link.href)
        self.parts.append(
            Markup('<a class="ext" href="{}" rel="nofollow noopener noreferrer">').format(href)
            if href
            else Markup('<span class="not-a-link" title="link removed: not an http(s) URL">')
        )
        self.link = link

    def close_link(self) -> None:
        if self.link is not None:
            self.parts.append(Markup("</a>" if safe_url(self.link.href) else "</span>"))
            self.link = None

    def flush_flags(self) -> None:
        self.parts.extend(_flag(m) for m in self.waiting)
        self.waiting = []

    def html(self) -> Markup:
        self.close_link()
        self.flush_flags()
        return Markup("").join(self.parts)


def _paragraph_links(links: Sequence[Link], start: int, end: int) -> list[Link]:
    """The links lying wholly inside [start, end), without overlaps (the first one wins)."""
    kept: list[Link] = []
    for link in sorted(links, key=lambda lk: (lk.start, lk.end)):
        if start <= link.start < link.end <= end and (not kept or link.start >= kept[-1].end):
            kept.append(link)
    return kept


def render_paragraphs(page: ArticlePage) -> tuple[list[Markup], set[str]]:
    """The article's paragraphs as HTML, and the ids of the mention flags placed in them.

    Each claim mention is put in a ``<mark>`` classed by verdict and followed by a flag: a link with
    an icon and the verdict in words to the claim's card. The article's own http(s) links stay links;
    any other link is shown as plain text. Mentions may overlap or nest, so the text is cut at every
    mention and link boundary and each piece is marked with the claims covering it. A flag never
    sits inside an article link: it waits until the link closes.
    """
    text = page.article.text
    paragraphs = _paragraphs(page.article)
    marks = _marks(page)
    # Each mention's flag goes at its end, in the last paragraph it reaches.
    flag_at: dict[int, list[_Mark]] = defaultdict(list)
    for mark in marks:
        reached = [(s, e) for s, e in paragraphs if s < mark.end and mark.start < e]
        if reached:
            flag_at[min(mark.end, reached[-1][1])].append(mark)
    for flags in flag_at.values():
        flags.sort(key=lambda m: (m.claim.claim.start, m.claim.key, m.index))
    placed = {mention_anchor(m.claim, m.index) for flags in flag_at.values() for m in flags}

    out = []
    for ps, pe in paragraphs:
        inside = [m for m in marks if m.start < pe and ps < m.end]
        links = _paragraph_links(page.article.links, ps, pe)
        cuts = {ps, pe, *(x for lk in links for x in (lk.start, lk.end))}
        cuts.update(min(max(x, ps), pe) for m in inside for x in (m.start, m.end))
        bounds = sorted(cuts)
        para = _ParagraphHTML()
        for a, b in zip(bounds, bounds[1:], strict=False):
            link = next((lk for lk in links if lk.start <= a and b <= lk.end), None)
            if link is not para.link:
                para.close_link()
            if para.link is None:
                para.flush_flags()
                if link is not None:
                    para.open_link(link)
            chunk = _text(text[a:b])
            verdicts = {m.claim.verdict for m in inside if m.start <= a and b <= m.end}
            if verdicts:
                kind = verdicts.pop() if len(verdicts) == 1 else "mixed"
                chunk = Markup('<mark class="m v-{}">{}</mark>').format(kind, chunk)
            para.parts.append(chunk)
            para.waiting.extend(flag_at.get(b, []))
        out.append(para.html())
    return out, placed


# -- RDF downloads ----------------------------------------------------------------------------------


def _bound_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def _claim_graph(graph: Graph, claim_id: str) -> Graph:
    """The triples about one claim: the claim, its review, and every node they lead to that belongs to
    the claim (its quantity, mentions, rating, evidence, check: IRIs under the claim's own, and the
    lists they hold), plus the type and name of the things they point to outside it."""
    out = _bound_prefixes(Graph())
    node = next(iter(graph.subjects(FC.claimId, Literal(claim_id))), None)
    if node is None:
        return out
    prefix = f"{node}/"
    todo: list[Any] = [node, *graph.subjects(SCHEMA.itemReviewed, node)]
    seen: set[Any] = set()
    named: set[Any] = set()
    while todo:
        subject = todo.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for p, o in graph.predicate_objects(subject):
            out.add((subject, p, o))
            if isinstance(o, BNode) or (isinstance(o, URIRef) and str(o).startswith(prefix)):
                todo.append(o)
            elif isinstance(o, URIRef) and p != RDF.type:
                named.add(o)
    for o in named - seen:
        for p in (RDF.type, SCHEMA.name, SCHEMA.url, SCHEMA.headline, RDFS.label):
            for value in graph.objects(o, p):
                out.add((o, p, value))
    return out


def _canonical_jsonld(value: Any, in_list: bool = False) -> Any:
    """JSON-LD with every unordered array sorted, so that the same graph gives the same bytes."""
    if isinstance(value, dict):
        return {k: _canonical_jsonld(v, in_list=(k == "@list")) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_canonical_jsonld(v) for v in value]
        return items if in_list else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def graph_downloads(graph: Graph) -> tuple[bytes, bytes]:
    """The graph as (JSON-LD, Turtle) bytes, both stable for the same triples."""
    _bound_prefixes(graph)
    turtle = graph.serialize(format="turtle", encoding="utf-8")
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    jsonld = json.dumps(_canonical_jsonld(data), ensure_ascii=False, indent=2) + "\n"
    return jsonld.encode("utf-8"), turtle


# -- saved queries ----------------------------------------------------------------------------------


def load_saved_queries(folder: Path) -> list[SavedQuery]:
    """The ``*.rq`` files of ``folder`` with the ``# title:`` and ``# description:`` of their header."""
    queries = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        header: dict[str, str] = {}
        for line in text.splitlines():
            match = re.match(r"#\s*(title|description)\s*:\s*(.*)", line.strip())
            if match:
                header.setdefault(match.group(1), match.group(2).strip())
        queries.append(
            SavedQuery(
                key=file_key(path.stem.casefold()),
                title=header.get("title") or path.stem,
                description=header.get("description", ""),
                text=text,
            )
        )
    return queries


def run_saved_query(store: Store, query: SavedQuery) -> None:
    """Fill ``query.columns`` and ``query.rows`` (or ``query.error``) from the store."""
    try:
        result = store.query(query.text)
    except (StoreError, ValueError) as exc:
        query.error = str(exc)
        return
    variables = list(result.vars or [])
    query.columns = [str(v) for v in variables]
    query.rows = [
        ["" if row.get(v) is None else str(row.get(v)) for v in variables] for row in result.bindings
    ]


# -- ClaimReview, CSV and the search index ----------------------------------------------------------


def claim_review(c: ClaimPage, base_url: str | None) -> dict[str, Any]:
    """The schema.org ``ClaimReview`` of a claim, in the shape fact-checkers publish it."""
    article, verdict = c.article, c.verdict
    publisher = {"@type": "Organization", "name": PUBLISHER}
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if safe_url(article.url):
        appearance["url"] = article.url
    if article.article.title:
        appearance["headline"] = article.article.title
    if article.article.published:
        appearance["datePublished"] = article.article.published
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if article.article.author:
        item["author"] = {"@type": "Person", "name": article.article.author}
        appearance["author"] = item["author"]
    if article.article.published:
        item["datePublished"] = article.article.published
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        # Without a public address, the page's own file name: a relative URL resolves against the page.
        "url": (base_url.rstrip("/") + "/" + c.path) if base_url else c.path.rsplit("/", 1)[-1],
        "claimReviewed": c.claim.quote,
        "itemReviewed": item,
        "author": publisher,
        "publisher": publisher,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": RATING.get(verdict, 0),
            "bestRating": max(RATING.values()),
            "worstRating": min(RATING.values()),
            "alternateName": verdict,
        },
    }
    if c.claim.review and c.claim.review.explanation:
        review["reviewBody"] = c.claim.review.explanation
    if article.ingested_at:
        review["datePublished"] = _date_part(article.ingested_at)
    return review


#: The columns of claims.csv; csv.DictWriter refuses a row with any other key.
CSV_COLUMNS = tuple(
    "article_url article_title claim_id quote value low high unit bound direction out_of date subject metric"
    " kind sources verdict explanation evidence_urls page".split()
)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return fmt_number(value).replace(",", "") if value.is_integer() else repr(value)
    return inert(str(value))  # a spreadsheet runs a cell that starts like a formula


def _csv_row(c: ClaimPage) -> dict[str, Any]:
    claim, review = c.claim, c.claim.review
    return {
        "article_url": c.article.url,
        "article_title": c.article.article.title,
        "claim_id": claim.id,
        "quote": claim.quote,
        "value": claim.quantity.value,
        "low": claim.quantity.low,
        "high": claim.quantity.high,
        "unit": claim.quantity.unit,
        "bound": claim.quantity.bound,
        "direction": claim.quantity.direction,
        "out_of": claim.quantity.scale,
        "date": claim.quantity.date,
        "subject": claim.subject,
        "metric": claim.metric,
        "kind": claim.kind,
        "sources": "; ".join(claim.sources),
        "verdict": c.verdict,
        "explanation": review.explanation if review else None,
        "evidence_urls": " ".join(dict.fromkeys(ev.url for ev in review.evidence)) if review else None,
        "page": c.path,
    }


def claims_csv(claims: Sequence[ClaimPage]) -> bytes:
    """Every claim as one CSV row, numbers as plain digits."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in map(_csv_row, claims):
        writer.writerow({key: _csv_cell(value) for key, value in row.items()})
    return buffer.getvalue().encode("utf-8")


def search_entries(data: SiteData) -> list[dict[str, str]]:
    """One entry per page worth finding: kind, title, where (shown), detail (searched too), page, verdict."""
    entries = [
        {"k": "article", "t": a.title, "w": f"{a.site} {a.date}".strip(), "d": "", "u": a.path, "v": ""}
        for a in data.articles
    ]
    for c in data.claims:
        detail = " ".join(x for x in (c.claim.quote, c.claim.metric or "", *c.claim.sources) if x)
        where = c.article.title
        entries.append({"k": "claim", "t": c.heading, "w": where, "d": detail, "u": c.path, "v": c.verdict})
    for kind, pages in (("subject", data.subjects.values()), ("source", data.sources.values())):
        entries += [{"k": kind, "t": p.name, "w": "", "d": "", "u": p.path, "v": ""} for p in pages]
    return entries


def search_index_js(entries: list[dict[str, str]]) -> bytes:
    body = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    body = body.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.FACTCHECK_SEARCH = {body};\n".encode()


# -- charts -----------------------------------------------------------------------------------------


def verdict_segments(counts: dict[str, int]) -> list[dict[str, Any]]:
    """The parts of a stacked bar 0..100 wide: one per verdict that has claims."""
    total = sum(counts.values())
    parts, x = [], 0.0
    for verdict in VERDICT_ORDER:
        n = counts.get(verdict, 0)
        if n and total:
            width = 100.0 * n / total
            parts.append({"verdict": verdict, "count": n, "x": round(x, 3), "width": round(width, 3)})
            x += width
    return parts


def counts_text(counts: dict[str, int]) -> str:
    parts = [f"{n} {VERDICT_LABELS[v][1].lower()}" for v in VERDICT_ORDER if (n := counts.get(v, 0))]
    return ", ".join(parts) if parts else "no claims"


# -- writing ----------------------------------------------------------------------------------------


class _Output:
    """Writes files under ``root`` only when their bytes change, and remembers what it wrote."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.report = SiteReport()
        self.paths: set[str] = set()
        self.previous = read_manifest(root)  # refuses one that points outside the folder
        self.digests: dict[str, str] = {}

    def write(self, rel: str, data: bytes | str) -> None:
        if rel in self.paths:
            raise ValueError(f"two files of the site want the same path {rel!r}")
        if rel.startswith("/") or ".." in rel.split("/"):
            raise ValueError(f"refusing to write outside the site folder: {rel!r}")
        self.paths.add(rel)
        body = data.encode("utf-8") if isinstance(data, str) else data
        self.digests[rel] = digest(body)
        target = self.root / rel
        if target.is_file() and target.read_bytes() == body:
            self.report.unchanged.append(rel)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(body)
        os.replace(partial, target)  # a reader of the folder never sees half a file
        self.report.written.append(rel)

    def finish(self) -> SiteReport:
        """Remove what the previous build wrote and this one did not (unless changed since); save
        the list of files with their digests."""
        manifest = self.root / MANIFEST
        for rel in sorted(set(self.previous) - self.paths):
            target = self.root / rel
            if not removable(self.root, rel, self.previous[rel]):
                continue
            target.unlink()
            self.report.removed.append(rel)
            parent = target.parent
            while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        listing = manifest_text(self.digests)
        if not manifest.is_file() or manifest.read_text(encoding="utf-8") != listing:
            manifest.write_text(listing, encoding="utf-8")
        for names in (self.report.written, self.report.unchanged, self.report.removed):
            names.sort()
        return self.report


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(resource_dir("site") / "templates")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        VERDICT_LABELS=VERDICT_LABELS,
        VERDICT_ORDER=VERDICT_ORDER,
        link=external_link,
        safe_url=safe_url,
        segments=verdict_segments,
        counts_text=counts_text,
        count_verdicts=_count,
        emphasise=emphasise_figure,
        evidence_figure=evidence_figure,
        mention_anchor=mention_anchor,
        source_path=source_path,
        subject_path=subject_path,
    )
    env.filters.update(num=fmt_number, day=_date_part, host=_host)
    return env


class _Renderer:
    def __init__(self, out: _Output, env: Environment) -> None:
        self.out, self.env = out, env

    def page(self, path: str, template: str, **context: Any) -> None:
        root = "../" * path.count("/")
        html = self.env.get_template(template).render(root=root, **context)
        self.out.write(path, html)


def build_site(
    store: Store, out: Path, *, progress: Progress = None, base_url: str | None = None
) -> SiteReport:
    """Render the site for everything in ``store`` into folder ``out``.

    ``base_url`` (http(s)), when given, makes the ``url`` of each claim's ClaimReview absolute.
    """
    say = progress or (lambda _message: None)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    base = safe_url(base_url) if base_url else None
    say("Reading the graph")
    data = load_site_data(store)
    output = _Output(out)
    render = _Renderer(output, _environment())
    totals = _count(data.claims)

    static = resource_dir("site") / "static"
    for asset in sorted(static.iterdir()):
        if asset.is_file() and asset.suffix in (".css", ".js", ".svg"):
            output.write(f"static/{asset.name}", asset.read_bytes())

    say("Rendering the home page")
    render.page("index.html", "home.html", data=data, totals=totals, section="home", title="Checked articles")
    render.page("subjects.html", "subjects.html", data=data, section="subjects", title="Subjects")
    render.page("sources.html", "sources.html", data=data, section="sources", title="Sources")

    for a in data.articles:
        say(f"Rendering {a.url}")
        paragraphs, placed = render_paragraphs(a)
        render.page(a.path, "article.html", a=a, paragraphs=paragraphs, placed=placed, title=a.title)
        graph = store.graph(a.graph)
        jsonld, turtle = graph_downloads(graph)
        output.write(f"articles/{a.key}.jsonld", jsonld)
        output.write(f"articles/{a.key}.ttl", turtle)
        for c in a.claims:
            others = _same_subject_metric(c, data)
            review = json_for_script(claim_review(c, base))
            render.page(
                c.path,
                "claim.html",
                c=c,
                a=a,
                others=others,
                review_json=review,
                title=f"Claim: {c.heading}",
            )
            jsonld, turtle = graph_downloads(_claim_graph(graph, c.claim.id))
            stem = c.path.removesuffix(".html")
            output.write(f"{stem}.jsonld", jsonld)
            output.write(f"{stem}.ttl", turtle)

    for s in data.subjects.values():
        groups = _by_metric(s.claims)
        render.page(s.path, "subject.html", s=s, groups=groups, section="subjects", title=s.name)
    for src in data.sources.values():
        counts = _count(src.citing)
        render.page(src.path, "source.html", src=src, counts=counts, section="sources", title=src.name)

    say("Running the saved queries")
    queries = load_saved_queries(resource_dir("graph") / "queries")
    for q in queries:
        run_saved_query(store, q)
        render.page(q.path, "query.html", q=q, section="queries", title=q.title)
    render.page("queries.html", "queries.html", queries=queries, section="queries", title="Saved queries")

    say("Writing the search index and downloads")
    entries = search_entries(data)
    output.write("search-index.js", search_index_js(entries))
    render.page("search.html", "search.html", entries=entries, data=data, section="search", title="Search")
    output.write("claims.csv", claims_csv(data.claims))
    # One statement a line: sorted, the same graph gives the same file whatever order a store dumps in.
    output.write("graph.nq", b"".join(sorted(store.export("nquads").splitlines(keepends=True))))
    render.page("downloads.html", "downloads.html", data=data, section="downloads", title="Downloads")
    return output.finish()


def _same_subject_metric(c: ClaimPage, data: SiteData) -> list[ClaimPage]:
    """Other claims, in any article, about the same subject (as the graph joins them) and metric."""
    if not c.claim.subject or not c.claim.metric:
        return []
    subject = data.subjects.get(_iri_key(subject_iri(c.claim.subject)))
    metric = c.claim.metric.casefold()
    if subject is None:
        return []
    return [o for o in subject.claims if o is not c and (o.claim.metric or "").casefold() == metric]


def _by_metric(claims: Sequence[ClaimPage]) -> list[tuple[str, list[ClaimPage]]]:
    groups: dict[str, list[ClaimPage]] = defaultdict(list)
    names: dict[str, str] = {}
    for c in claims:
        key = (c.claim.metric or "").casefold()
        names.setdefault(key, c.claim.metric or "Other figures")
        groups[key].append(c)
    order = sorted(groups, key=lambda k: (k == "", names[k].casefold()))
    return [(names[k], groups[k]) for k in order]
