"""Validate the data package: frictionless plus the programme's own rules, every error at once."""

from __future__ import annotations

from pathlib import Path

from spf.forked import Forked
from spf.validator.catalogue import CATALOGUE, ValidationError
from spf.validator.checks import FILE_CHECKS, TABLE_CHECKS, name
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


def _collect(check, ctx: Context) -> list[ValidationError]:
    return list(check.check(ctx))


def _run(checks: list, ctx: Context) -> None:
    """Run one stage of checks as each declares: FORKED ones in forked processes while the others run here,
    AFTER_OTHERS ones last (their prepare() while the forked ones run). Errors are kept in this order:
    forked, the others, after-others, each group in the stage's order."""
    forked = [Forked(f"the {name(c)} check", _collect, c, ctx, nice=NICE) for c in checks if c.FORKED]
    after = [c for c in checks if c.AFTER_OTHERS]
    own = [e for c in checks if not (c.FORKED or c.AFTER_OTHERS) for e in c.check(ctx)]
    for check in after:
        if hasattr(check, "prepare"):
            check.prepare(ctx)
    for job in forked:
        ctx.errors.extend(job.result())
    ctx.errors.extend(own)
    for check in after:
        ctx.errors.extend(check.check(ctx))


def validate(descriptor_path: Path, *, notices: bool = False) -> list[ValidationError]:
    """All errors of the package at `descriptor_path`, each cell reported once, in file and row order; with
    notices=True also the notices (catalogue level "notice", e.g. not-canonical), which never make a package
    invalid."""
    descriptor_path = Path(descriptor_path).resolve()
    ctx = Context(root=descriptor_path.parent, descriptor_path=descriptor_path)
    load_descriptor(ctx)
    if ctx.descriptor is not None:
        _run(FILE_CHECKS, ctx)  # they decide which tables the table checks may open
        _run(TABLE_CHECKS, ctx)
    unique = _one_per_cell(ctx.errors)
    order = {res.get("path"): i for i, res in enumerate((ctx.descriptor or {}).get("resources", []))}
    unique.sort(key=lambda e: (e.path != ctx.descriptor_rel, order.get(e.path, len(order)), e.path, e.row or 0))
    return unique if notices else [e for e in unique if e.level != "notice"]


__all__ = ["CATALOGUE", "ValidationError", "validate"]
