"""The validator's four output formats: text (default), json (a stable contract), github, markdown.

Each takes the findings of validate(..., notices=True): errors make the package invalid; notices (catalogue
level "notice") do not, and are shown after the errors with their fix."""

from __future__ import annotations

import json
import re
from itertools import groupby

from spf.validator.catalogue import ValidationError

JSON_KEYS = ("type", "resource", "path", "row", "field", "message", "hint")


def split(findings: list[ValidationError]) -> tuple[list[ValidationError], list[ValidationError]]:
    """(errors, notices)."""
    return [e for e in findings if e.level != "notice"], [e for e in findings if e.level == "notice"]


def as_json(findings: list[ValidationError]) -> str:
    """{"valid": bool, "errors": [{type, resource, path, row, field, message, hint}], "notices": [same shape]}:
    keep this shape. `valid` is true when there are only notices."""
    errors, notices = split(findings)
    report = {"valid": not errors, "errors": [e.to_dict() for e in errors], "notices": [e.to_dict() for e in notices]}
    return json.dumps(report, indent=2, ensure_ascii=False)


# Terminal escape sequences (CSI, OSC and other ESC forms) and every other control character but the line
# break and tab: text from the data is echoed, and must not drive the maintainer's terminal or the CI log.
_TERMINAL = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]?|\x9b[0-?]*[ -/]*[@-~]|\x9d[^\x07]*\x07?"
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
)


def clean(text) -> str:
    """Text with terminal control sequences and control characters removed (None stays empty)."""
    return "" if text is None else _TERMINAL.sub("", str(text))


def _where(e: ValidationError) -> str:
    parts = [clean(e.path)]
    if e.row is not None:
        parts.append(f"line {e.row}")
    if e.field:
        parts.append(f'column "{clean(e.field)}"')
    return ", ".join(parts)


def _notice_text(notices: list[ValidationError], bold: str, dim: str, off: str) -> list[str]:
    lines = []
    for e in notices:
        lines.append(f"{bold}Notice{off} {_where(e)}: {e.message}")
        lines.append(f"    {dim}{e.hint}  [{e.type}]{off}")
    return lines


def as_text(findings: list[ValidationError], color: bool = False) -> str:
    red, bold, dim, off = ("\033[31m", "\033[1m", "\033[2m", "\033[0m") if color else ("",) * 4
    errors, notices = split(findings)
    if not errors:
        return "\n".join([*_notice_text(notices, bold, dim, off), f"{bold}The data package is valid.{off}"])
    lines = []
    for path, group in groupby(errors, key=lambda e: e.path):
        group = list(group)
        lines.append(f"{bold}{clean(path)}{off} ({len(group)} problem{'s' * (len(group) != 1)})")
        for e in group:
            lines.append(f"  {red}✗{off} {_where(e)}: {clean(e.message)}")
            lines.append(f"    {dim}How to fix:{off} {clean(e.hint)}  {dim}[{e.type}]{off}")
        lines.append("")
    n = len(errors)
    lines.append(
        f"{bold}{red}{n} problem{'s' * (n != 1)} found.{off} Each is listed in the contributor "
        "guide (docs/contribute/errors.md) under its [slug]."
    )
    return "\n".join(_notice_text(notices, bold, dim, off) + lines)


def _escape_data(text: str) -> str:
    text = clean(text).replace("\t", " ")
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_prop(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def as_github(findings: list[ValidationError]) -> str:
    """One workflow command per finding (::error, or ::notice for a notice), so GitHub annotates the changed
    line of the pull request."""
    out = []
    for e in findings:
        props = [f"file={_escape_prop(e.path)}"]
        if e.row is not None:
            props.append(f"line={e.row}")
        props.append(f"title={_escape_prop(f'{e.title} ({e.type})')}")
        command, fix = ("notice", "") if e.level == "notice" else ("error", "How to fix: ")
        out.append(f"::{command} {','.join(props)}::{_escape_data(f'{e.message} {fix}{e.hint}')}")
    return "\n".join(out)


def _md_cell(text) -> str:
    return clean(text).replace("|", "\\|").replace("\n", " ")


def _notice_markdown(notices: list[ValidationError]) -> list[str]:
    if not notices:
        return []
    lines = ["### Notices (nothing to fix)", ""]
    lines += [
        f"- `{_md_cell(e.path)}` line {_md_cell(e.row) or '–'}: {_md_cell(e.message)} {_md_cell(e.hint)}"
        for e in notices
    ]
    return [*lines, ""]


def as_markdown(findings: list[ValidationError], guide_url: str | None = None) -> str:
    """A report for a pull-request comment or job summary. With guide_url (the published Validator errors
    page), each slug links to its entry there."""
    errors, notices = split(findings)
    if not errors:
        return "\n".join(
            ["## ✅ Data check passed", "", "The data package is valid: every file, row and figure passed.", ""]
            + _notice_markdown(notices)
        )
    n = len(errors)
    files = sorted({e.path for e in errors})
    lines = [
        f"## ❌ Data check found {n} problem{'s' * (n != 1)} in {len(files)} file{'s' * (len(files) != 1)}",
        "",
        "Fix each row below, then push again. The short name in each row is explained, with an example, on the "
        "contributor guide's page *Validator errors*.",
        "",
    ]
    for path, group in groupby(errors, key=lambda e: e.path):
        lines += [f"### `{path}`", "", "| Line | Column | Problem | How to fix |", "|---:|---|---|---|"]
        for e in group:
            slug = f"[`{e.type}`]({guide_url}#{e.type})" if guide_url else f"`{e.type}`"
            lines.append(
                f"| {_md_cell(e.row) or '–'} | {_md_cell(e.field) or '–'} | {_md_cell(e.message)} {slug} "
                f"| {_md_cell(e.hint)} |"
            )
        lines.append("")
    return "\n".join(lines + _notice_markdown(notices))


FORMATS = {"text": as_text, "json": as_json, "github": as_github, "markdown": as_markdown}
