"""Every contribution channel is untrusted, not only data: a site built from planted translations (French
catalogue), a planted CHANGELOG.md and planted mkdocs.yml texts (site name, description, a navigation title)
carries none of it as markup, and in chromium no page runs a planted script, follows a planted refresh or
applies a planted style.

The build is MkDocs itself, without the validator in front (as tests/test_injection.py does for data), so the
defences tested are the build's own: msgrules (a msgstr that is not text is shown in English), changelog.py
(CHANGELOG.md as text), language_plugin.text_setting (mkdocs.yml texts escaped) and the CSP."""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest
from babel.messages.pofile import read_po, write_po

from conftest import ROOT, build_package, build_planted, site_pages
from spf.sitegen import i18n

REFRESH = '<meta http-equiv="refresh" content="0;url=https://example.invalid/">'
SCRIPT = "<script>document.title='PWNED'</script><img src=x onerror=\"document.title='PWNED'\">"
STYLE = '<style>body{background:rgb(1, 2, 3) !important}</style><div style="background:rgb(1, 2, 3)"></div>'
PAYLOAD = f"{REFRESH}{SCRIPT}{STYLE} [link](javascript:document.title='PWNED') {{: onclick=x }}"
PLANTED = ("site description", "Home", "Changelog of the data", "{value}{line_break}({label})", "Sources ({n})")


def _plant_catalogue(folder):
    po = folder / "fr" / "LC_MESSAGES" / "messages.po"
    with po.open("rb") as f:
        catalog = read_po(f, locale="fr")
    for message in catalog:
        if message.context == "site" and message.id.startswith("Open data"):
            message.string = PAYLOAD
        elif message.id in PLANTED[1:4]:
            message.string = PAYLOAD + (" {value} {line_break} {label}" if "{value}" in message.id else "")
        elif message.id == "Sources ({n})":
            message.string = "Sources ({n:>99999999}) {unknown}"  # a huge page and a KeyError, if used
    with po.open("wb") as f:
        write_po(f, catalog, omit_header=True)


def _plant_config(folder) -> str:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    text = text.replace("docs_dir: docs", f"docs_dir: {ROOT / 'docs'}", 1)
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}", 1)
    text = re.sub(r"^watch:\n(  - .*\n)+", "", text, count=1, flags=re.M)  # serve only; relative to the config
    name = json.dumps(f'SPF {SCRIPT}"')  # a JSON string is a YAML string
    text = re.sub(r"^site_name: .*$", lambda _: f"site_name: {name}", text, count=1, flags=re.M)
    text = text.replace("  - Results: results.md", f"  - {json.dumps(REFRESH + STYLE)}: results.md", 1)
    config = folder / "mkdocs.yml"
    config.write_text(text, encoding="utf-8")
    return config


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("channels")
    descriptor = build_package(tmp / "pkg")
    changelog = descriptor.parent / "CHANGELOG.md"
    changelog.write_text(changelog.read_text(encoding="utf-8") + f"\n{PAYLOAD}\n\n- {PAYLOAD}\n", encoding="utf-8")
    shutil.copytree(i18n.LOCALE_DIR, tmp / "locale")
    _plant_catalogue(tmp / "locale")
    config_dir = ROOT / "build" / f"test-channels-{os.getpid()}"  # beside docs/ and overrides/ on the same disk
    config_dir.mkdir(parents=True, exist_ok=True)
    config = _plant_config(config_dir)
    site = tmp / "site"
    try:
        server, url = build_planted(descriptor, site, config, SPF_LOCALE_DIR=str(tmp / "locale"))
    finally:
        shutil.rmtree(config_dir, ignore_errors=True)
    yield site, url
    server.shutdown()


def test_no_planted_markup_reaches_a_page(planted_site):
    site, _ = planted_site
    for page, text in site_pages(site):
        assert '<meta http-equiv="refresh"' not in text, page
        assert "<script>document.title" not in text and "<img src=x" not in text, page
        assert "<style>body{background:rgb(1" not in text and '<div style="background:rgb(1' not in text, page
        assert 'href="javascript:' not in text and "onclick=x" not in text.replace("{: onclick=x }", ""), page
    about = site / "fr" / "about-the-data" / "index.html"  # its heading "Sources ({n})" was planted
    assert "Sources (" in about.read_text(encoding="utf-8") and about.stat().st_size < 2_000_000


@pytest.mark.browser
def test_no_page_runs_a_planted_script_follows_a_refresh_or_applies_a_style(browser, planted_site):
    site, url = planted_site
    context = browser.new_context()
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    paths = ["/", "/fr/", "/es/", "/data/changelog/", "/fr/data/changelog/", "/fr/results/", "/fr/about-the-data/"]
    for path in paths:
        pg.goto(url + path, wait_until="load")
        pg.keyboard.press("Tab")
        pg.wait_for_timeout(1200)  # a refresh of 0 s would have left by now
        assert pg.url == url + path, f"{path}: the page went to {pg.url}"
        assert pg.title() != "PWNED", path
        background = pg.evaluate("getComputedStyle(document.body).backgroundColor")
        assert background != "rgb(1, 2, 3)", path
        assert pg.evaluate("[...document.querySelectorAll('div')].some(d => d.style.background)") is False, path
    assert dialogs == []
    context.close()
