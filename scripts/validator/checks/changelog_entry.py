"""missing-changelog-entry: the package's version has its release heading in CHANGELOG.md, which the site's
release (scripts/sitegen/release.py) reads for the release date; without it `make site` could not build."""

from __future__ import annotations

import re

from spf.sitegen.release import changelog_entries
from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["missing-changelog-entry"]
FORKED = False
AFTER_OTHERS = False
MAX_CHANGELOG_BYTES = 5_000_000


def _version_line(ctx: Context) -> int | None:
    """The line of datapackage.json that gives the version (the first "version" key)."""
    text = ctx.descriptor_path.read_text(encoding="utf-8")
    m = re.search(r'"version"\s*:', text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _problem(ctx: Context, version) -> str | None:
    changelog = ctx.root / "CHANGELOG.md"
    if not isinstance(version, str) or not version:
        return "it is not a version number such as 0.3.0"
    if not changelog.is_file() or changelog.is_symlink():
        return "there is no CHANGELOG.md next to datapackage.json"
    if changelog.stat().st_size > MAX_CHANGELOG_BYTES:
        return f"CHANGELOG.md is larger than {MAX_CHANGELOG_BYTES:,} bytes"
    try:
        entries = dict(changelog_entries(changelog.read_text(encoding="utf-8")))
    except UnicodeDecodeError:
        return "CHANGELOG.md is not UTF-8 text"
    if version not in entries:
        return f"CHANGELOG.md has no heading `## {version} – YYYY-MM-DD` for it"
    return None


def check(ctx: Context):
    version = ctx.descriptor.get("version")
    if note := _problem(ctx, version):
        shown = version if isinstance(version, str) and len(version) <= 40 else "(none)"
        yield make_error(
            "missing-changelog-entry",
            path=ctx.descriptor_rel,
            row=_version_line(ctx),
            field="version",
            value=shown,
            note=note,
        )
