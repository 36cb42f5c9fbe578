"""The built site in every language: twins of every page, <html lang>, hreflang alternates, the switcher, the
sitemap, search, no English interface text where the page kind is translated, and (in chromium) axe and no
third-party request on the French and Spanish homes and results pages."""

from __future__ import annotations

import json
import re
import string
from html import unescape
from html.parser import HTMLParser

import pytest

from conftest import PAGE_KINDS, PAGES, draw_all_charts, serious_axe_violations
from spf.sitegen import i18n
from test_browser import external

OTHER = [lang for lang in i18n.languages() if lang != i18n.DEFAULT]
# Every page kind is checked whole (its interface strings all come from the catalogue; data text is marked
# lang="en"), plus the translations page and the translation guide; the chrome of every page (navigation,
# header, footer) is checked on all pages.
TRANSLATED_URLS = {kind.name: kind.url for kind in PAGE_KINDS} | {
    "translations": "/translations/",
    "translate": "/contribute/translate/",
}
TRANSLATED_KINDS = list(TRANSLATED_URLS)


class Visible(HTMLParser):
    """The text a reader sees, outside script/style and outside elements marked lang="en" (data text and
    untranslated fallbacks), in the article and the footer; `chrome_only` keeps only the footer."""

    # code, and the embed snippet's textarea: literal values, not interface text
    SKIP = {"script", "style", "svg", "template", "code", "pre", "textarea"}
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}

    def __init__(self, chrome_only: bool = False):
        super().__init__()
        self.stack: list[tuple[str, bool]] = []
        self.chrome_only = chrome_only
        self.parts: list[str] = []
        self.lang: str | None = None  # the page's, from <html lang>

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        # text marked as written in another language: data text (en), a French example quoted in a guide (fr)
        hidden = tag in self.SKIP or a.get("lang") not in (None, self.lang)
        self.stack.append((tag, hidden))

    def handle_endtag(self, tag):
        if tag in self.VOID or tag not in (t for t, _ in self.stack):
            return  # <br /> ends nothing; an end tag without its start tag is ignored
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        # the navigation is checked by its labels (nav_labels), whose page titles are the pages' own
        regions = ("footer",) if self.chrome_only else ("footer", "article")
        if not any(tag in regions for tag, _ in self.stack):
            return
        if not any(hidden for _, hidden in self.stack):
            self.parts.append(data)

    @classmethod
    def text(cls, html: str, chrome_only: bool = False) -> str:
        parser = cls(chrome_only)
        parser.feed(html)
        return " ".join(" ".join(parser.parts).split())


def english_interface_strings(lang: str) -> list[str]:
    """The literal pieces of the catalogue's msgids (between placeholders) that the translation changes, long
    enough to be telling: if one shows on a page in `lang`, that text was not translated."""
    pieces = set()
    catalog = i18n.catalog(lang)
    # what the translations themselves write: a piece that is also a word of the language ('Data', date in
    # Portuguese) is no sign of English
    written = " ".join(s for m in catalog if m.id for s in (m.string if isinstance(m.string, tuple) else (m.string,)))
    for message in catalog:
        if not message.id or isinstance(message.id, tuple):
            continue
        if message.string == message.id:
            continue
        for literal, *_ in string.Formatter().parse(message.id):
            literal = literal.strip(" .,:;()")
            if len(literal) >= 4 and literal not in message.string:
                pieces.add(literal)
    return sorted(p for p in pieces if not re.search(rf"(?<!\w){re.escape(p)}(?!\w)", written))


class NavLabels(HTMLParser):
    """The labels of the site navigation (sections and pages, not the table of contents, whose links point
    inside the page) as whole strings."""

    def __init__(self):
        super().__init__()
        self.labels: list[str] = []
        self.current: list[str] | None = None
        self.anchor = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "a":
            self.anchor = (a.get("href") or "").startswith("#")
        if tag == "span" and a.get("class") == "md-ellipsis" and not self.anchor:
            self.current = []

    def handle_endtag(self, tag):
        if tag == "a":
            self.anchor = False
        if tag == "span" and self.current is not None:
            self.labels.append(" ".join("".join(self.current).split()))
            self.current = None

    def handle_data(self, data):
        if self.current is not None:
            self.current.append(data)


def nav_labels(html: str) -> set[str]:
    """The navigation's labels, less the page's own title (its front matter's, which the page module
    writes: phase B)."""
    parser = NavLabels()
    parser.feed(html)
    title = re.search(r"<title>(.*?)(?: - [^<]*)?</title>", html)
    return set(parser.labels) - {unescape(title.group(1)) if title else None}


def html_files(site):
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("index.html"))


@pytest.mark.repo_data
def test_the_root_404_page_is_in_the_default_language_and_each_language_has_its_own(built_site):
    """Every language's build writes the root 404.html; the English one must be the one that stays there, and
    each other language's is kept under /<lang>/404.html."""
    html = (built_site / "404.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in html and "Resultados" not in html and "Résultats" not in html
    for lang in OTHER:
        assert f'<html lang="{lang}"' in (built_site / lang / "404.html").read_text(encoding="utf-8")


@pytest.mark.repo_data
def test_every_english_page_has_its_twins(built_site):
    english = [p for p in html_files(built_site) if not p.startswith(tuple(f"{lang}/" for lang in OTHER))]
    assert len(english) > 50
    for lang in OTHER:
        missing = [p for p in english if not (built_site / lang / p).is_file()]
        assert missing == [], f"{lang}: {missing[:5]}"


@pytest.mark.parametrize("lang", ["en", *OTHER])
@pytest.mark.repo_data
def test_lang_hreflang_and_switcher(built_site, site_url, lang):
    prefix = "" if lang == "en" else f"{lang}/"
    for path in ("", "results/", "countries/tgo/", "contribute/"):
        html = (built_site / prefix / path / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}"' in html
        for other in i18n.languages():
            twin = ("" if other == "en" else f"{other}/") + path
            assert f'hreflang="{other}"' in html
            # the switcher and the alternate link lead to the same page in the other language
            target = built_site / twin / "index.html"
            assert target.is_file()
        assert html.count('class="md-select__link"') == len(i18n.languages())
        # search engines: absolute alternates (tests/test_published_path.py checks x-default and the sitemaps)
        for other in i18n.languages():
            twin = ("" if other == "en" else f"{other}/") + path
            assert f'<link rel="alternate" href="{site_url}/{twin}" hreflang="{other}">' in html


@pytest.mark.repo_data
def test_each_language_searches_its_own_index(built_site):
    """One index per language, with its own stemmer only; a translated page's search looks in its folder."""
    for lang in [i18n.DEFAULT, *OTHER]:
        folder = built_site if lang == i18n.DEFAULT else built_site / lang
        index = json.loads((folder / "search" / "search_index.json").read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [lang]
        locations = {doc["location"].split("#")[0] for doc in index["docs"]}
        assert "results/" in locations and not any(loc.startswith(tuple(f"{o}/" for o in OTHER)) for loc in locations)
    for lang in OTHER:
        html = (built_site / lang / "results" / "index.html").read_text(encoding="utf-8")
        assert re.search(r'<script id="__config" type="application/json">\{.*?"base": "\.\."', html, re.S)


@pytest.mark.browser
@pytest.mark.repo_data
def test_french_search_finds_french_pages(page):
    page.goto(page.base + "/fr/results/", wait_until="load")
    page.locator("input.md-search__input").focus()
    page.keyboard.type("Togo")
    page.locator(".md-search-result__item").first.wait_for(state="attached", timeout=15000)  # the worker ran
    href = page.locator(".md-search-result__item a").first.get_attribute("href")
    assert "/fr/" in href and "/es/" not in href
    assert not [u for u in page.requests if u.endswith("lunr.es.min.js")]


@pytest.mark.repo_data
def test_release_downloads_are_shared_and_linked_from_every_language(built_site):
    assert not (built_site / "fr" / "downloads" / "latest").exists()
    for lang in OTHER:
        html = (built_site / lang / "data" / "index.html").read_text(encoding="utf-8")
        assert 'href="../../downloads/latest/' in html


@pytest.mark.parametrize("lang", OTHER)
@pytest.mark.repo_data
def test_no_english_interface_text(built_site, lang):
    """Compare the visible text with the catalogue's English msgids: on translated page kinds the whole page;
    on every page the footer, and the navigation's labels (whole labels: a page's own title is phase B's)."""
    english = english_interface_strings(lang)
    assert len(english) > 50
    navigation = {m.id for m in i18n.catalog(lang) if m.context == "navigation" and m.string != m.id}
    found = {}
    for rel in html_files(built_site / lang):
        html = (built_site / lang / rel).read_text(encoding="utf-8")
        whole = any(rel == url.lstrip("/") + "index.html" for url in TRANSLATED_URLS.values())
        text = Visible.text(html, chrome_only=not whole)
        hits = [s for s in english if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", text)]
        hits += sorted(nav_labels(html) & navigation)
        if hits:
            found[rel] = hits[:5]
    assert found == {}


@pytest.mark.repo_data
def test_no_english_check_sees_untranslated_text(built_site):
    """The check above fails a page that shows a catalogue string in English."""
    html = (built_site / "fr" / "translations" / "index.html").read_text(encoding="utf-8")
    planted = html.replace("</footer>", "<p>Focus countries by phase</p></footer>")
    assert "Focus countries by phase" in Visible.text(planted, chrome_only=True)
    assert "Focus countries by phase" in english_interface_strings("fr")
    after_break = html.replace("</footer>", "<p>Un<br />Focus countries by phase</p></footer>")
    assert "Focus countries by phase" in Visible.text(after_break, chrome_only=True)  # <br /> closes nothing
    marked = html.replace("</footer>", '<p><span lang="en">Focus countries by phase</span></p></footer>')
    assert "Focus countries by phase" not in Visible.text(marked, chrome_only=True)
    assert "Validator errors" in nav_labels(html.replace("Erreurs du validateur", "Validator errors"))


@pytest.mark.browser
@pytest.mark.parametrize("lang", OTHER)
@pytest.mark.parametrize("kind", ["home", "results", "country"])
@pytest.mark.repo_data
def test_axe_and_no_third_party_request(page, lang, kind):
    page.goto(f"{page.base}/{lang}{PAGES[kind].url}", wait_until="load")
    assert page.evaluate("document.documentElement.lang") == lang
    assert draw_all_charts(page) >= 1
    page.wait_for_timeout(200)
    assert page.errors == []
    assert external(page) == []
    bad = serious_axe_violations(page)
    assert bad == [], "\n".join(map(str, bad))


@pytest.mark.browser
@pytest.mark.repo_data
def test_switcher_goes_to_the_same_page(page):
    page.goto(f"{page.base}/countries/tgo/", wait_until="load")
    page.locator(".md-header__option .md-select").hover()
    page.locator('a.md-select__link[hreflang="fr"]').click()
    page.wait_for_url("**/fr/countries/tgo/")
    assert page.evaluate("document.documentElement.lang") == "fr"
