"""The static claim site: built from a graph holding real ingests, then checked file by file."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import dataclass, replace
from decimal import Decimal
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import httpx
import pytest
import rdflib
import rdflib.compare
from click.testing import CliRunner
from markupsafe import Markup

from factcheck import api
from factcheck.cli.site import serve_command, site_command
from factcheck.graph import (
    article_graph,
    article_graph_name,
    read_article,
    read_articles,
    read_claims,
)
from factcheck.graph.store import open_store
from factcheck.models import Article, Claim, Evidence, FetchInfo, Link, Mention, Quantity, Review
from factcheck.site.article_text import render_paragraphs
from factcheck.site.build import SiteReport, build_site
from factcheck.site.format import emphasise_figure, figure, file_key, safe_url
from factcheck.site.loader import ArticlePage, ClaimPage

SHARED = Path(__file__).resolve().parents[2] / "shared"
WEB = SHARED / "web"
FOUNDING_URL = "https://news.example/gpt-5-5-rebuilt-from-scratch/"
SECOND_URL = "https://second.example/reviews/gpt-5-5-scores/"
HOSTILE_URL = "javascript:alert(1)//hostile"

SECOND_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>GPT-5.5 scores reviewed | Second Weekly</title>
<link rel="canonical" href="https://second.example/reviews/gpt-5-5-scores/">
<meta property="og:site_name" content="Second Weekly">
<meta name="author" content="Ana Writer">
<meta property="article:published_time" content="2026-05-02T09:00:00+00:00">
</head><body><article>
<h1>GPT-5.5 scores reviewed</h1>
<p>GPT-5.5 scored 80.1% on Terminal-Bench 2.0, according to OpenAI.</p>
<p>GPT-5.5 hit 74.0% on the MRCR v2 benchmark, according to OpenAI.</p>
<p>OpenAI leads with 61% market share in model adoption, according to Futurum Group.</p>
</article></body></html>
"""

# Parsed by the article extractor: its title, site name and link texts carry markup and script URLs.
HOSTILE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Evil &lt;script&gt;alert(1)&lt;/script&gt; news</title>
<link rel="canonical" href="https://evil.example/news/widget-benchmarks/">
<meta property="og:site_name" content="Evil &lt;b&gt;Site&lt;/b&gt;">
</head><body><article>
<h1>Widget-9 &lt;script&gt;alert(1)&lt;/script&gt; scores big</h1>
<p>Widget-9 scored 71.5% on the Gadget Benchmark, according to
  <a href="javascript:alert(1)">OpenAI &lt;script&gt;alert(1)&lt;/script&gt;</a>.</p>
<p>Its price fell to $4.20 per unit in 2026, the <a href="https://vendor.example/prices">vendor
  javascript:alert(1) says</a>.</p>
</article></body></html>
"""

THIRD_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>Widgets sell well | Third Post</title>
<link rel="canonical" href="https://third.example/widgets/">
<meta property="og:site_name" content="Third Post">
<meta property="article:published_time" content="2026-03-01T09:00:00+00:00">
</head><body><article>
<h1>Widgets sell well</h1>
<p>Acme Widgets shipped 1.2 million units in 2025, according to Acme.</p>
</article></body></html>
"""


def hostile_graph() -> tuple[str, rdflib.Graph]:
    """An article graph written straight through rdf.py: what no parser would let through, a site
    must still render safely (script URLs everywhere, markup in every text, odd ids)."""
    text = "<script>alert('t')</script> Gizmo share was 5% in 2025, said Evil <Org>.\n\nClick me now."
    start = text.index("Gizmo")
    end = text.index(".", start) + 1
    evidence = Evidence(
        source="Evil <Org>",
        url="javascript:alert(7)",
        quote="=HYPERLINK(1) It is 5% <script>alert(8)</script>",
        value=5.0,
        unit="%",
        archive="javascript:alert(9)",
        relation="contradicts",
        retrieved_at="2026-05-01T00:00:00Z",
    )
    claim = Claim(
        id='c"><script>x',
        quote=text[start:end],
        start=start,
        end=end,
        quantity=Quantity(text="", start=0, end=0, value=5.0, unit="%"),
        subject="<img src=x onerror=alert(5)>",
        metric="share <i>",
        kind="share",
        sources=("Evil <Org>",),
        links=("javascript:alert(10)",),
        mentions=(Mention(text[start:end], start, end),),
        review=Review("contradicted", "<script>alert(6)</script> said so", 0.5, evidence=(evidence,)),
    )
    link_start = text.index("Click")
    article = Article(
        url=HOSTILE_URL,
        text=text,
        title="<script>alert('title')</script>",
        author="<b>Mallory</b>",
        published="2026-04-30",
        site_name="<svg onload=alert(11)>",
        paragraphs=((0, end), (link_start, len(text))),
        links=(Link("javascript:alert(2)", "Click me", link_start, link_start + 8),),
        fetch=FetchInfo(
            HOSTILE_URL,
            "data:text/html,<script>",
            200,
            "text/html",
            "2026-05-01T00:00:00Z",
            "0" * 64,
            archive="javascript:alert(3)",
        ),
    )
    return article_graph_name(HOSTILE_URL), article_graph(article, [claim], software_version="test")


@dataclass
class FixtureSite:
    store: Path
    out: Path
    pages: Path
    founding: bool
    report: SiteReport


def ingest_fixture_articles(folder: Path) -> tuple[Path, Path, bool]:
    """A store with the founding article (when ../shared is there), a second article about the same
    subjects, and two hostile ones; returns (store, folder of the local pages, founding ingested)."""
    store, pages = folder / "store", folder / "pages"
    pages.mkdir(parents=True)
    founding = WEB.is_dir()
    archive = WEB if founding else None
    if founding:
        api.ingest(FOUNDING_URL, store=str(store), archive=archive)
    for name, html in (
        ("second.html", SECOND_HTML),
        ("hostile.html", HOSTILE_HTML),
        ("third.html", THIRD_HTML),
    ):
        (pages / name).write_text(html, encoding="utf-8")
    api.ingest(str(pages / "second.html"), store=str(store), archive=archive, verify=founding)
    api.ingest(str(pages / "hostile.html"), store=str(store), verify=False)
    with open_store(str(store)) as st:
        st.replace_graph(*hostile_graph())
    return store, pages, founding


def build(store: Path, out: Path) -> SiteReport:
    with open_store(str(store)) as st:
        return build_site(st, out)


def make_fixture_site(folder: Path) -> FixtureSite:
    store, pages, founding = ingest_fixture_articles(folder)
    out = folder / "public"
    return FixtureSite(store, out, pages, founding, build(store, out))


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    return make_fixture_site(tmp_path_factory.mktemp("site"))


def need_founding(site: FixtureSite) -> None:
    if not site.founding:
        pytest.skip("../shared/web is not available")


# -- reading the built folder -----------------------------------------------------------------------

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Page(HTMLParser):
    """Tags, ids, links, scripts and text of one page, and a strict check of how its tags nest."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []
        self.ids: list[str] = []
        self.refs: list[tuple[str, str, str]] = []  # (tag, attribute, value)
        self.attrs: list[tuple[str, str, str | None]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a" and "a" in self.stack:
            self.problems.append("a link inside a link")
        if tag == "p" and "p" in self.stack:
            self.problems.append("a paragraph inside a paragraph")
        if tag not in VOID:
            self.stack.append(tag)
        for name, value in attrs:
            self.attrs.append((tag, name, value))
            if name == "id" and value is not None:
                self.ids.append(value)
            if name in ("href", "src", "action") and value is not None:
                self.refs.append((tag, name, value))
        if tag == "script":
            self._script = dict(attrs)
            self.scripts.append((self._script, ""))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in VOID and tag not in ("rect", "path"):
            self.problems.append(f"self-closed <{tag}/>")
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else 'nothing'}>")
            if tag in self.stack:
                del self.stack[len(self.stack) - 1 - self.stack[::-1].index(tag) :]
            return
        self.stack.pop()
        if tag == "script":
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None and self.scripts:
            attrs, body = self.scripts[-1]
            self.scripts[-1] = (attrs, body + data)
        else:
            self.text.append(data)

    def close(self) -> None:
        super().close()
        if self.stack:
            self.problems.append(f"unclosed: {self.stack}")


_PAGES: dict[Path, Page] = {}


def read_page(path: Path) -> Page:
    if path not in _PAGES:
        page = Page()
        page.feed(path.read_text(encoding="utf-8"))
        page.close()
        _PAGES[path] = page
    return _PAGES[path]


def html_files(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def page_text(path: Path) -> str:
    return " ".join(" ".join(read_page(path).text).split())


# -- the whole folder -------------------------------------------------------------------------------


def test_every_internal_link_and_anchor_resolves_to_a_file_in_the_site(site: FixtureSite) -> None:
    pages = html_files(site.out)
    assert len(pages) > 10
    broken = []
    for path in pages:
        for tag, attr, value in read_page(path).refs:
            parts = urlsplit(value)
            if parts.scheme in ("http", "https"):
                continue
            assert not parts.scheme and not parts.netloc, f"{path.name}: {tag} {attr}={value!r}"
            assert not value.startswith("/"), f"{path.name}: absolute path {value!r}"
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if site.out.resolve() not in target.parents or not target.is_file():
                broken.append(f"{path.relative_to(site.out)} -> {value}")
                continue
            if (
                parts.path
                and tag == "a"
                and target.suffix not in (".html", ".jsonld", ".ttl", ".csv", ".nq", ".js")
            ):
                broken.append(f"{path.relative_to(site.out)} -> {value} (unexpected file type)")
            if parts.fragment and target.suffix == ".html" and parts.fragment not in read_page(target).ids:
                broken.append(f"{path.relative_to(site.out)} -> {value} (no such id)")
    assert broken == []


def test_every_page_is_well_formed_html(site: FixtureSite) -> None:
    problems = {}
    for path in html_files(site.out):
        page = read_page(path)
        duplicates = sorted({i for i in page.ids if page.ids.count(i) > 1})
        if page.problems or duplicates:
            problems[str(path.relative_to(site.out))] = page.problems + [
                f"duplicate id {i}" for i in duplicates
            ]
    assert problems == {}


def test_every_page_parses_without_error_in_a_strict_html5_parser(site: FixtureSite) -> None:
    html5lib = pytest.importorskip("html5lib")
    for path in html_files(site.out):
        parser = html5lib.HTMLParser(strict=True)
        try:
            parser.parse(path.read_bytes())
        except Exception as exc:  # html5lib's ParseError names the first problem only
            pytest.fail(f"{path.relative_to(site.out)}: {exc} {parser.errors[:3]}")


def test_every_page_has_language_landmarks_and_headings_in_order(site: FixtureSite) -> None:
    for path in html_files(site.out):
        source = path.read_text(encoding="utf-8")
        assert source.startswith('<!doctype html>\n<html lang="en">'), path
        for landmark in ("<header", "<nav", "<main", "<footer"):
            assert landmark in source, (path, landmark)
        levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", source)]
        assert levels[0] == 1 and levels.count(1) == 1, (path, levels)
        jumps = [(a, b) for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]
        assert jumps == [], (path, jumps)


def test_no_script_url_or_markup_from_the_data_reaches_the_pages(site: FixtureSite) -> None:
    allowed_scripts = {"static/site.js", "search-index.js"}
    for path in html_files(site.out):
        page = read_page(path)
        for tag, name, value in page.attrs:
            assert not name.startswith("on"), (path, tag, name)
            if value and name in ("href", "src", "action", "xlink:href"):
                assert not re.match(r"\s*(javascript|data|vbscript):", value, re.I), (path, tag, value)
        for attrs, _body in page.scripts:
            if attrs.get("type") == "application/ld+json":
                continue
            src = attrs.get("src") or ""
            assert any(src.endswith(allowed) for allowed in allowed_scripts), (path, attrs)
        assert not any(tag in ("img", "svg") and name == "src" for tag, name, _ in page.attrs)
    # The hostile texts are there, as text.
    hostile = next(
        p for p in site.out.glob("articles/*.html") if "<script>alert('title')</script>" in page_text(p)
    )
    text = page_text(hostile)
    assert "Click me" in text and "<b>Mallory</b>" in text and "Evil <Org>" in text
    raw = hostile.read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in raw
    assert "<svg onload" not in raw and "<img src=x" not in raw
    # The hostile article's own URL, link, fetch URL and archive are shown but never linked.
    assert "javascript:alert(1)//hostile" in text and "javascript:alert(3)" in text
    parsed = read_page(hostile)
    assert not any(value and "alert(" in value for _, name, value in parsed.attrs if name == "href")


def test_search_index_escapes_markup_and_the_json_ld_cannot_close_its_script(site: FixtureSite) -> None:
    index = (site.out / "search-index.js").read_text(encoding="utf-8")
    assert "<" not in index
    for path in site.out.glob("claims/*/*.html"):
        for attrs, body in read_page(path).scripts:
            if attrs.get("type") == "application/ld+json":
                assert "</" not in body and "<" not in body


def claim_reviews(out: Path) -> dict[Path, dict]:
    """The ClaimReview embedded in each claim page that has one."""
    found = {}
    for path in sorted(out.glob("claims/*/*.html")):
        blocks = [
            json.loads(body)
            for attrs, body in read_page(path).scripts
            if attrs.get("type") == "application/ld+json"
        ]
        assert len(blocks) <= 1, path
        if blocks:
            found[path] = blocks[0]
    return found


LABELS = {
    "Supported": "supported",
    "Contradicted": "contradicted",
    "Unverified": "unverified",
    "Unsourced": "unsourced",
}


def test_claim_pages_embed_a_claimreview_naming_the_verdict(site: FixtureSite) -> None:
    claim_pages = sorted(site.out.glob("claims/*/*.html"))
    with open_store(str(site.store)) as st:
        stored = read_claims(st)
    assert len(claim_pages) == len(stored)
    reviews = claim_reviews(site.out)
    # A claim stored without a review is not published as reviewed.
    assert len(reviews) == sum(1 for c in stored if c.review is not None) and reviews
    for path, review in reviews.items():
        assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
        rating = review["reviewRating"]
        assert rating["@type"] == "Rating" and rating["alternateName"] in LABELS
        verdict = LABELS[rating["alternateName"]]
        if verdict in ("supported", "contradicted"):
            assert (rating["worstRating"], rating["bestRating"]) == (1, 2)
            assert rating["ratingValue"] == (2 if verdict == "supported" else 1)
        else:  # "could not be checked" is no degree of truth
            assert not {"ratingValue", "bestRating", "worstRating"} & set(rating)
        assert review["claimReviewed"] and len(review["claimReviewed"]) <= 220
        # Without --publisher, the software is named, and nobody else is implied.
        assert review["author"] == review["publisher"] == {"@type": "Organization", "name": "factcheck"}
        assert review["itemReviewed"]["@type"] == "Claim"
        assert review["url"] == path.name  # no public address given: relative to the page
        assert rating["alternateName"] in page_text(path)


def test_founding_claimreview_points_at_the_article(site: FixtureSite) -> None:
    need_founding(site)
    reviews = []
    for path in site.out.glob("claims/news.example-*/*.html"):
        body = next(b for a, b in read_page(path).scripts if a.get("type") == "application/ld+json")
        reviews.append(json.loads(body))
    assert {r["itemReviewed"]["appearance"]["url"] for r in reviews} == {FOUNDING_URL}
    assert {r["itemReviewed"]["author"]["name"] for r in reviews} == {"Ali Sadikin Ma"}
    contradicted = [r for r in reviews if r["reviewRating"]["alternateName"] == "Contradicted"]
    assert contradicted and all(r["reviewRating"]["ratingValue"] == 1 for r in contradicted)


# -- single pages -----------------------------------------------------------------------------------


def test_home_lists_articles_newest_first_with_a_described_verdict_bar(site: FixtureSite) -> None:
    home = (site.out / "index.html").read_text(encoding="utf-8")
    items = home.split('<li class="article-item">')[1:]
    dates = [re.search(r'<time datetime="([^"]+)"', item) for item in items]
    known = [d.group(1) for d in dates if d]
    assert known == sorted(known, reverse=True) and len(known) >= 2
    assert dates.index(None) == len(known)  # the undated hostile article comes after all dated ones
    bars = re.findall(r'<svg class="bar-svg"[^>]*role="img" aria-label="Verdicts: ([^"]+)"', home)
    assert len(bars) == home.count('<li class="article-item">') + 1  # one per article and the totals
    assert 'href="sources/' in home and 'href="subjects/' in home
    with open_store(str(site.store)) as st:
        summaries = read_articles(st)
    for summary in summaries:  # each article's bar is described with its counts from the graph
        expected = [f"{n} {verdict}" for verdict, n in summary["verdicts"].items() if n]
        if summary["unreviewed"]:
            expected.append(f"{summary['unreviewed']} not checked")
        assert ", ".join(expected) in bars, summary["url"]


def test_article_page_marks_every_mention_with_a_labelled_link_to_its_claim(site: FixtureSite) -> None:
    need_founding(site)
    with open_store(str(site.store)) as st:
        found = read_article(st, FOUNDING_URL)
    assert found is not None
    article, claims = found
    path = next(site.out.glob("articles/news.example-*.html"))
    html = path.read_text(encoding="utf-8")
    flags = re.findall(r'<a class="flag v-(\w+)" id="([^"]+)" href="#([^"]+)"[^>]*>(.*?)</a>', html)
    assert len(flags) == sum(len(c.mentions) for c in claims)
    labels = {
        "supported": "supported",
        "contradicted": "contradicted",
        "unverified": "unverified",
        "unsourced": "unsourced",
    }
    for verdict, _id, target, inner in flags:
        assert labels[verdict] in inner  # a word, not only a colour
        assert f'<li class="claim v-{verdict}" id="{target}">' in html
    # The text is all there, paragraph by paragraph, once the flags and tags are taken out.
    body = html[html.index('<section class="article-text"') : html.index('<aside class="claim-panel"')]
    text = " ".join(unescape(re.sub(r'<a class="flag.*?</a>|<[^>]+>', "", body)).split())
    for start, end in article.paragraphs:
        assert " ".join(article.text[start:end].split()) in text
    contradicted = [c for c in claims if c.review and c.review.verdict == "contradicted"]
    for claim in contradicted:
        card = html[html.index(f'id="claim-{claim.id}"') :]
        card = card[: card.index("</li>\n")]
        assert "Evidence" in card and claim.review and claim.review.explanation in unescape(card)
    assert "Internal consistency" in html and "Original" in html and "Archived copy" in html


def test_article_claim_list_filters_by_verdict_without_javascript(site: FixtureSite) -> None:
    path = next(site.out.glob("articles/second.example-*.html"))
    html = path.read_text(encoding="utf-8")
    targets = re.findall(r'<span class="filter-target" id="only-(\w+)">', html)
    assert targets and all(f'href="#only-{v}"' in html for v in targets)
    css = (site.out / "static" / "site.css").read_text(encoding="utf-8")
    for verdict in targets:
        assert f"#only-{verdict}:target ~ .claim-list > .claim:not(.v-{verdict})" in css


def test_claim_page_sets_other_articles_values_side_by_side(site: FixtureSite) -> None:
    need_founding(site)
    second = next(site.out.glob("articles/second.example-*.html")).stem
    pages = sorted(site.out.glob(f"claims/{second}/*.html"))
    terminal = next(p for p in pages if "80.1%" in page_text(p) and "Terminal-Bench 2.0" in page_text(p))
    text = page_text(terminal)
    assert "The same subject and metric elsewhere" in text
    assert "82.7%" in text and "80.1%" in text and "(this claim)" in text
    # Evidence quoted with the figure picked out, its page linked, its retrieval time shown.
    html = terminal.read_text(encoding="utf-8")
    assert re.search(r'<strong class="fig">82\.7%</strong>', html)
    assert 'href="https://openai.com/' in html and "retrieved" in text


def test_subject_page_groups_claims_by_metric_across_articles(site: FixtureSite) -> None:
    subject = site.out / "subjects" / "gpt-5.5.html"
    text = page_text(subject)
    assert "Terminal-Bench 2.0 score" in text and "MRCR v2 score" in text
    if site.founding:
        assert "GPT-5.5 scores reviewed" in text and "GPT-5.5: OpenAI Didn't Update" in text


def test_source_page_shows_track_record_chart_documents_and_citing_claims(site: FixtureSite) -> None:
    need_founding(site)
    html = (site.out / "sources" / "openai.html").read_text(encoding="utf-8")
    assert re.search(
        r'<svg class="track-svg"[^>]*role="img" aria-label="Claims citing this source by verdict: ', html
    )
    assert "introducing-gpt-5-5" in html  # a document fetched from it
    assert "Claims citing OpenAI" in html
    futurum = page_text(site.out / "sources" / "futurumgroup.html")
    assert re.search(r"\d claims cite Futurum Group", futurum) and "contradicted" in futurum


def test_queries_pages_run_every_saved_query_and_show_its_text(site: FixtureSite) -> None:
    from factcheck.resources import resource_dir

    saved = sorted((resource_dir("graph") / "queries").glob("*.rq"))
    index = page_text(site.out / "queries.html")
    for rq in saved:
        title = re.search(r"#\s*title:\s*(.+)", rq.read_text(encoding="utf-8"))
        assert title and title.group(1).strip() in index
        page = site.out / "queries" / f"{rq.stem}.html"
        html = page.read_text(encoding="utf-8")
        assert '<pre class="sparql"' in html and "SELECT" in html
        assert "The query failed" not in html
    verdicts = page_text(site.out / "queries" / "claims-by-verdict.html")
    assert "contradicted" in verdicts and re.search(r"\d+ rows", verdicts)


def test_search_works_from_a_prebuilt_index_and_lists_everything_without_javascript(
    site: FixtureSite,
) -> None:
    body = (site.out / "search-index.js").read_text(encoding="utf-8")
    assert body.startswith("window.FACTCHECK_SEARCH = ")
    entries = json.loads(body.removeprefix("window.FACTCHECK_SEARCH = ").rstrip().removesuffix(";"))
    claims = [e for e in entries if e["k"] == "claim"]
    assert len(claims) == len(list(site.out.glob("claims/*/*.html")))
    assert all((site.out / e["u"]).is_file() for e in entries)
    listed = [v for tag, name, v in read_page(site.out / "search.html").refs if tag == "a" and name == "href"]
    assert {e["u"] for e in entries} <= set(listed)


def same_decimals(graph: rdflib.Graph) -> rdflib.Graph:
    """The graph with every xsd:decimal written one way (rdflib's Turtle parser writes 93 as 93.0)."""
    out = rdflib.Graph()
    for s, p, o in graph:
        if isinstance(o, rdflib.Literal) and o.datatype == rdflib.XSD.decimal:
            o = rdflib.Literal(format(Decimal(str(o)).normalize(), "f"), datatype=rdflib.XSD.decimal)
        out.add((s, p, o))
    return out


def test_downloads_hold_the_graph_the_claims_and_each_page_as_json_ld_and_turtle(site: FixtureSite) -> None:
    with open_store(str(site.store)) as st:
        exported = st.export("nquads")
    assert sorted((site.out / "graph.nq").read_bytes().splitlines()) == sorted(exported.splitlines())
    dataset = rdflib.Dataset()
    dataset.parse(site.out / "graph.nq", format="nquads")
    rows = list(csv.DictReader(io.StringIO((site.out / "claims.csv").read_text(encoding="utf-8"))))
    assert len(rows) == len(list(site.out.glob("claims/*/*.html")))
    hostile = next(r for r in rows if r["subject"] == "<img src=x onerror=alert(5)>")
    assert hostile["verdict"] == "contradicted"
    for path in list(site.out.glob("claims/*/*.html"))[:40] + list(site.out.glob("articles/*.html")):
        graph = same_decimals(rdflib.Graph().parse(path.with_suffix(".ttl"), format="turtle"))
        from_jsonld = same_decimals(rdflib.Graph().parse(path.with_suffix(".jsonld"), format="json-ld"))
        assert len(graph) > 5 and rdflib.compare.isomorphic(graph, from_jsonld), path
        if path.parent.name != "articles":
            claim_ids = {
                str(o) for o in graph.objects(None, rdflib.URIRef("https://w3id.org/factcheck/ns#claimId"))
            }
            assert len(claim_ids) >= 1


# -- incremental builds -----------------------------------------------------------------------------


def test_rebuilding_an_unchanged_graph_writes_nothing(site: FixtureSite, tmp_path: Path) -> None:
    out = tmp_path / "public"
    shutil.copytree(site.out, out)
    report = build(site.store, out)
    assert report.written == [] and report.removed == []
    assert sorted(report.unchanged) == sorted(site.report.written)


def test_one_more_article_rewrites_only_the_pages_it_changes(site: FixtureSite, tmp_path: Path) -> None:
    store, out = tmp_path / "store", tmp_path / "public"
    shutil.copytree(site.store, store)
    shutil.copytree(site.out, out)
    api.ingest(str(site.pages / "third.html"), store=str(store), verify=False)
    report = build(store, out)
    new_key = next(out.glob("articles/third.example-*.html")).stem
    new_files = {p for p in report.written if new_key in p}
    assert {f"articles/{new_key}.html", f"articles/{new_key}.jsonld", f"articles/{new_key}.ttl"} <= new_files
    assert any(p.startswith(f"claims/{new_key}/") for p in new_files)
    shared = {
        "index.html",
        "search.html",
        "search-index.js",
        "claims.csv",
        "graph.nq",
        "downloads.html",
        "subjects.html",
        "sources.html",
        "queries.html",
    }
    assert {"index.html", "search-index.js", "claims.csv", "graph.nq"} <= set(report.written)
    others = set(report.written) - new_files - shared
    assert all(p.startswith(("subjects/", "sources/", "queries/")) for p in others), others
    assert not any(p.startswith(("articles/", "claims/")) for p in others)
    assert "static/site.css" in report.unchanged
    assert report.removed == []


def test_pages_of_an_article_dropped_from_the_graph_are_removed(site: FixtureSite, tmp_path: Path) -> None:
    store, out = tmp_path / "store", tmp_path / "public"
    shutil.copytree(site.store, store)
    shutil.copytree(site.out, out)
    (out / "notes.txt").write_text("mine", encoding="utf-8")  # not the site's: left alone
    with open_store(str(store)) as st:
        st.drop_graph(article_graph_name(SECOND_URL))
    report = build(store, out)
    assert report.removed and all(
        "second.example" in p or p.startswith(("subjects/", "sources/")) for p in report.removed
    )
    assert not list(out.glob("articles/second.example-*")) and not list(out.glob("claims/second.example-*"))
    assert (out / "notes.txt").read_text(encoding="utf-8") == "mine"


# -- command line -----------------------------------------------------------------------------------


def test_site_command_renders_then_reports_nothing_to_rewrite(site: FixtureSite, tmp_path: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "public"
    first = runner.invoke(site_command, ["--out", str(out), "--store", str(site.store)])
    assert first.exit_code == 0, first.output
    assert f"{len(site.report.written)} written, 0 unchanged" in first.output
    again = runner.invoke(site_command, ["--out", str(out)], env={"FACTCHECK_STORE": str(site.store)})
    assert again.exit_code == 0, again.output
    assert f"0 written, {len(site.report.written)} unchanged" in again.output
    for command in (site_command, serve_command):
        help_text = runner.invoke(command, ["--help"]).output
        assert "Example" in help_text and "factcheck " in help_text
    assert "--store" in runner.invoke(site_command, ["--help"]).output
    missing = runner.invoke(site_command, ["--out", str(out), "--store", str(tmp_path / "no-such-store")])
    assert missing.exit_code != 0 and "no graph store" in missing.output
    assert not (tmp_path / "no-such-store").exists()


def test_serve_command_serves_the_folder_until_interrupted(site: FixtureSite) -> None:
    code = "from factcheck.cli.site import serve_command; serve_command(prog_name='factcheck serve')"
    proc = subprocess.Popen(
        [sys.executable, "-u", "-c", code, str(site.out), "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline()
        url = re.search(r"http://\S+/index\.html", line)
        assert url, line
        home = httpx.get(url.group(0), timeout=5)
        assert home.status_code == 200 and "Checked articles" in home.text
        jsonld = next(site.out.glob("articles/*.jsonld")).relative_to(site.out).as_posix()
        data = httpx.get(url.group(0).replace("index.html", jsonld), timeout=5)
        assert data.headers["content-type"].startswith("application/ld+json")
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=5) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


# -- the pieces -------------------------------------------------------------------------------------


def test_file_keys_are_link_safe_and_keep_distinct_names_apart() -> None:
    assert file_key("gpt-5.5") == "gpt-5.5"
    odd = [file_key(x) for x in ('c"><script>', "caf%C3%A9", "c%23", "C#", "..", "%E6%97%A5")]
    assert all(re.fullmatch(r"[a-z0-9][a-z0-9._-]*", k) for k in odd)
    assert len(set(odd)) == len(odd)


def test_only_http_urls_with_a_host_are_linkable() -> None:
    assert safe_url("https://example.com/a?b#c") == "https://example.com/a?b#c"
    for bad in (
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:x",
        "data:text/html,x",
        "file:///etc",
        "//example.com/",
        "/relative",
        "http://",
        "https://exa mple.com",
        "http://a.com/\nx",
        None,
        "",
    ):
        assert safe_url(bad) is None, bad


def test_figures_are_written_as_people_write_them() -> None:
    def claim(**kw: object) -> Claim:
        quantity = Quantity(text="", start=0, end=0, **kw)  # type: ignore[arg-type]
        return Claim(id="c", quote="q", start=0, end=1, quantity=quantity)

    assert figure(claim(value=82.7, unit="%")) == "82.7%"
    assert figure(claim(value=90.0, unit="years", bound=">")) == "> 90 years"
    assert figure(claim(value=2.0, unit="rank", scale=115.0)) == "#2 of 115"
    assert figure(claim(value=93.0, unit="points", scale=100.0)) == "93/100"
    assert figure(claim(value=1000000.0, unit="tokens")) == "1,000,000 tokens"
    assert figure(claim(value=300e6, unit="count", bound="~")) == "≈ 300,000,000"
    assert figure(claim(value=5.0, unit="USD per 1M tokens")) == "$5 per 1M tokens"
    assert figure(claim(low=10.0, high=12.5, unit="%", bound="range")) == "10–12.5%"
    assert figure(claim(unit="date", date="2026-04-23")) == "2026-04-23"


def test_the_evidence_figure_is_emphasised_and_the_rest_escaped() -> None:
    html = emphasise_figure("GPT-5.5 <b>scored</b>: 82.7% and 69.4%", 82.7)
    assert html == Markup('GPT-5.5 &lt;b&gt;scored&lt;/b&gt;: <strong class="fig">82.7%</strong> and 69.4%')
    assert emphasise_figure("no number <i>", None) == Markup("no number &lt;i&gt;")


def _page_with(
    text: str,
    paragraphs: list[tuple[int, int]],
    links: list[Link],
    mentions: list[tuple[str, str, list[tuple[int, int]]]],
) -> ArticlePage:
    article = Article(url="https://x.example/a", text=text, paragraphs=tuple(paragraphs), links=tuple(links))
    page = ArticlePage(url=article.url or "", key="a", article=article, graph="g", ingested_at=None)
    for cid, verdict, spans in mentions:
        claim = Claim(
            id=cid,
            quote=text[spans[0][0] : spans[0][1]],
            start=spans[0][0],
            end=spans[0][1],
            quantity=Quantity(text="", start=0, end=0, value=1.0),
            mentions=tuple(Mention(text[s:e], s, e) for s, e in spans),
            review=Review(verdict, "because"),
        )
        page.claims.append(ClaimPage(page, claim, cid))
    return page


def test_overlapping_mentions_and_links_render_as_properly_nested_html() -> None:
    text = "Alpha beta gamma delta. Second clause here.\n\nSee the report now."
    p2 = text.index("See")
    link_start = text.index("the report")
    page = _page_with(
        text,
        [(0, p2 - 2), (p2, len(text))],
        [
            Link("https://ok.example/r", "the report", link_start, link_start + 10),
            Link("javascript:alert(1)", "Alpha", 0, 5),
        ],
        [
            ("ca", "supported", [(0, 23)]),  # the first sentence
            ("cb", "contradicted", [(6, 16)]),  # nested in it
            ("cc", "unverified", [(17, 43)]),  # overlaps its end
            ("cd", "unsourced", [(p2, link_start + 5)]),  # ends inside the link
        ],
    )
    paragraphs, placed = render_paragraphs(page)
    assert placed == {"m-ca-0", "m-cb-0", "m-cc-0", "m-cd-0"}
    assert len(paragraphs) == 2
    for html in paragraphs:
        parsed = Page()
        parsed.feed(f"<p>{html}</p>")
        parsed.close()
        assert parsed.problems == []
    first, second = paragraphs
    # Every claim gets a flag with its verdict in words, linking to its card.
    for cid, word in (("ca", "supported"), ("cb", "contradicted"), ("cc", "unverified")):
        assert re.search(
            rf'<a class="flag v-{word}" id="m-{cid}-0" href="#claim-{cid}"[^>]*>.*?{word}', first
        )
    # Text covered by two claims of different verdicts is marked as mixed.
    assert '<mark class="m v-mixed">beta gamma</mark>' in first
    # The script link is plain text; the flag of a mention ending inside a link waits for the link to close.
    assert "javascript" not in first and '<span class="not-a-link"' in first
    assert re.search(
        r'<a class="ext" href="https://ok.example/r"[^>]*>.*?</a><a class="flag v-unsourced"', second
    )
    stripped = re.sub(r"<a class=\"flag.*?</a>|<[^>]+>", "", first)
    assert stripped == "Alpha beta gamma delta. Second clause here."


def test_spellings_of_one_subject_share_one_subject_page(tmp_path: Path) -> None:
    spellings = {
        "https://a.example/1": "GPT-5.5",
        "https://b.example/2": "openai gpt5.5",
        "https://c.example/3": "GPT-5.5 (xhigh)",
    }
    with open_store(str(tmp_path / "store")) as st:
        for i, (url, subject) in enumerate(spellings.items()):
            text = f"{subject} scored {80 + i}.5% on the index."
            figure = f"{80 + i}.5%"
            at = text.index(figure)
            claim = Claim(
                id=f"c{i}",
                quote=text,
                start=0,
                end=len(text),
                quantity=Quantity(text=figure, start=at, end=at + len(figure), value=80.5 + i, unit="%"),
                subject=subject,
                metric="index score",
            )
            article = Article(url=url, text=text, paragraphs=((0, len(text)),))
            st.replace_graph(article_graph_name(url), article_graph(article, [claim], software_version="t"))
    build(tmp_path / "store", tmp_path / "out")
    pages = sorted(p.name for p in (tmp_path / "out" / "subjects").glob("*.html"))
    assert pages == ["gpt-5.5.html"]
    page = page_text(tmp_path / "out" / "subjects" / "gpt-5.5.html")
    assert all(f"{80 + i}.5%" in page for i in range(3))


# -- publishing: ClaimReview as aggregators read it, and nothing of the building machine ------------


def test_published_claimreviews_name_the_publisher_an_absolute_url_and_a_short_claim(
    site: FixtureSite, tmp_path: Path
) -> None:
    out = tmp_path / "public"
    runner = CliRunner()
    built = runner.invoke(
        site_command,
        [
            "--out",
            str(out),
            "--store",
            str(site.store),
            "--base-url",
            "https://checks.example.org/",
            "--publisher",
            "Example Checks",
            "--publisher-url",
            "https://example.org/",
        ],
    )
    assert built.exit_code == 0, built.output
    assert "Warning" not in built.output
    reviews = claim_reviews(out)
    assert reviews
    with open_store(str(site.store)) as st:
        stored = read_claims(st)
    figures = {c.quantity.text for c in stored if c.quantity.text}
    quotes = {" ".join(c.quote.split()) for c in stored}
    publisher = {"@type": "Organization", "name": "Example Checks", "url": "https://example.org/"}
    for path, review in reviews.items():
        assert review["author"] == review["publisher"] == publisher
        assert review["url"] == "https://checks.example.org/" + path.relative_to(out).as_posix()
        claim = review["claimReviewed"]
        assert 0 < len(claim) <= 220
        item = review["itemReviewed"]
        assert item["appearance"]["@type"] == "NewsArticle"
        # the figure as the article writes it, or (a figure the article only implies) the sentence
        assert any(f in claim for f in figures) or claim in quotes, claim
    # Without a public address or a publisher, building says what is missing.
    bare = runner.invoke(site_command, ["--out", str(tmp_path / "bare"), "--store", str(site.store)])
    assert bare.exit_code == 0 and "--base-url" in bare.output and "--publisher" in bare.output


def _two_figure_page() -> ArticlePage:
    text = (
        "Widget-7 scored 64.2% on the Alpha Suite and 51.9% on the Beta Suite, according to the lab. "
        "It costs $12 a month."
    )
    article = Article(url="https://x.example/a", text=text, paragraphs=((0, len(text)),))
    page = ArticlePage(url="https://x.example/a", key="a", article=article, graph="g", ingested_at=None)
    sentence_end = text.index("lab.") + 4
    for cid, figure_text in (("c1", "64.2%"), ("c2", "51.9%"), ("c3", "$12")):
        at = text.index(figure_text)
        start, end = (0, sentence_end) if cid != "c3" else (sentence_end + 1, len(text))
        claim = Claim(
            id=cid,
            quote=text[start:end],
            start=start,
            end=end,
            quantity=Quantity(text=figure_text, start=at, end=at + len(figure_text), value=1.0),
            subject="Widget-7",
            review=Review("supported", "the lab says so"),
        )
        page.claims.append(ClaimPage(page, claim, cid))
    return page


def test_claim_reviewed_names_the_one_figure_of_a_sentence_that_holds_two() -> None:
    from factcheck.site.claimreview import claim_reviewed

    first, second, alone = (claim_reviewed(c) for c in _two_figure_page().claims)
    assert first == "Widget-7 scored 64.2% on the Alpha Suite"
    assert second.startswith("Widget-7: 51.9% on the Beta Suite") and "64.2%" not in second
    assert alone == "It costs $12 a month."


def test_a_sentence_with_two_claims_highlights_each_figure_and_shows_it_in_its_flag() -> None:
    page = _two_figure_page()
    page.claims[1].claim = replace(page.claims[1].claim, review=Review("contradicted", "no"))
    (html,), _placed = render_paragraphs(page)
    assert html.count('<strong class="fig') == 3
    assert re.search(
        r'<strong class="fig f-mixed">64\.2%</strong>|<strong class="fig f-supported">64\.2%', html
    )
    assert '<strong class="fig f-contradicted">51.9%</strong>' in html
    flags = re.findall(
        r'<a class="flag v-(\w+)"[^>]*><span class="flag-fig">([^<]+)</span> '
        r'<span aria-hidden="true">(.)</span>',
        html,
    )
    assert ("contradicted", "51.9%", "✗") in flags and ("supported", "64.2%", "✓") in flags


def test_no_built_file_holds_a_path_of_the_machine_that_built_it(site: FixtureSite) -> None:
    machine = {str(site.store.parents[1]), str(Path(__file__).resolve().parents[1]), str(Path.home())}
    machine |= {"file://", "/tmp/", "/work/"}
    found = {}
    for path in site.out.rglob("*"):
        if path.is_file() and path.name != ".factcheck-site.json":
            text = path.read_text(encoding="utf-8", errors="replace")
            leaks = sorted(m for m in machine if m in text)
            if leaks:
                found[str(path.relative_to(site.out))] = leaks
    assert found == {}


def test_two_figures_in_one_clause_keep_the_clause_whole() -> None:
    from factcheck.site.claimreview import claim_reviewed

    text = "Brand Q held first place with 31% of sales, while Brand R took 12%, the survey found."
    article = Article(url="https://y.example/b", text=text, paragraphs=((0, len(text)),))
    page = ArticlePage(url="https://y.example/b", key="b", article=article, graph="g", ingested_at=None)
    for cid, figure_text, subject in (
        ("r", "first place", "Brand Q"),
        ("s", "31%", "Brand Q"),
        ("t", "12%", "Brand R"),
    ):
        at = text.index(figure_text)
        quantity = Quantity(text=figure_text, start=at, end=at + len(figure_text), value=1.0)
        claim = Claim(id=cid, quote=text, start=0, end=len(text), quantity=quantity, subject=subject)
        page.claims.append(ClaimPage(page, claim, cid))
    rank, share, other = (claim_reviewed(c) for c in page.claims)
    assert rank == share == "Brand Q held first place with 31% of sales"
    assert other == "Brand R took 12%, the survey found."
