"""The graph's vocabulary and terms: namespaces, IRIs made from names and URLs, exact literals.

Vocabulary: schema.org for what it covers (``schema:NewsArticle``, ``schema:Claim``,
``schema:ClaimReview``, ``schema:Organization``), PROV-O for where things came from, and the
project's own ``fc:`` terms (``graph/ontology.ttl``) for quantities and checks.

Choices that keep the round trip exact:
- numbers are ``xsd:decimal`` written from the float's shortest repr (82.7 stays 82.7);
  a float outside what a decimal store keeps exactly becomes ``xsd:double``;
- timestamps are written twice: the exact text and an ``xsd:dateTime``/``xsd:date`` for queries,
  since stores rewrite dateTimes to a canonical form;
- shared nodes (organisations, subjects, authors) get IRIs from their names (``names.py`` says which
  names are one), so that graphs of different articles meet on them.
"""

from __future__ import annotations

import hashlib
import math
import re
import unicodedata
from datetime import date, datetime
from decimal import Decimal
from urllib.parse import quote, urlsplit

from rdflib import RDFS, XSD, Literal, Namespace, URIRef
from rdflib.namespace import PROV

from factcheck.names import organisation_key, subject_key

FC = Namespace("https://w3id.org/factcheck/ns#")
SCHEMA = Namespace("https://schema.org/")
ID = "https://w3id.org/factcheck/id/"
GRAPH_PREFIX = ID + "graph/"
FC_INDEX = FC["index"]  # FC.index would be str.index

#: ``schema:ratingValue`` of the verdicts that say how true a claim is; "unverified" and "unsourced"
#: say that it could not be checked, so they carry no number (only their name).
RATING = {"contradicted": 1, "supported": 2}
#: The largest number of fractional digits (and integer digits) a decimal keeps in Oxigraph.
_DECIMAL_DIGITS = 18

PREFIXES = {"schema": SCHEMA, "prov": PROV, "fc": FC, "xsd": XSD, "rdfs": RDFS}


# -- IRIs -------------------------------------------------------------------------------------------


def slug(text: str, limit: int | None = None) -> str:
    """The IRI segment for a name: case-folded, runs of other characters turned into '-'.

    "GPT-5.5", "gpt 5.5" and "GPT‑5.5" (non-breaking hyphen) all give "gpt-5.5". ``limit`` cuts
    the segment to that many characters before percent-encoding (so never inside an escape).
    """
    folded = unicodedata.normalize("NFKC", text).casefold()
    segment = re.sub(r"[^\w.+#]+|_", "-", folded).strip("-.")
    segment = segment[:limit].strip("-.") if limit else segment
    if not segment:
        segment = "h-" + hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return quote(segment, safe="-.+")


def _article_key(url: str) -> str:
    """A readable and collision-safe key for an article URL: host and path, plus a hash."""
    parts = urlsplit(url)
    digest = hashlib.sha256(url.encode("utf-8")).hexdigest()[:12]
    return f"{slug(f'{parts.netloc} {parts.path}', limit=60)}-{digest}"


def article_graph_name(url: str) -> str:
    """The IRI of the named graph that holds everything about the article at ``url``."""
    return GRAPH_PREFIX + _article_key(url)


def article_iri(url: str) -> URIRef:
    """The IRI of the article at ``url`` itself."""
    return URIRef(f"{ID}article/{_article_key(url)}")


def organization_iri(name: str) -> URIRef:
    """One node per organisation: names that differ only in case, punctuation or a leading "the" meet."""
    return URIRef(f"{ID}organization/{slug(organisation_key(name) or name)}")


def subject_iri(subject: str) -> URIRef:
    """One node per subject: "GPT-5.5 (xhigh)", "OpenAI GPT-5.5" and "gpt5.5" are all ``subject/gpt-5.5``."""
    return URIRef(f"{ID}subject/{slug(subject_key(subject) or subject)}")


def person_iri(name: str) -> URIRef:
    return URIRef(f"{ID}person/{slug(name)}")


def claim_iri(article: URIRef, claim_id: str) -> URIRef:
    return URIRef(f"{article}/claim/{quote(claim_id, safe='')}")


# -- literals ---------------------------------------------------------------------------------------


def number_literal(value: float) -> Literal:
    """A float as an exact literal: the digits of its shortest repr as ``xsd:decimal``.

    What a store's decimal cannot hold exactly (more than 18 digits either side of the point in
    Oxigraph, infinities, NaN) becomes an ``xsd:double``; ``float()`` of either reads it back.
    """
    if math.isnan(value):
        lexical = "NaN"
    elif math.isinf(value):
        lexical = "INF" if value > 0 else "-INF"
    else:
        digits = Decimal(repr(value))
        if -int(digits.as_tuple().exponent) <= _DECIMAL_DIGITS and digits.adjusted() < _DECIMAL_DIGITS:
            # Canonical form ("115", not "115.0"): the store gives back the very same literal.
            return Literal(format(digits.normalize(), "f") if digits else "0", datatype=XSD.decimal)
        return Literal(value, datatype=XSD.double)
    return Literal(lexical, datatype=XSD.double, normalize=False)  # rdflib would write "inf"


def decimal_literal(value: float | None) -> Literal | None:
    """A model number (a float, though an int slips through at run time) as an exact literal."""
    return None if value is None else number_literal(float(value))


def timestamp_literal(text: str) -> Literal | None:
    """``text`` as ``xsd:dateTime`` or ``xsd:date`` if it is an ISO 8601 date, else None.

    Stores keep only the canonical form ("+00:00" comes back as "Z"); rdflib puts either into its
    own form, so a graph read back from a store still equals the one written.
    """
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return Literal(date.fromisoformat(text))
        return Literal(datetime.fromisoformat(text))
    except ValueError:
        return None


def claim_date_literal(text: str) -> Literal:
    """A claim's ISO date ("2026-04-23", "2026-04", "2026") with its XSD type, else a plain string."""
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            date.fromisoformat(text)
            return Literal(text, datatype=XSD.date)
        if re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", text):
            return Literal(text, datatype=XSD.gYearMonth)
        if re.fullmatch(r"\d{4}", text):
            return Literal(text, datatype=XSD.gYear)
    except ValueError:
        pass
    return Literal(text)
