"""Claim extraction: from an article's text to its quantitative claims, with sources and mentions.

The article's paragraphs go through the spaCy pipeline in one batch (``nlp.pipe``); its components mark
which quantities state claims and find the attribution cues (:mod:`factcheck.nlp`). Then, in plain code:
the scope model gives each figure its sources (:mod:`factcheck.claims.scope`), each figure gets a
subject, a metric and a kind (:mod:`factcheck.claims.candidates`), restatements of one figure become one
claim with several mentions (:mod:`factcheck.claims.merge`), and figures the article derives from its
own are checked against them (:mod:`factcheck.claims.consistency`).
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from factcheck.claims.candidates import build, locate
from factcheck.claims.consistency import check_consistency, check_elapsed_years
from factcheck.claims.merge import merge_candidates
from factcheck.claims.scope import SCOPES, assign_sources
from factcheck.metric_words import topics
from factcheck.models import Article, Claim
from factcheck.nlp.names_ruler import use_registry
from factcheck.nlp.segment import pieces
from factcheck.sources.registry import Registry

SCOPE_ENV = "FACTCHECK_ATTRIBUTION_SCOPE"
_LIMIT = 100_000  # characters per Doc: longer paragraphs are read in pieces


def default_scope() -> str:
    """The attribution scope: ``article`` (a report's lead attribution carries over, the default) or
    ``paragraph`` (only cues of a claim's own sentence and paragraph), from the environment."""
    scope = os.environ.get(SCOPE_ENV, "article")
    if scope not in SCOPES:
        raise ValueError(f"{SCOPE_ENV} must be one of {', '.join(SCOPES)}, not {scope!r}")
    return scope


def extract_claims(
    article: Article, nlp: Language, registry: Registry | None = None, *, scope: str | None = None
) -> list[Claim]:
    """Every quantitative claim of ``article``, in article order."""
    return next(extract_many([article], nlp, registry, scope=scope))


def extract_many(
    articles: Iterable[Article],
    nlp: Language,
    registry: Registry | None = None,
    *,
    scope: str | None = None,
    batch_size: int | None = None,
) -> Iterator[list[Claim]]:
    """The claims of each article, in order; the paragraphs of all articles go through ``nlp.pipe``
    together, in batches."""
    registry = registry or Registry.load()
    scope = scope or default_scope()
    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {', '.join(SCOPES)}")
    use_registry(nlp, registry)
    articles = list(articles)
    prepared = [(article, _paragraphs(article, nlp)) for article in articles]
    docs = nlp.pipe(
        (doc for _a, (_spans, paragraph_docs) in prepared for doc in paragraph_docs), batch_size=batch_size
    )
    for article, (spans, paragraph_docs) in prepared:
        parsed = [next(docs) for _ in paragraph_docs]
        yield _claims_of(article, parsed, [s for s, _e in spans], registry, scope)


def _paragraphs(article: Article, nlp: Language) -> tuple[list[tuple[int, int]], list[Doc]]:
    """The article's paragraphs (long ones in pieces) as unparsed Docs, with the links standing in each."""
    limit = min(nlp.max_length, _LIMIT)
    spans: list[tuple[int, int]] = []
    for start, end in article.paragraphs or paragraph_spans(article.text):
        spans.extend((start + a, start + b) for a, b in pieces(article.text[start:end], limit))
    docs = []
    for start, end in spans:
        doc = nlp.make_doc(article.text[start:end])
        doc._.links = [
            (link.start - start, link.end - start, link.href)
            for link in article.links
            if start <= link.start < end and link.end > link.start
        ]
        docs.append(doc)
    return spans, docs


def _claims_of(
    article: Article, docs: list[Doc], offsets: list[int], registry: Registry, scope: str
) -> list[Claim]:
    located = locate(docs)
    assign_sources([loc.figure for loc in located], docs, registry, article_url=article.url, scope=scope)
    candidates = build(located, docs, offsets, registry)
    claims = merge_candidates(candidates, article.url or "")
    claims = check_consistency(claims)
    published = re.match(r"\d{4}", article.published or "")
    claims = check_elapsed_years(claims, article.text, int(published.group(0)) if published else None)
    spans = list(zip(offsets, [o + len(d.text) for o, d in zip(offsets, docs, strict=True)], strict=True))
    return _add_topic(claims, article, spans)


def _add_topic(claims: list[Claim], article: Article, spans: list[tuple[int, int]]) -> list[Claim]:
    """A market share or a price that names no product category takes the one its paragraph (or else
    the headline) is about: "14% of the market" in a piece on phone shipments is a phone market share."""
    out = []
    of_paragraph: dict[int, set[str]] = {}
    title = topics(article.title)
    starts = [s for s, _e in spans]
    for claim in claims:
        if not topics(f"{claim.metric or ''} {claim.subject or ''} {claim.quote}") and claim.metric:
            k = bisect_right(starts, claim.start) - 1
            if k not in of_paragraph:
                of_paragraph[k] = topics(article.text[spans[k][0] : spans[k][1]]) if k >= 0 else set()
            found = set(of_paragraph[k] or title)
            if len(found) == 1:
                claim = replace(claim, metric=f"{claim.metric} ({found.pop()})")
        out.append(claim)
    return out


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Paragraphs of plain text: runs of non-empty lines."""
    spans = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        if m.group(0).strip():
            spans.append((m.start(), m.end()))
    return spans
