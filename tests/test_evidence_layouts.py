"""One model of what a source page states, whatever its layout: every reader gives the same Fact (subject,
measure words, period, variant, value and unit), and only a fact like for like contradicts a claim.

Each layout class is pinned with several renderings of invented figures that differ in spelling of names,
where the unit stands, periods and the order of rows and columns."""

from __future__ import annotations

import pytest
from evidence_helpers import claim, facts_of, review_of

from factcheck.evidence.periods import find_period, period_label, same_period
from factcheck.metric_words import LEXICON_FILE, SYNONYMS, stem
from factcheck.models import Article, Claim, Fact, Link, Quantity
from factcheck.names import same_subject
from factcheck.sources.registry import Registry
from factcheck.sources.resolve import linked_candidates

URL = "https://source.example/page"


def value_of(facts: list[Fact], subject: str, *metric_words: str) -> float | None:
    for f in facts:
        words = (f.metric or "").lower()
        if same_subject(f.subject, subject) and all(w in words for w in metric_words):
            return f.quantity.value
    return None


def verdict(c: Claim, facts: list[Fact]) -> tuple[str, str]:
    review = review_of(c, facts)
    return (review.verdict, review.explanation) if review else ("none", "")


# --- tables with spans and multi-row headers ---------------------------------------------------------------

SPANNED = [
    """<table><caption>Results (accuracy, %)</caption><thead>
    <tr><th rowspan="2">Model</th><th colspan="2">Coding</th><th>Recall</th></tr>
    <tr><th>Patchwork</th><th>ShellRun 3</th><th>NeedleSet</th></tr></thead>
    <tr><td>Orca-2</td><td>41.2</td><td>55.0</td><td>63.5</td></tr>
    <tr><td>Orca-3</td><td>48.9</td><td>61.7</td><td>77.1</td></tr></table>""",
    """<table><tr><th>System</th><th>Patchwork (%)</th><th>ShellRun 3 (%)</th><th>NeedleSet (%)</th></tr>
    <tr><td>orca-3</td><td>48.9</td><td>61.7</td><td>77.1</td></tr>
    <tr><td>orca-2</td><td>41.2</td><td>55.0</td><td>63.5</td></tr></table>""",
    """<table><thead><tr><th rowspan="2"></th><th colspan="2">Models</th></tr>
    <tr><th>Orca 3</th><th>Orca 2</th></tr></thead>
    <tr><td>NeedleSet</td><td>77.1%</td><td>63.5%</td></tr>
    <tr><td>Patchwork</td><td>48.9%</td><td>41.2%</td></tr></table>""",
]


@pytest.mark.parametrize("body", SPANNED, ids=["colspan-groups", "lowercase-rows", "models-across-spanned"])
def test_spanned_and_multi_row_headers_keep_every_column_in_place(body: str) -> None:
    facts = facts_of(body, ["Orca-3", "Orca-2"])
    assert value_of(facts, "Orca-3", "needleset") == 77.1 or value_of(facts, "orca-3", "needleset") == 77.1
    needle = [f for f in facts if "needleset" in (f.metric or "").lower() and f.quantity.value == 77.1]
    assert needle and all(f.quantity.unit == "%" for f in needle)


# --- tables as text -----------------------------------------------------------------------------------------

TEXT_TABLES = [
    (
        "<main><h1>Board</h1><pre>\n| # | Model | Index |\n|---|---|---|\n| 1 | orca-3 (max) | 61 |\n"
        "| 2 | orca-2 | 52 |\n</pre></main>",
        "text/html",
    ),
    ("Board\n\n| Model | Index |\n| --- | --- |\n| orca-3 (max) | 61 |\n| orca-2 | 52 |\n", "text/plain"),
    (
        "Board\n\nModel          Index     Speed\norca-3 (max)   61        40\norca-2         52        75\n",
        "text/plain",
    ),
]


@pytest.mark.parametrize(("body", "kind"), TEXT_TABLES, ids=["pre-pipes", "text-pipes", "text-columns"])
def test_tables_written_as_text_give_one_fact_per_cell(body: str, kind: str) -> None:
    facts = facts_of(body, ["Orca-3"], kind)
    index = [f for f in facts if f.quantity.value == 61]
    assert index and index[0].subject and "orca-3" in index[0].subject.lower()
    assert index[0].variant == "max" and "index" in (index[0].metric or "").lower()


@pytest.mark.parametrize(
    "line", ["Provisional rank ....... 4", "Provisional rank …… 4", "Provisional rank ____ 4"]
)
def test_a_label_and_figure_set_apart_by_a_leader_are_read_together(line: str) -> None:
    facts = facts_of(f"Orca-3\n\n{line}\n", ["Orca-3"], "text/plain")
    assert any(f.quantity.value == 4 and "rank" in (f.metric or "").lower() for f in facts)


# --- two figures in one cell --------------------------------------------------------------------------------

PAIRS = [
    (
        "<table><tr><th>Model</th><th>Input / output ($ per 1M tokens)</th></tr>"
        "<tr><td>Orca-3</td><td>$1.20 / $4.80</td></tr></table>",
        "input",
        1.2,
        "output",
        4.8,
    ),
    (
        "<table><tr><th>Plan</th><th>Price per kWh (AC / DC)</th></tr>"
        "<tr><td>Orca-3</td><td>€0.31 / €0.52</td></tr></table>",
        "ac",
        0.31,
        "dc",
        0.52,
    ),
    (
        "<table><tr><th>Product</th><th>In / Out</th></tr>"
        "<tr><td>Orca-3</td><td>2.00 / 9.50</td></tr></table>",
        "in",
        2.0,
        "out",
        9.5,
    ),
]


@pytest.mark.parametrize(("body", "first", "a", "second", "b"), PAIRS, ids=["usd-slash", "eur-ac-dc", "bare"])
def test_a_cell_of_two_figures_gives_two_facts_with_the_labels_of_its_header(
    body: str, first: str, a: float, second: str, b: float
) -> None:
    facts = [f for f in facts_of(body, ["Orca-3"]) if f.subject == "Orca-3"]
    by_label = {f.quantity.value: (f.metric or "").lower() for f in facts}
    assert first in by_label[a].split() and second in by_label[b].split()
    assert all(f.quantity.bound == "=" for f in facts)


@pytest.mark.parametrize(
    "header",
    ["orca-2 → orca-3", "orca-2 -> orca-3", "Orca-2 / Orca-3"],
    ids=["arrow", "ascii-arrow", "slash"],
)
def test_a_before_and_after_cell_under_two_names_gives_each_name_its_figure(header: str) -> None:
    sep = "/" if "/" in header else "→"
    body = (
        f"<table><tr><th>Benchmark</th><th>{header}</th></tr>"
        f"<tr><td>NeedleSet</td><td>41.0% {sep} 58.5%</td></tr></table>"
    )
    facts = facts_of(body, ["Orca-2", "Orca-3"])
    assert value_of(facts, "orca-2", "needleset") == 41.0
    assert value_of(facts, "orca-3", "needleset") == 58.5


# --- units and scales inherited -----------------------------------------------------------------------------

SCALED = [
    "<p>Figures are in thousands of vehicles.</p><table><tr><th>Fuel</th><th>2026</th></tr>"
    "<tr><td>Hydrogen</td><td>12.5</td></tr></table>",
    "<table><caption>Registrations (thousands)</caption><tr><th>Fuel</th><th>2026</th></tr>"
    "<tr><td>Hydrogen</td><td>12.5</td></tr></table>",
    "<table><tr><th>Registrations (000s)</th><th>2026</th></tr>"
    "<tr><td>Hydrogen</td><td>12.5</td></tr></table>",
]


@pytest.mark.parametrize("body", SCALED, ids=["sentence-before", "caption", "corner-cell"])
def test_the_scale_of_a_table_is_inherited_from_its_caption_corner_or_leading_sentence(body: str) -> None:
    facts = facts_of(f"<main><h1>Registrations</h1>{body}</main>")
    assert any(f.quantity.value == 12500 and f.period == "2026" for f in facts)


def test_a_rate_row_is_not_multiplied_by_the_tables_scale() -> None:
    body = (
        "<main><p>Figures in $ millions.</p><table><tr><th></th><th>Q2 FY26</th></tr>"
        "<tr><td>Revenue</td><td>410.5</td></tr><tr><td>Earnings per share ($)</td><td>0.84</td></tr>"
        "</table></main>"
    )
    facts = facts_of(body)
    assert any(f.quantity.value == 410.5e6 for f in facts)
    assert any(f.quantity.value == 0.84 and f.period == "FY2026Q2" for f in facts)


# --- periods ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Q1 2026", "2026Q1"),
        ("1Q26 share", "2026Q1"),
        ("in the first quarter of 2026", "2026Q1"),
        ("Q3 FY26", "FY2026Q3"),
        ("FY25", "FY2025"),
        ("H2 2025", "2025H2"),
        ("in 2024", "2024"),
    ],
)
def test_periods_are_read_in_one_normal_form(text: str, key: str) -> None:
    period = find_period(text)
    assert period is not None and period.key == key


@pytest.mark.parametrize("text", ["released April 23, 2026", "updated 2026-04-24", "on 5 May 2025"])
def test_a_date_is_not_a_reporting_period(text: str) -> None:
    assert find_period(text) is None


def test_a_year_holds_its_quarters_and_labels_read_well() -> None:
    assert same_period(find_period("2026"), find_period("Q2 2026"))
    assert not same_period(find_period("Q1 2026"), find_period("Q1 2025"))
    assert period_label("FY2026Q3") == "Q3 FY2026"


# --- like for like ------------------------------------------------------------------------------------------

TWO_PERIODS = [
    "<table><tr><th>Vendor</th><th>Q1 2026</th><th>Q1 2025</th></tr><tr><td>Orca-3</td><td>19.8</td>"
    "<td>21.0</td></tr></table>",
    "<table><tr><th>Vendor</th><th>1Q25</th><th>1Q26</th></tr><tr><td>Orca-3</td><td>21.0</td>"
    "<td>19.8</td></tr></table>",
    "<h2>Units, first quarter of 2026</h2><dl><dt>Orca-3</dt><dd>19.8</dd></dl>"
    "<h2>Units, first quarter of 2025</h2><dl><dt>Orca-3</dt><dd>21.0</dd></dl>",
]


@pytest.mark.parametrize("body", TWO_PERIODS, ids=["latest-first", "latest-last", "sections"])
def test_a_figure_of_another_period_neither_supports_nor_contradicts(body: str) -> None:
    facts = facts_of(f"<main><h1>Units</h1>{body}</main>", ["Orca-3"])
    last_year = claim(21.0, "", "Orca-3", "units", "Orca-3 units reached 21.0 in the first quarter of 2026")
    assert verdict(last_year, facts)[0] == "contradicted"
    text = verdict(last_year, facts)[1]
    assert "19.8" in text and "Q1 2026" in text and "same subject, measure and period" in text
    asked_2025 = claim(19.8, "", "Orca-3", "units", "Orca-3 units were 19.8 in the first quarter of 2025")
    assert verdict(asked_2025, facts)[0] == "contradicted"
    no_period = claim(21.0, "", "Orca-3", "units", "Orca-3 units reached 21.0")
    assert verdict(no_period, facts)[0] != "supported"


@pytest.mark.parametrize(
    "rows",
    [
        [("Orca-3 (max)", 61), ("Orca-3 (low)", 48)],
        [("orca-3 (low)", 48), ("orca-3 (max)", 61)],
        [("Orca 3 (max)", 61)],
    ],
)
def test_a_figure_stated_for_one_variant_supports_but_never_contradicts(rows: list[tuple[str, int]]) -> None:
    cells = "".join(f"<tr><td>{name}</td><td>{value}</td></tr>" for name, value in rows)
    facts = facts_of(f"<table><tr><th>Model</th><th>Index</th></tr>{cells}</table>", ["Orca-3"])
    assert verdict(claim(61, "", "Orca-3", "Index score"), facts)[0] == "supported"
    assert verdict(claim(70, "", "Orca-3", "Index score"), facts)[0] == "unverified"
    assert verdict(claim(70, "", "Orca-3 (max)", "Index score"), facts)[0] == "contradicted"


@pytest.mark.parametrize(
    "passage",
    [
        "<p>Orca-3 had 31% of paid seats in the survey.</p>",
        "<table><tr><th>Vendor</th><th>Paid seats (%)</th></tr><tr><td>Orca-3</td><td>31</td></tr></table>",
        "<dl><dt>Orca-3 paid seats</dt><dd>31%</dd></dl>",
    ],
)
def test_another_measure_of_the_same_subject_is_never_a_contradiction(passage: str) -> None:
    facts = facts_of(f"<main><h1>Survey</h1>{passage}</main>", ["Orca-3"])
    verdict_, _text = verdict(claim(45, "%", "Orca-3", "share of enterprise revenue"), facts)
    assert verdict_ != "contradicted"


# --- prose --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "On NeedleSet the score went 41.0% -> 58.5% between Orca-2 and Orca-3.",
        "On NeedleSet the score went from 41.0% → 58.5% between Orca-2 and Orca-3.",
        "Orca-2 and Orca-3 scored 41.0% and 58.5% respectively on NeedleSet.",
    ],
)
def test_the_two_figures_of_a_change_go_to_two_names_in_order(sentence: str) -> None:
    facts = facts_of(f"<main><h1>Results</h1><p>{sentence}</p></main>", ["Orca-2", "Orca-3"])
    assert value_of(facts, "Orca-2", "needleset") == 41.0
    assert value_of(facts, "Orca-3", "needleset") == 58.5


@pytest.mark.parametrize(
    "sentence",
    [
        "On Patchwork it reaches 48.9%; Orca-2 scores 41.2%.",
        "On Patchwork its score is 48.9%, and Orca-2 scores 41.2%.",
    ],
)
def test_it_in_a_sentence_is_the_pages_subject(sentence: str) -> None:
    facts = facts_of(f"<main><h1>Orca-3</h1><p>{sentence}</p></main>", ["Orca-3", "Orca-2"])
    assert value_of(facts, "Orca-3", "patchwork") == 48.9
    assert value_of(facts, "Orca-2", "patchwork") == 41.2


# --- JSON-LD ------------------------------------------------------------------------------------------------


def test_json_ld_offers_keep_currency_and_unit_and_property_values_their_model() -> None:
    body = """<html><head><script type="application/ld+json">
    {"@context": "https://schema.org", "@graph": [
     {"@type": "Product", "name": "Orca-3", "offers": [{"@type": "Offer", "name": "Input tokens",
      "price": 1.2, "priceCurrency": "USD", "unitText": "per 1M tokens"}]},
     {"@type": "Dataset", "name": "Index board", "variableMeasured": [{"@type": "PropertyValue",
      "name": "Orca-2 (max)", "propertyID": "Index", "value": 52}]}]}
    </script></head><body><h1>Orca-3</h1></body></html>"""
    facts = facts_of(body, ["Orca-3", "Orca-2"])
    assert any(f.subject == "Orca-3" and f.quantity.unit == "USD per 1M tokens" for f in facts)
    assert any(f.subject == "Orca-2 (max)" and f.variant == "max" and f.quantity.value == 52 for f in facts)


# --- the lexicon and resolution -----------------------------------------------------------------------------


def test_metric_synonyms_come_from_the_lexicon_data_file() -> None:
    assert LEXICON_FILE.is_file() and LEXICON_FILE.suffix == ".toml"
    assert stem("GenAI") == stem("generative") and stem("uptake") == stem("adoption")
    assert SYNONYMS


@pytest.mark.parametrize(
    ("name", "href"),
    [
        ("Quillon Foods", "https://investors.quillonfoods.example/results/q2/"),
        ("Quillon", "https://www.quillon.example/press/"),
    ],
)
def test_a_source_cited_by_name_is_read_from_its_site_linked_elsewhere(name: str, href: str) -> None:
    text = "First paragraph, with a link.\n\nSecond paragraph: margin rose to 9%, the company said."
    article = Article(
        url="https://news.example/a",
        text=text,
        paragraphs=((0, 29), (31, len(text))),
        links=(Link(href=href, text="results", start=20, end=24),),
    )
    c = Claim(
        id="c",
        quote=text[31:],
        start=31,
        end=len(text),
        quantity=Quantity("9%", 70, 72, 9.0),
        sources=(name,),
    )
    found = linked_candidates(c, article, name, Registry.load())
    assert [x.url for x in found] == [href]
