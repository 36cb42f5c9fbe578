"""scripts/diff.py on a fixture pair: a committed package and an edited working tree, in a temp git repo."""

from __future__ import annotations

import csv
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, VALID

DIFF = ROOT / "scripts" / "diff.py"


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


def rewrite(path, edit):
    with open(path, encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = reader.fieldnames, list(reader)
    rows = edit(rows)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


@pytest.fixture
def repo(tmp_path):
    shutil.copytree(VALID, tmp_path / "pkg")
    repo = tmp_path / "pkg"
    git(repo, "init", "-q")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "add", "-A")
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base")
    return repo


def run(repo, *args):
    return subprocess.run([sys.executable, str(DIFF), "--repo", str(repo), *args], capture_output=True, text=True)


@pytest.mark.repo_data
def test_no_change(repo):
    result = run(repo, "HEAD")
    assert result.returncode == 0 and "No data changed." in result.stdout


@pytest.mark.repo_data
def test_rows_added_removed_changed_in_plain_words(repo):
    def add_change(rows):
        new = dict(
            rows[-1],
            change_id="tgo-002",
            year="2023",
            period="2023",
            description="Social security code adopted",
            people_covered="",
            people_measure="",
            people_verification="",
            people_source_id="",
        )
        return rows + [new]

    def change_figure(rows):
        for r in rows:
            if r["figure_id"] == "phase2_institutional_changes_2021_2024":
                r["value"] = "150"
                r["verification"] = "reported"
        return rows

    rewrite(repo / "data/institutional_changes.csv", add_change)
    rewrite(repo / "data/headline_figures.csv", change_figure)
    rewrite(repo / "data/partners.csv", lambda rows: [r for r in rows if r["partner_id"] != "belgium"])
    out = run(repo, "HEAD").stdout.splitlines()
    assert "institutional_changes: 1 rows added, 0 removed, 0 changed" in out
    assert "  - added: tgo-002 (Social security code adopted)" in out
    assert "partners: 0 rows added, 1 removed, 0 changed" in out
    assert "  - removed: belgium (Belgium)" in out
    assert (
        "  - changed phase2_institutional_changes_2021_2024 (Institutional changes in phase 2 so far): "
        "value: '148' -> '150'; verification: 'verified' -> 'reported'"
    ) in out
    assert (
        "  - Institutional changes in phase 2 so far (2021-2024): 148 institutional changes (verified) -> "
        "150 institutional changes (reported)."
    ) in out
    assert "  - Documented institutional changes: 1 added, 0 removed." in out


@pytest.mark.repo_data
def test_markdown_format_and_new_resource(repo):
    import json

    descriptor = json.loads((repo / "datapackage.json").read_text())
    extra = json.loads(json.dumps(descriptor["resources"][-1]))
    extra.update(name="indicators_copy", path="data/indicators_copy.csv")
    descriptor["resources"].append(extra)
    (repo / "datapackage.json").write_text(json.dumps(descriptor))
    shutil.copy(repo / "data/indicators.csv", repo / "data/indicators_copy.csv")
    out = run(repo, "HEAD", "--format", "markdown").stdout
    assert out.startswith("## Data changes compared with HEAD")
    assert 'schema-changed: the resource "indicators_copy" (added)' in out  # a new resource needs a maintainer
    assert "### indicators_copy: new resource" in out


@pytest.mark.repo_data
def test_unknown_base_is_a_clear_error(repo):
    result = run(repo, "no-such-branch")
    assert result.returncode == 2 and "'no-such-branch' is not a commit" in result.stderr


@pytest.mark.repo_data
def test_a_schema_change_is_a_line_that_needs_a_maintainer(repo):
    import json

    path = repo / "datapackage.json"
    descriptor = json.loads(path.read_text(encoding="utf-8"))
    changes = next(r for r in descriptor["resources"] if r["name"] == "institutional_changes")
    field = next(f for f in changes["schema"]["fields"] if f["name"] == "people_covered")
    field["constraints"].pop("minimum")
    path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    out = run(repo, "HEAD", "--format", "markdown").stdout
    assert "### Needs a maintainer: changes to the pinned schemas (1)" in out
    assert '- schema-changed: the constraints of field "people_covered" in resource "institutional_changes"' in out


@pytest.mark.repo_data
def test_no_schema_line_without_a_schema_change(repo):
    assert "Needs a maintainer" not in run(repo, "HEAD").stdout
