"""The RDF mapping: lossless round trip through a store, shared nodes, SHACL shapes, saved queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from decimal import Decimal
from pathlib import Path

import pytest
from rdflib import RDF, XSD, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import PROV
from rdflib.plugins.sparql import prepareQuery

from factcheck.graph import (
    article_graph,
    article_graph_name,
    organization_iri,
    read_article,
    read_articles,
    read_claims,
    read_documents,
    subject_iri,
)
from factcheck.graph.queries import run_query
from factcheck.graph.shapes import validate
from factcheck.graph.store import OxigraphStore, Store
from factcheck.graph.terms import FC, SCHEMA, article_iri, slug
from factcheck.models import (
    BOUNDS,
    KINDS,
    VERDICTS,
    Article,
    Claim,
    Consistency,
    Evidence,
    FetchInfo,
    Link,
    Mention,
    Quantity,
    Review,
)
from factcheck.resources import resource_dir

VERSION = "0.1.0"
TEXT = (
    "GPT-5.5 scored 82.7% on Terminal-Bench 2.0, according to BenchLM. It ranked #2 out of 115 models.\n"
    'Its share reached 57% — "a record", says Futurum Group \\ analysts. Prices fell 10–20% since 2026-04.'
)


def fetch(url: str) -> FetchInfo:
    at = "2026-04-24T08:00:00.123456+00:00"  # as datetime.isoformat() writes it, not as XSD canonical
    return FetchInfo(url, url + "?final", 200, "text/html; charset=utf-8", at, "a" * 64, "crawl-1.warc.gz")


def sample_article(url: str = "https://news.example/gpt-5-5-rebuilt/") -> Article:
    return Article(
        url=url,
        text=TEXT,
        title="GPT-5.5, rebuilt",
        author="Jane Doe",
        published="2026-04-23T10:00:00+00:00",
        site_name="News Example",
        canonical_url=url.rstrip("/"),
        paragraphs=((0, 98), (99, len(TEXT))),
        links=(Link(BENCHLM_URL, "BenchLM", 57, 64), Link('https://x.example/?a=1&b="2"', "x")),
        fetch=fetch(url),
    )


BENCHLM_URL = "https://benchlm.example/leaderboard"
FUTURUM_URL = "https://futurum.example/r"


def sample_claims() -> list[Claim]:
    """Claims that between them set every field of Claim, Mention, Review, Evidence and Consistency."""
    table_cell = Evidence(
        source="BenchLM",
        url=BENCHLM_URL,
        quote="GPT-5.5 | Terminal-Bench 2.0 | 82.7",
        location="table",
        value=82.7,
        unit="%",
        subject="GPT-5.5",
        metric="Terminal-Bench 2.0",
        retrieved_at="2026-04-24T08:01:00+00:00",
        sha256="b" * 64,
        archive="crawl-1.warc.gz",
        relation="supports",
    )
    context = Evidence("Futurum Group", FUTURUM_URL, "An unrelated 57% figure.", relation="context")
    supported = Claim(
        id="c1",
        quote="GPT-5.5 scored 82.7% on Terminal-Bench 2.0",
        start=0,
        end=43,
        quantity=Quantity(text="", start=0, end=0, value=82.7, unit="%"),
        subject="GPT-5.5",
        metric="Terminal-Bench 2.0",
        kind="score",
        sources=("BenchLM", "Futurum Group"),
        links=(BENCHLM_URL,),
        mentions=(Mention("GPT-5.5 scored 82.7% on Terminal-Bench 2.0", 0, 43), Mention("82.7%", 15, 20)),
        review=Review("supported", "BenchLM lists 82.7.", 0.92, None, (table_cell, context)),
    )
    rank = Claim(
        id="c2",
        quote="It ranked #2 out of 115 models",
        start=67,
        end=97,
        quantity=Quantity(text="", start=0, end=0, value=2.0, scale=115.0),
        kind="rank",
        subject="gpt 5.5",
        metric="rank",
        sources=("BenchLM",),
        mentions=(Mention("It ranked #2 out of 115 models", 67, 97),),
        review=Review(
            "contradicted",
            "BenchLM ranks it #3.",
            0.8,
            evidence=(Evidence("BenchLM", BENCHLM_URL, "#3 GPT-5.5", "table", 3.0, relation="contradicts"),),
        ),
        consistency=Consistency("inconsistent", "difference", 1.0, ("c1", "gone"), "does not add up"),
    )
    share = Claim(
        id="c/3 é",  # ids go into IRIs: they must survive percent-encoding
        quote="Its share reached 57%",
        start=99,
        end=120,
        quantity=Quantity(text="", start=0, end=0, value=57.0, unit="%", bound=">=", direction="up"),
        subject="GPT-5.5",
        metric="market share",
        kind="share",
        sources=("Futurum Group",),
        review=Review("unverified", "The source could not be fetched.", 0.0, "unreachable"),
    )
    price_range = Claim(
        id="c4",
        quote="Prices fell 10–20% since 2026-04",
        start=167,
        end=199,
        quantity=Quantity(
            text="", start=0, end=0, low=10.0, high=20.0, unit="%", bound="range", direction="down"
        ),
        kind="difference",
        review=Review("unsourced", "No source is given."),
    )
    dated = Claim(
        id="c5",
        quote="since 2026-04",
        start=186,
        end=199,
        quantity=Quantity(text="", start=0, end=0, unit="date", date="2026-04"),
        kind="date",
    )
    return [supported, rank, share, price_range, dated]


def sample_documents() -> list[tuple[str, FetchInfo]]:
    read = FetchInfo(
        BENCHLM_URL, BENCHLM_URL, 200, "text/html", "2026-04-24T08:01:00+00:00", "b" * 64, "w.gz"
    )
    failed = FetchInfo(FUTURUM_URL, FUTURUM_URL, 503, "", "2026-04-24T08:02:00Z", "", None)
    return [("BenchLM", read), ("Futurum Group", failed)]


def full_graph() -> Graph:
    return article_graph(
        sample_article(), sample_claims(), documents=sample_documents(), software_version=VERSION
    )


def ingest(
    store: Store, article: Article, claims: list[Claim], documents: Sequence[tuple[str, FetchInfo]] = ()
) -> Graph:
    assert article.url is not None
    graph = article_graph(article, claims, documents=documents, software_version=VERSION)
    store.replace_graph(article_graph_name(article.url), graph)
    return graph


@pytest.fixture
def store(tmp_path: Path):
    with OxigraphStore(tmp_path / "store") as opened:
        yield opened


# -- round trip -------------------------------------------------------------------------------------


def test_article_and_claims_come_back_from_the_store_unchanged(store: OxigraphStore) -> None:
    article, claims, documents = sample_article(), sample_claims(), sample_documents()
    ingest(store, article, claims, documents)

    assert read_article(store, article.url or "") == (article, claims)
    assert read_documents(store, article.url or "") == documents
    assert read_claims(store, article.url) == claims


def test_the_store_gives_back_the_graph_as_written_and_it_still_conforms(store: OxigraphStore) -> None:
    written = ingest(store, sample_article(), sample_claims(), sample_documents())
    stored = store.graph(article_graph_name(sample_article().url or ""))
    assert isomorphic(stored, written)  # literals are written in the canonical form stores keep
    conforms, report = validate(stored)
    assert conforms, report


def test_documents_named_by_url_get_their_source_from_the_evidence(store: OxigraphStore) -> None:
    article = sample_article()
    by_url = [(info.url, info) for _, info in sample_documents()]
    ingest(store, article, sample_claims(), by_url)
    # BenchLM's page gave evidence; Futurum's failed to load, and its context passage names another URL
    assert read_documents(store, article.url or "") == [
        ("BenchLM", by_url[0][1]),
        ("Futurum Group", by_url[1][1]),
    ]
    lone = [("https://nobody.example/", FetchInfo("https://nobody.example/", "", 0, "", "2026-04-24", ""))]
    ingest(store, article, [], lone)
    assert read_documents(store, article.url or "") == [(None, lone[0][1])]


def test_round_trip_survives_reopening_the_store(tmp_path: Path) -> None:
    article, claims = sample_article(), sample_claims()
    with OxigraphStore(tmp_path / "s") as first:
        ingest(first, article, claims)
    with OxigraphStore(tmp_path / "s") as second:
        assert read_article(second, article.url or "") == (article, claims)


def test_article_without_optional_fields_round_trips(store: OxigraphStore) -> None:
    bare = Article(url="file:///tmp/a.html", text="Revenue was $3bn.")
    claim = Claim(
        id="c1",
        quote="Revenue was $3bn.",
        start=0,
        end=17,
        quantity=Quantity(text="", start=0, end=0, value=3e9, unit="USD"),
    )
    ingest(store, bare, [claim])
    assert read_article(store, "file:///tmp/a.html") == (bare, [claim])


@pytest.mark.parametrize("number", [82.7, 0.1 + 0.2, 1e-20, 1e25, -3.5, 115.0, 12345678.901, float("inf")])
def test_numbers_round_trip_exactly(store: OxigraphStore, number: float) -> None:
    article = Article(url="https://n.example/", text="x")
    ingest(
        store,
        article,
        [
            Claim(
                id="c",
                quote="x",
                start=0,
                end=1,
                quantity=Quantity(text="", start=0, end=0, value=number),
            )
        ],
    )
    found = read_article(store, "https://n.example/")
    assert found is not None and found[1][0].quantity.value == number


def test_values_are_exact_decimals_in_the_graph(store: OxigraphStore) -> None:
    graph = ingest(store, sample_article(), sample_claims())
    values = set(graph.objects(None, FC.value))
    assert Literal("82.7", datatype=XSD.decimal) in values
    # and SPARQL compares them as numbers: 82.70 matches 82.7
    hits = store.query(
        "PREFIX fc: <https://w3id.org/factcheck/ns#> SELECT ?q WHERE { GRAPH ?g { ?q fc:value 82.70 } }"
    ).bindings
    assert len(hits) == 2  # the claim's quantity and the supporting evidence


def test_timestamps_keep_their_text_and_get_an_xsd_datetime(store: OxigraphStore) -> None:
    article = sample_article()
    graph = ingest(store, article, [])
    node = article_iri(article.url or "")
    assert graph.value(node, FC.fetchedAt) == Literal("2026-04-24T08:00:00.123456+00:00")
    typed = graph.value(node, PROV.generatedAtTime)
    assert isinstance(typed, Literal) and typed.datatype == XSD.dateTime
    assert typed.toPython() == datetime.fromisoformat("2026-04-24T08:00:00.123456Z")
    found = read_article(store, article.url or "")
    assert found is not None and found[0].fetch == article.fetch and found[0].published == article.published


# -- one named graph per article --------------------------------------------------------------------


def test_ingesting_the_same_article_twice_replaces_its_graph(store: OxigraphStore) -> None:
    article, claims = sample_article(), sample_claims()
    ingest(store, article, claims)
    size = len(store.graph(article_graph_name(article.url or "")))
    ingest(store, article, claims)
    assert len(store.graph(article_graph_name(article.url or ""))) == size
    ingest(store, article, claims[:1])
    assert [c.id for c in read_claims(store, article.url)] == ["c1"]
    assert store.graph_names() == [article_graph_name(article.url or "")]


def test_two_articles_coexist_and_meet_on_shared_subject_and_source_nodes(store: OxigraphStore) -> None:
    first, second = sample_article("https://news.example/a/"), sample_article("https://other.example/b/")
    ingest(store, first, sample_claims())
    ingest(store, second, sample_claims()[:2])

    assert len(store.graph_names()) == 2
    assert [c.id for c in read_claims(store)] == ["c1", "c2", "c/3 é", "c4", "c5", "c1", "c2"]
    gpt = subject_iri("GPT-5.5")
    about = store.query(
        "PREFIX fc: <https://w3id.org/factcheck/ns#> PREFIX schema: <https://schema.org/> "
        f"SELECT DISTINCT ?claim WHERE {{ ?claim a schema:Claim ; fc:subject <{gpt}> }}"
    ).bindings
    assert len(about) == 5  # "GPT-5.5" and "gpt 5.5" are one subject: 3 claims in a, 2 in b
    benchlm = organization_iri("BenchLM")
    citing = store.query(
        f"PREFIX schema: <https://schema.org/> SELECT ?claim WHERE {{ ?claim schema:citation <{benchlm}> }}"
    ).bindings
    assert len(citing) == 4


def test_read_articles_summarises_each_article_with_verdict_counts(store: OxigraphStore) -> None:
    ingest(store, sample_article("https://b.example/"), sample_claims())
    ingest(store, sample_article("https://a.example/"), sample_claims()[:1])
    summaries = read_articles(store)
    assert [s["url"] for s in summaries] == ["https://a.example/", "https://b.example/"]
    b = summaries[1]
    assert b["title"] == "GPT-5.5, rebuilt" and b["author"] == "Jane Doe" and b["site_name"] == "News Example"
    assert b["text"] == TEXT and b["fetched_at"] == "2026-04-24T08:00:00.123456+00:00"
    assert b["published"] == "2026-04-23T10:00:00+00:00"
    assert b["claims"] == 5 and b["unreviewed"] == 1
    assert b["verdicts"] == {"supported": 1, "contradicted": 1, "unverified": 1, "unsourced": 1}
    assert summaries[0]["verdicts"]["supported"] == 1 and summaries[0]["claims"] == 1


def test_read_article_of_unknown_url_is_none(store: OxigraphStore) -> None:
    assert read_article(store, "https://nowhere.example/") is None
    assert read_claims(store, "https://nowhere.example/") == []


@pytest.mark.parametrize(
    "url",
    ["https://例え.jp/" + "日本語" * 30, 'https://x.example/a b?q="1"&r=<2>#frag', "file:///tmp/a.html"],
)
def test_any_url_gives_a_graph_the_store_accepts(store: OxigraphStore, url: str) -> None:
    article = Article(url=url, text="It grew 5%.")
    claim = Claim(
        id="c1",
        quote="It grew 5%.",
        start=0,
        end=11,
        quantity=Quantity(text="", start=0, end=0, value=5.0, unit="%"),
    )
    ingest(store, article, [claim])
    assert read_article(store, url) == (article, [claim])


def test_graph_names_are_stable_and_distinct_per_url() -> None:
    a = article_graph_name("https://news.example/a/")
    assert a == article_graph_name("https://news.example/a/")
    assert a != article_graph_name("https://news.example/a")
    assert a.startswith("https://w3id.org/factcheck/id/graph/news.example-a-")


def test_slugs_normalise_case_spaces_and_hyphen_variants() -> None:
    assert slug("GPT-5.5") == slug("gpt 5.5") == slug("GPT\u20115.5") == "gpt-5.5"
    assert slug("Futurum Group") == "futurum-group"
    assert slug("C#") != slug("C")
    assert slug("!!!") != slug("???")  # names without letters still get distinct IRIs


def test_article_without_url_or_with_duplicate_claim_ids_is_refused() -> None:
    with pytest.raises(ValueError, match="URL"):
        article_graph(Article(url=None, text="x"), [], software_version=VERSION)
    twice = [
        Claim(id="c", quote="x", start=0, end=1, quantity=Quantity(text="", start=0, end=0)),
        Claim(id="c", quote="y", start=0, end=1, quantity=Quantity(text="", start=0, end=0)),
    ]
    with pytest.raises(ValueError, match="unique"):
        article_graph(sample_article(), twice, software_version=VERSION)


def test_graph_uses_schema_org_and_prov_terms() -> None:
    graph = full_graph()
    assert len(set(graph.subjects(RDF.type, SCHEMA.Claim))) == 5
    assert len(set(graph.subjects(RDF.type, SCHEMA.ClaimReview))) == 4
    ratings = {
        str(graph.value(rating, SCHEMA.alternateName)): str(graph.value(rating, SCHEMA.ratingValue))
        for rating in graph.subjects(RDF.type, SCHEMA.Rating)
    }
    # Only the verdicts that say how true a claim is are numbers; the others are names alone.
    assert ratings == {"contradicted": "1", "supported": "2", "unsourced": "None", "unverified": "None"}
    agent = next(graph.subjects(RDF.type, PROV.SoftwareAgent))
    assert str(graph.value(agent, URIRef("http://www.w3.org/2000/01/rdf-schema#label"))) == "factcheck 0.1.0"
    documents = set(graph.subjects(RDF.type, FC.SourceDocument))
    derived = set(graph.objects(None, PROV.wasDerivedFrom))
    assert len(documents) == 2 and derived <= documents and len(derived) == 2


def test_every_fc_term_the_graph_uses_is_declared_in_the_ontology() -> None:
    ontology = Graph().parse(resource_dir("graph") / "ontology.ttl")
    graph = full_graph()
    used = {t for triple in graph for t in triple if isinstance(t, URIRef) and str(t).startswith(str(FC))}
    declared = {s for s in ontology.subjects(RDF.type, None) if str(s).startswith(str(FC))}
    assert used and used <= declared, sorted(used - declared)
    for term in declared:
        assert ontology.value(term, URIRef("http://www.w3.org/2000/01/rdf-schema#label")) is not None
        assert ontology.value(term, URIRef("http://www.w3.org/2000/01/rdf-schema#comment")) is not None


# -- SHACL ------------------------------------------------------------------------------------------


def test_graphs_with_and_without_reviews_conform_to_the_shapes() -> None:
    reviewed = full_graph()
    unreviewed = [replace(claim, review=None) for claim in sample_claims()]
    plain = article_graph(sample_article(), unreviewed, software_version=VERSION)
    for graph in (reviewed, plain):
        conforms, report = validate(graph)
        assert conforms, report


def test_shapes_allow_exactly_the_lists_of_models() -> None:
    shapes = Graph().parse(resource_dir("graph") / "shapes.ttl")
    sh_in = URIRef("http://www.w3.org/ns/shacl#in")
    lists = {frozenset(str(x) for x in shapes.items(head)) for head in shapes.objects(None, sh_in)}
    for allowed in (BOUNDS, KINDS, VERDICTS):
        assert frozenset(allowed) in lists


def _break(graph: Graph, fault: str) -> Graph:
    broken = Graph()
    broken += graph
    claim = next(s for s in broken.subjects(RDF.type, SCHEMA.Claim) if str(s).endswith("/c1"))
    quantity = broken.value(claim, FC.quantity)
    assert quantity is not None
    if fault == "claim without text":
        broken.remove((claim, SCHEMA.text, None))
    elif fault == "unknown verdict":
        rating = next(broken.subjects(SCHEMA.alternateName, Literal("supported")))
        broken.set((rating, SCHEMA.alternateName, Literal("plausible")))
    elif fault == "unknown kind":
        broken.set((claim, FC.kind, Literal("vibe")))
    elif fault == "unknown bound":
        broken.set((quantity, FC.bound, Literal("about")))
    elif fault == "range without high":
        price_range = next(broken.subjects(FC.bound, Literal("range")))
        broken.remove((price_range, FC.high, None))
    elif fault == "value as string":
        broken.set((quantity, FC.value, Literal("82.7")))
    elif fault == "two texts":
        broken.add((claim, SCHEMA.text, Literal("another quote")))
    elif fault == "mention outside any article":
        mention = next(broken.objects(claim, SCHEMA.appearance))
        broken.remove((mention, SCHEMA.isPartOf, None))
    elif fault == "document without status":
        document = next(broken.subjects(RDF.type, FC.SourceDocument))
        broken.remove((document, FC.httpStatus, None))
    elif fault == "evidence without source":
        evidence = next(broken.subjects(RDF.type, FC.Evidence))
        broken.remove((evidence, FC.source, None))
    return broken


@pytest.mark.parametrize(
    ("fault", "reported"),
    [
        ("claim without text", "schema:text"),
        ("unknown verdict", "schema:alternateName"),
        ("unknown kind", "fc:kind"),
        ("unknown bound", "fc:bound"),
        ("range without high", "fc:high"),
        ("value as string", "fc:value"),
        ("two texts", "schema:text"),
        ("mention outside any article", "schema:isPartOf"),
        ("document without status", "fc:httpStatus"),
        ("evidence without source", "fc:source"),
    ],
)
def test_broken_graph_fails_validation(fault: str, reported: str) -> None:
    graph = full_graph()
    assert validate(graph)[0]
    conforms, report = validate(_break(graph, fault))
    assert not conforms
    assert reported in report


# -- saved queries ----------------------------------------------------------------------------------

QUERIES = sorted((resource_dir("graph") / "queries").glob("*.rq"))


def _select(store: OxigraphStore, sparql: str) -> list[dict[str, str]]:
    result = store.query("PREFIX fc: <https://w3id.org/factcheck/ns#> " + sparql)
    return [{str(k): str(v) for k, v in row.items()} for row in result.bindings]


def _rows(store: OxigraphStore, name: str, **params: str) -> list[dict[str, str]]:
    _columns, rows = run_query(name, store, params)
    return [{k: str(v) for k, v in row.items() if v is not None} for row in rows]


@pytest.fixture
def loaded(store: OxigraphStore) -> OxigraphStore:
    ingest(store, sample_article("https://news.example/a/"), sample_claims(), sample_documents())
    first = sample_claims()[0]
    # another article states another score for the same subject and metric
    other = [replace(first, quantity=replace(first.quantity, value=80.1), subject="gpt-5.5")]
    ingest(store, sample_article("https://other.example/b/"), other)
    return store


def test_there_are_saved_queries_for_every_question() -> None:
    assert {q.stem for q in QUERIES} >= {
        "claims-by-verdict",
        "contradicted-claims",
        "claims-per-source",
        "claims-about-subject",
        "conflicting-values",
        "unreachable-sources",
        "article-provenance",
    }


@pytest.mark.parametrize("path", QUERIES, ids=lambda p: p.stem)
def test_saved_query_has_title_and_description_parses_and_runs(path: Path, loaded: OxigraphStore) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# title: ") and len(lines[0]) > len("# title: ")
    assert lines[1].startswith("# description: ") and len(lines[1]) > len("# description: ")
    prepareQuery(path.read_text(encoding="utf-8"))  # standard SPARQL 1.1, not only Oxigraph's dialect
    assert _rows(loaded, path.stem), f"{path.name} found nothing in the sample data"


def test_claims_by_verdict_can_be_bound_to_one_verdict(loaded: OxigraphStore) -> None:
    rows = _rows(loaded, "claims-by-verdict", verdict="contradicted")
    assert [(r["article_url"], r["claim_id"]) for r in rows] == [("https://news.example/a/", "c2")]
    everything = _rows(loaded, "claims-by-verdict")
    assert {r["verdict"] for r in everything} == {*VERDICTS, "unreviewed"}
    first = next(r for r in everything if r["claim_id"] == "c1")
    assert first["sources"] in ("BenchLM, Futurum Group", "Futurum Group, BenchLM")


def test_contradicted_claims_come_with_their_evidence(loaded: OxigraphStore) -> None:
    rows = _rows(loaded, "contradicted-claims")
    assert len(rows) == 1
    assert rows[0]["claim_id"] == "c2" and rows[0]["evidence_source"] == "BenchLM"
    assert Decimal(rows[0]["evidence_value"]) == 3 and rows[0]["relation"] == "contradicts"


def test_claims_per_source_counts_verdicts(loaded: OxigraphStore) -> None:
    rows = {r["source_name"]: r for r in _rows(loaded, "claims-per-source")}
    benchlm = rows["BenchLM"]
    assert (benchlm["claims"], benchlm["supported"], benchlm["contradicted"]) == ("3", "2", "1")
    futurum = rows["Futurum Group"]
    assert (futurum["claims"], futurum["supported"], futurum["unverified"]) == ("3", "2", "1")


def test_claims_about_a_subject_span_articles_and_spellings(loaded: OxigraphStore) -> None:
    rows = _rows(loaded, "claims-about-subject", subject="gpt 5.5")
    assert sorted((r["article_url"], r["claim_id"]) for r in rows) == [
        ("https://news.example/a/", "c/3 é"),
        ("https://news.example/a/", "c1"),
        ("https://news.example/a/", "c2"),
        ("https://other.example/b/", "c1"),
    ]
    assert _rows(loaded, "claims-about-subject", subject="Claude") == []


def test_conflicting_values_pairs_the_two_scores(loaded: OxigraphStore) -> None:
    rows = _rows(loaded, "conflicting-values")
    assert len(rows) == 1
    pair = rows[0]
    assert pair["metric"] == "Terminal-Bench 2.0"
    assert {Decimal(pair["value"]), Decimal(pair["other_value"])} == {Decimal("82.7"), Decimal("80.1")}


def test_unreachable_sources_lists_sources_without_a_successful_fetch(loaded: OxigraphStore) -> None:
    rows = _rows(loaded, "unreachable-sources")
    assert [r["source_name"] for r in rows] == ["Futurum Group"]
    assert rows[0]["statuses"] == "503" and rows[0]["claims_left_unverified"] == "1"


def test_article_provenance_lists_the_article_then_its_documents(loaded: OxigraphStore) -> None:
    rows = _rows(loaded, "article-provenance", article_url="https://news.example/a/")
    assert [r["role"] for r in rows] == ["article", "source", "source"]
    assert rows[0]["sha256"] == "a" * 64 and rows[0]["software"] == "factcheck 0.1.0"
    assert rows[2]["source_name"] == "Futurum Group" and rows[2]["status"] == "503"


@pytest.mark.parametrize("spelling", ["gpt-5.5", "GPT 5.5", "gpt5.5", "OpenAI GPT-5.5", "GPT-5.5 (xhigh)"])
def test_spellings_of_one_model_meet_on_one_subject_node(store: OxigraphStore, spelling: str) -> None:
    first = sample_claims()[0]  # about "GPT-5.5"
    ingest(store, sample_article("https://news.example/a/"), [first])
    other = replace(first, id="c9", subject=spelling, quantity=replace(first.quantity, value=80.1))
    ingest(store, sample_article("https://other.example/b/"), [other])
    nodes = {r["s"] for r in _select(store, "SELECT DISTINCT ?s WHERE { GRAPH ?g { ?c fc:subject ?s } }")}
    assert nodes == {str(subject_iri("GPT-5.5"))}
    for asked in ("GPT-5.5", "gpt-5.5", spelling):
        rows = _rows(store, "claims-about-subject", subject=asked)
        assert {r["article_url"] for r in rows} == {"https://news.example/a/", "https://other.example/b/"}


def test_a_variant_is_kept_beside_the_shared_subject(store: OxigraphStore) -> None:
    first = sample_claims()[0]
    ingest(store, sample_article(), [replace(first, subject="GPT-5.5 (xhigh)")])
    rows = _select(store, "SELECT ?v WHERE { GRAPH ?g { ?c fc:variant ?v } }")
    assert [r["v"] for r in rows] == ["xhigh"]
