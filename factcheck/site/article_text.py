"""The article's text as HTML paragraphs, every claim marked where the article states it, with a
flag linking to its card."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape

from factcheck.models import Article, Link
from factcheck.site.format import VERDICT_LABELS, safe_url
from factcheck.site.loader import ArticlePage, ClaimPage


@dataclass(frozen=True)
class _Mark:
    start: int
    end: int
    claim: ClaimPage
    index: int  # which mention of the claim
    figure: tuple[int, int] | None  # where the claimed figure stands inside it


def _figure_span(c: ClaimPage, start: int, end: int, text: str) -> tuple[int, int] | None:
    """Where the claim's figure stands in the mention [start, end): its own offsets when they fall
    inside, else the first place the mention writes the same figure text."""
    q = c.claim.quantity
    if not q.text:
        return None
    if start <= q.start < q.end <= end and text[q.start : q.end] == q.text:
        return (q.start, q.end)
    at = text.find(q.text, start, end)
    return (at, at + len(q.text)) if at >= 0 else None


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    size = len(article.text)
    spans = [(max(0, s), min(size, e)) for s, e in article.paragraphs if 0 <= s < e]
    if spans:
        return sorted(set(spans))
    return [(m.start(), m.end()) for m in re.finditer(r"\S[^\n]*(?:\n(?!\s*\n)[^\n]*)*", article.text)]


def mention_anchor(claim: ClaimPage, index: int) -> str:
    return f"m-{claim.key}-{index}"


def _marks(page: ArticlePage) -> list[_Mark]:
    size = len(page.article.text)
    marks = []
    for c in page.claims:
        spans = [(m.start, m.end) for m in c.claim.mentions] or [(c.claim.start, c.claim.end)]
        for i, (start, end) in enumerate(spans):
            if 0 <= start < end <= size:
                marks.append(_Mark(start, end, c, i, _figure_span(c, start, end, page.article.text)))
    return marks


def _flag(mark: _Mark) -> Markup:
    """The flag after a mention: the figure and the verdict's icon ("57% ✗"), the verdict in words for
    screen readers and as the tooltip, linking to the claim's card."""
    icon, label = VERDICT_LABELS[mark.claim.verdict]
    shown = mark.claim.claim.quantity.text or mark.claim.figure
    return Markup(
        '<a class="flag v-{v}" id="{id}" href="#{target}" title="{title}">'
        '<span class="flag-fig">{shown}</span> <span aria-hidden="true">{icon}</span>'
        '<span class="sr-only"> {label}: {fig}</span></a>'
    ).format(
        v=mark.claim.verdict,
        id=mention_anchor(mark.claim, mark.index),
        target=mark.claim.anchor,
        title=f"{label}: {mark.claim.heading}",
        shown=shown,
        icon=icon,
        label=label.lower(),
        fig=mark.claim.heading,
    )


def _text(chunk: str) -> Markup:
    return Markup("<br>").join(escape(line) for line in chunk.split("\n"))


class _ParagraphHTML:
    """Builds one paragraph: text pieces, article links around them, flags held back out of links."""

    def __init__(self) -> None:
        self.parts: list[Markup] = []
        self.link: Link | None = None
        self.waiting: list[_Mark] = []

    def open_link(self, link: Link) -> None:
        href = safe_url(link.href)
        self.parts.append(
            Markup('<a class="ext" href="{}" rel="nofollow noopener noreferrer">').format(href)
            if href
            else Markup('<span class="not-a-link" title="link removed: not an http(s) URL">')
        )
        self.link = link

    def close_link(self) -> None:
        if self.link is not None:
            self.parts.append(Markup("</a>" if safe_url(self.link.href) else "</span>"))
            self.link = None

    def flush_flags(self) -> None:
        self.parts.extend(_flag(m) for m in self.waiting)
        self.waiting = []

    def html(self) -> Markup:
        self.close_link()
        self.flush_flags()
        return Markup("").join(self.parts)


def _paragraph_links(links: Sequence[Link], start: int, end: int) -> list[Link]:
    """The links lying wholly inside [start, end), without overlaps (the first one wins)."""
    kept: list[Link] = []
    for link in sorted(links, key=lambda lk: (lk.start, lk.end)):
        if start <= link.start < link.end <= end and (not kept or link.start >= kept[-1].end):
            kept.append(link)
    return kept


def render_paragraphs(page: ArticlePage) -> tuple[list[Markup], set[str]]:
    """The article's paragraphs as HTML, and the ids of the mention flags placed in them.

    Each claim mention is put in a ``<mark>`` classed by verdict, its figure in a ``<strong>``, and
    followed by a flag: a link to the claim's card with the figure, the verdict's icon and (for screen
    readers) its word, so that a sentence holding two claims says which figure is which. The article's
    own http(s) links stay links; any other link is shown as plain text. Mentions may overlap or nest,
    so the text is cut at every mention and link boundary and each piece is marked with the claims
    covering it. A flag never sits inside an article link: it waits until the link closes.
    """
    text = page.article.text
    paragraphs = _paragraphs(page.article)
    marks = _marks(page)
    # Each mention's flag goes at its end, in the last paragraph it reaches.
    flag_at: dict[int, list[_Mark]] = defaultdict(list)
    for mark in marks:
        reached = [(s, e) for s, e in paragraphs if s < mark.end and mark.start < e]
        if reached:
            flag_at[min(mark.end, reached[-1][1])].append(mark)
    for flags in flag_at.values():
        flags.sort(key=lambda m: (m.claim.claim.start, m.claim.key, m.index))
    placed = {mention_anchor(m.claim, m.index) for flags in flag_at.values() for m in flags}

    out = []
    for ps, pe in paragraphs:
        inside = [m for m in marks if m.start < pe and ps < m.end]
        links = _paragraph_links(page.article.links, ps, pe)
        cuts = {ps, pe, *(x for lk in links for x in (lk.start, lk.end))}
        cuts.update(min(max(x, ps), pe) for m in inside for x in (m.start, m.end))
        figures = [(m.figure, m.claim.verdict) for m in inside if m.figure]
        cuts.update(min(max(x, ps), pe) for span, _v in figures for x in span)
        bounds = sorted(cuts)
        para = _ParagraphHTML()
        for a, b in zip(bounds, bounds[1:], strict=False):
            link = next((lk for lk in links if lk.start <= a and b <= lk.end), None)
            if link is not para.link:
                para.close_link()
            if para.link is None:
                para.flush_flags()
                if link is not None:
                    para.open_link(link)
            chunk = _text(text[a:b])
            stated = {v for (fs, fe), v in figures if fs <= a and b <= fe}
            if stated:
                kind = stated.pop() if len(stated) == 1 else "mixed"
                chunk = Markup('<strong class="fig f-{}">{}</strong>').format(kind, chunk)
            verdicts = {m.claim.verdict for m in inside if m.start <= a and b <= m.end}
            if verdicts:
                kind = verdicts.pop() if len(verdicts) == 1 else "mixed"
                chunk = Markup('<mark class="m v-{}">{}</mark>').format(kind, chunk)
            para.parts.append(chunk)
            para.waiting.extend(flag_at.get(b, []))
        out.append(para.html())
    return out, placed
