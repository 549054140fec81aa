"""Facts: every figure of a ``SourceText`` with the subject it is about and the metric it measures."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace
from typing import Any

from factcheck.evidence.cell_values import (
    cell_quantities,
    scale_hint,
    unit_hint,
    without_rank,
)
from factcheck.evidence.documents import json_scalar
from factcheck.evidence.periods import find_period, without_period
from factcheck.evidence.prose_facts import EARLIER, sentence_facts
from factcheck.evidence.scopes import is_subject_label, section_subject, share
from factcheck.evidence.source_text import SourceText
from factcheck.evidence.table_facts import table_facts
from factcheck.models import Fact, Quantity
from factcheck.names import (
    find_mentions,
    has_name_shape,
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
        facts += table_facts(table, doc, known, claimed)
    for term, value, context in doc.definitions:
        facts += _definition_facts(term, value, context, doc, known)
    item_charts = _item_charts(doc, known)
    for label, context in doc.labels:
        facts += _label_facts(label, context, doc, known, context in item_charts)
    for node in doc.jsonld:
        facts += _jsonld_facts(node, doc, doc.subject)
    location = "pdf" if doc.is_pdf else "sentence"
    named: dict[str, str | None] = {}  # per section, the one model its last sentence naming any names
    last: dict[str, str | None] = {}  # per section, whom its last sentence's figures were about
    for sentence, context in doc.sentences:
        section = section_subject(context, doc)
        if named.get(context) and not looks_like_item(section) and _PRONOUN.search(sentence):
            section = (
                named[context] or section
            )  # "GPT-5.5 takes the top spot. At its xhigh setting it scores"
        elif last.get(context) and _RESTATES.match(sentence):
            section = last[context] or section  # "... will pay £1,690. This is £48 lower than ..."
        found = sentence_facts(sentence, context, doc.url, known, location, section)
        facts += found
        whom = {f.subject for f in found if f.quantity.value is not None and f.subject != section}
        last[context] = whom.pop() if len(whom) == 1 else None
        models = {m.name for m in find_mentions(sentence, known) if m.is_model or looks_like_item(m.name)}
        if models:
            named[context] = models.pop() if len(models) == 1 else None
    facts = [_with_period_and_variant(f) for f in facts]
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for f in facts:
        key = (f.subject, f.metric, f.quantity.value, f.quantity.low, f.quantity.unit, f.quote, f.location)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


_PRONOUN = re.compile(r"\b(?:it|its|it's|it’s)\b", re.I)
# A sentence that goes on about the figure before it: "This is £48 lower", "That represents a rise of 4%"
_RESTATES = re.compile(
    r"\s*(?:this|that)\s+(?:is|was|would\s+be|will\s+be|represents|means|marks|amounts\s+to)\b", re.I
)


def _with_period_and_variant(fact: Fact) -> Fact:
    """The fact with the period its label names (else its caption or heading) moved out of its measure
    words, and the variant of its subject."""
    metric = fact.metric or ""
    period = find_period(metric)
    if fact.period == EARLIER:
        # the earlier figure of a change keeps that standing, unless a period is named right after it ("up
        # from 27.5% in 2025"); one named elsewhere in its clause is the later figure's
        q = fact.quantity
        period = find_period(fact.quote[q.end : q.end + 16]) if fact.location in ("sentence", "pdf") else None
        metric = without_period(metric)
        return replace(
            fact,
            metric=metric,
            period=period.key if period else EARLIER,
            variant=variant(fact.subject or "") or "",
        )
    around = find_period(fact.context) if fact.location not in ("sentence", "pdf") else None
    if period is not None:
        metric = without_period(metric)
        if period.year is None and around is not None and around.year is not None:
            # "Year to date % change" under "Traffic statistics: March 2026" is 2026's year to date
            period = replace(period, year=around.year, fiscal=around.fiscal)
    else:
        period = around
    return replace(
        fact,
        metric=metric,
        period=period.key if period else fact.period,
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
    # a page of the subject's own site, titled "Traffic statistics: March 2026 | Harbourside Airport": what it
    # states without naming anyone is the site owner's
    site = re.split(r"\s+[|–—·-]\s+", doc.title)[-1] if re.search(r"\s[|–—·-]\s", doc.title) else ""
    if site and not looks_like_item(doc.subject):
        return next((name for name in known if same_subject(site, name)), doc.subject)
    return doc.subject


def _name_sized(text: str) -> bool:
    return len(text.split()) <= 6 and not find_quantities(text, include_dates=False)


def _names_items(names: list[str], doc: SourceText, known: list[str]) -> bool:
    """Whether sibling labels (cards' headings, a chart's bars) name items: most of them look like names of
    things, or one of them is the page's own subject or a claim's (the others are then its peers)."""
    if any(same_subject(n, s) for n in names for s in [doc.subject, *known]):
        return True
    return share(names, lambda n: looks_like_item(n) or is_subject_label(n, known)) > 0.5


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


def _definition_facts(term: str, value: str, context: str, doc: SourceText, known: list[str]) -> list[Fact]:
    if not term or not value:
        return []
    glued = re.match(r"[\d#$€£/]", value) and not term.endswith(":")
    quote = f"{term} {value}" if glued else f"{term}: {value}"
    offset = len(quote) - len(value)
    subject = term if is_subject_label(term, known) else section_subject(context, doc) or None
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
        return sentence_facts(label, context, doc.url, known, "chart", section_subject(context, doc))
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
        is_subject = items or is_subject_label(name, known) or looks_like_org(name)
        subject = name if is_subject else section_subject(context, doc) or None
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
    """Numbers of schema.org nodes: PropertyValue/Observation ``value``, Offer ``price``, rating values, and
    the places of an ItemList's items (a ranking)."""
    facts: list[Fact] = []
    types = node.get("@type")
    type_names = {types} if isinstance(types, str) else set(types) if isinstance(types, list) else set()
    if "ItemList" in type_names:
        facts += _list_ranks(node, doc)
    name = node.get("name") if isinstance(node.get("name"), str) else None
    about = node.get("observationAbout") or node.get("about") or node.get("itemReviewed")
    about_name = about.get("name") if isinstance(about, dict) else about if isinstance(about, str) else None
    if type_names & {"Product", "SoftwareApplication", "Thing", "CreativeWork", "Dataset"} and name:
        # a thing named like a model or product ("Kestrel 4", "gpt-5.5") is the subject of its own values
        subject = name if find_mentions(name) or has_name_shape(name) or not subject else subject
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


def _list_ranks(node: dict[str, Any], doc: SourceText) -> list[Fact]:
    """The place of each item of a schema.org ItemList ("position" 2 of "numberOfItems" 115) as its rank."""
    entries = node.get("itemListElement")
    whole = node.get("numberOfItems")
    scale = float(whole) if isinstance(whole, (int, float)) and not isinstance(whole, bool) else None
    title = str(node.get("name") or "")
    facts = []
    for entry in entries if isinstance(entries, list) else []:
        if not isinstance(entry, dict) or not isinstance(entry.get("position"), int):
            continue
        item = entry.get("item")
        name = item.get("name") if isinstance(item, dict) else entry.get("name")
        if not isinstance(name, str) or not name:
            continue
        position = str(entry["position"])
        quote = f"{name} | {title or 'list'}: #{position}" + (f" of {json_scalar(whole)}" if scale else "")
        at = quote.rindex("#" + position) + 1
        rank = Quantity(position, at, at + len(position), value=float(position), unit="rank", scale=scale)
        metric = f"{title} rank".strip()
        facts.append(
            Fact(name, metric, rank, quote, location="jsonld", context=doc.title or title, url=doc.url)
        )
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
