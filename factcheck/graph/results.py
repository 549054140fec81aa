"""Running one query with limits, and writing its results in the format a client asked for.

This is what a query worker of the endpoint (``endpoint.py``) does, in a process of its own that the
endpoint can stop: read the store, stop at ``max_rows`` solutions or triples, and serialise —
SELECT and ASK as SPARQL JSON, XML, CSV or TSV (rdflib's serialisers; TSV written here, rdflib has
none), CONSTRUCT and DESCRIBE as Turtle, N-Triples, JSON-LD or RDF/XML (pyoxigraph's serialisers).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

import pyoxigraph
import rdflib
from rdflib.query import Result
from rdflib.term import BNode, Literal, Node, URIRef, Variable

#: Media types of results by kind, the first of each the default.
SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/x-turtle": pyoxigraph.RdfFormat.TURTLE,
    "application/n-triples": pyoxigraph.RdfFormat.N_TRIPLES,
    "text/plain": pyoxigraph.RdfFormat.N_TRIPLES,
    "application/ld+json": pyoxigraph.RdfFormat.JSON_LD,
    "application/rdf+xml": pyoxigraph.RdfFormat.RDF_XML,
}
#: Short names a client may give as ``format=`` instead of an Accept header.
FORMAT_NAMES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
    "turtle": "text/turtle",
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "ntriples": "application/n-triples",
    "jsonld": "application/ld+json",
    "json-ld": "application/ld+json",
    "rdfxml": "application/rdf+xml",
}
_CHARSET = ("text/", "application/sparql-results", "application/json", "application/ld+json")


@dataclass(frozen=True)
class Answer:
    """An HTTP answer: status, media type and body."""

    status: int
    media_type: str
    body: bytes

    @classmethod
    def error(cls, status: int, message: str) -> Answer:
        return cls(status, "text/plain", (message.rstrip() + "\n").encode("utf-8"))

    @property
    def content_type(self) -> str:
        return self.media_type + ("; charset=utf-8" if self.media_type.startswith(_CHARSET) else "")


def choose(accepted: list[str], offered: dict[str, Any]) -> str | None:
    """The first media type of ``accepted`` (already ordered by preference) that ``offered`` has."""
    for wanted in accepted:
        if wanted in offered:
            return wanted
        if wanted in ("*/*", "application/*", "text/*"):
            prefix = wanted.split("/")[0]
            return next((t for t in offered if prefix == "*" or t.startswith(prefix + "/")), None)
    return None


def parse_accept(header: str | None) -> list[str]:
    """An Accept header as media types, most preferred first (ties keep their order)."""
    if not header:
        return ["*/*"]
    ranked = []
    for position, part in enumerate(header.split(",")):
        fields = [f.strip() for f in part.split(";")]
        quality = 1.0
        for extra in fields[1:]:
            if extra.startswith("q="):
                try:
                    quality = float(extra[2:])
                except ValueError:
                    quality = 0.0
        if fields[0] and quality > 0:
            ranked.append((-quality, position, fields[0].lower()))
    return [media for _q, _p, media in sorted(ranked)] or ["*/*"]


class TooLarge(Exception):
    pass


def _rdflib_term(term: Any) -> Node | None:
    if term is None:
        return None
    if isinstance(term, pyoxigraph.NamedNode):
        return URIRef(term.value)
    if isinstance(term, pyoxigraph.BlankNode):
        return BNode(term.value)
    if isinstance(term, pyoxigraph.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == "http://www.w3.org/2001/XMLSchema#string":
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype), normalize=False)
    return Literal(str(term))


def _ox_term(term: Node) -> Any:
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    assert isinstance(term, Literal)
    if term.language:
        return pyoxigraph.Literal(str(term), language=term.language)
    if term.datatype:
        return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype)))
    return pyoxigraph.Literal(str(term))


def select_answer(variables: list[str], rows: list[list[Any]], accepted: list[str]) -> Answer:
    media = choose(accepted, SOLUTION_TYPES)
    if media is None:
        return Answer.error(406, f"SELECT results come as {', '.join(SOLUTION_TYPES)}")
    kind = SOLUTION_TYPES[media]
    if kind == "tsv":
        lines = ["\t".join(f"?{v}" for v in variables)]
        lines += ["\t".join("" if t is None else t.n3() for t in row) for row in rows]
        return Answer(200, media, ("\n".join(lines) + "\n").encode("utf-8"))
    result = Result("SELECT")
    result.vars = [Variable(v) for v in variables]
    result.bindings = [
        {Variable(v): t for v, t in zip(variables, row, strict=True) if t is not None} for row in rows
    ]
    out = io.BytesIO()
    result.serialize(out, format=kind, encoding="utf-8")
    return Answer(200, media, out.getvalue())


def ask_answer(value: bool, accepted: list[str]) -> Answer:
    media = choose(accepted, SOLUTION_TYPES)
    if media is None:
        return Answer.error(406, f"ASK results come as {', '.join(SOLUTION_TYPES)}")
    kind = SOLUTION_TYPES[media]
    if kind in ("csv", "tsv"):
        return Answer(200, media, b"_askResult\n" + (b"true\n" if value else b"false\n"))
    result = Result("ASK")
    result.askAnswer = value
    out = io.BytesIO()
    result.serialize(out, format=kind, encoding="utf-8")
    return Answer(200, media, out.getvalue())


def graph_answer(triples: list[Any], accepted: list[str]) -> Answer:
    media = choose(accepted, GRAPH_TYPES)
    if media is None:
        return Answer.error(406, f"CONSTRUCT and DESCRIBE results come as {', '.join(GRAPH_TYPES)}")
    body = pyoxigraph.serialize(triples, format=GRAPH_TYPES[media]) or b""
    return Answer(200, media, body)


def _limited(items: Any, max_rows: int, what: str) -> list[Any]:
    out = []
    for item in items:
        out.append(item)
        if len(out) > max_rows:
            raise TooLarge(
                f"the result has more than {max_rows:,} {what} (the endpoint's limit);"
                " add a LIMIT or narrow the query"
            )
    return out


def answer_embedded(
    store: pyoxigraph.Store,
    text: str,
    accepted: list[str],
    max_rows: int,
    default_graphs: list[str] = (),  # type: ignore[assignment]
    named_graphs: list[str] = (),  # type: ignore[assignment]
) -> Answer:
    """Run ``text`` on an embedded store (default graph: the union of all graphs, unless given)."""
    options: dict[str, Any] = {}
    if default_graphs:
        options["default_graph"] = [pyoxigraph.NamedNode(g) for g in default_graphs]
    else:
        options["use_default_graph_as_union"] = True
    if named_graphs:
        options["named_graphs"] = [pyoxigraph.NamedNode(g) for g in named_graphs]
    result = store.query(text, **options)
    try:
        if isinstance(result, pyoxigraph.QueryBoolean):
            return ask_answer(bool(result), accepted)
        if isinstance(result, pyoxigraph.QuerySolutions):
            variables = [v.value for v in result.variables]
            solutions = _limited(result, max_rows, "rows")
            rows = [[_rdflib_term(s[v]) for v in variables] for s in solutions]
            return select_answer(variables, rows, accepted)
        return graph_answer(_limited(result, max_rows, "triples"), accepted)
    except TooLarge as exc:
        return Answer.error(400, str(exc))


def answer_result(result: Result, accepted: list[str], max_rows: int) -> Answer:
    """Serialise an rdflib result (from a remote store) within the limits."""
    if result.type == "ASK":
        return ask_answer(bool(result.askAnswer), accepted)
    if result.type == "SELECT":
        variables = [str(v) for v in result.vars or []]
        if len(result.bindings) > max_rows:
            return Answer.error(400, f"the result has more than {max_rows:,} rows (the endpoint's limit)")
        rows = [[row.get(Variable(v)) for v in variables] for row in result.bindings]
        return select_answer(variables, rows, accepted)
    graph = result.graph if result.graph is not None else rdflib.Graph()
    if len(graph) > max_rows:
        return Answer.error(400, f"the result has more than {max_rows:,} triples (the endpoint's limit)")
    triples = [pyoxigraph.Triple(_ox_term(s), _ox_term(p), _ox_term(o)) for s, p, o in graph]
    return graph_answer(triples, accepted)
