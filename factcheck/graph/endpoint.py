"""A read-only SPARQL 1.1 Protocol endpoint over the graph store (starlette, served by uvicorn).

``/sparql`` answers queries by GET (``?query=``) and POST (a ``query=`` form or an
``application/sparql-query`` body), with ``default-graph-uri`` and ``named-graph-uri``; the
``Accept`` header (or ``format=json|xml|csv|tsv|turtle|nt|jsonld``) picks the result format. Updates
are refused with 403 (an ``update=`` form, an ``application/sparql-update`` body, or update text sent
as a query), other methods with 405.

Each query runs in a worker process of its own (``QueryRunner``) that opens the store read-only; a
query that outlives the time limit is stopped by ending its process (an answer of 503), one whose
result has more rows or triples than the size limit gets 400, and the server carries on. The
embedded store's lock is held by the serving process for as long as it serves, so that nothing
writes under the readers. As an extension, ``bind.NAME=VALUE`` fields fix ``?NAME`` (bound as an
RDF term, as a saved query's parameter when ``saved=QUERY`` names one), which is how the site's
query pages run a saved query with parameters.
"""

from __future__ import annotations

import multiprocessing
import queue
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from factcheck.graph.results import FORMAT_NAMES, Answer, answer_embedded, answer_result, parse_accept
from factcheck.graph.sparql import is_update, with_bindings, with_prefixes


@dataclass(frozen=True)
class Limits:
    """What one query may take: seconds, rows (or triples) of result, bytes of query text."""

    timeout: float = 30.0
    max_rows: int = 100_000
    max_query_bytes: int = 1_000_000
    workers: int = 2


# -- the query workers ------------------------------------------------------------------------------


def _serve_queries(conn: Connection, location: str) -> None:
    """A worker process: answer the queries sent over ``conn`` from the store at ``location``."""
    if location.startswith(("http://", "https://")):
        from factcheck.graph.store import SparqlStore, StoreError

        remote = SparqlStore.from_url(location)
        while True:
            try:
                text, accepted, max_rows, _default, _named = conn.recv()
            except EOFError:
                return
            try:
                answer = answer_result(remote.query(text), accepted, max_rows)
            except StoreError as exc:
                answer = Answer.error(502, str(exc))
            conn.send(answer)
    import pyoxigraph

    store = pyoxigraph.Store.read_only(location) if location != ":memory:" else pyoxigraph.Store()
    while True:
        try:
            text, accepted, max_rows, default, named = conn.recv()
        except EOFError:
            return
        try:
            answer = answer_embedded(store, text, accepted, max_rows, default, named)
        except SyntaxError as exc:
            message = " ".join(str(exc).split())
            if is_update(text):
                answer = Answer.error(403, "this endpoint is read-only: SPARQL updates are refused")
            else:
                answer = Answer.error(400, f"invalid SPARQL query: {message}")
        except (OSError, ValueError) as exc:
            answer = Answer.error(500, f"the query failed: {' '.join(str(exc).split())}")
        conn.send(answer)


class _Worker:
    def __init__(self, context: Any, location: str) -> None:
        self.conn, theirs = context.Pipe()
        self.process = context.Process(target=_serve_queries, args=(theirs, location), daemon=True)
        self.process.start()
        theirs.close()

    def stop(self) -> None:
        if self.process.is_alive():
            self.process.kill()
        self.process.join(timeout=5)
        self.conn.close()


class QueryRunner:
    """A few worker processes answering queries, each one stopped and replaced when it runs too long."""

    def __init__(self, location: str, limits: Limits | None = None) -> None:
        self.location = location
        self.limits = limits or Limits()
        self._context = multiprocessing.get_context("spawn")
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: list[_Worker] = []
        self._lock = threading.Lock()
        for _ in range(max(1, self.limits.workers)):
            self._add()

    def _add(self) -> None:
        worker = _Worker(self._context, self.location)
        with self._lock:
            self._all.append(worker)
        self._idle.put(worker)

    def run(
        self,
        text: str,
        accepted: list[str],
        default_graphs: list[str] | None = None,
        named_graphs: list[str] | None = None,
    ) -> Answer:
        """Answer one query within the limits."""
        worker = self._idle.get()
        try:
            worker.conn.send((text, accepted, self.limits.max_rows, default_graphs or [], named_graphs or []))
            if worker.conn.poll(self.limits.timeout):
                answer: Answer = worker.conn.recv()
                self._idle.put(worker)
                return answer
            reason = f"the query was stopped after {self.limits.timeout:g} s (the endpoint's time limit)"
        except (EOFError, OSError):
            reason = "the query worker failed; the query was not answered"
        self._retire(worker)
        return Answer.error(503, reason)

    def _retire(self, worker: _Worker) -> None:
        worker.stop()
        with self._lock:
            self._all.remove(worker)
        self._add()

    def close(self) -> None:
        with self._lock:
            workers, self._all = self._all, []
        for worker in workers:
            worker.stop()


# -- the HTTP side ----------------------------------------------------------------------------------

_READ_ONLY = "this endpoint is read-only: SPARQL updates are refused"
_USAGE = (
    "SPARQL 1.1 Protocol endpoint (read-only): GET /sparql?query=..., or POST a query= form or an"
    " application/sparql-query body; results by Accept (JSON, XML, CSV, TSV; Turtle, N-Triples, JSON-LD)."
)


def _bindings(fields: Any) -> dict[str, str]:
    return {k.removeprefix("bind."): v for k, v in fields.multi_items() if k.startswith("bind.")}


def create_app(runner: QueryRunner, site: Path | None = None) -> Any:
    """The ASGI application: ``/sparql``, and the static site in ``site`` at ``/`` when given."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.datastructures import QueryParams
    from starlette.requests import Request
    from starlette.responses import PlainTextResponse, Response
    from starlette.routing import Mount, Route

    from factcheck.graph.queries import QueryError, bind_parameters, saved_query

    headers = {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-store"}

    def refuse(status: int, message: str, **extra: str) -> Response:
        return PlainTextResponse(message + "\n", status_code=status, headers={**headers, **extra})

    async def sparql(request: Request) -> Response:
        if request.method == "OPTIONS":
            return Response(
                status_code=204,
                headers={
                    **headers,
                    "Access-Control-Allow-Methods": "GET, POST",
                    "Access-Control-Allow-Headers": "Content-Type, Accept",
                },
            )
        if request.method not in ("GET", "POST"):
            return refuse(405, f"{_READ_ONLY}; use GET or POST to query", Allow="GET, POST")
        params = request.query_params
        fields: Any = params
        text: str | None = params.get("query")
        if request.method == "POST":
            media = request.headers.get("content-type", "").split(";")[0].strip().lower()
            if media == "application/sparql-update":
                return refuse(403, _READ_ONLY)
            body = await request.body()
            if len(body) > runner.limits.max_query_bytes:
                return refuse(413, f"the query is longer than {runner.limits.max_query_bytes:,} bytes")
            if media == "application/sparql-query":
                text = body.decode("utf-8", errors="replace")
            elif media == "application/x-www-form-urlencoded":
                fields = QueryParams(body.decode("utf-8", errors="replace"))
                if "update" in fields:
                    return refuse(403, _READ_ONLY)
                text = str(fields.get("query") or "") or text
            else:
                return refuse(415, "POST a query as application/sparql-query or as a query= form")
        if "update" in params:
            return refuse(403, _READ_ONLY)
        if not text:
            return refuse(400, f"no query given. {_USAGE}")
        if len(text.encode("utf-8")) > runner.limits.max_query_bytes:
            return refuse(413, f"the query is longer than {runner.limits.max_query_bytes:,} bytes")
        try:
            named = str(fields.get("saved") or "")
            saved = saved_query(named) if named else None
            text = with_bindings(with_prefixes(text), bind_parameters(saved, _bindings(fields)))
        except QueryError as exc:
            return refuse(400, str(exc))
        wanted = params.get("format") or (fields.get("format") if fields is not params else None)
        accepted = [FORMAT_NAMES.get(str(wanted).lower(), str(wanted))] if wanted else []
        accepted += parse_accept(request.headers.get("accept"))
        default = params.getlist("default-graph-uri") or (
            fields.getlist("default-graph-uri") if fields is not params else []
        )
        named_graphs = params.getlist("named-graph-uri") or (
            fields.getlist("named-graph-uri") if fields is not params else []
        )
        answer = await run_in_threadpool(runner.run, text, accepted, default, named_graphs)
        return Response(
            answer.body, status_code=answer.status, headers={**headers, "Content-Type": answer.content_type}
        )

    routes: list[Any] = [
        Route("/sparql", sparql, methods=["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS"]),
    ]
    if site is not None:
        from starlette.staticfiles import StaticFiles

        _register_media_types()
        routes.append(Mount("/", app=StaticFiles(directory=str(site), html=True)))
    return Starlette(routes=routes)


def _register_media_types() -> None:
    import mimetypes

    for suffix, media in (
        (".jsonld", "application/ld+json"),
        (".ttl", "text/turtle"),
        (".nq", "application/n-quads"),
    ):
        mimetypes.add_type(media, suffix)
