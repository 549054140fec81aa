"""factcheck's own spaCy pipeline components.

``factcheck_quantities`` runs the quantity finder over a Doc and keeps every quantity with the
token span it covers, so that later stages can ask the parse about the words around a number.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from factcheck.models import Quantity
from factcheck.quantities.finder import find_quantities

if not Doc.has_extension("quantities"):
    Doc.set_extension("quantities", default=None)


@Language.factory("factcheck_quantities")
def make_quantities(nlp: Language, name: str) -> QuantityTagger:
    return QuantityTagger()


class QuantityTagger:
    """Sets ``doc._.quantities`` to a list of ``(Quantity, Span)`` pairs, in text order."""

    def __call__(self, doc: Doc) -> Doc:
        found: list[tuple[Quantity, Span]] = []
        for q in find_quantities(doc.text, join_durations=True):
            span = doc.char_span(q.start, q.end, alignment_mode="expand")
            if span is not None:
                found.append((q, span))
        doc._.quantities = found
        return doc
