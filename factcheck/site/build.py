"""The static claim site, rendered from the knowledge graph alone.

``build_site`` opens nothing itself: it reads the store it is given (``loader``: pages from the graph;
``queries``: the saved SPARQL) and writes a folder of plain HTML pages (``article_text``: the article
with its claims marked; ``charts``: SVG bars), ClaimReview markup (``claimreview``), a search index
(``search``) and data downloads (``downloads``). Every link is relative and ends
in ``.html``, so the folder works from ``file://`` and from any static host.

Re-rendering writes a file only when its bytes differ, and removes the files an earlier build wrote
that the graph no longer calls for (it keeps a list of them in ``.factcheck-site.json``); nothing else
in the folder is touched. Pages carry no build time, so an unchanged graph gives unchanged bytes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader

from factcheck.graph.store import Store
from factcheck.resources import resource_dir
from factcheck.site.article_text import mention_anchor, render_paragraphs
from factcheck.site.charts import counts_text, verdict_segments
from factcheck.site.claimreview import Publisher, claim_review
from factcheck.site.downloads import claim_graph, claims_csv, graph_downloads
from factcheck.site.format import (
    VERDICT_LABELS,
    VERDICT_ORDER,
    cell_class,
    date_part,
    emphasise_figure,
    evidence_figure,
    external_link,
    fmt_number,
    host_of,
    json_for_script,
    safe_url,
)
from factcheck.site.loader import (
    by_metric,
    count_verdicts,
    load_site_data,
    same_subject_metric,
    source_path,
    subject_path,
)
from factcheck.site.manifest import MANIFEST, digest, manifest_text, read_manifest, removable
from factcheck.site.queries import query_pages
from factcheck.site.search import search_entries, search_index_js

Progress = Callable[[str], None] | None


@dataclass
class SiteReport:
    """What a build did, as paths relative to the output folder (sorted)."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)

    @property
    def pages_written(self) -> int:
        return len(self.written)

    @property
    def pages_unchanged(self) -> int:
        return len(self.unchanged)


# -- writing ----------------------------------------------------------------------------------------


class _Output:
    """Writes files under ``root`` only when their bytes change, and remembers what it wrote."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.report = SiteReport()
        self.paths: set[str] = set()
        self.previous = read_manifest(root)  # refuses one that points outside the folder
        self.digests: dict[str, str] = {}

    def write(self, rel: str, data: bytes | str) -> None:
        if rel in self.paths:
            raise ValueError(f"two files of the site want the same path {rel!r}")
        if rel.startswith("/") or ".." in rel.split("/"):
            raise ValueError(f"refusing to write outside the site folder: {rel!r}")
        self.paths.add(rel)
        body = data.encode("utf-8") if isinstance(data, str) else data
        self.digests[rel] = digest(body)
        target = self.root / rel
        if target.is_file() and target.read_bytes() == body:
            self.report.unchanged.append(rel)
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".partial")
        partial.write_bytes(body)
        os.replace(partial, target)  # a reader of the folder never sees half a file
        self.report.written.append(rel)

    def finish(self) -> SiteReport:
        """Remove what the previous build wrote and this one did not (unless changed since); save
        the list of files with their digests."""
        manifest = self.root / MANIFEST
        for rel in sorted(set(self.previous) - self.paths):
            target = self.root / rel
            if not removable(self.root, rel, self.previous[rel]):
                continue
            target.unlink()
            self.report.removed.append(rel)
            parent = target.parent
            while parent != self.root and parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
                parent = parent.parent
        listing = manifest_text(self.digests)
        if not manifest.is_file() or manifest.read_text(encoding="utf-8") != listing:
            manifest.write_text(listing, encoding="utf-8")
        for names in (self.report.written, self.report.unchanged, self.report.removed):
            names.sort()
        return self.report


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(resource_dir("site") / "templates")),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(
        VERDICT_LABELS=VERDICT_LABELS,
        VERDICT_ORDER=VERDICT_ORDER,
        link=external_link,
        safe_url=safe_url,
        segments=verdict_segments,
        counts_text=counts_text,
        count_verdicts=count_verdicts,
        emphasise=emphasise_figure,
        evidence_figure=evidence_figure,
        mention_anchor=mention_anchor,
        source_path=source_path,
        subject_path=subject_path,
    )
    env.filters.update(cell_class=cell_class, num=fmt_number, day=date_part, host=host_of)
    return env


class _Renderer:
    def __init__(self, out: _Output, env: Environment) -> None:
        self.out, self.env = out, env

    def page(self, path: str, template: str, **context: Any) -> None:
        root = "../" * path.count("/")
        html = self.env.get_template(template).render(root=root, **context)
        self.out.write(path, html)


def build_site(
    store: Store,
    out: Path,
    *,
    progress: Progress = None,
    base_url: str | None = None,
    publisher: Publisher | None = None,
    endpoint: str | None = None,
) -> SiteReport:
    """Render the site for everything in ``store`` into folder ``out``.

    ``base_url`` (http(s)), when given, makes the ``url`` of each claim's ClaimReview absolute;
    ``publisher`` is the organisation named as the ClaimReviews' author (default: ``Publisher()``);
    ``endpoint`` is the SPARQL endpoint the query pages run edited queries against (default: ``sparql``
    beside the site's root, where ``factcheck serve --sparql`` answers).
    """
    say = progress or (lambda _message: None)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    base = safe_url(base_url) if base_url else None
    publisher = publisher or Publisher()
    say("Reading the graph")
    data = load_site_data(store)
    output = _Output(out)
    render = _Renderer(output, _environment())
    totals = count_verdicts(data.claims)

    static = resource_dir("site") / "static"
    for asset in sorted(static.iterdir()):
        if asset.is_file() and asset.suffix in (".css", ".js", ".svg"):
            output.write(f"static/{asset.name}", asset.read_bytes())

    say("Rendering the home page")
    render.page("index.html", "home.html", data=data, totals=totals, section="home", title="Checked articles")
    render.page("subjects.html", "subjects.html", data=data, section="subjects", title="Subjects")
    render.page("sources.html", "sources.html", data=data, section="sources", title="Sources")

    for a in data.articles:
        say(f"Rendering {a.url}")
        paragraphs, placed = render_paragraphs(a)
        render.page(a.path, "article.html", a=a, paragraphs=paragraphs, placed=placed, title=a.title)
        graph = store.graph(a.graph)
        jsonld, turtle = graph_downloads(graph)
        output.write(f"articles/{a.key}.jsonld", jsonld)
        output.write(f"articles/{a.key}.ttl", turtle)
        for c in a.claims:
            review = claim_review(c, publisher, base)
            render.page(
                c.path,
                "claim.html",
                c=c,
                a=a,
                others=same_subject_metric(c, data),
                review_json=None if review is None else json_for_script(review),
                title=f"Claim: {c.heading}",
            )
            jsonld, turtle = graph_downloads(claim_graph(graph, c.claim.id))
            stem = c.path.removesuffix(".html")
            output.write(f"{stem}.jsonld", jsonld)
            output.write(f"{stem}.ttl", turtle)

    for s in data.subjects.values():
        groups = by_metric(s.claims)
        render.page(s.path, "subject.html", s=s, groups=groups, section="subjects", title=s.name)
    for src in data.sources.values():
        counts = count_verdicts(src.citing)
        render.page(src.path, "source.html", src=src, counts=counts, section="sources", title=src.name)

    say("Running the saved queries")
    queries = query_pages(store)
    for q in queries:
        render.page(q.path, "query.html", q=q, endpoint=endpoint, section="queries", title=q.title)
    render.page("queries.html", "queries.html", queries=queries, section="queries", title="Saved queries")

    say("Writing the search index and downloads")
    entries = search_entries(data)
    output.write("search-index.js", search_index_js(entries))
    render.page("search.html", "search.html", entries=entries, data=data, section="search", title="Search")
    output.write("claims.csv", claims_csv(data.claims))
    # One statement a line: sorted, the same graph gives the same file whatever order a store dumps in.
    output.write("graph.nq", b"".join(sorted(store.export("nquads").splitlines(keepends=True))))
    render.page("downloads.html", "downloads.html", data=data, section="downloads", title="Downloads")
    return output.finish()
