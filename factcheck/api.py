"""The Python API: the same operations as the command line, returning objects instead of printing.

>>> import factcheck
>>> claims = factcheck.extract("<p>GPT-5.5 hit 82.7% on Terminal-Bench 2.0, according to OpenAI.</p>")
>>> claims[0].quantity.value, claims[0].sources
(82.7, ('OpenAI',))
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from factcheck.article import parse_article
from factcheck.claims.extract import extract_claims
from factcheck.models import Article, Claim, Quantity
from factcheck.pipeline import IngestResult, run_ingest
from factcheck.quantities.finder import find_quantities
from factcheck.sources.registry import Registry
from factcheck.version import __version__
from factcheck.web.limits import FetchLimits

if TYPE_CHECKING:
    from rdflib.query import Result

    from factcheck.batch import BatchReport
    from factcheck.graph.store import Store

__all__ = [
    "IngestResult",
    "extract",
    "ingest",
    "ingest_many",
    "list_claims",
    "parse_article",
    "quantities",
    "query",
]


def extract(
    text_or_html: str | bytes | Article,
    *,
    url: str | None = None,
    model: str | None = None,
    registry: Registry | None = None,
    scope: str | None = None,
) -> list[Claim]:
    """The quantitative claims of an article given as HTML, plain text or a parsed Article. ``scope`` is how
    far an attribution reaches: ``"article"`` (a report's lead attribution carries over; the default, or
    ``FACTCHECK_ATTRIBUTION_SCOPE``) or ``"paragraph"`` (only a claim's own sentence and paragraph)."""
    from factcheck.nlp.loading import load

    article = text_or_html if isinstance(text_or_html, Article) else parse_article(text_or_html, url)
    return extract_claims(article, load(model), registry or Registry.load(), scope=scope)


def quantities(text: str, *, include_dates: bool = False) -> list[Quantity]:
    """Every quantity stated in ``text`` (dates only when asked for)."""
    return find_quantities(text, include_dates=include_dates)


def ingest(
    source: str,
    *,
    store: str | None = None,
    archive: str | Path | None = None,
    verify: bool = True,
    allow_private_network: bool = False,
    allow_hosts: Sequence[str] = (),
    limits: FetchLimits | None = None,
    warc_out: str | Path | None = None,
    model: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> IngestResult:
    """Fetch ``source`` (URL, local file or "-"), extract its claims, verify them against the sources
    it cites (unless ``verify`` is false), and replace the article's named graph in the store.

    Only public addresses are fetched, loopback too with ``allow_private_network``, and the hosts in
    ``allow_hosts`` whatever private address they have (never link-local or metadata addresses).
    ``limits`` sets the fetch limits (per-response timeout, deadline of the run, sizes)."""
    return run_ingest(
        source,
        store=store,
        archive=archive,
        verify=verify,
        allow_private_network=allow_private_network,
        allow_hosts=allow_hosts,
        limits=limits,
        warc_out=warc_out,
        model=model,
        progress=progress,
        version=__version__,
    )


def list_claims(store: str | Store | None = None, article: str | None = None) -> list[Claim]:
    """The claims stored in the graph (of one article, or all), read back from the graph.

    ``store`` is a location (folder or SPARQL endpoint URL; default: the default store) or an open Store.
    """
    from factcheck.graph import Store, open_store, read_claims

    if isinstance(store, Store):
        return read_claims(store, article)
    with open_store(store, read_only=True) as st:
        return read_claims(st, article)


def query(sparql: str, store: str | Store | None = None, params: Mapping[str, str] | None = None) -> Result:
    """Run a SPARQL query (text, .rq file or saved query name) with a saved query's parameters
    (``{"subject": "GPT-5.5"}``, bound as RDF terms); returns rdflib's result."""
    from factcheck.graph import Store, open_store
    from factcheck.graph.queries import prepare_query

    text, bindings = prepare_query(sparql, params)
    if isinstance(store, Store):
        return store.query(text, bindings)
    with open_store(store, read_only=True) as st:
        return st.query(text, bindings)


def ingest_many(
    sources: Sequence[str],
    *,
    store: str | None = None,
    workers: int = 1,
    resume: bool = False,
    archive: str | Path | None = None,
    verify: bool = True,
    allow_private_network: bool = False,
    allow_hosts: Sequence[str] = (),
    limits: FetchLimits | None = None,
    warc_out: str | Path | None = None,
    model: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> BatchReport:
    """Ingest many sources with ``workers`` processes into one store (a SPARQL server lets each worker
    write its own articles); ``resume`` skips the sources stored unchanged already."""
    from factcheck.batch import run_batch

    return run_batch(
        sources,
        store=store,
        workers=workers,
        resume=resume,
        archive=archive,
        verify=verify,
        allow_private_network=allow_private_network,
        allow_hosts=allow_hosts,
        limits=limits,
        warc_out=warc_out,
        model=model,
        version=__version__,
        progress=progress,
    )
