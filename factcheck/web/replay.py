"""Replay of an archived web as httpx transports, so that offline runs use the very same fetch code.

Two kinds of archive are served:

* a directory mirror ``<dir>/<host>/<path>/index.html`` holding what ``https://<host>/<path>/`` returns
  (``/a/b`` and ``/a/b/`` both map to ``<host>/a/b/index.html``); a path that names a file in the
  mirror (``robots.txt``, ``sitemap.xml``, a ``.pdf``) is served as that file. Scheme, port and query
  string are ignored, as a mirror on disk cannot tell them apart.
* a WARC file (``.warc`` or ``.warc.gz``): the recorded status, headers and body of each response
  record, looked up by its exact target URL; when a URL was recorded more than once, the last wins.

Anything else answers 404. Each transport implements both the sync and the async httpx interface.
The responses carry ``extensions["archive"]`` (where they came from) and, for WARC records,
``extensions["archived_at"]`` (the original retrieval time), which the fetcher copies into FetchInfo.
"""

from __future__ import annotations

import mimetypes
import threading
from pathlib import Path

import httpx

from factcheck.web.warc import index_responses, read_response

#: Content types of the files a mirror usually holds; anything else falls back to ``mimetypes``.
_TYPES = {
    ".html": "text/html",
    ".htm": "text/html",
    ".xhtml": "application/xhtml+xml",
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".json": "application/json",
    ".pdf": "application/pdf",
    ".csv": "text/csv",
}


class _ReplayTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Shared plumbing: answer a request from ``_lookup`` in both the sync and the async API."""

    source: Path

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.method not in ("GET", "HEAD"):
            return _plain(405, "method not allowed in replay", self.source)
        response = self._lookup(request.url)
        if request.method == "HEAD":
            return httpx.Response(
                response.status_code, headers=response.headers, extensions=response.extensions
            )
        return response

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # Lookups are small local reads; doing them inline keeps the transport free of thread pools.
        return self.handle_request(request)

    def _lookup(self, url: httpx.URL) -> httpx.Response:
        raise NotImplementedError


class MirrorTransport(_ReplayTransport):
    """Serve a directory mirror laid out as ``<root>/<host>/<path>/index.html``."""

    def __init__(self, root: str | Path) -> None:
        self.source = Path(root).resolve()
        if not self.source.is_dir():
            raise FileNotFoundError(f"mirror directory not found: {root}")

    def _lookup(self, url: httpx.URL) -> httpx.Response:
        found = self.locate(url)
        if found is None:
            return _plain(404, f"not in the mirror: {url}", self.source)
        content_type = _TYPES.get(found.suffix.lower()) or mimetypes.guess_type(found.name)[0]
        return httpx.Response(
            200,
            headers={"Content-Type": content_type or "application/octet-stream"},
            content=found.read_bytes(),
            extensions={"archive": str(self.source)},
        )

    def locate(self, url: httpx.URL | str) -> Path | None:
        """The file of the mirror that answers ``url``, or None."""
        url = httpx.URL(url)
        host = (url.host or "").lower().rstrip(".")
        segments = [part for part in url.path.split("/") if part]  # url.path is already percent-decoded
        if not host or any(part in (".", "..") or "/" in part or "\\" in part for part in [host, *segments]):
            return None
        base = self.source / host
        target = base.joinpath(*segments)
        candidates = [target / "index.html"]
        if segments and not url.path.endswith("/"):
            candidates.insert(0, target)  # a file such as robots.txt, sitemap.xml or report.pdf
        for candidate in candidates:
            if candidate.is_file() and candidate.resolve().is_relative_to(self.source):
                return candidate
        return None


class WarcTransport(_ReplayTransport):
    """Serve the response records of a WARC file, looked up by exact target URL."""

    def __init__(self, path: str | Path) -> None:
        self.source = Path(path).resolve()
        if not self.source.is_file():
            raise FileNotFoundError(f"WARC file not found: {path}")
        self._offsets = {_key(uri): offset for uri, offset in index_responses(self.source).items()}
        self._lock = threading.Lock()

    def _lookup(self, url: httpx.URL) -> httpx.Response:
        offset = self._offsets.get(_key(str(url)))
        if offset is None:
            return _plain(404, f"not in the WARC file: {url}", self.source)
        with self._lock:
            stored = read_response(self.source, offset)
        extensions: dict[str, object] = {"archive": str(self.source)}
        if stored.recorded_at:
            extensions["archived_at"] = stored.recorded_at
        if stored.reason:
            extensions["reason_phrase"] = stored.reason.encode("latin-1", "replace")
        return httpx.Response(
            stored.status, headers=stored.headers, content=stored.body, extensions=extensions
        )

    def __len__(self) -> int:
        return len(self._offsets)


def make_transport(archive: str | Path | None) -> MirrorTransport | WarcTransport | None:
    """The replay transport for ``archive`` (a mirror directory or a WARC file), or None to go live.

    The returned object is both an ``httpx.BaseTransport`` and an ``httpx.AsyncBaseTransport``.
    Raises FileNotFoundError if ``archive`` does not exist.
    """
    if archive is None:
        return None
    path = Path(archive)
    if path.is_dir():
        return MirrorTransport(path)
    if path.is_file():
        return WarcTransport(path)
    raise FileNotFoundError(f"archive not found: {archive}")


def make_async_transport(archive: str | Path | None) -> httpx.AsyncBaseTransport | None:
    """The same transport as :func:`make_transport`, typed for ``httpx.AsyncClient``."""
    return make_transport(archive)


def _key(url: str) -> str:
    # httpx.URL normalises scheme/host case and default ports; fragments never reach a server.
    return str(httpx.URL(url).copy_with(fragment=None))


def _plain(status: int, message: str, source: Path) -> httpx.Response:
    return httpx.Response(
        status,
        headers={"Content-Type": "text/plain; charset=utf-8"},
        content=message.encode("utf-8"),
        extensions={"archive": str(source)},
    )
