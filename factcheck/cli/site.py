"""``factcheck site`` (render the static site) and ``factcheck serve`` (preview it, or serve it with a
read-only SPARQL endpoint)."""

from __future__ import annotations

import functools
import http.server
import tempfile
from pathlib import Path

import click

from factcheck.cli.commands import main, note_if_empty, reading_store, store_option


def _check_url(option: str, value: str | None) -> str | None:
    if value is not None and not value.startswith(("http://", "https://")):
        raise click.BadParameter("must be an http(s) URL", param_hint=option)
    return value


@main.command("site")
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("public"),
    show_default=True,
    help="Folder to render the site into (created if missing).",
)
@store_option
@click.option(
    "--base-url",
    envvar="FACTCHECK_BASE_URL",
    default=None,
    help="Public http(s) address the site will be served from; makes the ClaimReview URLs absolute.",
)
@click.option(
    "--publisher",
    envvar="FACTCHECK_PUBLISHER",
    default=None,
    help="The organisation publishing the fact checks (the ClaimReviews' author; default: factcheck).",
)
@click.option(
    "--publisher-url",
    envvar="FACTCHECK_PUBLISHER_URL",
    default=None,
    help="The publishing organisation's web address.",
)
@click.option(
    "--endpoint",
    default=None,
    help="SPARQL endpoint the query pages run edited queries against (default: sparql beside the site).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def site_command(
    out: Path,
    store: str | None,
    base_url: str | None,
    publisher: str | None,
    publisher_url: str | None,
    endpoint: str | None,
    quiet: bool,
) -> None:
    """Render the static claim site from the graph: articles with their claims marked, claim pages
    with evidence and ClaimReview markup, subjects, sources, saved queries, search and downloads.

    Running it again rewrites only the files whose content changed. The folder works from file://
    and on any static host. To publish it, give the address it will have (--base-url) and who
    publishes it (--publisher, --publisher-url; or $FACTCHECK_BASE_URL, $FACTCHECK_PUBLISHER and
    $FACTCHECK_PUBLISHER_URL): the ClaimReviews aggregators read need both.

    \b
    Examples:
      factcheck site --out public/
      factcheck site --out public/ --base-url https://checks.example.org/ \\
          --publisher "Example Checks" --publisher-url https://example.org/
      factcheck serve public/
    """
    from factcheck.graph.store import open_store
    from factcheck.site.build import build_site
    from factcheck.site.claimreview import DEFAULT_PUBLISHER, Publisher

    _check_url("--base-url", base_url)
    _check_url("--publisher-url", publisher_url)
    location = reading_store(store)
    say = (lambda _message: None) if quiet else (lambda message: click.echo(message, err=True))
    if base_url is None:
        click.echo(
            "Warning: no --base-url: the ClaimReview URLs are relative, which aggregators do not accept;"
            " give the site's public address to publish it.",
            err=True,
        )
    if publisher is None:
        click.echo(
            f"Warning: no --publisher: the ClaimReviews name {DEFAULT_PUBLISHER!r} as their author;"
            " give the publishing organisation's name (and --publisher-url).",
            err=True,
        )
    with open_store(location, read_only=True) as st:
        note_if_empty(st)
        report = build_site(
            st,
            out,
            progress=say,
            base_url=base_url,
            publisher=Publisher(publisher or DEFAULT_PUBLISHER, publisher_url),
            endpoint=endpoint,
        )
    if not quiet:
        removed = f", {len(report.removed)} removed" if report.removed else ""
        click.echo(
            f"Site in {out}: {report.pages_written} written, {report.pages_unchanged} unchanged{removed}."
        )
        click.echo(f"Open {out / 'index.html'} in a browser, or run: factcheck serve {out}")


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the folder; JSON-LD, Turtle and N-Quads with their own media types."""

    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".jsonld": "application/ld+json",
        ".ttl": "text/turtle; charset=utf-8",
        ".nq": "application/n-quads",
        ".csv": "text/csv; charset=utf-8",
        ".js": "text/javascript; charset=utf-8",
        ".html": "text/html; charset=utf-8",
    }


@main.command("serve")
@click.argument("folder", type=click.Path(file_okay=False, path_type=Path), required=False)
@click.option(
    "--port",
    type=int,
    default=None,
    help="Port to listen on (default 8000, 7878 with --sparql; 0: any free).",
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option(
    "--sparql", is_flag=True, help="Also answer SPARQL queries on the graph at /sparql (read-only)."
)
@store_option
@click.option(
    "--timeout",
    type=click.FloatRange(min=0.1),
    default=30.0,
    show_default=True,
    help="Seconds a query may run.",
)
@click.option(
    "--max-rows",
    type=click.IntRange(min=1),
    default=100_000,
    show_default=True,
    help="Rows (or triples) a query's result may have.",
)
@click.option(
    "--query-workers", type=click.IntRange(min=1), default=2, show_default=True, help="Queries run at once."
)
def serve_command(
    folder: Path | None,
    port: int | None,
    host: str,
    sparql: bool,
    store: str | None,
    timeout: float,
    max_rows: int,
    query_workers: int,
) -> None:
    """Serve a rendered site folder over HTTP for a local preview. Ctrl-C stops it.

    With --sparql, the graph store is served too: a read-only SPARQL 1.1 Protocol endpoint at /sparql
    (GET and POST; JSON, XML, CSV and TSV results; Turtle, N-Triples and JSON-LD graphs), where the
    site's query pages run the saved queries you edit. A query that runs longer than --timeout or
    returns more than --max-rows is refused with an error; the server carries on. Without FOLDER the
    site is rendered from the store first.

    \b
    Examples:
      factcheck site --out public/ && factcheck serve public/ --port 8000
      factcheck serve --sparql --store factcheck-demo/store --port 7878
      curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT * WHERE { ?s ?p ?o } LIMIT 5' \\
          http://127.0.0.1:7878/sparql
    """
    if not sparql:
        if folder is None:
            folder = Path("public")
        if not folder.is_dir():
            raise click.ClickException(
                f"no site folder {folder} (render one with: factcheck site --out {folder})"
            )
        _serve_folder(folder, 8000 if port is None else port, host)
        return
    _serve_sparql(folder, 7878 if port is None else port, host, store, timeout, max_rows, query_workers)


def _serve_folder(folder: Path, port: int, host: str) -> None:
    handler = functools.partial(_QuietHandler, directory=str(folder))
    try:
        server = http.server.ThreadingHTTPServer((host, port), handler)
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
    with server:
        address, bound_port = server.server_address[:2]
        bound_host = address.decode() if isinstance(address, bytes) else str(address)
        shown = f"[{bound_host}]" if ":" in bound_host else bound_host
        click.echo(f"Serving {folder} at http://{shown}:{bound_port}/index.html (Ctrl-C to stop)")
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            click.echo("Stopped.")


def _serve_sparql(
    folder: Path | None,
    port: int,
    host: str,
    store: str | None,
    timeout: float,
    max_rows: int,
    query_workers: int,
) -> None:
    import socket

    import uvicorn

    from factcheck.graph.endpoint import Limits, QueryRunner, create_app
    from factcheck.graph.store import open_store

    location = reading_store(store)
    if folder is not None and not folder.is_dir():
        raise click.ClickException(f"no site folder {folder}")
    # This process holds the embedded store for as long as it serves, so nothing writes under the
    # query workers, which open it read-only.
    with open_store(location) as held, tempfile.TemporaryDirectory(prefix="factcheck-site-") as rendered:
        note_if_empty(held)
        if folder is None:
            from factcheck.site.build import build_site

            click.echo("Rendering the site from the graph…", err=True)
            build_site(held, Path(rendered))
            folder = Path(rendered)
        sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
        try:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            sock.bind((host, port))
        except OSError as exc:
            raise click.ClickException(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from None
        bound_host, bound_port = sock.getsockname()[:2]
        runner = QueryRunner(held.location, Limits(timeout=timeout, max_rows=max_rows, workers=query_workers))
        try:
            shown = f"[{bound_host}]" if ":" in bound_host else bound_host
            click.echo(
                f"SPARQL endpoint at http://{shown}:{bound_port}/sparql (read-only; {timeout:g} s and"
                f" {max_rows:,} rows a query), site at http://{shown}:{bound_port}/index.html"
                " (Ctrl-C to stop)"
            )
            config = uvicorn.Config(create_app(runner, folder), log_level="warning", lifespan="off")
            server = uvicorn.Server(config)
            server.run(sockets=[sock])
        finally:
            runner.close()
            sock.close()
    click.echo("Stopped.")
