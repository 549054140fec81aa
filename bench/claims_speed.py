"""Throughput of claim extraction against the bare spaCy pipeline, on the same texts in the same run.

Usage (from the repository root):

    python bench/claims_speed.py [--repeat N] [--model NAME] [--rounds R]

The texts are the project's own benchmark articles (``bench/data/claims*/*/article.html``) and demo
articles, parsed once into Articles. Each is timed the best of ``--rounds`` rounds:

- **bare**: ``spacy.load(model).pipe`` over the articles' paragraphs (the model's own components, nothing
  of factcheck's);
- **extract**: ``factcheck.claims.extract.extract_many`` over the same articles (factcheck's pipeline,
  the scope model, subjects, metrics, merging and consistency checks), batching paragraphs of all
  articles through ``nlp.pipe``.

Printed: characters per second of each and their ratio (extract / bare). The issue's target is a ratio of
at least 0.75. No assertion: speed is measured here, never in the tests.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import spacy  # noqa: E402

from factcheck.article import parse_article  # noqa: E402
from factcheck.claims.extract import extract_many, paragraph_spans  # noqa: E402
from factcheck.models import Article  # noqa: E402
from factcheck.nlp.loading import load, model_name  # noqa: E402
from factcheck.sources.registry import Registry  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]


def articles() -> list[Article]:
    pages = sorted(ROOT.glob("bench/data/claims*/*/article.html")) + sorted(
        ROOT.glob("examples/web/**/index.html")
    )
    out = []
    for page in pages:
        article = parse_article(page.read_text(encoding="utf-8"))
        if len(article.text) > 500:
            out.append(article)
    return out


def paragraphs(article: Article) -> list[str]:
    return [article.text[s:e] for s, e in (article.paragraphs or paragraph_spans(article.text))]


def best(rounds: int, run) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="how many times the set of articles is read")
    parser.add_argument("--rounds", type=int, default=3, help="rounds per pipeline; the best is kept")
    parser.add_argument("--model", help="spaCy model (default: as factcheck chooses)")
    args = parser.parse_args(argv)

    corpus = articles() * args.repeat
    texts = [p for a in corpus for p in paragraphs(a)]
    chars = sum(len(t) for t in texts)
    name = model_name(args.model)
    bare = spacy.load(name)
    ours = load(args.model)
    registry = Registry.load()
    list(extract_many(corpus[:2], ours, registry))  # warm up: patterns compiled, lexicon read

    bare_time = best(args.rounds, lambda: list(bare.pipe(texts)))
    ours_time = best(args.rounds, lambda: list(extract_many(corpus, ours, registry)))
    print(f"model {name}: {len(corpus)} articles, {len(texts)} paragraphs, {chars:,} characters")
    print(f"bare spaCy pipe : {bare_time:7.2f} s  {chars / bare_time:12,.0f} chars/s")
    print(f"factcheck extract: {ours_time:7.2f} s  {chars / ours_time:12,.0f} chars/s")
    print(f"throughput ratio (extract / bare): {bare_time / ours_time:.2f}   (target >= 0.75)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
