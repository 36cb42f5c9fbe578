"""The package's CSVs are in canonical form, and `scripts/format.py` puts a shuffled file back."""

from __future__ import annotations

import random
import subprocess
import sys

from conftest import ROOT
from spf.canonical import canonical_text, load_descriptor, read_rows

FORMAT = ROOT / "scripts" / "format.py"


def test_repository_package_is_canonical():
    result = subprocess.run([sys.executable, str(FORMAT), "--check"], capture_output=True, text=True)
    assert result.returncode == 0, f"run `make format`:\n{result.stdout}"


def test_format_restores_shuffled_rows_and_checksums(package):
    descriptor_path = package()
    root = descriptor_path.parent
    path = root / "data" / "coverage.csv"
    original = path.read_bytes()
    lines = original.decode().splitlines()
    body = lines[1:]
    random.Random(7).shuffle(body)
    path.write_text("\r\n".join([lines[0], *[" " + b for b in body]]) + "\r\n", encoding="utf-8")
    check = subprocess.run(
        [sys.executable, str(FORMAT), "--check", "--package", str(descriptor_path)], capture_output=True, text=True
    )
    assert check.returncode == 1 and "data/coverage.csv" in check.stdout
    subprocess.run([sys.executable, str(FORMAT), "--package", str(descriptor_path)], check=True)
    assert path.read_bytes() == original
    again = subprocess.run([sys.executable, str(FORMAT), "--check", "--package", str(descriptor_path)])
    assert again.returncode == 0


def test_sort_is_numeric_for_number_keys():
    descriptor = load_descriptor()
    coverage = next(r for r in descriptor["resources"] if r["name"] == "coverage")
    rows = [{"area_code": "TGO", "indicator": "x", "year": y, "value": "1"} for y in ("2020", "2019", "999")]
    text = canonical_text(coverage, rows)
    years = [line.split(",")[4] for line in text.splitlines()[1:]]
    assert years == ["999", "2019", "2020"]


def test_real_package_rows_have_provenance():
    """Every row of every figure-bearing resource names a source and a verification label."""
    descriptor = load_descriptor()
    for res in descriptor["resources"]:
        names = [f["name"] for f in res["schema"]["fields"]]
        if "verification" not in names:
            continue
        for row in read_rows(ROOT / res["path"]):
            assert row["source_id"] and row["verification"] in {"verified", "reported", "unverified"}, row
