"""The engine: the site is built with ProperDocs (a maintained fork of MkDocs 1.x), which stays a drop-in. The same
mkdocs.yml built by ProperDocs and by MkDocs 1.6.1 (both installed: the theme and mkdocs-static-i18n still
require `mkdocs`) gives the same files, byte for byte, apart from the `generator` meta tag of each HTML page."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT
from spf import build_site

GENERATOR = re.compile(rb'<meta name="generator" content="[^"]*">')


def engine_build(engine: str, dest: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("SITE_URL", "SPF_DATAPACKAGE")}
    env["NO_MKDOCS_2_WARNING"] = "1"
    cmd = [sys.executable, "-m", engine, "build", "--strict", "-q", "-f", str(ROOT / "mkdocs.yml"), "-d", str(dest)]
    result = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, f"{engine} build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"


OFFLINE = "downloads/offline/spf-flagship-site.zip"  # the pages again, zipped: compared member by member


def files(site: Path) -> dict[str, bytes]:
    found = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
    if OFFLINE in found:
        with zipfile.ZipFile(io.BytesIO(found.pop(OFFLINE))) as zf:
            found.update({f"{OFFLINE}:{name}": zf.read(name) for name in zf.namelist()})
    return found


def test_make_site_builds_with_properdocs():
    assert build_site.mkdocs_command(Path("out"))[1:4] == ["-m", "properdocs", "build"]


@pytest.mark.repo_data
def test_properdocs_and_mkdocs_build_the_same_site(tmp_path):
    engine_build("properdocs", tmp_path / "properdocs")
    engine_build("mkdocs", tmp_path / "mkdocs")
    proper, plain = files(tmp_path / "properdocs"), files(tmp_path / "mkdocs")
    assert proper.keys() == plain.keys() and len(proper) > 400
    generators = {tag for data in proper.values() for tag in GENERATOR.findall(data)}
    assert any(b"ProperDocs 1.6.7" in g for g in generators), generators  # the build really was ProperDocs'
    different = [name for name in proper if GENERATOR.sub(b"", proper[name]) != GENERATOR.sub(b"", plain[name])]
    assert different == []
    tagged = {name for name, data in proper.items() if GENERATOR.search(data)}
    assert {name for name in proper if proper[name] != plain[name]} == tagged and len(tagged) > 200
    assert any(name.startswith(OFFLINE) for name in tagged)
