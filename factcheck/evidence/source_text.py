"""What a source document is reduced to before facts are read from it, and the text helpers readers share."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from factcheck.quantities.calendar import MONTH_ABBREVIATIONS


@dataclass
class Table:
    """A table as read: column labels, body rows (cell texts, the row label first), caption and heading."""

    header: list[str]
    rows: list[list[str]]
    caption: str = ""
    context: str = ""
    lead: str = ""  # the sentence just before the table, which may state the unit of every cell


@dataclass
class SourceText:
    """A source document reduced to what can carry figures, without page chrome."""

    url: str
    title: str
    text: str  # the main prose, paragraphs separated by blank lines
    sentences: list[tuple[str, str]] = field(default_factory=list)  # (sentence, heading it stands under)
    tables: list[Table] = field(default_factory=list)
    definitions: list[tuple[str, str, str]] = field(default_factory=list)  # (term, value, context)
    labels: list[tuple[str, str]] = field(default_factory=list)  # chart/figure labels: (text, context)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    is_pdf: bool = False
    subject: str = ""  # what the page is about: the model named in its h1/title, else its h1
    # Headings (contexts, as above) whose passages have a subject of their own instead of the page's: the
    # name of a card, or "" for a box about other items ("Also reviewed", "Related") whose figures belong
    # to no subject of the page.
    scopes: dict[str, str] = field(default_factory=dict)
    # Repeated sibling blocks, each under its own heading (model cards, product cards): per group, the
    # context and the name of every card. Whether the names are subjects is decided with the claims'
    # subjects at hand (``extract_facts``).
    cards: list[list[tuple[str, str]]] = field(default_factory=list)


# Characters of typeset pages that stand for plain ones: non-breaking and typographic hyphens ("GPT‑5.5" with
# U+2011), soft hyphens and zero-width spaces (dropped).
_PLAIN = str.maketrans({"\u2010": "-", "\u2011": "-", "\u00ad": None, "\u200b": None, "\ufeff": None})


def squash(text: str) -> str:
    """``text`` on one line: runs of white space (non-breaking ones too) as one space, typographic hyphens
    as "-", soft hyphens and zero-width spaces dropped."""
    return re.sub(r"\s+", " ", text.replace("\xa0", " ").translate(_PLAIN)).strip()


_ABBREVIATIONS = {
    "e.g",
    "i.e",
    "vs",
    "etc",
    "approx",
    "no",
    "fig",
    "figs",
    "dr",
    "mr",
    "ms",
    "inc",
    "ltd",
    "co",
    "st",
    "est",
} | MONTH_ABBREVIATIONS
# a sentence may also start with a lower-case identifier such as "gpt-5.5-pro"
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\"“‘(#$£€]|[a-z][\w.]*[-\d])")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, not splitting after abbreviations or initials."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : m.start()].rstrip('"”’)')
        word = re.search(r"([\w.]+)[.!?]$", before)
        if word and (word.group(1).lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
            continue
        out.append(paragraph[start : m.start()].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def has_number(text: str) -> bool:
    return bool(re.search(r"\d", text))
