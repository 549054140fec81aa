"""Score the quantity finder, and quantulum3 for comparison, on annotated sentences.

Usage (from the repository root):

    python bench/quantities_eval.py [bench/data/quantity_sentences.jsonl] [--errors]

Each input line is ``{"text": ..., "quantities": [{"value": .., "unit": .., "bound": .., "direction": ..}]}``;
a range has ``low``/``high`` instead of ``value`` and ``bound == "range"``. Dates are not annotated, so
the finder runs with ``include_dates=False`` (as ``factcheck quantities`` does).

Two scores per extractor, micro-averaged F1 over all sentences:
- value: a predicted quantity matches a gold one of the same sentence when the values agree (both ends
  for a range), each gold quantity matched at most once;
- value+bound/direction: the bound and the direction must agree as well.
For factcheck the share of value matches whose unit agrees is printed too (quantulum3 names units in
its own vocabulary, so it is not compared on units). Rows may carry a "set" label; the scores are then
printed for all rows and for each set.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.quantities.finder import find_quantities  # noqa: E402

Item = dict[str, Any]
DEFAULT_DATA = Path(__file__).parent / "data" / "quantity_sentences.jsonl"


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= max(0.01, 1e-3 * max(abs(a), abs(b)))


def same_value(pred: Item, gold: Item) -> bool:
    if "low" in gold or "low" in pred:
        return close(pred.get("low"), gold.get("low")) and close(pred.get("high"), gold.get("high"))
    return close(pred.get("value"), gold.get("value"))


def same_full(pred: Item, gold: Item) -> bool:
    return (
        same_value(pred, gold)
        and pred.get("bound", "=") == gold.get("bound", "=")
        and pred.get("direction") == gold.get("direction")
    )


def match(preds: list[Item], golds: list[Item], equal: Callable[[Item, Item], bool]) -> list[tuple[int, int]]:
    """Greedy one-to-one pairs (pred index, gold index), in text order."""
    used: set[int] = set()
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if j not in used and equal(p, g):
                used.add(j)
                pairs.append((i, j))
                break
    return pairs


def ours(text: str) -> list[Item]:
    return [q.to_dict() for q in find_quantities(text, include_dates=False)]


def quantulum(text: str) -> list[Item]:
    from quantulum3 import parser

    out = []
    for q in parser.parse(text):
        item: Item = {"text": q.surface, "unit": q.unit.name, "bound": "="}
        if q.uncertainty and any(w in q.surface for w in ("-", "–", " to ", " and ")):
            item.update(low=q.value - q.uncertainty, high=q.value + q.uncertainty, bound="range")
        else:
            item["value"] = q.value
        out.append(item)
    return out


def f1(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def evaluate(name: str, extract: Callable[[str], list[Item]], rows: list[Item], show_errors: bool) -> None:
    n_pred = n_gold = tp_value = tp_full = unit_ok = 0
    started = time.perf_counter()
    for row in rows:
        golds = row["quantities"]
        preds = extract(row["text"])
        n_pred += len(preds)
        n_gold += len(golds)
        value_pairs = match(preds, golds, same_value)
        tp_value += len(value_pairs)
        tp_full += len(match(preds, golds, same_full))
        unit_ok += sum(preds[i].get("unit") == golds[j].get("unit") for i, j in value_pairs)
        if show_errors:
            full = match(preds, golds, same_full)
            missed = [g for j, g in enumerate(golds) if j not in {b for _, b in full}]
            extra = [p for i, p in enumerate(preds) if i not in {a for a, _ in full}]
            if missed or extra:
                print(f"  {row['text']}\n    missed: {missed}\n    wrong:  {extra}")
    elapsed = time.perf_counter() - started
    vp, vr, vf = f1(tp_value, n_pred, n_gold)
    fp, fr, ff = f1(tp_full, n_pred, n_gold)
    print(
        f"{name:12} value P/R/F1 {100 * vp:5.1f} {100 * vr:5.1f} {100 * vf:5.1f}   "
        f"value+bound/direction P/R/F1 {100 * fp:5.1f} {100 * fr:5.1f} {100 * ff:5.1f}   "
        f"({n_gold} gold, {n_pred} predicted, {elapsed:.2f}s)"
    )
    if name == "factcheck" and tp_value:
        print(f"{'':12} unit agrees on {unit_ok}/{tp_value} value matches ({100 * unit_ok / tp_value:.1f}%)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--errors", action="store_true", help="print the sentences with mismatches")
    args = ap.parse_args()
    rows = [json.loads(line) for line in args.data.read_text(encoding="utf-8").splitlines() if line.strip()]
    extractors: list[tuple[str, Callable[[str], list[Item]]]] = [("factcheck", ours)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import quantulum3  # noqa: F401
        extractors.append(("quantulum3", quantulum))
    except ImportError:
        print("quantulum3 is not installed: no comparison")
    # an optional "set" key splits the sentences (e.g. the ones the rules were tuned on vs. written blind)
    groups: dict[str, list[Item]] = {"all": rows}
    for row in rows:
        if "set" in row:
            groups.setdefault(row["set"], []).append(row)
    for group, members in groups.items():
        print(f"\n[{group}] {len(members)} sentences from {args.data.name}")
        for name, extract in extractors:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                evaluate(name, extract, members, args.errors and group == "all")


if __name__ == "__main__":
    main()
