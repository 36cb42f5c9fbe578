"""Generate every page and chart download from the data package.

    python scripts/sitegen/generate.py --out DIR   # write the generated files (for review or benchmarks)

The MkDocs hook (sitegen/hooks.py) calls generate() during `mkdocs build`; nothing generated is committed.
Generation is deterministic: the same package gives byte-identical files.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from paths import DATAPACKAGE  # noqa: E402

from sitegen import charts  # noqa: E402
from sitegen.data import Package  # noqa: E402
from sitegen.pages import about, changes, context, countries, errors, gaps, home, partners, results, thematic  # noqa: E402

PAGE_MODULES = [home, results, countries, changes, thematic, partners, context, gaps, about, errors]


def generate(descriptor_path: Path = DATAPACKAGE) -> dict[str, str]:
    """{path under docs/: file content} for every generated page and chart CSV."""
    pkg = Package.load(descriptor_path)
    files: dict[str, str] = {}
    chart_ids: set[str] = set()
    for module in PAGE_MODULES:
        for page in module.build(pkg):
            if page.src in files:
                raise ValueError(f"two generated pages share the path {page.src}")
            files[page.src] = page.markdown()
            for spec in page.charts:
                if spec.id in chart_ids:
                    raise ValueError(f"two charts share the id {spec.id!r}")
                chart_ids.add(spec.id)
                files[charts.csv_path(spec)] = charts.csv_text(spec)
    return dict(sorted(files.items()))


def write(files: dict[str, str], out: Path) -> None:
    for rel, content in files.items():
        path = out / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Write the generated pages to a folder.")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--package", type=Path, default=DATAPACKAGE)
    args = parser.parse_args()
    generated = generate(args.package)
    write(generated, args.out)
    print(f"wrote {len(generated)} files to {args.out}")
