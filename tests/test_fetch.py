"""The fetch layer against a real HTTP server on 127.0.0.1: limits, decoding, retries, safety, robots."""

from __future__ import annotations

import asyncio
import functools
import io
import json
import socket
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from httpserver import (
    ForwardingTransport,
    LocalServer,
    reply,
    running_server,
    tiny_pdf,
)

from factcheck import __version__
from factcheck.web import (
    BadContentType,
    BlockedURL,
    Document,
    Fetcher,
    FetchError,
    FetchLimits,
    FetchTimeout,
    HTTPStatusError,
    RobotsDisallowed,
    TooLarge,
    TooManyRedirects,
    Unreachable,
    is_public_address,
    read_local,
)

FAST = FetchLimits(timeout=2.0, delay=0.0, backoff=0.05, retries=2, max_retry_after=5.0)
PAGE = b"<!doctype html><html><head><title>t</title></head><body><p>82.7% on a benchmark</p></body></html>"
RUSSIAN = (
    "Выручка компании выросла на двенадцать процентов по сравнению с прошлым годом, "
    "а доля рынка облачных услуг достигла пятидесяти семи процентов, сообщили аналитики. "
) * 3


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with running_server() as running:
        yield running


def local(limits: FetchLimits = FAST, *, respect_robots: bool = True) -> Fetcher:
    """A fetcher allowed to reach the test server on 127.0.0.1."""
    return Fetcher(allow_private_network=True, limits=limits, respect_robots=respect_robots)


def serve(
    server: LocalServer, path: str, body: bytes, content_type: str, *, declare_length: bool = True
) -> str:
    server.routes[path] = functools.partial(
        reply, body=body, content_type=content_type, declare_length=declare_length
    )
    return server.url(path)


# ----------------------------------------------------------------------------------- content & charset


def test_header_charset_decodes_html_and_latin1_label_reads_as_windows_1252(server: LocalServer) -> None:
    text = "<html><body><p>Café – naïve</p></body></html>"
    url = serve(server, "/latin", text.encode("cp1252"), "text/html; charset=ISO-8859-1")
    doc = local().fetch(url)
    assert doc.kind == "html" and doc.status == 200
    assert doc.text == text  # the 0x96 byte is an en dash, as browsers read it


def test_meta_charset_is_used_when_the_header_has_none(server: LocalServer) -> None:
    text = f'<html><head><meta charset="koi8-r"></head><body><p>{RUSSIAN}</p></body></html>'
    doc = local().fetch(serve(server, "/koi", text.encode("koi8-r"), "text/html"))
    assert doc.encoding == "koi8-r"
    assert doc.text == text


def test_http_equiv_content_type_charset_is_honoured(server: LocalServer) -> None:
    text = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS"></head>'
        "<body><p>市場シェアは57%に達した</p></body></html>"
    )
    doc = local().fetch(serve(server, "/sjis", text.encode("shift_jis"), "text/html"))
    assert doc.text == text


def test_undeclared_charset_is_detected(server: LocalServer) -> None:
    doc = local().fetch(serve(server, "/plain", RUSSIAN.encode("cp1251"), "text/plain"))
    assert doc.kind == "text"
    assert doc.text == RUSSIAN


def test_pdf_is_accepted_with_bytes_and_no_text(server: LocalServer) -> None:
    pdf = tiny_pdf()
    doc = local().fetch(serve(server, "/report.pdf", pdf, "application/pdf"))
    assert (doc.kind, doc.content_type, doc.text) == ("pdf", "application/pdf", None)
    assert doc.body == pdf
    from pypdf import PdfReader

    assert "Revenue grew 12%" in PdfReader(io.BytesIO(doc.body)).pages[0].extract_text()


def test_untyped_pdf_is_recognised_from_its_bytes(server: LocalServer) -> None:
    doc = local().fetch(serve(server, "/download", tiny_pdf(), "application/octet-stream"))
    assert (doc.kind, doc.content_type) == ("pdf", "application/pdf")


def test_json_is_accepted_and_decoded(server: LocalServer) -> None:
    data = {"model": "GPT-5.5", "score": 82.7, "note": "Ünïcode"}
    doc = local().fetch(
        serve(server, "/api", json.dumps(data, ensure_ascii=False).encode(), "application/json")
    )
    assert doc.kind == "json"
    assert doc.text is not None and json.loads(doc.text) == data


def test_image_is_refused_with_a_clear_error(server: LocalServer) -> None:
    url = serve(server, "/chart.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 5000, "image/png")
    with pytest.raises(BadContentType) as caught:
        local().fetch(url)
    assert "image/png" in str(caught.value) and caught.value.content_type == "image/png"


def test_declared_oversized_body_is_refused(server: LocalServer) -> None:
    url = serve(server, "/big", b"x" * 5000, "text/plain")
    with pytest.raises(TooLarge):
        local(FetchLimits(timeout=2.0, delay=0.0, max_bytes=1000)).fetch(url)


def test_undeclared_oversized_body_stops_reading_past_the_limit(server: LocalServer) -> None:
    url = serve(server, "/stream", b"y" * 300_000, "text/plain", declare_length=False)
    with pytest.raises(TooLarge):
        local(FetchLimits(timeout=2.0, delay=0.0, max_bytes=1000)).fetch(url)
    small = serve(server, "/small", b"y" * 999, "text/plain", declare_length=False)
    assert len(local(FetchLimits(timeout=2.0, delay=0.0, max_bytes=1000)).fetch(small).body) == 999


# ------------------------------------------------------------------------------------ time & retries


def test_slow_response_times_out(server: LocalServer) -> None:
    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(6)
        reply(handler, 200, PAGE)

    server.routes["/slow"] = slow
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        local(FetchLimits(timeout=0.3, delay=0.0)).fetch(server.url("/slow"))
    # Far below the server's 6 s: the 0.3 s timeout ended it (generous, so a loaded machine does not flake).
    assert time.monotonic() - started < 4


def test_body_trickling_past_the_timeout_is_cut_off(server: LocalServer) -> None:
    def trickle(handler: BaseHTTPRequestHandler) -> None:
        reply(handler, 200, b"", "text/plain", {"Content-Length": "120"}, declare_length=False)
        for _ in range(120):
            time.sleep(0.05)
            try:
                handler.wfile.write(b"z")
            except OSError:
                return

    server.routes["/trickle"] = trickle
    started = time.monotonic()
    with pytest.raises(FetchTimeout):
        local(FetchLimits(timeout=0.5, delay=0.0)).fetch(server.url("/trickle"))
    assert time.monotonic() - started < 4  # the whole body would take 6 s


def test_503_then_200_is_retried(server: LocalServer) -> None:
    def flaky(handler: BaseHTTPRequestHandler) -> None:
        status = 503 if server.hits["/flaky"] == 1 else 200
        reply(handler, status, PAGE)

    server.routes["/flaky"] = flaky
    doc = local().fetch(server.url("/flaky"))
    assert doc.status == 200 and server.hits["/flaky"] == 2


def test_429_retry_after_seconds_is_honoured(server: LocalServer) -> None:
    def busy(handler: BaseHTTPRequestHandler) -> None:
        if server.hits["/busy"] == 1:
            reply(handler, 429, b"slow down", "text/plain", {"Retry-After": "1"})
        else:
            reply(handler, 200, PAGE)

    server.routes["/busy"] = busy
    assert local().fetch(server.url("/busy")).status == 200
    first, second = server.arrivals["/busy"]
    assert second - first >= 0.95


def test_retry_after_http_date_is_honoured(server: LocalServer) -> None:
    def busy(handler: BaseHTTPRequestHandler) -> None:
        if server.hits["/date"] == 1:
            when = format_datetime(datetime.now(UTC) + timedelta(seconds=1.5), usegmt=True)
            reply(handler, 503, b"", "text/plain", {"Retry-After": when})
        else:
            reply(handler, 200, PAGE)

    server.routes["/date"] = busy
    assert local().fetch(server.url("/date")).status == 200
    first, second = server.arrivals["/date"]
    assert 0.4 <= second - first <= 3.0  # the date has whole seconds


def test_retry_after_is_capped(server: LocalServer) -> None:
    def busy(handler: BaseHTTPRequestHandler) -> None:
        status, headers = (429, {"Retry-After": "3600"}) if server.hits["/cap"] == 1 else (200, {})
        reply(handler, status, PAGE, headers=headers)

    server.routes["/cap"] = busy
    limits = FetchLimits(timeout=2.0, delay=0.0, max_retry_after=0.2)
    started = time.monotonic()
    assert local(limits).fetch(server.url("/cap")).status == 200
    assert time.monotonic() - started < 5  # capped at 0.2 s, not the 3600 s asked for


def test_persistent_5xx_gives_up_after_the_retries(server: LocalServer) -> None:
    server.routes["/down"] = lambda h: reply(h, 500, b"oops")
    with pytest.raises(HTTPStatusError) as caught:
        local().fetch(server.url("/down"))
    assert caught.value.status == 500
    assert server.hits["/down"] == 1 + FAST.retries


def test_404_is_not_retried_and_reads_as_not_found(server: LocalServer) -> None:
    with pytest.raises(HTTPStatusError) as caught:
        local().fetch(server.url("/missing"))
    assert (caught.value.status, caught.value.reason) == (404, "not found")
    assert server.hits["/missing"] == 1


def test_closed_port_is_unreachable() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(Unreachable):
        local().fetch(f"http://127.0.0.1:{port}/page")


# ------------------------------------------------------------------------------------------ redirects


def _redirect_chain(server: LocalServer, last: int) -> None:
    for step in range(last):
        target = f"/hop/{step + 1}"
        server.routes[f"/hop/{step}"] = functools.partial(
            reply, status=302, content_type=None, headers={"Location": target}
        )
    server.routes[f"/hop/{last}"] = lambda h: reply(h, 200, PAGE)


def test_redirect_chain_longer_than_the_limit_is_refused(server: LocalServer) -> None:
    _redirect_chain(server, 10)
    with pytest.raises(TooManyRedirects):
        local(FetchLimits(timeout=2.0, delay=0.0, max_redirects=3)).fetch(server.url("/hop/0"))
    assert server.hits["/hop/3"] == 1 and server.hits["/hop/4"] == 0


def test_redirects_up_to_the_limit_are_followed(server: LocalServer) -> None:
    _redirect_chain(server, 10)
    doc = local(FetchLimits(timeout=2.0, delay=0.0, max_redirects=5)).fetch(server.url("/hop/5"))
    assert doc.url == server.url("/hop/5")
    assert doc.final_url == doc.info.final_url == server.url("/hop/10")


def test_redirect_to_a_file_url_is_refused(server: LocalServer) -> None:
    server.routes["/jump"] = lambda h: reply(h, 301, b"", None, {"Location": "file:///etc/passwd"})
    with pytest.raises(BlockedURL) as caught:
        local().fetch(server.url("/jump"))
    assert "file" in str(caught.value)


@pytest.mark.parametrize("host", ["127.0.0.1", "localhost", "[::1]", "2130706433"])
def test_redirect_to_a_private_address_is_refused(server: LocalServer, host: str) -> None:
    # The forwarding transport makes "public.test" reach the local server without a private address.
    server.routes["/jump"] = lambda h: reply(
        h, 302, b"", None, {"Location": f"http://{host}:{server.port}/secret"}
    )
    server.routes["/secret"] = lambda h: reply(h, 200, PAGE)
    fetcher = Fetcher(transport=ForwardingTransport(server.port), limits=FAST)
    with pytest.raises(BlockedURL):
        fetcher.fetch("http://public.test/jump")
    assert server.hits["/jump"] == 1 and server.hits["/secret"] == 0


def test_loopback_is_refused_by_default(server: LocalServer) -> None:
    server.routes["/page"] = lambda h: reply(h, 200, PAGE)
    with pytest.raises(BlockedURL) as caught:
        Fetcher(limits=FAST).fetch(server.url("/page"))
    assert caught.value.reason == "blocked"
    assert sum(server.hits.values()) == 0


def test_host_name_resolving_to_a_private_address_is_refused(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Resolution is faked to loopback only, so even a broken guard could not reach another machine.
    def resolve(host: str, port: object, *args: object, **kwargs: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", server.port))]

    monkeypatch.setattr(socket, "getaddrinfo", resolve)
    server.routes["/page"] = lambda h: reply(h, 200, PAGE)
    url = f"http://intranet.example:{server.port}/page"
    with pytest.raises(BlockedURL):
        Fetcher(limits=FAST).fetch(url)
    assert isinstance(Fetcher(limits=FAST).fetch_all([url])[url], BlockedURL)
    assert sum(server.hits.values()) == 0


def test_host_name_that_does_not_resolve_is_unreachable(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> None:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    monkeypatch.setattr(socket, "getaddrinfo", fail)
    url = "https://no-such-host.example/page"
    with pytest.raises(Unreachable) as caught:
        Fetcher(limits=FAST).fetch(url)
    assert "resolve" in str(caught.value)
    assert isinstance(Fetcher(limits=FAST).fetch_all([url])[url], Unreachable)


@pytest.mark.parametrize(
    "url", ["file:///etc/passwd", "ftp://example.com/x", "gopher://example.com/", "nonsense"]
)
def test_non_http_schemes_are_refused_even_with_private_network_allowed(url: str) -> None:
    with pytest.raises(BlockedURL):
        local().fetch(url)


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0", "224.0.0.1",
     "240.0.0.1", "100.64.0.1", "::1", "fe80::1", "fc00::1", "::", "::ffff:127.0.0.1", "2002:7f00:1::",
     "64:ff9b::a00:1", "not-an-ip"],
)  # fmt: skip
def test_non_public_addresses_are_recognised(address: str) -> None:
    assert not is_public_address(address)


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses_are_allowed(address: str) -> None:
    assert is_public_address(address)


# --------------------------------------------------------------------------------------------- robots


def test_robots_txt_disallow_is_respected_and_cached(server: LocalServer) -> None:
    serve(server, "/robots.txt", b"User-agent: *\nDisallow: /private/\n", "text/plain")
    server.routes["/private/page"] = lambda h: reply(h, 200, PAGE)
    server.routes["/public"] = lambda h: reply(h, 200, PAGE)
    fetcher = local()
    with pytest.raises(RobotsDisallowed):
        fetcher.fetch(server.url("/private/page"))
    assert fetcher.fetch(server.url("/public")).status == 200
    assert server.hits["/robots.txt"] == 1 and server.hits["/private/page"] == 0


def test_robots_group_for_our_user_agent_applies(server: LocalServer) -> None:
    rules = b"User-agent: factcheck\nDisallow: /only-us/\n\nUser-agent: *\nDisallow:\n"
    serve(server, "/robots.txt", rules, "text/plain")
    server.routes["/only-us/x"] = lambda h: reply(h, 200, PAGE)
    with pytest.raises(RobotsDisallowed):
        local().fetch(server.url("/only-us/x"))
    assert local(respect_robots=False).fetch(server.url("/only-us/x")).status == 200


def test_missing_robots_txt_allows_everything(server: LocalServer) -> None:
    server.routes["/page"] = lambda h: reply(h, 200, PAGE)
    assert local().fetch(server.url("/page")).status == 200
    assert server.hits["/robots.txt"] == 1


def test_robots_txt_server_error_means_disallow(server: LocalServer) -> None:
    server.routes["/robots.txt"] = lambda h: reply(h, 503, b"down", "text/plain")
    server.routes["/page"] = lambda h: reply(h, 200, PAGE)
    with pytest.raises(RobotsDisallowed):
        local().fetch(server.url("/page"))
    assert server.hits["/page"] == 0


def test_requests_carry_the_factcheck_user_agent(server: LocalServer) -> None:
    server.routes["/page"] = lambda h: reply(h, 200, PAGE)
    local().fetch(server.url("/page"))
    assert set(server.user_agents) == {f"factcheck/{__version__} (+https://github.com/factcheck)"}


# ----------------------------------------------------------------------------------------- batch fetch


def _slow_pages(server: LocalServer, count: int, seconds: float) -> list[str]:
    def slow(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(seconds)
        reply(handler, 200, PAGE)

    for index in range(count):
        server.routes[f"/p/{index}"] = slow
    return [f"/p/{index}" for index in range(count)]


def test_per_host_concurrency_is_never_exceeded(server: LocalServer) -> None:
    paths = _slow_pages(server, 6, 0.2)
    limits = FetchLimits(timeout=2.0, delay=0.0, per_host=2, total=8)
    results = local(limits).fetch_all(server.url(p) for p in paths)
    assert all(isinstance(r, Document) for r in results.values())
    assert server.max_active == 2


def test_global_concurrency_is_never_exceeded_across_hosts(server: LocalServer) -> None:
    paths = _slow_pages(server, 2, 0.15)
    urls = [f"http://{host}.test{path}" for host in ("a", "b", "c") for path in paths]
    limits = FetchLimits(timeout=2.0, delay=0.0, per_host=2, total=1)
    fetcher = Fetcher(transport=ForwardingTransport(server.port), limits=limits)
    results = fetcher.fetch_all(urls)
    assert len(results) == 6 and all(isinstance(r, Document) for r in results.values())
    assert server.max_active == 1


def test_politeness_delay_spaces_requests_to_one_host(server: LocalServer) -> None:
    paths = _slow_pages(server, 3, 0.0)
    local(FetchLimits(timeout=2.0, delay=0.2, per_host=2)).fetch_all(server.url(p) for p in paths)
    arrivals = sorted(t for times in server.arrivals.values() for t in times)
    assert len(arrivals) == 4  # robots.txt and three pages
    assert min(b - a for a, b in zip(arrivals, arrivals[1:], strict=False)) >= 0.18


def test_one_broken_url_never_stops_the_others(server: LocalServer) -> None:
    def hang(handler: BaseHTTPRequestHandler) -> None:
        time.sleep(1.5)
        reply(handler, 200, PAGE)

    server.routes["/good"] = server.routes["/also-good"] = lambda h: reply(h, 200, PAGE)
    server.routes["/hang"] = hang
    serve(server, "/img", b"\x89PNG\r\n", "image/png")
    urls = [server.url("/good"), server.url("/missing"), server.url("/hang"), "file:///etc/passwd",
            server.url("/img"), "http://", server.url("/also-good")]  # fmt: skip
    seen: list[str] = []
    results = local(FetchLimits(timeout=0.4, delay=0.0)).fetch_all(urls, progress=lambda u, r: seen.append(u))
    assert list(results) == urls and sorted(seen) == sorted(urls)
    expected = [Document, HTTPStatusError, FetchTimeout, BlockedURL, BadContentType, BlockedURL, Document]
    assert [type(results[u]) for u in urls] == expected


def test_one_fetcher_serves_several_batches_and_single_fetches(server: LocalServer) -> None:
    server.routes["/page"] = lambda h: reply(h, 200, PAGE)
    fetcher = Fetcher(transport=ForwardingTransport(server.port), limits=FAST)
    first = fetcher.fetch_all(["http://a.test/page"])
    second = fetcher.fetch_all(["http://b.test/page"])
    assert isinstance(first["http://a.test/page"], Document) and isinstance(
        second["http://b.test/page"], Document
    )
    assert fetcher.fetch("http://c.test/page").status == 200
    fetcher.close()
    assert server.hits["/page"] == 3


def test_fetch_all_works_inside_a_running_event_loop(server: LocalServer) -> None:
    server.routes["/page"] = lambda h: reply(h, 200, PAGE)

    async def caller() -> dict[str, Document | FetchError]:
        return local().fetch_all([server.url("/page")])

    results = asyncio.run(caller())
    assert isinstance(results[server.url("/page")], Document)


def test_error_messages_are_one_line_and_name_the_url(server: LocalServer) -> None:
    url = server.url("/missing")
    results = local().fetch_all([url, "ftp://x\n/y"])
    for key, error in results.items():
        assert isinstance(error, FetchError)
        assert "\n" not in str(error) and str(error).startswith(key.split("\n")[0])


def test_document_provenance_records_time_and_digest(server: LocalServer) -> None:
    import hashlib

    doc = local().fetch(serve(server, "/page", PAGE, "text/html"))
    assert doc.info.sha256 == hashlib.sha256(PAGE).hexdigest()
    fetched = datetime.fromisoformat(doc.info.fetched_at.replace("Z", "+00:00"))
    assert abs((datetime.now(UTC) - fetched).total_seconds()) < 5
    assert doc.info.archive is None


# ----------------------------------------------------------------------------------------- local files


def test_read_local_html_file_uses_its_meta_charset(tmp_path: Path) -> None:
    text = '<html><head><meta charset="windows-1252"></head><body>Caf\u00e9 \u2013 57%</body></html>'
    path = tmp_path / "article.html"
    path.write_bytes(text.encode("cp1252"))
    doc = read_local(path)
    assert (doc.kind, doc.content_type, doc.text) == ("html", "text/html", text)
    assert doc.url == path.resolve().as_uri()


def test_read_local_reads_standard_input(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Revenue rose 12% in 2025.\n")))
    doc = read_local("-")
    assert (doc.url, doc.kind, doc.text) == ("-", "text", "Revenue rose 12% in 2025.\n")


def test_read_local_refuses_images_and_reports_missing_files(tmp_path: Path) -> None:
    image = tmp_path / "chart.png"
    image.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    with pytest.raises(BadContentType):
        read_local(image)
    with pytest.raises(Unreachable):
        read_local(tmp_path / "nope.html")


# ------------------------------------------------------------------------------ address policy flags


def test_a_named_host_may_resolve_to_a_private_address(server: LocalServer) -> None:
    server.routes["/page"] = lambda h: reply(h, 200, PAGE)
    url = f"http://wiki.internal.test:{server.port}/page"

    def loopback(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    with pytest.raises(BlockedURL, match="loopback"):
        Fetcher(limits=FAST, resolver=loopback).fetch(url)
    assert server.hits["/page"] == 0
    doc = Fetcher(limits=FAST, resolver=loopback, allow_hosts=["wiki.internal.test"]).fetch(url)
    assert doc.status == 200 and server.hits["/page"] == 1


@pytest.mark.parametrize("address", ["169.254.169.254", "fe80::1", "0.0.0.0", "fd00:ec2::254"])
def test_link_local_and_metadata_addresses_are_refused_whatever_is_allowed(address: str) -> None:
    # Resolution names the address; the refusal comes before any connection, so nothing is sent.
    fetcher = Fetcher(
        limits=FAST,
        allow_private_network=True,
        allow_hosts=["metadata.test"],
        resolver=lambda host, port: [address],
    )
    with pytest.raises(BlockedURL, match="never fetched"):
        fetcher.fetch("http://metadata.test/latest/")


def test_private_network_allows_loopback_but_no_other_private_address() -> None:
    fetcher = Fetcher(limits=FAST, allow_private_network=True, resolver=lambda host, port: ["10.1.2.3"])
    with pytest.raises(BlockedURL, match="private address"):
        fetcher.fetch("http://intranet.test/")


def test_a_response_that_never_completes_ends_at_the_total_timeout(server: LocalServer) -> None:
    def drip(h: BaseHTTPRequestHandler) -> None:
        try:
            for byte in b"HTTP/1.1 200 OK\r\nX-Slow: " + b"a" * 100:
                h.wfile.write(bytes([byte]))
                h.wfile.flush()
                time.sleep(0.1)
        except OSError:
            pass

    server.routes["/drip"] = drip
    started = time.monotonic()
    with pytest.raises(FetchTimeout, match="no complete response within 1 s"):
        local(FetchLimits(timeout=1.0, delay=0.0, retries=0)).fetch(server.url("/drip"))
    assert time.monotonic() - started < 3.0


def test_the_run_deadline_stops_every_later_request(server: LocalServer) -> None:
    server.routes["/slow"] = lambda h: (time.sleep(1.5), reply(h, 200, PAGE))
    fetcher = local(FetchLimits(timeout=5.0, deadline=1.0, delay=0.0, retries=0))
    first = fetcher.fetch_all([server.url("/slow")])[server.url("/slow")]
    assert isinstance(first, FetchTimeout) and "deadline" in str(first)
    with pytest.raises(FetchTimeout, match="deadline"):
        fetcher.fetch(server.url("/slow"))
