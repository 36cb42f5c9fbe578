"""What a translation (a msgstr of a .po catalogue) may be: plain text with exactly its msgid's named
placeholders. Catalogues are changed by pull request like data, so a msgstr is never markup: where a message
needs a link or emphasis, its msgid has named placeholders that the code fills ({link_start}…{link_end}).

One rule set, used twice: the validator reports every msgstr that breaks it (checks/catalogues.py, with the
file, line and msgid), and i18n.catalog() treats such a msgstr as missing (the page shows the English text,
marked), so a bad translation can neither become markup nor stop the build (KeyError, a huge format width).
The same markup rule applies to the texts of mkdocs.yml that are shown on every page (site name and
description, navigation titles)."""

from __future__ import annotations

import re
import unicodedata
from string import Formatter

# Characters that start markup in HTML (tags, entities), Markdown (code, emphasis, links, escapes, tables)
# or Plotly's pseudo-HTML. An underscore only counts at a word's edge (Markdown ignores it inside a word).
MARKUP = re.compile(r"[<>&`*\[\]\\|]|(?<!\w)_|_(?!\w)")
# At the start of the text: a Markdown heading or admonition, or a spreadsheet formula in a chart CSV.
MARKUP_START = re.compile(r"^\s*[#!=+@-]")
MAX_EXTRA = 80  # a translation may be 3 times as long as its msgid, plus this many characters
NOT_TEXT = {"Cc", "Cf", "Cn", "Co", "Cs"}  # control and format characters (bidi, zero-width), unassigned


def placeholders(text: str) -> tuple[set[str], str | None]:
    """The named placeholders of a message, and what is wrong with its braces (None when nothing)."""
    names: set[str] = set()
    try:
        fields = list(Formatter().parse(text))
    except ValueError as exc:
        return names, f"its braces do not pair up ({exc})"
    for literal, name, spec, conversion in fields:
        if "{" in literal or "}" in literal:
            return names, "it has a literal brace ({{ or }}); a brace is only for a named placeholder"
        if name is None:
            continue
        if not name.isidentifier():
            return names, f"{{{name}}} is not a plain name (no positions, attributes or indexes)"
        if spec or conversion:
            return names, f"{{{name}}} has a format (':' or '!'); write only {{{name}}}"
        names.add(name)
    return names, None


def markup(text: str) -> str | None:
    """The first character of `text` that could become markup, or None."""
    m = MARKUP.search(text) or MARKUP_START.search(text)
    return m.group(0).strip() if m else None


def not_text(text: str) -> str | None:
    """The first control, format or unassigned character, as U+XXXX, or None."""
    bad = next((c for c in text if unicodedata.category(c) in NOT_TEXT), None)
    return None if bad is None else f"U+{ord(bad):04X}"


def problems(msgid: str, plural: str | None, msgstr: str) -> list[tuple[str, str]]:
    """(error slug, what is wrong) for one translated string; [] when it may be shown."""
    found: list[tuple[str, str]] = []
    expected = placeholders(msgid)[0] | (placeholders(plural)[0] if plural else set())
    names, wrong = placeholders(msgstr)
    if wrong is None and plural is not None:  # a plural form may leave out {n} ("un pays")
        names, expected = names - {"n"}, expected - {"n"}
    if wrong is None and names != expected:
        missing, extra = sorted(expected - names), sorted(names - expected)
        wrong = "; ".join([f"{{{n}}} is missing" for n in missing] + [f"{{{n}}} is not the message's" for n in extra])
    if wrong:
        found.append(("translation-placeholder", wrong))
    if bad := not_text(msgstr):
        found.append(("translation-control-character", f"it holds the invisible or control character {bad}"))
    if bad := markup(msgstr):
        found.append(("translation-markup", f"it holds {bad!r}, which could become markup"))
    limit = 3 * len(msgid) + MAX_EXTRA
    if len(msgstr) > limit:
        found.append(("translation-too-long", f"it has {len(msgstr):,} characters, more than {limit:,}"))
    return found


def message_problems(message) -> list[tuple[str, str]]:
    """The problems of every translated form of a Babel message (empty forms are untranslated, not wrong)."""
    msgid, plural = (message.id if isinstance(message.id, str) else message.id[0]), None
    if isinstance(message.id, tuple | list):
        plural = message.id[1]
    strings = message.string if isinstance(message.string, tuple | list) else (message.string,)
    found: list[tuple[str, str]] = []
    for s in strings:
        if s:
            found += [p for p in problems(msgid, plural, s) if p not in found]
    return found
