"""Candidates: every quantity the pipeline marked as a claim, one per place it is stated, with its subject,
metric and kind, and the sources the scope model gave it. Restatements are merged later
(:mod:`factcheck.claims.merge`)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import partial

from spacy.tokens import Doc, Span

from factcheck.claims import subjects as sj
from factcheck.claims.metrics import compared_with, equalities, kind_of, metric_of
from factcheck.claims.scope import Figure
from factcheck.models import Quantity
from factcheck.names import has_name_shape
from factcheck.nlp.claim_checks import CLAIM
from factcheck.nlp.extensions import sentences_of
from factcheck.sources.registry import Registry

# Venue and link attributions reach only the clause they stand in; so does the subject.
_CLAUSE_BREAK = re.compile(r",?\s+(?:and|while|but|whereas)\s+(?=[A-Za-z#$])|,\s+so\s+|;\s+")


@dataclass
class Candidate:
    """One quantity in one sentence, before merging."""

    quantity: Quantity
    quote: str
    start: int  # of the quote in the article text
    end: int
    paragraph: int
    subject: str | None
    metric: str | None
    kind: str
    sentence: int = 0  # index of the sentence in its paragraph
    links: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    own_sources: bool = False


@dataclass(frozen=True)
class _Place:
    """Where a figure is stated: its sentence as the quote, and the sources the scope model gave it."""

    quote: str
    start: int
    end: int
    paragraph: int
    sentence: int
    sources: list[str]
    own_sources: bool
    links: list[str]

    def candidate(self, quantity: Quantity, subject: str | None, metric: str | None, kind: str) -> Candidate:
        return Candidate(
            quantity=quantity,
            quote=self.quote,
            start=self.start,
            end=self.end,
            paragraph=self.paragraph,
            subject=subject,
            metric=metric,
            kind=kind,
            sentence=self.sentence,
            links=list(self.links),
            sources=list(self.sources),
            own_sources=self.own_sources,
        )


@dataclass
class Located:
    """A claim's figure as the pipeline found it, before subject and metric."""

    quantity: Quantity  # offsets into its paragraph
    span: Span | None  # None for an implied figure (an equality)
    figure: Figure
    sentence: int
    subject: str | None = None  # set for equalities
    metric: str | None = None


def locate(docs: list[Doc]) -> list[Located]:
    """The figures that state claims, paragraph by paragraph, and the equalities sentences state."""
    out: list[Located] = []
    for d, doc in enumerate(docs):
        claims = [(q, span) for q, span in doc._.quantities or [] if span._.claim_check == CLAIM]
        k = 0
        for s_index, sent in enumerate(sentences_of(doc)):
            while k < len(claims) and claims[k][1].start < sent.end:
                q, span = claims[k]
                out.append(Located(q, span, Figure(d, span.start, span.end, q.unit), s_index))
                k += 1
            cited = _names_in_cues(sent)
            for subject, metric in equalities(sent.text, cited, sent=sent):
                fig = Figure(d, sent.root.i, sent.root.i + 1, "x")
                q = Quantity(
                    text="", start=sent.start_char, end=sent.start_char, value=1.0, unit="x", bound="="
                )
                out.append(Located(q, None, fig, s_index, subject, metric))
    return out


def _names_in_cues(sent: Span) -> set[str]:
    doc = sent.doc
    return {
        doc[c.source.start : c.source.end].text
        for c in doc._.cues or ()
        if c.sentence == sent.start and c.source.start >= 0
    }


def build(located: list[Located], docs: list[Doc], offsets: list[int], registry: Registry) -> list[Candidate]:
    """Subject, metric and kind of every located figure, in article order; ``offsets`` are where each
    paragraph starts in the article text."""
    candidates: list[Candidate] = []
    last_subject: str | None = None
    venues_seen: set[str] = set()  # benchmark names are what is measured, never the subject
    salience: Counter[str] = Counter()  # how often each model was a subject: "the model" is the top one
    by_sentence: dict[tuple[int, int], list[Located]] = {}
    for loc in located:
        by_sentence.setdefault((loc.figure.doc, loc.sentence), []).append(loc)
    for d, doc in enumerate(docs):
        p_start = offsets[d]
        paragraph: list[Candidate] = []
        last_metric: str | None = None
        for s_index, sent in enumerate(sentences_of(doc)):
            here = by_sentence.get((d, s_index), [])
            s_text = sent.text
            s_offset = p_start + sent.start_char
            all_cited = _names_in_cues(sent) | {n for loc in here for n in loc.figure.sources}
            sentence_metric: str | None = None
            sentence_units: dict[str, str] = {}  # the first metric stated for each unit in the sentence
            for loc in here:
                q = loc.quantity
                place = _Place(
                    quote=s_text.strip(),
                    start=s_offset + _lstrip_len(s_text),
                    end=s_offset + len(s_text.rstrip()),
                    paragraph=d,
                    sentence=s_index,
                    sources=list(loc.figure.sources),
                    own_sources=loc.figure.reach == "sentence",
                    links=list(loc.figure.links),
                )
                if loc.span is None:  # an equality
                    eq = Quantity(text="", start=s_offset, end=s_offset, value=1.0, unit="x", bound="=")
                    paragraph.append(place.candidate(eq, loc.subject, loc.metric, "equality"))
                    continue
                span = loc.span
                q_start, q_end = q.start - sent.start_char, q.end - sent.start_char
                cited = loc.figure.sources
                c_start, c_end = _clause(s_text, q_start)
                frame = sj.frame_of(span)
                if frame.subject and frame.subject.lower() in ("that", "this", "which"):
                    # "That was 41% more than a year earlier": about what the figure before was about.
                    last_subject = paragraph[-1].subject if paragraph else None
                subject = sj.find_subject(
                    s_text,
                    q_start,
                    all_cited | venues_seen,
                    last_subject,
                    q_end,
                    frame=frame,
                    clause_start=c_start,
                    is_proper=partial(_is_proper_at, sent),
                    salient=salience.most_common(1)[0][0] if salience else None,
                    sent=sent,
                )
                metric = metric_of(
                    s_text[:c_end],
                    q,
                    span,
                    q_start,
                    q_end,
                    cited,
                    last_metric,
                    registry,
                    c_start,
                    frame,
                    sentence_metric or last_metric,
                    sentence_units.get(q.unit),
                )
                sentence_metric = metric or sentence_metric
                if metric:
                    sentence_units.setdefault(q.unit, metric)
                    last_metric = metric
                    venues_seen.update(n for _s, _e, n in sj.names_in(metric))
                if subject and (has_name_shape(subject) or subject[:1].isupper()):
                    last_subject = subject
                    if has_name_shape(subject):
                        salience[subject] += 1
                at = replace(q, start=p_start + q.start, end=p_start + q.end)
                cand = place.candidate(at, subject, metric, kind_of(q, s_text, metric))
                if q.unit == "x" and cand.kind == "ratio":
                    ratio = compared_with(cand.subject, q.text, s_text)
                    if ratio is not None:
                        cand.subject, cand.metric = ratio
                paragraph.append(cand)
            # What "it" will stand for next: the last model-like thing named that is not a cited source.
            named = [
                n
                for _s, _e, n in sj.names_in(s_text, sent)
                if has_name_shape(n)
                and n not in all_cited
                and not sj.is_benchmark_name(n)
                and n not in venues_seen
            ]
            if named:
                last_subject = named[-1]
        candidates.extend(paragraph)
    return candidates


def _clause(sentence: str, q_start: int) -> tuple[int, int]:
    """The clause of the sentence the figure at ``q_start`` stands in (character bounds)."""
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence) + 1]
    return next((a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a <= q_start < b)


def _is_proper_at(sent: Span, at: int) -> bool:
    """Whether the word at character ``at`` of the sentence is a proper noun (not "Smartphone makers")."""
    token = next((t for t in sent if t.idx - sent.start_char == at), None)
    return token is None or token.pos_ == "PROPN" or at > 0


def _lstrip_len(s: str) -> int:
    return len(s) - len(s.lstrip())
