"""The ``Doc`` and ``Span`` extensions factcheck's components write, registered in one place.

- ``doc._.links``: hyperlinks standing in the text, ``(start_char, end_char, href)``; set by the caller
  before the pipeline runs (a Doc made with ``nlp.make_doc``).
- ``doc._.quantities``: every quantity with the token span it covers, ``(Quantity, Span)``, in text order.
- ``doc._.cues``: the attribution cues of the text (:class:`factcheck.nlp.attribution.Cue`).
- ``span._.claim_check``: for a quantity's span, why it is or is not a claim (``"claim"`` or a reason).
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

_ROOTS = "factcheck_span_roots"
_SENTS = "factcheck_sentences"


def root_of(span: Span) -> Token:
    """``span.root``, computed once per span of a Doc (spaCy computes it afresh on every access)."""
    roots = span.doc.user_data.setdefault(_ROOTS, {})
    key = (span.start, span.end)
    i = roots.get(key)
    if i is None:
        i = roots[key] = span.root.i
    return span.doc[i]


def sentences_of(doc: Doc) -> list[Span]:
    """``list(doc.sents)``, computed once per Doc."""
    found = doc.user_data.get(_SENTS)
    if found is None:
        found = doc.user_data[_SENTS] = list(doc.sents)
    return found


def register() -> None:
    """Register the extensions (idempotent)."""
    for name in ("links", "quantities", "cues"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    if not Span.has_extension("claim_check"):
        Span.set_extension("claim_check", default=None)


register()
