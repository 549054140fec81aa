"""factcheck: quantitative claims in articles, their cited sources, and an RDF knowledge graph."""

from factcheck.version import __version__ as __version__

_API = ("extract", "quantities", "ingest", "list_claims", "query", "parse_article")


def __getattr__(name: str):  # the API is imported on first use, so `factcheck --help` stays fast
    if name in _API:
        from factcheck import api

        return getattr(api, name)
    raise AttributeError(f"module 'factcheck' has no attribute {name!r}")
