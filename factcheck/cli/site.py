"""The ``factcheck site`` and ``factcheck serve`` commands (registered on the main group by cli.py)."""

from __future__ import annotations

import functools
import http.server
from pathlib import Path

import click

STORE_HELP = "Graph store: a folder for the embedded store, or a SPARQL endpoint URL (env FACTCHECK_STORE)."


@click.command("site")
@click.option(
    "--out",
    "out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("public"),
    show_default=True,
    help="Folder to render the site into (created if missing).",
)
@click.option("--store", "store", envvar="FACTCHECK_STORE", default=None, help=STORE_HELP)
@click.option(
    "--base-url",
    default=None,
    help="Public http(s) address the site will be served from; makes the ClaimReview URLs absolute.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def site_command(out: Path, store: str | None, base_url: str | None, quiet: bool) -> None:
    """Render the static claim site from the graph: articles with their claims marked, claim pages
    with evidence and ClaimReview markup, subjects, sources, saved queries, search and downloads.

    Running it again rewrites only the files whose content changed. The folder works from file://
    and on any static host.

    \b
    Example:
      factcheck site --out public/
      factcheck serve public/
    """
    from factcheck.graph.store import default_store_location, open_store
    from factcheck.site.build import build_site

    location = store or default_store_location()
    if not location.startswith(("http://", "https://")) and not Path(location).expanduser().exists():
        # Opening would create an empty store and render an empty site: most likely a wrong path.
        raise click.ClickException(
            f"no graph store at {location}; ingest an article first (factcheck ingest URL)"
        )
    if base_url is not None and not base_url.startswith(("http://", "https://")):
        raise click.BadParameter("must be an http(s) URL", param_hint="--base-url")
    say = (lambda _message: None) if quiet else (lambda message: click.echo(message, err=True))
    with open_store(location, read_only=True) as st:
        report = build_site(st, out, progress=say, base_url=base_url)
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


@click.command("serve")
@click.argument(
    "folder", type=click.Path(exists=True, file_okay=False, path_type=Path), default=Path("public")
)
@click.option(
    "--port", type=int, default=8000, show_default=True, help="Port to listen on (0: any free port)."
)
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
def serve_command(folder: Path, port: int, host: str) -> None:
    """Serve a rendered site folder over HTTP for a local preview. Ctrl-C stops it.

    \b
    Example:
      factcheck site --out public/ && factcheck serve public/ --port 8000
    """
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
