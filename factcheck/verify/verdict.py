"""Comparison and verdict: does the evidence found state the claimed figure?

Pure functions over a claim and the scored facts found for it in each cited source. A figure is
compared with the tolerance its statement allows (see ``tolerance``); comparative claims ("more than
double", "at the same level as") are computed from the two sides' figures, or read from a passage
that states the comparison itself.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.evidence.periods import period_label
from factcheck.models import Claim, Evidence, Fact, FetchInfo, Review
from factcheck.quantities.finder import find_quantities
from factcheck.quantities.tolerance import agrees, describe, describe_values

#: Evidence scoring below this is too weak to decide a verdict (scores are evidence.find_evidence's).
THRESHOLD = 0.5


@dataclass(frozen=True)
class Found:
    """A fact found for a claim in one source, with its match score and the document's provenance."""

    source: str
    fact: Fact
    score: float
    info: FetchInfo | None = None
    like: str = "like"  # like, support or context (``evidence.matching.Candidate``)
    why: str = ""


def unsourced() -> Review:
    return Review("unsourced", "The article cites no source for this figure.", confidence=0.9)


def unverified(reason: str, explanation: str) -> Review:
    return Review("unverified", explanation, confidence=0.5, reason=reason)


def comparable_value(claim_unit: str, fact: Fact, direction: str | None = None) -> float | None:
    """The fact's figure in the claim's unit (a share of 0.47 is 47%); for a claim of a change in
    ``direction``, as large as the change is in that direction: "-3.0%" or "down 3%" is 3 for a fall, -3
    for a rise."""
    value = fact.quantity.value
    if value is None:
        if fact.quantity.low is not None and fact.quantity.high is not None:
            return (fact.quantity.low + fact.quantity.high) / 2
        return None
    if claim_unit == "%" and fact.quantity.unit in ("", "count") and 0 < value <= 1:
        value = value * 100
    if direction in ("up", "down"):
        went = fact.quantity.direction or ("down" if value < 0 else "up" if value > 0 else None)
        if went is not None:
            value = abs(value) if went == direction else -abs(value)
    return value


def judge_direct(claim: Claim, found: list[Found]) -> Review | None:
    """A verdict from facts that state the claim's own figure, or None when none is strong enough.

    A fact agreeing with the claim supports it unless it is about another period or variant; only a fact
    like for like (the same subject, measure, period and variant) contradicts it. When the strong facts are
    only related ones, the claim is unverified, and they are shown beside the verdict as context."""
    strong = [f for f in found if f.score >= THRESHOLD and f.like != "context"]
    related = [f for f in found if f.score >= THRESHOLD and f.like == "context"]
    if not strong:
        return _related_only(claim, related)
    verdicts = []
    for f in strong:
        value = comparable_value(claim.quantity.unit, f.fact, claim.quantity.direction)
        if value is None:
            continue
        q = f.fact.quantity
        if q.bound == "range" and q.low is not None and q.high is not None:
            # A range stated by the source agrees with a figure or range that falls within it or holds it.
            if (
                claim.quantity.bound == "range"
                and claim.quantity.low is not None
                and claim.quantity.high is not None
            ):
                ok = (
                    claim.quantity.low <= q.low
                    and q.high <= claim.quantity.high
                    or q.low <= claim.quantity.low
                    and claim.quantity.high <= q.high
                )
            elif claim.quantity.value is not None:
                ok = agrees(q.low, "range", claim.quantity.value, low=q.low, high=q.high)
            else:
                continue
        elif (
            claim.quantity.bound == "range"
            and claim.quantity.low is not None
            and claim.quantity.high is not None
        ):
            ok = agrees(claim.quantity.low, "range", value, low=claim.quantity.low, high=claim.quantity.high)
        elif claim.quantity.value is not None:
            ok = agrees(claim.quantity.value, claim.quantity.bound, value, unit=claim.quantity.unit)
            if not ok and claim.kind == "rank" and f.fact.quantity.unit != "rank":
                continue
        else:
            continue
        verdicts.append((ok, f, value))
    unlike = [(ok, f, v) for ok, f, v in verdicts if not ok and f.like != "like"]
    verdicts = [(ok, f, v) for ok, f, v in verdicts if ok or f.like == "like"]
    if not verdicts:
        return _related_only(claim, [f for _ok, f, _v in unlike] + related)
    best_support = max((f.score for ok, f, _ in verdicts if ok), default=0.0)
    best_contra = max((f.score for ok, f, _ in verdicts if not ok), default=0.0)
    supported = best_support > 0 and best_support >= best_contra - 0.15
    chosen = [(ok, f, v) for ok, f, v in verdicts if ok == supported]
    chosen.sort(key=lambda x: -x[1].score)
    _ok, top, top_value = chosen[0]
    stated = describe(
        claim.quantity.value,
        claim.quantity.bound,
        claim.quantity.unit,
        claim.quantity.low,
        claim.quantity.high,
        claim.quantity.scale,
    )
    where = _where(top)
    tq = top.fact.quantity
    given = (
        describe(None, "range", claim.quantity.unit, tq.low, tq.high)
        if tq.bound == "range"
        else describe(top_value, "=", claim.quantity.unit, scale=tq.scale)
    )
    gives = f"{where} gives {given} for {_about(top)}{_period(top)}"
    if supported:
        text, verdict = f"{gives}, matching the claimed {stated}.", "supported"
    else:
        same = "the same subject, measure and period" if top.fact.period else "the same subject and measure"
        text = f"{gives}, {same} as the claim, not {stated} as claimed."
        verdict = "contradicted"
    conflict = best_support > 0 and best_contra > 0
    confidence = round(min(0.99, top.score * (0.7 if conflict else 1.0)), 2)
    evidence = tuple(_evidence(f, "supports" if ok else "contradicts", v) for ok, f, v in chosen[:3])
    shown = {id(f) for _ok, f, _v in chosen[:3]}
    evidence += tuple(
        _evidence(f, "context", comparable_value(claim.quantity.unit, f.fact))
        for f in [f for _ok, f, _v in unlike] + related
        if id(f) not in shown
    )[:2]
    return Review(verdict, text, confidence=confidence, evidence=evidence)


def _period(f: Found) -> str:
    return f" in {period_label(f.fact.period)}" if f.fact.period else ""


def _related_only(claim: Claim, related: list[Found]) -> Review | None:
    """Unverified, with the related facts beside it: figures for another period or variant, or of a measure
    that matches less closely, which neither bear the claim out nor prove it wrong."""
    if not related:
        return None
    top = max(related, key=lambda f: f.score)
    value = comparable_value(claim.quantity.unit, top.fact)
    unit = claim.quantity.unit
    given = describe(value, "=", unit) if value is not None else "a figure"
    text = (
        f"{_where(top)} gives {given} for {_about(top)}{_period(top)}, {top.why or 'a related figure'}: "
        "not like for like, so it neither supports nor contradicts the claim."
    )
    evidence = tuple(_evidence(f, "context", comparable_value(unit, f.fact)) for f in related[:3])
    return Review("unverified", text, confidence=0.4, reason="no like-for-like figure", evidence=evidence)


def judge_comparison(
    claim: Claim, sides: list[list[Found]], stated_ratio: list[Found], operation: str
) -> Review | None:
    """A verdict on "A is N times / N points more than B": computed from each side's figures measured
    the same way, else from a passage that states the comparison itself."""
    assert claim.quantity.value is not None
    stated = describe(claim.quantity.value, claim.quantity.bound, claim.quantity.unit)
    computed_review = _computed(claim, sides, operation, stated)
    if computed_review is not None:
        return computed_review
    return _stated(claim, stated_ratio, stated)


def _stated(claim: Claim, stated_ratio: list[Found], stated: str) -> Review | None:
    """A verdict from a passage that states the comparison itself ("costs 2.0x as much")."""
    assert claim.quantity.value is not None
    direct = [f for f in stated_ratio if f.score >= THRESHOLD and f.fact.quantity.value is not None]
    if not direct:
        return None
    top = max(direct, key=lambda f: f.score)
    value = top.fact.quantity.value
    assert value is not None
    ok = agrees(claim.quantity.value, claim.quantity.bound, value) or (
        claim.kind == "equality" and abs(value - 1) < 0.02
    )
    text = (
        f"{_where(top)} states {describe(value, top.fact.quantity.bound, 'x')}"
        f"{', matching' if ok else ', not'} the claimed {stated}."
    )
    return Review(
        "supported" if ok else "contradicted",
        text,
        confidence=round(top.score, 2),
        evidence=(_evidence(top, "supports" if ok else "contradicts", value),),
    )


def _computed(claim: Claim, sides: list[list[Found]], operation: str, stated: str) -> Review | None:
    """A verdict computed from each side's figures, measured the same way."""
    assert claim.quantity.value is not None
    if len(sides) != 2 or not sides[0] or not sides[1]:
        return None
    pairs = []
    for a in sides[0]:
        for b in sides[1]:
            if a.score < THRESHOLD or b.score < THRESHOLD or a.fact.quantity.unit != b.fact.quantity.unit:
                continue
            if _label(a.fact) != _label(b.fact) and not _in_turn(a, b, sides):
                continue
            if a.fact.variant and b.fact.variant and a.fact.variant != b.fact.variant:
                continue  # "(xhigh)" is compared with "(xhigh)", not with "(medium)"
            va, vb = a.fact.quantity.value, b.fact.quantity.value
            if va is None or vb is None or (operation == "ratio" and vb == 0):
                continue
            computed = va / vb if operation == "ratio" else va - vb
            pairs.append((a.score + b.score, a, b, computed))
    # the claim's own sentence may give both sides' figures ("From 36.6% to 74.0%, more than double"): of a
    # measure the source gives at several lengths or settings, the row holding those figures is meant
    quoted = [
        v
        for q in find_quantities(claim.quote, include_dates=False)
        for v in (q.value, q.low, q.high)  # "from 36.6% to 74.0%" may be read as a range
        if v is not None
    ]
    named = [
        p
        for p in pairs
        if _among(p[1].fact.quantity.value, quoted) and _among(p[2].fact.quantity.value, quoted)
    ]
    pairs = named or pairs
    if not pairs:
        return None
    pairs.sort(key=lambda p: -p[0])
    ratios = [p[3] for p in pairs]
    ok_all = [agrees(claim.quantity.value, claim.quantity.bound, r) for r in ratios]
    ok = ok_all[0]
    _s, a, b, computed = pairs[0]
    # One pair per thing measured (input and output price), best first, for the explanation.
    shown_pairs = list({_label(p[1].fact): p for p in reversed(pairs)}.values())[::-1][:2]
    unit = a.fact.quantity.unit
    a_vals = describe_values([p[1].fact.quantity.value for p in shown_pairs], unit)
    b_vals = describe_values([p[2].fact.quantity.value for p in shown_pairs], unit)
    name = "a ratio" if operation == "ratio" else "a difference"
    shown = f"{computed:.2f}".rstrip("0").rstrip(".") if operation == "ratio" else f"{computed:g}"
    if operation == "ratio" and "." not in shown:
        shown += ".0"
    claimed = f"{claim.quantity.value:g}" if claim.kind == "equality" else stated
    text = (
        f"{a.source} lists {a.fact.subject} at {a_vals} and {b.fact.subject} at {b_vals}, {name} of "
        f"{shown}{', as claimed' if ok else f', not {claimed} as claimed'}."
    )
    relation = "supports" if ok else "contradicts"
    evidence = tuple(_evidence(f, relation, f.fact.quantity.value) for p in shown_pairs for f in (p[1], p[2]))
    confidence = round(min(a.score, b.score) * (1.0 if all(x == ok for x in ok_all) else 0.7), 2)
    return Review("supported" if ok else "contradicted", text, confidence=confidence, evidence=evidence)


def _in_turn(a: Found, b: Found, sides: list[list[Found]]) -> bool:
    """Whether two facts are figures of one sentence stated in the same order for each side ("costs $5 and
    $30 per million tokens, double GPT-5.4's $2.50 and $15"): the first with the first, the second with the
    second."""
    if a.fact.quote != b.fact.quote or a.fact.location not in ("sentence", "pdf"):
        return False

    def starts(side: list[Found], like: Found) -> list[int]:
        return sorted(
            {
                f.fact.quantity.start
                for f in side
                if f.fact.quote == like.fact.quote
                and f.fact.quantity.unit == like.fact.quantity.unit
                and f.fact.quantity.value is not None
            }
        )

    mine, theirs = starts(sides[0], a), starts(sides[1], b)
    return len(mine) == len(theirs) and mine.index(a.fact.quantity.start) == theirs.index(
        b.fact.quantity.start
    )


def _among(value: float | None, values: list[float]) -> bool:
    return value is not None and any(abs(value - v) <= 1e-6 * max(1.0, abs(v)) for v in values)


def _label(fact: Fact) -> str:
    """What a side's figure measures, so that input prices are compared with input prices."""
    return (fact.metric or "").lower().replace(fact.subject.lower() if fact.subject else "", "").strip()


def _where(f: Found) -> str:
    host = f.fact.url.split("/")[2] if f.fact.url.count("/") >= 2 else f.fact.url
    return f"{f.source} ({host})" if host and f.source.lower().replace(" ", "") not in host else f.source


def _about(f: Found) -> str:
    """What the passage is about: subject and metric label of a table cell or list entry; for prose,
    the subject and the sentence itself, quoted."""
    if f.fact.location in ("sentence", "pdf"):
        quote = f.fact.quote if len(f.fact.quote) <= 140 else f.fact.quote[:139] + "…"
        return f'{f.fact.subject or "this figure"} ("{quote}")'
    parts = [p for p in (f.fact.subject, f.fact.metric) if p]
    return ", ".join(parts) if parts else "this figure"


def _evidence(f: Found, relation: str, value: float | None) -> Evidence:
    info = f.info
    return Evidence(
        source=f.source,
        url=f.fact.url,
        quote=f.fact.quote,
        location=f.fact.location,
        value=value,
        unit=f.fact.quantity.unit,
        subject=f.fact.subject,
        metric=f.fact.metric,
        retrieved_at=info.fetched_at if info else None,
        sha256=info.sha256 if info else None,
        archive=info.archive if info else None,
        relation=relation,
    )


def judge_change(
    claim: Claim, earlier: Found, later: Found, periods: tuple[str, str], relative: bool = False
) -> Review:
    """A verdict on a change over time from the same figure in two periods: in points ("its share rose 1.2
    points"), or, ``relative``, in per cent of the earlier figure ("net income rose 12%")."""
    assert claim.quantity.value is not None and earlier.fact.quantity.value is not None
    assert later.fact.quantity.value is not None
    before, after = earlier.fact.quantity.value, later.fact.quantity.value
    change = (after - before) / abs(before) * 100 if relative and before else after - before
    ok = agrees(claim.quantity.value, claim.quantity.bound, abs(change)) and (
        claim.quantity.direction is None or (claim.quantity.direction == "up") == (change > 0)
    )
    unit = later.fact.quantity.unit
    stated = describe(claim.quantity.value, claim.quantity.bound, claim.quantity.unit)
    by = f"{change:+.1f}%" if relative else f"{change:+.1f} points"
    if periods == ("before", "after"):
        where = f"from {describe(before, '=', unit)} to {describe(after, '=', unit)}"
    else:
        now, then = describe(after, "=", unit), describe(before, "=", unit)
        where = f"at {now} in {periods[1]} and {then} in {periods[0]}"
    text = (
        f"{later.source} lists {later.fact.subject} {where}, a change of {by}"
        f"{', as claimed' if ok else ', not ' + stated}."
    )
    relation = "supports" if ok else "contradicts"
    return Review(
        "supported" if ok else "contradicted",
        text,
        confidence=round(min(earlier.score, later.score), 2),
        evidence=(
            _evidence(later, relation, after),
            _evidence(earlier, relation, before),
        ),
    )
