"""The package's CSVs are in canonical form, and `scripts/format.py` puts a shuffled file back."""

from __future__ import annotations

import random
import shutil
import subprocess
import sys
import warnings
from pathlib import Path

import pytest

from conftest import ROOT
from spf.canonical import canonical_text, load_descriptor, read_rows

FORMAT = ROOT / "scripts" / "format.py"


def run_format(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(FORMAT), *args], capture_output=True, text=True)


@pytest.mark.repo_data
def test_repository_rows_out_of_order_are_a_notice_with_the_fix():
    """The pull-request workflow's rule (`make ci-format`): rows out of key order, as GitHub's web editor leaves
    a row appended at the end, are a notice that shows the fix, never a failure; tidy.yml makes main canonical
    after the merge. A file that format.py cannot read exactly still fails (exit 2)."""
    advise, check = run_format("--advise"), run_format("--check")
    assert advise.returncode == 0, advise.stderr
    if check.returncode == 0:
        assert advise.stdout.strip() == "Every CSV file is in canonical form."
        return
    assert check.returncode == 1, check.stderr
    for line in check.stdout.splitlines():  # "would rewrite data/x.csv": each with its diff
        assert f"### `{line.removeprefix('would rewrite ')}`" in advise.stdout
    assert "a bot runs `make format` on `main`" in advise.stdout
    warnings.warn(NotCanonical(advise.stdout), stacklevel=1)


class NotCanonical(UserWarning):
    """A notice (pytest's warnings summary), as the workflow's ::notice: rows out of order, with the fix."""


def copy_package(dest: Path) -> Path:
    (dest / "data").mkdir(parents=True)
    shutil.copy2(ROOT / "datapackage.json", dest / "datapackage.json")
    for csv in (ROOT / "data").glob("*.csv"):
        shutil.copy2(csv, dest / "data" / csv.name)
    return dest / "datapackage.json"


@pytest.mark.repo_data
def test_make_format_changes_nothing_on_a_canonical_tree(tmp_path):
    """The repository's package in canonical form, as tidy.yml leaves main: `make format` changes no byte."""
    descriptor = copy_package(tmp_path)
    assert run_format("--package", str(descriptor)).returncode == 0  # canonical now, whatever the branch holds
    before = {p.name: p.read_bytes() for p in (tmp_path / "data").glob("*.csv")}
    again = run_format("--package", str(descriptor))
    assert again.returncode == 0 and "rewrote" not in again.stdout.lower(), again.stdout
    assert {p.name: p.read_bytes() for p in (tmp_path / "data").glob("*.csv")} == before and len(before) > 5
    assert run_format("--check", "--package", str(descriptor)).returncode == 0


def test_a_row_appended_at_the_end_is_a_notice_with_its_fix(package):
    """A web-editor change: the first row moved to the end, no final newline. --check finds it; --advise passes
    and shows the fix as a diff."""
    descriptor = package()
    path = descriptor.parent / "data" / "coverage.csv"
    header, first, *rest = path.read_text(encoding="utf-8").splitlines()
    path.write_text("\n".join([header, *rest, first]), encoding="utf-8")
    assert run_format("--check", "--package", str(descriptor)).returncode == 1
    advise = run_format("--advise", "--package", str(descriptor))
    assert advise.returncode == 0 and "### `data/coverage.csv`" in advise.stdout
    assert f"+{first}" in advise.stdout.splitlines() and f"-{first}" in advise.stdout.splitlines()


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


@pytest.mark.repo_data
def test_sort_is_numeric_for_number_keys():
    descriptor = load_descriptor()
    coverage = next(r for r in descriptor["resources"] if r["name"] == "coverage")
    rows = [{"area_code": "TGO", "indicator": "x", "year": y, "value": "1"} for y in ("2020", "2019", "999")]
    text = canonical_text(coverage, rows)
    years = [line.split(",")[4] for line in text.splitlines()[1:]]
    assert years == ["999", "2019", "2020"]


@pytest.mark.repo_data
def test_real_package_rows_have_provenance():
    """Every row of every figure-bearing resource names a source and a verification label."""
    descriptor = load_descriptor()
    for res in descriptor["resources"]:
        names = [f["name"] for f in res["schema"]["fields"]]
        if "verification" not in names:
            continue
        for row in read_rows(ROOT / res["path"]):
            assert row["source_id"] and row["verification"] in {"verified", "reported", "unverified"}, row
