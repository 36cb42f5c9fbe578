"""A generated page: Markdown with front matter, plus the charts whose CSVs it links to."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from spf.sitegen.chart_files import page_image
from spf.sitegen.charts import ChartSpec, block
from spf.sitegen.components import Block, SearchableBlock
from spf.sitegen.text import md


@dataclass
class Page:
    src: str  # path under docs/, e.g. "countries/tgo.md"
    title: str
    description: str
    parts: list[str] = field(default_factory=list)
    charts: list[ChartSpec] = field(default_factory=list)

    def add(self, *texts: str) -> Page:
        self.parts.extend(texts)
        return self

    def chart(self, spec: ChartSpec) -> Page:
        self.charts.append(spec)
        self.parts.append(block(spec, self.src))
        return self

    def markdown(self, blocks: dict[str, str] | None = None) -> str:
        """The page as Markdown. With `blocks`, each Block or SearchableBlock part (a table or chart: HTML
        that holds no Markdown) is replaced by a placeholder comment and stored in `blocks`, so Markdown need
        not parse it. The hook puts searchable blocks back before the search plugin reads the page
        (fill_blocks(..., SEARCHABLE_TOKEN)), and the others in the rendered page, so search does not parse
        them either. The built page and the search index are the same either way."""
        # JSON strings are valid YAML scalars, so titles with quotes or colons stay intact.
        title = json.dumps(self.title, ensure_ascii=False)
        description = json.dumps(self.description, ensure_ascii=False)
        image = page_image([spec.id for spec in self.charts])  # share card: og:image in overrides/main.html
        head = f"---\ntitle: {title}\ndescription: {description}\nimage: {image}\n---\n\n"
        parts = []
        for part in self.parts:
            if blocks is not None and isinstance(part, Block | SearchableBlock):
                kind = "spf-search-block" if isinstance(part, SearchableBlock) else "spf-block"
                token = f"<!--{kind} {len(blocks)}-->"
                blocks[token] = part.strip("\n")
                part = token
            parts.append(part.strip("\n"))
        return head + f"# {md(self.title)}\n\n" + "\n\n".join(parts) + "\n"


BLOCK_TOKEN = re.compile(r"<!--spf-(?:search-)?block \d+-->")  # either kind
SEARCHABLE_TOKEN = re.compile(r"<!--spf-search-block \d+-->")


def fill_blocks(html: str, blocks: dict[str, str], token: re.Pattern = BLOCK_TOKEN) -> str:
    """Put the blocks of Page.markdown(blocks) that match `token` back into the page (a comment that only
    looks like a placeholder stays as it is)."""
    return token.sub(lambda m: blocks.get(m.group(0), m.group(0)), html)
