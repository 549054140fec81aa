"""The source registry: shipped files, lookups by name/alias/domain/mention, templates, validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.resources import resource_dir
from factcheck.sources.registry import KINDS, Registry, RegistryError, Source, organisation_from_url

REQUIRED = [
    "OpenAI",
    "Artificial Analysis",
    "BenchLM",
    "LLM-Stats",
    "Futurum Group",
    "CodeRabbit",
    "TechCrunch",
    "Anthropic",
    "Google",
    "Vals AI",
    "OpenRouter",
    "Terminal-Bench",
    "arXiv",
    "SWE-bench",
    "LMArena",
    "Epoch AI",
    "Hugging Face",
    "Meta",
    "Microsoft",
    "Mistral AI",
    "xAI",
    "DeepSeek",
    "Alibaba",
    "Gartner",
    "IDC",
    "Statista",
    "McKinsey",
    "Stanford HAI",
    "Reuters",
    "Bloomberg",
    "The Verge",
    "Ars Technica",
    "Wired",
    "The Information",
    "GitHub",
    "Stack Overflow",
    "Menlo Ventures",
    "Similarweb",
]


@pytest.fixture(scope="module")
def registry() -> Registry:
    return Registry.load()


def test_every_shipped_file_loads_and_validates(registry):
    files = sorted(resource_dir("sources").glob("*.toml"))
    assert len(registry) == len(files) >= len(REQUIRED)
    assert {source.slug for source in registry} == {path.stem for path in files}
    for source in registry:
        assert source.kind in KINDS
        assert source.homepage.startswith("https://")
        assert source.domains, source.slug


def test_required_organisations_are_known_by_name_and_domain(registry):
    for name in REQUIRED:
        source = registry.get(name)
        assert source is not None and source.name == name, name
        assert registry.by_url(f"https://{source.domains[0]}/some/page") is source


def test_names_and_domains_are_unique_across_files(registry):
    # Registry would refuse duplicates; check the shipped data independently of that code path too.
    seen: dict[str, str] = {}
    for source in registry:
        for key in {n.casefold() for n in source.names} | set(source.domains):
            assert seen.setdefault(key, source.slug) == source.slug, key


@pytest.mark.parametrize(
    ("asked", "expected"),
    [
        ("Futurum", "Futurum Group"),
        ("The Futurum Group", "Futurum Group"),
        ("futurum group", "Futurum Group"),
        ("LLM Stats", "LLM-Stats"),
        ("llm-stats", "LLM-Stats"),
        ("Google DeepMind", "Google"),
        ("OpenAI's", "OpenAI"),
        ("the verge", "The Verge"),
        ("benchlm.ai", "BenchLM"),
    ],
)
def test_get_by_name_or_alias_ignores_case_and_punctuation(registry, asked, expected):
    found = registry.get(asked)
    assert found is not None and found.name == expected


def test_get_unknown_name_is_none(registry):
    assert registry.get("Example Research Partners") is None


def test_by_url_includes_subdomains_and_nothing_else(registry):
    assert registry.by_url("https://www.openai.com/index/introducing-gpt-5-5/").name == "OpenAI"
    assert registry.by_url("https://blog.openai.com/post").name == "OpenAI"
    assert registry.by_url("https://qwenlm.github.io/blog/qwen3/").name == "Alibaba"
    assert registry.by_url("futurumgroup.com/insights/x").name == "Futurum Group"
    assert registry.by_url("https://notopenai.com/") is None
    assert registry.by_url("https://openai.com.example.net/") is None
    assert registry.by_url("") is None


def _mentioned(registry, text):
    return [(text[start:end], source.name) for start, end, source in registry.find_mentions(text)]


def test_find_mentions_names_aliases_and_domains_at_word_boundaries(registry):
    text = (
        "According to official OpenAI 2026 data and OpenAI's own blog, the model leads LLM Stats "
        "(llm-stats.com) and The Futurum Group survey; ReopenAIng and openaix are not names."
    )
    assert _mentioned(registry, text) == [
        ("OpenAI", "OpenAI"),
        ("OpenAI", "OpenAI"),
        ("LLM Stats", "LLM-Stats"),
        ("llm-stats.com", "LLM-Stats"),
        ("The Futurum Group", "Futurum Group"),
    ]


def test_find_mentions_prefers_the_longest_match(registry):
    text = "Google DeepMind and Google both said so; SWE-Bench Pro is not SWE-bench Verified."
    assert _mentioned(registry, text) == [
        ("Google DeepMind", "Google"),
        ("Google", "Google"),
        ("SWE-Bench Pro", "Scale AI"),
        ("SWE-bench Verified", "SWE-bench"),
    ]


def test_find_mentions_skips_common_words_written_in_lower_case(registry):
    text = "The meta data and the information we have say so, per The Information and Meta."
    assert _mentioned(registry, text) == [("The Information", "The Information"), ("Meta", "Meta")]


def test_fill_templates_makes_model_slugs_and_queries():
    source = Source(
        slug="example",
        name="Example",
        aliases=(),
        homepage="https://example.org/",
        domains=("example.org",),
        kind="aggregator",
        templates=(
            "https://example.org/models/{model_slug}",
            "https://example.org/m/{model_slug_dashed}",
            "https://example.org/search?q={query}",
            "https://example.org/s?subject={subject}&metric={metric_slug}",
        ),
    )
    assert source.fill_templates("GPT-5.5", "Terminal-Bench 2.0") == [
        "https://example.org/models/gpt-5.5",
        "https://example.org/m/gpt-5-5",
        "https://example.org/search?q=GPT-5.5+Terminal-Bench+2.0",
        "https://example.org/s?subject=GPT-5.5&metric=terminal-bench-2.0",
    ]
    assert source.fill_templates("Claude Opus 4.7", None) == [
        "https://example.org/models/claude-opus-4.7",
        "https://example.org/m/claude-opus-4-7",
        "https://example.org/search?q=Claude+Opus+4.7",
    ]
    assert source.fill_templates(None, None) == []


def test_shipped_templates_follow_the_sites_url_shapes(registry):
    def urls(name: str) -> list[str]:
        return registry.get(name).fill_templates("GPT-5.5", None)

    assert "https://benchlm.ai/models/gpt-5-5" in urls("BenchLM")
    assert "https://llm-stats.com/models/gpt-5.5" in urls("LLM-Stats")
    assert "https://openai.com/index/introducing-gpt-5-5/" in urls("OpenAI")
    assert "https://artificialanalysis.ai/leaderboards/models" in registry.get("Artificial Analysis").pages


def test_organisation_from_url(registry):
    assert organisation_from_url("https://futurumgroup.com/insights/a/", registry) == "Futurum Group"
    assert organisation_from_url("https://www.example-research.org/report", registry) == "Example Research"
    assert organisation_from_url("https://news.example-data.co.uk/x", registry) == "Example Data"
    assert organisation_from_url("https://acme-labs.github.io/post", registry) == "Acme Labs"


GOOD = """name = "Example Research"
aliases = ["Example"]
homepage = "https://example-research.org/"
domains = ["example-research.org"]
kind = "analyst"

[evidence]
templates = ["https://example-research.org/find?q={query}"]
sitemaps = []
pages = []
"""


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


def test_a_valid_folder_loads(tmp_path):
    _write(tmp_path, "example-research.toml", GOOD)
    registry = Registry.load(tmp_path)
    assert [s.name for s in registry] == ["Example Research"]
    assert registry.get("example").slug == "example-research"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ('name = "Broken\nkind = ', "not valid TOML"),
        (GOOD.replace('kind = "analyst"\n', ""), "missing 'kind'"),
        (GOOD.replace('"analyst"', '"analist"'), "kind 'analist'"),
        (GOOD.replace('aliases = ["Example"]', 'aliases = "Example"'), "'aliases' must be a list"),
        (GOOD.replace('["example-research.org"]', '["Example-Research.org"]'), "bare lower-case host"),
        (GOOD.replace("{query}", "{model}"), "unknown placeholders ['model']"),
        (GOOD.replace("pages = []", "pages = []\nfeeds = []"), "unknown [evidence] keys"),
        ("founded = 2001\n" + GOOD, "unknown keys ['founded']"),
    ],
)
def test_malformed_file_gives_an_error_naming_it(tmp_path, text, problem):
    _write(tmp_path, "broken-source.toml", text)
    with pytest.raises(RegistryError) as caught:
        Registry.load(tmp_path)
    assert "broken-source.toml" in str(caught.value)
    assert problem in str(caught.value)


def test_alias_or_domain_used_twice_names_both_files(tmp_path):
    _write(tmp_path, "a-first.toml", GOOD)
    _write(tmp_path, "b-second.toml", GOOD.replace('name = "Example Research"', 'name = "Other Firm"'))
    with pytest.raises(RegistryError, match=r"b-second\.toml: .*already used by a-first\.toml"):
        Registry.load(tmp_path)
