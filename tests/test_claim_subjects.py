"""Who a figure is about and what it measures, through the public API, for phrasings outside the founding
article: an organisation stating its own figures, a subject with a clause attached, "revenue of $X", and a
second clause with its own measure."""

from __future__ import annotations

import pytest

import factcheck


def claim_for(text: str, value: float) -> factcheck.models.Claim:
    claims = [c for c in factcheck.extract(text) if c.quantity.value is not None]
    found = [c for c in claims if abs(c.quantity.value - value) <= 1e-6 * max(1.0, abs(value))]
    assert found, [c.to_dict() for c in claims]
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        (
            "Corvane Textiles reported revenue of $512 million for the quarter, according to its results.",
            512e6,
            "Corvane Textiles",
        ),
        (
            "Pellwick Rail carried 3.2 million passengers in June, the operator said in a statement.",
            3.2e6,
            "Pellwick Rail",
        ),
        (
            "Ostra Mining produced 41,000 tonnes of copper last year, according to its annual report.",
            41000,
            "Ostra Mining",
        ),
        ("Halvard Bank posted a profit of €1.8 billion, the bank said.", 1.8e9, "Halvard Bank"),
    ],
)
def test_an_organisation_stating_its_own_figure_is_its_subject(text: str, value: float, subject: str) -> None:
    claim = claim_for(text, value)
    assert claim.subject == subject
    assert claim.sources  # and it stays the source


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        (
            "Corvane Textiles reported revenue of $512 million. "
            "Its operating margin widened to 11.2%, Corvane said.",
            11.2,
            "Corvane Textiles",
        ),
        (
            "Pellwick Rail carried 3.2 million passengers, the operator said. Its punctuality was 88%.",
            88,
            "Pellwick Rail",
        ),
    ],
)
def test_its_after_an_organisations_own_figure_is_that_organisation(
    text: str, value: float, subject: str
) -> None:
    assert claim_for(text, value).subject == subject


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        (
            "The Pellwick Rail Company, which runs the northern lines, put its punctuality at 88%.",
            88,
            "Pellwick Rail Company",
        ),
        (
            "Ostra Mining, the country's largest copper producer, mined 41,000 tonnes in May, "
            "the company said.",
            41000,
            "Ostra Mining",
        ),
        (
            "Halvard Bank, whose lending book has shrunk, made 12,400 new loans, the bank said.",
            12400,
            "Halvard Bank",
        ),
    ],
)
def test_a_clause_attached_to_the_subject_is_no_part_of_it(text: str, value: float, subject: str) -> None:
    assert claim_for(text, value).subject == subject


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        ("Corvane Textiles reported revenue of $512 million, according to its results.", 512e6, "revenue"),
        ("Halvard Bank posted a net profit of €1.8 billion, the bank said.", 1.8e9, "net profit"),
        (
            "Ostra Mining reported like-for-like output growth of 3.5%, according to its update.",
            3.5,
            "like-for-like output growth",
        ),
        ("That is a cut of £48 on the current tariff, the regulator said.", 48, "cut"),
    ],
)
def test_the_noun_a_figure_is_of_is_its_metric(text: str, value: float, metric: str) -> None:
    assert claim_for(text, value).metric == metric


@pytest.mark.parametrize(
    ("text", "value", "word"),
    [
        (
            "Passenger numbers rose to 1.6 million, the authority said, while freight volumes fell 3%.",
            3,
            "freight",
        ),
        (
            "Sales of bread jumped 2.1% in the month, while dairy sales dropped 3.5%, the office said.",
            3.5,
            "dairy",
        ),
        (
            "Exports grew 5% last year, whereas imports shrank 2%, according to the customs office.",
            2,
            "imports",
        ),
    ],
)
def test_a_second_clause_with_its_own_measure_keeps_it(text: str, value: float, word: str) -> None:
    assert word in (claim_for(text, value).metric or "").lower()


@pytest.mark.parametrize(
    ("text", "value", "metric"),
    [
        ("Its operating margin widened to 14.1%, Corvane said.", 14.1, "operating margin"),
        ("The vacancy rate climbed to 6.3%, the agency said.", 6.3, "vacancy rate"),
        ("Average fares rose to €42, according to the operator.", 42, "Average fares"),
    ],
)
def test_what_rose_or_fell_to_a_level_is_its_metric(text: str, value: float, metric: str) -> None:
    assert claim_for(text, value).metric == metric


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("Prices in Lowmarsh fell 1.4% over the year, the statistics office said.", 1.4, "Lowmarsh"),
        ("Sales at garden centres jumped 6.2% in May, according to the trade body.", 6.2, "garden centres"),
        ("Footfall on retail parks was 3% higher than a year earlier, the council said.", 3, "retail parks"),
        ("Rents across the capital rose 5.5%, according to the letting agency.", 5.5, "capital"),
    ],
)
def test_a_measure_in_a_place_or_group_is_about_that_place_or_group(
    text: str, value: float, subject: str
) -> None:
    assert claim_for(text, value).subject == subject


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        (
            "The typical household that pays by card will pay £1,720 a year, the regulator said.",
            1720,
            "typical household",
        ),
        (
            "Commuters spent an average of 58 minutes a day travelling, according to the survey.",
            58,
            "Commuters",
        ),
        ("Small farms lost 12% of their income, the ministry said.", 12, "Small farms"),
    ],
)
def test_an_unnamed_subject_that_does_what_the_figure_says_is_the_subject(
    text: str, value: float, subject: str
) -> None:
    assert claim_for(text, value).subject == subject


@pytest.mark.parametrize(
    "text",
    [
        "The company employs about 4,300 people, the group said.",
        "Analysts expect revenue of $2.1 billion, according to the survey.",
        "Net income rose 12% from a year earlier, the company said.",
    ],
)
def test_a_measure_or_a_stand_in_for_an_organisation_is_no_subject(text: str) -> None:
    claims = factcheck.extract(text)
    assert claims and all(c.subject is None for c in claims), [c.to_dict() for c in claims]


@pytest.mark.parametrize(
    ("text", "level", "change"),
    [
        ("Toy makers shipped 41 million dolls in the year, up 2.5% from 2024, the tracker said.", 41e6, 2.5),
        ("Growers harvested 1.2 million tonnes of apples, up 4% on last season, the board said.", 1.2e6, 4),
        ("Bakers sold 90,000 loaves in the week, down 6% on the week before, the guild said.", 90000, 6),
    ],
)
def test_a_change_after_what_someone_did_measures_what_they_did(
    text: str, level: float, change: float
) -> None:
    measured = claim_for(text, level).metric or ""
    assert measured and (claim_for(text, change).metric or "").startswith(measured)


@pytest.mark.parametrize(
    ("text", "value", "subject", "metric"),
    [
        ("Consumer price inflation in Norland slowed to 2.8% in May.", 2.8, "Norland", "inflation"),
        ("Wage growth in Ostmark accelerated to 4.1% in the second quarter.", 4.1, "Ostmark", "wage growth"),
        ("Retail sales in Ostmark rose 2.1% in May.", 2.1, "Ostmark", "retail sales"),
        ("Average house prices in Eastmoor rose 3.9% in March.", 3.9, "Eastmoor", "house prices"),
        ("Core inflation in the euro area eased to 2.6% last month.", 2.6, "euro area", "inflation"),
    ],
)
def test_a_measure_that_moves_in_a_place_is_about_the_place_and_measures_itself(
    text: str, value: float, subject: str, metric: str
) -> None:
    claim = claim_for(f"<article><p>{text}</p></article>", value)
    assert claim.subject is not None and subject in claim.subject
    assert claim.metric is not None and metric in claim.metric
    assert subject not in claim.metric


@pytest.mark.parametrize(
    ("text", "value", "when"),
    [
        ("Passenger traffic at Halden airport climbed 6% last year.", 6, "last year"),
        ("Core inflation in the euro area eased to 2.6% last month.", 2.6, "last month"),
        ("Shipments of heat pumps grew 14% this quarter.", 14, "this quarter"),
    ],
)
def test_the_time_after_a_figure_is_not_what_it_measures(text: str, value: float, when: str) -> None:
    claim = claim_for(f"<article><p>{text}</p></article>", value)
    assert claim.metric is None or when not in claim.metric
