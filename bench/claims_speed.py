"""Throughput of claim extraction against the bare spaCy pipeline, on the same texts in the same run.

Usage (from the repository root):

    python bench/claims_speed.py [--repeat N] [--model NAME] [--rounds R]

The texts are the project's own benchmark articles (``bench/data/claims*/*/article.html``) and demo
articles, parsed once into Articles. Each is timed in CPU seconds of this process (other work on the
machine hardly moves them), the best of ``--rounds`` rounds taken in turns:

- **bare**: ``spacy.load(model).pipe`` over the articles' paragraphs (the model's own components, nothing
  of factcheck's);
- **extract**: ``factcheck.claims.extract.extract_many`` over the same articles (factcheck's pipeline,
  the scope model, subjects, metrics, merging and consistency checks), batching paragraphs of all
  articles through ``nlp.pipe``.

Printed: characters per second of each and their ratio (extract / bare). The issue's target is a ratio of
at least 0.75. With ``--long``, also how extraction time grows with the size of one text: the articles run
together into a single paragraph of about 30,000 and 300,000 characters (longer than the pipeline reads at
once, so it is cut into pieces), and the time per character of the long one over the short one's (about 1
when the work is linear in the text). No assertion: speed is measured here, never in the tests.
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
        start = time.process_time()
        run()
        times.append(time.process_time() - start)
    return min(times)


def interleaved(rounds: int, *runs) -> list[float]:
    """The best time of each run, the runs taking turns round by round (so that a busy moment of the
    machine slows them alike)."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(rounds):
        for i, run in enumerate(runs):
            start = time.process_time()
            run()
            times[i].append(time.process_time() - start)
    return [min(t) for t in times]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="how many times the set of articles is read")
    parser.add_argument("--rounds", type=int, default=5, help="rounds per pipeline; the best is kept")
    parser.add_argument("--model", help="spaCy model (default: as factcheck chooses)")
    parser.add_argument(
        "--long", action="store_true", help="also measure how time grows with one text's size"
    )
    args = parser.parse_args(argv)

    corpus = articles() * args.repeat
    texts = [p for a in corpus for p in paragraphs(a)]
    chars = sum(len(t) for t in texts)
    name = model_name(args.model)
    bare = spacy.load(name)
    ours = load(args.model)
    registry = Registry.load()
    list(extract_many(corpus[:2], ours, registry))  # warm up: patterns compiled, lexicon read

    bare_time, ours_time = interleaved(
        args.rounds, lambda: list(bare.pipe(texts)), lambda: list(extract_many(corpus, ours, registry))
    )
    print(f"model {name}: {len(corpus)} articles, {len(texts)} paragraphs, {chars:,} characters")
    print(f"bare spaCy pipe : {bare_time:7.2f} s  {chars / bare_time:12,.0f} chars/s")
    print(f"factcheck extract: {ours_time:7.2f} s  {chars / ours_time:12,.0f} chars/s")
    print(f"throughput ratio (extract / bare): {bare_time / ours_time:.2f}   (target >= 0.75)")
    if args.long:
        run_together = " ".join(a.text.replace("\n", " ") for a in articles())
        per_char = []
        for size in (30_000, 300_000):
            text = (run_together * (size // len(run_together) + 1))[:size]
            article = Article(url=None, text=text, paragraphs=((0, len(text)),))
            seconds = best(1, lambda article=article: list(extract_many([article], ours, registry)))
            per_char.append(seconds / size)
            print(f"one paragraph of {size:,} characters: {seconds:6.2f} s")
        print(f"time per character, long over short: {per_char[1] / per_char[0]:.2f}   (about 1: linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
