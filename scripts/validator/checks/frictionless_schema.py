"""Runs frictionless on every readable table (types, constraints, keys, header and row shape) and
rewrites each of its errors as a catalogue error in plain words, located by CSV line number."""

from __future__ import annotations

import copy
import re

from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = [
    "wrong-type",
    "missing-value",
    "not-allowed-value",
    "wrong-format",
    "out-of-range",
    "duplicate-id",
    "unknown-reference",
    "missing-column",
    "extra-column",
    "wrong-column",
    "duplicate-column",
    "missing-cell",
    "extra-cell",
    "blank-row",
    "frictionless-error",
    "invalid-descriptor",
]
FORKED = True  # the slow check: it runs in a forked process while the others run here
AFTER_OTHERS = False

TYPE_WORDS = {
    "integer": (
        "a whole number",
        "Write a whole number with digits only: no spaces, commas, units or words "
        "(2500000, not 2.5 million or 2,500,000).",
    ),
    "number": ("a number", "Write a number with digits and a decimal point only (52.4, not 52,4 or 52.4 %)."),
    "date": ("a date", "Write dates as YYYY-MM-DD, e.g. 2021-10-07."),
    "year": ("a year", "Write a four-digit year, e.g. 2021."),
    "boolean": ("true or false", "Write true or false."),
}
SIMPLE = {
    "missing-label": "missing-column",
    "extra-label": "extra-column",
    "incorrect-label": "wrong-column",
    "duplicate-label": "duplicate-column",
    "blank-label": "wrong-column",
    "missing-cell": "missing-cell",
    "extra-cell": "extra-cell",
    "blank-row": "blank-row",
}


def _descriptor_for(ctx: Context) -> dict:
    names = {r["name"] for r in ctx.readable}
    package = {k: v for k, v in ctx.descriptor.items() if k != "resources"}
    package["resources"] = []
    for res in ctx.readable:
        res = copy.deepcopy(res)
        res.pop("bytes", None)  # checked by stale_checksum with a clearer message
        res.pop("hash", None)
        fks = res.get("schema", {}).get("foreignKeys", [])
        res.get("schema", {})["foreignKeys"] = [
            fk for fk in fks if fk.get("reference", {}).get("resource", "") in names | {""}
        ]
        package["resources"].append(res)
    return package


def _constraint(note: str) -> str:
    m = re.search(r'constraint "(\w+)"', note or "")
    return m.group(1) if m else ""


def _field_help(field: dict) -> str:
    return field.get("description", "")


def _range(constraints: dict) -> str:
    lo, hi = constraints.get("minimum"), constraints.get("maximum")
    if lo is not None and hi is not None:
        return f"{lo} to {hi}"
    return f"at least {lo}" if lo is not None else f"at most {hi}"


def _convert(ctx: Context, table, err):
    kind = err.type
    row_number = getattr(err, "row_number", None)
    line = table.lines[row_number - 2] if row_number and 2 <= row_number <= len(table.lines) + 1 else None
    field_name = getattr(err, "field_name", None) or None
    field = table.field(field_name) if field_name else {}
    cell = getattr(err, "cell", None)
    base = dict(path=table.path, resource=table.name, row=line, field=field_name, value=cell)
    if kind == "type-error":
        word, hint = TYPE_WORDS.get(field.get("type"), (f"of type {field.get('type')}", ""))
        return make_error("wrong-type", note=word, type_hint=hint, **base)
    if kind == "constraint-error":
        c = _constraint(err.note)
        cons = field.get("constraints", {})
        if c == "required":
            return make_error("missing-value", field_help=_field_help(field), **base)
        if c == "enum":
            return make_error("not-allowed-value", note=", ".join(str(v) for v in cons.get("enum", [])), **base)
        if c == "pattern":
            return make_error("wrong-format", field_help=_field_help(field), **base)
        if c in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
            return make_error("out-of-range", note=_range(cons), **base)
        if c == "unique":
            return make_error("duplicate-id", note=f'{field_name} "{cell}"', other_row="another row", **base)
    if kind in ("primary-key", "unique-error"):
        if 'all "None"' in (err.note or ""):
            return None  # the empty key cell is already reported as missing-value
        keys = table.descriptor["schema"].get("primaryKey", [])
        keys = [keys] if isinstance(keys, str) else keys
        values = dict(zip(table.header, table.records[row_number - 2], strict=False)) if line else {}
        m = re.search(r"position (\d+)", err.note or "")
        other = table.lines[int(m.group(1)) - 2] if m else "another row"
        label = ", ".join(f'{k} "{values.get(k, "")}"' for k in keys) or "This key"
        return make_error(
            "duplicate-id",
            note=f"The key {label}",
            other_row=other,
            **{**base, "field": keys[0] if len(keys) == 1 else None},
        )
    if kind == "foreign-key":
        return _foreign_key(ctx, table, err, base)
    if kind in SIMPLE:
        expected = ", ".join(f["name"] for f in table.fields)
        label = getattr(err, "label", None)
        return make_error(SIMPLE[kind], note=expected if "label" in kind else "", **{**base, "value": label or cell})
    return make_error("frictionless-error", note=err.message, **base)


def _foreign_key(ctx, table, err, base):
    values = dict(zip(table.header, table.records[err.row_number - 2], strict=False))
    for fk in table.descriptor["schema"].get("foreignKeys", []):
        fields = fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
        ref = fk["reference"]
        ref_fields = ref["fields"] if isinstance(ref["fields"], list) else [ref["fields"]]
        ref_table = ctx.table(ref.get("resource") or table.name)
        if ref_table is None:
            continue
        key = tuple(values.get(f, "") for f in fields)
        if all(key) and key not in ref_table.keys(tuple(ref_fields)):
            return make_error(
                "unknown-reference",
                ref_field=", ".join(ref_fields),
                ref_path=ref_table.path,
                **{**base, "field": fields[0], "value": ", ".join(key)},
            )
    return make_error("frictionless-error", note=err.message, **base)


def check(ctx: Context):
    if not ctx.readable:
        return
    from frictionless import Package  # imported here: it is the slowest import of the validator

    try:
        package = Package(_descriptor_for(ctx), basepath=str(ctx.root))
        report = package.validate()
    except Exception as exc:  # frictionless rejects the descriptor itself
        yield make_error("invalid-descriptor", path=ctx.descriptor_rel, note=str(exc))
        return
    for err in report.errors:
        yield make_error("invalid-descriptor", path=ctx.descriptor_rel, note=err.message)
    for task in report.tasks:
        table = ctx.table(task.name)
        for err in task.errors:
            if table is None:
                yield make_error("frictionless-error", path=ctx.descriptor_rel, note=err.message)
                continue
            converted = _convert(ctx, table, err)
            if converted is not None:
                yield converted
