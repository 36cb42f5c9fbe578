"""Each validator rule has an invalid fixture named for it; the validator must report exactly the expected
errors (type, file, CSV line, field) for it, and nothing for the valid fixture."""

from __future__ import annotations

from collections import Counter

import pytest

from conftest import fixture_meta, invalid_slugs
from spf.validator import CATALOGUE, validate


def located(errors):
    return Counter((e.type, e.path, e.row, e.field) for e in errors)


def test_valid_fixture_has_no_errors(package):
    assert validate(package()) == []


@pytest.mark.parametrize("slug", invalid_slugs())
def test_invalid_fixture_reports_its_rule(package, slug):
    meta = fixture_meta(slug)
    expected = Counter((e["type"], e["path"], e["row"], e["field"]) for e in meta["expected"] + meta.get("also", []))
    errors = validate(package(slug))
    assert located(errors) == expected, [e.to_dict() for e in errors]
    for err in errors:
        assert err.message.strip() and err.hint.strip(), err
        assert "{" not in err.message + err.hint, f"unfilled template: {err}"


def test_every_rule_has_a_fixture():
    covered = {e["type"] for slug in invalid_slugs() for e in fixture_meta(slug)["expected"]}
    # frictionless-error is the fallback for frictionless errors the catalogue has no words for yet;
    # test_frictionless_fallback covers it.
    assert set(CATALOGUE) - covered == {"frictionless-error"}
