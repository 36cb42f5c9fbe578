"""The one escaping path holds for any text (hypothesis, arbitrary Unicode and markup-heavy text): in every
position where the pages put escaped text (HTML text, a double-quoted attribute, a raw HTML block, a
Markdown paragraph, heading, list item and table cell, the end of a block where attr_list would read), the
rendered page has exactly the elements and attributes of the same page with plain text there, and the text
or attribute value reads back as the input. Markdown runs with the site's own extensions (mkdocs.yml)."""

from __future__ import annotations

import unicodedata
from html.parser import HTMLParser

import markdown
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT
from spf.sitegen.text import DATA_END, DATA_START, h, md

_config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
EXTENSIONS = [e if isinstance(e, str) else next(iter(e)) for e in _config["markdown_extensions"]]

TOKENS = list("<>&\"'`*_[](){}#!|\\:=+-@/ \n\tabc1.;") + ["javascript:", "{: ", "@@spf-", "](", "<b>", "&amp;"]
TOKENS += ["\ue000", "\ue001"]  # the marks of text.as_data: h() and md() drop them
MARKUP_HEAVY = st.lists(st.sampled_from(TOKENS), max_size=40).map("".join)
ANY_TEXT = st.text(max_size=60)  # every code point but surrogates
TEXT = st.one_of(MARKUP_HEAVY, ANY_TEXT)

# (name, template with X where the escaped text goes, escaping function, where the text reads back)
POSITIONS = [
    ("inline html text", 'Before <span class="t">X</span> after.', h, "text"),
    ("attribute in a paragraph", 'Before <abbr title="X">word</abbr> after.', h, "title"),
    ("html block", '<div class="b">\n<p title="X">Word X</p>\n</div>', h, "title"),
    ("end of a paragraph", "Some text X", h, "text"),
    ("paragraph", "Word X", md, "text"),
    ("heading", "## Word X", md, "text"),
    ("list item", "- Word X\n- two", md, "text"),
    ("table cell", "| a | b |\n|---|---|\n| Word X | two |", md, "text"),
]


class _Shape(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple] = []
        self.text: list[str] = []
        self.titles: list[str] = []

    def handle_starttag(self, tag, attrs):
        names = tuple(sorted(name for name, _ in attrs if name != "id"))  # heading ids follow the text
        self.tags.append((tag, names))
        self.titles += [value for name, value in attrs if name == "title"]

    def handle_endtag(self, tag):
        self.tags.append(("/" + tag, ()))

    def handle_data(self, data):
        self.text.append(data)


def _shape(source: str) -> _Shape:
    parser = _Shape()
    parser.feed(markdown.markdown(source, extensions=EXTENSIONS))
    parser.close()
    return parser


def _words(text: str) -> str:
    """Text as a reader sees it: whitespace runs as one space, control characters as U+FFFD, without the two
    private-use marks of text.as_data (text.h)."""
    text = text.translate({ord(DATA_START): None, ord(DATA_END): None})
    shown = "".join("\ufffd" if unicodedata.category(c) == "Cc" and c not in "\t\n\r" else c for c in text)
    return " ".join(shown.replace("\r", "\n").split())


@settings(max_examples=300, deadline=None, database=None)
@given(TEXT)
def test_escaped_text_is_never_markup_in_any_position(text):
    for name, template, escape, where in POSITIONS:
        plain, shown = _shape(template.replace("X", "plain")), _shape(template.replace("X", escape(text)))
        assert shown.tags == plain.tags, (name, text, shown.tags)
        if where == "title":
            assert [_words(t) for t in shown.titles] == [_words(text)], (name, text)
        elif _words(text):
            assert _words(text) in _words("".join(shown.text)), (name, text)
