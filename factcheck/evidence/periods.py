"""Reporting periods named in labels and sentences: "Q1 2026", "1Q26", "the first quarter of 2026", "FY25",
"Q3 FY26", "H1 2026", "March 2026", "Mar-26", "year to date 2026", "2025". One normal form for all of them,
so that a claim and a fact name the same period the same way, and an order, so that the latest of several
columns can be told apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_MONTHS = {
    name: i + 1
    for i, names in enumerate(
        (
            "january jan",
            "february feb",
            "march mar",
            "april apr",
            "may",
            "june jun",
            "july jul",
            "august aug",
            "september sep sept",
            "october oct",
            "november nov",
            "december dec",
        )
    )
    for name in names.split()
}
_YEAR = r"(?:19|20)\d{2}"
_SHORT = r"['’]?(?:\d{2}|(?:19|20)\d{2})"
_MONTH = "|".join(sorted(_MONTHS, key=len, reverse=True))
_PATTERN = re.compile(
    # "1 January to 31 March 2026", "April–June 2026": a span of months
    rf"\b(?:(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<m1>{_MONTH})\.?(?:\s+(?P<y1>{_YEAR}))?\s*(?:to|–|-|until|through)\s*"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+)?(?P<m2>{_MONTH})\.?\s+(?P<y2>{_YEAR})"
    rf"|(?:year[\s-]+to[\s-]+date|ytd)(?:\s+(?P<yty>{_YEAR}))?|(?P<ytyb>{_YEAR})\s+(?:year[\s-]+to[\s-]+date|ytd)"
    rf"|(?P<mon>{_MONTH})\.?(?:[\s-]+|-?)(?P<my>{_YEAR}|['’]\d{{2}}|(?<=-)\d{{2}})(?![\d/.-]\d)"
    rf"|(?P<q>[1-4])Q(?P<qy>\d{{2}}(?:\d{{2}})?)"
    rf"|Q(?P<q2>[1-4])\s*(?:(?:FY|CY)\s*(?P<q2fy>{_SHORT})|(?P<q2y>{_SHORT}))?"
    rf"|(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+quarter(?:\s+of)?(?:\s+(?:fiscal\s+)?(?P<oy>{_YEAR}))?"
    rf"|(?:FY|CY)\s*(?P<fy>{_SHORT})"
    rf"|(?:H(?P<h>[12])|(?P<hw>first|second)\s+half(?:\s+of)?)\s*(?P<hy>{_SHORT})?"
    rf"|(?P<y>{_YEAR}))\b",
    re.I,
)


@dataclass(frozen=True)
class Period:
    """A period as ``year`` (None when only a quarter is named), ``part`` ("Q1".."Q4", "H1", "H2", a month
    "M01".."M12", "YTD" for the year to date, or "") and whether it is a fiscal year; ``text`` is how it was
    written."""

    year: int | None
    part: str
    fiscal: bool
    text: str

    @property
    def key(self) -> str:
        """The normal form: "2026Q1", "FY2026Q3", "2025", "Q3" (a quarter of no stated year)."""
        year = f"{'FY' if self.fiscal else ''}{self.year}" if self.year else ""
        return f"{year}{self.part}"

    @property
    def label(self) -> str:
        """How an explanation names it: "Q1 2026", "Q3 FY2026", "FY2025", "March 2026", "2025"."""
        year = f"{'FY' if self.fiscal else ''}{self.year}" if self.year else ""
        part = self.part
        if part.startswith("M"):
            part = _MONTH_NAMES[int(part[1:]) - 1]
        elif part == "YTD":
            part = "year to date"
        return " ".join(p for p in (part, year) if p)

    def months(self) -> tuple[int, int]:
        """The first and last month of the year the period covers (a year to date: from January on)."""
        part = self.part
        if part.startswith("M"):
            return int(part[1:]), int(part[1:])
        if part.startswith("Q"):
            return 3 * int(part[1]) - 2, 3 * int(part[1])
        if part.startswith("H"):
            return 6 * int(part[1]) - 5, 6 * int(part[1])
        return 1, 12

    def order(self) -> tuple[int, int]:
        return (self.year or 0, self.months()[1])

    def contains(self, other: Period) -> bool:
        """Whether ``other`` falls within this period (a year holds its quarters and months, a quarter its
        months; a bare quarter matches the same quarter of any year). A year to date holds, and is held by,
        no other period: its figures add up the months so far."""
        if self.year and other.year and (self.year != other.year or self.fiscal != other.fiscal):
            return False
        if self.part == other.part:
            return True
        if "YTD" in (self.part, other.part):
            return False
        if not self.part:
            return True
        first, last = self.months()
        other_first, other_last = other.months()
        return bool(other.part) and first <= other_first and other_last <= last


_MONTH_NAMES = "January February March April May June July August September October November December".split()


def _year(text: str | None) -> int | None:
    if not text:
        return None
    digits = text.strip("'’")
    return int(digits) + (2000 if len(digits) == 2 else 0)


_MONTH_BEFORE = re.compile(
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?,?\s+)?$"
    r"|\b\d{1,2}(?:st|nd|rd|th)?\s+$",
    re.I,
)


def _is_date_year(text: str, start: int, end: int) -> bool:
    """A year that is part of a date ("April 23, 2026", "2026-04-24"), which dates a text, not a figure."""
    if re.match(r"[-/.]\d", text[end : end + 2]) or re.search(r"\d[-/.]$", text[max(0, start - 2) : start]):
        return True
    before = text[max(0, start - 16) : start]
    return bool(_MONTH_BEFORE.search(before)) and not re.search(r"\bquarter|\bhalf", before, re.I)


def find_periods(text: str | None) -> list[Period]:
    """Every period named in ``text``, in order."""
    out = []
    for m in _PATTERN.finditer(text or ""):
        g = m.groupdict()
        if g["m2"]:
            span = _span(_MONTHS[g["m1"].lower()], _MONTHS[g["m2"].lower()])
            if span is not None and (not g["y1"] or g["y1"] == g["y2"]):
                out.append(Period(int(g["y2"]), span, False, m.group(0)))
        elif m.group(0).lower().startswith(("year", "ytd")) or g["ytyb"]:
            out.append(Period(_year(g["yty"] or g["ytyb"]), "YTD", False, m.group(0)))
        elif g["mon"]:
            if g["mon"] == "may" or _is_day_date(text or "", m.start(), m.end()):
                continue  # "April 23, 2026" dates a text; "April 2026" is a period
            month = _MONTHS[g["mon"].lower()]
            out.append(Period(_year(g["my"]), f"M{month:02d}", False, m.group(0)))
        elif g["q"]:
            out.append(Period(_year(g["qy"]), f"Q{g['q']}", False, m.group(0)))
        elif g["q2"]:
            fiscal = bool(g["q2fy"])
            out.append(Period(_year(g["q2fy"] or g["q2y"]), f"Q{g['q2']}", fiscal, m.group(0)))
        elif g["ord"]:
            out.append(Period(_year(g["oy"]), f"Q{_ORDINALS[g['ord'].lower()]}", False, m.group(0)))
        elif g["fy"]:
            out.append(Period(_year(g["fy"]), "", True, m.group(0)))
        elif g["h"] or g["hw"]:
            half = g["h"] or ("1" if g["hw"].lower() == "first" else "2")
            out.append(Period(_year(g["hy"]), f"H{half}", False, m.group(0)))
        elif g["y"] and not _is_date_year(text or "", m.start(), m.end()):
            out.append(Period(int(g["y"]), "", False, m.group(0)))
    return out


def _span(first: int, last: int) -> str | None:
    """The part of a year a span of months makes ("Q1" for January to March), None for an uneven span."""
    if first == last:
        return f"M{first:02d}"
    if last - first == 2 and first % 3 == 1:
        return f"Q{(first + 2) // 3}"
    if last - first == 5 and first in (1, 7):
        return f"H{(first + 5) // 6}"
    return "" if (first, last) == (1, 12) else None


def _is_day_date(text: str, start: int, end: int) -> bool:
    """A month written as part of a day's date: "April 23, 2026", "23 April 2026", "2026-04-23"."""
    return bool(
        re.search(r"\b\d{1,2}(?:st|nd|rd|th)?\s+$", text[max(0, start - 6) : start])
        or re.match(r"[-/.]\d", text[end : end + 2])
    )


def find_period(text: str | None) -> Period | None:
    """The first period named in ``text``; a quarter and a fiscal year written apart ("Q3 ... FY26") join."""
    found = find_periods(text)
    if not found:
        return None
    first = found[0]
    if first.year is None:
        later = next((p for p in found[1:] if p.year), None)
        if later is not None:
            return Period(later.year, first.part, later.fiscal, first.text)
    return first


# the kind of period a group header names over its columns ("Month" over "Mar 2026" and "Mar 2025")
_PERIOD_KIND = re.compile(r"(?<![\w-])(?:months?|quarters?|periods?)(?![\w-])", re.I)


def without_period(text: str) -> str:
    """``text`` without the periods it names ("Q1 2026 Market Share" -> "Market Share") and the kind of
    period a group header names ("Month Mar 2026" -> "")."""
    return re.sub(r"\s{2,}", " ", _PERIOD_KIND.sub(" ", _PATTERN.sub(" ", text))).strip(" ,;:-–|")


def same_period(a: Period | None, b: Period | None) -> bool:
    """Whether two periods can be the same: either is unknown, or one holds the other."""
    return a is None or b is None or a.contains(b) or b.contains(a)


_KEY = re.compile(r"(?P<fy>FY)?(?P<year>\d{4})?(?P<part>Q[1-4]|H[12]|M(?:0[1-9]|1[0-2])|YTD)?")


def period_from_key(key: str | None) -> Period | None:
    """The period of a normal form written by ``Period.key`` ("2026Q1", "FY2026Q3", "2025")."""
    m = _KEY.fullmatch(key or "")
    if not key or not m:
        return None
    year = int(m.group("year")) if m.group("year") else None
    return Period(year, m.group("part") or "", bool(m.group("fy")), key)


def period_label(key: str | None) -> str:
    """The readable name of a normal form: "2026Q1" -> "Q1 2026"; "" for none."""
    period = period_from_key(key)
    return period.label if period else ""
