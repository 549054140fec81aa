"""Find every number stated in a piece of text, normalised as :class:`factcheck.models.Quantity`.

No NLP model: the same finder runs over article text, source pages and PDF passages, so it has to be
fast and predictable. The modules beside this one each read one part:

- ``spans``: things that contain digits but are not quantities (URLs, e-mail addresses, phone numbers,
  clock times, versions, list and footnote markers) and dates, which become ``unit == "date"``;
- ``numbers``: number *cores*: digits ("1,220", "82.7"), number words ("sixty-eight", "a dozen"),
  fractions in words ("a third of"), multipliers ("twice"), ordinals ("2nd") and shares ("one in five");
- ``context``, ``reading``, ``ranges``, ``words``: each core grows left (currency, sign, "#", bound
  words such as "more than") and right (magnitude, unit, "per 1M tokens", "out of 115", "+", "or
  more", the second end of a range). Words that state a change ("rose", "a 5% drop") set ``direction``
  but are not part of the span;
- ``lexicon`` and ``data/*.toml``: the word lists and unit, currency and number tables.

Numbers that name things rather than measure them are dropped: "GPT-5.5", "COVID-19", "H100", "5G",
"Claude Opus 4.7", "Windows 11" (a bare number right after a capitalised name), "version 2", "token
50,000" (a label word before it), and a bare decimal that elsewhere in the text is a model version
("GPT-5.4 ... from 5.0 to 5.4"). A bare four-digit number 1900-2100 is a year, hence a date.
"""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.models import Quantity
from factcheck.quantities.context import Reading, is_year_like, plural
from factcheck.quantities.lexicon import TRANSLITERATED_SYMBOLS, VULGAR
from factcheck.quantities.numbers import Core, find_cores, parse_number
from factcheck.quantities.patterns import (
    AND_HALF,
    BETWEEN_BEFORE,
    CHANGE_VERB,
    CURRENCY_BEFORE,
    DASHES,
    DIGITS,
    DIRECTION_AFTER_NOUN,
    DURATION_BEFORE,
    EQUIVALENT,
    FRACTION_AFTER_WHOLE,
    FRACTION_SLASH_AFTER,
    FROM_BEFORE,
    FROM_WORD_BEFORE,
    GAPPED,
    GAPPED_BY,
    HS,
    MAGNITUDE_SPACED,
    MINUS,
    MODEL_CODE_BEFORE,
    MORE_AFTER,
    NEXT_WORD,
    NOT_PER_UNITS,
    OR_MORE_AFTER,
    PLUS_AFTER,
    RANGE_JOIN,
    RANGE_VERB,
    RANK_CONTEXT_BEFORE,
    RANK_MARK_BEFORE,
    RESTATES,
    SCIENTIFIC_AFTER,
    SCORE_CONTEXT_BEFORE,
    SIGN_WORD_BEFORE,
    SLASH_AFTER,
    SUB_BEFORE,
    SUPERSCRIPT_DIGITS,
    TIME_UNITS,
)
from factcheck.quantities.ranges import RangeReader
from factcheck.quantities.spans import blocked_spans

__all__ = ["find_quantities", "parse_number"]


class _Finder(RangeReader):
    def build(self, core: Core, floor: int, limit: int) -> Quantity | None:
        if core.kind == "ordinal":
            return self._build_ordinal(core, floor, limit)
        if core.kind == "vague":
            return self._build_vague(core, floor, limit)
        if core.kind in ("fraction", "multiplier", "share"):
            return self._build_word_quantity(core, floor, limit)
        return self._build_number(core, floor, limit)

    def _to_reading(self, pos: int, after_from: bool, a_has_unit: bool) -> str:
        """What "A to B" at ``pos`` is (see ``_read_range``): "level", "size", "timed" or "" for a range."""
        change = self._to_is_a_change(pos, after_from)
        if change is None:
            return "timed"
        if not change:
            return ""
        return "level" if after_from or a_has_unit else "size"

    def _to_is_a_change(self, pos: int, after_from: bool) -> bool | None:
        """Whether "A to B" at ``pos`` is a change and its new level ("rose 3% to 5%", "raise the wage
        from $7.25 to $15") rather than a range ("ranging from 20 to 45 minutes", "homes from $750,000 to
        $1 million"); None when only what follows B can tell: "from 30% to 65% in a decade" is a
        change over time, "fines from $500 to $5,000 apply" a range."""
        t = self.t
        if not after_from:
            return self._verb_direction_before(pos)
        opening = FROM_WORD_BEFORE.search(t, max(0, pos - 8), pos)
        start = opening.start() if opening else pos
        before = t[max(0, start - 60) : start]
        clause = re.split(r"[.;:!?]|,\s", before)[-1]
        if RANGE_VERB.search(clause):
            return False
        if self._direction_before(start) is not None or CHANGE_VERB.search(clause):
            return True
        return None

    def _is_span_of_years(
        self, core: Core, lo: float, hi: float, measured: object, p: int, limit: int
    ) -> bool:
        """Whether a range is a span of years ("between 1550 and 1850", "from 1600 to 1800 the town
        grew") rather than a count ("between 1500 and 2000 people")."""
        t = self.t
        if measured or core.kind != "digits" or not all(1000 <= x <= 2100 and x == int(x) for x in (lo, hi)):
            return False
        if not re.fullmatch(r"\d{4}", t[core.start : core.end]):
            return False
        m = NEXT_WORD.match(t, p, limit)
        return not (m and plural(m.group(1)))

    def _read_after_digits(
        self, core: Core, value: float, p: int, limit: int
    ) -> tuple[float, int, float | None] | None:
        """A fraction, power of ten or "out of" written against digits: "10 1/2 miles", "1⁄128",
        "6.02×10²³", "a 1/4 mile oval", "93/100" (a score: its scale). Returns (value, end, scale), or
        None for a slash that makes no amount ("24/7", "9/11")."""
        t = self.t
        if core.end == p:
            sci = SCIENTIFIC_AFTER.match(t, p, limit)
            if sci:
                exponent = (sci.group("exp") or sci.group("signed") or sci.group("sup")).replace("−", "-")
                return value * 10.0 ** int(exponent.translate(SUPERSCRIPT_DIGITS)), sci.end(), None
            whole = FRACTION_AFTER_WHOLE.match(t, p, limit)
            if whole and "." not in t[core.start : core.end]:  # "10 1/2 miles"
                return value + int(whole.group("num")) / int(whole.group("den")), whole.end(), None
            slash = FRACTION_SLASH_AFTER.match(t, p, limit)
            if slash and int(slash.group(1)) > 0:  # "1⁄128 of a gallon"
                return value / int(slash.group(1)), slash.end(), None
        m = SLASH_AFTER.match(t, p, limit)
        if m is None:
            return value, p, None
        denominator = float(m.group(1))
        if (
            m.group(1) in ("2", "3", "4", "8", "16")
            and value < denominator
            and re.match(rf"[{HS}-]?[A-Za-z]", t[m.end() : m.end() + 2])
        ):  # "a 1/4 mile oval", "1/2 pound of chips"
            return value / denominator, m.end(), None
        if denominator in (5, 10, 20, 50, 100, 1000) and 0 <= value <= denominator:
            return value, m.end(), denominator
        return None

    def _glued_currency(self, core: Core) -> bool:
        """Whether the letters glued to a number are a currency ("USD10m", "RM79", "PS2.7m"); a
        transliterated symbol that is also a product name ("PS5") needs a real amount after it."""
        t = self.t
        m = CURRENCY_BEFORE.search(t, max(0, core.start - 6), core.start)
        if m is None:
            return False
        symbol = m.group(0).strip()
        if (symbol in TRANSLITERATED_SYMBOLS or len(symbol) == 1) and symbol.isalpha():
            raw = t[core.start : core.end]
            magnitude = t[core.end : core.end + 1] in ("m", "b", "k", "M", "B", "K") or bool(
                MAGNITUDE_SPACED.match(t, core.end)
            )
            digits = len(raw.replace(",", "").split(".")[0])
            return digits >= (2 if len(symbol) > 1 else 3) or "." in raw or magnitude
        return True

    def _build_number(self, core: Core, floor: int, limit: int) -> Quantity | None:
        t = self.t
        s = core.start
        if s > 0 and core.kind == "digits":
            before = t[s - 1]
            if before == "_" or (
                before in DASHES
                and s >= 2
                and (t[s - 2].isalpha() or MODEL_CODE_BEFORE.search(t, max(0, s - 12), s - 1))
                and not SIGN_WORD_BEFORE.search(t, max(0, s - 10), s)
                and not SUB_BEFORE.search(t, max(0, s - 4), s)
            ):
                return None  # "GPT-5", "COVID-19", "A350-1000", but "minus-12 degrees"
            if before in "/\u2044" or (before in ".:" and s >= 2 and t[s - 2].isalnum()):
                return None  # "$/1M tokens", "a/2", "item.3": a denominator or part of an identifier
            if (before.isalpha() or before == "=") and not self._glued_currency(core):
                return None  # "H100", "A320neo", "XC40": letters glued to the digits name a thing
        # ---- left of the number
        pos = s
        currency = None
        sign = 1.0
        signed: str | None = None  # "+0.2%", "-1.3%": a signed share states a change
        rank_mark = False
        if core.kind == "digits":
            m = CURRENCY_BEFORE.search(t, max(floor, pos - 6), pos)
            letter = m is not None and len(m.group(0).strip()) == 1 and m.group(0).strip().isalpha()
            if m and not (letter and m.end() - m.start() > 1):
                currency = self._currency_code(m.group(0).strip())  # not "Plan R 25": a letter written apart
                pos = m.start()
            if pos - 1 >= floor and t[pos - 1] in MINUS + "+" and self._is_sign(pos - 1):
                sign = -1.0 if t[pos - 1] != "+" else 1.0
                signed = "up" if t[pos - 1] == "+" else None
                pos -= 1
                if currency is None:
                    m = CURRENCY_BEFORE.search(t, max(floor, pos - 6), pos)
                    if m:
                        currency, pos = self._currency_code(m.group(0).strip()), m.start()
            if currency is None and sign == 1.0:
                m = RANK_MARK_BEFORE.search(t, max(floor, pos - 4), pos)
                if m:
                    rank_mark, pos = True, m.start()
        if not rank_mark:
            m = SIGN_WORD_BEFORE.search(t, max(floor, pos - 10), pos)
            if m:
                sign, pos = -1.0, m.start()
        bound, pos = self._left_bound(pos, floor)
        between = False
        start_without_between = pos
        m = BETWEEN_BEFORE.search(t, max(floor, pos - 10), pos)
        if m:
            between, pos = True, m.start()
        after_from = FROM_BEFORE.search(t, max(0, pos - 6), pos) is not None
        # "fell below 20 mph", "rose above $100": a level crossed, not the size of the change
        crossed = t[pos : pos + 7].lower().startswith(("below", "above", "under", "beyond"))
        direction = None if crossed else self._direction_before(pos)
        start = pos

        # ---- right of the number
        value = core.value
        p = core.end
        m = AND_HALF.match(t, p, limit)
        if m:
            value, p = value + 0.5, m.end()
        elif p < limit and t[p] in VULGAR and core.kind == "digits":
            value, p = value + VULGAR[t[p]], p + 1
        scale: float | None = None
        unit = ""
        if core.kind == "digits":
            after = self._read_after_digits(core, value, p, limit)
            if after is None:
                return None  # "24/7", "9/11", "4/23": not a stated amount
            value, p, scale = after
            unit = "points" if scale is not None else ""
        reading = self._read_unit(p, currency, limit) if scale is None else Reading(end=p)
        if reading.invalid:
            return None
        p = reading.end
        unit = unit or reading.unit
        currency = reading.currency
        factor = reading.factor
        value += reading.minor

        if (
            core.kind == "digits"
            and not unit
            and not currency
            and not reading.has_magnitude
            and start == s
            and scale is None
            and not is_year_like(t, core)
            and not self._is_tally(core, p)
            and self._is_name_part(core)
        ):
            # "version 5.0 to 5.4", "Windows 10-11": the second number names the same kind of thing
            m = RANGE_JOIN.match(t, p, limit)
            if m and t[m.end() - 1] in MINUS and self._is_sign(m.end() - 1):
                m = None  # "Stoxx 50 -0.7%": a signed change follows the name
            nxt = DIGITS.match(t, m.end(), limit) if m else None
            self.skip_end = nxt.end() if nxt else p
            return None
        if (
            core.kind == "digits"
            and not unit
            and not currency
            and not reading.has_magnitude
            and scale is None
        ):
            score = self._is_score(core, p)
            if score is not None:
                self.skip_end = score.end()
                return None  # "won 3-1", "tied at 101-101": a result, not an amount
        # ---- a range: "40-60%", "between 40 and 60 percent", "$5-$10", "5 to 10 years"
        low_high: tuple[float, float] | None = None
        rng = None
        if scale is None and not rank_mark:
            rng = self._read_range(
                core,
                value,
                unit,
                currency,
                factor,
                reading,
                p,
                limit,
                between,
                self._to_reading(pos, after_from, bool(unit or currency or reading.has_magnitude)),
            )
        if rng is not None:
            (lo, hi), unit, currency, p = rng
            if self._is_span_of_years(core, lo, hi, unit or currency or reading.has_magnitude, p, limit):
                return Quantity(text=t[start:p], start=start, end=p, unit="date", date=f"{lo:.0f}/{hi:.0f}")
            low_high = (sign * lo, hi)
            bound = "range"
        elif between:
            start = start_without_between  # "between" with no second number is not part of it
        elif after_from and not unit and not currency:
            unit, currency, factor = self._unit_of_target(p, limit, unit, currency, factor)

        # ---- trailing marks
        m = PLUS_AFTER.match(t, p, limit)
        if m and bound in ("=", "~"):
            bound, p = ">", m.end()
        m = OR_MORE_AFTER.match(t, p, limit)
        if m and bound in ("=", "~"):
            bound, p = (">=" if (m.group("ge") or m.group("ge2")) else "<="), m.end()
        at_least = t[start : start + 8].lower() == "at least"
        if bound == ">=" and at_least and MORE_AFTER.match(t, p, limit):
            bound = ">"
        rank = rank_mark or (
            not unit
            and not currency
            and not is_year_like(t, core)  # "finished in 1934"
            and RANK_CONTEXT_BEFORE.search(t, max(0, start - 24), start) is not None
        )
        if scale is None and not currency and unit in ("", "points"):
            scale, p = self._read_scale(p, limit, rank=rank)
        if currency or (unit and unit not in NOT_PER_UNITS):
            per = self._read_per(p, limit)
            if per is not None:
                per_unit, p = per
                unit = f"{currency or unit} per {per_unit}"
                currency = None
                per = self._read_per(p, limit)  # "$60 per user per month"
                if per is not None:
                    unit, p = f"{unit} per {per[0]}", per[1]
        if currency:
            unit = currency
        if rank:
            unit = "rank"
        elif scale is not None and not unit:
            unit = "points"
        if not unit:
            unit = self._count_or(reading, p, limit)
        if not unit and SCORE_CONTEXT_BEFORE.search(t, max(0, start - 24), start):
            unit = "points"  # "a score of 60", but "scored 2 goals" counts goals
        if direction is None and unit != "rank":
            direction = self._direction_after(p, limit)
        if direction is None and (currency or unit in _CHANGE_UNITS):
            m = DIRECTION_AFTER_NOUN.match(t, p, limit)
            direction = None if m is None else "up" if m.group("up") else "down"
        if direction is None and signed and unit in ("%", "percentage points", "basis points"):
            direction = signed
        if self._is_tally(core, core.end) or (s >= 2 and t[s - 1] in DASHES and t[s - 2].isdigit()):
            direction = None  # "lost 2-1": a score, not a change

        bare = (
            currency is None
            and unit in ("", "count")
            and not reading.has_magnitude
            and sign == 1.0
            and bound == "="
            and scale is None
            and low_high is None
            and not rank_mark
        )
        # ---- what a bare number may really be
        if bare and (is_year_like(t, core) or (unit == "" and direction is None and self._is_far_year(core))):
            return Quantity(text=t[s : core.end], start=s, end=core.end, unit="date", date=t[s : core.end])
        if bare and core.kind == "digits" and not self._is_tally(core, core.end) and self._is_name_part(core):
            return None
        if (
            sign == -1.0
            and t[s - 1] in MINUS
            and currency is None
            and unit in ("", "count")
            and not reading.has_magnitude
            and self._name_before(s - 1)
        ):
            return None  # "COVID -19 tests": a name written with a stray space, not a negative count
        if (
            core.kind == "digits"
            and currency is None
            and unit in ("", "count")
            and not reading.has_magnitude
            and bound in ("=", "range")
            and self._name_follows(start, p, limit)
        ):
            return None  # "the 747 Jumbo", "at 22-24 Harbour Road"
        idiom = (
            unit in TIME_UNITS
            and not DURATION_BEFORE.search(t, max(0, s - 10), s)
            and not t[s:p].endswith("old")  # "one year old" is an age
        )
        if core.weak and (bare or idiom) and not (unit == "count" and self._counts_one(core, p, limit)):
            return None  # "one of the", "one day, she said"; but "within one day" is a duration
        if low_high is not None:
            return Quantity(
                text=t[start:p],
                start=start,
                end=p,
                low=_clean(low_high[0] * factor),
                high=_clean(low_high[1] * factor),
                unit=unit,
                bound="range",
                direction=direction,
            )
        return Quantity(
            text=t[start:p],
            start=start,
            end=p,
            value=_clean(sign * value * factor),
            unit=unit,
            bound=bound,
            direction=direction,
            scale=scale,
        )


# units a change is stated in, which a figure after a gap takes over ("A rose 2%, B 1.5%")
_CHANGE_UNITS = {"%", "points", "percentage points", "basis points"}


def _restates_in_brackets(text: str, prev: Quantity, q: Quantity) -> bool:
    """Whether ``q`` opens a bracket right after ``prev`` ("100 km (62 miles)") or follows it with a
    slash inside one ("(224 kW / 305 PS)")."""
    gap = EQUIVALENT.fullmatch(text, prev.end, q.start)
    if gap is None:
        return False
    if "(" in gap.group(0):
        return True
    return text.rfind("(", 0, prev.start) > text.rfind(")", 0, prev.start)


def _clean(x: float) -> float:
    """Round away float noise from magnitudes ("1.2M" is 1200000, not 1199999.9999999998)."""
    return float(f"{x:.12g}")


# Entry point


def find_quantities(text: str, *, include_dates: bool = True, join_durations: bool = False) -> list[Quantity]:
    """Every quantity stated in ``text``, in text order, without overlapping spans.

    Dates come back with ``unit == "date"`` and an ISO ``date`` when ``include_dates`` is true, and are
    left out otherwise (their digits are still never read as numbers). With ``join_durations``,
    "13 hours and 40 minutes" is one quantity (13.67 hours) rather than two.
    """
    if not text:
        return []
    finder = _Finder(text)
    blocked = blocked_spans(text)
    cores = find_cores(text)
    out: list[Quantity] = []
    cursor = 0
    bi = 0
    for core in cores:
        # emit the blocked spans that come before this core
        while bi < len(blocked) and blocked[bi].start <= core.start:
            span = blocked[bi]
            if span.start >= cursor:
                if span.quantity is not None and include_dates:
                    out.append(span.quantity)
                cursor = span.end
            bi += 1
        if core.start < cursor:
            continue
        limit = blocked[bi].start if bi < len(blocked) else len(text)
        if core.end > limit:
            continue
        q = finder.build(core, cursor, limit)
        if q is None:
            cursor = max(cursor, core.end, min(finder.skip_end, limit))
            continue
        if q.unit == "date" and not include_dates:
            cursor = q.end
            continue
        prev = out[-1] if out else None
        if (
            q.direction is None
            and prev is not None
            and prev.direction
            and (
                RESTATES.match(text, prev.end, q.start)
                or GAPPED_BY.fullmatch(text, prev.end, q.start)
                or (q.unit == prev.unit in _CHANGE_UNITS and GAPPED.fullmatch(text, prev.end, q.start))
            )
        ):
            q = replace(q, direction=prev.direction)  # "lost 2.4 points, or 0.6%"; "A fell 2%, B by 3%"
        if prev is not None and q.direction is None and _restates_in_brackets(text, prev, q):
            # "more than 100 kilometres (60 miles)", "just under 296 hp (224 kW / 300 PS)"
            if q.bound == "range":
                q = replace(q, direction=prev.direction)  # "fell by 2 to 3C (3.6 to 5.4F)"
            elif q.bound == "=" and (prev.bound not in ("=", "range") or prev.direction):
                q = replace(q, bound=prev.bound if prev.bound != "range" else "=", direction=prev.direction)
        out.append(q)
        cursor = q.end
    for span in blocked[bi:]:
        if span.start >= cursor and span.quantity is not None and include_dates:
            out.append(span.quantity)
            cursor = span.end
    return _join_compound_durations(text, out) if join_durations else out


_DURATION_PARTS = {
    ("hours", "minutes"): 60.0,
    ("minutes", "seconds"): 60.0,
    ("years", "months"): 12.0,
    ("days", "hours"): 24.0,
    ("weeks", "days"): 7.0,
}


def _join_compound_durations(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "13 hours and 40 minutes" is one duration, 13.67 hours."""
    out: list[Quantity] = []
    for q in found:
        prev = out[-1] if out else None
        per = _DURATION_PARTS.get((prev.unit, q.unit)) if prev is not None else None
        if (
            prev is not None
            and per
            and prev.value is not None
            and q.value is not None
            and q.bound == "="
            and re.fullmatch(r"\s*(?:and|,)?\s*", text[prev.end : q.start])
        ):
            out[-1] = replace(
                prev, text=text[prev.start : q.end], end=q.end, value=round(prev.value + q.value / per, 4)
            )
            continue
        out.append(q)
    return out
