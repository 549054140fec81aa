"""Verification: resolve each cited source, fetch it, find the evidence, and give every claim a verdict.

Runs in batches so that many sources are fetched at once (the Fetcher's limits keep it polite):
first the article's links, the registry's templates and listing pages; then, for sources whose
claims are still without strong evidence, their sitemaps; then one hop through the links of the pages
read. The documents read are returned for the graph's provenance.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime

from factcheck.evidence.matching import candidates, extract_facts, find_evidence, read_document
from factcheck.metric_words import names_a_change
from factcheck.models import Article, Claim, Fact, FetchInfo, Quantity, Review
from factcheck.sources import resolve
from factcheck.sources.registry import Registry
from factcheck.verify.changes import change_over_time
from factcheck.verify.verdict import (
    THRESHOLD,
    Found,
    judge_comparison,
    judge_direct,
    unsourced,
    unverified,
)
from factcheck.web.client import Document, Fetcher, FetchError

Progress = Callable[[str], None]


@dataclass
class SourceState:
    """What is known of one cited source during verification."""

    name: str
    claims: list[Claim]
    urls: list[str] = field(default_factory=list)
    docs: dict[str, Document] = field(default_factory=dict)
    errors: dict[str, FetchError] = field(default_factory=dict)
    facts: list[tuple[Fact, FetchInfo]] = field(default_factory=list)
    resolvable: bool = True


@dataclass(frozen=True)
class Verification:
    """What verification produced: the claims with their reviews, and the documents read (url, provenance)."""

    claims: list[Claim]
    documents: list[tuple[str, FetchInfo]]


def verify_claims(
    claims: list[Claim],
    article: Article,
    fetcher: Fetcher,
    registry: Registry,
    progress: Progress | None = None,
) -> Verification:
    """Every claim with its review, and the documents fetched to review them."""
    say = progress or (lambda _m: None)
    states = _states(claims, article, registry)
    fetched: dict[str, Document | FetchError] = {}

    def fetch(urls: list[str], stage: str) -> None:
        todo = [u for u in dict.fromkeys(urls) if u not in fetched]
        if todo:
            say(f"Fetching {len(todo)} {stage}")
            fetched.update(fetcher.fetch_all(todo))

    # Batch 1: links, templates, listing pages (and robots.txt, where sitemaps are announced).
    for st in states.values():
        st.urls = _first_urls(st, article, registry)
    fetch([u for st in states.values() for u in st.urls], "source pages")
    _absorb(states, fetched)

    # Batch 2: sitemaps of sources whose claims still lack strong evidence.
    pending = [st for st in states.values() if st.resolvable and _lacking(st)]
    maps: dict[str, list[str]] = {}
    robots = {st.name: resolve.robots_url(src) for st in pending if (src := registry.get(st.name))}
    fetch([u for u in robots.values() if u], "robots.txt files")
    for st in pending:
        src = registry.get(st.name)
        if src is None:
            continue
        robots_doc = fetched.get(robots.get(st.name) or "")
        text = robots_doc.text if isinstance(robots_doc, Document) else None
        maps[st.name] = resolve.sitemap_locations(src, text)
    fetch([u for urls in maps.values() for u in urls], "sitemaps")
    # A sitemap index lists further sitemaps: follow the few whose names best match the claims.
    nested: dict[str, list[str]] = {}
    for st in pending:
        for loc in maps.get(st.name, []):
            doc = fetched.get(loc)
            if isinstance(doc, Document) and doc.text:
                nested.setdefault(st.name, []).extend(resolve.sitemap_entries(doc.text)[1])
        nested[st.name] = resolve.rank_urls(nested.get(st.name, []), st.claims, limit=3)
    fetch([u for urls in nested.values() for u in urls], "nested sitemaps")
    for st in pending:
        pages: list[str] = []
        for loc in maps.get(st.name, []) + nested.get(st.name, []):
            doc = fetched.get(loc)
            if isinstance(doc, Document) and doc.text:
                pages += resolve.sitemap_entries(doc.text)[0]
        st.urls += resolve.rank_urls(pages, st.claims)
    fetch([u for st in pending for u in st.urls], "pages from sitemaps")
    _absorb(states, fetched)

    # Batch 3: one hop through the links of the pages read (a summary page and its PDF report).
    pending = [st for st in states.values() if st.resolvable and _lacking(st)]
    for st in pending:
        for url, doc in list(st.docs.items()):
            if doc.kind == "html" and doc.text:
                st.urls += resolve.hop_links(doc.text, doc.final_url or url, st.claims)
    fetch([u for st in pending for u in st.urls], "linked reports")
    _absorb(states, fetched)

    say("Comparing claims with the evidence")
    reviewed = [replace(claim, review=_review(claim, states)) for claim in claims]
    return Verification(reviewed, _documents(fetched, states))


def _states(claims: list[Claim], article: Article, registry: Registry) -> dict[str, SourceState]:
    states: dict[str, SourceState] = {}
    for claim in claims:
        for name in claim.sources:
            states.setdefault(name, SourceState(name, [])).claims.append(claim)
    for st in states.values():
        links = [
            c for claim in st.claims for c in resolve.linked_candidates(claim, article, st.name, registry)
        ]
        st.resolvable = registry.get(st.name) is not None or bool(links)
    return states


def _first_urls(st: SourceState, article: Article, registry: Registry) -> list[str]:
    urls: list[str] = []
    source = registry.get(st.name)
    for claim in st.claims:
        urls += [c.url for c in resolve.linked_candidates(claim, article, st.name, registry)]
        if source is not None:
            urls += [c.url for c in resolve.registry_candidates(claim, source)]
    return list(dict.fromkeys(urls))


def _absorb(states: dict[str, SourceState], fetched: dict[str, Document | FetchError]) -> None:
    """Read every newly fetched document of each source into facts, looking out for the subjects of the
    claims that cite it (and only those: a provider column is not a model when no claim names it)."""
    for st in states.values():
        subjects = [p for c in st.claims for p in resolve.subject_parts(c.subject)]
        for url in st.urls:
            result = fetched.get(url)
            if isinstance(result, FetchError):
                st.errors[url] = result
            elif isinstance(result, Document) and url not in st.docs:
                st.docs[url] = result
                if result.kind in ("html", "pdf", "json", "text", "xml") and result.status < 400:
                    source_text = read_document(
                        result.body, result.content_type, result.final_url or url, result.text
                    )
                    st.facts += [(f, result.info) for f in extract_facts(source_text, subjects)]


def _lacking(st: SourceState) -> bool:
    """Whether some claim citing this source has no strong evidence from it yet."""
    facts = [f for f, _ in st.facts]
    for claim in st.claims:
        targets = _targets(claim)
        if not all(any(s >= THRESHOLD for _f, s in find_evidence(t, facts)) for t in targets):
            return True
    return False


def _targets(claim: Claim) -> list[Claim]:
    """What evidence a claim needs: itself, or each side of a comparison."""
    parts = resolve.subject_parts(claim.subject)
    if claim.kind in ("ratio", "difference", "equality") and len(parts) == 2:
        return [_side(claim, p, _side_units(claim)[0]) for p in parts]
    return [claim]


def _side(claim: Claim, subject: str, unit: str | None = None) -> Claim:
    """One side of a comparison as a claim of its own: the same metric, about one subject (in ``unit``
    when given: a gap in points is between two percentages or two scores)."""
    metric = _base_metric(claim)
    if claim.kind in ("ratio", "equality") and metric and _is_price(metric):
        unit = "USD per 1M tokens"
    unit = unit if unit is not None else claim.quantity.unit
    if metric and _is_price(metric):
        metric = "price"  # the unit says what is priced; "API pricing" vs "Input ($/1M tokens)" is noise
    return _probe(claim, Quantity(text="", start=0, end=0, unit=unit), subject, metric)


def _probe(
    claim: Claim, quantity: Quantity, subject: str | None, metric: str | None, kind: str = "measurement"
) -> Claim:
    """A claim to look evidence up with: the quote of ``claim``, another figure, subject or metric."""
    return Claim(
        id=claim.id,
        quote=claim.quote,
        start=claim.start,
        end=claim.end,
        quantity=quantity,
        subject=subject,
        metric=metric,
        kind=kind,
    )


def _side_units(claim: Claim) -> list[str | None]:
    """The units each side of a comparison may be stated in."""
    if claim.kind == "difference" and claim.quantity.unit in ("points", "percentage points"):
        return ["%", "points"]
    if claim.kind in ("ratio", "equality"):
        return ["%", ""]  # a ratio of two percentages, or of two scores or amounts
    return [None]


def _base_metric(claim: Claim) -> str | None:
    """ "MRCR v2 score ratio" -> "MRCR v2 score": what the two sides of a comparison are measured on."""
    metric = claim.metric or ""
    topic = re.search(r"\s+\([a-z]+\)$", metric)  # "share difference (phone)": the topic stays
    core = metric[: topic.start()] if topic else metric
    core = core.removesuffix(" ratio").removesuffix(" difference").strip()
    return (core + (topic.group(0) if topic else "")).strip() or None


def _is_price(metric: str) -> bool:
    return any(w in metric.lower() for w in ("price", "pricing", "cost", "rate"))


def _review(claim: Claim, states: dict[str, SourceState]) -> Review:
    if not claim.sources:
        return unsourced()
    cited = [states[name] for name in claim.sources if name in states]
    if not any(st.resolvable for st in cited):
        names = ", ".join(claim.sources)
        return unverified(
            "source not resolvable",
            f"{names} is not in the source registry and the article links no page of it.",
        )
    review = _judge(claim, cited)
    if review is not None:
        return review
    return _why_unverified(claim, cited)


def _judge(claim: Claim, cited: list[SourceState]) -> Review | None:
    parts = resolve.subject_parts(claim.subject)
    if (
        claim.kind in ("ratio", "difference", "equality")
        and len(parts) == 2
        and claim.quantity.value is not None
    ):
        operation = "difference" if claim.kind == "difference" else "ratio"
        sides: list[list[Found]] = [[], []]
        stated: list[Found] = []
        for st in cited:
            facts = [f for f, _ in st.facts]
            info = {id(f): i for f, i in st.facts}
            for i, part in enumerate(parts):
                for unit in _side_units(claim):
                    # each side like for like: another period's or another variant's figure is no side
                    sides[i] += [
                        Found(st.name, c.fact, c.score, info[id(c.fact)], c.like, c.why)
                        for c in candidates(_side(claim, part, unit), facts)
                        if c.like != "context"
                    ]
            base = _base_metric(claim)
            ratio_claim = _probe(
                claim,
                replace(claim.quantity, unit="x" if operation == "ratio" else claim.quantity.unit),
                parts[0],
                "price" if base and _is_price(base) else claim.metric,
                claim.kind,
            )
            stated += [
                Found(st.name, f, s, info[id(f)])
                for f, s in find_evidence(ratio_claim, facts)
                if f.quantity.unit == ratio_claim.quantity.unit
            ]
        return judge_comparison(claim, sides, stated, operation)
    sources = [(st.name, [f for f, _ in st.facts], {id(f): i for f, i in st.facts}) for st in cited]
    if claim.quantity.unit == "percentage points" and len(parts) == 1 and claim.quantity.value is not None:
        change = change_over_time(claim, sources, relative=False)
        if change is not None:
            return change
    found: list[Found] = []
    for st in cited:
        facts = [f for f, _ in st.facts]
        info = {id(f): i for f, i in st.facts}
        found += [
            Found(st.name, c.fact, c.score, info[id(c.fact)], c.like, c.why) for c in candidates(claim, facts)
        ]
    direct = judge_direct(claim, found)
    if (direct is None or direct.verdict == "unverified") and _is_relative_change(claim, parts):
        # "net income rose 12% from a year earlier", where the source gives the two years' figures
        return change_over_time(claim, sources, relative=True) or direct
    return direct


def _is_relative_change(claim: Claim, parts: list[str]) -> bool:
    return (
        claim.quantity.unit == "%"
        and claim.quantity.value is not None
        and len(parts) <= 1
        and (claim.quantity.direction is not None or names_a_change(claim.metric))
    )


def _why_unverified(claim: Claim, cited: list[SourceState]) -> Review:
    names = ", ".join(st.name for st in cited)
    read = [st for st in cited if st.docs]
    if read:
        pages = sum(len(st.docs) for st in read)
        return unverified(
            "not found",
            f"{names}: {pages} page(s) read, none states this figure for {claim.subject or 'this subject'}.",
        )
    errors = [e for st in cited for e in st.errors.values()]
    if errors and all(e.reason == "disallowed" for e in errors):
        return unverified("disallowed", f"{names} disallows fetching its pages (robots.txt).")
    if errors:
        return unverified("unreachable", f"{names} could not be fetched: {errors[0]}.")
    return unverified("source not resolvable", f"No page of {names} could be found for this claim.")


def _documents(
    fetched: dict[str, Document | FetchError], states: dict[str, SourceState]
) -> list[tuple[str, FetchInfo]]:
    """Every document requested, failures included (status 0 when no answer came), labelled with the
    source it was fetched for."""
    owner = {url: st.name for st in states.values() for url in st.urls}
    out = []
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for url, result in fetched.items():
        label = owner.get(url, url)
        if isinstance(result, Document):
            out.append((label, result.info))
        else:
            status = getattr(result, "status", 0)
            out.append(
                (
                    label,
                    FetchInfo(
                        url=url,
                        final_url=url,
                        status=status,
                        content_type="",
                        fetched_at=now,
                        sha256="",
                        archive=None,
                        error=f"{result.reason}: {result.message}",
                    ),
                )
            )
    return out
