"""Synthetic data packages for benchmarks: the shipped package scaled up k times, with a fixed seed.

Only for benchmarks and tests, always written to a temporary folder, never into data/. The rows are
valid (real ISO3 codes, years inside each phase's window, values in range) so the whole pipeline runs on
them; every synthetic row is labelled `unverified` and cites a synthetic source.

    python scripts/synthetic.py --scale 10 --out /tmp/pkg10
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
from pathlib import Path

import pycountry

from spf.canonical import canonical_text, file_facts, read_rows
from spf.paths import CHANGELOG, CITATION, DATAPACKAGE, ROOT

SEED = 20261127
REGIONS = ["Africa", "Americas", "Arab States", "Asia and the Pacific", "Europe and Central Asia"]
PHASE_YEARS = {1: (2016, 2020), 2: (2021, 2025), 3: (2026, 2030)}
SOURCE = "synthetic-benchmark"


def load(root: Path) -> tuple[dict, dict[str, list[dict]]]:
    descriptor = json.loads((root / "datapackage.json").read_text(encoding="utf-8"))
    return descriptor, {r["name"]: read_rows(root / r["path"]) for r in descriptor["resources"]}


def scale_tables(tables: dict[str, list[dict]], k: int, rng: random.Random) -> dict[str, list[dict]]:
    t = {name: [dict(r) for r in rows] for name, rows in tables.items()}
    if k == 1:
        return t
    t["sources"].append(
        {
            "source_id": SOURCE,
            "title": "Synthetic benchmark rows",
            "publisher": "benchmark",
            "url": "https://example.org/synthetic",
            "published": "2026",
            "kind": "dataset",
            "notes": "Generated with a fixed seed for benchmarks only",
        }
    )
    _add_countries(t, k, rng)  # the order of the steps fixes the random draws: keep it
    _add_figures(t, k)
    _add_changes(t, k, rng)
    _add_partners(t, len(tables["partners"]), k)
    _add_coverage(t, len(tables["coverage"]) * k, rng)
    return t


def _add_countries(t: dict[str, list[dict]], k: int, rng: random.Random) -> None:
    """Real ISO3 codes not yet in the package, each a synthetic phase-2 focus country."""
    known = {r["iso3"] for r in t["countries"]}
    extra = [c for c in sorted(pycountry.countries, key=lambda c: c.alpha_3) if c.alpha_3 not in known]
    want = min(len(t["countries"]) * k, len(known) + len(extra))
    for c in extra[: want - len(known)]:
        t["countries"].append(
            {
                "iso3": c.alpha_3,
                "name": c.name,
                "ilo_region": rng.choice(REGIONS),
                "name_in_source": c.name,
                "source_id": SOURCE,
                "notes": "synthetic",
            }
        )
        t["focus_countries"].append(
            {
                "iso3": c.alpha_3,
                "phase": "2",
                "verification": "unverified",
                "evidence": "synthetic",
                "source_id": SOURCE,
                "notes": "",
            }
        )


def _add_figures(t: dict[str, list[dict]], k: int) -> None:
    base_figures = list(t["headline_figures"])
    for i in range(1, k):
        for r in base_figures:
            t["headline_figures"].append(
                {
                    **r,
                    "figure_id": f"{r['figure_id']}_s{i}",
                    "measure": f"{r['measure']}_s{i}",
                    "verification": "unverified",
                    "source_id": SOURCE,
                }
            )


def _add_changes(t: dict[str, list[dict]], k: int, rng: random.Random) -> None:
    isos = [r["iso3"] for r in t["countries"]]
    counters: dict[str, int] = {}
    for _ in range(len(t["institutional_changes"]) * (k - 1)):
        iso = rng.choice(isos)
        counters[iso] = counters.get(iso, 0) + 1
        phase = rng.choice([1, 2, 3])
        year = rng.randint(*PHASE_YEARS[phase])
        t["institutional_changes"].append(
            {
                "change_id": f"{iso.lower()}-{900 - counters[iso]:03d}",
                "iso3": iso,
                "year": str(year),
                "period": str(year),
                "phase": str(phase),
                "step": rng.choice(["strategy", "law", "operations"]),
                "description": "Synthetic institutional change",
                "people_covered": str(rng.randint(1000, 5_000_000)),
                "people_measure": "people",
                "people_verification": "unverified",
                "people_source_id": SOURCE,
                # alternate, without drawing from rng, so the rest of the synthetic package stays the same
                "programme_link": "counted by the programme" if counters[iso] % 2 else "not stated",
                "verification": "unverified",
                "source_id": SOURCE,
                "notes": "synthetic",
            }
        )


def _add_partners(t: dict[str, list[dict]], n_base: int, k: int) -> None:
    for i in range(1, k):
        for r in list(t["partners"])[:n_base]:
            t["partners"].append(
                {**r, "partner_id": f"{r['partner_id']}-s{i}", "verification": "unverified", "source_id": SOURCE}
            )


def _add_coverage(t: dict[str, list[dict]], target: int, rng: random.Random) -> None:
    """Synthetic indicators for every country and year until the coverage table has `target` rows."""
    isos = [r["iso3"] for r in t["countries"]]
    years = list(range(1990, 2031))
    n_ind = max(1, -(-target // (len(isos) * len(years))))
    for j in range(n_ind):
        t["indicators"].append(
            {
                "indicator": f"synthetic_{j:03d}",
                "name": f"Synthetic indicator {j}",
                "series_code": "SYNTH",
                "sex": "both sexes",
                "unit": "percent",
            }
        )
    rows = []
    for j in range(n_ind):
        for iso in isos:
            for y in years:
                if len(rows) >= target - len(t["coverage"]):
                    break
                rows.append(
                    {
                        "area_code": iso,
                        "area_name": iso,
                        "area_type": "country",
                        "indicator": f"synthetic_{j:03d}",
                        "year": str(y),
                        "value": f"{rng.uniform(0, 100):.1f}",
                        "qualifier": "exact",
                        "unit": "percent",
                        "verification": "unverified",
                        "source_id": SOURCE,
                    }
                )
    t["coverage"] += rows


def write(descriptor: dict, tables: dict[str, list[dict]], out: Path, k: int) -> Path:
    (out / "data").mkdir(parents=True, exist_ok=True)
    descriptor = json.loads(json.dumps(descriptor))
    descriptor["title"] += f" (synthetic x{k})" if k > 1 else ""
    for res in descriptor["resources"]:
        raw = canonical_text(res, tables[res["name"]]).encode("utf-8")
        (out / res["path"]).write_bytes(raw)
        res.update(file_facts(raw))
    (out / "datapackage.json").write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for extra in (CHANGELOG, CITATION):
        shutil.copy(extra, out / extra.name)
    return out / "datapackage.json"


def make(k: int, out: Path, source: Path = DATAPACKAGE) -> Path:
    """Write the package scaled k times to `out`; returns its datapackage.json."""
    target = out.resolve()
    if target == ROOT.resolve() or ROOT.resolve() in target.parents:
        raise ValueError("synthetic packages are written to a temporary folder, never into the repository")
    descriptor, tables = load(source.parent)
    return write(descriptor, scale_tables(tables, k, random.Random(SEED + k)), out, k)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    print(make(args.scale, args.out))
