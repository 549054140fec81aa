"""The ``factcheck`` command line: a click group over the Python API.

Every failure ends in one line on stderr and a non-zero exit; ``--debug`` shows the traceback.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from factcheck.cli.fetching import fetch_options
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


def read_source_arg(source: str) -> str:
    return source


# ---------------------------------------------------------------- commands


@main.command()
@click.argument("source")
@click.option(
    "--archive", type=click.Path(exists=True), help="Replay the web from a mirror folder or a WARC file."
)
@click.option(
    "--base-url", default=None, help="URL of a local file or stdin article (for links and identity)."
)
@click.option("--model", default=None, envvar="FACTCHECK_SPACY_MODEL", help="spaCy pipeline to use.")
@format_option(default="jsonl")
def extract(source: str, archive: str | None, base_url: str | None, model: str | None, fmt: str) -> None:
    """Extract the claims of one article without storing anything.

    SOURCE is an http(s) URL, a local .html/.txt file, or - for standard input.

    \b
    Example:
      factcheck extract article.html --format jsonl > claims.jsonl
    """
    from factcheck.api import extract as api_extract
    from factcheck.pipeline import load_article

    article = load_article(source, archive=archive, base_url=base_url)
    claims = api_extract(article, model=model)
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


@main.command()
@click.argument("sources_", metavar="SOURCE...", nargs=-1, required=True)
@click.option(
    "--archive", type=click.Path(exists=True), help="Replay the web from a mirror folder or a WARC file."
)
@click.option(
    "--warc",
    "warc_out",
    type=click.Path(),
    default=None,
    help="Archive every response fetched to this WARC file (default: next to the store).",
)
@click.option("--no-verify", is_flag=True, help="Only extract and store claims; do not fetch their sources.")
@fetch_options
@click.option("--model", default=None, envvar="FACTCHECK_SPACY_MODEL", help="spaCy pipeline to use.")
@store_option
def ingest(
    sources_: tuple[str, ...],
    archive: str | None,
    warc_out: str | None,
    no_verify: bool,
    fetch: dict[str, Any],
    model: str | None,
    store: str | None,
) -> None:
    """Fetch articles, extract their claims, verify them against the cited sources, store the graph.

    SOURCE is an http(s) URL, a local .html/.txt file, or - for standard input. Ingesting an article
    again replaces its graph.

    \b
    Example:
      factcheck ingest https://news.example/gpt-5-5-rebuilt-from-scratch/ --archive ../shared/web
    """
    from rich.console import Console

    from factcheck.api import ingest as api_ingest

    console = Console(stderr=True)
    failures = 0
    for source in sources_:
        try:
            with console.status(f"Ingesting {source}") as status:
                result = api_ingest(
                    source,
                    store=store,
                    archive=archive,
                    verify=not no_verify,
                    **fetch,
                    warc_out=warc_out,
                    model=model,
                    progress=lambda msg: status.update(msg),
                )
        except Exception as exc:  # one bad article must not stop the others
            if len(sources_) == 1:
                raise
            failures += 1
            line = error_line(exc)
            click.echo(f"Error: {line if line.startswith(source) else f'{source}: {line}'}", err=True)
            continue
        _print_summary(result, console)
    if failures:
        click.echo(f"{failures} of {len(sources_)} articles failed", err=True)
        raise SystemExit(1)


def _print_summary(result: Any, console: Any) -> None:
    from collections import Counter

    from rich.table import Table

    counts = Counter((c.review.verdict if c.review else "not checked") for c in result.claims)
    table = Table(title=f"{result.article.title or result.article.url}: {len(result.claims)} claims")
    table.add_column("verdict")
    table.add_column("claims", justify="right")
    for verdict in ("supported", "contradicted", "unverified", "unsourced", "not checked"):
        if counts.get(verdict):
            table.add_row(verdict, str(counts[verdict]))
    console.print(table)
    console.print(f"Stored in graph {result.graph} ({result.store})")


@main.command()
@click.argument("urls", metavar="[URL...]", nargs=-1)
@click.option(
    "--archive", type=click.Path(exists=True), help="Replay the web from a mirror folder or a WARC file."
)
@click.option(
    "--warc", "warc_out", type=click.Path(), default=None, help="Archive every response to this WARC file."
)
@fetch_options
@store_option
@format_option()
def recheck(
    urls: tuple[str, ...],
    archive: str | None,
    warc_out: str | None,
    fetch: dict[str, Any],
    store: str | None,
    fmt: str,
) -> None:
    """Fetch the sources of stored articles again and report the claims whose verdict changed.

    With no URL, every stored article is rechecked. The graph keeps the new verdicts.

    \b
    Example:
      factcheck recheck https://news.example/gpt-5-5-rebuilt-from-scratch/
    """
    from rich.console import Console

    from factcheck.pipeline import run_recheck
    from factcheck.version import __version__ as version

    console = Console(stderr=True)
    with console.status("Rechecking") as status:
        changed = run_recheck(
            list(urls) or None,
            store=store,
            archive=archive,
            warc_out=warc_out,
            **fetch,
            progress=lambda msg: status.update(msg),
            version=version,
        )
    if not changed and fmt == "table":
        console.print("No verdict changed.")
        return
    emit_records(changed, fmt, ("article", "quote", "before", "after", "explanation"))


@main.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="factcheck-demo",
    show_default=True,
    help="Folder for the demo's graph store and site.",
)
def demo(out_dir: str) -> None:
    """Ingest the bundled example articles offline, check them, and build the site.

    The examples and their source pages are replayed from the bundled mirror; nothing is fetched from
    the network.

    \b
    Example:
      factcheck demo --out factcheck-demo && factcheck serve factcheck-demo/site
    """
    from rich.console import Console

    from factcheck.api import ingest as api_ingest
    from factcheck.resources import resource_dir

    console = Console()
    examples = resource_dir("examples")
    urls = [
        line.strip()
        for line in (examples / "articles.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    store = str(Path(out_dir) / "store")
    results = []
    for url in urls:
        with console.status(f"Ingesting {url}") as status:
            results.append(
                api_ingest(
                    url, store=store, archive=examples / "web", progress=lambda msg: status.update(msg)
                )
            )
    for result in results:
        _print_summary(result, console)
    emit_records(
        claim_rows([c for r in results for c in r.claims], table=True),
        "table",
        ("figure", "subject", "sources", "verdict", "quote"),
        title="Claims found",
    )
    site = _build_site_if_available(store, Path(out_dir) / "site", console)
    console.print(f"Graph store: {store}" + (f"   Site: {site / 'index.html'}" if site else ""))


def _build_site_if_available(store: str, out: Path, console: Any) -> Path | None:
    try:
        from factcheck.site.build import build_site
    except ImportError:
        return None
    from factcheck.graph.store import open_store

    with open_store(store, read_only=True) as st:
        build_site(st, out)
    return out


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

    found = api_claims(store, article)
    if verdict:
        found = [c for c in found if c.review and c.review.verdict == verdict]
    columns = CLAIM_COLUMNS if fmt == "table" else CLAIM_CSV_COLUMNS
    emit_records(claim_rows(found, table=fmt == "table"), fmt, columns)


@main.command()
@click.argument("sparql", required=False)
@click.option("--list", "list_saved", is_flag=True, help="List the saved queries and exit.")
@store_option
@format_option(choices=("table", "csv", "json", "jsonl"))
def query(sparql: str | None, list_saved: bool, store: str | None, fmt: str) -> None:
    """Run a SPARQL query on the graph. SPARQL is the query text, a .rq file, or the name of a saved
    query (see --list). The schema:, fc:, prov:, rdfs: and xsd: prefixes may be left out.

    \b
    Examples:
      factcheck query 'SELECT ?text WHERE { ?claim a schema:Claim ; schema:text ?text }'
      factcheck query claims-by-verdict --format csv
      factcheck query my-question.rq --format json
    """
    from factcheck.graph.queries import run_query, saved_queries

    if list_saved:
        rows = [{"name": q.name, "title": q.title, "description": q.description} for q in saved_queries()]
        emit_records(rows, fmt, ("name", "title", "description"))
        return
    if not sparql:
        raise click.UsageError("give a SPARQL query, a .rq file or a saved query name (or --list)")
    columns, rows = run_query(sparql, store)
    emit_records(rows, fmt, columns)


@main.group()
def sources() -> None:
    """The registry of known sources."""


@sources.command("list")
@format_option(choices=("table", "jsonl", "json", "csv"))
def sources_list(fmt: str) -> None:
    """List every known source.

    \b
    Example:
      factcheck sources list
    """
    from factcheck.sources.registry import Registry

    rows = [
        {"name": s.name, "kind": s.kind, "domains": list(s.domains), "aliases": list(s.aliases)}
        for s in Registry.load()
    ]
    emit_records(rows, fmt, ("name", "kind", "domains", "aliases"))


@sources.command("show")
@click.argument("name")
def sources_show(name: str) -> None:
    """Show one source by name, alias or domain.

    \b
    Example:
      factcheck sources show Futurum
    """
    from dataclasses import asdict

    from factcheck.sources.registry import Registry

    reg = Registry.load()
    source = reg.get(name) or reg.by_url(name if "://" in name else f"https://{name}/")
    if source is None:
        raise click.ClickException(f"no source named {name!r} in the registry (see: factcheck sources list)")
    click.echo(json.dumps(asdict(source), indent=2, ensure_ascii=False))


def _register_site_commands() -> None:
    from factcheck.cli.site import serve_command, site_command

    main.add_command(site_command)
    main.add_command(serve_command)


_register_site_commands()

if __name__ == "__main__":  # pragma: no cover
    main()
