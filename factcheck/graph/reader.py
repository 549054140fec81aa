"""The models read back from the graph: an article graph into an Article and its Claims, and the
summaries the site and the command line list. Nothing here writes."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any
from urllib.parse import unquote

from rdflib import RDF, Graph, URIRef
from rdflib.collection import Collection
from rdflib.term import Node, Variable

from factcheck.graph.terms import FC, FC_INDEX, GRAPH_PREFIX, SCHEMA, article_graph_name
from factcheck.models import (
    VERDICTS,
    Article,
    Claim,
    Consistency,
    Evidence,
    FetchInfo,
    Link,
    Mention,
    Quantity,
    Review,
)

if TYPE_CHECKING:
    from factcheck.graph.store import Store


class _Reader:
    """Rebuilds the models from the triples of one article graph."""

    def __init__(self, graph: Graph) -> None:
        self.g = graph

    def text(self, s: Node, p: URIRef) -> str | None:
        value = self.g.value(s, p)
        return None if value is None else str(value)

    def integer(self, s: Node, p: URIRef) -> int | None:
        value = self.g.value(s, p)
        return None if value is None else int(str(value))

    def number(self, s: Node, p: URIRef) -> float | None:
        value = self.g.value(s, p)
        return None if value is None else float(str(value))

    def members(self, s: Node, p: URIRef) -> list[Node]:
        head = self.g.value(s, p)
        return [] if head is None else list(Collection(self.g, head))

    def ordered(self, s: Node, p: URIRef) -> list[Node]:
        return sorted(self.g.objects(s, p), key=lambda node: self.integer(node, FC_INDEX) or 0)

    def name(self, node: Node) -> str:
        return self.text(node, SCHEMA.name) or ""

    def fetch(self, node: Node) -> FetchInfo | None:
        if self.g.value(node, FC.requestedUrl) is None:
            return None
        return FetchInfo(
            url=self.text(node, FC.requestedUrl) or "",
            final_url=self.text(node, FC.finalUrl) or "",
            status=self.integer(node, FC.httpStatus) or 0,
            content_type=self.text(node, SCHEMA.encodingFormat) or "",
            fetched_at=self.text(node, FC.fetchedAt) or "",
            sha256=self.text(node, FC.sha256) or "",
            archive=self.text(node, FC.archive),
            error=self.text(node, FC.fetchError),
        )

    def article_node(self) -> URIRef | None:
        node = self.g.value(predicate=RDF.type, object=SCHEMA.NewsArticle)
        return node if isinstance(node, URIRef) else None

    def article(self, a: URIRef) -> Article:
        author, publisher = self.g.value(a, SCHEMA.author), self.g.value(a, SCHEMA.publisher)
        return Article(
            url=self.text(a, SCHEMA.url),
            text=self.text(a, SCHEMA.articleBody) or "",
            title=self.text(a, SCHEMA.headline),
            author=None if author is None else self.name(author),
            published=self.text(a, FC.publishedText),
            site_name=None if publisher is None else self.name(publisher),
            canonical_url=self.text(a, FC.canonicalUrl),
            paragraphs=tuple(
                (self.integer(p, FC.start) or 0, self.integer(p, FC.end) or 0)
                for p in self.ordered(a, FC.paragraph)
            ),
            links=tuple(
                Link(
                    href=self.text(n, SCHEMA.url) or "",
                    text=self.text(n, FC.anchorText) or "",
                    start=_or(self.integer(n, FC.start), -1),
                    end=_or(self.integer(n, FC.end), -1),
                )
                for n in self.ordered(a, FC.hyperlink)
            ),
            fetch=self.fetch(a),
            dropped=tuple(sorted(str(o) for o in self.g.objects(URIRef(f"{a}/ingest"), FC.dropped))),
        )

    def claims(self) -> list[Claim]:
        nodes = sorted(self.g.subjects(RDF.type, SCHEMA.Claim), key=lambda c: self.integer(c, FC_INDEX) or 0)
        return [self.claim(c) for c in nodes]

    def claim(self, c: Node) -> Claim:
        q = self.g.value(c, FC.quantity)
        review = self.g.value(predicate=SCHEMA.itemReviewed, object=c)
        consistency = self.g.value(c, FC.consistency)
        return Claim(
            id=self.text(c, FC.claimId) or "",
            quote=self.text(c, SCHEMA.text) or "",
            start=self.integer(c, FC.start) or 0,
            end=self.integer(c, FC.end) or 0,
            quantity=self.quantity(q),
            subject=self.text(c, FC.subjectText),
            metric=self.text(c, FC.metric),
            kind=self.text(c, FC.kind) or "measurement",
            sources=tuple(self.name(org) for org in self.members(c, FC.sources)),
            links=tuple(str(href) for href in self.members(c, FC.links)),
            mentions=tuple(self.mention(m) for m in self.ordered(c, SCHEMA.appearance)),
            review=None if review is None else self.review(review),
            consistency=None if consistency is None else self.consistency(consistency),
        )

    def quantity(self, q: Node | None) -> Quantity:
        if q is None:
            return Quantity(text="", start=0, end=0)
        return Quantity(
            text=self.text(q, SCHEMA.text) or "",
            start=self.integer(q, FC.start) or 0,
            end=self.integer(q, FC.end) or 0,
            value=self.number(q, FC.value),
            low=self.number(q, FC.low),
            high=self.number(q, FC.high),
            unit=self.text(q, FC.unit) or "",
            bound=self.text(q, FC.bound) or "=",
            direction=self.text(q, FC.direction),
            scale=self.number(q, FC.scale),
            date=self.text(q, FC.date),
        )

    def mention(self, m: Node) -> Mention:
        start, end = self.integer(m, FC.start) or 0, self.integer(m, FC.end) or 0
        return Mention(quote=self.text(m, SCHEMA.text) or "", start=start, end=end)

    def review(self, r: Node) -> Review:
        rating = self.g.value(r, SCHEMA.reviewRating)
        return Review(
            verdict=(self.text(rating, SCHEMA.alternateName) if rating is not None else None) or "",
            explanation=self.text(r, SCHEMA.reviewBody) or "",
            confidence=self.number(r, FC.confidence) or 0.0,
            reason=self.text(r, FC.reason),
            evidence=tuple(self.evidence(e) for e in self.ordered(r, FC.evidence)),
        )

    def evidence(self, e: Node) -> Evidence:
        source = self.g.value(e, FC.source)
        return Evidence(
            source="" if source is None else self.name(source),
            url=self.text(e, SCHEMA.url) or "",
            quote=self.text(e, SCHEMA.text) or "",
            location=self.text(e, FC.location) or "sentence",
            value=self.number(e, FC.value),
            unit=self.text(e, FC.unit),
            subject=self.text(e, FC.subjectText),
            metric=self.text(e, FC.metric),
            retrieved_at=self.text(e, FC.retrievedAt),
            sha256=self.text(e, FC.sha256),
            archive=self.text(e, FC.archive),
            relation=self.text(e, FC.relation) or "supports",
        )

    def consistency(self, k: Node) -> Consistency:
        return Consistency(
            status=self.text(k, FC.status) or "",
            operation=self.text(k, FC.operation) or "",
            expected=self.number(k, FC.expected) or 0.0,
            derived_from=tuple(self.claim_id(node) for node in self.members(k, FC.derivedFrom)),
            explanation=self.text(k, SCHEMA.description) or "",
        )

    def claim_id(self, node: Node) -> str:
        # A derived-from claim may be missing from the graph; its IRI still ends with its id.
        return self.text(node, FC.claimId) or unquote(str(node).rsplit("/", 1)[-1])

    def documents(self, a: URIRef) -> list[tuple[str | None, FetchInfo]]:
        nodes = sorted(
            (d for d in self.g.subjects(RDF.type, FC.SourceDocument) if str(d).startswith(f"{a}/")),
            key=lambda d: self.integer(d, FC_INDEX) or 0,
        )
        out: list[tuple[str | None, FetchInfo]] = []
        for d in nodes:
            publisher, info = self.g.value(d, SCHEMA.publisher), self.fetch(d)
            if info is not None:
                out.append((None if publisher is None else self.name(publisher), info))
        return out


def _or(value: int | None, default: int) -> int:
    return default if value is None else value


def article_from_graph(graph: Graph) -> tuple[Article, list[Claim]] | None:
    """The article and its claims held by one article graph (None if it holds no article)."""
    reader = _Reader(graph)
    a = reader.article_node()
    if a is None:
        return None
    return reader.article(a), reader.claims()


def read_article(store: Store, url: str) -> tuple[Article, list[Claim]] | None:
    """The article stored for ``url`` and its claims in article order, or None if it is not stored."""
    return article_from_graph(store.graph(article_graph_name(url)))


def read_documents(store: Store, url: str) -> list[tuple[str | None, FetchInfo]]:
    """The source documents recorded with the article at ``url``: (source name if known, fetch info)."""
    reader = _Reader(store.graph(article_graph_name(url)))
    a = reader.article_node()
    return [] if a is None else reader.documents(a)


def article_graph_names(store: Store) -> list[str]:
    """The named graphs of the store that hold articles."""
    return [name for name in store.graph_names() if name.startswith(GRAPH_PREFIX)]


def read_claims(store: Store, article_url: str | None = None) -> list[Claim]:
    """The claims of one article, or of every stored article (articles by URL), in article order."""
    if article_url is not None:
        found = read_article(store, article_url)
        return [] if found is None else found[1]
    articles = [article_from_graph(store.graph(name)) for name in article_graph_names(store)]
    stored = sorted((found for found in articles if found is not None), key=lambda f: f[0].url or "")
    return [claim for _, claims in stored for claim in claims]


_ARTICLES_QUERY = """
PREFIX schema: <https://schema.org/>
PREFIX fc: <https://w3id.org/factcheck/ns#>
SELECT ?g ?url ?title ?author ?published ?site_name ?text ?fetched_at WHERE {
  GRAPH ?g {
    ?article a schema:NewsArticle ; schema:url ?url ; schema:articleBody ?text .
    OPTIONAL { ?article schema:headline ?title }
    OPTIONAL { ?article schema:author/schema:name ?author }
    OPTIONAL { ?article fc:publishedText ?published }
    OPTIONAL { ?article schema:publisher/schema:name ?site_name }
    OPTIONAL { ?article fc:fetchedAt ?fetched_at }
  }
}
"""

_VERDICT_COUNTS_QUERY = """
PREFIX schema: <https://schema.org/>
SELECT ?g ?verdict (COUNT(DISTINCT ?claim) AS ?n) WHERE {
  GRAPH ?g {
    ?claim a schema:Claim .
    OPTIONAL { ?review schema:itemReviewed ?claim ; schema:reviewRating/schema:alternateName ?verdict }
  }
} GROUP BY ?g ?verdict
"""


def _value(row: Mapping[Variable, Any], name: str) -> str | None:
    value = row.get(Variable(name))
    return None if value is None else str(value)


def read_articles(store: Store) -> list[dict[str, Any]]:
    """One summary per stored article, by URL: metadata, text and claim counts by verdict.

    Keys: url, title, author, published, site_name, text, fetched_at, graph, claims (total),
    verdicts ({verdict: count} for every verdict) and unreviewed (claims without a review).
    """
    articles: dict[str, dict[str, Any]] = {}
    for row in store.query(_ARTICLES_QUERY).bindings:
        graph = _value(row, "g") or ""
        articles[graph] = {
            key: _value(row, key)
            for key in ("url", "title", "author", "published", "site_name", "text", "fetched_at")
        }
        articles[graph].update(graph=graph, claims=0, verdicts=dict.fromkeys(VERDICTS, 0), unreviewed=0)
    for row in store.query(_VERDICT_COUNTS_QUERY).bindings:
        summary = articles.get(_value(row, "g") or "")
        if summary is None:
            continue
        count, verdict = int(_value(row, "n") or 0), _value(row, "verdict")
        summary["claims"] += count
        if verdict is None:
            summary["unreviewed"] += count
        else:
            summary["verdicts"][verdict] = summary["verdicts"].get(verdict, 0) + count
    return sorted(articles.values(), key=lambda summary: summary["url"] or "")
