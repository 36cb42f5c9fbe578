"""A path from datapackage.json is resolved inside the repository before any tool reads or writes it
(spf.paths.inside): `make format` once rewrote a file outside the repository through a `../` resource path,
and `make diff` printed one. Planted here: nothing outside is read or written."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, VALID

SECRET = "iso3,name\nZZZ,TOPSECRET-outside-the-repository\n"


def git(repo, *args):
    subprocess.run(["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@t", *args], check=True)


@pytest.fixture
def planted(tmp_path):
    """A repository whose descriptor points one resource at a file beside it (outside), in Windows form, so
    that `make format` would want to rewrite it."""
    repo = tmp_path / "repo"
    shutil.copytree(VALID, repo)
    outside = tmp_path / "outside.csv"
    outside.write_bytes(SECRET.replace("\n", "\r\n").encode())
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "base")
    descriptor_path = repo / "datapackage.json"
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    countries = next(r for r in descriptor["resources"] if r["name"] == "countries")
    countries["path"] = "../outside.csv"
    countries["schema"]["fields"] = [{"name": "iso3", "type": "string"}, {"name": "name", "type": "string"}]
    descriptor_path.write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return repo, outside


@pytest.mark.parametrize("value", ["../outside.csv", "/etc/passwd", "data/../../outside.csv", "", None, ["a"]])
def test_inside_refuses_every_way_out(tmp_path, value):
    from spf.paths import OutsideRepository, inside

    (tmp_path / "repo").mkdir()
    with pytest.raises(OutsideRepository):
        inside(tmp_path / "repo", value)


def test_inside_refuses_a_link_out(tmp_path):
    from spf.paths import OutsideRepository, inside

    (tmp_path / "repo" / "data").mkdir(parents=True)
    (tmp_path / "repo" / "data" / "x.csv").symlink_to(tmp_path / "elsewhere.csv")
    with pytest.raises(OutsideRepository):
        inside(tmp_path / "repo", "data/x.csv")
    assert inside(tmp_path / "repo", "data/y.csv") == (tmp_path / "repo" / "data" / "y.csv").resolve()


def test_format_never_writes_outside(planted):
    repo, outside = planted
    before = outside.read_bytes()
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "format.py"), "--package", str(repo / "datapackage.json")],
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert result.returncode == 2, result
    assert "outside the repository" in result.stderr and "Traceback" not in result.stderr
    assert outside.read_bytes() == before
    assert sorted(p.name for p in outside.parent.iterdir()) == ["outside.csv", "repo"]  # no temp file beside it


@pytest.mark.repo_data  # runs scripts/diff.py (on a copy: --repo), which the audit counts as reading the data
def test_diff_never_prints_outside(planted):
    repo, _ = planted
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "diff.py"), "--repo", str(repo), "HEAD"],
        capture_output=True,
        text=True,
        cwd="/",
    )
    assert "TOPSECRET" not in result.stdout + result.stderr
    assert result.returncode == 2 and "outside the repository" in result.stderr, result
