"""What the words that stand for an organisation stand for, with the article read so far as context:
"the company" (the organisation the text is about), "the research firm" (the one introduced as one),
"the report" (the source cited last), "it", "she", "Ms. Okafor" (a person named before, mapped to her
organisation), "its technical report" (the owner of the product named), "the association" (the one whose
name holds the word).
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from factcheck.claims.naming import SourceNames
from factcheck.names import is_generic_abbreviation
from factcheck.nlp.attribution import dateline_end
from factcheck.nlp.lexicon import words
from factcheck.nlp.referents import Referent, describe
from factcheck.sources.registry import Registry

_PERSON_PRONOUNS = {"he", "she", "him", "her", "his", "hers"}
_MEMORY = 300  # organisations named before that a reference may stand for
# Descriptions that stand for the organisation the text is about rather than for the source cited last.
_COMPANY_LIKE = {
    "company", "maker", "manufacturer", "chipmaker", "carmaker", "automaker", "developer",
    "retailer", "carrier", "operator", "utility", "startup", "start-up", "lender", "insurer", "airline",
    "provider", "publisher", "producer", "supplier", "vendor", "giant", "conglomerate", "business", "bank",
    "platform", "brand", "chain", "parent", "owner", "unit", "division", "subsidiary", "studio", "app",
}  # fmt: skip


@dataclass
class _Named:
    name: str
    paragraph: int
    order: int  # sentence counter
    token: int  # token index in its paragraph
    descriptors: frozenset[str]
    subject: bool


class Memory:
    """The organisations and people an article has named so far, and the sources it has cited."""

    def __init__(self, names: SourceNames, registry: Registry) -> None:
        self.names = names
        self.registry = registry
        self.orgs: list[_Named] = []
        self.people: dict[str, list[str]] = {}  # full name and surname -> organisations
        self.last_person: tuple[str, int] | None = None
        self.cited: list[tuple[list[str], int, int]] = []  # (names, paragraph, order)
        self.owners: dict[str, str] = {}  # product -> its maker
        self.counts: dict[str, int] = {}  # how often each organisation is named
        self.last_description: list[str] = []  # what "the team", "the group" stood for last
        self.speakers: list[tuple[list[str], int]] = []  # organisations named as the subject that reports
        self.order = 0
        self._sentence_start = 0

    def see_sentence(self, sent: Span, paragraph: int, ents: list[Span] | None = None) -> None:
        """Note the organisations, people and products the sentence names (its entities, ``ents``)."""
        self.order += 1
        self._sentence_start = sent.start
        after_dateline = dateline_end(sent)
        for ent in sent.ents if ents is None else ents:
            if ent.start < after_dateline:
                continue  # "OSLO, Oct 23 (Wire) -": the dateline's place
            if ent.label_ in ("ORG",) or (ent.label_ == "PERSON" and len(ent) == 1):
                ref = describe(ent.root)
                if ref is None or ref.kind != "name" or is_generic_abbreviation(ref.name):
                    continue
                name = self.names.canonical(ref.known or ref.name)
                if self._person_org(name) is not None:
                    continue
                subject = ent.root.dep_ in ("nsubj", "nsubjpass")
                self.orgs.append(
                    _Named(name, paragraph, self.order, ent.start, frozenset(ref.descriptors), subject)
                )
                self.counts[name] = self.counts.get(name, 0) + 1
            elif ent.label_ == "PERSON":
                ref = describe(ent.root)
                if ref is not None and ref.kind == "person":
                    self._person(ref, sent, paragraph)
            elif ent.label_ == "PRODUCT":
                for child in ent.root.children:
                    if child.dep_ == "poss":
                        owner = describe(child)
                        if owner is not None and owner.kind == "name":
                            self.owners[ent.text] = self.names.canonical(owner.known or owner.name)

    def after_sentence(self, sent: Span, paragraph: int) -> None:
        self._sentence_start = sent.end

    def cite(self, found: list[str], paragraph: int, ref: Referent, speaker: bool = False) -> None:
        """Note that ``found`` were cited (``speaker``: as the subject that reports, not as the provider of
        data a sentence mentions)."""
        self.cited.append((found, paragraph, self.order))
        if speaker and ref.kind in ("name", "description"):
            self.speakers.append((found, paragraph))
        if speaker and ref.kind in ("name", "person") and ref.start >= 0:
            # an organisation that speaks is one the text is about, whatever the recogniser made of it
            for name in found:
                if not any(o.name == name and o.order == self.order for o in self.orgs[-20:]):
                    self.orgs.append(_Named(name, paragraph, self.order, ref.start, frozenset(), True))
                    self.counts[name] = self.counts.get(name, 0) + 1

    # resolution -----------------------------------------------------------------------------------

    def resolve(self, ref: Referent, sent: Span, paragraph: int, depth: int = 0) -> list[str]:
        """The organisations ``ref`` stands for (empty when it names nobody who can be cited)."""
        if depth > 3:
            return []
        kind = ref.kind
        if kind == "name":
            name = self.names.canonical(ref.known or ref.name)
            person = self._person_org(ref.name)
            if person is not None:
                return person
            return [self.owners.get(ref.name, name)]
        if kind == "person":
            return self._person(ref, sent, paragraph)
        if kind == "pronoun":
            if ref.noun in _PERSON_PRONOUNS:
                if self.last_person is not None:
                    return self.people.get(self.last_person[0], [])
                return self._company(ref.start, paragraph)
            return self._antecedent(ref, sent, paragraph)
        if kind == "description":
            return self._description(ref, paragraph)
        if kind == "document":
            if ref.affiliation is not None:
                return self.resolve(ref.affiliation, sent, paragraph, depth + 1)
            if ref.name:  # a document by its title ("the Global Burden of Disease study")
                return [ref.name]
            return self._last_cited(paragraph)
        if kind == "office":  # "a spokesperson said": for the organisation the text is about
            return self._speaker(paragraph) or self._company(ref.start, paragraph)
        if kind == "product":
            if ref.affiliation is not None:
                return self.resolve(ref.affiliation, sent, paragraph, depth + 1)
            owner = self.owners.get(ref.name)
            return [owner] if owner else []
        return []

    def _person(self, ref: Referent, sent: Span, paragraph: int) -> list[str]:
        if ref.affiliation is None and ref.name in self.names.organisations and not _titled(ref, sent):
            return [self.names.canonical(ref.name)]  # a name shaped like a person's that is an organisation's
        found: list[str] = []
        if ref.affiliation is not None:
            found = self.resolve(ref.affiliation, sent, paragraph, 1)
        if not found:
            found = self._person_org(ref.name) or []
        if not found and _titled(ref, sent):
            # "chief financial officer Grace Okafor": of the organisation that reports, else the one the text
            # is about
            found = self._speaker(paragraph) or self._company(ref.start, paragraph)
        parts = ref.name.split()
        for key in {ref.name, parts[-1]} if parts else set():
            if found or key not in self.people:
                self.people[key] = found
        self.last_person = (ref.name, paragraph)
        return found

    def _person_org(self, name: str) -> list[str] | None:
        parts = name.split()
        for key in (name, parts[-1] if parts else name):
            if key in self.people:
                self.last_person = (key, -1)
                return self.people[key]
        return None

    def _before(self, token: int) -> list[_Named]:
        """Organisations named before ``token`` of the current sentence, latest first."""
        return [
            o
            for o in reversed(self.orgs)
            if o.order < self.order or (o.order == self.order and o.token < token)
        ]

    def _antecedent(self, ref: Referent, sent: Span, paragraph: int) -> list[str]:
        """ "it", "its", "they": the subject named before it in the sentence, else the source cited or the
        organisation named last; a product stands for its maker ("Google's Gemini ..., according to its
        technical report")."""
        for token in sent:
            if token.i >= ref.start:
                break
            if token.dep_ in ("nsubj", "nsubjpass") and token.ent_type_ == "PRODUCT":
                product = describe(token)
                if product is not None:
                    owner = self.resolve(product, sent, paragraph, 1)
                    if owner:
                        return owner
        same = [o for o in self._before(ref.start) if o.order == self.order]
        if same:
            subjects = [o for o in same if o.subject]
            return [(subjects or same)[0].name]
        cited = self._last_cited(paragraph, within=True)
        if cited:
            return cited
        before = self._before(ref.start)
        subjects = [o for o in before if o.subject]
        return [(subjects or before)[0].name] if before else []

    def _description(self, ref: Referent, paragraph: int) -> list[str]:
        """ "the association", "the research firm", "the EU statistics office", "the company"."""
        found = self._describe(ref, paragraph)
        if found:
            self.last_description = found
        return found

    def _describe(self, ref: Referent, paragraph: int) -> list[str]:
        noun = ref.noun
        if "same" in ref.descriptors and self.last_description:
            return list(self.last_description)  # "the same group": the one just described
        before = self._before(ref.start)
        for o in before:
            name_words = {w.lower().strip(".,'’") for w in o.name.split()}
            if noun in name_words or noun in o.descriptors or (set(ref.descriptors) & o.descriptors):
                return [o.name]
        if noun in _COMPANY_LIKE:
            return self._company(ref.start, paragraph)
        # "the firm said", "the group found", "the agency's figures": the source cited last in the paragraph,
        # else the organisation it named as a subject, else the source cited last, else the organisation the
        # text is about
        here = [o for o in before if o.paragraph == paragraph and o.subject]
        return (
            self._last_cited(paragraph, within=True)
            or self._last_cited(paragraph)
            or ([here[0].name] if here else [])
            or self._company(ref.start, paragraph)
        )

    def _company(self, token: int, paragraph: int) -> list[str]:
        """The organisation the text is about: the one named last as a subject (this paragraph or the one
        before), else the one the article names most, else the source cited last."""
        before = self._before(token)
        recent = [o for o in before if o.paragraph >= paragraph - 1]
        # named as a subject before this sentence (not "Eastgate alone would run at 92%" in the quote itself)
        subjects = [o for o in recent if o.subject and o.order < self.order] or [
            o for o in recent if o.subject
        ]
        if subjects:
            return [subjects[0].name]
        if self.counts:
            return [max(self.counts, key=lambda n: (self.counts[n], -self._last_seen(n)))]
        return self._last_cited(paragraph) or ([before[0].name] if before else [])

    def _speaker(self, paragraph: int) -> list[str]:
        """The organisation named last as the subject that reports."""
        return list(self.speakers[-1][0]) if self.speakers else []

    def _last_seen(self, name: str) -> int:
        return next((i for i, o in enumerate(reversed(self.orgs)) if o.name == name), len(self.orgs))

    def _last_cited(self, paragraph: int, within: bool = False) -> list[str]:
        for names, p, _order in reversed(self.cited[-_MEMORY:]):
            if p == paragraph or not within:
                return list(names)
        return []


def _titled(ref: Referent, sent: Span) -> bool:
    """Whether a person is named with a title ("chief financial officer Grace Okafor", "Ms. Okafor")."""
    doc = sent.doc
    titles = words("attribution", "titles")
    before = doc[ref.start - 1] if ref.start > 0 else None
    return before is not None and before.lower_ in titles
