"""Reading a fetched document (HTML, PDF, JSON or plain text) into a ``SourceText``."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from typing import Any

from factcheck.evidence.html_reader import read_html
from factcheck.evidence.source_text import SourceText, Table, split_sentences, squash
from factcheck.evidence.text_blocks import lines_to_blocks
from factcheck.names import looks_like_model, page_subject
from factcheck.quantities.finder import find_quantities
from factcheck.web.decoding import decode_text, media_type


def read_document(body: bytes, content_type: str, url: str, text: str | None = None) -> SourceText:
    """A ``SourceText`` from a fetched document: HTML, PDF, JSON (or JSON-LD) or plain text.

    ``text`` is the body as the fetch layer decoded it (with the HTTP charset); without it the bytes
    are decoded here, by ``content_type``'s charset, the document's declaration, then detection.
    """
    media, charset = media_type(content_type)
    if "pdf" in media or body[:5] == b"%PDF-":
        return _read_pdf(body, url)
    head = body.lstrip()[:64].lower()
    is_json = "json" in media or (head[:1] in (b"{", b"[") and "html" not in media)
    is_markup = "html" in media or "xml" in media or head.startswith(b"<")
    kind = "json" if is_json else "html" if is_markup else "text"
    if text is None:
        text = decode_text(body, charset, kind)[0]
    if is_json:
        try:
            return _read_json(json.loads(text), url)
        except ValueError:
            pass
    if is_markup:
        return read_html(text, url)
    return _read_plain(text, url)


def _read_pdf(body: bytes, url: str) -> SourceText:
    from pypdf import PdfReader

    lines: list[str] = []
    title = ""
    try:
        reader = PdfReader(io.BytesIO(body))
        meta = reader.metadata
        title = str(meta.title) if meta is not None and meta.title else ""
        for page in reader.pages:
            placed = _placed_lines(page)
            if placed:
                lines.extend(placed)
            else:
                try:  # the layout mode keeps a table's columns apart
                    text = page.extract_text(extraction_mode="layout")
                except Exception:  # noqa: BLE001 - fall back to the plain text of odd pages
                    text = page.extract_text()
                lines.extend((text or "").splitlines())
            lines.append("")
    except Exception:  # noqa: BLE001 - a broken PDF is a document without text, not a crash of the stage
        lines = []
    first = next((squash(x) for x in lines if squash(x)), "")
    title = title or first
    subject = _report_subject(page_subject([title, first]))
    return _from_lines(lines, url, title, subject, is_pdf=True)


def _placed_lines(page: Any) -> list[str]:
    """A PDF page's lines from where its pieces of text are placed: pieces on one baseline make a line, and
    a piece starting where pieces of other lines start too (a column of a table) is set apart from the one
    before it by three spaces, as the table readers expect, however close the two are typeset. Empty when
    the page gives each line in one piece (the layout mode reads those)."""
    pieces: list[tuple[int, int, str]] = []

    def visit(text: str, cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        if text.strip():
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            pieces.append((round(float(x)), round(float(y)), squash(text)))

    try:
        page.extract_text(visitor_text=visit)
    except Exception:  # noqa: BLE001 - a page the visitor cannot read is read by the layout mode
        return []
    rows: dict[int, list[tuple[int, str]]] = {}
    for x, y, text in pieces:
        rows.setdefault(y, []).append((x, text))
    if all(len(row) < 2 for row in rows.values()):
        return []  # the text of each line came in one piece: where its columns start is not known here
    starts: dict[int, int] = {}
    for row in rows.values():
        for x in {x for x, _ in row}:
            starts[x] = starts.get(x, 0) + 1
    left = min(x for x, _y, _t in pieces)
    ys = sorted(rows, reverse=True)
    gaps = sorted(a - b for a, b in zip(ys, ys[1:], strict=False))
    spacing = gaps[len(gaps) // 2] if gaps else 0
    out = []
    for k, y in enumerate(ys):
        if k and spacing and ys[k - 1] - y > 1.6 * spacing:
            out.append("")  # a wider gap ends a block, as a blank line does
        row = sorted(rows[y])
        # a line whose first piece stands in a later column starts with an empty cell (a corner)
        line = ("   " if row[0][0] > left + 5 and starts.get(row[0][0], 0) >= 3 else "") + row[0][1]
        for x, text in row[1:]:
            line += ("   " if starts.get(x, 0) >= 3 else " ") + text
        out.append(line)
    return out


def _from_lines(lines: list[str], url: str, title: str, subject: str, is_pdf: bool = False) -> SourceText:
    """A document read as lines of text (a PDF's pages, a plain text file): paragraphs, tables, sentences."""
    paragraphs, tables = lines_to_blocks(lines, title)
    if title:
        # a report's title says what each of its tables is about ("Domestic energy consumption, 2025"), as
        # an h1 does on a page
        tables = [
            replace(t, context=t.context if t.context == title else f"{title} · {t.context}") for t in tables
        ]
    return SourceText(
        url=url,
        title=title,
        text="\n\n".join(p for p, _ in paragraphs),
        sentences=[(s, ctx) for para, ctx in paragraphs for s in split_sentences(para)],
        tables=tables,
        is_pdf=is_pdf,
        subject=subject,
    )


def _report_subject(title: str) -> str:
    """What a report's sentences are about when they name nothing: the model or short name its title gives,
    not a whole title line ("Foldable Smartphone Market Pulse, Q1 2026"), which would pass for a name."""
    short = len(title.split()) <= 6 and not find_quantities(title, include_dates=True)
    return title if looks_like_model(title) or short else ""


def _read_plain(text: str, url: str) -> SourceText:
    lines = text.splitlines()
    first = next((squash(x) for x in lines if squash(x)), "")
    return _from_lines(lines, url, first, page_subject([first]))


def _read_json(data: Any, url: str) -> SourceText:
    """JSON-LD is kept as such; other JSON becomes tables (lists of records) and definitions (key paths)."""
    nodes = data if isinstance(data, list) else [data]
    if nodes and all(isinstance(n, dict) and {"@context", "@type", "@graph"} & set(n) for n in nodes):
        flat = [g for n in nodes for g in (n.get("@graph") or [n]) if isinstance(g, dict)]
        names = [str(n.get("name")) for n in flat if isinstance(n.get("name"), str)]
        return SourceText(
            url=url, title=names[0] if names else "", text="", jsonld=flat, subject=page_subject(names)
        )
    doc = SourceText(url=url, title="", text="")
    if isinstance(data, dict):
        for key in ("title", "name", "model", "model_name"):
            if isinstance(data.get(key), str):
                doc.title = data[key]
                break
    doc.subject = page_subject([doc.title])
    _json_walk(data, [], doc)
    return doc


def _json_walk(data: Any, path: list[str], doc: SourceText) -> None:
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        keys = list(dict.fromkeys(k for r in data for k, v in r.items() if not isinstance(v, (dict, list))))
        rows = [[json_scalar(r.get(k)) for k in keys] for r in data]
        if keys:
            header = [str(k).replace("_", " ") for k in keys]
            doc.tables.append(Table(header=header, rows=rows, context=" ".join(path) or doc.title))
        return
    if isinstance(data, dict):
        context = " ".join(path) or doc.title
        for key, value in data.items():
            term = str(key).replace("_", " ")
            if isinstance(value, (dict, list)):
                _json_walk(value, [*path, str(key)], doc)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                doc.definitions.append((term, json_scalar(value), context))
            elif isinstance(value, str) and re.search(r"\d", value):
                doc.definitions.append((term, value, context))
    elif isinstance(data, list):
        for item in data:
            _json_walk(item, path, doc)


def json_scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) >= 1000 else str(value)
    return str(value)
