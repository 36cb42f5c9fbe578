"""`make site` always ends: a failure while the release job runs stops the build, ends every child process
and leaves the old site/ as it was; concurrent builds are serialised by a lock."""

from __future__ import annotations

import fcntl
import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from conftest import ROOT
from spf import build_site

SCRIPT = ROOT / "scripts" / "build_site.py"
FAILING_HOOK = """
def on_page_content(html, page, config, files):
    raise RuntimeError("page generation failed on purpose")
"""


def _failing_config(tmp_path: Path) -> Path:
    """mkdocs.yml with absolute folders and a hook that fails the first page, while the release job runs."""
    (tmp_path / "fail_hook.py").write_text(FAILING_HOOK, encoding="utf-8")
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    text = re.sub(r"\nwatch:\n(  - .*\n)+", "\n", text)  # relative to the config's folder; not needed
    text += f"\nhooks:\n  - {tmp_path / 'fail_hook.py'}\n"
    config = tmp_path / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


def _processes_with(marker: str) -> list[int]:
    """Processes whose environment holds marker (every child of the build inherits it)."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit() or int(proc.name) == os.getpid():
            continue
        try:
            if marker.encode() in (proc / "environ").read_bytes():
                found.append(int(proc.name))
        except OSError:
            continue
    return found


@pytest.mark.repo_data
def test_a_failing_generation_ends_the_build_with_no_process_left(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("the good site")
    marker = f"SPF_BUILD_TEST_{uuid.uuid4().hex}"
    # no downloads cache: the release job really runs (and forks the workbook) while the pages fail
    env = {**os.environ, marker: "1", "SPF_CACHE_DIR": ""}
    cmd = [sys.executable, str(SCRIPT), "--site", str(site), "--config", str(_failing_config(tmp_path))]
    result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=30)  # a limit on a hang
    assert result.returncode == 1, result.stdout + result.stderr
    assert "page generation failed on purpose" in result.stderr
    assert (site / "index.html").read_text() == "the good site"
    deadline = time.monotonic() + 5
    while _processes_with(marker) and time.monotonic() < deadline:
        time.sleep(0.1)  # a killed process may take a moment to be reaped
    assert _processes_with(marker) == []


def test_a_second_build_waits_for_the_lock_and_says_so(tmp_path, monkeypatch, capsys):
    lock = tmp_path / "site.lock"
    holder = open(lock, "w")  # noqa: SIM115 - held across the check below
    fcntl.flock(holder, fcntl.LOCK_EX)
    order = []

    def release_soon():
        time.sleep(0.5)
        order.append("released")
        fcntl.flock(holder, fcntl.LOCK_UN)
        holder.close()

    import threading

    threading.Thread(target=release_soon).start()
    with build_site.build_lock(lock):
        order.append("built")
    assert order == ["released", "built"]
    assert "Another site build is running" in capsys.readouterr().err


def test_an_unsafe_resource_name_never_becomes_a_file(tmp_path):
    """The build runs beside the validator, so the plugin refuses such a name itself before writing a page."""
    import json

    from conftest import build_package

    descriptor = build_package(tmp_path / "pkg")
    data = json.loads(descriptor.read_text(encoding="utf-8"))
    data["resources"][-1]["name"] = "../../escaped"
    descriptor.write_text(json.dumps(data), encoding="utf-8")
    staging = tmp_path / "out" / "site"
    with build_site.MkdocsBuild(staging, descriptor) as build:
        code, output = build.wait()
    assert code != 0 and "resource name '../../escaped'" in output
    assert not list(tmp_path.rglob("escaped*"))
