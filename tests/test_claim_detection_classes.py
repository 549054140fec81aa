"""Which numbers state claims, over classes the detector first got wrong: a point in time counted back
("three years ago"), the base of a rate after "every", a frequency naming a band, a share written "N out of
M" before the group it counts, a number before "-page" not taking a later figure's unit, and a change "to A
from B" in a clause the parser hangs on a noun. Phrasings written for these tests; names invented."""

from __future__ import annotations

import pytest

import factcheck


def found(text: str) -> list[tuple[float | None, str]]:
    return [(c.quantity.value, c.quantity.unit) for c in factcheck.extract(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Four in five parcels arrived on time last year, compared with 62% two years ago.", [80, 62]),
        ("The median rent is now 1,240 crowns a month, 8% more than eighteen months ago.", [1240, 8]),
        ("Turnout reached 71%, up from 66% four years ago, the electoral office said.", [71, 66]),
        ("Tuition costs 9,400 euros, 12% higher than three years ago.", [9400, 12]),
    ],
)
def test_a_stretch_of_time_counted_back_is_when_not_a_figure(text: str, expected: list[float]) -> None:
    assert [v for v, _ in found(text)] == pytest.approx(expected)


@pytest.mark.parametrize(
    "text",
    [
        "Valdor recorded roughly 82 offences for every 1,000 people last year.",
        "Clinics in the region saw 82 patients for every 1,000 residents in May.",
        "The scheme signed up 82 households out of every 1,000 it approached.",
    ],
)
def test_the_base_of_a_rate_after_every_is_no_claim(text: str) -> None:
    assert [v for v, _ in found(text)] == [82]


@pytest.mark.parametrize(
    "text",
    [
        "The regulator plans to auction spectrum in the 3.6 GHz band next spring.",
        "Most routers sold in the quarter used the 6 GHz band.",
        "Operators will bid for airwaves in the 700 MHz range next year.",
    ],
)
def test_a_frequency_naming_a_band_is_no_claim(text: str) -> None:
    assert found(text) == []


def test_a_frequency_measured_is_still_a_claim() -> None:
    assert found("The new chip runs at 3.2 GHz, 9% faster than its predecessor.") == [(3.2, "GHz"), (9, "%")]


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("Nine out of ten claims were settled within a month.", 90),
        ("Four out of five voters in the poll backed the plan.", 80),
        ("Three out of four of the homes surveyed had no insulation.", 75),
    ],
)
def test_n_out_of_m_before_the_group_it_counts_is_a_share(text: str, share: float) -> None:
    assert found(text)[0] == (pytest.approx(share), "%")


@pytest.mark.parametrize(
    "text", ["Critics rated it 9 out of 10.", "Reviewers gave it 9 out of 10 for comfort."]
)
def test_n_out_of_m_alone_is_a_score(text: str) -> None:
    assert found(text)[0] == (9, "points")


def test_a_page_count_does_not_take_a_later_figures_unit() -> None:
    text = "The 96-page report also sets out plans to sell licences in the 3.6 GHz band next spring."
    assert all(unit != "GHz" for _, unit in found(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The average delay per departure lengthened to 23 minutes from 17 minutes, and 1,940 flights "
            "were cancelled.",
            [23, 17, 1940],
        ),
        (
            "The typical wait per patient rose to 41 days from 29 days, and 3,200 operations were postponed.",
            [41, 29, 3200],
        ),
        (
            "The average fare per journey climbed to 4.20 euros from 3.80 euros, and 610 routes were cut.",
            [4.2, 3.8, 610],
        ),
    ],
)
def test_a_change_to_a_from_b_is_two_claims(text: str, expected: list[float]) -> None:
    assert [v for v, _ in found(text)] == pytest.approx(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Open-weight models now hold 6 of the top 20 places on the chart.", [(6, "count"), (20, "count")]),
        ("Regional lines carried 410 and 395 passengers a day.", [(410, "count"), (395, "count")]),
    ],
)
def test_a_bare_number_in_the_same_phrase_shares_the_next_figures_unit(
    text: str, expected: list[tuple[float, str]]
) -> None:
    assert found(text) == expected
