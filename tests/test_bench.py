"""The benchmark's smallest case runs, so `make bench` cannot rot. It asserts the shape of the results,
never a time: performance is measured by `make bench`, not by tests."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.repo_data  # synthetic packages scale the repository's own rows
def test_bench_smoke(tmp_path):
    out = tmp_path / "results.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts/bench.py"), "--smoke", "--out", str(out)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(out.read_text())
    (scale,) = data["scales"]
    assert scale["scale"] == 1 and scale["size"]["pages"] > 50
    for name in ("validate", "frictionless", "bare_build", "site_cold", "site_warm"):
        assert scale[name]["runs"] == 1 and scale[name]["median"] > 0
    assert scale["ratio_pipeline_warm_vs_bare"] > 0 and "x1" in result.stdout


@pytest.mark.repo_data  # synthetic packages scale the repository's own rows
def test_synthetic_packages_are_valid_and_scaled(tmp_path):
    from spf import synthetic
    from spf.validator import validate

    base = synthetic.make(1, tmp_path / "x1")
    bigger = synthetic.make(10, tmp_path / "x10")
    assert validate(bigger) == []
    rows = {p.name: len(p.read_text().splitlines()) for p in (tmp_path / "x10/data").glob("*.csv")}
    base_rows = {p.name: len(p.read_text().splitlines()) for p in (tmp_path / "x1/data").glob("*.csv")}
    assert rows["coverage.csv"] >= 9 * base_rows["coverage.csv"]
    assert rows["institutional_changes.csv"] >= 9 * base_rows["institutional_changes.csv"]
    assert (
        base.read_bytes()
        and synthetic.make(10, tmp_path / "again").parent.joinpath("data/coverage.csv").read_bytes()
        == (tmp_path / "x10/data/coverage.csv").read_bytes()
    )  # fixed seed: same package every time


def test_synthetic_never_writes_into_the_repository():
    import pytest

    from spf import synthetic

    with pytest.raises(ValueError):
        synthetic.make(2, ROOT / "data")


def test_growth_compares_each_scale_with_the_smallest():
    from spf.bench import growth

    def scale(k, pages, rows, seconds):
        return {"scale": k, "rows": rows, "size": {"pages": pages}} | {
            name: {"median": seconds} for name in ("bare_build", "site_warm", "site_cold")
        }

    g = growth([scale(1, 50, 1000, 2.0), scale(10, 200, 10000, 5.0)])
    assert g == {"x10_vs_x1": {"pages": 4.0, "rows": 10.0, "bare_build": 2.5, "site_warm": 2.5, "site_cold": 2.5}}
