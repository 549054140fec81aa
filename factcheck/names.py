"""Names of models, products, organisations and subjects: finding them in text, and one identity for each.

Every stage that asks whether two names are the same thing asks here: the graph's subject and
organisation IRIs, the site's subject and source pages, the registry's lookups and evidence matching
all use :func:`subject_key` and :func:`organisation_key`, so "GPT-5.5 (xhigh)", "OpenAI GPT-5.5" and
"gpt5.5" are one subject everywhere (the "(xhigh)" is kept apart as its :func:`variant`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from factcheck.metric_words import stem

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
    # device and chip makers, whose names label the rows of market-share tables
    "Xiaomi",
    "Huawei",
    "Honor",
    "OPPO",
    "Oppo",
    "vivo",
    "Transsion",
    "Lenovo",
    "HP",
    "Dell",
    "Asus",
    "Acer",
    "Sony",
    "Motorola",
    "OnePlus",
    "Realme",
    "Nokia",
    "Qualcomm",
    "Intel",
    "AMD",
    "TSMC",
    "MediaTek",
    "Broadcom",
    "Tesla",
)
_ALL_FAMILIES = sorted(_FAMILIES + _WEAK_FAMILIES, key=len, reverse=True)
_FAMILY_RE = re.compile(r"(?<![\w.-])(" + "|".join(_ALL_FAMILIES) + ")", re.I)
# a version follows its family after a hyphen (typographic ones too), an underscore or a space
_VERSION_RE = re.compile(r"[-\u2010\u2011_ ]?v?\d+(?:\.\d+)*[a-z]?(?![%\w]|[.,]\d)", re.I)
_SIZE_RE = re.compile(r"[- ]\d+(?:\.\d+)?b(?![\w.]|,\d)", re.I)
_TAIL_RE = re.compile(r"[-_ ](" + "|".join(_TAIL_WORDS) + r")(?![\w.]|\.\w)", re.I)
_PAREN_RE = re.compile(r" ?\(([A-Za-z][A-Za-z -]{0,15})\)")
_O_SERIES_RE = re.compile(r"(?<![\w-])o[1-9](?:-(?:mini|pro|preview))?(?![\w.])")
ORG_WORDS = {w for org in _ORGS for w in org.lower().split()} - {"ai", "labs"}
_ORG_RE = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(o) for o in sorted(_ORGS, key=len, reverse=True)) + r")(?![\w-])"
)


@dataclass(frozen=True)
class ModelFamilies:
    """The known model families as data, for recognisers built elsewhere (the spaCy entity ruler)."""

    strong: tuple[str, ...]  # names on their own ("gpt", "claude")
    weak: tuple[str, ...]  # ordinary words unless a version follows ("phi", "nova")
    tails: tuple[str, ...]  # words that continue a model's name ("pro", "mini", "opus")
    makers: tuple[str, ...]  # organisations known to make models, chips and devices


def model_families() -> ModelFamilies:
    """The model families, name tails and makers :func:`model_mentions` and :func:`looks_like_org` know."""
    return ModelFamilies(_FAMILIES, _WEAK_FAMILIES, _TAIL_WORDS, _ORGS)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    name: str
    is_model: bool


def model_mentions(text: str) -> list[Mention]:
    found: list[Mention] = []
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
        found.append(Mention(m.start(), end, text[m.start() : end], True))
    found += [Mention(m.start(), m.end(), m.group(0), True) for m in _O_SERIES_RE.finditer(text)]
    return found


def find_mentions(text: str, known: Iterable[str] = ()) -> list[Mention]:
    """Models and organisations named in ``text``, in text order, without overlaps (models win)."""
    found = model_mentions(text)
    for name in known:
        pattern = r"[\s_-]*".join(re.escape(p) for p in re.split(r"[\s_-]+", name.strip()) if p)
        if not pattern:
            continue
        for m in re.finditer(r"(?<![\w.-])" + pattern + r"(?![\w]|\.\d)", text, re.I):
            found.append(Mention(m.start(), m.end(), m.group(0), looks_like_model(name)))
    found += [Mention(m.start(), m.end(), m.group(0), False) for m in _ORG_RE.finditer(text)]
    found.sort(key=lambda x: (x.start, -(x.end - x.start), not x.is_model))
    out: list[Mention] = []
    for mention in found:
        if out and mention.start < out[-1].end:
            continue
        out.append(mention)
    return out


# What may stand between a model's name and its maker's in one label: "GPT-5.5 OpenAI", "GPT-5.5 by OpenAI",
# "GPT-5.5 · OpenAI", "Claude Opus 4.7 (Anthropic)", "GPT-5.5 — OpenAI"
_MAKER_AFTER = re.compile(r"\s*(?:\bby\b|[·|•/,—–-]|\()?\s*(?P<org>[^()]+?)\s*\)?\s*$", re.I)


def without_maker(label: str) -> str:
    """A model's name without its maker's written after it in the same label (a leaderboard cell):
    "GPT-5.5 OpenAI", "GPT-5.5 by OpenAI", "Claude Opus 4.7 · Anthropic" -> the model's name; any other
    label as it stands."""
    models = model_mentions(label)
    if not models or models[0].start > 0 and label[: models[0].start].strip():
        return label
    end = models[0].end
    paren = re.search(r"\s*\(([^()]+)\)$", label[:end])
    if paren and _ORG_RE.fullmatch(paren.group(1).strip()):
        end = paren.start()  # "(Anthropic)" names the maker, not a variant
    rest = _MAKER_AFTER.fullmatch(label, end)
    if rest is None or not label[end:].strip() or not _ORG_RE.fullmatch(rest.group("org")):
        return label
    return label[:end].strip()


def looks_like_model(label: str) -> bool:
    """Whether ``label`` is essentially a model name ("GPT-5.5 (xhigh)", "Claude Opus 4.7", "GPT-5.5 by
    OpenAI")."""
    core = re.sub(r"\([^)]*\)", "", without_maker(label)).strip()
    models = model_mentions(core)
    return bool(models) and sum(m.end - m.start for m in models) >= 0.6 * len(core)


def looks_like_org(label: str) -> bool:
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


# A product name: a capitalised word with a model number glued on ("Kestrel-3", "S26", "Fold7", "H100"), or
# an inner-capital word and its number ("iPhone 17"), or a word and number before a tier ("Pixel 10 Pro").
_PRODUCT_RES = (
    re.compile(r"(?<![\w&.-])[A-Za-z]*[A-Z][A-Za-z]*-?\d{1,4}[A-Za-z]?(?![\w%]|[.,]\d)"),
    re.compile(r"(?<![\w&.-])[a-z]+[A-Z][A-Za-z]* \d{1,3}(?![\w%]|[.,]\d)"),
    re.compile(r"(?<![\w&.-])[A-Z][a-z]+ \d{1,3} (?:Pro|Max|Ultra|Plus|Mini|Lite|Air|Edge|XL|FE|SE|Fold)\b"),
)
# ... but not a quarter, a year, a chapter or a list position ("Q1", "FY26", "Top 5", "COVID-19")
_NOT_PRODUCT = re.compile(
    r"[qh][1-4]|(?:fy|cy)\d{2,4}|(?:top|covid|table|figure|fig|chapter|section|part|step|day|week|level|tier|"
    r"phase|gen|type|version|series|no|page|round|stage|class|grade|rank|item|vol|issue|episode|season|game)"
    r"\W?\d+",
    re.I,
)


def looks_like_product(label: str) -> bool:
    """Whether a short label names a product by its model number ("Kestrel-3", "Galaxy S26 Ultra")."""
    core = re.sub(r"\([^)]*\)", "", label).strip()
    words = core.split()
    if not words or len(words) > 6 or not all(re.match(r"[A-Z0-9]|[a-z]+[A-Z]", w) for w in words):
        return False  # a name is capitalised throughout: "Kestrel-3 at a glance" is a heading about one
    return any(not _NOT_PRODUCT.fullmatch(m.group(0)) for r in _PRODUCT_RES for m in r.finditer(core))


def looks_like_item(label: str) -> bool:
    """Whether a label names one thing (a model, a product, an organisation) rather than a measure."""
    return looks_like_model(label) or looks_like_org(label) or looks_like_product(label)


def card_name(heading: str) -> str:
    """The name a card heading gives its item: "Halcyon: Kestrel-3" -> "Kestrel-3" (the maker in front of a
    colon is a qualifier, as in "Meta: Llama 4 Maverick")."""
    head, sep, rest = heading.partition(": ")
    if sep and rest.strip() and len(head.split()) <= 3 and len(rest.split()) <= 8:
        return rest.strip()
    return heading.strip()


def normalise_subject(name: str) -> str:
    """A canonical spelling of a model or subject name, for comparison.

    Reasoning-effort and other parenthesised variants, the maker's name in front and a trailing snapshot
    date are dropped; a one-word family and its version are joined with a hyphen:
    "GPT-5.5 (xhigh)", "gpt-5.5", "GPT 5.5", "OpenAI GPT-5.5" -> "gpt-5.5"; "Claude Opus 4.7 (max)" ->
    "claude opus 4.7". Other versions stay distinct ("gpt-5.4").
    """
    name = without_maker(name)
    s = re.sub(r"\([^)]*\)", " ", name.lower().replace("\u2011", "-").replace("\u2010", "-"))
    s = re.sub(r"[-_ ](?:20\d\d-?\d\d-?\d\d)\s*$", "", s.strip())
    s = re.sub(r"[_\s]+", " ", s).strip(" -:,.'’")
    for prefix in _ORG_PREFIXES:
        if not (s.startswith(prefix + " ") or s.startswith(prefix + "'")):
            continue
        rest = s[len(prefix) :].lstrip(" -'’s")
        if rest and re.search(r"\d", rest) and model_mentions(rest):
            s = rest
            break
    # any maker in front of a product with a model number: "Samsung Galaxy S26 Ultra" is "Galaxy S26 Ultra"
    maker = _ORG_RE.match(name.strip())
    if maker and s.startswith(maker.group(0).lower() + " "):
        rest = name.strip()[maker.end() :].strip()
        if looks_like_product(rest):
            s = s[len(maker.group(0)) :].strip()
    # "gpt 5.5" / "gpt5.5" -> "gpt-5.5": a single word followed directly by its version number
    m = re.fullmatch(r"([a-z]+)[\s-]?(v?\d+(?:\.\d+)*[a-z]?)((?:[\s-][a-z]+)*)", s)
    if m:
        tail = re.sub(r"\s+", "-", m.group(3).strip()) if m.group(3) else ""
        s = f"{m.group(1)}-{m.group(2)}" + (f"-{tail.lstrip('-')}" if tail else "")
    return s


def subject_key(name: str) -> str:
    """The identity of a subject: ``normalise_subject`` as words and numbers joined by "-", words
    stemmed ("GPT-5.5 (xhigh)", "OpenAI GPT-5.5", "gpt5.5" -> "gpt-5.5"; "Galaxy phones" -> "galaxy-phone").
    Empty when the name has no letters or digits."""
    s = normalise_subject(name)
    words = [stem(w) if w.isalpha() else w.strip(".") for w in re.findall(r"[a-z]+|[\d.]+", s)]
    return "-".join(w for w in words if w)


def variant(name: str) -> str | None:
    """The variant a subject name carries in parentheses, which its identity leaves out:
    "GPT-5.5 (xhigh)" -> "xhigh", "Claude Opus 4.7 (max)" -> "max"; None without one."""
    m = _PAREN_RE.search(name)
    if not m or _ORG_RE.fullmatch(m.group(1).strip()):
        return None  # "(Anthropic)" names the maker
    before = name[: m.start()]
    # a name with its version number, glued or not ("Kestrel-4", "Kestrel 4"), but not a year ("Revenue 2024")
    versioned = re.search(r"[A-Za-z]-?\d|[A-Za-z] \d{1,2}(?:\.\d+)?\s*$", before)
    numbered = _NOT_PRODUCT.fullmatch(before.strip().replace(" ", ""))  # "Table 3 (continued)"
    named = looks_like_model(before) or (bool(versioned) and not numbered and len(before.split()) <= 4)
    return m.group(1).strip().lower() if named else None


def organisation_key(name: str) -> str:
    """The identity of an organisation's name: case, punctuation, spacing, a leading "the" and a trailing
    "'s" do not matter ("The Futurum Group's", "futurum group", "Futurum-Group" -> "futurumgroup")."""
    name = re.sub(r"['’]s$", "", name.strip().casefold())
    name = re.sub(r"^the\s+", "", name)
    return re.sub(r"[\W_]+", "", name)


_GENERIC_CAPS = set(
    "AI UK US USA EU UN GMT UTC CET CEO CFO CTO API GPU CPU SD HD "
    "TV PC IT HR Q1 Q2 Q3 Q4 H1 H2 FY YOY GDP VAT IPO AM PM".split()
)
_POSTCODE_LIKE = re.compile(r"(?:[A-Z][a-z]+\s+)?[A-Z]{1,2}\d[A-Z\d]?(?:\s*\d[A-Z]{2})?")


def is_generic_abbreviation(name: str) -> bool:
    """Whether a capitalised word is a generic abbreviation ("AI", "CEO", "GDP", "Q3"), not a name."""
    return bool(name.split()) and all(w.upper() in _GENERIC_CAPS for w in name.split())


def has_name_shape(name: str) -> bool:
    """Whether a name is written the way products, models and brands are: a digit, or a capital inside
    a word ("GPT-5.5", "OpenAI", "iPhone"); generic abbreviations ("AI", "UK", "GMT") and postcodes
    are not."""
    if all(w.upper() in _GENERIC_CAPS for w in name.split()) or _POSTCODE_LIKE.fullmatch(name):
        return False
    return bool(re.search(r"\d", name) or re.search(r"[a-z][A-Z]|[A-Z]{2}", name))


def same_subject(a: str | None, b: str | None) -> bool:
    """Whether two subject names denote the same thing ("GPT-5.5 (xhigh)" = "gpt-5.5" != "GPT-5.4")."""
    if not a or not b:
        return False
    ka, kb = subject_key(a), subject_key(b)
    return bool(ka) and ka == kb


def page_subject(candidates: Iterable[str]) -> str:
    """The model named first in the page's h1 / title / metadata, else the first candidate as it stands."""
    texts = [c for c in candidates if c]
    for text in texts:
        models = [m for m in find_mentions(text) if m.is_model]
        if models:
            return models[0].name
    return texts[0] if texts else ""
