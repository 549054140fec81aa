"""One name per cited organisation: the registry's name when it knows the organisation, else the fullest
form the article gives ("Halcyon" cited, "Halcyon Labs" named; "IEA" cited, "International Energy Agency
(IEA)" named), and for a hyperlink the owner of the linked domain as the article spells it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from spacy.tokens import Doc

from factcheck.nlp.lexicon import words
from factcheck.sources.registry import Registry, organisation_from_url


class SourceNames:
    """Canonical names of the organisations an article cites, from the registry and the article's own
    spellings (acronyms defined in brackets, full names of which a cue uses the first word)."""

    def __init__(self, registry: Registry, docs: Iterable[Doc]) -> None:
        self.registry = registry
        self.acronyms: dict[str, str] = {}
        self.full_names: list[str] = []
        self.organisations: set[str] = set()  # names the recogniser took for an organisation somewhere
        for doc in docs:
            for ent in doc.ents:
                if ent.label_ not in ("ORG", "GPE", "NORP", "PERSON", "FAC"):
                    continue
                name = _strip(ent.text)
                if ent.label_ == "ORG":
                    self.organisations.add(name)
                if len(name.split()) >= 2:
                    self.full_names.append(name)
                after = doc[ent.end : ent.end + 3]
                if len(after) >= 2 and after[0].text in ("(", ","):
                    # "the International Energy Agency (IEA)", "the European ... Association, ACEA"
                    acronym = after[1].text
                    closed = after[0].text == "," or (len(after) == 3 and after[2].text == ")")
                    if closed and acronym.isupper() and acronym.isalpha() and 1 < len(acronym) <= 10:
                        self.acronyms.setdefault(acronym, name)

    def canonical(self, name: str) -> str:
        """The one name of the organisation called ``name`` in the article."""
        name = _strip(name)
        known = self.registry.get(name)
        if known is not None:
            return known.name
        if name in self.acronyms:
            full = self.acronyms[name]
            known = self.registry.get(full)
            return known.name if known is not None else full
        words_in = name.split()
        org_words = words("attribution", "organisation_name_words")
        for full in self.full_names:
            parts = full.split()
            if (
                len(parts) > len(words_in)
                and parts[: len(words_in)] == words_in
                and parts[-1].lower().rstrip(".,") in org_words
            ):
                return full
        return name

    def of_link(self, href: str, anchor: str, sentence: str) -> str:
        """The organisation a hyperlink cites: the registry's owner of its domain, else a name made from
        the domain as the sentence or the link text spells it ("Handsetlab" -> "HandsetLab")."""
        if self.registry.by_url(href) is not None:
            return organisation_from_url(href, self.registry)
        name = organisation_from_url(href, self.registry)
        squashed = re.sub(r"[^a-z0-9]", "", name.lower())
        link_words = [
            w for w in re.findall(r"[\w'’-]+", anchor) if w.lower() not in ("of", "for", "and", "the")
        ]
        if len(link_words) >= 2 and all(w[:1].isupper() for w in link_words):
            initials = "".join(w[0] for w in link_words).lower()
            joined = re.sub(r"[^a-z0-9]", "", anchor.lower())
            if initials == squashed or squashed in joined or joined in squashed:
                return anchor.strip()
        for m in re.finditer(r"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}", sentence):
            parts = m.group(0).split()
            for n in range(len(parts), 0, -1):
                candidate = re.sub(r"['’]s$", "", " ".join(parts[:n]))
                flat = re.sub(r"[^a-z0-9]", "", candidate.lower())
                if flat == squashed or (len(flat) >= 4 and squashed.startswith(flat)):
                    return candidate
        return name


def same_site(url: str | None, other: str | None) -> bool:
    """Whether two URLs are on one site (a link to the article's own site cites nobody)."""
    a, b = _host(url), _host(other)
    return bool(a and b) and (a == b or a.endswith("." + b) or b.endswith("." + a))


def _host(url: str | None) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.") if url else ""


def _strip(name: str) -> str:
    name = re.sub(r"^(?:the|The)\s+", "", name.strip())
    return re.sub(r"['’]s?$", "", name).strip(" ,.;:")
