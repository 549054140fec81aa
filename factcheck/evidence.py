"""Evidence finding: turn a fetched source document into facts, and rank the facts that speak to a claim.

Pure functions, no I/O. ``read_document`` turns the bytes of an HTML page, a PDF, a JSON document or plain
text into a ``SourceText`` (prose sentences with the heading they stand under, tables, definition lists,
chart labels, JSON-LD), leaving page chrome (header, navigation, footer, cookie and call-to-action boxes)
out. ``extract_facts`` reads every number of it as a ``Fact`` (subject, metric, quantity, quote), and
``find_evidence`` scores those facts against a ``Claim``.

Scores of ``find_evidence`` are in 0..1, the product of three factors:

* subject: 1 when the passage names the claim's subject (model names compared after
  ``normalise_subject``, so "GPT-5.5 (xhigh)" is GPT-5.5), 0.9-0.95 when the fact inherits the subject of
  its page or section, 0.7 when a comparison claim ("A vs B") meets a passage naming one side only, 0.5
  for another variant of the model ("(high)" vs "(medium)"), 0 for another named model or organisation.
  A claim about a group ("organizations") counts as named when its words stand in the passage (0.9) or
  its heading (0.75);
* metric: weighted share of the claim's metric words found in the fact's own label or clause (full
  weight), in the heading or caption above it (0.85), in the site's name (0.8: "BenchLM score" on
  benchlm.ai), elsewhere in its sentence (0.6), less a little for each word of the fact's label the claim
  lacks ("Coding score" is a sub-score). 0 when a version of the same name disagrees ("Terminal-Bench
  1.0" vs "2.0") or when no word of the claim's metric stands in the fact's label, clause or heading;
* unit: 1 for the same unit, less for related ones (% vs percentage points, points vs a bare number on a
  score, a price with or without "per 1M tokens"), 0 for incompatible ones (a year is never evidence for
  a percentage).

At ``STRONG`` (0.5) and above a fact is evidence for or against the claim; between ``MIN_SCORE`` (0.25)
and ``STRONG`` it is only related (context for a reader); under ``MIN_SCORE`` it is not returned.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment

from .models import Claim, Fact, Quantity
from .quantities import find_quantities

#: Facts scoring below this are not returned by ``find_evidence``.
MIN_SCORE = 0.25
#: At or above this a fact speaks for or against the claim (same subject, metric and kind of unit).
STRONG = 0.5


@dataclass
class Table:
    """A table as read: column labels, body rows (cell texts, the row label first), caption and heading."""

    header: list[str]
    rows: list[list[str]]
    caption: str = ""
    context: str = ""


@dataclass
class SourceText:
    """A source document reduced to what can carry figures, without page chrome."""

    url: str
    title: str
    text: str  # the main prose, paragraphs separated by blank lines
    sentences: list[tuple[str, str]] = field(default_factory=list)  # (sentence, heading it stands under)
    tables: list[Table] = field(default_factory=list)
    definitions: list[tuple[str, str, str]] = field(default_factory=list)  # (term, value, context)
    labels: list[tuple[str, str]] = field(default_factory=list)  # chart/figure labels: (text, context)
    jsonld: list[dict[str, Any]] = field(default_factory=list)
    is_pdf: bool = False
    subject: str = ""  # what the page is about: the model named in its h1/title, else its h1


# --------------------------------------------------------------------------------------------------
# Names of models and organisations

# Model families that are names on their own; the weak ones are ordinary words unless a version follows.
_FAMILIES = (
    "chatgpt",
    "gpt",
    "claude",
    "gemini",
    "gemma",
    "llama",
    "mistral",
    "mixtral",
    "codestral",
    "ministral",
    "qwen",
    "qwq",
    "deepseek",
    "grok",
    "kimi",
    "glm",
    "ernie",
    "olmo",
    "nemotron",
)
_WEAK_FAMILIES = ("phi", "command", "falcon", "jamba", "nova", "yi", "granite", "dbrx", "minimax")
_TAIL_WORDS = (
    "pro",
    "max",
    "mini",
    "nano",
    "flash",
    "lite",
    "ultra",
    "opus",
    "sonnet",
    "haiku",
    "turbo",
    "preview",
    "instruct",
    "chat",
    "thinking",
    "coder",
    "codex",
    "plus",
    "large",
    "medium",
    "small",
    "exp",
    "reasoner",
    "vision",
    "omni",
)
_ORGS = (
    "OpenAI",
    "Anthropic",
    "Google DeepMind",
    "Google",
    "DeepMind",
    "Meta",
    "Microsoft",
    "Amazon",
    "AWS",
    "Alibaba",
    "xAI",
    "Mistral AI",
    "Cohere",
    "Nvidia",
    "NVIDIA",
    "IBM",
    "Apple",
    "Baidu",
    "Tencent",
    "ByteDance",
    "Moonshot AI",
    "Zhipu AI",
    "DeepSeek",
    "Perplexity",
    "Hugging Face",
    "AI21 Labs",
    "Databricks",
    "Salesforce",
    "Oracle",
    "Samsung",
    "Stability AI",
    "OpenRouter",
    "Azure",
)
_ALL_FAMILIES = sorted(_FAMILIES + _WEAK_FAMILIES, key=len, reverse=True)
_FAMILY_RE = re.compile(r"(?<![\w.-])(" + "|".join(_ALL_FAMILIES) + ")", re.I)
_VERSION_RE = re.compile(r"[-_ ]?v?\d+(?:\.\d+)*[a-z]?(?![%\w]|[.,]\d)", re.I)
_SIZE_RE = re.compile(r"[- ]\d+(?:\.\d+)?b(?![\w.]|,\d)", re.I)
_TAIL_RE = re.compile(r"[-_ ](" + "|".join(_TAIL_WORDS) + r")(?![\w.]|\.\w)", re.I)
_PAREN_RE = re.compile(r" ?\(([A-Za-z][A-Za-z -]{0,15})\)")
_O_SERIES_RE = re.compile(r"(?<![\w-])o[1-9](?:-(?:mini|pro|preview))?(?![\w.])")
_ORG_WORDS = {w for org in _ORGS for w in org.lower().split()} - {"ai", "labs"}
_ORG_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(o) for o in sorted(_ORGS, key=len, reverse=True)) + r")(?![\w-])"
)


@dataclass(frozen=True)
class _Mention:
    start: int
    end: int
    name: str
    is_model: bool


def _model_mentions(text: str) -> list[_Mention]:
    found: list[_Mention] = []
    for m in _FAMILY_RE.finditer(text):
        end, versions, last_alpha = m.end(), 0, True
        while True:
            v = _VERSION_RE.match(text, end)
            # a number after a space belongs to the name only after a word ("Opus 4.7", not "GPT-5.5 82")
            if v and (last_alpha or not v.group(0).startswith(" ")):
                end, versions, last_alpha = v.end(), versions + 1, False
                continue
            s = _SIZE_RE.match(text, end) if versions else None
            t = _TAIL_RE.match(text, end)
            if s:
                end, last_alpha = s.end(), False
            elif t:
                end, last_alpha = t.end(), True
            else:
                break
        if m.group(1).lower() in _WEAK_FAMILIES and not versions:
            continue
        p = _PAREN_RE.match(text, end)
        if p and versions:
            end = p.end()
        found.append(_Mention(m.start(), end, text[m.start() : end], True))
    found += [_Mention(m.start(), m.end(), m.group(0), True) for m in _O_SERIES_RE.finditer(text)]
    return found


def _mentions(text: str, known: Iterable[str] = ()) -> list[_Mention]:
    """Models and organisations named in ``text``, in text order, without overlaps (models win)."""
    found = _model_mentions(text)
    for name in known:
        pattern = r"[\s_-]*".join(re.escape(p) for p in re.split(r"[\s_-]+", name.strip()) if p)
        if not pattern:
            continue
        for m in re.finditer(r"(?<![\w.-])" + pattern + r"(?![\w]|\.\d)", text, re.I):
            found.append(_Mention(m.start(), m.end(), m.group(0), _looks_like_model(name)))
    found += [_Mention(m.start(), m.end(), m.group(0), False) for m in _ORG_RE.finditer(text)]
    found.sort(key=lambda x: (x.start, -(x.end - x.start), not x.is_model))
    out: list[_Mention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return out


def _looks_like_model(label: str) -> bool:
    """Whether ``label`` is essentially a model name ("GPT-5.5 (xhigh)", "Claude Opus 4.7")."""
    core = re.sub(r"\([^)]*\)", "", label).strip()
    models = _model_mentions(core)
    return bool(models) and sum(m.end - m.start for m in models) >= 0.6 * len(core)


def _looks_like_org(label: str) -> bool:
    core = re.sub(r"\([^)]*\)", "", label).strip()
    m = _ORG_RE.fullmatch(core)
    return m is not None


_ORG_PREFIXES = (
    "google deepmind",
    "openai",
    "anthropic",
    "google",
    "deepmind",
    "meta",
    "microsoft",
    "alibaba",
    "xai",
    "amazon",
    "nvidia",
    "mistral ai",
)


def normalise_subject(name: str) -> str:
    """A canonical spelling of a model or subject name, for comparison.

    Reasoning-effort and other parenthesised variants, the maker's name in front and a trailing snapshot
    date are dropped; a one-word family and its version are joined with a hyphen:
    "GPT-5.5 (xhigh)", "gpt-5.5", "GPT 5.5", "OpenAI GPT-5.5" -> "gpt-5.5"; "Claude Opus 4.7 (max)" ->
    "claude opus 4.7". Other versions stay distinct ("gpt-5.4").
    """
    s = re.sub(r"\([^)]*\)", " ", name.lower())
    s = re.sub(r"[-_ ](?:20\d\d-?\d\d-?\d\d)\s*$", "", s.strip())
    s = re.sub(r"[_\s]+", " ", s).strip(" -:,.'’")
    for prefix in _ORG_PREFIXES:
        if not (s.startswith(prefix + " ") or s.startswith(prefix + "'")):
            continue
        rest = s[len(prefix) :].lstrip(" -'’s")
        if rest and re.search(r"\d", rest) and _model_mentions(rest):
            s = rest
            break
    # "gpt 5.5" / "gpt5.5" -> "gpt-5.5": a single word followed directly by its version number
    m = re.fullmatch(r"([a-z]+)[\s-]?(v?\d+(?:\.\d+)*[a-z]?)((?:[\s-][a-z]+)*)", s)
    if m:
        tail = re.sub(r"\s+", "-", m.group(3).strip()) if m.group(3) else ""
        s = f"{m.group(1)}-{m.group(2)}" + (f"-{tail.lstrip('-')}" if tail else "")
    return s


def _subject_key(name: str) -> str:
    """``normalise_subject`` without separators, words stemmed: the identity used by ``same_subject``."""
    s = normalise_subject(name)
    return "".join(_stem(w) if w.isalpha() else w for w in re.findall(r"[a-z]+|[\d.]+", s)).rstrip(".")


def same_subject(a: str | None, b: str | None) -> bool:
    """Whether two subject names denote the same thing ("GPT-5.5 (xhigh)" = "gpt-5.5" != "GPT-5.4")."""
    if not a or not b:
        return False
    ka, kb = _subject_key(a), _subject_key(b)
    return bool(ka) and ka == kb


# --------------------------------------------------------------------------------------------------
# Reading documents


def read_document(body: bytes, content_type: str, url: str) -> SourceText:
    """A ``SourceText`` from a fetched body: HTML, PDF, JSON (or JSON-LD) or plain text."""
    ctype = (content_type or "").lower()
    head = body.lstrip()[:64].lower()
    if "pdf" in ctype or body[:5] == b"%PDF-":
        return _read_pdf(body, url)
    if "json" in ctype or (head[:1] in (b"{", b"[") and "html" not in ctype):
        try:
            return _read_json(json.loads(_decode(body, ctype)), url)
        except ValueError:
            pass
    if "html" in ctype or "xml" in ctype or head.startswith(b"<"):
        return _read_html(body, ctype, url)
    return _read_plain(_decode(body, ctype), url)


def _decode(body: bytes, ctype: str) -> str:
    m = re.search(r"charset=([\w-]+)", ctype)
    if m:
        try:
            return body.decode(m.group(1), "replace")
        except LookupError:
            pass
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(body).best()
        return str(best) if best is not None else body.decode("latin-1")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


_ABBREVIATIONS = {
    "e.g",
    "i.e",
    "vs",
    "etc",
    "approx",
    "no",
    "fig",
    "figs",
    "dr",
    "mr",
    "ms",
    "inc",
    "ltd",
    "co",
    "st",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "est",
}
# a sentence may also start with a lower-case identifier such as "gpt-5.5-pro"
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[A-Z0-9\"“‘(#$£€]|[a-z][\w.]*[-\d])")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of a paragraph, not splitting after abbreviations or initials."""
    out: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(paragraph):
        before = paragraph[start : m.start()].rstrip('"”’)')
        word = re.search(r"([\w.]+)[.!?]$", before)
        if word and (word.group(1).lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
            continue
        out.append(paragraph[start : m.start()].strip())
        start = m.end()
    out.append(paragraph[start:].strip())
    return [s for s in out if s]


def _page_subject(candidates: Iterable[str]) -> str:
    """The model named first in the page's h1 / title / metadata, else the first candidate as it stands."""
    texts = [c for c in candidates if c]
    for text in texts:
        models = [m for m in _mentions(text) if m.is_model]
        if models:
            return models[0].name
    return texts[0] if texts else ""


# Page parts that are never evidence: site banners, navigation, footers, cookie / newsletter / promo boxes.
_CHROME_TAGS = {"header", "nav", "footer"}
_CHROME_ROLES = {"banner", "navigation", "contentinfo", "search"}
# class / id words of chrome, matched against the parts of a class ("cookie-banner" -> "cookie")
_CHROME_WORDS = {
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "cta",
    "newsletter",
    "subscribe",
    "subscription",
    "signup",
    "promo",
    "advert",
    "advertisement",
    "sponsor",
    "sponsored",
    "breadcrumb",
    "breadcrumbs",
    "navbar",
    "masthead",
    "popup",
    "modal",
    "banner",
    "skiplink",
    "paywall",
}
# ... and whole class names only: "market-share" is content, "share" / "social-share" are buttons
_CHROME_CLASSES = {"share", "sharing", "social", "share-buttons", "social-share", "social-links", "sharebar"}
# the page's frame keeps its content whatever its classes say (<body class="cookie-consent-open">)
_NEVER_CHROME = {"html", "body", "main", "article"}
_DROP_TAGS = {
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "head",
    "meta",
    "link",
}
_BLOCK_TAGS = {
    "p",
    "div",
    "section",
    "article",
    "main",
    "li",
    "ul",
    "ol",
    "blockquote",
    "figcaption",
    "figure",
    "pre",
    "dd",
    "dt",
    "aside",
    "details",
    "summary",
    "address",
    "body",
    "html",
    "center",
    "tr",
    "td",
    "th",
    "caption",
    "hr",
}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_LABEL_CLASSES = {"label", "name", "title", "key", "term", "caption", "heading"}
_VALUE_CLASSES = {"value", "number", "figure", "amount", "score", "num", "stat-value", "metric-value", "data"}


def _class_names(el: Tag) -> set[str]:
    names: set[str] = set()
    for attr in ("class", "id"):
        value = el.get(attr)
        items = value if isinstance(value, list) else [value] if isinstance(value, str) else []
        names.update(item.lower() for item in items)
    return names


def _class_words(el: Tag) -> set[str]:
    """Class and id names of ``el`` with their parts ("stat-value" -> "stat-value", "stat", "value")."""
    names = _class_names(el)
    return names | {w for name in names for w in re.split(r"[-_\s]+", name) if w}


def _is_chrome(el: Tag) -> bool:
    if el.name in _CHROME_TAGS:
        return True
    if el.name in _NEVER_CHROME:
        return False
    role = el.get("role")
    if isinstance(role, str) and role.lower() in _CHROME_ROLES:
        return True
    if el.has_attr("hidden") or re.search(r"display\s*:\s*none", str(el.get("style") or "")):
        return True
    return bool(_class_words(el) & _CHROME_WORDS or _class_names(el) & _CHROME_CLASSES)


def _text(el: Tag | NavigableString) -> str:
    return _squash(el.get_text(" ") if isinstance(el, Tag) else str(el))


class _HtmlWalker:
    """Walks the page body in document order, keeping the current heading as context."""

    def __init__(self, title: str) -> None:
        self.headings: dict[int, str] = {}
        self.title = title
        self.paragraphs: list[tuple[str, str]] = []
        self.tables: list[Table] = []
        self.definitions: list[tuple[str, str, str]] = []
        self.labels: list[tuple[str, str]] = []
        self.buffer: list[str] = []

    @property
    def context(self) -> str:
        """The heading path the walker stands under ("Benchmarks › Coding"), h1 only when alone."""
        levels = sorted(self.headings)
        below_h1 = [self.headings[lv] for lv in levels if lv > 1]
        if below_h1:
            return " › ".join(below_h1)
        return self.headings.get(1, self.title)

    def flush(self) -> None:
        text = _squash("".join(self.buffer))
        self.buffer = []
        if text and re.search(r"\w", text):
            self.paragraphs.append((text, self.context))

    def heading(self, el: Tag) -> None:
        level = int(el.name[1])
        self.headings = {lv: t for lv, t in self.headings.items() if lv < level}
        self.headings[level] = _text(el)

    def walk(self, node: Tag | NavigableString) -> None:
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            self.buffer.append(str(node))
            return
        name = node.name
        if name in _DROP_TAGS:
            return
        if _is_chrome(node):
            # chrome gives no evidence, but a heading inside it (an article's <header>) is still context
            self.flush()
            for h in node.find_all(list(_HEADINGS)):
                self.heading(h)
            return
        self._attribute_labels(node)
        if name in _HEADINGS:
            self.flush()
            self.heading(node)
            return
        if name == "br":
            self.flush()
            return
        if name == "table":
            self.flush()
            table = _html_table(node, self.context)
            if table is not None:
                self.tables.append(table)
            return
        if name == "dl":
            self.flush()
            self._definition_list(node)
            return
        if name == "svg":
            self.flush()
            self._svg(node)
            return
        if name == "img":
            alt = _squash(str(node.get("alt") or ""))
            if re.search(r"\d", alt):
                self.labels.append((alt, self.context))
            return
        if name == "figcaption":
            self.flush()
            caption = _text(node)
            if re.search(r"\d", caption):
                self.labels.append((caption, self.context))
            return
        if self._stat(node):
            self.flush()
            return
        block = name in _BLOCK_TAGS
        if block:
            self.flush()
        for child in list(node.children):
            if isinstance(child, (Tag, NavigableString)):
                self.walk(child)
        if block:
            self.flush()

    def _attribute_labels(self, el: Tag) -> None:
        aria = _squash(str(el.get("aria-label") or ""))
        if aria and re.search(r"\d", aria) and el.name != "svg":
            self.labels.append((aria, self.context))
        value = el.get("data-value")
        if isinstance(value, str) and value.strip():
            names = [str(el.get(a)) for a in ("data-label", "data-name", "data-series", "title") if el.get(a)]
            label = names[0] if names else _text(el)
            unit = str(el.get("data-unit") or "")
            if label and label.strip() != value.strip():
                self.labels.append((f"{_squash(label)}: {value.strip()}{unit}", self.context))

    def _definition_list(self, dl: Tag) -> None:
        terms: list[str] = []
        after_value = False
        for el in dl.find_all(["dt", "dd"]):
            if el.name == "dt":
                if after_value:  # a new group; several <dt> in a row name one value together
                    terms, after_value = [], False
                terms.append(_text(el))
            elif terms:
                self.definitions.append((" ".join(terms), _text(el), self.context))
                after_value = True

    def _stat(self, el: Tag) -> bool:
        """A label/value block (``<span class="label">`` next to ``<span class="value">``): a definition."""
        children = [c for c in el.children if isinstance(c, Tag)]
        if len(children) < 2 or len(children) > 6:
            return False
        label = next((c for c in children if _class_words(c) & _LABEL_CLASSES), None)
        value = next((c for c in children if c is not label and _class_words(c) & _VALUE_CLASSES), None)
        if label is None or value is None or any(c.find(["p", "div", "table"]) for c in children):
            return False
        # joined without separators: "93" + "/100" is "93/100"
        rest = _squash(
            "".join(
                c.get_text() if isinstance(c, Tag) else str(c)
                for c in el.children
                if c is not label and not isinstance(c, Comment)
            )
        )
        if len(rest) > 80 or len(_text(label)) > 80:
            return False  # a card of prose, not a figure with its label
        self.definitions.append((_text(label), rest, self.context))
        return True

    def _svg(self, svg: Tag) -> None:
        title = svg.find("title", recursive=False)
        figure = svg.find_parent("figure")
        caption = figure.find("figcaption") if figure else None
        parts = [
            _text(title) if title else "",
            _squash(str(svg.get("aria-label") or "")),
            _text(caption) if caption else "",
            self.context,
        ]
        context = " · ".join(dict.fromkeys(p for p in parts if p))
        for el in svg.find_all(True):
            if el.name == "title" and el is not title and re.search(r"\d", _text(el)):
                self.labels.append((_text(el), context))
            elif el.name != "text":
                self._attribute_labels(el)
        for label in _pair_svg_texts(svg):
            self.labels.append((label, context))


@dataclass
class _SvgText:
    text: str
    x: float | None
    y: float | None
    group: Tag | None
    numeric: bool
    used: bool = False


_AXIS_CLASSES = {"axis", "tick", "ticks", "grid", "legend"}


def _pair_svg_texts(svg: Tag) -> list[str]:
    """Chart labels "name: value" from an SVG's <text> elements: a number is paired with the name in its
    <g> group, else with the name on the same row (y) or column (x), else with the name just before it."""
    items: list[_SvgText] = []
    for el in svg.find_all("text"):
        if any(_class_words(p) & _AXIS_CLASSES for p in [el, *el.parents] if isinstance(p, Tag)):
            continue  # axis ticks and legends are no data
        text = _text(el)
        if text:
            numeric = bool(re.fullmatch(r"[^A-Za-z]*\d[^A-Za-z]*", text))
            items.append(_SvgText(text, _num_attr(el, "x"), _num_attr(el, "y"), el.find_parent("g"), numeric))
    labels = []
    names = [i for i in items if not i.numeric]
    for item in names:
        joined = re.fullmatch(r"(.*[A-Za-z)].*?)\s+([$#~]?\d[\d.,]*\s*(?:%|x|pts|points))", item.text)
        if re.search(r"[:=]\s*\S*\d", item.text) or joined:
            # already "name: value", or name and value in one <text> ("GPT-5.5 74.0%")
            labels.append(f"{joined.group(1)}: {joined.group(2)}" if joined else item.text)
            item.used = True
    for position, num in enumerate(items):
        if not num.numeric:
            continue
        free = [n for n in names if not n.used]
        group = [n for n in free if num.group is not None and n.group is num.group]
        partner = group[0] if len(group) == 1 else None
        for axis, other in (("y", "x"), ("x", "y")):
            mine = getattr(num, axis)
            if partner is None and mine is not None:
                aligned = [
                    n for n in free if getattr(n, axis) is not None and abs(getattr(n, axis) - mine) <= 3
                ]
                there = getattr(num, other) or 0
                if aligned:
                    partner = min(aligned, key=lambda n: abs((getattr(n, other) or 0) - there))
        if partner is None and position and not items[position - 1].numeric and not items[position - 1].used:
            partner = items[position - 1]
        if partner is not None:
            partner.used = True
            labels.append(f"{partner.text}: {num.text}")
    return labels


def _num_attr(el: Tag, name: str) -> float | None:
    m = re.match(r"\s*(-?\d+(?:\.\d+)?)", str(el.get(name) or ""))
    return float(m.group(1)) if m else None


def _cells(row: Tag) -> list[str]:
    cells = []
    for cell in row.find_all(["td", "th"], recursive=False):
        span = cell.get("colspan")
        n = int(span) if isinstance(span, str) and span.isdigit() else 1
        cells.extend([_text(cell)] * max(1, min(n, 20)))
    return cells


def _html_table(table: Tag, context: str) -> Table | None:
    trs = table.select(":scope > tr, :scope > thead > tr, :scope > tbody > tr, :scope > tfoot > tr")
    head_rows: list[list[str]] = []
    body: list[list[str]] = []
    for tr in trs:
        cells = _cells(tr)
        if not cells:
            continue
        in_head = tr.parent is not None and tr.parent.name == "thead"
        all_th = all(c.name == "th" for c in tr.find_all(["td", "th"], recursive=False))
        if not body and (in_head or (all_th and len(cells) > 1)):
            head_rows.append(cells)
        else:
            body.append(cells)
    if (
        not head_rows
        and len(body) > 1
        and not any(_has_number(c) for c in body[0][1:])
        and any(_has_number(c) for row in body[1:] for c in row[1:])
    ):
        head_rows.append(body.pop(0))  # a first row of names over rows of numbers is the header
    width = max((len(r) for r in head_rows + body), default=0)
    header = (
        [" ".join(dict.fromkeys(r[i] for r in head_rows if i < len(r) and r[i])) for i in range(width)]
        if head_rows
        else []
    )
    caption_el = table.find("caption")
    caption = _text(caption_el) if caption_el else ""
    return Table(header=header, rows=body, caption=caption, context=context) if body else None


def _has_number(text: str) -> bool:
    return bool(re.search(r"\d", text))


def _read_html(body: bytes, ctype: str, url: str) -> SourceText:
    m = re.search(r"charset=([\w-]+)", ctype)
    soup = BeautifulSoup(body, "lxml", from_encoding=m.group(1) if m else None)
    jsonld: list[dict[str, Any]] = []
    for script in soup.find_all("script", type=re.compile("ld\\+json", re.I)):
        try:
            data = json.loads(script.string or script.get_text() or "")
        except ValueError:
            continue
        if isinstance(data, dict):
            data = data.get("@graph", [data])
        nodes = data if isinstance(data, list) else []
        jsonld.extend(n for n in nodes if isinstance(n, dict))
    title_el = soup.find("title")
    title = _text(title_el) if title_el else ""
    og = soup.find("meta", attrs={"property": "og:title"})
    h1 = soup.find("h1")
    names = [str(n.get("name")) for n in jsonld if isinstance(n.get("name"), str)]
    og_title = str(og.get("content") or "") if og else ""
    subject = _page_subject([_text(h1) if h1 else "", og_title, title, *names])
    root = soup.body or soup
    main = root.find("main") or (root.find_all("article")[0] if len(root.find_all("article")) == 1 else None)
    if isinstance(main, Tag) and len(_text(main)) >= 0.3 * len(_text(root)):
        root = main
    walker = _HtmlWalker(_text(h1) if h1 else title)
    walker.walk(root)
    walker.flush()
    sentences = [(s, ctx) for text, ctx in walker.paragraphs for s in split_sentences(text)]
    return SourceText(
        url=url,
        title=title or (_text(h1) if h1 else ""),
        text="\n\n".join(t for t, _ in walker.paragraphs),
        sentences=sentences,
        tables=walker.tables,
        definitions=walker.definitions,
        labels=walker.labels,
        jsonld=jsonld,
        subject=subject,
    )


def _lines_to_blocks(lines: list[str], title: str) -> tuple[list[tuple[str, str]], list[Table]]:
    """Paragraphs (with the heading above them) and simple tables from the lines of a PDF or text file."""
    paragraphs: list[tuple[str, str]] = []
    tables: list[Table] = []
    heading = title
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append((_squash(" ".join(current)), heading))
            current.clear()

    i = 0
    while i < len(lines):
        line = _squash(lines[i])
        nxt = next((_squash(x) for x in lines[i + 1 :] if x.strip()), "")
        prev = _squash(lines[i - 1]) if i else ""
        if not line:
            flush()
            i += 1
            continue
        table, used = _column_table(lines, i, heading)
        if table is None:
            table, used = _line_table(lines, i, heading)
        if table is not None:
            flush()
            tables.append(table)
            i += used
            continue
        # a heading: a short title-like line that starts a block, followed by text that starts anew
        starts_block = not prev or prev[-1] in ".!?:" or _is_row_line(prev)
        if _is_heading_line(line) and nxt and not nxt[0].islower() and starts_block:
            flush()
            heading = line
        elif _is_row_line(line):
            flush()
            paragraphs.append((line, heading))
        else:
            current.append(line)
            if re.search(r"[.!?][\"”’)]?$", line) and len(line) < 60:
                flush()  # a short line ending a sentence ends its paragraph
        i += 1
    flush()
    return paragraphs, tables


def _is_heading_line(line: str) -> bool:
    words = line.split()
    return (
        len(line) <= 80
        and len(words) <= 10
        and not re.search(r"[.,;:!?%$]$", line)
        and (line[0].isupper() or bool(re.match(r"\d+(?:\.\d+)*\.?\s+[A-Z]", line)))
        and not re.search(r"\d+(?:\.\d+)?\s*%|\$\s*\d", line)
    )


def _is_row_line(line: str) -> bool:
    """A short line ending in figures, like a table row printed as text ("Terminal-Bench 2.0   82.7%")."""
    return (
        len(line.split()) <= 12
        and not re.search(r"[.!?]$", line)
        and bool(re.search(r"\d(?:[\d.,]*)\s*(?:%|x|/\d+)?\s*$", line))
        and bool(re.search(r"[A-Za-z]", line))
    )


def _columns(line: str) -> list[str]:
    return [c for c in re.split(r"\s{3,}|\t", line.strip()) if c]


def _column_table(lines: list[str], i: int, heading: str) -> tuple[Table | None, int]:
    """Lines laid out in columns (cells apart by 3+ spaces, as pypdf's layout mode prints a table), the
    first of them the header: at least two rows of the same width, with figures below the header."""
    width = len(_columns(lines[i]))
    if width < 2 or any(len(c) > 60 for c in _columns(lines[i])):
        return None, 0
    j = i + 1
    while j < len(lines) and len(cells := _columns(lines[j])) == width and all(len(c) <= 60 for c in cells):
        j += 1
    rows = [_columns(line) for line in lines[i + 1 : j]]
    if len(rows) < 1 or not all(any(_has_number(c) for c in row[1:]) for row in rows):
        return None, 0
    return Table(header=_columns(lines[i]), rows=rows, context=heading), j - i


def _line_table(lines: list[str], i: int, heading: str) -> tuple[Table | None, int]:
    """A header line naming several models, then rows "label v1 v2 ...": a table with models as columns."""
    header_line = _squash(lines[i])
    models = [m for m in _mentions(header_line) if m.is_model]
    if len(models) < 2 or sum(m.end - m.start for m in models) < 0.5 * len(header_line.replace(" ", "")):
        return None, 0
    rows: list[list[str]] = []
    j = i + 1
    while j < len(lines):
        line = _squash(lines[j])
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


def _read_pdf(body: bytes, url: str) -> SourceText:
    from pypdf import PdfReader

    lines: list[str] = []
    title = ""
    try:
        reader = PdfReader(io.BytesIO(body))
        meta = reader.metadata
        title = str(meta.title) if meta is not None and meta.title else ""
        for page in reader.pages:
            try:  # the layout mode keeps a table's columns apart
                text = page.extract_text(extraction_mode="layout")
            except Exception:  # noqa: BLE001 - fall back to the plain text of odd pages
                text = page.extract_text()
            lines.extend((text or "").splitlines())
            lines.append("")
    except Exception:  # noqa: BLE001 - a broken PDF is a document without text, not a crash of the stage
        lines = []
    first = next((_squash(x) for x in lines if _squash(x)), "")
    title = title or first
    paragraphs, tables = _lines_to_blocks(lines, title)
    sentences = [(s, ctx) for text, ctx in paragraphs for s in split_sentences(text)]
    return SourceText(
        url=url,
        title=title,
        text="\n\n".join(p for p, _ in paragraphs),
        sentences=sentences,
        tables=tables,
        is_pdf=True,
        subject=_page_subject([title, first]),
    )


def _read_plain(text: str, url: str) -> SourceText:
    lines = text.splitlines()
    first = next((_squash(x) for x in lines if _squash(x)), "")
    paragraphs, tables = _lines_to_blocks(lines, first)
    sentences = [(s, ctx) for para, ctx in paragraphs for s in split_sentences(para)]
    return SourceText(
        url=url,
        title=first,
        text="\n\n".join(p for p, _ in paragraphs),
        sentences=sentences,
        tables=tables,
        subject=_page_subject([first]),
    )


def _read_json(data: Any, url: str) -> SourceText:
    """JSON-LD is kept as such; other JSON becomes tables (lists of records) and definitions (key paths)."""
    nodes = data if isinstance(data, list) else [data]
    if nodes and all(isinstance(n, dict) and {"@context", "@type", "@graph"} & set(n) for n in nodes):
        flat = [g for n in nodes for g in (n.get("@graph") or [n]) if isinstance(g, dict)]
        names = [str(n.get("name")) for n in flat if isinstance(n.get("name"), str)]
        return SourceText(
            url=url, title=names[0] if names else "", text="", jsonld=flat, subject=_page_subject(names)
        )
    doc = SourceText(url=url, title="", text="")
    if isinstance(data, dict):
        for key in ("title", "name", "model", "model_name"):
            if isinstance(data.get(key), str):
                doc.title = data[key]
                break
    doc.subject = _page_subject([doc.title])
    _json_walk(data, [], doc)
    return doc


def _json_walk(data: Any, path: list[str], doc: SourceText) -> None:
    if isinstance(data, list) and data and all(isinstance(r, dict) for r in data):
        keys = list(dict.fromkeys(k for r in data for k, v in r.items() if not isinstance(v, (dict, list))))
        rows = [[_json_scalar(r.get(k)) for k in keys] for r in data]
        if keys:
            header = [str(k).replace("_", " ") for k in keys]
            doc.tables.append(Table(header=header, rows=rows, context=" ".join(path) or doc.title))
        return
    if isinstance(data, dict):
        context = " ".join(path) or doc.title
        for key, value in data.items():
            term = str(key).replace("_", " ")
            if isinstance(value, (dict, list)):
                _json_walk(value, [*path, str(key)], doc)
            elif isinstance(value, (int, float)) and not isinstance(value, bool):
                doc.definitions.append((term, _json_scalar(value), context))
            elif isinstance(value, str) and re.search(r"\d", value):
                doc.definitions.append((term, value, context))
    elif isinstance(data, list):
        for item in data:
            _json_walk(item, path, doc)


def _json_scalar(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) >= 1000 else str(value)
    return str(value)


# --------------------------------------------------------------------------------------------------
# Facts


def extract_facts(doc: SourceText, subjects: Iterable[str] = ()) -> list[Fact]:
    """Every figure of ``doc`` as a ``Fact``; ``subjects`` are names worth recognising (claims' subjects).

    A fact's ``quantity`` offsets index into its ``quote``.
    """
    known = [s for s in subjects if s]
    # A page subject guessed from a first line can be a whole sentence (PDFs): only a name-sized one
    # without figures in it is worth recognising, else its own numbers would pass for part of a name.
    if doc.subject and not _mentions(doc.subject) and _name_sized(doc.subject):
        known.append(doc.subject)
    facts: list[Fact] = []
    for table in doc.tables:
        facts += _table_facts(table, doc, known)
    for term, value, context in doc.definitions:
        facts += _definition_facts(term, value, context, doc, known)
    for label, context in doc.labels:
        facts += _label_facts(label, context, doc, known)
    for node in doc.jsonld:
        facts += _jsonld_facts(node, doc, doc.subject)
    location = "pdf" if doc.is_pdf else "sentence"
    for sentence, context in doc.sentences:
        facts += _sentence_facts(sentence, context, doc, known, location)
    seen: set[tuple[Any, ...]] = set()
    unique = []
    for f in facts:
        key = (f.subject, f.metric, f.quantity.value, f.quantity.low, f.quantity.unit, f.quote, f.location)
        if key not in seen:
            seen.add(key)
            unique.append(f)
    return unique


def _name_sized(text: str) -> bool:
    return len(text.split()) <= 6 and not find_quantities(text, include_dates=False)


def _section_subject(context: str, doc: SourceText) -> str:
    """The model a section is about when its heading names just that one ("GPT-5.4"), else the page's."""
    for part in reversed(re.split(r" › | · ", context)):
        models = [m for m in _mentions(part) if m.is_model]
        if len(models) == 1 and _looks_like_model(part):
            return models[0].name
    return doc.subject


def _cell_quantities(text: str, offset: int, unit_hint: str | None) -> list[Quantity]:
    out = []
    for q in find_quantities(text, include_dates=True):
        if unit_hint and (q.unit in ("", "count") or (q.unit and unit_hint.startswith(q.unit + " "))):
            q = replace(q, unit=unit_hint)
        out.append(replace(q, start=q.start + offset, end=q.end + offset))
    return out


_CURRENCIES = (("$", "USD"), ("usd", "USD"), ("€", "EUR"), ("eur", "EUR"), ("£", "GBP"), ("gbp", "GBP"))


def _unit_hint(label: str) -> str | None:
    """The unit a column header or caption gives its cells: "Input ($/1M tokens)" -> "USD per 1M tokens"."""
    low = label.lower()
    currency = next(
        (
            code
            for sign, code in _CURRENCIES
            if (sign in low if not sign.isalpha() else re.search(rf"\b{sign}\b", low))
        ),
        None,
    )
    per_million = re.search(r"(?:/|\bper\b)\s*(?:1\s*m\b|1\s*million|million|mtok|m\s+tokens)", low)
    if currency:
        return f"{currency} per 1M tokens" if per_million else currency
    if re.search(r"%|\bpercent(?:age)?\b", low) and "percentage point" not in low:
        return "%"
    if re.search(r"\brank(?:ing)?\b|^#$|\bposition\b", low):
        return "rank"
    if re.search(r"\btokens?\s*(?:/|per)\s*s", low):
        return "tokens per second"
    if re.search(r"\btokens\b", low):
        return "tokens"
    return None


_SUBJECT_HEADERS = re.compile(
    r"^(?:model|models|model name|name|llm|system|ai model|provider|company|"
    r"organi[sz]ation|vendor|lab|creator|developer|brand|product)s?$",
    re.I,
)
_RANK_HEADERS = re.compile(r"^(?:#|no\.?|rank(?:ing)?|pos(?:ition)?\.?|place)$", re.I)
_ORG_HEADERS = re.compile(r"^(?:provider|company|organi[sz]ation|vendor|lab|creator|developer|host)s?$", re.I)


def _is_subject_label(label: str, known: list[str]) -> bool:
    return _looks_like_model(label) or any(same_subject(label, k) for k in known)


def _share(labels: list[str], test: Any) -> float:
    labels = [lb for lb in labels if lb]
    return sum(1 for lb in labels if test(lb)) / len(labels) if labels else 0.0


def _table_facts(table: Table, doc: SourceText, known: list[str]) -> list[Fact]:
    context = " · ".join(dict.fromkeys(p for p in (table.caption, table.context) if p))
    table_unit = _unit_hint(table.caption) if table.caption else None
    header = table.header
    width = max(len(header), *(len(r) for r in table.rows))
    header = header + [""] * (width - len(header))
    named = [i for i, h in enumerate(header) if _SUBJECT_HEADERS.match(h) and not _ORG_HEADERS.match(h)]
    label_col = named[0] if named else None
    if label_col is None:
        label_col = next((i for i, h in enumerate(header) if _SUBJECT_HEADERS.match(h)), 0)
    row_labels = [r[label_col] if label_col < len(r) else "" for r in table.rows]
    col_labels = [h for i, h in enumerate(header) if i != label_col]
    rows_subj = _share(row_labels, lambda lb: _is_subject_label(lb, known))
    cols_subj = _share(col_labels, lambda lb: _is_subject_label(lb, known))
    facts: list[Fact] = []
    if cols_subj >= 0.5 and cols_subj > rows_subj:
        # models across, metrics down: every cell is (row metric, column model)
        for row in table.rows:
            metric = row[0] if row else ""
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
                        _unit_hint(metric) or table_unit,
                        doc,
                    )
        return facts
    section = _section_subject(table.context, doc)
    page_model = _looks_like_model(section) or any(same_subject(section, k) for k in known)
    label_header = header[label_col]
    rows_are_orgs = bool(_ORG_HEADERS.match(label_header)) or _share(row_labels, _looks_like_org) > 0.5
    if (
        rows_subj > 0.5
        or bool(_SUBJECT_HEADERS.match(label_header) and not rows_are_orgs)
        or (rows_are_orgs and not page_model)
    ):
        mode = "rows"  # one subject per row, metrics across
    else:
        mode = "page"  # rows are metrics (or providers) of the page's subject
    for row in table.rows:
        label = row[label_col] if label_col < len(row) else ""
        for i, cell in enumerate(row):
            if i == label_col or not cell or not label:
                continue
            column = header[i] if i < len(header) else ""
            unit = _unit_hint(column) or table_unit
            if _RANK_HEADERS.match(column.strip()):
                metric = "rank"
                unit = "rank"
            elif mode == "rows" or rows_are_orgs:
                metric = column or context
            else:
                generic_column = not column or _SUBJECT_HEADERS.match(column)
                metric = label if generic_column else f"{label} {column}"
            subject = label if mode == "rows" else section
            facts += _cell_facts(subject or None, metric, label, column, cell, context, unit, doc)
    return facts


def _cell_facts(
    subject: str | None,
    metric: str,
    row: str,
    column: str,
    cell: str,
    context: str,
    unit: str | None,
    doc: SourceText,
) -> list[Fact]:
    prefix = f"{row} | {column}: " if column else f"{row}: "
    return [
        Fact(
            subject=subject,
            metric=metric,
            quantity=q,
            quote=prefix + cell,
            location="table",
            context=context,
            url=doc.url,
        )
        for q in _cell_quantities(cell, len(prefix), unit)
    ]


def _definition_facts(term: str, value: str, context: str, doc: SourceText, known: list[str]) -> list[Fact]:
    if not term or not value:
        return []
    glued = re.match(r"[\d#$€£/]", value) and not term.endswith(":")
    quote = f"{term} {value}" if glued else f"{term}: {value}"
    offset = len(quote) - len(value)
    subject = term if _is_subject_label(term, known) else _section_subject(context, doc) or None
    metric = context if subject == term else term
    unit = _unit_hint(term)
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
        for q in _cell_quantities(value, offset, unit)
    ]


def _label_facts(label: str, context: str, doc: SourceText, known: list[str]) -> list[Fact]:
    """Chart labels: "GPT-5.5: 74.0%" (several may be joined by ';' or ','); sentences go the prose way."""
    parts = [p for p in re.split(r"\s*[;|]\s*|,\s+(?=[^,\d]*[:=])", label) if p.strip()]
    if not all(re.search(r"[:=]\s*[^\s:=]*\d", p) for p in parts):
        return _sentence_facts(label, context, doc, known, "chart")
    unit = _unit_hint(context)
    facts = []
    offset = 0
    for part in parts:
        offset = label.find(part, offset)
        m = re.search(r"[:=]\s*", part)
        assert m is not None
        name = part[: m.start()].strip()
        value = part[m.end() :]
        if not name:
            continue
        is_subject = _is_subject_label(name, known) or _looks_like_org(name)
        subject = name if is_subject else _section_subject(context, doc) or None
        metric = context if is_subject else f"{name} {context}".strip()
        for q in _cell_quantities(value, offset + m.end(), unit if unit != "rank" else None):
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
        subject = name if _mentions(name) or not subject else subject
    own_subject = about_name or subject
    measured = node.get("measuredProperty") or node.get("variableMeasured") or node.get("propertyID")
    if isinstance(measured, dict):
        measured = measured.get("name")
    if not isinstance(measured, str):
        measured = None  # a list of PropertyValue nodes: each is read on its own
    own_name = name if not type_names & {"Product", "Dataset"} else None
    metric = " ".join(str(x) for x in (measured, own_name) if x)
    for key in _JSONLD_VALUE_KEYS:
        value = node.get(key)
        if (
            isinstance(value, (int, float))
            and not isinstance(value, bool)
            or (isinstance(value, str) and re.fullmatch(r"\s*[\d.,]+\s*%?\s*", value))
        ):
            unit = str(node.get("unitText") or node.get("unitCode") or node.get("priceCurrency") or "")
            best = node.get("bestRating")
            text = _jsonld_value_text(value, unit, best)
            label = metric or ("price" if "rice" in key else "rating" if "rating" in key else key)
            quote = f"{own_subject} | {label}: {text}" if own_subject else f"{label}: {text}"
            offset = len(quote) - len(text)
            for q in _cell_quantities(text, offset, None):
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
    number = _json_scalar(value).strip()
    if unit.upper() in ("USD", "$"):
        return f"${number}"
    if unit in ("%", "P1", "percent"):
        return number if number.endswith("%") else f"{number}%"
    if best:
        return f"{number}/{_json_scalar(best)}"
    return f"{number} {unit}".strip()


# Numbers that are part of a name rather than a figure: "GPT-5.5", "Terminal-Bench 2.0", "version 4".
_NAME_WORD_BEFORE = re.compile(
    r"(?:\b(?:version|v|tier|tiers|level|phase|step|chapter|section|page|figure|"
    r"fig|table|gen|generation|series|no|number)\.?\s*)$",
    re.I,
)
_CLAUSE_BREAK = re.compile(
    r"[,;:()\[\]—]| – | - |\b(?:and|but|while|whereas|although|though|because|once|"
    r"when|whereby|which|unless|until)\b",
    re.I,
)
# Words that say how a figure compares, not what it measures: a clause of only these borrows its metric.
_COMPARISON_WORDS = {
    "up",
    "down",
    "from",
    "to",
    "compared",
    "versus",
    "vs",
    "against",
    "previous",
    "predecessor",
    "prior",
    "earlier",
    "than",
    "respectively",
    "ahead",
    "behind",
    "same",
    "also",
    "further",
    "another",
    "just",
    "only",
    "roughly",
    "around",
    "about",
    "nearly",
    "almost",
    "over",
    "under",
    "while",
    "whereas",
    "and",
    "but",
    "more",
    "less",
    "rose",
    "fell",
    "rise",
    "fall",
    "grew",
}


def _is_name_number(sentence: str, q: Quantity, mentions: list[_Mention]) -> bool:
    if any(m.start < q.end and q.start < m.end for m in mentions):
        return True
    before = sentence[: q.start]
    if before[-1:].isalpha() or (before[-1:] in "-." and before[-2:-1].isalnum()):
        return True  # glued to a word: "Qwen3.7", "GPT-5.5", "v2"
    after = sentence[q.end : q.end + 1]
    if after.isalpha() and q.unit in ("", "count") and not q.text[-1:].isalpha():
        return True
    if _NAME_WORD_BEFORE.search(before) and q.unit in ("", "count"):
        return True
    # a bare decimal straight after a capitalised name: "Terminal-Bench 2.0", "Index v4.0"
    return q.unit in ("", "count") and "." in q.text and bool(re.search(r"\b[A-Z][\w-]*\s$", before))


def _clauses(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    cuts = [0]
    for m in _CLAUSE_BREAK.finditer(sentence):
        if not any(s <= m.start() < e for s, e in spans):
            cuts += [m.start(), m.end()]
    cuts.append(len(sentence))
    pairs = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return [(s, e) for s, e in pairs if e > s] or [(0, len(sentence))]


def _content_words(text: str) -> list[str]:
    return [
        w
        for w in re.findall(r"[A-Za-z][A-Za-z-]*", text)
        if w.lower() not in _STOP_WORDS and w.lower() not in _COMPARISON_WORDS
    ]


def _strip_spans(text: str, offset: int, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for s, e in spans:
        for k in range(max(s - offset, 0), min(e - offset, len(chars))):
            chars[k] = " "
    return _squash("".join(chars))


def _sentence_facts(
    sentence: str, context: str, doc: SourceText, known: list[str], location: str
) -> list[Fact]:
    mentions = _mentions(sentence, known)
    quantities = [
        q for q in find_quantities(sentence, include_dates=True) if not _is_name_number(sentence, q, mentions)
    ]
    if not quantities:
        return []
    spans = [(q.start, q.end) for q in quantities] + [(m.start, m.end) for m in mentions]
    clauses = _clauses(sentence, [(q.start, q.end) for q in quantities])
    facts = []
    for q in quantities:
        named = _subject_for(sentence, q, mentions, clauses)
        own = spans
        if named and not any(m.name == named for m in mentions):
            # a phrase named as the subject ("open-weight models (12%)") is not what is measured
            at = sentence.rfind(named, 0, q.start)
            own = [*spans, (at, at + len(named))] if at >= 0 else spans
        subject = named or _section_subject(context, doc) or None
        metric = _metric_for(sentence, q, clauses, own)
        facts.append(
            Fact(
                subject=subject,
                metric=metric,
                quantity=q,
                quote=sentence,
                location=location,
                context=context,
                url=doc.url,
            )
        )
    return facts


def _clause_of(pos: int, clauses: list[tuple[int, int]]) -> int:
    return next((i for i, (s, e) in enumerate(clauses) if s <= pos < e), len(clauses) - 1)


def _metric_for(
    sentence: str, q: Quantity, clauses: list[tuple[int, int]], spans: list[tuple[int, int]]
) -> str:
    """The words around the figure: its clause, or the nearest clause before it that says what is measured."""
    index = _clause_of(q.start, clauses)
    own = _strip_spans(sentence[clauses[index][0] : clauses[index][1]], clauses[index][0], spans)
    if any(_stem(w) not in _GENERIC for w in _content_words(own)):
        return own
    # only "score" or nothing said here: take in the nearest clause before (else after) that names the measure
    for i in list(range(index - 1, -1, -1)) + list(range(index + 1, len(clauses))):
        s, e = clauses[i]
        text = _strip_spans(sentence[s:e], s, spans)
        if any(_stem(w) not in _GENERIC for w in _content_words(text)):
            return f"{text} {own}".strip() if i < index else f"{own} {text}".strip()
    return own


def _subject_for(
    sentence: str, q: Quantity, mentions: list[_Mention], clauses: list[tuple[int, int]]
) -> str | None:
    """Who the figure is about: the name just before "(" of "Google (22%)", else the nearest name of its
    clause, else the nearest name before it in the sentence (models first), else the nearest after it."""
    # a maker's name in front of another name ("OpenAI MRCR v2") qualifies it; it is not who is measured
    mentions = [m for m in mentions if m.is_model or not re.match(r"\s+[A-Z][\w-]*", sentence[m.end :])]
    before = sentence[: q.start]
    if re.search(r"\(\s*$", before):
        lead = before.rstrip()[:-1].rstrip()
        named = [m for m in mentions if m.end <= len(lead) and not lead[m.end :].strip()]
        if named:
            return named[-1].name
        phrase = re.split(r"[,;:()]|\b(?:and|or|of|than|with|from|to|vs)\b", lead)[-1].strip()
        if _content_words(phrase):
            return phrase
    index = _clause_of(q.start, clauses)
    s, e = clauses[index]
    in_clause = [m for m in mentions if s <= m.start < e]
    for pool in ([m for m in in_clause if m.is_model], in_clause):
        if pool:
            return min(pool, key=lambda m: min(abs(m.end - q.start), abs(m.start - q.end))).name
    earlier = [m for m in mentions if m.end <= q.start]
    for pool in ([m for m in earlier if m.is_model], earlier):
        if pool:
            return pool[-1].name
    later = [m for m in mentions if m.start >= q.end]
    return later[0].name if later else None


# --------------------------------------------------------------------------------------------------
# Matching

_STOP_WORDS = {
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "by",
    "with",
    "as",
    "and",
    "or",
    "from",
    "its",
    "it",
    "their",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "this",
    "that",
    "these",
    "those",
    "than",
    "then",
    "now",
    "per",
    "vs",
    "versus",
    "into",
    "over",
    "under",
    "about",
    "up",
    "out",
    "which",
    "who",
    "whose",
    "what",
    "when",
    "where",
    "while",
    "also",
    "only",
    "just",
    "not",
    "no",
    "each",
    "all",
    "any",
    "some",
    "such",
    "our",
    "we",
    "they",
    "he",
    "she",
    "his",
    "her",
    "them",
    "can",
    "could",
    "will",
    "would",
    "may",
    "might",
    "should",
    "after",
    "before",
    "between",
    "among",
    "according",
    "based",
    "do",
    "does",
    "did",
    "so",
    "there",
    "here",
    "via",
    "within",
    "across",
    "if",
    "one",
    "more",
    "most",
    "very",
    "much",
    "many",
    "i",
    "you",
    "your",
    "my",
    "us",
    "let",
    "get",
    "got",
    "s",
    "new",
}


def _plain_stem(word: str) -> str:
    """A light suffix stripper, enough to meet "adoption"/"adopted", "scores"/"scored", "prices"/"pricing"."""
    w = word.lower().replace("isation", "ization").replace("ised", "ized")
    for suffix in ("ations", "ation", "ings", "ing", "ions", "ion", "ies", "ed", "es", "s", "e", "y"):
        if not w.endswith(suffix) or len(w) - len(suffix) < 3:
            continue
        if suffix == "s" and w[-2] in "sui":
            continue
        w = w[: -len(suffix)]
        if suffix in ("ing", "ed", "ings") and len(w) > 3 and w[-1] == w[-2] and w[-1] not in "lsz":
            w = w[:-1]
        break
    return w


_SYNONYMS = {
    _plain_stem(a): _plain_stem(b)
    for a, b in {
        "cost": "price",
        "fee": "price",
        "accuracy": "score",
        "place": "rank",
        "position": "rank",
        "ranking": "rank",
        "proportion": "share",
        "fraction": "share",
        "company": "organization",
        "enterprise": "organization",
        "business": "organization",
        "firm": "organization",
        "throughput": "speed",
        "pct": "percent",
    }.items()
}


def _stem(word: str) -> str:
    s = _plain_stem(word)
    return _SYNONYMS.get(s, s)


# Words that name the kind of figure rather than the thing measured: they count, but little.
_GENERIC = {
    _stem(w)
    for w in (
        "score",
        "result",
        "value",
        "rate",
        "share",
        "percentage",
        "percent",
        "number",
        "total",
        "level",
        "metric",
        "figure",
        "amount",
        "measure",
        "ratio",
        "market",
        "statistic",
        "stat",
        "data",
        "benchmark",
        "test",
        "evaluation",
        "eval",
        "point",
        "performance",
        "average",
        "mean",
    )
}
# Qualifiers that do not change what is measured ("Provisional score" is the site's score).
_QUALIFIERS = {
    _stem(w)
    for w in (
        "provisional",
        "overall",
        "headline",
        "composite",
        "verified",
        "official",
        "public",
        "current",
        "latest",
        "final",
        "reported",
        "estimated",
        "approximate",
        "new",
        "selected",
        "main",
        "key",
    )
}
_PRICE = _stem("price")


# Prepositions open a qualifier of the measure ("score at 1M-token context"): its words count half.
_PREPOSITIONS = {
    "at",
    "in",
    "on",
    "for",
    "with",
    "of",
    "from",
    "under",
    "over",
    "across",
    "among",
    "per",
    "by",
    "during",
    "within",
}
# What a fact's unit already says about its metric: a percentage is a share, a "#2" is a rank.
_UNIT_WORDS = {
    unit: {_stem(w) for w in words}
    for unit, words in {
        "%": ("share", "percentage", "percent"),
        "percentage points": ("point", "percentage"),
        "rank": ("rank",),
        "points": ("score", "point"),
    }.items()
}


@dataclass(frozen=True)
class _Token:
    raw: str  # as written, lower case ("terminal-bench")
    key: str  # stem ("scor"), compound of stems ("terminalbench"), or a number without "v" and trailing ".0"
    weight: float
    version_of: str | None = None  # the word a version number belongs to ("bench" for "Terminal-Bench 2.0")
    parts: tuple[str, ...] = ()  # stems of a hyphenated compound


def _tokens(text: str | None) -> list[_Token]:
    if not text:
        return []
    raw_words = re.findall(
        r"v?\d+(?:\.\d+)*[a-z]*|[a-z]+(?:-[a-z]+)*", text.lower().replace("–", " ").replace("—", " ")
    )
    out: list[_Token] = []
    previous = ""
    factor = 1.0
    for word in raw_words:
        if word in _PREPOSITIONS and out:
            factor = 0.5
        if re.fullmatch(r"v?\d+(?:\.\d+)*", word):
            number = re.sub(r"(?:\.0+)+$", "", word.lstrip("v"))
            named = previous and previous not in _STOP_WORDS and not previous[0].isdigit()
            owner = previous if named else None
            owner_key = _stem(owner.split("-")[-1]) if owner else None
            out.append(_Token(word, number, (1.0 if owner else 0.5) * factor, owner_key))
        elif word[0].isdigit():
            out.append(_Token(word, word, 0.5 * factor))
        elif word not in _STOP_WORDS:
            parts = tuple(_stem(p) for p in word.split("-"))
            key = "".join(parts) if len(parts) > 1 else parts[0]
            if key in _QUALIFIERS:
                previous = word
                continue
            weight = 0.3 if key in _GENERIC else 1.0
            out.append(_Token(word, key, weight * factor, parts=parts if len(parts) > 1 else ()))
        previous = word
    return out


def _keys(tokens: list[_Token]) -> set[str]:
    """Keys a claim word may match: stems, parts of compounds, adjacent words joined ("terminal bench")."""
    keys = {t.key for t in tokens}
    for t in tokens:
        keys.update(t.parts)
    pairs = zip(tokens, tokens[1:], strict=False)
    keys.update(a.key + b.key for a, b in pairs if a.raw.isalpha() and b.raw.isalpha())
    return keys


def _versions(tokens: list[_Token]) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for t in tokens:
        if t.version_of:
            found.setdefault(t.version_of, set()).add(t.key)
    return found


def _versions_conflict(claim: list[_Token], fact: list[_Token]) -> bool:
    """True when the same name carries different versions ("Terminal-Bench 1.0" vs "Terminal-Bench 2.0")."""
    fact_versions = _versions(fact)
    return any(
        name in fact_versions and not (numbers & fact_versions[name])
        for name, numbers in _versions(claim).items()
    )


def _site_words(url: str) -> set[str]:
    host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
    labels = host.split(".")[:-1] if "." in host else [host]
    words = set()
    for label in labels:
        words.add(label.replace("-", ""))
        words.update(p for p in label.split("-") if len(p) > 1)
    return words - {"com", "org", "net", "co", "blog", "docs", "en", "www", "cdn", "static", "assets"}


def _site_matched(tokens: list[_Token], site: set[str]) -> set[int]:
    """Indexes of claim tokens that name the page's own site ("BenchLM" on benchlm.ai, "Artificial Analysis"
    on artificialanalysis.ai): a metric named after its publisher is what that publisher's page states."""
    hits: set[int] = set()
    if not site:
        return hits
    raws = [t.raw.replace("-", "") for t in tokens]
    for i, raw in enumerate(raws):
        if not raw.isalpha():
            continue
        if raw in site or (len(raw) >= 5 and any(s.startswith(raw) for s in site)):
            hits.add(i)
        joined = raw
        for j in range(i + 1, min(i + 3, len(tokens))):
            joined += raws[j]
            if joined in site:
                hits.update(range(i, j + 1))
    return hits


def _metric_score(
    claim_metric: str | None,
    metric: str | None,
    context: str = "",
    quote: str = "",
    site: set[str] | None = None,
    labelled: bool = True,
    ignore: set[str] | None = None,
    implied: set[str] | None = None,
) -> float:
    """Share of the claim's metric words found near the fact (see the module docstring), times a penalty for
    words of the fact's own metric that the claim lacks (a sub-score: "Coding score" vs "score")."""
    ignore = ignore or set()
    site = site or set()
    claim = [t for t in _tokens(claim_metric) if t.key not in ignore]
    if not claim:
        return 0.0
    tight = _tokens(metric)
    context_tokens = _tokens(context)
    if _versions_conflict(claim, tight) or _versions_conflict(claim, context_tokens):
        return 0.0
    context_keys = _keys(context_tokens)
    quote_keys = _keys(_tokens(quote))
    site_hits = _site_matched(claim, site)
    # at least one word of the claim's metric must stand in the fact's label or heading: what the unit
    # implies ("%" is a share) or the site's name alone do not make a figure speak to this metric
    words = [(i, t) for i, t in enumerate(claim) if t.key[0].isalpha() and i not in site_hits]
    anchors = [t for _, t in words if t.key not in _GENERIC] or [t for _, t in words]
    near = _keys(tight) | context_keys
    if not anchors or not any(t.key in near for t in anchors):
        return 0.0
    tight_keys = _keys(tight) | (implied or set())
    got = 0.0
    for i, t in enumerate(claim):
        if t.key in tight_keys:
            got += t.weight
        elif t.key in context_keys:
            got += 0.85 * t.weight
        elif i in site_hits:
            got += 0.8 * t.weight
        elif t.key in quote_keys:
            got += 0.6 * t.weight
    coverage = got / sum(t.weight for t in claim)
    claim_keys = _keys(claim)
    extra = {
        t.key
        for t in tight
        if t.key not in _GENERIC
        and t.key[0].isalpha()
        and t.key not in claim_keys
        and not set(t.parts) & claim_keys
        and t.raw.replace("-", "") not in site
        and t.key not in ignore
        and t.raw not in _ORG_WORDS
    }  # a maker's name ("OpenAI MRCR v2") does not narrow the measure
    penalty = 1 - (0.12 * min(len(extra), 3) if labelled else 0.04 * min(len(extra), 5))
    return max(0.0, min(1.0, coverage * penalty))


def metric_match(claim_metric: str | None, fact_metric: str | None) -> float:
    """How well a fact's metric label names the claim's metric, 0..1.

    Words are compared after stop words are dropped and simple stemming; words naming the kind of figure
    ("score", "share") count little, qualifiers ("provisional", "overall") not at all, words after a
    preposition ("at 1M-token context") half; hyphenated names must match whole ("Terminal-Bench" is not
    "SWE-Bench"), and a version number of the same name must agree ("Terminal-Bench 2.0" never matches
    "Terminal-Bench 1.0").
    """
    if not claim_metric or not fact_metric:
        return 0.0
    return _metric_score(claim_metric, fact_metric)


_SCOREISH = re.compile(r"\b(?:score|index|rating|points?|elo|grade|mark)\b", re.I)


def _unit_factor(claim: Claim, q: Quantity) -> float:
    cu, fu = claim.unit or "", q.unit or ""
    factor = _unit_pair(cu, fu, bool(_SCOREISH.search(claim.metric or "")))
    if factor and claim.scale and q.scale and abs(claim.scale - q.scale) > 1e-9:
        factor *= 0.6
    return factor


def _unit_pair(cu: str, fu: str, scoreish: bool) -> float:
    bare = ("", "count")
    if cu == fu:
        return 1.0
    if "date" in (cu, fu):
        return 0.0  # a year is never evidence for a percentage, nor a percentage for a date
    if {cu, fu} == {"%", "percentage points"}:
        return 0.8
    if cu == "points":
        return {"": 1.0 if scoreish else 0.6, "count": 0.5, "percentage points": 0.8, "%": 0.5}.get(fu, 0.0)
    if fu == "points" and cu in ("", "%"):
        return 0.5
    if cu.split(" per ")[0] == fu.split(" per ")[0] and cu[:1].isupper() and fu[:1].isupper():
        return 0.7  # same currency, one side without "per 1M tokens"
    if cu in bare and fu in bare:
        return 0.9
    if cu in ("tokens", "count") and fu in (*bare, "tokens"):
        return 0.6
    if cu == "" and fu not in ("rank", "x"):
        return 0.4
    return 0.0


def _claim_subjects(subject: str) -> list[str]:
    parts = re.split(r"\s+(?:vs\.?|versus|compared (?:with|to)|against)\s+|\s*/\s*", subject)
    return [p.strip() for p in parts if p.strip()]


def _named_in(name: str, text: str) -> bool:
    key = _subject_key(name)
    if not key:
        return False
    return any(_subject_key(m.name) == key for m in _mentions(text, [name]))


def _words_in(phrase: str, text: str) -> bool:
    words = {_stem(w) for w in re.findall(r"[a-z]+", phrase.lower()) if w not in _STOP_WORDS}
    have = {_stem(w) for w in re.findall(r"[a-z]+", text.lower())}
    return bool(words) and words <= have


def _variant(name: str | None) -> str:
    m = re.search(r"\(([^)]*)\)", name or "")
    return m.group(1).strip().lower() if m else ""


def _subject_score(claim: Claim, fact: Fact) -> float:
    if not claim.subject:
        return 0.6
    parts = _claim_subjects(claim.subject)
    explicit = bool(fact.subject) and _named_in(fact.subject or "", fact.quote)
    for i, part in enumerate(parts):
        if same_subject(part, fact.subject):
            if _variant(part) and _variant(fact.subject) and _variant(part) != _variant(fact.subject):
                return 0.5  # "GPT-5.5 (high)" asked, "GPT-5.5 (medium)" found
            others = parts[:i] + parts[i + 1 :]
            if others and not any(_named_in(o, fact.quote) for o in others):
                return 0.7  # a comparison claim, but the passage speaks of one side only
            if explicit:
                return 1.0
            # the page's own subject: as good as named for a table or list on its page, less for prose
            return 0.9 if fact.location in ("sentence", "pdf") else 0.95
    if any(_looks_like_model(p) for p in parts):
        return 0.0  # another model's figure is never evidence
    if explicit:
        return 0.0  # the passage names someone else for this figure ("Google (22%)")
    # a claim about a group or an organisation ("organizations"): named in the passage, or around it?
    if any(_words_in(p, fact.quote) for p in parts):
        return 0.9
    if any(_words_in(p, f"{fact.context} {fact.metric or ''}") for p in parts):
        return 0.75
    if any(re.search(r"[A-Z\d]", p) for p in parts):
        # a proper name the passage does not mention: evidence only on that name's own site
        site = _site_words(fact.url)
        return 0.75 if any(re.sub(r"[^a-z0-9]", "", p.lower()) in site for p in parts) else 0.0
    return 0.4  # a group ("organizations") the figure may well be about without repeating it


def _distance(claim: Claim, q: Quantity) -> float:
    """How far the fact's figure is from the claim's, relatively: only used to order equally good facts."""
    want = claim.value if claim.value is not None else claim.low
    have = q.value if q.value is not None else q.low
    if want is None or have is None:
        return 1.0
    return abs(want - have) / max(abs(want), abs(have), 1e-9)


def find_evidence(claim: Claim, facts: list[Fact]) -> list[tuple[Fact, float]]:
    """The facts that speak to ``claim``, best first, each with its score in 0..1 (see the module docstring).

    Only facts scoring at least ``MIN_SCORE`` are returned. The score does not look at whether the figure
    agrees with the claim, so contradicting evidence ranks as high as supporting evidence; only among
    equally scored facts (a leaderboard listing several reasoning efforts of one model) the figure nearest
    the claim's comes first.
    """
    ignore = {t.key for p in _claim_subjects(claim.subject or "") for t in _tokens(p)}
    scored: list[tuple[Fact, float]] = []
    for fact in facts:
        unit = _unit_factor(claim, fact.quantity)
        if unit == 0:
            continue
        subject = _subject_score(claim, fact)
        if subject == 0:
            continue
        labelled = fact.location not in ("sentence", "pdf")
        implied = _UNIT_WORDS.get(fact.quantity.unit, set()) | (
            {_PRICE} if fact.quantity.unit[:3] in ("USD", "EUR", "GBP") else set()
        )
        metric = _metric_score(
            claim.metric,
            fact.metric,
            fact.context,
            fact.quote,
            _site_words(fact.url),
            labelled,
            ignore | _subject_tokens(fact.subject),
            implied,
        )
        score = round(subject * metric * unit, 4)
        if score >= MIN_SCORE:
            scored.append((fact, score))
    scored.sort(
        key=lambda fs: (-fs[1], fs[0].location in ("sentence", "pdf"), _distance(claim, fs[0].quantity))
    )
    return scored


def _subject_tokens(subject: str | None) -> set[str]:
    if not subject or not (_looks_like_model(subject) or _looks_like_org(subject)):
        return set()
    return {t.key for t in _tokens(subject)}
