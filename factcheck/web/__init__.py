"""The fetch layer: an httpx client with limits and politeness, address safety, replay transports,
WARC archives and the one decoder.

Modules: ``client`` (the Fetcher), ``limits`` (limits, pacing, robots.txt), ``addresses`` (which
addresses may be fetched), ``network`` (the transport that connects only to checked addresses, and
deadlines), ``codecs`` (bounded Content-Encoding), ``content`` (Document, media types, sniffing),
``local`` (files and stdin), ``errors``, ``decoding``, ``replay``, ``warc``.
"""

from __future__ import annotations

import importlib
from typing import Any

#: Public names, by the module that defines them; imported on first use, so that importing one
#: module of the fetch layer (the CLI reads ``limits`` for its defaults) does not load httpx.
_HOMES = {
    "AddressPolicy": "addresses",
    "is_public_address": "addresses",
    "Fetcher": "client",
    "Document": "content",
    "FetchLimits": "limits",
    "read_local": "local",
    **dict.fromkeys(
        ["BadContentType", "BlockedURL", "FetchError", "FetchTimeout", "HTTPStatusError"]
        + ["RobotsDisallowed", "TooLarge", "TooManyRedirects", "Unreachable"],
        "errors",
    ),
}

__all__ = [
    "AddressPolicy",
    "BadContentType",
    "BlockedURL",
    "Document",
    "FetchError",
    "FetchLimits",
    "FetchTimeout",
    "Fetcher",
    "HTTPStatusError",
    "RobotsDisallowed",
    "TooLarge",
    "TooManyRedirects",
    "Unreachable",
    "is_public_address",
    "read_local",
]


def __getattr__(name: str) -> Any:
    if name not in _HOMES:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{_HOMES[name]}"), name)
