"""Which sources a sentence cites: attribution phrases, named leaderboards, and hyperlinks.

A source is always named as an organisation: a registry name when the registry knows it
("official OpenAI 2026 data" -> "OpenAI", a link to futurumgroup.com -> "Futurum Group"), else the
capitalised name that stands in the attribution ("according to Foo Research" -> "Foo Research").
Each attribution also says which way it reaches: one at the start of a sentence ("According to X, ...")
covers what follows it in the paragraph; one at the end (", the firm found") covers what came before.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from factcheck.models import Link
from factcheck.sources.registry import Registry, organisation_from_url

# Words before a name that make it the source of what is stated.
_CUE_BEFORE = re.compile(
    r"(?:according\s+to|based\s+on|per|citing|cited\s+by|reported\s+by|as\s+reported\s+by|data\s+from|said|says|"
    r"figures\s+from|numbers\s+from|estimates\s+from|research\s+from|analysis\s+(?:by|from)|"
    r"a\s+(?:report|survey|study|analysis|poll)\s+(?:by|from|of)|told|in\s+an?\s+interview\s+with|"
    r"(?:polled|surveyed|compiled|published|conducted|commissioned|collected|tracked|measured|estimated|"
    r"calculated|released|run|carried\s+out|interviewed)\s+by|sources?:)"
    r"\s+(?:the\s+|an?\s+)?(?:(?:independent|official|latest|new|recent|public|published|internal|"
    r"own|its|their)\s+)*$",
    re.I,
)
# Words after a name that make it the source: "X said", "X's data", "X 2026 benchmarks".
_CUE_AFTER = re.compile(
    r"^(?:\s+(?:19|20)\d\d)?(?:'s|’s)?\s+(?:\w+\s+){0,2}?"
    r"(?:data|benchmarks?|figures|numbers|estimates?|research|report|reports|survey|study|analysis|"
    r"testing|tests|statistics|stats|tracker|records|tally|count|poll|figures|pricing|price\s+list|"
    r"website|blog|announcement|press\s+release|filing|statement|earnings|results|documentation|docs)\b"
    r"|^(?:,[^,]{1,100},)?\s+(?:also\s+|further\s+|separately\s+|later\s+|previously\s+)?(?:said|says|told|reported|reports|found|finds|estimated|estimates|gave|"
    r"gives|rated|rates|puts|put|shows|showed|measured|measures|calculated|counted|"
    r"lists|listed|wrote|writes|noted|notes|announced|announces|published|publishes|claims|claimed|"
    r"tallied|observed|concluded|predicts|predicted|forecasts|forecast|surveyed|polled|interviewed|"
    r"studied|analy[sz]ed|tracked|tested|ranks|ranked|expects|expected|sees|guided)\b",
    re.I,
)
# A leaderboard or index named as the place a figure comes from ("on BenchLM", "the X Index").
_VENUE_BEFORE = re.compile(r"\b(?:on|in|to|by|of|at|from|atop|tops?|topped|leads?|led)\s+(?:the\s+)?$", re.I)
_VENUE_AFTER = re.compile(
    r"^(?:'s|’s)?\s+(?:[A-Z][\w.-]*\s+){0,3}(?:Index|Leaderboard|leaderboard|Rankings?|rankings?|Arena)\b"
)
# Registry kinds whose name, standing as a venue, cites them.
# A benchmark's name is the metric, not a source.
_VENUE_KINDS = {
    "aggregator",
    "leaderboard",
    "analyst",
    "research institute",
    "press",
    "statistics",
    "consultancy",
}
# Unknown organisations after a cue: a run of capitalised words (with & and -), "Inc."/"Group" kept.
_CAPITALISED_RUN = re.compile(r"(?:the\s+)?((?:[A-Z][\w&.-]*|&)(?:\s+(?:[A-Z][\w&.-]*|&|of|for|and))*)")
_NOT_NAMES = {
    "I",
    "We",
    "It",
    "Its",
    "They",
    "Their",
    "Our",
    "His",
    "Her",
    "This",
    "That",
    "These",
    "Those",
    "The",
    "A",
    "An",
    "He",
    "She",
}


@dataclass(frozen=True)
class Attribution:
    """A source cited in a sentence, where its cue stands, and which way it reaches in the paragraph."""

    source: str
    start: int  # offset of the cited name in the sentence
    end: int
    scope: str  # "forward" (sentence-initial cue) or "backward"
    kind: str = "cue"  # cue ("according to X"), by ("compiled by X"), venue ("on BenchLM"), link
    href: str | None = None  # for links: where it points


def sentence_attributions(
    sentence: str,
    registry: Registry,
    *,
    offset: int = 0,
    links: Sequence[Link] = (),
    article_url: str | None = None,
    people: AbstractSet[str] = frozenset(),
    orgs: AbstractSet[str] = frozenset(),
) -> list[Attribution]:
    """The sources ``sentence`` cites. ``offset`` is the sentence's position in the article text,
    so that hyperlinks (positioned in the article text) standing in it can be found; ``people`` and
    ``orgs`` are the names the parser recognised as persons and organisations."""
    found: list[Attribution] = []
    known = registry.find_mentions(sentence)
    for start, end, source in known:
        before, after = sentence[max(0, start - 60) : start], sentence[end : end + 140]
        kind = "cue" if (_CUE_BEFORE.search(before) or _CUE_AFTER.match(after)) else None
        if kind is None and source.kind in _VENUE_KINDS:
            if _VENUE_BEFORE.search(before) or _VENUE_AFTER.match(after):
                kind = "venue"
        if kind:
            found.append(Attribution(source.name, start, end, _scope(sentence, start), kind))
    found.extend(_unknown_sources(sentence, known, people, orgs))
    found = [
        replace(f, kind="by") if f.kind == "cue" and _PASSIVE_BY.search(sentence[: f.start]) else f
        for f in found
    ]
    named = list(found)
    for link in _linked_sources(sentence, offset, links, registry, article_url):
        # A link on a cited name ("according to <a>Skyline Research</a>") is that source's page.
        owner = next((a for a in named if a.start <= link.start <= a.end), None)
        found.append(replace(link, source=owner.source) if owner else link)
    return _dedupe(found)


# "the consensus compiled by LSEG": the source of the figure right before it, not of the sentence.
_PASSIVE_BY = re.compile(
    r"\b(?:polled|surveyed|compiled|published|conducted|commissioned|collected|tracked|measured|estimated|"
    r"calculated|released|interviewed|run|carried\s+out|forecast|projected)\s+by\s+(?:the\s+)?$",
    re.I,
)


def _unknown_sources(
    sentence: str,
    known: list,
    people: AbstractSet[str] = frozenset(),
    orgs: AbstractSet[str] = frozenset(),
) -> list[Attribution]:
    """Names after an attribution cue that the registry does not know."""
    out = []
    for cue in re.finditer(
        r"\b(?:according\s+to|based\s+on|reported\s+by|cited\s+by|told|per|(?:said|says|wrote|writes|noted|"
        r"estimated|estimates)(?=\s+(?:the\s+)?[A-Z])|(?:polled|surveyed|compiled|published|"
        r"conducted|commissioned|collected|tracked|measured|estimated|calculated|released|interviewed)\s+by|"
        r"data\s+from|figures\s+from|a\s+(?:report|survey|study|poll)\s+(?:by|from|of)|"
        r"published\s+(?:[\w,]+\s+){0,3}?in|(?:researchers|scientists|authors|analysts|economists)\s*,?\s+"
        r"(?:from|at|of))\s+",
        sentence,
        re.I,
    ):
        tail = sentence[cue.end() :]
        tail = re.sub(r"^(?:the\s+)?(?:(?:independent|official|latest|new|recent|public)\s+)*", "", tail)
        skipped = len(sentence) - len(tail)
        m = _CAPITALISED_RUN.match(tail)
        if not m:
            continue
        name = re.sub(r"(?:\s+(?:of|for|and|&))+$", "", m.group(1)).strip(" .")
        start = skipped + m.start(1)
        if not name or name in _NOT_NAMES or any(s <= start < e for s, e, _ in known):
            continue
        if cue.group(0).split()[0].lower() in _SPEECH:
            if _looks_like_person(name, people, orgs):
                continue  # "said Rosa Delgado, an economist at X": the organisation comes from _PERSON_AT
            if not _ENDS_ATTRIBUTION.match(sentence[start + len(name) :]):
                continue  # "Halcyon says Kestrel-3 delivers ...": Kestrel-3 is what is spoken of
        out.append(Attribution(name, start, start + len(name), _scope(sentence, start)))
    # "Halcyon also says ...", "..., Halcyon said in a post": an unknown organisation that speaks.
    for m in _SPEAKER.finditer(sentence):
        name, start = m.group("name"), m.start("name")
        first = name.split()[0]
        if first in _NOT_NAMES or re.search(r"\d", name) or any(s <= start < e for s, e, _ in known):
            continue
        if (start == 0 and first.lower() in _SENTENCE_OPENERS) or _looks_like_person(name, people, orgs):
            continue
        if first.lower().split("-")[0] in _NUMBER_WORDS:
            continue  # "Two-thirds said ..." are respondents, not an organisation
        out.append(Attribution(name, start, start + len(name), _scope(sentence, start)))
    for m in _POSSESSIVE_DATA.finditer(sentence):
        name, start = m.group("name"), m.start("name")
        if not any(s <= start < e for s, e, _ in known) and name.split()[0] not in _NOT_NAMES:
            out.append(Attribution(name, start, start + len(name), _scope(sentence, start)))
    for m in _PERSON_AT.finditer(sentence):
        org = re.sub(r"(?:\s+(?:of|for|and|&))+$", "", m.group("org")).rstrip(".")
        start = m.start("org")
        if not any(s <= start < e for s, e, _ in known):
            out.append(Attribution(org, start, start + len(org), _scope(sentence, start)))
    return out


# What may follow the name in "..., said Omdia." / "said Omdia on Monday" / "said IDC, which tracks ...".
_ENDS_ATTRIBUTION = re.compile(
    r"\s*(?:[,.;:)]|$|\s+(?:on|in|last|this|earlier|yesterday|today|which|who|whose|in\s+a)\b)"
)
_SPEECH = {"said", "says", "wrote", "writes", "noted", "estimated", "estimates", "told"}
# An organisation named right before a verb of saying, at the start of the sentence or after a comma.
_SPEAKER = re.compile(
    r"(?:^|(?<=[,;:]\s)|(?<=[-–—]\s)|(?<=\bthat\s)|(?<=\bas\s))(?:the\s+)?"
    r"(?P<name>[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of|for|and|&)){0,5}?)"
    r"(?:,[^,]{1,100},)?\s+(?:(?:analysts|economists|researchers|strategists|officials|executives|experts)\s+)?"
    r"(?:(?:also|further|separately|previously|later|now|still|last\s+\w+)\s+)?"
    r"(?:said|says|reported|reports|found|finds|estimated|estimates|counted|counts|noted|notes|wrote|"
    r"announced|announces|claims|claimed|predicts|predicted|forecasts|forecast|calculated|measured|"
    r"surveyed|polled|interviewed|studied|analy[sz]ed|tracked|tested|ranks|ranked|rates|rated|puts|"
    r"expects|expected|sees|guided|projects|projected|plans|intends|aims|targets|proposes|proposed|asked|"
    r"has\s+asked|told\s+(?:analysts|investors|reporters|shareholders|lawmakers|regulators|staff|employees))\b"
)
# "Appfigures' data show", "Sensor Tower's estimates put ...": an organisation's own numbers.
_POSSESSIVE_DATA = re.compile(
    r"(?P<name>[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3})(?:['’]s?)?\s+(?:\w+\s+){0,2}?"
    r"(?:data|figures|numbers|estimates|measurements|survey|report|research|analysis|tracker|records|index)\s+"
    r"(?:show|shows|showed|suggest|suggests|indicate|indicates|put|puts|found|finds|reveal|reveals)\b"
)
# "said Rosa Delgado, an economist at the Brookfield Policy Institute": the person's organisation.
_PERSON_AT = re.compile(
    r"(?:said|says|wrote|told|according\s+to)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2},\s+(?:an?|the|its)\s+"
    r"[\w\s-]{0,50}?\b(?:at|of|from|with|for)\s+(?:the\s+)?"
    r"(?P<org>[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|of|for|and|&)){0,5})"
)
_NUMBER_WORDS = {
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "half",
    "a",
    "most",
    "many",
    "some",
    "few",
    "all",
    "none",
    "nearly",
    "about",
    "almost",
    "roughly",
    "more",
    "less",
    "fewer",
    "only",
}
_SENTENCE_OPENERS = {
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "this",
    "that",
    "there",
    "everyone",
    "nobody",
}


# Words that end organisation names; a two- or three-word name without one is more likely a person.
ORG_SUFFIXES = {
    "labs",
    "lab",
    "group",
    "research",
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "institute",
    "analytics",
    "ai",
    "consulting",
    "capital",
    "partners",
    "media",
    "news",
    "times",
    "bank",
    "university",
    "associates",
    "intelligence",
    "insights",
    "technologies",
    "technology",
    "systems",
    "ventures",
    "foundation",
    "council",
    "agency",
    "association",
    "office",
    "ministry",
    "board",
    "commission",
    "company",
    "co",
    "co.",
    "llc",
    "ltd",
    "plc",
    "gmbh",
    "sa",
    "ag",
    "networks",
    "software",
    "cloud",
    "data",
    "markets",
    "economics",
    "organization",
    "organisation",
    "fund",
    "forum",
    "union",
    "federation",
    "center",
    "centre",
    "service",
    "services",
    "authority",
    "observatory",
    "laboratory",
    "laboratories",
    "securities",
    "bureau",
    "interactive",
    "games",
    "studios",
    "studio",
    "entertainment",
    "electronics",
    "motors",
    "energy",
    "electric",
    "power",
    "pharmaceuticals",
    "semiconductor",
    "semiconductors",
    "telecom",
    "communications",
    "holdings",
    "industries",
    "solutions",
    "airlines",
    "robotics",
    "biosciences",
    "therapeutics",
}


def _looks_like_person(
    name: str, people: AbstractSet[str] = frozenset(), orgs: AbstractSet[str] = frozenset()
) -> bool:
    """Whether a capitalised name is a person's: as the parser's entities say, else by its shape."""
    if name in orgs:
        return False
    if name in people:
        return True
    words = name.split()
    return (
        2 <= len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() for w in words)
        and words[-1].lower() not in ORG_SUFFIXES
        and words[0].lower() not in _ORG_FIRST_WORDS
    )


_ORG_FIRST_WORDS = {
    "statistics",
    "bank",
    "office",
    "ministry",
    "bureau",
    "department",
    "institute",
    "agency",
    "federal",
    "national",
    "international",
    "european",
    "american",
    "british",
    "korean",
    "japanese",
    "chinese",
    "german",
    "french",
    "global",
    "world",
    "united",
    "royal",
    "state",
    "central",
    "university",
    "sensor",
    "data",
    "market",
}


# "The agency's base case has ...", "the firm's figures put ...": a source named before, speaking again.
_ANAPHORIC_POSSESSIVE = re.compile(
    r"\b(?:the|its|their)\s+(?:[\w-]+\s+)?(?P<noun>agency|firm|institute|bureau|office|ministry|group|"
    r"association|center|centre|tracker|researchers|analysts|company|utility|bank)['’]s?\s+(?:[\w-]+\s+){0,2}?"
    r"(?:base\s+case|data|figures|numbers|forecast|forecasts|estimate|estimates|projection|projections|"
    r"outlook|scenario|survey|report|tally|count)\b",
    re.I,
)


def resolve_anaphoric_source(sentence: str) -> tuple[int, str, str] | None:
    """Where "the firm found", "the company said", "he added" stands in a sentence, what kind of
    organisation it stands for ("research": a source cited before; "company": the organisation the
    article is about) and the noun it uses ("institute", "agency", ...)."""
    m = _ANAPHORIC_SOURCE.search(sentence)
    if not m:
        p = _ANAPHORIC_POSSESSIVE.search(sentence)
        if p is None:
            return None
        noun = p.group("noun").lower()
        return p.start(), "company" if noun in _COMPANY_NOUNS else "research", noun
    noun = (m.group("noun") or "").lower()
    person = (m.group("person") or "").lower()
    kind = (
        "person"
        if person in ("he", "she", "they")
        else "company"
        if person or noun in _COMPANY_NOUNS
        else "research"
    )
    if re.search(r"\bsame\s+$", sentence[: m.start("noun")] if m.group("noun") else ""):
        noun = "same " + noun
    return m.start(), kind, noun


_ANAPHORIC_SOURCE = re.compile(
    r"\b(?:(?:the|that|this|his|her|their|its)\s+(?:same\s+)?(?:[\w-]+\s+){0,2}?"
    r"(?P<noun>firm|company|analyst|analysts|research firm|lab|group|researchers|report|survey|study|tracker|"
    r"agency|outlet|publication|organisation|organization|center|centre|institute|team|authors|bureau|bank|"
    r"ministry|department|regulator|poll|index|chief executive|spokesperson|spokeswoman|spokesman|utility|"
    r"office|operator|association|body|watchdog|trade group|industry group|data|figures|numbers|"
    r"measurements|estimates|filing|statement|forecast|outlook|maker|manufacturer|developer|publisher|producer|"
    r"provider|retailer|carrier|chipmaker|startup|start-up)(?:\s+of\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})?|"
    r"(?P<person>a\s+spokes(?:person|woman|man)|he|she|it|they|"
    r"(?:chief\s+\w+\s+officer|chief\s+executive|ceo|cfo|president|chairman|chairwoman|head\s+of\s+\w+)"
    r"\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?))\s+"
    r"(?:also\s+|further\s+)?(?:found|finds|said|says|reported|reports|estimated|estimates|noted|notes|added|"
    r"adds|counted|calculated|measured|shows|showed|show|expects|forecast|forecasts|told|sees|guided|"
    r"projects|warned|suggests|suggest|indicates|indicate|put|puts)\b",
    re.I,
)
# Anaphors that stand for a company speaking about itself rather than for a research source.
_COMPANY_NOUNS = {
    "company",
    "chief executive",
    "spokesperson",
    "spokeswoman",
    "spokesman",
    "bank",
    "utility",
    "operator",
    "filing",
    "statement",
    "outlook",
}


def _linked_sources(
    sentence: str, offset: int, links: Sequence[Link], registry: Registry, article_url: str | None
) -> list[Attribution]:
    """Hyperlinks in the sentence name the organisation that owns their domain; the article's own
    site is never a source of its own claims."""
    own_host = _host(article_url)
    out = []
    for link in links:
        if not (offset <= link.start < offset + len(sentence)):
            continue
        host = _host(link.href)
        if not host or (own_host and _same_site(host, own_host)):
            continue
        start = link.start - offset
        name = _spelled_as_in(
            sentence, organisation_from_url(link.href, registry), link.href, registry, link.text
        )
        out.append(Attribution(name, start, start, _scope(sentence, start), "link", link.href))
    return out


def _spelled_as_in(sentence: str, name: str, href: str, registry: Registry, anchor: str = "") -> str:
    """A domain-made name ("Handsetlab", "Njcr") as the article spells the organisation ("HandsetLab"),
    or as the link's own text names it ("Nordic Journal of Cardiovascular Research")."""
    if registry.by_url(href) is not None:
        return name
    squashed = re.sub(r"[^a-z0-9]", "", name.lower())
    words = [w for w in re.findall(r"[\w'’-]+", anchor) if w.lower() not in ("of", "for", "and", "the", "&")]
    if len(words) >= 2 and all(w[:1].isupper() for w in words):
        initials = "".join(w[0] for w in words).lower()
        joined = re.sub(r"[^a-z0-9]", "", anchor.lower())
        if initials == squashed or squashed in joined or joined in squashed:
            return anchor.strip()
    for m in re.finditer(r"[A-Z][\w&-]*(?:\s+[A-Z][\w&-]*){0,3}", sentence):
        words = m.group(0).split()
        for n in range(len(words), 0, -1):
            candidate = re.sub(r"['’]s$", "", " ".join(words[:n]))
            if re.sub(r"[^a-z0-9]", "", candidate.lower()) == squashed:
                return candidate
    return name


def _scope(sentence: str, start: int) -> str:
    # Cues in the first third of a sentence ("According to X, ...") set the scene for what follows.
    return "forward" if start < len(sentence) / 3 else "backward"


def _host(url: str | None) -> str:
    return (urlsplit(url).hostname or "").lower().removeprefix("www.") if url else ""


def _same_site(a: str, b: str) -> bool:
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def _dedupe(items: list[Attribution]) -> list[Attribution]:
    """One attribution per source (a cue wins over a venue or link naming the same), links kept apart."""
    seen: dict[str, Attribution] = {}
    rank = {"cue": 0, "by": 1, "venue": 2, "link": 3}
    for item in sorted(items, key=lambda a: (rank[a.kind], a.start)):
        seen.setdefault(item.source.casefold(), item)
    links = [a for a in items if a.kind == "link" and seen.get(a.source.casefold()) is not a]
    return sorted([*seen.values(), *links], key=lambda a: a.start)
