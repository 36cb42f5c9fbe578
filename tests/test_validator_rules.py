"""Each validator rule has an invalid fixture named for it; the validator must report exactly the expected
errors (type, file, CSV line, field) for it, and nothing for the valid fixture."""

from __future__ import annotations

from collections import Counter
from string import Formatter

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
    errors = validate(package(slug), notices=True)
    assert located(errors) == expected, [e.to_dict() for e in errors]
    for err in errors:
        assert err.message.strip() and err.hint.strip(), err
        kind = CATALOGUE[err.type]  # a message may quote braces (a msgid's {n}); a template's own field may not stay
        fields = {name for _, name, _, _ in Formatter().parse(kind.template + kind.hint) if name}
        assert not any("{" + name + "}" in err.message + err.hint for name in fields), f"unfilled template: {err}"


def test_every_rule_has_a_fixture():
    covered = {e["type"] for slug in invalid_slugs() for e in fixture_meta(slug)["expected"]}
    # frictionless-error is the fallback for frictionless errors the catalogue has no words for yet;
    # test_frictionless_fallback covers it.
    assert set(CATALOGUE) - covered == {"frictionless-error"}


def test_the_checks_declare_exactly_the_catalogues_errors():
    from spf.validator import checks, tables

    declared = set(tables.ERRORS).union(*(check.ERRORS for check in checks.ALL))
    assert declared == set(CATALOGUE)
    for check in checks.ALL:
        assert isinstance(check.FORKED, bool) and isinstance(check.AFTER_OTHERS, bool), check.__name__
        assert not (check.FORKED and check.AFTER_OTHERS), check.__name__


@pytest.mark.parametrize("slug", invalid_slugs())
def test_every_check_reports_only_the_errors_it_declares(package, slug, monkeypatch):
    from spf.validator import checks

    def declared_only(check, real):
        def run(ctx):
            for err in real(ctx):
                assert err.type in check.ERRORS, f"{check.__name__} reported undeclared {err.type}"
                yield err

        return run

    for check in checks.ALL:  # the forked child inherits the patch; its failure comes back as RuntimeError
        monkeypatch.setattr(check, "check", declared_only(check, check.check))
    validate(package(slug), notices=True)


def test_validate_runs_each_check_as_it_declares(package, monkeypatch):
    import os
    import types

    from spf import validator
    from spf.validator.catalogue import make_error

    seen_by_last: list[str] = []

    def report(where: str, row: int):
        return make_error("invalid-iso3", path="datapackage.json", value=where, row=row, field="iso3")

    forked = types.SimpleNamespace(
        __name__="forked", FORKED=True, AFTER_OTHERS=False, check=lambda ctx: [report(f"pid {os.getpid()}", 1)]
    )
    plain = types.SimpleNamespace(
        __name__="plain", FORKED=False, AFTER_OTHERS=False, check=lambda ctx: [report("here", 2)]
    )

    def last_check(ctx):
        seen_by_last.extend(e.extra["value"] for e in ctx.errors)
        return []

    last = types.SimpleNamespace(__name__="last", FORKED=False, AFTER_OTHERS=True, check=last_check)
    monkeypatch.setattr(validator, "TABLE_CHECKS", [last, plain, forked])
    errors = validate(package())
    # the last check saw both others' errors, the forked one's first, and that one ran in another process
    assert len(seen_by_last) == 2 and seen_by_last[1] == "here"
    assert seen_by_last[0].startswith("pid ") and seen_by_last[0] != f"pid {os.getpid()}"
    assert [e.extra["value"] for e in errors] == seen_by_last
