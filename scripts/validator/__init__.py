"""Validate the data package: frictionless plus the programme's own rules, every error at once."""

from __future__ import annotations

from pathlib import Path

from validator.catalogue import CATALOGUE, ValidationError
from validator.checks import FILE_CHECKS, TABLE_CHECKS
from validator.context import Context, load_descriptor

# Where a programme rule and a generic schema error hit the same cell, the rule's words are clearer.
GENERIC = {"wrong-format", "out-of-range", "not-allowed-value"}


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
        for check in FILE_CHECKS + TABLE_CHECKS:
            ctx.errors.extend(check.check(ctx))
    unique = _one_per_cell(ctx.errors)
    order = {res.get("path"): i for i, res in enumerate((ctx.descriptor or {}).get("resources", []))}
    unique.sort(key=lambda e: (e.path != ctx.descriptor_rel, order.get(e.path, len(order)), e.path, e.row or 0))
    return unique


__all__ = ["CATALOGUE", "ValidationError", "validate"]
