"""The catalogue of every error the validator can report.

Each error type has a stable slug (never renamed: tools and the contributor guide rely on it), a title, a
message template and a hint template filled with the error's location and value, and an example of the
mistake for the guide. Modelled on frictionless-py's error classes, kept as data.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ErrorType:
    slug: str
    title: str
    template: str
    hint: str
    example: str
    scope: str = "cell"  # package | file | row | cell
    level: str = "error"  # error (the package is invalid) | notice (valid; shown with the fix)


@dataclass
class ValidationError:
    """One problem found. `to_dict` is the JSON contract: type, resource, path, row, field, message, hint."""

    type: str
    resource: str | None
    path: str
    row: int | None
    field: str | None
    message: str
    hint: str
    extra: dict = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict:
        return {
            "type": self.type,
            "resource": self.resource,
            "path": self.path,
            "row": self.row,
            "field": self.field,
            "message": self.message,
            "hint": self.hint,
        }

    @property
    def title(self) -> str:
        return CATALOGUE[self.type].title

    @property
    def level(self) -> str:
        return CATALOGUE[self.type].level


_TYPES = [
    # --- the package descriptor -----------------------------------------------------------------------
    ErrorType(
        "invalid-json",
        "datapackage.json is not valid JSON",
        "datapackage.json could not be read: {note} (line {line}, column {column}).",
        "Look near that line for a missing comma, quote or bracket, or a comma after the last item.",
        'A comma after the last field: `{"name": "year", },`',
        "package",
    ),
    ErrorType(
        "invalid-descriptor",
        "datapackage.json does not describe a valid package",
        "datapackage.json has a problem: {note}.",
        "Compare your change with the other resources in datapackage.json; every resource needs a "
        "name, a path and a schema with fields.",
        "A resource without a `schema`, or `created` written as 27/11/2026.",
        "package",
    ),
    ErrorType(
        "missing-changelog-entry",
        "Package version without its CHANGELOG.md entry",
        "datapackage.json gives the version {value}, but {note}.",
        "Add a heading `## {value} – YYYY-MM-DD` (the release date) to CHANGELOG.md, with a few lines on "
        "what changed and why, or keep the version of the last release.",
        'A version bumped to "0.3.0" with no `## 0.3.0 – 2027-01-15` in CHANGELOG.md.',
        "package",
    ),
    ErrorType(
        "schema-changed",
        "Change to the package's structure or schemas",
        "datapackage.json changes {note}. The data is checked against the project's pinned schemas, not this one.",
        "Schemas, resource names and paths are the project's: undo this part of your change, or ask a "
        "maintainer to review it; a maintainer who accepts it runs `make pin-schemas`.",
        "A `minimum` removed from people_covered, a `pattern` relaxed, or a resource renamed.",
        "package",
    ),
    ErrorType(
        "duplicate-resource",
        "Two resources share a name or a path",
        'More than one resource has the {field} "{value}".',
        "Give each resource its own name and its own file; remove the copy.",
        "Two resources that both point to `data/partners.csv`.",
        "package",
    ),
    ErrorType(
        "unsafe-resource-name",
        "Resource name cannot be used as a file name",
        'The resource name "{value}" {note}.',
        "Use lower-case letters, digits, - and _ only (up to 64), not starting with - or _, and not a name "
        "the site uses itself (index, changelog, downloads).",
        "`../x`, `Partners and funding` or `changelog`.",
        "package",
    ),
    # --- cells, whatever the schema says ------------------------------------------------------------------
    ErrorType(
        "implausible-number",
        "Number that cannot be a count or an amount",
        'Column "{field}" holds {value}, which is {note}.',
        "People and amounts are finite numbers of zero or more, written with digits (no Infinity, no "
        "exponent beyond the plausible). Check the figure in its source.",
        "`Infinity`, `1e309`, `-5` or 10^30 people.",
    ),
    ErrorType(
        "impossible-date",
        "Date that is not on the calendar",
        '"{value}" in column "{field}" is not a real calendar date.',
        "Check the day and the month in the source; write YYYY-MM-DD (or YYYY-MM).",
        "`2021-02-30` or `2021-13`.",
    ),
    ErrorType(
        "control-character",
        "Text contains an invisible control character",
        "The text in {place} contains {note}.",
        "Retype the text, or paste it as plain text; only line breaks and tabs are allowed. Bidirectional "
        "overrides can make text display differently from what it says.",
        "A NUL byte, an escape sequence or U+202E (right-to-left override) pasted with the text.",
    ),
    ErrorType(
        "undrawable-character",
        "Text contains a character that cannot be drawn",
        "The text in {place} contains {note}, which no font draws.",
        "Retype the text, or paste it as plain text. Noncharacters (such as U+FFFF), code points that "
        "Unicode has not assigned and lone surrogates stop the chart images and show as boxes elsewhere.",
        "U+FFFF or U+FDD0 pasted with the text of a cell, or of a title or description in datapackage.json "
        "(located by its JSON path, such as `resources[0].schema.fields[1].title`).",
    ),
    ErrorType(
        "cell-too-long",
        "Text longer than a spreadsheet cell holds",
        'The text in column "{field}" is {value} characters long; a spreadsheet cell holds at most 32,767.',
        "Shorten the text (link to the source for the details); the Excel download would cut it.",
        "A whole report pasted into notes.",
    ),
    ErrorType(
        "drawn-text-too-long",
        "Name or title too long to draw in a chart image",
        "The text in {place} is {value} characters long; the chart images and the citation draw at most "
        "{limit} characters of a name or title.",
        "Shorten it to the name or title itself (the details belong in notes); the chart images would cut it "
        "with an ellipsis.",
        "A source's title with the whole abstract pasted after it.",
    ),
    # --- translation catalogues and settings (text, never markup: scripts/sitegen/msgrules.py) ---------------
    ErrorType(
        "translation-placeholder",
        "Translation with other placeholders than its message",
        'The translation of "{msgid}" (line {row}) is not usable: {note}.',
        "Keep exactly the names in braces of the English message, spelt the same, each without a format "
        "(no ':' or '!'); the code fills them. The page shows the English text until it is fixed.",
        '`msgid "{n} countries"` translated as `msgstr "{count} pays"` or `"{n:>99999} pays"`.',
        "file",
    ),
    ErrorType(
        "translation-markup",
        "Translation that holds markup",
        'The translation of "{msgid}" (line {row}) is not usable: {note}.',
        "Write plain text: no HTML, no Markdown (< > & ` * [ ] \\ | or an underscore at a word's edge) and "
        "no leading # ! = + - @. Where the English message puts link_start and link_end (or strong_start and "
        "strong_end) in braces around words, keep them around the translated words instead.",
        '`msgstr "<meta http-equiv=refresh ...>"` or `msgstr "[Signalez-le](https://example.org)"`.',
        "file",
    ),
    ErrorType(
        "translation-control-character",
        "Translation with an invisible or control character",
        'The translation of "{msgid}" (line {row}) is not usable: {note}.',
        "Retype the translation as plain text on one line; bidirectional overrides and zero-width characters "
        "can make text display differently from what it says.",
        "A U+202E (right-to-left override) or a line break inside `msgstr`.",
        "file",
    ),
    ErrorType(
        "translation-too-long",
        "Translation much longer than its message",
        'The translation of "{msgid}" (line {row}) is not usable: {note}.',
        "Translate the message itself; a translation may be at most three times as long as the English, "
        "plus 80 characters.",
        "A whole page pasted into the translation of a button label.",
        "file",
    ),
    ErrorType(
        "unsafe-setting",
        "Text setting of mkdocs.yml that holds markup or is too long",
        'The {field} "{value}" in mkdocs.yml {note}.',
        "Write the site's name, description, publisher and navigation titles as short plain text (no "
        "< > & ` * [ ] \\ |, no invisible characters, at most 200 characters).",
        "`site_name: SPF <script>alert(1)</script>`.",
        "file",
    ),
    # --- files ------------------------------------------------------------------------------------------
    ErrorType(
        "unsafe-path",
        "Resource path is not a file inside data/",
        'Resource "{resource}" points to "{value}", which is {note}.',
        "Use a relative path to a CSV file inside data/, such as data/{resource}.csv. Links, web "
        "addresses and paths outside the repository are not allowed.",
        '`"path": "../secrets.csv"`, `"path": "https://example.org/x.csv"` or a symbolic link.',
        "file",
    ),
    ErrorType(
        "undeclared-file",
        "CSV file in data/ that no resource declares",
        "{path} is in data/ but datapackage.json does not declare it, so it would never be published.",
        "Add a resource for it to datapackage.json, or delete the file if it was added by mistake.",
        "A file data/new_results.csv with no matching resource.",
        "file",
    ),
    ErrorType(
        "missing-file",
        "Declared file does not exist",
        'Resource "{resource}" points to {path}, but there is no such file.',
        "Check the spelling of the file name (names are case-sensitive), or add the file.",
        "`data/Partners.csv` declared while the file is `data/partners.csv`.",
        "file",
    ),
    ErrorType(
        "encoding-error",
        "File is not UTF-8 text",
        "{path} is not UTF-8 text: {note}.",
        "Save the file as UTF-8. In Excel choose File > Save As > 'CSV UTF-8 (comma delimited)'; in "
        "LibreOffice tick 'Edit filter settings' and choose Unicode (UTF-8).",
        "A file saved as 'CSV (Windows-1252)' with the name Côte d'Ivoire.",
        "file",
    ),
    ErrorType(
        "file-too-large",
        "File larger than the package allows",
        "{path} is {value} bytes; a file of the package may be at most {note} bytes.",
        "Split the resource or shorten its texts (link to the source for the details); the largest file "
        "of the package is about 100 KB.",
        "A CSV into which a whole database export was pasted.",
        "file",
    ),
    ErrorType(
        "malformed-csv",
        "CSV quoting that cannot be read exactly",
        "{path} cannot be read exactly from line {row}: {note}.",
        "A quote may only open a cell and close it, with a comma or the line end after it; a quote inside "
        'a cell is written twice (\'He said ""yes""\'). Fix that line, or save the file again from your '
        "spreadsheet program as CSV.",
        '`1,"Cambodia" and Laos,2021`: the quote closes before the cell ends.',
        "file",
    ),
    ErrorType(
        "empty-file",
        "File is empty",
        "{path} is empty: it has no header row and no data.",
        "Restore the header row (the column names) from the last published version of the file.",
        "A file of 0 bytes.",
        "file",
    ),
    ErrorType(
        "no-rows",
        "File has a header but no rows",
        "{path} has a header but no data rows.",
        "Add at least one row, or remove the resource from datapackage.json if it is no longer used.",
        "A file that holds only the line of column names.",
        "file",
    ),
    ErrorType(
        "not-canonical",
        "File is not in canonical form",
        "{path} is not in canonical form ({note}).",
        "Nothing to do: this is a notice, not an error. After your pull request is merged, a bot runs "
        "`make format` on main and commits the fix (rows sorted by their key, a line ending after the last "
        "row, no stray spaces). To fix it yourself: {fix}",
        "A new row added at the end of the file instead of in key order.",
        "file",
        "notice",
    ),
    ErrorType(
        "stale-checksum",
        "datapackage.json records a size or hash that does not match",
        'datapackage.json records {field} "{value}" for {file}, but the file has "{note}".',
        "Delete `bytes` and `hash` from that resource in datapackage.json: checksums belong to the release "
        "downloads, which get them when the site is built.",
        '`"bytes": 1` left in the partners resource of datapackage.json.',
        "file",
    ),
    # --- header and row shape --------------------------------------------------------------------------
    ErrorType(
        "missing-column",
        "Column missing from the header",
        'The header has no column "{field}" (expected: {note}).',
        "Put the header back exactly as the schema lists it; keep the column even when its cells are empty.",
        "A header without the `verification` column.",
        "row",
    ),
    ErrorType(
        "extra-column",
        "Unexpected column in the header",
        'The header has a column "{value}" that the schema does not list (expected: {note}).',
        "Remove the column, or propose it in an issue so the schema can be extended first.",
        "A column `comment` added at the end of the header.",
        "row",
    ),
    ErrorType(
        "wrong-column",
        "Column name differs from the schema",
        'Column {note} is named "{value}" but the schema calls it "{field}".',
        "Rename the column to exactly the schema's name (lowercase, with underscores).",
        "`Year` instead of `year`.",
        "row",
    ),
    ErrorType(
        "duplicate-column",
        "Column appears twice",
        'The header names column "{value}" more than once.',
        "Keep one column of that name and move its values into it.",
        "Two `notes` columns.",
        "row",
    ),
    ErrorType(
        "missing-cell",
        "Row has too few cells",
        'Row {row} has fewer cells than the header: the cell for "{field}" is missing.',
        "Every row needs one cell per column. An empty cell is written as nothing between two commas (,,).",
        "`khm-004,KHM,2019` when the header has 16 columns.",
        "row",
    ),
    ErrorType(
        "extra-cell",
        "Row has too many cells",
        'Row {row} has more cells than the header (extra value "{value}").',
        'A comma inside a text cell splits it in two: put such text in double quotes, "like, this".',
        "A description containing a comma that is not quoted.",
        "row",
    ),
    ErrorType(
        "blank-row",
        "Blank row",
        "Row {row} is blank.",
        "Delete the empty line.",
        "An empty line between two rows.",
        "row",
    ),
    # --- cells (frictionless schema checks in plain words) --------------------------------------------
    ErrorType(
        "wrong-type",
        "Value has the wrong type",
        'The value "{value}" in column "{field}" is not {note}.',
        "{type_hint}",
        "`2.5 million` in `people_covered` instead of `2500000`.",
    ),
    ErrorType(
        "missing-value",
        "Required value is empty",
        'Column "{field}" is required but the cell is empty.',
        "Fill it in. {field_help}",
        "A figure row without a `source_id`.",
    ),
    ErrorType(
        "not-allowed-value",
        "Value is not one of the allowed values",
        'The value "{value}" in column "{field}" is not allowed. Allowed values: {note}.',
        "Use one of the allowed values exactly as written (lowercase).",
        "`Verified` or `confirmed` instead of `verified`.",
    ),
    ErrorType(
        "wrong-format",
        "Value does not have the expected form",
        'The value "{value}" in column "{field}" does not have the expected form.',
        "{field_help}",
        "`Togo 1` as a `change_id` instead of `tgo-001`.",
    ),
    ErrorType(
        "out-of-range",
        "Value is outside the allowed range",
        'The value "{value}" in column "{field}" is outside the allowed range ({note}).',
        "Check the number: a typo, a minus sign or a value in the wrong unit.",
        "A `year` of 2104 or a negative `value`.",
    ),
    ErrorType(
        "duplicate-id",
        "Key already used by another row",
        "{note} is already used by row {other_row}; each row needs its own key.",
        "If the rows describe the same thing, keep one of them; otherwise give this row a new key.",
        "Two rows with `change_id` tgo-001.",
        "row",
    ),
    ErrorType(
        "unknown-reference",
        "Value refers to nothing",
        'The value "{value}" in column "{field}" does not match any {ref_field} in {ref_path}.',
        "Use an existing {ref_field} from {ref_path}, or add that row to {ref_path} first.",
        "`source_id` ilo-news-2024 when no such source exists in data/sources.csv.",
        "row",
    ),
    ErrorType(
        "frictionless-error",
        "Other table error",
        "{note}",
        "Read the message; if it is unclear, open an issue and paste it.",
        "A problem the plain-language catalogue has no entry for yet.",
        "row",
    ),
    # --- the programme's own rules ---------------------------------------------------------------------
    ErrorType(
        "invalid-iso3",
        "Not an ISO 3166-1 alpha-3 code",
        '"{value}" in column "{field}" is not an ISO 3166-1 alpha-3 country code.',
        "Use the three capital letters of ISO 3166-1 alpha-3{suggestion}.",
        "`TOG` or `tg` for Togo instead of `TGO`.",
    ),
    ErrorType(
        "year-outside-phase",
        "Year outside the phase's years",
        "The year {value} is outside phase {phase} ({note}).",
        "Correct the year or the phase: phase 1 is 2016-2020, phase 2 is 2021-2025, phase 3 is 2026-2030.",
        "A change in 2019 marked as phase 2.",
    ),
    ErrorType(
        "percent-out-of-range",
        "Percentage outside 0-100",
        'The value "{value}" is a percentage ({note}) but lies outside 0 to 100.',
        "Write percentages as numbers from 0 to 100 (52.4 for 52.4 %), not as shares (0.524) or counts.",
        "`524` instead of `52.4`.",
    ),
    ErrorType(
        "html-in-text",
        "Text contains HTML",
        'Column "{field}" contains HTML markup ({value}).',
        "Write plain text. The site shows text literally, so markup would appear as code.",
        "`<b>over</b> 3 million` in a description.",
    ),
    ErrorType(
        "unsafe-link",
        "Text contains a script or data link",
        'Column "{field}" contains a "{value}" link, which can run code in a browser.',
        "Remove it; link only to https:// web pages.",
        "`javascript:alert(1)` in notes.",
    ),
    ErrorType(
        "formula-injection",
        "Text starts like a spreadsheet formula",
        'The text in column "{field}" {note} "{value}", which spreadsheet programs run as a formula.',
        "Start the text, and each part after a comma, semicolon or tab, with a letter or a digit (e.g. "
        "write 'minus 5' or 'about 5'). Numbers belong in number columns, where a leading minus sign is fine.",
        "`=HYPERLINK(...)` or `-5 %` in notes, or `x;=HYPERLINK(...)` (a spreadsheet that splits on `;` "
        "sees a cell starting with `=`).",
    ),
    ErrorType(
        "insecure-url",
        "Link does not use https",
        'The link "{value}" in column "{field}" does not start with https://.',
        "Use the https:// address of the page (most sites serve both); if none exists, say so in your pull request.",
        "`http://ilo.org/...` instead of `https://ilo.org/...`.",
    ),
    ErrorType(
        "missing-provenance",
        "Figure without source or verification label",
        'This row has a figure in "{note}" but column "{field}" {problem}.',
        "Every figure needs a `source_id` from data/sources.csv and a verification label "
        "(verified, reported or unverified).",
        "A people_covered figure without people_source_id.",
    ),
]

CATALOGUE: dict[str, ErrorType] = {t.slug: t for t in _TYPES}


class _Blank(dict):
    def __missing__(self, key):
        return ""


def make_error(
    slug: str, *, path: str, resource: str | None = None, row: int | None = None, field: str | None = None, **values
) -> ValidationError:
    """Build an error from the catalogue, filling the message and hint templates."""
    kind = CATALOGUE[slug]  # KeyError on an unknown slug: fail loudly
    values = _Blank({"path": path, "resource": resource or "", "row": row, "field": field or "", **values})
    return ValidationError(
        type=slug,
        resource=resource,
        path=path,
        row=row,
        field=field,
        message=kind.template.format_map(values),
        hint=" ".join(kind.hint.format_map(values).split()),
        extra=dict(values),
    )
