"""Evidence finding: turn a fetched source document into facts, and rank the facts that speak to a claim.

Pure functions, no I/O. ``read_document`` (``documents``) turns the bytes of an HTML page, a PDF, a JSON
document or plain text into a ``SourceText`` (prose sentences with the heading they stand under, tables,
definition lists, stat blocks, chart labels, JSON-LD), leaving page chrome (header, navigation, footer,
cookie and call-to-action boxes) out. ``extract_facts`` (``facts``) reads every number of it as a ``Fact``
(subject, metric, quantity, quote), and ``find_evidence`` scores those facts against a ``Claim``. Names
of models and organisations are in ``names``, the words metrics are compared by in ``metric_words``.

Scores of ``find_evidence`` are in 0..1, the product of these factors:

* subject: 1 when the passage names the claim's subject (model names compared after
  ``normalise_subject``, so "GPT-5.5 (xhigh)" is GPT-5.5), 0.9-0.95 when the fact inherits the subject of
  its page, section or card, 0.7 when a comparison claim ("A vs B") meets a passage naming one side only,
  0.5 for another variant of the model ("(high)" vs "(medium)"), 0 for another named model, product or
  organisation. A claim about a group ("organizations") counts as named when its words stand in the
  passage or the page's subject (0.9; a word of a kind, "cars", stands for one of its kind in a table of
  vehicles) or its heading (0.75); a claim without a subject, when its sentence names the fact's (0.9);
* metric: weighted share of the claim's metric words found in the fact's own label or clause (full
  weight; what the unit or a stated change implies counts there too: "%" is a share, "up 41%" a
  growth, a percentage in a breakdown between providers a market share; words that stand for others
  count as them: "respondents" for a market, "a year earlier" for annual), in the heading or caption
  above it (0.85), in the site's name (0.8: "BenchLM score" on
  benchlm.ai), elsewhere in its sentence (0.6), less a little for each word of the fact's label the claim
  lacks ("Coding score" is a sub-score), and less (x0.75) for a label none of whose words the claim has
  ("Market Share" under a caption listing "Shipments, Market Share and Growth"). 0 when a version of the
  same name disagrees ("Terminal-Bench 1.0" vs "2.0") or when no word of the claim's metric stands in the
  fact's label, clause or heading;
* unit: 1 for the same unit, less for related ones (% vs percentage points, points vs a bare number on a
  score, a price with or without "per 1M tokens"), 0 for incompatible ones (a year is never evidence for
  a percentage);
* context: 0.3 when the passage, caption or heading names a product category and none of the claim's
  ("Tablet shipments" for a claim about smartphones); 0.85 for a column of an earlier period than its
  sibling ("1Q25 Market Share" next to "1Q26 ...") when the claim names no period; 0.6 for another
  period, a year to date, the earlier figure of a change ("up from 84.2%"), or a level where the claim
  is a change (or the other way round), which are context only (``Candidate.like``).

At ``STRONG`` (0.5) and above a fact is evidence for or against the claim; between ``MIN_SCORE`` (0.25)
and ``STRONG`` it is only related (context for a reader); under ``MIN_SCORE`` it is not returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.evidence.documents import read_document
from factcheck.evidence.facts import extract_facts
from factcheck.evidence.periods import Period, find_periods, period_from_key, same_period
from factcheck.evidence.prose_facts import EARLIER
from factcheck.evidence.source_text import SourceText, Table, split_sentences
from factcheck.metric_words import (
    DIRECTION_WORDS,
    EQUIVALENTS,
    GENERIC,
    STOP_WORDS,
    names_a_change,
    plain_ages,
    site_matched,
    site_words,
    stem,
    token_keys,
    tokenize,
    topics,
    unit_words,
    versions_conflict,
)
from factcheck.models import Claim, Fact, Quantity
from factcheck.names import (
    ORG_WORDS,
    find_mentions,
    looks_like_item,
    looks_like_model,
    looks_like_org,
    normalise_subject,
    same_subject,
    subject_key,
)

__all__ = [
    "MIN_SCORE",
    "Candidate",
    "candidates",
    "claim_period",
    "STRONG",
    "SourceText",
    "Table",
    "extract_facts",
    "find_evidence",
    "metric_match",
    "normalise_subject",
    "read_document",
    "same_subject",
    "split_sentences",
]

#: Facts scoring below this are not returned by ``find_evidence``.
MIN_SCORE = 0.25
#: At or above this a fact speaks for or against the claim (same subject, metric and kind of unit).
STRONG = 0.5


def _metric_score(
    claim_metric: str | None,
    metric: str | None,
    context: str = "",
    quote: str = "",
    site: set[str] | None = None,
    labelled: bool = True,
    ignore: set[str] | None = None,
    implied: set[str] | None = None,
    stated: set[str] | None = None,
) -> float:
    """Share of the claim's metric words found near the fact (see the module docstring), times a penalty for
    words of the fact's own metric that the claim lacks (a sub-score: "Coding score" vs "score")."""
    ignore = ignore or set()
    site = site or set()
    # the subject's words say who, not what, unless the measure is named by nothing else ("uptake" of uptake)
    claim = [t for t in tokenize(claim_metric) if t.key not in ignore] or tokenize(claim_metric)
    if not claim:
        return 0.0
    tight = tokenize(metric)
    stated = stated or set()  # what the figure's own reading says it is: "up 12%" is a rise, a change
    context_tokens = tokenize(context)
    if versions_conflict(claim, tight) or versions_conflict(claim, context_tokens):
        return 0.0
    context_keys = token_keys(context_tokens)
    quote_keys = token_keys(tokenize(quote))
    # a word naming the site ("BenchLM score" on benchlm.ai) is the publisher's, unless the figure's own label
    # says it too ("price" on a price-comparison site)
    labelled_keys = token_keys(tight) | context_keys | (implied or set()) | stated
    site_hits = {i for i in site_matched(claim, site) if claim[i].key not in labelled_keys}
    # at least one word of the claim's metric must stand in the fact's label or heading: what the unit
    # implies ("%" is a share) or the site's name alone do not make a figure speak to this metric
    words = [(i, t) for i, t in enumerate(claim) if t.key[0].isalpha() and i not in site_hits]
    anchors = [t for _, t in words if t.key not in GENERIC] or [t for _, t in words]
    near = token_keys(tight) | context_keys | stated
    unit_only = bool(anchors and implied and all(t.key in implied for t in anchors))
    if unit_only and implied:
        near |= implied  # the claim measures nothing but what the unit says: "price" of a figure in dollars
    if not anchors or not any(t.key in near for t in anchors):
        return 0.0
    tight_keys = token_keys(tight) | (implied or set()) | stated
    got = 0.0
    for i, t in enumerate(claim):
        if t.key in tight_keys:
            got += t.weight
        elif t.key in context_keys:
            got += 0.85 * t.weight
        elif i in site_hits:
            got += 0.8 * t.weight
        elif t.key in quote_keys:
            got += 0.6 * t.weight
    coverage = got / sum(t.weight for t in claim)
    claim_keys = token_keys(claim)
    extra = {
        t.key
        for t in tight
        if t.key not in GENERIC
        and t.key[0].isalpha()
        and t.key not in claim_keys
        and not set(t.parts) & claim_keys
        and t.raw.replace("-", "") not in site
        and t.key not in ignore
        and t.raw not in ORG_WORDS
    }  # a maker's name ("OpenAI MRCR v2") does not narrow the measure
    # a claim of what the unit says ("price") is spoken to by any figure in that unit; the label says which
    # one ("Input", "Cached input"), which comparisons pair up
    penalty = 1 - (0.12 * min(len(extra), 3) if labelled and not unit_only else 0.04 * min(len(extra), 5))
    # a label naming another measure ("Market Share"), the claim's words standing only in a caption that
    # lists the table's columns ("Shipments, Market Share and Growth"): the caption is not this cell's label
    own = {k for k in token_keys(tight) if k[0].isalpha() and k not in ignore and k not in GENERIC}
    if labelled and own and not unit_only and not own & (claim_keys | (implied or set())):
        penalty *= 0.75
    return max(0.0, min(1.0, coverage * penalty))


def metric_match(claim_metric: str | None, fact_metric: str | None) -> float:
    """How well a fact's metric label names the claim's metric, 0..1.

    Words are compared after stop words are dropped and simple stemming; words naming the kind of figure
    ("score", "share") count little, qualifiers ("provisional", "overall") not at all, words after a
    preposition ("at 1M-token context") half; hyphenated names must match whole ("Terminal-Bench" is not
    "SWE-Bench"), and a version number of the same name must agree ("Terminal-Bench 2.0" never matches
    "Terminal-Bench 1.0").
    """
    if not claim_metric or not fact_metric:
        return 0.0
    return _metric_score(claim_metric, fact_metric)


_SCOREISH = re.compile(r"\b(?:score|index|rating|points?|elo|grade|mark)\b", re.I)


def _unit_factor(claim: Claim, q: Quantity) -> float:
    cu, fu = claim.quantity.unit or "", q.unit or ""
    factor = _unit_pair(cu, fu, bool(_SCOREISH.search(claim.metric or "")))
    if factor and claim.quantity.scale and q.scale and abs(claim.quantity.scale - q.scale) > 1e-9:
        factor *= 0.6
    return factor


def _unit_pair(cu: str, fu: str, scoreish: bool) -> float:
    bare = ("", "count")
    if cu == fu:
        return 1.0
    if "date" in (cu, fu):
        return 0.0  # a year is never evidence for a percentage, nor a percentage for a date
    if {cu, fu} == {"%", "percentage points"}:
        return 0.8
    if cu == "points":
        return {"": 1.0 if scoreish else 0.6, "count": 0.5, "percentage points": 0.8, "%": 0.5}.get(fu, 0.0)
    if fu == "points" and cu in ("", "%"):
        return 0.5
    if cu.split(" per ")[0] == fu.split(" per ")[0] and cu[:1].isupper() and fu[:1].isupper():
        return 0.7  # same currency, one side without "per 1M tokens"
    if cu in bare and fu in bare:
        return 0.9
    if cu in ("tokens", "count") and fu in (*bare, "tokens"):
        return 0.6
    if cu == "" and fu not in ("rank", "x"):
        return 0.4
    return 0.0


def _claim_subjects(subject: str) -> list[str]:
    parts = re.split(r"\s+(?:vs\.?|versus|compared (?:with|to)|against)\s+|\s*/\s*", subject)
    return [p.strip() for p in parts if p.strip()]


def _named_in(name: str, text: str) -> bool:
    key = subject_key(name)
    if not key:
        return False
    return any(subject_key(m.name) == key for m in find_mentions(text, [name]))


def _words_in(phrase: str, text: str, around: str = "") -> bool:
    """Whether every word of ``phrase`` stands in ``text``; a word naming a kind of thing ("cars") may stand
    for one of its kind named in ``text`` or ``around`` it ("battery electric" in a table of vehicles)."""
    phrase, text = plain_ages(phrase), plain_ages(text)  # "five-year-olds" are children "aged 5"
    words = [w for w in re.findall(r"[a-z]+|\d+(?:\.\d+)?", phrase.lower()) if w not in STOP_WORDS]
    have = {stem(w) for w in re.findall(r"[a-z]+|\d+(?:\.\d+)?", text.lower())}
    kinds = topics(f"{text} {around}")
    return bool(words) and all(
        stem(w) in have or topics(w) & kinds or EQUIVALENTS.get(stem(w), set()) & have for w in words
    )


def _proper_words_in(name: str, text: str) -> bool:
    """Whether a proper name of several words ("Harbourside Airport", "Volta Motors") stands in ``text``."""
    return bool(re.fullmatch(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)+", name.strip())) and name.strip() in text


def _variant(name: str | None) -> str:
    m = re.search(r"\(([^)]*)\)", name or "")
    return m.group(1).strip().lower() if m else ""


def _subject_score(claim: Claim, fact: Fact) -> float:
    if not claim.subject:
        # the claim's sentence may still name whom it is about ("Harbourside Airport handled 2.41 million")
        if fact.subject and (
            _named_in(fact.subject, claim.quote) or _proper_words_in(fact.subject, claim.quote)
        ):
            return 0.9
        # A figure about no one in particular (a market total) is not stated by one vendor's table row.
        if fact.location == "table" and fact.subject and _named_in(fact.subject, fact.quote):
            return 0.35
        return 0.6
    parts = _claim_subjects(claim.subject)
    explicit = bool(fact.subject) and _named_in(fact.subject or "", fact.quote)
    for i, part in enumerate(parts):
        if same_subject(part, fact.subject):
            if _variant(part) and _variant(fact.subject) and _variant(part) != _variant(fact.subject):
                return 0.5  # "GPT-5.5 (high)" asked, "GPT-5.5 (medium)" found
            others = parts[:i] + parts[i + 1 :]
            if others and not any(_named_in(o, fact.quote) for o in others):
                return 0.7  # a comparison claim, but the passage speaks of one side only
            if explicit:
                return 1.0
            # the page's own subject: as good as named for a table or list on its page, less for prose
            return 0.9 if fact.location in ("sentence", "pdf") else 0.95
    if any(looks_like_model(p) for p in parts):
        return 0.0  # another model's figure is never evidence
    if fact.subject and looks_like_item(fact.subject) and any(looks_like_item(p) for p in parts):
        return 0.0  # nor another product's (the card or bar it stands on names it)
    if explicit:
        return 0.0  # the passage names someone else for this figure ("Google (22%)")
    # a claim about a group or an organisation ("organizations"): named in the passage, or around it? A page
    # about it ("MMR catch-up campaign closes") names it for every passage ("The campaign cost ...")
    if any(_words_in(p, fact.quote, fact.context) or _words_in(p, fact.subject or "") for p in parts):
        return 0.9
    if any(_words_in(p, f"{fact.context} {fact.metric or ''}") for p in parts):
        # a table's caption or heading naming the group says whom its figures are about
        return 0.9 if fact.location not in ("sentence", "pdf") else 0.75
    if any(re.search(r"[A-Z\d]", p) for p in parts):
        # a proper name the passage does not mention: evidence only on that name's own site
        site = site_words(fact.url)
        return 0.75 if any(re.sub(r"[^a-z0-9]", "", p.lower()) in site for p in parts) else 0.0
    return 0.4  # a group ("organizations") the figure may well be about without repeating it


def _distance(claim: Claim, q: Quantity) -> float:
    """How far the fact's figure is from the claim's, relatively: only used to order equally good facts."""
    want = claim.quantity.value if claim.quantity.value is not None else claim.quantity.low
    have = q.value if q.value is not None else q.low
    if want is None or have is None:
        return 1.0
    return abs(want - have) / max(abs(want), abs(have), 1e-9)


@dataclass(frozen=True)
class Candidate:
    """A fact found for a claim: its score (see the module docstring) and whether it is like for like.

    ``like`` is "like" when the fact is about the same subject (named, or the page's own), the same measure,
    period and variant, in the same kind of unit: such a fact may support the claim or contradict it.
    "support" when it may only support it (it is stated for one variant of a subject the claim names without
    one, or its subject, measure or unit match less closely: agreeing, it bears the claim out; disagreeing, it
    is no proof of error). "context" when it is about another period or another variant: shown beside the
    verdict, never deciding it. ``why`` says what differs.
    """

    fact: Fact
    score: float
    like: str = "like"
    why: str = ""


#: Like for like also needs the measure matched at least this well, and the subject at least this well.
LIKE_METRIC = 0.5
LIKE_SUBJECT = 0.9


def find_evidence(claim: Claim, facts: list[Fact]) -> list[tuple[Fact, float]]:
    """The facts that speak to ``claim``, best first, each with its score in 0..1 (see the module docstring).

    Only facts scoring at least ``MIN_SCORE`` are returned. The score does not look at whether the figure
    agrees with the claim, so contradicting evidence ranks as high as supporting evidence; only among
    equally scored facts (a leaderboard listing several reasoning efforts of one model) the figure nearest
    the claim's comes first.
    """
    return [(c.fact, c.score) for c in candidates(claim, facts)]


def candidates(claim: Claim, facts: list[Fact]) -> list[Candidate]:
    """``find_evidence`` with each fact's like-for-like standing (see ``Candidate``). A claim of kind "change"
    (the probe of a change over time) asks for its measure in every period, so no period is another."""
    ignore = _ignored_words(claim)
    claim_topics = topics(claim.metric) | topics(claim.subject)
    # a probe for a change over time (kind "change") wants the measure in every period
    every_period = claim.kind == "change"
    wanted = None if every_period else claim_period(claim)
    earlier = {} if wanted is not None or every_period else _earlier_periods(facts)
    claim_is_earlier = _states_an_earlier_figure(claim)
    breakdowns = _breakdowns(facts)
    at = claim.quantity.start - claim.start if claim.quantity.text else -1
    claim_change = _direction(claim.quantity, claim.quote, at) is not None or names_a_change(claim.metric)
    claim_variant = _variant(claim.subject)
    scored: list[Candidate] = []
    for fact in facts:
        unit = _unit_factor(claim, fact.quantity)
        if unit == 0:
            continue
        subject = _subject_score(claim, fact)
        if subject == 0:
            continue
        labelled = fact.location not in ("sentence", "pdf")
        implied = unit_words(fact.quantity.unit) | (_MARKET_SHARE if id(fact) in breakdowns else set())
        moved = _direction(fact.quantity, fact.quote, fact.quantity.start)
        stated = DIRECTION_WORDS.get(moved or "", set())
        metric = _metric_score(
            claim.metric,
            fact.metric,
            fact.context,
            fact.quote,
            site_words(fact.url),
            labelled,
            ignore | _subject_tokens(fact.subject),
            implied,
            stated,
        )
        have = period_from_key(fact.period)
        other_period = not every_period and (
            not same_period(wanted, have)
            or (fact.period == EARLIER and not claim_is_earlier)
            # a year to date adds up the months so far: not the period of a claim that does not say so
            or (have is not None and have.part == "YTD" and wanted is None)
        )
        context = (
            _topic_factor(claim_topics, fact) * earlier.get(id(fact), 1.0) * (0.6 if other_period else 1.0)
        )
        score = round(subject * metric * unit * context, 4)
        if score < MIN_SCORE:
            continue
        fact_variant = fact.variant or _variant(fact.subject)
        if claim_change != _is_change(fact):
            like, why = "context", "a level, not a change" if claim_change else "a change, not a level"
            scored.append(Candidate(fact, round(score * 0.6, 4), like, why))
            continue
        if other_period:
            like, why = (
                "context",
                "an earlier figure the source compares with"
                if fact.period == EARLIER
                else f"another period than the claim's {wanted.label if wanted else ''}".strip(),
            )
        elif id(fact) in earlier:
            like, why = (
                "context",
                "an earlier period than the latest the source gives",
            )
        elif claim_variant and fact_variant and claim_variant != fact_variant:
            like, why = "context", f"stated for another variant ({fact_variant})"
        elif fact_variant and not claim_variant:
            like, why = "support", f"stated for the {fact_variant} variant"
        elif subject < LIKE_SUBJECT or metric < LIKE_METRIC or unit < 0.8:
            like, why = "support", "not stated for the same subject and measure"
        else:
            like, why = "like", ""
        scored.append(Candidate(fact, score, like, why))
    scored.sort(
        key=lambda c: (-c.score, c.fact.location in ("sentence", "pdf"), _distance(claim, c.fact.quantity))
    )
    return scored


def claim_period(claim: Claim) -> Period | None:
    """The period a claim's figure is stated for: the one its sentence names nearest the figure, leaving out
    what it is compared with ("up 31% from the same quarter a year earlier", "than in 2024")."""
    quote = claim.quote
    at = claim.quantity.start - claim.start if claim.quantity.text else 0
    found = [
        (abs(quote.find(p.text) - at), p)
        for p in find_periods(f"{claim.metric or ''} {quote}")
        if not _is_comparison_base(quote[: max(0, quote.find(p.text))])
    ]
    if not found:
        return None
    return min(found, key=lambda dp: dp[0])[1]


# "made up 35% of shipments" is a share, whatever the "up" of "make up" suggests
_MAKE_UP = re.compile(
    r"\b(?:make|makes|made|making)\s+up\s+(?:between\s+|about\s+|around\s+|nearly\s+)?$", re.I
)


def _direction(q: Quantity, text: str, at: int) -> str | None:
    """The direction of a figure standing at ``at`` in ``text``, but none for the "up" of "made up"."""
    if q.direction == "up" and at >= 0 and _MAKE_UP.search(text[max(0, at - 30) : at]):
        return None
    return q.direction


_MARKET_SHARE = {stem("market"), stem("share")}


def _breakdowns(facts: list[Fact]) -> set[int]:
    """Facts that split a whole between organisations or products: percentages of one measure in one table,
    list or sentence, for three or more of them ("OpenAI 47%, Google 22%, Anthropic 19%"). Each is its
    subject's share of that market."""
    groups: dict[tuple[str, str, str, str], list[Fact]] = {}
    for f in facts:
        if f.quantity.unit == "%" and f.subject:
            where = f.quote if f.location in ("sentence", "pdf", "chart") else f.context
            groups.setdefault((f.url, where, (f.metric or "").lower(), f.period), []).append(f)
    out: set[int] = set()
    for group in groups.values():
        subjects = {subject_key(f.subject or "") for f in group}
        named = [f for f in group if looks_like_item(f.subject or "") or (f.subject or "")[:1].isupper()]
        if len(subjects) >= 3 and len(named) >= 2:
            out.update(id(f) for f in group)
    return out


def _is_change(fact: Fact) -> bool:
    """Whether a fact states a change ("+30.6%", "up 12%", a "% change" column) rather than a level."""
    q = fact.quantity
    signed = q.text.lstrip()[:1] in ("+", "-", "−") or (q.value is not None and q.value < 0)
    # a label names what its figures are ("% change"); a sentence's verbs ("climbed from 87.2% to 91.4%")
    # say how it moved, and the figure's own reading says whether it is the change
    labelled = fact.location not in ("sentence", "pdf") and names_a_change(fact.metric)
    return bool(_direction(q, fact.quote, q.start)) or signed or labelled


def _states_an_earlier_figure(claim: Claim) -> bool:
    """Whether the claim's figure is itself the earlier one of a change ("up from 88%", "In 2024 it had been
    88%", "a year earlier it was 57%"): then a source's earlier figure speaks to it."""
    quote = claim.quote
    at = claim.quantity.start - claim.start if claim.quantity.text else -1
    if at >= 0 and re.search(r"\bfrom\s*$", quote[max(0, at - 12) : at], re.I):
        return True
    return bool(
        re.search(
            r"\b(?:had been|previously|a year (?:earlier|ago|before)|last year|the year before|"
            r"(?:previous|prior|preceding) (?:year|quarter|month))\b",
            quote,
            re.I,
        )
    )


def _is_comparison_base(before: str) -> bool:
    """Whether a period named right after ``before`` is what a figure is compared with: "from the same quarter
    a year earlier", "than in 2024", "up 9.8% on March 2025", "a 12% rise over 2025"."""
    return bool(
        re.search(r"\b(?:from|than|since|against|versus|vs\.?)\s+(?:\w+\s+){0,3}$", before)
        or re.search(
            r"\d\s*(?:%|percent|per cent|points?)?\s+(?:on|over)\s+(?:the\s+)?(?:\w+\s+){0,2}$", before
        )
    )


def _ignored_words(claim: Claim) -> set[str]:
    """Words of the claim's metric that do not say what is measured: its subject's name, and the words of
    a price's unit ("costs USD per 1M tokens") unless nothing else is left."""
    # "battery-electric cars" is also "battery electric"
    ignore = {k for p in _claim_subjects(claim.subject or "") for t in tokenize(p) for k in (t.key, *t.parts)}
    if re.match(r"[A-Z]{3}\b", claim.quantity.unit):
        unit_words = {t.key for t in tokenize(claim.quantity.unit)} - ignore
        if {t.key for t in tokenize(claim.metric)} - ignore - unit_words:
            ignore |= unit_words
    return ignore


def _subject_tokens(subject: str | None) -> set[str]:
    if not subject or not (looks_like_model(subject) or looks_like_org(subject)):
        return set()
    return {t.key for t in tokenize(subject)}


def _topic_factor(claim_topics: set[str], fact: Fact) -> float:
    """Low when the fact's passage, caption or heading names a product category and none of the claim's
    ("Tablet shipments" for a claim about smartphones); 1 when either names none."""
    if not claim_topics:
        return 1.0
    found = topics(f"{fact.metric or ''} {fact.context} {fact.quote}")
    return 0.3 if found and not found & claim_topics else 1.0


def _earlier_periods(facts: list[Fact]) -> dict[int, float]:
    """Facts of an earlier period than a sibling fact of the same measure ("1Q25 Market Share" next to "1Q26
    Market Share"): a claim naming no period speaks of the latest one."""
    latest: dict[tuple[str, str, str | None, str], tuple[int, int]] = {}
    keyed: list[tuple[int, tuple[str, str, str | None, str], tuple[int, int]]] = []
    for fact in facts:
        period = period_from_key(fact.period)
        if period is None or fact.location in ("sentence", "pdf") or period.part == "YTD":
            continue
        # periods of one kind are compared (months with months, quarters with quarters, years with years)
        kind = period.part[:1]
        key = (fact.url, kind, fact.subject, (fact.metric or "").strip().lower())
        latest[key] = max(latest.get(key, period.order()), period.order())
        keyed.append((id(fact), key, period.order()))
    return {fid: 0.85 for fid, key, order in keyed if order < latest[key]}
