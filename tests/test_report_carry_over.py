"""How far a report's lead attribution reaches, over phrasings the carry-over first stopped at: a document
"from" an organisation named with its acronym, the prose right after a list under the lead, and the
writer's own figures that share only a time expression with the source's. All sentences written for these
tests; every name is invented."""

from __future__ import annotations

import pytest

import factcheck


def sources_of(text: str, value: float, scope: str | None = None) -> list[str]:
    claims = factcheck.extract(text, scope=scope)
    found = [c for c in claims if c.quantity.value == pytest.approx(value)]
    assert found, [(c.quantity.text, c.quantity.value) for c in claims]
    return list(found[0].sources)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Rents climbed 6.2% in the year to March, figures from the Tarvish Housing Council (THC) show.",
            "Tarvish Housing Council",
        ),
        (
            "Exports grew 6.2% last year, statistics from the Morvane Trade Office show.",
            "Morvane Trade Office",
        ),
        (
            "Ferry traffic rose 6.2% in May, data from the Quellin Port Authority (QPA) show.",
            "Quellin Port Authority",
        ),
    ],
)
def test_a_document_from_an_organisation_named_with_its_acronym_cites_it(
    sentence: str, expected: str
) -> None:
    assert sources_of(sentence, 6.2) == [expected]


LEAD = (
    "Bicycle sales in the region fell 11% in October to 84,000 bikes, according to market tracker Velometric."
    "\n\n"
)


@pytest.mark.parametrize(
    "after",
    [
        "Accessories did better, edging up 2.7% to 96 million euros over the month.",
        "Spending on subscriptions held steady, slipping 2.7% to 96 million euros.",
        "Online orders climbed instead, gaining 2.7% as buyers waited for discounts.",
    ],
)
def test_the_first_prose_after_a_list_under_the_lead_goes_on_with_the_lead(after: str) -> None:
    text = LEAD + "The best sellers were:\n\nTrailhawk 3: 12,000 units\n\nCitylane S: 9,500 units\n\n" + after
    assert sources_of(text, 2.7) == ["Velometric"]


@pytest.mark.parametrize(
    "own",
    [
        "The Trailhawk 3 launched at 899 euros two years ago; most shops now sell it for 749 euros.",
        "The Citylane S went on sale at 899 euros last year, and dealers now ask 749 euros.",
    ],
)
def test_the_writers_prices_sharing_only_a_time_expression_are_not_the_sources(own: str) -> None:
    text = (
        LEAD + "Electric bikes made up a record 31% of the bikes sold over the month.\n\n"
        "Research firm Dunmore estimated that riders would buy 2.3 million bikes by the end of next year.\n\n"
        + own
    )
    assert sources_of(text, 2.3e6) == ["Dunmore"]
    assert sources_of(text, 899) == []
    assert sources_of(text, 749) == []


@pytest.mark.parametrize(
    ("speaker", "org"),
    [
        ("Marta Ilves, head of distribution at Halcyon Pictures", "Halcyon Pictures"),
        ("Oren Talvik, director of research at Brightwell Analytics", "Brightwell Analytics"),
        ("Sunniva Holt, chief economist at Granmoor Bank", "Granmoor Bank"),
    ],
)
def test_a_person_with_an_office_at_an_organisation_speaks_for_it_later_too(speaker: str, org: str) -> None:
    text = (
        f"“We expected a strong start, but not this strong,” said {speaker}. "
        "Advance bookings were running 40% ahead of last week's, she said."
    )
    assert sources_of(text, 40) == [org]


@pytest.mark.parametrize(
    "sentence",
    [
        "The authority's drive tests, carried out along 9,000 kilometres of roads, found that calls dropped "
        "on 4.6% of attempts.",
        "The authority's field survey, carried out in 40 villages, found that 4.6% of homes had no signal.",
        "The authority's audit, completed in March, showed that 4.6% of masts were out of service.",
    ],
)
def test_a_document_with_a_participle_set_off_after_it_still_reports(sentence: str) -> None:
    text = "The Velland Telecoms Authority published its annual report on Tuesday.\n\n" + sentence
    assert sources_of(text, 4.6, scope="paragraph") == ["Velland Telecoms Authority"]
