"""``factcheck serve --sparql``: the SPARQL 1.1 Protocol endpoint, asked by real clients."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import rdflib
from rdflib.compare import isomorphic
from servers import factcheck_endpoint

from factcheck.graph.store import SparqlStore

CLAIMS = (
    "PREFIX schema: <https://schema.org/> "
    "SELECT ?claim ?text WHERE { ?claim a schema:Claim ; schema:text ?text }"
)
# Every triple against every triple against every triple: far more work than any time limit allows.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def served(demo_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    folder = tmp_path_factory.mktemp("endpoint")
    store = folder / "store"
    shutil.copytree(demo_store, store)
    with factcheck_endpoint(store, folder / "serve.log", "--timeout", "2", "--max-rows", "500") as url:
        yield url, store


def test_select_comes_as_json_csv_tsv_and_xml_by_accept(served: tuple[str, Path]) -> None:
    url, _store = served
    endpoint = f"{url}/sparql"
    as_json = httpx.get(
        endpoint, params={"query": CLAIMS}, headers={"Accept": "application/sparql-results+json"}
    )
    assert as_json.status_code == 200
    assert as_json.headers["content-type"].startswith("application/sparql-results+json")
    bindings = as_json.json()["results"]["bindings"]
    assert len(bindings) > 20 and {"claim", "text"} <= set(bindings[0])
    as_csv = httpx.post(endpoint, data={"query": CLAIMS}, headers={"Accept": "text/csv"})
    rows = list(csv.DictReader(io.StringIO(as_csv.text)))
    assert as_csv.headers["content-type"].startswith("text/csv") and len(rows) == len(bindings)
    as_tsv = httpx.post(
        endpoint,
        content=CLAIMS,
        headers={"Content-Type": "application/sparql-query", "Accept": "text/tab-separated-values"},
    )
    lines = as_tsv.text.splitlines()
    assert lines[0] == "?claim\t?text" and len(lines) == len(bindings) + 1
    assert lines[1].startswith("<https://w3id.org/factcheck/id/")
    as_xml = httpx.get(
        endpoint, params={"query": CLAIMS}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert as_xml.headers["content-type"].startswith("application/sparql-results+xml")
    assert as_xml.text.count("<result>") == len(bindings)
    ask = httpx.get(endpoint, params={"query": "ASK { ?s a <https://schema.org/ClaimReview> }"})
    assert ask.json() == {"head": {}, "boolean": True}


def test_construct_comes_as_turtle_n_triples_and_json_ld(served: tuple[str, Path]) -> None:
    url, _store = served
    query = (
        "PREFIX schema: <https://schema.org/> "
        "CONSTRUCT { ?c schema:text ?t } WHERE { ?c a schema:Claim ; schema:text ?t }"
    )
    graphs = []
    for accept, fmt in (
        ("text/turtle", "turtle"),
        ("application/n-triples", "nt"),
        ("application/ld+json", "json-ld"),
    ):
        answer = httpx.get(f"{url}/sparql", params={"query": query}, headers={"Accept": accept})
        assert answer.status_code == 200 and answer.headers["content-type"].startswith(accept), accept
        graphs.append(rdflib.Graph().parse(data=answer.content, format=fmt))
    assert len(graphs[0]) > 20 and all(isomorphic(graphs[0], g) for g in graphs[1:])


def test_clients_speaking_the_protocol_get_results(served: tuple[str, Path]) -> None:
    url, _store = served
    endpoint = f"{url}/sparql"
    # rdflib's SPARQLStore, the protocol client most RDF tools in Python use
    remote = rdflib.Graph(store="SPARQLStore")
    remote.open(endpoint)
    via_rdflib = list(remote.query(CLAIMS))
    assert len(via_rdflib) > 20
    # SPARQLWrapper
    wrapper_module = pytest.importorskip("SPARQLWrapper")
    wrapper = wrapper_module.SPARQLWrapper(endpoint)
    wrapper.setQuery(CLAIMS)
    wrapper.setReturnFormat(wrapper_module.JSON)
    assert len(wrapper.query().convert()["results"]["bindings"]) == len(via_rdflib)
    wrapper.setReturnFormat(wrapper_module.CSV)
    assert len(wrapper.query().convert().decode("utf-8").strip().splitlines()) == len(via_rdflib) + 1
    # curl
    if shutil.which("curl"):
        out = subprocess.run(
            ["curl", "-sf", "-H", "Accept: text/csv", "--data-urlencode", f"query={CLAIMS}", endpoint],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        ).stdout
        assert out.splitlines()[0] == "claim,text" and len(out.strip().splitlines()) == len(via_rdflib) + 1
    # the project's own remote store
    with SparqlStore(endpoint) as st:
        assert len(st.query(CLAIMS).bindings) == len(via_rdflib)


def test_updates_are_refused_in_every_form(served: tuple[str, Path]) -> None:
    url, store = served
    endpoint = f"{url}/sparql"
    before = httpx.get(
        endpoint, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}
    ).json()
    refused = [
        httpx.post(endpoint, data={"update": "DROP ALL"}),
        httpx.post(endpoint, content="DROP ALL", headers={"Content-Type": "application/sparql-update"}),
        httpx.post(endpoint, content="CLEAR ALL", headers={"Content-Type": "application/sparql-query"}),
        httpx.get(endpoint, params={"query": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}),
    ]
    for answer in refused:
        assert answer.status_code == 403 and "read-only" in answer.text, answer.text
    wrong_method = httpx.put(endpoint, content="DROP ALL")
    assert wrong_method.status_code == 405 and "GET, POST" in wrong_method.headers["allow"]
    wrapper_module = pytest.importorskip("SPARQLWrapper")
    wrapper = wrapper_module.SPARQLWrapper(endpoint)
    wrapper.setMethod(wrapper_module.POST)
    wrapper.setQuery("DELETE WHERE { ?s ?p ?o }")
    with pytest.raises(Exception, match="403|read-only|Forbidden"):
        wrapper.query()
    after = httpx.get(
        endpoint, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"}
    ).json()
    assert after == before


def test_a_runaway_query_is_cut_off_and_the_server_carries_on(served: tuple[str, Path]) -> None:
    url, _store = served
    started = time.monotonic()
    answer = httpx.get(f"{url}/sparql", params={"query": RUNAWAY}, timeout=60)
    took = time.monotonic() - started
    assert answer.status_code == 503 and "time limit" in answer.text
    assert took < 20
    after = httpx.get(f"{url}/sparql", params={"query": "ASK { ?s ?p ?o }"})
    assert after.status_code == 200 and after.json()["boolean"] is True


def test_a_result_over_the_size_limit_is_an_error(served: tuple[str, Path]) -> None:
    url, _store = served
    answer = httpx.get(f"{url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert answer.status_code == 400 and "500" in answer.text and "LIMIT" in answer.text
    small = httpx.get(f"{url}/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 500"})
    assert small.status_code == 200 and len(small.json()["results"]["bindings"]) == 500


def test_bad_queries_get_a_clear_400(served: tuple[str, Path]) -> None:
    url, _store = served
    assert httpx.get(f"{url}/sparql").status_code == 400
    bad = httpx.get(f"{url}/sparql", params={"query": "SELEKT * WHERE { ?s ?p ?o }"})
    assert bad.status_code == 400 and "invalid SPARQL" in bad.text
    odd = httpx.get(f"{url}/sparql", params={"query": CLAIMS}, headers={"Accept": "image/png"})
    assert odd.status_code == 406


def test_saved_query_parameters_bind_as_terms_through_the_endpoint(served: tuple[str, Path]) -> None:
    url, _store = served
    from factcheck.graph.queries import saved_query

    text = saved_query("claims-about-subject").text

    def ask(value: str) -> list[dict]:
        answer = httpx.post(
            f"{url}/sparql",
            data={"query": text, "saved": "claims-about-subject", "bind.subject": value},
            headers={"Accept": "application/sparql-results+json"},
        )
        assert answer.status_code == 200, answer.text
        return answer.json()["results"]["bindings"]

    kestrel = ask("kestrel 3")
    assert kestrel and {b["subject"]["value"] for b in kestrel} == {"kestrel-3"}
    assert ask('Kestrel-3" } } GRAPH ?x { ?a ?b ?c } #\n{') == []


def test_the_site_is_served_beside_the_endpoint(served: tuple[str, Path]) -> None:
    url, _store = served
    home = httpx.get(f"{url}/index.html")
    assert home.status_code == 200 and "Checked articles" in home.text
    page = httpx.get(f"{url}/queries/claims-about-subject.html")
    assert page.status_code == 200 and 'data-endpoint="../sparql"' in page.text
    download = httpx.get(f"{url}/graph.nq")
    assert download.status_code == 200 and len(download.content) > 1000
