"""html-in-text, unsafe-link, formula-injection, insecure-url: text that could hurt a reader of the site
or a researcher who opens the CSV in a spreadsheet."""

from __future__ import annotations

import re

from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["html-in-text", "unsafe-link", "formula-injection", "insecure-url"]
FORKED = False
AFTER_OTHERS = False
HTML = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?/?\s*>|<!--|&#?[a-zA-Z0-9]+;")
SCRIPT_LINK = re.compile(r"(?i)\b(javascript|vbscript)\s*:|\bdata\s*:\s*[a-z]+/[a-z0-9.+-]+[;,]")
INSECURE = re.compile(r"(?i)\b(http|ftp)://[^\s,;'\"]+")
# A formula prefix (= + - @, tab, carriage return) at the start of the cell, after leading whitespace or after
# a separator a spreadsheet may split on (; , tab, or a line break for one that reads line by line): OWASP's
# CSV-injection rule, applied to every part. spf.csvsafe neutralises the same in the CSV files the site writes.
FORMULA = re.compile(r"(?:^|[;,\t\r\n])\s*[=+\-@\t\r]")
# one search over a whole row finds the rows worth looking at cell by cell
SUSPECT = re.compile(r"[<&:;,\t\n]|(?:^|\x1f)\s*[=+\-@\t\r]")


def _formula(m: re.Match) -> dict:
    shown = m.group(0).replace("\t", "tab").replace("\r", "carriage return")
    return dict(value=shown, note="starts with" if m.start() == 0 else "has, after a separator,")


def check(ctx: Context):
    for table in ctx.tables.values():
        text_cols = [i for i, c in enumerate(table.header) if table.field_type(c) not in ("integer", "number")]
        for n, record in enumerate(table.records):
            if not SUSPECT.search("\x1f".join(record)):
                continue
            for i in text_cols:
                cell = record[i] if i < len(record) else ""
                if not cell:
                    continue
                where = dict(path=table.path, resource=table.name, row=table.lines[n], field=table.header[i])
                if m := HTML.search(cell):
                    yield make_error("html-in-text", value=m.group(0), **where)
                if m := SCRIPT_LINK.search(cell):
                    yield make_error("unsafe-link", value=m.group(0).strip(), **where)
                if m := FORMULA.search(cell):
                    yield make_error("formula-injection", **_formula(m), **where)
                if m := INSECURE.search(cell):
                    yield make_error("insecure-url", value=m.group(0), **where)
