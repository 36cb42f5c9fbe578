"""The one escaping path (spf.sitegen.text.h and md): what the review found in headings, paragraphs, front
matter and attributes comes out as text, through the same Markdown extensions as the site."""

from __future__ import annotations

import re

import markdown
import yaml

from spf.sitegen.late import DOWNLOAD
from spf.sitegen.page import Page
from spf.sitegen.text import h, md

EXTENSIONS = ["attr_list", "md_in_html", "tables", "admonition", "toc"]
ATTACKS = [
    "<img src=x onerror=alert(1)",  # no closing >
    "Social { onfocus=alert(1) autofocus }",  # attr_list on a heading
    "{: #id .cls onclick=alert(1) }",
    "[click](javascript:alert(1)) *em* __strong__ `code`",
    'Côte d\'Ivoire & "friends" <b>',
    "line one\n# a heading\n- a list\n\n{ onfocus=x }",
    "1. numbered",
    "@@spf-download:sha256:sources.csv@@",
    "| a | b |\n|---|---|",
]


def _render(text: str) -> str:
    return markdown.markdown(text, extensions=EXTENSIONS)


def _visible(html: str) -> str:
    import html as htmllib

    return htmllib.unescape(re.sub(r"<[^>]+>", "", html)).strip()


def test_md_text_is_inert_in_headings_and_paragraphs():
    for attack in ATTACKS:
        for markup in (f"## {md(attack)}", md(attack)):
            html = _render(markup)
            tags = re.findall(r"<(\w+)", html)
            assert set(tags) <= {"h2", "p"}, (attack, html)
            assert not re.search(r"\son\w+=|\sid=\"id\"|javascript:\S*\"", html.split(">", 1)[0] + ">"), html
            assert _visible(html) == " ".join(attack.split()), (attack, html)
            assert not DOWNLOAD.search(html)


def test_h_escapes_attributes_and_placeholders():
    for attack in ATTACKS:
        attr = f'<meta name="description" content="{h(attack)}">'
        assert re.fullmatch(r'<meta name="description" content="[^"<>]*">', attr), attr
        assert not DOWNLOAD.search(h(attack))


def test_front_matter_is_yaml_safe_and_html_escaped():
    for attack in ATTACKS:
        text = Page("x.md", attack, attack).markdown()
        meta = yaml.safe_load(text.split("---\n")[1])
        assert {k: meta[k] for k in ("title", "description")} == {"title": h(attack), "description": h(attack)}
