"""The catalogue of validator errors for contributors, generated from the validator's own catalogue so that
the guide cannot drift from the code."""

from __future__ import annotations

import re

from spf.sitegen import i18n
from spf.sitegen.i18n import N_, _
from spf.sitegen.page import Page
from spf.sitegen.text import md
from spf.validator.catalogue import CATALOGUE

SCOPES = {"package": "datapackage.json", "file": N_("Files"), "row": N_("Headers and rows"), "cell": N_("Cells")}


def _shape(template: str) -> str:
    """A message template with its placeholders written as ‹name›."""
    return re.sub(r"\{(\w+)\}", lambda m: f"‹{m.group(1).replace('_', ' ')}›", template)


def build(pkg) -> list[Page]:
    page = Page(
        "contribute/errors.md",
        _("Validator errors"),
        _("Every error the data validator can report, with an example and how to fix it."),
    )
    if i18n.current() != i18n.DEFAULT:
        page.toc_lang = {3: "en"}  # the errors' titles in the table of contents are the validator's, in English
    page.add(
        _(
            "When you open a pull request, the data check lists every problem at once, each with its file, line "
            "and column. Each problem has a short name in brackets, such as {example}; find it below.",
            example="`[missing-value]`",
        ),
        _(
            "Run the same check on your computer with {command} (add {option} for the "
            "machine-readable report: {full_command}).",
            command="`make validate`",
            option="`--format json`",
            full_command="`python scripts/validate.py --format json`",
        ),
    )
    if i18n.current() != i18n.DEFAULT:
        page.add(
            _(
                "The validator writes its messages in English (they are the same in the pull-request check and on "
                "your computer), so the titles, messages and hints below are in English."
            )
        )
    # the slug's label: the short name in brackets that the validator prints (the slug itself is a literal)
    words = {"slug": _("Slug:"), "message": _("Message:"), "example": _("Example:"), "fix": _("How to fix:")}
    for scope, heading in SCOPES.items():
        page.add(f"## {_(heading) if scope != 'package' else heading}")
        for kind in CATALOGUE.values():
            if kind.scope == scope:
                page.add(*_entry(kind, words))
    return [page]


def _entry(kind, words: dict) -> tuple[str, str]:
    """One error: its title (the validator's, in English) and its slug, message, example and hint."""
    en = ' lang="en"' if i18n.current() != i18n.DEFAULT else ""
    title = f"<span{en}>{md(kind.title)}</span>" if en else md(kind.title)

    def english(text: str) -> str:
        return f"<span{en}>{text}</span>" if en else text

    return (
        f"### {title} {{#{kind.slug}}}",
        f"{words['slug']} `{kind.slug}`\n\n"
        f"**{words['message']}** {english(md(_shape(kind.template)))}\n\n"
        f"**{words['example']}** {english(kind.example)}\n\n"
        f"**{words['fix']}** {english(md(_shape(kind.hint)))}",
    )
