"""Tests that guard the docs: the contributor guide lists every validator error, and the guide's links hold."""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from spf.sitegen.pages import errors
from spf.validator.catalogue import CATALOGUE


def test_errors_page_documents_every_slug():
    page = errors.build(None)[0].markdown()
    for slug, kind in CATALOGUE.items():
        block = page.split(f"{{#{slug}}}")[1].split("\n### ")[0]
        assert f"Slug: `{slug}`" in block
        assert "**Example:**" in block and kind.example in block
        assert "**How to fix:**" in block and "**Message:**" in block


@pytest.mark.repo_data
def test_built_errors_page_has_an_anchor_per_slug(built_site):
    html = (built_site / "contribute/errors/index.html").read_text(encoding="utf-8")
    for slug in CATALOGUE:
        assert f'id="{slug}"' in html


def test_contributing_links_exist():
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    for target in re.findall(r"\]\(([^)#]+)\)", text):
        assert (ROOT / target).is_file(), target


def test_markdown_report_links_point_to_documented_anchors():
    from spf.validator.catalogue import make_error
    from spf.validator.render import as_markdown

    err = make_error("missing-value", path="data/x.csv", row=2, field="source_id")
    assert "`missing-value`" in as_markdown([err])
    linked = as_markdown([err], "https://example.org/contribute/errors/")
    assert "[`missing-value`](https://example.org/contribute/errors/#missing-value)" in linked


def test_guide_explains_every_label_and_the_web_editor():
    guide = (ROOT / "docs/contribute/index.md").read_text(encoding="utf-8")
    for label in ("verified", "reported", "unverified"):
        assert f"`{label}`" in guide
    steps = (ROOT / "docs/contribute/add-a-change.md").read_text(encoding="utf-8")
    assert "Edit this file" in steps and "Propose changes" in steps
