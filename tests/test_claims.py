"""Claim extraction through the public API: what becomes a claim, its figure, subject and sources."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import factcheck

SHARED = Path(__file__).resolve().parents[2] / "shared"
GOLD = SHARED / "corpus" / "gpt55-rebuilt" / "gold.json"


def only(text: str) -> factcheck.models.Claim:
    claims = factcheck.extract(text)
    assert len(claims) == 1, [c.to_dict() for c in claims]
    return claims[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "bound"),
    [
        ("GPT-5.5 hit 82.7% on Terminal-Bench 2.0.", 82.7, "%", "="),
        ("Revenue at Acme reached $4.5 billion last quarter, the company said.", 4.5e9, "USD", "="),
        (
            "Acme's operating margin widened by 3 percentage points, according to Gartner.",
            3,
            "percentage points",
            "=",
        ),
        ("Nvidia shipped more than 3 million accelerators, according to Omdia.", 3e6, "count", ">"),
        (
            "About a third of developers use AI assistants daily, a Stack Overflow survey found.",
            33.33,
            "%",
            "~",
        ),
        ("Sixty-eight percent of respondents said they trust the results.", 68, "%", "="),
        ("The model handles 58%+ of issues autonomously.", 58, "%", ">"),
        (
            "The Acme X2 model costs $0.40 per million input tokens, based on OpenRouter data.",
            0.4,
            "USD per 1M tokens",
            "=",
        ),
        ("At least 40% of the budget goes to inference, IDC estimates.", 40, "%", ">="),
        ("The chip draws up to 700 watts under load.", 700, "W", "<="),
    ],
)
def test_a_stated_figure_is_normalised(text: str, value: float, unit: str, bound: str) -> None:
    claim = only(text)
    assert claim.quantity.value == pytest.approx(value, rel=1e-3)
    assert (claim.quantity.unit, claim.quantity.bound) == (unit, bound)


def test_a_range_keeps_both_ends() -> None:
    claim = only("Between 30 and 40 percent of firms plan to cut cloud spending, Gartner estimates.")
    assert (claim.quantity.low, claim.quantity.high, claim.quantity.bound, claim.quantity.unit) == (
        30,
        40,
        "range",
        "%",
    )
    assert claim.subject == "firms"


def test_a_rank_keeps_its_scale_and_the_leaderboard_is_the_source() -> None:
    score, rank = factcheck.extract(
        "BenchLM gave it a score of 93/100, and GPT-5.5 ranked #2 out of 115 models."
    )
    assert (score.kind, score.quantity.value, score.quantity.scale, list(score.sources)) == (
        "score",
        93,
        100,
        ["BenchLM"],
    )
    assert (rank.kind, rank.quantity.value, rank.quantity.scale, list(rank.sources)) == (
        "rank",
        2,
        115,
        ["BenchLM"],
    )


def test_a_direction_of_change_is_kept() -> None:
    claims = factcheck.extract("Apple's share fell 2 percentage points to 18%, Canalys reported.")
    fell = next(c for c in claims if c.quantity.unit == "percentage points")
    assert fell.quantity.direction == "down" and fell.kind == "difference"
    assert all(list(c.sources) == ["Canalys"] for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Every previous GPT-5 model, from 5.0 to 5.4, was built on the same foundation.",
        "Refactor this module to support OAuth 2.0 and add unit tests.",
        "Claude Opus 4.7 is Anthropic's flagship.",
        "Ask the model to output three things: (1) root cause analysis in 3 sentences, (2) a fix.",
        "For a 2-week sprint with 30 open issues, planning matters.",
        "It measures whether the model can use information from token 50,000 while processing token 900,000.",
        "You're locked into a contract that renews in Q3 2026.",
        "Install version 2.3 and set the timeout to 30 seconds.",
        "There's one question that hasn't been answered.",
        "Is GPT-5.5 more expensive than GPT-5.4 by 20%?",
    ],
)
def test_names_instructions_and_hypotheticals_are_not_claims(text: str) -> None:
    assert factcheck.extract(text) == []


def test_a_number_that_frames_the_claim_is_not_a_claim_itself() -> None:
    text = "For a 2-week sprint with 30 open issues, a conservative estimate is 40-60% time savings."
    claim = only(text)
    assert (claim.quantity.low, claim.quantity.high) == (40, 60)


def test_attribution_phrasings_name_the_organisation() -> None:
    cases = {
        "OpenAI leads with 57% market share, according to Futurum Group 2026.": ["Futurum Group"],
        "GPT-5.5 more than doubled to 74.0%, according to official OpenAI 2026 data.": ["OpenAI"],
        "Based on LLM-Stats 2026 data, the model costs $5 per 1M input tokens.": ["LLM-Stats"],
        "Mark Chen told TechCrunch that 40% of the lab's compute goes to research.": ["TechCrunch"],
        "Acme's revenue grew 12% last year, Reuters reported.": ["Reuters"],
        "According to Northwind Analytics, 44% of retailers now use chatbots.": ["Northwind Analytics"],
    }
    for text, sources in cases.items():
        claims = factcheck.extract(text)
        assert claims, text
        assert list(claims[0].sources) == sources, (text, claims[0].sources)


def test_a_model_maker_named_in_passing_is_not_a_source() -> None:
    claim = only("Claude Opus 4.7, Anthropic's best model right now, scored 69.4% on Terminal-Bench 2.0.")
    assert list(claim.sources) == [] and claim.subject == "Claude Opus 4.7"


def test_a_benchmark_name_is_the_metric_not_a_source() -> None:
    claim = only("GPT-5.5 hit 82.7% on Terminal-Bench 2.0.")
    assert list(claim.sources) == [] and claim.metric == "Terminal-Bench 2.0 score"


def test_an_attribution_at_the_end_of_a_paragraph_covers_the_sentences_before_it() -> None:
    text = (
        "GPT-5.5 hit 74.0% on the MRCR v2 benchmark. GPT-5.4 scored 36.6% on the same test. "
        "That is more than double in a single generation, according to OpenAI."
    )
    claims = factcheck.extract(text)
    assert {c.quantity.value for c in claims} >= {74.0, 36.6, 2.0}
    assert all(list(c.sources) == ["OpenAI"] for c in claims)
    gpt54 = next(c for c in claims if c.quantity.value == 36.6)
    assert gpt54.subject == "GPT-5.4" and gpt54.metric == claims[0].metric


def test_an_attribution_does_not_reach_into_other_paragraphs() -> None:
    text = (
        "GPT-5.5 hit 82.7% on Terminal-Bench 2.0.\n\n"
        "OpenAI leads with 57% market share, according to Futurum."
    )
    first, second = factcheck.extract(text)
    assert list(first.sources) == [] and list(second.sources) == ["Futurum Group"]


def test_a_hyperlink_in_the_sentence_names_the_owner_of_its_domain() -> None:
    html = (
        "<html><body><article><p>GPT-5.5 scored 60 on the index, per the "
        '<a href="https://artificialanalysis.ai/leaderboards/models">latest leaderboard</a>.</p>'
        "</article></body></html>"
    )
    claim = only(html)
    assert list(claim.sources) == ["Artificial Analysis"]
    assert list(claim.links) == ["https://artificialanalysis.ai/leaderboards/models"]


def test_a_restated_figure_is_one_claim_with_several_mentions() -> None:
    text = (
        "GPT-5.5 hit 82.7% on Terminal-Bench 2.0.\n\n"
        "It brings big gains in agentic coding (82.7% Terminal-Bench) and long context."
    )
    claim = only(text)
    assert len(claim.mentions) == 2
    assert all(text[m.start : m.end] == m.quote for m in claim.mentions)


def test_a_derived_gap_is_checked_against_the_articles_own_figures() -> None:
    text = (
        "GPT-5.5 hit 82.7% on Terminal-Bench 2.0. Claude Opus 4.7 scored 69.4% on the same test. "
        "That's a 13-point gap."
    )
    gap = next(c for c in factcheck.extract(text) if c.kind == "difference")
    assert gap.consistency is not None and gap.consistency.status == "consistent"
    assert gap.consistency.expected == pytest.approx(13.3)
    assert gap.subject == "GPT-5.5 vs Claude Opus 4.7"


def test_an_equality_between_two_models_is_a_ratio_claim_of_one() -> None:
    claim = only("Based on LLM-Stats data, GPT-5.5 API pricing is at the same level as GPT-5.4.")
    assert (claim.kind, claim.quantity.value, claim.quantity.unit) == ("equality", 1.0, "x")
    assert claim.subject == "GPT-5.5 vs GPT-5.4" and list(claim.sources) == ["LLM-Stats"]


def test_quotes_are_exact_substrings_of_the_article_text() -> None:
    html = SHARED / "corpus" / "gpt55-rebuilt" / "article.html"
    if not html.exists():
        pytest.skip("shared corpus not available")
    article = factcheck.parse_article(html.read_text(encoding="utf-8"))
    for claim in factcheck.extract(article):
        for m in claim.mentions:
            assert article.text[m.start : m.end] == m.quote


@pytest.mark.skipif(not GOLD.exists(), reason="shared corpus not available")
def test_founding_article_meets_the_extraction_targets(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from factcheck.cli.commands import main

    result = CliRunner().invoke(main, ["extract", str(GOLD.parent / "article.html"), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "claims.jsonl"
    out.write_text(result.output, encoding="utf-8")
    score = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_claims.py"), "extract", str(GOLD), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(score.stdout[: score.stdout.rindex("}") + 1])
    assert report["precision"] >= 0.90 and report["recall"] >= 0.95 and report["attribution_any"] >= 0.90, (
        report
    )
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    quotes = " ".join(json.loads(line)["quote"] for line in result.output.splitlines() if line.strip())
    for non_claim in gold["non_claims"]:
        for line in result.output.splitlines():
            claim = json.loads(line)
            assert not (non_claim in claim["quote"] and str(claim.get("value")) in non_claim), non_claim
    assert quotes


@pytest.mark.parametrize(
    ("text", "value", "sources"),
    [
        (
            "Corvid Labs released its model on Monday. The model accepts up to 256,000 tokens of context, "
            "Corvid says.",
            256000,
            ["Corvid Labs"],
        ),
        (
            "Kestrel Interactive reported results on Thursday. Its game brought in €236m, "
            "or 57% of the total, chief financial officer Aino Virtanen said.",
            57,
            ["Kestrel Interactive"],
        ),
        (
            "Exports will slow, said Leah Tan, an analyst at Crestline Research. She expects chip exports to "
            "grow by about 15% in 2027.",
            15,
            ["Crestline Research"],
        ),
        (
            "Data centres used 415 TWh last year, according to the International Energy Agency. The agency's "
            "base case has that share reaching 11% by 2030.",
            11,
            ["International Energy Agency"],
        ),
        (
            "Spending on software held up, rising 4.1%, the Bureau of Economic Analysis said.",
            4.1,
            ["Bureau of Economic Analysis"],
        ),
        ("Appfigures said revenue per user averaged $0.31 in the quarter.", 0.31, ["Appfigures"]),
    ],
)
def test_speakers_and_the_words_that_stand_for_them(text: str, value: float, sources: list[str]) -> None:
    claim = next(c for c in factcheck.extract(text) if c.quantity.value == pytest.approx(value))
    assert list(claim.sources) == sources


def test_the_publications_own_tests_keep_no_cited_source() -> None:
    text = "Tessera reports a pass rate of 68.4%. In our own runs, the model needed 38 tool calls per task."
    own = next(c for c in factcheck.extract(text) if c.quantity.value == 38)
    assert list(own.sources) == []


def test_a_consensus_figure_is_not_the_speakers() -> None:
    text = (
        "Halvard said it sees earnings of $1.60 per share, compared with the $1.58 analysts had pencilled in."
    )
    consensus = next(c for c in factcheck.extract(text) if c.quantity.value == 1.58)
    assert list(consensus.sources) == []


@pytest.mark.parametrize(
    "text",
    [
        "Brightline data show that installs rose 12% in the quarter.",
        "Installs rose 12% in the quarter, as Brightline noted on Monday.",
    ],
)
def test_an_unknown_organisations_data_and_notes_cite_it(text: str) -> None:
    assert list(only(text).sources) == ["Brightline"]


def test_a_possessive_pronoun_is_not_an_organisation() -> None:
    text = "Appfigures said spending grew. Its data show that games took 62% of spending."
    assert list(only(text).sources) == ["Appfigures"]


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        ("Shipments fell 4% in the quarter, said Omdia.", ["Omdia"]),
        ("In a note to clients, Morgan Stanley analysts wrote that margins reached 40%.", ["Morgan Stanley"]),
        ("Revenue rose 9%, per Omdia.", ["Omdia"]),
        (
            "Revenue rose 9%, said Rosa Delgado, an economist at the Brookfield Policy Institute.",
            ["Brookfield Policy Institute"],
        ),
    ],
)
def test_sources_named_after_the_verb_of_saying(text: str, sources: list[str]) -> None:
    assert list(only(text).sources) == sources


def test_what_a_source_speaks_of_is_not_a_source() -> None:
    claim = only("Halcyon also says Kestrel-3 delivers three times the throughput of Kestrel-2.")
    assert list(claim.sources) == ["Halcyon"]
    assert (claim.subject, claim.metric) == ("Kestrel-3 vs Kestrel-2", "throughput ratio")


def test_a_span_of_years_is_checked_against_the_year_the_article_names() -> None:
    html = (
        "<html><head><meta property='article:published_time' content='2026-04-25T08:00:00Z'></head><body>"
        "<article><p>The problem has existed since 1930. For 96 years, mathematicians have failed to solve "
        "it.</p><p>Some say it has been open for over 100 years.</p></article></body></html>"
    )
    by_value = {c.quantity.value: c for c in factcheck.extract(html)}
    assert by_value[96].consistency is not None and by_value[96].consistency.status == "consistent"
    assert by_value[96].consistency.expected == 96


@pytest.mark.parametrize(
    "text",
    [
        "<h1>Chips</h1><p>Intro.</p><p>Revenue rose 12% to $4.5 billion, Gartner said.</p>",
        "Shipments fell.\n\nThe firm shipped 3.2 million units, IDC estimates, and held 23% of the market.",
        "<p>GPT-5.5 scored 82.7% on Terminal-Bench 2.0.</p>"
        "<p>It ranked #2 out of 115 models, per BenchLM.</p>",
    ],
)
def test_a_claims_figure_points_at_its_own_words_in_the_article_text(text: str) -> None:
    article = factcheck.parse_article(text)
    claims = factcheck.extract(article)
    assert claims
    for claim in claims:
        q = claim.quantity
        assert q.text and article.text[q.start : q.end] == q.text
        assert claim.start <= q.start < q.end <= claim.end
