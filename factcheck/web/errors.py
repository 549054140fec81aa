"""The typed failures of the fetch layer. ``str(err)`` is one line for people; ``reason`` is the short
code a verdict shows (blocked, disallowed, not found, timed out, too large, unreachable, ...)."""

from __future__ import annotations

from http import HTTPStatus


class FetchError(Exception):
    """A URL that could not be turned into a document."""

    reason = "unreachable"

    def __init__(self, url: str, message: str) -> None:
        self.url = url
        self.message = " ".join(message.split())
        shown = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in url)  # keep str() one line
        super().__init__(f"{shown}: {self.message}")


class BlockedURL(FetchError):
    """Not an http(s) URL, or its host is an address the address policy refuses (SSRF guard)."""

    reason = "blocked"


class RobotsDisallowed(FetchError):
    reason = "disallowed"


class TooLarge(FetchError):
    reason = "too large"


class BadContentType(FetchError):
    reason = "unsupported content"

    def __init__(self, url: str, content_type: str) -> None:
        self.content_type = content_type
        super().__init__(
            url, f"refused content type {content_type or 'unknown'} (not HTML, PDF, JSON, XML or text)"
        )


class HTTPStatusError(FetchError):
    def __init__(self, url: str, status: int) -> None:
        self.status = status
        self.reason = "not found" if status in (404, 410) else "unreachable"
        try:
            phrase = HTTPStatus(status).phrase
        except ValueError:
            phrase = "error"
        super().__init__(url, f"HTTP {status} {phrase}")


class FetchTimeout(FetchError):
    """No complete response within the per-response time limit, or the run's fetch deadline passed."""

    reason = "timed out"


class TooManyRedirects(FetchError):
    pass


class Unreachable(FetchError):
    """DNS failure, refused connection, broken transfer, undecodable body."""
