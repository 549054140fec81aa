"""What the site shows, read from the graph alone: one page object per article, claim, subject and
source, joined the way the graph joins them (subjects by ``names.subject_key``, sources by
``names.organisation_key``)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from factcheck.graph import (
    article_graph_name,
    organization_iri,
    read_article,
    read_articles,
    read_documents,
    subject_iri,
)
from factcheck.graph.store import Store
from factcheck.graph.terms import GRAPH_PREFIX
from factcheck.models import Article, Claim, Evidence, FetchInfo
from factcheck.site.format import VERDICT_ORDER, date_part, figure, file_key, host_of, verdict_of


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
        return self.article.site_name or host_of(self.url) or "unknown site"

    @property
    def date(self) -> str:
        return date_part(self.article.published)

    def counts(self) -> dict[str, int]:
        return count_verdicts(self.claims)


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


def count_verdicts(claims: Iterable[ClaimPage]) -> dict[str, int]:
    counts = dict.fromkeys(VERDICT_ORDER, 0)
    for c in claims:
        counts[c.verdict] = counts.get(c.verdict, 0) + 1
    return counts


def iri_key(iri: str) -> str:
    return file_key(iri.rsplit("/", 1)[-1])


def source_path(name: str) -> str:
    """The page of the source (organisation) called ``name``."""
    return f"sources/{iri_key(organization_iri(name))}.html"


def subject_path(name: str) -> str:
    """The page of a subject; spellings the graph joins into one subject share it."""
    return f"subjects/{iri_key(subject_iri(name))}.html"


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
            key = iri_key(subject_iri(c.claim.subject))
            entry = subjects.setdefault(key, SubjectPage(key))
            entry.labels[c.claim.subject] += 1
            entry.claims.append(c)
    return dict(sorted(subjects.items()))


def _sources(articles: Sequence[ArticlePage]) -> dict[str, SourcePage]:
    sources: dict[str, SourcePage] = {}

    def source(name: str) -> SourcePage:
        key = iri_key(organization_iri(name))
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
            if host_of(url):
                hosts[host_of(url)].add(key)
    for a in ordered:
        for publisher, info in a.documents:
            if not publisher:
                for key in sorted(hosts.get(host_of(info.url), ())):
                    sources[key].documents.append(SourceDocument(a, info, by_host=True))
    for entry in sources.values():
        entry.documents.sort(key=lambda d: (d.by_host, d.info.url, d.info.fetched_at, d.article.url))
    return dict(sorted(sources.items(), key=lambda item: (item[1].name.casefold(), item[0])))


def same_subject_metric(c: ClaimPage, data: SiteData) -> list[ClaimPage]:
    """Other claims, in any article, about the same subject (as the graph joins them) and metric."""
    if not c.claim.subject or not c.claim.metric:
        return []
    subject = data.subjects.get(iri_key(subject_iri(c.claim.subject)))
    metric = c.claim.metric.casefold()
    if subject is None:
        return []
    return [o for o in subject.claims if o is not c and (o.claim.metric or "").casefold() == metric]


def by_metric(claims: Sequence[ClaimPage]) -> list[tuple[str, list[ClaimPage]]]:
    groups: dict[str, list[ClaimPage]] = defaultdict(list)
    names: dict[str, str] = {}
    for c in claims:
        key = (c.claim.metric or "").casefold()
        names.setdefault(key, c.claim.metric or "Other figures")
        groups[key].append(c)
    order = sorted(groups, key=lambda k: (k == "", names[k].casefold()))
    return [(names[k], groups[k]) for k in order]
