"""The graph stores: the embedded Oxigraph store and a real Oxigraph server over SPARQL 1.1 Protocol."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib
from rdflib import XSD, BNode, Literal, URIRef, Variable
from rdflib.compare import isomorphic
from servers import free_port, oxigraph_server

from factcheck.graph import article_graph, article_graph_name, read_article, read_articles
from factcheck.graph.sparql import replace_graph_update
from factcheck.graph.store import (
    OxigraphStore,
    SparqlStore,
    Store,
    StoreError,
    default_store_location,
    open_store,
)
from factcheck.models import Article, Claim, Consistency, Evidence, FetchInfo, Link, Mention, Quantity, Review

EX = "http://example.org/"


def numbered_graph(size: int, tag: str) -> rdflib.Graph:
    graph = rdflib.Graph()
    for i in range(size):
        graph.add((URIRef(f"{EX}s{i}"), URIRef(f"{EX}p"), Literal(f"{tag}-{i}")))
    return graph


def count(store: Store, name: str) -> int:
    result = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")
    return int(result.bindings[0][Variable("n")])


# -- a real Oxigraph server -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of an ``oxigraph serve`` started for these tests, stopped by its PID afterwards."""
    with oxigraph_server(tmp_path_factory.mktemp("oxigraph-server")) as url:
        yield url


@pytest.fixture(params=["embedded", "server"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    """Each behaviour is checked on both stores."""
    opened: Store
    if request.param == "embedded":
        opened = OxigraphStore(tmp_path / "store")
    else:
        opened = SparqlStore.from_url(request.getfixturevalue("server"))
        opened.update("DROP ALL")  # the server lives for the whole module
    with opened:
        yield opened


# -- behaviour common to both stores ----------------------------------------------------------------


def test_replace_graph_swaps_its_content_and_leaves_other_graphs_alone(store: Store) -> None:
    store.replace_graph(f"{EX}a", numbered_graph(5, "first"))
    store.replace_graph(f"{EX}b", numbered_graph(3, "other"))
    store.replace_graph(f"{EX}a", numbered_graph(2, "second"))

    assert count(store, f"{EX}a") == 2
    assert {str(o) for o in store.graph(f"{EX}a").objects()} == {"second-0", "second-1"}
    assert count(store, f"{EX}b") == 3
    assert store.graph_names() == [f"{EX}a", f"{EX}b"]


def test_replacing_with_an_empty_graph_or_dropping_removes_the_graph(store: Store) -> None:
    store.replace_graph(f"{EX}a", numbered_graph(2, "x"))
    store.replace_graph(f"{EX}b", numbered_graph(2, "x"))
    store.replace_graph(f"{EX}a", rdflib.Graph())
    store.drop_graph(f"{EX}b")
    store.drop_graph(f"{EX}never-there")
    assert store.graph_names() == []
    assert len(store.graph(f"{EX}a")) == 0


def test_terms_of_every_kind_survive_the_store(store: Store) -> None:
    tricky = 'quote " backslash \\ \\u0041 \\n newline\n tab\t nul\x00 del\x7f é 中文 😀 \u2028 }} ; .'
    node = BNode()
    graph = rdflib.Graph()
    graph.add((URIRef(f"{EX}s"), URIRef(f"{EX}text"), Literal(tricky)))
    graph.add((URIRef(f"{EX}s"), URIRef(f"{EX}label"), Literal("chat", lang="fr")))
    graph.add((URIRef(f"{EX}s"), URIRef(f"{EX}value"), Literal("82.7", datatype=XSD.decimal)))
    graph.add((URIRef(f"{EX}s"), URIRef(f"{EX}part"), node))
    graph.add((node, URIRef(f"{EX}text"), Literal("inside a blank node")))
    store.replace_graph(f"{EX}g", graph)

    back = store.graph(f"{EX}g")
    assert len(back) == 5
    assert str(back.value(URIRef(f"{EX}s"), URIRef(f"{EX}text"))) == tricky
    assert back.value(URIRef(f"{EX}s"), URIRef(f"{EX}label")) == Literal("chat", lang="fr")
    assert back.value(URIRef(f"{EX}s"), URIRef(f"{EX}value")) == Literal("82.7", datatype=XSD.decimal)
    inner = back.value(URIRef(f"{EX}s"), URIRef(f"{EX}part"))
    assert isinstance(inner, BNode) and str(back.value(inner, URIRef(f"{EX}text"))) == "inside a blank node"


def test_query_answers_select_ask_and_construct_over_all_graphs(store: Store) -> None:
    store.replace_graph(f"{EX}a", numbered_graph(2, "a"))
    store.replace_graph(f"{EX}b", numbered_graph(3, "b"))

    select = store.query(f"SELECT ?o WHERE {{ <{EX}s1> ?p ?o }} ORDER BY ?o")
    assert [str(row[Variable("o")]) for row in select.bindings] == ["a-1", "b-1"]  # default graph = union
    assert store.query(f"ASK {{ GRAPH <{EX}b> {{ <{EX}s2> ?p 'b-2' }} }}").askAnswer is True
    assert store.query(f"ASK {{ GRAPH <{EX}a> {{ <{EX}s2> ?p ?o }} }}").askAnswer is False
    construct = store.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{EX}a> {{ ?s ?p ?o }} }}")
    assert construct.graph is not None and len(construct.graph) == 2


def test_strings_come_back_as_plain_literals_from_both_stores(store: Store) -> None:
    store.replace_graph(f"{EX}a", numbered_graph(1, "a"))
    row = store.query(f"SELECT ?o WHERE {{ <{EX}s0> ?p ?o }}").bindings[0]
    assert row[Variable("o")] == Literal("a-0")  # not "a-0"^^xsd:string, which rdflib holds unequal
    assert set(store.graph(f"{EX}a").objects()) == {Literal("a-0")}


def test_bindings_fix_variables_of_a_query(store: Store) -> None:
    store.replace_graph(f"{EX}a", numbered_graph(3, "a"))
    text = f"SELECT ?s WHERE {{ ?s <{EX}p> ?label }}"
    rows = store.query(text, bindings={"label": "a-2"}).bindings
    assert [str(row[Variable("s")]) for row in rows] == [f"{EX}s2"]
    assert store.query(text, bindings={"label": Literal("missing")}).bindings == []
    assert len(store.query(text).bindings) == 3


def test_a_bad_query_or_update_raises_a_one_line_store_error(store: Store) -> None:
    with pytest.raises(StoreError) as raised:
        store.query("SELECT ?s WHERE { ?s ?p }")
    assert "\n" not in str(raised.value)
    with pytest.raises(StoreError):
        store.update("INSERT NOTHING")


def test_export_keeps_the_named_graphs(store: Store) -> None:
    store.replace_graph(f"{EX}a", numbered_graph(2, "a"))
    store.replace_graph(f"{EX}b", numbered_graph(1, "b"))
    for fmt in ("nquads", "trig"):
        dataset = rdflib.Dataset()
        dataset.parse(data=store.export(fmt), format=fmt)
        graphs = {str(g.identifier): len(g) for g in dataset.graphs() if len(g)}
        assert graphs == {f"{EX}a": 2, f"{EX}b": 1}
    with pytest.raises(ValueError, match="format"):
        store.export("turtle")


def test_readers_never_see_half_a_replaced_graph(store: Store) -> None:
    """Readers running while a graph is replaced over and over only ever count a whole graph.

    (Replacing with two requests, DROP then INSERT, makes this harness see an empty graph.)
    """
    name, size = f"{EX}busy", 1500
    store.replace_graph(name, numbered_graph(size, "v0"))
    stop = time.monotonic() + 1.5
    seen: set[int] = set()
    failures: list[BaseException] = []

    def read() -> None:
        try:
            while time.monotonic() < stop:
                seen.add(count(store, name))
        except BaseException as exc:  # surfaces in the assertion below
            failures.append(exc)

    def write() -> None:
        version = 0
        try:
            while time.monotonic() < stop:
                version += 1
                store.replace_graph(name, numbered_graph(size, f"v{version}"))
        except BaseException as exc:
            failures.append(exc)

    threads = [threading.Thread(target=read) for _ in range(2)] + [threading.Thread(target=write)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert seen == {size}


def test_an_article_round_trips_through_the_store(store: Store) -> None:
    text = "Acme's revenue was $3.2bn in 2025, says Research Co."
    url = "https://news.example/acme/"
    article = Article(
        url=url,
        text=text,
        title="Acme",
        links=(Link("https://research.example/acme", "Research Co.", 40, 52),),
        paragraphs=((0, len(text)),),
        fetch=FetchInfo(url, url, 200, "text/html", "2026-01-02T03:04:05+00:00", "c" * 64),
    )
    claim = Claim(
        id="c1",
        quote=text,
        start=0,
        end=len(text),
        quantity=Quantity(text="", start=0, end=0, value=3.2e9, unit="USD"),
        subject="Acme",
        metric="revenue",
        sources=("Research Co.",),
        mentions=(Mention(text, 0, len(text)),),
        review=Review(
            "contradicted",
            "Research Co. gives $3.1bn.",
            0.7,
            evidence=(
                Evidence("Research Co.", "https://research.example/acme", "Revenue: $3.1bn", value=3.1e9),
            ),
        ),
        consistency=Consistency("consistent", "elapsed years", 1.0),
    )
    graph = article_graph(article, [claim], software_version="test")
    store.replace_graph(article_graph_name("https://news.example/acme/"), graph)

    assert isomorphic(store.graph(article_graph_name(url)), graph)
    assert read_article(store, "https://news.example/acme/") == (article, [claim])
    assert read_articles(store)[0]["verdicts"]["contradicted"] == 1


# -- the embedded store -----------------------------------------------------------------------------


def test_embedded_store_keeps_its_graphs_after_reopening(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "s") as first:
        first.replace_graph(f"{EX}a", numbered_graph(4, "a"))
    with OxigraphStore(tmp_path / "s") as second:
        assert count(second, f"{EX}a") == 4


def test_results_outlive_the_closed_store(tmp_path: Path) -> None:
    with OxigraphStore(tmp_path / "s") as opened:
        opened.replace_graph(f"{EX}a", numbered_graph(3, "a"))
        result = opened.query(f"SELECT ?o WHERE {{ ?s <{EX}p> ?o }}")
    assert len(list(result)) == 3
    with pytest.raises(StoreError, match="closed"):
        opened.query("ASK {}")


def test_store_locked_by_another_process_gives_a_clear_error(tmp_path: Path) -> None:
    location = tmp_path / "s"
    OxigraphStore(location).close()
    # A second process opens the store and keeps it open until its stdin closes.
    hold = "\n".join(
        ["import sys, pyoxigraph", "store = pyoxigraph.Store(sys.argv[1])", "print('ready', flush=True)"]
        + ["sys.stdin.read()"]
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(location)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="locked by another process") as raised:
            OxigraphStore(location)
        assert "\n" not in str(raised.value) and str(location) in str(raised.value)
    finally:
        assert holder.stdin is not None
        holder.stdin.close()  # lets the holder exit by itself
        try:
            holder.wait(timeout=10)
        except subprocess.TimeoutExpired:
            holder.kill()
            holder.wait(timeout=5)
    OxigraphStore(location).close()  # the lock is gone with the holder


def test_unreadable_location_gives_a_clear_error(tmp_path: Path) -> None:
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x")
    with pytest.raises(StoreError, match="cannot open graph store"):
        OxigraphStore(not_a_folder)
    with pytest.raises(StoreError):
        open_store(str(not_a_folder / "below-a-file"))


def test_in_memory_store_needs_no_folder() -> None:
    with OxigraphStore(None) as memory:
        memory.replace_graph(f"{EX}a", numbered_graph(1, "a"))
        assert memory.graph_names() == [f"{EX}a"]


# -- the remote store -------------------------------------------------------------------------------


def test_replace_graph_is_one_update_request(server: str) -> None:
    posts: list[str] = []
    client = httpx.Client(event_hooks={"request": [lambda request: posts.append(request.url.path)]})
    with SparqlStore.from_url(server, client=client) as remote:
        remote.replace_graph(f"{EX}one", numbered_graph(50, "x"))
        assert posts == ["/update"]
        assert count(remote, f"{EX}one") == 50
        remote.drop_graph(f"{EX}one")


def test_replace_graph_update_drops_then_inserts_in_one_request() -> None:
    update = replace_graph_update(f"{EX}g", numbered_graph(2, "x"))
    assert update.startswith(f"DROP SILENT GRAPH <{EX}g> ;\nINSERT DATA {{ GRAPH <{EX}g> {{")
    assert replace_graph_update(f"{EX}g", rdflib.Graph()) == f"DROP SILENT GRAPH <{EX}g>"


def test_unreachable_endpoint_gives_a_clear_error() -> None:
    with SparqlStore.from_url(f"http://127.0.0.1:{free_port()}", timeout=2) as remote:
        with pytest.raises(StoreError, match="cannot reach SPARQL endpoint"):
            remote.query("ASK {}")


# -- choosing a store -------------------------------------------------------------------------------


def test_open_store_chooses_the_store_from_the_location(tmp_path: Path) -> None:
    with open_store("http://127.0.0.1:7878") as remote:
        assert isinstance(remote, SparqlStore)
        assert (remote.query_endpoint, remote.update_endpoint) == (
            "http://127.0.0.1:7878/query",
            "http://127.0.0.1:7878/update",
        )
    with open_store("https://sparql.example/ds/query") as remote:
        assert (
            isinstance(remote, SparqlStore) and remote.update_endpoint == "https://sparql.example/ds/update"
        )
    with open_store("http://graphdb.example:7200/repositories/checks") as remote:  # GraphDB's layout
        assert (remote.query_endpoint, remote.update_endpoint) == (
            "http://graphdb.example:7200/repositories/checks",
            "http://graphdb.example:7200/repositories/checks/statements",
        )
    with open_store(str(tmp_path / "deep" / "store")) as local:
        assert isinstance(local, OxigraphStore)
    assert (tmp_path / "deep" / "store").is_dir()


def test_default_location_follows_env_then_xdg_then_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FACTCHECK_STORE", str(tmp_path / "env-store"))
    assert default_store_location() == str(tmp_path / "env-store")
    with open_store(None) as opened:
        assert opened.location == str(tmp_path / "env-store")

    monkeypatch.delenv("FACTCHECK_STORE")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_store_location() == str(tmp_path / "xdg" / "factcheck" / "store")

    monkeypatch.delenv("XDG_DATA_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_store_location() == str(tmp_path / "home" / ".local" / "share" / "factcheck" / "store")


def test_open_store_waits_for_a_store_another_process_releases(tmp_path: Path) -> None:
    location = tmp_path / "s"
    OxigraphStore(location).close()
    # The holder keeps the store for half a second, then lets it go.
    hold = "\n".join(
        [
            "import sys, time, pyoxigraph",
            "store = pyoxigraph.Store(sys.argv[1])",
            "print('ready', flush=True)",
            "time.sleep(0.5)",
            "del store",
        ]
    )
    holder = subprocess.Popen([sys.executable, "-c", hold, str(location)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreError, match="locked"):
            open_store(str(location), wait=0)
        told: list[str] = []
        with open_store(str(location), wait=20, on_wait=told.append) as store:
            assert store.graph_names() == []
        # The waiting process says so, once, and says how to share a store instead.
        assert len(told) == 1 and "another process has it open" in told[0] and "SPARQL" in told[0]
    finally:
        holder.wait(timeout=10)


def test_a_reader_writes_nothing_and_a_writer_waits_for_it(tmp_path: Path) -> None:
    location = tmp_path / "s"
    with open_store(str(location)) as writer:
        writer.replace_graph(f"{EX}a", numbered_graph(3, "a"))
    files = {p.name: p.stat().st_size for p in location.iterdir()}
    with open_store(str(location), read_only=True) as reader:
        assert reader.graph_names() == [f"{EX}a"]
        with pytest.raises(StoreError, match="read-only"):
            reader.drop_graph(f"{EX}a")
    assert {p.name: p.stat().st_size for p in location.iterdir()} == files
    with open_store(str(location), read_only=True):
        # Another process cannot start writing while this one reads (its refused attempt is its own).
        probe = "\n".join(
            ["import sys, pyoxigraph", "try:", "    pyoxigraph.Store(sys.argv[1])", "except OSError:"]
            + ["    print('locked')"]
        )
        answer = subprocess.run([sys.executable, "-c", probe, str(location)], capture_output=True, text=True)
        assert answer.stdout.strip() == "locked"


def test_a_reader_of_a_missing_store_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no graph store"):
        open_store(str(tmp_path / "none"), read_only=True)
    assert not (tmp_path / "none").exists()


def test_a_folder_with_data_but_no_current_file_is_refused_with_the_way_to_recover(tmp_path: Path) -> None:
    location = tmp_path / "s"
    with open_store(str(location)) as writer:
        writer.replace_graph(f"{EX}a", numbered_graph(3, "a"))
    (location / "CURRENT").unlink()
    before = sorted(p.name for p in location.iterdir())
    with pytest.raises(StoreError, match=r"CURRENT file is missing.*echo MANIFEST-\d+ >"):
        open_store(str(location))
    assert sorted(p.name for p in location.iterdir()) == before
    other = tmp_path / "documents"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a graph store"):
        open_store(str(other))


def test_a_writer_waiting_for_a_reader_leaves_the_folder_untouched(tmp_path: Path) -> None:
    location = tmp_path / "s"
    with open_store(str(location)) as writer:
        writer.replace_graph(f"{EX}a", numbered_graph(3, "a"))
    files = {p.name: p.stat().st_size for p in location.iterdir()}
    read = "\n".join(
        ["import sys, time", "from factcheck.graph.store import open_store"]
        + [
            "with open_store(sys.argv[1], read_only=True):",
            "    print('reading', flush=True)",
            "    time.sleep(3)",
        ]
    )
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])}
    reader = subprocess.Popen(
        [sys.executable, "-c", read, str(location)], stdout=subprocess.PIPE, text=True, env=env
    )
    try:
        assert reader.stdout is not None and reader.stdout.readline().strip() == "reading"
        with pytest.raises(StoreError, match="locked"):
            open_store(str(location), wait=1.5, progress=lambda _message: None)
        assert {p.name: p.stat().st_size for p in location.iterdir()} == files
    finally:
        reader.wait(timeout=10)
    with open_store(str(location), wait=5) as writer:  # and once the reader is done, it writes
        writer.drop_graph(f"{EX}a")
