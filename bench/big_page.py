"""Ingest time of a big article page against a page a tenth of its size, measured in one run.

Usage (from the repository root):

    python bench/big_page.py [--small 300000] [--factor 10] [--profile]

Builds two synthetic news pages (generated paragraphs of figures, sources and links, the big one
``--factor`` times the small one), ingests each as a local file without verification into a fresh
store, and times every stage: parse (article), extract (quantities, NLP and claims), graph (mapping)
and store (writing the named graph). Prints seconds per stage for both pages and the ratio of the
totals: work linear in the size of the page gives a ratio near ``--factor``. ``--profile`` prints
the functions the big page spends most time in. It asserts nothing.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from factcheck.article import parse_article  # noqa: E402
from factcheck.claims.extract import extract_claims  # noqa: E402
from factcheck.graph import article_graph, article_graph_name  # noqa: E402
from factcheck.graph.store import open_store  # noqa: E402
from factcheck.nlp.loading import load  # noqa: E402
from factcheck.sources.registry import Registry  # noqa: E402
from factcheck.version import __version__  # noqa: E402

FIRMS = ["Northwind", "Contoso", "Fabrikam", "Tailspin", "Wingtip", "Litware", "Adventure Works", "Proseware"]
MEASURES = ["revenue", "operating profit", "shipments", "market share", "headcount", "capital spending"]
SOURCES = ["IDC", "Gartner", "Canalys", "Counterpoint", "the company's annual report", "Reuters"]
VERBS = ["rose", "fell", "grew", "climbed", "slipped", "reached"]
UNITS = ["%", " million units", " billion dollars", " percent", " thousand staff"]


def paragraph(rng: random.Random, index: int) -> str:
    firm, measure, source = rng.choice(FIRMS), rng.choice(MEASURES), rng.choice(SOURCES)
    figure = f"{rng.randint(2, 95)}.{rng.randint(0, 9)}{rng.choice(UNITS)}"
    year = rng.randint(2019, 2026)
    link = f'<a href="https://research{index % 40}.example/report/{index}/">{source}</a>'
    sentences = [
        f"{firm}'s {measure} {rng.choice(VERBS)} to {figure} in {year}, according to {link}.",
        f"Analysts had expected about {rng.randint(3, 80)}% for the quarter.",
        f"The figure compares with {rng.randint(1, 60)}.{rng.randint(0, 9)}% a year earlier.",
    ]
    rng.shuffle(sentences)
    return "<p>" + " ".join(sentences) + "</p>"


def page(size: int, seed: int = 7) -> str:
    rng = random.Random(seed)
    head = "<!doctype html><html><head><meta charset='utf-8'><title>Quarterly figures</title></head>"
    parts = [head, "<body><article><h1>Quarterly figures</h1>"]
    length, index = sum(map(len, parts)), 0
    while length < size:
        text = paragraph(rng, index)
        parts.append(text)
        length += len(text)
        index += 1
    parts.append("</article></body></html>")
    return "".join(parts)


def ingest(html: str, store: str, url: str) -> dict[str, float]:
    times: dict[str, float] = {}
    started = time.perf_counter()
    article = parse_article(html, url=url)
    times["parse"] = time.perf_counter() - started
    started = time.perf_counter()
    claims = extract_claims(article, load(None), Registry.load())
    times["extract"] = time.perf_counter() - started
    started = time.perf_counter()
    graph = article_graph(article, claims, software_version=__version__)
    times["graph"] = time.perf_counter() - started
    started = time.perf_counter()
    with open_store(store) as st:
        st.replace_graph(article_graph_name(url), graph)
    times["store"] = time.perf_counter() - started
    times["total"] = sum(times.values())
    times["claims"] = len(claims)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=300_000, help="bytes of the small page")
    parser.add_argument("--factor", type=int, default=10, help="how many times bigger the big page is")
    parser.add_argument("--profile", action="store_true", help="profile the big page")
    args = parser.parse_args()
    load(None)  # the model's load time belongs to neither page
    ingest(page(20_000), tempfile.mkdtemp() + "/warm", "https://bench.example/warm")
    rows = {}
    for label, size in (("small", args.small), ("big", args.small * args.factor)):
        html = page(size)
        store = tempfile.mkdtemp() + "/store"
        if label == "big" and args.profile:
            profiler = cProfile.Profile()
            rows[label] = profiler.runcall(ingest, html, store, f"https://bench.example/{label}")
            pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
        else:
            rows[label] = ingest(html, store, f"https://bench.example/{label}")
        print(f"{label}: {len(html):,} characters, {rows[label]['claims']:.0f} claims", flush=True)
    print(f"{'stage':10} {'small s':>10} {'big s':>10} {'ratio':>8}")
    for stage in ("parse", "extract", "graph", "store", "total"):
        small, big = rows["small"][stage], rows["big"][stage]
        print(f"{stage:10} {small:10.2f} {big:10.2f} {big / small if small else float('nan'):8.1f}")
    total = rows["big"]["total"] / rows["small"]["total"]
    print(f"ratio big/small total: {total:.1f} (linear: {args.factor})")


if __name__ == "__main__":
    main()
