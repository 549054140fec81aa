# ruff: noqa: E501  (the articles are prose, kept one sentence run per line)
"""Build the unseen claim set: article.html, gold.json (reader) and gold-strict.json per folder.

Every article here is FICTIONAL (organisations, people and figures invented), written for this benchmark
and scored once before any rule was changed for it (see README.md). The page layout, the gold format and
the checks come from ``bench/data/claims_reports/build.py``, imported rather than copied: run
``python bench/data/claims_unseen/build.py``; it checks that every mention and every non-claim is an exact
substring of the article's visible text, then rewrites the files.

Gold conventions are those of the report set: ``sources`` is what a careful reader would say the article
cites (a lead attribution carries over to later paragraphs that keep reporting the same data until another
source is named; back-references and people mapped to their organisation); ``strict`` keeps only
attributions standing in the claim's own sentence or paragraph. ``core: false`` claims are neutral.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from claim_sets import report_builder  # noqa: E402

reports = report_builder(HERE)
article, c = reports.article, reports.c


NSB = ["National Statistics Bureau", "NSB"]
BOV = ["Bank of Veska", "Anselm Kroll"]
article(
    "veska-inflation-may",
    "Veska Business Review",
    "https://veskabusiness.example/economy/inflation-may/",
    "Veska's inflation eases to 3.1% but core prices stay sticky",
    "By Irena Dobos",
    [
        "Annual consumer price inflation in Veska slowed to 3.1% in May from 3.6% in April, the lowest reading "
        'since the summer of 2023, the <a href="https://www.nsb-veska.example/releases/cpi-may">National '
        "Statistics Bureau</a> said on Thursday.",
        "Food prices rose 4.4% over the year, while energy costs fell 2.7% after regulated fuel tariffs were cut "
        "in March. Core inflation, which strips out food and energy, edged down only to 3.8% from 3.9%.",
        "Month on month, prices were up 0.2%, the bureau's data showed. Services inflation stayed at 5.2% for a "
        "third month in a row, and rents rose 6.8%.",
        "The Bank of Veska left its policy rate at 4.75% on Wednesday, as expected. Governor Anselm Kroll told "
        "reporters that inflation would “settle close to our 2% target in the second half of next year”, and "
        "the bank's new projections put average inflation at 2.9% this year and 2.3% in the year after.",
        "Economists had pencilled in a reading of 3.3% for May, per a Marktwoche poll of 24 forecasters taken "
        "last week. Just over half of them now expect the first rate cut in September.",
        "Pay is still outpacing prices. Average monthly earnings rose 6.4% in the first quarter, roughly double "
        "the rate of inflation, according to figures released in April.",
        "The vesk was little changed after the release, trading at 4.12 to the euro at 11:30 local time. "
        "Veska's ten-year government bond yield fell 6 basis points to 3.94%.",
    ],
    [
        c("cpi-3.1", 3.1, "%", [NSB], ["slowed to 3.1% in May", "inflation eases to 3.1%"]),
        c("cpi-prev-3.6", 3.6, "%", [NSB], "from 3.6% in April"),
        c("since-2023", 2023, "year", [NSB], "the lowest reading since the summer of 2023", core=False),
        c("food-4.4", 4.4, "%", [NSB], "Food prices rose 4.4% over the year", strict=[]),
        c("energy-2.7", 2.7, "%", [NSB], "energy costs fell 2.7%", strict=[]),
        c("core-3.8", 3.8, "%", [NSB], "edged down only to 3.8% from 3.9%", strict=[]),
        c("core-prev-3.9", 3.9, "%", [NSB], "edged down only to 3.8% from 3.9%", strict=[]),
        c("mom-0.2", 0.2, "%", [NSB], "prices were up 0.2%"),
        c("services-5.2", 5.2, "%", [NSB], "Services inflation stayed at 5.2%"),
        c(
            "services-third-month",
            3,
            "months",
            [NSB],
            "for a third month in a row",
            core=False,
            match="mention",
        ),
        c("rents-6.8", 6.8, "%", [NSB], "rents rose 6.8%"),
        c("policy-rate-4.75", 4.75, "%", [BOV], "left its policy rate at 4.75%"),
        c("target-2", 2, "%", [BOV], "close to our 2% target"),
        c("projection-2.9", 2.9, "%", [BOV], "average inflation at 2.9% this year"),
        c("projection-2.3", 2.3, "%", [BOV], "2.3% in the year after"),
        c("poll-3.3", 3.3, "%", ["Marktwoche"], "a reading of 3.3% for May"),
        c("poll-24", 24, "count", ["Marktwoche"], "a Marktwoche poll of 24 forecasters", core=False),
        c("poll-half", 50, "%", ["Marktwoche"], "Just over half of them", core=False, match="mention"),
        c("wages-6.4", 6.4, "%", [], "Average monthly earnings rose 6.4%"),
        c("wages-double", 2, "x", [], "roughly double the rate of inflation", core=False, match="mention"),
        c("fx-4.12", 4.12, "VSK per EUR", [], "trading at 4.12 to the euro"),
        c("yield-6bp", 6, "basis points", [], "fell 6 basis points to 3.94%"),
        c("yield-3.94", 3.94, "%", [], "fell 6 basis points to 3.94%"),
    ],
    [
        "11:30 local time",
        "ten-year",
        "in March",
        "in September",
        "second half of next year",
        "in the first quarter",
    ],
)

NPBL = ["Northern Professional Basketball League", "NPBL", "Dana Whitlock"]
HSG = ["Harbourline Sports Group", "Harbourline"]
article(
    "npbl-attendance-record",
    "Ledger Sport",
    "https://ledgersport.example/business/npbl-attendance/",
    "Record crowds for the NPBL as arenas sell out, but Harbourline misses forecasts",
    "By Tomas Reyes",
    [
        "Crowds at Northern Professional Basketball League (NPBL) games reached a record 3.84 million in the "
        "2025-26 regular season, up 11% on the previous campaign, the league's end-of-season review found.",
        "The average attendance was 7,310 per game, and 14 of the 18 franchises sold more than 90% of their "
        "seats over the season.",
        "Gate receipts grew faster still. Commissioner Dana Whitlock said ticket revenue came to $412 million, "
        "“roughly a third more than we took two seasons ago”, and that the average ticket now costs $48.50.",
        "“We sold 96% of every seat we put on sale this year, and we still turned fans away,” Whitlock said.",
        "Ticketing platform SeatLoop's data showed that 27% of tickets went to first-time attendees, and that "
        "resale prices averaged 1.6 times face value. Most were sold through its Courtside 2 app.",
        "The league's biggest listed owner had a weaker year. Harbourline Sports Group, which owns three "
        "franchises, reported annual revenue of $286 million on Tuesday, short of the $301 million expected by "
        "analysts polled by data provider Quotient. Its operating profit fell 8% to $34 million.",
        "Harbourline shares dropped 5.4% to $17.20 by midday in New York, taking their losses this year to 22%.",
        "By our count, four franchises still play in arenas built before 1980, with a combined capacity of "
        "21,400 seats. The league expects total attendance to pass 4 million next season, when two expansion "
        "teams join.",
    ],
    [
        c("crowds-3.84m", 3.84e6, "count", [NPBL], "reached a record 3.84 million"),
        c("crowds-growth-11", 11, "%", [NPBL], "up 11% on the previous campaign"),
        c("average-7310", 7310, "count", [NPBL], "The average attendance was 7,310 per game", strict=[]),
        c("sellouts-14", 14, "count", [NPBL], "14 of the 18 franchises", strict=[]),
        c("franchises-18", 18, "count", [NPBL], "14 of the 18 franchises", strict=[], core=False),
        c("threshold-90", 90, "%", [NPBL], "more than 90% of their seats", strict=[], core=False),
        c("ticket-revenue-412m", 4.12e8, "USD", [NPBL], "ticket revenue came to $412 million"),
        c(
            "revenue-third-more",
            33.33,
            "%",
            [NPBL],
            "roughly a third more than we took",
            core=False,
            match="mention",
        ),
        c("ticket-price-48.50", 48.5, "USD", [NPBL], "the average ticket now costs $48.50"),
        c("sold-96", 96, "%", [NPBL], "We sold 96% of every seat"),
        c("first-time-27", 27, "%", ["SeatLoop"], "27% of tickets went to first-time attendees"),
        c("resale-1.6", 1.6, "x", ["SeatLoop"], "resale prices averaged 1.6 times face value"),
        c("owns-three", 3, "count", [HSG], "which owns three franchises", core=False, match="mention"),
        c("hsg-revenue-286m", 2.86e8, "USD", [HSG], "reported annual revenue of $286 million"),
        c("consensus-301m", 3.01e8, "USD", ["Quotient"], "the $301 million expected by analysts"),
        c("hsg-profit-down-8", 8, "%", [HSG], "Its operating profit fell 8% to $34 million"),
        c("hsg-profit-34m", 3.4e7, "USD", [HSG], "Its operating profit fell 8% to $34 million"),
        c("shares-5.4", 5.4, "%", [], "dropped 5.4% to $17.20"),
        c("share-price-17.20", 17.2, "USD", [], "dropped 5.4% to $17.20"),
        c("shares-ytd-22", 22, "%", [], "taking their losses this year to 22%"),
        c("old-arenas-four", 4, "count", [], "four franchises still play", core=False, match="mention"),
        c("capacity-21400", 21400, "seats", [], "a combined capacity of 21,400 seats"),
        c("outlook-4m", 4e6, "count", [NPBL], "to pass 4 million next season"),
        c("expansion-two", 2, "count", [NPBL], "two expansion teams", core=False, match="mention"),
    ],
    ["2025-26", "two seasons ago", "Courtside 2", "before 1980"],
)

CUR = ["Council of University Registrars", "CUR", "Lidia Marsh"]
MOE = ["Ministry of Education"]
article(
    "ardena-admissions-survey",
    "Campus Report",
    "https://campusreport.example/admissions/registrars-survey-2026/",
    "Engineering applications surge as teacher training slumps again, registrars' survey finds",
    "By Hanne Solberg, education correspondent",
    [
        "Applications to undergraduate courses at Ardenian universities rose 4.7% this year to 612,000, "
        "according to the annual admissions survey of the Council of University Registrars (CUR), to which 83 "
        "institutions responded.",
        "Engineering and computing saw the sharpest growth, with applications up 13.2% and 9.8% respectively. "
        "Applications for teacher training fell for a fourth consecutive year, this time by 6.1%.",
        "Nine in ten of the institutions surveyed expect demand for engineering to keep growing, the survey "
        "found, while just over a third plan to cut places in the humanities.",
        "The average offer rate, the share of applicants receiving at least one offer, was reported by the "
        "council as 71%, down from 74% a year earlier.",
        "“Students are voting with their feet for courses that lead to jobs,” said Professor Lidia Marsh, who "
        "chairs the council. She said applications from abroad were down 2.4%, the first fall in a decade, and "
        "blamed a new student visa fee of 950 crowns.",
        "Data from the Ministry of Education show that 38% of last year's school leavers went straight into "
        "higher education, compared with 35% in 2019.",
        "Tuition fees, capped at 9,250 crowns a year, have not risen since 2017. Applicants still waiting for "
        "an offer can register on the UniApply 5 portal or call the clearing line on 0800 412 6677 from 8am on "
        "14 August.",
    ],
    [
        c("applications-4.7", 4.7, "%", [CUR], "rose 4.7% this year to 612,000"),
        c("applications-612k", 612000, "count", [CUR], "rose 4.7% this year to 612,000"),
        c("institutions-83", 83, "count", [CUR], "83 institutions responded", core=False),
        c("engineering-13.2", 13.2, "%", [CUR], "applications up 13.2% and 9.8% respectively", strict=[]),
        c("computing-9.8", 9.8, "%", [CUR], "applications up 13.2% and 9.8% respectively", strict=[]),
        c("teacher-6.1", 6.1, "%", [CUR], "this time by 6.1%", strict=[]),
        c(
            "teacher-fourth-year",
            4,
            "years",
            [CUR],
            "fell for a fourth consecutive year",
            strict=[],
            core=False,
            match="mention",
        ),
        c("engineering-demand-90", 90, "%", [CUR], "Nine in ten of the institutions surveyed"),
        c(
            "humanities-third",
            33.33,
            "%",
            [CUR],
            "just over a third plan to cut places",
            core=False,
            match="mention",
        ),
        c("offer-rate-71", 71, "%", [CUR], "was reported by the council as 71%"),
        c("offer-rate-prev-74", 74, "%", [CUR], "down from 74% a year earlier"),
        c("abroad-2.4", 2.4, "%", [CUR], "applications from abroad were down 2.4%"),
        c("visa-fee-950", 950, "crowns", [CUR], "a new student visa fee of 950 crowns"),
        c("school-leavers-38", 38, "%", [MOE], "38% of last year's school leavers"),
        c("school-leavers-35", 35, "%", [MOE], "compared with 35% in 2019"),
        c("fees-9250", 9250, "crowns", [], "capped at 9,250 crowns a year"),
        c("since-2017", 2017, "year", [], "have not risen since 2017", core=False),
    ],
    ["in a decade", "at least one offer", "UniApply 5", "0800 412 6677", "8am on 14 August", "in 2019"],
)

TW = ["Tidewater Analytics", "Tidewater", "Larkspur Freight Index", "Henrik Aalto"]
article(
    "asia-europe-freight-rates",
    "Boxline Weekly",
    "https://boxlineweekly.example/rates/asia-europe-slide/",
    "Asia-Europe container rates slide for a sixth week as new ships pour in",
    "By Priya Menon",
    [
        "The cost of shipping a 40-foot container from East Asia to northern Europe fell 7% this week to "
        "$2,860, the lowest since February, according to the Larkspur Freight Index published by Tidewater "
        "Analytics on Friday.",
        "Rates on the transpacific route to the US West Coast held up better, slipping 2% to $3,410 per "
        "container. A global composite of 12 major routes dropped 4.5% to $2,195.",
        "“Carriers have taken delivery of more new tonnage in the first half than in any full year before 2021, "
        "and they cannot fill it,” said Henrik Aalto, head of research at Tidewater. He reckons spot rates "
        "could fall another 15% before the peak season begins in July.",
        "Consultancy BlueKeel estimated that the global container fleet will grow by 9.5% this year, against "
        "demand growth of about 3%. It puts the idle fleet at 1.1 million TEU, or 3.4% of total capacity.",
        "Schedule reliability improved to 58% in May, per the monthly tracker of analysts Seaward Insight, up "
        "from 51% in April.",
        "Shares in carrier Nordlys Line fell 3.9% to 212 crowns in Oslo and have lost almost half their value "
        "since January.",
        "For shippers the slide is welcome. At today's rates, a retailer importing 500 containers a year from "
        "Asia would pay about $1.4 million less than it did last summer.",
    ],
    [
        c("asia-europe-7", 7, "%", [TW], "fell 7% this week to $2,860"),
        c("asia-europe-2860", 2860, "USD", [TW], "fell 7% this week to $2,860"),
        c("sixth-week", 6, "weeks", [TW], "slide for a sixth week", strict=[], core=False, match="mention"),
        c("transpacific-2", 2, "%", [TW], "slipping 2% to $3,410 per container", strict=[]),
        c("transpacific-3410", 3410, "USD", [TW], "slipping 2% to $3,410 per container", strict=[]),
        c(
            "composite-routes-12",
            12,
            "count",
            [TW],
            "A global composite of 12 major routes",
            strict=[],
            core=False,
        ),
        c("composite-4.5", 4.5, "%", [TW], "dropped 4.5% to $2,195", strict=[]),
        c("composite-2195", 2195, "USD", [TW], "dropped 4.5% to $2,195", strict=[]),
        c("spot-outlook-15", 15, "%", [TW], "could fall another 15%"),
        c("fleet-growth-9.5", 9.5, "%", ["BlueKeel"], "will grow by 9.5% this year"),
        c("demand-growth-3", 3, "%", ["BlueKeel"], "demand growth of about 3%"),
        c("idle-fleet-1.1m", 1.1e6, "TEU", ["BlueKeel"], "the idle fleet at 1.1 million TEU"),
        c("idle-share-3.4", 3.4, "%", ["BlueKeel"], "or 3.4% of total capacity"),
        c("reliability-58", 58, "%", ["Seaward Insight"], "improved to 58% in May"),
        c("reliability-prev-51", 51, "%", ["Seaward Insight"], "from 51% in April"),
        c("nordlys-3.9", 3.9, "%", [], "fell 3.9% to 212 crowns"),
        c("nordlys-212", 212, "crowns", [], "fell 3.9% to 212 crowns"),
        c("nordlys-half", 50, "%", [], "lost almost half their value", core=False, match="mention"),
        c("containers-500", 500, "count", [], "importing 500 containers a year", core=False),
        c("saving-1.4m", 1.4e6, "USD", [], "about $1.4 million less"),
    ],
    ["40-foot", "in the first half", "the lowest since February", "before 2021", "in July", "since January"],
)

THPA = ["Talvian Health Protection Agency", "THPA"]
MOH = ["Ministry of Health", "Health Ministry", "Oskar Vell"]
LS = ["Little Steps"]
article(
    "talvia-measles-vaccination",
    "Talvia Herald",
    "https://talviaherald.example/health/mmr-coverage-report/",
    "Fewer toddlers get measles jab on time as cases climb, agency warns",
    "By Mirja Koskela, health editor",
    [
        "Only 89.4% of children in Talvia had received a first dose of the measles, mumps and rubella (MMR) "
        "vaccine by their second birthday last year, down from 91.2% the year before, the Talvian Health "
        "Protection Agency said in its annual immunisation report on Monday.",
        "Coverage of the second dose, given at the age of five, was lower still at 84.7%. The agency said that "
        "95% of children need both doses to stop the virus spreading.",
        "Rates varied widely between regions:",
        ["Nordvik: 93.1%", "Central Talvia: 90.5%", "Eastmark: 82.6%, the lowest in the country"],
        "“These numbers are a warning, not yet a crisis,” Health Minister Oskar Vell told parliament on "
        "Tuesday. He announced 12 million marks for mobile clinics and said the ministry wanted first-dose "
        "coverage back above 92% by 2028.",
        "The agency's surveillance data recorded 146 measles cases in the first five months of this year, "
        "against 38 in the whole of last year. Three in four of those infected had not been vaccinated.",
        "A separate poll of 1,020 parents for the children's charity Little Steps found that 17% had put off a "
        "vaccination appointment because they could not get time off work.",
        "The MMR vaccine has been offered free in Talvia since 1988. Parents can check their child's record at "
        "any pharmacy or by calling 0300 555 0192.",
    ],
    [
        c("first-dose-89.4", 89.4, "%", [THPA], "Only 89.4% of children in Talvia"),
        c("first-dose-prev-91.2", 91.2, "%", [THPA], "down from 91.2% the year before"),
        c("second-dose-84.7", 84.7, "%", [THPA], "was lower still at 84.7%"),
        c("herd-95", 95, "%", [THPA], "95% of children need both doses", core=False),
        c("nordvik-93.1", 93.1, "%", [THPA], "Nordvik: 93.1%", strict=[]),
        c("central-90.5", 90.5, "%", [THPA], "Central Talvia: 90.5%", strict=[]),
        c("eastmark-82.6", 82.6, "%", [THPA], "Eastmark: 82.6%", strict=[]),
        c("clinics-12m", 1.2e7, "marks", [MOH], "12 million marks for mobile clinics"),
        c("target-92", 92, "%", [MOH], "back above 92% by 2028"),
        c("cases-146", 146, "count", [THPA], "recorded 146 measles cases"),
        c("cases-prev-38", 38, "count", [THPA], "against 38 in the whole of last year"),
        c("unvaccinated-75", 75, "%", [THPA], "Three in four of those infected"),
        c("poll-sample-1020", 1020, "count", [LS], "A separate poll of 1,020 parents"),
        c("poll-delayed-17", 17, "%", [LS], "17% had put off a vaccination appointment"),
        c("since-1988", 1988, "year", [], "offered free in Talvia since 1988", core=False),
    ],
    ["second birthday", "the age of five", "by 2028", "first five months", "0300 555 0192"],
)

BS = ["BrenStat"]
HB = ["Homestead Bank", "Karin Oduya"]
article(
    "brenland-housing-starts-blog",
    "Bricks and Rates",
    "https://bricksandrates.example/2026/04/march-housing-starts/",
    "March housing starts: the good, the bad and the apartments",
    "Posted by Rob Kessler",
    [
        "The monthly starts numbers are out, and they are better than I expected. Builders in Brenland broke "
        "ground on 18,640 homes in March, up 6.2% from February and 3.5% from a year ago, going by "
        '<a href="https://www.brenstat.example/releases/housing-starts-2026-03">the latest release</a> from '
        "BrenStat.",
        "The seasonally adjusted annual rate came to 223,700, still well short of the 250,000 homes a year the "
        "government promised before the election.",
        "Here's the breakdown by type of home:",
        [
            "Detached houses: 6,120, down 2.1%",
            "Semi-detached and terraced: 4,980, up 4.4%",
            "Apartments: 7,540, up 15.8%",
        ],
        "Apartments are doing the heavy lifting, which fits what developers keep telling me. Per the builders' "
        "federation BHF, the average time from planning permit to first spade in the ground has come down to "
        "7 months, from 11 months in 2024.",
        "Karin Oduya, chief economist at mortgage lender Homestead Bank, says cheaper mortgages are the real "
        "story. Her bank's average two-year fixed rate is now 4.35%, against 5.1% last spring, and she "
        "estimates that every quarter-point cut adds roughly 800 starts a month.",
        "My own rough sums, for what they're worth:",
        [
            "Starts are running about 11% above their ten-year average",
            "Apartments now make up 40% of all starts, the highest share I can find",
            "At this pace it would take nine years to build what the government promised for this decade",
        ],
        "BrenStat publishes completions quarterly; the next batch is due on 30 April at 9:30, and I'll write "
        "it up then.",
    ],
    [
        c("starts-18640", 18640, "count", [BS], "broke ground on 18,640 homes in March"),
        c("starts-mom-6.2", 6.2, "%", [BS], "up 6.2% from February"),
        c("starts-yoy-3.5", 3.5, "%", [BS], "3.5% from a year ago"),
        c(
            "annual-rate-223700",
            223700,
            "count",
            [BS],
            "The seasonally adjusted annual rate came to 223,700",
            strict=[],
        ),
        c(
            "pledge-250000",
            250000,
            "count",
            [],
            "the 250,000 homes a year the government promised",
            core=False,
        ),
        c("detached-6120", 6120, "count", [BS], "Detached houses: 6,120, down 2.1%", strict=[]),
        c("detached-2.1", 2.1, "%", [BS], "Detached houses: 6,120, down 2.1%", strict=[]),
        c("semi-4980", 4980, "count", [BS], "Semi-detached and terraced: 4,980, up 4.4%", strict=[]),
        c("semi-4.4", 4.4, "%", [BS], "Semi-detached and terraced: 4,980, up 4.4%", strict=[]),
        c("apartments-7540", 7540, "count", [BS], "Apartments: 7,540, up 15.8%", strict=[]),
        c("apartments-15.8", 15.8, "%", [BS], "Apartments: 7,540, up 15.8%", strict=[]),
        c("permit-7", 7, "months", ["BHF"], "has come down to 7 months"),
        c("permit-prev-11", 11, "months", ["BHF"], "from 11 months in 2024"),
        c("fixed-rate-4.35", 4.35, "%", [HB], "fixed rate is now 4.35%"),
        c("fixed-rate-prev-5.1", 5.1, "%", [HB], "against 5.1% last spring"),
        c(
            "quarter-point",
            0.25,
            "percentage points",
            [HB],
            "every quarter-point cut",
            core=False,
            match="mention",
        ),
        c("starts-per-cut-800", 800, "count", [HB], "adds roughly 800 starts a month"),
        c("own-above-average-11", 11, "%", [], "running about 11% above their ten-year average"),
        c("own-apartment-share-40", 40, "%", [], "Apartments now make up 40% of all starts"),
        c("own-nine-years", 9, "years", [], "it would take nine years", core=False, match="mention"),
    ],
    ["ten-year", "two-year", "30 April at 9:30", "in 2024"],
)


if __name__ == "__main__":
    reports.build()
