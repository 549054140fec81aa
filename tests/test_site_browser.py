"""The claim site in a real browser (Debian's Chromium through Playwright), opened from file://."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_site import FixtureSite, make_fixture_site

sync_api = pytest.importorskip("playwright.sync_api")
expect = sync_api.expect

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> FixtureSite:
    site = make_fixture_site(tmp_path_factory.mktemp("browser-site"))
    if not site.founding:
        pytest.skip("../shared/web is not available: the browser walk needs the founding article")
    return site


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip("Chromium is not installed at /usr/bin/chromium")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page whose console errors and uncaught exceptions are collected."""

    def __init__(self, page: object) -> None:
        self.page = page
        self.errors: list[str] = []
        page.on("console", self._console)  # type: ignore[attr-defined]
        page.on("pageerror", lambda exc: self.errors.append(f"page error: {exc}"))  # type: ignore[attr-defined]

    def _console(self, message: object) -> None:
        if message.type == "error":  # type: ignore[attr-defined]
            self.errors.append(f"console error: {message.text}")  # type: ignore[attr-defined]


def open_page(browser: object, *, width: int = 1280, javascript: bool = True) -> tuple[object, Watched]:
    context = browser.new_context(  # type: ignore[attr-defined]
        viewport={"width": width, "height": 900}, java_script_enabled=javascript
    )
    return context, Watched(context.new_page())


@pytest.fixture
def tab(browser: object) -> Iterator[Watched]:
    context, watched = open_page(browser)
    yield watched
    context.close()  # type: ignore[attr-defined]
    assert watched.errors == []


def shot(page: object, name: str, *, full_page: bool = False) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=full_page)  # type: ignore[attr-defined]


def test_reader_opens_an_article_and_reaches_a_contradicted_claims_evidence_by_keyboard(
    built: FixtureSite, tab: Watched
) -> None:
    page: object = tab.page
    page.goto((built.out / "index.html").as_uri())  # type: ignore[attr-defined]
    shot(page, "home", full_page=True)
    page.get_by_role("link", name=re.compile("OpenAI Didn't Update")).first.click()  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(r"/articles/news\.example-[^/]+\.html$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("GPT-5.5")  # type: ignore[attr-defined]
    flag = page.locator("a.flag.v-contradicted").first  # type: ignore[attr-defined]
    expect(flag).to_contain_text("contradicted")  # a word next to the colour
    target = flag.get_attribute("href")
    flag.focus()
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    card = page.locator(target)  # type: ignore[attr-defined]
    expect(card).to_be_in_viewport()
    expect(card).to_contain_text("Contradicted")
    expect(card.locator(".evidence").first).to_be_visible()
    expect(card.locator(".evidence").first).to_contain_text("contradicts")
    expect(card.locator(".explanation")).to_contain_text("not")
    assert card.evaluate("el => getComputedStyle(el).boxShadow") != "none"  # the :target highlight
    shot(page, "article-contradicted-claim")
    # From the card to the claim's own page: quote, verdict, evidence and the ClaimReview.
    card.get_by_role("link", name="Claim page").click()
    expect(page.get_by_role("heading", name="Evidence")).to_be_visible()  # type: ignore[attr-defined]
    expect(page.locator(".verdict-line")).to_contain_text("Contradicted")  # type: ignore[attr-defined]
    assert "ClaimReview" in page.locator('script[type="application/ld+json"]').text_content()  # type: ignore[attr-defined]
    shot(page, "claim", full_page=True)


def test_verdict_filter_links_leave_only_that_verdict(built: FixtureSite, tab: Watched) -> None:
    page: object = tab.page
    article = next(built.out.glob("articles/news.example-*.html"))
    page.goto(article.as_uri())  # type: ignore[attr-defined]
    cards = page.locator(".claim-list > .claim")  # type: ignore[attr-defined]
    total = cards.count()
    page.locator(".filters a.filter-contradicted").click()  # type: ignore[attr-defined]
    visible = [cards.nth(i) for i in range(total) if cards.nth(i).is_visible()]
    assert 0 < len(visible) < total
    assert all("v-contradicted" in (card.get_attribute("class") or "") for card in visible)
    page.locator(".filters a.filter-all").click()  # type: ignore[attr-defined]
    assert sum(cards.nth(i).is_visible() for i in range(total)) == total


def test_search_for_gpt_5_5_finds_claims_and_leads_to_its_subject_page(
    built: FixtureSite, tab: Watched
) -> None:
    page: object = tab.page
    page.goto((built.out / "index.html").as_uri())  # type: ignore[attr-defined]
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Search").click()  # type: ignore[attr-defined]
    box = page.get_by_label("Search claims, articles, subjects and sources")  # type: ignore[attr-defined]
    box.fill("GPT-5.5")
    results = page.locator("#search-results > li")  # type: ignore[attr-defined]
    expect(results.first).to_be_visible()
    assert results.count() > 5
    expect(page.locator("#everything")).to_be_hidden()  # type: ignore[attr-defined]
    expect(page.locator("#search-status")).to_contain_text("results")  # type: ignore[attr-defined]
    shot(page, "search")
    subject = results.filter(has=page.locator(".kind", has_text="subject")).filter(  # type: ignore[attr-defined]
        has_text=re.compile(r"^\s*subject\s+GPT-5\.5\s*$")
    )
    subject.get_by_role("link").click()
    expect(page).to_have_url(re.compile(r"/subjects/gpt-5\.5\.html$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("GPT-5.5")  # type: ignore[attr-defined]
    expect(page.get_by_role("heading", name="Terminal-Bench 2.0 score")).to_be_visible()  # type: ignore[attr-defined]
    shot(page, "subject", full_page=True)


def test_header_search_form_carries_the_query_to_the_search_page(built: FixtureSite, tab: Watched) -> None:
    page: object = tab.page
    page.goto((built.out / "sources.html").as_uri())  # type: ignore[attr-defined]
    page.locator("#site-q").fill("Futurum contradicted")  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    expect(page).to_have_url(re.compile(r"/search\.html\?q=Futurum\+contradicted$"))
    expect(page.locator("#q")).to_have_value("Futurum contradicted")  # type: ignore[attr-defined]
    results = page.locator("#search-results > li")  # type: ignore[attr-defined]
    expect(results.first).to_be_visible()
    for i in range(results.count()):
        expect(results.nth(i)).to_contain_text("Contradicted")


def test_pages_work_without_javascript(built: FixtureSite, browser: object) -> None:
    context, watched = open_page(browser, javascript=False)
    page: object = watched.page
    try:
        page.goto((built.out / "search.html").as_uri())  # type: ignore[attr-defined]
        everything = page.locator("#everything a")  # type: ignore[attr-defined]
        expect(everything.first).to_be_visible()
        assert everything.count() > 30
        page.get_by_role("link", name=re.compile("OpenAI Didn't Update")).first.click()  # type: ignore[attr-defined]
        flag = page.locator("a.flag.v-contradicted").first  # type: ignore[attr-defined]
        flag.click()
        expect(page.locator(flag.get_attribute("href")).locator(".evidence").first).to_be_in_viewport()  # type: ignore[attr-defined]
    finally:
        context.close()  # type: ignore[attr-defined]
    assert watched.errors == []


def test_every_kind_of_page_loads_cleanly_and_fits_a_phone_screen(
    built: FixtureSite, browser: object
) -> None:
    context, watched = open_page(browser, width=390)
    page: object = watched.page
    kinds = [
        built.out / "index.html",
        next(built.out.glob("articles/news.example-*.html")),
        next(built.out.glob("claims/news.example-*/*.html")),
        built.out / "subjects" / "gpt-5.5.html",
        built.out / "sources" / "openai.html",
        built.out / "queries.html",
        built.out / "queries" / "claims-by-verdict.html",
        built.out / "downloads.html",
        built.out / "search.html",
    ]
    try:
        for path in kinds:
            page.goto(path.as_uri())  # type: ignore[attr-defined]
            overflow = page.evaluate(  # type: ignore[attr-defined]
                "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
            )
            assert overflow <= 0, (path.name, overflow)
        page.goto(kinds[1].as_uri())  # type: ignore[attr-defined]
        shot(page, "article-phone")
        page.goto(kinds[6].as_uri())  # type: ignore[attr-defined]
        expect(page.get_by_role("button", name="Copy query")).to_be_visible()  # type: ignore[attr-defined]
    finally:
        context.close()  # type: ignore[attr-defined]
    assert watched.errors == []


# -- the query pages, with and without the SPARQL endpoint (the demo graph: no ../shared needed) -----


@pytest.fixture(scope="module")
def endpoint(demo_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import shutil

    from servers import factcheck_endpoint

    folder = tmp_path_factory.mktemp("browser-endpoint")
    shutil.copytree(demo_store, folder / "store")
    with factcheck_endpoint(folder / "store", folder / "serve.log") as url:
        yield url


def _readable_at(page: object) -> None:
    """The result table fits the page (1280 px wide) and every column is wide enough to read."""
    overflow = page.evaluate(  # type: ignore[attr-defined]
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    # No header or cell spills out of its box, and prose gets room enough to read in lines.
    spilled = page.evaluate(  # type: ignore[attr-defined]
        "() => Array.from(document.querySelectorAll('table.results th, table.results td'))"
        ".filter(c => c.scrollWidth > c.clientWidth + 1).map(c => c.textContent)"
    )
    assert spilled == []
    prose = page.evaluate(  # type: ignore[attr-defined]
        "() => Array.from(document.querySelectorAll('table.results td.long'))"
        ".map(c => c.getBoundingClientRect().width)"
    )
    assert all(width >= 190 for width in prose), prose
    wrap = page.evaluate(  # type: ignore[attr-defined]
        "() => { const w = document.querySelector('#results .table-wrap');"
        " return w.scrollWidth - w.clientWidth; }"
    )
    assert wrap <= 0


def test_an_analyst_edits_a_saved_query_and_runs_it_against_the_endpoint(endpoint: str, tab: Watched) -> None:
    page: object = tab.page
    page.goto(f"{endpoint}/queries/claims-about-subject.html")  # type: ignore[attr-defined]
    saved_rows = page.locator("#results table.results tbody tr").count()  # type: ignore[attr-defined]
    assert saved_rows > 5
    _readable_at(page)
    page.locator("#param-subject").fill("kestrel 3")  # type: ignore[attr-defined]
    page.get_by_role("button", name="Run", exact=True).click()  # type: ignore[attr-defined]
    expect(page.locator("#results")).to_contain_text("from the endpoint")  # type: ignore[attr-defined]
    rows = page.locator("#results table.results tbody tr")  # type: ignore[attr-defined]
    assert 0 < rows.count() < saved_rows
    assert all("kestrel-3" in rows.nth(i).inner_text() for i in range(rows.count()))
    _readable_at(page)
    shot(page, "query-run", full_page=True)
    # An edited query runs as edited; a refused one says why.
    box = page.locator("#query-text")  # type: ignore[attr-defined]
    box.fill("PREFIX schema: <https://schema.org/> SELECT (COUNT(*) AS ?claims) WHERE { ?c a schema:Claim }")
    page.get_by_role("button", name="Run", exact=True).click()  # type: ignore[attr-defined]
    expect(page.locator("#results table.results tbody tr")).to_have_count(1)  # type: ignore[attr-defined]
    box.fill("DROP ALL")
    page.get_by_role("button", name="Run", exact=True).click()  # type: ignore[attr-defined]
    expect(page.locator("#run-status")).to_contain_text("read-only")  # type: ignore[attr-defined]
    tab.errors[:] = [e for e in tab.errors if "403" not in e]  # the refused update, as intended
    page.get_by_role("button", name="Reset to the saved query").click()  # type: ignore[attr-defined]
    assert page.locator("#results table.results tbody tr").count() == saved_rows  # type: ignore[attr-defined]


def test_without_an_endpoint_the_query_page_keeps_its_saved_results(
    demo_store: Path, tmp_path: Path, tab: Watched
) -> None:
    from factcheck.graph import open_store
    from factcheck.site.build import build_site

    with open_store(str(demo_store)) as st:
        build_site(st, tmp_path / "site")
    page: object = tab.page
    page.goto((tmp_path / "site" / "queries" / "claims-by-verdict.html").as_uri())  # type: ignore[attr-defined]
    saved = page.locator("#results table.results tbody tr").count()  # type: ignore[attr-defined]
    assert saved > 5
    _readable_at(page)
    page.get_by_role("button", name="Run", exact=True).click()  # type: ignore[attr-defined]
    expect(page.locator("#run-status")).to_contain_text("No SPARQL endpoint answered")  # type: ignore[attr-defined]
    assert page.locator("#results table.results tbody tr").count() == saved  # type: ignore[attr-defined]
    tab.errors.clear()  # the failed request to file:// is the point of this test


def test_the_article_page_shows_each_figure_in_its_flag(
    demo_store: Path, tmp_path: Path, tab: Watched
) -> None:
    from factcheck.graph import open_store
    from factcheck.site.build import build_site

    with open_store(str(demo_store)) as st:
        build_site(st, tmp_path / "site")
    page: object = tab.page
    article = next((tmp_path / "site" / "articles").glob("ledgerwire.example-*.html"))
    page.goto(article.as_uri())  # type: ignore[attr-defined]
    flags = page.locator("a.flag")  # type: ignore[attr-defined]
    assert flags.count() > 10
    for i in range(flags.count()):
        flag = flags.nth(i)
        figure = flag.locator(".flag-fig").inner_text()
        assert figure.strip()
        mark = page.locator(f"mark strong.fig >> text={figure}")  # type: ignore[attr-defined]
        assert mark.count() >= 1, figure
    shot(page, "article-figures")
