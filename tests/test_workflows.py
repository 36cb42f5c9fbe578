"""The contributor workflow files: they parse, pass actionlint and zizmor, use only Makefile targets, never
run on pull_request_target, pin actions by SHA, and the issue forms ask for country, figure and source."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
BIN = Path(sys.executable).parent
MAKE_TARGETS = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(), re.M))


def load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads the key `on` as True
    return data


def steps(workflow: dict):
    for job in workflow["jobs"].values():
        yield from job.get("steps", [])


def test_there_are_pr_deploy_and_tidy_workflows():
    names = {p.name for p in WORKFLOWS}
    assert {"pull-request.yml", "deploy.yml", "tidy.yml"} <= names


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_safe_and_uses_make(path):
    wf = load(path)
    assert "pull_request_target" not in wf["on"]
    assert wf["permissions"] == {"contents": "read"}
    for step in steps(wf):
        if "uses" in step:
            assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
        if "run" in step:
            command = step["run"].strip()
            m = re.fullmatch(r"make ([a-z-]+)", command)
            assert m and m.group(1) in MAKE_TARGETS, f"{path.name}: '{command}' is not a Makefile target"
        if step.get("uses", "").startswith("actions/checkout@"):
            assert step.get("with", {}).get("persist-credentials") is False


def test_pr_workflow_runs_the_checks_in_order():
    wf = load(ROOT / ".github/workflows/pull-request.yml")
    assert set(wf["on"]) == {"pull_request"}
    runs = [s["run"] for s in steps(wf) if "run" in s]
    for target in ("make install", "make ci-validate", "make ci-diff", "make site", "make test"):
        assert target in runs
    assert runs.index("make ci-validate") < runs.index("make site")
    # canonical form is a notice with its fix (make ci-format passes), never a failing step
    assert "make ci-format" in runs and "make format-check" not in runs
    assert any(s.get("uses", "").startswith("actions/upload-artifact@") for s in steps(wf))


def test_no_workflow_runs_an_expression_or_fails_on_canonical_form():
    for path in WORKFLOWS:
        for step in steps(load(path)):
            assert "${{" not in step.get("run", ""), f"{path.name}: an expression in run: is a script injection risk"
            assert step.get("run") != "make format-check", f"{path.name}: canonical form must not fail a check"


def test_tidy_workflow_formats_main_with_write_access_on_its_job_only():
    wf = load(ROOT / ".github/workflows/tidy.yml")
    assert set(wf["on"]) == {"push"} and wf["on"]["push"]["branches"] == ["main"]
    assert wf["permissions"] == {"contents": "read"}
    (job,) = wf["jobs"].values()
    assert job["permissions"] == {"contents": "write"}
    runs = [s["run"] for s in job["steps"] if "run" in s]
    assert runs == ["make install", "make format", "make ci-tidy-commit"]


def test_deploy_workflow_uses_official_pages_actions_with_minimal_permissions():
    wf = load(ROOT / ".github/workflows/deploy.yml")
    assert set(wf["on"]) == {"push"} and wf["on"]["push"]["branches"] == ["main"]
    uses = [s.get("uses", "").split("@")[0] for s in steps(wf)]
    assert {"actions/upload-pages-artifact", "actions/deploy-pages"} <= set(uses)
    assert wf["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}


def test_actionlint_passes():
    result = subprocess.run([str(BIN / "actionlint"), *map(str, WORKFLOWS)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_offline_reports_no_high_finding():
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--format", "json", str(ROOT / ".github/workflows")],
        capture_output=True,
        text=True,
    )
    findings = json.loads(result.stdout or "[]")
    high = [f for f in findings if f.get("determinations", {}).get("severity", "").lower() == "high"]
    assert high == [], json.dumps(high, indent=1)[:2000]


def test_pre_commit_uses_make_targets():
    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text())
    entries = [h["entry"] for repo in config["repos"] for h in repo["hooks"]]
    assert {"make format-check", "make validate", "make lint"} <= set(entries)
    for entry in entries:
        assert entry.split()[1] in MAKE_TARGETS


@pytest.mark.parametrize("name", ["report-data-error.yml", "propose-result.yml"])
def test_issue_forms_require_country_figure_and_source(name):
    form = yaml.safe_load((ROOT / ".github/ISSUE_TEMPLATE" / name).read_text())
    required = {item["id"] for item in form["body"] if item.get("validations", {}).get("required")}
    assert {"country", "figure", "source_url"} <= required


def test_pr_template_has_a_data_checklist():
    text = (ROOT / ".github/pull_request_template.md").read_text()
    assert text.count("- [ ]") >= 5 and "source_id" in text and "verification" in text


def test_zizmor_check_would_catch_a_dangerous_workflow(tmp_path):
    """The zizmor test above reads severities correctly: a risky workflow yields a high finding."""
    bad = tmp_path / ".github" / "workflows"
    bad.mkdir(parents=True)
    (bad / "bad.yml").write_text(
        "on: pull_request_target\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n"
        "      - uses: actions/checkout@v4\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}\n"
        "      - run: echo ${{ github.event.pull_request.title }}\n"
    )
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--format", "json", str(bad)], capture_output=True, text=True
    )
    findings = json.loads(result.stdout or "[]")
    assert any(f["determinations"]["severity"].lower() == "high" for f in findings)
