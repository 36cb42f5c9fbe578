"""French and Spanish without English: no English interface word in what a reader of a French or Spanish page
sees or hears (every page kind, embed and 404 pages, chart images), outside text marked lang="en". The checker
is tests/english_left.py."""

from __future__ import annotations

import pytest

from english_left import check_html, check_site, english_words, svg_texts
from spf.sitegen import i18n

OTHER = [lang for lang in i18n.languages() if lang != i18n.DEFAULT]


@pytest.mark.parametrize("lang", OTHER)
@pytest.mark.repo_data
def test_no_english_word_left(built_site, lang):
    pages = list((built_site / lang).rglob("*.html"))
    assert len(pages) > 100 and (built_site / lang / "404.html") in pages
    assert any(p.parts[-3] == "embed" for p in pages)
    assert list((built_site / lang / "downloads" / "charts").glob("*.svg"))
    hits = check_site(built_site, lang)
    assert hits == [], f"{len(hits)} English words, e.g.:\n" + "\n".join(map(str, hits[:30]))


@pytest.mark.repo_data
def test_the_checker_fails_on_an_english_phrase_planted_in_a_built_page(built_site):
    page = built_site / "fr" / "results" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert check_html("fr/results/index.html", html) == []
    planted = html.replace("</article>", "<p>Download the chart</p></article>", 1)
    assert planted != html
    assert [hit.word for hit in check_html("fr/results/index.html", planted)] == ["Download", "the", "chart"]


PAGE = """<!doctype html><html lang="fr"><head><title>{title}</title>
<meta name="description" content="{description}"></head>
<body><main><h1>Résultats</h1>{body}<script>var the = "chart";</script><code>the_file.csv</code>
<pre>people with</pre><textarea>&lt;iframe title="Chart"&gt;</textarea></main></body></html>"""


def page(body: str = "", title: str = "Résultats", description: str = "Données ouvertes") -> str:
    return PAGE.format(body=body, title=title, description=description)


def test_french_text_literal_values_and_marked_english_pass():
    html = page(
        '<p>Les personnes atteintes : <span lang="en">People with access to social benefits</span>.</p>'
        '<p lang="en">Share covered by at least one benefit</p><p>Licence CC BY 4.0, OIT, '
        "https://example.org/the/world.csv, a_slug, données (calculé)</p>"
        '<a href="#" title="Lien permanent" aria-label="Passer au mode sombre">¶</a>'
    )
    assert check_html("x.html", html) == []


@pytest.mark.parametrize(
    "planted",
    [
        page("<p>Switch to dark mode</p>"),
        page('<a href="#" title="Permanent link">¶</a>'),
        page('<button aria-label="Switch to light mode"></button>'),
        page('<img src="x.png" alt="World">'),
        page('<input placeholder="Search">'),
        page(title="Institutional changes"),
        page(description="Open data on the results"),
        page("<svg><text>Africa (UN)</text></svg>"),
    ],
)
def test_the_checker_flags_english_in_text_and_in_seen_attributes(planted):
    assert check_html("x.html", planted) != []


def test_the_text_after_a_marked_element_is_still_read():
    """Dropping an element marked lang="en" keeps the text that follows it (its tail)."""
    hits = check_html("x.html", page('<p><span lang="en">World</span> and more</p>'))
    assert [hit.word for hit in hits] == ["and", "more"]


def test_chart_images_are_read_outside_marked_text():
    svg = (
        b'<svg xmlns="http://www.w3.org/2000/svg"><title>Monde</title><text><tspan>Source : </tspan>'
        b'<tspan lang="en">Share covered</tspan></text><text>World</text></svg>'
    )
    assert svg_texts(svg) == ["Monde", "Source :", "World"]


def test_words_that_are_also_french_or_spanish_and_acronyms_are_not_english_here():
    assert english_words("Une table, une source, une pension, on a un an ; CC BY, ILO, SPF Flagship") == []
    assert english_words("don't show the chart") == ["don't", "show", "the", "chart"]


def test_data_text_inside_generated_text_is_marked_in_content_and_dropped_elsewhere():
    """text.as_data keeps a part of a sentence apart: marked() marks it lang="en" (each wrapped line of it in
    an SVG), h() and plain() drop the marks (an attribute cannot mark a part of itself); English is as written."""
    from spf.sitegen import svg
    from spf.sitegen.text import as_data, h, marked, marked_lines, plain

    with i18n.using("fr"):
        line = "Source : " + as_data("Share <covered>") + " (vérifié)"
        assert marked(line) == 'Source : <span lang="en">Share &lt;covered&gt;</span> (vérifié)'
        assert (
            h(line) == "Source : Share &lt;covered&gt; (vérifié)"
            and plain(line) == "Source : Share <covered> (vérifié)"
        )
        wrapped = svg.wrap("Source : " + as_data("Share covered") + " (vérifié)", 100)  # over three lines
        assert marked_lines(wrapped, "tspan") == [
            'Source : <tspan lang="en">Share</tspan>',
            '<tspan lang="en">covered</tspan>',
            "(vérifié)",
        ]
        assert check_html("x.html", page(f"<p>{marked(line)}</p>")) == []
        assert check_html("x.html", page(f"<p>{h(line)}</p>")) != []
    assert as_data("Share covered") == "Share covered"


def test_a_chart_image_marks_its_data_categories_and_series():
    from spf.sitegen import svg

    fig = {
        "data": [
            {"type": "bar", "name": "Older people", "x": ["Child benefit"], "y": [1], "marker": {"color": "#000"}},
            {"type": "bar", "name": "Prestations", "x": ["Child benefit"], "y": [2], "marker": {"color": "#111"}},
        ],
        "layout": {"xaxis": {"type": "category"}, "yaxis": {}},
    }
    with i18n.using("es"):
        drawn = svg.render(fig, "c", "Gráfico", data=frozenset({"Older people", "Child benefit"}))
        assert svg_texts(drawn.encode()) and not [w for t in svg_texts(drawn.encode()) for w in english_words(t)]
        assert english_words(" ".join(svg_texts(svg.render(fig, "c", "Gráfico").encode()))) != []


def test_words_that_are_also_portuguese_count_only_elsewhere():
    assert english_words("Se for o caso, a lista do país", "pt") == []
    assert english_words("Se for o caso, a lista do país", "fr") == ["for", "do"]
    assert english_words("Download the chart for the country", "pt") == ["Download", "the", "chart", "the", "country"]
