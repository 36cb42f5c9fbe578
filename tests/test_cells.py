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
