"""Charts and headline cards declared in views.yml: they load, a typo stops the build with a clear message,
and the chart ids (and so the chart CSV URLs) stay what they were."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT, VALID
from spf.paths import DATAPACKAGE
from spf.sitegen import charts, views
from spf.sitegen.generate import PAGE_MODULES, generate
from spf.sitegen.package import Package

STABLE_IDS = ROOT / "tests" / "chart_ids.txt"


def measures_of(descriptor) -> set[str]:
    return {r["measure"] for r in Package.load(descriptor).figures.values()}


@pytest.fixture
def declared(tmp_path, monkeypatch):
    """A copy of views.yml that a test may edit; the build reads the copy."""
    path = tmp_path / "views.yml"
    path.write_text(views.VIEWS_YML.read_text(encoding="utf-8"), encoding="utf-8")
    monkeypatch.setattr(views, "VIEWS_YML", path)
    views._loaded.cache_clear()
    yield path
    views._loaded.cache_clear()


def edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.repo_data
def test_declarations_load_and_name_known_things():
    loaded = views.parse()
    assert loaded.cards and loaded.charts
    assert {c.kind for c in loaded.charts} <= set(charts.KINDS)
    assert loaded.tables
    assert {v.page for v in loaded.all} <= set(views.PAGES)
    used = {m for v in loaded.all for m in v.message_ids()}
    assert used <= set(loaded.messages)
    views.check(loaded, measures_of(DATAPACKAGE))  # every declared measure is in the shipped package
    declared = {m for view in loaded.all for m in view.all_measures}
    assert declared <= measures_of(DATAPACKAGE)


def test_an_unknown_measure_id_fails_the_build_with_a_clear_message(declared):
    edit(declared, "measure: phase2_people,", "measure: phase2_peple,")
    with pytest.raises(views.ViewError) as err:
        generate(VALID / "datapackage.json")
    message = str(err.value)
    assert "views.yml" in message and "'home-phase2-people'" in message and "'phase2_peple'" in message
    assert "phase2_people" in message.split("Known measure ids:")[1]  # the known ids are listed
    assert "To fix it:" in message


def test_an_unknown_chart_measure_fails_too(declared):
    edit(declared, "measures: [phase2_budget]", "measures: [phase2_budgett]")
    with pytest.raises(views.ViewError, match=r"'funding-phase2-budget'.*'phase2_budgett'"):
        generate(VALID / "datapackage.json")


def test_an_unknown_table_measure_fails_too(declared):
    edit(declared, "measures: [sdg131_world]", "measures: [sdg131_wrld]")
    with pytest.raises(views.ViewError, match=r"'context-world-comparison'.*'sdg131_wrld'"):
        generate(VALID / "datapackage.json")


def test_an_unknown_chart_kind_fails_the_build(declared):
    edit(declared, "kind: line", "kind: pie")
    with pytest.raises(views.ViewError, match=r"unknown chart kind 'pie'") as err:
        generate(VALID / "datapackage.json")
    assert "bar, line, map" in str(err.value)


def test_an_unknown_message_id_fails_the_build(declared):
    edit(declared, "title: card.phase2_people.title", "title: card.phase2_peopel.title")
    with pytest.raises(views.ViewError, match=r"unknown message id 'card.phase2_peopel.title'"):
        generate(VALID / "datapackage.json")


def test_a_measure_absent_from_a_smaller_package_is_only_left_out():
    """The fixture package lacks some declared measures that the shipped package has: the build goes on
    without those cards and charts (the goldens show which)."""
    loaded = views.parse()
    fixture = measures_of(VALID / "datapackage.json")
    declared = {m for view in loaded.all for m in view.all_measures}
    assert declared - fixture  # the case exists
    views.check(loaded, fixture)
    index = generate(VALID / "datapackage.json")["index.md"]
    assert "Countries supported" not in index  # phase1_focus_countries is not in the fixture


@pytest.fixture(scope="module")
def shipped_chart_csvs() -> list[str]:
    """The chart CSVs that generating the shipped package writes."""
    return sorted(k for k in generate(DATAPACKAGE) if k.startswith("downloads/charts/") and k.endswith(".csv"))


@pytest.mark.repo_data
def test_chart_ids_and_csv_urls_are_stable(shipped_chart_csvs):
    expected = [line for line in STABLE_IDS.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    assert shipped_chart_csvs == sorted(f"downloads/charts/{i}.csv" for i in expected)
    pkg = Package.load(DATAPACKAGE)
    ids = sorted(spec.id for module in PAGE_MODULES for page in module.build(pkg) for spec in page.charts)
    assert ids == sorted(expected)  # the element ids on the pages are the same ids


def test_every_declared_chart_is_built_for_the_shipped_package(shipped_chart_csvs):
    for chart in views.parse().charts:
        pattern = "downloads/charts/" + re.escape(chart.id).replace(re.escape("{iso3}"), "[a-z]{3}") + r"\.csv"
        assert any(re.fullmatch(pattern, p) for p in shipped_chart_csvs), f"{chart.id} is declared but not built"
