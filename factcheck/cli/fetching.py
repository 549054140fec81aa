"""The options of the commands that fetch live: which private hosts may be reached, and time limits."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

from factcheck.web.limits import FetchLimits

_DEFAULTS = FetchLimits()
_OPTIONS = (
    click.option(
        "--allow-private-network",
        is_flag=True,
        help="Also fetch from this machine (loopback addresses and localhost). Other private "
        "addresses need --allow-host; link-local and cloud metadata addresses are never fetched.",
    ),
    click.option(
        "--allow-host",
        "allow_hosts",
        multiple=True,
        metavar="HOST",
        help="Fetch from HOST even when it resolves to a private address (repeatable).",
    ),
    click.option(
        "--timeout",
        type=click.FloatRange(min=0.1),
        default=_DEFAULTS.timeout,
        show_default=True,
        help="Seconds for one response, headers and body.",
    ),
    click.option(
        "--deadline",
        type=click.FloatRange(min=0.1),
        default=_DEFAULTS.deadline,
        show_default=True,
        help="Seconds of fetching for the whole run; sources not read by then stay unverified.",
    ),
)


def fetch_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Adds the options and hands the command one ``fetch`` dict of keyword arguments for the API."""

    @functools.wraps(command)
    def wrapper(
        *args: Any,
        allow_private_network: bool,
        allow_hosts: tuple[str, ...],
        timeout: float,
        deadline: float,
        **kwargs: Any,
    ) -> Any:
        limits = FetchLimits(timeout=timeout, deadline=deadline)
        kwargs["fetch"] = {
            "allow_private_network": allow_private_network,
            "allow_hosts": allow_hosts,
            "limits": limits,
        }
        return command(*args, **kwargs)

    for option in reversed(_OPTIONS):
        wrapper = option(wrapper)
    return wrapper
