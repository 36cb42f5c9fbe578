"""A contributor who only has GitHub's web editor gets a green check for a correct change, and a red one with an
annotation at the line for a wrong value; the tidy workflow then puts main in canonical form.

Every job of pull-request.yml runs, step by step. The `tests` job's step is `make test`, the whole suite: run
inside the suite it would be recursive and far too slow, so here it runs as written with PYTEST_ARGS narrowing it
to the tests marked `repo_data` (those that read the repository's own data package or a site built from it: the
only ones a data change can break; tests/repo_data.py fails any test that reads it unmarked), without the
browser and without this file. The other tests do not read the data, so the change cannot move them.

Each test works on a copy of this repository (its tracked and new files) in a temporary git repository, and runs
the `run:` steps of the real workflow files through bash with the env each step declares. To keep this fast the
copy does not run `make install` from scratch: its .venv is a bare virtual environment (no pip) that reads the
third-party packages of this worktree's .venv (a .pth line) and whose `spf` is the copy's own scripts/ (a
symlink), so every path resolves inside the copy; a fresh stamp makes `make install` a no-op there."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

pytestmark = pytest.mark.repo_data  # copies the repository, data included

WORKFLOWS = ROOT / ".github" / "workflows"
# `make test` of the tests job, on a contributor's change: the tests that read the repository's data
NARROWED = '-m "repo_data and not browser" --ignore=tests/test_contributor_flow.py -p no:cacheprovider -q'

CHANGES = "data/institutional_changes.csv"
BOT = "github-actions[bot]"
# A made-up row for a test copy only: a real country and a real source id, so only the tested value can fail.
ROW = (
    "bdi-901,BDI,2024,2024,2,strategy,Web-editor test row: a national social protection strategy adopted,"
    "{people},people in the test row,unverified,msmeafrica-2025-03,,ILO support,not stated,unverified,"
    "msmeafrica-2025-03,"
)


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Web Editor", "GIT_AUTHOR_EMAIL": "web@example.org"}
    env |= {"GIT_COMMITTER_NAME": "Web Editor", "GIT_COMMITTER_EMAIL": "web@example.org"}
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True, env=env).stdout


def copy_repository(dest: Path) -> Path:
    """This worktree's tracked and new files, committed as `main` in a new repository with origin/main."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard", "-z"], capture_output=True, check=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        if (ROOT / name).is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, dest / name)
    git(dest, "init", "-q", "-b", "main")
    git(dest, "add", "-A")
    git(dest, "commit", "-q", "-m", "base")
    git(dest, "update-ref", "refs/remotes/origin/main", "HEAD")
    venv = dest / ".venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site_packages = venv / "lib" / "python3.11" / "site-packages"
    (site_packages / "worktree-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    (site_packages / "spf").symlink_to(dest / "scripts", target_is_directory=True)
    (venv / ".installed").touch()  # newer than pyproject.toml: `make install` has nothing to do
    return dest


def web_edit(repo: Path, row: str, final_newline: bool) -> int:
    """Append a row at the end of the file, as the web editor saves it; commit. The row's line number."""
    path = repo / CHANGES
    text = path.read_text(encoding="utf-8")
    text = text if text.endswith("\n") else text + "\n"
    path.write_text(text + row + ("\n" if final_newline else ""), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Add a change (web editor)")
    return text.count("\n") + 1


def run_steps(repo: Path, workflow: str, job: str, extra_env: dict[str, str]) -> list[subprocess.CompletedProcess]:
    """Every `run:` step of the job, in order, through bash with the step's env; stops at the first failure
    (as GitHub does for steps without `if:`; the result list shows which steps ran)."""
    spec = yaml.safe_load((WORKFLOWS / workflow).read_text(encoding="utf-8"))
    expressions = {"${{ github.base_ref }}": "main", "${{ secrets.GITHUB_TOKEN }}": ""}
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "SPF_", "SITE_URL"))}
    results = []
    for step in spec["jobs"][job]["steps"]:
        if "run" not in step:
            continue
        env = dict(base, GITHUB_ACTIONS="true", **extra_env)
        for key, value in step.get("env", {}).items():
            for expr, replacement in expressions.items():
                value = value.replace(expr, replacement)
            assert "${{" not in value, f"the test does not know the expression in {key}: {value}"
            env[key] = value
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=repo, env=env, capture_output=True, text=True)
        results.append(result)
        if result.returncode != 0:
            break
    return results


@pytest.fixture
def repo(tmp_path):
    return copy_repository(tmp_path / "repo")


def test_a_correct_row_from_the_web_editor_passes_every_step_of_every_job(repo, tmp_path):
    line = web_edit(repo, ROW.format(people="2500000"), final_newline=False)
    summary, junit = tmp_path / "summary.md", tmp_path / "tests.xml"
    env = {"GITHUB_STEP_SUMMARY": str(summary), "PYTEST_ARGS": f"{NARROWED} --junitxml={junit}"}
    jobs = yaml.safe_load((WORKFLOWS / "pull-request.yml").read_text(encoding="utf-8"))["jobs"]
    results = {job: run_steps(repo, "pull-request.yml", job, env) for job in jobs}
    assert set(results) >= {"data", "tests"}
    for job, ran in results.items():
        for result in ran:
            assert result.returncode == 0, (
                f"{job}: {result.args[-1]}:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
            )
        assert len(ran) == sum(1 for step in jobs[job]["steps"] if "run" in step) >= 1, job
    validate = next(r for r in results["data"] if "make ci-validate" in r.args[-1])
    assert f"::notice file={CHANGES},line={line}," in validate.stdout and "::error" not in validate.stdout
    report = summary.read_text(encoding="utf-8")
    assert "Data check passed" in report
    assert "institutional_changes: 1 rows added, 0 removed, 0 changed" in report  # rows compared by key
    assert "+bdi-901" in report  # the fix, as a diff
    frictionless = subprocess.run(
        [str(repo / ".venv/bin/python"), "-m", "frictionless", "validate", "datapackage.json"],
        cwd=repo,
        capture_output=True,
        text=True,
    )
    assert frictionless.returncode == 0, frictionless.stdout[-3000:]
    page = (repo / "site" / "countries" / "bdi" / "index.html").read_text(encoding="utf-8")
    assert "Web-editor test row: a national social protection strategy adopted" in page
    ran_tests = ET.parse(junit).getroot().iter("testcase")
    names = {f"{case.get('classname')}::{case.get('name')}" for case in ran_tests}
    assert "tests.test_canonical::test_repository_rows_out_of_order_are_a_notice_with_the_fix" in names
    assert len(names) >= 20 and not any(".test_contributor_flow::" in name for name in names)
    assert "+bdi-901" in results["tests"][-1].stdout  # the canonical-order notice, with its fix


def test_a_wrong_value_fails_with_an_annotation_at_its_line(repo):
    line = web_edit(repo, ROW.format(people="2.5 million"), final_newline=True)
    results = run_steps(repo, "pull-request.yml", "data", {})
    failed = results[-1]
    assert failed.returncode != 0 and "make ci-validate" in failed.args[-1]
    assert re.search(rf"^::error file={re.escape(CHANGES)},line={line},.*2\.5 million", failed.stdout, re.M)


def tidy(repo: Path, remote: Path) -> list[subprocess.CompletedProcess]:
    results = run_steps(repo, "tidy.yml", "tidy", {"TIDY_REMOTE": str(remote), "GITHUB_REF_NAME": "main"})
    for result in results:
        assert result.returncode == 0, f"{result.args[-1]}:\n{result.stdout}\n{result.stderr}"
    return results


def test_the_tidy_workflow_changes_nothing_on_a_canonical_main(repo, tmp_path):
    # main as tidy.yml leaves it: canonical (this branch may hold a contributor's row out of order)
    subprocess.run([str(repo / ".venv/bin/python"), "scripts/format.py"], cwd=repo, check=True, capture_output=True)
    if git(repo, "status", "--porcelain"):
        git(repo, "commit", "-q", "-am", "Tidy")
    remote = tmp_path / "remote.git"
    git(repo, "clone", "-q", "--bare", str(repo), str(remote))
    head = git(remote, "rev-parse", "main")
    tidy(repo, remote)
    assert git(remote, "rev-parse", "main") == head and git(repo, "status", "--porcelain") == ""


def test_the_tidy_workflow_puts_an_appended_row_in_place(repo, tmp_path):
    web_edit(repo, ROW.format(people="2500000"), final_newline=False)
    edited = (repo / CHANGES).read_text(encoding="utf-8")
    remote = tmp_path / "remote.git"
    git(repo, "clone", "-q", "--bare", str(repo), str(remote))
    tidy(repo, remote)
    assert git(remote, "log", "-1", "--format=%an", "main").strip() == BOT
    tidied = git(remote, "show", f"main:{CHANGES}")
    assert sorted(tidied.splitlines()) == sorted(edited.splitlines()) and tidied.endswith("\n")
    ids = [line.split(",")[0] for line in tidied.splitlines()[1:]]
    assert ids == sorted(ids) and ids.count("bdi-901") == 1
    assert subprocess.run([str(repo / ".venv/bin/python"), "scripts/format.py", "--check"], cwd=repo).returncode == 0
