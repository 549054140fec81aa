"""``factcheck extract`` and ``factcheck quantities``: what an article or a text states, nothing stored."""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterable, Iterator
from typing import Any

import click

from factcheck.cli.commands import (
    CLAIM_COLUMNS,
    CLAIM_CSV_COLUMNS,
    claim_rows,
    emit_records,
    format_option,
    main,
)


@main.command()
@click.argument("source")
@click.option(
    "--archive", type=click.Path(exists=True), help="Replay the web from a mirror folder or a WARC file."
)
@click.option(
    "--base-url", default=None, help="URL of a local file or stdin article (for links and identity)."
)
@click.option("--model", default=None, envvar="FACTCHECK_SPACY_MODEL", help="spaCy pipeline to use.")
@click.option(
    "--scope",
    type=click.Choice(["article", "paragraph"]),
    default=None,
    envvar="FACTCHECK_ATTRIBUTION_SCOPE",
    help="How far an attribution reaches: a report's lead carries over (article, the default) or only a "
    "claim's own sentence and paragraph count (paragraph).",
)
@format_option(default="jsonl")
def extract(
    source: str, archive: str | None, base_url: str | None, model: str | None, scope: str | None, fmt: str
) -> None:
    """Extract the claims of one article without storing anything.

    SOURCE is an http(s) URL, a local .html/.txt file, or - for standard input.

    \b
    Example:
      factcheck extract article.html --format jsonl > claims.jsonl
      factcheck extract article.html --scope paragraph --format table
    """
    from factcheck.api import extract as api_extract
    from factcheck.pipeline import load_article

    article = load_article(source, archive=archive, base_url=base_url)
    claims = api_extract(article, model=model, scope=scope)
    emit_records(
        claim_rows(claims, table=fmt == "table"),
        fmt,
        CLAIM_COLUMNS if fmt == "table" else CLAIM_CSV_COLUMNS,
        title=article.title or source,
    )


@main.command()
@click.argument("text", required=False)
@click.option(
    "--lines",
    "lines_file",
    type=click.File("r", encoding="utf-8"),
    help="Read one text per line from a file (- for stdin); output carries the line number.",
)
@click.option("--dates", is_flag=True, help="Also print dates.")
@format_option(choices=("jsonl", "json", "table", "csv"), default="jsonl")
def quantities(text: str | None, lines_file: Any, dates: bool, fmt: str) -> None:
    """Print every quantity stated in a text, normalised.

    \b
    Examples:
      factcheck quantities "Revenue rose 12% to $4.5 billion"
      factcheck quantities --lines sentences.txt --format jsonl
    """
    from factcheck.cli.lines import bounded_lines

    def warn(message: str) -> None:
        click.echo(f"Warning: {message}", err=True)

    # Input is read a line at a time and jsonl is written as it comes, so an endless stdin is fine.
    items: Iterable[tuple[int | None, str]]
    if lines_file is not None:
        items = bounded_lines(lines_file, warn)
    elif text is not None:
        items = [(None, text)]
    elif not sys.stdin.isatty():
        items = ((None, line) for _number, line in bounded_lines(sys.stdin, warn))
    else:
        raise click.UsageError("give a TEXT argument, --lines FILE, or text on standard input")
    cols = (["line"] if lines_file is not None else []) + [
        "text",
        "value",
        "low",
        "high",
        "unit",
        "bound",
        "direction",
    ]
    records = _quantity_records(items, dates)
    if fmt == "jsonl":
        for record in records:
            click.echo(json.dumps(record, ensure_ascii=False))
        return
    held = list(itertools.islice(records, MAX_HELD_RECORDS + 1))
    if len(held) > MAX_HELD_RECORDS:
        warn(f"only the first {MAX_HELD_RECORDS:,} quantities are shown in {fmt}; use --format jsonl")
    emit_records(held[:MAX_HELD_RECORDS], fmt, cols)


#: Records a table, JSON array or CSV holds before printing (jsonl streams any number).
MAX_HELD_RECORDS = 100_000


def _quantity_records(items: Iterable[tuple[int | None, str]], dates: bool) -> Iterator[dict[str, Any]]:
    from factcheck.quantities.finder import find_quantities

    for line_no, line in items:
        for q in find_quantities(line, include_dates=dates):
            d: dict[str, Any] = {"line": line_no} if line_no is not None else {}
            d.update(text=q.text)
            if q.bound == "range":
                d.update(low=q.low, high=q.high)
            elif q.unit == "date":
                d.update(value=q.date)
            else:
                d.update(value=q.value)
            d.update(unit=q.unit, bound=q.bound, direction=q.direction)
            if q.scale is not None:
                d["out_of"] = q.scale
            yield d
