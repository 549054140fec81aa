"""Restatements: candidates that state the same figure about the same thing become one claim with several
mentions, and each claim gets a stable id.

A loose figure right after a precise one it agrees with ("58.6% ... More than half of ...") is kept as a
mention of the precise one; far apart (another paragraph), a figure without a subject must say what it
measures in the same words to count as the same claim.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import replace

from factcheck.claims.candidates import Candidate
from factcheck.models import Claim, Mention
from factcheck.names import has_name_shape
from factcheck.quantities.tolerance import agrees


def merge_candidates(cands: list[Candidate], article_url: str) -> list[Claim]:
    """One claim per figure stated, with every place it is stated as a mention, in article order."""
    return _merge(fold_restatements(cands), article_url)


def _merge(cands: list[Candidate], article_url: str) -> list[Claim]:
    """Candidates restating one figure about one thing become one claim with several mentions."""
    groups: list[list[Candidate]] = []  # the first candidate of each group states the claim
    by_figure: dict[tuple, list[list[Candidate]]] = {}  # only a figure of equal value can restate one
    for cand in cands:
        key = _figure_key(cand)
        target = next(
            (
                g
                for g in by_figure.get(key, [])
                if _same_claim(_stated(g), cand, cand.paragraph in {c.paragraph for c in g})
            ),
            None,
        )
        if target is None:
            groups.append([cand])
            by_figure.setdefault(key, []).append(groups[-1])
        else:
            target.append(cand)
    return _assign_ids([_claim_of(group) for group in groups], article_url)


def _figure_key(cand: Candidate) -> tuple:
    q = cand.quantity
    return (q.unit, q.value, q.low, q.high, q.date)


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
    # the first statement's sources stand; a restatement adds its own only when its own sentence cites them
    sources = first.sources or next((c.sources for c in group if c.sources and c.own_sources), [])
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
        # "Veska's inflation eases to 3.1%" in the headline, "Annual consumer price inflation ... slowed to
        # 3.1%" below: what one says it measures, the other's sentence says too
        spoken_of = any(
            _content_words(a.metric) and _content_words(a.metric) <= _content_words(b.quote)
            for a, b in ((claim, cand), (cand, claim))
        )
        generic = (
            not (_content_words(cand.metric) and _content_words(claim.metric))
            and cand.kind == claim.kind
            and claim.kind in ("difference", "ratio", "rank", "score", "equality")
        )
        if not (shared or named_in_quote or spoken_of or generic):
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


def fold_restatements(cands: list[Candidate]) -> list[Candidate]:
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
