"""What kind of paragraph a figure stands in, as the scope model reads an article: prose or a line of a
list, a lead-in line ("Here is the breakdown by region:") and the items under it, the writer's own voice,
and the common nouns it speaks of."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from factcheck.claims.voices import writer_speaks
from factcheck.nlp.extensions import sentences_of
from factcheck.nlp.lexicon import words

__all__ = [
    "in_writers_voice",
    "introduces",
    "is_prose",
    "list_items",
    "nouns",
    "paragraph_first_person",
    "prose_index",
]


def introduces(doc: Doc) -> bool:
    """Whether a paragraph is a lead-in line: it ends with a colon ("Here is the breakdown by region:")."""
    last = next((t for t in reversed(doc) if not t.is_space), None)
    return last is not None and last.text == ":"


def in_writers_voice(doc: Doc) -> bool:
    return any(writer_speaks(s) for s in sentences_of(doc))


def list_items(docs: Sequence[Doc]) -> dict[int, int]:
    """The paragraphs that are items of a list under a lead-in line, each with its lead-in's index: the
    one-sentence paragraphs right after it that do not end as prose does (with a full stop)."""
    items: dict[int, int] = {}
    for d, doc in enumerate(docs):
        if not introduces(doc):
            continue
        for e in range(d + 1, len(docs)):
            item = docs[e]
            last = next((t for t in reversed(item) if not t.is_space), None)
            if last is None or len(sentences_of(item)) > 1 or last.text in (".", "!", "?", ":"):
                break
            items[e] = d
    return items


def nouns(doc: Doc) -> set[str]:
    """The common nouns a paragraph speaks of ("cases", "measles", "shipments"), not units of time, which
    say when, not what ("last year", "two weeks ago")."""
    found = doc.user_data.get("factcheck_nouns")
    if found is None:
        found = {
            t.lemma_.lower()
            for t in doc
            if t.pos_ == "NOUN"
            and t.is_alpha
            and not t.is_stop
            and len(t) > 2
            and t.lemma_.lower() not in words("claims", "time_units")
        }
        doc.user_data["factcheck_nouns"] = found
    return found


def paragraph_first_person(doc: Doc) -> bool:
    """Whether the writer speaks as a subject in the paragraph ("We've already seen ...", "I think")."""
    found = doc.user_data.get("factcheck_first_person")
    if found is None:
        found = any(writer_speaks(s, subject=True) for s in sentences_of(doc))
        doc.user_data["factcheck_first_person"] = found
    return found


def prose_index(docs: Sequence[Doc], d: int) -> int:
    """How many paragraphs of prose (a sentence with a verb) come before paragraph ``d``."""
    return sum(1 for doc in docs[:d] if is_prose(doc))


def is_prose(doc: Doc) -> bool:
    found = doc.user_data.get("factcheck_prose")
    if found is None:
        found = doc.user_data["factcheck_prose"] = len(doc) >= 5 and any(
            t.pos_ in ("VERB", "AUX") for t in doc
        )
    return found
