"""Generate every page and chart download from the data package.

    python -m spf.sitegen.generate --out DIR [--lang fr]   # write the generated files (for review or benchmarks)

The MkDocs plugin (sitegen/plugin.py) calls load() and pages() during `mkdocs build`; nothing generated is committed.
Generation is deterministic: the same package gives byte-identical files.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from spf.paths import DATAPACKAGE
from spf.sitegen import chart_files, chart_meta, charts, coverage, downloads, feeds, i18n, published, release
from spf.sitegen.late import Blocks
from spf.sitegen.package import Package
from spf.sitegen.pages import (
    about,
    changes,
    countries,
    data_section,
    errors,
    gaps,
    global_context,
    home,
    partners,
    results,
    thematic,
)

PAGE_MODULES = [home, results, countries, changes, thematic, partners, global_context, gaps, about, errors]


DEFAULT_SETTINGS = {"publisher": "SPF Flagship open-data contributors", "site_url": "", "cache_dir": ""}


@dataclass(frozen=True)
class Inputs:
    pkg: Package
    release: release.Release
    changelog: str
    citation_cff: str
    cache_dir: Path | None
    site_url: str = ""  # the published address ("" when not set)


def load(descriptor_path: Path = DATAPACKAGE, settings: dict | None = None) -> Inputs:
    """Load inputs. `settings` come from mkdocs.yml (publisher, site_url) and the hook (cache_dir: where
    release downloads of unchanged data are reused; none by default). CHANGELOG.md and CITATION.cff are read
    from the package's folder."""
    settings = {**DEFAULT_SETTINGS, **(settings or {})}
    pkg = Package.load(descriptor_path)
    changelog = pkg.root / "CHANGELOG.md"
    rel = release.load(pkg.descriptor, changelog, settings["publisher"], settings["site_url"])
    return Inputs(
        pkg,
        rel,
        changelog.read_text(encoding="utf-8"),
        (pkg.root / "CITATION.cff").read_text(encoding="utf-8"),
        Path(settings["cache_dir"]) if settings.get("cache_dir") else None,
        settings["site_url"] or "",
    )


def pages(
    inputs: Inputs,
    made: list[downloads.Planned],
    blocks: Blocks | None = None,
    png_sink: Callable[[dict[str, str]], None] | None = None,
) -> dict[str, str | bytes]:
    """{path under docs/: text} of every generated page and chart CSV, in the current language (i18n.using;
    English by default). With `png_sink`, the chart PNGs' {path: SVG} go to it (chart_files.PngJob.add
    renders them beside the build) instead of being rendered here. `made` are the release downloads, built
    (their sizes and checksums are written in) or only planned (placeholders, see late.py). With
    `blocks`, tables and charts are left out of the Markdown and collected there (see Page.markdown)."""
    with published.using(inputs.site_url, inputs.release):  # the charts' snippets, citations and metadata
        return _pages(inputs, made, blocks, png_sink)


def _pages(inputs: Inputs, made: list[downloads.Planned], blocks: Blocks | None, png_sink) -> dict[str, str | bytes]:
    pkg = inputs.pkg
    files: dict[str, str] = {}
    chart_ids: set[str] = set()
    png_svgs: dict[str, str] = {}
    built = [page for module in PAGE_MODULES for page in module.build(pkg)]
    built += data_section.build(pkg, made, inputs.release, inputs.changelog)
    built.append(coverage.page())
    for page in built:
        if page.src in files:
            raise ValueError(f"two generated pages share the path {page.src}")
        files[page.src] = page.markdown(blocks)
        for spec in page.charts:
            if spec.id in chart_ids:
                raise ValueError(f"two charts share the id {spec.id!r}")
            chart_ids.add(spec.id)
            files[charts.csv_path(spec)] = charts.csv_text(spec)
            files[chart_meta.metadata_path(spec.id)] = chart_meta.metadata(spec, page.src, pkg)
            files.update(chart_files.files(spec, page.src))  # SVG download, embed page
            png_svgs[chart_files.png_path(spec)] = files[chart_files.svg_path(spec)]
    if png_sink is None:
        files.update(chart_files.pngs(png_svgs))  # PNG downloads: only new SVGs are rendered, in parallel
    else:
        png_sink(png_svgs)
    files.update(chart_files.site_card())
    files[feeds.PATH] = feeds.atom(inputs.changelog, inputs.release, chart_files.site_name())  # this language's
    return files


def generate(
    descriptor_path: Path = DATAPACKAGE, settings: dict | None = None, lang: str = i18n.DEFAULT
) -> dict[str, str | bytes]:
    """{path under docs/: content} for every generated page (in `lang`), chart CSV and release download."""
    inputs = load(descriptor_path, settings)
    made = downloads.build_cached(inputs.pkg, inputs.release, inputs.citation_cff, inputs.cache_dir)
    files: dict[str, str | bytes] = {**downloads.files(made, inputs.release), **downloads.api_files(inputs)}
    with i18n.using(lang):
        generated = pages(inputs, made)
    for path, text in generated.items():
        if path in files:
            raise ValueError(f"a generated page would replace the download {path}")
        files[path] = text
    return dict(sorted(files.items()))


def write(files: dict[str, str | bytes], out: Path) -> None:
    for name, content in files.items():
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Write the generated pages to a folder.")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--package", type=Path, default=DATAPACKAGE)
    parser.add_argument("--lang", default=i18n.DEFAULT, choices=i18n.languages())
    args = parser.parse_args()
    generated = generate(args.package, lang=args.lang)
    write(generated, args.out)
    print(f"wrote {len(generated)} files to {args.out}")
