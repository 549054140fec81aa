"""Replay transports (directory mirror, WARC file) and WARC archiving of live fetches."""

from __future__ import annotations

import base64
import functools
import socket
from collections.abc import Iterator
from datetime import datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import httpx
import pytest
from httpserver import (
    ForwardingTransport,
    LocalServer,
    reply,
    running_server,
    tiny_pdf,
)
from warcio.archiveiterator import ArchiveIterator

from factcheck.web import (
    BadContentType,
    BlockedURL,
    Document,
    Fetcher,
    FetchError,
    FetchLimits,
    HTTPStatusError,
    RobotsDisallowed,
    TooLarge,
)
from factcheck.web.replay import MirrorTransport, WarcTransport, make_transport
from factcheck.web.warc import index_responses, iter_responses

WEB = Path(__file__).resolve().parents[2] / "shared" / "web"
needs_web = pytest.mark.skipif(not WEB.is_dir(), reason="the shared web mirror is not present")
ARTICLE = "https://news.example/gpt-5-5-rebuilt-from-scratch/"
FAST = FetchLimits(timeout=2.0, delay=0.0, backoff=0.05, retries=2)


@pytest.fixture
def no_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("replay must not resolve host names")

    monkeypatch.setattr(socket, "getaddrinfo", refuse)


# ------------------------------------------------------------------------------------ directory mirror


@needs_web
@pytest.mark.parametrize("url", [ARTICLE, ARTICLE.rstrip("/")])
def test_mirror_serves_the_article_with_or_without_trailing_slash(url: str, no_dns: None) -> None:
    doc = Fetcher(archive=WEB).fetch(url)
    expected = (WEB / "news.example" / "gpt-5-5-rebuilt-from-scratch" / "index.html").read_bytes()
    assert (doc.status, doc.kind, doc.body) == (200, "html", expected)
    assert doc.text is not None and "GPT-5.5" in doc.text
    assert doc.info.archive == str(WEB.resolve())


@needs_web
@pytest.mark.parametrize(
    "url",
    ["https://news.example/no-such-page/", "https://unknown-host.example/", "https://news.example/x.pdf"],
)
def test_mirror_answers_404_for_anything_else(url: str, no_dns: None) -> None:
    with pytest.raises(HTTPStatusError) as caught:
        Fetcher(archive=WEB).fetch(url)
    assert caught.value.status == 404


@needs_web
def test_mirror_serves_robots_txt_and_sitemap_and_applies_robots(no_dns: None) -> None:
    fetcher = Fetcher(archive=WEB)
    robots = fetcher.fetch("https://futurumgroup.com/robots.txt")
    sitemap = fetcher.fetch("https://futurumgroup.com/sitemap.xml")
    assert (robots.content_type, sitemap.content_type) == ("text/plain", "application/xml")
    assert robots.text is not None and "Disallow: /wp-admin/" in robots.text
    assert sitemap.text is not None and "<urlset" in sitemap.text
    with pytest.raises(RobotsDisallowed):
        fetcher.fetch("https://futurumgroup.com/wp-admin/settings/")


@needs_web
def test_replay_batch_resolves_no_hosts_and_still_refuses_literal_private_addresses(no_dns: None) -> None:
    urls = [ARTICLE, "https://benchlm.ai/models/gpt-5-5/", "http://127.0.0.1/x", "http://localhost/"]
    results = Fetcher(archive=WEB).fetch_all(urls)
    assert [type(results[u]) for u in urls] == [Document, Document, BlockedURL, BlockedURL]


def _mirror(root: Path) -> Path:
    site = root / "mirror" / "reports.example"
    (site / "a" / "b").mkdir(parents=True)
    (site / "a" / "b" / "index.html").write_bytes(b"<html><body>page b</body></html>")
    (site / "index.html").write_bytes(b"<html><body>home</body></html>")
    (site / "annual.pdf").write_bytes(tiny_pdf())
    (site / "data.json").write_bytes(b'{"share": 57}')
    (root / "secret.txt").write_bytes(b"outside the mirror")
    return root / "mirror"


def test_mirror_maps_paths_to_files_with_content_types(tmp_path: Path) -> None:
    fetcher = Fetcher(archive=_mirror(tmp_path))
    for url in (
        "https://reports.example/a/b",
        "https://reports.example/a/b/",
        "http://reports.example/a/b?x=1",
    ):
        assert fetcher.fetch(url).body == b"<html><body>page b</body></html>"
    assert fetcher.fetch("https://reports.example/").text == "<html><body>home</body></html>"
    pdf = fetcher.fetch("https://reports.example/annual.pdf")
    assert (pdf.kind, pdf.content_type, pdf.body) == ("pdf", "application/pdf", tiny_pdf())
    assert fetcher.fetch("https://reports.example/data.json").kind == "json"
    with pytest.raises(HTTPStatusError):
        fetcher.fetch("https://reports.example/annual.pdf/")


@pytest.mark.parametrize(
    "url",
    ["https://reports.example/%2e%2e/%2e%2e/secret.txt", "https://reports.example/..%2F..%2Fsecret.txt",
     "https://reports.example/a/%2e%2e%2f%2e%2e%2f..%2fsecret.txt"],
)  # fmt: skip
def test_mirror_never_serves_files_outside_its_folder(tmp_path: Path, url: str) -> None:
    transport = MirrorTransport(_mirror(tmp_path))
    assert transport.locate(url) is None
    with httpx.Client(transport=transport) as client:
        assert client.get(url).status_code == 404


def test_make_transport_picks_the_archive_kind(tmp_path: Path) -> None:
    mirror = make_transport(_mirror(tmp_path))
    assert isinstance(mirror, MirrorTransport)
    assert isinstance(mirror, httpx.BaseTransport) and isinstance(mirror, httpx.AsyncBaseTransport)
    assert make_transport(None) is None
    with pytest.raises(FileNotFoundError):
        make_transport(tmp_path / "absent.warc")


# ------------------------------------------------------------------------------------------ WARC files


@pytest.fixture
def site() -> Iterator[LocalServer]:
    """A small site: pages in several types, a redirect, errors, a robots.txt and a flaky page."""
    with running_server() as server:
        page = "<html><body><p>Umsatz +12 % – Marktanteil 57 %</p></body></html>".encode("cp1252")
        server.routes["/page"] = lambda h: reply(h, 200, page, "text/html; charset=windows-1252")
        server.routes["/doc.pdf"] = lambda h: reply(h, 200, tiny_pdf(), "application/pdf")
        server.routes["/data.json"] = lambda h: reply(h, 200, b'{"score": 82.7}', "application/json")
        server.routes["/moved"] = lambda h: reply(h, 301, b"", None, {"Location": "/page"})
        server.routes["/chart.png"] = lambda h: reply(h, 200, b"\x89PNG\r\n\x1a\n\x00", "image/png")
        server.routes["/big"] = lambda h: reply(h, 200, b"b" * 5000, "text/plain")
        server.routes["/robots.txt"] = lambda h: reply(
            h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain"
        )

        def flaky(handler: BaseHTTPRequestHandler) -> None:
            reply(handler, 503 if server.hits["/flaky"] == 1 else 200, b"<p>ok</p>")

        server.routes["/flaky"] = flaky
        yield server


PATHS = [
    "/page",
    "/doc.pdf",
    "/data.json",
    "/moved",
    "/missing",
    "/chart.png",
    "/big",
    "/private/x",
    "/flaky",
]
EXPECTED = [Document, Document, Document, Document, HTTPStatusError, BadContentType, TooLarge,
            RobotsDisallowed, Document]  # fmt: skip
LIMITS = FetchLimits(timeout=2.0, delay=0.0, backoff=0.05, retries=2, max_bytes=4000)


def _same(live: Document | FetchError, replayed: Document | FetchError) -> None:
    assert type(live) is type(replayed)
    if isinstance(live, Document) and isinstance(replayed, Document):
        assert (replayed.status, replayed.final_url, replayed.content_type) == (
            live.status,
            live.final_url,
            live.content_type,
        )
        assert (replayed.body, replayed.text) == (live.body, live.text)
        assert replayed.info.sha256 == live.info.sha256
        # A page reached twice in one run (directly and through a redirect) is replayed from its last
        # record, which may carry the next second's time.
        gap = datetime.fromisoformat(
            replayed.info.fetched_at.replace("Z", "+00:00")
        ) - datetime.fromisoformat(live.info.fetched_at.replace("Z", "+00:00"))
        assert abs(gap.total_seconds()) <= 2
    elif isinstance(live, HTTPStatusError) and isinstance(replayed, HTTPStatusError):
        assert live.status == replayed.status


@pytest.mark.parametrize("name", ["run.warc", "run.warc.gz"])
def test_warc_round_trip_replays_the_run_exactly(site: LocalServer, tmp_path: Path, name: str) -> None:
    warc = tmp_path / name
    urls = [f"http://site.test{path}" for path in PATHS]
    with Fetcher(transport=ForwardingTransport(site.port), warc_out=warc, limits=LIMITS) as recording:
        live = recording.fetch_all(urls)
    assert [type(live[u]) for u in urls] == EXPECTED
    assert all(r.info.archive == str(warc) for r in live.values() if isinstance(r, Document))

    replayed = Fetcher(archive=warc, limits=LIMITS).fetch_all(urls)
    for url in urls:
        _same(live[url], replayed[url])
    first = replayed[urls[0]]
    assert isinstance(first, Document) and first.info.archive == str(warc.resolve())
    with pytest.raises(HTTPStatusError):
        Fetcher(archive=warc).fetch("http://site.test/never-fetched")


def test_warc_holds_request_response_pairs_with_sha256_and_valid_digests(
    site: LocalServer, tmp_path: Path
) -> None:
    warc = tmp_path / "pairs.warc.gz"
    with Fetcher(transport=ForwardingTransport(site.port), warc_out=warc, limits=LIMITS) as recording:
        doc = recording.fetch("http://site.test/page")
    types: list[str] = []
    with warc.open("rb") as handle:
        for record in ArchiveIterator(handle, check_digests="raise"):
            types.append(record.rec_type)
            record.content_stream().read()  # reading checks the block and payload digests
            if record.rec_type == "response" and record.rec_headers.get_header("WARC-Target-URI").endswith(
                "/page"
            ):
                algorithm, _, value = record.rec_headers.get_header("WARC-Payload-Digest").partition(":")
                assert algorithm == "sha256" and base64.b32decode(value).hex() == doc.info.sha256
                assert record.rec_headers.get_header("WARC-Date").startswith(doc.info.fetched_at[:19])
    # robots.txt and the page, each as a response record with its request record (warcio's order)
    assert types == ["warcinfo", "response", "request", "response", "request"]


def test_concurrent_archiving_keeps_every_record_intact(site: LocalServer, tmp_path: Path) -> None:
    warc = tmp_path / "many.warc"
    for index in range(24):
        site.routes[f"/n/{index}"] = functools.partial(reply, body=f"<p>page {index}</p>".encode() * 200)
    urls = [f"http://h{index % 4}.test/n/{index}" for index in range(24)]
    limits = FetchLimits(timeout=2.0, delay=0.0, per_host=4, total=8)
    with Fetcher(transport=ForwardingTransport(site.port), warc_out=warc, limits=limits) as recording:
        live = recording.fetch_all(urls)
    stored = {response.url: response.body for response in iter_responses(warc)}
    assert len(index_responses(warc)) == 24 + 4  # the pages and one robots.txt per host
    for url in urls:
        document = live[url]
        assert isinstance(document, Document) and stored[url] == document.body
    replay = WarcTransport(warc)
    assert len(replay) == 28
