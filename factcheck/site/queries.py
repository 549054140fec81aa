"""The saved queries as pages: each run on the graph when the site is built, its results kept in the
page, its text and parameters ready to edit and run again against a SPARQL endpoint (site.js)."""

from __future__ import annotations

from dataclasses import dataclass, field

from factcheck.graph.queries import SavedQuery, saved_queries
from factcheck.graph.sparql import with_prefixes
from factcheck.graph.store import Store, StoreError
from factcheck.site.format import file_key


@dataclass
class QueryPage:
    saved: SavedQuery
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    error: str | None = None

    @property
    def key(self) -> str:
        return file_key(self.saved.name.casefold())

    @property
    def path(self) -> str:
        return f"queries/{self.key}.html"

    @property
    def title(self) -> str:
        return self.saved.title

    @property
    def description(self) -> str:
        return self.saved.description

    @property
    def text(self) -> str:
        return self.saved.text


def query_pages(store: Store) -> list[QueryPage]:
    """Every saved query, run on ``store`` without parameters."""
    pages = [QueryPage(saved) for saved in saved_queries()]
    for page in pages:
        run_saved_query(store, page)
    return pages


def run_saved_query(store: Store, page: QueryPage) -> None:
    """Fill ``page.columns`` and ``page.rows`` (or ``page.error``) from the store."""
    try:
        result = store.query(with_prefixes(page.text))
    except (StoreError, ValueError) as exc:
        page.error = str(exc)
        return
    variables = list(result.vars or [])
    page.columns = [str(v) for v in variables]
    page.rows = [
        ["" if row.get(v) is None else str(row.get(v)) for v in variables] for row in result.bindings
    ]
