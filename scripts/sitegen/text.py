"""Formatting figures and escaping text from data. Data text is always shown literally."""

from __future__ import annotations

import html
import math
import re

from spf.sitegen import i18n
from spf.sitegen.i18n import N_, Untranslated, _, ngettext, pgettext

# Markdown punctuation that can start markup anywhere in a line (emphasis, links, code, attr_list, tables).
_MD_PUNCT = re.compile(r"[\\`*_{}\[\]()#+!|\-]")
# `@` is written as an entity so that data text can never form a build placeholder (late.py's @@spf-...@@).
_AT = "&#64;"
# h() output can land inside Markdown (an attribute of inline HTML in a paragraph, a table cell): Markdown's
# link, code and attr_list patterns would run over it (a link inside title="..." closes the attribute), so the
# characters they need are written as entities too, and a line break cannot start a block. A browser shows
# the same text; nothing in it can be markup for HTML or Markdown.
# Control characters (the validator refuses them in data and catalogues) are shown as U+FFFD: Markdown uses
# two of them (STX, ETX) to mark its own stash of HTML, and HTML has no entity for most of them.
_CONTROL = {c: "\ufffd" for c in [*range(0x20), *range(0x7F, 0xA0)] if chr(c) not in "\t\n\r"}
# Data text inside generated text (a label or a period of the data in a chart's summary, a source's title in
# its credit line): as_data() puts it between these two private-use characters on pages in other languages;
# marked() turns them into an element marked lang="en" where text is element content (summaries, the SVG's
# <text>), and h(), md() and plain() drop them everywhere else (an attribute cannot mark a part of itself).
DATA_START, DATA_END = "\ue000", "\ue001"
_DATA_MARKS = {ord(DATA_START): None, ord(DATA_END): None}
# One table for all of it, applied once (as html.escape writes &, <, >, " and ').
_ESCAPE_KEEPING_DATA = str.maketrans(
    {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;", "@": _AT}
    | {c: f"&#{ord(c)};" for c in "`*_[]{}\\|#!\n\r"}
    | _CONTROL
)
_ESCAPE = _ESCAPE_KEEPING_DATA | _DATA_MARKS


# Catalogue text is plain text (msgrules.py); the markup around a part of it comes from the code, through
# named placeholders: _("See {link_start}how to contribute{link_end}.", **link_parts(href)).
STRONG = {"strong_start": "**", "strong_end": "**"}


def link_parts(href: str) -> dict[str, str]:
    """The Markdown link the code puts around catalogue text: {link_start}text{link_end}."""
    return {"link_start": "[", "link_end": f"]({href})"}


def h(text) -> str:
    """Escape for HTML, the same in element content and in attribute values: it adds no markup (so an
    untranslated text is not marked here; marked(), md() and h_message() mark it where they write element
    content). None and NaN become an empty string. This and md() are the one path by which text from data or
    datapackage.json reaches a page."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return str(text).translate(_ESCAPE)


def h_message(template: str) -> str:
    """h() of a catalogue message, as element content, whose {placeholders} are filled afterwards (with HTML
    parts escaped on their own): its braces stay, because a message has braces only around placeholders
    (msgrules.py); an untranslated message is marked."""
    return mark_untranslated(template, h(template).replace("&#123;", "{").replace("&#125;", "}"))


# Ordinary white space (what a line may break at). No-break spaces (U+00A0, U+202F: '38,7 %', 'Source : ',
# '1 094') are not white space to the site: they stay where the catalogue or Babel put them.
BREAKABLE = re.compile(r"[ \t\r\n\f\v\x1c-\x1f\x85\u2028\u2029]+")


def md(text) -> str:
    """Escape data text for a Markdown paragraph or heading: every Markdown punctuation character, then HTML,
    on one line (a line break in data could start a heading, a list or an attr_list block)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    one_line = " ".join(w for w in BREAKABLE.split(str(text).translate(_CONTROL | _DATA_MARKS)) if w)
    escaped = _MD_PUNCT.sub(lambda m: "\\" + m.group(0), one_line)
    escaped = re.sub(r"^(\d+)\.", r"\1\\.", escaped)  # "1. x" would start a numbered list
    return mark_untranslated(text, html.escape(escaped, quote=False).replace("@", _AT))


def period_in_words(period) -> bool:
    """True for a period written with words ('2021 to March 2025'): data text in English, unlike a period in
    digits ('2021-2024'), which reads the same in every language."""
    return not is_blank(period) and re.search(r"[^\W\d_]", str(period)) is not None


def as_data(text) -> str:
    """Text of the data inside generated text, kept apart so that marked() can mark it with its language (on
    English pages it is the text itself)."""
    inner = plain(text)
    if i18n.current() == i18n.DEFAULT or not inner:
        return inner
    return f"{DATA_START}{inner}{DATA_END}"


def plain(text) -> str:
    """The text without the marks of as_data() (for files, lengths and attributes)."""
    return "" if is_blank(text) else str(text).translate(_DATA_MARKS)


def marked_lines(lines: list[str], tag: str = "span") -> list[str]:
    """h() of each line, with the data text of as_data() in <tag lang="en">; a part that runs over several
    lines (wrapped text) is marked on each of them."""
    out, inside = [], False
    for line in lines:
        parts = [f'<{tag} lang="en">'] if inside else []
        for char in str(line).translate(_ESCAPE_KEEPING_DATA):
            if char == DATA_START and not inside:
                parts.append(f'<{tag} lang="en">')
                inside = True
            elif char == DATA_END and inside:
                parts.append(f"</{tag}>")
                inside = False
            elif char not in (DATA_START, DATA_END):
                parts.append(char)
        out.append(mark_untranslated(line, "".join(parts) + (f"</{tag}>" if inside else "")))
    return out


def marked(text, tag: str = "span") -> str:
    """h() of text as element content, its data text (as_data) marked with its language."""
    return "" if is_blank(text) else marked_lines([text], tag)[0]


def mark_untranslated(text, escaped: str) -> str:
    """English standing in for a missing translation (i18n.Untranslated) is marked as such, visibly (CSS)."""
    if isinstance(text, Untranslated):
        return f'<span lang="en" class="untranslated">{escaped}</span>'
    return escaped


def is_blank(value) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


# Number formats: English as the site always wrote it; other languages through Babel (i18n.decimal, .words,
# .percent), from the same digits, so a figure is never rounded or re-estimated.


def number(value) -> str:
    """A number exactly as recorded, with the language's separators; never rounded."""
    value = float(value)
    if value.is_integer():
        return i18n.decimal(f"{int(value):,}")
    return i18n.decimal(f"{value:,.10f}".rstrip("0").rstrip("."))


def in_words(value) -> bool:
    """Whether big() writes the value in words (a whole number of thousandths of a million or billion)."""
    value = float(value)
    return any(value >= size and round(value / size, 3) * size == value for size in (1e9, 1e6))


def big(value) -> str:
    """Millions and billions in words when that loses no digit (13500000 -> 13.5 million, 13,5 millions)."""
    value = float(value)
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if value >= size and round(value / size, 3) * size == value:
            return i18n.words(value) if i18n.current() != i18n.DEFAULT else f"{number(value / size)} {word}"
    return number(value)


def percent(value) -> str:
    """'52.4 %' (English), '52,4 %' (French), '52,4 %' (Spanish)."""
    value = float(value)
    english = f"{int(value):,}" if value.is_integer() else f"{value:,.10f}".rstrip("0").rstrip(".")
    return i18n.percent(english)


QUALIFIER_WORDS = {"at_least": N_("over {figure}"), "about": N_("about {figure}")}
# The units of headline_figures.csv as the data writes them; shown translated where the catalogue has them.
UNITS = (
    N_("people"),
    N_("countries"),
    N_("countries and territories"),
    N_("institutional changes"),
    N_("thematic areas"),
    N_("representatives"),
    N_("staff"),
)


# What follows "percent" or "USD" in a unit of the data ("percent of GDP", "USD billion per year").
UNIT_TAILS = (N_("of GDP"),)
# units of money the data uses, each a whole message: "US$308.5 billion per year" reads in French
# "308,5 milliards de dollars des États-Unis par an", not "308,5 $ US" followed by "billion per year"
MONEY_UNITS = {
    "USD billion per year": N_("US${amount} billion per year"),
    "USD per person": N_("US${amount} per person"),
}


def unit_name(unit: str) -> str:
    return _(unit) if unit in UNITS else unit


def _counted(unit: str, n: int, amount: str) -> str | None:
    """A whole number of a unit with the plural form of the language ('1 institutional change'), or None for
    a unit without its own plural message."""
    forms = {
        "people": ngettext("{amount} person", "{amount} people", n, amount=amount),
        "countries": ngettext("{amount} country", "{amount} countries", n, amount=amount),
        "institutional changes": ngettext(
            "{amount} institutional change", "{amount} institutional changes", n, amount=amount
        ),
        "thematic areas": ngettext("{amount} thematic area", "{amount} thematic areas", n, amount=amount),
    }
    return forms.get(unit)


def unit_tail(tail: str) -> str:
    """The rest of a unit after "percent" or "USD", translated where the catalogue has it, else data text."""
    return _(tail) if tail in UNIT_TAILS else as_data(tail)


def figure(value, unit: str, qualifier: str = "exact") -> str:
    """A figure in words: 'over 55 million people', 'US$160 million', '52.4 %'."""
    if is_blank(value):
        return pgettext("figure", "no figure")
    unit = unit or ""
    if unit == "USD":
        text = pgettext("money", "US${amount}", amount=big(value))
    elif unit in MONEY_UNITS:  # one message each, so the amount, the currency and the rest read as one phrase
        text = _(MONEY_UNITS[unit], amount=number(value))
    elif unit.startswith("USD "):  # another unit of money: the rest as the data writes it
        text = pgettext("money", "US${amount}", amount=number(value)) + f" {unit_tail(unit[4:])}"
    elif unit.startswith("percent"):
        rest = unit[len("percent") :].strip()
        text = percent(value) + (f" {unit_tail(rest)}" if rest else "")
    elif unit.startswith("index"):
        text = pgettext("figure", "{value} (index 0-100)", value=number(value))
    elif not unit:
        text = big(value)
    elif in_words(value):  # French and Spanish: '55 millions de personnes', '55 millones de personas'
        text = pgettext("number in words and its unit", "{amount} {unit}", amount=big(value), unit=unit_name(unit))
    elif float(value) == 1 and _counted(unit, 1, big(value)):  # one of a unit: its singular
        text = _counted(unit, 1, big(value))
    else:
        text = pgettext("number and its unit", "{amount} {unit}", amount=big(value), unit=unit_name(unit))
    template = QUALIFIER_WORDS.get(qualifier)
    return _(template, figure=text) if template else text


def short(value, unit: str) -> str:
    """Compact label for chart bars and axes."""
    if unit == "USD":
        return pgettext("money", "US${amount}", amount=big(value))
    if unit.startswith("percent"):
        return percent(value)
    return big(value)
