"""The word classes of general English the pipeline reads the parse with, from ``data/lexicon.toml``.

Each class is a frozen set of lower-case lemmas; ``words("attribution", "reporting_verbs")`` gives one.
The data file says what every class is for; code never lists words of its own.
"""

from __future__ import annotations

import tomllib
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


@cache
def _raw() -> dict[str, dict[str, object]]:
    return tomllib.loads((DATA / "lexicon.toml").read_text(encoding="utf-8"))


@cache
def _lexicon() -> dict[str, dict[str, frozenset[str]]]:
    return {
        section: {name: frozenset(w.lower() for w in values) for name, values in classes.items()}  # type: ignore[attr-defined]
        for section, classes in _raw().items()
        if section != "tables"
    }


@cache
def table(name: str) -> dict[str, str]:
    """A word table of ``[tables.NAME]`` (word -> word), e.g. the noun naming an event verb's date."""
    found = _raw()["tables"][name]
    assert isinstance(found, dict)
    return {str(k): str(v) for k, v in found.items()}


def words(section: str, name: str) -> frozenset[str]:
    """The word class ``name`` of ``section`` (a KeyError names a class the data file lacks)."""
    return _lexicon()[section][name]


def has_lemma(token_lemma: str, token_lower: str, section: str, name: str) -> bool:
    """Whether a token (its lemma or its lower-case form) belongs to a word class."""
    cls = words(section, name)
    return token_lemma.lower() in cls or token_lower in cls
