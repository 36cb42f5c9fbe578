"""Check every internal link of a built site, including links written as raw HTML.

    python scripts/linkcheck.py [SITE_DIR] [--base /REPO/]

Reads every HTML file, collects href/src of a, link, script, img and source, and checks that each
internal target exists (a folder URL needs its index.html) and that each #fragment names an element id
in the target page. External links are counted, not fetched (the build machine has no internet), and
resources loaded from another host (scripts, styles, images, fonts) are errors: the site serves all it
needs itself. Exit status 1 when anything is broken.

The site is checked where it will be published: `base` is the path of the published address (`/REPO/` for a
GitHub project site; by default the path of `site_url` in mkdocs.yml, `/` without one). A root-relative link
(`/REPO/fr/`) must start with it and is resolved below it; one that does not points outside the site.
"""

from __future__ import annotations

import argparse
import html
import os
import posixpath
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from spf.forked import Forked
from spf.paths import SITE
from spf.sitegen import settings

LINK_ATTRS = {"a": "href", "link": "href", "script": "src", "img": "src", "source": "src", "iframe": "src"}
LOADED = {"link", "script", "img", "source", "iframe"}  # tags whose target the browser fetches by itself


TAG = re.compile(r"<(a|link|script|img|source|iframe)\b([^>]*)>", re.I)
# quoted or unquoted values (HTML allows `href=javascript:x`; an injected link need not be quoted)
ATTR = re.compile(r"""\b([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
ID = re.compile(r"""\s(?:id|name)\s*=\s*(?:"([^"]*)"|'([^']*)')""", re.I)


@dataclass
class Parsed:
    links: list[tuple[str, str]]
    ids: set[str]


def parse(path: Path) -> Parsed:
    """Links (tag, URL) and element ids of one HTML file. Regular expressions over the markup: MkDocs writes
    well-formed attributes (quoted or not), and this is about ten times faster than an HTML parser."""
    text = path.read_text(encoding="utf-8", errors="replace")
    links = []
    for tag, attrs in TAG.findall(text):
        values = {k.lower(): html.unescape(a or b or c) for k, a, b, c in ATTR.findall(attrs)}
        attr = LINK_ATTRS[tag.lower()]
        if values.get(attr):
            if tag.lower() == "link" and values.get("rel") in ("canonical", "alternate"):
                continue
            links.append((tag.lower(), values[attr]))
    ids = {html.unescape(a or b) for a, b in ID.findall(text)}
    return Parsed(links, ids)


def parse_all(site: Path, pages: list[str]) -> dict[str, Parsed]:
    return {rel: parse(site / rel) for rel in pages}


def base_path(site_url: str) -> str:
    """The path the site is published under, from its address: '/' or '/REPO/' (always with both slashes)."""
    path = urlsplit(site_url).path.strip("/")
    return f"/{path}/" if path else "/"


def resolve(page: str, url: str, files: set[str], base: str = "/") -> str | None:
    """The site-relative file a link from `page` (site-relative) points to, worked out on the strings (the
    site has no symlinks) and the set of files; None when it leaves the site. A folder URL means its
    index.html; a root-relative URL is resolved below the published path `base`."""
    parts = urlsplit(url)
    if parts.path == "":
        return page
    path = unquote(parts.path)
    if path.startswith("/"):
        if not (path + "/").startswith(base):
            return None
        path = path[len(base) :] if len(path) >= len(base) else ""
        joined = path or "."
    else:
        joined = posixpath.join(posixpath.dirname(page), path)
    target = posixpath.normpath(joined)
    if target == ".":
        target = ""
    if target == ".." or target.startswith("../"):
        return None
    if url.endswith("/") or target not in files and posixpath.join(target, "index.html") in files:
        target = posixpath.join(target, "index.html") if target else "index.html"
    return target


def check(site: Path, base: str = "/") -> tuple[list[str], int, int]:
    """(problems, internal links checked, external links seen); `base` is the published path (base_path)."""
    site = site.resolve()
    files = {
        posixpath.join(posixpath.relpath(root, site), name).removeprefix("./")
        for root, _, names in os.walk(site)
        for name in names
    }
    problems, internal, external = [], 0, 0
    pages = sorted(f for f in files if f.endswith(".html"))
    # every page parsed once per call (the same path can hold another build next time), half of them by a
    # forked process on the second core
    second = Forked("parsing pages for the link check", parse_all, site, pages[len(pages) // 2 :])
    parsed = parse_all(site, pages[: len(pages) // 2])
    parsed.update(second.result())

    for rel in pages:
        for tag, url in parsed[rel].links:
            scheme = urlsplit(url).scheme
            if scheme in ("http", "https") or url.startswith("//"):
                if tag in LOADED:
                    problems.append(f"{rel}: <{tag}> loads {url} from another host")
                external += 1
                continue
            if scheme in ("mailto", "tel", "data", "javascript"):
                if scheme == "javascript" or (scheme == "data" and tag != "link"):
                    problems.append(f"{rel}: <{tag}> uses a {scheme}: URL")
                continue
            internal += 1
            target = resolve(rel, url, files, base)
            if target is None:
                problems.append(f"{rel}: {url} points outside the site")
            elif target not in files:
                problems.append(f"{rel}: {url} does not exist")
            elif urlsplit(url).fragment and target.endswith(".html"):
                fragment = unquote(urlsplit(url).fragment)
                if fragment not in parsed[target].ids:
                    problems.append(f"{rel}: {url} has no element with id '{fragment}'")
    return problems, internal, external


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Check internal links of the built site.")
    parser.add_argument("site", nargs="?", type=Path, default=SITE)
    parser.add_argument("--base", help="the published path (default: the path of site_url in mkdocs.yml)")
    args = parser.parse_args(argv)
    if not (args.site / "index.html").is_file():
        print(f"linkcheck: {args.site} has no index.html; run `make site` first.", file=sys.stderr)
        return 2
    base = args.base if args.base is not None else base_path(settings.site_url())
    problems, internal, external = check(args.site, base_path(base))
    for p in problems:
        print(p)
    print(f"{internal} internal links checked, {external} external links not fetched, {len(problems)} problems.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
