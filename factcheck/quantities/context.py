"""What the words around a number say about it: a bound ("more than"), a direction ("rose", "a 5%
drop"), a noun it counts, or that it names a thing ("GPT-5.5", "Windows 11", "version 2") rather than
measures one. The base of the finder's reading classes: it holds the text."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.quantities.lexicon import (
    BOUND_PHRASES,
    BOUND_SYMBOLS,
    COMMON_CAPS,
    CURRENCY_SYMBOLS,
    LABEL_WORDS,
    NOT_NOUNS,
    TRANSLITERATED_SYMBOLS,
)
from factcheck.quantities.numbers import Core
from factcheck.quantities.patterns import (
    BOUND_BEFORE,
    BOUND_SYMBOL_BEFORE,
    DIRECTION_AFTER,
    DIRECTION_BEFORE,
    LABEL_BEFORE,
    MONTH,
    NEXT_WORD,
    PREVIOUS_WORD,
    TALLY_AFTER,
    S,
)


@dataclass
class Reading:
    """What was read right of a number: its magnitude factor, unit and currency."""

    end: int
    factor: float = 1.0
    unit: str = ""
    currency: str | None = None
    has_magnitude: bool = False
    invalid: bool = False
    minor: float = 0.0  # the cents of "13 dollars and 45 cents", in the currency


def is_year_like(text: str, core: Core) -> bool:
    raw = text[core.start : core.end]
    return core.kind == "digits" and len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100


class Context:
    """The text being read, and what the words around a position in it say."""

    def __init__(self, text: str) -> None:
        self.t = text
        self.version_numbers = self._version_numbers()
        self.skip_end = 0  # set by build() when a dropped number takes the text after it along
        self._changes: dict[int, re.Match[str] | None] = {}

    def _version_numbers(self) -> set[str]:
        """Decimals that the text uses as model versions ("GPT-5.4", "Opus 4.7")."""
        found: set[str] = set()
        for m in re.finditer(rf"([A-Za-z][\w]*)(-|{S}+)(\d+\.\d+)(?![\w.]*\d)", self.t):
            word, sep, number = m.groups()
            if sep == "-" or (word[0].isupper() and word.lower() not in COMMON_CAPS):
                found.add(number)
        return found

    # -- reading right of a number ----------------------------------------------------------------

    def _left_bound(self, pos: int, floor: int) -> tuple[str, int]:
        t = self.t
        m = BOUND_SYMBOL_BEFORE.search(t, max(floor, pos - 3), pos)
        if m:
            return BOUND_SYMBOLS[m.group(1)], m.start()
        m = BOUND_BEFORE.search(t, max(floor, pos - 24), pos)
        if m:
            phrase = re.sub(rf"{S}+", " ", m.group(1).lower())
            if phrase in ("over", "under") and floor > 0 and not t[floor : m.start()].strip():
                return "=", pos  # "lost 15 kg over six months": a period, not a lower bound
            return BOUND_PHRASES[phrase], m.start()
        return "=", pos

    def _change_before(self, pos: int) -> re.Match[str] | None:
        """The words of change that end right before ``pos``, searched once per position."""
        if pos not in self._changes:
            self._changes[pos] = DIRECTION_BEFORE.search(self.t, max(0, pos - 60), pos)
        return self._changes[pos]

    def _direction_before(self, pos: int) -> str | None:
        m = self._change_before(pos)
        if not m:
            return None
        return "up" if (m.group("up") or m.group("upn") or m.group("upg") or m.group("upb")) else "down"

    def _verb_direction_before(self, pos: int) -> bool:
        """Whether a verb ("rose", "fell") states a change right before ``pos``: then "3% to 5%" is a
        change and a new level, whereas after "growth of" it is a range."""
        m = self._change_before(pos)
        return bool(m and (m.group("up") or m.group("down") or m.group("upb") or m.group("downb")))

    def _direction_after(self, p: int, limit: int) -> str | None:
        m = DIRECTION_AFTER.match(self.t, p, limit)
        if not m:
            return None
        return "up" if m.group("up") else "down"

    def _count_or(self, r: Reading, p: int, limit: int) -> str:
        """The unit of a number, or "count" when a noun follows it ("30 open issues")."""
        if r.unit or r.currency:
            return r.unit
        m = NEXT_WORD.match(self.t, p, limit)
        if not m:
            return ""
        word = m.group(1).lower().rstrip("'’")
        if word in NOT_NOUNS or word in LABEL_WORDS:
            return ""
        return "count"

    def _is_tally(self, core: Core, p: int) -> bool:
        """A vote or a score like "52-48" or "3-2" (not "ISO 3166-1", not the range "1-3")."""
        m = TALLY_AFTER.match(self.t, p)
        raw = self.t[core.start : core.end]
        return m is not None and raw.isdigit() and len(m.group(1)) == len(raw) and int(raw) >= int(m.group(1))

    def _currency_code(self, symbol: str) -> str:
        symbol = re.sub(r"\s+", "", symbol)
        if symbol in CURRENCY_SYMBOLS:
            return CURRENCY_SYMBOLS[symbol]
        if symbol in TRANSLITERATED_SYMBOLS:
            return TRANSLITERATED_SYMBOLS[symbol]
        return "CNY" if symbol == "RMB" else symbol

    def _is_sign(self, i: int) -> bool:
        """Whether the dash at ``i`` is a minus sign rather than a range dash or a hyphen."""
        t = self.t
        if i == 0:
            return True
        before = t[i - 1]
        if not (before.isspace() or before in "([{:=/,;\"'“‘$€£¥"):
            return False
        # "40 - 60": a dash after a number and a space joins a range
        rest = t[max(0, i - 12) : i].rstrip()
        return not (rest and (rest[-1].isdigit() or rest[-1] == "%"))

    def _is_name_part(self, core: Core) -> bool:
        t = self.t
        raw = t[core.start : core.end]
        if "." in raw and raw in self.version_numbers:
            return True
        m = LABEL_BEFORE.search(t, max(0, core.start - 14), core.start)
        if m and not t[m.start() : m.end()].strip()[:1].isupper() or (m and m.group(1) in ("No.",)):
            return True
        if "," in raw:
            return False
        m = PREVIOUS_WORD.search(t, max(0, core.start - 40), core.start)
        if not m:
            return False
        word = m.group(1)
        if word.endswith(("'s", "’s", "s'", ".")) or word.lower() in COMMON_CAPS:
            return False
        if re.fullmatch(MONTH, word):
            return False
        return word[0].isupper() or any(c.isupper() for c in word[1:])
