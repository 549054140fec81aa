"""The static site, rendered from the knowledge graph alone."""

from factcheck.site.build import build_site

__all__ = ["build_site"]
