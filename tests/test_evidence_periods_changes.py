"""Periods and changes, like for like: months and the year to date are periods of their own, a figure a
sentence compares with ("up from 84.2% a year earlier") is an earlier period's, and a change ("+9.8%",
"fell 3%", a "% change" column) is judged by changes only, a level by levels only, with its sign."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.evidence.documents import read_document
from factcheck.evidence.facts import extract_facts
from factcheck.evidence.matching import candidates, claim_period
from factcheck.evidence.periods import find_period, same_period
from factcheck.models import Article, Claim, Fact, Link, Quantity
from factcheck.sources.registry import Registry
from factcheck.verify.run import verify_claims
from factcheck.verify.verdict import Found, judge_direct
from factcheck.web.client import Fetcher

URL = "https://source.example/page"


def facts_of(body: str, known: list[str] = ()) -> list[Fact]:  # type: ignore[assignment]
    return extract_facts(read_document(body.encode("utf-8"), "text/html", URL), list(known))


def claim(
    value: float, unit: str, subject: str | None, metric: str, quote: str, direction: str | None = None
) -> Claim:
    at = quote.find(f"{value:g}")
    figure = f"{value:g}" if at >= 0 else ""
    return Claim(
        id="c",
        quote=quote,
        start=0,
        end=len(quote),
        quantity=Quantity(
            text=figure,
            start=max(at, 0),
            end=max(at, 0) + len(figure),
            value=value,
            unit=unit,
            direction=direction,
        ),
        subject=subject,
        metric=metric,
    )


def verdict(c: Claim, facts: list[Fact]) -> str:
    found = [Found("Src", x.fact, x.score, None, x.like, x.why) for x in candidates(c, facts)]
    review = judge_direct(c, found)
    return review.verdict if review else "none"


# --- months and the year to date -------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Mar 2026", "March 2026", "Mar-26", "in March 2026"])
def test_a_month_is_a_period_held_by_its_quarter_and_year(text: str) -> None:
    month = find_period(text)
    assert month is not None and month.key == "2026M03"
    assert same_period(find_period("Q1 2026"), month) and same_period(find_period("2026"), month)
    assert not same_period(find_period("Q2 2026"), month) and not same_period(
        find_period("March 2025"), month
    )


@pytest.mark.parametrize("text", ["April 23, 2026", "23 April 2026", "2026-04-23"])
def test_a_day_of_a_month_dates_a_text_and_is_no_period(text: str) -> None:
    assert find_period(text) is None


@pytest.mark.parametrize("text", ["Year to date 2026", "YTD 2026", "2026 YTD"])
def test_the_year_to_date_is_a_period_no_month_or_year_holds(text: str) -> None:
    ytd = find_period(text)
    assert ytd is not None and ytd.key == "2026YTD"
    assert not same_period(find_period("2026"), ytd) and not same_period(find_period("March 2026"), ytd)


@pytest.mark.parametrize(
    "quote",
    [
        "The airport handled 2.41 million passengers in March 2026, up 9.8% on March 2025.",
        "Passengers rose 9.8% over March 2025 to 2.41 million in March 2026.",
    ],
)
def test_the_period_a_change_is_measured_against_is_not_the_claims_period(quote: str) -> None:
    c = claim(9.8, "%", "Harbourside Airport", "passenger growth", quote, "up")
    period = claim_period(c)
    assert period is not None and period.key == "2026M03"


MONTH_TABLES = [
    """<table><thead><tr><th rowspan="2"></th><th colspan="3">Month</th><th colspan="2">Year to date</th></tr>
    <tr><th>Mar 2026</th><th>Mar 2025</th><th>% change</th><th>2026</th><th>% change</th></tr></thead>
    <tr><td>Cargo (tonnes)</td><td>31,180</td><td>32,144</td><td>-3.0%</td><td>90,412</td><td>-1.2%</td></tr>
    </table>""",
    """<table><tr><th>Cargo, tonnes</th><th>YTD 2026</th><th>March 2025</th><th>March 2026</th>
    <th>Change</th></tr>
    <tr><td>All cargo</td><td>90,412</td><td>32,144</td><td>31,180</td><td>-3.0%</td></tr></table>""",
]


@pytest.mark.parametrize("body", MONTH_TABLES, ids=["grouped-header", "ytd-first"])
def test_a_claim_about_a_month_is_judged_on_that_months_column(body: str) -> None:
    facts = facts_of(f"<h1>Harbourside Airport traffic, March 2026</h1>{body}", ["Harbourside Airport"])
    level = "Cargo volumes were 31,200 tonnes in March 2026."
    assert verdict(claim(31200, "tonnes", "Harbourside Airport", "cargo", level), facts) == "supported"
    wrong = "Cargo volumes were 33,000 tonnes in March 2026."
    assert verdict(claim(33000, "tonnes", "Harbourside Airport", "cargo", wrong), facts) == "contradicted"
    # last year's month and the year to date are other periods: a claim of their figure is not borne out
    old = "Cargo volumes were 32,144 tonnes in March 2026."
    assert verdict(claim(32144, "tonnes", "Harbourside Airport", "cargo", old), facts) == "contradicted"
    fell = "Cargo volumes fell 3% in March 2026."
    assert verdict(claim(3, "%", "Harbourside Airport", "cargo change", fell, "down"), facts) == "supported"


# --- changes and levels, with their sign ------------------------------------------------------------------

CHANGES = [
    "<table><tr><th>Measure</th><th>Q1 2026</th><th>Change</th></tr>"
    "<tr><td>Net income</td><td>96.4</td><td>-3.2%</td></tr></table>",
    "<ul><li>Net income: 96.4, down 3.2% year-on-year;</li></ul>",
    "<p>Net income fell 3.2% from a year earlier, to 96.4.</p>",
]


@pytest.mark.parametrize("body", CHANGES, ids=["signed-cell", "down-in-list", "fell-in-prose"])
def test_a_change_is_judged_with_its_sign(body: str) -> None:
    facts = facts_of(f"<h1>Brightwater Foods</h1>{body}", ["Brightwater Foods"])
    fell = "Net income fell 3.2% in the quarter."
    rose = "Net income rose 3.2% in the quarter."
    assert (
        verdict(claim(3.2, "%", "Brightwater Foods", "net income change", fell, "down"), facts) == "supported"
    )
    assert (
        verdict(claim(3.2, "%", "Brightwater Foods", "net income change", rose, "up"), facts)
        == "contradicted"
    )


LEVEL_AND_CHANGE = [
    "<p>Battery-electric cars made up 36.5% of new registrations, up from 27.5% a year earlier.</p>",
    "<ul><li>Battery-electric share of registrations: 36.5% (27.5% a year earlier)</li></ul>",
    "<table><tr><th>Fuel</th><th>Share</th></tr>"
    "<tr><td>battery-electric cars</td><td>36.5%</td></tr></table>",
]


@pytest.mark.parametrize("body", LEVEL_AND_CHANGE, ids=["made-up", "bracketed-base", "share-table"])
def test_a_level_never_contradicts_a_claimed_change(body: str) -> None:
    facts = facts_of(f"<h1>Registrations</h1>{body}", ["battery-electric cars"])
    growth = "Registrations of battery-electric cars were up 31% from a year earlier."
    c = claim(31, "%", "battery-electric cars", "registrations growth", growth, "up")
    assert verdict(c, facts) != "contradicted"


# --- the earlier figure of a change in prose --------------------------------------------------------------

EARLIER = [
    "<ul><li>Load factor: 86.1%, up from 84.2% a year earlier;</li></ul>",
    "<p>The load factor rose from 84.2% to 86.1% over the year.</p>",
    "<p>Its load factor went 84.2% → 86.1% in a year.</p>",
    "<p>The load factor was 86.1%, down from 88.0% in last year's report; it had been 84.2% in 2024.</p>",
    "<ul><li>Load factor from 84.2% to 86.1%</li></ul>",
]


@pytest.mark.parametrize(
    "body", EARLIER, ids=["up-from", "from-to", "arrow", "down-from-last-year", "from-to-opening"]
)
def test_the_figure_a_change_starts_from_is_an_earlier_periods(body: str) -> None:
    facts = facts_of(f"<h1>Northwind Air March traffic</h1>{body}", ["Northwind Air"])
    now = "Northwind Air's load factor was 86.1% in March."
    assert verdict(claim(86.1, "%", "Northwind Air", "load factor", now), facts) == "supported"
    then = "Northwind Air's load factor was 84.2% in March."
    assert verdict(claim(84.2, "%", "Northwind Air", "load factor", then), facts) == "contradicted"


# --- changes computed from two figures of one measure -----------------------------------------------------

TWO_YEARS = [
    """<table><tr><th></th><th>Q3 FY26</th><th>Q3 FY25</th></tr>
    <tr><td>Net income ($ millions)</td><td>96.4</td><td>86.0</td></tr></table>""",
    """<table><tr><th>Measure</th><th>FY2025 Q3</th><th>FY2026 Q3</th></tr>
    <tr><td>Net income</td><td>$86.0m</td><td>$96.4m</td></tr></table>""",
    "<p>Net income rose from $86.0 million to $96.4 million.</p>",
]


@pytest.mark.parametrize("body", TWO_YEARS, ids=["latest-first", "latest-last", "prose-from-to"])
def test_a_claimed_percentage_change_is_computed_from_two_periods(tmp_path: Path, body: str) -> None:
    page = f"<h1>Brightwater Foods third quarter results</h1>{body}"
    rose = "Net income rose 12% from a year earlier, according to Brightwater Foods."
    assert _verify(tmp_path / "a", page, rose, 12, "up") == "supported"
    fell = "Net income fell 12% from a year earlier, according to Brightwater Foods."
    assert _verify(tmp_path / "b", page, fell, 12, "down") == "contradicted"
    wrong = "Net income rose 20% from a year earlier, according to Brightwater Foods."
    assert _verify(tmp_path / "c", page, wrong, 20, "up") == "contradicted"


POINTS = [
    "<p>Second-dose uptake rose from 87.2% → 91.4% in one year.</p>",
    "<p>Uptake of the second dose climbed from 87.2% to 91.4% over the year.</p>",
    "<ul><li>Second-dose uptake: 91.4%, up from 87.2% a year earlier</li></ul>",
]


@pytest.mark.parametrize("body", POINTS, ids=["arrow", "from-to", "up-from"])
def test_a_change_in_points_is_read_from_the_two_figures_of_one_sentence(tmp_path: Path, body: str) -> None:
    page = f"<h1>MMR catch-up campaign closes</h1>{body}"
    rose = "Uptake rose 4.2 percentage points in a single year, according to Brightwater Foods."
    assert _verify(tmp_path / "a", page, rose, 4.2, "up", "percentage points", "uptake change") == "supported"
    wrong = "Uptake rose 6 percentage points in a single year, according to Brightwater Foods."
    assert (
        _verify(tmp_path / "b", page, wrong, 6, "up", "percentage points", "uptake change") == "contradicted"
    )


def _verify(
    folder: Path,
    page: str,
    sentence: str,
    value: float,
    direction: str,
    unit: str = "%",
    metric: str = "net income growth",
) -> str:
    host = "brightwater.example"
    (folder / host / "results").mkdir(parents=True)
    (folder / host / "results" / "index.html").write_text(page, encoding="utf-8")
    text = f"{sentence}\n"
    at = text.index("Brightwater Foods")
    article = Article(
        url="https://news.example/a/",
        text=text,
        paragraphs=((0, len(text)),),
        links=(Link(f"https://{host}/results/", "Brightwater Foods", at, at + len("Brightwater Foods")),),
    )
    figure = f"{value:g}"
    c = Claim(
        id="c",
        quote=sentence,
        start=0,
        end=len(sentence),
        quantity=Quantity(
            figure,
            sentence.index(figure),
            sentence.index(figure) + len(figure),
            value=value,
            unit=unit,
            direction=direction,
        ),
        subject="uptake" if unit != "%" else "Brightwater Foods",
        metric=metric,
        sources=("Brightwater Foods",),
    )
    review = verify_claims([c], article, Fetcher(archive=folder), Registry.load()).claims[0].review
    assert review is not None
    return review.verdict


# --- the span of a change, and total rows ------------------------------------------------------------------

SPANS = [
    """<table><tr><th>Region</th><th>Monthly change (%)</th><th>Annual change (%)</th></tr>
    <tr><td>Northfield</td><td>0.4</td><td>4.6</td></tr>
    <tr><td>All regions</td><td>0.3</td><td>3.9</td></tr></table>""",
    "<p>The average price of a home was £268,900, up 0.3% on the month and 3.9% higher than a year"
    " earlier.</p>",
    "<ul><li>Prices rose by 3.9% in the year to March 2026.</li>"
    "<li>On the month, prices rose by 0.3%.</li></ul>",
]


@pytest.mark.parametrize("body", SPANS, ids=["columns", "one-sentence", "two-items"])
def test_an_annual_change_is_not_a_monthly_one(body: str) -> None:
    facts = facts_of(f"<h1>House Price Index: March 2026</h1>{body}", ["house prices"])
    year = "Average house prices rose 3.9% in the year to March 2026."
    month = "Average house prices rose 0.3% in March alone."
    wrong_month = "Average house prices rose 3.9% in March alone."
    assert (
        verdict(claim(3.9, "%", "house prices", "annual change in prices", year, "up"), facts) == "supported"
    )
    assert (
        verdict(claim(0.3, "%", "house prices", "monthly change in prices", month, "up"), facts)
        == "supported"
    )
    c = claim(3.9, "%", "house prices", "monthly change in prices", wrong_month, "up")
    assert verdict(c, facts) == "contradicted"


@pytest.mark.parametrize("total", ["All regions", "Total", "Overall", "National"])
def test_a_total_row_is_the_whole_the_page_is_about(total: str) -> None:
    body = f"""<h1>House Price Index: March 2026</h1><table><tr><th>Region</th><th>Average price</th></tr>
    <tr><td>Northfield</td><td>£312,400</td></tr><tr><td>{total}</td><td>£268,900</td></tr></table>"""
    facts = facts_of(body, ["house prices", "Northfield"])
    quote = "Average house prices reached £268,900 in March."
    assert verdict(claim(268900, "GBP", "house prices", "average house price", quote), facts) == "supported"
    assert (
        verdict(claim(312400, "GBP", "house prices", "average house price", quote), facts) == "contradicted"
    )
