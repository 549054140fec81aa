"""Words of metric labels: stop words, a light stemmer, synonyms, and tokens compared by evidence matching."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from factcheck.quantities import parse_number

#: The lexicon (stop words, prepositions, generic words, qualifiers, synonyms, topics), kept as data.
LEXICON_FILE = Path(__file__).parent / "data" / "metric_lexicon.toml"


def _lexicon() -> dict[str, Any]:
    with LEXICON_FILE.open("rb") as handle:
        return tomllib.load(handle)


_LEXICON = _lexicon()
#: The lexicon as read (for the sections other modules use: ``tables``, ``ratios``).
LEXICON: dict[str, Any] = _LEXICON
STOP_WORDS: set[str] = set(_LEXICON["stop_words"]) | set(_LEXICON["report_verbs"])


_SUFFIXES = (
    *("ations", "ation", "ments", "ment", "ings", "ing", "ions", "ion"),
    *("ies", "ed", "es", "s", "e", "y"),
)


@lru_cache(maxsize=65536)
def plain_stem(word: str) -> str:
    """A light suffix stripper, enough to meet "adoption"/"adopted", "scores"/"scored", "prices"/"pricing",
    "shipments"/"shipped"."""
    w = word.lower().replace("isation", "ization").replace("ised", "ized")
    for suffix in _SUFFIXES:
        if not w.endswith(suffix) or len(w) - len(suffix) < (4 if suffix.startswith("ment") else 3):
            continue
        if suffix == "s" and w[-2] in "sui":
            continue
        w = w[: -len(suffix)]
        if suffix in ("ing", "ed", "ings") and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
        break
    return w


SYNONYMS = {plain_stem(a): plain_stem(b) for a, b in _LEXICON["synonyms"].items()}


def stem(word: str) -> str:
    s = plain_stem(word)
    return SYNONYMS.get(s, s)


_AGE = re.compile(
    r"\b(?:(?P<n>\d{1,3}|[a-z]+(?:-[a-z]+)?)[\s-]+years?[\s-]+olds?|aged?\s+(?:of\s+)?(?P<m>\d{1,3}|[a-z]+(?:-[a-z]+)?))\b",
    re.I,
)


def plain_ages(text: str) -> str:
    """An age written in one way: "five-year-olds", "5 year olds", "aged five", "at the age of five" and
    "at age 5" all say "age 5"."""

    def one(m: re.Match[str]) -> str:
        number = parse_number(m.group("n") or m.group("m"))
        return f"age {number:g}" if number is not None and number == int(number) else m.group(0)

    return _AGE.sub(one, text)


# Words that name the kind of figure rather than the thing measured: they count, but little.
GENERIC = {stem(w) for w in _LEXICON["generic"]}
# Qualifiers that do not change what is measured ("Provisional score" is the site's score).
QUALIFIERS = {stem(w) for w in _LEXICON["qualifiers"]}
PRICE = stem("price")


# Prepositions open a qualifier of the measure ("score at 1M-token context"): its words count half.
PREPOSITIONS = set(_LEXICON["prepositions"])
# What a fact's unit already says about its metric: a percentage is a share, a "#2" is a rank.
UNIT_WORDS = {
    unit: {stem(w) for w in words}
    for unit, words in {
        "%": ("share", "percentage", "percent"),
        "percentage points": ("point", "percentage"),
        "rank": ("rank",),
        "points": ("score", "point"),
    }.items()
}
_MONEY = re.compile(r"(?:[A-Z]{3}|pence|cents?|p)\b")
_RATE = {stem("rate"), stem("unit")}


def unit_words(unit: str) -> set[str]:
    """Stems of what a unit says its figure is: "%" a share, "USD" a price, "pence per kWh" a price and a
    rate per unit (a "unit rate")."""
    words = set(UNIT_WORDS.get(unit, set()))
    if _MONEY.match(unit):
        words.add(PRICE)
    if " per " in f" {unit} ":
        words |= _RATE
    return words


@dataclass(frozen=True)
class Token:
    raw: str  # as written, lower case ("terminal-bench")
    key: str  # stem ("scor"), compound of stems ("terminalbench"), or a number without "v" and trailing ".0"
    weight: float
    version_of: str | None = None  # the word a version number belongs to ("bench" for "Terminal-Bench 2.0")
    parts: tuple[str, ...] = ()  # stems of a hyphenated compound


def tokenize(text: str | None) -> list[Token]:
    if not text:
        return []
    raw_words = re.findall(
        r"v?\d+(?:\.\d+)*[a-z]*|[a-z]+(?:-[a-z]+)*", text.lower().replace("–", " ").replace("—", " ")
    )
    out: list[Token] = []
    previous = ""
    factor = 1.0
    for word in raw_words:
        if word in PREPOSITIONS and out:
            factor = 0.5
        if re.fullmatch(r"v?\d+(?:\.\d+)*", word):
            number = re.sub(r"(?:\.0+)+$", "", word.lstrip("v"))
            named = previous and previous not in STOP_WORDS and not previous[0].isdigit()
            owner = previous if named else None
            owner_key = stem(owner.split("-")[-1]) if owner else None
            out.append(Token(word, number, (1.0 if owner else 0.5) * factor, owner_key))
        elif word[0].isdigit():
            out.append(Token(word, word, 0.5 * factor))
        elif word not in STOP_WORDS:
            parts = tuple(stem(p) for p in word.split("-"))
            key = "".join(parts) if len(parts) > 1 else parts[0]
            if key in QUALIFIERS:
                previous = word
                continue
            weight = 0.3 if key in GENERIC else 1.0
            out.append(Token(word, key, weight * factor, parts=parts if len(parts) > 1 else ()))
        previous = word
    return out


#: A word and the words that stand for it when they label a figure (data file: ``[equivalents]``).
EQUIVALENTS = {stem(word): {stem(w) for w in words} for word, words in _LEXICON["equivalents"].items()}


def token_keys(tokens: list[Token]) -> set[str]:
    """Keys a claim word may match: stems, parts of compounds, adjacent words joined ("terminal bench"), and
    the words others stand for ("respondents" labels a share of the "market")."""
    keys = {t.key for t in tokens}
    for t in tokens:
        keys.update(t.parts)
    pairs = zip(tokens, tokens[1:], strict=False)
    keys.update(a.key + b.key for a, b in pairs if a.raw.isalpha() and b.raw.isalpha())
    keys.update(word for word, standing in EQUIVALENTS.items() if keys & standing)
    return keys


def _versions(tokens: list[Token]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for t in tokens:
        if t.version_of:
            found.setdefault(t.version_of, set()).add(t.key)
    return found


def versions_conflict(claim: list[Token], fact: list[Token]) -> bool:
    """True when the same name carries different versions ("Terminal-Bench 1.0" vs "Terminal-Bench 2.0")."""
    fact_versions = _versions(fact)
    return any(
        name in fact_versions and not (numbers & fact_versions[name])
        for name, numbers in _versions(claim).items()
    )


def site_words(url: str) -> set[str]:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")[:-1] if "." in host else [host]
    words = set()
    for label in labels:
        words.add(label.replace("-", ""))
        words.update(p for p in label.split("-") if len(p) > 1)
    return words - {"com", "org", "net", "co", "blog", "docs", "en", "www", "cdn", "static", "assets"}


def site_matched(tokens: list[Token], site: set[str]) -> set[int]:
    """Indexes of claim tokens that name the page's own site ("BenchLM" on benchlm.ai, "Artificial Analysis"
    on artificialanalysis.ai): a metric named after its publisher is what that publisher's page states."""
    hits: set[int] = set()
    if not site:
        return hits
    raws = [t.raw.replace("-", "") for t in tokens]
    for i, raw in enumerate(raws):
        if not raw.isalpha():
            continue
        if raw in site or (len(raw) >= 5 and any(s.startswith(raw) for s in site)):
            hits.add(i)
        joined = raw
        for j in range(i + 1, min(i + 3, len(tokens))):
            joined += raws[j]
            if joined in site:
                hits.update(range(i, j + 1))
    return hits


# Product categories and markets a figure can be about: a table captioned "Tablet shipments" does not speak
# to a claim about smartphone market share. The words of one group name the same topic.
_TOPIC_GROUPS: dict[str, list[str]] = _LEXICON["topics"]
_TOPICS = {plain_stem(w): topic for topic, words in _TOPIC_GROUPS.items() for w in words}


def topics(text: str | None) -> set[str]:
    """The product categories ``text`` names ("Top 5 Tablet Companies" -> {"tablet"})."""
    if not text:
        return set()
    return {t for w in re.findall(r"[a-z]+", text.lower()) if (t := _TOPICS.get(plain_stem(w)))}


# What a stated change already says about its metric: "up 41%" is a growth, "fell 2%" a decline.
DIRECTION_WORDS = {
    direction: {stem(w) for w in words}
    for direction, words in {
        "up": ("growth", "change", "rise", "gain"),
        "down": ("decline", "change", "decrease", "drop", "fall", "cut"),
    }.items()
}


#: Stems of the words that make a measure a change rather than a level ("% change", "growth", "YoY").
CHANGE_WORDS = {stem(w) for w in _LEXICON["changes"]["words"]}


def names_a_change(text: str | None) -> bool:
    """Whether a measure's words name a change ("Year-Over-Year Change", "passenger growth", "Δ vs GPT-5.4")
    rather than a level ("Shipments", "load factor")."""
    words = re.findall(r"[a-zδΔ]+(?:[-/][a-z]+)*", (text or "").lower())
    return any(w in CHANGE_WORDS or stem(w) in CHANGE_WORDS for w in words)
