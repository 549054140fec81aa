"""Reading an HTML page into a ``SourceText``: prose under its headings, tables, definition lists, stat
blocks, chart labels and JSON-LD, leaving page chrome out."""

from __future__ import annotations

import json
import re
from typing import Any

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import Comment

from factcheck.chrome import chrome_kind
from factcheck.evidence.chart_labels import pair_svg_texts
from factcheck.evidence.html_tables import html_table
from factcheck.evidence.source_text import SourceText, Table, split_sentences, squash
from factcheck.evidence.table_facts import speaks_of_figures
from factcheck.evidence.text_blocks import lines_to_blocks, section_lead
from factcheck.names import card_name, page_subject
from factcheck.quantities.finder import find_quantities

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


def _kind(el: Tag) -> str | None:
    """The page-chrome kind of ``el`` (``factcheck.chrome``): chrome, aside, inset or None."""

    def attr(name: str) -> str | None:
        value = el.get(name)
        return " ".join(value) if isinstance(value, list) else value

    return chrome_kind(el.name, attr, in_article=el.find_parent("article") is not None)


def _is_chrome(el: Tag) -> bool:
    return _kind(el) == "chrome"


def _text(el: Tag | NavigableString) -> str:
    return squash(el.get_text(" ") if isinstance(el, Tag) else str(el))


# Boxes about other items than the page's own ("Also reviewed", "Related", a sidebar): class / id words ...
_FOREIGN_WORDS = {
    "related",
    "sidebar",
    "also",
    "recommended",
    "recommendations",
    "similar",
    "suggested",
    "alternatives",
    "more-from",
    "more-stories",
    "read-next",
}
# ... and the headings that open them
_FOREIGN_HEADING = re.compile(
    r"\s*(?:also (?:reviewed|read|tested|see|on|from|by)\b|related\b|see also\b|similar\b|recommended\b|"
    r"alternatives\b|people also\b|read next\b|up next\b|"
    r"more (?:from|like this|stories|reviews|news|articles|models|products|phones)\b|"
    r"other (?:\w+ )?(?:models|products|phones|devices|reviews|stories|articles|options|vendors)\b|"
    r"you (?:may|might) (?:also )?(?:like|enjoy)\b|compare (?:with|to|it)\b)",
    re.I,
)
# Blocks that may be a card (one of several siblings, each under its own heading) or a box
_BOX_TAGS = {"section", "article", "div", "li", "aside"}
# A figure standing alone in its element, without words: "8.1/10", "298.4M", "+3.1%", "$0.40"
_BARE_FIGURE = re.compile(
    r"[+\-−~≈<>]?\s*(?:[$€£]\s*)?\d[\d.,]*\s*(?:[kKMB]|bn|mn)?\s*(?:%|x|×|pts?|points|/\s*\d+(?:\.\d+)?)?"
)


def is_box_about_other_items(el: Tag, page_chars: int) -> bool:
    """Whether ``el`` is a box about other items than the page's own: an aside beside the article, a
    sidebar, a "Related" / "Also reviewed" / "More from" box (by its class or its heading); never a block
    holding most of a page of ``page_chars`` characters, nor its h1."""
    if _first(el, {"h1", "main"}) is not None or len(_text(el)) > 0.6 * page_chars:
        return False  # the page's own content, whatever its wrapper is called ("with-sidebar")
    if _kind(el) == "aside":
        return True  # an aside within the article's text (a pull quote, a key-facts box) is its own
    if _class_words(el) & _FOREIGN_WORDS:
        return True
    heading = _first(el, _HEADINGS)
    return heading is not None and _owns_heading(el, heading) and bool(_FOREIGN_HEADING.match(_text(heading)))


def _owns_heading(el: Tag, heading: Tag) -> bool:
    """Whether ``heading`` opens ``el``: little or no text stands before it (a badge, a date)."""
    before = 0
    for string in el.strings:
        if any(p is heading for p in string.parents):
            return True
        before += len(string.strip())
        if before > 40:
            return False
    return False


def _card_heading(el: Tag, alike: dict[tuple[int, str, str], int]) -> Tag | None:
    """The heading of ``el`` when ``el`` is a card: one of several sibling blocks alike (same tag, same
    class), each opening with a short heading of its own and holding something besides it. ``alike``
    remembers, per parent, tag and class, how many such siblings there are."""
    if el.name not in _BOX_TAGS or el.parent is None:
        return None
    heading = _first(el, _SUB_HEADINGS)
    if heading is None or not _owns_heading(el, heading) or not _name_sized_heading(_text(heading)):
        return None
    if not re.search(r"\d", _text(el).replace(_text(heading), "", 1)):
        return None  # a heading in a wrapper of its own: the section goes on after it
    key = (id(el.parent), el.name, " ".join(sorted(_class_names(el))))
    if key not in alike:
        alike[key] = sum(
            1
            for c in el.parent.children
            if isinstance(c, Tag)
            and c.name == el.name
            and c.get("class") == el.get("class")
            and _first(c, _SUB_HEADINGS) is not None
        )
    return heading if alike[key] >= 2 else None


_SUB_HEADINGS = _HEADINGS - {"h1"}
_BLOCKS = {"p", "div", "table", "ul", "ol", "dl", "section"}


def _first(el: Tag, names: set[str]) -> Tag | None:
    """The first descendant of ``el`` named one of ``names`` (``Tag.find`` without its costly filter)."""
    return next((d for d in el.descendants if isinstance(d, Tag) and d.name in names), None)


def _name_sized_heading(text: str) -> bool:
    return 0 < len(text) <= 80 and len(text.split()) <= 8 and not re.search(r"[.?!]$", text)


def _states_a_figure(heading: str) -> bool:
    """Whether a heading states a figure in a sentence: a share, an amount, a measure ("Shipments Grow 3.1%
    in 1Q26"), not only a year or a number of a list ("Top 5 vendors", "Outlook 2026")."""
    if len(heading.split()) < 4:
        return False
    return any(q.unit not in ("", "count", "date") for q in find_quantities(heading, include_dates=False))


def _is_bare_figure(text: str) -> bool:
    return bool(text) and _BARE_FIGURE.fullmatch(text) is not None


def _is_stat_label(el: Tag) -> bool:
    text = _text(el)
    return (
        el.name not in _HEADINGS
        and 0 < len(text) <= 60
        and bool(re.search(r"[A-Za-z]", text))
        and not _is_bare_figure(text)
        and not re.search(r"[.!?]$", text)
        and _first(el, _BLOCKS) is None
    )


class _HtmlWalker:
    """Walks the page body in document order, keeping the current heading as context."""

    def __init__(self, title: str, root: Tag) -> None:
        self.headings: dict[int, str] = {}
        self.title = title
        self.root = root
        self.page_chars = len(_text(root))
        self.card: tuple[Tag, Tag] | None = None  # the card being walked and its heading, until registered
        self.alike: dict[tuple[int, str, str], int] = {}
        self.paragraphs: list[tuple[str, str]] = []
        self.tables: list[Table] = []
        self.definitions: list[tuple[str, str, str]] = []
        self.labels: list[tuple[str, str]] = []
        self.buffer: list[str] = []
        self.scopes: dict[str, str] = {}
        self.cards: list[list[tuple[str, str]]] = []
        self.card_groups: dict[int, int] = {}  # id of the cards' parent -> index in ``cards``
        self.foreign = 0  # depth of boxes about other items the walker stands in

    @property
    def context(self) -> str:
        """The heading path the walker stands under ("Benchmarks › Coding"), h1 only when alone."""
        levels = sorted(self.headings)
        below_h1 = [self.headings[lv] for lv in levels if lv > 1]
        if below_h1:
            return " › ".join(below_h1)
        return self.headings.get(1, self.title)

    def _lead(self) -> str:
        """The last sentence before a table in its section, or the last one of the section that states the
        unit of its figures ("All scores are accuracy in %"): it may give the unit of the cells."""
        if not self.paragraphs or self.paragraphs[-1][1] != self.context:
            return ""
        sentences = split_sentences(self.paragraphs[-1][0])
        last = sentences[-1] if sentences else ""
        if speaks_of_figures(last):
            return last
        return section_lead(self.paragraphs, self.context) or last

    def flush(self) -> None:
        text = squash("".join(self.buffer))
        self.buffer = []
        if text and re.search(r"\w", text):
            self.paragraphs.append((text, self.context))

    def heading(self, el: Tag) -> None:
        level = int(el.name[1])
        self.headings = {lv: t for lv, t in self.headings.items() if lv < level}
        text = _text(el)
        if _states_a_figure(text):
            # a headline that states a figure ("68% of organizations have reached advanced adoption") is a
            # sentence of the section above it as much as a heading
            self.paragraphs.append((text, self.context))
        self.headings[level] = text
        if self.foreign or _FOREIGN_HEADING.match(text):
            self.scopes[self.context] = ""  # what stands under it is about other items
        if self.card is not None and self.card[1] is el:
            card, self.card = self.card[0], None
            parent = id(card.parent)
            if parent not in self.card_groups:
                self.card_groups[parent] = len(self.cards)
                self.cards.append([])
            self.cards[self.card_groups[parent]].append((self.context, card_name(text)))

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
        if node is not self.root and name in _BOX_TAGS and self._box(node):
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
            table = html_table(node, self.context, self._lead())
            if table is not None:
                self.tables.append(table)
            return
        if name == "pre":
            self.flush()
            paragraphs, tables = lines_to_blocks(node.get_text().splitlines(), self.context)
            self.paragraphs += [(text, context) for text, context in paragraphs]
            self.tables += tables
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
            alt = squash(str(node.get("alt") or ""))
            if re.search(r"\d", alt):
                self.labels.append((alt, self.context))
            return
        if name == "figcaption":
            self.flush()
            caption = _text(node)
            if re.search(r"\d", caption):
                self.labels.append((caption, self.context))
            return
        if name in ("ul", "ol") and node.parent is not None and node.parent.name == "li":
            self._nested_list(node)
            return
        block = name in _BLOCK_TAGS
        if block:
            self.flush()
        done = self._stats(node)
        for child in list(node.children):
            if isinstance(child, (Tag, NavigableString)) and not any(child is d for d in done):
                self.walk(child)
        if block:
            self.flush()

    def _nested_list(self, node: Tag) -> None:
        """A list inside a list item: its items are parts of the item's label ("Passengers: 1.92 million"
        over "at its Harbourside base: 640,000"), which stands over them like a heading."""
        self.flush()
        item = node.parent
        assert item is not None
        lead = squash(" ".join(str(t) for t in item.find_all(string=True, recursive=False)))
        label = re.match(r"\s*([^:;,.\d]{2,40}?)\s*:", lead)
        saved = dict(self.headings)
        if label:
            self.headings[8] = label.group(1)
        for child in list(node.children):
            if isinstance(child, (Tag, NavigableString)):
                self.walk(child)
        self.flush()
        self.headings = saved

    def _box(self, el: Tag) -> bool:
        """Walks a box about other items, or a card, in a scope of its own; False for other blocks."""
        foreign = is_box_about_other_items(el, self.page_chars)
        heading = None if foreign else _card_heading(el, self.alike)
        if not foreign and heading is None:
            return False
        self.flush()
        saved, saved_card = dict(self.headings), self.card  # a box's headings end with it
        if foreign:
            self.foreign += 1
            if _first(el, _HEADINGS) is None:
                # no heading: the box's own label keeps its figures apart from the page's
                self.headings[7] = _box_label(el)
                self.scopes[self.context] = ""
        else:
            assert heading is not None
            self.card = (el, heading)
        done = self._stats(el)
        for child in list(el.children):
            if isinstance(child, (Tag, NavigableString)) and not any(child is d for d in done):
                self.walk(child)
        self.flush()
        if foreign:
            self.foreign -= 1
        self.headings, self.card = saved, saved_card
        return True

    def _attribute_labels(self, el: Tag) -> None:
        aria = squash(str(el.get("aria-label") or ""))
        if aria and re.search(r"\d", aria) and el.name != "svg":
            self.labels.append((aria, self.context))
        value = el.get("data-value")
        if isinstance(value, str) and value.strip():
            names = [str(el.get(a)) for a in ("data-label", "data-name", "data-series", "title") if el.get(a)]
            label = names[0] if names else _text(el)
            unit = str(el.get("data-unit") or "")
            if label and label.strip() != value.strip():
                self.labels.append((f"{squash(label)}: {value.strip()}{unit}", self.context))

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

    def _stats(self, el: Tag) -> list[Tag]:
        """Label/value pairs among the children of ``el``, read as definitions; returns the children used.

        A pair is a child marked as a label (``class="stat-label"``) with one marked as a value, or,
        unmarked, a child holding a bare figure ("8.1/10") next to one holding a short label; the label may
        stand before or after its value, the same way throughout the block. A short note after the value
        ("units") is read with it; other children (pros and cons of a score box) are left to the walker.
        """
        children = [c for c in el.children if isinstance(c, Tag)]
        if len(children) < 2 or len(children) > 12 or el.name in ("p", "li", "dt", "dd", "td", "th"):
            return []
        simple = [c for c in children if c.name not in _HEADINGS and _first(c, _BLOCKS) is None]
        label = next((c for c in simple if _class_words(c) & _LABEL_CLASSES), None)
        value = next((c for c in simple if c is not label and _class_words(c) & _VALUE_CLASSES), None)
        if label is not None and value is not None and len(_text(label)) <= 80:
            figure = self._figure_with_note(value, children, label)
            if figure is not None:
                text, used = figure
                self.definitions.append((_text(label), text, self.context))
                return [label, *used]
        return self._bare_pairs(children)

    def _figure_with_note(self, value: Tag, children: list[Tag], label: Tag) -> tuple[str, list[Tag]] | None:
        # joined without separators inside the value: "93" + "/100" is "93/100"
        text = squash(value.get_text())
        if not re.search(r"\d", text) or len(text) > 40:
            return None
        used = [value]
        at = children.index(value)
        for nxt in children[at + 1 : at + 3]:
            note = _text(nxt)
            if nxt is label or not note or len(note) > 30 or _first(nxt, _BLOCKS) is not None:
                break
            if _class_words(nxt) & (_LABEL_CLASSES | _VALUE_CLASSES) and not re.match(r"[/%]", note):
                break
            text += note if re.match(r"[/%]", note) else f" {note}"
            used.append(nxt)
        return text, used

    def _bare_pairs(self, children: list[Tag]) -> list[Tag]:
        kinds = [
            "figure" if _is_bare_figure(squash(c.get_text())) else "label" if _is_stat_label(c) else ""
            for c in children
        ]
        first = next((k for k in kinds if k), "")
        if "figure" not in kinds or "label" not in kinds:
            return []
        used: list[Tag] = []
        step = 1 if first == "figure" else -1  # which side the labels stand on, as the block begins
        for i, kind in enumerate(kinds):
            j = i + step
            if kind != "figure" or not 0 <= j < len(children) or kinds[j] != "label":
                continue
            if any(children[j] is u for u in used):
                continue
            self.definitions.append((_text(children[j]), squash(children[i].get_text()), self.context))
            used += [children[i], children[j]]
        return used

    def _svg(self, svg: Tag) -> None:
        title = svg.find("title", recursive=False)
        figure = svg.find_parent("figure")
        caption = figure.find("figcaption") if figure else None
        parts = [
            _text(title) if title else "",
            squash(str(svg.get("aria-label") or "")),
            _text(caption) if caption else "",
            self.context,
        ]
        context = " · ".join(dict.fromkeys(p for p in parts if p))
        for el in svg.find_all(True):
            if el.name == "title" and el is not title and re.search(r"\d", _text(el)):
                self.labels.append((_text(el), context))
            elif el.name != "text":
                self._attribute_labels(el)
        for label in pair_svg_texts(svg):
            self.labels.append((label, context))


def boxes_about_other_items(root: Tag) -> list[Tag]:
    """The outermost boxes about other items in ``root`` (see ``is_box_about_other_items``)."""
    chars = len(_text(root))
    found: list[Tag] = []
    for el in root.find_all(list(_BOX_TAGS)):
        inside = any(parent is box for parent in el.parents for box in found)
        if not inside and is_box_about_other_items(el, chars):
            found.append(el)
    return found


def _box_label(el: Tag) -> str:
    aria = squash(str(el.get("aria-label") or ""))
    if aria:
        return aria
    words = sorted(_class_words(el) & _FOREIGN_WORDS)
    return words[0].replace("-", " ").capitalize() if words else "Sidebar"


def read_html(markup: str, url: str) -> SourceText:
    """An HTML page (already decoded) as prose, tables, definition lists, cards, chart labels, JSON-LD."""
    soup = BeautifulSoup(markup, "lxml")
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
    subject = page_subject([_text(h1) if h1 else "", og_title, title, *names])
    root = soup.body or soup
    main = root.find("main") or (root.find_all("article")[0] if len(root.find_all("article")) == 1 else None)
    if isinstance(main, Tag) and len(_text(main)) >= 0.3 * len(_text(root)):
        root = main
    walker = _HtmlWalker(_text(h1) if h1 else title, root)
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
        scopes=walker.scopes,
        cards=walker.cards,
    )
