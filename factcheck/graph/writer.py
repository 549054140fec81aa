"""The models as RDF: one named graph per article, with everything about it.

URLs are plain string literals, so that any string the web hands us survives unchanged; lists whose
order matters (sources, links, derived-from claims) are ``rdf:List``; other repeated parts carry
``fc:index``. ``reader.py`` reads the same graph back into the models.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePosixPath, PureWindowsPath
from urllib.parse import quote, unquote, urlsplit

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import PROV
from rdflib.term import Node

from factcheck.graph.terms import (
    FC,
    FC_INDEX,
    ID,
    PREFIXES,
    RATING,
    SCHEMA,
    article_graph_name,
    article_iri,
    claim_date_literal,
    claim_iri,
    decimal_literal,
    number_literal,
    organization_iri,
    person_iri,
    subject_iri,
    timestamp_literal,
)
from factcheck.models import Article, Claim, Consistency, Evidence, FetchInfo, Review
from factcheck.names import subject_key, variant

_Value = Node | str | int | float | None


def public_location(value: str | None) -> str | None:
    """A URL or archive name as the graph may publish it: never a path of the machine that ingested.

    A ``file:`` URL or a file-system path (a local article, a mirror folder, a WARC file) keeps only its
    last name: ``web`` for a mirror (the copy of a URL is ``<host>/<path>/index.html`` under it), the
    file name for a WARC file (its record is the response to the node's URL at its fetch time).
    """
    if not value:
        return value
    if value.startswith("file:"):
        path = unquote(urlsplit(value).path)
        return PurePosixPath(path).name or value
    if "://" in value or value.startswith(("urn:", "data:", "javascript:")) or value == "-":
        return value
    if "/" in value or "\\" in value:
        return PureWindowsPath(value).name if "\\" in value else PurePosixPath(value).name
    return value


class _Writer:
    """Adds the triples of one article to one graph."""

    def __init__(self, graph: Graph, article: URIRef, activity: URIRef) -> None:
        self.g = graph
        self.article = article
        self.activity = activity

    def add(self, s: Node, p: URIRef, o: _Value) -> None:
        """Add a triple; None means "no value" and adds nothing; floats become exact decimals."""
        if o is None:
            return
        if isinstance(o, Node):  # IRIs and literals are str subclasses: test them first
            self.g.add((s, p, o))
        else:
            self.g.add((s, p, number_literal(o) if isinstance(o, float) else Literal(o)))

    def add_all(self, s: Node, values: dict[URIRef, _Value]) -> None:
        for p, o in values.items():
            self.add(s, p, o)

    def add_list(self, s: URIRef, p: URIRef, items: Sequence[Node]) -> None:
        if items:
            head = BNode()
            Collection(self.g, head, list(items))
            self.g.add((s, p, head))

    def organization(self, name: str) -> URIRef:
        node = organization_iri(name)
        self.add(node, RDF.type, SCHEMA.Organization)
        self.add(node, SCHEMA.name, name)
        return node

    def subject(self, node: URIRef, text: str | None) -> None:
        if text is None:
            return
        subject = subject_iri(text)
        self.add(subject, RDF.type, FC.Subject)
        self.add(subject, RDFS.label, text)
        self.add(subject, FC.key, subject_key(text) or None)
        self.add(node, FC.subject, subject)
        self.add(node, FC.subjectText, text)
        self.add(node, FC.variant, variant(text))

    def fetch(self, node: URIRef, info: FetchInfo) -> None:
        self.add(node, RDF.type, PROV.Entity)
        self.add(node, FC.requestedUrl, public_location(info.url))
        self.add(node, FC.finalUrl, public_location(info.final_url))
        self.add(node, FC.httpStatus, info.status)
        self.add(node, SCHEMA.encodingFormat, info.content_type)
        self.add(node, FC.fetchedAt, info.fetched_at)
        self.add(node, PROV.generatedAtTime, timestamp_literal(info.fetched_at))
        self.add(node, FC.sha256, info.sha256)
        self.add(node, FC.archive, public_location(info.archive))
        self.add(node, FC.fetchError, info.error)
        self.add(node, PROV.wasGeneratedBy, self.activity)

    def article_node(self, article: Article, url: str) -> None:
        a = self.article
        self.add(a, RDF.type, SCHEMA.NewsArticle)
        self.add(a, RDF.type, PROV.Entity)
        self.add(a, SCHEMA.url, url)
        self.add(a, SCHEMA.headline, article.title)
        self.add(a, SCHEMA.articleBody, article.text)
        self.add(a, FC.canonicalUrl, article.canonical_url)
        self.add(a, PROV.wasGeneratedBy, self.activity)
        if article.author is not None:
            person = person_iri(article.author)
            self.add(person, RDF.type, SCHEMA.Person)
            self.add(person, SCHEMA.name, article.author)
            self.add(a, SCHEMA.author, person)
        if article.published is not None:
            self.add(a, FC.publishedText, article.published)
            self.add(a, SCHEMA.datePublished, timestamp_literal(article.published))
        if article.site_name is not None:
            publisher = URIRef(f"{a}/publisher")  # per article: a site name is not a registry name
            self.add(publisher, RDF.type, SCHEMA.Organization)
            self.add(publisher, SCHEMA.name, article.site_name)
            self.add(a, SCHEMA.publisher, publisher)
        for i, (start, end) in enumerate(article.paragraphs):
            node = URIRef(f"{a}/paragraph/{i}")
            self.add(a, FC.paragraph, node)
            self.add(node, RDF.type, FC.Paragraph)
            self.add(node, FC_INDEX, i)
            self.add(node, FC.start, start)
            self.add(node, FC.end, end)
        for i, link in enumerate(article.links):
            node = URIRef(f"{a}/link/{i}")
            self.add(a, FC.hyperlink, node)
            self.add(node, RDF.type, FC.Hyperlink)
            self.add(node, FC_INDEX, i)
            self.add(node, SCHEMA.url, link.href)
            self.add(node, FC.anchorText, link.text)
            self.add(node, FC.start, link.start)
            self.add(node, FC.end, link.end)
        if article.fetch is not None:
            self.fetch(a, article.fetch)

    def documents(
        self, documents: Sequence[tuple[str, FetchInfo]], claims: list[Claim]
    ) -> list[tuple[URIRef, FetchInfo]]:
        # Which organisation a document belongs to: named by the caller, or else known from the
        # evidence read from it (a document that failed to load stays without one).
        read_from = {ev.url: ev.source for claim in claims if claim.review for ev in claim.review.evidence}
        nodes = []
        for i, (label, info) in enumerate(documents):
            if "://" in label:
                source = read_from.get(info.url) or read_from.get(info.final_url) or read_from.get(label)
            else:
                source = label
            node = URIRef(f"{self.article}/document/{i}")
            self.add(node, RDF.type, FC.SourceDocument)
            self.add(node, FC_INDEX, i)
            self.add(node, SCHEMA.url, public_location(info.url))
            self.fetch(node, info)
            if source:
                self.add(node, SCHEMA.publisher, self.organization(source))
            nodes.append((node, info))
        return nodes

    def claim(self, claim: Claim, index: int, article: Article, docs: list[tuple[URIRef, FetchInfo]]) -> None:
        c = claim_iri(self.article, claim.id)
        self.add(c, RDF.type, SCHEMA.Claim)
        self.add(c, FC.claimId, claim.id)
        self.add(c, FC_INDEX, index)
        self.add(c, FC.article, self.article)
        self.add(c, SCHEMA.text, claim.quote)
        self.add(c, FC.start, claim.start)
        self.add(c, FC.end, claim.end)
        self.add(c, FC.kind, claim.kind)
        self.add(c, FC.metric, claim.metric)
        self.subject(c, claim.subject)
        if article.author is not None:
            self.add(c, SCHEMA.author, person_iri(article.author))
        if article.published is not None:
            self.add(c, SCHEMA.datePublished, timestamp_literal(article.published))

        q, figure = URIRef(f"{c}/quantity"), claim.quantity
        self.add(c, FC.quantity, q)
        self.add(q, RDF.type, FC.Quantity)
        self.add_all(
            q,
            {
                FC.value: decimal_literal(figure.value),
                FC.low: decimal_literal(figure.low),
                FC.high: decimal_literal(figure.high),
                FC.scale: decimal_literal(figure.scale),
                FC.unit: figure.unit,
                FC.bound: figure.bound,
                FC.direction: figure.direction,
                FC.date: None if figure.date is None else claim_date_literal(figure.date),
            },
        )
        if figure.text:  # the figure as the article writes it, and where: for highlighting and short quotes
            self.add_all(q, {SCHEMA.text: figure.text, FC.start: figure.start, FC.end: figure.end})

        for i, mention in enumerate(claim.mentions):
            m = URIRef(f"{c}/mention/{i}")
            self.add(c, SCHEMA.appearance, m)
            self.add(m, RDF.type, FC.Mention)
            self.add(m, FC_INDEX, i)
            self.add(m, SCHEMA.text, mention.quote)
            self.add(m, FC.start, mention.start)
            self.add(m, FC.end, mention.end)
            self.add(m, SCHEMA.isPartOf, self.article)

        organizations = [self.organization(name) for name in claim.sources]
        for org in organizations:
            self.add(c, SCHEMA.citation, org)
        self.add_list(c, FC.sources, organizations)
        self.add_list(c, FC.links, [Literal(href) for href in claim.links])
        if claim.review is not None:
            self.review(c, claim.review, docs)
        if claim.consistency is not None:
            self.consistency(c, claim.consistency)

    def review(self, c: URIRef, review: Review, docs: list[tuple[URIRef, FetchInfo]]) -> None:
        r, rating = URIRef(f"{c}/review"), URIRef(f"{c}/review/rating")
        self.add(r, RDF.type, SCHEMA.ClaimReview)
        self.add(r, RDF.type, PROV.Entity)
        self.add(r, SCHEMA.itemReviewed, c)
        self.add(r, SCHEMA.reviewRating, rating)
        self.add(r, SCHEMA.reviewBody, review.explanation)
        self.add(r, FC.confidence, decimal_literal(review.confidence))
        self.add(r, FC.reason, review.reason)
        self.add(r, PROV.wasGeneratedBy, self.activity)
        self.add(rating, RDF.type, SCHEMA.Rating)
        self.add(rating, SCHEMA.alternateName, review.verdict)
        if review.verdict in RATING:  # a number only for how true it is, not for "could not check"
            self.add(rating, SCHEMA.ratingValue, RATING[review.verdict])
            self.add(rating, SCHEMA.bestRating, max(RATING.values()))
            self.add(rating, SCHEMA.worstRating, min(RATING.values()))
        for i, ev in enumerate(review.evidence):
            e = URIRef(f"{c}/review/evidence/{i}")
            self.add(r, FC.evidence, e)
            self.add(e, RDF.type, FC.Evidence)
            self.add(e, RDF.type, PROV.Entity)
            self.add(e, FC_INDEX, i)
            self.add(e, FC.source, self.organization(ev.source))
            self.add_all(
                e,
                {
                    SCHEMA.url: ev.url,
                    SCHEMA.text: ev.quote,
                    FC.location: ev.location,
                    FC.value: decimal_literal(ev.value),
                    FC.unit: ev.unit,
                    FC.metric: ev.metric,
                    FC.retrievedAt: ev.retrieved_at,
                    FC.sha256: ev.sha256,
                    FC.archive: public_location(ev.archive),
                    FC.relation: ev.relation,
                },
            )
            self.subject(e, ev.subject)
            self.add(e, PROV.wasDerivedFrom, _document_for(ev, docs))

    def consistency(self, c: URIRef, check: Consistency) -> None:
        k = URIRef(f"{c}/consistency")
        self.add(c, FC.consistency, k)
        self.add(k, RDF.type, FC.ConsistencyCheck)
        self.add(k, FC.status, check.status)
        self.add(k, FC.operation, check.operation)
        self.add(k, FC.expected, decimal_literal(check.expected))
        self.add(k, SCHEMA.description, check.explanation)
        self.add_list(k, FC.derivedFrom, [claim_iri(self.article, cid) for cid in check.derived_from])


def _document_for(evidence: Evidence, docs: list[tuple[URIRef, FetchInfo]]) -> URIRef | None:
    """The fetched document an evidence passage was read from: same URL, same content if known."""
    same_url = [(node, info) for node, info in docs if evidence.url in (info.url, info.final_url)]
    for node, info in same_url:
        if evidence.sha256 is None or evidence.sha256 == info.sha256:
            return node
    return same_url[0][0] if same_url else None


def article_graph(
    article: Article,
    claims: list[Claim],
    *,
    documents: Sequence[tuple[str, FetchInfo]] = (),
    software_version: str,
    ingested_at: str | None = None,
) -> Graph:
    """Everything about one article as the content of its named graph.

    ``documents`` are the source documents fetched for its claims, each with the name of the
    source (organisation) it belongs to, or with the URL it was requested as (the source is then
    taken from the evidence read from it). ``ingested_at`` is the start of the ingest
    (default: the article's fetch time).
    """
    if not article.url:
        raise ValueError("an article needs a URL to be stored in the graph")
    ids = [claim.id for claim in claims]
    if len(set(ids)) != len(ids):
        raise ValueError("claim ids of an article must be unique")
    a = article_iri(article.url)
    graph = Graph(identifier=URIRef(article_graph_name(article.url)))
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    activity = URIRef(f"{a}/ingest")
    writer = _Writer(graph, a, activity)

    agent = URIRef(f"{ID}agent/factcheck/{quote(software_version, safe='')}")
    writer.add(agent, RDF.type, PROV.SoftwareAgent)
    writer.add(agent, RDFS.label, f"factcheck {software_version}")
    writer.add(agent, SCHEMA.softwareVersion, software_version)
    writer.add(activity, RDF.type, PROV.Activity)
    writer.add(activity, RDFS.label, f"ingest of {article.url}")
    writer.add(activity, PROV.wasAssociatedWith, agent)
    started = ingested_at or (article.fetch.fetched_at if article.fetch else None)
    writer.add(activity, PROV.startedAtTime, timestamp_literal(started) if started else None)

    writer.article_node(article, article.url)
    for note in article.dropped:  # what the ingest left out, and why
        writer.add(activity, FC.dropped, note)
    docs = writer.documents(documents, claims)
    for index, claim in enumerate(claims):
        writer.claim(claim, index, article, docs)
    return graph
