"""Spans that carry digits but are not amounts (addresses, phone numbers, clock times, versions, list
markers, footnotes) and dates, which become quantities with ``unit == "date"``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.models import Quantity
from factcheck.quantities.patterns import DASHES, HS, MONTH, MONTHS, S

# Each pattern with the strings (lower case) of which a text must hold one for the pattern to match at
# all: a cheap test that spares most texts most patterns.
_BLOCKERS: list[tuple[re.Pattern[str], tuple[str, ...]]] = [
    (re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.I), ("http", "www")),
    (re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), ("@",)),
    (
        re.compile(
            r"(?<![\w@/.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|ai|gov|edu|dev|app|ly|co\.uk)"
            r"(?:/[^\s<>\"]*)?(?![\w])"
        ),
        (".",),
    ),
    # phone numbers: (555) 123-4567, 555-123-4567, +44 20 7946 0958
    (
        re.compile(
            rf"(?<![\w])(?:\+\d{{1,3}}[{HS}.-]?)?\(?\d{{3}}\)?[{HS}.-]\d{{3}}[.-]\d{{4}}"
            r"(?![\w])"
        ),
        (".", "-"),
    ),
    (re.compile(rf"(?<![\w])\+\d{{1,3}}(?:[{HS}.-]\(?\d{{1,4}}\)?){{2,5}}(?![\w])"), ("+",)),
    # clock times and ratios: 3:30 p.m., 10am, 16:9
    (
        re.compile(rf"(?<![\w.:])\d{{1,2}}(?::\d{{2}}){{1,2}}(?:{S}*[AaPp]\.?[Mm]\.?(?![A-Za-z]))?(?![\w:])"),
        (":",),
    ),
    (re.compile(rf"(?<![\w.])\d{{1,2}}{S}*(?:[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)(?![A-Za-z])"), ("m", "M")),
    (re.compile(r"(?<![\w.:])\d+:\d+(?![\w:])"), (":",)),
    # version strings: 1.2.3, v2, v1.5
    (re.compile(r"(?<![\w.])v?\d+(?:\.\d+){2,}(?![\w])", re.I), (".",)),
    (re.compile(r"(?<![\w])[vV]\d+(?:\.\d+)*(?![\w])"), ("v", "V")),
    # list numbering at a line start and (1) inline, footnote markers
    (re.compile(rf"(?m)^{S}*(?:\(\d{{1,3}}\)|\d{{1,3}}[.)])(?={S}+\S)"), (".", ")")),
    (re.compile(rf"\(\d{{1,2}}\)(?={S}+[A-Za-z])"), ("(",)),
    # footnote marks, but not the power of "10²³"
    (re.compile(r"\[\d{1,3}\]|(?<!10)(?<![⁰¹²³⁴⁵⁶⁷⁸⁹⁻])[⁰¹²³⁴⁵⁶⁷⁸⁹]+"), ("[", *"⁰¹²³⁴⁵⁶⁷⁸⁹")),
    (re.compile(r"(?<=[A-Za-z][.,;”\"’)])\d{1,2}(?=[\s]|$)"), tuple('.,;”"’)')),
    (re.compile(r"['’]\d{2}(?![\w])"), ("'", "’")),
]

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
# the last day of a span of days: "Sept. 12-16", "May 3 – 5, 2026" (a spaced hyphen is a list: "July 4 -
# 12 came")
_DAY_JOIN = rf"(?:[{DASHES}]|{S}[\u2013\u2014]{S}|{S}to{S})"
_DAY_TO = rf"(?:{_DAY_JOIN}(?P<d2>{_DAY})(?![\d.,]\d))?"
# the first day of a span written before its month: "20-24 September", "3 to 5 March"
_DAY_FROM = rf"(?:(?P<d0>{_DAY}){_DAY_JOIN})?"
_DATE_PATTERNS: list[tuple[re.Pattern[str], str, tuple[str, ...]]] = [
    (
        re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])"),
        "ymd",
        ("-",),
    ),
    (
        re.compile(rf"(?<![\w])(?P<mon>{MONTH}){S}+(?P<d>{_DAY}){_DAY_TO}(?:,{S}*|{S}+)(?P<y>{_YEAR})(?!\d)"),
        "ymd",
        _MONTHS,
    ),
    (
        re.compile(
            rf"(?<![\w.,]){_DAY_FROM}(?P<d>{_DAY}){S}+(?:of{S}+)?(?P<mon>{MONTH}),?{S}+(?P<y>{_YEAR})(?!\d)"
        ),
        "ymd",
        _MONTHS,
    ),
    (re.compile(rf"(?<![\w])(?P<mon>{MONTH}),?{S}+(?:of{S}+)?(?P<y>{_YEAR})(?![\d%])"), "ym", _MONTHS),
    (re.compile(rf"(?<![\w])(?P<mon>{MONTH}){S}+(?P<d>{_DAY}){_DAY_TO}(?![\w%]|[.,]\d)"), "md", _MONTHS),
    (re.compile(rf"(?<![\w.,]){_DAY_FROM}(?P<d>{_DAY}){S}+(?:of{S}+)?(?P<mon>{MONTH})"), "md", _MONTHS),
    (
        re.compile(rf"(?<![\w])Q(?P<q>[1-4])(?:{S}+|{S}+of{S}+|-|{S}*')(?P<y>{_YEAR}|\d{{2}})(?![\w])"),
        "yq",
        ("q",),
    ),
    (re.compile(rf"(?<![\w])Q(?P<q>[1-4])(?P<y>{_YEAR})(?![\w])"), "yq", ("q",)),
    (re.compile(rf"(?<![\w])(?P<q>[1-4])Q(?:{S}+|{S}*')(?P<y>{_YEAR}|\d{{2}})(?![\w])"), "yq", ("q",)),
    (re.compile(rf"(?<![\w])(?P<y>{_YEAR}){S}*-?Q(?P<q>[1-4])(?![\w])"), "yq", ("q",)),
    (
        re.compile(
            rf"(?<![\w])(?:the{S}+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th){S}+"
            rf"(?:fiscal{S}+)?quarter(?:{S}+of)?{S}+(?P<y>{_YEAR})(?![\w])",
            re.I,
        ),
        "yq",
        ("quarter",),
    ),
    (
        re.compile(
            rf"(?<![\w])(?:the{S}+)?(?P<hw>first|second|1st|2nd){S}+half(?:{S}+of)?{S}+"
            rf"(?P<y>{_YEAR})(?![\w])",
            re.I,
        ),
        "yh",
        ("half",),
    ),
    (re.compile(rf"(?<![\w])H(?P<h>[12])(?:{S}*'|{S}+)(?P<y>{_YEAR}|\d{{2}})(?![\w])"), "yh", ("h",)),
    (re.compile(rf"(?<![\w])(?P<h>[12])H(?:{S}*'|{S}+)(?P<y>{_YEAR}|\d{{2}})(?![\w])"), "yh", ("h",)),
    (re.compile(r"(?<![\w])Q[1-4](?![\w])"), "skip", ("q",)),
    (re.compile(rf"(?<![\w])FY{S}?'?(?P<y>{_YEAR}|\d{{2}})(?![\w])"), "y", ("fy",)),
    (re.compile(rf"(?<![\w])fiscal(?:{S}+year)?{S}+(?P<y>{_YEAR})(?![\w])", re.I), "y", ("fiscal",)),
    (
        re.compile(rf"(?<![\w])(?:mid|early|late|pre|post|end|start)-(?P<y>{_YEAR})(?![\w])", re.I),
        "y",
        ("-",),
    ),
    (
        re.compile(
            rf"(?<![\w.,$#/{DASHES}])(?P<y>{_YEAR}){S}?[{DASHES}/]{S}?(?P<y2>{_YEAR}|\d{{2}})"
            r"(?![\w%]|[.,]\d)"
        ),
        "yy",
        ("/", *DASHES),
    ),
    (re.compile(r"(?<![\w.,$#])(?P<y>(?:1[89]|20)\d0)[’']?s(?![\w])"), "decade", ("0s", "0's", "0’s")),
    (
        re.compile(r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)?\d{2})(?![\w/])"),
        "numeric",
        ("/",),
    ),
    (
        re.compile(r"(?<![\w/.])(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\w/])"),
        "ymd-num",
        ("/",),
    ),
    (
        re.compile(r"(?<![\w.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?![\w.])"),
        "ymd-num",
        (".",),
    ),
]
_ORDINAL_TO_INT = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _year(s: str) -> int:
    y = int(s.lstrip("'’"))
    return y + 2000 if y < 100 else y


def _date_iso(kind: str, m: re.Match[str]) -> str | None:
    """The ISO form of a date match, or None when the parts are not a real date."""
    g = m.groupdict()
    if kind in ("ymd", "ym", "md"):
        month = int(g["m"]) if g.get("m") else MONTHS[g["mon"][:3].lower()]
        day = int(re.sub(r"\D", "", g["d"])) if g.get("d") else None
        year = "-" if kind == "md" else f"{int(g['y']):04d}"
        if day is None:
            return f"{year}-{month:02d}"
        last = None
        if g.get("d0"):  # "20-24 September": the day read is the last one
            day, last = int(re.sub(r"\D", "", g["d0"])), day
        elif g.get("d2"):
            last = int(re.sub(r"\D", "", g["d2"]))
        iso = f"{year}-{month:02d}-{day:02d}"
        if last is None:
            return iso
        return f"{iso}/{year}-{month:02d}-{last:02d}" if last > day else None
    if kind == "yq":
        q = g.get("q") or _ORDINAL_TO_INT[g["qw"].lower()]
        return f"{_year(g['y'])}-Q{q}"
    if kind == "yh":
        h = g.get("h") or _ORDINAL_TO_INT[g["hw"].lower()]
        return f"{_year(g['y'])}-H{h}"
    if kind == "y":
        return str(_year(g["y"]))
    if kind == "yy":
        y1, y2s = int(g["y"]), g["y2"]
        y2 = int(y2s) if len(y2s) == 4 else (y1 // 100) * 100 + int(y2s)
        if y2 > y1:
            return f"{y1}/{y2}"
        if len(y2s) == 2 and 1 <= int(y2s) <= 12:
            return f"{y1}-{int(y2s):02d}"
        return None
    if kind == "decade":
        return f"{g['y']}s"
    if kind == "numeric":
        a, b, y = int(g["a"]), int(g["b"]), _year(g["y"])
        month, day = (a, b) if a <= 12 else (b, a)  # US order unless the first part cannot be a month
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"{y:04d}-{month:02d}-{day:02d}"
    if kind == "ymd-num":
        month, day = int(g["m"]), int(g["d"])
        if not (1 <= month <= 12 and 1 <= day <= 31):
            return None
        return f"{int(g['y']):04d}-{month:02d}-{day:02d}"
    return None


@dataclass
class Span:
    start: int
    end: int
    quantity: Quantity | None = None  # a date, or None for a span that is simply not a quantity


def blocked_spans(text: str) -> list[Span]:
    """Dates and digit-bearing non-quantities, without overlaps (earliest, then longest, wins)."""
    found: list[Span] = []
    low = text.lower()
    holds: dict[tuple[str, ...], bool] = {}

    def may_match(needles: tuple[str, ...]) -> bool:
        if needles not in holds:
            holds[needles] = any(n in low for n in needles)
        return holds[needles]

    for kind_pattern, kind, needles in _DATE_PATTERNS:
        if not may_match(needles):
            continue
        for m in kind_pattern.finditer(text):
            if kind == "skip":
                found.append(Span(m.start(), m.end()))
                continue
            iso = _date_iso(kind, m)
            if iso is None:
                continue
            q = Quantity(text=m.group(0), start=m.start(), end=m.end(), unit="date", date=iso)
            found.append(Span(m.start(), m.end(), q))
    for pattern, needles in _BLOCKERS:
        if not may_match(needles):
            continue
        found.extend(Span(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start())
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[Span] = []
    for span in found:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept
