"""HTML tables as read: a grid in which cells spanning several rows or columns fill each of them, header
rows (in <thead>, or all <th>, or a first row of names over rows of numbers) joined per column."""

from __future__ import annotations

import re

from bs4 import Tag

from factcheck.evidence.periods import find_periods
from factcheck.evidence.source_text import Table, has_number, squash
from factcheck.names import has_name_shape, looks_like_item


def _grid(trs: list[Tag]) -> list[list[tuple[str, bool]]]:
    """The rows of a table as a grid of (cell text, is a header cell): a cell spanning several columns or
    rows (``colspan``, ``rowspan``) fills each of them, so every column keeps its place."""
    grid: list[list[tuple[str, bool]]] = []
    pending: dict[int, tuple[int, tuple[str, bool]]] = {}  # column -> (rows still to fill, cell)
    for tr in trs:
        row: list[tuple[str, bool]] = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            _fill_spans(row, pending)
            entry = (squash(cell.get_text(" ")), cell.name == "th")
            cols, rows = _span(cell, "colspan"), _span(cell, "rowspan")
            for _ in range(cols):
                if rows > 1:
                    pending[len(row)] = (rows - 1, entry)
                row.append(entry)
        _fill_spans(row, pending)
        if row:
            grid.append(row)
    return grid


def _fill_spans(row: list[tuple[str, bool]], pending: dict[int, tuple[int, tuple[str, bool]]]) -> None:
    """Cells of rows above that span down into this row, at their columns."""
    while len(row) in pending:
        left, cell = pending[len(row)]
        row.append(cell)
        if left <= 1:
            del pending[len(row) - 1]
        else:
            pending[len(row) - 1] = (left - 1, cell)


def _span(cell: Tag, name: str) -> int:
    value = cell.get(name)
    return max(1, min(int(value), 20)) if isinstance(value, str) and value.isdigit() else 1


def html_table(table: Tag, context: str, lead: str = "") -> Table | None:
    trs = table.select(":scope > tr, :scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr")
    head_rows: list[list[str]] = []
    body: list[list[str]] = []
    for tr, row in zip(
        trs, _grid([tr for tr in trs if tr.find(["td", "th"], recursive=False)]), strict=False
    ):
        cells = [text for text, _ in row]
        in_head = tr.parent is not None and tr.parent.name == "thead"
        all_th = all(is_th for _, is_th in row)
        if not body and (in_head or (all_th and len(cells) > 1)):
            head_rows.append(cells)
        else:
            body.append(cells)
    if (
        not head_rows
        and len(body) > 1
        and not any(has_number(c) for c in body[0][1:])
        and any(has_number(c) for row in body[1:] for c in row[1:])
    ):
        head_rows.append(body.pop(0))  # a first row of names over rows of numbers is the header
    width = max((len(r) for r in head_rows + body), default=0)
    header = [_joined(head_rows, i) for i in range(width)] if head_rows else []
    caption_el = table.find("caption")
    caption = squash(caption_el.get_text(" ")) if caption_el else ""
    if not body:
        return None
    return Table(header=header, rows=body, caption=caption, context=context, lead=lead)


def _joined(head_rows: list[list[str]], column: int) -> str:
    """A column's header from the header rows above it, top first. A name spanning several columns over
    short words ("gpt-5.5" over "xhigh", "high", "medium") names one item in several variants: "gpt-5.5
    (xhigh)"."""
    cells = list(dict.fromkeys(r[column] for r in head_rows if column < len(r) and r[column]))
    if len(cells) == 2 and _names_item(cells[0]) and _spans(head_rows, column) and _variant_word(cells[1]):
        return f"{cells[0]} ({cells[1]})"
    return " ".join(cells)


def _spans(head_rows: list[list[str]], column: int) -> bool:
    """Whether the top header cell over ``column`` spans a neighbouring column too."""
    top = head_rows[0]
    if column >= len(top):
        return False
    return any(0 <= j < len(top) and top[j] == top[column] for j in (column - 1, column + 1))


def _names_item(cell: str) -> bool:
    """Whether a header cell names a model or product, however cased ("kestrel-4", "Kestrel 4"), and not a
    period ("Q3 2025") or a measure ("Second dose")."""
    return looks_like_item(cell) or (has_name_shape(cell) and not find_periods(cell) and not cell.isdigit())


def _variant_word(cell: str) -> bool:
    return bool(re.fullmatch(r"[A-Za-z][a-z-]{0,15}", cell.strip()))
