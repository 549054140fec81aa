"""The one builder of the claim sets written for the benchmark: each set's ``build.py`` holds only its
articles and gold, and borrows the page layout, the gold format and the substring checks of the report
set's ``claims_reports/build.py``."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

_REPORTS = Path(__file__).parent / "claims_reports" / "build.py"


def report_builder(here: Path) -> ModuleType:
    """A fresh copy of the report set's builder, with no articles, writing into folder ``here``."""
    spec = importlib.util.spec_from_file_location(f"claim_set_{here.name}", _REPORTS)
    assert spec is not None and spec.loader is not None
    builder = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(builder)
    builder.ARTICLES.clear()  # the report set's own articles; the calling set registers its own
    builder.HERE = here
    return builder
