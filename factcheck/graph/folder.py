"""The embedded store's folder on disk: what may be opened, and who may open it when.

* A folder that holds files must be an Oxigraph (RocksDB) store with a valid ``CURRENT`` file;
  otherwise opening it would start a new, empty store over the old data. ``check_folder`` refuses
  it with a message that says how to recover.
* Readers and a writer take turns on RocksDB's own ``LOCK`` file, which RocksDB locks (POSIX
  ``fcntl``) for the one process that writes. A reader takes a shared lock on the same file, so a
  writer cannot start while it reads and it does not read while a writer writes; the reader opens
  the file read-only and writes nothing. Both wait as long as it takes, telling ``progress``.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows; RocksDB's own lock still guards writers
    fcntl = None  # type: ignore[assignment]

Progress = Callable[[str], None]

_MANIFEST = re.compile(r"MANIFEST-(\d+)")
#: The files every RocksDB folder has; a folder with files but none of these is no store.
_STORE_MARKS = ("CURRENT", "IDENTITY", "LOCK", "OPTIONS-", "MANIFEST-")


class FolderError(Exception):
    """The folder cannot be opened as a store; the message is one line meant for the user."""


def check_folder(path: Path) -> bool:
    """True if ``path`` holds a store, False if there is nothing there yet (or an empty folder);
    raises FolderError for a folder with data but no valid ``CURRENT``, or one that is no store."""
    if not path.exists():
        return False
    if not path.is_dir():
        raise FolderError(f"cannot open graph store {path}: it is a file, not a folder")
    names = [entry.name for entry in os.scandir(path)]
    if not names:
        return False
    manifests = sorted((n for n in names if _MANIFEST.fullmatch(n)), key=lambda n: int(n.split("-")[1]))
    if not any(n.startswith(_STORE_MARKS) for n in names) and not any(n.endswith(".sst") for n in names):
        raise FolderError(
            f"{path} holds files but is not a graph store; give another folder with --store "
            "(a new store is never created over other files)"
        )
    current = path / "CURRENT"
    try:
        named = current.read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        named = ""
    if _MANIFEST.fullmatch(named) and (path / named).is_file():
        return True
    problem = "is missing" if not current.exists() else "does not name a MANIFEST file of the folder"
    if manifests:
        fix = f"write the newest manifest's name into it: echo {manifests[-1]} > {current}"
    else:
        fix = "no MANIFEST file is left, so restore the folder from a backup or an export"
    raise FolderError(
        f"graph store {path} holds data but its CURRENT file {problem}; not opening it, as a new "
        f"store would hide that data. To recover, {fix} (or move the folder away to start a new store)"
    )


def _say_waiting(location: str, progress: Progress | None, waited: float, told: float) -> float:
    """Tell ``progress`` (stderr by default) that we wait, at once and then every ten seconds;
    returns when it last told."""
    if told >= 0 and waited - told < 10.0:
        return told
    message = (
        f"Waiting for graph store {location}: another process has it open ({waited:.0f} s so far;"
        " to share a store between processes, serve it over SPARQL)"
    )
    if progress is not None:
        progress(message)
    else:
        print(message, file=sys.stderr, flush=True)
    return waited


def wait_for(
    attempt: Callable[[], object | None],
    location: str,
    wait: float | None,
    progress: Progress | None,
    what: str,
) -> object:
    """Call ``attempt`` until it returns something other than None, waiting ``wait`` seconds at most
    (None: as long as it takes); raises FolderError("... is locked ...") when the time is up."""
    started = time.monotonic()
    delay, told = 0.05, -1.0
    while True:
        result = attempt()
        if result is not None:
            return result
        waited = time.monotonic() - started
        if wait is not None and waited + delay > wait:
            raise FolderError(
                f"graph store {location} is locked by another process {what} "
                "(to share it, serve it over SPARQL)"
            )
        told = _say_waiting(location, progress, waited, told)
        time.sleep(delay)
        delay = min(delay * 2, 1.0)


def held_elsewhere(path: Path) -> bool:
    """Whether another process holds the store's ``LOCK`` (writing or reading), asked without
    opening RocksDB: a refused open would still rotate the store's log file, once per attempt."""
    lock = path / "LOCK"
    if fcntl is None or not lock.exists():
        return False
    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return False  # let the open itself report what is wrong
    try:
        fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)  # releases the probe's lock at once
    return False


class ReadLock:
    """A shared lock on the store's ``LOCK`` file, held while a reader has the store open."""

    def __init__(self, path: Path) -> None:
        self.path = path / "LOCK"
        self._fd: int | None = None

    def try_acquire(self) -> bool:
        if fcntl is None or not self.path.exists():
            return True
        fd = os.open(self.path, os.O_RDONLY)
        try:
            fcntl.lockf(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd = fd
        return True

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing the descriptor releases the lock
            self._fd = None
