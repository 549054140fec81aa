"""Facts: every figure of a ``SourceText`` with the subject it is about and the metric it measures."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from factcheck.evidence.cell_values import (
    cell_quantities,
    column_scale,
    pair_labels,
    scale_hint,
    split_pair,
    unit_hint,
    without_rank,
)
from factcheck.evidence.documents import json_scalar
from factcheck.evidence.periods import find_period, without_period
from factcheck.evidence.prose_facts import sentence_facts
from factcheck.evidence.source_text import SourceText, Table
from factcheck.models import Fact
from factcheck.names import (
    find_mentions,
    looks_like_item,
    looks_like_model,
    looks_like_org,
    same_subject,
    variant,
)
from factcheck.quantities.finder import find_quantities


def extract_facts(doc: SourceText, subjects: Iterable[str] = ()) -> list[Fact]:
    """Every figure of ``doc`` as a ``Fact``; ``subjects`` are names worth recognising (claims' subjects).

    A fact's ``quantity`` offsets index into its ``quote``.
    """
    claimed = [s for s in subjects if s]
    doc = replace(doc, subject=_page_subject(doc, claimed))
    known = list(claimed)
    # A page subject guessed from a first line can be a whole sentence (PDFs): only a name-sized one
    # without figures in it is worth recognising, else its own numbers would pass for part of a name.
    if doc.subject and not find_mentions(doc.subject) and _name_sized(doc.subject):
        known.append(doc.subject)
    doc = replace(doc, scopes=_resolved_scopes(doc, known))
    facts: list[Fact] = []
    for table in doc.tables:
        facts += _table_facts(table, doc, known, claimed)
    for term, value, context in doc.definitions:
        facts += _definition_facts(term, value, context, doc, known)
    item_charts = _item_charts(doc, known)
    for label, context in doc.labels:
        facts += _label_facts(label, context, doc, known, context in item_charts)
    for node in doc.jsonld:
        facts += _jsonld_facts(node, doc, doc.subject)
    location = "pdf" if doc.is_pdf else "sentence"
    for sentence, context in doc.sentences:
        facts += sentence_facts(sentence, context, doc.url, known, location, _section_subject(context, doc))
    facts = [_with_period_and_variant(f) for f in facts]
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for f in facts:
        key = (f.subject, f.metric, f.quantity.value, f.quantity.low, f.quantity.unit, f.quote, f.location)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _with_period_and_variant(fact: Fact) -> Fact:
    """The fact with the period its label names (else its caption or heading) moved out of its measure
    words, and the variant of its subject."""
    metric = fact.metric or ""
    period = find_period(metric)
    if period is not None:
        metric = without_period(metric)
    elif fact.location not in ("sentence", "pdf"):
        period = find_period(fact.context)
    return replace(
        fact,
        metric=metric,
        period=period.key if period else "",
        variant=variant(fact.subject or "") or "",
    )


def _page_subject(doc: SourceText, known: list[str]) -> str:
    """The page's subject, or the claim subject its title opens with, maybe after the maker's name:
    "Samsung Galaxy S26 Ultra review: the safe bet" is a page about the Galaxy S26 Ultra."""
    if not known or looks_like_model(doc.subject) or any(same_subject(doc.subject, k) for k in known):
        return doc.subject
    for text in (doc.subject, doc.title):
        for name in known:
            at = next((m for m in find_mentions(text, [name]) if same_subject(m.name, name)), None)
            if at is not None and (not text[: at.start].strip() or looks_like_org(text[: at.start].strip())):
                return name
    return doc.subject


def _name_sized(text: str) -> bool:
    return len(text.split()) <= 6 and not find_quantities(text, include_dates=False)


def _names_items(names: list[str], doc: SourceText, known: list[str]) -> bool:
    """Whether sibling labels (cards' headings, a chart's bars) name items: most of them look like names of
    things, or one of them is the page's own subject or a claim's (the others are then its peers)."""
    if any(same_subject(n, s) for n in names for s in [doc.subject, *known]):
        return True
    return _share(names, lambda n: looks_like_item(n) or _is_subject_label(n, known)) > 0.5


def _resolved_scopes(doc: SourceText, known: list[str]) -> dict[str, str]:
    """The document's scopes, with the headings of its cards where these name items (models, products)."""
    scopes = dict(doc.scopes)
    for group in doc.cards:
        if _names_items([name for _, name in group], doc, known):
            for context, name in group:
                scopes.setdefault(context, name)
    return scopes


def _item_charts(doc: SourceText, known: list[str]) -> set[str]:
    """Contexts of charts whose bars are items: each bar's figure is about its own name, not the page's
    subject."""
    names: dict[str, list[str]] = {}
    for label, context in doc.labels:
        for part in re.split(r"\s*[;|]\s*", label):
            m = re.match(r"([^:=]+?)\s*[:=]\s*\S*\d", part)
            if m:
                names.setdefault(context, []).append(without_rank(m.group(1))[1])
    return {
        context for context, found in names.items() if len(found) >= 2 and _names_items(found, doc, known)
    }


def _section_subject(context: str, doc: SourceText) -> str:
    """Who a passage under ``context`` is about: the model its nearest heading names ("GPT-5.4"), the item of
    the card it stands in, nobody in a box about other items (""), else the page's subject."""
    *labels, path = context.split(" · ")
    levels = path.split(" › ")
    for depth in range(len(levels), 0, -1):
        named = _one_model(levels[depth - 1])
        if named:
            return named
        scope = doc.scopes.get(" › ".join(levels[:depth]))
        if scope is not None:
            return scope
    for part in reversed(labels):
        named = _one_model(part)
        if named:
            return named
    return doc.subject


def _one_model(heading: str) -> str | None:
    models = [m for m in find_mentions(heading) if m.is_model]
    return models[0].name if len(models) == 1 and looks_like_model(heading) else None


_SUBJECT_HEADERS = re.compile(
    r"^(?:model|models|model name|name|llm|system|ai model|provider|company|"
    r"organi[sz]ation|vendor|lab|creator|developer|brand|product)s?$",
    re.I,
)
_RANK_HEADERS = re.compile(r"^(?:#|no\.?|rank(?:ing)?|pos(?:ition)?\.?|place)$", re.I)
_ORG_HEADERS = re.compile(r"^(?:provider|company|organi[sz]ation|vendor|lab|creator|developer|host)s?$", re.I)


def _is_subject_label(label: str, known: list[str]) -> bool:
    return looks_like_model(label) or any(same_subject(label, k) for k in known)


def _share(labels: list[str], test: Any) -> float:
    labels = [lb for lb in labels if lb]
    return sum(1 for lb in labels if test(lb)) / len(labels) if labels else 0.0


def _table_facts(table: Table, doc: SourceText, known: list[str], claimed: list[str]) -> list[Fact]:
    context = " · ".join(dict.fromkeys(p for p in (table.caption, table.context) if p))
    # the unit and scale of every cell, from the caption, or the sentence before the table when it speaks
    # of the figures ("Figures are in thousands of vehicles.", "Figures in $ millions")
    lead = table.lead if table.lead and _speaks_of_figures(table.lead) else ""
    stated = " ".join(p for p in (table.caption, lead) if p)
    table_unit = unit_hint(stated) if stated else None
    header = table.header
    width = max(len(header), *(len(r) for r in table.rows))
    header = header + [""] * (width - len(header))
    # a group header over the names ("Models" spanning "Orca 3" and "Orca 2") is not part of each name
    header = [
        re.sub(r"^(?:models?|systems?|vendors?|products?|brands?)\s+(?=\S)", "", h, flags=re.I)
        for h in header
    ]
    named = [i for i, h in enumerate(header) if _SUBJECT_HEADERS.match(h) and not _ORG_HEADERS.match(h)]
    label_col = named[0] if named else None
    if label_col is None:
        label_col = next((i for i, h in enumerate(header) if _SUBJECT_HEADERS.match(h)), 0)
    # a position in front of the label ("3. Xiaomi") is a rank, not part of the name
    ranks = [without_rank(r[label_col] if label_col < len(r) else "") for r in table.rows]
    row_labels = [name for _, name in ranks]
    col_labels = [h for i, h in enumerate(header) if i != label_col]
    rows_subj = _share(row_labels, lambda lb: _is_subject_label(lb, known))
    cols_subj = _share(col_labels, lambda lb: _is_subject_label(lb, known))
    facts: list[Fact] = []
    if cols_subj >= 0.5 and cols_subj > rows_subj:
        # models across, metrics down: every cell is (row metric, column model); the corner cell may name
        # what every row measures ("Price (USD per 1M tokens)")
        corner = header[0]
        for row in table.rows:
            label = without_rank(row[0])[1] if row else ""
            metric = f"{label} {corner}".strip() if corner and unit_hint(corner) else label
            for i in range(1, len(row)):
                subject = header[i] if i < len(header) else ""
                if subject and metric:
                    facts += _cell_facts(
                        subject,
                        metric,
                        metric,
                        subject,
                        row[i],
                        context,
                        unit_hint(label) or unit_hint(corner) or table_unit,
                        doc,
                        _scale(label, corner, stated),
                        known,
                    )
        return facts
    section = _section_subject(table.context, doc)
    # a page about one item (a model's page listing its providers), not a heading like "Q3 results"
    page_model = looks_like_item(section) or any(same_subject(section, k) for k in claimed)
    label_header = header[label_col]
    rows_are_orgs = bool(_ORG_HEADERS.match(label_header)) or _share(row_labels, looks_like_org) > 0.5
    if (
        rows_subj > 0.5
        or bool(_SUBJECT_HEADERS.match(label_header) and not rows_are_orgs)
        or (rows_are_orgs and not page_model)
    ):
        mode = "rows"  # one subject per row, metrics across
    else:
        mode = "page"  # rows are metrics (or providers) of the page's subject
    has_rank_column = any(_RANK_HEADERS.match(h.strip()) for h in header)
    for row, (rank, label) in zip(table.rows, ranks, strict=True):
        if rank is not None and mode == "rows" and label and not has_rank_column:
            quote = row[label_col]
            facts.append(Fact(label, "rank", rank, quote, location="table", context=context, url=doc.url))
        for i, cell in enumerate(row):
            if i == label_col or not cell or not label:
                continue
            column = header[i] if i < len(header) else ""
            unit = unit_hint(column) or table_unit
            if _RANK_HEADERS.match(column.strip()):
                metric = "rank"
                unit = "rank"
            elif mode == "rows" or rows_are_orgs:
                metric = column or context
            else:
                generic_column = not column or _SUBJECT_HEADERS.match(column)
                metric = label if generic_column else f"{label} {column}"
            subject = label if mode == "rows" else section
            scale = _scale(column, f"{label} {label_header}".strip(), stated)
            facts += _cell_facts(
                subject or None, metric, label, column, cell, context, unit, doc, scale, known
            )
    return facts


def _speaks_of_figures(sentence: str) -> bool:
    """Whether a sentence before a table states the unit of its figures rather than a figure of its own."""
    return bool(scale_hint(sentence)) or bool(
        re.search(
            r"\b(?:figures|values|amounts|numbers|scores|results|data)\b.{0,30}\b(?:in|are)\b", sentence, re.I
        )
    )


def _scale(label: str, other: str, stated: str) -> float | None:
    """The scale of a cell: its own label's, else the caption's or leading sentence's unless the cell's row or
    column is a rate ("Earnings per share", "Price per kWh"), which a table-wide scale never multiplies."""
    own = scale_hint(label) or scale_hint(other)
    if own:
        return own[0]
    if re.search(r"\bper[\s-]+(?!cent\b)[a-z]", f"{label} {other}", re.I):
        return None
    return column_scale(label, stated) if stated else None


def _cell_facts(
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
            if _is_subject_label(side, known or []):
                readings.append((side, metric.replace(column if named else row, rest).strip(), text, offset))
            else:
                own = f"{side} {rest}".strip()
                readings.append((subject, metric.replace(column if named else row, own), text, offset))
    return [
        Fact(
            subject=who,
            metric=measure,
            quantity=q,
            quote=prefix + cell,
            location="table",
            context=context,
            url=doc.url,
        )
        for who, measure, text, offset in readings
        for q in cell_quantities(text, len(prefix) + offset, unit, scale)
    ]


def _definition_facts(term: str, value: str, context: str, doc: SourceText, known: list[str]) -> list[Fact]:
    if not term or not value:
        return []
    glued = re.match(r"[\d#$€£/]", value) and not term.endswith(":")
    quote = f"{term} {value}" if glued else f"{term}: {value}"
    offset = len(quote) - len(value)
    subject = term if _is_subject_label(term, known) else _section_subject(context, doc) or None
    metric = context if subject == term else term
    unit = unit_hint(term)
    scale = scale_hint(term)
    return [
        Fact(
            subject=subject,
            metric=metric,
            quantity=q,
            quote=quote,
            location="dl",
            context=context,
            url=doc.url,
        )
        for q in cell_quantities(value, offset, unit, scale[0] if scale else None)
    ]


def _label_facts(
    label: str, context: str, doc: SourceText, known: list[str], items: bool = False
) -> list[Fact]:
    """Chart labels: "GPT-5.5: 74.0%" (several may be joined by ';' or ','); sentences go the prose way.
    In a chart of ``items`` every name is the subject of its own figure."""
    parts = [p for p in re.split(r"\s*[;|]\s*|,\s+(?=[^,\d]*[:=])", label) if p.strip()]
    if not all(re.search(r"[:=]\s*[^\s:=]*\d", p) for p in parts):
        return sentence_facts(label, context, doc.url, known, "chart", _section_subject(context, doc))
    unit = unit_hint(context)
    scale = scale_hint(context)
    facts = []
    offset = 0
    for part in parts:
        offset = label.find(part, offset)
        m = re.search(r"[:=]\s*", part)
        assert m is not None
        name = without_rank(part[: m.start()].strip())[1]
        value = part[m.end() :]
        if not name:
            continue
        is_subject = items or _is_subject_label(name, known) or looks_like_org(name)
        subject = name if is_subject else _section_subject(context, doc) or None
        metric = context if is_subject else f"{name} {context}".strip()
        hint = unit if unit != "rank" else None
        for q in cell_quantities(value, offset + m.end(), hint, scale[0] if scale else None):
            facts.append(
                Fact(
                    subject=subject,
                    metric=metric,
                    quantity=q,
                    quote=label,
                    location="chart",
                    context=context,
                    url=doc.url,
                )
            )
        offset += len(part)
    return facts


_JSONLD_VALUE_KEYS = (
    "value",
    "price",
    "ratingValue",
    "measuredValue",
    "lowPrice",
    "highPrice",
    "minValue",
    "maxValue",
    "percentage",
)
_JSONLD_SKIP = {
    "@id",
    "@type",
    "@context",
    "position",
    "url",
    "sameAs",
    "identifier",
    "worstRating",
    "bestRating",
    "ratingCount",
    "reviewCount",
}


def _jsonld_facts(node: dict[str, Any], doc: SourceText, subject: str) -> list[Fact]:
    """Numbers of schema.org nodes: PropertyValue/Observation ``value``, Offer ``price``, rating values."""
    facts: list[Fact] = []
    types = node.get("@type")
    type_names = {types} if isinstance(types, str) else set(types) if isinstance(types, list) else set()
    name = node.get("name") if isinstance(node.get("name"), str) else None
    about = node.get("observationAbout") or node.get("about") or node.get("itemReviewed")
    about_name = about.get("name") if isinstance(about, dict) else about if isinstance(about, str) else None
    if type_names & {"Product", "SoftwareApplication", "Thing", "CreativeWork", "Dataset"} and name:
        subject = name if find_mentions(name) or not subject else subject
    own_subject = about_name or subject
    measured = node.get("measuredProperty") or node.get("variableMeasured") or node.get("propertyID")
    if isinstance(measured, dict):
        measured = measured.get("name")
    if not isinstance(measured, str):
        measured = None  # a list of PropertyValue nodes: each is read on its own
    own_name = name if not type_names & {"Product", "Dataset"} else None
    if own_name and measured and looks_like_item(own_name):
        # a PropertyValue named after a model, measuring its propertyID: the model is its subject
        own_subject, own_name = own_name, None
    metric = " ".join(str(x) for x in (measured, own_name) if x)
    for key in _JSONLD_VALUE_KEYS:
        value = node.get(key)
        if (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            or (isinstance(value, str) and re.fullmatch(r"\s*[\d.,]+\s*%?\s*", value))
        ):
            currency = str(node.get("priceCurrency") or "")
            per = str(node.get("unitText") or node.get("unitCode") or "")
            unit = currency or per
            best = node.get("bestRating")
            text = _jsonld_value_text(value, unit, best)
            if currency and per:
                text = f"{text} {per}"  # "$5.0 per 1M tokens"
            label = metric or ("price" if "rice" in key else "rating" if "rating" in key else key)
            quote = f"{own_subject} | {label}: {text}" if own_subject else f"{label}: {text}"
            offset = len(quote) - len(text)
            for q in cell_quantities(text, offset, None):
                facts.append(
                    Fact(
                        subject=own_subject or None,
                        metric=label,
                        quantity=q,
                        quote=quote,
                        location="jsonld",
                        context=doc.title,
                        url=doc.url,
                    )
                )
    for key, value in node.items():
        if key in _JSONLD_SKIP or key in _JSONLD_VALUE_KEYS:
            continue
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, dict):
                facts += _jsonld_facts(child, doc, own_subject)
    return facts


def _jsonld_value_text(value: Any, unit: str, best: Any) -> str:
    number = json_scalar(value).strip()
    if unit.upper() in ("USD", "$"):
        return f"${number}"
    if unit in ("%", "P1", "percent"):
        return number if number.endswith("%") else f"{number}%"
    if best:
        return f"{number}/{json_scalar(best)}"
    return f"{number} {unit}".strip()
