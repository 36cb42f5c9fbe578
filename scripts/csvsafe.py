"""CSV files the site writes for readers to open in a spreadsheet, with formula injection neutralised as
OWASP's CSV-injection guidance says: wherever a text cell, or a part of it that a spreadsheet could split off
at a separator (; , tab or a line break), starts with = + - @, a tab or a carriage return (after any
whitespace), an apostrophe goes right after the separator (before that whitespace), and the cell is quoted.
Numbers are written as they are: a negative number is not a formula. The validator refuses such cells in the
data (formula-injection, the same pattern), so for a valid package these writers change nothing; they are the
defence for text that does not come from data/ (translations in chart CSVs) and for a package built without
validating.

docs/assets/js/register.js applies the same rule in the browser (tests/test_cells.py compares the two)."""

from __future__ import annotations

import csv
import io
import re

# the validator's rule (scripts/validator/checks/unsafe_text.py): a prefix at the start, after leading
# whitespace or after a separator
FORMULA = re.compile(r"(?:^|[;,\t\r\n])\s*[=+\-@\t\r]")
LEADING = re.compile(r"\s*[=+\-@\t\r]")  # (matched at the start)
# every separator with a formula prefix after it (a tab can be both: each gets its apostrophe)
AFTER_SEPARATOR = re.compile(r"([;,\t\r\n])(?=\s*[=+\-@\t\r])")
NEEDS_QUOTES = re.compile(r'[",\r\n]')


def needs_neutralising(text: str) -> bool:
    return bool(FORMULA.search(text))


def cell(value) -> str:
    """One cell as it appears in the file (quoted where needed)."""
    if value is None:
        return ""
    if not isinstance(value, str):
        return str(value)
    text = ("'" if LEADING.match(value) else "") + AFTER_SEPARATOR.sub(r"\1'", value)
    if NEEDS_QUOTES.search(text) or text != value:
        return '"' + text.replace('"', '""') + '"'
    return text


def line(values) -> str:
    values = list(values)
    if values == [""] or values == [None]:
        return '""'  # as csv.writer writes a row of one empty cell
    return ",".join(cell(v) for v in values)


def text(header: list[str], rows) -> str:
    """The whole file: the header, then one line per row, each ended by a line feed."""
    return "".join(line(r) + "\n" for r in [header, *rows])


def neutralised_file(raw: bytes, text_columns: set[str]) -> bytes:
    """A package CSV file as it may be published: the same bytes when none of its text cells needs
    neutralising (every valid package), else rewritten with the text cells of `text_columns` neutralised."""
    source = raw.decode("utf-8-sig")
    if not FORMULA.search(source.replace("\n", ",")):
        return raw
    records = list(csv.reader(io.StringIO(source, newline="")))
    if not records:
        return raw
    header, rows = records[0], records[1:]
    columns = [name in text_columns for name in header]
    if not any(c and needs_neutralising(v) for r in rows for c, v in zip(columns, r, strict=False)):
        return raw
    out = io.StringIO()
    out.write(line(header) + "\n")
    for r in rows:
        out.write(",".join(cell(v) if c else csv_minimal(v) for c, v in zip(columns, r, strict=False)) + "\n")
    return out.getvalue().encode("utf-8")


def csv_minimal(value: str) -> str:
    """A cell quoted as csv.writer's QUOTE_MINIMAL does, unchanged otherwise (numbers stay as written)."""
    return '"' + value.replace('"', '""') + '"' if NEEDS_QUOTES.search(value) else value
