# ruff: noqa: E501  (the articles are prose, kept one sentence run per line)
"""Build the second unseen claim set: article.html, gold.json (reader) and gold-strict.json per folder.

Every article here is FICTIONAL (organisations, people and figures invented), written for this benchmark
and annotated in full without running the extractor on it; it is to be scored once (see README.md). The
page layout, the gold format and the checks come from ``bench/data/claims_reports/build.py``, imported
rather than copied: run ``python bench/data/claims_unseen2/build.py``; it checks that every mention and
every non-claim is an exact substring of the article's visible text, then rewrites the files.

Gold conventions are those of the report set: ``sources`` is what a careful reader would say the article
cites (a lead attribution carries over to later paragraphs and lists that keep reporting the same data
until another source is named; back-references and people mapped to their organisation); ``strict`` keeps
only attributions standing in the claim's own sentence or paragraph. ``core: false`` claims are neutral.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from claim_sets import report_builder  # noqa: E402

reports = report_builder(HERE)
article, c = reports.article, reports.c


CAA = ["Corvanian Aviation Authority", "CAA", "Mirela Santos"]
CORVAIR = ["Corvair"]
HAG = ["Halbrook Airports Group"]
article(
    "halbrook-airport-punctuality",
    "Runway Report",
    "https://runwayreport.example/airports/halbrook-summer-punctuality/",
    "Halbrook Airport's summer punctuality slumps as cancellations mount",
    "By Petra Lindqvist",
    [
        "Only 68.4% of flights leaving Halbrook Airport between June and August departed within 15 minutes of "
        "schedule, down from 74.1% a year earlier, according to punctuality statistics compiled by the "
        "Corvanian Aviation Authority (CAA).",
        "The average delay per departure lengthened to 23 minutes from 17 minutes, and 1,940 flights were "
        "cancelled outright over the three months, almost double the number in the summer of 2024.",
        "The regulator's figures rank the five busiest carriers at the airport as follows, by the share of "
        "their departures that left on time:",
        [
            "Skylane: 79.2%",
            "Corvair: 71.5%",
            "Nordwing Express: 66.0%",
            "BlueHop: 61.8%",
            "Tessel Air: 54.3%",
        ],
        "“Restrictions imposed by air traffic control caused 31% of all the delay minutes we recorded, more "
        "than any other single cause,” said Mirela Santos, the authority's director of consumer affairs. "
        "Santos said airline-by-airline complaint numbers would appear in the CAA's 64-page annual report on "
        "14 November.",
        "Corvair, the airport's largest airline, reported a third-quarter operating profit of 1.06 billion "
        "crowns on Wednesday, short of the 1.19 billion crowns expected by analysts polled by data provider "
        "Finmark. The airline said delays had cost it 42 million crowns in passenger compensation over the "
        "summer.",
        "Corvair shares closed 3.2% lower at 84.60 crowns, their lowest since March.",
        "Passenger numbers are still climbing. Halbrook Airports Group, which runs the airport, said it handled "
        "7.8 million passengers over the summer, 6% more than a year earlier. By our arithmetic, that is "
        "roughly 85,000 travellers a day.",
    ],
    [
        c("ontime-68.4", 68.4, "%", [CAA], "Only 68.4% of flights"),
        c("ontime-prev-74.1", 74.1, "%", [CAA], "down from 74.1% a year earlier"),
        c("delay-23", 23, "minutes", [CAA], "lengthened to 23 minutes from 17 minutes", strict=[]),
        c("delay-prev-17", 17, "minutes", [CAA], "lengthened to 23 minutes from 17 minutes", strict=[]),
        c("cancelled-1940", 1940, "count", [CAA], "1,940 flights were cancelled outright", strict=[]),
        c(
            "cancelled-double",
            2,
            "x",
            [CAA],
            "almost double the number",
            strict=[],
            core=False,
            match="mention",
        ),
        c("carriers-five", 5, "count", [CAA], "the five busiest carriers", core=False, match="mention"),
        c("skylane-79.2", 79.2, "%", [CAA], "Skylane: 79.2%", strict=[]),
        c("corvair-71.5", 71.5, "%", [CAA], "Corvair: 71.5%", strict=[]),
        c("nordwing-66.0", 66.0, "%", [CAA], "Nordwing Express: 66.0%", strict=[]),
        c("bluehop-61.8", 61.8, "%", [CAA], "BlueHop: 61.8%", strict=[]),
        c("tessel-54.3", 54.3, "%", [CAA], "Tessel Air: 54.3%", strict=[]),
        c("atc-31", 31, "%", [CAA], "caused 31% of all the delay minutes"),
        c("report-pages-64", 64, "pages", [CAA], "64-page annual report", core=False),
        c("corvair-profit-1.06b", 1.06e9, "crowns", [CORVAIR], "operating profit of 1.06 billion crowns"),
        c("consensus-1.19b", 1.19e9, "crowns", ["Finmark"], "the 1.19 billion crowns expected by analysts"),
        c("compensation-42m", 4.2e7, "crowns", [CORVAIR], "cost it 42 million crowns"),
        c("shares-3.2", 3.2, "%", [], "closed 3.2% lower at 84.60 crowns"),
        c("share-price-84.60", 84.6, "crowns", [], "closed 3.2% lower at 84.60 crowns"),
        c("passengers-7.8m", 7.8e6, "count", [HAG], "handled 7.8 million passengers"),
        c("passengers-growth-6", 6, "%", [HAG], "6% more than a year earlier"),
        c("own-daily-85k", 85000, "count", [], "roughly 85,000 travellers a day"),
    ],
    [
        "between June and August",
        "within 15 minutes of schedule",
        "over the three months",
        "the summer of 2024",
        "14 November",
        "third-quarter",
        "their lowest since March",
    ],
)

TPA = ["Telecoms and Post Authority", "TPA", "Ilse Varga"]
NETPULSE = ["Netpulse"]
article(
    "corvania-mobile-coverage-report",
    "Spectrum Weekly",
    "https://spectrumweekly.example/policy/connected-corvania-2026/",
    "5G now covers four-fifths of Corvania, but rural gaps persist, regulator says",
    "By Jonas Vidal",
    [
        "Outdoor 5G signal from at least one operator now reaches 81% of Corvania's land area, up from 64% a "
        'year ago, the <a href="https://www.tpa-corvania.example/reports/connected-corvania-2026">Telecoms and '
        "Post Authority</a> (TPA) said on Tuesday in its annual coverage report.",
        "Coverage from all four networks is far patchier, at 37% of the land area, and falls to 12% in rural "
        "districts. Around 2,300 square kilometres, mostly in the northern uplands, get no usable mobile signal "
        "at all.",
        "Fixed broadband is improving faster. Gigabit-capable lines are now available to 2.9 million homes, or "
        "58% of the total, the report showed, while take-up of full fibre has reached 31% of the premises that "
        "can order it.",
        "The regulator's drive tests, carried out along 14,200 kilometres of main roads, found that calls "
        "dropped on 4.6% of attempts, against 6.1% in 2025.",
        "“Coverage on a map is not the same as a signal you can use indoors,” said Ilse Varga, the authority's "
        "chief executive. “One in five people living in villages tell us they still cannot rely on a call from "
        "their kitchen.” The 96-page report also sets out plans to auction spectrum in the 3.6 GHz band next "
        "spring.",
        "Independent measurements paint a harsher picture. Netpulse, which collects speed tests from users' "
        "phones, put the share of time Corvanian users spent connected to 5G at 46% in the third quarter. Its "
        "median mobile download speed for the country was 112 megabits per second, ranking Corvania 19th in "
        "Europe.",
        "Telvani, the largest operator, plans to switch off its 3G network on 30 June. Its shares rose 1.8% to "
        "14.35 euros in Sundby.",
    ],
    [
        c("fifths-headline", 80, "%", [TPA], "covers four-fifths of Corvania", core=False, match="mention"),
        c("5g-81", 81, "%", [TPA], "now reaches 81% of Corvania's land area"),
        c("5g-prev-64", 64, "%", [TPA], "up from 64% a year ago"),
        c("all-four", 4, "count", [TPA], "all four networks", strict=[], core=False, match="mention"),
        c("all-networks-37", 37, "%", [TPA], "at 37% of the land area", strict=[]),
        c("rural-12", 12, "%", [TPA], "falls to 12% in rural districts", strict=[]),
        c("notspot-2300", 2300, "square kilometres", [TPA], "Around 2,300 square kilometres", strict=[]),
        c("gigabit-2.9m", 2.9e6, "homes", [TPA], "available to 2.9 million homes"),
        c("gigabit-58", 58, "%", [TPA], "or 58% of the total"),
        c("fibre-takeup-31", 31, "%", [TPA], "has reached 31% of the premises"),
        c("roads-14200", 14200, "kilometres", [TPA], "along 14,200 kilometres of main roads", core=False),
        c("dropped-4.6", 4.6, "%", [TPA], "calls dropped on 4.6% of attempts"),
        c("dropped-prev-6.1", 6.1, "%", [TPA], "against 6.1% in 2025"),
        c(
            "villages-one-in-five",
            20,
            "%",
            [TPA],
            "One in five people living in villages",
            core=False,
            match="mention",
        ),
        c("report-pages-96", 96, "pages", [TPA], "The 96-page report", core=False),
        c("time-on-5g-46", 46, "%", [NETPULSE], "at 46% in the third quarter"),
        c("speed-112", 112, "Mbps", [NETPULSE], "112 megabits per second"),
        c("rank-19", 19, "rank", [NETPULSE], "ranking Corvania 19th in Europe", core=False, match="mention"),
        c("telvani-shares-1.8", 1.8, "%", [], "Its shares rose 1.8% to 14.35 euros"),
        c("telvani-price-14.35", 14.35, "EUR", [], "Its shares rose 1.8% to 14.35 euros"),
    ],
    ["5G", "3G network", "3.6 GHz band", "next spring", "on 30 June", "in the third quarter"],
)

ACI = ["Association of Corvanian Insurers", "ACI", "Hannes Lind"]
SURVEY = [["Veritat", "Coverly"]]
article(
    "storm-flood-insurance-claims",
    "Household Finance Weekly",
    "https://householdfinance.example/insurance/storm-claims-record/",
    "Storm and flood claims hit a record as premiums climb",
    "By Greta Holm",
    [
        "Insurers paid out a record 2.4 billion crowns on home claims caused by storms and flooding last year, "
        "38% more than in 2024, data from the Association of Corvanian Insurers (ACI) show.",
        "The typical storm claim was settled at 31,500 crowns, while flood claims averaged 118,000 crowns, close "
        "to four times as much. Insurers handled 61,000 storm claims in all and turned down about one in twelve.",
        "Hannes Lind, the association's director general, said claims were being paid faster. “Nine out of ten "
        "storm claims were settled within 30 days last year, compared with 74% three years ago,” he said.",
        "Many households are not sure what they are covered for. A survey of 1,600 policyholders, carried out "
        "by pollster Veritat for the comparison site Coverly, found that 43% had never checked whether their "
        "policy included flood damage, and 18% had made a claim of any kind in the past five years.",
        "Premiums are rising to match. The average buildings-and-contents policy now costs 4,870 crowns a year, "
        "per Coverly's price index, 11% more than twelve months ago.",
        "On a median household income of 412,000 crowns, that is a little over 1% of gross pay.",
        "If your home is in an area the ACI classes as high flood risk, expect to pay well above that. Shares "
        "in Lysa Insurance, the biggest home insurer, have risen 14% this year as it has pushed through price "
        "increases.",
        "The ACI's claims helpline, 0800 615 900, is open from 8am to 8pm on weekdays.",
    ],
    [
        c("payout-2.4b", 2.4e9, "crowns", [ACI], "paid out a record 2.4 billion crowns"),
        c("payout-growth-38", 38, "%", [ACI], "38% more than in 2024"),
        c("storm-claim-31500", 31500, "crowns", [ACI], "settled at 31,500 crowns", strict=[]),
        c("flood-claim-118k", 118000, "crowns", [ACI], "flood claims averaged 118,000 crowns", strict=[]),
        c(
            "flood-four-times",
            4,
            "x",
            [ACI],
            "close to four times as much",
            strict=[],
            core=False,
            match="mention",
        ),
        c("storm-claims-61k", 61000, "count", [ACI], "handled 61,000 storm claims", strict=[]),
        c(
            "rejected-one-in-twelve",
            8.33,
            "%",
            [ACI],
            "turned down about one in twelve",
            strict=[],
            core=False,
            match="mention",
        ),
        c("settled-nine-in-ten", 90, "%", [ACI], "Nine out of ten storm claims", core=False, match="mention"),
        c("settled-prev-74", 74, "%", [ACI], "compared with 74% three years ago"),
        c("sample-1600", 1600, "count", SURVEY, "A survey of 1,600 policyholders", core=False),
        c("never-checked-43", 43, "%", SURVEY, "found that 43% had never checked"),
        c("claimed-18", 18, "%", SURVEY, "18% had made a claim"),
        c("premium-4870", 4870, "crowns", ["Coverly"], "now costs 4,870 crowns a year"),
        c("premium-growth-11", 11, "%", ["Coverly"], "11% more than twelve months ago"),
        c("own-income-412k", 412000, "crowns", [], "median household income of 412,000 crowns"),
        c("own-share-of-pay-1", 1, "%", [], "a little over 1% of gross pay", core=False),
        c("lysa-shares-14", 14, "%", [], "have risen 14% this year"),
    ],
    [
        "within 30 days",
        "three years ago",
        "in the past five years",
        "twelve months ago",
        "0800 615 900",
        "from 8am to 8pm",
    ],
)

MCP = ["Marren City Police", "Amal Rashidi"]
MCSP = ["Marren Community Safety Partnership"]
CCS = [["Corvania Crime Survey", "Statistics Corvania"]]
article(
    "marren-crime-figures",
    "Marren Evening Post",
    "https://marrenpost.example/news/crime-figures-2025/",
    "Knife crime rises again in Marren even as overall offences fall",
    "By Callum Reid, crime reporter",
    [
        "Recorded crime in Marren fell 4% last year to 52,380 offences, according to figures released by "
        "Marren City Police on Monday, but knife crime rose for a third year running.",
        "Offences involving a knife or other bladed weapon went up 9% to 1,214. Burglaries dropped by almost a "
        "fifth, to 3,950, and vehicle thefts were down 12% at 2,708.",
        "Chief Superintendent Amal Rashidi, the force's spokesperson, said 214 knives had been surrendered during "
        "a two-week amnesty in October. “Since the spring we have had 60 extra officers on foot patrol in the "
        "city centre, and that is where burglary has come down fastest,” she said.",
        "Figures for individual wards were compiled by the Marren Community Safety Partnership, which brings "
        "together the council, the police and health services. They show that Old Harbour, home to most of the "
        "city's late-night bars, accounted for 17% of all violent offences, with 2,630 incidents.",
        "Many crimes never reach the police at all. The Corvania Crime Survey, which Statistics Corvania runs by "
        "interviewing households, estimated that only 41% of thefts from the person were reported to the police "
        "last year.",
        "Marren has about 640,000 residents, so by our calculation the city recorded roughly 82 offences for "
        "every 1,000 people, well above the national rate of 69 published by Statistics Corvania.",
        "The force's annual report, which runs to 88 pages, is due in March. Anyone with information about knife "
        "crime can call the police non-emergency line on 0300 771 4400.",
    ],
    [
        c("crime-down-4", 4, "%", [MCP], "fell 4% last year to 52,380 offences"),
        c("crime-52380", 52380, "count", [MCP], "fell 4% last year to 52,380 offences"),
        c(
            "knife-third-year",
            3,
            "years",
            [MCP],
            "rose for a third year running",
            core=False,
            match="mention",
        ),
        c("knife-up-9", 9, "%", [MCP], "went up 9% to 1,214", strict=[]),
        c("knife-1214", 1214, "count", [MCP], "went up 9% to 1,214", strict=[]),
        c(
            "burglary-fifth",
            20,
            "%",
            [MCP],
            "dropped by almost a fifth",
            strict=[],
            core=False,
            match="mention",
        ),
        c("burglary-3950", 3950, "count", [MCP], "to 3,950", strict=[]),
        c("vehicle-down-12", 12, "%", [MCP], "down 12% at 2,708", strict=[]),
        c("vehicle-2708", 2708, "count", [MCP], "down 12% at 2,708", strict=[]),
        c("knives-214", 214, "count", [MCP], "214 knives had been surrendered"),
        c("officers-60", 60, "count", [MCP], "60 extra officers on foot patrol"),
        c("old-harbour-17", 17, "%", [MCSP], "accounted for 17% of all violent offences"),
        c("old-harbour-2630", 2630, "count", [MCSP], "with 2,630 incidents"),
        c("reported-41", 41, "%", CCS, "only 41% of thefts from the person"),
        c("own-residents-640k", 640000, "count", [], "about 640,000 residents"),
        c("own-rate-82", 82, "per 1,000 people", [], "roughly 82 offences for every 1,000 people"),
        c("national-rate-69", 69, "per 1,000 people", ["Statistics Corvania"], "the national rate of 69"),
        c("report-pages-88", 88, "pages", [MCP], "runs to 88 pages", core=False),
    ],
    ["on Monday", "two-week", "in October", "in March", "0300 771 4400"],
)

PM = ["Playmetric", "Oskar Brandt"]
LUMINA = ["Lumina Interactive", "Lumina"]
article(
    "console-tracker-november",
    "Pixel Ledger",
    "https://pixelledger.example/market/november-console-tracker/",
    "November console sales slump as shoppers hold out for Black Friday",
    "By Rafa Domingo",
    [
        "Console hardware sales across Europe's five largest markets fell 14% in November to 1.72 million units, "
        "Playmetric's monthly tracker shows, as shoppers held out for Black Friday discounts that landed a week "
        "later than usual.",
        "The month's top sellers were:",
        [
            "Nova 5: 640,000 units",
            "Pulse X2: 410,000 units",
            "Kestrel Mini 2: 298,000 units",
        ],
        "Software spending held up better, slipping 3% to 486 million euros, and digital downloads made up a "
        "record 71% of it.",
        "“November is a timing story, not a demand story,” says Oskar Brandt, Playmetric's head of research. He "
        "reckons December sales will come in 8% to 10% above last year's, helped by a price cut on the Pulse X2.",
        "Lumina Interactive, which makes the Nova 5, said on Thursday it had shipped 4.1 million of the consoles "
        "in its fiscal second quarter, short of the consensus of 4.5 million compiled by data provider Arkstat "
        "from 16 analysts. Lumina cut its full-year shipment target to 15 million units from 17 million.",
        "Lumina's shares fell 6.3% to 3,120 yen in Tokyo.",
        "Not everyone expects a quick rebound. Research firm Quillon estimated in a note to clients that 38 "
        "million current-generation consoles were in use across Europe at the end of October, and that fewer "
        "than one in ten households without one planned to buy a machine this year.",
        "The Nova 5 launched at 499 euros two years ago; most big retailers now sell it for 429 euros.",
    ],
    [
        c("markets-five", 5, "count", [PM], "Europe's five largest markets", core=False, match="mention"),
        c("hardware-down-14", 14, "%", [PM], "fell 14% in November to 1.72 million units"),
        c("hardware-1.72m", 1.72e6, "units", [PM], "fell 14% in November to 1.72 million units"),
        c("nova-640k", 640000, "units", [PM], "Nova 5: 640,000 units", strict=[]),
        c("pulse-410k", 410000, "units", [PM], "Pulse X2: 410,000 units", strict=[]),
        c("kestrel-298k", 298000, "units", [PM], "Kestrel Mini 2: 298,000 units", strict=[]),
        c("software-down-3", 3, "%", [PM], "slipping 3% to 486 million euros", strict=[]),
        c("software-486m", 4.86e8, "EUR", [PM], "slipping 3% to 486 million euros", strict=[]),
        c("digital-71", 71, "%", [PM], "a record 71% of it", strict=[]),
        c("december-outlook", (8, 10), "%", [PM], "come in 8% to 10% above last year's"),
        c("shipped-4.1m", 4.1e6, "units", [LUMINA], "shipped 4.1 million of the consoles"),
        c("consensus-4.5m", 4.5e6, "units", ["Arkstat"], "the consensus of 4.5 million"),
        c("analysts-16", 16, "count", ["Arkstat"], "from 16 analysts", core=False),
        c("target-15m", 1.5e7, "units", [LUMINA], "shipment target to 15 million units"),
        c("target-prev-17m", 1.7e7, "units", [LUMINA], "from 17 million"),
        c("lumina-shares-6.3", 6.3, "%", [], "fell 6.3% to 3,120 yen"),
        c("lumina-price-3120", 3120, "JPY", [], "fell 6.3% to 3,120 yen"),
        c("installed-38m", 3.8e7, "units", ["Quillon"], "38 million current-generation consoles"),
        c(
            "buyers-one-in-ten",
            10,
            "%",
            ["Quillon"],
            "fewer than one in ten households",
            core=False,
            match="mention",
        ),
        c("launch-price-499", 499, "EUR", [], "launched at 499 euros"),
        c("street-price-429", 429, "EUR", [], "sell it for 429 euros"),
    ],
    [
        "Nova 5",
        "Pulse X2",
        "Kestrel Mini 2",
        "a week later than usual",
        "fiscal second quarter",
        "two years ago",
        "at the end of October",
    ],
)

RC = ["Reelcount"]
HALCYON = ["Halcyon Pictures", "Marta Ilves"]
NORTHLIGHT = ["Northlight Cinemas"]
CCA = [["Corvanian Cinema Association", "cinema-corvania.example"]]
article(
    "deep-orbit-2-box-office",
    "Screen Trade",
    "https://screentrade.example/box-office/deep-orbit-2-opening/",
    "Deep Orbit 2 blasts off with 9.8 million euros, the year's biggest opening",
    "By Lena Marsh",
    [
        "Space sequel Deep Orbit 2 took 9.8 million euros at Corvanian cinemas over its opening weekend, the "
        "biggest debut of the year, according to box-office tracker Reelcount.",
        "It sold about 1.06 million tickets from 1,140 screens, an average of 8,600 euros a screen. The "
        "all-time record, by our own records, is still the 11.2 million euros taken by Glass Harbour in 2019.",
        "The whole market took 16.3 million euros, up 27% on the same weekend last year, Reelcount's figures "
        "showed. Family animation Pip and the Lantern slipped to second place with 2.1 million euros in its "
        "third weekend, taking its total to 14.7 million euros.",
        "“We expected a strong start, but not this strong,” said Marta Ilves, head of distribution at Halcyon "
        "Pictures, which released the film. Advance bookings for the second weekend were running 40% ahead of "
        "those for the first, she said, and the film opens in a further 31 countries on 12 June.",
        "Per the exhibitor chain Northlight Cinemas, its 24 large-format MaxiView 3 screens took 1.4 million "
        "euros of the opening, about a seventh of the total.",
        "Admissions for the year to date stand at 9.2 million, 5% below the same point in 2019, according to "
        'monthly figures posted on <a href="https://www.cinema-corvania.example/admissions">'
        "cinema-corvania.example</a> by the Corvanian Cinema Association.",
        "Deep Orbit 2 cost a reported 85 million euros to make. Shares in Halcyon's parent company, Veltro Media, "
        "rose 4.2% to 27.90 euros on Monday.",
    ],
    [
        c(
            "opening-9.8m",
            9.8e6,
            "EUR",
            [RC],
            ["took 9.8 million euros", "blasts off with 9.8 million euros"],
        ),
        c("tickets-1.06m", 1.06e6, "count", [RC], "about 1.06 million tickets", strict=[]),
        c("screens-1140", 1140, "count", [RC], "from 1,140 screens", strict=[]),
        c("per-screen-8600", 8600, "EUR", [RC], "an average of 8,600 euros a screen", strict=[]),
        c("own-record-11.2m", 1.12e7, "EUR", [], "the 11.2 million euros taken by Glass Harbour"),
        c("market-16.3m", 1.63e7, "EUR", [RC], "The whole market took 16.3 million euros"),
        c("market-growth-27", 27, "%", [RC], "up 27% on the same weekend last year"),
        c("pip-second", 2, "rank", [RC], "slipped to second place", core=False, match="mention"),
        c("pip-2.1m", 2.1e6, "EUR", [RC], "with 2.1 million euros"),
        c("pip-total-14.7m", 1.47e7, "EUR", [RC], "taking its total to 14.7 million euros"),
        c("bookings-40", 40, "%", [HALCYON], "running 40% ahead"),
        c("countries-31", 31, "count", [HALCYON], "a further 31 countries", core=False),
        c("maxiview-screens-24", 24, "count", [NORTHLIGHT], "its 24 large-format", core=False),
        c("maxiview-1.4m", 1.4e6, "EUR", [NORTHLIGHT], "took 1.4 million euros of the opening"),
        c(
            "maxiview-seventh",
            14.3,
            "%",
            [NORTHLIGHT],
            "about a seventh of the total",
            core=False,
            match="mention",
        ),
        c("admissions-9.2m", 9.2e6, "count", CCA, "stand at 9.2 million"),
        c("admissions-vs-2019-5", 5, "%", CCA, "5% below the same point in 2019"),
        c("budget-85m", 8.5e7, "EUR", [], "cost a reported 85 million euros"),
        c("veltro-shares-4.2", 4.2, "%", [], "rose 4.2% to 27.90 euros"),
        c("veltro-price-27.90", 27.9, "EUR", [], "rose 4.2% to 27.90 euros"),
    ],
    [
        "Deep Orbit 2",
        "MaxiView 3",
        "in its third weekend",
        "the second weekend",
        "on 12 June",
        "in 2019",
        "on Monday",
    ],
)


if __name__ == "__main__":
    reports.build()
