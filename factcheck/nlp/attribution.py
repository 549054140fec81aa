"""The ``factcheck_attribution`` component: every attribution cue of a text, from patterns over lemmas and
dependencies kept as data (``data/attribution_patterns.json`` for spaCy's ``DependencyMatcher``,
``data/cue_phrases.json`` for its ``Matcher``), plus the text's hyperlinks and the registry sources named
as the place a figure stands ("on BenchLM").

A cue says who is cited (a :class:`~factcheck.nlp.referents.Referent`, resolved to an organisation later,
with the article as context) and how far it reaches: ``anchor`` is the token whose subtree it covers (the
verb of "Omdia reckons", what "according to X" attaches to); a ``local`` cue covers only the noun phrase it
stands in ("the consensus compiled by LSEG"). Results are on ``doc._.cues``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from spacy.language import Language
from spacy.matcher import DependencyMatcher, Matcher
from spacy.tokens import Doc, Span, Token
from spacy.vocab import Vocab

from factcheck.nlp import extensions  # noqa: F401  (registers the extensions)
from factcheck.nlp.lexicon import DATA, words
from factcheck.nlp.referents import Referent, describe, entity_at, forget_entities, name_like, unknown_noun

_CLAUSES = {"ccomp", "parataxis", "xcomp", "advcl", "dep"}


@dataclass(frozen=True)
class Cue:
    """One attribution cue: who is cited, by what kind of cue, and which tokens it reaches."""

    kind: str  # speaker, agent, citing, told, within, source_line, link, venue
    source: Referent
    anchor: int  # token whose subtree the cue covers; -1 for the whole sentence
    sentence: int  # index of the first token of the cue's sentence
    word: int = -1  # the cue word ("said", "according")
    local: bool = False  # reaches only the noun phrase it stands in
    href: str | None = None
    own_sentence: bool = False  # a speaker on its own doing ("X said it plans to ..."): no further reach


def _expand(value: Any) -> Any:
    """Replace ``"@section.class"`` references by the lexicon's word class."""
    if isinstance(value, str) and value.startswith("@"):
        section, name = value[1:].split(".")
        return sorted(words(section, name))
    if isinstance(value, dict):
        return {k: _expand(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_expand(v) for v in value]
    return value


@cache
def _patterns(name: str) -> list[dict[str, Any]]:
    return [_expand(entry) for entry in json.loads((DATA / name).read_text(encoding="utf-8"))]


@Language.factory("factcheck_attribution")
def make_attribution(nlp: Language, name: str) -> AttributionFinder:
    return AttributionFinder(nlp.vocab)


class AttributionFinder:
    """Sets ``doc._.cues``: the attribution cues of the Doc, in text order."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self.dependencies = DependencyMatcher(vocab)
        self.nodes: list[tuple[int, int]] = []  # where each pattern has its cue word and its source
        for i, entry in enumerate(_patterns("attribution_patterns.json")):
            self.dependencies.add(f"{entry['kind']}#{i}", [entry["pattern"]])
            ids = [node["RIGHT_ID"] for node in entry["pattern"]]
            self.nodes.append((ids.index("cue"), ids.index("source")))
        self.phrases = Matcher(vocab)
        for i, entry in enumerate(_patterns("cue_phrases.json")):
            self.phrases.add(f"{entry['kind']}#{i}", [entry["pattern"]])

    def __call__(self, doc: Doc) -> Doc:
        forget_entities(doc)  # the entities are final now (the name ruler ran)
        cues: list[Cue] = []
        for match_id, token_ids in self.dependencies(doc):
            kind, i = self.vocab.strings[match_id].split("#")
            at_cue, at_source = self.nodes[int(i)]
            cues.extend(_cues_of(kind, doc[token_ids[at_cue]], doc[token_ids[at_source]]))
        for match_id, start, end in self.phrases(doc):
            kind = self.vocab.strings[match_id].split("#")[0]
            if kind == "source_line":
                cues.extend(_source_line(doc, end))
            elif kind == "document_from":  # the name right after "from"/"by" (and its article)
                name = describe(next(t for t in doc[start + 2 : end - 1] if t.ent_type_))
                if name is not None and name.kind == "name":
                    sent = doc[start].sent
                    cues.append(Cue("speaker", name, sent.root.i, sent.start, end - 1))
            elif kind == "misread_verb":
                name = describe(doc[end - 2])
                if unknown_noun(doc[end - 1]) and name is not None and name.kind == "name":
                    sent = doc[start].sent
                    cues.append(Cue("speaker", name, sent.root.i, sent.start, end - 1))
            elif kind == "aside_apposition":
                verb = doc[end - 1]
                name = describe(doc[start + 1])
                if (
                    name is not None
                    and name.kind in ("name", "person")
                    and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
                ):
                    cues.append(Cue("speaker", name, doc[start].sent.root.i, doc[start].sent.start, end - 1))
            elif kind == "aside":
                name = describe(doc[start + 1])
                if name is not None and name.kind == "name":
                    sent = doc[start].sent
                    cues.append(Cue("speaker", name, sent.root.i, sent.start, end - 2))
            elif kind == "citing_opening":
                cues.extend(_cues_of("citing", doc[start], doc[end - 2]))
            elif not any(c.dep_ in ("nsubj", "nsubjpass") for c in doc[end - 1].children):
                cues.extend(_cues_of(kind, doc[end - 1], doc[end - 2]))
        named = {c.source.start for c in cues}
        cues.extend(_venues(doc, named))
        cues.extend(_links(doc))
        unique: dict[tuple[str, int, int], Cue] = {}
        for found in cues:
            unique.setdefault((found.kind, found.source.start, found.anchor), found)
        doc._.cues = sorted(unique.values(), key=lambda c: (c.source.start, c.word))
        return doc


def _reaches(verb: Token) -> Token:
    """The clause a verb of reporting covers: its own, or, for "..., as Omdia noted" and a parenthetical
    "X rose 5%, the firm said, ...", the clause it comments on."""
    if verb.dep_ == "parataxis" or (
        verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in verb.children)
    ):
        return verb.head
    return verb


def dateline_end(sent: Span) -> int:
    """Where a wire story's dateline ends ("OSLO, Oct 23 (Northline Wire) - ", "WASHINGTON—Sept. 3, 2021—"):
    the token after its dash, or the sentence start when it has none. The place is never a speaker."""
    first = sent[0]
    if not (first.is_alpha and first.text.isupper() and len(first.text) >= 3):
        return sent.start
    dashes = {"-", "—", "–", "--", "―"}
    for t in sent[1:16]:
        if t.text in dashes and t.tag_ != "HYPH":
            end = t.i + 1
            nxt = next((u for u in sent.doc[end : end + 8] if u.text in dashes and u.tag_ != "HYPH"), None)
            if nxt is not None and all(
                u.like_num or u.ent_type_ == "DATE" or u.is_punct for u in sent.doc[end : nxt.i]
            ):
                end = nxt.i + 1  # the date between two dashes belongs to the dateline
            return end
    return sent.start


def _referents(source: Token) -> list[Referent]:
    sent = source.sent
    after_dateline = dateline_end(sent)
    if source.i < after_dateline:
        # the dateline's place is never the speaker: the first name after it is
        source = next(
            (
                t
                for t in source.doc[after_dateline : sent.end]
                if name_like(t) and t.dep_ in ("nsubj", "compound", "appos")
            ),
            source,
        )
        if source.i < after_dateline:
            return []
    first = describe(source)
    if first is not None and first.kind == "name" and first.end <= len(source.doc):
        # "WASHINGTON—Sept. 3—The Semiconductor Industry Association said": a dateline's place, with the
        # organisation in apposition
        head = source.doc[first.start]
        if source.ent_type_ in ("GPE", "LOC") and head.text.isupper() and head.i == source.sent.start:
            appos = [describe(c) for c in source.children if c.dep_ == "appos"]
            named = [r for r in appos if r is not None and r.kind == "name"]
            if named:
                first = named[0]
    if first is None:
        return []
    found = [first]
    if first.kind in ("name", "document") and name_like(source):
        # "Xpeng and Li Auto reported", "according to OpenAI and CodeRabbit data": every one named
        for t in source.conjuncts:
            r = describe(t) if t.i > source.i else None
            if r is not None and (
                r.kind == "name" and name_like(t) or r.kind == "document" and r.affiliation
            ):
                found.append(r)
    return found


def _cues_of(kind: str, cue: Token, source: Token) -> list[Cue]:
    sentence = cue.sent.start
    lemma = cue.lemma_.lower()
    anchor, local = cue, False
    if kind == "group":
        # only when the group is someone's ("researchers from X"), and the verb is no verb of reporting
        # (the "speaker" pattern has those)
        found = [r for r in _referents(source) if r.kind == "name"]
        if lemma in words("attribution", "reporting_verbs") or not found:
            return []
        return [Cue("speaker", r, _reaches(cue).i, sentence, cue.i) for r in found]
    if kind == "controlled":
        if (
            any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in cue.children)
            or cue.dep_ == "acl"
            and cue.tag_ == "VBN"
        ):
            # it has a subject of its own, it is a passive modifier ("figures released"), or a passive
            # with its own agent ("the most common side effect, reported by 6% of patients")
            return []
        kind = "speaker"
    if kind == "stranded":
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
            return []  # the verb has a subject of its own
        kind = "speaker"
    if kind == "inverted":
        # "Said the report, ...": the speaker stands where an object would, before a clause of what was said
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children) or not any(
            c.dep_ in _CLAUSES for c in cue.children
        ):
            return []
        kind = "speaker"
    if kind == "speaker":
        if lemma in words("attribution", "document_subject_verbs") and source.lemma_.lower() not in words(
            "attribution", "document_nouns"
        ):
            return []  # "Apple recorded its best growth" is a result; "the data recorded 146 cases" reports
        if lemma in words("attribution", "at_verbs") and not _puts_at_a_level(cue):
            return []  # "putting 300 models in its showrooms"
        if lemma in words("attribution", "object_verbs") and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in words("attribution", "document_nouns")
            for c in cue.children
        ):
            return []  # "cut output by 9%" is an action; "cut its forecast to 3%" reports
        if lemma in words("attribution", "rating_verbs") and not any(
            c.dep_ == "dobj" and c.lemma_.lower() in words("attribution", "rating_nouns")
            for c in cue.children
        ):
            return []  # "gave it a score of 93" rates; "gave $5bn to" is an action
        if lemma in words("attribution", "disclosing_verbs") and not _discloses(cue):
            return []  # "OpenAI released GPT-5.5" is an event, "released figures showing ..." reports
        if lemma in words("attribution", "transitive_verbs") and not any(
            c.dep_ == "dobj" and not _rank_word(c) for c in cue.children
        ):
            return []  # "Lenovo ranked first with 24%", "X ranked third": what is ranked is not a source
        if lemma in words("attribution", "clause_verbs") and not any(
            c.dep_ in ("ccomp", "parataxis") for c in cue.children
        ):
            if cue.dep_ not in ("parataxis", "advcl", "ccomp"):
                return []  # "the bank added 2,000 staff"
        anchor = _reaches(cue)
    elif kind == "agent":
        if cue.dep_ in ("acl", "relcl") and cue.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON"):
            noun = cue.head
            if noun.dep_ in ("nsubj", "nsubjpass"):
                anchor = noun.head
            else:
                anchor, local = noun, True
    elif kind in ("citing", "within"):
        if (
            kind == "within"
            and cue.head.pos_ in ("NOUN", "PROPN", "NUM")
            and not _definite(source, names=False, article=False)
        ):
            return []  # "a 9% rise in the Oslo benchmark index": where something rose, not who reported it
        if (
            kind == "within"
            and source.lemma_.lower() not in words("attribution", "published_nouns")
            and not (_definite(source, article=False))
        ):
            return []  # "in the single-core test": where a figure was measured, not whose document
        on = cue.lower_ == "on"
        if kind == "within" and not _definite(source, names=not on, article=not on):
            return []  # "in agentic coding benchmarks", "on the same test": no document of anyone's
        if cue.lower_ in ("based", "drawn", "taken", "sourced") and not (
            name_like(source) or _definite(source, article=False)
        ):
            return []  # "based on the number of tokens" is a basis of calculation, not a source
        anchor = _clause_head(cue.head)
    elif kind == "told":
        found = [r for r in _referents(source) if r.kind == "name"]
        return [Cue(kind, r, cue.i, sentence, cue.i) for r in found]
    own = kind == "speaker" and _about_itself(cue)
    return [Cue(kind, r, anchor.i, sentence, cue.i, local, own_sentence=own) for r in _referents(source)]


def _about_itself(verb: Token) -> bool:
    """ "Saudi Arabia has since said it plans to cut output": a speaker telling its own plans or doings,
    whose word reaches no other sentence."""
    for clause in (c for c in verb.children if c.dep_ in ("ccomp", "xcomp")):
        if any(
            c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("it", "they", "we") for c in clause.children
        ):
            return True
    return False


def _puts_at_a_level(verb: Token) -> bool:
    """ "puts the share of renters who moved at 40%", "values the company at $5bn": an "at" with a figure
    in the verb's own clause (not "put the weights online, and nobody at the lab ...")."""
    spans = [s for _q, s in verb.doc._.quantities or ()]
    for t in verb.subtree:
        if t.dep_ == "prep" and t.lower_ == "at":
            clause = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX") and a.dep_ == "conj"), None)
            if clause is not None and verb in clause.ancestors:
                continue
            if any(c.like_num or any(s.start <= c.i < s.end for s in spans) for c in t.subtree if c is not t):
                return True
    return False


def _rank_word(token: Token) -> bool:
    """A place in a ranking standing as an object ("ranked third", "ranks #2", "placed first")."""
    return (
        token.like_num
        or token.ent_type_ in ("ORDINAL", "CARDINAL")
        or token.lemma_.lower()
        in ("first", "second", "third", "fourth", "fifth", "last", "top", "place", "position", "spot")
    )


def _definite(noun: Token, *, names: bool = True, article: bool = True) -> bool:
    """A noun phrase that names one thing: with a possessor, a name in front (``names``: "CodeRabbit 2026
    benchmarks", not wanted in "on the MRCR v2 benchmark") or a definite article (``article``)."""
    return any(
        c.dep_ == "poss"
        or (names and c.dep_ in ("compound", "nmod") and name_like(c))
        or (article and c.dep_ == "det" and c.lower_ in ("the", "this", "that"))
        for c in noun.children
    )


def _discloses(verb: Token) -> bool:
    """Whether a verb of making public reports: with a clause of what was said, or an object that is a
    document, a figure or what figures are called ("the new rates")."""
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return True
    nouns = words("attribution", "document_nouns") | words("attribution", "disclosed_nouns")
    spans = [s for _q, s in verb.doc._.quantities or ()]
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")):
        if obj.lemma_.lower() in nouns or obj.lower_ in nouns:
            return True
        if any(obj.left_edge.i <= s.start and s.end <= obj.right_edge.i + 1 for s in spans):
            return True
    return False


def _source_line(doc: Doc, end: int) -> list[Cue]:
    """ "Source: Bureau of Labor Statistics": the first name after the colon."""
    sent = doc[end - 1].sent
    for token in doc[end : sent.end]:
        if token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "GPE", "NORP", "PERSON"):
            found = describe(token)
            if found is not None and found.kind in ("name", "person"):
                return [Cue("source_line", found, -1, sent.start, end - 1)]
    return []


def _clause_head(token: Token) -> Token:
    """The head of the clause a word stands in (the verb of a main or subordinate clause)."""
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX") and t.dep_ in (
            "ROOT",
            "ccomp",
            "advcl",
            "conj",
            "parataxis",
            "relcl",
            "xcomp",
        ):
            return t
    return token.sent.root


def _governing_verb(token: Token) -> Token:
    for t in [token, *token.ancestors]:
        if t.pos_ in ("VERB", "AUX"):
            return t
    return token.sent.root


def _venues(doc: Doc, named: set[int]) -> list[Cue]:
    """Registry sources standing as the place a figure was measured: "on BenchLM", "the Artificial
    Analysis Intelligence Index", "tops LMArena" (the registry's kind decides later whether it cites)."""
    out = []
    preps = words("attribution", "venue_prepositions")
    nouns = words("attribution", "venue_nouns")
    for ent in doc.ents:
        if ent.label_ != "ORG" or not ent.ent_id_ or ent.start in named:
            continue
        root = ent.root
        head = root.head
        owned = root
        while owned.dep_ in ("compound", "poss", "nmod") and owned.head is not owned:
            owned = owned.head  # "the Artificial Analysis Intelligence Index": the index it names
        venue = (
            (root.dep_ == "pobj" and head.lower_ in preps)
            or (root.dep_ in ("dobj",) and head.lemma_.lower() in preps)
            or (owned is not root and owned.lemma_.lower() in nouns)
            or (ent.end < len(doc) and doc[ent.end].lemma_.lower() in nouns)
        )
        if venue:
            source = Referent("name", ent.text, ent.start, ent.end, known=ent.ent_id_)
            out.append(Cue("venue", source, _governing_verb(root).i, ent.sent.start, root.i))
    return out


def _links(doc: Doc) -> list[Cue]:
    out = []
    for start_char, end_char, href in doc._.links or ():
        span = doc.char_span(start_char, end_char, alignment_mode="expand")
        if span is None or not len(span):
            continue
        ent = entity_at(span.root)
        text = span.text
        source = Referent("link", text, span.start, span.end, known=ent.ent_id_ if ent is not None else None)
        out.append(Cue("link", source, _clause_head(span.root).i, span.sent.start, span.start, href=href))
    return out
