"""duplicate-resource, unsafe-resource-name: resource names and paths are unique, and each name is safe as
a file and page name (the site writes data/<name>/ and downloads named after it)."""

from __future__ import annotations

import re
from collections import Counter

from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["duplicate-resource", "unsafe-resource-name"]
FORKED = False
AFTER_OTHERS = False
SAFE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
RESERVED = {"index", "changelog", "downloads", "latest"}  # pages and folders the site makes under data/


def why_unsafe(name) -> str | None:
    """Why a resource name cannot be a file name, or None (the site's plugin asks too)."""
    if not isinstance(name, str):
        return "is not text"
    if name.lower() in RESERVED:
        return "is a name the site uses for its own pages"
    if not SAFE_NAME.fullmatch(name):
        return "has characters other than lower-case letters, digits, - and _ (or is longer than 64)"
    return None


def check(ctx: Context):
    resources = ctx.descriptor["resources"]
    for key in ("name", "path"):
        counts = Counter(str(r.get(key)) for r in resources if r.get(key) is not None)
        for value, n in counts.items():
            if n > 1:
                yield make_error("duplicate-resource", path=ctx.descriptor_rel, field=key, value=value)
    for res in resources:
        if reason := why_unsafe(res.get("name")):
            yield make_error(
                "unsafe-resource-name", path=ctx.descriptor_rel, field="name", value=res.get("name"), note=reason
            )
