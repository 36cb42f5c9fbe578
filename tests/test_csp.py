"""The content-security policy (overrides/partials/csp.html): on every page, ahead of every script, naming
by hash every inline script the theme writes; and the site works under it in chromium (charts, search, the
palette switch) with no policy violation."""

from __future__ import annotations

import base64
import hashlib
import re
from html.parser import HTMLParser

import pytest

from conftest import PAGES, draw_all_charts

POLICY_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


class _Scripts(HTMLParser):
    """The position of the policy and every script of a page: [(kind, attrs, text)] in document order."""

    def __init__(self):
        super().__init__()
        self.items: list[tuple[str, dict, str]] = []
        self._open: dict | None = None
        self._text: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and (attrs.get("http-equiv") or "").lower() == "content-security-policy":
            self.items.append(("policy", attrs, attrs.get("content", "")))
        if tag == "script":
            self._open, self._text = attrs, []

    def handle_data(self, data):
        if self._open is not None:
            self._text.append(data)

    def handle_endtag(self, tag):
        if tag == "script" and self._open is not None:
            self.items.append(("script", self._open, "".join(self._text)))
            self._open = None


def _sha(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def _script_src(policy: str) -> list[str]:
    directives = {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}
    return directives["script-src"]


@pytest.mark.repo_data
def test_every_page_has_the_policy_before_any_script_and_it_names_every_inline_script(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 50
    for page in pages:
        parser = _Scripts()
        parser.feed(page.read_text(encoding="utf-8"))
        kinds = [kind for kind, _, _ in parser.items]
        assert kinds.count("policy") == 1, page
        assert kinds[0] == "policy", f"{page}: a script comes before the policy"
        allowed = _script_src(parser.items[0][2])
        assert "'unsafe-inline'" not in allowed and "'unsafe-eval'" not in allowed
        own = [s for s in allowed if not s.startswith("'sha256-")]
        embed = "embed" in page.relative_to(built_site).parts  # embed pages run no script at all
        assert own == (["'none'"] if embed else ["'self'"]), page
        for _, attrs, text in parser.items[1:]:
            if "src" in attrs or attrs.get("type") in ("application/json", "application/ld+json"):
                continue  # files of the site itself, and data that never runs
            assert _sha(text) in allowed, f"{page}: inline script not in the policy, add {_sha(text)}: {text[:80]}"


@pytest.mark.repo_data
def test_policy_allows_nothing_from_elsewhere(built_site):
    policy = POLICY_META.search((built_site / "index.html").read_text(encoding="utf-8")).group(1)
    for directive in policy.split(";"):
        sources = directive.split()[1:]
        assert all(s.startswith("'") or s == "data:" for s in sources), directive
        assert "data:" not in sources or directive.split()[0] == "img-src", directive
    assert "object-src 'none'" in policy and "base-uri 'self'" in policy


@pytest.fixture
def watched(browser, site_url):
    """A page that records every policy violation, console error and dialog."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_init_script(
        "window.__violations = [];"
        "document.addEventListener('securitypolicyviolation',"
        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));"
    )
    pg = context.new_page()
    pg.problems = []
    pg.on("console", lambda m: pg.problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.problems.append(str(e)))
    pg.on("dialog", lambda d: (pg.problems.append("dialog: " + d.message), d.dismiss()))
    pg.base = site_url
    yield pg
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("kind", sorted(PAGES))
@pytest.mark.repo_data
def test_every_page_kind_works_under_the_policy(watched, kind):
    watched.goto(watched.base + PAGES[kind].url, wait_until="load")
    n = draw_all_charts(watched)  # plotly.js loads on intent: each chart is clicked and must draw
    if PAGES[kind].charts:
        assert n >= 1
    if kind != "embed":  # embed pages carry no theme and no script
        assert watched.evaluate("typeof __md_get") == "function"  # the theme's inline script ran
    watched.wait_for_timeout(200)
    assert watched.evaluate("window.__violations") == []
    assert watched.problems == []


@pytest.mark.browser
@pytest.mark.repo_data
def test_search_and_palette_work_under_the_policy(watched):
    watched.goto(watched.base + "/", wait_until="load")
    watched.locator("input.md-search__input").focus()
    watched.keyboard.type("Togo")
    watched.locator(".md-search-result__item").first.wait_for(state="attached", timeout=15000)  # the worker ran
    assert watched.locator(".md-search-result__item").count() >= 1
    watched.goto(watched.base + "/", wait_until="load")
    scheme = watched.evaluate("document.body.dataset.mdColorScheme")
    watched.locator(".spf-palette__toggle:visible").first.click()
    watched.wait_for_function(f"() => document.body.dataset.mdColorScheme !== {scheme!r}", timeout=5000)
    assert watched.evaluate("window.__violations") == []
    assert watched.problems == []


def _directives(policy: str) -> dict[str, list[str]]:
    return {d.split()[0]: d.split()[1:] for d in policy.split(";") if d.strip()}


@pytest.mark.repo_data
def test_no_inline_style_sheet_applies_and_no_form_submits(built_site):
    """style-src without 'unsafe-inline' (an injected <style> does not apply; the embed pages' own stylesheet
    is allowed by its hash), form-action 'none'; and the pages carry no inline style of their own."""
    pages = sorted(built_site.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        parser = _Scripts()
        parser.feed(text)
        policy = _directives(parser.items[0][2])
        assert "'unsafe-inline'" not in policy["style-src"], page
        assert "'unsafe-inline'" not in policy.get("style-src-elem", []), page
        assert policy["form-action"] == ["'none'"], page
        assert not re.search(r"<[a-zA-Z][^<>]*\sstyle=", text), page  # no style attribute in a tag
        styles = re.findall(r"<style>(.*?)</style>", text, re.S)
        assert all(_sha(s) in policy["style-src"] for s in styles), page


@pytest.mark.repo_data
def test_the_policy_is_the_first_element_after_charset_in_every_html_file(built_site):
    """Nothing derived from input (a description, a title) comes before the policy."""
    first = re.compile(r'<head>\s*<meta charset="utf-8">\s*<meta http-equiv="Content-Security-Policy" ', re.I)
    for page in sorted(built_site.rglob("*.html")):
        assert first.search(page.read_text(encoding="utf-8")), page
