"""Sentences per second of the quantity finder against the previous release, measured in one run.

Usage (from the repository root, in a git checkout):

    python bench/quantities_speed.py [--ref v0.1.0] [--rounds 5] [FILE.jsonl ...]

The previous release's finder is read with ``git show REF:factcheck/quantities.py`` into a temporary
module, so both run on this machine, in this process, on the same sentences (the project's annotated
sentence sets under bench/data by default). Each finder gets a warm-up pass, then the best of
``--rounds`` timed passes is kept. Prints sentences per second for both and their ratio; it asserts
nothing, a slower machine gives the same ratio.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
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


def rate(find: Callable[..., list], sentences: list[str], rounds: int) -> float:
    for s in sentences:
        find(s, include_dates=False)
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for s in sentences:
            find(s, include_dates=False)
        best = min(best, time.perf_counter() - started)
    return len(sentences) / best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path, default=DEFAULT_FILES)
    ap.add_argument("--ref", default="v0.1.0", help="git ref of the previous release")
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    sentences = [
        json.loads(line)["text"]
        for f in args.files
        for line in f.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    old = previous_release(args.ref)
    now_rate = rate(find_quantities, sentences, args.rounds)
    old_rate = rate(old, sentences, args.rounds)
    print(f"{len(sentences)} sentences, best of {args.rounds} passes each")
    print(f"factcheck (this tree)   {now_rate:9.0f} sentences/s")
    print(f"factcheck ({args.ref})      {old_rate:9.0f} sentences/s")
    print(f"ratio this/{args.ref}: {now_rate / old_rate:.2f}")


if __name__ == "__main__":
    main()
