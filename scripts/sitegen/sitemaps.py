"""A small sitemap beside every page, for Material's language selector.

Material's JavaScript reads each `<link rel="alternate" hreflang>` of a page and fetches `sitemap.xml`
relative to it, to map the page to its twin in that language. mkdocs-static-i18n points those links at the
twin pages themselves (the right hreflang targets), so Material asks for `/fr/results/sitemap.xml`, which no
build writes: every page load would log 404s. This module writes, beside each page, a sitemap of that one
page and its alternates (a few hundred bytes), in the format of the site's own sitemap.xml, so the lookups
succeed and the selector stays on the same page. The site's full sitemap.xml (every page of every language)
stays at the root.
"""

from __future__ import annotations

import gzip
from html import escape
from pathlib import Path


def fragment(site_url: str, url: str, alternates: dict[str, str]) -> str:
    """The sitemap of one page: its address and the address of each language's twin (hreflang)."""
    links = "".join(
        f'\n    <xhtml:link rel="alternate" hreflang="{escape(lang)}" href="{escape(site_url + twin)}"/>'
        for lang, twin in alternates.items()
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        f"  <url>\n    <loc>{escape(site_url + url)}</loc>{links}\n  </url>\n</urlset>\n"
    )


def write_beside(page, site_dir: str, site_url: str) -> None:
    """Write the page's sitemap next to its index.html (not at the root, where the full sitemap is)."""
    alternates = getattr(page.file, "alternates", None)
    folder = Path(site_dir) / Path(page.file.dest_uri).parent
    if not alternates or not site_url or folder == Path(site_dir) or page.file.dest_uri.endswith("404.html"):
        return
    urls = {lang: ("" if twin.url == "./" else twin.url) for lang, twin in alternates.items()}
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitemap.xml").write_text(fragment(site_url, page.url, urls), encoding="utf-8")


EMPTY = (
    '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>\n'
)


def write_empty(site_dir: Path) -> None:
    """A build without a published address (site_url) lists no page: a sitemap holds absolute addresses only,
    and a guessed one (such as the local `make serve` address) must never be published."""
    (site_dir / "sitemap.xml").write_text(EMPTY, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(EMPTY.encode("utf-8"), mtime=0))
