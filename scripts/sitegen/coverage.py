"""The translations page (translations/ in every language): per language, the share of the catalogue's strings
translated and the list of the missing ones, read from the .po files (i18n.py)."""

from __future__ import annotations

from dataclasses import dataclass

from spf.sitegen import i18n
from spf.sitegen.i18n import _, ngettext
from spf.sitegen.page import Page
from spf.sitegen.text import h, md, number


@dataclass(frozen=True)
class Coverage:
    lang: str
    total: int
    missing: list[tuple[str | None, str]]  # (context, English msgid)

    @property
    def translated(self) -> int:
        return self.total - len(self.missing)

    @property
    def share(self) -> float:
        return self.translated / self.total if self.total else 1.0


def coverage(lang: str) -> Coverage:
    """How much of the template (messages.pot) the catalogue of `lang` translates."""
    template = [m for m in i18n.catalog(i18n.DEFAULT) if m.id]
    missing = []
    for message in template:
        msgid = message.id[0] if isinstance(message.id, tuple) else message.id
        if not i18n.is_translated(lang, msgid, message.context):
            missing.append((message.context, msgid))
    return Coverage(lang, len(template), missing)


def _section(cov: Coverage) -> str:
    name = i18n.language_name(cov.lang)
    share = i18n.percent(f"{cov.share * 100:.1f}".removesuffix(".0"))
    lines = [
        f'## <span lang="{h(cov.lang)}">{h(name)}</span> ({h(cov.lang)}) {{#lang-{h(cov.lang)}}}',
        "",
        md(
            _(
                "{translated} of {total} strings translated ({share}).",
                translated=number(cov.translated),
                total=number(cov.total),
                share=share,
            )
        ),
        "",
    ]
    if not cov.missing:
        lines.append(md(_("Nothing is missing.")))
        return "\n".join(lines)
    lines.append(
        md(
            ngettext(
                "{n} string is shown in English until it is translated:",
                "{n} strings are shown in English until they are translated:",
                len(cov.missing),
            )
        )
    )
    lines.append("")
    for context, msgid in cov.missing:
        where = f" <small>({h(context)})</small>" if context else ""
        lines.append(f'- <span lang="en">{h(msgid)}</span>{where}')
    return "\n".join(lines)


def page() -> Page:
    """The translations page in the current language."""
    page = Page(
        "translations.md",
        _("Translations"),
        _("How much of the site's interface is translated into each language, and what is missing."),
    )
    page.add(
        md(
            _(
                "Every heading, label and sentence the site writes comes from a message catalogue; a string without "
                "a translation is shown in English and marked as such. Data text (descriptions, notes, source "
                "titles) stays in the language its source wrote it in."
            )
        ),
        "[" + md(_("How to translate the site")) + "](contribute/translate.md)",
    )
    for lang in i18n.languages()[1:]:
        page.add(_section(coverage(lang)))
    return page
