"""Source resolution: which links of a fetched source page are worth one more hop."""

from __future__ import annotations

import pytest

from factcheck.models import Claim, Quantity
from factcheck.sources.resolve import hop_links

BASE = "https://analyst.example/newsroom/handhelds-q3/"
CLAIM = Claim(
    id="c1",
    quote="Quillon shipped 1.2 million rugged tablets in the third quarter, the firm's report found.",
    start=0,
    end=0,
    quantity=Quantity(text="", start=0, end=0),
    subject="Quillon",
    metric="rugged tablet shipments",
)
MAIN = """<main><h1>Rugged tablets had a strong third quarter</h1>
<p>Shipment volumes and vendor shares are in the
<a href="/reports/rugged-tablets-q3.pdf">full report (PDF)</a>.</p>{box}</main>"""


@pytest.mark.parametrize(
    "box",
    [
        '<aside><h3>More reports</h3><a href="/reports/rugged-tablets-q2.pdf">Q2 report</a></aside>',
        '<div class="sidebar"><a href="/reports/rugged-tablets-q2.pdf">Rugged tablets Q2 (PDF)</a></div>',
        '<section class="related-stories"><a href="/newsroom/rugged-tablets-q2/">Rugged tablets in Q2</a>'
        "</section>",
        '<div><h3>Also read</h3><a href="/newsroom/rugged-tablets-q2/">Quillon rugged tablets Q2</a></div>',
        '<div role="complementary"><a href="/reports/tablets-2025.pdf">Tablet shipments 2025</a></div>',
    ],
    ids=["aside", "sidebar-class", "related-class", "also-heading", "complementary-role"],
)
def test_links_in_boxes_about_other_items_are_not_followed(box: str) -> None:
    links = hop_links(MAIN.format(box=box), BASE, [CLAIM])
    assert links == ["https://analyst.example/reports/rugged-tablets-q3.pdf"]


def test_links_in_a_wrapper_named_after_its_sidebar_are_still_followed() -> None:
    html = f'<body><div class="layout with-sidebar">{MAIN.format(box="")}</div></body>'
    assert hop_links(html, BASE, [CLAIM]) == ["https://analyst.example/reports/rugged-tablets-q3.pdf"]
