"""One renderer: a chart spec becomes a Plotly figure (as JSON), an accessible HTML block and a CSV.

Figures are plain dicts in Plotly's figure schema (tests check each one with plotly.graph_objects, which is
too slow to run on every build), with template "none" (small JSON, no hard-coded background); the loader in
docs/assets/js/charts.js themes them for light or dark mode and loads plotly.js only where a chart is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from spf import csvsafe
from spf.sitegen import chart_meta, direction, i18n
from spf.sitegen.components import LABEL_NAMES, Block, Column, Raw, badge, data_text, link, sentence, table
from spf.sitegen.i18n import _, pgettext
from spf.sitegen.text import h, is_blank, marked, number, period_in_words, short, unit_name

# Okabe-Ito: distinguishable with colour-vision deficiencies; unverified values also get a hatch pattern.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]
TARGET_COLOR = "#D55E00"
KINDS = ("bar", "line", "map")
# Columns of a chart's data table that hold the package's own text (or codes), shown as written
DATA_TEXT = ("label", "qualifier", "source_title", "source_id", "source_url", "evidence", "area_name", "unit")


@dataclass
class ChartSpec:
    id: str  # unique across the site: element id and CSV file name
    title: str
    kind: str  # bar | line | map
    data: list[dict]  # exactly the rows the chart shows; also its table and CSV
    x: str
    y: str
    unit: str
    summary: str  # one sentence, generated from the data by the page
    columns: list[Column]  # table and CSV columns: must include the source and verification
    series: str | None = None  # column that splits the data into traces
    targets: list[dict] = field(default_factory=list)  # {"value", "label"}: horizontal target lines
    label_col: str = "verification"
    text_col: str | None = None  # for maps: hover text
    categorical: dict | None = None  # for maps: {value: name} legend of discrete categories
    data_text: tuple[str, ...] = ()  # more columns that hold the package's own text (besides DATA_TEXT)
    summary_html: str = ""  # the summary as HTML with its data text marked (the page shows it; files use summary)

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown chart kind {self.kind!r} for chart {self.id!r}; use one of {KINDS}")
        if not self.data:
            raise ValueError(f"chart {self.id!r} has no data; show a gap instead of an empty chart")


def _series(spec: ChartSpec) -> list[tuple[str, list[dict]]]:
    if not spec.series:
        return [(spec.title, spec.data)]
    groups: dict[str, list[dict]] = {}
    for row in spec.data:
        groups.setdefault(str(row[spec.series]), []).append(row)
    return list(groups.items())


def _bar_text(row: dict, spec: ChartSpec, label: str) -> str:
    """The text above a bar: its value (a floor stays a floor), and its label when it is a sourced figure not
    verified. A count of this package's rows stands plain, as in the sentences (its series names what it is)."""
    value = short(row[spec.y], spec.unit)
    if row.get("qualifier") == "at_least":
        value = _("over {figure}", figure=value)
    if label in ("verified", "computed"):
        return value
    name = _(LABEL_NAMES[label]) if label in LABEL_NAMES else label
    return pgettext("bar text", "{value}{line_break}({label})", value=value, label=name, line_break="<br>")


def separators() -> str:
    """Plotly's decimal and thousands marks in the page's language ('.,' in English)."""
    if i18n.current() == i18n.DEFAULT:
        return ".,"
    from babel.numbers import get_decimal_symbol, get_group_symbol

    return get_decimal_symbol(i18n.cldr()) + get_group_symbol(i18n.cldr())


def _bar_traces(spec: ChartSpec) -> list[dict]:
    traces = []
    for i, (name, rows) in enumerate(_series(spec)):
        labels = [r.get(spec.label_col, "") for r in rows]
        traces.append(
            dict(
                type="bar",
                name=name,
                x=[r[spec.x] for r in rows],
                y=[r[spec.y] for r in rows],
                text=[_bar_text(r, spec, lab) for r, lab in zip(rows, labels, strict=True)],
                textposition="outside",  # above the bar, level: readable on hatched bars and phones
                textangle=0,
                cliponaxis=False,
                marker={
                    "color": PALETTE[i % len(PALETTE)],
                    "pattern": {"shape": ["" if lab == "verified" else "/" for lab in labels]},
                },
                hovertemplate="%{x}: %{y:,}<extra>%{fullData.name}</extra>",
                showlegend=bool(spec.series),
            )
        )
    return traces


def _line_traces(spec: ChartSpec) -> list[dict]:
    traces = []
    for i, (name, rows) in enumerate(_series(spec)):
        traces.append(
            dict(
                type="scatter",
                name=name,
                x=[r[spec.x] for r in rows],
                y=[r[spec.y] for r in rows],
                mode="lines+markers" if len(rows) > 1 else "markers",
                line={"color": PALETTE[i % len(PALETTE)], "width": 2.5, "dash": ["solid", "dash", "dot"][i % 3]},
                marker={"size": 7, "symbol": ["circle", "square", "diamond", "triangle-up"][i % 4]},
                hovertemplate=f"{h(name)} %{{x}}: %{{y}}{' %' if spec.unit == 'percent' else ''}<extra></extra>",
            )
        )
    return traces


def _map_traces(spec: ChartSpec) -> list[dict]:
    z = [r[spec.y] for r in spec.data]
    trace = dict(
        type="choropleth",
        locationmode="ISO-3",
        locations=[r[spec.x] for r in spec.data],
        z=z,
        text=[r.get(spec.text_col or spec.x, "") for r in spec.data],
        customdata=[str(r.get(spec.label_col) or "") for r in spec.data],  # labels: the static map hatches
        hovertemplate="%{text}<extra></extra>",
        marker={"line": {"width": 0.5, "color": "#888"}},
        colorbar={"thickness": 10, "len": 0.6, "title": {"text": unit_name(spec.unit)}},
    )
    if spec.categorical:
        keys = sorted(spec.categorical)
        n = len(keys)
        scale = []
        for i in range(n):
            scale += [[i / n, PALETTE[i]], [(i + 1) / n, PALETTE[i]]]
        trace.update(
            zmin=keys[0] - 0.5,
            zmax=keys[-1] + 0.5,
            colorscale=scale,
            colorbar={**trace["colorbar"], "tickvals": keys, "ticktext": [spec.categorical[k] for k in keys]},
        )
    else:
        trace.update(colorscale="Blues", reversescale=True, zmin=0, zmax=100)  # more coverage, darker
    return [trace]


def figure(spec: ChartSpec) -> dict:
    """The Plotly figure for a spec, as a plain dict ready for JSON."""
    traces = {"bar": _bar_traces, "line": _line_traces, "map": _map_traces}[spec.kind](spec)
    xs = [r[spec.x] for r in spec.data]
    for i, target in enumerate(spec.targets):
        traces.append(
            dict(
                type="scatter",
                x=[xs[0], xs[-1]] if len(set(map(str, xs))) > 1 else xs * 2,
                y=[target["value"], target["value"]],
                mode="lines",
                name=target["label"],
                line={"color": TARGET_COLOR, "dash": ["dash", "dot"][i % 2], "width": 2},
                hoverinfo="name",
            )
        )
    layout = dict(
        margin={"l": 56, "r": 12, "t": 36, "b": 40},
        height=420 if spec.kind == "map" else 340,
        paper_bgcolor="rgba(0,0,0,0)",
        plot_bgcolor="rgba(0,0,0,0)",
        font={"family": "system-ui, -apple-system, Segoe UI, Roboto, sans-serif", "size": 13},
        legend={"orientation": "h", "yanchor": "bottom", "y": 1.02, "x": 0},  # above the plot, clear of the ticks
        hovermode="closest",
        separators=separators(),
    )
    if spec.kind == "map":
        layout["geo"] = dict(
            showframe=False,
            showcoastlines=False,
            projection={"type": "natural earth"},
            bgcolor="rgba(0,0,0,0)",
            showcountries=True,
            countrywidth=0.3,
        )
        layout["margin"] = {"l": 0, "r": 0, "t": 0, "b": 0}
    else:
        layout["yaxis"] = {
            "rangemode": "tozero",
            "automargin": True,
            "tickformat": "~s" if spec.unit != "percent" else "",
            "ticksuffix": " %" if spec.unit == "percent" else "",
            "title": {"text": ""},
        }
        layout["xaxis"] = {"automargin": True, "type": "category" if spec.kind == "bar" else "-"}
        if spec.kind == "line":
            layout["yaxis"]["range"] = [0, 100] if spec.unit == "percent" else None
    return {"data": traces, "layout": layout}


def data_words(spec: ChartSpec) -> frozenset[str]:
    """The chart's category and series names that are the package's own text (its data-text columns, and
    periods written in words such as '2021 to March 2025'): the SVG marks them with their language."""
    own = DATA_TEXT + spec.data_text
    words = {str(r[k]) for r in spec.data for k in own if not is_blank(r.get(k))}
    return frozenset(words | {str(r["period"]) for r in spec.data if period_in_words(r.get("period"))})


def csv_text(spec: ChartSpec) -> str:
    """The chart's data as CSV, formula prefixes in its text neutralised (spf.csvsafe): series names and
    labels can come from translations as well as from the data."""
    return csvsafe.text([c.key for c in spec.columns], ([row.get(c.key) for c in spec.columns] for row in spec.data))


def csv_path(spec: ChartSpec) -> str:
    return f"downloads/charts/{spec.id}.csv"


def block(spec: ChartSpec, page_src: str) -> str:
    """The chart as HTML (the markup contract of tests and embeds): figure.chart#id with its title in the
    figcaption, a one-sentence summary, the static SVG (drawn at build time, so it shows at first paint,
    without JavaScript and in print; the loader swaps in Plotly when the reader reaches for the chart), the
    data table with sources and labels, and links to the CSV, SVG, PNG and embed page."""
    from spf.sitegen import svg
    from spf.sitegen.chart_files import embed_height  # it imports this module

    fig = figure(spec)  # drawn below; the interactive chart gets its texts in reading order (svg.line's rule)
    fig_json = json.dumps(direction.in_reading_order(fig), separators=(",", ":"), ensure_ascii=False, allow_nan=False)
    rows = [{**r, spec.label_col: badge(r.get(spec.label_col, ""))} if spec.label_col in r else r for r in spec.data]
    own = DATA_TEXT + spec.data_text + (("period",) if any(period_in_words(r.get("period")) for r in rows) else ())
    rows = [{**r, **{k: data_text(r[k]) for k in own if not is_blank(r.get(k))}} for r in rows]
    for r in rows:
        for c in spec.columns:
            if c.numeric and not isinstance(r.get(c.key), Raw) and r.get(c.key) not in (None, ""):
                r[c.key] = number(r[c.key])
    data_table = table(spec.columns, rows, labelled_by=f"{spec.id}-title")  # named by the chart's title
    static = svg.render(
        fig,
        spec.id,
        _("Chart: {title}. The data table below holds the same figures.", title=spec.title),
        data=data_words(spec),
    )
    base = f"downloads/charts/{spec.id}"
    links = " · ".join(
        f'<a href="{h(link(page_src, path))}" download>{h(what)}</a>'
        for path, what in (
            (csv_path(spec), _("data (CSV)")),
            (f"{base}.svg", _("image (SVG)")),
            (f"{base}.png", _("image (PNG)")),
        )
    )
    words = {
        "explore": _("Explore"),
        "data": _("Data table and sources"),
        "embed_page": _("embed page"),
        "embed": _("Embed"),
        "copy": _("Copy this code to show the chart on your site:"),
    }
    embed = link(page_src, f"embed/{spec.id}/index.html").removesuffix("index.html")
    tall = embed_height(spec, static)  # the whole embed page fits the frame from 320 to 800 px wide
    snippet = f'<iframe src="{embed}" title="{h(spec.title)}" width="100%" height="{tall}" style="border:0"></iframe>'
    download = sentence(
        _("Download: {links} · {embed}"), links=links, embed=f'<a href="{h(embed)}">{h(words["embed_page"])}</a>'
    )
    return Block(
        f'<figure class="chart chart--{spec.kind}" id="{h(spec.id)}" data-search-exclude>\n'
        f'<figcaption class="chart__title" id="{h(spec.id)}-title"><strong>{h(spec.title)}</strong></figcaption>\n'
        f'<p class="chart__summary">{spec.summary_html or marked(spec.summary)}</p>\n'
        f'<div class="chart__plot chart__plot--{spec.kind}" data-figure="{h(fig_json)}">{static}'
        "</div>\n"
        f'<button type="button" class="chart__explore" hidden>{h(words["explore"])}</button>\n'
        f'<details class="chart__data"><summary>{h(words["data"])}</summary>\n{data_table}\n</details>\n'
        f'<p class="chart__download">{download}</p>\n'
        f"{chart_meta.use_html(spec, page_src)}\n"
        f'<details class="chart__embed"><summary>{h(words["embed"])}</summary><label>{h(words["copy"])}'
        f'<textarea readonly rows="3" data-embed="{h(embed)}">{h(snippet)}</textarea></label></details>\n'
        "</figure>"
    )


def trend_sentence(what: str, rows: list[dict], x: str = "year", y: str = "value", unit: str = " %") -> str:
    """'Coverage in Togo rose from 5.7 % in 2015 to 12.1 % in 2023.' from the first and last points."""
    rows = [r for r in rows if r.get(y) is not None]
    if not rows:
        return f"No data for {what}."
    first, last = rows[0], rows[-1]
    if len(rows) == 1:
        return f"{what} was {number(first[y])}{unit} in {first[x]} (one year of data)."
    a, b = float(first[y]), float(last[y])
    verb = "rose" if b > a else "fell" if b < a else "stayed at"
    if verb == "stayed at":
        return f"{what} stayed at {number(a)}{unit} from {first[x]} to {last[x]}."
    return f"{what} {verb} from {number(a)}{unit} in {first[x]} to {number(b)}{unit} in {last[x]}."
