"""Which numbers state claims: every figure of a list, figures that share a unit, values without a unit,
and what is no claim (dates, reference periods, identifiers, qualifiers, statistics, chrome). Phrasings
written for these tests; each behaviour over several of them."""

from __future__ import annotations

import pytest

import factcheck


def values(text: str) -> list[float | None]:
    return [
        c.quantity.value if c.quantity.value is not None else c.quantity.low for c in factcheck.extract(text)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The fastest median download speeds came from Norlink at 201.5 Mbps. Westcom was at 198.2 Mbps, "
            "Tidal at 187.4 Mbps, Crestnet at 176.9 Mbps and Arden Fibre at 170.3 Mbps.",
            [201.5, 198.2, 187.4, 176.9, 170.3],
        ),
        (
            "The survey showed 41 percent would vote yes, 37 percent would vote no, 9 percent would not vote "
            "and 13 percent were undecided.",
            [41, 37, 9, 13],
        ),
        (
            "Regionally, sales rose in Europe (12.5%), Asia (9.1%), the Americas (7.7%) and Africa (3.2%).",
            [12.5, 9.1, 7.7, 3.2],
        ),
        ("Harlow and Bexmoor reported sales of 6,120 and 5,880 units, respectively.", [6120, 5880]),
    ],
)
def test_every_figure_of_a_sentence_or_list_is_found(text: str, expected: list[float]) -> None:
    assert values(text) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Payroll employment for March was revised down by 64,000.", 64000),
        ("The jobless total rose 112,000 to 2.4 million in June.", 112000),
        ("Unemployment fell by 1,250,000 in the region and by 830,000 in the capital.", 830000),
        ("Employment in the two months combined was 41,000 lower than first reported.", 41000),
        ("The composite index stood at 53.7 in May.", 53.7),
        ("After adjusting for age, the odds ratio was 0.82 (95% confidence interval 0.71 to 0.95).", 0.82),
        # a labelled value in a list item, with its change beside it
        ("Detached houses: 6,120, down 2.1%", 6120),
        ("Arrivals by sea: 14,300 (up 6%)", 14300),
        ("Semi-detached and terraced: 4,980, up 4.4% on the year", 4980),
        # an exchange rate
        ("The vesk was little changed, trading at 4.12 to the euro at noon.", 4.12),
        ("The lira weakened to 32.5 per dollar on Monday.", 32.5),
        ("The currency slid past 156 against the dollar.", 156),
    ],
)
def test_a_value_without_a_unit_is_a_claim_when_it_is_the_value_of_a_measure(text: str, value: float) -> None:
    assert value in values(text)


@pytest.mark.parametrize(
    "text",
    [
        "Over a 24-hour span, the service handled 3.1 million requests.",
        "In the previous 12 months, 44% of buyers switched brands.",
        "Within the first 48 hours, the app was downloaded 2 million times.",
        "The 10-year bond yield was 4.2% on Friday.",
        "Over the past two years, revenue grew 38%.",
    ],
)
def test_a_reference_period_is_no_claim(text: str) -> None:
    units = {c.quantity.unit for c in factcheck.extract(text)}
    assert not units & {"hours", "months", "years", "days"}, units
    assert factcheck.extract(text)  # the figure the period frames is still found


@pytest.mark.parametrize(
    ("text", "not_claim"),
    [
        ("Published 6:40 AM, March 12, 2026", None),
        ("WASHINGTON—June 2, 2026—Retail sales rose 0.6% in May, the department said.", None),
        ("Prices were 12% above 2019 levels in the first half of 2026.", 2019),
        ("See page 14 of the filing: sales rose 9%.", 14),
        ("A third of people aged 65 and over used the service, up from a fifth.", 65),
        ("Two-thirds of those under 30 said they shop online weekly.", 30),
        ("The rate was 7.1 per 100,000 residents.", 100000),
        ("The stock fell 3% by 1430 GMT.", 1430),
        ("(1,204 comments)", 1204),
    ],
)
def test_dates_identifiers_qualifiers_and_chrome_are_no_claims(text: str, not_claim: float | None) -> None:
    claims = factcheck.extract(text)
    assert not any(c.quantity.unit == "date" for c in claims)
    if not_claim is not None:
        assert not_claim not in [c.quantity.value for c in claims]


@pytest.mark.parametrize(
    "text",
    [
        "If 100 households switched, about 12 would save money.",
        "Suppose a team of 8 spends 3 hours a week on reports.",
        "Set the thermostat to 19 degrees and wait 20 minutes.",
        "Is the new phone really 30% faster?",
    ],
)
def test_suppositions_instructions_and_questions_state_no_claim(text: str) -> None:
    assert factcheck.extract(text) == []


def test_a_poll_result_in_the_conditional_is_still_reported() -> None:
    text = "The Marlow poll showed that 52 percent would back the plan and 31 percent would oppose it."
    assert values(text) == pytest.approx([52, 31])


def test_a_paragraph_longer_than_the_pipeline_takes_is_read_in_pieces() -> None:
    from factcheck.claims.extract import extract_claims
    from factcheck.nlp import load
    from factcheck.sources.registry import Registry

    nlp = load()
    sentence = "Rail freight volumes rose 4.5% in the quarter, according to Pelican Freight. "
    text = sentence * 40 + "Road freight volumes fell 2.5% in the quarter, according to Pelican Freight."
    article = factcheck.parse_article(text)
    limit = nlp.max_length
    nlp.max_length = 1000  # far shorter than the one paragraph
    try:
        claims = extract_claims(article, nlp, Registry.load())
    finally:
        nlp.max_length = limit
    last = next(c for c in claims if c.quantity.value == pytest.approx(2.5))
    assert list(last.sources) == ["Pelican Freight"]
    assert article.text[last.quantity.start : last.quantity.end] == last.quantity.text


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Tuition fees, capped at 9,250 crowns a year, have not risen since 2017.", 9250),
        ("Parking charges, set at 4 euros an hour, will rise in May.", 4),
        ("The levy, fixed at 2% of payroll, raised 3 billion crowns.", 2),
    ],
)
def test_a_figure_in_a_clause_set_off_by_commas_is_a_claim(text: str, value: float) -> None:
    assert value in values(text)


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("The cost of shipping a 40-foot container from Asia fell 7% this week to $2,860.", 40),
        ("Aid groups handed out 20-litre jerrycans to 5,000 families.", 20),
        ("A 12-inch pizza now costs $14 at the chain.", 12),
    ],
)
def test_a_hyphenated_size_before_its_noun_names_a_kind_not_a_claim(text: str, size: float) -> None:
    found = values(text)
    assert size not in found
    assert found  # the figures the sentence reports are still found
