/*
 * The register of institutional changes as a tool (loaded by that page only).
 *
 * The page holds the whole register as a plain table; without JavaScript that is what a reader gets. This
 * script shows the filter form (country, step, phase, verification, programme link), hides the rows that do
 * not match, orders them by date on request, and offers the rows shown as a CSV file built here from each
 * row's data-row attribute (a Blob URL: nothing is fetched).
 */
(function () {
  "use strict";

  var form = document.getElementById("register-filters");
  var table = form && document.getElementById(form.getAttribute("data-table"));
  if (!table) return;
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);  // the page's order: by country
  var selects = Array.prototype.slice.call(form.querySelectorAll("select[data-key]"));
  var sort = document.getElementById("register-sort");
  var count = document.getElementById("register-count");
  var download = document.getElementById("register-csv");
  var fields = JSON.parse(form.getAttribute("data-fields"));
  var url = null;

  function matches(tr) {
    return selects.every(function (select) {
      var attr = "data-" + select.getAttribute("data-key").replace(/_/g, "-");
      return !select.value || tr.getAttribute(attr) === select.value;
    });
  }

  // Dated rows first, oldest or newest first; undated rows last; ties keep the page's order.
  function ordered() {
    if (!sort.value) return rows.slice();
    var sign = sort.value === "desc" ? -1 : 1;
    return rows.map(function (tr, i) { return { tr: tr, i: i, date: tr.getAttribute("data-date") }; })
      .sort(function (a, b) {
        if (!a.date || !b.date) return (a.date ? -1 : b.date ? 1 : 0) || a.i - b.i;
        return sign * (a.date < b.date ? -1 : a.date > b.date ? 1 : 0) || a.i - b.i;
      })
      .map(function (x) { return x.tr; });
  }

  // Formula injection neutralised as OWASP says and as spf.csvsafe does for the site's other CSV files: where
  // text, or a part of it after a separator (; , tab, line break), starts with = + - @, tab or CR (after any
  // whitespace), an apostrophe goes right after the separator and the cell is quoted.
  function csvCell(value) {
    if (value == null) return "";
    if (typeof value !== "string") return String(value);
    var text = (/^\s*[=+\-@\t\r]/.test(value) ? "'" : "") +
      value.replace(/([;,\t\r\n])(?=\s*[=+\-@\t\r])/g, "$1'");
    return /[",\r\n]/.test(text) || text !== value ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csv(shown) {
    var lines = [fields.map(csvCell).join(",")];
    shown.forEach(function (tr) {
      var row = JSON.parse(tr.getAttribute("data-row"));
      lines.push(fields.map(function (f) { return csvCell(row[f]); }).join(","));
    });
    return lines.join("\n") + "\n";
  }

  function update() {
    var shown = [];
    ordered().forEach(function (tr) {
      var show = matches(tr);
      tr.hidden = !show;
      body.appendChild(tr);
      if (show) shown.push(tr);
    });
    // the sentence in the page's language, written by the generator with the total filled in
    count.textContent = count.getAttribute("data-template").replace("{shown}", shown.length);
    if (url) URL.revokeObjectURL(url);
    url = URL.createObjectURL(new Blob([csv(shown)], { type: "text/csv;charset=utf-8" }));
    download.href = url;
  }

  form.addEventListener("change", update);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.hidden = false;
  update();
})();
