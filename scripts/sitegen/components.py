"""Reusable page components as HTML strings. Every data value passes through `fmt.h` (escaped).

Pages are Markdown; components are raw HTML blocks inside them, so Markdown never re-reads data text.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from spf.sitegen import i18n
from spf.sitegen.i18n import N_, _
from spf.sitegen.text import figure, h, h_message, is_blank

DATA_LANG = "en"  # the language the package's own text (titles, labels, notes) is written in

LABEL_HELP = {
    "verified": N_("Seen in an official ILO or UN publication."),
    "reported": N_("An official statement or official data, as republished by an independent outlet."),
    "unverified": N_("From an unofficial or uncorroborated source, such as the 2022 website prototype."),
    "computed": N_("Counted from the rows of this data package."),
}
# The verification labels as shown (the CSS class keeps the English value of the data).
LABEL_NAMES = {
    "verified": N_("verified"),
    "reported": N_("reported"),
    "unverified": N_("unverified"),
    "computed": N_("computed"),
    "unlabelled": N_("unlabelled"),
}


class Raw(str):
    """Trusted HTML made by a component; table() does not escape it."""


class Block(str):
    """A finished block of HTML that stays out of the search index (tables, charts): nothing in it is
    Markdown. The MkDocs hook passes it around Markdown and search instead of through them (see page.py)."""


class SearchableBlock(str):
    """A finished block of HTML that search indexes (a searchable table): nothing in it is Markdown. The hook
    passes it around Markdown and puts it back before the search plugin reads the page (see page.py)."""


def page_url(src: str) -> str:
    """The URL directory of a page source path, as MkDocs builds it with use_directory_urls."""
    if src.endswith("index.md"):
        return posixpath.dirname(src)
    return src[: -len(".md")] if src.endswith(".md") else src


def link(from_src: str, to: str) -> str:
    """Relative URL from the page `from_src` to a page (`x.md`) or a file (`downloads/x.csv`)."""
    base = page_url(from_src) or "."
    target = page_url(to) + "/" if to.endswith(".md") else to
    rel = posixpath.relpath(target.rstrip("/") or ".", base)
    return rel + "/" if to.endswith(".md") and not rel.endswith("/") else rel


def badge(label: str) -> Raw:
    label = label or "unlabelled"
    help_text = _(LABEL_HELP[label]) if label in LABEL_HELP else ""
    name = _(LABEL_NAMES[label]) if label in LABEL_NAMES else label
    return Raw(f'<span class="vlabel vlabel-{h(label)}" title="{h(help_text)}">{h(name)}</span>')


def data_lang() -> str:
    """` lang="en"` for an element holding the package's own text on a page in another language, else ''."""
    return "" if i18n.current() == DATA_LANG else f' lang="{DATA_LANG}"'


def data_text(text) -> Raw:
    """Text of the data (a label, a note, a title) as written, marked with its language on other pages."""
    marked = data_lang()
    return Raw(f"<span{marked}>{h(text)}</span>" if marked else h(text))


def group_text(english: str) -> Raw:
    """An ILO region or income group: its reviewed name in the page's language (names.py), else the data's
    name marked as data text."""
    translated = i18n.group_name(english)
    return Raw(h(translated)) if translated else data_text(english)


def local_date(value) -> str:
    """HTML: a date or a month (2025-03-28, 2025-03) in the page's language, in a <time> element on pages in
    other languages ('28 mars 2025', 'mars 2025'); a year, and every date on English pages, as written."""
    text = str(value)
    written = i18n.when(text)
    if written != text:
        return f'<time datetime="{h(text)}">{h(written)}</time>'
    return h(text)


def source_link(pkg, source_id: str) -> Raw:
    """The source's title linked to its address (hreflang: the language of the document, when known), then
    its publisher and date. Title and publisher are the package's text, marked as such on other pages."""
    src = pkg.sources.get(source_id)
    if not src:
        unknown = _("unknown source {id}", id=source_id)
        return Raw(f"<em>{h(unknown)}</em>")
    published = src.get("published")
    date = "" if is_blank(published) else ", " + local_date(published)
    hreflang = "" if is_blank(src.get("language")) else f' hreflang="{h(src["language"])}"'
    publisher = data_text(src["publisher"])
    title = f'<a href="{h(src["url"])}" rel="external noopener"{hreflang}{data_lang()}>{h(src["title"])}</a>'
    return Raw(f"{title} ({publisher}{date})")


def sentence(template: str, **parts) -> Raw:
    """A catalogue message (taken with its {placeholders} unfilled) whose parts are HTML: the message is
    escaped, then the parts fill it."""
    return Raw(h_message(template).format(**parts))


def provenance(pkg, rows: list[dict], source_col: str = "source_id", label_col: str = "verification") -> Raw:
    """'<link> (publisher, date) verified' for the distinct (source, label) pairs of these rows."""
    seen, parts = set(), []
    for row in rows:
        key = (row.get(source_col), row.get(label_col))
        if key in seen or is_blank(key[0]):
            continue
        seen.add(key)
        parts.append(f"{source_link(pkg, key[0])} {badge(key[1])}")
    none = _("no source recorded")
    return Raw(f'<span class="provenance">{h(_("; ")).join(parts) or h(none)}</span>')


def figure_text(row: dict) -> str:
    """A card's figure in words, as its source states it ('over 90 institutional changes' for a target the
    source gives as a floor)."""
    from spf.sitegen.figures import LABELS, Fig  # figures imports this module

    if row.get("verification") in LABELS:
        return Fig.of(row).words()
    return figure(row["value"], row["unit"], row["qualifier"])


def kpi(title: str, rows: list[dict], pkg, note: str = "", level: int = 3) -> Raw:
    """A headline card: each figure with its period, label and source. Several rows = shown side by side.
    `level` is its title's heading level: one below the heading the card sits under."""
    items = []
    for row in rows:
        target = " target" if row["qualifier"] == "target" else ""
        items.append(
            f'<div class="kpi__figure{target}"><span class="kpi__value">{h(figure_text(row))}</span>'
            f'<span class="kpi__meta">{data_text(row["label"])} · {data_text(row["period"])} '
            f"{badge(row['verification'])}</span>"
            f'<span class="kpi__source">{source_of(pkg, row["source_id"])}</span></div>'
        )
    extra = f'<p class="kpi__note">{h(note)}</p>' if note else ""
    return Raw(f'<div class="kpi"><h{level} class="kpi__title">{h(title)}</h{level}>{"".join(items)}{extra}</div>')


def source_of(pkg, source_id: str) -> Raw:
    """'Source: <link> (publisher, date)'."""
    return sentence(_("Source: {source}"), source=source_link(pkg, source_id))


def kpi_grid(cards: list[str]) -> str:
    return '<div class="kpi-grid">\n' + "\n".join(cards) + "\n</div>"


@dataclass
class Column:
    key: str
    header: str
    numeric: bool = False


def cell(value) -> str:
    if isinstance(value, Raw):
        return str(value)
    return h(value)


def table(
    columns: list[Column],
    rows: list[dict],
    caption: str = "",
    attrs: str = "",
    searchable: bool = False,
    labelled_by: str = "",
    label: str = "",
) -> str:
    """An HTML table; values are escaped unless they are Raw. The wrapper scrolls sideways when the table is
    wider than the screen, so it is a focusable, named <section> (keyboard users can scroll it too): named by
    the element `labelled_by` (e.g. a chart's title), else `label`, else the caption, else its first columns
    (names are unique on a page: html-validate's unique-landmark). Tables stay out of the search index unless
    `searchable` (the index is loaded on every page, so it is kept small)."""
    num = ' class="num"'
    head = "".join(f'<th scope="col"{num if c.numeric else ""}>{h(c.header)}</th>' for c in columns)
    body = []
    for row in rows:
        tds = "".join(
            f'<td data-label="{h(c.header)}"{num if c.numeric else ""}>{cell(row.get(c.key, ""))}</td>' for c in columns
        )
        body.append(f"<tr>{tds}</tr>")
    cap = f"<caption>{h(caption)}</caption>" if caption else ""
    name = label or caption or _("Table: {columns}", columns=_(", ").join(c.header for c in columns[:3]))
    named = f'aria-labelledby="{h(labelled_by)}"' if labelled_by else f'aria-label="{h(name)}"'
    html = (
        f'<section class="table-wrap" tabindex="0" {named}{"" if searchable else " data-search-exclude"}>'
        f'<table class="stack"{attrs}>{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table></section>"
    )
    return SearchableBlock(html) if searchable else Block(html)


def gap(text: str, contribute_href: str) -> str:
    """A visible gap: what is not known, and how to help."""
    title, how = _("Not documented yet."), _("How to contribute")
    return (
        f'<div class="gap" role="note"><p><strong>{h(title)}</strong> {h(text)} '
        f'<a href="{h(contribute_href)}">{h(how)}</a></p></div>'
    )


def md_link(from_src: str, to_src: str) -> str:
    """Relative path between two Markdown sources, for [text](path) links that `--strict` checks."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
