"""The spaCy pipeline claim extraction runs on: loading, configuration and factcheck's components."""

from factcheck.nlp.loading import ModelNotFound, load, model_name

__all__ = ["ModelNotFound", "load", "model_name"]
