"""What a figure measures (its metric) and what kind of claim it is, from the words around it and the
clause the parse gives; equalities ("priced the same as X") and ratios between two subjects ("three times
the throughput of X")."""

from __future__ import annotations

import re

from spacy.tokens import Span

from factcheck.claims import subjects as sj
from factcheck.models import Quantity
from factcheck.names import has_name_shape
from factcheck.nlp.lexicon import table, words
from factcheck.sources.registry import Registry

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


def metric_of(
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
        names = table("event_names")
        event = next((names[t.lemma_.lower()] for t in span.sent if t.lemma_.lower() in names), None)
        return f"{event} date" if event else "date"
    share_of = q.unit == "%" and re.match(r"\s+of\b", text[q_end:])
    venue = sj.find_venue(text, q_start, q_end, cited, clause_start, span.sent)
    gap = q.unit in ("points", "percentage points") and _GAP_WORDS.search(text[clause_start:])
    if venue is None and sj.refers_to_previous_metric(text) and last_metric:
        base = last_metric.removesuffix(" difference")
        return f"{base} difference" if gap else base
    measure = sj.measure_words(span, q) or (None if share_of else sj.measure_of(span))
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
        and (frame.lemma or frame.verb) not in words("attribution", "reporting_verbs") | {"be", "have"}
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
    own = (
        frame.measure
        if frame and frame.measure
        else frame.subject
        if frame
        and frame.subject
        and not frame.subject_is_name
        and not frame.subject_is_pronoun
        and (frame.lemma or "") in words("claims", "linking_verbs")
        else None
    )
    if direction and (own or previous) and q.unit in ("%", "percentage points", "x"):
        # "..., while freight volumes fell 3%": a clause naming what changed measures that, not the one before
        base = (own or previous or "").removesuffix(" growth").removesuffix(" decline")
        return f"{base} {'growth' if direction == 'up' else 'decline'}"
    if parallel:
        return parallel  # "Samsung took 23% of shipments, while Apple took 17%"
    if frame is None:
        return None
    if frame.measure:
        return frame.measure  # "wage growth in Ostmark accelerated to 4.1%": the measure, not the place
    if frame.obj:
        return frame.obj
    if (
        frame.subject
        and not frame.subject_is_name
        and not frame.subject_is_pronoun
        and (frame.lemma or "") in words("claims", "linking_verbs")
    ):
        return frame.subject
    if frame.verb and q.unit not in ("", "count", "%"):
        return f"{frame.verb} {q.unit}"
    return None


def kind_of(q: Quantity, text: str, metric: str | None) -> str:
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


def equalities(
    text: str, cited: set[str], previous: str | None = None, sent: Span | None = None
) -> list[tuple[str, str]]:
    """ "GPT-5.5 API pricing is at the same level as GPT-5.4": one subject stated equal to another on a
    measure ("it costs ..., priced the same as X": "it" is the model named last). Returns
    (subject "A vs B", metric)."""
    out = []
    for m in _EQUALITY.finditer(text):
        after = sj.names_in(text[m.end() : m.end() + 40], sent, m.end())
        before = [
            n for n in sj.names_in(text[: m.start()], sent) if n[2] not in cited and has_name_shape(n[2])
        ]
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


def compared_with(subject: str | None, figure: str, sentence: str) -> tuple[str, str] | None:
    """ "Kestrel-3 delivers three times the throughput of Kestrel-2", "twice as fast as X": a ratio
    between two subjects, on the measure named between the number and the second subject. Returns
    (subject "A vs B", metric)."""
    at = sentence.find(figure)
    m = _TIMES_THE.match(sentence[at + len(figure) :]) if at >= 0 else None
    if not m or not subject or " vs " in subject:
        return None
    return f"{subject} vs {m.group('other').rstrip('.,;:')}", f"{m.group('measure') or m.group('adj')} ratio"


# "three times the throughput of Kestrel-2", "twice as fast as Llama 4", "2x the speed of X".
_TIMES_THE = re.compile(
    r"\s+(?:the\s+(?P<measure>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})\s+of|as\s+(?P<adj>[a-z]+)\s+as)\s+"
    r"(?P<other>[A-Z][\w.-]*(?:\s+(?:[A-Z][\w.-]*|\d+(?:\.\d+)*))*)"
)
