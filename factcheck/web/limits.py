"""How much and how fast: the limits of one fetcher, the politeness pacer and robots.txt policy."""

from __future__ import annotations

import contextlib
import threading
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from protego import Protego


@dataclass(frozen=True)
class FetchLimits:
    """Every bound the fetcher keeps. Times are in seconds, sizes in bytes."""

    timeout: float = 20.0  # one response, from the request to its last body byte (headers included)
    deadline: float | None = 180.0  # all the fetching of one fetcher (one ingest or recheck); None: none
    max_bytes: int = 10_000_000  # a body after every content encoding is undone
    max_encodings: int = 4  # layers of Content-Encoding undone (gzip inside gzip is two)
    max_redirects: int = 5
    per_host: int = 2  # concurrent requests to one host
    total: int = 8  # concurrent requests overall
    delay: float = 0.5  # between the starts of two requests to the same host
    retries: int = 3  # extra attempts after a 429 or 5xx
    backoff: float = 0.5  # first retry wait when there is no Retry-After; doubles each attempt
    max_retry_after: float = 30.0  # cap on any retry wait (and on a robots.txt Crawl-delay)


ROBOTS_MAX_BYTES = 512_000  # RFC 9309 asks crawlers to parse at least 500 KiB
ROBOTS_MAX_REDIRECTS = 5


class Pacer:
    """Spaces the starts of requests to one host by a delay."""

    def __init__(self, delay: float) -> None:
        self.delay = delay
        self._next: dict[str, float] = {}
        self._delays: dict[str, float] = {}
        self._lock = threading.Lock()

    def set_delay(self, host: str, seconds: float) -> None:
        with self._lock:
            self._delays[host] = max(self.delay, seconds)

    def reserve(self, host: str) -> float:
        """Book the next slot for ``host``; returns how long to wait for it."""
        with self._lock:
            now = time.monotonic()
            start = max(now, self._next.get(host, now))
            self._next[host] = start + self._delays.get(host, self.delay)
            return start - now


@dataclass(frozen=True)
class RobotsPolicy:
    """What one origin's robots.txt allows (protego parses it)."""

    parser: Protego | None = None
    allow_all: bool = True
    note: str = ""

    @classmethod
    def parse(cls, body: bytes) -> RobotsPolicy:
        return cls(Protego.parse(body[:ROBOTS_MAX_BYTES].decode("utf-8", "replace")))

    def allows(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        value = self.parser.crawl_delay(user_agent) if self.parser is not None else None
        return float(value) if value is not None else None


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or HTTP date), None if absent/invalid."""
    if not value:
        return None
    value = value.strip()
    with contextlib.suppress(ValueError):
        return max(0.0, float(value))
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return max(0.0, (moment - datetime.now(UTC)).total_seconds())
