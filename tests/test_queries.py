"""Saved queries and their parameters, through the Python API and ``factcheck query``."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib.plugins.sparql import prepareQuery

from factcheck.api import ingest, query
from factcheck.cli import main
from factcheck.graph import open_store
from factcheck.graph.queries import KINDS, QueryError, prepare_query, run_query, saved_queries

SAVED = saved_queries()
# Values that would change a query's structure if they were pasted into its text.
HOSTILE = [
    'x" } } GRAPH ?g { ?s ?p ?o } #',
    "x' . ?s ?p ?o . FILTER(true) #",
    "}\n} UNION { ?s ?p ?o }\n",
    "<https://schema.org/Claim>",
    '\\" ; DROP ALL ; "',
]


def _count(store: Path) -> int:
    with open_store(str(store)) as st:
        result = st.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(str(next(iter(result.bindings[0].values()))))


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_every_saved_query_declares_its_parameters_with_meaning_and_example() -> None:
    assert len(SAVED) >= 7
    for saved in SAVED:
        assert saved.parameters, saved.name
        for p in saved.parameters:
            assert p.kind in KINDS and p.meaning and p.example, (saved.name, p)
            assert f"?{p.name}" in saved.text, (saved.name, p.name)


@pytest.mark.parametrize("saved", SAVED, ids=lambda q: q.name)
def test_every_saved_query_runs_with_and_without_its_parameters(saved, demo_store: Path) -> None:
    _cols, everything = run_query(saved.name, str(demo_store))
    example = {p.name: p.example for p in saved.parameters}
    text, bindings = prepare_query(saved.name, example)
    prepareQuery(text)  # still standard SPARQL 1.1
    _cols, narrowed = run_query(saved.name, str(demo_store), example)
    assert all(row in everything for row in narrowed)
    if everything:  # the example in the header finds something in the demo graph
        assert narrowed, saved.name


@pytest.mark.parametrize("saved", SAVED, ids=lambda q: q.name)
def test_a_hostile_parameter_value_changes_nothing_but_the_result(saved, demo_store: Path) -> None:
    before = _count(demo_store)
    for parameter in saved.parameters:
        for value in HOSTILE:
            columns, rows = run_query(saved.name, str(demo_store), {parameter.name: value})
            assert rows == [], (saved.name, parameter.name, value)
            assert columns == run_query(saved.name, str(demo_store))[0]
    assert _count(demo_store) == before


def test_every_spelling_of_a_subject_finds_the_same_claims(tmp_path: Path) -> None:
    pages = tmp_path / "pages"
    pages.mkdir()
    spellings = ["gpt-5.5", "OpenAI GPT-5.5", "GPT5.5"]
    for i, spelling in enumerate(spellings):
        (pages / f"a{i}.html").write_text(
            f"<html><head><title>Scores {i}</title></head><body><article><h1>Scores {i}</h1>"
            f"<p>{spelling} scored {70 + i}.5% on the Widget Benchmark, according to OpenAI.</p>"
            "</article></body></html>",
            encoding="utf-8",
        )
        ingest(str(pages / f"a{i}.html"), store=str(tmp_path / "store"), verify=False)
    for asked in ("GPT-5.5", "gpt 5.5", "OpenAI GPT-5.5 (xhigh)"):
        code, out, err = run(
            "query",
            "claims-about-subject",
            "--param",
            f"subject={asked}",
            "--format",
            "csv",
            "--store",
            str(tmp_path / "store"),
        )
        assert code == 0, err
        lines = out.strip().splitlines()
        assert len(lines) == 1 + len(spellings), (asked, out)
        assert all(f"{70 + i}.5% on the Widget Benchmark" in out for i in range(3)), out
    rows = query("claims-about-subject", store=str(tmp_path / "store"), params={"subject": "Claude"})
    assert list(rows) == []


def test_query_list_shows_each_saved_query_with_its_parameters() -> None:
    code, out, _err = run("query", "--list", "--format", "jsonl")
    assert code == 0
    for saved in SAVED:
        assert saved.name in out
        for p in saved.parameters:
            assert p.name in out and p.example in out


def test_an_unknown_saved_query_or_parameter_says_so(demo_store: Path) -> None:
    code, _out, err = run("query", "claims-about-subjects", "--store", str(demo_store))
    assert code != 0 and "no saved query named 'claims-about-subjects'" in err
    assert "claims-about-subject" in err and "factcheck query --list" in err
    code, _out, err = run("query", "claims-by-verdict", "--param", "colour=red", "--store", str(demo_store))
    assert code != 0 and "has no parameter 'colour'" in err and "verdict" in err
    code, _out, err = run("query", "claims-by-verdict", "--param", "verdict", "--store", str(demo_store))
    assert code != 0 and "NAME=VALUE" in err
    with pytest.raises(QueryError, match="whole number"):
        from factcheck.graph.queries import parameter_term

        parameter_term("integer", "12; DROP")


def test_reading_a_missing_or_empty_store_says_so(tmp_path: Path) -> None:
    missing = tmp_path / "nothing-here"
    for command in (["claims"], ["query", "claims-by-verdict"], ["site", "--out", str(tmp_path / "site")]):
        code, _out, err = run(*command, "--store", str(missing))
        assert code != 0 and f"no graph store at {missing}" in err, command
    assert not missing.exists()  # reading never creates a store
    empty = tmp_path / "empty"
    with open_store(str(empty)):
        pass
    for command in (["claims"], ["query", "claims-by-verdict"]):
        code, _out, err = run(*command, "--store", str(empty))
        assert code == 0 and "holds no articles yet" in err, (command, err)


def test_the_demo_ends_with_commands_that_use_its_store(tmp_path: Path) -> None:
    import shlex

    code, out, err = run("demo", "--out", str(tmp_path / "demo"))
    assert code == 0, err
    store = str(tmp_path / "demo" / "store")
    suggested = [line.strip() for line in out.splitlines() if line.strip().startswith("factcheck ")]
    assert len(suggested) >= 3 and all(f"--store {shlex.quote(store)}" in line for line in suggested)
    for line in suggested:
        args = shlex.split(line)[1:]
        if args[0] in ("claims", "query"):
            code, out, err = run(*args)
            assert code == 0 and out.strip() and "no articles" not in err, (line, err)
