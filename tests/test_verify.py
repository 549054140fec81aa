"""Verification end to end against a real HTTP server on 127.0.0.1: links, a summary page that links
its PDF report, a table read the other way round, a source that is down, robots.txt, an unknown source."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from httpserver import LocalServer, reply, running_server, tiny_pdf

import factcheck
from factcheck.models import Claim

ARTICLE = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Cloud and model figures | Test Daily</title></head><body>
<nav><a href="/">Home</a> 12 sections</nav>
<article><h1>Cloud and model figures</h1>
<p>Nimbus Cloud held 31% of the market in 2025, according to
<a href="{src}/reports/cloud-2025/">Skyline Research</a>.</p>
<p>Orion-3 scored 71.5% on Terminal-Bench 2.0, according to <a href="{src}/evals/orion-3/">Orbit Labs</a>.</p>
<p>The Vega-2 model costs $1.20 per million tokens, based on
<a href="http://localhost:1/pricing">Price Watch</a> data.</p>
<p>Acme Analytics found that 12% of teams ship daily, in <a href="{src}/private/survey/">its survey</a>.</p>
<p>Sixty percent of developers now use assistants, according to the Zorblax Institute.</p>
<p>Orion-3 has a context window of 400,000 tokens.</p>
</article><footer>45 writers</footer></body></html>"""

SUMMARY = """<html><body><main><h1>Cloud Market Report 2025: summary</h1>
<p>Our annual report covers the public cloud market.</p>
<p><a href="/reports/cloud-2025/full-report.pdf">Download the full report (PDF)</a></p>
</main></body></html>"""

EVALS = """<html><body><main><h1>Orion-3 evaluations</h1>
<table><thead><tr><th>Benchmark</th><th>Orion-3</th><th>Orion-2</th></tr></thead>
<tbody><tr><td>Terminal-Bench 2.0</td><td>68.2%</td><td>71.5%</td></tr>
<tr><td>SWE-Bench Pro</td><td>51.0%</td><td>44.0%</td></tr></tbody></table></main></body></html>"""


def serve(server: LocalServer) -> None:
    src = f"http://localhost:{server.port}"
    pages = {
        "/article": ARTICLE.replace("{src}", src).encode(),
        "/reports/cloud-2025/": SUMMARY.encode(),
        "/evals/orion-3/": EVALS.encode(),
        "/private/survey/": b"<html><body><p>12% of teams ship daily.</p></body></html>",
    }
    for path, body in pages.items():
        server.routes[path] = lambda h, body=body: reply(h, 200, body)
    server.routes["/reports/cloud-2025/full-report.pdf"] = lambda h: reply(
        h, 200, tiny_pdf("Nimbus Cloud held 31% of the public cloud market in 2025."), "application/pdf"
    )
    server.routes["/robots.txt"] = lambda h: reply(
        h, 200, b"User-agent: *\nDisallow: /private/\n", "text/plain"
    )


@pytest.fixture(scope="module")
def server() -> Iterator[LocalServer]:
    with running_server() as s:
        serve(s)
        yield s


@pytest.fixture(scope="module")
def verified(server: LocalServer, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Claim]:
    store = str(tmp_path_factory.mktemp("verify") / "store")
    factcheck.ingest(server.url("/article"), store=store, allow_private_network=True)
    claims = factcheck.list_claims(store)
    return {
        c.quote.split()[0] + ("" if c.quantity.value is None else f" {c.quantity.value:g}"): c for c in claims
    }


def by_quote(claims: dict[str, Claim], start: str) -> Claim:
    return next(c for key, c in claims.items() if key.startswith(start))


def test_a_figure_only_in_the_pdf_linked_from_a_summary_page_is_found(verified: dict[str, Claim]) -> None:
    claim = by_quote(verified, "Nimbus")
    assert claim.review is not None and claim.review.verdict == "supported", claim.review
    assert claim.review.evidence[0].url.endswith("full-report.pdf")
    assert claim.review.evidence[0].sha256 and claim.review.evidence[0].retrieved_at


def test_a_table_with_models_as_columns_contradicts_a_wrong_figure(verified: dict[str, Claim]) -> None:
    claim = by_quote(verified, "Orion-3 71.5")
    assert claim.review is not None and claim.review.verdict == "contradicted", claim.review
    assert "68.2" in claim.review.explanation  # the other model's 71.5% is not evidence


def test_a_source_that_is_down_leaves_the_claim_unverified(verified: dict[str, Claim]) -> None:
    claim = by_quote(verified, "The 1.2")
    assert claim.review is not None
    assert (claim.review.verdict, claim.review.reason) == ("unverified", "unreachable")


def test_a_page_disallowed_by_robots_txt_is_not_fetched(
    server: LocalServer, verified: dict[str, Claim]
) -> None:
    claim = by_quote(verified, "Acme")
    assert claim.review is not None and claim.review.verdict == "unverified"
    assert server.hits["/private/survey/"] == 0


def test_an_unknown_source_without_a_link_is_not_resolvable(verified: dict[str, Claim]) -> None:
    claim = by_quote(verified, "Sixty")
    assert claim.review is not None
    assert (claim.review.verdict, claim.review.reason) == ("unverified", "source not resolvable")


def test_a_claim_without_a_source_is_unsourced(verified: dict[str, Claim]) -> None:
    claim = by_quote(verified, "Orion-3 400000")
    assert claim.review is not None and claim.review.verdict == "unsourced"


def test_private_addresses_are_refused_unless_allowed(server: LocalServer, tmp_path: Path) -> None:
    page = tmp_path / "article.html"
    page.write_text(ARTICLE.replace("{src}", f"http://localhost:{server.port}"), encoding="utf-8")
    before = server.hits["/evals/orion-3/"]
    result = factcheck.ingest(str(page), store=str(tmp_path / "store"))
    assert server.hits["/evals/orion-3/"] == before
    orion = next(c for c in result.claims if c.quantity.value == 71.5)
    assert orion.review is not None and orion.review.verdict == "unverified"
    assert orion.review.reason == "unreachable" and "private" in orion.review.explanation.lower()


def test_a_live_run_is_archived_and_replays_exactly_from_its_warc(
    server: LocalServer, tmp_path: Path
) -> None:
    live = factcheck.ingest(server.url("/article"), store=str(tmp_path / "live"), allow_private_network=True)
    assert live.warc is not None and Path(live.warc).exists()
    hits = sum(server.hits.values())
    replayed = factcheck.ingest(
        server.url("/article"), store=str(tmp_path / "replay"), archive=live.warc, allow_private_network=True
    )
    assert sum(server.hits.values()) == hits  # nothing was fetched again
    verdicts = [(c.id, c.review.verdict if c.review else None) for c in live.claims]
    assert [(c.id, c.review.verdict if c.review else None) for c in replayed.claims] == verdicts
    evidence = [e.sha256 for c in live.claims if c.review for e in c.review.evidence]
    assert evidence == [e.sha256 for c in replayed.claims if c.review for e in c.review.evidence]


def test_a_sitemap_index_is_followed_to_the_page_with_the_figure(tmp_path: Path) -> None:
    from factcheck.sources.registry import Registry, Source
    from factcheck.verify.run import verify_claims
    from factcheck.web.client import Fetcher

    with running_server() as s:
        base = f"http://127.0.0.1:{s.port}"
        xml = "application/xml"
        s.routes["/robots.txt"] = lambda h: reply(
            h, 200, f"Sitemap: {base}/sitemap-index.xml\n".encode(), "text/plain"
        )
        s.routes["/sitemap-index.xml"] = lambda h: reply(
            h,
            200,
            (
                '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<sitemap><loc>{base}/sitemap-research.xml</loc></sitemap></sitemapindex>"
            ).encode(),
            xml,
        )
        s.routes["/sitemap-research.xml"] = lambda h: reply(
            h,
            200,
            (
                '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"<url><loc>{base}/research/cloud-market-share-2025/</loc></url></urlset>"
            ).encode(),
            xml,
        )
        s.routes["/research/cloud-market-share-2025/"] = lambda h: reply(
            h,
            200,
            b"<html><body><main><h1>Cloud market share 2025</h1>"
            b"<p>Nimbus Cloud held 31% of the cloud market in 2025.</p></main></body></html>",
        )
        registry = Registry(
            [
                Source(
                    slug="skyline",
                    name="Skyline Research",
                    aliases=(),
                    homepage=base + "/",
                    domains=("127.0.0.1",),
                    kind="analyst",
                )
            ]
        )
        article = factcheck.parse_article(
            "<p>Nimbus Cloud held 31% of the cloud market, according to Skyline Research.</p>",
            url="https://news.example/a",
        )
        claims = factcheck.extract(article, registry=registry)
        with Fetcher(allow_private_network=True) as fetcher:
            claims = verify_claims(claims, article, fetcher, registry).claims
    review = claims[0].review
    assert review is not None and review.verdict == "supported", review
    assert review.evidence[0].url.endswith("/research/cloud-market-share-2025/")


def test_a_change_in_points_is_read_from_two_periods_of_a_table(tmp_path: Path) -> None:
    from factcheck.sources.registry import Registry
    from factcheck.verify.run import verify_claims
    from factcheck.web.client import Fetcher

    with running_server() as s:
        s.routes["/tracker/"] = lambda h: reply(
            h,
            200,
            b"<html><body><main><h1>Phone vendors</h1><table>"
            b"<tr><th>Vendor</th><th>1Q26 Market Share</th><th>1Q25 Market Share</th></tr>"
            b"<tr><td>Apple</td><td>17.0%</td><td>15.8%</td></tr>"
            b"<tr><td>Samsung</td><td>23.0%</td><td>22.9%</td></tr></table></main></body></html>",
        )
        html = (
            f"<p>Apple's share rose 1.2 percentage points from a year earlier, according to "
            f'<a href="http://localhost:{s.port}/tracker/">Northbeam Data</a>.</p>'
        )
        article = factcheck.parse_article(html, url="https://news.example/b")
        registry = Registry.load()
        claims = factcheck.extract(article, registry=registry)
        with Fetcher(allow_private_network=True) as fetcher:
            claims = verify_claims(claims, article, fetcher, registry).claims
    review = next(c for c in claims if c.quantity.value == 1.2).review
    assert review is not None and review.verdict == "supported", review
    assert "Q1 2026" in review.explanation and "Q1 2025" in review.explanation
