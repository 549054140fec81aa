"""Helpers of the evidence tests: facts read from a page, a claim built from its parts, the verdict the
matcher and the judge give it, and a one-page PDF with text placed where a typesetting program puts it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from factcheck.evidence.documents import read_document
from factcheck.evidence.facts import extract_facts
from factcheck.evidence.matching import candidates
from factcheck.models import Claim, Fact, Quantity, Review
from factcheck.verify.verdict import Found, judge_direct

URL = "https://source.example/page"


def facts_of(
    body: str | bytes, known: Iterable[str] = (), kind: str = "text/html", url: str = URL
) -> list[Fact]:
    data = body.encode("utf-8") if isinstance(body, str) else body
    return extract_facts(read_document(data, kind, url), list(known))


def claim(
    value: float, unit: str, subject: str | None, metric: str, quote: str = "", kind: str = "", **q: object
) -> Claim:
    """A claim of ``value`` in ``unit`` (``q``: more fields of its quantity), a rank claim in ranks."""
    text = quote or f"{subject} {metric} {value}"
    return Claim(
        id="c",
        quote=text,
        start=0,
        end=len(text),
        quantity=Quantity(text="", start=0, end=0, value=value, unit=unit, **q),  # type: ignore[arg-type]
        subject=subject,
        metric=metric,
        kind=kind or ("rank" if unit == "rank" else "measurement"),
    )


def review_of(c: Claim, facts: list[Fact]) -> Review | None:
    """The judge's review of ``c`` on the facts the matcher finds for it among ``facts``."""
    found = [Found("Src", x.fact, x.score, None, x.like, x.why) for x in candidates(c, facts)]
    return judge_direct(c, found)


def verdict(c: Claim, facts: list[Fact]) -> str:
    review = review_of(c, facts)
    return review.verdict if review else "none"


def make_pdf(
    lines: list[str | list[str]],
    column_x: Callable[[int], float] = lambda col: 72 + 170 * col,
    top: int = 750,
) -> bytes:
    """A one-page PDF in Helvetica: one text line per entry, a list being the cells of a table row, each cell
    a piece of text placed at ``column_x(column)``, 14 points below the line before (each in a text object
    of its own, as drawing libraries write them)."""

    def escape(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = []
    for row, line in enumerate(lines):
        for col, cell in enumerate([line] if isinstance(line, str) else line):
            if cell:  # a text object per piece, as drawing libraries write one string at a time
                ops.append(
                    f"BT /F1 10 Tf 1 0 0 1 {column_x(col):g} {top - 14 * row} Tm ({escape(cell)}) Tj ET"
                )
    content = "\n".join(ops)
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = b"%PDF-1.4\n"
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return out
