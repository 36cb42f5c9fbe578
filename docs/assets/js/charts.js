/*
 * Chart loader for the SPF Flagship open-data site.
 *
 * Every chart is already in the page as a static SVG drawn at build time (it shows at first paint, without
 * JavaScript and in print). Its Plotly figure sits as JSON in the data-figure attribute of .chart__plot.
 * plotly.js is an enhancement loaded on intent only: when the reader points at, taps, clicks or focuses a
 * chart, or presses its "Explore" button. No timers, nothing on scroll; pages without charts never load it.
 * The interactive chart is drawn over the static one at the same size, so nothing moves. Drawn charts are
 * re-themed when the colour scheme changes. (Material's instant navigation is off: each page is a fresh load.)
 */
(function () {
  "use strict";

  var ASSETS = (document.currentScript && document.currentScript.src || "").replace(/js\/charts\.js.*$/, "");
  var BUNDLES = { basic: ASSETS + "vendor/plotly/plotly-basic.min.js", geo: ASSETS + "vendor/plotly/plotly-geo.min.js" };
  var loading = {};      // bundle name -> Promise of the Plotly object
  var loaded = null;     // name of the most capable bundle loaded so far
  var rendered = new Set();
  var INTENT = ["pointerenter", "pointerdown", "click", "focusin", "touchstart"];

  // plotly.js's own styles come from a stylesheet (the policy refuses inline <style>): a <link> with the id and
  // class plotly.js looks for, so it inserts no <style> element of its own (scripts/vendor/plotly_css.py).
  function plotlyStyles() {
    if (document.getElementById("plotly.js-style-global")) return;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = ASSETS + "vendor/plotly/plotly.css";
    css.id = "plotly.js-style-global";
    css.className = "no-inline-styles";
    document.head.appendChild(css);
  }

  function loadBundle(name) {
    if (loaded === "geo" || loaded === name) return loading[loaded];
    plotlyStyles();
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
    var live = document.createElement("div");
    live.className = "chart__live";
    el.appendChild(live);
    loadBundle(needsGeo(figure) ? "geo" : "basic").then(function (Plotly) {
      if (!el.isConnected) return;
      var config = {
        responsive: true, displaylogo: false, topojsonURL: ASSETS + "vendor/topojson/",
        modeBarButtonsToRemove: ["select2d", "lasso2d", "autoScale2d"],
        toImageButtonOptions: { filename: el.closest("figure").id }
      };
      figure.layout.height = Math.round(el.getBoundingClientRect().height);  // the static chart's size: no shift
      return Plotly.newPlot(live, figure.data, applyTheme(figure.layout, theme()), config).then(function () {
        live._plotly = Plotly;
        el.dataset.rendered = "done";
        rendered.add(live);
      });
    }).catch(function (e) { fail(el, e); });
  }

  function fail(el, error) {
    el.dataset.rendered = "failed";  // the static chart stays in place
    var live = el.querySelector(".chart__live");
    if (live) live.remove();
    if (window.console) console.warn("chart:", error);
  }

  function retheme() {
    var values = theme();
    rendered.forEach(function (el) { if (el.isConnected && el._plotly) el._plotly.relayout(el, values); });
  }

  function setupCharts() {
    document.querySelectorAll(".chart__plot[data-figure]").forEach(function (el) {
      var button = el.closest("figure").querySelector(".chart__explore");
      var start = function () {
        INTENT.forEach(function (type) { el.removeEventListener(type, start); });
        if (button) button.style.visibility = "hidden";
        render(el);
      };
      INTENT.forEach(function (type) { el.addEventListener(type, start, { passive: true }); });
      if (button) {
        button.hidden = false;  // its place is kept free at the end of the figcaption's line: nothing moves
        button.addEventListener("click", start);
      }
    });
    document.querySelectorAll("textarea[data-embed]").forEach(function (area) {
      // the snippet is written with a relative address; the copied code needs the absolute one
      var absolute = new URL(area.getAttribute("data-embed"), document.baseURI).href;
      area.value = area.value.replace('src="' + area.getAttribute("data-embed") + '"', 'src="' + absolute + '"');
    });
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
