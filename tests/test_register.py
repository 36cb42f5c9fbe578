"""The register of institutional changes as a tool (issue 14, item 2), in real chromium on the built site of the
real package: the filters show exactly the matching rows, the order by date holds, the downloaded CSV is the
rows shown (checked against data/institutional_changes.csv), and without JavaScript the whole table is there."""

from __future__ import annotations

import csv
import io

import pytest

from conftest import ROOT
from spf.canonical import read_rows
from spf.sitegen.register import CSV_FIELDS, date_key

pytestmark = pytest.mark.browser
URL = "/institutional-changes/"


@pytest.fixture(scope="module")
def changes() -> list[dict]:
    return read_rows(ROOT / "data" / "institutional_changes.csv")


@pytest.fixture
def tool(browser, site_url):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    pg = context.new_page()
    pg.errors = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.goto(site_url + URL, wait_until="load")
    pg.locator("#register-filters").wait_for(state="visible")
    yield pg
    assert pg.errors == []
    context.close()


def shown_ids(pg) -> list[str]:
    return pg.eval_on_selector_all(
        "#register-table tbody tr:not([hidden])", "rows => rows.map(r => JSON.parse(r.dataset.row).change_id)"
    )


def downloaded(pg) -> list[dict]:
    with pg.expect_download() as info:
        pg.click("#register-csv")
    text = open(info.value.path(), encoding="utf-8").read()
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.repo_data
def test_filters_show_exactly_the_matching_rows(tool, changes):
    assert sorted(shown_ids(tool)) == sorted(c["change_id"] for c in changes)
    tool.select_option("#register-programme_link", "not stated")
    tool.select_option("#register-step", "law")
    expected = [c for c in changes if c["programme_link"] == "not stated" and c["step"] == "law"]
    assert expected and sorted(shown_ids(tool)) == sorted(c["change_id"] for c in expected)
    assert tool.inner_text("#register-count") == f"Showing {len(expected)} of {len(changes)} changes."
    tool.select_option("#register-step", "")
    iso3 = max({c["iso3"] for c in changes}, key=lambda i: sum(c["iso3"] == i for c in changes))
    tool.select_option("#register-iso3", iso3)
    tool.select_option("#register-verification", "verified")
    expected = [c for c in changes if c["iso3"] == iso3 and c["verification"] == "verified" and
                c["programme_link"] == "not stated"]  # fmt: skip
    assert sorted(shown_ids(tool)) == sorted(c["change_id"] for c in expected)


@pytest.mark.repo_data
def test_phase_filter_and_order_by_date(tool, changes):
    tool.select_option("#register-phase", "2")
    tool.select_option("#register-sort", "desc")
    ids = shown_ids(tool)
    by_id = {c["change_id"]: c for c in changes}
    assert sorted(ids) == sorted(c["change_id"] for c in changes if c["phase"] == "2")
    dates = [date_key(by_id[i]) for i in ids]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True) and dates == dated + [""] * (len(dates) - len(dated))
    tool.select_option("#register-sort", "asc")
    dated = [d for d in (date_key(by_id[i]) for i in shown_ids(tool)) if d]
    assert dated == sorted(dated) and len(set(dated)) > 1


@pytest.mark.repo_data
def test_the_csv_holds_the_rows_shown(tool, changes):
    tool.select_option("#register-programme_link", "not stated")
    tool.select_option("#register-sort", "asc")
    rows = downloaded(tool)
    assert [r["change_id"] for r in rows] == shown_ids(tool)
    by_id = {c["change_id"]: c for c in changes}
    assert list(rows[0]) == CSV_FIELDS
    for row in rows:
        source = by_id[row["change_id"]]
        assert row["programme_link"] == "not stated"
        for field in ("iso3", "description", "step", "phase", "verification", "source_id", "people_covered"):
            assert row[field] == source[field], (row["change_id"], field)
        assert row["source_url"].startswith("https://")


@pytest.mark.repo_data
def test_without_javascript_the_whole_register_is_a_plain_table(browser, site_url, changes):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(site_url + URL, wait_until="load")
    assert pg.locator("#register-table caption").inner_text() == "The register of institutional changes"
    assert pg.locator("#register-table tbody tr").count() == len(changes)
    assert pg.locator("#register-table tbody tr:visible").count() == len(changes)
    assert not pg.locator("#register-filters").is_visible()  # no controls that cannot work
    context.close()
