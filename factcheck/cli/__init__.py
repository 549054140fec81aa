"""The ``factcheck`` command line: a click group over the Python API."""

from factcheck.cli.commands import main

__all__ = ["main"]
