"""The Atom feed of data releases, one per language (feed.xml at each language's root: /feed.xml,
/fr/feed.xml, ...), from CHANGELOG.md: one entry per release heading (`## 0.2.0 – 2026-12-01`), whose content
is that release's section of the changelog exactly as written (plain text, in English, marked xml:lang="en").

Written with an XML library (ElementTree), so any text of the changelog is escaped by construction. Ids are
name-based UUIDs of the release's version (urn:uuid:...), the same in every build and language; dates are
RFC 3339 (the release day at 00:00 UTC). Links are absolute from the published address, else relative to the
feed (which sits at the language's root), so no local address is ever written.
"""

from __future__ import annotations

import re
import uuid
import xml.etree.ElementTree as ET

from spf.sitegen import i18n, release
from spf.sitegen.i18n import _
from spf.sitegen.published import absolute

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PATH = "feed.xml"
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/spf-flagship-open-data")


def stable_id(*parts: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(NAMESPACE, "/".join(parts)))


def rfc3339(day: str) -> str:
    return f"{day}T00:00:00Z"


def sections(changelog: str) -> list[tuple[str, str, str]]:
    """(version, date, text of its section) for each release heading, newest first as written."""
    headings = list(release.HEADING.finditer(changelog))
    out = []
    for i, m in enumerate(headings):
        end = headings[i + 1].start() if i + 1 < len(headings) else len(changelog)
        out.append((m.group(1), m.group(2), changelog[m.end() : end].strip()))
    return out


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def _link(path: str) -> str:
    """The published address of a page of this language, else its address relative to the feed."""
    return absolute(path) or path


def atom(changelog: str, rel: release.Release, site_name: str) -> bytes:
    """The feed of the current language (i18n.using) as UTF-8 XML."""
    ET.register_namespace("", ATOM)
    entries = sections(changelog)
    feed = ET.Element(f"{{{ATOM}}}feed", {XML_LANG: i18n.current()})
    _el(feed, "title", _("{site}: data releases", site=site_name))
    _el(feed, "id", stable_id("feed", i18n.current()))
    _el(feed, "updated", rfc3339(max((d for _v, d, _t in entries), default=rel.date)))
    if self_url := absolute(PATH):
        _el(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _el(feed, "link", rel="alternate", href=_link("data/changelog/"), type="text/html")
    author = _el(feed, "author")
    _el(author, "name", rel.publisher)
    _el(feed, "rights", "CC BY 4.0")
    for version, day, text in entries:
        entry = _el(feed, "entry")
        _el(entry, "title", _("Data release {version}", version=version))
        _el(entry, "id", stable_id("release", version))
        _el(entry, "updated", rfc3339(day))
        _el(entry, "published", rfc3339(day))
        _el(
            entry, "link", rel="alternate", href=_link("data/changelog/") + "#" + anchor(version, day), type="text/html"
        )
        if version == rel.version:
            _el(entry, "link", rel="related", href=_link("data/"), type="text/html")
        content = _el(entry, "content", text, type="text")
        content.set(XML_LANG, "en")  # CHANGELOG.md is written in English
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True) + b"\n"


def anchor(version: str, day: str) -> str:
    """The id the changelog page gives a release's heading (Markdown's toc slug of '0.2.0 – 2026-12-01')."""
    return re.sub(r"[^\w-]+", "", f"{version}-{day}".replace(".", "")).lower()
