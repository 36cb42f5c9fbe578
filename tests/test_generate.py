"""Generated pages: golden files for the fixture package, determinism, literal text and visible gaps.

Refresh the goldens after an intended change with: UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/test_generate.py
and review the diff like any other change.
"""

from __future__ import annotations

import os
import re

import pytest

from conftest import ROOT, VALID
from spf.sitegen.generate import generate
from spf.sitegen.package import Package
from spf.sitegen.pages.gaps import measured_gaps
from spf.sitegen.pages.results import conflicts

GOLDENS = ROOT / "tests" / "goldens"


@pytest.fixture(scope="module")
def fixture_files():
    """Generated pages and chart CSVs of the fixture package (release downloads are tested in test_downloads,
    chart images and embed pages in test_chart_images)."""
    files = generate(VALID / "datapackage.json")
    return {
        k: v
        for k, v in files.items()
        if k.endswith(".md") or (k.startswith("downloads/charts/") and k.endswith(".csv"))
    }


@pytest.mark.repo_data  # views.py reads the repository's headline_figures.csv for measures the fixture lacks
def test_goldens(fixture_files):
    if os.environ.get("UPDATE_GOLDENS"):
        for path in GOLDENS.rglob("*"):
            if path.is_file():
                path.unlink()
        for rel, content in fixture_files.items():
            (GOLDENS / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDENS / rel).write_text(content, encoding="utf-8")
    expected = {p.relative_to(GOLDENS).as_posix() for p in GOLDENS.rglob("*") if p.is_file()}
    assert set(fixture_files) == expected
    for rel, content in fixture_files.items():
        assert content == (GOLDENS / rel).read_text(encoding="utf-8"), f"{rel} differs from its golden file"


def test_generation_is_deterministic(fixture_files):
    again = generate(VALID / "datapackage.json")
    assert {k: again[k] for k in fixture_files} == fixture_files


def test_data_text_is_escaped_for_markdown_and_html(fixture_files):
    page = fixture_files["countries/khm.md"]
    # the fixture description: Social Security Law revised: *all* workers <50 & [over] `5` _insured_ # | \ <b
    # every character Markdown or HTML could act on is an entity (text.h), so not even Markdown sees markup
    expected = "&#42;all&#42; workers &lt;50 &amp; &#91;over&#93; &#96;5&#96; &#95;insured&#95; "
    expected += "&#35; &#124; &#92; &lt;b"
    assert expected in page
    assert "<b" not in page.replace("<br", "").replace("<button", "")  # no raw tag from data


def test_every_country_page_lists_its_sources(fixture_files):
    for rel, content in fixture_files.items():
        if rel.startswith("countries/") and rel != "countries/index.md":
            assert "## Sources used on this page" in content
            assert "https://" in content.split("## Sources used on this page")[1]


def test_country_without_changes_says_so(fixture_files):
    assert "Not documented yet" in fixture_files["countries/sen.md"]
    assert "contribute/" in fixture_files["countries/sen.md"]


def test_every_figure_on_home_has_source_and_label(fixture_files):
    home = fixture_files["index.md"]
    figures = re.findall(r'<div class="kpi__figure.*?</div>', home)
    assert figures
    for fig in figures:
        assert 'class="vlabel vlabel-' in fig and 'href="https://' in fig, fig


def test_conflicting_figures_are_both_kept():
    pkg = Package.load(VALID / "datapackage.json")
    groups = conflicts(pkg)
    legal = [g for g in groups if g[0]["measure"] == "phase1_people_legal"]
    assert len(legal) == 1 and [r["verification"] for r in legal[0]] == ["verified", "unverified"]  # verified first


def test_gaps_are_measured_from_the_data():
    pkg = Package.load(VALID / "datapackage.json")
    gaps = {g["what"]: g for g in measured_gaps(pkg)}
    changes = pkg["institutional_changes"]
    phase1 = gaps["Itemised phase-1 institutional changes"]
    counted = changes[changes["programme_link"] == "counted by the programme"]
    assert phase1["have"] == f"{int((counted['phase'] == 1).sum())} documented and counted by the programme"
    phase2 = gaps["Itemised phase-2 institutional changes"]  # the fixture's phase-2 change is not counted
    assert phase2["have"] == f"{int((counted['phase'] == 2).sum())} documented and counted by the programme"
    assert int((changes["phase"] == 2).sum()) > int((counted["phase"] == 2).sum())
    assert phase1["expected"].startswith(str(int(pkg.figures["phase1_institutional_changes"]["value"])))


def test_chart_csv_holds_exactly_the_chart_data(fixture_files):
    csv_text = fixture_files["downloads/charts/coverage-tgo.csv"]
    lines = csv_text.strip().splitlines()
    assert lines[0] == "series,year,value,verification,source_id,source_title,source_url"
    pkg = Package.load(VALID / "datapackage.json")
    own = pkg.coverage_series("TGO", "sdg131_any_benefit")
    togo_lines = [line for line in lines[1:] if line.startswith("Togo,")]
    assert len(togo_lines) == len(own)
