"""The MkDocs plugin `spf`: adds the generated pages and chart CSVs to the build, in memory, and the release
downloads.

Registered as an entry point in pyproject.toml and listed in mkdocs.yml under `plugins:` before `search`.
A generated path that collides with a hand-written page fails the build. The package path can be overridden
with SPF_DATAPACKAGE (used by tests and benchmarks), and the cache of release downloads with SPF_CACHE_DIR
(an empty value turns it off).

Tables, charts and the downloads' sizes and checksums are filled in late (late.py); the state of one build
lives on the plugin instance (self.late), never in a module.

Languages (issue 16): mkdocs-static-i18n (`i18n` in mkdocs.yml) builds the site once per language, English at
/ and each other language under /<lang>/, with the same plugin instances. Its on_files localises the
hand-written pages (contribute/index.fr.md); ours runs after it (priority -110) and adds the pages generated in
that language (i18n.using), placed under /<lang>/ with the attributes mkdocs-static-i18n gives its own files
(alternates for the language switcher, hreflang links and the sitemap). The shared work is done once, in the
first (default-language) build: the package is loaded and checked, and the release downloads are built by one
forked job, written once at the root and linked from every language."""

from __future__ import annotations

import os
import re
from functools import partial
from pathlib import Path

from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files

from spf.paths import BUILD, DATAPACKAGE
from spf.sitegen import downloads, generate, i18n, offline, register, sitemaps, theme_patch
from spf.sitegen.chart_files import PngJob
from spf.sitegen.generate import Inputs
from spf.sitegen.late import LateFill, ReleaseJob
from spf.validator.checks import resource_names


def build_languages(config) -> tuple[str, list[str]]:
    """(the language being built, every language built in order) from mkdocs-static-i18n; English alone
    when the plugin is not configured."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return i18n.DEFAULT, [i18n.DEFAULT]
    return plugin.current_language or plugin.default_language, list(plugin.build_languages)


def localise(file: File, lang: str, langs: list[str], config) -> File:
    """Place a generated file of `lang` under /<lang>/ (English at the root) and give it the alternates
    (the same path in every language) that mkdocs-static-i18n reads for the switcher and the sitemap."""
    if lang != i18n.DEFAULT:
        file.dest_uri = f"{lang}/{file.dest_uri}"
    alternates = {}
    for other in langs:
        twin = file if other == lang else File.generated(config, file.src_uri, content="")
        if other != lang and other != i18n.DEFAULT:
            twin.dest_uri = f"{other}/{twin.dest_uri}"
        alternates[other] = twin
    file.alternates = alternates
    file.locale = file.locale_alternate_of = file.localization = lang
    file.norm_src_uri = file.src_uri
    return file


class SpfPlugin(BasePlugin):
    def __init__(self):
        self.late: LateFill | None = None
        self.inputs: Inputs | None = None  # loaded once per build of all languages
        self.job: ReleaseJob | None = None
        self.release_link: re.Pattern | None = None
        self.png_job: PngJob | None = None  # the chart PNGs of every language, drawn while MkDocs renders
        self.site_root: Path | None = None
        self.sitemaps = sitemaps.Sitemaps(i18n.DEFAULT)
        self.depth = 0  # mkdocs-static-i18n builds the other languages inside the default one's on_post_build

    def on_pre_build(self, *, config) -> None:
        self.depth += 1

    def _start(self, files: Files, config) -> None:
        """The shared work of a build: load and check the package, start the one release job."""
        descriptor = Path(os.environ.get("SPF_DATAPACKAGE", DATAPACKAGE))
        settings = {
            "publisher": config.extra.get("publisher", ""),
            "site_url": config.site_url or "",
            "cache_dir": os.environ.get("SPF_CACHE_DIR", str(BUILD / "cache" / "downloads")),
        }
        self.inputs = generate.load(descriptor, settings)
        for res in self.inputs.pkg.descriptor["resources"]:
            # names become file names (pages, downloads); the validator says so too, but the build runs beside it
            if why := resource_names.why_unsafe(res.get("name")):
                raise RuntimeError(f"resource name {res.get('name')!r} {why}: the site was not built")
        release_folders = (downloads.folder(self.inputs.release) + "/", "downloads/latest/")
        for file in files:
            if file.src_uri.startswith(release_folders):
                raise RuntimeError(f"docs/{file.src_uri} is in a folder the release downloads are written to")
        # Links from generated pages to files that exist once, at the root, whatever the language: the release
        # downloads and the register's script (the theme's own assets are linked by the theme itself).
        shared = (*release_folders, "api/", "downloads/offline/", register.SCRIPT)  # api/: the JSON API (api.py)
        self.release_link = re.compile(r'((?:href|src)=")((?:\.\./)*)(' + "|".join(map(re.escape, shared)) + ")")
        self.job = ReleaseJob(downloads.write_release, self.inputs, Path(config.site_dir))
        self.png_job = PngJob()
        self.site_root = Path(config.site_dir)  # every language is built under it

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has chosen the hand-written pages of the language
    def on_files(self, files: Files, *, config) -> Files:
        lang, langs = build_languages(config)
        if lang == langs[0] or self.job is None:
            self._start(files, config)
            self.sitemaps = sitemaps.Sitemaps(langs[0])
        self.late = LateFill(self.job)
        with i18n.using(lang):
            made = downloads.plan(self.inputs.pkg, self.inputs.release)
            prefix = "" if lang == i18n.DEFAULT else f"{lang}/"  # where localise() puts the language's files
            pages = generate.pages(self.inputs, made, self.late.blocks, partial(self.png_job.add, prefix=prefix))
        for path in self.late.order(pages):
            if files.get_file_from_path(path) is not None:
                raise RuntimeError(f"generated file {path} would replace a hand-written file in docs/")
            files.append(localise(File.generated(config, path, content=pages[path]), lang, langs, config))
        plugin = config.plugins.get("i18n")
        if plugin is not None:  # the sitemap lists the pages of each language, generated ones included
            plugin.i18n_files_per_language[lang] = files.documentation_pages()
        return files

    def on_page_content(self, html: str, *, page, config, files) -> str:
        return self.late.searchable(html)

    def on_post_page(self, output: str, *, page, config) -> str:
        output = self.late.rest(output)
        self.sitemaps.add(build_languages(config)[0], page.url, page.file.dest_uri)
        if build_languages(config)[0] != i18n.DEFAULT:  # the release downloads exist once, at the root
            output = self.release_link.sub(r"\1../\2\3", output)
        return output

    @event_priority(-200)  # after the theme and mkdocs-static-i18n have written the sitemap
    def on_post_build(self, *, config) -> None:
        self.late.finish()
        self.depth -= 1
        if self.depth == 0:  # the default language's build ends last, after mkdocs-static-i18n built the others
            self.png_job.write(Path(config.site_dir))
            theme_patch.patch_site(Path(config.site_dir))
            self.sitemaps.write(Path(config.site_dir), config.site_url or "")
            # the whole site is there, its bundle patched: its offline copy (offline.py)
            cache = self.inputs.cache_dir.parent / "offline" if self.inputs.cache_dir else None
            offline.write(self.site_root, self.inputs.release.date, cache)

    def on_build_error(self, *, error) -> None:
        self.depth = 0
        if self.late is not None:
            self.late.cancel()
        if self.png_job is not None:
            self.png_job.cancel()
