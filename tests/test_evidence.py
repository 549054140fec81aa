"""Evidence finding: reading source documents into facts, and ranking the facts that speak to a claim."""

from __future__ import annotations

from pathlib import Path

import pytest
from evidence_helpers import make_pdf

from factcheck.evidence.matching import (
    MIN_SCORE,
    STRONG,
    SourceText,
    extract_facts,
    find_evidence,
    metric_match,
    normalise_subject,
    read_document,
    same_subject,
)
from factcheck.models import Claim, Fact, Quantity

WEB = Path(__file__).resolve().parents[2] / "shared" / "web"

OPENAI_URL = "https://openai.com/index/introducing-gpt-5-5/"


def claim(
    subject: str | None,
    metric: str,
    value: float | None,
    unit: str,
    scale: float | None = None,
    low: float | None = None,
    high: float | None = None,
) -> Claim:
    bound = "range" if low is not None else "="
    return Claim(
        id="c1",
        quote="",
        start=0,
        end=0,
        quantity=Quantity(
            text="", start=0, end=0, value=value, unit=unit, scale=scale, low=low, high=high, bound=bound
        ),
        subject=subject,
        metric=metric,
    )


MRCR_55 = claim("GPT-5.5", "MRCR v2 score at 1M-token context", 74.0, "%")
MRCR_54 = claim("GPT-5.4", "MRCR v2 score at 1M-token context", 36.6, "%")
TB2_55 = claim("GPT-5.5", "Terminal-Bench 2.0 score", 82.7, "%")
AA_INDEX = claim("GPT-5.5", "Artificial Analysis Intelligence Index score", 60, "points")
BENCHLM_SCORE = claim("GPT-5.5", "BenchLM score", 93, "points", scale=100)
BENCHLM_RANK = claim("GPT-5.5", "BenchLM rank", 2, "rank", scale=115)
ADVANCED = claim("organizations", "share at an advanced stage of GenAI adoption", 68, "%")
OPENAI_SHARE = claim("OpenAI", "market share in model adoption", 57, "%")


def page(body: str, url: str = OPENAI_URL, title: str = "Introducing GPT-5.5 | OpenAI") -> SourceText:
    html = f"<!DOCTYPE html><html><head><title>{title}</title></head><body>{body}</body></html>"
    return read_document(html.encode("utf-8"), "text/html; charset=utf-8", url)


def facts_of(body: str, url: str = OPENAI_URL, title: str = "Introducing GPT-5.5 | OpenAI") -> list[Fact]:
    return extract_facts(page(body, url, title))


def best(c: Claim, facts: list[Fact]) -> tuple[Fact, float]:
    found = find_evidence(c, facts)
    assert found, f"no evidence for {c.subject} / {c.metric}"
    return found[0]


def values(found: list[tuple[Fact, float]]) -> list[float | None]:
    return [f.quantity.value for f, _ in found]


# --- names ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["GPT-5.5 (xhigh)", "gpt-5.5", "GPT 5.5", "OpenAI GPT-5.5", "GPT5.5"])
def test_normalise_subject_folds_spellings_of_one_model(name: str) -> None:
    assert normalise_subject(name) == "gpt-5.5"


def test_normalise_subject_keeps_multiword_names_and_other_versions_apart() -> None:
    assert normalise_subject("Claude Opus 4.7 (max)") == "claude opus 4.7"
    assert normalise_subject("GPT-5.4") == "gpt-5.4"
    assert normalise_subject("gpt-5.5-pro") != normalise_subject("gpt-5.5")


def test_same_subject_matches_variants_but_not_other_models() -> None:
    assert same_subject("GPT-5.5 (xhigh)", "GPT-5.5")
    assert same_subject("Qwen3.7-Max", "Qwen 3.7 Max")
    assert same_subject("organizations", "organisations")
    assert not same_subject("GPT-5.4", "GPT-5.5")
    assert not same_subject(None, "GPT-5.5")


# --- metric matching -----------------------------------------------------------------------------------


def test_metric_match_accepts_benchmark_label_with_extra_detail() -> None:
    assert metric_match("MRCR v2 score at 1M-token context", "OpenAI MRCR v2 (8-needle, 512K–1M)") >= 0.5
    assert metric_match("Terminal-Bench 2.0 score", "Terminal-Bench 2.0") >= 0.8


def test_metric_match_requires_versions_of_the_same_name_to_agree() -> None:
    assert metric_match("Terminal-Bench 2.0 score", "Terminal-Bench 1.0") == 0
    assert metric_match("MRCR v2 score", "MRCR v1") == 0


def test_metric_match_does_not_confuse_benchmarks_sharing_a_word() -> None:
    assert metric_match("Terminal-Bench 2.0 score", "SWE-Bench Pro (public)") == 0
    assert metric_match("market share in model adoption", "cloud workloads moved to a second provider") == 0


def test_metric_match_ranks_the_headline_score_above_a_sub_score() -> None:
    assert metric_match("overall score", "Provisional score") > metric_match("overall score", "Coding score")


# --- tables --------------------------------------------------------------------------------------------

MODELS_ACROSS = """
<main><h1>Introducing GPT-5.5</h1><h2>Evaluations</h2>
<table><caption>Selected evaluations (accuracy, %)</caption>
<thead><tr><th>Evaluation</th><th>GPT-5.5</th><th>GPT-5.4</th><th>Claude Opus 4.7</th></tr></thead>
<tbody>
<tr><td>Terminal-Bench 2.0</td><td>82.7</td><td>65.4</td><td>69.4</td></tr>
<tr><td>OpenAI MRCR v2 (8-needle, 512K-1M)</td><td>74.0</td><td>36.6</td><td>32.2</td></tr>
</tbody></table></main>
"""

MODELS_DOWN = """
<main><h1>Introducing GPT-5.5</h1><h2>Evaluations</h2>
<table>
<tr><th>Model</th><th>Terminal-Bench 2.0 (%)</th><th>OpenAI MRCR v2, 1M context (%)</th></tr>
<tr><th scope="row">Claude Opus 4.7</th><td>69.4</td><td>32.2</td></tr>
<tr><th scope="row">GPT-5.4</th><td>65.4</td><td>36.6</td></tr>
<tr><th scope="row">GPT-5.5</th><td>82.7</td><td>74.0</td></tr>
</table></main>
"""


@pytest.mark.parametrize("body", [MODELS_ACROSS, MODELS_DOWN], ids=["models-across", "models-down"])
def test_table_cells_become_facts_whichever_way_round(body: str) -> None:
    facts = facts_of(body)
    cell = next(f for f in facts if f.subject == "GPT-5.5" and "MRCR" in (f.metric or ""))
    assert cell.location == "table"
    assert cell.quantity.value == 74.0 and cell.quantity.unit == "%"  # unit from caption or column header
    assert "74.0" in cell.quote and "GPT-5.5" in cell.quote
    fact, score = best(MRCR_55, facts)
    assert fact.quantity.value == 74.0 and score >= 0.5
    assert best(MRCR_54, facts)[0].quantity.value == 36.6
    assert best(TB2_55, facts)[0].quantity.value == 82.7


@pytest.mark.parametrize("body", [MODELS_ACROSS, MODELS_DOWN], ids=["models-across", "models-down"])
def test_another_models_row_is_never_evidence(body: str) -> None:
    facts = [f for f in facts_of(body) if not same_subject(f.subject, "GPT-5.5")]
    assert facts  # the other models' cells are there ...
    assert find_evidence(MRCR_55, facts) == []  # ... but never speak for GPT-5.5
    assert find_evidence(TB2_55, facts) == []


def test_known_subjects_orient_a_table_of_unfamiliar_names() -> None:
    body = """<main><h1>Acme model card</h1><table>
    <tr><th>Benchmark</th><th>Acme Large</th><th>Acme Small</th></tr>
    <tr><td>Terminal-Bench 2.0</td><td>61.0%</td><td>40.5%</td></tr></table></main>"""
    doc = page(body, "https://acme.example/models", "Acme model card")
    facts = extract_facts(doc, subjects=["Acme Large"])
    small_claim = claim("Acme Small", "Terminal-Bench 2.0 score", 40.5, "%")
    assert values(find_evidence(claim("Acme Large", "Terminal-Bench 2.0 score", 61, "%"), facts)) == [61.0]
    assert values(find_evidence(small_claim, extract_facts(doc, subjects=["Acme Small"]))) == [40.5]


def test_leaderboard_table_gives_model_column_facts_and_rank() -> None:
    body = """<main><h1>LLM Leaderboard</h1><h2>Artificial Analysis Intelligence Index</h2>
    <table><thead><tr><th>#</th><th>Model</th><th>Creator</th><th>Intelligence Index</th>
    <th>Price (USD per 1M tokens)</th></tr></thead><tbody>
    <tr><td>1</td><td>GPT-5.5 (xhigh)</td><td>OpenAI</td><td>60</td><td>11.25</td></tr>
    <tr><td>2</td><td>Claude Opus 4.7 (max)</td><td>Anthropic</td><td>57</td><td>10.00</td></tr>
    </tbody></table></main>"""
    facts = facts_of(
        body, "https://artificialanalysis.ai/leaderboards/models", "Leaderboard | Artificial Analysis"
    )
    gpt = {f.metric: f.quantity for f in facts if f.subject == "GPT-5.5 (xhigh)"}
    assert gpt["Intelligence Index"].value == 60
    assert gpt["rank"].unit == "rank" and gpt["rank"].value == 1
    assert gpt["Price (USD per 1M tokens)"].unit == "USD per 1M tokens"
    assert not any(f.subject == "OpenAI" for f in facts)  # the creator column names no subject
    fact, score = best(AA_INDEX, facts)
    assert (fact.subject, fact.quantity.value) == ("GPT-5.5 (xhigh)", 60) and score >= STRONG


def test_price_table_of_providers_speaks_for_the_pages_model() -> None:
    body = """<main><h1>GPT-5.5</h1><h2>Pricing</h2><table>
    <thead><tr><th>Provider</th><th>Input ($/1M tokens)</th><th>Output ($/1M tokens)</th></tr></thead>
    <tbody><tr><td>OpenAI</td><td>$5.00</td><td>$30.00</td></tr></tbody></table></main>"""
    facts = facts_of(body, "https://llm-stats.com/models/gpt-5.5", "GPT-5.5 | LLM Stats")
    c = claim("GPT-5.5", "input price", 5.0, "USD per 1M tokens")
    fact, _ = best(c, facts)
    assert (
        fact.subject == "GPT-5.5" and fact.quantity.value == 5.0 and fact.quantity.unit == "USD per 1M tokens"
    )
    assert best(claim("GPT-5.5", "output price", 30.0, "USD per 1M tokens"), facts)[0].quantity.value == 30.0


# --- definition lists, stat blocks, charts ---------------------------------------------------------------


def test_definition_list_terms_name_the_metric() -> None:
    body = """<main><h1>GPT-5.5</h1><h2>Specifications</h2>
    <dl><dt>Context window</dt><dd>1,050,000 tokens</dd>
    <dt>Max output</dt><dd>128,000 tokens</dd></dl></main>"""
    facts = facts_of(body, "https://llm-stats.com/models/gpt-5.5", "GPT-5.5 | LLM Stats")
    dl = [f for f in facts if f.location == "dl"]
    assert {(f.metric, f.quantity.value) for f in dl} == {
        ("Context window", 1_050_000),
        ("Max output", 128_000),
    }
    fact, _ = best(claim("GPT-5.5", "context window", 1_000_000, "tokens"), facts)
    assert fact.metric == "Context window"


def test_stat_block_label_and_value_are_read_together() -> None:
    body = """<main><h1>GPT-5.5</h1><section class="scorecard">
    <div class="stat"><span class="label">Provisional score</span>
      <span class="value">93</span><span class="scale">/100</span></div>
    <div class="stat"><span class="label">Provisional rank</span>
      <span class="value">#2</span> <span class="of">of 115 ranked models</span></div>
    </section><h2>Category scores</h2><table><tr><th>Category</th><th>Score</th></tr>
    <tr><td>Coding</td><td>95</td></tr></table></main>"""
    facts = facts_of(body, "https://benchlm.ai/models/gpt-5-5", "GPT-5.5 | BenchLM")
    stat = next(f for f in facts if f.metric == "Provisional score")
    assert stat.quote == "Provisional score 93/100"
    assert (stat.quantity.value, stat.quantity.scale) == (93, 100)
    fact, score = best(BENCHLM_SCORE, facts)
    assert fact is stat and score >= STRONG  # the headline score outranks the "Coding" sub-score
    rank, _ = best(BENCHLM_RANK, facts)
    assert (rank.quantity.value, rank.quantity.unit, rank.quantity.scale) == (2, "rank", 115)


def test_site_named_metric_does_not_match_on_another_site() -> None:
    body = """<main><h1>GPT-5.5</h1><div class="stat"><span class="label">Provisional score</span>
    <span class="value">93</span></div></main>"""
    facts = facts_of(body, "https://example.org/gpt-5-5", "GPT-5.5 | Example")
    assert find_evidence(BENCHLM_SCORE, facts) == []


SVG_CHART = """
<main><h1>Introducing GPT-5.5</h1><figure>
<svg viewBox="0 0 400 100" role="img"><title>OpenAI MRCR v2 (8-needle, 512K-1M), accuracy</title>
<g class="axis"><text x="80" y="95">0%</text><text x="300" y="95">100%</text></g>
<text x="0" y="20">GPT-5.5</text><rect x="80" y="10" width="222" height="12"/>
<text x="310" y="20">74.0%</text>
<text x="0" y="50">GPT-5.4</text><rect x="80" y="40" width="110" height="12"/>
<text x="200" y="50">36.6%</text>
</svg><figcaption>Long-context retrieval</figcaption></figure></main>
"""


def test_svg_bar_chart_pairs_labels_with_their_values() -> None:
    doc = page(SVG_CHART)
    assert "GPT-5.5: 74.0%" in [label for label, _ in doc.labels]
    facts = extract_facts(doc)
    chart = {(f.subject, f.quantity.value) for f in facts if f.location == "chart"}
    assert chart == {("GPT-5.5", 74.0), ("GPT-5.4", 36.6)}  # the axis ticks are no facts
    assert best(MRCR_55, facts)[0].quantity.value == 74.0
    assert best(MRCR_54, facts)[0].quantity.value == 36.6


def test_aria_labels_and_data_values_are_chart_labels() -> None:
    body = """<main><h1>Introducing GPT-5.5</h1><h2>OpenAI MRCR v2 at 1M tokens (accuracy, %)</h2>
    <div class="chart"><div class="bar" aria-label="GPT-5.5: 74.0%"></div>
    <div class="bar" data-label="GPT-5.4" data-value="36.6"></div></div></main>"""
    facts = facts_of(body)
    assert {(f.subject, f.quantity.value, f.quantity.unit) for f in facts if f.location == "chart"} == {
        ("GPT-5.5", 74.0, "%"),
        ("GPT-5.4", 36.6, "%"),
    }
    assert best(MRCR_54, facts)[0].quantity.value == 36.6


def test_chart_text_holding_name_and_value_together() -> None:
    body = """<main><h1>Introducing GPT-5.5</h1><svg><title>Terminal-Bench 2.0 (accuracy)</title>
    <text><tspan>GPT-5.5</tspan> <tspan>82.7%</tspan></text><text>Claude Opus 4.7 69.4%</text></svg></main>"""
    facts = facts_of(body)
    assert {(f.subject, f.quantity.value) for f in facts if f.location == "chart"} == {
        ("GPT-5.5", 82.7),
        ("Claude Opus 4.7", 69.4),
    }
    assert values(find_evidence(TB2_55, facts)) == [82.7]


def test_a_heading_naming_one_model_is_the_subject_of_its_section() -> None:
    body = """<main><h1>Introducing GPT-5.5</h1><h2>GPT-5.4</h2>
    <dl><dt>OpenAI MRCR v2 at 1M tokens</dt><dd>36.6%</dd></dl>
    <h2>GPT-5.5</h2><p>It scores 74.0% on OpenAI MRCR v2 at 1M tokens.</p></main>"""
    facts = facts_of(body)
    assert values(find_evidence(MRCR_54, facts)) == [36.6]
    assert values(find_evidence(MRCR_55, facts)) == [74.0]


# --- prose ---------------------------------------------------------------------------------------------


def test_prose_sentence_gives_subject_and_metric_per_number() -> None:
    body = """<main><h1>Introducing GPT-5.5</h1>
    <p>GPT-5.5 reaches 82.7% on Terminal-Bench 2.0, while Claude Opus 4.7 reaches 69.4%.</p></main>"""
    facts = facts_of(body)
    by_value = {f.quantity.value: f for f in facts}
    assert by_value[82.7].subject == "GPT-5.5" and "Terminal-Bench 2.0" in (by_value[82.7].metric or "")
    assert by_value[69.4].subject == "Claude Opus 4.7"
    assert values(find_evidence(TB2_55, facts)) == [82.7]


def test_prose_numbers_in_words_and_page_subject() -> None:
    body = """<main><h1>2026 AI Decision Maker Survey</h1><h2>Adoption</h2>
    <p>Sixty-eight percent of organizations now describe their GenAI adoption as advanced.</p>
    <h2>Spending</h2><p>Budgets for GenAI grow by 31% in 2026.</p></main>"""
    facts = facts_of(body, "https://futurumgroup.com/insights/survey", "Survey | Futurum")
    fact, score = best(ADVANCED, facts)
    assert fact.quantity.value == 68 and fact.quantity.unit == "%" and fact.context == "Adoption"
    assert score >= 0.5
    assert all(f.quantity.value != 31 for f, _ in find_evidence(ADVANCED, facts))


def test_parenthesised_figures_belong_to_the_name_before_them() -> None:
    body = """<main><h1>Survey</h1><h2>Model providers</h2><p>OpenAI remains the most widely adopted model
    provider: 47% of respondents name it as their primary provider, ahead of Google (22%), Anthropic (19%)
    and open-weight models (12%).</p></main>"""
    facts = facts_of(body, "https://futurumgroup.com/insights/survey", "Survey | Futurum")
    subjects = {f.quantity.value: f.subject for f in facts}
    assert subjects == {47: "OpenAI", 22: "Google", 19: "Anthropic", 12: "open-weight models"}
    assert values(find_evidence(OPENAI_SHARE, facts)) == [47]


def test_page_chrome_is_not_evidence() -> None:
    body = """<header><a href="/">CodeRabbit</a>
    <span class="cta">Cut code review time &amp; bugs by 50%</span></header>
    <nav>Blog (120 posts)</nav><div class="cookie-banner">We use 3 kinds of cookies</div>
    <main><h1>How GPT-5.5 performs in AI code review</h1><p>Pull requests were merged 25% faster.</p></main>
    <footer>Join 250,000 readers</footer>"""
    doc = page(body, "https://coderabbit.ai/blog/gpt-5-5", "GPT-5.5 code review | CodeRabbit")
    facts = extract_facts(doc)
    assert [f.quantity.value for f in facts] == [25]
    assert "50%" not in doc.text and "cookies" not in doc.text
    found = find_evidence(claim("GPT-5.5", "code review time savings", 50, "%"), facts)
    assert 50 not in values(found)


def test_a_year_is_never_evidence_for_a_percentage() -> None:
    body = """<main><h1>Survey</h1><p>In 2026 organizations describe GenAI adoption as advanced.</p></main>"""
    facts = facts_of(body, "https://futurumgroup.com/x", "Survey | Futurum")
    assert any(f.quantity.unit == "date" for f in facts)
    assert find_evidence(ADVANCED, facts) == []


# --- other formats ---------------------------------------------------------------------------------------


def test_pdf_report_sentences_and_table_rows() -> None:
    pdf = make_pdf(
        [
            "2026 AI Decision Maker Survey",
            "",
            "Adoption",
            "Sixty-eight percent of organizations now describe their GenAI adoption as advanced.",
            "",
            "Model providers",
            "OpenAI remains the most widely adopted model provider: 47% of respondents",
            "name it as their primary provider, ahead of Google (22%).",
            "",
            "Benchmark GPT-5.5 GPT-5.4",
            "Terminal-Bench 2.0 82.7% 65.4%",
            "MRCR v2 at 1M tokens 74.0% 36.6%",
        ]
    )
    doc = read_document(pdf, "application/pdf", "https://futurumgroup.com/reports/survey.pdf")
    assert doc.is_pdf and "Sixty-eight percent" in doc.text
    facts = extract_facts(doc)
    fact, _ = best(ADVANCED, facts)
    assert (fact.location, fact.quantity.value) == ("pdf", 68)
    assert values(find_evidence(OPENAI_SHARE, facts)) == [47]
    assert best(MRCR_54, facts)[0].quantity.value == 36.6
    assert best(TB2_55, facts)[0].quantity.value == 82.7


def test_pdf_table_laid_out_in_columns_with_models_down() -> None:
    pdf = make_pdf(
        [
            "Evaluations",
            "",
            ["Model", "OpenAI MRCR v2 (1M)", "Terminal-Bench 2.0"],
            ["GPT-5.4", "36.6%", "65.4%"],
            ["GPT-5.5", "74.0%", "82.7%"],
        ]
    )
    facts = extract_facts(read_document(pdf, "application/pdf", OPENAI_URL))
    cells = {(f.subject, f.metric, f.quantity.value) for f in facts if f.location == "table"}
    assert ("GPT-5.5", "OpenAI MRCR v2 (1M)", 74.0) in cells
    assert best(MRCR_55, facts)[0].quantity.value == 74.0
    assert best(MRCR_54, facts)[0].quantity.value == 36.6
    assert best(TB2_55, facts)[0].quantity.value == 82.7


def test_jsonld_observation_is_a_fact() -> None:
    body = """<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Dataset",
    "name": "Evaluations", "variableMeasured": [{"@type": "PropertyValue", "name": "Terminal-Bench 2.0",
    "value": 82.7, "unitText": "%", "about": "GPT-5.5"}]}</script><main><h1>Evaluations</h1></main>"""
    facts = facts_of(body)
    fact, _ = best(TB2_55, facts)
    assert (fact.location, fact.quantity.value, fact.quantity.unit) == ("jsonld", 82.7, "%")


def test_nested_json_keys_name_subject_and_metric() -> None:
    data = b"""{"title": "Evaluations", "GPT-5.4": {"OpenAI MRCR v2 1M": "36.6%"},
               "GPT-5.5": {"OpenAI MRCR v2 1M": 74.0}}"""
    facts = extract_facts(read_document(data, "application/json", "https://openai.com/evals.json"))
    assert values(find_evidence(MRCR_54, facts)) == [36.6]
    found = find_evidence(claim("GPT-5.5", "MRCR v2 1M", 74.0, ""), facts)
    assert [(f.subject, f.quantity.value) for f, _ in found] == [("GPT-5.5", 74.0)]


def test_json_records_and_plain_text_are_read() -> None:
    records = b'[{"model": "GPT-5.5", "mrcr_v2_1m": "74.0%"}, {"model": "GPT-5.4", "mrcr_v2_1m": "36.6%"}]'
    facts = extract_facts(read_document(records, "application/json", "https://openai.com/evals.json"))
    assert best(claim("GPT-5.4", "MRCR v2 1M", 36.6, "%"), facts)[0].quantity.value == 36.6
    text = b"GPT-5.5 results\n\nGPT-5.5 scored 74.0% on MRCR v2 at 1M tokens, up from 36.6% for GPT-5.4.\n"
    facts = extract_facts(read_document(text, "text/plain", "https://openai.com/notes.txt"))
    assert values(find_evidence(MRCR_55, facts)) == [74.0]
    assert values(find_evidence(MRCR_54, facts)) == [36.6]


# --- the replay mirror's source pages ---------------------------------------------------------------------


def mirror(path: str) -> list[Fact]:
    file = WEB / path / "index.html"
    if not file.exists():
        pytest.skip("../shared/web is not present")
    return extract_facts(read_document(file.read_bytes(), "text/html; charset=utf-8", f"https://{path}/"))


def test_openai_page_states_mrcr_for_both_models() -> None:
    facts = mirror("openai.com/index/introducing-gpt-5-5")
    assert any(
        f.subject == "GPT-5.5" and "MRCR v2" in (f.metric or "") and f.quantity.value == 74.0 for f in facts
    )
    assert best(MRCR_55, facts)[0].quantity.value == 74.0
    assert best(MRCR_54, facts)[0].quantity.value == 36.6
    swe, score = best(claim("GPT-5.5", "SWE-Bench Pro score", 58.6, "%"), facts)
    assert swe.quantity.value == 58.6 and score >= STRONG
    assert all(f.quote[f.quantity.start : f.quantity.end] == f.quantity.text for f in facts)


def test_artificial_analysis_leaderboard_gives_the_index_of_the_top_variant() -> None:
    facts = mirror("artificialanalysis.ai/leaderboards/models")
    fact, score = best(AA_INDEX, facts)
    assert (fact.subject, fact.metric, fact.quantity.value) == ("GPT-5.5 (xhigh)", "Intelligence Index", 60)
    assert score >= STRONG


def test_benchlm_page_gives_score_and_rank() -> None:
    facts = mirror("benchlm.ai/models/gpt-5-5")
    assert best(BENCHLM_SCORE, facts)[0].quantity.value == 93
    rank, _ = best(BENCHLM_RANK, facts)
    assert (rank.quantity.value, rank.quantity.scale) == (2, 115)
    assert not any(f.quantity.value == 240 for f in facts)  # the footer's "240 models" is chrome


def test_futurum_survey_supports_adoption_and_contradicts_market_share() -> None:
    survey = mirror("futurumgroup.com/insights/ai-decision-maker-survey-2026")
    cloud = mirror("futurumgroup.com/insights/cloud-spending-outlook-2026")
    assert values(find_evidence(ADVANCED, survey + cloud))[0] == 68
    found = find_evidence(OPENAI_SHARE, survey + cloud)
    assert values(found)[:1] == [47]
    # the unrelated cloud report's "57% ... second cloud provider" is not about model adoption
    assert not any("cloud" in f.quote for f, _ in found)


def test_llm_stats_price_and_coderabbit_tagline() -> None:
    facts = mirror("llm-stats.com/models/gpt-5.5")
    fact, _ = best(claim("GPT-5.5", "input price", 5.0, "USD per 1M tokens"), facts)
    assert fact.quantity.value == 5.0
    rabbit = mirror("coderabbit.ai/blog/gpt-5-5-code-review-benchmark")
    assert not any(f.quantity.value == 50 for f in rabbit)
    savings = claim("GPT-5.5", "debugging time savings", None, "%", low=40, high=60)
    assert find_evidence(savings, rabbit) == []


def test_scores_are_ordered_and_bounded() -> None:
    facts = mirror("openai.com/index/introducing-gpt-5-5") + mirror(
        "artificialanalysis.ai/leaderboards/models"
    )
    for c in (MRCR_55, TB2_55, AA_INDEX):
        scores = [s for _, s in find_evidence(c, facts)]
        assert scores == sorted(scores, reverse=True)
        assert all(MIN_SCORE <= s <= 1 for s in scores)


# --- unfamiliar layouts: ranked rows, captions, scales, cards, charts, boxes, wrapped PDF lines ----------

VENDOR_URL = "https://analyst.example/press/handhelds-q3"


def vendor_table(caption: str, rows: list[tuple[str, str]], column: str = "Q3 Market Share") -> str:
    cells = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in rows)
    return (
        f"<table><caption>{caption}</caption><thead><tr><th>Vendor</th><th>{column}</th></tr></thead>"
        f"<tbody>{cells}</tbody></table>"
    )


@pytest.mark.parametrize("prefix", ["2. ", "#2 ", "2) "])
def test_a_rank_in_front_of_a_row_label_is_read_apart_from_the_name(prefix: str) -> None:
    table = vendor_table(
        "Top vendors, worldwide smartphone market share",
        [("1. Quillon", "24.1%"), (f"{prefix}Marlowe", "18.3%"), ("Others", "57.6%")],
    )
    doc = page(f"<main><h1>Q3 results</h1>{table}</main>", VENDOR_URL, "Q3 | Analyst")
    facts = extract_facts(doc, ["Marlowe"])
    fact, score = best(claim("Marlowe", "smartphone market share", 18.3, "%"), facts)
    assert (fact.subject, fact.quantity.value) == ("Marlowe", 18.3) and score >= STRONG
    rank, _ = best(claim("Marlowe", "rank", 2, "rank"), facts)
    assert (rank.subject, rank.quantity.value, rank.quantity.unit) == ("Marlowe", 2, "rank")


def test_a_table_captioned_with_another_product_category_is_not_evidence() -> None:
    tablets = vendor_table("Tablet shipments by vendor", [("Quillon", "14.0%")], "Shipment share")
    phones = vendor_table("Smartphone shipments by vendor", [("Quillon", "12.6%")], "Shipment share")
    wanted = claim("Quillon", "smartphone shipment share", 14, "%")
    tablet_facts = extract_facts(page(f"<main><h1>Q3</h1>{tablets}</main>", VENDOR_URL), ["Quillon"])
    assert all(score < STRONG for _, score in find_evidence(wanted, tablet_facts))
    phone_facts = extract_facts(page(f"<main><h1>Q3</h1>{phones}</main>", VENDOR_URL), ["Quillon"])
    assert values(find_evidence(wanted, tablet_facts + phone_facts))[:1] == [12.6]
    # the same heading rule holds for a table without caption under a section heading
    headed = extract_facts(
        page(
            f"<main><h1>Q3</h1><h2>Tablets</h2>{vendor_table('', [('Quillon', '14.0%')])}</main>", VENDOR_URL
        ),
        ["Quillon"],
    )
    assert all(score < STRONG for _, score in find_evidence(wanted, headed))


@pytest.mark.parametrize(
    ("caption", "column", "cell", "value", "unit"),
    [
        ("Shipments by vendor (in millions)", "Shipments", "50.7", 50.7e6, "count"),
        ("Shipments by vendor (shipments in millions of units)", "Q3 Shipments", "50.7", 50.7e6, "count"),
        ("", "Shipments (millions)", "50.7", 50.7e6, "count"),
        ("", "Units (m)", "50.7", 50.7e6, "count"),
        ("", "Revenue ($ billions)", "4.2", 4.2e9, "USD"),
        ("", "Revenue (bn)", "4.2", 4.2e9, "count"),
        ("", "Shipments (millions)", "50.7M", 50.7e6, "count"),  # already scaled by its own text
        ("Shipments in millions", "Market share", "17.0%", 17.0, "%"),  # a share is never scaled
        ("Revenue in billions", "Shipments", "50.7", 50.7, "count"),  # the caption names another column
    ],
)
def test_scale_words_of_a_caption_or_header_apply_to_the_cells(
    caption: str, column: str, cell: str, value: float, unit: str
) -> None:
    table = vendor_table(caption, [("Quillon", cell)], column)
    facts = extract_facts(page(f"<main><h1>Q3</h1>{table}</main>", VENDOR_URL), ["Quillon"])
    cells = [(f.quantity.value, f.quantity.unit or "count") for f in facts if f.location == "table"]
    assert cells == [(pytest.approx(value), unit)]


def test_a_price_per_million_tokens_in_a_header_is_not_a_scale() -> None:
    table = vendor_table("", [("Quillon", "$1.20")], "Input ($/1M tokens)")
    facts = extract_facts(page(f"<main><h1>Prices</h1>{table}</main>", VENDOR_URL), ["Quillon"])
    assert [(f.quantity.value, f.quantity.unit) for f in facts] == [(1.2, "USD per 1M tokens")]


CARDS = """<main><h1>Catalogue</h1><p>Prices are per million tokens.</p><div class="grid">
<article class="tile"><h3><a href="/m/tern-4">Lumen: Tern-4</a></h3><p>added in March</p>
  <dl><dt>Input</dt><dd>$1.20/M tokens</dd><dt>Context</dt><dd>200,000 tokens</dd></dl></article>
<article class="tile"><h3><a href="/m/tern-5">Lumen: Tern-5</a></h3><p>added in May</p>
  <dl><dt>Input</dt><dd>$2.00/M tokens</dd><dt>Context</dt><dd>400,000 tokens</dd></dl></article>
<article class="tile"><h3><a href="/m/swift-2">Aster: Swift 2 Pro</a></h3>
  <div class="stat"><span class="label">Input</span><span class="value">$0.30/M tokens</span></div></article>
</div></main>"""


def test_each_card_takes_its_own_heading_as_subject() -> None:
    facts = extract_facts(page(CARDS, "https://router.example/models", "Models | Router"), ["Tern-5"])
    inputs = {(f.subject, f.quantity.value) for f in facts if f.metric == "Input"}
    assert inputs == {("Tern-4", 1.2), ("Tern-5", 2.0), ("Swift 2 Pro", 0.3)}
    found = find_evidence(claim("Tern-5", "input price", 2.0, "USD per 1M tokens"), facts)
    assert values(found)[:1] == [2.0] and found[0][1] >= STRONG
    assert 1.2 not in values(found)


def test_sections_named_after_measures_are_not_cards_of_items() -> None:
    body = """<main><h1>Tern-5 review</h1>
    <section class="part"><h2>Display</h2><dl><dt>Brightness</dt><dd>2,600 nits</dd></dl></section>
    <section class="part"><h2>Battery</h2><dl><dt>Battery life</dt><dd>21 hours</dd></dl></section></main>"""
    facts = extract_facts(page(body, "https://reviews.example/tern-5", "Tern-5 review"), ["Tern-5"])
    assert {f.subject for f in facts} == {"Tern-5"}  # the page's subject, not "Display" or "Battery"
    found = find_evidence(claim("Tern-5", "battery life", 21, "hours"), facts)
    assert values(found)[:1] == [21] and found[0][1] >= STRONG


HORIZONTAL_BARS = """<main><h1>Tern-5</h1><figure><figcaption>Reasoning Index</figcaption><svg>
<g class="axis"><text x="0" y="200">0</text><text x="300" y="200">60</text></g><g>
<text x="-6" y="20">Tern-4</text><rect x="0" y="12" width="200" height="20"/><text x="206" y="27">38</text>
<text x="-6" y="60">Tern-5</text><rect x="0" y="52" width="260" height="20"/><text x="266" y="67">47</text>
<text x="-6" y="100">Swift 2 Pro</text><rect x="0" y="92" width="150" height="20"/>
<text x="156" y="107">29</text>
</g></svg></figure></main>"""

VERTICAL_BARS = """<main><h1>Tern-5</h1><h2>Reasoning Index</h2><svg>
<text x="50" y="140">38</text><text x="120" y="110">47</text><text x="190" y="160">29</text>
<text x="48" y="220">Tern-4</text><text x="118" y="220">Tern-5</text><text x="188" y="220">Swift 2 Pro</text>
</svg></main>"""


GROUPED_BARS = """<main><h1>Tern-5</h1><svg><title>Reasoning Index</title>
<g transform="translate(0,0)"><text y="14">Tern-4</text><rect width="200"/><text x="210" y="14">38</text></g>
<g transform="translate(0,30)"><text y="14">Tern-5</text><rect width="260"/><text x="270" y="14">47</text></g>
<g transform="translate(0,60)"><text y="14">Swift 2 Pro</text><text x="160" y="14">29</text></g>
</svg></main>"""


@pytest.mark.parametrize(
    "body", [HORIZONTAL_BARS, VERTICAL_BARS, GROUPED_BARS], ids=["horizontal", "vertical", "grouped"]
)
def test_a_bar_value_pairs_with_its_own_bar_and_keeps_that_bars_name(body: str) -> None:
    facts = extract_facts(page(body, "https://bench.example/models/tern-5", "Tern-5 | Bench"), ["Tern-5"])
    bars = {(f.subject, f.quantity.value) for f in facts if f.location == "chart"}
    assert bars == {("Tern-4", 38), ("Tern-5", 47), ("Swift 2 Pro", 29)}
    assert values(find_evidence(claim("Tern-5", "Reasoning Index", 47, "points"), facts)) == [47]


def test_a_label_after_its_value_is_attached_to_it() -> None:
    body = """<main><h1>Tern-5 review</h1><div class="verdict">
    <div class="score"><span class="score-value">7.4</span><span class="score-scale">/10</span></div>
    <p class="score-label">Reviewer score</p>
    <p class="pros">For: the brightest screen of the year, seven years of updates</p></div>
    <div class="facts"><div><strong>92%</strong> <span>Battery health after a year</span></div></div>
    <div class="kpi"><div class="kpi-label">Units sold</div><div class="kpi-value">1.1bn</div>
    <div class="kpi-note">units, estimate</div></div></main>"""
    doc = page(body, "https://reviews.example/tern-5", "Tern-5 review")
    assert ("Reviewer score", "7.4/10") in [(t, v) for t, v, _ in doc.definitions]
    assert ("Battery health after a year", "92%") in [(t, v) for t, v, _ in doc.definitions]
    assert "For: the brightest screen" in doc.text  # the rest of the box is still read
    facts = extract_facts(doc, ["Tern-5"])
    score, strength = best(claim("Tern-5", "reviewer score", 7.4, "points", scale=10), facts)
    assert (score.quantity.value, score.quantity.scale) == (7.4, 10) and strength >= STRONG
    units, _ = best(claim("Tern-5", "units sold", 1.1e9, "count"), facts)
    assert units.quantity.value == 1.1e9


@pytest.mark.parametrize(
    "box",
    [
        "<aside><h3>Also reviewed</h3><p>Swift 2 Pro: 8.6/10</p><p>Other phone: 8.6/10</p></aside>",
        '<div class="related-reviews"><p>Swift 2 Pro: 8.6/10</p><p>Other phone: 8.6/10</p></div>',
        "<section><h2>You may also like</h2><ul><li>Swift 2 Pro: 8.6/10</li><li>Other: 8.6/10</li></ul>"
        "</section>",
        "<h2>Compare with</h2><p>Swift 2 Pro: 8.6/10</p><p>Other phone: 8.6/10</p>",
    ],
    ids=["aside", "related-class", "you-may-also-like", "compare-heading"],
)
def test_figures_in_a_box_about_other_items_do_not_take_the_page_subject(box: str) -> None:
    body = f"""<main><h1>Tern-5 review</h1><p>The Tern-5 earns a review score of 8.1/10.</p>{box}</main>"""
    facts = extract_facts(page(body, "https://reviews.example/tern-5", "Tern-5 review"), ["Tern-5"])
    boxed = {f.subject for f in facts if f.quantity.value == 8.6}
    assert boxed == {"Swift 2 Pro", None}  # the name its own line gives, else none
    found = find_evidence(claim("Tern-5", "review score", 8.6, "points", scale=10), facts)
    assert 8.6 not in values(found) and values(found)[:1] == [8.1]


def test_an_aside_within_the_article_text_keeps_the_page_subject() -> None:
    body = """<main><article><h1>Tern-5 review</h1><p>A bright phone.</p>
    <aside class="key-facts"><p>Battery life: 21 hours</p></aside></article>
    <aside><p>Swift 2 Pro battery life: 25 hours</p></aside></main>"""
    facts = extract_facts(page(body, "https://reviews.example/tern-5", "Tern-5 review"), ["Tern-5"])
    assert {f.quantity.value: f.subject for f in facts} == {21: "Tern-5", 25: None}


def test_a_page_whose_title_opens_with_the_claimed_name_is_about_it() -> None:
    body = """<main><h1>Samsung Tern-5 review: the safe bet</h1>
    <div class="stat"><span class="label">Reviewer score</span>
    <span class="value">7.4/10</span></div></main>"""
    facts = extract_facts(page(body, "https://reviews.example/tern-5", "Review"), ["Tern-5"])
    fact, strength = best(claim("Tern-5", "reviewer score", 7.4, "points", scale=10), facts)
    assert fact.subject == "Tern-5" and strength >= 0.9


def test_the_latest_period_is_read_for_a_claim_naming_none() -> None:
    body = """<main><h1>Q3</h1><table><caption>Smartphone market share</caption>
    <thead><tr><th>Vendor</th><th>3Q25 Share</th><th>3Q26 Share</th></tr></thead>
    <tbody><tr><td>Quillon</td><td>15.2%</td><td>12.6%</td></tr></tbody></table></main>"""
    facts = extract_facts(page(body, VENDOR_URL), ["Quillon"])
    assert values(find_evidence(claim("Quillon", "market share", 14, "%"), facts))[:1] == [12.6]


def test_a_pdf_sentence_wrapped_over_two_lines_is_read_whole() -> None:
    pdf = make_pdf(
        [
            "Handheld Market Pulse, third quarter of 2026, preliminary",
            "",
            "Key findings",
            "Worldwide rugged tablet shipments reached 3.4 million units in Q3 2026,",
            "up 18% year on year.",
            "Quillon shipped 1.2 million rugged tablets.",
        ]
    )
    doc = read_document(pdf, "application/pdf", "https://analyst.example/reports/pulse.pdf")
    assert "Worldwide rugged tablet shipments reached 3.4 million units in Q3 2026, up 18% year on year." in [
        s for s, _ in doc.sentences
    ]
    facts = extract_facts(doc, ["Quillon"])
    growth, strength = best(claim("rugged tablets", "shipment growth", 18, "%"), facts)
    assert growth.quantity.value == 18 and strength >= STRONG
    # the title line is no one's name: unnamed sentences have no subject, named ones keep theirs
    named = {f.quantity.value: f.subject for f in facts if f.quantity.unit != "date"}
    assert named == {3.4e6: None, 18: None, 1.2e6: "Quillon"}


def test_a_market_total_is_not_stated_by_one_vendors_row() -> None:
    body = """<main><h1>Smartphone shipments grow in the first quarter</h1>
    <table><caption>Top smartphone companies, worldwide shipments and year-over-year growth</caption>
    <tr><th>Company</th><th>Shipments</th><th>Year-over-year growth</th></tr>
    <tr><td>Acme</td><td>68.6</td><td>7.5%</td></tr><tr><td>Zenith</td><td>50.7</td><td>-2.0%</td></tr>
    </table></main>"""
    facts = facts_of(body, url="https://tracker.example/q1", title="Smartphone shipments")
    growth = claim(None, "phones shipped growth", 3.1, "%")
    rows = [(f, s) for f, s in find_evidence(growth, facts) if f.subject in ("Acme", "Zenith")]
    assert rows and all(s < 0.3 for _f, s in rows)  # context at most, never a verdict


@pytest.mark.parametrize("label", ["windows-1252", "cp1252", "latin-1"])
def test_a_source_page_is_decoded_by_its_http_charset(label: str) -> None:
    page = "<html><body><p>Caf\u00e9 revenue reached \u20ac4.2 billion in 2025.</p></body></html>"
    doc = read_document(page.encode("cp1252"), f"text/html; charset={label}", "https://firm.example/r")
    assert "\u20ac4.2 billion" in doc.text and "Caf\u00e9" in doc.text


@pytest.mark.parametrize(
    ("chrome", "wrapper"),
    [
        ('<div class="share-bar">2,300 shares</div>', "market-share"),
        ('<ul class="social-icons"><li>4,100 followers</li></ul>', "social-media-use"),
        ('<div id="cookie-consent">12 partners use cookies.</div>', "key-figures"),
    ],
)
def test_source_page_chrome_gives_no_facts_and_content_with_a_similar_class_does(
    chrome: str, wrapper: str
) -> None:
    page = (
        f"<html><body>{chrome}<main><h1>Vendor shares</h1><div class='{wrapper}'>"
        "<p>Samsung held 23% of shipments in the first quarter.</p></div></main></body></html>"
    )
    doc = read_document(page.encode(), "text/html; charset=utf-8", "https://tracker.example/q1")
    assert "Samsung held 23%" in doc.text
    assert not any(w in doc.text for w in ("2,300", "4,100", "12 partners"))
