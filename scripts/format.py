"""Rewrite the package in canonical form: every CSV (sorted by key, LF, no stray spaces) and the `bytes`
and `hash` of each resource in datapackage.json.

    python scripts/format.py           # rewrite in place
    python scripts/format.py --check   # change nothing; exit 1 and list the files that would change
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from spf.canonical import canonical_text, file_facts, read_rows
from spf.paths import DATAPACKAGE, rel


def dump_descriptor(descriptor: dict) -> str:
    return json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n"


def formatted(descriptor_path: Path) -> dict[Path, bytes]:
    """Every file whose canonical bytes differ from what is on disk, with those bytes."""
    root = descriptor_path.parent
    descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    changes: dict[Path, bytes] = {}
    for res in descriptor["resources"]:
        path = root / res["path"]
        raw = path.read_bytes()
        text = canonical_text(res, read_rows(path)).encode("utf-8")
        if text != raw:
            changes[path] = text
        res.update(file_facts(text))
    new = dump_descriptor(descriptor).encode("utf-8")
    if new != descriptor_path.read_bytes():
        changes[descriptor_path] = new
    return changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report files that are not canonical; change nothing")
    parser.add_argument("--package", type=Path, default=DATAPACKAGE)
    args = parser.parse_args(argv)
    try:
        changes = formatted(args.package.resolve())
    except (OSError, ValueError, KeyError) as exc:
        print(f"format: cannot read the package ({exc}). Run `make validate` to see what is wrong.", file=sys.stderr)
        return 2
    root = args.package.resolve().parent
    for path in changes:
        print(f"{'would rewrite' if args.check else 'rewrote'} {rel(path, root)}")
    if args.check:
        return 1 if changes else 0
    for path, content in changes.items():
        path.write_bytes(content)
    return 0


if __name__ == "__main__":
    sys.exit(main())
