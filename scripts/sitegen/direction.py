"""Writing direction: which languages read right to left, and the marks that keep mixed text in order.

A language's direction is CLDR's (Babel's `character_order`), so a right-to-left language needs no setting:
its catalogue is enough. On a right-to-left page:

- `<html>` carries `dir="rtl"` (Material writes it on `<body>` from its own language files; the root element
  is what readers, search engines and the CSS's logical properties go by), and the layout mirrors through
  the theme's RTL styles and site.css's logical properties (`inset-inline-end`, `text-align: start`);
- every HTML element marked as being in a left-to-right language (data text `lang="en"`, the language
  switcher's names) also carries `dir="ltr"`, which isolates it (HTML's `[dir] { unicode-bidi: isolate }`):
  an English source title inside an Arabic sentence keeps its own order, brackets included;
- chart images keep their geometry (see `svg_line`): the same rule in the SVG, the PNG and the interactive
  chart.

The chart rule: a chart's axes read left to right in every language (time runs from left to right, values
grow upwards or to the right), the way the data downloads and the sources are written; only the text
changes. A line of chart text that holds right-to-left letters is drawn as a right-to-left embedding
(U+202B ... U+202C) so that its words come in reading order, and the data text inside it as a left-to-right
one (U+202A ... U+202C). Browsers and resvg (the PNGs) honour these marks; resvg ignores SVG's `direction`
attribute, so the marks are the one way that draws the same in both.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from babel import Locale

RLE, LRE, PDF = "\u202b", "\u202a", "\u202c"


@cache
def is_rtl(lang: str) -> bool:
    """True for a language written right to left (CLDR: Arabic, Hebrew, Persian, Urdu...)."""
    try:
        return Locale.parse(lang.replace("-", "_")).character_order == "right-to-left"
    except (ValueError, LookupError):
        return False


def dir_of(lang: str) -> str:
    return "rtl" if is_rtl(lang) else "ltr"


def has_rtl_letters(text: str) -> bool:
    return any(unicodedata.bidirectional(c) in ("R", "AL") for c in text)


def svg_line(text: str, data_start: str, data_end: str) -> str:
    """A line of chart text as it is drawn: in a right-to-left embedding when it holds right-to-left letters,
    its data text (between the as_data() marks) in a left-to-right one; other lines unchanged."""
    if not has_rtl_letters(text.replace(data_start, "").replace(data_end, "")):
        return text
    return RLE + text.replace(data_start, data_start + LRE).replace(data_end, PDF + data_end) + PDF


def in_reading_order(value):
    """A Plotly figure (nested dicts and lists) whose texts are in reading order: each string that holds
    right-to-left letters gets its lines (split at Plotly's <br>) wrapped as svg_line() wraps a chart's."""
    if isinstance(value, dict):
        return {k: in_reading_order(v) for k, v in value.items()}
    if isinstance(value, list):
        return [in_reading_order(v) for v in value]
    if isinstance(value, str) and has_rtl_letters(value):
        return "<br>".join(RLE + part + PDF if has_rtl_letters(part) else part for part in value.split("<br>"))
    return value


# A lang="..." attribute (not hreflang or xml:lang: a space comes before it), and <html>'s opening tag.
_LANG = re.compile(r'\slang="([A-Za-z-]+)"')
_HTML_TAG = re.compile(r"<html\b([^<>]*)>")
_SVG_TEXT = ("tspan", "text")  # SVG text elements: ordered by the marks of svg_line, not by dir


def html(output: str, lang: str) -> str:
    """A built page in `lang`: on a right-to-left page, dir="rtl" on <html>; and on any page, each HTML element
    marked as written in a language of the other direction gets that direction as its `dir` (isolated: an
    English source title on an Arabic page, the name العربية in the language switcher of an English one)."""
    rtl = is_rtl(lang)
    if rtl:
        output = _HTML_TAG.sub(
            lambda m: m.group(0) if " dir=" in m.group(1) else f'<html{m.group(1)} dir="rtl">', output, 1
        )
    parts, last = [], 0
    for m in _LANG.finditer(output):
        if is_rtl(m.group(1)) == rtl:
            continue
        start, end = output.rfind("<", 0, m.start()), output.find(">", m.end())
        tag = output[start + 1 : end]
        name = re.match(r"[a-z][a-z0-9]*", tag)
        if start < last or end < 0 or name is None or name.group(0) in _SVG_TEXT or " dir=" in tag:
            continue
        parts += [output[last : m.end()], f' dir="{dir_of(m.group(1))}"']
        last = m.end()
    return "".join(parts) + output[last:] if parts else output
