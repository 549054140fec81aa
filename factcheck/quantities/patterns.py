"""The regular expressions of the quantity finder, built from the lexicons in ``lexicon``.

Each pattern reads one piece of the text around a number: a currency or sign before it, a magnitude,
unit or "per ..." after it, a bound phrase or a change verb, the second end of a range.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Generic, TypeVar

from factcheck.quantities.lexicon import (
    ATTACHED_ONLY_UNITS,
    BOUND_PHRASES,
    BOUND_SYMBOLS,
    COMMON_WORD_CURRENCIES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DOWN_NOUNS,
    DOWN_WORDS,
    FRACTION_DENOMINATORS,
    ISO_CURRENCIES,
    LABEL_WORDS,
    MAGNITUDE_WORDS,
    MULTIPLIER_WORDS,
    NUMBER_WORDS,
    ONES,
    ORDER_MULTIPLIERS,
    ORDERS_OF_MAGNITUDE,
    ORDINAL_WORDS,
    SYMBOL_UNITS,
    TENS,
    TRANSLITERATED_SYMBOLS,
    UP_NOUNS,
    UP_WORDS,
    VOTE_WORDS,
    VULGAR,
    WORD_UNITS,
)

S = r"[^\S\r\n]"  # horizontal white space, including no-break and thin spaces
HS = r" \t\u00a0\u2007\u2009\u202f"  # the common ones, for use inside a [...] class
DASHES = "-\u2010\u2011\u2012\u2013\u2014"
MINUS = "-\u2212"
T = TypeVar("T")

MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
MONTH = (
    r"(?:January|Jan\.?|February|Feb\.?|March|Mar\.|April|Apr\.?|May|June|Jun\.?|July|Jul\.?|August|"
    r"Aug\.?|September|Sept?\.?|October|Oct\.?|November|Nov\.?|December|Dec\.?|"
    # lower case as well, but "may" and "march" only as abbreviations cannot be: they are verbs
    r"january|jan\.|february|feb\.|april|apr\.|june|jun\.|july|jul\.|august|aug\.|september|sept?\.|"
    r"october|oct\.|november|nov\.|december|dec\.)(?![a-z])"
)


# ----------------------------------------------------------------------------------------------------
# Compiled patterns


def alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# currency symbols that end in a lower-case letter and may be written against the digits ("Rs500", "Dh5bn")
_LOWER_ENDED_SYMBOLS = sorted(
    {s for s in (*CURRENCY_SYMBOLS, *TRANSLITERATED_SYMBOLS) if s[-1:].isalpha() and s[-1:].islower()}
)
DIGITS = re.compile(
    # "1,220", "12,34,567" (Indian grouping, in lakhs), "82.7", ".5"
    r"(?=\d)(?:(?<![\w])|(?<=[A-Z])|(?<=[A-Z]=)"
    + "".join(f"|(?<={re.escape(s)})" for s in _LOWER_ENDED_SYMBOLS)
    + ")"
    r"(?:\d{1,2}(?:,\d{2})+,\d{3}(?![\d,])|\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)"
    r"|(?<![\w.,])\.\d+(?!\d)"
)
NUMWORD = rf"(?:{alt(NUMBER_WORDS)})\b"
WORD_RUN = re.compile(
    rf"(?<![\w-])(?:an?{S}+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?{NUMWORD}"
    rf"(?:(?:{S}*-{S}*|{S}+(?:and{S}+)?){NUMWORD})*(?![\w])",
    re.I,
)
WORD_TOKEN = re.compile(r"[A-Za-z]+")
_DENOMINATORS = [w for w in FRACTION_DENOMINATORS if w not in ("half", "halves")]
FRACTION_SINGLE = re.compile(
    rf"(?<![\w-])(?:(?:a|one)({S}+|{S}*-{S}*)({alt(w for w in _DENOMINATORS if not w.endswith('s'))})|(half))"
    r"(?![\w-])",
    re.I,
)
FRACTION_PLURAL = re.compile(
    rf"(?<![\w-])(two|three|four|five|seven|nine)(?:{S}+|{S}*-{S}*)"
    rf"({alt(w for w in _DENOMINATORS if w.endswith('s'))})(?![\w-])",
    re.I,
)
MULTIPLIER = re.compile(rf"(?<![\w-])({alt(MULTIPLIER_WORDS)})(?![\w])", re.I)
FOLD_WORD = re.compile(
    r"(?<![\w-])(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)fold(?![\w])", re.I
)
ORDINAL_DIGITS = re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)(?![\w])")
ORDINAL_WORD = re.compile(rf"(?<![\w-])({alt(ORDINAL_WORDS)})(?![\w])", re.I)
# "one in five adults", "nine out of ten claims": a share of the group named after it (not a period, "one
# in ten years", nor a score, "7 out of 10 for comfort", "four out of five stars").
SHARE = re.compile(
    rf"(?<![\w#.,-])(\d+|{alt(ONES)}){S}+(?:in|out{S}+of){S}+(\d+|{alt(ONES)}|hundred)"
    rf"(?={S}+(?!(?:years?|months?|weeks?|days?|hours?|minutes?|{S}))[A-Za-z])"
    rf"(?!{S}+(?:on|in|for|at|by|from|with|and|or|to|points?|stars?|marks?)(?![\w]))",
    re.I,
)
VULGAR_ALONE = re.compile(rf"(?<![\w.,])[{''.join(VULGAR)}](?![\w])")
AND_HALF = re.compile(rf"{S}+and{S}+a{S}+half\b", re.I)


def _symbol_pattern(symbol: str) -> str:
    """A currency symbol as written before an amount: letters in it must start a word, and a letter
    prefix may stand apart from its "$" ("US $58", "HK $3.7bn", "C $4.10"), but "A" only inside a
    sentence: "A $5 fee" opens one with an article."""
    out = re.escape(symbol)
    if symbol[:1].isalpha():
        out = r"(?<![A-Za-z])" + out
        if symbol.endswith("$") and len(symbol) > 1:
            prefix = re.escape(symbol[:-1])
            out = rf"(?<![A-Za-z]){prefix}{S}?\$"
            if symbol == "A$":
                out = rf"(?<![A-Za-z])(?:A\$|(?<=[\w,;:]{S})A{S}\$)"
    return out


_BEFORE_SYMBOLS = sorted({**CURRENCY_SYMBOLS, **TRANSLITERATED_SYMBOLS}, key=len, reverse=True)
CURRENCY_BEFORE = re.compile(
    "(?:"
    + "|".join(_symbol_pattern(s) for s in _BEFORE_SYMBOLS)
    + rf"|(?<![A-Za-z])(?:{'|'.join(ISO_CURRENCIES)})(?=[{HS}]?\Z)){S}?\Z"
)
# a currency symbol or code opening the second end of a range: "RM450,000 to RM1.2 million", "HK$3bn-HK$4bn"
CURRENCY_AT = re.compile(
    "(?:"
    + "|".join(_symbol_pattern(s) for s in _BEFORE_SYMBOLS)
    + rf"|(?:{'|'.join(ISO_CURRENCIES)})(?={S}?\d)){S}?(?=[\d.])"
)
# letters glued to the digits that may be a currency ("USD10m", "RM79", "PS2.7m") rather than a name
GLUED_PREFIX = re.compile(r"(?<![A-Za-z])[A-Z][A-Za-z]{0,2}=?\Z")
# a code of letters and digits ("A350", "B737"), whose dash joins the next digits to its name
MODEL_CODE_BEFORE = re.compile(r"(?<![\w])[A-Za-z]+\d+\Z")
SUB_BEFORE = re.compile(r"(?<![\w])sub-\Z", re.I)  # "sub-5nm chips", "a sub-$500 phone"
SIGN_WORD_BEFORE = re.compile(rf"(?<![\w])(?:minus|negative)(?:{S}+|-)\Z", re.I)
BOUND_BEFORE = re.compile(rf"(?<![\w])({alt(BOUND_PHRASES)}){S}+\Z", re.I)
BOUND_SYMBOL_BEFORE = re.compile(rf"({alt(BOUND_SYMBOLS)}){S}?\Z")
BETWEEN_BEFORE = re.compile(rf"(?<![\w])between{S}+\Z", re.I)
FROM_BEFORE = re.compile(rf"(?<![\w])from{S}+\Z", re.I)
FROM_WORD_BEFORE = re.compile(rf"(?<![\w])from{S}+(?=\S*\Z)", re.I)  # "from" and what stands after it
RANK_MARK_BEFORE = re.compile(rf"(?:#|(?<![\w])(?:No\.|no\.|No(?={S})|Nr\.)){S}?\Z")
RANK_CONTEXT_BEFORE = re.compile(
    rf"(?<![\w])(?:ranked|ranks|rank|ranking|placed|places|placing|puts|put|putting|finished|finishes|came|"
    rf"comes|landed|lands|sits|sat|stands|stood)(?:{S}+(?:it|them|him|her))?(?:{S}+(?:in|at|as))?{S}+\Z",
    re.I,
)
RANK_MOVE_BEFORE = re.compile(
    rf"(?<![\w])(?:rose|climbed|jumped|moved(?:{S}+up|{S}+down)?|fell|dropped|slipped|slid|rises|falls|"
    rf"climbs|drops|slips|is|was|are|were|remains|remained|be|being){S}+(?:to{S}+)?\Z",
    re.I,
)
SCORE_CONTEXT_BEFORE = re.compile(
    rf"(?<![\w])(?:(?:scores?|ratings?|grade)(?:{S}+of)?|scored|scoring|rated)(?:{S}+(?:a|an|just|only))?"
    rf"{S}+\Z",
    re.I,
)


def _plurals(nouns: list[str]) -> list[str]:
    """The nouns and their plurals ("gains of 3%", "rallies", "cuts of 10%")."""
    out = list(nouns)
    for n in nouns:
        if n.endswith("y") and n[-2:-1] not in "aeiou":
            out.append(n[:-1] + "ies")
        elif n.endswith(("s", "sh", "ch", "x")):
            out.append(n + "es")
        elif "-" not in n and n != "growth":
            out.append(n + "s")
    return out


# Verbs that may take an object before "by": "cut emissions by 55%", "raised its rate by 25 basis points".
# "raised" counts only so: "raised $45 million" is funding, not a change.
UP_VERBS_BY = [w for w in UP_WORDS if w not in ("up", "higher")] + "raised raise raises hiked".split()
DOWN_VERBS_BY = [w for w in DOWN_WORDS if w not in ("down", "lower")]
VERB_OBJECT_BY = (
    rf"(?:{S}+[A-Za-z'’-]+){{0,5}}{S}+by"  # "raised by", "cut emissions by", "raised its rate by"
)
# how a rate of change is stated between its verb and the number: "rose an annual 4%", "grew an
# annualised 2.8%", "expanded a seasonally adjusted 0.3%" (but "at an annual rate of 2.8%" states a rate)
_RATE_OF = rf"an?{S}+(?:annual|annuali[sz]ed|yearly|quarterly|monthly|seasonally{S}+adjusted)"
DIRECTION_BEFORE = re.compile(
    rf"(?<![\w])(?:(?P<up>{alt(UP_WORDS)})|(?P<down>{alt(DOWN_WORDS)})|"
    rf"(?:(?:an?|the){S}+)?(?:(?P<upn>{alt(_plurals(UP_NOUNS))})|(?P<downn>{alt(_plurals(DOWN_NOUNS))}))"
    rf"(?:{S}+in(?:{S}+[A-Za-z'’-]+){{1,3}})?{S}+of|"
    rf"(?P<upg>growth){S}+of|"
    rf"(?P<upb>{alt(UP_VERBS_BY)})"
    rf"{VERB_OBJECT_BY}|"
    rf"(?P<downb>{alt(DOWN_VERBS_BY)}){VERB_OBJECT_BY}|"
    # "shares were off 3%": a fall, after a form of "be" or a verb of closing (not "sold off 200")
    rf"(?:is|are|was|were|been|be|being|ended|closed|finished|traded|trading|stood){S}+(?P<downo>off))"
    rf"(?:{S}+(?:sharply|slightly|steeply|modestly|markedly|significantly|just|only|another|"
    rf"a{S}+further|an{S}+additional|a{S}+whopping|a{S}+record|{_RATE_OF}|by)){{0,2}}{S}+\Z",
    re.I,
)
# the first word of every DIRECTION_BEFORE match: the words of a text are looked up once, so that the
# costly search runs only before a number that has one of them shortly before it
CHANGE_ANCHORS = frozenset(
    w.lower()
    for w in UP_WORDS
    + DOWN_WORDS
    + _plurals(UP_NOUNS + DOWN_NOUNS)
    + UP_VERBS_BY
    + DOWN_VERBS_BY
    + ["growth", "off"]
)
WORD = re.compile(r"[A-Za-z]+")
DIRECTION_AFTER = re.compile(
    rf"(?:{S}+|{S}*-{S}*)(?:(?:year-on-year|year-over-year|annual|yearly|quarterly|monthly){S}+)?"
    rf"(?:(?P<up>{alt(UP_NOUNS)}|higher|stronger)|(?P<down>{alt(DOWN_NOUNS)}|lower|weaker))(?![\w-])"
    # "6% down on last year", "12% up from a year earlier", "3% down year on year", "0.5% up."
    rf"|{S}+(?:(?P<up2>up)|(?P<down2>down))(?={S}+(?:on|from|over|compared|against|versus|vs|year|y/y)\b"
    rf"|{S}*[,.;:)]|{S}*\Z)",
    re.I,
)
# a change noun after a share and the word it qualifies: "a 4.5% pay rise", "a 25bp rate cut"
DIRECTION_AFTER_NOUN = re.compile(
    rf"{S}+[a-z]+{S}+(?:(?P<up>{alt(UP_NOUNS)})|(?P<down>{alt(DOWN_NOUNS)}))(?![\w-])"
)
PREVIOUS_WORD = re.compile(rf"(?<![\w'’.-])([A-Za-z][\w&+'’.-]*){S}+\Z")
# a number that ends a capitalised name, and the space after it: "Stoxx 50 ", "S&P 500 ", "Nikkei 225 "
NAME_NUMBER_BEFORE = re.compile(
    rf"(?<![\w&.'’-])(?!(?:In|By|On|At|To|Of|For|From|The|Top|Over|Under|About|Some){S})"
    rf"[A-Z][\w&.'’-]*{S}+\d+{S}+\Z"
)
LABEL_BEFORE = re.compile(rf"(?<![\w.])({alt(LABEL_WORDS)}){S}*\Z")

PERCENT = re.compile(rf"{S}?[%％]")
MAGNITUDE_ATTACHED = re.compile(r"(bn|mn|mln|bln|trn|tn|[kKMBbTm])(?![A-Za-z0-9])")
MAGNITUDE_SPACED = re.compile(rf"(?:{S}+|{S}*-{S}*)({alt(MAGNITUDE_WORDS)})(?![\w])", re.I)
# "$8 B", "$1.5 M" (not an initial: "$5 B. Smith")
MAGNITUDE_LETTER_SPACED = re.compile(rf"{S}([KMBT])(?![\w&'’-]|\.(?!{S}*\Z))")


class Alternatives(Generic[T]):
    """Many patterns tried at one position as a single regular expression: the first that matches
    wins, as in a loop over them, at the cost of one match call."""

    def __init__(self, items: list[tuple[str, T]], prefix: str, suffix: str, flags: int = 0) -> None:
        self.payloads = [payload for _, payload in items]
        body = "|".join(f"(?P<a{i}>{pattern})" for i, (pattern, _) in enumerate(items))
        self.pattern = re.compile(f"{prefix}(?:{body}){suffix}", flags)

    def match(self, text: str, pos: int, limit: int) -> tuple[re.Match[str], T] | None:
        m = self.pattern.match(text, pos, limit)
        if m is None or m.lastgroup is None:
            return None
        return m, self.payloads[int(m.lastgroup[1:])]


WORD_UNIT_AFTER = Alternatives(WORD_UNITS, rf"(?:{S}+|{S}*-{S}*)", r"(?![\w])", re.I)
SYMBOL_UNIT_AFTER = Alternatives(SYMBOL_UNITS, rf"(?:{S}?|-)", r"(?![A-Za-z0-9²])")
SYMBOL_UNIT_GLUED = Alternatives(SYMBOL_UNITS, "", r"(?![A-Za-z0-9²])")
ATTACHED_UNIT_AFTER = Alternatives(ATTACHED_ONLY_UNITS, "", r"(?![A-Za-z0-9])")
# (ISO code, factor, minor unit name or "")
CURRENCY_WORD_AFTER = Alternatives(
    [(pat, (code, factor, minor)) for pat, code, factor, minor in CURRENCY_WORDS],
    rf"(?:{S}+|{S}*-{S}*)",
    r"(?![\w])",
    re.I,
)
COMMON_WORD_CURRENCY = re.compile("|".join(f"(?:{p})" for p in COMMON_WORD_CURRENCIES), re.I)
# the cents of "13 dollars and 45 cents", "15 dollars 50", "17 USD 25"
MINOR_AFTER = re.compile(
    rf"(?:{S}*,)?(?:{S}+and)?{S}+(?P<n>\d{{1,2}}|(?:{alt(list(ONES) + list(TENS))})(?:-(?:{alt(ONES)}))?)"
    rf"(?:{S}*(?P<minor>cents?|pence|p|sen|paise)\b|(?={S}*(?:[.,;:!?)]|\Z)))",
    re.I,
)
ISO_AFTER = re.compile(rf"{S}?(?P<mag>[KMB])?(?P<code>{'|'.join(ISO_CURRENCIES)})(?![A-Za-z])")
EURO_AFTER = re.compile(rf"{S}?(€|£|元)")
LARGE_SCALE_BEFORE = re.compile(r"(?<![\w])(?:million|billion|trillion)\Z", re.I)
POUNDS_AFTER = re.compile(rf"(?:{S}+|{S}*-{S}*)pounds?(?![\w])", re.I)
HYPHEN_NAME_AFTER = re.compile(r"-[A-Z][a-z]+(?![\w-])")  # "7-Eleven", "3-Series"
# the capitalised words right after a number: "747 Jumbo", "9 Pro Fold", "12 Harbour Road"
CAPITALISED_RUN = re.compile(rf"(?:{S}+[A-Z][A-Za-z'’.&-]*)+(?![\w])")
# the noun after "of" past a determiner: "of its shares", "of the devices", "of them"
COUNTED_AFTER_OF = re.compile(
    rf"{S}+(them|these|those)(?![\w])|"
    rf"(?:{S}+(?:the|its|their|his|her|our|your|those|these|all|such))?{S}+([A-Za-z][A-Za-z'’-]*)",
    re.I,
)
# a second capitalised run joined to the first: "Model S and Model X", "Irish and Scottish"
NAME_AND_NAME = re.compile(rf"{S}+(?:and|or|&)(?:{S}+[A-Z][A-Za-z\d'’.&-]*)+(?![\w])")
# a count right before a number, with at most one lower-case word between: "two new 737", "44 787"
COUNT_BEFORE = re.compile(
    rf"(?<![\w.,])(?:\d+|{alt(list(ONES) + list(TENS) + ['dozen', 'hundred', 'thousand'])})"
    rf"(?:{S}+[a-z]+)?{S}+\Z",
    re.I,
)
NEXT_WORD = re.compile(rf"(?:{S}+|{S}*-{S}*)([A-Za-z][A-Za-z'’-]*)")

RANGE_JOIN = re.compile(rf"{S}*[{DASHES}]{S}*|{S}+(to|through|thru|and|or){S}+|/(?=[$€£¥₹]\d)", re.I)
PLUS_AFTER = re.compile(rf"\+(?![\d\w])|-plus(?![\w])|{S}+plus(?![\w]|{S}+\S)", re.I)
OR_MORE_AFTER = re.compile(
    rf"{S}+(?:or{S}+(?:(?P<ge>more|higher|greater|above|over|longer|larger|bigger|later)|"
    rf"(?P<le>less|fewer|lower|below|under|shorter|smaller))|and{S}+(?:(?P<ge2>up|above|over)|"
    rf"(?P<le2>under|below)))(?![\w])",
    re.I,
)
MORE_AFTER = re.compile(rf"{S}+more(?![\w])", re.I)
SCALE_AFTER = re.compile(
    rf"{S}+(?:(?P<out>out{S}+of)|(?P<of>of)|(?P<among>among)){S}+(?:the{S}+)?"
    rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:a|one){S}+hundred|hundred|{alt(ONES)}|{alt(TENS)})"
    rf"(?![\w.,]\d|[\w%])",
    re.I,
)
FRACTION_POINT = re.compile(
    rf"(?:{S}+|{S}*-{S}*)(?:of{S}+)?(?:an?{S}+)?(?P<pct>percentage[{HS}-])?point\b", re.I
)
HALF_OF = re.compile(rf"{S}+(?:of|the|its|their|his|her|our|all|those|these|that|this)\b")
RANK_NOUN_AFTER = re.compile(rf"(?:{S}+|{S}*-{S}*)(place|position|spot|rank|ranking)(?![\w])", re.I)
SUPERLATIVE_AFTER = re.compile(rf"(?:{S}+|{S}*-{S}*)(?:[a-z]+est|most|least)(?![\w])")
# Units that never take a "per ..." (a price or a rate does: "$5 per 1M tokens", "100 tokens per second").
NOT_PER_UNITS = {"%", "percentage points", "points", "x", "rank", "count", "basis points"}
TIME_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries"}
DURATION_BEFORE = re.compile(
    rf"(?<![\w])(?:in|within|for|after|over|than|just|only|about|around|per|of|"
    rf"last|past|next|first){S}+\Z",
    re.I,
)
TALLY_AFTER = re.compile(rf"[{DASHES}](\d+)(?![\w.,]\d|[\w%])")
VOTE_WORD = re.compile(rf"(?<![\w])(?:{alt(VOTE_WORDS)})(?![\w])", re.I)
YEAR_PREPOSITION_BEFORE = re.compile(rf"(?<![\w])(?:in|by|since|until|till|before|after|circa){S}+\Z", re.I)
OLD_AFTER = re.compile(rf"(?:-|{S}+)old(?![\w])", re.I)  # "45-year-old", "one year old"
# "Acme fell 1.4%, Globex by 0.9%": the verb of the change before is left out
GAPPED_BY = re.compile(rf"{S}*(?:,|;|,?{S}+and){S}+(?:the{S}+)?(?:[A-Z][\w&.'’-]*{S}+){{1,4}}by{S}+")
# "Apple rose 2.1%, Microsoft 1.5% and Amazon 0.9%": names and a figure in the unit of the change before
GAPPED = re.compile(rf"{S}*(?:,|;|,?{S}+and){S}+(?:the{S}+)?(?:[A-Z][\w&.'’-]*{S}+){{1,4}}")
RESTATES = re.compile(rf"{S}*(?:,{S}*or|or|\(){S}*\Z")
SLASH_AFTER = re.compile(r"/(\d+(?:\.\d+)?)(?![\w/]|\.\d)")
# scientific notation: "2.2×10^30", "6.02 x 10²³", "1.6×10−19"
SCIENTIFIC_AFTER = re.compile(
    rf"{S}?[×xX]{S}?10(?:(?:\^|\*\*)(?P<exp>[-−]?\d{{1,3}})|(?P<signed>[-−]\d{{1,3}})|(?P<sup>⁻?[⁰¹²³⁴⁵⁶⁷⁸⁹]{{1,3}}))"
    r"(?![\d⁰¹²³⁴⁵⁶⁷⁸⁹])"
)
SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻", "0123456789-")
FRACTION_SLASH_AFTER = re.compile(r"\u2044(\d+)(?![\d.,]\d)")  # "1⁄32": the fraction slash makes a fraction
# "10 1/2 miles", "a 1/4 mile oval": a whole number and a simple fraction, or the fraction alone
SIMPLE_FRACTION = re.compile(rf"(?:{S}+(?P<num>\d)/(?P<den>2|3|4|8|16))?(?=[{HS}-]?[A-Za-z])")
FRACTION_AFTER_WHOLE = re.compile(rf"{S}+(?P<num>\d)[/⁄](?P<den>2|3|4|8|16)(?![\d/])")
PER_AFTER = re.compile(
    rf"(?:{S}+per{S}+|/{S}*|{S}+/(?!{S}*\d){S}*|(?:{S}+|-)(?P<article>a|an|each)(?:{S}+|-)(?=[a-z]))"
    rf"(?:(?P<num>\d+(?:[.,]\d+)*{S}?(?:[kKMB]|bn|mn)?|one|a|an|million|thousand|billion){S}*)?"
    rf"(?P<qual>(?:input|output|cached|prompt|completion|generated){S}+)?"
    rf"(?P<noun>MTok|[A-Za-z][A-Za-z]*)(?![\w])",
)
# after "$5 a year": the words that make it a time ("a year ago", "a week earlier"), not a rate
NOT_RATE_AFTER = re.compile(rf"{S}+(?:ago|earlier|later|before|after|since|on|in|or|and)\b", re.I)
MAGNITUDE_LETTERS = {"K": 1e3, "k": 1e3, "M": 1e6, "m": 1e6, "mn": 1e6, "B": 1e9, "bn": 1e9}
PER_NOUN_AFTER_MAGNITUDE = re.compile(
    rf"{S}+(tokens?|requests?|calls?|queries|characters|words|images)(?![\w])"
)

# a verb of change anywhere in the clause before "from": "raise the minimum wage from $7.25 to $15"
# (and the nouns: "the improvement from 30% to 65%", "a jump from")
CHANGE_VERB = re.compile(
    rf"(?<![\w])(?:{alt(UP_WORDS + DOWN_WORDS + UP_NOUNS + DOWN_NOUNS)}|rais\w*|lift\w*|hik\w*|go|goes|going|"
    rf"went|mov\w*|switch\w*|shift\w*|revis\w*|chang\w*|narrow\w*|widen\w*|eas\w*|upgrad\w*|downgrad\w*|"
    rf"improv\w*|deteriorat\w*|worsen\w*)(?![\w])",
    re.I,
)
# a verb that spreads "from A to B" over many things: "prices range from", "homes sell for ... from"
RANGE_VERB = re.compile(
    r"\b(?:rang(?:e|es|ed|ing)|var(?:y|ies|ied|ying)|priced|sell|sells|sold|cost\w*|start|starts)"
    r"\s+(?:\w+\s+)?\Z",
    re.I,
)
CLAUSE_END = re.compile(r"[.;!?](?:\s|\Z)|,\s|\s(?:and|but|while|whereas)\s")
# "to" and another number: after "from 5 to 7 per cent", the range it moved to
TO_ANOTHER = re.compile(rf"{S}+to{S}+(?:[$€£¥₹]|US\$)?{S}?\d")
# a time after "from A to B" that makes it a change over that time: "from 30% to 65% in a decade",
# "from 20 to 29 mpg by 2020", "from 5 to 9 a year earlier"
TIME_AFTER = re.compile(
    rf"(?:{S}*,)?{S}+(?:(?:in|by|during|over|since|within|across|between|from){S}+"
    rf"(?:(?:the|a|an|one|its|their|last|past|next|this|that|two|three|four|five|ten|\d+){S}+)?"
    rf"(?:(?:19|20)\d\d(?![\d,])|{MONTH}|(?:years?|decades?|generations?|months?|quarters?|weeks?|"
    rf"centur(?:y|ies)|(?:first|second|third|fourth)|20th|21st)(?![\w]))|"
    rf"(?:last|this|next|a|one){S}+(?:year|decade|month|quarter|week)(?![\w])|"
    rf"(?:an?{S}+)?(?:year|decade|month|week)s?{S}+(?:earlier|later|ago|before)(?![\w]))",
    re.I,
)
# the opening of an equivalent in another unit or currency: "100 km (60 miles)", "(224 kW / 300 PS)"
EQUIVALENT = re.compile(rf"{S}*(?:\((?:{S}*(?:or|about|roughly|some|around){S}+)?|/){S}*")
# "thousands of", "tens of millions of", "dozens of": an order of magnitude, read as a range; also
# standing alone ("thousands marched"), but not as an increment ("dozens more were hurt")
VAGUE_PLURAL = re.compile(
    rf"(?<![\w-])(?<!the{S})(?:(?P<times>{alt(ORDER_MULTIPLIERS)}){S}+of{S}+)?(?P<base>{alt(ORDERS_OF_MAGNITUDE)})"
    rf"(?={S}+of{S}+[A-Za-z]|{S}+(?!(?:of|more)(?![\w]))[a-z]|{S}*[.,;:!?)]|{S}*\Z)",
    re.I,
)
# "several hundred", "a few thousand": as vague as "hundreds of", and read the same way
VAGUE_SCALE = re.compile(
    rf"(?<![\w-])(?:several|a{S}+few|few|many){S}+(?P<base>hundred|thousand|million|billion)(?![\w-])", re.I
)
OF_AFTER = re.compile(rf"{S}+of(?={S})", re.I)
OF_AN = re.compile(rf"{S}+of{S}+an?(?={S})", re.I)  # "a tenth of a second"
# a minor unit glued to the number: "164p", "85c"
MINOR_GLUED = re.compile(r"(?:p|c)(?![A-Za-z0-9])")
