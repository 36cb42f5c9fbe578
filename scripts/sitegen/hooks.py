"""MkDocs hook: adds the generated pages and chart CSVs to the build, in memory, and the release downloads.

Listed in mkdocs.yml under `hooks:`. A generated path that collides with a hand-written page fails the
build. The package path can be overridden with SPF_DATAPACKAGE (used by tests and benchmarks), and the
cache of release downloads with SPF_CACHE_DIR (an empty value turns it off).

Tables and charts (finished HTML) skip Markdown: the pages hold a placeholder for each. on_page_content puts
the searchable tables back before the search plugin reads the page; on_post_page puts back the rest, which
stay out of search, so its parser skips them too (Page.markdown). The release downloads are built
by a second process while MkDocs works (release_job.py): the pages that show their sizes and checksums are
rendered last, and on_post_page writes those values in."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.structure.files import File, Files

from spf.paths import BUILD, DATAPACKAGE
from spf.sitegen import downloads, generate
from spf.sitegen.page import BLOCK_TOKEN, SEARCHABLE_TOKEN, fill_blocks
from spf.sitegen.release_job import ReleaseJob

_job: ReleaseJob | None = None
_blocks: dict[str, str] = {}


def on_files(files: Files, *, config) -> Files:
    global _job, _blocks
    descriptor = Path(os.environ.get("SPF_DATAPACKAGE", DATAPACKAGE))
    settings = {
        "publisher": config.extra.get("publisher", ""),
        "site_url": config.site_url or "",
        "cache_dir": os.environ.get("SPF_CACHE_DIR", str(BUILD / "cache" / "downloads")),
    }
    inputs = generate.load(descriptor, settings)
    release_folders = (downloads.folder(inputs.release) + "/", "downloads/latest/")
    for file in files:
        if file.src_uri.startswith(release_folders):
            raise RuntimeError(f"docs/{file.src_uri} is in a folder the release downloads are written to")
    _job = ReleaseJob(inputs, Path(config.site_dir))
    _blocks = {}
    pages = generate.pages(inputs, _job.planned, _blocks)

    def waits(path: str) -> bool:
        if isinstance(pages[path], bytes):  # chart PNGs
            return False
        texts = [pages[path], *(_blocks[t] for t in BLOCK_TOKEN.findall(pages[path]))]
        return any(downloads.PLACEHOLDER.search(t) for t in texts)

    # pages waiting for the downloads go last, so the job has the whole build to finish
    for path in sorted(pages, key=lambda p: (waits(p), p)):
        if files.get_file_from_path(path) is not None:
            raise RuntimeError(f"generated file {path} would replace a hand-written file in docs/")
        files.append(File.generated(config, path, content=pages[path]))
    return files


def on_page_content(html: str, *, page, config, files) -> str:
    return fill_blocks(html, _blocks, SEARCHABLE_TOKEN)


def on_post_page(output: str, *, page, config) -> str:
    output = fill_blocks(output, _blocks)
    return _job.fill(output) if _job is not None else output


def on_post_build(*, config) -> None:
    if _job is not None:
        _job.result()  # the downloads are all written, or the build fails here


def on_build_error(*, error) -> None:
    if _job is not None:
        _job.cancel()
