"""Browser parts of the benchmark: bytes transferred per page (Debian chromium via Playwright, cold and warm
cache) and Lighthouse scores (npm lighthouse@12, mobile preset, median of several runs)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
    "--disable-default-apps",
]
LIGHTHOUSE = "lighthouse@12.8.2"
CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


def _load(context, url: str) -> tuple[int, list[str]]:
    """(bytes received over the network, URLs requested) for one visit with every chart made interactive."""
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    received = [0]
    cdp.on("Network.loadingFinished", lambda e: received.__setitem__(0, received[0] + e["encodedDataLength"]))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(url, wait_until="networkidle")
    charts = page.locator(".chart__plot")
    for i in range(charts.count()):  # plotly.js loads on intent: click each chart, as a reader exploring would
        if charts.nth(i).get_attribute("data-rendered") is None:
            charts.nth(i).click(position={"x": 5, "y": 5})
        page.wait_for_function(
            "el => el.dataset.rendered === 'done' || el.dataset.rendered === 'failed'",
            arg=charts.nth(i).element_handle(),
            timeout=20000,
        )
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(300)
    page.close()
    return received[0], requests


def page_weights(base: str, pages: dict[str, str]) -> dict:
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, path in pages.items():
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            cold, requests = _load(context, base + path)
            warm, _ = _load(context, base + path)
            context.close()
            out[name] = {
                "path": path,
                "cold_bytes": cold,
                "warm_bytes": warm,
                "requests": len(requests),
                "plotly_loaded": any("plotly" in u for u in requests),
                "off_site_requests": [u for u in requests if not u.startswith(base)],
            }
        browser.close()
    return out


def lighthouse(base: str, pages: dict[str, str], runs: int, work: Path) -> dict:
    """Median Lighthouse category scores per page; an error string where Lighthouse cannot run here."""
    out = {}
    env = {**os.environ, "CHROME_PATH": CHROMIUM}
    flags = "--chrome-flags=--headless=new " + " ".join(FLAGS)
    for name, path in pages.items():
        scores: dict[str, list[float]] = {c: [] for c in CATEGORIES}
        for i in range(runs):
            report = work / f"lh-{path.strip('/').replace('/', '-') or 'home'}-{i}.json"
            cmd = [
                "npx",
                "--yes",
                LIGHTHOUSE,
                base + path,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                f"--only-categories={','.join(CATEGORIES)}",
                flags,
            ]
            result = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
            if result.returncode != 0 or not report.is_file():
                out[name] = f"lighthouse failed: {(result.stderr or result.stdout)[-300:]}"
                break
            categories = json.loads(report.read_text())["categories"]
            for c in CATEGORIES:
                scores[c].append(round(100 * (categories[c]["score"] or 0)))
        else:
            out[name] = {c: {"median": statistics.median(v), "min": min(v), "max": max(v)} for c, v in scores.items()}
    return out
