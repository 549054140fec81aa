"""Bytes to text, in one place for every stage: a BOM first, then the HTTP ``charset``, then the
document's own declaration (``<meta charset>``, the XML declaration), then detection.

The order is the WHATWG one browsers follow, so a page reads here as it reads in a browser: a page
served as ``text/html; charset=windows-1252`` without a ``<meta>`` is windows-1252, whatever a detector
would guess from its bytes.
"""

from __future__ import annotations

import codecs
import re
from email.message import Message

import charset_normalizer

__all__ = ["decode_text", "media_type"]


def media_type(header: str | None) -> tuple[str, str | None]:
    """("text/html", "iso-8859-1") from a Content-Type header."""
    if not header:
        return "", None
    message = Message()
    message["content-type"] = header
    charset = message.get_param("charset")
    media = message.get_content_type().lower() if "/" in header else ""  # "html" alone is no media type
    return media, charset if isinstance(charset, str) else None


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE, whose BOM is its prefix
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]+?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""", re.I)
#: Browsers read these labels as windows-1252 (WHATWG Encoding); pages labelled so rely on it.
_AS_CP1252 = {"latin_1", "iso8859-1", "ascii", "cp1252"}


def _codec(label: str | None, *, in_document: bool = False) -> str | None:
    if not label:
        return None
    try:
        name = codecs.lookup(label.strip()).name
    except LookupError:
        return None
    if name in _AS_CP1252:
        return "cp1252"
    if in_document and name.startswith("utf-16"):
        return "utf-8"  # bytes we could read an ASCII <meta> from are not UTF-16 (WHATWG rule)
    return name


def decode_text(body: bytes, charset: str | None = None, kind: str = "html") -> tuple[str, str]:
    """Decode ``body`` to text: BOM, then the HTTP ``charset``, then <meta>/XML declaration, then
    detection. Returns ``(text, codec name)``; undecodable bytes become U+FFFD."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return body[len(bom) :].decode(name, "replace"), name
    declared = _codec(charset)
    if declared is None and kind in ("html", "xml"):
        head = body[:4096]
        found = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
        declared = _codec(found.group(1).decode("ascii"), in_document=True) if found else None
    if declared:
        return body.decode(declared, "replace"), declared
    try:
        return body.decode("utf-8"), "utf-8"  # bytes that are valid UTF-8 almost always are UTF-8
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(body).best()
    guessed = _codec(best.encoding) if best is not None else None
    name = guessed or "utf-8"
    return body.decode(name, "replace"), name
