"""Analysts' SPARQL: the saved queries of ``graph/queries/``, their parameters, and running a query.

A saved query is a ``.rq`` file whose header says what it is and what it can be asked about::

    # title: Everything claimed about a subject
    # description: All claims about one subject across every article ...
    # param: subject | subject | the subject, in any spelling the articles use | GPT-5.5

A ``param`` line is ``NAME | KIND | MEANING | EXAMPLE``. Parameter NAME fixes the query variable
``?NAME``; left out, the query runs over everything. Values are bound as RDF terms through ``VALUES``
(``sparql.with_bindings``), never pasted into the text. The KIND says which term a value becomes:

- ``text``: a plain string literal (article URLs are stored as plain strings too);
- ``subject``: a subject's identity key (``names.subject_key``), so that every spelling of one
  subject ("GPT-5.5", "gpt5.5", "OpenAI GPT-5.5") finds the same claims;
- ``organisation``: the IRI of the organisation's node (``names.organisation_key``);
- ``integer``, ``decimal``: a number; ``iri``: an IRI.

A query may leave out the usual prefixes (schema:, fc:, prov:, rdfs:, xsd:): they are added when the
text uses one without declaring it.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rdflib import XSD, BNode, Literal, URIRef
from rdflib.term import Node

from factcheck.graph.sparql import sparql_term, with_prefixes
from factcheck.graph.terms import organization_iri
from factcheck.names import subject_key
from factcheck.resources import resource_dir

if TYPE_CHECKING:
    from rdflib.query import Result

    from factcheck.graph.store import Store

KINDS = ("text", "subject", "organisation", "integer", "decimal", "iri")


class QueryError(ValueError):
    """A query or its parameters cannot be used as given; the message is one line meant for the user."""


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str
    meaning: str
    example: str

    def term(self, value: str) -> Node:
        """``value`` as the RDF term this parameter binds."""
        return parameter_term(self.kind, value, self.name)


@dataclass(frozen=True)
class SavedQuery:
    name: str  # file name without .rq
    title: str
    description: str
    text: str
    parameters: tuple[Parameter, ...] = ()

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


def parameter_term(kind: str, value: str, name: str = "value") -> Node:
    """The RDF term a parameter of ``kind`` binds for ``value``."""
    if kind == "subject":
        return Literal(subject_key(value) or value.strip().casefold())
    if kind == "organisation":
        return organization_iri(value)
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value.strip()):
            raise QueryError(f"parameter {name} must be a whole number, not {value!r}")
        return Literal(value.strip(), datatype=XSD.integer)
    if kind == "decimal":
        try:
            number = Decimal(value.strip())
        except InvalidOperation:
            raise QueryError(f"parameter {name} must be a number, not {value!r}") from None
        return Literal(format(number, "f"), datatype=XSD.decimal)
    if kind == "iri":
        try:
            sparql_term(URIRef(value))
        except ValueError:
            raise QueryError(f"parameter {name} must be an IRI, not {value!r}") from None
        return URIRef(value)
    return Literal(value)


_PARAM = re.compile(r"(?im)^#\s*param\s*:\s*(.+)$")


def parse_header(text: str, source: str = "query") -> tuple[dict[str, str], tuple[Parameter, ...]]:
    """The ``# key: value`` lines (first of each key) and the declared parameters of a query text."""
    header: dict[str, str] = {}
    for match in re.finditer(r"(?im)^#\s*(title|description)\s*:\s*(.*)$", text):
        header.setdefault(match.group(1).lower(), match.group(2).strip())
    parameters = []
    for match in _PARAM.finditer(text):
        parts = [part.strip() for part in match.group(1).split("|")]
        if len(parts) != 4 or not re.fullmatch(r"[A-Za-z_]\w*", parts[0]) or parts[1] not in KINDS:
            raise QueryError(
                f"{source}: a param line is 'NAME | KIND | MEANING | EXAMPLE' with KIND one of"
                f" {', '.join(KINDS)}: {match.group(0).strip()!r}"
            )
        parameters.append(Parameter(*parts))
    return header, tuple(parameters)


def load_saved_query(path: Path) -> SavedQuery:
    text = path.read_text(encoding="utf-8")
    header, parameters = parse_header(text, path.name)
    title = header.get("title") or path.stem.replace("-", " ").capitalize()
    return SavedQuery(path.stem, title, header.get("description", ""), text, parameters)


def saved_queries(folder: Path | None = None) -> list[SavedQuery]:
    """Every saved query, by file name."""
    folder = folder or resource_dir("graph") / "queries"
    return [load_saved_query(path) for path in sorted(folder.glob("*.rq"))]


def saved_query(name: str) -> SavedQuery:
    """The saved query called ``name``; an unknown name says so and suggests the nearest names."""
    queries = saved_queries()
    for saved in queries:
        if saved.name == name:
            return saved
    near = difflib.get_close_matches(name, [q.name for q in queries], n=3, cutoff=0.6)
    hint = f"did you mean {' or '.join(near)}? " if near else ""
    raise QueryError(f"no saved query named {name!r}; {hint}see: factcheck query --list")


def resolve_query(query: str) -> tuple[str, SavedQuery | None]:
    """The text of a query given as a saved query's name, a path to a .rq file, or the text itself;
    with the saved query (or the .rq file read as one) when it was one."""
    if re.fullmatch(r"[\w-]+", query.strip()):
        return (saved := saved_query(query.strip())).text, saved
    if query.endswith(".rq") and "\n" not in query:
        path = Path(query)
        if not path.is_file():
            raise QueryError(f"no query file {query}")
        saved = load_saved_query(path)
        return saved.text, saved
    return query, None


def bind_parameters(saved: SavedQuery | None, values: Mapping[str, str]) -> dict[str, Node]:
    """``NAME=VALUE`` strings as the terms they bind: a saved query's declared parameters by their kind
    (an undeclared name is refused), the variables of any other query as plain strings."""
    if saved is None or not saved.parameters and not values:
        for name in values:
            if not re.fullmatch(r"[A-Za-z_]\w*", name):
                raise QueryError(f"{name!r} is not a SPARQL variable name")
        return {name: Literal(value) for name, value in values.items()}
    bound: dict[str, Node] = {}
    for name, value in values.items():
        parameter = saved.parameter(name)
        if parameter is None:
            known = ", ".join(p.name for p in saved.parameters) or "none"
            raise QueryError(f"saved query {saved.name} has no parameter {name!r} (its parameters: {known})")
        bound[name] = parameter.term(value)
    return bound


def parse_assignments(pairs: tuple[str, ...] | list[str]) -> dict[str, str]:
    """``["NAME=VALUE", ...]`` as a mapping (a value may hold anything, "=" included)."""
    out: dict[str, str] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise QueryError(f"a parameter is NAME=VALUE, not {pair!r}")
        out[name.strip()] = value
    return out


def prepare_query(query: str, params: Mapping[str, str] | None = None) -> tuple[str, dict[str, Node]]:
    """The query text (prefixes added) and the terms its parameters bind, ready for ``Store.query``."""
    text, saved = resolve_query(query)
    return with_prefixes(text), bind_parameters(saved, params or {})


def run_query(
    query: str, store: str | Store | None = None, params: Mapping[str, str] | None = None
) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a SPARQL query (text, .rq file or saved query name) with its parameters: (columns, rows)."""
    from factcheck.graph.store import Store, open_store

    text, bindings = prepare_query(query, params)
    if isinstance(store, Store):
        return result_rows(store.query(text, bindings))
    with open_store(store, read_only=True) as st:
        return result_rows(st.query(text, bindings))


def result_rows(result: Result) -> tuple[list[str], list[dict[str, Any]]]:
    """An rdflib result as (column names, rows of plain Python values)."""
    if result.type == "ASK":
        return ["ask"], [{"ask": bool(result.askAnswer)}]
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        rows = [{"subject": _py(s), "predicate": _py(p), "object": _py(o)} for s, p, o in graph or []]
        return ["subject", "predicate", "object"], rows
    variables = list(result.vars or [])
    columns = [str(v) for v in variables]
    return columns, [{str(v): _py(row.get(v)) for v in variables} for row in result.bindings]


def _py(term: Any) -> Any:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (int, float, bool, str)):
            return value
        return str(term)
    if isinstance(term, (URIRef, BNode)):
        return str(term)
    return str(term)
