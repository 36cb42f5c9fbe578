"""The site's languages: message catalogues (gettext .po files read with Babel) and locale formats.

Every user-visible string of the generator goes through this module, bound to the language of the page being
generated (`using(lang)` sets it; pages never pass a language around):

    from spf.sitegen.i18n import _, ngettext, pgettext
    _("Download this chart's data (CSV)")
    _("{n} focus countries with data", n=12)             # named placeholders, filled after translation
    ngettext("{n} country", "{n} countries", n)          # plural forms of the language (n is passed on)
    pgettext("verification label", "verified")           # a context when one English word has two uses
    when("2021-10")                                       # a date or month in a sentence: 'octobre 2021'

The catalogues are scripts/sitegen/locale/<lang>/LC_MESSAGES/messages.po, with the template messages.pot
(`make messages` extracts and updates them). They are compiled in memory when first used; no .mo file is
written or committed. A language is a catalogue: every folder in locale/ is one, English (the msgids) is the
default. A message without a translation (or a fuzzy one) is shown in English as an `Untranslated` string,
which the escaping functions of text.py mark with `<span lang="en" class="untranslated">`; it never breaks
the build, and the translations page lists it. A translation is text, never markup: one that breaks the rules
of msgrules.py (markup, other placeholders, control characters, too long) is treated as missing, and the
validator reports it (checks/catalogues.py).
"""

from __future__ import annotations

import gettext as _gettext
import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from decimal import Decimal
from functools import cache
from pathlib import Path

import pycountry
import yaml
from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_compact_decimal, format_decimal, format_percent

from spf.sitegen import msgrules, names

# SPF_LOCALE_DIR: catalogues read from elsewhere (tests plant bad translations in a copy)
LOCALE_DIR = Path(os.environ.get("SPF_LOCALE_DIR") or Path(__file__).resolve().parent / "locale")
TEMPLATE = LOCALE_DIR / "messages.pot"
DEFAULT = "en"

_ISO = re.compile(r"(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?")
_current: ContextVar[str] = ContextVar("spf_language", default=DEFAULT)


class Untranslated(str):
    """English text standing in for a missing translation. Filling its placeholders keeps the mark."""

    lang = DEFAULT

    def format(self, *args, **kwargs) -> Untranslated:
        return Untranslated(str.format(self, *args, **kwargs))


def languages() -> list[str]:
    """English, then every language that has a catalogue, in alphabetical order."""
    found = sorted(p.parent.parent.name for p in LOCALE_DIR.glob("*/LC_MESSAGES/messages.po"))
    return [DEFAULT] + [lang for lang in found if lang != DEFAULT]


@contextmanager
def using(lang: str) -> Iterator[str]:
    """Generate in `lang` inside the block."""
    token = _current.set(lang)
    try:
        yield lang
    finally:
        _current.reset(token)


def current() -> str:
    return _current.get()


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / "messages.po"


@cache
def catalog(lang: str) -> Catalog:
    """The catalogue of a language as Babel reads it (the template for English)."""
    path = TEMPLATE if lang == DEFAULT else po_path(lang)
    with path.open("rb") as f:
        loaded = read_po(f, locale=None if lang == DEFAULT else lang)
    if lang != DEFAULT:
        for message in loaded:
            if message.id and message.string and msgrules.message_problems(message):
                message.flags.add("fuzzy")  # not text: shown in English, marked, and left out of write_mo
    return loaded


@cache
def _translations(lang: str) -> _gettext.NullTranslations:
    if lang == DEFAULT or not po_path(lang).is_file():
        return _gettext.NullTranslations()
    buffer = io.BytesIO()
    write_mo(buffer, catalog(lang))  # compiled in memory; fuzzy entries are left out
    buffer.seek(0)
    return _gettext.GNUTranslations(buffer)


def is_translated(lang: str, msgid: str, context: str | None = None) -> bool:
    return lang == DEFAULT or (context, msgid) in _translated(lang)


@cache
def _translated(lang: str) -> frozenset[tuple[str | None, str]]:
    """(context, msgid) of every message with a usable translation in `lang` (all plural forms filled, not
    fuzzy), looked up once per language: a page build asks tens of thousands of times."""
    if not po_path(lang).is_file():
        return frozenset()
    found = set()
    for message in catalog(lang):
        strings = message.string
        filled = all(strings) if isinstance(strings, tuple) else bool(strings)
        if message.id and filled and not message.fuzzy:
            found.add((message.context, message.id[0] if isinstance(message.id, tuple) else message.id))
    return frozenset(found)


def _fill(text: str, params: dict) -> str:
    return text.format(**params) if params else text


def _lookup(msgid: str, context: str | None, plural: str | None = None, n: int = 1) -> str:
    lang = current()
    if not is_translated(lang, msgid, context):
        english = msgid if plural is None or n == 1 else plural
        return english if lang == DEFAULT else Untranslated(english)
    t = _translations(lang)
    if plural is None:
        return t.pgettext(context, msgid) if context else t.gettext(msgid)
    return t.npgettext(context, msgid, plural, n) if context else t.ngettext(msgid, plural, n)


def _(msgid: str, **params) -> str:
    """The message in the current language, its {placeholders} filled from params."""
    return _fill(_lookup(msgid, None), params)


def pgettext(context: str, msgid: str, **params) -> str:
    return _fill(_lookup(msgid, context), params)


def ngettext(singular: str, plural: str, n: int, **params) -> str:
    """The plural form of the current language for n; {n} and params are filled in."""
    return _fill(_lookup(singular, None, plural, n), {"n": n, **params})


def N_(msgid: str) -> str:
    """Marks a string for extraction where it is defined; translate it with _() where it is shown."""
    return msgid


# Locale formats (Babel). English keeps the site's established style, byte for byte; other languages follow CLDR.


# CLDR's minimumGroupingDigits where it is not 1: Spanish and European Portuguese group only from five digits
# ('1094', '11.094', '11 094'). Babel does not apply it, so decimal() does.
MIN_GROUPING = {"es": 2, "pt_PT": 2}


def cldr(lang: str | None = None) -> str:
    """The CLDR locale whose formats and names a language's pages use (default: the current language): the
    `Language` its catalogue's header gives ('pt_PT' for the site's 'pt', the norm of Angola, Mozambique and
    Cabo Verde), else the language's own code."""
    return _cldr(lang or current())


@cache
def _cldr(lang: str) -> str:
    if lang == DEFAULT or not po_path(lang).is_file():
        return lang
    return str(catalog(lang).locale or lang)  # Babel reads the header's Language


def decimal(english: str) -> str:
    """A number already written in English digits ('1,234.5') in the current language ('1 234,5'; '1094' and
    '11.094' in Spanish, after CLDR's minimum grouping)."""
    lang = current()
    if lang == DEFAULT:
        return english
    value = Decimal(english.replace(",", ""))
    if MIN_GROUPING.get(cldr(lang), 1) == 2 and abs(value) < 10000:
        return format_decimal(value, format="0.###", locale=cldr(lang), decimal_quantization=False)
    return format_decimal(value, locale=cldr(lang), decimal_quantization=False)


def words(value: float) -> str:
    """A round number of millions or billions in words: '13,5 millions', '60 millones' (CLDR, with plurals)."""
    return format_compact_decimal(value, format_type="long", locale=cldr(), fraction_digits=3)


def percent(english_number: str) -> str:
    """A percentage from its number ('38.7') -> '38.7 %' in English, '38,7 %' in French (CLDR spacing)."""
    lang = current()
    if lang == DEFAULT:
        return f"{english_number} %"
    share = Decimal(english_number.replace(",", "")) / 100
    return format_percent(share, locale=cldr(lang), decimal_quantization=False)


def date(value) -> str:
    """A date ('2025-03-28' or a date) in the current language's long format: 28 mars 2025."""
    from datetime import date as _date

    day = value if isinstance(value, _date) else _date.fromisoformat(str(value))
    return format_date(day, format="long", locale=cldr())


def when(value) -> str:
    """A date, a month or a year as the data writes them (2025-03-28, 2025-03, 2025) in a sentence of the page's
    language: '28 mars 2025', 'marzo de 2025' (CLDR long date, month-year skeleton). English pages and
    anything else (a year, a period) keep the text as written."""
    text = str(value)
    if current() == DEFAULT or not _ISO.fullmatch(text):
        return text
    if len(text) == 10:
        return date(text)
    from datetime import date as _date

    month = _date(int(text[:4]), int(text[5:7]), 1)
    return format_skeleton("yMMMM", month, locale=cldr())


def range_(low: str, high: str) -> str:
    """Two formatted numbers as a range."""
    return pgettext("range of two numbers", "{low}–{high}", low=low, high=high)


def country(iso3: str, english: str | None = None) -> str:
    """A country's name in the current language: the data's (or ISO's) on English pages; on others the UN
    short name where the reviewed list of names.py has one, else CLDR's territory name (Babel)."""
    found = pycountry.countries.get(alpha_3=iso3.upper())  # codes only
    if found is None:
        return english or iso3
    lang = current()
    if lang == DEFAULT:
        return english or found.name
    territory = Locale.parse(cldr(lang)).territories.get(found.alpha_2)
    return names.un_short_name(lang, iso3) or territory or english or found.name


def group_name(english: str) -> str | None:
    """An ILO region or World Bank income group in the current language, or None (English, or not listed)."""
    return None if current() == DEFAULT else names.group(current(), english)


def language_name(lang: str, in_lang: str | None = None) -> str:
    """The name of a language, in `in_lang` (default: in itself): 'français', 'español'."""
    return Locale.parse(lang).get_display_name(in_lang or lang)


def extract_datapackage(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel extractor for datapackage.json: each resource's title (or name), context "resource" (the data
    pages' titles)."""
    import json

    for res in json.loads(fileobj.read().decode("utf-8")).get("resources", []):
        title = res.get("title") or res.get("name")
        if isinstance(title, str) and title.strip():
            yield 0, "pgettext", ("resource", title), []


def extract_views(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel extractor for views.yml: each message becomes a msgid (its English text) with its id as context."""
    source = fileobj.read().decode("utf-8")
    lines = source.splitlines()
    for message_id, text in yaml.safe_load(source).get("messages", {}).items():
        number = next((i for i, line in enumerate(lines, 1) if line.strip().startswith(message_id + ":")), 0)
        yield number, "pgettext", (message_id, text), []


class _AnyTagLoader(yaml.SafeLoader):
    """Reads mkdocs.yml, whose !ENV and !!python tags do not matter for the texts."""


_AnyTagLoader.add_multi_constructor("!", lambda loader, suffix, node: None)
_AnyTagLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def extract_mkdocs(fileobj, keywords, comment_tags, options) -> Iterator[tuple]:
    """Babel extractor for mkdocs.yml: the site's name and description (context "site"), the titles the
    navigation gives (context "navigation") and the colour-scheme toggles' names (context "theme")."""
    config = yaml.load(fileobj.read().decode("utf-8"), Loader=_AnyTagLoader)
    for key in ("site_name", "site_description"):
        if config.get(key):
            yield 0, "pgettext", ("site", config[key].strip()), []

    def titles(items):
        for item in items or []:
            if isinstance(item, dict):
                for title, value in item.items():
                    yield title
                    if isinstance(value, list):
                        yield from titles(value)

    for title in dict.fromkeys(titles(config.get("nav"))):
        yield 0, "pgettext", ("navigation", title), []
    palette = (config.get("theme") or {}).get("palette")
    for option in palette if isinstance(palette, list) else []:
        if (option.get("toggle") or {}).get("name"):
            yield 0, "pgettext", ("theme", option["toggle"]["name"]), []
