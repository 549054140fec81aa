"""Changes over time read from two figures of one measure: in points ("its share rose 1.2 points") or in
per cent ("net income rose 12% from a year earlier"), from a table's two periods or from the two figures of
one sentence ("rose from 87.2% to 91.4%")."""

from __future__ import annotations

import re

from factcheck.evidence.matching import candidates
from factcheck.evidence.periods import period_from_key, period_label
from factcheck.evidence.prose_facts import EARLIER
from factcheck.metric_words import CHANGE_WORDS, stem
from factcheck.models import Claim, Fact, FetchInfo, Quantity, Review
from factcheck.verify.verdict import THRESHOLD, Found, judge_change

#: What a cited source gives the change search: its name, its facts, and each fact's provenance by id.
Source = tuple[str, list[Fact], dict[int, FetchInfo]]
# units a level of a measure is never in
_NOT_LEVELS = {"%", "x", "rank", "date", "percentage points", "points"}


def change_over_time(claim: Claim, sources: list[Source], relative: bool) -> Review | None:
    """The verdict on a claimed change from the same measure in two periods (or the earlier and later figure
    of one sentence), best-matching group first; None when no source gives the measure twice."""
    metric = " ".join(w for w in (claim.metric or "").split() if stem(w.lower()) not in CHANGE_WORDS) or None
    for name, facts, info in sources:
        units = {"%"} if not relative else {f.quantity.unit for f in facts} - _NOT_LEVELS
        dated: list[tuple[tuple[int, int], tuple[str, str, str, str], Found]] = []
        seen: set[int] = set()
        for unit in sorted(units):
            probe = Claim(
                id=claim.id,
                quote=claim.quote,
                start=claim.start,
                end=claim.end,
                quantity=Quantity(text="", start=0, end=0, unit=unit),
                subject=claim.subject,
                metric=metric,
                kind="change",
            )
            for c in candidates(probe, facts):
                fact, score = c.fact, c.score
                if id(fact) in seen or score < THRESHOLD or fact.quantity.value is None:
                    continue
                if c.like == "context":
                    continue
                seen.add(id(fact))
                found = Found(name, fact, score, info.get(id(fact)), c.like, c.why)
                order = _order(fact)
                if order is not None:
                    dated.append((order, (*_measure(fact), _kind(fact)), found))
        # Groups in document order; the best-matching group decides (a tablet table loses to a phone one).
        groups = []
        for label in dict.fromkeys(d[1] for d in dated):
            same = sorted((d for d in dated if d[1] == label), key=lambda d: d[0])
            if len(same) >= 2 and same[-1][0] != same[-2][0]:
                groups.append((min(same[-1][2].score, same[-2][2].score), same[-2][2], same[-1][2]))
        if groups:
            _score, earlier, later = max(groups, key=lambda g: g[0])
            periods = (
                period_label(earlier.fact.period) or "before",
                period_label(later.fact.period) or "after",
            )
            review = judge_change(claim, earlier, later, periods, relative)
            if review.verdict == "contradicted" and not earlier.like == later.like == "like":
                return None  # figures that only match less closely bear a change out, never disprove it
            return review
    return None


def _order(fact: Fact) -> tuple[int, int] | None:
    """Where a figure stands in time: its period's order; in a sentence, the earlier figure of a change
    before the later one ("rose from 87.2% to 91.4%")."""
    period = period_from_key(fact.period)
    if period is not None:
        return period.order()
    if fact.location in ("sentence", "pdf"):
        return (0, 0) if fact.period == EARLIER else (0, 1)
    return None


def _kind(fact: Fact) -> str:
    """The kind of a figure's period: two periods of one kind are compared (a month with a month, a year with
    a year), never a year to date with a month."""
    period = period_from_key(fact.period)
    if period is None:
        return ""
    return "YTD" if period.part == "YTD" else period.part[:1] + ("FY" if period.fiscal else "")


def _measure(fact: Fact) -> tuple[str, str, str]:
    """The same measure in one table ("1Q26 Market Share" and "1Q25 Market Share"), or in one sentence."""
    if fact.location in ("sentence", "pdf"):
        return (fact.url, fact.quote, fact.quantity.unit)  # its clauses word the measure differently
    return (fact.url, fact.context, re.sub(r"\s+", " ", (fact.metric or "").strip()))
