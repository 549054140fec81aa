"""The data downloads: each page's graph as JSON-LD and Turtle, and every claim as CSV."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any

from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef

from factcheck.csv_cells import inert
from factcheck.graph.terms import FC, PREFIXES, SCHEMA
from factcheck.site.format import fmt_number
from factcheck.site.loader import ClaimPage


def _bound_prefixes(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def claim_graph(graph: Graph, claim_id: str) -> Graph:
    """The triples about one claim: the claim, its review, and every node they lead to that belongs to
    the claim (its quantity, mentions, rating, evidence, check: IRIs under the claim's own, and the
    lists they hold), plus the type and name of the things they point to outside it."""
    out = _bound_prefixes(Graph())
    node = next(iter(graph.subjects(FC.claimId, Literal(claim_id))), None)
    if node is None:
        return out
    prefix = f"{node}/"
    todo: list[Any] = [node, *graph.subjects(SCHEMA.itemReviewed, node)]
    seen: set[Any] = set()
    named: set[Any] = set()
    while todo:
        subject = todo.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for p, o in graph.predicate_objects(subject):
            out.add((subject, p, o))
            if isinstance(o, BNode) or (isinstance(o, URIRef) and str(o).startswith(prefix)):
                todo.append(o)
            elif isinstance(o, URIRef) and p != RDF.type:
                named.add(o)
    for o in named - seen:
        for p in (RDF.type, SCHEMA.name, SCHEMA.url, SCHEMA.headline, RDFS.label):
            for value in graph.objects(o, p):
                out.add((o, p, value))
    return out


def _canonical_jsonld(value: Any, in_list: bool = False) -> Any:
    """JSON-LD with every unordered array sorted, so that the same graph gives the same bytes."""
    if isinstance(value, dict):
        return {k: _canonical_jsonld(v, in_list=(k == "@list")) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_canonical_jsonld(v) for v in value]
        return items if in_list else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def graph_downloads(graph: Graph) -> tuple[bytes, bytes]:
    """The graph as (JSON-LD, Turtle) bytes, both stable for the same triples."""
    _bound_prefixes(graph)
    turtle = graph.serialize(format="turtle", encoding="utf-8")
    context = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    data = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    jsonld = json.dumps(_canonical_jsonld(data), ensure_ascii=False, indent=2) + "\n"
    return jsonld.encode("utf-8"), turtle


CSV_COLUMNS = tuple(
    "article_url article_title claim_id quote value low high unit bound direction out_of date subject metric"
    " kind sources verdict explanation evidence_urls page".split()
)


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return fmt_number(value).replace(",", "") if value.is_integer() else repr(value)
    return inert(str(value))  # a spreadsheet runs a cell that starts like a formula


def _csv_row(c: ClaimPage) -> dict[str, Any]:
    claim, review = c.claim, c.claim.review
    return {
        "article_url": c.article.url,
        "article_title": c.article.article.title,
        "claim_id": claim.id,
        "quote": claim.quote,
        "value": claim.quantity.value,
        "low": claim.quantity.low,
        "high": claim.quantity.high,
        "unit": claim.quantity.unit,
        "bound": claim.quantity.bound,
        "direction": claim.quantity.direction,
        "out_of": claim.quantity.scale,
        "date": claim.quantity.date,
        "subject": claim.subject,
        "metric": claim.metric,
        "kind": claim.kind,
        "sources": "; ".join(claim.sources),
        "verdict": c.verdict,
        "explanation": review.explanation if review else None,
        "evidence_urls": " ".join(dict.fromkeys(ev.url for ev in review.evidence)) if review else None,
        "page": c.path,
    }


def claims_csv(claims: Sequence[ClaimPage]) -> bytes:
    """Every claim as one CSV row, numbers as plain digits."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS)
    writer.writeheader()
    for row in map(_csv_row, claims):
        writer.writerow({key: _csv_cell(value) for key, value in row.items()})
    return buffer.getvalue().encode("utf-8")
