"""The fixes the figure check found (issue 14, item 4), on the real package: branch names, targets with their
sources, every disagreement in one table, the register's total named for what it is, 180+ staff shown."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import ROOT
from spf.sitegen.figures import Fig
from spf.sitegen.generate import generate
from spf.sitegen.package import Package
from spf.sitegen.pages.global_context import names
from spf.sitegen.pages.results import conflicts
from spf.sitegen.text import h


@pytest.fixture(scope="module")
def pkg():
    return Package.load(ROOT / "datapackage.json")


@pytest.fixture(scope="module")
def files():
    return generate(ROOT / "datapackage.json")


def chart_rows(files, chart_id: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(files[f"downloads/charts/{chart_id}.csv"])))


@pytest.mark.repo_data
def test_branch_chart_names_each_branch(files, pkg):
    rows = chart_rows(files, "context-coverage-branch")
    branches = {r["label"] for r in pkg.figures.values() if r["topic"] == "coverage_branch"}
    assert len({r["what"] for r in rows}) == len(branches) == len(rows)
    assert not any(r["what"].lower() == "world" for r in rows)


def test_names_keep_the_part_that_differs():
    assert names(["Maternity: world", "Disability: world"]) == ["Maternity", "Disability"]
    assert names(["Spending: high-income", "Spending: low-income"]) == ["high-income", "low-income"]
    assert names(["A: x", "B: y"]) == ["A: x", "B: y"]


def test_targets_are_rows_of_their_charts_data_with_their_source(files, pkg):
    for chart_id, measure in (("results-phase2-people", "phase2_people"),
                              ("results-phase2-changes", "phase2_institutional_changes")):  # fmt: skip
        rows = chart_rows(files, chart_id)
        targets = pkg.measure(measure, targets=True)
        shown = [r for r in rows if r["qualifier"] == "target"]
        assert targets and len(shown) == len(targets)
        for row, target in zip(shown, targets, strict=True):
            assert row["source_id"] == target["source_id"] and row["source_url"].startswith("https://")
            assert row["series"].startswith("Target")


def test_the_floor_target_says_over(files):
    assert "over 90 institutional changes (2021-2025, unverified)" in files["results.md"]


def test_every_disagreement_is_in_one_table(files, pkg):
    groups = conflicts(pkg)
    values = [{float(r["value"]) for r in g} for g in groups]
    assert {75e6, 70e6} in values  # the funding gap: ILO news 2021 against the 2022 prototype
    assert {30e6, 25e6} in values  # one ILO news item: 30 million in its title, 25 million in its text
    page = files["results.md"].split("## Figures that disagree")[1]
    assert page.count("<table") == 1 and "<caption>Figures that disagree" in page
    assert all(Fig.of(r).words() in page for g in groups for r in g)


def test_the_register_compares_with_the_published_total_not_a_press_figure(files, pkg):
    rows = chart_rows(files, "changes-documented-vs-reported")
    phase2 = [r for r in rows if r["phase"] == "Phase 2" and r["verification"] != "computed"]
    latest_verified = [r for r in pkg.measure("phase2_institutional_changes", False) if r["verification"] == "verified"]
    assert [float(r["value"]) for r in phase2] == [float(latest_verified[-1]["value"])]
    assert phase2[0]["series"] == "Total published by the ILO"
    assert "Total reported by the ILO" not in files["institutional-changes.md"]


def test_programme_figures_without_a_card_are_on_the_results_page(files, pkg):
    staff = pkg.figures["phase2_global_technical_team_staff"]
    section = files["results.md"].split("## Other figures about the programme")[1].split("## ")[0]
    assert f"{Fig.of(staff).words()}</td>" in section and staff["source_id"] in pkg.sources
    assert h(pkg.sources[staff["source_id"]]["url"]) in section  # as the page writes it: escaped (text.h)
