"""``factcheck sources``: the registry of known sources."""

from __future__ import annotations

import json

import click

from factcheck.cli.commands import emit_records, format_option, main


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
