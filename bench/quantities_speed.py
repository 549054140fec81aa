"""Sentences per second of the quantity finder against the previous release, measured in one run.

Usage (from the repository root, in a git checkout):

    python bench/quantities_speed.py [--ref v0.1.0] [--rounds 11] [FILE.jsonl ...]

The previous release's finder is read with ``git show REF:factcheck/quantities.py`` into a temporary
module, so both run on this machine, in this process, on the same sentences (the project's annotated
sentence sets under bench/data by default). After a warm-up pass of each, every round times four passes
back to back on the CPU time of this process (so other work on the machine counts less): this tree,
the release, the release, this tree, so that the order cancels out; the ratio of each round is kept
and the median reported with its quartiles. It asserts nothing: a slower machine gives the same ratio.
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
) -> list[float]:
    """The ratio old/now of each round. A round times both finders twice, in both orders (now, old,
    old, now), so that whichever pass runs second in a row being faster cancels out."""
    one_pass(now, sentences)
    one_pass(old, sentences)
    ratios = []
    for _ in range(rounds):
        n1, o1 = one_pass(now, sentences), one_pass(old, sentences)
        o2, n2 = one_pass(old, sentences), one_pass(now, sentences)
        ratios.append((o1 + o2) / (n1 + n2))
    return ratios


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    ap.add_argument("--ref", default="v0.1.0", help="git ref of the previous release")
    ap.add_argument("--rounds", type=int, default=11)
    args = ap.parse_args()
    sentences = [
        json.loads(line)["text"]
        for f in args.files
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    old = previous_release(args.ref)
    now_rate = len(sentences) / one_pass(find_quantities, sentences)
    ratios = sorted(compare(find_quantities, old, sentences, args.rounds))
    q1, q3 = ratios[len(ratios) // 4], ratios[(3 * len(ratios)) // 4]
    median = statistics.median(ratios)
    print(f"{len(sentences)} sentences, {args.rounds} rounds of four interleaved passes (CPU time)")
    print(f"factcheck (this tree)   {now_rate:9.0f} sentences/s (one pass)")
    print(f"ratio this/{args.ref}: {median:.2f} (median of rounds; quartiles {q1:.2f}-{q3:.2f})")


if __name__ == "__main__":
    main()
