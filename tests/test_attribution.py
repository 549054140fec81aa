"""Who an article cites for each figure: cues, their reach, references, people, quotations, links, and
what is never a source. Each behaviour is pinned over several phrasings (all written for these tests)."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.models import Claim


def figure(text: str, value: float, *, scope: str | None = None) -> Claim:
    """The claim of ``text`` whose figure has ``value``."""
    article = factcheck.parse_article(text)
    from factcheck.claims.extract import extract_claims
    from factcheck.nlp import load
    from factcheck.sources.registry import Registry

    claims = extract_claims(article, load(), Registry.load(), scope=scope)
    found = [c for c in claims if c.quantity.value == pytest.approx(value)]
    assert found, [(c.quantity.text, c.quantity.value) for c in claims]
    return found[0]


def sources(text: str, value: float, *, scope: str | None = None) -> list[str]:
    return list(figure(text, value, scope=scope).sources)


@pytest.mark.parametrize(
    "text",
    [
        "Shipments of smart speakers fell 6% in the quarter, Brightwell reckons.",
        "Brightwell has estimated that shipments of smart speakers fell 6% in the quarter.",
        "Shipments of smart speakers fell 6% in the quarter, Brightwell stated on Friday.",
        "Brightwell had forecast that shipments of smart speakers would fall 6% this quarter.",
        "Shipments of smart speakers will fall 6% this year, Brightwell predicts.",
        "Brightwell is projecting that shipments of smart speakers fall 6% in the quarter.",
        "Shipments of smart speakers fell 6% in the quarter, as Brightwell noted in its update.",
    ],
)
def test_a_verb_of_reporting_in_any_tense_and_place_cites_its_subject(text: str) -> None:
    assert sources(text, 6) == ["Brightwell"]


@pytest.mark.parametrize(
    "text",
    [
        "Two in five renters had moved in the past year, according to a survey conducted by Marlow Polling.",
        "A survey carried out by Marlow Polling found that 40% of renters had moved in the past year.",
        "Marlow Polling's data show that 40% of renters had moved in the past year.",
        "40% of renters had moved in the past year, according to Marlow Polling.",
        "40% of renters had moved in the past year, per Marlow Polling.",
        "Figures from Marlow Polling show that 40% of renters had moved in the past year.",
        "The Marlow Polling tracker puts the share of renters who moved in the past year at 40%.",
    ],
)
def test_an_organisation_as_agent_possessor_or_object_of_a_citing_preposition(text: str) -> None:
    assert sources(text, 40) == ["Marlow Polling"]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the cue covers the other sentences of its paragraph ...
        ("Pelican Freight said volumes rose 8% in May. Rail volumes grew 3%.", 3, ["Pelican Freight"]),
        ("Rail volumes grew 3% in May. Road volumes rose 8%, Pelican Freight said.", 3, ["Pelican Freight"]),
        # ... but not another paragraph
        ("Pelican Freight said volumes rose 8% in May.\n\nRail volumes grew 3% in May.", 3, []),
        # a person's later remark sources nothing before it
        ("Rail volumes grew 3% in May. “We are pleased,” chief executive Dana Holt said.", 3, []),
        # nor does the writer's own count
        ("Pelican Freight said volumes rose 8% in May. By our count, 14 lines were added.", 14, []),
    ],
)
def test_an_attribution_reaches_its_paragraph(text: str, value: float, expected: list[str]) -> None:
    assert sources(text, value, scope="paragraph") == expected


REPORT = (
    "<h1>Ferry traffic climbs</h1>"
    "<p>Passenger numbers on the Sound's ferries rose 9.4% last year to 31.2 million, according to the "
    "annual statistics of the Harbour Transit Board.</p>"
    "<p>Car crossings grew 4.1% to 6.8 million, and freight crossings were flat at 1.9 million.</p>"
    "<p>The northern route carried 12.6 million passengers in 2025.</p>"
    "<p>Shares in Ferrylink, the main operator, rose 2.2% in early trading.</p>"
    "<p>By our count, the crossing now takes 14 minutes longer than it did in 2015.</p>"
    "<p>Separately, the consultancy Tidewater estimates that traffic will grow by 3% a year until 2030.</p>"
    "<p>Commuters made up 58% of the traffic on the eastern route last year.</p>"
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (4.1, ["Harbour Transit Board"]),  # the next paragraph goes on reporting the statistics
        (1.9e6, ["Harbour Transit Board"]),
        (12.6e6, ["Harbour Transit Board"]),
        (2.2, []),  # market data
        (14, []),  # the writer's own
        (3, ["Tidewater"]),  # another source named
        (58, ["Tidewater"]),  # ... which then carries on
    ],
)
def test_a_reports_lead_attribution_carries_over_until_another_source(
    value: float, expected: list[str]
) -> None:
    assert sources(REPORT, value, scope="article") == expected


def test_the_lead_does_not_carry_over_in_paragraph_scope() -> None:
    assert sources(REPORT, 4.1, scope="paragraph") == []


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        (
            "Market tracker Orrin Data counted 4.4 million tablets shipped. Sales rose 7%, the tracker said.",
            7,
            ["Orrin Data"],
        ),
        (
            "Zeller Chips reported revenue of $2.1 billion. The chipmaker said margins reached 48%.",
            48,
            ["Zeller Chips"],
        ),
        (
            "The Tanner Institute published its annual review on Monday. The report said exports fell 5%.",
            5,
            ["Tanner Institute"],
        ),
        (
            "The Dairy Farmers Association met on Monday. The association said milk prices fell 4%.",
            4,
            ["Dairy Farmers Association"],
        ),
        (
            "Ardent Homes reported results on Monday. “Orders grew 12%,” said Nia Patel, its finance chief. "
            "Ms. Patel added that the backlog had reached 3,400 homes.",
            3400,
            ["Ardent Homes"],
        ),
    ],
)
def test_back_references_stand_for_the_organisation_named_before(
    text: str, value: float, expected: list[str]
) -> None:
    assert sources(text, value) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Wages rose 3.2%, said Omar Reyes, an economist at Kelvin Partners.",
        "Kelvin Partners chief economist Omar Reyes said wages rose 3.2%.",
        "Wages rose 3.2%, according to Omar Reyes, chief economist of Kelvin Partners.",
        "“Wages rose 3.2%,” said Omar Reyes, who leads the research team at Kelvin Partners.",
    ],
)
def test_a_person_speaks_for_their_organisation(text: str) -> None:
    assert sources(text, 3.2) == ["Kelvin Partners"]


@pytest.mark.parametrize(
    "text",
    [
        "“Our occupancy reached 91% in July,” said Lena Ortiz, a spokeswoman for Crescent Hotels.",
        "Crescent Hotels spokeswoman Lena Ortiz said: “Our occupancy reached 91% in July.”",
        "“Occupancy reached 91% in July, the best month we have had,” Crescent Hotels said in a statement.",
    ],
)
def test_a_figure_in_a_quotation_belongs_to_the_speaker(text: str) -> None:
    assert sources(text, 91) == ["Crescent Hotels"]


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        # the subject a figure is about
        ("Lenovo ranked first with 24% of shipments, according to Orrin Data.", 24, ["Orrin Data"]),
        ("Northvale took 31% of the market, Orrin Data estimates.", 31, ["Orrin Data"]),
        # a product or model
        ("On the leaderboard of open models, Kestrel-7 ranked third of 42 entries.", 3, []),
        ("The Vireo X2 sold 1.2 million units in its first month.", 1.2e6, []),
        # a group alone
        ("Analysts said the merger would save 400 jobs a year.", 400, []),
        ("Economists expect growth of 1.4% this year.", 1.4, []),
    ],
)
def test_what_is_not_a_source(text: str, value: float, expected: list[str]) -> None:
    assert sources(text, value) == expected


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        (
            "Kestrel Foods reported revenue of $3.1 billion, above the $2.9 billion analysts had expected, "
            "according to LSEG data.",
            2.9e9,
            ["LSEG"],
        ),
        (
            "Kestrel Foods reported revenue of $3.1 billion, above the $2.9 billion analysts had expected, "
            "according to LSEG data.",
            3.1e9,
            ["Kestrel Foods"],
        ),
        ("Kestrel Foods earned $1.10 a share; analysts polled by LSEG had expected $1.02.", 1.02, ["LSEG"]),
        (
            "Kestrel Foods said it earned $1.10 a share, beating the $1.02 analysts had pencilled in.",
            1.02,
            [],
        ),
    ],
)
def test_a_company_is_not_the_source_of_the_consensus_it_beat(
    text: str, value: float, expected: list[str]
) -> None:
    assert sources(text, value) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p>Rents rose 5.5% in a year, according to <a href="https://www.lettingsindex.example/march">'
            "the latest index</a>.</p>",
            ["Lettingsindex"],
        ),
        (
            '<p>Rents rose 5.5% in a year (<a href="https://harbour-analytics.example/rents">source</a>).</p>',
            ["Harbour Analytics"],
        ),
        (
            '<p>Rents rose 5.5% in a year, figures from <a href="https://harbour-analytics.example/rents">'
            "Harbour Analytics</a> show.</p>",
            ["Harbour Analytics"],
        ),
    ],
)
def test_a_hyperlink_in_the_sentence_cites_the_owner_of_its_domain(html: str, expected: list[str]) -> None:
    claim = figure(html, 5.5)
    assert list(claim.sources) == expected
    assert claim.links


@pytest.mark.parametrize(
    "text",
    [
        "LISBON, March 3 (Coastline Wire) - Marisco Foods reported revenue of €820 million on Tuesday.",
        "LISBON—March 3, 2026—Marisco Foods today reported revenue of €820 million.",
    ],
)
def test_a_datelines_place_is_never_the_source(text: str) -> None:
    assert sources(text, 820e6) == ["Marisco Foods"]
