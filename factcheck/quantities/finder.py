"""Find every number stated in a piece of text, normalised as :class:`factcheck.models.Quantity`.

Pure regular expressions, no NLP model: the same finder runs over article text, source pages and PDF
passages, so it has to be fast and predictable.

How it works, in three passes over the text:

1. *Blocked spans*: things that contain digits but are not quantities (URLs, e-mail addresses, phone
   numbers, times of day and ratios like ``3:30`` or ``16:9``, version strings ``v1.2.3``, list markers
   ``1.`` / ``(1)`` at a line start, footnote markers ``[3]``) and dates ("April 23, 2026", "Q3 2026",
   "2019-2023", "mid-2026"). Dates become quantities with ``unit == "date"``; the rest is dropped.
   Times of day are deliberately not returned: a clock time is neither an amount nor a date.
2. *Number cores*: digits ("1,220", "82.7", "4.8K"), number words ("sixty-eight", "a dozen",
   "one hundred and five"), fractions in words ("a third of", "two-thirds"), multipliers ("twice",
   "threefold"), ordinals ("2nd", "second") and shares ("one in five").
3. *Expansion*: each core grows left (currency, sign, "#", bound words such as "more than") and right
   (magnitude, unit, "per 1M tokens", "out of 115", "+", "or more", the second end of a range). Words
   that state a change ("rose", "fell", "a 5% drop") set ``direction`` but are not part of the span.

Numbers that name things rather than measure them are dropped: "GPT-5.5", "COVID-19", "H100", "5G",
"Claude Opus 4.7", "Windows 11" (a bare number right after a capitalised name), "version 2", "token
50,000" (a label word before it), and a bare decimal that elsewhere in the text is a model version
("GPT-5.4 ... from 5.0 to 5.4"). A bare four-digit number 1900-2100 is a year, hence a date.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from factcheck.models import Quantity

__all__ = ["find_quantities", "parse_number"]

# ----------------------------------------------------------------------------------------------------
# Lexicons

_S = r"[^\S\r\n]"  # horizontal white space, including no-break and thin spaces
_HS = r" \t\u00a0\u2007\u2009\u202f"  # the common ones, for use inside a [...] class
_DASHES = "-\u2010\u2011\u2012\u2013\u2014"
_MINUS = "-\u2212"

_ONES = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_NUMBER_WORDS = [*_ONES, *_TENS, "hundred", "dozen", *_SCALES]

_ORDINAL_WORDS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "twentieth": 20,
}
_FRACTION_DENOMINATORS = {
    "half": 2,
    "halves": 2,
    "third": 3,
    "thirds": 3,
    "quarter": 4,
    "quarters": 4,
    "fifth": 5,
    "fifths": 5,
    "sixth": 6,
    "sixths": 6,
    "eighth": 8,
    "eighths": 8,
    "tenth": 10,
    "tenths": 10,
}
_MULTIPLIER_WORDS = {
    "twice": 2,
    "thrice": 3,
    "double": 2,
    "doubled": 2,
    "doubling": 2,
    "doubles": 2,
    "triple": 3,
    "tripled": 3,
    "tripling": 3,
    "triples": 3,
    "treble": 3,
    "trebled": 3,
    "quadruple": 4,
    "quadrupled": 4,
    "quadrupling": 4,
}
# "double"/"triple" are mostly adjectives ("double-digit", "a double standard"); these following
# words mark the adjective reading.
_NOT_MULTIPLIER_AFTER = {
    "digit",
    "digits",
    "down",
    "standard",
    "standards",
    "check",
    "click",
    "dip",
    "whammy",
    "agent",
    "team",
    "date",
    "life",
    "bed",
    "room",
    "decker",
    "play",
    "header",
    "jeopardy",
    "taxation",
    "counting",
    "trouble",
    "bind",
    "duty",
    "act",
    "take",
    "crown",
    "threat",
    "jump",
    "word",
    "words",
    "a",
    "helix",
    "espresso",
    "shift",
    "shifts",
    "role",
    "roles",
    "major",
    "majors",
    "blind",
}

_MAGNITUDE_WORDS = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mn": 1e6,
    "mln": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "tn": 1e12,
    "trn": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
_MAGNITUDE_SUFFIX = {"k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "b": 1e9, "T": 1e12, "m": 1e6}

_CURRENCY_SYMBOLS = {
    "US$": "USD",
    "U.S.$": "USD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "HK$": "HKD",
    "S$": "SGD",
    "NZ$": "NZD",
    "R$": "BRL",
    "NT$": "TWD",
    "MX$": "MXN",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "CN¥": "CNY",
    "¥": "JPY",
    "₹": "INR",
    "Rs.": "INR",
    "Rs": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "₦": "NGN",
    "₱": "PHP",
    "฿": "THB",
    "₫": "VND",
    "₪": "ILS",
}
_ISO_CURRENCIES = (
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "RMB",
    "INR",
    "CHF",
    "CAD",
    "AUD",
    "HKD",
    "SGD",
    "KRW",
    "BRL",
    "MXN",
    "ZAR",
    "SEK",
    "NOK",
    "DKK",
    "NZD",
    "TWD",
    "TRY",
    "RUB",
    "PLN",
    "ILS",
    "AED",
    "SAR",
)
# Currency names written after the number ("5 billion euros"); value is (ISO code, factor).
_CURRENCY_WORDS: list[tuple[str, str, float]] = [
    (r"(?:US|U\.S\.|American)[\s-]dollars?", "USD", 1.0),
    (r"dollars?|bucks", "USD", 1.0),
    (r"euros?", "EUR", 1.0),
    (r"(?:pounds?[\s-])?sterling", "GBP", 1.0),
    (r"yen", "JPY", 1.0),
    (r"yuan|renminbi", "CNY", 1.0),
    (r"rupees?", "INR", 1.0),
    (r"(?:Swiss[\s-])?francs?", "CHF", 1.0),
    (r"roubles?|rubles?", "RUB", 1.0),
    (r"kronor|krona", "SEK", 1.0),
    (r"kroner|krone", "NOK", 1.0),
    (r"crowns?", "crowns", 1.0),  # Norwegian, Swedish, Danish or Czech: the text does not say which
    (r"cents?", "USD", 0.01),
    (r"pence|p(?=\b)", "GBP", 0.01),
    (r"bitcoins?", "BTC", 1.0),
]

# Units written after the number. Word units match in any case; symbols only as written.
_WORD_UNITS: list[tuple[str, str]] = [
    (r"percentage[\s-]points?|percent(?:age)?[\s-]pts?", "percentage points"),
    (r"basis[\s-]points?", "basis points"),
    (r"per[\s-]?cent|percent|pct", "%"),
    (r"points?|pts?", "points"),
    (r"(?:(?:input|output|context|prompt|completion|cached|training|reasoning)[\s-]+)?tokens?", "tokens"),
    (r"times|fold", "x"),
    (r"years?|yrs?", "years"),
    (r"months?|mos?\.", "months"),
    (r"weeks?|wks?", "weeks"),
    (r"days?", "days"),
    (r"hours?|hrs?", "hours"),
    (r"minutes?|mins?", "minutes"),
    (r"milliseconds?|msecs?", "milliseconds"),
    (r"seconds?|secs?", "seconds"),
    (r"decades?", "decades"),
    (r"centuries|century", "centuries"),
    (r"quarters", "quarters"),
    (r"miles[\s-]per[\s-]hour", "mph"),
    (r"(?:kilometres|kilometers)[\s-]per[\s-]hour", "km/h"),
    (r"barrels?[\s-](?:a|per)[\s-]day", "barrels per day"),
    (r"kilowatt[\s-]hours?", "kWh"),
    (r"megawatt[\s-]hours?", "MWh"),
    (r"gigawatt[\s-]hours?", "GWh"),
    (r"terawatt[\s-]hours?", "TWh"),
    (r"kilowatts?", "kW"),
    (r"megawatts?", "MW"),
    (r"gigawatts?", "GW"),
    (r"watts?", "W"),
    (r"kilobytes?", "KB"),
    (r"megabytes?", "MB"),
    (r"gigabytes?", "GB"),
    (r"terabytes?", "TB"),
    (r"petabytes?", "PB"),
    (r"bytes?", "bytes"),
    (r"gigahertz", "GHz"),
    (r"megahertz", "MHz"),
    (r"teraflops", "TFLOPS"),
    (r"petaflops", "PFLOPS"),
    (r"square[\s-](?:kilometres?|kilometers?)|sq\.?[\s-]?km", "km²"),
    (r"square[\s-](?:metres?|meters?)|sq\.?[\s-]?m", "m²"),
    (r"square[\s-](?:feet|foot)|sq\.?[\s-]?ft", "sq ft"),
    (r"square[\s-]miles?|sq\.?[\s-]?mi", "sq mi"),
    (r"acres?", "acres"),
    (r"hectares?", "hectares"),
    (r"kilometres?|kilometers?", "km"),
    (r"centimetres?|centimeters?", "cm"),
    (r"millimetres?|millimeters?", "mm"),
    (r"nanometres?|nanometers?", "nm"),
    (r"metres?|meters?", "m"),
    (r"miles?", "miles"),
    (r"feet|foot", "feet"),
    (r"inch(?:es)?", "inches"),
    (r"yards?", "yards"),
    (r"kilograms?|kilos?", "kg"),
    (r"milligrams?", "mg"),
    (r"grams?", "g"),
    (r"(?:metric[\s-])?(?:tonnes?|tons?)", "tonnes"),
    (r"ounces?", "oz"),
    (r"millilitres?|milliliters?", "mL"),
    (r"litres?|liters?", "L"),
    (r"gallons?", "gallons"),
    (r"barrels?", "barrels"),
    (r"degrees?[\s-](?:celsius|centigrade)", "°C"),
    (r"degrees?[\s-]fahrenheit", "°F"),
    (r"degrees?", "degrees"),
    (r"parameters|params", "count"),
]
_SYMBOL_UNITS: list[tuple[str, str]] = [
    (r"km/h|kph|km/hr", "km/h"),
    (r"mph", "mph"),
    (r"mpg", "mpg"),
    (r"bpd|b/d", "barrels per day"),
    (r"kWh", "kWh"),
    (r"MWh", "MWh"),
    (r"GWh", "GWh"),
    (r"TWh", "TWh"),
    (r"kW", "kW"),
    (r"MW", "MW"),
    (r"GW", "GW"),
    (r"TW", "TW"),
    (r"GB/s", "GB/s"),
    (r"TB/s", "TB/s"),
    (r"[Kk]bps", "kbps"),
    (r"Mbps", "Mbps"),
    (r"Gbps", "Gbps"),
    (r"KB|kB", "KB"),
    (r"MB", "MB"),
    (r"GB", "GB"),
    (r"TB", "TB"),
    (r"PB", "PB"),
    (r"GiB", "GiB"),
    (r"TiB", "TiB"),
    (r"kHz", "kHz"),
    (r"MHz", "MHz"),
    (r"GHz", "GHz"),
    (r"Hz", "Hz"),
    (r"TFLOPS", "TFLOPS"),
    (r"PFLOPS", "PFLOPS"),
    (r"km²|km2", "km²"),
    (r"m²", "m²"),
    (r"km", "km"),
    (r"cm", "cm"),
    (r"mm", "mm"),
    (r"nm", "nm"),
    (r"kg", "kg"),
    (r"mg", "mg"),
    (r"lbs?", "lb"),
    (r"oz", "oz"),
    (r"°\s?C|ºC", "°C"),
    (r"°\s?F|ºF", "°F"),
    (r"°", "degrees"),
    (r"mL|ml", "mL"),
    (r"ms", "milliseconds"),
    (r"pp|ppts?", "percentage points"),
    (r"bps|bp", "basis points"),
    (r"x|×", "x"),
]
# Single letters that are units only when written against the number ("100m", "5g", "3h").
_ATTACHED_ONLY_UNITS: list[tuple[str, str]] = [
    (r"h|hr", "hours"),
    (r"g", "g"),
    (r"L", "L"),
    (r"W", "W"),
    (r"t", "tonnes"),
    (r"pc", "%"),
    (r"C", "°C"),
    (r"F", "°F"),
]

# Words that, right after a bare number, say it is not counting a following noun.
_NOT_NOUNS = set(
    """
    a an the and or but nor so yet of to in on at by for with from into onto as than that which who whom
    whose while when where after before since until per vs vs. versus via over under above below between
    among through during against is are was were be been being has have had will would can could may might
    shall should must do does did more less fewer higher lower again also only each respectively alone ago
    apiece if it its this these those then there here out up down off not no all both just about around
    nearly almost roughly approximately plus minus times too compared like according including overall
    total combined now today yesterday later earlier last next mark level range percent cent et am pm he
    she they we you i
""".split()
)

# Capitalised words that may stand before a number without making it part of a name ("In 2026",
# "About 300"), as opposed to "Windows 11" or "Opus 4.7".
_COMMON_CAPS = set(
    """
    a an the and or but so yet for nor in on at by to of from with without within about around after
    before since until during over under above below between among into through across per than as like
    via vs only just nearly almost roughly approximately some all any each every another other those these
    this that there here its their his her our my your we they he she it i you total plus minus more less
    fewer least most up down still even also then now today last next both exactly top where when while
    whereas although though if because once are is was were has had have will would could can may might
    should did does do be been what which who how why estimated expect expected approx circa not no yes
    well many few several further additional extra again against according including excluding except
    beyond toward towards upon onto out off
""".split()
)

_MONTHS = {
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
_MONTH = (
    r"(?:January|Jan\.?|February|Feb\.?|March|Mar\.|April|Apr\.?|May|June|Jun\.?|July|Jul\.?|August|"
    r"Aug\.?|September|Sept?\.?|October|Oct\.?|November|Nov\.?|December|Dec\.?)(?![a-z])"
)

# Bound phrases written before the number, longest first so "no more than" beats "more than".
_BOUND_PHRASES: dict[str, str] = {
    "approximately": "~",
    "approx.": "~",
    "approx": "~",
    "about": "~",
    "around": "~",
    "roughly": "~",
    "some": "~",
    "nearly": "~",
    "almost": "~",
    "close to": "~",
    "closer to": "~",
    "an estimated": "~",
    "estimated": "~",
    "circa": "~",
    "ca.": "~",
    "in the region of": "~",
    "on the order of": "~",
    "more or less": "~",
    "just about": "~",
    "around about": "~",
    "an approximate": "~",
    "more than": ">",
    "over": ">",
    "above": ">",
    "exceeding": ">",
    "upwards of": ">",
    "upward of": ">",
    "north of": ">",
    "in excess of": ">",
    "greater than": ">",
    "just over": ">",
    "well over": ">",
    "well above": ">",
    "better than": ">",
    "beyond": ">",
    "higher than": ">",
    "larger than": ">",
    "at least": ">=",
    "no less than": ">=",
    "no fewer than": ">=",
    "not less than": ">=",
    "a minimum of": ">=",
    "minimum of": ">=",
    "as little as": ">=",
    "as few as": ">=",
    "as low as": ">=",
    "less than": "<",
    "under": "<",
    "below": "<",
    "fewer than": "<",
    "just under": "<",
    "just below": "<",
    "lower than": "<",
    "shy of": "<",
    "just shy of": "<",
    "short of": "<",
    "south of": "<",
    "smaller than": "<",
    "well under": "<",
    "well below": "<",
    "up to": "<=",
    "at most": "<=",
    "no more than": "<=",
    "not more than": "<=",
    "as much as": "<=",
    "as many as": "<=",
    "as high as": "<=",
    "a maximum of": "<=",
    "maximum of": "<=",
    "a max of": "<=",
    "not exceeding": "<=",
    "at a maximum": "<=",
}
_BOUND_SYMBOLS = {
    "~": "~",
    "≈": "~",
    "∼": "~",
    ">": ">",
    "<": "<",
    "≥": ">=",
    "≤": "<=",
    ">=": ">=",
    "<=": "<=",
}

_UP_WORDS = (
    "rose rise rises rising risen increased increase increases increasing grew grow grows growing grown "
    "gained gain gains gaining climbed climb climbs climbing jumped jump jumps jumping surged surge "
    "surges surging soared soar soars soaring up higher added adds boosted boosts "
    "spiked spikes rallied rallies advanced advances expanded expands improved improves accelerated "
    "skyrocketed rocketed leapt leaped"
).split()
_DOWN_WORDS = (
    "fell fall falls falling fallen declined decline declines declining dropped drop drops dropping "
    "decreased decrease decreases decreasing down lost lose loses losing slid slide slides sliding "
    "shrank shrink shrinks shrunk shrinking cut cuts cutting lower lowered reduced reduce reduces "
    "plunged plunge plunges plummeted plummets tumbled tumble tumbles sank sink sinks slumped slump "
    "slumps dipped dip dips eased eases retreated retreats contracted contracts slipped slips slashed "
    "slashes shed sheds trimmed trims"
).split()
_UP_NOUNS = "increase rise jump gain growth surge hike boost uptick climb leap rally spike".split()
_DOWN_NOUNS = (
    "drop decline decrease fall cut reduction slump plunge dip slide contraction downturn fall-off"
).split()

# Lower-case words that label an item rather than count it: "version 2", "chapter 11", "token 50,000".
_LABEL_WORDS = (
    "version ver ver. release chapter section article page pages p. pp. figure fig. table step phase "
    "stage level grade tier gen generation season episode part act verse line item rule clause "
    "paragraph appendix exhibit volume vol. vol token room flight route highway interstate channel "
    "row column slide precinct district ward suite model no. number"
).split()

# ----------------------------------------------------------------------------------------------------
# Compiled patterns


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words, longest first."""
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


_DIGITS = re.compile(r"(?<![\w])(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?!\d)")
_NUMWORD = rf"(?:{_alt(_NUMBER_WORDS)})\b"
_WORD_RUN = re.compile(
    rf"(?<![\w-])(?:an?{_S}+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b))?{_NUMWORD}"
    rf"(?:(?:{_S}*-{_S}*|{_S}+(?:and{_S}+)?){_NUMWORD})*(?![\w])",
    re.I,
)
_WORD_TOKEN = re.compile(r"[A-Za-z]+")
_FRACTION_SINGLE = re.compile(
    rf"(?<![\w-])(?:(?:a|one)({_S}+|{_S}*-{_S}*)(third|quarter|fifth|sixth|eighth|tenth)|(half))(?![\w-])",
    re.I,
)
_FRACTION_PLURAL = re.compile(
    rf"(?<![\w-])(two|three|four|five|seven|nine)(?:{_S}+|{_S}*-{_S}*)"
    rf"(thirds|quarters|fifths|sixths|eighths|tenths)(?![\w-])",
    re.I,
)
_MULTIPLIER = re.compile(rf"(?<![\w-])({_alt(_MULTIPLIER_WORDS)})(?![\w])", re.I)
_FOLD_WORD = re.compile(
    r"(?<![\w-])(two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|thousand)fold(?![\w])", re.I
)
_ORDINAL_DIGITS = re.compile(r"(?<![\w.,])(\d+)(?:st|nd|rd|th)(?![\w])")
_ORDINAL_WORD = re.compile(rf"(?<![\w-])({_alt(_ORDINAL_WORDS)})(?![\w])", re.I)
_SHARE = re.compile(
    rf"(?<![\w#.,-])(\d+|{_alt(_ONES)}){_S}+in{_S}+(\d+|{_alt(_ONES)}|hundred)"
    rf"(?={_S}+(?!(?:years?|months?|weeks?|days?|hours?|minutes?|{_S}))[A-Za-z])",
    re.I,
)
_AND_HALF = re.compile(rf"{_S}+and{_S}+a{_S}+half\b", re.I)
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125}

_CURRENCY_BEFORE = re.compile(
    rf"(?:(?<![A-Za-z])(?:US|U\.S\.|AU|CA|HK|NZ|NT|MX|A|C|S|R)?\$|€|£|CN¥|¥|₹|₩|₽|₺|₦|₱|฿|₫|₪|"
    rf"(?<![A-Za-z])Rs\.?|(?<![A-Za-z])(?:{'|'.join(_ISO_CURRENCIES)})(?=[{_HS}]?\Z)){_S}?\Z"
)
_SIGN_WORD_BEFORE = re.compile(rf"(?<![\w])(?:minus|negative){_S}+\Z", re.I)
_BOUND_BEFORE = re.compile(rf"(?<![\w])({_alt(_BOUND_PHRASES)}){_S}+\Z", re.I)
_BOUND_SYMBOL_BEFORE = re.compile(rf"({_alt(_BOUND_SYMBOLS)}){_S}?\Z")
_BETWEEN_BEFORE = re.compile(rf"(?<![\w])between{_S}+\Z", re.I)
_FROM_BEFORE = re.compile(rf"(?<![\w])from{_S}+\Z", re.I)
_RANK_MARK_BEFORE = re.compile(rf"(?:#|(?<![\w])(?:No\.|no\.|No(?={_S})|Nr\.)){_S}?\Z")
_RANK_CONTEXT_BEFORE = re.compile(
    rf"(?<![\w])(?:ranked|ranks|rank|ranking|placed|places|placing|puts|put|putting|finished|finishes|came|"
    rf"comes|landed|lands|sits|sat|stands|stood)(?:{_S}+(?:it|them|him|her))?(?:{_S}+(?:in|at|as))?{_S}+\Z",
    re.I,
)
_RANK_MOVE_BEFORE = re.compile(
    rf"(?<![\w])(?:rose|climbed|jumped|moved(?:{_S}+up|{_S}+down)?|fell|dropped|slipped|slid|rises|falls|"
    rf"climbs|drops|slips|is|was|are|were|remains|remained|be|being){_S}+(?:to{_S}+)?\Z",
    re.I,
)
_SCORE_CONTEXT_BEFORE = re.compile(
    rf"(?<![\w])(?:(?:scores?|ratings?|grade)(?:{_S}+of)?|scored|scoring|rated)(?:{_S}+(?:a|an|just|only))?"
    rf"{_S}+\Z",
    re.I,
)
# Verbs that may take an object before "by": "cut emissions by 55%", "raised its rate by 25 basis points".
# "raised" counts only so: "raised $45 million" is funding, not a change.
_UP_VERBS_BY = [w for w in _UP_WORDS if w not in ("up", "higher")] + "raised raise raises hiked".split()
_DOWN_VERBS_BY = [w for w in _DOWN_WORDS if w not in ("down", "lower")]
_VERB_OBJECT_BY = rf"(?:{_S}+[A-Za-z'’-]+){{1,5}}{_S}+by"  # "cut emissions by", "raised its rate by"
_DIRECTION_BEFORE = re.compile(
    rf"(?<![\w])(?:(?P<up>{_alt(_UP_WORDS)})|(?P<down>{_alt(_DOWN_WORDS)})|"
    rf"(?:(?:an?|the){_S}+)?(?:(?P<upn>{_alt(_UP_NOUNS)})|(?P<downn>{_alt(_DOWN_NOUNS)})){_S}+of|"
    rf"(?P<upg>growth){_S}+of|"
    rf"(?P<upb>{_alt(_UP_VERBS_BY)})"
    rf"{_VERB_OBJECT_BY}|"
    rf"(?P<downb>{_alt(_DOWN_VERBS_BY)}){_VERB_OBJECT_BY})"
    rf"(?:{_S}+(?:sharply|slightly|steeply|modestly|markedly|significantly|just|only|another|"
    rf"a{_S}+further|an{_S}+additional|a{_S}+whopping|by)){{0,2}}{_S}+\Z",
    re.I,
)
_DIRECTION_AFTER = re.compile(
    rf"(?:{_S}+|{_S}*-{_S}*)(?:(?:year-on-year|year-over-year|annual|yearly|quarterly|monthly){_S}+)?"
    rf"(?:(?P<up>{_alt(_UP_NOUNS)}|higher)|(?P<down>{_alt(_DOWN_NOUNS)}|lower))(?![\w-])",
    re.I,
)
_PREVIOUS_WORD = re.compile(rf"(?<![\w'’.-])([A-Za-z][\w&+'’.-]*){_S}+\Z")
_LABEL_BEFORE = re.compile(rf"(?<![\w.])({_alt(_LABEL_WORDS)}){_S}*\Z")

_PERCENT = re.compile(rf"{_S}?[%％]")
_MAGNITUDE_ATTACHED = re.compile(r"(bn|mn|mln|bln|trn|tn|[kKMBbTm])(?![A-Za-z0-9])")
_MAGNITUDE_SPACED = re.compile(rf"(?:{_S}+|{_S}*-{_S}*)({_alt(_MAGNITUDE_WORDS)})(?![\w])", re.I)
_WORD_UNIT_AFTER = [
    (re.compile(rf"(?:{_S}+|{_S}*-{_S}*)(?:{pat})(?![\w])", re.I), unit) for pat, unit in _WORD_UNITS
]
_SYMBOL_UNIT_AFTER = [
    (re.compile(rf"(?:{_S}?|-)(?:{pat})(?![A-Za-z0-9²])"), unit) for pat, unit in _SYMBOL_UNITS
]
_ATTACHED_UNIT_AFTER = [
    (re.compile(rf"(?:{pat})(?![A-Za-z0-9])"), unit) for pat, unit in _ATTACHED_ONLY_UNITS
]
_CURRENCY_WORD_AFTER = [
    (re.compile(rf"(?:{_S}+|{_S}*-{_S}*)(?:{pat})(?![\w])", re.I), code, factor)
    for pat, code, factor in _CURRENCY_WORDS
]
_ISO_AFTER = re.compile(rf"{_S}?({'|'.join(_ISO_CURRENCIES)})(?![A-Za-z])")
_EURO_AFTER = re.compile(rf"{_S}?(€|£)")
_POUNDS_AFTER = re.compile(rf"(?:{_S}+|{_S}*-{_S}*)pounds?(?![\w])", re.I)
_NEXT_WORD = re.compile(rf"(?:{_S}+|{_S}*-{_S}*)([A-Za-z][A-Za-z'’-]*)")
_METRES_CONTEXT = {
    "tall",
    "long",
    "high",
    "wide",
    "deep",
    "away",
    "above",
    "below",
    "under",
    "from",
    "of",
    "in",
    "sprint",
    "race",
    "dash",
    "hurdles",
    "freestyle",
    "depth",
    "height",
    "length",
    "and",
    "or",
    "to",
}

_RANGE_JOIN = re.compile(rf"{_S}*[{_DASHES}]{_S}*|{_S}+(to|through|thru|and){_S}+", re.I)
_PLUS_AFTER = re.compile(rf"\+(?![\d\w])|-plus(?![\w])|{_S}+plus(?![\w]|{_S}+\S)", re.I)
_OR_MORE_AFTER = re.compile(
    rf"{_S}+(?:or{_S}+(?:(?P<ge>more|higher|greater|above|over|longer|larger|bigger|later)|"
    rf"(?P<le>less|fewer|lower|below|under|shorter|smaller))|and{_S}+(?:(?P<ge2>up|above|over)|"
    rf"(?P<le2>under|below)))(?![\w])",
    re.I,
)
_MORE_AFTER = re.compile(rf"{_S}+more(?![\w])", re.I)
_SCALE_AFTER = re.compile(
    rf"{_S}+(?:(?P<out>out{_S}+of)|(?P<of>of)|(?P<among>among)){_S}+(?:the{_S}+)?"
    rf"(?P<n>\d{{1,3}}(?:,\d{{3}})+|\d+|(?:a|one){_S}+hundred|hundred|{_alt(_ONES)}|{_alt(_TENS)})"
    rf"(?![\w.,]\d|[\w%])",
    re.I,
)
_FRACTION_POINT = re.compile(
    rf"(?:{_S}+|{_S}*-{_S}*)(?:of{_S}+)?(?:an?{_S}+)?(?P<pct>percentage[{_HS}-])?point\b", re.I
)
_HALF_OF = re.compile(rf"{_S}+(?:of|the|its|their|his|her|our|all|those|these|that|this)\b")
_RANK_NOUN_AFTER = re.compile(rf"(?:{_S}+|{_S}*-{_S}*)(place|position|spot|rank|ranking)(?![\w])", re.I)
_SUPERLATIVE_AFTER = re.compile(rf"(?:{_S}+|{_S}*-{_S}*)(?:[a-z]+est|most|least)(?![\w])")
# Units that never take a "per ..." (a price or a rate does: "$5 per 1M tokens", "100 tokens per second").
_NOT_PER_UNITS = {"%", "percentage points", "points", "x", "rank", "count", "basis points"}
_TIME_UNITS = {"years", "months", "weeks", "days", "hours", "minutes", "seconds", "decades", "centuries"}
_DURATION_BEFORE = re.compile(
    rf"(?<![\w])(?:in|within|for|after|over|than|just|only|about|around|per|of|"
    rf"last|past|next|first){_S}+\Z",
    re.I,
)
_TALLY_AFTER = re.compile(rf"[{_DASHES}](\d+)(?![\w.,]\d|[\w%])")
_OLD_AFTER = re.compile(r"-old(?![\w])")
_RESTATES = re.compile(rf"{_S}*(?:,{_S}*or|or|\(){_S}*\Z")
_SLASH_AFTER = re.compile(r"/(\d+(?:\.\d+)?)(?![\w/]|\.\d)")
_PER_AFTER = re.compile(
    rf"(?:{_S}+per{_S}+|{_S}*/{_S}*|(?:{_S}+|-)(?:a|an|each)(?:{_S}+|-)(?=(?:year|month|week|day|hour|minute|share|"
    rf"barrel|gallon|litre|liter|head|person|user|seat|ton|tonne|kilo|pound|ounce|night|unit)\b))"
    rf"(?:(?P<num>\d+(?:[.,]\d+)*{_S}?(?:[kKMB]|bn|mn)?|one|a|an|million|thousand|billion){_S}*)?"
    rf"(?P<qual>(?:input|output|cached|prompt|completion|generated){_S}+)?"
    rf"(?P<noun>MTok|[A-Za-z][A-Za-z]*)(?![\w])",
)
_PER_NOUNS = {
    "yr": "year",
    "year": "year",
    "years": "year",
    "annum": "year",
    "mo": "month",
    "month": "month",
    "months": "month",
    "wk": "week",
    "week": "week",
    "day": "day",
    "days": "day",
    "hr": "hour",
    "hour": "hour",
    "hours": "hour",
    "h": "hour",
    "min": "minute",
    "minute": "minute",
    "sec": "second",
    "second": "second",
    "s": "second",
    "token": "token",
    "tokens": "tokens",
    "mtok": "1M tokens",
}
_MAGNITUDE_LETTERS = {"K": 1e3, "k": 1e3, "M": 1e6, "m": 1e6, "mn": 1e6, "B": 1e9, "bn": 1e9}
_PER_NOUN_AFTER_MAGNITUDE = re.compile(
    rf"{_S}+(tokens?|requests?|calls?|queries|characters|words|images)(?![\w])"
)
_PER_NOT_NOUNS = {
    "cent",
    "centum",
    "se",
    "the",
    "a",
    "an",
    "and",
    "or",
    "of",
    "to",
    "in",
    "on",
    "at",
    "for",
    "is",
    "was",
    "are",
    "were",
    "with",
    "from",
}

# ----------------------------------------------------------------------------------------------------
# Blocked spans and dates

_BLOCKERS = [
    re.compile(r"(?:https?://|www\.)[^\s<>\"]+", re.I),
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(
        r"(?<![\w@/.])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|ai|gov|edu|dev|app|ly|co\.uk)"
        r"(?:/[^\s<>\"]*)?(?![\w])"
    ),
    # phone numbers: (555) 123-4567, 555-123-4567, +44 20 7946 0958
    re.compile(
        rf"(?<![\w])(?:\+\d{{1,3}}[{_HS}.-]?)?\(?\d{{3}}\)?[{_HS}.-]\d{{3}}[.-]\d{{4}}"
        r"(?![\w])"
    ),
    re.compile(rf"(?<![\w])\+\d{{1,3}}(?:[{_HS}.-]\(?\d{{1,4}}\)?){{2,5}}(?![\w])"),
    # clock times and ratios: 3:30 p.m., 10am, 16:9
    re.compile(rf"(?<![\w.:])\d{{1,2}}(?::\d{{2}}){{1,2}}(?:{_S}*[AaPp]\.?[Mm]\.?(?![A-Za-z]))?(?![\w:])"),
    re.compile(rf"(?<![\w.])\d{{1,2}}{_S}*(?:[ap]\.m\.|[AP]\.M\.|[ap]m|[AP]M)(?![A-Za-z])"),
    re.compile(r"(?<![\w.:])\d+:\d+(?![\w:])"),
    # version strings: 1.2.3, v2, v1.5
    re.compile(r"(?<![\w.])v?\d+(?:\.\d+){2,}(?![\w])", re.I),
    re.compile(r"(?<![\w])[vV]\d+(?:\.\d+)*(?![\w])"),
    # list numbering at a line start and (1) inline, footnote markers
    re.compile(rf"(?m)^{_S}*(?:\(\d{{1,3}}\)|\d{{1,3}}[.)])(?={_S}+\S)"),
    re.compile(rf"\(\d{{1,2}}\)(?={_S}+[A-Za-z])"),
    re.compile(r"\[\d{1,3}\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+"),
    re.compile(r"(?<=[A-Za-z][.,;”\"’)])\d{1,2}(?=[\s]|$)"),
    re.compile(r"['’]\d{2}(?![\w])"),
]

_YEAR = r"(?:19|20)\d{2}"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DATE_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"(?<![\w-])(?P<y>\d{4})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?![\w-])"), "ymd"),
    (re.compile(rf"(?<![\w])(?P<mon>{_MONTH}){_S}+(?P<d>{_DAY})(?:,{_S}*|{_S}+)(?P<y>{_YEAR})(?!\d)"), "ymd"),
    (
        re.compile(rf"(?<![\w])(?P<d>{_DAY}){_S}+(?:of{_S}+)?(?P<mon>{_MONTH}),?{_S}+(?P<y>{_YEAR})(?!\d)"),
        "ymd",
    ),
    (re.compile(rf"(?<![\w])(?P<mon>{_MONTH}),?{_S}+(?:of{_S}+)?(?P<y>{_YEAR})(?![\d%])"), "ym"),
    (re.compile(rf"(?<![\w])(?P<mon>{_MONTH}){_S}+(?P<d>{_DAY})(?![\w%]|[.,]\d)"), "md"),
    (re.compile(rf"(?<![\w.,])(?P<d>{_DAY}){_S}+(?:of{_S}+)?(?P<mon>{_MONTH})"), "md"),
    (
        re.compile(rf"(?<![\w])Q(?P<q>[1-4])(?:{_S}+|{_S}+of{_S}+|-|{_S}*')(?P<y>{_YEAR}|\d{{2}})(?![\w])"),
        "yq",
    ),
    (re.compile(rf"(?<![\w])Q(?P<q>[1-4])(?P<y>{_YEAR})(?![\w])"), "yq"),
    (re.compile(rf"(?<![\w])(?P<q>[1-4])Q(?:{_S}+|{_S}*')(?P<y>{_YEAR}|\d{{2}})(?![\w])"), "yq"),
    (re.compile(rf"(?<![\w])(?P<y>{_YEAR}){_S}*-?Q(?P<q>[1-4])(?![\w])"), "yq"),
    (
        re.compile(
            rf"(?<![\w])(?:the{_S}+)?(?P<qw>first|second|third|fourth|1st|2nd|3rd|4th){_S}+"
            rf"(?:fiscal{_S}+)?quarter(?:{_S}+of)?{_S}+(?P<y>{_YEAR})(?![\w])",
            re.I,
        ),
        "yq",
    ),
    (
        re.compile(
            rf"(?<![\w])(?:the{_S}+)?(?P<hw>first|second|1st|2nd){_S}+half(?:{_S}+of)?{_S}+"
            rf"(?P<y>{_YEAR})(?![\w])",
            re.I,
        ),
        "yh",
    ),
    (re.compile(rf"(?<![\w])H(?P<h>[12])(?:{_S}*'|{_S}+)(?P<y>{_YEAR}|\d{{2}})(?![\w])"), "yh"),
    (re.compile(rf"(?<![\w])(?P<h>[12])H(?:{_S}*'|{_S}+)(?P<y>{_YEAR}|\d{{2}})(?![\w])"), "yh"),
    (re.compile(r"(?<![\w])Q[1-4](?![\w])"), "skip"),
    (re.compile(rf"(?<![\w])FY{_S}?'?(?P<y>{_YEAR}|\d{{2}})(?![\w])"), "y"),
    (re.compile(rf"(?<![\w])fiscal(?:{_S}+year)?{_S}+(?P<y>{_YEAR})(?![\w])", re.I), "y"),
    (re.compile(rf"(?<![\w])(?:mid|early|late|pre|post|end|start)-(?P<y>{_YEAR})(?![\w])", re.I), "y"),
    (
        re.compile(
            rf"(?<![\w.,$#/{_DASHES}])(?P<y>{_YEAR}){_S}?[{_DASHES}/]{_S}?(?P<y2>{_YEAR}|\d{{2}})"
            r"(?![\w%]|[.,]\d)"
        ),
        "yy",
    ),
    (re.compile(r"(?<![\w.,$#])(?P<y>(?:1[89]|20)\d0)[’']?s(?![\w])"), "decade"),
    (re.compile(r"(?<![\w/.])(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)?\d{2})(?![\w/])"), "numeric"),
    (re.compile(r"(?<![\w/.])(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})(?![\w/])"), "ymd-num"),
    (re.compile(r"(?<![\w.])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?![\w.])"), "ymd-num"),
]
_ORDINAL_TO_INT = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _year(s: str) -> int:
    y = int(s.lstrip("'’"))
    return y + 2000 if y < 100 else y


def _date_iso(kind: str, m: re.Match[str]) -> str | None:
    """The ISO form of a date match, or None when the parts are not a real date."""
    g = m.groupdict()
    if kind in ("ymd", "ym", "md"):
        month = int(g["m"]) if g.get("m") else _MONTHS[g["mon"][:3].lower()]
        day = int(re.sub(r"\D", "", g["d"])) if g.get("d") else None
        if kind == "md":
            return f"--{month:02d}-{day:02d}"
        if day is None:
            return f"{int(g['y']):04d}-{month:02d}"
        return f"{int(g['y']):04d}-{month:02d}-{day:02d}"
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
class _Span:
    start: int
    end: int
    quantity: Quantity | None = None  # a date, or None for a span that is simply not a quantity


def _blocked_spans(text: str) -> list[_Span]:
    """Dates and digit-bearing non-quantities, without overlaps (earliest, then longest, wins)."""
    found: list[_Span] = []
    for kind_pattern, kind in _DATE_PATTERNS:
        for m in kind_pattern.finditer(text):
            if kind == "skip":
                found.append(_Span(m.start(), m.end()))
                continue
            iso = _date_iso(kind, m)
            if iso is None:
                continue
            q = Quantity(text=m.group(0), start=m.start(), end=m.end(), unit="date", date=iso)
            found.append(_Span(m.start(), m.end(), q))
    for pattern in _BLOCKERS:
        found.extend(_Span(m.start(), m.end()) for m in pattern.finditer(text) if m.end() > m.start())
    found.sort(key=lambda s: (s.start, -(s.end - s.start)))
    kept: list[_Span] = []
    for span in found:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


# ----------------------------------------------------------------------------------------------------
# Number parsing


def _words_value(tokens: list[str]) -> tuple[float, int]:
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
            if prev in ("hundred", "scale") and (following in _ONES or following in _TENS):
                continue
            break
        if w in _ONES:
            v = _ONES[w]
            if prev in ("unit", "teen") or (prev == "tens" and v >= 10) or (prev == "tens" and v == 0):
                break
            current += v
            prev = "teen" if v >= 10 else "unit"
        elif w in _TENS:
            if prev in ("unit", "teen", "tens"):
                break
            current += _TENS[w]
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
        elif w in _SCALES:
            s = _SCALES[w]
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


def _plain_number(s: str) -> float | None:
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
    m = _CURRENCY_BEFORE.search(s, 0, min(len(s), 6))
    for sym in sorted(_CURRENCY_SYMBOLS, key=len, reverse=True):
        if s.startswith(sym):
            s = s[len(sym) :].strip()
            break
    else:
        if m is None:
            for code in _ISO_CURRENCIES:
                if s.startswith(code + " "):
                    s = s[len(code) :].strip()
    s = re.sub(r"\s*(?:%|percent|per cent|\+)$", "", s, flags=re.I).strip()
    value = _parse_core(s)
    return None if value is None else sign * value


def _parse_core(s: str) -> float | None:
    low = s.lower()
    m = re.fullmatch(r"((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)\s*([½¼¾⅓⅔⅕⅛])?\s*(.*)", s)
    if m:
        value = _plain_number(m.group(1))
        if value is None:
            return None
        if m.group(2):
            value += _VULGAR[m.group(2)]
        rest = m.group(3).strip()
        if not rest:
            return value
        if rest in _MAGNITUDE_SUFFIX:
            return value * _MAGNITUDE_SUFFIX[rest]
        if rest.lower() in _MAGNITUDE_WORDS:
            return value * _MAGNITUDE_WORDS[rest.lower()]
        if re.fullmatch(r"[-\s]?fold|x|×|times", rest, re.I):
            return value
        return None
    if low in _VULGAR:
        return _VULGAR[low]
    if low in _MULTIPLIER_WORDS:
        return float(_MULTIPLIER_WORDS[low])
    fold = re.fullmatch(r"(.+?)[-\s]?fold", low)
    if fold:
        return _parse_core(fold.group(1))
    frac = re.fullmatch(r"(a|an|one|two|three|four|five|seven|nine)[\s-]+(\w+)", low)
    if frac and frac.group(2) in _FRACTION_DENOMINATORS:
        numerator = 1 if frac.group(1) in ("a", "an", "one") else _ONES[frac.group(1)]
        return numerator / _FRACTION_DENOMINATORS[frac.group(2)]
    if low == "half":
        return 0.5
    half = re.fullmatch(r"(.+?)\s+and\s+a\s+half", low)
    if half:
        whole = _parse_core(half.group(1))
        return None if whole is None else whole + 0.5
    tokens = _WORD_TOKEN.findall(low)
    if not tokens or "-".join(tokens) != re.sub(r"[\s-]+", "-", low):
        return None
    value, used = _words_value(tokens)
    if used != len(tokens):
        return None
    return value


# ----------------------------------------------------------------------------------------------------
# Cores


@dataclass
class _Core:
    start: int
    end: int
    value: float
    kind: str  # digits, words, fraction, multiplier, ordinal, share
    weak: bool = False  # "one"/"zero"/"half": a quantity only with a unit or a clear context
    direction: str | None = None
    scale: float | None = None


def _find_cores(text: str) -> list[_Core]:
    cores: list[_Core] = []
    for m in _DIGITS.finditer(text):
        value = _plain_number(m.group(0))
        if value is not None:
            cores.append(_Core(m.start(), m.end(), value, "digits"))
    for m in _WORD_RUN.finditer(text):
        tokens = [(t.group(0), t.start()) for t in _WORD_TOKEN.finditer(m.group(0))]
        value, used = _words_value([t for t, _ in tokens])
        if used == 0:
            continue
        end = m.start() + tokens[used - 1][1] + len(tokens[used - 1][0])
        words = [t.lower() for t, _ in tokens[:used]]
        weak = words in (["one"], ["zero"])
        cores.append(_Core(m.start(), end, value, "words", weak=weak))
    for m in _FRACTION_SINGLE.finditer(text):
        if m.group(3):  # bare "half": its context is checked when building
            cores.append(_Core(m.start(), m.end(), 50.0, "fraction", weak=True))
        else:
            weak = not m.group(1).strip().startswith("-")  # "one-third" is always a fraction
            cores.append(
                _Core(
                    m.start(),
                    m.end(),
                    100 / _FRACTION_DENOMINATORS[m.group(2).lower()],
                    "fraction",
                    weak=weak,
                )
            )
    for m in _FRACTION_PLURAL.finditer(text):
        value = 100 * _ONES[m.group(1).lower()] / _FRACTION_DENOMINATORS[m.group(2).lower()]
        cores.append(_Core(m.start(), m.end(), value, "fraction"))
    for m in _MULTIPLIER.finditer(text):
        word = m.group(1).lower()
        direction = "up" if word.endswith(("ed", "ing", "les")) else None
        weak = word in ("double", "triple", "treble", "quadruple")
        cores.append(
            _Core(
                m.start(),
                m.end(),
                float(_MULTIPLIER_WORDS[word]),
                "multiplier",
                weak=weak,
                direction=direction,
            )
        )
    for m in _FOLD_WORD.finditer(text):
        word = m.group(1).lower()
        value = float(_ONES.get(word) or _TENS.get(word) or _SCALES.get(word) or 100)
        cores.append(_Core(m.start(), m.end(), value, "multiplier"))
    for m in _ORDINAL_DIGITS.finditer(text):
        cores.append(_Core(m.start(), m.end(), float(m.group(1)), "ordinal"))
    for m in _ORDINAL_WORD.finditer(text):
        cores.append(_Core(m.start(), m.end(), float(_ORDINAL_WORDS[m.group(1).lower()]), "ordinal"))
    for m in _SHARE.finditer(text):
        a, b = _share_part(m.group(1)), _share_part(m.group(2))
        if a is not None and b and 0 < a < b and b <= 1000:
            cores.append(_Core(m.start(), m.end(), 100 * a / b, "share"))
    cores.sort(key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[_Core] = []
    for core in cores:
        if kept and core.start < kept[-1].end:
            continue
        kept.append(core)
    return kept


def _share_part(s: str) -> float | None:
    s = s.lower()
    if s == "hundred":
        return 100.0
    if s in _ONES:
        return float(_ONES[s])
    return _plain_number(s)


# ----------------------------------------------------------------------------------------------------
# Building a quantity around a core


@dataclass
class _Reading:
    """What was read right of a number: its magnitude factor, unit and currency."""

    end: int
    factor: float = 1.0
    unit: str = ""
    currency: str | None = None
    has_magnitude: bool = False
    invalid: bool = False


def _is_year_like(text: str, core: _Core) -> bool:
    raw = text[core.start : core.end]
    return core.kind == "digits" and len(raw) == 4 and raw.isdigit() and 1900 <= int(raw) <= 2100


class _Finder:
    def __init__(self, text: str) -> None:
        self.t = text
        self.version_numbers = self._version_numbers()
        self.skip_end = 0  # set by build() when a dropped number takes the text after it along

    def _version_numbers(self) -> set[str]:
        """Decimals that the text uses as model versions ("GPT-5.4", "Opus 4.7")."""
        found: set[str] = set()
        for m in re.finditer(rf"([A-Za-z][\w]*)(-|{_S}+)(\d+\.\d+)(?![\w.]*\d)", self.t):
            word, sep, number = m.groups()
            if sep == "-" or (word[0].isupper() and word.lower() not in _COMMON_CAPS):
                found.add(number)
        return found

    # -- reading right of a number ----------------------------------------------------------------

    def _read_unit(self, p: int, currency: str | None, limit: int) -> _Reading:
        t = self.t
        r = _Reading(end=p, currency=currency)
        m = _PERCENT.match(t, p, limit)
        if m:
            r.unit, r.end = "%", m.end()
            return r
        # attached magnitude ("4.8K", "$5bn", "1M"), but units written against the number come first
        # so that "5MW" and "3nm" are not millions.
        for pattern, unit in _SYMBOL_UNIT_AFTER:
            m = pattern.match(t, p, limit)
            if m and not t[p : m.end()].startswith((" ", "-")):
                r.unit, r.end = unit, m.end()
                return self._after_unit(r, limit)
        m = _MAGNITUDE_ATTACHED.match(t, p, limit)
        if m:
            suffix = m.group(1)
            if suffix == "m" and currency is None and not self._m_means_million(m.end(), limit):
                r.unit, r.end = "m", m.end()
                return r
            r.factor = _MAGNITUDE_WORDS.get(suffix.lower(), _MAGNITUDE_SUFFIX.get(suffix, 1.0))
            r.end, r.has_magnitude = m.end(), True
        else:
            m = _MAGNITUDE_SPACED.match(t, p, limit)
            if m:
                r.factor = _MAGNITUDE_WORDS[m.group(1).lower()]
                r.end, r.has_magnitude = m.end(), True
        p = r.end
        if p < limit and t[p].isalpha() and not r.has_magnitude:
            for pattern, unit in _SYMBOL_UNIT_AFTER + _ATTACHED_UNIT_AFTER:
                m = pattern.match(t, p, limit)
                if m:
                    r.unit, r.end = unit, m.end()
                    return r
            r.invalid = True  # letters glued to the number: "5G", "3D", "4o"
            return r
        m = _PERCENT.match(t, p, limit)
        if m:
            r.unit, r.end = "%", m.end()
            return r
        for cpattern, code, factor in _CURRENCY_WORD_AFTER:
            m = cpattern.match(t, p, limit)
            if m and (code != "GBP" or factor == 1.0 or currency is None):
                if currency is None or currency == code:
                    r.currency, r.factor, r.end = code, r.factor * factor, m.end()
                    return r
        m = _POUNDS_AFTER.match(t, p, limit)
        if m:
            # "5 million pounds" is money, "lost 20 pounds" is weight
            if r.factor >= 1e6 or currency == "GBP":
                r.currency = "GBP"
            else:
                r.unit = "lb"
            r.end = m.end()
            return r
        m = _ISO_AFTER.match(t, p, limit) if currency is None else None
        if m:
            r.currency, r.end = ("CNY" if m.group(1) == "RMB" else m.group(1)), m.end()
            return r
        m = _EURO_AFTER.match(t, p, limit) if currency is None else None
        if m:
            r.currency, r.end = _CURRENCY_SYMBOLS[m.group(1)], m.end()
            return r
        for pattern, unit in _WORD_UNIT_AFTER:
            m = pattern.match(t, p, limit)
            if m:
                r.unit, r.end = unit, m.end()
                return self._after_unit(r, limit)
        for pattern, unit in _SYMBOL_UNIT_AFTER:
            m = pattern.match(t, p, limit)
            if m:
                r.unit, r.end = unit, m.end()
                return self._after_unit(r, limit)
        return r

    def _after_unit(self, r: _Reading, limit: int) -> _Reading:
        # "45-year-old": the trailing "-old" belongs to the unit
        if r.unit == "years":
            m = _OLD_AFTER.match(self.t, r.end, limit)
            if m:
                r.end = m.end()
        return r

    def _m_means_million(self, p: int, limit: int) -> bool:
        """'5m people' is five million, '100m sprint' or 'a 5m drop' is metres."""
        m = _NEXT_WORD.match(self.t, p, limit)
        if m is None or self.t[p : m.start(1)].strip():
            return False
        return m.group(1).lower() not in _METRES_CONTEXT

    def _read_per(self, p: int, limit: int) -> tuple[str, int] | None:
        """A "per <unit>" after a price: " per 1M input tokens" -> ("1M tokens", end)."""
        m = _PER_AFTER.match(self.t, p, limit)
        if not m:
            return None
        noun = m.group("noun")
        if noun.lower() in _PER_NOT_NOUNS:
            return None
        number = m.group("num")
        amount: float | None = None
        # a bare magnitude letter before the noun: "$0.40/M tokens", "$2 per K requests"
        magnitude = _MAGNITUDE_LETTERS.get(noun) if not number else None
        follow = _PER_NOUN_AFTER_MAGNITUDE.match(self.t, m.end(), limit) if magnitude else None
        if magnitude and follow:
            return self._per_noun(follow.group(1), magnitude), follow.end()
        if number:
            n = number.strip().lower()
            if n in ("one", "a", "an"):
                amount = 1.0
            elif n in _SCALES:
                amount = _SCALES[n]
            else:
                amount = parse_number(n.replace(" ", ""))
                if amount is None:
                    return None
        norm = self._per_noun(noun, amount)
        return norm, m.end()

    def _per_noun(self, noun: str, amount: float | None) -> str:
        low = noun.lower()
        base = _PER_NOUNS.get(low)
        if base is None:
            for pattern, unit in _SYMBOL_UNIT_AFTER:
                if pattern.fullmatch(noun):
                    base = unit
                    break
        if base is None:
            base = low
        if amount is None or amount == 1:
            return base
        if base == "token":
            base = "tokens"
        return f"{_short_amount(amount)} {base}"

    # -- building ---------------------------------------------------------------------------------

    def build(self, core: _Core, floor: int, limit: int) -> Quantity | None:
        if core.kind == "ordinal":
            return self._build_ordinal(core, floor, limit)
        if core.kind in ("fraction", "multiplier", "share"):
            return self._build_word_quantity(core, floor, limit)
        return self._build_number(core, floor, limit)

    def _left_bound(self, pos: int, floor: int) -> tuple[str, int]:
        t = self.t
        m = _BOUND_SYMBOL_BEFORE.search(t, max(floor, pos - 3), pos)
        if m:
            return _BOUND_SYMBOLS[m.group(1)], m.start()
        m = _BOUND_BEFORE.search(t, max(floor, pos - 24), pos)
        if m:
            phrase = re.sub(rf"{_S}+", " ", m.group(1).lower())
            if phrase in ("over", "under") and floor > 0 and not t[floor : m.start()].strip():
                return "=", pos  # "lost 15 kg over six months": a period, not a lower bound
            return _BOUND_PHRASES[phrase], m.start()
        return "=", pos

    def _direction_before(self, pos: int) -> str | None:
        m = _DIRECTION_BEFORE.search(self.t, max(0, pos - 60), pos)
        if not m:
            return None
        return "up" if (m.group("up") or m.group("upn") or m.group("upg") or m.group("upb")) else "down"

    def _verb_direction_before(self, pos: int) -> bool:
        """Whether a verb ("rose", "fell") states a change right before ``pos``: then "3% to 5%" is a
        change and a new level, whereas after "growth of" it is a range."""
        m = _DIRECTION_BEFORE.search(self.t, max(0, pos - 60), pos)
        return bool(m and (m.group("up") or m.group("down") or m.group("upb") or m.group("downb")))

    def _direction_after(self, p: int, limit: int) -> str | None:
        m = _DIRECTION_AFTER.match(self.t, p, limit)
        if not m:
            return None
        return "up" if m.group("up") else "down"

    def _build_word_quantity(self, core: _Core, floor: int, limit: int) -> Quantity | None:
        t = self.t
        bound, start = self._left_bound(core.start, floor)
        end = core.end
        word = t[core.start : core.end].lower()
        if core.kind == "fraction":
            unit = "%"
            m = _FRACTION_POINT.match(t, end, limit)
            if m:  # "a quarter point", "half a percentage point": a fraction of one point
                end = m.end()
                return Quantity(
                    text=t[start:end],
                    start=start,
                    end=end,
                    value=core.value / 100,
                    unit="percentage points" if m.group("pct") else "points",
                    bound=bound,
                    direction=core.direction or self._direction_before(start),
                )
            after = t[end : end + 12].lower()
            followed_by_of = re.match(rf"{_S}+of\b", after) is not None
            if word == "half":
                before = t[max(0, core.start - 12) : core.start].lower()
                if re.search(r"(?:first|second|latter|former|other|back|front)\s+\Z", before):
                    return None
                follows = _HALF_OF.match(after)
                after_by = re.search(r"\bby\s+\Z", before) is not None
                mag = re.match(rf"{_S}+an?{_S}+(million|billion|thousand|trillion|dozen)\b", after)
                if mag:
                    value = 0.5 * (_SCALES.get(mag.group(1), 12.0))
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
                    rf"{_S}+an?{_S}+(hour|day|year|month|week|minute|second|century|"
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
                    or re.match(rf"{_S}+(?:more|less|fewer|higher|lower|bigger|smaller)\s+than\b", after)
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

    def _double_is_multiplier(self, core: _Core, bound: str) -> bool:
        t = self.t
        after = t[core.end : core.end + 20]
        if after[:1] in _DASHES:
            return False
        nxt = re.match(rf"{_S}+([A-Za-z]+)", after)
        if nxt and nxt.group(1).lower() in _NOT_MULTIPLIER_AFTER:
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

    def _build_ordinal(self, core: _Core, floor: int, limit: int) -> Quantity | None:
        t = self.t
        end = core.end
        is_rank = _RANK_CONTEXT_BEFORE.search(t, max(0, core.start - 24), core.start) is not None
        word_form = not t[core.start].isdigit()
        m = _RANK_NOUN_AFTER.match(t, end, limit)
        if m:
            is_rank, end = True, m.end()
        elif _SUPERLATIVE_AFTER.match(t, end, limit):
            is_rank = True  # "second-largest", "third most popular"
        elif (scale_m := _SCALE_AFTER.match(t, end, limit)) and (
            scale_m.group("out") or scale_m.group("among")
        ):
            is_rank = True  # "third among the 115 models", "2nd out of 40"
        elif not word_form and _RANK_MOVE_BEFORE.search(t, max(0, core.start - 24), core.start):
            is_rank = True
        elif word_form and re.search(
            rf"(?<![\w])(?:rose|climbed|jumped|moved|fell|dropped|slipped|slid)"
            rf"(?:{_S}+(?:up|down))?{_S}+to{_S}+\Z",
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
        m = _SCALE_AFTER.match(self.t, p, limit)
        if not m or (not rank and not m.group("out")):
            return None, p
        n = m.group("n").lower()
        value = 100.0 if "hundred" in n else parse_number(n)
        if value is None:
            return None, p
        return value, m.end()

    def _count_or(self, r: _Reading, p: int, limit: int) -> str:
        """The unit of a number, or "count" when a noun follows it ("30 open issues")."""
        if r.unit or r.currency:
            return r.unit
        m = _NEXT_WORD.match(self.t, p, limit)
        if not m:
            return ""
        word = m.group(1).lower().rstrip("'’")
        if word in _NOT_NOUNS or word in _LABEL_WORDS:
            return ""
        return "count"

    def _build_number(self, core: _Core, floor: int, limit: int) -> Quantity | None:
        t = self.t
        s = core.start
        if s > 0 and core.kind == "digits":
            before = t[s - 1]
            if before == "_" or (before in _DASHES and s >= 2 and t[s - 2].isalpha()):
                return None  # "GPT-5", "COVID-19"
            if before == "/" or (before in ".:" and s >= 2 and t[s - 2].isalnum()):
                return None  # "$/1M tokens", "a/2", "item.3": a denominator or part of an identifier
        # ---- left of the number
        pos = s
        currency = None
        sign = 1.0
        rank_mark = False
        if core.kind == "digits":
            m = _CURRENCY_BEFORE.search(t, max(floor, pos - 6), pos)
            if m:
                currency = self._currency_code(m.group(0).strip())
                pos = m.start()
            if pos - 1 >= floor and t[pos - 1] in _MINUS + "+" and self._is_sign(pos - 1):
                sign = -1.0 if t[pos - 1] != "+" else 1.0
                pos -= 1
                if currency is None:
                    m = _CURRENCY_BEFORE.search(t, max(floor, pos - 6), pos)
                    if m:
                        currency, pos = self._currency_code(m.group(0).strip()), m.start()
            if currency is None and sign == 1.0:
                m = _RANK_MARK_BEFORE.search(t, max(floor, pos - 4), pos)
                if m:
                    rank_mark, pos = True, m.start()
        if not rank_mark:
            m = _SIGN_WORD_BEFORE.search(t, max(floor, pos - 10), pos)
            if m:
                sign, pos = -1.0, m.start()
        bound, pos = self._left_bound(pos, floor)
        between = False
        start_without_between = pos
        m = _BETWEEN_BEFORE.search(t, max(floor, pos - 10), pos)
        if m:
            between, pos = True, m.start()
        after_from = _FROM_BEFORE.search(t, max(0, pos - 6), pos) is not None
        # "fell below 20 mph", "rose above $100": a level crossed, not the size of the change
        crossed = t[pos : pos + 7].lower().startswith(("below", "above", "under", "beyond"))
        direction = None if crossed else self._direction_before(pos)
        start = pos

        # ---- right of the number
        value = core.value
        p = core.end
        m = _AND_HALF.match(t, p, limit)
        if m:
            value, p = value + 0.5, m.end()
        elif p < limit and t[p] in _VULGAR and core.kind == "digits":
            value, p = value + _VULGAR[t[p]], p + 1
        scale: float | None = None
        unit = ""
        if core.kind == "digits":
            m = _SLASH_AFTER.match(t, p, limit)
            if m:
                denominator = float(m.group(1))
                if denominator in (5, 10, 20, 50, 100, 1000) and 0 <= value <= denominator:
                    scale, p, unit = denominator, m.end(), "points"
                else:
                    return None  # "24/7", "9/11", "4/23": not a stated amount
        reading = self._read_unit(p, currency, limit) if scale is None else _Reading(end=p)
        if reading.invalid:
            return None
        p = reading.end
        unit = unit or reading.unit
        currency = reading.currency
        factor = reading.factor

        if (
            core.kind == "digits"
            and not unit
            and not currency
            and not reading.has_magnitude
            and start == s
            and scale is None
            and not _is_year_like(t, core)
            and not self._is_tally(core, p)
            and self._is_name_part(core)
        ):
            # "version 5.0 to 5.4", "Windows 10-11": the second number names the same kind of thing
            m = _RANGE_JOIN.match(t, p, limit)
            nxt = _DIGITS.match(t, m.end(), limit) if m else None
            self.skip_end = nxt.end() if nxt else p
            return None
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
                after_from or self._verb_direction_before(pos),
            )
        if rng is not None:
            (lo, hi), unit, currency, p = rng
            low_high = (sign * lo, hi)
            bound = "range"
        elif between:
            start = start_without_between  # "between" with no second number is not part of it
        elif after_from and not unit and not currency:
            unit, currency, factor = self._unit_of_target(p, limit, unit, currency, factor)

        # ---- trailing marks
        m = _PLUS_AFTER.match(t, p, limit)
        if m and bound in ("=", "~"):
            bound, p = ">", m.end()
        m = _OR_MORE_AFTER.match(t, p, limit)
        if m and bound in ("=", "~"):
            bound, p = (">=" if (m.group("ge") or m.group("ge2")) else "<="), m.end()
        at_least = t[start : start + 8].lower() == "at least"
        if bound == ">=" and at_least and _MORE_AFTER.match(t, p, limit):
            bound = ">"
        rank = rank_mark or (
            not unit
            and not currency
            and _RANK_CONTEXT_BEFORE.search(t, max(0, start - 24), start) is not None
        )
        if scale is None and not currency and unit in ("", "points"):
            scale, p = self._read_scale(p, limit, rank=rank)
        if currency or (unit and unit not in _NOT_PER_UNITS):
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
        if not unit and _SCORE_CONTEXT_BEFORE.search(t, max(0, start - 24), start):
            unit = "points"  # "a score of 60", but "scored 2 goals" counts goals
        if direction is None and unit != "rank":
            direction = self._direction_after(p, limit)
        if self._is_tally(core, core.end) or (s >= 2 and t[s - 1] in _DASHES and t[s - 2].isdigit()):
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
        if bare and _is_year_like(t, core):
            return Quantity(text=t[s : core.end], start=s, end=core.end, unit="date", date=t[s : core.end])
        if bare and core.kind == "digits" and not self._is_tally(core, core.end) and self._is_name_part(core):
            return None
        idiom = unit in _TIME_UNITS and not _DURATION_BEFORE.search(t, max(0, s - 10), s)
        if core.weak and (bare or idiom):
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

    def _is_tally(self, core: _Core, p: int) -> bool:
        """A vote or a score like "52-48" or "3-2" (not "ISO 3166-1", not the range "1-3")."""
        m = _TALLY_AFTER.match(self.t, p)
        raw = self.t[core.start : core.end]
        return m is not None and raw.isdigit() and len(m.group(1)) == len(raw) and int(raw) >= int(m.group(1))

    def _currency_code(self, symbol: str) -> str:
        symbol = symbol.strip()
        if symbol in _CURRENCY_SYMBOLS:
            return _CURRENCY_SYMBOLS[symbol]
        return "CNY" if symbol == "RMB" else symbol

    def _is_sign(self, i: int) -> bool:
        """Whether the dash at ``i`` is a minus sign rather than a range dash or a hyphen."""
        t = self.t
        if i == 0:
            return True
        before = t[i - 1]
        if not (before.isspace() or before in "([{:=/,;\"'“‘"):
            return False
        # "40 - 60": a dash after a number and a space joins a range
        rest = t[max(0, i - 12) : i].rstrip()
        return not (rest and (rest[-1].isdigit() or rest[-1] in "%$€£"))

    def _is_name_part(self, core: _Core) -> bool:
        t = self.t
        raw = t[core.start : core.end]
        if "." in raw and raw in self.version_numbers:
            return True
        m = _LABEL_BEFORE.search(t, max(0, core.start - 14), core.start)
        if m and not t[m.start() : m.end()].strip()[:1].isupper() or (m and m.group(1) in ("No.",)):
            return True
        if "," in raw:
            return False
        m = _PREVIOUS_WORD.search(t, max(0, core.start - 40), core.start)
        if not m:
            return False
        word = m.group(1)
        if word.endswith(("'s", "’s", "s'", ".")) or word.lower() in _COMMON_CAPS:
            return False
        if re.fullmatch(_MONTH, word):
            return False
        return word[0].isupper() or any(c.isupper() for c in word[1:])

    def _unit_of_target(
        self, p: int, limit: int, unit: str, currency: str | None, factor: float
    ) -> tuple[str, str | None, float]:
        """For "from 5 to 10%" the first number takes the unit of the second."""
        t = self.t
        m = re.compile(rf"{_S}+to{_S}+").match(t, p, limit)
        if not m:
            return unit, currency, factor
        nxt = _DIGITS.match(t, m.end(), limit)
        if not nxt:
            return unit, currency, factor
        r = self._read_unit(nxt.end(), None, limit)
        if r.invalid or r.unit in ("", "count"):
            return unit, currency, factor
        return r.unit, currency, factor

    def _read_range(
        self,
        core: _Core,
        a_value: float,
        a_unit: str,
        a_currency: str | None,
        a_factor: float,
        a_reading: _Reading,
        p: int,
        limit: int,
        between: bool,
        no_to: bool,
    ) -> tuple[tuple[float, float], str, str | None, int] | None:
        t = self.t
        m = _RANGE_JOIN.match(t, p, limit)
        if not m:
            return None
        word = (m.group(1) or "").lower()
        if word == "and" and not between:
            return None
        if word in ("to", "through", "thru") and (no_to or between):
            return None
        if not word and between:
            return None
        q = m.end()
        b_currency = None
        cm = re.compile(rf"(?:US\$|[$€£¥₹]){_S}?").match(t, q, limit)
        if cm:
            b_currency, q = self._currency_code(cm.group(0).strip()), cm.end()
        b_core: _Core | None = None
        dm = _DIGITS.match(t, q, limit)
        if dm:
            value = _plain_number(dm.group(0))
            if value is not None:
                b_core = _Core(dm.start(), dm.end(), value, "digits")
        elif core.kind == "words":
            wm = _WORD_RUN.match(t, q, limit)
            if wm:
                tokens = [(x.group(0), x.start()) for x in _WORD_TOKEN.finditer(wm.group(0))]
                value, used = _words_value([x for x, _ in tokens])
                if used:
                    b_core = _Core(q, q + tokens[used - 1][1] + len(tokens[used - 1][0]), value, "words")
        if b_core is None:
            return None
        if t[b_core.end : b_core.end + 2][:1] == "." and t[b_core.end + 1 : b_core.end + 2].isdigit():
            return None
        if _is_year_like(t, core) and _is_year_like(t, b_core) and not a_unit and not a_currency:
            return None
        b = self._read_unit(b_core.end, b_currency or a_currency, limit)
        if b.invalid:
            return None
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
        if not a_reading.has_magnitude and b.has_magnitude and a_value < b_core.value:
            a_factor_eff = b.factor  # "5 to 10 million": both ends in millions
        lo, hi = a_value * a_factor_eff / a_factor, b_core.value * b.factor / a_factor
        if not lo < hi:
            return None
        return (lo, hi), unit, currency, b.end


def _clean(x: float) -> float:
    """Round away float noise from magnitudes ("1.2M" is 1200000, not 1199999.9999999998)."""
    return float(round(x, 6)) if abs(x) < 1e6 else float(round(x))


def _short_amount(x: float) -> str:
    for factor, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if x >= factor and (x / factor) == int(x / factor):
            return f"{int(x / factor)}{suffix}"
    return f"{x:g}"


# ----------------------------------------------------------------------------------------------------
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
    blocked = _blocked_spans(text)
    cores = _find_cores(text)
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
        if q.direction is None and out and out[-1].direction and _RESTATES.match(text, out[-1].end, q.start):
            q = replace(q, direction=out[-1].direction)  # "lost 2.4 points, or 0.6%"
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
