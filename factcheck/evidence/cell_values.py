"""Figures of table cells, definition lists and chart labels: the quantities of a cell read with the unit
and the scale its header or caption gives ("Shipments (millions)", "Input ($/1M tokens)"), and the rank
written in front of a row label ("3. Xiaomi")."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.metric_words import STOP_WORDS, stem
from factcheck.models import Quantity
from factcheck.quantities.finder import find_quantities

# A figure out of a whole, as cells write it: "2 / 115", "2nd of 115", "#2 of 115", "93 / 100"
_OUT_OF = re.compile(
    r"^\s*(?P<hash>#\s*)?(?P<n>\d+(?:\.\d+)?)(?P<ord>st|nd|rd|th)?\s*(?:/|\bout of\b|\bof\b)\s*"
    r"(?P<m>\d[\d,]*(?:\.\d+)?)\b",
    re.I,
)
_ORDINAL_CELL = re.compile(r"^\s*#?\s*(?P<n>\d+)(?P<ord>st|nd|rd|th)?\s*(?:place)?\s*$", re.I)


def out_of(text: str, unit_hint: str | None) -> Quantity | None:
    """A cell's figure out of a whole, read as one quantity: a rank when the label says so or the figure is
    an ordinal or "#N" ("2nd of 115", "#2 / 115"), else a score out of its scale ("93 / 100")."""
    m = _OUT_OF.match(text)
    if m:
        n, whole = float(m.group("n")), float(m.group("m").replace(",", ""))
        if n > whole:
            return None
        rank = unit_hint == "rank" or bool(m.group("ord") or m.group("hash"))
        unit = "rank" if rank else unit_hint or "points"
        span = text[m.start("n") : m.end("m")]
        return Quantity(span, m.start("n"), m.end("m"), value=n, unit=unit, scale=whole)
    m = _ORDINAL_CELL.match(text) if unit_hint == "rank" else None
    if m:
        end = m.end("ord") if m.group("ord") else m.end("n")
        return Quantity(text[m.start("n") : end], m.start("n"), end, value=float(m.group("n")), unit="rank")
    return None


def cell_quantities(
    text: str, offset: int, unit_hint: str | None, scale: float | None = None
) -> list[Quantity]:
    """The quantities of a cell, given the unit and the scale ("in millions") its header or caption states."""
    whole = out_of(text, unit_hint)
    if whole is not None:
        return [replace(whole, start=whole.start + offset, end=whole.end + offset)]
    out = []
    for q in find_quantities(text, include_dates=True):
        if unit_hint and unit_hint.startswith("per "):
            if re.fullmatch(r"[A-Z]{3}|pence|cents", q.unit):
                q = replace(q, unit=f"{q.unit} {unit_hint}")  # "€0.39" under "Price per kWh"
        elif unit_hint and (q.unit in ("", "count") or (q.unit and unit_hint.startswith(q.unit + " "))):
            q = replace(q, unit=unit_hint)
        if scale and _scalable(q):
            q = replace(
                q,
                value=_times(q.value, scale),
                low=_times(q.low, scale),
                high=_times(q.high, scale),
                unit=q.unit or "count",
            )
        out.append(replace(q, start=q.start + offset, end=q.end + offset))
    return out


# Scale words of a header or caption: "Shipments (millions)", "(m)", "($bn)", "in $ billions", "million units"
_SCALES = {"thousand": 1e3, "k": 1e3, "000": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mil": 1e6}
_SCALES |= {"billion": 1e9, "bn": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12}
_MONEY = r"(?:us\s?\$|[$€£¥]|usd|eur|gbp)"
_SCALE_RES = (
    re.compile(
        rf"\(\s*(?:{_MONEY}\s*)?(?P<scale>thousands?|millions?|billions?|trillions?|mn|mil|bn|tn|[kmb]|'?000s?)"
        r"(?:\s+(?:of\s+)?[a-z]+)?\s*\)",
        re.I,
    ),
    re.compile(
        rf"(?:(?P<what>[a-z]+)\s+)?\bin\s+(?:{_MONEY}\s*)?(?P<scale>thousands|millions|billions|trillions|mn|bn)\b",
        re.I,
    ),
    re.compile(
        rf"{_MONEY}\s*(?P<scale>(?:thousand|million|billion|trillion)s|mn|bn|m)\b(?!\s*(?:tokens|/))", re.I
    ),
    re.compile(r"\b(?P<scale>(?:thousand|million|billion)s?)\s+(?:of\s+)?units\b", re.I),
    # "New car registrations, thousands", "Revenue, $ millions"
    re.compile(
        rf",\s*(?:{_MONEY}\s*)?(?P<scale>thousands|millions|billions|trillions|mn|bn|'?000s?)\s*$", re.I
    ),
)
# Words that name every figure of a table rather than one column ("figures in millions")
_ALL_FIGURES = {stem(w) for w in ("figure", "value", "number", "amount", "data", "all", "unit")}


def scale_hint(label: str) -> tuple[float, str] | None:
    """The factor a header or caption applies to its figures, and the word it names them by, if any:
    "(shipments in millions of units)" -> (1e6, "shipments"); "Revenue ($bn)" -> (1e9, "")."""
    for pattern in _SCALE_RES:
        m = pattern.search(label)
        if m and not re.search(r"(?:\bper|/)\s*$", label[: m.start()]):
            word = m.group("scale").lower().strip("'").removesuffix("s") or "000"
            what = m.groupdict().get("what") or ""
            return _SCALES.get(word, 1e3 if "000" in word else 1.0), what.lower()
    return None


def column_scale(column: str, caption: str) -> float | None:
    """The scale of a table column: its header's own, else the caption's when it covers the column."""
    own = scale_hint(column)
    if own:
        return own[0]
    hint = scale_hint(caption) if caption else None
    if not hint:
        return None
    factor, what = hint
    if what and stem(what) not in _ALL_FIGURES and what not in STOP_WORDS:
        header = {stem(w) for w in re.findall(r"[a-z]+", column.lower())}
        return factor if stem(what) in header else None
    return factor


def _scalable(q: Quantity) -> bool:
    """A plain count or amount, not already scaled by its own text ("298.4M"), not a share or a rank."""
    if q.unit not in ("", "count") and not re.fullmatch(r"[A-Z]{3}", q.unit):
        return False
    return not re.search(r"\d\s*(?:[kKmMbB]|bn|mn|thousand|million|billion|trillion)\b|\d[kKMB]$", q.text)


def _times(value: float | None, factor: float) -> float | None:
    return None if value is None else float(f"{value * factor:.12g}")


# A position written in front of a row label: "3. Xiaomi", "#2 Apple", "1) Samsung"
_RANK_PREFIX = re.compile(r"\s*(?:#\s*(\d{1,3})\.?|(\d{1,3})\s*[.)])\s+(?=\S)")


def without_rank(label: str) -> tuple[Quantity | None, str]:
    """A row label without its position, and the position as a rank quantity (offsets into ``label``)."""
    m = _RANK_PREFIX.match(label)
    if not m:
        return None, label
    number = m.group(1) or m.group(2)
    start = label.index(number)
    rank = Quantity(number, start, start + len(number), value=float(number), unit="rank")
    return rank, label[m.end() :].strip()


_CURRENCIES = (("$", "USD"), ("usd", "USD"), ("€", "EUR"), ("eur", "EUR"), ("£", "GBP"), ("gbp", "GBP"))


def unit_hint(label: str) -> str | None:
    """The unit a column header or caption gives its cells: "Input ($/1M tokens)" -> "USD per 1M tokens"."""
    low = label.lower()
    currency = next(
        (
            code
            for sign, code in _CURRENCIES
            if (sign in low if not sign.isalpha() else re.search(rf"\b{sign}\b", low))
        ),
        None,
    )
    per_million = re.search(
        r"(?:/|\bper\b)\s*(?:1\s*m\b|1\s*million|million|mtok|m\s+tokens)", low
    ) or re.search(r"(?:/|\bper\s)\s*M\b", label)  # "$/M": a capital M is a million
    if currency:
        return f"{currency} per 1M tokens" if per_million else currency
    if re.search(r"%|\bpercent(?:age)?\b", low) and "percentage point" not in low:
        return "%"
    if re.search(r"\brank(?:ing)?\b|^#$|\bposition\b", low):
        return "rank"
    if re.search(r"\btokens?\s*(?:/|per)\s*s", low):
        return "tokens per second"
    if re.search(r"\btokens\b", low):
        return "tokens"
    named = _named_unit(label)
    if named:
        return named
    # a rate without its currency ("Price per kWh (AC / DC)"): the cells' amounts are per kWh
    # ("Fare per person", "Cost / night"); a word after a slash in capitals is another column ("AC / DC"),
    # and "per unit" names no unit
    rate = re.search(r"\b[Pp]er\s+(?!cent\b|unit\b)([A-Za-z][\w-]*)|/\s*([a-z][a-z-]*|[kMGT]Wh?)\b", label)
    return f"per {rate.group(1) or rate.group(2)}" if rate else None


def _named_unit(label: str) -> str | None:
    """A unit a label names in brackets or after "in" ("Cargo (tonnes)", "Avg. delay (min)", "Consumption in
    TWh", "Rate (p/kWh)"), as the quantity finder's unit lexicon reads it; None for counts and plain words."""
    for m in re.finditer(
        r"\(\s*([^()]{1,16}?)\s*\)|\bin\s+([A-Za-z][\w/]{0,12})\b|,\s*([A-Za-z][\w/]{0,12})\s*$", label
    ):
        words = (m.group(1) or m.group(2) or m.group(3)).strip()
        found = find_quantities(f"1 {words}", include_dates=False)
        if len(found) == 1 and found[0].text == f"1 {words}" and found[0].unit not in ("", "count"):
            return found[0].unit
    return None


# Two figures in one cell or phrase: "$1.20 / $4.80", "41.0% -> 58.5%", "36.6% → 74.0%", "71.5% vs 64.0%"
_PAIR_SEPARATOR = r"\s*(?:/|→|->|=>|⟶|\bvs\.?|\bversus)\s*"
_PAIR = re.compile(rf"^(?P<a>[^/→]*?\d[^/→]*?){_PAIR_SEPARATOR}(?P<b>[^/→]*?\d[^/→]*?)$", re.I)
# The labels a header gives the two figures: "Input / output ($ per 1M tokens)", "(AC / DC)", "In / Out",
# "gpt-5.4 → gpt-5.5", "before -> after"
_LABEL_A = r"(?P<a>[A-Za-z][\w.-]*(?:\s[\w.-]+)?)"
_LABEL_B = r"(?P<b>[A-Za-z][\w.-]*(?:\s[A-Za-z][\w.-]*)?)"
_PAIR_LABELS = re.compile(_LABEL_A + _PAIR_SEPARATOR + _LABEL_B, re.I)
# words after a slash that make a unit, not a second label ("tokens/s", "$/kWh")
_PER_WORDS = {"s", "sec", "second", "h", "hr", "hour", "m", "1m", "mtok", "kwh", "month", "yr", "year"}


def split_pair(text: str) -> list[tuple[str, int]] | None:
    """The two figures of a cell holding two, each with its offset in ``text``: "$5.00 / $30.00" ->
    [("$5.00", 0), ("$30.00", 8)]; None for a cell of one figure (or a score such as "93/100")."""
    m = _PAIR.match(text.strip())
    if not m:
        return None
    a, b = m.group("a").strip(), m.group("b").strip()
    if re.fullmatch(r"\d+", b) and not re.search(r"[%$€£¥]", a + b):
        return None  # "93/100", "2/4": a score out of a scale, not two figures
    offset = len(text) - len(text.lstrip())
    return [(a, offset + m.start("a")), (b, offset + m.start("b"))]


def pair_labels(label: str) -> tuple[str, str, str] | None:
    """The two labels a header gives a pair of figures, and the header without them: "Input / output ($ per
    1M tokens)" -> ("Input", "output", "($ per 1M tokens)"); "Price per kWh (AC / DC)" -> ("AC", "DC",
    "Price per kWh")."""
    m = _PAIR_LABELS.search(label)
    if not m:
        return None
    rest = re.sub(r"\(\s*\)", " ", label[: m.start()] + " " + label[m.end() :])
    a, b = m.group("a"), m.group("b")
    if re.search(r"\d", a + b) and not re.search(r"[A-Za-z]-?\d", a + b):
        return None  # "$/1M" or "tokens/s" is a unit, not two labels
    if b.lower() in _PER_WORDS:
        return None
    return a.strip(), b.strip(), re.sub(r"\s+", " ", rest).strip()
