"""The article stage on hostile and faulty documents: nothing dropped silently, every refusal one line."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.article import ArticleError, parse_article, parse_html, parse_text

PROSE = [
    "Shipments rose 12% to 4.1 million units in the quarter, the company said on Tuesday.",
    "The regulator fined the bank $35 million after a two-year inquiry into its lending.",
    "Rainfall in the region was 40% below the average of the past three decades.",
]


def _noise(seed: int, size: int) -> bytes:
    rng = random.Random(seed)
    return bytes(rng.randrange(256) for _ in range(size))


def _choices(seed: int, alphabet: str, size: int) -> str:
    rng = random.Random(seed)
    return "".join(rng.choice(alphabet) for _ in range(size))


def _page(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><article><h1>Quarterly figures</h1>{body}</article></body></html>"


@pytest.mark.parametrize("depth", [300, 1500, 5000])
@pytest.mark.parametrize("tag", ["div", "section", "span"])
def test_text_nested_deeply_is_kept(depth: int, tag: str) -> None:
    nested = f"<{tag}>" * depth + f"<p>{PROSE[0]}</p>" + f"</{tag}>" * depth
    article = parse_html(_page(f"<p>{PROSE[1]}</p>{nested}<p>{PROSE[2]}</p>"))
    for sentence in PROSE:
        assert sentence in article.text


@pytest.mark.parametrize("opening", ["[", '{"a":'])
def test_json_ld_nested_100000_deep_costs_the_metadata_not_the_article(opening: str) -> None:
    closing = "]" if opening == "[" else "}"
    block = opening * 100_000 + "1" + closing * 100_000
    head = (
        f'<script type="application/ld+json">{block}</script>'
        '<meta property="og:title" content="Quarterly figures, in full">'
    )
    article = parse_html(_page(f"<p>{PROSE[0]}</p><p>{PROSE[1]}</p>", head))
    assert PROSE[0] in article.text and PROSE[1] in article.text
    assert article.title == "Quarterly figures, in full"


def test_an_oversized_json_ld_block_is_skipped_and_the_others_read() -> None:
    huge = json.dumps({"@type": "NewsArticle", "description": "x" * 1_200_000})
    small = json.dumps({"@type": "NewsArticle", "headline": "Figures of the quarter", "author": "Ines Varga"})
    head = "".join(f'<script type="application/ld+json">{block}</script>' for block in (huge, small))
    article = parse_html(_page(f"<p>{PROSE[2]}</p>", head))
    assert (article.title, article.author) == ("Figures of the quarter", "Ines Varga")
    assert PROSE[2] in article.text


@pytest.mark.parametrize(
    ("document", "content_type", "reason"),
    [
        ("", "text/html", "empty"),
        ("   \n\t ", None, "empty"),
        (b"", "text/html; charset=utf-8", "empty"),
        ("<html><body><div></div><script>var a = 1;</script></body></html>", "text/html", "no text"),
        (_noise(7, 20_000), "text/html", "binary"),
        (_noise(8, 20_000), "text/plain", "binary"),
        (b"%PDF-1.4\n1 0 obj << /Type /Catalog >> broken", "application/pdf", "PDF"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\ntrailer <<>>", None, "PDF"),
    ],
    ids=["empty", "blank", "empty-bytes", "markup-only", "binary-html", "binary-text", "pdf", "pdf-sniffed"],
)
def test_a_document_without_article_text_is_refused_with_its_reason(
    document: str | bytes, content_type: str | None, reason: str
) -> None:
    with pytest.raises(ArticleError) as caught:
        parse_article(document, url="https://news.example/a", content_type=content_type)
    message = str(caught.value)
    assert reason in message and "\n" not in message


def test_the_page_readers_still_return_an_empty_article() -> None:
    assert parse_html("").text == ""
    assert parse_text("").text == ""


@pytest.mark.parametrize(
    ("name", "body"),
    [
        ("empty.html", b""),
        ("binary.html", _noise(3, 30_000)),
        ("broken.pdf", b"%PDF-1.5\n4 0 obj << /Length 99 >> stream\nnot a stream"),
    ],
    ids=["empty", "binary", "pdf"],
)
def test_the_cli_prints_one_line_and_fails(tmp_path: Path, name: str, body: bytes) -> None:
    path = tmp_path / name
    path.write_bytes(body)
    done = subprocess.run(
        [sys.executable, "-m", "factcheck.cli.commands", "extract", str(path), "--format", "jsonl"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert len(errors) == 1 and "Traceback" not in done.stderr
    assert done.stdout == ""


ENCODED = _choices(5, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 3000)


@pytest.mark.parametrize(
    "junk",
    [
        f"<p>{ENCODED}==</p>",  # base64
        "<p>" + _choices(9, "0123456789abcdef", 1600) + "</p>",  # hex
        "<p>" + " ".join(f'<a href="/tag/{i}">tag {i}</a>' for i in range(400)) + "</p>",  # a link farm
        "<div>" + " ".join(f'<a href="/p/{i}">page number {i}</a>,' for i in range(60)) + "</div>",
    ],
    ids=["base64", "hex", "link-farm", "link-list"],
)
def test_text_that_is_not_language_is_left_out_and_the_prose_kept(junk: str) -> None:
    article = parse_html(_page(f"<p>{PROSE[0]}</p>{junk}<p>{PROSE[1]}</p><p>{PROSE[2]}</p>"))
    for sentence in PROSE:
        assert sentence in article.text
    assert len(article.text) < 600


@pytest.mark.parametrize(
    "junk",
    [ENCODED, _choices(11, "0123456789ABCDEF", 900), "\ufffd\x01\x02" * 30 + " tail"],
    ids=["base64", "hex", "undecodable"],
)
def test_a_paragraph_that_is_not_language_is_skipped_with_its_reason(junk: str, caplog) -> None:
    prose = "\n\n".join(PROSE * 8)
    article = parse_text(f"{prose}\n\n{junk}\n\n{prose}")
    assert article.text == f"{prose}\n\n{prose}"
    assert any("skipped" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize(
    "body",
    [
        "<table><tr><th>Year</th><th>Units</th><th>Share</th></tr>"
        + "".join(f"<tr><td>{2000 + i}</td><td>{1000 + 37 * i}</td><td>{i}.5%</td></tr>" for i in range(20))
        + "</table>",
        "<p>The full report is at https://stats.example/reports/2026/quarterly-household-spending-and-"
        "income-survey-second-release-final-tables-and-notes-revised for readers.</p>",
        "<ul>"
        + "".join(f'<li>Source: <a href="https://s{i}.example/">agency {i}</a></li>' for i in range(5))
        + "</ul>",
    ],
    ids=["table", "long-address", "sources"],
)
def test_figures_addresses_and_source_lists_are_language_enough(body: str) -> None:
    article = parse_html(_page(f"<p>{PROSE[0]}</p>{body}<p>{PROSE[1]}</p>"))
    assert PROSE[0] in article.text
    kept = article.text.replace(PROSE[0], "").replace(PROSE[1], "")
    assert len(kept) > 40


@pytest.mark.parametrize("href", ["http://[::1", "https://[not-an-address/", "http://exa mple.com/\x00"])
def test_a_malformed_link_is_skipped_and_the_article_kept(href: str) -> None:
    article = parse_html(_page(f'<p>{PROSE[0]} See <a href="{href}">the notice</a>.</p><p>{PROSE[1]}</p>'))
    assert PROSE[0] in article.text and PROSE[1] in article.text
    assert all("[" not in link.href for link in article.links)
