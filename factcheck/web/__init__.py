"""The fetch layer: an httpx client with limits and politeness, replay transports and WARC archives."""

from factcheck.web.client import Document, Fetcher, FetchError, read_local

__all__ = ["Document", "Fetcher", "FetchError", "read_local"]
