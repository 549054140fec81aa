"""The hostile battery: faulty and malicious inputs driven through the command line, as a user would
run it, against servers these tests start on 127.0.0.1.

Each case runs ``factcheck`` in a child process and checks what it promises: it ends within its
deadline plus a margin (no hang), its peak memory stays under 1 GB, a failure is one line on stderr
with a reason and a non-zero exit (never a traceback), and nothing stored is lost. No case sends a
packet to an address that is not loopback: a private or metadata address is refused before any
connection is made, DNS rebinding is played by a resolver the test controls, and the case that does
fetch a private address runs inside a network namespace with only loopback up (root only).

Set ``FACTCHECK_BATTERY_REPORT`` to a file to get one JSON line per run (case, seconds, peak MB).
"""

from __future__ import annotations

import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest
from httpserver import LocalServer, reply, running_server

ROOT = Path(__file__).resolve().parents[1]
MARGIN = 20.0  # seconds on top of a case's own deadline: interpreter and spaCy start-up
MAX_PEAK_MB = 1024
ZEROS = 1 << 29  # 512 MiB of zeros behind every compression bomb


class Run:
    def __init__(self, code: int, out: str, err: str, seconds: float, peak_mb: float) -> None:
        self.code, self.out, self.err, self.seconds, self.peak_mb = code, out, err, seconds, peak_mb

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.err.splitlines() if line.startswith("Error:")]


#: The child runs the CLI and, as it exits, writes its own peak memory (VmHWM of its own address space:
#: getrusage would also count the copy of this test process it was forked from).
_LAUNCH = """
import atexit, os, sys
def _peak():
    with open('/proc/self/status') as status, open(os.environ['FACTCHECK_TEST_PEAK'], 'w') as out:
        out.write(next(line.split()[1] for line in status if line.startswith('VmHWM')))
atexit.register(_peak)
from factcheck.cli import main
main()
"""


def factcheck(
    *args: str,
    deadline: float,
    case: str,
    stdin: bytes | None = None,
    env: dict[str, str] | None = None,
    prefix: tuple[str, ...] = (),
    watch: Callable[[str], None] | None = None,
) -> Run:
    """Run the CLI in a child process; fail on a hang, a traceback or a peak memory over 1 GB.
    ``watch`` is called with the stderr so far while the child runs."""
    with tempfile.TemporaryDirectory() as scratch:
        files = {name: Path(scratch) / name for name in ("in", "out", "err", "peak")}
        files["in"].write_bytes(stdin or b"")
        environment = {**os.environ, "PYTHONPATH": str(ROOT), "FACTCHECK_TEST_PEAK": str(files["peak"])}
        command = [*prefix, sys.executable, "-c", _LAUNCH, *args]
        with files["in"].open("rb") as given, files["out"].open("wb") as out, files["err"].open("wb") as err:
            started = time.monotonic()
            child = subprocess.Popen(
                command, stdin=given, stdout=out, stderr=err, env={**environment, **(env or {})}, cwd=ROOT
            )
            ends = started + deadline + MARGIN
            while child.poll() is None and time.monotonic() < ends:
                if watch is not None:
                    watch(files["err"].read_text(encoding="utf-8", errors="replace"))
                time.sleep(0.05)
            seconds = time.monotonic() - started
            if child.poll() is None:
                child.kill()
                child.wait()
                pytest.fail(f"{case}: no answer within {deadline + MARGIN:g} s (hang)")
        text = {name: files[name].read_bytes().decode("utf-8", "replace") for name in ("out", "err")}
        peak_mb = int(files["peak"].read_text() or 0) / 1024 if files["peak"].exists() else 0.0  # kB
    run = Run(child.returncode, text["out"], text["err"], seconds, peak_mb)
    report = os.environ.get("FACTCHECK_BATTERY_REPORT")
    if report:
        with open(report, "a", encoding="utf-8") as handle:
            row = {"case": case, "seconds": round(seconds, 2), "peak_mb": round(peak_mb), "exit": run.code}
            handle.write(json.dumps(row) + "\n")
    assert "Traceback" not in run.err, f"{case}: traceback on stderr\n{run.err[-2000:]}"
    assert peak_mb < MAX_PEAK_MB, f"{case}: peak memory {peak_mb:.0f} MB"
    return run


def one_line_failure(run: Run, *words: str) -> None:
    assert run.code != 0, run.err
    assert len(run.error_lines) == 1, run.err
    line = run.error_lines[0]
    assert line.isprintable(), line
    for word in words:
        assert word.lower() in line.lower(), line


@pytest.fixture
def server() -> Iterator[LocalServer]:
    with running_server() as running:
        yield running


def article(sources: list[str], extra: str = "") -> bytes:
    """An article whose claims each cite one of ``sources`` (URLs) by link."""
    paragraphs = [
        f"<p>Vendor {chr(65 + i)} shipped {12 + i} million units in 2025, according to "
        f'<a href="{url}">Research Firm {chr(65 + i)}</a>.</p>'
        for i, url in enumerate(sources)
    ]
    body = "\n".join(paragraphs) + extra
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Shipments</title></head><body>"
        f"<article><h1>Shipments</h1>{body}</article></body></html>"
    ).encode()


def ingest_args(url: str, store: Path, *more: str) -> tuple[str, ...]:
    return (
        "ingest",
        url,
        "--store",
        str(store),
        "--allow-private-network",
        "--warc",
        str(store) + ".warc",
        *more,
    )


# -- time: nothing a server does can hold a run past its deadline ----------------------------------


def _trickle(handler: BaseHTTPRequestHandler, data: bytes, pause: float = 0.2, limit: float = 60.0) -> None:
    """Send ``data`` a byte at a time, then keep dripping spaces, until the client leaves."""
    ends = time.monotonic() + limit
    try:
        for byte in data:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(pause)
        while time.monotonic() < ends:
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(pause)
    except OSError:
        pass


def test_headers_sent_one_byte_at_a_time_end_within_the_response_timeout(
    server: LocalServer, tmp_path: Path
) -> None:
    server.routes["/slow"] = lambda h: _trickle(
        h, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Pad: " + b"a" * 500
    )
    run = factcheck(
        *ingest_args(server.url("/slow"), tmp_path / "s", "--timeout", "2"), deadline=2, case="slow headers"
    )
    one_line_failure(run, "2 s")
    assert run.seconds < 2 + MARGIN


def test_a_body_sent_one_byte_at_a_time_ends_within_the_response_timeout(
    server: LocalServer, tmp_path: Path
) -> None:
    def slow_body(h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        _trickle(h, b"<html><body><p>" + b"1" * 5000)

    server.routes["/slow"] = slow_body
    run = factcheck(
        *ingest_args(server.url("/slow"), tmp_path / "s", "--timeout", "2"), deadline=2, case="slow body"
    )
    one_line_failure(run, "within 2 s")


def test_many_slow_sources_leave_their_claims_unverified_within_the_run_deadline(
    server: LocalServer, tmp_path: Path
) -> None:
    sources = [f"/source/{i}/" for i in range(12)]
    for path in sources:
        server.routes[path] = lambda h: _trickle(h, b"HTTP/1.1 200 OK\r\n")
    server.routes["/article"] = lambda h: reply(h, 200, article([server.url(p) for p in sources]))
    store = tmp_path / "s"
    run = factcheck(
        *ingest_args(server.url("/article"), store, "--timeout", "3", "--deadline", "6"),
        deadline=6,
        case="slow sources",
    )
    assert run.code == 0, run.err
    listed = factcheck(
        "claims", "--store", str(store), "--format", "json", deadline=10, case="slow sources: claims"
    )
    claims = json.loads(listed.out)
    assert len(claims) == 12
    assert {c["verdict"] for c in claims} == {"unverified"}
    assert all("within 3 s" in c["explanation"] or "deadline" in c["explanation"] for c in claims), claims


def test_a_slow_sparql_endpoint_is_given_up_on_with_one_line(server: LocalServer) -> None:
    server.routes["/query"] = lambda h: _trickle(h, b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n")
    run = factcheck(
        "claims",
        "--store",
        server.url("/"),
        env={"FACTCHECK_SPARQL_TIMEOUT": "2"},
        deadline=2,
        case="slow sparql",
    )
    one_line_failure(run, "within 2 s")


# -- memory: no body is held past its limit, whatever its encoding ---------------------------------


def _compressed(codec: str) -> bytes:
    """512 MiB of zeros, compressed with ``codec`` (gzip twice for "gzip, gzip"), made once per run."""
    if codec not in _BOMBS:
        _BOMBS[codec] = _make_bomb(codec)
    return _BOMBS[codec]


_BOMBS: dict[str, bytes] = {}


def _zeros(step: int = 1 << 20) -> Iterator[bytes]:
    block = bytes(step)
    for _ in range(ZEROS // step):
        yield block


def _make_bomb(codec: str) -> bytes:
    if codec in ("gzip", "deflate"):
        packer = zlib.compressobj(9, zlib.DEFLATED, 31 if codec == "gzip" else 15)
        return b"".join(packer.compress(b) for b in _zeros()) + packer.flush()
    if codec == "gzip, gzip":
        return gzip.compress(_make_bomb("gzip"), 9)
    if codec == "br":
        import brotli

        packer = brotli.Compressor(quality=1)
        return b"".join(packer.process(b) for b in _zeros()) + packer.finish()
    if codec == "zstd":
        try:
            from compression import zstd  # type: ignore[import-not-found]
        except ImportError:
            from backports import zstd  # type: ignore[no-redef]
        packer = zstd.ZstdCompressor(level=1)
        return b"".join(packer.compress(b) for b in _zeros()) + packer.flush()
    raise ValueError(codec)


CODECS = ("gzip", "deflate", "gzip, gzip", "br", "zstd")


def test_compression_bombs_of_every_codec_are_refused_as_too_large_with_bounded_memory(
    server: LocalServer, tmp_path: Path
) -> None:
    for codec in CODECS:
        bomb = _compressed(codec)
        server.routes[f"/bomb/{codec.replace(', ', '-')}"] = lambda h, bomb=bomb, codec=codec: reply(
            h, 200, bomb, headers={"Content-Encoding": codec}
        )
    urls = [server.url(f"/bomb/{codec.replace(', ', '-')}") for codec in CODECS]
    run = factcheck(*ingest_args(urls[0], tmp_path / "s", *urls[1:]), deadline=30, case="bombs")
    assert run.code != 0 and len(run.error_lines) == len(CODECS), run.err
    assert all("larger than the 10,000,000-byte limit" in line for line in run.error_lines), run.err
    assert run.peak_mb < 300  # the 10 MB limit and a few steps, not the 512 MiB behind each bomb


def test_more_layers_of_encoding_than_allowed_are_refused(server: LocalServer, tmp_path: Path) -> None:
    body = b"<html><body><p>12% of sales</p></body></html>"
    for _ in range(6):
        body = gzip.compress(body)
    server.routes["/deep"] = lambda h: reply(
        h, 200, body, headers={"Content-Encoding": ", ".join(["gzip"] * 6)}
    )
    run = factcheck(*ingest_args(server.url("/deep"), tmp_path / "s"), deadline=10, case="six gzip layers")
    one_line_failure(run, "layers")


def test_quantities_reads_a_huge_stdin_a_bounded_line_at_a_time() -> None:
    data = b"lorem ipsum " * 2_500_000 + b"\nPrices rose 4.5% in May.\n"  # a 30 MB first line
    run = factcheck("quantities", stdin=data, deadline=30, case="quantities huge stdin")
    assert run.code == 0, run.err
    assert "4.5%" in run.out
    assert "only the first" in run.err


# -- addresses: no way around the guard ------------------------------------------------------------


def test_a_metadata_address_is_never_fetched_even_when_named_and_private_network_allowed(
    tmp_path: Path,
) -> None:
    run = factcheck(
        *ingest_args(
            "http://169.254.169.254/latest/meta-data/", tmp_path / "s", "--allow-host", "169.254.169.254"
        ),
        deadline=10,
        case="metadata address",
    )
    one_line_failure(run, "never fetched")


def test_private_network_flag_allows_loopback_only(tmp_path: Path) -> None:
    addresses = ["10.0.0.1", "192.168.1.1", "[fd00::1]", "100.100.100.200", "0.0.0.0", "[::ffff:10.0.0.1]"]
    urls = [f"http://{address}/" for address in addresses]
    run = factcheck(*ingest_args(urls[0], tmp_path / "s", *urls[1:]), deadline=10, case="private addresses")
    assert run.code != 0 and len(run.error_lines) == len(addresses), run.err
    assert all("refused host" in line for line in run.error_lines), run.err


def test_a_redirect_from_loopback_to_a_private_address_is_refused(
    server: LocalServer, tmp_path: Path
) -> None:
    server.routes["/jump"] = lambda h: reply(h, 302, b"", None, {"Location": "http://10.1.2.3/inside"})
    run = factcheck(
        *ingest_args(server.url("/jump"), tmp_path / "s"), deadline=10, case="redirect to private"
    )
    one_line_failure(run, "10.1.2.3")
    assert server.hits["/jump"] == 1


def test_dns_rebinding_never_reaches_an_address_that_was_not_checked(
    server: LocalServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    import httpcore

    from factcheck.web import BlockedURL, Fetcher, FetchError, FetchLimits

    answers = iter(["93.184.216.34", "127.0.0.1"] * 10)  # public to one lookup, loopback to the next
    looked_up: list[str] = []

    def rebinding(host: str, port: int) -> list[str]:
        looked_up.append(next(answers))
        return [looked_up[-1]]

    connected: list[str] = []

    async def no_packet(self: object, host: str, port: int, *args: object, **kwargs: object) -> object:
        # Stands in for the socket: records what would be connected to, sends nothing anywhere.
        connected.append(host)
        raise httpcore.ConnectError("test network: nothing is sent")

    monkeypatch.setattr(httpcore.AnyIOBackend, "connect_tcp", no_packet)
    limits = FetchLimits(timeout=5, delay=0, retries=0)
    fetcher = Fetcher(limits=limits, respect_robots=False, resolver=rebinding)
    url = f"http://rebind.test:{server.port}/page"
    first = fetcher.fetch_all([url])[url]  # public answer: allowed, connected to (by the stand-in)
    second = fetcher.fetch_all([url])[url]  # loopback answer to the next lookup: refused
    assert isinstance(first, FetchError) and not isinstance(first, BlockedURL)
    assert isinstance(second, BlockedURL) and "127.0.0.1" in str(second)
    assert looked_up == ["93.184.216.34", "127.0.0.1"]  # one lookup per connection, no second opinion
    assert connected == ["93.184.216.34"]  # only ever the address that was checked
    assert sum(server.hits.values()) == 0


@pytest.mark.skipif(
    os.geteuid() != 0 or shutil.which("ip") is None, reason="network namespaces need root and ip"
)
def test_a_named_private_host_is_fetched_inside_a_namespace_with_only_loopback(tmp_path: Path) -> None:
    namespace = f"fc-battery-{os.getpid()}"
    if subprocess.run(["ip", "netns", "add", namespace], capture_output=True).returncode != 0:
        pytest.skip("cannot create a network namespace here")
    netns = ("ip", "netns", "exec", namespace)
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_bytes(article([]).replace(b"</h1>", b"</h1><p>Sales rose 12% in 2025.</p>"))
    try:
        subprocess.run([*netns, "ip", "link", "set", "lo", "up"], check=True)
        subprocess.run([*netns, "ip", "addr", "add", "10.200.0.1/32", "dev", "lo"], check=True)
        serving = subprocess.Popen(
            [*netns, sys.executable, "-m", "http.server", "8080", "--bind", "10.200.0.1", "-d", str(site)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            time.sleep(1.0)
            url = "http://10.200.0.1:8080/"
            refused = factcheck(
                *ingest_args(url, tmp_path / "a", "--no-verify"),
                deadline=10,
                case="netns refused",
                prefix=netns,
            )
            one_line_failure(refused, "private address")
            allowed = factcheck(
                *ingest_args(url, tmp_path / "b", "--no-verify", "--allow-host", "10.200.0.1"),
                deadline=20,
                case="netns allowed",
                prefix=netns,
            )
            assert allowed.code == 0, allowed.err
        finally:
            serving.kill()
            serving.wait()
    finally:
        subprocess.run(["ip", "netns", "del", namespace], capture_output=True)


# -- the store: nothing lost, nothing written by readers -------------------------------------------


def _ingested(server: LocalServer, tmp_path: Path) -> Path:
    server.routes["/article"] = lambda h: reply(
        h, 200, article([]).replace(b"</h1>", b"</h1><p>Sales rose 12% in 2025, IDC said.</p>")
    )
    store = tmp_path / "store"
    run = factcheck(
        *ingest_args(server.url("/article"), store, "--no-verify"), deadline=30, case="ingest for store cases"
    )
    assert run.code == 0, run.err
    return store


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
        for p in folder.rglob("*")
        if p.is_file()
    }


def test_read_only_commands_write_nothing_to_the_store(server: LocalServer, tmp_path: Path) -> None:
    store = _ingested(server, tmp_path)
    before = _snapshot(store)
    for args in (
        ["claims"],
        ["query", "SELECT * WHERE { ?s ?p ?o } LIMIT 1"],
        ["site", "--out", str(tmp_path / "site")],
    ):
        run = factcheck(*args, "--store", str(store), deadline=20, case=f"read-only {args[0]}")
        assert run.code == 0, run.err
    assert _snapshot(store) == before


def test_a_store_that_lost_its_current_file_is_refused_with_the_way_to_recover(
    server: LocalServer, tmp_path: Path
) -> None:
    store = _ingested(server, tmp_path)
    (store / "CURRENT").unlink()
    before = _snapshot(store)
    for args in (["claims"], ["ingest", server.url("/article"), "--no-verify", "--allow-private-network"]):
        run = factcheck(*args, "--store", str(store), deadline=20, case=f"lost CURRENT {args[0]}")
        one_line_failure(run, "CURRENT", "echo MANIFEST-")
    assert _snapshot(store) == before  # no new store was started over the old one
    fix = run.error_lines[0].split("echo ", 1)[1].split(" > ", 1)[0]
    (store / "CURRENT").write_text(fix + "\n", encoding="ascii")
    recovered = factcheck("claims", "--store", str(store), "--format", "json", deadline=10, case="recovered")
    assert json.loads(recovered.out), recovered.err


def test_an_ingest_waits_for_a_store_another_process_holds_and_keeps_its_work(
    server: LocalServer, tmp_path: Path
) -> None:
    store = _ingested(server, tmp_path)
    hold = "\n".join(
        ["import sys, time, pyoxigraph", "s = pyoxigraph.Store(sys.argv[1])", "print('held', flush=True)"]
        + ["sys.stdin.readline()", "time.sleep(1)"]
    )
    holder = subprocess.Popen(
        [sys.executable, "-c", hold, str(store)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )

    def release_once_waiting(err: str) -> None:
        if (
            "Waiting for graph store" in err
            and holder.poll() is None
            and holder.stdin
            and not holder.stdin.closed
        ):
            holder.stdin.write("go\n")
            holder.stdin.close()

    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        server.routes["/second"] = lambda h: reply(
            h, 200, article([]).replace(b"</h1>", b"</h1><p>Profit fell 7% in 2024.</p>")
        )
        run = factcheck(
            *ingest_args(server.url("/second"), store, "--no-verify"),
            deadline=60,
            case="wait for store",
            watch=release_once_waiting,
        )
    finally:
        holder.kill()  # released already when the ingest waited; gone either way
        holder.wait()
    assert run.code == 0, run.err
    assert "Waiting for graph store" in run.err
    listed = factcheck("claims", "--store", str(store), "--format", "json", deadline=10, case="after wait")
    assert {c["value"] for c in json.loads(listed.out)} >= {12, 7}


def test_a_malformed_link_is_left_out_with_its_reason_and_the_article_is_stored(
    server: LocalServer, tmp_path: Path
) -> None:
    page = article([]).replace(
        b"</h1>", b'</h1><p>Sales rose 12% in 2025, said <a href="http://[::1">IDC</a>.</p>'
    )
    server.routes["/article"] = lambda h: reply(h, 200, page)
    store = tmp_path / "s"
    run = factcheck(*ingest_args(server.url("/article"), store, "--no-verify"), deadline=30, case="bad link")
    assert run.code == 0, run.err
    assert "Warning: a link was left out: 'http://[::1' is not a valid URL" in run.err
    noted = factcheck(
        "query",
        "SELECT ?why WHERE { ?ingest fc:dropped ?why }",
        "--store",
        str(store),
        "--format",
        "json",
        deadline=10,
        case="bad link noted",
    )
    assert "not a valid URL" in noted.out


# -- outputs: nothing written outside its place, nothing a spreadsheet would run -------------------


def test_site_refuses_a_manifest_that_points_outside_its_folder(server: LocalServer, tmp_path: Path) -> None:
    store = _ingested(server, tmp_path)
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    out = tmp_path / "site"
    out.mkdir()
    (out / ".factcheck-site.json").write_text(json.dumps({"files": ["../victim.txt", str(victim)]}))
    run = factcheck("site", "--out", str(out), "--store", str(store), deadline=20, case="hostile manifest")
    one_line_failure(run, "outside the site folder")
    assert victim.read_text() == "keep me"


def test_site_deletes_only_files_it_wrote_and_left_unchanged(server: LocalServer, tmp_path: Path) -> None:
    store = _ingested(server, tmp_path)
    out = tmp_path / "site"
    assert (
        factcheck("site", "--out", str(out), "--store", str(store), deadline=20, case="site build").code == 0
    )
    manifest = json.loads((out / ".factcheck-site.json").read_text())
    edited = next(rel for rel in manifest["files"] if rel.endswith(".html") and rel != "index.html")
    (out / edited).write_text("my notes")
    mine = out / "mine.txt"
    mine.write_text("mine")
    manifest["files"].append("ghost.html")  # listed, but the user's own file now
    (out / "ghost.html").write_text("not from a build")
    (out / ".factcheck-site.json").write_text(json.dumps(manifest))
    assert (
        factcheck("site", "--out", str(out), "--store", str(store), deadline=20, case="site rebuild").code
        == 0
    )
    assert mine.read_text() == "mine"
    assert (out / "ghost.html").read_text() == "not from a build"


def test_claims_csv_cells_never_start_a_formula(server: LocalServer, tmp_path: Path) -> None:
    page = article([]).replace(
        b"</h1>",
        b'</h1><p>=HYPERLINK("http://evil.example") Sales rose 12% in 2025, IDC said.</p>'
        b"<p>@SUM(A1) Acme grew 5% in 2024, per Gartner.</p>"
        b"<p>+cmd|' /C calc'!A0 Profit fell 3% in 2023.</p>",
    )
    server.routes["/article"] = lambda h: reply(h, 200, page)
    store = tmp_path / "s"
    assert (
        factcheck(
            *ingest_args(server.url("/article"), store, "--no-verify"), deadline=30, case="csv ingest"
        ).code
        == 0
    )
    run = factcheck("claims", "--store", str(store), "--format", "csv", deadline=10, case="csv")
    import csv
    import io

    cells = [cell for row in csv.reader(io.StringIO(run.out)) for cell in row]
    assert any("HYPERLINK" in cell for cell in cells)
    risky = [
        c for c in cells if c[:1] in ("=", "@", "+", "-") and not c.lstrip("+-").replace(".", "").isdigit()
    ]
    assert not risky, risky


def test_an_archive_that_is_not_warc_is_one_line_without_its_bytes(tmp_path: Path) -> None:
    junk = tmp_path / "archive.warc"
    junk.write_bytes(bytes(range(256)) * 20)
    run = factcheck(
        "ingest",
        "https://news.example/a/",
        "--archive",
        str(junk),
        "--store",
        str(tmp_path / "s"),
        deadline=10,
        case="not warc",
    )
    one_line_failure(run, "not a readable WARC")
    assert run.error_lines[0].isascii()
