"""The ``Doc`` and ``Span`` extensions factcheck's components write, registered in one place.

- ``doc._.links``: hyperlinks standing in the text, ``(start_char, end_char, href)``; set by the caller
  before the pipeline runs (a Doc made with ``nlp.make_doc``).
- ``doc._.quantities``: every quantity with the token span it covers, ``(Quantity, Span)``, in text order.
- ``doc._.cues``: the attribution cues of the text (:class:`factcheck.nlp.attribution.Cue`).
- ``span._.claim_check``: for a quantity's span, why it is or is not a claim (``"claim"`` or a reason).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span


def register() -> None:
    """Register the extensions (idempotent)."""
    for name in ("links", "quantities", "cues"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("claim_check"):
        Span.set_extension("claim_check", default=None)


register()
