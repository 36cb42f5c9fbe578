"""Nothing is fetched before the reader asks for it: three small patches to Material's JavaScript bundle.

Material 9.8's bundle, on every page load,
- fetches `sitemap.xml` beside each `<link rel="alternate" hreflang>` of the page (three requests, 404s in a
  build without an address), only to map the page to its twin when the reader picks a language. Our language
  links already point at the twin page (mkdocs-static-i18n writes them per page), so the lookup is dropped;
- fetches the search index and starts the search worker, although most readers never search (about 36 KB
  gzip on a page of 80 KB). Both now start when the reader opens search (the search toggle, which Material
  also sets when the search field gets focus or a key shortcut opens it), or when the address asks for search
  results or highlights (`?q=`, `?h=`).

The bundle is patched in the built site, after the build (`patch_site`). Each patch must match exactly once:
when a theme update changes the bundle, the build fails and says which patch to redo; it never ships an
unpatched bundle silently. tests/test_published_path.py proves in chromium that no page requests a sitemap, the
search index or its worker before the reader opens search, and that search works once opened.
"""

from __future__ import annotations

import re
from pathlib import Path

MARK = "/*spf-theme-patch*/"

# Runs in the bundle's scope (after its "use strict"); defines the lazy search index and the lazy worker.
PRELUDE = (
    MARK + "var __spfSearch={lazy:function(load){var go,ready=new Promise(function(r){go=r}).then(function(){"
    "return new Promise(function(ok,fail){load().subscribe({next:ok,error:fail})})});"
    'var t=document.querySelector("[data-md-toggle=search]");'
    'if(t)t.addEventListener("change",function(){if(t.checked)go()});'
    "var q=new URLSearchParams(location.search);"
    'if(q.has("q")||q.has("h"))go();return ready}};'
    "function __SpfLazyWorker(u){this.u=u;this.w=null;this.l=[]}"
    "__SpfLazyWorker.prototype.addEventListener=function(a,b,c){"
    "this.w?this.w.addEventListener(a,b,c):this.l.push([a,b,c])};"
    "__SpfLazyWorker.prototype.removeEventListener=function(a,b,c){"
    "this.w?this.w.removeEventListener(a,b,c):this.l=this.l.filter(function(x){return x[1]!==b})};"
    "__SpfLazyWorker.prototype.postMessage=function(m){if(!this.w){this.w=new Worker(this.u);"
    "for(var i=0;i<this.l.length;i++)this.w.addEventListener.apply(this.w,this.l[i])}this.w.postMessage(m)};"
)

NAME = r"[A-Za-z_$][\w$]*"  # a minified identifier

# (what it does, pattern, replacement): each pattern must match exactly once in the bundle.
PATCHES = [
    ("the prelude after the bundle's 'use strict'", re.compile(r'^"use strict";'), '"use strict";' + PRELUDE),
    (
        "no sitemap lookups for the language selector (setupAlternate is not started)",
        re.compile(rf"\b{NAME}\(\{{document\$:{NAME}\}}\);(?=var {NAME}=new )"),
        "",
    ),
    (
        "the search index is fetched when search is opened (index$)",
        re.compile(rf'(=document\.forms\.namedItem\("search"\)\?)({NAME})\(\)(:)'),
        r"\1__spfSearch.lazy(\2)\3",
    ),
    (
        "the search worker starts with its first message (watchWorker)",
        re.compile(rf"(function {NAME}\({NAME},{NAME}=new )Worker(\({NAME}\)\))"),
        r"\1__SpfLazyWorker\2",
    ),
]


class ThemePatchError(RuntimeError):
    pass


def patch(source: str) -> str:
    """The patched bundle; raises ThemePatchError naming every patch that does not match exactly once."""
    if MARK in source:
        return source  # patched already (a language build after the first)
    problems = []
    for what, pattern, replacement in PATCHES:
        found = len(pattern.findall(source))
        if found != 1:
            problems.append(f"{what}: the pattern matches {found} times, not once")
            continue
        source = pattern.sub(replacement, source, count=1)
    if problems:
        raise ThemePatchError(
            "Material's JavaScript bundle is not the one scripts/sitegen/theme_patch.py was written for "
            "(a theme update?); redo these patches against the new bundle:\n  " + "\n  ".join(problems)
        )
    return source


def patch_site(site_dir: Path) -> None:
    """Patch the theme's bundle in a built site (there is one, at the root, for every language)."""
    bundles = sorted((site_dir / "assets" / "javascripts").glob("bundle.*.min.js"))
    if len(bundles) != 1:
        raise ThemePatchError(f"expected one Material bundle in {site_dir}/assets/javascripts, found {len(bundles)}")
    text = bundles[0].read_text(encoding="utf-8")
    patched = patch(text)
    if patched != text:
        bundles[0].write_text(patched, encoding="utf-8")
