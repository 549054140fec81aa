"""CSV cells a spreadsheet will not run: every CSV the project writes passes its text through ``inert``."""

from __future__ import annotations

import re

#: What makes a spreadsheet read a cell as a formula (or a DDE command) rather than as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")


def inert(text: str) -> str:
    """``text`` with a leading apostrophe when it starts like a formula (``=cmd|...``, ``@SUM(...)``,
    ``-2+3``); a plain number such as ``-12.5`` stays as it is, since it computes nothing."""
    if text.startswith(_FORMULA_START) and not _PLAIN_NUMBER.fullmatch(text):
        return "'" + text
    return text
