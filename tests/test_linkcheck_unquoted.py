"""The link check reads unquoted attribute values too: `<a href=javascript:…>` is reported, like its quoted form."""

from __future__ import annotations

import pytest

from spf import linkcheck


@pytest.mark.parametrize(
    "anchor",
    [
        '<a href="javascript:alert(1)">x</a>',
        "<a href=javascript:alert(1)>x</a>",
        "<a class=x href=JavaScript:alert(1) title=y>x</a>",
        "<a href = javascript:alert(1)>x</a>",
    ],
)
def test_javascript_links_are_reported_quoted_or_not(tmp_path, anchor):
    (tmp_path / "index.html").write_text(f"<!doctype html><html><body>{anchor}</body></html>", encoding="utf-8")
    problems, _, _ = linkcheck.check(tmp_path)
    assert any("javascript: URL" in p for p in problems), problems


def test_unquoted_internal_links_are_checked(tmp_path):
    (tmp_path / "index.html").write_text("<a href=missing/>x</a>", encoding="utf-8")
    problems, internal, _ = linkcheck.check(tmp_path)
    assert internal == 1 and problems, problems
