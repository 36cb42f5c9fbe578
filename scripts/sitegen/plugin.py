"""The MkDocs plugin `spf`: adds the generated pages and chart CSVs to the build, in memory, and the release
downloads.

Registered as an entry point in pyproject.toml and listed in mkdocs.yml under `plugins:` before `search`.
A generated path that collides with a hand-written page fails the build. The package path can be overridden
with SPF_DATAPACKAGE (used by tests and benchmarks), and the cache of release downloads with SPF_CACHE_DIR
(an empty value turns it off).

Tables, charts and the downloads' sizes and checksums are filled in late (late.py); the state of one build
lives on the plugin instance (self.late), never in a module."""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

from spf.paths import BUILD, DATAPACKAGE
from spf.sitegen import downloads, generate
from spf.sitegen.late import LateFill, ReleaseJob
from spf.validator.checks import resource_names


class SpfPlugin(BasePlugin):
    def __init__(self):
        self.late: LateFill | None = None

    def on_files(self, files: Files, *, config) -> Files:
        descriptor = Path(os.environ.get("SPF_DATAPACKAGE", DATAPACKAGE))
        settings = {
            "publisher": config.extra.get("publisher", ""),
            "site_url": config.site_url or "",
            "cache_dir": os.environ.get("SPF_CACHE_DIR", str(BUILD / "cache" / "downloads")),
        }
        inputs = generate.load(descriptor, settings)
        for res in inputs.pkg.descriptor["resources"]:
            # names become file names (pages, downloads); the validator says so too, but the build runs beside it
            if why := resource_names.why_unsafe(res.get("name")):
                raise RuntimeError(f"resource name {res.get('name')!r} {why}: the site was not built")
        release_folders = (downloads.folder(inputs.release) + "/", "downloads/latest/")
        for file in files:
            if file.src_uri.startswith(release_folders):
                raise RuntimeError(f"docs/{file.src_uri} is in a folder the release downloads are written to")
        self.late = LateFill(ReleaseJob(downloads.write_release, inputs, Path(config.site_dir)))
        pages = generate.pages(inputs, downloads.plan(inputs.pkg, inputs.release), self.late.blocks)
        for path in self.late.order(pages):
            if files.get_file_from_path(path) is not None:
                raise RuntimeError(f"generated file {path} would replace a hand-written file in docs/")
            files.append(File.generated(config, path, content=pages[path]))
        return files

    def on_page_content(self, html: str, *, page, config, files) -> str:
        return self.late.searchable(html)

    def on_post_page(self, output: str, *, page, config) -> str:
        return self.late.rest(output)

    def on_post_build(self, *, config) -> None:
        self.late.finish()

    def on_build_error(self, *, error) -> None:
        if self.late is not None:
            self.late.cancel()
