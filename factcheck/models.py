"""Small typed objects passed between the pipeline stages.

Every stage takes and returns these plain values; none of them does I/O. They are the contract
between modules: fetch -> Article -> Quantity/Claim -> SourceRef -> Evidence -> Review -> graph.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

#: Bounds a quantity can carry: exact, approximate, strict and non-strict limits, or a range.
BOUNDS = ("=", "~", ">", ">=", "<", "<=", "range")
#: Kinds of claim.
KINDS = ("measurement", "score", "rank", "price", "share", "count", "date", "difference", "ratio", "equality")
#: Verdicts a claim can get.
VERDICTS = ("supported", "contradicted", "unverified", "unsourced")


@dataclass(frozen=True)
class Quantity:
    """A number found in text, normalised.

    ``start``/``end`` are character offsets into the text it was found in, ``text`` is exactly
    ``source_text[start:end]``. A range has ``low`` and ``high`` and ``bound == "range"``; otherwise
    ``value`` is set. ``scale`` is the "out of" of a score or rank ("93/100" -> 100, "#2 of 115" -> 115).
    Dates have ``unit == "date"`` and an ISO ``date`` ("2026-04-23", "2026-04", "2026").
    """

    text: str
    start: int
    end: int
    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str = ""
    bound: str = "="
    direction: str | None = None
    scale: float | None = None
    date: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {k: v for k, v in asdict(self).items() if v is not None}
        return d


@dataclass(frozen=True)
class Link:
    """A hyperlink of an article: absolute ``href``, its anchor ``text`` and where it stands in the text."""

    href: str
    text: str
    start: int = -1
    end: int = -1


@dataclass(frozen=True)
class FetchInfo:
    """Provenance of a fetched document."""

    url: str
    final_url: str
    status: int
    content_type: str
    fetched_at: str  # ISO 8601, UTC
    sha256: str
    archive: str | None = None  # WARC file or mirror the body came from / was written to
    error: str | None = None  # why no document came of it (timed out, too large, refused, ...)


@dataclass(frozen=True)
class Article:
    """An article's main text without page chrome, with its metadata and links."""

    url: str | None
    text: str
    title: str | None = None
    author: str | None = None
    published: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    paragraphs: tuple[tuple[int, int], ...] = ()  # spans into ``text``
    links: tuple[Link, ...] = ()
    fetch: FetchInfo | None = None
    dropped: tuple[str, ...] = ()  # parts of the page left out (by a limit, or unreadable), with why


@dataclass(frozen=True)
class Mention:
    """One place where a claim is stated: the sentence or clause, exactly as in the article text."""

    quote: str
    start: int
    end: int


@dataclass(frozen=True)
class Evidence:
    """A passage of a source document that speaks to a claim."""

    source: str  # organisation name from the registry
    url: str
    quote: str  # sentence, "row | column | value" of a table cell, PDF passage
    location: str = "sentence"  # sentence, table, dl, chart, jsonld, pdf
    value: float | None = None
    unit: str | None = None
    subject: str | None = None
    metric: str | None = None
    retrieved_at: str | None = None
    sha256: str | None = None
    archive: str | None = None
    relation: str = "supports"  # supports, contradicts, context


@dataclass(frozen=True)
class Review:
    """The verdict on one claim."""

    verdict: str
    explanation: str
    confidence: float = 0.0
    reason: str | None = None  # for unverified: not resolvable, unreachable, disallowed, not found
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Consistency:
    """Whether a figure the article derives from its own figures agrees with them."""

    status: str  # consistent / inconsistent
    operation: str  # difference, ratio, share, elapsed years
    expected: float
    derived_from: tuple[str, ...] = ()  # claim ids
    explanation: str = ""


@dataclass(frozen=True)
class Claim:
    """A quantitative claim of an article, with every place it is stated and the sources cited for it.

    ``quote``/``start``/``end`` are the sentence (or clause) that states it, as offsets into the
    article text; ``quantity`` is the figure itself, its offsets also into the article text, so that
    ``article.text[claim.quantity.start:claim.quantity.end] == claim.quantity.text``. A figure the
    article only implies (an equality such as "priced the same as") has an empty ``quantity.text``.
    """

    id: str
    quote: str
    start: int
    end: int
    quantity: Quantity
    subject: str | None = None
    metric: str | None = None
    kind: str = "measurement"
    sources: tuple[str, ...] = ()
    links: tuple[str, ...] = ()  # hyperlinks the article gives for it
    mentions: tuple[Mention, ...] = ()
    review: Review | None = None
    consistency: Consistency | None = None

    def to_dict(self) -> dict[str, Any]:
        """The JSON form printed by ``factcheck extract`` / ``factcheck claims``."""
        q = self.quantity
        d: dict[str, Any] = {"id": self.id, "quote": self.quote, "start": self.start, "end": self.end}
        if q.text:
            d["figure"] = q.text
        if q.bound == "range":
            d["low"], d["high"] = q.low, q.high
        elif q.unit == "date":
            d["value"] = q.date
        else:
            d["value"] = q.value
        d.update(unit=q.unit, bound=q.bound)
        if q.direction:
            d["direction"] = q.direction
        if q.scale is not None:
            d["out_of"] = q.scale
        d.update(subject=self.subject, metric=self.metric, kind=self.kind, sources=list(self.sources))
        if self.links:
            d["links"] = list(self.links)
        d["mentions"] = [asdict(m) for m in self.mentions]
        if self.review is not None:
            d["verdict"] = self.review.verdict
            d["explanation"] = self.review.explanation
            d["confidence"] = self.review.confidence
            if self.review.reason:
                d["reason"] = self.review.reason
            d["evidence"] = [asdict(e) for e in self.review.evidence]
        if self.consistency is not None:
            d["consistency"] = asdict(self.consistency)
        return d


@dataclass(frozen=True)
class Fact:
    """One figure a source document states: about ``subject``, measuring ``metric``.

    ``quote`` is the passage as it stands in the document (a sentence, or "row | column: cell" for a
    table cell); ``location`` says where it was read (sentence, table, dl, chart, jsonld, pdf).
    ``context`` holds the heading/caption/title the passage stands under, which often names the metric.
    ``metric`` holds the words that say what is measured (row and column headers, the figure's own label,
    the clause of a sentence), without the period; ``period`` is the reporting period the figure is for, in
    normal form ("2026Q1", "FY2026Q3", "2025"; "" when none is named), ``variant`` the variant of the
    subject it is stated for ("xhigh" of "GPT-5.5 (xhigh)"; "" for none).
    """

    subject: str | None
    metric: str | None
    quantity: Quantity
    quote: str
    location: str = "sentence"
    context: str = ""
    url: str = ""
    period: str = ""
    variant: str = ""
