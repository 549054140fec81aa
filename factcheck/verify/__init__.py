"""Verdicts: resolve, fetch and read each cited source, then judge every claim."""

from factcheck.verify.run import verify_claims

__all__ = ["verify_claims"]
