"""Formatting figures and escaping text from data. Data text is always shown literally."""

from __future__ import annotations

import html
import math
import re

# Markdown punctuation that can start markup anywhere in a line (emphasis, links, code, attr_list, tables).
_MD_PUNCT = re.compile(r"[\\`*_{}\[\]()#+!|\-]")
# `@` is written as an entity so that data text can never form a build placeholder (late.py's @@spf-...@@).
_AT = "&#64;"


def h(text) -> str:
    """Escape for HTML (attributes too). None and NaN become an empty string. This and md() are the one path
    by which text from data or datapackage.json reaches a page."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    return html.escape(str(text), quote=True).replace("@", _AT)


def md(text) -> str:
    """Escape data text for a Markdown paragraph or heading: every Markdown punctuation character, then HTML,
    on one line (a line break in data could start a heading, a list or an attr_list block)."""
    if text is None or (isinstance(text, float) and math.isnan(text)):
        return ""
    one_line = " ".join(str(text).split())
    escaped = _MD_PUNCT.sub(lambda m: "\\" + m.group(0), one_line)
    escaped = re.sub(r"^(\d+)\.", r"\1\\.", escaped)  # "1. x" would start a numbered list
    return html.escape(escaped, quote=False).replace("@", _AT)


def is_blank(value) -> bool:
    return value is None or value == "" or (isinstance(value, float) and math.isnan(value))


def number(value) -> str:
    """A number exactly as recorded, with thousands separators; never rounded."""
    value = float(value)
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.10f}".rstrip("0").rstrip(".")


def big(value) -> str:
    """Millions and billions in words when that loses no digit (13500000 -> 13.5 million)."""
    value = float(value)
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if value >= size and round(value / size, 3) * size == value:
            return f"{number(value / size)} {word}"
    return number(value)


QUALIFIER_WORDS = {"at_least": "over ", "about": "about ", "exact": "", "target": ""}


def figure(value, unit: str, qualifier: str = "exact") -> str:
    """A figure in words: 'over 55 million people', 'US$160 million', '52.4 %'."""
    if is_blank(value):
        return "no figure"
    prefix = QUALIFIER_WORDS.get(qualifier, "")
    unit = unit or ""
    if unit == "USD":
        return f"{prefix}US${big(value)}"
    if unit.startswith("USD "):  # e.g. "USD billion per year"
        return f"{prefix}US${number(value)} {unit[4:]}"
    if unit.startswith("percent"):
        rest = unit[len("percent") :].strip()
        return f"{prefix}{number(value)} %" + (f" {rest}" if rest else "")
    if unit.startswith("index"):
        return f"{prefix}{number(value)} (index 0-100)"
    return f"{prefix}{big(value)} {unit}".strip()


def short(value, unit: str) -> str:
    """Compact label for chart bars and axes."""
    if unit == "USD":
        return f"US${big(value)}"
    if unit.startswith("percent"):
        return f"{number(value)} %"
    return big(value)
