"""The second end of a range: "40-60%", "between 40 and 60 percent", "$5-$10", "5 to 10 million"."""

from __future__ import annotations

import re

from factcheck.quantities.context import Reading, is_year_like
from factcheck.quantities.lexicon import SCALES
from factcheck.quantities.numbers import Core, plain_number, words_value
from factcheck.quantities.patterns import (
    CHANGE_VERB,
    CLAUSE_END,
    CURRENCY_AT,
    DIGITS,
    MULTIPLIER,
    RANGE_JOIN,
    TIME_AFTER,
    TO_ANOTHER,
    WORD_RUN,
    WORD_TOKEN,
    YEAR_PREPOSITION_BEFORE,
    S,
)
from factcheck.quantities.words import WordBuilder

_SCALE_WORDS = {"hundred": 100.0, **SCALES}


def _scale_free(words: str) -> bool:
    return not any(w.lower() in _SCALE_WORDS for w in WORD_TOKEN.findall(words))


def _years(t: str, a: Core, b: Core) -> bool:
    """Whether both ends are written as years ("from 1600 to 1800"): a span of time, never a change."""
    return all(re.fullmatch(r"1\d{3}|20\d\d|2100", t[c.start : c.end]) for c in (a, b))


class RangeReader(WordBuilder):
    """Reads what follows a number as the other end of a range."""

    def _unit_of_target(
        self, p: int, limit: int, unit: str, currency: str | None, factor: float
    ) -> tuple[str, str | None, float]:
        """For "from 5 to 10%" the first number takes the unit of the second."""
        t = self.t
        m = re.compile(rf"{S}+to{S}+").match(t, p, limit)
        if not m:
            return unit, currency, factor
        nxt = DIGITS.match(t, m.end(), limit)
        if not nxt:
            return unit, currency, factor
        end = nxt.end()
        second = re.compile(rf"{S}*-{S}*\d+(?:\.\d+)?").match(t, end, limit)  # "from 1.2 to 3-4 million"
        r = self._read_unit(second.end() if second else end, None, limit)
        if r.invalid:
            return unit, currency, factor
        if r.has_magnitude and factor == 1.0 and not unit and not currency:
            factor = r.factor  # "from 1.2 to 3.4 million": both in millions
        if r.unit in ("", "count"):
            return unit, currency, factor
        return r.unit, currency, factor

    def _change_follows(self, p: int) -> bool:
        """Whether what follows "from A to B" at ``p`` makes it a change: a time right after it ("in one
        generation", "by 2030"), or a word of change or a multiplier later in its clause ("— more than
        double", "- a 40% rise")."""
        t = self.t
        if TIME_AFTER.match(t, p):
            return True
        end = CLAUSE_END.search(t, p, min(len(t), p + 100))
        rest = t[p : end.start() if end else min(len(t), p + 100)]
        return CHANGE_VERB.search(rest) is not None or MULTIPLIER.search(rest) is not None

    def _read_range(
        self,
        core: Core,
        a_value: float,
        a_unit: str,
        a_currency: str | None,
        a_factor: float,
        a_reading: Reading,
        p: int,
        limit: int,
        between: bool,
        change: str,
    ) -> tuple[tuple[float, float], str, str | None, int] | None:
        """``change`` says what "A to B" is after the words before A: "" (a range), "level" (a change
        and the level it reaches: "rose 3% to 5%", "from 5 to 10"), "size" (after a verb, with A bare:
        a range of the size of the change when B is near A, "rose 2 to 3 percent", "cut by 2 to 3
        degrees", but a change and a level when not, "fell 0.2 to 4.1%") or "timed" ("from A to B"
        with no verb: a range, unless a time follows B, "from 30% to 65% in a decade")."""
        t = self.t
        m = RANGE_JOIN.match(t, p, limit)
        if not m:
            return None
        word = (m.group(1) or "").lower()
        if word == "and" and not between:
            return None
        # a change and its level ("rose from 5 to 7%"), unless another "to" follows: "revised from 5 to 7
        # per cent to 3 to 5 per cent" moves from one range to another
        level = word in ("to", "through", "thru") and change == "level"
        bare_a = not (a_unit or a_currency or a_reading.has_magnitude)
        if word == "or" and (between or not bare_a):
            return None  # "two or three years", "5 or 6 percent"; but not "3% or $4 million"
        if not word and between:
            return None
        q = m.end()
        b_currency = None
        cm = CURRENCY_AT.match(t, q, limit)
        if cm:
            b_currency, q = self._currency_code(cm.group(0).strip()), cm.end()
        b_core: Core | None = None
        b_scale = 1.0  # the scale word that ends B in words ("five thousand"), which A shares
        dm = DIGITS.match(t, q, limit)
        if dm:
            value = plain_number(dm.group(0))
            if value is not None:
                b_core = Core(dm.start(), dm.end(), value, "digits")
        elif core.kind == "words":
            wm = WORD_RUN.match(t, q, limit)
            if wm:
                tokens = [(x.group(0), x.start()) for x in WORD_TOKEN.finditer(wm.group(0))]
                value, used = words_value([x for x, _ in tokens])
                if used:
                    b_core = Core(q, q + tokens[used - 1][1] + len(tokens[used - 1][0]), value, "words")
                    for x, _ in reversed(tokens[:used]):
                        if x.lower() not in _SCALE_WORDS:
                            break
                        b_scale *= _SCALE_WORDS[x.lower()]
        if b_core is None:
            return None
        if t[b_core.end : b_core.end + 2][:1] == "." and t[b_core.end + 1 : b_core.end + 2].isdigit():
            return None
        a_bare_year = is_year_like(t, core) and not (a_unit or a_currency or a_reading.has_magnitude)
        if a_bare_year and is_year_like(t, b_core):
            return None
        b = self._read_unit(b_core.end, b_currency or a_currency, limit)
        if b.invalid or (level and not TO_ANOTHER.match(t, b.end, limit)):
            return None
        if a_bare_year and (
            b.has_magnitude or YEAR_PREPOSITION_BEFORE.search(t, max(0, core.start - 8), core.start)
        ):
            return None  # "from 1.2 million in 2018 to 4.4 million": a year, then the level reached
        if b_currency and a_currency and b_currency != a_currency:
            return None
        currency = a_currency or b.currency or b_currency
        if a_reading.currency and b.currency and a_reading.currency != b.currency:
            return None
        b_unit = b.unit
        if a_unit and b_unit and a_unit != b_unit:
            return None
        if a_unit and not b_unit and (b.has_magnitude or word in ("to", "through")):
            # "3% to $2 billion" is a change and a level, not a range
            if word in ("to", "through"):
                return None
        if not a_currency and b.currency and a_unit:
            return None
        unit = a_unit or b_unit
        a_factor_eff = a_factor
        shared = False  # both ends in one magnitude: a range, whatever the verb before it
        if not a_reading.has_magnitude and b.has_magnitude and a_value < b_core.value:
            a_factor_eff, shared = b.factor, True  # "5 to 10 million": both ends in millions
        elif b_scale > 1 and not a_reading.has_magnitude and a_value * b_scale < b_core.value:
            a_value, shared = a_value * b_scale, _scale_free(t[core.start : core.end])
            # "four to five thousand", "two or three million", "six and seven hundred"
        lo, hi = a_value * a_factor_eff / a_factor, b_core.value * b.factor / a_factor
        if not lo < hi:
            return None
        if change == "timed" and not _years(t, core, b_core) and self._change_follows(b.end):
            return None  # "from 30% to 65% in a decade": a change and the level it reached
        if shared:
            return (lo, hi), unit, currency, b.end
        if word == "or" or (word == "to" and change == "size"):
            counted = b_unit or currency or self._count_or(b, b.end, limit)
            if not counted or (word == "to" and not (b_unit or currency) or hi > 4 * lo):
                return None
        return (lo, hi), unit, currency, b.end
