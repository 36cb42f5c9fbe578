"""Languages: the message catalogues, their fallback, locale formats, country names and per-language goldens.

Refresh the French and Spanish goldens after an intended change with
UPDATE_GOLDENS=1 .venv/bin/python -m pytest tests/test_i18n.py and review the diff like any other change.
"""

from __future__ import annotations

import html
import os
import re
import shutil
import string
import subprocess
import sys

import pytest
from babel.messages.pofile import read_po, write_po

from conftest import ROOT, VALID
from spf.sitegen import coverage, i18n, views
from spf.sitegen.generate import generate
from spf.sitegen.i18n import Untranslated, _, ngettext, using
from spf.sitegen.text import big, figure, h, marked, md, number, percent

GOLDENS = ROOT / "tests" / "goldens_i18n"
OTHER = [lang for lang in i18n.languages() if lang != i18n.DEFAULT]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_site_has_french_and_spanish_catalogues():
    assert i18n.languages() == ["en", "ar", "es", "fr", "pt"]


@pytest.mark.parametrize("lang", OTHER)
def test_catalogue_is_complete(lang):
    missing = coverage.coverage(lang).missing
    assert missing == [], f"{lang}: {len(missing)} untranslated strings, first {missing[:5]}"


def test_catalogue_template_is_up_to_date(tmp_path):
    """messages.pot holds exactly what `make messages` extracts today (no string forgotten or left over)."""
    out = tmp_path / "messages.pot"
    cfg = i18n.LOCALE_DIR / "babel.cfg"
    pybabel = [sys.executable, "-m", "babel.messages.frontend"]
    subprocess.run(
        [*pybabel, "-q", "extract", "-F", str(cfg), "-o", str(out), "--omit-header", "."], cwd=ROOT, check=True
    )
    with out.open("rb") as f:
        fresh = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in read_po(f) if m.id}
    held = {(m.context, m.id if isinstance(m.id, str) else m.id[0]) for m in i18n.catalog(i18n.DEFAULT) if m.id}
    assert fresh == held, "run `make messages`, then translate what it added"
    assert ("chart.focus_map.title", "Focus countries by phase") in held  # views.yml is extracted
    assert ("navigation", "Results") in held  # so is mkdocs.yml's navigation


@pytest.mark.parametrize("lang", OTHER)
def test_translations_keep_the_placeholders(lang):
    for message in i18n.catalog(lang):
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = set().union(*(placeholders(i) for i in ids)) - {"n"}
        for s in strings:
            assert placeholders(s) - {"n"} == expected, f"{lang}: {message.id!r} -> {s!r}"


def test_views_messages_are_translated_by_id():
    english = views.text("chart.focus_map.title")
    with using("fr"):
        french = views.text("chart.focus_map.title")
    with using("es"):
        spanish = views.text("chart.focus_map.summary", n1=3, n2=4)
    assert english == "Focus countries by phase"
    assert french not in ("", english) and not isinstance(french, Untranslated)
    assert "4" in spanish and "3" in spanish and "{" not in spanish


def test_the_same_english_text_can_differ_by_context():
    with using("fr"):
        nav = i18n.pgettext("navigation", "Institutional changes")
        what = views.text("chart.results_phase2_changes.what")
    assert nav != what  # one English text, two French ones


def test_plural_forms_follow_the_language():
    msg = "{n} string is shown in English until it is translated:"
    plural = "{n} strings are shown in English until they are translated:"
    with using("fr"):
        one, many = ngettext(msg, plural, 1), ngettext(msg, plural, 5)
    assert one.startswith("1 ") and many.startswith("5 ") and one != many.replace("5", "1")
    assert ngettext(msg, plural, 1) == "1 string is shown in English until it is translated:"


def test_a_missing_translation_falls_back_to_marked_english():
    with using("fr"):
        text = _("A sentence no catalogue holds, about {what}.", what="x < y")
    assert isinstance(text, Untranslated) and text == "A sentence no catalogue holds, about x < y."
    assert marked(text) == '<span lang="en" class="untranslated">A sentence no catalogue holds, about x &lt; y.</span>'
    assert md(text).startswith('<span lang="en" class="untranslated">')
    assert h(text) == "A sentence no catalogue holds, about x &lt; y."  # h() is for attributes too: no markup
    assert not isinstance(_("A sentence no catalogue holds, about {what}.", what="z"), Untranslated)  # English


def test_english_formats_are_unchanged():
    assert number(1234567.25) == "1,234,567.25"
    assert big(13_500_000) == "13.5 million"
    assert percent(38.7) == "38.7 %"
    assert figure(55_000_000, "people", "at_least") == "over 55 million people"
    assert figure(160_000_000, "USD") == "US$160 million"


@pytest.mark.parametrize(
    ("lang", "millions", "share", "decimal_mark"),
    [("fr", "60 millions", "38,7\u00a0%", ","), ("es", "60 millones", "38,7\u00a0%", ",")],
)
def test_locale_number_formats(lang, millions, share, decimal_mark):
    with using(lang):
        assert big(60_000_000) == millions
        assert percent(38.7) == share
        written = number(1234567.25)
        assert written.endswith(decimal_mark + "25") and re.sub(r"\D", "", written) == "123456725"
        assert number(0.1) == "0" + decimal_mark + "1"  # never rounded, never padded
        assert big(1_500_000).startswith("1" + decimal_mark + "5 ")
        words = i18n.pgettext(
            "number in words and its unit", "{amount} {unit}", amount=big(55_000_000), unit=_("people")
        )
        assert words == millions.replace("60", "55") + " de " + _("people")  # 55 millions de personnes
        assert figure(55_000_000, "people", "at_least") == _("over {figure}", figure=words)
        assert figure(1234, "people") == number(1234) + " " + _("people")


def test_dates_follow_the_language():
    with using("fr"):
        assert i18n.date("2025-03-28") == "28 mars 2025"
    with using("es"):
        assert i18n.date("2025-03-28") == "28 de marzo de 2025"
    assert i18n.date("2025-03-28") == "March 28, 2025"


@pytest.mark.parametrize(
    ("iso3", "fr", "es"),
    [
        ("DEU", "Allemagne", "Alemania"),  # not in the package: CLDR's name
        ("MAR", "Maroc", "Marruecos"),
        ("TGO", "Togo", "Togo"),
        ("PER", "Pérou", "Perú"),
    ],
)
def test_country_names_come_from_cldr(iso3, fr, es):
    with using("fr"):
        assert i18n.country(iso3) == fr
    with using("es"):
        assert i18n.country(iso3) == es
    assert i18n.country(iso3, "As the package writes it") == "As the package writes it"  # English: the data's name


# The UN short names (UNTERM) that ILO texts use, written out here from the UN's list, not from names.py.
UN_SHORT_NAMES = {
    "fr es": [
        ("VNM", "Viet Nam", "Viet Nam"),
        ("TLS", "Timor-Leste", "Timor-Leste"),
        ("CPV", "Cabo Verde", "Cabo Verde"),
        ("CIV", "Côte d'Ivoire", "Côte d'Ivoire"),
        ("TZA", "République-Unie de Tanzanie", "República Unida de Tanzanía"),
        ("LAO", "République démocratique populaire lao", "República Democrática Popular Lao"),
        ("PSE", "État de Palestine", "Estado de Palestina"),
        ("IRQ", "Iraq", "Iraq"),
        ("SLV", "El Salvador", "El Salvador"),
        ("BFA", "Burkina Faso", "Burkina Faso"),
        ("SWZ", "Eswatini", "Eswatini"),
        ("SUR", "Suriname", "Suriname"),
        ("MWI", "Malawi", "Malawi"),
        ("RWA", "Rwanda", "Rwanda"),
        ("COD", "République démocratique du Congo", "República Democrática del Congo"),
    ],
    # Arabic is a UN language: the UN short names where CLDR writes another ('الأراضي الفلسطينية', 'ساحل
    # العاج'); Portuguese is not: CLDR pt_PT, with the UN's name where CLDR's is not a state's name.
    "ar pt": [
        ("PSE", "دولة فلسطين", "Estado da Palestina"),
        ("CIV", "كوت ديفوار", "Côte d'Ivoire"),
        ("TZA", "جمهورية تنزانيا المتحدة", "República Unida da Tanzânia"),
        ("LAO", "جمهورية لاو الديمقراطية الشعبية", "República Democrática Popular do Laos"),
        ("COD", "جمهورية الكونغو الديمقراطية", "República Democrática do Congo"),
        ("CPV", "كابو فيردي", "Cabo Verde"),
        ("VNM", "فييت نام", "Vietname"),
        ("JOR", "الأردن", "Jordânia"),
        ("MOZ", "موزامبيق", "Moçambique"),
    ],
}


@pytest.mark.parametrize(
    ("iso3", "names"),
    [
        (iso3, dict(zip(langs.split(), shown, strict=True)))
        for langs, rows in UN_SHORT_NAMES.items()
        for iso3, *shown in rows
    ],
)
def test_country_names_are_the_un_short_names(iso3, names):
    for lang, name in names.items():
        with using(lang):
            assert i18n.country(iso3) == name, lang


@pytest.mark.repo_data
def test_no_package_country_has_an_iso_style_name():
    """None of the 51 countries is named the ISO way ('Lao, République…', 'Tanzania, República unida de') or
    with the spellings the UN does not use; every one has a name in French and Spanish."""
    from spf.sitegen.package import Package

    pkg = Package.load(ROOT / "datapackage.json")
    assert len(pkg.countries) == 51
    not_un = {
        "Burquina Faso",
        "Costa de Marfíl",
        "Surinám",
        "Irak",
        "Timor oriental",
        "Salvador",
        "Cap-Vert",
        "Vietnam",
        "Viêt Nam",
        "Malaui",
        "Ruanda",
        "Esuatini",
        "Surinam",
        "Laos",
        "Tanzanie",
        "Tanzania",
    }
    for lang in OTHER:
        with using(lang):
            shown = {iso3: i18n.country(iso3, c["name"]) for iso3, c in pkg.countries.items()}
        assert all(name and "," not in name for name in shown.values()), shown
        if lang in ("fr", "es"):  # the spellings above are French and Spanish ones ('Ruanda' is Portuguese)
            assert not not_un & set(shown.values()), not_un & set(shown.values())


@pytest.mark.parametrize(
    ("lang", "english", "translated"),
    [
        ("fr", "Asia and the Pacific", "Asie et Pacifique"),
        ("fr", "Arab States", "États arabes"),
        ("es", "Europe and Central Asia", "Europa y Asia Central"),
        ("es", "Arab States", "Estados Árabes"),
        ("fr", "low-income countries", "pays à faible revenu"),
        ("es", "upper-middle-income countries", "países de ingreso mediano alto"),
        ("pt", "Arab States", "Estados Árabes"),
        ("pt", "Asia and the Pacific", "Ásia e Pacífico"),
        ("ar", "Arab States", "الدول العربية"),
        ("ar", "Asia and the Pacific", "آسيا والمحيط الهادئ"),
    ],
)
def test_ilo_regions_and_income_groups_are_named_in_the_language(lang, english, translated):
    with using(lang):
        assert i18n.group_name(english) == translated
    assert i18n.group_name(english) is None  # English pages keep the data's name


@pytest.fixture
def locale_copy(tmp_path, monkeypatch):
    """The catalogues copied to a temp dir that i18n reads instead (caches cleared before and after)."""
    folder = tmp_path / "locale"
    shutil.copytree(i18n.LOCALE_DIR, folder)
    monkeypatch.setattr(i18n, "LOCALE_DIR", folder)
    monkeypatch.setattr(i18n, "TEMPLATE", folder / "messages.pot")
    for cached in (i18n.catalog, i18n._translations, i18n._translated, i18n._cldr):
        cached.cache_clear()
    yield folder
    for cached in (i18n.catalog, i18n._translations, i18n._translated, i18n._cldr):
        cached.cache_clear()


def test_another_language_is_a_catalogue(locale_copy):
    """German with one translated string: it is a language of the site, the rest falls back visibly and the
    translations page lists what is missing; nothing breaks."""
    with (locale_copy / "messages.pot").open("rb") as f:
        catalog = read_po(f, locale="de")
    catalog.get("Nothing is missing.").string = "Nichts fehlt."
    (locale_copy / "de" / "LC_MESSAGES").mkdir(parents=True)
    with (locale_copy / "de" / "LC_MESSAGES" / "messages.po").open("wb") as f:
        write_po(f, catalog, omit_header=True)
    assert i18n.languages() == ["en", "ar", "de", "es", "fr", "pt"]
    cov = coverage.coverage("de")
    assert cov.translated == 1 and len(cov.missing) == cov.total - 1
    with using("de"):
        assert _("Nothing is missing.") == "Nichts fehlt."
        assert isinstance(views.text("chart.focus_map.title"), Untranslated)
        text = coverage.page().markdown()
    assert "Focus countries by phase" in text.split("(de)")[1]  # listed as missing
    assert '<span lang="en" class="untranslated">Translations</span>' in text
    # the front matter feeds <title> and <meta>: plain escaped text there, no mark (it would show as markup)
    front = text.split("---")[1]
    assert 'title: "Translations"' in front and "<span" not in front


@pytest.mark.repo_data
def test_untranslated_text_is_never_markup_inside_an_attribute(locale_copy):
    """A language with one translated string: every page is generated with English stand-ins, which are marked
    lang="en" in element content but written as plain escaped text in attribute values (title, aria-label,
    data-*) and front matter, where a mark would be markup shown as text (and a broken attribute)."""
    with (locale_copy / "messages.pot").open("rb") as f:
        catalog = read_po(f, locale="de")
    (locale_copy / "de" / "LC_MESSAGES").mkdir(parents=True)
    with (locale_copy / "de" / "LC_MESSAGES" / "messages.po").open("wb") as f:
        write_po(f, catalog, omit_header=True)
    pages = {k: v for k, v in generate(VALID / "datapackage.json", lang="de").items() if k.endswith(".md")}
    marks = sum(text.count('class="untranslated"') for text in pages.values())
    inside = {
        path: found[:3]
        for path, text in pages.items()
        if (found := re.findall(r'="[^"<>]*<span lang="en" class="untranslated"', text))
    }
    assert marks > 100 and inside == {}


def test_translations_page_shows_the_share_and_the_missing_strings(locale_copy):
    po = locale_copy / "fr" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale="fr")
    catalog.get("Nothing is missing.").string = ""
    with po.open("wb") as f:
        write_po(f, catalog, omit_header=True)
    cov = coverage.coverage("fr")
    assert cov.missing == [(None, "Nothing is missing.")] and cov.translated == cov.total - 1
    with using("es"):
        text = coverage.page().markdown()
    french = text.split("(fr)")[1]
    assert '<span lang="en">Nothing is missing.</span>' in french
    assert f"{cov.translated} de {cov.total}" in french


@pytest.fixture(scope="module")
def language_files():
    def pick(files):  # the pages and chart CSVs (the goldens hold no images)
        return {
            k: v
            for k, v in files.items()
            if k.endswith(".md") or (k.startswith("downloads/charts/") and k.endswith(".csv"))
        }

    return {lang: pick(generate(VALID / "datapackage.json", lang=lang)) for lang in OTHER}


@pytest.mark.repo_data  # views.py reads the repository's headline_figures.csv for measures the fixture lacks
@pytest.mark.parametrize("lang", OTHER)
def test_goldens_per_language(language_files, lang):
    files, folder = language_files[lang], GOLDENS / lang
    if os.environ.get("UPDATE_GOLDENS"):
        shutil.rmtree(folder, ignore_errors=True)
        for rel, content in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(content, encoding="utf-8")
    assert set(files) == {p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file()}
    for rel, content in files.items():
        assert content == (folder / rel).read_text(encoding="utf-8"), f"{lang}/{rel} differs from its golden file"


def test_every_page_is_generated_in_every_language(language_files):
    english = set(generate(VALID / "datapackage.json"))
    for lang, files in language_files.items():
        assert {p for p in english if p.endswith(".md")} == {p for p in files if p.endswith(".md")}, lang


@pytest.mark.parametrize("lang", OTHER)
def test_data_text_keeps_its_language_and_sources_their_hreflang(language_files, lang):
    """On French and Spanish pages the package's own text is marked lang="en", a source link names the
    language of its document, and a source's full date is written out in the page's language."""
    page = language_files[lang]["countries/tgo.md"]
    links = re.findall(r'<a href="[^"]+" rel="external noopener"([^>]*)>', page)
    assert links and all('lang="en"' in attrs for attrs in links)
    assert any(re.search(r'hreflang="\w\w"', attrs) for attrs in links)
    with using(lang):
        written = i18n.date("2021-10-12")
    assert f'<time datetime="2021-10-12">{written}</time>' in page
    english = generate(VALID / "datapackage.json")["countries/tgo.md"]
    assert ' lang="en"' not in english and "<time" not in english and 'hreflang="' in english


@pytest.mark.parametrize("lang", OTHER)
def test_register_count_sentence_comes_from_the_catalogue(language_files, lang):
    page = language_files[lang]["institutional-changes.md"]
    template = html.unescape(re.search(r'id="register-count"[^>]*data-template="([^"]+)"', page).group(1))
    assert "{shown}" in template and "Showing" not in template


@pytest.mark.parametrize("lang", OTHER)
def test_the_label_scan_reads_the_labels_of_every_language(lang):
    from spf.sitegen.figures import Fig, unlabelled_numbers

    with using(lang):
        labelled = Fig(value=13.5e6, unit="people", verification="reported", period="2023").text()
        bare = Fig(value=13.5e6, unit="people", verification="reported").words()
    assert unlabelled_numbers(f"{labelled}.") == []
    assert unlabelled_numbers(f"{bare}.") != []
