"""The search page's index: one entry per page worth finding, as a script the page loads from file://."""

from __future__ import annotations

import json

from factcheck.site.loader import SiteData


def search_entries(data: SiteData) -> list[dict[str, str]]:
    """One entry per page worth finding: kind, title, where (shown), detail (searched too), page, verdict."""
    entries = [
        {"k": "article", "t": a.title, "w": f"{a.site} {a.date}".strip(), "d": "", "u": a.path, "v": ""}
        for a in data.articles
    ]
    for c in data.claims:
        detail = " ".join(x for x in (c.claim.quote, c.claim.metric or "", *c.claim.sources) if x)
        where = c.article.title
        entries.append({"k": "claim", "t": c.heading, "w": where, "d": detail, "u": c.path, "v": c.verdict})
    for kind, pages in (("subject", data.subjects.values()), ("source", data.sources.values())):
        entries += [{"k": kind, "t": p.name, "w": "", "d": "", "u": p.path, "v": ""} for p in pages]
    return entries


def search_index_js(entries: list[dict[str, str]]) -> bytes:
    body = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    body = body.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.FACTCHECK_SEARCH = {body};\n".encode()
