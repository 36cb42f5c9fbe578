"""undrawable-character, control-character and drawn-text-too-long in datapackage.json: every string of the
descriptor (its title and description, keywords, licences, sources and contributors, each resource's title and
description, each field's title and description) may reach the pages, the downloads or an image, so none may
hold a character that no font draws or an invisible control character; the titles that become a citation, a
page heading or a share image (the package's and each resource's) hold at most svg.DRAWN_MAX characters, so no
title can make a citation or an image megabytes long. Each is located by its JSON path (e.g.
resources[2].schema.fields[0].title) in the error's field.

It runs first among the file checks, on the descriptor as contributed (pinned_schema then puts the pinned
schemas in place), so a planted character in a schema is reported beside schema-changed."""

from __future__ import annotations

import re

from spf.sitegen.svg import DRAWN_MAX
from spf.validator.catalogue import make_error
from spf.validator.checks.domain_rules import CONTROL, control_name, undrawable
from spf.validator.tables import Context

ERRORS = ["undrawable-character", "control-character", "drawn-text-too-long"]  # as for CSV cells
TITLES = re.compile(r"title|resources\[\d+\]\.title")  # the JSON paths of the titles that are drawn or cited
FORKED = False
AFTER_OTHERS = False


def strings(value, path: str = ""):
    """(JSON path, string) for every string value of a parsed JSON value, in document order (no recursion)."""
    stack = [(path, value)]
    while stack:
        where, item = stack.pop()
        if isinstance(item, str):
            yield where, item
        elif isinstance(item, dict):
            stack.extend((f"{where}.{key}" if where else str(key), v) for key, v in reversed(item.items()))
        elif isinstance(item, list):
            stack.extend((f"{where}[{i}]", v) for i, v in reversed(list(enumerate(item))))


def _located(descriptor: dict):
    """(resource name or None, JSON path, string) for every string of the descriptor."""
    for key, value in descriptor.items():
        if key != "resources":
            yield from ((None, where, text) for where, text in strings(value, str(key)))
    for i, res in enumerate(descriptor["resources"]):
        name = res.get("name") if isinstance(res.get("name"), str) else None
        yield from ((name, where, text) for where, text in strings(res, f"resources[{i}]"))


def check(ctx: Context):
    for resource, where, text in _located(ctx.descriptor):
        at = dict(path=ctx.descriptor_rel, resource=resource, field=where, place=f"datapackage.json at {where}")
        if note := undrawable(text):
            yield make_error("undrawable-character", note=note, **at)
        if m := CONTROL.search(text):
            yield make_error("control-character", note=control_name(m), **at)
        if TITLES.fullmatch(where) and len(text) > DRAWN_MAX:
            yield make_error("drawn-text-too-long", value=f"{len(text):,}", limit=f"{DRAWN_MAX:,}", **at)
