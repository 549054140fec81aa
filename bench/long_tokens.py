"""Growth of quantity finding with the length of one unbroken token, measured in one run.

Usage (from the repository root):

    python bench/long_tokens.py [--size 2000] [--factor 4]

Hostile or broken pages hold tokens thousands of characters long (base64 blobs, runs of letters,
dash-joined slugs). For each shape of token, times ``find_quantities`` on a sentence holding a token
of ``--size`` characters and on one ``--factor`` times longer, in CPU time, and prints the ratio:
work linear in the text gives a ratio near ``--factor``; a pattern that backtracks over the token
gives about its square. It asserts nothing.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.quantities import find_quantities  # noqa: E402

SHAPES = {
    "letters": "a",
    "capitals": "A",
    "letters and digits": "a1",
    "dash-joined": "a-",
    "dotted": "a.",
    "digits": "1",
    "digit groups": "1,",
    "mixed": "Ab1.-",
    "signed digits": "+1",
    "clock-like": "1:",
}


def cpu_seconds(text: str, rounds: int) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        find_quantities(text)
        best = min(best, time.process_time() - start)
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=2000, help="characters of the shorter token")
    ap.add_argument("--factor", type=int, default=4, help="how many times longer the long token is")
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args()
    worst = 0.0
    print(f"{'token shape':20s} {'short s':>9s} {'long s':>9s} {'ratio':>7s}   (linear: {args.factor})")
    for name, unit in SHAPES.items():
        times = []
        for size in (args.size, args.size * args.factor):
            token = unit * (size // len(unit))
            times.append(cpu_seconds(f"Revenue rose 5% to {token} in 2024, the firm said.", args.rounds))
        ratio = times[1] / max(times[0], 1e-6)
        worst = max(worst, ratio)
        print(f"{name:20s} {times[0]:9.4f} {times[1]:9.4f} {ratio:7.1f}")
    print(f"worst ratio {worst:.1f} for {args.factor}x the length")


if __name__ == "__main__":
    main()
