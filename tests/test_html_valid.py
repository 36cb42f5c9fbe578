"""The built site's HTML checked with a real validator (npm html-validate, pinned) and the project config
.htmlvalidate.json. What we emit is validated strictly: the content (<article>) of every page in every
language, our overrides' output in the theme's pages (share and policy tags, the palette buttons, the
colophon) and the embed pages whole, with every rule on. The whole Material pages are validated too, with the
rules the config names as the theme's switched off. One html-validate process checks all of it; the test
fails on any error and prints file, line, rule and message. Node and npm are required: never a skip."""

from __future__ import annotations

import json
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import ROOT

VERSION = "9.7.1"  # html-validate, exact: the newest that runs on Debian bookworm's Node 18.19 (and Node 20)
CONFIG = ROOT / ".htmlvalidate.json"
CACHE = ROOT / "build" / f"html-validate-{VERSION}"
CLI = CACHE / "node_modules" / ".bin" / "html-validate"

# Our parts of a Material page: (tag, attribute, value the attribute starts with, wrapper in the fragment)
OURS = [
    ("meta", "property", "og:", ""),
    ("meta", "name", "twitter:", ""),
    ("meta", "http-equiv", "Content-Security-Policy", ""),
    ("div", "class", "md-header__option spf-palette", "header"),
    ("article", "class", "md-content__inner", "main"),
    ("section", "class", "site-colophon", ""),
]


def validator() -> Path:
    """html-validate at the pinned version, installed once into build/ from the npm registry."""
    npm = shutil.which("npm")
    if npm is None or shutil.which("node") is None:
        pytest.fail("node and npm are missing: install Debian `nodejs npm` (.ci/run does); this test never skips")
    if not CLI.exists():
        cmd = [
            npm,
            "install",
            "--prefix",
            str(CACHE),
            "--no-save",
            "--no-audit",
            "--no-fund",
            f"html-validate@{VERSION}",
        ]
        subprocess.run(cmd, check=True, capture_output=True, text=True, timeout=300)
    return CLI


def theme_rules(config: dict) -> list[str]:
    """The rules that a `// theme: ...` comment key, just before them, names as the theme's."""
    keys = list(config["rules"])
    return [b for a, b in zip(keys, keys[1:], strict=False) if a.startswith("// theme:") and not b.startswith("//")]


class _Regions(HTMLParser):
    """Where our parts are: [(start offset, end offset, wrapper)] in document order, and the page's lang."""

    def __init__(self, text: str):
        super().__init__(convert_charrefs=True)
        self.starts = [0]
        for line in text.split("\n"):
            self.starts.append(self.starts[-1] + len(line) + 1)
        self.text, self.found, self.lang = text, [], "en"
        self._open: tuple[str, int, str] | None = None
        self._depth = 0

    def _offset(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag, attrs):
        attrs = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = attrs.get("lang", "en")
        if self._open:
            self._depth += tag == self._open[0]
            return
        for name, attr, prefix, wrap in OURS:
            if tag == name and attrs.get(attr, "").startswith(prefix):
                start = self._offset()
                if tag == "meta":
                    self.found.append((start, start + len(self.get_starttag_text()), wrap))
                else:
                    self._open, self._depth = (tag, start, wrap), 1
                return

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self._depth -= 1
            if not self._depth:
                end = self.text.index(">", self._offset()) + 1
                self.found.append((self._open[1], end, self._open[2]))
                self._open = None


def fragment(text: str) -> str:
    """A document of our parts of a page, each on its own lines of the page (so line numbers stay the page's).
    Lines holding only whitespace are emptied: that is the indentation of Material's templates."""
    regions = _Regions(text)
    regions.feed(text)
    out = [f'<!doctype html><html lang="{regions.lang}"><head><meta charset="utf-8"><title>Our output</title>']
    line, in_head = 1, True
    for start, end, wrap in regions.found:
        part = "\n".join("" if not s.strip() else s for s in text[start:end].split("\n"))
        at = text.count("\n", 0, start) + 1
        opener = ""
        if in_head and not part.startswith("<meta"):
            opener, in_head = "</head><body>", False
        out.append("\n" * max(0, at - line) + opener + (f"<{wrap}>{part}</{wrap}>" if wrap else part))
        line = max(line, at) + part.count("\n")
    out.append(("</head><body>" if in_head else "") + "</body></html>\n")
    return "".join(out)


def stage(site: Path, work: Path) -> dict[Path, str]:
    """Write the files to validate under `work`: ours/ (strict) and theme/ (theme rules off), each with its
    config; return {staged file: what to call it in a report}."""
    config = json.loads(CONFIG.read_text(encoding="utf-8"))
    strict = {"root": True, "extends": [str(CONFIG)], "rules": {rule: "error" for rule in theme_rules(config)}}
    names: dict[Path, str] = {}
    for sub, cfg in (("ours", strict), ("theme", {"root": True, "extends": [str(CONFIG)]})):
        (work / sub).mkdir(parents=True)
        (work / sub / ".htmlvalidate.json").write_text(json.dumps(cfg), encoding="utf-8")
    for page in sorted(site.rglob("*.html")):
        rel = page.relative_to(site)
        ours, theme = work / "ours" / rel, work / "theme" / rel
        ours.parent.mkdir(parents=True, exist_ok=True)
        text = page.read_text(encoding="utf-8")
        if "embed" in rel.parts:  # ours whole: no Material
            shutil.copyfile(page, ours)
            names[ours] = f"{rel}"
            continue
        ours.write_text(fragment(text), encoding="utf-8")
        names[ours] = f"{rel} (our output)"
        theme.parent.mkdir(parents=True, exist_ok=True)
        theme.symlink_to(page.resolve())
        names[theme] = f"{rel} (whole page)"
    return names


def run(work: Path) -> list[dict]:
    """One html-validate process over every staged file; its JSON report."""
    out = work / "report.json"  # a file: a long report on stdout can be cut short when node exits
    cmd = [str(validator()), "--formatter", f"json={out}", str(work / "ours"), str(work / "theme")]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600, cwd=work)
    if proc.returncode not in (0, 1) or not out.exists():
        pytest.fail(f"html-validate did not run ({proc.returncode}): {proc.stderr[-2000:]}")
    return json.loads(out.read_text(encoding="utf-8"))


def errors(report: list[dict], names: dict[Path, str]) -> list[str]:
    return [
        f"{names.get(Path(f['filePath']).absolute(), f['filePath'])}:{m['line']}:{m['column']} [{m['ruleId']}] "
        f"{m['message']}"
        for f in report
        for m in f["messages"]
        if m["severity"] == 2
    ]


@pytest.mark.repo_data
def test_site_html_is_valid(built_site, tmp_path):
    names = stage(built_site, tmp_path / "validate")
    assert any(" (our output)" in n for n in names.values()) and any("embed" in n for n in names.values())
    found = errors(run(tmp_path / "validate"), names)
    assert not found, f"{len(found)} HTML errors in the built site:\n" + "\n".join(found[:80])


def test_config_says_whose_each_rule_off_is():
    """Every rule the config switches off follows a comment key saying why: the theme's (naming the element)
    or the project's."""
    rules = list(json.loads(CONFIG.read_text(encoding="utf-8"))["rules"].items())
    for i, (rule, value) in enumerate(rules):
        if not rule.startswith("//") and (value[0] if isinstance(value, list) else value) == "off":
            assert i and rules[i - 1][0].startswith(("// theme:", "// project:")), rule
            if rules[i - 1][0].startswith("// theme:"):
                assert "<" in rules[i - 1][0], f"{rule}: the comment names no element of the theme"
    assert theme_rules(dict(rules=dict(rules)))


def test_fragment_keeps_our_parts_on_their_lines():
    page = (
        '<!doctype html>\n<html lang="fr"><head>\n  \n<meta property="og:title" content="T">\n</head><body>\n'
        '<nav>theme</nav><div class="md-header__option spf-palette"><div><button type="button">x</button>'
        '</div></div>\n<article class="md-content__inner">\n<h1>A</h1>\n  \n<p>b</p></article>\n'
        '<footer>theme</footer>\n<section class="site-colophon" aria-label="c"><p>d</p></section>\n</body></html>'
    )
    out = fragment(page).split("\n")
    assert out[0].startswith('<!doctype html><html lang="fr">')
    for n, piece in enumerate(page.split("\n")):
        for ours in ('<meta property="og:title"', "<h1>A</h1>", "<p>b</p>", 'aria-label="c"', "<button"):
            assert (ours in piece) == (ours in out[n]), (n, ours)
    assert "theme" not in "".join(out) and out[page.split("\n").index("  ")] == ""
    assert "<main><article" in "".join(out) and "<header><div" in "".join(out)


class _Landmarks(HTMLParser):
    """The landmarks of a page: banner (<header> not inside a sectioning element), main, contentinfo (a
    <footer> likewise) and any role=... the page states."""

    SCOPES = {"article", "aside", "main", "nav", "section"}

    def __init__(self):
        super().__init__()
        self.stack: list[str] = []
        self.found: list[str] = []

    def handle_starttag(self, tag, attrs):
        role = dict(attrs).get("role")
        scoped = any(t in self.SCOPES for t in self.stack)
        implicit = {"main": "main", "header": None if scoped else "banner", "footer": None if scoped else "contentinfo"}
        if role or implicit.get(tag):
            self.found.append(role or implicit[tag])
        if tag not in {"meta", "link", "br", "img", "input", "hr", "source", "wbr", "col", "area", "base"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass


@pytest.mark.repo_data
def test_one_landmark_of_each_kind(built_site):
    """One banner, one main, one contentinfo on each page of the site (the embed pages: at most one each)."""
    bad = []
    for page in sorted(built_site.rglob("*.html")):
        marks = _Landmarks()
        marks.feed(page.read_text(encoding="utf-8"))
        want = {0, 1} if "embed" in page.relative_to(built_site).parts else {1}
        for kind in ("banner", "main", "contentinfo"):
            if marks.found.count(kind) not in want:
                bad.append(f"{page.relative_to(built_site)}: {marks.found.count(kind)} × {kind}")
    assert not bad, "\n".join(bad[:40])
