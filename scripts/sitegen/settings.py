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

DEFAULT_STALE_AFTER_YEARS = 3  # mkdocs.yml extra.stale_after_years overrides it


@lru_cache(maxsize=8)
def _read(path: Path, env: tuple) -> dict:
    with open(path, encoding="utf-8") as fh:
        config = yaml_load(fh) or {}
    extra = config.get("extra") or {}
    return {
        "site_url": str(config.get("site_url") or ""),
        "repository": str(extra.get("repository") or "").rstrip("/"),
        "stale_after_years": extra.get("stale_after_years", DEFAULT_STALE_AFTER_YEARS),
    }


def load(path: Path = MKDOCS_YML) -> dict:
    """{"site_url": str, "repository": str}, each "" when not set."""
    return _read(Path(path), (os.environ.get("SITE_URL"), os.environ.get("SPF_REPOSITORY")))


def site_url(path: Path = MKDOCS_YML) -> str:
    return load(path)["site_url"]


def repository(path: Path = MKDOCS_YML) -> str:
    return load(path)["repository"]


def stale_after_years(path: Path = MKDOCS_YML) -> int:
    """How many years before its release a dataset's newest year may be before the data pages say it is old
    (mkdocs.yml `extra.stale_after_years`). Not a whole number of years at least 1: a clear error."""
    value = load(path)["stale_after_years"]
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ValueError(
            f"mkdocs.yml extra.stale_after_years must be a whole number of years (1 or more), not {value!r}"
        )
    return value
