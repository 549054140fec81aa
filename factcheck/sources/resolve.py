"""Source resolution: which URLs may hold the evidence for a claim's cited source.

In order: hyperlinks the article gives next to the claim, the registry's URL templates filled from
the claim, the registry's listing pages, then the site's sitemap (found through robots.txt or
/sitemap.xml) ranked by how well its URLs match the claim, then one hop through the links of the pages
read (a summary page that links its PDF report). Pure functions: fetching is the caller's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup

from factcheck.evidence.html_reader import boxes_about_other_items
from factcheck.models import Article, Claim
from factcheck.sources.registry import Registry, Source

#: How many sitemap entries and followed links are read per source at most.
MAX_SITEMAP_PAGES = 8
MAX_HOP_LINKS = 4

_STOP = {
    "the",
    "a",
    "an",
    "of",
    "on",
    "in",
    "at",
    "to",
    "for",
    "and",
    "with",
    "by",
    "vs",
    "score",
    "is",
    "are",
    "its",
    "it",
    "as",
    "from",
    "that",
    "this",
    "than",
    "more",
    "html",
    "index",
    "www",
    "com",
    "https",
    "http",
}


@dataclass(frozen=True)
class Candidate:
    url: str
    origin: str  # link, template, page, sitemap, hop


def subject_parts(subject: str | None) -> list[str]:
    """ "GPT-5.5 vs GPT-5.4" -> ["GPT-5.5", "GPT-5.4"]; comparisons need evidence about both sides."""
    if not subject:
        return []
    return [p.strip() for p in re.split(r"\s+(?:vs\.?|versus)\s+", subject) if p.strip()]


def linked_candidates(
    claim: Claim, article: Article, source_name: str, registry: Registry
) -> list[Candidate]:
    """Hyperlinks standing in the claim's sentences (or their paragraph) that belong to the source."""
    spans = [(m.start, m.end) for m in claim.mentions] or [(claim.start, claim.end)]
    paragraphs = [p for p in article.paragraphs if any(p[0] <= s < p[1] for s, _ in spans)]
    source = registry.get(source_name)
    out: list[Candidate] = []
    for link in article.links:
        in_sentence = any(s <= link.start < e for s, e in spans)
        in_paragraph = any(p0 <= link.start < p1 for p0, p1 in paragraphs)
        if not (in_sentence or in_paragraph):
            continue
        owner = registry.by_url(link.href)
        belongs = (owner is not None and source is not None and owner.slug == source.slug) or (
            owner is None and source is None and _site_words_match(link.href, source_name)
        )
        if belongs or (in_sentence and source is None and owner is None):
            out.append(Candidate(link.href, "link"))
    if not out and source is None:
        # an organisation cited by name whose site the article links elsewhere ("the company said", with
        # its results page linked two sentences before): that site is where its figures are read
        out = [
            Candidate(link.href, "link")
            for link in article.links
            if registry.by_url(link.href) is None and _site_words_match(link.href, source_name)
        ]
    return out


def registry_candidates(claim: Claim, source: Source) -> list[Candidate]:
    """Templates filled from the claim's subject(s) and metric, then the source's listing pages."""
    out: list[Candidate] = []
    parts: list[str | None] = list(subject_parts(claim.subject)) or [None]
    for part in parts:
        for url in source.fill_templates(part, claim.metric):
            out.append(Candidate(url, "template"))
    out.extend(Candidate(url, "page") for url in source.pages)
    return out


def sitemap_locations(source: Source, robots_txt: str | None) -> list[str]:
    """Where the source's sitemaps are: the registry's list, robots.txt's Sitemap lines, /sitemap.xml."""
    urls = list(source.sitemaps)
    if robots_txt:
        urls += re.findall(r"(?im)^\s*sitemap:\s*(\S+)", robots_txt)
    if source.homepage:
        urls.append(urljoin(source.homepage, "/sitemap.xml"))
    return list(dict.fromkeys(urls))


def robots_url(source: Source) -> str | None:
    return urljoin(source.homepage, "/robots.txt") if source.homepage else None


def sitemap_entries(xml: str) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) listed in a sitemap or sitemap index."""
    soup = BeautifulSoup(xml, "xml")
    pages, nested = [], []
    for loc in soup.find_all("loc"):
        url = loc.get_text(strip=True)
        if loc.parent is not None and loc.parent.name == "sitemap":
            nested.append(url)
        else:
            pages.append(url)
    return pages, nested


def rank_urls(urls: list[str], claims: list[Claim], limit: int = MAX_SITEMAP_PAGES) -> list[str]:
    """The URLs whose path words best match the claims' subjects, metrics and quotes."""
    words = set()
    for claim in claims:
        words |= claim_words(claim)
    scored = []
    for i, url in enumerate(urls):
        path_words = set(_words(urlsplit(url).path))
        if not path_words:
            continue
        scored.append((-len(path_words & words), i, url))
    scored.sort()
    return [url for _s, _i, url in scored[:limit]]


def hop_links(html: str, base_url: str, claims: list[Claim], limit: int = MAX_HOP_LINKS) -> list[str]:
    """Links of a fetched page worth one more hop: reports (PDF) and pages whose link text or path
    matches the claims, on the same site; not those of its header, navigation, footer or of boxes about
    other items (sidebars, "Related", "Also reviewed")."""
    soup = BeautifulSoup(html, "lxml")
    for chrome in soup.select("header, nav, footer, [role=navigation], [role=banner]"):
        chrome.decompose()
    # links in boxes about other items (sidebars, "Related", "Also reviewed") lead away from the source
    for box in boxes_about_other_items(soup.body or soup):
        box.decompose()
    host = urlsplit(base_url).hostname
    words = set()
    for claim in claims:
        words |= claim_words(claim)
    scored = []
    for i, a in enumerate(soup.find_all("a", href=True)):
        href = urljoin(base_url, str(a["href"]))
        parts = urlsplit(href)
        if parts.scheme not in ("http", "https") or parts.hostname != host or href.split("#")[0] == base_url:
            continue
        text_words = set(_words(a.get_text(" ") + " " + parts.path))
        score = len(text_words & words) + (3 if parts.path.lower().endswith(".pdf") else 0)
        if re.search(r"\b(report|pdf|download|full results|methodology|data)\b", a.get_text(" "), re.I):
            score += 2
        if score > 0:
            scored.append((-score, i, href.split("#")[0]))
    scored.sort()
    return list(dict.fromkeys(url for _s, _i, url in scored))[:limit]


def claim_words(claim: Claim) -> set[str]:
    text = " ".join(x for x in (claim.subject, claim.metric, claim.quote) if x)
    return set(_words(text))


def _words(text: str) -> list[str]:
    return [
        w for w in re.findall(r"[a-z0-9]+", text.lower().replace(".", "-")) if w not in _STOP and len(w) > 1
    ]


def _site_words_match(url: str, name: str) -> bool:
    host = (urlsplit(url).hostname or "").replace("-", "")
    return any(w in host for w in re.findall(r"[a-z0-9]+", name.lower()) if len(w) > 3)
