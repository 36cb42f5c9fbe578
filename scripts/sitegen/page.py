"""A generated page: Markdown with front matter, plus the charts whose CSVs it links to."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from sitegen.charts import ChartSpec, block
from sitegen.fmt import md


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

    def markdown(self) -> str:
        # JSON strings are valid YAML scalars, so titles with quotes or colons stay intact.
        title = json.dumps(self.title, ensure_ascii=False)
        description = json.dumps(self.description, ensure_ascii=False)
        head = f"---\ntitle: {title}\ndescription: {description}\n---\n\n"
        return head + f"# {md(self.title)}\n\n" + "\n\n".join(p.strip("\n") for p in self.parts) + "\n"
