"""Review by design: .github/CODEOWNERS gives an owner to code, workflows, the catalogues and mkdocs.yml, and
the README tells maintainers to replace the placeholder team."""

from __future__ import annotations

import fnmatch

import pytest

from conftest import ROOT

OWNED = [
    "scripts/validator/checks/unsafe_text.py",
    "scripts/sitegen/locale/fr/LC_MESSAGES/messages.po",
    "scripts/sitegen/locale/messages.pot",
    "overrides/main.html",
    "docs/assets/js/register.js",
    ".github/workflows/deploy.yml",
    ".github/CODEOWNERS",
    "mkdocs.yml",
    "Makefile",
    "pyproject.toml",
    "tests/conftest.py",
]


def owners(path: str) -> list[str]:
    """The owners GitHub gives `path`: the last matching pattern's (a subset of its syntax, enough here)."""
    found: list[str] = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        pattern, *who = line.split()
        anchored = pattern.lstrip("/")
        if anchored.endswith("/"):
            hit = path.startswith(anchored)
        else:
            hit = fnmatch.fnmatch(path, anchored)
        if hit:
            found = who
    return found


@pytest.mark.parametrize("path", OWNED)
def test_code_workflows_catalogues_and_settings_have_owners(path):
    assert owners(path), f"{path} has no code owner"


def test_data_is_not_owned_and_the_placeholder_is_explained():
    assert owners("data/countries.csv") == [] and owners("datapackage.json") == []
    placeholder = {o for p in OWNED for o in owners(p)}
    assert placeholder == {"@REPLACE-ME/spf-maintainers"}
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "@REPLACE-ME/spf-maintainers" in readme and "Require review from Code Owners" in readme
