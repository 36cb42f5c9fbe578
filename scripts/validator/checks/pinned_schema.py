"""schema-changed: the data is checked against the project's pinned schemas (validator/pinning.py), never
against the schemas a contribution brings. This check runs first: it reports every difference between the
contributed datapackage.json and the pinned structure, then puts the pinned schema in place of each
resource's own, so every later check (frictionless included) reads the project's rules."""

from __future__ import annotations

from spf.validator import pinning
from spf.validator.catalogue import make_error
from spf.validator.tables import Context

ERRORS = ["schema-changed"]
FORKED = False
AFTER_OTHERS = False


def check(ctx: Context):
    pinned = pinning.load()
    for resource, field, what in pinning.differences(pinned, ctx.descriptor):
        yield make_error("schema-changed", path=ctx.descriptor_rel, resource=resource, field=field, note=what)
    schemas = {r["name"]: r["schema"] for r in pinned["resources"]}
    for res in ctx.descriptor["resources"]:
        if res.get("name") in schemas:
            res["schema"] = schemas[res["name"]]
