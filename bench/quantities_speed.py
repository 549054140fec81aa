"""Sentences per second of the quantity finder against the previous release, measured in one run.

Usage (from the repository root, in a git checkout):

    python bench/quantities_speed.py [--ref v0.1.0] [--rounds 21] [FILE.jsonl ...]

The previous release's finder is read with ``git show REF:factcheck/quantities.py`` into a temporary
module, so both run on this machine, in this process, on the same sentences (the project's annotated
sentence sets under bench/data by default). After a warm-up pass of each, every round times one pass of
each finder back to back, in alternating order, on the CPU time of this process (so other work on the
machine counts less); the ratio of each round is kept and the median reported with its spread. It
asserts nothing: a slower machine gives the same ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.quantities import find_quantities  # noqa: E402

DEFAULT_FILES = [
    ROOT / "bench" / "data" / "quantity_sentences.jsonl",
    ROOT / "bench" / "data" / "quantity_news.jsonl",
]


def previous_release(ref: str) -> Callable[..., list]:
    """``find_quantities`` of ``factcheck/quantities.py`` at git ``ref``, loaded as a temporary module."""
    source = subprocess.run(
        ["git", "show", f"{ref}:factcheck/quantities.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    path = Path(tempfile.mkdtemp()) / "quantities_previous.py"
    path.write_text(source, encoding="utf-8")
    spec = importlib.util.spec_from_file_location("quantities_previous", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module.find_quantities


def one_pass(find: Callable[..., list], sentences: list[str]) -> float:
    started = time.process_time()
    for s in sentences:
        find(s, include_dates=False)
    return time.process_time() - started


def compare(
    now: Callable[..., list], old: Callable[..., list], sentences: list[str], rounds: int
) -> tuple[list[float], list[float]]:
    """Per-round seconds of each finder, timed back to back in alternating order."""
    one_pass(now, sentences)
    one_pass(old, sentences)
    now_times: list[float] = []
    old_times: list[float] = []
    for r in range(rounds):
        if r % 2:
            old_times.append(one_pass(old, sentences))
            now_times.append(one_pass(now, sentences))
        else:
            now_times.append(one_pass(now, sentences))
            old_times.append(one_pass(old, sentences))
    return now_times, old_times


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    ap.add_argument("--ref", default="v0.1.0", help="git ref of the previous release")
    ap.add_argument("--rounds", type=int, default=21)
    args = ap.parse_args()
    sentences = [
        json.loads(line)["text"]
        for f in args.files
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    old = previous_release(args.ref)
    now_times, old_times = compare(find_quantities, old, sentences, args.rounds)
    ratios = sorted(o / n for n, o in zip(now_times, old_times, strict=True))
    n = len(sentences)
    print(f"{n} sentences, {args.rounds} rounds of one pass each, interleaved (CPU time)")
    print(f"factcheck (this tree)   {n / statistics.median(now_times):9.0f} sentences/s (median)")
    print(f"factcheck ({args.ref})      {n / statistics.median(old_times):9.0f} sentences/s (median)")
    q1, q3 = ratios[len(ratios) // 4], ratios[(3 * len(ratios)) // 4]
    median = statistics.median(ratios)
    print(f"ratio this/{args.ref}: {median:.2f} (median of rounds; quartiles {q1:.2f}-{q3:.2f})")


if __name__ == "__main__":
    main()
