"""How tables and label lists are read, whatever their layout: which column labels the rows, names written
with their maker or with typographic hyphens, ranks and scores out of a whole, units stated only in a header,
row label or the sentence before the table, rows that are part of the row above, and the page of a subject's
own site. Every class is pinned with several renderings of invented figures."""

from __future__ import annotations

import pytest
from evidence_helpers import claim, facts_of, verdict

from factcheck.names import same_subject, variant, without_maker

# --- names written with their maker, or with typographic hyphens -----------------------------------------


@pytest.mark.parametrize(
    "label",
    [
        "GPT-5.5 OpenAI",
        "GPT-5.5 by OpenAI",
        "GPT-5.5 · OpenAI",
        "GPT-5.5 (OpenAI)",
        "GPT\u20115.5",
        "GPT\u20105.5",
    ],
)
def test_a_model_named_with_its_maker_or_a_typographic_hyphen_is_the_model(label: str) -> None:
    assert same_subject(label, "GPT-5.5")
    assert not same_subject(label, "GPT-5.4")
    assert variant(label) is None


def test_a_variant_in_brackets_stays_a_variant_and_a_maker_after_it_goes() -> None:
    assert without_maker("GPT-5.5 (xhigh) OpenAI") == "GPT-5.5 (xhigh)"
    assert variant("Claude Opus 4.7 (max)") == "max"
    assert without_maker("Ranked models of 2026") == "Ranked models of 2026"


LEADERBOARDS = [
    """<table><tr><th>#</th><th>Model</th><th>Prov. score</th></tr>
    <tr><td>1</td><td>Kestrel 4 <span>Halcyon Labs</span></td><td>94</td></tr>
    <tr><td>2</td><td>GPT-5.5 OpenAI</td><td>93</td></tr></table>""",
    """<table><tr><th>Rank</th><th>Model</th><th>Score</th></tr>
    <tr><td>2</td><td>GPT\u20115.5 (OpenAI)</td><td>93</td></tr>
    <tr><td>3</td><td>Gemini 3.1 Pro · Google</td><td>91</td></tr></table>""",
    """<table><tr><th>Pos.</th><th>Model</th><th>Score (of 100)</th></tr>
    <tr><td>3</td><td>Claude Opus 4.7 by Anthropic</td><td>91</td></tr>
    <tr><td>2</td><td>GPT-5.5 by OpenAI</td><td>93</td></tr></table>""",
]


@pytest.mark.parametrize("body", LEADERBOARDS, ids=["maker-span", "maker-brackets-nb-hyphen", "maker-by"])
def test_a_leaderboard_row_with_the_maker_beside_the_name_states_the_models_rank_and_score(
    body: str,
) -> None:
    facts = facts_of(body, ["GPT-5.5"])
    assert verdict(claim(2, "rank", "GPT-5.5", "leaderboard rank"), facts) == "supported"
    assert verdict(claim(93, "points", "GPT-5.5", "score"), facts) == "supported"
    assert verdict(claim(95, "points", "GPT-5.5", "score"), facts) == "contradicted"


# --- the label column, and rows ranked by a rank column ---------------------------------------------------

RANKED_ROWS = [
    """<table><tr><th>Rank</th><th>Airline</th><th>On-time arrivals (%)</th><th>Flights</th></tr>
    <tr><td>1</td><td>baltic wings</td><td>86.9</td><td>1,204</td></tr>
    <tr><td>2</td><td>northwind air</td><td>81.4</td><td>4,410</td></tr></table>""",
    """<table><tr><th>#</th><th>Carrier</th><th>On-time arrivals</th></tr>
    <tr><td>2</td><td>Northwind Air</td><td>81.4%</td></tr>
    <tr><td>1</td><td>Baltic Wings</td><td>86.9%</td></tr></table>""",
    """<table><tr><th>Position</th><th>Operator</th><th>On-time arrivals, %</th></tr>
    <tr><td>1</td><td>BALTIC WINGS</td><td>86.9</td></tr>
    <tr><td>2</td><td>NORTHWIND AIR</td><td>81.4</td></tr></table>""",
]


@pytest.mark.parametrize("body", RANKED_ROWS, ids=["lowercase-airlines", "carrier-header", "uppercase"])
def test_rows_ranked_by_a_rank_column_are_the_subjects_whatever_their_spelling(body: str) -> None:
    facts = facts_of(body, ["Northwind Air"])
    assert verdict(claim(2, "rank", "Northwind Air", "punctuality rank"), facts) == "supported"
    assert verdict(claim(81, "%", "Northwind Air", "on-time arrivals"), facts) == "supported"
    assert verdict(claim(86.9, "%", "Northwind Air", "on-time arrivals"), facts) == "contradicted"


# --- a figure out of a whole: ranks and scores ------------------------------------------------------------

OUT_OF = [
    "<dl><dt>Provisional rank</dt><dd>2 / 115</dd><dt>Provisional score</dt><dd>93 / 100</dd></dl>",
    "<table><tr><td>provisional rank</td><td>2nd of 115</td></tr>"
    "<tr><td>provisional score</td><td>93 out of 100</td></tr></table>",
    "<pre>\nProvisional rank ........ #2 of 115\nProvisional score ....... 93 / 100\n</pre>",
    "<p>Ranked 2 of 115 on the provisional board. Its provisional score is 93/100.</p>",
]


@pytest.mark.parametrize("body", OUT_OF, ids=["dl-slash", "table-ordinal", "leader-lines", "prose"])
def test_a_rank_or_score_out_of_a_whole_is_one_figure_with_its_scale(body: str) -> None:
    facts = facts_of(f"<h1>Kestrel 4</h1>{body}", ["Kestrel 4"])
    assert verdict(claim(2, "rank", "Kestrel 4", "rank", scale=115.0), facts) == "supported"
    assert verdict(claim(93, "points", "Kestrel 4", "score", scale=100.0), facts) == "supported"
    # the whole is not a figure of its own: no rank of 115, no score of 100
    assert not any(f.quantity.value in (115.0, 100.0) for f in facts if f.quantity.unit in ("rank", "points"))


# --- units stated once: in a header, a row label, or the sentence before the table ----------------------

UNITS = [
    """<p>Cargo handled, in tonnes.</p><table><tr><th>Measure</th><th>2026</th></tr>
    <tr><td>Cargo</td><td>31,180</td></tr></table>""",
    """<table><tr><th></th><th>Mar 2026</th></tr><tr><td>Cargo (tonnes)</td><td>31,180</td></tr></table>""",
    """<table><tr><th>Item</th><th>Cargo handled (tonnes)</th></tr>
    <tr><td>March</td><td>31,180</td></tr></table>""",
]


@pytest.mark.parametrize("body", UNITS, ids=["lead-sentence", "row-label", "column-header"])
def test_a_unit_stated_once_applies_to_every_cell(body: str) -> None:
    facts = facts_of(f"<h1>Harbourside Airport</h1>{body}", ["Harbourside Airport"])
    cargo = [f for f in facts if f.quantity.value == 31180]
    assert cargo and all(f.quantity.unit == "tonnes" for f in cargo)


@pytest.mark.parametrize(
    "lead",
    ["All scores are accuracy (%) at the highest setting.", "Accuracy in %.", "Results in percent."],
)
def test_a_sentence_naming_the_unit_before_a_table_gives_it_to_bare_cells(lead: str) -> None:
    body = f"""<h1>Evaluations</h1><p>{lead}</p>
    <table><tr><th>Eval</th><th>Kestrel 4</th><th>Kestrel 3</th></tr>
    <tr><td>NeedleSet</td><td>74.0</td><td>36.6</td></tr></table>"""
    facts = facts_of(body, ["Kestrel 4"])
    assert verdict(claim(74.0, "%", "Kestrel 4", "NeedleSet score"), facts) == "supported"


def test_a_sentence_without_a_unit_before_a_table_gives_its_cells_none() -> None:
    body = """<h1>League</h1><p>Samsung kept the top position this quarter.</p>
    <table><tr><th>Company</th><th>Shipments</th></tr><tr><td>Samsung</td><td>68.6</td></tr></table>"""
    assert all(f.quantity.unit != "rank" for f in facts_of(body, ["Samsung"]))


# --- rows that are part of the row above -------------------------------------------------------------------

PASSENGERS = "<tr><td>Passengers</td><td>2,412,530</td></tr>"
SUB_ROWS = [
    PASSENGERS + "<tr><td>– of which international</td><td>1,587,420</td></tr>",
    PASSENGERS + "<tr><td>of which: international</td><td>1,587,420</td></tr>",
    PASSENGERS + "<tr><td>- international</td><td>1,587,420</td></tr>",
]


@pytest.mark.parametrize("rows", SUB_ROWS, ids=["dash-of-which", "of-which-colon", "hyphen"])
def test_a_row_that_is_part_of_the_row_above_keeps_its_label(rows: str) -> None:
    body = f"<h1>Traffic, March 2026</h1><table><tr><th></th><th>Mar 2026</th></tr>{rows}</table>"
    facts = facts_of(body)
    international = next(f for f in facts if f.quantity.value == 1587420)
    assert "passengers" in (international.metric or "").lower()
    assert "international" in (international.metric or "").lower()


# --- a page of the subject's own site ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "title", ["Traffic statistics | Harbourside Airport", "Monthly traffic – Harbourside Airport"]
)
def test_figures_of_a_page_titled_with_its_site_owner_are_the_owners(title: str) -> None:
    body = f"""<html><head><title>{title}</title></head><body><h1>Traffic statistics</h1>
    <table><tr><th></th><th>Mar 2026</th></tr><tr><td>Terminal passengers</td><td>2,412,530</td></tr>
    </table></body></html>"""
    facts = facts_of(body, ["Harbourside Airport"], url="https://harbourside.example/stats")
    c = claim(2410000, "count", "Harbourside Airport", "passengers", "It handled 2.41 million passengers.")
    assert verdict(c, facts) == "supported"
    wrong = claim(2600000, "count", "Harbourside Airport", "passengers", "It handled 2.6 million passengers.")
    assert verdict(wrong, facts) == "contradicted"


# --- lists inside list items, and groups named by their kind ------------------------------------------------

NESTED = [
    "<ul><li>Passengers: 1.92 million, +7.0%;<ul><li>at its Harbourside base: 640,000, +12.3%;</li></ul>"
    "</li></ul>",
    "<ol><li>Passengers: 1.92 million<ol><li>Harbourside base: 640,000</li><li>other bases: 1.28 million</li>"
    "</ol></li></ol>",
    "<ul><li>Passengers carried: 1.92 million<ul><li>through Harbourside: 640,000</li></ul></li></ul>",
]


@pytest.mark.parametrize("body", NESTED, ids=["bulleted", "numbered", "through"])
def test_the_items_of_a_list_inside_an_item_are_parts_of_its_label(body: str) -> None:
    facts = facts_of(f"<h1>Northwind Air traffic, March 2026</h1>{body}", ["Northwind Air"])
    c = claim(640000, "count", "Northwind Air", "passengers at Harbourside", "It carried 640,000 passengers.")
    assert verdict(c, facts) == "supported"


GROUPS = [
    """<p>Figures are in thousands of vehicles.</p><table><tr><th>Fuel type</th><th>Q1 2026</th></tr>
    <tr><td>battery electric</td><td>48.2</td></tr><tr><td>plug-in hybrid</td><td>19.8</td></tr></table>""",
    """<table><caption>New car registrations, thousands</caption><tr><th>Powertrain</th><th>Q1 2026</th></tr>
    <tr><td>Battery-electric</td><td>48.2</td></tr><tr><td>Plug-in hybrid</td><td>19.8</td></tr></table>""",
]


@pytest.mark.parametrize("body", GROUPS, ids=["vehicles-lead", "car-caption"])
def test_a_group_named_with_its_kind_is_the_row_of_its_kind(body: str) -> None:
    facts = facts_of(f"<h1>New registrations, first quarter 2026</h1>{body}", ["battery-electric cars"])
    quote = "Battery-electric car registrations reached 48,200 in the first quarter of 2026."
    c = claim(48200, "count", "battery-electric cars", "registrations", quote)
    assert verdict(c, facts) == "supported"
    wrong = claim(52000, "count", "battery-electric cars", "registrations", quote.replace("48,200", "52,000"))
    assert verdict(wrong, facts) == "contradicted"


@pytest.mark.parametrize(
    ("heading", "value"),
    [
        ("<h2>68% of organizations have reached advanced GenAI adoption</h2>", 68.0),
        ("<h1>Smartphone Shipments Grow 3.1% in 1Q26 as Halcyon Extends Its Lead</h1>", 3.1),
        ("<h3>Revenue up 12% to $842 million in the third quarter</h3>", 842000000.0),
    ],
)
def test_a_headline_stating_a_figure_is_read_as_a_sentence(heading: str, value: float) -> None:
    facts = facts_of(f"<main>{heading}<p>More detail follows below.</p></main>")
    assert any(f.quantity.value == value for f in facts)


@pytest.mark.parametrize("heading", ["<h2>Top 5 vendors</h2>", "<h1>Cloud Spending Outlook 2026</h1>"])
def test_a_heading_naming_a_list_or_a_year_states_no_figure(heading: str) -> None:
    facts = facts_of(f"<main>{heading}<p>More detail follows below.</p></main>")
    assert not [f for f in facts if f.quantity.unit not in ("date",)]
