"""The project's pinned Table Schemas: what every contribution's data is checked against.

validator/pinned/schemas.json holds, for each resource in order, its name, path and schema, copied from the
datapackage.json a maintainer accepted. A contribution that edits datapackage.json cannot relax a rule this
way: the data is validated against the pinned schemas, and any difference is reported as `schema-changed`
(a change that needs a maintainer).

A maintainer who accepts a change to the structure or the schemas pins it on purpose with one command:

    make pin-schemas          # python scripts/validator/pinning.py [--package PATH]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

PINNED = Path(__file__).resolve().parent / "pinned" / "schemas.json"


def pinned_of(descriptor: dict) -> dict:
    """The part of a descriptor that is pinned: each resource's name, path and schema, in order."""
    return {
        "resources": [{k: res.get(k) for k in ("name", "path", "schema")} for res in descriptor.get("resources", [])]
    }


def load(path: Path = PINNED) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _schema_changes(old: dict, new: dict) -> list[tuple[str | None, str]]:
    """(field or None, what changed) between two Table Schemas."""
    changes: list[tuple[str | None, str]] = []
    if not isinstance(new, dict):
        return [(None, "the schema")]
    old_fields = {f.get("name"): f for f in old.get("fields", [])}
    new_fields = {f.get("name"): f for f in new.get("fields", []) if isinstance(f, dict)}
    for name in old_fields.keys() - new_fields.keys():
        changes.append((name, f'field "{name}" (removed or renamed)'))
    for name in new_fields.keys() - old_fields.keys():
        changes.append((name, f'field "{name}" (added)'))
    for name in old_fields.keys() & new_fields.keys():
        for key in sorted(old_fields[name].keys() | new_fields[name].keys()):
            if old_fields[name].get(key) != new_fields[name].get(key):
                changes.append((name, f'the {key} of field "{name}"'))
    if not changes and [f.get("name") for f in old.get("fields", [])] != [
        f.get("name") for f in new.get("fields", []) if isinstance(f, dict)
    ]:
        changes.append((None, "the order of the fields"))
    for key in sorted((old.keys() | new.keys()) - {"fields"}):
        if old.get(key) != new.get(key):
            changes.append((None, f"the schema's {key}"))
    return changes


def differences(pinned: dict, descriptor: dict) -> list[tuple[str | None, str | None, str]]:
    """(resource, field, what changed) for every difference between the pinned structure and a descriptor."""
    old = {r["name"]: r for r in pinned["resources"]}
    new = {r.get("name"): r for r in descriptor.get("resources", []) if isinstance(r, dict)}
    found: list[tuple[str | None, str | None, str]] = []
    for name in old:
        if name not in new:
            found.append((name, None, f'the resource "{name}" (removed or renamed)'))
    for name, res in new.items():
        if name not in old:
            found.append((name, None, f'the resource "{name}" (added)'))
            continue
        if res.get("path") != old[name]["path"]:
            found.append((name, None, f'the path of resource "{name}"'))
        for field, what in _schema_changes(old[name]["schema"], res.get("schema")):
            found.append((name, field, f'{what} in resource "{name}"'))
    return found


def main(argv: list[str] | None = None) -> int:
    from spf.paths import DATAPACKAGE, rel

    parser = argparse.ArgumentParser(description="Pin the Table Schemas of datapackage.json (maintainers only).")
    parser.add_argument("--package", type=Path, default=DATAPACKAGE)
    args = parser.parse_args(argv)
    descriptor = json.loads(args.package.read_text(encoding="utf-8"))
    before = load() if PINNED.exists() else {"resources": []}
    changes = differences(before, descriptor)
    PINNED.parent.mkdir(parents=True, exist_ok=True)
    PINNED.write_text(json.dumps(pinned_of(descriptor), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for _, _, what in changes:
        print(f"pinned: {what}")
    print(f"{rel(PINNED)}: {len(descriptor['resources'])} resources pinned, {len(changes)} change(s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
