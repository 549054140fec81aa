"""What the words around a number say about it: a bound ("more than"), a direction ("rose", "a 5%
drop"), a noun it counts, or that it names a thing ("GPT-5.5", "Windows 11", "version 2") rather than
measures one. The base of the finder's reading classes: it holds the text."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from factcheck.quantities.lexicon import (
    BOUND_PHRASES,
    BOUND_SYMBOLS,
    COMMON_CAPS,
    CURRENCY_SYMBOLS,
    IRREGULAR_PLURALS,
    LABEL_WORDS,
    NOT_NOUNS,
    ONE_PRONOUN_AFTER,
    ONE_PRONOUN_BEFORE,
    PHRASAL_UP,
    TRANSLITERATED_SYMBOLS,
)
from factcheck.quantities.numbers import Core
from factcheck.quantities.patterns import (
    BOUND_BEFORE,
    BOUND_SYMBOL_BEFORE,
    CAPITALISED_RUN,
    CHANGE_ANCHORS,
    COUNT_BEFORE,
    DASHES,
    DIRECTION_AFTER,
    DIRECTION_BEFORE,
    HYPHEN_NAME_AFTER,
    LABEL_BEFORE,
    MONTH,
    NAME_AND_NAME,
    NAME_NUMBER_BEFORE,
    NEXT_WORD,
    PREVIOUS_WORD,
    SUB_BEFORE,
    TALLY_AFTER,
    VOTE_WORD,
    WORD,
    YEAR_PREPOSITION_BEFORE,
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
        self._change_anchors: list[int] | None = None

    def _version_numbers(self) -> set[str]:
        """Decimals that the text uses as model versions ("GPT-5.4", "Opus 4.7")."""
        found: set[str] = set()
        for m in re.finditer(rf"(?<!\w)([A-Za-z][\w]*)(-|{S}+)(\d+\.\d+)(?![\w.]*\d)", self.t):
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
        m = SUB_BEFORE.search(t, max(floor, pos - 4), pos)
        if m:
            return "<", m.start()
        m = BOUND_BEFORE.search(t, max(floor, pos - 24), pos)
        if m:
            phrase = re.sub(rf"{S}+", " ", m.group(1).lower())
            if phrase in ("over", "under") and floor > 0 and not t[floor : m.start()].strip():
                return "=", pos  # "lost 15 kg over six months": a period, not a lower bound
            return BOUND_PHRASES[phrase], m.start()
        return "=", pos

    def _change_before(self, pos: int) -> re.Match[str] | None:
        """The words of change that end right before ``pos``, searched once per position."""
        if pos in self._changes:
            return self._changes[pos]
        if self._change_anchors is None:
            self._change_anchors = [
                m.start() for m in WORD.finditer(self.t) if m.group(0).lower() in CHANGE_ANCHORS
            ]
        window = max(0, pos - 60)
        i = bisect_left(self._change_anchors, window)
        found = None
        if i < len(self._change_anchors) and self._change_anchors[i] < pos:
            # a match starts at a change word, or at most an article ("a rise of") before one
            found = DIRECTION_BEFORE.search(self.t, max(window, self._change_anchors[i] - 8), pos)
        self._changes[pos] = found
        return found

    def _direction_before(self, pos: int) -> str | None:
        m = self._change_before(pos)
        if not m:
            return None
        if (m.group("up") or "").lower() == "up":
            verb = PREVIOUS_WORD.search(self.t, max(0, m.start() - 20), m.start())
            if verb and verb.group(1).lower() in PHRASAL_UP:
                return None  # "gave up 230 yards", "made up 40% of": no change
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
        return "up" if m.group("up") or m.group("up2") else "down"

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

    def _counts_one(self, core: Core, p: int, limit: int) -> bool:
        """Whether a lone "one" counts the noun after it ("one new store", "just one valve"), rather
        than being a pronoun ("no one", "each one", "one another") or part of a name ("BBC One")."""
        t = self.t
        if t[core.start : core.end].lower() != "one" or t[core.end : core.end + 1] in DASHES:
            return False  # "one-time", "one-off": an adjective
        m = NEXT_WORD.match(t, p, limit)
        if m is None or m.group(1).lower() in ONE_PRONOUN_AFTER:
            return False
        before = PREVIOUS_WORD.search(t, max(0, core.start - 40), core.start)
        if before is None:
            return True
        word = before.group(1)
        if word.lower() in ONE_PRONOUN_BEFORE:
            return False
        return not (t[core.start].isupper() and word[0].isupper())

    def _name_follows(self, start: int, p: int, limit: int) -> bool:
        """Whether the bare number ending at ``p`` opens a name: "the 747 Jumbo", "and 9 Pro Fold",
        "at 12 Harbour Road", "the 90210 ZIP Code". Not when the capitalised words are an adjective of
        a plural the number counts ("300 Google employees", "3 Democrats", "5 EU states"), nor in a
        headline where every word is capitalised."""
        t = self.t
        if HYPHEN_NAME_AFTER.match(t, p, limit) and re.fullmatch(r"\d+", t[start:p]):
            return True  # "7-Eleven", "a 3-Series": a number hyphened to a capitalised word names a thing
        m = CAPITALISED_RUN.match(t, p, limit)
        if m is None or not re.fullmatch(rf"\d+(?:[{DASHES}]\d+)?", t[start:p]):
            return False  # "48,200 Model X", "2.5 F": names and addresses have whole plain numbers
        if COUNT_BEFORE.search(t, max(0, start - 30), start):
            return True  # "two new 737 Max jets", "44 787 Dreamliners": a count is already given
        while (more := NAME_AND_NAME.match(t, m.end(), limit)) is not None:
            m = more  # "18400 Model S and Model X cars", "120 Irish and Scottish bands"
        words = m.group(0).split()
        first, last = words[0].rstrip(".,"), words[-1].rstrip(".,")
        if len(first) == 1 or first.lower() in COMMON_CAPS or re.fullmatch(MONTH, first):
            return False  # "12 C", "5 W": a unit symbol
        if plural(last) or (len(words) == 1 and len(first) > 1 and first.isupper()):
            return False
        after = NEXT_WORD.match(t, m.end(), limit)
        if (
            after
            and after.group(1) not in NOT_NOUNS
            and after.group(1)[0].islower()
            and plural(after.group(1))
        ):
            return False
        before = PREVIOUS_WORD.search(t, max(0, start - 40), start)
        return not (before and before.group(1)[0].isupper() and before.group(1).lower() not in COMMON_CAPS)

    def _is_score(self, core: Core, p: int) -> re.Match[str] | None:
        """The tally at ``p`` when it is the score of a game ("won 3-1", "tied at 101-101") rather than a
        vote ("passed 52-48", "a 7-2 vote"), which counts."""
        if not self._is_tally(core, p):
            return None
        t = self.t
        clause_start = max(t.rfind(c, 0, core.start) for c in ".;!?")
        if VOTE_WORD.search(t, max(clause_start + 1, core.start - 80), min(len(t), p + 30)):
            return None
        return TALLY_AFTER.match(t, p)

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
        if t[i] == "+":
            return True  # "S&P 500 +0.7%": a plus sign joins no range
        if t[i + 1 : i + 2].isdigit() and NAME_NUMBER_BEFORE.search(t, max(0, i - 40), i):
            return True  # "Stoxx 50 -0.7%", "S&P 500 -0.4%": the number before names an index
        # "40 - 60": a dash after a number and a space joins a range
        rest = t[max(0, i - 12) : i].rstrip()
        return not (rest and (rest[-1].isdigit() or rest[-1] == "%"))

    def _is_far_year(self, core: Core) -> bool:
        """A year outside 1900-2100 after a preposition of time: "by 2150", "In 1750", "since 1850"."""
        raw = self.t[core.start : core.end]
        if not (core.kind == "digits" and len(raw) == 4 and raw.isdigit() and 1000 <= int(raw) < 3000):
            return False
        return YEAR_PREPOSITION_BEFORE.search(self.t, max(0, core.start - 8), core.start) is not None

    def _name_before(self, i: int) -> bool:
        """Whether a capitalised word other than a common one ends right before position ``i``."""
        m = PREVIOUS_WORD.search(self.t, max(0, i - 40), i)
        return m is not None and m.group(1)[0].isupper() and m.group(1).lower() not in COMMON_CAPS

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


def plural(word: str) -> bool:
    """Whether an English noun is plural ("jobs", "people"; not "bus", "crisis")."""
    w = word.lower()
    return w in IRREGULAR_PLURALS or (w.endswith("s") and not w.endswith(("ss", "us", "is")) and len(w) > 2)
