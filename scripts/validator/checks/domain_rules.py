"""implausible-number, impossible-date, control-character, undrawable-character, cell-too-long: rules every
cell obeys whatever the schema says. Numbers are read from the text of the CSV (not by frictionless), so
Infinity, NaN and 1e309 are caught before anything tries to add them up."""

from __future__ import annotations

import calendar
import math
import re
import unicodedata

from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["implausible-number", "impossible-date", "control-character", "undrawable-character", "cell-too-long"]
FORKED = False
AFTER_OTHERS = False

XLSX_CELL = 32_767  # characters an Excel cell holds
PEOPLE_BOUND = 1e10  # more than everyone alive
AMOUNT_BOUND = 1e13  # US$ 10 trillion: above any social-protection budget
# C0 controls except tab and newline (and the carriage return of a CRLF line end), DEL, C1, bidi controls
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)")
DATE = re.compile(r"(\d{4})-(\d{2})(?:-(\d{2}))?")


def _number_problem(cell: str, field: str, minimum) -> str | None:
    try:
        value = float(cell)
    except ValueError:
        return None  # not a number at all: frictionless reports wrong-type
    if not math.isfinite(value):
        return "not a finite number"
    if value < 0 and not (isinstance(minimum, int | float) and minimum >= 0):
        return "below zero"  # (with a minimum of 0 or more in the schema, frictionless says out-of-range)
    bound = PEOPLE_BOUND if "people" in field else AMOUNT_BOUND
    if value > bound:
        return f"above {bound:,.0f}, more than any real figure"
    return None


def _real_date(cell: str) -> bool:
    m = DATE.fullmatch(cell)
    year, month, day = int(m.group(1)), int(m.group(2)), m.group(3)
    if not 1 <= month <= 12:
        return False
    return day is None or 1 <= int(day) <= calendar.monthrange(year, month)[1]


def control_name(m: re.Match) -> str:
    return f"the control character U+{ord(m.group(0)[0]):04X}"


# Unicode's unassigned code points (Cn: noncharacters such as U+FFFF and U+FDD0 among them, as Python's
# Unicode database knows them) and surrogates (Cs, only possible as a lone one): no font draws them, and the
# PNG renderer stops on them.
UNDRAWABLE = ("Cn", "Cs")


def undrawable(cell: str) -> str | None:
    """What in the text no font draws ("the unassigned code point U+FFFF"), or None."""
    if cell.isascii():
        return None
    for char in cell:
        if unicodedata.category(char) in UNDRAWABLE:
            kind = "a lone surrogate" if unicodedata.category(char) == "Cs" else "the unassigned code point"
            return f"{kind} U+{ord(char):04X}"
    return None


def check(ctx: Context):
    for table in ctx.tables.values():
        numeric = {i for i, c in enumerate(table.header) if table.field_type(c) in ("integer", "number")}
        for n, record in enumerate(table.records):
            for i, cell in enumerate(record[: len(table.header)]):
                if not cell:
                    continue
                where = dict(path=table.path, resource=table.name, row=table.lines[n], field=table.header[i])
                if i in numeric:
                    minimum = table.field(table.header[i]).get("constraints", {}).get("minimum")
                    if note := _number_problem(cell.strip(), table.header[i], minimum):
                        yield make_error("implausible-number", value=cell[:40], note=note, **where)
                    continue
                if len(cell) > XLSX_CELL:
                    yield make_error("cell-too-long", value=f"{len(cell):,}", **where)
                if m := CONTROL.search(cell):
                    yield make_error(
                        "control-character", note=control_name(m), place=f'column "{table.header[i]}"', **where
                    )
                if note := undrawable(cell):
                    yield make_error("undrawable-character", note=note, place=f'column "{table.header[i]}"', **where)
                if DATE.fullmatch(cell) and not _real_date(cell):
                    yield make_error("impossible-date", value=cell, **where)
