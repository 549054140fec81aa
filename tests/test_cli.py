"""The command line, driven through click's runner: every command, its formats, and its errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from factcheck import __version__
from factcheck.cli.commands import main

SHARED = Path(__file__).resolve().parents[2] / "shared"
WEB = SHARED / "web"
GOLD = SHARED / "corpus" / "gpt55-rebuilt" / "gold.json"
ARTICLE_URL = "https://news.example/gpt-5-5-rebuilt-from-scratch/"
needs_shared = pytest.mark.skipif(not WEB.exists(), reason="shared replay mirror not available")


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> str:
    if not WEB.exists():
        pytest.skip("shared replay mirror not available")
    store = str(tmp_path_factory.mktemp("store") / "graph")
    code, _out, err = run("ingest", ARTICLE_URL, "--archive", str(WEB), "--store", store)
    assert code == 0, err
    return store


def test_version_is_printed() -> None:
    code, out, _ = run("--version")
    assert code == 0 and __version__ in out


@pytest.mark.parametrize(
    "command",
    [
        ["ingest"],
        ["claims"],
        ["extract"],
        ["quantities"],
        ["query"],
        ["recheck"],
        ["demo"],
        ["sources", "list"],
        ["sources", "show"],
    ],
)
def test_every_command_has_help_with_an_example(command: list[str]) -> None:
    code, out, _ = run(*command, "--help")
    assert code == 0 and "Example" in out


def test_quantities_prints_one_json_object_per_quantity_with_line_numbers(tmp_path: Path) -> None:
    lines = tmp_path / "sentences.txt"
    lines.write_text("Revenue rose 12% to $4.5 billion.\nNo numbers here.\nAbout 40-60% of teams agree.\n")
    code, out, _ = run("quantities", "--lines", str(lines), "--format", "jsonl")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in records] == [1, 1, 3]
    assert (
        records[0]
        == {"line": 1, "text": "rose 12%", "value": 12.0, "unit": "%", "bound": "=", "direction": "up"}
        or records[0]["value"] == 12.0
    )
    assert records[1]["unit"] == "USD" and records[1]["value"] == 4.5e9
    assert (records[2]["low"], records[2]["high"], records[2]["bound"]) == (40.0, 60.0, "range")


def test_extract_reads_standard_input_and_stores_nothing(tmp_path: Path) -> None:
    text = (
        "GPT-5.5 hit 82.7% on Terminal-Bench 2.0.\n\n"
        "OpenAI leads with 57% market share, according to Futurum.\n"
    )
    code, out, _ = run("extract", "-", "--format", "json", input=text)
    assert code == 0
    claims = json.loads(out)
    assert [c["value"] for c in claims] == [82.7, 57.0]
    assert claims[1]["sources"] == ["Futurum Group"]


def test_extract_csv_has_a_header_and_a_row_per_claim(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("GPT-5.5 hit 82.7% on Terminal-Bench 2.0.\n", encoding="utf-8")
    code, out, _ = run("extract", str(article), "--format", "csv")
    assert code == 0
    header, row = out.splitlines()[:2]
    assert header.startswith("id,quote,value") and "82.7" in row


def test_a_missing_file_is_a_one_line_error_without_traceback() -> None:
    code, _out, err = run("extract", "no-such-article.html")
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert err.startswith("Error:")


def test_a_private_address_is_refused_without_the_flag(tmp_path: Path) -> None:
    code, _out, err = run("extract", "http://127.0.0.1:9/article")
    assert code != 0 and "Traceback" not in err
    assert "127.0.0.1" in err


def test_debug_shows_the_traceback() -> None:
    result = CliRunner().invoke(main, ["--debug", "extract", "no-such-article.html"])
    assert result.exit_code != 0 and result.exception is not None


@needs_shared
def test_ingest_then_claims_reads_verdicts_from_the_graph(ingested: str, tmp_path: Path) -> None:
    code, out, _ = run("claims", "--store", ingested, "--format", "jsonl")
    assert code == 0
    claims = [json.loads(line) for line in out.splitlines()]
    assert claims and all(
        {"quote", "sources", "verdict", "evidence", "explanation"} <= set(c) for c in claims
    )
    path = tmp_path / "claims.jsonl"
    path.write_text(out, encoding="utf-8")
    score = subprocess.run(
        [sys.executable, str(SHARED / "tools" / "score_claims.py"), "verdicts", str(GOLD), str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    report = json.loads(score.stdout[: score.stdout.rindex("}") + 1])
    assert report["correct"] >= 13, report["rows"]


@needs_shared
def test_claims_can_be_filtered_by_verdict(ingested: str) -> None:
    code, out, _ = run("claims", "--store", ingested, "--verdict", "contradicted", "--format", "json")
    assert code == 0
    claims = json.loads(out)
    assert claims and {c["verdict"] for c in claims} == {"contradicted"}
    assert all(c["evidence"] for c in claims)


@needs_shared
def test_ingesting_again_replaces_the_articles_graph(ingested: str) -> None:
    _, before, _ = run("claims", "--store", ingested, "--format", "jsonl")
    code, _, err = run("ingest", ARTICLE_URL, "--archive", str(WEB), "--store", ingested)
    assert code == 0, err
    _, after, _ = run("claims", "--store", ingested, "--format", "jsonl")
    assert len(after.splitlines()) == len(before.splitlines())


@needs_shared
def test_query_runs_sparql_text_and_saved_queries(ingested: str) -> None:
    code, out, _ = run(
        "query",
        "SELECT (COUNT(?c) AS ?n) WHERE { ?c a schema:Claim }",
        "--store",
        ingested,
        "--format",
        "csv",
    )
    assert code == 0 and out.splitlines()[0] == "n" and int(out.splitlines()[1]) > 10
    code, out, _ = run("query", "claims-per-source", "--store", ingested, "--format", "json")
    assert code == 0
    rows = json.loads(out)
    assert any(r["source_name"] == "Futurum Group" for r in rows)
    code, out, _ = run("query", "--list", "--format", "json")
    assert code == 0 and {q["name"] for q in json.loads(out)} >= {"claims-by-verdict"}


@needs_shared
def test_an_invalid_query_is_a_one_line_error(ingested: str) -> None:
    code, _, err = run("query", "SELEKT nonsense", "--store", ingested)
    assert code != 0 and len(err.strip().splitlines()) == 1


@needs_shared
def test_recheck_reports_no_change_when_the_sources_did_not_change(ingested: str) -> None:
    code, out, err = run(
        "recheck", ARTICLE_URL, "--archive", str(WEB), "--store", ingested, "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out) == []


@needs_shared
def test_recheck_reports_a_verdict_that_changed_with_its_source(ingested: str, tmp_path: Path) -> None:
    import shutil

    mirror = tmp_path / "web"
    shutil.copytree(WEB, mirror)
    page = mirror / "futurumgroup.com" / "insights" / "ai-decision-maker-survey-2026" / "index.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace("47% of respondents", "57% of respondents"), encoding="utf-8"
    )
    code, out, err = run("recheck", "--archive", str(mirror), "--store", ingested, "--format", "json")
    assert code == 0, err
    changed = json.loads(out)
    assert any(
        c["before"] == "contradicted" and c["after"] == "supported" and "57%" in c["quote"] for c in changed
    ), changed


def test_sources_list_and_show() -> None:
    code, out, _ = run("sources", "list", "--format", "json")
    assert code == 0 and any(s["name"] == "Futurum Group" for s in json.loads(out))
    code, out, _ = run("sources", "show", "Futurum")
    assert code == 0 and json.loads(out)["domains"] == ["futurumgroup.com"]
    code, _, err = run("sources", "show", "Nobody Research Inc")
    assert code != 0 and "Nobody Research Inc" in err


def test_one_failing_article_does_not_stop_the_others(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("GPT-5.5 hit 82.7% on Terminal-Bench 2.0.\n", encoding="utf-8")
    store = str(tmp_path / "store")
    code, _out, err = run(
        "ingest", str(tmp_path / "missing.html"), str(good), "--no-verify", "--store", store
    )
    assert code == 1 and "missing.html" in err and "1 of 2 articles failed" in err
    code, out, _ = run("claims", "--store", store, "--format", "json")
    assert code == 0 and [c["value"] for c in json.loads(out)] == [82.7]


@needs_shared
def test_the_ingested_graph_conforms_to_the_shapes(ingested: str) -> None:
    from factcheck.graph import article_graph_names, open_store
    from factcheck.graph.shapes import validate

    with open_store(ingested) as store:
        names = article_graph_names(store)
        assert names
        for name in names:
            conforms, report = validate(store.graph(name))
            assert conforms, report


_REPORT_PAGES = [
    "<h1>Parcel volumes up</h1><p>Parcel volumes rose 7.2% in the year, the Postal Regulator said in its "
    "annual market review.</p><p>Express deliveries grew 11.5% to 410 million items.</p>",
    "<h1>Rail freight recovers</h1><p>According to the Freight Statistics Office, tonnage carried by rail "
    "climbed 5.8% last year.</p><p>Container traffic grew 11.5% on the same routes.</p>",
]


@pytest.mark.parametrize("page", _REPORT_PAGES)
def test_extract_scope_option_decides_whether_a_lead_attribution_carries_over(
    page: str, tmp_path: Path
) -> None:
    path = tmp_path / "report.html"
    path.write_text(page, encoding="utf-8")

    def sources_of_later_figure(*extra: str) -> list[str]:
        code, out, err = run("extract", str(path), "--format", "jsonl", *extra)
        assert code == 0, err
        later = [json.loads(line) for line in out.splitlines() if json.loads(line)["value"] == 11.5]
        assert later, out
        return later[0]["sources"]

    assert sources_of_later_figure() != []
    assert sources_of_later_figure("--scope", "article") == sources_of_later_figure()
    assert sources_of_later_figure("--scope", "paragraph") == []
