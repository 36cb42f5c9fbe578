"""The chart renderer: every generated figure is a valid Plotly figure, small, and themable by the loader."""

from __future__ import annotations

import json

import plotly.graph_objects as go
import pytest

from conftest import VALID
from spf.sitegen import charts
from spf.sitegen.charts import ChartSpec, trend_sentence
from spf.sitegen.components import Column
from spf.sitegen.generate import PAGE_MODULES
from spf.sitegen.package import Package


def all_specs(descriptor):
    pkg = Package.load(descriptor)
    return [spec for module in PAGE_MODULES for page in module.build(pkg) for spec in page.charts]


@pytest.fixture(scope="module")
def specs():
    return all_specs(VALID / "datapackage.json")


@pytest.mark.repo_data  # views.py reads the repository's headline_figures.csv for measures the fixture lacks
def test_every_figure_validates_with_plotly(specs):
    assert specs
    for spec in specs:
        fig = charts.figure(spec)
        go.Figure(fig)  # raises on any property plotly.js would not understand
        assert "template" not in fig["layout"]
        assert fig["layout"]["paper_bgcolor"] == "rgba(0,0,0,0)"


def test_every_chart_has_title_summary_source_and_label(specs):
    for spec in specs:
        assert spec.title and spec.summary.endswith(".")
        keys = [c.key for c in spec.columns]
        assert "verification" in keys and "source_id" in keys, spec.id
        assert all(row.get("verification") for row in spec.data), spec.id


def test_unverified_bars_are_hatched():
    spec = ChartSpec(
        id="t",
        title="T",
        kind="bar",
        x="x",
        y="y",
        unit="people",
        summary="S.",
        columns=[],
        data=[{"x": "a", "y": 1, "verification": "verified"}, {"x": "b", "y": 2, "verification": "unverified"}],
    )
    trace = charts.figure(spec)["data"][0]
    assert trace["marker"]["pattern"]["shape"] == ["", "/"]
    assert trace["text"][1].endswith("(unverified)") and "unverified" not in trace["text"][0]


def test_spec_rejects_unknown_kind_and_empty_data():
    with pytest.raises(ValueError, match="unknown chart kind"):
        ChartSpec(id="t", title="T", kind="pie", data=[{"x": 1}], x="x", y="y", unit="", summary="", columns=[])
    with pytest.raises(ValueError, match="no data"):
        ChartSpec(id="t", title="T", kind="bar", data=[], x="x", y="y", unit="", summary="", columns=[])


def test_block_embeds_escaped_json_table_and_csv_link():
    spec = ChartSpec(
        id="demo",
        title='A "quoted" <title>',
        kind="line",
        x="year",
        y="value",
        unit="percent",
        summary="S.",
        columns=[Column("year", "Year"), Column("value", "Value", True)],
        data=[{"year": 2020, "value": 1.5, "verification": "reported"}],
    )
    html = charts.block(spec, "countries/tgo.md")
    attr = html.split('data-figure="')[1].split('"')[0]
    import html as htmllib

    assert json.loads(htmllib.unescape(attr))["data"][0]["y"] == [1.5]
    assert "&lt;title&gt;" in html and "<title>" not in html
    assert 'href="../../downloads/charts/demo.csv"' in html
    assert "<details" in html and "<table" in html


def test_trend_sentence():
    rows = [{"year": 2015, "value": 10.0}, {"year": 2023, "value": 12.5}]
    assert trend_sentence("Coverage in X", rows) == "Coverage in X rose from 10 % in 2015 to 12.5 % in 2023."
    assert trend_sentence("C", rows[::-1]).startswith("C fell from 12.5 %")
    assert "one year of data" in trend_sentence("C", rows[:1])


# The loader picks plotly-geo for a page with a map and plotly-basic otherwise (docs/assets/js/charts.js);
# a trace type missing from the bundle draws an empty frame without any error, so this is checked here.
BUNDLES = {"basic": {"scatter", "bar"}, "geo": {"scatter", "choropleth"}}


@pytest.mark.repo_data
def test_every_page_is_covered_by_the_bundle_it_loads():
    from spf.paths import DATAPACKAGE

    pkg = Package.load(DATAPACKAGE)
    for module in PAGE_MODULES:
        for page in module.build(pkg):
            types = {t["type"] for spec in page.charts for t in charts.figure(spec)["data"]}
            if not types:
                continue
            bundle = "geo" if "choropleth" in types else "basic"
            assert types <= BUNDLES[bundle], (page.src, types)


def test_vendored_bundles_register_the_expected_traces():
    import re

    from conftest import ROOT

    vendor = ROOT / "docs/assets/vendor/plotly"
    assert (vendor / "LICENSE").is_file()
    for name, expected in BUNDLES.items():
        text = (vendor / f"plotly-{name}.min.js").read_text(encoding="utf-8")
        assert set(re.findall(r'moduleType:"trace",name:"(\w+)"', text)) == expected
