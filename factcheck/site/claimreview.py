"""schema.org ``ClaimReview`` as fact-check publishers and aggregators read it.

- ``claimReviewed`` is short and names the one figure reviewed: the article's sentence when it states
  only that figure, else the clause around it (cut where the clauses of the other figures begin),
  with the subject in front when the clause leaves it out;
- ``author`` and ``publisher`` are the publishing organisation (``Publisher``: from ``--publisher`` and
  ``--publisher-url`` or ``$FACTCHECK_PUBLISHER``/``$FACTCHECK_PUBLISHER_URL``);
- ``url`` is absolute when the site's public address is known (``--base-url``);
- ``itemReviewed`` is the claim with its author (the article's author, else its publication), its
  date and where it appeared;
- ``reviewRating`` gives numbers only to the verdicts that say how true a claim is (contradicted 1,
  supported 2); "unverified" and "unsourced" say it could not be checked and carry only their name.
  A claim stored without a review gets no ClaimReview at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from factcheck.graph.terms import RATING
from factcheck.site.format import VERDICT_LABELS, date_part, safe_url
from factcheck.site.loader import ClaimPage

#: The publisher a site names when none is configured: the software, so that nobody else is implied.
DEFAULT_PUBLISHER = "factcheck"
#: Where the clause of another figure begins ("... 82.7% on X, and 74.0% on Y"): punctuation, a dash, or
#: a conjunction (general English), with the punctuation before the conjunction taken together.
_CLAUSE_BREAK = re.compile(
    r"(?:[;:,]\s*|\s+[-–—]\s+|\s+)(?:and|but|while|whereas|versus|vs\.?|against|compared (?:with|to))\b\s*"
    r"|[;:,]\s*|\s+[-–—]\s+",
    re.I,
)
_LONGEST = 220


@dataclass(frozen=True)
class Publisher:
    """The organisation that publishes the fact checks."""

    name: str = DEFAULT_PUBLISHER
    url: str | None = None

    def node(self) -> dict[str, str]:
        out = {"@type": "Organization", "name": self.name}
        if safe_url(self.url):
            out["url"] = str(self.url)
        return out


def claim_reviewed(c: ClaimPage) -> str:
    """A short statement of the claim that names its one figure."""
    claim, quote = c.claim, c.claim.quote.strip()
    figure = claim.quantity
    at = figure.start - claim.start
    if not figure.text or not (0 <= at and at + len(figure.text) <= len(claim.quote)):
        return _shorten(quote)
    end = at + len(figure.text)
    # The other figures the article states in the same passage, as other claims of the article.
    others = sorted(
        (o.claim.quantity.start - claim.start, o.claim.quantity.end - claim.start)
        for o in c.article.claims
        if o is not c and o.claim.quantity.text and claim.start <= o.claim.quantity.start < claim.end
    )
    before = [(s, e) for s, e in others if e <= at]
    after = [(s, e) for s, e in others if s >= end]
    if not before and not after:
        return _shorten(quote)
    # The clause of the figure runs from the last break before it to the first break after it; a break
    # between it and another figure is preferred, so that each figure keeps a clause of its own, and
    # two figures with no break between them stay together rather than cut mid-phrase.
    quote = claim.quote
    left = 0
    if before:
        breaks = list(_CLAUSE_BREAK.finditer(quote, before[-1][1], at))
        if not breaks:
            breaks = list(_CLAUSE_BREAK.finditer(quote, 0, before[-1][0]))
        left = breaks[-1].end() if breaks else 0
    right = len(quote)
    if after:
        found = _CLAUSE_BREAK.search(quote, end, after[0][0]) or _CLAUSE_BREAK.search(quote, after[0][1])
        right = found.start() if found else len(quote)
    clause = claim.quote[left:right].strip(" ,;:–—-")
    if claim.subject and claim.subject.casefold() not in clause.casefold():
        clause = f"{claim.subject}: {clause}"
    return _shorten(clause)


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= _LONGEST:
        return text
    cut = text[: _LONGEST - 1].rsplit(" ", 1)[0]
    return cut + "…"


def claim_review(c: ClaimPage, publisher: Publisher, base_url: str | None) -> dict[str, Any] | None:
    """The ClaimReview of a reviewed claim (None for a claim stored without a review)."""
    review = c.claim.review
    if review is None or not review.verdict:
        return None
    page = c.article
    article = page.article
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if safe_url(page.url):
        appearance["url"] = page.url
    if article.title:
        appearance["headline"] = article.title
    if article.published:
        appearance["datePublished"] = article.published
    made_by: dict[str, Any] | None = None
    if article.author:
        made_by = {"@type": "Person", "name": article.author}
    elif article.site_name:
        made_by = {"@type": "Organization", "name": article.site_name}
    if made_by:
        appearance["author"] = made_by
    if article.site_name:
        appearance["publisher"] = {"@type": "Organization", "name": article.site_name}
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    if made_by:
        item["author"] = made_by
    if article.published:
        item["datePublished"] = date_part(article.published)
    verdict = review.verdict
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": VERDICT_LABELS[verdict][1]}
    if verdict in RATING:
        rating.update(
            ratingValue=RATING[verdict], bestRating=max(RATING.values()), worstRating=min(RATING.values())
        )
    if review.explanation:
        rating["ratingExplanation"] = review.explanation
    out: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        # Without a public address, the page's own file name: a relative URL resolves against the page.
        "url": (base_url.rstrip("/") + "/" + c.path) if base_url else c.path.rsplit("/", 1)[-1],
        "claimReviewed": claim_reviewed(c),
        "itemReviewed": item,
        "author": publisher.node(),
        "publisher": publisher.node(),
        "reviewRating": rating,
    }
    if review.explanation:
        out["reviewBody"] = review.explanation
    if page.ingested_at:
        out["datePublished"] = date_part(page.ingested_at)
    return out
