"""The source registry: organisations an article may cite, one ``sources/<slug>.toml`` file each.

A file gives the organisation's name, its aliases, homepage, web domains and kind, and an
``[evidence]`` table telling the verification stage where figures of that organisation can be read:
URL ``templates`` filled from a claim, ``sitemaps`` and listing ``pages``. Template placeholders:

- ``{model_slug}``: the subject lower-cased, spaces to hyphens, dots kept ("GPT-5.5" -> "gpt-5.5")
- ``{model_slug_dashed}``: the same with dots also made hyphens ("GPT-5.5" -> "gpt-5-5")
- ``{query}``: subject and metric, URL-encoded for a search box ("GPT-5.5 SWE-Bench Pro")
- ``{subject}``: the subject alone, URL-encoded
- ``{metric_slug}``: the metric lower-cased with hyphens ("Terminal-Bench 2.0" -> "terminal-bench-2.0")
"""

from __future__ import annotations

import re
import string
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus, urlsplit

from factcheck.names import organisation_key
from factcheck.resources import resource_dir

PLACEHOLDERS = frozenset({"model_slug", "model_slug_dashed", "query", "subject", "metric_slug"})
KINDS = frozenset(
    {
        "vendor",
        "benchmark",
        "leaderboard",
        "aggregator",
        "analyst",
        "press",
        "preprint server",
        "research lab",
        "research institute",
        "statistics",
        "consultancy",
        "investor",
        "developer platform",
        "community",
    }
)
_REQUIRED = {"name": str, "aliases": list, "homepage": str, "domains": list, "kind": str, "evidence": dict}
_EVIDENCE = ("templates", "sitemaps", "pages")
_DOMAIN = re.compile(r"^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?:\.[a-z0-9-]{1,63})+$")


class RegistryError(ValueError):
    """A source file that cannot be used; the message names the file."""


def _slug(text: str) -> str:
    """Lower case, runs of anything but letters, digits and dots to one hyphen."""
    slug = re.sub(r"[^a-z0-9.]+", "-", text.strip().lower())
    return re.sub(r"-{2,}", "-", slug).strip("-.")


def _template_fields(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


@dataclass(frozen=True)
class Source:
    """One organisation of the registry."""

    slug: str
    name: str
    aliases: tuple[str, ...]
    homepage: str
    domains: tuple[str, ...]
    kind: str
    templates: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    pages: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        """The name followed by every alias."""
        return (self.name, *self.aliases)

    def fill_templates(self, subject: str | None, metric: str | None) -> list[str]:
        """The evidence URLs for a claim about ``subject`` measuring ``metric``; templates needing a value
        that is missing are left out."""
        subject = (subject or "").strip()
        metric = (metric or "").strip()
        words = " ".join(w for w in (subject, metric) if w)
        values = {
            "model_slug": _slug(subject),
            "model_slug_dashed": _slug(subject).replace(".", "-"),
            "subject": quote_plus(subject),
            "query": quote_plus(words),
            "metric_slug": _slug(metric),
        }
        urls: list[str] = []
        for template in self.templates:
            if all(values.get(field) for field in _template_fields(template)):
                url = template.format(**values)
                if url not in urls:
                    urls.append(url)
        return urls


def _host(url: str) -> str:
    """The lower-case host of a URL or bare domain, without port, trailing dot or "www."."""
    url = url.strip()
    host = urlsplit(url if "//" in url else "//" + url).hostname or ""
    return host.rstrip(".").removeprefix("www.")


def _mention_pattern(alias: str) -> re.Pattern[str]:
    # Spaces and hyphens are interchangeable ("LLM Stats" / "LLM-Stats"); the name must stand as a word,
    # though a hyphen may join it to the next one ("OpenAI-backed"). Not inside URLs or e-mail addresses.
    parts = [re.escape(p) for p in re.split(r"[\s-]+", alias.strip()) if p]
    return re.compile(r"(?<![\w.@/])" + r"[\s-]+".join(parts) + r"(?!\w)", re.IGNORECASE)


def _domain_pattern(domain: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])(?:www\.)?" + re.escape(domain) + r"(?![\w-])(?!\.\w)", re.IGNORECASE)


def _case_fits(found: str, alias: str) -> bool:
    """Whether a case-insensitive match is written like the name ("OpenAI", "OPENAI", "Openai"),
    not like a common word ("meta", "the information")."""
    got, want = re.findall(r"[^\W_]+", found), re.findall(r"[^\W_]+", alias)
    if len(got) != len(want):
        return True
    for i, (g, w) in enumerate(zip(got, want, strict=True)):
        if g == w or (i == 0 and w.lower() == "the"):
            continue
        if len(w) > 1 and w.isupper():  # acronyms only as written: "IDC", not "Idc"
            return False
        if g.lower() != w.lower() or (w[0].isupper() and not g[0].isupper()):
            return False
    return True


class Registry:
    """The known organisations, looked up by name, alias, web address or mention in text."""

    def __init__(self, sources: list[Source]) -> None:
        self._sources = sorted(sources, key=lambda s: s.slug)
        self._by_name: dict[str, Source] = {}
        self._by_domain: dict[str, Source] = {}
        for source in self._sources:
            for name in source.names:
                self._claim(self._by_name, organisation_key(name), source, f"name or alias {name!r}")
            for domain in source.domains:
                self._claim(self._by_domain, domain, source, f"domain {domain!r}")

    @staticmethod
    def _claim(index: dict[str, Source], key: str, source: Source, what: str) -> None:
        holder = index.setdefault(key, source)
        if holder is not source:
            raise RegistryError(f"{source.slug}.toml: {what} is already used by {holder.slug}.toml")

    @classmethod
    def load(cls, folder: Path | None = None) -> Registry:
        """Read every ``*.toml`` of ``folder`` (the project's ``sources/`` by default), validated."""
        folder = Path(folder) if folder is not None else resource_dir("sources")
        return cls([_read_source(path) for path in sorted(folder.glob("*.toml"))])

    def __iter__(self) -> Iterator[Source]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)

    def get(self, name: str) -> Source | None:
        """The source called ``name`` (its name or an alias, case and punctuation ignored), or whose
        domain ``name`` is ("llm-stats.com")."""
        found = self._by_name.get(organisation_key(name))
        if found is None and "." in name and " " not in name.strip():
            found = self.by_url(name)
        return found

    def by_url(self, url: str) -> Source | None:
        """The source owning the URL's host or a parent domain of it ("blog.openai.com" -> OpenAI)."""
        labels = _host(url).split(".")
        for i in range(len(labels) - 1):
            found = self._by_domain.get(".".join(labels[i:]))
            if found is not None:
                return found
        return None

    @cached_property
    def _patterns(self) -> list[tuple[re.Pattern[str], str | None, Source]]:
        patterns: list[tuple[re.Pattern[str], str | None, Source]] = []
        for source in self._sources:
            patterns.extend((_mention_pattern(name), name, source) for name in dict.fromkeys(source.names))
            patterns.extend((_domain_pattern(domain), None, source) for domain in source.domains)
        return patterns

    def find_mentions(self, text: str) -> list[tuple[int, int, Source]]:
        """Every place a known name, alias or domain stands in ``text`` as a word of its own, in text
        order. Where matches overlap the longest wins ("Google DeepMind" over "Google")."""
        candidates = []
        for pattern, alias, source in self._patterns:
            for match in pattern.finditer(text):
                if alias is None or _case_fits(match.group(), alias):
                    candidates.append((match.start(), match.end(), source))
        chosen: list[tuple[int, int, Source]] = []
        for start, end, source in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
            if all(end <= s or start >= e for s, e, _ in chosen):
                chosen.append((start, end, source))
        return sorted(chosen, key=lambda c: c[0])


def _read_source(path: Path) -> Source:
    """One source file, checked field by field; any problem is a RegistryError naming the file."""

    def fail(problem: str) -> RegistryError:
        return RegistryError(f"{path.name}: {problem}")

    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise fail(f"not valid TOML ({error})") from error
    for key, kind in _REQUIRED.items():
        if key not in data:
            raise fail(f"missing {key!r}")
        if not isinstance(data[key], kind):
            raise fail(f"{key!r} must be a {kind.__name__}")
    unknown = set(data) - set(_REQUIRED)
    if unknown:
        raise fail(f"unknown keys {sorted(unknown)}")
    evidence = data["evidence"]
    if set(evidence) - set(_EVIDENCE):
        raise fail(f"unknown [evidence] keys {sorted(set(evidence) - set(_EVIDENCE))}")
    lists = {"aliases": data["aliases"], "domains": data["domains"]}
    lists.update({key: evidence.get(key, []) for key in _EVIDENCE})
    for key, values in lists.items():
        if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
            raise fail(f"{key!r} must be a list of non-empty strings")
    if not data["name"].strip():
        raise fail("'name' is empty")
    if data["kind"] not in KINDS:
        raise fail(f"kind {data['kind']!r} is not one of {sorted(KINDS)}")
    for domain in data["domains"]:
        if not _DOMAIN.match(domain):
            raise fail(f"domain {domain!r} must be a bare lower-case host name like 'example.com'")
    for url in [data["homepage"], *lists["templates"], *lists["sitemaps"], *lists["pages"]]:
        if not url.startswith(("https://", "http://")):
            raise fail(f"{url!r} is not an http(s) URL")
    for template in lists["templates"]:
        try:
            fields = _template_fields(template)
        except ValueError as error:
            raise fail(f"template {template!r}: {error}") from error
        if not fields <= PLACEHOLDERS:
            raise fail(f"template {template!r} uses unknown placeholders {sorted(fields - PLACEHOLDERS)}")
    return Source(
        slug=path.stem,
        name=data["name"].strip(),
        aliases=tuple(a.strip() for a in data["aliases"]),
        homepage=data["homepage"],
        domains=tuple(data["domains"]),
        kind=data["kind"],
        templates=tuple(lists["templates"]),
        sitemaps=tuple(lists["sitemaps"]),
        pages=tuple(lists["pages"]),
    )


# Second-level labels under which registrations sit one level deeper ("example.co.uk").
_SECOND_LEVEL = {"co", "com", "org", "net", "ac", "gov", "edu", "or", "ne", "go"}
# Hosting domains whose sub-domains belong to their users ("acme.github.io" is Acme's, not GitHub's).
_HOSTED = {
    "github.io",
    "gitlab.io",
    "substack.com",
    "medium.com",
    "blogspot.com",
    "wordpress.com",
    "netlify.app",
    "vercel.app",
    "pages.dev",
    "notion.site",
    "hashnode.dev",
    "beehiiv.com",
}


def organisation_from_url(url: str, registry: Registry) -> str:
    """The registry name of the URL's owner, else a readable name made from its domain
    ("https://example-research.org/x" -> "Example Research")."""
    known = registry.by_url(url)
    if known is not None:
        return known.name
    host = _host(url)
    labels = [label for label in host.split(".") if label]
    if not labels:
        return url.strip()
    if re.fullmatch(r"[\d.]+", host):
        return host
    hosted = len(labels) >= 3 and ".".join(labels[-2:]) in _HOSTED
    if hosted or (len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2):
        label = labels[-3]
    else:
        label = labels[-2] if len(labels) >= 2 else labels[0]
    return " ".join(word.capitalize() for word in re.split(r"[-_]+", label) if word)
