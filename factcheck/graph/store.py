"""Where the knowledge graph lives: one small interface, an embedded store and a remote one.

Every article is kept in its own named graph, so re-ingesting an article replaces exactly its
triples. ``replace_graph`` sends one SPARQL update ``DROP SILENT GRAPH <g> ; INSERT DATA {...}``:
Oxigraph (embedded through pyoxigraph's ``Store.update`` or as a server) runs a whole update
request in a single transaction, so a reader sees the old graph or the new one, never half of it.
The same request works against any SPARQL 1.1 server that treats an update request as one
transaction (Fuseki, GraphDB), which is how many ingest workers can share one graph.

``OxigraphStore`` is the default: an rdflib ``Dataset`` on oxrdflib's Oxigraph store, persisted in
a directory that only one process can open at a time. ``SparqlStore`` speaks the SPARQL 1.1
Protocol over HTTP. ``open_store`` picks one from a location (path or URL).
"""

from __future__ import annotations

import io
import os
from abc import ABC, abstractmethod
from collections.abc import Callable, Mapping
from pathlib import Path
from types import TracebackType
from typing import Any, Self

import httpx
import pyoxigraph
import rdflib
from oxrdflib import OxigraphStore as _OxrdflibStore
from rdflib.query import Result
from rdflib.term import Literal, URIRef, Variable

from factcheck.graph.folder import FolderError, ReadLock, check_folder, held_elsewhere, wait_for
from factcheck.graph.sparql import XSD_STRING, replace_graph_update, sparql_term, with_bindings
from factcheck.web.network import DeadlineTransport, deadline

#: Export formats: both keep the named graphs.
EXPORT_FORMATS = {"nquads": pyoxigraph.RdfFormat.N_QUADS, "trig": pyoxigraph.RdfFormat.TRIG}


class StoreError(Exception):
    """The store cannot be opened, reached or asked; the message is one line meant for the user."""


def _plain(term: Any) -> Any:
    """``"x"^^xsd:string`` (as oxrdflib returns strings) as the plain ``"x"`` a remote store returns.

    RDF 1.1 makes them the same literal, but rdflib compares them as different (SHACL ``sh:in``,
    ``==`` with ``Literal("x")``), so both stores hand out the plain form.
    """
    if isinstance(term, Literal) and term.datatype is not None and str(term.datatype) == XSD_STRING:
        return Literal(str(term))
    return term


def _one_line(text: str, limit: int = 300) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


# -- the interface ----------------------------------------------------------------------------------


class Store(ABC):
    """A dataset of named graphs that can be replaced whole and asked in SPARQL."""

    location: str

    @abstractmethod
    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update request, as one transaction."""

    @abstractmethod
    def query(self, sparql: str, bindings: Mapping[str, object] | None = None) -> Result:
        """Run a SPARQL query (SELECT, ASK or CONSTRUCT); the default graph is the union of all graphs."""

    @abstractmethod
    def graph_names(self) -> list[str]:
        """The IRIs of the named graphs that hold triples, sorted."""

    @abstractmethod
    def export(self, fmt: str = "nquads") -> bytes:
        """Every named graph serialised as ``nquads`` or ``trig``."""

    @abstractmethod
    def close(self) -> None:
        """Release the store (the lock on disk, the HTTP connections)."""

    def replace_graph(self, name: str, graph: rdflib.Graph) -> None:
        """Make named graph ``name`` hold exactly the triples of ``graph``, atomically."""
        self.update(replace_graph_update(name, graph))

    def drop_graph(self, name: str) -> None:
        """Remove named graph ``name`` if it exists."""
        self.update(f"DROP SILENT GRAPH {sparql_term(URIRef(name))}")

    def graph(self, name: str) -> rdflib.Graph:
        """A copy of named graph ``name`` in memory (empty if there is no such graph)."""
        iri = sparql_term(URIRef(name))
        result = self.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri} {{ ?s ?p ?o }} }}")
        graph = rdflib.Graph(identifier=URIRef(name))
        if result.graph is not None:
            graph += result.graph
        return graph

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


# -- embedded Oxigraph ------------------------------------------------------------------------------


class OxigraphStore(Store):
    """An rdflib ``Dataset`` on oxrdflib's Oxigraph store, kept in directory ``path``.

    ``path=None`` gives a throw-away store in memory. Only one process can hold an on-disk store
    open; a second one gets a ``StoreError`` (share a store between processes with a server and
    ``SparqlStore``).
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, read_only: bool = False) -> None:
        self.location = str(path) if path is not None else ":memory:"
        self.read_only = read_only and path is not None
        self._key = str(Path(path).resolve()) if path is not None else None
        self._read_lock: ReadLock | None = None
        try:
            if path is not None and check_folder(Path(path)) is False and read_only:
                raise StoreError(f"no graph store at {path}; ingest an article first (factcheck ingest URL)")
            ox = self._open(path)
        except FolderError as exc:
            raise StoreError(str(exc)) from None
        except OSError as exc:
            self._release()
            raise StoreError(_open_error(self.location, exc)) from None
        self._ox: pyoxigraph.Store | None = ox
        # The oxrdflib plugin wraps the pyoxigraph store opened above, so that updates and dumps go
        # to pyoxigraph directly while queries return ordinary rdflib results.
        self._dataset: rdflib.Dataset | None = rdflib.Dataset(
            store=_OxrdflibStore(store=ox), default_union=True
        )

    def _open(self, path: str | os.PathLike[str] | None) -> pyoxigraph.Store:
        if path is None:
            return pyoxigraph.Store()
        key = self._key or ""
        if not self.read_only:
            if _OPEN_READERS.get(key):
                raise StoreError(f"graph store {path} is open for reading in this process; close it first")
            if key not in _OPEN_WRITERS and held_elsewhere(Path(path)):
                raise OSError("lock held by another process")
            store = pyoxigraph.Store(str(path))
            _OPEN_WRITERS.add(key)
            return store
        if key not in _OPEN_WRITERS:  # this process's own writer needs no lock against itself
            lock = ReadLock(Path(path))
            if not lock.try_acquire():
                raise OSError("lock held by a writer")
            self._read_lock = lock
        _OPEN_READERS[key] = _OPEN_READERS.get(key, 0) + 1
        return pyoxigraph.Store.read_only(str(path))

    def _release(self) -> None:
        key = self._key or ""
        if self.read_only and _OPEN_READERS.get(key):
            _OPEN_READERS[key] -= 1
        elif not self.read_only:
            _OPEN_WRITERS.discard(key)
        if self._read_lock is not None:
            self._read_lock.release()
            self._read_lock = None

    @property
    def dataset(self) -> rdflib.Dataset:
        """The rdflib view of the store (default graph = union of all graphs)."""
        if self._dataset is None:
            raise StoreError(f"graph store {self.location} is closed")
        return self._dataset

    def _open_ox(self) -> pyoxigraph.Store:
        if self._ox is None:
            raise StoreError(f"graph store {self.location} is closed")
        return self._ox

    def update(self, sparql: str) -> None:
        if self.read_only:
            raise StoreError(f"graph store {self.location} is open read-only")
        try:
            self._open_ox().update(sparql)  # pyoxigraph runs a whole update request in one transaction
        except SyntaxError as exc:
            raise StoreError(f"invalid SPARQL update: {_one_line(str(exc))}") from None
        except OSError as exc:
            raise StoreError(f"cannot write to graph store {self.location}: {_one_line(str(exc))}") from None

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None) -> Result:
        try:
            result = self.dataset.query(with_bindings(sparql, bindings))
            # Reading all solutions now makes errors surface here and lets results outlive the store.
            if result.type == "SELECT":
                result.bindings = [
                    {var: _plain(term) for var, term in row.items()} for row in result.bindings
                ]
            elif result.type == "CONSTRUCT" and result.graph is not None:
                graph = rdflib.Graph()
                graph += ((s, p, _plain(o)) for s, p, o in result.graph)
                result.graph = graph
        except SyntaxError as exc:
            raise StoreError(f"invalid SPARQL query: {_one_line(str(exc))}") from None
        except OSError as exc:
            raise StoreError(f"cannot read graph store {self.location}: {_one_line(str(exc))}") from None
        return result

    def graph_names(self) -> list[str]:
        ox = self._open_ox()
        # An emptied graph can stay listed by Oxigraph; count only graphs with triples, like SparqlStore.
        return sorted(
            g.value
            for g in ox.named_graphs()
            if isinstance(g, pyoxigraph.NamedNode)
            and next(iter(ox.quads_for_pattern(None, None, None, g)), None) is not None
        )

    def export(self, fmt: str = "nquads") -> bytes:
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        return self._open_ox().dump(format=EXPORT_FORMATS[fmt]) or b""

    def close(self) -> None:
        if self._dataset is not None and self._ox is not None:
            if not self.read_only:
                self._ox.flush()
            self._dataset.close()
        # Dropping the last references closes RocksDB and releases the directory lock.
        self._dataset = None
        self._ox = None
        self._release()


#: Stores this process has open, by resolved folder: POSIX locks belong to a process, so a reader's
#: lock must not be taken (or released) on a folder this process writes.
_OPEN_WRITERS: set[str] = set()
_OPEN_READERS: dict[str, int] = {}


def _open_error(location: str, exc: OSError) -> str:
    message = str(exc)
    if "lock" in message.lower():
        return f"graph store {location} is locked by another process (to share it, serve it over SPARQL)"
    return f"cannot open graph store {location}: {_one_line(message)}"


# -- remote SPARQL 1.1 Protocol ---------------------------------------------------------------------

_ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9, text/turtle;q=0.8"


class SparqlStore(Store):
    """A dataset behind a SPARQL 1.1 Protocol query endpoint and update endpoint.

    ``union_default_graph`` adds Oxigraph server's ``union-default-graph`` parameter so that the
    default graph is the union of all graphs, as with ``OxigraphStore``; other servers need their
    own setting for that (the project's saved queries name graphs with ``GRAPH ?g`` and do not need it).
    """

    def __init__(
        self,
        query_endpoint: str,
        update_endpoint: str | None = None,
        *,
        timeout: float = 60.0,
        union_default_graph: bool = True,
        client: httpx.Client | None = None,
    ) -> None:
        self.location = query_endpoint
        self.query_endpoint = query_endpoint
        self.update_endpoint = update_endpoint or query_endpoint
        self._params = {"union-default-graph": ""} if union_default_graph else {}
        self.timeout = timeout  # seconds for a whole call: request, answer headers and body
        self._client = client or httpx.Client(timeout=timeout, transport=DeadlineTransport())

    @classmethod
    def from_url(cls, url: str, **kwargs: Any) -> SparqlStore:
        """A store from one URL: an Oxigraph/Fuseki-style ``.../query`` endpoint or the server's base URL
        (the update endpoint is the sibling ``.../update``), or a GraphDB repository
        ``.../repositories/NAME`` (its update endpoint is ``.../repositories/NAME/statements``).
        """
        base = url.rstrip("/")
        if "/repositories/" in base:
            repository = base.removesuffix("/statements")
            return cls(repository, repository + "/statements", **kwargs)
        if base.endswith("/query"):
            base = base[: -len("/query")]
        return cls(base + "/query", base + "/update", **kwargs)

    def _post(self, url: str, content_type: str, body: str, params: Mapping[str, str]) -> httpx.Response:
        try:
            with deadline(self.timeout):
                response = self._client.post(
                    url,
                    params=params,
                    content=body.encode("utf-8"),
                    headers={"Content-Type": f"{content_type}; charset=utf-8", "Accept": _ACCEPT},
                )
        except httpx.TimeoutException:
            raise StoreError(f"SPARQL endpoint {url} did not answer within {self.timeout:g} s") from None
        except httpx.HTTPError as exc:
            reason = _one_line(str(exc)) or type(exc).__name__
            raise StoreError(f"cannot reach SPARQL endpoint {url}: {reason}") from None
        if response.status_code >= 400:
            raise StoreError(
                f"SPARQL endpoint {url} answered {response.status_code}: {_one_line(response.text)}"
            )
        return response

    def update(self, sparql: str) -> None:
        self._post(self.update_endpoint, "application/sparql-update", sparql, {})

    def query(self, sparql: str, bindings: Mapping[str, object] | None = None) -> Result:
        response = self._post(
            self.query_endpoint, "application/sparql-query", with_bindings(sparql, bindings), self._params
        )
        content_type = response.headers.get("content-type", "").split(";")[0].strip()
        if content_type in ("application/sparql-results+json", "application/json"):
            return Result.parse(io.BytesIO(response.content), format="json")
        if content_type in ("application/n-triples", "text/turtle", "text/plain"):
            result = Result("CONSTRUCT")
            result.graph = rdflib.Graph().parse(
                data=response.content, format="nt" if content_type != "text/turtle" else "turtle"
            )
            return result
        raise StoreError(f"SPARQL endpoint {self.query_endpoint} answered with type {content_type!r}")

    def graph_names(self) -> list[str]:
        result = self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
        names = (row[Variable("g")] for row in result.bindings)
        return sorted(str(name) for name in names if isinstance(name, URIRef))

    def export(self, fmt: str = "nquads") -> bytes:
        if fmt not in EXPORT_FORMATS:
            raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")
        dataset = rdflib.Dataset()
        result = self.query("SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }")
        for row in result.bindings:
            s, p, o, g = (row[Variable(v)] for v in "spog")
            dataset.graph(g).add((s, p, o))
        return dataset.serialize(format=fmt, encoding="utf-8")

    def close(self) -> None:
        self._client.close()


# -- choosing a store -------------------------------------------------------------------------------


def default_store_location() -> str:
    """``$FACTCHECK_STORE`` if set, else ``$XDG_DATA_HOME/factcheck/store`` (``~/.local/share`` if unset)."""
    configured = os.environ.get("FACTCHECK_STORE")
    if configured:
        return configured
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return str(Path(data_home) / "factcheck" / "store")


def _sparql_timeout() -> float:
    """Seconds for one SPARQL call: ``$FACTCHECK_SPARQL_TIMEOUT``, else 60."""
    try:
        return max(0.1, float(os.environ.get("FACTCHECK_SPARQL_TIMEOUT", "60")))
    except ValueError:
        raise StoreError("FACTCHECK_SPARQL_TIMEOUT must be a number of seconds") from None


def open_store(
    location: str | None = None,
    *,
    read_only: bool = False,
    wait: float | None = None,
    progress: Callable[[str], None] | None = None,
    on_wait: Callable[[str], None] | None = None,
) -> Store:
    """Open the store at ``location``: an http(s) URL gives a ``SparqlStore``, a path an ``OxigraphStore``.

    ``read_only`` opens an on-disk store for reading: nothing is written to its folder, and a folder
    that does not exist is an error instead of a new store. A store another process is writing (or,
    for a writer, reading) is waited for, ``wait`` seconds at most (None: as long as it takes),
    telling ``progress`` (stderr by default) every few seconds, so runs side by side take turns.
    A folder that holds data but no valid ``CURRENT`` file is refused with the way to recover.
    ``on_wait`` is another name for ``progress``.
    """
    progress = progress or on_wait
    location = location or default_store_location()
    if location.startswith(("http://", "https://")):
        return SparqlStore.from_url(location, timeout=_sparql_timeout())
    path = Path(location).expanduser()
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StoreError(f"cannot create graph store {path}: {_one_line(str(exc))}") from None

    def attempt() -> OxigraphStore | None:
        try:
            return OxigraphStore(path, read_only=read_only)
        except StoreError as exc:
            if "locked by another process" in str(exc):
                return None
            raise

    what = "writing it" if read_only else "using it"
    try:
        opened = wait_for(attempt, str(path), wait, progress, what)
    except FolderError as exc:
        raise StoreError(str(exc)) from None
    assert isinstance(opened, OxigraphStore)
    return opened
