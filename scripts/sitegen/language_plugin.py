"""The MkDocs plugin `spf-language`: the site's own interface text around the pages, in the language being
built (mkdocs-static-i18n builds one language after the other, see plugin.py).

- the site's name and description (mkdocs.yml; catalogue context "site"),
- the theme's texts that are settings: the colour-scheme toggles' names (mkdocs.yml, theme.palette) and the
  title of the headings' permanent links (the toc extension's permalink_title); catalogue context "theme",
- the titles the navigation gives in mkdocs.yml (context "navigation"),
- `_`, `link` and `as_written` for our template overrides (overrides/partials/colophon.html),
- Material's templates compiled once for all the languages (a bytecode cache kept across the builds),
- the language selector's links relative to the site, the hreflang alternates absolute (overrides/main.html),
  and a 404 page per language.

mkdocs.yml and the catalogues are contributed like data: the texts set here reach the theme, which writes
them raw in places (<title>, <meta name="description">, the header's aria-label, navigation links), so each
is HTML-escaped here (`text_setting`); the validator refuses markup in them too (checks/catalogues.py).

It is separate from `spf` (which generates the pages) so that a build of pre-generated pages (the plain
build of tests/test_site_build.py, `make bench`) has the same interface text as `make site`.
"""

from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from jinja2 import BytecodeCache
from markupsafe import Markup
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Link, Navigation, Section

from spf.sitegen import direction, i18n, search_split
from spf.sitegen.text import h, h_message

SITE_TEXTS = ("site_name", "site_description")


def current_language(config) -> str:
    """The language mkdocs-static-i18n is building (English when the plugin is not configured)."""
    plugin = config.plugins.get("i18n")
    if plugin is None:
        return i18n.DEFAULT
    return plugin.current_language or plugin.default_language


def template_globals(lang: str) -> dict:
    """`_` and `link` for our template overrides: a message of the catalogue in `lang`, escaped (and marked
    when untranslated), its {fields} filled with escaped values (Markup ones, such as links, kept)."""

    def message(msgid: str, **params) -> Markup:
        with i18n.using(lang):
            return Markup(h_message(i18n._(msgid))).format(**params)

    def link(href: str, label: str, rel: str) -> Markup:
        return Markup('<a href="{}" rel="{}">{}</a>').format(href, rel, label)

    def as_written(text: str) -> Markup:
        """A setting's text as written in mkdocs.yml (English: the publisher), marked so on other pages."""
        escaped = Markup(h(str(text)))
        return escaped if lang == i18n.DEFAULT else Markup('<span lang="{}">{}</span>').format(i18n.DEFAULT, escaped)

    return {"_": message, "link": link, "as_written": as_written}


def text_setting(text: str) -> Markup:
    """A text of mkdocs.yml or a catalogue as the theme writes it: escaped once (Markup, so the theme's own
    `| e` does not escape it twice), without the untranslated mark (it would be markup in an attribute)."""
    return Markup(h(str(text)))


def translate_nav(items: list, lang: str) -> None:
    """The titles that mkdocs.yml gives the navigation, in `lang`, escaped (pages' own titles come from the
    pages)."""
    with i18n.using(lang):
        for item in items:
            if isinstance(item, Section | Link) or "title" in vars(item):  # a Page titled in mkdocs.yml
                item.title = text_setting(i18n.pgettext("navigation", item.title))
            if isinstance(item, Section):
                translate_nav(item.children, lang)


class MemoryBytecodeCache(BytecodeCache):
    """Compiled templates kept for the builds of the other languages (MkDocs makes a new Jinja environment
    for each build; without this, every language compiles Material's templates again)."""

    def __init__(self):
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


class SpfLanguagePlugin(BasePlugin):
    def __init__(self):
        self.english: dict[str, str] = {}
        self.toggles: list[str] = []  # the palette toggles' names in mkdocs.yml
        self.templates = MemoryBytecodeCache()
        self.not_found: dict[str, str] = {}  # each language's 404 page
        self.depth = 0  # mkdocs-static-i18n builds the other languages inside the default one's on_post_build

    def on_config(self, config):
        """The theme's folders listed once for the builds of every language: MkDocs lists them in each build
        to find the theme's static files (Material's icons are thousands of files), and they do not change
        during a build."""
        theme, original, listed = config.theme, config.theme.get_env, {}

        def get_env():
            env = original()
            key = tuple(theme.dirs)
            if key not in listed:
                listed[key] = env.loader.list_templates()
            env.loader.list_templates = lambda: listed[key]
            return env

        theme.get_env = get_env
        return config

    def on_pre_build(self, *, config) -> None:
        self.depth += 1

    def on_post_template(self, output: str, *, template_name: str, config) -> str:
        if template_name == "404.html":  # every language's build writes the root 404.html: each is kept
            self.not_found[current_language(config)] = output
        return output

    @event_priority(-200)  # after mkdocs-static-i18n (-100) has built the other languages
    def on_post_build(self, *, config) -> None:
        self.depth -= 1
        if self.depth != 0 or config.plugins.get("i18n") is None:
            return
        # the outermost build (the default language's), after mkdocs-static-i18n has built the others
        site = Path(config.site_dir)
        # the root 404 page (what a host serves for any missing address) in the default language, and each
        # language's own under /<lang>/404.html
        for lang, output in self.not_found.items():
            folder = site if lang == i18n.DEFAULT else site / lang
            folder.mkdir(parents=True, exist_ok=True)
            page = output if lang == i18n.DEFAULT else search_split.point_search(output)
            (folder / "404.html").write_text(direction.html(page, lang), encoding="utf-8")
        if (site / "search" / "search_index.json").is_file():
            search_split.split(site, i18n.DEFAULT, [lang for lang in i18n.languages() if lang != i18n.DEFAULT])

    def on_post_page(self, output: str, *, page, config) -> str:
        """A translated page searches its own language's index (search_split); a right-to-left page says so on
        <html> and isolates its left-to-right parts (direction.html)."""
        lang = current_language(config)
        if lang != i18n.DEFAULT and config.plugins.get("i18n") is not None:
            output = search_split.point_search(output)
        return direction.html(output, lang)

    def on_build_error(self, *, error) -> None:
        self.depth = 0

    @event_priority(-110)  # after mkdocs-static-i18n (-100) has set up the language of this build
    def on_files(self, files: Files, *, config) -> Files:
        if not self.english:
            self.english = {key: config[key].strip() for key in SITE_TEXTS if config[key]}
        with i18n.using(current_language(config)):
            for key, english in self.english.items():
                config[key] = text_setting(i18n.pgettext("site", english))
            self.translate_theme(config)
        return files

    def translate_theme(self, config) -> None:
        """The palette toggles' names and the permanent links' title in the language being built."""
        toggles = [option["toggle"] for option in config.theme.get("palette") or [] if option.get("toggle")]
        if not self.toggles:
            self.toggles = [str(toggle.get("name", "")) for toggle in toggles]
        for toggle, english in zip(toggles, self.toggles, strict=True):
            if english:
                toggle["name"] = text_setting(i18n.pgettext("theme", english))
        toc = config.mdx_configs.get("toc")
        if toc is not None and toc.get("permalink"):
            # the toc extension writes the title as an attribute value itself (escaped there): plain text here
            toc["permalink_title"] = str(i18n.pgettext("theme", "Permanent link"))

    @event_priority(-110)
    def on_nav(self, nav: Navigation, *, config, files) -> Navigation:
        translate_nav(nav.items, current_language(config))
        return nav

    def on_env(self, env, *, config, files):
        env.globals.update(template_globals(current_language(config)))
        # for overrides/main.html: absolute addresses of the alternates, and the language of x-default
        env.globals["spf_absolute"] = lambda link: urljoin(config.site_url or "", link)
        env.globals["spf_default_language"] = i18n.DEFAULT
        env.bytecode_cache = self.templates
        return env

    @event_priority(-150)  # after mkdocs-static-i18n (its on_page_context: 50) has pointed the alternates at the twins
    def on_page_context(self, context, *, page, config, nav):
        """The language selector's links relative to the site (mkdocs-static-i18n writes the home pages' as
        /PATH/fr/, which breaks a build served under another path); the head makes them absolute."""
        base = urlsplit(config.site_url or "").path.rstrip("/") + "/"
        # mkdocs-static-i18n sets the attribute (which the templates read), not the key
        for alt in getattr(config.extra, "alternate", None) or []:
            if alt.get("link", "").startswith(base):
                alt["link"] = alt["link"][len(base) :] or "./"
        return context

    def on_template_context(self, context, *, template_name, config):
        """The 404 page's language selector: each language's home (root-relative, as the whole 404 page is,
        since a host serves it at any address), not the alternates of the last page rendered."""
        plugin = config.plugins.get("i18n")
        if template_name == "404.html" and plugin is not None and plugin.extra_alternate:
            config.extra.alternate = copy.deepcopy(plugin.extra_alternate)
        return context
