"""What a fetched or local body is: the Document type, the media types read, and sniffing."""

from __future__ import annotations

import contextlib
import hashlib
import json
from dataclasses import dataclass, field

import charset_normalizer

from factcheck.models import FetchInfo
from factcheck.web.decoding import decode_text
from factcheck.web.errors import BadContentType, TooLarge


@dataclass(frozen=True)
class Document:
    """A fetched document. ``kind`` is html, pdf, json, xml or text; ``text`` is None for PDF."""

    url: str
    final_url: str
    status: int
    content_type: str  # media type without parameters, e.g. "text/html"
    kind: str
    body: bytes = field(repr=False)
    text: str | None = field(repr=False)
    encoding: str | None
    info: FetchInfo


#: Media types we read, by the kind of document they hold.
KINDS = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/pdf": "pdf",
    "application/x-pdf": "pdf",
    "application/json": "json",
    "text/json": "json",
    "text/plain": "text",
    "text/csv": "text",
    "text/markdown": "text",
    "application/xml": "xml",
    "text/xml": "xml",
}
#: Media types that say nothing about the content: we look at the bytes instead.
UNTYPED = {
    "",
    "application/octet-stream",
    "binary/octet-stream",
    "application/unknown",
    "application/download",
}
SNIFFED_TYPE = {
    "html": "text/html",
    "pdf": "application/pdf",
    "json": "application/json",
    "xml": "application/xml",
    "text": "text/plain",
}


def kind_of(media: str) -> str | None:
    if media in KINDS:
        return KINDS[media]
    if media.endswith("+json"):
        return "json"
    if media.endswith("+xml"):
        return "xml"
    return None


def is_readable(media: str) -> bool:
    """Whether a body of this media type is worth reading (a kind we read, or untyped)."""
    return kind_of(media) is not None or media in UNTYPED


def sniff(body: bytes) -> str | None:
    """Guess the kind of an untyped body from its first bytes; None for anything binary."""
    head = body[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf-"):
        return "pdf"
    if head.startswith(b"<"):
        # An XML declaration without an <html> element is XML; any other markup is read as HTML.
        return "xml" if head.startswith(b"<?xml") and b"<html" not in head else "html"
    if head.startswith((b"{", b"[")):
        with contextlib.suppress(ValueError, RecursionError):
            json.loads(body)
            return "json"
    if body and b"\x00" not in body[:4096] and charset_normalizer.from_bytes(body[:4096]).best() is not None:
        return "text"
    return None


def make_document(
    url: str,
    final_url: str,
    status: int,
    media: str,
    charset: str | None,
    body: bytes,
    *,
    declared_size: int,
    max_bytes: int,
    fetched_at: str,
    archive: str | None = None,
    what: str = "body",
) -> Document:
    """A Document from a body of type ``media``; raises BadContentType or TooLarge."""
    kind = kind_of(media)
    if kind is None and media not in UNTYPED:
        raise BadContentType(url, media)
    if max(len(body), declared_size) > max_bytes:
        raise TooLarge(url, f"{what} is larger than the {max_bytes:,}-byte limit")
    if kind is None:
        kind = sniff(body)
        if kind is None:
            raise BadContentType(url, media or "unknown")
        media = SNIFFED_TYPE[kind]
    text, encoding = (None, None) if kind == "pdf" else decode_text(body, charset, kind)
    info = FetchInfo(
        url=url,
        final_url=final_url,
        status=status,
        content_type=media,
        fetched_at=fetched_at,
        sha256=hashlib.sha256(body).hexdigest(),
        archive=archive,
    )
    return Document(url, final_url, status, media, kind, body, text, encoding, info)
