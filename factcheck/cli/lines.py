"""Text read from a file or standard input a line at a time, each line at most so long, so that an
endless or binary input never has to be held whole."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO

MAX_LINE = 100_000  # characters read of one line; a paragraph is far shorter


def bounded_lines(
    stream: IO[str], warn: Callable[[str], None], limit: int = MAX_LINE
) -> Iterator[tuple[int, str]]:
    """(line number, text) for each line; the part of a line past ``limit`` is skipped, saying so."""
    number = 0
    while True:
        line = stream.readline(limit + 1)
        if not line:
            return
        number += 1
        if len(line) > limit and not line.endswith("\n"):
            skipped = len(line) - limit
            while (rest := stream.readline(limit)) and not rest.endswith("\n"):
                skipped += len(rest)
            skipped += len(rest)
            warn(f"line {number}: only the first {limit:,} characters are read ({skipped:,} more skipped)")
            line = line[:limit]
        yield number, line.rstrip("\r\n")
