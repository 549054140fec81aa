"""``factcheck query``: SPARQL on the graph, saved queries and their parameters."""

from __future__ import annotations

import click

from factcheck.cli.commands import (
    emit_records,
    format_option,
    main,
    note_if_empty,
    reading_store,
    store_option,
)


@main.command()
@click.argument("sparql", required=False)
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and their parameters.")
@click.option(
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a parameter of the saved query (repeatable); its value is bound as an RDF term.",
)
@store_option
@format_option(choices=("table", "csv", "json", "jsonl"))
def query(sparql: str | None, list_saved: bool, params: tuple[str, ...], store: str | None, fmt: str) -> None:
    """Run a SPARQL query on the graph. SPARQL is the query text, a .rq file, or the name of a saved
    query (see --list). The schema:, fc:, prov:, rdfs: and xsd: prefixes may be left out.

    A saved query's parameters (--list shows them, with an example each) narrow it down; left out,
    it runs over everything. For any other query, --param NAME=VALUE fixes ?NAME to the string VALUE.

    \b
    Examples:
      factcheck query --list
      factcheck query claims-about-subject --param subject=GPT-5.5 --format csv
      factcheck query claims-by-verdict --param verdict=contradicted
      factcheck query 'SELECT ?text WHERE { ?claim a schema:Claim ; schema:text ?text }'
      factcheck query my-question.rq --format json
    """
    from factcheck.graph.queries import (
        QueryError,
        parse_assignments,
        prepare_query,
        result_rows,
        saved_queries,
    )
    from factcheck.graph.store import open_store

    if list_saved:
        rows = [
            {
                "name": q.name,
                "title": q.title,
                "parameters": "; ".join(f"{p.name}: {p.meaning} (e.g. {p.example})" for p in q.parameters),
                "description": q.description,
            }
            for q in saved_queries()
        ]
        emit_records(rows, fmt, ("name", "title", "parameters", "description"))
        return
    if not sparql:
        raise click.UsageError("give a SPARQL query, a .rq file or a saved query name (or --list)")
    try:
        text, bindings = prepare_query(sparql, parse_assignments(params))
    except QueryError as exc:
        raise click.ClickException(str(exc)) from None
    with open_store(reading_store(store), read_only=True) as st:
        note_if_empty(st)
        columns, rows = result_rows(st.query(text, bindings))
    emit_records(rows, fmt, columns)
