"""A PDF article to text: its pages' text layer, read with pypdf (the library the evidence stage uses)."""

from __future__ import annotations

import io
import logging

__all__ = ["PdfUnreadable", "pdf_text"]

logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings on damaged files are ours to phrase


class PdfUnreadable(ValueError):
    """A PDF that gives no text: damaged, encrypted, or scanned without a text layer."""


def pdf_text(body: bytes) -> str:
    """The text of every page of a PDF, pages parted by a blank line."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(body))
        if reader.is_encrypted:
            raise PdfUnreadable("the PDF is encrypted")
        pages = [page.extract_text() or "" for page in reader.pages]
    except PdfUnreadable:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, OSError, RecursionError) as exc:
        raise PdfUnreadable(f"the PDF could not be read ({type(exc).__name__})") from exc
    text = "\n\n".join(page.strip() for page in pages if page.strip())
    if not text:
        raise PdfUnreadable("the PDF has no text layer (a scan?)")
    return text
