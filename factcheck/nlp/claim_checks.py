"""The ``factcheck_claim_checks`` component: whether each quantity of a text states a claim.

A quantity is a claim unless the parse shows it frames, names, instructs or supposes something: a date
(other than an event's), a reference period ("the previous 12 months", "a 24-hour span"), an identifier
("page 5", "model 3"), a clock time, an address, a qualifier of who is counted ("people aged 65 and
over"), statistical apparatus ("95% confidence interval"), page chrome ("112 shares"), a bare number
that is the value of no measure, a figure in a question, an instruction, a condition or a hypothetical
frame ("for a 2-week sprint"). Figures listed together share their unit ("8,040 and 8,589 units", "2,980
in single-core and 15,420 in multi-core"), so the quantities are rewritten with the unit they share.

Sets ``span._.claim_check`` on every quantity's span: ``"claim"`` or the reason it is not one.
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from factcheck.models import Quantity
from factcheck.nlp.extensions import root_of
from factcheck.nlp.lexicon import words
from factcheck.quantities import find_quantities

CLAIM = "claim"
_MAGNITUDE = re.compile(r"\b(?:thousand|million|billion|trillion|bn|mn)\b", re.I)
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_COMPOUND_PERIOD = re.compile(r"^\S+[-‑](?:[a-z]+)$")


@Language.factory("factcheck_claim_checks")
def make_claim_checks(nlp: Language, name: str) -> ClaimChecks:
    return ClaimChecks()


class ClaimChecks:
    """Marks every quantity of ``doc._.quantities`` as a claim or not (``span._.claim_check``)."""

    def __call__(self, doc: Doc) -> Doc:
        quantities = doc._.quantities or []
        shared = _shared_units(doc, quantities)
        doc._.quantities = shared
        measured: dict[int, str] = {}  # unit of the first measured figure of each sentence
        for q, span in shared:
            reason = check(q, span, measured.get(span.sent.start))
            span._.claim_check = reason
            if reason == CLAIM:
                measured.setdefault(span.sent.start, q.unit)
        return doc


def _shared_units(doc: Doc, quantities: list[tuple[Quantity, Span]]) -> list[tuple[Quantity, Span]]:
    """A bare number listed next to a figure with a unit shares that unit: "2,980 in single-core and 15,420
    in multi-core", "behind X at 71 and Y at 68", "8,040 and 8,589 units", "to 450 crowns from 400"."""
    out = list(quantities)
    for i, (q, span) in enumerate(out):
        if q.unit == "" and _MAGNITUDE.search(q.text):
            out[i] = (replace(q, unit="count"), span)  # "averaged 4.8 million in the quarter": a count
    for i in range(len(out)):
        q, span = out[i]
        if q.unit:
            continue
        for j in (i - 1, i + 1):
            if not 0 <= j < len(out):
                continue
            other, other_span = out[j]
            if other.unit in ("", "date") or other.value is None or other_span.sent != span.sent:
                continue
            a, b = (other_span, span) if j < i else (span, other_span)
            between = doc[a.end : b.start]
            if len(between) > 12 or any(t.like_num for t in between):
                continue
            if j > i and (
                not any(t.lower_ in ("and", "or", "to", "of", "-", "–") for t in between)
                or any(t.pos_ in ("VERB", "AUX") for t in between)
            ):
                continue  # only "8,040 and 8,589 units", "6 of the top 20 places" share forward, not a clause
            if j < i and not any(
                t.lower_
                in ("and", "or", "at", "to", "from", "than", "versus", "vs", "against", "while", "with", ",")
                for t in between
            ):
                continue
            scale = q.scale if q.scale is not None else other.scale
            out[i] = (replace(q, unit=other.unit, scale=scale), span)
            break
    return out


def check(q: Quantity, span: Span, measured_unit: str | None = None) -> str:
    """``"claim"``, or why the quantity at ``span`` states no claim."""
    sent = span.sent
    doc = span.doc
    before = doc[sent.start : span.start]
    after = doc[span.end : sent.end]
    if sent.text.rstrip().endswith("?"):
        return "question"
    if _chrome(span, sent):
        return "page chrome"
    if _statistics(span, sent):
        return "statistics"
    if _qualifier(span) or _defines_counted(span):
        return "qualifier"
    if _definition(span):
        return "definition"
    if _part_of_number(span):
        return "part of a larger number"
    if len(after) and after[0].lower_ in words("claims", "time_zones"):
        return "clock time"
    if len(before) and before[-1].lower_ in words("claims", "rate_base_words"):
        return "rate base"  # "41 diagnoses per 1,000 people", "82 offences for every 1,000 people"
    if (
        q.unit in ("count", "")
        and len(before)
        and before[-1].lower_ in ("at", "on")
        and len(after)
        and after[0].is_title
        and after[0].pos_ == "PROPN"
    ):
        return "address"
    if q.unit == "date":
        if q.date and len(q.date) == 10 and _dates_event(span) and not _hypothetical(span):
            return CLAIM
        return "date"
    if q.unit in ("", "count") and _year(q, span):
        return "year"
    if q.unit in words("claims", "time_units") and _period(span, q):
        return "reference period"
    if q.unit.lower() in words("claims", "size_units") and _size_class(span, q):
        return "size class"
    if q.unit.lower() in words("claims", "naming_units") and _modifies_next_noun(span):
        return "kind name"  # "the 3.6 GHz band", "a 50 Hz grid"
    if q.unit in ("", "count") and _identifier(span):
        return "identifier"
    if q.unit == "" and not _measured_value(span, q):
        return "bare number"
    if _condition(span) or _hypothetical(span):
        return "hypothetical"
    if q.unit == "count" and q.value is not None and q.value < 2:
        return "too small to count"
    if not any(ch.isdigit() for ch in q.text) and q.unit in ("count", *words("claims", "time_units")):
        if (q.value or 0) < 10:
            return "count in words"
    if is_instruction(sent):
        return "instruction"
    if _setting(span) or _condition_of_measure(span, q, measured_unit):
        return "setting"
    return CLAIM


def _chrome(span: Span, sent: Span) -> bool:
    """ "112 shares", "(57,391 posts)", "Comments (19)": a count of reactions on a short line."""
    if len(sent) > 12:
        return False  # more than four words whatever the punctuation: a sentence, not a counter
    content = [t for t in sent if not t.is_punct]
    if len(content) > 4:
        return False
    counts = words("claims", "social_counts")
    return any(t.lemma_.lower() in counts for t in content if not span.start <= t.i < span.end)


def _statistics(span: Span, sent: Span) -> bool:
    doc = span.doc
    phrases = words("claims", "statistics_phrases")
    before = re.sub(r"\s+", " ", doc[max(sent.start, span.start - 6) : span.start].text.lower())
    after = re.sub(r"\s+", " ", doc[span.end : min(sent.end, span.end + 4)].text.lower())
    if any(p in before for p in phrases) or any(after.startswith(p) for p in phrases):
        return True  # "(95% confidence interval 0.58 to 0.85", "a margin of error of plus or minus 2 points"
    prev = doc[span.start - 1] if span.start > sent.start else None
    return (
        prev is not None
        and prev.text in ("±", "<", ">", "=")
        and span.start - 2 >= sent.start
        and (doc[span.start - 2].lower_ == "p")
    )


def _qualifier(span: Span) -> bool:
    """Who or what is counted, not a figure: "people aged 65 and over", "those under 30", "companies
    with more than 500 employees" (a number inside a modifier of a noun that another figure counts)."""
    doc = span.doc
    qualifier_words = words("claims", "qualifier_words")
    for t in doc[max(span.sent.start, span.start - 2) : span.start]:
        if t.lower_ in qualifier_words:
            return True
    root = root_of(span)
    for t in [root, *root.ancestors]:
        if t.dep_ == "prep" and t.lower_ in ("under", "over", "above", "below", "with", "aged"):
            head = t.head
            if t.lower_ != "with" and any(
                o.start <= head.i < o.end for _q, o in span.doc._.quantities or () if o.start != span.start
            ):
                return True  # "a third of those under 30": under 30 qualifies the third
            if head.pos_ in ("PRON", "NOUN", "PROPN") and head.dep_ in ("nsubj", "nsubjpass", "pobj", "dobj"):
                if head.tag_ in ("NNS", "NNPS") or head.pos_ == "PRON":
                    return _another_figure_counts(span, head)
            return False
        if t.pos_ in ("VERB", "AUX"):
            return False
    return False


def _defines_counted(span: Span) -> bool:
    """A number inside a reduced relative clause of another figure's subject defines what is counted
    ("phones priced at $600 or more made up 30 to 40 percent")."""
    acl = next((t for t in root_of(span).ancestors if t.dep_ == "acl"), None)
    if acl is None or acl.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    doc = span.doc
    if _set_off(acl):
        return False  # "Tuition fees, capped at 9,250 crowns a year, have not risen": set off, it tells
    if _states_a_change(acl):
        return False  # "the average delay lengthened to 23 minutes from 17 minutes, and ...": a change
    verb = acl.head.head
    return any(
        q.unit != "date"
        and other.root is not root_of(span)
        and (other.root.head is verb or verb in other.root.ancestors)
        for q, other in doc._.quantities or []
    )


def _states_a_change(verb: Token) -> bool:
    """Whether a verb goes from one figure to another ("lengthened to 23 minutes from 17", "fell from 9%
    to 7%"): a clause of change states both figures, it does not say which things are meant."""
    ends = {c.lower_ for c in verb.children if c.dep_ == "prep" and any(g.like_num for g in c.subtree)}
    return {"to", "from"} <= ends


def _set_off(clause: Token) -> bool:
    """Whether a modifying clause stands between commas (or a comma and the sentence's end): it adds a fact
    about the noun rather than saying which ones are meant."""
    doc = clause.doc
    left, right = clause.left_edge.i, clause.right_edge.i
    before = left > clause.sent.start and doc[left - 1].text == ","
    after = right + 1 < clause.sent.end and doc[right + 1].text in (",", ";")
    return before and after


def _another_figure_counts(span: Span, noun: Token) -> bool:
    """Whether some other quantity of the sentence is a share or count of ``noun``'s phrase."""
    for _q, other in span.doc._.quantities or []:
        if other.start == span.start or not other.sent == span.sent:
            continue
        if noun in other.root.ancestors or noun.head == other.root or other.root.head == noun.head:
            return True
        if any(t.i == noun.i for t in other.root.subtree):
            return True
    return True if noun.pos_ == "PRON" else False


def _dates_event(span: Span) -> bool:
    """Whether a full date is the date of an event its sentence reports ("On April 23, 2026, OpenAI
    released GPT-5.5"): it hangs on a verb of an event, not on a dateline or a noun ("a news release")."""
    verbs = words("claims", "event_date_verbs")
    for t in root_of(span).ancestors:
        if t.pos_ in ("VERB", "AUX"):
            # an event with someone or something it happens to ("OpenAI released GPT-5.5"), not a byline's
            # "Published 5:35 PM, May 01, 2018"
            return t.lemma_.lower() in verbs and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
        if t.dep_ in ("nsubj", "nsubjpass", "appos"):
            return False
    return False


def _year(q: Quantity, span: Span) -> bool:
    """A bare year ("2019 levels", "the 2020 election"): a four-digit whole number a calendar would hold."""
    digits = re.search(r"\d[\d,.]*", q.text)
    return (
        bool(digits and _YEAR.fullmatch(digits.group(0))) and q.value is not None and 1500 <= q.value <= 2100
    )


def _definition(span: Span) -> bool:
    """A figure in what defines a term ("the median means that half of all tests ...", "(defined as 3 or
    more cases)")."""
    verbs = words("claims", "definition_verbs")
    return any(t.lemma_.lower() in verbs and t.pos_ == "VERB" for t in root_of(span).ancestors)


def _part_of_number(span: Span) -> bool:
    """ "a quarter of a million": a fraction of a magnitude word is one number, not a share."""
    doc = span.doc
    before = doc[max(0, span.start - 2) : span.start]
    if (
        len(before) == 2
        and before[1].lower_ == "of"
        and before[0].lower_ in ("quarter", "half", "third", "fifth", "tenth")
    ):
        return True  # the "a million" of "a quarter of a million"
    after = doc[span.end : span.end + 3]
    return (
        not any(ch.isdigit() for ch in span.text)
        and len(after) == 3
        and after[0].lower_ == "of"
        and after[1].lower_ in ("a", "an", "one")
        and after[2].lower_ in ("thousand", "million", "billion", "trillion", "hundred")
    )


def _period(span: Span, q: Quantity) -> bool:
    """A stretch of time that frames a statement: "a 24-hour span", "the previous 12 months", "within the
    first 24 hours", "over the past two years", and a point in time counted back ("three years ago")."""
    doc = span.doc
    if span.end < len(doc) and doc[span.end].lower_ in words("claims", "time_reference_words"):
        return True  # "three years ago": when, not how long
    if (
        _COMPOUND_PERIOD.match(q.text)
        and span.end < len(doc)
        and doc[span.end].pos_ in ("NOUN", "PROPN", "ADJ")
    ):
        return True  # "a 24-hour span", "the five-year average", "a 10-year bond"
    if _modifies_next_noun(span):
        return True
    last = span[-1]
    noun = last if last.lower_ in words("claims", "time_units") else root_of(span)
    modifiers = {c.lower_ for c in noun.children} | {
        t.lower_ for t in doc[max(0, span.start - 3) : span.start]
    }
    prep = noun.head if noun.dep_ == "pobj" else None
    if prep is None and noun.head.dep_ == "pobj":
        prep = noun.head.head
    if prep is not None and prep.lower_ in words("claims", "period_prepositions"):
        if prep.lower_ == "within" or modifiers & words("claims", "period_words"):
            return True
    return bool(modifiers & {"past", "previous", "last", "next", "coming", "preceding", "prior", "trailing"})


def _modifies_next_noun(span: Span) -> bool:
    """Whether the figure stands before a noun it modifies ("the 3.6 GHz band", "a 12-month low")."""
    last = span[-1]
    return last.dep_ in ("amod", "compound", "nmod") and last.head.i >= span.end and last.head.pos_ == "NOUN"


def _size_class(span: Span, q: Quantity) -> bool:
    """ "a 40-foot container", "the 20-litre cans": a hyphenated size before its noun names a kind."""
    doc = span.doc
    return bool(_COMPOUND_PERIOD.match(q.text)) and span.end < len(doc) and doc[span.end].pos_ == "NOUN"


def _identifier(span: Span) -> bool:
    """ "page 5", "version 3", "token 50,000", "Route 66": a number right after the noun it numbers."""
    doc = span.doc
    if span.start == span.sent.start:
        return False
    prev = doc[span.start - 1]
    if prev.lower_.rstrip(".") in words("claims", "identifier_nouns") or prev.lower_ in words(
        "claims", "identifier_nouns"
    ):
        return True
    root = root_of(span)
    return (
        root.dep_ in ("nummod", "appos", "npadvmod")
        and root.head.i == span.start - 1
        and (root.head.pos_ == "PROPN" and root.head.is_title and root.head.ent_type_ not in ("ORG", "GPE"))
    )


def _measured_value(span: Span, q: Quantity) -> bool:
    """Whether a number without a unit is the value of a measure: "sales of 50,492", "revised down by
    72,000", "the hazard ratio was 0.70", "(+49,000)", "rose 131,000 to 17.3m"."""
    text = q.text.strip()
    if _YEAR.fullmatch(text):
        return False
    if text[:1] in "+-−" or (q.value is not None and q.value < 0):
        return True  # a signed number is a change
    doc = span.doc
    measures = words("claims", "measure_nouns")
    changes = words("claims", "change_verbs")
    root = root_of(span)
    head = root.head
    if head.tag_ in ("JJR", "RBR"):
        return True  # "159,000 lower than previously reported"
    if root.dep_ == "pobj" and head.dep_ in ("prep", "conj", "agent"):
        owner = head.head
        while owner.dep_ in ("prep", "conj") and owner.head is not owner and owner.pos_ == "ADP":
            owner = owner.head  # "fell by 1,832,000 in the EU-28 and by 1,194,000 in the euro area"
        if owner.lemma_.lower() in measures or owner.lower_ in measures or owner.lemma_.lower() in changes:
            return True
    if root.dep_ in ("dobj", "npadvmod", "attr", "acomp", "advmod", "nsubj", "appos", "conj"):
        if head.lemma_.lower() in changes:
            subject = next((c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if head.lemma_.lower() != "be" or (
                subject is not None and (subject.lemma_.lower() in measures or subject.lower_ in measures)
            ):
                return True
        if root.dep_ == "attr" and any(
            c.dep_ == "nsubj" and (c.lemma_.lower() in measures or _names_measure(c)) for c in head.children
        ):
            return True
    if root.dep_ == "nummod" and head.i > root.i and head.tag_ in ("NNS", "NNPS"):
        return True  # "surveyed 1,450 IT decision-makers": a count of what follows
    before = doc[span.start - 1] if span.start > span.sent.start else None
    if before is not None and before.lemma_.lower() in changes and before.pos_ in ("AUX", "VERB"):
        # "the hazard ratio was 0.70 (95% CI ...)", however the parser attached the number
        subject = next((c for c in before.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and (subject.lemma_.lower() in measures or _names_measure(subject)):
            return True
    prev = doc[span.start - 1] if span.start > 0 else None
    nxt = doc[span.end] if span.end < len(doc) else None
    if nxt is not None and nxt.lower_ == "per":
        return True  # "9.8 per 100,000 a fortnight earlier": a rate
    if prev is not None and prev.text == "(" and nxt is not None and nxt.text == ")":
        return True  # "payroll employment changes little (+49,000)"
    return _labelled_value(span) or _exchange_rate(span)


def _exchange_rate(span: Span) -> bool:
    """ "trading at 4.12 to the euro", "1.08 per dollar", "156 against the yen": a price of a currency."""
    doc = span.doc
    after = [t for t in doc[span.end : span.end + 3]]
    if not after or after[0].lower_ not in ("to", "per", "against"):
        return False
    noun = next((t for t in after[1:] if t.pos_ in ("NOUN", "PROPN")), None)
    if noun is None or any(t.pos_ not in ("DET", "NUM") for t in doc[after[0].i + 1 : noun.i]):
        return False
    return any(re.fullmatch(r"[A-Z]{3}", q.unit) for q in find_quantities(f"1 {noun.text}"))


def _labelled_value(span: Span) -> bool:
    """ "Detached houses: 6,120, down 2.1%", "Arrivals: 14,300 (up 6%)": a number set after a label and a
    colon, with its change beside it, is the value the label names."""
    doc = span.doc
    if span.start - 2 < span.sent.start or doc[span.start - 1].text != ":":
        return False
    if not any(t.is_alpha and not t.is_stop for t in doc[span.sent.start : span.start - 1]):
        return False
    after = [t for t in doc[span.end : span.end + 4] if not t.is_punct]
    quantities = [s for _q, s in doc._.quantities or ()]
    return (
        bool(after)
        and after[0].lower_ in ("up", "down", "rising", "falling", "higher", "lower")
        and any(s.start > span.end and s.start <= after[0].i + 2 for s in quantities)
    )


def _names_measure(token: Token) -> bool:
    """ "the hazard ratio", "the CPI": a noun phrase naming a measure or an index by its abbreviation."""
    return any(t.lemma_.lower() in words("claims", "measure_nouns") for t in token.subtree) or (
        token.text.isupper() and 2 <= len(token.text) <= 6
    )


def _reported(token: Token) -> bool:
    """Whether a clause is reported by someone ("the poll showed 48 percent would vote ...")."""
    reporting = words("attribution", "reporting_verbs")
    return any(a.lemma_.lower() in reporting and a.pos_ in ("VERB", "AUX") for a in [token, *token.ancestors])


def _condition(span: Span) -> bool:
    """A condition or supposition ("If 100 adults walked, five fewer would ...", "a score of 1.0 would
    mean"), unless someone is cited as estimating it."""
    sent = span.sent
    first = next((t for t in sent if not t.is_punct and not t.is_quote), None)
    root = root_of(span)
    verb = next((t for t in [root, *root.ancestors] if t.pos_ in ("VERB", "AUX")), sent.root)
    if first is not None and first.lower_ in words("claims", "condition_words"):
        return not _reported(verb)
    modal = any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might") for c in verb.children)
    if not modal:
        return False
    reporting = words("attribution", "reporting_verbs")
    # "The poll showed 48 percent would vote to remain, 38 percent would vote to leave": what was reported
    reporters = [
        t
        for t in sent
        if t.lemma_.lower() in reporting
        and t.pos_ == "VERB"
        and any(c.dep_ == "nsubj" and c.pos_ in ("NOUN", "PROPN") for c in t.children)
    ]
    return not _reported(verb) and not reporters


def _hypothetical(span: Span) -> bool:
    """A frame set up as an example: "for a 2-week sprint with 30 open issues", "in a typical month",
    "say a team of 10"."""
    root = root_of(span)
    for t in [root, *root.ancestors]:
        if t.dep_ in ("prep", "ROOT") and t.lower_ in ("for", "in", "over", "during"):
            obj = next((c for c in t.children if c.dep_ == "pobj"), None)
            if obj is not None and any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "each", "every", "any", "one")
                for c in obj.children
            ):
                return t.dep_ == "ROOT" or t.i < t.head.i
        if t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in t.children):
            return True
    return False


def _setting(span: Span) -> bool:
    """ "brightness set to 150 nits", "the timeout set at 30 seconds": a setting under which a figure was
    measured."""
    head = root_of(span).head
    verb = head.head
    return (
        head.dep_ == "prep"
        and head.lower_ in ("to", "at")
        and verb.lemma_.lower() == "set"
        and not (verb.dep_ == "acl" and _set_off(verb))
    )


def _condition_of_measure(span: Span, q: Quantity, measured_unit: str | None) -> bool:
    """ "74% on MRCR v2 at 1M tokens": a condition of the measurement, after a measured figure of another
    kind in the same sentence."""
    if measured_unit is None or measured_unit == q.unit:
        return False
    head = root_of(span)
    while head.dep_ in ("compound", "amod", "nmod", "nummod", "pobj", "quantmod") and head.head is not head:
        head = head.head
        if head.dep_ == "prep":
            break
    if not (head.dep_ == "prep" and head.lower_ == "at"):
        return False
    governor = head.head
    if governor.lower_ in ("up", "down", "flat", "unchanged") or governor.lemma_.lower() in words(
        "claims", "direction_verbs"
    ):
        return False  # "barley output down 9% at 2.7 million tonnes": the level after a change
    if governor.pos_ != "NOUN" and not any(
        o.start != span.start and root_of(o) in governor.subtree and root_of(o).i < head.i
        for _q, o in span.doc._.quantities or ()
        if o.sent == span.sent
    ):
        return False  # "freight crossings were flat at 1.9 million": the level itself, not a condition
    currency = q.unit.split(" per ")[0]
    money = any(t.ent_type_ == "MONEY" for t in span)
    measured = (
        q.unit in ("%", "percentage points", "points", "rank", "x")
        or money
        or bool(re.fullmatch(r"[A-Z]{3}", currency))
    )
    return not measured


def is_instruction(sent: Span) -> bool:
    """An instruction ("Ask the model to output three things", "To save power, set the screen to 60Hz")
    states no fact: its main verb is a bare infinitive with no subject, first in the sentence or after a
    colon or a fronted purpose."""
    starts = [sent.start] + [t.i + 1 for t in sent if t.text == ":"]
    first = sent[0]
    if first.lower_ in ("to", "if", "when", "for", "before", "after"):
        starts += [t.i + 1 for t in sent if t.text == "," and t.i < sent.start + 12]
    for start in starts:
        if start >= sent.end:
            continue
        word = sent.doc[start]
        while word.is_punct and word.i + 1 < sent.end:
            word = sent.doc[word.i + 1]
        if word.tag_ == "VB" and word.dep_ in ("ROOT", "conj", "parataxis", "ccomp", "advcl", "dep"):
            if not any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux") for c in word.children):
                return True
    return False
