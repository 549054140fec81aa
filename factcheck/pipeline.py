"""The ingest pipeline: fetch -> article -> claims -> consistency -> verification -> graph.

Each step is a call into its own module with plain data in between; only this module and the CLI
touch the network and the store.
"""

from __future__ import annotations

import hashlib
import logging
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Graph

from factcheck.article import parse_article
from factcheck.claims.extract import extract_claims
from factcheck.models import Article, Claim
from factcheck.sources.registry import Registry
from factcheck.web import Document, Fetcher, FetchLimits, read_local

if TYPE_CHECKING:
    from spacy.language import Language

Progress = Callable[[str], None] | None


@dataclass
class IngestResult:
    """What one ingest did: the article, its claims (with verdicts when verified), and where it went."""

    article: Article
    claims: list[Claim]
    graph: str
    store: str
    documents: list = field(default_factory=list)
    warc: str | None = None  # where what was fetched live is archived


def is_url(source: str) -> bool:
    return source.startswith(("http://", "https://"))


def load_document(
    source: str, fetcher: Fetcher | None = None, *, archive: str | Path | None = None
) -> Document:
    """The raw document behind SOURCE: an http(s) URL (fetched, or replayed from ``archive``), a local
    file, or "-" for standard input."""
    if is_url(source):
        fetcher = fetcher or Fetcher(archive=archive)
        return fetcher.fetch(source)
    return read_local(source)


def load_article(
    source: str,
    *,
    archive: str | Path | None = None,
    base_url: str | None = None,
    fetcher: Fetcher | None = None,
) -> Article:
    """Fetch or read SOURCE and parse it into an Article."""
    return parse_document(source, load_document(source, fetcher, archive=archive), base_url=base_url)


def parse_document(source: str, doc: Document, *, base_url: str | None = None) -> Article:
    """The Article of a fetched or read document, with its identity and fetch provenance."""
    url = base_url or (doc.final_url if is_url(source) else None)
    # The fetch layer decoded the text with the HTTP charset; only a PDF or undecoded body is bytes.
    with _LeftOut() as left_out:
        article = parse_article(
            doc.text if doc.text is not None else doc.body, url=url, content_type=doc.content_type
        )
    identity = article.url or base_url or article.canonical_url or _local_identity(source, doc.body)
    dropped = (*article.dropped, *left_out.notes)
    return replace(article, url=identity, fetch=doc.info, dropped=dropped)


class _LeftOut(logging.Handler):
    """Collects what the article stage logs it left out (a paragraph of binary, a JSON-LD block past
    its limits, a malformed link), for the graph's provenance, and says it on stderr at once."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.notes: list[str] = []
        self._logger = logging.getLogger("factcheck.article")

    def emit(self, record: logging.LogRecord) -> None:
        note = " ".join(record.getMessage().split()).removeprefix("article: ")
        self.notes.append(note)
        print(f"Warning: {note}", file=sys.stderr, flush=True)

    def __enter__(self) -> _LeftOut:
        self._logger.addHandler(self)
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._logger.removeHandler(self)


def _local_identity(source: str, body: bytes) -> str:
    """A stable identity for an article that has no URL: its content hash."""
    return f"urn:sha256:{hashlib.sha256(body).hexdigest()}"


def default_warc(store: str | None, label: str) -> Path:
    """Where a live run archives what it fetched when no --warc is given: an ``archive`` folder next to
    the embedded store (or in the data folder for a remote store), one WARC file per run."""
    from datetime import UTC, datetime

    from factcheck.graph.store import default_store_location

    location = store or default_store_location()
    if location.startswith(("http://", "https://")):
        import os

        data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
        folder = Path(data_home) / "factcheck" / "archive"
    else:
        folder = Path(location).resolve().parent / "archive"
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    slug = re.sub(r"[^a-z0-9]+", "-", label.lower()).strip("-")[:60] or "run"
    return folder / f"{stamp}-{slug}.warc.gz"


@dataclass
class Prepared:
    """An article checked and written as its named graph, ready to be stored."""

    article: Article
    claims: list[Claim]
    documents: list
    name: str  # the IRI of its named graph
    graph: Graph


def prepare_article(
    source: str,
    *,
    fetcher: Fetcher,
    registry: Registry,
    nlp: Language | None = None,
    model: str | None = None,
    verify: bool,
    version: str,
    progress: Progress = None,
    unchanged: Callable[[str, str], bool] | None = None,
) -> Prepared | None:
    """Fetch SOURCE, extract its claims, verify them (if ``verify``) and write its graph.

    ``nlp`` is the spaCy pipeline (default: ``model``'s, loaded when first needed).
    ``unchanged(source, sha256)`` says whether the store already holds this very document, complete;
    then nothing more is done and None is returned.
    """
    from factcheck.graph import article_graph, article_graph_name
    from factcheck.nlp.loading import load

    say = progress or (lambda _msg: None)
    say(f"Fetching {source}")
    doc = load_document(source, fetcher)
    if unchanged is not None and unchanged(source, doc.info.sha256):
        return None
    article = parse_document(source, doc)
    say("Extracting claims")
    claims = extract_claims(article, nlp or load(model), registry)
    documents: list = []
    if verify:
        from factcheck.verify.run import verify_claims

        verified = verify_claims(claims, article, fetcher, registry, progress=say)
        claims, documents = verified.claims, verified.documents
    say("Writing the graph")
    graph = article_graph(article, claims, documents=documents, software_version=version)
    assert article.url is not None
    return Prepared(article, claims, documents, article_graph_name(article.url), graph)


def run_ingest(
    source: str,
    *,
    store: str | None,
    archive: str | Path | None,
    verify: bool,
    allow_private_network: bool,
    warc_out: str | Path | None,
    model: str | None,
    progress: Progress,
    version: str,
    allow_hosts: Sequence[str] = (),
    limits: FetchLimits | None = None,
) -> IngestResult:
    from factcheck.graph.store import open_store

    say = progress or (lambda _msg: None)
    if warc_out is None and archive is None and (verify or is_url(source)):
        warc_out = default_warc(store, source)  # nothing fetched live is lost
    if warc_out is not None:
        Path(warc_out).parent.mkdir(parents=True, exist_ok=True)
    with Fetcher(
        archive=archive,
        warc_out=warc_out,
        allow_private_network=allow_private_network,
        allow_hosts=allow_hosts,
        limits=limits,
    ) as fetcher:
        prepared = prepare_article(
            source,
            fetcher=fetcher,
            registry=Registry.load(),
            model=model,
            verify=verify,
            version=version,
            progress=say,
        )
    assert prepared is not None
    # The store is held only to write: fetching and NLP never wait for it, and the wait is as long
    # as another writer needs (everything fetched is kept meanwhile, and archived in the WARC).
    with open_store(store) as st:  # a wait is told on stderr, beside any progress display
        st.replace_graph(prepared.name, prepared.graph)
        location = st.location
    return IngestResult(
        article=prepared.article,
        claims=prepared.claims,
        graph=prepared.name,
        store=location,
        documents=prepared.documents,
        warc=str(warc_out) if warc_out is not None else None,
    )


def run_recheck(
    urls: list[str] | None,
    *,
    store: str | None,
    archive: str | Path | None,
    allow_private_network: bool,
    warc_out: str | Path | None,
    progress: Progress,
    version: str,
    allow_hosts: Sequence[str] = (),
    limits: FetchLimits | None = None,
) -> list[dict]:
    """Fetch the sources of stored articles again and re-judge their claims.

    Returns one row per claim whose verdict changed (article, claim id, quote, before, after,
    explanation); the stored graphs are replaced with the new verdicts. The store is read, then
    released while the sources are fetched, and held again only to write each article's graph.
    """
    from factcheck.graph import read_articles
    from factcheck.graph.store import open_store

    say = progress or (lambda _msg: None)
    registry = Registry.load()
    if warc_out is None and archive is None:
        warc_out = default_warc(store, "recheck")
    if warc_out is not None:
        Path(warc_out).parent.mkdir(parents=True, exist_ok=True)
    if not urls:
        with open_store(store, read_only=True) as st:
            urls = [a["url"] for a in read_articles(st) if a.get("url")]
    changed: list[dict] = []
    with Fetcher(
        archive=archive,
        warc_out=warc_out,
        allow_private_network=allow_private_network,
        allow_hosts=allow_hosts,
        limits=limits,
    ) as fetcher:
        for url in urls:
            say(f"Rechecking {url}")
            changed += _recheck_article(store, url, fetcher, registry, say, version)
    return changed


def _recheck_article(
    store: str | None,
    url: str,
    fetcher: Fetcher,
    registry: Registry,
    say: Callable[[str], None],
    version: str,
) -> list[dict]:
    from factcheck.graph import article_graph, article_graph_name, read_article
    from factcheck.graph.store import open_store
    from factcheck.verify.run import verify_claims

    with open_store(store, read_only=True) as st:
        stored = read_article(st, url)
    if stored is None:
        raise LookupError(f"no article {url} in the graph store (ingest it first)")
    article, claims = stored
    before = {c.id: c.review.verdict if c.review else None for c in claims}
    verified = verify_claims(claims, article, fetcher, registry, progress=say)
    claims = verified.claims
    graph = article_graph(article, claims, documents=verified.documents, software_version=version)
    with open_store(store) as st:
        st.replace_graph(article_graph_name(url), graph)
    changed = []
    for claim in claims:
        after = claim.review.verdict if claim.review else None
        if before.get(claim.id) != after:
            changed.append(
                {
                    "article": url,
                    "id": claim.id,
                    "quote": claim.quote,
                    "before": before.get(claim.id),
                    "after": after,
                    "explanation": claim.review.explanation if claim.review else "",
                }
            )
    return changed
