"""Every number on a generated page carries its label (issue 14, item 3).

The rule (spf.sitegen.figures.unlabelled_numbers): in the generated text of a page (paragraphs, list items,
captions, chart summaries and card notes; tables are left out, since each row has its own verification
column), every number is followed by a label word (verified, reported, unverified, computed) before the next
number or the end of its sentence. Years, parts of dates and identifiers ('phase 2', 'step 1') are not figures.
The scan runs on the built site of the fixture package and of the real one, and is shown to fail on a page
whose sentences lose their labels.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from conftest import VALID
from spf import build_site
from spf.paths import MKDOCS_YML
from spf.sitegen import figures, i18n
from spf.sitegen.figures import Fig, series, trend, unlabelled_numbers
from spf.sitegen.i18n import _

# The pages the site generates from the data (the hand-written guides and the data-file pages are not scanned).
GENERATED = ("index.html", "results/", "countries/", "institutional-changes/", "thematic-areas/",
             "partners-and-funding/", "global-context/", "what-we-dont-know/")  # fmt: skip
BLOCKS = {"p", "li", "caption", "figcaption", "h2", "h3", "h4", "dd", "dt"}
# Tables: each row has its own label column. Links: their text names a page or a source, not a figure.
# <time>: a date written out in the page's language ('7 octobre 2021'), not a figure.
SKIPPED = {"table", "script", "style", "nav", "header", "footer", "a", "time"}


class _Sentences(HTMLParser):
    """The text of each block element inside the page's <article>, outside tables and card figures."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._stack: list[str] = []
        self._skip = 0
        self._article = 0
        self._current: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if tag in ("br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "col", "embed"):
            return
        self._stack.append(tag)
        if tag == "article":
            self._article += 1
        # card figures and the home's progress rows show their label as a badge beside the figure
        if tag in SKIPPED or {"kpi__figure", "progress__what"} & set(classes):
            self._skip += 1
            self._stack[-1] = tag + "!skip"
        if tag in BLOCKS and self._article and not self._skip and self._current is None:
            self._current = []
            self._stack[-1] = tag + "!block"
        if tag == "caption" and self._article:  # a table's caption is a generated sentence too
            self._current, self._stack[-1] = [], "caption!block"

    def handle_endtag(self, tag):
        if tag not in (t.split("!")[0] for t in self._stack):
            return  # an end tag without its start tag
        while self._stack:
            top = self._stack.pop()
            if top.endswith("!skip"):
                self._skip -= 1
            if top.endswith("!block") and self._current is not None:
                self.blocks.append(" ".join("".join(self._current).split()))
                self._current = None
            if top.split("!")[0] == "article":
                self._article -= 1
            if top.split("!")[0] == tag:
                break

    def handle_data(self, data):
        if self._current is not None and (not self._skip or self._stack[-1:] == ["caption!block"]):
            self._current.append(data)


def sentences(html: str) -> list[str]:
    parser = _Sentences()
    parser.feed(html)
    return [b for b in parser.blocks if b]


def scan(site, lang: str = "en") -> dict[str, list[tuple[str, list[str]]]]:
    """{page: [(sentence, numbers without a label)]} for the generated pages of a built site in one language
    (the label words are the catalogue's: 'vérifié', 'verificado')."""
    bad: dict[str, list] = {}
    prefix = "" if lang == "en" else f"{lang}/"
    generated = tuple(prefix + g for g in GENERATED)
    pages = [p for p in sorted(site.rglob("index.html")) if p.relative_to(site).as_posix().startswith(generated)]
    assert len(pages) > 5, pages
    for page in pages:
        for text in sentences(page.read_text(encoding="utf-8")):
            numbers = unlabelled_numbers(text)
            if numbers:
                bad.setdefault(page.relative_to(site).as_posix(), []).append((text, numbers))
    return bad


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory):
    site = tmp_path_factory.mktemp("labels") / "site"
    assert build_site.run(VALID / "datapackage.json", site) == 0
    return site


# --- the rule -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("label", ["reported", "unverified", "computed", "verified"])
def test_a_figure_is_never_written_without_its_label(label):
    fig = Fig(value=10, unit="institutional changes", verification=label, period="2016-2020")
    assert fig.text() == f"10 institutional changes (2016-2020, {label})"
    assert unlabelled_numbers(f"By step: {fig.text()}.") == []


def test_a_figure_needs_a_known_label():
    with pytest.raises(ValueError, match="no known label"):
        Fig(value=10, unit="changes", verification="")


def test_a_floor_target_says_over():
    row = {"value": 90, "unit": "institutional changes", "qualifier": "target", "verification": "unverified",
           "label": "Phase-2 target: institutional changes (the prototype says 'over' this number)"}  # fmt: skip
    assert Fig.of(row).text(period=False) == "over 90 institutional changes (unverified)"


def test_two_measures_are_never_joined_as_one_series():
    a = Fig(30e6, "people", "verified", period="2021-2022", what="People with a measurable improvement", measure="p")
    b = Fig(55e6, "people", "reported", "at_least", "2021 to March 2025", what="People with access", measure="p")
    text = series("People reached", [a, b])
    assert "went from" not in text
    assert "People with a measurable improvement: 30 million people (2021-2022, verified)" in text
    assert "People with access: over 55 million people (2021 to March 2025, reported)" in text
    same = series("Changes", [Fig(56, "changes", "verified", what="x"), Fig(149, "changes", "reported", what="x")])
    assert same == "Changes went from 56 (verified) to 149 changes (reported)"  # the unit once
    with pytest.raises(ValueError, match="one measure"):
        trend("Coverage", [a, b])


@pytest.mark.parametrize(
    ("sentence", "unlabelled"),
    [
        ("By step: 1. Strategy or policy 10, 2. Law or scheme 13 (unverified).", ["1", "10", "2"]),
        ("They add up to 39, the same as the verified total of 39.", ["39"]),
        ("Coverage rose from 5.7 % in 2015 to 12.1 % (2023, reported).", ["5.7"]),
        ("A total of 148 (2021-2024, verified); 149 (reported).", []),
        ("Over 90 institutional changes in phase 2 and step 3 (c. 2006-2016, unverified).", []),
        ("Funding gap US$75 million (verified, as of 2021-10); US$1,000 per person.", ["1,000"]),
        ("In 2021-2025 the programme works in phase 2.", []),
    ],
)
def test_the_rule_finds_numbers_without_a_label(sentence, unlabelled):
    assert unlabelled_numbers(sentence) == unlabelled


def test_the_sentence_reader_skips_tables_and_card_figures_but_reads_captions():
    html = (
        "<nav><p>12 items</p></nav><article><p>Total 39 (verified) and 10 <b>more</b>.</p>"
        '<table><caption>Caption 7</caption><tr><td>55</td></tr></table><div class="kpi__figure">'
        "<span>148</span></div><ul><li>A 3 (computed)</li></ul></article>"
    )
    assert sentences(html) == ["Total 39 (verified) and 10 more.", "Caption 7", "A 3 (computed)"]


# --- the built sites ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", i18n.languages())
def test_every_number_in_the_fixture_sites_sentences_has_its_label(fixture_site, lang):
    assert scan(fixture_site, lang) == {}
    summaries = [s for p in fixture_site.rglob("index.html") for s in sentences(p.read_text(encoding="utf-8"))]
    with i18n.using(lang):
        unverified = _("unverified")
    assert any(f"({unverified})" in s or f", {unverified})" in s for s in summaries)  # it read labelled figures


@pytest.mark.repo_data
def test_every_number_in_the_real_sites_sentences_has_its_label(built_site):
    assert scan(built_site) == {}


@pytest.mark.repo_data  # views.py reads the repository's headline_figures.csv for measures the fixture lacks
def test_the_scan_fails_when_figures_lose_their_labels(tmp_path, monkeypatch):
    """Proof that the scan can fail: the same build with the label dropped from Fig.text is caught."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    monkeypatch.setattr(figures.Fig, "text", lambda self, period=True: self.words())
    monkeypatch.setenv("SPF_DATAPACKAGE", str(VALID / "datapackage.json"))
    site = tmp_path / "site"
    build(load_config(str(MKDOCS_YML), site_dir=str(site), strict=True))  # in this process, so the patch holds
    bad = scan(site)
    assert "results/index.html" in bad and "global-context/index.html" in bad
    assert any("10" in numbers for _, numbers in bad["results/index.html"])  # a step figure of the prototype
