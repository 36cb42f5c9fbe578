# ruff: noqa: E501
# fmt: off
"""Curated lookup tables for the one-off seed import (see seed_from_shared.py).

SOURCES is the source register written from ../shared/source-data/SOURCES.md. FIGURES gives each row of
headline_figures.csv a label in our own words, a clean unit and qualifier, the period it refers to, and the
`measure` it counts (figures with the same measure and date are compared side by side on the site).
"""

PROTOTYPE = "https://github.com/ptrcklehmann/building-spf-for-all/blob/d02972e8b0cd9db5f24b62d585cddc4cf91a93e1/"
PROTOTYPE_PUBLISHER = "ptrcklehmann/building-spf-for-all on GitHub (unofficial design prototype)"
PROTOTYPE_NOTE = "Unofficial 2022 design prototype of an SPF Flagship website; some parts are placeholders"


def _src(source_id, title, publisher, url, published, kind, notes=""):
    return {"source_id": source_id, "title": title, "publisher": publisher, "url": url,
            "published": published, "kind": kind, "notes": notes}


def _proto(source_id, path, what):
    return _src(source_id, f"SPF Flagship website prototype: {what}", PROTOTYPE_PUBLISHER, PROTOTYPE + path,
                "2022", "prototype", PROTOTYPE_NOTE)


SOURCES = [
    _src("ilo-news-2021-10-07", "SPF Flagship Programme launches its second phase (ILO news)", "ILO",
         "https://www.ilo.org/secsoc/press-and-media-centre/news/WCMS_822161/lang--en/index.htm",
         "2021-10-07", "official", "Announces phase 2 and summarises phase-1 results"),
    _src("ilo-flagship-page", "Building Social Protection Floors for All (Social Protection Department page)",
         "ILO", "https://www.ilo.org/secsoc/technical-cooperation-projects/"
         "building-social-protection-floors-for-all/lang--en/index.htm", "", "official",
         "Two versions read: one from the phase-1 era and one from the phase-2 era"),
    _src("spf-flagship-home", "SPF Flagship home page on social-protection.org", "ILO",
         "https://www.social-protection.org/gimi/Flagship.action", "", "official",
         "Older version of the page (phase-1 ambition)"),
    _src("spf-thematic-areas", "SPF Flagship thematic areas page", "ILO",
         "https://www.social-protection.org/gimi/ThemeAreas.action", "", "official",
         "Confirms that there are 16 thematic areas; the excerpt read ends before the list"),
    _src("ilo-flagship-intro-2016", "ILO Flagship Programmes: Building Social Protection Floors for All",
         "ILO", "https://ilo.org/global/about-the-ilo/how-the-ilo-works/WCMS_496742/lang--es/index.htm",
         "2016", "official", "Introduction of the programme at its start"),
    _src("ilo-partners-meeting-2021", "SPF Flagship development partners meeting, 7 October 2021 (project page)",
         "ILO", "https://www.social-protection.org/gimi/ShowProject.action?id=3119", "2021-10-07", "official"),
    _src("ilo-news-2023-03-27", "Progress in social protection for 30 million people (ILO news, in French)",
         "ILO", "https://ilo.org/global/about-the-ilo/newsroom/news/WCMS_873830/lang--fr/index.htm",
         "2023-03-27", "official",
         "Recorded with http in the source notes; an English republication exists (ethicalmarketingnews.com)"),
    _src("ethicalmarketingnews-2023", "Progress on better social protection for 30 million people",
         "Ethical Marketing News (republication of ILO news)",
         "https://ethicalmarketingnews.com/progress-on-better-social-protection-for-30-million-of-people",
         "2023", "press", "English republication of the ILO news item of 27 March 2023"),
    _src("ilo-live-partners-meeting-2025",
         "Development partners meeting of the ILO Flagship Programme on Social Protection Floors (event group)",
         "ILO Live", "https://live.ilo.org/group/development-partners-meeting-ilo-flagship-programme-"
         "social-protection-floors", "2025-03", "official", "Partners meeting of March 2025"),
    _src("ilo-project-glo-22-31-irl",
         "Accelerating the Achievement of Universal Social Protection to Leave No One Behind (GLO/22/31/IRL)",
         "ILO", "https://www.social-protection.org/gimi/Contribution.action?id=921", "", "official",
         "Project page; also gives 2020 SDG 1.3.1 coverage for the world and ILO regions"),
    _src("ilo-project-madagascar", "Integrated and inclusive social protection system (Madagascar project page)",
         "ILO", "https://informaleconomy.social-protection.org/gimi/Contribution.action?id=723&lang=FR", "",
         "official", "Marked as part of the Global Flagship Programme"),
    _src("ilo-press-2017-10-25", "ILO and Luxembourg sign a partnership agreement (press release)", "ILO",
         "https://www.ilo.org/secsoc/press-and-media-centre/news/WCMS_587901/lang--en/index.htm",
         "2017-10-25", "official"),
    _src("ilo-eval-tor-phase1", "Terms of reference for the independent evaluation of SPF Flagship phase 1",
         "readkong.com (copy of an ILO Evaluation Office document)",
         "https://readkong.com/page/terms-of-reference-supporting-national-level-data-2547868", "2021",
         "press", "Third-party copy of an ILO document"),
    _src("ilo-strategy-phase2", "Social Protection Floors for All: strategy for the second phase 2021-2025",
         "readkong.com (copy of an ILO publication)",
         "https://readkong.com/page/social-protection-floors-for-all-ilo-global-flagship-2196436", "2021",
         "press", "Only the title and imprint are on record; the country list and thematic annex were not seen"),
    _src("ilo-report-phase1", "Building Social Protection Floors for All: report of the first phase 2016-2020",
         "socialprotection.org (abstract page)",
         "https://socialprotection.org/discover/publications/building-social-protection-floors-all-"
         "report-first-phase-2016%E2%80%932020", "2021", "press",
         "Shows that the report exists; no figures from it are on record"),
    _src("socialprotection-org-2024", "The challenge of building rights-based social protection systems in a "
         "crisis-prone world (abstract)", "socialprotection.org (abstract of an ILO publication)",
         "https://socialprotection.org/discover/publications/challenge-building-rights%E2%80%93based-social-"
         "protection-systems-crisis-prone-world", "2024", "press",
         "Abstract of an ILO publication on a third-party platform"),
    _src("cultclub-wspr-2024-figures", "World Social Protection Report 2024-26: in figures (copy)", "cultclub.net",
         "https://cultclub.net/world-social-protection-report-2024-26-figures.html", "2024-09-09", "press",
         "Copy of an ILO page; recorded with http in the source notes"),
    _src("msmeafrica-2025-03", "ILO social protection programme reaches 55 million people, targets 60 million "
         "by 2025", "MSME Africa", "https://msmeafricaonline.com/ilo-social-protection-programme-reaches-55-"
         "million-people-targets-60-million-by-2025", "2025-03", "press",
         "Same figures in punchng.com, nujfct.ng and tribuneonlineng.com"),
    _src("devdiscourse-2025-03-29", "ILO flagship programme expands social protection covering over 55 million",
         "Devdiscourse", "https://www.devdiscourse.com/article/headlines/3327233-ilo-flagship-programme-expands-"
         "social-protection-covering-over-55-million", "2025-03-29", "press"),
    _src("exaputra-2026-04", "Summary of the ILO World Social Protection Report 2024-26 (blog)", "exaputra.com",
         "https://www.exaputra.com/2026/04/ilo-235-world-social-protection-report.html", "2026-04", "press",
         "Secondary blog summary"),
    _src("togopresse-2021-10-12", "Togo: National Assembly adopts the law on universal health insurance",
         "Togo Presse", "https://togopresse.tg/la-loi-instituant-lassurance-maladie-universelle-au-togo-votee-"
         "par-lassemblee-nationale", "2021-10-12", "press", "Also reported by alwihdainfo.com"),
    _proto("prototype-library", "library.html", "library page (priority-country list)"),
    _proto("prototype-results-js", "assets/js/lib/results-and-impact.js", "results and impact chart data"),
    _proto("prototype-funding-js", "assets/js/lib/funding-gaps.js", "funding chart data"),
    _proto("prototype-funding-page", "funding-gaps.html", "funding gaps page"),
    _proto("prototype-countries", "countries.html", "countries page"),
    _proto("prototype-pakistan", "pakistan.html", "Pakistan country page"),
    _proto("prototype-thematic-areas", "thematic-areas.html", "thematic areas page"),
    _src("owid-sdg131", "Share covered by at least one social protection benefit (SDG 1.3.1)",
         "Our World in Data, from ILO estimates via the UN SDG Global Database",
         "https://github.com/Jayyoo07/BA-Final-Project/blob/d5e557b6a84ab31de3d544e136b57bdeebdcf36e/share-"
         "covered-by-one-social-protection-benefit/share-covered-by-one-social-protection-benefit.csv",
         "2025-10-29", "dataset",
         "OWID export (last updated 2025-10-29) as copied into a public GitHub repository on 2026-05-31"),
    _src("unsd-sdg131-pension", "SDG 1.3.1 pension coverage (SI_COV_PENSN), release 2019.Q1.G.01",
         "UN Statistics Division (FIS4SDGs repository)",
         "https://github.com/UNStats/FIS4SDGs/blob/56f70ab5bda8f9865164e110bcb1a8e3003c9396/unsd/data/csv/"
         "1.3.1-SI_COV_PENSN_long.csv", "2019", "dataset",
         "Old vintage: mostly 2016 data; original source ILO Social Security Inquiry"),
    _src("unsd-sdg381-uhc", "SDG 3.8.1 UHC service coverage index (SH_ACS_UNHC), release 2019.Q1.G.01",
         "UN Statistics Division (FIS4SDGs repository)",
         "https://github.com/UNStats/FIS4SDGs/blob/56f70ab5bda8f9865164e110bcb1a8e3003c9396/unsd/data/csv/"
         "3.8.1-SH_ACS_UNHC_long.csv", "2019", "dataset",
         "Old vintage: index for 2015; original source WHO Tracking UHC 2017"),
]

URL_TO_SOURCE = {s["url"]: s["source_id"] for s in SOURCES}
URL_TO_SOURCE["https://github.com/ptrcklehmann/building-spf-for-all/blob/d02972e8b0cd9db5f24b62d585cddc4cf91a93e1/countries.html"] = "prototype-countries"  # noqa: E501


def _f(label, unit, qualifier, period, as_of, phase, topic, measure):
    return {"label": label, "unit": unit, "qualifier": qualifier, "period": period, "as_of": as_of,
            "phase": phase, "topic": topic, "measure": measure}


P, USD, PCT, IC = "people", "USD", "percent", "institutional changes"
FIGURES = {
    "phase1_target_countries": _f("Countries supported in phase 1", "countries", "exact", "2016-2020", "2020", 1,
                                  "programme", "phase1_focus_countries"),
    "phase1_people_improved_coverage": _f("People whose coverage improved in phase 1", P, "exact", "2016-2020",
                                          "2020", 1, "results", "phase1_people_improved"),
    "phase1_countries_supported_overall": _f("Countries the ILO supported under the programme in phase 1",
                                             "countries", "at_least", "2016-2020", "2020", 1, "programme",
                                             "phase1_countries_supported"),
    "phase1_ambition_people": _f("Original phase-1 ambition: people with better access", P, "target",
                                 "2016-2020", "2020", 1, "targets", "phase1_people_improved"),
    "phase1_funding_need": _f("Funding the programme said phase 1 needed", USD, "exact", "2016-2020", "2016", 1,
                              "funding", "phase1_funding_need"),
    "ilo_countries_supported_past_decade": _f("Countries the ILO supported in the decade before the programme",
                                              "countries", "exact", "2006-2016", "2016", "", "context",
                                              "ilo_countries_supported_decade"),
    "phase1_institutional_changes": _f("Institutional changes in phase 1", IC, "exact", "2016-2020", "2020", 1,
                                       "results", "phase1_institutional_changes"),
    "phase1_people_legal_coverage": _f("People who gained legal coverage in phase 1", P, "at_least",
                                       "2016-2020", "2020", 1, "results", "phase1_people_legal"),
    "phase1_people_effective_coverage": _f("People who saw improved effective coverage, access and adequacy levels "
                                           "in phase 1", P, "at_least", "2016-2020", "2020", 1, "results",
                                           "phase1_people_effective_adequacy"),
    "phase1_institutional_changes_step1_strategy": _f("Phase-1 changes at step 1: strategy or policy", IC,
                                                      "exact", "2016-2020", "2020", 1, "results_by_step",
                                                      "phase1_changes_strategy"),
    "phase1_institutional_changes_step2_law": _f("Phase-1 changes at step 2: law or scheme", IC, "exact",
                                                 "2016-2020", "2020", 1, "results_by_step", "phase1_changes_law"),
    "phase1_institutional_changes_step3_governance": _f("Phase-1 changes at step 3: governance and operations",
                                                        IC, "exact", "2016-2020", "2020", 1, "results_by_step",
                                                        "phase1_changes_operations"),
    "phase1_people_legal_coverage_chart": _f("People who gained legal coverage in phase 1", P, "exact",
                                             "2016-2020", "2020", 1, "results", "phase1_people_legal"),
    "phase1_people_effective_coverage_chart": _f("People with improved effective coverage in phase 1", P,
                                                 "exact", "2016-2020", "2020", 1, "results",
                                                 "phase1_people_effective"),
    "phase1_people_adequacy_chart": _f("People with more adequate protection in phase 1", P, "exact",
                                       "2016-2020", "2020", 1, "results", "phase1_people_adequacy"),
    "phase2_focus_countries": _f("Focus countries and territories in phase 2", "countries and territories",
                                 "exact", "2021-2025", "2021-10", 2, "programme", "phase2_focus_countries"),
    "phase2_ambition_people": _f("Phase-2 target: people with better coverage, access or adequacy", P, "target",
                                 "2021-2025", "2025", 2, "targets", "phase2_people"),
    "phase2_thematic_areas": _f("Thematic areas of cross-country policy advice", "thematic areas", "exact",
                                "2021-2025", "2021-10", 2, "programme", "phase2_thematic_areas"),
    "phase2_global_technical_team_staff": _f("Staff in the global technical team", "staff", "at_least", "2021",
                                             "2021-10", 2, "programme", "phase2_staff"),
    "phase2_budget": _f("Phase-2 budget", USD, "exact", "2021-2025", "2021-10", 2, "funding", "phase2_budget"),
    "phase2_funding_gap": _f("Phase-2 funding gap", USD, "exact", "2021-2025", "2021-10", 2, "funding",
                             "phase2_funding_gap"),
    "phase2_funding_gap_prototype": _f("Phase-2 funding gap", USD, "exact", "2021-2025", "2022", 2, "funding",
                                       "phase2_funding_gap"),
    "phase2_budget_share_in_country": _f("Share of the phase-2 budget for in-country support", PCT, "exact",
                                         "2021-2025", "2022", 2, "budget_split", "phase2_share_in_country"),
    "phase2_budget_share_cross_country": _f("Share of the phase-2 budget for cross-country policy advice", PCT,
                                            "exact", "2021-2025", "2022", 2, "budget_split",
                                            "phase2_share_cross_country"),
    "phase2_budget_share_management": _f("Share of the phase-2 budget for management", PCT, "exact",
                                         "2021-2025", "2022", 2, "budget_split", "phase2_share_management"),
    "phase2_resources_mobilized_chart": _f("Phase-2 resources mobilised", USD, "exact", "2021-2025", "2022", 2,
                                           "funding", "phase2_resources_mobilised"),
    "phase2_ilo_contribution_chart": _f("ILO contribution to the phase-2 budget", USD, "exact", "2021-2025",
                                        "2022", 2, "funding", "phase2_ilo_contribution"),
    "phase2_ambition_legal_coverage": _f("Phase-2 target: people with better legal coverage", P, "target",
                                         "2021-2025", "2025", 2, "targets", "phase2_people_legal"),
    "phase2_ambition_effective_coverage": _f("Phase-2 target: people with better effective coverage", P,
                                             "target", "2021-2025", "2025", 2, "targets",
                                             "phase2_people_effective"),
    "phase2_ambition_adequacy": _f("Phase-2 target: people with more adequate benefits", P, "target",
                                   "2021-2025", "2025", 2, "targets", "phase2_people_adequacy"),
    "phase2_target_institutional_changes": _f("Phase-2 target: institutional changes", IC, "target",
                                              "2021-2025", "2025", 2, "targets", "phase2_institutional_changes"),
    "phase2_ambition_institutional_changes_prototype": _f("Phase-2 target: institutional changes", IC, "target",
                                                          "2021-2025", "2025", 2, "targets",
                                                          "phase2_institutional_changes"),
    "phase2_institutional_changes_2021_2022": _f("Institutional changes in phase 2 so far", IC, "exact",
                                                 "2021-2022", "2022", 2, "results", "phase2_institutional_changes"),
    "phase2_people_measurable_improvement_2021_2022": _f("People with a measurable improvement in phase 2 so far",
                                                         P, "exact", "2021-2022", "2022", 2, "results",
                                                         "phase2_people"),
    "phase2_people_improved_access_2021_2022": _f("People with better access in phase 2 so far", P, "exact",
                                                  "2021-2022", "2022", 2, "results", "phase2_people_access"),
    "phase2_institutional_changes_2021_2024": _f("Institutional changes in phase 2 so far", IC, "exact",
                                                 "2021-2024", "2024", 2, "results", "phase2_institutional_changes"),
    "phase2_people_legal_effective_2021_2024": _f("People with more legal and effective coverage in phase 2 so "
                                                  "far", P, "at_least", "2021-2024", "2024", 2, "results",
                                                  "phase2_people"),
    "phase2_institutional_changes_to_mar2025": _f("Institutional changes in phase 2 so far", IC, "exact",
                                                  "2021 to March 2025", "2025-03", 2, "results",
                                                  "phase2_institutional_changes"),
    "phase2_people_access_to_mar2025": _f("People with access to social benefits in phase 2 so far", P,
                                          "at_least", "2021 to March 2025", "2025-03", 2, "results",
                                          "phase2_people"),
    "cote_divoire_independent_workers_enrolled": _f("Independent workers who enrolled in social security in "
                                                    "Côte d'Ivoire", P, "exact", "to March 2025", "2025-03", 2,
                                                    "country_result", "civ_independent_workers_enrolled"),
    "partners_meeting_2025_in_person_reps": _f("Representatives at the 2025 partners meeting in person",
                                               "representatives", "exact", "March 2025", "2025-03", 2, "meeting",
                                               "partners_meeting_2025_in_person"),
    "luxembourg_partnership_agreement_2017": _f("Luxembourg partnership agreement", USD, "exact", "2017",
                                                "2017-10", "", "funding", "luxembourg_agreement_2017"),
    "global_sdg131_coverage_2020": _f("World population covered by at least one benefit", PCT, "exact", "2020",
                                      "2020", "", "coverage_world", "sdg131_world"),
    "region_sdg131_coverage_2020_europe_central_asia": _f("Population covered by at least one benefit: Europe "
                                                          "and Central Asia", PCT, "exact", "2020", "2020", "",
                                                          "coverage_region", "sdg131_europe_central_asia"),
    "region_sdg131_coverage_2020_americas": _f("Population covered by at least one benefit: Americas", PCT,
                                               "exact", "2020", "2020", "", "coverage_region", "sdg131_americas"),
    "region_sdg131_coverage_2020_asia_pacific": _f("Population covered by at least one benefit: Asia and the "
                                                   "Pacific", PCT, "exact", "2020", "2020", "", "coverage_region",
                                                   "sdg131_asia_pacific"),
    "region_sdg131_coverage_2020_arab_states": _f("Population covered by at least one benefit: Arab States",
                                                  PCT, "exact", "2020", "2020", "", "coverage_region",
                                                  "sdg131_arab_states"),
    "region_sdg131_coverage_2020_africa": _f("Population covered by at least one benefit: Africa", PCT, "exact",
                                             "2020", "2020", "", "coverage_region", "sdg131_africa"),
    "global_sdg131_coverage_2023": _f("World population covered by at least one benefit", PCT, "exact", "2023",
                                      "2023", "", "coverage_world", "sdg131_world"),
    "global_unprotected_people_2023": _f("People in the world without any social protection", P, "about", "2023",
                                         "2023", "", "coverage_world", "world_unprotected"),
    "global_sp_expenditure_excl_health_2023": _f("Social protection spending, excluding health: world average",
                                                 "percent of GDP", "exact", "2023", "2023", "", "spending",
                                                 "spending_excl_health_world"),
    "global_health_expenditure_2023": _f("Health spending: world average", "percent of GDP", "exact", "2023",
                                         "2023", "", "spending", "spending_health_world"),
    "global_total_sp_expenditure_2023": _f("Social protection spending including health: world average",
                                           "percent of GDP", "exact", "2023", "2023", "", "spending",
                                           "spending_total_world"),
    "sp_expenditure_excl_health_HIC_2023": _f("Social protection spending, excluding health: high-income "
                                              "countries", "percent of GDP", "exact", "2023", "2023", "",
                                              "spending_by_income", "spending_excl_health_hic"),
    "sp_expenditure_excl_health_UMIC_2023": _f("Social protection spending, excluding health: upper-middle-"
                                               "income countries", "percent of GDP", "exact", "2023", "2023", "",
                                               "spending_by_income", "spending_excl_health_umic"),
    "sp_expenditure_excl_health_LMIC_2023": _f("Social protection spending, excluding health: lower-middle-"
                                               "income countries", "percent of GDP", "exact", "2023", "2023", "",
                                               "spending_by_income", "spending_excl_health_lmic"),
    "sp_expenditure_excl_health_LIC_2023": _f("Social protection spending, excluding health: low-income "
                                              "countries", "percent of GDP", "exact", "2023", "2023", "",
                                              "spending_by_income", "spending_excl_health_lic"),
    "global_old_age_pension_coverage": _f("Older people receiving a pension: world", PCT, "exact", "2023", "2023",
                                          "", "coverage_branch", "world_pension"),
    "global_maternity_coverage": _f("Maternity protection coverage: world", PCT, "exact", "2023", "2023", "",
                                    "coverage_branch", "world_maternity"),
    "global_child_benefit_coverage": _f("Child and family benefit coverage: world", PCT, "exact", "2023", "2023",
                                        "", "coverage_branch", "world_child"),
    "global_disability_coverage": _f("Disability benefit coverage: world", PCT, "exact", "2023", "2023", "",
                                     "coverage_branch", "world_disability"),
    "global_unemployment_coverage": _f("Unemployment benefit coverage: world", PCT, "exact", "2023", "2023", "",
                                       "coverage_branch", "world_unemployment"),
    "lic_annual_financing_gap": _f("Annual financing gap for social protection floors: low-income countries",
                                   "USD billion per year", "exact", "2024", "2024", "", "spending",
                                   "lic_financing_gap"),
}
