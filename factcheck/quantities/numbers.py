"""Numbers on their own: digits, number words, fractions, multipliers, ordinals and shares ("one in
five"), found in a text as *cores* that the finder then grows into quantities."""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.quantities.lexicon import (
    CURRENCY_SYMBOLS,
    FRACTION_DENOMINATORS,
    ISO_CURRENCIES,
    MAGNITUDE_SUFFIX,
    MAGNITUDE_WORDS,
    MULTIPLIER_WORDS,
    NUMBER_WORDS,
    ONES,
    ORDER_MULTIPLIERS,
    ORDERS_OF_MAGNITUDE,
    ORDINAL_WORDS,
    SCALES,
    TENS,
    VULGAR,
)
from factcheck.quantities.patterns import (
    CURRENCY_BEFORE,
    DIGITS,
    FOLD_WORD,
    FRACTION_PLURAL,
    FRACTION_SINGLE,
    MULTIPLIER,
    ORDINAL_DIGITS,
    ORDINAL_WORD,
    SHARE,
    VAGUE_PLURAL,
    VAGUE_SCALE,
    VULGAR_ALONE,
    WORD,
    WORD_RUN,
    WORD_TOKEN,
)


def words_value(tokens: list[str]) -> tuple[float, int]:
    """Value of a run of number words and how many tokens of it form one number (0 if none)."""
    total, current = 0.0, 0.0
    prev = ""
    last_scale = float("inf")
    used = 0
    seen_number = False
    for i, raw in enumerate(tokens):
        w = raw.lower()
        if w in ("a", "an") and i == 0:
            continue
        if w == "and":
            following = tokens[i + 1].lower() if i + 1 < len(tokens) else ""
            if prev in ("hundred", "scale") and (following in ONES or following in TENS):
                continue
            break
        if w in ONES:
            v = ONES[w]
            if prev in ("unit", "teen") or (prev == "tens" and v >= 10) or (prev == "tens" and v == 0):
                break
            current += v
            prev = "teen" if v >= 10 else "unit"
        elif w in TENS:
            if prev in ("unit", "teen", "tens"):
                break
            current += TENS[w]
            prev = "tens"
        elif w == "hundred":
            if prev == "hundred" or current >= 100:
                break
            current = (current or 1) * 100
            prev = "hundred"
        elif w == "dozen":
            if prev == "dozen":
                break
            current = (current or 1) * 12
            prev = "dozen"
        elif w in SCALES:
            s = SCALES[w]
            if s >= last_scale:
                break
            total += (current or 1) * s
            current = 0
            last_scale = s
            prev = "scale"
        else:
            break
        seen_number = True
        used = i + 1
    if not seen_number:
        return 0.0, 0
    return total + current, used


def plain_number(s: str) -> float | None:
    s = s.replace(",", "")
    try:
        return float(s)
    except ValueError:
        return None


def parse_number(s: str) -> float | None:
    """The value of a number written on its own: "1,220", "4.8K", "$2.50", "sixty-eight", "twice".

    Fractions give their plain value ("a third" -> 0.333..., "half" -> 0.5); percent signs and
    currency symbols are ignored ("58%" -> 58). Returns None when ``s`` is not a number.
    """
    s = s.strip().replace("\u00a0", " ").replace("\u2212", "-")
    if not s:
        return None
    sign = 1.0
    low = s.lower()
    for word in ("minus ", "negative "):
        if low.startswith(word):
            sign, s = -1.0, s[len(word) :].strip()
    if s[:1] in "-+":
        sign, s = (-1.0 if s[0] == "-" else 1.0) * sign, s[1:].strip()
    m = CURRENCY_BEFORE.search(s, 0, min(len(s), 6))
    for sym in sorted(CURRENCY_SYMBOLS, key=len, reverse=True):
        if s.startswith(sym):
            s = s[len(sym) :].strip()
            break
    else:
        if m is None:
            for code in ISO_CURRENCIES:
                if s.startswith(code + " "):
                    s = s[len(code) :].strip()
    s = re.sub(r"\s*(?:%|percent|per cent|\+)$", "", s, flags=re.I).strip()
    value = _parse_core(s)
    return None if value is None else sign * value


def _parse_core(s: str) -> float | None:
    low = s.lower()
    m = re.fullmatch(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*([½¼¾⅓⅔⅕⅛])?\s*(.*)", s)
    if m:
        value = plain_number(m.group(1))
        if value is None:
            return None
        if m.group(2):
            value += VULGAR[m.group(2)]
        rest = m.group(3).strip()
        if not rest:
            return value
        if rest in MAGNITUDE_SUFFIX:
            return value * MAGNITUDE_SUFFIX[rest]
        if rest.lower() in MAGNITUDE_WORDS:
            return value * MAGNITUDE_WORDS[rest.lower()]
        if re.fullmatch(r"[-\s]?fold|x|×|times", rest, re.I):
            return value
        return None
    if low in VULGAR:
        return VULGAR[low]
    if low in MULTIPLIER_WORDS:
        return float(MULTIPLIER_WORDS[low])
    fold = re.fullmatch(r"(.+?)[-\s]?fold", low)
    if fold:
        return _parse_core(fold.group(1))
    frac = re.fullmatch(r"(a|an|one|two|three|four|five|seven|nine)[\s-]+(\w+)", low)
    if frac and frac.group(2) in FRACTION_DENOMINATORS:
        numerator = 1 if frac.group(1) in ("a", "an", "one") else ONES[frac.group(1)]
        return numerator / FRACTION_DENOMINATORS[frac.group(2)]
    if low == "half":
        return 0.5
    half = re.fullmatch(r"(.+?)\s+and\s+a\s+half", low)
    if half:
        whole = _parse_core(half.group(1))
        return None if whole is None else whole + 0.5
    tokens = WORD_TOKEN.findall(low)
    if not tokens or "-".join(tokens) != re.sub(r"[\s-]+", "-", low):
        return None
    value, used = words_value(tokens)
    if used != len(tokens):
        return None
    return value


# ----------------------------------------------------------------------------------------------------
# Cores


@dataclass
class Core:
    start: int
    end: int
    value: float
    kind: str  # digits, words, fraction, multiplier, ordinal, share
    weak: bool = False  # "one"/"zero"/"half": a quantity only with a unit or a clear context
    direction: str | None = None
    scale: float | None = None


# the words one of which a text must hold for each kind of core written in words (a cheap test that
# spares most texts most patterns)
_RUN_WORDS = frozenset(w.lower() for w in NUMBER_WORDS)
_FRACTION_WORDS = frozenset(FRACTION_DENOMINATORS) | {"half"}
_MULTIPLIER_WORDS = frozenset(w.lower() for w in MULTIPLIER_WORDS)
_ORDINAL_WORDS = frozenset(w.lower() for w in ORDINAL_WORDS)
_ORDERS = frozenset(w.lower() for w in ORDERS_OF_MAGNITUDE)
_VAGUE_WORDS = frozenset({"several", "few", "many"})


def find_cores(text: str) -> list[Core]:
    cores: list[Core] = []
    for m in DIGITS.finditer(text):
        value = plain_number(m.group(0))
        if value is not None:
            cores.append(Core(m.start(), m.end(), value, "digits"))
    if any(c in text for c in VULGAR):
        for m in VULGAR_ALONE.finditer(text):  # "½ teaspoon", "a ¼ mile track"
            cores.append(Core(m.start(), m.end(), VULGAR[m.group(0)], "digits"))
    words = set(WORD.findall(text.lower()))
    if words & _RUN_WORDS:
        cores.extend(_word_runs(text))
    if words & _FRACTION_WORDS:
        cores.extend(_single_fractions(text))
    if words & _FRACTION_WORDS:
        for m in FRACTION_PLURAL.finditer(text):
            value = 100 * ONES[m.group(1).lower()] / FRACTION_DENOMINATORS[m.group(2).lower()]
            cores.append(Core(m.start(), m.end(), value, "fraction"))
    if words & _MULTIPLIER_WORDS:
        cores.extend(_multipliers(text))
    if any(w.endswith("fold") for w in words):
        for m in FOLD_WORD.finditer(text):
            word = m.group(1).lower()
            value = float(ONES.get(word) or TENS.get(word) or SCALES.get(word) or 100)
            cores.append(Core(m.start(), m.end(), value, "multiplier"))
    for m in ORDINAL_DIGITS.finditer(text):
        cores.append(Core(m.start(), m.end(), float(m.group(1)), "ordinal"))
    if words & _ORDINAL_WORDS:
        for m in ORDINAL_WORD.finditer(text):
            cores.append(Core(m.start(), m.end(), float(ORDINAL_WORDS[m.group(1).lower()]), "ordinal"))
    if "in" in words or "out" in words:
        for m in SHARE.finditer(text):
            a, b = _share_part(m.group(1)), _share_part(m.group(2))
            if a is not None and b and 0 < a < b and b <= 1000:
                cores.append(Core(m.start(), m.end(), 100 * a / b, "share"))
    if words & _ORDERS:
        for m in VAGUE_PLURAL.finditer(text):
            low = ORDERS_OF_MAGNITUDE[m.group("base").lower()]
            if m.group("times"):
                low *= ORDER_MULTIPLIERS[m.group("times").lower()]
            cores.append(Core(m.start(), m.end(), low, "vague", scale=low * 10))
    if words & _VAGUE_WORDS:
        for m in VAGUE_SCALE.finditer(text):
            low = SCALES.get(m.group("base").lower(), 100.0)
            cores.append(Core(m.start(), m.end(), low, "vague", scale=low * 10))
    cores.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Core] = []
    for core in cores:
        if kept and core.start < kept[-1].end:
            continue
        kept.append(core)
    return kept


def _word_runs(text: str) -> list[Core]:
    cores = []
    for m in WORD_RUN.finditer(text):
        tokens = [(t.group(0), t.start()) for t in WORD_TOKEN.finditer(m.group(0))]
        value, used = words_value([t for t, _ in tokens])
        if used == 0:
            continue
        end = m.start() + tokens[used - 1][1] + len(tokens[used - 1][0])
        words = [t.lower() for t, _ in tokens[:used]]
        if len(words) == 1 and (words[0] in SCALES or words[0] == "hundred"):
            continue  # "billion" alone (its digits were not read: "Dh5 billion" before "Dh" was known)
        weak = words in (["one"], ["zero"])
        cores.append(Core(m.start(), end, value, "words", weak=weak))
    return cores


def _single_fractions(text: str) -> list[Core]:
    cores = []
    for m in FRACTION_SINGLE.finditer(text):
        if m.group(3):  # bare "half": its context is checked when building
            cores.append(Core(m.start(), m.end(), 50.0, "fraction", weak=True))
        else:
            weak = not m.group(1).strip().startswith("-")  # "one-third" is always a fraction
            value = 100 / FRACTION_DENOMINATORS[m.group(2).lower()]
            cores.append(Core(m.start(), m.end(), value, "fraction", weak=weak))
    return cores


def _multipliers(text: str) -> list[Core]:
    cores = []
    for m in MULTIPLIER.finditer(text):
        word = m.group(1).lower()
        direction = "up" if word.endswith(("ed", "ing", "les")) else None
        weak = word in ("double", "triple", "treble", "quadruple")
        value = float(MULTIPLIER_WORDS[word])
        cores.append(Core(m.start(), m.end(), value, "multiplier", weak=weak, direction=direction))
    return cores


def _share_part(s: str) -> float | None:
    s = s.lower()
    if s == "hundred":
        return 100.0
    if s in ONES:
        return float(ONES[s])
    return plain_number(s)
