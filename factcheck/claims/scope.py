"""The scope model: which cited organisations each figure of an article gets.

The pipeline gives, per paragraph, the attribution cues (:mod:`factcheck.nlp.attribution`) and the
figures. Here they meet, in three reaches:

1. **sentence**: a cue covers the figures in the clause it governs; of several, the nearest one above the
   figure wins ("Canalys notes that Apple recorded ..." cites Canalys; "X said Y estimates 5%" cites Y);
   a figure that analysts expected (a consensus) takes only the organisation that compiled it;
2. **paragraph**: a figure whose sentence cites nobody takes the cue of the nearest sentence of its
   paragraph that cites someone (before it, else after it), unless the writer speaks for themself;
3. **article** (``scope="article"``): a report-style article's lead attribution ("According to IDC, ...",
   "Source: X") carries over to later paragraphs that cite nobody, until another source is named, and back
   to the lead paragraphs before it; not into the writer's own comment, not to a consensus.

References are resolved with the article as context (:mod:`factcheck.claims.references`): "the company",
"the report", "it", "Ms. Okafor added", people mapped to their organisation.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from factcheck.claims.naming import SourceNames, same_site
from factcheck.claims.paragraphs import (
    in_writers_voice,
    introduces,
    is_prose,
    list_items,
    nouns,
    paragraph_first_person,
    prose_index,
)
from factcheck.claims.references import Memory
from factcheck.claims.voices import expected_by, writer_speaks
from factcheck.names import looks_like_model, looks_like_product
from factcheck.nlp.attribution import Cue
from factcheck.nlp.extensions import root_of, sentences_of
from factcheck.nlp.lexicon import words
from factcheck.nlp.referents import describe
from factcheck.sources.registry import Registry

SCOPES = ("paragraph", "article")
# Registry kinds whose name, standing where a figure was measured, cites them ("on BenchLM").
_VENUE_KINDS = {
    "aggregator",
    "leaderboard",
    "analyst",
    "research institute",
    "press",
    "statistics",
    "consultancy",
}
_LEAD_PARAGRAPHS = 3  # paragraphs of prose that make an article's lead
_CITING = {"speaker", "agent", "citing", "within", "told", "source_line"}


@dataclass
class Figure:
    """What the scope model needs to know of one candidate figure."""

    doc: int  # index of its paragraph
    start: int  # token span of the figure in the paragraph's Doc
    end: int
    unit: str = ""
    sources: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    reach: str = ""  # where its sources were cited: "sentence", "paragraph" or "article"
    consensus: bool = False  # what others expected, set by the scope model
    unsourced: bool = False  # its sentence says it is nobody's to cite: the writer's, or an unnamed source's


@dataclass
class _Resolved:
    cue: Cue
    names: list[str]  # the organisations it cites (empty: nobody, e.g. "analysts")
    writer: bool = False  # the writer speaking ("we estimate")
    unnamed: bool = False  # a source the article does not name ("according to a report", "figures released")


def assign_sources(
    figures: Sequence[Figure],
    docs: Sequence[Doc],
    registry: Registry,
    *,
    article_url: str | None = None,
    scope: str = "article",
) -> None:
    """Fill ``figure.sources`` (and ``figure.links``) for every figure, in place."""
    names = SourceNames(registry, docs)
    memory = Memory(names, registry)
    by_doc: dict[int, list[Figure]] = {}
    for fig in figures:
        by_doc.setdefault(fig.doc, []).append(fig)
    resolved_by_doc: list[list[_Resolved]] = []
    for d, doc in enumerate(docs):
        resolved: list[_Resolved] = []
        cues_of: dict[int, list[Cue]] = {}
        for c in doc._.cues or ():
            cues_of.setdefault(c.sentence, []).append(c)
        ents_of: dict[int, list[Span]] = {}
        for ent in doc.ents:
            ents_of.setdefault(doc[ent.start].sent.start, []).append(ent)
        for sent in sentences_of(doc):
            memory.see_sentence(sent, d, ents_of.get(sent.start, []))
            here = cues_of.get(sent.start, [])
            done: list[_Resolved] = []
            for cue in sorted(here, key=lambda c: c.kind == "link"):  # links last: they may be a cue's page
                page_of = next((r for r in done if r.names and _names_span(r.cue, cue)), None)
                if cue.kind == "link" and page_of is not None:
                    done.append(_Resolved(cue, list(page_of.names)))  # "based on <a>Price Watch</a> data"
                else:
                    done.append(_resolve(cue, sent, d, memory, names, registry, article_url))
            resolved.extend(sorted(done, key=lambda r: r.cue.source.start))
            memory.after_sentence(sent, d)
        resolved_by_doc.append(resolved)
        _within_paragraph(doc, by_doc.get(d, []), resolved)
    if scope == "article":
        _carry_over(docs, by_doc, resolved_by_doc, registry, names)


def _resolve(
    cue: Cue,
    sent: Span,
    paragraph: int,
    memory: Memory,
    names: SourceNames,
    registry: Registry,
    article_url: str | None,
) -> _Resolved:
    if cue.kind == "link":
        if not cue.href or same_site(cue.href, article_url):
            return _Resolved(cue, [])
        named = memory.resolve(cue.source, sent, paragraph) if cue.source.known else []
        return _Resolved(cue, named or [names.canonical(names.of_link(cue.href, cue.source.name, sent.text))])
    if cue.kind == "venue":
        source = registry.get(cue.source.known or cue.source.name)
        if source is None or source.kind not in _VENUE_KINDS:
            return _Resolved(cue, [])
        return _Resolved(cue, [source.name])
    if cue.source.kind == "first_person":
        return _Resolved(cue, [], writer=True)
    if (
        cue.source.kind == "unnamed"
        and cue.kind in _CITING
        and cue.source.noun in words("attribution", "document_nouns")
    ):  # "according to a report": not "a UN agency reported", which the article goes on to name
        return _Resolved(cue, [], unnamed=True)
    found = memory.resolve(cue.source, sent, paragraph)
    # the organisation itself reports ("Orbital reported", not "analysts polled by LSEG expect")
    anchor = sent.doc[cue.anchor] if cue.anchor >= 0 else None
    speaker = cue.kind in ("told", "source_line") or (
        cue.kind == "speaker"
        and anchor is not None
        and any(c.dep_ == "nsubj" and cue.source.start <= c.i < cue.source.end for c in anchor.children)
    )
    # a benchmark's name is what is measured, and a product or model is what is spoken of: neither reports
    found = [
        n
        for n in found
        if ((s := registry.get(n)) is None or s.kind != "benchmark")
        and not (s is None and looks_like_item_name(n))
    ]
    if found:
        memory.cite(found, paragraph, cue.source, speaker=speaker)
    return _Resolved(cue, found)


def looks_like_item_name(name: str) -> bool:
    """A model's or product's name ("Kestrel-3", "Galaxy S26 Ultra"), which is spoken of, never cited."""
    return looks_like_model(name) or looks_like_product(name)


def _names_span(cue: Cue, link: Cue) -> bool:
    """Whether a hyperlink stands on the words by which a cue names its source (or its owner)."""
    spans = [(cue.source.start, cue.source.end)]
    if cue.source.affiliation is not None:
        spans.append((cue.source.affiliation.start, cue.source.affiliation.end))
    return any(
        a <= link.source.start < b or link.source.start <= a < link.source.end for a, b in spans if a >= 0
    )


def _within_paragraph(doc: Doc, figures: list[Figure], resolved: list[_Resolved]) -> None:
    """Sentence and paragraph reach."""
    by_sentence: dict[int, list[_Resolved]] = {}
    for r in resolved:
        by_sentence.setdefault(r.cue.sentence, []).append(r)
    sentences = [s.start for s in sentences_of(doc)]
    expecters = {id(fig): expected_by(doc[fig.start : fig.end]) for fig in figures}
    consensus_in = {doc[fig.start].sent.start for fig in figures if expecters[id(fig)] is not None}
    for fig in figures:
        span = doc[fig.start : fig.end]
        sent = span.sent
        here = by_sentence.get(sent.start, [])
        fig.links = [r.cue.href for r in here if r.cue.kind == "link" and r.cue.href and r.names]
        expecter = expecters[id(fig)]
        consensus = fig.consensus = expecter is not None
        chosen = _in_sentence(span, here, expecter, sent.start in consensus_in)
        fig.reach = "sentence"
        if chosen is None and not consensus and not writer_speaks(sent):
            chosen = _from_paragraph(sent.start, sentences, by_sentence, doc)
            # a figure in a quotation the paragraph attributes is the speaker's as plainly as its own
            # sentence would make it
            fig.reach = "sentence" if _quoted(span) else "paragraph"
        fig.sources = list(dict.fromkeys(chosen or []))
        fig.unsourced = chosen == []
        if not fig.sources:
            fig.reach = ""


def _depth(token: Token) -> int:
    return sum(1 for _ in token.ancestors)


def _dominates(cue: Cue, span: Span) -> bool:
    if cue.anchor < 0:
        return True
    root = root_of(span)
    anchor = span.doc[cue.anchor]
    if cue.local and root in anchor.ancestors:
        return True  # "A third of the owners polled by X": the cue inside the figure's own phrase
    return anchor == root or anchor in root.ancestors or span.start <= cue.anchor < span.end


def _in_sentence(
    span: Span, here: list[_Resolved], expecter: Token | None, has_consensus: bool
) -> list[str] | None:
    """The sources the figure's own sentence gives it, or None when the sentence cites nobody for it."""
    usable = [r for r in here if r.names or r.writer or r.unnamed]
    if expecter is not None:
        # a consensus: only who compiled it ("according to LSEG data", "analysts polled by LSEG expect")
        compilers = [
            r
            for r in usable
            if r.cue.kind in ("agent", "citing", "within")
            or r.cue.anchor == expecter.i
            or (r.cue.kind == "speaker" and r.cue.source.kind == "document")  # "IBES data from X showed"
        ]
        return [n for r in compilers for n in r.names] or None
    if has_consensus:
        # "... ahead of the $1.79bn analysts had expected, according to LSEG data": LSEG is the source of
        # the consensus only, not of the company's own figures in the sentence
        usable = [r for r in usable if r.cue.kind not in ("citing", "within") or r.cue.local]
    dominating = [r for r in usable if _dominates(r.cue, span)]
    segment = _segment(span)
    own = [r for r in dominating if _segment_of(span.doc, r.cue.word) == segment]
    if not own and _consequence(span):
        # "..., according to X's store, so the Lumen is £200 cheaper": the writer's own sum on a figure of
        # the sentence; only a source of the paragraph reaches it
        return None
    if own and len(own) < len(dominating):
        # "X affects 64 million people, according to A, and one in four adults ..., B estimates": of two
        # cues over the figure, the one in its own part of the sentence
        dominating = own
    if dominating:
        anchors = {r.cue.anchor for r in dominating}
        deepest = max(anchors, key=lambda a: _depth(span.doc[a]) if a >= 0 else -1)
        nearest = [r for r in dominating if r.cue.anchor == deepest]
        if any(r.writer for r in nearest) or all(r.unnamed for r in nearest):
            return []
        nearest = [r for r in nearest if not r.unnamed]
        told = [r for r in nearest if r.cue.kind == "told"]
        if told:
            nearest = told  # "Mark Chen told TechCrunch that ...": the publication is the source
        cues = [r for r in nearest if r.cue.kind != "link"]
        links = [r for r in dominating if r.cue.kind == "link"]
        names = [n for r in cues + links for n in r.names]
        return names or None
    sentence_wide = [r for r in usable if r.cue.kind in _CITING and _main_clause(r.cue, span.doc)]
    if sentence_wide:
        return [n for r in sentence_wide for n in r.names] or None
    # a hyperlink in the figure's sentence cites the owner of the linked domain, however the parser took it
    links = [r for r in usable if r.cue.kind == "link" and _segment_of(span.doc, r.cue.word) == segment]
    return [n for r in links for n in r.names] or None


def _quoted(span: Span) -> bool:
    """Whether the figure stands inside quotation marks (curly or straight) of its paragraph."""
    depth = 0
    straight = False
    for t in span.doc[: span.start]:
        if t.text == "“":
            depth += 1
        elif t.text == "”":
            depth = max(0, depth - 1)
        elif t.text == '"':
            straight = not straight
    return depth > 0 or straight


def _consequence(span: Span) -> bool:
    """Whether the figure stands in a part of its sentence that draws a consequence (", so ...")."""
    doc = span.doc
    for t in reversed(doc[span.sent.start : span.start]):
        if t.text == "," and t.i + 1 < span.start and doc[t.i + 1].lower_ == "so":
            return True
        if t.text in (",", ";"):
            break
    return False


def _segment(span: Span) -> int:
    return _segment_of(span.doc, span.start)


def _segment_of(doc: Doc, i: int) -> int:
    """Which part of its sentence token ``i`` stands in: parts are separated by a comma before a
    coordinating conjunction (", and", ", but", ", while") or by a semicolon."""
    if i < 0:
        return -1
    sent = doc[i].sent
    part = 0
    for t in doc[sent.start : i]:
        if t.text == ";" or (
            t.text == ","
            and t.i + 1 < sent.end
            and doc[t.i + 1].lower_ in ("and", "but", "while", "whereas", "so")
        ):
            part += 1
    return part


def _main_clause(cue: Cue, doc: Doc) -> bool:
    """Whether a cue stands in its sentence's main clause (not in a relative clause or a noun phrase:
    "Terminal-Bench, a benchmark that measures agentic coding" reports no figure), so that it reaches the
    whole sentence and, from there, its paragraph."""
    if cue.local:
        return False
    if cue.anchor < 0:
        return True
    token = doc[cue.anchor]
    while token.dep_ in ("conj", "parataxis", "ccomp", "xcomp", "advcl") and token.head is not token:
        token = token.head
    if token.dep_ == "relcl" and cue.kind == "speaker":
        # "the margin — a measure that Microsoft has told investors it expects to improve — was 67%": a named
        # speaker of its own in a relative clause; "Terminal-Bench, a benchmark that measures ..." is not one
        verb = doc[cue.anchor]
        pronoun = any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("that", "which", "who", "whose")
            for c in verb.children
        )
        return not pronoun and cue.source.kind in ("name", "person", "document")
    return token.dep_ == "ROOT"


def _from_paragraph(
    sentence: int, sentences: list[int], by_sentence: dict[int, list[_Resolved]], doc: Doc
) -> list[str] | None:
    def citing(s: int, backward: bool) -> list[str]:
        found = [
            r
            for r in by_sentence.get(s, [])
            if r.names
            and r.cue.kind in _CITING
            and _main_clause(r.cue, doc)
            and not r.cue.own_sentence
            and not _consensus_cue(r)
            # a person's later remark ("... , chief executive X said") sources no figure before it
            and not (backward and r.cue.source.kind in ("person", "office", "pronoun"))
        ]
        return [n for r in found for n in r.names]

    index = sentences.index(sentence)
    # the nearest sentences that cite someone, each side, found once per paragraph
    cited = [s for s in sentences if by_sentence.get(s)]
    before = [s for s in cited if s < sentence]
    after = [s for s in cited if s > sentence]
    del index
    for s in reversed(before):
        if found := citing(s, False):
            return found
    for s in after:
        if found := citing(s, True):
            return found
    return None


def _consensus_cue(r: _Resolved) -> bool:
    return r.cue.source.kind == "generic"


def _carry_over(
    docs: Sequence[Doc],
    by_doc: dict[int, list[Figure]],
    resolved_by_doc: list[list[_Resolved]],
    registry: Registry,
    names: SourceNames,
) -> None:
    """A report-style article's lead attribution reaches every later paragraph that cites nobody and goes
    on reporting the same data (it speaks of things the source's paragraphs spoke of, or it comes right
    after the lead), until another source is named; and it reaches back to the lead paragraphs before it
    that speak of the same things."""
    lead, lead_doc = _lead(docs, resolved_by_doc)
    if not lead:
        return
    current = lead
    topic: set[str] = set()
    for doc in docs[: lead_doc + 1]:
        topic |= nouns(doc)  # the lead: headline, dek and the paragraphs up to the lead attribution
    items = list_items(docs)
    continued: dict[int, bool] = {}

    def _next_to_lead(d: int) -> bool:
        """The first paragraph of prose after the lead's: only its lead-in lines and list items between."""
        between = range(lead_doc + 1, d)
        return all((e in items or introduces(docs[e])) and continued.get(e, False) for e in between)

    for d, doc in enumerate(docs):
        figures = by_doc.get(d, [])
        if d < lead_doc:
            if prose_index(docs, d) < _LEAD_PARAGRAPHS and nouns(doc) & topic:
                for fig in figures:
                    _inherit(fig, doc, lead)
            continue
        own = [r for r in resolved_by_doc[d] if r.names and r.cue.kind in _CITING and not r.cue.local]
        continues = d == lead_doc or bool(nouns(doc) & topic) or (current == lead and _next_to_lead(d))
        if d in items:
            # an item of a list goes on with what its lead-in line goes on with ("The figures by region:"),
            # and is the writer's own when the lead-in is ("My own sums:")
            lead_in = docs[items[d]]
            continues = continued.get(items[d], False) and not in_writers_voice(lead_in)
        elif introduces(doc) and not figures and not own:
            continues = (continues or continued.get(d - 1, False)) and not in_writers_voice(doc)
        continued[d] = continues
        if not own:
            for fig in figures:
                owner = _price_owner(doc[fig.start : fig.end], names)
                if owner and not fig.sources:
                    fig.sources, fig.reach = [owner], "article"
        if (not own or d == lead_doc) and continues:
            for fig in figures:
                _inherit(fig, doc, current)
            topic |= nouns(doc)
        # the source reported from now on: the one this paragraph's own figures cite (not the provider of a
        # consensus they are compared with), else the organisation it names as reporting, unless that is
        # the press telling something else
        cited = [f.sources for f in figures if f.sources and f.reach != "article" and not f.consensus]
        new = list(dict.fromkeys(cited[-1])) if cited else None
        if new is None and not figures:
            carried = [r for r in own if not _consensus_cue(r) and not _is_press(r.names, registry)]
            new = list(dict.fromkeys(carried[-1].names)) if carried else None
        if new is not None:
            if set(new) != set(current):
                topic = set()  # another source: what it reports is yet to be seen
            current = new
            topic |= nouns(doc)


def _reports_a_period(span: Span) -> bool:
    """Whether a figure's clause reports what happened in some period (a verb in the past or the future,
    or a time expression: "shipped 5.9 million units in the last quarter", "was 10.8% in September"),
    rather than stating, in the present, what the writer holds to be so."""
    if any(t.ent_type_ in ("DATE", "TIME") for t in span.sent):
        return True
    root = root_of(span)
    # the tense is the finite verb's: "..., with load factor declining 1.3%", "saw RPKs increase by 23%"
    verb = next((t for t in [root, *root.ancestors] if _finite(t)), None)
    if verb is None:
        finite = [t for t in span.sent if _finite(t)]
        if not finite:
            return True  # a list item or a fragment of the report: "TikTok, with $1.21 billion"
        verb = finite[0]
    clause = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if any(t.tag_ == "MD" or (t.tag_ in ("VBD", "VBN") and not _ambiguous_past(t)) for t in clause):
        return True
    if any(_ambiguous_past(t) for t in clause):
        # "cost", "put", "cut": past or present by form; the sentence's other verbs tell
        others = [t for t in span.sent if t.tag_ in ("VBD", "VBZ", "VBP") and t not in clause]
        return any(t.tag_ == "VBD" and not _ambiguous_past(t) for t in others) or not others
    return False


def _finite(token: Token) -> bool:
    """A verb that carries tense: in the past or present, or with an auxiliary that does."""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    return token.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
        c.dep_ in ("aux", "auxpass") for c in token.children
    )


def _ambiguous_past(token: Token) -> bool:
    """A past tense spelled like the present ("cost", "put", "cut", "hit")."""
    return token.tag_ == "VBD" and token.lower_ == token.lemma_.lower()


def _market_move(span: Span) -> bool:
    """Whether the figure is a move or level of what trades on a market: its clause's subject is shares, a
    stock, an index, futures ("Shares in X rose 6.1% to 412 crowns", "The stock has gained 31%")."""
    verb = next((t for t in [root_of(span), *root_of(span).ancestors] if t.pos_ in ("VERB", "AUX")), None)
    if verb is None:
        return False
    while verb.dep_ in ("conj", "advcl", "xcomp") and not any(
        c.dep_ in ("nsubj", "nsubjpass") for c in verb.children
    ):
        verb = verb.head
    market = words("claims", "market_nouns")
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if any(c.lemma_.lower() in market or c.lower_ in market for c in subjects):
        return True
    if any(c.lower_ in ("they", "it") for c in subjects) and span.sent.start > 0:
        # "Shares rose 6.1%. They have gained 12% this year": the shares again
        previous = span.doc[span.sent.start - 1].sent
        return any(_market_move(previous[i : i + 1]) for i, t in enumerate(previous) if t.like_num)
    return False


def _price_owner(span: Span, names: SourceNames) -> str | None:
    """The organisation whose own price list a price is ("OpenAI's o1 model is priced at $15 per million
    tokens"): the named possessor of what is priced."""
    verb = next((t for t in root_of(span).ancestors if t.pos_ in ("VERB", "AUX")), None)
    if verb is None or verb.lemma_.lower() not in ("price", "cost", "charge", "sell", "list", "retail"):
        return None
    for subject in (c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")):
        for poss in (c for c in subject.children if c.dep_ == "poss"):
            owner = describe(poss)
            if owner is not None and owner.kind == "name":
                return names.canonical(owner.known or owner.name)
    return None


def _inherit(fig: Figure, doc: Doc, sources: list[str]) -> None:
    if fig.sources or fig.unsourced:
        return
    span = doc[fig.start : fig.end]
    if fig.consensus or writer_speaks(span.sent) or paragraph_first_person(doc):
        return
    if not _reports_a_period(span):
        return  # "Cheap handsets still make up most of the market: sixty percent ...": the writer's own
    if _market_move(span):
        return  # "Shares in Halvard rose 6.1%": market data, not the report's
    fig.sources = list(sources)
    fig.reach = "article"


def _is_press(names: list[str], registry: Registry) -> bool:
    return any((s := registry.get(n)) is not None and s.kind == "press" for n in names)


def _lead(docs: Sequence[Doc], resolved_by_doc: list[list[_Resolved]]) -> tuple[list[str], int]:
    """The lead attribution: the first cue citing an organisation in the first paragraphs of prose."""
    prose = 0
    for d, doc in enumerate(docs):
        for r in resolved_by_doc[d]:
            if r.names and r.cue.kind in _CITING and not r.cue.local and not _consensus_cue(r):
                return list(dict.fromkeys(r.names)), d
        if is_prose(doc):
            prose += 1
            if prose >= _LEAD_PARAGRAPHS:
                break
    return [], -1
