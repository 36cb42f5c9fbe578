"""The catalogue of validator errors for contributors, generated from the validator's own catalogue so that
the guide cannot drift from the code."""

from __future__ import annotations

import re

from spf.sitegen.page import Page
from spf.sitegen.text import md
from spf.validator.catalogue import CATALOGUE

SCOPES = {"package": "datapackage.json", "file": "Files", "row": "Headers and rows", "cell": "Cells"}


def _shape(template: str) -> str:
    """A message template with its placeholders written as ‹name›."""
    return re.sub(r"\{(\w+)\}", lambda m: f"‹{m.group(1).replace('_', ' ')}›", template)


def build(pkg) -> list[Page]:
    page = Page(
        "contribute/errors.md",
        "Validator errors",
        "Every error the data validator can report, with an example and how to fix it.",
    )
    page.add(
        "When you open a pull request, the data check lists every problem at once, each with its file, line and "
        "column. Each problem has a short name in brackets, such as `[missing-value]`; find it below.",
        "Run the same check on your computer with `make validate` (add `--format json` for the machine-readable "
        "report: `python scripts/validate.py --format json`).",
    )
    for scope, heading in SCOPES.items():
        page.add(f"## {heading}")
        for kind in CATALOGUE.values():
            if kind.scope != scope:
                continue
            page.add(
                f"### {md(kind.title)} {{#{kind.slug}}}",
                f"Slug: `{kind.slug}`\n\n"
                f"**Message:** {md(_shape(kind.template))}\n\n"
                f"**Example:** {kind.example}\n\n"
                f"**How to fix:** {md(_shape(kind.hint))}",
            )
    return [page]
