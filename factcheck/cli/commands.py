"""The ``factcheck`` command group and what its commands share: options, output, reading a store.

The commands live one group a module (``extract``, ``ingest``, ``claims``, ``query``, ``sources``,
``site``) and register on ``main`` when ``factcheck.cli`` is imported. Every failure ends in one line
on stderr and a non-zero exit; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from factcheck.version import __version__

if TYPE_CHECKING:  # the models import nothing heavy, but the CLI starts fastest with no imports at all
    from factcheck.models import Claim

FORMATS = ("table", "jsonl", "json", "csv")
STORE_HELP = "Graph store: a folder for the embedded store, or a SPARQL endpoint URL (env FACTCHECK_STORE)."


class FactcheckGroup(click.Group):
    """Turns any exception into a one-line error unless --debug was given."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort, KeyboardInterrupt):
            raise
        except BrokenPipeError:  # the reader of our output went away (| head): stop quietly
            import os

            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(1)
        except Exception as exc:  # noqa: BLE001 - the CLI's last line of defence
            if ctx.meta.get("factcheck.debug"):
                raise
            click.echo(f"Error: {error_line(exc)}", err=True)
            ctx.exit(1)


def error_line(exc: BaseException) -> str:
    """One printable line saying what went wrong: the first line of the message, or what it was."""
    text = str(exc).strip()
    line = text.splitlines()[0] if text else ""
    line = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in line)[:500]
    if isinstance(exc, MemoryError):
        return f"out of memory{': ' + line if line else ''} (rerun with --debug for details)"
    if isinstance(exc, RecursionError):
        return f"input nested too deeply to read ({line})"
    return line or type(exc).__name__


@click.group(cls=FactcheckGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="factcheck")
@click.option("--debug", is_flag=True, help="Show full tracebacks on errors.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """Find the quantitative claims in articles, check them against the sources they cite, and keep
    everything in an RDF knowledge graph.

    \b
    Example:
      factcheck ingest https://news.example/gpt-5-5-rebuilt-from-scratch/ --archive ../shared/web
      factcheck claims --format table
    """
    ctx.meta["factcheck.debug"] = debug


def store_option(f: Any) -> Any:
    return click.option("--store", "store", envvar="FACTCHECK_STORE", default=None, help=STORE_HELP)(f)


def format_option(choices: Sequence[str] = FORMATS, default: str = "table") -> Any:
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=default,
        show_default=True,
        help="Output format.",
    )


# ---------------------------------------------------------------- output helpers


def emit_records(records: list[dict[str, Any]], fmt: str, columns: Sequence[str], title: str = "") -> None:
    """Print records as a rich table, JSON lines, a JSON array or CSV."""
    if fmt == "jsonl":
        for r in records:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "json":
        click.echo(json.dumps(records, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        from factcheck.csv_cells import inert

        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for r in records:
            writer.writerow({c: inert(_cell(r.get(c))) for c in columns})
        click.echo(buf.getvalue(), nl=False)
    else:
        from rich.console import Console
        from rich.table import Table

        table = Table(title=title or None, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in records:
            table.add_row(*(_cell(r.get(c)) for c in columns))
        Console(width=max(140, _terminal_width())).print(table)


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, list):
        return "; ".join(_cell(x) for x in v)
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return str(v)


def _terminal_width() -> int:
    import shutil

    return shutil.get_terminal_size((120, 20)).columns


def claim_rows(claims: Iterable[Claim], table: bool = False) -> list[dict[str, Any]]:
    """Claims as output records; for a table, long quotes are shortened. ``figure`` is the figure as
    the article writes it, or described from its value when the article only implies it."""
    from factcheck.quantities.tolerance import describe

    rows = []
    for c in claims:
        d = c.to_dict()
        if table and len(d["quote"]) > 90:
            d["quote"] = d["quote"][:89] + "…"
        q = c.quantity
        if not q.text:
            d["figure"] = (
                str(d.get("value"))
                if q.unit == "date"
                else describe(q.value, q.bound, q.unit, q.low, q.high, q.scale)
            )
        rows.append(d)
    return rows


CLAIM_COLUMNS = ("figure", "subject", "metric", "kind", "sources", "verdict", "quote")
CLAIM_CSV_COLUMNS = (
    "id",
    "quote",
    "value",
    "low",
    "high",
    "unit",
    "bound",
    "direction",
    "out_of",
    "subject",
    "metric",
    "kind",
    "sources",
    "verdict",
    "explanation",
)


# ---------------------------------------------------------------- reading a store


def reading_store(location: str | None) -> str:
    """The store a reading command opens: a folder that does not exist is an error, not a new store."""
    from factcheck.graph.store import default_store_location

    location = location or default_store_location()
    if not location.startswith(("http://", "https://")) and not Path(location).expanduser().exists():
        raise click.ClickException(
            f"no graph store at {location}; ingest an article first (factcheck ingest URL --store {location})"
        )
    return location


def note_if_empty(st: Any) -> bool:
    """Say on stderr when the store holds no article; True if it is empty."""
    from factcheck.graph import article_graph_names

    if article_graph_names(st):
        return False
    click.echo(
        f"Note: the graph store {st.location} holds no articles yet"
        f" (factcheck ingest URL --store {st.location})",
        err=True,
    )
    return True


if __name__ == "__main__":  # pragma: no cover - `python -m factcheck.cli.commands`
    # `-m` imports the package factcheck.cli first, which registers every command on its group; this
    # copy of the module, run as __main__, has a group of its own without them.
    sys.modules["factcheck.cli"].main()
