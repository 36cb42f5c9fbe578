"""The site's settings that generated pages and downloads need, read from the one place they are kept:
mkdocs.yml (`site_url`, the published address; `extra.repository`, the source repository). Both resolve their
`!ENV` defaults as MkDocs does (SITE_URL, SPF_REPOSITORY), so a build and the generator always agree.

An empty value means "not set": a build without SITE_URL writes no address into a citation, a download or
CITATION.cff, and without a repository no "Suggest a correction" link is shown."""

from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

from mkdocs.utils.yaml import yaml_load

from spf.paths import MKDOCS_YML


@lru_cache(maxsize=8)
def _read(path: Path, env: tuple) -> dict:
    with open(path, encoding="utf-8") as fh:
        config = yaml_load(fh) or {}
    extra = config.get("extra") or {}
    return {
        "site_url": str(config.get("site_url") or ""),
        "repository": str(extra.get("repository") or "").rstrip("/"),
    }


def load(path: Path = MKDOCS_YML) -> dict:
    """{"site_url": str, "repository": str}, each "" when not set."""
    return _read(Path(path), (os.environ.get("SITE_URL"), os.environ.get("SPF_REPOSITORY")))


def site_url(path: Path = MKDOCS_YML) -> str:
    return load(path)["site_url"]


def repository(path: Path = MKDOCS_YML) -> str:
    return load(path)["repository"]
