"""Facts of prose: who each figure of a sentence is about and what it measures, from its clause."""

from __future__ import annotations

import re
from dataclasses import replace

from factcheck.evidence.source_text import squash
from factcheck.metric_words import GENERIC, LEXICON, STOP_WORDS, stem
from factcheck.models import Fact, Quantity
from factcheck.names import Mention, find_mentions, looks_like_item
from factcheck.quantities.finder import find_quantities

# Numbers that are part of a name rather than a figure: "GPT-5.5", "Terminal-Bench 2.0", "version 4".
_NAME_WORD_BEFORE = re.compile(
    r"(?:\b(?:version|v|tier|tiers|level|phase|step|chapter|section|page|figure|"
    r"fig|table|gen|generation|series|no|number)\.?\s*)$",
    re.I,
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]—]| – | - |\b(?:and|but|while|whereas|although|though|because|once|"
    r"when|whereby|which|unless|until)\b",
    re.I,
)
# Words that say how a figure compares, not what it measures: a clause of only these borrows its metric.
_COMPARISON_WORDS = {
    # the period a change is measured over ("up 41% year on year") says how, not what
    "year",
    "years",
    "quarter",
    "month",
    "annual",
    "annually",
    "yoy",
    "sequential",
    "sequentially",
    "ago",
    "up",
    "down",
    "from",
    "to",
    "compared",
    "versus",
    "vs",
    "against",
    "previous",
    "predecessor",
    "prior",
    "earlier",
    "than",
    "respectively",
    "ahead",
    "behind",
    "same",
    "also",
    "further",
    "another",
    "just",
    "only",
    "roughly",
    "around",
    "about",
    "nearly",
    "almost",
    "over",
    "under",
    "while",
    "whereas",
    "and",
    "but",
    "more",
    "less",
    "rose",
    "fell",
    "rise",
    "fall",
    "grew",
}


def _is_name_number(sentence: str, q: Quantity, mentions: list[Mention]) -> bool:
    if any(m.start < q.end and q.start < m.end for m in mentions):
        return True
    before = sentence[: q.start]
    if before[-1:].isalpha() or (before[-1:] in "-." and before[-2:-1].isalnum()):
        return True  # glued to a word: "Qwen3.7", "GPT-5.5", "v2"
    after = sentence[q.end : q.end + 1]
    if after.isalpha() and q.unit in ("", "count") and not q.text[-1:].isalpha():
        return True
    if _NAME_WORD_BEFORE.search(before) and q.unit in ("", "count"):
        return True
    # a bare decimal straight after a capitalised name: "Terminal-Bench 2.0", "Index v4.0"
    return q.unit in ("", "count") and "." in q.text and bool(re.search(r"\b[A-Z][\w-]*\s$", before))


def _clauses(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(sentence):
        if not any(s <= m.start() < e for s, e in spans):
            cuts += [m.start(), m.end()]
    cuts.append(len(sentence))
    pairs = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return [(s, e) for s, e in pairs if e > s] or [(0, len(sentence))]


def content_words(text: str) -> list[str]:
    return [
        w
        for w in re.findall(r"[A-Za-z][A-Za-z-]*", text)
        if w.lower() not in STOP_WORDS and w.lower() not in _COMPARISON_WORDS
    ]


def _strip_spans(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for k in range(max(s - offset, 0), min(e - offset, len(chars))):
            chars[k] = " "
    return squash("".join(chars))


def sentence_facts(
    sentence: str, context: str, url: str, known: list[str], location: str, section_subject: str
) -> list[Fact]:
    """The figures of a sentence standing under ``context`` on the page at ``url``: each about the name its
    clause gives (``known`` names are recognised too), else about ``section_subject``."""
    mentions = find_mentions(sentence, known)
    quantities = [
        _arrow_read(sentence, q)
        for q in find_quantities(sentence, include_dates=True)
        if not _is_name_number(sentence, q, mentions)
    ]
    quantities = _with_shared_rate(_with_ratio_words(sentence, _with_rank_phrases(sentence, quantities)))
    quantities = [part for q in quantities for part in _change_ends(sentence, q)]
    if not quantities:
        return []
    # names are not what is measured; the words of a group a claim is about ("uptake", "households") may be
    groups = {k.lower() for k in known if not re.search(r"[A-Z\d]", k)}
    spans = [(q.start, q.end) for q in quantities] + [
        (m.start, m.end) for m in mentions if m.name.lower() not in groups
    ]
    clauses = _clauses(sentence, [(q.start, q.end) for q in quantities])
    respective = _respective(sentence, quantities, mentions) or _listed(sentence, quantities, mentions)
    earlier = _earlier_figures(sentence, quantities, respective, mentions)
    facts = []
    for q in quantities:
        named = respective.get(q.start) or _subject_for(sentence, q, mentions, clauses)
        own = spans
        if named and not any(m.name == named for m in mentions):
            # a phrase named as the subject ("open-weight models (12%)") is not what is measured
            at = sentence.rfind(named, 0, q.start)
            own = [*spans, (at, at + len(named))] if at >= 0 else spans
        subject = named or section_subject or None
        metric = _metric_for(sentence, q, clauses, own)
        facts.append(
            Fact(
                subject=subject,
                metric=metric,
                quantity=q,
                quote=sentence,
                location=location,
                context=context,
                url=url,
                period=EARLIER if q.start in earlier else "",
            )
        )
    return facts


#: The period of a figure a sentence compares another with ("up from 84.2% a year earlier"): earlier than the
#: sentence's own, whichever that is.
EARLIER = "PREV"
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.I)
_ARROW_AFTER = re.compile(r"\s*(?:→|->|=>|⟶)\s*$")
_BASE_AFTER = re.compile(
    r"\s*(?:(?:a|one)\s+year\s+(?:earlier|ago|before)|(?:in\s+)?(?:the\s+)?(?:previous|prior|preceding)\s+"
    r"(?:year|quarter|month|period)|(?:in\s+)?last\s+year)\b",
    re.I,
)


def _relative_head(sentence: str, before: list[Mention], at: int) -> str | None:
    """The name a restrictive relative clause hangs on, when the figure at ``at`` follows that clause: in "a
    typical household that uses electricity and gas will pay £1,690" the household pays, not the names
    inside the clause. A clause set off by a comma (", which scored 60,") is not one."""
    for pool in _pools(before):
        for m in pool:
            if re.match(r"\s+(?:that|who|which)\b", sentence[m.end : m.end + 7]) and not re.search(
                r"[,;:()]", sentence[m.end : at]
            ):
                return m.name
    return None


def _earlier_figures(
    sentence: str, quantities: list[Quantity], respective: dict[int, str], mentions: list[Mention]
) -> set[int]:
    """Starts of the figures a sentence states as the earlier value of a change: after "from" ("up from
    84.2%", "rose from 87.2% to 91.4%"), before an arrow to a later figure ("87.2% → 91.4%"), or followed by
    "a year earlier" / "last year". Figures paired with two names in turn ("36.6% to 74.0% between GPT-5.4
    and GPT-5.5") are two subjects' figures, not two periods'."""
    out = set()
    for i, q in enumerate(quantities):
        if q.start in respective or q.direction or q.unit == "date":
            continue
        after = sentence[q.end : q.end + 12]
        if re.match(r"\s*(?:for|by|of|at)\s", after) and any(q.end < m.start <= q.end + 12 for m in mentions):
            continue  # "up from 36.6% for GPT-5.4": another subject's figure, not an earlier one
        nxt = quantities[i + 1] if i + 1 < len(quantities) else None
        before = sentence[max(0, q.start - 12) : q.start]
        arrow = (
            nxt is not None
            and nxt.unit == q.unit
            and _ARROW_AFTER.match(sentence[q.end : nxt.start]) is not None
        )
        if _FROM_BEFORE.search(before) or arrow or _BASE_AFTER.match(sentence[q.end : q.end + 40]):
            out.add(q.start)
    return out


# A place stated in words around its number: "Ranked 2 of 115", "ranks #3 out of 40", "placed 2nd of 115"
_RANK_PHRASE = re.compile(
    r"\b(?:rank(?:ed|s)?|plac(?:ed|es)|position(?:ed)?|(?:comes?|came|finish(?:ed|es)?)(?:\s+in)?)\s+"
    r"(?:#\s*)?(?P<n>\d+)(?:st|nd|rd|th)?\s+(?:of|out of)\s+(?P<m>\d[\d,]*)\b",
    re.I,
)


_RATIOS = {word: float(factor) for word, factor in LEXICON["ratios"]["words"].items()}
_RATIO_WORDS = re.compile(
    r"(?P<bound>\b(?:more than|over|nearly|almost|about|roughly|better than|less than|under)\s+)?"
    r"\b(?P<word>" + "|".join(sorted(_RATIOS, key=len, reverse=True)) + r")(?:s|d|ed|ing)?\b(?![-‑])",
    re.I,
)
_RATIO_BOUNDS = {"more than": ">", "over": ">", "better than": ">", "less than": "<", "under": "<"}


def _with_ratio_words(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities of a sentence with the ratios it states in words the quantity finder leaves out
    ("double GPT-5.4's price", "more than doubled", "tripled"): a factor in "x"."""
    out = list(quantities)
    for m in _RATIO_WORDS.finditer(sentence):
        if any(q.start < m.end() and m.start() < q.end for q in quantities):
            continue
        bound = (m.group("bound") or "").strip().lower()
        out.append(
            Quantity(
                sentence[m.start() : m.end()],
                m.start(),
                m.end(),
                value=_RATIOS[m.group("word").lower()],
                unit="x",
                bound=_RATIO_BOUNDS.get(bound, "~" if bound else "="),
            )
        )
    return sorted(out, key=lambda q: q.start)


_RANGE_ENDS = re.compile(r"^(?P<low>.*?\d[^\s]*)\s*(?:\bto\b|→|->|–|-)\s*(?P<high>\S*\d.*)$")


def _change_ends(sentence: str, q: Quantity) -> list[Quantity]:
    """A range stated as a change, "from 36.6% to 74.0%", as its two figures: where it started and where it
    went (a range of an estimate, "$3.3 billion to $3.4 billion", stays one)."""
    if q.bound != "range" or q.low is None or q.high is None or q.direction:
        return [q]
    if not re.search(r"\bfrom\s*$", sentence[max(0, q.start - 8) : q.start], re.I):
        return [q]
    m = _RANGE_ENDS.match(q.text)
    if not m:
        return [q]
    low = replace(
        q, text=m.group("low"), end=q.start + m.end("low"), value=q.low, low=None, high=None, bound="="
    )
    start = q.start + m.start("high")
    high = replace(q, text=m.group("high"), start=start, value=q.high, low=None, high=None, bound="=")
    return [low, high]


def _with_shared_rate(quantities: list[Quantity]) -> list[Quantity]:
    """Amounts of one sentence in one currency share its rate: "$5 per million input tokens and $30 per
    million output tokens, double GPT-5.4's $2.50 and $15" prices all four per million tokens."""
    found: dict[str, set[str]] = {}
    for q in quantities:
        if re.fullmatch(r"[A-Z]{3} per .+", q.unit):
            found.setdefault(q.unit.split(" per ")[0], set()).add(q.unit)
    rates = {code: units.pop() for code, units in found.items() if len(units) == 1}
    return [replace(q, unit=rates[q.unit]) if q.unit in rates else q for q in quantities]


def _with_rank_phrases(sentence: str, quantities: list[Quantity]) -> list[Quantity]:
    """The quantities of a sentence with the places it states in words that the quantity finder did not
    read as ranks ("Ranked 2 of 115 on the leaderboard" opening a sentence): the place, out of the whole."""
    for m in _RANK_PHRASE.finditer(sentence):
        if any(q.unit == "rank" and q.start <= m.start("n") < q.end for q in quantities):
            continue
        rank = Quantity(
            sentence[m.start("n") : m.end("m")],
            m.start("n"),
            m.end("m"),
            value=float(m.group("n")),
            unit="rank",
            scale=float(m.group("m").replace(",", "")),
        )
        quantities = [q for q in quantities if not (m.start("n") <= q.start < m.end("m"))] + [rank]
    return sorted(quantities, key=lambda q: q.start)


def _arrow_read(sentence: str, q: Quantity) -> Quantity:
    """A figure after an ASCII arrow ("41.0% -> 58.5%") is the figure it points to, not a lower bound."""
    if q.bound == ">" and q.text.startswith(">") and sentence[q.start - 1 : q.start] == "-":
        return replace(
            q, bound="=", text=q.text[1:].lstrip(), start=q.start + len(q.text) - len(q.text[1:].lstrip())
        )
    return q


# Two figures of one change: "from 36.6% to 74.0%", "36.6% → 74.0%", "41.0% -> 58.5%"
_CHANGE_JOIN = re.compile(r"\s*(?:→|->|-?->|=>|⟶|\bto\b|-)\s*$")


def _respective(sentence: str, quantities: list[Quantity], mentions: list[Mention]) -> dict[int, str]:
    """Figures of a change paired with two names in the same order ("went from 36.6% to 74.0% between
    GPT-5.4 and GPT-5.5", "GPT-5.4 and GPT-5.5 scored 36.6% and 74.0% respectively"): start -> name."""
    models = [m for m in mentions if m.is_model]
    models = models if len(models) == 2 else mentions
    if len(models) != 2:
        return {}
    out: dict[int, str] = {}
    for a, b in zip(quantities, quantities[1:], strict=False):
        between = sentence[a.end : b.start]
        joined = _CHANGE_JOIN.match(between) or (
            re.fullmatch(r"\s*and\s*", between) and re.search(r"\brespectively\b", sentence[b.end :])
        )
        if not joined or any(a.start < m.start < b.end for m in models):
            continue
        out[a.start], out[b.start] = models[0].name, models[1].name
    return out


# "..., Zephyr 22%", ": Nimbus 47%", "and open-weight models 12%": a name, then its figure, in a list
_LISTED = re.compile(r"(?:^|[,:;]\s*|\band\s+)(?P<name>[A-Za-z][\w.'’-]*(?:\s+[A-Za-z][\w.'’-]*){0,2})\s*$")


def _listed(sentence: str, quantities: list[Quantity], mentions: list[Mention]) -> dict[int, str]:
    """Figures of a list that gives each its name ("Nimbus 47%, Zephyr 22%, Halcyon 19%, others 12%"): start
    -> name. Only when at least two of the names are proper names, so that "rose 3%, to 31,200" is no list."""
    out: dict[int, str] = {}
    for q in quantities:
        m = _LISTED.search(sentence[: q.start])
        # "On the 512K ...", "up from 36.6%": words that lead into a figure name nothing of a list
        if m and content_words(m.group("name")) and not find_quantities(m.group("name"), include_dates=True):
            name = m.group("name")
            mentioned = next(
                (x.name for x in mentions if x.start >= m.start("name") and x.end <= q.start), None
            )
            out[q.start] = mentioned or name
    proper = [n for n in out.values() if n[:1].isupper()]
    return out if len(out) >= 3 and len(proper) >= 2 else {}


def _clause_of(pos: int, clauses: list[tuple[int, int]]) -> int:
    return next((i for i, (s, e) in enumerate(clauses) if s <= pos < e), len(clauses) - 1)


_TOPIC_LEAD = re.compile(r"\s*(?:On|For|In|At|Across)\s+([^,;:()]{2,60}?)(?=\s*[,;:(]|\s+(?:the|it|its)\b)")


def _pools(mentions: list[Mention]) -> tuple[list[Mention], ...]:
    """Mentions in the order they are tried as a figure's subject: models, then proper names ("OpenAI"),
    then the words of a group a claim is about ("organizations")."""
    proper = [m for m in mentions if re.search(r"[A-Z\d]", m.name)]
    return [m for m in mentions if m.is_model], proper, mentions


def _metric_for(
    sentence: str, q: Quantity, clauses: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> str:
    """The words around the figure: its clause, or the nearest clause before it that says what is measured."""
    index = _clause_of(q.start, clauses)
    own = _strip_spans(sentence[clauses[index][0] : clauses[index][1]], clauses[index][0], spans)
    # a sentence opening with what it is about ("On MRCR v2, ...", "For SWE-Bench Pro the model ...") says
    # what every figure of it measures
    topic = re.match(
        r"\s*(?:On|For|In|At|Across)\s+([^,;:()]{2,60}?)(?=\s*[,;:(]|\s+(?:the|it|its)\b)", sentence
    ) or re.match(r"\s*([A-Za-z][^:;,.()]{1,50}?):\s", sentence)  # or a line led by its label ("Net income:")
    if topic and topic.end() <= q.start and not find_quantities(topic.group(1), include_dates=False):
        lead = _strip_spans(topic.group(1), topic.start(1), spans)
        if lead and lead not in own:
            own = f"{lead} {own}"
    pronoun = re.compile(r"\b(?:it|its|they|their|them)\b", re.I)
    if index > 0 and pronoun.search(own):
        # "... the most widely used model provider: 47% of respondents name it as their primary provider":
        # the clause "it" refers back to says what the figure is of
        for s0, e0 in reversed(clauses[:index]):
            before = _strip_spans(sentence[s0:e0], s0, spans)
            if before and content_words(before) and not pronoun.search(before):
                own = f"{before} {own}"
                break
    if any(stem(w) not in GENERIC for w in content_words(own)):
        return own
    # only "score" or nothing said here: take in the nearest clause before (else after) that names the measure
    for i in list(range(index - 1, -1, -1)) + list(range(index + 1, len(clauses))):
        s, e = clauses[i]
        text = _strip_spans(sentence[s:e], s, spans)
        if any(stem(w) not in GENERIC for w in content_words(text)):
            return f"{text} {own}".strip() if i < index else f"{own} {text}".strip()
    return own


def _subject_for(
    sentence: str, q: Quantity, mentions: list[Mention], clauses: list[tuple[int, int]]
) -> str | None:
    """Who the figure is about: the name just before "(" of "Google (22%)", else the nearest name of its
    clause, else the product a "Name:" line opens with, else the nearest name before it in the sentence
    (models first), else the nearest after it."""
    # a maker's name in front of another name ("OpenAI MRCR v2") qualifies it; it is not who is measured
    mentions = [m for m in mentions if m.is_model or not re.match(r"\s+[A-Z][\w-]*", sentence[m.end :])]
    before = sentence[: q.start]
    if q.unit == "x" and any(q.end <= m.start <= q.end + 25 for m in mentions):
        # "X costs double GPT-5.4's": a ratio is about the name before it; the one after is what it is of
        earlier = [m for m in mentions if m.end <= q.start]
        if earlier:
            return earlier[-1].name
    if re.search(r"\(\s*$", before):
        lead = before.rstrip()[:-1].rstrip()
        named = [m for m in mentions if m.end <= len(lead) and not lead[m.end :].strip()]
        if named:
            return named[-1].name
        phrase = re.split(r"[,;:()]|\b(?:and|or|of|than|with|from|to|vs)\b", lead)[-1].strip()
        if content_words(phrase):
            return phrase
    index = _clause_of(q.start, clauses)
    s, e = clauses[index]
    in_clause = [m for m in mentions if s <= m.start < e]
    head = _relative_head(sentence, [m for m in mentions if m.end <= q.start], q.start)
    if head:
        return head
    for pool in _pools(in_clause):
        if pool:
            return min(pool, key=lambda m: min(abs(m.end - q.start), abs(m.start - q.end))).name
    if re.search(r"\b(?:it|its|it's|it’s)\b", sentence[s : q.start], re.I):
        return None  # "it reaches 58.6%": the page's or the section's own subject
    # a line led by a product's name ("Pixel 10 Pro: 8.6/10") is about that product
    label = re.match(r"\s*([^:;,.]{2,40}?)\s*(?::|\s[–—-])\s", sentence)
    if label and label.end() <= q.start and looks_like_item(label.group(1)):
        return label.group(1)
    earlier = [m for m in mentions if m.end <= q.start]
    for pool in _pools(earlier):
        if pool:
            return pool[-1].name
    later = [m for m in mentions if m.start >= q.end]
    return later[0].name if later else None
