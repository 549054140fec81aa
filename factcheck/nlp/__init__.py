"""The spaCy pipeline claim extraction runs on: loading and configuration, factcheck's registered
components (``factcheck_quantities``, ``factcheck_attribution``, ``factcheck_claim_checks``, and the
``factcheck_names`` entity ruler), the word classes and patterns they read (``data/``), and the cutting of
texts longer than the pipeline takes at once."""

from factcheck.nlp.loading import ModelNotFound, load, model_name

__all__ = ["ModelNotFound", "load", "model_name"]
