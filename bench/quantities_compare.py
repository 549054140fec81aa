"""factcheck, quantulum3 and CQE side by side on the same quantity sets, scored by the same scorer.

Usage (from the repository root):

    python bench/quantities_compare.py SET.json [SET.json ...] [--scorer PATH] [--cqe-python PYTHON]

Each SET is in the CQE evaluation format (a JSON list of {"text", "quantities": [{"value",
"normalized_unit", "change"}]}), like the sets in ../shared/corpus/quantities; a project sentence file
(bench/data/*.jsonl) is converted to it on the fly. Every extractor's output is written as
``factcheck quantities --format jsonl`` writes it and scored with the scorer script
(``../shared/tools/score_quantities.py`` by default), so the three are judged the same way. quantulum3
runs when it is installed (``pip install .[bench]``); CQE runs through ``bench/cqe_adapter.py`` under
``--cqe-python`` (or $CQE_PYTHON), an interpreter that has CQE installed (see that file).

With ``--conventions`` a row "factcheck*" is added: factcheck's output rewritten to two conventions of
the CQE/NewsQuant annotation that the project does not follow on purpose, to show what each costs. A
change "from A to B" is there one range (A, B); here it is two figures, because each is a claim to check
on its own. A share not written as a percentage ("a third", "one in five") is there a ratio (0.333);
here it is 33.3 %, the unit in which sources state it.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.quantities import find_quantities  # noqa: E402

Record = dict[str, Any]


def load_set(path: Path) -> list[Record]:
    """A set in the CQE format; project jsonl rows are converted (direction, else bound, is the change)."""
    if path.suffix == ".json":
        return json.loads(path.read_text(encoding="utf-8"))
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        golds = []
        for q in row["quantities"]:
            value = f"{q['low']}-{q['high']}" if "low" in q else str(q["value"])
            change = q.get("direction") or {"range": "="}.get(q.get("bound", "="), q.get("bound", "="))
            golds.append(
                {
                    "value": value,
                    "normalized_unit": q.get("unit") or "-",
                    "change": change[:1] if change in (">=", "<=") else change,
                }
            )
        rows.append({"text": row["text"], "quantities": golds})
    return rows


def factcheck(lines: list[str]) -> list[Record]:
    out = []
    for number, line in enumerate(lines, start=1):
        for q in find_quantities(line, include_dates=False):
            d: Record = {"line": number, "unit": q.unit, "bound": q.bound, "direction": q.direction}
            if q.bound == "range":
                d.update(low=q.low, high=q.high)
            else:
                d["value"] = q.value
            out.append(d)
    return out


FROM_BEFORE = re.compile(r"\bfrom\s+\Z", re.I)
TO_BETWEEN = re.compile(r"(?:\s+[^.;]{0,40}?)?\s+to\s+")  # "from $75 a barrel in May to $46"
PERCENT_WRITTEN = re.compile(r"%|\bper\s?cent\b", re.I)


def factcheck_benchmark_conventions(lines: list[str]) -> list[Record]:
    """factcheck's quantities in the set's conventions: "from A to B" one range, word shares ratios."""
    out = []
    for number, line in enumerate(lines, start=1):
        found = find_quantities(line, include_dates=False)
        i = 0
        while i < len(found):
            q = found[i]
            nxt = found[i + 1] if i + 1 < len(found) else None
            d: Record = {"line": number, "unit": q.unit, "bound": q.bound, "direction": q.direction}
            if (
                nxt is not None
                and q.value is not None
                and nxt.value is not None
                and FROM_BEFORE.search(line, 0, q.start)
                and TO_BETWEEN.fullmatch(line, q.end, nxt.start)
            ):
                d.update(low=q.value, high=nxt.value, unit=nxt.unit, bound="=", direction=None)
                out.append(d)
                i += 2
                continue
            if q.bound == "range":
                d.update(low=q.low, high=q.high)
            elif q.unit == "%" and q.value is not None and not PERCENT_WRITTEN.search(q.text):
                d["value"] = round(q.value / 100, 6)
            else:
                d["value"] = q.value
            out.append(d)
            i += 1
    return out


def quantulum(lines: list[str]) -> list[Record]:
    from quantulum3 import parser

    out = []
    for number, line in enumerate(lines, start=1):
        for q in parser.parse(line):
            d: Record = {"line": number, "unit": q.unit.name, "bound": "="}
            if q.uncertainty and any(w in q.surface for w in ("-", "–", " to ", " and ")):
                d.update(low=q.value - q.uncertainty, high=q.value + q.uncertainty, bound="range")
            else:
                d["value"] = q.value
            out.append(d)
    return out


def cqe(python: str) -> Callable[[list[str]], list[Record]]:
    def run(lines: list[str]) -> list[Record]:
        done = subprocess.run(
            [python, str(ROOT / "bench" / "cqe_adapter.py")],
            input="\n".join(lines) + "\n",
            capture_output=True,
            text=True,
            check=True,
        )
        return [json.loads(line) for line in done.stdout.splitlines() if line.strip()]

    return run


def score(scorer: Path, gold: list[Record], preds: list[Record]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        gold_path, pred_path = Path(tmp) / "gold.json", Path(tmp) / "pred.jsonl"
        gold_path.write_text(json.dumps(gold), encoding="utf-8")
        pred_path.write_text("".join(json.dumps(p) + "\n" for p in preds), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, str(scorer), "score", str(gold_path), str(pred_path)],
            capture_output=True,
            text=True,
            check=True,
        )
    return json.loads(done.stdout.splitlines()[0])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--scorer", type=Path, default=ROOT.parent / "shared" / "tools" / "score_quantities.py")
    ap.add_argument("--cqe-python", default=os.environ.get("CQE_PYTHON"))
    ap.add_argument("--conventions", action="store_true", help="add factcheck in the sets' conventions")
    args = ap.parse_args()
    if not args.scorer.exists():
        sys.exit(f"scorer not found: {args.scorer} (give --scorer)")
    extractors: list[tuple[str, Callable[[list[str]], list[Record]]]] = [("factcheck", factcheck)]
    if args.conventions:
        extractors.append(("factcheck*", factcheck_benchmark_conventions))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import quantulum3  # noqa: F401
        extractors.append(("quantulum3", quantulum))
    except ImportError:
        print("quantulum3 is not installed (pip install .[bench]): not compared")
    if args.cqe_python:
        extractors.append(("CQE", cqe(args.cqe_python)))
    else:
        print("no --cqe-python given: CQE not compared")
    print(f"{'set':28} {'extractor':11} {'value F1':>9} {'value+change F1':>16} {'sent/s':>8}")
    for path in args.sets:
        gold = load_set(path)
        lines = [row["text"].replace("\n", " ") for row in gold]
        for name, extract in extractors:
            started = time.perf_counter()
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                preds = extract(lines)
            rate = len(lines) / (time.perf_counter() - started)
            r = score(args.scorer, gold, preds)
            print(
                f"{path.name[:28]:28} {name:11} {r['value'][2]:9.1f} {r['value+change'][2]:16.1f} {rate:8.0f}"
            )


if __name__ == "__main__":
    main()
