"""``factcheck ingest``, ``recheck`` and ``demo``: what writes articles into the graph."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import click

from factcheck.cli.commands import (
    claim_rows,
    emit_records,
    error_line,
    format_option,
    main,
    note_if_empty,
    reading_store,
    store_option,
)
from factcheck.cli.fetching import fetch_options


@main.command()
@click.argument("sources_", metavar="SOURCE...", nargs=-1)
@click.option(
    "--from",
    "from_file",
    type=click.Path(allow_dash=True, dir_okay=False),
    default=None,
    help="Read the sources from a file, one a line (# comments allowed; - for stdin).",
)
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=1,
    show_default=True,
    help="Worker processes, each ingesting one article at a time (0: one per CPU).",
)
@click.option("--resume", is_flag=True, help="Skip the articles the store already holds unchanged.")
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
    from_file: str | None,
    workers: int,
    resume: bool,
    archive: str | None,
    warc_out: str | None,
    no_verify: bool,
    fetch: dict[str, Any],
    model: str | None,
    store: str | None,
) -> None:
    """Fetch articles, extract their claims, verify them against the cited sources, store the graph.

    SOURCE is an http(s) URL, a local .html/.txt file, or - for standard input. Ingesting an article
    again replaces its graph, in one update: a reader never sees half an article.

    With --workers N, N processes ingest one article each at a time; with a SPARQL server as --store
    each writes its own articles to it, so many workers (on many machines) can share one graph. A
    worker that dies loses only the article it was on, which is tried once more. --resume skips the
    articles already stored unchanged, so a list can be run again after an interruption.

    \b
    Examples:
      factcheck ingest https://news.example/gpt-5-5-rebuilt-from-scratch/ --archive ../shared/web
      factcheck ingest --from urls.txt --workers 4 --store http://localhost:7878 --resume
    """
    from rich.console import Console

    from factcheck.api import ingest as api_ingest

    listed = list(sources_)
    if from_file is not None:
        from factcheck.batch import read_sources

        try:
            listed += read_sources(from_file)
        except OSError as exc:
            raise click.ClickException(f"cannot read {from_file}: {exc.strerror or exc}") from None
    if not listed:
        raise click.UsageError("give at least one SOURCE, or --from FILE")
    if from_file is not None or workers != 1 or resume:
        _ingest_batch(
            listed,
            store=store,
            workers=workers,
            resume=resume,
            archive=archive,
            verify=not no_verify,
            **fetch,
            warc_out=warc_out,
            model=model,
        )
        return
    console = Console(stderr=True)
    failures = 0
    for source in listed:
        try:
            with console.status(f"Ingesting {source}") as status:
                result = api_ingest(
                    source,
                    store=store,
                    archive=archive,
                    verify=not no_verify,
                    warc_out=warc_out,
                    **fetch,
                    model=model,
                    progress=lambda msg: status.update(msg),
                )
        except Exception as exc:  # one bad article must not stop the others
            if len(listed) == 1:
                raise
            failures += 1
            line = error_line(exc)
            click.echo(f"Error: {line if line.startswith(source) else f'{source}: {line}'}", err=True)
            continue
        _print_summary(result, console)
    if failures:
        click.echo(f"{failures} of {len(listed)} articles failed", err=True)
        raise SystemExit(1)


def _ingest_batch(sources: list[str], *, workers: int, **options: Any) -> None:
    from factcheck.api import ingest_many
    from factcheck.batch import worker_count

    report = ingest_many(
        sources,
        workers=worker_count(workers),
        progress=lambda message: click.echo(message, err=True),
        **options,
    )
    claims = sum(n for _source, _graph, n in report.stored)
    click.echo(
        f"{len(report.stored)} stored ({claims} claims), {len(report.skipped)} unchanged,"
        f" {len(report.failed)} failed, in {report.store}",
        err=True,
    )
    for source, reason in report.failed:
        click.echo(f"Error: {source}: {reason}", err=True)
    if report.failed:
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

    from factcheck.graph.store import open_store
    from factcheck.pipeline import run_recheck
    from factcheck.version import __version__ as version

    with open_store(reading_store(store), read_only=True) as st:
        if note_if_empty(st) and not urls:
            return
    console = Console(stderr=True)
    with console.status("Rechecking") as status:
        changed = run_recheck(
            list(urls) or None,
            store=store,
            archive=archive,
            warc_out=warc_out,
            progress=lambda msg: status.update(msg),
            **fetch,
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
    quoted = shlex.quote(store)
    click.echo("Try next, on the demo's graph:")
    for line in (
        f"factcheck claims --store {quoted} --verdict contradicted",
        f"factcheck query --list --store {quoted}",
        f"factcheck query claims-about-subject --param subject=Kestrel-3 --store {quoted}",
        f"factcheck serve --sparql --store {quoted}" + (f" {shlex.quote(str(site))}" if site else ""),
    ):
        click.echo(f"  {line}")


def _build_site_if_available(store: str, out: Path, console: Any) -> Path | None:
    try:
        from factcheck.site.build import build_site
    except ImportError:
        return None
    from factcheck.graph.store import open_store

    with open_store(store, read_only=True) as st:
        build_site(st, out)
    return out
