"""How values are written on the pages: numbers and figures, links that are safe to follow, file
names, verdict labels, JSON inside a script element."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any
from urllib.parse import unquote, urlsplit

from markupsafe import Markup, escape

from factcheck.models import VERDICTS, Claim, Evidence
from factcheck.quantities.finder import find_quantities

UNREVIEWED = "unreviewed"
#: Display order of verdicts; "unreviewed" is a claim stored without a review (ingest --no-verify).
VERDICT_ORDER = (*VERDICTS, UNREVIEWED)
#: An icon and a word for every verdict: pages never tell verdicts apart by colour alone.
VERDICT_LABELS = {
    "supported": ("✓", "Supported"),
    "contradicted": ("✗", "Contradicted"),
    "unverified": ("?", "Unverified"),
    "unsourced": ("∅", "Unsourced"),
    UNREVIEWED: ("·", "Not checked"),
}
_BOUND_SIGNS = {"=": "", "~": "≈", ">": ">", ">=": "≥", "<": "<", "<=": "≤"}


_SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]*(?:\.[a-z0-9_-]+)*")


def file_key(segment: str) -> str:
    """A file name stem for an IRI segment or id, made only of ``[a-z0-9._-]``.

    Such names need no escaping in a link and mean the same on every file system and host; anything
    else is written as its readable ASCII part plus a hash of the whole, which keeps names distinct.
    """
    if len(segment) <= 100 and _SAFE_NAME.fullmatch(segment):
        return segment
    readable = re.sub(r"[^a-z0-9]+", "-", unquote(segment).casefold()).strip("-")[:48].strip("-")
    digest = hashlib.sha256(segment.encode("utf-8")).hexdigest()[:10]
    return f"{readable}-{digest}" if readable else f"h-{digest}"


def safe_url(url: str | None) -> str | None:
    """``url`` if it may be rendered as a link: an absolute http(s) URL with a host, else None."""
    if not url or any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def external_link(url: str | None, text: str | None = None) -> Markup:
    """A link to ``url`` if it is http(s); otherwise its text, shown but not clickable."""
    label = text if text is not None else (url or "")
    href = safe_url(url)
    if href is None:
        return Markup(
            '<span class="not-a-link" title="not a web address: shown, not linked">{}</span>'
        ).format(label)
    return Markup('<a class="ext" href="{}" rel="nofollow noopener noreferrer">{}</a>').format(href, label)


def fmt_number(value: float | None) -> str:
    """A number as people write it: no trailing ".0", thousands separated."""
    if value is None:
        return ""
    if value != value or value in (float("inf"), float("-inf")):
        return str(value)
    if float(value).is_integer() and abs(value) < 1e15:
        return f"{int(value):,}"
    text = repr(float(value))
    if "e" in text:
        return text
    whole, _, fraction = text.partition(".")
    return f"{int(whole):,}.{fraction}" if whole.lstrip("-") else text


def _with_unit(number: str, unit: str) -> str:
    if not unit or unit == "count":  # "300,000,000 phones shipped" reads better without "count"
        return number
    if unit == "%":
        return f"{number}%"
    if unit == "x":
        return f"{number}×"
    if unit == "USD" or unit.startswith("USD "):
        return f"${number}{unit[3:]}"
    return f"{number} {unit}"


def figure(claim: Claim) -> str:
    """The claimed figure in short: "82.7%", "> 90 years", "#2 of 115", "93/100", "2026-04-23"."""
    if claim.quantity.unit == "date" or (claim.quantity.date and claim.quantity.value is None):
        return claim.quantity.date or ""
    if claim.quantity.bound == "range":
        text = f"{fmt_number(claim.quantity.low)}–{fmt_number(claim.quantity.high)}"
        return _with_unit(text, claim.quantity.unit)
    number = fmt_number(claim.quantity.value)
    if claim.quantity.unit == "rank":
        text = f"#{number}" + (
            f" of {fmt_number(claim.quantity.scale)}" if claim.quantity.scale is not None else ""
        )
    elif claim.quantity.scale is not None:
        text = f"{number}/{fmt_number(claim.quantity.scale)}"
    else:
        text = _with_unit(number, claim.quantity.unit)
    sign = _BOUND_SIGNS.get(claim.quantity.bound, claim.quantity.bound)
    return f"{sign} {text}" if sign else text


def evidence_figure(ev: Evidence) -> str:
    return "" if ev.value is None else _with_unit(fmt_number(ev.value), ev.unit or "")


def emphasise_figure(quote: str, value: float | None) -> Markup:
    """``quote`` escaped, with the figures in it that equal ``value`` wrapped in ``<strong>``."""
    if value is None:
        return Markup(escape(quote))
    out, last = [], 0
    for q in find_quantities(quote, include_dates=False):
        numbers = [n for n in (q.value, q.low, q.high) if n is not None]
        if q.start >= last and any(abs(n - value) <= 1e-9 * max(1.0, abs(value)) for n in numbers):
            out.append(escape(quote[last : q.start]))
            out.append(Markup('<strong class="fig">{}</strong>').format(quote[q.start : q.end]))
            last = q.end
    out.append(escape(quote[last:]))
    return Markup("").join(out)


def json_for_script(data: Any) -> Markup:
    """JSON that can stand inside a ``<script>`` element whatever the strings in it hold."""
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    for raw, escaped in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(raw, escaped)
    return Markup(text)


def verdict_of(claim: Claim) -> str:
    return claim.review.verdict if claim.review and claim.review.verdict else UNREVIEWED


def date_part(iso: str | None) -> str:
    return (iso or "")[:10]


def host_of(url: str | None) -> str:
    try:
        return (urlsplit(url or "").hostname or "").removeprefix("www.")
    except ValueError:
        return ""


_NUMBER = re.compile(r"[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?")


def cell_class(value: str) -> str:
    """How a result cell is laid out: ``num`` (kept on one line), ``iri`` (broken anywhere, it has no
    words), ``long`` (prose, given room) or plain. The query pages' script classes cells the same way."""
    if _NUMBER.fullmatch(value):
        return "num"
    if "://" in value or value.startswith("urn:"):
        return "iri"
    return "long" if len(value) > 60 else ""
