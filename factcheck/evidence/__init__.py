"""Source documents into facts, and the facts that speak to a claim."""

from factcheck.evidence.matching import extract_facts, find_evidence, read_document

__all__ = ["extract_facts", "find_evidence", "read_document"]
