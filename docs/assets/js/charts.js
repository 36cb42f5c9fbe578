/*
 * Chart loader for the SPF Flagship open-data site.
 *
 * Figures are embedded as JSON in a data-figure attribute. This script, loaded on every page, renders them
 * with a plotly.js bundle served by the site, and only on pages that have a chart, when a chart comes near
 * the viewport, and not before the page has settled (or the reader interacts). It re-themes drawn charts
 * when the colour scheme changes. (Material's instant navigation is off, so each page is a fresh load.)
 */
(function () {
  "use strict";

  var ASSETS = (document.currentScript && document.currentScript.src || "").replace(/js\/charts\.js.*$/, "");
  var BUNDLES = { basic: ASSETS + "vendor/plotly/plotly-basic.min.js", geo: ASSETS + "vendor/plotly/plotly-geo.min.js" };
  var loading = {};      // bundle name -> Promise of the Plotly object
  var loaded = null;     // name of the most capable bundle loaded so far
  var rendered = new Set();
  var visible = new Set();   // charts in (or near) the viewport, waiting for `ready`
  var isReady = false;
  var START_DELAY_MS = 5000;  // text and figures first; charts follow, or at once when the reader interacts

  // plotly.js is large: it is fetched after the page has loaded and settled, or as soon as the reader
  // scrolls, taps or types, whichever comes first.
  function ready() {
    if (isReady) return;
    isReady = true;
    ["scroll", "wheel", "pointerdown", "keydown", "touchstart"].forEach(function (type) {
      window.removeEventListener(type, ready, true);
    });
    visible.forEach(render);
    visible.clear();
  }
  ["scroll", "wheel", "pointerdown", "keydown", "touchstart"].forEach(function (type) {
    window.addEventListener(type, ready, { capture: true, passive: true });
  });
  function scheduleStart() { setTimeout(ready, START_DELAY_MS); }
  if (document.readyState === "complete") scheduleStart(); else window.addEventListener("load", scheduleStart);

  function loadBundle(name) {
    if (loaded === "geo" || loaded === name) return loading[loaded];
    if (!loading[name]) {
      loading[name] = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = BUNDLES[name];
        script.async = true;
        script.onload = function () { loaded = name; resolve(window.Plotly); };
        script.onerror = function () { reject(new Error("could not load " + BUNDLES[name])); };
        document.head.appendChild(script);
      });
    }
    return loading[name];
  }

  function needsGeo(figure) {
    return figure.data.some(function (trace) { return trace.type === "choropleth" || trace.type === "scattergeo"; });
  }

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.body).getPropertyValue(name).trim();
    return value || fallback;
  }

  function theme() {
    var fg = cssVar("--md-default-fg-color", "#222");
    var grid = cssVar("--md-default-fg-color--lightest", "#ddd");
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    return {
      "font.color": fg,
      "legend.font.color": fg,
      "xaxis.gridcolor": grid, "yaxis.gridcolor": grid,
      "xaxis.linecolor": grid, "yaxis.linecolor": grid,
      "xaxis.zerolinecolor": grid, "yaxis.zerolinecolor": grid,
      "geo.landcolor": dark ? "#2b2f3a" : "#eeeeee",
      "geo.countrycolor": dark ? "#666a75" : "#ffffff",
      "geo.lakecolor": "rgba(0,0,0,0)",
      "geo.showland": true,
      "hoverlabel.font.color": "#000"
    };
  }

  function applyTheme(layout, values) {
    Object.keys(values).forEach(function (path) {
      var parts = path.split("."), node = layout;
      for (var i = 0; i < parts.length - 1; i++) node = node[parts[i]] = node[parts[i]] || {};
      node[parts[parts.length - 1]] = values[path];
    });
    return layout;
  }

  function render(el) {
    if (el.dataset.rendered) return;
    el.dataset.rendered = "pending";
    var figure;
    try { figure = JSON.parse(el.getAttribute("data-figure")); } catch (e) { return fail(el, e); }
    loadBundle(needsGeo(figure) ? "geo" : "basic").then(function (Plotly) {
      if (!el.isConnected) return;
      var config = {
        responsive: true, displaylogo: false, topojsonURL: ASSETS + "vendor/topojson/",
        modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
        toImageButtonOptions: { filename: el.closest("figure").id }
      };
      return Plotly.newPlot(el, figure.data, applyTheme(figure.layout, theme()), config).then(function () {
        el._plotly = Plotly;
        el.dataset.rendered = "done";
        rendered.add(el);
      });
    }).catch(function (e) { fail(el, e); });
  }

  function fail(el, error) {
    el.dataset.rendered = "failed";
    el.innerHTML = '<p class="chart__error">The chart could not be drawn. The data table below holds the same figures.</p>';
    if (window.console) console.warn("chart:", error);
  }

  function retheme() {
    var values = theme();
    rendered.forEach(function (el) { if (el.isConnected && el._plotly) el._plotly.relayout(el, values); });
  }

  function setupCharts() {
    var charts = document.querySelectorAll(".chart__plot[data-figure]");
    if (!charts.length) return;
    if (!("IntersectionObserver" in window)) {
      charts.forEach(function (el) { if (isReady) render(el); else visible.add(el); });
      return;
    }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (!entry.isIntersecting) return;
        observer.unobserve(entry.target);
        if (isReady) render(entry.target); else visible.add(entry.target);
      });
    }, { rootMargin: "300px 0px" });
    charts.forEach(function (el) { observer.observe(el); });
  }

  function setupFilters() {
    document.querySelectorAll("select[data-filter-table]").forEach(function (select) {
      var table = document.getElementById(select.getAttribute("data-filter-table"));
      var column = parseInt(select.getAttribute("data-filter-column"), 10);
      if (!table) return;
      select.onchange = function () {
        table.querySelectorAll("tbody tr").forEach(function (row) {
          var cell = row.children[column];
          row.hidden = !!select.value && !!cell && cell.textContent.trim() !== select.value;
        });
      };
      select.onchange();
    });
  }

  function fixA11y() {
    var dialog = document.querySelector('.md-search[role="dialog"]');
    if (dialog && !dialog.getAttribute("aria-label")) dialog.setAttribute("aria-label", "Search this site");
  }

  function onPage() { setupCharts(); setupFilters(); fixA11y(); }

  new MutationObserver(retheme).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(onPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", onPage);
  } else {
    onPage();
  }
  window.spfCharts = { rendered: rendered };  // for tests: which charts are drawn
})();
