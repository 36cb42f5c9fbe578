"""The programme is named the ILO's way in each language, one long and one short form, everywhere (issue 20).

ILO texts name it, in French, the "Programme phare mondial de l'OIT sur la mise en place de socles de protection
sociale pour tous" (ILO news, 27 March 2023) and, in Spanish, the "Programa Mundial de Referencia de la OIT
sobre el Establecimiento de Pisos de Protección Social para Todos", short "Programa Insignia" (ILO news,
28 March 2025); they call focus countries "pays cibles" and adequacy "adecuación". Names the site once used
instead are refused wherever a French or Spanish reader sees text: catalogues, hand-written pages, built pages.
"""

from __future__ import annotations

import re
from pathlib import Path

import lxml.html
import pytest

from english_left import html_texts
from spf.sitegen import i18n

ROOT = Path(__file__).resolve().parent.parent
LONG = {
    "fr": "Programme phare mondial de l'OIT sur la mise en place de socles de protection sociale pour tous",
    "es": "Programa Mundial de Referencia de la OIT sobre el Establecimiento de Pisos de Protección Social para Todos",
    # the title of the ILO's Portuguese brochure on the programme ("Criação e extensão de pisos de proteção social
    # para todos – Programa Mundial"); no ILO page gives a longer Portuguese name
    "pt": "Programa Mundial da OIT sobre a Criação e Extensão de Pisos de Proteção Social para Todos",
    # as the Better Work programme (ILO–IFC) writes it in Arabic
    "ar": "البرنامج العالمي الرائد لمنظمة العمل الدولية بشأن بناء أرضيات الحماية الاجتماعية للجميع",
}
SHORT = {
    "fr": "Programme phare",
    "es": "Programa Insignia",
    "pt": "Programa Mundial de Pisos de Proteção Social",
    "ar": "البرنامج الرائد",
}
NOT_THE_ILOS = {
    "fr": ["Programme phare SPS", "Construire des socles", "de mise en place de socles", "pays prioritaire"],
    "es": ["Programa Emblemático", "Programa Mundial Emblemático", "Construir pisos", "PPS", "uficiencia"],
    "pt": ["Programa Emblemático", "Programa Global", "Pisos Sociais", "previdência", "Proteção Social Básica"],
    "ar": ["البرنامج الرئيسي", "البرنامج الرائد العالمي", "الأرضيات الاجتماعية", "أرضيات الحماية الإجتماعية"],
}
START = {
    "fr": "Programme phare mondial",
    "es": "Programa Mundial",
    "pt": "Programa Mundial da OIT",
    "ar": "البرنامج العالمي الرائد",
}
PLANTED = {
    "fr": "Résultats du Programme phare SPS",
    "es": "El Programa Mundial Emblemático de la OIT",
    "pt": "O Programa Emblemático da OIT",
    "ar": "البرنامج الرئيسي لمنظمة العمل الدولية",
}


def wrong_names(lang: str, text: str) -> list[str]:
    """The names of the programme in `text` that are not the ILO's, in the order found."""
    found = [name for name in NOT_THE_ILOS[lang] if re.search(rf"\b{re.escape(name)}", text)]
    # a long name that starts as the ILO's must go on as the ILO's
    found += [
        text[m.start() : m.start() + 60]
        for m in re.finditer(START[lang], text)
        if not text.startswith(LONG[lang], m.start())
    ]
    return found


@pytest.mark.parametrize("lang", sorted(LONG))
def test_the_check_finds_a_name_the_ilo_does_not_use(lang):
    assert wrong_names(lang, PLANTED[lang])
    assert not wrong_names(lang, f"Le {LONG[lang]} ; le {SHORT[lang]}.")


@pytest.mark.parametrize("lang", sorted(LONG))
def test_catalogues_and_written_pages_use_the_ilos_names(lang):
    strings = [m.string for m in i18n.catalog(lang) if m.id and m.string]
    texts = [s for item in strings for s in (item if isinstance(item, tuple) else (item,))]
    texts += [p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob(f"*.{lang}.md")]
    assert not [name for text in texts for name in wrong_names(lang, " ".join(text.split()))]
    assert any(LONG[lang] in " ".join(text.split()) for text in texts)


@pytest.mark.repo_data
@pytest.mark.parametrize("lang", sorted(LONG))
def test_built_pages_use_the_ilos_names_and_title_the_home_page_once(built_site, lang):
    wrong = {}
    for page in (built_site / lang).rglob("*.html"):
        found = [n for text in html_texts(page.read_text(encoding="utf-8")) for n in wrong_names(lang, text)]
        if found:
            wrong[str(page.relative_to(built_site))] = found
    assert not wrong, sorted(wrong.items())[:5]
    title = lxml.html.parse(str(built_site / lang / "index.html")).findtext(".//title")
    assert title.startswith(SHORT[lang]) or f" {SHORT[lang]} " in title, title
    assert SHORT[lang] in title and title.count(SHORT[lang]) == 1, title
