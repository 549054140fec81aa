"""Score claim extraction on articles the extractor was not built on.

Usage (from the repository root):

    python bench/claims_eval.py [--only SLUG ...] [--out DIR] [--json]

Every ``bench/data/claims/<slug>/`` holds an ``article.html`` (a fictional article laid out as a real page,
chrome included) and a ``gold.json`` in the format of the shared corpus gold. Each article goes through
``factcheck.extract`` and is scored with the shared scorer (``../shared/tools/score_claims.py``, loaded by
path so that the numbers are the ones the project is judged by); without the shared folder the run is
skipped. Printed per article and micro-averaged over all of them: precision, recall and attribution
("any": at least one prediction of a found core claim cites exactly the gold sources; "all": every one).

After the figures come the details a fix needs:
- missed core claims, with what the extractor said in the same place (a number read differently, or
  nothing), and whether the mention survived page parsing at all;
- false positives, with the non-claim they hit when the gold lists one;
- wrong attributions: gold sources against the sources of each matching prediction;
- merging of mentions: restatements that came out as separate claims or were not extracted at all, and
  predicted claims whose mentions belong to different gold claims.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import factcheck  # noqa: E402

DATA = Path(__file__).parent / "data" / "claims"
SCORER = Path(__file__).resolve().parents[2] / "shared" / "tools" / "score_claims.py"
TARGETS = {"precision": 0.90, "recall": 0.95, "attribution": 0.90}

Pred = dict[str, Any]
Gold = dict[str, Any]


def load_scorer(path: Path = SCORER) -> ModuleType | None:
    """The shared scorer as a module, or None when the shared folder is not there."""
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("score_claims", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass
class Counts:
    """What micro-averaging adds up."""

    tp: int = 0
    fp: int = 0
    neutral: int = 0
    core: int = 0
    found: int = 0
    attr_any: int = 0
    attr_all: int = 0

    def add(self, other: Counts) -> None:
        for name in vars(self):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def rates(self) -> dict[str, float]:
        predicted = self.tp + self.fp
        return {
            "precision": self.tp / predicted if predicted else 0.0,
            "recall": self.found / self.core if self.core else 0.0,
            "attribution": self.attr_any / self.found if self.found else 0.0,
            "attribution_all": self.attr_all / self.found if self.found else 0.0,
        }


@dataclass
class ArticleResult:
    slug: str
    counts: Counts
    missed: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    wrong_sources: list[str] = field(default_factory=list)
    unmerged: list[str] = field(default_factory=list)


def predictions(html: str, url: str | None) -> tuple[list[Pred], str]:
    """The extractor's claims as scorer records, and the article text it read."""
    article = factcheck.parse_article(html, url)
    claims = factcheck.extract(article)
    return [c.to_dict() for c in claims], article.text


def evaluate(slug: str, gold: Gold, preds: list[Pred], text: str, scorer: ModuleType) -> ArticleResult:
    """Score one article and collect every miss, false positive and wrong attribution."""
    summary = scorer.score_extract(gold, preds)
    matched: list[list[Gold]] = scorer.match(gold, preds)
    counts = Counts(
        tp=summary["true_positive_predictions"],
        fp=summary["false_positive_predictions"],
        neutral=summary["neutral_predictions"],
        core=summary["core_claims"],
        found=summary["core_found"],
    )
    result = ArticleResult(slug, counts)
    norm_text = scorer.norm(text)
    for g in (g for g in gold["claims"] if g["core"]):
        hits = [p for p, gs in zip(preds, matched, strict=True) if g in gs]
        if not hits:
            result.missed.append(_describe_miss(g, preds, norm_text, scorer))
            continue
        agree = [scorer.sources_agree(g, p) for p in hits]
        counts.attr_any += any(agree)
        counts.attr_all += all(agree)
        if not all(agree):
            marks = ("" if ok else " ✗" for ok in agree)
            got = "; ".join(f"{p.get('sources')}{mark}" for p, mark in zip(hits, marks, strict=True))
            mark = "WRONG" if not any(agree) else "partly"
            result.wrong_sources.append(
                f'[{mark}] {g["id"]}: gold {g["sources"]} | predicted {got}\n      "{g["mentions"][0]}"'
            )
        if len(g["mentions"]) > 1:
            result.unmerged.extend(_restatement_issues(g, hits, scorer))
    for p, gs in zip(preds, matched, strict=True):
        if not gs:
            result.false_positives.append(_describe_fp(p, gold, scorer))
        elif len(scorer.quotes_of(p)) > 1:
            result.unmerged.extend(_over_merge(p, gold, scorer))
    return result


def _restatement_issues(g: Gold, hits: list[Pred], scorer: ModuleType) -> list[str]:
    """A claim stated in several places should come out once, with every place as a mention."""
    issues = []
    if len(hits) > 1:
        issues.append(f"{g['id']}: {len(g['mentions'])} mentions came out as {len(hits)} separate claims")
    quotes = [q for p in hits for q in scorer.quotes_of(p)]
    for m in g["mentions"]:
        if not any(scorer.overlaps(q, m) for q in quotes):
            issues.append(f'{g["id"]}: mention not extracted: "{m}"')
    return issues


def _over_merge(p: Pred, gold: Gold, scorer: ModuleType) -> list[str]:
    """Mentions of one predicted claim that belong to different gold claims: two claims merged into one."""
    owners = []
    for q in scorer.quotes_of(p):
        ids = {
            g["id"]
            for g in gold["claims"]
            if any(scorer.overlaps(q, m) for m in g["mentions"]) and scorer.value_agrees(g, p)
        }
        if ids:
            owners.append(ids)
    if any(not (a & b) for i, a in enumerate(owners) for b in owners[i + 1 :]):
        merged = sorted(set().union(*owners))
        return [f"one predicted claim ({_figure(p)}) merges different gold claims: {', '.join(merged)}"]
    return []


def _figure(p: Pred) -> str:
    if p.get("low") is not None or p.get("high") is not None:
        value = f"{p.get('low')}–{p.get('high')}"
    else:
        value = str(p.get("value"))
    return f"{value} {p.get('unit') or ''}".strip()


def _describe_miss(g: Gold, preds: list[Pred], norm_text: str, scorer: ModuleType) -> str:
    figure = f"{g.get('low')}–{g.get('high')}" if "low" in g else g.get("value")
    lines = [f'{g["id"]}: {figure} {g.get("unit", "")}  "{g["mentions"][0]}"']
    if not any(scorer.norm(m) in norm_text for m in g["mentions"]):
        lines.append("      not in the parsed article text (page parsing dropped it)")
    near = [
        p for p in preds if any(scorer.overlaps(q, m) for q in scorer.quotes_of(p) for m in g["mentions"])
    ]
    for p in near:
        lines.append(
            f"      same sentence: {_figure(p)} | subject={p.get('subject')} | metric={p.get('metric')}"
        )
    if not near:
        lines.append("      nothing extracted there")
    return "\n".join(lines)


def _describe_fp(p: Pred, gold: Gold, scorer: ModuleType) -> str:
    quote = p.get("quote") or ""
    line = (
        f"{_figure(p)} | subject={p.get('subject')} | metric={p.get('metric')} | sources={p.get('sources')}\n"
        f'      "{quote[:160]}"'
    )
    hit = _non_claim_hit(p, gold, scorer)
    if hit:
        line += f'\n      hits non-claim: "{hit}"'
    return line


def _non_claim_hit(p: Pred, gold: Gold, scorer: ModuleType) -> str | None:
    """The listed non-claim this prediction comes from: one standing in its quote and holding its number."""
    value = p.get("value") if p.get("value") is not None else p.get("low")
    quote = scorer.norm(p.get("quote") or "")
    for nc in gold.get("non_claims", []):
        if scorer.norm(nc) not in quote and quote not in scorer.norm(nc):
            continue
        numbers = [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", nc)]
        if value is None or not numbers or any(_near(float(value), n) for n in numbers):
            return nc
    return None


def _near(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-6 + 1e-3 * abs(b) or abs(a - b * 1e3) < 1e-6 or abs(a - b * 1e6) < 1e-6


def _fmt(rates: dict[str, float]) -> str:
    return (
        f"precision={rates['precision']:.3f} recall={rates['recall']:.3f} "
        f"attribution={rates['attribution']:.3f}/{rates['attribution_all']:.3f} (any/all)"
    )


def report(results: list[ArticleResult], details: bool = True) -> Counts:
    """Print per-article figures, the micro average and the details; returns the summed counts."""
    total = Counts()
    width = max(len(r.slug) for r in results)
    header = "preds  tp  fp  neutral  core  found  precision recall attribution(any/all)"
    print(f"{'article':<{width}}  {header}")
    for r in results:
        c, rates = r.counts, r.counts.rates()
        total.add(c)
        print(
            f"{r.slug:<{width}}  {c.tp + c.fp + c.neutral:5}  {c.tp:2}  {c.fp:2}  {c.neutral:7}  {c.core:4}  "
            f"{c.found:5}  {rates['precision']:9.3f} {rates['recall']:6.3f} "
            f"{rates['attribution']:6.3f}/{rates['attribution_all']:.3f}"
        )
    micro = total.rates()
    print(f"\nmicro-average over {len(results)} articles: {_fmt(micro)}")
    print("targets: " + ", ".join(f"{k} >= {v}" for k, v in TARGETS.items()))
    for r in results if details else []:
        print(f"\n=== {r.slug}")
        for title, items in (
            ("missed core claims", r.missed),
            ("false positives", r.false_positives),
            ("attribution errors", r.wrong_sources),
            ("merging of mentions", r.unmerged),
        ):
            if items:
                print(f"-- {title} ({len(items)})")
                for item in items:
                    print(f"   {item}")
    return total


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", help="article folders (slugs) to run")
    parser.add_argument(
        "--data",
        type=Path,
        default=DATA,
        help="folder of <slug>/article.html + gold.json (default: bench/data/claims; "
        "the held-out set is bench/data/claims_heldout)",
    )
    parser.add_argument(
        "--gold",
        default="gold.json",
        help="gold file name in each folder (gold-strict.json: attributions of the claim's own sentence "
        "and paragraph only, where a set has one)",
    )
    parser.add_argument("--scorer", type=Path, default=SCORER, help="path of the shared score_claims.py")
    parser.add_argument("--quiet", action="store_true", help="print the figures only, not the details")
    parser.add_argument("--out", type=Path, help="write each article's predictions to DIR/<slug>.jsonl")
    parser.add_argument("--json", action="store_true", help="print the micro-averaged figures as JSON last")
    args = parser.parse_args(argv)

    scorer = load_scorer(args.scorer)
    if scorer is None:
        print("skipped: the shared scorer (../shared/tools/score_claims.py next to the repository) is absent")
        return 0
    folders = sorted(d for d in args.data.iterdir() if (d / args.gold).is_file())
    if args.only:
        folders = [d for d in folders if d.name in args.only]
    results = []
    for folder in folders:
        gold = json.loads((folder / args.gold).read_text(encoding="utf-8"))
        html = (folder / gold.get("article", "article.html")).read_text(encoding="utf-8")
        preds, text = predictions(html, gold.get("url"))
        if args.out:
            args.out.mkdir(parents=True, exist_ok=True)
            lines = (json.dumps(p, ensure_ascii=False) + "\n" for p in preds)
            (args.out / f"{folder.name}.jsonl").write_text("".join(lines), encoding="utf-8")
        results.append(evaluate(folder.name, gold, preds, text, scorer))
    if not results:
        print("no articles found")
        return 1
    total = report(results, details=not args.quiet)
    if args.json:
        print(json.dumps({k: round(v, 3) for k, v in total.rates().items()}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
