"""Ingest of a list of sources by several worker processes into one graph.

Each worker is its own process (its own spaCy pipeline, fetcher and WARC file) and takes one article at
a time over a pipe of its own, so that a worker that dies takes nothing with it but the article it was
on: that article is given to a fresh worker once more, and reported as failed if its second worker
dies too. An article reaches the store as one SPARQL update (``Store.replace_graph``), so no reader
and no other worker ever sees half of it.

- A SPARQL server (``--store http://...``): every worker writes its own articles' graphs to it.
- The embedded store: this process holds it (one process at a time) and writes the graphs the
  workers send back.

``resume`` skips a source whose document the store already holds, unchanged (same SHA-256 of the
fetched body), and complete (every claim reviewed, when verifying).
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from pathlib import Path
from typing import Any

from rdflib.term import Variable

from factcheck.graph.sparql import replace_graph_update
from factcheck.graph.store import Store, open_store
from factcheck.web.limits import FetchLimits

Progress = Callable[[str], None] | None
#: How many workers an article may take down before it is reported as failed.
ATTEMPTS = 2

_STORED_QUERY = """
PREFIX schema: <https://schema.org/>
PREFIX fc: <https://w3id.org/factcheck/ns#>
SELECT ?requested ?sha256 (COUNT(DISTINCT ?unreviewed) AS ?open) WHERE {
  GRAPH ?g {
    ?article a schema:NewsArticle ; fc:requestedUrl ?requested ; fc:sha256 ?sha256 .
    OPTIONAL {
      ?unreviewed fc:article ?article .
      FILTER NOT EXISTS { ?review schema:itemReviewed ?unreviewed }
    }
  }
} GROUP BY ?requested ?sha256
"""


@dataclass
class BatchReport:
    """What a batch ingest did with each source, in list order."""

    stored: list[tuple[str, str, int]] = field(default_factory=list)  # (source, graph, claims)
    skipped: list[str] = field(default_factory=list)  # stored unchanged already (resume)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (source, one-line reason)
    store: str = ""


def read_sources(path: str) -> list[str]:
    """The sources listed in a file (one a line; blank lines and ``#`` comments skipped; ``-``: stdin)."""
    import sys

    text = sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


def stored_documents(st: Store, verify: bool) -> set[tuple[str, str]]:
    """(requested URL, SHA-256) of every article the store holds completely."""
    done = set()
    for row in st.query(_STORED_QUERY).bindings:
        if verify and int(str(row.get(Variable("open")) or 0)):
            continue
        done.add((str(row[Variable("requested")]), str(row[Variable("sha256")])))
    return done


@dataclass
class _Config:
    store: str | None  # a SPARQL server the workers write to, or None: send the graphs back
    archive: str | None
    verify: bool
    allow_private_network: bool
    warc_stem: str | None  # each worker archives to <stem>-worker<N>.warc.gz
    model: str | None
    version: str
    done: set[tuple[str, str]]
    allow_hosts: tuple[str, ...] = ()
    limits: FetchLimits | None = None


def _work(conn: Connection, config: _Config, number: int) -> None:
    """A worker process: ingest the sources sent over ``conn`` one at a time until told to stop."""
    from factcheck.graph.writer import public_location
    from factcheck.pipeline import prepare_article
    from factcheck.sources.registry import Registry
    from factcheck.web.client import Fetcher

    warc = f"{config.warc_stem}-worker{number}.warc.gz" if config.warc_stem else None
    st = open_store(config.store) if config.store else None
    registry = Registry.load()

    def unchanged(source: str, sha256: str) -> bool:
        return (public_location(source) or source, sha256) in config.done

    with Fetcher(
        archive=config.archive,
        warc_out=warc,
        allow_private_network=config.allow_private_network,
        allow_hosts=config.allow_hosts,
        limits=config.limits,
    ) as fetcher:
        while True:
            try:
                task = conn.recv()
            except EOFError:
                break
            if task is None:
                break
            index, source = task
            try:
                prepared = prepare_article(
                    source,
                    fetcher=fetcher,
                    registry=registry,
                    model=config.model,
                    verify=config.verify,
                    version=config.version,
                    unchanged=unchanged if config.done else None,
                )
                if prepared is None:
                    conn.send((index, "skipped", None))
                    continue
                if st is not None:
                    st.replace_graph(prepared.name, prepared.graph)
                    conn.send((index, "stored", (prepared.name, len(prepared.claims), None)))
                else:
                    update = replace_graph_update(prepared.name, prepared.graph)
                    conn.send((index, "stored", (prepared.name, len(prepared.claims), update)))
            except Exception as exc:  # one bad article must not stop the worker
                message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
                conn.send((index, "failed", message))
    if st is not None:
        st.close()


@dataclass
class _Worker:
    number: int
    process: Any
    conn: Connection
    task: int | None = None


def run_batch(
    sources: Sequence[str],
    *,
    store: str | None,
    workers: int,
    resume: bool,
    archive: str | Path | None,
    verify: bool,
    allow_private_network: bool,
    warc_out: str | Path | None,
    model: str | None,
    version: str,
    progress: Progress = None,
    allow_hosts: Sequence[str] = (),
    limits: FetchLimits | None = None,
) -> BatchReport:
    """Ingest ``sources`` with ``workers`` processes into ``store`` (see the module's description)."""
    from factcheck.pipeline import default_warc

    say = progress or (lambda _msg: None)
    remote = bool(store and store.startswith(("http://", "https://")))
    stem = None
    if archive is None:
        base = Path(warc_out) if warc_out is not None else default_warc(store, "batch")
        base.parent.mkdir(parents=True, exist_ok=True)
        stem = str(base).removesuffix(".gz").removesuffix(".warc")
    report = BatchReport()
    held = None if remote else open_store(store, on_wait=say)  # the embedded store: this process writes
    try:
        st = held or open_store(store)
        report.store = st.location
        done = stored_documents(st, verify) if resume else set()
        if held is None:
            st.close()
        config = _Config(
            store if remote else None,
            None if archive is None else str(archive),
            verify,
            allow_private_network,
            stem,
            model,
            version,
            done,
            tuple(allow_hosts),
            limits,
        )
        outcome = _Pool(config, min(workers, len(sources)) or 1, say).run(list(sources), held)
    finally:
        if held is not None:
            held.close()
    for index, source in enumerate(sources):
        state, detail = outcome[index]
        if state == "stored":
            report.stored.append((source, detail[0], detail[1]))
        elif state == "skipped":
            report.skipped.append(source)
        else:
            report.failed.append((source, str(detail)))
    return report


class _Pool:
    """Hands the sources to worker processes one at a time and replaces a worker that dies."""

    def __init__(self, config: _Config, size: int, say: Callable[[str], None]) -> None:
        self.config, self.size, self.say = config, size, say
        self.context = multiprocessing.get_context("spawn")
        self.started = 0

    def start(self) -> _Worker:
        self.started += 1
        ours, theirs = self.context.Pipe()
        process = self.context.Process(
            target=_work, args=(theirs, self.config, self.started), name=f"factcheck-worker-{self.started}"
        )
        process.start()
        theirs.close()
        return _Worker(self.started, process, ours)

    def run(self, sources: list[str], held: Store | None) -> dict[int, tuple[str, Any]]:
        todo = list(range(len(sources)))
        attempts = dict.fromkeys(todo, 0)
        outcome: dict[int, tuple[str, Any]] = {}
        pool = [self.start() for _ in range(self.size)]
        total = len(sources)
        try:
            while len(outcome) < total:
                for worker in pool:
                    if worker.task is None and todo:
                        worker.task = todo.pop(0)
                        attempts[worker.task] += 1
                        worker.conn.send((worker.task, sources[worker.task]))
                        self.say(f"worker {worker.process.pid} ingesting {sources[worker.task]}")
                busy = [w for w in pool if w.task is not None]
                ready = wait([w.conn for w in busy] + [w.process.sentinel for w in busy])
                for worker in list(busy):
                    if worker.conn in ready or worker.process.sentinel in ready:
                        self._collect(worker, sources, held, outcome, attempts, todo, pool)
        finally:
            for worker in pool:
                try:
                    worker.conn.send(None)
                except (BrokenPipeError, OSError):
                    pass
            for worker in pool:
                worker.process.join(timeout=30)
                if worker.process.is_alive():
                    worker.process.kill()
                    worker.process.join()
        return outcome

    def _collect(
        self,
        worker: _Worker,
        sources: list[str],
        held: Store | None,
        outcome: dict[int, tuple[str, Any]],
        attempts: dict[int, int],
        todo: list[int],
        pool: list[_Worker],
    ) -> None:
        index = worker.task
        assert index is not None
        try:
            got, state, detail = worker.conn.recv()
        except (EOFError, OSError):  # the worker died on this article
            worker.process.join(timeout=5)
            code = worker.process.exitcode
            pool[pool.index(worker)] = self.start()
            worker.conn.close()
            if attempts[index] < ATTEMPTS:
                self.say(f"worker {worker.process.pid} died (exit {code}) on {sources[index]}; trying again")
                todo.insert(0, index)
            else:
                outcome[index] = ("failed", f"worker died (exit {code}) on it {attempts[index]} times")
                self.say(f"failed {sources[index]}: {outcome[index][1]}")
            return
        worker.task = None
        if state == "stored" and detail[2] is not None:
            assert held is not None
            held.update(detail[2])
        outcome[got] = (state, detail)
        if state == "stored":
            shown = f"stored ({detail[1]} claims)"
        else:
            shown = "unchanged, skipped" if state == "skipped" else f"failed: {detail}"
        self.say(f"[{len(outcome)}/{len(sources)}] {sources[got]}: {shown}")


def worker_count(requested: int | None) -> int:
    """``--workers`` as given, or the number of CPUs when 0."""
    if requested is None or requested < 0:
        return 1
    return requested or (os.cpu_count() or 1)
