"""Who the passages of a source document are about: the model a heading names, the item of a card, nobody
in a box about other items, else the page's subject; and whether a label names a subject at all."""

from __future__ import annotations

from collections.abc import Callable

from factcheck.evidence.source_text import SourceText
from factcheck.names import find_mentions, looks_like_model, same_subject


def section_subject(context: str, doc: SourceText) -> str:
    """Who a passage under ``context`` is about: the model its nearest heading names ("GPT-5.4"), the item of
    the card it stands in, nobody in a box about other items (""), else the page's subject."""
    *labels, path = context.split(" · ")
    levels = path.split(" › ")
    for depth in range(len(levels), 0, -1):
        named = one_model(levels[depth - 1])
        if named:
            return named
        scope = doc.scopes.get(" › ".join(levels[:depth]))
        if scope is not None:
            return scope
    for part in reversed(labels):
        named = one_model(part)
        if named:
            return named
    return doc.subject


def one_model(heading: str) -> str | None:
    """The model a heading names, when it names one and little else."""
    models = [m for m in find_mentions(heading) if m.is_model]
    return models[0].name if len(models) == 1 and looks_like_model(heading) else None


def is_subject_label(label: str, known: list[str]) -> bool:
    """Whether a label names a model or one of the ``known`` subjects (the claims')."""
    return looks_like_model(label) or any(same_subject(label, k) for k in known)


def share(labels: list[str], test: Callable[[str], bool]) -> float:
    """The share of the non-empty ``labels`` that pass ``test``."""
    labels = [lb for lb in labels if lb]
    return sum(1 for lb in labels if test(lb)) / len(labels) if labels else 0.0
