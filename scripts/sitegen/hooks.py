"""MkDocs hook: adds the generated pages and chart CSVs to the build, in memory.

Listed in mkdocs.yml under `hooks:`. A generated path that collides with a hand-written page fails the
build. The package path can be overridden with SPF_DATAPACKAGE (used by tests and benchmarks), and the
cache of release downloads with SPF_CACHE_DIR (an empty value turns it off)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from mkdocs.structure.files import File, Files  # noqa: E402
from paths import BUILD, DATAPACKAGE  # noqa: E402

from sitegen.generate import generate  # noqa: E402


def on_files(files: Files, *, config) -> Files:
    descriptor = Path(os.environ.get("SPF_DATAPACKAGE", DATAPACKAGE))
    settings = {
        "publisher": config.extra.get("publisher", ""),
        "site_url": config.site_url or "",
        "cache_dir": os.environ.get("SPF_CACHE_DIR", str(BUILD / "cache" / "downloads")),
    }
    for path, content in generate(descriptor, settings).items():
        if files.get_file_from_path(path) is not None:
            raise RuntimeError(f"generated file {path} would replace a hand-written file in docs/")
        files.append(File.generated(config, path, content=content))
    return files
