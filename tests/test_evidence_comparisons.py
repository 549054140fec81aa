"""Comparisons and the words around figures: "A is the same price as B" and "more than double" are judged from
each side's like-for-like figures (pairs of one sentence in turn, a shared rate, the row whose figures the
claim states) or from a ratio the source states in words; a survey's share of respondents is a market share;
"it" takes the model the sentence before named. Verified through ``verify_claims`` against a replayed site."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.evidence.documents import read_document
from factcheck.evidence.facts import extract_facts
from factcheck.evidence.matching import candidates
from factcheck.models import Article, Claim, Fact, Link, Quantity
from factcheck.sources.registry import Registry
from factcheck.verify.run import verify_claims
from factcheck.verify.verdict import Found, judge_direct
from factcheck.web.client import Fetcher

HOST = "pricewatch.example"
PAGE = f"https://{HOST}/models/vega-3/"


def _verify(tmp_path: Path, page: str, sentence: str, claim: Claim) -> Claim:
    """``claim`` (stated by ``sentence``, which links the page) verified against ``page`` served at PAGE."""
    folder = tmp_path / HOST / "models" / "vega-3"
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(page, encoding="utf-8")
    text = f"{sentence}\n"
    link_at = text.index("Price Watch")
    article = Article(
        url="https://news.example/a/",
        text=text,
        paragraphs=((0, len(text)),),
        links=(Link(PAGE, "Price Watch", link_at, link_at + len("Price Watch")),),
    )
    placed = Claim(**{**claim.__dict__, "quote": sentence, "start": 0, "end": len(sentence)})
    result = verify_claims([placed], article, Fetcher(archive=tmp_path), Registry.load())
    return result.claims[0]


def comparison(value: float, metric: str, kind: str, bound: str = "=") -> Claim:
    return Claim(
        id="c",
        quote="",
        start=0,
        end=0,
        quantity=Quantity(text="", start=0, end=0, value=value, unit="x", bound=bound),
        subject="Vega-3 vs Vega-2",
        metric=metric,
        kind=kind,
        sources=("Price Watch",),
    )


SAME_PRICE = "Based on Price Watch data, Vega-3 API pricing is at the same level as Vega-2."

PRICES = [
    """<h1>Vega-3</h1><p>Vega-3 costs $5 per million input tokens and $30 per million output tokens,
    double Vega-2's $2.50 and $15.</p>""",
    """<h1>vega-3 pricing</h1><table><tr><th>model</th><th>input ($/M)</th><th>output ($/M)</th></tr>
    <tr><td>vega-3</td><td>5.00</td><td>30.00</td></tr><tr><td>vega-2</td><td>2.50</td><td>15.00</td></tr></table>""",
    """<h1>Vega-3</h1><table><tr><th></th><th>Vega-2</th><th>Vega-3</th></tr>
    <tr><td>Input price</td><td>$2.50/1M</td><td>$5.00/1M</td></tr>
    <tr><td>Output price</td><td>$15.00/1M</td><td>$30.00/1M</td></tr></table>""",
    """<h1>Vega-3</h1><p>Per token, Vega-3 costs double what Vega-2 does.</p>""",
    """<h1>Vega-3</h1><p>Vega-3 costs $5 per million input tokens and $30 per million output tokens (about
    €4.60 and €27.60), double Vega-2's $2.50 and $15.</p>""",
]


@pytest.mark.parametrize(
    "page",
    PRICES,
    ids=["in-turn", "lowercase-per-M", "models-across", "ratio-word", "in-turn-other-currency"],
)
def test_a_claimed_same_price_is_contradicted_by_prices_twice_as_high(tmp_path: Path, page: str) -> None:
    checked = _verify(tmp_path, page, SAME_PRICE, comparison(1, "API pricing ratio", "equality"))
    assert checked.review is not None
    assert checked.review.verdict == "contradicted", checked.review.explanation


EQUAL_PRICES = [
    """<h1>Vega-3</h1><p>Vega-3 costs $5 per million input tokens and $30 per million output tokens, the same
    as Vega-2's $5 and $30.</p>""",
    """<h1>vega-3 pricing</h1><table><tr><th>model</th><th>input ($/M)</th><th>output ($/M)</th></tr>
    <tr><td>vega-3</td><td>5.00</td><td>30.00</td></tr><tr><td>vega-2</td><td>5.00</td><td>30.00</td></tr></table>""",
]


@pytest.mark.parametrize("page", EQUAL_PRICES, ids=["prose-in-turn", "lowercase-per-M"])
def test_a_claimed_same_price_is_supported_by_equal_prices(tmp_path: Path, page: str) -> None:
    checked = _verify(tmp_path, page, SAME_PRICE, comparison(1, "API pricing ratio", "equality"))
    assert checked.review is not None and checked.review.verdict == "supported", checked.review.explanation


LENGTHS = """<h1>Vega-3</h1><h3>Long context</h3>
<table><tr><th>Eval</th><th>Vega\u20113</th><th>Vega\u20112</th></tr>
<tr><td>NeedleSet 4K-8K</td><td>98.1%</td><td>97.3%</td></tr>
<tr><td>NeedleSet 256K-512K</td><td>81.5%</td><td>57.5%</td></tr>
<tr><td>NeedleSet 512K-1M</td><td>74.0%</td><td>36.6%</td></tr></table>"""


@pytest.mark.parametrize(
    ("sentence", "verdict"),
    [
        ("From 36.6% to 74.0%, more than double on NeedleSet, according to Price Watch.", "supported"),
        ("NeedleSet went from 57.5% to 81.5%, more than double, according to Price Watch.", "contradicted"),
    ],
)
def test_a_comparison_is_judged_on_the_row_whose_figures_its_sentence_states(
    tmp_path: Path, sentence: str, verdict: str
) -> None:
    claim = comparison(2, "NeedleSet score ratio", "ratio", ">")
    checked = _verify(tmp_path, LENGTHS, sentence, claim)
    assert checked.review is not None and checked.review.verdict == verdict, checked.review.explanation


GAINS_IN_PROSE = [
    "Vega-3 answers 74.0 percent of the 512K–1M-token tasks of NeedleSet, up from 36.6 percent for Vega-2.",
    "On the 512K to 1M token NeedleSet tasks, Vega-3 scores 74.0%, up from 36.6% for Vega-2.",
    "Vega-3 reaches 74.0% on NeedleSet at 1M tokens of context, against 36.6% for Vega-2.",
]


@pytest.mark.parametrize("text", GAINS_IN_PROSE, ids=["token-range-first", "range-in-front", "against"])
def test_a_ratio_is_computed_from_a_sentences_figures_of_one_unit_in_turn(tmp_path: Path, text: str) -> None:
    page = f"<h1>Vega-3</h1><p>{text}</p>"
    sentence = "Vega-3 more than doubles Vega-2's NeedleSet score, according to Price Watch."
    checked = _verify(tmp_path, page, sentence, comparison(2, "NeedleSet score ratio", "ratio", ">"))
    assert checked.review is not None and checked.review.verdict == "supported", checked.review.explanation


# --- facts read from prose ---------------------------------------------------------------------------


def facts_of(body: str, known: list[str]) -> list[Fact]:
    return extract_facts(read_document(body.encode(), "text/html", "https://s.example/p"), known)


@pytest.mark.parametrize(
    ("text", "factor", "bound"),
    [
        ("Vega-3 costs double Vega-2's price.", 2.0, "="),
        ("The long-context score more than doubled.", 2.0, ">"),
        ("Revenue tripled in a year.", 3.0, "="),
    ],
)
def test_a_ratio_stated_in_words_is_a_factor(text: str, factor: float, bound: str) -> None:
    ratios = [f for f in facts_of(f"<h1>Vega-3</h1><p>{text}</p>", ["Vega-3"]) if f.quantity.unit == "x"]
    assert [(f.quantity.value, f.quantity.bound) for f in ratios] == [(factor, bound)]
    assert ratios[0].subject == "Vega-3"


def test_a_compound_adjective_is_no_ratio() -> None:
    facts = facts_of("<h1>Vega-3</h1><p>It posted a double-digit gain of 14%.</p>", ["Vega-3"])
    assert not [f for f in facts if f.quantity.unit == "x"]


@pytest.mark.parametrize(
    "body",
    [
        "<p>Vega-3 takes the top spot. At its highest setting it scores sixty on the Index.</p>",
        "<p>This week Vega-3 leads the table.</p><p>It scores 60 on the Index at its highest setting.</p>",
        "<p>The new leader is Vega-3. Its Index score is 60.</p>",
    ],
)
def test_it_is_the_model_the_sentence_before_named(body: str) -> None:
    facts = facts_of(f"<h1>This week on the leaderboard</h1>{body}", ["Vega-3"])
    sixty = [f for f in facts if f.quantity.value == 60]
    assert sixty and all(f.subject == "Vega-3" for f in sixty)


def _verdict(c: Claim, facts: list[Fact]) -> str:
    found = [Found("Src", x.fact, x.score, None, x.like, x.why) for x in candidates(c, facts)]
    review = judge_direct(c, found)
    return review.verdict if review else "none"


SURVEYS = [
    "<h2>Key findings</h2><p>Primary model provider: Nimbus 47%, Zephyr 22%, Halcyon 19%, others 12%.</p>",
    """<table><caption>Primary model provider (% of respondents)</caption>
    <tr><th>Provider</th><th>2025 survey</th><th>2026 survey</th></tr>
    <tr><td>Nimbus</td><td>57</td><td>47</td></tr><tr><td>Zephyr</td><td>18</td><td>22</td></tr>
    <tr><td>Halcyon</td><td>13</td><td>19</td></tr></table>""",
    """<h2>Primary model provider (share of respondents)</h2>
    <dl><dt>Nimbus</dt><dd>47%</dd><dt>Zephyr</dt><dd>22%</dd><dt>Halcyon</dt><dd>19%</dd></dl>""",
    """<p>Nimbus remains the provider most organizations rely on: 47% of respondents name it as their
    primary model provider.</p>""",
]


@pytest.mark.parametrize("body", SURVEYS, ids=["prose-breakdown", "two-years", "dl", "respondents"])
def test_a_survey_share_of_respondents_is_the_providers_market_share(body: str) -> None:
    facts = facts_of(f"<h1>AI Decision Maker Survey 2026</h1>{body}", ["Nimbus", "organizations"])
    quote = "Nimbus leads with 57% market share in model adoption, according to the 2026 survey."
    c = Claim(
        id="c",
        quote=quote,
        start=0,
        end=len(quote),
        quantity=Quantity(text="57%", start=18, end=21, value=57, unit="%"),
        subject="Nimbus",
        metric="market share in model adoption",
    )
    assert _verdict(c, facts) == "contradicted"


PERIODS = """<h1>Vega-3</h1><table><caption>Input price (USD per 1M tokens)</caption>
<tr><th>Model</th><th>2025</th><th>2026</th></tr>
<tr><td>Vega-3</td><td>-</td><td>5.00</td></tr><tr><td>Vega-2</td><td>2.50</td><td>5.00</td></tr></table>"""
VARIANTS = """<h1>Index</h1><table><tr><th>Model</th><th>Index score</th></tr>
<tr><td>Vega-3 (high)</td><td>60</td></tr><tr><td>Vega-3 (low)</td><td>41</td></tr>
<tr><td>Vega-2 (high)</td><td>30</td></tr><tr><td>Vega-2 (low)</td><td>28</td></tr></table>"""


def test_each_side_of_a_comparison_is_taken_for_the_claims_period(tmp_path: Path) -> None:
    sentence = "In 2026 Vega-3 cost twice as much as Vega-2, according to Price Watch."
    checked = _verify(tmp_path, PERIODS, sentence, comparison(2, "API price ratio", "ratio"))
    assert checked.review is not None and checked.review.verdict == "contradicted", checked.review.explanation


def test_each_side_of_a_comparison_is_taken_for_the_same_variant(tmp_path: Path) -> None:
    sentence = "Vega-3 scores twice as high as Vega-2 on the Index, according to Price Watch."
    checked = _verify(tmp_path, VARIANTS, sentence, comparison(2, "Index score ratio", "ratio"))
    assert checked.review is not None and checked.review.verdict == "supported", checked.review.explanation
