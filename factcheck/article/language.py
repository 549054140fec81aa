"""Text that is not language: binary bytes, encoded blobs and link farms, told apart from prose.

Every test is a measure of the text itself (its characters, its longest runs, its links), so it holds
for any language and any layout; the thresholds leave ordinary prose, tables of figures and lists of
sources well clear.
"""

from __future__ import annotations

import logging
import re

from factcheck.article.reading import Block

__all__ = ["binary_bytes_share", "binary_share", "drop_non_language", "not_language"]

log = logging.getLogger("factcheck.article")

# Characters a decoder leaves for bytes it could not read, and control characters no text carries.
_UNREADABLE = re.compile(r"[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A run of the base64 alphabet with no space in it, long enough to be no word of any language; it is an
# encoding when it mixes cases and digits (base64) or is all hex digits (an address slug is neither).
_ENCODED_RUN = re.compile(r"[A-Za-z0-9+/=_-]{80,}")
_HEX = re.compile(r"[0-9A-Fa-f]+")


def _is_encoding(run: str) -> bool:
    mixed = any(c.isupper() for c in run) and any(c.islower() for c in run) and any(c.isdigit() for c in run)
    return mixed or bool(_HEX.fullmatch(run))


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 13)) + b"\x7f"
_WIDE_BOMS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")  # UTF-16/32 text is full of NUL bytes


def binary_bytes_share(body: bytes) -> float:
    """Share of control bytes in (the start of) undecoded ``body``; 0 for text with a UTF-16/32 mark."""
    head = body[:65536]
    if not head or head.startswith(_WIDE_BOMS):
        return 0.0
    return (len(head) - len(head.translate(None, _CONTROL_BYTES))) / len(head)


def binary_share(text: str) -> float:
    """Share of the characters of ``text`` that are undecodable bytes or control characters."""
    return len(_UNREADABLE.findall(text)) / max(1, len(text))


def not_language(text: str, linked_chars: int = 0, links: int = 0) -> str | None:
    """Why ``text`` (one paragraph) is not language, or None when it reads as text.

    ``linked_chars`` and ``links`` say how much of it is anchor text of how many hyperlinks.
    """
    if not text:
        return None
    if binary_share(text) > 0.05:
        return "binary data"
    encoded = sum(len(m) for m in _ENCODED_RUN.findall(text) if _is_encoding(m))
    if encoded > 0.5 * len(text):
        return "an encoded blob (base64 or hex)"
    if links >= 20 and linked_chars > 0.8 * len(text):
        return f"a farm of {links} links"
    return None


def drop_non_language(blocks: list[Block]) -> list[Block]:
    """``blocks`` without the paragraphs that are not language, each one dropped said on the log. A run
    of 20 or more paragraphs that are each nothing but a link is a link farm too, however it is cut."""
    kept: list[Block] = []
    run: list[Block] = []

    def end_run() -> None:
        if len(run) >= 20:
            log.warning("article: a run of %d paragraphs was skipped: a farm of links", len(run))
        else:
            kept.extend(run)
        run.clear()

    for block in blocks:
        linked = sum(end - start for _, start, end in block.links if start >= 0)
        reason = not_language(block.text, linked, len(block.links))
        if reason is not None:
            log.warning("article: a paragraph of %d characters was skipped: %s", len(block.text), reason)
            continue
        if block.links and linked >= 0.8 * len(block.text):
            run.append(block)
            continue
        end_run()
        kept.append(block)
    end_run()
    return kept
