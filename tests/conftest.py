"""Fixtures shared by several test modules."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def demo_urls() -> list[str]:
    lines = (EXAMPLES / "articles.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


@pytest.fixture(scope="session")
def demo_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An embedded store holding the two demo articles, checked against their bundled sources.
    Shared: tests that write to it work on a copy."""
    from factcheck.api import ingest

    store = tmp_path_factory.mktemp("demo-store") / "store"
    for url in demo_urls():
        ingest(url, store=str(store), archive=str(EXAMPLES / "web"))
    return store
