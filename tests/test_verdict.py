"""Comparing a claimed figure with the figures a source states."""

from __future__ import annotations

import pytest

from factcheck.models import Claim, Fact, Quantity
from factcheck.quantities.tolerance import agrees, describe
from factcheck.verify.verdict import Found, judge_comparison, judge_direct

_FIGURE = ("value", "low", "high", "unit", "bound", "direction", "scale", "date")


def claim(**kw: object) -> Claim:
    """A claim about X in %, with the figure and claim fields given."""
    figure: dict[str, object] = {"unit": "%", **{k: v for k, v in kw.items() if k in _FIGURE}}
    fields: dict[str, object] = {"subject": "X", **{k: v for k, v in kw.items() if k not in _FIGURE}}
    quantity = Quantity(text="", start=0, end=0, **figure)  # type: ignore[arg-type]
    return Claim(id="c", quote="q", start=0, end=1, quantity=quantity, **fields)  # type: ignore[arg-type]


def found(
    value: float | None = None,
    *,
    unit: str = "%",
    low: float | None = None,
    high: float | None = None,
    subject: str = "X",
    metric: str = "score",
    score: float = 0.9,
) -> Found:
    bound = "range" if low is not None else "="
    q = Quantity(text="t", start=0, end=1, value=value, low=low, high=high, unit=unit, bound=bound)
    return Found("Src", Fact(subject, metric, q, "passage", "table", url="https://src.example/p"), score)


@pytest.mark.parametrize(
    ("stated", "bound", "measured", "ok"),
    [
        (82.7, "=", 82.7, True),
        (82.7, "=", 82.8, False),
        (13, "=", 13.3, True),
        (13, ">", 13.3, True),
        (40, "~", 38, True),
        (58, ">", 58.6, True),
        (2, ">", 2.02, True),
        (2, ">", 1.85, False),
        (60, "<=", 59, True),
    ],
)
def test_tolerance_follows_the_stated_precision_and_bound(
    stated: float, bound: str, measured: float, ok: bool
) -> None:
    assert agrees(stated, bound, measured) is ok


def test_a_matching_figure_supports_and_a_different_one_contradicts() -> None:
    assert judge_direct(claim(value=68.0), [found(68.0)]).verdict == "supported"  # type: ignore[union-attr]
    review = judge_direct(claim(value=57.0), [found(47.0)])
    assert review is not None and review.verdict == "contradicted" and "47%" in review.explanation


def test_weak_evidence_decides_nothing() -> None:
    assert judge_direct(claim(value=57.0), [found(47.0, score=0.3)]) is None


def test_a_range_in_the_source_supports_a_range_claim_that_holds_it() -> None:
    review = judge_direct(claim(low=40.0, high=60.0, bound="range"), [found(low=45.0, high=55.0)])
    assert review is not None and review.verdict == "supported" and "45–55%" in review.explanation


def test_a_comparison_is_computed_from_both_sides() -> None:
    equal = claim(value=1.0, unit="x", kind="equality", subject="A vs B")
    a = [
        found(5.0, unit="USD per 1M tokens", subject="A", metric="Input"),
        found(30.0, unit="USD per 1M tokens", subject="A", metric="Output"),
    ]
    b = [
        found(2.5, unit="USD per 1M tokens", subject="B", metric="Input"),
        found(15.0, unit="USD per 1M tokens", subject="B", metric="Output"),
    ]
    review = judge_comparison(equal, [a, b], [], "ratio")
    assert review is not None and review.verdict == "contradicted"
    assert "$5.00/$30.00 per 1M tokens" in review.explanation and "ratio of 2.0" in review.explanation


def test_figures_are_described_as_people_write_them() -> None:
    assert describe(2, "=", "rank", scale=115) == "#2 of 115"
    assert describe(93, "=", "points", scale=100) == "93/100"
    assert describe(4.5e9, ">", "USD") == "more than $4.5 billion"
