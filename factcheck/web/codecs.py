"""Content-Encoding undone in bounded steps, for every layer and codec, before the bytes are held.

httpx would inflate a whole network chunk at once, and each ``Content-Encoding`` layer of the one
before: 64 KiB of gzip inside gzip can become gigabytes in one call. Here every layer hands out at most
``STEP`` bytes per call (zlib's ``max_length``, brotli's ``output_buffer_limit``, zstd's
``max_length``) and the layers are chained lazily, so the fetcher stops as soon as the decoded size
passes its limit, having held no more than that limit plus a few steps.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

STEP = 64 * 1024

#: The encodings we can undo, as sent in Accept-Encoding.
ACCEPT_ENCODING = "gzip, deflate, br, zstd"


class DecodingFailed(Exception):
    """A body whose encoding is broken or not supported; the message is one line."""


class _Layer:
    def feed(self, data: bytes) -> Iterator[bytes]:
        raise NotImplementedError

    def finish(self) -> Iterator[bytes]:
        return iter(())


class _Zlib(_Layer):
    """gzip (all members) or deflate (zlib-wrapped, or raw as some servers send it)."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._wbits = 16 + zlib.MAX_WBITS if name == "gzip" else zlib.MAX_WBITS
        self._inflate = zlib.decompressobj(self._wbits)
        self._started = False

    def feed(self, data: bytes) -> Iterator[bytes]:
        while True:
            try:
                out = self._inflate.decompress(data, STEP)
            except zlib.error as exc:
                if self.name == "deflate" and not self._started:  # raw deflate, without the zlib header
                    self._wbits = -zlib.MAX_WBITS
                    self._inflate = zlib.decompressobj(self._wbits)
                    self._started = True
                    continue
                raise DecodingFailed(f"broken {self.name} data ({exc})") from None
            self._started = True
            data = self._inflate.unconsumed_tail
            if out:
                yield out
            if self._inflate.eof:
                rest = self._inflate.unused_data
                if not rest or self.name != "gzip":
                    return
                self._inflate = zlib.decompressobj(self._wbits)  # the next gzip member
                data = rest
                continue
            if not data and len(out) < STEP:
                return

    def finish(self) -> Iterator[bytes]:
        out = self._inflate.flush()
        if out:
            yield out


class _Brotli(_Layer):
    def __init__(self) -> None:
        import brotli

        self._brotli: Any = brotli
        self._decoder = brotli.Decompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            out = self._decoder.process(data, output_buffer_limit=STEP)
            if out:
                yield out
            while not self._decoder.can_accept_more_data():
                out = self._decoder.process(b"", output_buffer_limit=STEP)
                if not out:
                    return
                yield out
        except self._brotli.error as exc:
            raise DecodingFailed(f"broken br data ({exc})") from None


def _zstd_module() -> Any:
    try:
        from compression import zstd  # type: ignore[import-not-found]  # Python 3.14
    except ImportError:
        from backports import zstd  # type: ignore[no-redef]
    return zstd


class _Zstd(_Layer):
    def __init__(self) -> None:
        self._zstd = _zstd_module()
        self._decoder = self._zstd.ZstdDecompressor()

    def feed(self, data: bytes) -> Iterator[bytes]:
        try:
            while True:
                out = self._decoder.decompress(data, STEP)
                data = b""
                if out:
                    yield out
                if self._decoder.eof:
                    rest = self._decoder.unused_data
                    if not rest:
                        return
                    self._decoder = self._zstd.ZstdDecompressor()  # the next frame
                    data = rest
                elif self._decoder.needs_input:
                    return
        except self._zstd.ZstdError as exc:
            raise DecodingFailed(f"broken zstd data ({exc})") from None


_CODECS = {
    "gzip": lambda: _Zlib("gzip"),
    "x-gzip": lambda: _Zlib("gzip"),
    "deflate": lambda: _Zlib("deflate"),
    "br": _Brotli,
    "zstd": _Zstd,
}


class BodyDecoder:
    """Undoes the encodings of one ``Content-Encoding`` header (listed in the order applied), step by step.

    Unknown tokens are passed over as httpx does (servers send "utf-8" or "binary" there); more than
    ``max_layers`` layers is refused.
    """

    def __init__(self, content_encoding: str | None, max_layers: int = 4) -> None:
        names = [t.strip().lower() for t in (content_encoding or "").split(",")]
        names = [n for n in names if n in _CODECS]
        if len(names) > max_layers:
            raise DecodingFailed(f"{len(names)} layers of content encoding (at most {max_layers} are undone)")
        try:
            self._layers: list[_Layer] = [_CODECS[n]() for n in reversed(names)]
        except ImportError as exc:
            raise DecodingFailed(
                f"content encoding not supported here ({exc.name} is not installed)"
            ) from None

    def feed(self, raw: bytes) -> Iterator[bytes]:
        """The decoded pieces of ``raw``, each at most ``STEP`` bytes once a layer is involved."""
        return self._through(0, raw)

    def finish(self) -> Iterator[bytes]:
        for index, layer in enumerate(self._layers):
            for piece in layer.finish():
                yield from self._through(index + 1, piece)

    def _through(self, index: int, data: bytes) -> Iterator[bytes]:
        if index == len(self._layers):
            if data:
                yield data
            return
        for piece in self._layers[index].feed(data):
            yield from self._through(index + 1, piece)
