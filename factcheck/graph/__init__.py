"""The knowledge graph: its terms (``terms``), the models written as RDF (``writer``) and read back
(``reader``), SPARQL text (``sparql``), the stores (``store``), the saved queries (``queries``), the
read-only SPARQL endpoint (``endpoint``) and the SHACL check (``shapes``)."""

from factcheck.graph.reader import (
    article_from_graph,
    article_graph_names,
    read_article,
    read_articles,
    read_claims,
    read_documents,
)
from factcheck.graph.store import OxigraphStore, SparqlStore, Store, StoreError, open_store
from factcheck.graph.terms import article_graph_name, organization_iri, subject_iri
from factcheck.graph.writer import article_graph

__all__ = [
    "OxigraphStore",
    "SparqlStore",
    "Store",
    "StoreError",
    "article_from_graph",
    "article_graph",
    "article_graph_name",
    "article_graph_names",
    "open_store",
    "organization_iri",
    "read_article",
    "read_articles",
    "read_claims",
    "read_documents",
    "subject_iri",
]
