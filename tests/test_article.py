"""Article extraction: main text without chrome, paragraphs, metadata and positioned links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from factcheck.article import parse_html, parse_text

SHARED = Path(__file__).resolve().parents[2] / "shared"
FOUNDING = SHARED / "corpus" / "gpt55-rebuilt"

LINKED_PAGE = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>Chip sales climb | Wafer Weekly</title>
<link rel="canonical" href="https://wafer.example/news/chip-sales/">
</head><body>
<nav class="top"><a href="/">Home</a> <a href="/markets/">Markets: 14 sectors</a></nav>
<div class="layout has-sidebar">
<article>
<h1>Chip sales climb</h1>
<p>Worldwide chip revenue reached <a href="https://industry.example/report-2025">$627 billion in 2024</a>,
   up 19% on the year, according to the <a href="/go/industry-association">industry association</a>.</p>
<div class="newsletter-signup"><p>Get 3 briefings a week from our 40 reporters.</p></div>
<p>Memory led the rebound: DRAM revenue grew 82%, <em>the fastest rise since
   <a href="../archive/2010/">2010</a></em>. Write to <a href="mailto:desk@wafer.example">the desk</a>
   or <a href="javascript:void(0)">print this</a>.</p>
<ul><li>Analog chips fell 2%.</li><li>Sensors rose 5%, per <a href="https://analyst.example/sensors">Analyst
   Example</a>.</li></ul>
<p>Advertisement</p>
<p>See the <a href="#notes">notes</a>. The 2025 forecast is $697 billion, per the
   <a href="https://industry.example/forecast">spring forecast</a>.</p>
<div class="share-bar"><a href="https://social.example/share">Share</a> 2.1K shares</div>
</article>
<aside class="sidebar"><h4>Most read</h4>
<ul><li><a href="/top-5/">Top 5 chip stocks of 2026</a></li></ul></aside>
</div>
<footer class="site-footer"><p>© 2026 Wafer Weekly, 200 staff in 9 cities</p>
<a href="/about/">About</a></footer>
</body></html>
"""


def _link(article, text):
    return next(link for link in article.links if link.text == text)


def test_links_inside_paragraphs_carry_absolute_href_and_anchor_position():
    article = parse_html(LINKED_PAGE, url="https://wafer.example/news/chip-sales/?utm_source=feed")
    for link in article.links:
        assert article.text[link.start : link.end] == link.text
    report = _link(article, "$627 billion in 2024")
    assert report.href == "https://industry.example/report-2025"
    assert _link(article, "industry association").href == "https://wafer.example/go/industry-association"
    assert _link(article, "2010").href == "https://wafer.example/news/archive/2010/"
    assert _link(article, "Analyst Example").href == "https://analyst.example/sensors"
    # The anchor sits in the paragraph where it stands, not at an earlier occurrence of the same words.
    paragraph = next((s, e) for s, e in article.paragraphs if "DRAM" in article.text[s:e])
    assert paragraph[0] <= _link(article, "2010").start < paragraph[1]


def test_chrome_links_and_non_web_links_are_left_out():
    article = parse_html(LINKED_PAGE, url="https://wafer.example/news/chip-sales/")
    hrefs = {link.href for link in article.links}
    assert hrefs == {
        "https://industry.example/report-2025",
        "https://wafer.example/go/industry-association",
        "https://wafer.example/news/archive/2010/",
        "https://analyst.example/sensors",
        "https://industry.example/forecast",
    }


def test_chrome_text_is_left_out_and_body_kept_in_order():
    article = parse_html(LINKED_PAGE)
    for chrome in (
        "14 sectors",
        "40 reporters",
        "Advertisement",
        "2.1K shares",
        "Top 5 chip stocks",
        "200 staff",
    ):
        assert chrome not in article.text
    order = [
        "Chip sales climb",
        "Worldwide chip revenue",
        "Memory led",
        "Analog chips fell 2%.",
        "Sensors rose 5%",
        "The 2025 forecast",
    ]
    positions = [article.text.index(words) for words in order]
    assert positions == sorted(positions)


def test_paragraph_spans_partition_the_text():
    article = parse_html(LINKED_PAGE)
    assert "\n\n".join(article.text[s:e] for s, e in article.paragraphs) == article.text
    assert "Analog chips fell 2%." in [article.text[s:e] for s, e in article.paragraphs]
    assert all(not re.search(r"\s{2,}", article.text[s:e]) for s, e in article.paragraphs)


GRAPH_PAGE = """<html><head><title>Cloud outlook - Example Insights</title>
<script type="application/ld+json">
{"@context": "https://schema.org", "@graph": [
  {"@type": "WebSite", "@id": "https://insights.example/#site", "name": "Example Insights"},
  {"@type": "Organization", "@id": "https://insights.example/#org", "name": "Example Insights Ltd"},
  {"@type": "Person", "@id": "https://insights.example/#rhea", "name": "Rhea Okafor"},
  {"@type": ["BlogPosting"], "headline": "Cloud spending outlook",
   "author": [{"@id": "https://insights.example/#rhea"}, {"@type": "Person", "name": "Tom Lind"}],
   "datePublished": "2026-02-02T09:30:00Z", "publisher": {"@id": "https://insights.example/#org"},
   "mainEntityOfPage": {"@type": "WebPage", "@id": "https://insights.example/cloud-outlook"}}
]}
</script></head>
<body><article><h1>Cloud spending outlook</h1>
<p>Public cloud spending will grow 19% in 2026, the firm expects, after 21% growth in 2025.</p>
<p>Most of the increase comes from generative AI workloads, which double every eleven months.</p>
</article></body></html>"""


def test_json_ld_graph_gives_metadata_with_references_resolved():
    article = parse_html(GRAPH_PAGE)
    assert article.title == "Cloud spending outlook"
    assert article.author == "Rhea Okafor, Tom Lind"
    assert article.published == "2026-02-02T09:30:00+00:00"
    assert article.site_name == "Example Insights Ltd"
    assert article.canonical_url == "https://insights.example/cloud-outlook"


OG_PAGE = """<html><head>
<meta property="og:title" content="Robots sort parcels twice as fast">
<meta property="og:site_name" content="Logistics Daily">
<meta property="og:url" content="https://logistics.example/robots-sorting">
<meta property="article:published_time" content="2025-11-03">
<meta name="author" content="By Sam Ortiz">
<title>ignored</title></head>
<body><main><p>Warehouse robots now sort 1,200 parcels an hour, twice the manual rate, the operator said.</p>
<p>The fleet grew to 350 machines across 4 sites this year.</p></main></body></html>"""


def test_opengraph_only_page_gives_metadata():
    article = parse_html(OG_PAGE, url="https://logistics.example/robots-sorting?ref=home")
    assert article.title == "Robots sort parcels twice as fast"
    assert article.site_name == "Logistics Daily"
    assert article.canonical_url == "https://logistics.example/robots-sorting"
    assert article.published == "2025-11-03"
    assert article.author == "Sam Ortiz"
    assert article.url == "https://logistics.example/robots-sorting?ref=home"


def test_page_without_metadata_still_gives_text_and_a_title():
    page = (
        '<html><head><script type=\'application/ld+json\'>{"@type": "NewsArticle",</script></head>'
        "<body><h1>Battery prices fall</h1><p>Pack prices fell 20% to $115 per kWh last year, "
        "the lowest on record.</p><p>Cheaper cells drove the drop, with lithium prices down by half.</p>"
        "</body></html>"
    )
    article = parse_html(page)
    assert article.title == "Battery prices fall"
    assert (article.author, article.published, article.site_name, article.canonical_url) == (None,) * 4
    assert "Pack prices fell 20% to $115 per kWh last year, the lowest on record." in article.text
    assert list(article.links) == []


# Pages labelled Latin-1 are read as windows-1252, as browsers do: their curly quotes sit at 0x80-0x9f.
@pytest.mark.parametrize("label", ["windows-1252", "iso-8859-1"])
def test_non_utf8_bytes_are_decoded_by_their_meta_charset(label):
    page = (
        f"<html><head><meta http-equiv='Content-Type' content='text/html; charset={label}'>"
        "<title>Café</title></head><body><article><h1>Café prices</h1>"
        "<p>The “average” espresso in Zürich costs 4.50 €, up 12% — the café owners’ figure.</p>"
        "</article></body></html>"
    ).encode("cp1252")
    article = parse_html(page)
    assert "The “average” espresso in Zürich costs 4.50 €, up 12% — the café owners’ figure." in article.text
    assert article.title == "Café prices"


def test_flattened_extraction_is_replaced_by_the_page_paragraphs():
    # A short page where trafilatura's fallback runs header, text and table into one paragraph.
    page = """<html><head><title>Widget X2 | Gadget Index</title></head><body>
    <header><a href="/">Gadget Index</a> <a href="/all">All gadgets (900+)</a></header>
    <main><h1>Widget X2</h1><p>Made by Acme, launched May 2, 2025</p>
    <table><tr><th>Shop</th><th>Price</th></tr><tr><td>Acme</td><td>$19.99</td></tr></table></main>
    <footer>© 2026 Gadget Index</footer></body></html>"""
    article = parse_html(page)
    paragraphs = [article.text[s:e] for s, e in article.paragraphs]
    assert paragraphs == ["Widget X2", "Made by Acme, launched May 2, 2025", "Shop | Price", "Acme | $19.99"]
    assert article.site_name == "Gadget Index"


def test_body_text_the_extractor_skips_is_put_back_in_place():
    filler = "".join(
        f"<p>Paragraph {i} of the story discusses enterprise adoption of AI agents at some length.</p>"
        for i in range(6)
    )
    page = (
        f"<html><body><article><h1>Agents at work</h1>{filler}"
        "<div class='callout'><strong>Key figure:</strong> 42% of firms now run AI agents in production."
        "</div>"
        "<div>We surveyed 1,200 firms in 14 countries in March 2026 for this report.</div>"
        f"{filler}</article></body></html>"
    )
    paragraphs = _paragraphs(parse_html(page))
    assert paragraphs[7:9] == [
        "Key figure: 42% of firms now run AI agents in production.",
        "We surveyed 1,200 firms in 14 countries in March 2026 for this report.",
    ]
    assert len(paragraphs) == 15


def _paragraphs(article):
    return [article.text[s:e] for s, e in article.paragraphs]


def test_empty_or_tiny_pages_do_not_fail():
    assert parse_html("").text == ""
    assert parse_html(b"   ").text == ""
    assert parse_html("<html><body><p>Only 3 words.</p></body></html>").text == "Only 3 words."


def _normal(text: str) -> str:
    text = text.translate({ord("’"): "'", ord("‘"): "'", ord("“"): '"', ord("”"): '"', 0xA0: " "})
    return re.sub(r"\s+", " ", re.sub(r"^\s*[•·\-*]\s*", "", text)).strip()


@pytest.fixture(scope="module")
def founding():
    if not FOUNDING.is_dir():
        pytest.skip("../shared corpus is not available")
    html = (FOUNDING / "article.html").read_text(encoding="utf-8")
    return html, parse_html(html, url="https://news.example/gpt-5-5-rebuilt-from-scratch/")


def test_founding_article_has_no_page_chrome(founding):
    _, article = founding
    for chrome in (
        "Join 250,000 readers",
        "Search 12,000+ articles",
        "We use 3 kinds of cookies",
        "87 comments",
        "Top 10 AI tools of 2026",
        "4.8K shares",
        "45 writers",
        "1.2M views",
        "$644 billion",
    ):
        assert chrome not in article.text


def test_founding_article_keeps_every_body_paragraph(founding):
    html, article = founding
    paragraphs = {_normal(article.text[s:e]) for s, e in article.paragraphs}
    # Figure captions and image descriptions may go; the byline and category lines are page furniture.
    captions = {_normal(c) for c in re.findall(r"<figcaption>(.*?)</figcaption>", html)}
    lines = (FOUNDING / "article.txt").read_text(encoding="utf-8").splitlines()
    body = lines[next(i for i, line in enumerate(lines) if line.startswith("GPT-5.5 isn't a new version")) :]
    expected = [_normal(line) for line in body if line.strip() and _normal(line) not in captions]
    missing = [line for line in expected if line not in paragraphs]
    assert len(expected) > 90
    assert missing == []


def test_founding_article_metadata(founding):
    _, article = founding
    assert article.title == "GPT-5.5: OpenAI Didn't Update — They Rebuilt It from Scratch"
    assert article.author == "Ali Sadikin Ma"
    assert article.published == "2026-04-25T08:00:00+00:00"
    assert article.site_name == "TechPulse Daily"
    assert article.canonical_url == "https://news.example/gpt-5-5-rebuilt-from-scratch/"


def test_plain_text_paragraphs_lists_links_and_byline():
    text = (
        "Cheaper batteries\n\nBy Ana Ruiz\n\nPack prices fell 20% in 2024 (see https://data.example/packs).\n"
        "\n  • Cells fell 25%\n  • Packs fell 20%\n\nA last paragraph, "
        + "long " * 25
        + "enough to be prose."
    )
    article = parse_text(text, url="https://news.example/batteries")
    paragraphs = [article.text[s:e] for s, e in article.paragraphs]
    assert paragraphs[:5] == [
        "Cheaper batteries",
        "By Ana Ruiz",
        "Pack prices fell 20% in 2024 (see https://data.example/packs).",
        "Cells fell 25%",
        "Packs fell 20%",
    ]
    assert article.title == "Cheaper batteries"
    assert article.author == "Ana Ruiz"
    [link] = article.links
    assert link.href == "https://data.example/packs"
    assert article.text[link.start : link.end] == link.href


def test_plain_text_wrapped_at_fixed_width_is_joined():
    article = parse_text("The index rose 4% in March,\nits best month this year.\n\nA second paragraph.")
    assert article.text == "The index rose 4% in March, its best month this year.\n\nA second paragraph."


# -- decoding: the fetch layer's charset reaches the article -----------------------------------------

_CP1252_PAGE = (
    "<html><head><title>R\u00e9sum\u00e9 of the quarter</title></head><body><article>"
    "<p>\u201cWe sold \u20ac4.2 billion of caf\u00e9 machines,\u201d the company said \u2014 "
    "up 12% on the year.</p>"
    "<p>Its na\u00efve rivals fell 3% over the same months, according to the trade body.</p>"
    "</article></body></html>"
)


@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("text/html; charset=windows-1252", _CP1252_PAGE),
        ("text/html; charset=cp1252", _CP1252_PAGE),
        ("text/html; charset=ISO-8859-1", _CP1252_PAGE),  # read as windows-1252, as browsers do
        ("text/plain; charset=windows-1252", _CP1252_PAGE.replace("<p>", "\n\n").split("<article>")[1]),
    ],
)
def test_a_page_served_with_a_charset_header_and_no_meta_is_read_in_that_charset(
    tmp_path: Path, content_type: str, body: str
) -> None:
    import factcheck
    from tests.httpserver import reply, running_server

    plain = content_type.startswith("text/plain")
    text = re.sub(r"</?(?:article|body|html)>|</p>", "", body) if plain else body
    with running_server() as server:
        server.routes["/q3/"] = lambda h: reply(h, 200, text.encode("cp1252"), content_type)
        result = factcheck.ingest(
            f"http://127.0.0.1:{server.port}/q3/",
            store=str(tmp_path / "store"),
            verify=False,
            allow_private_network=True,
            warc_out=tmp_path / "fetched.warc.gz",
        )
    assert "\u201cWe sold \u20ac4.2 billion of caf\u00e9 machines,\u201d" in result.article.text
    assert "na\u00efve rivals" in result.article.text
    stored = factcheck.list_claims(store=str(tmp_path / "store"))
    assert any("\u20ac4.2 billion" in c.quote for c in stored)


@pytest.mark.parametrize(
    ("chrome", "content"),
    [
        ('<div class="share-bar">Share: 2,300 shares</div>', '<div class="market-share">'),
        ('<ul class="social-icons"><li>4.1K followers</li></ul>', '<section class="social-media-use">'),
        ('<div id="cookie-consent">We use 12 cookies.</div>', '<div class="story-body">'),
        ('<aside class="related">Also: 3 top phones</aside>', '<div class="entry-content">'),
    ],
)
def test_chrome_goes_and_content_with_a_similar_class_name_stays(chrome: str, content: str) -> None:
    prose = "Phone makers shipped 298 million units in the quarter, up 3.1% on the year."
    html = (
        f"<html><body>{chrome}<article><h1>Phones</h1>{content}<p>{prose}</p></div></article></body></html>"
    )
    html = html.replace("</div></article>", "</section></article>") if "<section" in content else html
    text = parse_html(html).text
    assert prose in text
    assert not any(w in text for w in ("2,300", "4.1K", "12 cookies", "3 top phones"))


# A column laid out as lines between <br> in a div, after lists of links, whose last lines hold inline links
# (a byline's e-mail address, the site's address in a copyright line): the main-text extractor can return
# such a line in pieces cut at the link.
def _br_column(byline: str, notice: str) -> str:
    nav = "".join(f'<li><a href="/c{i}"><em>Col {i}</em> item</a></li>' for i in range(10))
    lines = [
        f"Sentence group {i}: the ferry operator said crossings on the northern route had become slower, "
        "and the crews said the timetable was kept only on calm days, which was rare this winter."
        for i in range(9)
    ]
    gap = "<br>\n<br>\n"
    empty_table = '<table align="center"><tbody><tr><td><div></div></td></tr></tbody></table>'
    body = gap.join(lines[:5]) + empty_table + gap + gap.join(lines[5:])
    stories = "".join(
        f'<li><a href="/n{i}" class="news_list">{t}</a></li>'
        for i, t in enumerate(["Ferry fares rise again this spring", "New pier opens in the east"])
    )
    return (
        '<html><head><title>Harbour column</title></head><body><div class="colList"><h2>Columns</h2>'
        f'<ul>{nav}</ul></div><div class="mainArea"><div class="newsArticle"><div class="recentNews">'
        f"<h4>Top stories today</h4><ul>{stories}</ul></div>"
        '<div class="newsContent"><dl class="newsTitle"><dt>Why the ferries are late</dt></dl>Published '
        f'2026-03-02<div class="newsArticle"><div id="_article">{empty_table}{gap}The headline restated'
        f"{gap}{body}{gap}{byline}{gap}[Photo: Harbour Weekly]{gap}{notice}</div>"
        '<div class="newsArticle" id="articleBody"></div></div><div>Copyright Harbour Weekly. All rights '
        "reserved.</div></div></div></body></html>"
    )


@pytest.mark.parametrize(
    ("byline", "notice"),
    [
        (
            'Jane Roe, columnist <a href="mailto:jane@harbour.example">jane@harbour.example</a>',
            'Copyright Harbour Weekly (<a href="https://harbour.example">harbour.example</a>), no copies',
        ),
        (
            'By Tom Lee <a href="mailto:tom@harbour.example">tom@harbour.example</a>',
            '(c) Harbour Weekly (<a href="https://harbour.example">www.harbour.example</a>), all rights',
        ),
    ],
)
def test_a_line_cut_at_its_links_is_one_paragraph_not_the_line_and_its_pieces(
    byline: str, notice: str
) -> None:
    article = parse_html(_br_column(byline, notice), "https://harbour.example/a")
    paragraphs = [article.text[s:e] for s, e in article.paragraphs]
    assert not [p for p in paragraphs if any(p != q and p in q for q in paragraphs)]
    assert any("columnist" in p or "Tom Lee" in p for p in paragraphs)
