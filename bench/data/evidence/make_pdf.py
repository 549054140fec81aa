"""Write the small PDF reports of the evidence benchmark from a plain description.

Usage: ``python bench/data/evidence/make_pdf.py SPEC.txt OUT.pdf``. Each line of SPEC is one line of the
page; cells of a table row are separated by `` | `` and set in columns (the first 200 points wide, the
others 90); a line starting with ``# `` is set in bold as a heading. The first line is the document's
title (its metadata too).
"""

from __future__ import annotations

import sys
from pathlib import Path


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines: list[str]) -> bytes:
    ops = ["BT"]
    y = 800
    for line in lines:
        if not line.strip():
            y -= 10
            continue
        bold = line.startswith("# ")
        text = line[2:] if bold else line
        cells = [c.strip() for c in text.split(" | ")]
        for k, cell in enumerate(cells):
            x = 50 + (200 if k else 0) + 90 * max(0, k - 1) if len(cells) > 1 else 50
            ops.append(f"/{'F2' if bold else 'F1'} 10 Tf 1 0 0 1 {x} {y} Tm ({_escape(cell)}) Tj")
        y -= 14
    ops.append("ET")
    stream = "\n".join(ops).encode("latin-1")
    title = _escape(lines[0].lstrip("# "))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>",
        f"<< /Title ({title}) >>".encode("latin-1"),
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out += trailer % (len(objects) + 1, xref)
    return bytes(out)


if __name__ == "__main__":
    spec, target = sys.argv[1:3]
    Path(target).write_bytes(make_pdf(Path(spec).read_text(encoding="utf-8").splitlines()))
