"""From an article's text to its quantitative claims: spans, subject, metric, sources, mentions."""

from factcheck.claims.extract import extract_claims

__all__ = ["extract_claims"]
