"""Escape by construction: a script-bearing value in every free-text column and every text field of
datapackage.json is shown as text and never runs, even when nothing stops it before the build.

The package is built with MkDocs directly (as build_site does, without the validator in front), so the
escaping itself is what is tested, not the validator's courtesy checks. Key, foreign-key and constrained
columns (ids, codes, enums, patterns, numbers) are left alone: the pinned schemas reject any other value
there, and the pages use them as identifiers."""

from __future__ import annotations

import csv
import io
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT, build_package, build_planted, site_pages

# Every form of attack the review found: raw HTML without a closing >, a closed tag, attribute break-out,
# an attr_list block, a Markdown link and emphasis, and the build's own download placeholder.
PAYLOAD = (
    "X{n} <script>document.title='PWNED'</script> \"'><img src=x onerror=alert({n})> "
    "{{ onfocus=alert({n}) autofocus tabindex=1 }} [link](javascript:alert({n})) *em* "
    "@@spf-download:sha256:sources.csv@@ <svg onload=alert({n})"
)


def _free_text_columns(res: dict) -> list[str]:
    schema = res["schema"]
    keys = schema.get("primaryKey", [])
    keys = [keys] if isinstance(keys, str) else list(keys)
    for fk in schema.get("foreignKeys", []):
        keys += fk["fields"] if isinstance(fk["fields"], list) else [fk["fields"]]
    return [
        f["name"]
        for f in schema["fields"]
        if f.get("type", "string") == "string"
        and not set(f.get("constraints", {})) - {"required"}
        and f["name"] not in keys
    ]


def _poison(descriptor_path: Path) -> int:
    """Write the payload into every free-text cell and descriptor text field; return how many were set."""
    root = descriptor_path.parent
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    n = 0

    def payload() -> str:
        nonlocal n
        n += 1
        return PAYLOAD.format(n=n)

    descriptor["title"], descriptor["description"] = payload(), payload()
    descriptor["keywords"] = [payload()]
    for item in descriptor.get("sources", []) + descriptor.get("contributors", []) + descriptor.get("licenses", []):
        item["title"] = payload()
    for res in descriptor["resources"]:
        res["title"], res["description"] = payload(), payload()
        for field in res["schema"]["fields"]:
            field["description"] = payload()
        columns = _free_text_columns(res)
        path = root / res["path"]
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        for row in rows:
            for col in columns:
                row[col] = payload()
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, [f["name"] for f in res["schema"]["fields"]], lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
    descriptor_path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False), encoding="utf-8")
    return n


def _attribute_names(text: str) -> set[str]:
    names: set[str] = set()

    class Parser(HTMLParser):
        def handle_starttag(self, tag, attrs):
            names.update(name for name, _ in attrs)

    Parser().feed(text)
    return names


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("poisoned")
    descriptor = build_package(tmp / "pkg")
    assert _poison(descriptor) > 100
    site = tmp / "site"
    server, url = build_planted(descriptor, site, site_url=True)
    yield site, url
    server.shutdown()


def test_no_payload_reaches_a_page_as_markup(poisoned_site):
    site, _ = poisoned_site
    for page, text in site_pages(site):
        assert "<script>document.title" not in text, page
        assert "<img src=x" not in text and "<svg onload" not in text, page
        assert "onfocus" not in _attribute_names(text), page  # never as an attribute
        assert 'href="javascript:' not in text, page
        assert "@@spf-download" not in text.replace("&#64;&#64;spf-download", ""), page


@pytest.mark.browser
def test_payloads_show_as_text_and_never_run(browser, poisoned_site):
    site, url = poisoned_site
    context = browser.new_context()
    pg = context.new_page()
    dialogs: list[str] = []
    pg.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    shown = 0
    for page in sorted(site.rglob("index.html")):
        path = "/" + page.parent.relative_to(site).as_posix()
        pg.goto(url + (path if path == "/" else path + "/"), wait_until="load")
        pg.mouse.wheel(0, 1)
        pg.keyboard.press("Tab")  # focus: an injected autofocus/onfocus handler would fire
        pg.wait_for_timeout(50)
        assert pg.title() != "PWNED", path  # the payload sets the title to exactly this if it runs
        assert pg.evaluate("document.querySelectorAll('img[src=x], svg[onload], [onfocus]').length") == 0, path
        if "<img src=x onerror=" in pg.inner_text("body"):
            shown += 1
    assert dialogs == []
    assert shown >= 10  # the values are on the pages, as text
    context.close()


def test_the_validator_still_refuses_the_poisoned_package(poisoned_site, tmp_path):
    """The courtesy checks still tell the contributor (html-in-text; one error per cell)."""
    import subprocess

    site, _ = poisoned_site
    descriptor = site.parent / "pkg" / "datapackage.json"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "validate.py"), "--package", str(descriptor), "--format", "json"],
        capture_output=True,
        text=True,
    )
    types = {e["type"] for e in json.loads(result.stdout)["errors"]}
    assert result.returncode == 1 and "html-in-text" in types
