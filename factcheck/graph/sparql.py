"""SPARQL text: RDF terms written in SPARQL syntax, variables fixed by ``VALUES`` blocks, the usual
prefixes added to a query that uses them without declaring them.

Values given by a user (a saved query's parameters, the endpoint's ``bind.*`` fields) only ever enter
a query through ``sparql_term``: written as an RDF term, they cannot change the query's structure.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import rdflib
from rdflib.term import BNode, Literal, Node, URIRef

from factcheck.graph.terms import PREFIXES

XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def _escape_string(text: str) -> str:
    """``text`` as the body of a double-quoted SPARQL string literal."""
    out = []
    for ch in text:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04X}")  # other control characters, which servers may refuse raw
        else:
            out.append(ch)
    return "".join(out)


def sparql_term(term: Node, bnode_labels: dict[BNode, str] | None = None) -> str:
    """One rdflib term written in SPARQL syntax (IRI, literal or blank node label)."""
    if isinstance(term, URIRef):
        if any(ch in term for ch in '<>"{}|^`\\ \n'):
            raise ValueError(f"not a valid IRI: {term!r}")
        return f"<{term}>"
    if isinstance(term, Literal):
        body = f'"{_escape_string(str(term))}"'
        if term.language:
            return f"{body}@{term.language}"
        if term.datatype and str(term.datatype) != XSD_STRING:
            return f"{body}^^<{term.datatype}>"
        return body
    if isinstance(term, BNode):
        labels = bnode_labels if bnode_labels is not None else {}
        # rdflib's own labels may hold characters SPARQL refuses, so number them afresh.
        return "_:" + labels.setdefault(term, f"b{len(labels)}")
    raise TypeError(f"cannot write {term!r} in SPARQL")


def replace_graph_update(name: str, graph: rdflib.Graph) -> str:
    """The single SPARQL update that swaps the content of named graph ``name`` for ``graph``."""
    target = sparql_term(URIRef(name))
    labels: dict[BNode, str] = {}
    lines = [
        f"{sparql_term(s, labels)} {sparql_term(p, labels)} {sparql_term(o, labels)} ." for s, p, o in graph
    ]
    update = f"DROP SILENT GRAPH {target}"
    if lines:
        body = "\n".join(lines)
        update += f" ;\nINSERT DATA {{ GRAPH {target} {{\n{body}\n}} }}"
    return update


def _as_term(value: object) -> Node:
    if isinstance(value, Node):
        return value
    return Literal(value)


# The first WHERE of the query proper: after the prologue, outside comments, strings and IRIs.
_WHERE = re.compile(
    r"""#[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>|(\bWHERE\s*\{)""", re.I
)


def _values(bindings: Mapping[str, object]) -> str:
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(sparql_term(_as_term(value)) for value in bindings.values())
    return f"VALUES ({names}) {{ ({values}) }}"


def with_bindings(sparql: str, bindings: Mapping[str, object] | None) -> str:
    """``sparql`` with the given variables fixed by ``VALUES`` blocks.

    Values are written as RDF terms, never pasted into the text: plain Python values become literals
    (a ``str`` a plain string). A variable is fixed at the start of the WHERE clause, so that every
    pattern and ``FILTER`` of the query sees it; one the query computes itself (``BIND(... AS ?v)``,
    ``(... AS ?v)``) is fixed by a trailing ``VALUES``, which keeps the solutions that computed it.
    """
    if not bindings:
        return sparql
    computed = {name for name in bindings if re.search(rf"\bAS\s+\?{re.escape(name)}\b", sparql, re.I)}
    where = next((m for m in _WHERE.finditer(sparql) if m.group(1)), None)
    early = {k: v for k, v in bindings.items() if k not in computed and where is not None}
    late = {k: v for k, v in bindings.items() if k not in early}
    if early and where is not None:
        sparql = f"{sparql[: where.end()]}\n  {_values(early)}\n{sparql[where.end() :]}"
    return f"{sparql}\n{_values(late)}\n" if late else sparql


def with_prefixes(text: str) -> str:
    """Declare the usual prefixes (schema:, fc:, prov:, rdfs:, xsd:) the query uses but does not declare."""
    declared = {m.lower() for m in re.findall(r"(?im)^\s*prefix\s+([\w-]*):", text)}
    missing = [
        f"PREFIX {name}: <{ns}>"
        for name, ns in PREFIXES.items()
        if name not in declared and re.search(rf"(?<![\w<]){name}:", text)
    ]
    return "\n".join([*missing, text]) if missing else text


_UPDATE = re.compile(
    r"""#[^\n]*|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|<[^<>"{}|^`\\\s]*>"""
    r"|\b(INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)


def is_update(text: str) -> bool:
    """Whether ``text`` reads as a SPARQL update (an update keyword outside comments, strings and IRIs)."""
    return any(m.group(1) for m in _UPDATE.finditer(text))
