"""The quantity finder: values, units, bounds, directions, ranges, scales and dates, and the numbers
that must not be read as quantities (versions, names, list markers, phone numbers)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.models import Quantity
from factcheck.quantities.finder import find_quantities, parse_number

SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLE = SHARED / "corpus" / "gpt55-rebuilt" / "article.txt"


def quantities(text: str) -> list[Quantity]:
    found = find_quantities(text, include_dates=False)
    for q in found:  # every span is exactly the text it claims to be
        assert text[q.start : q.end] == q.text
    return found


def only(text: str) -> Quantity:
    found = quantities(text)
    assert len(found) == 1, [q.to_dict() for q in found]
    return found[0]


# ---- one quantity per phrase: (text, value, unit, bound, direction)
SINGLE = [
    # percent vs percentage points vs points
    ("GPT-5.5 hit 82.7% on Terminal-Bench 2.0", 82.7, "%", "=", None),
    ("sixty-eight percent of respondents", 68, "%", "=", None),
    ("turnout was 64 per cent", 64, "%", "=", None),
    ("a 4.5 percentage-point gap", 4.5, "percentage points", "=", None),
    ("That's a 13-point gap.", 13, "points", "=", None),
    ("it shot to the top of the index with a score of 60", 60, "points", "=", None),
    ("the rate rose 25 basis points", 25, "basis points", "=", "up"),
    # bounds
    ("The model handles 58%+ of issues", 58, "%", ">", None),
    ("it leads by more than 13 points", 13, "points", ">", None),
    ("chased for over 90 years", 90, "years", ">", None),
    ("upwards of 300 stores", 300, "count", ">", None),
    ("north of $10 billion", 10e9, "USD", ">", None),
    ("at least 12 people", 12, "count", ">=", None),
    ("5,000 or more workers", 5000, "count", ">=", None),
    ("no less than 40%", 40, "%", ">=", None),
    ("less than 5% of users", 5, "%", "<", None),
    ("just under 2,000 homes", 2000, "count", "<", None),
    ("fewer than 100 cases", 100, "count", "<", None),
    ("up to 40% of jobs", 40, "%", "<=", None),
    ("as many as 200 workers", 200, "count", "<=", None),
    ("no more than 3 drinks", 3, "count", "<=", None),
    ("a maximum of 40 hours", 40, "hours", "<=", None),
    ("exceeding 90% accuracy", 90, "%", ">", None),
    ("a score of 80 or higher", 80, "points", ">=", None),
    ("it needs at least 5% more power", 5, "%", ">", None),
    ("close to 1,000 people", 1000, "count", "~", None),
    ("about 1,200 workers", 1200, "count", "~", None),
    ("roughly 200 km", 200, "km", "~", None),
    ("some 70,000 fans", 70000, "count", "~", None),
    ("nearly 40% of Americans", 40, "%", "~", None),
    ("an estimated 3 million people", 3e6, "count", "~", None),
    ("latency of ~50 ms", 50, "milliseconds", "~", None),
    # numbers in words, fractions, multipliers
    ("twenty five people", 25, "count", "=", None),
    ("one hundred and five votes", 105, "count", "=", None),
    ("a dozen eggs", 12, "count", "=", None),
    ("two and a half years", 2.5, "years", "=", None),
    ("half a million fans", 500_000, "count", "=", None),
    ("roughly a third of the budget", 33.33, "%", "~", None),
    ("two-thirds of the firms", 66.67, "%", "=", None),
    ("More than half of real bug reports", 50, "%", ">", None),
    ("a quarter of voters", 25, "%", "=", None),
    ("one in five adults", 20, "%", "=", None),
    ("It is 2.5 times faster", 2.5, "x", "=", None),
    ("a 2.0x speed-up", 2.0, "x", "=", None),
    ("it is twice as fast", 2, "x", "=", None),
    ("a threefold increase in demand", 3, "x", "=", "up"),
    ("margins grew 3-fold", 3, "x", "=", "up"),
    ("more than double in a single model generation", 2, "x", ">", None),
    ("Sales more than doubled last year.", 2, "x", ">", "up"),
    # magnitudes and currencies
    ("a $644 billion market", 644e9, "USD", "=", None),
    ("the repo has 4.8K stars", 4800, "count", "=", None),
    ("1.2M downloads", 1.2e6, "count", "=", None),
    ("a 1M tokens window", 1e6, "tokens", "=", None),
    ("1 million token context window", 1e6, "tokens", "=", None),
    ("valued at €3.4bn", 3.4e9, "EUR", "=", None),
    ("a £5m grant", 5e6, "GBP", "=", None),
    ("sold for ¥1.2 trillion", 1.2e12, "JPY", "=", None),
    ("a ₹500 crore plan", 5e9, "INR", "=", None),
    ("it paid US$2.50", 2.5, "USD", "=", None),
    ("a fine of 5 million euros", 5e6, "EUR", "=", None),
    ("worth 50 cents", 50, "cents", "=", None),
    # per-unit prices and rates
    ("$5 per 1M input tokens", 5, "USD per 1M tokens", "=", None),
    ("$2 per million tokens", 2, "USD per 1M tokens", "=", None),
    ("cached input at $0.50 per 1M tokens", 0.5, "USD per 1M tokens", "=", None),
    ("$5/1M input tokens", 5, "USD per 1M tokens", "=", None),
    ("the plan is $20 per month", 20, "USD per month", "=", None),
    ("rent of $2,100 a month", 2100, "USD per month", "=", None),
    ("$60 per user per month", 60, "USD per user per month", "=", None),
    ("oil at $78.40 a barrel", 78.4, "USD per barrel", "=", None),
    # physical units and durations
    ("for a 2-week sprint", 2, "weeks", "=", None),
    ("a 45-year-old man", 45, "years", "=", None),
    ("within 24 hours", 24, "hours", "=", None),
    ("a capacity of 1.2 GW", 1.2, "GW", "=", None),
    ("an 8 GB card", 8, "GB", "=", None),
    ("TSMC's 3nm process", 3, "nm", "=", None),
    ("it weighs 15 kilograms", 15, "kg", "=", None),
    ("temperatures above 40°C", 40, "°C", ">", None),
    ("a 100m sprint", 100, "m", "=", None),
    # negatives and directions
    ("the index moved -3% overnight", -3, "%", "=", None),
    ("a reading of minus 4 degrees", -4, "degrees", "=", None),
    ("a change of −2.5%", -2.5, "%", "=", None),
    ("Shares jumped 12% on Friday", 12, "%", "=", "up"),
    ("exports declined by 7.5% year on year", 7.5, "%", "=", "down"),
    ("profits slid 4%", 4, "%", "=", "down"),
    ("the stock is up 5% this week", 5, "%", "=", "up"),
    ("a 9% increase on last year", 9, "%", "=", "up"),
    ("a drop of 3 points", 3, "points", "=", "down"),
    ("13 points higher than its rival", 13, "points", "=", "up"),
    ("plans to cut emissions by 55%", 55, "%", "=", "down"),
    ("the bank raised its benchmark rate by 25 basis points", 25, "basis points", "=", "up"),
    ("the startup raised $45 million", 45e6, "USD", "=", None),
    ("the ECB cut its deposit rate by a quarter point", 0.25, "points", "=", "down"),
    ("raised rates by half a percentage point", 0.5, "percentage points", "=", "up"),
    ("prices rose 3.5pc", 3.5, "%", "=", "up"),
    ("speeds fell below 20 mph", 20, "mph", "<", None),  # a level crossed, not a change
    # units and counts
    ("He scored 2 goals", 2, "count", "=", None),
    ("a $20-a-month plan", 20, "USD per month", "=", None),
    ("It was 38C in London", 38, "°C", "=", None),
    ("he lost 20 pounds", 20, "lb", "=", "down"),
    ("a 5 million pounds grant", 5e6, "GBP", "=", None),
]


@pytest.mark.parametrize(("text", "value", "unit", "bound", "direction"), SINGLE)
def test_finds_the_one_quantity_of_a_phrase(
    text: str, value: float, unit: str, bound: str, direction: str | None
) -> None:
    q = only(text)
    assert q.value == pytest.approx(value, rel=1e-3)
    assert (q.unit, q.bound, q.direction) == (unit, bound, direction)


# ---- ranges: (text, low, high, unit, span)
RANGES = [
    ("a conservative estimate is 40-60% time savings", 40, 60, "%", "40-60%"),
    ("between 40 and 60 percent of voters", 40, 60, "%", "between 40 and 60 percent"),
    ("40% to 60% of the fleet", 40, 60, "%", "40% to 60%"),
    ("a 40–60% cut", 40, 60, "%", "40–60%"),
    ("it costs $5-$10", 5, 10, "USD", "$5-$10"),
    ("$5 million to $10 million", 5e6, 10e6, "USD", "$5 million to $10 million"),
    ("5 to 10 million people", 5e6, 10e6, "count", "5 to 10 million"),
    ("spend $60bn-$65bn on capex", 60e9, 65e9, "USD", "$60bn-$65bn"),
    ("rates held at 5.25%-5.5%", 5.25, 5.5, "%", "5.25%-5.5%"),
    ("two to three years", 2, 3, "years", "two to three years"),
    ("growth of 5% to 10% next year", 5, 10, "%", "5% to 10%"),
]


@pytest.mark.parametrize(("text", "low", "high", "unit", "span"), RANGES)
def test_reads_a_range_with_one_unit_for_both_ends(
    text: str, low: float, high: float, unit: str, span: str
) -> None:
    q = only(text)
    assert (q.bound, q.value, q.unit, q.text) == ("range", None, unit, span)
    assert (q.low, q.high) == (pytest.approx(low), pytest.approx(high))


@pytest.mark.parametrize(
    "text",
    [
        "revenue fell 3% to $2 billion",  # a change and a level
        "From 30% to 65% in a decade",  # a change of level
        "The bill passed the Senate 52-48",  # a vote tally is no range
    ],
)
def test_two_numbers_joined_by_to_or_a_dash_that_are_not_a_range(text: str) -> None:
    found = quantities(text)
    assert len(found) == 2
    assert all(q.bound != "range" for q in found)


# ---- ranks and scores with their scale: (text, value, unit, scale, span)
SCALES = [
    ("BenchLM gave it a score of 93/100 today", 93, "points", 100, "93/100"),
    ("ranked #2 out of 115 models they track", 2, "rank", 115, "#2 out of 115"),
    ("#2 of 115 ranked models", 2, "rank", 115, "#2 of 115"),
    ("it was ranked 2nd of 115", 2, "rank", 115, "2nd of 115"),
    ("it ranked second out of 30", 2, "rank", 30, "second out of 30"),
    ("Reviewers gave it 8.5 out of 10.", 8.5, "points", 10, "8.5 out of 10"),
    ("a 4/5 rating", 4, "points", 5, "4/5"),
]


@pytest.mark.parametrize(("text", "value", "unit", "scale", "span"), SCALES)
def test_reads_the_scale_of_scores_and_ranks(
    text: str, value: float, unit: str, scale: float, span: str
) -> None:
    q = only(text)
    assert (q.value, q.unit, q.scale, q.text) == (value, unit, scale, span)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Not #2 among new models", 2),
        ("the university climbed to No. 4 this year", 4),
        ("she finished in 2nd place", 2),
        ("the world's third-largest economy", 3),
        ("the team came in fifth", 5),
    ],
)
def test_reads_ranks_without_a_scale(text: str, value: float) -> None:
    q = only(text)
    assert (q.value, q.unit, q.scale) == (value, "rank", None)


@pytest.mark.parametrize(
    "text",
    ["for the second time", "in the 19th century", "a 3rd-party vendor", "on the first day"],
)
def test_ordinals_outside_a_ranking_are_not_ranks(text: str) -> None:
    assert quantities(text) == []


# ---- numbers that are names, versions, markers or addresses
NOT_QUANTITIES = [
    "Terminal-Bench 2.0 measures agentic coding",
    "Claude Opus 4.7, Anthropic's best model",
    "GPT-5.5 and GPT-4.5 and Qwen3.7-Max",
    "support OAuth 2.0 and Python 3.11",
    "the MRCR v2 benchmark",
    "an iPhone 15 running Windows 11",
    "COVID-19 hit 5G rollouts and H100 supplies",
    "Web 3.0 fans",
    "release v1.2.3 is out",
    "1. OpenAI Ditched the Old Foundation",
    "(1) root cause analysis",
    "Call 555-123-4567 today",
    "see https://example.com/2024/05/report-7",
    "we meet at 3:30 p.m. or 10am",
    "an aspect ratio of 16:9",
    "It is open 24/7.",
    "as reported earlier.[12]",
    "the firm filed for Chapter 11 after ISO 9001 audits",
    "Every GPT-5 from version 5.0 to 5.4 was a fish",
    "from token 50,000 while processing token 900,000",
    "It is one of the best",
]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_numbers_that_name_or_mark_things_are_not_quantities(text: str) -> None:
    assert quantities(text) == [], [q.to_dict() for q in quantities(text)]


def test_a_bare_decimal_used_elsewhere_as_a_model_version_is_not_a_quantity() -> None:
    text = "GPT-5.0 through 5.4 shared a base. GPT-5.4 scored 36.6%."
    assert [q.value for q in quantities(text)] == [36.6]


def test_a_capitalised_word_before_a_number_with_a_unit_does_not_make_it_a_name() -> None:
    found = quantities("SWE-Bench Pro 58.6% single-pass; Tesla Recalls 2 Million Cars")
    assert [(q.value, q.unit) for q in found] == [(58.6, "%"), (2e6, "count")]


# ---- dates
DATES = [
    ("On April 23, 2026, OpenAI released it", "April 23, 2026", "2026-04-23"),
    ("published 23 April 2026", "23 April 2026", "2026-04-23"),
    ("told TechCrunch in April 2026 that", "April 2026", "2026-04"),
    ("a contract that renews in Q3 2026", "Q3 2026", "2026-Q3"),
    ("the third quarter of 2025", "the third quarter of 2025", "2025-Q3"),
    ("in 2026", "2026", "2026"),
    ("This problem has existed since 1930.", "1930", "1930"),
    ("based on independent CodeRabbit 2026 benchmarks", "2026", "2026"),
    ("according to Futurum Group 2026.", "2026", "2026"),
    ("updated 2026-04-23", "2026-04-23", "2026-04-23"),
    ("in fiscal 2025", "fiscal 2025", "2025"),
    ("by mid-2026", "mid-2026", "2026"),
    ("over 2019-2023", "2019-2023", "2019/2023"),
    ("on 4/23/2026", "4/23/2026", "2026-04-23"),
]


@pytest.mark.parametrize(("text", "span", "iso"), DATES)
def test_reads_dates_as_iso_dates_without_a_value(text: str, span: str, iso: str) -> None:
    found = find_quantities(text)
    assert len(found) == 1
    q = found[0]
    assert (q.text, q.unit, q.date, q.value) == (span, "date", iso, None)
    assert find_quantities(text, include_dates=False) == []


def test_a_year_written_with_a_thousands_separator_is_a_count() -> None:
    q = only("2,026 users signed up")
    assert (q.value, q.unit) == (2026, "count")


def test_dates_are_left_out_but_their_digits_never_become_numbers() -> None:
    text = "On April 23, 2026, the model scored 60 in Q3 2026."
    assert [q.value for q in find_quantities(text, include_dates=False)] == [60]
    assert [q.unit for q in find_quantities(text)] == ["date", "points", "date"]


# ---- sentences of the founding article
def test_founding_sentence_score_and_rank_of_benchlm() -> None:
    text = (
        "BenchLM gave it a score of 93/100 in its first provisional evaluation, ranked #2 out of "
        "115 models they track."
    )
    score, rank = quantities(text)
    assert (score.value, score.unit, score.scale) == (93, "points", 100)
    assert (rank.value, rank.unit, rank.scale, rank.text) == (2, "rank", 115, "#2 out of 115")


def test_founding_sentence_sprint_counts_weeks_and_issues() -> None:
    weeks, issues = quantities("for a 2-week sprint with 30 open issues, a conservative estimate")
    assert (weeks.value, weeks.unit, issues.value, issues.unit) == (2, "weeks", 30, "count")


def test_founding_sentence_change_and_level_get_their_own_direction() -> None:
    change, level = quantities("revenue fell 3% to $2 billion")
    assert (change.value, change.unit, change.direction) == (3, "%", "down")
    assert (level.value, level.unit, level.direction) == (2e9, "USD", None)


def test_a_restated_change_keeps_the_direction() -> None:
    points, percent = quantities("The index lost 2.4 points, or 0.6%, on Friday.")
    assert (points.direction, percent.direction) == ("down", "down")


def test_over_right_after_a_quantity_is_a_period_not_a_bound() -> None:
    weight, period = quantities("The patient lost 15 kilograms over six months.")
    assert (weight.direction, period.text, period.bound) == ("down", "six months", "=")


def test_spans_include_bound_words_and_units_but_not_direction_words() -> None:
    text = "Shares rose more than 13 points while the other fell 3%"
    assert [q.text for q in quantities(text)] == ["more than 13 points", "3%"]


def test_unicode_spaces_dashes_and_quotes() -> None:
    text = "It hit 82.7\u00a0% and “40–60%” savings, a \u2212 sign aside: \u22123%"
    found = quantities(text)
    assert [(q.text, q.value, q.low) for q in found] == [
        ("82.7\u00a0%", 82.7, None),
        ("40–60%", None, 40),
        ("\u22123%", -3, None),
    ]


@pytest.mark.skipif(not ARTICLE.exists(), reason="shared corpus not available")
def test_founding_article_has_ordered_non_overlapping_spans_and_its_key_figures() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    found = find_quantities(text)
    # speed is measured by bench/quantities_speed.py, not asserted here
    for a, b in zip(found, found[1:], strict=False):
        assert a.end <= b.start
    for q in found:
        assert text[q.start : q.end] == q.text
    values = {(q.value, q.unit) for q in found}
    for expected in [
        (82.7, "%"),
        (69.4, "%"),
        (74.0, "%"),
        (36.6, "%"),
        (58.6, "%"),
        (68, "%"),
        (57, "%"),
        (60, "points"),
        (93, "points"),
        (2, "rank"),
        (13, "points"),
        (1e6, "tokens"),
    ]:
        assert expected in values
    assert not {5.5, 4.5, 5.4, 4.7, 2.0, 5.0} & {q.value for q in found if q.unit in ("", "count")}
    assert {q.date for q in found if q.unit == "date"} >= {"2026-04-23", "2026-04", "2026-Q3", "1930", "2026"}


# ---- parse_number
@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,220", 1220),
        ("4.8K", 4800),
        ("1.2M", 1.2e6),
        ("1 million", 1e6),
        ("sixty-eight", 68),
        ("twenty five", 25),
        ("one hundred and five", 105),
        ("a dozen", 12),
        ("a third", 1 / 3),
        ("two-thirds", 2 / 3),
        ("half", 0.5),
        ("twice", 2),
        ("double", 2),
        ("triple", 3),
        ("threefold", 3),
        ("3-fold", 3),
        ("$2.50", 2.5),
        ("-3", -3),
        ("minus 4", -4),
        ("−2.5", -2.5),
        ("58%", 58),
        ("$644 billion", 644e9),
        ("€5bn", 5e9),
        ("two and a half", 2.5),
        ("two million five hundred thousand", 2.5e6),
    ],
)
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["", "GPT", "five apples", "v2", "one two"])
def test_parse_number_rejects_what_is_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_loading_the_finder_does_not_load_spacy() -> None:
    code = "import sys, factcheck.quantities; sys.exit('spacy' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    assert subprocess.run([sys.executable, "-c", code], cwd=root).returncode == 0


@pytest.mark.parametrize(
    ("text", "value", "unit", "scale"),
    [
        ("an overall score of ninety-one out of one hundred", 91, "points", 100),
        ("placing it third among the 115 models we rank", 3, "rank", 115),
        ("It came second of 40.", 2, "rank", 40),
    ],
)
def test_scales_and_ranks_written_in_words(text: str, value: float, unit: str, scale: float) -> None:
    (q,) = find_quantities(text)
    assert (q.value, q.unit, q.scale) == (value, unit, scale)


# ---- compact magnitudes as stat cards print them: (text, value, unit, span)
COMPACT = [
    ("298.4M", 298.4e6, "", "298.4M"),
    ("298.4M units, preliminary", 298.4e6, "count", "298.4M"),
    ("$4.2B", 4.2e9, "USD", "$4.2B"),
    ("1.1bn units", 1.1e9, "count", "1.1bn"),
    ("Users: 820K", 820e3, "", "820K"),
]


@pytest.mark.parametrize(("text", "value", "unit", "span"), COMPACT)
def test_reads_compact_magnitudes_of_stat_cards(text: str, value: float, unit: str, span: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.text) == (pytest.approx(value), unit, span)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Input $0.40/M tokens", "USD per 1M tokens"),
        ("$0.40 per M tokens", "USD per 1M tokens"),
        ("$2/K requests", "USD per 1K requests"),
        ("$5/m", "USD per m"),  # no noun after the letter: not read as a magnitude
    ],
)
def test_a_magnitude_letter_before_the_priced_noun_is_its_amount(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("it lasted 13 hours and 40 minutes", 13.6667, "hours"),
        ("valuing the company at about 480 billion crowns", 480e9, "crowns"),
        ("Nearly nine in ten of them were still walking", 90, "%"),
        ("One in five of the respondents said so", 20, "%"),
    ],
)
def test_compound_durations_currency_words_and_shares(text: str, value: float, unit: str) -> None:
    q = find_quantities(text, join_durations=True)[0]
    assert (q.value, q.unit) == (pytest.approx(value, rel=1e-4), unit)


def test_durations_stay_apart_unless_joined() -> None:
    assert [q.value for q in find_quantities("in 2 hours, 9 minutes and 56 seconds")] == [2, 9, 56]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("their biggest worry, up from a fifth in 2023", 20.0),
        ("sold 2.1 million, a third more than in 2024", 33.33),
    ],
)
def test_fractions_in_a_change_are_shares(text: str, value: float) -> None:
    assert value in [q.value for q in find_quantities(text, include_dates=False)]


def test_an_ordinal_fraction_word_is_not_a_share() -> None:
    assert find_quantities("for a fifth consecutive year", include_dates=False) == []


# ---- news classes: currencies, minor units, rates, ranges, magnitudes, orders of magnitude, signs


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("the bank earned RM2.4 billion", 2.4e9, "MYR"),
        ("a bill of RM 85 a month", 85, "MYR per month"),
        ("bonds worth $US420 million", 420e6, "USD"),
        ("revenue of $A3.8 billion", 3.8e9, "AUD"),
        ("a tower sold for HK $6.1bn", 6.1e9, "HKD"),
        ("profit of NT$12.5 billion", 12.5e9, "TWD"),
        ("shares closed at R$17.20", 17.2, "BRL"),
        ("a payout of C $4.10", 4.1, "CAD"),
        ("a bonus of PS1.8m", 1.8e6, "GBP"),
        ("an operating profit of Y=42 billion", 42e9, "JPY"),
        ("a budget of EUR75m", 75e6, "EUR"),
        ("an order worth USD3.2bn", 3.2e9, "USD"),
        ("an order worth 250USD", 250, "USD"),
        ("losses of 12 USD million", 12e6, "USD"),
        ("writedowns above 40 MUSD", 40e6, "USD"),
        ("a fare of 320 kr", 320, "crowns"),
        ("rents of 3,100 zl", 3100, "PLN"),
        ("fines of 9 million Danish crowns", 9e6, "DKK"),
        ("a grant of 2.5 million Singapore dollars", 2.5e6, "SGD"),
        ("sales of 40 billion shekels", 40e9, "ILS"),
    ],
)
def test_reads_currency_symbols_codes_and_names_of_news(text: str, value: float, unit: str) -> None:
    q = [q for q in quantities(text) if q.unit != "count"][0]
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text",
    [
        "the PS5 outsold its rival",
        "an A320neo order",
        "the XC40 recharge",
        "the new H200 chips",
        "a G7 summit",
    ],
)
def test_letters_glued_to_digits_name_a_thing_unless_they_are_a_currency(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit", "direction"),
    [
        ("the stock rose 14 cents", 14, "cents", "up"),
        ("shares slipped 6p to 212p", 6, "pence", "down"),
        ("a loss of 3.5 pence", 3.5, "pence", None),
        ("it gained 9 sen", 9, "sen", "up"),
        ("a cut of 40 paise", 40, "paise", "down"),
        ("a 12-cent-a-share dividend", 12, "cents per share", None),
    ],
)
def test_minor_units_keep_the_value_as_stated(
    text: str, value: float, unit: str, direction: str | None
) -> None:
    q = quantities(text)[0]
    assert (q.value, q.unit, q.direction) == (value, unit, direction)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("it cost twelve dollars and thirty cents", 12.3),
        ("the fee is 8 dollars 75 cents", 8.75),
        ("tickets were 20 dollars 50.", 20.5),
        ("the plan rises to 11 USD 99.", 11.99),
    ],
)
def test_a_minor_unit_after_its_currency_joins_the_amount(text: str, value: float) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), "USD")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("crude settled at $68.10 a barrel", "USD per barrel"),
        ("gold traded at $1,950 an ounce", "USD per ounce"),
        ("wheat rose to $6.20 a bushel", "USD per bushel"),
        ("rooms from €140 a night", "EUR per night"),
        ("a dividend of 20 cents a share", "cents per share"),
    ],
)
def test_a_price_per_any_unit_of_goods(text: str, unit: str) -> None:
    assert quantities(text)[-1].unit == unit


@pytest.mark.parametrize(
    "text", ["it paid $5 a year ago", "a $20 a week earlier rise", "sales of $3 a day or two"]
)
def test_a_time_after_a_price_is_not_its_rate(text: str) -> None:
    assert quantities(text)[0].unit == "USD"


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("a target of $12/$15", 12, 15, "USD"),
        ("it takes six to 9 months", 6, 9, "months"),
        ("between 40 and 45 billion euros", 40e9, 45e9, "EUR"),
        ("fares range from $90 to $140", 90, 140, "USD"),
        ("waits ranged from 15 to 50 minutes", 15, 50, "minutes"),
        ("Flats from $300,000 to $1.1 million", 300_000, 1.1e6, "USD"),
        ("between seven to 10 years", 7, 10, "years"),
    ],
)
def test_news_ranges(text: str, low: float, high: float, unit: str) -> None:
    q = [q for q in quantities(text) if q.bound == "range"][0]
    assert (q.low, q.high, q.unit) == (pytest.approx(low), pytest.approx(high), unit)


@pytest.mark.parametrize(
    "text",
    [
        "the plan would raise the fee from $4.50 to $6",
        "it was cut from 20% to 15% last year",
        "output went from 2.1 to 2.6 million barrels",
    ],
)
def test_from_a_to_b_under_a_change_is_two_figures(text: str) -> None:
    found = quantities(text)
    assert len(found) == 2 and all(q.bound != "range" for q in found)


def test_a_level_and_a_range_after_it_are_two_quantities() -> None:
    found = quantities("membership grew from 1.5 to 2-3 million")
    assert [(q.value, q.low, q.high) for q in found] == [(1.5e6, None, None), (None, 2e6, 3e6)]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("thousands of jobs", 1e3, 1e4, "count"),
        ("tens of thousands of protesters", 1e4, 1e5, "count"),
        ("hundreds of millions of dollars", 1e8, 1e9, "USD"),
        ("dozens of flights", 12, 120, "count"),
        ("millions of euros", 1e6, 1e7, "EUR"),
    ],
)
def test_orders_of_magnitude_are_ranges(text: str, low: float, high: float, unit: str) -> None:
    q = only(text)
    assert (q.low, q.high, q.unit, q.bound) == (low, high, unit, "range")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("aid of 4 lakh rupees", 4e5, "INR"),
        ("a Rs 1,200 crore plan", 1.2e10, "INR"),
        ("₹3 lakh crore of bonds", 3e12, "INR"),
        ("5 hundred million users", 5e8, "count"),
        ("about 2.5bn riders", 2.5e9, "count"),
        ("a quarter million dollars", 250_000, "USD"),
    ],
)
def test_magnitude_words_in_every_form(text: str, value: float, unit: str) -> None:
    q = quantities(text)[0]
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a result of -$2.2bn", -2.2e9, "USD"),
        ("a trade balance of $-4.1bn", -4.1e9, "USD"),
        ("lows of minus-12 degrees", -12, "degrees"),
        ("it fell to minus 30 degrees Celsius", -30, "°C"),
        ("growth of -0.6%", -0.6, "%"),
    ],
)
def test_negative_values(text: str, value: float, unit: str) -> None:
    q = quantities(text)[0]
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "direction"),
    [("Dow +0.4%", "up"), ("the index, +1.2% on the day", "up"), ("Nasdaq -0.9%", None)],
)
def test_a_plus_sign_on_a_share_states_a_rise(text: str, direction: str | None) -> None:
    assert only(text).direction == direction


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("more than 100 kilometres (62 miles)", ">"),
        ("just under 300 hp (224 kW / 305 PS)", "<"),
        ("at least 40C (104F)", ">="),
    ],
)
def test_an_equivalent_in_brackets_keeps_the_bound(text: str, bound: str) -> None:
    assert {q.bound for q in quantities(text)} == {bound}


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("highs of 31C (88F)", [(31, "°C"), (88, "°F")]),
        ("it was 50 degrees Fahrenheit (10 degrees Celsius)", [(50, "°F"), (10, "°C")]),
        ("lows of minus 20 degrees Celsius (minus 4 Fahrenheit)", [(-20, "°C"), (-4, "°F")]),
    ],
)
def test_temperatures_in_both_scales(text: str, values: list[tuple[float, str]]) -> None:
    assert [(q.value, q.unit) for q in quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a 2 1/2 mile loop", 2.5, "miles"),
        ("a 1/4 mile track", 0.25, "miles"),
        ("add 1/2 pound of flour", 0.5, "lb"),
    ],
)
def test_simple_fractions_with_a_unit(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("after plummeting 30%", "down"),
        ("tumbling 4%", "down"),
        ("rebounding 2%", "up"),
        ("advancing 1.5%", "up"),
    ],
)
def test_change_verbs_in_their_other_forms(text: str, direction: str) -> None:
    assert only(text).direction == direction


@pytest.mark.parametrize(
    "text",
    [
        "The council approved one new school this year.",
        "Only one bidder remained in the auction.",
        "She signed one contract with the club.",
        "One survey found that rents had risen.",
        "The fault lies in just one valve.",
    ],
)
def test_one_before_a_noun_counts_it(text: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.text.lower()) == (1, "count", "one")


@pytest.mark.parametrize(
    "text",
    [
        "No one knows what comes next.",
        "It was one of the largest deals of the year.",
        "Each one costs more than the last.",
        "The firms compete with one another.",
        "This one is cheaper.",
        "They agreed a one-time payment.",
        "One day, she said, it will end.",
    ],
)
def test_one_as_a_pronoun_or_in_an_idiom_is_no_quantity(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Their 747 Jumbo was retired last year.",
        "the new Pixel 9 and 9 Pro Fold ship next week",
        "He lives at 12 Harbour Road, Leeds.",
        "offices at 22-24 Mill Lane were sold",
        "homes in the 90210 ZIP Code sold fast",
    ],
)
def test_a_number_that_opens_a_name_or_an_address_is_no_quantity(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Over 500 Google employees signed the letter.", [500]),
        ("3 Democrats and 2 Republicans voted against it.", [3, 2]),
        ("the firm hired 200 British engineers", [200]),
        ("some 300 Amazon staff walked out", [300]),
        ("it shipped 48,200 Model X", [48200]),
        ("a 10 W lamp", [10]),
    ],
)
def test_a_capitalised_word_after_a_number_may_still_be_what_it_counts(
    text: str, values: list[float]
) -> None:
    assert [q.value for q in quantities(text)] == values


@pytest.mark.parametrize(
    "text",
    [
        "United won 3-1 at home on Saturday.",
        "Chelsea drew 2-2 with Everton.",
        "The game was tied at 101-101 with a minute left.",
        "Trailing 3-0 at the break, they rallied.",
    ],
)
def test_the_score_of_a_game_is_no_quantity(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The bill passed the Senate 52-48.",
        "The court ruled 6-3 on Monday.",
        "It was approved by a vote of 7-2.",
        "in a 5-4 decision, the justices sided with the state",
    ],
)
def test_a_vote_tally_counts_the_votes(text: str) -> None:
    assert len(quantities(text)) == 2


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("over the last two or three years", 2, 3, "years"),
        ("delivery takes two or three days", 2, 3, "days"),
        ("prices rose 5 or 6 percent", 5, 6, "%"),
        ("a queue of 10 or 12 cars", 10, 12, "count"),
    ],
)
def test_two_numbers_joined_by_or_before_their_unit_are_a_range(
    text: str, low: float, high: float, unit: str
) -> None:
    q = only(text)
    assert (q.low, q.high, q.unit, q.bound) == (low, high, unit, "range")


@pytest.mark.parametrize("text", ["press 1 or 2 for help", "it grew 3% or $4 million"])
def test_or_between_numbers_of_their_own_is_no_range(text: str) -> None:
    assert len(quantities(text)) == 2


@pytest.mark.parametrize(
    ("text", "low", "high", "direction"),
    [
        ("temperatures fell by 2 to 2.5 degrees", 2, 2.5, "down"),
        ("shares rose 2 to 3 percent", 2, 3, "up"),
        ("costs climbed 10 to 15 per cent last year", 10, 15, "up"),
    ],
)
def test_a_change_of_a_to_b_with_one_unit_is_a_range_of_its_size(
    text: str, low: float, high: float, direction: str
) -> None:
    q = only(text)
    assert (q.low, q.high, q.bound, q.direction) == (low, high, "range", direction)


@pytest.mark.parametrize(
    "text", ["unemployment fell 0.2 to 4.1%", "revenue fell 3% to $2 billion", "it rose from 5 to 10 percent"]
)
def test_a_change_to_a_far_level_stays_a_change_and_a_level(text: str) -> None:
    assert [q.bound for q in quantities(text)] == ["=", "="]


def test_a_range_in_brackets_restates_the_change_before_it() -> None:
    c, f = quantities("water temperatures fell by 2 to 3 degrees Celsius (3.6 to 5.4 Fahrenheit)")
    assert (f.low, f.high, f.unit, f.direction) == (3.6, 5.4, "°F", c.direction) and c.direction == "down"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a US quart is 32 fluid ounces, so one ounce is 1⁄32 of it", 1 / 32, ""),
        ("1⁄128 of a gallon", 1 / 128, ""),
        ("add 3⁄4 cup of sugar", 0.75, "count"),
    ],
)
def test_a_fraction_slash_makes_a_fraction(text: str, value: float, unit: str) -> None:
    q = quantities(text)[-1]
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("the star weighs about 2.2×10^30 kilograms", 2.2e30, "kg"),
        ("roughly 6.02 × 10²³ atoms", 6.02e23, "count"),
        ("a charge of 1.6×10−19 coulombs", 1.6e-19, "count"),
        ("light travels at 3 x 10^8 m/s", 3e8, "m/s"),
    ],
)
def test_scientific_notation(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("bake it for 3min", 3, "minutes"),
        ("the flight took 2hrs", 2, "hours"),
        ("she ran it in 45secs", 45, "seconds"),
        ("a 5yr bond", 5, "years"),
    ],
)
def test_time_units_written_against_the_number(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


def test_an_approximate_range_with_its_unit_against_the_second_number() -> None:
    q = quantities("it takes ~15 – 20min to bake")[0]
    assert (q.low, q.high, q.unit) == (15, 20, "minutes")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("fabs that make sub-5 nanometre chips", 5, "nm"),
        ("a sub-$500 phone", 500, "USD"),
        ("a sub-3% mortgage", 3, "%"),
    ],
)
def test_sub_before_a_number_is_an_upper_bound(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit, q.bound) == (value, unit, "<")


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("the defence gave up 230 yards", None),
        ("women made up 40% of the workforce", None),
        ("shares were up 5% at noon", "up"),
        ("profit was revised upward by $25 million", "up"),
        ("the forecast was revised downwards by 2%", "down"),
    ],
)
def test_up_after_a_phrasal_verb_is_no_rise(text: str, direction: str | None) -> None:
    assert only(text).direction == direction


def test_a_plus_sign_after_a_name_with_a_number_states_a_rise() -> None:
    assert [q.direction for q in quantities("Dow +0.5% S&P 500 +0.7% Nasdaq +1.1%")] == ["up"] * 3


@pytest.mark.parametrize(
    "text",
    [
        "Acme fell 1.4%, Globex by 0.9%",
        "Exports dropped 4% and Imports by 3%",
        "the euro gained 0.5%; the Swiss Franc by 0.3%",
    ],
)
def test_a_change_whose_verb_is_left_out_takes_the_direction_before(text: str) -> None:
    first, second = quantities(text)
    assert second.direction == first.direction is not None


@pytest.mark.parametrize(
    "text", ["a category 3 storm", "the train leaves from platform 9", "boarding at gate 12 now"]
)
def test_a_label_word_before_a_number_names_the_item(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "low", "unit"),
    [
        ("adding several hundred megawatts this year", 100, "MW"),
        ("a few thousand dollars", 1000, "USD"),
        ("several hundred homes were flooded", 100, "count"),
    ],
)
def test_several_hundred_is_an_order_of_magnitude(text: str, low: float, unit: str) -> None:
    q = only(text)
    assert (q.low, q.high, q.unit, q.bound) == (low, low * 10, unit, "range")


@pytest.mark.parametrize("text", ["the city may flood by 2150, engineers say", "In 1750 the town was small"])
def test_a_year_outside_the_usual_span_after_a_preposition_of_time_is_a_date(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("sales of 3.4 trillion won", 3.4e12, "KRW"),
        ("a fine of 50,000 won", 50_000, "KRW"),
        ("it paid 2 billion rupiah", 2e9, "IDR"),
        ("a bowl costs 45,000 dong", 45_000, "VND"),
        ("tickets cost 30 reais", 30, "BRL"),
        ("a bill of 12,000 forints", 12_000, "HUF"),
        ("rent of 20,000 Czech crowns", 20_000, "CZK"),
        ("aid of 5 billion hryvnias", 5e9, "UAH"),
    ],
)
def test_currency_names_of_more_countries(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize("text", ["of the 7 candidates, 3 won seats", "she said 2 won prizes"])
def test_a_currency_name_that_is_also_a_verb_needs_a_large_amount(text: str) -> None:
    assert all(q.unit != "KRW" for q in quantities(text))


@pytest.mark.parametrize(
    ("text", "low"),
    [
        ("The storm left dozens injured.", 12),
        ("Thousands marched through the city.", 1000),
        ("hundreds were arrested overnight", 100),
        ("tens of thousands marched", 10_000),
    ],
)
def test_an_order_of_magnitude_stands_alone_as_a_count(text: str, low: float) -> None:
    q = only(text)
    assert (q.low, q.high, q.unit, q.bound) == (low, low * 10, "count", "range")


@pytest.mark.parametrize(
    ("text", "value"),
    [("three-fourths of voters", 75), ("a fourth of adults", 25), ("three fourths of the budget", 75)],
)
def test_fourths_are_quarters(text: str, value: float) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, "%")


def test_a_fourth_term_is_no_fraction() -> None:
    assert quantities("she won a fourth term") == []


@pytest.mark.parametrize(
    "text", ["dozens more were hurt", "hundreds more are expected", "millions more could lose cover"]
)
def test_an_order_of_magnitude_as_an_increment_is_no_count(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("flats listed at RM450,000 to RM1.2 million", 450_000, 1.2e6, "MYR"),
        ("a settlement of $US80 million to $US120 million", 80e6, 120e6, "USD"),
        ("the unit is worth HK$3bn-HK$4bn", 3e9, 4e9, "HKD"),
        ("bids ranged from S$1.1 billion to S$1.4 billion", 1.1e9, 1.4e9, "SGD"),
        ("a fee of USD 5 to USD 7", 5, 7, "USD"),
    ],
)
def test_the_second_end_of_a_range_may_repeat_a_currency_written_in_letters(
    text: str, low: float, high: float, unit: str
) -> None:
    q = only(text)
    assert (q.low, q.high, q.unit, q.bound) == (pytest.approx(low), pytest.approx(high), unit, "range")


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Salaries at the firm run from $45,000 to $60,000.", 45_000, 60_000, "USD"),
        ("Fines from $10,000 to $250,000 apply to repeat offenders.", 10_000, 250_000, "USD"),
        ("Courses last from six to 12 weeks.", 6, 12, "weeks"),
        ("Plots from 2 to 5 acres are for sale.", 2, 5, "acres"),
    ],
)
def test_from_a_to_b_without_a_verb_of_change_is_a_range(
    text: str, low: float, high: float, unit: str
) -> None:
    q = only(text)
    assert (q.low, q.high, q.unit) == (low, high, unit)


@pytest.mark.parametrize(
    "text",
    [
        "From 30% to 65% in a decade, the share changed.",
        "Its share, from 12% to 31% a decade later, was the story.",
        "Mileage from 20 mpg to 29 mpg by 2030 is the aim.",
    ],
)
def test_from_a_to_b_followed_by_a_time_is_a_change_of_two_figures(text: str) -> None:
    found = quantities(text)
    assert len(found) == 2 and all(q.bound == "=" for q in found)


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Subscribers climbed from 1.2 million in 2018 to 4.4 million last year.", [1.2e6, 4.4e6]),
        ("Attendance grew from 40,000 in 2010 to 65,000 in 2020.", [40_000, 65_000]),
        ("Visits fell from 2.4 million in 2019 to 0.9 million in 2021.", [2.4e6, 0.9e6]),
    ],
)
def test_a_year_is_not_the_low_end_of_the_level_that_follows_it(text: str, values: list[float]) -> None:
    assert [q.value for q in quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Organisers expected four to five thousand runners.", 4000, 5000),
        ("The repairs will cost two or three million dollars.", 2e6, 3e6),
        ("Between six and seven hundred families were moved.", 600, 700),
        ("The region lost three to four hundred jobs.", 300, 400),
        ("it had two to three hundred thousand users", 200_000, 300_000),
    ],
)
def test_a_scale_word_after_the_second_number_in_words_scales_both(
    text: str, low: float, high: float
) -> None:
    q = only(text)
    assert (q.low, q.high, q.bound) == (low, high, "range")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The group sold 42m of its shares to a fund.", 42e6, ""),
        ("It lost 12m of its customers' records.", 12e6, ""),
        ("The company has shipped 8m of the devices.", 8e6, ""),
        ("Some 5m of them were sold.", 5e6, ""),
        ("The first 400m of the tunnel are dug.", 400, "m"),
        ("He laid 20m of cable.", 20, "m"),
    ],
)
def test_m_before_of_is_millions_of_a_plural_and_metres_of_a_singular(
    text: str, value: float, unit: str
) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The festival runs Sept. 12-16 in the harbour.", "--09-12/--09-16"),
        ("Voting takes place May 3-5 at every branch.", "--05-03/--05-05"),
        ("The talks, held Oct. 9 – 11, 2025, ended.", "2025-10-09/2025-10-11"),
    ],
)
def test_a_span_of_days_is_one_date(text: str, iso: str) -> None:
    found = find_quantities(text)
    assert [q.date for q in found] == [iso]


def test_a_spaced_hyphen_after_a_day_is_no_span_of_days() -> None:
    found = find_quantities("On July 4 - 12 people came.")
    assert [(q.date, q.value) for q in found] == [("--07-04", None), (None, 12)]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("At midday the Stoxx 50 -0.7%, the DAX -0.8%.", [-0.7, -0.8]),
        ("Markets: FTSE 100 -0.4%, Nikkei 225 +1.1%.", [-0.4, 1.1]),
        ("The S&P 500 -2.1% on the week was its worst since March.", [-2.1]),
        ("Hang Seng -1.7%; ASX 200 -0.6%.", [-1.7, -0.6]),
    ],
)
def test_a_signed_share_after_an_index_named_with_a_number(text: str, values: list[float]) -> None:
    assert [q.value for q in quantities(text)] == values


def test_a_dash_after_a_bare_number_and_a_space_still_joins_a_range() -> None:
    q = only("It takes 10 -15 minutes.")
    assert (q.low, q.high, q.unit) == (10, 15, "minutes")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("set the oven to 350 degF", 350, "°F"),
        ("lows of 20 deg C", 20, "°C"),
        ("it runs at 3.2 Ghz", 3.2, "GHz"),
        ("clocked at 2.8GHZ", 2.8, "GHz"),
        ("a 433 mhz radio", 433, "MHz"),
        ("the bottle holds 2l of water", 2, "L"),
        ("a 1.5l engine", 1.5, "L"),
        ("now valued at $8 B.", 8e9, "USD"),
        ("it raised $1.5 M from investors", 1.5e6, "USD"),
    ],
)
def test_units_written_in_other_cases_and_spaced_magnitudes(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


def test_a_capital_initial_after_an_amount_is_no_magnitude() -> None:
    assert only("He paid $5 B. Smith.").value == 5


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The carmaker recalled 18400 Model S and Model X cars.", [18400]),
        ("The festival booked 120 Irish and Scottish bands.", [120]),
        ("The airline is grounding two new 737 Max jets.", [2]),
        ("The carrier took delivery of three 787 Dreamliners.", [3]),
        ("Boeing delivered 44 737 Max jets in March.", [44]),
    ],
)
def test_names_joined_by_and_and_model_numbers_after_a_count(text: str, values: list[float]) -> None:
    assert [q.value for q in quantities(text)] == values


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("The rupee appreciated 1.2% against the dollar.", "up"),
        ("The lira depreciated 3% last week.", "down"),
        ("The trade gap widened 4% in May.", "up"),
        ("The firm narrowed its loss by $12 million.", "down"),
        ("Retail sales rose an annual 4.1% in March.", "up"),
        ("The economy grew an annualised 2.8%.", "up"),
        ("Payrolls grew a seasonally adjusted 175,000.", "up"),
        ("Shares rose a record 18% on Friday.", "up"),
        ("A jump in exports of 15% lifted the currency.", "up"),
        ("A fall in house prices of 2% was forecast.", "down"),
        ("Sales were 6% down on last year.", "down"),
        ("Bookings are 12% up on the same month of 2023.", "up"),
        ("Output was 3% down year on year.", "down"),
    ],
)
def test_more_ways_of_stating_a_change(text: str, direction: str) -> None:
    assert only(text).direction == direction


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("The shop is 2 miles down the road.", None),
        ("He paid 10% up front.", None),
        ("a narrow 2% lead", None),
        ("The gap widened to $80 billion.", None),
        ("GDP expanded at an annual rate of 2.8%.", None),
    ],
)
def test_up_down_and_verbs_of_change_that_state_no_change_of_the_number(
    text: str, direction: str | None
) -> None:
    assert only(text).direction == direction


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Between 1550 and 1850 the glaciers advanced.", "1550/1850"),
        ("From 1600 to 1800 the town's population barely changed.", "1600/1800"),
        ("Between 1600 and 1900 world temperatures fell.", "1600/1900"),
    ],
)
def test_a_range_of_years_is_a_span_of_dates(text: str, date: str) -> None:
    assert [q.date for q in find_quantities(text)] == [date]


def test_a_range_of_four_digit_numbers_before_a_plural_counts() -> None:
    q = only("Between 1500 and 2000 people attended each night.")
    assert (q.low, q.high, q.unit) == (1500, 2000, "count")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("a loan of 12,34,567.89 rupees", 1_234_567.89),
        ("a crowd of 1,23,456 people", 123_456),
        ("assets of Rs 4,50,000", 450_000),
    ],
)
def test_digits_grouped_in_lakhs(text: str, value: float) -> None:
    assert only(text).value == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("it cost thirteen dollars and forty-five cents", 13.45),
        ("it cost thirteen dollars forty-five cents", 13.45),
        ("a fare of 2 dollars and twenty-five cents", 2.25),
    ],
)
def test_cents_in_compound_number_words_join_the_amount(text: str, value: float) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), "USD")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("½ teaspoon baking powder", 0.5, "teaspoons"),
        ("a ¼ mile track", 0.25, "miles"),
        ("add ¾ cup of milk", 0.75, "count"),
        ("2 tbsp of oil", 2, "tablespoons"),
        ("the angle is 0.8rad", 0.8, "rad"),
        ("the meal cost 100元", 100, "CNY"),
    ],
)
def test_fractions_standing_alone_and_more_units(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize(
    "text", ["a promise that is one year old", "the car is one year old", "a one year old child"]
)
def test_one_year_old_is_an_age(text: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (1, "years")


@pytest.mark.parametrize(
    "text", ["The stand was finished in 1934.", "It placed in 2019 among the best.", "It came in 2021."]
)
def test_a_year_after_a_verb_of_ranking_is_no_rank(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(
    ("text", "ranges"),
    [
        ("It revised its forecast from 5 to 7 per cent to 3 to 5 per cent.", [(5, 7), (3, 5)]),
        ("Guidance was raised from $2-3 billion to $4-5 billion.", [(2e9, 3e9), (4e9, 5e9)]),
        ("The target band moved from 10 to 12 to 11 to 13.", [(10, 12), (11, 13)]),
    ],
)
def test_a_change_from_one_range_to_another(text: str, ranges: list[tuple[float, float]]) -> None:
    assert [(q.low, q.high) for q in quantities(text)] == ranges


@pytest.mark.parametrize(
    "text", ["They bought thousands of COVID -19 tests.", "The MP3 -4 format", "the SARS -2 virus spread"]
)
def test_a_name_with_a_stray_space_before_its_dash_is_no_negative_count(text: str) -> None:
    assert all(q.value is None or q.value >= 0 for q in quantities(text))


@pytest.mark.parametrize(
    "text",
    [
        "The improvement from 40% to 55% was welcome.",
        "A jump from 3 to 9 stores surprised the board.",
        "The decline from 1,200 to 800 members worried the club.",
        "From 20% to 45% — more than double — the share rose fast.",
        "From 12 to 30 branches - a 150% rise - the chain grew.",
    ],
)
def test_from_a_to_b_with_a_word_of_change_in_its_clause_is_two_figures(text: str) -> None:
    found = [q for q in quantities(text) if q.unit != "x" and q.text[:2] != "a "]
    assert [q.bound for q in found[:2]] == ["=", "="]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("From 1700 to 1850 the town's trade changed little.", "1700/1850"),
        ("From 1600 to 1800 the price of bread rose slowly.", "1600/1800"),
    ],
)
def test_from_one_year_to_another_is_a_span_even_near_a_word_of_change(text: str, iso: str) -> None:
    assert [q.date for q in find_quantities(text)] == [iso]


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Gains of 3% in tech stocks lifted the index.", "up"),
        ("Increases of 5% were approved.", "up"),
        ("Rallies of 10% are rare.", "up"),
        ("Cuts of 8% hit the budget.", "down"),
        ("The euro was 0.3% stronger.", "up"),
        ("The yen ended 0.5% weaker.", "down"),
        ("Shares were off 3% at midday.", "down"),
        ("The index closed off 1.2% on Friday.", "down"),
    ],
)
def test_plural_nouns_of_change_comparatives_and_off(text: str, direction: str) -> None:
    assert only(text).direction == direction


@pytest.mark.parametrize(
    "text",
    ["They sold off 200 shares.", "The firm laid off 300 workers.", "The Fed made 3 cuts and 2 hikes."],
)
def test_off_after_a_phrasal_verb_and_counted_changes_state_no_direction(text: str) -> None:
    assert all(q.direction is None for q in quantities(text))


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The state will spend Rp 5,000 billion.", 5e12, "IDR"),
        ("The county received Ksh 2 billion.", 2e9, "KES"),
        ("The tower cost Dh5 billion.", 5e9, "AED"),
        ("The plan costs R2.5bn.", 2.5e9, "ZAR"),
        ("A permit costs R350.", 350, "ZAR"),
        ("The loan was E£3 billion.", 3e9, "EGP"),
        ("The fee is SFr 200.", 200, "CHF"),
        ("The bill came to Tk 300 crore.", 3e9, "BDT"),
        ("The deal is worth QR 10bn.", 1e10, "QAR"),
        ("It cost 5 billion TL.", 5e9, "TRY"),
        ("They paid 3 billion Kenyan shillings.", 3e9, "KES"),
        ("a fine of 40,000 KES", 40_000, "KES"),
    ],
)
def test_currency_symbols_and_codes_of_more_countries(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (pytest.approx(value), unit)


@pytest.mark.parametrize(
    "text", ["The R2 unit and the R5 model shipped.", "Plan R 25 was adopted.", "the Hundred Years War"]
)
def test_a_letter_before_a_small_number_and_a_scale_word_alone_are_no_amounts(text: str) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize(("text", "value"), [("He is 6ft 2in tall.", 2), ("a 65in television", 65)])
def test_inches_written_against_the_number(text: str, value: float) -> None:
    q = quantities(text)[-1]
    assert (q.value, q.unit) == (value, "inches")


@pytest.mark.parametrize(
    "text",
    [
        "Apple rose 2.1%, Microsoft 1.5% and Amazon 0.9%.",
        "The FTSE fell 0.5%, the DAX 0.3% and the CAC 0.2%.",
        "Gold gained 12 points and Silver Corp 4 points.",
    ],
)
def test_names_with_a_figure_in_the_unit_of_the_change_before_take_its_direction(text: str) -> None:
    found = quantities(text)
    assert len(found) >= 2 and len({q.direction for q in found}) == 1 and found[0].direction is not None


@pytest.mark.parametrize(
    "text",
    ["Revenue rose 5%, Apple said, and 30% of it came from China.", "Sales rose 5%, and 30% came online."],
)
def test_a_figure_after_a_change_with_a_verb_or_clause_between_keeps_no_direction(text: str) -> None:
    assert quantities(text)[1].direction is None


@pytest.mark.parametrize(
    ("text", "direction"),
    [
        ("Fuel prices were raised by 50 paise a litre.", "up"),
        ("Fares will be raised by 4%.", "up"),
        ("A 4.5 per cent pay rise was offered.", "up"),
        ("The bank announced a 25bp rate cut.", "down"),
        ("A $5 price hike angered riders.", "up"),
    ],
)
def test_raised_by_and_a_change_noun_after_the_word_it_qualifies(text: str, direction: str) -> None:
    assert only(text).direction == direction


@pytest.mark.parametrize(
    "text", ["The firm raised $45 million.", "20 workers cut their hours.", "5% of sales cut"]
)
def test_raising_money_and_a_verb_after_a_count_state_no_change(text: str) -> None:
    assert only(text).direction is None


@pytest.mark.parametrize(
    ("text", "unit"),
    [("A $5 fee applies.", "USD"), ("A $2.5bn deal was signed.", "USD"), ("It cost A$5.", "AUD")],
)
def test_an_article_before_a_dollar_sign_is_no_currency_prefix(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("She won by a tenth of a second.", 0.1, "seconds"),
        ("It took a quarter of an hour.", 0.25, "hours"),
        ("The trail is two-thirds of a mile long.", 0.6667, "miles"),
        ("Rates rose a third of a percentage point.", 0.3333, "percentage points"),
        ("The estate is worth a quarter of a million pounds.", 250_000, "GBP"),
    ],
)
def test_a_fraction_of_one_unit(text: str, value: float, unit: str) -> None:
    q = only(text)
    assert (q.value, q.unit) == (value, unit)


def test_a_fraction_of_a_group_stays_a_share() -> None:
    q = only("A quarter of the budget went on wages.")
    assert (q.value, q.unit) == (25, "%")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("They lost a million pounds.", "GBP"),
        ("It cost two million pounds.", "GBP"),
        ("He lost 20 pounds.", "lb"),
    ],
)
def test_pounds_after_a_million_in_words_are_money(text: str, unit: str) -> None:
    assert only(text).unit == unit


@pytest.mark.parametrize(
    ("text", "bound", "direction"),
    [
        ("Prices rose by a little more than 3%.", ">", "up"),
        ("A little over 5% of voters switched.", ">", None),
        ("Costs fell slightly less than 2%.", "<", "down"),
        ("Sales grew a bit over 4%.", ">", "up"),
        ("It weighs a shade under 2 kg.", "<", None),
    ],
)
def test_bounds_softened_by_a_little_or_slightly(text: str, bound: str, direction: str | None) -> None:
    q = only(text)
    assert (q.bound, q.direction) == (bound, direction)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The fair runs 21-25 September in Leeds.", "--09-21/--09-25"),
        ("The fair ran from Sept. 21 to 25.", "--09-21/--09-25"),
        ("Talks are set for 3 to 5 March 2026.", "2026-03-03/2026-03-05"),
        ("the 12th-14th of June", "--06-12/--06-14"),
    ],
)
def test_a_span_of_days_before_its_month_or_joined_by_to(text: str, iso: str) -> None:
    assert [q.date for q in find_quantities(text)] == [iso]


@pytest.mark.parametrize(
    "text",
    [
        "The Airbus A350-1000 landed.",
        "The B737-800 fleet is grounded.",
        "The 7-Eleven chain opened a store.",
        "He bought a 3-Series.",
    ],
)
def test_codes_and_numbers_hyphened_to_names_are_no_quantities(text: str) -> None:
    assert quantities(text) == []


def test_an_age_in_title_case() -> None:
    q = only("The 45-Year-Old Man")
    assert (q.value, q.unit, q.text) == (45, "years", "45-Year-Old")
