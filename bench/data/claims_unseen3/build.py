# ruff: noqa: E501  (the articles are prose, kept one sentence run per line)
"""Build the third unseen claim set: article.html, gold.json (reader) and gold-strict.json per folder.

Every article here is FICTIONAL (organisations, people and figures invented), written for this benchmark
and annotated in full without running the extractor on it; it is to be scored once (see README.md). The
page layout, the gold format and the checks come from ``bench/data/claims_reports/build.py``, imported
rather than copied: run ``python bench/data/claims_unseen3/build.py``; it checks that every mention and
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


CALDER = ["Calder Therapeutics", "Calder"]
TRIAL = [["Northern Journal of Medicine", "Calder Therapeutics", "Calder"]]
BRANTWOOD = ["Brantwood Securities", "Brantwood", "Tomas Ferreira"]
article(
    "calder-heart-failure-trial",
    "Biotech Ledger",
    "https://biotechledger.example/trials/calder-zelvatrin-phase-3/",
    "Calder's heart-failure pill cuts risk of death or hospital stay by 27%",
    "By Ines Marchetti",
    [
        "Calder Therapeutics said on Monday that its experimental heart-failure drug zelvatrin (CT-418) cut the "
        "risk of death or a hospital stay for worsening heart failure by 27% compared with a placebo, in a "
        "late-stage trial that followed 4,812 patients for almost two years.",
        "Of the 2,406 patients given zelvatrin, 312 died or were admitted to hospital, against 421 in the "
        "placebo group. Deaths from any cause fell 14%, a result the company described as “encouraging but not "
        "yet conclusive”.",
        "The full results were presented at the European Cardiology Congress in Lisbon and published by the "
        "Northern Journal of Medicine. Dizziness was the most common side effect, reported by 6.1% of patients "
        "on the drug and 3.8% of those on placebo, and 2.2% stopped treatment because of side effects.",
        "Analysts at Brantwood Securities called the data “a clear win” and raised their estimate of "
        "zelvatrin's peak annual sales to 3.1 billion euros from 2.2 billion euros. “If regulators approve it by "
        "mid-2027, we think the drug could be treating 400,000 patients in Europe within five years of launch,” "
        "Brantwood analyst Tomas Ferreira wrote in a note to clients.",
        "Before the results, the consensus forecast for peak sales stood at 1.9 billion euros, according to "
        "data provider Quantica, which compiles estimates from 14 brokers.",
        "Calder shares jumped 18% to 62.40 euros by mid-morning in Amsterdam, valuing the company at about 8.7 "
        "billion euros. Calder plans to apply for approval in the first quarter of 2027.",
        "Heart failure affects about 15 million people in Europe, according to the European Heart Failure "
        "Society, and roughly one in five patients dies within a year of diagnosis.",
    ],
    [
        c(
            "risk-cut-27",
            27,
            "%",
            [CALDER],
            ["by 27% compared with a placebo", "hospital stay by 27%"],
        ),
        c("patients-4812", 4812, "count", [CALDER], "followed 4,812 patients", core=False),
        c("arm-2406", 2406, "count", [CALDER], "Of the 2,406 patients given zelvatrin", core=False),
        c("events-drug-312", 312, "count", [CALDER], "312 died or were admitted to hospital"),
        c("events-placebo-421", 421, "count", [CALDER], "against 421 in the placebo group"),
        c("deaths-down-14", 14, "%", [CALDER], "Deaths from any cause fell 14%"),
        c("dizziness-drug-6.1", 6.1, "%", TRIAL, "reported by 6.1% of patients"),
        c("dizziness-placebo-3.8", 3.8, "%", TRIAL, "3.8% of those on placebo"),
        c("stopped-2.2", 2.2, "%", TRIAL, "2.2% stopped treatment"),
        c("peak-sales-3.1b", 3.1e9, "EUR", [BRANTWOOD], "peak annual sales to 3.1 billion euros"),
        c("peak-sales-prev-2.2b", 2.2e9, "EUR", [BRANTWOOD], "from 2.2 billion euros"),
        c("patients-400k", 400000, "count", [BRANTWOOD], "treating 400,000 patients in Europe"),
        c("consensus-1.9b", 1.9e9, "EUR", ["Quantica"], "stood at 1.9 billion euros"),
        c("brokers-14", 14, "count", ["Quantica"], "from 14 brokers", core=False),
        c("shares-18", 18, "%", [], "Calder shares jumped 18% to 62.40 euros"),
        c("share-price-62.40", 62.4, "EUR", [], "Calder shares jumped 18% to 62.40 euros"),
        c("market-value-8.7b", 8.7e9, "EUR", [], "about 8.7 billion euros"),
        c(
            "hf-patients-15m",
            1.5e7,
            "count",
            ["European Heart Failure Society"],
            "affects about 15 million people in Europe",
        ),
        c(
            "hf-one-in-five",
            20,
            "%",
            ["European Heart Failure Society"],
            "roughly one in five patients",
            core=False,
            match="mention",
        ),
    ],
    [
        "CT-418",
        "on Monday",
        "for almost two years",
        "by mid-2027",
        "within five years of launch",
        "the first quarter of 2027",
        "within a year of diagnosis",
    ],
)

LTB = [["Lovrian Tourism Board", "visitlovria.example", "Dara Kovač"]]
HOSTMETRIC = ["Hostmetric"]
article(
    "lovria-summer-hotel-occupancy",
    "Travel Trade Digest",
    "https://traveltradedigest.example/hotels/lovria-summer-occupancy/",
    "Lovria's hotels fill up as foreign visitors return to the coast",
    "By Ruben Aalto",
    [
        "Hotels in Lovria filled 71.3% of their rooms in July and August, their best summer since 2019, "
        'according to figures published on Thursday by the <a href="https://www.visitlovria.example/statistics">'
        "Lovrian Tourism Board</a>.",
        "Guests spent 9.46 million nights in registered accommodation over the two months, up 7% on last summer. "
        "Foreign visitors accounted for 5.8 million of those nights, with Germans the largest group for a fifth "
        "year running.",
        "The board's regional breakdown shows a widening gap between the coast and the interior:",
        [
            "Adriva coast: 86.2%",
            "Lake Sorn: 74.9%",
            "Capital region: 69.5%",
            "Northern highlands: 48.7%",
        ],
        "“The coast is close to full in high season, so our job now is to bring people in May, June and "
        "September,” said Dara Kovač, the board's director. She said the average room rate had risen to 142 "
        "euros a night, 9% more than a year earlier, and that the board would spend 12 million euros promoting "
        "the shoulder months.",
        "Hostmetric, which benchmarks hotel performance, reckons revenue per available room at Lovrian hotels "
        "reached 101 euros in August, though its sample of 640 hotels leans towards the large chains.",
        "On our calculation, the foreign nights add up to roughly 3.1 for each of Lovria's 1.9 million "
        "residents. Shares in Rivamar Hotels, the country's biggest hotel group, have climbed 22% since January.",
    ],
    [
        c("occupancy-71.3", 71.3, "%", LTB, "filled 71.3% of their rooms"),
        c("nights-9.46m", 9.46e6, "count", LTB, "Guests spent 9.46 million nights", strict=[]),
        c("nights-growth-7", 7, "%", LTB, "up 7% on last summer", strict=[]),
        c("foreign-5.8m", 5.8e6, "count", LTB, "accounted for 5.8 million of those nights", strict=[]),
        c(
            "germans-fifth-year",
            5,
            "years",
            LTB,
            "for a fifth year running",
            strict=[],
            core=False,
            match="mention",
        ),
        c("adriva-86.2", 86.2, "%", LTB, "Adriva coast: 86.2%", strict=[]),
        c("sorn-74.9", 74.9, "%", LTB, "Lake Sorn: 74.9%", strict=[]),
        c("capital-69.5", 69.5, "%", LTB, "Capital region: 69.5%", strict=[]),
        c("highlands-48.7", 48.7, "%", LTB, "Northern highlands: 48.7%", strict=[]),
        c("room-rate-142", 142, "EUR", LTB, "risen to 142 euros a night"),
        c("room-rate-growth-9", 9, "%", LTB, "9% more than a year earlier"),
        c("promotion-12m", 1.2e7, "EUR", LTB, "spend 12 million euros"),
        c("revpar-101", 101, "EUR", HOSTMETRIC, "reached 101 euros in August"),
        c("sample-640", 640, "count", HOSTMETRIC, "its sample of 640 hotels", core=False),
        c("own-per-resident-3.1", 3.1, "nights", [], "roughly 3.1 for each"),
        c("residents-1.9m", 1.9e6, "count", [], "Lovria's 1.9 million residents"),
        c("rivamar-shares-22", 22, "%", [], "have climbed 22% since January"),
    ],
    [
        "in July and August",
        "since 2019",
        "on Thursday",
        "over the two months",
        "in August",
        "in May, June and September",
        "a year earlier",
        "since January",
    ],
)

EWSR = ["Estrian Water Services Regulator", "EWSR", "Orla Brennan"]
GREYFOLD = ["Greyfold Water", "Greyfold"]
article(
    "estria-water-leakage-league-table",
    "Utility Week Estria",
    "https://utilityweek-estria.example/water/leakage-league-table-2026/",
    "Estria's water firms lose a fifth of their supply to leaks, league table shows",
    "By Niamh Carrow",
    [
        "Water companies in Estria lost an average of 142 litres per property per day through leaking pipes in "
        "the year to March, equal to 21% of all the water they put into supply, the Estrian Water Services "
        "Regulator (EWSR) found in its annual performance review.",
        "Total leakage came to 1,870 megalitres a day, a fall of just 3% in five years, against a target of a 15% "
        "cut by 2030. By our sums, that is enough to fill about 750 Olympic swimming pools every day.",
        "Per the regulator's league table, the best and worst performers were:",
        [
            "Halden Water: 84 litres per property per day",
            "Orvik Valley Water: 97 litres",
            "Estria South Utilities: 168 litres",
            "Greyfold Water: 211 litres",
        ],
        "Greyfold said its ageing cast-iron mains were to blame and that it would replace 640 kilometres of pipe "
        "by 2028, at a cost of £390 million.",
        "“Customers are paying for water that never reaches their taps,” said Orla Brennan, the regulator's "
        "chief executive. Brennan said companies that missed their targets would hand back £74 million to bill "
        "payers through lower charges, and that the average household bill would still rise 6.5% to £512 in "
        "April.",
        "Data from the campaign group Clearflow Estria, which analysed the companies' own reports, point to a "
        "slower response than the firms admit: it estimated that 38% of leaks reported by the public took more "
        "than 10 days to fix.",
        "Halden Water's parent, Norrel Group, saw its shares rise 2.4% to 1,318p on Wednesday. To report a leak, "
        "call 0345 201 7788.",
    ],
    [
        c(
            "headline-fifth",
            20,
            "%",
            [EWSR],
            "lose a fifth of their supply",
            core=False,
            match="mention",
        ),
        c(
            "per-property-142",
            142,
            "litres per property per day",
            [EWSR],
            "an average of 142 litres per property per day",
        ),
        c("share-of-supply-21", 21, "%", [EWSR], "equal to 21% of all the water"),
        c("leakage-1870", 1870, "megalitres per day", [EWSR], "came to 1,870 megalitres a day", strict=[]),
        c("five-year-fall-3", 3, "%", [EWSR], "a fall of just 3% in five years", strict=[]),
        c("target-15", 15, "%", [EWSR], "a target of a 15% cut", strict=[]),
        c("own-pools-750", 750, "count", [], "about 750 Olympic swimming pools"),
        c("halden-84", 84, "litres per property per day", [EWSR], "Halden Water: 84 litres", strict=[]),
        c("orvik-97", 97, "litres per property per day", [EWSR], "Orvik Valley Water: 97 litres", strict=[]),
        c(
            "estria-south-168",
            168,
            "litres per property per day",
            [EWSR],
            "Estria South Utilities: 168 litres",
            strict=[],
        ),
        c(
            "greyfold-211",
            211,
            "litres per property per day",
            [EWSR],
            "Greyfold Water: 211 litres",
            strict=[],
        ),
        c("pipe-640km", 640, "kilometres", [GREYFOLD], "replace 640 kilometres of pipe"),
        c("pipe-cost-390m", 3.9e8, "GBP", [GREYFOLD], "at a cost of £390 million"),
        c("refund-74m", 7.4e7, "GBP", [EWSR], "hand back £74 million"),
        c("bill-rise-6.5", 6.5, "%", [EWSR], "rise 6.5% to £512"),
        c("bill-512", 512, "GBP", [EWSR], "rise 6.5% to £512"),
        c("slow-fixes-38", 38, "%", ["Clearflow Estria"], "38% of leaks reported by the public"),
        c("norrel-shares-2.4", 2.4, "%", [], "its shares rise 2.4% to 1,318p"),
        c("norrel-price-1318p", 1318, "GBX", [], "its shares rise 2.4% to 1,318p"),
    ],
    [
        "in the year to March",
        "in five years",
        "by 2030",
        "by 2028",
        "in April",
        "more than 10 days",
        "on Wednesday",
        "0345 201 7788",
    ],
)

TV = ["TransVolt", "Helka Saarinen"]
EFI = [["Energy Futures Institute", "efi-tarvania.example"]]
article(
    "tarvania-grid-winter-outlook",
    "Power Brief",
    "https://powerbrief.example/grids/transvolt-winter-outlook/",
    "Grid operator sees tighter winter margins but says blackouts unlikely",
    "By Matti Korhonen",
    [
        "Peak electricity demand in Tarvania is expected to reach 58.4 gigawatts this winter, 1.6 GW more than "
        "last winter, while available generation should total 63.1 GW, leaving a margin of 8.0%, TransVolt, the "
        "national grid operator, said in its winter outlook on Thursday.",
        "That is the narrowest margin since the winter of 2021-22, when it fell to 6.7%. The outlook puts the "
        "chance of having to cut supply to some customers at 0.4%, well inside the reliability standard of 3 "
        "hours of lost load a year.",
        "TransVolt's central scenario assumes the following contributions at the evening peak:",
        [
            "Gas-fired plants: 24.5 GW",
            "Nuclear: 7.2 GW",
            "Wind: 6.8 GW",
            "Interconnectors with neighbouring grids: 5.5 GW",
        ],
        "Wind remains the biggest unknown. Output fell to 0.7 GW on one still evening last January, the operator "
        "noted, and it has contracted 2.1 GW of batteries and demand response that can be called on at four "
        "hours' notice.",
        "“We have more tools than in any winter before, and we do not expect to ask anyone to switch off,” said "
        "Helka Saarinen, TransVolt's director of operations. She said households would be paid up to 3.50 euros "
        "for each kilowatt-hour they avoid using during an alert, and that 1.2 million homes were expected to "
        "sign up.",
        "The Energy Futures Institute, an independent think tank, is less sanguine. Its modelling, published on "
        '<a href="https://efi-tarvania.example/winter">efi-tarvania.example</a>, found that a two-week cold '
        "spell with little wind would squeeze the margin to 2.3%.",
        "Power for delivery in the first quarter traded at 118 euros a megawatt-hour on Thursday, and shares in "
        "Voltra, the largest generator, slipped 1.1% to 23.75 euros.",
    ],
    [
        c("peak-58.4", 58.4, "GW", [TV], "expected to reach 58.4 gigawatts"),
        c("peak-up-1.6", 1.6, "GW", [TV], "1.6 GW more than last winter"),
        c("supply-63.1", 63.1, "GW", [TV], "should total 63.1 GW"),
        c("margin-8.0", 8.0, "%", [TV], "leaving a margin of 8.0%"),
        c("margin-prev-6.7", 6.7, "%", [TV], "when it fell to 6.7%"),
        c("shortfall-risk-0.4", 0.4, "%", [TV], "some customers at 0.4%"),
        c(
            "standard-3h",
            3,
            "hours",
            [TV],
            "the reliability standard of 3 hours of lost load a year",
            core=False,
        ),
        c("gas-24.5", 24.5, "GW", [TV], "Gas-fired plants: 24.5 GW", strict=[]),
        c("nuclear-7.2", 7.2, "GW", [TV], "Nuclear: 7.2 GW", strict=[]),
        c("wind-6.8", 6.8, "GW", [TV], "Wind: 6.8 GW", strict=[]),
        c(
            "interconnectors-5.5",
            5.5,
            "GW",
            [TV],
            "Interconnectors with neighbouring grids: 5.5 GW",
            strict=[],
        ),
        c("wind-low-0.7", 0.7, "GW", [TV], "Output fell to 0.7 GW"),
        c("flex-2.1", 2.1, "GW", [TV], "contracted 2.1 GW of batteries"),
        c("payment-3.50", 3.5, "EUR per kWh", [TV], "up to 3.50 euros for each kilowatt-hour"),
        c("homes-1.2m", 1.2e6, "count", [TV], "1.2 million homes"),
        c("stress-margin-2.3", 2.3, "%", EFI, "squeeze the margin to 2.3%"),
        c("power-price-118", 118, "EUR per MWh", [], "118 euros a megawatt-hour"),
        c("voltra-shares-1.1", 1.1, "%", [], "slipped 1.1% to 23.75 euros"),
        c("voltra-price-23.75", 23.75, "EUR", [], "slipped 1.1% to 23.75 euros"),
    ],
    [
        "on Thursday",
        "the winter of 2021-22",
        "last January",
        "four hours' notice",
        "a two-week cold spell",
        "in the first quarter",
    ],
)

VMTA = ["Vendrian Motor Traders' Association", "VMTA", "Lotte Brandvik"]
MERROW = ["Merrow Capital"]
MOT = ["Ministry of Transport"]
article(
    "vendria-october-car-registrations",
    "Torque Notes",
    "https://torquenotes.example/2026/11/vendria-october-registrations/",
    "Electric cars take a third of the Vendrian market in October",
    "Posted by Eskil Rånes",
    [
        "New car registrations in Vendria rose 5.2% in October to 48,930, and battery-electric models took 33.6% "
        "of the market, up from 24.1% a year ago, per the latest numbers from the Vendrian Motor Traders' "
        "Association (VMTA).",
        "Plug-in hybrids took another 11.9%, while petrol cars slid to 38.0% from 45.5%. Diesel is now a niche: "
        "just 2,410 diesel cars were registered, under 5% of the total.",
        "The VMTA's model chart has a new leader. The best sellers of the month were:",
        [
            "Kestra E4: 2,915 registrations",
            "Norrland Ascent: 2,240",
            "Volant 308 Hybrid: 1,987",
        ],
        "“Buyers have stopped asking whether an electric car will fit their life and started asking which one,” "
        "says Lotte Brandvik, the association's chief executive. Brandvik says the average electric car now "
        "sells for 41,200 euros before discounts, about 6,000 euros more than a comparable petrol model.",
        "The government plans to cut its purchase grant from 4,000 euros to 2,500 euros in January. Analysts at "
        "Merrow Capital reckon electric cars will take 31% of the market across the full year, and estimated in "
        "a note that the smaller grant could knock 3 percentage points off that share in 2027.",
        "Charging is catching up, too. Data from the Ministry of Transport show 38,700 public charge points were "
        "in service at the end of September, of which 6,150 were rapid chargers rated at 50 kW or more.",
        "Kestra's maker, Arlund Motors, has seen its shares rise 27% this year, to 17.84 euros.",
    ],
    [
        c(
            "headline-third",
            33.3,
            "%",
            [VMTA],
            "take a third of the Vendrian market",
            core=False,
            match="mention",
        ),
        c("registrations-growth-5.2", 5.2, "%", [VMTA], "rose 5.2% in October to 48,930"),
        c("registrations-48930", 48930, "count", [VMTA], "rose 5.2% in October to 48,930"),
        c("bev-33.6", 33.6, "%", [VMTA], "took 33.6% of the market"),
        c("bev-prev-24.1", 24.1, "%", [VMTA], "up from 24.1% a year ago"),
        c("phev-11.9", 11.9, "%", [VMTA], "Plug-in hybrids took another 11.9%", strict=[]),
        c("petrol-38.0", 38.0, "%", [VMTA], "slid to 38.0% from 45.5%", strict=[]),
        c("petrol-prev-45.5", 45.5, "%", [VMTA], "slid to 38.0% from 45.5%", strict=[]),
        c("diesel-2410", 2410, "count", [VMTA], "just 2,410 diesel cars were registered", strict=[]),
        c("diesel-under-5", 5, "%", [VMTA], "under 5% of the total", strict=[], core=False),
        c("kestra-2915", 2915, "count", [VMTA], "Kestra E4: 2,915 registrations", strict=[]),
        c("ascent-2240", 2240, "count", [VMTA], "Norrland Ascent: 2,240", strict=[]),
        c("volant-1987", 1987, "count", [VMTA], "Volant 308 Hybrid: 1,987", strict=[]),
        c("ev-price-41200", 41200, "EUR", [VMTA], "sells for 41,200 euros"),
        c("ev-premium-6000", 6000, "EUR", [VMTA], "about 6,000 euros more"),
        c("grant-4000", 4000, "EUR", [], "from 4,000 euros to 2,500 euros"),
        c("grant-2500", 2500, "EUR", [], "from 4,000 euros to 2,500 euros"),
        c("full-year-31", 31, "%", MERROW, "will take 31% of the market"),
        c("grant-effect-3pp", 3, "percentage points", MERROW, "knock 3 percentage points off"),
        c("chargers-38700", 38700, "count", MOT, "38,700 public charge points"),
        c("rapid-6150", 6150, "count", MOT, "6,150 were rapid chargers"),
        c("arlund-shares-27", 27, "%", [], "shares rise 27% this year"),
        c("arlund-price-17.84", 17.84, "EUR", [], "to 17.84 euros"),
    ],
    [
        "in October",
        "a year ago",
        "Kestra E4",
        "Volant 308",
        "in January",
        "in 2027",
        "at the end of September",
        "50 kW or more",
    ],
)

if __name__ == "__main__":
    reports.build()
