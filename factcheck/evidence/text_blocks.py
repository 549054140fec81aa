"""Lines of text (a PDF's pages, a plain-text file, a <pre> block) into paragraphs and tables.

Tables are read in three layouts: pipe tables ("| Model | Score |", the separator row of dashes
skipped), columns set apart by three or more spaces or a tab (as pypdf's layout mode prints a table),
and a header line naming several models over rows "label v1 v2 ...". Lines of a label, a run of dots and a
figure ("Provisional rank ....... 2 / 115") are a table of labels and values. The sentence before a
table is kept with it (``Table.lead``): it often states the unit or scale of every cell ("Figures are
in thousands").
"""

from __future__ import annotations

import re

from factcheck.evidence.source_text import Table, has_number, squash
from factcheck.evidence.table_facts import speaks_of_figures
from factcheck.names import find_mentions
from factcheck.quantities.finder import find_quantities


def lines_to_blocks(lines: list[str], title: str) -> tuple[list[tuple[str, str]], list[Table]]:
    """Paragraphs (with the heading above them) and simple tables from the lines of a PDF or text file."""
    paragraphs: list[tuple[str, str]] = []
    tables: list[Table] = []
    heading = title
    current: list[str] = []

    def flush() -> None:
        if current:
            # lines wrapped inside a word ("year-" / "on-year") join without a space
            text = "".join(
                part if not k or re.search(r"\w-$", current[k - 1]) else " " + part
                for k, part in enumerate(current)
            )
            paragraphs.append((squash(text), heading))
            current.clear()

    i = 0
    while i < len(lines):
        line = squash(lines[i])
        nxt = next((squash(x) for x in lines[i + 1 :] if x.strip()), "")
        prev = squash(lines[i - 1]) if i else ""
        if not line:
            flush()
            i += 1
            continue
        table, used = _leader_table(lines, i, heading)
        if table is None:
            table, used = _pipe_table(lines, i, heading)
        if table is None:
            table, used = _column_table(lines, i, heading)
        if table is None:
            table, used = _line_table(lines, i, heading)
        if table is not None:
            flush()
            lead = paragraphs[-1][0] if paragraphs and paragraphs[-1][1] == heading else ""
            # "Table 4: OpenAI MRCR v2, accuracy (%) by context length" just above (maybe before a sentence
            # on its unit) is the table's caption
            near = [text for text, under in paragraphs[-2:] if under == heading]
            caption = next((text for text in reversed(near) if _CAPTION.match(text)), table.caption)
            if caption == lead or not speaks_of_figures(lead):
                # "All scores are accuracy (%)" opening the section gives the unit of each of its tables
                lead = section_lead(paragraphs, heading) or lead
            tables.append(Table(table.header, table.rows, caption, table.context, lead=lead))
            i += used
            continue
        # a heading: a short title-like line that starts a block, followed by text that starts anew
        starts_block = not prev or prev[-1] in ".!?:" or _is_row_line(prev)
        if _CAPTION.match(line):
            flush()
            paragraphs.append((line, heading))  # a table's caption, not a heading of what follows
        elif _is_heading_line(line) and nxt and not nxt[0].islower() and starts_block:
            flush()
            heading = line
        elif _is_row_line(line) and not _continues(lines[i], nxt):
            flush()
            paragraphs.append((line, heading))
        else:
            current.append(line)
            if re.search(r"[.!?][\"”’)]?$", line) and len(line) < 60:
                flush()  # a short line ending a sentence ends its paragraph
        i += 1
    flush()
    return paragraphs, tables


def section_lead(paragraphs: list[tuple[str, str]], heading: str) -> str:
    """The last sentence of a section (paragraphs under ``heading``) that states the unit of its figures."""
    for text, under in reversed(paragraphs):
        if under != heading:
            break
        if speaks_of_figures(text):
            return text
    return ""


_CAPTION = re.compile(r"(?:table|figure|fig\.|exhibit|chart)\s+\d+[a-z]?\s*[.:–—-]\s*\S", re.I)


def _is_heading_line(line: str) -> bool:
    words = line.split()
    return (
        len(line) <= 80
        and len(words) <= 10
        and not re.search(r"[.,;:!?%$]$", line)
        and (line[0].isupper() or bool(re.match(r"\d+(?:\.\d+)*\.?\s+[A-Z]", line)))
        and not re.search(r"\d+(?:\.\d+)?\s*%|\$\s*\d|:\s*\S*\d", line)
    )


def _continues(raw: str, nxt: str) -> bool:
    """Whether a sentence wrapped at the end of ``raw`` goes on in the next line ("... in Q1 2026," then
    "up 41% year on year."): the next line starts in lower case, and ``raw`` is not laid out in columns."""
    return bool(nxt) and nxt[0].islower() and not re.search(r"\S(?: {3,}|\t)\S", raw.strip())


def _is_row_line(line: str) -> bool:
    """A short line ending in figures, like a table row printed as text ("Terminal-Bench 2.0   82.7%")."""
    return (
        len(line.split()) <= 12
        and not re.search(r"[.!?,;]$", line)
        and bool(re.search(r"\d(?:[\d.,]*)\s*(?:%|x|/\d+)?\s*$", line))
        and bool(re.search(r"[A-Za-z]", line))
    )


def _columns(line: str) -> list[str]:
    return [c for c in re.split(r"\s{3,}|\t", line.strip()) if c]


def _column_table(lines: list[str], i: int, heading: str) -> tuple[Table | None, int]:
    """Lines laid out in columns (cells apart by 3+ spaces, as pypdf's layout mode prints a table), the
    first of them the header: at least two rows of the same width, with figures below the header."""
    header = _columns(lines[i])
    width = len(header)
    after = _columns(lines[i + 1]) if i + 1 < len(lines) else []
    if width >= 1 and len(after) == width + 1 and re.match(r"\s{3,}\S", lines[i]):
        header, width = ["", *header], width + 1  # an empty corner cell over the row labels
    if width < 2 or any(len(c) > 60 for c in header):
        return None, 0
    j = i + 1
    while j < len(lines) and len(cells := _columns(lines[j])) == width and all(len(c) <= 60 for c in cells):
        j += 1
    rows = [_columns(line) for line in lines[i + 1 : j]]
    if len(rows) < 1 or not all(any(has_number(c) for c in row[1:]) for row in rows):
        return None, 0
    return Table(header=header, rows=rows, context=heading), j - i


def _line_table(lines: list[str], i: int, heading: str) -> tuple[Table | None, int]:
    """A header line naming several models, then rows "label v1 v2 ...": a table with models as columns."""
    header_line = squash(lines[i])
    models = [m for m in find_mentions(header_line) if m.is_model]
    if len(models) < 2 or sum(m.end - m.start for m in models) < 0.5 * len(header_line.replace(" ", "")):
        return None, 0
    rows: list[list[str]] = []
    j = i + 1
    while j < len(lines):
        line = squash(lines[j])
        qs = _values_at_end(line, len(models))
        if qs is None:
            break
        rows.append([line[: qs[0][0]].strip(" :|"), *(t for _, t in qs)])
        j += 1
    if not rows:
        return None, 0
    lead = header_line[: models[0].start].strip()
    return Table(header=[lead] + [m.name for m in models], rows=rows, context=heading), j - i


def _values_at_end(line: str, count: int) -> list[tuple[int, str]] | None:
    found = [(q.start, q.text) for q in find_quantities(line, include_dates=False)]
    if len(found) < count:
        return None
    tail = found[-count:]
    if tail[0][0] == 0 or line[tail[-1][0] + len(tail[-1][1]) :].strip():
        return None
    return tail


# "Provisional rank ....... 2 / 115", "Context window ___ 1M": a label and its figure set apart by a leader
_LEADER = re.compile(r"^(\s*[A-Za-z][^.…_]{1,60}?)\s*(?:\.{3,}|…+|_{3,})\s*(\S.*)$")


def _leader_table(lines: list[str], i: int, heading: str) -> tuple[Table | None, int]:
    """Lines of a label, a leader and a figure ("Provisional rank ....... 2 / 115"), one after another: a
    table of labels and values, without a header."""
    rows: list[list[str]] = []
    j = i
    while j < len(lines) and (m := _LEADER.match(lines[j])) and has_number(m.group(2)):
        rows.append([squash(m.group(1)), squash(m.group(2))])
        j += 1
    if not rows:
        return None, 0
    return Table(header=["", ""], rows=rows, context=heading), j - i


def _pipe_cells(line: str) -> list[str] | None:
    text = line.strip()
    if text.count("|") < 2 and not (text.startswith("|") or text.endswith("|")):
        return None
    if not text.startswith("|") and text.count("|") < 2:
        return None
    cells = [c.strip() for c in text.strip("|").split("|")]
    return cells if len(cells) >= 2 else None


def _is_rule(cells: list[str]) -> bool:
    return all(re.fullmatch(r":?-{2,}:?|", c) for c in cells) and any(cells)


def _pipe_table(lines: list[str], i: int, heading: str) -> tuple[Table | None, int]:
    """A pipe table: a header row, maybe a rule of dashes, then rows of the same width with figures."""
    header = _pipe_cells(lines[i])
    if header is None or _is_rule(header):
        return None, 0
    j = i + 1
    rows: list[list[str]] = []
    while j < len(lines) and (cells := _pipe_cells(lines[j])) is not None:
        if not _is_rule(cells):
            rows.append(cells + [""] * (len(header) - len(cells)))
        j += 1
    if not rows or not any(has_number(c) for row in rows for c in row[1:]):
        return None, 0
    return Table(header=header, rows=rows, context=heading), j - i
