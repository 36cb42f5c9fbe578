"""Grammar by construction (issue 20): counts agree with their number, dates and counts read in the page's
language.

- No "1 " before a plural noun on any page in any language (every count goes through ngettext).
- No ISO date (2021-10-07) or month (2021-10) in the running text of French and Spanish pages: sentences,
  legends and citations go through i18n.when (Babel's long date, month-year skeleton). Left out, by decision:
  table cells (they show the data's values as the CSV holds them, as the downloads do), code, text marked
  lang="en", file names, and the changelog page (CHANGELOG.md, contributor text in English).
- Plain counts of this package's rows carry the catalogue's "here", which the label scan reads as their label.
"""

from __future__ import annotations

import pytest

from site_text import iso_dates, one_plus_plural, pages, visible_text
from spf.sitegen import figures, i18n
from spf.sitegen.figures import Fig, count_text, unlabelled_numbers

OTHER = [lang for lang in i18n.languages() if lang != i18n.DEFAULT]


# --- the finders, on planted text ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "Phase 2: 1 changes documented"),
        ("en", "There is 1 institutional changes here."),
        ("fr", "Phase 2 : 1 changements institutionnels"),
        ("fr", "1 partenaires sur 11 ont un montant"),
        ("es", "Fase 2: 1 cambios institucionales"),
        ("es", "1.094 filas y 1 filas"),
    ],
)
def test_one_before_a_plural_noun_is_found(lang, text):
    assert one_plus_plural(text, lang), text


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("en", "1 change, 11 changes, 2.1 changes, phase 1 results, step 1 changes, 1 million people"),
        ("fr", "1 094 lignes, 1 changement institutionnel, 21 pays, ODD 1 chiffres"),
        ("es", "1.094 filas, 1 cambio institucional, fase 1 resultados"),
    ],
)
def test_singulars_and_larger_numbers_are_not_found(lang, text):
    assert one_plus_plural(text, lang) == []


def test_iso_dates_are_found_and_periods_are_not():
    assert len(iso_dates("publiée le 2026-12-01, au 2021-10.")) == 2
    assert iso_dates("2021-2025, 2016-2020, 13.5, 1 000 000") == []


def test_the_visible_text_leaves_out_code_and_english_data_text_on_other_pages():
    html = '<p>Publié le <code>2026-12-01</code> <span lang="en">2021-10 report</span> 4 mai</p>'
    assert iso_dates(visible_text(html, "fr")) == []
    assert iso_dates(visible_text(html, "en"))  # on English pages, lang="en" is the page's own text


# --- the generators ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", i18n.languages())
def test_counts_of_one_are_singular(lang):
    from spf.sitegen.text import figure

    with i18n.using(lang):
        for unit in ("focus countries", "entries", "documented"):
            assert one_plus_plural(count_text(1, unit), lang) == [], count_text(1, unit)
        assert one_plus_plural(figure(1, "institutional changes"), lang) == []
        assert one_plus_plural(Fig(1, "institutional changes", "verified").text(), lang) == []


@pytest.mark.parametrize("lang", i18n.languages())
def test_plain_counts_carry_the_catalogues_here_and_pass_the_label_scan(lang):
    with i18n.using(lang):
        here = figures.here()
        for n in (0, 1, 2, 1000000):
            for unit in ("focus countries", "entries", "documented"):
                text = count_text(n, unit)
                assert here in text and "(" not in text, text
                assert unlabelled_numbers(f"{text}.") == [], text
        note = figures.count_note()
    assert here in note


@pytest.mark.parametrize("lang", OTHER)
def test_dates_in_sentences_are_written_in_the_language(lang):
    with i18n.using(lang):
        assert iso_dates(i18n.when("2026-12-01")) == []
        assert iso_dates(i18n.when("2021-10")) == []
        assert i18n.when("2021-2025") == "2021-2025"
    with i18n.using("en"):
        assert i18n.when("2021-10") == "2021-10"  # English keeps the site's established style


# --- the built site ---------------------------------------------------------------------------------------


@pytest.mark.repo_data
@pytest.mark.parametrize("lang", i18n.languages())
def test_no_page_writes_one_before_a_plural_noun(built_site, lang):
    bad = {}
    for page in pages(built_site, lang):
        found = one_plus_plural(visible_text(page.read_text(encoding="utf-8"), lang), lang)
        if found:
            bad[page.relative_to(built_site).as_posix()] = found
    assert bad == {}


@pytest.mark.repo_data
@pytest.mark.parametrize("lang", OTHER)
def test_no_iso_date_in_the_running_text_of_other_languages(built_site, lang):
    bad = {}
    for page in pages(built_site, lang):
        rel = page.relative_to(built_site).as_posix()
        if rel.startswith(f"{lang}/data/changelog/"):
            continue
        text = visible_text(page.read_text(encoding="utf-8"), lang, skip_tables=True)
        found = iso_dates(text)
        if found:
            bad[rel] = found
    assert bad == {}


def test_svg_text_wraps_at_ordinary_spaces_only():
    from spf.sitegen import svg

    text = "Financement\u00a0mobilisé 75\u00a0millions\u00a0$\u00a0US et 38,7\u202f% de couverture"
    lines = svg.wrap(text, width=40, max_lines=10)
    assert len(lines) > 1
    assert any("75\u00a0millions\u00a0$\u00a0US" in line for line in lines)
    assert all(not line.startswith(("$", "%", "US")) for line in lines)
    assert " ".join(lines) == text


def test_numbers_follow_cldr_in_each_language():
    """Spanish groups from five digits (CLDR minimumGroupingDigits 2, which Babel does not apply): '1094',
    '11.094'; French groups every thousand with a narrow no-break space."""
    with i18n.using("es"):
        assert i18n.decimal("1,094") == "1094"
        assert i18n.decimal("11,094") == "11.094"
        assert i18n.decimal("9,999.5") == "9999,5"
    with i18n.using("fr"):
        assert i18n.decimal("1,094") == "1\u202f094"
    with i18n.using("en"):
        assert i18n.decimal("1,094") == "1,094"
    # Portuguese: CLDR pt_PT (the catalogue header's Language), not Babel's Brazilian 'pt' ('1.094', '38,7%')
    with i18n.using("pt"):
        assert i18n.cldr() == "pt_PT"
        assert (i18n.decimal("1,094"), i18n.decimal("11,094.5")) == ("1094", "11\u00a0094,5")
        assert (i18n.percent("38.7"), i18n.words(3.8e9)) == ("38,7%", "3,8 mil milhões")
        assert i18n.when("2025-03-28") == "28 de março de 2025" and i18n.country("KEN") == "Quénia"
    # Arabic: Latin digits, CLDR's default numbering system for 'ar' (the digits of the downloads and charts)
    with i18n.using("ar"):
        assert (i18n.decimal("11,094.5"), i18n.percent("38.7")) == ("11,094.5", "38.7%")
        assert i18n.when("2025-03-28") == "28 مارس 2025" and i18n.country("PSE") == "دولة فلسطين"
        assert not any("\u0660" <= c <= "\u0669" for c in i18n.when("2025-03-28") + i18n.decimal("1,234"))


def test_download_sizes_are_written_in_the_pages_language():
    from spf.sitegen.downloads import local_size
    from spf.sitegen.late import fill_downloads

    assert local_size("80.5 KB", "en") == "80.5 KB"
    assert local_size("80.5 KB", "fr") == "80,5\u00a0ko"
    assert local_size("1.2 MB", "es") == "1,2\u00a0MB"
    page = '<html lang="fr"><p>@@spf-download:size:a.csv@@</p>'
    assert fill_downloads(page, {"a.csv": ("80.5 KB", "x")}) == '<html lang="fr"><p>80,5\u00a0ko</p>'


def test_markdown_escaping_keeps_no_break_spaces():
    """md() puts data and catalogue text on one line; the no-break spaces French needs stay ('Source : ')."""
    from spf.sitegen.text import md

    assert md("Source\u00a0: x\n y  1\u202f094") == "Source\u00a0: x y 1\u202f094"
