"""Chart budgets of `make bench` (issue 12): what a reader on a phone gets before and after touching a chart.

For each page, in a fresh 390 x 844 mobile context with a cold cache (gzip as served): the bytes received
while the reader does nothing for 7 s, whether plotly.js was requested, when the first chart was painted
against first contentful paint, the same with JavaScript off; then a tap on the first chart: the time until
it is interactive and the bytes received in all. Medians of several runs. Never asserted in tests."""

from __future__ import annotations

import statistics

from spf.bench_browser import CHROMIUM, FLAGS

IDLE_MS = 7000
BUDGETS_KB = {"home": 120, "results": 110, "country": 110, "country_fr": 110, "no_charts": 80, "embed": 30}
AFTER_TAP_KB = {"home": 600, "default": 500}
# In the page before anything runs: when the first static chart has a size, and when first contentful paint is.
PAINT_PROBE = """
window.__chartAt = null;
(function poll() {
  var svg = document.querySelector('.chart__svg');
  if (svg && svg.getBoundingClientRect().height > 0) { window.__chartAt = performance.now(); return; }
  requestAnimationFrame(poll);
})();
"""


def _visit(browser, url: str, js: bool, tap: bool) -> dict:
    context = browser.new_context(
        viewport={"width": 390, "height": 844}, is_mobile=True, device_scale_factor=2, java_script_enabled=js
    )
    context.add_init_script(PAINT_PROBE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    received = [0]
    cdp.on("Network.loadingFinished", lambda e: received.__setitem__(0, received[0] + e["encodedDataLength"]))
    requests: list[str] = []
    failed: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("requestfailed", lambda r: failed.append(r.url))
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 else None)
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(IDLE_MS)
    out = {
        "idle_bytes": received[0],
        "plotly_before_tap": any("plotly" in u for u in requests),
        "idle_requests": len(requests),
        "failed_requests": len(failed),
        "console_errors": len(errors),
    }
    has_chart = page.locator(".chart__plot").count() > 0
    out["charts"] = page.locator("figure.chart").count()
    if js:
        fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
        chart_at = page.evaluate("window.__chartAt")
        out["fcp_ms"] = round(fcp) if fcp else None
        out["first_chart_ms"] = round(chart_at) if chart_at is not None else None
    if tap and js and has_chart:
        plot = page.locator(".chart__plot").first
        plot.scroll_into_view_if_needed()
        started = page.evaluate("performance.now()")
        plot.click(position={"x": 5, "y": 5})
        page.wait_for_function("el => el.dataset.rendered === 'done'", arg=plot.element_handle(), timeout=20000)
        out["tap_to_interactive_ms"] = round(page.evaluate("performance.now()") - started)
        page.wait_for_load_state("networkidle")
        out["after_tap_bytes"] = received[0]
    context.close()
    return out


def chart_budgets(base: str, pages: dict[str, str], runs: int = 3) -> dict:
    """Medians over `runs` cold visits per page, with JavaScript on and off."""
    from playwright.sync_api import sync_playwright

    out = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for name, path in pages.items():
            on = [_visit(browser, base + path, True, True) for _ in range(runs)]
            off = [_visit(browser, base + path, False, False) for _ in range(runs)]
            row = {"path": path, "runs": runs, "charts": on[0]["charts"]}
            for key in ("idle_bytes", "fcp_ms", "first_chart_ms", "tap_to_interactive_ms", "after_tap_bytes"):
                values = [r[key] for r in on if r.get(key) is not None]
                row[key] = statistics.median(values) if values else None
            row["idle_bytes_no_js"] = statistics.median(r["idle_bytes"] for r in off)
            row["plotly_before_tap"] = any(r["plotly_before_tap"] for r in on)
            row["idle_requests"] = statistics.median(r["idle_requests"] for r in on)
            row["failed_requests"] = max(r["failed_requests"] for r in on + off)
            row["console_errors"] = max(r["console_errors"] for r in on + off)
            out[name] = row
        browser.close()
    return out


def lines(results: dict) -> list[str]:
    out = []
    for name, r in results.items():
        kb = r["idle_bytes"] / 1000
        text = (
            f"{name}: first view {kb:.0f} KB in {IDLE_MS // 1000} s (no JS {r['idle_bytes_no_js'] / 1000:.0f} KB), "
            f"{r['idle_requests']:.0f} requests, {r['failed_requests']} failed, {r['console_errors']} console errors, "
            f"plotly before tap: {r['plotly_before_tap']}"
        )
        if r.get("first_chart_ms") is not None:
            text += f", FCP {r['fcp_ms']} ms, first chart {r['first_chart_ms']} ms"
        if r.get("tap_to_interactive_ms") is not None:
            text += (
                f", tap->interactive {r['tap_to_interactive_ms']} ms, after tap {r['after_tap_bytes'] / 1000:.0f} KB"
            )
        out.append(text)
    return out
