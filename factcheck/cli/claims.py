"""``factcheck claims``: the claims stored in the graph."""

from __future__ import annotations

import click

from factcheck.cli.commands import (
    CLAIM_COLUMNS,
    CLAIM_CSV_COLUMNS,
    claim_rows,
    emit_records,
    format_option,
    main,
    note_if_empty,
    reading_store,
    store_option,
)


@main.command()
@click.option("--article", default=None, help="Only the claims of this article URL.")
@click.option(
    "--verdict",
    type=click.Choice(("supported", "contradicted", "unverified", "unsourced")),
    default=None,
    help="Only claims with this verdict.",
)
@store_option
@format_option()
def claims(article: str | None, verdict: str | None, store: str | None, fmt: str) -> None:
    """List the claims stored in the graph.

    \b
    Examples:
      factcheck claims --format table
      factcheck claims --format jsonl > claims.jsonl
    """
    from factcheck.api import list_claims as api_claims
    from factcheck.graph.store import open_store

    with open_store(reading_store(store), read_only=True) as st:
        note_if_empty(st)
        found = api_claims(st, article)
    if verdict:
        found = [c for c in found if c.review and c.review.verdict == verdict]
    columns = CLAIM_COLUMNS if fmt == "table" else CLAIM_CSV_COLUMNS
    emit_records(claim_rows(found, table=fmt == "table"), fmt, columns)
