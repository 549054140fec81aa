# ruff: noqa: E501  (the articles are prose, kept one sentence run per line)
"""Build the report-style claim set: article.html, gold.json (reader) and gold-strict.json per folder.

Every article here is FICTIONAL (organisations partly real, every figure and quotation invented), written for
this benchmark. Run ``python bench/data/claims_reports/build.py``: it checks that every mention and every
non-claim is an exact substring of the article's visible text, then rewrites the files.

Gold conventions (as in the shared real-dev set): ``sources`` is what a careful reader would say the
article cites (a lead attribution of a report-style article carries over to later paragraphs that keep
reporting the same data, until another source is named; back-references, people mapped to their
organisation); ``strict`` keeps only attributions standing in the claim's own sentence or paragraph. A list
inside a source entry gives acceptable alternative names for one source. ``core: false`` claims are
neutral (fuzzy figures, counts in words, thresholds and context counts).
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

HERE = Path(__file__).parent

CHROME_TOP = """<header><a class="logo" href="/">{site}</a>
<nav><a href="/news/">News</a> <a href="/markets/">Markets</a> <a href="/subscribe/">Subscribe for 1 euro a week</a></nav>
<div class="promo">Our 2026 reader survey: 5 minutes, 10 questions</div></header>"""
CHROME_BOTTOM = """<aside class="related"><h3>Read next</h3><ul><li><a href="/a/">5 charts that explain the week</a></li>
<li><a href="/b/">Top 10 stories of 2025</a></li></ul></aside>
<footer>&copy; 2019&ndash;2026 {site} &middot; 12 Harbour Row, Valmora 4410 &middot; Tel. +47 22 10 48 00</footer>"""

ARTICLES: list[dict] = []


def article(slug, site, url, title, byline, paragraphs, claims, non_claims):
    ARTICLES.append(
        dict(
            slug=slug,
            site=site,
            url=url,
            title=title,
            byline=byline,
            paragraphs=paragraphs,
            claims=claims,
            non_claims=non_claims,
        )
    )


def c(cid, value, unit, sources, mentions, strict=None, core=True, **extra):
    """A claim; ``strict`` defaults to the reader sources."""
    d = dict(
        id=cid,
        core=core,
        unit=unit,
        sources=sources,
        mentions=mentions if isinstance(mentions, list) else [mentions],
    )
    if isinstance(value, tuple):
        d["low"], d["high"] = value
    else:
        d["value"] = value
    d["strict"] = sources if strict is None else strict
    d.update(extra)
    return d


VPA = ["Valmora Port Authority", "VPA"]
article(
    "valmora-port-half-year",
    "Coastline Business",
    "https://coastline-business.example/ports/valmora-h1/",
    "Valmora port handles record container volumes as transhipment surges",
    "By Anders Holm",
    [
        "Container throughput at the Port of Valmora climbed 8.4% in the first half of 2026 to 2.31 million "
        "TEU, the highest for any six-month period on record, the Valmora Port Authority said on Tuesday.",
        "Transhipment boxes, which are moved from one vessel to another without leaving the port, made up 41% "
        "of the total, up from 35% a year earlier. Empty containers accounted for a further 9%.",
        "The authority's half-year figures show that the North Quay terminal handled 1.02 million TEU, while "
        "the newer Eastgate terminal, which opened in 2024, handled 640,000 TEU.",
        "“We expected a strong year, but not one in which Eastgate alone would run at 92% of its design "
        "capacity,” said chief executive Marta Lindqvist. She added that the authority would spend €180 million "
        "on new cranes and a deeper berth by 2028.",
        "By our count, at least 14 shipping services have added Valmora to their routes since January.",
        "Shipping consultancy Drewmark estimates that transhipment volumes across the region will grow by 5% "
        "to 6% a year until 2030, roughly twice the pace of global container trade.",
        "Its latest outlook puts Valmora's share of regional transhipment at 18%, behind Portaleza on 27% and "
        "Kessing on 22%.",
        "Shares in Valmora Logistics, the listed operator of the Eastgate terminal, rose 3.2% to €14.60 in "
        "morning trading.",
    ],
    [
        c("growth-8.4", 8.4, "%", [VPA], "climbed 8.4% in the first half of 2026"),
        c("teu-2.31m", 2310000, "TEU", [VPA], "to 2.31 million TEU"),
        c("tranship-41", 41, "%", [VPA], "made up 41% of the total", strict=[]),
        c("tranship-prev-35", 35, "%", [VPA], "up from 35% a year earlier", strict=[]),
        c("empty-9", 9, "%", [VPA], "Empty containers accounted for a further 9%", strict=[]),
        c("north-quay-1.02m", 1020000, "TEU", [VPA], "the North Quay terminal handled 1.02 million TEU"),
        c("eastgate-640k", 640000, "TEU", [VPA], "handled 640,000 TEU"),
        c("eastgate-capacity-92", 92, "%", [VPA], "would run at 92% of its design capacity"),
        c("capex-180m", 180000000, "EUR", [VPA], "would spend €180 million"),
        c("services-14", 14, "count", [], "at least 14 shipping services have added Valmora"),
        c("region-growth-5-6", (5, 6), "%", ["Drewmark"], "will grow by 5% to 6% a year"),
        c("valmora-share-18", 18, "%", ["Drewmark"], "Valmora's share of regional transhipment at 18%"),
        c("portaleza-27", 27, "%", ["Drewmark"], "behind Portaleza on 27%"),
        c("kessing-22", 22, "%", ["Drewmark"], "Kessing on 22%"),
        # neutral multiples and fractions, added after the first run (the first-run figures used the gold without)
        c("region-twice", 2, "x", ["Drewmark"], "roughly twice the pace", core=False, match="mention"),
        c("shares-3.2", 3.2, "%", [], "rose 3.2% to €14.60"),
        c("share-price-14.60", 14.6, "EUR", [], "rose 3.2% to €14.60"),
    ],
    ["six-month period", "opened in 2024", "by 2028", "until 2030", "since January"],
)

NIPH = ["Nordmark Institute of Public Health", "NIPH"]
article(
    "nordmark-flu-surveillance",
    "Nordmark Today",
    "https://nordmark-today.example/health/flu-admissions/",
    "Flu admissions double in a fortnight as the season peaks early",
    "By Lea Brandt",
    [
        "Hospital admissions for influenza in Nordmark more than doubled in two weeks, reaching 21.4 per "
        "100,000 people in the week to 11 January, according to the weekly surveillance report of the Nordmark "
        "Institute of Public Health (NIPH).",
        "That compares with 9.8 per 100,000 a fortnight earlier and a peak of 17.2 per 100,000 last winter. "
        "Intensive-care admissions rose to 1.9 per 100,000.",
        "The institute said consultations with family doctors for flu-like illness had reached 312 per 100,000, "
        "well above its epidemic threshold of 150. Test positivity in hospital laboratories stood at 28.5%, up "
        "from 19.1% the previous week.",
        "Children under five were hit hardest, with admission rates of 38 per 100,000, while the rate among "
        "people aged 65 and over was 33 per 100,000.",
        "“We are seeing the steepest rise in a decade, and older adults have not peaked yet,” said Dr Helena "
        "Varga, who leads respiratory surveillance at the institute. She said vaccine uptake among over-65s was "
        "61%, short of a target of 75%.",
        "A separate survey by the pharmacists' association Apotekforbundet found that 4 in 10 pharmacies had "
        "run out of at least one flu antiviral in December.",
        "Our reporters visited three emergency departments in the capital this week; at one, patients waited "
        "more than 9 hours for a bed.",
        "The institute's next report is due on 22 January.",
    ],
    [
        c("admissions-21.4", 21.4, "per 100,000", [NIPH], "reaching 21.4 per 100,000 people"),
        c(
            "admissions-doubled",
            2,
            "x",
            [NIPH],
            ["more than doubled in two weeks", "Flu admissions double in a fortnight"],
            core=False,
            match="mention",
        ),
        c(
            "admissions-prev-9.8",
            9.8,
            "per 100,000",
            [NIPH],
            "9.8 per 100,000 a fortnight earlier",
            strict=[],
        ),
        c("peak-last-17.2", 17.2, "per 100,000", [NIPH], "a peak of 17.2 per 100,000 last winter", strict=[]),
        c(
            "icu-1.9",
            1.9,
            "per 100,000",
            [NIPH],
            "Intensive-care admissions rose to 1.9 per 100,000",
            strict=[],
        ),
        c("gp-312", 312, "per 100,000", [NIPH], "had reached 312 per 100,000"),
        c("threshold-150", 150, "per 100,000", [NIPH], "its epidemic threshold of 150", core=False),
        c("positivity-28.5", 28.5, "%", [NIPH], "Test positivity in hospital laboratories stood at 28.5%"),
        c("positivity-prev-19.1", 19.1, "%", [NIPH], "up from 19.1% the previous week"),
        c("children-38", 38, "per 100,000", [NIPH], "admission rates of 38 per 100,000", strict=[]),
        c("elderly-33", 33, "per 100,000", [NIPH], "was 33 per 100,000", strict=[]),
        c("vaccine-61", 61, "%", [NIPH], "vaccine uptake among over-65s was 61%"),
        c("target-75", 75, "%", [NIPH], "short of a target of 75%"),
        c("pharmacies-40", 40, "%", ["Apotekforbundet"], "4 in 10 pharmacies had run out"),
        c("wait-9h", 9, "hours", [], "patients waited more than 9 hours for a bed"),
    ],
    ["in the week to 11 January", "Children under five", "aged 65 and over", "due on 22 January"],
)

ORF = ["Ostland Retail Federation", "ORF"]
article(
    "ostland-retail-sales",
    "The Daily Ledger",
    "https://dailyledger.example/economy/retail-sales-february/",
    "Shoppers cut back on clothing as retail sales stall",
    "By Pieter Maas",
    [
        "Retail sales in Ostland rose just 0.3% in February from a year earlier, the weakest growth since 2021, "
        "figures from the Ostland Retail Federation showed on Wednesday.",
        "Food sales grew 2.8%, helped by higher prices, but non-food sales fell 1.9%. Clothing and footwear had "
        "their worst month in two years, with sales down 6.5%.",
        "Online sales of non-food goods were down 4.2%, and their share of non-food spending slipped to 36.7% "
        "from 38.0% a year ago, the federation said.",
        "“Households are still spending on essentials, but anything that can wait is waiting,” said Tomas Berg, "
        "the federation's chief economist. He expects sales growth of between 1% and 1.5% for the year as a "
        "whole.",
        "Footfall told a similar story. Visits to shops fell 3.4% compared with February last year, according "
        'to <a href="https://www.countline-analytics.example/reports/february">footfall counter CountLine</a>, '
        "with high streets down 4.9% and retail parks down 1.1%.",
        "Consumer confidence also weakened: an index compiled for the newspaper by "
        '<a href="https://pollhaus.example/ostland-confidence">Pollhaus</a> fell to -17 from -13 in January.',
        "The Bank of Ostland, which meets next week, held its main interest rate at 3.25% last month.",
    ],
    [
        c("sales-0.3", 0.3, "%", [ORF], "rose just 0.3% in February"),
        c("food-2.8", 2.8, "%", [ORF], "Food sales grew 2.8%", strict=[]),
        c("nonfood-1.9", 1.9, "%", [ORF], "non-food sales fell 1.9%", strict=[]),
        c("clothing-6.5", 6.5, "%", [ORF], "with sales down 6.5%", strict=[]),
        c("online-4.2", 4.2, "%", [ORF], "Online sales of non-food goods were down 4.2%"),
        c("online-share-36.7", 36.7, "%", [ORF], "slipped to 36.7% from 38.0% a year ago"),
        c("online-share-prev-38", 38.0, "%", [ORF], "slipped to 36.7% from 38.0% a year ago"),
        c("outlook-1-1.5", (1, 1.5), "%", [ORF], "sales growth of between 1% and 1.5%"),
        c("footfall-3.4", 3.4, "%", ["CountLine"], "Visits to shops fell 3.4%"),
        c("high-street-4.9", 4.9, "%", ["CountLine"], "high streets down 4.9%"),
        c("retail-parks-1.1", 1.1, "%", ["CountLine"], "retail parks down 1.1%"),
        c("confidence--17", -17, "points", ["Pollhaus"], "fell to -17 from -13 in January"),
        c("confidence-prev--13", -13, "points", ["Pollhaus"], "fell to -17 from -13 in January"),
        c("rate-3.25", 3.25, "%", ["Bank of Ostland"], "held its main interest rate at 3.25%", strict=[]),
    ],
    ["the weakest growth since 2021", "in two years"],
)

LSEG = ["LSEG", "London Stock Exchange Group", "Refinitiv"]
OP = ["Orbital Payments", "Orbital"]
article(
    "orbital-payments-q2",
    "Fintech Wire",
    "https://fintechwire.example/earnings/orbital-q2/",
    "Orbital Payments beats forecasts as transaction volumes jump",
    "By Nadia Rahman",
    [
        "Orbital Payments reported second-quarter revenue of $1.84 billion on Thursday, up 17% from a year "
        "earlier and ahead of the $1.79 billion analysts had expected, according to LSEG data.",
        "Net income rose to $212 million, or 41 cents a share, from $158 million. Total payment volume on its "
        "network climbed 23% to $96 billion.",
        "The company raised its forecast for full-year revenue growth to a range of 15% to 16%, from 13% to 15% "
        "previously. Analysts polled by LSEG expect 14.6%.",
        "“Cross-border volumes were the standout, growing more than 30% for the third quarter in a row,” chief "
        "financial officer Grace Okafor told analysts on a call. Ms. Okafor added that the company now has "
        "41,000 business customers in Europe, twice as many as two years ago.",
        "Orbital's shares rose 6.1% to $88.40 in extended trading. They have gained about 12% this year, "
        "lagging a 19% rise in the S&P 500 index.",
        "Rival Clearpath, which reports next week, said in April that it expected quarterly revenue of about "
        "$1.1 billion.",
    ],
    [
        c("revenue-1.84b", 1.84e9, "USD", [OP], "second-quarter revenue of $1.84 billion"),
        c("revenue-growth-17", 17, "%", [OP], "up 17% from a year earlier"),
        c("consensus-1.79b", 1.79e9, "USD", [LSEG], "the $1.79 billion analysts had expected"),
        c("net-income-212m", 2.12e8, "USD", [OP], "Net income rose to $212 million", strict=[]),
        c("eps-41c", 41, "cents per share", [OP], "or 41 cents a share", strict=[]),
        c("net-income-prev-158m", 1.58e8, "USD", [OP], "from $158 million", strict=[]),
        c("tpv-growth-23", 23, "%", [OP], "climbed 23% to $96 billion", strict=[]),
        c("tpv-96b", 9.6e10, "USD", [OP], "climbed 23% to $96 billion", strict=[]),
        c("guidance-15-16", (15, 16), "%", [OP], "a range of 15% to 16%"),
        c("guidance-prev-13-15", (13, 15), "%", [OP], "from 13% to 15% previously"),
        c("guidance-consensus-14.6", 14.6, "%", [LSEG], "Analysts polled by LSEG expect 14.6%"),
        c("crossborder-30", 30, "%", [OP], "growing more than 30%"),
        c("customers-41k", 41000, "count", [OP], "41,000 business customers in Europe"),
        c("customers-twice", 2, "x", [OP], "twice as many as two years ago", core=False, match="mention"),
        c("shares-6.1", 6.1, "%", [], "Orbital's shares rose 6.1% to $88.40"),
        c("share-price-88.40", 88.4, "USD", [], "Orbital's shares rose 6.1% to $88.40"),
        c("ytd-12", 12, "%", [], "They have gained about 12% this year"),
        c("sp500-19", 19, "%", [], "lagging a 19% rise"),
        c("clearpath-1.1b", 1.1e9, "USD", ["Clearpath"], "quarterly revenue of about $1.1 billion"),
    ],
    ["S&P 500", "third quarter in a row", "two years ago"],
)

SURVEY = [["Civica", "Heat Pump Association"]]
article(
    "heat-pump-homeowners-survey",
    "Green Homes Weekly",
    "https://greenhomes.example/news/heat-pump-survey/",
    "Most homeowners would consider a heat pump, but cost puts off two in three",
    "By Sam Okoro",
    [
        "Almost six in ten homeowners would consider replacing their gas boiler with a heat pump, but 64% say "
        "the upfront cost is too high, according to a survey for the Heat Pump Association carried out by "
        "pollster Civica.",
        "Civica interviewed 2,150 homeowners online between 3 and 9 March. The results have a margin of error "
        "of plus or minus 2 percentage points.",
        "Among those who had already installed one, 78% said their heating bills had fallen, and 12% said they "
        "had risen. A quarter of respondents had never heard of the government's £7,500 installation grant.",
        "“The appetite is there. What is missing is confidence about the price,” said Ruth Adeyemi, the "
        "association's chief executive. Adeyemi said the association would ask ministers to raise the grant "
        "to £10,000.",
        "Installations are rising from a low base. Figures from the Energy Networks Register show 61,300 heat "
        "pumps were fitted last year, up 38% on the year before, compared with about 1.5 million new gas "
        "boilers.",
        "At that rate, it would take more than 400 years to replace every boiler in the country.",
    ],
    [
        c("consider-60", 60, "%", SURVEY, "Almost six in ten homeowners would consider"),
        c("cost-64", 64, "%", SURVEY, "64% say the upfront cost is too high"),
        c("sample-2150", 2150, "count", ["Civica"], "Civica interviewed 2,150 homeowners"),
        c("margin-2", 2, "percentage points", ["Civica"], "plus or minus 2 percentage points", core=False),
        c("bills-fell-78", 78, "%", SURVEY, "78% said their heating bills had fallen", strict=[]),
        c("bills-rose-12", 12, "%", SURVEY, "12% said they had risen", strict=[]),
        c("unaware-25", 25, "%", SURVEY, "A quarter of respondents", core=False, strict=[]),
        c("grant-7500", 7500, "GBP", [], "£7,500 installation grant", core=False),
        c("grant-ask-10000", 10000, "GBP", ["Heat Pump Association"], "raise the grant to £10,000"),
        c(
            "installs-61300",
            61300,
            "count",
            ["Energy Networks Register"],
            "61,300 heat pumps were fitted last year",
        ),
        c("installs-growth-38", 38, "%", ["Energy Networks Register"], "up 38% on the year before"),
        c("boilers-1.5m", 1.5e6, "count", ["Energy Networks Register"], "about 1.5 million new gas boilers"),
        c("years-400", 400, "years", [], "more than 400 years", core=False),
    ],
    ["between 3 and 9 March"],
)

ST = ["Sensor Tower"]
article(
    "app-spending-q3",
    "Pocket Economy",
    "https://pocketeconomy.example/apps/q3-spending/",
    "Short-video and AI apps lead spending as downloads flatten",
    "By Mei Lin",
    [
        "Consumers spent $38.9 billion in mobile apps worldwide in the third quarter, 12% more than a year "
        "earlier, even as downloads were flat at 34 billion, according to Sensor Tower's quarterly report.",
        "Games accounted for $19.6 billion of that spending, down 2%. Non-game apps rose 27% to $19.3 billion, "
        "overtaking games for the first time.",
        "The top earners of the quarter were:",
        [
            "TikTok, with $1.21 billion in consumer spending",
            "YouTube, with $520 million",
            "Tinder, with $390 million",
        ],
        "The report said artificial-intelligence assistants were the fastest-growing category: their revenue "
        "more than tripled to $740 million, and ChatGPT alone was downloaded 170 million times.",
        'Data from <a href="https://www.appmetrica-insights.example/q3">AppMetrica Insights</a>, a rival '
        "tracker, put ChatGPT's quarterly downloads slightly higher, at 182 million.",
        "The figures suggest that subscriptions, not one-off purchases, now drive the app economy. Apple takes "
        "a commission of up to 30% on most of those sales.",
    ],
    [
        c("spend-38.9b", 3.89e10, "USD", ST, "Consumers spent $38.9 billion in mobile apps"),
        c("spend-growth-12", 12, "%", ST, "12% more than a year earlier"),
        c("downloads-34b", 3.4e10, "count", ST, "downloads were flat at 34 billion"),
        c("games-19.6b", 1.96e10, "USD", ST, "Games accounted for $19.6 billion", strict=[]),
        c("games-down-2", 2, "%", ST, "of that spending, down 2%", strict=[]),
        c("nongame-27", 27, "%", ST, "Non-game apps rose 27% to $19.3 billion", strict=[]),
        c("nongame-19.3b", 1.93e10, "USD", ST, "Non-game apps rose 27% to $19.3 billion", strict=[]),
        c("tiktok-1.21b", 1.21e9, "USD", ST, "TikTok, with $1.21 billion in consumer spending", strict=[]),
        c("youtube-520m", 5.2e8, "USD", ST, "YouTube, with $520 million", strict=[]),
        c("tinder-390m", 3.9e8, "USD", ST, "Tinder, with $390 million", strict=[]),
        c("ai-revenue-740m", 7.4e8, "USD", ST, "more than tripled to $740 million"),
        c("ai-revenue-tripled", 3, "x", ST, "more than tripled to $740 million", core=False, match="mention"),
        c("chatgpt-170m", 1.7e8, "count", ST, "ChatGPT alone was downloaded 170 million times"),
        c("chatgpt-182m", 1.82e8, "count", ["AppMetrica Insights"], "at 182 million"),
        c("commission-30", 30, "%", [], "a commission of up to 30%"),
    ],
    ["for the first time"],
)

MOA = ["Ministry of Agriculture"]
article(
    "ostland-wheat-forecast",
    "Farm & Field",
    "https://farmandfield.example/crops/wheat-forecast/",
    "Drought to cut wheat harvest by a fifth, ministry forecasts",
    "By Ola Nygaard",
    [
        "Ostland's wheat harvest will fall to 6.2 million tonnes this year, 21% below last year's and the "
        "smallest since 2012, the Ministry of Agriculture forecast on Monday in its first crop estimate of the "
        "season.",
        "Yields are expected to average 5.1 tonnes per hectare, against 6.4 tonnes last year and a five-year "
        "average of 6.0 tonnes. The planted area is broadly unchanged at 1.22 million hectares.",
        "Barley and rapeseed are faring a little better. The ministry sees barley output down 9% at 2.7 million "
        "tonnes and rapeseed down 6% at 1.1 million tonnes.",
        "The National Farmers' Union of Ostland said the drought would cost growers at least 900 million crowns "
        "in lost income. “Some of our members have harvested less than half of a normal crop,” its president, "
        "Jonas Ek, said.",
        "Wheat futures on the Ostland commodity exchange rose 4.5% to 248 euros a tonne after the forecast was "
        "published.",
        "The Meteorological Institute said that rainfall from April to June was 38% of the long-term average, "
        "the lowest for that period since records began in 1881.",
    ],
    [
        c("wheat-6.2m", 6.2e6, "tonnes", MOA, "will fall to 6.2 million tonnes this year"),
        c("wheat-down-21", 21, "%", MOA, "21% below last year's"),
        c(
            "wheat-fifth",
            20,
            "%",
            MOA,
            "Drought to cut wheat harvest by a fifth",
            core=False,
            match="mention",
        ),
        c(
            "half-crop",
            50,
            "%",
            [["National Farmers' Union of Ostland", "National Farmers' Union"]],
            "less than half of a normal crop",
            core=False,
            match="mention",
        ),
        c("yield-5.1", 5.1, "tonnes per hectare", MOA, "average 5.1 tonnes per hectare", strict=[]),
        c("yield-prev-6.4", 6.4, "tonnes per hectare", MOA, "against 6.4 tonnes last year", strict=[]),
        c("yield-avg-6.0", 6.0, "tonnes per hectare", MOA, "a five-year average of 6.0 tonnes", strict=[]),
        c("area-1.22m", 1.22e6, "hectares", MOA, "unchanged at 1.22 million hectares", strict=[]),
        c("barley-down-9", 9, "%", MOA, "barley output down 9% at 2.7 million tonnes"),
        c("barley-2.7m", 2.7e6, "tonnes", MOA, "barley output down 9% at 2.7 million tonnes"),
        c("rapeseed-down-6", 6, "%", MOA, "rapeseed down 6% at 1.1 million tonnes"),
        c("rapeseed-1.1m", 1.1e6, "tonnes", MOA, "rapeseed down 6% at 1.1 million tonnes"),
        c(
            "cost-900m",
            9e8,
            "crowns",
            [["National Farmers' Union of Ostland", "National Farmers' Union"]],
            "at least 900 million crowns",
        ),
        c("futures-4.5", 4.5, "%", [], "rose 4.5% to 248 euros a tonne"),
        c("futures-248", 248, "EUR per tonne", [], "rose 4.5% to 248 euros a tonne"),
        c("rainfall-38", 38, "%", ["Meteorological Institute"], "was 38% of the long-term average"),
    ],
    ["the smallest since 2012", "five-year", "since records began in 1881"],
)


def _para(p) -> str:
    if isinstance(p, list):
        return "<ul>" + "".join(f"<li>{html.escape(x)}</li>" for x in p) + "</ul>"
    return f"<p>{p if '<a ' in p else html.escape(p, quote=False)}</p>"


def _visible(p) -> str:
    if isinstance(p, list):
        return "\n".join(p)
    return html.unescape(re.sub(r"<[^>]+>", "", p))


def build() -> None:
    for a in ARTICLES:
        folder = HERE / a["slug"]
        folder.mkdir(exist_ok=True)
        body = "\n".join(_para(p) for p in a["paragraphs"])
        page = (
            '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">\n'
            "<!-- FICTIONAL test article for the claim-extraction benchmark: every figure and quotation is "
            "invented. Not news. -->\n"
            f"<title>{html.escape(a['title'])} | {a['site']}</title>\n"
            f'<link rel="canonical" href="{a["url"]}">\n'
            f'<meta property="og:site_name" content="{a["site"]}"></head>\n<body>\n'
            + CHROME_TOP.format(site=a["site"])
            + f'\n<main><article>\n<h1>{html.escape(a["title"])}</h1>\n<p class="byline">{a["byline"]}</p>\n'
            + body
            + "\n</article></main>\n"
            + CHROME_BOTTOM.format(site=a["site"])
            + "\n</body></html>\n"
        )
        (folder / "article.html").write_text(page, encoding="utf-8")
        text = "\n".join([a["title"], *(_visible(p) for p in a["paragraphs"])])
        for cl in a["claims"]:
            for m in cl["mentions"]:
                assert m in text, (a["slug"], m)
        for nc in a["non_claims"]:
            assert nc in text, (a["slug"], nc)
        about = (
            "FICTIONAL article written for the claim-extraction benchmark; every figure is invented. Keys as in "
            "the shared real-dev gold; this file: "
        )
        for name, key, scope in (
            ("gold.json", "sources", "reader"),
            ("gold-strict.json", "strict", "strict"),
        ):
            claims = []
            for cl in a["claims"]:
                d = {k: v for k, v in cl.items() if k not in ("sources", "strict")}
                d["sources"] = cl[key]
                claims.append(d)
            gold = {
                "article": "article.html",
                "url": a["url"],
                "about": about + scope + " sources.",
                "claims": claims,
                "non_claims": a["non_claims"],
            }
            (folder / name).write_text(
                json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
            )
    n = sum(len([c for c in a["claims"] if c["core"]]) for a in ARTICLES)
    print(f"{len(ARTICLES)} articles, {n} core claims")
    for a in ARTICLES:
        words = len(" ".join([a["title"], *map(_visible, a["paragraphs"])]).split())
        print(f"{a['slug']}: {words} words")


if __name__ == "__main__":
    build()
