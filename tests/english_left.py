"""English left on a page in another language: the checker of tests/test_english_left.py, also a command
(`python tests/english_left.py site fr` lists what it finds in a built site).

It reads what a reader sees or hears: the text of <body> and <title>, the attributes shown or spoken (title,
aria-label, alt, placeholder) and the page's description, less the elements marked lang="en" (data text as
written, untranslated fallbacks) and literal values (script, style, code, pre, textarea, template); and the
<text> of the chart images (SVG) a page in that language offers for download. In it, it looks for the words of
an English word list made of words that are not also French or Spanish words ("the", "with", "chart",
"download"...; not "table", "source", "pension", "on", "an", "a"), so that any hit is English. Acronyms
(CC BY, ILO, CSV) and addresses, file names and identifiers (a/b, x.csv, some_name) are not words here.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

import lxml.etree
import lxml.html

ENGLISH_ONLY = frozenset(
    """
    the and of with from by for to at is are was were be been has have had this that these those which what
    where when who how why not all any each every its their they them there than then into over under about
    between within without after before since until through during only also more most less least other others
    some such same new yet your you our we it will would should can could must do does don't isn't aren't
    people persons person country countries territory territories change changes chart charts map maps download
    downloads reported verified unverified computed documented estimated world share older receiving switch dark
    light link links households household rows row column columns slug year years month months target targets
    result results step steps coverage covered income high low middle upper lower region regions group groups
    africa americas arab states pacific east west north south children child women age aged working benefit
    benefits health insurance unemployment disability maternity program floor floors open contributors
    contributor published publisher search back next previous home skip top english french spanish measurable
    improvement institutional thematic areas partners funding know known unknown errors validator contribute
    translations translate dataset datasets thousand percent number value values level levels period latest
    updated update release changelog verification label labels yes none missing gap gaps found show hide view
    close copy embed text title full screen january february march april may june july august september october
    november december
    """.split()
)
# Words of the list that are also words of a site language ("do" = "of the" and "for" = "be" in Portuguese):
# not counted on that language's pages.
ALSO_IN = {"pt": frozenset({"do", "for"})}
# literal values and data text: never interface text
SKIP_TAGS = {"script", "style", "code", "pre", "textarea", "template"}
SEEN_ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
NOT_WORDS = re.compile(r"\S*(?:/|\.\w|_|=|@)\S*")  # addresses, file names, identifiers, e-mail


@dataclass(frozen=True)
class Hit:
    file: str
    word: str
    text: str

    def __str__(self) -> str:
        return f"{self.file}: {self.word!r} in {self.text!r}"


def english_words(text: str, lang: str | None = None) -> list[str]:
    """The words of the list in `text`, as written (less those that are words of `lang` too)."""
    found, also = [], ALSO_IN.get(lang or "", frozenset())
    for token in WORD.findall(NOT_WORDS.sub(" ", text)):
        if token.isupper() and len(token) > 1:
            continue  # an acronym
        word = token.lower().replace("’", "'")
        if word in ENGLISH_ONLY and word not in also:
            found.append(token)
    return found


def _drop(element) -> None:
    """Remove an element but keep its tail (the text after it belongs to the parent)."""
    if element.getparent() is not None:  # not already gone with an ancestor
        element.drop_tree()


def html_texts(html: str) -> list[str]:
    """The pieces of text of a page that a reader sees or hears, outside lang="en" and literal values."""
    doc = lxml.html.document_fromstring(html)
    for element in doc.xpath('//*[@lang="en"]') + list(doc.iter(*SKIP_TAGS, lxml.etree.Comment)):
        if element is not doc:
            _drop(element)
    texts = [t for t in doc.xpath("//body//text()")] + doc.xpath("//title/text()")
    for name in SEEN_ATTRIBUTES:
        texts += doc.xpath(f"//body//@{name}")
    texts += doc.xpath('//meta[@name="description"]/@content')
    return [" ".join(t.split()) for t in texts if t.strip()]


def svg_texts(svg: bytes) -> list[str]:
    """The <text> of a chart image (and its <title> and <desc>, which screen readers read), outside lang="en"."""
    root = lxml.etree.fromstring(svg, parser=lxml.etree.XMLParser(resolve_entities=False, no_network=True))
    for element in root.xpath('//*[@lang="en" or @xml:lang="en"]'):
        _cut(element)
    texts = []
    for element in root.xpath('//*[local-name()="text" or local-name()="title" or local-name()="desc"]'):
        text = " ".join("".join(element.itertext()).split())
        if text:
            texts.append(text)
    return texts


def _cut(element) -> None:
    """Remove an XML element, keeping its tail."""
    parent, previous = element.getparent(), element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + (element.tail or "")
    else:
        parent.text = (parent.text or "") + (element.tail or "")
    parent.remove(element)


def check_text(file: str, texts: list[str], lang: str | None = None) -> list[Hit]:
    return [Hit(file, word, text) for text in texts for word in english_words(text, lang)]


def check_html(file: str, html: str, lang: str | None = None) -> list[Hit]:
    return check_text(file, html_texts(html), lang)


def check_site(site: Path, lang: str) -> list[Hit]:
    """Every HTML page (embed and 404 pages included) and every SVG image under site/<lang>/."""
    hits = []
    for path in sorted((site / lang).rglob("*.html")):
        hits += check_html(path.relative_to(site).as_posix(), path.read_text(encoding="utf-8"), lang)
    for path in sorted((site / lang).rglob("*.svg")):
        hits += check_text(path.relative_to(site).as_posix(), svg_texts(path.read_bytes()), lang)
    return hits


if __name__ == "__main__":
    found = check_site(Path(sys.argv[1]), sys.argv[2])
    for hit in found:
        print(hit)
    print(f"{len(found)} hits on {len({h.file for h in found})} files", file=sys.stderr)
    sys.exit(1 if found else 0)
