"""The validator's command line: exit codes and the four output formats, run as contributors run it."""

from __future__ import annotations

import json
import re
import subprocess
import sys

from conftest import ROOT
from spf.validator.catalogue import CATALOGUE, make_error
from spf.validator.checks import frictionless_schema
from spf.validator.render import as_github, as_markdown, as_text

SCRIPT = ROOT / "scripts" / "validate.py"


def run(*args):
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, cwd="/"
    )  # not the repo: paths must not depend on the working directory


def test_valid_package_exits_zero(package):
    result = run("--package", package())
    assert result.returncode == 0, result.stdout
    assert "valid" in result.stdout


def test_json_contract(package):
    result = run("--package", package("formula-injection"), "--format", "json")
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert set(report) == {"valid", "errors", "notices"} and report["valid"] is False
    assert len(report["errors"]) == 3
    for err in report["errors"]:
        assert list(err) == ["type", "resource", "path", "row", "field", "message", "hint"]
        assert err["type"] in CATALOGUE
        assert isinstance(err["row"], int) or err["row"] is None
        assert not err["path"].startswith("/")
    first = report["errors"][0]
    assert (first["path"], first["row"], first["field"]) == ("data/countries.csv", 2, "notes")


def test_json_valid_package(package):
    report = json.loads(run("--package", package(), "--format", "json").stdout)
    assert report == {"valid": True, "errors": [], "notices": []}


def test_github_annotations_one_line_per_error(package):
    result = run("--package", package("missing-provenance"), "--format", "github")
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    for line in lines:
        assert re.match(r"^::error file=data/institutional_changes\.csv,line=2,title=[^:]+::\S", line), line


def test_github_escapes_newlines_and_commas():
    err = make_error("frictionless-error", path="data/a,b.csv", row=3, note="line one\nline two")
    out = as_github([err])
    assert "\n" not in out and "%0A" in out and "file=data/a%2Cb.csv" in out


def test_markdown_report(package):
    result = run("--package", package("html-in-text"), "--format", "markdown")
    assert result.returncode == 1
    assert "## ❌ Data check found 1 problem in 1 file" in result.stdout
    assert "| 4 | description |" in result.stdout
    assert "`html-in-text`" in result.stdout


def test_text_names_file_line_and_column(package):
    result = run("--package", package("wrong-type"))
    assert result.returncode == 1
    assert 'data/institutional_changes.csv, line 2, column "people_covered"' in result.stdout
    assert "2.5 million" in result.stdout and "How to fix" in result.stdout
    assert "\033[" not in result.stdout  # no colour when not on a terminal


def test_malformed_descriptor_gives_message_not_traceback(package):
    result = run("--package", package("invalid-json"))
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "line 2" in result.stdout


def test_missing_descriptor(tmp_path):
    result = run("--package", tmp_path / "datapackage.json", "--format", "json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["errors"][0]["type"] == "invalid-descriptor"


def test_all_errors_reported_at_once(package, tmp_path):
    """Errors in several files come out together, not one per run."""
    descriptor = package("insecure-url")
    errors = json.loads(run("--package", descriptor, "--format", "json").stdout)["errors"]
    assert {e["path"] for e in errors} == {"data/sources.csv", "data/countries.csv"}


def test_frictionless_fallback_keeps_the_message():
    """A frictionless error type the catalogue has no words for still reaches the contributor."""

    class Unknown:
        type, row_number, field_name, cell, note = "some-new-error", None, None, None, ""
        message = "Something frictionless found"

    class FakeTable:
        path, name, rows, descriptor = "data/x.csv", "x", [], {"schema": {"fields": []}}

        def field(self, name):
            return {}

    err = frictionless_schema._convert(None, FakeTable(), Unknown())
    assert err.type == "frictionless-error" and "Something frictionless found" in err.message


def test_text_report_counts_problems():
    errors = [make_error("empty-file", path="data/a.csv"), make_error("no-rows", path="data/b.csv")]
    text = as_text(errors)
    assert "2 problems found" in text and "data/a.csv" in text and "data/b.csv" in text
    assert as_markdown([]).startswith("## ✅")


def test_a_row_out_of_order_is_a_notice_with_its_fix(package):
    """not-canonical keeps the package valid: exit 0, `valid` true, the finding under `notices` with the same
    keys as an error, and a ::notice (not ::error) annotation at the line to move."""
    descriptor = package("not-canonical")
    report = json.loads(run("--package", descriptor, "--format", "json").stdout)
    assert report["valid"] is True and report["errors"] == []
    (notice,) = report["notices"]
    assert list(notice) == ["type", "resource", "path", "row", "field", "message", "hint"]
    assert notice["type"] == "not-canonical" and "move line" in notice["hint"]
    github = run("--package", descriptor, "--format", "github")
    assert github.returncode == 0
    assert re.fullmatch(
        rf"::notice file=data/countries\.csv,line={notice['row']},title=[^:]+::.*move line.*\n?", github.stdout
    )
    assert run("--package", descriptor).returncode == 0


def test_a_missing_final_line_ending_is_a_notice(package):
    descriptor = package()
    path = descriptor.parent / "data" / "countries.csv"
    path.write_bytes(path.read_bytes().rstrip(b"\n"))
    lines = path.read_bytes().count(b"\n") + 1
    result = run("--package", descriptor, "--format", "github")
    assert result.returncode == 0
    assert result.stdout.startswith(f"::notice file=data/countries.csv,line={lines},")
    assert "add a line ending after the last line" in result.stdout


# --- any input gets the JSON answer: never a traceback, never a hang ------------------------------------

NASTY_DESCRIPTORS = {
    "deep-nesting": b'{"resources": ' + b"[" * 100_000 + b"]" * 100_000 + b"}",
    "moderately-deep": b'{"resources": [{"name": "x", "path": "data/x.csv", "schema": {"fields": '
    + b"[" * 30
    + b"]" * 30
    + b"}}]}",
    "binary": bytes(range(256)) * 4,
    "nul-bytes": b'{"resources": [{"name": "a\x00b", "path": "data/\x00.csv", "schema": {"fields": []}}]}',
    "null": b"null",
    "name-is-a-list": b'{"resources": [{"name": ["a"], "path": "data/a.csv", "schema": {"fields": []}}]}',
    "fields-not-objects": b'{"resources": [{"name": "partners", "path": "data/partners.csv", '
    b'"schema": {"fields": [1, "x"]}}]}',
}


def test_any_descriptor_gets_a_json_answer(package):
    for name, content in NASTY_DESCRIPTORS.items():
        descriptor = package()
        descriptor.write_bytes(content)
        result = run("--package", descriptor, "--format", "json")
        assert "Traceback" not in result.stderr, (name, result.stderr[-2000:])
        report = json.loads(result.stdout)
        assert result.returncode == 1 and report["valid"] is False and report["errors"], name
        for err in report["errors"]:
            assert err["type"] in CATALOGUE, name


def test_a_huge_descriptor_is_refused_without_reading_it(package, monkeypatch):
    from spf.validator import tables, validate

    monkeypatch.setattr(tables, "MAX_DESCRIPTOR_BYTES", 1000)
    errors = validate(package())
    assert [(e.type, e.path) for e in errors] == [("invalid-descriptor", "datapackage.json")]
    assert "larger than 1,000 bytes" in errors[0].message


def test_text_output_strips_terminal_control_sequences(package):
    descriptor = package()
    changes = descriptor.parent / "data" / "institutional_changes.csv"
    lines = changes.read_text(encoding="utf-8").splitlines(keepends=True)
    # a title-setting OSC, a colour CSI and a hyperlink in a number cell: wrong-type echoes the cell
    evil = "2\x1b]0;pwned\x07\x1b[31mmillion\x1b]8;;https://example.org\x1b\\link\x1b]8;;\x1b\\"
    assert ",2500000," in lines[1]
    lines[1] = lines[1].replace(",2500000,", f",{evil},", 1)
    changes.write_text("".join(lines), encoding="utf-8")
    assert "\\u001b" in run("--package", descriptor, "--format", "json").stdout  # JSON escapes it: it stays exact
    for fmt in ("text", "github", "markdown"):
        result = run("--package", descriptor, "--format", fmt)
        assert result.returncode == 1, result.stdout
        assert "\x1b" not in result.stdout and "\x07" not in result.stdout, fmt
        assert "2million" in result.stdout and "pwned" not in result.stdout, fmt  # the text, not the commands
