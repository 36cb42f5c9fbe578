"""The visible text of a built site's pages, for the wording scans (tests/test_wording.py).

Left out: <script>, <style>, <code>/<pre>/<kbd>/<samp> (code), <svg> <title>/<desc> are kept (they are read
aloud), anything inside an element marked lang="en" on a page in another language (data text as written, which
the lang20 work marks), and attribute values. Entities are decoded (h() writes `_ [ ] (` as entities).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "col", "embed", "track", "param"}
HIDDEN = {"script", "style", "code", "pre", "kbd", "samp", "template", "noscript"}
# Text on either side of these never joins into one phrase (a table's cells, a list's items)
BREAKS = {
    "p",
    "li",
    "td",
    "th",
    "tr",
    "dt",
    "dd",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "caption",
    "figcaption",
    "section",
    "article",
    "nav",
    "header",
    "footer",
    "option",
    "label",
    "button",
    "summary",
    "title",
    "desc",
    "text",
    "tspan",
    "a",
}


class _Visible(HTMLParser):
    def __init__(self, page_lang: str, skip_tables: bool = False):
        super().__init__(convert_charrefs=True)
        self.page_lang = page_lang
        self.hidden_tags = HIDDEN | ({"table"} if skip_tables else set())
        self.parts: list[str] = []
        self._stack: list[bool] = []  # True: this element hides its content

    def handle_starttag(self, tag, attrs):
        if tag in BREAKS or tag == "br":
            self.parts.append("\n")
        if tag in VOID:
            return
        lang = dict(attrs).get("lang")
        foreign = self.page_lang != "en" and lang is not None and lang.split("-")[0] == "en"
        self._stack.append(tag in self.hidden_tags or foreign)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in BREAKS:
            self.parts.append("\n")
        if tag not in VOID and self._stack:
            self._stack.pop()

    def handle_data(self, data):
        if not any(self._stack):
            self.parts.append(data)


def visible_text(html: str, page_lang: str, skip_tables: bool = False) -> str:
    """The page's visible text, one line per block (cell, item, paragraph, link): phrases never cross lines."""
    parser = _Visible(page_lang, skip_tables)
    parser.feed(html)
    lines = "".join(parser.parts).split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def pages(site: Path, lang: str) -> list[Path]:
    """The HTML pages of one language of a built site (English: every page outside /fr/ and /es/)."""
    others = ("fr/", "es/")
    found = []
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site).as_posix()
        if rel.startswith(("assets/", "downloads/")):
            continue
        if (lang == "en" and not rel.startswith(others)) or rel.startswith(f"{lang}/"):
            found.append(page)
    return found


# --- the wording scans ------------------------------------------------------------------------------------

# Plural nouns the site counts, per language: "1 " before one of them is a count built without ngettext.
PLURAL_NOUNS = {
    "en": "changes countries partners entries rows sources people figures documents strings years steps results "
    "records pages files languages programmes areas gaps links measures households territories",
    "fr": "changements partenaires entrées lignes sources personnes chiffres documents chaînes ans années étapes "
    "résultats fichiers langues programmes domaines lacunes liens mesures ménages documentés documentées "
    "recensés recensées comptés",
    "es": "cambios países socios entradas filas fuentes personas cifras documentos cadenas años etapas resultados "
    "archivos idiomas programas áreas vacíos enlaces medidas hogares documentados documentadas registrados "
    "registradas contabilizados",
    "pt": "mudanças alterações países parceiros entradas linhas fontes pessoas valores documentos textos anos "
    "etapas resultados ficheiros línguas programas áreas lacunas ligações medidas agregados documentadas "
    "documentados registadas registados contabilizadas",
    # Arabic: 1 takes the singular; these are the plurals (3-10) of the nouns the site counts
    "ar": "تغييرات بلدان شركاء مدخلات صفوف مصادر أشخاص أرقام وثائق سلاسل نصوص سنوات خطوات نتائج ملفات لغات "
    "برامج مجالات ثغرات روابط تدابير أسر",
}
_SPACE = "[ \u00a0\u202f]"
# '1 million people' is singular
_SCALE = "(?:million|billion|millions|milliards?|mill[oó]n|millones|mil|milhão|milhões|مليون|مليار)"


def one_plus_plural(text: str, lang: str) -> list[str]:
    """The phrases of `text` where the number 1 stands before a plural noun of the language ('1 changes',
    '1 changements institutionnels', '1 cambios'), with at most one word between them (an adjective).
    Not counted: 1 inside a larger number ('1 094', '11', '2.1'), nor after phase/step/SDG ('phase 1 results')."""
    nouns = "|".join(PLURAL_NOUNS[lang].split())
    pattern = re.compile(
        r"(?<![\w.,\u00a0\u202f/-])(?<!\d" + _SPACE + r")1" + _SPACE + r"+(?!\d)(?!" + _SCALE + r"\b)"
        r"(?:[^\W\d_]+" + _SPACE + r"+)?(" + nouns + r")\b",
        re.I,
    )
    found = []
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 12) : m.start()]
        if _IDENTIFIER.search(before):
            continue
        found.append(text[max(0, m.start() - 30) : m.end()])
    return found


_IDENTIFIER = re.compile(
    r"(?:phase|fase|step|étape|etapa|sdg|odd|ods|level|niveau|nivel|nível|version|versión|versão|"
    r"المرحلة|مرحلة|الخطوة|خطوة|الإصدار)" + _SPACE + r"*$",
    re.I,
)
ISO_DATE = re.compile(r"(?<![\w-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?(?![\w-])")


def iso_dates(text: str) -> list[str]:
    """ISO dates and months (2021-10-07, 2021-10) in text; periods of years (2021-2025) are not dates."""
    return [text[max(0, m.start() - 30) : m.end()] for m in ISO_DATE.finditer(text)]
