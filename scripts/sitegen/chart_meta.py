"""What a researcher needs beside each chart's CSV: `downloads/charts/CHART_ID.metadata.json` (title and
summary in the page's language, unit, what each column holds, sources with their labels and addresses,
licence, release, the page) and, in the chart's download area, one-line snippets that load the stable CSV
address in Python (pandas), R and Stata, with the chart's citation.

The published address (site_url) and the release reach the charts through published.using(), which
generate.pages sets around the page modules. Without a published address no absolute URL is
written: the snippets read the downloaded file by its name and the metadata names the page relatively.
Text from the package goes into JSON only through json.dumps and into HTML only through text.h.
"""

from __future__ import annotations

import json

from spf.sitegen import i18n
from spf.sitegen.components import LABEL_NAMES, page_url
from spf.sitegen.i18n import _
from spf.sitegen.published import absolute, current
from spf.sitegen.text import h, is_blank, plain

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
SCHEMA = "spf-chart-metadata/1"  # the file's format: a contract, fields are only ever added


def metadata_path(chart_id: str) -> str:
    return f"downloads/charts/{chart_id}.metadata.json"


def csv_reference(chart_id: str) -> str:
    """What a snippet loads: the stable CSV address, or the downloaded file's name without an address."""
    return absolute(f"downloads/charts/{chart_id}.csv") or f"{chart_id}.csv"


def sources(spec, pkg) -> list[dict]:
    """Each distinct (source, label) of the chart's rows, with the source's title and address from the
    package (a cell may name several sources, `a; b`); rows counted from the package itself name none."""
    seen: dict[tuple[str, str], dict] = {}
    for row in spec.data:
        label = str(row.get(spec.label_col) or "unlabelled")
        ids = [] if is_blank(row.get("source_id")) else [s.strip() for s in str(row["source_id"]).split(";")]
        for sid in [s for s in ids if s] or [""]:
            if (sid, label) not in seen:
                seen[(sid, label)] = _source(row, sid, label, pkg, single=len(ids) == 1)
    return list(seen.values())


def _source(row: dict, sid: str, label: str, pkg, single: bool) -> dict:
    if not sid:
        return {"id": None, "title": _("Counted from this site's data package"), "url": None, "label": label}
    known = pkg.sources.get(sid, {})
    # the row's own title and address belong to its source only when it names one
    title = row.get("source_title") if single and not is_blank(row.get("source_title")) else known.get("title")
    url = row.get("source_url") if single and not is_blank(row.get("source_url")) else known.get("url")
    return {"id": sid, "title": str(title or "") or None, "url": str(url or "") or None, "label": label}


def metadata(spec, page_src: str, pkg) -> str:
    """CHART_ID.metadata.json: the chart's description, in the current language, as deterministic JSON."""
    pub = current()
    rel = pub.release if pub else None
    page = page_url(page_src)
    page_path = (page + "/" if page else "") + f"#{spec.id}"
    doc = {
        "schema": SCHEMA,
        "id": spec.id,
        "language": i18n.current(),
        "title": str(spec.title),
        "summary": plain(spec.summary),
        "unit": spec.unit,
        "columns": [{"name": c.key, "title": str(c.header), "numeric": c.numeric} for c in spec.columns],
        "rows": len(spec.data),
        "sources": sources(spec, pkg),
        "verification_labels": {k: str(_(v)) for k, v in LABEL_NAMES.items()},
        "licence": LICENCE,
        "release": {"version": rel.version, "date": rel.date} if rel else None,
        "citation": citation_for(spec, page_path),
        "page": absolute(page_path) or "../../" + page_path,
        "files": {"csv": f"{spec.id}.csv", "svg": f"{spec.id}.svg", "png": f"{spec.id}.png"},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def citation_for(spec, page_path: str) -> str:
    pub = current()
    if pub is None:
        return ""
    rel = pub.release
    text = _(
        "{publisher} ({year}). {title}. In: {dataset}, version {version} (released {date}). Licence CC BY 4.0.",
        publisher=rel.publisher,
        year=rel.date[:4],
        title=spec.title,
        dataset=rel.title,
        version=rel.version,
        date=rel.date,
    )
    where = absolute(page_path)
    return f"{text} {where}" if where else str(text)


def snippets(chart_id: str) -> list[tuple[str, str]]:
    """(language, one line) that loads the chart's CSV. The reference is JSON-quoted: valid in all three."""
    ref = json.dumps(csv_reference(chart_id), ensure_ascii=True)
    return [
        ("Python (pandas)", f"import pandas as pd; df = pd.read_csv({ref})"),
        ("R", f"df <- read.csv({ref})"),
        ("Stata", f"import delimited {ref}, clear"),
    ]


def use_html(spec, page_src: str) -> str:
    """The chart's "Use this data" area: the snippets and the citation, closed until the reader opens it."""
    page = page_url(page_src)
    cite = citation_for(spec, (page + "/" if page else "") + f"#{spec.id}")
    intro = _("Load the data in one line:") if absolute("x") else _("Download the CSV, then load it in one line:")
    # code and references to copy, not sentences of figures: in <pre>, as written
    lines = "".join(f"<p>{h(lang)}</p><pre><code>{h(code)}</code></pre>" for lang, code in snippets(spec.id))
    cite_words, summary = _("Cite this chart:"), _("Use this data")
    cite_html = f'<p>{h(cite_words)}</p><pre class="chart__cite">{h(cite)}</pre>' if cite else ""
    return f'<details class="chart__use"><summary>{h(summary)}</summary><p>{h(intro)}</p>{lines}{cite_html}</details>'
