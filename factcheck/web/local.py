"""Local files and standard input read as Documents, with the same limits as fetched ones."""

from __future__ import annotations

import mimetypes
import sys
from datetime import UTC, datetime
from pathlib import Path

from factcheck.web.content import Document, is_readable, kind_of, make_document
from factcheck.web.errors import BadContentType, TooLarge, Unreachable
from factcheck.web.limits import FetchLimits


def read_local(source: str | Path, *, max_bytes: int = FetchLimits.max_bytes) -> Document:
    """A local .html/.txt/.pdf/... file, or "-" for standard input, as a Document like a fetched one."""
    if str(source) == "-":
        url, name = "-", ""
        body = sys.stdin.buffer.read(max_bytes + 1)
    else:
        path = Path(source)
        url, name = path.resolve().as_uri(), path.name
        try:
            with path.open("rb") as handle:
                body = handle.read(max_bytes + 1)
        except OSError as exc:
            raise Unreachable(str(source), f"cannot read file: {exc.strerror or exc}") from exc
    if len(body) > max_bytes:
        raise TooLarge(url, f"file is larger than the {max_bytes:,}-byte limit")
    guessed = (mimetypes.guess_type(name)[0] or "") if name else ""
    if not is_readable(guessed):
        raise BadContentType(url, guessed)
    media = guessed if kind_of(guessed) else ""
    stamp = datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
    return make_document(
        url, url, 200, media, None, body, declared_size=0, max_bytes=max_bytes, fetched_at=stamp
    )
