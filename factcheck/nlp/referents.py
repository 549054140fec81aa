"""What a noun phrase in a cue position stands for: an organisation or person by name, a pronoun, a
description of one named before ("the company", "the research firm"), a document ("the report", "IDC
data"), a group that cites nobody on its own ("analysts"), a product, or the writer ("we").

Read from the parse and the entities only: the entity ruler's ids give registry names, ``PERSON``
entities and the shape of proper-noun runs tell people from organisations, and an office holder's
organisation comes from the title around the name ("SIA president", "an analyst at X", "its president").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from factcheck.names import is_generic_abbreviation
from factcheck.nlp.lexicon import words

_NAME_LABELS = {"ORG", "GPE", "NORP", "FAC", "LOC"}
_FIRST_PERSON = {"we", "our", "us", "i", "me", "my", "ours"}
_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_THING_PRONOUNS = {"it", "its", "they", "their", "them", "theirs"}
_DEFINITE = {"the", "this", "that", "these", "those", "its", "their", "his", "her", "our"}
_OWNER_PREPS = {"from", "by", "of", "at", "for", "with"}
_ENTS = "factcheck_entities_by_token"
# Nouns of the English dictionary, per vocabulary (from the lemmatizer's tables): a capitalised word the
# tagger calls a common noun but the dictionary does not know ("Appfigures said") is a name.
_DICTIONARIES: dict[int, frozenset[str]] = {}


def use_dictionary(vocab: object, nouns: frozenset[str]) -> None:
    """Register the dictionary nouns of a pipeline's vocabulary."""
    _DICTIONARIES[id(vocab)] = nouns


def unknown_noun(token: Token) -> bool:
    """Whether the tagger called a word a noun that the dictionary knows only as something else ("Analysts
    at X reckon ..." with "reckon" tagged as a noun): a verb it misread."""
    nouns = _DICTIONARIES.get(id(token.vocab))
    return (
        token.pos_ == "NOUN"
        and nouns is not None
        and token.lemma_.lower() not in nouns
        and token.lower_ not in nouns
    )


def name_like(token: Token) -> bool:
    """Whether a token is (part of) a name: a proper noun, a word in a named entity, or a capitalised
    word that is no dictionary noun."""
    if token.text[:1].islower() and not any(ch.isupper() for ch in token.text):
        return False  # "the institute", however the tagger took it
    if _kind_opening(token):
        return False
    if token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "GPE", "NORP", "PERSON", "FAC", "PRODUCT"):
        return True
    if token.pos_ != "NOUN" or not token.text[:1].isupper():
        return False
    if (
        not token.is_sent_start
        and not token.text.isupper()
        and token.i > 0
        and not token.doc[token.i - 1].is_punct
    ):
        return True  # a capitalised word inside a sentence: "according to Lumen"
    nouns = _DICTIONARIES.get(id(token.vocab))
    return nouns is not None and token.lemma_.lower() not in nouns and token.lower_ not in nouns


@dataclass(frozen=True)
class Referent:
    """What a cue's noun phrase stands for.

    ``kind`` is one of: name (an organisation or place by name), person, pronoun, description ("the
    company"), document ("the report"), generic ("analysts"), product, first_person, unnamed ("a UN
    agency"). ``affiliation`` is a person's organisation or a document's or product's owner.
    """

    kind: str
    name: str = ""
    start: int = -1  # token span (in the Doc) of the words naming it
    end: int = -1
    noun: str = ""  # head lemma of a description, document or pronoun ("company", "report", "she")
    known: str | None = None  # the registry's name for it
    affiliation: Referent | None = None
    descriptors: tuple[str, ...] = ()  # nouns set before a name ("market research firm")


def entity_at(token: Token) -> Span | None:
    """The named entity the token stands in, if any."""
    if not token.ent_type_:
        return None
    doc = token.doc
    by_token = doc.user_data.get(_ENTS)
    if by_token is None:
        by_token = {i: ent for ent in doc.ents for i in range(ent.start, ent.end)}
        doc.user_data[_ENTS] = by_token
    return by_token.get(token.i)


def forget_entities(doc: Doc) -> None:
    """Drop the entity index :func:`entity_at` keeps on a Doc (call when its entities change)."""
    doc.user_data.pop(_ENTS, None)


def describe(token: Token, depth: int = 0) -> Referent | None:
    """The referent of the noun phrase headed by ``token`` (None when it names nothing that can cite)."""
    if depth > 3:
        return None
    lower = token.lower_
    if lower in ("which", "who", "that", "whose") and token.head.dep_ in ("relcl", "acl"):
        target = token.head.head  # "AWS, which also reported ...": the noun it refines
        while target.dep_ == "appos" and target.head is not target:
            target = target.head  # "AWS, the market leader, which ...": the one named
        return describe(target, depth + 1)
    if token.pos_ == "PRON" or lower in _FIRST_PERSON | _PERSON_PRONOUNS | _THING_PRONOUNS:
        if lower in _FIRST_PERSON:
            return Referent("first_person", noun=lower, start=token.i, end=token.i + 1)
        if lower in _PERSON_PRONOUNS | _THING_PRONOUNS:
            return Referent("pronoun", noun=lower, start=token.i, end=token.i + 1)
        return None
    if _titled_document(token):
        owner = next(
            (
                found
                for c in token.children
                if c.dep_ in ("compound", "nmod")
                and (
                    c.ent_type_ == "ORG"
                    or (c.text.isupper() and len(c.text) > 1 and not is_generic_abbreviation(c.text))
                )
                and (found := describe(c, depth + 1)) is not None
                and found.kind == "name"
            ),
            None,
        ) or _owner(token, depth)  # "the latest WHO Situation report"
        title = _title_of(token)
        return Referent(
            "document", title.text, title.start, title.end, noun=token.lemma_.lower(), affiliation=owner
        )
    ent = entity_at(token)
    if ent is not None:
        return _from_entity(ent, token, depth)
    if name_like(token):
        return _from_proper_run(token, depth)
    if token.pos_ in ("NOUN", "NUM", "ADJ", "PROPN") or (
        token.pos_ == "VERB" and token.dep_ in ("pobj", "nsubj", "nsubjpass", "dobj", "appos")
    ):  # a noun the tagger took for a verb ("based on CodeRabbit 2026 benchmarks")
        return _from_noun(token, depth)
    return None


def _titled_document(token: Token) -> bool:
    """ "the 2018 Global Games Market Report of Newzoo", "PYMNTS' Subscription Commerce Conversion Index": a
    document by its title (capitalised words ending in a document noun)."""
    if token.lemma_.lower() not in words("attribution", "document_nouns"):
        return False
    if token.ent_type_ in ("ORG", "PERSON", "GPE") and token.lower_ in words(
        "attribution", "organisation_name_words"
    ):
        return False  # "Crestline Research", "the Washington Post", "the British Geological Survey": names
    proper = [
        c for c in token.children if c.dep_ in ("compound", "nmod") and c.text[:1].isupper() and c.i < token.i
    ]
    if token.text[:1].isupper():
        return bool(proper)
    # "the Global Burden of Disease study": a title of several capitalised words before the noun
    return any(
        len([t for t in c.subtree if t.text[:1].isupper()]) >= 2 and not c.ent_type_ == "ORG" for c in proper
    )


def _title_of(token: Token) -> Span:
    """The words of a document's title, from the first of its capitalised modifiers to the noun."""
    doc = token.doc
    starts = [c.left_edge.i for c in token.children if c.dep_ in ("compound", "nmod") and c.i < token.i]
    start = min(starts, default=token.i)
    while start < token.i and (
        doc[start].lower_ in ("the", "a", "an") or doc[start].like_num or doc[start].is_punct
    ):
        start += 1
    return doc[start : token.i + 1]


def _clean_span(span: Span) -> Span:
    doc = span.doc
    start, end = span.start, span.end
    while start < end and doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end]


def _from_entity(ent: Span, token: Token, depth: int) -> Referent | None:
    label = ent.label_
    clean = _clean_span(ent)
    if not clean.text:
        return None
    if not ent.ent_id_ and not any(t.text[:1].isupper() for t in clean) and token.pos_ == "NOUN":
        return _from_noun(token, depth)  # "by the council": a description the recogniser took for a name
    if label == "PRODUCT":
        return Referent("product", clean.text, clean.start, clean.end, affiliation=_owner(ent.root, depth))
    titles = words("attribution", "titles")
    lead = clean.start
    while lead < clean.end - 1 and clean.doc[lead].lower_.strip("-‑") in titles | {"-", "‑"}:
        lead += 1
    if lead > clean.start and label in ("ORG", "PERSON"):
        # "General Zurab Pololikashvili": a title run into the name by the recogniser
        clean = clean.doc[lead : clean.end]
        if _looks_like_person(clean):
            return _person(clean, depth)
    if label == "PERSON" and len(clean) > 1 and not _organisation_shaped(clean) and _looks_like_person(clean):
        return _person(clean, depth)
    if label == "ORG" and not ent.ent_id_ and _looks_like_person(clean) and clean.start > 0:
        prev = clean.doc[clean.start - 1]
        if prev.lower_.rstrip(".") in titles or prev.lower_ in titles:
            return _person(clean, depth)  # "Dr Helena Varga", taken for an organisation
    if label == "ORG" and not ent.ent_id_ and _looks_like_person(clean) and _holds_office(clean):
        return _person(clean, depth)  # "Marta Ilves, head of sales at X", taken for an organisation
    if label == "NORP" and not ent.ent_id_:
        return Referent(
            "generic", noun=clean.text.lower(), start=clean.start, end=clean.end
        )  # "Americans said"
    if label in _NAME_LABELS or label == "PERSON":
        known = ent.ent_id_ or None
        return Referent(
            "name", clean.text, clean.start, clean.end, known=known, descriptors=_descriptors(ent)
        )
    if label == "WORK_OF_ART":
        return Referent("document", clean.text, clean.start, clean.end, noun="report")
    return None


def _holds_office(span: Span) -> bool:
    """Whether a name has an office holder's title in apposition that belongs to an organisation ("Lena
    Berg, head of research at X", "Lena Berg, X's chief economist")."""
    titles = words("attribution", "titles")
    return any(
        c.dep_ == "appos" and c.lemma_.lower() in titles and _title_organisation(c, 1) is not None
        for c in span.root.children
    )


def _organisation_shaped(span: Span) -> bool:
    """Whether a name reads as an organisation's ("Pew Research Center", "Crestline Research")."""
    org_words = words("attribution", "organisation_name_words")
    tokens = [t for t in span if not t.is_punct]
    return bool(tokens) and tokens[-1].lower_.rstrip(".") in org_words


def _from_proper_run(token: Token, depth: int) -> Referent | None:
    doc = token.doc
    start = end = token.i

    def joins(t: Token) -> bool:
        # "Pelican Freight", "Orbital Payments": a capitalised word compounded with the name, whatever the
        # tagger or the recogniser took it for
        if name_like(t) and not t.ent_type_:
            return True
        return (
            t.dep_ in ("compound", "amod", "nmod")
            and t.head.i > t.i
            and t.text[:1].isupper()
            and (t.pos_ in ("PROPN", "NOUN", "ADJ"))
        )

    while start > 0 and joins(doc[start - 1]):
        start -= 1
    while end + 1 < len(doc) and name_like(doc[end + 1]) and not doc[end + 1].ent_type_:
        end += 1
    # "Bureau of Labor Statistics", "Centre for Maritime Economics": "of"/"for" between proper nouns
    while (
        end + 2 < len(doc)
        and doc[end + 1].lower_ in ("of", "for", "&")
        and doc[end + 2].pos_ == "PROPN"
        and doc[end + 2].head.i in (end + 1, end + 3)
    ):
        end += 2
        while end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN":
            end += 1
    span = doc[start : end + 1]
    titles = words("attribution", "titles")
    while len(span) > 1 and span[0].lower_ in titles:
        span = doc[span.start + 1 : span.end]
    if _looks_like_person(span):
        return _person(span, depth)
    return Referent("name", span.text, span.start, span.end, descriptors=_descriptors(span))


def _looks_like_person(span: Span) -> bool:
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None
        and before.pos_ == "NOUN"
        and before.lemma_.lower() in words("attribution", "organisation_nouns")
    ):
        return False  # "the children's charity Little Steps": named by what it is
    head = span[-1]
    if any(
        c.dep_ == "appos" and c.lemma_.lower() in words("attribution", "organisation_nouns")
        for c in head.children
    ):
        return False  # "Halvard Ports, the country's biggest port operator": what it is, said after it
    if before is not None and before.lower_ in words("attribution", "titles") and before.lower_ != "chief":
        if not _organisation_shaped(span):
            return True
    tokens = [t for t in span if not t.is_punct]
    if not 2 <= len(tokens) <= 3 or _organisation_shaped(span):
        return False
    return all(t.text[:1].isupper() and t.text[1:].islower() for t in tokens)


def _person(span: Span, depth: int) -> Referent:
    return Referent("person", span.text, span.start, span.end, affiliation=_affiliation(span, depth))


def _descriptors(span: Span) -> tuple[str, ...]:
    """Common nouns set in front of a name or in apposition to it ("market research firm Canalys",
    "Drewmark, a shipping consultancy"): what later descriptions ("the research firm") may match."""
    root = span.root
    found = [
        t.lemma_.lower()
        for t in root.children
        if t.dep_ in ("compound", "nmod", "amod") and t.pos_ in ("NOUN", "ADJ") and t.i < span.start
    ]
    for child in root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN":
            found.append(child.lemma_.lower())
            found += [t.lemma_.lower() for t in child.children if t.dep_ in ("compound", "amod")]
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        found.append(root.head.lemma_.lower())
        found += [t.lemma_.lower() for t in root.head.children if t.dep_ in ("compound", "amod")]
    return tuple(dict.fromkeys(found))


def _owner(token: Token, depth: int) -> Referent | None:
    """Who a document or product belongs to: its possessor, the name compounded with it, "from/by X",
    or the agent of the verb that made it ("published by X")."""
    for child in token.children:
        if child.dep_ == "poss" or (child.dep_ in ("compound", "nmod") and name_like(child)):
            found = describe(child, depth + 1)
            if found is not None and found.kind not in ("generic", "unnamed"):
                return found
    for t in token.subtree:
        # "a study of 1,200 participants published on Wednesday in the Nordic Journal of X"
        if t.dep_ in ("acl", "relcl") and t.lemma_.lower() in (
            "publish",
            "issue",
            "release",
            "produce",
            "conduct",
        ):
            for prep in t.children:
                if (prep.dep_ == "prep" and prep.lower_ == "in") or prep.dep_ == "agent":
                    obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                    if obj is not None and name_like(obj):
                        return describe(obj, depth + 1)
    preps = [c for c in token.children if c.dep_ == "prep"]
    for of in (c for c in preps if c.lower_ == "of"):
        # "a poll of 1,020 parents for X", "a survey of 900 firms by X": who the survey is for or by
        for obj in (o for o in of.children if o.dep_ == "pobj"):
            for prep in (
                c for c in obj.children if c.dep_ in ("prep", "agent") and c.lower_ in ("for", "by")
            ):
                found = next((describe(o, depth + 1) for o in prep.children if o.dep_ == "pobj"), None)
                if found is not None and found.kind in ("name", "description"):
                    return found
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in _OWNER_PREPS:
            for obj in child.children:
                if obj.dep_ == "pobj" and (name_like(obj) or child.lower_ != "of"):
                    found = describe(obj, depth + 1)
                    if found is not None and found.kind not in ("generic", "first_person"):
                        return found
        if child.dep_ in ("acl", "relcl"):
            for agent in child.children:
                if agent.dep_ == "agent" or (
                    agent.dep_ == "prep" and agent.lower_ == "in" and child.lemma_.lower() == "publish"
                ):  # "a study published in the Nordic Journal of X"
                    obj = next((o for o in agent.children if o.dep_ == "pobj"), None)
                    if obj is not None and (agent.dep_ == "agent" or name_like(obj)):
                        return describe(obj, depth + 1)
        if child.dep_ == "appos":
            found = describe(child, depth + 1)
            if found is not None and found.kind == "name":
                return found
            for prep in (
                c for c in child.children if c.dep_ == "prep" and c.lower_ in ("between", "by", "from", "of")
            ):
                obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
                if obj is not None and name_like(obj):
                    return describe(obj, depth + 1)  # "the ... Report, a collaboration between PYMNTS and X"
    return None


def _from_noun(token: Token, depth: int) -> Referent | None:
    lemma = token.lemma_.lower()
    lower = token.lower_
    determiner = next((c.lower_ for c in token.children if c.dep_ in ("det", "poss")), "")
    if determiner == "whose" and token.head.dep_ == "relcl":
        # "Google, whose cloud and devices division reported ...": the one the relative clause is about
        target = token.head.head
        while target.dep_ == "appos" and target.head is not target:
            target = target.head
        return describe(target, depth + 1)
    if lemma in words("attribution", "generic_people") or lower in words("attribution", "generic_people"):
        owner = _owner(token, depth)
        if owner is not None and owner.kind not in ("document", "product"):
            return owner
        title = _title_holder(token, depth)
        if title is None and lemma in ("spokesperson", "spokeswoman", "spokesman"):
            return Referent("office", noun=lemma, start=token.i, end=token.i + 1)
        if title is None and lemma in words("attribution", "research_people"):
            # "Researchers found ...", "the authors wrote": the research the text reports
            return Referent("document", noun="research", start=token.i, end=token.i + 1)
        return title or Referent("generic", noun=lemma, start=token.i, end=token.i + 1)
    if lemma in words("attribution", "titles"):
        # "a spokesperson said", "the chief executive added": someone speaking for the organisation the
        # text is about
        return _title_holder(token, depth) or Referent("office", noun=lemma, start=token.i, end=token.i + 1)
    if lemma in words("attribution", "document_nouns") or lower in words("attribution", "document_nouns"):
        owner = _owner(token, depth)
        if owner is not None:
            return Referent("document", noun=lemma, start=token.i, end=token.i + 1, affiliation=owner)
        if determiner in ("a", "an", "another", "one") or (
            determiner == ""
            and any(c.dep_ in ("acl", "relcl") for c in token.children)
            and not any(t.dep_ == "agent" or t.lower_ == "by" for t in token.subtree)
        ):
            # "a report", "figures released in April": a document the text does not say whose it is (a
            # back-reference is definite: "the figures")
            return Referent("unnamed", noun=lemma, start=token.i, end=token.i + 1)
        return Referent("document", noun=lemma, start=token.i, end=token.i + 1)
    if (
        (token.tag_ == "NN" or (token.tag_ == "NNS" and token.head.tag_ == "VBZ"))
        and token.text[:1].isupper()
        and determiner == ""
        and token.dep_ in ("nsubj", "nsubjpass")
        and not any(c.dep_ in ("compound", "amod") for c in token.children)
        and lemma not in words("attribution", "organisation_nouns")
        and not _common_noun_opening(token)
    ):
        # "Lumen says ...": a singular noun without a determiner as a subject is a name
        return Referent("name", token.text, token.i, token.i + 1)
    if lemma in words("attribution", "organisation_nouns"):
        for child in token.children:
            if child.dep_ == "appos" and (child.pos_ == "PROPN" or child.ent_type_):
                return describe(child, depth + 1)
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        if after is not None and after.head is not token and name_like(after) and after.text[:1].isupper():
            # "for the charity Little Steps found": the name right after the noun, whatever the parser
            # made of it
            found = describe(after, depth + 1)
            if found is not None and found.kind == "name":
                return found
        for child in token.children if determiner not in ("a", "an", "another", "one") else ():
            if child.dep_ in ("compound", "poss", "nmod") and name_like(child):
                found = describe(child, depth + 1)  # "the People's Vote campaign", "the Apple unit"
                if found is not None and found.kind == "name":
                    return found
        if determiner in _DEFINITE or (determiner == "" and token.tag_ == "NN" and token.i > 0):
            qualifiers = tuple(
                t.lemma_.lower() for t in token.children if t.dep_ in ("compound", "amod", "nmod")
            )
            return Referent("description", noun=lemma, start=token.i, end=token.i + 1, descriptors=qualifiers)
        return Referent("unnamed", noun=lemma, start=token.i, end=token.i + 1)
    return None


def _kind_opening(token: Token) -> bool:
    """A word of the dictionary opening its sentence before a noun for an organisation ("Grid operator
    says ...", "Rail regulator fines ..."): it says what kind of organisation, whatever its capital and
    the tag a headline's capitals earned it, unless the recogniser or the registry named it."""
    doc = token.doc
    if token.ent_type_ or token.dep_ != "compound":
        return False
    if not (token.is_sent_start or (token.i > 0 and doc[token.i - 1].is_punct)):
        return False
    nouns = _DICTIONARIES.get(id(token.vocab))
    if nouns is None or (token.lemma_.lower() not in nouns and token.lower_ not in nouns):
        return False
    return token.head.lemma_.lower() in words("attribution", "organisation_nouns")


def _common_noun_opening(token: Token) -> bool:
    """A word of the dictionary capitalised only because it opens its sentence ("Engineering and computing
    saw the sharpest growth", "Tourism rose 4%"): its capital says nothing, so it is a common noun when it is
    coordinated with a common noun, or when its verb reports no clause ("Lumen says shipments rose" may be
    a name; "Engineering saw the sharpest growth" is not)."""
    doc = token.doc
    opening = token.is_sent_start or (token.i > 0 and doc[token.i - 1].is_punct)
    nouns = _DICTIONARIES.get(id(token.vocab))
    if not opening or nouns is None or (token.lemma_.lower() not in nouns and token.lower_ not in nouns):
        return False
    if any(c.pos_ == "NOUN" and c.text[:1].islower() for c in token.conjuncts):
        return True
    verb = token.head
    reports = any(c.dep_ in ("ccomp", "parataxis") for c in verb.children) or verb.dep_ in (
        "parataxis",
        "advcl",
        "ccomp",
    )
    return not reports


def _title_holder(token: Token, depth: int) -> Referent | None:
    """ "its president, Jonas Ek", "a spokeswoman for the agency", "the federation's chief economist": the
    office holder named in apposition (a person), or the organisation the title belongs to."""
    person = next((c for c in token.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    org = _title_organisation(token, depth)
    if person is not None:
        found = describe(person, depth + 1)
        if found is not None and found.kind == "person":
            return Referent("person", found.name, found.start, found.end, affiliation=org)
    return org


def _title_organisation(title: Token, depth: int) -> Referent | None:
    for child in title.children:
        if child.dep_ in ("poss", "compound", "nmod") and child.pos_ in ("PROPN", "PRON", "NOUN"):
            if child.lemma_.lower() in words("attribution", "titles"):
                continue
            found = describe(child, depth + 1)
            if found is not None and found.kind in ("name", "description", "pronoun"):
                return found
        if child.dep_ == "prep" and child.lower_ in ("of", "at", "for", "with", "from"):
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None:
                found = describe(obj, depth + 1)
                if found is not None and found.kind in ("name", "description", "pronoun"):
                    return found
    return None


def _affiliation(span: Span, depth: int) -> Referent | None:
    """A person's organisation, from the words around the name: an apposition ("John Neuffer, SIA
    president", "Leah Tan, an analyst at X"), a title over it ("its president, Jonas Ek"), an organisation
    in front ("UN Tourism Secretary-General Zurab Pololikashvili") or a relative clause ("who leads
    surveillance at the institute")."""
    root = span.root
    for child in root.children:
        if child.dep_ == "appos":
            found = _title_organisation(child, depth) if child.pos_ == "NOUN" else None
            if found is not None:
                return found
        if child.dep_ == "relcl":
            for held in (c for c in child.children if c.dep_ == "dobj"):
                # "Lidia Marsh, who chairs the council": the organisation the person's clause holds
                found = describe(held, depth + 1)
                if found is not None and (
                    found.kind == "description" or (found.kind == "name" and held.ent_type_ == "ORG")
                ):
                    return found
            for t in child.subtree:
                if t.dep_ == "prep" and t.lower_ in ("at", "of", "for", "with"):
                    obj = next((o for o in t.children if o.dep_ == "pobj"), None)
                    if obj is not None:
                        found = describe(obj, depth + 1)
                        if found is not None and found.kind in ("name", "description", "pronoun"):
                            return found
    if root.dep_ == "appos" and root.head.pos_ == "NOUN":
        found = _title_organisation(root.head, depth)
        if found is not None:
            return found
    doc = span.doc
    # "UN Tourism Secretary-General Zurab Pololikashvili": proper nouns in front of a title name the
    # organisation
    titles = words("attribution", "titles")
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in titles | {"-", "‑"}:
        i -= 1
    end = i + 1
    while i >= 0 and doc[i].pos_ == "PROPN" and doc[i].lower_ not in titles:
        i -= 1
    if end - (i + 1) >= 1 and end < span.start:
        org = doc[i + 1 : end]
        ent = entity_at(org[-1])
        known = ent.ent_id_ or None if ent is not None else None
        return Referent("name", org.text, org.start, org.end, known=known)
    for child in root.children:
        if child.dep_ == "compound" and child.i < span.start:
            ent = entity_at(child)
            if ent is not None and ent.label_ in _NAME_LABELS:
                clean = _clean_span(ent)
                return Referent("name", clean.text, clean.start, clean.end, known=ent.ent_id_ or None)
    return None
