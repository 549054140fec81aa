"""The registry of known sources and the resolution of a cited name to the pages that may hold evidence."""

from factcheck.sources.registry import Registry, Source

__all__ = ["Registry", "Source"]
