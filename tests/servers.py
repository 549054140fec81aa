"""Servers the tests start as real processes on 127.0.0.1, each stopped by its PID afterwards:
``oxigraph serve`` (the SPARQL server many ingest workers share) and ``factcheck serve --sparql``."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_until_up(process: subprocess.Popen[bytes], url: str, log: Path, what: str) -> None:
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            pytest.fail(f"{what} exited: {log.read_text(errors='replace')}")
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            pytest.fail(f"{what} did not answer within 60 s: {log.read_text(errors='replace')}")
        time.sleep(0.1)


def _stop(process: subprocess.Popen[bytes]) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


@contextmanager
def oxigraph_server(folder: Path) -> Iterator[str]:
    """The base URL of an ``oxigraph serve`` keeping its data in ``folder``."""
    command = shutil.which("oxigraph")
    if command is None:
        pytest.skip("the oxigraph command (PyPI package oxigraph) is not installed")
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    log = folder / "server.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [command, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(process, f"{url}/query", log, "oxigraph serve")
            yield url
        finally:
            _stop(process)


@contextmanager
def factcheck_endpoint(store: Path, log: Path, *options: str) -> Iterator[str]:
    """The base URL of ``factcheck serve --sparql`` on ``store`` (its SPARQL endpoint is ``/sparql``)."""
    port = free_port()
    code = "import sys; from factcheck.cli import main; sys.exit(main())"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-c", code, "serve", "--sparql", "--store", str(store), "--port", str(port)]
            + list(options),
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            _wait_until_up(process, f"{url}/sparql", log, "factcheck serve --sparql")
            yield url
        finally:
            _stop(process)
