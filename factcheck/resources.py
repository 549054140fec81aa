"""Where the project's data folders (``sources/``, ``graph/``, ``site/``) are found at run time.

In a checkout they sit next to the package; after ``pip install .`` they are installed as the
``factcheck._data`` package (see ``pyproject.toml``), so both layouts are looked up here.
"""

from __future__ import annotations

from pathlib import Path

_CHECKOUT = Path(__file__).resolve().parent.parent
_INSTALLED = Path(__file__).resolve().parent / "_data"


def resource_dir(name: str) -> Path:
    """The folder ``name`` ("sources", "graph", "site"), from the checkout or the installed package."""
    for base in (_CHECKOUT, _INSTALLED):
        candidate = base / name
        if candidate.is_dir() and (base is _INSTALLED or (base / "pyproject.toml").exists()):
            return candidate
    raise FileNotFoundError(f"factcheck data folder {name!r} is missing from this installation")
