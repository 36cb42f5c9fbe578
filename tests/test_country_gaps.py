"""'What we don't know yet' by focus country (issue 14, item 5): generated from the rows of the package, each
row with a link to propose a source. Checked against the data itself for the fixture and the real package."""

from __future__ import annotations

import pytest

from conftest import ROOT, VALID
from spf.sitegen.package import Package
from spf.sitegen.pages.gaps import country_gaps
from spf.sitegen.text import h

SRC = "what-we-dont-know.md"


@pytest.mark.parametrize("descriptor", [VALID / "datapackage.json", ROOT / "datapackage.json"], ids=["fixture", "real"])
@pytest.mark.repo_data
def test_each_focus_country_lists_exactly_what_its_rows_lack(descriptor):
    pkg = Package.load(descriptor)
    rows = {r["country"].split(">")[1].split("<")[0]: r for r in country_gaps(pkg, SRC)}
    changes, partners = pkg.records("institutional_changes"), pkg.records("partners")
    latest = {i: pkg.coverage_series(i, "sdg131_any_benefit")[-1:] for i in pkg.focus_iso3}
    newest = max(int(s[0]["year"]) for s in latest.values() if s)
    for iso3 in pkg.focus_iso3:
        name = pkg.countries[iso3]["name"]
        own = [c for c in changes if c["iso3"] == iso3]
        expected = []
        if not own:
            expected.append("no institutional change on record")
        elif all(c["programme_link"] != "counted by the programme" for c in own):
            expected.append("no change that a source counts among the programme's results")
        if not latest[iso3]:
            expected.append("no SDG 1.3.1 coverage figure")
        elif int(latest[iso3][0]["year"]) < newest:
            expected.append(f"no SDG 1.3.1 coverage figure since {int(latest[iso3][0]['year'])} (others have {newest})")
        if not any(name in (p["countries"] or "") for p in partners):
            expected.append("no partner on record")
        key = h(name)
        if expected:
            assert rows[key]["missing"] == "; ".join(expected), name
            assert 'href="../contribute/"' in rows[key]["propose"] and name in rows[key]["propose"].replace(
                "&#x27;", "'"
            )
        else:
            assert key not in rows, name
    assert rows  # the packages do lack something: the test reads real rows
