"""The spaCy pipeline claim extraction runs on: its components, its data, and long texts."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from factcheck.nlp import load
from factcheck.nlp.segment import pieces

ROOT = Path(__file__).resolve().parents[1]


def test_the_pipeline_keeps_the_models_lemmatizer_and_adds_registered_components() -> None:
    nlp = load()
    ours = ["factcheck_names", "factcheck_quantities", "factcheck_attribution", "factcheck_claim_checks"]
    assert "lemmatizer" in nlp.pipe_names
    assert [n for n in nlp.pipe_names if n.startswith("factcheck")] == ours
    assert nlp.pipe_names.index("ner") < nlp.pipe_names.index("factcheck_names")
    doc = nlp("Canalys says shipments rose 5%, and Counterpoint has said they fell.")
    assert [t.lemma_ for t in doc if t.text in ("says", "rose", "said")] == ["say", "rise", "say"]


@pytest.mark.parametrize(
    ("text", "label", "entity_id"),
    [
        ("Shipments rose, Canalys said.", "ORG", "Canalys"),
        ("Data from LLM Stats show it.", "ORG", "LLM-Stats"),
        ("Figures from the Futurum Group show it.", "ORG", "Futurum Group"),
        ("Qwen3.7-Max scored well.", "PRODUCT", "model"),
        ("Claude Opus 4.7 scored well.", "PRODUCT", "model"),
    ],
)
def test_the_entity_ruler_knows_the_registry_and_the_model_families(
    text: str, label: str, entity_id: str
) -> None:
    doc = load()(text)
    assert (label, entity_id) in {(e.label_, e.ent_id_) for e in doc.ents}


def test_a_family_that_is_also_an_organisation_is_the_organisation_alone() -> None:
    doc = load()("DeepSeek revealed the prices of DeepSeek-V3 on Monday.")
    assert [(e.text, e.label_) for e in doc.ents if e.text.startswith("DeepSeek")] == [
        ("DeepSeek", "ORG"),
        ("DeepSeek-V3", "PRODUCT"),
    ]


def test_patterns_and_word_classes_are_data_files_installed_with_the_package() -> None:
    data = ROOT / "factcheck" / "nlp" / "data"
    assert {"lexicon.toml", "attribution_patterns.json", "cue_phrases.json"} <= {
        p.name for p in data.iterdir()
    }
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "factcheck.nlp" in project["tool"]["setuptools"]["package-data"]


@pytest.mark.parametrize("limit", [40, 200, 1000])
def test_a_long_text_is_cut_where_a_sentence_ends_into_pieces_no_longer_than_the_limit(limit: int) -> None:
    text = "Sales rose 4% in May. " * 300 + "Costs fell 2% in June."
    spans = pieces(text, limit)
    assert all(0 < b - a <= limit for a, b in spans)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(b == c for (_a, b), (c, _d) in zip(spans, spans[1:], strict=False))
    assert all(text[b - 2 : b] == ". " for _a, b in spans[:-1])


def test_a_sentence_longer_than_the_limit_is_cut_at_a_clause_then_a_word() -> None:
    text = "Costs fell 2% in June, the company said; margins held at 31% through the summer months."
    spans = pieces(text, 30)
    assert all(b - a <= 30 for a, b in spans)
    assert text[spans[0][1] - 2 : spans[0][1]] == ", "


def test_a_text_without_any_break_is_cut_hard() -> None:
    assert pieces("x" * 25, 10) == [(0, 10), (10, 20), (20, 25)]
