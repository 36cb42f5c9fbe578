"""What search engines are told: one sitemap per language and a robots.txt naming them, with absolute
addresses from the published address (`site_url`), or nothing at all without one.

- `sitemap.xml` (the default language, at the root), `fr/sitemap.xml`, `es/sitemap.xml`: every page of that
  language, in the sitemaps.org 0.9 format (`<loc>` only: the hreflang alternates of each page are in its
  `<head>`, absolute and with x-default; a sitemap date would be the build's, not the page's, so none is
  written). tests/test_published_path.py validates them against the sitemaps.org schema.
- `robots.txt`: every crawler welcome, and the address of each sitemap.

A build without a published address writes none of these (and removes the theme's own sitemap, which would
hold relative or guessed addresses): a local build never names a local address. Pages are collected as they
are rendered (`Sitemaps.add`, each language's build in turn) and written after the last one (`write`).
"""

from __future__ import annotations

from pathlib import Path
from xml.sax.saxutils import escape

NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"
THEME_FILES = ("sitemap.xml", "sitemap.xml.gz")


def urlset(addresses: list[str]) -> str:
    """A sitemap of these absolute addresses."""
    urls = "".join(f"  <url>\n    <loc>{escape(a)}</loc>\n  </url>\n" for a in addresses)
    return f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="{NAMESPACE}">\n{urls}</urlset>\n'


def robots(sitemaps: list[str]) -> str:
    lines = ["User-agent: *", "Allow: /", "", *(f"Sitemap: {url}" for url in sitemaps)]
    return "\n".join(lines) + "\n"


class Sitemaps:
    """The pages of every language of one build, by language, in the order they were rendered."""

    def __init__(self, default: str):
        self.default = default
        self.pages: dict[str, list[str]] = {}

    def add(self, lang: str, page_url: str, dest_uri: str) -> None:
        """A rendered page (its site-relative URL, '' for the home page); 404 pages are not listed."""
        if Path(dest_uri).name == "404.html":
            return
        urls = self.pages.setdefault(lang, [])
        if page_url not in urls:
            urls.append(page_url)

    def folder(self, lang: str) -> str:
        return "" if lang == self.default else f"{lang}/"

    def write(self, site_dir: Path, site_url: str) -> None:
        for name in THEME_FILES:
            (site_dir / name).unlink(missing_ok=True)
        if not site_url:
            return
        written = []
        for lang, urls in self.pages.items():
            target = site_dir / self.folder(lang) / "sitemap.xml"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(urlset([site_url + url for url in sorted(urls)]), encoding="utf-8")
            written.append(site_url + self.folder(lang) + "sitemap.xml")
        (site_dir / "robots.txt").write_text(robots(written), encoding="utf-8")
