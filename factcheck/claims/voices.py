"""Whose voice a figure is in, besides the source's: what others expected (a consensus of analysts, the
market's estimate) and the writer's own first person. The scope model keeps sources off both."""

from __future__ import annotations

from spacy.tokens import Span, Token

from factcheck.nlp.extensions import root_of
from factcheck.nlp.lexicon import words

__all__ = ["expected_by", "writer_speaks"]


def expected_by(span: Span) -> Token | None:
    """The verb by which others expected the figure, if they did ("the $1.58 analysts had pencilled in",
    "Analysts
    expect 14.6%", "a consensus of $2.1bn"): a figure whose clause has analysts, the market or the
    consensus expecting it, or that stands in a noun phrase of an estimate."""
    subjects = words("claims", "expecting_subjects")
    verbs = words("claims", "expecting_verbs")
    nouns = words("claims", "consensus_nouns")
    root = root_of(span)

    def expecting(verb: Token) -> bool:
        if verb.lemma_.lower() not in verbs:
            return False
        for child in verb.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.lemma_.lower() in subjects:
                return True
        return False

    for child in root.children:
        if child.dep_ in ("relcl", "acl") and expecting(child):
            return child
    # "the $1.79 billion analysts had expected", however the parser attached the words after the figure
    after = [
        t for t in span.doc[span.end : span.end + 5] if not (t.pos_ in ("AUX", "ADV", "PART") or t.is_punct)
    ]
    if len(after) >= 2 and after[0].lemma_.lower() in subjects and after[1].lemma_.lower() in verbs:
        return after[1]
    head = root.head
    if head.lower_ == "of" and head.dep_ == "prep":
        head = head.head  # "a consensus of $2.1bn", "estimates of 14%"
    if head is not root and head.lemma_.lower() in nouns:
        return head  # "the $1.41 consensus"
    for child in root.children:
        if child.dep_ == "amod" and child.lemma_.lower() in verbs and child.tag_ in ("VBN", "VBD"):
            return child  # "the predicted $2.56", "the expected 1.4%"
    for t in root.ancestors:
        if t.pos_ in ("VERB", "AUX"):
            return t if expecting(t) else None
    return None


def writer_speaks(sent: Span, subject: bool = False) -> bool:
    """Whether the writer speaks in the first person in the sentence (outside quotation marks):
    "By our count", "In our own runs", "We've already seen" (with ``subject``, only as the subject)."""
    quoted = False
    for token in sent:
        if token.is_quote or token.text in ("“", "”", '"'):
            quoted = not quoted if token.text == '"' else token.text == "“"
            continue
        if not quoted and token.lower_ in ("we", "our", "us", "i", "my") and token.pos_ == "PRON":
            if not subject or token.dep_ in ("nsubj", "nsubjpass"):
                return True
    return False
