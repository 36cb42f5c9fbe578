"""Validate the data package: frictionless plus the programme's own rules, every error at once."""

from __future__ import annotations

from pathlib import Path

from spf.forked import Forked
from spf.validator.catalogue import CATALOGUE, ValidationError
from spf.validator.checks import FILE_CHECKS, TABLE_CHECKS, canonical_form, frictionless_schema
from spf.validator.tables import Context, load_descriptor

# Lower priority for the frictionless process: alone it changes nothing, and during `make site` it lets the
# build and the release downloads, which take longer, have the cores first.
NICE = 10

# Where a programme rule and a generic schema error hit the same cell, the rule's words are clearer.
GENERIC = {"wrong-format", "out-of-range"}


def _one_per_cell(errors: list[ValidationError]) -> list[ValidationError]:
    kept: dict[tuple, ValidationError] = {}
    unique: list[ValidationError] = []
    for err in errors:
        if err.row is None and err.field is None:
            unique.append(err)
            continue
        key = (err.path, err.resource, err.row, err.field)
        if key not in kept:
            kept[key] = err
            unique.append(err)
        elif kept[key].type in GENERIC and err.type not in GENERIC:
            unique[unique.index(kept[key])] = err
            kept[key] = err
    return unique


def validate(descriptor_path: Path) -> list[ValidationError]:
    """All errors of the package at `descriptor_path`, each cell reported once, in file and row order."""
    descriptor_path = Path(descriptor_path).resolve()
    ctx = Context(root=descriptor_path.parent, descriptor_path=descriptor_path)
    load_descriptor(ctx)
    if ctx.descriptor is not None:
        for check in FILE_CHECKS:
            ctx.errors.extend(check.check(ctx))
        # frictionless is the slow part: it runs in a forked process while our own rules run here
        pending = Forked("the frictionless check", lambda: list(frictionless_schema.check(ctx)), nice=NICE)
        own = [
            e for check in TABLE_CHECKS if check not in (frictionless_schema, canonical_form) for e in check.check(ctx)
        ]
        layout = canonical_form.reasons(ctx)
        ctx.errors.extend(pending.result())
        ctx.errors.extend(own)
        ctx.errors.extend(canonical_form.check(ctx, layout))  # reported only for tables without other errors
    unique = _one_per_cell(ctx.errors)
    order = {res.get("path"): i for i, res in enumerate((ctx.descriptor or {}).get("resources", []))}
    unique.sort(key=lambda e: (e.path != ctx.descriptor_rel, order.get(e.path, len(order)), e.path, e.row or 0))
    return unique


__all__ = ["CATALOGUE", "ValidationError", "validate"]
