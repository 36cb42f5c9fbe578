"""A generated page: Markdown with front matter, plus the charts whose CSVs it links to."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from spf.sitegen.chart_files import page_image
from spf.sitegen.charts import ChartSpec, block
from spf.sitegen.components import Block, SearchableBlock
from spf.sitegen.late import Blocks
from spf.sitegen.text import h, md


@dataclass
class Page:
    src: str  # path under docs/, e.g. "countries/tgo.md"
    title: str
    description: str
    parts: list[str] = field(default_factory=list)
    charts: list[ChartSpec] = field(default_factory=list)
    # {heading level or anchor: language} of the table of contents' entries of that level or anchor, when they
    # are not in the page's language (overrides/partials/toc-item.html marks them)
    toc_lang: dict[int | str, str] = field(default_factory=dict)

    def add(self, *texts: str) -> Page:
        self.parts.extend(texts)
        return self

    def chart(self, spec: ChartSpec) -> Page:
        self.charts.append(spec)
        self.parts.append(block(spec, self.src))
        return self

    def markdown(self, blocks: Blocks | None = None) -> str:
        """The page as Markdown. With `blocks`, each Block or SearchableBlock part (a table or chart: HTML
        that holds no Markdown) is held back in `blocks` and a placeholder stands in its place, so Markdown
        need not parse it (late.py puts it back). The built page and the search index are the same either way."""
        # JSON strings are valid YAML scalars, so titles with quotes or colons stay intact. The theme writes
        # the title and description into <title>, the header, the navigation and <meta> without escaping
        # them, so they are HTML-escaped here, without the mark of an untranslated text (markup, which <title>
        # and attributes would show as text); the page's heading below keeps the mark.
        title = json.dumps(h(str(self.title)), ensure_ascii=False)
        description = json.dumps(h(str(self.description)), ensure_ascii=False)
        image = page_image([spec.id for spec in self.charts])  # share card: og:image in overrides/main.html
        toc_lang = f"toc_lang: {json.dumps(self.toc_lang)}\n" if self.toc_lang else ""
        head = f"---\ntitle: {title}\ndescription: {description}\nimage: {image}\n{toc_lang}---\n\n"
        parts = []
        for part in self.parts:
            if blocks is not None and isinstance(part, Block | SearchableBlock):
                part = blocks.hold(part.strip("\n"), searchable=isinstance(part, SearchableBlock))
            parts.append(part.strip("\n"))
        return head + f"# {md(self.title)}\n\n" + "\n\n".join(parts) + "\n"
