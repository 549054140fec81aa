"""Internal consistency: figures an article derives from its own figures.

A "13-point gap" between 82.7% and 69.4%, "more than double" from 36.6% to 74.0%: the article gives
both operands, so the derived figure can be checked without any source. Operands are looked for
among the claims stated in the same paragraph as the derived figure (then anywhere before it), with
a compatible unit and different subjects; the pair that explains the figure best is taken.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from itertools import permutations

from factcheck.models import Claim, Consistency
from factcheck.quantities.tolerance import agrees, describe

_REACH = 1200  # characters before a derived figure its operands are looked for
_OPERAND_UNITS = {"%", "points", "percentage points", "USD", "EUR", "GBP", "count", "tokens"}


def check_consistency(claims: list[Claim]) -> list[Claim]:
    """The claims, with ``consistency`` set on every difference or ratio claim whose operands the article
    states. The derived claim also gets its subject ("A vs B") and metric when the sentence left them open."""
    operands = _Operands(claims)
    return [_with_operands(claim, operands.near(claim)) for claim in claims]


class _Operands:
    """The claims that may be operands of a derived figure, by where they are stated (so that each
    derived figure looks only at those stated shortly before it or beside it)."""

    def __init__(self, claims: list[Claim]) -> None:
        eligible = [
            c
            for c in claims
            if c.quantity.value is not None
            and c.kind not in ("difference", "ratio", "equality", "date")
            and c.quantity.unit in _OPERAND_UNITS
            and c.subject
        ]
        placed = sorted(((p, i) for i, c in enumerate(eligible) for p in _positions(c)))
        self._claims = eligible
        self._at = [p for p, _i in placed]
        self._index = [i for _p, i in placed]

    def near(self, derived: Claim) -> list[Claim]:
        if derived.kind not in ("difference", "ratio"):
            return []
        found: dict[int, None] = {}
        for d in _positions(derived):
            lo = bisect_left(self._at, d - _REACH)
            hi = bisect_right(self._at, d)
            found.update((self._index[k], None) for k in range(lo, hi))
        return [self._claims[i] for i in found if self._claims[i] is not derived]


def _positions(claim: Claim) -> list[int]:
    return [m.start for m in claim.mentions] or [claim.start]


def _with_operands(claim: Claim, claims: list[Claim]) -> Claim:
    q = claim.quantity
    if claim.kind not in ("difference", "ratio") or q.value is None:
        return claim
    operation = "difference" if claim.kind == "difference" else "ratio"
    best = _best_pair(claim, claims, operation)
    if best is None:
        return claim
    a, b, computed = best
    ok = agrees(q.value, q.bound, computed, unit=q.unit)
    status = "consistent" if ok else "inconsistent"
    sign = "−" if operation == "difference" else "÷"
    consistency = Consistency(
        status=status,
        operation=operation,
        expected=round(computed, 4),
        derived_from=(a.id, b.id),
        explanation=(
            f"The article's own figures give {_fmt(a.quantity.value)} {sign} {_fmt(b.quantity.value)} "
            f"= {_fmt(computed)}; it states {describe(q.value, q.bound, q.unit)}: {status}."
        ),
    )
    subject = claim.subject
    if not subject or " vs " not in subject:
        subject = f"{a.subject} vs {b.subject}"
    metric = claim.metric
    if a.metric and (not metric or metric in ("difference", "score", "ratio")):
        metric = f"{a.metric} {operation}"
    return replace(claim, consistency=consistency, subject=subject, metric=metric)


def _best_pair(claim: Claim, claims: list[Claim], operation: str) -> tuple[Claim, Claim, float] | None:
    start = claim.mentions[0].start if claim.mentions else claim.start
    operands = [
        c
        for c in claims
        if c is not claim
        and c.quantity.value is not None
        and c.kind not in ("difference", "ratio", "equality", "date")
        and c.quantity.unit in _OPERAND_UNITS
        and c.subject
        and _near(c, claim)
    ]
    best: tuple[float, Claim, Claim, float] | None = None
    for a, b in permutations(operands, 2):
        if (
            a.quantity.unit != b.quantity.unit
            or _norm(a.subject) == _norm(b.subject)
            or not _same_metric(a, b)
        ):
            continue
        assert a.quantity.value is not None and b.quantity.value is not None
        if operation == "difference":
            computed = a.quantity.value - b.quantity.value
        else:
            if b.quantity.value == 0:
                continue
            computed = a.quantity.value / b.quantity.value
        if computed <= 0 or claim.quantity.value is None:
            continue
        distance = abs(computed - claim.quantity.value) / max(abs(claim.quantity.value), 1e-9)
        # Prefer operands stated close before the derived figure.
        distance += 0.001 * (abs(a.start - start) + abs(b.start - start)) / 1000
        if best is None or distance < best[0]:
            best = (distance, a, b, computed)
    if best is None or best[0] > 0.5:
        return None
    return best[1], best[2], best[3]


def _near(operand: Claim, derived: Claim) -> bool:
    """Operands are stated before the derived figure or beside it (within a few sentences)."""
    return any(0 <= d - o <= _REACH for d in _positions(derived) for o in _positions(operand))


def _same_metric(a: Claim, b: Claim) -> bool:
    if not a.metric or not b.metric:
        return True
    ta, tb = set(_norm(a.metric).split()), set(_norm(b.metric).split())
    return bool(ta & tb)


def _norm(s: str | None) -> str:
    return (s or "").casefold().strip()


def _fmt(v: float | None) -> str:
    if v is None:
        return "?"
    return f"{v:g}" if abs(v) >= 1 else f"{v:.3g}"


_SINCE_YEAR = re.compile(r"\bsince\s+((?:1[5-9]|20)\d\d)\b", re.I)


def check_elapsed_years(claims: list[Claim], text: str, year: int | None) -> list[Claim]:
    """ "Chased for over 90 years" after "has existed since 1930": the span the article states against the
    one its own date gives, counted to the year the article was published. Returns the claims, with
    ``consistency`` set on those spans."""
    if year is None:
        return claims
    sinces = [(m.start(), int(m.group(1))) for m in _SINCE_YEAR.finditer(text)]
    return [_with_elapsed(claim, sinces, year) for claim in claims]


def _with_elapsed(claim: Claim, sinces: list[tuple[int, int]], year: int) -> Claim:
    q = claim.quantity
    if q.unit != "years" or q.value is None or claim.consistency is not None:
        return claim
    positions = [m.start for m in claim.mentions] or [claim.start]
    near = [since for at, since in sinces if any(abs(at - p) <= 600 for p in positions) and since < year]
    if not near:
        return claim
    since = near[0]
    elapsed = float(year - since)
    ok = agrees(q.value, q.bound, elapsed, unit="years")
    status = "consistent" if ok else "inconsistent"
    consistency = Consistency(
        status=status,
        operation="elapsed years",
        expected=elapsed,
        explanation=(
            f"From {since}, which the article names, to {year} is {elapsed:g} years; it states "
            f"{describe(q.value, q.bound, q.unit)}: {status}."
        ),
    )
    return replace(claim, consistency=consistency)
