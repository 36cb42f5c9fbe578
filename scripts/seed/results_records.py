"""Import of the ILO results records and the figures found in December 2026 (release 0.2.0).

Reads ilo_results_records.csv and figures_found_2026-12.csv from ../shared/source-data (section E of its
SOURCES.md) and merges them into data/:

- institutional_changes: one row per record, ids from 101 per country (`jor-101`, ...) so they never collide
  with rows written by hand. `programme_link` is "not stated": none of these records says the change is one
  of the changes the programme counts (39 in phase 1, 148 in phase 2), so they are never added to those
  totals. The phase is left empty for the same reason. Rows written before this import get the value their
  sources justify (PROGRAMME_LINK below).
- sources: one row per record page, and the few pages behind new or corroborated figures.
- headline_figures: the figures the package did not hold; corroborating sources go into the notes of the
  figures it already held.
- partners: China, named by an ILO project page as a direct contributor.

Kept for audit, like the first seed. It replaces the rows it owns and leaves every other row as it is, so
running it twice writes the same files. Run `make format` afterwards to refresh the checksums.

    python -m spf.seed.results_records [--source-dir DIR]
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

from spf.canonical import read_rows, write_rows
from spf.paths import DATA, ROOT, SHARED_SOURCES
from spf.seed.records_table import (
    CORROBORATION,
    EXTRA_SOURCES,
    FOUND_AS,
    NEW_FIGURES,
    NEWS_IRAQ,
    NOT_PEOPLE,
    PEOPLE_MEASURE,
    RECORDS,
)

COUNTED, NOT_STATED = "counted by the programme", "not stated"
CAVEAT = (
    "The source does not say this change is one of the changes the programme counts (39 in phase 1, 148 in phase 2)"
)
STEPS = {"1": "strategy", "2": "law", "3": "operations"}
FIRST_ID = 101
# Rows written before this import: an ILO source (or a press report of an ILO statement) presents the change
# as one of the programme's results. The other rows rest on the unofficial prototype only: "not stated".
PROGRAMME_LINK = {"khm-001": COUNTED, "khm-002": COUNTED, "khm-003": COUNTED, "civ-001": COUNTED}
CHINA = {
    "partner_id": "china",
    "name": "China",
    "partner_type": "government development partner",
    "evidence": "a project page calls the project a direct contribution of the Government of China to the "
    "Flagship Programme",
    "project_code": "",
    "project_title": "",
    "countries": "",
    "period": "13.12.2023 - 31.12.2026",
    "amount": "",
    "currency": "",
    "verification": "verified",
    "source_id": "ilo-project-china-956",
    "notes": "The page prints a budget line '791 752 / 1 999 980' without saying what the two numbers are or their "
    "currency, so no amount is recorded",
}


def read(src: Path, name: str) -> list[dict]:
    with open(src / name, encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def https(url: str) -> str:
    return "https://" + url[len("http://") :] if url.startswith("http://") else url


def record_source(row: dict) -> dict:
    """The sources.csv row of a record's page; its id comes from the page address."""
    url = https(row["source_url"])
    country = row["country"]
    published, notes = "", "ILO results-monitoring database (GIMI) on social-protection.org"
    if m := re.search(r"ResultAchieved\.action\?id=(\d+)", url):
        sid, title = f"ilo-gimi-result-{m.group(1)}", f"ILO results record {m.group(1)}: {country}"
    elif m := re.search(r"CountryProgram\.action\?id=(\d+)", url):
        sid, title = f"ilo-gimi-country-programme-{m.group(1)}", f"ILO country programme page {m.group(1)}: {country}"
    elif m := re.search(r"ShowCountryProfile\.action\?iso=(\w+)", url):
        sid, title = (
            f"ilo-gimi-country-profile-{m.group(1).lower()}",
            f"ILO social protection country profile: {country}",
        )
    elif url == NEWS_IRAQ:
        sid, title = "ilo-news-2023-10-19-iraq", "ILO news (ILO Beirut): Iraq's new Social Security Law for Workers"
        published, notes = "2023-10-19", "Recorded with http in the source notes"
    else:
        raise ValueError(f"no source id rule for {url}")
    return {
        "source_id": sid,
        "title": title,
        "publisher": "ILO",
        "url": url,
        "published": published,
        "kind": "official",
        "notes": notes,
        # the page's language when its address names it (GIMI's lang=EN, ILO's lang--en); otherwise unknown
        "language": "en" if re.search(r"[?&]lang=EN\b|/lang--en/", url) else "",
    }


def step_of(row: dict) -> tuple[str, str]:
    """(step, note): the step the passage shows, else the compilers' reading of the description, else empty."""
    seen = re.search(r"\(Step (\d)\)", row["quote"])
    if seen:
        if STEPS[seen.group(1)] != row["step"]:
            raise ValueError(f"step {row['step']} differs from the passage's Step {seen.group(1)}: {row['source_url']}")
        return row["step"], ""
    if row["step"] == "unknown":
        return "", "The passage seen does not show the step"
    return row["step"], "Step assigned by the compilers from the description; the passage seen shows no step label"


def change_row(row: dict, curated: tuple, number: int, source_id: str) -> dict:
    iso3, period, description, ilo_role, extra = curated
    if iso3 != row["iso3"]:
        raise ValueError(f"RECORDS is out of step with the source file at {row['iso3']} ({iso3} expected)")
    step, step_note = step_of(row)
    key = f"{iso3}-{period}"
    people = row["people"] if row["people"] and key not in NOT_PEOPLE else ""
    if people and key not in PEOPLE_MEASURE:
        raise ValueError(f"no people measure written for {key}")
    notes = [CAVEAT, "Phase not stated by the source", step_note, extra]
    return {
        "change_id": f"{iso3.lower()}-{number:03d}",
        "iso3": iso3,
        "year": row["year"] if re.fullmatch(r"\d{4}", row["year"]) else "",
        "period": period,
        "phase": "",
        "step": step,
        "description": description,
        "people_covered": people,
        "people_measure": PEOPLE_MEASURE.get(key, "") if people else "",
        "people_verification": row["verification"] if people else "",
        "people_source_id": source_id if people else "",
        "thematic_area_id": "",
        "ilo_role": ilo_role,
        "programme_link": NOT_STATED,
        "verification": row["verification"],
        "source_id": source_id,
        "notes": "; ".join(n for n in notes if n),
    }


def records(src: Path) -> tuple[list[dict], list[dict]]:
    """The change rows and the source rows of ilo_results_records.csv, in file order."""
    rows = read(src, "ilo_results_records.csv")
    if len(rows) != len(RECORDS):
        raise ValueError(f"{len(rows)} records in the source file, {len(RECORDS)} in RECORDS")
    changes, sources, counter = [], {}, {}
    for row, curated in zip(rows, RECORDS, strict=True):
        if not row["flagship_link"].startswith("not stated") or row["verification"] != "verified":
            raise ValueError(f"unexpected label or programme link: {row['source_url']}")
        source = record_source(row)
        sources.setdefault(source["source_id"], source)
        counter[row["iso3"]] = counter.get(row["iso3"], FIRST_ID - 1) + 1
        changes.append(change_row(row, curated, counter[row["iso3"]], source["source_id"]))
    return changes, list(sources.values())


def merge(old: list[dict], new: list[dict], key: str) -> list[dict]:
    """Rows of `old` whose key is not in `new`, then `new`: the import owns the rows it writes."""
    owned = {r[key] for r in new}
    return [r for r in old if r[key] not in owned] + new


def with_note(row: dict, sentence: str) -> dict:
    notes = row.get("notes", "")
    return row if sentence in notes else {**row, "notes": "; ".join(x for x in (notes, sentence) if x)}


def check_figures(src: Path) -> None:
    """Every new figure is in figures_found_2026-12.csv with the same value."""
    found = {r["figure"]: r["value"] for r in read(src, "figures_found_2026-12.csv")}
    for f in NEW_FIGURES:
        if found.get(FOUND_AS.get(f["figure_id"], f["figure_id"])) != f["value"]:
            raise ValueError(f"{f['figure_id']}: value {f['value']} is not the one in figures_found_2026-12.csv")


def run(src: Path, root: Path = ROOT) -> None:
    data = root / DATA.relative_to(ROOT)
    changes, sources = records(src)
    check_figures(src)
    old_changes = [
        {**r, "programme_link": PROGRAMME_LINK.get(r["change_id"], r.get("programme_link") or NOT_STATED)}
        for r in read_rows(data / "institutional_changes.csv")
    ]
    figures = [
        with_note(r, CORROBORATION[r["figure_id"]]) if r["figure_id"] in CORROBORATION else r
        for r in read_rows(data / "headline_figures.csv")
    ]
    tables = {
        "institutional_changes": merge(old_changes, changes, "change_id"),
        "sources": merge(read_rows(data / "sources.csv"), sources + EXTRA_SOURCES, "source_id"),
        "headline_figures": merge(figures, NEW_FIGURES, "figure_id"),
        "partners": merge(read_rows(data / "partners.csv"), [CHINA], "partner_id"),
    }
    for name, rows in tables.items():
        write_rows(name, rows, root)
        print(f"{name}: {len(rows)} rows")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source-dir", type=Path, default=SHARED_SOURCES)
    run(parser.parse_args().source_dir)
