"""Quantities whose core is a word: fractions ("a third of", "half a point"), multipliers ("twice",
"tripled") and ranks ("third-largest", "ranked 2nd out of 40")."""

from __future__ import annotations

import re

from factcheck.models import Quantity
from factcheck.quantities.lexicon import NOT_MULTIPLIER_AFTER, SCALES
from factcheck.quantities.numbers import Core, parse_number
from factcheck.quantities.patterns import (
    CURRENCY_WORD_AFTER,
    DASHES,
    FRACTION_POINT,
    HALF_OF,
    OF_AFTER,
    OF_AN,
    RANK_CONTEXT_BEFORE,
    RANK_MOVE_BEFORE,
    RANK_NOUN_AFTER,
    SCALE_AFTER,
    SUPERLATIVE_AFTER,
    S,
)
from factcheck.quantities.reading import Reader


class WordBuilder(Reader):
    """Builds fractions, multipliers, ranks and orders of magnitude."""

    def _build_vague(self, core: Core, floor: int, limit: int) -> Quantity | None:
        """ "thousands of jobs" (1,000 to 10,000), "tens of millions of dollars" (a range in USD),
        "several hundred megawatts" (100 to 1,000 MW)."""
        t = self.t
        if core.scale is None:
            return None
        m = OF_AFTER.match(t, core.end, limit)
        if m is not None:
            end, unit = core.end, "count"
            money = CURRENCY_WORD_AFTER.match(t, m.end(), limit)
            if money and not money[1][2]:
                end, unit = money[0].end(), money[1][0]
        else:  # "several hundred megawatts", "a few thousand dollars"
            reading = self._read_unit(core.end, None, limit)
            end, unit = (
                reading.end,
                reading.currency or self._count_or(reading, reading.end, limit) or "count",
            )
        return Quantity(
            text=t[core.start : end],
            start=core.start,
            end=end,
            low=core.value,
            high=core.scale,
            unit=unit,
            bound="range",
            direction=self._direction_before(core.start),
        )

    def _build_word_quantity(self, core: Core, floor: int, limit: int) -> Quantity | None:
        t = self.t
        bound, start = self._left_bound(core.start, floor)
        end = core.end
        word = t[core.start : core.end].lower()
        if core.kind == "fraction":
            unit = "%"
            m = FRACTION_POINT.match(t, end, limit)
            if m:  # "a quarter point", "half a percentage point": a fraction of one point
                end = m.end()
                return Quantity(
                    text=t[start:end],
                    start=start,
                    end=end,
                    value=round(core.value / 100, 4),
                    unit="percentage points" if m.group("pct") else "points",
                    bound=bound,
                    direction=core.direction or self._direction_before(start),
                )
            scale = re.match(
                rf"{S}+(?:of{S}+an?{S}+)?(million|billion|thousand|trillion)\b", t[end : end + 20], re.I
            )
            if scale and word != "half":  # "a quarter million dollars", "three-quarters of a billion"
                reading = self._read_unit(end + scale.end(), None, limit)
                return Quantity(
                    text=t[start : reading.end],
                    start=start,
                    end=reading.end,
                    value=round(core.value / 100 * SCALES[scale.group(1).lower()], 2),
                    unit=reading.currency or self._count_or(reading, reading.end, limit),
                    bound=bound,
                    direction=self._direction_before(start),
                )
            of_a = OF_AN.match(t, end, limit)
            unit_of = self._read_unit(of_a.end(), None, limit) if of_a else None
            if of_a and unit_of and unit_of.unit not in ("", "%") and not unit_of.invalid:
                # "a tenth of a second", "a quarter of an hour", "two-thirds of a mile": a share of one unit
                return Quantity(
                    text=t[start : unit_of.end],
                    start=start,
                    end=unit_of.end,
                    value=round(core.value / 100, 4),
                    unit=unit_of.unit,
                    bound=bound,
                    direction=self._direction_before(start),
                )
            after = t[end : end + 12].lower()
            followed_by_of = re.match(rf"{S}+of\b", after) is not None
            if word == "half":
                before = t[max(0, core.start - 12) : core.start].lower()
                if re.search(r"(?:first|second|latter|former|other|back|front)\s+\Z", before):
                    return None
                follows = HALF_OF.match(after)
                after_by = re.search(r"\bby\s+\Z", before) is not None
                mag = re.match(rf"{S}+an?{S}+(million|billion|thousand|trillion|dozen)\b", after)
                if mag:
                    value = 0.5 * (SCALES.get(mag.group(1), 12.0))
                    end = core.end + mag.end()
                    reading = self._read_unit(end, None, limit)
                    return Quantity(
                        text=t[start : reading.end],
                        start=start,
                        end=reading.end,
                        value=value,
                        unit=self._count_or(reading, reading.end, limit),
                        bound=bound,
                        direction=self._direction_before(start),
                    )
                unit_after = re.match(
                    rf"{S}+an?{S}+(hour|day|year|month|week|minute|second|century|"
                    rf"decade)\b",
                    after,
                )
                if unit_after:
                    end = core.end + unit_after.end()
                    norm = {"century": "centuries"}.get(unit_after.group(1), unit_after.group(1) + "s")
                    return Quantity(
                        text=t[start:end],
                        start=start,
                        end=end,
                        value=0.5,
                        unit=norm,
                        bound=bound,
                        direction=self._direction_before(start),
                    )
                if not (follows or after_by or (bound != "=" and re.match(r"[\s.,;:!?)]|$", after))):
                    return None
            elif (
                core.weak
                and not (
                    followed_by_of
                    or bound != "="
                    or re.search(r"\bby\s+\Z", t[max(0, core.start - 4) : core.start])
                    # "up from a fifth in 2023", "a third more than in 2024": a share in a change
                    or re.search(
                        r"\b(?:up|down|rose|fell|grew|dropped|climbed|increased|decreased|slipped)\s+(?:from|to)\s+\Z",
                        t[max(0, core.start - 20) : core.start],
                        re.I,
                    )
                    or re.match(rf"{S}+(?:more|less|fewer|higher|lower|bigger|smaller)\s+than\b", after)
                )
            ):
                return None
        elif core.kind == "multiplier":
            unit = "x"
            if core.weak and not self._double_is_multiplier(core, bound):
                return None
        else:
            unit = "%"
        direction = core.direction or self._direction_before(start) or self._direction_after(end, limit)
        return Quantity(
            text=t[start:end],
            start=start,
            end=end,
            value=round(core.value, 2),
            unit=unit,
            bound=bound,
            direction=direction,
        )

    def _double_is_multiplier(self, core: Core, bound: str) -> bool:
        t = self.t
        after = t[core.end : core.end + 20]
        if after[:1] in DASHES:
            return False
        nxt = re.match(rf"{S}+([A-Za-z]+)", after)
        if nxt and nxt.group(1).lower() in NOT_MULTIPLIER_AFTER:
            return False
        before = t[max(0, core.start - 12) : core.start].lower()
        if re.search(r"\b(?:a|the)\s+\Z", before):
            return False
        if bound != "=":
            return True
        if re.search(
            r"\b(?:to|will|would|could|can|may|might|than|nearly|almost|roughly|about|more|"
            r"set|is|was|were|be|been|could|did|to)\s+\Z",
            before,
        ):
            return True
        return nxt is None or nxt.group(1).lower() in {
            "the",
            "that",
            "what",
            "its",
            "their",
            "his",
            "her",
            "our",
            "this",
            "those",
            "these",
            "in",
            "since",
            "from",
            "by",
            "over",
            "compared",
            "last",
            "a",
            "an",
        }

    def _build_ordinal(self, core: Core, floor: int, limit: int) -> Quantity | None:
        t = self.t
        end = core.end
        is_rank = RANK_CONTEXT_BEFORE.search(t, max(0, core.start - 24), core.start) is not None
        word_form = not t[core.start].isdigit()
        m = RANK_NOUN_AFTER.match(t, end, limit)
        if m:
            is_rank, end = True, m.end()
        elif SUPERLATIVE_AFTER.match(t, end, limit):
            is_rank = True  # "second-largest", "third most popular"
        elif (scale_m := SCALE_AFTER.match(t, end, limit)) and (
            scale_m.group("out") or scale_m.group("among")
        ):
            is_rank = True  # "third among the 115 models", "2nd out of 40"
        elif not word_form and RANK_MOVE_BEFORE.search(t, max(0, core.start - 24), core.start):
            is_rank = True
        elif word_form and re.search(
            rf"(?<![\w])(?:rose|climbed|jumped|moved|fell|dropped|slipped|slid)"
            rf"(?:{S}+(?:up|down))?{S}+to{S}+\Z",
            t[max(0, core.start - 24) : core.start],
        ):
            is_rank = True
        if not is_rank:
            return None
        scale, end = self._read_scale(end, limit, rank=True)
        return Quantity(
            text=t[core.start : end], start=core.start, end=end, value=core.value, unit="rank", scale=scale
        )

    def _read_scale(self, p: int, limit: int, rank: bool) -> tuple[float | None, int]:
        m = SCALE_AFTER.match(self.t, p, limit)
        if not m or (not rank and not m.group("out")):
            return None, p
        n = m.group("n").lower()
        value = 100.0 if "hundred" in n else parse_number(n)
        if value is None:
            return None, p
        return value, m.end()
