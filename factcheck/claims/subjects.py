"""What a number in a sentence is about (its subject) and what it measures (its metric).

Rules over the spaCy parse and the surface text, general rather than tuned: named things before the
number are candidate subjects, "68% of organizations" is about organizations, "on Terminal-Bench 2.0"
or "the X Index" names the benchmark the number was measured on, and "the same test" or "it" refer
back to what the paragraph named last.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.tokens import Span, Token

from factcheck.models import Quantity
from factcheck.names import has_name_shape
from factcheck.nlp.lexicon import words as words_of
from factcheck.quantities.calendar import MONTH_ABBREVIATIONS, MONTHS

# A name: capitalised words, words with digits and hyphens ("GPT-5.5", "Claude Opus 4.7", "Qwen3.7-Max"),
# with version numbers and "v2" tails.
_WORD = r"(?:[A-Z][\w]*(?:[-./][\w]+)*|[a-z]+\d[\w.-]*)"
NAME = re.compile(
    rf"(?<![\w$#-]){_WORD}(?:\s+(?:{_WORD}|v\d+(?:\.\d+)*|\d+(?:\.\d+)+|\d+(?![\d.,%]))(?![\w%]))*"
)
# Words that are no part of a name: English function words, and the months and days a date names.
_NOT_NAME_WORDS = frozenset(STOP_WORDS) | MONTHS | MONTH_ABBREVIATIONS | words_of("claims", "weekdays")
_NAME_LABELS = {"ORG", "PRODUCT", "PERSON", "GPE", "NORP", "FAC", "WORK_OF_ART", "EVENT", "LAW", "LOC"}
# "68% of organizations", "a third of all developers": the counted population is the subject.
_SHARE_OF = re.compile(
    r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+|our\s+)?((?:[a-zA-Z][\w-]*\s+){0,2}?[a-zA-Z][\w-]*s)\b"
)
_VENUE_PREP = re.compile(r"\b(?:on|in|at|of|atop|across)\s+(?:the\s+)?$", re.I)
_SAME_AS_BEFORE = re.compile(
    r"\b(?:the\s+)?same\s+(?:test|benchmark|evaluation|eval|index|leaderboard|metric)\b", re.I
)
_PRONOUN_SUBJECT = re.compile(
    r"^\s*(?:it|they|the model|this model|the new model|the company|the firm)\b", re.I
)
_BENCHMARK_WORDS = re.compile(
    r"\b(?:benchmark|bench|test|eval|evaluation|index|leaderboard|arena|exam)\b", re.I
)
_METRIC_TAIL = re.compile(
    r"^[\s-]*((?:[a-zA-Z][\w-]*\s+){0,5}?(?:in|on|of|for)\s+(?:[\w-]+\s+){0,3}[\w-]+)", re.I
)


def names_in(text: str, sent: Span | None = None, offset: int = 0) -> list[tuple[int, int, str]]:
    """Named things standing in ``text``: (start, end, name). When ``text`` is part of a parsed sentence
    ``sent`` (from character ``offset`` of it), the parse tells a name from a capitalised common word that
    opens a sentence or phrase ("Connect GPT-5.5 to your IDE", "Nope, it scored 41"); otherwise English
    function words are trimmed off."""
    out = []
    for m in NAME.finditer(text):
        words = m.group(0).split()
        start = m.start()
        while words and not _name_word(words[0], _token_at(sent, offset + start)):
            start = text.index(words[0], start) + len(words[0])
            start += len(text[start:]) - len(text[start:].lstrip())
            words = words[1:]
        while words and words[-1].lower().rstrip(",.:") in _NOT_NAME_WORDS:
            words = words[:-1]
        if not words:
            continue
        while len(words) > 1 and (
            words[-1].rstrip(",.:").lower() in words_of("claims", "name_tails")
            or re.fullmatch(r"(?:19|20)\d\d", words[-1])
        ):
            words = words[:-1]  # "GPT-5.5 API", "Futurum Group 2026": the name stops before
        name = " ".join(words)
        out.append((start, start + len(name), name))
    return out


def _token_at(sent: Span | None, offset: int) -> Token | None:
    """The token that starts at character ``offset`` of the sentence, if one does."""
    if sent is None:
        return None
    doc = sent.doc
    starts = doc.user_data.get("factcheck_token_starts")
    if starts is None:
        offsets = doc.to_array("IDX").tolist() if len(doc) else []
        starts = doc.user_data["factcheck_token_starts"] = {idx: i for i, idx in enumerate(offsets)}
    i = starts.get(sent.start_char + offset)
    return doc[i] if i is not None else None


def _name_word(word: str, token: Token | None) -> bool:
    """Whether the first word of a capitalised run belongs to a name."""
    bare = word.lower().rstrip(",.:")
    if bare in _NOT_NAME_WORDS:
        return False
    if token is None or has_name_shape(word) or any(ch.isdigit() for ch in word):
        return True
    if token.ent_type_ in ("DATE", "TIME"):
        return False
    return token.pos_ == "PROPN" or token.ent_type_ in _NAME_LABELS or not token.is_sent_start


def find_subject(
    clause: str,
    q_start: int,
    sources: set[str],
    previous: str | None,
    q_end: int | None = None,
    *,
    frame: Frame | None = None,
    clause_start: int = 0,
    is_proper: Callable[[int], bool] | None = None,
    salient: str | None = None,
    sent: Span | None = None,
) -> str | None:
    """The subject of the number at ``q_start`` in the sentence ``clause`` (the text of ``sent``).

    In order: a named thing in the number's clause before it (not a cited source, not the benchmark it
    was measured on), nearest first; the grammatical subject when the parse names one; for a share
    ("30 to 40 percent of shipments"), the subject phrase of its verb, else the counted population;
    for "it", "its", "the model", the thing named last (earlier in the sentence, else before it).
    """
    frame = frame or Frame()
    cited = {s.casefold() for s in sources}
    before = clause[:q_start]
    usable = [
        (start, name)
        for start, _end, name in names_in(before, sent)
        if not any(c in name.casefold() or name.casefold() in c for c in cited)
        and not _VENUE_PREP.search(before[:start])
        and not _BENCHMARK_WORDS.search(name)
        and (is_proper is None or is_proper(start) or has_name_shape(name))
    ]
    in_clause = [(s, n) for s, n in usable if s >= clause_start]
    if in_clause:
        models = [n for n in in_clause if has_name_shape(n[1])]
        return (models or in_clause)[-1][1]
    if frame.subject and frame.subject_is_name and frame.subject.casefold() not in cited:
        return frame.subject
    if q_end is not None:
        share_of = _SHARE_OF.match(clause[q_end:])
        shares = r"%|percent|per cent|third|half|quarter|fifth|tenth"
        if share_of and re.search(shares, clause[q_start:q_end], re.I):
            if frame.subject and not frame.subject_is_pronoun and not frame.subject_is_name:
                return frame.subject
            return share_of.group(1)
    anaphor = _ANAPHORS.search(before[clause_start:])
    if frame.subject_is_pronoun or anaphor or re.search(r"\b(?:gave|rated|put|ranked|placed) it\b", before):
        # "the model" is the one the article is about; "it"/"its" is the one named last.
        definite = anaphor is not None and anaphor.group(0).lower().startswith("the ")
        if definite and salient:
            return salient
        earlier = [n for _s, n in usable if has_name_shape(n)] or [n for _s, n in usable]
        if earlier:
            return earlier[-1]
        if frame.subject_is_name and frame.subject and not (previous and has_name_shape(previous)):
            # "Pellwick Rail put its punctuality at 88%": the clause's own subject, unless the paragraph is
            # about a model or product ("Acme Labs measured its speed at 200 tokens per second")
            return frame.subject
        return previous
    if frame.topic:
        return frame.topic
    if frame.subject and frame.subject_is_name:
        # "Corvane Textiles reported revenue of $512 million": with nothing else named, the cited
        # organisation that governs the figure's verb states a figure of its own.
        return frame.subject
    return None


def find_venue(
    clause: str, q_start: int, q_end: int, sources: list[str], clause_start: int = 0, sent: Span | None = None
) -> str | None:
    """The benchmark, index or leaderboard the number was measured on, if the clause (from
    ``clause_start``) names one."""
    candidates = []
    cited = {s.casefold() for s in sources}
    for start, end, name in names_in(clause, sent):
        if start < clause_start or start <= q_start < end or start < q_end <= end or name.casefold() in cited:
            continue
        left = clause[:start]
        right = clause[end : end + 30]
        venue_word = re.match(r"\s*(benchmark|test|index|leaderboard|arena|eval)\b", right, re.I)
        benchmarkish = _BENCHMARK_WORDS.search(name) or venue_word
        on_it = re.search(r"\b(?:on|atop)\s+(?:the\s+)?$", left, re.I) and has_name_shape(name)
        right_after = start >= q_end and start - q_end <= 2 and has_name_shape(name)
        if benchmarkish or on_it or right_after:
            tail = ""
            at = re.match(
                r"\s*(?:benchmark\s+)?(at\s+(?:a\s+)?[\w,.\s-]{3,40}?(?:tokens?|context(?:\s+window)?))",
                right,
            )
            if at:
                tail = " " + at.group(1)
            candidates.append((abs(start - q_end), name + tail))
    if not candidates:
        return None
    candidates.sort()
    return candidates[0][1]


def is_benchmark_name(name: str) -> bool:
    return bool(_BENCHMARK_WORDS.search(name))


def refers_to_previous_metric(clause: str) -> bool:
    return bool(_SAME_AS_BEFORE.search(clause))


def measure_words(span: Span, q: Quantity) -> str | None:
    """The noun phrase the number quantifies when it names a measure ("57% market share in model
    adoption", "40-60% time savings on debugging"): nouns right after the number, with one
    prepositional tail."""
    doc = span.doc
    words: list[str] = []
    i = span.end
    while (
        i < len(doc)
        and doc[i].pos_ in ("NOUN", "PROPN", "ADJ")
        and doc[i].ent_type_ not in ("DATE", "TIME")  # "rose 6% last year": when, not what
        and len(words) < 4
    ):
        words.append(doc[i].text)
        i += 1
    if not words or doc[span.end].pos_ == "ADJ" and len(words) == 1:
        return None

    def nominal(t: Token) -> bool:
        return t.pos_ in ("NOUN", "PROPN", "ADJ") or t.tag_ == "VBG"  # "time savings on debugging"

    if i + 1 < len(doc) and doc[i].lower_ in ("in", "on", "for", "of") and nominal(doc[i + 1]):
        tail = [doc[i].text]
        j = i + 1
        while j < len(doc) and nominal(doc[j]) and len(tail) < 4:
            tail.append(doc[j].text)
            j += 1
        words += tail
    return " ".join(words)


def predicate_words(clause: str, q_end: int) -> str | None:
    """For "68% of organizations are currently at an advanced stage of GenAI adoption": what is said
    of the counted things."""
    after = clause[q_end:]
    m = re.match(
        r"\s+of\s+[\w\s-]+?\s+(?:are|is|were|was|have|has|say|said|report|plan|use|expect)\s+(?:currently\s+|now\s+)?"
        r"([^,;.]{3,80})",
        after,
    )
    return m.group(1).strip() if m else None


_PRONOUNS = {"it", "its", "they", "their", "them", "he", "she", "this", "that", "these", "those"}
_ANAPHORS = re.compile(
    r"\b(?:it|its|they|their|"
    r"the (?:new |latest )?(?:model|company|firm|lab|chip|product|device|phone|system))\b",
    re.I,
)


@dataclass(frozen=True)
class Frame:
    """The clause around a number as the parse sees it: the grammatical subject of the verb that
    governs it, the object phrase standing before it, and that verb."""

    subject: str | None = None
    subject_is_name: bool = False
    subject_is_pronoun: bool = False
    obj: str | None = None
    verb: str | None = None
    lemma: str | None = None  # of the verb
    topic: str | None = None  # whom or where a subject without a name is about (``_topic``)
    measure: str | None = None  # what that subject measures, without the place ("wage growth")


def frame_of(span: Span) -> Frame:
    """The clause frame of the quantity at ``span`` (a spaCy span)."""
    verb = span.root
    for _ in range(6):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return Frame()
    inside = range(span.start, span.end)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    subject_text, is_name, is_pronoun = None, False, False
    if subject is not None and not any(t.i in inside for t in subject.subtree):
        tokens = _head_phrase(subject)
        is_pronoun = subject.lower_ in _PRONOUNS or (subject.lower_ == "model" and len(tokens) <= 3)
        is_name = subject.pos_ == "PROPN" or has_name_shape(subject.text)
        subject_text = _phrase(tokens)
    obj = None
    for child in verb.children:
        if (
            child.dep_ in ("dobj", "attr")
            and child.i < span.start
            and not any(t.i in inside for t in child.subtree)
        ):
            obj = _phrase([t for t in child.subtree if t.i < span.start])
    topic, measure = (
        _topic(subject, verb)
        if subject is not None and subject_text and not (is_name or is_pronoun)
        else (None, None)
    )
    return Frame(
        subject_text, is_name, is_pronoun, obj, verb.text.lower(), verb.lemma_.lower(), topic, measure
    )


def _topic(subject: Token, verb: Token) -> tuple[str | None, str | None]:
    """Whom or where an unnamed subject is about: the place or group a measure noun is "in", "at" or "on"
    ("prices in Eastmoor fell", "sales at food stores rose"), or a subject that is no measure and does what
    the figure says ("the typical household will pay £1,690"). Not a word standing for an organisation
    named before ("the company employs"), nor people who only expect or estimate."""
    lemma = subject.lemma_.lower()
    # a noun that moves up or down ("consumer price inflation in Norland slowed to 2.8%") is a measure too
    moved = verb.lemma_.lower() in words_of("claims", "direction_verbs") and not any(
        c.dep_ == "dobj" and any(p.dep_ == "prep" and p.lower_ == "of" for p in c.children)
        for c in verb.children
    )  # but "small farms lost 12% of their income": the farms had what they lost
    if lemma in words_of("claims", "measure_nouns") or moved:
        for prep in subject.children:
            if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "on", "among", "across"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and pobj.ent_type_ not in ("DATE", "TIME", "MONEY", "PERCENT"):
                    place = {t.i for t in prep.subtree}
                    measure = _phrase([t for t in _head_phrase(subject) if t.i not in place])
                    return _phrase(_head_phrase(pobj)), measure.lower() if measure else None
        return None, None
    if (
        verb.lemma_.lower() in words_of("claims", "linking_verbs")
        or lemma in words_of("attribution", "organisation_nouns")
        or lemma in words_of("attribution", "generic_people")
        or lemma in words_of("claims", "expecting_subjects")
        or subject.pos_ not in ("NOUN", "PROPN")
    ):
        return None, None
    return _phrase(_head_phrase(subject)), None


# Dependents that say more about a noun without naming it: "X, which runs ...", "X, the largest ...".
_ATTACHED = frozenset({"relcl", "appos", "acl", "advcl", "parataxis"})


def _head_phrase(noun: Token) -> list[Token]:
    """The words of a noun phrase without the clauses and appositions attached to it."""
    attached = {t.i for child in noun.children if child.dep_ in _ATTACHED for t in child.subtree}
    tokens = [t for t in noun.subtree if t.i not in attached]
    if attached:  # the commas that set the attached clause off
        last = max(t.i for t in tokens if t.dep_ != "punct") if any(t.dep_ != "punct" for t in tokens) else -1
        tokens = [t for t in tokens if t.i <= last]
    return tokens


def measure_of(span: Span) -> str | None:
    """ "revenue of $512 million", "a cut of £48", "sales growth of 3.5%": the noun the figure is of."""
    prep = span.root.head
    if prep.lower_ != "of" or prep.dep_ != "prep" or prep.i >= span.start:
        return None
    noun = prep.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i >= span.start or noun.ent_type_ in ("DATE", "TIME"):
        return None
    return _phrase([t for t in _head_phrase(noun) if t.i <= noun.i])


def _phrase(tokens: list[Token]) -> str | None:
    """A noun phrase without its leading determiner or possessor ("the quarter's smartphone revenue" ->
    "smartphone revenue", "its output speed" -> "output speed")."""
    while tokens and (tokens[0].dep_ in ("det", "poss", "case", "predet") or tokens[0].pos_ == "PART"):
        tokens = tokens[1:]
    text = "".join(t.text_with_ws for t in tokens).strip(" ,")
    return text or None
