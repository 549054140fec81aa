"""Readers of layouts that state their figures indirectly: a model's variants in a second header row, a
ranking only in structured data, PDF tables whose columns are known from where their text is placed,
cells with several labelled figures, spans of months as periods, rates stated in a header, and sentences
whose figure belongs to another name ("up from 36.6% for GPT-5.4") or to the name a clause hangs on."""

from __future__ import annotations

import pytest
from evidence_helpers import claim, facts_of, make_pdf, verdict

from factcheck.evidence.periods import find_period
from factcheck.names import same_subject

# --- a model's variants in a second header row --------------------------------------------------------------

VARIANT_HEADERS = [
    """<table><thead><tr><th rowspan="2">Metric</th><th colspan="3">kestrel-4</th><th>vega-2</th></tr>
    <tr><th>xhigh</th><th>high</th><th>medium</th><th>max</th></tr></thead>
    <tr><td>Index score</td><td>60</td><td>59</td><td>57</td><td>57</td></tr></table>""",
    """<table><thead><tr><th></th><th colspan="2">Kestrel 4</th></tr><tr><th></th><th>thinking</th>
    <th>fast</th></tr></thead><tr><td>Index score</td><td>60</td><td>52</td></tr></table>""",
]


@pytest.mark.parametrize("body", VARIANT_HEADERS, ids=["reasoning-efforts", "modes"])
def test_columns_under_a_spanning_model_name_are_its_variants(body: str) -> None:
    facts = facts_of(f"<h1>Compared</h1>{body}", ["Kestrel 4"])
    sixty = [f for f in facts if f.quantity.value == 60]
    assert sixty and same_subject(sixty[0].subject, "Kestrel 4") and sixty[0].variant
    assert verdict(claim(60, "points", "Kestrel 4", "index score"), facts) == "supported"


def test_a_group_header_that_names_no_item_stays_a_label() -> None:
    body = """<table><thead><tr><th rowspan="2">Region</th><th colspan="2">Second dose</th></tr>
    <tr><th>2024</th><th>2025</th></tr></thead><tr><td>Eastmoor</td><td>75.6</td><td>79.2</td></tr></table>"""
    facts = facts_of(f"<h1>Coverage (%)</h1>{body}", ["Eastmoor"])
    assert {f.metric for f in facts if f.quantity.value == 79.2} == {"Second dose"}


# --- ranks in a schema.org ItemList ------------------------------------------------------------------------

ITEMLIST = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "ItemList",
"name": "Provisional leaderboard", "numberOfItems": 115, "itemListElement": [
{"@type": "ListItem", "position": 1, "item": {"@type": "SoftwareApplication", "name": "Vega-2"}},
{"@type": "ListItem", "position": 2, "item": {"@type": "SoftwareApplication", "name": "Kestrel 4",
 "aggregateRating": {"@type": "AggregateRating", "ratingValue": 93, "bestRating": 100}}}]}</script>"""


def test_an_item_lists_positions_are_the_ranks_of_its_items() -> None:
    facts = facts_of(f"<html><head>{ITEMLIST}</head><body><h1>Leaderboard</h1></body></html>", ["Kestrel 4"])
    assert verdict(claim(2, "rank", "Kestrel 4", "leaderboard rank", scale=115.0), facts) == "supported"
    assert verdict(claim(1, "rank", "Kestrel 4", "leaderboard rank"), facts) == "contradicted"
    assert verdict(claim(93, "points", "Kestrel 4", "score", scale=100.0), facts) == "supported"


# --- PDF tables from where their text stands ----------------------------------------------------------------


def pdf(lines: list[str | list[str]], widths: int = 90) -> bytes:
    """A one-page PDF whose table columns stand ``widths`` apart, as typesetting programs lay tables out."""
    return make_pdf(lines, lambda col: 50 + (160 + widths * (col - 1) if col else 0), top=780)


@pytest.mark.parametrize("widths", [90, 70], ids=["touching-headers", "overlapping-headers"])
def test_pdf_columns_are_where_the_cells_start_however_long_the_headers(widths: int) -> None:
    report = pdf(
        [
            "Kestrel 4 system card",
            "",
            "All scores are accuracy (%).",
            "",
            "Table 3: Coding evaluations",
            ["Model", "ShellRun 2.0 extended", "PatchBench Pro public", "NeedleSet"],
            ["Kestrel 4", "82.7", "58.6", "74.0"],
            ["Kestrel 3", "75.1", "57.7", "36.6"],
        ],
        widths,
    )
    facts = facts_of(report, ["Kestrel 4", "Kestrel 3"], "application/pdf")
    c = claim(58.6, "%", "Kestrel 4", "PatchBench Pro score")
    assert verdict(c, facts) == "supported"
    assert verdict(claim(36.6, "%", "Kestrel 3", "NeedleSet score"), facts) == "supported"


def test_a_pdf_tables_caption_line_and_its_units_sentence_stay_with_it() -> None:
    report = pdf(
        [
            "Domestic energy consumption, 2025",
            "",
            "Key points",
            "Households used less energy in 2025 than in 2024.",
            "",
            "Table 1: Domestic consumption by fuel",
            "Consumption in terawatt hours (TWh).",
            "",
            ["Fuel", "2024", "2025"],
            ["Electricity", "94.2", "90.3"],
            ["Gas", "266.0", "258.6"],
        ]
    )
    facts = facts_of(report, ["households"], "application/pdf")
    gas = next(f for f in facts if f.quantity.value == 258.6)
    assert gas.quantity.unit == "TWh" and "Table 1" in gas.context
    c = claim(
        262, "TWh", "households", "domestic gas consumption", "Gas use by homes fell to 262 TWh in 2025."
    )
    assert verdict(c, facts) == "contradicted"


# --- cells holding several labelled figures, spans of months, rates in a header ----------------------------

CAP = """<h1>Price cap notice</h1><table>
<tr><th></th><th>1 January to 31 March 2026</th><th>1 April to 30 June 2026</th></tr>
<tr><td>Electricity</td><td>27.03 pence per kWh 53.68 pence daily standing charge</td>
<td>25.73 pence per kWh 51.37 pence daily standing charge</td></tr></table>"""


def test_each_figure_of_a_cell_takes_the_words_after_it() -> None:
    facts = facts_of(CAP, ["electricity"])
    standing = next(f for f in facts if f.quantity.value == 51.37)
    assert "standing charge" in (standing.metric or "")
    assert standing.period == "2026Q2"
    quote = "From April the daily standing charge for electricity will be 51.37p."
    c = claim(51.37, "pence", "electricity", "daily standing charge", quote)
    assert verdict(c, facts) == "supported"
    rate = claim(24.5, "pence per kWh", "electricity", "unit rate", "The unit rate falls to 24.5p per kWh.")
    assert verdict(rate, facts) == "contradicted"


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("1 January to 31 March 2026", "2026Q1"),
        ("April–June 2026", "2026Q2"),
        ("July to December 2025", "2025H2"),
    ],
)
def test_a_span_of_months_is_the_quarter_or_half_it_covers(text: str, key: str) -> None:
    period = find_period(text)
    assert period is not None and period.key == key


@pytest.mark.parametrize(
    ("header", "cell", "unit"),
    [
        ("Price per kWh (AC / DC)", "€0.39 / €0.59", "EUR per kWh"),
        ("AC / DC price, per kWh", "€0.39 / €0.59", "EUR per kWh"),
        ("Unit rate per kWh", "39p / 59p", "pence per kWh"),
        ("Cost / night", "$120 / $180", "USD per night"),
    ],
)
def test_a_rate_in_the_header_applies_to_each_amount(header: str, cell: str, unit: str) -> None:
    body = f"<h1>Volta charging</h1><table><tr><th>Stations</th><th>{header}</th></tr>"
    body += f"<tr><td>Members</td><td>{cell}</td></tr></table>"
    facts = facts_of(body, ["Volta"])
    assert {f.quantity.unit for f in facts} == {unit}


@pytest.mark.parametrize("header", ["Price (inc. VAT)", "Growth per cent", "AC / DC", "Price per unit"])
def test_a_header_naming_no_rate_leaves_the_cells_units(header: str) -> None:
    body = f"<h1>Volta</h1><table><tr><th>Plan</th><th>{header}</th></tr><tr><td>Basic</td><td>€12</td></tr>"
    body += "<tr><td>Plus</td><td>€20</td></tr></table>"
    assert {f.quantity.unit for f in facts_of(body, ["Volta"])} <= {"EUR", "%"}


# --- a section's sentence on the unit of its tables --------------------------------------------------------

UNIT_LEADS = [
    "All scores are accuracy (%).",
    "Figures in the tables below are pass rates in %.",
    "Results are given in percent.",
]


@pytest.mark.parametrize("lead", UNIT_LEADS)
def test_a_sentence_opening_the_section_gives_its_tables_unit(lead: str) -> None:
    body = (
        f"<h1>Kestrel 4</h1><h2>Evaluations</h2><p>{lead} We ran each task three times.</p>"
        "<p>The coding results follow.</p>"
        "<table><tr><th>Benchmark</th><th>Kestrel 4</th></tr>"
        "<tr><td>PatchBench</td><td>58.6</td></tr></table>"
    )
    facts = facts_of(body, ["Kestrel 4"])
    assert next(f for f in facts if f.quantity.value == 58.6).quantity.unit == "%"
    assert verdict(claim(58.6, "%", "Kestrel 4", "PatchBench score"), facts) == "supported"


# --- whose figure a sentence states ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "metric"),
    [
        (
            "Kestrel 4 answers 74.0 percent of the tasks, up from 36.6 percent for Kestrel 3.",
            "tasks answered",
        ),
        (
            "Kestrel 4 scores 74.0% on NeedleSet, up from 36.6% by Kestrel 3, its predecessor.",
            "NeedleSet score",
        ),
        ("On NeedleSet, Kestrel 4 reaches 74.0% (up from 36.6% for Kestrel 3).", "NeedleSet score"),
    ],
)
def test_a_figure_up_from_another_names_figure_is_that_names(text: str, metric: str) -> None:
    facts = facts_of(f"<h1>Results</h1><p>{text}</p>", ["Kestrel 4", "Kestrel 3"])
    c = claim(36.6, "%", "Kestrel 3", metric, f"Kestrel 3 managed 36.6% ({metric}).")
    assert verdict(c, facts) == "supported"
    assert verdict(claim(74.0, "%", "Kestrel 4", metric), facts) == "supported"


@pytest.mark.parametrize(
    "text",
    [
        "A typical household that uses electricity and gas will pay £1,690 per year.",
        "The average renter who heats with gas and electricity pays £1,690 per year.",
    ],
)
def test_a_figure_belongs_to_the_name_a_relative_clause_hangs_on(text: str) -> None:
    facts = facts_of(f"<h1>Bills</h1><p>{text}</p>", ["electricity", "gas", "household", "renter"])
    bill = next(f for f in facts if f.quantity.value == 1690)
    assert bill.subject in ("typical household", "household", "average renter", "renter")


def test_a_clause_with_it_takes_the_words_of_the_clause_it_refers_to() -> None:
    text = (
        "Nimbus remains the most widely used model provider, but its lead is narrowing: 47% of respondents "
        "name it as their primary provider."
    )
    facts = facts_of(f"<h1>Survey</h1><p>{text}</p>", ["Nimbus"])
    share = next(f for f in facts if f.quantity.value == 47)
    assert "model provider" in (share.metric or "")


# --- a cut is a fall ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The Volta tariff is down 6% on the previous quarter.",
        "Volta's tariff fell 6% from the previous quarter.",
        "Volta lowered its tariff by 6% on the quarter.",
    ],
)
def test_a_claimed_cut_is_spoken_to_by_a_stated_fall(text: str) -> None:
    facts = facts_of(f"<h1>Volta</h1><p>{text}</p>", ["Volta"])
    c = claim(6, "%", "Volta", "tariff cut", "Volta made a 6% tariff cut.", direction="down")
    assert verdict(c, facts) == "supported"


# --- a sentence going on about the figure before it ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "A typical household will pay £1,690 per year. This is £48 lower than the previous cap.",
        "From April the average renter pays £1,690 a year. That represents a cut of £48 on the old cap.",
        "Under the new cap a typical household pays £1,690 per year. This means a bill £48 lower than now.",
    ],
)
def test_this_is_about_whom_the_sentence_before_was(text: str) -> None:
    facts = facts_of(
        f"<h1>Changes to the energy price cap</h1><p>{text}</p>", ["typical household", "renter"]
    )
    cut = next(f for f in facts if f.quantity.value == 48)
    assert cut.subject in ("typical household", "average renter", "renter")


def test_this_after_a_sentence_about_several_names_stays_with_the_section() -> None:
    text = "Kestrel 4 scores 60 and Vega-2 scores 57. This is the widest gap so far, at 3 points."
    facts = facts_of(f"<h1>Index</h1><p>{text}</p>", ["Kestrel 4", "Vega-2"])
    gap = next(f for f in facts if f.quantity.value == 3)
    assert gap.subject not in ("Kestrel 4", "Vega-2")


# --- an age written in several ways -------------------------------------------------------------------------

AGE_PAGES = [
    "<h1>Vaccine coverage at age 5</h1><table><tr><th>Area</th><th>2025 (%)</th></tr>"
    "<tr><td>north</td><td>93.0</td></tr><tr><td>all areas</td><td>91.4</td></tr></table>",
    "<h1>Vaccine coverage</h1><p>Among children aged five, coverage reached 91.4% in 2025.</p>",
    "<h1>Vaccine coverage</h1><p>By the age of 5, 91.4% of children had both doses in 2025.</p>",
]


@pytest.mark.parametrize("page", AGE_PAGES, ids=["heading-at-age", "aged-in-words", "age-of"])
@pytest.mark.parametrize("group", ["five-year-olds", "5-year-olds", "5 year olds"])
def test_an_age_group_is_the_same_however_written(page: str, group: str) -> None:
    facts = facts_of(page, [group])
    quote = f"Coverage among {group} reached 91.4% in 2025."
    assert verdict(claim(91.4, "%", group, "vaccine coverage", quote), facts) == "supported"
    other = "Coverage among ten-year-olds reached 91.4% in 2025."
    assert verdict(claim(91.4, "%", "ten-year-olds", "vaccine coverage", other), facts) != "supported"
