"""Fetching documents over HTTP, live or from an archive, within limits and politely.

The fetch logic is written once, as a *plan*: a generator that yields the I/O it needs (read
robots.txt, send a request, sleep) and receives the results. ``Fetcher.fetch_many`` runs many plans
concurrently on an ``httpx.AsyncClient`` under a global and a per-host limit; ``fetch`` and
``fetch_all`` are its blocking forms. Replay (``archive=``) only swaps the httpx transport (see
``replay.py``); live, the transport is ``network.GuardedTransport``, which connects only to addresses
the address policy allows. Every response has a total deadline (headers and body), every run a
fetch deadline, every body a size limit after its content encodings are undone (``codecs.py``).
"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import AsyncIterator, Callable, Generator, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TypeVar

import httpx

from factcheck.version import __version__
from factcheck.web.addresses import AddressPolicy, literal_ip
from factcheck.web.codecs import ACCEPT_ENCODING, BodyDecoder, DecodingFailed
from factcheck.web.content import Document, is_readable, make_document
from factcheck.web.decoding import media_type
from factcheck.web.errors import (
    BlockedURL,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    RobotsDisallowed,
    TooManyRedirects,
    Unreachable,
)
from factcheck.web.limits import (
    ROBOTS_MAX_BYTES,
    ROBOTS_MAX_REDIRECTS,
    FetchLimits,
    Pacer,
    RobotsPolicy,
    retry_after,
)
from factcheck.web.network import AddressRefused, GuardedTransport, Resolver
from factcheck.web.replay import make_transport
from factcheck.web.warc import Exchange, WarcRecorder

__all__ = ["Document", "Fetcher", "FetchError", "default_user_agent"]

T = TypeVar("T")


def default_user_agent() -> str:
    return f"factcheck/{__version__} (+https://github.com/factcheck)"


# ------------------------------------------------------------------------------------- plan machinery


@dataclass(frozen=True)
class _Send:
    url: str
    max_bytes: int
    check_type: bool  # skip the body of a success whose content type we refuse


@dataclass(frozen=True)
class _Sleep:
    url: str
    seconds: float


@dataclass(frozen=True)
class _Robots:
    origin: str


_Action = _Send | _Sleep | _Robots
_Plan = Generator[_Action, Any, T]


@dataclass(frozen=True)
class _Reply:
    url: str
    status: int
    headers: httpx.Headers
    body: bytes
    fetched_at: str
    archive: str | None
    truncated: bool = False  # the body was cut at the size limit, or not read


_REDIRECTS = (301, 302, 303, 307, 308)
_ACCEPT = ",".join(
    ["text/html", "application/xhtml+xml", "application/pdf", "application/json", "text/plain"]
    + ["application/xml;q=0.9", "*/*;q=0.5"]
)


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


def _wants_body(status: int, headers: httpx.Headers, action: _Send) -> bool:
    """Whether to read the body: not for a refused content type, nor one declared larger than allowed.
    Without ``check_type`` (robots.txt) the body is always read, up to the size limit."""
    if not action.check_type:
        return True
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > action.max_bytes:
        return False
    if 200 <= status < 300:
        return is_readable(media_type(headers.get("content-type"))[0])
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


@dataclass
class _Run:
    """One batch: its client, concurrency slots and the moment its fetch deadline passes."""

    client: httpx.AsyncClient
    total: asyncio.Semaphore
    per_host: int
    ends: float  # time.monotonic() value; inf without a deadline
    hosts: dict[str, asyncio.Semaphore] = field(default_factory=dict)
    robots_locks: dict[str, asyncio.Lock] = field(default_factory=dict)

    def host_slot(self, host: str) -> asyncio.Semaphore:
        return self.hosts.setdefault(host, asyncio.Semaphore(self.per_host))

    def left(self) -> float:
        return self.ends - time.monotonic()


async def _once(body: bytes) -> AsyncIterator[bytes]:
    yield body


# -------------------------------------------------------------------------------------------- fetcher


class Fetcher:
    """Fetches documents with one configuration; used by the CLI and by source verification.

    ``archive`` (a mirror directory or a WARC file) replays instead of going to the network.
    ``warc_out`` appends every response received to that WARC file. ``transport`` plugs in any httpx
    transport (for tests). Live, host names are resolved by ``resolver`` (the system's by default)
    once per connection, and only addresses allowed by the policy are connected to: public ones,
    loopback with ``allow_private_network``, any but link-local and metadata ones for ``allow_hosts``.
    With an archive or a transport, only literal IPs and "localhost" are checked.

    ``limits.deadline`` bounds the time this fetcher spends fetching, over all its batches: past it,
    requests still running end with ``FetchTimeout`` and later ones are not sent.
    """

    def __init__(
        self,
        *,
        archive: str | Path | None = None,
        warc_out: str | Path | None = None,
        limits: FetchLimits | None = None,
        allow_private_network: bool = False,
        allow_hosts: Iterable[str] = (),
        respect_robots: bool = True,
        user_agent: str | None = None,
        transport: Any = None,
        resolver: Resolver | None = None,
    ) -> None:
        if archive is not None and transport is not None:
            raise ValueError("give either archive or transport, not both")
        self.limits = limits or FetchLimits()
        self.policy = AddressPolicy.of(loopback=allow_private_network, hosts=allow_hosts)
        self.respect_robots = respect_robots
        self.user_agent = user_agent or default_user_agent()
        self._transport = transport if transport is not None else make_transport(archive)
        self._resolver = resolver
        # An archive does not change while we read it: no politeness delays, no waiting before retries.
        self._replaying = archive is not None
        self._recorder = WarcRecorder(warc_out) if warc_out is not None else None
        self._pacer = Pacer(0.0 if self._replaying else self.limits.delay)
        self._robots: dict[str, RobotsPolicy | FetchError] = {}
        self._spent = 0.0  # seconds of fetching so far, counted against limits.deadline

    # ----- public API

    def fetch(self, url: str) -> Document:
        """Fetch one URL, following redirects; raises a FetchError subclass."""
        result = self.fetch_all([url])[url]
        if isinstance(result, FetchError):
            raise result
        return result

    async def fetch_many(
        self,
        urls: Iterable[str],
        progress: Callable[[str, Document | FetchError], None] | None = None,
    ) -> dict[str, Document | FetchError]:
        """Fetch URLs concurrently; every URL maps to its Document or its FetchError, in input order."""
        unique = list(dict.fromkeys(urls))
        results: dict[str, Document | FetchError] = {}
        started = time.monotonic()
        budget = self.limits.deadline
        ends = started + max(0.0, budget - self._spent) if budget is not None else float("inf")
        # A new client per batch: its connections belong to this event loop (fetch_all runs a new one).
        try:
            async with self._client() as client:
                run = _Run(client, asyncio.Semaphore(self.limits.total), self.limits.per_host, ends)

                async def one(url: str) -> None:
                    result: Document | FetchError
                    try:
                        async with asyncio.timeout(run.left() + 1.0 if run.ends != float("inf") else None):
                            result = await self._arun(self._document_plan(url), run)
                    except FetchError as exc:
                        result = exc
                    except TimeoutError:
                        result = self._deadline_error(url)
                    except Exception as exc:  # a bug on one URL must not sink the batch
                        result = _translate(exc, url, self.limits.timeout)
                        result.__cause__ = exc
                    results[url] = result
                    if progress is not None:
                        progress(url, result)

                await asyncio.gather(*(one(url) for url in unique))
        finally:
            self._spent += time.monotonic() - started
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
        if self._recorder is not None:
            self._recorder.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ----- plans: what to do

    def _document_plan(self, url: str) -> _Plan[Document]:
        current = url
        for _hop in range(self.limits.max_redirects + 1):
            self._check_target(current)
            if self.respect_robots:
                yield from self._check_robots(current)
            reply = yield from self._send_with_retries(current, self.limits.max_bytes, check_type=True)
            target = _redirect_target(reply)
            if target is None:
                return self._document(url, reply)
            current = target
        raise TooManyRedirects(url, f"more than {self.limits.max_redirects} redirects")

    def _check_target(self, url: str) -> None:
        """Refuse what can be refused without DNS: other schemes, and literal IPs or local names the
        policy does not allow. Names are checked again, resolved, by the transport as it connects."""
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
        refused = self.policy.name_refusal(host)
        literal = literal_ip(host)
        if refused is None and literal is not None:
            refused = self.policy.refusal(host, literal)
        if refused:
            raise BlockedURL(url, f"refused host {host}: {refused}")

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

    def _robots_plan(self, origin: str) -> _Plan[RobotsPolicy]:
        current = f"{origin}/robots.txt"
        for _hop in range(ROBOTS_MAX_REDIRECTS + 1):
            try:
                self._check_target(current)
            except BlockedURL:
                return RobotsPolicy(note="robots.txt redirects to a refused address; treated as absent")
            try:
                reply = yield from self._send_with_retries(current, ROBOTS_MAX_BYTES, check_type=False)
            except BlockedURL:  # refused by the transport as it resolved the name
                return RobotsPolicy(note="robots.txt redirects to a refused address; treated as absent")
            target = _redirect_target(reply)
            if target is None:
                break
            current = target
        else:
            return RobotsPolicy()  # RFC 9309: too many redirects counts as no robots.txt
        if 200 <= reply.status < 300:
            return RobotsPolicy.parse(reply.body)
        if reply.status >= 500 or reply.status == 429:
            # RFC 9309: a robots.txt that is there but cannot be read means "disallow everything".
            return RobotsPolicy(
                allow_all=False, note=f"robots.txt answered HTTP {reply.status}; treated as disallow"
            )
        return RobotsPolicy()  # 4xx: no robots.txt, everything allowed

    def _send_with_retries(self, url: str, max_bytes: int, *, check_type: bool) -> _Plan[_Reply]:
        for attempt in itertools.count():
            reply: _Reply = yield _Send(url, max_bytes, check_type)
            transient = reply.status == 429 or (reply.status >= 500 and reply.status != 501)
            if not transient or attempt >= self.limits.retries:
                return reply
            wait = retry_after(reply.headers.get("retry-after"))
            if wait is None:
                wait = self.limits.backoff * 2**attempt
            yield _Sleep(url, min(wait, self.limits.max_retry_after))
        raise AssertionError("unreachable")

    def _document(self, url: str, reply: _Reply) -> Document:
        if not 200 <= reply.status < 300:
            raise HTTPStatusError(url, reply.status)
        media, charset = media_type(reply.headers.get("content-type"))
        declared = reply.headers.get("content-length", "")
        size = int(declared) if declared.isdigit() and not reply.headers.get("content-encoding") else 0
        if reply.truncated:
            size = max(size, self.limits.max_bytes + 1)
        return make_document(
            url,
            reply.url,
            reply.status,
            media,
            charset,
            reply.body,
            declared_size=size,
            max_bytes=self.limits.max_bytes,
            fetched_at=reply.fetched_at,
            archive=reply.archive,
        )

    # ----- running plans

    async def _arun(self, plan: _Plan[T], run: _Run) -> T:
        sent: Any = None
        error: FetchError | None = None
        while True:
            try:
                action = plan.throw(error) if error is not None else plan.send(sent)
            except StopIteration as stop:
                return stop.value  # type: ignore[no-any-return]
            sent, error = None, None
            try:
                sent = await self._perform(action, run)
            except FetchError as exc:
                error = exc

    async def _perform(self, action: _Action, run: _Run) -> Any:
        if isinstance(action, _Send):
            host = httpx.URL(action.url).host
            async with run.host_slot(host):
                await self._wait(action.url, self._pacer.reserve(host), run)
                async with run.total:
                    return await self._send(action, run)
        if isinstance(action, _Sleep):
            await self._wait(action.url, 0.0 if self._replaying else action.seconds, run)
            return None
        lock = run.robots_locks.setdefault(action.origin, asyncio.Lock())
        async with lock:
            if action.origin not in self._robots:
                try:
                    result: RobotsPolicy | FetchError = await self._arun(
                        self._robots_plan(action.origin), run
                    )
                except FetchError as exc:
                    result = exc
                self._remember_robots(action.origin, result)
        return self._recall_robots(action.origin)

    async def _wait(self, url: str, seconds: float, run: _Run) -> None:
        if seconds > run.left():
            raise self._deadline_error(url)
        await asyncio.sleep(seconds)

    def _deadline_error(self, url: str) -> FetchTimeout:
        return FetchTimeout(url, f"the fetch deadline of {self.limits.deadline:g} s for this run passed")

    def _remember_robots(self, origin: str, result: RobotsPolicy | FetchError) -> None:
        # Failures are remembered too: a host whose robots.txt times out is not asked again per URL.
        self._robots[origin] = result
        if isinstance(result, RobotsPolicy):
            delay = result.crawl_delay(self.user_agent)
            if delay and not self._replaying:
                self._pacer.set_delay(httpx.URL(origin).host, min(delay, self.limits.max_retry_after))

    def _recall_robots(self, origin: str) -> RobotsPolicy:
        result = self._robots[origin]
        if isinstance(result, FetchError):
            raise result
        return result

    # ----- HTTP exchanges

    def _client(self) -> httpx.AsyncClient:
        transport = self._transport
        if transport is None:
            transport = GuardedTransport(self.policy, self._resolver)
        return httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(self.limits.timeout),
            follow_redirects=False,  # each hop is checked by the plan
            headers={"User-Agent": self.user_agent, "Accept": _ACCEPT, "Accept-Encoding": ACCEPT_ENCODING},
        )

    async def _send(self, action: _Send, run: _Run) -> _Reply:
        budget = min(self.limits.timeout, run.left())
        if budget <= 0:
            raise self._deadline_error(action.url)
        try:
            async with asyncio.timeout(budget):
                request = run.client.build_request("GET", action.url)
                response = await run.client.send(request, stream=True)
                try:
                    body, truncated = await self._read_body(response, action)
                finally:
                    await response.aclose()
        except TimeoutError:
            if budget < self.limits.timeout:
                raise self._deadline_error(action.url) from None
            raise FetchTimeout(action.url, f"no complete response within {self.limits.timeout:g} s") from None
        except AddressRefused as exc:
            raise BlockedURL(action.url, str(exc)) from None
        except DecodingFailed as exc:
            raise Unreachable(action.url, f"the response body could not be decoded: {exc}") from None
        except (httpx.HTTPError, httpx.InvalidURL) as exc:
            raise _translate(exc, action.url, self.limits.timeout) from exc
        return self._reply(request, response, body, truncated)

    async def _read_body(self, response: httpx.Response, action: _Send) -> tuple[bytes, bool]:
        """The body with its content encodings undone, cut one byte past the size limit; and whether
        it was cut (or not read at all)."""
        if not _wants_body(response.status_code, response.headers, action):
            return b"", True
        if response.is_stream_consumed:
            # A transport that built the response from bytes (replay, tests) has read and decoded it.
            decoder, raws = BodyDecoder(None), _once(response.content)
        else:
            decoder = BodyDecoder(response.headers.get("content-encoding"), self.limits.max_encodings)
            raws = response.aiter_raw()
        chunks: list[bytes] = []
        size = received = 0
        async for raw in raws:
            received += len(raw)
            for piece in decoder.feed(raw):
                chunks.append(piece)
                size += len(piece)
                if size > action.max_bytes:
                    return b"".join(chunks)[: action.max_bytes + 1], True
            if received > action.max_bytes:  # encoded bytes that decode to little are not read forever
                return b"".join(chunks), True
        for piece in decoder.finish():
            chunks.append(piece)
            size += len(piece)
            if size > action.max_bytes:
                return b"".join(chunks)[: action.max_bytes + 1], True
        return b"".join(chunks), False

    def _reply(
        self, request: httpx.Request, response: httpx.Response, body: bytes, truncated: bool
    ) -> _Reply:
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
        return _Reply(
            str(request.url), response.status_code, response.headers, body, stamp, archive, truncated
        )
