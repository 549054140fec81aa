"""Whether a stated figure agrees with a measured one, given the precision and bound it was stated with.

"about 40%" agrees with 38%, "more than 13 points" with 13.3, "58%+" with 58.6, "13-point gap" with
13.3 (a whole number covers half a unit either way), "82.7%" only with 82.65..82.75.
"""

from __future__ import annotations

import math


def precision_of(value: float) -> float:
    """Half a unit of the last digit the value was stated with (82.7 -> 0.05, 13 -> 0.5, 1500 -> 50)."""
    if value == 0:
        return 0.5
    text = f"{value:.6f}".rstrip("0").rstrip(".")
    if "." in text:
        return 0.5 * 10 ** -len(text.split(".")[1])
    digits = text.lstrip("-")
    trailing = len(digits) - len(digits.rstrip("0"))
    return 0.5 * 10 ** min(trailing, max(0, len(digits) - 2))


def agrees(
    stated: float,
    bound: str,
    measured: float,
    *,
    unit: str = "",
    low: float | None = None,
    high: float | None = None,
) -> bool:
    """Whether ``measured`` is consistent with a figure stated as ``bound stated``."""
    slack = precision_of(stated)
    if bound == "range" and low is not None and high is not None:
        return low - precision_of(low) <= measured <= high + precision_of(high)
    if bound == "=":
        return math.isclose(measured, stated, abs_tol=slack + 1e-9)
    if bound == "~":
        return abs(measured - stated) <= max(slack, 0.1 * abs(stated))
    if bound == ">":
        return measured > stated - 1e-9 if slack >= 0.5 else measured > stated
    if bound == ">=":
        return measured >= stated - slack
    if bound == "<":
        return measured < stated + 1e-9
    if bound == "<=":
        return measured <= stated + slack
    return False


_BOUND_WORDS = {
    "=": "",
    "~": "about ",
    ">": "more than ",
    ">=": "at least ",
    "<": "less than ",
    "<=": "up to ",
}


def describe(
    value: float | None,
    bound: str,
    unit: str,
    low: float | None = None,
    high: float | None = None,
    scale: float | None = None,
) -> str:
    """A figure in words: "more than 13 points", "40–60%", "about 2.0x", "#2 of 115", "93/100"."""
    words = _BOUND_WORDS.get(bound, "")
    if bound == "range":
        return f"{_num(low)}–{_num(high)}{_unit(unit)}"
    if unit == "rank":
        return f"{words}#{_num(value)}" + (f" of {_num(scale)}" if scale else "")
    if unit == "points" and scale:
        return f"{words}{_num(value)}/{_num(scale)}"
    currency, _, per = unit.partition(" per ")
    if currency in _SYMBOLS and value is not None:
        return f"{words}{_SYMBOLS[currency]}{_money(value)}" + (f" per {per}" if per else "")
    return f"{words}{_num(value)}{_unit(unit)}"


def describe_values(values: list[float | None], unit: str) -> str:
    """Several figures in one unit: "$5.00/$30.00 per 1M tokens", "74%/36.6%"."""
    texts = [describe(v, "=", unit) for v in values]
    currency, _, per = unit.partition(" per ")
    if per and currency in _SYMBOLS:
        return "/".join(t.removesuffix(f" per {per}") for t in texts) + f" per {per}"
    return "/".join(texts)


_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "INR": "₹"}


def _money(value: float) -> str:
    if abs(value) >= 1e9:
        return f"{value / 1e9:g} billion"
    if abs(value) >= 1e6:
        return f"{value / 1e6:g} million"
    return f"{value:,.2f}" if not float(value).is_integer() or abs(value) < 100 else f"{value:,.0f}"


def _num(v: float | None) -> str:
    if v is None:
        return "?"
    for size, word in ((1e12, "trillion"), (1e9, "billion"), (1e6, "million")):
        if abs(v) >= size:
            return f"{v / size:,.4f}".rstrip("0").rstrip(".") + f" {word}"
    if float(v).is_integer():
        return f"{int(v):,}"
    return f"{v:,.4f}".rstrip("0").rstrip(".")


def _unit(unit: str) -> str:
    if unit in ("%", "x"):
        return unit
    if unit in ("", "count"):
        return ""
    if unit == "points":
        return " points"
    if unit.startswith("USD"):
        return " " + unit
    return " " + unit
