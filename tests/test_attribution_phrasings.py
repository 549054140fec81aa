"""Who is cited, over phrasings the first attribution rules missed: a common noun capitalised at a sentence's
start, possessed documents, "per" with a description, polls done for someone, unnamed documents, lists
under a lead-in line, and a headline restating the lead's figure. All sentences written for these tests."""

from __future__ import annotations

import pytest

import factcheck
from factcheck.models import Claim


def claim_of(text: str, value: float, *, scope: str | None = None) -> Claim:
    claims = factcheck.extract(text, scope=scope)
    found = [c for c in claims if c.quantity.value == pytest.approx(value)]
    assert found, [(c.quantity.text, c.quantity.value) for c in claims]
    return found[0]


def sources(text: str, value: float, *, scope: str | None = None) -> list[str]:
    return list(claim_of(text, value, scope=scope).sources)


CENSUS = "Farm output rose 2.4% last year, according to the annual census of the Lakeland Rural Office.\n\n"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Dairy and poultry saw the strongest growth, with output up 6.1% and 4.9% respectively.", 6.1),
        ("Forestry saw the steepest fall, with felling down 8.3% on the year.", 8.3),
        ("Horticulture and viticulture recorded the sharpest gains, with sales up 5.5%.", 5.5),
    ],
)
def test_a_common_noun_opening_a_sentence_is_no_organisation(text: str, value: float) -> None:
    found = sources(CENSUS + text, value)
    assert found == ["Lakeland Rural Office"]
    assert sources(text, value) == []


@pytest.mark.parametrize(
    "later",
    [
        "Nine in ten of the farms surveyed expect prices to rise, the census found.",
        "Nine in ten of the farms expect prices to rise, said Professor Ilse Varga, who chairs the office.",
    ],
)
def test_a_sentence_opening_noun_does_not_override_later_cues(later: str) -> None:
    text = CENSUS + "Forestry saw the steepest fall, with felling down 8.3%.\n\n" + later
    assert sources(text, 90) == ["Lakeland Rural Office"]


@pytest.mark.parametrize(
    "text",
    [
        "Ticketing platform Fanpass's data showed that 31% of tickets went to new customers.",
        "Fanpass's latest quarterly figures showed that 31% of tickets went to new customers.",
        "Booking app Fanpass's survey found that 31% of tickets went to new customers.",
        "31% of tickets went to new customers, Fanpass's data show.",
    ],
)
def test_an_organisations_document_reports_for_it(text: str) -> None:
    assert sources(text, 31) == ["Fanpass"]


@pytest.mark.parametrize(
    "recorded",
    [
        "The agency's surveillance data recorded 146 cases in the first five months.",
        "The agency's weekly bulletin logged 146 cases in the first five months.",
    ],
)
def test_a_document_that_records_reports_for_its_owner(recorded: str) -> None:
    text = "Vaccination rates fell again, the Morland Health Agency said on Monday.\n\n" + recorded
    assert sources(text, 146, scope="paragraph") == ["Morland Health Agency"]


def test_an_organisation_recording_a_result_is_what_the_figure_is_about() -> None:
    text = "Brightwell notes that Kestrel Audio recorded its highest growth, with sales up 14%."
    assert sources(text, 14) == ["Brightwell"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Per the builders' federation BHF, the average time from planning permit to first brick has come "
            "down to 7 months, from 11 months.",
            "BHF",
        ),
        (
            "Per the growers' cooperative VFC, the typical time from planting to harvest is now 7 months, "
            "against 9 months in 2020.",
            "VFC",
        ),
        ("Per the nurses' union NRU, the average wait from referral to appointment rose to 7 weeks.", "NRU"),
        ("Per the hauliers' body RHB, the average delay at the border has fallen to 7 hours.", "RHB"),
        ("According to the regulator Ofmarch, complaints rose 7% in the year.", "Ofmarch"),
    ],
)
def test_per_or_according_to_with_a_description_before_the_name(text: str, expected: str) -> None:
    assert sources(text, 7) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A poll of 1,020 parents for the children's charity Little Lanterns found that 17% had waited.",
            "Little Lanterns",
        ),
        (
            "A survey of 2,400 drivers for the motoring group Roadwise found that 17% had skipped a service.",
            "Roadwise",
        ),
        (
            "A poll of 800 tenants for the housing charity Homefront found that 17% were in arrears.",
            "Homefront",
        ),
    ],
)
def test_a_poll_done_for_an_organisation_is_its_own(text: str, expected: str) -> None:
    assert sources(text, 17) == [expected]


EARLIER = "Economists had expected a reading of 3.3%, per a Weekly Ledger poll of 24 forecasters.\n\n"


@pytest.mark.parametrize(
    "text",
    [
        "Average monthly earnings rose 6.4% in the first quarter, according to figures released in April.",
        "Average monthly earnings rose 6.4% in the first quarter, according to a report.",
        "Data published last week show that average monthly earnings rose 6.4% in the first quarter.",
    ],
)
def test_an_unnamed_source_is_not_filled_with_an_earlier_one(text: str) -> None:
    assert sources(EARLIER + text, 6.4) == []
    assert sources(EARLIER + text, 6.4, scope="paragraph") == []


def test_a_document_with_its_maker_named_still_cites_it() -> None:
    text = (
        EARLIER + "Figures compiled by the Norland Wage Board showed average earnings rose 6.4% in the year."
    )
    assert sources(text, 6.4) == ["Norland Wage Board"]


LIST_PAGE = (
    "<article><h1>Starts rise in March</h1>"
    "<p>Builders broke ground on 18,640 homes in March, up 6.2% from February, {cue}.</p>"
    "<p>The seasonally adjusted annual rate came to 223,700.</p>"
    "<p>{lead_in}</p>"
    "<p>Detached houses: 6,120, down 2.1%</p>"
    "<p>Apartments: 7,540, up 15.8%</p>"
    "<p>My own rough sums, for what they're worth:</p>"
    "<p>Starts are running about 11% above their ten-year average</p>"
    "</article>"
)


@pytest.mark.parametrize(
    "cue",
    [
        "going by the latest release from the Norland Statistics Office",
        "judging by the monthly figures of the Norland Statistics Office",
        "according to the Norland Statistics Office",
    ],
)
@pytest.mark.parametrize(
    "lead_in", ["Here's the breakdown by type of home:", "By type of home, the figures were:"]
)
def test_the_lead_carries_into_the_next_paragraph_and_a_list_under_a_lead_in(cue: str, lead_in: str) -> None:
    page = LIST_PAGE.format(cue=cue, lead_in=lead_in)
    for value in (18640, 223700, 6120, 2.1, 15.8):
        assert sources(page, value) == ["Norland Statistics Office"], value
    assert sources(page, 11) == []  # a list under the writer's own lead-in is the writer's
    assert sources(page, 2.1, scope="paragraph") == []


@pytest.mark.parametrize(
    ("headline", "body", "value"),
    [
        (
            "Norland's inflation eases to 2.8% as fuel costs fall",
            "Consumer price inflation in Norland slowed to 2.8% in May, the Norland Statistics Office said.",
            2.8,
        ),
        (
            "Dravia's unemployment rate falls to 5.1%",
            "The unemployment rate in Dravia fell to 5.1% in June, the Dravian Labour Office said.",
            5.1,
        ),
    ],
)
def test_a_headline_restating_a_figure_is_one_claim_with_the_bodys_source(
    headline: str, body: str, value: float
) -> None:
    claims = factcheck.extract(f"<article><h1>{headline}</h1><p>{body}</p></article>")
    same = [c for c in claims if c.quantity.value == pytest.approx(value)]
    assert len(same) == 1
    assert same[0].sources
    assert len(same[0].mentions) == 2


@pytest.mark.parametrize(
    ("headline", "body", "value", "source"),
    [
        (
            "Grid operator sees thinner margins but says blackouts unlikely",
            "Peak demand is expected to reach 58.4 gigawatts this winter, Voltera, the national grid "
            "operator, said on Thursday.",
            58.4,
            "Voltera",
        ),
        (
            "Rail regulator says punctuality slipped",
            "Only 81% of trains arrived on time in March, the Office of Rail Standards said.",
            81,
            "Office of Rail Standards",
        ),
        (
            "Water company says leaks are falling",
            "Leakage fell 12% last year, Brookmere Water said in its annual report.",
            12,
            "Brookmere Water",
        ),
    ],
)
def test_a_headline_kind_of_organisation_is_no_name_of_one(
    headline: str, body: str, value: float, source: str
) -> None:
    text = f"<article><h1>{headline}</h1><p>{body}</p></article>"
    assert sources(text, value) == [source]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Headache was the most frequent complaint, reported by 4% of users.", 4),
        ("Nausea was the main side effect, reported by 9% of patients on the higher dose.", 9),
        ("Back pain was the commonest reason for absence, cited by 31% of employers.", 31),
    ],
)
def test_the_subject_of_a_passive_participle_with_its_own_agent_reports_nothing(
    text: str, value: float
) -> None:
    assert sources(f"<article><p>{text}</p></article>", value) == []


@pytest.mark.parametrize(
    ("text", "value", "source"),
    [
        (
            "Peak demand will reach 58.4 gigawatts this winter, Voltera, the national grid operator, said.",
            58.4,
            "Voltera",
        ),
        (
            "Exports rose 7.5% in June, Halvard Ports, the country's biggest port operator, said.",
            7.5,
            "Halvard Ports",
        ),
        (
            "Occupancy averaged 71% over the summer, Lovria Hotels, an industry group, reported.",
            71,
            "Lovria Hotels",
        ),
    ],
)
def test_a_speaker_with_a_description_in_apposition_after_the_figure_is_cited(
    text: str, value: float, source: str
) -> None:
    assert sources(f"<article><p>{text}</p></article>", value) == [source]


@pytest.mark.parametrize(
    ("text", "value", "source"),
    [
        (
            "Analysts at Merrow Capital reckon electric cars will take 31% of the market this year.",
            31,
            "Merrow Capital",
        ),
        (
            "Strategists at Halden Securities reckon the index will end the year 8% higher.",
            8,
            "Halden Securities",
        ),
        ("Brokers at Vantor Partners reckon margins will widen to 12%.", 12, "Vantor Partners"),
    ],
)
def test_a_verb_of_reporting_the_tagger_read_as_a_noun_still_cites_the_organisation_before_it(
    text: str, value: float, source: str
) -> None:
    assert sources(f"<article><p>{text}</p></article>", value) == [source]
