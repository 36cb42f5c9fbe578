# ruff: noqa: E501
# fmt: off
"""Curated lookup tables for the import of ILO results records (see results_records.py).

RECORDS holds, for each row of ilo_results_records.csv in file order, the country (checked against the row),
the date as the passage gives it, what changed in our own words, the ILO's role where the passage states one,
and any note a reader needs (a second figure, a related row). Nothing here adds a number that the record
does not give.
"""

RECORDS = [
    ("LAO", "2020-04-01", "National Social Protection Strategy adopted by Prime Minister's Decree No. 224 and launched", "ILO support financed by Luxembourg (as the record states)", "Record LAO226, programme and budget 2020-21, indicator 8.1.1"),
    ("KHM", "2016", "National Social Security Fund launched its health insurance scheme", "", "About 910,000 workers were registered by August 2017; the people figure counts those who had paid contributions. khm-001 (ILO news, phase 1) describes the NSSF health and maternity scheme; the two may concern the same scheme. Record KHM226 dated 31.12.2016"),
    ("KHM", "2020-06-12", "Emergency COVID-19 cash transfer programme set up by Sub-Decree No. 88", "ILO with UNICEF (as the record states)", "The record also gives 350,000 workers who benefited from the wage-subsidy scheme (a second measure, not added to the people figure)"),
    ("MOZ", "2021-04", "Third edition of the Statistical Bulletin on Social Protection produced by the national social action institute (INAS) with an inter-institutional working group", "", "Record MOZ106, programme and budget 2020-21, indicator 8.2.1"),
    ("MWI", "2020-11", "Government developed a monitoring and evaluation framework for social protection (adoption expected by 31 December 2021)", "", "The record describes a framework developed, not yet adopted; it mentions the TRANSFORM roll-out plan in Malawi"),
    ("PAK", "2021-09-09", "Khyber Pakhtunkhwa adopted the amended Employees Social Security Act 2021, extending coverage to construction workers and to workers earning up to 60% above the provincial minimum wage", "", ""),
    ("VNM", "2017-04", "Prime Minister approved the National Master Plan on Social Assistance Reform (MPSAR)", "", ""),
    ("VNM", "2018-10-15", "Decree 143/ND-CP extends social insurance to foreign workers in Viet Nam", "", ""),
    ("ZMB", "2016-12 to 2017-02", "Integrated Framework for Basic Social Protection Programmes developed (December 2016) and launched by the Government (February 2017)", "", "Record RAF904; the record's year spans 2016 and 2017, so no single year is given"),
    ("JOR", "2019-05", "Social Protection Strategy and Poverty Alleviation 2019-2025 launched", "", "Listed on the ILO country-programme page JOR105"),
    ("JOR", "2021-04", "Implementation Support Unit for the National Social Protection Strategy 2019-2025 set up in the Ministry of Social Development", "", "Record JOR105, programme and budget 2020-21, indicator 8.2.1"),
    ("JOR", "2021-12", "Communication platform between the Social Security Corporation and workers launched (a RapidPro-based tool to be piloted in 2022)", "", "Record JOR105 dated 31.12.2021, indicator 8.2.1"),
    ("JOR", "2022-05", "Social Security Corporation set up and operated the Estidama++ fund to extend social security to vulnerable workers", "", "The fund's objective is the transition of 13,000 workers to the formal economy: a target, not people reached, so it is not a people figure"),
    ("JOR", "2022-09", "Tripartite board of the Social Security Corporation adopted the results of the 10th actuarial valuation", "", "Listed on the ILO country-programme page JOR105"),
    ("TLS", "2016-11", "National Parliament approved the General Social Security Law (Law 12/2016), creating the first contributory social security schemes", "", "Regulations followed in May 2017 and the scheme became mandatory on 1 August 2017 (as the record states). The aim of 40,000 to 70,000 workers by January 2018 is a target range, not a people figure"),
    ("TLS", "2019-01", "National Institute of Social Security (INSS) set up and took office", "", "The record also gives over 1,000 employers covered (August 2019)"),
    ("TLS", "2022-11", "National Social Protection Strategy 2021-2030 officially approved", "developed with ILO support (as the page states)", "ILO country profile page, not a results record. tls-001 (unofficial prototype) dates the adoption of a national social protection strategy to November 2021; the two rows may concern the same strategy"),
    ("NPL", "2017-07-24", "Contribution-based Social Protection Bill 2074 (2017) passed", "", "Record NPL930"),
    ("UZB", "2022-07", "National Social Protection Strategy 2030 adopted", "", "The strategy aims to raise the share covered by at least one benefit from 42% to 54% by 2025 (a target). The record also mentions the New Uzbekistan Development Strategy 2022-2026 (January 2022)"),
    ("UZB", "2020-07 to 2021-08", "Presidential decrees extended social assistance and raised the unemployment benefit", "", "The record says social assistance was extended from 700,000 to 1.25 million families; families are not people, so no people figure is given. Linked projects UZB/19/50/UND and UZB/21/01/RBS"),
    ("LBN", "2023-04", "Ministry of Social Affairs launched a National Disability Allowance, first for young people aged 18 to 28", "", ""),
    ("LBN", "2023-11", "Council of Ministers adopted the National Social Protection Strategy", "", ""),
    ("LBN", "2023-12", "Parliament passed a law reforming the end-of-service indemnity and setting up a pension scheme for private-sector workers at the National Social Security Fund", "", ""),
    ("IRQ", "2021", "Law No. 3 of 2021 published, completing the national process to ratify ILO Convention No. 102", "", ""),
    ("IRQ", "2023", "Social Security Law for Workers No. 18 of 2023 passed by Parliament, extending coverage to informal workers, the self-employed and contributing family workers", "", "The ILO news item (19 October 2023) is about implementing the law, months after Parliament passed it"),
]

# What people_covered counts, for the rows where the record gives one number of people.
PEOPLE_MEASURE = {
    "KHM-2016": "workers who had paid contributions to the scheme (about), August 2017",
    "KHM-2020-06-12": "people in 673,487 households who received the cash transfers",
    "TLS-2019-01": "workers registered and contributing (more than), August 2019",
}
# Rows whose people figure is not a number of people (the record counts families): kept out of people_covered.
NOT_PEOPLE = {"UZB-2020-07 to 2021-08"}

NEWS_IRAQ = "https://ilo.org/beirut/media-centre/news/WCMS_899515/lang--en/index.htm"

# Sources that corroborate figures already in the package, or hold the few new ones.
EXTRA_SOURCES = [
    {"source_id": "ilo-project-3000", "title": "ILO Global Flagship Programme (project page)", "publisher": "ILO",
     "url": "https://www.social-protection.org/gimi/ShowProject.action?id=3000", "published": "", "kind": "official",
     "notes": "Phase-1 description: 21 target countries"},
    {"source_id": "ilo-project-china-956", "title": "Direct contribution of the Government of China to the Flagship Programme (project page)",
     "publisher": "ILO", "url": "https://www.social-protection.org/gimi/Contribution.action?id=956&lang=RU", "published": "",
     "kind": "official", "notes": "Project page; prints a budget line without saying what its two numbers are"},
    {"source_id": "ilo-ieval-phase2-midterm-lesson", "title": "Lesson learned from the independent mid-term evaluation of SPF Flagship phase 2 (i-eval Discovery)",
     "publisher": "ILO Evaluation Office", "url": "https://webapps.ilo.org/ievaldiscovery/lessons/2336456", "published": "",
     "kind": "official", "notes": "Evaluation 2336296"},
    {"source_id": "slideplayer-ilo-sp-2017", "title": "ILO presentation at SPIAC-B, Algiers, 26 April 2017 (copy)",
     "publisher": "slideplayer.com (copy of an ILO presentation)", "url": "https://slideplayer.com./slide/13792554",
     "published": "2017-04-26", "kind": "press", "notes": "Third-party copy of an ILO presentation; the map's colour marking is not in the text"},
    {"source_id": "comunidad-bo-2025-03-28", "title": "Spanish republication of the ILO news item of 28 March 2025",
     "publisher": "comunidad.org.bo", "url": "https://comunidad.org.bo/index.php/noticia/detalle/cod_noticia/16212",
     "published": "2025-03-28", "kind": "press", "notes": "Third-party republication of ILO news (Noticias de la OIT)",
     "language": "es"},
]

# Figures from figures_found_2026-12.csv that the package did not hold (the others corroborate held figures).
NEW_FIGURES = [
    {"figure_id": "phase1_cost_per_person", "label": "Funding the programme said phase 1 needed, per person", "value": "0.4",
     "unit": "USD per person", "qualifier": "exact", "period": "2016-2020", "as_of": "2016", "phase": "1", "topic": "funding",
     "measure": "phase1_cost_per_person", "scope": "phase 1", "verification": "verified", "verification_note": "official ILO page",
     "source_id": "ilo-flagship-intro-2016", "notes": "'US$50 million – or only $0.4 per person – is needed'"},
    {"figure_id": "world_without_adequate_sp_2016", "label": "World population without adequate social protection", "value": "73",
     "unit": "percent", "qualifier": "exact", "period": "2016", "as_of": "2016", "phase": "", "topic": "context",
     "measure": "world_without_adequate_sp", "scope": "world", "verification": "verified", "verification_note": "official ILO page",
     "source_id": "ilo-flagship-intro-2016", "notes": "'Today, 73 per cent of the world’s population does not have access to adequate social protection' (programme introduction, 2016)"},
    {"figure_id": "ilo_sp_support_countries_2016_17", "label": "Countries where the ILO supported social protection systems in 2016/17", "value": "66",
     "unit": "countries", "qualifier": "exact", "period": "2016/17", "as_of": "2017", "phase": "", "topic": "context",
     "measure": "ilo_sp_support_countries", "scope": "ILO-wide: 23 in Africa, 16 in Latin America, 15 in Asia, 7 in the Middle East and North Africa, 5 in Europe and Central Asia",
     "verification": "reported", "verification_note": "third-party copy of an ILO presentation", "source_id": "slideplayer-ilo-sp-2017",
     "notes": "The presentation adds that 21 of these countries are part of the Flagship programme"},
    {"figure_id": "phase2_design_survey_countries", "label": "Countries surveyed in 2020 to design phase 2", "value": "56",
     "unit": "countries", "qualifier": "exact", "period": "2020", "as_of": "2020", "phase": "", "topic": "programme",
     "measure": "phase2_design_survey_countries", "scope": "survey that informed the design of phase 2", "verification": "verified",
     "verification_note": "official ILO evaluation page", "source_id": "ilo-ieval-phase2-midterm-lesson",
     "notes": "'A survey conducted in 56 countries in 2020 provided valuable insights that significantly informed the design of the second phase'"},
]

# Names in figures_found_2026-12.csv where our figure_id differs.
FOUND_AS = {"world_without_adequate_sp_2016": "share_without_adequate_social_protection_2016"}

# Corroborating sources added to the notes of figures the package already holds (figure_id -> sentence).
CORROBORATION = {
    "phase1_target_countries": "Also on social-protection.org: '21 target countries' (source ilo-project-3000 and the older version of spf-flagship-home)",
    "phase2_ambition_legal_coverage": "Also on the newer version of the Flagship page (spf-flagship-home): '20 million previously excluded people are now covered by law' (Ambition 2025)",
    "phase2_ambition_effective_coverage": "Also on the newer version of the Flagship page (spf-flagship-home): '30 million previously excluded people have access to social protection' (Ambition 2025)",
    "phase2_ambition_adequacy": "Also on the newer version of the Flagship page (spf-flagship-home): '10 million previously covered people enjoy higher levels of protection' (Ambition 2025)",
    "phase2_people_access_to_mar2025": "Also in a Spanish republication of the ILO news of 28 March 2025 (source comunidad-bo-2025-03-28)",
}
