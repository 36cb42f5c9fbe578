"""Shared test helpers: packages built from fixtures in a temp dir, the built site and a local server."""

from __future__ import annotations

import json
import os
import shutil
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import axe_playwright_python
import pytest

from repo_data import pytest_runtest_call, pytest_runtest_setup  # noqa: F401 (the repo_data marker's check)
from spf import bench_browser  # one place for the browser path and flags, tests and bench alike
from spf.bench_browser import FLAGS as CHROMIUM_ARGS
from spf.serve_static import serve  # noqa: F401 (re-exported for the tests)

ROOT = Path(__file__).resolve().parent.parent

FIXTURES = ROOT / "tests" / "fixtures"
VALID = FIXTURES / "valid"
INVALID = FIXTURES / "invalid"


def apply_patch(descriptor: dict, patch: list[dict]) -> None:
    by_name = {r["name"]: r for r in descriptor["resources"]}
    for op in patch:
        res = by_name[op["resource"]]
        res.update(op.get("set", {}))
        for key in op.get("delete", []):
            res.pop(key, None)
        if "field" in op:
            field = next(f for f in res["schema"]["fields"] if f["name"] == op["field"])
            field["constraints"] = op["set_constraints"]


def build_package(dest: Path, slug: str | None = None) -> Path:
    """Copy the valid fixture to dest, overlay the invalid fixture `slug`, refresh checksums; return the
    path of datapackage.json."""
    shutil.copytree(VALID, dest, dirs_exist_ok=True)
    meta = {}
    if slug:
        src = INVALID / slug
        meta = json.loads((src / "fixture.json").read_text(encoding="utf-8"))
        for path in src.rglob("*"):
            if path.is_file() and path.name != "fixture.json":
                target = dest / path.relative_to(src)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(path, target)
        for name in meta.get("delete", []):
            (dest / name).unlink()
        for link, target in meta.get("symlinks", {}).items():
            (dest / link).symlink_to(target)
        for name, size in meta.get("pad_to_bytes", {}).items():  # a file too large to keep in the repository
            with open(dest / name, "ab") as fh:
                fh.write(b"\n" * max(0, size - (dest / name).stat().st_size))
    descriptor_path = dest / "datapackage.json"
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except json.JSONDecodeError:
        return descriptor_path  # the invalid-json fixture: leave it as written
    apply_patch(descriptor, meta.get("patch", []))
    descriptor.update(meta.get("set_package", {}))
    descriptor_path.write_text(json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return descriptor_path


@pytest.fixture
def package(tmp_path):
    """A factory: package("slug") builds that invalid fixture; package() the valid one."""

    def make(slug: str | None = None) -> Path:
        return build_package(tmp_path / (slug or "valid"), slug)

    return make


def fixture_meta(slug: str) -> dict:
    return json.loads((INVALID / slug / "fixture.json").read_text(encoding="utf-8"))


def invalid_slugs() -> list[str]:
    return sorted(p.name for p in INVALID.iterdir() if (p / "fixture.json").is_file())


# --- the page kinds of the site: the one list every test uses ----------------------------------------------


@dataclass(frozen=True)
class PageKind:
    name: str
    url: str  # path of one page of this kind on the built site of the real package
    charts: bool = False  # always draws at least one chart
    audited: bool = False  # checked with axe-core in the browser tests
    phone: bool = False  # checked at phone width

    @property
    def file(self) -> str:
        """The page's HTML file under site/."""
        return self.url.lstrip("/") + "index.html"


PAGE_KINDS = [
    PageKind("home", "/", charts=True, audited=True, phone=True),
    PageKind("results", "/results/", charts=True, audited=True, phone=True),
    PageKind("country", "/countries/tgo/", charts=True, audited=True, phone=True),
    PageKind("countries", "/countries/", charts=True, audited=True),
    PageKind("changes", "/institutional-changes/"),
    PageKind("thematic", "/thematic-areas/"),
    PageKind("partners", "/partners-and-funding/"),
    PageKind("context", "/global-context/", charts=True),
    PageKind("gaps", "/what-we-dont-know/"),
    PageKind("about", "/about-the-data/", audited=True),
    PageKind("contribute", "/contribute/"),
    PageKind("errors", "/contribute/errors/", audited=True),
    PageKind("data", "/data/", audited=True),
    PageKind("resource", "/data/coverage/", audited=True),
    PageKind("changelog", "/data/changelog/"),
    PageKind("embed", "/embed/results-phase2-people/", audited=True),  # no Material, no plotly.js
]
PAGES = {kind.name: kind for kind in PAGE_KINDS}


# --- built site and a local server, shared by the site and browser tests ---------------------------------

CHROMIUM = Path(bench_browser.CHROMIUM)


PUBLISHED_PATH = "/spf-flagship/"  # as on GitHub Pages, a project site lives under /REPO/


@contextmanager
def environment(**values: str):
    """os.environ with these values set for the block, then as it was."""
    old = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in old.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def build_planted(descriptor: Path, site: Path, config: Path | None = None, site_url: bool = False, **env: str):
    """Serve `site` on a free port, then build the package of `descriptor` into it with MkDocs alone (no validator
    in front: the planted-input tests test the build's own defences), with `config` for mkdocs.yml, `env` set for
    the build and, with site_url, SITE_URL at the served address. The build must succeed. Returns (server, url)."""
    from spf.build_site import MkdocsBuild

    server, url = serve(site)
    if site_url:
        env["SITE_URL"] = url + "/"
    with environment(**env), MkdocsBuild(site, descriptor, *([config] if config else [])) as build:
        code, output = build.wait()
    if code != 0:
        server.shutdown()
    assert code == 0, output
    return server, url


def site_pages(site: Path) -> list[tuple[Path, str]]:
    """(file, text) of every HTML page of a built site, which must have more than 20 (else it was not built)."""
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 20
    return [(page, page.read_text(encoding="utf-8")) for page in pages]


def build_and_serve(descriptor: Path, site: Path, path: str = PUBLISHED_PATH):
    """Serve `site` under `path` on a free port of 127.0.0.1, as its host will (deploy.yml publishes a project
    site under /REPO/), then build the package into it with SITE_URL set to that address (so canonical links,
    alternates and sitemaps point at the served copy). Returns (server, the site's address without the final
    slash)."""
    from spf import build_site

    server, url = serve(site, path=path)
    with environment(SITE_URL=url + "/"):
        assert build_site.run(descriptor, site) == 0
    return server, url


@pytest.fixture(scope="session")
def served_site(tmp_path_factory):
    """The real package built by `make site`'s own code (validate, strict build, link check) and served."""
    site = tmp_path_factory.mktemp("site") / "site"
    server, url = build_and_serve(ROOT / "datapackage.json", site)
    yield site, url
    server.shutdown()


@pytest.fixture(scope="session")
def built_site(served_site):
    return served_site[0]


@pytest.fixture(scope="session")
def site_url(served_site):
    return served_site[1]


@pytest.fixture(scope="session")
def browser():
    """Debian chromium driven by Playwright. Missing chromium is a failure, never a skip."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian chromium (`make browser`); browser tests never skip")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


def draw_all_charts(pg) -> int:
    """Click each chart (plotly.js loads on intent only: pointing at a chart on the way counts too) and wait
    until each is interactive."""
    charts = pg.locator(".chart__plot")
    for i in range(charts.count()):
        if charts.nth(i).get_attribute("data-rendered") is None:
            charts.nth(i).click(position={"x": 5, "y": 5})
        pg.wait_for_function(
            "el => el.dataset.rendered === 'done' || el.dataset.rendered === 'failed'",
            arg=charts.nth(i).element_handle(),
            timeout=15000,
        )
        assert charts.nth(i).get_attribute("data-rendered") == "done"
        assert charts.nth(i).locator(".chart__live svg.main-svg").count() >= 1
    return charts.count()


@pytest.fixture
def page(browser, site_url):
    """A desktop-sized page of the served site that records console errors and every request."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors, pg.requests = [], []
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.base = site_url
    yield pg
    context.close()


AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def serious_axe_violations(pg) -> list[tuple]:
    """axe-core's critical and serious violations on the page (id, impact, first targets). axe is injected
    through DevTools: the site's content-security policy refuses inline script tags."""
    pg.evaluate(AXE_JS)
    result = pg.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in ("critical", "serious")
    ]
