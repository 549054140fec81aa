"""Reading right of a number: a percent sign, a magnitude ("bn", "million", "lakh"), a unit, a currency
name or code, and a "per ..." ("$5 per 1M tokens", "$71.30 a barrel")."""

from __future__ import annotations

import re

from factcheck.quantities.context import Context, Reading, plural
from factcheck.quantities.lexicon import (
    CURRENCY_SYMBOLS,
    MAGNITUDE_SUFFIX,
    MAGNITUDE_WORDS,
    METRES_CONTEXT,
    MINOR_UNITS,
    NOT_NOUNS,
    PER_NOT_NOUNS,
    PER_NOUNS,
    SCALES,
)
from factcheck.quantities.numbers import parse_number
from factcheck.quantities.patterns import (
    ATTACHED_UNIT_AFTER,
    COMMON_WORD_CURRENCY,
    COUNTED_AFTER_OF,
    CURRENCY_WORD_AFTER,
    EURO_AFTER,
    ISO_AFTER,
    LARGE_SCALE_BEFORE,
    MAGNITUDE_ATTACHED,
    MAGNITUDE_LETTER_SPACED,
    MAGNITUDE_LETTERS,
    MAGNITUDE_SPACED,
    MINOR_AFTER,
    MINOR_GLUED,
    NEXT_WORD,
    NOT_RATE_AFTER,
    OLD_AFTER,
    PER_AFTER,
    PER_NOUN_AFTER_MAGNITUDE,
    PERCENT,
    POUNDS_AFTER,
    SYMBOL_UNIT_AFTER,
    SYMBOL_UNIT_GLUED,
    WORD_UNIT_AFTER,
)

# the factor of each currency's minor unit ("USD" -> 0.01)
MINOR_OF = {code: factor for code, factor in MINOR_UNITS.values()}


def short_amount(x: float) -> str:
    for factor, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if x >= factor and (x / factor) == int(x / factor):
            return f"{int(x / factor)}{suffix}"
    return f"{x:g}"


class Reader(Context):
    """Reads units, magnitudes, currencies and rates right of a number."""

    def _read_unit(self, p: int, currency: str | None, limit: int) -> Reading:
        t = self.t
        r = Reading(end=p, currency=currency)
        m = PERCENT.match(t, p, limit)
        if m:
            r.unit, r.end = "%", m.end()
            return r
        # attached magnitude ("4.8K", "$5bn", "1M"), but units written against the number come first
        # so that "5MW" and "3nm" are not millions.
        found = SYMBOL_UNIT_GLUED.match(t, p, limit)
        if found:
            r.unit, r.end = found[1], found[0].end()
            return self._after_unit(r, limit)
        m = MAGNITUDE_ATTACHED.match(t, p, limit)
        if m:
            suffix = m.group(1)
            if suffix == "m" and currency is None and not self._m_means_million(m.end(), limit):
                r.unit, r.end = "m", m.end()
                return r
            r.factor = MAGNITUDE_WORDS.get(suffix.lower(), MAGNITUDE_SUFFIX.get(suffix, 1.0))
            r.end, r.has_magnitude = m.end(), True
        else:
            m = MAGNITUDE_SPACED.match(t, p, limit)
            if m:
                r.factor = MAGNITUDE_WORDS[m.group(1).lower()]
                r.end, r.has_magnitude = m.end(), True
                m = MAGNITUDE_SPACED.match(t, r.end, limit)  # "3 lakh crore", "4 hundred million"
                if m and MAGNITUDE_WORDS[m.group(1).lower()] > r.factor:
                    r.factor, r.end = r.factor * MAGNITUDE_WORDS[m.group(1).lower()], m.end()
            elif currency is not None and (m := MAGNITUDE_LETTER_SPACED.match(t, p, limit)):
                # "$8 B", "$1.5 M": after an amount of money a lone capital is its magnitude
                r.factor, r.end, r.has_magnitude = MAGNITUDE_SUFFIX[m.group(1)], m.end(), True
        p = r.end
        m = ISO_AFTER.match(t, p, limit) if currency is None else None
        if m:  # "115USD", "75 USD million", "30 MUSD"
            r.currency, r.end = ("CNY" if m.group("code") == "RMB" else m.group("code")), m.end()
            if m.group("mag"):
                r.factor, r.has_magnitude = r.factor * MAGNITUDE_SUFFIX[m.group("mag")], True
            m = MAGNITUDE_SPACED.match(t, r.end, limit)
            if m and not r.has_magnitude:
                r.factor, r.end, r.has_magnitude = MAGNITUDE_WORDS[m.group(1).lower()], m.end(), True
            return self._with_minor(r, limit)
        if p < limit and t[p].isalpha() and not r.has_magnitude:
            m = MINOR_GLUED.match(t, p, limit)
            if m and currency is None:  # "164p", "85c"
                r.unit, r.end = ("pence" if m.group(0).startswith("p") else "cents"), m.end()
                return self._read_rate(r, limit)
            found = SYMBOL_UNIT_AFTER.match(t, p, limit) or ATTACHED_UNIT_AFTER.match(t, p, limit)
            if found:
                r.unit, r.end = found[1], found[0].end()
                return r
            m = EURO_AFTER.match(t, p, limit) if currency is None else None
            if m:  # "100元"
                r.currency, r.end = CURRENCY_SYMBOLS[m.group(1)], m.end()
                return r
            r.invalid = True  # letters glued to the number: "5G", "3D", "4o"
            return r
        m = PERCENT.match(t, p, limit)
        if m:
            r.unit, r.end = "%", m.end()
            return r
        money = CURRENCY_WORD_AFTER.match(t, p, limit)
        if money:
            m, (code, factor, minor) = money
            if minor:  # "19 cents", "164p", "18 sen": a minor unit, kept as stated
                if currency is None and not r.has_magnitude:
                    r.unit, r.end = minor, m.end()
                    return self._read_rate(r, limit)
            elif (currency is None or currency == code) and self._is_money_word(m.group(0), r, p):
                r.currency, r.factor, r.end = code, r.factor * factor, m.end()
                return self._with_minor(r, limit)
        m = POUNDS_AFTER.match(t, p, limit)
        if m:
            # "5 million pounds" and "a million pounds" are money, "lost 20 pounds" is weight
            if r.factor >= 1e6 or currency == "GBP" or LARGE_SCALE_BEFORE.search(t, max(0, p - 12), p):
                r.currency = "GBP"
            else:
                r.unit = "lb"
            r.end = m.end()
            return r
        m = EURO_AFTER.match(t, p, limit) if currency is None else None
        if m:
            r.currency, r.end = CURRENCY_SYMBOLS[m.group(1)], m.end()
            return r
        found = WORD_UNIT_AFTER.match(t, p, limit) or SYMBOL_UNIT_AFTER.match(t, p, limit)
        if found:
            r.unit, r.end = found[1], found[0].end()
            return self._after_unit(r, limit)
        return r

    def _is_money_word(self, name: str, r: Reading, p: int) -> bool:
        """A currency name that is also an English word ("3 won") names the currency only after an
        amount in the thousands or with a magnitude ("50,000 won", "3 trillion won")."""
        if r.has_magnitude or not COMMON_WORD_CURRENCY.fullmatch(name.strip()):
            return True
        digits = re.search(r"[\d,]+\Z", self.t[max(0, p - 12) : p].rstrip())
        return digits is not None and float(digits.group(0).replace(",", "") or 0) >= 1000

    def _read_rate(self, r: Reading, limit: int) -> Reading:
        """A minor unit keeps its rate in the unit: "12-cent-a-share" is 12 cents per share."""
        return r

    def _with_minor(self, r: Reading, limit: int) -> Reading:
        """ "13 dollars and 45 cents", "15 dollars 50": the cents join the amount."""
        if r.has_magnitude or r.currency not in MINOR_OF:
            return r
        m = MINOR_AFTER.match(self.t, r.end, limit)
        if not m:
            return r
        n = parse_number(m.group("n"))
        if n is None or not 0 < n < 100 or (m.group("minor") is None and m.group("n")[0].isalpha()):
            return r
        r.minor, r.end = n * MINOR_OF[r.currency], m.end()
        return r

    def _after_unit(self, r: Reading, limit: int) -> Reading:
        # "45-year-old", "a year old": the trailing "old" belongs to the unit
        if r.unit == "years":
            m = OLD_AFTER.match(self.t, r.end, limit)
            if m:
                r.end = m.end()
        return r

    def _m_means_million(self, p: int, limit: int) -> bool:
        """'5m people' is five million, '100m sprint' or 'a 5m drop' is metres."""
        m = NEXT_WORD.match(self.t, p, limit)
        if m is None or self.t[p : m.start(1)].strip():
            return False
        if m.group(1).lower() == "of":  # "42m of its shares" are millions, "400m of the track" metres
            counted = COUNTED_AFTER_OF.match(self.t, m.end(), limit)
            if counted is None:
                return False
            return counted.group(1) is not None or plural(counted.group(2).rstrip("'’"))
        return m.group(1).lower() not in METRES_CONTEXT

    def _read_per(self, p: int, limit: int) -> tuple[str, int] | None:
        """A "per <unit>" after a price: " per 1M input tokens" -> ("1M tokens", end)."""
        m = PER_AFTER.match(self.t, p, limit)
        if not m:
            return None
        noun = m.group("noun")
        if noun.lower() in PER_NOT_NOUNS:
            return None
        if m.group("article") and (NOT_RATE_AFTER.match(self.t, m.end(), limit) or noun.lower() in NOT_NOUNS):
            return None  # "$5 a year ago" is a time; "a share" after an amount is a rate
        number = m.group("num")
        amount: float | None = None
        # a bare magnitude letter before the noun: "$0.40/M tokens", "$2 per K requests"
        magnitude = MAGNITUDE_LETTERS.get(noun) if not number else None
        follow = PER_NOUN_AFTER_MAGNITUDE.match(self.t, m.end(), limit) if magnitude else None
        if magnitude and follow:
            return self._per_noun(follow.group(1), magnitude), follow.end()
        if number:
            n = number.strip().lower()
            if n in ("one", "a", "an"):
                amount = 1.0
            elif n in SCALES:
                amount = SCALES[n]
            else:
                amount = parse_number(n.replace(" ", ""))
                if amount is None:
                    return None
        norm = self._per_noun(noun, amount)
        return norm, m.end()

    def _per_noun(self, noun: str, amount: float | None) -> str:
        low = noun.lower()
        base = PER_NOUNS.get(low)
        if base is None:
            found = SYMBOL_UNIT_AFTER.match(noun, 0, len(noun))
            if found and found[0].end() == len(noun):
                base = found[1]
        if base is None:
            base = low
        if amount is None or amount == 1:
            return base
        if base == "token":
            base = "tokens"
        return f"{short_amount(amount)} {base}"

    # -- building ---------------------------------------------------------------------------------
