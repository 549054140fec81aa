"""WARC files: writing every fetched response as a request+response pair, and reading them back.

The writer stores the body *as the fetcher saw it* (transfer and content encodings already undone),
so the HTTP headers are rewritten to match: ``Content-Encoding``/``Transfer-Encoding`` are dropped and
``Content-Length`` is set to the stored length. A body the fetcher stopped reading (too large, or of a
refused type) is marked ``WARC-Truncated: length`` and keeps the server's ``Content-Length``, so that a
replay refuses it for the same reason the live run did.
"""

from __future__ import annotations

import base64
import hashlib
import threading
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path
from typing import IO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.timeutils import datetime_to_iso_date, iso_date_to_datetime
from warcio.warcwriter import WARCWriter

from factcheck.version import __version__

#: Headers that describe the bytes on the wire, not the body we store.
_WIRE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


def payload_digest(body: bytes) -> str:
    """The WARC-Payload-Digest value for ``body``: SHA-256, base32 as WARC tools expect."""
    return "sha256:" + base64.b32encode(hashlib.sha256(body).digest()).decode("ascii")


@dataclass(frozen=True)
class Exchange:
    """One HTTP request and the response to it, as the fetcher handled them."""

    url: str
    request_headers: Sequence[tuple[str, str]]
    status: int
    reason: str
    headers: Sequence[tuple[str, str]]
    body: bytes
    fetched_at: datetime
    truncated: bool = False
    method: str = "GET"
    http_version: str = "HTTP/1.1"


class WarcRecorder:
    """Appends request+response records to one WARC file; safe to call from many threads at once.

    A name ending in ``.gz`` gives a gzip-per-record ``.warc.gz``. An existing file is appended to,
    which is valid WARC (a concatenation of records); on replay the last record of a URL wins.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._gzip = self.path.suffix == ".gz"
        self._lock = _lock_for(self.path)
        self._file: IO[bytes] | None = None

    def record(self, exchange: Exchange) -> None:
        """Write ``exchange`` as a request record and a response record, both flushed to disk."""
        # Records are built in memory first so that the lock covers only one write of finished bytes.
        buffer = BytesIO()
        writer = WARCWriter(buffer, gzip=self._gzip, warc_version="1.1")
        warc_date = datetime_to_iso_date(
            exchange.fetched_at.astimezone(UTC).replace(tzinfo=None), use_micros=True
        )
        response_fields = {"WARC-Date": warc_date, "WARC-Payload-Digest": payload_digest(exchange.body)}
        if exchange.truncated:
            response_fields["WARC-Truncated"] = "length"
        response = writer.create_warc_record(
            exchange.url,
            "response",
            payload=BytesIO(exchange.body),
            length=len(exchange.body),
            warc_headers_dict=response_fields,
            http_headers=StatusAndHeaders(
                f"{exchange.status} {exchange.reason}".strip(),
                _stored_headers(exchange),
                protocol=exchange.http_version,
            ),
        )
        request = writer.create_warc_record(
            exchange.url,
            "request",
            warc_headers_dict={"WARC-Date": warc_date},
            http_headers=StatusAndHeaders(
                f"{exchange.method} {_request_target(exchange.url)} {exchange.http_version}",
                list(exchange.request_headers),
                is_http_request=True,
            ),
        )
        writer.write_request_response_pair(request, response)
        data = buffer.getvalue()
        with self._lock:
            if self._file is None:
                self._file = self._open()
            self._file.write(data)
            self._file.flush()

    def _open(self) -> IO[bytes]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        is_new = not self.path.exists() or self.path.stat().st_size == 0
        handle = self.path.open("ab")
        if is_new:
            buffer = BytesIO()
            writer = WARCWriter(buffer, gzip=self._gzip, warc_version="1.1")
            info = {"software": f"factcheck/{__version__}", "format": "WARC File Format 1.1"}
            writer.write_record(writer.create_warcinfo_record(self.path.name, info))
            handle.write(buffer.getvalue())
        return handle

    def close(self) -> None:
        with self._lock:
            if self._file is not None:
                self._file.close()
                self._file = None


_LOCKS: dict[Path, threading.Lock] = {}
_LOCKS_GUARD = threading.Lock()


def _lock_for(path: Path) -> threading.Lock:
    # One lock per file, so that two recorders on the same file in one process never interleave records.
    with _LOCKS_GUARD:
        return _LOCKS.setdefault(path.resolve(), threading.Lock())


def _stored_headers(exchange: Exchange) -> list[tuple[str, str]]:
    headers = [(k, v) for k, v in exchange.headers if k.lower() not in _WIRE_HEADERS]
    declared = [v for k, v in exchange.headers if k.lower() == "content-length"]
    if exchange.truncated and declared:
        headers.append(("Content-Length", declared[0]))
    else:
        headers.append(("Content-Length", str(len(exchange.body))))
    return headers


def _request_target(url: str) -> str:
    # "https://host/a/b?q" -> "/a/b?q": the request line names the path, the Host header the host.
    after_scheme = url.split("://", 1)[-1]
    slash = after_scheme.find("/")
    return after_scheme[slash:] if slash >= 0 else "/"


@dataclass(frozen=True)
class StoredResponse:
    """A response record read back from a WARC file."""

    url: str
    status: int
    reason: str
    headers: list[tuple[str, str]]
    body: bytes
    recorded_at: str | None  # ISO 8601 UTC
    truncated: bool


class WarcError(ValueError):
    """A file that cannot be read as WARC; the message is one line, without the file's bytes."""


def index_responses(path: str | Path) -> dict[str, int]:
    """Map each response record's target URL to the offset of its last record in the file."""
    offsets: dict[str, int] = {}
    with Path(path).open("rb") as handle:
        records = ArchiveIterator(handle)
        try:
            for record in records:
                if record.rec_type == "response" and record.http_headers is not None:
                    uri = record.rec_headers.get_header("WARC-Target-URI")
                    if uri:
                        offsets[uri] = records.get_record_offset()
        except (ArchiveLoadFailed, ValueError, EOFError, OSError) as exc:
            where = f"after {len(offsets)} records" if offsets else "from its first bytes"
            raise WarcError(
                f"{path} is not a readable WARC file ({type(exc).__name__} {where}); give a .warc or "
                ".warc.gz file, or a mirror folder"
            ) from None
    return offsets


def read_response(path: str | Path, offset: int, max_bytes: int = 50_000_000) -> StoredResponse:
    """Load the response record that starts at ``offset`` (as given by :func:`index_responses`)."""
    with Path(path).open("rb") as handle:
        handle.seek(offset)
        record = next(iter(ArchiveIterator(handle)))
        http = record.http_headers
        # content_stream() undoes chunking and content encodings of records written by other tools.
        body = record.content_stream().read(max_bytes + 1)  # a compressed record is not inflated whole
        status_code = http.get_statuscode()
        reason = http.statusline.partition(" ")[2]
        headers = [
            (k, v) for k, v in http.headers if k.lower() not in {"content-encoding", "transfer-encoding"}
        ]
        truncated = bool(record.rec_headers.get_header("WARC-Truncated"))
        if not truncated:
            headers = [(k, v) for k, v in headers if k.lower() != "content-length"]
            headers.append(("Content-Length", str(len(body))))
        date = record.rec_headers.get_header("WARC-Date")
        return StoredResponse(
            url=record.rec_headers.get_header("WARC-Target-URI"),
            status=int(status_code),
            reason=reason,
            headers=headers,
            body=body,
            recorded_at=_iso_utc(date) if date else None,
            truncated=truncated,
        )


def iter_responses(path: str | Path) -> Iterator[StoredResponse]:
    """The latest response record of each URL in the file, in file order (for inspection and tests)."""
    for offset in sorted(set(index_responses(path).values())):
        yield read_response(path, offset)


def _iso_utc(warc_date: str) -> str:
    moment = iso_date_to_datetime(warc_date)
    return moment.replace(tzinfo=UTC).isoformat(timespec="seconds").replace("+00:00", "Z")
