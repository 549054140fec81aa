"""Verdicts: resolve, fetch and read each cited source, then judge every claim."""

from factcheck.verify.run import Verification, verify_claims

__all__ = ["Verification", "verify_claims"]
