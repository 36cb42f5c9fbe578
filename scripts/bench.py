"""make bench: build and validation times at 1x, 10x and 100x data, page weight and Lighthouse scores.

    python scripts/bench.py [--runs 3] [--scales 1 10 100] [--smoke] [--no-lighthouse] [--browser-only|--build-only]

Writes bench/results.json and prints a table. Every time is the median of --runs runs (one fewer at 100x,
to stay near ten minutes), with min and max (the machine is small and noisy); synthetic packages are
written to a temporary folder. --smoke runs the
smallest case once without browsers, so the benchmark cannot rot (tests/test_bench.py). The chart budgets
(first view at 390 px, first chart at first paint, tap to interactive, embed pages) are in bench_charts.py;
--browser-only runs only the browser parts, --build-only only the build times (`make bench BENCH_ARGS="--build-only
--scales 1 --runs 5"`: cold and warm `make site` against a bare build of the same three-language site).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from spf import synthetic
from spf.bench_browser import lighthouse, page_weights
from spf.bench_charts import chart_budgets
from spf.bench_charts import lines as chart_lines
from spf.bench_serve import bench_serve
from spf.canonical import read_rows
from spf.paths import DOCS, MKDOCS_YML, ROOT
from spf.serve_static import serve
from spf.sitegen.generate import generate, write

PY = sys.executable
BUDGETS = {
    "pipeline_vs_bare": 1.5,
    "validator_vs_frictionless": 1.2,
    # issue 12 (charts at first paint): gzip KB of a cold first view with 7 s of no interaction at 390 px, and
    # of a first view plus a tap on a chart; a cold `make site` (no chart image cache) against a bare build
    "first_view_kb": {"home": 200, "results": 150, "country": 150, "no_charts": 90, "embed": 30},
    "after_tap_kb": {"home": 600, "other": 500},
    "tap_to_interactive_ms": 1000,
    "site_cold_vs_bare": 3.0,  # issue 19: the three-language site, PNGs of every language drawn cold
    "site_warm_vs_bare": 1.3,
    # issue 19: `make serve` on a fresh clone (bench_serve.py): the address within 90 s, in at most 15 lines
    "serve_fresh_clone_s": 90,
    "serve_lines": 15,
    # issue 23: a warm `make site` of every language against the same build of the default language alone
    "languages_warm_vs_one": 2.5,
}


def timed(cmd: list[str], env: dict | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(
        cmd,
        cwd=ROOT,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})},
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def stats(values: list[float]) -> dict:
    return {
        "median": round(statistics.median(values), 3),
        "min": round(min(values), 3),
        "max": round(max(values), 3),
        "runs": len(values),
    }


def write_config(text: str, docs_dir: Path, out: Path) -> Path:
    """A variant of mkdocs.yml, read from another folder: no watch list, its folders as absolute paths."""
    text = re.sub(r"^watch:\n(  - .*\n)+", "", text, flags=re.M)
    text = text.replace("docs_dir: docs", f"docs_dir: {docs_dir}")
    text = text.replace("custom_dir: overrides", f"custom_dir: {ROOT / 'overrides'}")
    out.write_text(text, encoding="utf-8")
    return out


def bare_config(docs_dir: Path, out: Path) -> Path:
    """mkdocs.yml without the generating plugin and the watch list, reading pre-generated docs."""
    text = MKDOCS_YML.read_text(encoding="utf-8")
    text, found = re.subn(r"^(plugins:\n(?:  - .*\n)*?)  - spf\n", r"\1", text, flags=re.M)
    if found != 1:
        raise ValueError("mkdocs.yml lists no `spf` plugin to leave out")
    return write_config(text, docs_dir, out)


def one_language_config(out: Path) -> Path:
    """mkdocs.yml building the default language only (every other language's `build: false`), read from a
    temporary folder (so its folders are written as absolute paths)."""
    text = MKDOCS_YML.read_text(encoding="utf-8")
    text, found = re.subn(r"^(\s+- \{locale: (?!.*default: true).*)build: true\}", r"\1build: false}", text, flags=re.M)
    if found < 1:
        raise ValueError("mkdocs.yml builds no language besides the default one")
    return write_config(text, DOCS, out)


def bench_languages(runs: int, work: Path) -> dict:
    """Warm `make site` with every language against the default language alone (same data, same caches)."""
    one = one_language_config(work / "one-language.yml")
    env = {"SPF_CACHE_DIR": str(work / "lang-cache"), "SPF_CHART_CACHE": str(work / "lang-chart-cache")}
    builds = {
        "one_language": [PY, "scripts/build_site.py", "--config", str(one), "--site", str(work / "site-one")],
        "all_languages": [PY, "scripts/build_site.py", "--site", str(work / "site-all")],
    }
    for cmd in builds.values():
        timed(cmd, env)  # the caches filled: every measured build is warm
    t = {name: [] for name in builds}
    for _ in range(runs):  # interleaved
        for name, cmd in builds.items():
            t[name].append(timed(cmd, env))
    result = {name: stats(values) for name, values in t.items()}
    result["languages"] = len(re.findall(r"^\s+- \{locale: ", MKDOCS_YML.read_text(encoding="utf-8"), flags=re.M))
    result["pages"] = {name: site_size(work / f"site-{name.split('_')[0]}")["pages"] for name in builds}
    result["ratio_all_vs_one_warm"] = round(result["all_languages"]["median"] / result["one_language"]["median"], 3)
    return result


def site_size(site: Path) -> dict:
    pages = list(site.rglob("index.html"))
    html_bytes = sum(p.stat().st_size for p in pages)
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    downloads = sum(p.stat().st_size for p in (site / "downloads").rglob("*") if p.is_file())
    return {
        "pages": len(pages),
        "total_bytes": total,
        "download_bytes": downloads,
        "html_bytes": html_bytes,
        "html_bytes_per_page": round(html_bytes / max(len(pages), 1)),
    }


def chart_images(site: Path) -> dict[str, bytes]:
    """The static chart images (SVG and PNG downloads) of a built site, to compare two builds byte for byte."""
    folder = site / "downloads" / "charts"
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*")) if p.suffix in (".svg", ".png")}


def bench_scale(k: int, runs: int, work: Path) -> dict:
    pkg = synthetic.make(k, work / f"pkg{k}")
    gen = work / f"gen{k}"
    docs = gen / "docs"
    shutil.copytree(DOCS, docs)
    write(generate(pkg), docs)
    config = bare_config(docs, gen / "mkdocs.yml")
    site, cache, chart_cache = work / f"site{k}", work / f"cache{k}", work / f"chart-cache{k}"
    env = {"SPF_CACHE_DIR": str(cache), "SPF_CHART_CACHE": str(chart_cache)}
    identical = True
    t = {name: [] for name in ("validate", "frictionless", "bare_build", "site_cold", "site_warm")}
    for _ in range(runs if k < 100 else max(1, runs - 1)):  # interleaved, so noise hits every measure alike
        t["validate"].append(timed([PY, "scripts/validate.py", "--package", str(pkg)]))
        t["frictionless"].append(timed([PY, "-m", "frictionless", "validate", str(pkg)]))
        bare = [PY, "-m", "properdocs", "build", "-q", "-f", str(config), "-d", str(gen / "site")]
        t["bare_build"].append(timed(bare))
        shutil.rmtree(cache, ignore_errors=True)
        shutil.rmtree(chart_cache, ignore_errors=True)
        t["site_cold"].append(timed([PY, "scripts/build_site.py", "--package", str(pkg), "--site", str(site)], env))
        images = chart_images(site)
        t["site_warm"].append(timed([PY, "scripts/build_site.py", "--package", str(pkg), "--site", str(site)], env))
        identical = identical and images == chart_images(site) and bool(images)
    result = {name: stats(values) for name, values in t.items()}
    size = site_size(site)
    rows = sum(len(read_rows(p)) for p in (pkg.parent / "data").glob("*.csv"))
    med = {name: result[name]["median"] for name in result}
    result.update(
        {
            "scale": k,
            "rows": rows,
            "size": size,
            "chart_images_identical_between_builds": identical,
            "ratio_validator_vs_frictionless": round(med["validate"] / med["frictionless"], 3),
            "ratio_pipeline_cold_vs_bare": round(med["site_cold"] / med["bare_build"], 3),
            "ratio_pipeline_warm_vs_bare": round(med["site_warm"] / med["bare_build"], 3),
            "pages_per_second_pipeline_warm": round(size["pages"] / med["site_warm"], 2),
            "pages_per_second_pipeline_cold": round(size["pages"] / med["site_cold"], 2),
            "pages_per_second_bare": round(size["pages"] / med["bare_build"], 2),
        }
    )
    return result


def growth(scales: list[dict]) -> dict:
    """How pages and times grow from the smallest scale: the budget is time growing no faster than pages."""
    base = scales[0]
    out = {}
    for r in scales[1:]:
        out[f"x{r['scale']}_vs_x{base['scale']}"] = {
            "pages": round(r["size"]["pages"] / base["size"]["pages"], 2),
            "rows": round(r["rows"] / base["rows"], 1),
            **{
                name: round(r[name]["median"] / base[name]["median"], 2)
                for name in ("bare_build", "site_warm", "site_cold")
            },
        }
    return out


PUBLISHED_PATH = "/spf-flagship/"  # measured as published: a GitHub project site lives under /REPO/


def browser_parts(work: Path, runs: int, with_lighthouse: bool) -> dict:
    """The production build (an address with a path, as deploy.yml builds it), served under that path."""
    site = work / "site-served"
    server, url = serve(site, path=PUBLISHED_PATH)
    try:
        subprocess.run(
            [PY, "scripts/build_site.py", "--site", str(site)],
            cwd=ROOT,
            check=True,
            env={**os.environ, "SITE_URL": url + "/", "NO_MKDOCS_2_WARNING": "1"},
            stdout=subprocess.DEVNULL,
        )
        pages = {
            "home (map)": "/",
            "country page": "/countries/tgo/",
            "results (charts)": "/results/",
            "page without charts": "/about-the-data/",
            "French country page": "/fr/countries/tgo/",
        }
        out = {"page_weight": page_weights(url, pages)}
        chart_pages = {
            "home": "/",
            "results": "/results/",
            "country": "/countries/tgo/",
            "country_fr": "/fr/countries/tgo/",
            # issue 23: the same budgets in Portuguese and in Arabic (right to left)
            "home_ar": "/ar/",
            "country_ar": "/ar/countries/tgo/",
            "results_pt": "/pt/results/",
            "no_charts": "/about-the-data/",
            "embed": "/embed/results-phase2-people/",
        }
        out["charts"] = chart_budgets(url, chart_pages, runs)
        if with_lighthouse:
            out["lighthouse"] = lighthouse(url, pages, runs, work)
        return out
    finally:
        server.shutdown()


def table(results: dict) -> str:
    lines = [
        "scale  rows     pages  validate  frictionless  ratio  bare    site(cold)  cold/bare  site(warm)  warm/bare  "
        "KB/page"
    ]
    for r in results["scales"]:
        lines.append(
            f"x{r['scale']:<5} {r['rows']:<8} {r['size']['pages']:<6} {r['validate']['median']:<9} "
            f"{r['frictionless']['median']:<13} {r['ratio_validator_vs_frictionless']:<6} "
            f"{r['bare_build']['median']:<7} "
            f"{r['site_cold']['median']:<11} {r['ratio_pipeline_cold_vs_bare']:<10} "
            f"{r['site_warm']['median']:<11} {r['ratio_pipeline_warm_vs_bare']:<10} "
            f"{r['size']['html_bytes_per_page'] / 1000:.1f}"
        )
    for name, g in results.get("growth", {}).items():
        lines.append(f"growth {name}: " + ", ".join(f"{k} x{v}" for k, v in g.items()))
    for name, w in results.get("page_weight", {}).items():
        lines.append(
            f"{name}: cold {w['cold_bytes'] / 1000:.0f} KB, warm {w['warm_bytes'] / 1000:.1f} KB, "
            f"plotly loaded: {w['plotly_loaded']}"
        )
    if lang := results.get("languages"):
        lines.append(
            f"{lang['languages']} languages, warm: {lang['all_languages']['median']} s for "
            f"{lang['pages']['all_languages']} pages against {lang['one_language']['median']} s for "
            f"{lang['pages']['one_language']} in one language: x{lang['ratio_all_vs_one_warm']}"
        )
    if serve := results.get("serve"):
        lines.append(f"make serve, fresh clone: address after {serve['seconds_to_address']} s, {serve['lines']} lines")
    lines.extend(chart_lines(results.get("charts", {})))
    for name, scores in results.get("lighthouse", {}).items():
        if isinstance(scores, dict):
            lines.append(f"lighthouse {name}: " + ", ".join(f"{k} {v['median']}" for k, v in scores.items()))
        else:
            lines.append(f"lighthouse {name}: {scores}")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--scales", type=int, nargs="+", default=[1, 10, 100])
    parser.add_argument("--smoke", action="store_true", help="1x, one run, no browser: checks the bench still runs")
    parser.add_argument("--no-lighthouse", action="store_true")
    parser.add_argument("--browser-only", action="store_true", help="skip the build-time scales")
    parser.add_argument("--build-only", action="store_true", help="only the build-time scales (no browser)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    args = parser.parse_args(argv)
    if args.smoke:
        args.runs, args.scales = 1, [1]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="spf-bench-") as tmp:
        work = Path(tmp)
        results = {
            "machine": {"cpus": os.cpu_count()},
            "budgets": BUDGETS,
            "scales": [] if args.browser_only else [bench_scale(k, args.runs, work) for k in args.scales],
        }
        results["growth"] = growth(results["scales"]) if results["scales"] else {}
        if not (args.smoke or args.browser_only):
            results["languages"] = bench_languages(args.runs, work)
        if not (args.smoke or args.browser_only):
            results["serve"] = bench_serve()
        if not (args.smoke or args.build_only):
            results.update(browser_parts(work, args.runs, not args.no_lighthouse))
    results["seconds"] = round(time.perf_counter() - started, 1)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(table(results))
    print(f"\nwrote {args.out} in {results['seconds']} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
