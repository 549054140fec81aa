"""Article text side by side: factcheck's article stage against plain ``trafilatura.extract``.

Scores the main text each one keeps from a folder of real pages against a ground truth, with the
metric of the public article-extraction benchmark (scrapinghub/article-extraction-benchmark): the
text is cut into word tokens (``\\w+``), tokens into overlapping 4-grams; true positives, false
positives and false negatives are counted over the multiset of 4-grams and normalised per page, so a
long article weighs as much as a short one; precision and recall are the means over pages (pages
where they are undefined left out) and F1 is computed from the two means. Both extractors run in the
same process on the same pages, in alternating order, and their times are reported beside the scores.

Two layouts of the folder are read:

- the benchmark's own: ``ground-truth.json`` (``{id: {"articleBody": ...}}``) and ``html/ID.html``
  or ``html/ID.html.gz``;
- a plain one: ``pages/ID.html`` and ``truth/ID.txt``.

Usage::

    python bench/article_eval.py FOLDER [--ids FILE | --exclude FILE] [--per-page]
    python bench/article_eval.py --linearity   # time of a 3 MB page against a 300 KB one

``--ids`` keeps only the pages listed in FILE (one id a line), ``--exclude`` leaves them out: keep a
held-out part aside while tuning and score it once at the end.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from factcheck.article import parse_html

_TOKEN = re.compile(r"\w+")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def match(truth: str, found: str) -> tuple[float, float, float]:
    """(tp, fp, fn) over 4-gram shingles, normalised to sum to 1."""
    want, got = shingles(truth), shingles(found)
    tp = sum((want & got).values())
    fp = sum((got - want).values())
    fn = sum((want - got).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def _precision(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    return 1.0 if fp == fn == 0 else tp / (tp + fn)


def scores(counts: list[tuple[float, float, float]]) -> dict[str, float]:
    precisions = [_precision(*c) for c in counts if c[0] + c[1] > 0]
    recalls = [_recall(*c) for c in counts if c[0] + c[2] > 0]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0}


def load(folder: Path) -> dict[str, tuple[str, str]]:
    """{id: (html, truth)} from either layout."""
    pages: dict[str, tuple[str, str]] = {}
    truth_file = folder / "ground-truth.json"
    if truth_file.exists():
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
        for key, item in truth.items():
            for path in (folder / "html" / f"{key}.html", folder / "html" / f"{key}.html.gz"):
                if path.exists():
                    raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
                    pages[key] = (raw.decode("utf-8", "replace"), item.get("articleBody") or "")
                    break
        return pages
    for path in sorted((folder / "pages").glob("*.html")):
        truth_path = folder / "truth" / f"{path.stem}.txt"
        if truth_path.exists():
            pages[path.stem] = (path.read_text(encoding="utf-8"), truth_path.read_text(encoding="utf-8"))
    return pages


def factcheck_text(html: str) -> str:
    """The article body: factcheck keeps the headline as the first paragraph of ``Article.text`` (claims
    are made in headlines too), the benchmark's ``articleBody`` does not, so a first paragraph that is
    the article's title is left out here."""
    article = parse_html(html)
    if article.paragraphs and article.title:
        start, end = article.paragraphs[0]
        if " ".join(article.text[start:end].split()).casefold() == " ".join(article.title.split()).casefold():
            return article.text[end:].lstrip()
    return article.text


def trafilatura_text(html: str) -> str:
    return trafilatura.extract(html) or ""


EXTRACTORS: dict[str, Callable[[str], str]] = {"factcheck": factcheck_text, "trafilatura": trafilatura_text}


def run(pages: dict[str, tuple[str, str]], per_page: bool) -> None:
    counts: dict[str, list[tuple[float, float, float]]] = {name: [] for name in EXTRACTORS}
    seconds = dict.fromkeys(EXTRACTORS, 0.0)
    names = list(EXTRACTORS)
    for i, (key, (html, truth)) in enumerate(sorted(pages.items())):
        row = []
        for name in names if i % 2 == 0 else reversed(names):  # alternate who runs first (warm caches)
            start = time.perf_counter()
            text = EXTRACTORS[name](html)
            seconds[name] += time.perf_counter() - start
            counts[name].append(match(truth, text))
            row.append((name, scores([counts[name][-1]])["f1"]))
        if per_page:
            print(f"{key[:16]:<16} " + "  ".join(f"{n} F1={f:.3f}" for n, f in sorted(row)))
    print(f"{len(pages)} pages")
    for name in names:
        s = scores(counts[name])
        print(
            f"{name:<12} F1={s['f1']:.3f}  precision={s['precision']:.3f}  recall={s['recall']:.3f}  "
            f"time={seconds[name]:.2f}s"
        )
    print(f"time ratio factcheck/trafilatura: {seconds['factcheck'] / max(seconds['trafilatura'], 1e-9):.2f}")


def linearity() -> None:
    """Time of the article stage on a page ten times larger: a ratio near 10 means linear work."""
    paragraph = (
        "<p>The agency said output rose 4.2% in the quarter to 1,250 units, the {i}th rise in a row, "
        'after <a href="https://data.example/r{i}">a revised estimate</a> of spending.</p>'
    )
    chrome = '<nav><a href="/a">Home</a> <a href="/b">World</a></nav>'

    def page(size: int) -> str:
        body, i = [], 0
        while sum(map(len, body)) < size:
            body.append(paragraph.format(i=i))
            i += 1
        return f"<html><body>{chrome}<article><h1>Output</h1>{''.join(body)}</article></body></html>"

    small, large = page(300_000), page(3_000_000)
    times = []
    for html in (small, large):
        start = time.perf_counter()
        parse_html(html)
        times.append(time.perf_counter() - start)
    print(f"300 KB: {times[0]:.2f}s  3 MB: {times[1]:.2f}s  ratio {times[1] / times[0]:.1f} (10 is linear)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path)
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--ids", type=Path, help="score only the page ids listed in this file")
    group.add_argument("--exclude", type=Path, help="leave out the page ids listed in this file")
    parser.add_argument("--per-page", action="store_true", help="print each page's F1")
    parser.add_argument("--linearity", action="store_true", help="time a 3 MB page against a 300 KB one")
    args = parser.parse_args(argv)
    if args.linearity:
        linearity()
        return 0
    if args.folder is None:
        parser.error("give a FOLDER of pages, or --linearity")
    pages = load(args.folder)
    if args.ids or args.exclude:
        listed = set((args.ids or args.exclude).read_text().split())
        pages = {k: v for k, v in pages.items() if (k in listed) == bool(args.ids)}
    if not pages:
        print("no pages with a ground truth found", file=sys.stderr)
        return 1
    run(pages, args.per_page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
