"""Facts of a table: which column labels the rows, whether the rows are subjects (models, companies, airlines)
or measures of the page's subject, and the unit, scale and label of every cell.

A table is read either way round: models across with measures down, or one subject per row. The label
column is the one its header names as a kind of subject ("Model", "Airline", "Country"), else the first
column of words after any rank column; a rank column ("#", "Rank") means the rows are ranked subjects. A
row starting "of which", "- " or "incl." is a part of the row above it and keeps its label in front. The
unit of a cell comes from its column header, its row label (a row of a measure), the caption, or the
sentence before the table.
"""

from __future__ import annotations

import re

from factcheck.evidence.cell_values import (
    cell_quantities,
    column_scale,
    pair_labels,
    scale_hint,
    split_pair,
    unit_hint,
    without_rank,
)
from factcheck.evidence.scopes import is_subject_label, section_subject, share
from factcheck.evidence.source_text import SourceText, Table
from factcheck.metric_words import LEXICON
from factcheck.models import Fact
from factcheck.names import looks_like_item, looks_like_org, same_subject, without_maker


def _header_words(key: str) -> re.Pattern[str]:
    words = sorted(LEXICON["tables"][key], key=len, reverse=True)
    return re.compile(r"^(?:" + "|".join(re.escape(w) for w in words) + r")(?:e?s)?$", re.I)


# Headers naming a kind of subject ("Model", "Airline", "Country"), an organisation, or a rank (data file)
SUBJECT_HEADERS = _header_words("subject_headers")
ORG_HEADERS = _header_words("organisation_headers")
RANK_HEADERS = re.compile(r"^(?:#|no\.?|rank(?:ing)?|pos(?:ition)?\.?|place)$", re.I)
# A row that is part of the one above it: "of which international", "– domestic", "incl. VAT"
_SUB_ROW = re.compile(r"^\s*(?:[-–—•·]+\s*|(?:of which|o/w|thereof|incl\.?|including)\b\s*)", re.I)
# A row adding up the others: "Total", "All regions", "Overall", "National", "Whole market"
_TOTAL_ROW = re.compile(r"^\s*(?:(?:grand\s+)?total\b.*|all\b.*|overall|national(?:ly)?|whole\b.*)$", re.I)
# A group header over the names ("Models" spanning "Orca 3" and "Orca 2") is not part of each name
_NAME_GROUP = re.compile(r"^(?:models?|systems?|vendors?|products?|brands?)\s+(?=\S)", re.I)


def table_facts(table: Table, doc: SourceText, known: list[str], claimed: list[str]) -> list[Fact]:
    """Every figure of ``table`` as a Fact; ``known`` are names worth recognising, ``claimed`` the claims'
    subjects."""
    context = " · ".join(dict.fromkeys(p for p in (table.caption, table.context) if p))
    # the unit and scale of every cell, from the caption, or the sentence before the table when it speaks
    # of the figures ("Figures are in thousands of vehicles.", "Scores are accuracy in %")
    lead = table.lead if table.lead and speaks_of_figures(table.lead) else ""
    if lead:
        context = " · ".join(p for p in (lead, context) if p)
    stated = " ".join(p for p in (table.caption, lead) if p)
    table_unit = unit_hint(stated) if stated else None
    width = max(len(table.header), *(len(r) for r in table.rows))
    header = [_NAME_GROUP.sub("", h) for h in table.header + [""] * (width - len(table.header))]
    label_col = _label_column(header, table.rows)
    # a position in front of the label ("3. Xiaomi") is a rank, not part of the name
    ranks = [without_rank(r[label_col] if label_col < len(r) else "") for r in table.rows]
    row_labels = _with_parent_rows([without_maker(name) for _, name in ranks])
    col_labels = [without_maker(h) for i, h in enumerate(header) if i != label_col]
    rows_subj = share(row_labels, lambda lb: is_subject_label(lb, known))
    cols_subj = share(col_labels, lambda lb: is_subject_label(lb, known))
    if cols_subj >= 0.5 and cols_subj > rows_subj:
        return _models_across(table, header, doc, context, table_unit, stated, known)
    section = section_subject(table.context, doc)
    # a page about one item (a model's page listing its providers), not a heading like "Q3 results"
    page_model = looks_like_item(section) or any(same_subject(section, k) for k in claimed)
    label_header = header[label_col]
    rows_are_orgs = bool(ORG_HEADERS.match(label_header)) or share(row_labels, looks_like_org) > 0.5
    rank_cols = {i for i, h in enumerate(header) if RANK_HEADERS.match(h.strip()) and i != label_col}
    rows = (
        rows_subj > 0.5
        or bool(SUBJECT_HEADERS.match(label_header) and not rows_are_orgs)
        or (rows_are_orgs and not page_model)
        or bool(rank_cols)  # a rank column ranks the subjects of the rows
    )
    facts: list[Fact] = []
    for row, (rank, _), label in zip(table.rows, ranks, row_labels, strict=True):
        if rank is not None and rows and label and not rank_cols:
            quote = row[label_col]
            facts.append(Fact(label, "rank", rank, quote, location="table", context=context, url=doc.url))
        for i, cell in enumerate(row):
            if i == label_col or not cell or not label:
                continue
            column = header[i] if i < len(header) else ""
            # a row of a measure gives its unit ("Earnings per share ($)"), unless its column has one
            # the corner cell over the row labels may give every row's unit ("Cargo, tonnes")
            unit = (
                unit_hint(column)
                or (None if rows else unit_hint(label) or unit_hint(label_header))
                or table_unit
            )
            if i in rank_cols:
                metric, unit = "rank", "rank"
            elif rows or rows_are_orgs:
                metric = column or context
            else:
                generic_column = not column or SUBJECT_HEADERS.match(column)
                metric = label if generic_column else f"{label} {column}"
            # a total row ("All regions", "Total") is the whole the page is about, not one of its rows
            subject = label if rows and not _TOTAL_ROW.match(label) else section
            scale = _scale(column, f"{label} {label_header}".strip(), stated)
            facts += cell_facts(
                subject or None, metric, label, column, cell, context, unit, doc, scale, known
            )
    return facts


def _label_column(header: list[str], rows: list[list[str]]) -> int:
    """The column that labels the rows: the one whose header names a kind of subject (not an organisation,
    when another names the subject itself), else the first column of words after any rank column."""
    named = [i for i, h in enumerate(header) if SUBJECT_HEADERS.match(h) and not ORG_HEADERS.match(h)]
    if named:
        return named[0]
    orgs = [i for i, h in enumerate(header) if ORG_HEADERS.match(h)]
    if orgs:
        return orgs[0]
    for i in range(len(header)):
        if RANK_HEADERS.match(header[i].strip()):
            continue
        cells = [r[i] for r in rows if i < len(r) and r[i].strip()]
        wordy = sum(1 for c in cells if re.search(r"[A-Za-z]{2}", c) and not re.fullmatch(r"[\d\W]+", c))
        if cells and wordy / len(cells) > 0.5:
            return i
    return 0


def _with_parent_rows(labels: list[str]) -> list[str]:
    """Row labels with the label of the row above kept in front of a part of it: "Terminal passengers"
    then "– of which international" -> "Terminal passengers international"."""
    out: list[str] = []
    parent = ""
    for label in labels:
        m = _SUB_ROW.match(label)
        if m and parent and label[m.end() :].strip():
            out.append(f"{parent} {label[m.end() :].strip()}")
        else:
            parent = label
            out.append(label)
    return out


def _models_across(
    table: Table,
    header: list[str],
    doc: SourceText,
    context: str,
    table_unit: str | None,
    stated: str,
    known: list[str],
) -> list[Fact]:
    """Models across, measures down: every cell is (row measure, column model); the corner cell may name
    what every row measures ("Price (USD per 1M tokens)")."""
    corner = header[0]
    facts: list[Fact] = []
    for row in table.rows:
        label = without_rank(row[0])[1] if row else ""
        metric = f"{label} {corner}".strip() if corner and unit_hint(corner) else label
        for i in range(1, len(row)):
            subject = without_maker(header[i]) if i < len(header) else ""
            if subject and metric:
                unit = unit_hint(label) or unit_hint(corner) or table_unit
                scale = _scale(label, corner, stated)
                facts += cell_facts(
                    subject, metric, metric, subject, row[i], context, unit, doc, scale, known
                )
    return facts


def speaks_of_figures(sentence: str) -> bool:
    """Whether a sentence before a table states the unit of its figures rather than a figure of its own:
    "Figures are in thousands of vehicles.", "All scores are accuracy (%)", "Consumption in TWh."."""
    if scale_hint(sentence):
        return True
    if re.search(
        r"\b(?:figures|values|amounts|numbers|scores|results|data)\b.{0,30}\b(?:in|are)\b", sentence, re.I
    ):
        return True
    # no figure of its own, and a unit named as such: "in %", "(%)", "in percent", "in TWh"
    if re.search(r"\d", re.sub(r"\([^)]*\)", "", sentence)):
        return False
    named = re.finditer(r"\(\s*([^()]{1,16}?)\s*\)|\bin\s+([%$€£]|[A-Za-z][\w/$€£]{0,15})", sentence)
    return any(unit_hint(f"({m.group(1) or m.group(2)})") not in (None, "rank") for m in named)


def _scale(label: str, other: str, stated: str) -> float | None:
    """The scale of a cell: its own label's, else the caption's or leading sentence's unless the cell's row or
    column is a rate ("Earnings per share", "Price per kWh"), which a table-wide scale never multiplies."""
    own = scale_hint(label) or scale_hint(other)
    if own:
        return own[0]
    if re.search(r"\bper[\s-]+(?!cent\b)[a-z]", f"{label} {other}", re.I):
        return None
    return column_scale(label, stated) if stated else None


def cell_facts(
    subject: str | None,
    metric: str,
    row: str,
    column: str,
    cell: str,
    context: str,
    unit: str | None,
    doc: SourceText,
    scale: float | None = None,
    known: list[str] | None = None,
) -> list[Fact]:
    """The facts of one cell: one per figure, or one per side of a cell holding two ("$5 / $30" under
    "Input / output")."""
    prefix = f"{row} | {column}: " if column else f"{row}: "
    parts = split_pair(cell)
    labels = (pair_labels(column) or pair_labels(row)) if parts else None
    if not parts or not labels:
        readings = [(subject, metric, cell, 0)]
    else:
        # two figures in one cell, each with the label the header gives it: "Input / output" over "$5 / $30"
        first, second, rest = labels
        named = pair_labels(column) is not None
        readings = []
        for (text, offset), side in zip(parts, (first, second), strict=True):
            if is_subject_label(side, known or []):
                readings.append((side, metric.replace(column if named else row, rest).strip(), text, offset))
            else:
                own = f"{side} {rest}".strip()
                readings.append((subject, metric.replace(column if named else row, own), text, offset))
    out = []
    for who, measure, text, offset in readings:
        found = cell_quantities(text, len(prefix) + offset, unit, scale)
        quote = prefix + cell
        for k, q in enumerate(found):
            # several figures in one cell, each followed by its own words ("25.73 pence per kWh 51.37 pence
            # daily standing charge"): the words after a figure name what it is
            own = ""
            if len(found) > 1:
                end = found[k + 1].start if k + 1 < len(found) else len(quote)
                own = re.sub(r"^[\s,;/·|]+|[\s,;/·|]+$", "", quote[q.end : end])
            label = f"{measure} {own}".strip() if re.search(r"[A-Za-z]{3}", own) else measure
            out.append(Fact(who, label, q, quote, location="table", context=context, url=doc.url))
    return out
