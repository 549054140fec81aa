"""Claim extraction: from an article's text to its quantitative claims, with sources and mentions.

Per paragraph, the spaCy pipeline (with the ``factcheck_quantities`` component) gives sentences, a
parse and every quantity. A quantity becomes a claim candidate unless it is a date, a bare number, an
instruction, a hypothetical frame ("for a 2-week sprint") or narrative small talk ("one question").
Each candidate gets a subject, a metric, a kind and the sources the sentence (or, by an attribution's
reach, its paragraph) cites. Candidates that restate the same figure about the same thing are merged
into one claim with several mentions.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import partial

from spacy.language import Language
from spacy.tokens import Span

from factcheck.claims import subjects as sj
from factcheck.claims.attribution import (
    ORG_SUFFIXES,
    Attribution,
    resolve_anaphoric_source,
    sentence_attributions,
)
from factcheck.claims.consistency import check_consistency, check_elapsed_years
from factcheck.metric_words import topics
from factcheck.models import Article, Claim, Mention, Quantity
from factcheck.names import has_name_shape
from factcheck.quantities.tolerance import agrees
from factcheck.sources.registry import Registry

_EVENT_VERBS = re.compile(
    r"\b(?:released?|launch(?:ed|es)?|announced?|unveiled?|introduced?|shipped|debuted?|founded|"
    r"went public|available)\b",
    re.I,
)
# A scenario set up as an example ("for a 2-week sprint with 30 open issues"): its numbers frame
# the claim that follows, they are not claims.
_REPORTING_VERBS = {
    "counted",
    "estimated",
    "estimates",
    "said",
    "says",
    "reported",
    "found",
    "measured",
    "put",
    "puts",
    "calculated",
    "expects",
    "expected",
    "forecast",
    "forecasts",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
}
_EVENT_NAMES = {
    "relea": "release",
    "launc": "launch",
    "annou": "announcement",
    "unvei": "announcement",
    "intro": "release",
    "shipp": "release",
    "debut": "release",
    "found": "founding",
    "went ": "listing",
    "avail": "availability",
}
_HYPOTHETICAL = re.compile(
    r"\b(?:for|in|over|during)\s+(?:a|an|each|every|any|one)\s+[^,;:.!?]*$|"
    r"\b(?:if|suppose|imagine|let'?s\s+say|say\s+(?:you|a|an))\b[^,]*$",
    re.I,
)
# The publication speaking of its own work: sources cited nearby do not reach it.
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b(?!['’]\w)", re.I)
# Words by which a sentence carries on from the one before it.
_CONTINUES = re.compile(
    r"\b(?:the same (?:test|benchmark|evaluation|survey|study|report|period|quarter|index)|its predecessor|"
    r"(?:the\s+)?respondents|participants|those (?:surveyed|polled|asked)|the (?:survey|poll|study|report)|"
    r"of (?:them|those)|^\s*there,|"
    r"the (?:new|latest|older|previous) (?:model|version|release)|that (?:was|is) (?:up|down)|"
    r"(?:it|they) also)\b",
    re.I,
)
_MAGNITUDE_WORD = re.compile(r"\b(?:thousand|million|billion|trillion|bn|mn)\b", re.I)
# Statistical apparatus around a figure, and qualifiers of who is counted.
_STATISTICS = re.compile(
    r"confidence interval|margin of (?:sampling )?error|plus or(?: minus)?\s*$|±\s*$|\bp\s*[<=>]\s*$|\bCI\b|"
    r"^\s*(?:confidence interval|CI)\b",
    re.I,
)
_QUALIFIER_BEFORE = re.compile(
    r"\b(?:aged|ages|age|per)\s+$|\b(?:those|people|adults|users|workers|respondents|children|customers|"
    r"companies|firms|businesses|employers)\s+(?:aged\s+)?(?:under|over|above|below|with(?:\s+(?:more|fewer|less)"
    r"\s+than|\s+at\s+least|\s+over|\s+under)?)\s+$",
    re.I,
)
_TIME_ZONE = re.compile(r"\s*(?:GMT|UTC|CET|CEST|BST|EST|EDT|PST|PDT|ET|PT|IST|JST)\b")
_CHROME_LINE = re.compile(
    r"^[\d.,]+\s*[KkMm]?\s+(?:comments?|shares?|views?|likes?|replies|reactions|readers|subscribers|followers)$"
)
# Conditional and speculative sentences state no fact (unless someone is cited as estimating it).
_CONDITIONAL = re.compile(r"\s*[\"“]?(?:if|unless|should|were|suppose|imagine|assuming)\b", re.I)
_MODAL = re.compile(r"\bwould\b", re.I)
_SAYS = re.compile(
    r"\b(?:estimates?|estimated|forecasts?|projects?|projected|expects?|expected|predicts?|predicted|says?|said|"
    r"according to|calculates?|calculated|found|finds)\b",
    re.I,
)
# A number without a unit is a claim when it is the value of a named measure ("the hazard ratio was 0.70").
_UNITLESS_MEASURE = re.compile(
    r"\b(?:(?i:ratio|rate|index|score|coefficient|multiple|average|median|factor|grade|rating)|[A-Z]{2,6})\s+"
    r"(?i:was|is|of|stood at|came in at|reached|hit|fell to|rose to|dropped to|climbed to|at|to|from)\s+"
    r"(?i:(?:about|around|roughly|nearly|an average of|a)\s+)?$"
)
# Settings under which something was measured.
_SETTING = re.compile(r"\bset\s+(?:at|to)\s+$", re.I)
_MEASURED_UNITS = {
    "%",
    "percentage points",
    "points",
    "rank",
    "x",
    "USD",
    "EUR",
    "GBP",
    "JPY",
    "CNY",
    "INR",
    "NOK",
    "SEK",
    "DKK",
    "CHF",
}
# A figure followed by who expected it: "the $1.58 analysts had pencilled in".
_EXPECTATION_AFTER = re.compile(
    r"\S+\s+(?:that\s+)?(?:analysts|economists|investors|markets?)\s+(?:had\s+|have\s+)?"
    r"(?:expected|forecast|anticipated|pencilled|penciled|predicted|estimated|projected)",
    re.I,
)
# A condition of the measurement ("74% on MRCR v2 at 1M tokens"), when a measured value came first.
_CONDITION = re.compile(r"\bat\s+(?:a\s+|an\s+)?$", re.I)
# Venue and link attributions reach only the clause they stand in.
_CLAUSE_BREAK = re.compile(r",?\s+(?:and|while|but|whereas)\s+(?=[A-Za-z#$])|,\s+so\s+|;\s+")
# The window a statement is framed in: "over the past two years", "within 24 hours of release".
_TIME_FRAME = re.compile(
    r"\b(?:(?:over|in|during|within|for)\s+the\s+(?:past|last|next|coming|first)|within)\s+$", re.I
)
_IDENTIFIER_BEFORE = re.compile(
    r"\b(?:token|page|step|chapter|item|line|row|issue|version|level|phase|"
    r"part|figure|table|section|episode|season|model|number|no\.)\s+$",
    re.I,
)
_GAP_WORDS = re.compile(
    r"\b(?:gap|lead|leads|ahead|higher|lower|behind|difference|margin|more than|"
    r"fewer|less than|gains?|gained|improves?|improved|improvement|jumps?|jumped|adds?|added|trails?)\b",
    re.I,
)
_EQUALITY = re.compile(
    r"\b(?:(?:is|are|stays?|remains?|was)\s+)?(?:at\s+the\s+same\s+(?:level|price|rate)\s+as|on\s+par\s+with|"
    r"the\s+same\s+as|identical\s+to|equal\s+to|in\s+line\s+with|unchanged\s+from|matches|matching)\s+",
    re.I,
)
_SHARE_WORDS = re.compile(
    r"\b(?:share|of\s+(?:organizations|companies|respondents|users|firms|"
    r"enterprises|businesses|people|adults|developers|teams))\b",
    re.I,
)
_PRICE_WORDS = re.compile(r"\b(?:price|prices|pricing|cost|costs|priced|fee|rate)\b", re.I)


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


def extract_claims(article: Article, nlp: Language, registry: Registry | None = None) -> list[Claim]:
    """Every quantitative claim of ``article``, in article order."""
    registry = registry or Registry.load()
    spans = article.paragraphs or _paragraph_spans(article.text)
    texts = [article.text[s:e] for s, e in spans]
    candidates: list[Candidate] = []
    last_subject: str | None = None
    venues_seen: set[str] = set()  # benchmark names are what is measured, never the subject
    salience: Counter[str] = Counter()  # how often each model was a subject: "the model" is the top one
    cited_so_far: list[str] = []  # sources cited so far in the article, for "the firm found"
    # Organisations the article names in full ("Corvid Labs"), and their short forms ("Corvid says").
    full_orgs = {n for _s, _e, n in sj.names_in(article.text) if _org_like(n)}
    article_orgs_named = full_orgs | {n.split()[0] for n in full_orgs}
    known_people: set[str] = set()  # people named in full so far: "Virtanen" is one after "Aino Virtanen"
    org_counts: Counter[str] = Counter()  # how often each organisation is named: "the company" is the top one
    article_orgs: list[str] = []
    for p_index, (doc, (p_start, _p_end)) in enumerate(zip(nlp.pipe(texts), spans, strict=True)):
        paragraph: list[Candidate] = []
        attributions: list[tuple[int, Attribution]] = []
        anaphoric: set[int] = set()  # sentences that continue the one before ("on the same test")
        own_work: set[int] = set()  # sentences about the publication's own tests ("in our runs")
        named_orgs: list[str] = [*article_orgs[-1:]]  # organisations named so far, for "the company said"
        previous_orgs: list[str] = []  # organisations named in the sentence before
        paragraph_cited: list[str] = []  # sources cited in this paragraph, for "she added"
        last_metric: str | None = None
        for s_index, sent in enumerate(doc.sents):
            s_text = sent.text
            s_offset = p_start + sent.start_char
            found = sentence_attributions(
                s_text,
                registry,
                offset=s_offset,
                links=article.links,
                article_url=article.url,
                people=_people(sent, known_people) - article_orgs_named,
                orgs={e.text for e in sent.ents if e.label_ in ("ORG", "GPE", "NORP")} | article_orgs_named,
            )
            cited_so_far += [a.source for a in found if a.kind == "cue"]
            paragraph_cited += [a.source for a in found if a.kind == "cue"]
            new_orgs = (
                [s.name for _a, _b, s in registry.find_mentions(s_text)]
                + [n for _s, _e, n in sj.names_in(s_text) if _org_like(n)]
                + [a.source for a in found if a.kind == "cue"]
            )
            named_orgs += new_orgs
            org_counts.update(named_orgs[len(named_orgs) - len(new_orgs) :] if new_orgs else [])
            anaphor = resolve_anaphoric_source(s_text)
            if anaphor is not None and not any(
                a.kind == "cue" and abs(a.start - anaphor[0]) < 40 for a in found
            ):
                at, kind, noun = anaphor
                recent = [o for o in previous_orgs + new_orgs if not _is_tracker(o, registry)]
                chosen = _antecedent(
                    kind, noun, named_orgs, cited_so_far, org_counts, recent, paragraph_cited
                )
                if chosen:
                    found.append(Attribution(chosen, at, at, "backward", "cue"))
            previous_orgs = list(new_orgs)
            if _CONTINUES.search(s_text):
                anaphoric.add(s_index)
            if _FIRST_PERSON.search(s_text):
                own_work.add(s_index)
            attributions.extend((s_index, a) for a in found if a.kind == "cue")
            all_cited = {a.source for a in found}
            measured_before = False
            q_starts = [q.start - sent.start_char for q, _s in _sentence_quantities(doc, sent)]
            sentence_metric: str | None = None
            sentence_units: dict[str, str] = {}  # the first metric stated for each unit in the sentence
            previous_q: Quantity | None = None
            for q, span in _sentence_quantities(doc, sent):
                q_start, q_end = q.start - sent.start_char, q.end - sent.start_char
                q = _sibling_unit(q, previous_q, doc.text)
                if q.unit == "" and _MAGNITUDE_WORD.search(q.text):
                    q = replace(q, unit="count")  # "averaged 4.8 million in the quarter": a count
                previous_q = q
                if not _is_claim(q, sent, s_text, q_start):
                    continue
                if _SETTING.search(s_text[:q_start]) or (
                    measured_before and _CONDITION.search(s_text[:q_start]) and not _is_measured_unit(q.unit)
                ):
                    continue  # "at 1M tokens", "brightness set to 150 nits": conditions of a measurement
                measured_before = True
                cited, (c_start, c_end) = _reaching(found, s_text, q_start, q_starts)
                frame = sj.frame_of(span)
                if _qualifies_another(span, doc._.quantities):
                    continue
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
                )
                metric = _metric(
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
                if metric:
                    last_metric = metric
                    venues_seen.update(n for _s, _e, n in sj.names_in(metric))
                if subject and (has_name_shape(subject) or subject[:1].isupper()):
                    last_subject = subject
                    if has_name_shape(subject):
                        salience[subject] += 1
                cand = Candidate(
                    quantity=replace(q, start=p_start + q.start, end=p_start + q.end),
                    quote=s_text.strip(),
                    start=s_offset + _lstrip_len(s_text),
                    end=s_offset + len(s_text.rstrip()),
                    paragraph=p_index,
                    subject=subject,
                    metric=metric,
                    kind=_kind(q, s_text, metric),
                    sentence=s_index,
                    sources=list(dict.fromkeys(cited)),
                    own_sources=bool(cited),
                    links=[a.href for a in found if a.href],
                )
                paragraph.append(cand)
            for cand in paragraph:
                if cand.sentence == s_index and cand.quantity.unit == "x" and cand.kind == "ratio":
                    _compared_with(cand, s_text)
            for subject_name, metric in _equalities(s_text, all_cited, last_subject):
                cand = Candidate(
                    quantity=Quantity(text="", start=s_offset, end=s_offset, value=1.0, unit="x", bound="="),
                    quote=s_text.strip(),
                    start=s_offset + _lstrip_len(s_text),
                    end=s_offset + len(s_text.rstrip()),
                    paragraph=p_index,
                    subject=subject_name,
                    metric=metric,
                    kind="equality",
                    sentence=s_index,
                    sources=list(all_cited),
                    own_sources=bool(all_cited),
                )
                paragraph.append(cand)
            # What "it" will stand for next: the last model-like thing named that is not a cited source.
            named = [
                n
                for _s, _e, n in sj.names_in(s_text)
                if has_name_shape(n)
                and n not in all_cited
                and not sj.is_benchmark_name(n)
                and n not in venues_seen
            ]
            if named:
                last_subject = named[-1]
        _spread_attributions([c for c in paragraph if c.sentence not in own_work], attributions, anaphoric)
        article_orgs = named_orgs
        candidates.extend(paragraph)
    claims = _merge(_fold_restatements(candidates), article.url or "")
    claims = _canonical_source_names(claims, article.text, registry)
    claims = check_consistency(claims)
    published = re.match(r"\d{4}", article.published or "")
    claims = check_elapsed_years(claims, article.text, int(published.group(0)) if published else None)
    return _add_topic(claims, article, list(spans))


def _add_topic(claims: list[Claim], article: Article, spans: list[tuple[int, int]]) -> list[Claim]:
    """A market share or a price that names no product category takes the one its paragraph (or else
    the headline) is about: "14% of the market" in a piece on phone shipments is a phone market share."""
    out = []
    for claim in claims:
        if not topics(f"{claim.metric or ''} {claim.subject or ''} {claim.quote}") and claim.metric:
            paragraph = next((article.text[s:e] for s, e in spans if s <= claim.start < e), "")
            found = topics(paragraph) or topics(article.title)
            if len(found) == 1:
                claim = replace(claim, metric=f"{claim.metric} ({found.pop()})")
        out.append(claim)
    return out


def _canonical_source_names(claims: list[Claim], text: str, registry: Registry) -> list[Claim]:
    """One organisation, one name: "Halcyon" cited in one sentence is the "Halcyon Labs" the article
    names in full elsewhere (registry sources already have their canonical name)."""
    names = {s for c in claims for s in c.sources if registry.get(s) is None}
    full: dict[str, str] = {}
    for name in names:
        pattern = re.escape(name) + r"((?:\s+[A-Z][\w&.-]*){1,2})"
        for m in re.finditer(pattern, text):
            words = m.group(0).split()
            while len(words) > len(name.split()) and words[-1].lower().rstrip(".,") not in ORG_SUFFIXES:
                words = words[:-1]
            if len(words) > len(name.split()):
                full[name] = " ".join(words).rstrip(".,")
                break
    return [replace(c, sources=tuple(dict.fromkeys(full.get(s, s) for s in c.sources))) for c in claims]


def _antecedent(
    kind: str,
    noun: str,
    named: list[str],
    cited: list[str],
    counts: Counter[str],
    recent: list[str] = (),  # type: ignore[assignment]
    paragraph_cited: list[str] = (),  # type: ignore[assignment]
) -> str | None:
    """What "the institute found" or "the company said" stands for: an organisation named before whose
    name holds the noun; for a company, one named in this or the sentence before (not a tracker), else
    the one the article names most; else the source cited last."""
    for name in reversed(named + cited):
        if noun and noun.split()[-1] in name.lower():
            return name
    if kind == "person":
        # "she added": whoever was quoted last in the paragraph, else the company.
        if paragraph_cited:
            return paragraph_cited[-1]
        kind = "company"
    if kind == "company" and recent:
        return recent[-1]
    if (kind == "company" or noun.startswith("same")) and counts:
        return counts.most_common(1)[0][0]
    pool = cited or named
    return pool[-1] if pool else None


_TRACKER_KINDS = {
    "analyst",
    "statistics",
    "aggregator",
    "leaderboard",
    "press",
    "research institute",
    "consultancy",
    "benchmark",
}


def _people(sent: Span, known: set[str]) -> set[str]:
    """People named in the sentence: full names, and single names that are the surname of someone named
    in full before (a lone capitalised word that speaks is more often an organisation: "Appfigures said")."""
    full = {e.text for e in sent.ents if e.label_ == "PERSON" and " " in e.text}
    known |= full
    surnames = {n.split()[-1] for n in known}
    return full | {e.text for e in sent.ents if e.label_ == "PERSON" and e.text in surnames}


def _is_tracker(name: str, registry: Registry) -> bool:
    """Whether an organisation is one that reports on others (an analyst firm, a leaderboard, the press)."""
    source = registry.get(name)
    return source is not None and source.kind in _TRACKER_KINDS


def _sibling_unit(q: Quantity, previous: Quantity | None, text: str) -> Quantity:
    """A bare number listed after a figure shares its unit: "2,980 in single-core and 15,420 in
    multi-core", "behind X at 71 and Y at 68", "to 450 crowns from 400", "57 points, eight fewer"."""
    if q.unit or previous is None or previous.unit in ("", "date") or previous.value is None:
        return q
    between = text[previous.end : q.start]
    if (
        len(between) > 70
        or re.search(r"\d", between)
        or not re.search(r"\b(?:and|or|at|to|from|than|versus|vs|against|while|with)\b|,", between)
    ):
        return q
    return replace(q, unit=previous.unit, scale=q.scale if q.scale is not None else previous.scale)


def _is_measured_unit(unit: str) -> bool:
    """Units of figures that are measured (shares, scores, money), not conditions of a measurement."""
    currency = unit.split(" per ")[0]
    return unit in _MEASURED_UNITS or currency == "crowns" or bool(re.fullmatch(r"[A-Z]{3}", currency))


def _org_like(name: str) -> bool:
    """A capitalised name that reads as an organisation ("Halvard Networks", "Pew Research Center")."""
    words = name.split()
    return len(words) >= 2 and words[-1].lower().rstrip(".,") in ORG_SUFFIXES | {
        "center",
        "centre",
        "networks",
    }


def _reaching(
    found: list[Attribution],
    sentence: str,
    q_start: int,
    q_starts: list[int] = (),  # type: ignore[assignment]
) -> tuple[list[str], tuple[int, int]]:
    """The sources cited for the number at ``q_start`` and the clause it stands in: cues reach the
    whole sentence, venues and links only their clause, "compiled by X" only the figure right before it
    (which then has that source alone)."""
    bounds = [0] + [m.end() for m in _CLAUSE_BREAK.finditer(sentence)] + [len(sentence) + 1]
    clause = next((a, b) for a, b in zip(bounds, bounds[1:], strict=False) if a <= q_start < b)
    own_by = [
        a
        for a in found
        if a.kind == "by" and max((s for s in q_starts if s < a.start), default=-1) == q_start
    ]
    if own_by:
        return [a.source for a in own_by], clause
    if _EXPECTATION_AFTER.match(sentence[q_start:]):
        return [], clause  # "the $1.58 analysts had pencilled in": a consensus, not the speaker's figure
    if re.search(r",\s+so\s+$", sentence[max(0, clause[0] - 8) : clause[0]]):
        # "..., so the Lumen is £200 cheaper": the article's own arithmetic on the figures cited before.
        return [a.source for a in found if clause[0] <= a.start < clause[1] and a.kind != "by"], clause
    found = [a for a in found if a.kind != "by"]
    in_clause = [a for a in found if clause[0] <= a.start < clause[1]]
    cues = [a for a in found if a.kind == "cue"]
    if len({a.source for a in cues}) > 1 and any(a.kind == "cue" for a in in_clause):
        # Two sources cited in two clauses ("..., according to X, and ..., Y estimates"): each its own.
        cues = [a for a in in_clause if a.kind == "cue"]
    return [a.source for a in cues] + [a.source for a in in_clause if a.kind != "cue"], clause


def _fold_restatements(cands: list[Candidate]) -> list[Candidate]:
    """A loose figure right after a precise one it agrees with ("58.6% ... More than half of ...") is
    the same claim restated: it is kept as a mention of the precise one."""
    out: list[Candidate] = []
    for cand in cands:
        q = cand.quantity
        host = None
        if q.bound in (">", ">=", "<", "<=", "~") and q.value is not None and not re.search(r"\d", q.text):
            for prev in reversed(out[-3:]):
                pq = prev.quantity
                if (
                    prev.paragraph == cand.paragraph
                    and pq.unit == q.unit
                    and pq.bound == "="
                    and pq.value is not None
                    and agrees(q.value, q.bound, pq.value)
                    and (not cand.subject or cand.subject == prev.subject or not has_name_shape(cand.subject))
                ):
                    host = prev
                    break
        if host is None:
            out.append(cand)
            continue
        restated = Candidate(
            quantity=host.quantity,
            quote=cand.quote,
            start=cand.start,
            end=cand.end,
            paragraph=cand.paragraph,
            subject=host.subject,
            metric=host.metric,
            kind=host.kind,
            sentence=cand.sentence,
            sources=cand.sources,
            own_sources=cand.own_sources,
            links=cand.links,
        )
        out.append(restated)
    return out


def _sentence_quantities(doc, sent: Span) -> Iterable[tuple[Quantity, Span]]:
    for q, span in doc._.quantities or []:
        if sent.start_char <= q.start < sent.end_char:
            yield q, span


def _is_claim(q: Quantity, sent: Span, text: str, q_start: int) -> bool:
    """Whether a quantity states a fact, rather than framing, instructing or naming something."""
    before = text[:q_start]
    after = text[q_start + len(q.text) :]
    if text.rstrip().endswith("?") or _CHROME_LINE.match(text.strip()):
        return False
    # The words a quantity starts with ("under " of "under 30") may be what makes it a qualifier.
    lead = q.text[: len(q.text) - len(q.text.lstrip("abcdefghijklmnopqrstuvwxyz ~<>"))]
    if (
        _STATISTICS.search(before[-40:])
        or _STATISTICS.match(after)
        or _QUALIFIER_BEFORE.search(before + lead)
    ):
        return False  # "95% confidence interval", "plus or minus 1.8 points", "those under 30"
    if _TIME_ZONE.match(after) or (
        re.search(r"\b(?:at|on)\s+$", before)
        and re.match(r"\s+[A-Z][a-z]", after)
        and q.unit in ("count", "")
    ):
        return False  # "by 0915 GMT", "at 28 Kingsway"
    if q.unit == "date":
        return bool(q.date and len(q.date) == 10 and _EVENT_VERBS.search(text)) and not _HYPOTHETICAL.search(
            before
        )
    if q.unit == "" and not _UNITLESS_MEASURE.search(before):
        return False
    if _CONDITIONAL.match(text) or (_MODAL.search(before[-60:]) and not _SAYS.search(text)):
        return False  # "If 100 adults walked, five fewer would ...", "a score of 1.0 would mean ..."
    if q.unit == "count" and q.value is not None and q.value < 2:
        return False
    if (
        not re.search(r"\d", q.text)
        and q.unit in ("count", "years", "months", "weeks", "days", "hours", "quarters")
        and ((q.value or 0) < 10)
    ):
        return False
    if sj.sentence_has_imperative(sent):
        return False
    if _HYPOTHETICAL.search(before) or _TIME_FRAME.search(before):
        return False
    if q.unit in ("", "count") and _IDENTIFIER_BEFORE.search(before):
        return False  # "token 50,000", "model 3"
    return True


def _metric(
    text: str,
    q: Quantity,
    span: Span,
    q_start: int,
    q_end: int,
    cited: list[str],
    last_metric: str | None,
    registry: Registry,
    clause_start: int = 0,
    frame: sj.Frame | None = None,
    previous_in_sentence: str | None = None,
    parallel: str | None = None,
) -> str | None:
    if q.unit == "date":
        event = _EVENT_VERBS.search(text)
        return f"{_EVENT_NAMES.get(event.group(0).lower()[:5], 'event')} date" if event else "date"
    share_of = q.unit == "%" and re.match(r"\s+of\b", text[q_end:])
    venue = sj.find_venue(text, q_start, q_end, cited, clause_start)
    gap = q.unit in ("points", "percentage points") and _GAP_WORDS.search(text[clause_start:])
    if venue is None and sj.refers_to_previous_metric(text) and last_metric:
        base = last_metric.removesuffix(" difference")
        return f"{base} difference" if gap else base
    measure = sj.measure_words(span, q)
    if q.unit == "rank":
        measure = "rank"
    elif (
        q.unit == "points"
        and q.scale is not None
        or re.search(r"\bscore\b", text[max(0, q_start - 25) : q_start])
    ):
        measure = "score"
    elif venue and q.unit == "%":
        measure = measure if measure and "score" in measure else "score"
    elif q.unit == "percentage points" or (q.unit == "points" and _GAP_WORDS.search(text)):
        measure = "difference"
        if frame and frame.subject and not frame.subject_is_name and not frame.subject_is_pronoun:
            measure = f"{frame.subject} change"  # "its share rose 1.2 percentage points"
    if venue is None:
        # "BenchLM gave it a score of 93": the cited leaderboard is where the figure stands.
        for name in cited:
            source = registry.get(name)
            kind = source.kind if source is not None else "unknown"  # an unlisted reviewer, lab, tracker
            if kind not in ("vendor", "press") and measure in ("score", "rank"):
                venue = source.name if source is not None else name
        if venue is None and measure in ("rank", "score") and last_metric:
            venue = last_metric.rsplit(" ", 1)[0] if last_metric.endswith((" score", " rank")) else None
    predicate = sj.predicate_words(text, q_end) if q.unit == "%" else None
    if predicate and not measure:
        measure = "share " + predicate
    elif share_of and not measure:
        whole = re.match(
            r"\s+of\s+((?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+?)(?=\s+(?:in|on|at|for|by|during|since|,)\b|[,.;]|$)",
            text[q_end:],
        )
        if whole:
            measure = "share of " + whole.group(1)
    parts = [p for p in (venue, measure) if p]
    if venue and measure and measure in venue:
        parts = [venue]
    elif venue and measure and venue in measure:
        parts = [measure]
    if not parts:
        return _metric_from_frame(q, frame, previous_in_sentence, text[q_end:], parallel)
    if (
        q.unit == "count"
        and measure
        and not venue
        and frame
        and frame.verb
        and frame.verb not in _REPORTING_VERBS
    ):
        parts = [measure, frame.verb]  # "phones shipped": what was done to what is counted
    return " ".join(parts)


def _change_after(after: str) -> str | None:
    """ "41% more than a year earlier", "12% lower than in 2024": a change against an earlier figure."""
    m = re.match(
        r"\s+(more|higher|up|above|less|lower|down|below|fewer)\s+(?:than|from|on|compared)\b", after
    )
    if not m:
        return None
    return "up" if m.group(1) in ("more", "higher", "up", "above") else "down"


def _metric_from_frame(
    q: Quantity, frame: sj.Frame | None, previous: str | None, after: str = "", parallel: str | None = None
) -> str | None:
    """When nothing next to the number names the measure, the clause does: "measured its output speed
    at 200 tokens per second", "smartphone revenue reached $112 billion", "pretrained on 15 trillion
    tokens"; a change stated after a figure ("..., up 3.1%") measures that figure's growth."""
    if q.unit == "count":
        counted = re.findall(
            r"[A-Za-z][\w-]*", re.sub(r"\b(?:million|billion|trillion|thousand|hundred)\b", "", q.text)
        )
        if counted:
            return " ".join(counted)  # "120 billion parameters"
    direction = q.direction or _change_after(after)
    if direction and previous and q.unit in ("%", "percentage points", "x"):
        base = previous.removesuffix(" growth").removesuffix(" decline")
        return f"{base} {'growth' if direction == 'up' else 'decline'}"
    if parallel:
        return parallel  # "Samsung took 23% of shipments, while Apple took 17%"
    if frame is None:
        return None
    if frame.obj:
        return frame.obj
    if (
        frame.subject
        and not frame.subject_is_name
        and not frame.subject_is_pronoun
        and frame.verb in sj.LINKING
    ):
        return frame.subject
    if frame.verb and q.unit not in ("", "count", "%"):
        return f"{frame.verb} {q.unit}"
    return None


def _kind(q: Quantity, text: str, metric: str | None) -> str:
    m = metric or ""
    if q.unit == "date":
        return "date"
    if q.unit == "rank":
        return "rank"
    if q.unit == "x":
        return "ratio"
    if q.unit == "percentage points" or m.endswith("difference"):
        return "difference"
    if q.unit.startswith(("USD", "EUR", "GBP", "JPY", "CNY", "INR")) and (
        " per " in q.unit or _PRICE_WORDS.search(text)
    ):
        return "price"
    if q.unit == "%" and (_SHARE_WORDS.search(m) or _SHARE_WORDS.search(text[q.end - q.start :])):
        return "share"
    if q.unit == "points" or m.endswith("score"):
        return "score"
    if q.unit == "count":
        return "count"
    return "measurement"


def _equalities(text: str, cited: set[str], previous: str | None = None) -> list[tuple[str, str]]:
    """ "GPT-5.5 API pricing is at the same level as GPT-5.4": one subject stated equal to another on a
    measure ("it costs ..., priced the same as X": "it" is the model named last). Returns
    (subject "A vs B", metric)."""
    out = []
    for m in _EQUALITY.finditer(text):
        after = sj.names_in(text[m.end() : m.end() + 40])
        before = [n for n in sj.names_in(text[: m.start()]) if n[2] not in cited and has_name_shape(n[2])]
        if not after or after[0][0] != 0 or not has_name_shape(after[0][2]):
            continue
        if before:
            left_name, measure = before[-1][2], text[before[-1][1] : m.start()]
        elif previous and re.search(r"\b(?:it|its|the model)\b", text[: m.start()], re.I):
            left_name, measure = previous, text[: m.start()]
        else:
            continue
        measure = re.sub(r"^(?:'s\s+)?", "", measure.strip())
        measure = re.sub(r"\b(?:is|are|was|were|stays?|remains?|maintains?|has|have)\b", "", measure)
        measure = re.sub(r"\s+", " ", measure).strip(" ,")
        if re.search(r"\d|,", measure) or len(measure.split()) > 4:
            measure = "price" if _PRICE_WORDS.search(text) else "level"
        out.append((f"{left_name} vs {after[0][2]}", f"{measure or 'level'} ratio"))
    return out


def _compared_with(cand: Candidate, sentence: str) -> None:
    """ "Kestrel-3 delivers three times the throughput of Kestrel-2", "twice as fast as X": a ratio
    between two subjects, on the measure named between the number and the second subject."""
    at = sentence.find(cand.quantity.text)
    m = _TIMES_THE.match(sentence[at + len(cand.quantity.text) :]) if at >= 0 else None
    if not m or not cand.subject or " vs " in cand.subject:
        return
    cand.subject = f"{cand.subject} vs {m.group('other').rstrip('.,;:')}"
    cand.metric = f"{m.group('measure') or m.group('adj')} ratio"


# "three times the throughput of Kestrel-2", "twice as fast as Llama 4", "2x the speed of X".
_TIMES_THE = re.compile(
    r"\s+(?:the\s+(?P<measure>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+of|as\s+(?P<adj>[a-z]+)\s+as)\s+"
    r"(?P<other>[A-Z][\w.-]*(?:\s+(?:[A-Z][\w.-]*|\d+(?:\.\d+)*))*)"
)


def _is_proper_at(sent: Span, at: int) -> bool:
    """Whether the word at character ``at`` of the sentence is a proper noun (not "Smartphone makers")."""
    token = next((t for t in sent if t.idx - sent.start_char == at), None)
    return token is None or token.pos_ == "PROPN" or at > 0


def _qualifies_another(span: Span, quantities: list[tuple[Quantity, Span]]) -> bool:
    """A number inside a reduced relative clause of another figure's subject defines what is counted
    ("phones priced at $600 or more made up 30 to 40 percent"): it is not a claim of its own."""
    acl = next((t for t in span.root.ancestors if t.dep_ == "acl"), None)
    if acl is None or acl.head.dep_ not in ("nsubj", "nsubjpass"):
        return False
    verb = acl.head.head
    return any(
        other.root is not span.root and (other.root.head is verb or verb in other.root.ancestors)
        for _q, other in quantities
    )


def _spread_attributions(
    cands: list[Candidate], attributions: list[tuple[int, Attribution]], anaphoric: set[int]
) -> None:
    """Give unattributed candidates the sources that reach them within their paragraph: a cue at the
    end of a sentence reaches back over the sentences before it, one at the start reaches forward, and
    a sentence that continues the one before ("Its predecessor managed 54% on the same test") shares
    that sentence's sources."""
    for cand in cands:
        if cand.own_sources:
            continue
        here = cand.sentence
        for s_index, att in attributions:
            reaches = (att.scope == "backward" and s_index > here) or (
                att.scope == "forward" and s_index < here
            )
            continued = here in anaphoric and s_index == here - 1
            if (reaches or continued) and att.source not in cand.sources:
                cand.sources.append(att.source)


def _merge(cands: list[Candidate], article_url: str) -> list[Claim]:
    """Candidates restating one figure about one thing become one claim with several mentions."""
    groups: list[list[Candidate]] = []  # the first candidate of each group states the claim
    for cand in cands:
        target = next(
            (g for g in groups if _same_claim(_stated(g), cand, cand.paragraph in {c.paragraph for c in g})),
            None,
        )
        if target is None:
            groups.append([cand])
        else:
            target.append(cand)
    return _assign_ids([_claim_of(group) for group in groups], article_url)


def _stated(group: list[Candidate]) -> Candidate:
    """What a group of candidates states so far: the first one, with the subject and metric that a
    restatement supplied where it left them open."""
    return replace(
        group[0],
        subject=next((c.subject for c in group if c.subject), None),
        metric=next((c.metric for c in group if c.metric), None),
    )


def _claim_of(group: list[Candidate]) -> Claim:
    """One claim from the candidates that state it: the first statement's quote and sources stand, the
    restatements fill in what it left open."""
    first = group[0]
    mentions = tuple(dict.fromkeys(Mention(c.quote, c.start, c.end) for c in group))
    sources = next((c.sources for c in group if c.sources), [])
    scale = next((c.quantity.scale for c in group if c.quantity.scale is not None), None)
    return Claim(
        id="",
        quote=first.quote,
        start=first.start,
        end=first.end,
        quantity=replace(first.quantity, scale=scale),
        subject=next((c.subject for c in group if c.subject), None),
        metric=next((c.metric for c in group if c.metric), None),
        kind=first.kind,
        sources=tuple(dict.fromkeys(sources)),
        links=tuple(dict.fromkeys(u for c in group for u in c.links)),
        mentions=mentions,
    )


def _same_claim(claim: Candidate, cand: Candidate, nearby: bool = True) -> bool:
    """Whether a candidate restates a claim. Far from it (another paragraph), a figure without a
    subject must say what it measures in the same words to count as the same claim."""
    q = cand.quantity
    if not nearby and (not claim.subject or not cand.subject):
        shared = _content_words(claim.metric) & _content_words(cand.metric) or _name_tokens(
            claim.metric
        ) & _name_tokens(cand.metric)
        named_in_quote = bool(_name_tokens(claim.metric)) and _name_tokens(claim.metric) <= set(
            w.lower() for w in re.findall(r"[\w.-]+", cand.quote)
        )
        generic = (
            not (_content_words(cand.metric) and _content_words(claim.metric))
            and cand.kind == claim.kind
            and claim.kind in ("difference", "ratio", "rank", "score", "equality")
        )
        if not (shared or named_in_quote or generic):
            return False
    vague = cand.subject is None and cand.metric is None  # "From 36.6% to 74.0%": a bare restatement
    if claim.quantity.unit != q.unit or (claim.kind != cand.kind and not vague):
        return False
    if (claim.quantity.value, claim.quantity.low, claim.quantity.high, claim.quantity.date) != (
        q.value,
        q.low,
        q.high,
        q.date,
    ):
        return False
    if claim.subject and cand.subject and _norm(claim.subject) != _norm(cand.subject):
        return False
    return _metrics_compatible(claim.metric, cand.metric)


_GENERIC_METRIC_WORDS = {
    "score",
    "ratio",
    "difference",
    "share",
    "rank",
    "level",
    "the",
    "of",
    "in",
    "on",
    "at",
    "a",
    "an",
    "for",
    "to",
}


def _metrics_compatible(a: str | None, b: str | None) -> bool:
    names_a, names_b = _name_tokens(a), _name_tokens(b)
    if names_a and names_b:
        return bool(names_a & names_b)
    words_a, words_b = _content_words(a), _content_words(b)
    if not words_a or not words_b:
        return True
    return bool(words_a & words_b)


def _content_words(metric: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9.-]+", (metric or "").lower()) if w not in _GENERIC_METRIC_WORDS}


def _name_tokens(metric: str | None) -> set[str]:
    if not metric:
        return set()
    return {
        t.lower() for t in re.findall(r"[\w.-]+", metric) if t[0].isupper() or any(ch.isdigit() for ch in t)
    }


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9.]+", " ", s.lower()).strip()


def _assign_ids(claims: list[Claim], article_url: str) -> list[Claim]:
    """Stable ids: the same figure about the same thing in the same article keeps its id on re-ingest."""
    seen: set[str] = set()
    out = []
    for claim in claims:
        key = "|".join(
            str(x)
            for x in (
                article_url,
                _norm(claim.subject or ""),
                claim.metric,
                claim.quantity.value,
                claim.quantity.low,
                claim.quantity.high,
                claim.quantity.date,
                claim.quantity.unit,
            )
        )
        digest = hashlib.sha1(key.encode()).hexdigest()[:10]
        n, cid = 1, f"c{digest}"
        while cid in seen:
            n += 1
            cid = f"c{digest}-{n}"
        seen.add(cid)
        out.append(replace(claim, id=cid))
    return out


def _paragraph_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", text):
        if m.group(0).strip():
            spans.append((m.start(), m.end()))
    return spans


def _lstrip_len(s: str) -> int:
    return len(s) - len(s.lstrip())
