"""A real HTTP server on 127.0.0.1 for the fetch tests, with routes set per test.

Each route is a function ``(handler) -> None`` that answers with :func:`reply`. The server counts
hits per path, the largest number of requests it served at once, and when each request arrived.
"""

from __future__ import annotations

import threading
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

Route = Callable[[BaseHTTPRequestHandler], None]


def reply(
    handler: BaseHTTPRequestHandler,
    status: int = 200,
    body: bytes = b"",
    content_type: str | None = "text/html; charset=utf-8",
    headers: dict[str, str] | None = None,
    *,
    declare_length: bool = True,
) -> None:
    """Send a whole response. Without ``declare_length`` the body ends when the connection closes."""
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    if declare_length:
        handler.send_header("Content-Length", str(len(body)))
    else:
        handler.send_header("Connection", "close")
        handler.close_connection = True
    handler.end_headers()
    try:
        handler.wfile.write(body)
    except (BrokenPipeError, ConnectionResetError):
        pass  # the client stopped reading, as a size limit makes it do


class LocalServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.arrivals: dict[str, list[float]] = defaultdict(list)
        self.user_agents: list[str] = []
        self.active = 0
        self.max_active = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(self))
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        # A short poll interval makes shutdown() quick; the default 0.5 s would add up over many tests.
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.02,), daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _enter(self, path: str, user_agent: str) -> None:
        with self._lock:
            self.hits[path] += 1
            self.arrivals[path].append(time.monotonic())
            self.user_agents.append(user_agent)
            self.active += 1
            self.max_active = max(self.max_active, self.active)

    def _leave(self) -> None:
        with self._lock:
            self.active -= 1


def _make_handler(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:  # noqa: N802 (name fixed by http.server)
            path = self.path.split("?", 1)[0]
            server._enter(path, self.headers.get("User-Agent", ""))
            try:
                route = server.routes.get(path)
                if route is None:
                    reply(self, 404, b"not found", "text/plain")
                else:
                    route(self)
            finally:
                server._leave()

        do_POST = do_GET  # noqa: N815 - routes answer any method the same way (SPARQL posts)

        def log_message(self, format: str, *args: object) -> None:  # keep test output clean
            pass

    return Handler


@contextmanager
def running_server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.start()
    try:
        yield server
    finally:
        server.stop()


class ForwardingTransport(httpx.BaseTransport, httpx.AsyncBaseTransport):
    """Sends requests for any host to the local server, so tests can use public-looking host names."""

    def __init__(self, port: int) -> None:
        self.port = port
        self._sync = httpx.HTTPTransport()
        self._async = httpx.AsyncHTTPTransport()

    def _local(self, request: httpx.Request) -> httpx.Request:
        # A new request: the caller's keeps its URL (it is what gets archived and reported).
        url = request.url.copy_with(scheme="http", host="127.0.0.1", port=self.port)
        return httpx.Request(request.method, url, headers=request.headers, extensions=request.extensions)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        return self._sync.handle_request(self._local(request))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self._async.handle_async_request(self._local(request))

    def close(self) -> None:
        self._sync.close()

    async def aclose(self) -> None:
        await self._async.aclose()


def tiny_pdf(text: str = "Revenue grew 12% in 2025") -> bytes:
    """A minimal valid one-page PDF showing ``text``, with a correct cross-reference table."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{offset:010d} 00000 n \n".encode() for offset in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)
