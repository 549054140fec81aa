"""Entity-ruler patterns for the names claim extraction must recognise: the organisations of the source
registry (names, aliases and web domains, as ``ORG`` with the registry name as the entity id) and the
known model families (as ``PRODUCT``), so that "Canalys" is an organisation and "Qwen3.7-Max" a model
whatever the statistical recogniser guesses.

The patterns go into spaCy's own ``entity_ruler`` (added by :mod:`factcheck.nlp.loading` after ``ner``,
overwriting its entities); :func:`use_registry` swaps them when a caller passes another registry.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

from factcheck.names import model_families
from factcheck.sources.registry import Registry

RULER = "factcheck_names"
MODEL_ID = "model"
_HYPHEN = {"TEXT": {"REGEX": r"^[-‑_]$"}, "OP": "?"}


def _spellings(name: str) -> list[str]:
    """The ways a name is written in running text: as registered, in capitals, with spaces and hyphens
    between its words swapped ("LLM-Stats", "LLM Stats")."""
    name = name.strip()
    forms = {name, name.upper()}
    words = re.split(r"[\s\-‑]+", name)
    if len(words) > 1:
        forms |= {" ".join(words), "-".join(words)}
    return sorted(f for f in forms if f)


def registry_patterns(nlp: Language, registry: Registry) -> list[dict[str, Any]]:
    """``ORG`` phrase patterns for every name, alias and domain of the registry's sources (the source's name
    is the id). Phrases match as written: acronyms stay acronyms ("IDC", not "idc"; "Meta", not "meta")."""
    patterns = []
    for source in registry:
        for name in dict.fromkeys(source.names):
            for form in _spellings(name):
                patterns.append({"label": "ORG", "pattern": form, "id": source.name})
        for domain in source.domains:
            for form in (domain, "www." + domain):
                patterns.append({"label": "ORG", "pattern": form, "id": source.name})
    return patterns


def model_patterns(organisations: frozenset[str] = frozenset()) -> list[dict[str, Any]]:
    """``PRODUCT`` patterns for model names: a family with its version and tail words ("Claude Opus 4.7",
    "GPT-5.5", "Qwen3.7-Max", "o3-mini"); a weak family ("Phi", "Nova") only with a version, and so a family
    that is also an organisation's name ("DeepSeek", "Mistral"): alone, that name is the organisation."""
    families = model_families()
    version = r"v?\d+(?:\.\d+)*[a-z]?"
    tail = "|".join(families.tails)
    part = {"LOWER": {"REGEX": rf"^(?:{version}|{tail}|[a-z]?\d+[a-z]?)$"}}
    strong = "|".join(sorted((f for f in families.strong if f not in organisations), key=len, reverse=True))
    weak = "|".join(
        sorted((*families.weak, *(f for f in families.strong if f in organisations)), key=len, reverse=True)
    )
    glued = rf"(?:[-_.‑]?{version}(?:[-‑][a-z0-9]+)*)"
    patterns: list[dict[str, Any]] = []
    heads = [
        ({"LOWER": {"REGEX": rf"^(?:{strong}){glued}?$"}}, 0),
        ({"LOWER": {"REGEX": rf"^(?:{weak}){glued}$"}}, 0),
        ({"LOWER": {"REGEX": rf"^(?:{weak})$"}}, 1),  # "Phi 4": the version in a token of its own
        ({"LOWER": {"REGEX": r"^o[1-9]$"}, "IS_LOWER": True}, 0),
    ]
    for head, needs in heads:
        for n in range(needs, 4):
            pattern = [head]
            for _ in range(n):
                pattern += [_HYPHEN, part]
            if n >= needs and (needs == 0 or n > 0):
                patterns.append({"label": "PRODUCT", "pattern": pattern, "id": MODEL_ID})
    return patterns


def use_registry(nlp: Language, registry: Registry) -> None:
    """Make the pipeline's name ruler recognise ``registry``'s organisations (a no-op if it does)."""
    if RULER not in nlp.pipe_names:
        return
    ruler: Any = nlp.get_pipe(RULER)
    key = tuple((s.name, s.names, s.domains) for s in registry)
    if getattr(ruler, "_factcheck_registry", None) == key:
        return
    ruler.clear()
    organisations = frozenset(n.lower() for source in registry for n in source.names)
    ruler.add_patterns(registry_patterns(nlp, registry) + model_patterns(organisations))
    ruler._factcheck_registry = key
