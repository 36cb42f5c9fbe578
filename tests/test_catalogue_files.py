"""The .po files as gettext reads them: a header (Language, Plural-Forms, UTF-8) and `msgfmt --check` clean.

msgfmt comes from Debian's `gettext` package (`make test` installs it when missing, like nodejs for the HTML
test). The header must agree with Babel's CLDR plural rules, so the three plural forms written in each
catalogue are the ones the site reads (i18n.py compiles the catalogues in memory with Babel).
"""

from __future__ import annotations

import shutil
import subprocess

import pytest
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po

from spf.sitegen import i18n

OTHER = [lang for lang in i18n.languages() if lang != i18n.DEFAULT]


def msgfmt_check(path) -> subprocess.CompletedProcess:
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.fail("msgfmt is missing: install Debian's gettext (`make test` does)")
    return subprocess.run([msgfmt, "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True)


@pytest.mark.parametrize("lang", OTHER)
def test_msgfmt_check_passes(lang):
    result = msgfmt_check(i18n.po_path(lang))
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("lang", OTHER)
def test_header_names_the_language_and_its_plural_forms(lang):
    with i18n.po_path(lang).open("rb") as f:
        catalog = read_po(f)  # no locale given: what the header alone says
    headers = dict(catalog.mime_headers)
    # the site's code, or a CLDR locale of it whose formats the pages use (pt: pt_PT, see i18n.cldr)
    assert headers.get("Language") in (lang, i18n.cldr(lang)) and i18n.cldr(lang).split("_")[0] == lang
    assert "charset=utf-8" in headers.get("Content-Type", "").lower()
    assert catalog.num_plurals == get_plural(i18n.cldr(lang)).num_plurals == {"ar": 6}.get(lang, 3)
    assert catalog.plural_expr == get_plural(i18n.cldr(lang)).plural_expr
    forms = {len(m.string) for m in catalog if m.id and isinstance(m.id, tuple)}
    assert forms == {catalog.num_plurals}, "every plural message carries one msgstr[] per form of the header"


@pytest.mark.parametrize("lang", OTHER)
def test_the_site_picks_the_plural_form_of_the_header(lang):
    with i18n.using(lang):
        one = i18n.ngettext("{count} entry", "{count} entries", 1, count="1")
        many = i18n.ngettext("{count} entry", "{count} entries", 5, count="5")
    assert one != many.replace("5", "1")


def test_arabic_counts_take_six_forms():
    """Arabic: 0, 1, 2, 3-10, 11-99 and 100+ each take their own form of the noun, as the header says."""
    with i18n.using("ar"):
        forms = [
            i18n.ngettext("{count} focus country here", "{count} focus countries here", n, count=str(n))
            for n in (0, 1, 2, 3, 11, 100)
        ]
    assert len(set(f.replace(str(n), "#") for n, f in zip((0, 1, 2, 3, 11, 100), forms, strict=True))) >= 4
    assert all(str(n) in f and "countr" not in f for n, f in zip((0, 1, 2, 3, 11, 100), forms, strict=True))


def test_msgfmt_check_fails_on_a_catalogue_without_header(tmp_path):
    body = i18n.po_path(OTHER[0]).read_text(encoding="utf-8").split("\n\n", 1)[1]
    bad = tmp_path / "messages.po"
    bad.write_text(body, encoding="utf-8")
    assert msgfmt_check(bad).returncode != 0
    broken = tmp_path / "broken.po"
    broken.write_text(
        i18n.po_path(OTHER[0]).read_text(encoding="utf-8") + '\n#, python-format\nmsgid "%(a)s x"\nmsgstr "y"\n',
        encoding="utf-8",
    )
    assert msgfmt_check(broken).returncode != 0
