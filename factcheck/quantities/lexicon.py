"""The finder's word lists and unit tables, read from the TOML files in ``data/``.

The lists are data about English and about units and currencies, not code: edit the files to teach the
finder a new unit, currency, bound phrase or change verb. Each file says what its tables mean.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Any


@cache
def load(name: str) -> dict[str, Any]:
    """One data file of the package, parsed (``load("units")`` reads ``data/units.toml``)."""
    with resources.files("factcheck.quantities").joinpath("data", f"{name}.toml").open("rb") as f:
        return tomllib.load(f)


def _ints(table: dict[str, Any]) -> dict[str, int]:
    return {k: int(v) for k, v in table.items()}


def _floats(table: dict[str, Any]) -> dict[str, float]:
    return {k: float(v) for k, v in table.items()}


_numbers = load("numbers")
_context = load("context")
_currencies = load("currencies")
_units = load("units")

ONES = _ints(_numbers["ones"])
TENS = _ints(_numbers["tens"])
SCALES = _floats(_numbers["scales"])
NUMBER_WORDS = [*ONES, *TENS, "hundred", "dozen", *SCALES]
ORDINAL_WORDS = _ints(_numbers["ordinals"])
FRACTION_DENOMINATORS = _ints(_numbers["fraction_denominators"])
MULTIPLIER_WORDS = _ints(_numbers["multipliers"])
NOT_MULTIPLIER_AFTER = frozenset(_numbers["multiplier_adjective"]["nouns"])
MAGNITUDE_WORDS = _floats(_numbers["magnitudes"])
MAGNITUDE_SUFFIX = _floats(_numbers["magnitude_suffixes"])
VULGAR = _floats(_numbers["vulgar_fractions"])
ORDERS_OF_MAGNITUDE = _floats(_numbers["orders_of_magnitude"])
ORDER_MULTIPLIERS = _floats(_numbers["order_multipliers"])

CURRENCY_SYMBOLS: dict[str, str] = dict(_currencies["symbols"])
ISO_CURRENCIES: tuple[str, ...] = tuple(_currencies["codes"]["iso"])
TRANSLITERATED_SYMBOLS: dict[str, str] = dict(_currencies["transliterated"])
# (pattern, ISO code, factor to the currency, minor unit name or "")
CURRENCY_WORDS: list[tuple[str, str, float, str]] = [
    (w["pattern"], w["code"], float(w.get("factor", 1.0)), w.get("minor", "")) for w in _currencies["word"]
]
# names that are also common English words ("won", "dong"): a currency only after a large amount
COMMON_WORD_CURRENCIES: list[str] = [w["pattern"] for w in _currencies["word"] if w.get("common_word")]
MINOR_UNITS: dict[str, tuple[str, float]] = {
    w["minor"]: (w["code"], float(w["factor"])) for w in _currencies["word"] if w.get("minor")
}

WORD_UNITS: list[tuple[str, str]] = [(u["pattern"], u["unit"]) for u in _units["word"]]
SYMBOL_UNITS: list[tuple[str, str]] = [(u["pattern"], u["unit"]) for u in _units["symbol"]]
ATTACHED_ONLY_UNITS: list[tuple[str, str]] = [(u["pattern"], u["unit"]) for u in _units["attached"]]

BOUND_PHRASES: dict[str, str] = dict(_context["bounds"])
BOUND_SYMBOLS: dict[str, str] = dict(_context["bound_symbols"])
UP_WORDS: list[str] = list(_context["direction"]["up_verbs"])
DOWN_WORDS: list[str] = list(_context["direction"]["down_verbs"])
PHRASAL_UP = frozenset(_context["direction"]["phrasal_up"])
UP_NOUNS: list[str] = list(_context["direction"]["up_nouns"])
DOWN_NOUNS: list[str] = list(_context["direction"]["down_nouns"])
LABEL_WORDS: list[str] = list(_context["labels"]["words"])
NOT_NOUNS = frozenset(_context["not_nouns"]["words"])
ONE_PRONOUN_BEFORE = frozenset(_context["one_pronoun"]["before"])
ONE_PRONOUN_AFTER = frozenset(_context["one_pronoun"]["after"])
IRREGULAR_PLURALS = frozenset(_context["plural_nouns"]["irregular"])
VOTE_WORDS: list[str] = list(_context["tally"]["vote_words"])
COMMON_CAPS = frozenset(_context["common_capitals"]["words"])
METRES_CONTEXT = frozenset(_context["metres_context"]["words"])
PER_NOUNS: dict[str, str] = dict(_context["per_nouns"])
PER_NOT_NOUNS = frozenset(_context["per_not_nouns"]["words"])
