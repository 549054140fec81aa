"""Analysts' SPARQL: the saved queries of ``graph/queries/`` and running any query on the store.

A query may leave out the usual prefixes (schema:, fc:, prov:, rdfs:, xsd:): they are added when the
text uses one without declaring it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rdflib import BNode, Literal, URIRef

from factcheck.graph.mapping import PREFIXES
from factcheck.resources import resource_dir


@dataclass(frozen=True)
class SavedQuery:
    name: str  # file name without .rq
    title: str
    description: str
    text: str


def saved_queries() -> list[SavedQuery]:
    """Every saved query, by file name."""
    out = []
    for path in sorted((resource_dir("graph") / "queries").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        title = _header(text, "title") or path.stem.replace("-", " ").capitalize()
        out.append(SavedQuery(path.stem, title, _header(text, "description") or "", text))
    return out


def resolve_query(query: str) -> str:
    """The query text for a saved query's name, a path to a .rq file, or the text itself."""
    if re.fullmatch(r"[\w-]+", query):
        for saved in saved_queries():
            if saved.name == query:
                return saved.text
    path = Path(query)
    if query.endswith(".rq"):
        if not path.exists():
            raise FileNotFoundError(f"no query file {query}")
        return path.read_text(encoding="utf-8")
    return query


def with_prefixes(text: str) -> str:
    """Declare the usual prefixes the query uses but does not declare."""
    declared = {m.lower() for m in re.findall(r"(?im)^\s*prefix\s+([\w-]*):", text)}
    missing = [
        f"PREFIX {name}: <{ns}>"
        for name, ns in PREFIXES.items()
        if name not in declared and re.search(rf"(?<![\w<]){name}:", text)
    ]
    return "\n".join([*missing, text]) if missing else text


def run_query(query: str, store: str | None = None) -> tuple[list[str], list[dict[str, Any]]]:
    """Run a SPARQL query (text, .rq file or saved query name): (column names, rows)."""
    from factcheck.graph.store import open_store

    text = with_prefixes(resolve_query(query))
    with open_store(store, read_only=True) as st:
        result = st.query(text)
        if result.type == "ASK":
            return ["ask"], [{"ask": bool(result.askAnswer)}]
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            graph = result.graph
            rows = [{"subject": _py(s), "predicate": _py(p), "object": _py(o)} for s, p, o in graph or []]
            return ["subject", "predicate", "object"], rows
        variables = list(result.vars or [])
        columns = [str(v) for v in variables]
        rows = [{str(v): _py(row.get(v)) for v in variables} for row in result.bindings]
        return columns, rows


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


def _header(text: str, key: str) -> str | None:
    m = re.search(rf"(?im)^#\s*{key}:\s*(.+)$", text)
    return m.group(1).strip() if m else None
