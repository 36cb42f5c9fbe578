"""One-off import that seeded data/ (release 0.1.0) from ../shared/source-data.

Kept for audit: it records, as code, how every source row became a package row (which label it got and
why). It is not part of the build; after seeding, the CSVs in data/ are the source of truth and are edited
by pull request. Running it again overwrites data/ and is only right before the first release.

    python -m spf.seed.from_shared [--source-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

import pycountry

from spf.canonical import write_rows
from spf.paths import DATA, SHARED_SOURCES
from spf.seed.tables import FIGURES, SOURCES, URL_TO_SOURCE


def read(src: Path, name: str) -> list[dict]:
    with open(src / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def https(url: str) -> str:
    return "https://" + url[len("http://") :] if url.startswith("http://") else url


def source_of(url: str) -> str:
    return URL_TO_SOURCE[https(url.strip())]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# --- label mapping: the source files' free-text labels onto verified | reported | unverified -------------
def label_partner(text: str) -> str:
    t = text.lower()
    if t.startswith("verified"):
        return "verified"
    if t.startswith("press"):
        return "reported"
    return "unverified"


def label_headline(text: str) -> str:
    """verified..., unverified... as written; any other label (press reports, copies of ILO pages) is reported."""
    t = text.lower()
    if t.startswith("verified"):
        return "verified"
    if t.startswith("unverified"):
        return "unverified"
    return "reported"


def countries(src: Path) -> list[dict]:
    rows = []
    for r in read(src, "focus_countries_phase2.csv"):
        assert pycountry.countries.get(alpha_3=r["iso3"]), r["iso3"]
        rows.append(
            {
                "iso3": r["iso3"],
                "name": r["country_name"],
                "ilo_region": r["ilo_region"],
                "name_in_source": r["country_name_in_source"],
                "source_id": source_of(r["source_url"]),
                "notes": "ISO3 code assigned from ISO 3166-1 and checked with pycountry; "
                "region as grouped in the source list",
            }
        )
    return rows


def focus_countries(src: Path) -> list[dict]:
    rows = []
    for r in read(src, "focus_countries_phase1.csv"):
        rows.append(
            {
                "iso3": r["iso3"],
                "phase": 1,
                # source label: "partial: implies phase-1 focus country" -> not confirmed, so unverified
                "verification": "unverified",
                "evidence": r["evidence"].strip(),
                "source_id": source_of(r["source_url"]),
                "notes": "Inferred from the evaluation's choice of case-study countries; "
                "the official list of 21 phase-1 countries has not been found",
            }
        )
    for r in read(src, "focus_countries_phase2.csv"):
        rows.append(
            {
                "iso3": r["iso3"],
                "phase": 2,
                "verification": "unverified",
                "evidence": "Listed in the priority-country filter of the 2022 design prototype",
                "source_id": source_of(r["source_url"]),
                "notes": "The prototype lists 51 entries; the ILO announced 50. "
                "Not yet checked against an ILO-published list",
            }
        )
    return rows


# country_results_examples.csv -> institutional_changes. Cambodia's row names three changes from the ILO
# news item; they are kept as three rows so each has one step.
CHANGE_SPLITS = {
    "KHM": [
        (
            "operations",
            "National Social Security Fund put its health and maternity scheme into operation",
            2500000,
            "workers covered by the NSSF health and maternity scheme",
        ),
        ("law", "Social Security Law revised", None, ""),
        ("law", "New pension scheme designed and its sub-decree adopted", None, ""),
    ],
}
THEME_NOTE = "Thematic area assigned by the compilers from the description"
STEP_MAP = {"step 1": "strategy", "step 2": "law", "step 3": "operations"}
CHANGE_PHASE = {  # only where a source places the change in a phase
    "KHM": (1, "Placed in phase 1 by the ILO news item on phase-1 results"),
    "TGO": (2, "Shown as a phase-2 country example in the 2022 prototype"),
    "TLS": (2, "Shown as a phase-2 country example in the 2022 prototype"),
    "CIV": (2, "Reported among phase-2 results (2021 to March 2025)"),
}
# A universal health insurance law is social health protection by definition; no other change names its area.
CHANGE_THEME = {"TGO": "social-health-protection"}
THEME_IDS = {  # short ids for the two long names; the others are the slug of the name
    "Adaptive social protection systems to new and emerging challenges": "adaptive-social-protection",
    "Social protection statistics, monitoring and evaluation frameworks": "statistics-monitoring-evaluation",
    "Social protection, climate change and just transition": "climate-change-just-transition",
}


def institutional_changes(src: Path) -> list[dict]:
    rows, counter = [], {}
    for r in read(src, "country_results_examples.csv"):
        iso3 = r["iso3"]
        kind = r["source_type"].lower()
        label = r["verification"].lower()
        if "prototype" in kind and "press" not in kind:
            verification = "unverified"
        elif label.startswith("verified"):
            verification = "verified"
        else:  # national or international press reporting an official act or statement
            verification = "reported"
        year = int(r["year"]) if re.fullmatch(r"\d{4}", r["year"]) else None
        phase, phase_note = CHANGE_PHASE.get(iso3, (None, "Phase not stated by the source"))
        parts = CHANGE_SPLITS.get(iso3) or [
            (
                STEP_MAP[re.search(r"step \d", r["change_type"]).group(0)],
                r["description"],
                int(r["people"]) if r["people"] else None,
                r["people_measure"],
            )
        ]
        for step, description, people, measure in parts:
            counter[iso3] = counter.get(iso3, 0) + 1
            people_src, people_label = "", ""
            if people is not None:
                if iso3 == "TGO":  # people figure comes from the prototype, the law itself from the press
                    people_src, people_label = "prototype-countries", "unverified"
                    measure = "people with legal coverage under the new law (over)"
                else:
                    people_src, people_label = source_of(r["source_url"]), verification
            rows.append(
                {
                    "change_id": f"{iso3.lower()}-{counter[iso3]:03d}",
                    "iso3": iso3,
                    "year": year,
                    "period": r["date"] or r["year"],
                    "phase": phase,
                    "step": step,
                    "description": description,
                    "people_covered": people,
                    "people_measure": measure,
                    "people_verification": people_label,
                    "people_source_id": people_src,
                    "thematic_area_id": CHANGE_THEME.get(iso3) or "",
                    "ilo_role": r["ilo_role"],
                    "verification": verification,
                    "source_id": source_of(r["source_url"]),
                    "notes": "; ".join(
                        x for x in (phase_note, r["source_note"], THEME_NOTE if iso3 in CHANGE_THEME else "") if x
                    ),
                }
            )
    return rows


def thematic_areas(src: Path) -> list[dict]:
    return [
        {
            "thematic_area_id": THEME_IDS.get(r["thematic_area"], slug(r["thematic_area"])),
            "group": r["group"],
            "name": r["thematic_area"],
            "position": int(r["id"]),
            "corroboration": r["corroboration"],
            "verification": "unverified",
            "source_id": source_of(r["source_url"]),
        }
        for r in read(src, "thematic_areas.csv")
    ]


def partners(src: Path) -> list[dict]:
    rows = []
    for r in read(src, "partners.csv"):
        amount = r["amount"] if re.fullmatch(r"\d+(\.\d+)?", r["amount"]) else ""
        note = ""
        if r["amount"] and not amount:
            note = f"The project page prints '{r['amount']}' without saying what the figures are or their currency"
        rows.append(
            {
                "partner_id": slug(r["partner"].split(",")[0] if "Network" not in r["partner"] else r["partner"]),
                "name": r["partner"],
                "partner_type": r["partner_type"],
                "evidence": r["evidence"],
                "project_code": r["project_code"],
                "project_title": r["project_title"],
                "countries": r["countries"],
                "period": r["period"],
                "amount": amount,
                "currency": r["currency"] if amount else "",
                "verification": label_partner(r["verification"]),
                "source_id": source_of(r["source_url"]),
                "notes": "; ".join(x for x in (note, r["source_note"]) if x),
            }
        )
    return rows


def headline_figures(src: Path) -> list[dict]:
    rows = []
    for r in read(src, "headline_figures.csv"):
        spec = FIGURES[r["metric"]]
        rows.append(
            {
                "figure_id": r["metric"].lower(),
                "label": spec["label"],
                "value": r["value"],
                "unit": spec["unit"],
                "qualifier": spec["qualifier"],
                "period": spec["period"],
                "as_of": spec["as_of"],
                "phase": spec.get("phase", ""),
                "topic": spec["topic"],
                "measure": spec["measure"],
                "scope": r["scope"],
                "verification": label_headline(r["verification"]),
                "verification_note": r["verification"],
                "source_id": source_of(r["source_url"]),
                "notes": r["source_note"].strip("'"),
            }
        )
    return rows


INDICATORS = [
    {
        "indicator": "sdg131_any_benefit",
        "name": "Population covered by at least one social protection benefit (SDG 1.3.1)",
        "series_code": "SI_COV_BENFTS",
        "sex": "both sexes",
        "unit": "percent",
    },
    {
        "indicator": "sdg131_pension",
        "name": "Population above statutory pensionable age receiving a pension (SDG 1.3.1)",
        "series_code": "SI_COV_PENSN",
        "sex": "both sexes",
        "unit": "percent",
    },
    {
        "indicator": "sdg131_pension_female",
        "name": "Women above statutory pensionable age receiving a pension (SDG 1.3.1)",
        "series_code": "SI_COV_PENSN",
        "sex": "female",
        "unit": "percent",
    },
    {
        "indicator": "sdg131_pension_male",
        "name": "Men above statutory pensionable age receiving a pension (SDG 1.3.1)",
        "series_code": "SI_COV_PENSN",
        "sex": "male",
        "unit": "percent",
    },
    {
        "indicator": "sdg381_uhc_index",
        "name": "Universal health coverage service coverage index (SDG 3.8.1)",
        "series_code": "SH_ACS_UNHC",
        "sex": "both sexes",
        "unit": "index (0-100)",
    },
]


def area_code(name: str, iso3: str, m49: str) -> tuple[str, str]:
    if iso3:
        return iso3, "country"
    country = pycountry.countries.get(numeric=m49.zfill(3)) if m49 else None
    if country:
        return country.alpha_3, "country"
    return f"M49_{m49.zfill(3)}", "aggregate"


OWID_UNCODED = {
    "Developing regions": "515",
    "Least Developed Countries (LDCs)": "199",
    "Small Island Developing States (SIDS)": "722",
}  # M49 codes, from the UNSD files


def coverage(src: Path) -> list[dict]:
    rows = []
    for r in read(src, "coverage_sdg131.csv"):
        code = r["code"] or f"M49_{OWID_UNCODED[r['entity']]}"
        rows.append(
            {
                "area_code": code,
                "area_name": r["entity"],
                "area_type": "country" if r["entity_type"] == "country/territory" else "aggregate",
                "indicator": "sdg131_any_benefit",
                "year": r["year"],
                "value": r["value_pct"],
                "qualifier": "exact",
                "unit": "percent",
                "verification": "reported",
                "source_id": source_of(r["source_url"]),
            }
        )
    sexes = {"Both sexes": "sdg131_pension", "Female": "sdg131_pension_female", "Male": "sdg131_pension_male"}
    for r in read(src, "pension_coverage_sdg131.csv"):
        code, kind = area_code(r["geo_area"], r["iso3"], r["m49"])
        rows.append(
            {
                "area_code": code,
                "area_name": r["geo_area"],
                "area_type": kind,
                "indicator": sexes[r["sex"]],
                "year": r["year"],
                "value": r["value_pct"],
                "qualifier": "exact",
                "unit": "percent",
                "verification": "verified",
                "source_id": source_of(r["source_url"]),
            }
        )
    for r in read(src, "uhc_service_coverage_index_sdg381.csv"):
        code, kind = area_code(r["geo_area"], r["iso3"], r["m49"])
        rows.append(
            {
                "area_code": code,
                "area_name": r["geo_area"],
                "area_type": kind,
                "indicator": "sdg381_uhc_index",
                "year": r["year"],
                "value": r["value_index"].removeprefix(">="),
                "qualifier": "at_least" if r["value_index"].startswith(">=") else "exact",
                "unit": "index (0-100)",
                "verification": "verified",
                "source_id": source_of(r["source_url"]),
            }
        )
    return rows


def run(src: Path) -> None:
    # Load inputs and process.
    tables = {
        "sources": SOURCES,
        "countries": countries(src),
        "focus_countries": focus_countries(src),
        "headline_figures": headline_figures(src),
        "institutional_changes": institutional_changes(src),
        "thematic_areas": thematic_areas(src),
        "partners": partners(src),
        "indicators": INDICATORS,
        "coverage": coverage(src),
    }
    # Save outputs (canonical order and format come from canonical.write_rows).
    DATA.mkdir(exist_ok=True)
    for name, rows in tables.items():
        write_rows(name, rows)
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=SHARED_SOURCES)
    run(parser.parse_args().source_dir)
