"""Fetching documents over HTTP, live or from an archive, with limits, politeness and typed errors.

The fetch logic is written once, as a *plan*: a generator that yields the I/O it needs (resolve a host,
read robots.txt, send a request, sleep) and receives the results. ``Fetcher.fetch`` runs a plan with a
blocking ``httpx.Client``; ``Fetcher.fetch_many`` runs many plans concurrently with an
``httpx.AsyncClient`` under a global and a per-host limit. Replay (``archive=``) only swaps the httpx
transport (see ``factcheck.replay``); the plans do not know whether they talk to the web or a mirror.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import ipaddress
import itertools
import json
import mimetypes
import re
import socket
import sys
import threading
import time
from collections.abc import Callable, Generator, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from pathlib import Path
from typing import Any, TypeVar

import charset_normalizer
import httpx
from protego import Protego

from factcheck.models import FetchInfo
from factcheck.version import __version__
from factcheck.web.decoding import decode_text, media_type
from factcheck.web.replay import make_transport
from factcheck.web.warc import Exchange, WarcRecorder

# --------------------------------------------------------------------------------------------- errors


class FetchError(Exception):
    """A URL that could not be turned into a document. ``str(err)`` is one line for people."""

    #: Short code for a verdict's ``reason`` (blocked, disallowed, not found, unreachable, ...).
    reason = "unreachable"

    def __init__(self, url: str, message: str) -> None:
        self.url = url
        self.message = " ".join(message.split())
        shown = "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in url)  # keep str() one line
        super().__init__(f"{shown}: {self.message}")


class BlockedURL(FetchError):
    """Not an http(s) URL, or its host is a private/loopback/... address (SSRF guard)."""

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
    pass


class TooManyRedirects(FetchError):
    pass


class Unreachable(FetchError):
    """DNS failure, refused connection, broken transfer."""


# --------------------------------------------------------------------------------------- public types


@dataclass(frozen=True)
class FetchLimits:
    timeout: float = 20.0  # seconds, per request (connect, each read, and the whole body)
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    per_host: int = 2  # concurrent requests to one host
    total: int = 8  # concurrent requests overall
    delay: float = 0.5  # seconds between the starts of two requests to the same host
    retries: int = 3  # extra attempts after a 429 or 5xx
    backoff: float = 0.5  # first retry wait when there is no Retry-After; doubles each attempt
    max_retry_after: float = 30.0  # cap on any retry wait (and on a robots.txt Crawl-delay)


@dataclass(frozen=True)
class Document:
    """A fetched document. ``kind`` is html, pdf, json, xml or text; ``text`` is None for PDF."""

    url: str
    final_url: str
    status: int
    content_type: str  # media type without parameters, e.g. "text/html"
    kind: str
    body: bytes = field(repr=False)
    text: str | None = field(repr=False)
    encoding: str | None
    info: FetchInfo


def default_user_agent() -> str:
    return f"factcheck/{__version__} (+https://github.com/factcheck)"


# ------------------------------------------------------------------------------------- content types

#: Media types we read, by the kind of document they hold.
_KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/json": "json",
    "text/json": "json",
    "text/plain": "text",
    "text/csv": "text",
    "text/markdown": "text",
    "application/xml": "xml",
    "text/xml": "xml",
}
#: Media types that say nothing about the content: we look at the bytes instead.
_UNTYPED = {
    "",
    "application/octet-stream",
    "binary/octet-stream",
    "application/unknown",
    "application/download",
}
_SNIFFED_TYPE = {
    "html": "text/html",
    "pdf": "application/pdf",
    "json": "application/json",
    "xml": "application/xml",
    "text": "text/plain",
}


def _kind_of(media: str) -> str | None:
    if media in _KINDS:
        return _KINDS[media]
    if media.endswith("+json"):
        return "json"
    if media.endswith("+xml"):
        return "xml"
    return None


def _sniff(body: bytes) -> str | None:
    """Guess the kind of an untyped body from its first bytes; None for anything binary."""
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith(b"<"):
        # An XML declaration without an <html> element is XML; any other markup is read as HTML.
        return "xml" if head.startswith(b"<?xml") and b"<html" not in head else "html"
    if head.startswith((b"{", b"[")):
        with contextlib.suppress(ValueError):
            json.loads(body)
            return "json"
    if body and b"\x00" not in body[:4096] and charset_normalizer.from_bytes(body[:4096]).best() is not None:
        return "text"
    return None


# ------------------------------------------------------------------------------------ address safety

_NAT64 = ipaddress.ip_network("64:ff9b::/96")


def is_public_address(address: str) -> bool:
    """True if ``address`` (a literal IP) is globally routable; False for loopback, private,
    link-local, multicast, reserved, unspecified and shared addresses, also when embedded in IPv6."""
    try:
        ip: ipaddress.IPv4Address | ipaddress.IPv6Address = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = (
            ip.ipv4_mapped
            or ip.sixtofour
            or (ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF) if ip in _NAT64 else None)
        )
        if embedded is not None:
            ip = embedded
    flags = (
        ip.is_loopback,
        ip.is_private,
        ip.is_link_local,
        ip.is_multicast,
        ip.is_reserved,
        ip.is_unspecified,
    )
    return not any(flags) and ip.is_global


def _literal_ip(host: str) -> str | None:
    """The IP a host names without DNS: "10.0.0.1", "::1", and legacy forms like "0x7f.1" or "2130706433"."""
    with contextlib.suppress(ValueError):
        return str(ipaddress.ip_address(host.strip("[]")))
    if re.fullmatch(r"[0-9a-fA-FxX.]+", host) and any(ch.isdigit() for ch in host):
        with contextlib.suppress(OSError):
            return socket.inet_ntoa(socket.inet_aton(host))
    return None


# ------------------------------------------------------------------------------------- plan machinery

T = TypeVar("T")


@dataclass(frozen=True)
class _Send:
    url: str
    max_bytes: int
    check_type: bool  # skip the body of a success whose content type we refuse


@dataclass(frozen=True)
class _Sleep:
    seconds: float


@dataclass(frozen=True)
class _Resolve:
    url: str
    host: str
    port: int


@dataclass(frozen=True)
class _Robots:
    origin: str


_Action = _Send | _Sleep | _Resolve | _Robots
_Plan = Generator[_Action, Any, T]


@dataclass(frozen=True)
class _Reply:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    fetched_at: str
    archive: str | None


@dataclass(frozen=True)
class _RobotsPolicy:
    parser: Protego | None = None
    allow_all: bool = True
    note: str = ""

    def allows(self, url: str, user_agent: str) -> bool:
        if self.parser is None:
            return self.allow_all
        return bool(self.parser.can_fetch(url, user_agent))

    def crawl_delay(self, user_agent: str) -> float | None:
        value = self.parser.crawl_delay(user_agent) if self.parser is not None else None
        return float(value) if value is not None else None


_REDIRECTS = (301, 302, 303, 307, 308)
_ROBOTS_MAX_BYTES = 512_000  # RFC 9309 asks crawlers to parse at least 500 KiB
_ROBOTS_MAX_REDIRECTS = 5
_ACCEPT = ",".join(
    ["text/html", "application/xhtml+xml", "application/pdf", "application/json", "text/plain"]
    + ["application/xml;q=0.9", "*/*;q=0.5"]
)


def _now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _origin(url: str) -> str:
    parsed = httpx.URL(url)
    return str(parsed.copy_with(path="/", query=None, fragment=None)).rstrip("/")


def _redirect_target(reply: _Reply) -> str | None:
    location = reply.headers.get("location")
    if reply.status not in _REDIRECTS or not location:
        return None
    try:
        return str(httpx.URL(reply.url).join(location.strip()))
    except httpx.InvalidURL:
        return location  # refused by the URL check of the next hop


def _retry_after(value: str | None) -> float | None:
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


def _wants_body(status: int, headers: httpx.Headers, action: _Send) -> bool:
    """Whether to read the body: not for a refused content type, nor one declared larger than allowed.
    Without ``check_type`` (robots.txt) the body is always read, up to the size limit."""
    if not action.check_type:
        return True
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > action.max_bytes:
        return False
    if 200 <= status < 300:
        media, _ = media_type(headers.get("content-type"))
        return _kind_of(media) is not None or media in _UNTYPED
    return True


def _translate(exc: Exception, url: str, timeout: float) -> FetchError:
    if isinstance(exc, httpx.TimeoutException):
        return FetchTimeout(url, f"timed out after {timeout:g} s")
    if isinstance(exc, httpx.UnsupportedProtocol | httpx.InvalidURL):
        return BlockedURL(url, f"not a fetchable URL ({exc})")
    if isinstance(exc, httpx.DecodingError):
        return Unreachable(url, "the response body could not be decoded")
    if isinstance(exc, httpx.HTTPError):
        return Unreachable(url, f"connection failed: {exc or type(exc).__name__}")
    return FetchError(url, f"unexpected error: {type(exc).__name__}: {exc}")


class _Pacer:
    """Spaces the starts of requests to one host by a delay; shared by sync and async runs."""

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


@dataclass
class _AsyncRun:
    client: httpx.AsyncClient
    total: asyncio.Semaphore
    per_host: int
    hosts: dict[str, asyncio.Semaphore] = field(default_factory=dict)
    robots_locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    def host_slot(self, host: str) -> asyncio.Semaphore:
        return self.hosts.setdefault(host, asyncio.Semaphore(self.per_host))


# -------------------------------------------------------------------------------------------- fetcher


class Fetcher:
    """Fetches documents with one configuration; used by the CLI and by source verification.

    ``archive`` (a mirror directory or a WARC file) replays instead of going to the network; then no
    DNS lookups are made and only literal IPs and "localhost" are checked. ``warc_out`` appends every
    response received to that WARC file. ``transport`` plugs in any httpx transport (for tests); it is
    also treated as not-the-network, so hosts are not resolved.
    """

    def __init__(
        self,
        *,
        archive: str | Path | None = None,
        warc_out: str | Path | None = None,
        limits: FetchLimits | None = None,
        allow_private_network: bool = False,
        respect_robots: bool = True,
        user_agent: str | None = None,
        transport: Any = None,
    ) -> None:
        if archive is not None and transport is not None:
            raise ValueError("give either archive or transport, not both")
        self.limits = limits or FetchLimits()
        self.allow_private_network = allow_private_network
        self.respect_robots = respect_robots
        self.user_agent = user_agent or default_user_agent()
        self._transport = transport if transport is not None else make_transport(archive)
        self._resolve_hosts = self._transport is None
        # An archive does not change while we read it: no politeness delays, no waiting before retries.
        self._replaying = archive is not None
        self._recorder = WarcRecorder(warc_out) if warc_out is not None else None
        self._pacer = _Pacer(0.0 if self._replaying else self.limits.delay)
        self._robots: dict[str, _RobotsPolicy | FetchError] = {}
        self._robots_locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()
        self._client: httpx.Client | None = None

    # ----- public API

    def fetch(self, url: str) -> Document:
        """Fetch one URL, following redirects; raises a FetchError subclass."""
        return self._run(self._document_plan(url))

    async def fetch_many(
        self,
        urls: Iterable[str],
        progress: Callable[[str, Document | FetchError], None] | None = None,
    ) -> dict[str, Document | FetchError]:
        """Fetch URLs concurrently; every URL maps to its Document or its FetchError, in input order."""
        unique = list(dict.fromkeys(urls))
        results: dict[str, Document | FetchError] = {}
        # A new client per batch: its connections belong to this event loop (fetch_all runs a new one).
        async with self._async_client() as client:
            run = _AsyncRun(client, asyncio.Semaphore(self.limits.total), self.limits.per_host)

            async def one(url: str) -> None:
                result: Document | FetchError
                try:
                    result = await self._arun(self._document_plan(url), run)
                except FetchError as exc:
                    result = exc
                except Exception as exc:  # a bug on one URL must not sink the batch
                    result = _translate(exc, url, self.limits.timeout)
                    result.__cause__ = exc
                results[url] = result
                if progress is not None:
                    progress(url, result)

            await asyncio.gather(*(one(url) for url in unique))
        return {url: results[url] for url in unique}

    def fetch_all(
        self,
        urls: Iterable[str],
        progress: Callable[[str, Document | FetchError], None] | None = None,
    ) -> dict[str, Document | FetchError]:
        """Blocking form of :meth:`fetch_many`; works also when called inside a running event loop."""
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(self.fetch_many(urls, progress))
        with ThreadPoolExecutor(max_workers=1) as pool:
            return pool.submit(asyncio.run, self.fetch_many(list(urls), progress)).result()

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None
        if self._recorder is not None:
            self._recorder.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ----- plans: what to do, independent of sync/async

    def _document_plan(self, url: str) -> _Plan[Document]:
        current = url
        for _hop in range(self.limits.max_redirects + 1):
            yield from self._check_target(current)
            if self.respect_robots:
                yield from self._check_robots(current)
            reply = yield from self._send_with_retries(current, self.limits.max_bytes, check_type=True)
            target = _redirect_target(reply)
            if target is None:
                return self._document(url, reply)
            current = target
        raise TooManyRedirects(url, f"more than {self.limits.max_redirects} redirects")

    def _check_target(self, url: str) -> _Plan[None]:
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as exc:
            raise BlockedURL(url, f"not a valid URL ({exc})") from exc
        if parsed.scheme not in ("http", "https"):
            raise BlockedURL(
                url, f"refused scheme {parsed.scheme or 'none'!r}: only http and https are fetched"
            )
        host = parsed.host.rstrip(".").lower()
        if not host:
            raise BlockedURL(url, "the URL has no host")
        if self.allow_private_network:
            return
        literal = _literal_ip(host)
        if host == "localhost" or host.endswith(".localhost"):
            raise BlockedURL(url, f"refused host {host}: local network (allow_private_network is off)")
        if literal is not None:
            addresses = [literal]
        elif self._resolve_hosts:
            addresses = yield _Resolve(url, host, parsed.port or (443 if parsed.scheme == "https" else 80))
        else:
            return
        for address in addresses:
            if not is_public_address(address):
                raise BlockedURL(url, f"refused host {host}: {address} is not a public address")

    def _check_robots(self, url: str) -> _Plan[None]:
        if httpx.URL(url).path == "/robots.txt":
            return  # always readable (RFC 9309)
        try:
            policy = yield _Robots(_origin(url))
        except FetchTimeout as exc:
            raise FetchTimeout(url, f"robots.txt: {exc.message}") from exc
        except FetchError as exc:
            raise Unreachable(url, f"robots.txt could not be read: {exc.message}") from exc
        if not policy.allows(url, self.user_agent):
            raise RobotsDisallowed(url, policy.note or "robots.txt disallows this URL for factcheck")

    def _robots_plan(self, origin: str) -> _Plan[_RobotsPolicy]:
        current = f"{origin}/robots.txt"
        for _hop in range(_ROBOTS_MAX_REDIRECTS + 1):
            try:
                yield from self._check_target(current)
            except BlockedURL:
                return _RobotsPolicy(note="robots.txt redirects to a refused address; treated as absent")
            reply = yield from self._send_with_retries(current, _ROBOTS_MAX_BYTES, check_type=False)
            target = _redirect_target(reply)
            if target is None:
                break
            current = target
        else:
            return _RobotsPolicy()  # RFC 9309: too many redirects counts as no robots.txt
        if 200 <= reply.status < 300:
            return _RobotsPolicy(Protego.parse(reply.body[:_ROBOTS_MAX_BYTES].decode("utf-8", "replace")))
        if reply.status >= 500 or reply.status == 429:
            # RFC 9309: a robots.txt that is there but cannot be read means "disallow everything".
            return _RobotsPolicy(
                allow_all=False, note=f"robots.txt answered HTTP {reply.status}; treated as disallow"
            )
        return _RobotsPolicy()  # 4xx: no robots.txt, everything allowed

    def _send_with_retries(self, url: str, max_bytes: int, *, check_type: bool) -> _Plan[_Reply]:
        for attempt in itertools.count():
            reply: _Reply = yield _Send(url, max_bytes, check_type)
            transient = reply.status == 429 or (reply.status >= 500 and reply.status != 501)
            if not transient or attempt >= self.limits.retries:
                return reply
            wait = _retry_after(reply.headers.get("retry-after"))
            if wait is None:
                wait = self.limits.backoff * 2**attempt
            yield _Sleep(min(wait, self.limits.max_retry_after))
        raise AssertionError("unreachable")

    def _document(self, url: str, reply: _Reply) -> Document:
        if not 200 <= reply.status < 300:
            raise HTTPStatusError(url, reply.status)
        media, charset = media_type(reply.headers.get("content-type"))
        kind = _kind_of(media)
        if kind is None and media not in _UNTYPED:
            raise BadContentType(url, media)
        declared = reply.headers.get("content-length", "")
        size = max(len(reply.body), int(declared) if declared.isdigit() else 0)
        if size > self.limits.max_bytes:
            raise TooLarge(url, f"body is larger than the {self.limits.max_bytes:,}-byte limit")
        if kind is None:
            kind = _sniff(reply.body)
            if kind is None:
                raise BadContentType(url, media or "unknown")
            media = _SNIFFED_TYPE[kind]
        text, encoding = (None, None) if kind == "pdf" else decode_text(reply.body, charset, kind)
        info = FetchInfo(
            url=url,
            final_url=reply.url,
            status=reply.status,
            content_type=media,
            fetched_at=reply.fetched_at,
            sha256=hashlib.sha256(reply.body).hexdigest(),
            archive=reply.archive,
        )
        return Document(url, reply.url, reply.status, media, kind, reply.body, text, encoding, info)

    # ----- running plans

    def _run(self, plan: _Plan[T]) -> T:
        sent: Any = None
        error: FetchError | None = None
        while True:
            try:
                action = plan.throw(error) if error is not None else plan.send(sent)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            sent, error = None, None
            try:
                sent = self._perform(action)
            except FetchError as exc:
                error = exc

    async def _arun(self, plan: _Plan[T], run: _AsyncRun) -> T:
        sent: Any = None
        error: FetchError | None = None
        while True:
            try:
                action = plan.throw(error) if error is not None else plan.send(sent)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            sent, error = None, None
            try:
                sent = await self._aperform(action, run)
            except FetchError as exc:
                error = exc

    def _perform(self, action: _Action) -> Any:
        if isinstance(action, _Send):
            time.sleep(self._pacer.reserve(httpx.URL(action.url).host))
            return self._send(action)
        if isinstance(action, _Sleep):
            time.sleep(0.0 if self._replaying else action.seconds)
            return None
        if isinstance(action, _Resolve):
            try:
                infos = socket.getaddrinfo(action.host, action.port, type=socket.SOCK_STREAM)
            except (OSError, UnicodeError) as exc:
                raise Unreachable(action.url, f"cannot resolve host {action.host}") from exc
            return [info[4][0] for info in infos]
        with self._guard:
            lock = self._robots_locks.setdefault(action.origin, threading.Lock())
        with lock:
            if action.origin not in self._robots:
                try:
                    result: _RobotsPolicy | FetchError = self._run(self._robots_plan(action.origin))
                except FetchError as exc:
                    result = exc
                self._remember_robots(action.origin, result)
        return self._recall_robots(action.origin)

    async def _aperform(self, action: _Action, run: _AsyncRun) -> Any:
        if isinstance(action, _Send):
            host = httpx.URL(action.url).host
            async with run.host_slot(host):
                await asyncio.sleep(self._pacer.reserve(host))
                async with run.total:
                    return await self._asend(action, run.client)
        if isinstance(action, _Sleep):
            await asyncio.sleep(0.0 if self._replaying else action.seconds)
            return None
        if isinstance(action, _Resolve):
            loop = asyncio.get_running_loop()
            try:
                infos = await asyncio.wait_for(
                    loop.getaddrinfo(action.host, action.port, type=socket.SOCK_STREAM), self.limits.timeout
                )
            except (OSError, UnicodeError, TimeoutError) as exc:
                raise Unreachable(action.url, f"cannot resolve host {action.host}") from exc
            return [info[4][0] for info in infos]
        lock = run.robots_locks.setdefault(action.origin, asyncio.Lock())
        async with lock:
            if action.origin not in self._robots:
                try:
                    result: _RobotsPolicy | FetchError = await self._arun(
                        self._robots_plan(action.origin), run
                    )
                except FetchError as exc:
                    result = exc
                self._remember_robots(action.origin, result)
        return self._recall_robots(action.origin)

    def _remember_robots(self, origin: str, result: _RobotsPolicy | FetchError) -> None:
        # Failures are remembered too: a host whose robots.txt times out is not asked again per URL.
        self._robots[origin] = result
        if isinstance(result, _RobotsPolicy):
            delay = result.crawl_delay(self.user_agent)
            if delay and not self._replaying:
                self._pacer.set_delay(httpx.URL(origin).host, min(delay, self.limits.max_retry_after))

    def _recall_robots(self, origin: str) -> _RobotsPolicy:
        result = self._robots[origin]
        if isinstance(result, FetchError):
            raise result
        return result

    # ----- HTTP exchanges

    def _client_options(self) -> dict[str, Any]:
        return {
            "timeout": httpx.Timeout(self.limits.timeout),
            "follow_redirects": False,  # each hop is checked by the plan
            "headers": {"User-Agent": self.user_agent, "Accept": _ACCEPT},
        }

    def _sync_client(self) -> httpx.Client:
        with self._guard:
            if self._client is None:
                self._client = httpx.Client(transport=self._transport, **self._client_options())
            return self._client

    def _async_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(transport=self._transport, **self._client_options())

    def _send(self, action: _Send) -> _Reply:
        client = self._sync_client()
        started = time.monotonic()
        try:
            request = client.build_request("GET", action.url)
            response = client.send(request, stream=True)
            try:
                chunks: list[bytes] = []
                if _wants_body(response.status_code, response.headers, action):
                    for chunk in response.iter_bytes():
                        chunks.append(chunk)
                        if self._enough(chunks, action, started):
                            break
            finally:
                response.close()
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise _translate(exc, action.url, self.limits.timeout) from exc
        return self._reply(request, response, chunks, action)

    async def _asend(self, action: _Send, client: httpx.AsyncClient) -> _Reply:
        started = time.monotonic()
        try:
            request = client.build_request("GET", action.url)
            response = await client.send(request, stream=True)
            try:
                chunks: list[bytes] = []
                if _wants_body(response.status_code, response.headers, action):
                    async for chunk in response.aiter_bytes():
                        chunks.append(chunk)
                        if self._enough(chunks, action, started):
                            break
            finally:
                await response.aclose()
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise _translate(exc, action.url, self.limits.timeout) from exc
        return self._reply(request, response, chunks, action)

    def _enough(self, chunks: list[bytes], action: _Send, started: float) -> bool:
        """True once past the size limit; raises when the whole body takes longer than the timeout."""
        if time.monotonic() - started > self.limits.timeout:
            raise FetchTimeout(action.url, f"body not received within {self.limits.timeout:g} s")
        return sum(len(chunk) for chunk in chunks) > action.max_bytes

    def _reply(
        self, request: httpx.Request, response: httpx.Response, chunks: list[bytes], action: _Send
    ) -> _Reply:
        body = b"".join(chunks)
        truncated = len(body) > action.max_bytes or not _wants_body(
            response.status_code, response.headers, action
        )
        body = body[: action.max_bytes + 1]  # one byte past the limit is enough to show it was exceeded
        fetched_at = datetime.now(UTC).replace(microsecond=0)  # the precision FetchInfo shows
        archive = response.extensions.get("archive")
        if self._recorder is not None:
            self._recorder.record(
                Exchange(
                    url=str(request.url),
                    request_headers=request.headers.multi_items(),
                    status=response.status_code,
                    reason=response.reason_phrase,
                    headers=response.headers.multi_items(),
                    body=body,
                    fetched_at=fetched_at,
                    truncated=truncated,
                )
            )
            archive = str(self._recorder.path)
        stamp = response.extensions.get("archived_at") or fetched_at.isoformat(timespec="seconds").replace(
            "+00:00", "Z"
        )
        return _Reply(str(request.url), response.status_code, response.headers, body, stamp, archive)


# ------------------------------------------------------------------------------------------ local files


def read_local(source: str | Path, *, max_bytes: int = FetchLimits.max_bytes) -> Document:
    """A local .html/.txt/.pdf/... file, or "-" for standard input, as a Document like a fetched one."""
    if str(source) == "-":
        url, name = "-", ""
        body = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        url, name = path.resolve().as_uri(), path.name
        try:
            with path.open("rb") as handle:
                body = handle.read(max_bytes + 1)
        except OSError as exc:
            raise Unreachable(str(source), f"cannot read file: {exc.strerror or exc}") from exc
    if len(body) > max_bytes:
        raise TooLarge(url, f"file is larger than the {max_bytes:,}-byte limit")
    guessed = (mimetypes.guess_type(name)[0] or "") if name else ""
    if _kind_of(guessed) is None and guessed not in _UNTYPED:
        raise BadContentType(url, guessed)
    kind = _kind_of(guessed) or _sniff(body)
    if kind is None:
        raise BadContentType(url, "unknown")
    media = guessed if _kind_of(guessed) else _SNIFFED_TYPE[kind]
    text, encoding = (None, None) if kind == "pdf" else decode_text(body, None, kind)
    info = FetchInfo(url, url, 200, media, _now_iso(), hashlib.sha256(body).hexdigest())
    return Document(url, url, 200, media, kind, body, text, encoding, info)
