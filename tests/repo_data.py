"""The `repo_data` marker and the check that keeps it complete (hooks imported by conftest.py).

A test marked `repo_data` reads the repository's own data package (data/, datapackage.json) or a site built
from it. Only these can be broken by a contributor's data change, so tests/test_contributor_flow.py runs them
(the tests job's `make test`, narrowed with PYTEST_ARGS, without the browser) on the contributor's copy.

The list stays complete because every test is watched while it sets up and runs: an audit hook notes each file
the test process opens and each process it starts. A test fails, naming what it read and how to fix it, when it
lacks the marker but opened a file of the repository's package, started a process that reads it (one of the
scripts or engines below run in the repository without --package or SPF_DATAPACKAGE pointing elsewhere, or any
command naming a file of the package), or uses a fixture built from it (SITE_FIXTURES)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE_PATHS = (str(ROOT / "data") + os.sep, str(ROOT / "datapackage.json"))
SITE_FIXTURES = {"served_site", "built_site", "site_url"}  # the real package built by `make site`'s code
# commands that read the repository's package unless told another one (--package, SPF_DATAPACKAGE)
READERS = {"validate.py", "format.py", "build_site.py", "diff.py", "serve.py", "bench.py", "properdocs", "mkdocs"}

_watch: dict = {"on": False, "read": []}


def _is_package_file(path) -> bool:
    if not isinstance(path, (str, bytes, os.PathLike)):
        return False
    path = os.path.abspath(os.fsdecode(path))
    return path == PACKAGE_PATHS[1] or path.startswith(PACKAGE_PATHS[0])


def _reads_package(args, cwd, env) -> bool:
    args = [os.fsdecode(a) for a in ([args] if isinstance(args, (str, bytes, os.PathLike)) else args or [])]
    env = os.environ if env is None else env
    if any(_is_package_file(a) for a in args):
        return True
    if os.path.abspath(os.fsdecode(cwd or os.getcwd())) != str(ROOT) and not any(str(ROOT) in a for a in args):
        return False  # a copy of the repository, or a temporary folder
    if "--package" in args or "SPF_DATAPACKAGE" in env:
        return False
    names = {os.path.basename(a) for a in args}
    return bool(names & READERS) or (bool(args) and os.path.basename(args[0]) == "make")


def _audit(event: str, args) -> None:
    if not _watch["on"]:
        return
    if event == "open" and _is_package_file(args[0]):
        _watch["read"].append(os.fsdecode(args[0]))
    elif event == "subprocess.Popen" and _reads_package(args[1], args[2], args[3]):
        _watch["read"].append("a process: " + " ".join(map(os.fsdecode, args[1] or [])))


sys.addaudithook(_audit)


def _unmarked_reads(item) -> list[str]:
    if item.get_closest_marker("repo_data") is not None:
        return []
    found = sorted(SITE_FIXTURES & set(getattr(item, "fixturenames", ())))
    return [f"the fixture {name}" for name in found] + list(dict.fromkeys(_watch["read"]))


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    _watch.update(on=True, read=[])
    try:
        return (yield)
    finally:
        _watch["on"] = False


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    _watch["on"] = True
    try:
        result = yield
    finally:
        _watch["on"] = False
    if reads := _unmarked_reads(item):
        pytest.fail(
            f"{item.nodeid} reads the repository's data package ({'; '.join(reads[:3])}) but is not marked: add "
            "@pytest.mark.repo_data (or `pytestmark = pytest.mark.repo_data` for the module), so that the "
            "contributor test runs it on a contributor's change",
            pytrace=False,
        )
    return result
