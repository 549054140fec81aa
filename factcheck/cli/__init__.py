"""The ``factcheck`` command line: a click group over the Python API, one module per command group."""

from factcheck.cli import claims, extract, ingest, query, site, sources
from factcheck.cli.commands import main

__all__ = ["claims", "extract", "ingest", "main", "query", "site", "sources"]
